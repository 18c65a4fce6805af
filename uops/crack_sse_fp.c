/* crack_sse_fp.c - cracking patterns of the SSE/SSE2/SSE3/SSE4.1
 * floating-point instructions (legacy encodings): arithmetic, MIN/MAX,
 * SQRT, RCP/RSQRT, compares, COMIS/UCOMIS, conversions, horizontal
 * adds, DPPS/DPPD, ROUND*, LDMXCSR/STMXCSR. Rows: crack_rows_sse.def
 * (section "floating point"); micro-ops: uops_vector.def, same section.
 *
 * Micro-op counts (Skylake, uops.info): a register form is one micro-op,
 * a memory form adds its LOAD, as Intel's unfused counts do for ADDPS,
 * MULPS, DIVPS, SQRTPS, MINPS, CMPPS, COMISS, ADDSUBPS, CVTDQ2PS,
 * CVTPS2DQ; HADDPS/HSUBPS are Intel's three (two shuffles and the add).
 * CVTSI2SS/SD and CVTSS2SI/SD2SI are Intel's two (a move between the
 * integer and vector domains plus the conversion). We differ (one
 * micro-op where Intel has two or more) for DPPS (4), DPPD (3), ROUNDPS/SS
 * (2), CVTPS2PD, CVTPD2PS, CVTSS2SD, CVTSD2SS, CVTDQ2PD, CVTPD2DQ and the
 * MMX conversions (2: a shuffle plus the conversion). Splitting those
 * would need intermediate results with the exact exception behaviour of
 * the whole instruction (no result at all on an unmasked exception), which
 * one micro-op gives by
 * construction; the timing model may charge the
 * extra port use through the latency table instead.
 *
 * Memory operands: a 16-byte operand of a packed instruction must be
 * 16-byte aligned (#GP(0) otherwise, SDM vol. 1, 11.6.7: the LOAD carries
 * VF_ALIGNED); scalar forms read 4 or 8 bytes with no alignment check. */
#include "uops/crack_sse.h"
#include "uops/crack_x87.h"

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

/* HADDPS/HSUBPS/HADDPD/HSUBPD: as Intel's 3 micro-ops (two shuffles and
 * the add, uops.info): VEVENODD gathers the even elements of dst then of
 * src into VT1, the odd ones into VT2, and VFADD/VFSUB combines them. The
 * even element is the first operand, as the SDM's DEST[31:0] <- SRC1[63:32]
 * + SRC1[31:0] is not: measured, two NaNs give the even element's. */
void crack_sse_fp_horizontal(struct cracker *c)
{
	const struct x86_insn *in = c->insn;
	unsigned elem = fp_elem(c);
	unsigned dst = vector_ureg(in->operands[0].reg);
	unsigned b = read_vector(c, &in->operands[1]);
	for (unsigned odd = 0; odd < 2; odd++) {
		struct uop *s = crack_emit(c, UOP_VEVENODD, 16);
		s->elem = (uint8_t)elem;
		s->dst = (uint8_t)(UREG_VT1 + odd);
		s->src[0] = (uint8_t)dst;
		s->src[1] = (uint8_t)b;
		s->imm = odd;
	}
	struct uop *u = crack_emit(c, c->row->op, 16);
	u->elem = (uint8_t)elem;
	u->dst = (uint8_t)dst;
	u->src[0] = UREG_VT1;
	u->src[1] = UREG_VT2;
	u->src[2] = UREG_MXCSR;
}

/* COMISS/UCOMISS/COMISD/UCOMISD: ZF, PF, CF from the compare, OF, SF, AF
 * cleared (SDM vol. 2, COMISS). */
