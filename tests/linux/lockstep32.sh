#!/usr/bin/env bash
# lockstep32.sh - `uopsim lockstep` on i386 programs, against qemu-i386
# single-stepped through its GDB stub (lockstep/ref_qemu.c): every case
# must run to its end with no divergence, with the stdout and exit status
# of the program run by qemu-i386 alone; a divergence injected on purpose
# must be reported at its instruction; bad input gets one error line.
#   bash tests/linux/lockstep32.sh        (BUILD=build by default;
#                                          UOPSIM=path tests another binary)
# Stepping through the stub costs a round trip per instruction (about 4-8
# thousand instructions a second here), so the programs are small: a
# C-library-free program (tests/linux/tiny32.c), the demo (static and
# static-pie) and sysprobe built for i386 (40-65 thousand instructions
# each), every program of tests/guests built with the i386 musl of
# .deps/i386 (static: its start-up is a few thousand instructions), the
# long ones for their first instructions only (--max-insns), and a few
# applets of the i386 busybox; two cases at a time (JOBS=2). About a
# minute in all.
# Prints one line per case and ends with "N passed, N failed"; exits
# non-zero if any case failed.
SCRIPT=lockstep32
OUT=lockstep32
ORACLE=(qemu-i386)
# shellcheck source=tests/linux/lockstep-lib.sh
. "$(dirname "$0")/lockstep-lib.sh"
BB32=${BB32:-"$top/.deps/i386/bin/busybox"}
MUSL32="$top/.deps/i386/usr/lib/i386-linux-musl"

if ! command -v qemu-i386 >/dev/null; then
  echo "qemu-i386 is missing (apt-get install qemu-user)"
  echo "0 passed, 1 failed"
  exit 1
fi

build tiny32 tests/linux/tiny32.c gcc -m32 -msse2 -static -nostdlib -fno-pie -no-pie -O1 -fno-stack-protector
build demo32 tests/guests/demo.c gcc -m32 -static -O2
build demo32-pie tests/guests/demo.c gcc -m32 -static-pie -fPIE -O2
build sysprobe32 tests/linux/sysprobe.c gcc -m32 -static -O2
printf 'pear\napple\nfig\n' >"$OUT/sort.in"
# tests/guests with the i386 musl (Debian's specs, with paths into
# .deps/i386 and the i386 linker emulation, as tests/linux/run-suite.sh).
have_musl32=0
if [ -f "$MUSL32/libc.a" ]; then
  sed -e "s|/usr/|$top/.deps/i386/usr/|g" -e 's|^-dynamic-linker|-m elf_i386 -dynamic-linker|' \
    "$MUSL32/musl-gcc.specs" >"$OUT/musl32.specs.new"
  cmp -s "$OUT/musl32.specs.new" "$OUT/musl32.specs" || mv "$OUT/musl32.specs.new" "$OUT/musl32.specs"
  have_musl32=1
  for src in tests/guests/*.c; do
    build "guest-$(basename "$src" .c)" "$src" gcc -m32 -O2 -static -specs "$OUT/musl32.specs" -lm
  done
fi
# Where qemu 7.2's x87 differs from the CPU (ref_qemu.c's blind bits):
# FPREM1's quotient bits, FYL2X's last bit, DE after loading a denormal,
# OF, SF and AF after FCOMI. The engine gives qemu uopsim's values there,
# so the program's stdout is the CPU's: the oracle is the same program
# built for x86-64, run natively. Also C2 after FSQRT of a negative
# number: undefined (qemu sets it, the CPU clears it), so not compared
# and not printed.
cat >"$OUT/x87-qemu.c" <<'EOF'
#include <string.h>
#include <unistd.h>
/* Each line: the x87 status word after an instruction qemu-i386 7.2 gets
 * wrong, and the result's bits (formatted by hand: few instructions);
 * last, the arithmetic flags after FCOMI. */
