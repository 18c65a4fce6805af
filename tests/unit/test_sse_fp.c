/* test_sse_fp.c - unit tests of the SSE floating-point instructions
 * (uops/crack_sse_fp.c, uops/exec_vector_fp.c): the rules the SDM states
 * and a differential test with random values could miss or hit rarely:
 * NaN propagation, MIN/MAX's second-operand rule, integer indefinite,
 * MXCSR rounding, FTZ, the sticky flags, unmasked exceptions (#XM with the
 * destination untouched, OE without PE when exact with unbounded
 * exponent), alignment #GP, LDMXCSR's reserved bits, the micro-ops. */
#include <check.h>
#include <string.h>

#include "machine/blocks.h"
#include "machine/cpu.h"
#include "machine/memory.h"

#define CODE 0x400000ull
#define DATA 0x500000ull

enum { IE = 1, DE = 2, ZE = 4, OE = 8, UE = 16, PE = 32 };

static struct cpu *machine(const char *code, size_t len)
{
	static struct cpu cpu;
	memset(&cpu, 0, sizeof cpu);
	cpu.mode = X86_MODE_64;
	cpu.memory = gmem_create();
	ck_assert_ptr_nonnull(cpu.memory);
	ck_assert_int_eq(gmem_map(cpu.memory, CODE, 0x1000, GUEST_READ | GUEST_EXEC), 0);
	ck_assert_int_eq(gmem_map(cpu.memory, DATA, 0x1000, GUEST_READ | GUEST_WRITE), 0);
	ck_assert_int_eq(gmem_poke(cpu.memory, CODE, code, len), 0);
	cpu.state.rip = CODE;
	cpu.state.rflags = 0x202;
	cpu.state.mxcsr = 0x1F80;
	cpu.state.fpu_control = 0x37F;
	cpu.state.fpu_tag = 0xFFFF;
	cpu.state.gpr[GPR_RSP] = DATA + 0x800;
	return &cpu;
}

#define MACHINE(bytes) machine(bytes, sizeof(bytes) - 1)

static void done(struct cpu *cpu)
{
	gmem_destroy(cpu->memory);
}

static void set_ps(struct cpu *cpu, int reg, uint32_t a, uint32_t b, uint32_t c, uint32_t d)
{
	uint32_t v[4] = { a, b, c, d };
	memcpy(cpu->state.zmm[reg], v, 16);
}

static uint32_t ps(struct cpu *cpu, int reg, int lane)
{
	uint32_t v;
	memcpy(&v, cpu->state.zmm[reg] + 4 * lane, 4);
	return v;
}

static void set_sd(struct cpu *cpu, int reg, double d)
{
	memcpy(cpu->state.zmm[reg], &d, 8);
}

START_TEST(nan_operands_first_source_wins_snan_quieted)
{
	struct cpu *cpu = MACHINE("\x0f\x58\xc1"); /* addps xmm0, xmm1 */
	/* lane 0: QNaN + SNaN -> the first (QNaN); lane 1: SNaN + QNaN -> the
	 * first, quieted; lane 2: 1 + SNaN -> SNaN quieted; lane 3: inf - inf. */
	set_ps(cpu, 0, 0x7FC00001, 0x7F800002, 0x3F800000, 0x7F800000);
	set_ps(cpu, 1, 0x7F800003, 0xFFC00004, 0x7F800005, 0xFF800000);
	ck_assert_int_eq(cpu_step(cpu), CPU_OK);
	ck_assert_uint_eq(ps(cpu, 0, 0), 0x7FC00001);
	ck_assert_uint_eq(ps(cpu, 0, 1), 0x7FC00002);
	ck_assert_uint_eq(ps(cpu, 0, 2), 0x7FC00005);
	ck_assert_uint_eq(ps(cpu, 0, 3), 0xFFC00000); /* real indefinite */
	ck_assert_uint_eq(cpu->state.mxcsr, 0x1F80 | IE);
	done(cpu);
}
END_TEST

