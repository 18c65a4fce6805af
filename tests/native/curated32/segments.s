# Curated segment loads and far transfers of a flat Linux i386 process:
# LDS/LES/LFS/LGS/LSS from far pointers in memory, FS/GS-relative data
# (the harness's two TLS descriptors, bases 0x2000F000 and 0x20008000),
# null selectors into DS/ES/FS/GS, far JMP/CALL/RET through CS 0x23 (and
# RPL 0 selectors, which load as RPL 3), 16-bit addressing (67) with a
# segment base, JCXZ and LOOP with a 16-bit count.
.intel_syntax noprefix
	mov edi, 0x20010000
	mov eax, fs
	mov ebx, gs
	mov dword ptr [edi + 0x100], 0x1000
	mov [edi + 0x104], ax
	mov dword ptr [edi + 0x108], 0x8010
	mov [edi + 0x10C], bx
	mov dword ptr [edi + 0x110], 0x20010000
	mov word ptr [edi + 0x114], 0x2b
	lgs esi, [edi + 0x100]
	lfs edx, [edi + 0x108]
	mov eax, gs:[esi + 0x20]
	mov [edi + 0x200], eax
	mov ecx, fs:[edx + 0x20]
	mov [edi + 0x204], ecx
	les ebp, [edi + 0x110]
	lds ecx, [edi + 0x110]
	lss esp, [edi + 0x110]
	mov esp, 0x20021000
	mov word ptr [edi + 0x118], 0x1234
	mov word ptr [edi + 0x11A], 0x2b
	.byte 0x66, 0xC5, 0x8F, 0x18, 0x01, 0x00, 0x00    # lds cx, [edi + 0x118] (m16:16)
	mov eax, 0
	mov fs, ax
	mov eax, 1
	mov gs, ax
	mov eax, 0x28
	mov es, ax
	mov [edi + 0x208], es
	mov ax, ds
	mov es, ax
	mov gs, bx
	mov bx, 0xFFF0
	mov si, 0x8030
	mov eax, gs:[bx + si]           # 16-bit address wraps: gs:0x8020
	mov [edi + 0x20C], eax
	mov ebx, 0x1234FFF0
	mov ecx, 0x10
	mov word ptr gs:[bx + si + 2], cx
	mov ecx, 0x10000
	jcxz 1f                         # 67 E3: CX
	mov dword ptr [edi + 0x210], 1
1:	mov ecx, 0x20003
2:	inc dword ptr [edi + 0x214]
	loopw 2b                        # 67 E2: CX
	mov [edi + 0x218], ecx
	jmp 0x23:0x20000000 + 3f
3:	jmp 0x20:0x20000000 + 4f
4:	call 0x23:0x20000000 + 5f
	jmp 6f
5:	mov eax, [esp + 4]
	mov [edi + 0x21C], eax
	retf
6:	mov dword ptr [edi + 0x220], offset 7f + 0x20000000
	mov word ptr [edi + 0x224], 0x23
	call fword ptr [edi + 0x220]
	jmp 8f
7:	retf 0
8:	mov dword ptr [edi + 0x220], offset 9f + 0x20000000
	jmp fword ptr [edi + 0x220]
9:	push 0x23
	push offset 10f + 0x20000000
	retf
10:	push 0
	push 0x23
	push offset 11f + 0x20000000
	retf 4
11:	mov [edi + 0x228], esp
