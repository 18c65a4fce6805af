/* test_lockstep.c - the lockstep engine (lockstep/lockstep.c) against a
 * mock reference: a second uopsim CPU running a small program, which can
 * be told to differ from what uopsim does (a flipped register bit, an
 * undefined flag set the other way, a store uopsim did not make). The
 * engine must stay quiet where the manuals allow the difference and
 * report the instruction where they do not. A second, x87 program
 * checks what the engine does with a reference's known flaws (enum
 * ref_blind) and with the x87 condition codes the SDM leaves undefined.
 * tests/linux/lockstep.sh runs the real thing (ptrace) on whole programs. */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockstep/lockstep.h"
#include "lockstep/lockstep_internal.h"
#include "machine/cpu.h"
#include "machine/cpuid.h"
#include "machine/memory.h"

#define CODE 0x400000u
#define DATA 0x600000u
#define STACK 0x7ff000u
#define SP 0x7ffe00u

/* Instructions 1-16; the numbers are the engine's instruction numbers. */
static const uint8_t program[] = {
	0x31, 0xc0,                               /* 1  xor eax, eax */
	0x48, 0xc7, 0xc3, 0x05, 0x00, 0x00, 0x00, /* 2  mov rbx, 5 */
	0x21, 0xd8,                               /* 3  and eax, ebx (AF undefined) */
	0x9c,                                     /* 4  pushfq */
	0x59,                                     /* 5  pop rcx */
	0x89, 0x1c, 0x25, 0x00, 0x00, 0x60, 0x00, /* 6  mov [0x600000], ebx */
	0x31, 0xc0,                               /* 7  xor eax, eax */
	0x0f, 0xa2,                               /* 8  cpuid */
	0x48, 0xc7, 0xc7, 0x10, 0x00, 0x60, 0x00, /* 9  mov rdi, 0x600010 */
	0x48, 0xc7, 0xc1, 0x03, 0x00, 0x00, 0x00, /* 10 mov rcx, 3 */
	0xf3, 0xaa,                               /* 11 rep stosb */
	0xb8, 0x27, 0x00, 0x00, 0x00,             /* 12 mov eax, 39 (getpid) */
	0x0f, 0x05,                               /* 13 syscall */
	0xb8, 0x3c, 0x00, 0x00, 0x00,             /* 14 mov eax, 60 (exit) */
	0xbf, 0x07, 0x00, 0x00, 0x00,             /* 15 mov edi, 7 */
	0x0f, 0x05,                               /* 16 syscall */
};

/* The x87 program (how "x87 ..."), instructions 1-12. */
static const uint8_t x87_program[] = {
	0xd9, 0xe8,                               /* 1  fld1 */
	0xd9, 0xeb,                               /* 2  fldpi */
	0xd9, 0xf1,                               /* 3  fyl2x (st0 = log2(pi)) */
	0xd9, 0xfa,                               /* 4  fsqrt */
	0xd9, 0xfe,                               /* 5  fsin */
	0xd9, 0xe8,                               /* 6  fld1 */
	0xd8, 0xd9,                               /* 7  fcomp st1 */
	0xdf, 0xe0,                               /* 8  fnstsw ax */
	0xdd, 0x1c, 0x25, 0x00, 0x00, 0x60, 0x00, /* 9  fstp qword [0x600000] */
	0xb8, 0x3c, 0x00, 0x00, 0x00,             /* 10 mov eax, 60 (exit) */
	0xbf, 0x07, 0x00, 0x00, 0x00,             /* 11 mov edi, 7 */
	0x0f, 0x05,                               /* 12 syscall */
};

/* The mock's state before each of its steps (seen[n]: after n steps and
 * whatever the engine then gave it), for the tests to look at after the
 * run; the mock itself is gone by then. */
static struct x86_state seen[32];

struct reference {
	struct cpu cpu; /* first: 64-byte aligned */
	int exited, status;
	uint64_t steps;
	char how[32]; /* argv[1]: "", "flip=N", "af", "mem=N", "x87 fsw N MASK", "x87 ulp N DELTA" */
	uint64_t at;
	int x87;         /* running x87_program */
	char kind[8];    /* x87: "fsw" (FSW ^= value) or "ulp" (ST0's significand += value) after step at */
	long long value;
};

