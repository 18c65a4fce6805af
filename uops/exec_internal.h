/* exec_internal.h - the executor's per-instruction frame and the helpers
 * shared by its files (exec.c: integer, memory, control; exec_vector.c:
 * SSE/AVX; exec_x87.c: x87). Not part of the public interface (uop.h). */
#ifndef UOPSIM_EXEC_INTERNAL_H
#define UOPSIM_EXEC_INTERNAL_H

#include <string.h>

#include "machine/memory.h"
#include "machine/state.h"
#include "uops/uop.h"

#define MAX_STORES 40 /* ENTER with nesting level 31 stores 32 values */

struct frame {
	struct uop_exec *x;
	uint64_t rip, next_rip;
	uint64_t saved_flags;
	unsigned nundo;
	uint8_t undo_reg[UOP_MAX_PER_INSN * 2];
	uint64_t undo_value[UOP_MAX_PER_INSN * 2];
	unsigned nstores;
	struct {
		uint64_t address;
		uint8_t data[64]; /* up to a ZMM register */
		uint8_t width;
	} store[MAX_STORES];
	int faulted;
	uint8_t vector;
	uint64_t fault_address;
	/* Vector registers: microcode temporaries and the rollback log. */
	uint8_t vtemp[4][64];
	unsigned nvundo;
	uint8_t vundo_reg[4];
	uint8_t vundo_value[4][64];
	/* x87: set by an instruction's computing micro-op when an unmasked
	 * exception suppresses the rest of it (its TOP change; exec_x87.c). */
	uint8_t x87_suppress;
	/* Control: the RIP after the instruction (branches set it), and what
	 * to report (SYSCALL/INT n, a REP iteration that goes on). */
	uint64_t new_rip;
	uint8_t syscall, syscall_vector, repeating;
};

/* The three parts of uop_execute (exec.c), also used by the pre-decoded
 * executor (exec_fast.c) for the micro-ops it has no handler of its own
 * for: start an instruction's frame, execute one micro-op (no micro-
 * branches), and commit the instruction (stores, RIP) or roll it back. */
void exec_begin(struct frame *f, struct uop_exec *x, uint64_t rip, unsigned length);
void exec_generic(struct frame *f, const struct uop *u);
void exec_end(struct frame *f, struct uop_exec_result *result);

/* ---- vector registers (see uops_vector.def) ---- */

static inline int ureg_is_vector(unsigned r)
{
	return (r >= UREG_V0 && r <= UREG_VT3) || (r >= UREG_MM0 && r <= UREG_MM7);
}

/* The bytes of vector register r: 64 for V0-V31 and the temporaries, 8
 * for an MMX register (the significand of its x87 register). */
static inline uint8_t *vreg(struct frame *f, unsigned r)
{
	if (r >= UREG_V0 && r <= UREG_V31)
		return f->x->state->zmm[r - UREG_V0];
	if (r >= UREG_VT0 && r <= UREG_VT3)
		return f->vtemp[r - UREG_VT0];
	return (uint8_t *)&f->x->state->st[r - UREG_MM0].significand;
}

/* Writes `bytes` bytes of a vector result to r. The bytes above are kept
 * (legacy SSE), or zeroed up to the full register with VF_ZERO_UPPER
 * (VEX/EVEX). MMX registers hold 8 bytes; writing one also makes its x87
 * register's exponent all ones (SDM vol. 1, 9.5.1). */
/* Restores a logged vector or MMX register (rollback of a fault). */
static inline void vreg_restore(struct frame *f, unsigned i)
{
	unsigned r = f->vundo_reg[i];
	if (r >= UREG_MM0 && r <= UREG_MM7)
		memcpy(&f->x->state->st[r - UREG_MM0], f->vundo_value[i], sizeof(struct x87_reg));
	else
		memcpy(vreg(f, r), f->vundo_value[i], 64);
}

static inline void vreg_write(struct frame *f, const struct uop *u, unsigned r, const uint8_t *data, unsigned bytes)
{
	uint8_t *p = vreg(f, r);
	int mmx = r >= UREG_MM0 && r <= UREG_MM7;
	unsigned size = mmx ? 8 : 64;
	if (u->log_undo && (r <= UREG_V31 || mmx) && f->nvundo < 4) {
		f->vundo_reg[f->nvundo] = (uint8_t)r;
		if (mmx) /* the whole x87 register: significand and exponent */
			memcpy(f->vundo_value[f->nvundo++], &f->x->state->st[r - UREG_MM0], sizeof(struct x87_reg));
		else
			memcpy(f->vundo_value[f->nvundo++], p, 64);
	}
	if (bytes > size)
		bytes = size;
	memcpy(p, data, bytes);
	if ((u->vflags & VF_ZERO_UPPER) && !mmx)
		memset(p + bytes, 0, size - bytes);
	if (mmx)
		f->x->state->st[r - UREG_MM0].sign_exponent = 0xFFFF;
}

