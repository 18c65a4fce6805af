/* memory.h - a guest's virtual address space: pages of host memory the
 * guest can reach only through these calls, so a guest access outside its
 * own mappings is a guest fault, never a host one. */
#ifndef UOPSIM_MACHINE_MEMORY_H
#define UOPSIM_MACHINE_MEMORY_H

#include <stddef.h>
#include <stdint.h>

#define GUEST_PAGE_SHIFT 12
#define GUEST_PAGE_SIZE (1ull << GUEST_PAGE_SHIFT)
/* Guest virtual addresses are below 2^48 (4-level paging, SDM vol. 3A, 4.5). */
#define GUEST_ADDRESS_BITS 48

enum guest_prot {
	GUEST_READ = 1u << 0,
	GUEST_WRITE = 1u << 1,
	GUEST_EXEC = 1u << 2,
};

struct guest_memory;

struct guest_memory *gmem_create(void);
void gmem_destroy(struct guest_memory *m);

/* Maps [addr, addr + size), page-aligned, zero-filled. Mapping over
 * existing pages replaces them. Returns 0 or -1 (bad range, no memory). */
int gmem_map(struct guest_memory *m, uint64_t addr, uint64_t size, unsigned prot);
int gmem_unmap(struct guest_memory *m, uint64_t addr, uint64_t size);
int gmem_protect(struct guest_memory *m, uint64_t addr, uint64_t size, unsigned prot);

/* Checks that every byte of [addr, addr + size) is mapped with `prot`.
 * Returns 0, or -1 and the first failing address in *fault. */
int gmem_check(struct guest_memory *m, uint64_t addr, size_t size, unsigned prot, uint64_t *fault);
/* Guest accesses; all-or-nothing (a write that would fault writes nothing). */
int gmem_read(struct guest_memory *m, uint64_t addr, void *dst, size_t size, uint64_t *fault);
int gmem_write(struct guest_memory *m, uint64_t addr, const void *src, size_t size, uint64_t *fault);
/* Host-side access that ignores protections (loaders, tests). */
int gmem_poke(struct guest_memory *m, uint64_t addr, const void *src, size_t size);
int gmem_peek(struct guest_memory *m, uint64_t addr, void *dst, size_t size);
/* Instruction fetch: copies up to `size` executable bytes from addr and
 * returns how many were available before the first non-executable byte. */
size_t gmem_fetch(struct guest_memory *m, uint64_t addr, void *dst, size_t size);

/* Self-modifying code support. gmem_code_version returns the page's code
 * version (0 if unmapped) and, when `mark`, flags the page as holding
 * decoded code: the next guest or host write to it bumps the version and
 * the count gmem_code_writes reports. Unmapping, remapping and protection
 * changes of a page also invalidate its decoded code. */
uint32_t gmem_code_version(struct guest_memory *m, uint64_t addr, int mark);
uint64_t gmem_code_writes(const struct guest_memory *m);

/* A count that changes whenever any page is mapped, unmapped or
 * re-protected, or has its code version bumped by a write: while it stays
 * the same, so does every page's code version. */
uint64_t gmem_epoch(const struct guest_memory *m);

/* The memory's software TLB, for the executor's fast path: guest page
 * number to host page data, direct-mapped, separately for reads and
 * writes. Mapping, unmapping and protection changes drop a page's
 * entries, and write entries never cover a page holding decoded code, so
 * that a write there takes the gmem_write path that bumps its code
 * version. Tags are page number + 1 (0: empty). */
#define GMEM_TLB_SIZE 256 /* power of two */
struct gmem_tlb_entry {
	uint64_t tag;
	uint8_t *host;
};
struct gmem_tlb {
	struct gmem_tlb_entry read[GMEM_TLB_SIZE], write[GMEM_TLB_SIZE];
};

struct gmem_tlb *gmem_tlb(struct guest_memory *m);
/* The host address of guest address addr for an access with `prot`
 * (GUEST_READ or GUEST_WRITE) within its page, entered into the TLB; NULL
 * if the page is not mapped with that protection (or, for a write, holds
 * decoded code). */
uint8_t *gmem_tlb_fill(struct guest_memory *m, uint64_t addr, unsigned prot);

/* The fast path of a one-page access of size bytes: the host address, or
 * NULL (then use gmem_tlb_fill, or gmem_read/gmem_write for a page
 * crossing). */
static inline uint8_t *gmem_tlb_lookup(const struct gmem_tlb_entry *set, uint64_t addr, unsigned size)
{
	uint64_t vpn = addr >> GUEST_PAGE_SHIFT;
	const struct gmem_tlb_entry *e = &set[vpn & (GMEM_TLB_SIZE - 1)];
	if (e->tag != vpn + 1 || (addr & (GUEST_PAGE_SIZE - 1)) + size > GUEST_PAGE_SIZE)
		return NULL;
	return e->host + (addr & (GUEST_PAGE_SIZE - 1));
}

#endif
