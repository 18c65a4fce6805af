/* gdb_remote.c - a strict client of the GDB remote serial protocol (see
 * gdb_remote.h). Section numbers are those of the GDB manual's appendix E
 * "GDB Remote Serial Protocol". */
#define _GNU_SOURCE
#include "lockstep/gdb_remote.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* No reply of the stub we talk to comes near this; a longer one means the
 * byte stream is garbage. */
#define GDB_MAX_FRAME (1u << 20)

static void fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* ---- framing ---- */

uint8_t gdb_checksum(const void *data, size_t len)
{
	const uint8_t *p = data;
	uint8_t sum = 0;
	for (size_t i = 0; i < len; i++)
		sum += p[i];
	return sum;
}

static int needs_escape(uint8_t c)
{
	/* E.1: '#', '$' and '}' always; '*' too, so that it is never read as
	 * the start of a run-length sequence. */
	return c == '#' || c == '$' || c == '}' || c == '*';
}

size_t gdb_encode_frame(const void *data, size_t len, char *out, size_t outcap)
{
	static const char hex[] = "0123456789abcdef";
	const uint8_t *p = data;
	size_t o = 0;
	if (outcap < 4)
		return 0;
	out[o++] = '$';
	size_t body = o;
	for (size_t i = 0; i < len; i++) {
		if (o + 2 + 3 > outcap)
			return 0;
		if (needs_escape(p[i])) {
			out[o++] = '}';
			out[o++] = (char)(p[i] ^ 0x20);
		} else {
			out[o++] = (char)p[i];
		}
	}
	if (o + 3 > outcap)
		return 0;
	uint8_t sum = gdb_checksum(out + body, o - body);
	out[o++] = '#';
	out[o++] = hex[sum >> 4];
	out[o++] = hex[sum & 15];
	return o;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

ssize_t gdb_decode_frame(const char *in, size_t n, char *out, size_t outcap, size_t *outlen, char *err,
                         size_t errlen)
{
	if (n == 0)
		return 0;
	if (in[0] != '$') {
		fail(err, errlen, "reply does not start with '$' (byte 0x%02x)", (uint8_t)in[0]);
		return -1;
	}
	size_t hash = 0;
	for (size_t i = 1; i < n; i++) {
		if (in[i] == '#') {
			hash = i;
			break;
		}
		if (in[i] == '$') {
			fail(err, errlen, "'$' inside a reply frame (truncated frame?)");
			return -1;
		}
	}
	if (hash == 0) {
		if (n > GDB_MAX_FRAME) {
			fail(err, errlen, "reply frame longer than %u bytes without '#'", GDB_MAX_FRAME);
			return -1;
		}
		return 0;
	}
	if (n < hash + 3)
		return 0;
	int h = hexval((uint8_t)in[hash + 1]), l = hexval((uint8_t)in[hash + 2]);
	if (h < 0 || l < 0) {
		fail(err, errlen, "bad checksum digits '%c%c' in reply", in[hash + 1], in[hash + 2]);
		return -1;
	}
	uint8_t want = gdb_checksum(in + 1, hash - 1);
	if (want != (uint8_t)(h * 16 + l)) {
		fail(err, errlen, "reply checksum %02x, expected %02x", h * 16 + l, want);
		return -1;
	}
	size_t o = 0;
	for (size_t i = 1; i < hash; i++) {
		uint8_t c = (uint8_t)in[i];
		if (c == '}') {
			if (i + 1 >= hash) {
				fail(err, errlen, "escape character at the end of a reply");
				return -1;
			}
			c = (uint8_t)in[++i] ^ 0x20;
		} else if (c == '*') {
			/* E.1: "c*N" stands for c followed by N-29 more copies;
			 * N is printable and neither '#' nor '$'. */
			if (o == 0) {
				fail(err, errlen, "run-length marker '*' with no character before it");
				return -1;
			}
			if (i + 1 >= hash) {
				fail(err, errlen, "run-length marker '*' at the end of a reply");
				return -1;
			}
			uint8_t cnt = (uint8_t)in[++i];
			if (cnt < ' ' || cnt > '~' || cnt == '#' || cnt == '$') {
				fail(err, errlen, "bad run-length count byte 0x%02x", cnt);
				return -1;
			}
			size_t rep = (size_t)cnt - 29;
			if (o + rep >= outcap) {
				fail(err, errlen, "reply longer than %zu bytes", outcap);
				return -1;
			}
			memset(out + o, out[o - 1], rep);
			o += rep;
			continue;
		}
		if (o + 1 >= outcap) {
			fail(err, errlen, "reply longer than %zu bytes", outcap);
			return -1;
		}
		out[o++] = (char)c;
	}
	out[o] = 0;
	*outlen = o;
	return (ssize_t)(hash + 3);
}

void gdb_hex_encode(const void *src, size_t n, char *out)
{
	static const char hex[] = "0123456789abcdef";
	const uint8_t *p = src;
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hex[p[i] >> 4];
		out[2 * i + 1] = hex[p[i] & 15];
	}
	out[2 * n] = 0;
}

