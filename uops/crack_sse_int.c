/* crack_sse_int.c - cracking patterns of the MMX and SSE..SSE4.2 integer and
 * data-movement instructions (rows: the first section of
 * crack_rows_sse.def; micro-ops: the first section of uops_vector.def).
 *
 * Shape, as Intel cracks them (Agner Fog's tables, uops.info, Skylake):
 * a register-register operation is one vector micro-op; with a memory
 * source it is a LOAD into a vector temporary (VT0) and the operation
 * (PADDB xmm, m128 = load + p015); a vector store is STA + STD. Where the
 * count differs from Intel's, the pattern says why.
 *
 * Alignment (SDM vol. 1, 11.6.7 and vol. 2, 2.4 "Exception classes"): a
 * legacy-SSE 16-byte memory operand must be 16-byte aligned (#GP(0)
 * otherwise) for the aligned moves (MOVDQA, MOVAPS, MOVNT*, class 1) and the
 * packed operations (classes 2 and 4), but not for MOVDQU/MOVUPS/MOVUPD/
 * LDDQU (class 4 "unaligned" moves) nor for PCMPESTRx/PCMPISTRx (whose
 * pages say so); 8-, 4- and 2-byte operands (MMX, scalar, PMOVZX, PINSR)
 * are never checked. The check is the VF_ALIGNED flag of LOAD/STA (exec.c).
 * AES-NI, PCLMULQDQ, GFNI and SHA are class 4 too; the AMD host does not
 * check the SHA ones (uop_diff.c keeps their operands aligned).
 *
 * MMX: every MMX instruction other than EMMS sets x87 TOP to 0 and marks
 * every x87 register valid (SDM vol. 1, 9.5.1, Table 9-2); that is the
 * MMXENTER micro-op, emitted last so that a faulting instruction leaves the
 * x87 state untouched (except MASKMOVQ on the AMD host, see uop_diff.c).
 * Real cores rename the x87 tag state and need no micro-op for it, so
 * MMXENTER is unit NONE (eliminated at rename). Before it all, a pending
 * unmasked x87 exception raises #MF (the FWAIT check, first micro-op). EMMS
 * empties every tag and also sets TOP to 0 (Table 9-2).
 *
 * Row parameters (struct crack_row): op = the micro-op, flags = flags it
 * writes, arg = SSE_ELEM(n) | SSE_SIGNED | SSE_SATURATE | SSE_UNALIGNED |
 * SSE_EXTRA, cond = a pattern constant (ext or a fixed immediate). */
#include <string.h>

#include "uops/crack_sse.h"
#include "uops/crack_x87.h"

static const struct x86_operand *operand(const struct cracker *c, int i)
{
	return &c->insn->operands[i];
}

/* The micro-op register of an MMX or XMM register operand (UREG_NONE if it
 * is neither). */
unsigned sse_vreg(unsigned reg)
{
	if (reg >= X86_REG_XMM0 && reg <= X86_REG_XMM31)
		return UREG_V0 + (reg - X86_REG_XMM0);
	if (reg >= X86_REG_MM0 && reg <= X86_REG_MM7)
		return UREG_MM0 + (reg - X86_REG_MM0);
	return UREG_NONE;
}

static int is_mmx_operand(const struct x86_operand *op)
{
	return op->kind == X86_OP_REG && op->reg >= X86_REG_MM0 && op->reg <= X86_REG_MM7;
}

static int is_vector_operand(const struct x86_operand *op)
{
	return op->kind == X86_OP_REG && sse_vreg(op->reg) != UREG_NONE;
}

/* Does the instruction name an MMX register (then it ends with MMXENTER)? */
static int uses_mmx(const struct cracker *c)
{
	for (unsigned i = 0; i < c->insn->noperands; i++)
		if (is_mmx_operand(operand(c, i)))
			return 1;
	return 0;
}

/* Vector length of the instruction: 8 bytes if it works on MMX registers
 * (its first vector register operand is one), else 16. */
static unsigned vector_width(const struct cracker *c)
{
	for (unsigned i = 0; i < c->insn->noperands; i++)
		if (is_vector_operand(operand(c, i)))
			return is_mmx_operand(operand(c, i)) ? 8 : 16;
	return 16;
}

static unsigned row_elem(const struct cracker *c)
{
	return c->row->arg & 0x0F;
}

