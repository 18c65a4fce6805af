/* crack_x87.c - cracking of the x87 instructions (SDM vol. 1, chapter 8;
 * vol. 2 instruction pages) into the micro-ops of uops_x87.def.
 *
 * Shapes (Skylake counts from Agner Fog's tables in brackets; ours differ
 * by the explicit TOP micro-ops, see uops_x87.def):
 *   FADD ST(0), ST(i)        FADD                               [1]
 *   FADDP ST(i), ST(0)       FADD, FINCTOP                      [1]
 *   FADD m64fp               FWAIT, LOAD, FADD                  [2]
 *   FLD m64fp                FWAIT, LOAD, FLDM, FDECTOP         [1]
 *   FLD m80fp                FWAIT, LOAD (10 bytes), FLDM, FDECTOP  [4]
 *   FSTP m64fp               FWAIT, STA, FSTD, FINCTOP          [2]
 *   FCOMPP                   FCOM, FINCTOP, FINCTOP             [2]
 *   FXCH ST(i)               FXCH                               [2, eliminated]
 *   FNSTSW AX                FRDSW                              [2]
 *   FNSTENV m28              FENVIMG, STA, STD, FSETCW          [~100, microcode]
 *   FXSAVE m512              CHKALIGN, LOAD (probe), 7 x (FXIMG, STA, STD)  [~110, microcode]
 * Forms with a memory operand start with FWAIT (unit NONE): the #MF check
 * must precede the operand's page fault, and it computes the effective
 * address the instruction records as FDP. Register forms check #MF in their
 * computing micro-op (X87_WAIT).
 * The computing micro-op of a popping form computes like its non-popping
 * form (FADDP = FADD + pop); imm holds the FOP of the form the executor
 * runs (bits 10:0) and of the instruction itself (bits 26:16, for the
 * FOP register). A row's `cond` counts the pops (1, 2) or says push
 * (X87_PUSH), except for FCMOVcc where it is the condition; its `arg` is
 * the memory operand's format (enum x87_format). */
#include "uops/crack_x87.h"

#define X87_PUSH 0x80

static unsigned st_reg(const struct x86_operand *op)
{
	return UREG_ST0 + (unsigned)(op->reg - X86_REG_ST0);
}

/* FOP: the low three bits of the escape opcode and the ModRM byte (SDM
 * vol. 1, 8.1.10). */
static unsigned fop_of(const struct cracker *c)
{
	return ((c->insn->opcode & 7u) << 8) | c->insn->modrm;
}

/* The form the executor runs for the computing micro-op: the documented
 * popping forms without their pops. The undocumented aliases (FSTP1,
 * FCOMP3, FFREEP...) run as themselves, popping on the host: the executor
 * keeps TOP and the FINCTOP micro-op does the pop (the aliases are not all
 * exact copies of the documented forms: this host's D9 D8+i does not
 * signal stack underflow). */
static unsigned host_fop(unsigned fop)
{
	unsigned op = fop >> 8, modrm = fop & 0xFF, reg = (modrm >> 3) & 7, i = modrm & 7;
	if (modrm < 0xC0) {
		/* FCOMP/FICOMP m -> FCOM/FICOM m (D8 DA DC DE /3 -> /2);
		 * FSTP/FISTP m32/m64/m16 -> FST/FIST (D9 DB DD DF /3 -> /2). */
		if (reg == 3)
			return (op << 8) | (modrm & ~0x38u) | (2u << 3);
		return fop;
	}
	switch (op) {
	case 0: /* D8 D8+i FCOMP -> D8 D0+i FCOM */
		return reg == 3 ? 0x0D0 | i : fop;
	case 2: /* DA E9 FUCOMPP -> DD E1 FUCOM ST(1) */
		return modrm == 0xE9 ? 0x5E1 : fop;
	case 5: /* DD D8+i FSTP -> DD D0+i FST; DD E8+i FUCOMP -> DD E0+i FUCOM */
		if (reg == 3)
			return 0x5D0 | i;
		if (reg == 5)
			return 0x5E0 | i;
		return fop;
	case 6: /* DE: the popping arithmetic -> DC; FCOMPP -> FCOM ST(1) */
		if (modrm == 0xD9)
			return 0x0D1;
		if (reg == 2)
			return fop; /* FCOMP5 alias: runs as itself */
		return (4u << 8) | modrm;
	case 7: /* DF E8+i FUCOMIP, F0+i FCOMIP -> DB E8+i FUCOMI, F0+i FCOMI */
		if (reg == 5 || reg == 6)
			return 0x300 | modrm;
		return fop;
	default:
		return fop;
	}
}

