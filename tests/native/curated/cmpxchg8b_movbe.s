# Curated CMPXCHG8B (equal, unequal, locked, faulting at a page end) and
# MOVBE in every size and direction.
.intel_syntax noprefix
	mov r15, 0x20010000
	mov rax, [r15 + 0x40]
	mov rdx, rax
	shr rdx, 32
	lock cmpxchg8b qword ptr [r15 + 0x40]
	setz byte ptr [r15 + 0x800]
	lock cmpxchg8b qword ptr [r15 + 0x48]
	setz byte ptr [r15 + 0x801]
	cmpxchg8b qword ptr [r15 + 0x40]
	setz byte ptr [r15 + 0x802]
	movbe ecx, dword ptr [r15 + 0x50]
	movbe word ptr [r15 + 0x58], si
	movbe rdi, qword ptr [r15 + 0x60]
	movbe qword ptr [r15 + 0x68], rbx
	movbe dx, word ptr [r15 + 0x70]
	add rax, 1
	cmpxchg8b qword ptr [r15 + 0xffc]
