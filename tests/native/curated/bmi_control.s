# Curated BMI1/BMI2, part 2 (bmi_logic.s has the rest): BEXTR, BZHI,
# SARX, SHLX, SHRX in 32- and 64-bit forms, register and memory
# sources, on edge values (0, 1, all ones, the sign bit) and edge controls
# (BEXTR start/length and BZHI index 0, 31, 32, 63, 64, 255; shift counts
# past the width). Each result goes to the data page, and the flags each
# instruction defines (SDM vol. 2: CF, ZF, OF and, except BEXTR, SF) to
# bytes after it.
.intel_syntax noprefix
	mov r15, 0x20010000
	xor r14d, r14d           # result slot
	mov r13, 0x20010800      # flag bytes
# store a 64-bit result, then CF ZF OF [SF]
.macro RES reg
	mov [r15 + r14*8], \reg
	inc r14d
.endm
.macro FL
	setc byte ptr [r13]
	setz byte ptr [r13 + 1]
	seto byte ptr [r13 + 2]
	add r13, 3
.endm
.macro FLS
	FL
	sets byte ptr [r13]
	inc r13
.endm
	lea rsi, [rip + values]
	xor r12d, r12d
1:	mov rbx, [rsi + r12*8]
	mov rcx, [rsi + r12*8 + 8]
	mov [r15 + 0xf00], rbx
	mov [r15 + 0xf08], rcx
	# controls: the low bytes of rcx as BEXTR start/length, BZHI index,
	# shift count
	bextr rax, rbx, rcx
	FL
	RES rax
	bextr eax, ebx, ecx
	FL
	RES rax
	bextr rax, qword ptr [r15 + 0xf00], rcx
	FL
	RES rax
	bzhi rax, rbx, rcx
	FLS
	RES rax
	bzhi eax, dword ptr [r15 + 0xf00], ecx
	FLS
	RES rax
	shlx rax, rbx, rcx
	RES rax
	shlx eax, ebx, ecx
	RES rax
	shrx rax, qword ptr [r15 + 0xf00], rcx
	RES rax
	shrx eax, ebx, ecx
	RES rax
	sarx rax, rbx, rcx
	RES rax
	sarx eax, dword ptr [r15 + 0xf00], ecx
	RES rax
	inc r12d
	cmp r12d, 22
	jb 1b
	# BEXTR/BZHI controls built from start and length pairs
	mov rbx, 0x8765432187654321
	lea rsi, [rip + controls]
	xor r12d, r12d
2:	movzx ecx, word ptr [rsi + r12*2]
	bextr rax, rbx, rcx
	FL
	RES rax
	bextr eax, ebx, ecx
	FL
	RES rax
	bzhi rax, rbx, rcx
	FLS
	RES rax
	bzhi eax, ebx, ecx
	FLS
	RES rax
	inc r12d
	cmp r12d, 24
	jb 2b
	jmp 3f
values:
	.quad 0, 0, 1, 0xffffffffffffffff, 0x8000000000000000, 0x80000000
	.quad 0xffffffff, 0x7fffffffffffffff, 0x100000000, 31, 32, 63, 64, 255
	.quad 0x0123456789abcdef, 0xf0f0f0f0f0f0f0f0, 0xdeadbeef00000000, 0x00000000cafef00d
	.quad 0x8000000080000000, 0x5555555555555555, 0xaaaaaaaaaaaaaaaa, 0x0000ffff0000ffff, 0x3f
controls:
	.word 0x0000, 0x0100, 0x0800, 0x2000, 0x4000, 0xff00, 0x0810, 0x101f, 0x0120, 0x203f
	.word 0x0140, 0x08ff, 0xff3f, 0x1f, 0x20, 0x3f, 0x40, 0xff, 0x0480, 0x0401, 0x3c04
	.word 0x3030, 0x1818, 0x4001
3:	nop
