/* signal32.c - signal frames for i386 guests, laid out as a 64-bit
 * kernel's compat code lays them out (arch/x86/kernel/signal_32.c,
 * arch/x86/include/asm/sigframe.h, uapi/asm/sigcontext.h): struct
 * sigframe_ia32 for a handler without SA_SIGINFO, struct rt_sigframe_ia32
 * (compat siginfo and ucontext) with it, the FPU state after the frame as
 * an fsave header followed by an fxsave image (a CPU with FXSR and no
 * XSAVE frames), and sigreturn (119) / rt_sigreturn (173). glibc's i386
 * sigaction sets SA_RESTORER with its own restorer; without one, the
 * frame's retcode (the kernel's historical `int 0x80` trampoline) is the
 * return address, since uopsim gives no vDSO. Which signal is delivered,
 * masks and pending sets are signal.c's (shared with x86-64); so are the
 * other signal calls where the structures agree. */
#define _GNU_SOURCE
#include "linux/linux32.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/time.h>

#include "machine/memory.h"

#define SA_SIGINFO_ 0x00000004u
#define SA_ONSTACK_ 0x08000000u
#define SA_RESTORER_ 0x04000000u

#define UNBLOCKABLE ((1ull << (SIGKILL - 1)) | (1ull << (SIGSTOP - 1)))

#define USER32_CS 0x23
#define USER32_DS 0x2b

/* Layouts (byte offsets). struct sigcontext_32: 22 words. */
enum {
	SC_GS = 0,
	SC_FS = 4,
	SC_ES = 8,
	SC_DS = 12,
	SC_DI = 16, /* di si bp sp bx dx cx ax */
	SC_TRAPNO = 48,
	SC_ERR = 52,
	SC_IP = 56,
	SC_CS = 60,
	SC_FLAGS = 64,
	SC_SP_AT_SIGNAL = 68,
	SC_SS = 72,
	SC_FPSTATE = 76,
	SC_OLDMASK = 80,
	SC_CR2 = 84,
	SC_SIZE = 88,
	/* struct sigframe_ia32: pretcode, sig, sc, fpstate_unused (a
	 * struct _fpstate_32 kept so that extramask stays where it was),
	 * extramask[1], retcode[8]. */
	SF_SIG = 4,
	SF_SC = 8,
	SF_EXTRAMASK = SF_SC + SC_SIZE + 624,
	SF_RETCODE = SF_EXTRAMASK + 4,
	SF_SIZE = SF_RETCODE + 8, /* 732 */
	/* struct rt_sigframe_ia32: pretcode, sig, pinfo, puc, info (128),
	 * uc, retcode[8]. struct ucontext_ia32: uc_flags, uc_link,
	 * uc_stack (sp, flags, size), uc_mcontext, uc_sigmask (8). */
	RT_SIG = 4,
	RT_PINFO = 8,
	RT_PUC = 12,
	RT_INFO = 16,
	RT_UC = RT_INFO + 128,
	UC_STACK = 8,
	UC_MCONTEXT = 20,
	UC_SIGMASK = UC_MCONTEXT + SC_SIZE,
	UC_SIZE = UC_SIGMASK + 8,
	RT_RETCODE = RT_UC + UC_SIZE,
	RT_SIZE = RT_RETCODE + 8, /* 268 */
	/* The FPU state: struct _fpstate_32's fsave part (112 bytes: 7
	 * environment words, 8 10-byte registers, status, magic), then the
	 * 512-byte fxsave image, 64-byte aligned. */
	FSAVE_HEADER = LINUX_FSAVE_HEADER_SIZE,
	FX_SIZE = LINUX_FXSAVE_SIZE,
	FP_MAGIC = 110,
	X86_FXSR_MAGIC = 0x0000,
};
/* AT_MINSIGSTKSZ (linux.h) is computed from this frame. */
_Static_assert(SF_SIZE == LINUX_SIGFRAME_IA32_SIZE && RT_SIZE < SF_SIZE, "struct sigframe_ia32 is 732 bytes");

/* The sigcontext slots of EDI..EAX, in order. */
static const int sc_gpr[8] = {GPR_RDI, GPR_RSI, GPR_RBP, GPR_RSP, GPR_RBX, GPR_RDX, GPR_RCX, GPR_RAX};

static void put32(uint8_t *b, size_t off, uint32_t v)
{
	memcpy(b + off, &v, 4);
}

