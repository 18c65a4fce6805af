# Curated stack and flag-image instructions: PUSH/POP of every size and
# kind, LEAVE, PUSHF/POPF with controlled values, LAHF/SAHF, CLC/STC/CMC,
# CBW/CWDE/CDQE, CWD/CDQ/CQO, XCHG, XADD, CMPXCHG, CMOVcc, SETcc.
.intel_syntax noprefix
	mov r15, 0x20010000
	push rax
	push bx
	push 0x12345678
	push -5
	push qword ptr [r15 + 8]
	pop qword ptr [r15 + 16]
	pop cx
	pop rdx
	pop r8
	push rbp
	mov rbp, rsp
	sub rsp, 64
	mov [rbp - 8], rsi
	leave
	pushfq
	pop r9
	and r9, 0x8d5
	push 0x8c5
	popfq
	pushfq
	pop r10
	mov ah, 0xd7
	sahf
	lahf
	clc
	cmc
	setc [r15 + 24]
	stc
	setc [r15 + 25]
	mov eax, 0xfffe8081
	cbw
	cwde
	cdqe
	cwd
	cdq
	cqo
	mov rcx, 0x1122334455667788
	xchg eax, ecx
	xchg al, ch
	xchg [r15 + 32], rcx
	xadd [r15 + 40], rcx
	xadd r11d, ecx
	mov rax, [r15 + 48]
	cmpxchg [r15 + 48], rdx
	cmpxchg [r15 + 56], rdx
	cmp rdx, rcx
	cmovl r12, rcx
	cmovge r13d, edx
	cmovne r14w, cx
	setg [r15 + 64]
	setbe r12b
	setp ah
	cmp r12b, r13b
	sets [r15 + 65]
