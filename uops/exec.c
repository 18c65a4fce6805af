/* exec.c - the functional executor: runs one instruction's micro-ops on
 * the architected state. The semantics of each micro-op are in uops.def;
 * flag rules cite the SDM vol. 2 instruction pages (and SDM vol. 1,
 * Appendix A, EFLAGS cross-reference).
 *
 * Precise exceptions: register writes are logged (old values), the flags
 * saved, and stores buffered until the last micro-op succeeds; a fault
 * rolls the registers and flags back and drops the stores. */
#include "uops/exec_internal.h"

void uop_exec_init(struct uop_exec *x, struct x86_state *state, struct guest_memory *memory,
		   const struct uop_env *env, enum x86_mode mode)
{
	memset(x, 0, sizeof *x);
	x->state = state;
	x->memory = memory;
	x->env = env;
	x->mode = mode;
	for (unsigned r = 0; r < UREG_COUNT; r++)
		x->reg[r] = &x->zero;
	for (unsigned i = 0; i < 16; i++)
		x->reg[UREG_RAX + i] = &state->gpr[i];
	for (unsigned i = 0; i < 8; i++)
		x->reg[UREG_T0 + i] = &x->temp[i];
	for (unsigned i = 0; i < 6; i++)
		x->reg[UREG_ES_BASE + i] = &state->segment_base[i];
	x->reg[UREG_NEXT_RIP] = &x->next_rip;
}

static int condition(struct frame *f, const struct uop *u)
{
	uint64_t fl = flags(f);
	int cf = !!(fl & FLAG_CF), zf = !!(fl & FLAG_ZF), sf = !!(fl & FLAG_SF);
	int of = !!(fl & FLAG_OF), pf = !!(fl & FLAG_PF);
	unsigned count_width = u->ext ? u->ext : u->width;
	switch (u->cond) {
	case COND_O: return of;
	case COND_NO: return !of;
	case COND_B: return cf;
	case COND_AE: return !cf;
	case COND_E: return zf;
	case COND_NE: return !zf;
	case COND_BE: return cf || zf;
	case COND_A: return !cf && !zf;
	case COND_S: return sf;
	case COND_NS: return !sf;
	case COND_P: return pf;
	case COND_NP: return !pf;
	case COND_L: return sf != of;
	case COND_GE: return sf == of;
	case COND_LE: return zf || sf != of;
	case COND_G: return !zf && sf == of;
	case COND_SRC0_ZERO: return src(f, u, 0, count_width) == 0;
	case COND_SRC0_NONZERO: return src(f, u, 0, count_width) != 0;
	case COND_SRC0_NONZERO_AND_E: return src(f, u, 0, count_width) != 0 && zf;
	case COND_SRC0_NONZERO_AND_NE: return src(f, u, 0, count_width) != 0 && !zf;
	default: return 1;
	}
}

/* Loads `width` bytes. Into a general register: zero- or sign-extended
 * (ext) to the micro-op width. Into a vector register: zero-extended to 16
 * bytes (MOVD/MOVQ/MOVSS/MOVSD loads clear the rest of the XMM register),
 * the bytes above per VF_ZERO_UPPER. */
static void do_load(struct frame *f, const struct uop *u)
{
	int to_vector = ureg_is_vector(u->dst);
	unsigned from = to_vector ? u->width : u->ext & 0x7F ? u->ext & 0x7F : u->width;
	uint64_t address = linear_address(f, u), fault_address;
	uint8_t bytes[64] = { 0 };
	if ((u->vflags & VF_ALIGNED) && (address & (from - 1))) {
		fault(f, VEC_GP, 0);
		return;
	}
	if (from > sizeof bytes || gmem_read(f->x->memory, address, bytes, from, &fault_address)) {
		fault(f, VEC_PF, fault_address);
		return;
	}
	/* An instruction sees its own earlier stores (store-to-load forwarding). */
	for (unsigned i = 0; i < f->nstores; i++) {
		for (unsigned b = 0; b < from; b++) {
			uint64_t offset = address + b - f->store[i].address;
			if (offset < f->store[i].width)
				bytes[b] = f->store[i].data[offset];
		}
	}
	if (to_vector) {
		vreg_write(f, u, u->dst, bytes, from < 16 ? 16 : from); /* MMX: clamped to 8 (MOVD mm, m32 zero-extends) */
		return;
	}
	uint64_t value = 0;
	memcpy(&value, bytes, sizeof value);
	if (u->ext & 0x80)
		value = (uint64_t)sign_extend(value, from);
	write_dst(f, u, value);
}

