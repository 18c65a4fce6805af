/* syscall32.c - the i386 Linux system-call ABI (`int 0x80`: the number in
 * EAX, arguments in EBX, ECX, EDX, ESI, EDI, EBP, the result in EAX). i386
 * numbers differ from x86-64's: a call whose arguments and structures
 * are laid out the same is carried out by the x86-64 handler
 * (linux_syscall_x64); the others translate their 32-bit structures
 * (stat64, iovec, timespec, timeval, rlimit, sigaction...). */
#define _GNU_SOURCE
#include "linux/linux32.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "machine/memory.h"

#define PAGE_MASK_ (GUEST_PAGE_SIZE - 1)
#define MAX_IO (64u << 20)

/* ---- the GDT's TLS entries (set_thread_area) ---- */

#define TLS_FIRST 12
#define TLS_COUNT 3
_Static_assert(TLS_COUNT == sizeof ((struct linux_process *)0)->tls32 / sizeof(struct linux_tls32),
               "linux_process.tls32 holds the GDT's TLS entries");

/* The context is the guest's struct linux_process (cpu.env.context). */
int linux_descriptor32(void *context, uint16_t selector, uint64_t *base, int *code)
{
	const struct linux_process *p = context;
	unsigned index = selector >> 3;
	*base = 0;
	*code = 0;
	if (index == (0x23 >> 3)) {
		*code = 1;
		return 0;
	}
	if (index == (0x2b >> 3))
		return 0;
	if (index >= TLS_FIRST && index < TLS_FIRST + TLS_COUNT && p->tls32[index - TLS_FIRST].used) {
		*base = p->tls32[index - TLS_FIRST].base;
		return 0;
	}
	return -1;
}

/* ---- helpers ---- */

static int copy_path(struct linux_process *p, uint64_t addr, char *dst, size_t size)
{
	for (size_t n = 0; n < size; n++) {
		if (linux_copy_in(p, addr + n, dst + n, 1))
			return -EFAULT;
		if (!dst[n])
			return 0;
	}
	return -ENAMETOOLONG;
}

static int64_t x64(struct linux_process *p, unsigned nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
                   uint64_t a4, uint64_t a5)
{
	const uint64_t a[6] = {a0, a1, a2, a3, a4, a5};
	return linux_syscall_x64(p, nr, a);
}

static void put32(uint8_t *b, size_t off, uint32_t v)
{
	memcpy(b + off, &v, 4);
}

static void put64(uint8_t *b, size_t off, uint64_t v)
{
	memcpy(b + off, &v, 8);
}

/* ---- translated calls ---- */

typedef int64_t (*fn32)(struct linux_process *p, const uint32_t a[6]);

/* struct stat64 of i386: 96 bytes, 4-byte aligned 64-bit fields. */
static int64_t put_stat64(struct linux_process *p, int r, const struct stat *st, uint32_t addr)
{
	if (r < 0)
		return -errno;
	uint8_t b[96];
	memset(b, 0, sizeof b);
	put64(b, 0, st->st_dev);
	put32(b, 12, (uint32_t)st->st_ino);
	put32(b, 16, st->st_mode);
	put32(b, 20, (uint32_t)st->st_nlink);
	put32(b, 24, st->st_uid);
	put32(b, 28, st->st_gid);
	put64(b, 32, st->st_rdev);
	put64(b, 44, (uint64_t)st->st_size);
	put32(b, 52, (uint32_t)st->st_blksize);
	put64(b, 56, (uint64_t)st->st_blocks);
	put32(b, 64, (uint32_t)st->st_atim.tv_sec);
	put32(b, 68, (uint32_t)st->st_atim.tv_nsec);
	put32(b, 72, (uint32_t)st->st_mtim.tv_sec);
	put32(b, 76, (uint32_t)st->st_mtim.tv_nsec);
	put32(b, 80, (uint32_t)st->st_ctim.tv_sec);
	put32(b, 84, (uint32_t)st->st_ctim.tv_nsec);
	put64(b, 88, st->st_ino);
	return linux_copy_out(p, addr, b, sizeof b);
}

static int is_self_exe(const char *path)
{
	char mine[64];
	snprintf(mine, sizeof mine, "/proc/%d/exe", (int)getpid());
	return !strcmp(path, "/proc/self/exe") || !strcmp(path, mine);
}

static int64_t stat_at(struct linux_process *p, int dirfd, uint32_t path_addr, uint32_t buf, int flags)
{
	char path[PATH_MAX];
	int rc = copy_path(p, path_addr, path, sizeof path);
	if (rc)
		return rc;
	struct stat st;
	if (is_self_exe(path))
		return put_stat64(p, stat(p->exe_realpath ? p->exe_realpath : p->exe_path, &st), &st, buf);
	return put_stat64(p, fstatat(dirfd, path, &st, flags), &st, buf);
}

static int64_t s_stat64(struct linux_process *p, const uint32_t a[6])
{
	return stat_at(p, AT_FDCWD, a[0], a[1], 0);
}

static int64_t s_lstat64(struct linux_process *p, const uint32_t a[6])
{
	return stat_at(p, AT_FDCWD, a[0], a[1], AT_SYMLINK_NOFOLLOW);
}

static int64_t s_fstatat64(struct linux_process *p, const uint32_t a[6])
{
	return stat_at(p, (int)a[0], a[1], a[2], (int)a[3]);
}

static int64_t s_fstat64(struct linux_process *p, const uint32_t a[6])
{
	struct stat st;
	return put_stat64(p, fstat((int)a[0], &st), &st, a[1]);
}

/* Reads a guest iovec array of {u32 base, u32 len}. */
static int64_t read_iov32(struct linux_process *p, uint32_t addr, uint32_t n, uint32_t (*iov)[2])
{
	if (n > 1024)
		return -EINVAL;
	uint64_t total = 0;
	if (n && linux_copy_in(p, addr, iov, 8 * (size_t)n))
		return -EFAULT;
	for (uint32_t i = 0; i < n; i++) {
		if ((int32_t)iov[i][1] < 0)
			return -EINVAL;
		total += iov[i][1];
	}
	return total > MAX_IO ? MAX_IO : (int64_t)total;
}

