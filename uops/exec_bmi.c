/* exec_bmi.c - execution of the BMI1/BMI2 micro-ops and RDTSCAUX
 * (uops_int.def, section "BMI1/BMI2"). Semantics and flags: SDM vol. 2,
 * the ANDN, BEXTR, BLSI, BLSMSK, BLSR, BZHI, PDEP, PEXT, RORX and
 * SARX/SHLX/SHRX pages. Flags the SDM leaves undefined (AF and PF, and SF
 * for BEXTR) are written as 0 here; lockstep/flag_rules.c masks them
 * in the comparison with the host. */
#include "uops/exec_internal.h"

static uint64_t pdep(uint64_t v, uint64_t mask)
{
	uint64_t r = 0;
	for (uint64_t bit = 1; mask; bit <<= 1) {
		uint64_t low = mask & -mask;
		if (v & bit)
			r |= low;
		mask &= mask - 1;
	}
	return r;
}

static uint64_t pext(uint64_t v, uint64_t mask)
{
	uint64_t r = 0;
	for (uint64_t bit = 1; mask; bit <<= 1) {
		uint64_t low = mask & -mask;
		if (v & low)
			r |= bit;
		mask &= mask - 1;
	}
	return r;
}

/* SF and ZF of a result (PF and AF are undefined for all of these). */
static uint64_t sz(uint64_t r, unsigned width)
{
	return szp(r, width) & (FLAG_SF | FLAG_ZF);
}

int exec_bmi(struct frame *f, const struct uop *u)
{
	unsigned w = u->width, bits = 8 * w;
	uint64_t mask = width_mask(w), a = src(f, u, 0, w), b = src1_or_imm(f, u), r, fl = 0;
	switch (u->op) {
	case UOP_ANDN:
		r = ~a & b & mask;
		fl = sz(r, w);
		break;
	case UOP_BEXTR: {
		unsigned start = (unsigned)(b & 0xFF), len = (unsigned)((b >> 8) & 0xFF);
		r = start >= bits ? 0 : a >> start;
		if (len < 64)
			r &= (1ull << len) - 1;
		r &= mask;
		fl = r ? 0 : FLAG_ZF;
		break;
	}
	case UOP_BLSI:
		r = a & -a & mask;
		fl = sz(r, w) | (a ? FLAG_CF : 0);
		break;
	case UOP_BLSMSK:
		r = (a ^ (a - 1)) & mask;
		fl = (szp(r, w) & FLAG_SF) | (a ? 0 : FLAG_CF);
		break;
	case UOP_BLSR:
		r = a & (a - 1) & mask;
		fl = sz(r, w) | (a ? 0 : FLAG_CF);
		break;
	case UOP_BZHI: {
		unsigned n = (unsigned)(b & 0xFF);
		r = n < bits ? a & ((1ull << n) - 1) : a;
		fl = sz(r, w) | (n < bits ? 0 : FLAG_CF);
		break;
	}
	case UOP_PDEP:
		r = pdep(a, b) & mask;
		break;
	case UOP_PEXT:
		r = pext(a, b) & mask;
		break;
	case UOP_SHLX:
		r = (a << (b & (bits - 1))) & mask;
		break;
	case UOP_SHRX:
		r = a >> (b & (bits - 1));
		break;
	case UOP_SARX:
		r = (uint64_t)(sign_extend(a, w) >> (b & (bits - 1))) & mask;
		break;
	case UOP_RORX: {
		unsigned c = (unsigned)u->imm & (bits - 1);
		r = c ? ((a >> c) | (a << (bits - c))) & mask : a;
		break;
	}
	case UOP_RDTSCAUX: {
		const struct uop_env *env = f->x->env;
		write_dst(f, u, env && env->tsc_aux ? env->tsc_aux(env->context) : 0);
		return 1;
	}
	default:
		return 0;
	}
	write_dst(f, u, r);
	if (u->flags_write)
		set_flags(f, u, fl);
	return 1;
}
