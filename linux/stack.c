/* stack.c - the initial process stack, as fs/binfmt_elf.c's
 * create_elf_tables builds it, for both ABIs: the x86-64 one (8-byte
 * words) and the i386 compat one (4-byte words). Only the word size, the
 * stack top and AT_PLATFORM differ; the layout is the same (System V
 * ABI, "Process Initialization": argc, argv[], NULL, envp[], NULL, auxv,
 * with the strings above them and the stack pointer 16-byte aligned). */
#define _GNU_SOURCE
#include "linux/linux.h"
#include "linux/linux32.h"

#include <elf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "elf/elf.h"
#include "machine/cpuid.h"
#include "machine/memory.h"

/* The stack image is built in a host buffer mirroring the top of the
 * guest stack, then copied in one go. */
struct stack_builder {
	uint8_t *buf;
	uint64_t top; /* guest address of buf's end */
	uint64_t size, sp;
};

/* Pushes n bytes; returns their guest address, or 0 when the buffer is
 * full. */
static uint64_t push_bytes(struct stack_builder *b, const void *data, size_t n)
{
	if (b->top - b->sp + n > b->size)
		return 0;
	b->sp -= n;
	memcpy(b->buf + (b->size - (b->top - b->sp)), data, n);
	return b->sp;
}

static uint64_t push_string(struct stack_builder *b, const char *s)
{
	return push_bytes(b, s, strlen(s) + 1);
}

/* Pushes one guest word of word_size bytes (4 or 8): v, truncated to 32
 * bits for i386. */
static uint64_t push_word(struct stack_builder *b, uint64_t v, unsigned word_size)
{
	if (word_size == 4) {
		uint32_t w = (uint32_t)v;
		return push_bytes(b, &w, sizeof w);
	}
	return push_bytes(b, &v, sizeof v);
}

/* The ELF header fields the auxv needs, from an Elf64_Ehdr or an
 * Elf32_Ehdr (their offsets differ). */
static void ehdr_fields(const struct elf_file *f, unsigned word_size, uint64_t *phoff, unsigned *phentsize,
                        unsigned *phnum)
{
	if (word_size == 4) {
		Elf32_Ehdr eh;
		memcpy(&eh, f->image, sizeof eh);
		*phoff = eh.e_phoff;
		*phentsize = eh.e_phentsize;
		*phnum = eh.e_phnum;
	} else {
		Elf64_Ehdr eh;
		memcpy(&eh, f->image, sizeof eh);
		*phoff = eh.e_phoff;
		*phentsize = eh.e_phentsize;
		*phnum = eh.e_phnum;
	}
}

