/* syscall.c - the x86-64 Linux system-call ABI on top of the host: the
 * number in RAX, arguments in RDI, RSI, RDX, R10, R8, R9, the result (or
 * -errno) in RAX. One small handler per call, in a table indexed by
 * number. File descriptors are the host's own (as in qemu-user); guest
 * memory is only reached through gmem_read/gmem_write, so a bad guest
 * pointer gives -EFAULT. */
#define _GNU_SOURCE
#include "linux/linux.h"
#include "linux/linux32.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sys/sysinfo.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "machine/memory.h"

#define PAGE_MASK_ (GUEST_PAGE_SIZE - 1)
#define MAX_IO (64u << 20) /* the largest single read/write carried out at once */
#define IOV_MAX_ 1024

typedef int64_t (*handler_fn)(struct linux_process *p, const uint64_t a[6]);

struct syscall_info {
	const char *name;
	handler_fn fn;
	/* Argument formats for --strace: d signed decimal, u unsigned, x hex,
	 * s guest string, b guest buffer (length in the next argument),
	 * o octal, f fd (AT_FDCWD shown by name), p pointer, l 64-bit
	 * signed (offsets; d is an int). */
	const char *args;
};

/* ---- guest memory helpers ---- */

static struct guest_memory *mem(struct linux_process *p)
{
	return p->cpu.memory;
}

int linux_copy_in(struct linux_process *p, uint64_t addr, void *dst, size_t n)
{
	uint64_t fault;
	return n && gmem_read(mem(p), addr, dst, n, &fault) ? -EFAULT : 0;
}

int linux_copy_out(struct linux_process *p, uint64_t addr, const void *src, size_t n)
{
	uint64_t fault;
	return n && gmem_write(mem(p), addr, src, n, &fault) ? -EFAULT : 0;
}

static int writable(struct linux_process *p, uint64_t addr, size_t n)
{
	uint64_t fault;
	return gmem_check(mem(p), addr, n, GUEST_WRITE, &fault) == 0;
}

/* Copies a NUL-terminated guest string of at most size-1 bytes.
 * Returns 0, -EFAULT or -ENAMETOOLONG. */
static int copy_string(struct linux_process *p, uint64_t addr, char *dst, size_t size)
{
	size_t n = 0;
	while (n < size) {
		size_t chunk = GUEST_PAGE_SIZE - ((addr + n) & PAGE_MASK_);
		if (chunk > size - n)
			chunk = size - n;
		if (linux_copy_in(p, addr + n, dst + n, chunk))
			return -EFAULT;
		void *z = memchr(dst + n, 0, chunk);
		if (z)
			return 0;
		n += chunk;
	}
	return -ENAMETOOLONG;
}

#define PATH_ARG(var, arg)                                                                                   \
	char var[PATH_MAX];                                                                                  \
	do {                                                                                                 \
		int rc_ = copy_string(p, (arg), var, sizeof var);                                            \
		if (rc_)                                                                                     \
			return rc_;                                                                          \
	} while (0)

static int64_t host(int64_t r)
{
	return r < 0 ? -errno : r;
}

/* ---- files ---- */

static int64_t do_read_common(struct linux_process *p, int fd, uint64_t buf, uint64_t count, int positional,
                              int64_t offset)
{
	if (count > MAX_IO)
		count = MAX_IO;
	if (!writable(p, buf, count))
		return -EFAULT;
	void *tmp = malloc(count ? count : 1);
	if (!tmp)
		return -ENOMEM;
	ssize_t r = positional ? pread(fd, tmp, count, offset) : read(fd, tmp, count);
	int64_t rc = r < 0 ? -errno : r;
	if (r > 0 && linux_copy_out(p, buf, tmp, (size_t)r))
		rc = -EFAULT;
	free(tmp);
	return rc;
}

static int64_t do_write_common(struct linux_process *p, int fd, uint64_t buf, uint64_t count, int positional,
                               int64_t offset)
{
	if (count > MAX_IO)
		count = MAX_IO;
	void *tmp = malloc(count ? count : 1);
	if (!tmp)
		return -ENOMEM;
	int64_t rc;
	if (linux_copy_in(p, buf, tmp, count))
		rc = -EFAULT;
	else
		rc = host(positional ? pwrite(fd, tmp, count, offset) : write(fd, tmp, count));
	free(tmp);
	return rc;
}

static int64_t sys_read(struct linux_process *p, const uint64_t a[6])
{
	return do_read_common(p, (int)a[0], a[1], a[2], 0, 0);
}

static int64_t sys_write(struct linux_process *p, const uint64_t a[6])
{
	return do_write_common(p, (int)a[0], a[1], a[2], 0, 0);
}

static int64_t sys_pread64(struct linux_process *p, const uint64_t a[6])
{
	return do_read_common(p, (int)a[0], a[1], a[2], 1, (int64_t)a[3]);
}

static int64_t sys_pwrite64(struct linux_process *p, const uint64_t a[6])
{
	return do_write_common(p, (int)a[0], a[1], a[2], 1, (int64_t)a[3]);
}

/* Reads the guest's iovec array; returns the total length or -errno. */
static int64_t read_iovec(struct linux_process *p, uint64_t addr, uint64_t n, struct iovec *iov)
{
	if (n > IOV_MAX_)
		return -EINVAL;
	uint64_t total = 0;
	for (uint64_t i = 0; i < n; i++) {
		uint64_t e[2];
		if (linux_copy_in(p, addr + 16 * i, e, sizeof e))
			return -EFAULT;
		if ((int64_t)e[1] < 0)
			return -EINVAL;
		iov[i].iov_base = (void *)(uintptr_t)e[0]; /* a guest address, never dereferenced */
		iov[i].iov_len = e[1];
		total += e[1];
	}
	return total > MAX_IO ? MAX_IO : (int64_t)total;
}

/* Copies the guest buffers of iov[0..n) into tmp, one after another, up
 * to total bytes (read_iovec's sum, capped at MAX_IO): the data of a
 * writev or sendmsg. Returns the bytes copied, or -EFAULT. */
static int64_t gather_iovec(struct linux_process *p, const struct iovec *iov, uint64_t n, uint8_t *tmp,
                            size_t total)
{
	size_t off = 0;
	for (uint64_t i = 0; i < n && off < total; i++) {
		size_t len = iov[i].iov_len < total - off ? iov[i].iov_len : total - off;
		if (linux_copy_in(p, (uint64_t)(uintptr_t)iov[i].iov_base, tmp + off, len))
			return -EFAULT;
		off += len;
	}
	return (int64_t)off;
}

static int64_t sys_writev(struct linux_process *p, const uint64_t a[6])
{
	struct iovec iov[IOV_MAX_];
	int64_t total = read_iovec(p, a[1], a[2], iov);
	if (total < 0)
		return total;
	uint8_t *tmp = malloc(total ? (size_t)total : 1);
	if (!tmp)
		return -ENOMEM;
	int64_t off = gather_iovec(p, iov, a[2], tmp, (size_t)total);
	if (off < 0) {
		free(tmp);
		return off;
	}
	int64_t rc = host(write((int)a[0], tmp, (size_t)off));
	free(tmp);
	return rc;
}

static int64_t sys_readv(struct linux_process *p, const uint64_t a[6])
{
	struct iovec iov[IOV_MAX_];
	int64_t total = read_iovec(p, a[1], a[2], iov);
	if (total < 0)
		return total;
	for (uint64_t i = 0; i < a[2]; i++)
		if (!writable(p, (uint64_t)(uintptr_t)iov[i].iov_base, iov[i].iov_len))
			return -EFAULT;
	uint8_t *tmp = malloc(total ? (size_t)total : 1);
	if (!tmp)
		return -ENOMEM;
	ssize_t r = read((int)a[0], tmp, (size_t)total);
	int64_t rc = r < 0 ? -errno : r;
	size_t off = 0;
	for (uint64_t i = 0; r > 0 && i < a[2] && off < (size_t)r; i++) {
		size_t n = iov[i].iov_len < (size_t)r - off ? iov[i].iov_len : (size_t)r - off;
		linux_copy_out(p, (uint64_t)(uintptr_t)iov[i].iov_base, tmp + off, n);
		off += n;
	}
	free(tmp);
	return rc;
}

/* "/proc/self/exe" and "/proc/<pid>/exe" name the guest program, not uopsim. */
static int is_proc_self_exe(const char *path)
{
	char mine[64];
	snprintf(mine, sizeof mine, "/proc/%d/exe", (int)getpid());
	return !strcmp(path, "/proc/self/exe") || !strcmp(path, mine);
}

static int64_t sys_openat(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(path, a[1]);
	if (is_proc_self_exe(path))
		return host(openat(AT_FDCWD, p->exe_realpath ? p->exe_realpath : p->exe_path, (int)a[2],
		                   (mode_t)a[3]));
	return host(openat((int)a[0], path, (int)a[2], (mode_t)a[3]));
}

static int64_t sys_open(struct linux_process *p, const uint64_t a[6])
{
	uint64_t b[6] = {(uint64_t)(int64_t)AT_FDCWD, a[0], a[1], a[2], 0, 0};
	return sys_openat(p, b);
}

