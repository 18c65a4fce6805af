/* loader.c - loading a static x86-64 ELF program into a guest address
 * space and building its initial stack as the Linux kernel's ELF loader
 * does (fs/binfmt_elf.c: load_elf_binary, create_elf_tables). */
#define _GNU_SOURCE
#include "linux/linux.h"
#include "linux/linux32.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <x86intrin.h>

#include "elf/elf.h"
#include "machine/blocks.h"
#include "machine/cpuid.h"
#include "machine/memory.h"

#define PAGE_DOWN(a) ((a) & ~(GUEST_PAGE_SIZE - 1))
#define PAGE_UP(a) (((a) + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1))

/* Formats a load error into err; returns -1 (shared with loader32.c). */
int linux_load_fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}
#define fail linux_load_fail

/* RDTSC for the guest: the host's time-stamp counter. */
uint64_t linux_host_rdtsc(void *context)
{
	(void)context;
	return __rdtsc();
}

/* PF_R/PF_W/PF_X to guest protections. */
static unsigned segment_prot(uint32_t flags)
{
	unsigned prot = 0;
	if (flags & PF_R)
		prot |= GUEST_READ;
	if (flags & PF_W)
		prot |= GUEST_WRITE;
	if (flags & PF_X)
		prot |= GUEST_EXEC;
	return prot;
}

static int page_mapped(struct guest_memory *m, uint64_t page)
{
	uint64_t fault;
	return gmem_check(m, page, 1, 0, &fault) == 0;
}

/* Maps the PT_LOAD segments. Segments may share a page (the end of one
 * and the start of the next), so pages are mapped once, filled, and then
 * given the union of the protections of the segments covering them. */
static int map_segments(struct linux_process *p, const struct elf_file *f, uint64_t bias, uint64_t top,
                        uint64_t *highest_out, char *err, size_t errlen)
{
	struct guest_memory *m = p->cpu.memory;
	uint64_t highest = 0;
	for (size_t i = 0; i < f->nsegments; i++) {
		const struct elf_segment *s = &f->segments[i];
		if (s->type != PT_LOAD || !s->memsz)
			continue;
		if (s->filesz > s->memsz)
			return fail(err, errlen, "segment %zu: file size larger than memory size", i);
		uint64_t start = s->vaddr + bias, end = start + s->memsz;
		if (end < start || end > top)
			return fail(err, errlen, "segment %zu at 0x%llx is outside the user address space", i,
			            (unsigned long long)start);
		for (uint64_t page = PAGE_DOWN(start); page < end; page += GUEST_PAGE_SIZE)
			if (!page_mapped(m, page) &&
			    gmem_map(m, page, GUEST_PAGE_SIZE, GUEST_READ | GUEST_WRITE))
				return fail(err, errlen, "cannot map segment %zu at 0x%llx", i,
				            (unsigned long long)page);
		if (s->filesz && gmem_poke(m, start, s->data, s->filesz))
			return fail(err, errlen, "cannot fill segment %zu", i);
		if (end > highest)
			highest = end;
	}
	if (!highest)
		return fail(err, errlen, "no loadable segment");
	for (size_t i = 0; i < f->nsegments; i++) {
		const struct elf_segment *s = &f->segments[i];
		if (s->type != PT_LOAD || !s->memsz)
			continue;
		uint64_t start = s->vaddr + bias, end = start + s->memsz;
		for (uint64_t page = PAGE_DOWN(start); page < end; page += GUEST_PAGE_SIZE) {
			unsigned prot = 0;
			for (size_t j = 0; j < f->nsegments; j++) {
				const struct elf_segment *t = &f->segments[j];
				uint64_t ts = t->vaddr + bias;
				if (t->type == PT_LOAD && t->memsz && page < ts + t->memsz &&
				    page + GUEST_PAGE_SIZE > ts)
					prot |= segment_prot(t->flags);
			}
			gmem_protect(m, page, GUEST_PAGE_SIZE, prot);
		}
	}
	*highest_out = highest;
	return 0;
}

/* The span of an ELF file's PT_LOAD segments (linux32.h). */
void linux_load_span(const struct elf_file *f, uint64_t *lowest, uint64_t *highest)
{
	*lowest = UINT64_MAX;
	*highest = 0;
	for (size_t i = 0; i < f->nsegments; i++) {
		const struct elf_segment *s = &f->segments[i];
		if (s->type != PT_LOAD || !s->memsz)
			continue;
		if (s->vaddr < *lowest)
			*lowest = s->vaddr;
		if (s->vaddr + s->memsz > *highest)
			*highest = s->vaddr + s->memsz;
	}
	if (*lowest == UINT64_MAX)
		*lowest = 0;
}