static unsigned row_vflags(const struct cracker *c)
{
	return (c->row->arg & SSE_SIGNED ? VF_SIGNED : 0) | (c->row->arg & SSE_SATURATE ? VF_SATURATE : 0);
}

void sse_mmx_transition(struct cracker *c)
{
	struct uop *u = crack_emit(c, UOP_MMXENTER, 2);
	u->dst = UREG_FPU_TAG;
}

/* The #MF check of MMX instructions: a pending unmasked x87 exception
 * (FSW.ES) raises #MF before an MMX instruction, EMMS included, does
 * anything (SDM vol. 3A, 12.5.1; vol. 2, EMMS). It is the x87 helper's
 * waiting check, FWAIT with X87_WAIT (unit NONE). */
static void emit_mmx_wait(struct uop *u)
{
	memset(u, 0, sizeof *u);
	u->op = UOP_FWAIT;
	u->width = 1;
	u->cond = COND_ALWAYS;
	u->vflags = X87_WAIT;
}

/* Ends an instruction: for MMX ones, the #MF check goes in front and
 * MMXENTER at the end. */
static void finish(struct cracker *c)
{
	if (!uses_mmx(c))
		return;
	if (c->n >= UOP_MAX_PER_INSN) {
		c->overflow = 1;
		return;
	}
	memmove(c->out + 1, c->out, c->n * sizeof *c->out);
	c->n++;
	emit_mmx_wait(&c->out[0]);
	sse_mmx_transition(c);
}

/* A vector source operand: its register, or a LOAD of `bytes` bytes into
 * vector temporary `temp` (16-byte loads VF_ALIGNED unless the row says
 * SSE_UNALIGNED). */
unsigned sse_read(struct cracker *c, const struct x86_operand *op, unsigned bytes, unsigned temp)
{
	if (op->kind == X86_OP_REG) {
		unsigned r = sse_vreg(op->reg);
		if (r == UREG_NONE)
			c->unsupported = 1;
		return r;
	}
	if (op->kind != X86_OP_MEM) {
		c->unsupported = 1;
		return UREG_NONE;
	}
	struct uop *u = crack_emit(c, UOP_LOAD, bytes);
	u->dst = (uint8_t)temp;
	u->ext = (uint8_t)bytes;
	if (bytes >= 16 && !(c->row->arg & SSE_UNALIGNED))
		u->vflags = VF_ALIGNED;
	crack_address(c, &op->mem, u);
	return temp;
}

/* STA + STD of the low `bytes` bytes of vector register `data`. */
static void store_vector(struct cracker *c, const struct x86_operand *op, unsigned bytes, unsigned data)
{
	struct uop *sta = crack_emit(c, UOP_STA, bytes);
	crack_address(c, &op->mem, sta);
	if (bytes >= 16 && !(c->row->arg & SSE_UNALIGNED))
		sta->vflags = VF_ALIGNED;
	struct uop *std = crack_emit(c, UOP_STD, bytes);
	std->src[0] = (uint8_t)data;
}

static struct uop *emit_vector(struct cracker *c, enum uop_op op, unsigned width, unsigned dst)
{
	struct uop *u = crack_emit(c, op, width);
	u->dst = (uint8_t)dst;
	u->elem = (uint8_t)row_elem(c);
	u->vflags = (uint8_t)row_vflags(c);
	u->flags_write = c->row->flags;
	return u;
}

/* The immediate of the instruction's last operand, if it has one. */
static int64_t last_imm(const struct cracker *c, int *has)
{
	unsigned n = c->insn->noperands;
	*has = n && operand(c, (int)n - 1)->kind == X86_OP_IMM;
	return *has ? operand(c, (int)n - 1)->imm & 0xFF : 0;
}

/* dst = op(dst, src [, imm8]): the packed two-operand instructions (PADDB,
 * PAND, PCMPEQB, PUNPCKLBW, PACKSSWB, PALIGNR, SHUFPS, PBLENDW, AESENC...);
 * cond is the micro-op's ext (VAES: the round kind). */
