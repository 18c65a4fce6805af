/* test_fast.c - the pre-decoded block executor (uops/exec_fast.c, through
 * cpu_run and the block cache) against one-instruction-at-a-time
 * execution (cpu_step) on sequences aimed at its shortcuts: faults after
 * flag writes and register writes (precise state, rerun through
 * uop_execute), page-crossing accesses, stores to the code being run
 * (once, and thousands of times: stale blocks pile up until a flush),
 * RIP-relative operands, narrow and high-byte registers, REP iterations
 * and system calls in the middle of a block, and instruction budgets that
 * end inside a block. Both runs must end in the same state. */
#include <check.h>
#include <string.h>

#include "machine/blocks.h"
#include "machine/cpu.h"
#include "machine/memory.h"

#define CODE 0x400000ull
#define DATA 0x500000ull
#define DATA_SIZE 0x2000ull

struct sequence {
	const char *name;
	const char *code;
	size_t len;
};

/* Assembled with `as --64` (Intel syntax); each ends on int3. 0x600000 is
 * read-only, 0x700000 not mapped. */
static const struct sequence sequences[] = {
	{ "smc", "\xc6\x05\x01\x00\x00\x00\x05\xb8\x01\x00\x00\x00\x83\xc0\x01\xcc", 16 },
	{ "smc_loop", "\xb9\x88\x13\x00\x00\x31\xdb\x88\x0d\x02\x00\x00\x00\x83\xc3\x00\xff\xc9\x75\xf3\xcc", 21 },
	{ "page_cross", "\x48\xc7\xc3\xfc\x0f\x50\x00\x48\xb8\x88\x77\x66\x55\x44\x33\x22\x11\x48\x89\x03\x48\x8b\x0b\x66\x81\x43\x03\x34\x12\x0f\xb7\x53\x03\x8b\x73\x01\xcc", 37 },
	{ "fault_add_mem", "\x48\xc7\xc3\x00\x00\x70\x00\xb8\x05\x00\x00\x00\x83\xf8\x07\x48\x01\x03\xcc", 19 },
	{ "fault_after_flags", "\x48\xc7\xc3\x00\x00\x50\x00\x48\xc7\x03\x01\x00\x00\x00\x48\x81\x03\xff\xff\xff\x7f\x48\xc7\xc3\x00\x00\x70\x00\x29\xc0\x48\xff\x03\xcc", 34 },
	{ "fault_store_readonly", "\x48\xc7\xc3\x00\x00\x60\x00\xb8\x05\x00\x00\x00\x83\xf8\x07\x48\x01\x03\xcc", 19 },
	{ "push_fault", "\x48\xc7\xc4\x10\x00\x70\x00\xf9\x50\xcc", 10 },
	{ "leave_fault", "\x48\xc7\xc5\x00\x00\x70\x00\xb9\x03\x00\x00\x00\xc9\xcc", 14 },
	{ "call_ret_riprel", "\xe8\x0f\x00\x00\x00\x48\x8b\x15\x14\x00\x00\x00\x48\x8d\x35\x0d\x00\x00\x00\xcc\x48\x8b\x05\x05\x00\x00\x00\x48\x03\x04\x24\xc3\x89\x67\x45\x23\x01\x00\x00\x00", 40 },
	{ "narrow", "\x48\xb8\x11\x11\x11\x11\x11\x11\x11\x11\x48\xbb\x82\x22\x22\x22\x22\x22\x22\x22\x48\xb9\x33\x33\x33\x33\x33\x33\x33\x33\x88\xd8\x66\x01\xc8\xb4\x01\x88\xc7\x48\x0f\xbe\xd3\x0f\xbf\xf3\x0f\xb6\xfc\x38\xd8\x0f\x9c\xc1\x48\x0f\x4f\xf8\xc0\xfb\x03\x66\xc1\xe1\x09\xc1\xc0\x07\x66\x41\xc1\xc8\x03\xf7\xd9\x66\xf7\xd3\x6b\xf1\xf9\x4c\x0f\xaf\xc8\x49\xc7\xc2\x00\x01\x50\x00\x41\xc6\x02\xfe\x41\xfe\x02\x66\x41\xff\x4a\x02\x41\x83\x6a\x08\x03\x49\x31\x42\x10\x4c\x89\xd2\x88\x7a\x18\x4d\x0f\xbe\x1a\x4d\x0f\xbf\x62\x02\x4d\x63\x6a\x08\x9c\x41\x5e\xcc", 136 },
	{ "rep_movsb", "\x48\xc7\xc6\x00\x00\x50\x00\x48\xc7\xc7\x00\x08\x50\x00\xb9\x25\x00\x00\x00\x48\xc7\xc0\xef\xcd\xab\x00\x48\x89\x46\x05\xf3\xa4\x48\x8b\x57\xe0\xcc", 37 },
	{ "syscall_mid_block", "\xb8\x3c\x00\x00\x00\x31\xff\x0f\x05\xbb\x01\x00\x00\x00\xcc", 15 },
	{ "loop_branches", "\x31\xc0\xb9\x64\x00\x00\x00\x01\xc8\xa8\x01\x74\x03\x6b\xc0\x03\xff\xc9\x75\xf3\xcc", 21 },
};