static struct reference *mock_start(char *const argv[], char *const envp[], char *err, size_t errlen)
{
	(void)envp;
	struct reference *r = aligned_alloc(64, (sizeof *r + 63) & ~(size_t)63);
	if (!r) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	memset(r, 0, sizeof *r);
	if (argv[1]) {
		snprintf(r->how, sizeof r->how, "%s", argv[1]);
		const char *eq = strchr(argv[1], '=');
		r->at = eq ? strtoull(eq + 1, NULL, 0) : 0;
		r->x87 = !strncmp(argv[1], "x87", 3);
		if (r->x87 && sscanf(argv[1], "x87 %7s %" SCNu64 " %lli", r->kind, &r->at, &r->value) != 3)
			r->kind[0] = 0;
	}
	memset(seen, 0, sizeof seen);
	r->cpu.memory = gmem_create();
	r->cpu.mode = X86_MODE_64;
	r->cpu.env.cpuid = cpuid_query;
	gmem_map(r->cpu.memory, CODE, GUEST_PAGE_SIZE, GUEST_READ | GUEST_EXEC);
	gmem_map(r->cpu.memory, DATA, GUEST_PAGE_SIZE, GUEST_READ | GUEST_WRITE);
	gmem_map(r->cpu.memory, STACK, GUEST_PAGE_SIZE, GUEST_READ | GUEST_WRITE);
	if (r->x87)
		gmem_poke(r->cpu.memory, CODE, x87_program, sizeof x87_program);
	else
		gmem_poke(r->cpu.memory, CODE, program, sizeof program);
	/* argc 0, argv and envp empty, an AT_SYSINFO_EHDR entry, AT_NULL. */
	const uint64_t stack[] = { 0, 0, 0, 33, 0x1234, 0, 0 };
	gmem_poke(r->cpu.memory, SP, stack, sizeof stack);
	struct x86_state *s = &r->cpu.state;
	s->rip = CODE;
	s->gpr[GPR_RSP] = SP;
	s->rflags = 0x202;
	s->selector[SEG_CS] = 0x33;
	s->selector[SEG_SS] = 0x2b;
	s->fpu_control = 0x37f;
	s->fpu_tag = 0xffff;
	s->mxcsr = 0x1f80;
	return r;
}

static int mock_get_state(struct reference *r, struct x86_state *s, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	*s = r->cpu.state;
	return 0;
}

static int mock_set_gprs(struct reference *r, const struct x86_state *s, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	memcpy(r->cpu.state.gpr, s->gpr, sizeof s->gpr);
	r->cpu.state.rip = s->rip;
	r->cpu.state.rflags = s->rflags;
	/* as a back end blind to x87 state must (lockstep.h, set_gprs) */
	r->cpu.state.fpu_status = s->fpu_status;
	memcpy(r->cpu.state.st, s->st, sizeof s->st);
	return 0;
}

static enum ref_stop mock_step(struct reference *r, int *out, char *err, size_t errlen)
{
	if (r->exited) {
		*out = r->status;
		return REF_EXITED;
	}
	if (r->steps < sizeof seen / sizeof seen[0])
		seen[r->steps] = r->cpu.state;
	enum cpu_event e = cpu_step(&r->cpu);
	r->steps++;
	struct x86_state *s = &r->cpu.state;
	if (r->x87 && r->steps == r->at && !strcmp(r->kind, "fsw"))
		s->fpu_status ^= (uint16_t)r->value;
	if (r->x87 && r->steps == r->at && !strcmp(r->kind, "ulp"))
		s->st[(s->fpu_status >> 11) & 7].significand += (uint64_t)r->value;
	if (e == CPU_SYSCALL) {
		if (s->gpr[GPR_RAX] == 60) {
			/* The engine must have hidden the vDSO from the program. */
			uint64_t type = 0;
			gmem_peek(r->cpu.memory, SP + 24, &type, 8);
			r->exited = 1;
			r->status = type == 1 ? (int)(s->gpr[GPR_RDI] & 0xff) : 99;
			*out = r->status;
			return REF_EXITED;
		}
		s->gpr[GPR_RAX] = s->gpr[GPR_RAX] == 39 ? 4242 : (uint64_t)-ENOSYS;
	} else if (e != CPU_OK) {
		snprintf(err, errlen, "mock: event %d", e);
		return REF_ERROR;
	}
	if (!strncmp(r->how, "flip=", 5) && r->steps == r->at)
		s->gpr[GPR_RBX] ^= 1;
	if (!strcmp(r->how, "af") && r->steps == 3)
		s->rflags ^= FLAG_AF; /* AND leaves AF undefined */
	if (!strncmp(r->how, "mem=", 4) && r->steps == r->at) {
		uint8_t b = 0x5a; /* a store uopsim does not make */
		gmem_poke(r->cpu.memory, DATA + 0x100, &b, 1);
	}
	return REF_STEPPED;
}

