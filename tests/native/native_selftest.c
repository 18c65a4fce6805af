/* native_selftest.c - checks the native-run harness with hand-assembled code
 * and measures how many cases per second it runs.
 *   native-selftest [--bench N]     (N cases per benchmark, default 2000; 0: none)
 * Environment: NATIVE_RUN_FORK=1 runs the checks in fork mode;
 * NATIVE_RANDOM=N sets the number of random worker-vs-fork cases (300). */
#define _GNU_SOURCE
#include "native_run.h"

#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>

#define CODE_ADDR 0x40000000ull
#define DATA_ADDR 0x10000000ull
#define STACK_ADDR 0x20000000ull /* 2 pages; RSP starts at the top */
#define UNMAPPED 0x30000000ull

static int passed, failed;
static int fork_default; /* NATIVE_RUN_FORK=1 */
static const char *current;

#define CHECK(cond)                                                                                          \
	do {                                                                                                 \
		if (cond) {                                                                                  \
			passed++;                                                                            \
		} else {                                                                                     \
			failed++;                                                                            \
			fprintf(stderr, "FAIL %s:%d [%s]: %s\n", __FILE__, __LINE__, current, #cond);        \
		}                                                                                            \
	} while (0)

#define CHECK_EQ(a, b)                                                                                       \
	do {                                                                                                 \
		uint64_t a_ = (uint64_t)(a), b_ = (uint64_t)(b);                                             \
		if (a_ == b_) {                                                                              \
			passed++;                                                                            \
		} else {                                                                                     \
			failed++;                                                                            \
			fprintf(stderr,                                                                      \
			        "FAIL %s:%d [%s]: %s == %#" PRIx64 ", expected %s == %#" PRIx64 "\n",        \
			        __FILE__, __LINE__, current, #a, a_, #b, b_);                                \
		}                                                                                            \
	} while (0)

static void setup(struct native_case *c, const char *name, const uint8_t *code, size_t len)
{
	current = name;
	memset(c, 0, sizeof *c);
	c->code = code;
	c->code_len = len;
	c->code_addr = CODE_ADDR;
	native_state_init(&c->initial);
	c->timeout_ms = 1000;
}

static void add_region(struct native_case *c, uint64_t addr, uint64_t size, int prot, const uint8_t *init)
{
	c->regions[c->nregions++] = (struct native_region){addr, size, prot, init};
}

static int run(const struct native_case *c, struct native_result *r)
{
	int rc = native_run(c, r);
	CHECK_EQ(rc, 0);
	return rc;
}

/* GPRs other than those in `except` (a bit mask) equal the initial ones. */
static void check_gprs(const struct native_case *c, const struct native_result *r, unsigned except)
{
	for (int i = 0; i < GPR_COUNT; i++)
		if (!(except >> i & 1))
			CHECK_EQ(r->final.gpr[i], c->initial.gpr[i]);
}

static void fill_gprs(struct native_case *c)
{
	for (int i = 0; i < GPR_COUNT; i++)
		c->initial.gpr[i] = 0x1111111111111111ull * (uint64_t)(i + 1) ^ 0x0123456789abcdefull;
	c->initial.gpr[GPR_RSP] = STACK_ADDR + 0x2000;
}

static uint64_t splitmix(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static void test_add(void)
{
	static const uint8_t code[] = {0x48, 0x01, 0xd8}; /* add rax, rbx */
	struct native_case c;
	struct native_result r;
	setup(&c, "add rax, rbx", code, sizeof code);
	fill_gprs(&c);
	c.initial.gpr[GPR_RAX] = 0x7fffffffffffffffull;
	c.initial.gpr[GPR_RBX] = 1;
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, 0);
	CHECK_EQ(r.final.rip, CODE_ADDR + 3);
	CHECK_EQ(r.final.gpr[GPR_RAX], 0x8000000000000000ull);
	check_gprs(&c, &r, 1u << GPR_RAX);
	CHECK_EQ(r.final.rflags & FLAGS_ARITH, FLAG_OF | FLAG_SF | FLAG_AF | FLAG_PF);
	CHECK_EQ(r.final.selector[SEG_CS], 0x33);
	CHECK_EQ(r.final.selector[SEG_SS], 0x2b);
	CHECK_EQ(r.final.segment_base[SEG_FS], 0);
	CHECK_EQ(r.final.segment_base[SEG_GS], 0);
	native_result_free(&r);

	/* 0xffffffffffffffff + 1: CF ZF AF PF. */
	c.initial.gpr[GPR_RAX] = ~0ull;
	if (run(&c, &r))
		return;
	CHECK_EQ(r.final.gpr[GPR_RAX], 0);
	CHECK_EQ(r.final.rflags & FLAGS_ARITH, FLAG_CF | FLAG_ZF | FLAG_AF | FLAG_PF);
	native_result_free(&r);
}

static void test_store(void)
{
	static const uint8_t code[] = {0x48, 0x89, 0x04, 0x25,
	                               0x00, 0x00, 0x00, 0x10}; /* mov [0x10000000], rax */
	static uint8_t init[8192];
	for (int i = 0; i < 8192; i++)
		init[i] = (uint8_t)(i * 7 + 3);
	struct native_case c;
	struct native_result r;
	setup(&c, "mov [0x10000000], rax", code, sizeof code);
	c.initial.gpr[GPR_RAX] = 0x1122334455667788ull;
	add_region(&c, DATA_ADDR, 4096, PROT_READ | PROT_WRITE, init);
	add_region(&c, DATA_ADDR + 0x10000, 8192, PROT_NONE, init);
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, 0);
	uint64_t v;
	memcpy(&v, r.region_after[0], 8);
	CHECK_EQ(v, 0x1122334455667788ull);
	CHECK(memcmp(r.region_after[0] + 8, init + 8, 4096 - 8) == 0);
	CHECK(memcmp(r.region_after[1], init, 8192) == 0); /* PROT_NONE region read back */
	native_result_free(&r);
}

static void test_segv(void)
{
	static const uint8_t code[] = {0x48, 0xff, 0xc0, 0x48, 0x8b, 0x0a}; /* inc rax; mov rcx, [rdx] */
	struct native_case c;
	struct native_result r;
	setup(&c, "load from unmapped", code, sizeof code);
	fill_gprs(&c);
	c.initial.gpr[GPR_RDX] = UNMAPPED + 0x18;
	add_region(&c, STACK_ADDR, 0x2000, PROT_READ | PROT_WRITE, NULL);
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, SIGSEGV);
	CHECK_EQ(r.fault_address, UNMAPPED + 0x18);
	CHECK_EQ(r.trapno, 14);
	CHECK_EQ(r.error_code & 2, 0); /* a read */
	CHECK_EQ(r.final.rip, CODE_ADDR + 3);
	CHECK_EQ(r.final.gpr[GPR_RAX], c.initial.gpr[GPR_RAX] + 1);
	check_gprs(&c, &r, 1u << GPR_RAX); /* RCX unchanged */
	native_result_free(&r);

	/* A store to a read-only region faults and leaves it as it was. */
	static const uint8_t st[] = {0xc7, 0x02, 0x01, 0x00, 0x00, 0x00}; /* mov dword [rdx], 1 */
	setup(&c, "store to read-only", st, sizeof st);
	c.initial.gpr[GPR_RDX] = DATA_ADDR + 4;
	add_region(&c, DATA_ADDR, 4096, PROT_READ, NULL);
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, SIGSEGV);
	CHECK_EQ(r.fault_address, DATA_ADDR + 4);
	CHECK_EQ(r.error_code & 2, 2); /* a write */
	CHECK_EQ(r.final.rip, CODE_ADDR);
	CHECK_EQ(r.region_after[0][4], 0);
	native_result_free(&r);

	/* A jump out of the code: the fetch faults, RIP is the target. */
	static const uint8_t jmp[] = {0xff, 0xe2}; /* jmp rdx */
	setup(&c, "jump to unmapped", jmp, sizeof jmp);
	c.initial.gpr[GPR_RDX] = UNMAPPED;
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, SIGSEGV);
	CHECK_EQ(r.final.rip, UNMAPPED);
	CHECK_EQ(r.error_code & 0x10, 0x10); /* an instruction fetch */
	native_result_free(&r);

	/* Non-canonical address: #GP, still SIGSEGV. */
	setup(&c, "non-canonical load", code, sizeof code);
	c.initial.gpr[GPR_RDX] = 0x8000000000000000ull;
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, SIGSEGV);
	CHECK_EQ(r.trapno, 13);
	CHECK_EQ(r.final.rip, CODE_ADDR + 3);
	native_result_free(&r);
}