START_TEST(min_returns_the_second_operand_on_nan_and_zeros)
{
	struct cpu *cpu = MACHINE("\x0f\x5d\xc1"); /* minps xmm0, xmm1 */
	set_ps(cpu, 0, 0x7FC00000, 0x3F800000, 0x00000000, 0x80000000);
	set_ps(cpu, 1, 0x3F800000, 0x7FC00000, 0x80000000, 0x00000000);
	ck_assert_int_eq(cpu_step(cpu), CPU_OK);
	ck_assert_uint_eq(ps(cpu, 0, 0), 0x3F800000);
	ck_assert_uint_eq(ps(cpu, 0, 1), 0x7FC00000);
	ck_assert_uint_eq(ps(cpu, 0, 2), 0x80000000);
	ck_assert_uint_eq(ps(cpu, 0, 3), 0x00000000);
	ck_assert_uint_eq(cpu->state.mxcsr, 0x1F80 | IE); /* a QNaN operand is invalid for MIN */
	done(cpu);
}
END_TEST

START_TEST(conversion_out_of_range_is_integer_indefinite)
{
	struct cpu *cpu = MACHINE("\xf3\x0f\x2c\xc0"); /* cvttss2si eax, xmm0 */
	cpu->state.gpr[GPR_RAX] = ~0ull;
	set_ps(cpu, 0, 0x4F000000, 0, 0, 0); /* 2^31 */
	ck_assert_int_eq(cpu_step(cpu), CPU_OK);
	ck_assert_uint_eq(cpu->state.gpr[GPR_RAX], 0x80000000); /* zero-extended */
	ck_assert_uint_eq(cpu->state.mxcsr, 0x1F80 | IE);
	done(cpu);
}
END_TEST

START_TEST(conversion_uses_the_rounding_control)
{
	static const struct {
		unsigned rc;
		int64_t expected;
	} cases[] = { { 0, -2 }, { 1, -2 }, { 2, -1 }, { 3, -1 } };
	for (unsigned i = 0; i < 4; i++) {
		struct cpu *cpu = MACHINE("\xf2\x48\x0f\x2d\xc0"); /* cvtsd2si rax, xmm0 */
		cpu->state.mxcsr = 0x1F80 | cases[i].rc << 13;
		set_sd(cpu, 0, -1.5);
		ck_assert_int_eq(cpu_step(cpu), CPU_OK);
		ck_assert_int_eq((int64_t)cpu->state.gpr[GPR_RAX], cases[i].expected);
		ck_assert_uint_eq(cpu->state.mxcsr & 0x3F, PE);
		done(cpu);
	}
}
END_TEST

START_TEST(unmasked_divide_by_zero_raises_xm_and_keeps_the_destination)
{
	struct cpu *cpu = MACHINE("\xf3\x0f\x5e\xc1"); /* divss xmm0, xmm1 */
	cpu->state.mxcsr = 0x1F80 & ~0x200u;            /* ZM clear */
	set_ps(cpu, 0, 0x3F800000, 1, 2, 3);
	set_ps(cpu, 1, 0x00000000, 0, 0, 0);
	ck_assert_int_eq(cpu_step(cpu), CPU_FAULT);
	ck_assert_uint_eq(cpu->last.vector, VEC_XM);
	ck_assert_uint_eq(cpu->state.rip, CODE);
	ck_assert_uint_eq(ps(cpu, 0, 0), 0x3F800000);
	ck_assert_uint_eq(cpu->state.mxcsr, (0x1F80 & ~0x200u) | ZE); /* the flag is set */
	done(cpu);
}
END_TEST