/* The #MF check of a waiting instruction with a memory operand: a pending
 * exception is reported before the operand's page fault (SDM vol. 1, 8.6:
 * the check precedes the instruction), so it comes before the LOAD/STA. */
static void wait_first(struct cracker *c)
{
	struct uop *u = crack_emit(c, UOP_FWAIT, 1);
	u->vflags = X87_WAIT;
	u->src[0] = UREG_FPU_SW;
}

/* The same for a non-control instruction with a memory operand: the FWAIT
 * micro-op also computes the operand's effective address into a temporary,
 * which the computing micro-op records as the data pointer (FDP; `scale`
 * of the computing micro-op = 1 + the segment register for FDS). */
static unsigned wait_first_pointer(struct cracker *c, const struct x86_operand *op)
{
	struct uop *u = crack_emit(c, UOP_FWAIT, 8);
	u->vflags = X87_WAIT;
	crack_address(c, &op->mem, u);
	u->src[0] = UREG_NONE;
	u->dst = (uint8_t)crack_temp(c);
	return u->dst;
}

static void set_pointer(struct uop *u, unsigned ea, const struct x86_operand *op)
{
	u->src[2] = (uint8_t)ea;
	u->scale = (uint8_t)(1 + op->mem.segment - X86_REG_ES);
}

/* The computing micro-op; it carries the #MF check of the instruction
 * unless a FWAIT micro-op did it before a memory access. */
static struct uop *compute(struct cracker *c, enum uop_op op)
{
	int checked = c->n && c->out[0].op == UOP_FWAIT;
	struct uop *u = crack_emit(c, op, 10);
	unsigned fop = fop_of(c);
	u->imm = (int64_t)(host_fop(fop) | fop << 16);
	u->vflags = checked ? 0 : X87_WAIT;
	u->flags_write = c->row->flags;
	/* The host instruction itself pushes or pops: the executor then sees
	 * from the host whether the TOP change happened. */
	u->elem = c->row->cond == X87_PUSH || (c->row->cond && host_fop(fop) == fop && c->row->op != UOP_FCMOV);
	return u;
}

static void top_change(struct cracker *c)
{
	unsigned cond = c->row->cond;
	if (cond == X87_PUSH) {
		struct uop *u = crack_emit(c, UOP_FDECTOP, 1);
		u->dst = UREG_FPU_TOP;
		u->src[0] = UREG_FPU_TOP;
		return;
	}
	for (unsigned i = 0; i < cond; i++) {
		struct uop *u = crack_emit(c, UOP_FINCTOP, 1);
		u->dst = UREG_FPU_TOP;
		u->src[0] = UREG_FPU_TOP;
	}
}

/* A memory source operand: LOAD into a GPR temporary (m16, m32, m64) or a
 * vector temporary (m80fp, m80bcd: 10 bytes). */
static unsigned load_operand(struct cracker *c, const struct x86_operand *op, unsigned format)
{
	unsigned bytes = format & 0x7F;
	struct uop *u = crack_emit(c, UOP_LOAD, bytes);
	u->dst = (uint8_t)(bytes == 10 ? UREG_VT0 : crack_temp(c));
	u->ext = (uint8_t)bytes;
	crack_address(c, &op->mem, u);
	return u->dst;
}

/* FADD/FSUB/FSUBR/FMUL/FDIV/FDIVR and FIADD..., all forms. */
void crack_x87_arith(struct cracker *c)
{
	const struct x86_insn *in = c->insn;
	if (in->operands[0].kind == X86_OP_MEM) {
		unsigned ea = wait_first_pointer(c, &in->operands[0]);
		unsigned t = load_operand(c, &in->operands[0], c->row->arg);
		struct uop *u = compute(c, c->row->op);
		set_pointer(u, ea, &in->operands[0]);
		u->dst = UREG_ST0;
		u->src[0] = UREG_ST0;
		u->src[1] = (uint8_t)t;
		u->ext = c->row->arg;
	} else {
		struct uop *u = compute(c, c->row->op);
		u->dst = (uint8_t)st_reg(&in->operands[0]);
		u->src[0] = u->dst;
		u->src[1] = (uint8_t)st_reg(&in->operands[1]);
	}
	top_change(c);
}

