/* qemu_step.c - stepping the qemu-i386 reference one instruction through
 * qemu's GDB stub. Three ways qemu's stub departs from "one 's', one
 * instruction":
 *
 * - INT 0x80: qemu carries out the system call outside its translated
 *   code and then goes on stepping, so one 's' runs the INT and the next
 *   instruction too (seen on qemu 7.2). A breakpoint ('Z0') where the
 *   system call returns, and 'c' instead of 's' (qemu ignores
 *   breakpoints while single-stepping), stop it right there; for
 *   sigreturn and rt_sigreturn that is the EIP saved in the signal frame.
 *
 * - Signals: the stub reports a guest signal ("T AA" with AA other than
 *   SIGTRAP) before qemu delivers it, with the state at the instruction
 *   (a fault) or before the next one (an asynchronous signal, or one the
 *   system call just made pending). Resuming with plain 's' discards it;
 *   "vCont;S AA" delivers it: qemu builds the frame and runs one handler
 *   instruction; "vCont;C AA" with a breakpoint on the handler stops at
 *   the entry instead, which the engine wants. The handler comes from
 *   the program's own signal/sigaction/rt_sigaction calls, which every
 *   INT 0x80 passes through here (qemu keeps its copy private).
 *
 * - INT3: qemu reports the guest's SIGTRAP exactly like a completed step
 *   and discards it, so it cannot be followed: an error. */
#define _GNU_SOURCE
#include "lockstep/ref_qemu.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#define I386_NR_SIGNAL 48 /* arch/x86/entry/syscalls/syscall_32.tbl */
#define I386_NR_SIGACTION 67
#define I386_NR_SIGRETURN 119
#define I386_NR_RT_SIGRETURN 173
#define I386_NR_RT_SIGACTION 174
#define I386_SA_RESETHAND 0x80000000u
#define I386_SIG_DFL 0
#define I386_SIG_IGN 1

/* Where sigreturn finds the saved EIP, from ESP at the INT 0x80 (the
 * kernel's i386 struct sigframe and struct rt_sigframe): the sigframe's
 * sigcontext starts at ESP (the frame starts at ESP - 8, after pretcode
 * and sig), the rt_sigframe's at ESP + 160 (frame at ESP - 4; pretcode,
 * sig, pinfo, puc, a 128-byte siginfo, then the ucontext's flags, link
 * and 12-byte stack before uc_mcontext). EIP is at offset 56 of struct
 * sigcontext (after gs, fs, es, ds, edi, esi, ebp, esp, ebx, edx, ecx,
 * eax, trapno, err). */
#define SIGFRAME_EIP 56
#define RT_SIGFRAME_EIP (160 + 56)

static int set_breakpoint(struct reference *r, uint32_t addr, int insert, char *err, size_t errlen)
{
	char cmd[40];
	snprintf(cmd, sizeof(cmd), "%c0,%x,1", insert ? 'Z' : 'z', addr);
	return gdb_remote_expect_ok(&r->gdb, cmd, err, errlen);
}

/* Sends a resume command and parses its stop reply. */
static int resume(struct reference *r, const char *cmd, struct gdb_stop *stop, char *err, size_t errlen)
{
	r->regs_valid = 0;
	/* No deadline: the instruction may be a system call that blocks
	 * (reading uopsim's stdin, sleeping); if qemu dies, the connection
	 * closes and the read fails. */
	if (gdb_remote_exchange(&r->gdb, cmd, 0, err, errlen) < 0)
		return -1;
	return gdb_parse_stop(r->gdb.reply, r->gdb.reply_len, stop, err, errlen);
}

static enum ref_stop finish(struct reference *r, int status, int *out)
{
	r->finished = 1;
	r->regs_valid = 0;
	*out = status;
	/* qemu exits once its W or X is acknowledged; reap it (give it a
	 * second, then kill it: destroy must not hang). */
	char ignored[64];
	gdb_remote_flush_ack(&r->gdb, ignored, sizeof(ignored));
	for (int i = 0; r->pid && i < 200; i++) {
		if (waitpid(r->pid, NULL, WNOHANG) == r->pid)
			r->pid = 0;
		else
			qemu_sleep_ms(5);
	}
	return REF_EXITED;
}

/* W or X: the program ended. */
static enum ref_stop ended(struct reference *r, const struct gdb_stop *stop, int *out)
{
	if (stop->kind == GDB_STOP_EXITED)
		return finish(r, stop->value, out);
	int sig = gdb_signal_to_linux(stop->value);
	return finish(r, 128 + (sig > 0 ? sig : 0), out);
}

/* Signals whose default action is to do nothing (signal(7)); SIGCONT's
 * "continue" is nothing for a running program. */
static int ignored_by_default(int sig)
{
	return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT;
}

/* Signals that report a fault of the instruction. */
static int is_fault_signal(int sig)
{
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL;
}

