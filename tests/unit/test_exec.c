/* test_exec.c - unit tests of the functional engine: flag results at the
 * edges the SDM defines (shift counts 0/1/large, AF, OF), precise
 * exceptions, resumable REP, guest memory isolation, self-modifying code
 * through the decoded-block cache. The native differential test
 * (tests/native/uop_diff.c) covers breadth; these pin the rules. */
#include <check.h>
#include <string.h>

#include "machine/blocks.h"
#include "machine/cpu.h"
#include "machine/memory.h"

#define CODE 0x400000ull
#define DATA 0x500000ull

struct machine {
	struct cpu cpu;
};

static void machine_init(struct machine *m, const char *code, size_t len)
{
	memset(m, 0, sizeof *m);
	m->cpu.mode = X86_MODE_64;
	m->cpu.memory = gmem_create();
	ck_assert_ptr_nonnull(m->cpu.memory);
	ck_assert_int_eq(gmem_map(m->cpu.memory, CODE, 0x1000, GUEST_READ | GUEST_WRITE | GUEST_EXEC), 0);
	ck_assert_int_eq(gmem_map(m->cpu.memory, DATA, 0x2000, GUEST_READ | GUEST_WRITE), 0);
	ck_assert_int_eq(gmem_poke(m->cpu.memory, CODE, code, len), 0);
	m->cpu.state.rip = CODE;
	m->cpu.state.rflags = 0x202;
	m->cpu.state.gpr[GPR_RSP] = DATA + 0x2000;
}

static void machine_free(struct machine *m)
{
	block_cache_destroy(m->cpu.blocks);
	gmem_destroy(m->cpu.memory);
}

#define INIT(m, bytes) machine_init(m, bytes, sizeof(bytes) - 1)

static enum cpu_event step(struct machine *m)
{
	return cpu_step(&m->cpu);
}

static uint64_t flags(struct machine *m)
{
	return m->cpu.state.rflags & (FLAGS_ARITH | FLAG_DF);
}

START_TEST(add_flags_at_the_edges)
{
	struct machine m;
	INIT(&m, "\x00\xd8"); /* add al, bl */
	m.cpu.state.gpr[GPR_RAX] = 0x7F;
	m.cpu.state.gpr[GPR_RBX] = 0x01;
	ck_assert_int_eq(step(&m), CPU_OK);
	ck_assert_uint_eq(m.cpu.state.gpr[GPR_RAX], 0x80);
	/* signed overflow, sign, auxiliary carry from bit 3; PF: 0x80 has odd parity */
	ck_assert_uint_eq(flags(&m), FLAG_OF | FLAG_SF | FLAG_AF);
	machine_free(&m);
}
END_TEST

START_TEST(shift_by_zero_keeps_flags_but_zero_extends)
{
	struct machine m;
	INIT(&m, "\xd3\xe0"); /* shl eax, cl with cl = 0 */
	m.cpu.state.gpr[GPR_RAX] = 0xFFFFFFFF00000001ull;
	m.cpu.state.gpr[GPR_RCX] = 0x100; /* CL = 0 */
	m.cpu.state.rflags = 0x202 | FLAG_CF | FLAG_ZF;
	ck_assert_int_eq(step(&m), CPU_OK);
	ck_assert_uint_eq(m.cpu.state.gpr[GPR_RAX], 1); /* a 32-bit write zero-extends */
	ck_assert_uint_eq(flags(&m), FLAG_CF | FLAG_ZF); /* SDM: count 0 affects no flags */
	machine_free(&m);
}
END_TEST

START_TEST(shift_counts_are_masked)
{
	struct machine m;
	INIT(&m, "\x48\xd3\xe0\xd3\xe3"); /* shl rax, cl; shl ebx, cl */
	m.cpu.state.gpr[GPR_RAX] = 1;
	m.cpu.state.gpr[GPR_RBX] = 1;
	m.cpu.state.gpr[GPR_RCX] = 65; /* 64-bit: & 63 = 1; 32-bit: & 31 = 1 */
	ck_assert_int_eq(step(&m), CPU_OK);
	ck_assert_uint_eq(m.cpu.state.gpr[GPR_RAX], 2);
	ck_assert_int_eq(step(&m), CPU_OK);
	ck_assert_uint_eq(m.cpu.state.gpr[GPR_RBX], 2);
	machine_free(&m);
}
END_TEST