struct outcome {
	enum cpu_event event;
	uint8_t vector;
	uint64_t fault_address, instructions, uops;
	struct x86_state state;
	uint8_t data[DATA_SIZE], code[0x1000];
};

/* Runs the sequence to its int3 (or another fault), cpu_run `budget`
 * instructions at a time, through the block cache or not; system calls
 * just go on. */
static void run(const struct sequence *q, int blocks, uint64_t budget, struct outcome *out)
{
	struct cpu cpu;
	memset(&cpu, 0, sizeof cpu);
	cpu.mode = X86_MODE_64;
	cpu.memory = gmem_create();
	ck_assert_ptr_nonnull(cpu.memory);
	ck_assert_int_eq(gmem_map(cpu.memory, CODE, 0x1000, GUEST_READ | GUEST_WRITE | GUEST_EXEC), 0);
	ck_assert_int_eq(gmem_map(cpu.memory, DATA, DATA_SIZE, GUEST_READ | GUEST_WRITE), 0);
	ck_assert_int_eq(gmem_map(cpu.memory, 0x600000, 0x1000, GUEST_READ), 0);
	ck_assert_int_eq(gmem_poke(cpu.memory, CODE, q->code, q->len), 0);
	if (blocks)
		cpu.blocks = block_cache_create();
	cpu.state.rip = CODE;
	cpu.state.rflags = 0x202;
	cpu.state.gpr[GPR_RSP] = DATA + DATA_SIZE - 0x100;
	enum cpu_event e;
	do {
		e = cpu_run(&cpu, budget);
	} while ((e == CPU_OK || e == CPU_SYSCALL) && cpu.instructions < 100000);
	memset(out, 0, sizeof *out);
	out->event = e;
	out->vector = cpu.last.vector;
	out->fault_address = cpu.last.fault_address;
	out->instructions = cpu.instructions;
	out->uops = cpu.uops;
	out->state = cpu.state;
	ck_assert_int_eq(gmem_peek(cpu.memory, DATA, out->data, DATA_SIZE), 0);
	ck_assert_int_eq(gmem_peek(cpu.memory, CODE, out->code, sizeof out->code), 0);
	block_cache_destroy(cpu.blocks);
	gmem_destroy(cpu.memory);
}

static void compare(const struct sequence *q, uint64_t budget)
{
	static struct outcome ref, fast;
	run(q, 0, budget, &ref);
	run(q, 1, budget, &fast);
	ck_assert_msg(ref.event == fast.event && ref.vector == fast.vector, "%s (budget %llu): event %d/%u, expected %d/%u",
		      q->name, (unsigned long long)budget, fast.event, fast.vector, ref.event, ref.vector);
	ck_assert_msg(ref.fault_address == fast.fault_address, "%s: fault address", q->name);
	ck_assert_msg(ref.instructions == fast.instructions && ref.uops == fast.uops,
		      "%s (budget %llu): %llu instructions, %llu micro-ops; expected %llu, %llu", q->name,
		      (unsigned long long)budget, (unsigned long long)fast.instructions,
		      (unsigned long long)fast.uops, (unsigned long long)ref.instructions,
		      (unsigned long long)ref.uops);
	ck_assert_msg(ref.state.rip == fast.state.rip, "%s: rip %#llx, expected %#llx", q->name,
		      (unsigned long long)fast.state.rip, (unsigned long long)ref.state.rip);
	ck_assert_msg(ref.state.rflags == fast.state.rflags, "%s: rflags %#llx, expected %#llx", q->name,
		      (unsigned long long)fast.state.rflags, (unsigned long long)ref.state.rflags);
	for (unsigned r = 0; r < 16; r++)
		ck_assert_msg(ref.state.gpr[r] == fast.state.gpr[r], "%s (budget %llu): gpr %u = %#llx, expected %#llx",
			      q->name, (unsigned long long)budget, r, (unsigned long long)fast.state.gpr[r],
			      (unsigned long long)ref.state.gpr[r]);
	ck_assert_msg(!memcmp(ref.data, fast.data, sizeof ref.data), "%s: data memory differs", q->name);
	ck_assert_msg(!memcmp(ref.code, fast.code, sizeof ref.code), "%s: code memory differs", q->name);
}