int linux_build_stack(struct linux_process *p, const struct elf_file *f, unsigned word_size, uint64_t stack_top,
                      const char *platform_name, int argc, char *const argv[], char *const envp[], char *err,
                      size_t errlen)
{
	struct guest_memory *m = p->cpu.memory;
	if (gmem_map(m, stack_top - LINUX_STACK_SIZE, LINUX_STACK_SIZE, GUEST_READ | GUEST_WRITE))
		return linux_load_fail(err, errlen, "cannot map the stack");
	/* Arguments and environment may use at most a quarter of the stack,
	 * as the kernel allows (ARG_MAX follows RLIMIT_STACK / 4). */
	struct stack_builder b = {.size = LINUX_STACK_SIZE / 4, .top = stack_top, .sp = stack_top};
	b.buf = calloc(1, b.size);
	int envc = 0;
	while (envp && envp[envc])
		envc++;
	uint64_t *argp = calloc((size_t)argc + 1, sizeof *argp),
	         *envpp = calloc((size_t)envc + 1, sizeof *envpp);
	int rc = -1;
	if (!b.buf || !argp || !envpp) {
		linux_load_fail(err, errlen, "out of memory");
		goto out;
	}
	/* From the top: an end marker, the file name (AT_EXECFN), the
	 * environment and argument strings, the platform string, the 16
	 * AT_RANDOM bytes. */
	push_word(&b, 0, word_size);
	uint64_t execfn = push_string(&b, p->exe_path);
	for (int i = envc - 1; i >= 0; i--)
		if (!(envpp[i] = push_string(&b, envp[i])))
			goto too_big;
	for (int i = argc - 1; i >= 0; i--)
		if (!(argp[i] = push_string(&b, argv[i])))
			goto too_big;
	uint64_t platform = push_string(&b, platform_name);
	uint8_t random_bytes[16];
	if (getrandom(random_bytes, sizeof random_bytes, 0) != (ssize_t)sizeof random_bytes)
		for (unsigned i = 0; i < sizeof random_bytes; i++)
			random_bytes[i] = (uint8_t)rand();
	b.sp &= ~15ull;
	uint64_t random = push_bytes(&b, random_bytes, sizeof random_bytes);
	if (!execfn || !platform || !random)
		goto too_big;

	/* The program headers' address in memory: PT_PHDR, or the PT_LOAD
	 * that covers e_phoff in the file. */
	uint64_t phoff;
	unsigned phentsize, phnum;
	ehdr_fields(f, word_size, &phoff, &phentsize, &phnum);
	uint64_t phdr = 0;
	for (size_t i = 0; i < f->nsegments; i++)
		if (f->segments[i].type == PT_PHDR)
			phdr = f->segments[i].vaddr + p->load_bias;
	for (size_t i = 0; !phdr && i < f->nsegments; i++) {
		const struct elf_segment *s = &f->segments[i];
		if (s->type == PT_LOAD && phoff >= s->offset && phoff < s->offset + s->filesz)
			phdr = s->vaddr + (phoff - s->offset) + p->load_bias;
	}
	uint32_t id[4];
	cpuid_query(NULL, 1, 0, id);
	/* Pairs of words; push_word truncates each to 32 bits for i386. */
	const uint64_t auxv[][2] = {
	    /* ARCH_DLINFO (ARCH_DLINFO_IA32 for i386) comes first; without a
	     * vDSO it is AT_MINSIGSTKSZ alone (see linux.h). */
	    {AT_MINSIGSTKSZ, LINUX_MINSIGSTKSZ},
	    {AT_HWCAP, id[3]},
	    {AT_PAGESZ, GUEST_PAGE_SIZE},
	    {AT_CLKTCK, 100},
	    {AT_PHDR, phdr},
	    {AT_PHENT, phentsize},
	    {AT_PHNUM, phnum},
	    {AT_BASE, p->interp_base},
	    {AT_FLAGS, 0},
	    {AT_ENTRY, p->entry},
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
	/* argc, argv[] NULL, envp[] NULL, auxv: the stack pointer ends
	 * 16-byte aligned, so pad below the strings to a multiple of 16
	 * bytes. */
	size_t words = 1 + (size_t)argc + 1 + (size_t)envc + 1 + 2 * nauxv;
	size_t per16 = 16 / word_size;
	b.sp &= ~15ull;
	for (size_t pad = (per16 - words % per16) % per16; pad; pad--)
		push_word(&b, 0, word_size);
	for (size_t i = nauxv; i-- > 0;)
		if (!push_word(&b, auxv[i][1], word_size) || !push_word(&b, auxv[i][0], word_size))
			goto too_big;
	push_word(&b, 0, word_size);
	for (int i = envc - 1; i >= 0; i--)
		push_word(&b, envpp[i], word_size);
	push_word(&b, 0, word_size);
	for (int i = argc - 1; i >= 0; i--)
		push_word(&b, argp[i], word_size);
	if (!push_word(&b, (uint64_t)argc, word_size))
		goto too_big;
	if (gmem_poke(m, b.sp, b.buf + (b.size - (b.top - b.sp)), b.top - b.sp)) {
		linux_load_fail(err, errlen, "cannot write the initial stack");
		goto out;
	}
	p->cpu.state.gpr[GPR_RSP] = b.sp;
	rc = 0;
	goto out;
too_big:
	linux_load_fail(err, errlen, "argument list too long");
out:
	free(argp);
	free(envpp);
	free(b.buf);
	return rc;
}
