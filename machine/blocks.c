/* blocks.c - the decoded-block cache (see blocks.h). */
#include "machine/blocks.h"

#include <stdlib.h>
#include <string.h>

#include "machine/memory.h"

#define BUCKETS 8192 /* power of two */
#define MAX_GRAVEYARD 4096

struct block_cache {
	struct block *bucket[BUCKETS];
	struct block_cache_stats stats;
	/* Stale blocks are not freed at once, since other blocks' links may
	 * point at them (their checked_epoch is 0, which no link accepts):
	 * they wait here until the next flush. */
	struct block *graveyard;
	unsigned ngraveyard;
	uint64_t generation; /* bumped when blocks are freed (a flush) */
	/* Scratch for building, so a block is allocated at its exact size. */
	struct uop scratch[BLOCK_MAX_INSNS * UOP_MAX_PER_INSN];
};

static unsigned hash(uint64_t rip)
{
	return (unsigned)((rip * 0x9E3779B97F4A7C15ull) >> 51) & (BUCKETS - 1);
}

struct block_cache *block_cache_create(void)
{
	return calloc(1, sizeof(struct block_cache));
}

static void free_block(struct block *b)
{
	uop_fast_free(b->fast);
	free(b);
}

void block_cache_flush(struct block_cache *c)
{
	for (unsigned i = 0; i < BUCKETS; i++) {
		struct block *b = c->bucket[i];
		while (b) {
			struct block *next = b->next;
			free_block(b);
			b = next;
		}
		c->bucket[i] = NULL;
	}
	while (c->graveyard) {
		struct block *next = c->graveyard->next;
		free_block(c->graveyard);
		c->graveyard = next;
	}
	c->ngraveyard = 0;
	c->generation++;
}

void block_cache_destroy(struct block_cache *c)
{
	if (!c)
		return;
	block_cache_flush(c);
	free(c);
}

const struct block_cache_stats *block_cache_stats(const struct block_cache *c)
{
	return &c->stats;
}

static int ends_block(const struct uop *u, int n)
{
	for (int i = 0; i < n; i++) {
		const struct uop_info *info = &uop_info[u[i].op];
		if ((info->properties & P_BRANCH) || u[i].op == UOP_REPEAT || u[i].op == UOP_SYSCALL ||
		    u[i].op == UOP_FAULT)
			return 1;
	}
	return 0;
}

/* Flag groups a micro-op certainly overwrites (all bits of the group,
 * whatever its operands), and flag groups it reads. Shifts and rotates by
 * CL may keep the flags (count 0), rotates never write SF/ZF/AF/PF, and
 * WRFLAGS writes only the bits of its mask, so they kill less than their
 * flags_write says. */
static unsigned flags_killed(const struct uop *u)
{
	unsigned count = (unsigned)u->imm & (u->width == 8 ? 0x3F : 0x1F);
	switch (u->op) {
	case UOP_SHL: case UOP_SHR: case UOP_SAR:
		return !u->src[1] && count ? u->flags_write : 0;
	case UOP_SHLD: case UOP_SHRD:
		return !u->src[2] && count ? u->flags_write : 0;
	case UOP_ROL: case UOP_ROR: case UOP_RCL: case UOP_RCR:
		return !u->src[1] && count ? u->flags_write & UF_CF : 0;
	case UOP_WRFLAGS: case UOP_CMPEQ: /* part of a group */
		return 0;
	default:
		return u->flags_write;
	}
}

static unsigned flags_used(const struct uop *u)
{
	switch (u->op) {
	case UOP_SHL: case UOP_SHR: case UOP_SAR: case UOP_ROL: case UOP_ROR:
		return u->src[1] || !((unsigned)u->imm & (u->width == 8 ? 0x3F : 0x1F)) ? UF_ARITH : 0;
	case UOP_SHLD: case UOP_SHRD:
		return u->src[2] || !((unsigned)u->imm & (u->width == 8 ? 0x3F : 0x1F)) ? UF_ARITH : 0;
	default:
		return u->flags_read;
	}
}

/* Micro-ops after which the state must be precise: those that may fault,
 * serializing ones, and every floating-point one (x87 and SSE arithmetic
 * raise #MF/#XM when the guest unmasks an exception). */
static int may_stop(const struct uop *u)
{
	const struct uop_info *info = &uop_info[u->op];
	return (info->properties & (P_MAY_FAULT | P_SERIAL)) || info->unit == UNIT_FADD ||
	       info->unit == UNIT_FMUL || info->unit == UNIT_FDIV || info->unit == UNIT_FCVT;
}

/* Dead flag elimination on the block's private copy of the micro-ops: a
 * flag group written and then overwritten before anything reads it, with
 * no possible fault in between (a fault must see precise flags), need not
 * be computed. Instructions with micro-branches are left alone. The
 * timing model cracks its own copy, so flags_write keeps its meaning
 * there. */
static void eliminate_dead_flags(struct uop *uops, const struct block_insn *insn, unsigned ninsns)
{
	unsigned live = UF_ARITH | UF_DF; /* everything is live at the block's end */
	for (unsigned k = ninsns; k-- > 0;) {
		struct uop *u = uops + insn[k].first_uop;
		unsigned n = insn[k].nuops;
		int has_microbranch = 0;
		for (unsigned i = 0; i < n; i++)
			if (u[i].op == UOP_UBRCC || u[i].op == UOP_REPEAT)
				has_microbranch = 1;
		if (has_microbranch) {
			live = UF_ARITH | UF_DF;
			continue;
		}
		for (unsigned i = n; i-- > 0;) {
			unsigned killed = flags_killed(&u[i]);
			u[i].flags_write &= (uint8_t)(live | ~killed);
			live = (live & ~killed) | flags_used(&u[i]);
			if (may_stop(&u[i]))
				live = UF_ARITH | UF_DF;
		}
	}
}

