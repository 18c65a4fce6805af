/* crack_branch.c - control transfers. Direct targets are computed at
 * crack time from the decoded displacement (the cracked block is cached
 * per guest address, so the target is a constant of the block). */
#include "uops/crack_internal.h"

/* The branch target of a relative operand, truncated to the operand size
 * (a 16-bit JMP wraps within the segment, SDM vol. 2, JMP). */
static uint64_t relative_target(const struct cracker *c, const struct x86_operand *op)
{
	uint64_t target = c->next_rip + (uint64_t)op->imm;
	if (c->insn->operand_size == 16)
		target &= 0xFFFF;
	else if (c->insn->operand_size == 32)
		target &= 0xFFFFFFFF;
	return target;
}

void crack_jcc(struct cracker *c)
{
	struct uop *u = crack_emit(c, UOP_BRCC, c->insn->operand_size / 8);
	u->imm = (int64_t)relative_target(c, &c->insn->operands[0]);
	u->cond = c->row->cond;
	u->flags_read = UF_ARITH;
}

/* JMP rel / JMP r/m: an indirect target is loaded (or read) first. */
void crack_jmp(struct cracker *c)
{
	const struct x86_operand *op = &c->insn->operands[0];
	unsigned width = c->insn->operand_size / 8;
	if (op->kind == X86_OP_REL) {
		struct uop *u = crack_emit(c, UOP_BR, width);
		u->imm = (int64_t)relative_target(c, op);
		return;
	}
	struct value target = crack_read(c, op, width);
	struct uop *u = crack_emit(c, UOP_BR, width);
	crack_set_src(u, 0, target);
}

/* CALL: push the return address, then branch (Intel: 2-3 micro-ops with
 * the stack engine; here the RSP update is explicit). */
void crack_call(struct cracker *c)
{
	const struct x86_operand *op = &c->insn->operands[0];
	unsigned width = c->insn->operand_size / 8;
	struct value target = { 0 };
	if (op->kind != X86_OP_REL)
		target = crack_read(c, op, width);
	struct value ret = { .reg = UREG_NEXT_RIP };
	crack_push_value(c, ret, width);
	struct uop *u = crack_emit(c, UOP_BR, width);
	if (op->kind == X86_OP_REL)
		u->imm = (int64_t)relative_target(c, op);
	else
		crack_set_src(u, 0, target);
}

/* RET [imm16]: load the return address, release it and imm16 bytes. */
void crack_ret(struct cracker *c)
{
	unsigned width = c->insn->operand_size / 8;
	unsigned sw = c->insn->mode == X86_MODE_64 ? 8 : 4;
	unsigned t = crack_temp(c);
	struct uop *u = crack_emit(c, UOP_LOAD, width);
	u->src[0] = c->insn->mode == X86_MODE_64 ? UREG_NONE : UREG_SS_BASE;
	u->src[1] = UREG_RSP;
	u->ext = (uint8_t)width;
	u->asize = (uint8_t)sw;
	u->dst = (uint8_t)t;
	u = crack_emit(c, UOP_ADD, sw);
	u->src[0] = UREG_RSP;
	u->dst = UREG_RSP;
	u->imm = width + (c->insn->noperands ? (uint16_t)c->insn->operands[0].imm : 0);
	u = crack_emit(c, UOP_BR, width);
	u->src[0] = (uint8_t)t;
}

/* LOOP/LOOPE/LOOPNE decrement the address-size count register without
 * touching the flags; JrCXZ only tests it (SDM vol. 2, LOOPcc, Jcc). */
void crack_loop(struct cracker *c)
{
	unsigned asize = c->insn->address_size / 8;
	if (c->row->cond != COND_SRC0_ZERO) {
		struct uop *dec = crack_emit(c, UOP_SUB, asize);
		dec->src[0] = UREG_RCX;
		dec->dst = UREG_RCX;
		dec->imm = 1;
	}
	struct uop *u = crack_emit(c, UOP_BRCC, c->insn->operand_size / 8);
	u->src[0] = UREG_RCX;
	u->ext = (uint8_t)asize; /* the count's width */
	u->cond = c->row->cond;
	u->imm = (int64_t)relative_target(c, &c->insn->operands[0]);
	if (u->cond == COND_SRC0_NONZERO_AND_E || u->cond == COND_SRC0_NONZERO_AND_NE)
		u->flags_read = UF_OSZAP;
}
