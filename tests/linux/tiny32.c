/* tiny32.c - a small i386 program without a C library, for `uopsim
 * lockstep` against qemu-i386 (tests/linux/lockstep32.sh), where every
 * instruction costs a GDB-stub round trip: a few hundred instructions of
 * system calls (int 0x80), string instructions, x87 and SSE, a signal
 * handler entered and left through sigreturn; with the argument "alarm",
 * timer signals that arrive while it loops; with "fault", a fault that
 * kills it (status 139).
 *   gcc -m32 -msse2 -static -nostdlib -fno-pie -no-pie -O1 -fno-stack-protector tiny32.c */
typedef unsigned int u32;

static long sys3(long nr, long a, long b, long c)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "0"(nr), "b"(a), "c"(b), "d"(c) : "memory");
	return r;
}

static long sys4(long nr, long a, long b, long c, long d)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "0"(nr), "b"(a), "c"(b), "d"(c), "S"(d) : "memory");
	return r;
}

enum { NR_EXIT = 1, NR_WRITE = 4, NR_GETPID = 20, NR_KILL = 37, NR_SETITIMER = 104, NR_RT_SIGACTION = 174 };
enum { SIGUSR1 = 10, SIGALRM = 14, SA_RESTORER = 0x04000000 };

static void say(const char *s)
{
	long n = 0;
	while (s[n])
		n++;
	sys3(NR_WRITE, 1, (long)s, n);
}

static volatile int got_signal, alarms;

static void handler(int sig)
{
	got_signal = sig;
	if (sig == SIGALRM)
		alarms++;
}

/* Without SA_SIGINFO the kernel builds the old-style frame, left through
 * sigreturn (119) after popping the signal number, as glibc's __restore
 * does. */
extern void restorer(void);
__asm__(".text\n"
        "restorer:\n"
        "\tpopl %eax\n"
        "\tmovl $119, %eax\n"
        "\tint $0x80\n");

struct kernel_sigaction {
	void (*handler)(int);
	u32 flags;
	void (*restorer)(void);
	u32 mask[2];
};

static int x87_and_sse(void)
{
	int three = 3, ok = 1;
	double third;
	/* (No FNSTSW: qemu 7.2 leaves C1 clear where the CPU sets it.) */
	__asm__ volatile("fninit\n\tfld1\n\tfildl %1\n\tfdivr %%st(1), %%st\n\tfstpl %0\n\tfstp %%st(0)"
	                 : "=m"(third)
	                 : "m"(three));
	ok &= third > 0.333 && third < 0.334;
	u32 v[4] = {1, 2, 3, 4}, w[4] = {10, 20, 30, 40};
	__asm__ volatile(
	    "movdqu %1, %%xmm0\n\tmovdqu %0, %%xmm1\n\tpaddd %%xmm1, %%xmm0\n\tpshufd $0x1b, %%xmm0, %%xmm0\n"
	    "\tmovdqu %%xmm0, %0"
	    : "+m"(v)
	    : "m"(w)
	    : "xmm0", "xmm1");
	ok &= v[0] == 44 && v[3] == 11;
	return ok;
}

static int strings(void)
{
	char src[32] = "lockstep string test", dst[32];
	char *s = src, *d = dst;
	int n = 21;
	__asm__ volatile("cld\n\trep movsb" : "+S"(s), "+D"(d), "+c"(n) : : "memory");
	int same = 1;
	for (int i = 0; i < 21; i++)
		same &= src[i] == dst[i];
	return same;
}

/* Asynchronous signals: a 100 ms interval timer (wall clock: under
 * lockstep the program runs some thousand times slower, so the interval
 * must leave room for a few hundred instructions between signals) and a
 * loop that waits for three of them. */
static int timer(void)
{
	struct kernel_sigaction sa = {handler, SA_RESTORER, restorer, {0, 0}};
	int ok = sys4(NR_RT_SIGACTION, SIGALRM, (long)&sa, 0, 8) == 0;
	long every[4] = {0, 100000, 0, 100000}, off[4] = {0, 0, 0, 0}; /* struct itimerval */
	ok &= sys3(NR_SETITIMER, 0 /* ITIMER_REAL */, (long)every, 0) == 0;
	while (alarms < 3)
		;
	sys3(NR_SETITIMER, 0, (long)off, 0);
	return ok;
}

int main32(u32 *sp)
{
	u32 argc = sp[0];
	char **argv = (char **)(sp + 1);
	int ok = 1;
	say("tiny32: start\n");
	ok &= x87_and_sse();
	ok &= strings();
	struct kernel_sigaction sa = {handler, SA_RESTORER, restorer, {0, 0}};
	ok &= sys4(NR_RT_SIGACTION, SIGUSR1, (long)&sa, 0, 8) == 0;
	sys3(NR_KILL, sys3(NR_GETPID, 0, 0, 0), SIGUSR1, 0);
	ok &= got_signal == SIGUSR1;
	if (argc > 1 && argv[1][0] == 'a')
		ok &= timer();
	say(ok ? "tiny32: ok\n" : "tiny32: WRONG\n");
	if (argc > 1 && argv[1][0] == 'f')
		*(volatile int *)16 = 1; /* SIGSEGV, default action: killed */
	return ok ? 0 : 1;
}

__asm__(".text\n"
        ".globl _start\n"
        "_start:\n"
        "\tpushl %esp\n"
        "\tcall main32\n"
        "\tmovl %eax, %ebx\n"
        "\tmovl $1, %eax\n"
        "\tint $0x80\n");
