# Curated BMI1/BMI2, part 1 (bmi_control.s has BEXTR, BZHI and the
# shifts): ANDN, BLSI, BLSMSK, BLSR, MULX, PDEP, PEXT, RORX in 32- and
# 64-bit forms, register and memory
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
	andn rax, rbx, rcx
	FLS
	RES rax
	andn eax, ebx, ecx
	FLS
	RES rax
	andn rdx, rcx, qword ptr [r15 + 0xf00]
	FLS
	RES rdx
	blsi rax, rbx
	FLS
	RES rax
	blsi eax, dword ptr [r15 + 0xf08]
	FLS
	RES rax
	blsmsk rax, rbx
	FLS
	RES rax
	blsmsk eax, ebx
	FLS
	RES rax
	blsr rax, qword ptr [r15 + 0xf08]
	FLS
	RES rax
	blsr eax, ebx
	FLS
	RES rax
	pdep rax, rbx, rcx
	RES rax
	pdep eax, ebx, dword ptr [r15 + 0xf08]
	RES rax
	pext rax, rbx, qword ptr [r15 + 0xf08]
	RES rax
	pext eax, ebx, ecx
	RES rax
	mov rdx, rcx
	mulx r8, r9, rbx
	RES r8
	RES r9
	mulx r8d, r9d, dword ptr [r15 + 0xf00]
	RES r8
	RES r9
	mulx r10, r10, rbx        # same destinations: the high half
	RES r10
	mov rdx, rbx
	mulx rdx, r11, rdx        # rdx as source and destination
	RES rdx
	RES r11
	mov rdx, rcx
	mulx r11, rdx, rbx        # low half into rdx
	RES rdx
	RES r11
	rorx rax, rbx, 0
	RES rax
	rorx rax, rbx, 1
	RES rax
	rorx rax, qword ptr [r15 + 0xf00], 63
	RES rax
	rorx eax, ebx, 33
	RES rax
	rorx eax, dword ptr [r15 + 0xf00], 17
	RES rax
	inc r12d
	cmp r12d, 22
	jb 1b
	jmp 3f
values:
	.quad 0, 0, 1, 0xffffffffffffffff, 0x8000000000000000, 0x80000000
	.quad 0xffffffff, 0x7fffffffffffffff, 0x100000000, 31, 32, 63, 64, 255
	.quad 0x0123456789abcdef, 0xf0f0f0f0f0f0f0f0, 0xdeadbeef00000000, 0x00000000cafef00d
	.quad 0x8000000080000000, 0x5555555555555555, 0xaaaaaaaaaaaaaaaa, 0x0000ffff0000ffff, 0x3f
3:	nop
