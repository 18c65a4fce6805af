/* poll32.c - the i386 select and ppoll family: _newselect (142, a 32-bit
 * struct timeval), pselect6 (308) and ppoll (309) with 32-bit timespecs,
 * and their time64 variants (413, 414). A compat fd_set is an array of
 * 32-bit words, the same bits as the host's for the ceil(n/32) words the
 * kernel reads and writes back (fs/select.c, compat_get_fd_set). As the
 * kernel does, the time left is written back to the timeout. The signal
 * mask of pselect6/ppoll is the guest's mask during the call and, when a
 * signal interrupts it, while that signal's handler runs; a host signal
 * forwarded to the guest is what cuts the wait short (EINTR). */
#define _GNU_SOURCE
#include "linux/linux32.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <time.h>

#include "machine/memory.h"

static int copy_in(struct linux_process *p, uint64_t addr, void *dst, size_t n)
{
	uint64_t fault;
	return n && gmem_read(p->cpu.memory, addr, dst, n, &fault) ? -EFAULT : 0;
}

static int copy_out(struct linux_process *p, uint64_t addr, const void *src, size_t n)
{
	uint64_t fault;
	return n && gmem_write(p->cpu.memory, addr, src, n, &fault) ? -EFAULT : 0;
}

static struct timespec now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t;
}

/* What is left of timeout t after the wait that started at start. */
static struct timespec left(struct timespec t, struct timespec start)
{
	struct timespec end = now();
	int64_t ns = (int64_t)t.tv_sec * 1000000000 + t.tv_nsec -
	             ((int64_t)(end.tv_sec - start.tv_sec) * 1000000000 + (end.tv_nsec - start.tv_nsec));
	if (ns < 0)
		ns = 0;
	return (struct timespec){(time_t)(ns / 1000000000), (long)(ns % 1000000000)};
}

/* The timeout at addr: 32-bit or 64-bit words. 1 if there is one. */
static int get_timespec(struct linux_process *p, uint32_t addr, int time64, struct timespec *ts)
{
	if (!addr)
		return 0;
	if (time64) {
		int64_t v[2];
		if (copy_in(p, addr, v, sizeof v))
			return -EFAULT;
		*ts = (struct timespec){(time_t)v[0], (long)v[1]};
	} else {
		int32_t v[2];
		if (copy_in(p, addr, v, sizeof v))
			return -EFAULT;
		*ts = (struct timespec){v[0], v[1]};
	}
	if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000)
		return -EINVAL;
	return 1;
}

static int put_timespec(struct linux_process *p, uint32_t addr, int time64, struct timespec ts)
{
	if (time64) {
		int64_t v[2] = {ts.tv_sec, ts.tv_nsec};
		return copy_out(p, addr, v, sizeof v);
	}
	int32_t v[2] = {(int32_t)ts.tv_sec, (int32_t)ts.tv_nsec};
	return copy_out(p, addr, v, sizeof v);
}

/* The guest's signal mask for the call, from a sigset pointer and size. */
static int set_mask(struct linux_process *p, uint32_t addr, uint32_t size, uint64_t *saved)
{
	*saved = p->sigmask;
	if (!addr)
		return 0;
	if (size != 8)
		return -EINVAL;
	uint64_t mask;
	if (copy_in(p, addr, &mask, sizeof mask))
		return -EFAULT;
	p->sigmask = mask & ~((1ull << (SIGKILL - 1)) | (1ull << (SIGSTOP - 1)));
	return 0;
}

/* After the call: the mask from before it, at once, or for an
 * interrupted call after the handlers of the signals it let through have
 * run (signal.c's saved mask, as for rt_sigsuspend). */
static void restore_mask(struct linux_process *p, uint64_t saved, int64_t r)
{
	if (r == -EINTR && p->sigmask != saved) {
		p->saved_mask = saved;
		p->have_saved_mask = 1;
	} else {
		p->sigmask = saved;
	}
}

/* select on n descriptors with the compat fd_sets at sets[3] and timeout
 * ts (NULL: none); *ts becomes the time left. */
