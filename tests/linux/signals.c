/* signals.c - guest signal delivery (uopsim run against the native run):
 * signals CASE, where CASE is segv, fpe, usr1, alarm, mask, resethand,
 * altstack, trap, misc or wait. Prints what the handlers saw; the output and
 * exit status must be the same natively and under uopsim. */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static sigjmp_buf env;
static volatile sig_atomic_t got;
static volatile int code_seen;
static void *volatile addr_seen;

static void jump_handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	got = sig;
	code_seen = si->si_code;
	addr_seen = si->si_addr;
	siglongjmp(env, 1);
}

static void count_handler(int sig)
{
	got = sig;
}

static volatile double dsink;
static volatile int counter;

static void usr1_handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	/* FP work in the handler must not disturb the interrupted code's. */
	double x = 1.0;
	for (int i = 0; i < 10; i++)
		x = x * 3.5 + 0.25;
	dsink = x;
	counter += 1000;
	got = sig;
	code_seen = si->si_code;
}

static void install(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = fn;
	sa.sa_flags = SA_SIGINFO | flags;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static int case_segv(void)
{
	install(SIGSEGV, jump_handler, 0);
	for (int round = 0; round < 3; round++) {
		if (sigsetjmp(env, 1) == 0) {
			volatile int *p = (volatile int *)(uintptr_t)(round * 8);
			printf("read %d\n", *p);
		} else {
			printf("round %d: caught %d code %d addr %p\n", round, got, code_seen, addr_seen);
		}
	}
	/* A write to a read-only page: SEGV_ACCERR. */
	static const int ro = 5;
	if (sigsetjmp(env, 1) == 0)
		*(volatile int *)&ro = 6;
	else
		printf("write to rodata: caught %d code %d same addr %d\n", got, code_seen,
		       addr_seen == (void *)&ro);
	return 3;
}

static int case_fpe(void)
{
	install(SIGFPE, jump_handler, 0);
	volatile int zero = 0, num = 42;
	if (sigsetjmp(env, 1) == 0)
		printf("quotient %d\n", num / zero);
	else
		printf("caught %d code %d (FPE_INTDIV %d)\n", got, code_seen, FPE_INTDIV);
	volatile long long m = -9223372036854775807LL - 1, m1 = -1;
	if (sigsetjmp(env, 1) == 0)
		printf("quotient %lld\n", m / m1);
	else
		printf("caught %d code %d\n", got, code_seen);
	return 0;
}

static int case_usr1(void)
{
	install(SIGUSR1, usr1_handler, 0);
	double a = 1.0, b = 0.0;
	long acc = 0;
	for (int i = 1; i <= 50; i++) {
		a = a * 1.0625 + 1.0 / i;
		b += a * a;
		acc += i * 7;
		if (i % 10 == 0) {
			raise(SIGUSR1);
			counter++;
		}
	}
	printf("a %.17g b %.17g acc %ld counter %d sig %d code %d handler %.6g\n", a, b, acc, counter, got,
	       code_seen, dsink);
	/* kill() gives SI_USER. */
	kill(getpid(), SIGUSR1);
	printf("kill: counter %d code %d\n", counter, code_seen);
	return 0;
}

static int case_alarm(void)
{
	signal(SIGALRM, count_handler);
	alarm(1);
	pause();
	printf("pause returned after signal %d\n", got);
	got = 0;
	/* A busy loop interrupted by a timer. */
	struct itimerval it = {{0, 0}, {0, 200000}};
	setitimer(ITIMER_REAL, &it, NULL);
	volatile unsigned long n = 0;
	while (!got)
		n++;
	printf("busy loop interrupted by %d\n", got);
	return 0;
}

static void order_handler(int sig)
{
	printf("handler %d\n", sig);
}

static int case_mask(void)
{
	signal(SIGUSR2, count_handler);
	sigset_t set, old, pend;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, &old);
	raise(SIGUSR2);
	sigpending(&pend);
	printf("after raise: got %d pending %d\n", got, sigismember(&pend, SIGUSR2));
	sigprocmask(SIG_SETMASK, &old, NULL);
	printf("after unblock: got %d\n", got);
	got = 0;
	/* sa_mask blocks SIGUSR2 while the SIGUSR1 handler runs. */
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = count_handler;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	printf("got %d\n", got);
	/* Several pending signals unblocked at once: frames nest, the last
	 * one built (the highest signal) runs first. */
	signal(SIGUSR1, order_handler);
	signal(SIGUSR2, order_handler);
	signal(SIGTERM, order_handler);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGTERM);
	sigprocmask(SIG_BLOCK, &set, &old);
	raise(SIGTERM);
	raise(SIGUSR2);
	raise(SIGUSR1);
	sigprocmask(SIG_SETMASK, &old, NULL);
	printf("order done\n");
	signal(SIGUSR2, SIG_IGN);
	raise(SIGUSR2);
	printf("ignored SIGUSR2, still here\n");
	return 7;
}

