/* exec_fast.c - pre-decoded execution of decoded blocks (see uop.h).
 *
 * uop_execute interprets a micro-op from its fields each time: a switch on
 * the operation, operand-kind tests, a per-instruction frame for precise
 * exceptions. A decoded block runs the same micro-ops millions of times,
 * so uop_fast_compile resolves all of that once per block: each micro-op
 * becomes a handler number (operation, with or without flag results, by
 * immediate or by register) with its masks precomputed, the block's
 * instructions become one stream of them, and uop_fast_run jumps from
 * handler to handler (GCC's computed goto: no switch, no bounds check, no
 * per-instruction loop for the common instructions). At the end of a block
 * it asks the caller for the next one (cpu.c: the block's remembered
 * successors), so a hot loop runs without leaving this function.
 *
 * Micro-op semantics stay in one place: the handlers here use the same
 * helpers as exec.c (add_flags, sub_flags, shift_compute, mul_compute in
 * exec_internal.h), and micro-ops without a handler of their own run
 * through exec.c's code (exec_generic) inside its frame.
 *
 * Precise exceptions (uop.h): an instruction is run in one of three ways.
 *  - K_FAST: every micro-op has a handler and none needs the frame. Only
 *    a LOAD or STA can fail (page not in the TLB, not mapped, crossing a
 *    page); the cracker puts them before every GPR write that must survive
 *    (log_undo is clear), so a failure only needs RFLAGS restored, and the
 *    instruction is then run again by uop_execute, which reports the fault
 *    or completes it (page crossings, pages holding code).
 *  - K_FRAME: some micro-ops run through exec_generic; the frame logs
 *    their register writes and buffers their stores. A fast LOAD/STA that
 *    fails rolls the frame back and reruns the instruction the same way.
 *  - K_SLOW: micro-branches or REP iterations: uop_execute (up to
 *    REP_BATCH iterations of a REP instruction in a row).
 * A STA/STD pair writes guest memory directly only when nothing after the
 * STA in the instruction can fault, and only through TLB write entries,
 * which never cover pages holding decoded code (machine/memory.h), so a
 * direct store never needs the self-modifying-code check. */
#include <stdlib.h>

#include "uops/exec_internal.h"

enum handler {
	H_EXIT, H_BEGIN, H_FRAME_BEGIN, H_FRAME_END, H_SLOW, H_GENERIC, H_NOP, H_MOV,
	H_ADD, H_ADD_F, H_SUB, H_SUB_F, H_AND, H_AND_F, H_OR, H_OR_F, H_XOR, H_XOR_F,
	H_INC, H_INC_F, H_DEC, H_DEC_F, H_NEG, H_NEG_F, H_NOT,
	H_ZEXT, H_SEXT, H_LEA, H_SETCC, H_CMOV,
	H_SHL, H_SHR, H_SAR, H_ROL, H_ROR, H_SHL_CL, H_SHR_CL, H_SAR_CL, H_ROL_CL, H_ROR_CL,
	/* the same, for flag results nobody reads: the compiler drops their computation */
	H_SHL_N, H_SHR_N, H_SAR_N, H_ROL_N, H_ROR_N, H_SHL_CL_N, H_SHR_CL_N, H_SAR_CL_N, H_ROL_CL_N, H_ROR_CL_N,
	H_ADC, H_SBB, H_IMUL, H_IMUL_N, H_MULLO,
	H_LOAD1, H_LOAD2, H_LOAD4, H_LOAD8, H_STA, H_STD1, H_STD2, H_STD4, H_STD8,
	H_BR, H_BRCC,
	H_COUNT
};

/* A pre-decoded micro-op. Register operands index x->reg; a missing
 * source reads UREG_NONE (zero), so "src1 or immediate" is src1 + imm
 * with imm cleared when src1 is a register. */
struct fuop {
	uint8_t h;        /* enum handler */
	uint8_t dst;      /* not UREG_NONE when written: a result nobody reads goes to a free temporary */
	uint8_t s0, s1, s2;
	uint8_t scale;    /* LOAD/STA/LEA: log2 of the index scale */
	uint8_t cond;     /* SETCC, CMOV, BRCC: enum uop_cond below COND_SRC0_ZERO */
	uint8_t ext;      /* ZEXT, SEXT, LOAD: 64 - 8 * source width (the sign-extension shift); LOAD: 0 = zero-extend */
	uint8_t width;
	uint8_t count;    /* shifts by imm: the count (masked, non-zero); by CL: the count mask */
	uint8_t insn;     /* LOAD, STA and instruction markers: the instruction's index in the block */
	uint64_t mask;    /* width_mask(width) */
	uint64_t keep;    /* bits of a GPR destination a narrow write keeps */
	uint64_t fmask;   /* RFLAGS bits the micro-op writes (after dead-flag elimination) */
	uint64_t amask;   /* LOAD/STA/LEA: address-size mask; ZEXT/SEXT: source width mask */
	uint64_t imm;
	const struct uop *u; /* H_GENERIC */
};

