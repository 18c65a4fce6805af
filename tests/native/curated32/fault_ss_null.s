# A null selector into SS: #GP (SDM vol. 3A, 5.4.1); into DS it is fine.
.intel_syntax noprefix
	xor eax, eax
	mov ds, ax
	mov ss, ax