void crack_sse_fp_comi(struct cracker *c)
{
	const struct x86_insn *in = c->insn;
	unsigned elem = fp_elem(c);
	unsigned a = vector_ureg(in->operands[0].reg);
	unsigned b = read_vector(c, &in->operands[1]);
	struct uop *u = crack_emit(c, UOP_VFCOMI, elem);
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
	int mmx_operand = (dst >= UREG_MM0 && dst <= UREG_MM7) ||
			  (in->operands[1].kind == X86_OP_REG && in->operands[1].reg >= X86_REG_MM0 &&
			   in->operands[1].reg <= X86_REG_MM7);
	/* With an MMX register operand the instruction is an x87 "waiting"
	 * one: a pending unmasked x87 exception raises #MF before anything
	 * else (SDM vol. 2, CVTPI2PS; measured: not with a memory source and
	 * an XMM destination). The x87 helper's FWAIT micro-op checks it. */
	if (mmx_operand)
		crack_emit(c, UOP_FWAIT, 2)->vflags = X87_WAIT;
	unsigned b = read_vector(c, &in->operands[1]);
	int merge = kind == FCVT_PI2PS || kind == FCVT_SS2SD || kind == FCVT_SD2SS;
	int to_mmx = dst >= UREG_MM0 && dst <= UREG_MM7;
	/* An MMX register operand switches the x87 unit to MMX mode (the
	 * SSE-int helper's MMXENTER). It happens even when the conversion
	 * then raises #XM (measured: the tags change, the MMX register does
	 * not), so MMXENTER comes before FCVT here, after the LOAD (a memory
	 * fault leaves the x87 state alone); FCVT tags the MMX register it
	 * writes itself. */
	if (mmx_operand)
		sse_mmx_transition(c);
	struct uop *u = crack_emit(c, UOP_VFCVT, to_mmx ? 8 : 16);
	u->elem = (uint8_t)fp_elem(c);
	u->dst = (uint8_t)dst;
	u->src[0] = (uint8_t)(merge ? dst : UREG_NONE);
	u->src[1] = (uint8_t)b;
	u->src[2] = UREG_MXCSR;
	u->imm = kind;
}

/* CVTSI2SS/CVTSI2SD xmm, r/m32 or r/m64 (REX.W): as Intel's 2 micro-ops
 * (uops.info): the integer moves into the vector domain (VINSERT, the
 * SSE-int helper's; a memory source is a vector LOAD instead), then
 * VCVTI2F converts it. */
void crack_sse_fp_cvti2f(struct cracker *c)
{
	const struct x86_insn *in = c->insn;
	const struct x86_operand *src = &in->operands[1];
	unsigned elem = fp_elem(c), ext = src->size / 8;
	unsigned dst = vector_ureg(in->operands[0].reg);
	if (src->kind == X86_OP_REG) {
		int hi;
		struct uop *m = crack_emit(c, UOP_VINSERT, 16);
		m->elem = (uint8_t)ext;
		m->dst = UREG_VT1;
		m->src[1] = (uint8_t)crack_gpr(src->reg, &hi);
	} else if (src->kind == X86_OP_MEM) {
		struct uop *l = crack_emit(c, UOP_LOAD, ext);
		l->dst = UREG_VT1;
		crack_address(c, &src->mem, l);
	} else {
		c->unsupported = 1;
		return;
	}
	struct uop *u = crack_emit(c, UOP_VCVTI2F, elem);
	u->elem = (uint8_t)elem;
	u->ext = (uint8_t)ext;
	u->dst = (uint8_t)dst;
	u->src[0] = (uint8_t)dst;
	u->src[1] = UREG_VT1;
	u->src[2] = UREG_MXCSR;
}

/* CVTSS2SI/CVTTSS2SI/CVTSD2SI/CVTTSD2SI r32 or r64, xmm/m32 or m64 (the
 * row's cond is 1 for the truncating forms): as Intel's 2 micro-ops (3
 * with a memory source), the conversion in the vector domain (VCVTF2I
 * into VT1), then VEXTRACT to the general register. */
void crack_sse_fp_cvtf2i(struct cracker *c)
{
	const struct x86_insn *in = c->insn;
	unsigned elem = fp_elem(c), width = in->operands[0].size / 8;
	int hi;
	unsigned dst = crack_gpr(in->operands[0].reg, &hi);
	unsigned b = read_vector(c, &in->operands[1]);
	struct uop *u = crack_emit(c, UOP_VCVTF2I, 16);
	u->elem = (uint8_t)elem;
	u->ext = (uint8_t)width;
	u->dst = UREG_VT1;
	u->src[0] = (uint8_t)b;
	u->src[2] = UREG_MXCSR;
	u->imm = c->row->cond;
	struct uop *x = crack_emit(c, UOP_VEXTRACT, width);
	x->elem = (uint8_t)width;
	x->dst = (uint8_t)dst;
	x->src[0] = UREG_VT1;
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
