/* ref_ptrace.c - the real CPU as the lockstep reference: the x86-64
 * program runs natively under ptrace(2) and is single-stepped
 * (PTRACE_SINGLESTEP sets the trap flag, so the kernel stops it after
 * each instruction, and after each iteration of a REP string instruction:
 * SDM vol. 3A, 18.3.1.4).
 *
 * Registers come from PTRACE_GETREGS (struct user_regs_struct, which also
 * holds fs_base and gs_base) and PTRACE_GETFPREGS (the FXSAVE image: x87,
 * XMM0-15, MXCSR; SDM vol. 1, 10.5.1). Memory goes through /proc/PID/mem,
 * which reaches every mapping whatever its protection (ptrace(2), "access
 * mode"), so the engine can also patch read-only pages.
 *
 * Signals: a signal the kernel is about to deliver stops the program
 * ("signal-delivery-stop", ptrace(2)); the back end asks PTRACE_GETSIGINFO
 * whether the instruction caused it (a positive si_code from the kernel)
 * and /proc/PID/status whether the program catches or ignores it, then
 * lets the kernel deliver it while single-stepping: the program stops
 * again at the handler's first instruction, on the frame the kernel built.
 * PTRACE_O_TRACEEXIT stops a dying program once more while its registers
 * and memory can still be read. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/ptrace.h>
#include <sys/types.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lockstep/lockstep.h"
#include "machine/memory.h"

struct reference {
	pid_t pid;
	int mem_fd;    /* /proc/PID/mem */
	int alive;     /* not yet reaped */
	int exiting;   /* stopped at PTRACE_EVENT_EXIT: the next step reaps it */
	int exit_status;
};

static void say(char *err, size_t errlen, const char *what)
{
	snprintf(err, errlen, "ptrace: %s: %s", what, strerror(errno));
}

/* Status as a shell shows it: the exit code, or 128 + the killing signal. */
static int shell_status(int st)
{
	return WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
}

static struct reference *pt_start(char *const argv[], char *const envp[], char *err, size_t errlen)
{
	int pipefd[2];
	if (pipe2(pipefd, O_CLOEXEC)) {
		say(err, errlen, "pipe");
		return NULL;
	}
	pid_t pid = fork();
	if (pid < 0) {
		say(err, errlen, "fork");
		close(pipefd[0]);
		close(pipefd[1]);
		return NULL;
	}
	if (pid == 0) {
		/* Addresses without randomization, so that a divergence report
		 * names the same addresses on every run. */
		personality(ADDR_NO_RANDOMIZE);
		if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) == 0)
			execve(argv[0], argv, envp);
		int e = errno;
		if (write(pipefd[1], &e, sizeof e) < 0)
			_exit(126);
		_exit(127);
	}
	close(pipefd[1]);
	int e = 0;
	ssize_t got = read(pipefd[0], &e, sizeof e);
	close(pipefd[0]);
	int st;
	if (waitpid(pid, &st, 0) != pid) {
		say(err, errlen, "waitpid");
		kill(pid, SIGKILL);
		return NULL;
	}
	if (got == (ssize_t)sizeof e || !WIFSTOPPED(st)) {
		snprintf(err, errlen, "cannot execute %s: %s", argv[0],
		         got == (ssize_t)sizeof e ? strerror(e) : "it did not start");
		if (WIFSTOPPED(st)) {
			kill(pid, SIGKILL);
			waitpid(pid, &st, 0);
		}
		return NULL;
	}
	/* Stopped by the SIGTRAP after a successful execve, at the first
	 * instruction (ld.so's entry for a dynamic program). */
	struct reference *r = calloc(1, sizeof *r);
	if (!r) {
		snprintf(err, errlen, "out of memory");
		kill(pid, SIGKILL);
		waitpid(pid, &st, 0);
		return NULL;
	}
	r->pid = pid;
	r->alive = 1;
	long opts = PTRACE_O_EXITKILL | PTRACE_O_TRACEEXIT | PTRACE_O_TRACEEXEC;
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/mem", (int)pid);
	if (ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)opts) || (r->mem_fd = open(path, O_RDWR | O_CLOEXEC)) < 0) {
		say(err, errlen, "cannot trace the program");
		kill(pid, SIGKILL);
		waitpid(pid, &st, 0);
		free(r);
		return NULL;
	}
	return r;
}

