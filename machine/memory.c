/* memory.c - guest pages in a four-level radix tree keyed by the virtual
 * page number (9 bits a level, as x86-64 page tables), fronted by a
 * direct-mapped lookup cache. */
#include "machine/memory.h"

#include <stdlib.h>
#include <string.h>

#define LEVEL_BITS 9
#define LEVEL_SIZE (1u << LEVEL_BITS)
#define CACHE_SIZE 256

struct page {
	uint8_t *data; /* GUEST_PAGE_SIZE bytes */
	unsigned prot;
	/* Self-modifying code: decoded blocks record the version of the pages
	 * they came from; a write to a page marked as code bumps it. */
	uint32_t code_version;
	uint8_t holds_code;
};

struct node {
	void *slot[LEVEL_SIZE]; /* struct node * for inner levels, struct page * at the last */
};

struct cache_entry {
	uint64_t vpn;
	struct page *page;
};

struct guest_memory {
	struct node root;
	struct cache_entry cache[CACHE_SIZE];
	uint64_t code_writes; /* writes that hit pages holding decoded code */
	uint32_t last_version; /* versions are unique across pages and time */
	uint64_t epoch;        /* gmem_epoch */
	struct gmem_tlb tlb;
};

static int valid_range(uint64_t addr, uint64_t size)
{
	uint64_t limit = 1ull << GUEST_ADDRESS_BITS;
	return addr < limit && size <= limit - addr;
}

struct guest_memory *gmem_create(void)
{
	struct guest_memory *m = calloc(1, sizeof *m);
	if (!m)
		return NULL;
	for (unsigned i = 0; i < CACHE_SIZE; i++)
		m->cache[i].vpn = UINT64_MAX;
	m->epoch = 1;
	return m;
}

static void free_node(struct node *n, int level)
{
	for (unsigned i = 0; i < LEVEL_SIZE; i++) {
		if (!n->slot[i])
			continue;
		if (level == 3) {
			struct page *p = n->slot[i];
			free(p->data);
			free(p);
		} else {
			free_node(n->slot[i], level + 1);
			free(n->slot[i]);
		}
	}
}

void gmem_destroy(struct guest_memory *m)
{
	if (!m)
		return;
	free_node(&m->root, 0);
	free(m);
}

/* The slot for vpn at the last level; creates inner nodes when `create`. */
static void **leaf_slot(struct guest_memory *m, uint64_t vpn, int create)
{
	struct node *n = &m->root;
	for (int level = 0; level < 3; level++) {
		unsigned index = (vpn >> (LEVEL_BITS * (3 - level))) & (LEVEL_SIZE - 1);
		if (!n->slot[index]) {
			if (!create)
				return NULL;
			n->slot[index] = calloc(1, sizeof(struct node));
			if (!n->slot[index])
				return NULL;
		}
		n = n->slot[index];
	}
	return &n->slot[vpn & (LEVEL_SIZE - 1)];
}

static struct page *lookup(struct guest_memory *m, uint64_t vpn)
{
	struct cache_entry *e = &m->cache[vpn & (CACHE_SIZE - 1)];
	if (e->vpn == vpn)
		return e->page;
	void **slot = leaf_slot(m, vpn, 0);
	struct page *p = slot ? *slot : NULL;
	if (p) {
		e->vpn = vpn;
		e->page = p;
	}
	return p;
}

/* Drops the page's TLB entries (the read one too: its data may go). */
static void drop_tlb(struct guest_memory *m, uint64_t vpn)
{
	struct gmem_tlb_entry *r = &m->tlb.read[vpn & (GMEM_TLB_SIZE - 1)];
	struct gmem_tlb_entry *w = &m->tlb.write[vpn & (GMEM_TLB_SIZE - 1)];
	if (r->tag == vpn + 1)
		r->tag = 0;
	if (w->tag == vpn + 1)
		w->tag = 0;
}

static void forget(struct guest_memory *m, uint64_t vpn)
{
	m->epoch++;
	drop_tlb(m, vpn);
	struct cache_entry *e = &m->cache[vpn & (CACHE_SIZE - 1)];
	if (e->vpn == vpn)
		e->vpn = UINT64_MAX;
}

int gmem_map(struct guest_memory *m, uint64_t addr, uint64_t size, unsigned prot)
{
	if ((addr | size) & (GUEST_PAGE_SIZE - 1) || !valid_range(addr, size))
		return -1;
	for (uint64_t vpn = addr >> GUEST_PAGE_SHIFT; vpn < (addr + size) >> GUEST_PAGE_SHIFT; vpn++) {
		void **slot = leaf_slot(m, vpn, 1);
		if (!slot)
			return -1;
		struct page *p = *slot;
		if (!p) {
			p = calloc(1, sizeof *p);
			if (!p || !(p->data = calloc(1, GUEST_PAGE_SIZE))) {
				free(p);
				return -1;
			}
			*slot = p;
		} else {
			memset(p->data, 0, GUEST_PAGE_SIZE);
		}
		p->prot = prot;
		p->code_version = ++m->last_version;
		p->holds_code = 0;
		forget(m, vpn);
	}
	return 0;
}

int gmem_unmap(struct guest_memory *m, uint64_t addr, uint64_t size)
{
	if ((addr | size) & (GUEST_PAGE_SIZE - 1) || !valid_range(addr, size))
		return -1;
	for (uint64_t vpn = addr >> GUEST_PAGE_SHIFT; vpn < (addr + size) >> GUEST_PAGE_SHIFT; vpn++) {
		void **slot = leaf_slot(m, vpn, 0);
		if (slot && *slot) {
			struct page *p = *slot;
			free(p->data);
			free(p);
			*slot = NULL;
		}
		forget(m, vpn);
	}
	return 0;
}