/* The data of an i386 writev or sendmsg (linux32.h). */
int64_t linux_gather_iov32(struct linux_process *p, const uint32_t (*iov)[2], uint32_t n, uint8_t *tmp, size_t total)
{
	size_t off = 0;
	for (uint32_t i = 0; i < n && off < total; i++) {
		size_t len = iov[i][1] < total - off ? iov[i][1] : total - off;
		if (linux_copy_in(p, iov[i][0], tmp + off, len))
			return -EFAULT;
		off += len;
	}
	return (int64_t)off;
}

/* The data of an i386 readv or recvmsg (linux32.h). */
int64_t linux_scatter_iov32(struct linux_process *p, const uint32_t (*iov)[2], uint32_t n, const uint8_t *tmp,
                            size_t got)
{
	int64_t rc = 0;
	size_t off = 0;
	for (uint32_t i = 0; i < n && off < got; i++) {
		size_t len = iov[i][1] < got - off ? iov[i][1] : got - off;
		if (linux_copy_out(p, iov[i][0], tmp + off, len))
			rc = -EFAULT; /* the rest is still written, as before */
		off += len;
	}
	return rc;
}

static int64_t s_writev(struct linux_process *p, const uint32_t a[6])
{
	uint32_t iov[1024][2];
	int64_t total = read_iov32(p, a[1], a[2], iov);
	if (total < 0)
		return total;
	uint8_t *tmp = malloc(total ? (size_t)total : 1);
	if (!tmp)
		return -ENOMEM;
	int64_t off = linux_gather_iov32(p, iov, a[2], tmp, (size_t)total);
	if (off < 0) {
		free(tmp);
		return off;
	}
	ssize_t r = write((int)a[0], tmp, (size_t)off);
	int64_t rc = r < 0 ? -errno : r;
	free(tmp);
	return rc;
}

static int64_t s_readv(struct linux_process *p, const uint32_t a[6])
{
	uint32_t iov[1024][2];
	int64_t total = read_iov32(p, a[1], a[2], iov);
	if (total < 0)
		return total;
	uint8_t *tmp = malloc(total ? (size_t)total : 1);
	if (!tmp)
		return -ENOMEM;
	ssize_t r = read((int)a[0], tmp, (size_t)total);
	int64_t rc = r < 0 ? -errno : r;
	if (r > 0 && linux_scatter_iov32(p, iov, a[2], tmp, (size_t)r) < 0)
		rc = -EFAULT;
	free(tmp);
	return rc;
}

static int64_t s_lseek(struct linux_process *p, const uint32_t a[6])
{
	int64_t r = x64(p, 8, a[0], (uint64_t)(int64_t)(int32_t)a[1], a[2], 0, 0, 0);
	if (r >= 0 && r > INT32_MAX)
		return -EOVERFLOW;
	return r;
}

static int64_t s_llseek(struct linux_process *p, const uint32_t a[6])
{
	int64_t off = (int64_t)(((uint64_t)a[1] << 32) | a[2]);
	int64_t r = x64(p, 8, a[0], (uint64_t)off, a[4], 0, 0, 0);
	if (r < 0)
		return r;
	return linux_copy_out(p, a[3], &r, 8);
}

static int64_t s_pread64(struct linux_process *p, const uint32_t a[6])
{
	return x64(p, 17, a[0], a[1], a[2], ((uint64_t)a[4] << 32) | a[3], 0, 0);
}

static int64_t s_pwrite64(struct linux_process *p, const uint32_t a[6])
{
	return x64(p, 18, a[0], a[1], a[2], ((uint64_t)a[4] << 32) | a[3], 0, 0);
}

static int64_t s_ftruncate64(struct linux_process *p, const uint32_t a[6])
{
	return x64(p, 77, a[0], ((uint64_t)a[2] << 32) | a[1], 0, 0, 0, 0);
}

/* mmap below 4 GiB: a fresh range is picked here, then mapped with
 * MAP_FIXED by the x86-64 handler. */
static int64_t do_mmap32(struct linux_process *p, uint32_t addr, uint32_t len, uint32_t prot, uint32_t flags,
                         uint32_t fd, uint64_t off)
{
	if (!len)
		return -EINVAL;
	uint64_t size = ((uint64_t)len + PAGE_MASK_) & ~(uint64_t)PAGE_MASK_;
	uint64_t fixed = MAP_FIXED | MAP_FIXED_NOREPLACE;
	if (!(flags & fixed)) {
		if (p->mmap_next < size || p->mmap_next - size < p->brk + (16u << 20))
			return -ENOMEM;
		addr = (uint32_t)(p->mmap_next - size);
	} else if ((uint64_t)addr + size > (1ull << 32)) {
		return -ENOMEM;
	}
	int64_t r = x64(p, 9, addr, size, prot, flags | (flags & fixed ? 0 : MAP_FIXED),
	                (uint64_t)(int64_t)(int32_t)fd, off);
	if (r >= 0 && !(flags & fixed))
		p->mmap_next = (uint64_t)r;
	return r;
}

static int64_t s_mmap2(struct linux_process *p, const uint32_t a[6])
{
	return do_mmap32(p, a[0], a[1], a[2], a[3], a[4], (uint64_t)a[5] * GUEST_PAGE_SIZE);
}

static int64_t s_old_mmap(struct linux_process *p, const uint32_t a[6])
{
	uint32_t v[6];
	if (linux_copy_in(p, a[0], v, sizeof v))
		return -EFAULT;
	if (v[5] & PAGE_MASK_)
		return -EINVAL;
	return do_mmap32(p, v[0], v[1], v[2], v[3], v[4], v[5]);
}