static int64_t sys_creat(struct linux_process *p, const uint64_t a[6])
{
	uint64_t b[6] = {(uint64_t)(int64_t)AT_FDCWD, a[0], O_CREAT | O_WRONLY | O_TRUNC, a[1], 0, 0};
	return sys_openat(p, b);
}

static int64_t sys_close(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(close((int)a[0]));
}

static int64_t sys_lseek(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(lseek((int)a[0], (off_t)a[1], (int)a[2]));
}

/* struct stat of x86-64 is the host's own (144 bytes). */
static int64_t put_stat(struct linux_process *p, int r, const struct stat *st, uint64_t addr)
{
	if (r < 0)
		return -errno;
	return linux_copy_out(p, addr, st, sizeof *st);
}

static int64_t sys_fstat(struct linux_process *p, const uint64_t a[6])
{
	struct stat st;
	return put_stat(p, fstat((int)a[0], &st), &st, a[1]);
}

static int64_t sys_stat(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(path, a[0]);
	struct stat st;
	return put_stat(p, stat(path, &st), &st, a[1]);
}

static int64_t sys_lstat(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(path, a[0]);
	struct stat st;
	return put_stat(p, lstat(path, &st), &st, a[1]);
}

static int64_t sys_newfstatat(struct linux_process *p, const uint64_t a[6])
{
	char path[PATH_MAX];
	int rc = copy_string(p, a[1], path, sizeof path);
	if (rc)
		return rc;
	struct stat st;
	return put_stat(p, fstatat((int)a[0], path, &st, (int)a[3]), &st, a[2]);
}

static int64_t sys_ioctl(struct linux_process *p, const uint64_t a[6])
{
	int fd = (int)a[0];
	switch (a[1]) {
	case TCGETS: {
		/* The kernel's struct termios: 4 flag words, c_line, 19 c_cc: 36 bytes. */
		uint8_t t[64];
		if (ioctl(fd, TCGETS, t) < 0)
			return -errno;
		return linux_copy_out(p, a[2], t, 36);
	}
	case TIOCGWINSZ: {
		struct winsize w;
		if (ioctl(fd, TIOCGWINSZ, &w) < 0)
			return -errno;
		return linux_copy_out(p, a[2], &w, sizeof w);
	}
	case TIOCGPGRP: {
		pid_t pg;
		if (ioctl(fd, TIOCGPGRP, &pg) < 0)
			return -errno;
		return linux_copy_out(p, a[2], &pg, sizeof pg);
	}
	case FIONBIO:
	case FIOCLEX:
	case FIONCLEX:
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		/* Changing host terminal or fd state is not carried out yet. */
		return isatty(fd) || a[1] == FIONBIO || a[1] == FIOCLEX || a[1] == FIONCLEX ? 0 : -ENOTTY;
	default: return -ENOTTY;
	}
}

static int64_t sys_access(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(path, a[0]);
	return host(access(path, (int)a[1]));
}

static int64_t sys_faccessat(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(path, a[1]);
	return host(faccessat((int)a[0], path, (int)a[2], 0));
}

static int64_t sys_faccessat2(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(path, a[1]);
	return host(faccessat((int)a[0], path, (int)a[2], (int)a[3]));
}

static int64_t do_readlink(struct linux_process *p, int dirfd, uint64_t path_addr, uint64_t buf,
                           uint64_t size)
{
	PATH_ARG(path, path_addr);
	char out[PATH_MAX];
	ssize_t n;
	if ((int64_t)size <= 0)
		return -EINVAL;
	if (is_proc_self_exe(path)) {
		const char *exe = p->exe_realpath ? p->exe_realpath : p->exe_path;
		n = (ssize_t)strlen(exe);
		memcpy(out, exe, (size_t)n);
	} else {
		n = readlinkat(dirfd, path, out, sizeof out);
		if (n < 0)
			return -errno;
	}
	if ((uint64_t)n > size)
		n = (ssize_t)size;
	return linux_copy_out(p, buf, out, (size_t)n) ? -EFAULT : n;
}

static int64_t sys_readlink(struct linux_process *p, const uint64_t a[6])
{
	return do_readlink(p, AT_FDCWD, a[0], a[1], a[2]);
}

static int64_t sys_readlinkat(struct linux_process *p, const uint64_t a[6])
{
	return do_readlink(p, (int)a[0], a[1], a[2], a[3]);
}

static int64_t sys_getcwd(struct linux_process *p, const uint64_t a[6])
{
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof cwd))
		return -errno;
	size_t n = strlen(cwd) + 1;
	if (n > a[1])
		return -ERANGE;
	return linux_copy_out(p, a[0], cwd, n) ? -EFAULT : (int64_t)n;
}

static int64_t sys_chdir(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(path, a[0]);
	return host(chdir(path));
}

static int64_t sys_fchdir(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(fchdir((int)a[0]));
}

static int64_t sys_getdents64(struct linux_process *p, const uint64_t a[6])
{
	uint64_t count = a[2] > MAX_IO ? MAX_IO : a[2];
	if (!writable(p, a[1], count))
		return -EFAULT;
	void *tmp = malloc(count ? count : 1);
	if (!tmp)
		return -ENOMEM;
	int64_t r = host(syscall(SYS_getdents64, (int)a[0], tmp, (size_t)count));
	if (r > 0 && linux_copy_out(p, a[1], tmp, (size_t)r))
		r = -EFAULT;
	free(tmp);
	return r;
}

/* fcntl: the commands taking an integer, and the record locks (POSIX
 * and open file description ones), whose x86-64 struct flock (type,
 * whence, 64-bit start and len, pid: 32 bytes) is the host's. F_SETLKW
 * cut short by a signal is EINTR, restarted under SA_RESTART (signal.c)
 * as the kernel's -ERESTARTSYS is. Commands that would make the host
 * send signals to uopsim itself (F_SETOWN, F_SETSIG, leases, F_NOTIFY)
 * are not carried out. */
static int64_t sys_fcntl(struct linux_process *p, const uint64_t a[6])
{
	int fd = (int)a[0], cmd = (int)a[1];
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
	case F_GETFD:
	case F_SETFD:
	case F_GETFL:
	case F_SETFL:
	case F_GETPIPE_SZ:
	case F_SETPIPE_SZ:
	case F_GET_SEALS:
	case F_ADD_SEALS: return host(fcntl(fd, cmd, (int)a[2]));
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_GETLK:
	case F_OFD_SETLK:
	case F_OFD_SETLKW: {
		struct flock fl;
		_Static_assert(sizeof fl == 32, "struct flock is the x86-64 kernel's");
		if (linux_copy_in(p, a[2], &fl, sizeof fl))
			return -EFAULT;
		if (fcntl(fd, cmd, &fl) < 0)
			return -errno;
		if (cmd == F_GETLK || cmd == F_OFD_GETLK)
			return linux_copy_out(p, a[2], &fl, sizeof fl);
		return 0;
	}
	default: return -EINVAL;
	}
}

static int64_t sys_dup(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(dup((int)a[0]));
}

static int64_t sys_dup2(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(dup2((int)a[0], (int)a[1]));
}

static int64_t sys_dup3(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(dup3((int)a[0], (int)a[1], (int)a[2]));
}

static int64_t sys_pipe2(struct linux_process *p, const uint64_t a[6])
{
	int fds[2];
	if (!writable(p, a[0], sizeof fds))
		return -EFAULT;
	if (pipe2(fds, (int)a[1]) < 0)
		return -errno;
	return linux_copy_out(p, a[0], fds, sizeof fds);
}

static int64_t sys_pipe(struct linux_process *p, const uint64_t a[6])
{
	uint64_t b[6] = {a[0], 0, 0, 0, 0, 0};
	return sys_pipe2(p, b);
}

static int64_t sys_unlink(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(path, a[0]);
	return host(unlink(path));
}

static int64_t sys_unlinkat(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(path, a[1]);
	return host(unlinkat((int)a[0], path, (int)a[2]));
}

static int64_t sys_mkdir(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(path, a[0]);
	return host(mkdir(path, (mode_t)a[1]));
}

static int64_t sys_mkdirat(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(path, a[1]);
	return host(mkdirat((int)a[0], path, (mode_t)a[2]));
}

static int64_t sys_rmdir(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(path, a[0]);
	return host(rmdir(path));
}

static int64_t sys_rename(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(from, a[0]);
	PATH_ARG(to, a[1]);
	return host(rename(from, to));
}

static int64_t sys_renameat(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(from, a[1]);
	PATH_ARG(to, a[3]);
	return host(renameat((int)a[0], from, (int)a[2], to));
}

static int64_t sys_chmod(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(path, a[0]);
	return host(chmod(path, (mode_t)a[1]));
}

static int64_t sys_fchmod(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(fchmod((int)a[0], (mode_t)a[1]));
}

static int64_t sys_ftruncate(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(ftruncate((int)a[0], (off_t)a[1]));
}

static int64_t sys_fsync(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(fsync((int)a[0]));
}

static int64_t sys_truncate(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(path, a[0]);
	return host(truncate(path, (off_t)a[1]));
}

static int64_t sys_fchmodat(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(path, a[1]);
	return host(fchmodat((int)a[0], path, (mode_t)a[2], 0));
}

