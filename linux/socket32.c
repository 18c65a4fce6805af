/* socket32.c - the i386 socket calls: the socketcall (102) multiplexer,
 * whose second argument points to the call's arguments as 32-bit words
 * (net/socket.c: the SYS_* numbers of linux/net.h), and the direct calls
 * that Linux 4.3 added for i386 (359-373, 337, 345). Calls whose
 * arguments are the same on x86-64 go to its handlers; sendmsg/recvmsg
 * translate the compat struct msghdr, iovecs and control messages
 * (struct compat_cmsghdr: a 4-byte length, 4-byte alignment), and the
 * socket options holding a struct timeval (SO_RCVTIMEO, SO_SNDTIMEO)
 * their 32-bit one, as net/compat.c does. */
#define _GNU_SOURCE
#include "linux/linux32.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/uio.h>

#include "machine/memory.h"

#define MAX_IO (64u << 20)
#define IOV_MAX_ 1024
#define SOCKADDR_MAX 128
#define CONTROL_MAX 4096

enum { /* linux/net.h */
	SYS_SOCKET_ = 1,
	SYS_BIND_,
	SYS_CONNECT_,
	SYS_LISTEN_,
	SYS_ACCEPT_,
	SYS_GETSOCKNAME_,
	SYS_GETPEERNAME_,
	SYS_SOCKETPAIR_,
	SYS_SEND_,
	SYS_RECV_,
	SYS_SENDTO_,
	SYS_RECVFROM_,
	SYS_SHUTDOWN_,
	SYS_SETSOCKOPT_,
	SYS_GETSOCKOPT_,
	SYS_SENDMSG_,
	SYS_RECVMSG_,
	SYS_ACCEPT4_,
	SYS_RECVMMSG_,
	SYS_SENDMMSG_,
};

/* The number of argument words of each call (net/socket.c's nargs). */
static const uint8_t nargs[] = {0, 3, 3, 3, 2, 3, 3, 3, 4, 4, 4, 6, 6, 2, 5, 5, 3, 3, 4, 5, 4};

static int64_t host(int64_t r)
{
	return r < 0 ? -errno : r;
}

static int64_t x64(struct linux_process *p, unsigned nr, const uint32_t *v, unsigned n)
{
	uint64_t a[6] = {0};
	for (unsigned i = 0; i < n; i++)
		a[i] = v[i];
	a[0] = (uint64_t)(int64_t)(int32_t)v[0]; /* the descriptor (or domain) */
	return linux_syscall_x64(p, nr, a);
}

/* SO_RCVTIMEO and SO_SNDTIMEO (the "old" ones, 20 and 21) hold a struct
 * timeval: two 32-bit words for a compat task. */
static int is_timeval_opt(uint32_t level, uint32_t name)
{
	return level == SOL_SOCKET && (name == 20 || name == 21);
}

static int64_t setsockopt32(struct linux_process *p, const uint32_t v[5])
{
	if (!is_timeval_opt(v[1], v[2]))
		return x64(p, 54, v, 5);
	int32_t t[2];
	if (v[4] < sizeof t)
		return -EINVAL;
	if (linux_copy_in(p, v[3], t, sizeof t))
		return -EFAULT;
	struct timeval tv = {t[0], t[1]};
	return host(setsockopt((int)v[0], (int)v[1], (int)v[2], &tv, sizeof tv));
}

static int64_t getsockopt32(struct linux_process *p, const uint32_t v[5])
{
	if (!is_timeval_opt(v[1], v[2]))
		return x64(p, 55, v, 5);
	uint32_t room;
	if (linux_copy_in(p, v[4], &room, 4))
		return -EFAULT;
	struct timeval tv = {0, 0};
	socklen_t len = sizeof tv;
	if (getsockopt((int)v[0], (int)v[1], (int)v[2], &tv, &len) < 0)
		return -errno;
	int32_t t[2] = {(int32_t)tv.tv_sec, (int32_t)tv.tv_usec};
	uint32_t n = room < sizeof t ? room : sizeof t;
	if (linux_copy_out(p, v[3], t, n) || linux_copy_out(p, v[4], &n, 4))
		return -EFAULT;
	return 0;
}

/* ---- sendmsg and recvmsg ---- */

#define ALIGN4(n) (((n) + 3u) & ~3u)