static int case_resethand(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = count_handler;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	printf("first: got %d\n", got);
	struct sigaction now;
	sigaction(SIGUSR1, NULL, &now);
	printf("handler reset: %d\n", now.sa_handler == SIG_DFL);
	fflush(stdout);
	raise(SIGUSR1); /* default action: the process ends by SIGUSR1 */
	printf("not reached\n");
	return 0;
}

static char altstack[65536];
static volatile uintptr_t handler_sp;

static void alt_handler(int sig)
{
	int local;
	handler_sp = (uintptr_t)&local;
	got = sig;
}

static int case_altstack(void)
{
	stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0};
	sigaltstack(&ss, NULL);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = alt_handler;
	sa.sa_flags = SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	printf("on alt stack: %d\n",
	       handler_sp >= (uintptr_t)altstack && handler_sp < (uintptr_t)(altstack + sizeof altstack));
	stack_t cur;
	sigaltstack(NULL, &cur);
	printf("flags %d size %zu\n", cur.ss_flags, cur.ss_size);
	return 0;
}

static int case_trap(void)
{
	install(SIGTRAP, jump_handler, 0);
	if (sigsetjmp(env, 1) == 0)
		__asm__ volatile("int3");
	printf("trap: caught %d code %d\n", got, code_seen);
	install(SIGILL, jump_handler, 0);
	if (sigsetjmp(env, 1) == 0)
		__asm__ volatile("ud2");
	printf("ill: caught %d code %d\n", got, code_seen);
	return 0;
}

static volatile int depth, max_depth;

static void nested_handler(int sig)
{
	depth++;
	if (depth > max_depth)
		max_depth = depth;
	if (depth < 3)
		raise(sig); /* SA_NODEFER: runs at once, on a nested frame */
	depth--;
}

static int case_misc(void)
{
	/* SIGPIPE with a handler: write fails with EPIPE after the handler. */
	signal(SIGPIPE, count_handler);
	int fd[2];
	if (pipe(fd))
		return 1;
	close(fd[0]);
	ssize_t r = write(fd[1], "x", 1);
	printf("write %zd, got %d\n", r, got);
	got = 0;
	/* A blocking read interrupted by a handler without SA_RESTART: EINTR. */
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = count_handler;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	int fd2[2];
	if (pipe(fd2))
		return 1;
	struct itimerval it = {{0, 0}, {0, 100000}};
	setitimer(ITIMER_REAL, &it, NULL);
	char c;
	r = read(fd2[0], &c, 1);
	printf("read %zd (EINTR %d), got %d\n", r, r < 0 && errno == EINTR, got);
	/* SA_NODEFER: the handler nests. */
	sa.sa_handler = nested_handler;
	sa.sa_flags = SA_NODEFER;
	sigaction(SIGUSR2, &sa, NULL);
	raise(SIGUSR2);
	printf("max depth %d\n", max_depth);
	/* Setting SIG_IGN discards a pending signal. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGUSR1);
	signal(SIGUSR1, SIG_IGN);
	sigpending(&set);
	printf("pending after SIG_IGN: %d\n", sigismember(&set, SIGUSR1));
	/* abort() with a SIGABRT handler that returns: the process still ends by SIGABRT. */
	signal(SIGABRT, count_handler);
	fflush(stdout);
	abort();
}

static int case_wait(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGALRM);
	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGUSR1);
	int sig = 0;
	int r = sigwait(&set, &sig);
	printf("sigwait %d sig %d\n", r, sig);
	struct timespec zero = {0, 0};
	siginfo_t si;
	r = sigtimedwait(&set, &si, &zero);
	printf("sigtimedwait (nothing pending) %d EAGAIN %d\n", r, r < 0 && errno == EAGAIN);
	alarm(1);
	r = sigwaitinfo(&set, &si);
	printf("sigwaitinfo %d code %d\n", r, si.si_code);
	return 0;
}

int main(int argc, char **argv)
{
	const char *c = argc > 1 ? argv[1] : "";
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!strcmp(c, "segv"))
		return case_segv();
	if (!strcmp(c, "fpe"))
		return case_fpe();
	if (!strcmp(c, "usr1"))
		return case_usr1();
	if (!strcmp(c, "alarm"))
		return case_alarm();
	if (!strcmp(c, "mask"))
		return case_mask();
	if (!strcmp(c, "resethand"))
		return case_resethand();
	if (!strcmp(c, "altstack"))
		return case_altstack();
	if (!strcmp(c, "trap"))
		return case_trap();
	if (!strcmp(c, "misc"))
		return case_misc();
	if (!strcmp(c, "wait"))
		return case_wait();
	fprintf(stderr, "usage: signals segv|fpe|usr1|alarm|mask|resethand|altstack|trap|misc|wait\n");
	return 2;
}