START_TEST(byte_shift_past_width_clears)
{
	struct machine m;
	INIT(&m, "\xc0\xe0\x09"); /* shl al, 9: count 9 < 32 but > 8 bits */
	m.cpu.state.gpr[GPR_RAX] = 0x1FF;
	ck_assert_int_eq(step(&m), CPU_OK);
	ck_assert_uint_eq(m.cpu.state.gpr[GPR_RAX], 0x100); /* AH kept, AL = 0 */
	ck_assert(flags(&m) & FLAG_ZF);
	ck_assert(!(flags(&m) & FLAG_CF)); /* the last bit out was bit -1: 0 */
	machine_free(&m);
}
END_TEST

START_TEST(rcl_rotates_through_carry)
{
	struct machine m;
	INIT(&m, "\xd0\xd0"); /* rcl al, 1 */
	m.cpu.state.gpr[GPR_RAX] = 0x80;
	m.cpu.state.rflags = 0x202 | FLAG_CF;
	ck_assert_int_eq(step(&m), CPU_OK);
	ck_assert_uint_eq(m.cpu.state.gpr[GPR_RAX], 0x01);
	ck_assert(flags(&m) & FLAG_CF);
	ck_assert(flags(&m) & FLAG_OF); /* OF = MSB(result) xor CF = 0 xor 1 */
	machine_free(&m);
}
END_TEST

START_TEST(divide_error_is_precise)
{
	struct machine m;
	INIT(&m, "\x48\xf7\xf1"); /* div rcx with rcx = 0 */
	m.cpu.state.gpr[GPR_RAX] = 5;
	m.cpu.state.gpr[GPR_RDX] = 7;
	ck_assert_int_eq(step(&m), CPU_FAULT);
	ck_assert_int_eq(m.cpu.last.vector, VEC_DE);
	ck_assert_uint_eq(m.cpu.state.rip, CODE); /* a fault: RIP at the instruction */
	ck_assert_uint_eq(m.cpu.state.gpr[GPR_RAX], 5);
	ck_assert_uint_eq(m.cpu.state.gpr[GPR_RDX], 7);
	machine_free(&m);
}
END_TEST

START_TEST(page_fault_leaves_no_trace)
{
	struct machine m;
	/* pop qword [rax]: RSP moves before the store faults */
	INIT(&m, "\x8f\x00");
	m.cpu.state.gpr[GPR_RAX] = 0x900000; /* unmapped */
	uint64_t rsp = m.cpu.state.gpr[GPR_RSP] - 8;
	m.cpu.state.gpr[GPR_RSP] = rsp;
	m.cpu.state.rflags = 0x202 | FLAG_CF;
	ck_assert_int_eq(step(&m), CPU_FAULT);
	ck_assert_int_eq(m.cpu.last.vector, VEC_PF);
	ck_assert_uint_eq(m.cpu.last.fault_address, 0x900000);
	ck_assert_uint_eq(m.cpu.state.gpr[GPR_RSP], rsp);
	ck_assert_uint_eq(flags(&m), FLAG_CF);
	machine_free(&m);
}
END_TEST

START_TEST(store_across_page_end_is_all_or_nothing)
{
	struct machine m;
	/* mov [rax], rbx with the last 4 bytes on an unmapped page */
	INIT(&m, "\x48\x89\x18");
	m.cpu.state.gpr[GPR_RAX] = DATA + 0x2000 - 4;
	m.cpu.state.gpr[GPR_RBX] = ~0ull;
	ck_assert_int_eq(step(&m), CPU_FAULT);
	ck_assert_uint_eq(m.cpu.last.fault_address, DATA + 0x2000);
	uint32_t untouched;
	gmem_peek(m.cpu.memory, DATA + 0x2000 - 4, &untouched, 4);
	ck_assert_uint_eq(untouched, 0);
	machine_free(&m);
}
END_TEST

START_TEST(rep_stos_is_resumable)
{
	struct machine m;
	INIT(&m, "\xf3\xaa"); /* rep stosb */
	m.cpu.state.gpr[GPR_RDI] = DATA;
	m.cpu.state.gpr[GPR_RCX] = 3;
	m.cpu.state.gpr[GPR_RAX] = 0xAB;
	/* One iteration per step: RIP stays until RCX reaches 0. */
	for (int i = 0; i < 3; i++) {
		ck_assert_int_eq(step(&m), CPU_OK);
		ck_assert_uint_eq(m.cpu.state.rip, CODE);
		ck_assert_uint_eq(m.cpu.state.gpr[GPR_RCX], 2 - (unsigned)i);
	}
	ck_assert_int_eq(step(&m), CPU_OK);
	ck_assert_uint_eq(m.cpu.state.rip, CODE + 2);
	ck_assert_uint_eq(m.cpu.instructions, 1); /* one instruction retired */
	uint8_t bytes[4];
	gmem_peek(m.cpu.memory, DATA, bytes, 4);
	ck_assert_uint_eq(bytes[0], 0xAB);
	ck_assert_uint_eq(bytes[2], 0xAB);
	ck_assert_uint_eq(bytes[3], 0);
	machine_free(&m);
}
END_TEST

