/* test_x87.c - unit tests of the x87 micro-ops: the shapes the cracker
 * produces (explicit TOP micro-ops), exact extended-precision results,
 * masked stack overflow and underflow (SDM vol. 1, 8.5.1.1), the deferred
 * #MF of an unmasked exception (8.6), and FXSAVE's alignment check. The
 * native differential test (uop-diff --isa x87) covers breadth. */
#include <check.h>
#include <string.h>

#include "machine/blocks.h"
#include "machine/cpu.h"
#include "machine/memory.h"

#define CODE 0x400000ull
#define DATA 0x500000ull

static void machine_init(struct cpu *cpu, const char *code, size_t len)
{
	memset(cpu, 0, sizeof *cpu);
	cpu->mode = X86_MODE_64;
	cpu->memory = gmem_create();
	ck_assert_ptr_nonnull(cpu->memory);
	ck_assert_int_eq(gmem_map(cpu->memory, CODE, 0x1000, GUEST_READ | GUEST_EXEC), 0);
	ck_assert_int_eq(gmem_map(cpu->memory, DATA, 0x2000, GUEST_READ | GUEST_WRITE), 0);
	ck_assert_int_eq(gmem_poke(cpu->memory, CODE, code, len), 0);
	cpu->state.rip = CODE;
	cpu->state.rflags = 0x202;
	cpu->state.gpr[GPR_RSP] = DATA + 0x2000;
	cpu->state.gpr[GPR_RAX] = DATA;
	/* The x87 after FNINIT. */
	cpu->state.fpu_control = 0x37F;
	cpu->state.fpu_tag = 0xFFFF;
	cpu->state.mxcsr = 0x1F80;
}

#define INIT(cpu, bytes) machine_init(cpu, bytes, sizeof(bytes) - 1)

static void run(struct cpu *cpu, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		ck_assert_int_eq(cpu_step(cpu), CPU_OK);
}

static unsigned top(const struct cpu *cpu)
{
	return (cpu->state.fpu_status >> 11) & 7;
}

static const struct x87_reg *st(const struct cpu *cpu, unsigned i)
{
	return &cpu->state.st[(top(cpu) + i) & 7];
}

static int cracked(const char *bytes, size_t len, struct uop *u)
{
	struct x86_insn insn;
	ck_assert_int_eq(x86_decode((const uint8_t *)bytes, len, X86_MODE_64, &insn), (int)len);
	return uop_crack(&insn, CODE, u);
}

START_TEST(pushes_and_pops_are_explicit_top_micro_ops)
{
	struct uop u[UOP_MAX_PER_INSN];
	/* FADDP ST(1), ST(0): the non-popping FADD, then the pop. */
	ck_assert_int_eq(cracked("\xde\xc1", 2, u), 2);
	ck_assert_int_eq(u[0].op, UOP_FADD);
	ck_assert_int_eq(u[0].dst, UREG_ST1);
	ck_assert_int_eq(u[1].op, UOP_FINCTOP);
	ck_assert_int_eq(u[1].dst, UREG_FPU_TOP);
	ck_assert_int_eq(u[1].src[0], UREG_FPU_TOP);
	/* FLD m64fp: #MF check (and data pointer), load, convert into ST7, push. */
	ck_assert_int_eq(cracked("\xdd\x00", 2, u), 4);
	ck_assert_int_eq(u[0].op, UOP_FWAIT);
	ck_assert_int_eq(u[1].op, UOP_LOAD);
	ck_assert_int_eq(u[1].width, 8);
	ck_assert_int_eq(u[2].op, UOP_FLDM);
	ck_assert_int_eq(u[2].dst, UREG_ST7);
	ck_assert_int_eq(u[3].op, UOP_FDECTOP);
	/* FCOMPP pops twice; FXCH is one micro-op. */
	ck_assert_int_eq(cracked("\xde\xd9", 2, u), 3);
	ck_assert_int_eq(u[1].op, UOP_FINCTOP);
	ck_assert_int_eq(u[2].op, UOP_FINCTOP);
	ck_assert_int_eq(cracked("\xd9\xcb", 2, u), 1);
	ck_assert_int_eq(u[0].op, UOP_FXCH);
}
END_TEST

START_TEST(constants_and_addition_are_exact)
{
	struct cpu cpu;
	INIT(&cpu, "\xd9\xe8\xd9\xeb\xde\xc1"); /* fld1; fldpi; faddp st(1), st */
	run(&cpu, 3);
	ck_assert_uint_eq(top(&cpu), 7);
	/* pi = 4000:C90FDAA22168C235 (rounded to nearest); 1 + pi rounds the
	 * tie to even: 4001:8487ED5110B4611A, inexact. */
	ck_assert_uint_eq(st(&cpu, 0)->sign_exponent, 0x4001);
	ck_assert_uint_eq(st(&cpu, 0)->significand, 0x8487ED5110B4611Aull);
	ck_assert_uint_eq(cpu.state.fpu_tag, 0x3FFF); /* R7 valid, the rest empty */
	ck_assert_uint_eq(cpu.state.fpu_status & 0x3F, 0x20); /* PE */
	block_cache_destroy(cpu.blocks);
	gmem_destroy(cpu.memory);
}
END_TEST