static uint32_t get32(const uint8_t *b, size_t off)
{
	uint32_t v;
	memcpy(&v, b + off, 4);
	return v;
}

static void kill_guest(struct linux_process *p, int sig, const char *why)
{
	fprintf(stderr, "uopsim: guest killed by %s: %s\n", linux_signal_name(sig), why);
	p->exited = 1;
	p->killed_signal = sig;
	p->exit_status = 128 + sig;
}

/* The siginfo of signal.c (x86-64 layout: the union at offset 16) in the
 * compat layout (copy_siginfo_to_user32: the union at 12, 4-byte
 * pointers and clock_t). */
void linux_siginfo_to32(const uint8_t in[128], uint8_t out[128])
{
	memset(out, 0, 128);
	memcpy(out, in, 12);
	int32_t signo = (int32_t)get32(in, 0), code = (int32_t)get32(in, 8);
	int fault = code > 0 && (signo == SIGSEGV || signo == SIGBUS || signo == SIGILL || signo == SIGFPE ||
	                         signo == SIGTRAP);
	if (fault) {
		put32(out, 12, get32(in, 16)); /* si_addr */
	} else if (signo == SIGCHLD && code > 0) {
		for (int i = 0; i < 3; i++) /* si_pid, si_uid, si_status */
			put32(out, 12 + 4 * (size_t)i, get32(in, 16 + 4 * (size_t)i));
		put32(out, 24, get32(in, 32)); /* si_utime */
		put32(out, 28, get32(in, 40)); /* si_stime */
	} else {
		put32(out, 12, get32(in, 16)); /* si_pid (or timer id) */
		put32(out, 16, get32(in, 20)); /* si_uid (or overrun) */
		put32(out, 20, get32(in, 24)); /* si_value */
	}
}

/* The fsave header of the frame's FPU state from the fxsave image fx, as
 * the kernel's convert_from_fxsr writes it for a compat task: the full
 * tag word rebuilt from the abridged one and the registers' contents,
 * the 64-bit kernel's CS and DS as the pointer selectors. */
static void fsave_header(const struct x86_state *s, const uint8_t *fx, uint8_t *h)
{
	uint16_t cw, sw, fop;
	memcpy(&cw, fx + 0, 2);
	memcpy(&sw, fx + 2, 2);
	memcpy(&fop, fx + 6, 2);
	(void)fop; /* a 64-bit kernel does not merge the opcode into fcs */
	unsigned top = (sw >> 11) & 7;
	uint32_t tag = 0;
	for (unsigned i = 0; i < 8; i++) { /* physical register i is ST((i - top) & 7) */
		unsigned t = 3;
		if (fx[4] & (1u << i)) {
			const uint8_t *r = fx + 32 + 16 * ((i - top) & 7);
			uint64_t m;
			uint16_t se;
			memcpy(&m, r, 8);
			memcpy(&se, r + 8, 2);
			unsigned e = se & 0x7fff;
			t = e == 0x7fff ? 2 : e == 0 ? (m ? 2 : 1) : (m >> 63) ? 0 : 2;
		}
		tag |= t << (2 * i);
	}
	put32(h, 0, cw | 0xffff0000u);
	put32(h, 4, sw | 0xffff0000u);
	put32(h, 8, tag | 0xffff0000u);
	put32(h, 12, get32(fx, 8));  /* ipoff */
	put32(h, 16, USER32_CS);     /* cssel */
	put32(h, 20, get32(fx, 16)); /* dataoff */
	put32(h, 24, s->selector[SEG_DS] | 0xffff0000u);
	for (unsigned i = 0; i < 8; i++)
		memcpy(h + 28 + 10 * i, fx + 32 + 16 * i, 10);
	memcpy(h + 108, &sw, 2);
	uint16_t magic = X86_FXSR_MAGIC;
	memcpy(h + FP_MAGIC, &magic, 2);
}

