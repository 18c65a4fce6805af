/* calls.c - system calls whose structures differ between i386 and x86-64
 * (sockets and control messages, sysinfo, statfs, rusage, time64 and
 * 32-bit timespecs, utimensat, truncate64, ids, record and OFD locks,
 * select/pselect/ppoll, AT_MINSIGSTKSZ). Built -m32 it runs under uopsim; built for
 * x86-64 it runs natively and under uopsim: the output (only what does
 * not depend on the architecture) and the exit status must agree. */
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64
#include <cpuid.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void sockets(void)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) {
		printf("socketpair failed %d\n", errno);
		return;
	}
	/* send/recv and a struct timeval socket option. */
	printf("send %zd\n", send(sv[0], "ping", 4, 0));
	char buf[64] = {0};
	printf("recv %zd %s\n", recv(sv[1], buf, sizeof buf, 0), buf);
	/* (The sandboxes this runs in do not all report SO_RCVTIMEO back.) */
	struct timeval tv = {2, 500000};
	printf("setsockopt %d\n", setsockopt(sv[1], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv));
	int type = 0;
	socklen_t len = sizeof type;
	getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &type, &len);
	printf("SO_TYPE %d\n", type);

	/* sendmsg with two iovecs and a descriptor (SCM_RIGHTS), recvmsg. */
	int p[2];
	if (pipe(p) < 0)
		return;
	struct iovec iov[2] = {{"hel", 3}, {"lo", 2}};
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} u;
	memset(&u, 0, sizeof u);
	struct msghdr m = {.msg_iov = iov, .msg_iovlen = 2, .msg_control = u.buf, .msg_controllen = sizeof u.buf};
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &p[1], sizeof(int));
	printf("sendmsg %zd\n", sendmsg(sv[0], &m, 0));
	char a[3] = {0}, b[8] = {0};
	struct iovec riov[2] = {{a, 2}, {b, sizeof b - 1}};
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} r;
	memset(&r, 0, sizeof r);
	struct msghdr rm = {.msg_iov = riov, .msg_iovlen = 2, .msg_control = r.buf, .msg_controllen = sizeof r.buf};
	ssize_t n = recvmsg(sv[1], &rm, 0);
	struct cmsghdr *rc = CMSG_FIRSTHDR(&rm);
	printf("recvmsg %zd '%s' '%s' flags %d control %d\n", n, a, b, rm.msg_flags,
	       rc && rc->cmsg_level == SOL_SOCKET && rc->cmsg_type == SCM_RIGHTS &&
	           rc->cmsg_len == CMSG_LEN(sizeof(int)));
	if (rc) {
		int fd;
		memcpy(&fd, CMSG_DATA(rc), sizeof fd);
		printf("write via passed fd %zd\n", write(fd, "x", 1));
		char x = 0;
		ssize_t got = read(p[0], &x, 1);
		printf("read back %zd %c\n", got, x);
		close(fd);
	}
	close(p[0]);
	close(p[1]);
	printf("shutdown %d\n", shutdown(sv[0], SHUT_WR));
	printf("recv after shutdown %zd\n", recv(sv[1], buf, sizeof buf, 0));
	close(sv[0]);
	close(sv[1]);
}

static void files(void)
{
	char path[] = "/tmp/uopsim-calls-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return;
	struct statfs a, b;
	int ra = statfs(path, &a), rb = fstatfs(fd, &b);
	printf("statfs %d fstatfs %d same type %d same bsize %d\n", ra, rb, a.f_type == b.f_type,
	       a.f_bsize == b.f_bsize);
	printf("truncate %d ", truncate(path, 5000000000LL));
	struct stat st;
	fstat(fd, &st);
	printf("size %lld\n", (long long)st.st_size);
	struct timespec ts[2] = {{1000000000, 5}, {1234567890, 123456789}};
	printf("utimensat %d ", utimensat(AT_FDCWD, path, ts, 0));
	stat(path, &st);
	printf("mtime %lld.%09ld\n", (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
	struct timespec one[2] = {{0, UTIME_OMIT}, {42, 0}};
	printf("futimens %d ", futimens(fd, one));
	fstat(fd, &st);
	printf("mtime %lld atime %lld\n", (long long)st.st_mtim.tv_sec, (long long)st.st_atim.tv_sec);
	printf("flock %d unlock %d\n", flock(fd, LOCK_EX), flock(fd, LOCK_UN));
	/* A record lock seen from a child (fcntl64 F_SETLK64/F_GETLK64, and
	 * waitid with its siginfo). */
	struct flock lk = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 10, .l_len = 20};
	printf("F_SETLK %d\n", fcntl(fd, F_SETLK, &lk));
	fflush(stdout);
	pid_t parent = getpid(), child = fork();
	if (child == 0) {
		struct flock q = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 100};
		int r = fcntl(fd, F_GETLK, &q);
		printf("child F_GETLK %d type %d start %lld len %lld by parent %d\n", r, q.l_type,
		       (long long)q.l_start, (long long)q.l_len, q.l_pid == parent);
		_exit(4);
	}
	siginfo_t si;
	memset(&si, 0, sizeof si);
	int wr = waitid(P_PID, (id_t)child, &si, WEXITED);
	printf("waitid %d signo %d code %d status %d same pid %d\n", wr, si.si_signo, si.si_code, si.si_status,
	       si.si_pid == child);
	/* Open file description locks: another open of the file conflicts
	 * with a write lock (l_pid -1 for an OFD lock), the same one does not;
	 * F_SETLKW takes a free range. */
	struct flock ofd = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 4};
	printf("F_OFD_SETLK %d\n", fcntl(fd, F_OFD_SETLK, &ofd));
	int other = open(path, O_RDWR);
	struct flock q = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 2, .l_len = 1};
	int r = fcntl(other, F_OFD_GETLK, &q);
	printf("F_OFD_GETLK %d type %d start %lld len %lld pid %d\n", r, q.l_type, (long long)q.l_start,
	       (long long)q.l_len, q.l_pid);
	q = (struct flock){.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 2, .l_len = 1};
	r = fcntl(other, F_OFD_SETLK, &q);
	printf("conflicting F_OFD_SETLK %d EAGAIN %d\n", r, r < 0 && errno == EAGAIN);
	q.l_start = 100;
	printf("F_OFD_SETLKW on a free range %d\n", fcntl(other, F_OFD_SETLKW, &q));
	struct flock bad = {.l_type = 99, .l_whence = SEEK_SET};
	r = fcntl(fd, F_SETLK, &bad);
	printf("F_SETLK bad type %d EINVAL %d\n", r, r < 0 && errno == EINVAL);
	close(other);
	close(fd);
	unlink(path);
}

