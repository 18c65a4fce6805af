/* cpu.h - one functional x86 hardware thread: fetch, decode, crack into
 * micro-ops, execute. Everything it touches hangs off struct cpu, which a
 * simulation owns. */
#ifndef UOPSIM_MACHINE_CPU_H
#define UOPSIM_MACHINE_CPU_H

#include <stdint.h>
#include <stdio.h>

#include "decoder/x86_decode.h"
#include "machine/state.h"
#include "uops/uop.h"

struct guest_memory;
struct block_cache;

enum cpu_event {
	CPU_OK,        /* one instruction completed */
	CPU_FAULT,     /* an exception (see cpu.last) */
	CPU_SYSCALL,   /* the OS layer must act (see cpu.last.vector) */
	CPU_NO_CRACK,  /* the instruction decoded but has no micro-ops yet */
};

/* Execution profile: completed instructions per form and micro-ops per
 * functional unit (uopsim run --stats). */
struct cpu_profile {
	uint64_t per_form[X86_FORM_COUNT];
	uint64_t per_unit[UNIT_COUNT];
};

struct cpu {
	struct x86_state state;
	struct guest_memory *memory;
	struct uop_env env;          /* env.cpuid defaults to cpuid_query (machine/cpuid.h) */
	enum x86_mode mode;
	struct uop_exec_result last; /* what the last step reported */
	struct x86_insn insn;        /* the last instruction decoded (cpu_step) */
	struct block_cache *blocks;  /* decoded-block cache for cpu_run, or NULL */
	struct cpu_profile *profile; /* counted when non-NULL */
	FILE *trace;                 /* non-NULL: cpu_run steps and prints each instruction here */
	uint64_t instructions, uops; /* completed counts */
};

/* Executes one instruction (one REP iteration for REP string forms),
 * decoding it afresh. */
enum cpu_event cpu_step(struct cpu *cpu);

/* Executes up to max_instructions instructions through the decoded-block
 * cache (cpu->blocks), stopping early at a fault or system call. Returns
 * CPU_OK when the budget ran out. */
enum cpu_event cpu_run(struct cpu *cpu, uint64_t max_instructions);

#endif
