/* crack_int.c - cracking patterns of the general-purpose integer
 * instructions. Micro-op counts follow Intel's (Agner Fog's tables,
 * Skylake): a register ALU op is 1 micro-op; an ALU op with a memory
 * destination is load + op + store-address + store-data (4 unfused). Where a
 * sequence differs from Intel's count, the comment says why. */
#include "uops/crack_internal.h"

static const struct x86_operand *operand(const struct cracker *c, int i)
{
	return &c->insn->operands[i];
}

static unsigned op_width(const struct cracker *c, int i)
{
	return c->insn->operands[i].size / 8;
}

/* The stack: SS-relative, as wide as the stack pointer (RSP in 64-bit
 * mode; ESP for the flat 32-bit guests uopsim runs). */
static unsigned stack_width(const struct cracker *c)
{
	return c->insn->mode == X86_MODE_64 ? 8 : c->insn->mode == X86_MODE_32 ? 4 : 2;
}

static struct uop *stack_access(struct cracker *c, enum uop_op op, unsigned width, int64_t offset)
{
	struct uop *u = crack_emit(c, op, width);
	u->src[0] = c->insn->mode == X86_MODE_64 ? UREG_NONE : UREG_SS_BASE;
	u->src[1] = UREG_RSP;
	u->imm = offset;
	u->asize = (uint8_t)stack_width(c);
	return u;
}

static void adjust_stack(struct cracker *c, int64_t delta)
{
	struct uop *u = crack_emit(c, UOP_ADD, stack_width(c));
	u->dst = UREG_RSP;
	u->src[0] = UREG_RSP;
	u->imm = delta;
}

/* Pushes `v` (width bytes): store below RSP, then move RSP. Storing first
 * keeps PUSH RSP right (it pushes the old value, SDM vol. 2, PUSH). */
void crack_push_value(struct cracker *c, struct value v, unsigned width)
{
	stack_access(c, UOP_STA, width, -(int64_t)width);
	struct uop *std = crack_emit(c, UOP_STD, width);
	crack_set_src(std, 0, v);
	adjust_stack(c, -(int64_t)width);
}

/* dst op= src: ADD, OR, ADC, SBB, AND, SUB, XOR, CMP, TEST. */
void crack_alu(struct cracker *c)
{
	const struct x86_operand *dst_op = operand(c, 0);
	unsigned width = op_width(c, 0);
	struct value a = crack_read(c, dst_op, width);
	struct value b = crack_read(c, operand(c, 1), width);
	int writeback = !(c->row->arg & ARG_NO_WRITEBACK);
	/* XOR r, r and SUB r, r are zeroing idioms (Intel optimization manual,
	 * 3.5.1.8): still one micro-op that writes the flags, but with no
	 * input dependency. */
	struct uop *u = crack_emit(c, c->row->op, width);
	crack_set_src(u, 0, a);
	crack_set_src(u, 1, b);
	u->flags_write = c->row->flags;
	if (c->row->op == UOP_ADC || c->row->op == UOP_SBB)
		u->flags_read = UF_CF;
	if (writeback) {
		u->dst = (uint8_t)a.reg;
		if (a.high_byte)
			u->high_byte |= HI8_DST;
		crack_store(c, dst_op, width, a);
	}
}

/* NEG, NOT, INC, DEC on r/m. */
void crack_unary(struct cracker *c)
{
	const struct x86_operand *dst_op = operand(c, 0);
	unsigned width = op_width(c, 0);
	struct value a = crack_read(c, dst_op, width);
	struct uop *u = crack_emit(c, c->row->op, width);
	crack_set_src(u, 0, a);
	crack_set_dst(u, a);
	u->flags_write = c->row->flags;
	crack_store(c, dst_op, width, a);
}