void linux_interp_path(const struct elf_segment *s, const char *sysroot, char *out, size_t outlen)
{
	char name[PATH_MAX];
	size_t n = s->filesz < sizeof name - 1 ? (size_t)s->filesz : sizeof name - 1;
	memcpy(name, s->data, n);
	name[n] = 0;
	const char *root = sysroot && *sysroot ? sysroot : "/";
	if (!strcmp(root, "/"))
		snprintf(out, outlen, "%s", name);
	else
		snprintf(out, outlen, "%s/%s", root, name[0] == '/' ? name + 1 : name);
}

static int load_elf(struct linux_process *p, const char *path, int argc, char *const argv[],
                    char *const envp[], const char *sysroot, char *err, size_t errlen)
{
	memset(p, 0, sizeof *p);
	p->exe_path = p->exe_path_owned = strdup(path);
	p->sysroot = sysroot;
	struct elf_file f, interp;
	memset(&interp, 0, sizeof interp);
	int have_interp = 0;
	if (!p->exe_path_owned)
		return fail(err, errlen, "out of memory");
	if (elf_open(path, &f)) {
		int rc = fail(err, errlen, "%s", f.error);
		elf_close(&f);
		return rc;
	}
	int rc = -1;
	if (f.machine == EM_386 && f.bits == 32) {
		rc = linux_load32(p, &f, argc, argv, envp, err, errlen);
		goto out;
	}
	if (f.bits == 32) {
		fail(err, errlen, "%s: not an i386 or x86-64 program (ELF machine %u)", path, f.machine);
		goto out;
	}
	if (f.machine != EM_X86_64) {
		fail(err, errlen, "%s: not an x86-64 program (ELF machine %u)", path, f.machine);
		goto out;
	}
	if (f.type != ET_EXEC && f.type != ET_DYN) {
		fail(err, errlen, "%s: not an executable (ELF type %u)", path, f.type);
		goto out;
	}
	/* A dynamically linked program: its interpreter (ld.so), looked up
	 * under the sysroot, is loaded too and runs first, as the kernel does. */
	for (size_t i = 0; i < f.nsegments; i++)
		if (f.segments[i].type == PT_INTERP) {
			char ipath[2 * PATH_MAX + 2];
			linux_interp_path(&f.segments[i], sysroot, ipath, sizeof ipath);
			if (elf_open(ipath, &interp)) {
				fail(err, errlen, "%s: interpreter: %s", path, interp.error);
				elf_close(&interp);
				memset(&interp, 0, sizeof interp);
				goto out;
			}
			have_interp = 1;
			if (interp.machine != EM_X86_64 || interp.bits == 32 || interp.type != ET_DYN) {
				fail(err, errlen, "%s: interpreter %s is not an x86-64 shared object", path,
				     ipath);
				goto out;
			}
			break;
		}
	if (f.type == ET_DYN) {
		uint64_t lowest, highest;
		linux_load_span(&f, &lowest, &highest);
		p->load_bias = LINUX_PIE_BASE - PAGE_DOWN(lowest);
	}
	p->entry = f.entry + p->load_bias;
	p->exe_realpath = realpath(path, NULL);
	p->cpu.memory = gmem_create();
	p->cpu.blocks = block_cache_create();
	if (!p->cpu.memory || !p->cpu.blocks) {
		fail(err, errlen, "out of memory");
		goto out;
	}
	p->cpu.mode = X86_MODE_64;
	p->cpu.env.cpuid = cpuid_query;
	p->cpu.env.rdtsc = linux_host_rdtsc;
	struct x86_state *s = &p->cpu.state;
	s->rip = p->entry;
	s->rflags = 0x202;
	s->selector[SEG_CS] = 0x33;
	s->selector[SEG_SS] = s->selector[SEG_DS] = s->selector[SEG_ES] = 0x2b;
	linux_fpu_reset(s); /* execve starts with the FPU as FNINIT leaves it */
	uint64_t highest;
	if (map_segments(p, &f, p->load_bias, LINUX_MMAP_TOP - (1ull << 32), &highest, err, errlen))
		goto out;
	p->brk_start = p->brk = PAGE_UP(highest);
	p->mmap_next = LINUX_MMAP_TOP;
	if (have_interp) {
		uint64_t lo, hi, ihighest;
		linux_load_span(&interp, &lo, &hi);
		lo = PAGE_DOWN(lo);
		uint64_t base = PAGE_DOWN(LINUX_MMAP_TOP - (PAGE_UP(hi) - lo));
		uint64_t bias = base - lo;
		if (map_segments(p, &interp, bias, LINUX_MMAP_TOP, &ihighest, err, errlen))
			goto out;
		p->interp_base = base;
		p->mmap_next = base;
		s->rip = interp.entry + bias;
	}
	if (linux_build_stack(p, &f, 8, LINUX_STACK_TOP, "x86_64", argc, argv, envp, err, errlen))
		goto out;
	rc = 0;
out:
	elf_close(&f);
	if (have_interp)
		elf_close(&interp);
	return rc;
}

