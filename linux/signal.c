/* signal.c - guest signals: pending and blocked sets, default actions,
 * and delivery to guest handlers on a signal frame laid out as the
 * x86-64 kernel lays it out (arch/x86/kernel/signal.c: struct
 * rt_sigframe, setup_rt_frame, rt_sigreturn), so that glibc's
 * __restore_rt returns through rt_sigreturn. Host SIGALRM (alarm,
 * setitimer) and a few host signals sent to uopsim are forwarded to the
 * guest: their handlers set flags checked between cpu_run slices and
 * after each system call. */
#define _GNU_SOURCE
#include "linux/linux.h"
#include "linux/linux32.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "machine/memory.h"

#define SA_NOCLDSTOP_ 0x00000001u
#define SA_SIGINFO_ 0x00000004u
#define SA_ONSTACK_ 0x08000000u
#define SA_RESTART_ 0x10000000u
#define SA_NODEFER_ 0x40000000u
#define SA_RESETHAND_ 0x80000000u

#define SI_USER_ 0
#define SI_KERNEL_ 0x80
#define SI_TKILL_ (-6)

#define BIT(sig) (1ull << ((sig)-1))
#define UNBLOCKABLE (BIT(SIGKILL) | BIT(SIGSTOP))

/* Host signals forwarded to the guest (bit per signal), set by handler. */
static volatile sig_atomic_t host_pending[LINUX_NSIG + 1];
static volatile sig_atomic_t host_any;
static int host_installed;
static const int forwarded[] = {SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGTERM};


static void host_handler(int sig)
{
	if (sig > 0 && sig <= LINUX_NSIG)
		host_pending[sig] = 1;
	host_any = 1;
}