void crack_mov(struct cracker *c)
{
	const struct x86_operand *dst_op = operand(c, 0), *src_op = operand(c, 1);
	unsigned width = op_width(c, 0);
	if (dst_op->kind == X86_OP_REG && src_op->kind == X86_OP_MEM) {
		/* One LOAD straight into the register. */
		struct uop *u = crack_emit(c, UOP_LOAD, width);
		crack_address(c, &src_op->mem, u);
		u->ext = (uint8_t)width;
		crack_set_dst(u, crack_dest(c, dst_op));
		return;
	}
	struct value v = crack_read(c, src_op, width);
	if (v.is_imm) {
		struct uop *u = crack_emit(c, UOP_LIMM, width);
		u->imm = v.imm;
		struct value d = crack_dest(c, dst_op);
		crack_set_dst(u, d);
		crack_store(c, dst_op, width, d);
		return;
	}
	crack_store_to(c, dst_op, width, v);
}

/* MOVZX, MOVSX, MOVSXD: one micro-op (a load that extends, for memory). */
void crack_extend(struct cracker *c)
{
	const struct x86_operand *src_op = operand(c, 1);
	unsigned width = op_width(c, 0), from = op_width(c, 1);
	int sign = c->row->arg & ARG_SIGNED;
	struct value d = crack_dest(c, operand(c, 0));
	if (src_op->kind == X86_OP_MEM) {
		struct uop *u = crack_emit(c, UOP_LOAD, width);
		crack_address(c, &src_op->mem, u);
		u->ext = (uint8_t)(from | (sign ? 0x80 : 0));
		crack_set_dst(u, d);
		return;
	}
	struct value s = crack_read(c, src_op, from);
	struct uop *u = crack_emit(c, sign ? UOP_SEXT : UOP_ZEXT, width);
	u->ext = (uint8_t)from;
	crack_set_src(u, 0, s);
	crack_set_dst(u, d);
}

void crack_lea(struct cracker *c)
{
	struct uop *u = crack_emit(c, UOP_LEA, op_width(c, 0));
	crack_address(c, &operand(c, 1)->mem, u);
	u->src[0] = UREG_NONE; /* LEA ignores the segment (SDM vol. 2, LEA) */
	crack_set_dst(u, crack_dest(c, operand(c, 0)));
}

void crack_push(struct cracker *c)
{
	const struct x86_operand *op = operand(c, 0);
	unsigned width = c->insn->operand_size / 8;
	struct value v = crack_read(c, op, width);
	crack_push_value(c, v, width);
}

void crack_pop(struct cracker *c)
{
	const struct x86_operand *op = operand(c, 0);
	unsigned width = c->insn->operand_size / 8;
	int hi;
	if (op->kind == X86_OP_REG && crack_gpr(op->reg, &hi) != UREG_RSP) {
		struct uop *u = stack_access(c, UOP_LOAD, width, 0);
		u->ext = (uint8_t)width;
		u->dst = (uint8_t)crack_gpr(op->reg, &hi);
		adjust_stack(c, width);
		return;
	}
	/* POP RSP and POP to memory: the value goes through a temporary; a
	 * memory destination addressed by RSP uses the incremented RSP
	 * (SDM vol. 2, POP). */
	struct uop *u = stack_access(c, UOP_LOAD, width, 0);
	u->ext = (uint8_t)width;
	u->dst = (uint8_t)crack_temp(c);
	struct value v = { .reg = u->dst };
	adjust_stack(c, width);
	crack_store_to(c, op, width, v);
}

/* XCHG: three moves through a temporary for registers (Intel: 3 micro-ops);
 * with memory, an implicitly locked load and store. */
void crack_xchg(struct cracker *c)
{
	const struct x86_operand *a_op = operand(c, 0), *b_op = operand(c, 1);
	unsigned width = op_width(c, 0);
	struct value a = crack_read(c, a_op, width);
	struct value b = crack_read(c, b_op, width);
	struct value t = { .reg = crack_temp(c) };
	struct uop *u = crack_emit(c, UOP_MOV, 8);
	crack_set_src(u, 0, a);
	u->dst = (uint8_t)t.reg;
	u->width = a.high_byte ? 1 : 8;
	crack_store_to(c, a_op, width, b);
	crack_store_to(c, b_op, width, t);
}

/* Group 2 shifts and rotates: count from Ib, the implied 1, or CL. */
void crack_shift(struct cracker *c)
{
	const struct x86_operand *dst_op = operand(c, 0), *count_op = operand(c, 1);
	unsigned width = op_width(c, 0);
	struct value a = crack_read(c, dst_op, width);
	struct uop *u = crack_emit(c, c->row->op, width);
	crack_set_src(u, 0, a);
	if (count_op->kind == X86_OP_IMM)
		u->imm = count_op->imm;
	else
		u->src[1] = UREG_RCX;
	crack_set_dst(u, a);
	u->flags_read = UF_ARITH;
	u->flags_write = UF_ARITH;
	crack_store(c, dst_op, width, a);
}

/* SHLD/SHRD Ev, Gv, Ib/CL. */
void crack_double_shift(struct cracker *c)
{
	const struct x86_operand *dst_op = operand(c, 0), *count_op = operand(c, 2);
	unsigned width = op_width(c, 0);
	struct value a = crack_read(c, dst_op, width);
	struct value b = crack_read(c, operand(c, 1), width);
	struct uop *u = crack_emit(c, c->row->op, width);
	crack_set_src(u, 0, a);
	crack_set_src(u, 1, b);
	if (count_op->kind == X86_OP_IMM)
		u->imm = count_op->imm;
	else
		u->src[2] = UREG_RCX;
	crack_set_dst(u, a);
	u->flags_read = UF_ARITH;
	u->flags_write = UF_ARITH;
	crack_store(c, dst_op, width, a);
}

/* IMUL Gv, Ev and IMUL Gv, Ev, Iz/Ib: one multiply micro-op. */
void crack_imul(struct cracker *c)
{
	unsigned width = op_width(c, 0);
	int three = c->insn->noperands == 3;
	struct value a = crack_read(c, operand(c, three ? 1 : 0), width);
	struct value b = crack_read(c, operand(c, three ? 2 : 1), width);
	struct uop *u = crack_emit(c, UOP_IMUL, width);
	crack_set_src(u, 0, a);
	crack_set_src(u, 1, b);
	crack_set_dst(u, crack_dest(c, operand(c, 0)));
	u->flags_write = UF_ARITH;
}

/* One-operand MUL/IMUL/DIV/IDIV: rDX:rAX (AH:AL for bytes) with r/m.
 * MUL: high half into a temporary first, so `mul ah`/`mul rdx` read their
 * source before it is overwritten; 3 micro-ops where Intel has 2 for
 * 64-bit MUL because a micro-op here has a single destination. */
void crack_muldiv(struct cracker *c)
{
	unsigned width = op_width(c, 0);
	struct value s = crack_read(c, operand(c, 0), width);
	int sign = c->row->arg & ARG_SIGNED;
	int bytes = width == 1;
	struct value hi_src = { .reg = bytes ? UREG_RAX : UREG_RDX, .high_byte = bytes };
	struct value rax = { .reg = UREG_RAX };
	unsigned t_hi = crack_temp(c), t_lo = crack_temp(c);
	struct uop *u;
	if (c->row->op == UOP_MULHI) {
		u = crack_emit(c, sign ? UOP_IMULHI : UOP_MULHI, width);
		crack_set_src(u, 0, rax);
		crack_set_src(u, 1, s);
		u->dst = (uint8_t)t_hi;
		u->flags_write = UF_ARITH;
		u = crack_emit(c, UOP_MULLO, width);
		crack_set_src(u, 0, rax);
		crack_set_src(u, 1, s);
		u->dst = UREG_RAX;
		u = crack_emit(c, UOP_MOV, width);
		u->src[0] = (uint8_t)t_hi;
		crack_set_dst(u, hi_src);
		return;
	}
	/* DIV/IDIV: quotient and remainder from the same double-width
	 * dividend; both check #DE (SDM vol. 2, DIV), then the results land. */
	u = crack_emit(c, sign ? UOP_IDIVQ : UOP_DIVQ, width);
	crack_set_src(u, 0, hi_src);
	crack_set_src(u, 1, rax);
	crack_set_src(u, 2, s);
	u->dst = (uint8_t)t_lo;
	u = crack_emit(c, sign ? UOP_IDIVR : UOP_DIVR, width);
	crack_set_src(u, 0, hi_src);
	crack_set_src(u, 1, rax);
	crack_set_src(u, 2, s);
	u->dst = (uint8_t)t_hi;
	u = crack_emit(c, UOP_MOV, width);
	u->src[0] = (uint8_t)t_lo;
	u->dst = UREG_RAX;
	u = crack_emit(c, UOP_MOV, width);
	u->src[0] = (uint8_t)t_hi;
	crack_set_dst(u, hi_src);
}

void crack_cmov(struct cracker *c)
{
	unsigned width = op_width(c, 0);
	struct value d = crack_dest(c, operand(c, 0));
	/* The source is read (and may fault) whatever the condition (SDM vol. 2, CMOVcc). */
	struct value s = crack_read(c, operand(c, 1), width);
	struct uop *u = crack_emit(c, UOP_CMOV, width);
	u->src[0] = (uint8_t)d.reg;
	crack_set_src(u, 1, s);
	u->dst = (uint8_t)d.reg;
	u->cond = c->row->cond;
	u->flags_read = UF_ARITH;
}

void crack_setcc(struct cracker *c)
{
	const struct x86_operand *dst_op = operand(c, 0);
	struct value d = crack_dest(c, dst_op);
	struct uop *u = crack_emit(c, UOP_SETCC, 1);
	crack_set_dst(u, d);
	u->cond = c->row->cond;
	u->flags_read = UF_ARITH;
	crack_store(c, dst_op, 1, d);
}

/* CBW/CWDE/CDQE (SEXT within rAX) and CWD/CDQ/CQO (SIGNFILL into rDX). */
void crack_convert(struct cracker *c)
{
	unsigned width = c->insn->operand_size / 8;
	struct uop *u = crack_emit(c, c->row->op, width);
	u->src[0] = UREG_RAX;
	u->dst = c->row->op == UOP_SEXT ? UREG_RAX : UREG_RDX;
	u->ext = (uint8_t)(width / 2);
}

/* BT/BTS/BTR/BTC. With a register or an immediate bit offset into a
 * register, or an immediate offset into memory, the offset is taken modulo
 * the operand size. With a register offset into memory, the offset is a
 * signed bit string index: the operand addressed is the one
 * offset >> log2(bits) operands away (SDM vol. 2, BT, "bit base" and
 * Table 3-2); this is microcode on real cores (Agner Fog: 10 micro-ops). */
void crack_bit_test(struct cracker *c)
{
	const struct x86_operand *base_op = operand(c, 0), *bit_op = operand(c, 1);
	unsigned width = op_width(c, 0);
	if (base_op->kind == X86_OP_MEM && bit_op->kind == X86_OP_REG) {
		unsigned asize = c->insn->address_size / 8, shift = width == 8 ? 6 : width == 4 ? 5 : 4;
		int hi;
		unsigned offset = crack_gpr(bit_op->reg, &hi);
		unsigned index = crack_temp(c), address = crack_temp(c), value = crack_temp(c);
		/* index = sign-extended offset >> log2(bits), in bytes via the scale */
		struct uop *u = crack_emit(c, UOP_SEXT, 8);
		u->src[0] = (uint8_t)offset;
		u->dst = (uint8_t)index;
		u->ext = (uint8_t)width;
		u = crack_emit(c, UOP_SAR, 8);
		u->src[0] = (uint8_t)index;
		u->dst = (uint8_t)index;
		u->imm = shift; /* flags_write 0 */
		u = crack_emit(c, UOP_LEA, asize);
		crack_address(c, &base_op->mem, u);
		u->src[0] = UREG_NONE;
		u->dst = (uint8_t)address;
		u = crack_emit(c, UOP_LEA, asize);
		u->src[1] = (uint8_t)address;
		u->src[2] = (uint8_t)index;
		u->scale = (uint8_t)(width == 8 ? 3 : width == 4 ? 2 : 1);
		u->dst = (uint8_t)address;
		struct x86_mem element = { .segment = base_op->mem.segment, .scale = 1 };
		u = crack_emit(c, UOP_LOAD, width);
		crack_address(c, &element, u);
		u->src[1] = (uint8_t)address;
		u->ext = (uint8_t)width;
		u->dst = (uint8_t)value;
		u = crack_emit(c, c->row->op, width);
		u->src[0] = (uint8_t)value;
		u->src[1] = (uint8_t)offset;
		u->flags_write = UF_CF;
		if (c->row->op == UOP_BT)
			return;
		u->dst = (uint8_t)value;
		u = crack_emit(c, UOP_STA, width);
		crack_address(c, &element, u);
		u->src[1] = (uint8_t)address;
		u = crack_emit(c, UOP_STD, width);
		u->src[0] = (uint8_t)value;
		return;
	}
	struct value a = crack_read(c, base_op, width);
	struct value b = crack_read(c, bit_op, width);
	struct uop *u = crack_emit(c, c->row->op, width);
	crack_set_src(u, 0, a);
	crack_set_src(u, 1, b);
	u->flags_write = UF_CF;
	if (c->row->op != UOP_BT) {
		crack_set_dst(u, a);
		crack_store(c, base_op, width, a);
	}
}

/* BSF/BSR keep the destination when the source is 0 (the value is
 * "undefined" in the SDM; Intel and AMD hardware leave it unchanged), so
 * they read it; TZCNT/LZCNT/POPCNT do not. */
void crack_bit_scan(struct cracker *c)
{
	unsigned width = op_width(c, 0);
	struct value d = crack_dest(c, operand(c, 0));
	struct value s = crack_read(c, operand(c, 1), width);
	struct uop *u = crack_emit(c, c->row->op, width);
	if (c->row->op == UOP_BSF || c->row->op == UOP_BSR) {
		u->src[0] = (uint8_t)d.reg;
		crack_set_src(u, 1, s);
	} else {
		crack_set_src(u, 0, s);
	}
	u->dst = (uint8_t)d.reg;
	u->flags_write = UF_ARITH;
}

void crack_bswap(struct cracker *c)
{
	struct value d = crack_dest(c, operand(c, 0));
	struct uop *u = crack_emit(c, UOP_BSWAP, op_width(c, 0));
	u->src[0] = (uint8_t)d.reg;
	u->dst = (uint8_t)d.reg;
}

/* XADD: dst = dst + src, src = old dst. */
void crack_xadd(struct cracker *c)
{
	const struct x86_operand *dst_op = operand(c, 0), *src_op = operand(c, 1);
	unsigned width = op_width(c, 0);
	struct value a = crack_read(c, dst_op, width);
	struct value b = crack_read(c, src_op, width);
	struct value sum = { .reg = crack_temp(c) };
	struct uop *u = crack_emit(c, UOP_ADD, width);
	crack_set_src(u, 0, a);
	crack_set_src(u, 1, b);
	u->dst = (uint8_t)sum.reg;
	u->flags_write = UF_ARITH;
	if (dst_op->kind == X86_OP_MEM) {
		crack_store(c, dst_op, width, sum);
		crack_store_to(c, src_op, width, a);
	} else {
		crack_store_to(c, src_op, width, a);
		crack_store_to(c, dst_op, width, sum);
	}
}

/* CMPXCHG: compare rAX with dst; equal: dst = src, else rAX = dst
 * (SDM vol. 2, CMPXCHG). A memory destination is written either way (the
 * locked read-modify-write stores back the old value on failure); a
 * register destination is left untouched on failure, all 64 bits of it
 * (measured on the host), so micro-branches choose the one write. */
void crack_cmpxchg(struct cracker *c)
{
	const struct x86_operand *dst_op = operand(c, 0);
	unsigned width = op_width(c, 0);
	struct value old = crack_read(c, dst_op, width);
	struct value src = crack_read(c, operand(c, 1), width);
	struct value rax = { .reg = UREG_RAX };
	struct uop *u = crack_emit(c, UOP_SUB, width);
	crack_set_src(u, 0, rax);
	crack_set_src(u, 1, old);
	u->flags_write = UF_ARITH;
	if (dst_op->kind == X86_OP_MEM) {
		struct value chosen = { .reg = crack_temp(c) };
		u = crack_emit(c, UOP_CMOV, width);
		crack_set_src(u, 0, old);
		crack_set_src(u, 1, src);
		u->dst = (uint8_t)chosen.reg;
		u->cond = COND_E;
		u->flags_read = UF_OSZAP;
		crack_store(c, dst_op, width, chosen);
		u = crack_emit(c, UOP_UBRCC, 1);
		u->cond = COND_E;
		u->flags_read = UF_OSZAP;
		unsigned to_end = c->n - 1;
		crack_move(c, rax, width, old);
		c->out[to_end].imm = c->n;
		return;
	}
	u = crack_emit(c, UOP_UBRCC, 1);
	u->cond = COND_NE;
	u->flags_read = UF_OSZAP;
	unsigned to_failure = c->n - 1;
	crack_move(c, crack_dest(c, dst_op), width, src);
	u = crack_emit(c, UOP_UBRCC, 1); /* cond ALWAYS */
	unsigned to_end = c->n - 1;
	c->out[to_failure].imm = c->n;
	crack_move(c, rax, width, old);
	c->out[to_end].imm = c->n;
}

/* Emits dst = hi << 32 | (uint32_t)lo (EDX:EAX, ECX:EBX as one value). */
static void concat32(struct cracker *c, unsigned dst, unsigned hi, unsigned lo)
{
	unsigned t = crack_temp(c);
	struct uop *u = crack_emit(c, UOP_SHL, 8);
	u->src[0] = (uint8_t)hi;
	u->dst = (uint8_t)t;
	u->imm = 32; /* flags_write 0: address-style arithmetic */
	u = crack_emit(c, UOP_MOV, 4);
	u->src[0] = (uint8_t)lo;
	u->dst = (uint8_t)dst;
	u = crack_emit(c, UOP_OR, 8);
	u->src[0] = (uint8_t)dst;
	u->src[1] = (uint8_t)t;
	u->dst = (uint8_t)dst;
}

/* CMPXCHG8B m64: compare EDX:EAX with m64; equal: ZF = 1 and m64 =
 * ECX:EBX; else ZF = 0 and EDX:EAX = m64. The other flags are unchanged,
 * and the destination is written back either way (a locked read-modify-
 * write, SDM vol. 2, CMPXCHG8B/CMPXCHG16B). Microcode with micro-branches;
 * Intel's is 14 micro-ops (Agner Fog, Skylake). */
void crack_cmpxchg8b(struct cracker *c)
{
	const struct x86_operand *m = operand(c, 0);
	struct value old = crack_read(c, m, 8);
	unsigned expected = crack_temp(c);
	concat32(c, expected, UREG_RDX, UREG_RAX);
	struct uop *u = crack_emit(c, UOP_CMPEQ, 8);
	u->src[0] = (uint8_t)old.reg;
	u->src[1] = (uint8_t)expected;
	u->flags_write = UF_OSZAP;
	u = crack_emit(c, UOP_UBRCC, 1);
	u->cond = COND_NE;
	u->flags_read = UF_OSZAP;
	unsigned to_failure = c->n - 1;
	struct value replacement = { .reg = crack_temp(c) };
	concat32(c, replacement.reg, UREG_RCX, UREG_RBX);
	crack_store(c, m, 8, replacement);
	crack_emit(c, UOP_UBRCC, 1); /* cond ALWAYS */
	unsigned to_end = c->n - 1;
	c->out[to_failure].imm = c->n;
	crack_store(c, m, 8, old);
	u = crack_emit(c, UOP_MOV, 4);
	u->src[0] = (uint8_t)old.reg;
	u->dst = UREG_RAX;
	u = crack_emit(c, UOP_SHR, 8);
	u->src[0] = (uint8_t)old.reg;
	u->dst = (uint8_t)expected; /* reused as scratch */
	u->imm = 32;
	u = crack_emit(c, UOP_MOV, 4);
	u->src[0] = (uint8_t)expected;
	u->dst = UREG_RDX;
	c->out[to_end].imm = c->n;
}

/* MOVBE: a load then a byte swap, or a byte swap then a store (SDM vol. 2,
 * MOVBE; 16-bit forms swap the two bytes). */
void crack_movbe(struct cracker *c)
{
	const struct x86_operand *dst = operand(c, 0), *src = operand(c, 1);
	unsigned width = op_width(c, 0);
	struct value v = crack_read(c, src, width);
	struct value d = crack_dest(c, dst);
	struct uop *u = crack_emit(c, UOP_BSWAP, width);
	crack_set_src(u, 0, v);
	crack_set_dst(u, d);
	crack_store(c, dst, width, d);
}

void crack_leave(struct cracker *c)
{
	unsigned width = c->insn->operand_size / 8, sw = stack_width(c);
	struct uop *u = crack_emit(c, UOP_MOV, sw);
	u->src[0] = UREG_RBP;
	u->dst = UREG_RSP;
	u = stack_access(c, UOP_LOAD, width, 0);
	u->ext = (uint8_t)width;
	u->dst = UREG_RBP;
	adjust_stack(c, width);
}

/* CLC, STC, CMC, CLD, STD. */
void crack_flags(struct cracker *c)
{
	struct uop *u = crack_emit(c, c->row->op, 8);
	u->imm = c->row->arg == 'D' ? 0x400 : 0x1; /* DF or CF */
	u->flags_write = c->row->arg == 'D' ? UF_DF : UF_CF;
	if (c->row->op == UOP_CMC)
		u->flags_read = UF_CF;
}

void crack_pushf(struct cracker *c)
{
	unsigned width = c->insn->operand_size / 8;
	struct value t = { .reg = crack_temp(c) };
	struct uop *u = crack_emit(c, UOP_RDFLAGS, 8);
	u->dst = (uint8_t)t.reg;
	u->flags_read = UF_ARITH | UF_DF;
	crack_push_value(c, t, width);
}

/* POPF in user mode: IF and IOPL are kept (CPL 3 with IOPL 0, SDM vol. 2,
 * POPF), VM/RF/VIP/VIF are not loaded. */
void crack_popf(struct cracker *c)
{
	unsigned width = c->insn->operand_size / 8;
	struct uop *u = stack_access(c, UOP_LOAD, width, 0);
	u->ext = (uint8_t)width;
	u->dst = (uint8_t)crack_temp(c);
	unsigned t = u->dst;
	adjust_stack(c, width);
	u = crack_emit(c, UOP_WRFLAGS, 8);
	u->src[0] = (uint8_t)t;
	u->imm = width == 2 ? 0x4DD5 & 0xFFFF : 0x254DD5; /* CF PF AF ZF SF TF DF OF NT AC ID */
	u->imm &= ~(int64_t)0x4000; /* NT is not a user flag here */
	u->flags_write = UF_ARITH | UF_DF;
}

void crack_lahf(struct cracker *c)
{
	struct uop *u = crack_emit(c, UOP_RDFLAGS, 8);
	u->dst = (uint8_t)crack_temp(c);
	u->flags_read = UF_ARITH;
	unsigned t = u->dst;
	u = crack_emit(c, UOP_MOV, 1);
	u->src[0] = (uint8_t)t;
	u->dst = UREG_RAX;
	u->high_byte = HI8_DST;
}

void crack_sahf(struct cracker *c)
{
	struct uop *u = crack_emit(c, UOP_WRFLAGS, 8);
	u->src[0] = UREG_RAX;
	u->high_byte = HI8_SRC0;
	u->imm = 0xD5; /* SF ZF AF PF CF (SDM vol. 2, SAHF) */
	u->flags_write = UF_ARITH;
}
