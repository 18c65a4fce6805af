# Curated SSE/SSE2/SSE3/SSE4.1 floating point (uops/crack_sse_fp.c,
# uops/exec_vector_fp.c). The XMM registers and the data page start with
# random floating-point edge cases (zeros, infinities, QNaN/SNaN,
# denormals, extremes); each form runs, register and memory sources,
# under all four rounding modes, without and with FTZ+DAZ (the loop), the
# sticky MXCSR flags stored after each pass. Then RCPPS/RSQRTPS on the
# inputs whose result the SDM defines exactly (zeros, infinities, NaNs,
# denormals, negative numbers for RSQRT), and a finale with the exception
# masks taken from the random data: the first unmasked exception raises
# #XM (SIGFPE), which the harness compares too.
.intel_syntax noprefix
	mov rbx, 0x20010000
	xor ecx, ecx
1:	mov eax, ecx
	and eax, 3
	shl eax, 13
	or eax, 0x1f80
	test cl, 4
	jz 2f
	or eax, 0x8040                   # FTZ + DAZ
2:	mov [rbx + 0xf00], eax
	ldmxcsr [rbx + 0xf00]
	addps xmm0, xmm1
	subpd xmm2, [rbx + 0x10]
	mulss xmm3, xmm4
	divsd xmm5, [rbx + 0x28]
	minps xmm6, xmm7
	maxpd xmm8, [rbx + 0x40]
	minss xmm9, [rbx + 0x54]
	maxsd xmm10, xmm11
	sqrtps xmm12, xmm13
	sqrtsd xmm14, [rbx + 0x68]
	divps xmm15, xmm0
	addss xmm1, xmm2
	subsd xmm3, xmm5
	mulpd xmm4, xmm6
	cmpps xmm7, xmm8, 1
	cmppd xmm9, [rbx + 0x80], 3
	cmpss xmm10, xmm12, 4
	cmpsd xmm11, [rbx + 0x98], 6
	comiss xmm13, xmm14
	lahf
	mov [rbx + 0xa80 + rcx], ah
	ucomisd xmm15, [rbx + 0xa8]
	lahf
	mov [rbx + 0xa90 + rcx], ah
	cvtsi2ss xmm0, ecx
	cvtsi2sd xmm1, qword ptr [rbx + 0xb0]
	cvtss2si eax, xmm2
	cvttsd2si rdx, xmm3
	cvtsd2si esi, qword ptr [rbx + 0xb8]
	cvttss2si rdi, dword ptr [rbx + 0xc4]
	mov [rbx + 0xb00 + rcx*8], rdx
	mov [rbx + 0xb40 + rcx*4], eax
	cvtps2pd xmm4, xmm5
	cvtpd2ps xmm6, [rbx + 0xd0]
	cvtss2sd xmm7, xmm8
	cvtsd2ss xmm9, xmm10
	cvtdq2ps xmm11, [rbx + 0xe0]
	cvtps2dq xmm12, xmm13
	cvttps2dq xmm14, xmm15
	cvtdq2pd xmm0, xmm1
	cvtpd2dq xmm2, xmm3
	cvttpd2dq xmm4, [rbx + 0xf0]
	addsubps xmm5, xmm6
	haddpd xmm7, [rbx + 0x100]
	hsubps xmm8, xmm9
	dpps xmm10, xmm11, 0xf3
	dppd xmm12, [rbx + 0x110], 0x31
	roundps xmm13, xmm14, 4
	roundsd xmm15, [rbx + 0x128], 9
	cvtpi2ps xmm1, mm0
	cvtps2pi mm1, xmm2
	cvttpd2pi mm2, [rbx + 0x130]
	cvtpi2pd xmm3, [rbx + 0x140]
	stmxcsr [rbx + 0xc00 + rcx*4]
	inc ecx
	cmp ecx, 8
	jb 1b
	# RCP/RSQRT on the defined inputs (masked, any rounding: they ignore it).
	mov rax, 0x8000000000000000
	mov [rbx + 0xa00], rax           # +0, -0
	mov rax, 0xff8000007f800000
	mov [rbx + 0xa08], rax           # +inf, -inf
	mov rax, 0x7f8000017fc00001
	mov [rbx + 0xa10], rax           # QNaN, SNaN
	mov rax, 0x807fffff00000001
	mov [rbx + 0xa18], rax           # +denormal, -denormal
	mov rax, 0xc2000000bf800000
	mov [rbx + 0xa20], rax           # -1, -32
	mov rax, 0xffc0000080000001
	mov [rbx + 0xa28], rax           # -denormal, -QNaN
	rcpps xmm0, [rbx + 0xa00]
	rcpps xmm1, [rbx + 0xa10]
	rsqrtps xmm2, [rbx + 0xa00]
	rsqrtps xmm3, [rbx + 0xa10]
	rsqrtps xmm4, [rbx + 0xa20]
	rcpss xmm5, xmm1
	rsqrtss xmm6, dword ptr [rbx + 0xa24]
	# Finale: exception masks, rounding, FTZ, DAZ from the random data.
	mov eax, [rbx + 0x150]
	and eax, 0xffc0
	mov [rbx + 0xf00], eax
	ldmxcsr [rbx + 0xf00]
	mulps xmm7, xmm8
	addsd xmm9, xmm10
	divss xmm11, xmm12
	cvtpd2ps xmm13, xmm14
	comisd xmm15, xmm0
	stmxcsr [rbx + 0xf04]
