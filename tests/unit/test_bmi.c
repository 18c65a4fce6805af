/* test_bmi.c - unit tests of BMI1/BMI2, CMPXCHG16B, RDTSCP, RDPID, XGETBV
 * and CLFLUSH/CLWB in the functional engine: the rules the SDM states
 * (flags, operand order, MULX with equal destinations, alignment faults)
 * and what the native differential test cannot compare (the TSC and
 * TSC_AUX values). tests/native/curated/bmi_*.s, cmpxchg16b*.s and
 * clflush.s compare the rest with the host CPU. */
#include <check.h>
#include <string.h>

#include "machine/blocks.h"
#include "machine/cpu.h"
#include "machine/memory.h"

#define CODE 0x400000ull
#define DATA 0x500000ull

static void machine_init(struct cpu *c, const char *code, size_t len)
{
	memset(c, 0, sizeof *c);
	c->mode = X86_MODE_64;
	c->memory = gmem_create();
	ck_assert_ptr_nonnull(c->memory);
	ck_assert_int_eq(gmem_map(c->memory, CODE, 0x1000, GUEST_READ | GUEST_EXEC), 0);
	ck_assert_int_eq(gmem_map(c->memory, DATA, 0x1000, GUEST_READ | GUEST_WRITE), 0);
	ck_assert_int_eq(gmem_poke(c->memory, CODE, code, len), 0);
	c->state.rip = CODE;
	c->state.rflags = 0x202;
	c->state.gpr[GPR_RSP] = DATA + 0x1000;
}

#define INIT(c, bytes) machine_init(c, bytes, sizeof(bytes) - 1)

static uint64_t arith(const struct cpu *c)
{
	return c->state.rflags & FLAGS_ARITH;
}

START_TEST(andn_blsmsk_bzhi_flags)
{
	struct cpu c;
	/* andn rax, rbx, rcx; blsmsk rax, rbx; bzhi rax, rbx, rcx */
	INIT(&c, "\xc4\xe2\xe0\xf2\xc1" "\xc4\xe2\xf8\xf3\xd3" "\xc4\xe2\xf0\xf5\xc3");
	c.state.gpr[GPR_RBX] = 0xF0;
	c.state.gpr[GPR_RCX] = 0x8000000000000F0Full;
	c.state.rflags |= FLAG_CF | FLAG_OF;
	ck_assert_int_eq(cpu_step(&c), CPU_OK);
	ck_assert_uint_eq(c.state.gpr[GPR_RAX], 0x8000000000000F0Full);
	ck_assert_uint_eq(arith(&c) & ~(uint64_t)(FLAG_AF | FLAG_PF), FLAG_SF); /* CF = OF = 0 */
	c.state.gpr[GPR_RBX] = 0;
	ck_assert_int_eq(cpu_step(&c), CPU_OK); /* BLSMSK of 0: all ones, CF = 1, ZF = 0 */
	ck_assert_uint_eq(c.state.gpr[GPR_RAX], ~0ull);
	ck_assert_uint_eq(arith(&c) & ~(uint64_t)(FLAG_AF | FLAG_PF), FLAG_CF | FLAG_SF);
	c.state.gpr[GPR_RBX] = ~0ull;
	c.state.gpr[GPR_RCX] = 0x140; /* index 0x40 = 64: no bits cleared, CF = 1 */
	ck_assert_int_eq(cpu_step(&c), CPU_OK);
	ck_assert_uint_eq(c.state.gpr[GPR_RAX], ~0ull);
	ck_assert(arith(&c) & FLAG_CF);
	gmem_destroy(c.memory);
}
END_TEST

START_TEST(bextr_start_and_length)
{
	struct cpu c;
	INIT(&c, "\xc4\xe2\x70\xf7\xc3" "\xc4\xe2\x70\xf7\xc3"); /* bextr eax, ebx, ecx (twice) */
	c.state.gpr[GPR_RAX] = ~0ull;
	c.state.gpr[GPR_RBX] = 0x87654321;
	c.state.gpr[GPR_RCX] = 0xFF1C; /* start 28, length 255: bits 31:28 */
	ck_assert_int_eq(cpu_step(&c), CPU_OK);
	ck_assert_uint_eq(c.state.gpr[GPR_RAX], 0x8);
	c.state.gpr[GPR_RCX] = 0x0820; /* start 32 >= 32: 0, ZF = 1 */
	ck_assert_int_eq(cpu_step(&c), CPU_OK);
	ck_assert_uint_eq(c.state.gpr[GPR_RAX], 0);
	ck_assert(arith(&c) & FLAG_ZF);
	gmem_destroy(c.memory);
}
END_TEST