static void do_store_address(struct frame *f, const struct uop *u)
{
	uint64_t address = linear_address(f, u), fault_address;
	if ((u->vflags & VF_ALIGNED) && (address & (u->width - 1u))) {
		fault(f, VEC_GP, 0);
		return;
	}
	if (gmem_check(f->x->memory, address, u->width, GUEST_WRITE, &fault_address)) {
		fault(f, VEC_PF, fault_address);
		return;
	}
	if (f->nstores == MAX_STORES || u->width > sizeof f->store[0].data) {
		fault(f, VEC_GP, 0);
		return;
	}
	f->store[f->nstores].address = address;
	f->store[f->nstores].width = u->width;
	f->nstores++;
}

/* Store data: a general register or immediate (little-endian), or the low
 * `width` bytes of a vector register. */
static void do_store_data(struct frame *f, const struct uop *u)
{
	if (!f->nstores)
		return;
	uint8_t *data = f->store[f->nstores - 1].data;
	if (ureg_is_vector(u->src[0])) {
		memcpy(data, vreg(f, u->src[0]), u->width);
		return;
	}
	uint64_t value = u->src[0] ? src(f, u, 0, u->width) : (uint64_t)u->imm;
	memcpy(data, &value, 8);
}

/* ---- shifts and rotates (shift_compute: exec_internal.h) ---- */

static void do_shift(struct frame *f, const struct uop *u)
{
	unsigned width = u->width;
	uint64_t a = src(f, u, 0, width);
	/* The count: CL or imm (src2 for the double shifts), masked to 5 bits
	 * (6 for 64-bit operands). */
	int double_shift = u->op == UOP_SHLD || u->op == UOP_SHRD;
	unsigned count_reg = double_shift ? u->src[2] : u->src[1];
	unsigned count = (unsigned)(count_reg ? read_reg(f, count_reg, 1, 0) : (uint64_t)u->imm);
	count &= width == 8 ? 0x3F : 0x1F;
	if (count == 0) {
		/* No flag changes; the result is still written (a 32-bit
		 * destination is zero-extended). */
		write_dst(f, u, a);
		return;
	}
	uint64_t out, b = double_shift ? src(f, u, 1, width) : 0;
	uint64_t r = shift_compute(u->op, a, b, count, width, flags(f), &out);
	write_dst(f, u, r);
	set_flags(f, u, out);
}

/* ---- multiply and divide -------------------------------------------------- */

static void do_multiply(struct frame *f, const struct uop *u)
{
	unsigned width = u->width;
	uint64_t a = src(f, u, 0, width), b = src(f, u, 1, width);
	if (!u->src[1])
		b = (uint64_t)u->imm & width_mask(width);
	uint64_t out, r = mul_compute(u->op, a, b, width, &out);
	write_dst(f, u, r);
	if (u->op != UOP_MULLO)
		set_flags(f, u, out);
}

static void do_divide(struct frame *f, const struct uop *u)
{
	unsigned width = u->width, bits = 8 * width;
	uint64_t hi = src(f, u, 0, width), lo = src(f, u, 1, width), d = src(f, u, 2, width);
	if (d == 0) {
		fault(f, VEC_DE, 0);
		return;
	}
	uint64_t q, r;
	if (u->op == UOP_DIVQ || u->op == UOP_DIVR) {
		unsigned __int128 n = ((unsigned __int128)hi << bits) | lo, qq = n / d;
		if (qq > width_mask(width)) {
			fault(f, VEC_DE, 0);
			return;
		}
		q = (uint64_t)qq;
		r = (uint64_t)(n % d);
	} else {
		/* The dividend hi:lo as a signed 2*width-bit number. */
		__int128 n = (__int128)(((unsigned __int128)hi << bits) | lo);
		if (bits < 64)
			n = (__int128)sign_extend((uint64_t)n, 2 * width);
		__int128 sd = sign_extend(d, width);
		/* INT128_MIN / -1 overflows __int128 itself; it is #DE anyway. */
		if (bits == 64 && sd == -1 && n == (__int128)((unsigned __int128)1 << 127)) {
			fault(f, VEC_DE, 0);
			return;
		}
		__int128 qq = n / sd;
		__int128 limit = (__int128)1 << (bits - 1);
		if (qq >= limit || qq < -limit) {
			fault(f, VEC_DE, 0);
			return;
		}
		q = (uint64_t)qq & width_mask(width);
		r = (uint64_t)(n % sd) & width_mask(width);
	}
	write_dst(f, u, u->op == UOP_DIVQ || u->op == UOP_IDIVQ ? q : r);
}

/* ---- bit operations ------------------------------------------------------ */

