# A far jump to a data segment selector: #GP, EIP and CS unchanged.
.intel_syntax noprefix
	jmp 0x2b:0x20000000