START_TEST(mulx_equal_destinations_get_the_high_half)
{
	struct cpu c;
	/* mulx rax, rax, rbx; mulx rdx, rax, rdx */
	INIT(&c, "\xc4\xe2\xfb\xf6\xc3" "\xc4\xe2\xfb\xf6\xd2");
	c.state.gpr[GPR_RDX] = 0x100000000ull;
	c.state.gpr[GPR_RBX] = 0x300000005ull;
	c.state.rflags |= FLAG_CF | FLAG_ZF;
	ck_assert_int_eq(cpu_step(&c), CPU_OK);
	ck_assert_uint_eq(c.state.gpr[GPR_RAX], 3); /* high half of 0x3_00000005_00000000 */
	ck_assert_uint_eq(arith(&c), FLAG_CF | FLAG_ZF); /* no flags changed */
	c.state.gpr[GPR_RDX] = ~0ull;
	ck_assert_int_eq(cpu_step(&c), CPU_OK); /* (2^64-1)^2: high 2^64-2, low 1 */
	ck_assert_uint_eq(c.state.gpr[GPR_RDX], ~0ull - 1);
	ck_assert_uint_eq(c.state.gpr[GPR_RAX], 1);
	gmem_destroy(c.memory);
}
END_TEST

START_TEST(pdep_pext_sarx_rorx)
{
	struct cpu c;
	/* pdep rax, rbx, rcx; pext rax, rbx, rcx; sarx eax, ebx, ecx; rorx rax, rbx, 8 */
	INIT(&c, "\xc4\xe2\xe3\xf5\xc1" "\xc4\xe2\xe2\xf5\xc1" "\xc4\xe2\x72\xf7\xc3" "\xc4\xe3\xfb\xf0\xc3\x08");
	c.state.gpr[GPR_RBX] = 0x5;
	c.state.gpr[GPR_RCX] = 0xF0F0;
	ck_assert_int_eq(cpu_step(&c), CPU_OK);
	ck_assert_uint_eq(c.state.gpr[GPR_RAX], 0x50);
	c.state.gpr[GPR_RBX] = 0xA5A5;
	ck_assert_int_eq(cpu_step(&c), CPU_OK);
	ck_assert_uint_eq(c.state.gpr[GPR_RAX], 0xAA);
	c.state.gpr[GPR_RBX] = 0x80000000;
	c.state.gpr[GPR_RCX] = 0x21; /* count 33 mod 32 = 1 */
	ck_assert_int_eq(cpu_step(&c), CPU_OK);
	ck_assert_uint_eq(c.state.gpr[GPR_RAX], 0xC0000000);
	c.state.gpr[GPR_RBX] = 0x1122334455667788ull;
	ck_assert_int_eq(cpu_step(&c), CPU_OK);
	ck_assert_uint_eq(c.state.gpr[GPR_RAX], 0x8811223344556677ull);
	gmem_destroy(c.memory);
}
END_TEST

START_TEST(cmpxchg16b_equal_unequal_misaligned)
{
	struct cpu c;
	INIT(&c, "\x48\x0f\xc7\x0e" "\x48\x0f\xc7\x0e" "\x48\x0f\xc7\x0e"); /* cmpxchg16b [rsi] x3 */
	uint64_t m[2] = { 0x1111, 0x2222 };
	gmem_poke(c.memory, DATA + 0x10, m, 16);
	c.state.gpr[GPR_RSI] = DATA + 0x10;
	c.state.gpr[GPR_RAX] = 0x1111;
	c.state.gpr[GPR_RDX] = 0x2222;
	c.state.gpr[GPR_RBX] = 0x3333;
	c.state.gpr[GPR_RCX] = 0x4444;
	c.state.rflags |= FLAG_CF;
	ck_assert_int_eq(cpu_step(&c), CPU_OK);
	ck_assert_uint_eq(arith(&c), FLAG_CF | FLAG_ZF); /* ZF only; CF kept */
	gmem_peek(c.memory, DATA + 0x10, m, 16);
	ck_assert_uint_eq(m[0], 0x3333);
	ck_assert_uint_eq(m[1], 0x4444);
	ck_assert_int_eq(cpu_step(&c), CPU_OK); /* RDX:RAX no longer equal */
	ck_assert_uint_eq(arith(&c), FLAG_CF);
	ck_assert_uint_eq(c.state.gpr[GPR_RAX], 0x3333);
	ck_assert_uint_eq(c.state.gpr[GPR_RDX], 0x4444);
	c.state.gpr[GPR_RSI] = DATA + 0x18; /* misaligned: #GP(0), nothing changed */
	ck_assert_int_eq(cpu_step(&c), CPU_FAULT);
	ck_assert_uint_eq(c.last.vector, VEC_GP);
	ck_assert_uint_eq(c.state.gpr[GPR_RAX], 0x3333);
	ck_assert_uint_eq(c.state.rip, CODE + 8);
	gmem_destroy(c.memory);
}
END_TEST