START_TEST(unmasked_overflow_reports_pe_with_unbounded_exponent)
{
	struct cpu *cpu = MACHINE("\xf3\x0f\x58\xc1"); /* addss xmm0, xmm1 */
	cpu->state.mxcsr = 0x1F80 & ~0x400u;            /* OM clear */
	set_ps(cpu, 0, 0x7F7FFFFF, 0, 0, 0);             /* FLT_MAX + FLT_MAX: exact */
	set_ps(cpu, 1, 0x7F7FFFFF, 0, 0, 0);
	ck_assert_int_eq(cpu_step(cpu), CPU_FAULT);
	ck_assert_uint_eq(cpu->last.vector, VEC_XM);
	ck_assert_uint_eq(cpu->state.mxcsr & 0x3F, OE);
	done(cpu);
	/* Masked, the same sum is inexact (rounded to infinity). */
	cpu = MACHINE("\xf3\x0f\x58\xc1");
	set_ps(cpu, 0, 0x7F7FFFFF, 0, 0, 0);
	set_ps(cpu, 1, 0x7F7FFFFF, 0, 0, 0);
	ck_assert_int_eq(cpu_step(cpu), CPU_OK);
	ck_assert_uint_eq(ps(cpu, 0, 0), 0x7F800000);
	ck_assert_uint_eq(cpu->state.mxcsr & 0x3F, OE | PE);
	done(cpu);
}
END_TEST

START_TEST(flush_to_zero_and_sticky_flags)
{
	struct cpu *cpu = MACHINE("\xf3\x0f\x59\xc1"); /* mulss xmm0, xmm1 */
	cpu->state.mxcsr = 0x1F80 | 0x8000 | ZE;         /* FTZ, ZE already set */
	set_ps(cpu, 0, 0x00800000, 0, 0, 0);             /* smallest normal * 0.5 */
	set_ps(cpu, 1, 0x3F000000, 0, 0, 0);
	ck_assert_int_eq(cpu_step(cpu), CPU_OK);
	ck_assert_uint_eq(ps(cpu, 0, 0), 0);
	ck_assert_uint_eq(cpu->state.mxcsr, 0x1F80 | 0x8000 | ZE | UE | PE);
	done(cpu);
}
END_TEST

START_TEST(comiss_sets_zf_pf_cf_and_clears_the_rest)
{
	struct cpu *cpu = MACHINE("\x0f\x2f\xc1"); /* comiss xmm0, xmm1 */
	cpu->state.rflags = 0x202 | FLAG_OF | FLAG_SF | FLAG_AF;
	set_ps(cpu, 0, 0x7FC00000, 0, 0, 0); /* QNaN: unordered, and #I for COMISS */
	set_ps(cpu, 1, 0x3F800000, 0, 0, 0);
	ck_assert_int_eq(cpu_step(cpu), CPU_OK);
	ck_assert_uint_eq(cpu->state.rflags & FLAGS_ARITH, FLAG_ZF | FLAG_PF | FLAG_CF);
	ck_assert_uint_eq(cpu->state.mxcsr, 0x1F80 | IE);
	done(cpu);
}
END_TEST

START_TEST(packed_memory_operands_must_be_aligned)
{
	struct cpu *cpu = MACHINE("\x0f\x58\x00"); /* addps xmm0, [rax] */
	cpu->state.gpr[GPR_RAX] = DATA + 8;
	ck_assert_int_eq(cpu_step(cpu), CPU_FAULT);
	ck_assert_uint_eq(cpu->last.vector, VEC_GP);
	done(cpu);
	cpu = MACHINE("\xf3\x0f\x58\x00"); /* addss xmm0, [rax]: no alignment */
	cpu->state.gpr[GPR_RAX] = DATA + 1;
	ck_assert_int_eq(cpu_step(cpu), CPU_OK);
	done(cpu);
}
END_TEST