/* The registers of struct sigcontext_32 at sc. */
static void put_sigcontext(const struct linux_process *p, uint8_t *sc, uint32_t fpstate, uint32_t oldmask,
                           unsigned trapno, uint64_t err, uint64_t cr2)
{
	const struct x86_state *s = &p->cpu.state;
	put32(sc, SC_GS, s->selector[SEG_GS]);
	put32(sc, SC_FS, s->selector[SEG_FS]);
	put32(sc, SC_ES, s->selector[SEG_ES]);
	put32(sc, SC_DS, s->selector[SEG_DS]);
	for (unsigned i = 0; i < 8; i++)
		put32(sc, SC_DI + 4 * i, (uint32_t)s->gpr[sc_gpr[i]]);
	put32(sc, SC_TRAPNO, trapno);
	put32(sc, SC_ERR, (uint32_t)err);
	put32(sc, SC_IP, (uint32_t)s->rip);
	put32(sc, SC_CS, s->selector[SEG_CS]);
	put32(sc, SC_FLAGS, (uint32_t)s->rflags);
	put32(sc, SC_SP_AT_SIGNAL, (uint32_t)s->gpr[GPR_RSP]);
	put32(sc, SC_SS, s->selector[SEG_SS]);
	put32(sc, SC_FPSTATE, fpstate);
	put32(sc, SC_OLDMASK, oldmask);
	put32(sc, SC_CR2, (uint32_t)cr2);
}

/* get_sigframe for an ia32 frame: the sigaltstack if asked for and not
 * already on it (no red zone), the FPU state 64-byte aligned below, the
 * frame under it with ((sp + 4) & 15) == 0 at the handler's entry, as
 * after a call. */
int linux_signal_frame32(struct linux_process *p, int sig, const struct linux_sigaction *ka, uint64_t oldmask,
                         const uint8_t info[128], unsigned trapno, uint64_t err, uint64_t cr2)
{
	struct x86_state *s = &p->cpu.state;
	int rt = (ka->flags & SA_SIGINFO_) != 0;
	uint32_t esp = (uint32_t)s->gpr[GPR_RSP], sp = esp;
	if ((ka->flags & SA_ONSTACK_) && p->altstack_size && !(p->altstack_flags & SS_DISABLE) &&
	    !linux_signal_on_altstack(p, sp))
		sp = (uint32_t)(p->altstack_sp + p->altstack_size);
	uint32_t buf_fx = (sp - FX_SIZE) & ~63u;
	uint32_t fpstate = buf_fx - FSAVE_HEADER;
	uint32_t size = rt ? RT_SIZE : SF_SIZE;
	uint32_t frame = ((fpstate - size + 4) & ~15u) - 4;
	uint8_t buf[SF_SIZE + FSAVE_HEADER + FX_SIZE + 64 + 16];
	uint32_t total = buf_fx + FX_SIZE - frame;
	uint64_t fault;
	if (total > sizeof buf || frame > fpstate ||
	    gmem_check(p->cpu.memory, frame, total, GUEST_WRITE, &fault))
		return -1;
	memset(buf, 0, sizeof buf);
	uint8_t *fx = buf + (buf_fx - frame);
	linux_fxsave_image(s, fx);
	fsave_header(s, fx, buf + (fpstate - frame));
	/* The return address: the restorer, else the frame's retcode. */
	uint32_t pretcode = ka->flags & SA_RESTORER_ ? (uint32_t)ka->restorer
	                                             : frame + (rt ? RT_RETCODE : SF_RETCODE);
	put32(buf, 0, pretcode);
	if (rt) {
		put32(buf, RT_SIG, (uint32_t)sig);
		put32(buf, RT_PINFO, frame + RT_INFO);
		put32(buf, RT_PUC, frame + RT_UC);
		linux_siginfo_to32(info, buf + RT_INFO);
		uint8_t *uc = buf + RT_UC;
		/* uc_flags 0: no UC_FP_XSTATE, the frames have no xsave part. */
		int32_t ss_flags = !p->altstack_size || (p->altstack_flags & SS_DISABLE) ? SS_DISABLE
		                   : linux_signal_on_altstack(p, esp)                    ? SS_ONSTACK
		                                                                         : 0;
		put32(uc, UC_STACK, (uint32_t)p->altstack_sp);
		put32(uc, UC_STACK + 4, (uint32_t)ss_flags);
		put32(uc, UC_STACK + 8, (uint32_t)p->altstack_size);
		put_sigcontext(p, uc + UC_MCONTEXT, fpstate, (uint32_t)oldmask, trapno, err, cr2);
		put32(uc, UC_SIGMASK, (uint32_t)oldmask);
		put32(uc, UC_SIGMASK + 4, (uint32_t)(oldmask >> 32));
		/* movl $173, %eax; int $0x80 */
		static const uint8_t code[8] = {0xb8, 173, 0, 0, 0, 0xcd, 0x80, 0};
		memcpy(buf + RT_RETCODE, code, sizeof code);
	} else {
		put32(buf, SF_SIG, (uint32_t)sig);
		put_sigcontext(p, buf + SF_SC, fpstate, (uint32_t)oldmask, trapno, err, cr2);
		put32(buf, SF_EXTRAMASK, (uint32_t)(oldmask >> 32));
		/* popl %eax; movl $119, %eax; int $0x80 */
		static const uint8_t code[8] = {0x58, 0xb8, 119, 0, 0, 0, 0xcd, 0x80};
		memcpy(buf + SF_RETCODE, code, sizeof code);
	}
	if (gmem_poke(p->cpu.memory, frame, buf, total))
		return -1;
	s->gpr[GPR_RSP] = frame;
	s->rip = (uint32_t)ka->handler;
	s->gpr[GPR_RAX] = (uint32_t)sig;
	s->gpr[GPR_RDX] = rt ? frame + RT_INFO : 0;
	s->gpr[GPR_RCX] = rt ? frame + RT_UC : 0;
	s->selector[SEG_CS] = USER32_CS;
	s->selector[SEG_SS] = s->selector[SEG_DS] = s->selector[SEG_ES] = USER32_DS;
	s->segment_base[SEG_CS] = s->segment_base[SEG_SS] = 0;
	s->segment_base[SEG_DS] = s->segment_base[SEG_ES] = 0;
	linux_signal_handler_entry(s);
	return 0;
}

