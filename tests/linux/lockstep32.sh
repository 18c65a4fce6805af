#!/usr/bin/env bash
# lockstep32.sh - `uopsim lockstep` on i386 programs, against qemu-i386
# single-stepped through its GDB stub (lockstep/ref_qemu.c): every case
# must run to its end with no divergence, with the stdout and exit status
# of the program run by qemu-i386 alone; a divergence injected on purpose
# must be reported at its instruction; bad input gets one error line.
#   bash tests/linux/lockstep32.sh        (BUILD=build by default;
#                                          UOPSIM=path tests another binary)
# Stepping through the stub costs a round trip per instruction (about 3-4
# thousand instructions a second here), so the programs are small: a
# C-library-free program (tests/linux/tiny32.c), the demo (static and
# static-pie) and sysprobe built for i386 (40-65 thousand instructions
# each), and a few applets of the i386 busybox; two cases at a time
# (JOBS=2). About half a minute in all.
# Prints one line per case and ends with "N passed, N failed"; exits
# non-zero if any case failed.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
BUILD=${BUILD:-build}
U=${UOPSIM:-"$top/$BUILD/uopsim"}
OUT="$top/$BUILD/lockstep32"
TIMEOUT=${TIMEOUT:-120}
BB32=${BB32:-"$top/.deps/i386/bin/busybox"}
mkdir -p "$OUT"

passed=0
failed=0
skipped=0
failed_names=()

pass() { passed=$((passed + 1)); echo "ok    $1"; }
fail() { failed=$((failed + 1)); failed_names+=("$1"); echo "FAIL  $1: $2"; }
skip() { skipped=$((skipped + 1)); echo "skip  $1 ($2)"; }