START_TEST(invalid_opcode_is_ud)
{
	struct machine m;
	INIT(&m, "\x0f\x0b"); /* ud2 */
	ck_assert_int_eq(step(&m), CPU_FAULT);
	ck_assert_int_eq(m.cpu.last.vector, VEC_UD);
	machine_free(&m);
	INIT(&m, "\x06"); /* push es: invalid in 64-bit mode */
	ck_assert_int_eq(step(&m), CPU_FAULT);
	ck_assert_int_eq(m.cpu.last.vector, VEC_UD);
	machine_free(&m);
}
END_TEST

START_TEST(fetch_from_non_executable_page_faults)
{
	struct machine m;
	INIT(&m, "\x90");
	m.cpu.state.rip = DATA; /* mapped, but not executable */
	ck_assert_int_eq(step(&m), CPU_FAULT);
	ck_assert_int_eq(m.cpu.last.vector, VEC_PF);
	ck_assert_uint_eq(m.cpu.last.fault_address, DATA);
	machine_free(&m);
}
END_TEST

START_TEST(self_modifying_code_is_seen)
{
	struct machine m;
	/* mov word [rip+0], 0x9090 patches the instruction right after it
	 * (inc eax, ff c0) into two NOPs; the block holding both was decoded
	 * before the store, so the cache must notice and re-decode. */
	static const char code[] = "\x66\xc7\x05\x00\x00\x00\x00\x90\x90" /* mov word [rip+0], 0x9090 */
				   "\xff\xc0"                             /* inc eax -> nop; nop */
				   "\xcc";                                /* int3: stop */
	INIT(&m, code);
	m.cpu.blocks = block_cache_create();
	ck_assert_int_eq(cpu_run(&m.cpu, 100), CPU_FAULT);
	ck_assert_int_eq(m.cpu.last.vector, VEC_BP);
	ck_assert_uint_eq(m.cpu.state.rip, CODE + 12); /* int3 is a trap: after it */
	ck_assert_uint_eq(m.cpu.state.gpr[GPR_RAX], 0); /* inc eax never ran */
	ck_assert_uint_eq(m.cpu.instructions, 3);       /* mov, nop, nop */
	ck_assert_uint_ge(block_cache_stats(m.cpu.blocks)->stale + block_cache_stats(m.cpu.blocks)->builds, 2);
	machine_free(&m);
}
END_TEST

START_TEST(guest_memory_is_separate)
{
	struct guest_memory *g = gmem_create();
	uint64_t fault = 0;
	uint64_t v = 0;
	/* Host addresses mean nothing to the guest. */
	ck_assert_int_ne(gmem_read(g, (uint64_t)(uintptr_t)&v, &v, 8, &fault), 0);
	ck_assert_uint_eq(fault, (uint64_t)(uintptr_t)&v);
	/* Addresses beyond 48 bits and wrapping ranges are rejected. */
	ck_assert_int_ne(gmem_map(g, 1ull << 48, 0x1000, GUEST_READ), 0);
	ck_assert_int_ne(gmem_check(g, ~0ull - 3, 8, GUEST_READ, &fault), 0);
	ck_assert_int_eq(gmem_map(g, 0x1000, 0x1000, GUEST_READ), 0);
	ck_assert_int_ne(gmem_write(g, 0x1000, &v, 8, &fault), 0); /* read-only */
	gmem_destroy(g);
}
END_TEST

Suite *exec_suite(void)
{
	Suite *s = suite_create("exec");
	TCase *t = tcase_create("core");
	tcase_add_test(t, add_flags_at_the_edges);
	tcase_add_test(t, shift_by_zero_keeps_flags_but_zero_extends);
	tcase_add_test(t, shift_counts_are_masked);
	tcase_add_test(t, byte_shift_past_width_clears);
	tcase_add_test(t, rcl_rotates_through_carry);
	tcase_add_test(t, divide_error_is_precise);
	tcase_add_test(t, page_fault_leaves_no_trace);
	tcase_add_test(t, store_across_page_end_is_all_or_nothing);
	tcase_add_test(t, rep_stos_is_resumable);
	tcase_add_test(t, invalid_opcode_is_ud);
	tcase_add_test(t, fetch_from_non_executable_page_faults);
	tcase_add_test(t, self_modifying_code_is_seen);
	tcase_add_test(t, guest_memory_is_separate);
	suite_add_tcase(s, t);
	return s;
}