/* ---- sigreturn ---- */

/* Loads data segment register seg with selector sel (the RPL forced to
 * 3, as the kernel does); a null selector is allowed. */
static int load_segment(struct linux_process *p, int seg, uint16_t sel)
{
	uint64_t base = 0;
	int code;
	if ((sel & ~3u) && linux_descriptor32(p, (uint16_t)(sel | 3), &base, &code))
		return -1;
	p->cpu.state.selector[seg] = (sel & ~3u) ? (uint16_t)(sel | 3) : 0;
	p->cpu.state.segment_base[seg] = base;
	return 0;
}

/* ia32_restore_sigcontext and the FPU state (fpu__restore_sig for an ia32
 * frame: the fxsave image, whose x87 part is then replaced by the fsave
 * header's, as convert_to_fxsr does). Returns 0 or -1 (a bad frame). */
static int restore_sigcontext(struct linux_process *p, uint32_t addr)
{
	struct x86_state *s = &p->cpu.state;
	uint8_t sc[SC_SIZE], h[FSAVE_HEADER], fx[FX_SIZE];
	uint64_t fault;
	if (gmem_read(p->cpu.memory, addr, sc, sizeof sc, &fault))
		return -1;
	uint32_t fpstate = get32(sc, SC_FPSTATE);
	if (fpstate && (gmem_read(p->cpu.memory, fpstate, h, sizeof h, &fault) ||
	                gmem_read(p->cpu.memory, (uint64_t)fpstate + FSAVE_HEADER, fx, sizeof fx, &fault)))
		return -1;
	struct x86_state saved = *s;
	if (load_segment(p, SEG_GS, (uint16_t)get32(sc, SC_GS)) ||
	    load_segment(p, SEG_FS, (uint16_t)get32(sc, SC_FS)) ||
	    load_segment(p, SEG_DS, (uint16_t)get32(sc, SC_DS)) ||
	    load_segment(p, SEG_ES, (uint16_t)get32(sc, SC_ES))) {
		*s = saved;
		return -1;
	}
	for (unsigned i = 0; i < 8; i++)
		s->gpr[sc_gpr[i]] = get32(sc, SC_DI + 4 * i);
	s->rip = get32(sc, SC_IP);
	linux_sigreturn_flags(s, get32(sc, SC_FLAGS));
	s->selector[SEG_CS] = USER32_CS;
	s->selector[SEG_SS] = USER32_DS;
	if (fpstate) {
		uint16_t cw = (uint16_t)get32(h, 0), sw = (uint16_t)get32(h, 4);
		uint32_t tag = get32(h, 8);
		uint16_t fop = (uint16_t)(get32(h, 16) >> 16);
		uint64_t fip = get32(h, 12), fdp = get32(h, 20);
		uint8_t abridged = 0;
		for (unsigned i = 0; i < 8; i++)
			if (((tag >> (2 * i)) & 3) != 3)
				abridged |= (uint8_t)(1u << i);
		memcpy(fx + 0, &cw, 2);
		memcpy(fx + 2, &sw, 2);
		fx[4] = abridged;
		memcpy(fx + 6, &fop, 2);
		memcpy(fx + 8, &fip, 8);
		memcpy(fx + 16, &fdp, 8);
		for (unsigned i = 0; i < 8; i++)
			memcpy(fx + 32 + 16 * i, h + 28 + 10 * i, 10);
		linux_fxrstor_image(s, fx);
	} else {
		linux_fpu_reset(s);
	}
	return 0;
}

