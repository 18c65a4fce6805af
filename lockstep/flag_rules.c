/* flag_rules.c - see flag_rules.h. */
#include "lockstep/flag_rules.h"

#include <signal.h>

/* Flags an instruction leaves undefined, and flags it certainly defines
 * (SDM vol. 2, "Flags Affected"); uop_diff.c's table plus the legacy
 * micro-ops. */
void flag_effects(const struct uop *u, int n, uint64_t *undefined, uint64_t *defined)
{
	*undefined = 0;
	*defined = 0;
	for (int i = 0; i < n; i++) {
		unsigned count_known = !u[i].src[1] && !u[i].src[2];
		unsigned count = (unsigned)u[i].imm & (u[i].width == 8 ? 0x3F : 0x1F);
		switch (u[i].op) {
		case UOP_AND: case UOP_OR: case UOP_XOR:
			*undefined |= FLAG_AF;
			*defined |= ARITH_FLAGS & ~FLAG_AF;
			break;
		case UOP_IMUL: case UOP_MULHI: case UOP_IMULHI:
			if (!u[i].flags_write)
				break; /* MULX: MULHI without flags */
			*undefined |= FLAG_SF | FLAG_ZF | FLAG_AF | FLAG_PF;
			*defined |= FLAG_CF | FLAG_OF;
			break;
		case UOP_DIVQ: case UOP_DIVR: case UOP_IDIVQ: case UOP_IDIVR:
			*undefined |= ARITH_FLAGS;
			break;
		case UOP_BT: case UOP_BTS: case UOP_BTR: case UOP_BTC:
			*undefined |= FLAG_OF | FLAG_SF | FLAG_AF | FLAG_PF | FLAG_ZF;
			*defined |= FLAG_CF;
			break;
		case UOP_BSF: case UOP_BSR:
			*undefined |= FLAG_CF | FLAG_OF | FLAG_SF | FLAG_AF | FLAG_PF;
			*defined |= FLAG_ZF;
			break;
		case UOP_TZCNT: case UOP_LZCNT:
			*undefined |= FLAG_OF | FLAG_SF | FLAG_AF | FLAG_PF;
			*defined |= FLAG_CF | FLAG_ZF;
			break;
		case UOP_SHL: case UOP_SHR: case UOP_SAR: case UOP_SHLD: case UOP_SHRD:
			if (u[i].op == UOP_SHLD || u[i].op == UOP_SHRD)
				count_known = !u[i].src[2];
			if (!count_known) {
				*undefined |= FLAG_OF | FLAG_AF;
			} else if (count) {
				*undefined |= FLAG_AF | (count > 1 ? FLAG_OF : 0);
				*defined |= (FLAG_CF | FLAG_SF | FLAG_ZF | FLAG_PF) | (count == 1 ? FLAG_OF : 0);
			}
			break;
		case UOP_ROL: case UOP_ROR: case UOP_RCL: case UOP_RCR:
			if (!count_known) {
				*undefined |= FLAG_OF;
			} else if (count) {
				/* RCL/RCR of 8 and 16 bits rotate by the count mod 9 or
				 * 17: a multiple of that keeps CF (SDM vol. 2, RCL,
				 * tempCOUNT; this host agrees). */
				int cf_kept = (u[i].op == UOP_RCL || u[i].op == UOP_RCR) && u[i].width <= 2 &&
					      count % (8u * u[i].width + 1) == 0;
				*undefined |= count > 1 ? FLAG_OF : 0;
				*defined |= (cf_kept ? 0 : FLAG_CF) | (count == 1 ? FLAG_OF : 0);
			}
			break;
		case UOP_WRFLAGS:
			*defined |= (uint64_t)u[i].imm & ARITH_FLAGS;
			break;
		/* SDM vol. 2, DAA/DAS: OF undefined; AAA/AAS: OF SF ZF PF
		 * undefined; AAM/AAD: OF AF CF undefined. */
		case UOP_DAA: case UOP_DAS:
			*undefined |= FLAG_OF;
			*defined |= ARITH_FLAGS & ~FLAG_OF;
			break;
		case UOP_AAA: case UOP_AAS:
			*undefined |= FLAG_OF | FLAG_SF | FLAG_ZF | FLAG_PF;
			*defined |= FLAG_AF | FLAG_CF;
			break;
		case UOP_CMPEQ: /* CMPXCHG8B/16B: ZF only; the others are kept */
		case UOP_ARPL: /* ZF only; the others are kept */
			*defined |= FLAG_ZF;
			break;
		/* BMI1/BMI2 (SDM vol. 2, each page's "Flags Affected"): AF and
		 * PF undefined, BEXTR also SF; the rest defined (set or cleared). */
		case UOP_ANDN: case UOP_BLSI: case UOP_BLSMSK: case UOP_BLSR: case UOP_BZHI:
			*undefined |= FLAG_AF | FLAG_PF;
			*defined |= FLAG_CF | FLAG_OF | FLAG_SF | FLAG_ZF;
			break;
		case UOP_BEXTR:
			*undefined |= FLAG_AF | FLAG_PF | FLAG_SF;
			*defined |= FLAG_CF | FLAG_OF | FLAG_ZF;
			break;
		case UOP_AAM: case UOP_AAD:
			*undefined |= FLAG_OF | FLAG_AF | FLAG_CF;
			*defined |= FLAG_SF | FLAG_ZF | FLAG_PF;
			break;
		default:
			if (u[i].flags_write & UF_CF)
				*defined |= FLAG_CF;
			if (u[i].flags_write & UF_OSZAP)
				*defined |= FLAG_OF | FLAG_SF | FLAG_ZF | FLAG_AF | FLAG_PF;
			break;
		}
	}
	*defined &= ~*undefined;
}

uint64_t flags_read(const struct uop *u, int n)
{
	uint64_t r = 0;
	for (int i = 0; i < n; i++) {
		switch (u[i].op) {
		case UOP_SHL: case UOP_SHR: case UOP_SAR: case UOP_ROL: case UOP_ROR:
		case UOP_SHLD: case UOP_SHRD:
		case UOP_ARPL:
			break; /* they only keep flags (shifts on a zero count) */
		default:
			if (u[i].flags_read & UF_CF)
				r |= FLAG_CF;
			if (u[i].flags_read & UF_OSZAP)
				r |= FLAG_OF | FLAG_SF | FLAG_ZF | FLAG_AF | FLAG_PF;
		}
	}
	return r;
}

int signal_of_vector(unsigned vector)
{
	switch (vector) {
	case VEC_DE: case VEC_MF: case VEC_XM: return SIGFPE;
	case VEC_UD: return SIGILL;
	case VEC_BP: case VEC_DB: return SIGTRAP;
	default: return SIGSEGV;
	}
}
