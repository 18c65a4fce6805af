/* test_gdb_remote.c - the GDB remote protocol client (lockstep/gdb_remote.c):
 * framing, checksums, escapes and run-length encoding (GDB manual E.1),
 * error and stop replies (E.2, E.3), GDB's signal numbers, and whole
 * exchanges with a scripted fake stub on a local TCP socket (acks,
 * retransmission, malformed replies, timeouts, a closed connection). */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <check.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lockstep/gdb_remote.h"

/* A frame with the right checksum around payload. */
static const char *frame(const char *payload)
{
	static char buf[8][256];
	static int next;
	char *b = buf[next++ & 7];
	snprintf(b, 256, "$%s#%02x", payload, gdb_checksum(payload, strlen(payload)));
	return b;
}

static ssize_t decode(const char *in, char *out, size_t outcap, size_t *outlen, char *err)
{
	return gdb_decode_frame(in, strlen(in), out, outcap, outlen, err, 128);
}

START_TEST(checksum_is_the_byte_sum_mod_256)
{
	ck_assert_uint_eq(gdb_checksum("OK", 2), 0x9a);
	ck_assert_uint_eq(gdb_checksum("g", 1), 0x67);
	ck_assert_uint_eq(gdb_checksum("", 0), 0);
	/* 0xff + 0x02 wraps to 0x01 */
	ck_assert_uint_eq(gdb_checksum("\xff\x02", 2), 0x01);
}
END_TEST

START_TEST(encode_frames_and_escapes)
{
	char out[64];
	ck_assert_uint_eq(gdb_encode_frame("g", 1, out, sizeof out), 5);
	ck_assert(memcmp(out, "$g#67", 5) == 0);
	/* '#', '$', '}' and '*' go as '}' and the byte XOR 0x20; the checksum
	 * covers the escaped bytes. */
	size_t n = gdb_encode_frame("a#$}*", 5, out, sizeof out);
	const char want_body[] = "a}\x03}\x04}]}\x0a";
	ck_assert_uint_eq(n, 1 + 9 + 3);
	ck_assert(memcmp(out + 1, want_body, 9) == 0);
	char cs[3];
	snprintf(cs, sizeof cs, "%02x", gdb_checksum(want_body, 9));
	ck_assert(out[10] == '#' && memcmp(out + 11, cs, 2) == 0);
	/* The encoder's output decodes back to the input. */
	char dec[64], err[128];
	size_t len;
	ck_assert_int_eq(gdb_decode_frame(out, n, dec, sizeof dec, &len, err, sizeof err), (ssize_t)n);
	ck_assert_uint_eq(len, 5);
	ck_assert(memcmp(dec, "a#$}*", 5) == 0);
	/* Too small a buffer: 0, not an overflow. */
	ck_assert_uint_eq(gdb_encode_frame("abcdef", 6, out, 8), 0);
	ck_assert_uint_eq(gdb_encode_frame("g", 1, out, 3), 0);
}
END_TEST

START_TEST(decode_plain_frames)
{
	char out[64], err[128];
	size_t len;
	ck_assert_int_eq(decode("$OK#9a", out, sizeof out, &len, err), 6);
	ck_assert_str_eq(out, "OK");
	ck_assert_uint_eq(len, 2);
	/* Bytes after the frame are not consumed. */
	ck_assert_int_eq(decode("$OK#9a+$", out, sizeof out, &len, err), 6);
	/* Upper-case checksum digits are accepted. */
	ck_assert_int_eq(decode("$E0A#B6", out, sizeof out, &len, err), 7);
	ck_assert_str_eq(out, "E0A");
	/* An empty reply (unsupported command). */
	ck_assert_int_eq(decode("$#00", out, sizeof out, &len, err), 4);
	ck_assert_uint_eq(len, 0);
}
END_TEST

START_TEST(decode_incomplete_frames_ask_for_more)
{
	char out[64], err[128];
	size_t len;
	ck_assert_int_eq(decode("", out, sizeof out, &len, err), 0);
	ck_assert_int_eq(decode("$", out, sizeof out, &len, err), 0);
	ck_assert_int_eq(decode("$OK", out, sizeof out, &len, err), 0);
	ck_assert_int_eq(decode("$OK#", out, sizeof out, &len, err), 0);
	ck_assert_int_eq(decode("$OK#9", out, sizeof out, &len, err), 0);
}
END_TEST

