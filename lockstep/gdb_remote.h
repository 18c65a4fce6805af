/* gdb_remote.h - a small, strict client of the GDB remote serial protocol
 * (GDB manual, appendix E "GDB Remote Serial Protocol"), used to drive
 * qemu-user's GDB stub over TCP (ref_qemu.c).
 *
 * Only what a single-stepping client needs: framing ($data#cs, E.1),
 * acknowledgments and QStartNoAckMode (E.11), run-length encoding and
 * binary escapes in replies (E.1), error replies (E.2), stop replies
 * (E.3). Every malformed or unexpected reply is an error with a one-line
 * message; every read has a deadline.
 *
 * The framing functions are pure (no I/O) so that the unit tests can feed
 * them any byte string (tests/unit/test_gdb_remote.c). */
#ifndef UOPSIM_LOCKSTEP_GDB_REMOTE_H
#define UOPSIM_LOCKSTEP_GDB_REMOTE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* ---- framing (pure) ---- */

/* The modulo-256 sum of the bytes between '$' and '#' (E.1). */
uint8_t gdb_checksum(const void *data, size_t len);

/* Writes the frame "$data#cs" for a command into out, escaping '$', '#',
 * '}' and '*' as '}' followed by the byte XOR 0x20 (E.1, binary data).
 * Returns the frame's length, or 0 if it does not fit in outcap. */
size_t gdb_encode_frame(const void *data, size_t len, char *out, size_t outcap);

/* Decodes one reply frame at the start of in[0, n): in[0] must be '$'.
 * Verifies the checksum, then expands escapes and run-length encoding
 * ("c*N": N-29 more copies of c) into out. Returns the number of bytes of
 * the frame (> 0) with the payload in out[0, *outlen), 0 if the frame is
 * incomplete (read more), or -1 if it is malformed (message in err). */
ssize_t gdb_decode_frame(const char *in, size_t n, char *out, size_t outcap, size_t *outlen, char *err,
                         size_t errlen);

/* Hex helpers: 2 digits per byte, byte order as stored (the target's). */
void gdb_hex_encode(const void *src, size_t n, char *out);
int gdb_hex_decode(const char *hex, size_t nhex, void *dst, size_t n); /* 0, or -1 on a bad digit */

/* A reply of the form "E NN" (E.2) or "E.text": returns 1 and a
 * description in msg, else 0. */
int gdb_is_error_reply(const char *reply, size_t len, char *msg, size_t msglen);

/* ---- stop replies (E.3) ---- */

enum gdb_stop_kind {
	GDB_STOP_SIGNAL, /* "S AA" or "T AA...": stopped with GDB signal AA (5 = SIGTRAP: a step) */
	GDB_STOP_EXITED, /* "W AA": exited with status AA */
	GDB_STOP_KILLED, /* "X AA": terminated by GDB signal AA */
};

struct gdb_stop {
	enum gdb_stop_kind kind;
	int value; /* GDB signal number or exit status */
};

/* Parses a stop reply. Returns 0, or -1 with a message in err. */
int gdb_parse_stop(const char *reply, size_t len, struct gdb_stop *out, char *err, size_t errlen);

/* GDB's signal numbers (include/gdb/signals.def, which the manual names
 * as the definition for stop replies) differ from Linux's: converts one to
 * the i386/x86-64 Linux number (signal(7)), or -1 if Linux has no such
 * signal. And back: -1 if GDB has no number for it. */
int gdb_signal_to_linux(int gdb_sig);
int gdb_signal_from_linux(int linux_sig);

/* ---- the connection ---- */

struct gdb_remote {
	int fd;
	int no_ack;     /* QStartNoAckMode accepted: no more '+'/'-' */
	int ack_owed;   /* the last reply's '+' is sent with the next command */
	int timeout_ms; /* deadline of one ordinary exchange */
	int wait_ms;    /* that of the exchange under way (0: none) */
	char *rbuf;     /* received bytes not yet consumed */
	size_t rlen, rcap;
	char *reply; /* the last decoded reply, NUL-terminated */
	size_t reply_len, reply_cap;
	char *tx; /* frame being sent */
	size_t tx_cap;
};

/* Connects to 127.0.0.1:port with TCP_NODELAY (without it every step
 * waits for a delayed acknowledgment, ~40 ms). One attempt: returns 0,
 * or -1 with errno set (ECONNREFUSED while the stub is not listening). */
int gdb_remote_connect(struct gdb_remote *g, uint16_t port, int timeout_ms, char *err, size_t errlen);

/* Sends a command and waits up to wait_ms (-1: the connection's timeout,
 * 0: no deadline) for its reply, which is left in g->reply (NUL-terminated,
 * g->reply_len bytes). Returns 0, or -1 with a message in err. An "E NN"
 * reply is NOT an error here (gdb_is_error_reply tells). */
int gdb_remote_exchange(struct gdb_remote *g, const char *cmd, int wait_ms, char *err, size_t errlen);

/* Sends a command and expects the reply "OK". */
int gdb_remote_expect_ok(struct gdb_remote *g, const char *cmd, char *err, size_t errlen);

/* The acknowledgment of the last reply is normally sent with the next
 * command; this sends it now (a stub that is about to exit after a W or X
 * reply waits for it). */
int gdb_remote_flush_ack(struct gdb_remote *g, char *err, size_t errlen);

/* The handshake: qSupported, then QStartNoAckMode if the stub offers it.
 * Returns 0, or -1. */
int gdb_remote_handshake(struct gdb_remote *g, char *err, size_t errlen);

void gdb_remote_close(struct gdb_remote *g);

#endif