static int64_t sys_fchownat(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(path, a[1]);
	return host(fchownat((int)a[0], path, (uid_t)a[2], (gid_t)a[3], (int)a[4]));
}

static int64_t sys_chown(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(path, a[0]);
	return host(chown(path, (uid_t)a[1], (gid_t)a[2]));
}

static int64_t sys_lchown(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(path, a[0]);
	return host(lchown(path, (uid_t)a[1], (gid_t)a[2]));
}

static int64_t sys_fchown(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(fchown((int)a[0], (uid_t)a[1], (gid_t)a[2]));
}

static int64_t sys_symlinkat(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(target, a[0]);
	PATH_ARG(path, a[2]);
	return host(symlinkat(target, (int)a[1], path));
}

static int64_t sys_symlink(struct linux_process *p, const uint64_t a[6])
{
	uint64_t b[6] = {a[0], (uint64_t)(int64_t)AT_FDCWD, a[1], 0, 0, 0};
	return sys_symlinkat(p, b);
}

static int64_t sys_linkat(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(from, a[1]);
	PATH_ARG(to, a[3]);
	return host(linkat((int)a[0], from, (int)a[2], to, (int)a[4]));
}

static int64_t sys_link(struct linux_process *p, const uint64_t a[6])
{
	uint64_t b[6] = {(uint64_t)(int64_t)AT_FDCWD, a[0], (uint64_t)(int64_t)AT_FDCWD, a[1], 0, 0};
	return sys_linkat(p, b);
}

static int64_t sys_utimensat(struct linux_process *p, const uint64_t a[6])
{
	struct timespec ts[2];
	if (a[2] && linux_copy_in(p, a[2], ts, sizeof ts))
		return -EFAULT;
	if (!a[1]) /* futimens(fd, ...) */
		return host(futimens((int)a[0], a[2] ? ts : NULL));
	PATH_ARG(path, a[1]);
	return host(utimensat((int)a[0], path, a[2] ? ts : NULL, (int)a[3]));
}

/* struct statfs of x86-64 is the host's own. */
static int64_t sys_statfs(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(path, a[0]);
	struct statfs sf;
	if (statfs(path, &sf) < 0)
		return -errno;
	return linux_copy_out(p, a[1], &sf, sizeof sf);
}

static int64_t sys_fstatfs(struct linux_process *p, const uint64_t a[6])
{
	struct statfs sf;
	if (fstatfs((int)a[0], &sf) < 0)
		return -errno;
	return linux_copy_out(p, a[1], &sf, sizeof sf);
}

static int64_t sys_umask(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return umask((mode_t)a[0]);
}

/* sendfile(out, in, offset, count) through a host buffer. */
static int64_t sys_sendfile(struct linux_process *p, const uint64_t a[6])
{
	int64_t off = 0;
	if (a[2] && linux_copy_in(p, a[2], &off, sizeof off))
		return -EFAULT;
	size_t count = a[3] > (1u << 20) ? (1u << 20) : (size_t)a[3];
	void *tmp = malloc(count ? count : 1);
	if (!tmp)
		return -ENOMEM;
	ssize_t r = a[2] ? pread((int)a[1], tmp, count, off) : read((int)a[1], tmp, count);
	int64_t rc = r < 0 ? -errno : r;
	if (r > 0) {
		ssize_t w = write((int)a[0], tmp, (size_t)r);
		if (w < 0)
			rc = -errno;
		else
			rc = w;
		if (w >= 0 && w < r && !a[2])
			lseek((int)a[1], w - r, SEEK_CUR); /* unread what was not written */
	}
	free(tmp);
	if (rc > 0 && a[2]) {
		off += rc;
		linux_copy_out(p, a[2], &off, sizeof off);
	}
	return rc;
}

static int64_t sys_flock(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(flock((int)a[0], (int)a[1]));
}

/* ---- sockets: the host's, with addresses and options copied ---- */

#define SOCKADDR_MAX 128

static int64_t sys_socket(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(socket((int)a[0], (int)a[1], (int)a[2]));
}

static int64_t sys_socketpair(struct linux_process *p, const uint64_t a[6])
{
	int fds[2];
	if (!writable(p, a[3], sizeof fds))
		return -EFAULT;
	if (socketpair((int)a[0], (int)a[1], (int)a[2], fds) < 0)
		return -errno;
	return linux_copy_out(p, a[3], fds, sizeof fds);
}

/* connect and bind: (fd, addr, addrlen). */
static int64_t sockaddr_call(struct linux_process *p, const uint64_t a[6], int bind_)
{
	uint8_t addr[SOCKADDR_MAX];
	if (a[2] > sizeof addr)
		return -EINVAL;
	if (linux_copy_in(p, a[1], addr, (size_t)a[2]))
		return -EFAULT;
	return host(bind_ ? bind((int)a[0], (struct sockaddr *)addr, (socklen_t)a[2])
	                  : connect((int)a[0], (struct sockaddr *)addr, (socklen_t)a[2]));
}

static int64_t sys_connect(struct linux_process *p, const uint64_t a[6])
{
	return sockaddr_call(p, a, 0);
}

static int64_t sys_bind(struct linux_process *p, const uint64_t a[6])
{
	return sockaddr_call(p, a, 1);
}

static int64_t sys_listen(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(listen((int)a[0], (int)a[1]));
}

static int64_t sys_shutdown(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(shutdown((int)a[0], (int)a[1]));
}

/* An address result: (addr, *addrlen) in the guest, filled from the host's. */
static int64_t put_sockaddr(struct linux_process *p, uint64_t addr, uint64_t lenp, const uint8_t *buf,
                            socklen_t len)
{
	if (!addr || !lenp)
		return 0;
	uint32_t room;
	if (linux_copy_in(p, lenp, &room, sizeof room))
		return -EFAULT;
	if (linux_copy_out(p, addr, buf, len < room ? len : room) || linux_copy_out(p, lenp, &len, sizeof len))
		return -EFAULT;
	return 0;
}

static int64_t sys_accept4(struct linux_process *p, const uint64_t a[6])
{
	uint8_t addr[SOCKADDR_MAX];
	socklen_t len = sizeof addr;
	int fd = accept4((int)a[0], (struct sockaddr *)addr, &len, (int)a[3]);
	if (fd < 0)
		return -errno;
	int64_t rc = put_sockaddr(p, a[1], a[2], addr, len);
	return rc ? rc : fd;
}

static int64_t sys_accept(struct linux_process *p, const uint64_t a[6])
{
	uint64_t b[6] = {a[0], a[1], a[2], 0, 0, 0};
	return sys_accept4(p, b);
}

static int64_t name_call(struct linux_process *p, const uint64_t a[6], int peer)
{
	uint8_t addr[SOCKADDR_MAX];
	socklen_t len = sizeof addr;
	int r = peer ? getpeername((int)a[0], (struct sockaddr *)addr, &len)
	             : getsockname((int)a[0], (struct sockaddr *)addr, &len);
	if (r < 0)
		return -errno;
	return put_sockaddr(p, a[1], a[2], addr, len);
}

static int64_t sys_getsockname(struct linux_process *p, const uint64_t a[6])
{
	return name_call(p, a, 0);
}

static int64_t sys_getpeername(struct linux_process *p, const uint64_t a[6])
{
	return name_call(p, a, 1);
}

static int64_t sys_setsockopt(struct linux_process *p, const uint64_t a[6])
{
	uint8_t val[256];
	if (a[4] > sizeof val)
		return -EINVAL;
	if (linux_copy_in(p, a[3], val, (size_t)a[4]))
		return -EFAULT;
	return host(setsockopt((int)a[0], (int)a[1], (int)a[2], val, (socklen_t)a[4]));
}

static int64_t sys_getsockopt(struct linux_process *p, const uint64_t a[6])
{
	uint8_t val[256];
	uint32_t room;
	if (linux_copy_in(p, a[4], &room, sizeof room))
		return -EFAULT;
	socklen_t len = room < sizeof val ? room : sizeof val;
	if (getsockopt((int)a[0], (int)a[1], (int)a[2], val, &len) < 0)
		return -errno;
	if (linux_copy_out(p, a[3], val, len < room ? len : room) || linux_copy_out(p, a[4], &len, sizeof len))
		return -EFAULT;
	return 0;
}

/* sendto(fd, buf, len, flags, addr, addrlen) */
static int64_t sys_sendto(struct linux_process *p, const uint64_t a[6])
{
	uint8_t addr[SOCKADDR_MAX];
	size_t n = a[2] > MAX_IO ? MAX_IO : (size_t)a[2];
	if (a[5] > sizeof addr || (a[4] && linux_copy_in(p, a[4], addr, (size_t)a[5])))
		return a[5] > sizeof addr ? -EINVAL : -EFAULT;
	void *tmp = malloc(n ? n : 1);
	if (!tmp)
		return -ENOMEM;
	int64_t rc = linux_copy_in(p, a[1], tmp, n)
	                 ? -EFAULT
	                 : host(sendto((int)a[0], tmp, n, (int)a[3], a[4] ? (struct sockaddr *)addr : NULL,
	                               (socklen_t)(a[4] ? a[5] : 0)));
	free(tmp);
	return rc;
}

