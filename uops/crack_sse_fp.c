/* crack_sse_fp.c - cracking patterns of the SSE/SSE2/SSE3/SSE4.1
 * floating-point instructions (legacy encodings): arithmetic, MIN/MAX,
 * SQRT, RCP/RSQRT, compares, COMIS/UCOMIS, conversions, horizontal
 * adds, DPPS/DPPD, ROUND*, LDMXCSR/STMXCSR. Rows: crack_rows_sse.def
 * (section "floating point"); micro-ops: uops_vector.def, same section.
 *
 * Micro-op counts (Skylake, uops.info): a register form is one micro-op,
 * a memory form adds its LOAD, as Intel's unfused counts do for ADDPS,
 * MULPS, DIVPS, SQRTPS, MINPS, CMPPS, ADDSUBPS, CVTDQ2PS, CVTPS2DQ. We
 * differ (one micro-op where Intel has more) for: HADDPS/HSUBPS (Intel 3:
 * two shuffles and an add), DPPS (4) and DPPD (3), ROUNDPS/SS (2),
 * COMISS (Intel 1, AMD 2), CVTSI2SS/SD and CVTSS2SI/SD2SI (2: a move
 * between the integer and vector domains plus the conversion), CVTPS2PD,
 * CVTPD2PS, CVTSS2SD, CVTSD2SS, CVTDQ2PD, CVTPD2DQ and the MMX
 * conversions (2: a shuffle plus the conversion). Splitting them would
 * need intermediate results with the exact exception behaviour of the
 * whole instruction (no result at all on an unmasked exception), which
 * one micro-op gives by construction; the timing model may charge the
 * extra port use through the latency table instead.
 *
 * Memory operands: a 16-byte operand of a packed instruction must be
 * 16-byte aligned (#GP(0) otherwise, SDM vol. 1, 11.6.7: the LOAD carries
 * VF_ALIGNED); scalar forms read 4 or 8 bytes with no alignment check. */
#include "uops/crack_sse.h"

/* The micro-op register of an XMM or MMX operand register. */
static unsigned vector_ureg(unsigned reg)
{
	if (reg >= X86_REG_XMM0 && reg <= X86_REG_XMM31)
		return UREG_V0 + (reg - X86_REG_XMM0);
	if (reg >= X86_REG_MM0 && reg <= X86_REG_MM7)
		return UREG_MM0 + (reg - X86_REG_MM0);
	return UREG_NONE;
}

/* A vector source: its register, or a LOAD of the memory operand into the
 * vector temporary VT0 (zero-extended to 16 bytes by the LOAD). */
static unsigned read_vector(struct cracker *c, const struct x86_operand *op)
{
	if (op->kind == X86_OP_REG) {
		unsigned r = vector_ureg(op->reg);
		if (r == UREG_NONE)
			c->unsupported = 1;
		return r;
	}
	if (op->kind != X86_OP_MEM) {
		c->unsupported = 1;
		return UREG_NONE;
	}
	unsigned bytes = op->size / 8;
	struct uop *u = crack_emit(c, UOP_LOAD, bytes);
	u->dst = UREG_VT0;
	crack_address(c, &op->mem, u);
	if (bytes == 16)
		u->vflags |= VF_ALIGNED;
	return UREG_VT0;
}

static unsigned fp_elem(const struct cracker *c)
{
	return (c->row->arg & FP_SINGLE) ? 4 : 8;
}

/* V, W [, Ib]: dst = op(dst, src). Packed unary forms (SQRTPS, RCPPS,
 * RSQRTPS, ROUNDPS) do not read the destination. */
void crack_sse_fp(struct cracker *c)
{
	const struct x86_insn *in = c->insn;
	unsigned arg = c->row->arg, elem = fp_elem(c);
	int scalar = (arg & FP_SCALAR) != 0;
	if (in->noperands < 2 || in->operands[0].kind != X86_OP_REG) {
		c->unsupported = 1;
		return;
	}
	unsigned dst = vector_ureg(in->operands[0].reg);
	unsigned b = read_vector(c, &in->operands[1]);
	struct uop *u = crack_emit(c, c->row->op, scalar ? elem : 16);
	u->elem = (uint8_t)elem;
	u->dst = (uint8_t)dst;
	u->src[0] = (uint8_t)((arg & FP_UNARY) && !scalar ? UREG_NONE : dst);
	u->src[1] = (uint8_t)b;
	u->src[2] = UREG_MXCSR;
	if (in->noperands > 2 && in->operands[2].kind == X86_OP_IMM)
		u->imm = in->operands[2].imm & 0xFF;
}