static const uint64_t width_masks[9] = {
	0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFFull, 0xFFFFFFFFFFFFull, 0xFFFFFFFFFFFFFFull, ~0ull,
};

static inline uint64_t width_mask(unsigned width)
{
	return width_masks[width < 8 ? width : 8];
}

static inline uint64_t sign_bit(unsigned width)
{
	return 1ull << (8 * width - 1);
}

static inline int64_t sign_extend(uint64_t v, unsigned width)
{
	unsigned shift = 64 - 8 * width;
	return width >= 8 ? (int64_t)v : (int64_t)(v << shift) >> shift;
}

static inline uint64_t read_full(struct frame *f, unsigned reg)
{
	return *f->x->reg[reg];
}

static inline uint64_t read_reg(struct frame *f, unsigned reg, unsigned width, int high_byte)
{
	uint64_t v = read_full(f, reg);
	if (high_byte)
		return (v >> 8) & 0xFF;
	return v & width_mask(width);
}

/* Writes `value` as a `width`-byte result: narrow GPR writes merge, 4-byte
 * ones zero-extend (SDM vol. 1, 3.4.1.1); temporaries take the value. */
static inline void write_reg(struct frame *f, unsigned reg, unsigned width, int high_byte, uint64_t value,
			     int log_undo)
{
	uint64_t *r = f->x->reg[reg];
	if (reg > UREG_R15) {
		*r = value & width_mask(width);
		return;
	}
	if (log_undo) {
		f->undo_reg[f->nundo] = (uint8_t)reg;
		f->undo_value[f->nundo++] = *r;
	}
	if (width >= 4 && !high_byte)
		*r = value & width_mask(width);
	else if (high_byte)
		*r = (*r & ~0xFF00ull) | (value & 0xFF) << 8;
	else
		*r = (*r & ~width_mask(width)) | (value & width_mask(width));
}

static inline uint64_t src(struct frame *f, const struct uop *u, int i, unsigned width)
{
	static const uint8_t high_bit[3] = { HI8_SRC0, HI8_SRC1, HI8_SRC2 };
	return read_reg(f, u->src[i], width, (u->high_byte & high_bit[i]) != 0);
}

/* Second operand: src1 if present, else the immediate. */
static inline uint64_t src1_or_imm(struct frame *f, const struct uop *u)
{
	return u->src[1] ? src(f, u, 1, u->width) : (uint64_t)u->imm & width_mask(u->width);
}

static inline void write_dst(struct frame *f, const struct uop *u, uint64_t value)
{
	if (u->dst)
		write_reg(f, u->dst, u->width, (u->high_byte & HI8_DST) != 0, value, u->log_undo);
}

/* ---- flags --------------------------------------------------------------- */

#define OSZAP_BITS (FLAG_OF | FLAG_SF | FLAG_ZF | FLAG_AF | FLAG_PF)
/* RFLAGS bits of each combination of flag groups (enum uop_flag_group). */
static const uint64_t group_bits[8] = {
	0, FLAG_CF, OSZAP_BITS, FLAG_CF | OSZAP_BITS,
	FLAG_DF, FLAG_DF | FLAG_CF, FLAG_DF | OSZAP_BITS, FLAG_DF | FLAG_CF | OSZAP_BITS,
};

static inline void set_flags(struct frame *f, const struct uop *u, uint64_t bits)
{
	uint64_t mask = group_bits[u->flags_write & 7];
	f->x->state->rflags = (f->x->state->rflags & ~mask) | (bits & mask);
}

static inline uint64_t flags(struct frame *f)
{
	return f->x->state->rflags;
}

/* SF, ZF and PF of a result (PF: even parity of the low byte). */
static inline uint64_t szp(uint64_t r, unsigned width)
{
	r &= width_mask(width);
	uint64_t out = 0;
	if (r == 0)
		out |= FLAG_ZF;
	if (r & sign_bit(width))
		out |= FLAG_SF;
	if (!__builtin_parity((unsigned)(r & 0xFF)))
		out |= FLAG_PF;
	return out;
}

/* OF, SF, ZF, AF, PF and CF of a + b + carry_in = r and of a - b - borrow_in
 * = r (SDM vol. 1, Appendix A; vol. 2, ADD/ADC/SUB/SBB). */