enum kind { K_FAST, K_FRAME, K_SLOW };

/* REP iterations run back to back by one uop_fast_run (they are not
 * instructions, so the caller's budget does not bound them). */
#define REP_BATCH 4096

struct finsn {
	uint64_t rip, next_rip;
	const struct uop *uops; /* the original micro-ops (uop_execute) */
	uint32_t first;         /* its first fuop (a marker, if any) */
	uint32_t uops_before;   /* micro-ops of the instructions before it */
	uint8_t nuops, length;
	uint8_t kind;           /* enum kind */
	uint8_t save_flags;     /* K_FAST: RFLAGS is written before a LOAD/STA that may rerun it */
	uint8_t stores;         /* has STA micro-ops */
};

/* The block's micro-ops in one stream: K_FAST instructions back to back
 * (an H_BEGIN first if they need RFLAGS saved or read UREG_NEXT_RIP),
 * K_FRAME ones between H_FRAME_BEGIN and H_FRAME_END, K_SLOW ones as one
 * H_SLOW; H_EXIT at the end. insn[ninsns] is a sentinel: first = the
 * H_EXIT, uops_before = all the block's micro-ops. */
struct uop_fast_code {
	unsigned ninsns;
	struct finsn *insn;
	struct fuop *uop;
};

/* ---- conditions ----------------------------------------------------------
 * cond_table[i] has bit c set when condition c holds for the flags packed
 * as i = CF | PF << 1 | ZF << 2 | SF << 3 | OF << 4 (SDM vol. 1, B.1). */
#define CT_CF(i) ((i) & 1)
#define CT_PF(i) (((i) >> 1) & 1)
#define CT_ZF(i) (((i) >> 2) & 1)
#define CT_SF(i) (((i) >> 3) & 1)
#define CT_OF(i) (((i) >> 4) & 1)
#define CT(i)                                                                                                  \
	(CT_OF(i) << COND_O | !CT_OF(i) << COND_NO | CT_CF(i) << COND_B | !CT_CF(i) << COND_AE |               \
	 CT_ZF(i) << COND_E | !CT_ZF(i) << COND_NE | (CT_CF(i) | CT_ZF(i)) << COND_BE |                         \
	 !(CT_CF(i) | CT_ZF(i)) << COND_A | CT_SF(i) << COND_S | !CT_SF(i) << COND_NS | CT_PF(i) << COND_P |    \
	 !CT_PF(i) << COND_NP | (CT_SF(i) != CT_OF(i)) << COND_L | (CT_SF(i) == CT_OF(i)) << COND_GE |          \
	 (CT_ZF(i) | (CT_SF(i) != CT_OF(i))) << COND_LE | (!CT_ZF(i) && CT_SF(i) == CT_OF(i)) << COND_G)
#define CT4(i) CT(i), CT(i + 1), CT(i + 2), CT(i + 3)
static const uint16_t cond_table[32] = {
	CT4(0), CT4(4), CT4(8), CT4(12), CT4(16), CT4(20), CT4(24), CT4(28),
};

static inline int cond_holds(uint64_t fl, unsigned cond)
{
	unsigned i = (unsigned)((fl & FLAG_CF) | (fl >> 1 & 2) | (fl >> 4 & 12) | (fl >> 7 & 16));
	return cond_table[i] >> cond & 1;
}

/* ---- compilation ----------------------------------------------------------- */

static int is_gpr(unsigned r)
{
	return r >= UREG_RAX && r <= UREG_R15;
}

static int is_temp(unsigned r)
{
	return r >= UREG_T0 && r <= UREG_T7;
}

/* Integer micro-ops on integer registers only: a fault in such an
 * instruction is rolled back entirely by the frame's GPR log and saved
 * RFLAGS, so it can be rerun. */
static int is_plain(const struct uop *u)
{
	unsigned unit = uop_info[u->op].unit;
	if (unit != UNIT_NONE && unit != UNIT_ALU && unit != UNIT_SHIFT && unit != UNIT_MUL && unit != UNIT_DIV &&
	    unit != UNIT_BRANCH && unit != UNIT_LOAD && unit != UNIT_STA && unit != UNIT_STD)
		return 0;
	if (u->vflags)
		return 0;
	unsigned regs[4] = { u->dst, u->src[0], u->src[1], u->src[2] };
	for (unsigned i = 0; i < 4; i++)
		if (regs[i] > UREG_NEXT_RIP)
			return 0;
	return 1;
}

static int uses_reg(const struct uop *u, unsigned n, unsigned r)
{
	for (unsigned i = 0; i < n; i++)
		if (u[i].dst == r || u[i].src[0] == r || u[i].src[1] == r || u[i].src[2] == r)
			return 1;
	return 0;
}

