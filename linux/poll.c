/* poll.c - select, pselect6, poll and ppoll for both ABIs (fs/select.c).
 * The x86-64 calls are here; the i386 ones (poll32.c) only read their
 * argument blocks and call the same code with their layouts: an fd_set of
 * 32-bit words instead of 64-bit ones (the same bits on a little-endian
 * machine, ceil(n/32) words instead of ceil(n/64) read and written back:
 * compat_get_fd_set), and 32-bit timevals and timespecs.
 *
 * As the kernel does (poll_select_finish), the time left is written back
 * to a select/pselect6/ppoll timeout, except a zero one, and a fault
 * while writing it back is ignored. The signal mask of pselect6/ppoll is
 * the guest's mask during the call and, when a signal interrupts it,
 * while that signal's handler runs (set_user_sigmask and
 * restore_saved_sigmask_unless); a host signal forwarded to the guest is
 * what cuts the host's wait short (EINTR), and signal.c restarts the call
 * or not as the kernel would (these calls are ERESTARTNOHAND). */
#define _GNU_SOURCE
#include "linux/linux.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <time.h>

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

/* The words of each timeout layout: their size, and whether the second
 * is microseconds. */
static const struct {
	unsigned word;
	int usec;
} layouts[] = {
    [LINUX_TIMEVAL32] = {4, 1},
    [LINUX_TIMEVAL64] = {8, 1},
    [LINUX_TIMESPEC32] = {4, 0},
    [LINUX_TIMESPEC64] = {8, 0},
};

int linux_get_timeout(struct linux_process *p, uint64_t addr, enum linux_time_layout k, struct timespec *ts)
{
	if (!addr)
		return 0;
	int64_t v[2];
	if (layouts[k].word == 8) {
		if (linux_copy_in(p, addr, v, sizeof v))
			return -EFAULT;
	} else {
		int32_t w[2];
		if (linux_copy_in(p, addr, w, sizeof w))
			return -EFAULT;
		v[0] = w[0];
		v[1] = w[1];
	}
	if (layouts[k].usec) {
		/* select: negative is EINVAL, extra microseconds carry. */
		if (v[0] < 0 || v[1] < 0)
			return -EINVAL;
		v[0] += v[1] / 1000000;
		v[1] = v[1] % 1000000 * 1000;
	} else if (v[0] < 0 || v[1] < 0 || v[1] >= 1000000000) {
		return -EINVAL; /* timespec64_valid */
	}
	*ts = (struct timespec){(time_t)v[0], (long)v[1]};
	return 1;
}

void linux_put_timeout(struct linux_process *p, uint64_t addr, enum linux_time_layout k, struct timespec given,
                       struct timespec rest)
{
	if (!given.tv_sec && !given.tv_nsec)
		return; /* "No update for zero timeout" */
	int64_t v[2] = {rest.tv_sec, layouts[k].usec ? rest.tv_nsec / 1000 : rest.tv_nsec};
	if (layouts[k].word == 8) {
		linux_copy_out(p, addr, v, sizeof v);
	} else {
		int32_t w[2] = {(int32_t)v[0], (int32_t)v[1]};
		linux_copy_out(p, addr, w, sizeof w);
	}
}

/* The guest's signal mask for the call, from a sigset pointer and size
 * (set_user_sigmask: no pointer, no change; a size other than 8 is
 * EINVAL). */
