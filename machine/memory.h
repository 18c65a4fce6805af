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

#endif