static int mock_read(struct reference *r, uint64_t addr, void *dst, size_t size, char *err, size_t errlen)
{
	if (gmem_peek(r->cpu.memory, addr, dst, size)) {
		snprintf(err, errlen, "mock: cannot read %#llx", (unsigned long long)addr);
		return -1;
	}
	return 0;
}

static int mock_write(struct reference *r, uint64_t addr, const void *src, size_t size, char *err, size_t errlen)
{
	if (gmem_poke(r->cpu.memory, addr, src, size)) {
		snprintf(err, errlen, "mock: cannot write %#llx", (unsigned long long)addr);
		return -1;
	}
	return 0;
}

static int mock_regions(struct reference *r, struct ref_region **out, size_t *count, char *err, size_t errlen)
{
	(void)r, (void)err, (void)errlen;
	static const struct ref_region regions[] = {
		{ CODE, CODE + GUEST_PAGE_SIZE, GUEST_READ | GUEST_EXEC },
		{ DATA, DATA + GUEST_PAGE_SIZE, GUEST_READ | GUEST_WRITE },
		{ STACK, STACK + GUEST_PAGE_SIZE, GUEST_READ | GUEST_WRITE },
	};
	*out = malloc(sizeof regions);
	memcpy(*out, regions, sizeof regions);
	*count = 3;
	return 0;
}

static void mock_destroy(struct reference *r)
{
	gmem_destroy(r->cpu.memory);
	free(r);
}

static const struct ref_ops mock_ops = {
	.name = "mock",
	.mode = X86_MODE_64,
	.start = mock_start,
	.get_state = mock_get_state,
	.set_gprs = mock_set_gprs,
	.step = mock_step,
	.read_memory = mock_read,
	.write_memory = mock_write,
	.regions = mock_regions,
	.destroy = mock_destroy,
};

/* Runs the program with the mock, declaring `blind` (enum ref_blind),
 * told `how`; the report goes to *log. */
static enum lockstep_result run_blind(unsigned blind, const char *how, struct lockstep_options *opt,
                                      struct lockstep_summary *sum, char **log)
{
	struct ref_ops ops = mock_ops;
	ops.blind = blind;
	char *argv[] = { "mock", (char *)how, NULL };
	char *envp[] = { NULL };
	size_t len;
	FILE *f = open_memstream(log, &len);
	ck_assert_ptr_nonnull(f);
	opt->log = f;
	enum lockstep_result r = lockstep_run(&ops, argv, envp, opt, sum);
	fclose(f);
	return r;
}

static enum lockstep_result run(const char *how, struct lockstep_options *opt, struct lockstep_summary *sum,
                                char **log)
{
	return run_blind(0, how, opt, sum, log);
}

/* Asserts that the report marks the row `name` as differing, and no
 * other; returns the row. */
static const char *only_marked_row(const char *log, const char *name)
{
	char head[32];
	snprintf(head, sizeof head, "\n  %s ", name);
	const char *row = strstr(log, head);
	ck_assert_msg(row && strstr(row, "<-- differs") && strstr(row, "<-- differs") < strchr(row + 1, '\n'),
	              "%s not marked: %s", name, log);
	ck_assert_msg(strstr(log, "<-- differs") == strstr(row, "<-- differs") &&
	                  !strstr(strstr(row, "<-- differs") + 1, "<-- differs"),
	              "only %s marked: %s", name, log);
	return row;
}

START_TEST(same_program_runs_to_the_end)
{
	struct lockstep_options opt = { 0 };
	struct lockstep_summary sum;
	char *log = NULL;
	ck_assert_int_eq(run("", &opt, &sum, &log), LOCKSTEP_SAME);
	ck_assert_msg(sum.exited && sum.exit_status == 7, "status %d (99: vDSO entry not hidden)", sum.exit_status);
	/* 16 instructions, the last one (exit) not compared after. */
	ck_assert_uint_eq(sum.instructions, 15);
	ck_assert_uint_eq(sum.syscalls, 1);
	ck_assert_str_eq(log, "");
	free(log);
}
END_TEST

