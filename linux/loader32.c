/* loader32.c - loading an i386 ELF program (ET_EXEC, PIE or static-pie;
 * a dynamically linked one with its PT_INTERP, ld-linux.so.2) and
 * building its initial stack as a 64-bit kernel does for a compat task
 * (fs/binfmt_elf.c, create_elf_tables): 4-byte words, AT_PLATFORM "i686",
 * and no vDSO, hence no AT_SYSINFO/AT_SYSINFO_EHDR, so that libc makes
 * its system calls with `int 0x80` (the x86-64 loader likewise gives no
 * AT_SYSINFO_EHDR). */
#define _GNU_SOURCE
#include "linux/linux32.h"

#include <elf.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "machine/blocks.h"
#include "machine/cpuid.h"
#include "machine/memory.h"

#define PAGE_DOWN(a) ((a) & ~(GUEST_PAGE_SIZE - 1))
#define PAGE_UP(a) (((a) + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1))

#define fail linux_load_fail

/* Opens the program's PT_INTERP (ld-linux.so.2) under p->sysroot into
 * interp. Returns 1 if there is one, 0 if none, -1 on error. */
static int open_interp32(struct linux_process *p, const struct elf_file *f, struct elf_file *interp, char *err,
                         size_t errlen)
{
	for (size_t i = 0; i < f->nsegments; i++) {
		if (f->segments[i].type != PT_INTERP)
			continue;
		char ipath[2 * PATH_MAX + 2];
		linux_interp_path(&f->segments[i], p->sysroot, ipath, sizeof ipath);
		if (elf_open(ipath, interp)) {
			fail(err, errlen, "%s: interpreter: %s", p->exe_path, interp->error);
			elf_close(interp);
			return -1;
		}
		if (interp->machine != EM_386 || interp->bits != 32 || interp->type != ET_DYN) {
			fail(err, errlen, "%s: interpreter %s is not an i386 shared object", p->exe_path, ipath);
			elf_close(interp);
			return -1;
		}
		return 1;
	}
	return 0;
}

int linux_load32(struct linux_process *p, const struct elf_file *f, int argc, char *const argv[],
                 char *const envp[], char *err, size_t errlen)
{
	if (f->type != ET_EXEC && f->type != ET_DYN)
		return fail(err, errlen, "%s: not an executable (ELF type %u)", p->exe_path, f->type);
	struct elf_file interp;
	int have_interp = open_interp32(p, f, &interp, err, errlen);
	if (have_interp < 0)
		return -1;
	int rc = -1;
	if (f->type == ET_DYN) {
		/* A PIE with an interpreter goes at ELF_ET_DYN_BASE (0x400000 for
		 * compat tasks, arch/x86/include/asm/elf.h); a static-pie is
		 * placed like the other mappings. */
		uint64_t lowest, highest;
		linux_load_span(f, &lowest, &highest);
		p->load_bias = (have_interp ? LINUX32_DYN_BASE : LINUX32_PIE_BASE) - PAGE_DOWN(lowest);
	}
	p->entry = f->entry + p->load_bias;
	p->exe_realpath = realpath(p->exe_path, NULL);
	p->cpu.memory = gmem_create();
	p->cpu.blocks = block_cache_create();
	if (!p->cpu.memory || !p->cpu.blocks) {
		fail(err, errlen, "out of memory");
		goto out;
	}
	p->cpu.mode = X86_MODE_32;
	p->cpu.env.cpuid = cpuid_query;
	p->cpu.env.rdtsc = linux_host_rdtsc;
	p->cpu.env.descriptor = linux_descriptor32;
	p->cpu.env.context = p; /* the TLS entries (p->tls32, zeroed by load_elf) */
	struct x86_state *s = &p->cpu.state;
	s->rip = p->entry;
	s->rflags = 0x202;
	s->selector[SEG_CS] = 0x23;
	s->selector[SEG_SS] = s->selector[SEG_DS] = s->selector[SEG_ES] = 0x2b;
	linux_fpu_reset(s); /* execve starts with the FPU as FNINIT leaves it */
	uint64_t highest;
	if (linux_map_segments(p, f, p->load_bias, LINUX32_MMAP_TOP - (64ull << 20), &highest, err, errlen))
		goto out;
	p->brk_start = p->brk = PAGE_UP(highest);
	p->mmap_next = LINUX32_MMAP_TOP;
	if (have_interp) {
		/* ld.so is mapped like any file, top-down from the mmap base; it
		 * runs first and finds the program through AT_PHDR and AT_ENTRY. */
		uint64_t lo, hi, ihighest;
		linux_load_span(&interp, &lo, &hi);
		lo = PAGE_DOWN(lo);
		uint64_t size = PAGE_UP(hi) - lo;
		if (size >= LINUX32_MMAP_TOP - p->brk) {
			fail(err, errlen, "%s: interpreter too large", p->exe_path);
			goto out;
		}
		uint64_t base = LINUX32_MMAP_TOP - size, bias = base - lo;
		if (linux_map_segments(p, &interp, bias, LINUX32_MMAP_TOP, &ihighest, err, errlen))
			goto out;
		p->interp_base = base;
		p->mmap_next = base;
		s->rip = interp.entry + bias;
	}
	rc = linux_build_stack(p, f, 4, LINUX32_STACK_TOP, "i686", argc, argv, envp, err, errlen);
out:
	if (have_interp)
		elf_close(&interp);
	return rc;
}
