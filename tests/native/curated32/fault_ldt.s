# A selector of the LDT (TI = 1): Linux processes have none, #GP.
.intel_syntax noprefix
	mov eax, 0x2f
	mov gs, ax