static void test_ill_fpe_trap(void)
{
	static const uint8_t ud2[] = {0x90, 0x0f, 0x0b}; /* nop; ud2 */
	struct native_case c;
	struct native_result r;
	setup(&c, "ud2", ud2, sizeof ud2);
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, SIGILL);
	CHECK_EQ(r.final.rip, CODE_ADDR + 1);
	CHECK_EQ(r.trapno, 6);
	native_result_free(&r);

	static const uint8_t div[] = {0x48, 0xf7, 0xf1}; /* div rcx */
	setup(&c, "div by zero", div, sizeof div);
	fill_gprs(&c);
	c.initial.gpr[GPR_RCX] = 0;
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, SIGFPE);
	CHECK_EQ(r.final.rip, CODE_ADDR);
	CHECK_EQ(r.trapno, 0);
	check_gprs(&c, &r, 0);
	native_result_free(&r);

	static const uint8_t int3[] = {0x90, 0xcc, 0x90}; /* nop; int3; nop */
	setup(&c, "int3 inside", int3, sizeof int3);
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, SIGTRAP);
	CHECK_EQ(r.final.rip, CODE_ADDR + 2); /* after the int3 */
	native_result_free(&r);

	static const uint8_t sys[] = {0x0f, 0x05}; /* syscall */
	setup(&c, "syscall blocked", sys, sizeof sys);
	c.initial.gpr[GPR_RAX] = 62; /* kill */
	c.initial.gpr[GPR_RDI] = (uint64_t)-1;
	c.initial.gpr[GPR_RSI] = SIGKILL;
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, SIGSYS);
	CHECK_EQ(r.final.rip, CODE_ADDR + 2);
	native_result_free(&r);

	static const uint8_t loop[] = {0xeb, 0xfe}; /* jmp $ */
	setup(&c, "timeout", loop, sizeof loop);
	c.timeout_ms = 50;
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, SIGALRM);
	CHECK_EQ(r.timed_out, 1);
	CHECK_EQ(r.final.rip, CODE_ADDR);
	native_result_free(&r);

	/* AC=1 with CR0.AM: a misaligned load raises #AC, SIGBUS. */
	static const uint8_t ld[] = {0x48, 0x8b, 0x0a}; /* mov rcx, [rdx] */
	setup(&c, "alignment check", ld, sizeof ld);
	c.initial.rflags |= FLAG_AC;
	c.initial.gpr[GPR_RDX] = DATA_ADDR + 1;
	add_region(&c, DATA_ADDR, 4096, PROT_READ | PROT_WRITE, NULL);
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, SIGBUS);
	CHECK_EQ(r.trapno, 17);
	CHECK_EQ(r.final.rip, CODE_ADDR);
	native_result_free(&r);
}