START_TEST(ldmxcsr_reserved_bits_fault_stmxcsr_stores)
{
	struct cpu *cpu = MACHINE("\x0f\xae\x10\x0f\xae\x18"); /* ldmxcsr [rax]; stmxcsr [rax] */
	uint32_t v = 0x10000 | 0x1F80;
	cpu->state.gpr[GPR_RAX] = DATA;
	gmem_poke(cpu->memory, DATA, &v, 4);
	ck_assert_int_eq(cpu_step(cpu), CPU_FAULT);
	ck_assert_uint_eq(cpu->last.vector, VEC_GP);
	ck_assert_uint_eq(cpu->state.mxcsr, 0x1F80);
	v = 0x7F80 | 0x8040 | PE; /* round toward zero, FTZ, DAZ, PE */
	gmem_poke(cpu->memory, DATA, &v, 4);
	ck_assert_int_eq(cpu_step(cpu), CPU_OK);
	ck_assert_uint_eq(cpu->state.mxcsr, v);
	v = 0;
	gmem_poke(cpu->memory, DATA, &v, 4);
	ck_assert_int_eq(cpu_step(cpu), CPU_OK);
	gmem_peek(cpu->memory, DATA, &v, 4);
	ck_assert_uint_eq(v, 0x7F80 | 0x8040 | PE);
	done(cpu);
}
END_TEST

START_TEST(micro_ops_name_mxcsr_and_the_aligned_load)
{
	static const uint8_t code[] = { 0x0f, 0x58, 0x00 }; /* addps xmm0, [rax] */
	struct x86_insn insn;
	ck_assert_int_eq(x86_decode(code, sizeof code, X86_MODE_64, &insn), 3);
	struct uop u[UOP_MAX_PER_INSN];
	ck_assert_int_eq(uop_crack(&insn, CODE, u), 2);
	ck_assert_uint_eq(u[0].op, UOP_LOAD);
	ck_assert_uint_eq(u[0].width, 16);
	ck_assert(u[0].vflags & VF_ALIGNED);
	ck_assert_uint_eq(u[1].op, UOP_VFADD);
	ck_assert_uint_eq(u[1].dst, UREG_V0);
	ck_assert_uint_eq(u[1].src[0], UREG_V0);
	ck_assert_uint_eq(u[1].src[1], UREG_VT0);
	ck_assert_uint_eq(u[1].src[2], UREG_MXCSR);
	ck_assert_uint_eq(u[1].elem, 4);
	static const uint8_t scalar[] = { 0xf3, 0x0f, 0x58, 0x00 }; /* addss xmm0, [rax] */
	ck_assert_int_eq(x86_decode(scalar, sizeof scalar, X86_MODE_64, &insn), 4);
	ck_assert_int_eq(uop_crack(&insn, CODE, u), 2);
	ck_assert_uint_eq(u[0].width, 4);
	ck_assert(!(u[0].vflags & VF_ALIGNED));
	ck_assert_uint_eq(u[1].width, 4);
}
END_TEST

START_TEST(dpps_and_roundsd)
{
	struct cpu *cpu = MACHINE("\x66\x0f\x3a\x40\xc1\xf1"); /* dpps xmm0, xmm1, 0xf1 */
	set_ps(cpu, 0, 0x3F800000, 0x40000000, 0x40400000, 0x40800000); /* 1 2 3 4 */
	set_ps(cpu, 1, 0x3F800000, 0x3F800000, 0x3F800000, 0x3F800000);
	ck_assert_int_eq(cpu_step(cpu), CPU_OK);
	ck_assert_uint_eq(ps(cpu, 0, 0), 0x41200000); /* 10 */
	ck_assert_uint_eq(ps(cpu, 0, 1), 0);
	done(cpu);
	cpu = MACHINE("\x66\x0f\x3a\x0b\xc1\x01"); /* roundsd xmm0, xmm1, 1 (floor) */
	set_sd(cpu, 1, -0.5);
	ck_assert_int_eq(cpu_step(cpu), CPU_OK);
	double d;
	memcpy(&d, cpu->state.zmm[0], 8);
	ck_assert(d == -1.0);
	ck_assert_uint_eq(cpu->state.mxcsr & 0x3F, PE);
	done(cpu);
}
END_TEST