static void do_bits(struct frame *f, const struct uop *u)
{
	unsigned width = u->width, bits = 8 * width;
	uint64_t fl = flags(f);
	switch (u->op) {
	case UOP_BT: case UOP_BTS: case UOP_BTR: case UOP_BTC: {
		uint64_t a = src(f, u, 0, width);
		unsigned bit = (unsigned)src1_or_imm(f, u) & (bits - 1);
		uint64_t m = 1ull << bit, r = a;
		if (u->op == UOP_BTS)
			r |= m;
		else if (u->op == UOP_BTR)
			r &= ~m;
		else if (u->op == UOP_BTC)
			r ^= m;
		if (u->op != UOP_BT)
			write_dst(f, u, r);
		set_flags(f, u, (a & m) ? FLAG_CF : 0);
		return;
	}
	case UOP_BSF: case UOP_BSR: {
		uint64_t s = src(f, u, 1, width);
		uint64_t out = fl & ~(uint64_t)FLAGS_ARITH;
		if (s == 0) {
			/* Destination untouched, all 64 bits of it even for a 32-bit
			 * operand (AMD APM vol. 3, BSF; measured on the host). */
			out |= FLAG_ZF;
		} else {
			unsigned index = u->op == UOP_BSF ? (unsigned)__builtin_ctzll(s) : 63 - (unsigned)__builtin_clzll(s);
			write_dst(f, u, index);
		}
		set_flags(f, u, out);
		return;
	}
	case UOP_TZCNT: case UOP_LZCNT: {
		uint64_t s = src(f, u, 0, width);
		unsigned count;
		if (s == 0)
			count = bits;
		else if (u->op == UOP_TZCNT)
			count = (unsigned)__builtin_ctzll(s);
		else
			count = (unsigned)__builtin_clzll(s) - (64 - bits);
		write_dst(f, u, count);
		set_flags(f, u, (s == 0 ? FLAG_CF : 0) | (count == 0 ? FLAG_ZF : 0));
		return;
	}
	case UOP_POPCNT: {
		uint64_t s = src(f, u, 0, width);
		write_dst(f, u, (uint64_t)__builtin_popcountll(s));
		set_flags(f, u, s == 0 ? FLAG_ZF : 0);
		return;
	}
	default:
		return;
	}
}

/* ---- the dispatch loop ------------------------------------------------------ */

static uint64_t rdflags_image(struct frame *f)
{
	/* Bit 1 reads as 1; RF (16) and VM (17) read as 0 in PUSHF's image. */
	return (flags(f) | 2) & ~(uint64_t)0x30000;
}

void exec_begin(struct frame *f, struct uop_exec *x, uint64_t rip, unsigned length)
{
	f->x = x;
	f->rip = rip;
	f->next_rip = rip + length;
	if (x->mode != X86_MODE_64)
		f->next_rip &= 0xFFFFFFFF;
	x->next_rip = f->next_rip;
	f->saved_flags = x->state->rflags;
	f->nundo = 0;
	f->nvundo = 0;
	f->nstores = 0;
	f->faulted = 0;
	f->x87_suppress = 0;
	f->new_rip = f->next_rip;
	f->syscall = 0;
	f->syscall_vector = 0;
	f->repeating = 0;
}

/* Executes u, the micro-op at index *i of its instruction; a taken
 * micro-branch moves *i (to the target minus one: the caller's i++ lands
 * on it). */