/* select, pselect, ppoll (i386: _newselect or pselect6, ppoll and
 * their time64 variants); popen and system (posix_spawn: clone with
 * CLONE_VM | CLONE_VFORK). */
static void waiting(void)
{
	int fd[2];
	if (pipe(fd) < 0)
		return;
	fd_set rs;
	FD_ZERO(&rs);
	FD_SET(fd[0], &rs);
	struct timeval tv = {0, 20000};
	int n = select(fd[0] + 1, &rs, NULL, NULL, &tv);
	printf("select (empty pipe) %d isset %d time left %lld %lld\n", n, FD_ISSET(fd[0], &rs),
	       (long long)tv.tv_sec, (long long)tv.tv_usec);
	errno = 0;
	n = select(-1, NULL, NULL, NULL, &tv);
	printf("select n=-1 %d EINVAL %d\n", n, errno == EINVAL);
	if (write(fd[1], "z", 1) != 1)
		return;
	FD_ZERO(&rs);
	FD_SET(fd[0], &rs);
	tv = (struct timeval){1, 0};
	n = select(fd[0] + 1, &rs, NULL, NULL, &tv);
	printf("select %d isset %d time left written back %d\n", n, FD_ISSET(fd[0], &rs),
	       tv.tv_sec == 0 && tv.tv_usec > 500000);
	/* The select call itself (glibc's select uses pselect6): x86-64's
	 * select (23), i386's _newselect (142). */
#ifdef SYS__newselect
	long nr_select = SYS__newselect;
#else
	long nr_select = SYS_select;
#endif
	FD_ZERO(&rs);
	FD_SET(fd[0], &rs);
	tv = (struct timeval){3, 0};
	n = (int)syscall(nr_select, fd[0] + 1, &rs, NULL, NULL, &tv);
	printf("select call %d isset %d time left written back %d\n", n, FD_ISSET(fd[0], &rs),
	       tv.tv_sec == 2 && tv.tv_usec > 500000);
	struct pollfd pf = {fd[0], POLLIN, 0};
	n = poll(&pf, 1, 100);
	printf("poll %d revents %d\n", n, pf.revents);
	struct timespec ts = {0, 1000};
	sigset_t none;
	sigemptyset(&none);
	pf.revents = 0;
	n = ppoll(&pf, 1, &ts, &none);
	printf("ppoll %d revents %d\n", n, pf.revents);
	/* A sigset size other than the kernel's 8 bytes: EINVAL. */
	n = (int)syscall(SYS_ppoll, &pf, 1, &ts, &none, 4);
	printf("ppoll sigsetsize 4 %d EINVAL %d\n", n, n < 0 && errno == EINVAL);
	FD_ZERO(&rs);
	FD_SET(fd[0], &rs);
	n = pselect(fd[0] + 1, &rs, NULL, NULL, &ts, &none);
	printf("pselect %d isset %d\n", n, FD_ISSET(fd[0], &rs));
	close(fd[0]);
	close(fd[1]);
	FILE *p = popen("echo from-popen", "r");
	char buf[64];
	if (p && fgets(buf, sizeof buf, p))
		printf("popen: %s", buf);
	if (p)
		printf("pclose %d\n", pclose(p));
	printf("system %d\n", system("exit 3"));
}

static volatile int alarms;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

/* A blocking read cut short by a SA_RESTART handler is restarted (the
 * i386 `int 0x80` re-executed with the call's number in EAX). */