/* recvfrom(fd, buf, len, flags, addr, addrlen*) */
static int64_t sys_recvfrom(struct linux_process *p, const uint64_t a[6])
{
	uint8_t addr[SOCKADDR_MAX];
	socklen_t alen = sizeof addr;
	size_t n = a[2] > MAX_IO ? MAX_IO : (size_t)a[2];
	if (!writable(p, a[1], n))
		return -EFAULT;
	void *tmp = malloc(n ? n : 1);
	if (!tmp)
		return -ENOMEM;
	ssize_t r = recvfrom((int)a[0], tmp, n, (int)a[3], a[4] ? (struct sockaddr *)addr : NULL,
	                     a[4] ? &alen : NULL);
	int64_t rc = r < 0 ? -errno : r;
	if (r > 0 && linux_copy_out(p, a[1], tmp, (size_t)r))
		rc = -EFAULT;
	free(tmp);
	if (r >= 0 && a[4]) {
		int64_t e = put_sockaddr(p, a[4], a[5], addr, alen);
		if (e)
			return e;
	}
	return rc;
}

/* sendmsg and recvmsg: the guest's struct msghdr (name, iovecs, control
 * data: its layout is the host's, and SCM_RIGHTS descriptors are host
 * descriptors) through host buffers. */
struct guest_msghdr {
	uint64_t name;
	uint32_t namelen, pad0;
	uint64_t iov, iovlen, control, controllen;
	int32_t flags, pad1;
};

static int64_t msg_call(struct linux_process *p, const uint64_t a[6], int receive)
{
	struct guest_msghdr gm;
	struct iovec iov[IOV_MAX_];
	uint8_t name[SOCKADDR_MAX], control[4096];
	if (linux_copy_in(p, a[1], &gm, sizeof gm))
		return -EFAULT;
	int64_t total = read_iovec(p, gm.iov, gm.iovlen, iov);
	if (total < 0)
		return total;
	if (gm.namelen > sizeof name)
		gm.namelen = receive ? sizeof name : gm.namelen;
	if (gm.namelen > sizeof name || gm.controllen > sizeof control)
		return -EINVAL;
	if (!receive && ((gm.name && linux_copy_in(p, gm.name, name, gm.namelen)) ||
	                 (gm.control && linux_copy_in(p, gm.control, control, (size_t)gm.controllen))))
		return -EFAULT;
	uint8_t *tmp = malloc(total ? (size_t)total : 1);
	if (!tmp)
		return -ENOMEM;
	if (!receive && gather_iovec(p, iov, gm.iovlen, tmp, (size_t)total) < 0) {
		free(tmp);
		return -EFAULT;
	}
	struct iovec one = {tmp, (size_t)total};
	struct msghdr m = {
	    .msg_name = gm.name ? name : NULL,
	    .msg_namelen = gm.name ? gm.namelen : 0,
	    .msg_iov = &one,
	    .msg_iovlen = 1,
	    .msg_control = gm.control ? control : NULL,
	    .msg_controllen = gm.control ? (size_t)gm.controllen : 0,
	};
	ssize_t r = receive ? recvmsg((int)a[0], &m, (int)a[2]) : sendmsg((int)a[0], &m, (int)a[2]);
	int64_t rc = r < 0 ? -errno : r;
	if (receive && r >= 0) {
		size_t off = 0;
		for (uint64_t i = 0; i < gm.iovlen && off < (size_t)r; i++) {
			size_t n = iov[i].iov_len < (size_t)r - off ? iov[i].iov_len : (size_t)r - off;
			if (linux_copy_out(p, (uint64_t)(uintptr_t)iov[i].iov_base, tmp + off, n))
				rc = -EFAULT;
			off += n;
		}
		if (gm.name &&
		    linux_copy_out(p, gm.name, name, m.msg_namelen < gm.namelen ? m.msg_namelen : gm.namelen))
			rc = -EFAULT;
		if (gm.control && m.msg_controllen && linux_copy_out(p, gm.control, control, m.msg_controllen))
			rc = -EFAULT;
		gm.namelen = m.msg_namelen;
		gm.controllen = m.msg_controllen;
		gm.flags = m.msg_flags;
		if (linux_copy_out(p, a[1], &gm, sizeof gm))
			rc = -EFAULT;
	}
	free(tmp);
	return rc;
}

static int64_t sys_sendmsg(struct linux_process *p, const uint64_t a[6])
{
	return msg_call(p, a, 0);
}

static int64_t sys_recvmsg(struct linux_process *p, const uint64_t a[6])
{
	return msg_call(p, a, 1);
}

/* ---- memory ---- */

static unsigned guest_prot(uint64_t prot)
{
	unsigned g = 0;
	if (prot & PROT_WRITE)
		g |= GUEST_WRITE;
	if (prot & PROT_EXEC)
		g |= GUEST_EXEC;
	if (prot & (PROT_READ | PROT_WRITE | PROT_EXEC))
		g |= GUEST_READ; /* x86 pages that can be written or executed can be read */
	return g;
}

static int64_t sys_brk(struct linux_process *p, const uint64_t a[6])
{
	uint64_t want = a[0];
	if (want < p->brk_start || want > p->brk_start + (1ull << 40))
		return (int64_t)p->brk;
	uint64_t old_end = (p->brk + PAGE_MASK_) & ~PAGE_MASK_, new_end = (want + PAGE_MASK_) & ~PAGE_MASK_;
	if (new_end > old_end) {
		if (gmem_map(mem(p), old_end, new_end - old_end, GUEST_READ | GUEST_WRITE))
			return (int64_t)p->brk;
	} else if (new_end < old_end) {
		gmem_unmap(mem(p), new_end, old_end - new_end);
	}
	p->brk = want;
	return (int64_t)p->brk;
}

static int64_t sys_mmap(struct linux_process *p, const uint64_t a[6])
{
	uint64_t addr = a[0], len = a[1], flags = a[3];
	int fd = (int)a[4];
	int64_t off = (int64_t)a[5];
	if (!len || (off & (int64_t)PAGE_MASK_))
		return -EINVAL;
	len = (len + PAGE_MASK_) & ~PAGE_MASK_;
	if (!len || len > (1ull << 40))
		return -ENOMEM;
	int type = (int)(flags & MAP_TYPE);
	if (type != MAP_PRIVATE && type != MAP_SHARED && type != MAP_SHARED_VALIDATE)
		return -EINVAL;
	if (type != MAP_PRIVATE && !(flags & MAP_ANONYMOUS) && (a[2] & PROT_WRITE))
		return -ENODEV; /* writable shared file mappings are not supported */
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if (addr & PAGE_MASK_)
			return -EINVAL;
		if (addr + len < addr || addr + len > (1ull << GUEST_ADDRESS_BITS))
			return -ENOMEM;
		if (flags & MAP_FIXED_NOREPLACE)
			for (uint64_t pg = addr; pg < addr + len; pg += GUEST_PAGE_SIZE) {
				uint64_t fault;
				if (!gmem_check(mem(p), pg, 1, 0, &fault))
					return -EEXIST;
			}
	} else {
		if (p->mmap_next - len < p->brk + (1ull << 32))
			return -ENOMEM;
		addr = p->mmap_next - len;
		p->mmap_next = addr;
	}
	struct stat st;
	if (!(flags & MAP_ANONYMOUS) && fstat(fd, &st) < 0)
		return -EBADF;
	if (gmem_map(mem(p), addr, len, guest_prot(a[2])))
		return -ENOMEM;
	if (!(flags & MAP_ANONYMOUS)) {
		/* A private copy of the file's bytes; beyond its end, zeros. */
		uint8_t *tmp = malloc(1 << 16);
		if (!tmp)
			return -ENOMEM;
		for (uint64_t done = 0; done < len;) {
			size_t want = len - done < (1u << 16) ? (size_t)(len - done) : (1u << 16);
			ssize_t r = pread(fd, tmp, want, off + (off_t)done);
			if (r <= 0)
				break;
			gmem_poke(mem(p), addr + done, tmp, (size_t)r);
			done += (uint64_t)r;
		}
		free(tmp);
	}
	return (int64_t)addr;
}

static int64_t sys_munmap(struct linux_process *p, const uint64_t a[6])
{
	if ((a[0] & PAGE_MASK_) || !a[1])
		return -EINVAL;
	uint64_t len = (a[1] + PAGE_MASK_) & ~PAGE_MASK_;
	if (gmem_unmap(mem(p), a[0], len))
		return -EINVAL;
	/* The lowest mapping going away: its range is reused by the next mmap. */
	if (a[0] == p->mmap_next && a[0] + len <= LINUX_MMAP_TOP) {
		uint64_t fault, next = a[0] + len;
		for (unsigned n = 0;
		     n < (1u << 16) && next < LINUX_MMAP_TOP && gmem_check(mem(p), next, 1, 0, &fault); n++)
			next += GUEST_PAGE_SIZE; /* the free pages above it (a bounded look) */
		p->mmap_next = next;
	}
	return 0;
}

static int64_t sys_mprotect(struct linux_process *p, const uint64_t a[6])
{
	if (a[0] & PAGE_MASK_)
		return -EINVAL;
	uint64_t len = (a[1] + PAGE_MASK_) & ~PAGE_MASK_;
	uint64_t fault;
	if (len && gmem_check(mem(p), a[0], len, 0, &fault))
		return -ENOMEM;
	return len && gmem_protect(mem(p), a[0], len, guest_prot(a[2])) ? -ENOMEM : 0;
}