START_TEST(masked_stack_overflow_loads_the_indefinite)
{
	struct cpu cpu;
	INIT(&cpu, "\xd9\xe8\xd9\xe8\xd9\xe8\xd9\xe8\xd9\xe8\xd9\xe8\xd9\xe8\xd9\xe8\xd9\xe8"); /* 9 x fld1 */
	run(&cpu, 8);
	ck_assert_uint_eq(top(&cpu), 0);
	ck_assert_uint_eq(cpu.state.fpu_status & 0x3F, 0);
	run(&cpu, 1);
	/* IE + SF, C1 = 1 (overflow); TOP moved; ST(0) is the QNaN indefinite. */
	ck_assert_uint_eq(cpu.state.fpu_status & 0x7F, 0x41);
	ck_assert(cpu.state.fpu_status & 0x200);
	ck_assert_uint_eq(top(&cpu), 7);
	ck_assert_uint_eq(st(&cpu, 0)->sign_exponent, 0xFFFF);
	ck_assert_uint_eq(st(&cpu, 0)->significand, 0xC000000000000000ull);
	block_cache_destroy(cpu.blocks);
	gmem_destroy(cpu.memory);
}
END_TEST

START_TEST(masked_stack_underflow_sets_ie_sf_and_clears_c1)
{
	struct cpu cpu;
	INIT(&cpu, "\xd8\xc1\xdf\xe0"); /* fadd st, st(1) on an empty stack; fnstsw ax */
	cpu.state.fpu_status = 0x200; /* C1 set before */
	run(&cpu, 2);
	ck_assert_uint_eq(cpu.state.fpu_status & 0x7F, 0x41);
	ck_assert(!(cpu.state.fpu_status & 0x200));
	ck_assert_uint_eq(st(&cpu, 0)->sign_exponent, 0xFFFF);
	ck_assert_uint_eq(st(&cpu, 0)->significand, 0xC000000000000000ull);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RAX] & 0xFFFF, cpu.state.fpu_status);
	block_cache_destroy(cpu.blocks);
	gmem_destroy(cpu.memory);
}
END_TEST

START_TEST(unmasked_exception_raises_mf_at_the_next_waiting_instruction)
{
	struct cpu cpu;
	/* fldcw [rax] (ZE unmasked); fldz; fld1; fdiv st, st(1); fnstsw ax; fwait */
	INIT(&cpu, "\xd9\x28\xd9\xee\xd9\xe8\xd8\xf1\xdf\xe0\x9b");
	uint16_t cw = 0x37B;
	gmem_poke(cpu.memory, DATA, &cw, 2);
	run(&cpu, 4);
	/* ZE, ES and B; the destination is unchanged (1.0) and nothing faulted yet. */
	ck_assert_uint_eq(cpu.state.fpu_status & 0x80BF, 0x8084);
	ck_assert_uint_eq(st(&cpu, 0)->sign_exponent, 0x3FFF);
	run(&cpu, 1); /* FNSTSW does not wait */
	uint64_t fwait = cpu.state.rip;
	ck_assert_int_eq(cpu_step(&cpu), CPU_FAULT);
	ck_assert_uint_eq(cpu.last.vector, VEC_MF);
	ck_assert_uint_eq(cpu.state.rip, fwait);
	block_cache_destroy(cpu.blocks);
	gmem_destroy(cpu.memory);
}
END_TEST

START_TEST(unmasked_overflow_on_store_stores_nothing_and_does_not_pop)
{
	struct cpu cpu;
	/* fldcw [rax]; fld tbyte [rax+16]; fstp qword [rax+32] */
	INIT(&cpu, "\xd9\x28\xdb\x68\x10\xdd\x58\x20");
	uint16_t cw = 0x377; /* OE unmasked */
	uint8_t big[10] = { 0, 0, 0, 0, 0, 0, 0, 0x80, 0xFE, 0x7F }; /* 2^16383 */
	uint64_t sentinel = 0x1122334455667788ull, out;
	gmem_poke(cpu.memory, DATA, &cw, 2);
	gmem_poke(cpu.memory, DATA + 16, big, 10);
	gmem_poke(cpu.memory, DATA + 32, &sentinel, 8);
	run(&cpu, 3);
	gmem_peek(cpu.memory, DATA + 32, &out, 8);
	ck_assert_uint_eq(out, sentinel);
	ck_assert_uint_eq(top(&cpu), 7);
	ck_assert_uint_eq(cpu.state.fpu_status & 0x8088, 0x8088); /* OE, ES, B */
	block_cache_destroy(cpu.blocks);
	gmem_destroy(cpu.memory);
}
END_TEST

START_TEST(fxsave_needs_16_byte_alignment)
{
	struct cpu cpu;
	INIT(&cpu, "\x0f\xae\x40\x08\x0f\xae\x00"); /* fxsave [rax+8]; fxsave [rax] */
	ck_assert_int_eq(cpu_step(&cpu), CPU_FAULT);
	ck_assert_uint_eq(cpu.last.vector, VEC_GP);
	cpu.state.rip += 4;
	run(&cpu, 1);
	uint16_t fcw;
	gmem_peek(cpu.memory, DATA, &fcw, 2);
	ck_assert_uint_eq(fcw, 0x37F);
	block_cache_destroy(cpu.blocks);
	gmem_destroy(cpu.memory);
}
END_TEST

Suite *x87_suite(void)
{
	Suite *s = suite_create("x87");
	TCase *t = tcase_create("core");
	tcase_add_test(t, pushes_and_pops_are_explicit_top_micro_ops);
	tcase_add_test(t, constants_and_addition_are_exact);
	tcase_add_test(t, masked_stack_overflow_loads_the_indefinite);
	tcase_add_test(t, masked_stack_underflow_sets_ie_sf_and_clears_c1);
	tcase_add_test(t, unmasked_exception_raises_mf_at_the_next_waiting_instruction);
	tcase_add_test(t, unmasked_overflow_on_store_stores_nothing_and_does_not_pop);
	tcase_add_test(t, fxsave_needs_16_byte_alignment);
	suite_add_tcase(s, t);
	return s;
}