int gdb_hex_decode(const char *hex, size_t nhex, void *dst, size_t n)
{
	uint8_t *p = dst;
	if (nhex < 2 * n)
		return -1;
	for (size_t i = 0; i < n; i++) {
		int h = hexval((uint8_t)hex[2 * i]), l = hexval((uint8_t)hex[2 * i + 1]);
		if (h < 0 || l < 0)
			return -1;
		p[i] = (uint8_t)(h * 16 + l);
	}
	return 0;
}

int gdb_is_error_reply(const char *reply, size_t len, char *msg, size_t msglen)
{
	/* E.2: "E NN" with two hex digits, or "E.text" from newer stubs. */
	if (len == 3 && reply[0] == 'E' && hexval((uint8_t)reply[1]) >= 0 && hexval((uint8_t)reply[2]) >= 0) {
		snprintf(msg, msglen, "error %.2s", reply + 1);
		return 1;
	}
	if (len >= 2 && reply[0] == 'E' && reply[1] == '.') {
		snprintf(msg, msglen, "error \"%.*s\"", (int)(len - 2 > 80 ? 80 : len - 2), reply + 2);
		return 1;
	}
	return 0;
}

/* ---- stop replies ---- */

static int parse_hex2(const char *p, size_t avail)
{
	if (avail < 2)
		return -1;
	int h = hexval((uint8_t)p[0]), l = hexval((uint8_t)p[1]);
	return h < 0 || l < 0 ? -1 : h * 16 + l;
}

int gdb_parse_stop(const char *reply, size_t len, struct gdb_stop *out, char *err, size_t errlen)
{
	char msg[128];
	if (len == 0) {
		fail(err, errlen, "empty stop reply (the stub does not support the command)");
		return -1;
	}
	if (gdb_is_error_reply(reply, len, msg, sizeof(msg))) {
		fail(err, errlen, "stub replied %s instead of a stop reply", msg);
		return -1;
	}
	int v = parse_hex2(reply + 1, len - 1);
	switch (reply[0]) {
	case 'S':
	case 'T':
		out->kind = GDB_STOP_SIGNAL;
		/* 'S' is exactly "S AA"; 'T' continues with "n:r;" pairs. */
		if (v < 0 || (reply[0] == 'S' && len != 3) ||
		    (reply[0] == 'T' && len > 3 && !strchr(reply + 3, ':')))
			goto bad;
		break;
	case 'W':
		out->kind = GDB_STOP_EXITED;
		/* "W AA" or "W AA;process:pid" */
		if (v < 0 || (len > 3 && reply[3] != ';'))
			goto bad;
		break;
	case 'X':
		out->kind = GDB_STOP_KILLED;
		if (v < 0 || (len > 3 && reply[3] != ';'))
			goto bad;
		break;
	default: goto bad;
	}
	out->value = v;
	return 0;
bad:
	fail(err, errlen, "malformed stop reply \"%.*s\"", (int)(len > 60 ? 60 : len), reply);
	return -1;
}

/* include/gdb/signals.def: GDB's numbers 1-15 are the traditional Unix
 * ones, which Linux shares except 7 and 10; the rest differ. Indexed by
 * GDB number; 0 where Linux has no such signal. Real-time signals are
 * handled in gdb_signal_to_linux. */