static void test_flags(void)
{
	struct native_case c;
	struct native_result r;
	/* Empty code: every loadable flag comes back as it went in. */
	static const uint64_t sets[] = {0, FLAGS_ARITH | FLAG_DF, FLAG_CF | FLAG_ZF | FLAG_DF,
	                                FLAG_PF | FLAG_SF, FLAG_AF | FLAG_OF | FLAG_ID};
	for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
		setup(&c, "flags round trip", NULL, 0);
		c.initial.rflags = 0x202 | sets[i];
		if (run(&c, &r))
			return;
		CHECK_EQ(r.signal, 0);
		CHECK_EQ(r.final.rip, CODE_ADDR);
		CHECK_EQ(r.final.rflags & (FLAGS_ARITH | FLAG_DF | FLAG_ID), sets[i]);
		native_result_free(&r);
	}
	/* What the code itself sees: pushfq; pop rax. */
	static const uint8_t pf[] = {0x9c, 0x58};
	setup(&c, "pushfq sees the flags", pf, sizeof pf);
	fill_gprs(&c);
	add_region(&c, STACK_ADDR, 0x2000, PROT_READ | PROT_WRITE, NULL);
	c.initial.rflags = 0x202 | FLAGS_ARITH | FLAG_DF;
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, 0);
	CHECK_EQ(r.final.gpr[GPR_RAX], 0x202 | FLAGS_ARITH | FLAG_DF);
	CHECK_EQ(r.final.gpr[GPR_RSP], STACK_ADDR + 0x2000);
	check_gprs(&c, &r, 1u << GPR_RAX);
	uint64_t pushed;
	memcpy(&pushed, r.region_after[0] + 0x2000 - 8, 8);
	CHECK_EQ(pushed, 0x202 | FLAGS_ARITH | FLAG_DF);
	native_result_free(&r);

	static const uint8_t std[] = {0xfd}; /* std */
	setup(&c, "std", std, sizeof std);
	if (run(&c, &r))
		return;
	CHECK_EQ(r.final.rflags & FLAG_DF, FLAG_DF);
	native_result_free(&r);
}

/* Code ending at a page end (the stop int3 on the next page), code across
 * a page boundary, and a stack pointer that points nowhere. */
static void test_placement(void)
{
	static const uint8_t code[] = {0x48, 0x01, 0xd8, 0x48, 0x01, 0xd8}; /* add rax, rbx; add rax, rbx */
	struct native_case c;
	struct native_result r;
	for (uint64_t off = 0xffa; off <= 0xffd; off += 3) {
		setup(&c, "code at a page end", code, sizeof code);
		c.code_addr = CODE_ADDR + off;
		c.initial.gpr[GPR_RAX] = 1;
		c.initial.gpr[GPR_RBX] = 2;
		c.initial.gpr[GPR_RSP] = 0x8000000000000000ull; /* non-canonical */
		if (run(&c, &r))
			return;
		CHECK_EQ(r.signal, 0);
		CHECK_EQ(r.final.rip, CODE_ADDR + off + sizeof code);
		CHECK_EQ(r.final.gpr[GPR_RAX], 5);
		CHECK_EQ(r.final.gpr[GPR_RSP], 0x8000000000000000ull);
		native_result_free(&r);
	}
	/* A jump backwards out of the code lands on the int3 filling. */
	static const uint8_t back[] = {0xeb, 0xf0}; /* jmp -16 */
	setup(&c, "jump into the filling", back, sizeof back);
	c.code_addr = CODE_ADDR + 0x800;
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, SIGTRAP);
	CHECK_EQ(r.final.rip, CODE_ADDR + 0x800 + 2 - 16 + 1);
	native_result_free(&r);
	/* Self-modifying code: mov word [rip+0], 0x9090 turns the ud2 after it into two nops. */
	static const uint8_t smc[] = {0x66, 0xc7, 0x05, 0x00, 0x00, 0x00, 0x00, 0x90, 0x90, 0x0f, 0x0b};
	for (int w = 0; w < 2; w++) {
		setup(&c, w ? "self-modifying code" : "write to read-only code", smc, sizeof smc);
		c.code_writable = w;
		if (run(&c, &r))
			return;
		if (w) {
			CHECK_EQ(r.signal, 0);
			CHECK_EQ(r.final.rip, CODE_ADDR + sizeof smc);
		} else {
			CHECK_EQ(r.signal, SIGSEGV);
			CHECK_EQ(r.error_code & 2, 2);
			CHECK_EQ(r.fault_address, CODE_ADDR + 9);
			CHECK_EQ(r.final.rip, CODE_ADDR);
		}
		native_result_free(&r);
	}
	/* FS base from the case: mov rax, fs:[8] */
	static const uint8_t fsld[] = {0x64, 0x48, 0x8b, 0x04, 0x25, 0x08, 0x00, 0x00, 0x00};
	static uint8_t data[4096] = {[8] = 0x5a, [9] = 0xa5};
	setup(&c, "FS base", fsld, sizeof fsld);
	c.initial.segment_base[SEG_FS] = DATA_ADDR;
	add_region(&c, DATA_ADDR, 4096, PROT_READ, data);
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, 0);
	CHECK_EQ(r.final.gpr[GPR_RAX], 0xa55a);
	CHECK_EQ(r.final.segment_base[SEG_FS], DATA_ADDR);
	native_result_free(&r);
}

/* Consecutive cases with the same layout (the worker reuses its mappings):
 * nothing of one case may show in the next. */
