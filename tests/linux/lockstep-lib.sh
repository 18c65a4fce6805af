# shellcheck shell=bash
# lockstep-lib.sh - what tests/linux/lockstep.sh (x86-64, against the real
# CPU) and tests/linux/lockstep32.sh (i386, against qemu-i386) share: the
# case runner, the results, building the guest programs. Sourced, after
# the script has set SCRIPT (its name in messages) and OUT (its scratch
# directory under $BUILD), with ORACLE an array of the words that run a
# program alone for the oracle's stdout and status (empty: natively).
set -uo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$top" || exit 1
BUILD=${BUILD:-build}
U=${UOPSIM:-"$top/$BUILD/uopsim"}
OUT="$top/$BUILD/$OUT"
TIMEOUT=${TIMEOUT:-120}
JOBS=${JOBS:-2}
mkdir -p "$OUT"
start=$SECONDS

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
  echo "$SCRIPT: $((SECONDS - start)) s"
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

[ -n "${UOPSIM:-}" ] || make -s "$BUILD/uopsim" || { echo "cannot build $U"; echo "0 passed, 1 failed"; exit 1; }

# build NAME SOURCE COMPILER FLAGS...: $OUT/NAME (COMPILER FLAGS SOURCE -o
# $OUT/NAME), kept while newer than SOURCE and this file.
build() {
  local name=$1 src=$2
  shift 2
  if [ ! -x "$OUT/$name" ] || [ "$src" -nt "$OUT/$name" ] || [ "${BASH_SOURCE[0]}" -nt "$OUT/$name" ]; then
    local cc=$1
    shift
    "$cc" "$src" -o "$OUT/$name" "$@" 2>"$OUT/$name.log" || { fail "build $name" "see $OUT/$name.log"; return 1; }
  fi
}

# same NAME STDIN [LOCKSTEP-OPTIONS] -- PROGRAM ARGS...: `uopsim lockstep`
# finds no divergence, and its stdout and exit status are those of the
# program run alone (${ORACLE[@]} PROGRAM ARGS), or of OTHER ARGS run
# natively with the pseudo-option --oracle OTHER. With --max-insns the run
# stops early (status 0): its stdout must be the start of the oracle's.
# Cases run in the background, JOBS at a time (ptrace and the GDB stub
# mostly wait for each other); `collect` prints their results in order.
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
  local opts=() oracle=()
  while [ "$1" != "--" ]; do
    if [ "$1" = --oracle ]; then
      oracle=("$2")
      shift 2
      continue
    fi
    opts+=("$1")
    shift
  done
  shift
  [ ${#oracle[@]} -gt 0 ] || oracle=(${ORACLE[@]+"${ORACLE[@]}"} "$1")
  local o_out="$tmp.oracle.out" u_out="$tmp.lockstep.out" u_err="$tmp.lockstep.err" o_rc u_rc
  # (the braces keep bash's "Segmentation fault" line for a program the
  # test expects to be killed off the output)
  { timeout "$TIMEOUT" "${oracle[@]}" "${@:2}" <"$input" >"$o_out" 2>/dev/null; } 2>/dev/null
  o_rc=$?
  timeout "$TIMEOUT" "$U" lockstep ${opts[@]+"${opts[@]}"} -- "$@" <"$input" >"$u_out" 2>"$u_err"
  u_rc=$?
  local summary who="${oracle[*]}"
  summary=$(grep -m1 '^uopsim lockstep' "$u_err")
  summary=${summary#uopsim lockstep: no divergence (*): }
  if ! grep -q '^uopsim lockstep: no divergence' "$u_err"; then
    echo "FAIL  $name: $(grep -m1 -A12 '^uopsim lockstep' "$u_err" | head -c 1500) (uopsim lockstep ${opts[*]} -- $*)"
  elif [ ${#opts[@]} -gt 0 ] && [ "$u_rc" != 0 ]; then
    echo "FAIL  $name: exit status $u_rc after --max-insns"
  elif [ ${#opts[@]} -gt 0 ] && ! head -c "$(wc -c <"$u_out")" "$o_out" | cmp -s - "$u_out"; then
    echo "FAIL  $name: stdout ($(wc -c <"$u_out") bytes) is not the start of $who's"
  elif [ ${#opts[@]} -eq 0 ] && [ "$o_rc" != "$u_rc" ]; then
    echo "FAIL  $name: exit status $u_rc, $who alone $o_rc; $summary"
  elif [ ${#opts[@]} -eq 0 ] && ! cmp -s "$o_out" "$u_out"; then
    echo "FAIL  $name: stdout differs ($(wc -c <"$u_out") bytes, $who alone $(wc -c <"$o_out"))"
  else
    echo "ok    $name: $summary"
  fi
}

# expect NAME STATUS STDERR-PATTERN ARGS...: `uopsim lockstep ARGS` ends
# with STATUS and its stderr, one line unless STATUS is 125 (a divergence
# report), matches the extended regex.
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
  elif [ "$want_rc" != 125 ] && [ "$(wc -l <"$u_err")" != 1 ]; then
    fail "$name" "$(wc -l <"$u_err") lines on stderr, expected 1: $(head -c 300 "$u_err")"
  else
    pass "$name"
  fi
}