int gmem_protect(struct guest_memory *m, uint64_t addr, uint64_t size, unsigned prot)
{
	if ((addr | size) & (GUEST_PAGE_SIZE - 1) || !valid_range(addr, size))
		return -1;
	for (uint64_t vpn = addr >> GUEST_PAGE_SHIFT; vpn < (addr + size) >> GUEST_PAGE_SHIFT; vpn++) {
		struct page *p = lookup(m, vpn);
		if (!p)
			return -1;
		p->prot = prot;
		p->code_version = ++m->last_version;
		p->holds_code = 0;
		m->epoch++;
		drop_tlb(m, vpn);
	}
	return 0;
}

int gmem_check(struct guest_memory *m, uint64_t addr, size_t size, unsigned prot, uint64_t *fault)
{
	uint64_t a = addr, end = addr + size;
	if (size == 0)
		return 0;
	if (!valid_range(addr, size)) {
		*fault = addr;
		return -1;
	}
	while (a < end) {
		struct page *p = lookup(m, a >> GUEST_PAGE_SHIFT);
		if (!p || (p->prot & prot) != prot) {
			*fault = a;
			return -1;
		}
		a = (a | (GUEST_PAGE_SIZE - 1)) + 1;
	}
	return 0;
}

/* Copies between guest and host, page by page; ranges already checked. */
static void copy(struct guest_memory *m, uint64_t addr, void *host, size_t size, int to_guest)
{
	uint8_t *h = host;
	while (size) {
		struct page *p = lookup(m, addr >> GUEST_PAGE_SHIFT);
		size_t offset = addr & (GUEST_PAGE_SIZE - 1);
		size_t chunk = GUEST_PAGE_SIZE - offset < size ? GUEST_PAGE_SIZE - offset : size;
		if (to_guest) {
			memcpy(p->data + offset, h, chunk);
			if (p->holds_code) {
				p->code_version = ++m->last_version;
				p->holds_code = 0;
				m->code_writes++;
				m->epoch++;
			}
		}
		else
			memcpy(h, p->data + offset, chunk);
		addr += chunk;
		h += chunk;
		size -= chunk;
	}
}

int gmem_read(struct guest_memory *m, uint64_t addr, void *dst, size_t size, uint64_t *fault)
{
	if (gmem_check(m, addr, size, GUEST_READ, fault))
		return -1;
	copy(m, addr, dst, size, 0);
	return 0;
}

int gmem_write(struct guest_memory *m, uint64_t addr, const void *src, size_t size, uint64_t *fault)
{
	if (gmem_check(m, addr, size, GUEST_WRITE, fault))
		return -1;
	copy(m, addr, (void *)src, size, 1);
	return 0;
}

int gmem_poke(struct guest_memory *m, uint64_t addr, const void *src, size_t size)
{
	uint64_t fault;
	if (gmem_check(m, addr, size, 0, &fault))
		return -1;
	copy(m, addr, (void *)src, size, 1);
	return 0;
}

int gmem_peek(struct guest_memory *m, uint64_t addr, void *dst, size_t size)
{
	uint64_t fault;
	if (gmem_check(m, addr, size, 0, &fault))
		return -1;
	copy(m, addr, dst, size, 0);
	return 0;
}

size_t gmem_fetch(struct guest_memory *m, uint64_t addr, void *dst, size_t size)
{
	uint64_t fault;
	if (gmem_check(m, addr, size, GUEST_EXEC, &fault)) {
		if (fault <= addr)
			return 0;
		size = fault - addr;
	}
	copy(m, addr, dst, size, 0);
	return size;
}

uint32_t gmem_code_version(struct guest_memory *m, uint64_t addr, int mark)
{
	if (addr >= 1ull << GUEST_ADDRESS_BITS)
		return 0;
	struct page *p = lookup(m, addr >> GUEST_PAGE_SHIFT);
	if (!p)
		return 0;
	if (mark && !p->holds_code) {
		p->holds_code = 1;
		drop_tlb(m, addr >> GUEST_PAGE_SHIFT); /* writes must bump the version */
	}
	return p->code_version;
}

uint64_t gmem_code_writes(const struct guest_memory *m)
{
	return m->code_writes;
}

uint64_t gmem_epoch(const struct guest_memory *m)
{
	return m->epoch;
}

struct gmem_tlb *gmem_tlb(struct guest_memory *m)
{
	return &m->tlb;
}

uint8_t *gmem_tlb_fill(struct guest_memory *m, uint64_t addr, unsigned prot)
{
	if (addr >= 1ull << GUEST_ADDRESS_BITS)
		return NULL;
	uint64_t vpn = addr >> GUEST_PAGE_SHIFT;
	struct page *p = lookup(m, vpn);
	if (!p || (p->prot & prot) != prot || ((prot & GUEST_WRITE) && p->holds_code))
		return NULL;
	struct gmem_tlb_entry *e = &(prot & GUEST_WRITE ? m->tlb.write : m->tlb.read)[vpn & (GMEM_TLB_SIZE - 1)];
	e->tag = vpn + 1;
	e->host = p->data;
	return p->data + (addr & (GUEST_PAGE_SIZE - 1));
}
