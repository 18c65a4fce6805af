/* crack_bmi.c - cracking patterns of the VEX-encoded general-purpose
 * instructions (BMI1: ANDN, BEXTR, BLSI, BLSMSK, BLSR; BMI2: BZHI, MULX,
 * PDEP, PEXT, RORX, SARX, SHLX, SHRX) and of CMPXCHG16B, RDTSCP, RDPID and
 * the cache-line flushes. Operand size: VEX.W=1 gives 64-bit operands in
 * 64-bit mode, else 32 (the decoder's "y" operands carry it; VEX.L=1 is
 * #UD, enforced by the decoder's L0). Micro-op counts: Skylake (uops.info)
 * where the semantics allow; the differences are commented. */
#include "uops/crack_bmi.h"

static const struct x86_operand *operand(const struct cracker *c, int i)
{
	return &c->insn->operands[i];
}

static unsigned op_width(const struct cracker *c, int i)
{
	return c->insn->operands[i].size / 8;
}

/* dst = op(src0 [, src1 | imm]): one micro-op (and a LOAD for a memory
 * source). Operand order per form (decoder/forms_vex.def):
 *   ANDN Gy, By, Ey         dst = ~By & Ey
 *   PDEP/PEXT Gy, By, Ey    src0 = By, src1 = Ey (the mask)
 *   BZHI/BEXTR/SHLX/SARX/SHRX Gy, Ey, By   src0 = Ey, src1 = By
 *   BLSI/BLSMSK/BLSR By, Ey src0 = Ey
 *   RORX Gy, Ey, Ib         src0 = Ey, imm
 * The memory operand is always Ey, read before anything is written. The
 * flag groups written come from the row (0 for the BMI2 shifts, PDEP,
 * PEXT and RORX: they leave RFLAGS alone). */
void crack_bmi(struct cracker *c)
{
	unsigned width = op_width(c, 0);
	struct value s0 = crack_read(c, operand(c, 1), width);
	struct value s1 = { 0 };
	if (c->insn->noperands > 2)
		s1 = crack_read(c, operand(c, 2), width);
	struct value d = crack_dest(c, operand(c, 0));
	struct uop *u = crack_emit(c, c->row->op, width);
	crack_set_src(u, 0, s0);
	if (c->insn->noperands > 2)
		crack_set_src(u, 1, s1); /* an immediate (RORX) goes to imm */
	crack_set_dst(u, d);
	u->flags_write = c->row->flags;
}

/* MULX Gy, By, Ey: By = low half, Gy = high half of rDX * Ey, unsigned;
 * no flags (SDM vol. 2, MULX). Skylake: 2 micro-ops (uops.info). Here 3:
 * the high half goes to a temporary first, because the executor runs
 * micro-ops in order and By may be rDX or Ey; with Gy = By the high half
 * must win (SDM vol. 2, MULX: with identical first and second operands
 * the register holds the high half), so the move of the high half comes
 * last. The MOV is a rename-time move (eliminated on real cores). */
void crack_mulx(struct cracker *c)
{
	unsigned width = op_width(c, 0);
	struct value s = crack_read(c, operand(c, 2), width);
	struct value hi = crack_dest(c, operand(c, 0)), lo = crack_dest(c, operand(c, 1));
	unsigned t = crack_temp(c);
	struct uop *u = crack_emit(c, UOP_MULHI, width);
	u->src[0] = UREG_RDX;
	crack_set_src(u, 1, s);
	u->dst = (uint8_t)t; /* flags_write 0: no flags */
	u = crack_emit(c, UOP_MULLO, width);
	u->src[0] = UREG_RDX;
	crack_set_src(u, 1, s);
	crack_set_dst(u, lo);
	u = crack_emit(c, UOP_MOV, width);
	u->src[0] = (uint8_t)t;
	crack_set_dst(u, hi);
}

/* CMPXCHG16B m128 (SDM vol. 2, CMPXCHG8B/CMPXCHG16B): #GP(0) unless m128 is
 * 16-byte aligned; if RDX:RAX == m128 then ZF = 1 and m128 = RCX:RBX, else
 * ZF = 0 and RDX:RAX = m128, and the old value is written back (the
 * destination always receives a write cycle). The other flags are
 * unchanged.
 *
 * Choice: one 16-byte LOAD into the vector temporary VT0 with VF_ALIGNED
 * (the alignment check and the read in one micro-op, as an aligned SSE
 * load does) and two VEXTRACTs of its quadwords, rather than two 8-byte
 * loads plus a separate alignment-check micro-op. The stores are two
 * 8-byte STA/STD pairs: both halves lie in the same aligned 16 bytes, so
 * the first STA's write check covers the page of both. The comparison of
 * the 128-bit values is XOR, XOR, OR (flag-less) and CMPEQ of the result
 * with zero, which sets ZF only. 18 micro-ops on the longest path, with
 * micro-branches; Intel's microcode takes ~19 (Skylake, uops.info). */
