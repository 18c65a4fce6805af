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
#include <time.h>

#include "machine/cpu.h"

/* Guest address-space layout (the kernel's defaults, without ASLR). */
#define LINUX_STACK_TOP 0x7ffffffff000ull
#define LINUX_STACK_SIZE (8ull << 20)
#define LINUX_MMAP_TOP 0x7ffff7fff000ull
#define LINUX_PIE_BASE 0x555555554000ull /* static-pie (ET_DYN) load address */

#define LINUX_NSIG 64

/* AT_MINSIGSTKSZ, as a 64-bit kernel built with IA32_EMULATION reports
 * it to i386 and x86-64 processes alike (get_sigframe_size(), computed
 * once by init_sigframe_size in arch/x86/kernel/signal.c): the larger
 * siginfo+ucontext part, struct sigframe_ia32 (732 bytes; the x86-64
 * rt_sigframe is 440), plus FRAME_ALIGNMENT-1 = 15, plus
 * fpu__get_fpstate_size() - for a CPU without XSAVE, as uopsim's is, the
 * 512-byte fxsave image plus a 112-byte struct fregs_state (the i386
 * fsave header) - plus MAX_XSAVE_PADDING = 63, rounded up to 16: 1440.
 * (A kernel on a CPU with XSAVE counts its XSAVE area instead of the
 * 512 bytes: this machine's reports 3376.) Both signal frames uopsim
 * builds fit in it (signal.c, signal32.c check their sizes against
 * these). */
#define LINUX_SIGFRAME_IA32_SIZE 732
#define LINUX_FXSAVE_SIZE 512
#define LINUX_FSAVE_HEADER_SIZE 112
#define LINUX_MINSIGSTKSZ \
	((LINUX_SIGFRAME_IA32_SIZE + 15 + LINUX_FXSAVE_SIZE + LINUX_FSAVE_HEADER_SIZE + 63 + 15) / 16 * 16)

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
/* syscall.c: copies n bytes from or to guest address addr: 0, or
 * -EFAULT (copying nothing never faults), as copy_from_user does. */
int linux_copy_in(struct linux_process *p, uint64_t addr, void *dst, size_t n);
int linux_copy_out(struct linux_process *p, uint64_t addr, const void *src, size_t n);
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

/* poll.c: select/pselect6 and poll/ppoll for both ABIs. The layouts of a
 * timeout in guest memory: */
enum linux_time_layout {
	LINUX_TIMEVAL32,  /* i386 struct timeval: two 32-bit words */
	LINUX_TIMEVAL64,  /* x86-64 struct timeval */
	LINUX_TIMESPEC32, /* i386 struct old_timespec32 */
	LINUX_TIMESPEC64, /* struct __kernel_timespec (both ABIs) */
};
/* The timeout at addr as a timespec: 1, 0 if addr is 0 (no timeout),
 * -EFAULT or -EINVAL. */
int linux_get_timeout(struct linux_process *p, uint64_t addr, enum linux_time_layout k, struct timespec *ts);
/* Writes the time left `rest` of timeout `given` back to addr, as the
 * kernel does (not for a zero timeout; a fault is ignored). */
void linux_put_timeout(struct linux_process *p, uint64_t addr, enum linux_time_layout k, struct timespec given,
                       struct timespec rest);
/* select on n descriptors with the fd_sets at sets[3] (0: none) made of
 * `word`-byte words (8 x86-64, 4 i386), the timeout at tsaddr in layout
 * k, and during the call the signal mask at sigset (0: unchanged) of
 * sigsetsize bytes. */
int64_t linux_select(struct linux_process *p, int64_t n, const uint64_t sets[3], unsigned word, uint64_t tsaddr,
                     enum linux_time_layout k, uint64_t sigset, uint64_t sigsetsize);
/* ppoll on nfds struct pollfd (the same in both ABIs) at fds, with the
 * timeout at tsaddr in layout k or, for poll, *ms (NULL: tsaddr's), and
 * the signal mask as for linux_select. */
int64_t linux_ppoll(struct linux_process *p, uint64_t fds, uint64_t nfds, uint64_t tsaddr, enum linux_time_layout k,
                    const struct timespec *ms, uint64_t sigset, uint64_t sigsetsize);
int64_t linux_sys_select(struct linux_process *p, const uint64_t a[6]);
int64_t linux_sys_pselect6(struct linux_process *p, const uint64_t a[6]);
int64_t linux_sys_poll(struct linux_process *p, const uint64_t a[6]);
int64_t linux_sys_ppoll(struct linux_process *p, const uint64_t a[6]);

#endif