/* The handler of a non-memory micro-op, or H_GENERIC. */
static unsigned alu_handler(const struct uop *u, struct fuop *o)
{
	int flags = o->fmask != 0;
	switch (u->op) {
	case UOP_NOP: return H_NOP;
	case UOP_MOV: case UOP_LIMM: return H_MOV;
	case UOP_ADD: return flags ? H_ADD_F : H_ADD;
	case UOP_SUB: return flags ? H_SUB_F : H_SUB;
	case UOP_AND: return flags ? H_AND_F : H_AND;
	case UOP_OR: return flags ? H_OR_F : H_OR;
	case UOP_XOR: return flags ? H_XOR_F : H_XOR;
	case UOP_INC: return flags ? H_INC_F : H_INC;
	case UOP_DEC: return flags ? H_DEC_F : H_DEC;
	case UOP_NEG: return flags ? H_NEG_F : H_NEG;
	case UOP_NOT: return H_NOT;
	case UOP_ZEXT: case UOP_SEXT:
		if (u->ext < 1 || u->ext > 8)
			return H_GENERIC;
		o->ext = (uint8_t)(64 - 8 * u->ext);
		o->amask = width_mask(u->ext);
		return u->op == UOP_ZEXT ? H_ZEXT : H_SEXT;
	case UOP_LEA:
		o->amask = width_mask(u->asize);
		return H_LEA;
	case UOP_SETCC: return u->cond < COND_SRC0_ZERO ? H_SETCC : H_GENERIC;
	case UOP_CMOV: return u->cond < COND_SRC0_ZERO ? H_CMOV : H_GENERIC;
	case UOP_BR: return H_BR;
	case UOP_BRCC: return u->cond < COND_SRC0_ZERO ? H_BRCC : H_GENERIC;
	case UOP_IMUL: return flags ? H_IMUL : H_IMUL_N;
	case UOP_MULLO: return H_MULLO;
	case UOP_ADC: return H_ADC;
	case UOP_SBB: return H_SBB;
	case UOP_SHL: case UOP_SHR: case UOP_SAR: case UOP_ROL: case UOP_ROR: {
		unsigned which = u->op == UOP_SHL ? 0 : u->op == UOP_SHR ? 1 : u->op == UOP_SAR ? 2 : u->op == UOP_ROL ? 3 : 4;
		if (u->src[1]) { /* count in CL */
			o->count = u->width == 8 ? 0x3F : 0x1F;
			return (flags ? H_SHL_CL : H_SHL_CL_N) + which;
		}
		unsigned count = (unsigned)u->imm & (u->width == 8 ? 0x3F : 0x1F);
		if (count == 0) { /* no flags; the (zero-extended) source is written */
			o->imm = 0;
			o->s1 = UREG_NONE;
			return H_MOV;
		}
		o->count = (uint8_t)count;
		return (flags ? H_SHL : H_SHL_N) + which;
	}
	default:
		return H_GENERIC;
	}
}

/* Fills o from u (handler aside). */
static void operands(const struct uop *u, struct fuop *o)
{
	o->dst = u->dst;
	o->s0 = u->src[0];
	o->s1 = u->src[1];
	o->s2 = u->src[2];
	o->scale = u->scale;
	o->cond = u->cond;
	o->width = u->width;
	o->mask = width_mask(u->width);
	o->keep = is_gpr(u->dst) && u->width < 4 ? ~o->mask : 0;
	o->fmask = group_bits[u->flags_write & 7];
	o->amask = width_mask(u->asize);
	o->imm = (uint64_t)u->imm;
	o->u = u;
	/* "src or immediate" forms read the register plus imm. */
	switch (u->op) {
	case UOP_MOV: case UOP_BR: case UOP_STD:
		if (u->src[0])
			o->imm = 0;
		break;
	case UOP_ADD: case UOP_SUB: case UOP_AND: case UOP_OR: case UOP_XOR: case UOP_IMUL: case UOP_MULLO:
	case UOP_ADC: case UOP_SBB:
		if (u->src[1])
			o->imm = 0;
		break;
	case UOP_LIMM:
		o->s0 = UREG_NONE;
		break;
	default:
		break;
	}
}

static unsigned load_handler(unsigned from)
{
	return from == 1 ? H_LOAD1 : from == 2 ? H_LOAD2 : from == 4 ? H_LOAD4 : from == 8 ? H_LOAD8 : H_GENERIC;
}

/* Compiles one instruction's micro-ops u[0..n) into o[0..n); returns its
 * kind (enum kind; K_SLOW leaves o unset). */
