#!/usr/bin/env bash
# lockstep.sh - `uopsim lockstep` on x86-64 Linux programs: the program runs
# natively under ptrace and on uopsim side by side, and the architected state
# must agree after every instruction (0 divergences), with the program's
# stdout and exit status those of a plain native run. Covers static and
# dynamically linked programs (ld.so runs in lockstep too), busybox applets,
# shells that fork and execve, guest faults and signal handlers. A case that
# must fail checks that the engine does report a divergence where one was
# injected; bad input must give one clear error line and a non-zero status.
#   bash tests/linux/lockstep.sh          (BUILD=build by default;
#                                          UOPSIM=path tests another binary)
# Prints one line per case and ends with "N passed, N failed"; exits
# non-zero if any case failed. About 800,000 single-stepped instructions
# (ptrace runs roughly 30,000 a second here).
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
BUILD=${BUILD:-build}
U=${UOPSIM:-"$top/$BUILD/uopsim"}
OUT="$top/$BUILD/lockstep-guests"
TIMEOUT=${TIMEOUT:-120}
BUSYBOX=${BUSYBOX:-/bin/busybox}
mkdir -p "$OUT"

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok    $1"; }
fail() { failed=$((failed + 1)); echo "FAIL  $1: $2"; }

[ -n "${UOPSIM:-}" ] || make -s "$BUILD/uopsim" || { echo "cannot build $U"; echo "0 passed, 1 failed"; exit 1; }

build_guest() { # NAME SOURCE FLAGS...
  local name=$1 src=$2
  shift 2
  if [ ! -x "$OUT/$name" ] || [ "$src" -nt "$OUT/$name" ]; then
    gcc -O2 "$@" "$src" -o "$OUT/$name" 2>"$OUT/$name.log" || { echo "cannot build $name (see $OUT/$name.log)"; return 1; }
  fi
}
build_guest demo tests/guests/demo.c -static
build_guest sysprobe tests/linux/sysprobe.c -static
build_guest signals tests/linux/signals.c -static
build_guest fault tests/linux/fault.c -static
printf 'pear\napple\nfig\nbanana\nkiwi\n' >"$OUT/fruit.txt"
# RDTSC and RDTSCP read the reference's counter on both sides; CPUID answers
# as uopsim's on both sides (its values differ from a native run's, so
# they are not printed).
cat >"$OUT/tsc.c" <<'EOF'
#include <stdio.h>
#include <x86intrin.h>
int main(void)
{
	unsigned aux, r[4];
	unsigned long long a = __rdtsc(), b = __rdtscp(&aux), c = __rdtsc();
	__asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(7), "c"(0));
	printf("tsc increasing %d %d\n", b >= a, c >= b);
	return 0;
}
EOF
build_guest tsc "$OUT/tsc.c" -static
# A signal the program ignores (SIGWINCH) still interrupts a system call of
# a traced program, which the kernel then restarts: the restarted read must
# be seen as a system call again.
cat >"$OUT/restart.c" <<'EOF'
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void)
{
	int fd[2];
	char b = 0;
	if (pipe(fd))
		return 1;
	pid_t parent = getpid(), child = fork();
	if (child == 0) {
		usleep(200000);
		kill(parent, SIGWINCH);
		usleep(200000);
		_exit(write(fd[1], "x", 1) != 1);
	}
	ssize_t n = read(fd[0], &b, 1);
	waitpid(child, NULL, 0);
	printf("read %zd %c\n", n, b);
	return 0;
}
EOF
build_guest restart "$OUT/restart.c" -static

# same NAME STDIN PROGRAM ARGS...: under lockstep, no divergence, and the
# stdout bytes and exit status of the native run.
same() {
  local name=$1 input=$2
  shift 2
  local n_out="$OUT/native.out" l_out="$OUT/lockstep.out" l_err="$OUT/lockstep.err" n_rc l_rc
  (timeout "$TIMEOUT" "$@" <"$input" >"$n_out"; exit $?) 2>/dev/null
  n_rc=$?
  timeout "$TIMEOUT" "$U" lockstep -- "$@" <"$input" >"$l_out" 2>"$l_err"
  l_rc=$?
  if grep -q 'divergence at' "$l_err"; then
    fail "$name" "$(grep -m1 'divergence at' "$l_err") (uopsim lockstep -- $*)"
  elif ! grep -q '^uopsim lockstep: no divergence' "$l_err"; then
    fail "$name" "status $l_rc: $(grep -m1 '^uopsim' "$l_err")"
  elif [ "$n_rc" != "$l_rc" ]; then
    fail "$name" "exit status $l_rc, native $n_rc"
  elif ! cmp -s "$n_out" "$l_out"; then
    fail "$name" "stdout differs ($(wc -c <"$l_out") bytes, native $(wc -c <"$n_out"))"
  else
    pass "$name ($(sed -n 's/.*no divergence ([a-z0-9-]*): \([0-9]*\) instructions.*/\1/p' "$l_err") instructions)"
  fi
}

