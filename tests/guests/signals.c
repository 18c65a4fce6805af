/* signals.c - POSIX signals as a program uses them: sigaction handlers
 * run by raise() and kill(), SA_SIGINFO details, blocked signals left
 * pending and delivered on unblocking, SA_RESETHAND and SA_NODEFER,
 * a handler interrupted by another signal, alarm() and SIGALRM from a
 * real-time interval timer waited for with sigsuspend, and handlers that
 * siglongjmp out of SIGSEGV (a store to an unmapped page) and SIGFPE (an
 * integer division by zero) back into the program. Each handler only
 * records into a volatile log; main prints it. The output is the same for
 * -m32 and -m64. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

/* What the handlers saw, printed by main (printf is not async-signal-safe). */
static volatile sig_atomic_t log_[64];
static volatile sig_atomic_t nlog;
static sigjmp_buf recover;
static volatile uintptr_t fault_addr, expected_addr;
static volatile sig_atomic_t fault_code;

static void note(int v)
{
	if (nlog < 64)
		log_[nlog++] = v;
}

static void print_log(const char *what)
{
	printf("%s:", what);
	for (int i = 0; i < nlog; i++)
		printf(" %d", (int)log_[i]);
	printf("\n");
	nlog = 0;
}

static void plain(int sig)
{
	note(sig);
}

static void with_info(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	note(sig);
	note(si->si_signo);
	note(si->si_code == SI_TKILL || si->si_code == SI_USER ? 1 : si->si_code == SI_KERNEL ? 2 : 3);
	note(si->si_pid == getpid());
}

/* SIGUSR1's handler raises SIGUSR2: with SIGUSR2 in sa_mask it runs
 * after SIGUSR1's handler returns, without, inside it. */
static void outer(int sig)
{
	note(sig * 100);
	raise(SIGUSR2);
	note(sig * 100 + 1);
}

static int depth;

static void reentrant(int sig)
{
	note(sig * 1000 + depth);
	if (depth++ < 3)
		raise(sig); /* SA_NODEFER: delivered again at once */
}

static void to_recover(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	fault_addr = (uintptr_t)si->si_addr;
	fault_code = si->si_code;
	siglongjmp(recover, sig);
}

static void install(int sig, void (*h)(int), int flags, int masked)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = h;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	if (masked)
		sigaddset(&sa.sa_mask, masked);
	if (sigaction(sig, &sa, NULL) != 0)
		printf("sigaction(%d) failed\n", sig);
}