static inline void exec_one(struct frame *f, const struct uop *u, unsigned *i)
{
	struct uop_exec *x = f->x;
	unsigned w = u->width;
	uint64_t a, b, r;
	switch ((enum uop_op)u->op) {
	case UOP_MOV:
		write_dst(f, u, u->src[0] ? src(f, u, 0, w) : (uint64_t)u->imm);
		break;
	case UOP_LIMM:
		write_dst(f, u, (uint64_t)u->imm);
		break;
	case UOP_ADD: case UOP_ADC:
		a = src(f, u, 0, w);
		b = src1_or_imm(f, u);
		{
			uint64_t carry = u->op == UOP_ADC && (flags(f) & FLAG_CF);
			r = a + b + carry;
			write_dst(f, u, r);
			if (u->flags_write)
				set_flags(f, u, add_flags(a, b, carry, r, w));
		}
		break;
	case UOP_SUB: case UOP_SBB:
		a = src(f, u, 0, w);
		b = src1_or_imm(f, u);
		{
			uint64_t borrow = u->op == UOP_SBB && (flags(f) & FLAG_CF);
			r = a - b - borrow;
			write_dst(f, u, r);
			if (u->flags_write)
				set_flags(f, u, sub_flags(a, b, borrow, r, w));
		}
		break;
	case UOP_AND: case UOP_OR: case UOP_XOR:
		a = src(f, u, 0, w);
		b = src1_or_imm(f, u);
		r = u->op == UOP_AND ? a & b : u->op == UOP_OR ? a | b : a ^ b;
		write_dst(f, u, r);
		/* CF = OF = 0; AF undefined, left 0 (SDM vol. 2, AND). */
		if (u->flags_write)
			set_flags(f, u, szp(r, w));
		break;
	case UOP_NEG:
		a = src(f, u, 0, w);
		r = 0 - a;
		write_dst(f, u, r);
		if (u->flags_write)
			set_flags(f, u, sub_flags(0, a, 0, r, w));
		break;
	case UOP_NOT:
		write_dst(f, u, ~src(f, u, 0, w));
		break;
	case UOP_INC:
		a = src(f, u, 0, w);
		write_dst(f, u, a + 1);
		if (u->flags_write)
			set_flags(f, u, add_flags(a, 1, 0, a + 1, w));
		break;
	case UOP_DEC:
		a = src(f, u, 0, w);
		write_dst(f, u, a - 1);
		if (u->flags_write)
			set_flags(f, u, sub_flags(a, 1, 0, a - 1, w));
		break;
	case UOP_ZEXT:
		write_dst(f, u, src(f, u, 0, u->ext));
		break;
	case UOP_SEXT:
		write_dst(f, u, (uint64_t)sign_extend(src(f, u, 0, u->ext), u->ext));
		break;
	case UOP_SIGNFILL:
		write_dst(f, u, (src(f, u, 0, w) & sign_bit(w)) ? ~0ull : 0);
		break;
	case UOP_LEA:
		r = read_full(f, u->src[1]) + (read_full(f, u->src[2]) << u->scale) + (uint64_t)u->imm;
		write_dst(f, u, r & width_mask(u->asize));
		break;
	case UOP_SETCC:
		write_dst(f, u, (uint64_t)condition(f, u));
		break;
	case UOP_CMOV:
		write_dst(f, u, condition(f, u) ? src(f, u, 1, w) : src(f, u, 0, w));
		break;
	case UOP_BSWAP:
		a = src(f, u, 0, w);
		write_dst(f, u, w == 8 ? __builtin_bswap64(a) : w == 4 ? __builtin_bswap32((uint32_t)a)
				: __builtin_bswap16((uint16_t)a));
		break;
	case UOP_CMPEQ:
		x->state->rflags = (x->state->rflags & ~(uint64_t)FLAG_ZF) |
				   (src(f, u, 0, w) == src(f, u, 1, w) ? FLAG_ZF : 0);
		break;
	case UOP_BT: case UOP_BTS: case UOP_BTR: case UOP_BTC:
	case UOP_BSF: case UOP_BSR: case UOP_TZCNT: case UOP_LZCNT: case UOP_POPCNT:
		do_bits(f, u);
		break;
	case UOP_SHL: case UOP_SHR: case UOP_SAR: case UOP_ROL: case UOP_ROR:
	case UOP_RCL: case UOP_RCR: case UOP_SHLD: case UOP_SHRD:
		do_shift(f, u);
		break;
	case UOP_IMUL: case UOP_MULHI: case UOP_IMULHI: case UOP_MULLO:
		do_multiply(f, u);
		break;
	case UOP_DIVQ: case UOP_DIVR: case UOP_IDIVQ: case UOP_IDIVR:
		do_divide(f, u);
		break;
	case UOP_RDFLAGS:
		write_dst(f, u, rdflags_image(f));
		break;
	case UOP_WRFLAGS:
		a = src(f, u, 0, 8);
		x->state->rflags = ((x->state->rflags & ~(uint64_t)u->imm) | (a & (uint64_t)u->imm)) | 2;
		break;
	case UOP_SETFLAGS:
		x->state->rflags |= (uint64_t)u->imm;
		break;
	case UOP_CLRFLAGS:
		x->state->rflags &= ~(uint64_t)u->imm;
		break;
	case UOP_CMC:
		x->state->rflags ^= FLAG_CF;
		break;
	case UOP_ADVANCE:
		a = src(f, u, 0, w);
		write_dst(f, u, (flags(f) & FLAG_DF) ? a - (uint64_t)u->imm : a + (uint64_t)u->imm);
		break;
	case UOP_LOAD:
		do_load(f, u);
		break;
	case UOP_STA:
		do_store_address(f, u);
		break;
	case UOP_STD:
		do_store_data(f, u);
		break;
	case UOP_BR:
		f->new_rip = (u->src[0] ? read_full(f, u->src[0]) : (uint64_t)u->imm) & width_mask(w);
		break;
	case UOP_BRCC:
		if (condition(f, u))
			f->new_rip = (uint64_t)u->imm;
		break;
	case UOP_UBRCC:
		if (condition(f, u))
			*i = (unsigned)u->imm - 1; /* the loop's i++ lands on imm */
		break;
	case UOP_REPEAT:
		f->new_rip = f->rip;
		f->repeating = 1;
		break;
	case UOP_CPUID: {
		uint32_t out[4] = { 0 };
		if (x->env && x->env->cpuid)
			x->env->cpuid(x->env->context, (uint32_t)x->state->gpr[0], (uint32_t)x->state->gpr[1], out);
		write_reg(f, UREG_RAX, 4, 0, out[0], 1);
		write_reg(f, UREG_RBX, 4, 0, out[1], 1);
		write_reg(f, UREG_RCX, 4, 0, out[2], 1);
		write_reg(f, UREG_RDX, 4, 0, out[3], 1);
		break;
	}
	case UOP_RDTSC: {
		uint64_t tsc = x->env && x->env->rdtsc ? x->env->rdtsc(x->env->context) : 0;
		write_reg(f, UREG_RAX, 4, 0, tsc & 0xFFFFFFFF, 1);
		write_reg(f, UREG_RDX, 4, 0, tsc >> 32, 1);
		break;
	}
	case UOP_SYSCALL:
		if (u->imm == 0 && x->mode == X86_MODE_64) {
			/* SYSCALL saves RIP in RCX and RFLAGS in R11 (SDM vol. 2, SYSCALL). */
			write_reg(f, UREG_RCX, 8, 0, f->next_rip, 1);
			write_reg(f, UREG_R11, 8, 0, rdflags_image(f), 1);
		} else if (u->imm != 0x80) {
			/* INT n other than the system-call gate: the gate's DPL
			 * is 0 in Linux, so user code gets #GP. */
			fault(f, VEC_GP, 0);
			break;
		}
		f->syscall = 1;
		f->syscall_vector = (uint8_t)u->imm;
		break;
	case UOP_FAULT:
		fault(f, (uint8_t)u->imm, 0);
		break;
	case UOP_NOP:
		break;
	case UOP_COUNT:
		fault(f, VEC_UD, 0);
		break;
	default:
		/* Vector and x87 micro-ops live in their own files. */
		if (!exec_vector(f, u) && !exec_x87(f, u) && !exec_legacy(f, u) && !exec_bmi(f, u))
			fault(f, VEC_UD, 0);
		break;
	}
}

