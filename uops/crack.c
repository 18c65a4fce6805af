/* crack.c - the cracker's machinery: turning decoded operands into
 * micro-op sources and destinations, loads and stores, and the table that
 * says which cracking pattern each instruction form uses
 * (uops/crack_table.c). The patterns themselves live in crack_*.c by
 * instruction category. */
#include <string.h>

#include "uops/crack_internal.h"

struct uop *crack_emit(struct cracker *c, enum uop_op op, unsigned width)
{
	if (c->n >= UOP_MAX_PER_INSN) {
		c->overflow = 1;
		return &c->scratch;
	}
	struct uop *u = &c->out[c->n++];
	memset(u, 0, sizeof *u);
	u->op = (uint8_t)op;
	u->width = (uint8_t)width;
	u->cond = COND_ALWAYS;
	u->asize = c->insn->address_size / 8;
	return u;
}

unsigned crack_temp(struct cracker *c)
{
	return UREG_T0 + (c->temps++ & 7);
}

/* The micro-op register of a decoded GPR operand, and whether it names a
 * legacy high byte (AH, CH, DH, BH). */
unsigned crack_gpr(enum x86_reg reg, int *high_byte)
{
	*high_byte = 0;
	if (reg >= X86_REG_AH && reg <= X86_REG_BH) {
		*high_byte = 1;
		return UREG_RAX + (reg - X86_REG_AH);
	}
	if (reg >= X86_REG_AL && reg <= X86_REG_R15B)
		return UREG_RAX + (reg - X86_REG_AL);
	if (reg >= X86_REG_AX && reg <= X86_REG_R15W)
		return UREG_RAX + (reg - X86_REG_AX);
	if (reg >= X86_REG_EAX && reg <= X86_REG_R15D)
		return UREG_RAX + (reg - X86_REG_EAX);
	if (reg >= X86_REG_RAX && reg <= X86_REG_R15)
		return UREG_RAX + (reg - X86_REG_RAX);
	return UREG_NONE;
}

static unsigned segment_base(const struct cracker *c, enum x86_reg seg)
{
	/* In 64-bit mode only FS and GS have bases (SDM vol. 1, 3.3.7.1). */
	if (c->insn->mode == X86_MODE_64 && seg != X86_REG_FS && seg != X86_REG_GS)
		return UREG_NONE;
	return UREG_ES_BASE + (seg - X86_REG_ES);
}

void crack_address(struct cracker *c, const struct x86_mem *m, struct uop *u)
{
	int hi;
	u->src[0] = (uint8_t)segment_base(c, m->segment);
	if (m->base == X86_REG_RIP || m->base == X86_REG_EIP)
		u->src[1] = UREG_NEXT_RIP;
	else if (m->base)
		u->src[1] = (uint8_t)crack_gpr(m->base, &hi);
	if (m->index)
		u->src[2] = (uint8_t)crack_gpr(m->index, &hi);
	u->scale = (uint8_t)(m->scale == 8 ? 3 : m->scale == 4 ? 2 : m->scale == 2 ? 1 : 0);
	u->imm = m->disp;
}

/* Memory operand for the X (DS:rSI) and Y (ES:rDI) string forms, whatever
 * the decoder says: same fields. */
struct value crack_read(struct cracker *c, const struct x86_operand *op, unsigned width)
{
	struct value v = { 0 };
	int hi;
	switch (op->kind) {
	case X86_OP_REG:
		v.reg = crack_gpr(op->reg, &hi);
		v.high_byte = hi;
		return v;
	case X86_OP_MEM: {
		struct uop *u = crack_emit(c, UOP_LOAD, width);
		u->dst = (uint8_t)crack_temp(c);
		u->ext = (uint8_t)width;
		crack_address(c, &op->mem, u);
		v.reg = u->dst;
		return v;
	}
	case X86_OP_IMM:
		v.is_imm = 1;
		v.imm = op->imm;
		return v;
	default:
		c->unsupported = 1;
		return v;
	}
}

void crack_set_src(struct uop *u, int slot, struct value v)
{
	static const uint8_t high_bit[3] = { HI8_SRC0, HI8_SRC1, HI8_SRC2 };
	if (v.is_imm) {
		u->imm = v.imm;
		return;
	}
	u->src[slot] = (uint8_t)v.reg;
	if (v.high_byte)
		u->high_byte |= high_bit[slot];
}

struct value crack_dest(struct cracker *c, const struct x86_operand *op)
{
	struct value v = { 0 };
	int hi;
	if (op->kind == X86_OP_REG) {
		v.reg = crack_gpr(op->reg, &hi);
		v.high_byte = hi;
	} else {
		v.reg = crack_temp(c);
	}
	return v;
}

void crack_set_dst(struct uop *u, struct value v)
{
	u->dst = (uint8_t)v.reg;
	if (v.high_byte)
		u->high_byte |= HI8_DST;
}

void crack_store(struct cracker *c, const struct x86_operand *op, unsigned width, struct value data)
{
	if (op->kind != X86_OP_MEM)
		return;
	struct uop *sta = crack_emit(c, UOP_STA, width);
	crack_address(c, &op->mem, sta);
	struct uop *std = crack_emit(c, UOP_STD, width);
	crack_set_src(std, 0, data);
}

void crack_move(struct cracker *c, struct value dst, unsigned width, struct value src)
{
	struct uop *u = crack_emit(c, UOP_MOV, width);
	crack_set_dst(u, dst);
	crack_set_src(u, 0, src);
}

void crack_store_to(struct cracker *c, const struct x86_operand *op, unsigned width, struct value result)
{
	if (op->kind == X86_OP_MEM) {
		crack_store(c, op, width, result);
	} else if (op->kind == X86_OP_REG) {
		struct value d = crack_dest(c, op);
		/* A move to the same register is nothing, except at 32 bits,
		 * where it clears the upper half (mov edi, edi). */
		if (d.reg == result.reg && d.high_byte == result.high_byte && width != 4)
			return;
		crack_move(c, d, width, result);
	}
}

int uop_crack(const struct x86_insn *insn, uint64_t rip, struct uop *out)
{
	const struct crack_row *row = &crack_table[insn->form];
	if (!row->pattern)
		return -1;
	struct cracker c = { .insn = insn, .out = out, .row = row, .next_rip = rip + insn->length };
	row->pattern(&c);
	if (c.unsupported || c.overflow)
		return -1;
	if (c.n == 0) /* e.g. mov rax, rax: architecturally nothing */
		crack_emit(&c, UOP_NOP, 1);
	/* Precise exceptions: a register written before a micro-op that may
	 * still fault needs its old value logged (exec.c rolls back). Micro-
	 * branches can jump backwards, so take the last faulting micro-op. */
	int last_fault = -1;
	for (unsigned i = 0; i < c.n; i++)
		if (uop_info[out[i].op].properties & P_MAY_FAULT)
			last_fault = (int)i;
	for (int i = 0; i < last_fault; i++)
		out[i].log_undo = (out[i].dst >= UREG_RAX && out[i].dst <= UREG_R15) ||
				  (out[i].dst >= UREG_V0 && out[i].dst <= UREG_V31) ||
				  (out[i].dst >= UREG_MM0 && out[i].dst <= UREG_MM7);
	return (int)c.n;
}

int uop_can_crack(enum x86_form form)
{
	return (unsigned)form < X86_FORM_COUNT && crack_table[form].pattern != NULL;
}