static unsigned compile_insn(const struct uop *u, unsigned n, enum x86_mode mode, struct fuop *o)
{
	int plain = 1, slow = 0;
	for (unsigned i = 0; i < n; i++) {
		plain &= is_plain(&u[i]);
		if (u[i].op == UOP_UBRCC || u[i].op == UOP_REPEAT)
			slow = 1;
	}
	if (slow)
		return K_SLOW;
	/* A result nobody reads goes to a temporary the instruction does not use. */
	unsigned sink = UREG_NONE;
	for (unsigned r = UREG_T7; r >= UREG_T0 && !sink; r--)
		if (!uses_reg(u, n, r))
			sink = r;
	for (unsigned i = 0; i < n; i++) {
		operands(&u[i], &o[i]);
		unsigned h = H_GENERIC;
		unsigned unit = uop_info[u[i].op].unit;
		if (u[i].log_undo || u[i].high_byte || u[i].width > 8 || !plain)
			h = H_GENERIC;
		else if (unit != UNIT_LOAD && unit != UNIT_STA && unit != UNIT_STD)
			h = alu_handler(&u[i], &o[i]);
		o[i].h = (uint8_t)h;
		if (h != H_GENERIC && !o[i].dst) {
			if (!sink)
				o[i].h = H_GENERIC;
			o[i].dst = (uint8_t)sink;
			o[i].keep = 0;
		}
	}
	/* Memory micro-ops (64-bit mode: no segment checks, no address
	 * wrap-around at 4 GiB). A LOAD is fast unless an earlier store of
	 * the instruction sits in the frame's buffer (store forwarding). */
	int buffered_store = 0;
	for (unsigned i = 0; i < n && plain && mode == X86_MODE_64; i++) {
		const struct uop *m = &u[i];
		if (m->op == UOP_LOAD) {
			unsigned from = m->ext & 0x7F ? m->ext & 0x7F : m->width;
			if (buffered_store || m->log_undo || m->high_byte || m->width > 8 || !(is_gpr(m->dst) || is_temp(m->dst)))
				continue;
			o[i].h = (uint8_t)load_handler(from);
			o[i].ext = m->ext & 0x80 ? (uint8_t)(64 - 8 * from) : 0;
		} else if (m->op == UOP_STA) {
			/* Direct only if nothing after it can fault or needs the frame,
			 * and its STD is direct too. */
			int direct = !buffered_store && (m->width == 1 || m->width == 2 || m->width == 4 || m->width == 8);
			unsigned std = n;
			for (unsigned j = i + 1; j < n && direct; j++) {
				if (u[j].op == UOP_STD && std == n) {
					std = j;
					if (u[j].high_byte || u[j].width != m->width)
						direct = 0;
				} else if ((uop_info[u[j].op].properties & P_MAY_FAULT) || o[j].h == H_GENERIC) {
					direct = 0;
				}
			}
			if (!direct || std == n) {
				buffered_store = 1;
				continue;
			}
			o[i].h = H_STA;
			o[std].h = (uint8_t)(m->width == 1 ? H_STD1 : m->width == 2 ? H_STD2 : m->width == 4 ? H_STD4 : H_STD8);
		}
	}
	/* Whatever memory micro-op is left runs in the frame. */
	unsigned kind = K_FAST;
	for (unsigned i = 0; i < n; i++) {
		unsigned unit = uop_info[u[i].op].unit;
		if ((unit == UNIT_LOAD || unit == UNIT_STA || unit == UNIT_STD) && o[i].h != H_STA &&
		    !(o[i].h >= H_LOAD1 && o[i].h <= H_LOAD8) && !(o[i].h >= H_STD1 && o[i].h <= H_STD8))
			o[i].h = H_GENERIC;
		/* A fast branch leaves the block at once: it must be the last
		 * micro-op, with no frame to commit. */
		if ((o[i].h == H_BR || o[i].h == H_BRCC) && i != n - 1)
			o[i].h = H_GENERIC;
		if (o[i].h == H_GENERIC)
			kind = K_FRAME;
	}
	for (unsigned i = 0; i < n && kind == K_FRAME; i++)
		if (o[i].h == H_BR || o[i].h == H_BRCC)
			o[i].h = H_GENERIC; /* sets the frame's new_rip */
	return kind;
}

/* RFLAGS written before a LOAD or STA that may rerun the instruction. */
static int writes_flags_before_memory(const struct fuop *o, unsigned n)
{
	int written = 0;
	for (unsigned i = 0; i < n; i++) {
		if ((o[i].h >= H_LOAD1 && o[i].h <= H_LOAD8) || o[i].h == H_STA) {
			if (written)
				return 1;
		} else if (o[i].fmask) {
			written = 1;
		}
	}
	return 0;
}

