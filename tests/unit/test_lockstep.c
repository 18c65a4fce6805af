/* test_lockstep.c - the lockstep engine (lockstep/lockstep.c) against a
 * mock reference: a second uopsim CPU running a small program, which can
 * be told to differ from what uopsim does (a flipped register bit, an
 * undefined flag set the other way, a store uopsim did not make). The
 * engine must stay quiet where the manuals allow the difference and
 * report the instruction where they do not. tests/linux/lockstep.sh runs
 * the real thing (ptrace) on whole programs. */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockstep/lockstep.h"
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

struct reference {
	struct cpu cpu; /* first: 64-byte aligned */
	int exited, status;
	uint64_t steps;
	char how[32]; /* argv[1]: "", "flip=N", "af", "mem=N" */
	uint64_t at;
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
	}
	r->cpu.memory = gmem_create();
	r->cpu.mode = X86_MODE_64;
	r->cpu.env.cpuid = cpuid_query;
	gmem_map(r->cpu.memory, CODE, GUEST_PAGE_SIZE, GUEST_READ | GUEST_EXEC);
	gmem_map(r->cpu.memory, DATA, GUEST_PAGE_SIZE, GUEST_READ | GUEST_WRITE);
	gmem_map(r->cpu.memory, STACK, GUEST_PAGE_SIZE, GUEST_READ | GUEST_WRITE);
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
	return 0;
}

static enum ref_stop mock_step(struct reference *r, int *out, char *err, size_t errlen)
{
	if (r->exited) {
		*out = r->status;
		return REF_EXITED;
	}
	enum cpu_event e = cpu_step(&r->cpu);
	r->steps++;
	struct x86_state *s = &r->cpu.state;
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

/* Runs the program with the mock told `how`; the report goes to *log. */
static enum lockstep_result run(const char *how, struct lockstep_options *opt, struct lockstep_summary *sum,
                                char **log)
{
	char *argv[] = { "mock", (char *)how, NULL };
	char *envp[] = { NULL };
	size_t len;
	FILE *f = open_memstream(log, &len);
	ck_assert_ptr_nonnull(f);
	opt->log = f;
	enum lockstep_result r = lockstep_run(&mock_ops, argv, envp, opt, sum);
	fclose(f);
	return r;
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
	const char *rbx = strstr(log, "\n  rbx ");
	ck_assert_msg(rbx && strstr(rbx, "<-- differs") && strstr(rbx, "<-- differs") < strchr(rbx + 1, '\n'),
	              "rbx not marked: %s", log);
	ck_assert_msg(strstr(rbx, "0x0000000000000004") < strstr(rbx, "0x0000000000000005"), "%s", log);
	ck_assert_msg(strstr(log, "<-- differs") == strstr(rbx, "<-- differs") &&
	                  !strstr(strstr(rbx, "<-- differs") + 1, "<-- differs"),
	              "only rbx marked: %s", log);
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
	return s;
}