/* FCOM/FCOMP/FUCOM*, FICOM*, FCOMPP, FCOMI*, FTST, FXAM. */
void crack_x87_compare(struct cracker *c)
{
	const struct x86_insn *in = c->insn;
	unsigned other = UREG_NONE, ea = UREG_NONE;
	if (in->noperands && in->operands[0].kind == X86_OP_MEM) {
		ea = wait_first_pointer(c, &in->operands[0]);
		other = load_operand(c, &in->operands[0], c->row->arg);
	} else if (in->noperands)
		other = st_reg(&in->operands[in->noperands - 1]);
	else if (c->row->op == UOP_FCOM || c->row->op == UOP_FUCOM)
		other = UREG_ST1; /* FCOMPP, FUCOMPP */
	struct uop *u = compute(c, c->row->op);
	u->dst = c->row->op == UOP_FCOMI || c->row->op == UOP_FUCOMI ? UREG_NONE : UREG_FPU_SW;
	u->src[0] = UREG_ST0;
	u->src[1] = (uint8_t)other;
	u->ext = c->row->arg;
	if (ea != UREG_NONE)
		set_pointer(u, ea, &in->operands[0]);
	top_change(c);
}

/* FLD m32fp/m64fp/m80fp, FLD ST(i), FILD, FBLD: a push. */
void crack_x87_load(struct cracker *c)
{
	const struct x86_insn *in = c->insn;
	unsigned from, ea = UREG_NONE;
	if (in->operands[0].kind == X86_OP_MEM) {
		ea = wait_first_pointer(c, &in->operands[0]);
		from = load_operand(c, &in->operands[0], c->row->arg);
	} else {
		from = st_reg(&in->operands[0]);
	}
	struct uop *u = compute(c, c->row->op);
	if (ea != UREG_NONE)
		set_pointer(u, ea, &in->operands[0]);
	u->dst = UREG_ST7;
	u->src[0] = (uint8_t)from;
	u->ext = c->row->arg;
	top_change(c);
}

/* FLD1, FLDL2T, FLDL2E, FLDPI, FLDLG2, FLDLN2, FLDZ. */
void crack_x87_const(struct cracker *c)
{
	struct uop *u = compute(c, UOP_FLDC);
	u->dst = UREG_ST7;
	top_change(c);
}

/* FST/FSTP (memory and ST(i)), FIST/FISTP/FISTTP, FBSTP. */
void crack_x87_store(struct cracker *c)
{
	const struct x86_insn *in = c->insn;
	const struct x86_operand *op = &in->operands[0];
	if (op->kind == X86_OP_MEM) {
		unsigned bytes = c->row->arg & 0x7F;
		unsigned ea = wait_first_pointer(c, op);
		struct uop *sta = crack_emit(c, UOP_STA, bytes);
		crack_address(c, &op->mem, sta);
		struct uop *u = compute(c, c->row->op);
		set_pointer(u, ea, op);
		u->width = (uint8_t)bytes;
		u->src[0] = UREG_ST0;
		u->ext = c->row->arg;
	} else {
		struct uop *u = compute(c, UOP_FMOV);
		u->dst = (uint8_t)st_reg(op);
		u->src[0] = UREG_ST0;
	}
	top_change(c);
}

/* Operations on ST(0) (and ST(1)). */
void crack_x87_unary(struct cracker *c)
{
	struct uop *u = compute(c, c->row->op);
	switch (c->row->op) {
	case UOP_FSCALE: case UOP_FPREM: case UOP_FPREM1:
		u->dst = UREG_ST0;
		u->src[0] = UREG_ST0;
		u->src[1] = UREG_ST1;
		break;
	case UOP_FYL2X: case UOP_FYL2XP1: case UOP_FPATAN:
		u->dst = UREG_ST1;
		u->src[0] = UREG_ST0;
		u->src[1] = UREG_ST1;
		break;
	case UOP_FPTAN: case UOP_FSINCOS: case UOP_FXTRACT:
		u->dst = UREG_ST7;
		u->src[0] = UREG_ST0;
		break;
	case UOP_FFREE:
		u->src[0] = (uint8_t)st_reg(&c->insn->operands[0]);
		break;
	default:
		u->dst = UREG_ST0;
		u->src[0] = UREG_ST0;
		break;
	}
	top_change(c);
}