void crack_sse_binary(struct cracker *c)
{
	unsigned width = vector_width(c);
	unsigned dst = sse_vreg(operand(c, 0)->reg);
	unsigned s = sse_read(c, operand(c, 1), operand(c, 1)->size / 8, UREG_VT0);
	int has;
	int64_t imm = last_imm(c, &has);
	struct uop *u = emit_vector(c, (enum uop_op)c->row->op, width, dst);
	u->src[0] = (uint8_t)dst;
	u->src[1] = (uint8_t)s;
	if (c->insn->noperands == 3 && operand(c, 2)->kind == X86_OP_REG) /* SHA256RNDS2's XMM0 */
		u->src[2] = (uint8_t)sse_vreg(operand(c, 2)->reg);
	u->ext = c->row->cond;
	u->imm = imm;
	finish(c);
}

/* dst = op(src [, imm8]): PABSB, PSHUFD, PMOVZXBW, PHMINPOSUW... cond is
 * the micro-op's ext (PMOVZX source lane size, PSHUFLW/HW half). */
void crack_sse_unary(struct cracker *c)
{
	unsigned width = vector_width(c);
	unsigned dst = sse_vreg(operand(c, 0)->reg);
	unsigned s = sse_read(c, operand(c, 1), operand(c, 1)->size / 8, UREG_VT0);
	int has;
	int64_t imm = last_imm(c, &has);
	struct uop *u = emit_vector(c, (enum uop_op)c->row->op, width, dst);
	u->src[0] = (uint8_t)s;
	u->ext = c->row->cond;
	u->imm = imm;
	finish(c);
}

/* MOVSLDUP, MOVSHDUP, MOVDDUP: a fixed permutation (cond = the PSHUFD
 * control) of the source; MOVDDUP reads a quadword. */
void crack_sse_dup(struct cracker *c)
{
	unsigned dst = sse_vreg(operand(c, 0)->reg);
	unsigned s = sse_read(c, operand(c, 1), operand(c, 1)->size / 8, UREG_VT0);
	struct uop *u = emit_vector(c, UOP_VPSHUF, 16, dst);
	u->elem = 4;
	u->src[0] = (uint8_t)s;
	u->imm = c->row->cond;
}

/* Shifts by an immediate count (groups 12-14): the register is operand 0. */
void crack_sse_shift_imm(struct cracker *c)
{
	unsigned width = vector_width(c);
	unsigned r = sse_vreg(operand(c, 0)->reg);
	struct uop *u = emit_vector(c, (enum uop_op)c->row->op, width, r);
	u->src[0] = (uint8_t)r;
	u->imm = operand(c, 1)->imm & 0xFF;
	finish(c);
}

/* Whole-register moves: MOVDQA/MOVDQU/MOVAPS/MOVUPS/MOVAPD/MOVUPD, MOVQ mm,
 * LDDQU, MOVNTDQA, MOVNTDQ/MOVNTPS/MOVNTPD/MOVNTQ. A load goes straight to
 * the destination register (1 micro-op, as Intel), a store is STA + STD. */
void crack_sse_move(struct cracker *c)
{
	const struct x86_operand *d = operand(c, 0), *s = operand(c, 1);
	unsigned width = vector_width(c);
	if (d->kind == X86_OP_MEM) {
		store_vector(c, d, width, sse_vreg(s->reg));
	} else if (s->kind == X86_OP_MEM) {
		sse_read(c, s, width, sse_vreg(d->reg));
	} else {
		struct uop *u = emit_vector(c, UOP_VMOV, width, sse_vreg(d->reg));
		u->src[0] = (uint8_t)sse_vreg(s->reg);
	}
	finish(c);
}

/* Moves of the low part (MOVD, MOVQ in all directions, MOVQ2DQ, MOVDQ2Q,
 * MOVSS/MOVSD loads and stores): `bytes` = the smaller operand. Into a
 * vector register the rest is zeroed (SDM vol. 2, MOVD/MOVQ; MOVSS xmm,
 * m32); a GPR destination takes lane 0 (a 32-bit one zero-extends). */
