/* exec_legacy.c - execution of the micro-ops of uops_legacy.def: BCD
 * adjusts, BOUND's check, ARPL, segment-register reads and loads. Flag
 * rules cite the SDM vol. 2 instruction pages; segment rules SDM vol. 3A,
 * 5.4-5.8 (privilege checks of data and stack segment loads, far
 * transfers), for CPL 3 with Linux's GDT and no LDT. Not modelled: the
 * type checks of later accesses (a write through a code segment loaded
 * into DS is #GP on hardware) and segment limits (Linux's are 4 GB). */
#include "uops/exec_internal.h"

/* Linux's i386 GDT as user code sees it without TLS entries: __USER_CS
 * (entry 4) and __USER_DS (entry 5), flat (arch/x86/include/asm/segment.h). */
static int default_descriptor(uint16_t selector, uint64_t *base, int *code)
{
	*base = 0;
	switch (selector >> 3) {
	case 4: *code = 1; return 0;
	case 5: *code = 0; return 0;
	default: return -1;
	}
}

/* SEGLOAD: a selector into a segment register, with its checks; #GP
 * leaves the register as it was. */
static void segment_load(struct frame *f, const struct uop *u)
{
	struct x86_state *s = f->x->state;
	unsigned seg = (unsigned)u->imm & 7;
	int far_return = (u->imm & 0x100) != 0;
	uint16_t selector = (uint16_t)read_reg(f, u->src[0], 2, 0);
	unsigned rpl = selector & 3;
	uint64_t base = 0;
	int code = 0;
	if (seg >= SEG_COUNT) {
		fault(f, VEC_UD, 0);
		return;
	}
	if ((selector & ~3u) == 0) {
		/* A null selector: loadable into DS ES FS GS (using it later is
		 * #GP, not modelled), never into CS or SS (SDM vol. 3A, 5.4.1). */
		if (seg == SEG_CS || seg == SEG_SS) {
			fault(f, VEC_GP, 0);
			return;
		}
		s->selector[seg] = selector;
		s->segment_base[seg] = 0;
		return;
	}
	const struct uop_env *env = f->x->env;
	int bad = (selector & 4) /* LDT: Linux user processes have none by default */ ||
		  (env && env->descriptor ? env->descriptor(env->context, selector, &base, &code)
					  : default_descriptor(selector, &base, &code));
	if (!bad) {
		switch (seg) {
		case SEG_CS:
			/* Far JMP/CALL: nonconforming code, DPL = CPL, RPL <= CPL
			 * (always); the loaded RPL becomes CPL. A far return to RPL
			 * < 3 would be to an inner level: #GP (SDM vol. 2, RET). */
			bad = !code || (far_return && rpl != 3);
			selector = (uint16_t)(selector | 3);
			break;
		case SEG_SS:
			/* Writable data, RPL = DPL = CPL (SDM vol. 3A, 5.7). */
			bad = code || rpl != 3;
			break;
		default:
			/* Data or readable code with DPL >= max(CPL, RPL): any
			 * DPL-3 descriptor (SDM vol. 3A, 5.6). */
			break;
		}
	}
	if (bad) {
		fault(f, VEC_GP, 0);
		return;
	}
	s->selector[seg] = selector;
	s->segment_base[seg] = base;
}

int exec_legacy(struct frame *f, const struct uop *u)
{
	struct x86_state *s = f->x->state;
	uint64_t fl = flags(f);
	int af = (fl & FLAG_AF) != 0, cf = (fl & FLAG_CF) != 0;
	uint64_t ax = src(f, u, 0, 2), al = ax & 0xFF, ah = (ax >> 8) & 0xFF;
	switch (u->op) {
	case UOP_DAA: case UOP_DAS: {
		/* SDM vol. 2, DAA / DAS. */
		uint64_t r = al, out = 0;
		int borrow_or_carry = 0;
		if ((al & 0xF) > 9 || af) {
			borrow_or_carry = u->op == UOP_DAA ? al + 6 > 0xFF : al < 6;
			r = u->op == UOP_DAA ? r + 6 : r - 6;
			out |= FLAG_AF;
		}
		int high = al > 0x99 || cf;
		if (high)
			r = u->op == UOP_DAA ? r + 0x60 : r - 0x60;
		/* DAA: CF = the second test alone; DAS keeps the borrow of the
		 * first step too (its pseudo-code has no ELSE CF := 0). */
		if (high || (u->op == UOP_DAS && borrow_or_carry && ((al & 0xF) > 9 || af)))
			out |= FLAG_CF;
		out |= szp(r, 1);
		write_reg(f, u->dst, 1, 0, r, u->log_undo);
		set_flags(f, u, out);
		return 1;
	}
	case UOP_AAA: case UOP_AAS: {
		uint64_t r = ax, out = 0;
		if ((al & 0xF) > 9 || af) {
			r = u->op == UOP_AAA ? ax + 0x106 : ((ax - 6) & 0xFFFF) - 0x100;
			out = FLAG_AF | FLAG_CF;
		}
		r = (r & 0xFF00) | (r & 0x0F);
		out |= szp(r, 1);
		write_reg(f, u->dst, 2, 0, r, u->log_undo);
		set_flags(f, u, out);
		return 1;
	}
	case UOP_AAM: {
		uint64_t base = (uint64_t)u->imm & 0xFF;
		if (base == 0) {
			fault(f, VEC_DE, 0);
			return 1;
		}
		uint64_t r = ((al / base) << 8) | (al % base);
		write_reg(f, u->dst, 2, 0, r, u->log_undo);
		set_flags(f, u, szp(r, 1));
		return 1;
	}
	case UOP_AAD: {
		uint64_t r = (al + ah * ((uint64_t)u->imm & 0xFF)) & 0xFF;
		write_reg(f, u->dst, 2, 0, r, u->log_undo);
		set_flags(f, u, szp(r, 1));
		return 1;
	}
	case UOP_BOUNDCHK: {
		int64_t index = sign_extend(src(f, u, 0, u->width), u->width);
		int64_t lower = sign_extend(src(f, u, 1, u->width), u->width);
		int64_t upper = sign_extend(src(f, u, 2, u->width), u->width);
		if (index < lower || index > upper)
			fault(f, VEC_BR, 0);
		return 1;
	}
	case UOP_ARPL: {
		uint64_t dest = src(f, u, 0, 2), source = src(f, u, 1, 2);
		int adjust = (dest & 3) < (source & 3);
		write_dst(f, u, adjust ? (dest & ~3ull) | (source & 3) : dest);
		set_flags(f, u, (fl & ~(uint64_t)FLAG_ZF) | (adjust ? FLAG_ZF : 0));
		return 1;
	}
	case UOP_RDSEG:
		write_dst(f, u, (unsigned)u->imm < SEG_COUNT ? s->selector[u->imm] : 0);
		return 1;
	case UOP_SEGLOAD:
		segment_load(f, u);
		return 1;
	default:
		return 0;
	}
}