void crack_x87_xch(struct cracker *c)
{
	struct uop *u = compute(c, UOP_FXCH);
	u->dst = (uint8_t)st_reg(&c->insn->operands[0]);
	u->src[0] = UREG_ST0;
	u->src[1] = u->dst;
}

void crack_x87_cmov(struct cracker *c)
{
	struct uop *u = compute(c, UOP_FCMOV);
	u->dst = UREG_ST0;
	u->src[0] = UREG_ST0;
	u->src[1] = (uint8_t)st_reg(&c->insn->operands[1]);
	u->cond = c->row->cond;
	u->flags_read = UF_ARITH;
	u->flags_write = 0;
}

/* Control: FINCSTP/FDECSTP, FWAIT/FNOP, FLDCW, FNSTCW, FNSTSW, FNCLEX,
 * FNINIT, the 8087 no-ops. */
void crack_x87_control(struct cracker *c)
{
	const struct x86_insn *in = c->insn;
	unsigned fop = fop_of(c);
	struct uop *u;
	switch (c->row->op) {
	case UOP_FINCTOP: case UOP_FDECTOP:
		u = crack_emit(c, c->row->op, 1);
		u->dst = UREG_FPU_TOP;
		u->src[0] = UREG_FPU_TOP;
		u->ext = 1;
		u->vflags = X87_WAIT;
		u->imm = (int64_t)(fop << 16);
		return;
	case UOP_FWAIT:
		u = crack_emit(c, UOP_FWAIT, 1);
		u->vflags = c->row->arg ? 0 : X87_WAIT; /* arg: the 8087 no-ops, which do not wait */
		if (in->form != X86_FORM_FWAIT && !c->row->arg)
			u->imm = (int64_t)(fop << 16 | 1); /* FNOP records FIP/FOP */
		u->src[0] = UREG_FPU_SW;
		return;
	case UOP_FLDCW: {
		wait_first(c);
		unsigned t = load_operand(c, &in->operands[0], X87_M16INT);
		u = crack_emit(c, UOP_FLDCW, 2);
		u->dst = UREG_FPU_CW;
		u->src[0] = (uint8_t)t;
		return;
	}
	case UOP_FRDCW: case UOP_FRDSW: {
		const struct x86_operand *op = &in->operands[0];
		u = crack_emit(c, c->row->op, 2);
		u->src[0] = c->row->op == UOP_FRDCW ? UREG_FPU_CW : UREG_FPU_SW;
		if (op->kind == X86_OP_REG) {
			u->dst = UREG_RAX;
			return;
		}
		u->dst = (uint8_t)crack_temp(c);
		struct value v = { .reg = u->dst };
		crack_store(c, op, 2, v);
		return;
	}
	case UOP_FNCLEX:
		u = crack_emit(c, UOP_FNCLEX, 2);
		u->dst = UREG_FPU_SW;
		u->src[0] = UREG_FPU_SW;
		return;
	case UOP_FNINIT:
		u = crack_emit(c, UOP_FNINIT, 2);
		u->dst = UREG_FPU_SW;
		return;
	default:
		c->unsupported = 1;
		return;
	}
}

static unsigned env_format(const struct cracker *c)
{
	return c->insn->operand_size == 16 ? 2 : 4;
}

/* STA + STD of `bytes` bytes of vector temporary vt at offset of op. */
static void store_chunk(struct cracker *c, const struct x86_operand *op, unsigned offset, unsigned bytes,
			unsigned vt)
{
	struct uop *sta = crack_emit(c, UOP_STA, bytes);
	crack_address(c, &op->mem, sta);
	sta->imm += offset;
	struct uop *std = crack_emit(c, UOP_STD, bytes);
	std->src[0] = (uint8_t)vt;
}

static void load_chunk(struct cracker *c, const struct x86_operand *op, unsigned offset, unsigned bytes,
		       unsigned dst)
{
	struct uop *u = crack_emit(c, UOP_LOAD, bytes);
	crack_address(c, &op->mem, u);
	u->imm += offset;
	u->dst = (uint8_t)dst;
	u->ext = (uint8_t)bytes;
}

/* FNSTENV, FLDENV, FNSAVE, FRSTOR (SDM vol. 1, 8.1.10: the 14/28-byte
 * environment, 94/108-byte state; 16-bit formats with a 16-bit operand size). */
