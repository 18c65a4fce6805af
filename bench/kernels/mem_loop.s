# A load/store loop over the 4 KiB data page: an FNV-1a style hash of its
# bytes written back, 10 instructions an iteration, 10 million iterations.
.intel_syntax noprefix
	mov r15, 0x20010000
	mov r8d, 10000000
	mov eax, 2166136261
	xor ecx, ecx
1:	movzx edx, byte ptr [r15 + rcx]
	xor eax, edx
	imul eax, eax, 16777619
	mov [r15 + rcx], al
	add ecx, 1
	and ecx, 4095
	cmp r8d, 1
	lea r8d, [r8 - 1]
	jne 1b
	nop
