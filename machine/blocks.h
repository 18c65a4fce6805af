/* blocks.h - the decoded-block cache: straight-line runs of guest code,
 * decoded and cracked once, keyed by their guest address. A block records
 * the code version of the pages it came from (machine/memory.h), so a
 * write to those pages (self-modifying code) makes it stale. */
#ifndef UOPSIM_MACHINE_BLOCKS_H
#define UOPSIM_MACHINE_BLOCKS_H

#include <stdint.h>

#include "decoder/x86_decode.h"
#include "uops/uop.h"

struct guest_memory;

/* A block ends after a control transfer, a system micro-op, at this many
 * instructions, or before an instruction that cannot be decoded/cracked. */
#define BLOCK_MAX_INSNS 64

struct block_insn {
	uint16_t first_uop;
	uint8_t nuops;
	uint8_t length;
	uint8_t stores; /* has store micro-ops (may modify code) */
	uint16_t form;  /* enum x86_form, for statistics */
};

struct block {
	uint64_t rip;
	uint64_t first_page, last_page; /* guest page numbers the code spans */
	uint32_t first_version, last_version;
	unsigned ninsns, nuops;
	struct block *next; /* hash chain */
	struct uop_fast_code *fast; /* the micro-ops pre-decoded (uop_fast_run), or NULL */
	uint64_t checked_epoch;     /* gmem_epoch when last found current */
	/* Chaining: the blocks last found at the two most recent successor
	 * addresses. A stale block is kept (with checked_epoch 0) until the
	 * cache is flushed, which frees every block and so every link. */
	struct {
		uint64_t rip;
		const struct block *block;
	} link[2];
	struct block_insn insn[BLOCK_MAX_INSNS];
	struct uop uops[]; /* nuops */
};

struct block_cache_stats {
	uint64_t lookups, hits, builds, stale; /* stale: rebuilt after a code write */
};

struct block_cache;

struct block_cache *block_cache_create(void);
void block_cache_destroy(struct block_cache *c);
/* The block starting at rip, built if needed. NULL if not even the first
 * instruction can be fetched, decoded and cracked (the caller then takes
 * the single-step path, which reports the fault). */
const struct block *block_cache_get(struct block_cache *c, struct guest_memory *m, enum x86_mode mode,
				    uint64_t rip);
/* The block starting at rip when execution leaves block `from` (NULL:
 * as block_cache_get): looks first at the successors `from` remembers. A
 * block returned stays valid until the next call. */
const struct block *block_cache_next(struct block_cache *c, struct guest_memory *m, enum x86_mode mode,
				     const struct block *from, uint64_t rip);

/* The fast path of block_cache_next: a successor `from` remembers at rip
 * and still current at memory epoch `epoch` (gmem_epoch), or NULL. */
static inline const struct block *block_cache_chained(const struct block *from, uint64_t rip, uint64_t epoch)
{
	for (unsigned i = 0; i < 2; i++)
		if (from->link[i].rip == rip && from->link[i].block && from->link[i].block->checked_epoch == epoch)
			return from->link[i].block;
	return NULL;
}
/* Drops every block (mode changes, tests). */
void block_cache_flush(struct block_cache *c);
const struct block_cache_stats *block_cache_stats(const struct block_cache *c);

#endif
