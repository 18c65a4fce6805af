/* sysprobe.c - a guest program for tests/linux/run-guests.sh: exercises
 * the system calls of linux/syscall.c through glibc and prints results
 * that do not depend on where it runs, so the output under uopsim must
 * equal the native one. Build: gcc -O2 -static (and -static-pie). */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv, char **envp)
{
	printf("argc %d argv1 %s\n", argc, argc > 1 ? argv[1] : "-");
	printf("env UOPSIM_PROBE=%s\n", getenv("UOPSIM_PROBE") ? getenv("UOPSIM_PROBE") : "(unset)");
	(void)envp;

	char dir[] = "/tmp/uopsim-probe-XXXXXX";
	if (!mkdtemp(dir))
		return 10;
	char path[256];
	snprintf(path, sizeof path, "%s/f", dir);
	int fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0600);
	const char text[] = "hello, file\nsecond line\n";
	printf("write %zd\n", write(fd, text, sizeof text - 1));
	printf("lseek %ld\n", (long)lseek(fd, 7, SEEK_SET));
	char buf[64] = {0};
	printf("read %zd '%.4s'\n", read(fd, buf, 4), buf);
	printf("pread %zd '%.6s'\n", pread(fd, buf, 6, 12), buf);
	struct iovec iov[2] = {{buf, 3}, {buf + 10, 3}};
	lseek(fd, 0, SEEK_SET);
	printf("readv %zd '%.3s' '%.3s'\n", readv(fd, iov, 2), buf, buf + 10);
	struct stat st;
	fstat(fd, &st);
	printf("fstat size %ld mode %o\n", (long)st.st_size, st.st_mode & 0777);
	stat(path, &st);
	printf("stat size %ld regular %d\n", (long)st.st_size, S_ISREG(st.st_mode));

	/* A private file mapping and anonymous memory. */
	char *m = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
	printf("mmap file '%.5s'\n", m == MAP_FAILED ? "FAIL" : m);
	munmap(m, 4096);
	char *a = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	a[0] = 1;
	a[(1 << 20) - 1] = 2;
	printf("mmap anon %d %d\n", a[0], a[(1 << 20) - 1]);
	printf("mprotect %d\n", mprotect(a, 4096, PROT_READ));
	munmap(a, 1 << 20);
	char *r = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	r[8191] = 5;
	r = mremap(r, 8192, 1 << 20, MREMAP_MAYMOVE);
	printf("mremap %d\n", r == MAP_FAILED ? -1 : r[8191]);
	munmap(r, 1 << 20);
	void *big = malloc(10 << 20);
	big = realloc(big, 20 << 20);
	memset(big, 7, 10 << 20);
	printf("malloc big %d\n", ((char *)big)[(10 << 20) - 1]);
	free(big);
	close(fd);

	printf("access %d %d\n", access(path, R_OK), access("/nonexistent", F_OK) == -1 && errno == ENOENT);
	int fds[2];
	printf("pipe %d\n", pipe(fds));
	write(fds[1], "xyz", 3);
	printf("pipe read %zd\n", read(fds[0], buf, sizeof buf));
	int d = dup(fds[0]);
	printf("dup %d fcntl %d\n", d > 2, fcntl(d, F_GETFD));
	close(fds[0]);
	close(fds[1]);
	close(d);
	const void *volatile bad = (const void *)16;
	printf("bad pointer %zd %d\n", write(1, bad, 4), errno == EFAULT);

	int entries = 0;
	DIR *dp = opendir(dir);
	while (dp && readdir(dp))
		entries++;
	if (dp)
		closedir(dp);
	printf("readdir %d\n", entries);
	printf("unlink %d rmdir %d\n", unlink(path), rmdir(dir));

	char cwd[4096];
	printf("getcwd %d\n", getcwd(cwd, sizeof cwd) != NULL);
	struct utsname u;
	uname(&u);
	printf("uname %s\n", u.machine);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct timespec nap = {0, 1000000};
	nanosleep(&nap, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("clock advances %d\n", t1.tv_sec > t0.tv_sec || t1.tv_nsec > t0.tv_nsec);
	printf("time sane %d\n", time(NULL) > 1600000000);
	printf("pid sane %d\n", getpid() > 0 && getppid() > 0);
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	printf("readlink exe ok %d\n", n > 0);
	double x = 0;
	for (int i = 1; i <= 100; i++)
		x += 1.0 / (i * i);
	printf("sum %.10f\n", x);
	fflush(stdout);
	return argc > 2 ? atoi(argv[2]) : 0;
}
