/* test_sse_int.c - unit tests of the MMX/SSE integer and data-movement
 * micro-ops (uops/crack_sse_int.c, uops/exec_vector_int.c): the rules the
 * SDM pins down — saturation, merge vs zeroing moves, the alignment #GP of
 * legacy 16-byte operands and its precision, the MMX/x87 state transition
 * and EMMS, SSE4.2 string compares, CRC-32C. The native differential test
 * (build/uop-diff --isa sse, tests/native/curated/sse_int.s) covers breadth. */
#include <check.h>
#include <string.h>

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
	ck_assert_int_eq(gmem_map(cpu->memory, DATA, 0x1000, GUEST_READ | GUEST_WRITE), 0);
	ck_assert_int_eq(gmem_poke(cpu->memory, CODE, code, len), 0);
	cpu->state.rip = CODE;
	cpu->state.rflags = 0x202;
	cpu->state.fpu_control = 0x37F;
	cpu->state.fpu_tag = 0xFFFF;
	cpu->state.mxcsr = 0x1F80;
	cpu->state.gpr[GPR_RSI] = DATA;
}

#define INIT(cpu, bytes) machine_init(cpu, bytes, sizeof(bytes) - 1)

static void set_xmm_words(struct cpu *cpu, int r, const uint16_t w[8])
{
	memcpy(cpu->state.zmm[r], w, 16);
}

static uint16_t xmm_word(const struct cpu *cpu, int r, int i)
{
	uint16_t v;
	memcpy(&v, cpu->state.zmm[r] + 2 * i, 2);
	return v;
}

START_TEST(saturating_adds_and_subtracts)
{
	struct cpu cpu;
	INIT(&cpu, "\x66\x0f\xed\xc1"  /* paddsw xmm0, xmm1 */
		   "\x66\x0f\xd8\xc1"); /* psubusb xmm0, xmm1 */
	const uint16_t a[8] = { 0x7FFF, 0x8000, 1, 0xFFFF, 0, 0, 0, 0 };
	const uint16_t b[8] = { 1, 0xFFFF, 0x7FFF, 1, 0, 0, 0, 0 };
	set_xmm_words(&cpu, 0, a);
	set_xmm_words(&cpu, 1, b);
	memset(cpu.state.zmm[0] + 16, 0xAB, 48);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(xmm_word(&cpu, 0, 0), 0x7FFF); /* clamped up */
	ck_assert_uint_eq(xmm_word(&cpu, 0, 1), 0x8000); /* clamped down */
	ck_assert_uint_eq(xmm_word(&cpu, 0, 2), 0x7FFF); /* 1 + 0x7FFF clamps too */
	ck_assert_uint_eq(xmm_word(&cpu, 0, 3), 0);
	ck_assert_uint_eq(cpu.state.zmm[0][16], 0xAB); /* legacy SSE keeps bits 511:128 */
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.zmm[0][0], 0xFE); /* 0xFF - 0x01 */
	ck_assert_uint_eq(cpu.state.zmm[0][2], 0);    /* 0x00 - 0xFF clamps at 0 */
	gmem_destroy(cpu.memory);
}
END_TEST

START_TEST(movss_merges_from_a_register_and_zeroes_on_load)
{
	struct cpu cpu;
	INIT(&cpu, "\xf3\x0f\x10\xc1"  /* movss xmm0, xmm1 */
		   "\xf3\x0f\x10\x06"); /* movss xmm0, [rsi] */
	memset(cpu.state.zmm[0], 0x11, 16);
	memset(cpu.state.zmm[1], 0x22, 16);
	ck_assert_int_eq(gmem_poke(cpu.memory, DATA, "\x33\x33\x33\x33", 4), 0);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.zmm[0][0], 0x22);
	ck_assert_uint_eq(cpu.state.zmm[0][4], 0x11);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.zmm[0][0], 0x33);
	ck_assert_uint_eq(cpu.state.zmm[0][4], 0);
	ck_assert_uint_eq(cpu.state.zmm[0][15], 0);
	gmem_destroy(cpu.memory);
}
END_TEST

START_TEST(misaligned_16_byte_operand_is_gp_and_precise)
{
	struct cpu cpu;
	INIT(&cpu, "\x66\x0f\x6f\x06"  /* movdqa xmm0, [rsi] */
		   "\x66\x0f\xfc\x06"); /* paddb xmm0, [rsi] */
	cpu.state.gpr[GPR_RSI] = DATA + 8;
	memset(cpu.state.zmm[0], 0x5A, 16);
	ck_assert_int_eq(cpu_step(&cpu), CPU_FAULT);
	ck_assert_uint_eq(cpu.last.vector, VEC_GP);
	ck_assert_uint_eq(cpu.state.rip, CODE);
	ck_assert_uint_eq(cpu.state.zmm[0][0], 0x5A);
	/* Aligned, both work; PADDB's memory operand is checked too. */
	cpu.state.gpr[GPR_RSI] = DATA + 16;
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	cpu.state.gpr[GPR_RSI] = DATA + 4;
	ck_assert_int_eq(cpu_step(&cpu), CPU_FAULT);
	ck_assert_uint_eq(cpu.last.vector, VEC_GP);
	gmem_destroy(cpu.memory);
}
END_TEST

