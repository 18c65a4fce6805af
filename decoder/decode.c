/* decode.c - the decoder engine.
 *
 * Order of work, as the bytes come (SDM vol. 2, chapter 2):
 *   1. legacy prefixes and REX (prefix groups: last one of a group wins,
 *      REX counts only right before the opcode);
 *   2. the opcode escape: 0F, 0F 38, 0F 3A, 0F 0F (3DNow!), or a VEX (C4/C5),
 *      EVEX (62) or XOP (8F) prefix, which outside 64-bit mode are only
 *      prefixes when the next byte could not be a ModRM of LES/LDS/BOUND/POP;
 *   3. the walk from the opcode through the map's decision tree to a form,
 *      reading ModRM when a node (or the form) needs it;
 *   4. validity checks that depend on the form (mode, LOCK, ModRM.mod,
 *      VEX/EVEX field policies);
 *   5. SIB and displacement, then the operands in order, reading
 *      immediates as they come.
 * Every byte is fetched through fetch(), which enforces both `avail` and the
 * 15-byte limit, so the decoder can never read past either.
 */
#include <string.h>

#include "tables.h"

struct decoder {
	const uint8_t *bytes;
	size_t avail;
	unsigned pos;
	enum x86_mode mode;
	struct x86_insn *insn;

	/* Legacy prefixes. */
	uint8_t last_f2f3;  /* 0, 0xF2 or 0xF3: the last of the two seen */
	uint8_t has_66, has_67, has_lock;
	uint8_t segment;    /* enum x86_reg of the effective override, or NONE */
	uint8_t mandatory;  /* prefix consumed as a mandatory prefix: 0, 0x66, 0xF3, 0xF2 */

	/* Register-extension and vector fields, from REX, VEX, EVEX or XOP,
	 * un-inverted: 1 means "add 8" (r, x, b) or "add 16" (r2, v2). */
	uint8_t r, x, b, w, r2, v2;
	uint8_t vvvv;       /* 0-15 */
	uint8_t pp;         /* VEX/EVEX/XOP implied prefix: 0 none, 1 66, 2 F3, 3 F2 */
	uint8_t vl;         /* vector length: 0 = 128, 1 = 256, 2 = 512 */
	uint8_t ll_raw;     /* EVEX.L'L as encoded (rounding control when b) */
	uint8_t evex_vvvv_raw; /* EVEX.vvvv un-inverted, all 4 bits even outside 64-bit mode */
	uint8_t evex_v2_raw;   /* EVEX.V' un-inverted, even outside 64-bit mode */
	uint8_t vex_vvvv_raw; /* VEX/XOP.vvvv un-inverted, all 4 bits even outside 64-bit mode */
	uint8_t vex_like;   /* VEX, EVEX or XOP */
	uint8_t is4_byte, has_is4; /* the /is4 byte, once an L operand read it */
};

/* ---- byte fetching ---------------------------------------------------- */

static int fetch(struct decoder *d, uint8_t *out)
{
	if (d->pos >= X86_MAX_INSN_LENGTH)
		return X86_DECODE_TOO_LONG;
	if (d->pos >= d->avail)
		return X86_DECODE_TRUNCATED;
	*out = d->bytes[d->pos++];
	return 0;
}

/* Reads an n-byte little-endian value. */
static int fetch_le(struct decoder *d, unsigned n, uint64_t *out)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < n; i++) {
		uint8_t byte;
		int err = fetch(d, &byte);
		if (err)
			return err;
		v |= (uint64_t)byte << (8 * i);
	}
	*out = v;
	return 0;
}

static int64_t sign_extend(uint64_t v, unsigned bytes)
{
	unsigned shift = 64 - 8 * bytes;
	return bytes >= 8 ? (int64_t)v : (int64_t)(v << shift) >> shift;
}

static int need_modrm(struct decoder *d)
{
	if (d->insn->has_modrm)
		return 0;
	int err = fetch(d, &d->insn->modrm);
	if (err)
		return err;
	d->insn->has_modrm = 1;
	return 0;
}

static unsigned modrm_mod(const struct decoder *d) { return d->insn->modrm >> 6; }
static unsigned modrm_reg(const struct decoder *d) { return (d->insn->modrm >> 3) & 7; }
static unsigned modrm_rm(const struct decoder *d) { return d->insn->modrm & 7; }

/* ---- sizes -------------------------------------------------------------- */

/* Effective operand size (SDM vol. 1, 3.6 and vol. 2, 2.2.1.2). */
static unsigned operand_size(const struct decoder *d, uint32_t flags)
{
	int p66 = d->has_66 && d->mandatory != 0x66;
	if (d->mode == X86_MODE_64) {
		if (flags & X86_F_F64)
			return 64;
		if (d->w) /* REX.W, or VEX.W for VEX-encoded GPR forms */
			return 64;
		if (p66)
			return 16;
		return (flags & X86_F_D64) ? 64 : 32;
	}
	unsigned def = d->mode == X86_MODE_32 ? 32 : 16;
	return p66 ? 48 - def : def;
}

static unsigned address_size(const struct decoder *d)
{
	if (d->mode == X86_MODE_64)
		return d->has_67 ? 32 : 64;
	unsigned def = d->mode == X86_MODE_32 ? 32 : 16;
	return d->has_67 ? 48 - def : def;
}

static unsigned vector_bits(const struct decoder *d)
{
	return d->vex_like ? 128u << d->vl : 128u;
}

/* Bits an operand of type `ot` stands for. */
static unsigned type_bits(const struct decoder *d, enum x86_ot ot)
{
	unsigned osize = d->insn->operand_size;
	switch (ot) {
	case X86_OT_none: return 0;
	case X86_OT_a: return 2 * osize;
	case X86_OT_b: return 8;
	case X86_OT_bs: return osize;
	case X86_OT_w: return 16;
	case X86_OT_d: return 32;
	case X86_OT_q: return 64;
	case X86_OT_dq: return 128;
	case X86_OT_qq: return 256;
	case X86_OT_oq: return 512;
	case X86_OT_v: return osize;
	case X86_OT_z: return osize == 16 ? 16 : 32;
	case X86_OT_y: return osize == 64 ? 64 : 32;
	case X86_OT_p: return osize + 16;
	case X86_OT_s: return d->mode == X86_MODE_64 ? 80 : 48;
	case X86_OT_x: return vector_bits(d);
	case X86_OT_h: return vector_bits(d) / 2;
	case X86_OT_qt: return vector_bits(d) / 4;
	case X86_OT_e: return vector_bits(d) / 8;
	case X86_OT_ps: return vector_bits(d);
	case X86_OT_pd: return vector_bits(d);
	case X86_OT_ss: return 32;
	case X86_OT_sd: return 64;
	case X86_OT_pi: return 64;
	case X86_OT_t: return 80;
	case X86_OT_fenv: return osize == 16 ? 14 * 8 : 28 * 8;
	case X86_OT_fstate: return osize == 16 ? 94 * 8 : 108 * 8;
	case X86_OT_fx: return 512 * 8;
	case X86_OT_u: return 0;
	case X86_OT_kl: return 384;
	case X86_OT_asz: return d->insn->address_size;
	default: return 0;
	}
}