static char out[1024];
static size_t len;
static void hex(unsigned long long v, int digits)
{
	while (digits--)
		out[len++] = "0123456789abcdef"[(v >> 4 * digits) & 15];
}
static void show(const char *what, long double r, unsigned short sw)
{
	unsigned long long m;
	unsigned short se;
	memcpy(&m, &r, 8);
	memcpy(&se, (char *)&r + 8, 2);
	len += (size_t)(stpcpy(out + len, what) - (out + len));
	out[len++] = ' ';
	hex(sw & 0x7fff, 4);
	out[len++] = ' ';
	hex(se, 4);
	out[len++] = ':';
	hex(m, 16);
	out[len++] = '\n';
}
int main(void)
{
	volatile double three = 3.0, denormal = 5e-324, neg = -2.0;
	long double r;
	unsigned short sw;
	static const double rem[][2] = {{10.5, 3}, {7.5, 3}, {13.5, 3}, {100, 7}, {-10.5, 3}};
	for (unsigned i = 0; i < sizeof rem / sizeof rem[0]; i++) {
		__asm__("fninit; fldl %3; fldl %2; fprem1; fnstsw %1; fstp %%st(1)"
		        : "=t"(r), "=m"(sw) : "m"(rem[i][0]), "m"(rem[i][1]));
		show("fprem1 (quotient bits)", r, sw);
	}
	__asm__("fninit; fldln2; fldl %2; fyl2x; fnstsw %1" : "=t"(r), "=m"(sw) : "m"(three));
	show("fyl2x: ln 3 (last bit)", r, sw);
	__asm__("fninit; fldl %2; fnstsw %1" : "=t"(r), "=m"(sw) : "m"(denormal));
	show("fld denormal (DE)", r, sw);
	__asm__("fninit; fldl %2; fsqrt; fnstsw %1" : "=t"(r), "=m"(sw) : "m"(neg));
	show("fsqrt -2 (C2 undefined)", r, (unsigned short)(sw & ~0x4500));
	unsigned long flags = 0x8d5;
	__asm__("fninit; fldl %2; fldl %2; fld1; push %1; popf; fcomi %%st(1), %%st; pushf; pop %0; fninit"
	        : "=r"(flags) : "r"(flags), "m"(three) : "cc");
	len += (size_t)(stpcpy(out + len, "fcomi 1, 3: flags ") - (out + len));
	hex(flags & 0x8d5, 4);
	out[len++] = '\n';
	return write(1, out, len) != (ssize_t)len;
}
EOF
if [ "$have_musl32" = 1 ]; then
  build x87-qemu "$OUT/x87-qemu.c" gcc -m32 -O2 -static -specs "$OUT/musl32.specs"
else
  build x87-qemu "$OUT/x87-qemu.c" gcc -m32 -O2 -static
fi
build x87-qemu-64 "$OUT/x87-qemu.c" gcc -O2

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
  if grep -Eq '^  eax .*<-- differs' "$OUT/lockstep.err"; then
    pass "injected divergence marks eax"
  else
    fail "injected divergence marks eax" "$(head -c 600 "$OUT/lockstep.err")"
  fi
}
[ -x "$OUT/demo32" ] && same demo32 /dev/null -- "$OUT/demo32"
# static-pie: qemu chooses the load address (ref_qemu.c's guest_base search)
[ -x "$OUT/demo32-pie" ] && same demo32-pie /dev/null -- "$OUT/demo32-pie"
[ -x "$OUT/sysprobe32" ] && same sysprobe32 /dev/null -- "$OUT/sysprobe32"
[ -x "$OUT/x87-qemu" ] && [ -x "$OUT/x87-qemu-64" ] &&
  same "x87 where qemu-i386 is wrong" /dev/null --oracle "$OUT/x87-qemu-64" -- "$OUT/x87-qemu"
if [ -x "$BB32" ]; then
  same "busybox echo" /dev/null -- "$BB32" echo lockstep 32
  same "busybox expr" /dev/null -- "$BB32" expr 6 '*' 7
  same "busybox sort" "$OUT/sort.in" -- "$BB32" sort
  same "busybox true (--max-insns 3000)" /dev/null --max-insns 3000 -- "$BB32" true
fi
collect
[ -x "$BB32" ] || skip "busybox applets" "no i386 busybox at $BB32 (make deps)"

# tests/guests, musl static: whole runs, or the first N instructions of the
# long ones (their full counts: arith 21.6M, files 0.49M, float 0.84M,
# hash 20.1M, lz 12.2M, recursion 12.6M, sort 42.2M, strings 8.9M, x87
# 18.6M). (float also runs whole with no divergence, in 140 seconds, and
# x87's first 1.5 million instructions in 250: too long here.)
if [ "$have_musl32" = 1 ]; then
  for p in demo signals jmp; do
    same "guest $p" /dev/null -- "$OUT/guest-$p"
  done
  same "guest float (--max-insns 60000)" /dev/null --max-insns 60000 -- "$OUT/guest-float"
  for p in files x87; do
    same "guest $p (--max-insns 40000)" /dev/null --max-insns 40000 -- "$OUT/guest-$p"
  done
  for p in arith hash lz recursion sort strings; do
    same "guest $p (--max-insns 25000)" /dev/null --max-insns 25000 -- "$OUT/guest-$p"
  done
  collect
else
  skip "tests/guests" "no i386 musl at $MUSL32 (make deps)"
fi

# Bad input: one line, a non-zero status.
expect "missing program" 127 'lockstep: .*not-there' -- "$OUT/not-there"
finish