START_TEST(mmx_sets_x87_state_and_emms_empties_it)
{
	struct cpu cpu;
	INIT(&cpu, "\x0f\xfc\xc1" /* paddb mm0, mm1 */
		   "\x0f\x77");   /* emms */
	cpu.state.fpu_status = 5u << 11; /* TOP = 5 */
	cpu.state.st[0].significand = 0x0102030405060708ull;
	cpu.state.st[1].significand = 0x0101010101010101ull;
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.st[0].significand, 0x0203040506070809ull);
	ck_assert_uint_eq(cpu.state.st[0].sign_exponent, 0xFFFF); /* SDM vol. 1, 9.5.1 */
	ck_assert_uint_eq((cpu.state.fpu_status >> 11) & 7, 0);
	for (int i = 0; i < 8; i++)
		ck_assert_uint_ne((cpu.state.fpu_tag >> (2 * i)) & 3, 3); /* none empty */
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.fpu_tag, 0xFFFF);
	gmem_destroy(cpu.memory);
}
END_TEST

START_TEST(pcmpistri_finds_the_first_match)
{
	struct cpu cpu;
	INIT(&cpu, "\x66\x0f\x3a\x63\xc1\x00"); /* pcmpistri xmm0, xmm1, 0 (equal any, bytes) */
	memset(cpu.state.zmm[0], 0, 16);
	memset(cpu.state.zmm[1], 0, 16);
	memcpy(cpu.state.zmm[0], "lo", 2);
	memcpy(cpu.state.zmm[1], "hello", 5);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_uint_eq(cpu.state.gpr[GPR_RCX], 2);
	/* CF: a match; ZF: xmm1 ends before 16 bytes; SF: so does xmm0; OF: bit 0 ('h') no match. */
	ck_assert_uint_eq(cpu.state.rflags & FLAGS_ARITH, FLAG_CF | FLAG_ZF | FLAG_SF);
	gmem_destroy(cpu.memory);
}
END_TEST

START_TEST(crc32_is_crc32c)
{
	struct cpu cpu;
	INIT(&cpu, "\xf2\x48\x0f\x38\xf1\x06"  /* crc32 rax, qword ptr [rsi] */
		   "\xf2\x0f\x38\xf0\x46\x08"); /* crc32 eax, byte ptr [rsi + 8] */
	ck_assert_int_eq(gmem_poke(cpu.memory, DATA, "123456789", 9), 0);
	cpu.state.gpr[GPR_RAX] = 0xFFFFFFFF;
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	/* The CRC-32C check value of "123456789" (RFC 3720, B.4) is 0xE3069283. */
	ck_assert_uint_eq(cpu.state.gpr[GPR_RAX] ^ 0xFFFFFFFF, 0xE3069283);
	gmem_destroy(cpu.memory);
}
END_TEST

START_TEST(psraw_past_the_width_fills_with_the_sign)
{
	struct cpu cpu;
	INIT(&cpu, "\x66\x0f\x71\xe0\x10"); /* psraw xmm0, 16 */
	const uint16_t a[8] = { 0x8000, 0x7FFF, 0xFFFF, 1, 0, 0x8001, 0x4000, 0xC000 };
	set_xmm_words(&cpu, 0, a);
	ck_assert_int_eq(cpu_step(&cpu), CPU_OK);
	for (int i = 0; i < 8; i++)
		ck_assert_uint_eq(xmm_word(&cpu, 0, i), (a[i] & 0x8000) ? 0xFFFF : 0);
	gmem_destroy(cpu.memory);
}
END_TEST

START_TEST(paddb_with_memory_is_load_plus_add)
{
	static const uint8_t code[] = { 0x66, 0x0f, 0xfc, 0x06 }; /* paddb xmm0, [rsi] */
	struct x86_insn insn;
	ck_assert_int_eq(x86_decode(code, sizeof code, X86_MODE_64, &insn), 4);
	struct uop u[UOP_MAX_PER_INSN];
	ck_assert_int_eq(uop_crack(&insn, CODE, u), 2);
	ck_assert_uint_eq(u[0].op, UOP_LOAD);
	ck_assert_uint_eq(u[0].width, 16);
	ck_assert_uint_eq(u[0].vflags & VF_ALIGNED, VF_ALIGNED);
	ck_assert_uint_eq(u[1].op, UOP_VADD);
	ck_assert_uint_eq(u[1].elem, 1);
	ck_assert_uint_eq(u[1].dst, UREG_V0);
	static const uint8_t movdqu[] = { 0xf3, 0x0f, 0x6f, 0x06 }; /* movdqu xmm0, [rsi]: no alignment */
	ck_assert_int_eq(x86_decode(movdqu, sizeof movdqu, X86_MODE_64, &insn), 4);
	ck_assert_int_eq(uop_crack(&insn, CODE, u), 1);
	ck_assert_uint_eq(u[0].op, UOP_LOAD);
	ck_assert_uint_eq(u[0].vflags & VF_ALIGNED, 0);
}
END_TEST

Suite *sse_int_suite(void)
{
	Suite *s = suite_create("sse_int");
	TCase *t = tcase_create("core");
	tcase_add_test(t, saturating_adds_and_subtracts);
	tcase_add_test(t, movss_merges_from_a_register_and_zeroes_on_load);
	tcase_add_test(t, misaligned_16_byte_operand_is_gp_and_precise);
	tcase_add_test(t, mmx_sets_x87_state_and_emms_empties_it);
	tcase_add_test(t, pcmpistri_finds_the_first_match);
	tcase_add_test(t, crc32_is_crc32c);
	tcase_add_test(t, psraw_past_the_width_fills_with_the_sign);
	tcase_add_test(t, paddb_with_memory_is_load_plus_add);
	suite_add_tcase(s, t);
	return s;
}