/* ---- registers ------------------------------------------------------------ */

static uint8_t gpr(const struct decoder *d, unsigned bits, unsigned num)
{
	switch (bits) {
	case 8:
		/* Without REX, encodings 4-7 are AH, CH, DH, BH (SDM vol. 2, 2.2.1.2). */
		if (!d->insn->rex && !d->vex_like && num >= 4 && num < 8)
			return X86_REG_AH + num - 4;
		return X86_REG_AL + num;
	case 16: return X86_REG_AX + num;
	case 32: return X86_REG_EAX + num;
	default: return X86_REG_RAX + num;
	}
}

static uint8_t vector_reg(unsigned bits, unsigned num)
{
	if (bits > 256)
		return X86_REG_ZMM0 + num;
	if (bits > 128)
		return X86_REG_YMM0 + num;
	return X86_REG_XMM0 + num;
}

/* ---- ModRM memory operands ---------------------------------------------- */

static uint8_t default_segment_for_base(uint8_t base)
{
	switch (base) {
	case X86_REG_SP: case X86_REG_BP:
	case X86_REG_ESP: case X86_REG_EBP:
	case X86_REG_RSP: case X86_REG_RBP:
		return X86_REG_SS;
	default:
		return X86_REG_DS;
	}
}

/* Parses SIB and displacement of a memory ModRM into d->insn's scratch
 * operand. `vsib_bits` is the index vector's size for VSIB forms, else 0. */
static int decode_memory(struct decoder *d, struct x86_mem *m, unsigned vsib_bits)
{
	struct x86_insn *insn = d->insn;
	unsigned mod = modrm_mod(d), rm = modrm_rm(d);
	unsigned asize = insn->address_size;
	unsigned disp_bytes = 0;
	int err;

	memset(m, 0, sizeof *m);
	m->scale = 1;
	if (asize == 16) {
		/* SDM vol. 2, Table 2-1. */
		static const uint8_t base16[8] = { X86_REG_BX, X86_REG_BX, X86_REG_BP, X86_REG_BP,
						   X86_REG_SI, X86_REG_DI, X86_REG_BP, X86_REG_BX };
		static const uint8_t index16[8] = { X86_REG_SI, X86_REG_DI, X86_REG_SI, X86_REG_DI,
						    0, 0, 0, 0 };
		if (vsib_bits)
			return X86_DECODE_INVALID;
		m->base = base16[rm];
		m->index = index16[rm];
		if (mod == 0 && rm == 6) {
			m->base = X86_REG_NONE;
			disp_bytes = 2;
		} else {
			disp_bytes = mod == 1 ? 1 : mod == 2 ? 2 : 0;
		}
	} else {
		uint8_t reg0 = asize == 64 ? X86_REG_RAX : X86_REG_EAX;
		if (rm == 4) {
			err = fetch(d, &insn->sib);
			if (err)
				return err;
			insn->has_sib = 1;
			unsigned scale = insn->sib >> 6, index = ((insn->sib >> 3) & 7) | d->x << 3;
			unsigned base = (insn->sib & 7) | d->b << 3;
			m->scale = 1u << scale;
			if (vsib_bits)
				m->index = vector_reg(vsib_bits, index | d->v2 << 4);
			else if (index != 4)
				m->index = reg0 + index;
			if ((insn->sib & 7) == 5 && mod == 0) {
				m->base = X86_REG_NONE;
				disp_bytes = 4;
			} else {
				m->base = reg0 + base;
			}
		} else if (vsib_bits) {
			return X86_DECODE_INVALID; /* VSIB needs a SIB byte */
		} else if (rm == 5 && mod == 0) {
			disp_bytes = 4;
			if (d->mode == X86_MODE_64)
				m->base = asize == 64 ? X86_REG_RIP : X86_REG_EIP;
		} else {
			m->base = reg0 + (rm | d->b << 3);
		}
		if (mod == 1)
			disp_bytes = 1;
		else if (mod == 2)
			disp_bytes = 4;
	}
	if (disp_bytes) {
		uint64_t raw;
		insn->disp_offset = (uint8_t)d->pos;
		err = fetch_le(d, disp_bytes, &raw);
		if (err)
			return err;
		m->disp = sign_extend(raw, disp_bytes);
		m->disp_size = (uint8_t)disp_bytes;
	}
	m->segment = d->segment != X86_REG_NONE ? d->segment : default_segment_for_base(m->base);
	return 0;
}

/* ---- the walk through the opcode maps ------------------------------------- */

/* An undefined opcode whose ModRM byte was read (an empty slot of a
 * group): the processor still knows its length, and past 15 bytes raises
 * #GP rather than #UD (SDM vol. 3A, 6.9, Table 6-2: "instruction length
 * > 15 bytes" comes first among the decode faults; on the host 66x11
 * 0F BA 05 disp32 ib faults with #GP). */
static int undefined_length(struct decoder *d)
{
	struct x86_mem m;
	if (!d->insn->has_modrm || modrm_mod(d) == 3)
		return X86_DECODE_INVALID;
	d->insn->address_size = (uint8_t)address_size(d);
	return decode_memory(d, &m, 0) == X86_DECODE_TOO_LONG ? X86_DECODE_TOO_LONG : X86_DECODE_INVALID;
}

static int walk(struct decoder *d, const struct x86_node *n, unsigned *form)
{
	int err;
	for (;;) {
		switch (n->kind) {
		case X86_N_FORM:
			*form = n->form;
			return 0;
		case X86_N_LINK:
			n = n->child;
			break;
		case X86_N_REG:
			if ((err = need_modrm(d)))
				return err;
			n = &n->child[modrm_reg(d)];
			break;
		case X86_N_RM:
			if ((err = need_modrm(d)))
				return err;
			n = &n->child[modrm_rm(d)];
			break;
		case X86_N_MOD:
			if ((err = need_modrm(d)))
				return err;
			n = &n->child[modrm_mod(d) == 3];
			break;
		case X86_N_PREFIX: {
			unsigned column;
			if (d->vex_like) {
				column = d->pp;
			} else {
				/* F2/F3 take precedence over 66 (SDM vol. 2, 2.1.2 and
				 * the "mandatory prefix" notes of each SSE instruction). */
				column = d->last_f2f3 == 0xF3 ? 2 : d->last_f2f3 == 0xF2 ? 3 : d->has_66 ? 1 : 0;
				static const uint8_t byte_of_column[4] = { 0, 0x66, 0xF3, 0xF2 };
				d->mandatory = byte_of_column[column];
				/* A 66 column that repeats the no-prefix one does not
				 * choose anything: there 66 keeps its operand-size
				 * meaning (66 0F BC is BSF r16, SDM vol. 2, BSF). */
				if (column == 1 && n->child[1].kind == n->child[0].kind &&
				    n->child[1].form == n->child[0].form && n->child[1].child == n->child[0].child)
					d->mandatory = 0;
			}
			n = &n->child[column];
			break;
		}
		case X86_N_MODE64:
			n = &n->child[d->mode == X86_MODE_64];
			break;
		case X86_N_OSIZE: {
			unsigned osize = operand_size(d, 0);
			n = &n->child[osize == 16 ? 0 : osize == 32 ? 1 : 2];
			break;
		}
		case X86_N_ASIZE: {
			unsigned asize = address_size(d);
			n = &n->child[asize == 16 ? 0 : asize == 32 ? 1 : 2];
			break;
		}
		case X86_N_W:
			n = &n->child[d->w];
			break;
		case X86_N_VEXL:
			n = &n->child[d->vl];
			break;
		case X86_N_REXB:
			n = &n->child[d->b];
			break;
		default:
			return X86_DECODE_INVALID;
		}
	}
}