/* The full 16-bit tag word from FXSAVE's abridged one (one bit per
 * register, set if not empty) and the registers' contents (SDM vol. 1,
 * 8.1.7 and Table 10-2): 0 valid, 1 zero, 2 special, 3 empty. */
static uint16_t full_tag(const struct x86_state *s, uint8_t abridged)
{
	uint16_t tag = 0;
	for (unsigned i = 0; i < 8; i++) {
		unsigned t = 3;
		if (abridged & (1u << i)) {
			const struct x87_reg *reg = &s->st[i];
			unsigned e = reg->sign_exponent & 0x7fff;
			if (e == 0x7fff)
				t = 2;
			else if (e == 0)
				t = reg->significand ? 2 : 1;
			else
				t = (reg->significand >> 63) ? 0 : 2;
		}
		tag |= (uint16_t)(t << (2 * i));
	}
	return tag;
}

static int pt_get_state(struct reference *r, struct x86_state *s, char *err, size_t errlen)
{
	struct user_regs_struct g;
	struct user_fpregs_struct f;
	if (ptrace(PTRACE_GETREGS, r->pid, NULL, &g) || ptrace(PTRACE_GETFPREGS, r->pid, NULL, &f)) {
		say(err, errlen, "cannot read the registers");
		return -1;
	}
	const unsigned long long gpr[GPR_COUNT] = {
		g.rax, g.rcx, g.rdx, g.rbx, g.rsp, g.rbp, g.rsi, g.rdi,
		g.r8,  g.r9,  g.r10, g.r11, g.r12, g.r13, g.r14, g.r15,
	};
	for (unsigned i = 0; i < GPR_COUNT; i++)
		s->gpr[i] = gpr[i];
	s->rip = g.rip;
	s->rflags = g.eflags;
	const unsigned long long sel[SEG_COUNT] = { g.es, g.cs, g.ss, g.ds, g.fs, g.gs };
	for (unsigned i = 0; i < SEG_COUNT; i++) {
		s->selector[i] = (uint16_t)sel[i];
		s->segment_base[i] = 0;
	}
	s->segment_base[SEG_FS] = g.fs_base;
	s->segment_base[SEG_GS] = g.gs_base;
	s->fpu_control = f.cwd;
	s->fpu_status = f.swd;
	s->fpu_opcode = f.fop;
	s->fpu_ip = f.rip;
	s->fpu_dp = f.rdp;
	s->mxcsr = f.mxcsr;
	/* FXSAVE stores ST(0)-ST(7) in stack order; struct x86_state keeps
	 * the physical registers R0-R7 (ST(i) is R((TOP + i) mod 8)). */
	unsigned top = (s->fpu_status >> 11) & 7;
	for (unsigned i = 0; i < 8; i++) {
		struct x87_reg *reg = &s->st[(top + i) & 7];
		memcpy(&reg->significand, (const uint8_t *)f.st_space + 16 * i, 8);
		memcpy(&reg->sign_exponent, (const uint8_t *)f.st_space + 16 * i + 8, 2);
	}
	s->fpu_tag = full_tag(s, (uint8_t)f.ftw);
	for (unsigned i = 0; i < 16; i++)
		memcpy(s->zmm[i], (const uint8_t *)f.xmm_space + 16 * i, 16);
	return 0;
}

