# BOUND out of range: #BR, a fault (SIGSEGV, SI_KERNEL, EIP at BOUND);
# the in-range checks before it pass.
.intel_syntax noprefix
	mov edi, 0x20010000
	mov dword ptr [edi], -5
	mov dword ptr [edi + 4], 100
	mov eax, 100
	bound eax, [edi]
	mov eax, -5
	bound eax, [edi]
	mov word ptr [edi + 8], 10
	mov word ptr [edi + 10], 20
	mov ecx, 0xFFFF0014
	bound cx, [edi + 8]
	mov eax, 101
	bound eax, [edi]