/* ---- operands ------------------------------------------------------------ */

static int am_uses_modrm(enum x86_am am)
{
	switch (am) {
	case X86_AM_C: case X86_AM_D: case X86_AM_E: case X86_AM_G: case X86_AM_M:
	case X86_AM_N: case X86_AM_P: case X86_AM_Q: case X86_AM_R: case X86_AM_S:
	case X86_AM_U: case X86_AM_V: case X86_AM_W: case X86_AM_Rmod: case X86_AM_MVSIB: case X86_AM_MSIB:
	case X86_AM_KG: case X86_AM_KE: case X86_AM_KR: case X86_AM_BNDG: case X86_AM_BNDE:
	case X86_AM_TG: case X86_AM_TR: case X86_AM_STi:
		return 1;
	default:
		return 0;
	}
}

static int am_is_vvvv(enum x86_am am)
{
	return am == X86_AM_H || am == X86_AM_B || am == X86_AM_KH || am == X86_AM_TH;
}

/* Which ModRM.mod values an addressing method accepts: 1 = memory only,
 * 2 = register only, 0 = both (or not ModRM.rm at all). */
static int am_mod_rule(enum x86_am am)
{
	switch (am) {
	case X86_AM_M: case X86_AM_MVSIB: case X86_AM_MSIB:
		return 1;
	case X86_AM_N: case X86_AM_R: case X86_AM_U: case X86_AM_KR: case X86_AM_TR:
		return 2;
	default:
		return 0;
	}
}

static int read_immediate(struct decoder *d, unsigned bytes, int sign, struct x86_operand *op)
{
	uint64_t raw;
	if (!d->insn->imm_offset)
		d->insn->imm_offset = (uint8_t)d->pos;
	int err = fetch_le(d, bytes, &raw);
	if (err)
		return err;
	op->imm = sign ? sign_extend(raw, bytes) : (int64_t)raw;
	op->imm_size = (uint8_t)bytes;
	return 0;
}

static void set_reg(struct x86_operand *op, uint8_t reg, unsigned bits)
{
	op->kind = X86_OP_REG;
	op->reg = reg;
	op->size = (uint16_t)bits;
}

/* The register or memory operand named by ModRM.rm. `mem` is the already
 * decoded memory operand. */
static void rm_operand(const struct decoder *d, const struct x86_mem *mem, uint8_t reg,
		       unsigned bits, struct x86_operand *op)
{
	if (modrm_mod(d) == 3) {
		set_reg(op, reg, bits);
	} else {
		op->kind = X86_OP_MEM;
		op->mem = *mem;
		op->size = (uint16_t)bits;
	}
}

static int decode_operand(struct decoder *d, struct x86_opspec spec, const struct x86_mem *mem,
			  struct x86_operand *op)
{
	struct x86_insn *insn = d->insn;
	unsigned bits = type_bits(d, spec.ot);
	unsigned reg = modrm_reg(d) | d->r << 3;
	unsigned rm = modrm_rm(d) | d->b << 3;
	unsigned vreg = reg | d->r2 << 4;
	unsigned vrm = rm | (insn->encoding == X86_ENC_EVEX ? d->x << 4 : 0);
	unsigned vvvv = d->vvvv | d->v2 << 4;
	int err;