void crack_sse_movlow(struct cracker *c)
{
	const struct x86_operand *d = operand(c, 0), *s = operand(c, 1);
	unsigned bytes = (d->size < s->size ? d->size : s->size) / 8;
	unsigned width = vector_width(c);
	if (d->kind == X86_OP_MEM) {
		store_vector(c, d, bytes, sse_vreg(s->reg));
	} else if (!is_vector_operand(d)) {
		int hi;
		struct uop *u = crack_emit(c, UOP_VEXTRACT, bytes);
		u->dst = (uint8_t)crack_gpr(d->reg, &hi);
		u->src[0] = (uint8_t)sse_vreg(s->reg);
		u->elem = (uint8_t)bytes;
	} else if (s->kind == X86_OP_MEM) {
		sse_read(c, s, bytes, sse_vreg(d->reg));
	} else if (!is_vector_operand(s)) {
		int hi;
		struct uop *u = crack_emit(c, UOP_VINSERT, width);
		u->dst = (uint8_t)sse_vreg(d->reg);
		u->src[1] = (uint8_t)crack_gpr(s->reg, &hi);
		u->elem = (uint8_t)bytes;
	} else {
		struct uop *u = crack_emit(c, bytes < width ? UOP_VZEXT : UOP_VMOV, width);
		u->dst = (uint8_t)sse_vreg(d->reg);
		u->src[0] = (uint8_t)sse_vreg(s->reg);
		u->ext = (uint8_t)bytes;
	}
	finish(c);
}

/* Moves that merge the low lane (elem bytes) into the destination: MOVSS/
 * MOVSD between registers, MOVLPS/MOVLPD loads (load + blend, as Intel's
 * load + p5); stores of the low lane (MOVLPS/MOVLPD m64, MOVSS m32 via 0F 11
 * with a register operand is a merge too). */
void crack_sse_merge_low(struct cracker *c)
{
	const struct x86_operand *d = operand(c, 0), *s = operand(c, 1);
	unsigned elem = row_elem(c);
	if (d->kind == X86_OP_MEM) {
		store_vector(c, d, elem, sse_vreg(s->reg));
		return;
	}
	unsigned dst = sse_vreg(d->reg);
	unsigned src = sse_read(c, s, elem, UREG_VT0);
	struct uop *u = emit_vector(c, UOP_VBLEND, 16, dst);
	u->src[0] = (uint8_t)dst;
	u->src[1] = (uint8_t)src;
	u->imm = 1;
}

/* The high quadword: MOVHPS/MOVHPD xmm, m64 and MOVLHPS (dst.hi = src.lo:
 * VUNPCKL), MOVHLPS (dst.lo = src.hi: VUNPCKH of src and dst), MOVHPS/MOVHPD
 * m64, xmm (VUNPCKH into VT0, then the store; Intel stores the high half
 * without the shuffle, one micro-op fewer). */
void crack_sse_movhigh(struct cracker *c)
{
	const struct x86_operand *d = operand(c, 0), *s = operand(c, 1);
	if (d->kind == X86_OP_MEM) {
		unsigned v = sse_vreg(s->reg);
		struct uop *u = crack_emit(c, UOP_VUNPCKH, 16);
		u->dst = UREG_VT0;
		u->src[0] = u->src[1] = (uint8_t)v;
		u->elem = 8;
		store_vector(c, d, 8, UREG_VT0);
		return;
	}
	unsigned dst = sse_vreg(d->reg);
	unsigned src = sse_read(c, s, 8, UREG_VT0);
	struct uop *u = crack_emit(c, (enum uop_op)c->row->op, 16);
	u->dst = (uint8_t)dst;
	u->elem = 8;
	if (c->row->op == UOP_VUNPCKH) { /* MOVHLPS */
		u->src[0] = (uint8_t)src;
		u->src[1] = (uint8_t)dst;
	} else {
		u->src[0] = (uint8_t)dst;
		u->src[1] = (uint8_t)src;
	}
}

/* A GPR or memory result from a vector source: PEXTRB/W/D/Q, EXTRACTPS
 * (VEXTRACT, lane = imm mod lanes; to memory through T0 and a store of the
 * lane, as Intel's extract + store), PMOVMSKB/MOVMSKPS/MOVMSKPD (VMOVMSK). */
void crack_sse_extract(struct cracker *c)
{
	const struct x86_operand *d = operand(c, 0), *s = operand(c, 1);
	unsigned elem = row_elem(c), vbytes = is_mmx_operand(s) ? 8 : 16;
	unsigned dbytes = d->size / 8 >= 8 ? 8 : 4;
	int hi, has;
	int64_t imm = last_imm(c, &has);
	unsigned dst = d->kind == X86_OP_MEM ? crack_temp(c) : crack_gpr(d->reg, &hi);
	struct uop *u = crack_emit(c, (enum uop_op)c->row->op, dbytes);
	u->dst = (uint8_t)dst;
	u->src[0] = (uint8_t)sse_vreg(s->reg);
	u->elem = (uint8_t)elem;
	u->ext = (uint8_t)vbytes;
	u->imm = has ? imm & (vbytes / elem - 1) : 0;
	if (d->kind == X86_OP_MEM) {
		struct value v = { .reg = dst };
		crack_store(c, d, elem, v);
	}
	finish(c);
}