static void test_reuse(void)
{
	static const uint8_t st[] = {0x48, 0x89, 0x02}; /* mov [rdx], rax */
	struct native_case c;
	struct native_result r;
	for (int big = 0; big < 2; big++) {
		uint64_t size = big ? 0x20000 : 0x1000;
		for (int k = 0; k < 3; k++) {
			setup(&c, big ? "reuse: big zero region" : "reuse: small zero region", st, sizeof st);
			c.initial.gpr[GPR_RAX] = 0x1234 + (uint64_t)k;
			c.initial.gpr[GPR_RDX] = DATA_ADDR + (size - 8) * (uint64_t)(k & 1);
			add_region(&c, DATA_ADDR, size, k == 2 ? PROT_READ : PROT_READ | PROT_WRITE, NULL);
			if (run(&c, &r))
				return;
			uint64_t at0, atend;
			memcpy(&at0, r.region_after[0], 8);
			memcpy(&atend, r.region_after[0] + size - 8, 8);
			if (k == 2) { /* read-only now: the store faults, the old stores are gone */
				CHECK_EQ(r.signal, SIGSEGV);
				CHECK_EQ(at0, 0);
			} else {
				CHECK_EQ(r.signal, 0);
				CHECK_EQ(k & 1 ? atend : at0, 0x1234 + (uint64_t)k);
				CHECK_EQ(k & 1 ? at0 : atend, 0);
			}
			native_result_free(&r);
		}
	}
	/* The same code address with shorter, different code. */
	static const uint8_t inc2[] = {0x48, 0xff, 0xc0, 0x48, 0xff, 0xc0}, dec1[] = {0x48, 0xff, 0xc8};
	setup(&c, "reuse: code", inc2, sizeof inc2);
	if (run(&c, &r))
		return;
	CHECK_EQ(r.final.gpr[GPR_RAX], 2);
	native_result_free(&r);
	setup(&c, "reuse: code", dec1, sizeof dec1);
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, 0);
	CHECK_EQ(r.final.rip, CODE_ADDR + 3);
	CHECK_EQ(r.final.gpr[GPR_RAX], ~0ull);
	native_result_free(&r);
	/* Code that rewrote itself is restored for the next case. */
	static const uint8_t smc[] = {0x66, 0xc7, 0x05, 0x00, 0x00, 0x00, 0x00, 0x90, 0x90, 0x0f, 0x0b};
	for (int k = 0; k < 2; k++) {
		setup(&c, "reuse: self-modified code", smc, sizeof smc);
		c.code_writable = 1;
		if (run(&c, &r))
			return;
		CHECK_EQ(r.signal, 0);
		native_result_free(&r);
		setup(&c, "reuse: self-modified code", smc, sizeof smc);
		c.code = smc + 7; /* just the ud2 at CODE_ADDR + 7 */
		c.code_len = 4;
		c.code_addr = CODE_ADDR + 7;
		if (run(&c, &r))
			return;
		CHECK_EQ(r.signal, SIGILL);
		native_result_free(&r);
	}
	/* FS base set by one case, default (0) in the next: wrfsbase rax */
	static const uint8_t wrfs[] = {0xf3, 0x48, 0x0f, 0xae, 0xd0};
	setup(&c, "reuse: FS base", wrfs, sizeof wrfs);
	c.initial.gpr[GPR_RAX] = 0x12345000;
	if (run(&c, &r))
		return;
	if (r.signal == 0) /* SIGILL if the kernel does not enable FSGSBASE */
		CHECK_EQ(r.final.segment_base[SEG_FS], 0x12345000);
	native_result_free(&r);
	setup(&c, "reuse: FS base", NULL, 0);
	if (run(&c, &r))
		return;
	CHECK_EQ(r.final.segment_base[SEG_FS], 0);
	native_result_free(&r);
}

static void test_gpr_roundtrip(void)
{
	struct native_case c;
	struct native_result r;
	setup(&c, "GPR round trip", NULL, 0);
	uint64_t seed = 42;
	for (int i = 0; i < GPR_COUNT; i++)
		c.initial.gpr[i] = splitmix(&seed);
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, 0);
	check_gprs(&c, &r, 0);
	native_result_free(&r);
}

static struct x87_reg x87_from_double(double d)
{
	/* Exact for normal doubles. */
	uint64_t b;
	memcpy(&b, &d, 8);
	struct x87_reg r;
	unsigned e = (unsigned)(b >> 52) & 0x7ff;
	r.sign_exponent = (uint16_t)((b >> 63) << 15 | (e - 1023 + 16383));
	r.significand = 1ull << 63 | (b & ((1ull << 52) - 1)) << 11;
	return r;
}

static void test_x87(void)
{
	static const uint8_t code[] = {0xd9, 0xe8, 0xd9, 0xe8, 0xde, 0xc1}; /* fld1; fld1; faddp */
	struct native_case c;
	struct native_result r;
	setup(&c, "fld1; fld1; faddp", code, sizeof code);
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, 0);
	CHECK_EQ((r.final.fpu_status >> 11) & 7, 7);
	CHECK_EQ(r.final.st[7].significand, 1ull << 63);
	CHECK_EQ(r.final.st[7].sign_exponent, 0x4000); /* 2.0 */
	CHECK_EQ(r.final.st[6].sign_exponent, 0x3fff); /* the popped 1.0 is still there */
	CHECK_EQ(r.final.fpu_tag, 0x3fff);             /* R7 valid, the rest empty */
	CHECK_EQ(r.final.fpu_control, 0x37f);
	native_result_free(&r);

	/* Loaded state: TOP=5, R5 = 3.0; fld1; faddp -> R5 = 4.0. */
	static const uint8_t code2[] = {0xd9, 0xe8, 0xde, 0xc1};
	setup(&c, "x87 loaded stack", code2, sizeof code2);
	c.initial.fpu_status = 5 << 11;
	c.initial.st[5] = x87_from_double(3.0);
	c.initial.st[2] = x87_from_double(-0.5); /* empty but kept */
	c.initial.fpu_tag = 0xf3ff;
	c.initial.fpu_control = 0x27f; /* 53-bit precision */
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, 0);
	CHECK_EQ((r.final.fpu_status >> 11) & 7, 5);
	CHECK_EQ(r.final.st[5].sign_exponent, 0x4001);
	CHECK_EQ(r.final.st[5].significand, 1ull << 63);
	CHECK_EQ(r.final.st[4].sign_exponent, 0x3fff);
	CHECK_EQ(r.final.st[2].sign_exponent, 0xbffe);
	CHECK_EQ(r.final.fpu_tag, 0xf3ff);
	CHECK_EQ(r.final.fpu_control, 0x27f);
	/* FOP/FIP/FDP: this CPU (Zen 5) reports them as 0 unless an unmasked
	 * exception is pending (see below); either way they must not be junk. */
	CHECK(r.final.fpu_opcode == 0 || r.final.fpu_opcode == 0x6c1);
	CHECK(r.final.fpu_ip == 0 || r.final.fpu_ip == CODE_ADDR + 2);
	native_result_free(&r);

	/* Stack underflow with #IS unmasked: SIGFPE at the next x87 insn. */
	static const uint8_t code3[] = {0xde, 0xc1, 0xd9, 0xe8}; /* faddp (empty stack); fld1 */
	setup(&c, "x87 unmasked underflow", code3, sizeof code3);
	c.initial.fpu_control = 0x37e; /* IM clear */
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, SIGFPE);
	CHECK_EQ(r.trapno, 16); /* #MF */
	CHECK_EQ(r.final.rip, CODE_ADDR + 2);
	CHECK_EQ(r.final.fpu_status & 0x41, 0x41); /* IE + SF */
	printf("x87 pending #IS: fop %#x fip %#" PRIx64 " fdp %#" PRIx64 "\n", r.final.fpu_opcode,
	       r.final.fpu_ip, r.final.fpu_dp);
	CHECK_EQ(r.final.fpu_opcode, 0x6c1); /* faddp (de c1) */
	CHECK_EQ(r.final.fpu_ip, CODE_ADDR);
	native_result_free(&r);
}

