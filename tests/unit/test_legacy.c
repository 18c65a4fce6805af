/* test_legacy.c - unit tests of the instructions that exist only outside
 * 64-bit mode (uops/crack_legacy.c, uops/exec_legacy.c), run in 32-bit
 * protected mode as a Linux i386 process sees it (CS 0x23, DS/ES/SS 0x2b,
 * flat), and of ENTER in both modes. They pin the rules from the SDM; the
 * qemu-i386 differential test (tests/native/uop_diff32.c) covers breadth. */
#include <check.h>
#include <string.h>

#include "machine/cpu.h"
#include "machine/memory.h"

#define CODE 0x08048000ull
#define DATA 0x10000000ull
#define STACK 0x20000000ull
#define TLS_SELECTOR 0x63
#define TLS_BASE (DATA + 0x800)

/* Linux's GDT with one TLS entry (index 12) for the tests. */
static int descriptor(void *context, uint16_t selector, uint64_t *base, int *code)
{
	(void)context;
	*base = 0;
	*code = 0;
	switch (selector >> 3) {
	case 4: *code = 1; return 0;
	case 5: return 0;
	case TLS_SELECTOR >> 3: *base = TLS_BASE; return 0;
	default: return -1;
	}
}

static void machine_init(struct cpu *cpu, enum x86_mode mode, const char *code, size_t len)
{
	memset(cpu, 0, sizeof *cpu);
	cpu->mode = mode;
	cpu->memory = gmem_create();
	ck_assert_ptr_nonnull(cpu->memory);
	ck_assert_int_eq(gmem_map(cpu->memory, CODE, 0x1000, GUEST_READ | GUEST_EXEC), 0);
	ck_assert_int_eq(gmem_map(cpu->memory, DATA, 0x1000, GUEST_READ | GUEST_WRITE), 0);
	ck_assert_int_eq(gmem_map(cpu->memory, STACK, 0x2000, GUEST_READ | GUEST_WRITE), 0);
	ck_assert_int_eq(gmem_poke(cpu->memory, CODE, code, len), 0);
	cpu->state.rip = CODE;
	cpu->state.rflags = 0x202;
	cpu->state.gpr[GPR_RSP] = STACK + 0x1000;
	cpu->env.descriptor = descriptor;
	if (mode == X86_MODE_32) {
		cpu->state.selector[SEG_CS] = 0x23;
		cpu->state.selector[SEG_DS] = cpu->state.selector[SEG_ES] = cpu->state.selector[SEG_SS] = 0x2b;
	}
}

#define INIT32(cpu, bytes) machine_init(cpu, X86_MODE_32, bytes, sizeof(bytes) - 1)

static uint32_t peek32(struct cpu *cpu, uint64_t address)
{
	uint32_t v = 0;
	gmem_peek(cpu->memory, address, &v, 4);
	return v;
}

static void poke32(struct cpu *cpu, uint64_t address, uint32_t v)
{
	gmem_poke(cpu->memory, address, &v, 4);
}

static uint64_t arith(struct cpu *cpu)
{
	return cpu->state.rflags & FLAGS_ARITH;
}

/* DAA/DAS per the SDM pseudo-code, both adjusts and neither. */
START_TEST(daa_das_adjust_both_nibbles)
{
	struct cpu cpu;
	INIT32(&cpu, "\x27\x27\x2f\x2f");
	cpu.state.gpr[GPR_RAX] = 0x12345AE; /* AL = 0xAE: both adjusts */
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RAX], 0x1234514);
	ck_assert_uint_eq(arith(&cpu) & (FLAG_CF | FLAG_AF | FLAG_ZF), FLAG_CF | FLAG_AF);
	cpu.state.gpr[GPR_RAX] = 0x12; /* no adjust, CF = AF = 0 */
	cpu.state.rflags = 0x202;
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RAX], 0x12);
	ck_assert_uint_eq(arith(&cpu) & (FLAG_CF | FLAG_AF), 0);
	cpu.state.gpr[GPR_RAX] = 0x0F; /* DAS: low nibble > 9: -6, borrow none */
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RAX], 0x09);
	ck_assert_uint_eq(arith(&cpu) & (FLAG_CF | FLAG_AF), FLAG_AF);
	cpu.state.gpr[GPR_RAX] = 0x03; /* DAS with AF: 0x03 - 6 borrows: CF = 1, then -0x60 not taken */
	cpu.state.rflags = 0x202 | FLAG_AF;
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RAX], 0xFD);
	ck_assert_uint_eq(arith(&cpu) & (FLAG_CF | FLAG_AF), FLAG_CF | FLAG_AF);
	gmem_destroy(cpu.memory);
}
END_TEST

