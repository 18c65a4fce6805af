/* poll32.c - the i386 select and ppoll family: _newselect (142, a 32-bit
 * struct timeval), pselect6 (308) and ppoll (309) with 32-bit timespecs,
 * and their time64 variants (413, 414). Each reads its own argument block
 * (pselect6's {sigset *, size} pair is two 32-bit words) and calls
 * poll.c's code with the compat layouts: fd_sets of 32-bit words
 * (compat_get_fd_set) and 32-bit timevals and timespecs. */
#include "linux/linux32.h"

#include <errno.h>

/* _newselect(n, in, out, except, struct timeval *) */
int64_t linux_sys32_select(struct linux_process *p, const uint32_t a[6])
{
	const uint64_t sets[3] = {a[1], a[2], a[3]};
	return linux_select(p, (int32_t)a[0], sets, 4, a[4], LINUX_TIMEVAL32, 0, 0);
}

/* pselect6(n, in, out, except, timespec *, {sigset *, size} *) */
static int64_t pselect6(struct linux_process *p, const uint32_t a[6], enum linux_time_layout k)
{
	uint32_t sig[2] = {0, 0};
	if (a[5] && linux_copy_in(p, a[5], sig, sizeof sig))
		return -EFAULT;
	const uint64_t sets[3] = {a[1], a[2], a[3]};
	return linux_select(p, (int32_t)a[0], sets, 4, a[4], k, sig[0], sig[1]);
}

int64_t linux_sys32_pselect6(struct linux_process *p, const uint32_t a[6])
{
	return pselect6(p, a, LINUX_TIMESPEC32);
}

int64_t linux_sys32_pselect6_time64(struct linux_process *p, const uint32_t a[6])
{
	return pselect6(p, a, LINUX_TIMESPEC64);
}

/* ppoll(fds, nfds, timespec *, sigset *, size): struct pollfd is the
 * same on both. */
int64_t linux_sys32_ppoll(struct linux_process *p, const uint32_t a[6])
{
	return linux_ppoll(p, a[0], a[1], a[2], LINUX_TIMESPEC32, NULL, a[3], a[4]);
}

int64_t linux_sys32_ppoll_time64(struct linux_process *p, const uint32_t a[6])
{
	return linux_ppoll(p, a[0], a[1], a[2], LINUX_TIMESPEC64, NULL, a[3], a[4]);
}