static void put_floats(uint8_t *dst, float a, float b, float c, float d)
{
	float v[4] = {a, b, c, d};
	memcpy(dst, v, 16);
}

static void test_sse_avx(void)
{
	static const uint8_t code[] = {0x0f, 0x58, 0xc1}; /* addps xmm0, xmm1 */
	struct native_case c;
	struct native_result r;
	unsigned sup = native_state_support();
	setup(&c, "addps", code, sizeof code);
	put_floats(c.initial.zmm[0], 1, 2, 3, 4);
	put_floats(c.initial.zmm[1], 0.5f, 0.25f, -3, 100);
	memset(c.initial.zmm[0] + 16, 0xa5, 48); /* legacy SSE keeps bits 128+ */
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, 0);
	uint8_t want[16];
	put_floats(want, 1.5f, 2.25f, 0, 104);
	CHECK(memcmp(r.final.zmm[0], want, 16) == 0);
	CHECK(memcmp(r.final.zmm[1], c.initial.zmm[1], 64) == 0);
	if (sup & 4) {
		uint8_t a5[48];
		memset(a5, 0xa5, 48);
		CHECK(memcmp(r.final.zmm[0] + 16, a5, 48) == 0);
	}
	CHECK_EQ(r.final.mxcsr, 0x1f80);
	native_result_free(&r);

	/* divps by zero with ZM unmasked: SIGFPE (#XM), xmm0 untouched. */
	static const uint8_t dv[] = {0x0f, 0x5e, 0xc1}; /* divps xmm0, xmm1 */
	setup(&c, "divps unmasked #Z", dv, sizeof dv);
	put_floats(c.initial.zmm[0], 1, 2, 3, 4);
	put_floats(c.initial.zmm[1], 1, 0, 1, 1);
	c.initial.mxcsr = 0x1f80 & ~0x200u;
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, SIGFPE);
	CHECK_EQ(r.trapno, 19);
	CHECK_EQ(r.final.rip, CODE_ADDR);
	CHECK_EQ(r.final.mxcsr & 4, 4); /* ZE */
	CHECK(memcmp(r.final.zmm[0], c.initial.zmm[0], 16) == 0);
	native_result_free(&r);

	if (!(sup & 2))
		return;
	static const uint8_t vx[] = {0xc5, 0xfc, 0x58, 0xd1}; /* vaddps ymm2, ymm0, ymm1 */
	setup(&c, "vaddps ymm", vx, sizeof vx);
	for (int i = 0; i < 8; i++) {
		float a = (float)i, b = (float)(10 * i);
		memcpy(c.initial.zmm[0] + 4 * i, &a, 4);
		memcpy(c.initial.zmm[1] + 4 * i, &b, 4);
	}
	memset(c.initial.zmm[2], 0x77, 64);
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, 0);
	for (int i = 0; i < 8; i++) {
		float v;
		memcpy(&v, r.final.zmm[2] + 4 * i, 4);
		CHECK(v == (float)(11 * i));
	}
	if (sup & 4) {
		static const uint8_t zero[32];
		CHECK(memcmp(r.final.zmm[2] + 32, zero, 32) == 0); /* VEX zeroes bits 256+ */
	}
	native_result_free(&r);

	if (!(sup & 4))
		return;
	/* vpaddd zmm18, zmm16, zmm17; kaddq k3, k1, k2; vpaddd zmm2{k1}{z}, zmm0, zmm1 */
	static const uint8_t ev[] = {0x62, 0xa1, 0x7d, 0x40, 0xfe, 0xd1, 0xc4, 0xe1, 0xf4,
	                             0x4a, 0xda, 0x62, 0xf1, 0x7d, 0xc9, 0xfe, 0xd1};
	setup(&c, "AVX-512", ev, sizeof ev);
	for (int i = 0; i < 16; i++) {
		uint32_t a = 0x01000000u * (uint32_t)i + 1, b = 0x00010000u * (uint32_t)i + 2;
		memcpy(c.initial.zmm[16] + 4 * i, &a, 4);
		memcpy(c.initial.zmm[17] + 4 * i, &b, 4);
		memcpy(c.initial.zmm[0] + 4 * i, &a, 4);
		memcpy(c.initial.zmm[1] + 4 * i, &b, 4);
	}
	c.initial.opmask[1] = 0x8001000000005a5aull;
	c.initial.opmask[2] = 0x0000000100000001ull;
	c.initial.opmask[7] = 0xdeadbeefcafef00dull;
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, 0);
	for (int i = 0; i < 16; i++) {
		uint32_t v, w;
		memcpy(&v, r.final.zmm[18] + 4 * i, 4);
		CHECK_EQ(v, 0x01010000u * (uint32_t)i + 3);
		memcpy(&w, r.final.zmm[2] + 4 * i, 4);
		CHECK_EQ(w, (0x5a5a >> i & 1) ? 0x01010000u * (uint32_t)i + 3 : 0);
	}
	CHECK_EQ(r.final.opmask[3], 0x8001000100005a5bull);
	CHECK_EQ(r.final.opmask[7], 0xdeadbeefcafef00dull);
	native_result_free(&r);
}

