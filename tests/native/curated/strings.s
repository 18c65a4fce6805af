# Curated string instructions: MOVS/STOS/LODS/CMPS/SCAS in every width, with
# and without REP/REPE/REPNE, forwards and backwards (DF), zero counts.
.intel_syntax noprefix
	cld
	mov r15, 0x20010000
	lea rsi, [r15 + 0x100]
	lea rdi, [r15 + 0x400]
	mov ecx, 37
	rep movsb
	mov ecx, 9
	rep movsw
	mov ecx, 5
	rep movsd
	mov ecx, 3
	rep movsq
	movsb
	movsq
	xor ecx, ecx
	rep movsb
	mov eax, 0x5a5a1234
	mov ecx, 7
	rep stosb
	mov ecx, 3
	rep stosd
	stosw
	stosq
	lea rsi, [r15 + 0x100]
	lodsb
	lodsw
	lodsd
	lodsq
	lea rsi, [r15 + 0x100]
	lea rdi, [r15 + 0x400]
	mov ecx, 64
	repe cmpsb
	mov r8, rcx
	lea rsi, [r15 + 0x100]
	lea rdi, [r15 + 0x180]
	mov ecx, 16
	repne cmpsq
	mov r9, rcx
	lea rdi, [r15 + 0x200]
	mov al, [r15 + 0x230]
	mov ecx, 200
	repne scasb
	mov r10, rcx
	lea rdi, [r15 + 0x200]
	mov eax, [r15 + 0x200]
	mov ecx, 50
	repe scasd
	mov r11, rcx
	std
	lea rsi, [r15 + 0x2f8]
	lea rdi, [r15 + 0x6f8]
	mov ecx, 11
	rep movsq
	mov ecx, 13
	rep stosb
	lea rsi, [r15 + 0x300]
	lodsd
	cmpsw
	scasb
	cld