static void restart(void)
{
	int fd[2];
	if (pipe(fd) < 0)
		return;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	fflush(stdout);
	pid_t child = fork();
	if (child == 0) {
		struct timespec t = {0, 300000000};
		nanosleep(&t, NULL);
		_exit(write(fd[1], "r", 1) == 1 ? 0 : 1);
	}
	struct itimerval it = {{0, 0}, {0, 100000}};
	setitimer(ITIMER_REAL, &it, NULL);
	char c = 0;
	ssize_t n = read(fd[0], &c, 1);
	printf("read after SA_RESTART handler %zd %c alarms %d\n", n, c, alarms);
	waitpid(child, NULL, 0);
	/* pselect's mask lets a blocked SIGALRM in: EINTR after its handler,
	 * and the signal is blocked again afterwards. */
	sigset_t block, none, now;
	sigemptyset(&block);
	sigaddset(&block, SIGALRM);
	sigemptyset(&none);
	sigprocmask(SIG_BLOCK, &block, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
	fd_set rs;
	FD_ZERO(&rs);
	FD_SET(fd[0], &rs);
	struct timespec two = {2, 0};
	int r = pselect(fd[0] + 1, &rs, NULL, NULL, &two, &none);
	int e = errno;
	sigprocmask(SIG_SETMASK, NULL, &now);
	printf("pselect with SIGALRM let in: %d EINTR %d alarms %d blocked again %d\n", r, r < 0 && e == EINTR, alarms,
	       sigismember(&now, SIGALRM));
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	close(fd[0]);
	close(fd[1]);
}

static char *alt_lo, *alt_hi;
static volatile int on_alt;

static void on_usr1(int sig)
{
	char here;
	(void)sig;
	on_alt = &here >= alt_lo && &here < alt_hi;
}

/* AT_MINSIGSTKSZ: the kernel's worst-case signal frame size, a multiple
 * of 16 (the value itself depends on the CPU's FPU state); a handler runs
 * on an alternate stack of that size (or of 2048 bytes, the least the
 * kernel's sigaltstack accepts). */
static void minsigstksz(void)
{
	unsigned long min = getauxval(AT_MINSIGSTKSZ);
	printf("AT_MINSIGSTKSZ present %d multiple of 16 %d at least 1024 %d\n", min != 0, min % 16 == 0,
	       min >= 1024);
	size_t size = min > 2048 ? min : 2048; /* the kernel's MINSIGSTKSZ on x86 */
	alt_lo = malloc(size);
	alt_hi = alt_lo + size;
	stack_t ss = {.ss_sp = alt_lo, .ss_size = size, .ss_flags = 0};
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_ONSTACK;
	sigaction(SIGUSR1, &sa, NULL);
	printf("sigaltstack %d ", sigaltstack(&ss, NULL));
	raise(SIGUSR1);
	printf("handler ran on it %d\n", on_alt);
	ss.ss_flags = SS_DISABLE;
	sigaltstack(&ss, NULL);
	free(alt_lo);
	/* AT_HWCAP2 bit 1 (HWCAP2_FSGSBASE) is set when the CPU has FSGSBASE
	 * (CPUID.(EAX=7,ECX=0):EBX[0]) and the kernel enabled it. */
	unsigned a, b, c, d;
	int fsgsbase = __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & 1);
	printf("AT_HWCAP2 FSGSBASE bit agrees with CPUID %d\n", !!(getauxval(AT_HWCAP2) & 2) == fsgsbase);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	minsigstksz();
	sockets();
	files();
	waiting();
	restart();
	struct sysinfo si;
	int rc = sysinfo(&si);
	printf("sysinfo %d ram>0 %d procs>0 %d\n", rc, si.totalram > 0, si.procs > 0);
	struct timespec req = {0, 2000000}, t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	printf("clock_nanosleep %d ", clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL));
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long long ns = (t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
	printf("slept >= 2ms %d\n", ns >= 2000000);
	struct timespec res;
	printf("clock_getres %d\n", clock_getres(CLOCK_MONOTONIC, &res));
	uid_t r, e, s;
	rc = getresuid(&r, &e, &s);
	printf("getresuid %d same %d\n", rc, r == getuid() && e == geteuid());
	pid_t pid = fork();
	if (pid == 0) {
		volatile unsigned long spin = 0;
		for (int i = 0; i < 100000; i++)
			spin += i;
		_exit(9);
	}
	int status;
	struct rusage ru;
	memset(&ru, 0xff, sizeof ru);
	pid_t w = wait4(pid, &status, 0, &ru);
	printf("wait4 same pid %d exit %d rusage sane %d\n", w == pid, WEXITSTATUS(status),
	       ru.ru_utime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000 && ru.ru_stime.tv_usec >= 0 &&
	           ru.ru_stime.tv_usec < 1000000);
	struct rusage self;
	rc = getrusage(RUSAGE_SELF, &self);
	printf("getrusage %d sane %d\n", rc,
	       self.ru_utime.tv_usec >= 0 && self.ru_utime.tv_usec < 1000000 && self.ru_utime.tv_sec >= 0);
	return 5;
}