struct uop_fast_code *uop_fast_compile(const struct uop *uops, const uint16_t *first, const uint8_t *nuops,
				       const uint8_t *length, unsigned ninsns, uint64_t rip, enum x86_mode mode)
{
	unsigned total = 1; /* H_EXIT */
	for (unsigned k = 0; k < ninsns; k++)
		total += nuops[k] + 2u;
	struct uop_fast_code *c = malloc(sizeof *c);
	if (!c)
		return NULL;
	c->ninsns = ninsns;
	c->insn = malloc((ninsns + 1) * sizeof c->insn[0]);
	c->uop = malloc(total * sizeof c->uop[0]);
	if (!c->insn || !c->uop || ninsns > 255) {
		uop_fast_free(c);
		return NULL;
	}
	unsigned next = 0, before = 0;
	struct fuop o[UOP_MAX_PER_INSN];
	for (unsigned k = 0; k < ninsns; k++) {
		struct finsn *in = &c->insn[k];
		const struct uop *u = uops + first[k];
		unsigned n = nuops[k];
		in->rip = rip;
		in->next_rip = rip + length[k];
		if (mode != X86_MODE_64)
			in->next_rip &= 0xFFFFFFFF;
		in->uops = u;
		in->nuops = (uint8_t)n;
		in->length = length[k];
		in->first = next;
		in->uops_before = before;
		in->kind = (uint8_t)(n > UOP_MAX_PER_INSN ? K_SLOW : compile_insn(u, n, mode, o));
		in->save_flags = 0;
		in->stores = 0;
		for (unsigned i = 0; i < n; i++)
			if (u[i].op == UOP_STA)
				in->stores = 1;
		struct fuop marker = { .insn = (uint8_t)k, .imm = in->next_rip };
		if (in->kind == K_SLOW) {
			marker.h = H_SLOW;
			c->uop[next++] = marker;
		} else {
			in->save_flags = (uint8_t)(in->kind == K_FAST && writes_flags_before_memory(o, n));
			if (in->kind == K_FRAME || in->save_flags || uses_reg(u, n, UREG_NEXT_RIP)) {
				marker.h = in->kind == K_FRAME ? H_FRAME_BEGIN : H_BEGIN;
				c->uop[next++] = marker;
			}
			for (unsigned i = 0; i < n; i++) {
				o[i].insn = (uint8_t)k;
				c->uop[next++] = o[i];
			}
			if (in->kind == K_FRAME) {
				marker.h = H_FRAME_END;
				c->uop[next++] = marker;
			}
		}
		before += n;
		rip = in->next_rip;
	}
	c->insn[ninsns] = (struct finsn){ .rip = rip, .first = next, .uops_before = before };
	c->uop[next++] = (struct fuop){ .h = H_EXIT, .insn = (uint8_t)ninsns, .imm = rip };
	return c;
}

void uop_fast_free(struct uop_fast_code *c)
{
	if (!c)
		return;
	free(c->insn);
	free(c->uop);
	free(c);
}

/* ---- execution ------------------------------------------------------------------- */

void uop_fast_run(struct uop_exec *x, const struct uop_fast_code *code, uop_fast_next_fn *next, void *context,
		  struct uop_exec_result *result, uint64_t *instructions, uint64_t *uops)
{
	static const void *const labels[H_COUNT] = {
		[H_EXIT] = &&l_exit, [H_BEGIN] = &&l_begin, [H_FRAME_BEGIN] = &&l_frame_begin,
		[H_FRAME_END] = &&l_frame_end, [H_SLOW] = &&l_slow,
		[H_GENERIC] = &&l_generic, [H_NOP] = &&l_nop, [H_MOV] = &&l_mov,
		[H_ADD] = &&l_add, [H_ADD_F] = &&l_add_f, [H_SUB] = &&l_sub, [H_SUB_F] = &&l_sub_f,
		[H_AND] = &&l_and, [H_AND_F] = &&l_and_f, [H_OR] = &&l_or, [H_OR_F] = &&l_or_f,
		[H_XOR] = &&l_xor, [H_XOR_F] = &&l_xor_f, [H_INC] = &&l_inc, [H_INC_F] = &&l_inc_f,
		[H_DEC] = &&l_dec, [H_DEC_F] = &&l_dec_f, [H_NEG] = &&l_neg, [H_NEG_F] = &&l_neg_f,
		[H_NOT] = &&l_not, [H_ZEXT] = &&l_zext, [H_SEXT] = &&l_sext, [H_LEA] = &&l_lea,
		[H_SETCC] = &&l_setcc, [H_CMOV] = &&l_cmov, [H_SHL] = &&l_shl, [H_SHR] = &&l_shr,
		[H_SAR] = &&l_sar, [H_ROL] = &&l_rol, [H_ROR] = &&l_ror, [H_SHL_CL] = &&l_shl_cl,
		[H_SHR_CL] = &&l_shr_cl, [H_SAR_CL] = &&l_sar_cl, [H_ROL_CL] = &&l_rol_cl, [H_ROR_CL] = &&l_ror_cl,
		[H_SHL_N] = &&l_shl_n, [H_SHR_N] = &&l_shr_n, [H_SAR_N] = &&l_sar_n, [H_ROL_N] = &&l_rol_n,
		[H_ROR_N] = &&l_ror_n, [H_SHL_CL_N] = &&l_shl_cl_n, [H_SHR_CL_N] = &&l_shr_cl_n,
		[H_SAR_CL_N] = &&l_sar_cl_n, [H_ROL_CL_N] = &&l_rol_cl_n, [H_ROR_CL_N] = &&l_ror_cl_n,
		[H_ADC] = &&l_adc, [H_SBB] = &&l_sbb, [H_IMUL] = &&l_imul, [H_IMUL_N] = &&l_imul_n,
		[H_MULLO] = &&l_mullo, [H_LOAD1] = &&l_load1, [H_LOAD2] = &&l_load2, [H_LOAD4] = &&l_load4,
		[H_LOAD8] = &&l_load8, [H_STA] = &&l_sta, [H_STD1] = &&l_std1, [H_STD2] = &&l_std2,
		[H_STD4] = &&l_std4, [H_STD8] = &&l_std8, [H_BR] = &&l_br, [H_BRCC] = &&l_brcc,
	};
	uint64_t *const *R = x->reg;
	struct x86_state *s = x->state;
	struct guest_memory *mem = x->memory;
	const struct gmem_tlb *tlb = gmem_tlb(mem);
	uint64_t code_writes = 0; /* read before a K_FRAME or K_SLOW instruction runs */
	uint64_t saved_flags = 0, a, b, r, fl, address;
	uint8_t *p, *store = NULL;
	const struct finsn *in = code->insn;
	unsigned k, done, count; /* done: instructions of this block completed when leaving */
	unsigned iterations;      /* REP iterations run in a row */
	uint64_t total_done = 0, total_uops = 0; /* of the blocks before it */
	struct frame f;
	result->status = EXEC_DONE;
	result->vector = 0;
	result->fault_address = 0;
	result->repeating = 0;

#define RD(i) (*R[i])
#define WRITE(v)                                                                                               \
	do {                                                                                                   \
		uint64_t *d_ = R[u->dst];                                                                      \
		*d_ = __builtin_expect(u->keep != 0, 0) ? (*d_ & u->keep) | ((v) & u->mask) : (v) & u->mask;   \
	} while (0)
#define FLAGS(bits) (s->rflags = (s->rflags & ~u->fmask) | ((bits) & u->fmask))
#define NEXT() do { u++; goto *labels[u->h]; } while (0)
#define A0 (RD(u->s0) & u->mask)
#define B1 ((RD(u->s1) + u->imm) & u->mask)
#define ADDRESS (RD(u->s0) + ((RD(u->s1) + (RD(u->s2) << u->scale) + u->imm) & u->amask))

