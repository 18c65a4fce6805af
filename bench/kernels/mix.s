# mix.s - GENERATED from mix.c by gen_mix.sh (12.2.0); do not edit.
	.intel_syntax noprefix
	.text
	call	kmain
	jmp	.Lkernel_end
	.intel_syntax noprefix
	.text
	.p2align 4
	.type	quicksort, @function
quicksort:
	push	r13
	push	r12
	push	rbp
	mov	ebp, esi
	push	rbx
	mov	rbx, rdi
	sub	rsp, 8
	cmp	esi, 16
	jle	.L2
.L10:
	mov	eax, ebp
	lea	edx, -1[rbp]
	xor	r9d, r9d
	sar	eax
	movsx	rdi, edx
	cdqe
	mov	r8d, DWORD PTR [rbx+rax*4]
	.p2align 4,,10
	.p2align 3
.L3:
	mov	r10d, DWORD PTR [rbx+r9*4]
	lea	rax, [rbx+rdi*4]
	mov	rsi, rdi
	mov	ecx, DWORD PTR [rax]
	cmp	r10d, r8d
	jb	.L4
	cmp	r8d, ecx
	jnb	.L5
	sub	edx, 1
	lea	rdi, -4[rbx+rdi*4]
	movsx	rdx, edx
	.p2align 4,,10
	.p2align 3
.L6:
	mov	ecx, DWORD PTR [rdi]
	mov	rax, rdi
	mov	rsi, rdx
	lea	rdi, -4[rdi]
	lea	rdx, -1[rdx]
	cmp	r8d, ecx
	jb	.L6
	mov	edx, esi
.L5:
	cmp	edx, r9d
	jle	.L7
	mov	DWORD PTR [rbx+r9*4], ecx
	sub	edx, 1
	mov	DWORD PTR [rax], r10d
	movsx	rdi, edx
.L4:
	add	r9, 1
	jmp	.L3
	.p2align 4,,10
	.p2align 3
.L7:
	mov	eax, ebp
	lea	r12d, 1[rdx]
	lea	r13, 4[rbx+rsi*4]
	sub	eax, edx
	sub	eax, 1
	cmp	r12d, eax
	jge	.L8
	mov	rdi, rbx
	mov	esi, r12d
	sub	ebp, r12d
	mov	rbx, r13
	call	quicksort
.L9:
	cmp	ebp, 16
	jg	.L10
.L2:
	lea	edi, -1[rbp]
	xor	esi, esi
	cmp	ebp, 1
	jle	.L1
	.p2align 4,,10
	.p2align 3
.L15:
	mov	ecx, DWORD PTR 4[rbx+rsi*4]
	mov	rax, rsi
	jmp	.L12
	.p2align 4,,10
	.p2align 3
.L14:
	mov	DWORD PTR 4[rbx+rax*4], edx
	sub	rax, 1
	cmp	eax, -1
	je	.L17
.L12:
	mov	edx, DWORD PTR [rbx+rax*4]
	cmp	ecx, edx
	jb	.L14
	add	eax, 1
	cdqe
	lea	rax, [rbx+rax*4]
.L13:
	add	rsi, 1
	mov	DWORD PTR [rax], ecx
	cmp	rdi, rsi
	jne	.L15
.L1:
	add	rsp, 8
	pop	rbx
	pop	rbp
	pop	r12
	pop	r13
	ret
	.p2align 4,,10
	.p2align 3
.L17:
	mov	rax, rbx
	jmp	.L13
.L8:
	mov	esi, eax
	mov	rdi, r13
	mov	ebp, r12d
	call	quicksort
	jmp	.L9
	.size	quicksort, .-quicksort
	.p2align 4
	.type	kmain, @function
kmain:
	push	rbp
	mov	r11d, -1831433054
	mov	ebp, 2000
	push	rbx
	xor	ebx, ebx
	sub	rsp, 8
.L25:
	mov	edx, 536936448
	.p2align 4,,10
	.p2align 3
.L26:
	mov	eax, r11d
	add	rdx, 4
	sal	eax, 13
	xor	eax, r11d
	mov	ecx, eax
	shr	ecx, 17
	xor	eax, ecx
	mov	r11d, eax
	sal	r11d, 5
	xor	r11d, eax
	mov	DWORD PTR -4[rdx], r11d
	cmp	rdx, 536938496
	jne	.L26
	mov	esi, 512
	mov	edi, 536936448
	call	quicksort
	mov	eax, 536936448
	.p2align 4,,10
	.p2align 3
.L27:
	mov	edx, DWORD PTR [rax]
	add	rax, 4
	cmp	DWORD PTR [rax], edx
	sbb	ebx, -1
	cmp	rax, 536938492
	jne	.L27
	mov	edi, 256
	.p2align 4,,10
	.p2align 3
.L31:
	mov	eax, r11d
	xor	ecx, ecx
	sal	eax, 13
	xor	eax, r11d
	mov	edx, eax
	shr	edx, 17
	xor	eax, edx
	mov	edx, 512
	mov	r11d, eax
	sal	r11d, 5
	xor	r11d, eax
	jmp	.L29
	.p2align 4,,10
	.p2align 3
.L30:
	lea	eax, [rdx+rcx]
	sar	eax
	movsx	rsi, eax
	cmp	DWORD PTR 536936448[0+rsi*4], r11d
	jb	.L46
	mov	edx, eax
.L29:
	cmp	edx, ecx
	jg	.L30
	add	ebx, ecx
	sub	edi, 1
	jne	.L31
	mov	edx, 536936448
	mov	eax, -2128831035
.L32:
	movzx	ecx, BYTE PTR [rdx]
	add	rdx, 1
	xor	eax, ecx
	imul	eax, eax, 16777619
	cmp	rdx, 536938496
	jne	.L32
	xor	eax, ebx
	mov	edi, 116
	xor	ebx, ebx
	mov	esi, 116
	lea	rcx, s2.0[rip]
	lea	rdx, s1.1[rip]
.L34:
	add	rdx, 1
	add	rcx, 1
	cmp	dil, sil
	sete	sil
	movzx	esi, sil
	add	ebx, esi
	movzx	esi, BYTE PTR [rdx]
	test	sil, sil
	je	.L33
	movzx	edi, BYTE PTR [rcx]
	test	dil, dil
	jne	.L34
.L33:
	add	ebx, eax
	sub	ebp, 1
	jne	.L25
	mov	DWORD PTR ds:536938496, ebx
	add	rsp, 8
	pop	rbx
	pop	rbp
	ret
	.p2align 4,,10
	.p2align 3
.L46:
	lea	ecx, 1[rax]
	jmp	.L29
	.size	kmain, .-kmain
	.text
	.align 32
	.type	s2.0, @object
	.size	s2.0, 44
s2.0:
	.string	"the quick brown cat jumps over the lazy fox"
	.align 32
	.type	s1.1, @object
	.size	s1.1, 44
s1.1:
	.string	"the quick brown fox jumps over the lazy dog"
	.text
.Lkernel_end:
