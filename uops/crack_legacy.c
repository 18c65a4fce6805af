/* crack_legacy.c - cracking patterns of the instructions that exist only
 * outside 64-bit mode, and of ENTER (both modes): PUSHA/POPA, the BCD
 * adjusts, SALC, BOUND, INTO, segment-register moves, pushes and pops,
 * LDS/LES/LSS/LFS/LGS, far CALL/JMP/RET, ARPL. Segment loads follow what a
 * Linux i386 process can do at CPL 3 (exec_legacy.c holds the checks).
 *
 * Precise exceptions: SEGLOAD changes a segment register, which the
 * executor's rollback does not restore, so it is always the last micro-op
 * that may fault in its sequence (loads and store addresses first). */
#include "uops/crack_legacy.h"

#include "machine/state.h"

static unsigned stack_width(const struct cracker *c)
{
	return c->insn->mode == X86_MODE_64 ? 8 : c->insn->mode == X86_MODE_32 ? 4 : 2;
}

static unsigned stack_segment(const struct cracker *c)
{
	return c->insn->mode == X86_MODE_64 ? UREG_NONE : UREG_SS_BASE;
}

/* A load or store-address at [SS:base + offset], stack-address sized. */
static struct uop *stack_at(struct cracker *c, enum uop_op op, unsigned width, unsigned base, int64_t offset)
{
	struct uop *u = crack_emit(c, op, width);
	u->src[0] = (uint8_t)stack_segment(c);
	u->src[1] = (uint8_t)base;
	u->imm = offset;
	u->asize = (uint8_t)stack_width(c);
	if (op == UOP_LOAD)
		u->ext = (uint8_t)width;
	return u;
}

static void store_reg(struct cracker *c, unsigned width, unsigned base, int64_t offset, unsigned data)
{
	stack_at(c, UOP_STA, width, base, offset);
	struct uop *std = crack_emit(c, UOP_STD, width);
	std->src[0] = (uint8_t)data;
}

/* dst = src + imm (width bytes), no flags. */
static void add_imm(struct cracker *c, unsigned dst, unsigned width, unsigned src, int64_t imm)
{
	struct uop *u = crack_emit(c, UOP_ADD, width);
	u->dst = (uint8_t)dst;
	u->src[0] = (uint8_t)src;
	u->imm = imm;
}

static unsigned segment_index(enum x86_reg seg)
{
	return (unsigned)(seg - X86_REG_ES); /* ES CS SS DS FS GS, as enum x86_segment */
}

static void segment_load(struct cracker *c, unsigned seg, unsigned selector_reg, int far_return)
{
	struct uop *u = crack_emit(c, UOP_SEGLOAD, 2);
	u->src[0] = (uint8_t)selector_reg;
	u->imm = seg | (far_return ? 0x100 : 0);
}

static int legacy_mode(struct cracker *c)
{
	if (c->insn->mode == X86_MODE_64) {
		c->unsupported = 1; /* 64-bit segment semantics are not modelled */
		return 0;
	}
	return 1;
}

/* PUSHA/PUSHAD: EAX ECX EDX EBX, the original ESP, EBP ESI EDI, stored
 * below ESP, then one ESP update (SDM vol. 2, PUSHA). */
void crack_pusha(struct cracker *c)
{
	unsigned w = c->insn->operand_size / 8;
	for (unsigned i = 0; i < 8; i++)
		store_reg(c, w, UREG_RSP, -(int64_t)(w * (i + 1)), UREG_RAX + i);
	add_imm(c, UREG_RSP, stack_width(c), UREG_RSP, -(int64_t)(8 * w));
}

/* POPA/POPAD: EDI ESI EBP, skip the saved ESP, EBX EDX ECX EAX. */
void crack_popa(struct cracker *c)
{
	unsigned w = c->insn->operand_size / 8;
	for (unsigned i = 0; i < 8; i++) {
		unsigned reg = UREG_RDI - i;
		if (reg == UREG_RSP)
			continue;
		struct uop *u = stack_at(c, UOP_LOAD, w, UREG_RSP, (int64_t)(w * i));
		u->dst = (uint8_t)reg;
	}
	add_imm(c, UREG_RSP, stack_width(c), UREG_RSP, 8 * w);
}

/* DAA DAS AAA AAS AAM AAD: one micro-op on AL/AX (uops_legacy.def). */
void crack_bcd(struct cracker *c)
{
	int byte_only = c->row->op == UOP_DAA || c->row->op == UOP_DAS;
	struct uop *u = crack_emit(c, c->row->op, byte_only ? 1 : 2);
	u->src[0] = UREG_RAX;
	u->dst = UREG_RAX;
	u->flags_write = UF_ARITH;
	if (c->row->op != UOP_AAM && c->row->op != UOP_AAD)
		u->flags_read = UF_ARITH;
	if (c->insn->noperands)
		u->imm = c->insn->operands[0].imm & 0xFF;
}

/* SALC (D6, undocumented by Intel, AMD APM vol. 3: AL = CF ? 0xFF : 0,
 * flags unchanged): AL - AL - CF without flag writes. */
void crack_salc(struct cracker *c)
{
	struct uop *u = crack_emit(c, UOP_SBB, 1);
	u->src[0] = UREG_RAX;
	u->src[1] = UREG_RAX;
	u->dst = UREG_RAX;
	u->flags_read = UF_CF;
}

/* INTO: #OF (a trap, vector 4) if OF = 1 (SDM vol. 2, INTn/INTO). */
void crack_into(struct cracker *c)
{
	struct uop *u = crack_emit(c, UOP_UBRCC, 1);
	u->cond = COND_NO;
	u->flags_read = UF_OSZAP;
	unsigned skip = c->n - 1;
	u = crack_emit(c, UOP_FAULT, 8);
	u->imm = VEC_OF;
	c->out[skip].imm = c->n;
}

/* BOUND r, m: both limits loaded, then the signed check (#BR, a fault). */
void crack_bound(struct cracker *c)
{
	const struct x86_operand *m = &c->insn->operands[1];
	unsigned w = c->insn->operand_size / 8;
	int hi;
	if (m->kind != X86_OP_MEM) {
		c->unsupported = 1;
		return;
	}
	unsigned lower = crack_temp(c), upper = crack_temp(c);
	struct uop *u = crack_emit(c, UOP_LOAD, w);
	crack_address(c, &m->mem, u);
	u->ext = (uint8_t)w;
	u->dst = (uint8_t)lower;
	u = crack_emit(c, UOP_LOAD, w);
	crack_address(c, &m->mem, u);
	u->imm += w;
	u->ext = (uint8_t)w;
	u->dst = (uint8_t)upper;
	u = crack_emit(c, UOP_BOUNDCHK, w);
	u->src[0] = (uint8_t)crack_gpr(c->insn->operands[0].reg, &hi);
	u->src[1] = (uint8_t)lower;
	u->src[2] = (uint8_t)upper;
}

/* PUSH ES/CS/SS/DS/FS/GS. With a 32-bit operand size the SDM (vol. 2,
 * PUSH) allows a zero-extended doubleword or a 16-bit write leaving the
 * upper half (recent Intel cores); this pushes the zero-extended
 * doubleword, as QEMU does (the oracle of tests/native/uop_diff32.c), so
 * a later POP r32 of the slot is deterministic. */
void crack_push_segment(struct cracker *c)
{
	if (!legacy_mode(c))
		return;
	unsigned w = c->insn->operand_size / 8;
	struct value t = { .reg = crack_temp(c) };
	struct uop *u = crack_emit(c, UOP_RDSEG, 4);
	u->dst = (uint8_t)t.reg;
	u->imm = segment_index(c->insn->operands[0].reg);
	crack_push_value(c, t, w);
}

/* POP ES/SS/DS/FS/GS: load, SEGLOAD, then release the slot. */
void crack_pop_segment(struct cracker *c)
{
	if (!legacy_mode(c))
		return;
	unsigned w = c->insn->operand_size / 8, t = crack_temp(c);
	struct uop *u = stack_at(c, UOP_LOAD, w, UREG_RSP, 0);
	u->dst = (uint8_t)t;
	segment_load(c, segment_index(c->insn->operands[0].reg), t, 0);
	add_imm(c, UREG_RSP, stack_width(c), UREG_RSP, w);
}

/* MOV r/m, Sreg and MOV Sreg, r/m. A register destination takes the
 * selector zero-extended to the operand size; memory gets 16 bits (SDM
 * vol. 2, MOV). MOV CS, r/m is #UD. */
void crack_mov_segment(struct cracker *c)
{
	if (!legacy_mode(c))
		return;
	const struct x86_operand *dst = &c->insn->operands[0], *src = &c->insn->operands[1];
	if (dst->kind == X86_OP_REG && dst->reg >= X86_REG_ES && dst->reg <= X86_REG_GS) {
		unsigned seg = segment_index(dst->reg);
		if (seg == SEG_CS) {
			crack_emit(c, UOP_FAULT, 8)->imm = VEC_UD;
			return;
		}
		struct value v = crack_read(c, src, 2);
		segment_load(c, seg, v.reg, 0);
		return;
	}
	unsigned seg = segment_index(src->reg);
	if (dst->kind == X86_OP_REG) {
		struct uop *u = crack_emit(c, UOP_RDSEG, dst->size / 8);
		u->imm = seg;
		crack_set_dst(u, crack_dest(c, dst));
		return;
	}
	struct value t = { .reg = crack_temp(c) };
	struct uop *u = crack_emit(c, UOP_RDSEG, 4);
	u->dst = (uint8_t)t.reg;
	u->imm = seg;
	crack_store(c, dst, 2, t);
}

/* Loads a far pointer m16:16/m16:32 (offset, then selector) into temps. */
static void load_far_pointer(struct cracker *c, const struct x86_operand *m, unsigned w, unsigned offset_reg,
			     unsigned selector_reg)
{
	struct uop *u = crack_emit(c, UOP_LOAD, w);
	crack_address(c, &m->mem, u);
	u->ext = (uint8_t)w;
	u->dst = (uint8_t)offset_reg;
	u = crack_emit(c, UOP_LOAD, 2);
	crack_address(c, &m->mem, u);
	u->imm += w;
	u->ext = 2;
	u->dst = (uint8_t)selector_reg;
}

/* LDS/LES/LSS/LFS/LGS r, m16:w (row->arg = the segment). */
void crack_load_far(struct cracker *c)
{
	if (!legacy_mode(c))
		return;
	const struct x86_operand *m = &c->insn->operands[1];
	unsigned w = c->insn->operand_size / 8, offset = crack_temp(c), selector = crack_temp(c);
	if (m->kind != X86_OP_MEM) {
		c->unsupported = 1;
		return;
	}
	load_far_pointer(c, m, w, offset, selector);
	segment_load(c, c->row->arg, selector, 0);
	struct value v = { .reg = offset };
	crack_move(c, crack_dest(c, &c->insn->operands[0]), w, v);
}

/* Far JMP/CALL ptr16:w or m16:w, far RET [imm16], in a flat protected-mode
 * process: the new CS must be Linux's user code segment (SEGLOAD checks),
 * whose base is 0, so EIP takes the offset. CALL pushes CS (zero-extended
 * to the operand size, SDM vol. 2, CALL: "padded") then EIP. */
void crack_far(struct cracker *c)
{
	if (!legacy_mode(c))
		return;
	const struct x86_insn *insn = c->insn;
	unsigned w = insn->operand_size / 8, sw = stack_width(c);
	unsigned offset = crack_temp(c), selector = crack_temp(c);
	int is_call = insn->form == X86_FORM_CALLF_Ap || insn->form == X86_FORM_CALLF_Mp;
	int is_ret = insn->form == X86_FORM_RETF || insn->form == X86_FORM_RETF_Iw;
	struct uop *u;
	if (is_ret) {
		stack_at(c, UOP_LOAD, w, UREG_RSP, 0)->dst = (uint8_t)offset;
		stack_at(c, UOP_LOAD, 2, UREG_RSP, w)->dst = (uint8_t)selector;
		segment_load(c, SEG_CS, selector, 1);
		add_imm(c, UREG_RSP, sw, UREG_RSP, 2 * w + (insn->noperands ? (uint16_t)insn->operands[0].imm : 0));
		u = crack_emit(c, UOP_BR, w);
		u->src[0] = (uint8_t)offset;
		return;
	}
	const struct x86_operand *op = &insn->operands[0];
	int direct = op->kind == X86_OP_FAR;
	if (direct) {
		u = crack_emit(c, UOP_LIMM, 4);
		u->dst = (uint8_t)selector;
		u->imm = op->selector;
	} else if (op->kind == X86_OP_MEM) {
		load_far_pointer(c, op, w, offset, selector);
	} else {
		c->unsupported = 1;
		return;
	}
	if (is_call) {
		unsigned cs = crack_temp(c);
		u = crack_emit(c, UOP_RDSEG, 4);
		u->dst = (uint8_t)cs;
		u->imm = SEG_CS;
		store_reg(c, w, UREG_RSP, -(int64_t)w, cs);
		store_reg(c, w, UREG_RSP, -(int64_t)(2 * w), UREG_NEXT_RIP);
	}
	segment_load(c, SEG_CS, selector, 0);
	if (is_call)
		add_imm(c, UREG_RSP, sw, UREG_RSP, -(int64_t)(2 * w));
	u = crack_emit(c, UOP_BR, w);
	if (direct)
		u->imm = (int64_t)((uint64_t)op->imm & (w == 2 ? 0xFFFF : 0xFFFFFFFF));
	else
		u->src[0] = (uint8_t)offset;
}

