/* sigframe32.c - the i386 signal frame as a handler sees it (build with
 * gcc -m32; uopsim run against qemu-i386, since this kernel cannot run it):
 * the sigcontext of a handler without SA_SIGINFO (struct sigframe, then
 * sigreturn), the ucontext of an SA_SIGINFO handler (struct rt_sigframe,
 * then rt_sigreturn), the FPU state's fsave header and fxsave part, and
 * registers and FPU state changed in the frame reaching the interrupted
 * code. Prints only what the kernel's layout fixes. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ucontext.h>
#include <unistd.h>

#if !defined(__i386__)
#error "build with -m32"
#endif

static volatile uint32_t entry_sp;

/* A handler without SA_SIGINFO: struct sigframe is pretcode (the return
 * address), sig, then struct sigcontext, found here from the frame
 * pointer (saved EBP, return address, sig). */
static void plain_handler(int sig)
{
	struct sigcontext *frame_sc = (struct sigcontext *)((char *)__builtin_frame_address(0) + 12);
	struct sigcontext sc = *frame_sc;
	printf("plain: sig %d eax %#lx ebx==pid %d esi %#lx edi %#lx\n", sig, sc.eax, sc.ebx == (unsigned)getpid(),
	       sc.esi, sc.edi);
	printf("plain: cs %#x ds %#x ss %#x esp==esp_at_signal %d fpstate %d\n", sc.cs, sc.ds, sc.ss,
	       sc.esp == sc.esp_at_signal, sc.fpstate != 0);
	if (sc.fpstate) {
		struct _fpstate *fp = sc.fpstate;
		printf("plain: fp cw %#x magic %#x status==sw %d mxcsr %#x\n", (unsigned)fp->cw & 0xffff, fp->magic,
		       fp->status == (fp->sw & 0xffff), fp->mxcsr);
	}
	/* The frame's registers are what sigreturn restores. */
	((volatile struct sigcontext *)frame_sc)->ebx = 0x5eb0;
}

static void info_handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	greg_t *g = uc->uc_mcontext.gregs;
	printf("info: sig %d code %d addr %p\n", sig, si->si_code, si->si_addr);
	printf("info: eax %#x ecx %#x edx %#x\n", g[REG_EAX], g[REG_ECX], g[REG_EDX]);
	printf("info: eip at the fault %d blocked USR2 %d uc_stack flags %d\n", g[REG_EIP] != 0,
	       sigismember(&uc->uc_sigmask, SIGUSR2), uc->uc_stack.ss_flags);
	struct _libc_fpstate *fp = uc->uc_mcontext.fpregs;
	printf("info: fp cw %#lx sw-top %lu tag %#lx magic %#x\n", fp->cw & 0xffff, (fp->sw >> 11) & 7,
	       fp->tag & 0xffff, ((struct _fpstate *)fp)->magic);
	long double top;
	memcpy(&top, &fp->_st[0], 10);
	printf("info: st0 %.3Lf mxcsr %#x\n", top, (unsigned)((struct _fpstate *)fp)->mxcsr);
	/* Skip the faulting 2-byte `mov %eax,(%ecx)` and change what the
	 * interrupted code will see: EAX, the x87 control word and MXCSR.
	 * The kernel takes the x87 state from the fsave header, qemu-i386
	 * from the fxsave part: the control word is changed in both. */
	g[REG_EIP] += 2;
	g[REG_EAX] = 0x600d;
	struct _fpstate *full = (struct _fpstate *)fp;
	fp->cw = 0xffff027f;
	full->_fxsr_env[0] = (full->_fxsr_env[0] & 0xffff0000u) | 0x27f;
	full->mxcsr = 0x1fa0;
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	/* sigframe and sigreturn. */
	signal(SIGUSR1, plain_handler);
	uint32_t ebx;
	__asm__ volatile("movl $0x1234, %%ebx\n\t"
	                 "movl $0x5151, %%esi\n\t"
	                 "movl $0xd1d1, %%edi\n\t"
	                 "movl %[nr], %%eax\n\t"
	                 "movl %[pid], %%ebx\n\t"
	                 "movl %[sig], %%ecx\n\t"
	                 "int $0x80\n\t"
	                 "movl %%ebx, %[out]"
	                 : [out] "=m"(ebx)
	                 : [nr] "i"(37 /* kill */), [pid] "r"(getpid()), [sig] "i"(SIGUSR1)
	                 : "eax", "ebx", "ecx", "esi", "edi", "memory");
	printf("after sigreturn: ebx %#x\n", ebx);

	/* rt_sigframe and rt_sigreturn, for a fault. */
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = info_handler;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	sigaction(SIGSEGV, &sa, NULL);
	uint16_t cw_before = 0x37f, cw_after;
	uint32_t mxcsr = 0x1f80, mxcsr_after, eax;
	__asm__ volatile("fldcw %0\n\tldmxcsr %1" : : "m"(cw_before), "m"(mxcsr));
	__asm__ volatile("fld1\n\t"
	                 "fadd %%st(0), %%st(0)\n\t"
	                 "movl $0xaaaa, %%eax\n\t"
	                 "movl $0x40, %%ecx\n\t"
	                 "movl $0xdddd, %%edx\n\t"
	                 "movl %%eax, (%%ecx)\n\t" /* SIGSEGV at address 0x40 */
	                 "movl %%eax, %[eax]\n\t"
	                 "fstp %%st(0)\n\t"
	                 "fnstcw %[cw]\n\t"
	                 "stmxcsr %[mx]"
	                 : [eax] "=m"(eax), [cw] "=m"(cw_after), [mx] "=m"(mxcsr_after)
	                 :
	                 : "eax", "ecx", "edx", "memory");
	printf("after rt_sigreturn: eax %#x cw %#x mxcsr %#x\n", eax, cw_after, mxcsr_after);
	sigset_t now;
	sigprocmask(SIG_SETMASK, NULL, &now);
	printf("mask restored: USR2 blocked %d\n", sigismember(&now, SIGUSR2));
	return 0;
}