START_TEST(decode_rejects_malformed_frames)
{
	char out[64], err[128];
	size_t len;
	ck_assert_int_eq(decode("$OK#00", out, sizeof out, &len, err), -1);
	ck_assert(strstr(err, "checksum 00, expected 9a"));
	ck_assert_int_eq(decode("$OK#zz", out, sizeof out, &len, err), -1);
	ck_assert(strstr(err, "checksum digits"));
	ck_assert_int_eq(decode("OK#9a", out, sizeof out, &len, err), -1);
	ck_assert(strstr(err, "does not start with '$'"));
	ck_assert_int_eq(decode("$O$K#9a", out, sizeof out, &len, err), -1);
	ck_assert(strstr(err, "'$' inside"));
	/* An escape with nothing after it. */
	ck_assert_int_eq(decode(frame("a}"), out, sizeof out, &len, err), -1);
	ck_assert(strstr(err, "escape"));
	/* A reply longer than the buffer. */
	ck_assert_int_eq(decode(frame("0123456789"), out, 8, &len, err), -1);
	ck_assert(strstr(err, "longer than 8"));
}
END_TEST

START_TEST(decode_expands_run_length_encoding)
{
	char out[128], err[128];
	size_t len;
	/* E.1: "0* " is "0000": ' ' (32) means 32 - 29 = 3 more. */
	ck_assert_int_gt(decode(frame("0* "), out, sizeof out, &len, err), 0);
	ck_assert_str_eq(out, "0000");
	/* '"' (34): 5 more; then plain characters continue. */
	ck_assert_int_gt(decode(frame("0*\"1"), out, sizeof out, &len, err), 0);
	ck_assert_str_eq(out, "0000001");
	/* Runs of runs, and '~' (126): 97 more. */
	ck_assert_int_gt(decode(frame("ab*!c*~"), out, sizeof out, &len, err), 0);
	ck_assert_uint_eq(len, 1 + 5 + 98);
	ck_assert(out[0] == 'a' && out[5] == 'b' && out[6] == 'c' && out[103] == 'c');
	/* A run of an escaped character. */
	ck_assert_int_gt(decode(frame("}\x03* "), out, sizeof out, &len, err), 0);
	ck_assert_str_eq(out, "####");
}
END_TEST

START_TEST(decode_rejects_bad_run_length_encoding)
{
	char out[64], err[128];
	size_t len;
	ck_assert_int_eq(decode(frame("* "), out, sizeof out, &len, err), -1);
	ck_assert(strstr(err, "no character before it"));
	ck_assert_int_eq(decode(frame("0*"), out, sizeof out, &len, err), -1);
	ck_assert(strstr(err, "at the end"));
	ck_assert_int_eq(decode(frame("0*\x1f"), out, sizeof out, &len, err), -1);
	ck_assert(strstr(err, "count byte 0x1f"));
	ck_assert_int_eq(decode(frame("0*\x7f"), out, sizeof out, &len, err), -1);
	/* A run past the end of the buffer. */
	ck_assert_int_eq(decode(frame("0*~"), out, sizeof out, &len, err), -1);
	ck_assert(strstr(err, "longer than"));
}
END_TEST

START_TEST(hex_round_trip)
{
	const uint8_t bytes[] = {0x00, 0x7f, 0x80, 0xff, 0x12};
	char hex[16];
	uint8_t back[5];
	gdb_hex_encode(bytes, 5, hex);
	ck_assert_str_eq(hex, "007f80ff12");
	ck_assert_int_eq(gdb_hex_decode(hex, 10, back, 5), 0);
	ck_assert(memcmp(back, bytes, 5) == 0);
	ck_assert_int_eq(gdb_hex_decode("7F80", 4, back, 2), 0);
	ck_assert(back[0] == 0x7f && back[1] == 0x80);
	ck_assert_int_eq(gdb_hex_decode("0g", 2, back, 1), -1);
	ck_assert_int_eq(gdb_hex_decode("001", 3, back, 2), -1); /* too short */
}
END_TEST