static const unsigned char gdb_to_linux_low[] = {
    [1] = 1,   /* HUP */
    [2] = 2,   /* INT */
    [3] = 3,   /* QUIT */
    [4] = 4,   /* ILL */
    [5] = 5,   /* TRAP */
    [6] = 6,   /* ABRT */
    [7] = 0,   /* EMT: none on Linux */
    [8] = 8,   /* FPE */
    [9] = 9,   /* KILL */
    [10] = 7,  /* BUS */
    [11] = 11, /* SEGV */
    [12] = 31, /* SYS */
    [13] = 13, /* PIPE */
    [14] = 14, /* ALRM */
    [15] = 15, /* TERM */
    [16] = 23, /* URG */
    [17] = 19, /* STOP */
    [18] = 20, /* TSTP */
    [19] = 18, /* CONT */
    [20] = 17, /* CHLD */
    [21] = 21, /* TTIN */
    [22] = 22, /* TTOU */
    [23] = 29, /* IO */
    [24] = 24, /* XCPU */
    [25] = 25, /* XFSZ */
    [26] = 26, /* VTALRM */
    [27] = 27, /* PROF */
    [28] = 28, /* WINCH */
    [29] = 0,  /* LOST: none */
    [30] = 10, /* USR1 */
    [31] = 12, /* USR2 */
    [32] = 30, /* PWR */
    [33] = 29, /* POLL (= IO on Linux) */
};

/* GDB_SIGNAL_REALTIME_33..63 are 45..75, REALTIME_32 is 77 and
 * REALTIME_64 is 78 (signals.def). Linux has 32..64. */
#define GDB_RT33 45
#define GDB_RT63 75
#define GDB_RT32 77
#define GDB_RT64 78

int gdb_signal_to_linux(int gdb_sig)
{
	if (gdb_sig > 0 && gdb_sig < (int)sizeof(gdb_to_linux_low))
		return gdb_to_linux_low[gdb_sig] ? gdb_to_linux_low[gdb_sig] : -1;
	if (gdb_sig >= GDB_RT33 && gdb_sig <= GDB_RT63)
		return gdb_sig - GDB_RT33 + 33;
	if (gdb_sig == GDB_RT32)
		return 32;
	if (gdb_sig == GDB_RT64)
		return 64;
	return -1;
}

int gdb_signal_from_linux(int linux_sig)
{
	if (linux_sig >= 33 && linux_sig <= 63)
		return linux_sig - 33 + GDB_RT33;
	if (linux_sig == 32)
		return GDB_RT32;
	if (linux_sig == 64)
		return GDB_RT64;
	if (linux_sig == 29)
		return 23; /* IO, not POLL */
	for (int g = 1; g < (int)sizeof(gdb_to_linux_low); g++)
		if (linux_sig > 0 && gdb_to_linux_low[g] == linux_sig)
			return g;
	return -1;
}

/* ---- the connection ---- */

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int gdb_remote_connect(struct gdb_remote *g, uint16_t port, int timeout_ms, char *err, size_t errlen)
{
	memset(g, 0, sizeof(*g));
	g->fd = -1;
	g->timeout_ms = timeout_ms;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		fail(err, errlen, "socket: %s", strerror(errno));
		return -1;
	}
	int one = 1;
	if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)) < 0) {
		int e = errno;
		fail(err, errlen, "setsockopt(TCP_NODELAY): %s", strerror(e));
		close(fd);
		errno = e;
		return -1;
	}
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons(port)};
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		int e = errno;
		fail(err, errlen, "connect to 127.0.0.1:%u: %s", port, strerror(e));
		close(fd);
		errno = e;
		return -1;
	}
	g->fd = fd;
	return 0;
}

static int grow(char **buf, size_t *cap, size_t need)
{
	if (need <= *cap)
		return 0;
	size_t n = *cap ? *cap : 4096;
	while (n < need)
		n *= 2;
	char *p = realloc(*buf, n);
	if (!p)
		return -1;
	*buf = p;
	*cap = n;
	return 0;
}