	memset(op, 0, sizeof *op);
	switch ((enum x86_am)spec.am) {
	case X86_AM_E: case X86_AM_R: case X86_AM_M:
		rm_operand(d, mem, gpr(d, bits, rm), bits, op);
		return 0;
	case X86_AM_Rmod:
		set_reg(op, gpr(d, bits, rm), bits);
		return 0;
	case X86_AM_G:
		set_reg(op, gpr(d, bits, reg), bits);
		return 0;
	case X86_AM_B:
		set_reg(op, gpr(d, bits, d->vvvv), bits);
		return 0;
	case X86_AM_Z:
		set_reg(op, gpr(d, bits, (insn->opcode & 7) | d->b << 3), bits);
		return 0;
	case X86_AM_C:
		/* CR0, CR2-CR4 and CR8 exist (SDM vol. 3A, 2.5); others #UD. */
		if (!(reg == 0 || (reg >= 2 && reg <= 4) || reg == 8))
			return X86_DECODE_INVALID;
		set_reg(op, X86_REG_CR0 + reg, bits);
		return 0;
	case X86_AM_D:
		if (reg > 7) /* REX.R with MOV DR is #UD (SDM vol. 2, MOV-Debug Registers) */
			return X86_DECODE_INVALID;
		set_reg(op, X86_REG_DR0 + reg, bits);
		return 0;
	case X86_AM_S:
		if (modrm_reg(d) > 5)
			return X86_DECODE_INVALID;
		set_reg(op, X86_REG_ES + modrm_reg(d), bits);
		return 0;
	case X86_AM_P:
		set_reg(op, X86_REG_MM0 + modrm_reg(d), bits);
		return 0;
	case X86_AM_N: case X86_AM_Q:
		rm_operand(d, mem, X86_REG_MM0 + modrm_rm(d), bits, op);
		return 0;
	case X86_AM_V:
		set_reg(op, vector_reg(bits, vreg), bits);
		return 0;
	case X86_AM_U: case X86_AM_W:
		rm_operand(d, mem, vector_reg(bits, vrm), bits, op);
		return 0;
	case X86_AM_H:
		set_reg(op, vector_reg(bits, vvvv), bits);
		return 0;
	case X86_AM_L: {
		uint64_t raw;
		if (!insn->imm_offset)
			insn->imm_offset = (uint8_t)d->pos;
		if ((err = fetch_le(d, 1, &raw)))
			return err;
		d->is4_byte = (uint8_t)raw;
		d->has_is4 = 1;
		unsigned num = (unsigned)raw >> 4;
		if (d->mode != X86_MODE_64)
			num &= 7;
		set_reg(op, vector_reg(bits, num), bits);
		return 0;
	}
	case X86_AM_MSIB:
		/* AMX sibmem: without a SIB byte the instruction is #UD (SDM
		 * vol. 2, TILELOADD: "#UD if ... not using SIB addressing"). */
		if (!insn->has_sib)
			return X86_DECODE_INVALID;
		/* fall through */
	case X86_AM_MVSIB:
		op->kind = X86_OP_MEM;
		op->mem = *mem;
		op->size = (uint16_t)bits;
		return 0;
	case X86_AM_KG:
		set_reg(op, X86_REG_K0 + modrm_reg(d), bits);
		return 0;
	case X86_AM_KE: case X86_AM_KR:
		rm_operand(d, mem, X86_REG_K0 + modrm_rm(d), bits, op);
		return 0;
	case X86_AM_KH:
		set_reg(op, X86_REG_K0 + (d->vvvv & 7), bits);
		return 0;
	case X86_AM_BNDG:
		if (reg > 3)
			return X86_DECODE_INVALID;
		set_reg(op, X86_REG_BND0 + reg, bits);
		return 0;
	case X86_AM_BNDE:
		if (modrm_mod(d) == 3 && rm > 3)
			return X86_DECODE_INVALID;
		rm_operand(d, mem, X86_REG_BND0 + (rm & 3), bits, op);
		return 0;
	case X86_AM_TG:
		set_reg(op, X86_REG_TMM0 + (reg & 7), bits);
		return 0;
	case X86_AM_TR:
		set_reg(op, X86_REG_TMM0 + (rm & 7), bits);
		return 0;
	case X86_AM_TH:
		set_reg(op, X86_REG_TMM0 + (d->vvvv & 7), bits);
		return 0;
	case X86_AM_I: {
		op->kind = X86_OP_IMM;
		op->size = (uint16_t)bits;
		/* An imm8 after an /is4 register is that same byte's low four
		 * bits (VPERMIL2PS/PD, AMD APM vol. 4: imm8[3:0]). */
		if (d->has_is4 && spec.ot == X86_OT_b) {
			op->imm = d->is4_byte & 15;
			op->imm_size = 1;
			return 0;
		}
		switch ((enum x86_ot)spec.ot) {
		case X86_OT_b: return read_immediate(d, 1, 0, op);
		case X86_OT_bs: return read_immediate(d, 1, 1, op);
		case X86_OT_w: return read_immediate(d, 2, 0, op);
		case X86_OT_d: return read_immediate(d, 4, 0, op);
		case X86_OT_q: return read_immediate(d, 8, 0, op);
		/* Iz is sign-extended to a 64-bit operand (SDM vol. 2, 2.2.1.5). */
		case X86_OT_z: return read_immediate(d, insn->operand_size == 16 ? 2 : 4, 1, op);
		case X86_OT_v: return read_immediate(d, insn->operand_size / 8, 0, op);
		default: return X86_DECODE_INVALID;
		}
	}
	case X86_AM_J:
		op->kind = X86_OP_REL;
		op->size = (uint16_t)insn->operand_size;
		return read_immediate(d, spec.ot == X86_OT_b ? 1 : insn->operand_size == 16 ? 2 : 4, 1, op);
	case X86_AM_A: {
		op->kind = X86_OP_FAR;
		op->size = (uint16_t)bits;
		if ((err = read_immediate(d, insn->operand_size == 16 ? 2 : 4, 0, op)))
			return err;
		uint64_t sel;
		if ((err = fetch_le(d, 2, &sel)))
			return err;
		op->selector = (uint16_t)sel;
		op->imm_size += 2;
		return 0;
	}
	case X86_AM_O: {
		/* moffs: an address-size offset, no ModRM (SDM vol. 2, MOV). */
		uint64_t raw;
		unsigned bytes = insn->address_size / 8;
		insn->disp_offset = (uint8_t)d->pos;
		if ((err = fetch_le(d, bytes, &raw)))
			return err;
		op->kind = X86_OP_MEM;
		op->size = (uint16_t)bits;
		op->mem.segment = d->segment != X86_REG_NONE ? d->segment : X86_REG_DS;
		op->mem.scale = 1;
		op->mem.disp = (int64_t)raw;
		op->mem.disp_size = (uint8_t)bytes;
		return 0;
	}
	case X86_AM_X: case X86_AM_Y: {
		unsigned asize = insn->address_size;
		uint8_t base0 = asize == 16 ? X86_REG_AX : asize == 32 ? X86_REG_EAX : X86_REG_RAX;
		op->kind = X86_OP_MEM;
		op->size = (uint16_t)bits;
		op->mem.scale = 1;
		if (spec.am == X86_AM_X) {
			op->mem.base = base0 + 6; /* rSI */
			op->mem.segment = d->segment != X86_REG_NONE ? d->segment : X86_REG_DS;
		} else {
			op->mem.base = base0 + 7; /* rDI, always ES (SDM vol. 2, STOS) */
			op->mem.segment = X86_REG_ES;
		}
		return 0;
	}
	case X86_AM_rAX: set_reg(op, gpr(d, bits, 0), bits); return 0;
	case X86_AM_rCX: set_reg(op, gpr(d, bits, 1), bits); return 0;
	case X86_AM_rDX: set_reg(op, gpr(d, bits, 2), bits); return 0;
	case X86_AM_rBX: set_reg(op, gpr(d, bits, 3), bits); return 0;
	case X86_AM_ES: case X86_AM_CS: case X86_AM_SS:
	case X86_AM_DS: case X86_AM_FS: case X86_AM_GS:
		set_reg(op, X86_REG_ES + (spec.am - X86_AM_ES), 16);
		return 0;
	case X86_AM_ONE:
		op->kind = X86_OP_IMM;
		op->size = 8;
		op->imm = 1;
		return 0;
	case X86_AM_ST0:
		set_reg(op, X86_REG_ST0, 80);
		return 0;
	case X86_AM_STi:
		set_reg(op, X86_REG_ST0 + modrm_rm(d), 80);
		return 0;
	case X86_AM_XMM0:
		set_reg(op, X86_REG_XMM0, 128);
		return 0;
	case X86_AM_none: case X86_AM_COUNT:
		break;
	}
	return X86_DECODE_INVALID;
}

/* ---- encodings --------------------------------------------------------- */