START_TEST(error_replies)
{
	char msg[64];
	ck_assert_int_eq(gdb_is_error_reply("E01", 3, msg, sizeof msg), 1);
	ck_assert_str_eq(msg, "error 01");
	ck_assert_int_eq(gdb_is_error_reply("E.no such file", 14, msg, sizeof msg), 1);
	ck_assert(strstr(msg, "no such file"));
	ck_assert_int_eq(gdb_is_error_reply("OK", 2, msg, sizeof msg), 0);
	ck_assert_int_eq(gdb_is_error_reply("E0", 2, msg, sizeof msg), 0);
	ck_assert_int_eq(gdb_is_error_reply("E0g", 3, msg, sizeof msg), 0);
	ck_assert_int_eq(gdb_is_error_reply("", 0, msg, sizeof msg), 0);
}
END_TEST

static int stop_of(const char *reply, struct gdb_stop *st, char *err)
{
	return gdb_parse_stop(reply, strlen(reply), st, err, 128);
}

START_TEST(stop_replies)
{
	struct gdb_stop st;
	char err[128];
	ck_assert_int_eq(stop_of("T05thread:p01.1a2b;", &st, err), 0);
	ck_assert(st.kind == GDB_STOP_SIGNAL && st.value == 5);
	ck_assert_int_eq(stop_of("T0b", &st, err), 0);
	ck_assert(st.kind == GDB_STOP_SIGNAL && st.value == 11);
	ck_assert_int_eq(stop_of("S1e", &st, err), 0);
	ck_assert(st.kind == GDB_STOP_SIGNAL && st.value == 30);
	ck_assert_int_eq(stop_of("W00", &st, err), 0);
	ck_assert(st.kind == GDB_STOP_EXITED && st.value == 0);
	ck_assert_int_eq(stop_of("W2a;process:1f", &st, err), 0);
	ck_assert(st.kind == GDB_STOP_EXITED && st.value == 42);
	ck_assert_int_eq(stop_of("X09", &st, err), 0);
	ck_assert(st.kind == GDB_STOP_KILLED && st.value == 9);
}
END_TEST

START_TEST(malformed_stop_replies)
{
	struct gdb_stop st;
	char err[128];
	ck_assert_int_eq(stop_of("", &st, err), -1);
	ck_assert(strstr(err, "empty"));
	ck_assert_int_eq(stop_of("E01", &st, err), -1);
	ck_assert(strstr(err, "error 01"));
	ck_assert_int_eq(stop_of("OK", &st, err), -1);
	ck_assert(strstr(err, "malformed stop reply \"OK\""));
	ck_assert_int_eq(stop_of("T5", &st, err), -1);
	ck_assert_int_eq(stop_of("Tzz", &st, err), -1);
	ck_assert_int_eq(stop_of("S05x", &st, err), -1);
	ck_assert_int_eq(stop_of("T05junk", &st, err), -1);
	ck_assert_int_eq(stop_of("W", &st, err), -1);
	ck_assert_int_eq(stop_of("W00x", &st, err), -1);
	ck_assert_int_eq(stop_of("X0", &st, err), -1);
	ck_assert_int_eq(stop_of("O48656c6c6f", &st, err), -1);
}
END_TEST