/* Reads more bytes into rbuf before the deadline (0: none). */
static int read_more(struct gdb_remote *g, int64_t deadline, char *err, size_t errlen)
{
	if (grow(&g->rbuf, &g->rcap, g->rlen + 65536) < 0) {
		fail(err, errlen, "out of memory");
		return -1;
	}
	for (;;) {
		int wait = -1;
		if (deadline) {
			int64_t left = deadline - now_ms();
			if (left <= 0) {
				fail(err, errlen, "no reply from the GDB stub within %d ms", g->wait_ms);
				return -1;
			}
			wait = (int)left;
		}
		struct pollfd p = {.fd = g->fd, .events = POLLIN};
		int r = poll(&p, 1, wait);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			fail(err, errlen, "poll: %s", strerror(errno));
			return -1;
		}
		if (r == 0)
			continue; /* the deadline check above reports it */
		ssize_t n = read(g->fd, g->rbuf + g->rlen, g->rcap - g->rlen);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			fail(err, errlen, "read from the GDB stub: %s", strerror(errno));
			return -1;
		}
		if (n == 0) {
			fail(err, errlen, "the GDB stub closed the connection");
			return -1;
		}
		g->rlen += (size_t)n;
		return 0;
	}
}

static void consume(struct gdb_remote *g, size_t n)
{
	memmove(g->rbuf, g->rbuf + n, g->rlen - n);
	g->rlen -= n;
}

