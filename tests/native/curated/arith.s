# Curated arithmetic edge cases: shifts and rotates by counts 0, 1, 7, 8,
# 15, 16, 31, 32, 63, 64 and more in every width; MUL/IMUL/DIV/IDIV with
# boundary operands; bit scans and counts on 0 and all-ones.
.intel_syntax noprefix
	mov r15, 0x20010000
	mov rbx, 0x8000000080008081
	xor r8, r8
	mov ecx, 0
1:	mov rax, rbx
	shl al, cl
	mov [r15 + r8*8], rax
	mov rax, rbx
	sar ax, cl
	mov [r15 + r8*8 + 0x200], rax
	mov rax, rbx
	shr eax, cl
	mov [r15 + r8*8 + 0x400], rax
	mov rax, rbx
	rol rax, cl
	mov [r15 + r8*8 + 0x600], rax
	mov rax, rbx
	rcr al, cl
	mov [r15 + r8*8 + 0x800], rax
	mov rax, rbx
	rcl ax, cl
	mov [r15 + r8*8 + 0xa00], rax
	mov rax, rbx
	ror eax, cl
	mov [r15 + r8*8 + 0xc00], rax
	mov rax, rbx
	shrd rax, rdx, cl
	mov [r15 + r8*8 + 0xe00], rax
	inc r8
	inc ecx
	cmp ecx, 66
	jne 1b
	shl rbx, 1
	shr rbx, 1
	sar rbx, 1
	mov rax, -1
	mov rdx, 3
	mul rdx
	mov rax, 0x8000000000000000
	mov rcx, -1
	imul rcx
	mov eax, 0x80000000
	mov ecx, 2
	imul eax, ecx
	mov ax, 0x7fff
	imul ax, ax, 3
	mov rax, 12345678901234
	xor edx, edx
	mov rcx, 97
	div rcx
	mov rax, -12345678901234
	cqo
	idiv rcx
	mov ax, 1000
	mov cl, 7
	div cl
	mov ax, -1000
	idiv cl
	xor ecx, ecx
	mov rdx, -1
	bsf rax, rdx
	bsr rax, rdx
	tzcnt rax, rcx
	lzcnt rax, rcx
	popcnt rax, rdx
	tzcnt eax, edx
	lzcnt ax, dx
	bswap rdx
	bswap eax
	bt rdx, 63
	bts rdx, 70
	btr rdx, rcx
	btc dword ptr [r15 + 4], 31