	const struct fuop *u = code->uop;
	goto *labels[u->h];

	/* ---- instruction boundaries ---- */
l_begin:
	saved_flags = s->rflags;
	x->next_rip = u->imm;
	NEXT();
l_frame_begin:
	in = &code->insn[u->insn];
	s->rip = in->rip;
	code_writes = gmem_code_writes(mem);
	exec_begin(&f, x, in->rip, in->length);
	NEXT();
l_frame_end:
	in = &code->insn[u->insn];
	exec_end(&f, result);
	if (result->status == EXEC_FAULT) {
		done = u->insn;
		goto out;
	}
	if (result->status == EXEC_SYSCALL || (f.nstores && gmem_code_writes(mem) != code_writes)) {
		done = u->insn + 1u;
		goto out;
	}
	if (s->rip != in->next_rip) {
		done = u->insn + 1u;
		if (done == code->ninsns)
			goto block_end; /* a branch run by exec_generic */
		goto out;
	}
	NEXT();
l_slow:
	in = &code->insn[u->insn];
	s->rip = in->rip;
	iterations = 0;
	goto slow;
l_exit:
	s->rip = u->imm;
block_end:
	/* The block is done: chain to the next one. (A flush of the block
	 * cache inside `next` may free this block's code.) */
	total_done += code->ninsns;
	total_uops += code->insn[code->ninsns].uops_before;
	if (!next || !(code = next(context, s->rip, total_done)))
		goto finish;
	u = code->uop;
	goto *labels[u->h];