static int pt_set_gprs(struct reference *r, const struct x86_state *s, char *err, size_t errlen)
{
	struct user_regs_struct g;
	if (ptrace(PTRACE_GETREGS, r->pid, NULL, &g)) {
		say(err, errlen, "cannot read the registers");
		return -1;
	}
	unsigned long long *gpr[GPR_COUNT] = {
		&g.rax, &g.rcx, &g.rdx, &g.rbx, &g.rsp, &g.rbp, &g.rsi, &g.rdi,
		&g.r8,  &g.r9,  &g.r10, &g.r11, &g.r12, &g.r13, &g.r14, &g.r15,
	};
	for (unsigned i = 0; i < GPR_COUNT; i++)
		*gpr[i] = s->gpr[i];
	/* orig_rax is left alone: after a system call the kernel still needs
	 * it to restart an interrupted call. */
	g.rip = s->rip;
	g.eflags = s->rflags;
	if (ptrace(PTRACE_SETREGS, r->pid, NULL, &g)) {
		say(err, errlen, "cannot write the registers");
		return -1;
	}
	return 0;
}

/* Whether the program catches or ignores signal sig, from the SigCgt and
 * SigIgn masks of /proc/PID/status (proc(5)). */
static void disposition(struct reference *r, int sig, int *caught, int *ignored)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/status", (int)r->pid);
	*caught = *ignored = 0;
	FILE *f = fopen(path, "re");
	if (!f)
		return;
	while (fgets(line, sizeof line, f)) {
		unsigned long long mask;
		if (sscanf(line, "SigCgt: %llx", &mask) == 1)
			*caught = (int)((mask >> (sig - 1)) & 1);
		else if (sscanf(line, "SigIgn: %llx", &mask) == 1)
			*ignored = (int)((mask >> (sig - 1)) & 1);
	}
	fclose(f);
	/* Signals whose default action is to ignore them (signal(7)); stop
	 * signals are left to the kernel's default as well. */
	if (!*caught && (sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT || sig == SIGSTOP ||
	                 sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU))
		*ignored = 1;
}

/* Kernel-internal error codes of an interrupted system call
 * (include/linux/errno.h), and x86-64's restart_syscall. */
enum { ERESTARTSYS_ = 512, ERESTARTNOINTR_ = 513, ERESTARTNOHAND_ = 514, ERESTART_RESTARTBLOCK_ = 516,
       NR_RESTART_SYSCALL = 219 };

/* A signal the program ignores still interrupts a system call of a traced
 * program (ptrace(2): ignored signals are reported to the tracer). Without
 * a handler the kernel restarts the call: RIP back onto the 2-byte
 * instruction, RAX the call's number again (restart_syscall for
 * -ERESTART_RESTARTBLOCK). Doing it here, with orig_rax -1 so that the
 * kernel does not, stops the program before the call runs again, so the
 * engine sees the restarted call as a system call. Returns 1 if it did. */
static int restart_syscall(struct reference *r, char *err, size_t errlen)
{
	struct user_regs_struct g;
	if (ptrace(PTRACE_GETREGS, r->pid, NULL, &g))
		return 0;
	long ax = (long)g.rax;
	if ((long)g.orig_rax < 0 || (ax != -ERESTARTSYS_ && ax != -ERESTARTNOINTR_ && ax != -ERESTARTNOHAND_ &&
	                             ax != -ERESTART_RESTARTBLOCK_))
		return 0;
	g.rax = ax == -ERESTART_RESTARTBLOCK_ ? NR_RESTART_SYSCALL : g.orig_rax;
	g.rip -= 2;
	g.orig_rax = (unsigned long long)-1;
	if (ptrace(PTRACE_SETREGS, r->pid, NULL, &g)) {
		say(err, errlen, "cannot restart the system call");
		return 0;
	}
	return 1;
}

/* A fault or trap of the instruction: one of the signals the CPU's
 * exceptions turn into, sent by the kernel itself (si_code > 0: SI_KERNEL
 * for #GP and INT3, SEGV_MAPERR, FPE_INTDIV... ; kill and tgkill give
 * SI_USER and SI_TKILL, which are not positive). */
static int is_fault(int sig, const siginfo_t *si)
{
	return si->si_code > 0 &&
	       (sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL || sig == SIGTRAP);
}

