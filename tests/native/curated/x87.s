# Curated x87 sequences: constants and arithmetic on the random data page
# (memory operands of every format), transcendentals, compares into FSW and
# RFLAGS, FCMOVcc, integer and BCD stores, stack overflow and underflow
# (masked: the indefinite QNaN), rounding and precision control, the
# environment and state images (FNSTENV/FLDENV, FNSAVE/FRSTOR,
# FXSAVE/FXRSTOR), and an unmasked exception that the final FWAIT turns
# into #MF (SIGFPE).
.intel_syntax noprefix
	mov r15, 0x20010000
	fninit
	fldpi
	fldl2e
	fmulp st(1), st
	fld1
	fadd DWORD PTR [r15 + 0x10]
	fsub QWORD PTR [r15 + 0x18]
	fimul DWORD PTR [r15 + 0x20]
	fidivr WORD PTR [r15 + 0x28]
	fdivr st(1), st
	fld TBYTE PTR [r15 + 0x30]
	fxch st(2)
	fcom st(1)
	fnstsw ax
	mov [r15 + 0x100], ax
	fcomi st, st(2)
	setb byte ptr [r15 + 0x102]
	fcmovnbe st, st(2)
	fucomip st, st(1)
	fcmovu st, st(1)
	fsqrt
	fsincos
	fpatan
	fldlg2
	fyl2x
	fldln2
	fld st(1)
	fyl2xp1
	fptan
	fxtract
	fscale
	fprem1
	fprem
	frndint
	f2xm1
	fxam
	fnstsw WORD PTR [r15 + 0x104]
	fist DWORD PTR [r15 + 0x108]
	fbstp TBYTE PTR [r15 + 0x110]
	fistp QWORD PTR [r15 + 0x120]
	fild WORD PTR [r15 + 0x40]
	fbld TBYTE PTR [r15 + 0x48]
	fisttp WORD PTR [r15 + 0x128]
	fstp TBYTE PTR [r15 + 0x130]
	# round up, single precision
	mov word ptr [r15 + 0x140], 0x087f
	fldcw WORD PTR [r15 + 0x140]
	fld DWORD PTR [r15 + 0x50]
	fld QWORD PTR [r15 + 0x58]
	fdiv st, st(1)
	fst QWORD PTR [r15 + 0x148]
	fstp DWORD PTR [r15 + 0x150]
	# overflow the stack, then underflow it
	fld1
	fld1
	fld1
	fld1
	fld1
	fld1
	fld1
	fld1
	fnstenv [r15 + 0x160]
	fldenv [r15 + 0x160]
	fnsave [r15 + 0x180]
	frstor [r15 + 0x180]
	ffree st(3)
	fincstp
	fdecstp
	fcompp
	fucompp
	faddp st(5), st
	fchs
	fabs
	ftst
	fxsave [0x20010400]
	fnclex
	fxrstor [r15 + 0x400]
	fnclex
	fstp st(0)
	fld DWORD PTR [r15 + 0x10]
	fstp st(0)
	# divide by zero unmasked: pending until the next waiting instruction
	mov word ptr [r15 + 0x142], 0x037b
	fldcw WORD PTR [r15 + 0x142]
	fldz
	fld1
	fdiv st, st(1)
	fnstsw ax
	fnstenv [r15 + 0x200]
	fldcw WORD PTR [r15 + 0x142]
	fwait
