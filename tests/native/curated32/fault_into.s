# INTO: no trap with OF = 0, #OF with OF = 1 (a trap: EIP after INTO).
.intel_syntax noprefix
	xor eax, eax
	into
	mov eax, 0x7fffffff
	inc eax
	into