START_TEST(aaa_aas_aam_aad)
{
	struct cpu cpu;
	INIT32(&cpu, "\x37\x3f\xd4\x0a\xd5\x0a\xd4\x00");
	cpu.state.gpr[GPR_RAX] = 0x00FA; /* AAA: AX + 0x106 carries into AH */
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RAX], 0x0200);
	ck_assert_uint_eq(arith(&cpu) & (FLAG_CF | FLAG_AF), FLAG_CF | FLAG_AF);
	cpu.state.gpr[GPR_RAX] = 0x0003; /* AAS with AF: AX - 6 borrows, AH - 1 */
	cpu.state.rflags = 0x202 | FLAG_AF;
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RAX], 0xFE0D);
	cpu.state.gpr[GPR_RAX] = 79; /* AAM 10: AH = 7, AL = 9 */
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RAX], 0x0709);
	/* AAD 10: AL = 9 + 7 * 10 = 79, AH = 0, SF ZF PF from AL (79 = 0x4F: 5 bits, odd) */
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RAX], 79);
	ck_assert_uint_eq(arith(&cpu) & (FLAG_SF | FLAG_ZF | FLAG_PF), 0);
	/* AAM 0: #DE, AX unchanged */
	ck_assert_int_eq(cpu_step(&cpu), CPU_FAULT);
	ck_assert_uint_eq(cpu.last.vector, VEC_DE);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RAX], 79);
	ck_assert_uint_eq(cpu.state.rip, CODE + 6);
	gmem_destroy(cpu.memory);
}
END_TEST

START_TEST(pusha_popa_layout)
{
	struct cpu cpu;
	INIT32(&cpu, "\x60\x61\x66\x60");
	for (int i = 0; i < 8; i++)
		if (i != GPR_RSP)
			cpu.state.gpr[i] = 0x11111111u * (unsigned)(i + 1);
	uint64_t esp = cpu.state.gpr[GPR_RSP];
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RSP], esp - 32);
	ck_assert_uint_eq(peek32(&cpu, esp - 4), 0x11111111);  /* EAX first */
	ck_assert_uint_eq(peek32(&cpu, esp - 20), esp);        /* the original ESP */
	ck_assert_uint_eq(peek32(&cpu, esp - 32), 0x88888888); /* EDI last */
	poke32(&cpu, esp - 20, 0xDEAD);                        /* POPA skips the saved ESP */
	cpu.state.gpr[GPR_RAX] = 0;
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RSP], esp);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RAX], 0x11111111);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK); /* PUSHA with 16-bit operands */
	ck_assert_uint_eq(cpu.state.gpr[GPR_RSP], esp - 16);
	gmem_destroy(cpu.memory);
}
END_TEST

/* ENTER with nesting level 3 copies two frame pointers (the micro-coded
 * loop) and pushes the new one; LEAVE undoes it. */
START_TEST(enter_nesting_levels)
{
	struct cpu cpu;
	INIT32(&cpu, "\xc8\x10\x00\x03\xc9");
	uint64_t esp = cpu.state.gpr[GPR_RSP];
	uint64_t ebp = STACK + 0x1800;
	cpu.state.gpr[GPR_RBP] = ebp;
	poke32(&cpu, ebp - 4, 0xAAAA);
	poke32(&cpu, ebp - 8, 0xBBBB);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	uint64_t frame = esp - 4;
	ck_assert_uint_eq(cpu.state.gpr[GPR_RBP], frame);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RSP], frame - 12 - 16);
	ck_assert_uint_eq(peek32(&cpu, esp - 4), ebp);
	ck_assert_uint_eq(peek32(&cpu, frame - 4), 0xAAAA);
	ck_assert_uint_eq(peek32(&cpu, frame - 8), 0xBBBB);
	ck_assert_uint_eq(peek32(&cpu, frame - 12), frame);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RSP], esp);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RBP], ebp);
	gmem_destroy(cpu.memory);
}
END_TEST

/* ENTER in 64-bit mode, and its precise fault: a frame that reaches an
 * unmapped page faults before anything is written. */