/* VEX (SDM vol. 2, 2.3), XOP (AMD APM vol. 4, 1.1). `byte0` is C4, C5 or 8F. */
static int read_vex(struct decoder *d, uint8_t byte0, const struct x86_node **root)
{
	uint8_t b1, b2;
	int err;
	unsigned map;

	if ((err = fetch(d, &b1)))
		return err;
	if (byte0 == 0xC5) {
		map = 1;
		d->r = !(b1 & 0x80);
		b2 = b1;
	} else {
		if ((err = fetch(d, &b2)))
			return err;
		d->r = !(b1 & 0x80);
		d->x = !(b1 & 0x40);
		d->b = !(b1 & 0x20);
		map = b1 & 0x1F;
		d->w = b2 >> 7;
	}
	d->vvvv = (~b2 >> 3) & 15;
	d->vl = (b2 >> 2) & 1;
	d->pp = b2 & 3;
	d->vex_like = 1;
	d->vex_vvvv_raw = d->vvvv;
	if (d->mode != X86_MODE_64) {
		/* Outside 64-bit mode R, X, B and vvvv[3] are not register
		 * extensions (SDM vol. 2, 2.3.5). */
		d->r = d->x = d->b = 0;
		d->vvvv &= 7;
	}
	if (byte0 == 0x8F) {
		d->insn->encoding = X86_ENC_XOP;
		if (map < 8 || map > 10)
			return X86_DECODE_INVALID;
		*root = x86_map_xop[map - 8];
	} else {
		d->insn->encoding = X86_ENC_VEX;
		if (map < 1 || map > 3)
			return X86_DECODE_INVALID;
		*root = x86_map_vex[map];
	}
	d->insn->map = (uint8_t)map;
	return 0;
}

/* EVEX (SDM vol. 2, 2.7). */
static int read_evex(struct decoder *d, const struct x86_node **root)
{
	uint8_t p0, p1, p2;
	int err;
	/* P0-P2 are one read: past 15 bytes it is too long even when the
	 * buffer also ends there (Zydis's order). */
	if (d->pos + 3 > X86_MAX_INSN_LENGTH)
		return X86_DECODE_TOO_LONG;
	if ((err = fetch(d, &p0)) || (err = fetch(d, &p1)) || (err = fetch(d, &p2)))
		return err;
	d->insn->encoding = X86_ENC_EVEX;
	d->vex_like = 1;
	d->r = !(p0 & 0x80);
	d->x = !(p0 & 0x40);
	d->b = !(p0 & 0x20);
	d->r2 = !(p0 & 0x10);
	unsigned map = p0 & 7;
	d->w = p1 >> 7;
	d->vvvv = (~p1 >> 3) & 15;
	d->pp = p1 & 3;
	d->insn->evex_z = p2 >> 7;
	d->ll_raw = (p2 >> 5) & 3;
	d->insn->evex_b = (p2 >> 4) & 1;
	d->v2 = !(p2 & 0x08);
	d->insn->evex_aaa = p2 & 7;
	d->vl = d->ll_raw;
	d->evex_vvvv_raw = d->vvvv;
	d->evex_v2_raw = d->v2;
	if (d->mode != X86_MODE_64) {
		d->r = d->x = d->b = d->r2 = 0;
		d->vvvv &= 7;
		d->v2 = 0;
	}
	/* P0 bit 3 and P1 bit 2 are fixed (0 and 1). */
	if ((p0 & 0x08) || !(p1 & 0x04))
		return X86_DECODE_INVALID;
	if (map != 1 && map != 2 && map != 3 && map != 5 && map != 6)
		return X86_DECODE_INVALID;
	/* Outside 64-bit mode there are only 8 vector registers: V' must be
	 * 1 (inverted 0), like R and X, which are 1 by the LES/LDS/BOUND rule. */
	if (d->mode != X86_MODE_64 && d->evex_v2_raw)
		return X86_DECODE_INVALID;
	/* Zeroing-masking needs a mask (SDM vol. 2, 2.7.3: z with aaa = 000 is
	 * #UD); L'L = 11 is reserved unless it is the rounding control. */
	if (d->insn->evex_z && !d->insn->evex_aaa)
		return X86_DECODE_INVALID;
	if (d->ll_raw == 3 && !d->insn->evex_b)
		return X86_DECODE_INVALID;
	if (!(x86_evex_pp_used[map] >> d->pp & 1))
		return X86_DECODE_INVALID;
	d->insn->map = (uint8_t)map;
	*root = x86_map_evex[map];
	return 0;
}

/* Called with the EVEX opcode read, before the walk. The nodes that do not
 * look at ModRM (EVEX.pp, EVEX.W, mode; not L'L, which Zydis checks after
 * ModRM) are followed first, so that an undefined opcode is #UD even when
 * its ModRM byte is missing, as Zydis has it. Then ModRM is read: with
 * EVEX.b set and a register operand, L'L is the rounding control and the
 * vector length is 512 (SDM vol. 2, 2.7.5); with a memory operand L'L = 11
 * is reserved. */
static int evex_before_walk(struct decoder *d, const struct x86_node *n)
{
	for (;;) {
		switch (n->kind) {
		case X86_N_INVALID:
			return X86_DECODE_INVALID;
		case X86_N_LINK:
			n = n->child;
			continue;
		case X86_N_PREFIX:
			n = &n->child[d->pp];
			continue;
		case X86_N_W:
			n = &n->child[d->w];
			continue;
		case X86_N_MODE64:
			n = &n->child[d->mode == X86_MODE_64];
			continue;
		default:
			break;
		}
		break;
	}
	int err = need_modrm(d);
	if (err)
		return err;
	if (d->insn->evex_b && modrm_mod(d) == 3)
		d->vl = 2;
	else if (d->ll_raw == 3)
		return X86_DECODE_INVALID;
	return 0;
}

/* Checks of the EVEX fields against what the form allows (SDM vol. 2,
 * 2.7 and the exception classes of 2.8), in two steps as Zydis makes them:
 * check_evex() right after the walk (EVEX.b: broadcast, rounding, SAE),
 * evex_late_checks() once SIB, displacement and immediate are read (so a
 * truncated instruction reads as truncated first). */
static int check_evex(struct decoder *d, const struct x86_form_info *fi)
{
	struct x86_insn *insn = d->insn;
	if (insn->evex_b) {
		if (modrm_mod(d) == 3) {
			if (!(fi->flags & (X86_F_EVEX_ER | X86_F_EVEX_SAE | X86_F_EVEX_BIGN)))
				return X86_DECODE_INVALID;
		} else if (!(fi->flags & X86_F_EVEX_B)) {
			return X86_DECODE_INVALID;
		}
	}
	return 0;
}

