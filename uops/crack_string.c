/* crack_string.c - MOVS, STOS, LODS, CMPS, SCAS with and without REP.
 *
 * A REP string instruction executes one iteration per pass of its micro-op
 * sequence: the pass exits when rCX is 0, else does one element, counts
 * rCX down, and ends with REPEAT, which leaves RIP on the instruction so
 * the next pass starts from the updated registers. An interrupt or a fault
 * between passes therefore sees a consistent, resumable state, as the SDM
 * requires (vol. 2, REP/REPE/REPZ/REPNE/REPNZ). */
#include "uops/crack_internal.h"

static void advance(struct cracker *c, unsigned reg, unsigned width)
{
	struct uop *u = crack_emit(c, UOP_ADVANCE, c->insn->address_size / 8);
	u->src[0] = (uint8_t)reg;
	u->dst = (uint8_t)reg;
	u->imm = width;
	u->flags_read = UF_DF;
}

/* rSI or rDI, whichever the operand addresses. */
static unsigned pointer_register(const struct x86_operand *op)
{
	int high_byte;
	return crack_gpr(op->mem.base, &high_byte);
}

static struct value load(struct cracker *c, const struct x86_operand *op, unsigned width)
{
	return crack_read(c, op, width);
}

void crack_string(struct cracker *c)
{
	const struct x86_insn *insn = c->insn;
	const struct x86_operand *a = &insn->operands[0], *b = &insn->operands[1];
	unsigned width = (a->kind == X86_OP_MEM ? a->size : b->size) / 8;
	int compares = c->row->op == UOP_SUB;
	int rep_f3 = (insn->prefixes & X86_PREFIX_REP) != 0, rep_f2 = (insn->prefixes & X86_PREFIX_REPNE) != 0;
	int rep = rep_f3 || rep_f2;
	unsigned exit_branch = 0;
	struct value rax = { .reg = UREG_RAX };

	if (rep) {
		struct uop *u = crack_emit(c, UOP_UBRCC, insn->address_size / 8);
		u->src[0] = UREG_RCX;
		u->cond = COND_SRC0_ZERO;
		exit_branch = c->n - 1;
	}
	if (compares) {
		/* CMPS: [rSI] - [rDI]; SCAS: rAX - [rDI]. */
		struct value x = load(c, a, width);
		struct value y = load(c, b, width);
		struct uop *u = crack_emit(c, UOP_SUB, width);
		crack_set_src(u, 0, x);
		crack_set_src(u, 1, y);
		u->flags_write = UF_ARITH;
	} else if (a->kind == X86_OP_MEM && b->kind == X86_OP_MEM) {
		crack_store(c, a, width, load(c, b, width)); /* MOVS */
	} else if (a->kind == X86_OP_MEM) {
		crack_store(c, a, width, rax); /* STOS */
	} else {
		struct uop *u = crack_emit(c, UOP_LOAD, width); /* LODS */
		crack_address(c, &b->mem, u);
		u->ext = (uint8_t)width;
		u->dst = UREG_RAX;
	}
	if (a->kind == X86_OP_MEM)
		advance(c, pointer_register(a), width);
	if (b->kind == X86_OP_MEM)
		advance(c, pointer_register(b), width);
	if (!rep)
		return;
	struct uop *u = crack_emit(c, UOP_SUB, insn->address_size / 8);
	u->src[0] = UREG_RCX;
	u->dst = UREG_RCX;
	u->imm = 1;
	unsigned stop_branch = 0;
	if (compares) {
		/* REPE stops when ZF = 0, REPNE when ZF = 1; the last of F2/F3
		 * decides (only one is meaningful in practice). */
		u = crack_emit(c, UOP_UBRCC, 1);
		u->cond = rep_f3 ? COND_NE : COND_E;
		u->flags_read = UF_OSZAP;
		stop_branch = c->n - 1;
	}
	crack_emit(c, UOP_REPEAT, 1);
	c->out[exit_branch].imm = c->n;
	if (compares)
		c->out[stop_branch].imm = c->n;
}