	/* ---- integer micro-ops ---- */
l_generic:
	exec_generic(&f, u->u);
	if (f.faulted) {
		while (u->h != H_FRAME_END)
			u++;
		goto l_frame_end;
	}
	NEXT();
l_nop:
	NEXT();
l_mov:
	WRITE(RD(u->s0) + u->imm);
	NEXT();
l_add:
	WRITE(A0 + B1);
	NEXT();
l_add_f:
	a = A0;
	b = B1;
	r = a + b;
	WRITE(r);
	FLAGS(add_flags(a, b, 0, r, u->width));
	NEXT();
l_sub:
	WRITE(A0 - B1);
	NEXT();
l_sub_f:
	a = A0;
	b = B1;
	r = a - b;
	WRITE(r);
	FLAGS(sub_flags(a, b, 0, r, u->width));
	NEXT();
l_and:
	WRITE(A0 & B1);
	NEXT();
l_and_f:
	r = A0 & B1;
	WRITE(r);
	FLAGS(szp(r, u->width)); /* CF = OF = 0; AF undefined, left 0 */
	NEXT();
l_or:
	WRITE(A0 | B1);
	NEXT();
l_or_f:
	r = A0 | B1;
	WRITE(r);
	FLAGS(szp(r, u->width));
	NEXT();
l_xor:
	WRITE(A0 ^ B1);
	NEXT();
l_xor_f:
	r = A0 ^ B1;
	WRITE(r);
	FLAGS(szp(r, u->width));
	NEXT();
l_inc:
	WRITE(A0 + 1);
	NEXT();
l_inc_f:
	a = A0;
	WRITE(a + 1);
	FLAGS(add_flags(a, 1, 0, a + 1, u->width));
	NEXT();
l_dec:
	WRITE(A0 - 1);
	NEXT();
l_dec_f:
	a = A0;
	WRITE(a - 1);
	FLAGS(sub_flags(a, 1, 0, a - 1, u->width));
	NEXT();
l_neg:
	WRITE(0 - A0);
	NEXT();
l_neg_f:
	a = A0;
	WRITE(0 - a);
	FLAGS(sub_flags(0, a, 0, 0 - a, u->width));
	NEXT();
l_not:
	WRITE(~A0);
	NEXT();
l_zext:
	WRITE(RD(u->s0) & u->amask);
	NEXT();
l_sext:
	WRITE((uint64_t)((int64_t)(RD(u->s0) << u->ext) >> u->ext));
	NEXT();
l_lea:
	WRITE((RD(u->s1) + (RD(u->s2) << u->scale) + u->imm) & u->amask);
	NEXT();
l_setcc:
	WRITE((uint64_t)cond_holds(s->rflags, u->cond));
	NEXT();
l_cmov:
	WRITE(cond_holds(s->rflags, u->cond) ? RD(u->s1) : RD(u->s0));
	NEXT();
l_shl:
	r = shift_compute(UOP_SHL, A0, 0, u->count, u->width, s->rflags, &fl);
	WRITE(r);
	FLAGS(fl);
	NEXT();
l_shr:
	r = shift_compute(UOP_SHR, A0, 0, u->count, u->width, s->rflags, &fl);
	WRITE(r);
	FLAGS(fl);
	NEXT();
l_sar:
	r = shift_compute(UOP_SAR, A0, 0, u->count, u->width, s->rflags, &fl);
	WRITE(r);
	FLAGS(fl);
	NEXT();
l_rol:
	r = shift_compute(UOP_ROL, A0, 0, u->count, u->width, s->rflags, &fl);
	WRITE(r);
	FLAGS(fl);
	NEXT();
l_ror:
	r = shift_compute(UOP_ROR, A0, 0, u->count, u->width, s->rflags, &fl);
	WRITE(r);
	FLAGS(fl);
	NEXT();
	/* By CL: count 0 writes the (zero-extended) source and keeps the flags. */
#define SHIFT_CL(op)                                                                                           \
	do {                                                                                                   \
		a = A0;                                                                                        \
		count = (unsigned)RD(u->s1) & u->count;                                                        \
		if (count) {                                                                                   \
			r = shift_compute(op, a, 0, count, u->width, s->rflags, &fl);                          \
			WRITE(r);                                                                              \
			FLAGS(fl);                                                                             \
		} else {                                                                                       \
			WRITE(a);                                                                              \
		}                                                                                              \
		NEXT();                                                                                        \
	} while (0)
l_shl_cl:
	SHIFT_CL(UOP_SHL);
l_shr_cl:
	SHIFT_CL(UOP_SHR);
l_sar_cl:
	SHIFT_CL(UOP_SAR);
l_rol_cl:
	SHIFT_CL(UOP_ROL);
l_ror_cl:
	SHIFT_CL(UOP_ROR);
#define SHIFT_N(op)                                                                                            \
	do {                                                                                                   \
		WRITE(shift_compute(op, A0, 0, u->count, u->width, s->rflags, &fl));                           \
		NEXT();                                                                                        \
	} while (0)
#define SHIFT_CL_N(op)                                                                                         \
	do {                                                                                                   \
		a = A0;                                                                                        \
		count = (unsigned)RD(u->s1) & u->count;                                                        \
		WRITE(count ? shift_compute(op, a, 0, count, u->width, s->rflags, &fl) : a);                   \
		NEXT();                                                                                        \
	} while (0)
l_shl_n:
	SHIFT_N(UOP_SHL);
l_shr_n:
	SHIFT_N(UOP_SHR);
l_sar_n:
	SHIFT_N(UOP_SAR);
l_rol_n:
	SHIFT_N(UOP_ROL);
l_ror_n:
	SHIFT_N(UOP_ROR);
l_shl_cl_n:
	SHIFT_CL_N(UOP_SHL);
l_shr_cl_n:
	SHIFT_CL_N(UOP_SHR);
l_sar_cl_n:
	SHIFT_CL_N(UOP_SAR);
l_rol_cl_n:
	SHIFT_CL_N(UOP_ROL);
l_ror_cl_n:
	SHIFT_CL_N(UOP_ROR);
l_imul_n:
	WRITE(mul_compute(UOP_IMUL, A0, B1, u->width, &fl));
	NEXT();
l_adc:
	a = A0;
	b = B1;
	fl = s->rflags & FLAG_CF;
	r = a + b + fl;
	WRITE(r);
	FLAGS(add_flags(a, b, fl, r, u->width));
	NEXT();
l_sbb:
	a = A0;
	b = B1;
	fl = s->rflags & FLAG_CF;
	r = a - b - fl;
	WRITE(r);
	FLAGS(sub_flags(a, b, fl, r, u->width));
	NEXT();
l_imul:
	r = mul_compute(UOP_IMUL, A0, B1, u->width, &fl);
	WRITE(r);
	FLAGS(fl);
	NEXT();
l_mullo:
	r = mul_compute(UOP_MULLO, A0, B1, u->width, &fl);
	WRITE(r);
	NEXT();

