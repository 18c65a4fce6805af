# A far return to RPL 0 (an inner privilege level): #GP; ESP unchanged.
.intel_syntax noprefix
	push 0x20
	push 0x20000000
	retf