START_TEST(undefined_flag_is_not_compared_but_copied)
{
	/* AF differs after AND; PUSHFQ/POP RCX then shows whether uopsim
	 * took the reference's AF. */
	struct lockstep_options opt = { 0 };
	struct lockstep_summary sum;
	char *log = NULL;
	ck_assert_msg(run("af", &opt, &sum, &log) == LOCKSTEP_SAME, "%s", log);
	ck_assert_int_eq(sum.exit_status, 7);
	free(log);
}
END_TEST

START_TEST(register_divergence_is_reported_at_its_instruction)
{
	struct lockstep_options opt = { 0 };
	struct lockstep_summary sum;
	char *log = NULL;
	ck_assert_int_eq(run("flip=2", &opt, &sum, &log), LOCKSTEP_DIVERGED);
	ck_assert_msg(strstr(log, "divergence at instruction 2 (rip 0x400002)"), "%s", log);
	ck_assert_msg(strstr(log, "mov    rbx,0x5"), "%s", log);
	const char *rbx = only_marked_row(log, "rbx");
	ck_assert_msg(strstr(rbx, "0x0000000000000004") < strstr(rbx, "0x0000000000000005"), "%s", log);
	free(log);
}
END_TEST

START_TEST(memory_divergence_is_reported_at_the_next_syscall)
{
	struct lockstep_options opt = { 0 };
	struct lockstep_summary sum;
	char *log = NULL;
	ck_assert_int_eq(run("mem=9", &opt, &sum, &log), LOCKSTEP_DIVERGED);
	ck_assert_msg(strstr(log, "divergence at instruction 13 (rip 0x40002d): memory at 0x600100 differs"), "%s",
	              log);
	free(log);
}
END_TEST

START_TEST(from_insn_and_max_insns)
{
	struct lockstep_options opt = { .from_insn = 10 };
	struct lockstep_summary sum;
	char *log = NULL;
	/* A divergence before --from-insn is not looked at. */
	ck_assert_int_eq(run("flip=2", &opt, &sum, &log), LOCKSTEP_SAME);
	ck_assert_uint_eq(sum.instructions, 6);
	free(log);
	opt = (struct lockstep_options){ .max_insns = 5 };
	ck_assert_int_eq(run("", &opt, &sum, &log), LOCKSTEP_SAME);
	ck_assert_int_eq(sum.exited, 0);
	ck_assert_uint_eq(sum.instructions, 5);
	free(log);
}
END_TEST

START_TEST(injected_divergence)
{
	struct lockstep_options opt = { .inject_divergence = 12 };
	struct lockstep_summary sum;
	char *log = NULL;
	ck_assert_int_eq(run("", &opt, &sum, &log), LOCKSTEP_DIVERGED);
	ck_assert_msg(strstr(log, "divergence at instruction 12 "), "%s", log);
	ck_assert_msg(strstr(log, "  rax "), "%s", log);
	free(log);
}
END_TEST

/* The x87 program run with the mock told `how` (declaring `blind`):
 * whether the engine reports a divergence, and at which instruction. A
 * run without one must reach the exit, status 7. */
static void x87_expect(unsigned blind, const char *how, uint64_t diverges_at)
{
	struct lockstep_options opt = { 0 };
	struct lockstep_summary sum;
	char *log = NULL;
	enum lockstep_result r = run_blind(blind, how, &opt, &sum, &log);
	if (!diverges_at) {
		ck_assert_msg(r == LOCKSTEP_SAME, "%s (blind %#x): %s", how, blind, log);
		ck_assert_msg(sum.exited && sum.exit_status == 7, "%s: status %d", how, sum.exit_status);
		ck_assert_uint_eq(sum.instructions, 11);
	} else {
		char want[64];
		snprintf(want, sizeof want, "divergence at instruction %" PRIu64 " ", diverges_at);
		ck_assert_msg(r == LOCKSTEP_DIVERGED && strstr(log, want), "%s (blind %#x): wanted \"%s\": %s", how,
		              blind, want, log);
	}
	free(log);
}

/* The reference's state in the plain run, to compare with. */
static void x87_plain(struct x86_state out[32])
{
	x87_expect(0, "x87", 0);
	memcpy(out, seen, sizeof seen);
}