/* Everything loadable, with empty code, comes back unchanged. */
static void test_full_roundtrip(void)
{
	struct native_case c;
	struct native_result r;
	unsigned sup = native_state_support();
	uint64_t seed = 7;
	for (int iter = 0; iter < 20; iter++) {
		setup(&c, "full state round trip", NULL, 0);
		for (int i = 0; i < GPR_COUNT; i++)
			c.initial.gpr[i] = splitmix(&seed);
		c.initial.rflags = 0x202 | (splitmix(&seed) & (FLAGS_ARITH | FLAG_DF));
		unsigned top = splitmix(&seed) & 7;
		c.initial.fpu_status = (uint16_t)(top << 11);
		c.initial.fpu_tag = 0;
		for (int i = 0; i < 8; i++) {
			uint64_t v = splitmix(&seed);
			c.initial.st[i].significand = splitmix(&seed) | (1ull << 63);
			c.initial.st[i].sign_exponent = (uint16_t)(v & 0xbfff) | 1;
			/* random tags: valid or empty (contents kept either way) */
			c.initial.fpu_tag |= (uint16_t)((v >> 20 & 1 ? 3u : 0u) << (2 * i));
		}
		c.initial.fpu_control =
		    (uint16_t)(0x1040 | (splitmix(&seed) & 0x0f3f)); /* with all exceptions masked */
		c.initial.fpu_control |= 0x3f;
		c.initial.mxcsr = (uint32_t)(splitmix(&seed) & 0xffbf) | 0x1f80;
		for (int i = 0; i < 32; i++)
			for (int j = 0; j < 64; j += 8) {
				uint64_t v = splitmix(&seed);
				memcpy(c.initial.zmm[i] + j, &v, 8);
			}
		for (int i = 0; i < 8; i++)
			c.initial.opmask[i] = splitmix(&seed);
		if (run(&c, &r))
			return;
		CHECK_EQ(r.signal, 0);
		check_gprs(&c, &r, 0);
		CHECK_EQ(r.final.rflags & (FLAGS_ARITH | FLAG_DF),
		         c.initial.rflags & (FLAGS_ARITH | FLAG_DF));
		CHECK_EQ(r.final.fpu_control, c.initial.fpu_control);
		CHECK_EQ(r.final.fpu_status, c.initial.fpu_status);
		CHECK_EQ(r.final.fpu_tag, c.initial.fpu_tag);
		for (int i = 0; i < 8; i++) {
			CHECK_EQ(r.final.st[i].significand, c.initial.st[i].significand);
			CHECK_EQ(r.final.st[i].sign_exponent, c.initial.st[i].sign_exponent);
		}
		CHECK_EQ(r.final.mxcsr, c.initial.mxcsr);
		int nz = (sup & 4) ? 32 : 16, bytes = (sup & 4) ? 64 : (sup & 2) ? 32 : 16;
		for (int i = 0; i < nz; i++)
			CHECK(memcmp(r.final.zmm[i], c.initial.zmm[i], (size_t)bytes) == 0);
		if (sup & 4)
			for (int i = 0; i < 8; i++)
				CHECK_EQ(r.final.opmask[i], c.initial.opmask[i]);
		native_result_free(&r);
	}
}

static void test_harness_errors(void)
{
	struct native_case c;
	struct native_result r;
	static const uint8_t nop[] = {0x90};
	fprintf(stderr, "(the next four native_run messages are expected)\n");
	setup(&c, "region overlapping code", nop, 1);
	add_region(&c, CODE_ADDR, 4096, PROT_READ, NULL);
	CHECK_EQ(native_run(&c, &r), -1);

	/* This program's own .bss is mapped in every child, worker or not; the
	 * failed case must not unmap it (the next case would crash). */
	setup(&c, "collision with the child's own mapping", nop, 1);
	add_region(&c, (uint64_t)(uintptr_t)&passed & ~4095ull, 4096, PROT_READ, NULL);
	CHECK_EQ(native_run(&c, &r), -1);
	setup(&c, "code over the child's own mapping", nop, 1);
	c.code_addr = (uint64_t)(uintptr_t)&passed;
	CHECK_EQ(native_run(&c, &r), -1);

	setup(&c, "bad MXCSR", nop, 1);
	c.initial.mxcsr = 0xffffffff;
	CHECK_EQ(native_run(&c, &r), -1);

	/* The child is still sound afterwards. */
	test_add();
}

