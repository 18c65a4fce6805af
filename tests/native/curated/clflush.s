# Curated CLFLUSH, CLFLUSHOPT, CLWB: no architectural effect on mapped
# addresses (any alignment, in the code and the data page); on an unmapped
# address #PF like a byte load (SDM vol. 2, CLFLUSH), which ends the
# sequence. RDTSCP and RDPID are not here: their values (TSC, TSC_AUX)
# differ from the host by design (tests/unit/test_bmi.c checks them).
.intel_syntax noprefix
	mov r15, 0x20010000
	clflush byte ptr [r15]
	clflush byte ptr [r15 + 0xfff]
	clflushopt byte ptr [r15 + 0x41]
	clwb byte ptr [r15 + 0x80]
	clflush byte ptr [rip]
	add qword ptr [r15 + 0x100], 7
	clwb byte ptr [r15 + 0x100]
	mov rax, [r15 + 0x100]
	clflushopt byte ptr [r15 + 0x1000]
	nop