START_TEST(blind_c1_is_given_uopsim_value)
{
	/* FSTP's C1 (rounded up, SDM vol. 1, 8.1.3.1) the other way on
	 * the reference: not compared when it declares REF_BLIND_FPU_C1, and
	 * the reference then holds uopsim's (the CPU's) FSW until the exit. */
	struct x86_state plain[32];
	x87_plain(plain);
	x87_expect(REF_BLIND_FPU_C1, "x87 fsw 9 0x200", 0);
	ck_assert_uint_eq(seen[9].fpu_status, plain[9].fpu_status);
	ck_assert_uint_eq(seen[11].fpu_status, plain[11].fpu_status);
	/* Without the flag, or with another one, C1 is compared. */
	x87_expect(0, "x87 fsw 9 0x200", 9);
	x87_expect(REF_BLIND_FPU_LAST_BIT | REF_BLIND_FPU_DE, "x87 fsw 9 0x200", 9);
	/* After FSQRT too (C1: rounded up, defined). */
	x87_expect(0, "x87 fsw 4 0x200", 4);
	x87_expect(REF_BLIND_FPU_C1, "x87 fsw 4 0x200", 0);
	/* The flag covers C1 only: FCOMP's C0 is still compared. */
	x87_expect(REF_BLIND_FPU_C1, "x87 fsw 7 0x100", 7);
}
END_TEST

START_TEST(blind_c1_report_marks_fsw)
{
	struct lockstep_options opt = { 0 };
	struct lockstep_summary sum;
	char *log = NULL;
	ck_assert_int_eq(run_blind(0, "x87 fsw 9 0x200", &opt, &sum, &log), LOCKSTEP_DIVERGED);
	only_marked_row(log, "fsw");
	free(log);
}
END_TEST

START_TEST(last_bit_of_fyl2x_within_one_ulp)
{
	/* FYL2X's result 1 ulp up or down on the reference: allowed with
	 * REF_BLIND_FPU_LAST_BIT, and the reference is given uopsim's value
	 * (FSQRT, FSIN... then compute from the same operand). */
	struct x86_state plain[32];
	x87_plain(plain);
	unsigned top = (plain[3].fpu_status >> 11) & 7;
	x87_expect(REF_BLIND_FPU_LAST_BIT, "x87 ulp 3 1", 0);
	ck_assert_uint_eq(seen[3].st[top].significand, plain[3].st[top].significand);
	ck_assert_uint_eq(seen[3].st[top].sign_exponent, plain[3].st[top].sign_exponent);
	x87_expect(REF_BLIND_FPU_LAST_BIT, "x87 ulp 3 -1", 0);
	ck_assert_uint_eq(seen[3].st[top].significand, plain[3].st[top].significand);
	/* Not without the flag; never 2 ulps; never after FSQRT (correctly
	 * rounded on every side, SDM vol. 1, 8.3.10). */
	x87_expect(0, "x87 ulp 3 1", 3);
	x87_expect(REF_BLIND_FPU_C1, "x87 ulp 3 1", 3);
	x87_expect(REF_BLIND_FPU_LAST_BIT, "x87 ulp 3 2", 3);
	x87_expect(REF_BLIND_FPU_LAST_BIT, "x87 ulp 3 -2", 3);
	x87_expect(REF_BLIND_FPU_LAST_BIT, "x87 ulp 4 1", 4);
}
END_TEST

START_TEST(undefined_x87_condition_codes_are_masked)
{
	/* SDM vol. 2, "FPU Flags Affected": C0, C2, C3 undefined after
	 * FSQRT and FSTP; C0 and C3 after FSIN (C2: out of range). */
	x87_expect(0, "x87 fsw 4 0x4500", 0);
	x87_expect(0, "x87 fsw 5 0x4100", 0);
	/* After FSTP (9) the next instruction, a MOV, compares the whole
	 * FSW: uopsim must have taken the reference's undefined bits. */
	x87_expect(0, "x87 fsw 9 0x4500", 0);
	/* Defined ones are compared: FSIN's C2, FCOMP's C0 and C3. */
	x87_expect(0, "x87 fsw 5 0x400", 5);
	x87_expect(0, "x87 fsw 7 0x100", 7);
	x87_expect(0, "x87 fsw 7 0x4000", 7);
	/* A non-x87 instruction leaves every condition code defined. */
	x87_expect(0, "x87 fsw 10 0x4000", 10);
}
END_TEST