static inline uint64_t add_flags(uint64_t a, uint64_t b, uint64_t carry_in, uint64_t r, unsigned width)
{
	unsigned __int128 wide = (unsigned __int128)(a & width_mask(width)) + (b & width_mask(width)) + carry_in;
	uint64_t out = szp(r, width);
	if (wide >> (8 * width))
		out |= FLAG_CF;
	if ((a ^ r) & (b ^ r) & sign_bit(width))
		out |= FLAG_OF;
	if ((a ^ b ^ r) & 0x10)
		out |= FLAG_AF;
	return out;
}

static inline uint64_t sub_flags(uint64_t a, uint64_t b, uint64_t borrow_in, uint64_t r, unsigned width)
{
	uint64_t out = szp(r, width);
	if ((unsigned __int128)(a & width_mask(width)) < (unsigned __int128)(b & width_mask(width)) + borrow_in)
		out |= FLAG_CF;
	if ((a ^ b) & (a ^ r) & sign_bit(width))
		out |= FLAG_OF;
	if ((a ^ b ^ r) & 0x10)
		out |= FLAG_AF;
	return out;
}

/* ---- shifts and rotates (SDM vol. 2, SAL/SAR/SHL/SHR, RCL/RCR/ROL/ROR,
 * SHLD/SHRD) ---- */

/* The result of shift/rotate micro-op `op` of a (b: the bits shifted in by
 * SHLD/SHRD) by count, already masked and non-zero; *flags_out gets
 * RFLAGS after it (fl before). */
static inline uint64_t shift_compute(unsigned op, uint64_t a, uint64_t b, unsigned count, unsigned width,
				     uint64_t fl, uint64_t *flags_out)
{
	unsigned bits = 8 * width;
	uint64_t out = fl, r = a, mask = width_mask(width);
	int cf = !!(fl & FLAG_CF);
	switch (op) {
	case UOP_SHL:
		r = count < bits ? a << count : 0;
		cf = count <= bits ? (int)((a >> (bits - count)) & 1) : 0;
		out = szp(r, width) | (cf ? FLAG_CF : 0);
		if (((r & sign_bit(width)) != 0) != cf)
			out |= FLAG_OF;
		break;
	case UOP_SHR:
		r = count < bits ? a >> count : 0;
		cf = count <= bits ? (int)((a >> (count - 1)) & 1) : 0;
		out = szp(r, width) | (cf ? FLAG_CF : 0);
		if (a & sign_bit(width)) /* OF = MSB of the original, for count 1 */
			out |= FLAG_OF;
		break;
	case UOP_SAR: {
		int64_t sa = sign_extend(a, width);
		unsigned c = count < bits ? count : bits - 1;
		r = (uint64_t)(sa >> c);
		cf = (int)((sa >> (count < bits ? count - 1 : bits - 1)) & 1);
		out = szp(r, width) | (cf ? FLAG_CF : 0);
		break;
	}
	case UOP_ROL: case UOP_ROR: {
		unsigned c = count % bits;
		if (op == UOP_ROL)
			r = c ? ((a << c) | (a >> (bits - c))) & mask : a;
		else
			r = c ? ((a >> c) | (a << (bits - c))) & mask : a;
		out = fl & ~(uint64_t)(FLAG_CF | FLAG_OF);
		int msb = !!(r & sign_bit(width));
		if (op == UOP_ROL) {
			cf = (int)(r & 1);
			if (msb != cf)
				out |= FLAG_OF;
		} else {
			cf = msb;
			if (msb != !!(r & (sign_bit(width) >> 1)))
				out |= FLAG_OF;
		}
		if (cf)
			out |= FLAG_CF;
		break;
	}
	case UOP_RCL: case UOP_RCR: {
		/* Rotate through CF: a (bits + 1)-bit rotation. */
		unsigned c = count % (bits + 1);
		unsigned __int128 v = ((unsigned __int128)cf << bits) | a, all = ((unsigned __int128)1 << (bits + 1)) - 1;
		if (c) {
			if (op == UOP_RCL)
				v = ((v << c) | (v >> (bits + 1 - c))) & all;
			else
				v = ((v >> c) | (v << (bits + 1 - c))) & all;
		}
		r = (uint64_t)v & mask;
		cf = (int)(v >> bits) & 1;
		out = fl & ~(uint64_t)(FLAG_CF | FLAG_OF);
		int msb = !!(r & sign_bit(width));
		if (op == UOP_RCL ? msb != cf : msb != !!(r & (sign_bit(width) >> 1)))
			out |= FLAG_OF;
		if (cf)
			out |= FLAG_CF;
		break;
	}
	case UOP_SHLD: case UOP_SHRD: {
		/* Counts above the width (16-bit forms) are undefined; shift
		 * through the concatenation as the hardware does for 32/64. */
		unsigned __int128 cat;
		if (op == UOP_SHLD) {
			cat = ((unsigned __int128)a << bits) | b;
			cat <<= count % (2 * bits);
			r = (uint64_t)(cat >> bits) & mask;
			cf = (int)((((unsigned __int128)a << bits | b) >> (2 * bits - count % (2 * bits))) & 1);
		} else {
			cat = ((unsigned __int128)b << bits) | a;
			r = (uint64_t)(cat >> (count % (2 * bits))) & mask;
			cf = (int)((cat >> (count - 1)) & 1);
		}
		out = szp(r, width) | (cf ? FLAG_CF : 0);
		if ((r ^ a) & sign_bit(width))
			out |= FLAG_OF;
		break;
	}
	default:
		break;
	}
	*flags_out = out;
	return r;
}

