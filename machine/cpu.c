/* cpu.c - the functional fetch-decode-crack-execute step. */
#include "machine/cpu.h"

#include "machine/blocks.h"
#include "machine/cpuid.h"
#include "machine/memory.h"

static void count(struct cpu_profile *p, unsigned form, const struct uop *u, unsigned n, int retired)
{
	if (retired)
		p->per_form[form]++;
	for (unsigned i = 0; i < n; i++)
		p->per_unit[uop_info[u[i].op].unit]++;
}

/* --trace-insns: the instruction about to execute, as the disassembler
 * writes it. */
static void trace(struct cpu *cpu)
{
	uint8_t bytes[X86_MAX_INSN_LENGTH];
	size_t avail = gmem_fetch(cpu->memory, cpu->state.rip, bytes, sizeof bytes);
	struct x86_insn insn;
	char text[160] = "(bad)";
	if (x86_decode(bytes, avail, cpu->mode, &insn) > 0)
		x86_format_intel(&insn, cpu->state.rip, text, sizeof text);
	fprintf(cpu->trace, "%llu %#llx: %s\n", (unsigned long long)cpu->instructions,
		(unsigned long long)cpu->state.rip, text);
}

enum cpu_event cpu_step(struct cpu *cpu)
{
	uint8_t bytes[X86_MAX_INSN_LENGTH];
	uint64_t rip = cpu->state.rip;
	struct uop_exec_result *last = &cpu->last;
	size_t avail = gmem_fetch(cpu->memory, rip, bytes, sizeof bytes);
	int length = x86_decode(bytes, avail, cpu->mode, &cpu->insn);
	if (length < 0) {
		last->status = EXEC_FAULT;
		/* Bytes missing because the page is not executable: #PF at the
		 * first missing byte; otherwise the instruction is invalid. */
		if (length == X86_DECODE_TRUNCATED) {
			last->vector = VEC_PF;
			last->fault_address = rip + avail;
		} else {
			last->vector = length == X86_DECODE_TOO_LONG ? VEC_GP : VEC_UD;
			last->fault_address = 0;
		}
		return CPU_FAULT;
	}
	struct uop uops[UOP_MAX_PER_INSN];
	int n = uop_crack(&cpu->insn, rip, uops);
	if (n < 0) {
		last->status = EXEC_FAULT;
		last->vector = VEC_UD;
		return CPU_NO_CRACK;
	}
	struct uop_exec x;
	if (!cpu->env.cpuid)
		cpu->env.cpuid = cpuid_query;
	uop_exec_init(&x, &cpu->state, cpu->memory, &cpu->env, cpu->mode);
	uop_execute(&x, uops, (unsigned)n, rip, (unsigned)length, last);
	if (last->status == EXEC_FAULT)
		return CPU_FAULT;
	if (!last->repeating)
		cpu->instructions++;
	cpu->uops += (unsigned)n;
	if (cpu->profile)
		count(cpu->profile, cpu->insn.form, uops, (unsigned)n, !last->repeating);
	return last->status == EXEC_SYSCALL ? CPU_SYSCALL : CPU_OK;
}

/* Block chaining for uop_fast_run: the next block, if it is current and
 * fits in what is left of the budget. */
struct chain {
	struct cpu *cpu;
	const struct block *block; /* the block running (then: last run or looked up), or NULL */
	uint64_t budget;           /* instructions the run may complete */
};

static const struct uop_fast_code *chain_next(void *context, uint64_t rip, uint64_t done)
{
	struct chain *c = context;
	struct cpu *cpu = c->cpu;
	const struct block *b = block_cache_chained(c->block, rip, gmem_epoch(cpu->memory));
	if (!b) {
		/* (A flush in there may free c->block: forget it.) */
		b = block_cache_next(cpu->blocks, cpu->memory, cpu->mode, c->block, rip);
		c->block = b;
		if (!b)
			return NULL;
	}
	if (!b->fast || c->budget - done < b->ninsns)
		return NULL; /* cpu_run takes it from here */
	c->block = b;
	return b->fast;
}

enum cpu_event cpu_run(struct cpu *cpu, uint64_t max_instructions)
{
	uint64_t limit = cpu->instructions + max_instructions;
	if (cpu->trace) {
		/* One instruction at a time, each printed before it runs. */
		while (cpu->instructions < limit) {
			trace(cpu);
			enum cpu_event e = cpu_step(cpu);
			if (e != CPU_OK)
				return e;
		}
		return CPU_OK;
	}
	struct uop_exec x;
	if (!cpu->env.cpuid)
		cpu->env.cpuid = cpuid_query;
	uop_exec_init(&x, &cpu->state, cpu->memory, &cpu->env, cpu->mode);
	struct uop_exec_result *last = &cpu->last;
	const struct block *b = NULL; /* the block that ran last, for chaining */
	int fast = !cpu->profile;    /* the pre-decoded run counts no profile */
	while (cpu->instructions < limit) {
		uint64_t rip = cpu->state.rip;
		const struct block *next = b ? block_cache_chained(b, rip, gmem_epoch(cpu->memory)) : NULL;
		if (!next && cpu->blocks)
			next = block_cache_next(cpu->blocks, cpu->memory, cpu->mode, b, rip);
		b = next;
		if (!b) {
			/* Not decodable or crackable: one step reports why. */
			enum cpu_event e = cpu_step(cpu);
			if (e != CPU_OK)
				return e;
			continue;
		}
		if (fast && b->fast && limit - cpu->instructions >= b->ninsns) {
			/* The whole block fits in the budget: pre-decoded run. */
			uint64_t done, nuops;
			struct chain chain = { cpu, b, limit - cpu->instructions };
			uop_fast_run(&x, b->fast, chain_next, &chain, last, &done, &nuops);
			b = chain.block;
			cpu->instructions += done;
			cpu->uops += nuops;
			if (last->status != EXEC_DONE)
				return last->status == EXEC_FAULT ? CPU_FAULT : CPU_SYSCALL;
			continue;
		}
		uint64_t code_writes = gmem_code_writes(cpu->memory);
		for (unsigned i = 0; i < b->ninsns && cpu->instructions < limit; i++) {
			const struct block_insn *in = &b->insn[i];
			uint64_t rip = cpu->state.rip;
			uop_execute(&x, b->uops + in->first_uop, in->nuops, rip, in->length, last);
			if (last->status == EXEC_FAULT)
				return CPU_FAULT;
			if (!last->repeating)
				cpu->instructions++;
			cpu->uops += in->nuops;
			if (cpu->profile)
				count(cpu->profile, in->form, b->uops + in->first_uop, in->nuops, !last->repeating);
			if (last->status == EXEC_SYSCALL)
				return CPU_SYSCALL;
			/* Leave the block on a taken branch, a REP iteration, or a
			 * write to code (the rest of the block may be stale). */
			uint64_t next = rip + in->length;
			if (cpu->mode != X86_MODE_64)
				next &= 0xFFFFFFFF;
			if (cpu->state.rip != next)
				break;
			if (in->stores && gmem_code_writes(cpu->memory) != code_writes)
				break;
		}
	}
	return CPU_OK;
}
