# Curated 32-bit stack forms: PUSHA/POPA (both sizes), ENTER at nesting
# levels 0-5 and 31 (the micro-coded loop) with LEAVE, PUSHF/POPF in
# 32-bit mode, PUSH/POP of segment registers, MOV r/m <-> Sreg, ARPL.
.intel_syntax noprefix
	mov edi, 0x20010000
	mov ebx, 0x11223344
	pushad
	mov eax, 1
	mov ecx, 2
	mov ebp, 3
	popad
	pushaw
	not eax
	popaw
	mov ebp, esp
	enter 16, 0
	mov [ebp - 4], ebx
	leave
	mov ebp, esp
	enter 8, 1
	leave
	enter 12, 2
	enter 4, 3
	enter 0, 5
	mov [edi + 8], esp
	mov [edi + 12], ebp
	leave
	leave
	leave
	.byte 0x66, 0xC8, 0x06, 0x00, 0x02   # enter 6, 2 (16-bit operand size)
	.byte 0x66, 0xC9                     # leave (16-bit)
	mov ebp, esp
	sub esp, 256
	enter 0, 31
	leave
	add esp, 256
	pushfd
	pop eax
	and eax, 0x8d5
	mov [edi + 16], eax
	push 0x8c5
	popfd
	pushfd
	pop dword ptr [edi + 20]
	pushw 0x0841
	popfw
	pushfw
	pop word ptr [edi + 24]
	push ds
	push es
	push ss
	push cs
	push fs
	push gs
	pushw ds
	pushw fs
	pop word ptr [edi + 28]
	pop word ptr [edi + 30]
	pop gs
	pop fs
	pop eax
	pop ss
	pop es
	pop ds
	mov ax, ds
	mov [edi + 32], eax
	mov ecx, gs
	mov [edi + 36], ecx
	mov word ptr [edi + 40], fs
	mov es, word ptr [edi + 32]
	mov edx, fs
	mov gs, dx
	mov eax, gs:[0x1000 + 0x40]         # GS now has FS's descriptor (base 0x2000F000)
	mov [edi + 44], eax
	mov eax, 0x28
	mov ecx, 0x2b
	arpl ax, cx
	setz byte ptr [edi + 48]
	arpl ax, cx
	setz byte ptr [edi + 49]
	mov word ptr [edi + 50], 0x20
	arpl word ptr [edi + 50], cx
	setz byte ptr [edi + 52]