static enum ref_stop step_instruction(struct reference *r, int *out, char *err, size_t errlen);

/* The stub has reported GDB signal gsig, not yet delivered. Delivers it
 * the way the kernel would and reports it as `kind` (REF_FAULT or
 * REF_SIGNAL). */
static enum ref_stop deliver(struct reference *r, int gsig, enum ref_stop kind, int *out, char *err,
                             size_t errlen)
{
	struct gdb_stop stop;
	char cmd[32];
	int sig = gdb_signal_to_linux(gsig);
	if (sig <= 0 || sig > 64) {
		qemu_fail(err, errlen, "qemu's stub reported GDB signal %d, which Linux does not have", gsig);
		return REF_ERROR;
	}
	uint32_t handler = r->handler[sig];
	if (handler == I386_SIG_IGN || (handler == I386_SIG_DFL && ignored_by_default(sig))) {
		/* Ignored (a fault cannot be: the kernel then forces the
		 * default action, as qemu does). Plain 's' discards it. */
		if (kind == REF_SIGNAL)
			return step_instruction(r, out, err, errlen);
		handler = I386_SIG_DFL;
	}
	if (handler == I386_SIG_DFL) {
		/* The default action kills the program: report the state at
		 * the instruction; the next step delivers it. */
		r->fatal_gsig = gsig;
		*out = sig;
		return kind;
	}
	if (set_breakpoint(r, handler, 1, err, errlen) < 0)
		return REF_ERROR;
	/* Continue ('C'), not step: qemu ignores breakpoints while
	 * single-stepping. */
	snprintf(cmd, sizeof(cmd), "vCont;C%02x", gsig);
	if (resume(r, cmd, &stop, err, errlen) < 0)
		return REF_ERROR;
	if (stop.kind != GDB_STOP_SIGNAL)
		return ended(r, &stop, out);
	if (set_breakpoint(r, handler, 0, err, errlen) < 0 || qemu_read_regs(r, err, errlen) < 0)
		return REF_ERROR;
	uint32_t eip = rd32(r->regs + QG_EIP);
	if (stop.value != GDB_SIGTRAP || eip != handler) {
		qemu_fail(
		    err, errlen,
		    "delivering signal %d: qemu stopped with GDB signal %d at 0x%x, not at the handler 0x%x",
		    sig, stop.value, eip, handler);
		return REF_ERROR;
	}
	if (r->handler_flags[sig] & I386_SA_RESETHAND)
		r->handler[sig] = I386_SIG_DFL;
	*out = sig;
	return kind;
}

/* Before an INT 0x80: notes a signal-handler change it asks for, to be
 * recorded if it succeeds. */
struct pending_sigaction {
	int sig; /* 0: none */
	uint32_t handler, flags;
};

static int peek_sigaction(struct reference *r, struct pending_sigaction *pa, char *err, size_t errlen)
{
	uint32_t nr = rd32(r->regs + QG_GPR + 4 * GPR_RAX);
	uint32_t sig = rd32(r->regs + QG_GPR + 4 * GPR_RBX), act = rd32(r->regs + QG_GPR + 4 * GPR_RCX);
	uint32_t w[3];
	*pa = (struct pending_sigaction){0};
	if (sig < 1 || sig > 64)
		return 0;
	if (nr == I386_NR_SIGNAL) {
		pa->sig = (int)sig;
		pa->handler = act;
		pa->flags = I386_SA_RESETHAND; /* signal(2) on Linux: System V semantics */
		return 0;
	}
	if ((nr != I386_NR_SIGACTION && nr != I386_NR_RT_SIGACTION) || act == 0)
		return 0;
	if (qemu_read_memory(r, act, w, sizeof(w), err, errlen) < 0)
		return 0; /* a bad pointer: the call fails with EFAULT */
	/* struct sigaction (rt_sigaction): handler, flags, restorer, mask;
	 * struct old_sigaction (sigaction): handler, mask, flags, restorer. */
	pa->sig = (int)sig;
	pa->handler = w[0];
	pa->flags = nr == I386_NR_RT_SIGACTION ? w[1] : w[2];
	return 0;
}