START_TEST(enter_64_and_fault)
{
	struct cpu cpu;
	machine_init(&cpu, X86_MODE_64, "\xc8\x08\x00\x01\xc8\x00\x20\x00", 8);
	uint64_t rsp = cpu.state.gpr[GPR_RSP];
	cpu.state.gpr[GPR_RBP] = 0x1122334455667788ull;
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RBP], rsp - 8);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RSP], rsp - 16 - 8);
	uint64_t saved = 0;
	gmem_peek(cpu.memory, rsp - 8, &saved, 8);
	ck_assert_uint_eq(saved, 0x1122334455667788ull);
	uint64_t before = cpu.state.gpr[GPR_RSP], bp = cpu.state.gpr[GPR_RBP];
	ck_assert_int_eq(cpu_step(&cpu), CPU_FAULT); /* ENTER 0x2000: below the stack mapping */
	ck_assert_uint_eq(cpu.last.vector, VEC_PF);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RSP], before);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RBP], bp);
	gmem_destroy(cpu.memory);
}
END_TEST

START_TEST(segment_loads_and_checks)
{
	struct cpu cpu;
	/* mov ax, 0x63; mov fs, ax; mov ecx, fs:[0]; mov ax, 0x13; mov ds, ax */
	INIT32(&cpu, "\x66\xb8\x63\x00\x8e\xe0\x64\x8b\x0d\x00\x00\x00\x00\x66\xb8\x13\x00\x8e\xd8");
	poke32(&cpu, TLS_BASE, 0x5A5A5A5A);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.selector[SEG_FS], 0x63);
	ck_assert_uint_eq(cpu.state.segment_base[SEG_FS], TLS_BASE);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RCX], 0x5A5A5A5A);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_int_eq(cpu_step(&cpu), CPU_FAULT); /* no descriptor 2: #GP, DS kept */
	ck_assert_uint_eq(cpu.last.vector, VEC_GP);
	ck_assert_uint_eq(cpu.state.selector[SEG_DS], 0x2b);
	gmem_destroy(cpu.memory);
}
END_TEST

/* A POP into a segment register that faults leaves ESP unchanged; a null
 * selector loads into ES but not into SS; an access through a null
 * selector is #GP. */
START_TEST(segment_faults_are_precise)
{
	struct cpu cpu;
	/* push 0x13; pop es; push 0; pop es; push 0; pop ss; mov eax, es:[DATA] */
	INIT32(&cpu, "\x6a\x13\x07\x6a\x00\x07\x6a\x00\x17\x26\xa1\x00\x00\x00\x10");
	uint64_t esp = cpu.state.gpr[GPR_RSP];
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_int_eq(cpu_step(&cpu), CPU_FAULT);
	ck_assert_uint_eq(cpu.last.vector, VEC_GP);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RSP], esp - 4);
	ck_assert_uint_eq(cpu.state.selector[SEG_ES], 0x2b);
	cpu.state.rip += 1;
	cpu.state.gpr[GPR_RSP] = esp;
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK); /* null into ES: allowed */
	ck_assert_uint_eq(cpu.state.selector[SEG_ES], 0);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_int_eq(cpu_step(&cpu), CPU_FAULT); /* null into SS: #GP */
	ck_assert_uint_eq(cpu.last.vector, VEC_GP);
	ck_assert_uint_eq(cpu.state.selector[SEG_SS], 0x2b);
	cpu.state.rip += 1;
	ck_assert_int_eq(cpu_step(&cpu), CPU_FAULT); /* es: through the null selector */
	ck_assert_uint_eq(cpu.last.vector, VEC_GP);
	gmem_destroy(cpu.memory);
}
END_TEST

/* Far CALL through 0x23 pushes CS and EIP; RETF pops both; a far jump to
 * a data selector is #GP; a far return to RPL 0 is #GP. RPL 0 code
 * selectors load as RPL 3. */
START_TEST(far_transfers)
{
	struct cpu cpu;
	/* call 0x20:CODE+0x10; (at +0x10) retf; */
	static const char code[] = "\x9a\x10\x80\x04\x08\x20\x00"   /* call far 0x20:0x08048010 */
				   "\xea\x00\x00\x00\x00\x2b\x00"   /* jmp far 0x2b:0 (#GP) */
				   "\x90\x90"
				   "\xcb";                          /* +0x10: retf */
	machine_init(&cpu, X86_MODE_32, code, sizeof code - 1);
	uint64_t esp = cpu.state.gpr[GPR_RSP];
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.rip, CODE + 0x10);
	ck_assert_uint_eq(cpu.state.selector[SEG_CS], 0x23);
	ck_assert_uint_eq(peek32(&cpu, esp - 4), 0x23);
	ck_assert_uint_eq(peek32(&cpu, esp - 8), CODE + 7);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.rip, CODE + 7);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RSP], esp);
	ck_assert_int_eq(cpu_step(&cpu), CPU_FAULT);
	ck_assert_uint_eq(cpu.last.vector, VEC_GP);
	ck_assert_uint_eq(cpu.state.rip, CODE + 7);
	/* retf to CS 0x20 (RPL 0 < CPL 3) */
	poke32(&cpu, esp - 8, CODE);
	poke32(&cpu, esp - 4, 0x20);
	cpu.state.gpr[GPR_RSP] = esp - 8;
	cpu.state.rip = CODE + 0x10;
	ck_assert_int_eq(cpu_step(&cpu), CPU_FAULT);
	ck_assert_uint_eq(cpu.last.vector, VEC_GP);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RSP], esp - 8);
	gmem_destroy(cpu.memory);
}
END_TEST

