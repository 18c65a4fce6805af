# Curated control flow for uop-diff: every Jcc condition, LOOP/LOOPE/
# LOOPNE/JRCXZ/JECXZ, CALL/RET (direct, indirect, RET imm16), JMP through a
# register and through memory. Runs from random registers; the data page
# is at 0x20010000, the stack is set up by the harness.
.intel_syntax noprefix
	mov r15, 0x20010000
	mov ecx, 40
1:	mov rax, rcx
	imul rax, rax, 0x1E3779B1
	cmp eax, edx
	jo 2f
	inc r8
2:	jno 3f
	inc r9
3:	jb 4f
	add r10, rax
4:	jae 5f
	sub r10, rbx
5:	je 6f
	xor r11, rax
6:	jne 7f
	rol r11, 3
7:	jbe 8f
	add r12, 1
8:	ja 9f
	add r12, 2
9:	js 10f
	add r13, 3
10:	jns 11f
	add r13, 5
11:	jp 12f
	add r14, 7
12:	jnp 13f
	add r14, 11
13:	jl 14f
	add rbp, 13
14:	jge 15f
	add rbp, 17
15:	jle 16f
	add rsi, 19
16:	jg 17f
	add rsi, 23
17:	mov [r15 + rcx*8], rax
	loop 1b
	mov ecx, 10
18:	dec edx
	cmp edx, 3
	loopne 18b
	mov ecx, 5
19:	test eax, eax
	loope 19b
	xor ecx, ecx
	jrcxz 20f
	ud2
20:	jecxz 21f
	ud2
21:	call 22f
	jmp 23f
22:	add rdi, 1
	ret
23:	lea rax, [rip + 24f]
	call rax
	jmp 25f
24:	add rdi, 2
	ret 0
25:	lea rax, [rip + 26f]
	mov [r15 + 0x800], rax
	call qword ptr [r15 + 0x800]
	jmp 27f
26:	add rdi, 4
	ret
27:	push 5
	push 6
	call 28f
	jmp 29f
28:	add rdi, 8
	ret 16
29:	lea rax, [rip + 30f]
	jmp rax
	ud2
30:	lea rax, [rip + 31f]
	mov [r15 + 0x808], rax
	jmp qword ptr [r15 + 0x808]
	ud2
31:	nop