static int set_mask(struct linux_process *p, uint64_t addr, uint64_t size, uint64_t *saved)
{
	*saved = p->sigmask;
	if (!addr)
		return 0;
	if (size != 8)
		return -EINVAL;
	uint64_t mask;
	if (linux_copy_in(p, addr, &mask, sizeof mask))
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

int64_t linux_select(struct linux_process *p, int64_t n, const uint64_t sets[3], unsigned word, uint64_t tsaddr,
                     enum linux_time_layout k, uint64_t sigset, uint64_t sigsetsize)
{
	struct timespec ts, given;
	int has = linux_get_timeout(p, tsaddr, k, &ts);
	if (has < 0)
		return has;
	given = ts;
	struct timespec start = now();
	uint64_t saved;
	int rc = set_mask(p, sigset, sigsetsize, &saved);
	if (rc)
		return rc;
	int64_t r;
	if (n < 0) {
		r = -EINVAL;
		goto out;
	}
	if (n > FD_SETSIZE)
		n = FD_SETSIZE; /* the host's descriptors stop there for select */
	/* core_sys_select reads and writes back ceil(n/bits) words. */
	size_t bytes = ((size_t)n + 8 * word - 1) / (8 * word) * word;
	fd_set fds[3];
	for (int i = 0; i < 3; i++) {
		FD_ZERO(&fds[i]);
		if (sets[i] && linux_copy_in(p, sets[i], &fds[i], bytes)) {
			r = -EFAULT;
			goto out;
		}
	}
	int got = pselect((int)n, sets[0] ? &fds[0] : NULL, sets[1] ? &fds[1] : NULL, sets[2] ? &fds[2] : NULL,
	                  has ? &ts : NULL, NULL);
	r = got < 0 ? -errno : got;
	for (int i = 0; i < 3 && got >= 0; i++)
		if (sets[i] && linux_copy_out(p, sets[i], &fds[i], bytes))
			r = -EFAULT;
out:
	/* kern_select and do_pselect write the time left back whatever
	 * core_sys_select returned (poll_select_finish). */
	if (has)
		linux_put_timeout(p, tsaddr, k, given, left(given, start));
	restore_mask(p, saved, r);
	return r;
}

int64_t linux_ppoll(struct linux_process *p, uint64_t fds_addr, uint64_t nfds, uint64_t tsaddr,
                    enum linux_time_layout k, const struct timespec *ms, uint64_t sigset, uint64_t sigsetsize)
{
	struct timespec ts, given;
	int has = ms ? 1 : linux_get_timeout(p, tsaddr, k, &ts);
	if (has < 0)
		return has;
	if (ms)
		ts = *ms;
	given = ts;
	/* do_sys_poll: more descriptors than RLIMIT_NOFILE is EINVAL. */
	struct rlimit lim;
	if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && nfds > lim.rlim_cur)
		return -EINVAL;
	struct pollfd *fds = malloc(sizeof *fds * (nfds ? nfds : 1));
	if (!fds)
		return -ENOMEM;
	int64_t r = linux_copy_in(p, fds_addr, fds, sizeof *fds * nfds);
	uint64_t saved = p->sigmask;
	if (!r)
		r = set_mask(p, sigset, sigsetsize, &saved);
	if (!r) {
		struct timespec start = now();
		int n = ppoll(fds, nfds, has ? &ts : NULL, NULL);
		r = n < 0 ? -errno : n;
		restore_mask(p, saved, r);
		if (has && !ms)
			linux_put_timeout(p, tsaddr, k, given, left(given, start));
		if (n >= 0 && linux_copy_out(p, fds_addr, fds, sizeof *fds * nfds))
			r = -EFAULT;
	}
	free(fds);
	return r;
}

/* ---- the x86-64 calls ---- */

/* select(n, in, out, except, struct timeval *) */
int64_t linux_sys_select(struct linux_process *p, const uint64_t a[6])
{
	return linux_select(p, (int32_t)a[0], a + 1, 8, a[4], LINUX_TIMEVAL64, 0, 0);
}

/* pselect6(n, in, out, except, struct timespec *, {sigset *, size} *) */
int64_t linux_sys_pselect6(struct linux_process *p, const uint64_t a[6])
{
	uint64_t sig[2] = {0, 0};
	if (a[5] && linux_copy_in(p, a[5], sig, sizeof sig))
		return -EFAULT;
	return linux_select(p, (int32_t)a[0], a + 1, 8, a[4], LINUX_TIMESPEC64, sig[0], sig[1]);
}

/* poll(fds, nfds, timeout in ms: negative waits for ever) */
int64_t linux_sys_poll(struct linux_process *p, const uint64_t a[6])
{
	int ms = (int)a[2];
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};
	return linux_ppoll(p, a[0], (uint32_t)a[1], 0, LINUX_TIMESPEC64, ms >= 0 ? &ts : NULL, 0, 0);
}

/* ppoll(fds, nfds, struct timespec *, sigset *, size) */
int64_t linux_sys_ppoll(struct linux_process *p, const uint64_t a[6])
{
	return linux_ppoll(p, a[0], (uint32_t)a[1], a[2], LINUX_TIMESPEC64, NULL, a[3], a[4]);
}