/* A "#!interpreter [one argument]" script runs its interpreter with the
 * script's path as an argument, as the kernel does (binfmt_script; up to
 * 4 nested interpreters). */
static int load_file(struct linux_process *p, const char *path, int argc, char *const argv[],
                     char *const envp[], const char *sysroot, char *err, size_t errlen, int depth)
{
	memset(p, 0, sizeof *p);
	char line[256];
	ssize_t got = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		got = read(fd, line, sizeof line - 1);
		close(fd);
	}
	if (got < 2 || line[0] != '#' || line[1] != '!')
		return load_elf(p, path, argc, argv, envp, sysroot, err, errlen);
	if (depth >= 4)
		return fail(err, errlen, "%s: too many levels of #! interpreters", path);
	line[got] = 0;
	char *nl = strchr(line, '\n');
	if (!nl)
		return fail(err, errlen, "%s: #! line too long", path);
	*nl = 0;
	char *interp = line + 2;
	while (*interp == ' ' || *interp == '\t')
		interp++;
	char *end = interp, *arg = NULL;
	while (*end && *end != ' ' && *end != '\t')
		end++;
	if (*end) {
		*end++ = 0;
		while (*end == ' ' || *end == '\t')
			end++;
		if (*end) {
			arg = end;
			for (char *t = arg + strlen(arg); t > arg && (t[-1] == ' ' || t[-1] == '\t');)
				*--t = 0;
		}
	}
	if (!*interp)
		return fail(err, errlen, "%s: no interpreter after #!", path);
	char **nv = calloc((size_t)(argc > 0 ? argc : 1) + 3, sizeof *nv);
	if (!nv)
		return fail(err, errlen, "out of memory");
	int k = 0;
	nv[k++] = interp;
	if (arg)
		nv[k++] = arg;
	nv[k++] = (char *)path;
	for (int i = 1; i < argc; i++)
		nv[k++] = argv[i];
	int rc = load_file(p, interp, k, nv, envp, sysroot, err, errlen, depth + 1);
	free(nv);
	return rc;
}

int linux_load(struct linux_process *p, const char *path, int argc, char *const argv[], char *const envp[],
               const char *sysroot, char *err, size_t errlen)
{
	return load_file(p, path, argc, argv, envp, sysroot, err, errlen, 0);
}

void linux_destroy(struct linux_process *p)
{
	if (p->cpu.blocks)
		block_cache_destroy(p->cpu.blocks);
	if (p->cpu.memory)
		gmem_destroy(p->cpu.memory);
	free(p->exe_realpath);
	free(p->exe_path_owned);
	p->exe_path_owned = NULL;
	p->cpu.blocks = NULL;
	p->cpu.memory = NULL;
	p->exe_realpath = NULL;
}

static int fault_signal(unsigned vector)
{
	switch (vector) {
	case VEC_DE:
	case VEC_MF:
	case VEC_XM: return 8; /* SIGFPE */
	case VEC_DB:
	case VEC_BP: return 5; /* SIGTRAP */
	case VEC_UD: return 4; /* SIGILL */
	case VEC_BR:
	case VEC_OF:
	case VEC_GP:
	case VEC_PF:
	default: return 11; /* SIGSEGV */
	}
}

static const char *vector_name(unsigned vector)
{
	switch (vector) {
	case VEC_DE: return "#DE (divide error)";
	case VEC_DB: return "#DB (debug)";
	case VEC_BP: return "#BP (breakpoint)";
	case VEC_OF: return "#OF (overflow)";
	case VEC_BR: return "#BR (bound range)";
	case VEC_UD: return "#UD (invalid opcode)";
	case VEC_GP: return "#GP (general protection)";
	case VEC_PF: return "#PF (page fault)";
	case VEC_MF: return "#MF (x87 floating-point error)";
	case VEC_XM: return "#XM (SIMD floating-point exception)";
	default: return "exception";
	}
}