static int evex_late_checks(struct decoder *d, const struct x86_form_info *fi)
{
	struct x86_insn *insn = d->insn;
	int reg_form = modrm_mod(d) == 3;
	int uses_vvvv = 0, vsib = 0;
	for (unsigned i = 0; i < fi->noperands; i++) {
		enum x86_am am = (enum x86_am)fi->op[i].am;
		uses_vvvv |= am_is_vvvv(am);
		vsib |= am == X86_AM_MVSIB;
		/* Mask and general registers have no R'/V' extensions: a set
		 * one (and R or vvvv[3] for k0-k7) is #UD (SDM vol. 2, 2.7.2). */
		if (d->mode == X86_MODE_64) {
			if (am == X86_AM_KG && (d->r || d->r2))
				return X86_DECODE_INVALID;
			if (am == X86_AM_G && d->r2)
				return X86_DECODE_INVALID;
			if (am == X86_AM_KH && (d->vvvv > 7 || d->v2))
				return X86_DECODE_INVALID;
			if (am == X86_AM_B && d->v2)
				return X86_DECODE_INVALID;
		}
	}
	/* An unused vvvv must be 1111b in every mode; V' is unused (must be 1,
	 * inverted 0) unless vvvv is used or it extends a VSIB index. */
	if (!uses_vvvv && d->evex_vvvv_raw)
		return X86_DECODE_INVALID;
	if (!uses_vvvv && !vsib && d->evex_v2_raw)
		return X86_DECODE_INVALID;
	if (insn->evex_z) {
		if (!(fi->flags & X86_F_EVEX_Z))
			return X86_DECODE_INVALID;
		/* No zeroing-masking with a memory destination (SDM vol. 2,
		 * 2.7.3: "EVEX.z ... #UD with a memory destination"). */
		if (!reg_form && fi->noperands &&
		    (fi->op[0].am == X86_AM_W || fi->op[0].am == X86_AM_E || fi->op[0].am == X86_AM_M))
			return X86_DECODE_INVALID;
	}
	if ((fi->flags & X86_F_EVEX_NOMASK) && insn->evex_aaa)
		return X86_DECODE_INVALID;
	if ((fi->flags & X86_F_EVEX_MASKREQ) && !insn->evex_aaa)
		return X86_DECODE_INVALID;
	/* Gathers: the destination may not be the index vector (SDM vol. 2,
	 * VPGATHERDD: "#UD if ... the destination and index overlap"). */
	if (vsib && fi->op[0].am == X86_AM_V && insn->has_sib) {
		unsigned dest = modrm_reg(d) | d->r << 3 | d->r2 << 4;
		unsigned index = ((insn->sib >> 3) & 7) | d->x << 3 | d->v2 << 4;
		if (dest == index)
			return X86_DECODE_INVALID;
	}
	/* Complex FP16 multiplies: the destination may not be a source
	 * (SDM vol. 2, VFCMADDCPH: "#UD if the destination overlaps a source"). */
	if (fi->flags & X86_F_EVEX_NODSTSRC) {
		unsigned dest = modrm_reg(d) | d->r << 3 | d->r2 << 4;
		unsigned src1 = d->vvvv | d->v2 << 4;
		unsigned src2 = modrm_rm(d) | d->b << 3 | d->x << 4;
		if (dest == src1 || (reg_form && dest == src2))
			return X86_DECODE_INVALID;
	}
	return 0;
}

/* N of the compressed displacement disp8*N of an EVEX memory operand, by
 * the form's tuple type (evex_tuples.c), the vector length, the element
 * size and EVEX.b (SDM vol. 2, 2.7.5, Tables 2-34 and 2-35). */
static unsigned evex_disp8_scale(const struct decoder *d, unsigned form)
{
	const struct x86_evex_tuple_info *t = &x86_evex_tuples[form];
	unsigned vl = 16u << d->vl, b = d->insn->evex_b;
	unsigned e = t->esize ? t->esize : d->w ? 8 : 4;
	switch ((enum x86_evex_tuple)t->tuple) {
	case X86_TUPLE_FV: return b ? e : vl;
	case X86_TUPLE_HV: return b ? e : vl / 2;
	case X86_TUPLE_QV: return b ? e : vl / 4;
	case X86_TUPLE_FVM: return vl;
	case X86_TUPLE_HVM: return vl / 2;
	case X86_TUPLE_QVM: return vl / 4;
	case X86_TUPLE_OVM: return vl / 8;
	case X86_TUPLE_T1S: case X86_TUPLE_T1F: return e;
	case X86_TUPLE_T2: return 2 * e;
	case X86_TUPLE_T4: return 4 * e;
	case X86_TUPLE_T8: return 8 * e;
	case X86_TUPLE_M128: case X86_TUPLE_T1_4X: return 16;
	case X86_TUPLE_DUP: return d->vl ? vl : 8;
	case X86_TUPLE_NONE: break;
	}
	return 1;
}

/* The last EVEX step, with every byte read: the late checks, then the
 * sizes of memory operands that are not the whole vector: with EVEX.b a
 * memory source is one broadcast element (a word for FP16, else a dword or,
 * with EVEX.W1, a qword: the tuple's element size), and a VSIB operand is
 * read or written element by element (SDM vol. 2, 2.7.5 "Embedded
 * broadcast", and the gather/scatter pages); then a disp8 is scaled by N.
 * With EVEX.b and registers, L'L of an {er} form is the rounding control. */
static int evex_finish(struct decoder *d, const struct x86_form_info *fi)
{
	int err = evex_late_checks(d, fi);
	if (err)
		return err;
	unsigned form = (unsigned)(fi - x86_forms);
	for (unsigned i = 0; i < fi->noperands; i++) {
		struct x86_operand *op = &d->insn->operands[i];
		if (op->kind != X86_OP_MEM)
			continue;
		if (fi->op[i].am == X86_AM_MVSIB || d->insn->evex_b)
			op->size = d->w ? 64 : 32;
		if (d->insn->evex_b && x86_evex_tuples[form].esize)
			op->size = (uint16_t)(8 * x86_evex_tuples[form].esize);
		if (op->mem.disp_size == 1)
			op->mem.disp *= evex_disp8_scale(d, form);
	}
	if (d->insn->evex_b && modrm_mod(d) == 3 && (fi->flags & X86_F_EVEX_ER))
		d->insn->evex_rc = d->ll_raw;
	return 0;
}

/* Checks of VEX-like fields common to VEX, EVEX and XOP. */
static int check_vex(struct decoder *d, const struct x86_form_info *fi)
{
	int uses_vvvv = 0;
	for (unsigned i = 0; i < fi->noperands; i++)
		uses_vvvv |= am_is_vvvv(fi->op[i].am);
	/* An unused vvvv must be 1111b (stored inverted: 0 here), and so must
	 * EVEX.V' (SDM vol. 2, 2.3.6 and 2.7.1). */
	/* vvvv[3] is ignored outside 64-bit mode when vvvv names a register,
	 * but an unused vvvv must still be 1111b in all four bits (Zydis and
	 * binutils agree). */
	if (!uses_vvvv && d->vex_vvvv_raw && d->insn->encoding != X86_ENC_EVEX) /* EVEX: evex_late_checks() */
		return X86_DECODE_INVALID;
	if ((fi->flags & X86_F_L0) && d->vl != 0)
		return X86_DECODE_INVALID;
	if ((fi->flags & X86_F_L1) && d->vl != 1)
		return X86_DECODE_INVALID;
	if ((fi->flags & X86_F_W0) && d->w && (d->mode == X86_MODE_64 || !(fi->flags & X86_F_WIG32)))
		return X86_DECODE_INVALID;
	if ((fi->flags & X86_F_W1) && !d->w && (d->mode == X86_MODE_64 || !(fi->flags & X86_F_WIG32)))
		return X86_DECODE_INVALID;
	if (fi->flags & X86_F_LIG)
		d->vl = d->insn->encoding == X86_ENC_EVEX && d->vl == 3 ? 2 : d->vl;
	if (d->insn->encoding == X86_ENC_EVEX)
		return check_evex(d, fi);
	if (d->insn->encoding == X86_ENC_VEX && d->mode == X86_MODE_64) {
		/* There are eight opmask and eight tile registers: a ModRM.reg
		 * with VEX.R set, or a VEX.vvvv above 7, names none and is #UD;
		 * a tile in ModRM.rm likewise with VEX.B, while an opmask in
		 * ModRM.rm ignores VEX.B (SDM vol. 2, 2.6.3 and the AMX
		 * exception classes; Zydis 4.0 decodes the same). */
		for (unsigned i = 0; i < fi->noperands; i++) {
			switch (fi->op[i].am) {
			case X86_AM_KG: case X86_AM_TG:
				if (d->r)
					return X86_DECODE_INVALID;
				break;
			case X86_AM_KH: case X86_AM_TH:
				if (d->vvvv > 7)
					return X86_DECODE_INVALID;
				break;
			case X86_AM_TR:
				if (d->b)
					return X86_DECODE_INVALID;
				break;
			default:
				break;
			}
		}
	}
	return 0;
}

