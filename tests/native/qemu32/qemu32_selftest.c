/* qemu32_selftest.c - checks the i386 oracle (harness32 under qemu-i386,
 * driven by qemu_run.c) on code whose results are known from the SDM:
 * register loading and capture, EFLAGS, the end-of-code int3, each fault
 * kind and its signal/si_code/address/EIP, data and stack regions, the
 * test TLS descriptors, a BCD result, restart after qemu itself crashes,
 * and the throughput of a large batch.
 * usage: qemu32-selftest   (exit 0 when every check passes) */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "tests/native/qemu32/qemu_run.h"

#define CODE 0x20000000u
#define DATA 0x20010000u
#define STACK 0x20020000u

static int failures, checks;

#define CHECK(cond, ...)                                                                          \
	do {                                                                                      \
		checks++;                                                                         \
		if (!(cond)) {                                                                    \
			failures++;                                                               \
			printf("FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);                    \
			printf(__VA_ARGS__);                                                      \
			printf("\n");                                                             \
		}                                                                                 \
	} while (0)

static uint8_t data_init[4096];

static void make(struct qemu32_case *c, const uint8_t *code, uint32_t len)
{
	memset(c, 0, sizeof *c);
	c->code = code;
	c->code_len = len;
	c->code_addr = CODE;
	for (int i = 0; i < 8; i++)
		c->gpr[i] = 0x01010101u * (uint32_t)(i + 1);
	c->gpr[4] = STACK + 0x1000;
	c->eflags = 0x202;
	c->regions[0] = (struct qemu32_region){ DATA, 4096, PROT_READ | PROT_WRITE, data_init };
	c->regions[1] = (struct qemu32_region){ STACK, 8192, PROT_READ | PROT_WRITE, NULL };
	c->nregions = 2;
}

int main(void)
{
	for (int i = 0; i < 4096; i++)
		data_init[i] = (uint8_t)(i * 7);
	static const uint8_t add[] = { 0xB8, 5, 0, 0, 0, 0x83, 0xC0, 3 };             /* mov eax,5; add eax,3 */
	static const uint8_t nop[] = { 0x90 };
	static const uint8_t ud2[] = { 0x90, 0x0F, 0x0B };
	static const uint8_t div0[] = { 0x31, 0xC9, 0xF7, 0xF1 };                      /* xor ecx,ecx; div ecx */
	static const uint8_t pf[] = { 0xA1, 0x00, 0x10, 0x00, 0x00 };                  /* mov eax,[0x1000] */
	static const uint8_t bp[] = { 0xCC, 0x90 };                                    /* int3; nop */
	static const uint8_t gp[] = { 0xB8, 0x13, 0, 0, 0, 0x8E, 0xD8 };               /* mov eax,0x13; mov ds,ax */
	static const uint8_t daa[] = { 0xB0, 0x79, 0x04, 0x35, 0x27 };                 /* mov al,0x79; add al,0x35; daa */
	static const uint8_t store[] = { 0xC7, 0x05, 0x10, 0x00, 0x01, 0x20, 0x78, 0x56, 0x34, 0x12, /* mov [DATA+16],imm */
					 0x68, 0xEF, 0xBE, 0xAD, 0xDE };                   /* push 0xdeadbeef */
	static const uint8_t flags[] = { 0x9C, 0x58 };                                 /* pushfd; pop eax */
	static const uint8_t tls[] = { 0x64, 0xA1, 0x00, 0x10, 0x00, 0x00,            /* mov eax, fs:[0x1000] */
				       0x65, 0x8B, 0x0D, 0x04, 0x80, 0x00, 0x00 };     /* mov ecx, gs:[0x8004] */
	static const uint8_t into[] = { 0xB8, 0xFF, 0xFF, 0xFF, 0x7F, 0x40, 0xCE, 0x90 }; /* inc eax to overflow; into */
	/* qemu-i386 7.2 aborts (TCG assertion) on this: SUB m; ROL m,1; RCR on an unmapped [disp16]. */
	static const uint8_t crash[] = { 0x28, 0x05, 0x03, 0x06, 0x01, 0x20, 0xD1, 0x05, 0x62, 0x0F, 0x01, 0x20,
					 0x66, 0x67, 0xD3, 0x1E, 0xB8, 0x0E, 0x0F, 0xC9 };

	enum { ADD, NOP, UD2, DIV0, PF, BP, GP, DAA, STORE, FLAGS, TLS, INTO, CRASH, AFTER, N };
	struct qemu32_case c[N];
	struct qemu32_result r[N];
	make(&c[ADD], add, sizeof add);
	make(&c[NOP], nop, sizeof nop);
	make(&c[UD2], ud2, sizeof ud2);
	make(&c[DIV0], div0, sizeof div0);
	make(&c[PF], pf, sizeof pf);
	make(&c[BP], bp, sizeof bp);
	make(&c[GP], gp, sizeof gp);
	make(&c[DAA], daa, sizeof daa);
	make(&c[STORE], store, sizeof store);
	make(&c[FLAGS], flags, sizeof flags);
	c[FLAGS].eflags = 0x202 | 0x8D5; /* CF PF AF ZF SF OF */
	make(&c[TLS], tls, sizeof tls);
	make(&c[INTO], into, sizeof into);
	make(&c[CRASH], crash, sizeof crash);
	make(&c[AFTER], add, sizeof add);
	if (qemu32_run_batch(c, 1, r)) {
		printf("FAIL: the harness does not run (build/harness32, qemu-i386)\n");
		return 1;
	}
	qemu32_result_free(&r[0]);
	const struct qemu32_info *info = qemu32_info();
	c[TLS].fs = info->tls_selector[0];
	c[TLS].gs = info->tls_selector[1];
	CHECK(qemu32_run_batch(c, N, r) == 0, "batch");
	CHECK(info->cs == 0x23 && info->ds == 0x2b && info->ss == 0x2b, "selectors cs %#x ds %#x ss %#x", info->cs,
	      info->ds, info->ss);
	CHECK(info->tls_selector[0] && info->tls_selector[1] && info->tls_base[0] == QEMU32_TLS_BASE_A,
	      "tls %#x %#x", info->tls_selector[0], info->tls_selector[1]);

	CHECK(r[ADD].signal == 0 && r[ADD].gpr[0] == 8 && r[ADD].eip == CODE + sizeof add, "add: sig %d eax %#x eip %#x",
	      r[ADD].signal, r[ADD].gpr[0], r[ADD].eip);
	for (int i = 1; i < 8; i++)
		CHECK(r[NOP].gpr[i] == c[NOP].gpr[i], "register %d kept: %#x", i, r[NOP].gpr[i]);
	CHECK(r[NOP].cs == 0x23 && r[NOP].ds == 0x2b && r[NOP].es == 0x2b && r[NOP].fs == 0 && r[NOP].gs == info->gs,
	      "nop selectors");
	CHECK(memcmp(r[NOP].region_after[0], data_init, 4096) == 0, "data region round trip");
	CHECK(r[UD2].signal == SIGILL && r[UD2].eip == CODE + 1, "ud2: sig %d eip %#x", r[UD2].signal, r[UD2].eip);
	CHECK(r[DIV0].signal == SIGFPE && r[DIV0].eip == CODE + 2 && r[DIV0].gpr[1] == 0, "div0: sig %d eip %#x",
	      r[DIV0].signal, r[DIV0].eip);
	CHECK(r[PF].signal == SIGSEGV && r[PF].si_code == SEGV_MAPERR && r[PF].fault_address == 0x1000 &&
		      r[PF].eip == CODE,
	      "pf: sig %d code %d addr %#x", r[PF].signal, r[PF].si_code, r[PF].fault_address);
	CHECK(r[BP].signal == SIGTRAP && r[BP].eip == CODE + 1, "int3: sig %d eip %#x", r[BP].signal, r[BP].eip);
	CHECK(r[GP].signal == SIGSEGV && r[GP].si_code == 128 && r[GP].eip == CODE + 5 && r[GP].ds == 0x2b,
	      "#GP: sig %d code %d eip %#x ds %#x", r[GP].signal, r[GP].si_code, r[GP].eip, r[GP].ds);
	/* 0x79 + 0x35 = 0xAE; DAA: +6 (low nibble 0xE > 9) = 0xB4, +0x60 (0xAE > 0x99) = 0x14, CF = AF = 1. */
	CHECK(r[DAA].signal == 0 && (r[DAA].gpr[0] & 0xFF) == 0x14 && (r[DAA].eflags & 0x11) == 0x11,
	      "daa: al %#x eflags %#x", r[DAA].gpr[0] & 0xFF, r[DAA].eflags);
	uint32_t stored, pushed;
	memcpy(&stored, r[STORE].region_after[0] + 16, 4);
	memcpy(&pushed, r[STORE].region_after[1] + 0x1000 - 4, 4);
	CHECK(stored == 0x12345678 && pushed == 0xDEADBEEF && r[STORE].gpr[4] == STACK + 0x1000 - 4,
	      "store %#x push %#x esp %#x", stored, pushed, r[STORE].gpr[4]);
	CHECK((r[FLAGS].gpr[0] & 0x8D5) == 0x8D5 && (r[FLAGS].gpr[0] & 0x200), "eflags loaded: %#x", r[FLAGS].gpr[0]);
	uint32_t d0, d4;
	memcpy(&d0, data_init, 4);
	memcpy(&d4, data_init + 4, 4);
	CHECK(r[TLS].signal == 0 && r[TLS].gpr[0] == d0 && r[TLS].gpr[1] == d4 && r[TLS].fs == info->tls_selector[0],
	      "tls: sig %d eax %#x ecx %#x", r[TLS].signal, r[TLS].gpr[0], r[TLS].gpr[1]);
	CHECK(r[INTO].signal == SIGSEGV && r[INTO].si_code == 128 && r[INTO].eip == CODE + 7, "into: sig %d eip %#x",
	      r[INTO].signal, r[INTO].eip);
	CHECK(r[CRASH].signal == QEMU32_CRASHED || r[CRASH].signal == SIGSEGV, "crash case: %d", r[CRASH].signal);
	CHECK(r[AFTER].signal == 0 && r[AFTER].gpr[0] == 8, "the case after a crash runs: sig %d", r[AFTER].signal);
	for (int i = 0; i < N; i++)
		qemu32_result_free(&r[i]);

	/* Throughput: one process, many cases. */
	enum { MANY = 5000 };
	static struct qemu32_case many[MANY];
	static struct qemu32_result out[MANY];
	for (int i = 0; i < MANY; i++)
		make(&many[i], add, sizeof add);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK(qemu32_run_batch(many, MANY, out) == 0, "big batch");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	int good = 0;
	for (int i = 0; i < MANY; i++) {
		good += out[i].signal == 0 && out[i].gpr[0] == 8;
		qemu32_result_free(&out[i]);
	}
	CHECK(good == MANY, "%d of %d", good, MANY);
	double s = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
	printf("qemu32-selftest: %d cases in one batch: %.3f s (%.1f us per case)\n", MANY, s, 1e6 * s / MANY);
	printf("qemu32-selftest: %d checks, %d failed\n", checks, failures);
	return failures ? 1 : 0;
}
