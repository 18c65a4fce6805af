# The x87 instruction and operand pointers (FIP, FCS, FOP, FDP, FDS) in the
# state images, stored through register-based addresses: FNSTENV and FNSAVE
# in the 32-bit and 16-bit formats (SDM vol. 1, Figures 8-9 to 8-12), after
# instructions with and without a memory operand and after FLDENV/FRSTOR,
# and FXSAVE/FXSAVE64, whose pointer fields and MXCSR_MASK are
# implementation-specific (not compared), and FXRSTOR64, which loads FCS and
# FDS as 0 (the 64-bit format has none). uop-diff finds each image's
# address as uopsim executes it (tests/native/uop_diff.c, struct
# x87_image). The host loses FCS/FDS, and without a pending exception
# FIP/FOP/FDP, whenever the kernel saves and restores its FPU state (a
# context switch): `uop-diff --native-step` makes that happen after every
# instruction, and this file must pass that way too.
.intel_syntax noprefix
	mov r15, 0x20010000
	lea rbx, [r15 + 0x400]
	xor ecx, ecx
	fninit
	fld QWORD PTR [r15 + 0x08]
	fnstenv [r15 + 0x200]
	fadd st, st(0)
	data16 fnstenv [rbx + rcx*8 - 0x1e0]
	fild DWORD PTR [r15 + 0x10]
	fxsave [rbx]
	fmul st, st(1)
	fxsave64 [rbx + 0x200]
	fnsave [rbx + 0x600]
	frstor [rbx + 0x600]
	fcom DWORD PTR [r15 + 0x18]
	data16 fnsave [rbx + 0x680]
	data16 frstor [rbx + 0x680]
	fldenv [r15 + 0x200]
	fnstenv [r15 + 0x240]
	fld1
	fnstenv [r15 + 0x260]
	# FXRSTOR64 loads FIP, FOP, FDP from the 64-bit format, which has no
	# FCS and FDS: they become 0 (FXRSTOR with REX.W = 0 loads them from
	# bytes 12 and 20). The image's pointer fields are written first: what
	# FXSAVE stored there is implementation-specific.
	fxsave64 [rbx + 0x200]
	mov word ptr [rbx + 0x206], 0x0123
	mov rax, 0x1111222233334444
	mov [rbx + 0x208], rax
	mov rax, 0x5555666677778888
	mov [rbx + 0x210], rax
	fld DWORD PTR [r15 + 0x20]
	fxrstor64 [rbx + 0x200]
	fnstenv [rbx + 0x300]
	fxsave [rbx]
	mov word ptr [rbx + 0x06], 0x0456
	mov rax, 0x2222abcd12345678
	mov [rbx + 0x08], rax
	mov rax, 0x3333ef0187654321
	mov [rbx + 0x10], rax
	fld DWORD PTR [r15 + 0x20]
	fxrstor [rbx]
	fnstenv [rbx + 0x320]
	# a pending unmasked exception (ES set): zero divide
	fninit
	mov word ptr [r15 + 0x280], 0x037b
	fldcw WORD PTR [r15 + 0x280]
	fldz
	fld DWORD PTR [r15 + 0x20]
	fdiv st, st(1)
	fnstenv [rbx + 0x700]
	fxsave [rbx + 0x800]
	fnclex
	fninit
