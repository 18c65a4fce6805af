/* qemu_run.h - run short i386 code strings under qemu-i386 (Debian's
 * qemu-user) and capture the state they leave: the oracle of the 32-bit
 * differential test (tests/native/uop_diff32.c). This machine's kernel
 * cannot execute 32-bit code, so the reference is QEMU's TCG, not the CPU.
 *
 * A batch of cases goes to one qemu-i386 process running the static i386
 * harness (tests/native/qemu32/harness32.c); each case maps its code and
 * data regions at fixed addresses, loads EAX..EDI, EFLAGS and the data
 * segment selectors, runs to the int3 appended after the code or to the
 * first fault, and reports the registers, the signal and the regions.
 * The process looks like a Linux i386 process: CS = 0x23, DS = ES = SS =
 * 0x2b, GS = glibc's TLS descriptor, and two more TLS descriptors the
 * cases may load (qemu32_info). */
#ifndef UOPSIM_TESTS_QEMU32_RUN_H
#define UOPSIM_TESTS_QEMU32_RUN_H

#include <stdint.h>

#include "tests/native/qemu32/protocol.h"

/* Bases of the two test TLS descriptors the harness installs. */
#define QEMU32_TLS_BASE_A 0x2000F000u
#define QEMU32_TLS_BASE_B 0x20008000u

/* A page-aligned region at a fixed address (0x10000000-0x3fffffff: below
 * the harness's own mmap area) with protection prot (PROT_* bits); init:
 * the first contents, or NULL for zeros. */
struct qemu32_region {
	uint32_t addr, size;
	int prot;
	const uint8_t *init;
};

struct qemu32_case {
	const uint8_t *code;  /* placed at code_addr, mapped read+execute; */
	uint32_t code_len;    /* int3 (0xcc) fills the rest of its pages */
	uint32_t code_addr;
	uint32_t gpr[8];      /* EAX ECX EDX EBX ESP EBP ESI EDI */
	uint32_t eflags;      /* CF PF AF ZF SF DF OF AC ID used; IF set */
	uint16_t ds, es, fs, gs; /* selectors; 0: DS/ES = 0x2b, FS = 0, GS = the harness's TLS */
	struct qemu32_region regions[QEMU32_MAX_REGIONS];
	unsigned nregions;
};

#define QEMU32_CRASHED (-2)

struct qemu32_result {
	/* 0: the code ran to its end (eip = code_addr + code_len); else the
	 * signal (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGALRM after
	 * ~0.5 s), with registers as the signal frame shows them; -1: the
	 * harness could not run the case; QEMU32_CRASHED: qemu itself died
	 * while running it (the rest of the batch ran in a new process). */
	int signal;
	int si_code;
	uint32_t fault_address; /* si_addr */
	uint32_t trapno, error_code;
	uint32_t gpr[8], eip, eflags;
	uint16_t cs, ds, es, fs, gs, ss;
	uint8_t *region_after[QEMU32_MAX_REGIONS]; /* malloc'd (qemu32_result_free) */
};

/* What the harness process looks like (valid after a successful batch). */
struct qemu32_info {
	uint16_t cs, ds, es, ss, fs, gs;
	uint32_t gs_base;
	uint16_t tls_selector[2];
	uint32_t tls_base[2];
};

/* Runs cases[0..n) in one qemu-i386 process; fills out[0..n). Returns 0,
 * or -1 with a message on stderr if qemu or the harness could not be
 * started or rejected a case (results not received have signal -1). If
 * qemu dies on a case, that case gets QEMU32_CRASHED and the rest run in
 * a new process. The harness is $QEMU32_HARNESS or build/harness32, qemu
 * $QEMU_I386 or /usr/bin/qemu-i386; qemu's stderr is discarded unless
 * $QEMU32_VERBOSE is set. */
int qemu32_run_batch(const struct qemu32_case *cases, unsigned n, struct qemu32_result *out);
void qemu32_result_free(struct qemu32_result *r);
const struct qemu32_info *qemu32_info(void);

#endif