/* mremap: the x86-64 handler moves a growing mapping to just below
 * mmap_next, keeping 4 GiB above the heap; for a 32-bit process the gap
 * it checks is made 16 MiB by offsetting brk (mod 2^64) during the call. */
static int64_t s_mremap(struct linux_process *p, const uint32_t a[6])
{
	uint64_t brk = p->brk;
	p->brk = brk + (16ull << 20) - (1ull << 32);
	int64_t r = x64(p, 25, a[0], a[1], a[2], a[3] & 1, 0, 0);
	p->brk = brk;
	return r;
}

/* getdents64: the layout is the same, but a 64-bit kernel gives a compat
 * task 32-bit directory offsets (ext4's 32-bit hash is the high half of
 * its 64-bit one); glibc's 32-bit readdir fails with EOVERFLOW otherwise. */
static int64_t s_getdents64(struct linux_process *p, const uint32_t a[6])
{
	int64_t r = x64(p, 217, a[0], a[1], a[2], 0, 0, 0);
	for (int64_t off = 0; r > 0 && off + 19 <= r;) {
		uint8_t h[19];
		if (linux_copy_in(p, a[1] + (uint64_t)off, h, sizeof h))
			break;
		int64_t d_off;
		uint16_t reclen;
		memcpy(&d_off, h + 8, 8);
		memcpy(&reclen, h + 16, 2);
		if (d_off > INT32_MAX || d_off < INT32_MIN) {
			d_off = (int64_t)((uint64_t)d_off >> 32);
			linux_copy_out(p, a[1] + (uint64_t)off + 8, &d_off, 8);
		}
		if (!reclen)
			break;
		off += reclen;
	}
	return r;
}

static int64_t s_brk(struct linux_process *p, const uint32_t a[6])
{
	if (a[0] && a[0] + (16ull << 20) > p->mmap_next)
		return (int64_t)p->brk;
	return x64(p, 12, a[0], 0, 0, 0, 0, 0);
}

static int64_t s_time(struct linux_process *p, const uint32_t a[6])
{
	int32_t t = (int32_t)time(NULL);
	if (a[0] && linux_copy_out(p, a[0], &t, 4))
		return -EFAULT;
	return t;
}

static int64_t s_gettimeofday(struct linux_process *p, const uint32_t a[6])
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	int32_t v[2] = {(int32_t)tv.tv_sec, (int32_t)tv.tv_usec};
	if (a[0] && linux_copy_out(p, a[0], v, sizeof v))
		return -EFAULT;
	uint32_t tz[2] = {0, 0};
	if (a[1] && linux_copy_out(p, a[1], tz, sizeof tz))
		return -EFAULT;
	return 0;
}

static int64_t s_clock_gettime(struct linux_process *p, const uint32_t a[6])
{
	struct timespec ts;
	if (clock_gettime((clockid_t)a[0], &ts) < 0)
		return -errno;
	int32_t v[2] = {(int32_t)ts.tv_sec, (int32_t)ts.tv_nsec};
	return linux_copy_out(p, a[1], v, sizeof v);
}

static int64_t s_clock_getres(struct linux_process *p, const uint32_t a[6])
{
	struct timespec ts;
	if (clock_getres((clockid_t)a[0], &ts) < 0)
		return -errno;
	int32_t v[2] = {(int32_t)ts.tv_sec, (int32_t)ts.tv_nsec};
	return a[1] ? linux_copy_out(p, a[1], v, sizeof v) : 0;
}

static int64_t s_nanosleep(struct linux_process *p, const uint32_t a[6])
{
	int32_t v[2];
	if (linux_copy_in(p, a[0], v, sizeof v))
		return -EFAULT;
	struct timespec req = {v[0], v[1]}, rem;
	if (nanosleep(&req, &rem) < 0) {
		int e = errno;
		int32_t r[2] = {(int32_t)rem.tv_sec, (int32_t)rem.tv_nsec};
		if (a[1])
			linux_copy_out(p, a[1], r, sizeof r);
		return -e;
	}
	return 0;
}

static int64_t s_times(struct linux_process *p, const uint32_t a[6])
{
	struct tms t;
	clock_t r = times(&t);
	uint32_t v[4] = {(uint32_t)t.tms_utime, (uint32_t)t.tms_stime, (uint32_t)t.tms_cutime,
	                 (uint32_t)t.tms_cstime};
	if (a[0] && linux_copy_out(p, a[0], v, sizeof v))
		return -EFAULT;
	return (int64_t)(int32_t)r;
}

static int64_t s_ugetrlimit(struct linux_process *p, const uint32_t a[6])
{
	struct rlimit r;
	if (getrlimit((int)a[0], &r) < 0)
		return -errno;
	uint32_t v[2] = {r.rlim_cur > UINT32_MAX ? UINT32_MAX : (uint32_t)r.rlim_cur,
	                 r.rlim_max > UINT32_MAX ? UINT32_MAX : (uint32_t)r.rlim_max};
	return linux_copy_out(p, a[1], v, sizeof v);
}