static void test_trace(void)
{
	struct native_case c;
	struct native_result r;
	/* inc rax; inc rax; add rax, rbx */
	static const uint8_t code[] = {0x48, 0xff, 0xc0, 0x48, 0xff, 0xc0, 0x48, 0x01, 0xd8};
	setup(&c, "trace", code, sizeof code);
	fill_gprs(&c);
	c.initial.gpr[GPR_RAX] = 10;
	c.initial.gpr[GPR_RBX] = (uint64_t)-12;
	c.initial.rflags |= FLAG_DF;
	c.max_steps = 100;
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, 0);
	CHECK_EQ(r.step_limit, 0);
	CHECK_EQ(r.nsteps, 3);
	if (r.nsteps == 3) {
		CHECK_EQ(r.steps[0].rip, CODE_ADDR + 3);
		CHECK_EQ(r.steps[0].gpr[GPR_RAX], 11);
		CHECK_EQ(r.steps[1].rip, CODE_ADDR + 6);
		CHECK_EQ(r.steps[1].gpr[GPR_RAX], 12);
		CHECK_EQ(r.steps[1].rflags & (FLAGS_ARITH | FLAG_DF | FLAG_TF), FLAG_DF | FLAG_PF);
		CHECK_EQ(r.steps[2].rip, CODE_ADDR + 9);
		CHECK_EQ(r.steps[2].gpr[GPR_RAX], 0);
		CHECK_EQ(r.steps[2].rflags & (FLAGS_ARITH | FLAG_DF | FLAG_TF),
		         FLAG_DF | FLAG_ZF | FLAG_PF | FLAG_CF | FLAG_AF);
		CHECK(memcmp(&r.steps[2], &r.final, sizeof r.final) == 0);
		for (int i = 0; i < 3; i++)
			for (int g = 0; g < GPR_COUNT; g++)
				if (g != GPR_RAX)
					CHECK_EQ(r.steps[i].gpr[g], c.initial.gpr[g]);
	}
	native_result_free(&r);

	/* The limit stops an endless loop. */
	static const uint8_t loop[] = {0x90, 0xeb, 0xfe}; /* nop; jmp $ */
	setup(&c, "trace limit", loop, sizeof loop);
	c.max_steps = 5;
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, SIGTRAP);
	CHECK_EQ(r.step_limit, 1);
	CHECK_EQ(r.nsteps, 5);
	CHECK_EQ(r.final.rip, CODE_ADDR + 1);
	if (r.nsteps == 5)
		CHECK_EQ(r.steps[0].rip, CODE_ADDR + 1);
	native_result_free(&r);

	/* A fault ends the trace: the faulting instruction is no step. */
	static const uint8_t flt[] = {0x48, 0xff, 0xc0, 0x48, 0x8b, 0x0a}; /* inc rax; mov rcx, [rdx] */
	setup(&c, "trace to a fault", flt, sizeof flt);
	c.initial.gpr[GPR_RDX] = UNMAPPED;
	c.max_steps = 100;
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, SIGSEGV);
	CHECK_EQ(r.nsteps, 1);
	CHECK_EQ(r.final.rip, CODE_ADDR + 3);
	native_result_free(&r);

	/* rep movsb: how the CPU single-steps a string instruction. */
	static const uint8_t rep[] = {0xf3, 0xa4, 0x90}; /* rep movsb; nop */
	setup(&c, "trace rep movsb", rep, sizeof rep);
	add_region(&c, DATA_ADDR, 4096, PROT_READ | PROT_WRITE, NULL);
	c.initial.gpr[GPR_RSI] = DATA_ADDR;
	c.initial.gpr[GPR_RDI] = DATA_ADDR + 2048;
	c.initial.gpr[GPR_RCX] = 4;
	c.max_steps = 100;
	if (run(&c, &r))
		return;
	CHECK_EQ(r.signal, 0);
	CHECK(r.nsteps == 2 || r.nsteps == 5);
	printf("trace: rep movsb with RCX=4 took %u steps (", r.nsteps);
	for (unsigned i = 0; i < r.nsteps; i++)
		printf("%s rip +%" PRIu64 " rcx %" PRIu64, i ? "," : "",
		       (uint64_t)(r.steps[i].rip - CODE_ADDR), (uint64_t)r.steps[i].gpr[GPR_RCX]);
	printf(")\n");
	native_result_free(&r);
}

/* Code that damages the child (here: the worker's resume stack pointer, at
 * the same address in every child since they are forks of this program):
 * the worker dies after the case and the case is rerun in a fresh process. */
extern uint64_t uopsim_native_resume_sp;

static void test_damaged_worker(void)
{
	static const uint8_t code[] = {0x48, 0x89, 0x02}; /* mov [rdx], rax */
	struct native_case c;
	struct native_result r;
	setup(&c, "damaged worker", code, sizeof code);
	c.initial.gpr[GPR_RDX] = (uint64_t)(uintptr_t)&uopsim_native_resume_sp;
	c.initial.gpr[GPR_RAX] = 0;
	for (int k = 0; k < 2; k++) {
		if (run(&c, &r))
			return;
		CHECK_EQ(r.signal, 0);
		CHECK_EQ(r.final.rip, CODE_ADDR + 3);
		native_result_free(&r);
	}
	test_add(); /* and a new worker takes over */
}

static int same_result(const struct native_case *c, const struct native_result *a,
                       const struct native_result *b)
{
	if (a->signal != b->signal || a->si_code != b->si_code || a->fault_address != b->fault_address ||
	    a->trapno != b->trapno || a->error_code != b->error_code || a->timed_out != b->timed_out)
		return 0;
	if (memcmp(&a->final, &b->final, sizeof a->final)) /* decode_state zeroes the padding */
		return 0;
	for (unsigned i = 0; i < c->nregions; i++)
		if (memcmp(a->region_after[i], b->region_after[i], c->regions[i].size))
			return 0;
	if (a->nsteps != b->nsteps || a->step_limit != b->step_limit)
		return 0;
	for (unsigned i = 0; i < a->nsteps; i++)
		if (memcmp(&a->steps[i], &b->steps[i], sizeof a->steps[i]))
			return 0;
	return 1;
}

/* Random byte strings with random registers: the persistent worker must
 * give exactly what a fresh process gives (cases that differ between two
 * worker runs, e.g. rdtsc or a timeout, are skipped). */