/* The compat control messages at c (n bytes) as host ones in out. */
static int64_t cmsgs_in(const uint8_t *c, uint32_t n, uint8_t *out, size_t room, size_t *used)
{
	size_t o = 0;
	for (uint32_t off = 0; off + 12 <= n;) {
		uint32_t len;
		int32_t level, type;
		memcpy(&len, c + off, 4);
		memcpy(&level, c + off + 4, 4);
		memcpy(&type, c + off + 8, 4);
		if (len < 12 || len > n - off)
			return -EINVAL;
		size_t data = len - 12;
		if (o + CMSG_SPACE(data) > room)
			return -ENOBUFS;
		struct cmsghdr h = {.cmsg_len = CMSG_LEN(data), .cmsg_level = level, .cmsg_type = type};
		memset(out + o, 0, CMSG_SPACE(data));
		memcpy(out + o, &h, sizeof h);
		memcpy(out + o + CMSG_LEN(0), c + off + 12, data);
		o += CMSG_SPACE(data);
		off += ALIGN4(len);
	}
	*used = o;
	return 0;
}

/* The host control messages of m as compat ones in out (room bytes);
 * MSG_CTRUNC when they do not all fit, as put_cmsg_compat does. */
static uint32_t cmsgs_out(struct msghdr *m, uint8_t *out, uint32_t room)
{
	uint32_t o = 0;
	for (struct cmsghdr *h = CMSG_FIRSTHDR(m); h; h = CMSG_NXTHDR(m, h)) {
		size_t data = h->cmsg_len - CMSG_LEN(0);
		if (o + 12 + data > room) {
			m->msg_flags |= MSG_CTRUNC;
			break;
		}
		uint32_t w[3] = {(uint32_t)(12 + data), (uint32_t)h->cmsg_level, (uint32_t)h->cmsg_type};
		memcpy(out + o, w, sizeof w);
		memcpy(out + o + 12, CMSG_DATA(h), data);
		o += 12 + (uint32_t)data;
		if (o < room)
			o = ALIGN4(o) < room ? ALIGN4(o) : room;
	}
	return o;
}

/* struct compat_msghdr: name, namelen, iov, iovlen, control, controllen,
 * flags (seven 32-bit words). */
static int64_t msg32(struct linux_process *p, const uint32_t v[3], int receive)
{
	uint32_t m32[7];
	if (linux_copy_in(p, v[1], m32, sizeof m32))
		return -EFAULT;
	uint32_t iovlen = m32[3], namelen = m32[1], controllen = m32[5];
	if (iovlen > IOV_MAX_)
		return -EMSGSIZE;
	uint32_t(*iov)[2] = malloc(8 * (size_t)(iovlen ? iovlen : 1));
	uint8_t *ctl32 = malloc(CONTROL_MAX), *ctl = malloc(2 * CONTROL_MAX), *tmp = NULL;
	uint8_t name[SOCKADDR_MAX];
	int64_t rc = -ENOMEM;
	if (!iov || !ctl32 || !ctl)
		goto out;
	rc = -EFAULT;
	if (linux_copy_in(p, m32[2], iov, 8 * (size_t)iovlen))
		goto out;
	uint64_t total = 0;
	for (uint32_t i = 0; i < iovlen; i++) {
		if ((int32_t)iov[i][1] < 0) {
			rc = -EINVAL;
			goto out;
		}
		total += iov[i][1];
	}
	if (total > MAX_IO)
		total = MAX_IO;
	if (namelen > SOCKADDR_MAX)
		namelen = receive ? SOCKADDR_MAX : namelen;
	if (namelen > SOCKADDR_MAX || controllen > CONTROL_MAX) {
		rc = -EINVAL;
		goto out;
	}
	tmp = malloc(total ? (size_t)total : 1);
	if (!tmp) {
		rc = -ENOMEM;
		goto out;
	}
	size_t ctl_len = 0;
	if (!receive) {
		if ((m32[0] && linux_copy_in(p, m32[0], name, namelen)) || (m32[4] && linux_copy_in(p, m32[4], ctl32, controllen)))
			goto out;
		if (m32[4] && (rc = cmsgs_in(ctl32, controllen, ctl, 2 * CONTROL_MAX, &ctl_len)) < 0)
			goto out;
		if (linux_gather_iov32(p, (const uint32_t(*)[2])iov, iovlen, tmp, (size_t)total) < 0) {
			rc = -EFAULT;
			goto out;
		}
	} else {
		ctl_len = m32[4] ? 2 * (size_t)controllen : 0; /* host headers are larger */
	}
	struct iovec one = {tmp, (size_t)total};
	struct msghdr m = {
	    .msg_name = m32[0] ? name : NULL,
	    .msg_namelen = m32[0] ? namelen : 0,
	    .msg_iov = &one,
	    .msg_iovlen = 1,
	    .msg_control = ctl_len ? ctl : NULL,
	    .msg_controllen = ctl_len,
	};
	ssize_t r = receive ? recvmsg((int)v[0], &m, (int)v[2]) : sendmsg((int)v[0], &m, (int)v[2]);
	rc = r < 0 ? -errno : r;
	if (!receive || r < 0)
		goto out;
	if (linux_scatter_iov32(p, (const uint32_t(*)[2])iov, iovlen, tmp, (size_t)r) < 0)
		rc = -EFAULT;
	uint32_t clen = m.msg_control ? cmsgs_out(&m, ctl32, controllen) : 0;
	if ((m32[0] && linux_copy_out(p, m32[0], name, m.msg_namelen < namelen ? m.msg_namelen : namelen)) ||
	    (clen && linux_copy_out(p, m32[4], ctl32, clen)))
		rc = -EFAULT;
	m32[1] = m.msg_namelen;
	m32[5] = clen;
	m32[6] = (uint32_t)m.msg_flags;
	if (linux_copy_out(p, v[1], m32, sizeof m32))
		rc = -EFAULT;
out:
	free(iov);
	free(ctl32);
	free(ctl);
	free(tmp);
	return rc;
}