/* COMISS/UCOMISS/COMISD/UCOMISD: ZF, PF, CF from the compare, OF, SF, AF
 * cleared (SDM vol. 2, COMISS). */
void crack_sse_fp_comi(struct cracker *c)
{
	const struct x86_insn *in = c->insn;
	unsigned elem = fp_elem(c);
	unsigned a = vector_ureg(in->operands[0].reg);
	unsigned b = read_vector(c, &in->operands[1]);
	struct uop *u = crack_emit(c, UOP_FCOMI, elem);
	u->elem = (uint8_t)elem;
	u->src[0] = (uint8_t)a;
	u->src[1] = (uint8_t)b;
	u->src[2] = UREG_MXCSR;
	u->flags_write = UF_ARITH;
	u->imm = (c->row->arg & FP_SIGNAL) ? 1 : 0;
}

/* Vector-to-vector conversions; the row's cond is the enum fcvt_kind.
 * CVTPI2PS, CVTSS2SD and CVTSD2SS keep part of the destination (src0);
 * the others write all of it (an MMX destination: 8 bytes). */
void crack_sse_fp_cvt(struct cracker *c)
{
	const struct x86_insn *in = c->insn;
	unsigned kind = c->row->cond;
	unsigned dst = vector_ureg(in->operands[0].reg);
	unsigned b = read_vector(c, &in->operands[1]);
	int merge = kind == FCVT_PI2PS || kind == FCVT_SS2SD || kind == FCVT_SD2SS;
	int to_mmx = dst >= UREG_MM0 && dst <= UREG_MM7;
	struct uop *u = crack_emit(c, UOP_FCVT, to_mmx ? 8 : 16);
	u->elem = (uint8_t)fp_elem(c);
	u->dst = (uint8_t)dst;
	u->src[0] = (uint8_t)(merge ? dst : UREG_NONE);
	u->src[1] = (uint8_t)b;
	u->src[2] = UREG_MXCSR;
	u->imm = kind;
}

/* CVTSI2SS/CVTSI2SD xmm, r/m32 or r/m64 (REX.W). */
void crack_sse_fp_cvti2f(struct cracker *c)
{
	const struct x86_insn *in = c->insn;
	unsigned elem = fp_elem(c), ext = in->operands[1].size / 8;
	unsigned dst = vector_ureg(in->operands[0].reg);
	struct value v = crack_read(c, &in->operands[1], ext);
	struct uop *u = crack_emit(c, UOP_CVTI2F, elem);
	u->elem = (uint8_t)elem;
	u->ext = (uint8_t)ext;
	u->dst = (uint8_t)dst;
	u->src[0] = (uint8_t)dst;
	crack_set_src(u, 1, v);
	u->src[2] = UREG_MXCSR;
}

/* CVTSS2SI/CVTTSS2SI/CVTSD2SI/CVTTSD2SI r32 or r64, xmm/m32 or m64; the
 * row's cond is 1 for the truncating forms. */
void crack_sse_fp_cvtf2i(struct cracker *c)
{
	const struct x86_insn *in = c->insn;
	unsigned elem = fp_elem(c);
	int hi;
	unsigned dst = crack_gpr(in->operands[0].reg, &hi);
	unsigned b = read_vector(c, &in->operands[1]);
	struct uop *u = crack_emit(c, UOP_CVTF2I, in->operands[0].size / 8);
	u->elem = (uint8_t)elem;
	u->dst = (uint8_t)dst;
	u->src[0] = (uint8_t)b;
	u->src[2] = UREG_MXCSR;
	u->imm = c->row->cond;
}

/* LDMXCSR m32: LOAD + LDMXCSR (Intel: 3 micro-ops). */
void crack_sse_ldmxcsr(struct cracker *c)
{
	struct value v = crack_read(c, &c->insn->operands[0], 4);
	struct uop *u = crack_emit(c, UOP_LDMXCSR, 4);
	u->dst = UREG_MXCSR;
	crack_set_src(u, 0, v);
}

/* STMXCSR m32: RDMXCSR + STA + STD (Intel: 2 fused, 3 unfused). */
void crack_sse_stmxcsr(struct cracker *c)
{
	struct uop *u = crack_emit(c, UOP_RDMXCSR, 4);
	u->dst = (uint8_t)crack_temp(c);
	u->src[0] = UREG_MXCSR;
	struct value v = { .reg = u->dst };
	crack_store(c, &c->insn->operands[0], 4, v);
}