START_TEST(block_runs_match_single_steps)
{
	const struct sequence *q = &sequences[_i];
	compare(q, 1000000);
	compare(q, 1);
	compare(q, 3);
}
END_TEST

/* The expected end states, so that a bug common to both paths shows too. */
static const struct sequence *find(const char *name)
{
	for (unsigned i = 0; i < sizeof sequences / sizeof sequences[0]; i++)
		if (!strcmp(sequences[i].name, name))
			return &sequences[i];
	return NULL;
}

START_TEST(known_end_states)
{
	static struct outcome o;
	run(find("smc"), 1, 1000000, &o);
	ck_assert_uint_eq(o.state.gpr[GPR_RAX], 6); /* the patched mov eax, 5; add eax, 1 */
	run(find("smc_loop"), 1, 1000000, &o);
	/* each iteration adds its counter's low byte, patched into the add */
	uint64_t sum = 0;
	for (unsigned i = 1; i <= 5000; i++)
		sum += (uint8_t)i >= 0x80 ? 0xFFFFFF00u + (uint8_t)i : (uint8_t)i; /* imm8 sign-extends */
	ck_assert_uint_eq(o.state.gpr[GPR_RBX], sum & 0xFFFFFFFF);
	run(find("fault_add_mem"), 1, 1000000, &o);
	ck_assert_int_eq(o.event, CPU_FAULT);
	ck_assert_uint_eq(o.vector, VEC_PF);
	ck_assert_uint_eq(o.fault_address, 0x700000);
	ck_assert_uint_eq(o.state.rip, CODE + 15); /* the add, with cmp's flags (5 - 7: CF SF AF) */
	ck_assert_uint_eq(o.state.rflags & FLAGS_ARITH, FLAG_CF | FLAG_SF | FLAG_AF);
	run(find("fault_store_readonly"), 1, 1000000, &o);
	ck_assert_int_eq(o.event, CPU_FAULT);
	ck_assert_uint_eq(o.fault_address, 0x600000);
	ck_assert_uint_eq(o.state.rflags & FLAGS_ARITH, FLAG_CF | FLAG_SF | FLAG_AF); /* add's flags undone */
	run(find("leave_fault"), 1, 1000000, &o);
	ck_assert_int_eq(o.event, CPU_FAULT);
	ck_assert_uint_eq(o.state.gpr[GPR_RSP], DATA + DATA_SIZE - 0x100); /* leave's rsp write undone */
	run(find("push_fault"), 1, 1000000, &o);
	ck_assert_uint_eq(o.state.gpr[GPR_RSP], 0x700010);
	ck_assert_uint_eq(o.state.rflags & FLAG_CF, FLAG_CF);
	run(find("page_cross"), 1, 1000000, &o);
	ck_assert_uint_eq(o.state.gpr[GPR_RCX], 0x1122334455667788);
	ck_assert_uint_eq(o.state.gpr[GPR_RDX], 0x4455 + 0x1234); /* bytes 3 and 4 of the quadword */
	run(find("call_ret_riprel"), 1, 1000000, &o);
	ck_assert_uint_eq(o.state.gpr[GPR_RDX], 0x123456789);
	ck_assert_uint_eq(o.state.gpr[GPR_RSI], CODE + 32);
	run(find("syscall_mid_block"), 1, 1000000, &o);
	ck_assert_uint_eq(o.state.gpr[GPR_RBX], 1);
	ck_assert_uint_eq(o.state.gpr[GPR_RCX], CODE + 9);
}
END_TEST

Suite *fast_suite(void)
{
	Suite *s = suite_create("fast");
	TCase *t = tcase_create("blocks");
	tcase_add_loop_test(t, block_runs_match_single_steps, 0, (int)(sizeof sequences / sizeof sequences[0]));
	tcase_add_test(t, known_end_states);
	suite_add_tcase(s, t);
	return s;
}
