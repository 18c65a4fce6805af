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
#include <sys/random.h>
#include <unistd.h>

#include "machine/blocks.h"
#include "machine/cpuid.h"
#include "machine/memory.h"

#define PAGE_DOWN(a) ((a) & ~(GUEST_PAGE_SIZE - 1))
#define PAGE_UP(a) (((a) + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1))

#define fail linux_load_fail

struct stack32 {
	uint8_t *buf;
	uint64_t top, size, sp;
};

static uint32_t push(struct stack32 *b, const void *data, size_t n)
{
	if (b->top - b->sp + n > b->size)
		return 0;
	b->sp -= n;
	memcpy(b->buf + (b->size - (b->top - b->sp)), data, n);
	return (uint32_t)b->sp;
}

static uint32_t push_str(struct stack32 *b, const char *s)
{
	return push(b, s, strlen(s) + 1);
}

static int build_stack32(struct linux_process *p, const struct elf_file *f, int argc, char *const argv[],
                         char *const envp[], char *err, size_t errlen)
{
	struct guest_memory *m = p->cpu.memory;
	if (gmem_map(m, LINUX32_STACK_TOP - LINUX_STACK_SIZE, LINUX_STACK_SIZE, GUEST_READ | GUEST_WRITE))
		return fail(err, errlen, "cannot map the stack");
	struct stack32 b = {.size = LINUX_STACK_SIZE / 4, .top = LINUX32_STACK_TOP, .sp = LINUX32_STACK_TOP};
	b.buf = calloc(1, b.size);
	int envc = 0;
	while (envp && envp[envc])
		envc++;
	uint32_t *argp = calloc((size_t)argc + 1, 4), *envpp = calloc((size_t)envc + 1, 4);
	int rc = -1;
	if (!b.buf || !argp || !envpp) {
		fail(err, errlen, "out of memory");
		goto out;
	}
	uint32_t zero = 0;
	push(&b, &zero, 4);
	uint32_t execfn = push_str(&b, p->exe_path);
	for (int i = envc - 1; i >= 0; i--)
		if (!(envpp[i] = push_str(&b, envp[i])))
			goto too_big;
	for (int i = argc - 1; i >= 0; i--)
		if (!(argp[i] = push_str(&b, argv[i])))
			goto too_big;
	uint32_t platform = push_str(&b, "i686");
	uint8_t rnd[16];
	if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd)
		for (unsigned i = 0; i < sizeof rnd; i++)
			rnd[i] = (uint8_t)rand();
	b.sp &= ~15ull;
	uint32_t random = push(&b, rnd, sizeof rnd);
	if (!execfn || !platform || !random)
		goto too_big;
	Elf32_Ehdr eh;
	memcpy(&eh, f->image, sizeof eh);
	uint64_t phdr = 0;
	for (size_t i = 0; i < f->nsegments; i++)
		if (f->segments[i].type == PT_PHDR)
			phdr = f->segments[i].vaddr + p->load_bias;
	for (size_t i = 0; !phdr && i < f->nsegments; i++) {
		const struct elf_segment *s = &f->segments[i];
		if (s->type == PT_LOAD && eh.e_phoff >= s->offset && eh.e_phoff < s->offset + s->filesz)
			phdr = s->vaddr + (eh.e_phoff - s->offset) + p->load_bias;
	}
	uint32_t id[4];
	cpuid_query(NULL, 1, 0, id);
	const uint32_t auxv[][2] = {
	    /* ARCH_DLINFO (ARCH_DLINFO_IA32 for i386) comes first; without a
	     * vDSO it is AT_MINSIGSTKSZ alone (see linux.h). */
	    {AT_MINSIGSTKSZ, LINUX_MINSIGSTKSZ},
	    {AT_HWCAP, id[3]},
	    {AT_PAGESZ, GUEST_PAGE_SIZE},
	    {AT_CLKTCK, 100},
	    {AT_PHDR, (uint32_t)phdr},
	    {AT_PHENT, eh.e_phentsize},
	    {AT_PHNUM, eh.e_phnum},
	    {AT_BASE, (uint32_t)p->interp_base},
	    {AT_FLAGS, 0},
	    {AT_ENTRY, (uint32_t)p->entry},
	    {AT_UID, getuid()},
	    {AT_EUID, geteuid()},
	    {AT_GID, getgid()},
	    {AT_EGID, getegid()},
	    {AT_SECURE, 0},
	    {AT_RANDOM, random},
	    /* AT_HWCAP2 (elf_hwcap2): bit 0 ring3mwait (Xeon Phi only), bit 1
	     * FSGSBASE, set when the CPU has it (CPUID.7.0:EBX[0]) and the
	     * kernel enables it. uopsim's CPUID has no FSGSBASE (nor
	     * RDFSBASE/WRFSBASE micro-ops), so the kernel would report 0. */
	    {AT_HWCAP2, 0},
	    {AT_EXECFN, execfn},
	    {AT_PLATFORM, platform},
	    {AT_NULL, 0},
	};
	size_t nauxv = sizeof auxv / sizeof auxv[0];
	/* argc, argv[] NULL, envp[] NULL, auxv: ESP ends 16-byte aligned. */
	size_t words = 1 + (size_t)argc + 1 + (size_t)envc + 1 + 2 * nauxv;
	b.sp &= ~15ull;
	for (size_t pad = (4 - words % 4) % 4; pad; pad--)
		push(&b, &zero, 4);
	for (size_t i = nauxv; i-- > 0;)
		if (!push(&b, auxv[i], sizeof auxv[i]))
			goto too_big;
	push(&b, &zero, 4);
	for (int i = envc - 1; i >= 0; i--)
		push(&b, &envpp[i], 4);
	push(&b, &zero, 4);
	for (int i = argc - 1; i >= 0; i--)
		push(&b, &argp[i], 4);
	uint32_t argc32 = (uint32_t)argc;
	if (!push(&b, &argc32, 4))
		goto too_big;
	if (gmem_poke(m, b.sp, b.buf + (b.size - (b.top - b.sp)), b.top - b.sp)) {
		fail(err, errlen, "cannot write the initial stack");
		goto out;
	}
	p->cpu.state.gpr[GPR_RSP] = b.sp;
	rc = 0;
	goto out;
too_big:
	fail(err, errlen, "argument list too long");
out:
	free(argp);
	free(envpp);
	free(b.buf);
	return rc;
}

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
	rc = build_stack32(p, f, argc, argv, envp, err, errlen);
out:
	if (have_interp)
		elf_close(&interp);
	return rc;
}