/* sigreturn (119): the handler's ret popped pretcode and the restorer
 * popped sig, so the sigframe_ia32 is at ESP - 8. */
int64_t linux_sys32_sigreturn(struct linux_process *p, const uint32_t a[6])
{
	(void)a;
	uint32_t frame = (uint32_t)p->cpu.state.gpr[GPR_RSP] - 8, mask[2];
	uint64_t fault;
	if (gmem_read(p->cpu.memory, frame + SF_SC + SC_OLDMASK, &mask[0], 4, &fault) ||
	    gmem_read(p->cpu.memory, frame + SF_EXTRAMASK, &mask[1], 4, &fault) ||
	    restore_sigcontext(p, frame + SF_SC)) {
		kill_guest(p, SIGSEGV, "bad sigreturn frame");
		return -EFAULT;
	}
	p->sigmask = (mask[0] | (uint64_t)mask[1] << 32) & ~UNBLOCKABLE;
	return (int32_t)p->cpu.state.gpr[GPR_RAX];
}

/* rt_sigreturn (173): the rt_sigframe_ia32 is at ESP - 4. */
int64_t linux_sys32_rt_sigreturn(struct linux_process *p, const uint32_t a[6])
{
	(void)a;
	uint32_t frame = (uint32_t)p->cpu.state.gpr[GPR_RSP] - 4;
	uint8_t uc[UC_SIZE];
	uint64_t fault;
	if (gmem_read(p->cpu.memory, frame + RT_UC, uc, sizeof uc, &fault) ||
	    restore_sigcontext(p, frame + RT_UC + UC_MCONTEXT)) {
		kill_guest(p, SIGSEGV, "bad rt_sigreturn frame");
		return -EFAULT;
	}
	p->sigmask = (get32(uc, UC_SIGMASK) | (uint64_t)get32(uc, UC_SIGMASK + 4) << 32) & ~UNBLOCKABLE;
	linux_signal_restore_altstack(p, get32(uc, UC_STACK), (int32_t)get32(uc, UC_STACK + 4),
	                              get32(uc, UC_STACK + 8));
	return (int32_t)p->cpu.state.gpr[GPR_RAX];
}

/* ---- other signal calls on 32-bit structures ---- */

uint32_t linux32_scratch(struct linux_process *p, uint32_t n)
{
	uint32_t at = ((uint32_t)p->cpu.state.gpr[GPR_RSP] - 256 - n) & ~15u;
	uint64_t fault;
	return gmem_check(p->cpu.memory, at, n, GUEST_WRITE, &fault) ? 0 : at;
}

/* sigaltstack(ss, old_ss) with the compat stack_t {u32 sp, int flags,
 * u32 size}: signal.c's call on 64-bit copies in a scratch area. */
int64_t linux_sys32_sigaltstack(struct linux_process *p, const uint32_t a[6])
{
	uint32_t scratch = linux32_scratch(p, 48), v[3];
	uint64_t fault, w[3];
	if (!scratch)
		return -EFAULT;
	if (a[0]) {
		if (gmem_read(p->cpu.memory, a[0], v, sizeof v, &fault))
			return -EFAULT;
		w[0] = v[0];
		w[1] = (uint32_t)v[1];
		w[2] = v[2];
		if (gmem_write(p->cpu.memory, scratch, w, sizeof w, &fault))
			return -EFAULT;
	}
	const uint64_t b[6] = {a[0] ? scratch : 0, a[1] ? scratch + 24 : 0};
	int64_t r = linux_sys_sigaltstack(p, b);
	if (r < 0 || !a[1])
		return r;
	if (gmem_read(p->cpu.memory, scratch + 24, w, sizeof w, &fault))
		return -EFAULT;
	v[0] = (uint32_t)w[0];
	v[1] = (uint32_t)w[1];
	v[2] = (uint32_t)w[2];
	return gmem_write(p->cpu.memory, a[1], v, sizeof v, &fault) ? -EFAULT : r;
}