/* The protections of the mapped page at addr. */
static unsigned page_prot(struct linux_process *p, uint64_t addr)
{
	uint64_t fault;
	unsigned prot = 0;
	static const unsigned bits[] = {GUEST_READ, GUEST_WRITE, GUEST_EXEC};
	for (unsigned i = 0; i < 3; i++)
		if (!gmem_check(mem(p), addr, 1, bits[i], &fault))
			prot |= bits[i];
	return prot;
}

/* Shrinks in place; grows by moving (MREMAP_MAYMOVE) to a fresh range. */
static int64_t sys_mremap(struct linux_process *p, const uint64_t a[6])
{
	uint64_t old = a[0], old_len = (a[1] + PAGE_MASK_) & ~PAGE_MASK_,
	         new_len = (a[2] + PAGE_MASK_) & ~PAGE_MASK_;
	uint64_t fault;
	if ((old & PAGE_MASK_) || !new_len || (a[3] & ~1ull))
		return -EINVAL;
	if (!old_len || gmem_check(mem(p), old, old_len, 0, &fault))
		return -EFAULT;
	if (new_len <= old_len) {
		gmem_unmap(mem(p), old + new_len, old_len - new_len);
		return (int64_t)old;
	}
	if (!(a[3] & 1) || new_len > (1ull << 40) || p->mmap_next - new_len < p->brk + (1ull << 32))
		return -ENOMEM;
	uint64_t addr = p->mmap_next - new_len;
	if (gmem_map(mem(p), addr, new_len, page_prot(p, old)))
		return -ENOMEM;
	p->mmap_next = addr;
	uint8_t *tmp = malloc(GUEST_PAGE_SIZE);
	if (!tmp)
		return -ENOMEM;
	for (uint64_t off = 0; off < old_len; off += GUEST_PAGE_SIZE) {
		unsigned prot = page_prot(p, old + off);
		gmem_peek(mem(p), old + off, tmp, GUEST_PAGE_SIZE);
		gmem_poke(mem(p), addr + off, tmp, GUEST_PAGE_SIZE);
		gmem_protect(mem(p), addr + off, GUEST_PAGE_SIZE, prot);
	}
	free(tmp);
	gmem_unmap(mem(p), old, old_len);
	return (int64_t)addr;
}

static int64_t sys_zero(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	(void)a;
	return 0;
}

static int64_t sys_einval(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	(void)a;
	return -EINVAL;
}

static int64_t sys_enosys(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	(void)a;
	return -ENOSYS;
}

/* ---- process ---- */

static int64_t sys_arch_prctl(struct linux_process *p, const uint64_t a[6])
{
	uint64_t *fs = &p->cpu.state.segment_base[SEG_FS], *gs = &p->cpu.state.segment_base[SEG_GS];
	switch (a[0]) {
	case 0x1002: /* ARCH_SET_FS */ *fs = a[1]; return 0;
	case 0x1001: /* ARCH_SET_GS */ *gs = a[1]; return 0;
	case 0x1003: /* ARCH_GET_FS */ return linux_copy_out(p, a[1], fs, 8);
	case 0x1004: /* ARCH_GET_GS */ return linux_copy_out(p, a[1], gs, 8);
	default: return -EINVAL;
	}
}

static int64_t sys_exit_group(struct linux_process *p, const uint64_t a[6])
{
	p->exited = 1;
	p->exit_status = (int)(a[0] & 0xff);
	return 0;
}

/* Identity queries that cannot fail: the host's answer is the guest's
 * (guest processes are host processes, as in qemu-user). */
#define HOST_QUERY(name)                                                  \
	static int64_t sys_##name(struct linux_process *p, const uint64_t a[6]) \
	{                                                                  \
		(void)p;                                                   \
		(void)a;                                                   \
		return name();                                             \
	}
HOST_QUERY(getpid)
HOST_QUERY(getppid)
HOST_QUERY(getuid)
HOST_QUERY(geteuid)
HOST_QUERY(getgid)
HOST_QUERY(getegid)
HOST_QUERY(getpgrp)
#undef HOST_QUERY

static int64_t sys_getpgid(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(getpgid((pid_t)a[0]));
}

static int64_t sys_getsid(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(getsid((pid_t)a[0]));
}

static int64_t sys_getcpu(struct linux_process *p, const uint64_t a[6])
{
	/* One processor, as CPUID says: CPU 0 on node 0. */
	uint32_t zero = 0;
	if ((a[0] && linux_copy_out(p, a[0], &zero, sizeof zero)) ||
	    (a[1] && linux_copy_out(p, a[1], &zero, sizeof zero)))
		return -EFAULT;
	return 0;
}

/* Changing identities: carried out on the host (a guest that drops its
 * privileges drops uopsim's). */
static int64_t sys_setuid(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(setuid((uid_t)a[0]));
}

static int64_t sys_setgid(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(setgid((gid_t)a[0]));
}

static int64_t sys_setreuid(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(setreuid((uid_t)a[0], (uid_t)a[1]));
}

static int64_t sys_setregid(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(setregid((gid_t)a[0], (gid_t)a[1]));
}

static int64_t sys_setresuid(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(setresuid((uid_t)a[0], (uid_t)a[1], (uid_t)a[2]));
}

static int64_t sys_setresgid(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	return host(setresgid((gid_t)a[0], (gid_t)a[1], (gid_t)a[2]));
}

static int64_t sys_getresuid(struct linux_process *p, const uint64_t a[6])
{
	uid_t r, e, s;
	if (getresuid(&r, &e, &s) < 0)
		return -errno;
	if (linux_copy_out(p, a[0], &r, sizeof r) || linux_copy_out(p, a[1], &e, sizeof e) ||
	    linux_copy_out(p, a[2], &s, sizeof s))
		return -EFAULT;
	return 0;
}

static int64_t sys_getresgid(struct linux_process *p, const uint64_t a[6])
{
	gid_t r, e, s;
	if (getresgid(&r, &e, &s) < 0)
		return -errno;
	if (linux_copy_out(p, a[0], &r, sizeof r) || linux_copy_out(p, a[1], &e, sizeof e) ||
	    linux_copy_out(p, a[2], &s, sizeof s))
		return -EFAULT;
	return 0;
}

static int64_t sys_getgroups(struct linux_process *p, const uint64_t a[6])
{
	gid_t groups[256];
	int n = getgroups(256, groups);
	if (n < 0)
		return -errno;
	if (a[0] == 0)
		return n;
	if ((int64_t)a[0] < n)
		return -EINVAL;
	return linux_copy_out(p, a[1], groups, (size_t)n * sizeof groups[0]) ? -EFAULT : n;
}

static int64_t sys_uname(struct linux_process *p, const uint64_t a[6])
{
	struct utsname u;
	if (uname(&u) < 0)
		return -errno;
	snprintf(u.machine, sizeof u.machine, "x86_64");
	return linux_copy_out(p, a[0], &u, sizeof u);
}

static int64_t sys_prlimit64(struct linux_process *p, const uint64_t a[6])
{
	if (a[0] != 0 && (pid_t)a[0] != getpid())
		return -EPERM;
	/* The guest may read its limits; changing them is ignored (they are
	 * uopsim's own). */
	if (a[3]) {
		struct rlimit r;
		if (getrlimit((int)a[1], &r) < 0)
			return -errno;
		return linux_copy_out(p, a[3], &r, sizeof r);
	}
	return 0;
}

static int64_t sys_getrlimit(struct linux_process *p, const uint64_t a[6])
{
	uint64_t b[6] = {0, a[0], 0, a[1], 0, 0};
	return sys_prlimit64(p, b);
}

static int64_t sys_getrusage(struct linux_process *p, const uint64_t a[6])
{
	struct rusage r;
	if (getrusage((int)a[0], &r) < 0)
		return -errno;
	return linux_copy_out(p, a[1], &r, sizeof r);
}

static int64_t sys_sysinfo(struct linux_process *p, const uint64_t a[6])
{
	struct sysinfo si;
	if (sysinfo(&si) < 0)
		return -errno;
	return linux_copy_out(p, a[0], &si, sizeof si);
}

static int64_t sys_times(struct linux_process *p, const uint64_t a[6])
{
	struct tms t;
	clock_t c = times(&t);
	if (a[0] && linux_copy_out(p, a[0], &t, sizeof t))
		return -EFAULT;
	return (int64_t)c;
}

static int64_t sys_sched_getaffinity(struct linux_process *p, const uint64_t a[6])
{
	/* One processor, as CPUID says. */
	if (a[1] < 8 || (a[1] & 7))
		return -EINVAL;
	uint64_t mask = 1;
	return linux_copy_out(p, a[2], &mask, sizeof mask) ? -EFAULT : 8;
}

static int64_t sys_set_tid_address(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	(void)a;
	return getpid();
}

static int64_t sys_futex(struct linux_process *p, const uint64_t a[6])
{
	(void)p;
	int op = (int)(a[1] & 0x7f);
	if (op == 1 /* FUTEX_WAKE */)
		return 0;
	return op == 0 /* FUTEX_WAIT */ ? -EAGAIN : -ENOSYS;
}