START_TEST(gdb_signal_numbers)
{
	/* include/gdb/signals.def against Linux's (signal(7), x86). */
	ck_assert_int_eq(gdb_signal_to_linux(5), SIGTRAP);
	ck_assert_int_eq(gdb_signal_to_linux(11), SIGSEGV);
	ck_assert_int_eq(gdb_signal_to_linux(10), SIGBUS);
	ck_assert_int_eq(gdb_signal_to_linux(12), SIGSYS);
	ck_assert_int_eq(gdb_signal_to_linux(16), SIGURG);
	ck_assert_int_eq(gdb_signal_to_linux(17), SIGSTOP);
	ck_assert_int_eq(gdb_signal_to_linux(20), SIGCHLD);
	ck_assert_int_eq(gdb_signal_to_linux(23), SIGIO);
	ck_assert_int_eq(gdb_signal_to_linux(30), SIGUSR1);
	ck_assert_int_eq(gdb_signal_to_linux(31), SIGUSR2);
	ck_assert_int_eq(gdb_signal_to_linux(32), SIGPWR);
	ck_assert_int_eq(gdb_signal_to_linux(45), 33);
	ck_assert_int_eq(gdb_signal_to_linux(75), 63);
	ck_assert_int_eq(gdb_signal_to_linux(77), 32);
	ck_assert_int_eq(gdb_signal_to_linux(78), 64);
	ck_assert_int_eq(gdb_signal_to_linux(7), -1); /* SIGEMT */
	ck_assert_int_eq(gdb_signal_to_linux(0), -1);
	ck_assert_int_eq(gdb_signal_to_linux(143), -1);
	ck_assert_int_eq(gdb_signal_to_linux(-3), -1);
	/* Every Linux signal but SIGSTKFLT has a GDB number, and back. */
	for (int s = 1; s <= 64; s++) {
		int g = gdb_signal_from_linux(s);
		if (s == 16) {
			ck_assert_int_eq(g, -1);
			continue;
		}
		ck_assert_msg(g > 0 && gdb_signal_to_linux(g) == s, "Linux signal %d -> GDB %d", s, g);
	}
}
END_TEST

/* ---- exchanges with a fake stub ---- */

struct fake {
	pid_t pid;
	uint16_t port;
	int seen; /* read end: everything the stub received, after it ends */
};

/* Starts a stub that, for each reply in replies (NULL-terminated), waits
 * for bytes from the client and answers with that reply; then it keeps
 * the connection open until the client closes it (or `hang_up`: closes
 * it at once), and reports what it received on fake.seen. */
static struct fake fake_stub(const char *const *replies, int hang_up)
{
	struct fake f = {0};
	int ls = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in sa = {.sin_family = AF_INET};
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t sl = sizeof sa;
	ck_assert(ls >= 0);
	ck_assert(bind(ls, (struct sockaddr *)&sa, sizeof sa) == 0);
	ck_assert(listen(ls, 1) == 0);
	ck_assert(getsockname(ls, (struct sockaddr *)&sa, &sl) == 0);
	f.port = ntohs(sa.sin_port);
	int p[2];
	ck_assert(pipe(p) == 0);
	f.pid = fork();
	ck_assert(f.pid >= 0);
	if (f.pid == 0) {
		close(p[0]);
		int c = accept(ls, NULL, NULL);
		char buf[4096];
		for (const char *const *r = replies; c >= 0 && *r; r++) {
			ssize_t n = read(c, buf, sizeof buf);
			if (n <= 0)
				break;
			if (write(p[1], buf, (size_t)n) < 0)
				break;
			if (write(c, *r, strlen(*r)) < 0)
				break;
		}
		if (!hang_up) {
			ssize_t n;
			while ((n = read(c, buf, sizeof buf)) > 0)
				if (write(p[1], buf, (size_t)n) < 0)
					break;
		}
		_exit(0);
	}
	close(p[1]);
	close(ls);
	f.seen = p[0];
	return f;
}

/* Ends the stub (the client has closed) and returns what it received. */
static const char *fake_end(struct fake *f)
{
	static char got[8192];
	size_t n = 0;
	ssize_t r;
	while (n < sizeof got - 1 && (r = read(f->seen, got + n, sizeof got - 1 - n)) > 0)
		n += (size_t)r;
	got[n] = 0;
	close(f->seen);
	waitpid(f->pid, NULL, 0);
	return got;
}

static void connect_to(struct gdb_remote *g, struct fake *f, int timeout_ms)
{
	char err[128];
	ck_assert_msg(gdb_remote_connect(g, f->port, timeout_ms, err, sizeof err) == 0, "%s", err);
}