/* sigprocmask(how, set, oldset) with the old one-word sigset_t: only
 * signals 1-32 change (SIG_SETMASK keeps the others, as the kernel does). */
int64_t linux_sys32_sigprocmask(struct linux_process *p, const uint32_t a[6])
{
	uint32_t set = 0, old = (uint32_t)p->sigmask;
	uint64_t fault;
	if (a[1] && gmem_read(p->cpu.memory, a[1], &set, 4, &fault))
		return -EFAULT;
	if (a[1]) {
		switch (a[0]) {
		case SIG_BLOCK: p->sigmask |= set; break;
		case SIG_UNBLOCK: p->sigmask &= ~(uint64_t)set; break;
		case SIG_SETMASK: p->sigmask = (p->sigmask & ~0xffffffffull) | set; break;
		default: return -EINVAL;
		}
		p->sigmask &= ~UNBLOCKABLE;
	}
	if (a[2] && gmem_write(p->cpu.memory, a[2], &old, 4, &fault))
		return -EFAULT;
	return 0;
}

/* setitimer/getitimer with the compat itimerval (four 32-bit words). Only
 * ITIMER_REAL, as in signal.c: the host's timer delivers SIGALRM. */
int64_t linux_sys32_setitimer(struct linux_process *p, const uint32_t a[6])
{
	int32_t v[4] = {0, 0, 0, 0};
	uint64_t fault;
	if ((int32_t)a[0] != ITIMER_REAL)
		return -EINVAL;
	if (a[1] && gmem_read(p->cpu.memory, a[1], v, sizeof v, &fault))
		return -EFAULT;
	linux_signal_install_host_handlers();
	struct itimerval nv = {{v[0], v[1]}, {v[2], v[3]}}, ov;
	if (setitimer(ITIMER_REAL, &nv, &ov) < 0)
		return -errno;
	int32_t o[4] = {(int32_t)ov.it_interval.tv_sec, (int32_t)ov.it_interval.tv_usec,
	                (int32_t)ov.it_value.tv_sec, (int32_t)ov.it_value.tv_usec};
	if (a[2] && gmem_write(p->cpu.memory, a[2], o, sizeof o, &fault))
		return -EFAULT;
	return 0;
}

int64_t linux_sys32_getitimer(struct linux_process *p, const uint32_t a[6])
{
	struct itimerval v;
	uint64_t fault;
	if (getitimer((int)a[0], &v) < 0)
		return -errno;
	int32_t o[4] = {(int32_t)v.it_interval.tv_sec, (int32_t)v.it_interval.tv_usec,
	                (int32_t)v.it_value.tv_sec, (int32_t)v.it_value.tv_usec};
	return gmem_write(p->cpu.memory, a[1], o, sizeof o, &fault) ? -EFAULT : 0;
}

/* rt_sigtimedwait(set, info, timeout, sigsetsize): signal.c's call, with
 * the timeout (already in the x86-64 layout for the time64 variant)
 * passed through and the siginfo written in the compat layout. */
static int64_t timedwait(struct linux_process *p, const uint32_t a[6], uint64_t timeout)
{
	const uint64_t b[6] = {a[0], 0, timeout, a[3]};
	int64_t sig = linux_sys_rt_sigtimedwait(p, b);
	if (sig > 0 && a[1]) {
		uint8_t info[128];
		uint64_t fault;
		linux_siginfo_to32(p->siginfo[sig], info);
		if (gmem_write(p->cpu.memory, a[1], info, sizeof info, &fault))
			return -EFAULT;
	}
	return sig;
}

int64_t linux_sys32_rt_sigtimedwait(struct linux_process *p, const uint32_t a[6])
{
	uint64_t timeout = 0, fault;
	if (a[2]) {
		int32_t t[2];
		if (gmem_read(p->cpu.memory, a[2], t, sizeof t, &fault))
			return -EFAULT;
		int64_t w[2] = {t[0], t[1]};
		timeout = linux32_scratch(p, sizeof w);
		if (!timeout || gmem_write(p->cpu.memory, timeout, w, sizeof w, &fault))
			return -EFAULT;
	}
	return timedwait(p, a, timeout);
}

int64_t linux_sys32_rt_sigtimedwait_time64(struct linux_process *p, const uint32_t a[6])
{
	return timedwait(p, a, a[2]);
}