static uint64_t fixed_tsc(void *context)
{
	(void)context;
	return 0x123456789ABCDEF0ull;
}

static uint32_t fixed_aux(void *context)
{
	(void)context;
	return 0x1005; /* node 1, cpu 5 (Linux's layout) */
}

START_TEST(rdtscp_rdpid_read_tsc_aux)
{
	struct cpu c;
	INIT(&c, "\x0f\x01\xf9" "\xf3\x0f\xc7\xf8" "\x0f\x01\xf9"); /* rdtscp; rdpid rax; rdtscp */
	c.env.rdtsc = fixed_tsc;
	c.env.tsc_aux = fixed_aux;
	c.state.gpr[GPR_RCX] = ~0ull;
	ck_assert_int_eq(cpu_step(&c), CPU_OK);
	ck_assert_uint_eq(c.state.gpr[GPR_RAX], 0x9ABCDEF0);
	ck_assert_uint_eq(c.state.gpr[GPR_RDX], 0x12345678);
	ck_assert_uint_eq(c.state.gpr[GPR_RCX], 0x1005); /* ECX, zero-extended */
	ck_assert_int_eq(cpu_step(&c), CPU_OK);
	ck_assert_uint_eq(c.state.gpr[GPR_RAX], 0x1005);
	c.env.tsc_aux = NULL; /* no callback: TSC_AUX reads as 0 */
	ck_assert_int_eq(cpu_step(&c), CPU_OK);
	ck_assert_uint_eq(c.state.gpr[GPR_RCX], 0);
	gmem_destroy(c.memory);
}
END_TEST

START_TEST(xgetbv_is_ud_and_clflush_checks_the_address)
{
	struct cpu c;
	INIT(&c, "\x0f\xae\x3e" "\x66\x0f\xae\x36" "\x0f\xae\x3e"); /* clflush [rsi]; clwb [rsi]; clflush [rsi] */
	c.state.gpr[GPR_RSI] = DATA + 0x123;
	ck_assert_int_eq(cpu_step(&c), CPU_OK);
	ck_assert_int_eq(cpu_step(&c), CPU_OK);
	c.state.gpr[GPR_RSI] = DATA + 0x1000; /* unmapped: #PF like a byte load */
	ck_assert_int_eq(cpu_step(&c), CPU_FAULT);
	ck_assert_uint_eq(c.last.vector, VEC_PF);
	ck_assert_uint_eq(c.last.fault_address, DATA + 0x1000);
	gmem_destroy(c.memory);
	INIT(&c, "\x0f\x01\xd0"); /* xgetbv: #UD, CPUID.1:ECX.OSXSAVE = 0 */
	ck_assert_int_eq(cpu_step(&c), CPU_FAULT);
	ck_assert_uint_eq(c.last.vector, VEC_UD);
	gmem_destroy(c.memory);
}
END_TEST

Suite *bmi_suite(void)
{
	Suite *s = suite_create("bmi");
	TCase *t = tcase_create("core");
	tcase_add_test(t, andn_blsmsk_bzhi_flags);
	tcase_add_test(t, bextr_start_and_length);
	tcase_add_test(t, mulx_equal_destinations_get_the_high_half);
	tcase_add_test(t, pdep_pext_sarx_rorx);
	tcase_add_test(t, cmpxchg16b_equal_unequal_misaligned);
	tcase_add_test(t, rdtscp_rdpid_read_tsc_aux);
	tcase_add_test(t, xgetbv_is_ud_and_clflush_checks_the_address);
	suite_add_tcase(s, t);
	return s;
}