static unsigned undefined_cc(const char *bytes, size_t len)
{
	struct x86_insn insn;
	ck_assert_int_eq(x86_decode((const uint8_t *)bytes, len, X86_MODE_64, &insn), (int)len);
	return lockstep_x87_undefined_cc(&insn);
}

START_TEST(x87_undefined_cc_table)
{
	ck_assert_uint_eq(undefined_cc("\xd9\xfa", 2), 0x4500);  /* fsqrt */
	ck_assert_uint_eq(undefined_cc("\xd9\xf1", 2), 0x4500);  /* fyl2x */
	ck_assert_uint_eq(undefined_cc("\xde\xc1", 2), 0x4500);  /* faddp */
	ck_assert_uint_eq(undefined_cc("\xd9\xfe", 2), 0x4100);  /* fsin */
	ck_assert_uint_eq(undefined_cc("\xd9\xf2", 2), 0x4100);  /* fptan */
	ck_assert_uint_eq(undefined_cc("\xd8\xd9", 2), 0);       /* fcomp st1 */
	ck_assert_uint_eq(undefined_cc("\xdb\xe9", 2), 0);       /* fucomi st1 */
	ck_assert_uint_eq(undefined_cc("\xd9\xe5", 2), 0);       /* fxam */
	ck_assert_uint_eq(undefined_cc("\xd9\xf5", 2), 0);       /* fprem1 */
	ck_assert_uint_eq(undefined_cc("\xdb\xe3", 2), 0);       /* fninit */
	ck_assert_uint_eq(undefined_cc("\x31\xc0", 2), 0);       /* xor eax, eax */
	ck_assert_uint_eq(undefined_cc("\x0f\x58\xc1", 3), 0);   /* addps */
}
END_TEST

START_TEST(within_one_ulp_edges)
{
	struct x87_reg a = { 0xd49a784bcd1b8afeull, 0x3fff }, b = a;
	ck_assert(lockstep_within_one_ulp(&a, &b));
	b.significand++;
	ck_assert(lockstep_within_one_ulp(&a, &b) && lockstep_within_one_ulp(&b, &a));
	b.significand++;
	ck_assert(!lockstep_within_one_ulp(&a, &b) && !lockstep_within_one_ulp(&b, &a));
	/* Across a power of two: the largest significand below 2 and 2. */
	struct x87_reg below = { UINT64_MAX, 0x3fff }, two = { 1ull << 63, 0x4000 };
	ck_assert(lockstep_within_one_ulp(&below, &two) && lockstep_within_one_ulp(&two, &below));
	two.significand++;
	ck_assert(!lockstep_within_one_ulp(&below, &two));
	/* Signs differ: never, even for +0 and -0. */
	struct x87_reg pz = { 0, 0 }, nz = { 0, 0x8000 };
	ck_assert(!lockstep_within_one_ulp(&pz, &nz));
	b = a;
	b.sign_exponent |= 0x8000;
	ck_assert(!lockstep_within_one_ulp(&a, &b));
	/* Negative values: magnitudes 1 apart. */
	a.sign_exponent |= 0x8000;
	b.significand--;
	ck_assert(lockstep_within_one_ulp(&a, &b));
}
END_TEST

Suite *lockstep_suite(void)
{
	Suite *s = suite_create("lockstep");
	TCase *t = tcase_create("mock reference");
	tcase_add_test(t, same_program_runs_to_the_end);
	tcase_add_test(t, undefined_flag_is_not_compared_but_copied);
	tcase_add_test(t, register_divergence_is_reported_at_its_instruction);
	tcase_add_test(t, memory_divergence_is_reported_at_the_next_syscall);
	tcase_add_test(t, from_insn_and_max_insns);
	tcase_add_test(t, injected_divergence);
	suite_add_tcase(s, t);
	t = tcase_create("reference flaws");
	tcase_add_test(t, blind_c1_is_given_uopsim_value);
	tcase_add_test(t, blind_c1_report_marks_fsw);
	tcase_add_test(t, last_bit_of_fyl2x_within_one_ulp);
	tcase_add_test(t, undefined_x87_condition_codes_are_masked);
	tcase_add_test(t, x87_undefined_cc_table);
	tcase_add_test(t, within_one_ulp_edges);
	suite_add_tcase(s, t);
	return s;
}