START_TEST(exchange_acknowledges_and_decodes)
{
	/* the second reply is "0000001", run-length encoded */
	const char *replies[] = {"+$OK#9a", "+$0*\"1#ad", NULL};
	struct fake f = fake_stub(replies, 0);
	struct gdb_remote g;
	char err[128];
	connect_to(&g, &f, 2000);
	ck_assert_msg(gdb_remote_expect_ok(&g, "QFoo", err, sizeof err) == 0, "%s", err);
	ck_assert_msg(gdb_remote_exchange(&g, "g", -1, err, sizeof err) == 0, "%s", err);
	ck_assert_str_eq(g.reply, "0000001");
	ck_assert_uint_eq(g.reply_len, 7);
	ck_assert_int_eq(gdb_remote_flush_ack(&g, err, sizeof err), 0);
	gdb_remote_close(&g);
	/* The reply's '+' travels with the next command. */
	ck_assert_str_eq(fake_end(&f), "$QFoo#75+$g#67+");
}
END_TEST

START_TEST(exchange_retransmits_on_nak)
{
	const char *replies[] = {"-", "+$OK#9a", NULL};
	struct fake f = fake_stub(replies, 0);
	struct gdb_remote g;
	char err[128];
	connect_to(&g, &f, 2000);
	ck_assert_msg(gdb_remote_expect_ok(&g, "QFoo", err, sizeof err) == 0, "%s", err);
	gdb_remote_close(&g);
	ck_assert_str_eq(fake_end(&f), "$QFoo#75$QFoo#75");
}
END_TEST

START_TEST(exchange_asks_again_after_a_bad_checksum)
{
	const char *replies[] = {"+$OK#00", "$OK#9a", NULL};
	struct fake f = fake_stub(replies, 0);
	struct gdb_remote g;
	char err[128];
	connect_to(&g, &f, 2000);
	ck_assert_msg(gdb_remote_expect_ok(&g, "QFoo", err, sizeof err) == 0, "%s", err);
	gdb_remote_close(&g);
	ck_assert_str_eq(fake_end(&f), "$QFoo#75-");
}
END_TEST

START_TEST(exchange_gives_up_after_repeated_naks)
{
	const char *replies[] = {"-", "-", "-", "-", "-", NULL};
	struct fake f = fake_stub(replies, 0);
	struct gdb_remote g;
	char err[128];
	connect_to(&g, &f, 2000);
	ck_assert_int_eq(gdb_remote_exchange(&g, "g", -1, err, sizeof err), -1);
	ck_assert(strstr(err, "rejected our packet"));
	gdb_remote_close(&g);
	fake_end(&f);
}
END_TEST

START_TEST(exchange_rejects_garbage)
{
	const char *replies[] = {"x", NULL};
	struct fake f = fake_stub(replies, 0);
	struct gdb_remote g;
	char err[128];
	connect_to(&g, &f, 2000);
	ck_assert_int_eq(gdb_remote_exchange(&g, "g", -1, err, sizeof err), -1);
	ck_assert(strstr(err, "expected an acknowledgment"));
	gdb_remote_close(&g);
	fake_end(&f);

	const char *replies2[] = {"+?", NULL};
	f = fake_stub(replies2, 0);
	connect_to(&g, &f, 2000);
	ck_assert_int_eq(gdb_remote_exchange(&g, "g", -1, err, sizeof err), -1);
	ck_assert(strstr(err, "unexpected byte 0x3f"));
	gdb_remote_close(&g);
	fake_end(&f);

	const char *replies3[] = {"+$a*#8b", NULL}; /* a run of nothing */
	f = fake_stub(replies3, 0);
	connect_to(&g, &f, 2000);
	ck_assert_int_eq(gdb_remote_exchange(&g, "g", -1, err, sizeof err), -1);
	ck_assert(strstr(err, "run-length"));
	gdb_remote_close(&g);
	fake_end(&f);
}
END_TEST

START_TEST(expect_ok_reports_errors_and_surprises)
{
	const char *replies[] = {"+$E16#ac", "+$#00", "+$XY#b1", NULL};
	struct fake f = fake_stub(replies, 0);
	struct gdb_remote g;
	char err[128];
	connect_to(&g, &f, 2000);
	ck_assert_int_eq(gdb_remote_expect_ok(&g, "Z0,1000,1", err, sizeof err), -1);
	ck_assert(strstr(err, "error 16"));
	ck_assert_int_eq(gdb_remote_expect_ok(&g, "QBar", err, sizeof err), -1);
	ck_assert(strstr(err, "does not support 'QBar'"));
	ck_assert_int_eq(gdb_remote_expect_ok(&g, "QBaz", err, sizeof err), -1);
	ck_assert(strstr(err, "unexpected reply \"XY\""));
	gdb_remote_close(&g);
	fake_end(&f);
}
END_TEST