	/* ---- memory: a TLB miss fills the TLB; a page crossing, a page
	 * holding code or a fault reruns the instruction ---- */
#define LOAD(type)                                                                                             \
	do {                                                                                                   \
		address = ADDRESS;                                                                             \
		p = gmem_tlb_lookup(tlb->read, address, sizeof(type));                                         \
		if (!p) {                                                                                      \
			p = gmem_tlb_fill(mem, address, GUEST_READ);                                           \
			if (!p || (address & (GUEST_PAGE_SIZE - 1)) + sizeof(type) > GUEST_PAGE_SIZE)          \
				goto rerun;                                                                    \
		}                                                                                              \
		type v_;                                                                                       \
		memcpy(&v_, p, sizeof v_);                                                                     \
		r = v_;                                                                                        \
		if (u->ext)                                                                                    \
			r = (uint64_t)((int64_t)(r << u->ext) >> u->ext);                                      \
		WRITE(r);                                                                                      \
		NEXT();                                                                                        \
	} while (0)
l_load1:
	LOAD(uint8_t);
l_load2:
	LOAD(uint16_t);
l_load4:
	LOAD(uint32_t);
l_load8:
	LOAD(uint64_t);
l_sta:
	address = ADDRESS;
	store = gmem_tlb_lookup(tlb->write, address, u->width);
	if (!store) {
		store = gmem_tlb_fill(mem, address, GUEST_WRITE);
		if (!store || (address & (GUEST_PAGE_SIZE - 1)) + u->width > GUEST_PAGE_SIZE)
			goto rerun;
	}
	NEXT();
#define STORE(type)                                                                                            \
	do {                                                                                                   \
		type v_ = (type)(RD(u->s0) + u->imm);                                                          \
		memcpy(store, &v_, sizeof v_);                                                                 \
		NEXT();                                                                                        \
	} while (0)
l_std1:
	STORE(uint8_t);
l_std2:
	STORE(uint16_t);
l_std4:
	STORE(uint32_t);
l_std8:
	STORE(uint64_t);

	/* ---- branches: the last micro-op of the block (K_FAST) ---- */
l_br:
	s->rip = (RD(u->s0) + u->imm) & u->mask;
	goto block_end;
l_brcc:
	if (cond_holds(s->rflags, u->cond)) {
		s->rip = u->imm;
		goto block_end;
	}
	NEXT();

rerun:
	/* Undo the instruction's effects so far (the frame logged the
	 * registers it wrote: log_undo) and run it again from its original
	 * micro-ops. */
	in = &code->insn[u->insn];
	if (in->kind == K_FRAME) {
		f.faulted = 1;
		f.vector = VEC_PF;
		exec_end(&f, result);
	} else if (in->save_flags) {
		s->rflags = saved_flags;
	}
	s->rip = in->rip;
	iterations = 0;
slow:
	k = (unsigned)(in - code->insn);
	code_writes = gmem_code_writes(mem);
	uop_execute(x, in->uops, in->nuops, in->rip, in->length, result);
	if (result->status == EXEC_FAULT) {
		done = k;
		goto out;
	}
	if (result->repeating && result->status == EXEC_DONE && ++iterations < REP_BATCH &&
	    !(in->stores && gmem_code_writes(mem) != code_writes)) {
		total_uops += in->nuops; /* a REP iteration that goes on: its micro-ops ran */
		goto slow;
	}
	if (result->status == EXEC_SYSCALL || result->repeating ||
	    (in->stores && gmem_code_writes(mem) != code_writes)) {
		done = k + !result->repeating;
		goto out;
	}
	if (s->rip != in->next_rip) {
		done = k + 1;
		if (done == code->ninsns)
			goto block_end;
		goto out;
	}
	u = code->uop + in[1].first;
	goto *labels[u->h];

out:
	/* Stopped inside the block, after `done` of its instructions. */
	total_done += done;
	total_uops += code->insn[done].uops_before;
	/* A REP iteration that goes on is not an instruction, but its
	 * micro-ops ran. */
	if (result->repeating)
		total_uops += code->insn[done].nuops;
finish:
	*instructions = total_done;
	*uops = total_uops;
#undef RD
#undef WRITE
#undef FLAGS
#undef NEXT
#undef A0
#undef B1
#undef ADDRESS
#undef LOAD
#undef STORE
}
