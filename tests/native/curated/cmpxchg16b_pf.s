# Curated CMPXCHG16B past the data page: #PF (SIGSEGV) with nothing
# changed, after an equal and an unequal compare at the page's last 16
# bytes.
.intel_syntax noprefix
	mov r15, 0x20010000
	mov rax, [r15 + 0xff0]
	mov rdx, [r15 + 0xff8]
	lock cmpxchg16b xmmword ptr [r15 + 0xff0]
	setz byte ptr [r15 + 0x800]
	add rax, 1
	cmpxchg16b xmmword ptr [r15 + 0xff0]
	setz byte ptr [r15 + 0x801]
	mov rax, [r15 + 0x10]
	mov rdx, [r15 + 0x18]
	cmpxchg16b xmmword ptr [r15 + 0x1000]
	nop