finish() {
  [ ${#failed_names[@]} -gt 0 ] && printf 'failed: %s\n' "${failed_names[@]}"
  [ "$skipped" -gt 0 ] && echo "$skipped skipped"
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

[ -n "${UOPSIM:-}" ] || make -s "$BUILD/uopsim" || { echo "cannot build $U"; echo "0 passed, 1 failed"; exit 1; }
if ! command -v qemu-i386 >/dev/null; then
  echo "qemu-i386 is missing (apt-get install qemu-user)"
  echo "0 passed, 1 failed"
  exit 1
fi

build() { # NAME SOURCE FLAGS...
  local name=$1 src=$2
  shift 2
  if [ ! -x "$OUT/$name" ] || [ "$src" -nt "$OUT/$name" ]; then
    gcc "$@" "$src" -o "$OUT/$name" 2>"$OUT/$name.log" || { fail "build $name" "see $OUT/$name.log"; return 1; }
  fi
}
build tiny32 tests/linux/tiny32.c -m32 -msse2 -static -nostdlib -fno-pie -no-pie -O1 -fno-stack-protector
build demo32 tests/guests/demo.c -m32 -static -O2
build demo32-pie tests/guests/demo.c -m32 -static-pie -fPIE -O2
build sysprobe32 tests/linux/sysprobe.c -m32 -static -O2
printf 'pear\napple\nfig\n' >"$OUT/sort.in"

# same NAME STDIN LOCKSTEP-OPTIONS -- PROGRAM ARGS...: `uopsim lockstep`
# finds no divergence, and its stdout and exit status are those of the
# program under qemu-i386 alone (with --max-insns, only the summary is
# checked). The case runs in the background, JOBS at a time (each run
# mostly waits for round trips to the stub); `collect` prints the results
# in order.
JOBS=${JOBS:-2}
ncases=0
same() {
  ncases=$((ncases + 1))
  while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do
    wait -n
  done
  same_case "$OUT/case$ncases" "$@" >"$OUT/case$ncases.result" &
}
collect() {
  wait
  local i line
  for ((i = 1; i <= ncases; i++)); do
    line=$(cat "$OUT/case$i.result")
    case $line in
    "ok    "*) pass "${line#ok    }" ;;
    *)
      line=${line#FAIL  }
      fail "${line%%: *}" "${line#*: }"
      ;;
    esac
  done
  ncases=0
}
same_case() {
  local tmp=$1 name=$2 input=$3
  shift 3
  local opts=()
  while [ "$1" != "--" ]; do
    opts+=("$1")
    shift
  done
  shift
  local q_out="$tmp.qemu.out" u_out="$tmp.lockstep.out" u_err="$tmp.lockstep.err" q_rc u_rc
  # (the braces keep bash's "Segmentation fault" line for a program the
  # test expects to be killed off the output)
  { timeout "$TIMEOUT" qemu-i386 "$@" <"$input" >"$q_out" 2>/dev/null; } 2>/dev/null
  q_rc=$?
  timeout "$TIMEOUT" "$U" lockstep "${opts[@]}" -- "$@" <"$input" >"$u_out" 2>"$u_err"
  u_rc=$?
  local summary
  summary=$(grep -m1 '^uopsim lockstep' "$u_err")
  summary=${summary#uopsim lockstep: no divergence (qemu-i386): }
  if ! grep -q '^uopsim lockstep: no divergence (qemu-i386)' "$u_err"; then
    echo "FAIL  $name: $(grep -m1 -A12 '^uopsim lockstep' "$u_err" | head -c 1500)"
  elif [ ${#opts[@]} -gt 0 ] && [ "$u_rc" != 0 ]; then
    echo "FAIL  $name: exit status $u_rc after --max-insns"
  elif [ ${#opts[@]} -eq 0 ] && [ "$q_rc" != "$u_rc" ]; then
    echo "FAIL  $name: exit status $u_rc, qemu-i386 alone $q_rc; $summary"
  elif [ ${#opts[@]} -eq 0 ] && ! cmp -s "$q_out" "$u_out"; then
    echo "FAIL  $name: stdout differs ($(wc -c <"$u_out") bytes, qemu-i386 alone $(wc -c <"$q_out"))"
  else
    echo "ok    $name: $summary"
  fi
}

# expect NAME STATUS STDERR-PATTERN ARGS...: `uopsim lockstep ARGS` ends
# with STATUS and its stderr matches the extended regex.
expect() {
  local name=$1 want_rc=$2 pattern=$3
  shift 3
  local u_err="$OUT/lockstep.err" rc
  timeout "$TIMEOUT" "$U" lockstep "$@" </dev/null >/dev/null 2>"$u_err"
  rc=$?
  if [ "$rc" != "$want_rc" ]; then
    fail "$name" "exit status $rc, expected $want_rc; $(head -c 300 "$u_err")"
  elif ! grep -Eq -- "$pattern" "$u_err"; then
    fail "$name" "stderr does not match /$pattern/: $(head -c 300 "$u_err")"
  else
    pass "$name"
  fi
}

start=$SECONDS
# System calls, string instructions, x87, SSE, a signal handler entered
# and left through sigreturn; timer signals arriving at any instruction;
# a fault that kills the program.
[ -x "$OUT/tiny32" ] && {
  same tiny32 /dev/null -- "$OUT/tiny32"
  same "tiny32 fault" /dev/null -- "$OUT/tiny32" fault
  same "tiny32 alarm" /dev/null -- "$OUT/tiny32" alarm
  same "tiny32 --max-insns 50" /dev/null --max-insns 50 -- "$OUT/tiny32"
  collect
  # The comparison itself: a divergence injected after instruction 100
  # (bit 0 of uopsim's EAX) must be reported there, EAX marked.
  expect "injected divergence is reported" 125 \
    'divergence at instruction 100 \(rip 0x[0-9a-f]+\): the states differ' \
    --inject-divergence 100 -- "$OUT/tiny32"
  grep -Eq '^  eax .*<-- differs' "$OUT/lockstep.err" && pass "injected divergence marks eax" ||
    fail "injected divergence marks eax" "$(head -c 600 "$OUT/lockstep.err")"
}
[ -x "$OUT/demo32" ] && same demo32 /dev/null -- "$OUT/demo32"
# static-pie: qemu chooses the load address (ref_qemu.c's guest_base search)
[ -x "$OUT/demo32-pie" ] && same demo32-pie /dev/null -- "$OUT/demo32-pie"
[ -x "$OUT/sysprobe32" ] && same sysprobe32 /dev/null -- "$OUT/sysprobe32"
if [ -x "$BB32" ]; then
  same "busybox echo" /dev/null -- "$BB32" echo lockstep 32
  same "busybox expr" /dev/null -- "$BB32" expr 6 '*' 7
  same "busybox sort" "$OUT/sort.in" -- "$BB32" sort
  same "busybox true (--max-insns 3000)" /dev/null --max-insns 3000 -- "$BB32" true
fi
collect
[ -x "$BB32" ] || skip "busybox applets" "no i386 busybox at $BB32 (make deps)"

# Bad input: one line, a non-zero status.
expect "missing program" 127 'lockstep: .*not-there' -- "$OUT/not-there"
echo "lockstep32: $((SECONDS - start)) s"
finish