static int64_t do_select(struct linux_process *p, int32_t n, const uint32_t sets[3], struct timespec *ts)
{
	if (n < 0)
		return -EINVAL;
	if (n > FD_SETSIZE)
		n = FD_SETSIZE; /* the host's descriptors stop there for select */
	size_t bytes = ((size_t)n + 31) / 32 * 4;
	fd_set fds[3];
	for (int i = 0; i < 3; i++) {
		FD_ZERO(&fds[i]);
		if (sets[i] && copy_in(p, sets[i], &fds[i], bytes))
			return -EFAULT;
	}
	struct timespec start = now();
	int r = pselect(n, sets[0] ? &fds[0] : NULL, sets[1] ? &fds[1] : NULL, sets[2] ? &fds[2] : NULL, ts, NULL);
	int e = errno;
	if (ts)
		*ts = left(*ts, start);
	if (r < 0)
		return -e;
	for (int i = 0; i < 3; i++)
		if (sets[i] && copy_out(p, sets[i], &fds[i], bytes))
			return -EFAULT;
	return r;
}

/* _newselect(n, in, out, except, struct timeval *) */
int64_t linux_sys32_select(struct linux_process *p, const uint32_t a[6])
{
	struct timespec ts;
	int32_t tv[2];
	if (a[4]) {
		if (copy_in(p, a[4], tv, sizeof tv))
			return -EFAULT;
		if (tv[0] < 0 || tv[1] < 0)
			return -EINVAL;
		ts = (struct timespec){tv[0] + tv[1] / 1000000, (long)(tv[1] % 1000000) * 1000};
	}
	int64_t r = do_select(p, (int32_t)a[0], a + 1, a[4] ? &ts : NULL);
	if (a[4] && r != -EFAULT) {
		int32_t out[2] = {(int32_t)ts.tv_sec, (int32_t)(ts.tv_nsec / 1000)};
		if (copy_out(p, a[4], out, sizeof out))
			return -EFAULT;
	}
	return r;
}

/* pselect6(n, in, out, except, timespec *, {sigset *, size} *) */
static int64_t pselect6(struct linux_process *p, const uint32_t a[6], int time64)
{
	struct timespec ts;
	int has = get_timespec(p, a[4], time64, &ts);
	if (has < 0)
		return has;
	uint32_t sig[2] = {0, 0};
	if (a[5] && copy_in(p, a[5], sig, sizeof sig))
		return -EFAULT;
	uint64_t saved;
	int rc = set_mask(p, sig[0], sig[1], &saved);
	if (rc)
		return rc;
	int64_t r = do_select(p, (int32_t)a[0], a + 1, has ? &ts : NULL);
	restore_mask(p, saved, r);
	if (has && r != -EFAULT && put_timespec(p, a[4], time64, ts))
		return -EFAULT;
	return r;
}

int64_t linux_sys32_pselect6(struct linux_process *p, const uint32_t a[6])
{
	return pselect6(p, a, 0);
}

int64_t linux_sys32_pselect6_time64(struct linux_process *p, const uint32_t a[6])
{
	return pselect6(p, a, 1);
}

/* ppoll(fds, nfds, timespec *, sigset *, size): struct pollfd is the
 * same on both. */
static int64_t ppoll32(struct linux_process *p, const uint32_t a[6], int time64)
{
	struct timespec ts;
	int has = get_timespec(p, a[2], time64, &ts);
	if (has < 0)
		return has;
	if (a[1] > 4096)
		return -EINVAL;
	struct pollfd *fds = malloc(sizeof *fds * (a[1] ? a[1] : 1));
	if (!fds)
		return -ENOMEM;
	int64_t r = copy_in(p, a[0], fds, sizeof *fds * a[1]);
	uint64_t saved = p->sigmask;
	if (!r)
		r = set_mask(p, a[3], a[4], &saved);
	if (!r) {
		struct timespec start = now();
		int n = ppoll(fds, a[1], has ? &ts : NULL, NULL);
		r = n < 0 ? -errno : n;
		restore_mask(p, saved, r);
		if (has)
			ts = left(ts, start);
		if (n >= 0 && copy_out(p, a[0], fds, sizeof *fds * a[1]))
			r = -EFAULT;
		if (has && r != -EFAULT && put_timespec(p, a[2], time64, ts))
			r = -EFAULT;
	}
	free(fds);
	return r;
}

int64_t linux_sys32_ppoll(struct linux_process *p, const uint32_t a[6])
{
	return ppoll32(p, a, 0);
}

int64_t linux_sys32_ppoll_time64(struct linux_process *p, const uint32_t a[6])
{
	return ppoll32(p, a, 1);
}