static int write_all(struct gdb_remote *g, const char *p, size_t n, char *err, size_t errlen)
{
	while (n) {
		ssize_t w = send(g->fd, p, n, MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			fail(err, errlen, "write to the GDB stub: %s", strerror(errno));
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Sends a command's frame, preceded by the acknowledgment of the last
 * reply if it is still owed (see receive_reply). *framelen is the frame's
 * length without it, for retransmission. */
static int send_frame(struct gdb_remote *g, const char *cmd, size_t *framelen, char *err, size_t errlen)
{
	size_t len = strlen(cmd);
	if (grow(&g->tx, &g->tx_cap, 2 * len + 9) < 0) {
		fail(err, errlen, "out of memory");
		return -1;
	}
	size_t ack = g->ack_owed ? 1 : 0;
	g->tx[0] = '+';
	*framelen = gdb_encode_frame(cmd, len, g->tx + ack, g->tx_cap - ack);
	if (write_all(g, g->tx, *framelen + ack, err, errlen) < 0)
		return -1;
	g->ack_owed = 0;
	if (ack)
		memmove(g->tx, g->tx + 1, *framelen);
	return 0;
}

/* In acknowledgment mode, waits for the '+' that acknowledges our frame,
 * retransmitting on '-' (E.1). */
static int await_ack(struct gdb_remote *g, size_t framelen, int64_t deadline, char *err, size_t errlen)
{
	int resent = 0;
	for (;;) {
		while (g->rlen == 0)
			if (read_more(g, deadline, err, errlen) < 0)
				return -1;
		char c = g->rbuf[0];
		if (c == '+') {
			consume(g, 1);
			return 0;
		}
		if (c == '-') {
			consume(g, 1);
			if (++resent > 3) {
				fail(err, errlen, "the GDB stub rejected our packet %d times", resent);
				return -1;
			}
			if (write_all(g, g->tx, framelen, err, errlen) < 0)
				return -1;
			continue;
		}
		fail(err, errlen, "expected an acknowledgment from the GDB stub, got byte 0x%02x",
		     (uint8_t)c);
		return -1;
	}
}

static int receive_reply(struct gdb_remote *g, int64_t deadline, char *err, size_t errlen)
{
	int rejected = 0;
	for (;;) {
		while (g->rlen == 0)
			if (read_more(g, deadline, err, errlen) < 0)
				return -1;
		if (g->rbuf[0] != '$') {
			fail(err, errlen, "unexpected byte 0x%02x from the GDB stub (expected a '$' reply)",
			     (uint8_t)g->rbuf[0]);
			return -1;
		}
		if (grow(&g->reply, &g->reply_cap, GDB_MAX_FRAME + 1) < 0) {
			fail(err, errlen, "out of memory");
			return -1;
		}
		ssize_t used =
		    gdb_decode_frame(g->rbuf, g->rlen, g->reply, g->reply_cap, &g->reply_len, err, errlen);
		if (used == 0) {
			if (read_more(g, deadline, err, errlen) < 0)
				return -1;
			continue;
		}
		if (used < 0) {
			/* A checksum error on a complete frame may be retried
			 * in acknowledgment mode; anything else is fatal. */
			const char *hash = memchr(g->rbuf, '#', g->rlen);
			if (g->no_ack || !hash || strncmp(err, "reply checksum", 14) != 0 || ++rejected > 3)
				return -1;
			consume(g, (size_t)(hash - g->rbuf) + 3);
			if (write_all(g, "-", 1, err, errlen) < 0)
				return -1;
			continue;
		}
		consume(g, (size_t)used);
		/* The '+' for this reply goes out with the next command, in
		 * one write: a stub waits for it (E.1) before reading further
		 * commands, so sending it later changes nothing for the stub
		 * and saves a write and a wake-up of the stub per exchange. */
		if (!g->no_ack)
			g->ack_owed = 1;
		return 0;
	}
}

int gdb_remote_flush_ack(struct gdb_remote *g, char *err, size_t errlen)
{
	if (!g->ack_owed || g->fd < 0)
		return 0;
	g->ack_owed = 0;
	return write_all(g, "+", 1, err, errlen);
}

int gdb_remote_exchange(struct gdb_remote *g, const char *cmd, int wait_ms, char *err, size_t errlen)
{
	size_t framelen;
	if (g->fd < 0) {
		fail(err, errlen, "not connected to the GDB stub");
		return -1;
	}
	if (g->rlen) {
		fail(err, errlen, "unsolicited bytes from the GDB stub before '%.20s'", cmd);
		return -1;
	}
	int ms = wait_ms < 0 ? g->timeout_ms : wait_ms;
	int64_t deadline = ms ? now_ms() + ms : 0;
	g->wait_ms = ms;
	if (send_frame(g, cmd, &framelen, err, errlen) < 0)
		return -1;
	if (!g->no_ack && await_ack(g, framelen, deadline, err, errlen) < 0)
		return -1;
	return receive_reply(g, deadline, err, errlen);
}

int gdb_remote_expect_ok(struct gdb_remote *g, const char *cmd, char *err, size_t errlen)
{
	char msg[128];
	if (gdb_remote_exchange(g, cmd, -1, err, errlen) < 0)
		return -1;
	if (g->reply_len == 2 && memcmp(g->reply, "OK", 2) == 0)
		return 0;
	if (gdb_is_error_reply(g->reply, g->reply_len, msg, sizeof(msg)))
		fail(err, errlen, "the GDB stub replied %s to '%.20s'", msg, cmd);
	else if (g->reply_len == 0)
		fail(err, errlen, "the GDB stub does not support '%.20s'", cmd);
	else
		fail(err, errlen, "unexpected reply \"%.40s\" to '%.20s'", g->reply, cmd);
	return -1;
}

int gdb_remote_handshake(struct gdb_remote *g, char *err, size_t errlen)
{
	/* The stub may have sent nothing yet; E.4 "qSupported". */
	if (gdb_remote_exchange(g, "qSupported:xmlRegisters=i386", -1, err, errlen) < 0)
		return -1;
	if (g->reply_len == 0 || g->reply[0] == 'E') {
		fail(err, errlen, "unexpected reply \"%.40s\" to qSupported", g->reply);
		return -1;
	}
	if (strstr(g->reply, "QStartNoAckMode+")) {
		if (gdb_remote_expect_ok(g, "QStartNoAckMode", err, errlen) < 0)
			return -1;
		/* The OK itself is still acknowledged (E.11). */
		if (g->ack_owed && write_all(g, "+", 1, err, errlen) < 0)
			return -1;
		g->ack_owed = 0;
		g->no_ack = 1;
	}
	return 0;
}

void gdb_remote_close(struct gdb_remote *g)
{
	if (g->fd >= 0)
		close(g->fd);
	g->fd = -1;
	free(g->rbuf);
	free(g->reply);
	free(g->tx);
	g->rbuf = g->reply = g->tx = NULL;
	g->rlen = g->rcap = g->reply_cap = g->tx_cap = g->reply_len = 0;
}
