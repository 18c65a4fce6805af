#!/usr/bin/env bash
# lockstep.sh - `uopsim lockstep` on x86-64 Linux programs: the program runs
# natively under ptrace and on uopsim side by side, and the architected state
# must agree after every instruction (0 divergences), with the program's
# stdout and exit status those of a plain native run. Covers every program
# of tests/guests (glibc static, a few glibc dynamic and musl builds; long
# ones for their first instructions only, --max-insns), static and
# dynamically linked programs (ld.so runs in lockstep too), busybox applets,
# shells that fork and execve, guest faults and signal handlers. A case that
# must fail checks that the engine does report a divergence where one was
# injected; bad input must give one clear error line and a non-zero status.
#   bash tests/linux/lockstep.sh          (BUILD=build by default;
#                                          UOPSIM=path tests another binary)
# Prints one line per case and ends with "N passed, N failed"; exits
# non-zero if any case failed. About 3.4 million single-stepped
# instructions (ptrace runs roughly 35,000 a second here), two cases at a
# time (JOBS=2): under a minute.
SCRIPT=lockstep
OUT=lockstep-guests
ORACLE=()
# shellcheck source=tests/linux/lockstep-lib.sh
. "$(dirname "$0")/lockstep-lib.sh"
BUSYBOX=${BUSYBOX:-/bin/busybox}

build_guest() { # NAME SOURCE FLAGS...
  local name=$1 src=$2
  shift 2
  build "$name" "$src" gcc -O2 "$@"
}
# tests/guests: glibc static for all, glibc dynamic and musl static for a
# few (musl's start-up and string functions are other code).
for src in tests/guests/*.c; do
  build_guest "guest-$(basename "$src" .c)" "$src" -static -lm
done
for p in demo files x87; do
  build_guest "guest-$p-dynamic" "tests/guests/$p.c" -lm
done
if command -v musl-gcc >/dev/null; then
  for p in demo jmp strings x87; do
    build "guest-$p-musl" "tests/guests/$p.c" musl-gcc -O2 -static -lm
  done
fi
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
# Single-stepping under ptrace sets TF, which PUSHF stores: the engine
# clears it in the reference's image (REF_BLIND_PUSHF_TF).
cat >"$OUT/pushf.c" <<'EOF'
#include <stdio.h>
int main(void)
{
	unsigned long f;
	__asm__ volatile("pushf; pop %0" : "=r"(f));
	printf("tf %lu\n", (f >> 8) & 1);
	return 0;
}
EOF
build_guest pushf "$OUT/pushf.c" -static

# tests/guests: whole runs, or the first N instructions (--max-insns N)
# of the long ones (their full counts, glibc static: arith 4.4M, float
# 0.74M, hash 15.8M, lz 11.2M, recursion 10.6M, sort 12.4M, strings 7.1M,
# x87 0.60M; float and x87 also run whole with no divergence, in about 20
# seconds each).
for p in demo files jmp signals; do
  same "guest $p" /dev/null -- "$OUT/guest-$p"
done
for p in arith hash lz recursion sort strings; do
  same "guest $p (--max-insns 150000)" /dev/null --max-insns 150000 -- "$OUT/guest-$p"
done
same "guest float (--max-insns 250000)" /dev/null --max-insns 250000 -- "$OUT/guest-float"
same "guest x87 (--max-insns 250000)" /dev/null --max-insns 250000 -- "$OUT/guest-x87"
for p in demo files; do
  [ -x "$OUT/guest-$p-dynamic" ] && same "guest $p glibc dynamic" /dev/null -- "$OUT/guest-$p-dynamic"
done
[ -x "$OUT/guest-x87-dynamic" ] &&
  same "guest x87 glibc dynamic (--max-insns 300000)" /dev/null --max-insns 300000 -- "$OUT/guest-x87-dynamic"
for p in demo jmp; do
  [ -x "$OUT/guest-$p-musl" ] && same "guest $p musl" /dev/null -- "$OUT/guest-$p-musl"
done
for p in strings x87; do
  [ -x "$OUT/guest-$p-musl" ] &&
    same "guest $p musl (--max-insns 150000)" /dev/null --max-insns 150000 -- "$OUT/guest-$p-musl"
done
command -v musl-gcc >/dev/null || skip "musl builds" "no musl-gcc"

# Other static programs.
same sysprobe /dev/null -- "$OUT/sysprobe" one 5
same rdtsc-cpuid /dev/null -- "$OUT/tsc"
same busybox-echo /dev/null -- "$BUSYBOX" echo hello lockstep
same busybox-sort "$OUT/fruit.txt" -- "$BUSYBOX" sort
same busybox-md5sum /dev/null -- "$BUSYBOX" md5sum "$OUT/fruit.txt"
# Shell builtins and fork: the child runs natively, untraced; the parent
# stays in lockstep.
same busybox-sh-pipeline /dev/null -- "$BUSYBOX" sh -c "x=4; echo a \$((x * 5)) | $BUSYBOX tr a z; test \$x -eq 4"
# execve: the new program is mirrored afresh.
same busybox-sh-exec /dev/null -- "$BUSYBOX" sh -c "exec $BUSYBOX echo replaced"
# Dynamically linked: ld.so, relocation, libc's IFUNC choices (made from
# uopsim's CPUID on both sides).
same dynamic-true /dev/null -- /bin/true
# Guest faults and signal handlers: the fault must be uopsim's too, then
# the frame the kernel built is copied.
same fault-segv /dev/null -- "$OUT/fault" segv
same fault-div /dev/null -- "$OUT/fault" div
for c in segv usr1 alarm altstack; do
  same "signals-$c" /dev/null -- "$OUT/signals" "$c"
done
same syscall-restart /dev/null -- "$OUT/restart"
same pushf-tf /dev/null -- "$OUT/pushf"
collect

# --from-insn: the instructions before are not compared, the rest are.
err=$("$U" lockstep --from-insn 30000 -- "$OUT/guest-demo" 2>&1 >/dev/null)
rc=$?
total=$(grep -o '[0-9]* instructions compared' <<<"$err" | cut -d' ' -f1)
if [ "$rc" = 0 ] && [ -n "$total" ] && [ "$total" -gt 0 ] && [ "$total" -lt 15000 ]; then
  pass "from-insn ($total instructions compared)"
else
  fail from-insn "status $rc: $err"
fi

# A divergence must be caught: flip a bit of uopsim's RAX after instruction
# 5000; the report must name that instruction, mark RAX and exit 125.
err=$("$U" lockstep --inject-divergence 5000 -- "$OUT/guest-demo" 2>&1 >/dev/null)
rc=$?
if [ "$rc" = 125 ] && grep -q '^uopsim lockstep: divergence at instruction 5000 ' <<<"$err" &&
  grep -Eq '^  rax .*<-- differs' <<<"$err" && [ "$(grep -c '<-- differs' <<<"$err")" = 1 ]; then
  pass "injected divergence reported"
else
  fail "injected divergence" "status $rc: $(head -1 <<<"$err")"
fi

# Bad input: one clear line, a non-zero status.
expect missing-file 127 'No such file' "$OUT/no-such-program"
expect not-elf 127 'not an ELF file' "$OUT/fruit.txt"
head -c 18 "$OUT/guest-demo" >"$OUT/arm64" && printf '\xb7\x00' >>"$OUT/arm64" && tail -c +21 "$OUT/guest-demo" >>"$OUT/arm64"
expect wrong-machine 127 'not an x86-64 or i386 program' "$OUT/arm64"
expect no-program 2 'no program given'
expect bad-number 2 'needs a positive number' --max-insns -3 "$OUT/guest-demo"

finish