void crack_x87_env(struct cracker *c)
{
	const struct x86_operand *op = &c->insn->operands[0];
	unsigned fmt = env_format(c), env = fmt == 2 ? 14 : 28;
	struct uop *u;
	switch (c->insn->form) {
	case X86_FORM_FNSTENV_m14_28byte:
		u = crack_emit(c, UOP_FENVIMG, 64);
		u->dst = UREG_VT0;
		u->ext = (uint8_t)fmt;
		store_chunk(c, op, 0, env, UREG_VT0);
		/* then all exceptions masked (SDM vol. 2, FSTENV) */
		u = crack_emit(c, UOP_FSETCW, 2);
		u->dst = UREG_FPU_CW;
		u->src[0] = UREG_FPU_CW;
		u->imm = 0x3F;
		return;
	case X86_FORM_FNSAVE_m94_108byte:
		for (unsigned k = 0; k < 2; k++) {
			u = crack_emit(c, UOP_FENVIMG, 64);
			u->dst = (uint8_t)(UREG_VT0 + k);
			u->ext = (uint8_t)fmt;
			u->imm = k;
		}
		store_chunk(c, op, 0, 64, UREG_VT0);
		store_chunk(c, op, 64, env + 80 - 64, UREG_VT1);
		u = crack_emit(c, UOP_FNINIT, 2);
		u->dst = UREG_FPU_SW;
		return;
	case X86_FORM_FLDENV_m14_28byte:
		wait_first(c);
		load_chunk(c, op, 0, env, UREG_VT0);
		u = crack_emit(c, UOP_FLDENV, fmt);
		u->dst = UREG_FPU_SW;
		u->src[0] = UREG_VT0;
		return;
	case X86_FORM_FRSTOR_m94_108byte:
		wait_first(c);
		load_chunk(c, op, 0, 64, UREG_VT0);
		load_chunk(c, op, 64, env + 80 - 64, UREG_VT1);
		u = crack_emit(c, UOP_FLDENV, fmt);
		u->dst = UREG_FPU_SW;
		u->src[0] = UREG_VT0;
		u->src[1] = UREG_VT1;
		u->ext = 1;
		return;
	default:
		c->unsupported = 1;
		return;
	}
}

/* FXSAVE/FXSAVE64, FXRSTOR/FXRSTOR64 (SDM vol. 2, FXSAVE: 512 bytes, 16-byte
 * aligned, #GP otherwise; the processor writes bytes 0-415 only). */
void crack_x87_fxsave(struct cracker *c)
{
	const struct x86_operand *op = &c->insn->operands[0];
	unsigned is64 = c->insn->form == X86_FORM_FXSAVE64_Mfx || c->insn->form == X86_FORM_FXRSTOR64_Mfx;
	struct uop *u = crack_emit(c, UOP_CHKALIGN, 16);
	crack_address(c, &op->mem, u);
	/* The processor checks the whole 512-byte area (bytes 416-511 are
	 * neither read nor written, but a fault there is taken): a probe of
	 * the last 16 bytes. A read probe: a write-only fault (a read-only
	 * page under FXSAVE) is not modelled. */
	load_chunk(c, op, 496, 16, UREG_VT3);
	if (c->row->op == UOP_FXIMG) {
		for (unsigned k = 0; k < 7; k++) {
			u = crack_emit(c, UOP_FXIMG, 64);
			u->dst = UREG_VT0;
			u->imm = k;
			u->ext = is64 ? 8 : 4;
			store_chunk(c, op, 64 * k, k == 6 ? 32 : 64, UREG_VT0);
		}
		return;
	}
	/* FXRSTOR: the header and registers, the x87 state and MXCSR (#GP on
	 * reserved MXCSR bits), then the XMM registers, whose loads can no
	 * longer fault (the probe above covered the last page). */
	for (unsigned k = 0; k < 3; k++)
		load_chunk(c, op, 64 * k, 64, UREG_VT0 + k);
	u = crack_emit(c, UOP_FXRSTOR, 64);
	u->dst = UREG_FPU_SW;
	u->src[0] = UREG_VT0;
	u->src[1] = UREG_VT1;
	u->src[2] = UREG_VT2;
	u->ext = is64 ? 8 : 4;
	unsigned nxmm = c->insn->mode == X86_MODE_64 ? 16 : 8;
	for (unsigned i = 0; i < nxmm; i++)
		load_chunk(c, op, 160 + 16 * i, 16, UREG_V0 + i);
}