# Static programs.
same demo /dev/null "$OUT/demo"
same sysprobe /dev/null "$OUT/sysprobe" one 5
same rdtsc-cpuid /dev/null "$OUT/tsc"
same busybox-echo /dev/null "$BUSYBOX" echo hello lockstep
same busybox-sort "$OUT/fruit.txt" "$BUSYBOX" sort
same busybox-md5sum /dev/null "$BUSYBOX" md5sum "$OUT/fruit.txt"
# Shell builtins and fork: the child runs natively, untraced; the parent
# stays in lockstep.
same busybox-sh-pipeline /dev/null "$BUSYBOX" sh -c "x=4; echo a \$((x * 5)) | $BUSYBOX tr a z; test \$x -eq 4"
# execve: the new program is mirrored afresh.
same busybox-sh-exec /dev/null "$BUSYBOX" sh -c "exec $BUSYBOX echo replaced"
# Dynamically linked: ld.so, relocation, libc's IFUNC choices (made from
# uopsim's CPUID on both sides).
same dynamic-true /dev/null /bin/true
# Guest faults and signal handlers: the fault must be uopsim's too, then
# the frame the kernel built is copied.
same fault-segv /dev/null "$OUT/fault" segv
same fault-div /dev/null "$OUT/fault" div
for c in segv usr1 alarm altstack; do
  same "signals-$c" /dev/null "$OUT/signals" "$c"
done
same syscall-restart /dev/null "$OUT/restart"

# --from-insn: the instructions before are not compared, the rest are.
err=$("$U" lockstep --from-insn 30000 -- "$OUT/demo" 2>&1 >/dev/null)
rc=$?
total=$(grep -o '[0-9]* instructions compared' <<<"$err" | cut -d' ' -f1)
if [ "$rc" = 0 ] && [ -n "$total" ] && [ "$total" -gt 0 ] && [ "$total" -lt 15000 ]; then
  pass "from-insn ($total instructions compared)"
else
  fail from-insn "status $rc: $err"
fi

# A divergence must be caught: flip a bit of uopsim's RAX after instruction
# 5000; the report must name that instruction, mark RAX and exit 125.
err=$("$U" lockstep --inject-divergence 5000 -- "$OUT/demo" 2>&1 >/dev/null)
rc=$?
if [ "$rc" = 125 ] && grep -q '^uopsim lockstep: divergence at instruction 5000 ' <<<"$err" &&
  grep -Eq '^  rax .*<-- differs' <<<"$err" && [ "$(grep -c '<-- differs' <<<"$err")" = 1 ]; then
  pass "injected divergence reported"
else
  fail "injected divergence" "status $rc: $(head -1 <<<"$err")"
fi

# Bad input: one clear line, a non-zero status.
bad() { # NAME EXPECTED-STATUS PATTERN ARGS...
  local name=$1 want=$2 pattern=$3
  shift 3
  local err rc
  err=$("$U" lockstep "$@" 2>&1 >/dev/null)
  rc=$?
  if [ "$rc" = "$want" ] && [ "$(wc -l <<<"$err")" = 1 ] && grep -q -- "$pattern" <<<"$err"; then
    pass "$name"
  else
    fail "$name" "status $rc (want $want): $err"
  fi
}
bad missing-file 127 'No such file' "$OUT/no-such-program"
bad not-elf 127 'not an ELF file' "$OUT/fruit.txt"
head -c 18 "$OUT/demo" >"$OUT/arm64" && printf '\xb7\x00' >>"$OUT/arm64" && tail -c +21 "$OUT/demo" >>"$OUT/arm64"
bad wrong-machine 127 'not an x86-64 or i386 program' "$OUT/arm64"
bad no-program 2 'no program given'
bad bad-number 2 'needs a positive number' --max-insns -3 "$OUT/demo"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