static void install_info(int sig, void (*h)(int, siginfo_t *, void *))
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = h;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, NULL) != 0)
		printf("sigaction(%d) failed\n", sig);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);

	install(SIGUSR1, plain, 0, 0);
	install(SIGUSR2, plain, 0, 0);
	raise(SIGUSR1);
	kill(getpid(), SIGUSR2);
	raise(SIGUSR1);
	print_log("raise and kill");

	struct sigaction old;
	sigaction(SIGUSR1, NULL, &old);
	printf("sigaction reads back: handler is plain %d, flags have SA_SIGINFO %d\n", old.sa_handler == plain,
	       (old.sa_flags & SA_SIGINFO) != 0);

	install_info(SIGUSR1, with_info);
	raise(SIGUSR1);
	kill(getpid(), SIGUSR1);
	print_log("SA_SIGINFO (sig, si_signo, user code, si_pid)");

	/* Blocked: pending until unblocked, and delivered once. */
	sigset_t set, pending;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGUSR2);
	raise(SIGUSR2);
	sigpending(&pending);
	printf("pending while blocked: USR2 %d USR1 %d, handled so far %d\n", sigismember(&pending, SIGUSR2),
	       sigismember(&pending, SIGUSR1), (int)nlog);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	print_log("after unblocking (once)");

	/* Ignored signals vanish; SIG_DFL for SIGCHLD/SIGURG ignores too. */
	signal(SIGUSR2, SIG_IGN);
	raise(SIGUSR2);
	signal(SIGURG, SIG_DFL);
	raise(SIGURG);
	print_log("ignored (nothing)");

	/* sa_mask: the inner signal waits for the outer handler. */
	install(SIGUSR2, plain, 0, 0);
	install(SIGUSR1, outer, 0, SIGUSR2);
	raise(SIGUSR1);
	print_log("USR2 in sa_mask (100*USR1, 100*USR1+1, USR2)");
	install(SIGUSR1, outer, 0, 0);
	raise(SIGUSR1);
	print_log("USR2 not masked (100*USR1, USR2, 100*USR1+1)");

	/* SA_NODEFER and SA_RESETHAND. */
	install(SIGUSR1, reentrant, SA_NODEFER, 0);
	raise(SIGUSR1);
	print_log("SA_NODEFER, nested four deep");
	install(SIGUSR1, plain, SA_RESETHAND, 0);
	raise(SIGUSR1);
	sigaction(SIGUSR1, NULL, &old);
	printf("SA_RESETHAND: handler now SIG_DFL %d\n", old.sa_handler == SIG_DFL);
	print_log("SA_RESETHAND ran once");

	/* alarm(): the previous alarm's remaining seconds. */
	unsigned a0 = alarm(30);
	unsigned a1 = alarm(0);
	printf("alarm: %u then %u\n", a0, a1);

	/* SIGALRM from ITIMER_REAL, waited for with sigsuspend. */
	install(SIGALRM, plain, 0, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	sigset_t orig;
	sigprocmask(SIG_BLOCK, &set, &orig);
	struct itimerval it = {{0, 0}, {0, 20000}};
	setitimer(ITIMER_REAL, &it, NULL);
	int r = sigsuspend(&orig);
	sigprocmask(SIG_SETMASK, &orig, NULL);
	printf("sigsuspend returned %d\n", r);
	print_log("SIGALRM from setitimer");
	/* A periodic timer: SIGALRM stays blocked except inside sigsuspend,
	 * so each wait runs the handler exactly once however late we are
	 * (a blocked signal is pending at most once); a tick left pending at
	 * the end is discarded by SIG_IGN. */
	sigprocmask(SIG_BLOCK, &set, &orig);
	it.it_value.tv_usec = 10000;
	it.it_interval.tv_usec = 10000;
	setitimer(ITIMER_REAL, &it, NULL);
	for (int ticks = 0; ticks < 3; ticks++)
		sigsuspend(&orig);
	memset(&it, 0, sizeof it);
	setitimer(ITIMER_REAL, &it, NULL);
	signal(SIGALRM, SIG_IGN);
	sigprocmask(SIG_SETMASK, &orig, NULL);
	print_log("three periodic SIGALRMs");

	/* Out of a SIGSEGV and a SIGFPE by siglongjmp. */
	install_info(SIGSEGV, to_recover);
	install_info(SIGFPE, to_recover);
	for (int round = 0; round < 3; round++) {
		int sig = sigsetjmp(recover, 1);
		if (sig == 0) {
			expected_addr = 16 + 4096 * (uintptr_t)round;
			*(volatile int *)expected_addr = round;
			printf("store did not fault\n");
		} else {
			printf("round %d: recovered from signal %d, si_addr %s, code %s\n", round, sig,
			       fault_addr == expected_addr ? "right" : "WRONG", fault_code == SEGV_MAPERR ? "SEGV_MAPERR" : "other");
		}
	}
	volatile int zero = 0, num = 7;
	int sig = sigsetjmp(recover, 1);
	if (sig == 0)
		printf("7 / 0 = %d\n", num / zero);
	else
		printf("division by zero: signal %d, code %s\n", sig, fault_code == FPE_INTDIV ? "FPE_INTDIV" : "other");
	sigprocmask(SIG_BLOCK, NULL, &set);
	printf("after siglongjmp out of handlers: SEGV blocked %d FPE blocked %d\n", sigismember(&set, SIGSEGV),
	       sigismember(&set, SIGFPE));

	/* The default action ends the program: the driver checks the exit
	 * status (128 + SIGTERM from the shell). */
	signal(SIGTERM, SIG_DFL);
	printf("raising SIGTERM\n");
	raise(SIGTERM);
	printf("not reached\n");
	return 0;
}