static enum ref_stop pt_step(struct reference *r, int *out, char *err, size_t errlen)
{
	int st;
	if (!r->alive) {
		*out = r->exit_status;
		return REF_EXITED;
	}
	if (r->exiting) {
		/* Past PTRACE_EVENT_EXIT: let it die and collect the status. */
		if (ptrace(PTRACE_CONT, r->pid, NULL, NULL) || waitpid(r->pid, &st, __WALL) != r->pid) {
			say(err, errlen, "cannot finish the program");
			return REF_ERROR;
		}
		r->alive = 0;
		r->exit_status = shell_status(st);
		*out = r->exit_status;
		return REF_EXITED;
	}
	int inject = 0, after_exec = 0;
	long exec_rip = 0;
	enum ref_stop kind = REF_STEPPED;
	for (;;) {
		if (ptrace(PTRACE_SINGLESTEP, r->pid, NULL, (void *)(long)inject) ||
		    waitpid(r->pid, &st, __WALL) != r->pid) {
			say(err, errlen, "cannot single-step");
			return REF_ERROR;
		}
		if (WIFEXITED(st) || WIFSIGNALED(st)) {
			r->alive = 0;
			r->exit_status = shell_status(st);
			*out = r->exit_status;
			return REF_EXITED;
		}
		int sig = WSTOPSIG(st), event = st >> 16;
		if (event == PTRACE_EVENT_EXIT) {
			unsigned long msg = 0;
			ptrace(PTRACE_GETEVENTMSG, r->pid, NULL, &msg);
			r->exiting = 1;
			r->exit_status = shell_status((int)msg);
			if (inject) {
				/* Killed by the signal just delivered. */
				*out = inject;
				return kind;
			}
			return pt_step(r, out, err, errlen);
		}
		if (event == PTRACE_EVENT_EXEC) {
			/* The new program is loaded but execve has not returned
			 * (RAX is still -ENOSYS): step on to the single-step trap
			 * the kernel reports when the call returns, at the new
			 * program's first instruction, before it runs. */
			errno = 0;
			exec_rip = ptrace(PTRACE_PEEKUSER, r->pid, (void *)offsetof(struct user_regs_struct, rip), NULL);
			if (errno) {
				say(err, errlen, "cannot read the registers");
				return REF_ERROR;
			}
			after_exec = 1;
			/* An open /proc/PID/mem stays with the old address space. */
			char path[64];
			snprintf(path, sizeof path, "/proc/%d/mem", (int)r->pid);
			close(r->mem_fd);
			r->mem_fd = open(path, O_RDWR | O_CLOEXEC);
			if (r->mem_fd < 0) {
				say(err, errlen, "cannot open the new program's memory");
				return REF_ERROR;
			}
			continue;
		}
		if (event)
			continue; /* no other events are enabled */
		if (sig == SIGTRAP && inject) {
			*out = inject; /* stopped at the handler's first instruction */
			return kind;
		}
		siginfo_t si;
		if (ptrace(PTRACE_GETSIGINFO, r->pid, NULL, &si)) {
			say(err, errlen, "cannot read the signal");
			return REF_ERROR;
		}
		/* The single-step trap (TRAP_TRACE; TRAP_BRKPT after a system
		 * call), as opposed to INT3 (SI_KERNEL) or a SIGTRAP sent by a
		 * program. */
		if (sig == SIGTRAP && (si.si_code == TRAP_TRACE || si.si_code == TRAP_BRKPT)) {
			if (after_exec) {
				errno = 0;
				long rip = ptrace(PTRACE_PEEKUSER, r->pid,
				                  (void *)offsetof(struct user_regs_struct, rip), NULL);
				if (errno || rip != exec_rip) {
					snprintf(err, errlen, "ptrace: the first instruction after execve ran unobserved");
					return REF_ERROR;
				}
			}
			return REF_STEPPED;
		}
		int caught, ignored;
		disposition(r, sig, &caught, &ignored);
		if (!caught && ignored) {
			/* The kernel would have dropped it. */
			if (restart_syscall(r, err, errlen)) {
				*out = sig;
				return REF_SIGNAL;
			}
			inject = 0;
			continue;
		}
		kind = is_fault(sig, &si) ? REF_FAULT : REF_SIGNAL;
		inject = sig;
	}
}

