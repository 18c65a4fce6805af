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
	/* signal.c: pending signals (bit sig-1), their siginfo, sigaltstack */
	uint64_t sigpending;
	uint8_t siginfo[LINUX_NSIG + 1][128];
	uint64_t altstack_sp, altstack_size;
	int altstack_flags;
	int have_saved_mask; /* rt_sigsuspend's mask to restore after the handler (uc_sigmask) */
	uint64_t saved_mask;
	/* i386 (syscall32.c): the GDT's set_thread_area entries 12-14 */
	struct linux_tls32 {
		int used;
		uint32_t base, limit, flags;
	} tls32[3];
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

/* signal.c: guest signals, delivered on a signal frame as the kernel does
 * (arch/x86/kernel/signal.c). linux_signal_send marks sig pending with
 * si_code `code` (sent by this process when code is SI_USER/SI_TKILL) and
 * `addr` (si_addr); linux_signal_deliver runs the action of the first
 * pending unblocked signal (a handler frame, or the default action).
 * linux_signal_fault turns a CPU fault (event e, signal sig) into a forced
 * signal: 1 when a handler will run, 0 when it kills the guest. */
void linux_signal_send(struct linux_process *p, int sig, int code, uint64_t addr);
void linux_signal_deliver(struct linux_process *p);
int linux_signal_fault(struct linux_process *p, enum cpu_event e, int sig);
/* After the system call nr: host alarms become SIGALRM, pending signals
 * are delivered, and an interrupted call is restarted as the kernel does. */
void linux_signal_after_syscall(struct linux_process *p, uint64_t nr);
/* The same for a call that the restart rules know as x86-64 call nr,
 * restarted (when it is) with restart_nr in RAX (the i386 number). */
void linux_signal_after_syscall_as(struct linux_process *p, uint64_t nr, uint64_t restart_nr);
/* Between cpu_run slices: host alarms become SIGALRM, then delivery. */
void linux_signal_poll(struct linux_process *p);
/* After rt_sigaction set sig's action: an ignored signal stops pending. */
void linux_signal_action_changed(struct linux_process *p, int sig);
int64_t linux_sys_rt_sigreturn(struct linux_process *p, const uint64_t a[6]);
int64_t linux_sys_sigaltstack(struct linux_process *p, const uint64_t a[6]);
int64_t linux_sys_alarm(struct linux_process *p, const uint64_t a[6]);
int64_t linux_sys_setitimer(struct linux_process *p, const uint64_t a[6]);
int64_t linux_sys_getitimer(struct linux_process *p, const uint64_t a[6]);
int64_t linux_sys_pause(struct linux_process *p, const uint64_t a[6]);
int64_t linux_sys_rt_sigsuspend(struct linux_process *p, const uint64_t a[6]);
int64_t linux_sys_rt_sigpending(struct linux_process *p, const uint64_t a[6]);
int64_t linux_sys_rt_sigtimedwait(struct linux_process *p, const uint64_t a[6]);

#endif
