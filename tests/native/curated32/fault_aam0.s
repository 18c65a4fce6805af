# AAM 0: #DE (SIGFPE), AX unchanged.
.intel_syntax noprefix
	mov eax, 0x1234
	.byte 0xD4, 0x00