static int pt_read_memory(struct reference *r, uint64_t addr, void *dst, size_t size, char *err, size_t errlen)
{
	ssize_t n = pread(r->mem_fd, dst, size, (off_t)addr);
	if (n != (ssize_t)size) {
		snprintf(err, errlen, "cannot read the program's memory at %#llx (%zu bytes)", (unsigned long long)addr,
		         size);
		return -1;
	}
	return 0;
}

static int pt_write_memory(struct reference *r, uint64_t addr, const void *src, size_t size, char *err,
                           size_t errlen)
{
	ssize_t n = pwrite(r->mem_fd, src, size, (off_t)addr);
	if (n != (ssize_t)size) {
		snprintf(err, errlen, "cannot write the program's memory at %#llx (%zu bytes)", (unsigned long long)addr,
		         size);
		return -1;
	}
	return 0;
}

/* /proc/PID/maps, less what uopsim cannot mirror: [vvar] (the kernel's
 * time data, changed behind the program's back and not readable through
 * /proc/PID/mem) and [vsyscall] (above the 47-bit user space). */
static int pt_regions(struct reference *r, struct ref_region **out, size_t *count, char *err, size_t errlen)
{
	char path[64], line[4096];
	snprintf(path, sizeof path, "/proc/%d/maps", (int)r->pid);
	FILE *f = fopen(path, "re");
	if (!f) {
		say(err, errlen, "cannot read /proc/PID/maps");
		return -1;
	}
	size_t n = 0, cap = 64;
	struct ref_region *v = malloc(cap * sizeof *v);
	while (v && fgets(line, sizeof line, f)) {
		unsigned long long start, end;
		char perms[8];
		int used = 0;
		if (sscanf(line, "%llx-%llx %7s %*s %*s %*s%n", &start, &end, perms, &used) < 3)
			continue;
		if (strstr(line + used, "[vvar") || strstr(line + used, "[vsyscall]") ||
		    end > (1ull << (GUEST_ADDRESS_BITS - 1)))
			continue;
		if (n == cap) {
			struct ref_region *w = realloc(v, 2 * cap * sizeof *v);
			if (!w) {
				free(v);
				v = NULL;
				break;
			}
			v = w;
			cap *= 2;
		}
		unsigned prot = (perms[0] == 'r' ? GUEST_READ : 0) | (perms[1] == 'w' ? GUEST_WRITE : 0) |
		                (perms[2] == 'x' ? GUEST_EXEC : 0);
		v[n++] = (struct ref_region){ start, end, prot };
	}
	fclose(f);
	if (!v) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	*out = v;
	*count = n;
	return 0;
}

static void pt_destroy(struct reference *r)
{
	if (!r)
		return;
	if (r->alive) {
		int st;
		kill(r->pid, SIGKILL);
		waitpid(r->pid, &st, __WALL);
	}
	if (r->mem_fd >= 0)
		close(r->mem_fd);
	free(r);
}

const struct ref_ops ref_ptrace_ops = {
	.name = "ptrace",
	.mode = X86_MODE_64,
	/* single-stepping sets TF, a real EFLAGS bit while it steps (SDM
	 * vol. 3, "Single-Step Exception Condition"), which PUSHF stores */
	.blind = REF_BLIND_PUSHF_TF,
	.start = pt_start,
	.get_state = pt_get_state,
	.set_gprs = pt_set_gprs,
	.step = pt_step,
	.read_memory = pt_read_memory,
	.write_memory = pt_write_memory,
	.regions = pt_regions,
	.destroy = pt_destroy,
};
