# Curated MMX/SSE integer and data-movement edge cases (uop-diff --code):
# vector shifts by every count 0-65 and by counts above 2^32 (register
# form), byte shifts and PALIGNR past the end, saturation at the lane
# limits, PMADDWD/PMULHRSW on 0x8000, moves that merge or zero, extracts
# and inserts with out-of-range indexes, MMX state and EMMS, CRC32 of every
# size (and AH), SSE4.2 string compares, AES-NI, PCLMULQDQ, MPSADBW, GFNI, SHA,
# MASKMOVQ/MASKMOVDQU on valid addresses, unaligned forms that are allowed,
# and last a misaligned MOVDQA (#GP). The rest comes from the random
# initial registers and data. Must stay below 960 bytes (uop-diff).
.intel_syntax noprefix
	mov r15, 0x20010000
	mov rax, 0x80007fffffff0001
	movq xmm0, rax
	punpcklqdq xmm0, xmm0
	mov rax, 0x7f80ff0001fe8081
	movq xmm1, rax
	pinsrq xmm1, rax, 1
	xor ecx, ecx
1:	movd xmm7, ecx
	movdqa xmm2, xmm0
	psllw xmm2, xmm7
	paddw xmm10, xmm2
	movdqa xmm2, xmm1
	psraw xmm2, xmm7
	paddw xmm11, xmm2
	movdqa xmm2, xmm0
	psrld xmm2, xmm7
	paddd xmm12, xmm2
	movdqa xmm2, xmm1
	psrad xmm2, xmm7
	paddd xmm13, xmm2
	movdqa xmm2, xmm1
	psllq xmm2, xmm7
	paddq xmm14, xmm2
	movdq2q mm2, xmm0
	psrlq mm2, mm7
	paddq mm3, mm2
	inc ecx
	cmp ecx, 66
	jne 1b
	mov rax, 0x100000001
	movq xmm7, rax
	psrlw xmm0, xmm7
	psrad xmm1, xmm7
	psrlw xmm0, 15
	psraw xmm0, 16
	psllq xmm1, 64
	psrldq xmm2, 15
	pslldq xmm3, 16
	psrldq xmm4, 255
	palignr xmm5, xmm6, 17
	palignr xmm6, xmm9, 32
	palignr mm1, mm4, 9
	palignr mm2, mm5, 16
	mov eax, 0x80008000
	movd xmm8, eax
	pshufd xmm8, xmm8, 0
	pmaddwd xmm8, xmm8
	movd xmm9, eax
	pmulhrsw xmm9, xmm9
	paddsw xmm9, xmm0
	psubusb xmm9, xmm1
	packsswb xmm9, xmm0
	packusdw xmm9, xmm1
	pmaddubsw xmm1, xmm0
	phaddsw xmm1, xmm0
	phsubd xmm2, [r15 + 0x40]
	pabsb xmm3, xmm0
	psignw xmm3, xmm1
	pavgb xmm4, xmm1
	psadbw xmm4, xmm0
	phminposuw xmm5, xmm1
	pmuldq xmm5, xmm0
	pmulld xmm6, xmm1
	movss xmm10, xmm0
	movss xmm11, [r15 + 0x104]
	movsd xmm12, [r15 + 0x108]
	movsd xmm13, xmm1
	movlps xmm14, [r15 + 0x110]
	movhps xmm14, [r15 + 0x118]
	movhlps xmm15, xmm1
	movlhps xmm13, xmm0
	movhps [r15 + 0x120], xmm1
	movss [r15 + 0x128], xmm0
	movq xmm15, xmm1
	movq2dq xmm6, mm3
	movdq2q mm5, xmm1
	movd r8d, xmm1
	movq r9, xmm0
	pextrb r10d, xmm1, 0xff
	pextrw r11d, xmm0, 9
	pextrq [r15 + 0x130], xmm1, 3
	extractps [r15 + 0x138], xmm0, 6
	pinsrw xmm2, r8d, 9
	pinsrb xmm3, [r15 + 0x13f], 17
	insertps xmm4, xmm1, 0xd5
	insertps xmm5, [r15 + 0x144], 0xff
	pmovmskb r12d, xmm1
	movmskps r13, xmm0
	movmskpd r14d, xmm1
	ptest xmm0, xmm1
	pblendvb xmm7, xmm1
	blendvpd xmm7, [r15 + 0x150]
	pmovsxbq xmm8, [r15 + 0x163]
	pmovzxwd xmm9, [r15 + 0x175]
	movdqu [r15 + 0x181], xmm9
	lddqu xmm10, [r15 + 0x189]
	pcmpistri xmm1, [r15 + 0x191], 0x0c
	pcmpestrm xmm0, xmm1, 0x44
	pcmpistrm xmm2, xmm0, 0x7a
	pcmpestri xmm1, xmm2, 0x31
	crc32 eax, ah
	crc32 eax, word ptr [r15 + 0x199]
	crc32 rbx, rcx
	crc32 edx, byte ptr [r15 + 0x1a0]
	movd mm0, [r15 + 0x1a4]
	pinsrw mm1, eax, 6
	pextrw ebx, mm1, 5
	pmovmskb ecx, mm1
	pshufw mm3, mm1, 0x1b
	pmulhuw mm3, mm0
	punpcklbw mm4, [r15 + 0x1ac]
	packuswb mm4, mm3
	movq [r15 + 0x1b0], mm4
	emms
	movq mm6, mm0
	movd esi, mm6
	pmaxud xmm12, xmm0
	pcmpgtq xmm13, xmm1
	shufps xmm14, xmm0, 0x93
	pblendw xmm15, xmm1, 0xa5
	movdqa [r15 + 0x1c0], xmm15
	lea rdi, [r15 + 0x1d3]
	maskmovq mm1, mm2
	maskmovdqu xmm3, xmm4
	pshufb xmm5, xmm1
	pshuflw xmm6, xmm0, 0x1b
	pshufhw xmm7, xmm1, 0xe4
	movddup xmm8, [r15 + 0x1e8]
	movshdup xmm9, xmm1
	phaddw mm1, mm3
	pmovsxdq xmm10, xmm1
	aesenc xmm11, xmm1
	aesdeclast xmm12, [r15 + 0x1f0]
	aeskeygenassist xmm13, xmm0, 0x36
	aesimc xmm14, xmm1
	pclmulqdq xmm15, xmm1, 0x11
	mpsadbw xmm11, xmm12, 7
	movntss [r15 + 0x204], xmm3
	gf2p8mulb xmm1, xmm2
	gf2p8affineinvqb xmm3, [r15 + 0x210], 0x63
	sha1rnds4 xmm5, xmm6, 3
	sha256rnds2 xmm7, xmm8
	sha256msg1 xmm9, [r15 + 0x220]
	sha1msg2 xmm10, xmm11
	movdqa xmm0, [r15 + 0x1c8]