static enum ref_stop step_syscall(struct reference *r, uint32_t eip, int *out, char *err, size_t errlen)
{
	struct pending_sigaction pa;
	struct gdb_stop stop;
	uint32_t nr = rd32(r->regs + QG_GPR + 4 * GPR_RAX), esp = rd32(r->regs + QG_GPR + 4 * GPR_RSP);
	uint32_t bp[2] = {eip + 2, 0};
	int nbp = 1;
	if (peek_sigaction(r, &pa, err, errlen) < 0)
		return REF_ERROR;
	if (nr == I386_NR_SIGRETURN || nr == I386_NR_RT_SIGRETURN) {
		uint32_t saved;
		uint32_t at = esp + (nr == I386_NR_SIGRETURN ? SIGFRAME_EIP : RT_SIGFRAME_EIP);
		if (qemu_read_memory(r, at, &saved, 4, err, errlen) < 0)
			return REF_ERROR; /* the program would run on unwatched */
		if (saved != bp[0])
			bp[nbp++] = saved;
	}
	for (int i = 0; i < nbp; i++)
		if (set_breakpoint(r, bp[i], 1, err, errlen) < 0)
			return REF_ERROR;
	/* 'c', not 's': qemu ignores breakpoints while single-stepping. */
	if (resume(r, "c", &stop, err, errlen) < 0)
		return REF_ERROR;
	if (stop.kind != GDB_STOP_SIGNAL)
		return ended(r, &stop, out);
	for (int i = 0; i < nbp; i++)
		if (set_breakpoint(r, bp[i], 0, err, errlen) < 0)
			return REF_ERROR;
	if (qemu_read_regs(r, err, errlen) < 0)
		return REF_ERROR;
	uint32_t now = rd32(r->regs + QG_EIP);
	if (now == eip) /* a signal came before the INT 0x80 ran */
		return deliver(r, stop.value, REF_SIGNAL, out, err, errlen);
	if (now != bp[0] && (nbp < 2 || now != bp[1])) {
		qemu_fail(err, errlen,
		          "qemu's step over the INT 0x80 at 0x%x (system call %u) ran on to 0x%x", eip, nr,
		          now);
		return REF_ERROR;
	}
	if (pa.sig && rd32(r->regs + QG_GPR + 4 * GPR_RAX) == 0) {
		r->handler[pa.sig] = pa.handler;
		r->handler_flags[pa.sig] = pa.flags;
	}
	/* A signal the call made pending (raise, kill) is delivered before
	 * the next instruction: at the next step. */
	if (stop.value != GDB_SIGTRAP)
		r->pending_gsig = stop.value;
	return REF_STEPPED;
}

static enum ref_stop step_instruction(struct reference *r, int *out, char *err, size_t errlen)
{
	struct gdb_stop stop;
	uint8_t code[2];
	if (qemu_read_regs(r, err, errlen) < 0)
		return REF_ERROR;
	uint32_t eip = rd32(r->regs + QG_EIP);
	if (qemu_read_memory(r, eip, code, 2, err, errlen) == 0) {
		if (code[0] == 0xcd && code[1] == 0x80)
			return step_syscall(r, eip, out, err, errlen);
		if (code[0] == 0xcc) {
			qemu_fail(err, errlen, "INT3 at 0x%x: qemu's GDB stub swallows the guest's SIGTRAP",
			          eip);
			return REF_ERROR;
		}
	}
	/* (An unreadable EIP faults: plain 's' reports it.) */
	if (resume(r, "s", &stop, err, errlen) < 0)
		return REF_ERROR;
	if (stop.kind != GDB_STOP_SIGNAL)
		return ended(r, &stop, out);
	if (stop.value == GDB_SIGTRAP)
		return REF_STEPPED;
	int sig = gdb_signal_to_linux(stop.value);
	if (is_fault_signal(sig))
		return deliver(r, stop.value, REF_FAULT, out, err, errlen);
	/* An asynchronous signal is reported before the instruction runs;
	 * should qemu report one after it (EIP moved on), it is delivered
	 * before the next instruction instead. */
	if (qemu_read_regs(r, err, errlen) < 0)
		return REF_ERROR;
	if (rd32(r->regs + QG_EIP) != eip) {
		r->pending_gsig = stop.value;
		return REF_STEPPED;
	}
	return deliver(r, stop.value, REF_SIGNAL, out, err, errlen);
}

enum ref_stop qemu_step(struct reference *r, int *out, char *err, size_t errlen)
{
	struct gdb_stop stop;
	char cmd[32];
	if (r->finished) {
		qemu_fail(err, errlen, "the program has exited");
		return REF_ERROR;
	}
	if (r->fatal_gsig) {
		/* Step with the signal: qemu carries out its default action. */
		snprintf(cmd, sizeof(cmd), "vCont;S%02x", r->fatal_gsig);
		int gsig = r->fatal_gsig;
		r->fatal_gsig = 0;
		if (resume(r, cmd, &stop, err, errlen) < 0)
			return REF_ERROR;
		if (stop.kind != GDB_STOP_SIGNAL)
			return ended(r, &stop, out);
		qemu_fail(err, errlen, "GDB signal %d did not end the program as its default action should",
		          gsig);
		return REF_ERROR;
	}
	if (r->pending_gsig) {
		int gsig = r->pending_gsig;
		r->pending_gsig = 0;
		return deliver(r, gsig, REF_SIGNAL, out, err, errlen);
	}
	return step_instruction(r, out, err, errlen);
}
