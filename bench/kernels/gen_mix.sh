#!/bin/sh
# gen_mix.sh - regenerates bench/kernels/mix.s from mix.c: GCC's assembly
# (position-independent, no libc, no SSE registers needed), all in .text,
# behind an entry stub that calls kmain and falls off the end (where the
# benchmark puts its int3).
set -e
cd "$(dirname "$0")"
{
	echo "# mix.s - GENERATED from mix.c by gen_mix.sh ($(gcc -dumpfullversion 2>/dev/null || gcc -dumpversion)); do not edit."
	echo "	.intel_syntax noprefix"
	echo "	.text"
	echo "	call	kmain"
	echo "	jmp	.Lkernel_end"
	gcc -O2 -fpie -ffreestanding -fno-builtin -fno-stack-protector -fcf-protection=none \
	    -fno-asynchronous-unwind-tables -fno-tree-vectorize -mno-red-zone -masm=intel -S mix.c -o - |
		sed -e '/^\t\.globl/d' -e 's/^\t\.section\t\.rodata.*/\t.text/' -e '/\.note\.GNU-stack/d' -e '/^\t\.ident/d' -e '/^\t\.file/d'
	echo "	.text"
	echo ".Lkernel_end:"
} > mix.s