/* ARPL Ew, Gw: read-modify-write of the selector; a memory destination
 * is written back even when unchanged (a locked-style RMW, as QEMU). */
void crack_arpl(struct cracker *c)
{
	if (!legacy_mode(c))
		return;
	const struct x86_operand *dst = &c->insn->operands[0];
	struct value a = crack_read(c, dst, 2);
	struct value b = crack_read(c, &c->insn->operands[1], 2);
	struct uop *u = crack_emit(c, UOP_ARPL, 2);
	crack_set_src(u, 0, a);
	crack_set_src(u, 1, b);
	crack_set_dst(u, a);
	u->flags_read = UF_OSZAP;
	u->flags_write = UF_OSZAP;
	crack_store(c, dst, 2, a);
}

/* ENTER size, level (SDM vol. 2, ENTER): push rBP; FrameTemp = rSP; for a
 * nesting level L > 1 copy L - 1 frame pointers from below the old rBP
 * (a micro-coded loop); for L > 0 push FrameTemp; rBP = FrameTemp;
 * rSP -= size. Intel: 12 micro-ops for level 0, ~10 + 3 per level.
 * Hardware also checks that the new frame is accessible: a #PF for the
 * final rSP comes before any other access (measured on Zen 5, which
 * touches the 8 bytes below it; Bochs models a write check at the final
 * rSP itself). Here: a load probe of operand size at the final rSP, first. */
void crack_enter(struct cracker *c)
{
	const struct x86_insn *insn = c->insn;
	unsigned w = insn->operand_size / 8, sw = stack_width(c);
	uint64_t size = (uint16_t)insn->operands[0].imm;
	unsigned level = (unsigned)insn->operands[1].imm & 31;
	unsigned frame = crack_temp(c);
	stack_at(c, UOP_LOAD, w, UREG_RSP, -(int64_t)(w * (level + 1)) - (int64_t)size)->dst = (uint8_t)crack_temp(c);
	store_reg(c, w, UREG_RSP, -(int64_t)w, UREG_RBP);
	add_imm(c, frame, sw, UREG_RSP, -(int64_t)w);
	if (level > 1) {
		/* from: the old frame pointer walking down; to: the stack slot;
		 * count: level - 1 copies. */
		unsigned from = crack_temp(c), to = crack_temp(c), count = crack_temp(c), value = crack_temp(c);
		struct uop *u = crack_emit(c, UOP_MOV, sw);
		u->dst = (uint8_t)from;
		u->src[0] = UREG_RBP;
		u = crack_emit(c, UOP_MOV, sw);
		u->dst = (uint8_t)to;
		u->src[0] = (uint8_t)frame;
		u = crack_emit(c, UOP_LIMM, 4);
		u->dst = (uint8_t)count;
		u->imm = level - 1;
		unsigned loop = c->n;
		add_imm(c, from, sw, from, -(int64_t)w);
		add_imm(c, to, sw, to, -(int64_t)w);
		stack_at(c, UOP_LOAD, w, from, 0)->dst = (uint8_t)value;
		store_reg(c, w, to, 0, value);
		add_imm(c, count, 4, count, -1);
		u = crack_emit(c, UOP_UBRCC, 4);
		u->src[0] = (uint8_t)count;
		u->cond = COND_SRC0_NONZERO;
		u->imm = loop;
	}
	if (level > 0)
		store_reg(c, w, frame, -(int64_t)(w * (level - 1)) - (int64_t)w, frame);
	struct uop *u = crack_emit(c, UOP_MOV, w);
	u->dst = UREG_RBP;
	u->src[0] = (uint8_t)frame;
	add_imm(c, UREG_RSP, sw, frame, -(int64_t)(w * level) - (int64_t)size);
}
