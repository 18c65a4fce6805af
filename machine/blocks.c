/* blocks.c - the decoded-block cache (see blocks.h). */
#include "machine/blocks.h"

#include <stdlib.h>
#include <string.h>

#include "machine/memory.h"

#define BUCKETS 8192 /* power of two */

struct block_cache {
	struct block *bucket[BUCKETS];
	struct block_cache_stats stats;
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

void block_cache_flush(struct block_cache *c)
{
	for (unsigned i = 0; i < BUCKETS; i++) {
		struct block *b = c->bucket[i];
		while (b) {
			struct block *next = b->next;
			free(b);
			b = next;
		}
		c->bucket[i] = NULL;
	}
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
	b->first_page = rip >> GUEST_PAGE_SHIFT;
	b->last_page = (pc - 1) >> GUEST_PAGE_SHIFT;
	b->first_version = gmem_code_version(m, rip, 1);
	b->last_version = gmem_code_version(m, pc - 1, 1);
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
		if (is_current(b, m)) {
			c->stats.hits++;
			return b;
		}
		*link = b->next; /* stale after a code write: rebuild */
		free(b);
		c->stats.stale++;
		break;
	}
	struct block *b = build(c, m, mode, rip);
	if (!b)
		return NULL;
	c->stats.builds++;
	b->next = c->bucket[hash(rip)];
	c->bucket[hash(rip)] = b;
	return b;
}
