/* linux.h - running an x86-64 Linux program in user mode, as qemu-user
 * does: linux_load() maps the ELF file (and, for a dynamically linked
 * program, its interpreter ld.so) and builds the initial stack as the
 * kernel does (loader.c); linux_run() executes it on the
 * functional CPU and carries out its system calls on the host
 * (syscall.c). Every guest pointer a system call receives is copied in
 * or out through machine/memory.h, so a bad pointer is -EFAULT. */
#ifndef UOPSIM_LINUX_H
#define UOPSIM_LINUX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "machine/cpu.h"

/* Guest address-space layout (the kernel's defaults, without ASLR). */
#define LINUX_STACK_TOP 0x7ffffffff000ull
#define LINUX_STACK_SIZE (8ull << 20)
#define LINUX_MMAP_TOP 0x7ffff7fff000ull
#define LINUX_PIE_BASE 0x555555554000ull /* static-pie (ET_DYN) load address */

#define LINUX_NSIG 64

/* The kernel's struct sigaction (x86-64): handler, flags, restorer, mask. */
struct linux_sigaction {
	uint64_t handler, flags, restorer, mask;
};

struct linux_process {
	struct cpu cpu;
	const char *exe_path; /* as given; readlink("/proc/self/exe") gets its real path */
	char *exe_realpath;
	char *exe_path_owned; /* exe_path's storage */
	const char
	    *sysroot; /* where PT_INTERP is looked up (ld.so then opens its libraries by their host paths) */
	uint64_t interp_base;    /* the dynamic linker's load address (AT_BASE), or 0 */
	int forked;              /* this process is a fork()ed child of the one uopsim started */
	uint64_t brk_start, brk; /* the heap: [brk_start, brk) */
	uint64_t mmap_next;      /* anonymous and file mappings grow down from here */
	uint64_t entry, load_bias;
	struct linux_sigaction sigactions[LINUX_NSIG + 1];
	uint64_t sigmask;
	uint64_t syscalls; /* system calls made */
	FILE *strace;      /* --strace: one line per call, or NULL */
	int exited;        /* exit/exit_group was called */
	int killed_signal; /* nonzero: the guest ended by this signal */
	int exit_status;   /* the status a shell would show: code, or 128+signal */
};

enum linux_run_result {
	LINUX_EXITED, /* exit_status is the program's */
	LINUX_KILLED, /* killed by a signal (a guest fault): exit_status is 128+signal */
	LINUX_LIMIT,  /* the instruction limit ran out */
};

/* Loads the x86-64 ELF program `path` (and its PT_INTERP from under
 * sysroot, "/" when NULL) with argv[0..argc) and the
 * NULL-terminated envp into a fresh process. Returns 0, or -1 with one
 * line (no newline) in err. linux_destroy must be called either way. */
int linux_load(struct linux_process *p, const char *path, int argc, char *const argv[], char *const envp[],
               const char *sysroot, char *err, size_t errlen);
/* Runs up to max_instructions (0: no limit). On a fault or an
 * unimplemented instruction, prints "uopsim: guest killed by SIG... at
 * rip 0x..." to stderr. */
enum linux_run_result linux_run(struct linux_process *p, uint64_t max_instructions);
void linux_destroy(struct linux_process *p);

/* syscall.c: carries out the system call in the guest's registers (RAX,
 * RDI, RSI, RDX, R10, R8, R9) and sets RAX to the result. */
void linux_syscall(struct linux_process *p);
/* The name of signal sig ("SIGSEGV"). */
const char *linux_signal_name(int sig);

#endif