/* Register number of a vector or tile register, for overlap checks. */
static int vector_number(uint8_t reg)
{
	if (reg >= X86_REG_XMM0 && reg <= X86_REG_XMM31)
		return reg - X86_REG_XMM0;
	if (reg >= X86_REG_YMM0 && reg <= X86_REG_YMM31)
		return reg - X86_REG_YMM0;
	if (reg >= X86_REG_ZMM0 && reg <= X86_REG_ZMM31)
		return reg - X86_REG_ZMM0;
	if (reg >= X86_REG_TMM0 && reg <= X86_REG_TMM7)
		return reg - X86_REG_TMM0;
	return -1;
}

/* VEX forms whose vector or tile operands must all differ: the gathers
 * ("#UD if any pair of the index, mask, or destination registers are the
 * same", SDM vol. 2, VGATHERDPS) and the AMX dot products ("#UD if srcdest,
 * src1 and src2 are not all different", SDM vol. 2, TDPBSSD). Runs once the
 * operands are decoded, since the VSIB index is in the SIB byte. */
static int check_vex_distinct(const struct x86_insn *insn, const struct x86_form_info *fi)
{
	int nums[X86_MAX_OPERANDS + 1], n = 0, wanted = 0;
	for (unsigned i = 0; i < insn->noperands; i++) {
		enum x86_am am = (enum x86_am)fi->op[i].am;
		const struct x86_operand *op = &insn->operands[i];
		if (am == X86_AM_MVSIB) {
			wanted = 1;
			nums[n++] = vector_number(op->mem.index);
		} else if (am == X86_AM_TR) {
			wanted = 1;
		}
		if (op->kind == X86_OP_REG && vector_number(op->reg) >= 0)
			nums[n++] = vector_number(op->reg);
	}
	if (!wanted)
		return 0;
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			if (nums[i] == nums[j])
				return X86_DECODE_INVALID;
	return 0;
}

/* ---- prefixes ---------------------------------------------------------------- */

static int read_prefixes(struct decoder *d, uint8_t *opcode)
{
	struct x86_insn *insn = d->insn;
	for (;;) {
		uint8_t byte;
		int err = fetch(d, &byte);
		if (err)
			return err;
		uint8_t seg = X86_REG_NONE;
		switch (byte) {
		case 0xF0: insn->prefixes |= X86_PREFIX_LOCK; d->has_lock = 1; break;
		case 0xF2: insn->prefixes |= X86_PREFIX_REPNE; d->last_f2f3 = byte; break;
		case 0xF3: insn->prefixes |= X86_PREFIX_REP; d->last_f2f3 = byte; break;
		case 0x66: insn->prefixes |= X86_PREFIX_OPSIZE; d->has_66 = 1; break;
		case 0x67: insn->prefixes |= X86_PREFIX_ADDRSIZE; d->has_67 = 1; break;
		case 0x26: insn->prefixes |= X86_PREFIX_ES; seg = X86_REG_ES; break;
		case 0x2E: insn->prefixes |= X86_PREFIX_CS; seg = X86_REG_CS; break;
		case 0x36: insn->prefixes |= X86_PREFIX_SS; seg = X86_REG_SS; break;
		case 0x3E: insn->prefixes |= X86_PREFIX_DS; seg = X86_REG_DS; break;
		case 0x64: insn->prefixes |= X86_PREFIX_FS; seg = X86_REG_FS; break;
		case 0x65: insn->prefixes |= X86_PREFIX_GS; seg = X86_REG_GS; break;
		default:
			if (d->mode == X86_MODE_64 && (byte & 0xF0) == 0x40) {
				insn->rex = byte; /* the last REX wins, if nothing follows */
				continue;
			}
			*opcode = byte;
			return 0;
		}
		/* A legacy prefix after REX makes that REX ignored (SDM vol. 2, 2.2.1). */
		insn->rex = 0;
		if (seg != X86_REG_NONE) {
			/* In 64-bit mode ES, CS, SS and DS overrides are ignored
			 * (SDM vol. 1, 3.3.7.1), and do not undo an FS or GS one. */
			if (d->mode != X86_MODE_64)
				d->segment = seg;
			else if (seg == X86_REG_FS || seg == X86_REG_GS)
				d->segment = seg;
		}
	}
}

/* ---- the entry point ---------------------------------------------------------- */