START_TEST(bound_into_salc)
{
	struct cpu cpu;
	/* bound eax, [DATA]; into; salc */
	INIT32(&cpu, "\x62\x05\x00\x00\x00\x10\xce\xd6");
	poke32(&cpu, DATA, (uint32_t)-5);
	poke32(&cpu, DATA + 4, 100);
	cpu.state.gpr[GPR_RAX] = (uint32_t)-6;
	ck_assert_int_eq(cpu_step(&cpu), CPU_FAULT); /* #BR is a fault: EIP at BOUND */
	ck_assert_uint_eq(cpu.last.vector, VEC_BR);
	ck_assert_uint_eq(cpu.state.rip, CODE);
	cpu.state.gpr[GPR_RAX] = 100;
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	cpu.state.rflags |= FLAG_OF | FLAG_CF;
	ck_assert_int_eq(cpu_step(&cpu), CPU_FAULT); /* #OF is a trap: EIP after INTO */
	ck_assert_uint_eq(cpu.last.vector, VEC_OF);
	ck_assert_uint_eq(cpu.state.rip, CODE + 7);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK); /* SALC: AL = CF ? 0xFF : 0, flags kept */
	ck_assert_uint_eq(cpu.state.gpr[GPR_RAX], 0xFF);
	ck_assert_uint_eq(arith(&cpu), FLAG_OF | FLAG_CF);
	gmem_destroy(cpu.memory);
}
END_TEST

/* 16-bit addressing (67): BX + SI wraps at 64 KB before the segment base
 * is added; JCXZ with a 16-bit address size tests CX only. */
START_TEST(address_size_16)
{
	struct cpu cpu;
	/* mov fs, [0x63 via ax]; mov eax, fs:[bx + si]; jcxz +0 (67 e3 00) */
	INIT32(&cpu, "\x66\xb8\x63\x00\x8e\xe0\x64\x67\x8b\x00\x67\xe3\x02\x90\x90");
	poke32(&cpu, TLS_BASE + 0x10, 0xC0FFEE);
	cpu.state.gpr[GPR_RBX] = 0x1234FFF0;
	cpu.state.gpr[GPR_RSI] = 0x20;
	cpu.state.gpr[GPR_RCX] = 0x10000;
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RAX], 0xC0FFEE);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.rip, CODE + 15); /* CX = 0: taken */
	gmem_destroy(cpu.memory);
}
END_TEST

/* ARPL raises the destination's RPL to the source's (ZF = 1), or leaves it
 * (ZF = 0); the other flags are kept. */
START_TEST(arpl_adjusts_rpl)
{
	struct cpu cpu;
	INIT32(&cpu, "\x63\xd8\x63\xd8"); /* arpl ax, bx (twice) */
	cpu.state.gpr[GPR_RAX] = 0xABCD0028;
	cpu.state.gpr[GPR_RBX] = 0x3;
	cpu.state.rflags = 0x202 | FLAG_CF | FLAG_SF;
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RAX], 0xABCD002B);
	ck_assert_uint_eq(arith(&cpu), FLAG_CF | FLAG_SF | FLAG_ZF);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RAX], 0xABCD002B);
	ck_assert_uint_eq(arith(&cpu), FLAG_CF | FLAG_SF);
	gmem_destroy(cpu.memory);
}
END_TEST

Suite *legacy_suite(void)
{
	Suite *s = suite_create("legacy");
	TCase *t = tcase_create("legacy");
	tcase_add_test(t, daa_das_adjust_both_nibbles);
	tcase_add_test(t, aaa_aas_aam_aad);
	tcase_add_test(t, pusha_popa_layout);
	tcase_add_test(t, enter_nesting_levels);
	tcase_add_test(t, enter_64_and_fault);
	tcase_add_test(t, segment_loads_and_checks);
	tcase_add_test(t, segment_faults_are_precise);
	tcase_add_test(t, far_transfers);
	tcase_add_test(t, bound_into_salc);
	tcase_add_test(t, address_size_16);
	tcase_add_test(t, arpl_adjusts_rpl);
	suite_add_tcase(s, t);
	return s;
}