/* ---- the calls ---- */

static int64_t socket_call(struct linux_process *p, unsigned call, const uint32_t v[6])
{
	switch (call) {
	case SYS_SOCKET_: return x64(p, 41, v, 3);
	case SYS_BIND_: return x64(p, 49, v, 3);
	case SYS_CONNECT_: return x64(p, 42, v, 3);
	case SYS_LISTEN_: return x64(p, 50, v, 2);
	case SYS_ACCEPT_: return x64(p, 43, v, 3);
	case SYS_GETSOCKNAME_: return x64(p, 51, v, 3);
	case SYS_GETPEERNAME_: return x64(p, 52, v, 3);
	case SYS_SOCKETPAIR_: return x64(p, 53, v, 4);
	case SYS_SEND_: {
		const uint32_t w[6] = {v[0], v[1], v[2], v[3], 0, 0};
		return x64(p, 44, w, 6);
	}
	case SYS_RECV_: {
		const uint32_t w[6] = {v[0], v[1], v[2], v[3], 0, 0};
		return x64(p, 45, w, 6);
	}
	case SYS_SENDTO_: return x64(p, 44, v, 6);
	case SYS_RECVFROM_: return x64(p, 45, v, 6);
	case SYS_SHUTDOWN_: return x64(p, 48, v, 2);
	case SYS_SETSOCKOPT_: return setsockopt32(p, v);
	case SYS_GETSOCKOPT_: return getsockopt32(p, v);
	case SYS_SENDMSG_: return msg32(p, v, 0);
	case SYS_RECVMSG_: return msg32(p, v, 1);
	case SYS_ACCEPT4_: return x64(p, 288, v, 4);
	default: return -ENOSYS; /* recvmmsg, sendmmsg */
	}
}

int64_t linux_sys32_socketcall(struct linux_process *p, const uint32_t a[6])
{
	if (a[0] < 1 || a[0] > SYS_SENDMMSG_)
		return -EINVAL;
	uint32_t v[6] = {0};
	if (linux_copy_in(p, a[1], v, 4 * (size_t)nargs[a[0]]))
		return -EFAULT;
	return socket_call(p, a[0], v);
}

/* The direct calls, i386 numbers 359-373 (asm/unistd_32.h), in an order
 * of their own; the number is still in EAX during the call. */
int64_t linux_sys32_socket_direct(struct linux_process *p, const uint32_t a[6])
{
	uint32_t nr = (uint32_t)p->cpu.state.gpr[GPR_RAX];
	static const uint8_t calls[] = {
	    SYS_SOCKET_,     SYS_SOCKETPAIR_,  SYS_BIND_,        SYS_CONNECT_,     SYS_LISTEN_,
	    SYS_ACCEPT4_,    SYS_GETSOCKOPT_,  SYS_SETSOCKOPT_,  SYS_GETSOCKNAME_, SYS_GETPEERNAME_,
	    SYS_SENDTO_,     SYS_RECVFROM_,    SYS_SENDMSG_,     SYS_RECVMSG_,     SYS_SHUTDOWN_,
	};
	if (nr < 359 || nr >= 359 + sizeof calls)
		return -ENOSYS;
	return socket_call(p, calls[nr - 359], a);
}