void linux_signal_install_host_handlers(void)
{
	if (host_installed)
		return;
	host_installed = 1;
	for (unsigned i = 0; i < sizeof forwarded / sizeof forwarded[0]; i++) {
		struct sigaction sa, old;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = host_handler;
		sigemptyset(&sa.sa_mask);
		/* No SA_RESTART: a blocking host call returns EINTR, and the
		 * guest's call is restarted or not as the kernel would. */
		if (sigaction(forwarded[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN &&
		    forwarded[i] != SIGALRM)
			continue; /* ignored by whoever started uopsim (nohup) */
		sigaction(forwarded[i], &sa, NULL);
	}
}

/* Host signals that arrived become pending guest signals. Returns 1 if any. */
static int take_host_signals(struct linux_process *p)
{
	linux_signal_install_host_handlers();
	if (!host_any)
		return 0;
	host_any = 0;
	for (unsigned i = 0; i < sizeof forwarded / sizeof forwarded[0]; i++) {
		int sig = forwarded[i];
		if (host_pending[sig]) {
			host_pending[sig] = 0;
			linux_signal_send(p, sig, sig == SIGALRM ? SI_KERNEL_ : SI_USER_, 0);
		}
	}
	return 1;
}

enum default_action { ACT_TERM, ACT_CORE, ACT_IGNORE, ACT_STOP };

static enum default_action default_action(int sig)
{
	switch (sig) {
	case SIGQUIT:
	case SIGILL:
	case SIGTRAP:
	case SIGABRT:
	case SIGBUS:
	case SIGFPE:
	case SIGSEGV:
	case SIGXCPU:
	case SIGXFSZ:
	case SIGSYS: return ACT_CORE;
	case SIGCHLD:
	case SIGCONT:
	case SIGURG:
	case SIGWINCH: return ACT_IGNORE;
	case SIGSTOP:
	case SIGTSTP:
	case SIGTTIN:
	case SIGTTOU: return ACT_STOP;
	default: return ACT_TERM;
	}
}

static int ignored(struct linux_process *p, int sig)
{
	uint64_t h = p->sigactions[sig].handler;
	return h == 1 /* SIG_IGN */ || (h == 0 && default_action(sig) == ACT_IGNORE);
}

static void kill_guest(struct linux_process *p, int sig)
{
	p->exited = 1;
	p->killed_signal = sig;
	p->exit_status = 128 + sig;
}

void linux_signal_send(struct linux_process *p, int sig, int code, uint64_t addr)
{
	if (sig < 1 || sig > LINUX_NSIG)
		return;
	if (ignored(p, sig) && sig != SIGKILL)
		return; /* discarded at generation, as the kernel does */
	if (p->sigpending & BIT(sig))
		return; /* standard signals do not queue */
	p->sigpending |= BIT(sig);
	uint8_t *si = p->siginfo[sig];
	memset(si, 0, 128);
	int32_t w[3] = {sig, 0, code};
	memcpy(si, w, sizeof w);
	if (code == SI_USER_ || code == SI_TKILL_) {
		int32_t id[2] = {getpid(), (int32_t)getuid()}; /* si_pid, si_uid */
		memcpy(si + 16, id, sizeof id);
	} else {
		memcpy(si + 16, &addr, sizeof addr);
	}
}

/* ---- what every handler and sigreturn does, both ABIs ---- */

/* The FPU and SSE state fpu__clear_user_states leaves: FNINIT's (control
 * word 0x37f, all registers empty, status, opcode and pointers zero) and
 * MXCSR's default 0x1f80 (SDM Vol. 1, 8.1.5 and 10.2.3.1). */
void linux_fpu_reset(struct x86_state *s)
{
	s->fpu_control = 0x37f;
	s->fpu_status = 0;
	s->fpu_tag = 0xffff;
	s->fpu_opcode = 0;
	s->fpu_ip = s->fpu_dp = 0;
	s->mxcsr = 0x1f80;
}

/* A handler starts with DF, TF and RF clear (handle_signal, the ABI's
 * clear direction flag) and a fresh FPU state. */
void linux_signal_handler_entry(struct x86_state *s)
{
	s->rflags &= ~(uint64_t)(FLAG_DF | FLAG_TF | (1u << 16) /* RF */);
	linux_fpu_reset(s);
}

/* sigreturn takes FIX_EFLAGS from the frame: AC OF DF TF SF ZF AF PF CF
 * RF (arch/x86/kernel/signal.c, the same mask for i386 frames); the rest
 * of RFLAGS stays. */
void linux_sigreturn_flags(struct x86_state *s, uint64_t flags)
{
	const uint64_t fix = 0x40dd5 | FLAG_AC | FLAG_OF | FLAG_DF | FLAG_TF | FLAGS_ARITH | (1u << 16);
	s->rflags = (s->rflags & ~fix) | (flags & fix);
}

/* ---- the signal frame ---- */

enum {
	FRAME_UC = 8,                  /* struct ucontext after pretcode */
	UC_STACK = 16,                 /* uc_flags, uc_link, then stack_t */
	UC_MCONTEXT = 40,              /* struct sigcontext: 256 bytes */
	UC_SIGMASK = 296,              /* 8 bytes */
	FRAME_INFO = FRAME_UC + 304,   /* siginfo: 128 bytes */
	FRAME_SIZE = FRAME_INFO + 128, /* 440 */
	FXSAVE_SIZE = LINUX_FXSAVE_SIZE,
};
/* AT_MINSIGSTKSZ (linux.h) counts the larger i386 sigframe. */
_Static_assert(FRAME_SIZE < LINUX_SIGFRAME_IA32_SIZE, "the x86-64 rt_sigframe is 440 bytes");

/* sigcontext slots (8 bytes each) in the kernel's order. */
static const int sc_gpr[] = {GPR_R8,  GPR_R9,  GPR_R10, GPR_R11, GPR_R12, GPR_R13, GPR_R14, GPR_R15,
                             GPR_RDI, GPR_RSI, GPR_RBP, GPR_RBX, GPR_RDX, GPR_RAX, GPR_RCX, GPR_RSP};

void linux_fxsave_image(const struct x86_state *s, uint8_t *f)
{
	memset(f, 0, FXSAVE_SIZE);
	unsigned top = (s->fpu_status >> 11) & 7;
	uint8_t ftw = 0;
	for (unsigned i = 0; i < 8; i++)
		if (((s->fpu_tag >> (2 * i)) & 3) != 3)
			ftw |= (uint8_t)(1u << i);
	memcpy(f + 0, &s->fpu_control, 2);
	memcpy(f + 2, &s->fpu_status, 2);
	f[4] = ftw;
	memcpy(f + 6, &s->fpu_opcode, 2);
	memcpy(f + 8, &s->fpu_ip, 8);
	memcpy(f + 16, &s->fpu_dp, 8);
	uint32_t mask = 0xffff;
	memcpy(f + 24, &s->mxcsr, 4);
	memcpy(f + 28, &mask, 4);
	for (unsigned i = 0; i < 8; i++) {
		const struct x87_reg *r = &s->st[(top + i) & 7];
		memcpy(f + 32 + 16 * i, &r->significand, 8);
		memcpy(f + 40 + 16 * i, &r->sign_exponent, 2);
	}
	for (unsigned i = 0; i < 16; i++)
		memcpy(f + 160 + 16 * i, s->zmm[i], 16);
}

void linux_fxrstor_image(struct x86_state *s, const uint8_t *f)
{
	memcpy(&s->fpu_control, f + 0, 2);
	memcpy(&s->fpu_status, f + 2, 2);
	memcpy(&s->fpu_opcode, f + 6, 2);
	memcpy(&s->fpu_ip, f + 8, 8);
	memcpy(&s->fpu_dp, f + 16, 8);
	uint32_t mxcsr;
	memcpy(&mxcsr, f + 24, 4);
	s->mxcsr = mxcsr & 0xffff;
	unsigned top = (s->fpu_status >> 11) & 7;
	for (unsigned i = 0; i < 8; i++) {
		struct x87_reg *r = &s->st[(top + i) & 7];
		memcpy(&r->significand, f + 32 + 16 * i, 8);
		memcpy(&r->sign_exponent, f + 40 + 16 * i, 2);
	}
	uint16_t tag = 0;
	for (unsigned i = 0; i < 8; i++) {
		unsigned t;
		if (!(f[4] & (1u << i))) {
			t = 3;
		} else {
			const struct x87_reg *r = &s->st[i];
			unsigned e = r->sign_exponent & 0x7fff;
			if (e == 0x7fff)
				t = 2;
			else if (e == 0)
				t = r->significand ? 2 : 1;
			else
				t = (r->significand >> 63) ? 0 : 2;
		}
		tag |= (uint16_t)(t << (2 * i));
	}
	s->fpu_tag = tag;
	for (unsigned i = 0; i < 16; i++)
		memcpy(s->zmm[i], f + 160 + 16 * i, 16);
}

static int on_altstack(const struct linux_process *p, uint64_t sp)
{
	return p->altstack_size && sp - p->altstack_sp < p->altstack_size;
}

int linux_signal_on_altstack(const struct linux_process *p, uint64_t sp)
{
	return on_altstack(p, sp);
}

/* sigreturn's uc_stack: restore_altstack (errors ignored, as the kernel does). */
void linux_signal_restore_altstack(struct linux_process *p, uint64_t ss_sp, int32_t ss_flags, uint64_t ss_size)
{
	if (!on_altstack(p, p->cpu.state.gpr[GPR_RSP]) && !(ss_flags & SS_ONSTACK)) {
		p->altstack_sp = ss_sp;
		p->altstack_size = ss_flags & SS_DISABLE ? 0 : ss_size;
		p->altstack_flags = ss_flags & SS_DISABLE;
	}
}

/* Builds the frame for sig with handler ka and points the CPU at the
 * handler. Returns 0, or -1 if the frame cannot be written. */
static int setup_frame(struct linux_process *p, int sig, const struct linux_sigaction *ka, uint64_t oldmask,
                       const uint8_t info[128], unsigned trapno, uint64_t err, uint64_t cr2)
{
	struct x86_state *s = &p->cpu.state;
	if (p->cpu.mode != X86_MODE_64) /* an i386 program: signal32.c */
		return linux_signal_frame32(p, sig, ka, oldmask, info, trapno, err, cr2);
	uint64_t sp = s->gpr[GPR_RSP];
	int onstack = on_altstack(p, sp);
	if ((ka->flags & SA_ONSTACK_) && p->altstack_size && !(p->altstack_flags & SS_DISABLE) && !onstack)
		sp = p->altstack_sp + p->altstack_size;
	else
		sp -= 128; /* the red zone */
	uint64_t fpstate = (sp - FXSAVE_SIZE) & ~63ull;
	uint64_t frame = ((fpstate - FRAME_SIZE + 8) & ~15ull) - 8;
	uint8_t buf[FRAME_SIZE + FXSAVE_SIZE + 128];
	uint64_t total = sp - frame;
	if (total > sizeof buf)
		return -1;
	uint64_t fault;
	if (gmem_check(p->cpu.memory, frame, total, GUEST_WRITE, &fault))
		return -1;
	memset(buf, 0, sizeof buf);
	uint8_t *uc = buf + FRAME_UC;
	memcpy(buf, &ka->restorer, 8);
	uint64_t uc_flags = 0x6; /* UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS */
	memcpy(uc, &uc_flags, 8);
	uint64_t ss_sp = p->altstack_sp, ss_size = p->altstack_size;
	int32_t ss_flags = !p->altstack_size || (p->altstack_flags & SS_DISABLE) ? SS_DISABLE
	                   : on_altstack(p, s->gpr[GPR_RSP])                     ? SS_ONSTACK
	                                                                         : 0;
	memcpy(uc + UC_STACK, &ss_sp, 8);
	memcpy(uc + UC_STACK + 8, &ss_flags, 4);
	memcpy(uc + UC_STACK + 16, &ss_size, 8);
	uint8_t *sc = uc + UC_MCONTEXT;
	for (unsigned i = 0; i < 16; i++)
		memcpy(sc + 8 * i, &s->gpr[sc_gpr[i]], 8);
	memcpy(sc + 128, &s->rip, 8);
	memcpy(sc + 136, &s->rflags, 8);
	uint16_t segs[4] = {s->selector[SEG_CS], s->selector[SEG_GS], s->selector[SEG_FS],
	                    s->selector[SEG_SS]};
	memcpy(sc + 144, segs, 8);
	uint64_t trap = trapno;
	memcpy(sc + 152, &err, 8);
	memcpy(sc + 160, &trap, 8);
	memcpy(sc + 168, &oldmask, 8);
	memcpy(sc + 176, &cr2, 8);
	memcpy(sc + 184, &fpstate, 8);
	memcpy(uc + UC_SIGMASK, &oldmask, 8);
	memcpy(buf + FRAME_INFO, info, 128);
	linux_fxsave_image(s, buf + (fpstate - frame));
	if (gmem_poke(p->cpu.memory, frame, buf, total))
		return -1;
	s->gpr[GPR_RDI] = (uint64_t)sig;
	s->gpr[GPR_RSI] = frame + FRAME_INFO;
	s->gpr[GPR_RDX] = frame + FRAME_UC;
	s->gpr[GPR_RAX] = 0;
	s->gpr[GPR_RSP] = frame;
	s->rip = ka->handler;
	s->selector[SEG_CS] = 0x33;
	s->selector[SEG_SS] = 0x2b;
	linux_signal_handler_entry(s);
	return 0;
}

/* Runs the handler of sig: builds the frame, then blocks sa_mask (and sig
 * unless SA_NODEFER) and resets SA_RESETHAND. Returns 0 or -1. */
static int handle(struct linux_process *p, int sig, const uint8_t info[128], unsigned trapno, uint64_t err,
                  uint64_t cr2)
{
	struct linux_sigaction *ka = &p->sigactions[sig];
	struct linux_sigaction act = *ka;
	uint64_t oldmask = p->have_saved_mask ? p->saved_mask : p->sigmask;
	p->have_saved_mask = 0;
	if (setup_frame(p, sig, &act, oldmask, info, trapno, err, cr2))
		return -1;
	uint64_t mask = p->sigmask | act.mask;
	if (!(act.flags & SA_NODEFER_))
		mask |= BIT(sig);
	p->sigmask = mask & ~UNBLOCKABLE;
	if (act.flags & SA_RESETHAND_) {
		ka->handler = 0;
		ka->flags &= ~(uint64_t)SA_SIGINFO_;
	}
	return 0;
}

static void default_kill(struct linux_process *p, int sig, const uint8_t info[128])
{
	int32_t code;
	memcpy(&code, info + 8, 4);
	if (sig != SIGPIPE) {
		if (code == SI_USER_ || code == SI_TKILL_)
			fprintf(stderr, "uopsim: guest killed by %s (sent by itself)\n",
			        linux_signal_name(sig));
		else
			fprintf(stderr, "uopsim: guest killed by %s\n", linux_signal_name(sig));
	}
	kill_guest(p, sig);
}

void linux_signal_deliver(struct linux_process *p)
{
	while (!p->exited) {
		uint64_t ready = p->sigpending & ~(p->sigmask & ~UNBLOCKABLE);
		if (!ready)
			break;
		/* Synchronous-style signals first, then the lowest number, as
		 * the kernel's next_signal does. */
		int sig = __builtin_ctzll(ready) + 1;
		static const int sync_first[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGSYS};
		for (unsigned i = 0; i < sizeof sync_first / sizeof sync_first[0]; i++)
			if (ready & BIT(sync_first[i])) {
				sig = sync_first[i];
				break;
			}
		p->sigpending &= ~BIT(sig);
		uint8_t info[128];
		memcpy(info, p->siginfo[sig], sizeof info);
		uint64_t h = p->sigactions[sig].handler;
		if (sig == SIGKILL || h == 0) {
			if (sig != SIGKILL && default_action(sig) == ACT_IGNORE)
				continue;
			default_kill(p, sig, info);
			return;
		}
		if (h == 1)
			continue;
		if (handle(p, sig, info, 0, 0, 0)) {
			fprintf(stderr, "uopsim: guest killed by SIGSEGV: cannot write the frame for %s\n",
			        linux_signal_name(sig));
			kill_guest(p, SIGSEGV);
			return;
		}
		/* As the kernel does before returning to user mode, further
		 * pending signals get frames on top: their handlers run first. */
	}
	if (p->have_saved_mask && !p->exited) {
		p->sigmask = p->saved_mask;
		p->have_saved_mask = 0;
	}
}

void linux_signal_poll(struct linux_process *p)
{
	take_host_signals(p);
	if (p->sigpending)
		linux_signal_deliver(p);
}

void linux_signal_action_changed(struct linux_process *p, int sig)
{
	if (sig >= 1 && sig <= LINUX_NSIG && ignored(p, sig))
		p->sigpending &= ~BIT(sig);
}

/* System calls the kernel never restarts after a handler (ERESTARTNOHAND
 * and restart_block ones): they return EINTR. */
static int never_restarted(uint64_t nr)
{
	switch (nr) {
	case 7:   /* poll */
	case 23:  /* select */
	case 34:  /* pause */
	case 35:  /* nanosleep */
	case 130: /* rt_sigsuspend */
	case 230: /* clock_nanosleep */
	case 232: /* epoll_wait */
	case 270: /* pselect6 */
	case 271: /* ppoll */
	case 281: /* epoll_pwait */ return 1;
	default: return 0;
	}
}

void linux_signal_after_syscall(struct linux_process *p, uint64_t nr)
{
	linux_signal_after_syscall_as(p, nr, nr);
}

void linux_signal_after_syscall_as(struct linux_process *p, uint64_t nr, uint64_t restart_nr)
{
	int host = take_host_signals(p);
	struct x86_state *s = &p->cpu.state;
	int64_t result = p->cpu.mode == X86_MODE_64 ? (int64_t)s->gpr[GPR_RAX] : (int32_t)s->gpr[GPR_RAX];
	if (host && result == -EINTR && nr != 130 && nr != 34 && nr != 15 /* rt_sigreturn */) {
		/* A host call interrupted by a forwarded host signal. */
		uint64_t ready = p->sigpending & ~p->sigmask;
		int restart = 1;
		for (int sig = 1; sig <= LINUX_NSIG && restart; sig++)
			if ((ready & BIT(sig)) && p->sigactions[sig].handler > 1 &&
			    (never_restarted(nr) || !(p->sigactions[sig].flags & SA_RESTART_)))
				restart = 0;
		if (restart) {
			s->gpr[GPR_RAX] = restart_nr;
			s->rip -= 2; /* back to the syscall instruction (or int 0x80) */
		}
	}
	if (p->sigpending || p->have_saved_mask)
		linux_signal_deliver(p);
}

int linux_signal_fault(struct linux_process *p, enum cpu_event e, int sig)
{
	struct cpu *cpu = &p->cpu;
	struct x86_state *s = &cpu->state;
	if (e == CPU_NO_CRACK)
		return 0; /* a limit of uopsim, not a guest error */
	unsigned vector = cpu->last.vector;
	int32_t code = SI_KERNEL_;
	uint64_t addr = 0, err = 0, cr2 = 0;
	unsigned trapno = vector;
	if (e == CPU_SYSCALL) {
		trapno = VEC_GP; /* int n: #GP */
		err = ((uint64_t)vector << 3) | 2;
	} else {
		switch (vector) {
		case VEC_PF: {
			uint64_t f;
			int mapped = gmem_check(cpu->memory, cpu->last.fault_address & ~(GUEST_PAGE_SIZE - 1),
			                        1, 0, &f) == 0;
			code = mapped ? 2 /* SEGV_ACCERR */ : 1 /* SEGV_MAPERR */;
			addr = cr2 = cpu->last.fault_address;
			err = 4 | (mapped ? 1 : 0);
			break;
		}
		case VEC_DE:
			code = 1; /* FPE_INTDIV */
			addr = s->rip;
			break;
		case VEC_UD:
			code = 2; /* ILL_ILLOPN */
			addr = s->rip;
			break;
		case VEC_MF:
		case VEC_XM: {
			unsigned x = vector == VEC_MF ? (s->fpu_status & ~s->fpu_control & 0x3f)
			                              : ((s->mxcsr & 0x3f) & ~(s->mxcsr >> 7) & 0x3f);
			code = (x & 1)      ? 7 /* FPE_FLTINV */
			       : (x & 4)    ? 3 /* FPE_FLTDIV */
			       : (x & 8)    ? 4 /* FPE_FLTOVF */
			       : (x & 0x12) ? 5 /* FPE_FLTUND */
			       : (x & 0x20) ? 6 /* FPE_FLTRES */
			                    : 0;
			addr = s->rip;
			break;
		}
		case VEC_BP: code = SI_KERNEL_; break;
		case VEC_DB:
			code = 2; /* TRAP_TRACE */
			break;
		default: break;
		}
	}
	struct linux_sigaction *ka = &p->sigactions[sig];
	/* A forced signal that is blocked or ignored kills (force_sig_info). */
	if (ka->handler <= 1 || (p->sigmask & BIT(sig)))
		return 0;
	uint8_t info[128];
	memset(info, 0, sizeof info);
	int32_t w[3] = {sig, 0, code};
	memcpy(info, w, sizeof w);
	memcpy(info + 16, &addr, 8);
	if (handle(p, sig, info, trapno, err, cr2))
		return 0;
	return 1;
}

/* ---- system calls ---- */

int64_t linux_sys_rt_sigreturn(struct linux_process *p, const uint64_t a[6])
{
	(void)a;
	struct x86_state *s = &p->cpu.state;
	uint64_t frame = s->gpr[GPR_RSP] - 8;
	uint8_t uc[304];
	uint64_t fault;
	if (gmem_read(p->cpu.memory, frame + FRAME_UC, uc, sizeof uc, &fault)) {
		fprintf(stderr, "uopsim: guest killed by SIGSEGV: bad rt_sigreturn frame at 0x%llx\n",
		        (unsigned long long)frame);
		kill_guest(p, SIGSEGV);
		return -EFAULT;
	}
	const uint8_t *sc = uc + UC_MCONTEXT;
	uint64_t fpstate, flags, mask;
	memcpy(&fpstate, sc + 184, 8);
	uint8_t fx[FXSAVE_SIZE];
	if (fpstate && gmem_read(p->cpu.memory, fpstate, fx, sizeof fx, &fault)) {
		fprintf(stderr, "uopsim: guest killed by SIGSEGV: bad fpstate in rt_sigreturn\n");
		kill_guest(p, SIGSEGV);
		return -EFAULT;
	}
	for (unsigned i = 0; i < 16; i++)
		memcpy(&s->gpr[sc_gpr[i]], sc + 8 * i, 8);
	memcpy(&s->rip, sc + 128, 8);
	memcpy(&flags, sc + 136, 8);
	linux_sigreturn_flags(s, flags);
	s->selector[SEG_CS] = 0x33;
	s->selector[SEG_SS] = 0x2b;
	if (fpstate)
		linux_fxrstor_image(s, fx);
	else
		linux_fpu_reset(s);
	memcpy(&mask, uc + UC_SIGMASK, 8);
	p->sigmask = mask & ~UNBLOCKABLE;
	uint64_t ss_sp, ss_size;
	int32_t ss_flags;
	memcpy(&ss_sp, uc + UC_STACK, 8);
	memcpy(&ss_flags, uc + UC_STACK + 8, 4);
	memcpy(&ss_size, uc + UC_STACK + 16, 8);
	linux_signal_restore_altstack(p, ss_sp, ss_flags, ss_size);
	return (int64_t)s->gpr[GPR_RAX];
}

int64_t linux_sys_sigaltstack(struct linux_process *p, const uint64_t a[6])
{
	uint64_t fault, sp = p->cpu.state.gpr[GPR_RSP];
	int onstack = on_altstack(p, sp);
	if (a[1]) {
		uint64_t old[3] = {p->altstack_sp,
		                   !p->altstack_size ? SS_DISABLE
		                   : onstack         ? SS_ONSTACK
		                                     : (uint64_t)p->altstack_flags,
		                   p->altstack_size};
		if (gmem_write(p->cpu.memory, a[1], old, sizeof old, &fault))
			return -EFAULT;
	}
	if (a[0]) {
		uint64_t ss[3];
		if (gmem_read(p->cpu.memory, a[0], ss, sizeof ss, &fault))
			return -EFAULT;
		if (onstack)
			return -EPERM;
		int32_t fl = (int32_t)ss[1];
		if (fl & ~(SS_DISABLE | SS_ONSTACK | (int32_t)(1u << 31) /* SS_AUTODISARM */))
			return -EINVAL;
		if (fl & SS_DISABLE) {
			p->altstack_sp = 0;
			p->altstack_size = 0;
			p->altstack_flags = SS_DISABLE;
		} else {
			if (ss[2] < 2048 /* MINSIGSTKSZ */)
				return -ENOMEM;
			p->altstack_sp = ss[0];
			p->altstack_size = ss[2];
			p->altstack_flags = 0;
		}
	}
	return 0;
}

static int64_t host_rc(int r)
{
	return r < 0 ? -errno : r;
}

int64_t linux_sys_alarm(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	linux_signal_install_host_handlers();
	return alarm((unsigned)a[0]);
}

int64_t linux_sys_setitimer(struct linux_process *p, const uint64_t a[6])
{
	uint64_t fault;
	struct itimerval nv, ov;
	if ((int)a[0] != ITIMER_REAL)
		return -EINVAL; /* ITIMER_VIRTUAL/PROF would count uopsim's time */
	linux_signal_install_host_handlers();
	memset(&nv, 0, sizeof nv);
	if (a[1] && gmem_read(p->cpu.memory, a[1], &nv, sizeof nv, &fault))
		return -EFAULT;
	int r = setitimer(ITIMER_REAL, &nv, &ov);
	if (r < 0)
		return -errno;
	if (a[2] && gmem_write(p->cpu.memory, a[2], &ov, sizeof ov, &fault))
		return -EFAULT;
	return 0;
}

int64_t linux_sys_getitimer(struct linux_process *p, const uint64_t a[6])
{
	uint64_t fault;
	struct itimerval v;
	int r = getitimer((int)a[0], &v);
	if (r < 0)
		return host_rc(r);
	if (gmem_write(p->cpu.memory, a[1], &v, sizeof v, &fault))
		return -EFAULT;
	return 0;
}

/* Waits until a guest signal can be delivered (a forwarded host signal). */
static void wait_for_signal(struct linux_process *p)
{
	linux_signal_install_host_handlers();
	sigset_t block, old;
	sigemptyset(&block);
	for (unsigned i = 0; i < sizeof forwarded / sizeof forwarded[0]; i++)
		sigaddset(&block, forwarded[i]);
	sigprocmask(SIG_BLOCK, &block, &old);
	for (;;) {
		take_host_signals(p);
		if (p->exited || (p->sigpending & ~p->sigmask))
			break;
		sigset_t wait = old;
		for (unsigned i = 0; i < sizeof forwarded / sizeof forwarded[0]; i++)
			sigdelset(&wait, forwarded[i]);
		sigsuspend(&wait);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

int64_t linux_sys_pause(struct linux_process *p, const uint64_t a[6])
{
	(void)a;
	for (;;) {
		wait_for_signal(p);
		/* Signals whose action is to ignore do not end pause. */
		uint64_t ready = p->sigpending & ~p->sigmask;
		for (int sig = 1; sig <= LINUX_NSIG; sig++)
			if ((ready & BIT(sig)) && !ignored(p, sig))
				return -EINTR;
		p->sigpending &= ~ready;
	}
}

int64_t linux_sys_rt_sigsuspend(struct linux_process *p, const uint64_t a[6])
{
	uint64_t fault, mask;
	if (a[1] != 8)
		return -EINVAL;
	if (gmem_read(p->cpu.memory, a[0], &mask, sizeof mask, &fault))
		return -EFAULT;
	p->saved_mask = p->sigmask;
	p->have_saved_mask = 1;
	p->sigmask = mask & ~UNBLOCKABLE;
	linux_sys_pause(p, a);
	return -EINTR;
}

int64_t linux_sys_rt_sigpending(struct linux_process *p, const uint64_t a[6])
{
	uint64_t fault, set = p->sigpending & p->sigmask;
	if (a[1] != 8)
		return -EINVAL;
	if (gmem_write(p->cpu.memory, a[0], &set, sizeof set, &fault))
		return -EFAULT;
	return 0;
}

/* rt_sigtimedwait(set, info, timeout, sigsetsize): takes a pending signal
 * of set without running its handler, waiting for one if needed. */
int64_t linux_sys_rt_sigtimedwait(struct linux_process *p, const uint64_t a[6])
{
	uint64_t fault, set;
	struct timespec ts;
	if (a[3] != 8)
		return -EINVAL;
	if (gmem_read(p->cpu.memory, a[0], &set, sizeof set, &fault))
		return -EFAULT;
	if (a[2] && gmem_read(p->cpu.memory, a[2], &ts, sizeof ts, &fault))
		return -EFAULT;
	set &= ~UNBLOCKABLE;
	take_host_signals(p);
	if (!(p->sigpending & set)) {
		uint64_t old = p->sigmask;
		if (a[2]) {
			if (ts.tv_sec || ts.tv_nsec)
				nanosleep(&ts, NULL); /* a forwarded host signal cuts it short */
			take_host_signals(p);
		} else {
			p->sigmask &= ~set;
			wait_for_signal(p);
			p->sigmask = old;
		}
		if (!(p->sigpending & set))
			return p->sigpending & ~p->sigmask ? -EINTR : -EAGAIN;
	}
	int sig = __builtin_ctzll(p->sigpending & set) + 1;
	p->sigpending &= ~BIT(sig);
	if (a[1] && gmem_write(p->cpu.memory, a[1], p->siginfo[sig], 128, &fault))
		return -EFAULT;
	return sig;
}
