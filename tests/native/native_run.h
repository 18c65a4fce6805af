/* native_run.h - run a short x86-64 code string on this machine's CPU and
 * capture the architected state it leaves: the native side of the
 * differential tester for the functional engine.
 *
 * Each case runs in a child process (a persistent worker per calling thread,
 * or a process forked for the case, see native_use_fork): the code is placed
 * at a fixed address, data regions are mapped at fixed addresses, every
 * register is loaded from the case's initial state, and execution stops at
 * an int3 appended after the code or at the first fault/trap, whose signal
 * handler copies the registers (from the kernel's signal frame) and the
 * regions into memory shared with the parent. The code runs under seccomp:
 * it cannot make syscalls. Linux x86-64 only; build this file without
 * sanitizers. */
#ifndef UOPSIM_TESTS_NATIVE_RUN_H
#define UOPSIM_TESTS_NATIVE_RUN_H

#include <stddef.h>
#include <stdint.h>

#include "machine/state.h"

#define NATIVE_MAX_REGIONS 8

/* A page-aligned data region mapped at a fixed address with protection prot
 * (PROT_* bits); init gives its first contents (size bytes) or NULL for zeros.
 * Test addresses should lie in 0x10000000-0x7fffffff, which the harness itself
 * does not use; a collision with an existing mapping makes native_run fail. */
struct native_region {
	uint64_t addr;
	uint64_t size;
	int prot;
	const uint8_t *init;
};

struct native_case {
	const uint8_t *code; /* placed at code_addr, mapped read+execute; the */
	size_t code_len;     /* rest of its page(s) is filled with int3 (0xcc) */
	uint64_t code_addr;  /* any alignment; must not share a page with a region */
	int code_writable;   /* map the code pages read+write+execute (self-modifying code) */
	/* Registers loaded before the first instruction: all 16 GPRs incl. RSP;
	 * RFLAGS bits CF PF AF ZF SF OF DF AC ID (others ignored; IF set; AC
	 * enables alignment checking, which Linux turns on in CR0); x87 st[] by
	 * physical register, control, status, tag (full word, converted to the
	 * abridged FXSAVE form), opcode, ip, dp; MXCSR (invalid bits make
	 * native_run fail); zmm[0..31] and opmask[0..7] (upper parts only where
	 * the CPU/kernel enables AVX/AVX-512); segment_base[SEG_FS] and
	 * [SEG_GS] (canonical; 0 by default, i.e. not the child's TLS). Ignored:
	 * rip (execution starts at code_addr), selectors, other bases. */
	struct x86_state initial;
	struct native_region regions[NATIVE_MAX_REGIONS];
	unsigned nregions;
	unsigned timeout_ms; /* 0 means 1000 */
	/* Trace: if nonzero, single-step the code (TF set on entry) and record
	 * the registers after each instruction, at most max_steps of them;
	 * reaching the limit stops the run (step_limit). Memory is captured
	 * only at the end. While tracing, the code sees TF=1 in RFLAGS (PUSHF
	 * shows it), a POPF/IRET that clears TF ends the trace, and a REP
	 * string instruction traps after every iteration (same RIP, RCX one
	 * less). Costs a signal per step (a few us). */
	unsigned max_steps;
};

struct native_result {
	/* 0 if execution reached the end of the code (the appended int3);
	 * otherwise the signal that stopped it: SIGSEGV, SIGBUS (incl. #AC),
	 * SIGILL, SIGFPE, SIGTRAP (int3/int1/single-step inside the code),
	 * SIGSYS (any syscall/int 0x80 in the code, blocked by seccomp: RIP
	 * after it, RCX/R11 as SYSCALL sets them, RAX unchanged), or SIGALRM
	 * when timeout_ms ran out (timed_out is then 1). What the kernel does
	 * in between shows: e.g. SMSW/SGDT/SIDT/SLDT/STR run under UMIP and the
	 * kernel emulates them with dummy values (no signal). */
	int signal;
	int si_code; /* siginfo si_code */
	int timed_out;
	uint64_t fault_address; /* si_addr (SIGSEGV/SIGBUS: the data address; SIGILL/SIGFPE: the insn) */
	uint64_t trapno;        /* CPU exception vector (14 = #PF, 13 = #GP, ...); 0 for SIGALRM/SIGSYS */
	uint64_t error_code;    /* CPU error code (for #PF: bit 1 = write, bit 4 = fetch) */
	/* Registers at the end (signal 0: rip = code_addr + code_len), or as the
	 * kernel reports them at the signal: for faults rip is the faulting
	 * instruction and nothing it would have written is written; for traps
	 * (int3, int1, single-step) rip is after the instruction. Selectors CS
	 * SS DS ES FS GS and the FS/GS bases are recorded as found. RFLAGS.RF
	 * (invisible to code) is cleared, and TF too when tracing. This CPU
	 * (Zen 5) reports the x87 FOP/FIP/FDP as 0 unless an unmasked x87
	 * exception is pending (FSW.ES). */
	struct x86_state final;
	/* Trace (max_steps != 0): steps[i] = the registers after the (i+1)th
	 * instruction executed (its rip is the next instruction); the last step
	 * before the stop int3 equals final. malloc'd, freed by native_result_free. */
	struct x86_state *steps;
	unsigned nsteps;
	int step_limit;                            /* the run stopped because max_steps steps were recorded */
	uint8_t *region_after[NATIVE_MAX_REGIONS]; /* malloc'd; see native_result_free */
};

/* Fill *s with the state a fresh process has: zero registers, RFLAGS 0x202,
 * x87 control 0x37f and empty tags, MXCSR 0x1f80. */
void native_state_init(struct x86_state *s);

/* Run one case. Returns 0 with *r filled, or -1 with a message on stderr if
 * the harness itself failed (bad case, address collision in the child, fork
 * failure...); *r is zeroed then. Safe to call from several threads at once
 * (each thread gets its own worker). */
int native_run(const struct native_case *c, struct native_result *r);
void native_result_free(struct native_result *r);

/* Which parts of struct x86_state the harness can load and capture on this
 * machine: bit 0 x87+SSE (always), bit 1 AVX (ymm upper halves), bit 2
 * AVX-512 (zmm upper halves, zmm16-31, opmasks). */
unsigned native_state_support(void);

/* 1: run every case in a freshly forked process (10-50x slower, but no case
 * can disturb another); 0: use the persistent worker (the default;
 * environment NATIVE_RUN_FORK=1 selects fork mode too). The worker keeps a
 * case's code and region mappings for the next case when the layout is the
 * same (contents rewritten), and unmaps the rest. Code that writes into the
 * worker's own memory (only possible through pointers into it: its image,
 * heap, stacks) can damage it; if the worker then dies, the case is rerun in
 * a fresh process, but silent damage is not detected. A case too big for the
 * worker's 64 MB shared area runs forked. */
void native_use_fork(int on);

#endif