int x86_decode(const uint8_t *p, size_t avail, enum x86_mode mode, struct x86_insn *out)
{
	struct decoder d;
	const struct x86_node *root = x86_map_onebyte;
	uint8_t opcode;
	int err;

	memset(&d, 0, sizeof d);
	memset(out, 0, sizeof *out);
	d.bytes = p;
	d.avail = avail;
	d.mode = mode;
	d.insn = out;
	d.segment = X86_REG_NONE;
	out->mode = (uint8_t)mode;
	out->evex_rc = 0xFF;

	if ((err = read_prefixes(&d, &opcode)))
		return err;
	if (out->rex) {
		out->prefixes |= X86_PREFIX_REX;
		d.w = (out->rex >> 3) & 1;
		d.r = (out->rex >> 2) & 1;
		d.x = (out->rex >> 1) & 1;
		d.b = out->rex & 1;
	}

	out->encoding = X86_ENC_LEGACY;
	int is_3dnow = 0;
	if (opcode == 0x0F) {
		if ((err = fetch(&d, &opcode)))
			return err;
		if (opcode == 0x38 || opcode == 0x3A) {
			out->map = opcode == 0x38 ? 2 : 3;
			root = opcode == 0x38 ? x86_map_0f38 : x86_map_0f3a;
			if ((err = fetch(&d, &opcode)))
				return err;
		} else if (opcode == 0x0F) {
			out->map = 0x0F;
			out->encoding = X86_ENC_3DNOW;
			is_3dnow = 1;
		} else {
			out->map = 1;
			root = x86_map_0f;
		}
	} else if (opcode == 0xC4 || opcode == 0xC5 || opcode == 0x62 || opcode == 0x8F) {
		/* Outside 64-bit mode these are LES/LDS/BOUND unless the next byte
		 * has mod = 11 (SDM vol. 2, 2.3.5); 8F is XOP when the next byte's
		 * map field is 8 or more (AMD APM vol. 3, 1.8). */
		/* The byte that decides is part of the instruction either way. */
		if (d.pos >= X86_MAX_INSN_LENGTH)
			return X86_DECODE_TOO_LONG;
		if (d.pos >= d.avail)
			return X86_DECODE_TRUNCATED;
		uint8_t next = p[d.pos];
		int is_prefix;
		if (opcode == 0x8F)
			is_prefix = (next & 0x1F) >= 8;
		else
			is_prefix = mode == X86_MODE_64 || (next & 0xC0) == 0xC0;
		if (is_prefix) {
			/* 66, F2, F3, LOCK and REX before VEX/EVEX/XOP are #UD (SDM vol. 2, 2.3.2). */
			if (d.has_66 || d.last_f2f3 || d.has_lock || out->rex)
				return X86_DECODE_INVALID;
			err = opcode == 0x62 ? read_evex(&d, &root) : read_vex(&d, opcode, &root);
			if (err)
				return err;
			if ((err = fetch(&d, &opcode)))
				return err;
			/* Every EVEX instruction has a ModRM byte; reading it first lets
			 * the walk see it. */
			if (out->encoding == X86_ENC_EVEX && (err = evex_before_walk(&d, &root[opcode])))
				return err;
		}
	}
	out->opcode = opcode;

	unsigned form = X86_FORM_INVALID;
	struct x86_mem mem;
	int mem_decoded = 0;
	if (is_3dnow) {
		/* 0F 0F ModRM [SIB] [disp] imm8: the opcode comes last (AMD 3DNow!
		 * Technology Manual, 1.4). */
		if ((err = need_modrm(&d)))
			return err;
		out->address_size = (uint8_t)address_size(&d);
		if (modrm_mod(&d) != 3 && (err = decode_memory(&d, &mem, 0)))
			return err;
		mem_decoded = 1;
		if ((err = fetch(&d, &opcode)))
			return err;
		out->opcode = opcode;
		root = x86_map_3dnow;
		if ((err = walk(&d, &root[opcode], &form)))
			return err;
	} else if ((err = walk(&d, &root[opcode], &form))) {
		return err == X86_DECODE_INVALID ? undefined_length(&d) : err;
	}
	const struct x86_form_info *fi = &x86_forms[form];
	if ((fi->flags & X86_F_OSZ66) && d.mandatory == 0x66)
		d.mandatory = 0;

	if ((fi->flags & X86_F_I64) && mode == X86_MODE_64)
		return X86_DECODE_INVALID;
	if ((fi->flags & X86_F_O64) && mode != X86_MODE_64)
		return X86_DECODE_INVALID;
	/* 3E before an indirect CALL/JMP is the CET NOTRACK prefix, not a DS
	 * override of its memory operand: the SDM reserves segment overrides
	 * on branches (vol. 2, 2.1.1), and Zydis and objdump read it so. */
	if ((fi->flags & X86_F_NOTRACK) && d.segment == X86_REG_DS)
		d.segment = X86_REG_NONE;

	int needs_modrm = (fi->flags & X86_F_MODRM) != 0, mod_rule = 0, vsib = -1, rmod = 0;
	for (unsigned i = 0; i < fi->noperands; i++) {
		needs_modrm |= am_uses_modrm(fi->op[i].am);
		rmod |= fi->op[i].am == X86_AM_Rmod;
		mod_rule |= am_mod_rule(fi->op[i].am);
		if (fi->op[i].am == X86_AM_MVSIB)
			vsib = (int)i;
	}
	if (needs_modrm && (err = need_modrm(&d)))
		return err;
	if (out->has_modrm) {
		unsigned mod = modrm_mod(&d);
		if (((mod_rule & 1) && mod == 3) || ((mod_rule & 2) && mod != 3))
			return X86_DECODE_INVALID;
	}

	if (d.vex_like && (err = check_vex(&d, fi)))
		return err == X86_DECODE_INVALID ? undefined_length(&d) : err; /* #GP first if too long */

	out->operand_size = (uint8_t)operand_size(&d, fi->flags);
	out->address_size = (uint8_t)address_size(&d);
	if ((fi->flags & X86_F_A64) && mode == X86_MODE_64)
		out->address_size = 64;

	/* Rmod forms (MOV CR/DR) have no memory operand, so no SIB or
	 * displacement whatever mod says. */
	if (out->has_modrm && modrm_mod(&d) != 3 && !mem_decoded && !rmod) {
		unsigned vsib_bits = vsib >= 0 ? type_bits(&d, fi->op[vsib].ot) : 0;
		if (vsib >= 0 && vsib_bits < 128)
			vsib_bits = 128;
		if ((err = decode_memory(&d, &mem, vsib_bits)))
			return err;
		if ((fi->flags & X86_F_NORIP) && (mem.base == X86_REG_RIP || mem.base == X86_REG_EIP))
			return X86_DECODE_INVALID;
		if (fi->flags & X86_F_AGEN)
			mem.segment = default_segment_for_base(mem.base);
	}

	out->noperands = fi->noperands;
	for (unsigned i = 0; i < fi->noperands; i++) {
		if ((err = decode_operand(&d, fi->op[i], &mem, &out->operands[i])))
			return err;
	}
	if (out->encoding == X86_ENC_EVEX && (err = evex_finish(&d, fi)))
		return err;
	if (out->encoding == X86_ENC_VEX && (err = check_vex_distinct(out, fi)))
		return err;

	/* LOCK needs a lockable form with a memory destination (SDM vol. 2,
	 * LOCK). Checked once every byte is read: an instruction longer than
	 * 15 bytes raises #GP even with a misplaced LOCK (on the host,
	 * F0 66x11 A1 moffs64 faults with #GP, not #UD). */
	if (d.has_lock) {
		if (!(fi->flags & X86_F_LOCK) || !out->has_modrm || modrm_mod(&d) == 3)
			return X86_DECODE_INVALID;
	}

	if (d.mandatory == 0x66)
		out->prefixes |= X86_PREFIX_MANDATORY_66;
	else if (d.mandatory == 0xF3)
		out->prefixes |= X86_PREFIX_MANDATORY_F3;
	else if (d.mandatory == 0xF2)
		out->prefixes |= X86_PREFIX_MANDATORY_F2;
	out->segment_override = d.segment;
	out->form = (uint16_t)form;
	out->vex_l = d.vl;
	out->vex_w = d.w;
	out->vex_vvvv = (uint8_t)(d.vvvv | d.v2 << 4);
	out->length = (uint8_t)d.pos;
	return (int)d.pos;
}