static enum linux_run_result run(struct linux_process *p, uint64_t max_instructions);

/* The legacy vsyscall page (0xffffffffff600000: gettimeofday, time,
 * getcpu at 0x400 steps), emulated as the kernel's vsyscall=emulate does:
 * a call there makes the system call and returns to the caller. */
static int vsyscall(struct linux_process *p)
{
	struct x86_state *s = &p->cpu.state;
	static const uint64_t numbers[] = {96 /* gettimeofday */, 201 /* time */, 309 /* getcpu */};
	uint64_t rip = s->rip, base = 0xffffffffff600000ull, ret;
	if (p->cpu.last.fault_address != rip || rip < base || rip > base + 0x800 || (rip & 0x3ff))
		return 0;
	if (gmem_peek(p->cpu.memory, s->gpr[GPR_RSP], &ret, sizeof ret))
		return 0;
	s->gpr[GPR_RAX] = numbers[(rip - base) >> 10];
	linux_syscall(p);
	s->rip = ret;
	s->gpr[GPR_RSP] += 8;
	return 1;
}

/* uopsim ignores SIGPIPE while the guest runs, so that a write to a
 * closed pipe comes back as EPIPE and the guest gets the signal
 * (syscall.c), not uopsim. */
enum linux_run_result linux_run(struct linux_process *p, uint64_t max_instructions)
{
	struct sigaction ignore = {.sa_handler = SIG_IGN}, old;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGPIPE, &ignore, &old);
	enum linux_run_result r = run(p, max_instructions);
	sigaction(SIGPIPE, &old, NULL);
	return r;
}

static enum linux_run_result run(struct linux_process *p, uint64_t max_instructions)
{
	struct cpu *cpu = &p->cpu;
	uint64_t limit = max_instructions ? max_instructions : UINT64_MAX;
	for (;;) {
		if (p->exited)
			return p->killed_signal ? LINUX_KILLED : LINUX_EXITED;
		if (cpu->instructions >= limit)
			return LINUX_LIMIT;
		uint64_t budget = limit - cpu->instructions;
		if (budget > (1ull << 22)) /* slices, so that host alarms reach the guest */
			budget = 1ull << 22;
		enum cpu_event e = cpu_run(cpu, budget);
		if (e == CPU_OK) {
			linux_signal_poll(p);
			continue;
		}
		if (e == CPU_SYSCALL && cpu->last.vector == 0x80 && cpu->mode == X86_MODE_32) {
			linux_syscall32(p); /* and delivers pending signals */
			continue;
		}
		if (e == CPU_SYSCALL && cpu->last.vector == 0) {
			uint64_t nr = cpu->state.gpr[GPR_RAX];
			linux_syscall(p);
			linux_signal_after_syscall(p, nr);
			continue;
		}
		if (e == CPU_FAULT && cpu->last.vector == VEC_PF && vsyscall(p))
			continue;
		int sig = e == CPU_NO_CRACK ? 4 : e == CPU_SYSCALL ? 11 : fault_signal(cpu->last.vector);
		if (linux_signal_fault(p, e, sig)) /* the guest's handler runs */
			continue;
		fprintf(stderr, "uopsim: guest killed by %s at rip 0x%llx", linux_signal_name(sig),
		        (unsigned long long)cpu->state.rip);
		if (e == CPU_NO_CRACK)
			fprintf(stderr, ": no micro-ops for %s", x86_form_name(cpu->insn.form));
		else if (e == CPU_SYSCALL)
			fprintf(stderr, ": int 0x%x", cpu->last.vector);
		else if (cpu->last.vector == VEC_PF)
			fprintf(stderr, ": #PF (page fault) at address 0x%llx",
			        (unsigned long long)cpu->last.fault_address);
		else
			fprintf(stderr, ": %s", vector_name(cpu->last.vector));
		fprintf(stderr, "\n");
		p->killed_signal = sig;
		p->exit_status = 128 + sig;
		p->exited = 1;
		return LINUX_KILLED;
	}
}

int linux_map_segments(struct linux_process *p, const struct elf_file *f, uint64_t bias, uint64_t top,
                       uint64_t *highest, char *err, size_t errlen)
{
	return map_segments(p, f, bias, top, highest, err, errlen);
}