static int64_t sys_wait4(struct linux_process *p, const uint64_t a[6])
{
	int status = 0;
	struct rusage ru;
	if (a[1] && !writable(p, a[1], sizeof status))
		return -EFAULT;
	pid_t r = wait4((pid_t)a[0], &status, (int)a[2], a[3] ? &ru : NULL);
	if (r < 0)
		return -errno;
	if (r > 0 && a[1] && linux_copy_out(p, a[1], &status, sizeof status))
		return -EFAULT;
	if (r > 0 && a[3] && linux_copy_out(p, a[3], &ru, sizeof ru))
		return -EFAULT;
	return r;
}

static int64_t sys_waitid(struct linux_process *p, const uint64_t a[6])
{
	siginfo_t si;
	struct rusage ru;
	memset(&si, 0, sizeof si);
	if (a[2] && !writable(p, a[2], sizeof si))
		return -EFAULT;
	if (syscall(SYS_waitid, (int)a[0], (pid_t)a[1], &si, (int)a[3], a[4] ? &ru : NULL) < 0)
		return -errno;
	if (a[2] && linux_copy_out(p, a[2], &si, sizeof si))
		return -EFAULT;
	if (a[4] && linux_copy_out(p, a[4], &ru, sizeof ru))
		return -EFAULT;
	return 0;
}

/* fork, vfork and clone without CLONE_VM: the host's fork(). All guest
 * state lives in this process, so the child process simply goes on
 * simulating its copy. Threads (CLONE_VM) are not supported yet. */
static int64_t do_fork(struct linux_process *p, uint64_t flags, uint64_t stack, uint64_t ptid, uint64_t ctid,
                       uint64_t tls)
{
	/* glibc's posix_spawn (popen, system) clones with CLONE_VM |
	 * CLONE_VFORK. Without threads, that child gets a copy of the memory
	 * instead, as after fork: it runs on its new stack and execs; only a
	 * failed exec differs (the parent sees the exit status 127, not the
	 * child's errno). */
	if ((flags & (CLONE_VM | CLONE_VFORK)) == (CLONE_VM | CLONE_VFORK) &&
	    !(flags & (CLONE_THREAD | CLONE_SIGHAND | CLONE_SETTLS)))
		flags &= ~(uint64_t)CLONE_VM;
	if (flags & (CLONE_VM | CLONE_THREAD | CLONE_SIGHAND))
		return -ENOSYS;
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		return -errno;
	if (pid == 0) {
		p->forked = 1;
		p->sigpending = 0; /* a child starts with no pending signals */
		if (stack)
			p->cpu.state.gpr[GPR_RSP] = stack;
		if (flags & CLONE_SETTLS)
			p->cpu.state.segment_base[SEG_FS] = tls;
		pid_t me = getpid();
		if (flags & CLONE_CHILD_SETTID)
			linux_copy_out(p, ctid, &me, sizeof me);
		if (flags & CLONE_PARENT_SETTID)
			linux_copy_out(p, ptid, &me, sizeof me);
		return 0;
	}
	if (flags & CLONE_PARENT_SETTID)
		linux_copy_out(p, ptid, &pid, sizeof pid);
	return pid;
}

static int64_t sys_fork(struct linux_process *p, const uint64_t a[6])
{
	(void)a;
	return do_fork(p, SIGCHLD, 0, 0, 0, 0);
}

/* clone(flags, stack, parent_tid, child_tid, tls) on x86-64. */
static int64_t sys_clone(struct linux_process *p, const uint64_t a[6])
{
	return do_fork(p, a[0], a[1], a[2], a[3], a[4]);
}

/* Copies a NULL-terminated guest array of strings into a malloc'ed,
 * NULL-terminated host array. Returns the count or -errno. */
static int64_t copy_strv(struct linux_process *p, uint64_t addr, char ***out)
{
	size_t n = 0, cap = 16;
	char **v = malloc(cap * sizeof *v);
	if (!v)
		return -ENOMEM;
	for (; addr; n++) {
		uint64_t ptr;
		if (linux_copy_in(p, addr + 8 * n, &ptr, sizeof ptr))
			goto fault;
		if (!ptr)
			break;
		if (n + 2 > cap) {
			char **w = realloc(v, (cap *= 2) * sizeof *v);
			if (!w)
				goto fault;
			v = w;
		}
		char *str = malloc(1 << 17);
		if (!str || copy_string(p, ptr, str, 1 << 17)) {
			free(str);
			goto fault;
		}
		v[n] = realloc(str, strlen(str) + 1);
		if (!v[n]) {
			v[n] = str;
		}
	}
	v[n] = NULL;
	*out = v;
	return (int64_t)n;
fault:
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
	return -EFAULT;
}

static void free_strv(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

/* The host file descriptors marked close-on-exec are closed at execve. */
static void close_on_exec(void)
{
	DIR *d = opendir("/proc/self/fd");
	if (!d)
		return;
	int self = dirfd(d);
	struct dirent *e;
	int fds[1024], n = 0;
	while ((e = readdir(d)) && n < 1024) {
		int fd = atoi(e->d_name);
		if (e->d_name[0] < '0' || e->d_name[0] > '9' || fd == self)
			continue;
		int fl = fcntl(fd, F_GETFD);
		if (fl >= 0 && (fl & FD_CLOEXEC))
			fds[n++] = fd;
	}
	closedir(d);
	for (int i = 0; i < n; i++)
		close(fds[i]);
}

/* execve: the new program replaces the guest in this same simulator
 * process (linux_load runs a "#!" script's interpreter). */
static int64_t sys_execve(struct linux_process *p, const uint64_t a[6])
{
	PATH_ARG(path, a[0]);
	char **argv = NULL, **envp = NULL;
	int64_t argc = copy_strv(p, a[1], &argv);
	if (argc < 0)
		return argc;
	int64_t envc = copy_strv(p, a[2], &envp);
	int64_t rc;
	if (envc < 0) {
		free_strv(argv);
		return envc;
	}
	if (is_proc_self_exe(path))
		snprintf(path, sizeof path, "%s", p->exe_realpath ? p->exe_realpath : p->exe_path);
	if (access(path, X_OK) < 0) {
		rc = -errno;
		goto out;
	}
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		rc = -EACCES;
		goto out;
	}
	struct linux_process *q = aligned_alloc(64, (sizeof *q + 63) & ~(size_t)63);
	if (!q) {
		rc = -ENOMEM;
		goto out;
	}
	char err[512];
	if (linux_load(q, path, (int)argc, argv, envp, p->sysroot, err, sizeof err)) {
		linux_destroy(q);
		free(q);
		if (p->strace)
			fprintf(p->strace, "uopsim: execve %s: %s\n", path, err);
		rc = -ENOEXEC;
		goto out;
	}
	close_on_exec();
	/* What execve keeps: the signal mask, ignored signals, the counts. */
	q->strace = p->strace;
	q->forked = p->forked;
	q->sigmask = p->sigmask;
	q->sigpending = p->sigpending;
	for (int i = 1; i <= LINUX_NSIG; i++)
		if (p->sigactions[i].handler == 1 /* SIG_IGN */)
			q->sigactions[i].handler = 1;
	q->syscalls = p->syscalls;
	q->cpu.instructions = p->cpu.instructions;
	q->cpu.uops = p->cpu.uops;
	if (p->strace) {
		fprintf(p->strace, "execve(\"%s\", [", path);
		for (int64_t i = 0; i < argc; i++)
			fprintf(p->strace, "%s\"%s\"", i ? ", " : "", argv[i]);
		fprintf(p->strace, "]) = 0\n");
	}
	linux_destroy(p);
	memcpy(p, q, sizeof *q);
	if (p->cpu.env.context == q) /* an i386 program's GDT lookups (linux32.h) */
		p->cpu.env.context = p;
	free(q);
	rc = 0;
out:
	free_strv(argv);
	free_strv(envp);
	return rc;
}

/* ---- time and randomness ---- */

static int64_t sys_clock_gettime(struct linux_process *p, const uint64_t a[6])
{
	struct timespec ts;
	if (clock_gettime((clockid_t)a[0], &ts) < 0)
		return -errno;
	return linux_copy_out(p, a[1], &ts, sizeof ts);
}

static int64_t sys_clock_getres(struct linux_process *p, const uint64_t a[6])
{
	struct timespec ts;
	if (clock_getres((clockid_t)a[0], &ts) < 0)
		return -errno;
	return a[1] ? linux_copy_out(p, a[1], &ts, sizeof ts) : 0;
}

static int64_t sys_gettimeofday(struct linux_process *p, const uint64_t a[6])
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	if (a[0] && linux_copy_out(p, a[0], &tv, sizeof tv))
		return -EFAULT;
	if (a[1]) {
		uint32_t tz[2] = {0, 0};
		if (linux_copy_out(p, a[1], tz, sizeof tz))
			return -EFAULT;
	}
	return 0;
}

static int64_t sys_time(struct linux_process *p, const uint64_t a[6])
{
	int64_t t = (int64_t)time(NULL);
	if (a[0] && linux_copy_out(p, a[0], &t, sizeof t))
		return -EFAULT;
	return t;
}