/* PINSRB/W/D/Q: lane imm mod lanes of the destination = a GPR or a memory
 * element (loaded into T0 first, as Intel's load + p5). */
void crack_sse_insert(struct cracker *c)
{
	const struct x86_operand *d = operand(c, 0), *s = operand(c, 1);
	unsigned elem = row_elem(c), width = vector_width(c);
	int has;
	int64_t imm = last_imm(c, &has);
	struct value v = crack_read(c, s, elem);
	unsigned dst = sse_vreg(d->reg);
	struct uop *u = crack_emit(c, UOP_VINSERT, width);
	u->dst = (uint8_t)dst;
	u->src[0] = (uint8_t)dst;
	u->src[1] = (uint8_t)v.reg;
	u->elem = (uint8_t)elem;
	u->imm = imm & (width / elem - 1);
	finish(c);
}

/* INSERTPS: a memory source is one dword (imm[7:6] ignored, SDM vol. 2). */
void crack_sse_insertps(struct cracker *c)
{
	const struct x86_operand *d = operand(c, 0), *s = operand(c, 1);
	int has;
	int64_t imm = last_imm(c, &has);
	unsigned dst = sse_vreg(d->reg);
	unsigned src = sse_read(c, s, 4, UREG_VT0);
	if (s->kind == X86_OP_MEM)
		imm &= 0x3F;
	struct uop *u = crack_emit(c, UOP_VINSERTPS, 16);
	u->dst = (uint8_t)dst;
	u->src[0] = (uint8_t)dst;
	u->src[1] = (uint8_t)src;
	u->elem = 4;
	u->imm = imm;
}

/* PBLENDVB, BLENDVPS, BLENDVPD: the mask is XMM0 (the third operand). */
void crack_sse_blendv(struct cracker *c)
{
	unsigned dst = sse_vreg(operand(c, 0)->reg);
	unsigned s = sse_read(c, operand(c, 1), 16, UREG_VT0);
	struct uop *u = emit_vector(c, UOP_VBLENDV, 16, dst);
	u->src[0] = (uint8_t)dst;
	u->src[1] = (uint8_t)s;
	u->src[2] = UREG_V0;
}

/* PTEST: flags only. */
void crack_sse_ptest(struct cracker *c)
{
	unsigned a = sse_vreg(operand(c, 0)->reg);
	unsigned s = sse_read(c, operand(c, 1), 16, UREG_VT0);
	struct uop *u = emit_vector(c, UOP_VPTEST, 16, UREG_NONE);
	u->src[0] = (uint8_t)a;
	u->src[1] = (uint8_t)s;
	u->flags_write = UF_ARITH;
}

/* PHADDW/D/SW, PHSUBW/D/SW: the even lanes and the odd lanes of dst:src
 * gathered by two shuffles, then one add or subtract, as Intel (2 p5 +
 * 1 p015). */
void crack_sse_horizontal(struct cracker *c)
{
	unsigned width = vector_width(c);
	unsigned dst = sse_vreg(operand(c, 0)->reg);
	unsigned s = sse_read(c, operand(c, 1), width, UREG_VT0);
	for (unsigned odd = 0; odd < 2; odd++) {
		struct uop *u = emit_vector(c, UOP_VEVENODD, width, odd ? UREG_VT2 : UREG_VT1);
		u->vflags = 0;
		u->src[0] = (uint8_t)dst;
		u->src[1] = (uint8_t)s;
		u->imm = odd;
	}
	struct uop *u = emit_vector(c, (enum uop_op)c->row->op, width, dst);
	u->src[0] = UREG_VT1;
	u->src[1] = UREG_VT2;
	finish(c);
}