void exec_generic(struct frame *f, const struct uop *u)
{
	unsigned i = 0;
	exec_one(f, u, &i);
}

void exec_end(struct frame *f, struct uop_exec_result *result)
{
	struct uop_exec *x = f->x;
	result->status = EXEC_DONE;
	result->vector = 0;
	result->fault_address = 0;
	result->repeating = f->repeating;
	if (f->faulted) {
		while (f->nundo) {
			f->nundo--;
			x->state->gpr[f->undo_reg[f->nundo] - UREG_RAX] = f->undo_value[f->nundo];
		}
		while (f->nvundo) {
			f->nvundo--;
			vreg_restore(f, f->nvundo);
		}
		x->state->rflags = f->saved_flags;
		result->status = EXEC_FAULT;
		result->repeating = 0;
		result->vector = f->vector;
		result->fault_address = f->fault_address;
		/* #BP and #DB from INT3/INT1 and #OF from INTO are traps: they
		 * report the next RIP. */
		if (f->vector == VEC_BP || f->vector == VEC_DB || f->vector == VEC_OF)
			x->state->rip = f->next_rip;
		return;
	}
	for (unsigned i = 0; i < f->nstores; i++)
		gmem_write(x->memory, f->store[i].address, f->store[i].data, f->store[i].width, &(uint64_t){ 0 });
	x->state->rip = f->new_rip;
	if (f->syscall) {
		result->status = EXEC_SYSCALL;
		result->vector = f->syscall_vector;
	}
}

void uop_execute(struct uop_exec *x, const struct uop *uops, unsigned n, uint64_t rip, unsigned length,
		 struct uop_exec_result *result)
{
	struct frame f;
	exec_begin(&f, x, rip, length);
	for (unsigned i = 0; i < n && !f.faulted; i++)
		exec_one(&f, &uops[i], &i);
	exec_end(&f, result);
}