static int64_t sys_nanosleep(struct linux_process *p, const uint64_t a[6])
{
	struct timespec req, rem;
	if (linux_copy_in(p, a[0], &req, sizeof req))
		return -EFAULT;
	if (nanosleep(&req, &rem) < 0) {
		int e = errno;
		if (a[1])
			linux_copy_out(p, a[1], &rem, sizeof rem);
		return -e;
	}
	return 0;
}

static int64_t sys_clock_nanosleep(struct linux_process *p, const uint64_t a[6])
{
	struct timespec req, rem;
	if (linux_copy_in(p, a[2], &req, sizeof req))
		return -EFAULT;
	int e = clock_nanosleep((clockid_t)a[0], (int)a[1], &req, &rem);
	if (e && a[3])
		linux_copy_out(p, a[3], &rem, sizeof rem);
	return -e;
}

static int64_t sys_getrandom(struct linux_process *p, const uint64_t a[6])
{
	size_t n = a[1] > 4096 ? 4096 : (size_t)a[1];
	uint8_t buf[4096];
	if (!writable(p, a[0], n))
		return -EFAULT;
	ssize_t r = getrandom(buf, n, (unsigned)a[2]);
	if (r < 0)
		return -errno;
	return linux_copy_out(p, a[0], buf, (size_t)r) ? -EFAULT : r;
}

/* ---- signals (recorded; delivery is a later step) ---- */

