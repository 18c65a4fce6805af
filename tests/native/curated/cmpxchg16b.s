# Curated CMPXCHG16B: equal (m128 = RCX:RBX, ZF = 1), unequal in the low
# half, the high half or both (RDX:RAX = m128, ZF = 0, the old value
# written back), at the end of the data page, with and without LOCK; the
# other flags must be unchanged (RFLAGS stored after each). Ends with a
# misaligned operand: #GP(0) (SDM vol. 2, CMPXCHG16B).
.intel_syntax noprefix
	mov r15, 0x20010000
.macro CX m
	\m
	pushfq
	pop r8
	mov [r15 + r14*8 + 0x800], r8
	mov [r15 + r14*8 + 0x900], rax
	mov [r15 + r14*8 + 0xa00], rdx
	inc r14d
.endm
	xor r14d, r14d
	mov rax, [r15 + 0x40]
	mov rdx, [r15 + 0x48]
	CX "lock cmpxchg16b xmmword ptr [r15 + 0x40]"
	CX "cmpxchg16b xmmword ptr [r15 + 0x50]"
	CX "cmpxchg16b xmmword ptr [r15 + 0x50]"
	mov rax, [r15 + 0x60]
	mov rdx, [r15 + 0x68]
	xor rdx, 1
	CX "lock cmpxchg16b xmmword ptr [r15 + 0x60]"
	mov rax, [r15 + 0x70]
	mov rdx, [r15 + 0x78]
	xor rax, 0x8000
	CX "cmpxchg16b xmmword ptr [r15 + 0x70]"
	mov rax, [r15 + 0xff0]
	mov rdx, [r15 + 0xff8]
	CX "cmpxchg16b xmmword ptr [r15 + 0xff0]"
	stc
	CX "cmpxchg16b xmmword ptr [r15 + 0xff0]"
	mov rax, rbx
	mov rdx, rcx
	CX "lock cmpxchg16b xmmword ptr [r15 + 0xff0]"
	mov rsi, 0x20010100
	mov rax, [rsi + 0x10]
	mov rdx, [rsi + 0x18]
	CX "lock cmpxchg16b xmmword ptr [rsi + 0x10]"
	lea rdi, [r15 + 0x208]
	CX "cmpxchg16b xmmword ptr [rdi]"
	nop