START_TEST(cvtpi2ps_enters_mmx_mode)
{
	struct cpu *cpu = MACHINE("\x0f\x2a\xc1"); /* cvtpi2ps xmm0, mm1 */
	cpu->state.fpu_status = 5u << 11; /* TOP = 5 */
	cpu->state.st[1].significand = 0x00000003FFFFFFFEull; /* -2, 3 */
	set_ps(cpu, 0, 0, 0, 0x11111111, 0x22222222);
	ck_assert_int_eq(cpu_step(cpu), CPU_OK);
	ck_assert_uint_eq(ps(cpu, 0, 0), 0xC0000000);
	ck_assert_uint_eq(ps(cpu, 0, 1), 0x40400000);
	ck_assert_uint_eq(ps(cpu, 0, 2), 0x11111111); /* the high half is kept */
	ck_assert_uint_eq((cpu->state.fpu_status >> 11) & 7, 0);
	ck_assert_uint_ne(cpu->state.fpu_tag, 0xFFFF);
	done(cpu);
}
END_TEST

START_TEST(haddps_takes_the_even_element_as_first_operand)
{
	struct cpu *cpu = MACHINE("\xf2\x0f\x7c\xc1"); /* haddps xmm0, xmm1 */
	/* Measured on the host: with two NaNs, the even element's wins. */
	set_ps(cpu, 0, 0x7FC00001, 0x7FC00002, 0x7F800003, 0x7FC00004);
	set_ps(cpu, 1, 0x3F800000, 0x40000000, 0x7F800000, 0xFF800000);
	ck_assert_int_eq(cpu_step(cpu), CPU_OK);
	ck_assert_uint_eq(ps(cpu, 0, 0), 0x7FC00001);
	ck_assert_uint_eq(ps(cpu, 0, 1), 0x7FC00003);
	ck_assert_uint_eq(ps(cpu, 0, 2), 0x40400000);
	ck_assert_uint_eq(ps(cpu, 0, 3), 0xFFC00000); /* inf + -inf */
	ck_assert_uint_eq(cpu->state.mxcsr, 0x1F80 | IE);
	done(cpu);
}
END_TEST

START_TEST(mmx_conversion_raises_a_pending_x87_exception_first)
{
	struct cpu *cpu = MACHINE("\x0f\x2d\xc1"); /* cvtps2pi mm0, xmm1 */
	cpu->state.fpu_status = 0x80 | 0x04 | 6u << 11; /* ES, ZE pending; TOP = 6 */
	cpu->state.fpu_control = 0x37B;
	ck_assert_int_eq(cpu_step(cpu), CPU_FAULT);
	ck_assert_uint_eq(cpu->last.vector, 16); /* #MF */
	ck_assert_uint_eq((cpu->state.fpu_status >> 11) & 7, 6); /* no MMX transition */
	ck_assert_uint_eq(cpu->state.fpu_tag, 0xFFFF);
	done(cpu);
}
END_TEST

Suite *sse_fp_suite(void)
{
	Suite *s = suite_create("sse_fp");
	TCase *t = tcase_create("sse_fp");
	tcase_add_test(t, nan_operands_first_source_wins_snan_quieted);
	tcase_add_test(t, min_returns_the_second_operand_on_nan_and_zeros);
	tcase_add_test(t, conversion_out_of_range_is_integer_indefinite);
	tcase_add_test(t, conversion_uses_the_rounding_control);
	tcase_add_test(t, unmasked_divide_by_zero_raises_xm_and_keeps_the_destination);
	tcase_add_test(t, unmasked_overflow_reports_pe_with_unbounded_exponent);
	tcase_add_test(t, flush_to_zero_and_sticky_flags);
	tcase_add_test(t, comiss_sets_zf_pf_cf_and_clears_the_rest);
	tcase_add_test(t, packed_memory_operands_must_be_aligned);
	tcase_add_test(t, ldmxcsr_reserved_bits_fault_stmxcsr_stores);
	tcase_add_test(t, micro_ops_name_mxcsr_and_the_aligned_load);
	tcase_add_test(t, dpps_and_roundsd);
	tcase_add_test(t, cvtpi2ps_enters_mmx_mode);
	tcase_add_test(t, haddps_takes_the_even_element_as_first_operand);
	tcase_add_test(t, mmx_conversion_raises_a_pending_x87_exception_first);
	suite_add_tcase(s, t);
	return s;
}
