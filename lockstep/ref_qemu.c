/* ref_qemu.c - the i386 reference of `uopsim lockstep`: the program runs
 * under `qemu-i386 -g PORT` (this host's kernel cannot run 32-bit code),
 * single-stepped through qemu's GDB stub (gdb_remote.c).
 *
 * Registers come from the stub's 'g' packet; memory and mappings do not
 * go through GDB packets (far too slow): qemu-user keeps the guest's
 * memory at host address guest_base + guest address in its own process,
 * which is our child, so process_vm_readv/process_vm_writev and
 * /proc/PID/maps reach it directly (qemu_mem.c). Stepping, with its
 * system-call and signal cases, is in qemu_step.c. */
#define _GNU_SOURCE
#include "lockstep/ref_qemu.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define QEMU_CONNECT_MS 10000 /* from spawning qemu to its stub accepting us */
#define QEMU_REPLY_MS 10000   /* one exchange other than a step */

void qemu_fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* ---- starting qemu ---- */

/* A port nobody listens on: bind port 0 and let the kernel choose. The
 * port is free again once closed; qemu binds it right after (a race with
 * another process is retried by the caller). */
static int free_port(uint16_t *port, char *err, size_t errlen)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		qemu_fail(err, errlen, "socket: %s", strerror(errno));
		return -1;
	}
	struct sockaddr_in sa = {.sin_family = AF_INET};
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t len = sizeof(sa);
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    getsockname(fd, (struct sockaddr *)&sa, &len) < 0) {
		qemu_fail(err, errlen, "choosing a TCP port: %s", strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	*port = ntohs(sa.sin_port);
	return 0;
}

static pid_t spawn_qemu(uint16_t port, char *const argv[], char *const envp[], char *err, size_t errlen)
{
	size_t argc = 0;
	while (argv[argc])
		argc++;
	char portstr[16];
	snprintf(portstr, sizeof(portstr), "%u", port);
	char **qargv = calloc(argc + 4, sizeof(*qargv));
	if (!qargv) {
		qemu_fail(err, errlen, "out of memory");
		return -1;
	}
	qargv[0] = "qemu-i386";
	qargv[1] = "-g";
	qargv[2] = portstr;
	for (size_t i = 0; i < argc; i++)
		qargv[3 + i] = argv[i];
	/* Report a failed exec through a close-on-exec pipe. */
	int pfd[2];
	if (pipe2(pfd, O_CLOEXEC) < 0) {
		qemu_fail(err, errlen, "pipe: %s", strerror(errno));
		free(qargv);
		return -1;
	}
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid < 0) {
		qemu_fail(err, errlen, "fork: %s", strerror(errno));
		close(pfd[0]);
		close(pfd[1]);
		free(qargv);
		return -1;
	}
	if (pid == 0) {
		/* qemu must not outlive uopsim. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(127);
		execvpe("qemu-i386", qargv, envp);
		int e = errno;
		if (write(pfd[1], &e, sizeof(e)) < 0)
			_exit(127);
		_exit(127);
	}
	close(pfd[1]);
	free(qargv);
	int e;
	ssize_t n;
	do
		n = read(pfd[0], &e, sizeof(e));
	while (n < 0 && errno == EINTR);
	close(pfd[0]);
	if (n == (ssize_t)sizeof(e)) {
		waitpid(pid, NULL, 0);
		qemu_fail(err, errlen, "cannot run qemu-i386: %s", strerror(e));
		return -1;
	}
	return pid;
}

void qemu_sleep_ms(int ms)
{
	struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000};
	nanosleep(&ts, NULL);
}

/* Connects to the stub of qemu `pid`, retrying while it is not listening
 * yet. Returns 0, 1 if qemu exited first (*status), or -1. */
static int connect_stub(struct reference *r, uint16_t port, int *status, char *err, size_t errlen)
{
	struct timespec t0, t;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		if (gdb_remote_connect(&r->gdb, port, QEMU_REPLY_MS, err, errlen) == 0)
			return 0;
		if (errno != ECONNREFUSED)
			return -1;
		pid_t w = waitpid(r->pid, status, WNOHANG);
		if (w == r->pid) {
			r->pid = 0;
			return 1;
		}
		clock_gettime(CLOCK_MONOTONIC, &t);
		if ((t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000 > QEMU_CONNECT_MS) {
			qemu_fail(err, errlen, "qemu-i386's GDB stub did not listen on port %u within %d ms",
			          port, QEMU_CONNECT_MS);
			return -1;
		}
		qemu_sleep_ms(5);
	}
}

/* ---- registers ---- */

/* The selectors' order in the 'g' packet, as enum x86_segment. */
static const enum x86_segment qemu_seg_order[6] = {SEG_CS, SEG_SS, SEG_DS, SEG_ES, SEG_FS, SEG_GS};

int qemu_read_regs(struct reference *r, char *err, size_t errlen)
{
	char msg[128];
	if (r->regs_valid)
		return 0;
	if (r->finished) {
		qemu_fail(err, errlen, "the program has exited");
		return -1;
	}
	if (gdb_remote_exchange(&r->gdb, "g", -1, err, errlen) < 0)
		return -1;
	if (gdb_is_error_reply(r->gdb.reply, r->gdb.reply_len, msg, sizeof(msg))) {
		qemu_fail(err, errlen, "qemu's stub replied %s to 'g'", msg);
		return -1;
	}
	if (r->gdb.reply_len != 2 * QG_SIZE) {
		qemu_fail(err, errlen,
		          "qemu's 'g' reply has %zu bytes, expected %d (qemu 7.2's i386 registers)",
		          r->gdb.reply_len / 2, QG_SIZE);
		return -1;
	}
	if (gdb_hex_decode(r->gdb.reply, r->gdb.reply_len, r->regs, QG_SIZE) < 0) {
		qemu_fail(err, errlen, "qemu's 'g' reply is not hexadecimal");
		return -1;
	}
	r->regs_valid = 1;
	return 0;
}

static int qemu_get_state(struct reference *r, struct x86_state *s, char *err, size_t errlen)
{
	if (qemu_read_regs(r, err, errlen) < 0)
		return -1;
	const uint8_t *g = r->regs;
	for (int i = 0; i < 8; i++)
		s->gpr[i] = rd32(g + QG_GPR + 4 * i);
	s->rip = rd32(g + QG_EIP);
	s->rflags = rd32(g + QG_EFLAGS);
	for (int i = 0; i < 6; i++)
		s->selector[qemu_seg_order[i]] = (uint16_t)rd32(g + QG_SEL + 4 * i);
	s->segment_base[SEG_FS] = rd32(g + QG_FS_BASE);
	s->segment_base[SEG_GS] = rd32(g + QG_GS_BASE);
	s->fpu_control = (uint16_t)rd32(g + QG_FCTRL);
	s->fpu_status = (uint16_t)rd32(g + QG_FSTAT);
	/* qemu's st0-st7 are its physical registers R0-R7, not the stack
	 * order GDB expects (seen on qemu 7.2: after one FLD, "st7" holds the
	 * value), which is what struct x86_state wants. */
	for (int i = 0; i < 8; i++) {
		const uint8_t *p = g + QG_ST + 10 * i;
		uint64_t m = 0;
		for (int b = 7; b >= 0; b--)
			m = m << 8 | p[b];
		s->st[i].significand = m;
		s->st[i].sign_exponent = (uint16_t)(p[8] | p[9] << 8);
	}
	/* qemu 7.2's stub reports ftag, fiseg, fioff, foseg, fooff and fop
	 * as 0 whatever the FPU holds (seen after FLD1: still 0), so the tag
	 * word and the last-instruction pointers are not visible (hence
	 * REF_BLIND_FPU_TAG): they are left as they were, as are the CS, SS,
	 * DS and ES bases (qemu's description comments them out; the engine
	 * derives bases from the selectors). Only the program's first state
	 * is known: Linux starts it with FNINIT's x87 state (all registers
	 * empty, pointers 0). */
	if (!r->seen_state) {
		s->fpu_tag = 0xffff;
		s->fpu_cs = s->fpu_ds = s->fpu_opcode = 0;
		s->fpu_ip = s->fpu_dp = 0;
		r->seen_state = 1;
	}
	for (int i = 0; i < 8; i++)
		memcpy(s->zmm[i], g + QG_XMM + 16 * i, 16);
	s->mxcsr = rd32(g + QG_MXCSR);
	return 0;
}

/* Writes one register with 'P n=value' (E.4). */
static int write_reg32(struct reference *r, unsigned regno, uint32_t v, char *err, size_t errlen)
{
	uint8_t b[4];
	char cmd[32];
	wr32(b, v);
	int len = snprintf(cmd, sizeof(cmd), "P%x=", regno);
	gdb_hex_encode(b, 4, cmd + len);
	return gdb_remote_expect_ok(&r->gdb, cmd, err, errlen);
}

static int qemu_set_gprs(struct reference *r, const struct x86_state *s, char *err, size_t errlen)
{
	if (qemu_read_regs(r, err, errlen) < 0)
		return -1;
	/* Only the registers that change, one 'P' each: CPUID changes five,
	 * copying undefined flags one. */
	for (unsigned i = 0; i < 10; i++) {
		uint32_t v = i < 8         ? (uint32_t)s->gpr[i]
		             : i == QR_EIP ? (uint32_t)s->rip
		                           : (uint32_t)s->rflags;
		uint8_t *slot = r->regs + 4 * i;
		if (rd32(slot) == v)
			continue;
		if (write_reg32(r, i, v, err, errlen) < 0)
			return -1;
		wr32(slot, v);
	}
	/* The x87 status word and registers, to which the engine gives
	 * uopsim's values where qemu is wrong (REF_BLIND_FPU_C1,
	 * REF_BLIND_FPU_DE, REF_BLIND_FPREM1_Q, REF_BLIND_FPU_LAST_BIT). */
	uint8_t *fstat = r->regs + QG_FSTAT;
	if (rd32(fstat) != s->fpu_status) {
		if (write_reg32(r, QR_FSTAT, s->fpu_status, err, errlen) < 0)
			return -1;
		wr32(fstat, s->fpu_status);
	}
	for (unsigned i = 0; i < 8; i++) {
		uint8_t v[10], *slot = r->regs + QG_ST + 10 * i;
		char cmd[48];
		for (int b = 0; b < 8; b++)
			v[b] = (uint8_t)(s->st[i].significand >> 8 * b);
		v[8] = (uint8_t)s->st[i].sign_exponent;
		v[9] = (uint8_t)(s->st[i].sign_exponent >> 8);
		if (!memcmp(slot, v, 10))
			continue;
		/* qemu's st0-st7 are the physical registers (qemu_get_state) */
		int len = snprintf(cmd, sizeof(cmd), "P%x=", QR_ST0 + i);
		gdb_hex_encode(v, 10, cmd + len);
		if (gdb_remote_expect_ok(&r->gdb, cmd, err, errlen) < 0)
			return -1;
		memcpy(slot, v, 10);
	}
	return 0;
}

/* ---- life cycle ---- */

/* SIGKILL rather than the 'k' packet, after which qemu prints a line of
 * its own on the program's stderr. */
static void qemu_destroy(struct reference *r)
{
	if (!r)
		return;
	gdb_remote_close(&r->gdb);
	if (r->pid) {
		kill(r->pid, SIGKILL);
		while (waitpid(r->pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	free(r);
}

static struct reference *qemu_start(char *const argv[], char *const envp[], char *err, size_t errlen)
{
	if (!argv || !argv[0]) {
		qemu_fail(err, errlen, "no program to run");
		return NULL;
	}
	struct reference *r = calloc(1, sizeof(*r));
	if (!r) {
		qemu_fail(err, errlen, "out of memory");
		return NULL;
	}
	r->gdb.fd = -1;
	/* Another process may take the port between our probe and qemu's
	 * bind: then qemu exits at once and we try another. */
	for (int attempt = 0;; attempt++) {
		uint16_t port;
		int status;
		if (free_port(&port, err, errlen) < 0)
			goto bad;
		r->pid = spawn_qemu(port, argv, envp, err, errlen);
		if (r->pid < 0) {
			r->pid = 0;
			goto bad;
		}
		int c = connect_stub(r, port, &status, err, errlen);
		if (c == 0)
			break;
		if (c < 0)
			goto bad;
		/* qemu exits with status 1 when it cannot open its GDB port
		 * (any other failure, such as a program it cannot load, has
		 * printed its own message: not worth a retry). */
		int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
		if (code != 1 || attempt == 2) {
			qemu_fail(err, errlen, "qemu-i386 exited with status %d before its GDB stub listened",
			          code);
			goto bad;
		}
	}
	if (gdb_remote_handshake(&r->gdb, err, errlen) < 0)
		goto bad;
	/* qemu's stub accepts 'P' only from a client that has read the target
	 * description; reading it also shows which register set it serves. */
	if (gdb_remote_exchange(&r->gdb, "qXfer:features:read:target.xml:0,ffb", -1, err, errlen) < 0)
		goto bad;
	if (r->gdb.reply_len < 1 || (r->gdb.reply[0] != 'l' && r->gdb.reply[0] != 'm') ||
	    !strstr(r->gdb.reply, "i386-32bit.xml")) {
		qemu_fail(err, errlen, "qemu-i386's target description is not i386-32bit.xml: \"%.60s\"",
		          r->gdb.reply);
		goto bad;
	}
	struct gdb_stop stop;
	if (gdb_remote_exchange(&r->gdb, "?", -1, err, errlen) < 0 ||
	    gdb_parse_stop(r->gdb.reply, r->gdb.reply_len, &stop, err, errlen) < 0)
		goto bad;
	if (stop.kind != GDB_STOP_SIGNAL) {
		qemu_fail(err, errlen, "qemu-i386's program is not stopped at its start");
		goto bad;
	}
	if (qemu_read_regs(r, err, errlen) < 0 || qemu_find_guest_base(r, argv[0], err, errlen) < 0 ||
	    qemu_find_gdt(r, err, errlen) < 0)
		goto bad;
	return r;
bad:
	qemu_destroy(r);
	return NULL;
}

const struct ref_ops ref_qemu_ops = {
    .name = "qemu-i386",
    .mode = X86_MODE_32,
    .blind = REF_BLIND_FPU_TAG | REF_BLIND_FPU_C1 | REF_BLIND_FPU_DE | REF_BLIND_FPU_LAST_BIT |
             REF_BLIND_FPREM1_Q | REF_BLIND_FCOMI_OSA,
    .start = qemu_start,
    .get_state = qemu_get_state,
    .set_gprs = qemu_set_gprs,
    .step = qemu_step,
    .read_memory = qemu_read_memory,
    .write_memory = qemu_write_memory,
    .regions = qemu_regions,
    .destroy = qemu_destroy,
};