static void test_worker_vs_fork(int n)
{
	static uint8_t data[4096], code[16];
	struct native_case c;
	struct native_result w1, w2, f;
	uint64_t seed = 12345;
	int compared = 0, nondet = 0, mismatches = 0, by_signal[65] = {0}, insns = 0, steps = 0;
	unsigned sup = native_state_support();
	for (int iter = 0; iter < n; iter++) {
		for (size_t i = 0; i < sizeof code; i++)
			code[i] = (uint8_t)splitmix(&seed);
		for (size_t i = 0; i < sizeof data; i += 8) {
			uint64_t v = splitmix(&seed);
			memcpy(data + i, &v, 8);
		}
		setup(&c, "worker vs fork", code, sizeof code);
		c.timeout_ms = 20;
		c.max_steps = iter & 1 ? 32 : 0;
		add_region(&c, DATA_ADDR, 4096, PROT_READ | PROT_WRITE, data);
		add_region(&c, STACK_ADDR, 0x2000, PROT_READ | PROT_WRITE, NULL);
		for (int i = 0; i < GPR_COUNT; i++) {
			uint64_t v = splitmix(&seed);
			switch (v & 3) {
			case 0: c.initial.gpr[i] = v >> 2; break;
			case 1: c.initial.gpr[i] = (v >> 8) & 0xff; break;
			default: c.initial.gpr[i] = DATA_ADDR + ((v >> 8) & 0xff8); break;
			}
		}
		c.initial.gpr[GPR_RSP] = STACK_ADDR + 0x1000;
		c.initial.rflags = 0x202 | (splitmix(&seed) & (FLAGS_ARITH | FLAG_DF));
		for (int i = 0; i < 32; i++)
			for (int j = 0; j < 64; j += 8) {
				uint64_t v = splitmix(&seed);
				memcpy(c.initial.zmm[i] + j, &v, 8);
			}
		for (int i = 0; i < 8; i++) {
			c.initial.opmask[i] = splitmix(&seed);
			c.initial.st[i] = x87_from_double((double)(int64_t)splitmix(&seed) / 1e6);
		}
		c.initial.fpu_tag = 0;
		native_use_fork(0);
		int rc = native_run(&c, &w1) | native_run(&c, &w2);
		native_use_fork(1);
		rc |= native_run(&c, &f);
		native_use_fork(fork_default);
		CHECK_EQ(rc, 0);
		if (!rc) {
			if (!same_result(&c, &w1, &w2)) {
				nondet++;
			} else {
				compared++;
				by_signal[w1.signal & 63]++;
				steps += (int)w1.nsteps;
				insns += w1.final.rip > CODE_ADDR && w1.final.rip <= CODE_ADDR + sizeof code;
				if (!same_result(&c, &w1, &f)) {
					mismatches++;
					fprintf(stderr, "worker/fork mismatch on code");
					for (size_t i = 0; i < sizeof code; i++)
						fprintf(stderr, " %02x", code[i]);
					fprintf(stderr, ": signal %d/%d rip %#" PRIx64 "/%#" PRIx64 "\n",
					        w1.signal, f.signal, w1.final.rip, f.final.rip);
				}
			}
		}
		native_result_free(&w1);
		native_result_free(&w2);
		native_result_free(&f);
	}
	(void)sup;
	CHECK_EQ(mismatches, 0);
	printf("worker vs fork: %d random cases compared, %d skipped as nondeterministic, %d mismatches\n",
	       compared, nondet, mismatches);
	printf("  outcomes:");
	for (int i = 0; i < 64; i++)
		if (by_signal[i])
			printf(" %s %d", i ? strsignal(i) : "ran to the end", by_signal[i]);
	printf("; %d stopped past the first instruction; %d trace steps compared\n", insns, steps);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

struct bench_arg {
	int n, errors;
};

/* add rax, rbx; mov [0x10000000], rax with one data page; checks each result. */
static void *bench_thread(void *p)
{
	struct bench_arg *a = p;
	static const uint8_t code[] = {0x48, 0x01, 0xd8, 0x48, 0x89, 0x04, 0x25, 0x00, 0x00, 0x00, 0x10};
	struct native_case c;
	struct native_result r;
	memset(&c, 0, sizeof c);
	c.code = code;
	c.code_len = sizeof code;
	c.code_addr = CODE_ADDR;
	native_state_init(&c.initial);
	c.regions[0] = (struct native_region){DATA_ADDR, 4096, PROT_READ | PROT_WRITE, NULL};
	c.nregions = 1;
	c.initial.gpr[GPR_RBX] = 5;
	for (int i = 0; i < a->n; i++) {
		c.initial.gpr[GPR_RAX] = (uint64_t)i;
		if (native_run(&c, &r)) {
			a->errors++;
			continue;
		}
		uint64_t v;
		memcpy(&v, r.region_after[0], 8);
		if (r.signal || r.final.gpr[GPR_RAX] != (uint64_t)i + 5 || v != (uint64_t)i + 5)
			a->errors++;
		native_result_free(&r);
	}
	return NULL;
}

static void bench(int n, int nthreads, const char *mode)
{
	struct bench_arg args[8];
	pthread_t t[8];
	current = "bench";
	double t0 = now();
	for (int i = 0; i < nthreads; i++) {
		args[i] = (struct bench_arg){n / nthreads, 0};
		if (nthreads == 1)
			bench_thread(&args[i]);
		else
			pthread_create(&t[i], NULL, bench_thread, &args[i]);
	}
	int errors = 0;
	for (int i = 0; i < nthreads; i++) {
		if (nthreads > 1)
			pthread_join(t[i], NULL);
		errors += args[i].errors;
	}
	double dt = now() - t0;
	CHECK_EQ(errors, 0);
	/* The workers of the threads that ended were stopped and reaped. */
	int status;
	CHECK(waitpid(-1, &status, WNOHANG) <= 0);
	printf("bench (%s, %d thread%s): %d cases in %.3f s: %.0f cases/s (%.1f us each)\n", mode, nthreads,
	       nthreads > 1 ? "s" : "", n, dt, n / dt, dt / n * 1e6);
}

int main(int argc, char **argv)
{
	int nbench = 2000;
	if (argc == 3 && !strcmp(argv[1], "--bench"))
		nbench = atoi(argv[2]);
	if (getenv("NATIVE_RUN_FORK") && atoi(getenv("NATIVE_RUN_FORK")))
		fork_default = 1;
	native_use_fork(fork_default);
	unsigned sup = native_state_support();
	printf("state support: x87+SSE%s%s\n", sup & 2 ? " AVX" : "", sup & 4 ? " AVX-512" : "");
	test_add();
	test_store();
	test_segv();
	test_ill_fpe_trap();
	test_flags();
	test_gpr_roundtrip();
	test_placement();
	test_reuse();
	test_x87();
	test_sse_avx();
	test_full_roundtrip();
	test_harness_errors();
	test_trace();
	test_damaged_worker();
	test_worker_vs_fork(getenv("NATIVE_RANDOM") ? atoi(getenv("NATIVE_RANDOM")) : 300);
	if (nbench > 0) {
		native_use_fork(0);
		bench(nbench, 1, "worker");
		bench(nbench, 2, "worker");
		native_use_fork(1);
		bench(nbench / 10, 1, "fork");
		bench(nbench / 10, 2, "fork");
		native_use_fork(fork_default);
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