static struct block *build(struct block_cache *c, struct guest_memory *m, enum x86_mode mode, uint64_t rip)
{
	struct block_insn insn[BLOCK_MAX_INSNS];
	unsigned ninsns = 0, nuops = 0;
	uint64_t pc = rip;
	while (ninsns < BLOCK_MAX_INSNS) {
		uint8_t bytes[X86_MAX_INSN_LENGTH];
		size_t avail = gmem_fetch(m, pc, bytes, sizeof bytes);
		struct x86_insn decoded;
		int length = x86_decode(bytes, avail, mode, &decoded);
		if (length < 0)
			break;
		int n = uop_crack(&decoded, pc, c->scratch + nuops);
		if (n < 0)
			break;
		insn[ninsns].first_uop = (uint16_t)nuops;
		insn[ninsns].nuops = (uint8_t)n;
		insn[ninsns].length = (uint8_t)length;
		insn[ninsns].form = decoded.form;
		insn[ninsns].stores = 0;
		for (int i = 0; i < n; i++)
			if (c->scratch[nuops + (unsigned)i].op == UOP_STA)
				insn[ninsns].stores = 1;
		ninsns++;
		nuops += (unsigned)n;
		pc += (uint64_t)length;
		if (mode != X86_MODE_64)
			pc &= 0xFFFFFFFF;
		if (ends_block(c->scratch + nuops - n, n))
			break;
	}
	if (ninsns == 0)
		return NULL;
	struct block *b = malloc(sizeof *b + nuops * sizeof(struct uop));
	if (!b)
		return NULL;
	b->rip = rip;
	b->ninsns = ninsns;
	b->nuops = nuops;
	memcpy(b->insn, insn, ninsns * sizeof insn[0]);
	memcpy(b->uops, c->scratch, nuops * sizeof(struct uop));
	eliminate_dead_flags(b->uops, b->insn, ninsns);
	b->first_page = rip >> GUEST_PAGE_SHIFT;
	b->last_page = (pc - 1) >> GUEST_PAGE_SHIFT;
	b->first_version = gmem_code_version(m, rip, 1);
	b->last_version = gmem_code_version(m, pc - 1, 1);
	b->checked_epoch = gmem_epoch(m);
	memset(b->link, 0, sizeof b->link);
	uint16_t first[BLOCK_MAX_INSNS];
	uint8_t counts[BLOCK_MAX_INSNS], lengths[BLOCK_MAX_INSNS];
	for (unsigned k = 0; k < ninsns; k++) {
		first[k] = insn[k].first_uop;
		counts[k] = insn[k].nuops;
		lengths[k] = insn[k].length;
	}
	b->fast = uop_fast_compile(b->uops, first, counts, lengths, ninsns, rip, mode); /* NULL: cpu_run steps */
	return b;
}

static int is_current(const struct block *b, struct guest_memory *m)
{
	return gmem_code_version(m, b->first_page << GUEST_PAGE_SHIFT, 0) == b->first_version &&
	       gmem_code_version(m, b->last_page << GUEST_PAGE_SHIFT, 0) == b->last_version;
}

const struct block *block_cache_get(struct block_cache *c, struct guest_memory *m, enum x86_mode mode,
				    uint64_t rip)
{
	struct block **link = &c->bucket[hash(rip)];
	c->stats.lookups++;
	for (struct block *b = *link; b; link = &b->next, b = b->next) {
		if (b->rip != rip)
			continue;
		/* Page code versions change only with the memory's epoch. */
		uint64_t epoch = gmem_epoch(m);
		if (b->checked_epoch == epoch || is_current(b, m)) {
			b->checked_epoch = epoch;
			c->stats.hits++;
			return b;
		}
		*link = b->next; /* stale after a code write: rebuild */
		b->checked_epoch = 0;
		b->next = c->graveyard;
		c->graveyard = b;
		c->ngraveyard++;
		c->stats.stale++;
		break;
	}
	if (c->ngraveyard > MAX_GRAVEYARD)
		block_cache_flush(c); /* heavy self-modifying code: start afresh */
	struct block *b = build(c, m, mode, rip);
	if (!b)
		return NULL;
	c->stats.builds++;
	b->next = c->bucket[hash(rip)];
	c->bucket[hash(rip)] = b;
	return b;
}

const struct block *block_cache_next(struct block_cache *c, struct guest_memory *m, enum x86_mode mode,
				     const struct block *from, uint64_t rip)
{
	if (from) {
		const struct block *b = block_cache_chained(from, rip, gmem_epoch(m));
		if (b)
			return b;
	}
	uint64_t generation = c->generation;
	const struct block *b = block_cache_get(c, m, mode, rip);
	if (b && from && c->generation == generation) { /* else a flush freed `from` */
		struct block *f = (struct block *)from; /* the links are the cache's own bookkeeping */
		f->link[1] = f->link[0]; /* newest in slot 0 */
		f->link[0].rip = rip;
		f->link[0].block = b;
	}
	return b;
}