/* PCMPESTRI/M, PCMPISTRI/M (SDM vol. 2, 4.1 "Imm8 control byte"). The
 * memory operand need not be aligned. Explicit lengths (arg SSE_EXTRA):
 * VSTRLEN of EAX/EDX (RAX/RDX with REX.W) first. cond 1: the mask forms
 * (result in XMM0), else the index forms (ECX). Intel: 3 micro-ops for
 * PCMPISTRx, 8-9 for PCMPESTRx; here 1-2 (+ the load). */
void crack_sse_pcmpstr(struct cracker *c)
{
	unsigned a = sse_vreg(operand(c, 0)->reg);
	unsigned s = sse_read(c, operand(c, 1), 16, UREG_VT0);
	int has;
	int64_t imm = last_imm(c, &has);
	unsigned lengths = UREG_NONE, elem = (imm & 1) ? 2 : 1;
	if (c->row->arg & SSE_EXTRA) {
		unsigned w = (c->insn->rex & 8) ? 8 : 4;
		struct uop *l = crack_emit(c, UOP_VSTRLEN, w);
		l->dst = UREG_VT1;
		l->src[0] = UREG_RAX;
		l->src[1] = UREG_RDX;
		l->elem = (uint8_t)elem;
	}
	if (c->row->arg & SSE_EXTRA)
		lengths = UREG_VT1;
	int mask = c->row->cond == 1;
	struct uop *u = crack_emit(c, UOP_VPCMPSTR, mask ? 16 : 4);
	u->dst = mask ? UREG_V0 : UREG_RCX;
	u->src[0] = (uint8_t)a;
	u->src[1] = (uint8_t)s;
	u->src[2] = (uint8_t)lengths;
	u->elem = (uint8_t)elem;
	u->imm = imm;
	u->flags_write = UF_ARITH;
}

/* CRC32 r32/r64, r/m8/16/32/64: load (if memory) + 1 micro-op (Intel: p1,
 * latency 3). The 64-bit form's result is the 32-bit CRC zero-extended. */
void crack_sse_crc32(struct cracker *c)
{
	const struct x86_operand *d = operand(c, 0), *s = operand(c, 1);
	unsigned sbytes = s->size / 8;
	struct value v = crack_read(c, s, sbytes);
	int hi;
	unsigned dst = crack_gpr(d->reg, &hi);
	struct uop *u = crack_emit(c, UOP_CRC32, d->size / 8);
	u->dst = (uint8_t)dst;
	u->src[0] = (uint8_t)dst;
	crack_set_src(u, 1, v);
	u->ext = (uint8_t)sbytes;
}

/* EMMS: the x87 tag word all empty (SDM vol. 2, EMMS). */
void crack_sse_emms(struct cracker *c)
{
	emit_mmx_wait(crack_emit(c, UOP_FWAIT, 1));
	struct uop *u = crack_emit(c, UOP_EMMS, 2);
	u->dst = UREG_FPU_TAG;
}

/* MASKMOVQ/MASKMOVDQU: the bytes of the first operand whose mask byte
 * (second operand) has bit 7 set go to DS:[rDI] (SDM vol. 2, MASKMOVDQU).
 * A byte-masked store: here load + byte blend + full store (4 micro-ops;
 * Intel: 10 for MASKMOVDQU). The rewrite of the unselected bytes with
 * their own values is invisible to a single thread. */
void crack_sse_maskmov(struct cracker *c)
{
	unsigned width = vector_width(c);
	struct x86_mem m = { 0 };
	m.segment = c->insn->segment_override ? c->insn->segment_override : X86_REG_DS;
	m.base = c->insn->address_size == 64 ? X86_REG_RDI : c->insn->address_size == 32 ? X86_REG_EDI : X86_REG_DI;
	m.scale = 1;
	struct uop *l = crack_emit(c, UOP_LOAD, width);
	l->dst = UREG_VT0;
	l->ext = (uint8_t)width;
	crack_address(c, &m, l);
	struct uop *u = crack_emit(c, UOP_VBLENDV, width);
	u->dst = UREG_VT0;
	u->src[0] = UREG_VT0;
	u->src[1] = (uint8_t)sse_vreg(operand(c, 0)->reg);
	u->src[2] = (uint8_t)sse_vreg(operand(c, 1)->reg);
	u->elem = 1;
	struct uop *sta = crack_emit(c, UOP_STA, width);
	crack_address(c, &m, sta);
	struct uop *std = crack_emit(c, UOP_STD, width);
	std->src[0] = UREG_VT0;
	finish(c);
}