/* ---- multiply (SDM vol. 2, MUL/IMUL) ---- */

/* The result of multiply micro-op `op` (IMUL, MULHI, IMULHI, MULLO) of a
 * and b; *flags_out gets the flag bits it writes. */
static inline uint64_t mul_compute(unsigned op, uint64_t a, uint64_t b, unsigned width, uint64_t *flags_out)
{
	unsigned bits = 8 * width;
	uint64_t low, high, out;
	if (op == UOP_MULHI || op == UOP_MULLO) {
		unsigned __int128 p = (unsigned __int128)a * b;
		low = (uint64_t)p & width_mask(width);
		high = (uint64_t)(p >> bits) & width_mask(width);
		out = high ? FLAG_CF | FLAG_OF : 0;
	} else {
		__int128 p = (__int128)sign_extend(a, width) * sign_extend(b, width);
		low = (uint64_t)p & width_mask(width);
		high = (uint64_t)(p >> bits) & width_mask(width);
		out = p != (__int128)sign_extend(low, width) ? FLAG_CF | FLAG_OF : 0;
	}
	/* SF, ZF, AF, PF are undefined after multiplies; these follow the
	 * low half of the result. */
	*flags_out = out | szp(low, width);
	return op == UOP_MULHI || op == UOP_IMULHI ? high : low;
}

/* ---- memory ----------------------------------------------------------------- */

static inline void fault(struct frame *f, uint8_t vector, uint64_t address)
{
	if (!f->faulted) {
		f->faulted = 1;
		f->vector = vector;
		f->fault_address = address;
	}
}

/* Linear address of a memory micro-op: the effective address wraps at
 * the address size, then the segment base is added (SDM vol. 1, 3.3.7). */
static inline uint64_t linear_address(struct frame *f, const struct uop *u)
{
	uint64_t ea = read_full(f, u->src[1]) + (read_full(f, u->src[2]) << u->scale) + (uint64_t)u->imm;
	ea &= width_mask(u->asize);
	uint64_t linear = read_full(f, u->src[0]) + ea;
	if (f->x->mode == X86_MODE_64)
		return linear;
	/* Protected mode: an access through a null selector is #GP (SDM vol.
	 * 3A, 5.4.1). Checked only once the OS layer has set the selectors
	 * up (CS is never null then). */
	const struct x86_state *s = f->x->state;
	if (u->src[0] >= UREG_ES_BASE && u->src[0] <= UREG_GS_BASE && s->selector[SEG_CS] &&
	    !(s->selector[u->src[0] - UREG_ES_BASE] & ~3u))
		fault(f, VEC_GP, 0);
	return linear & 0xFFFFFFFF;
}

/* Vector and x87 micro-ops: each returns 1 if it executed u, 0 if u is not
 * one of its family (exec_vector.c, exec_x87.c). */
int exec_vector(struct frame *f, const struct uop *u);
/* The two halves of exec_vector(): integer and data movement
 * (exec_vector_int.c), floating point (exec_vector_fp.c). */
int exec_vector_int(struct frame *f, const struct uop *u);
int exec_vector_fp(struct frame *f, const struct uop *u);
int exec_x87(struct frame *f, const struct uop *u);
int exec_legacy(struct frame *f, const struct uop *u); /* exec_legacy.c: BCD, BOUND, segments */
int exec_bmi(struct frame *f, const struct uop *u); /* exec_bmi.c: BMI1/BMI2, RDTSCAUX */

#endif
