/* cpu.c - the functional fetch-decode-crack-execute step. */
#include "machine/cpu.h"

#include "machine/memory.h"

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
	struct uop_exec x = { &cpu->state, cpu->memory, &cpu->env, cpu->mode };
	uop_execute(&x, uops, (unsigned)n, rip, (unsigned)length, last);
	if (last->status == EXEC_FAULT)
		return CPU_FAULT;
	if (!last->repeating)
		cpu->instructions++;
	cpu->uops += (unsigned)n;
	return last->status == EXEC_SYSCALL ? CPU_SYSCALL : CPU_OK;
}