/* rt_sigaction's i386 struct: handler, flags, restorer (4 bytes each), mask (8). */
static int64_t s_rt_sigaction(struct linux_process *p, const uint32_t a[6])
{
	int sig = (int)a[0];
	if (sig < 1 || sig > LINUX_NSIG || a[3] != 8)
		return -EINVAL;
	uint32_t v[5];
	if (a[1] && linux_copy_in(p, a[1], v, sizeof v))
		return -EFAULT;
	if (a[1] && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	if (a[2]) {
		const struct linux_sigaction *o = &p->sigactions[sig];
		uint32_t w[5] = {(uint32_t)o->handler, (uint32_t)o->flags, (uint32_t)o->restorer,
		                 (uint32_t)o->mask, (uint32_t)(o->mask >> 32)};
		if (linux_copy_out(p, a[2], w, sizeof w))
			return -EFAULT;
	}
	if (a[1]) {
		p->sigactions[sig] = (struct linux_sigaction){v[0], v[1], v[2], v[3] | (uint64_t)v[4] << 32};
		linux_signal_action_changed(p, sig);
	}
	return 0;
}

/* The old sigaction: handler, mask (4 bytes), flags, restorer. */
static int64_t s_sigaction(struct linux_process *p, const uint32_t a[6])
{
	int sig = (int)a[0];
	if (sig < 1 || sig > LINUX_NSIG)
		return -EINVAL;
	uint32_t v[4];
	if (a[1] && linux_copy_in(p, a[1], v, sizeof v))
		return -EFAULT;
	if (a[2]) {
		const struct linux_sigaction *o = &p->sigactions[sig];
		uint32_t w[4] = {(uint32_t)o->handler, (uint32_t)o->mask, (uint32_t)o->flags, (uint32_t)o->restorer};
		if (linux_copy_out(p, a[2], w, sizeof w))
			return -EFAULT;
	}
	if (a[1] && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	if (a[1]) {
		p->sigactions[sig] = (struct linux_sigaction){v[0], v[2], v[3], v[1]};
		linux_signal_action_changed(p, sig);
	}
	return 0;
}

/* struct user_desc: entry_number, base_addr, limit, flags. */
static int64_t s_set_thread_area(struct linux_process *p, const uint32_t a[6])
{
	uint32_t d[4];
	if (linux_copy_in(p, a[0], d, sizeof d))
		return -EFAULT;
	unsigned idx = d[0];
	if (idx == UINT32_MAX) {
		for (idx = 0; idx < TLS_COUNT && p->tls32[idx].used; idx++)
			;
		if (idx == TLS_COUNT)
			return -ESRCH;
		idx += TLS_FIRST;
		d[0] = idx;
		if (linux_copy_out(p, a[0], d, 4))
			return -EFAULT;
	}
	if (idx < TLS_FIRST || idx >= TLS_FIRST + TLS_COUNT)
		return -EINVAL;
	struct linux_tls32 *t = &p->tls32[idx - TLS_FIRST];
	t->used = 1;
	t->base = d[1];
	t->limit = d[2];
	t->flags = d[3];
	/* A segment register already holding the selector takes the new base. */
	for (int s = 0; s < 6; s++)
		if ((p->cpu.state.selector[s] >> 3) == idx)
			p->cpu.state.segment_base[s] = d[1];
	return 0;
}

static int64_t s_get_thread_area(struct linux_process *p, const uint32_t a[6])
{
	uint32_t d[4];
	if (linux_copy_in(p, a[0], d, 4))
		return -EFAULT;
	if (d[0] < TLS_FIRST || d[0] >= TLS_FIRST + TLS_COUNT)
		return -EINVAL;
	const struct linux_tls32 *t = &p->tls32[d[0] - TLS_FIRST];
	d[1] = t->base;
	d[2] = t->limit;
	d[3] = t->flags;
	return linux_copy_out(p, a[0], d, sizeof d);
}

static int64_t s_waitpid(struct linux_process *p, const uint32_t a[6])
{
	return x64(p, 61, (uint64_t)(int64_t)(int32_t)a[0], a[1], a[2], 0, 0, 0);
}

/* struct compat_rusage: two 32-bit timevals and 14 32-bit counters. */
static int64_t put_rusage32(struct linux_process *p, uint32_t addr, const struct rusage *r)
{
	const long *counts = &r->ru_maxrss; /* ru_maxrss .. ru_nivcsw: 14 longs */
	uint32_t v[18] = {(uint32_t)r->ru_utime.tv_sec, (uint32_t)r->ru_utime.tv_usec, (uint32_t)r->ru_stime.tv_sec,
	                  (uint32_t)r->ru_stime.tv_usec};
	for (int i = 0; i < 14; i++)
		v[4 + i] = (uint32_t)counts[i];
	return linux_copy_out(p, addr, v, sizeof v);
}

static int64_t s_getrusage(struct linux_process *p, const uint32_t a[6])
{
	struct rusage r;
	if (getrusage((int)a[0], &r) < 0)
		return -errno;
	return put_rusage32(p, a[1], &r);
}

static int64_t s_wait4(struct linux_process *p, const uint32_t a[6])
{
	int status = 0;
	struct rusage ru;
	pid_t r = wait4((pid_t)a[0], &status, (int)a[2], a[3] ? &ru : NULL);
	if (r < 0)
		return -errno;
	if (r > 0 && a[1] && linux_copy_out(p, a[1], &status, sizeof status))
		return -EFAULT;
	if (r > 0 && a[3] && put_rusage32(p, a[3], &ru))
		return -EFAULT;
	return r;
}

/* struct compat_sysinfo: 32-bit words; memory sizes that do not fit are
 * given in larger units (mem_unit up to the page size), as the kernel's
 * compat sysinfo does. */
static int64_t s_sysinfo(struct linux_process *p, const uint32_t a[6])
{
	struct sysinfo si;
	if (sysinfo(&si) < 0)
		return -errno;
	unsigned long *mem[] = {&si.totalram,  &si.freeram,   &si.sharedram, &si.bufferram,
	                        &si.totalswap, &si.freeswap,  &si.totalhigh, &si.freehigh};
	int big = 0;
	for (unsigned i = 0; i < sizeof mem / sizeof mem[0]; i++)
		big |= *mem[i] > UINT32_MAX;
	if (big) {
		unsigned shift = 0;
		while (si.mem_unit < GUEST_PAGE_SIZE) {
			si.mem_unit <<= 1;
			shift++;
		}
		for (unsigned i = 0; i < sizeof mem / sizeof mem[0]; i++)
			*mem[i] >>= shift;
	}
	uint8_t b[64];
	memset(b, 0, sizeof b);
	put32(b, 0, (uint32_t)si.uptime);
	for (int i = 0; i < 3; i++)
		put32(b, 4 + 4 * (size_t)i, (uint32_t)si.loads[i]);
	for (int i = 0; i < 6; i++)
		put32(b, 16 + 4 * (size_t)i, (uint32_t)*mem[i]);
	uint16_t procs = si.procs;
	memcpy(b + 40, &procs, 2);
	put32(b, 44, (uint32_t)si.totalhigh);
	put32(b, 48, (uint32_t)si.freehigh);
	put32(b, 52, si.mem_unit);
	return linux_copy_out(p, a[0], b, sizeof b);
}

/* struct compat_statfs (64 bytes of 32-bit words; -EOVERFLOW when a
 * count does not fit) and struct compat_statfs64 (84 bytes, packed). */
static int64_t put_statfs32(struct linux_process *p, int r, const struct statfs *f, uint32_t addr)
{
	if (r < 0)
		return -errno;
	const uint64_t counts[] = {f->f_blocks, f->f_bfree, f->f_bavail};
	for (unsigned i = 0; i < 3; i++)
		if (counts[i] > UINT32_MAX)
			return -EOVERFLOW;
	if ((f->f_files > UINT32_MAX && f->f_files != UINT64_MAX) ||
	    (f->f_ffree > UINT32_MAX && f->f_ffree != UINT64_MAX))
		return -EOVERFLOW;
	uint32_t v[16] = {(uint32_t)f->f_type,   (uint32_t)f->f_bsize,  (uint32_t)f->f_blocks,
	                  (uint32_t)f->f_bfree,  (uint32_t)f->f_bavail, (uint32_t)f->f_files,
	                  (uint32_t)f->f_ffree,  0,                     0,
	                  (uint32_t)f->f_namelen, (uint32_t)f->f_frsize, (uint32_t)f->f_flags};
	memcpy(&v[7], &f->f_fsid, 8);
	return linux_copy_out(p, addr, v, sizeof v);
}

static int64_t put_statfs64_32(struct linux_process *p, int r, const struct statfs *f, uint32_t size,
                               uint32_t addr)
{
	if (size != 84)
		return -EINVAL;
	if (r < 0)
		return -errno;
	uint8_t b[84];
	memset(b, 0, sizeof b);
	put32(b, 0, (uint32_t)f->f_type);
	put32(b, 4, (uint32_t)f->f_bsize);
	put64(b, 8, f->f_blocks);
	put64(b, 16, f->f_bfree);
	put64(b, 24, f->f_bavail);
	put64(b, 32, f->f_files);
	put64(b, 40, f->f_ffree);
	memcpy(b + 48, &f->f_fsid, 8);
	put32(b, 56, (uint32_t)f->f_namelen);
	put32(b, 60, (uint32_t)f->f_frsize);
	put32(b, 64, (uint32_t)f->f_flags);
	return linux_copy_out(p, addr, b, sizeof b);
}

static int64_t s_statfs(struct linux_process *p, const uint32_t a[6])
{
	char path[PATH_MAX];
	int rc = copy_path(p, a[0], path, sizeof path);
	struct statfs f;
	return rc ? rc : put_statfs32(p, statfs(path, &f), &f, a[1]);
}

static int64_t s_fstatfs(struct linux_process *p, const uint32_t a[6])
{
	struct statfs f;
	return put_statfs32(p, fstatfs((int)a[0], &f), &f, a[1]);
}

static int64_t s_statfs64(struct linux_process *p, const uint32_t a[6])
{
	char path[PATH_MAX];
	int rc = copy_path(p, a[0], path, sizeof path);
	struct statfs f;
	return rc ? rc : put_statfs64_32(p, statfs(path, &f), &f, a[1], a[2]);
}

static int64_t s_fstatfs64(struct linux_process *p, const uint32_t a[6])
{
	struct statfs f;
	return put_statfs64_32(p, fstatfs((int)a[0], &f), &f, a[1], a[2]);
}

/* clock_nanosleep(clock, flags, req, rem) with 32-bit timespecs. */
static int64_t s_clock_nanosleep(struct linux_process *p, const uint32_t a[6])
{
	int32_t v[2];
	if (linux_copy_in(p, a[2], v, sizeof v))
		return -EFAULT;
	struct timespec req = {v[0], v[1]}, rem;
	int e = clock_nanosleep((clockid_t)a[0], (int)a[1], &req, &rem);
	if (e == EINTR && a[3] && !(a[1] & TIMER_ABSTIME)) {
		int32_t r[2] = {(int32_t)rem.tv_sec, (int32_t)rem.tv_nsec};
		if (linux_copy_out(p, a[3], r, sizeof r))
			return -EFAULT;
	}
	return -e;
}

/* truncate64(path, length low, length high) */
static int64_t s_truncate64(struct linux_process *p, const uint32_t a[6])
{
	return x64(p, 76, a[0], ((uint64_t)a[2] << 32) | a[1], 0, 0, 0, 0);
}

/* utimensat(dirfd, path, times[2], flags) with 32-bit timespecs. */
static int64_t s_utimensat(struct linux_process *p, const uint32_t a[6])
{
	int32_t v[4];
	struct timespec ts[2];
	if (a[2]) {
		if (linux_copy_in(p, a[2], v, sizeof v))
			return -EFAULT;
		ts[0] = (struct timespec){v[0], v[1]};
		ts[1] = (struct timespec){v[2], v[3]};
	}
	char path[PATH_MAX];
	if (a[1]) {
		int rc = copy_path(p, a[1], path, sizeof path);
		if (rc)
			return rc;
	}
	/* The system call itself: glibc's utimensat refuses a NULL path,
	 * which the kernel takes as "the descriptor itself" (futimens). */
	if (syscall(SYS_utimensat, (int)a[0], a[1] ? path : NULL, a[2] ? ts : NULL, (int)a[3]) < 0)
		return -errno;
	return 0;
}

/* A little-endian signed integer of w (4 or 8) bytes at b. */
static int64_t get_signed(const uint8_t *b, size_t w)
{
	if (w == 8) {
		int64_t v;
		memcpy(&v, b, 8);
		return v;
	}
	int32_t v;
	memcpy(&v, b, 4);
	return v;
}

static void put_signed(uint8_t *b, size_t w, int64_t v)
{
	int32_t v32 = (int32_t)v;
	memcpy(b, w == 8 ? (const void *)&v : (const void *)&v32, w);
}

/* fcntl and fcntl64: the record-lock commands take struct compat_flock
 * (F_GETLK 5, F_SETLK 6, F_SETLKW 7: 32-bit offsets) or, for fcntl64
 * only, struct compat_flock64 (F_GETLK64 12, F_SETLK64 13, F_SETLKW64 14
 * and the OFD locks 36-38: 64-bit offsets at 4-byte alignment, 24
 * bytes); the host's struct flock has 64-bit offsets. Other commands take
 * an integer and go to the x86-64 handler. */
static int64_t fcntl32(struct linux_process *p, const uint32_t a[6], int is64)
{
	int cmd = (int)a[1], host_cmd, wide;
	switch (cmd) {
	case 5: case 6: case 7: host_cmd = cmd; wide = 0; break;
	case 12: case 13: case 14: host_cmd = cmd - 7; wide = 1; break;
	case F_OFD_GETLK: case F_OFD_SETLK: case F_OFD_SETLKW: host_cmd = cmd; wide = 1; break;
	default: return x64(p, 72, (uint64_t)(int64_t)(int32_t)a[0], a[1], a[2], 0, 0, 0);
	}
	if (wide && !is64)
		return -EINVAL;
	/* type, whence (2 bytes each), start, len (w bytes each), pid. */
	const size_t w = wide ? 8 : 4, size = 8 + 2 * w;
	uint8_t b[24];
	if (linux_copy_in(p, a[2], b, size))
		return -EFAULT;
	struct flock fl;
	memset(&fl, 0, sizeof fl);
	memcpy(&fl.l_type, b, 2);
	memcpy(&fl.l_whence, b + 2, 2);
	fl.l_start = get_signed(b + 4, w);
	fl.l_len = get_signed(b + 4 + w, w);
	memcpy(&fl.l_pid, b + 4 + 2 * w, 4);
	if (fcntl((int)a[0], host_cmd, &fl) < 0)
		return -errno;
	if (host_cmd != F_GETLK && host_cmd != F_OFD_GETLK)
		return 0;
	if (!wide && (fl.l_start > INT32_MAX || fl.l_len > INT32_MAX))
		return -EOVERFLOW;
	memcpy(b, &fl.l_type, 2);
	memcpy(b + 2, &fl.l_whence, 2);
	put_signed(b + 4, w, fl.l_start);
	put_signed(b + 4 + w, w, fl.l_len);
	memcpy(b + 4 + 2 * w, &fl.l_pid, 4);
	return linux_copy_out(p, a[2], b, size);
}

static int64_t s_fcntl(struct linux_process *p, const uint32_t a[6])
{
	return fcntl32(p, a, 0);
}

static int64_t s_fcntl64(struct linux_process *p, const uint32_t a[6])
{
	return fcntl32(p, a, 1);
}

/* waitid(idtype, id, infop, options, rusage): the siginfo and rusage in
 * their compat layouts. */
static int64_t s_waitid(struct linux_process *p, const uint32_t a[6])
{
	uint8_t si[128], si32[128];
	struct rusage ru;
	memset(si, 0, sizeof si);
	if (syscall(SYS_waitid, (int)a[0], (pid_t)a[1], si, (int)a[3], a[4] ? &ru : NULL) < 0)
		return -errno;
	linux_siginfo_to32(si, si32);
	if (a[2] && linux_copy_out(p, a[2], si32, sizeof si32))
		return -EFAULT;
	if (a[4] && put_rusage32(p, a[4], &ru))
		return -EFAULT;
	return 0;
}

/* clone(flags, newsp, parent_tid, tls, child_tid) on i386. */
static int64_t s_clone(struct linux_process *p, const uint32_t a[6])
{
	return x64(p, 56, a[0], a[1], a[2], a[4], a[3], 0);
}

/* execve: the argv and envp arrays of 4-byte pointers are widened into a
 * scratch mmap, then the x86-64 handler runs. */
static int64_t widen_strv(struct linux_process *p, uint32_t addr, uint64_t *out, size_t max, size_t *n)
{
	*n = 0;
	if (!addr)
		return 0;
	for (;; (*n)++) {
		uint32_t v;
		if (*n >= max)
			return -E2BIG;
		if (linux_copy_in(p, addr + 4 * (uint64_t)*n, &v, 4))
			return -EFAULT;
		out[*n] = v;
		if (!v)
			return 0;
	}
}

static int64_t s_execve(struct linux_process *p, const uint32_t a[6])
{
	enum { MAXV = 65536 };
	uint64_t *v = malloc(2 * MAXV * sizeof *v);
	if (!v)
		return -ENOMEM;
	size_t na, ne;
	int64_t rc = widen_strv(p, a[1], v, MAXV, &na);
	if (!rc)
		rc = widen_strv(p, a[2], v + MAXV, MAXV, &ne);
	if (rc) {
		free(v);
		return rc;
	}
	size_t bytes = (na + 1 + ne + 1) * 8;
	uint64_t len = (bytes + PAGE_MASK_) & ~(uint64_t)PAGE_MASK_;
	int64_t scratch = do_mmap32(p, 0, (uint32_t)len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
	                            UINT32_MAX, 0);
	if (scratch < 0) {
		free(v);
		return scratch;
	}
	uint64_t argv = (uint64_t)scratch, envp = argv + (na + 1) * 8;
	linux_copy_out(p, argv, v, (na + 1) * 8);
	linux_copy_out(p, envp, v + MAXV, (ne + 1) * 8);
	free(v);
	rc = x64(p, 59, a[0], a[1] ? argv : 0, a[2] ? envp : 0, 0, 0, 0);
	if (rc < 0)
		x64(p, 11, (uint64_t)scratch, len, 0, 0, 0, 0);
	return rc;
}

/* ---- the table ---- */

struct call32 {
	const char *name;
	fn32 fn;       /* a translated call, or */
	unsigned nr64; /* the x86-64 call taking the same arguments (for a
	                  translated call: the one whose rules for restarting
	                  after a signal apply, or NO_NR64) */
	unsigned sext; /* bit i: argument i is sign-extended */
};

#define NO_NR64 (~0u)
#define T(nr, name, fn) [nr] = {#name, fn, NO_NR64, 0}
#define TN(nr, name, fn, nr64) [nr] = {#name, fn, nr64, 0}
#define X(nr, name, nr64) [nr] = {#name, NULL, nr64, 0}
#define XS(nr, name, nr64, sext) [nr] = {#name, NULL, nr64, sext}
static const struct call32 calls[] = {
    X(1, exit, 60),
    X(2, fork, 57),
    X(3, read, 0),
    X(4, write, 1),
    X(5, open, 2),
    X(6, close, 3),
    T(7, waitpid, s_waitpid),
    X(8, creat, 85),
    X(9, link, 86),
    X(10, unlink, 87),
    T(11, execve, s_execve),
    X(12, chdir, 80),
    T(13, time, s_time),
    X(15, chmod, 90),
    T(19, lseek, s_lseek),
    X(20, getpid, 39),
    X(27, alarm, 37),
    X(29, pause, 34),
    X(24, getuid, 102),
    X(33, access, 21),
    X(36, sync, 162),
    XS(37, kill, 62, 1),
    X(38, rename, 82),
    X(39, mkdir, 83),
    X(40, rmdir, 84),
    X(41, dup, 32),
    X(42, pipe, 22),
    T(43, times, s_times),
    T(45, brk, s_brk),
    X(47, getgid, 104),
    X(49, geteuid, 107),
    X(50, getegid, 108),
    X(54, ioctl, 16),
    T(55, fcntl, s_fcntl),
    X(57, setpgid, 109),
    X(60, umask, 95),
    X(63, dup2, 33),
    X(64, getppid, 110),
    X(65, getpgrp, 111),
    T(67, sigaction, s_sigaction),
    T(76, getrlimit, s_ugetrlimit),
    T(77, getrusage, s_getrusage),
    T(78, gettimeofday, s_gettimeofday),
    X(83, symlink, 88),
    X(85, readlink, 89),
    T(90, mmap, s_old_mmap),
    X(91, munmap, 11),
    X(93, ftruncate, 77),
    X(94, fchmod, 91),
    T(99, statfs, s_statfs),
    T(100, fstatfs, s_fstatfs),
    T(102, socketcall, linux_sys32_socketcall),
    T(104, setitimer, linux_sys32_setitimer),
    T(105, getitimer, linux_sys32_getitimer),
    T(114, wait4, s_wait4),
    T(116, sysinfo, s_sysinfo),
    X(118, fsync, 74),
    TN(119, sigreturn, linux_sys32_sigreturn, 15),
    T(120, clone, s_clone),
    X(122, uname, 63), /* "x86_64", as a 64-bit kernel tells a compat task */
    X(125, mprotect, 10),
    T(126, sigprocmask, linux_sys32_sigprocmask),
    X(132, getpgid, 121),
    T(140, _llseek, s_llseek),
    TN(142, _newselect, linux_sys32_select, 23),
    X(133, fchdir, 81),
    X(143, flock, 73),
    T(145, readv, s_readv),
    T(146, writev, s_writev),
    X(147, getsid, 124),
    X(148, fdatasync, 74),
    X(158, sched_yield, 24),
    TN(162, nanosleep, s_nanosleep, 35),
    T(163, mremap, s_mremap),
    XS(168, poll, 7, 4),
    X(172, prctl, 157),
    TN(173, rt_sigreturn, linux_sys32_rt_sigreturn, 15),
    T(174, rt_sigaction, s_rt_sigaction),
    X(175, rt_sigprocmask, 14),
    X(176, rt_sigpending, 127),
    T(177, rt_sigtimedwait, linux_sys32_rt_sigtimedwait),
    X(179, rt_sigsuspend, 130),
    T(180, pread64, s_pread64),
    T(181, pwrite64, s_pwrite64),
    X(183, getcwd, 79),
    T(186, sigaltstack, linux_sys32_sigaltstack),
    X(190, vfork, 58),
    T(191, ugetrlimit, s_ugetrlimit),
    T(192, mmap2, s_mmap2),
    T(194, ftruncate64, s_ftruncate64),
    T(193, truncate64, s_truncate64),
    T(195, stat64, s_stat64),
    T(196, lstat64, s_lstat64),
    T(197, fstat64, s_fstat64),
    X(198, lchown32, 94),
    X(199, getuid32, 102),
    X(200, getgid32, 104),
    X(201, geteuid32, 107),
    X(202, getegid32, 108),
    X(203, setreuid32, 113),
    X(204, setregid32, 114),
    X(205, getgroups32, 115),
    X(207, fchown32, 93),
    X(208, setresuid32, 117),
    X(209, getresuid32, 118),
    X(210, setresgid32, 119),
    X(211, getresgid32, 120),
    X(212, chown32, 92),
    X(213, setuid32, 105),
    X(214, setgid32, 106),
    X(219, madvise, 28),
    T(220, getdents64, s_getdents64),
    T(221, fcntl64, s_fcntl64),
    X(224, gettid, 186),
    X(238, tkill, 200),
    X(239, sendfile64, 40),
    X(240, futex, 202),
    X(242, sched_getaffinity, 204),
    T(243, set_thread_area, s_set_thread_area),
    T(244, get_thread_area, s_get_thread_area),
    X(252, exit_group, 231),
    X(258, set_tid_address, 218),
    T(265, clock_gettime, s_clock_gettime),
    T(266, clock_getres, s_clock_getres),
    TN(267, clock_nanosleep, s_clock_nanosleep, 230),
    T(268, statfs64, s_statfs64),
    T(269, fstatfs64, s_fstatfs64),
    X(270, tgkill, 234),
    T(284, waitid, s_waitid),
    XS(295, openat, 257, 1),
    XS(296, mkdirat, 258, 1),
    T(300, fstatat64, s_fstatat64),
    XS(298, fchownat, 260, 1),
    XS(301, unlinkat, 263, 1),
    XS(302, renameat, 264, 1 | 4),
    XS(303, linkat, 265, 1 | 4),
    XS(304, symlinkat, 266, 2),
    XS(305, readlinkat, 267, 1),
    XS(306, fchmodat, 268, 1),
    XS(307, faccessat, 269, 1),
    TN(308, pselect6, linux_sys32_pselect6, 270),
    TN(309, ppoll, linux_sys32_ppoll, 271),
    X(311, set_robust_list, 273),
    X(318, getcpu, 309),
    T(320, utimensat, s_utimensat),
    XS(330, dup3, 292, 0),
    X(331, pipe2, 293),
    X(340, prlimit64, 302),
    X(355, getrandom, 318),
    T(359, socket, linux_sys32_socket_direct),
    T(360, socketpair, linux_sys32_socket_direct),
    T(361, bind, linux_sys32_socket_direct),
    T(362, connect, linux_sys32_socket_direct),
    T(363, listen, linux_sys32_socket_direct),
    T(364, accept4, linux_sys32_socket_direct),
    T(365, getsockopt, linux_sys32_socket_direct),
    T(366, setsockopt, linux_sys32_socket_direct),
    T(367, getsockname, linux_sys32_socket_direct),
    T(368, getpeername, linux_sys32_socket_direct),
    T(369, sendto, linux_sys32_socket_direct),
    T(370, recvfrom, linux_sys32_socket_direct),
    T(371, sendmsg, linux_sys32_socket_direct),
    T(372, recvmsg, linux_sys32_socket_direct),
    T(373, shutdown, linux_sys32_socket_direct),
    X(383, statx, 332),
    X(386, rseq, 334),
    X(403, clock_gettime64, 228),
    X(406, clock_getres_time64, 229),
    X(407, clock_nanosleep_time64, 230),
    XS(412, utimensat_time64, 280, 1),
    TN(413, pselect6_time64, linux_sys32_pselect6_time64, 270),
    TN(414, ppoll_time64, linux_sys32_ppoll_time64, 271),
    T(421, rt_sigtimedwait_time64, linux_sys32_rt_sigtimedwait_time64),
    X(422, futex_time64, 202),
    XS(439, faccessat2, 439, 1),
};
#define NCALLS (sizeof calls / sizeof calls[0])

static void print_call(FILE *strace, const struct call32 *c, uint32_t nr, const uint32_t a[6], int64_t r,
                       int quiet);

void linux_syscall32(struct linux_process *p)
{
	struct x86_state *s = &p->cpu.state;
	uint32_t nr = (uint32_t)s->gpr[GPR_RAX];
	const uint32_t a[6] = {(uint32_t)s->gpr[GPR_RBX], (uint32_t)s->gpr[GPR_RCX], (uint32_t)s->gpr[GPR_RDX],
	                       (uint32_t)s->gpr[GPR_RSI], (uint32_t)s->gpr[GPR_RDI], (uint32_t)s->gpr[GPR_RBP]};
	const struct call32 *c = nr < NCALLS && calls[nr].name ? &calls[nr] : NULL;
	FILE *strace = p->strace;
	int quiet = c && !c->fn && (c->nr64 == 60 || c->nr64 == 231 || c->nr64 == 59);
	if (strace && c && (quiet || c->fn == s_execve))
		fprintf(strace, "%s(0x%x, 0x%x, 0x%x) = ?\n", c->name, a[0], a[1], a[2]);
	/* The x86-64 handlers print their own --strace lines under their
	 * x86-64 names; the i386 line is printed here. */
	p->strace = NULL;
	int64_t r;
	if (!c) {
		p->syscalls++;
		r = -ENOSYS;
	} else if (c->fn) {
		p->syscalls++;
		r = c->fn(p, a);
	} else {
		uint64_t w[6];
		for (int i = 0; i < 6; i++)
			w[i] = c->sext & (1u << i) ? (uint64_t)(int64_t)(int32_t)a[i] : a[i];
		p->syscalls++;
		r = linux_syscall_x64(p, c->nr64, w);
	}
	if (!p->strace)
		p->strace = strace;
	s->gpr[GPR_RAX] = (uint32_t)r;
	print_call(strace, c, nr, a, r, quiet);
	/* Pending signals are delivered; a call that a host signal cut short
	 * is restarted (EAX = its i386 number) by the x86-64 rules. */
	linux_signal_after_syscall_as(p, c && c->nr64 != NO_NR64 ? c->nr64 : UINT32_MAX, nr);
}

static void print_call(FILE *strace, const struct call32 *c, uint32_t nr, const uint32_t a[6], int64_t r,
                       int quiet)
{
	if (!strace || quiet || (c && c->fn == s_execve && r == 0))
		return;
	if (c)
		fprintf(strace, "%s(0x%x, 0x%x, 0x%x, 0x%x, 0x%x, 0x%x) = ", c->name, a[0], a[1], a[2], a[3],
		        a[4], a[5]);
	else
		fprintf(strace, "syscall32_%u(0x%x, 0x%x, 0x%x, 0x%x, 0x%x, 0x%x) = ", nr, a[0], a[1], a[2],
		        a[3], a[4], a[5]);
	if (r < 0 && r >= -4095)
		fprintf(strace, "-1 %s (%s)\n", strerrorname_np((int)-r) ? strerrorname_np((int)-r) : "E?",
		        strerror((int)-r));
	else
		fprintf(strace, "%lld (0x%x)\n", (long long)r, (uint32_t)r);
}
