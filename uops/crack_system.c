/* crack_system.c - serializing and system instructions of user-mode code. */
#include "uops/crack_internal.h"

/* Exception vectors (SDM vol. 3A, Table 6-1). */
enum { VECTOR_BP = 3, VECTOR_UD = 6, VECTOR_GP = 13 };

/* CPUID, RDTSC, SYSCALL/INT 0x80 and the faulting instructions. row->op
 * gives the micro-op; FAULT rows carry the vector in row->arg. */
void crack_system(struct cracker *c)
{
	struct uop *u = crack_emit(c, c->row->op, 8);
	if (c->row->op == UOP_FAULT)
		u->imm = c->row->arg;
	else if (c->row->op == UOP_SYSCALL)
		/* INT n carries its vector: INT 0x80 is the i386 Linux system call. */
		u->imm = c->insn->noperands ? c->insn->operands[0].imm : 0;
}

void crack_nop(struct cracker *c)
{
	crack_emit(c, UOP_NOP, 1);
}