void crack_cmpxchg16b(struct cracker *c)
{
	const struct x86_operand *m = operand(c, 0);
	struct uop *u = crack_emit(c, UOP_LOAD, 16);
	u->dst = UREG_VT0;
	u->vflags = VF_ALIGNED;
	crack_address(c, &m->mem, u);
	unsigned lo = crack_temp(c), hi = crack_temp(c), t = crack_temp(c), t2 = crack_temp(c);
	u = crack_emit(c, UOP_VEXTRACT, 8);
	u->src[0] = UREG_VT0;
	u->dst = (uint8_t)lo;
	u->elem = 8;
	u->imm = 0;
	u = crack_emit(c, UOP_VEXTRACT, 8);
	u->src[0] = UREG_VT0;
	u->dst = (uint8_t)hi;
	u->elem = 8;
	u->imm = 1;
	u = crack_emit(c, UOP_XOR, 8);
	u->src[0] = (uint8_t)lo;
	u->src[1] = UREG_RAX;
	u->dst = (uint8_t)t;
	u = crack_emit(c, UOP_XOR, 8);
	u->src[0] = (uint8_t)hi;
	u->src[1] = UREG_RDX;
	u->dst = (uint8_t)t2;
	u = crack_emit(c, UOP_OR, 8);
	u->src[0] = (uint8_t)t;
	u->src[1] = (uint8_t)t2;
	u->dst = (uint8_t)t;
	u = crack_emit(c, UOP_CMPEQ, 8); /* ZF = (t == 0): src1 none reads 0 */
	u->src[0] = (uint8_t)t;
	u->flags_write = UF_OSZAP;
	u = crack_emit(c, UOP_UBRCC, 1);
	u->cond = COND_NE;
	u->flags_read = UF_OSZAP;
	unsigned to_failure = c->n - 1;
	/* Equal: m128 = RCX:RBX. */
	struct uop *sta = crack_emit(c, UOP_STA, 8);
	crack_address(c, &m->mem, sta);
	u = crack_emit(c, UOP_STD, 8);
	u->src[0] = UREG_RBX;
	sta = crack_emit(c, UOP_STA, 8);
	crack_address(c, &m->mem, sta);
	sta->imm += 8;
	u = crack_emit(c, UOP_STD, 8);
	u->src[0] = UREG_RCX;
	crack_emit(c, UOP_UBRCC, 1); /* cond ALWAYS */
	unsigned to_end = c->n - 1;
	/* Not equal: the old value written back, RDX:RAX = m128. */
	c->out[to_failure].imm = c->n;
	sta = crack_emit(c, UOP_STA, 8);
	crack_address(c, &m->mem, sta);
	u = crack_emit(c, UOP_STD, 8);
	u->src[0] = (uint8_t)lo;
	sta = crack_emit(c, UOP_STA, 8);
	crack_address(c, &m->mem, sta);
	sta->imm += 8;
	u = crack_emit(c, UOP_STD, 8);
	u->src[0] = (uint8_t)hi;
	u = crack_emit(c, UOP_MOV, 8);
	u->src[0] = (uint8_t)lo;
	u->dst = UREG_RAX;
	u = crack_emit(c, UOP_MOV, 8);
	u->src[0] = (uint8_t)hi;
	u->dst = UREG_RDX;
	c->out[to_end].imm = c->n;
}

/* RDTSCP: EDX:EAX = TSC, ECX = IA32_TSC_AUX (SDM vol. 2, RDTSCP). The
 * TSC_AUX value comes from struct uop_env's tsc_aux callback (Linux puts
 * node << 12 | cpu there), 0 without one. */
void crack_rdtscp(struct cracker *c)
{
	crack_emit(c, UOP_RDTSC, 8);
	struct uop *u = crack_emit(c, UOP_RDTSCAUX, 4);
	u->dst = UREG_RCX;
}

/* RDPID r32/r64: the register = IA32_TSC_AUX (SDM vol. 2, RDPID). */
void crack_rdpid(struct cracker *c)
{
	struct value d = crack_dest(c, operand(c, 0));
	struct uop *u = crack_emit(c, UOP_RDTSCAUX, op_width(c, 0));
	crack_set_dst(u, d);
}

/* CLFLUSH, CLFLUSHOPT, CLWB m8: no architectural effect in a model without
 * caches, but the access is checked like a byte load: an unmapped or
 * inaccessible address is #PF (SDM vol. 2, CLFLUSH: it is subject to all
 * the permission checks and faults of a byte load). One LOAD whose value is dropped
 * (into a temporary); the timing model may give the flush its own cost. */
void crack_clflush(struct cracker *c)
{
	struct uop *u = crack_emit(c, UOP_LOAD, 1);
	u->dst = (uint8_t)crack_temp(c);
	u->ext = 1;
	crack_address(c, &operand(c, 0)->mem, u);
}