START_TEST(exchange_times_out)
{
	const char *replies[] = {"+$O", NULL}; /* half a reply, then silence */
	struct fake f = fake_stub(replies, 0);
	struct gdb_remote g;
	char err[128];
	connect_to(&g, &f, 200);
	ck_assert_int_eq(gdb_remote_exchange(&g, "g", -1, err, sizeof err), -1);
	ck_assert(strstr(err, "no reply from the GDB stub within 200 ms"));
	gdb_remote_close(&g);
	fake_end(&f);
}
END_TEST

START_TEST(exchange_sees_a_closed_connection)
{
	const char *replies[] = {"+", NULL};
	struct fake f = fake_stub(replies, 1);
	struct gdb_remote g;
	char err[128];
	connect_to(&g, &f, 2000);
	ck_assert_int_eq(gdb_remote_exchange(&g, "s", 0, err, sizeof err), -1);
	ck_assert(strstr(err, "closed the connection"));
	gdb_remote_close(&g);
	fake_end(&f);
}
END_TEST

START_TEST(handshake_turns_acks_off_when_offered)
{
	char r0[64];
	snprintf(r0, sizeof r0, "+%s", frame("PacketSize=1000;QStartNoAckMode+"));
	const char *replies[] = {r0, "+$OK#9a", "$OK#9a", NULL};
	struct fake f = fake_stub(replies, 0);
	struct gdb_remote g;
	char err[128];
	connect_to(&g, &f, 2000);
	ck_assert_msg(gdb_remote_handshake(&g, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(g.no_ack, 1);
	ck_assert_msg(gdb_remote_expect_ok(&g, "QFoo", err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(g.ack_owed, 0);
	gdb_remote_close(&g);
	const char *seen = fake_end(&f);
	/* The OK of QStartNoAckMode is still acknowledged; then no more. */
	size_t n = strlen(seen);
	ck_assert_msg(strstr(seen, "+$QStartNoAckMode#b0+$QFoo#75") && n > 3 &&
	                  strcmp(seen + n - 3, "#75") == 0,
	              "%s", seen);
}
END_TEST

Suite *gdb_remote_suite(void)
{
	Suite *s = suite_create("gdb_remote");
	TCase *t = tcase_create("framing");
	tcase_add_test(t, checksum_is_the_byte_sum_mod_256);
	tcase_add_test(t, encode_frames_and_escapes);
	tcase_add_test(t, decode_plain_frames);
	tcase_add_test(t, decode_incomplete_frames_ask_for_more);
	tcase_add_test(t, decode_rejects_malformed_frames);
	tcase_add_test(t, decode_expands_run_length_encoding);
	tcase_add_test(t, decode_rejects_bad_run_length_encoding);
	tcase_add_test(t, hex_round_trip);
	tcase_add_test(t, error_replies);
	tcase_add_test(t, stop_replies);
	tcase_add_test(t, malformed_stop_replies);
	tcase_add_test(t, gdb_signal_numbers);
	suite_add_tcase(s, t);
	TCase *x = tcase_create("exchange");
	tcase_add_test(x, exchange_acknowledges_and_decodes);
	tcase_add_test(x, exchange_retransmits_on_nak);
	tcase_add_test(x, exchange_asks_again_after_a_bad_checksum);
	tcase_add_test(x, exchange_gives_up_after_repeated_naks);
	tcase_add_test(x, exchange_rejects_garbage);
	tcase_add_test(x, expect_ok_reports_errors_and_surprises);
	tcase_add_test(x, exchange_times_out);
	tcase_add_test(x, exchange_sees_a_closed_connection);
	tcase_add_test(x, handshake_turns_acks_off_when_offered);
	suite_add_tcase(s, x);
	return s;
}