static int64_t sys_rt_sigaction(struct linux_process *p, const uint64_t a[6])
{
	int sig = (int)a[0];
	if (sig < 1 || sig > LINUX_NSIG || a[3] != 8)
		return -EINVAL;
	struct linux_sigaction act;
	if (a[1] && linux_copy_in(p, a[1], &act, sizeof act))
		return -EFAULT;
	if (a[1] && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	if (a[2] && linux_copy_out(p, a[2], &p->sigactions[sig], sizeof act))
		return -EFAULT;
	if (a[1]) {
		p->sigactions[sig] = act;
		linux_signal_action_changed(p, sig);
	}
	return 0;
}

static int64_t sys_rt_sigprocmask(struct linux_process *p, const uint64_t a[6])
{
	if (a[3] != 8)
		return -EINVAL;
	uint64_t set = 0, old = p->sigmask;
	if (a[1] && linux_copy_in(p, a[1], &set, sizeof set))
		return -EFAULT;
	if (a[1]) {
		switch (a[0]) {
		case SIG_BLOCK: p->sigmask |= set; break;
		case SIG_UNBLOCK: p->sigmask &= ~set; break;
		case SIG_SETMASK: p->sigmask = set; break;
		default: return -EINVAL;
		}
		p->sigmask &= ~((1ull << (SIGKILL - 1)) | (1ull << (SIGSTOP - 1)));
	}
	if (a[2] && linux_copy_out(p, a[2], &old, sizeof old))
		return -EFAULT;
	return 0;
}

/* A signal sent to the process itself: with the default action (or any
 * action, as handlers cannot run yet) the fatal ones end it. */
static int64_t signal_self(struct linux_process *p, int sig)
{
	if (sig == 0)
		return 0;
	if (sig < 1 || sig > LINUX_NSIG)
		return -EINVAL;
	/* Pending until the system call returns (signal.c delivers it). */
	linux_signal_send(p, sig, 0 /* SI_USER */, 0);
	return 0;
}

static int64_t sys_kill(struct linux_process *p, const uint64_t a[6])
{
	pid_t pid = (pid_t)a[0];
	if (pid == getpid() || pid == 0) /* 0: the process group, taken as the process itself */
		return signal_self(p, (int)a[1]);
	if (pid == -1)
		return -EPERM; /* every process: not carried out */
	/* Other processes (children, which are uopsim processes too) get the
	 * host's signal. */
	return host(kill(pid, (int)a[1]));
}

static int64_t sys_tgkill(struct linux_process *p, const uint64_t a[6])
{
	if ((pid_t)a[1] == getpid()) {
		if ((int)a[2] > 0 && (int)a[2] <= LINUX_NSIG) {
			linux_signal_send(p, (int)a[2], -6 /* SI_TKILL */, 0);
			return 0;
		}
		return signal_self(p, (int)a[2]);
	}
	return host(syscall(SYS_tgkill, (pid_t)a[0], (pid_t)a[1], (int)a[2]));
}

static int64_t sys_tkill(struct linux_process *p, const uint64_t a[6])
{
	if ((pid_t)a[0] == getpid())
		return signal_self(p, (int)a[1]);
	return -ESRCH;
}

#define S(nr, name, args) [nr] = {#name, sys_##name, args}
#define ALIAS(nr, name, fn, args) [nr] = {#name, sys_##fn, args}
static const struct syscall_info table[] = {
    S(0, read, "dpu"),
    S(1, write, "dbu"),
    S(2, open, "sxo"),
    S(3, close, "d"),
    S(4, stat, "sp"),
    S(5, fstat, "dp"),
    S(6, lstat, "sp"),
    [7] = {"poll", linux_sys_poll, "pud"},
    S(8, lseek, "dld"),
    S(9, mmap, "pxxxdx"),
    S(10, mprotect, "pxx"),
    S(11, munmap, "px"),
    S(12, brk, "p"),
    S(13, rt_sigaction, "dppu"),
    S(14, rt_sigprocmask, "dppu"),
    [15] = {"rt_sigreturn", linux_sys_rt_sigreturn, ""},
    S(16, ioctl, "dxp"),
    S(17, pread64, "dpul"),
    S(18, pwrite64, "dbul"),
    S(19, readv, "dpu"),
    S(20, writev, "dpu"),
    S(21, access, "so"),
    S(22, pipe, "p"),
    [23] = {"select", linux_sys_select, "dpppp"},
    ALIAS(24, sched_yield, zero, ""),
    S(25, mremap, "pxxxp"),
    ALIAS(28, madvise, zero, "pxd"),
    S(32, dup, "d"),
    S(33, dup2, "dd"),
    [34] = {"pause", linux_sys_pause, ""},
    S(35, nanosleep, "pp"),
    [36] = {"getitimer", linux_sys_getitimer, "dp"},
    [37] = {"alarm", linux_sys_alarm, "u"},
    [38] = {"setitimer", linux_sys_setitimer, "dpp"},
    S(39, getpid, ""),
    S(40, sendfile, "ddpu"),
    S(56, clone, "xpppx"),
    S(57, fork, ""),
    ALIAS(58, vfork, fork, ""),
    S(59, execve, "spp"),
    S(41, socket, "ddd"),
    S(42, connect, "dpu"),
    S(43, accept, "dpp"),
    S(44, sendto, "dbuxpu"),
    S(45, recvfrom, "dpuxpp"),
    S(46, sendmsg, "dpx"),
    S(47, recvmsg, "dpx"),
    S(48, shutdown, "dd"),
    S(49, bind, "dpu"),
    S(50, listen, "dd"),
    S(51, getsockname, "dpp"),
    S(52, getpeername, "dpp"),
    S(53, socketpair, "dddp"),
    S(54, setsockopt, "dddpu"),
    S(55, getsockopt, "dddpp"),
    S(61, wait4, "dpxp"),
    S(62, kill, "dd"),
    S(63, uname, "p"),
    S(72, fcntl, "ddx"),
    S(73, flock, "dd"),
    S(74, fsync, "d"),
    ALIAS(75, fdatasync, fsync, "d"),
    S(76, truncate, "sl"),
    S(77, ftruncate, "dl"),
    S(79, getcwd, "pu"),
    S(80, chdir, "s"),
    S(81, fchdir, "d"),
    S(82, rename, "ss"),
    S(83, mkdir, "so"),
    S(84, rmdir, "s"),
    S(85, creat, "so"),
    S(87, unlink, "s"),
    S(89, readlink, "spu"),
    S(86, link, "ss"),
    S(88, symlink, "ss"),
    S(90, chmod, "so"),
    S(91, fchmod, "do"),
    S(92, chown, "sdd"),
    S(93, fchown, "ddd"),
    S(94, lchown, "sdd"),
    S(95, umask, "o"),
    S(96, gettimeofday, "pp"),
    S(97, getrlimit, "dp"),
    S(98, getrusage, "dp"),
    S(99, sysinfo, "p"),
    S(100, times, "p"),
    S(102, getuid, ""),
    S(104, getgid, ""),
    S(107, geteuid, ""),
    S(108, getegid, ""),
    S(105, setuid, "d"),
    S(106, setgid, "d"),
    ALIAS(109, setpgid, zero, "dd"),
    S(113, setreuid, "dd"),
    S(114, setregid, "dd"),
    S(117, setresuid, "ddd"),
    S(118, getresuid, "ppp"),
    S(119, setresgid, "ddd"),
    S(120, getresgid, "ppp"),
    S(110, getppid, ""),
    S(111, getpgrp, ""),
    S(115, getgroups, "dp"),
    S(121, getpgid, "d"),
    S(124, getsid, "d"),
    [131] = {"sigaltstack", linux_sys_sigaltstack, "pp"},
    [127] = {"rt_sigpending", linux_sys_rt_sigpending, "pu"},
    [128] = {"rt_sigtimedwait", linux_sys_rt_sigtimedwait, "pppu"},
    [130] = {"rt_sigsuspend", linux_sys_rt_sigsuspend, "pu"},
    S(137, statfs, "sp"),
    S(138, fstatfs, "dp"),
    ALIAS(157, prctl, einval, "dxxxx"),
    S(158, arch_prctl, "xx"),
    ALIAS(186, gettid, getpid, ""),
    S(200, tkill, "dd"),
    S(201, time, "p"),
    S(202, futex, "pdd"),
    S(204, sched_getaffinity, "dup"),
    S(217, getdents64, "dpu"),
    ALIAS(162, sync, zero, ""),
    ALIAS(221, fadvise64, zero, "dllx"),
    S(218, set_tid_address, "p"),
    S(247, waitid, "ddpxp"),
    S(228, clock_gettime, "dp"),
    S(229, clock_getres, "dp"),
    S(230, clock_nanosleep, "ddpp"),
    S(231, exit_group, "d"),
    S(234, tgkill, "ddd"),
    S(257, openat, "fsxo"),
    S(258, mkdirat, "fso"),
    S(260, fchownat, "fsddx"),
    S(262, newfstatat, "fspx"),
    S(263, unlinkat, "fsx"),
    S(264, renameat, "fsfs"),
    S(265, linkat, "fsfsx"),
    S(266, symlinkat, "sfs"),
    S(267, readlinkat, "fspu"),
    S(268, fchmodat, "fso"),
    S(269, faccessat, "fso"),
    ALIAS(273, set_robust_list, zero, "pu"),
    [270] = {"pselect6", linux_sys_pselect6, "dppppp"},
    [271] = {"ppoll", linux_sys_ppoll, "pupppu"},
    S(280, utimensat, "fspx"),
    S(288, accept4, "dppx"),
    S(292, dup3, "ddx"),
    S(293, pipe2, "px"),
    S(302, prlimit64, "ddpp"),
    S(309, getcpu, "ppp"),
    S(318, getrandom, "pux"),
    ALIAS(332, statx, enosys, "fsxxp"),
    ALIAS(334, rseq, enosys, "pudx"),
    ALIAS(435, clone3, enosys, "pu"),
    S(439, faccessat2, "fsox"),
};
#define TABLE_SIZE (sizeof table / sizeof table[0])

/* exit (60) ends the only thread, so the process. */

static void print_string(FILE *out, struct linux_process *p, uint64_t addr, uint64_t len, int nul_terminated)
{
	enum { SHOW = 32 };
	uint8_t buf[SHOW];
	uint64_t n = len < SHOW ? len : SHOW, have = 0;
	if (nul_terminated) {
		for (; have < SHOW; have++) {
			if (gmem_peek(mem(p), addr + have, &buf[have], 1) || !buf[have])
				break;
		}
		n = have;
	} else if (gmem_peek(mem(p), addr, buf, n)) {
		fprintf(out, "0x%llx", (unsigned long long)addr);
		return;
	}
	if (nul_terminated && n == 0 && gmem_peek(mem(p), addr, buf, 1)) {
		fprintf(out, "0x%llx", (unsigned long long)addr);
		return;
	}
	fputc('"', out);
	for (uint64_t i = 0; i < n; i++) {
		uint8_t c = buf[i];
		if (c == '\n')
			fputs("\\n", out);
		else if (c == '\t')
			fputs("\\t", out);
		else if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 32 || c >= 127)
			fprintf(out, "\\%o", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
	if ((nul_terminated && n == SHOW) || (!nul_terminated && len > SHOW))
		fputs("...", out);
}

static void print_args(FILE *out, struct linux_process *p, const char *fmt, const uint64_t a[6])
{
	for (int i = 0; fmt[i] && i < 6; i++) {
		if (i)
			fputs(", ", out);
		switch (fmt[i]) {
		case 'd': fprintf(out, "%d", (int)a[i]); break;
		case 'l': fprintf(out, "%lld", (long long)(int64_t)a[i]); break;
		case 'f':
			if ((int)a[i] == AT_FDCWD)
				fputs("AT_FDCWD", out);
			else
				fprintf(out, "%d", (int)a[i]);
			break;
		case 'u': fprintf(out, "%llu", (unsigned long long)a[i]); break;
		case 'o': fprintf(out, "0%llo", (unsigned long long)a[i]); break;
		case 's': print_string(out, p, a[i], 0, 1); break;
		case 'b': print_string(out, p, a[i], i < 5 ? a[i + 1] : 0, 0); break;
		case 'p':
			if (a[i])
				fprintf(out, "0x%llx", (unsigned long long)a[i]);
			else
				fputs("NULL", out);
			break;
		default: fprintf(out, "0x%llx", (unsigned long long)a[i]); break;
		}
	}
}

void linux_syscall(struct linux_process *p)
{
	struct x86_state *s = &p->cpu.state;
	uint64_t nr = s->gpr[GPR_RAX];
	const uint64_t a[6] = {s->gpr[GPR_RDI], s->gpr[GPR_RSI], s->gpr[GPR_RDX],
	                       s->gpr[GPR_R10], s->gpr[GPR_R8],  s->gpr[GPR_R9]};
	const struct syscall_info *info = nr < TABLE_SIZE && table[nr].fn ? &table[nr] : NULL;
	static const struct syscall_info exit_info = {"exit", sys_exit_group, "d"};
	if (nr == 60)
		info = &exit_info;
	p->syscalls++;
	if (p->strace && info && (nr == 60 || nr == 231)) {
		fprintf(p->strace, "%s(", info->name);
		print_args(p->strace, p, info->args, a);
		fprintf(p->strace, ") = ?\n");
	}
	int64_t r = info ? info->fn(p, a) : -ENOSYS;
	s->gpr[GPR_RAX] = (uint64_t)r;
	/* Writing to a pipe nobody reads: the kernel also sends SIGPIPE
	 * (uopsim itself ignores it while the guest runs: linux_run). */
	if (r == -EPIPE && nr != 15 /* rt_sigreturn */ && !(p->sigmask & (1ull << (SIGPIPE - 1))))
		signal_self(p, SIGPIPE);
	if (!p->strace || (info && (nr == 60 || nr == 231)) || (nr == 59 && r == 0))
		return; /* a successful execve printed itself (its arguments are gone) */
	if (info) {
		fprintf(p->strace, "%s(", info->name);
		print_args(p->strace, p, info->args, a);
		fprintf(p->strace, ")");
	} else {
		fprintf(p->strace, "syscall_%llu(0x%llx, 0x%llx, 0x%llx, 0x%llx, 0x%llx, 0x%llx)",
		        (unsigned long long)nr, (unsigned long long)a[0], (unsigned long long)a[1],
		        (unsigned long long)a[2], (unsigned long long)a[3], (unsigned long long)a[4],
		        (unsigned long long)a[5]);
	}
	if (r < 0 && r >= -4095) {
		const char *name = strerrorname_np((int)-r);
		fprintf(p->strace, " = -1 %s (%s)\n", name ? name : "E?", strerror((int)-r));
	} else if (info && (nr == 9 || nr == 12 || nr == 25)) { /* mmap, brk, mremap: addresses */
		fprintf(p->strace, " = 0x%llx\n", (unsigned long long)r);
	} else {
		fprintf(p->strace, " = %lld\n", (long long)r);
	}
}

const char *linux_signal_name(int sig)
{
	static const char *const names[] = {
	    [1] = "SIGHUP",     [2] = "SIGINT",   [3] = "SIGQUIT",   [4] = "SIGILL",   [5] = "SIGTRAP",
	    [6] = "SIGABRT",    [7] = "SIGBUS",   [8] = "SIGFPE",    [9] = "SIGKILL",  [10] = "SIGUSR1",
	    [11] = "SIGSEGV",   [12] = "SIGUSR2", [13] = "SIGPIPE",  [14] = "SIGALRM", [15] = "SIGTERM",
	    [16] = "SIGSTKFLT", [17] = "SIGCHLD", [18] = "SIGCONT",  [19] = "SIGSTOP", [20] = "SIGTSTP",
	    [21] = "SIGTTIN",   [22] = "SIGTTOU", [23] = "SIGURG",   [24] = "SIGXCPU", [25] = "SIGXFSZ",
	    [26] = "SIGVTALRM", [27] = "SIGPROF", [28] = "SIGWINCH", [29] = "SIGIO",   [30] = "SIGPWR",
	    [31] = "SIGSYS",
	};
	if (sig > 0 && sig < (int)(sizeof names / sizeof names[0]) && names[sig])
		return names[sig];
	return "signal";
}

/* The x86-64 handler of call nr, for the i386 ABI (syscall32.c). */
int64_t linux_syscall_x64(struct linux_process *p, unsigned nr, const uint64_t a[6])
{
	int64_t r = nr == 60 ? sys_exit_group(p, a) : nr < TABLE_SIZE && table[nr].fn ? table[nr].fn(p, a) : -ENOSYS;
	if (r == -EPIPE && !(p->sigmask & (1ull << (SIGPIPE - 1))))
		signal_self(p, SIGPIPE);
	return r;
}
