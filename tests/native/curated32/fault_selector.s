# Loading a selector without a DPL-3 GDT descriptor into DS: #GP (SIGSEGV,
# SI_KERNEL); DS keeps its value. The loads before it succeed.
.intel_syntax noprefix
	mov eax, 0x2b
	mov es, ax
	mov eax, 0
	mov fs, ax
	mov eax, 0x13
	mov ds, ax
