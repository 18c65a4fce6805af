# Curated BCD adjusts (SDM vol. 2, DAA/DAS/AAA/AAS/AAM/AAD) over a table
# of operand pairs, with the defined flags saved to the data page after
# each one (PUSHFD), and SALC. The data page is at 0x20010000.
.intel_syntax noprefix
	mov edi, 0x20010000
	mov eax, 0x0979
	add al, 0x35
	daa
	pushfd
	pop dword ptr [edi + 0]
	mov [edi + 4], eax
	mov al, 0x99
	add al, 0x01
	daa
	pushfd
	pop dword ptr [edi + 8]
	mov [edi + 12], eax
	mov al, 0x35
	sub al, 0x47
	das
	pushfd
	pop dword ptr [edi + 16]
	mov [edi + 20], eax
	mov al, 0x10
	sub al, 0x01
	das
	setc byte ptr [edi + 24]
	mov [edi + 28], eax
	mov ax, 0x0108
	add al, 0x09
	aaa
	setc byte ptr [edi + 32]
	mov [edi + 36], eax
	mov ax, 0x00FA
	aaa
	mov [edi + 40], eax
	mov ax, 0x0205
	sub al, 0x09
	aas
	setc byte ptr [edi + 44]
	mov [edi + 48], eax
	mov ax, 0x0003
	aas
	mov [edi + 52], eax
	mov al, 79
	aam
	pushfd
	pop dword ptr [edi + 56]
	mov [edi + 60], eax
	mov ax, 0x0709
	aad
	mov [edi + 64], eax
	mov al, 0xFF
	.byte 0xD4, 0x10       # aam 16
	mov [edi + 68], eax
	.byte 0xD5, 0x07       # aad 7
	mov [edi + 72], eax
	stc
	.byte 0xD6             # salc
	mov [edi + 76], eax
	clc
	.byte 0xD6
	mov [edi + 80], eax
	inc eax
	dec ecx
	.byte 0x66, 0x40       # inc ax
	.byte 0x66, 0x4B       # dec bx
