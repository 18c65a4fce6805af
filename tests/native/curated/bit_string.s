# Curated BT/BTS/BTR/BTC with a register bit offset into memory: negative
# and large offsets address other operands (SDM vol. 2, BT).
.intel_syntax noprefix
	mov r15, 0x20010800
	mov eax, ecx
	and eax, 0x3ff
	sub eax, 0x200
	bt dword ptr [r15], eax
	setc byte ptr [r15 + 0x700]
	bts qword ptr [r15 + 8], rax
	btr word ptr [r15 + 2], ax
	btc dword ptr [r15 - 4], eax
	movsx rdx, dx
	bt qword ptr [r15], rdx
	setc byte ptr [r15 + 0x701]
	mov esi, 0x7fffffff
	bt dword ptr [r15], esi
