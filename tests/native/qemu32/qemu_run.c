/* qemu_run.c - the 64-bit driver of the i386 harness under qemu-i386 (see
 * qemu_run.h). The batch is written to a memfd that becomes the harness's
 * stdin (no pipe deadlock: qemu reads at its own pace), the results come
 * back through a pipe and are parsed as they arrive. */
#define _GNU_SOURCE
#include "tests/native/qemu32/qemu_run.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static struct qemu32_info info;
static int info_valid;

const struct qemu32_info *qemu32_info(void)
{
	return info_valid ? &info : NULL;
}

void qemu32_result_free(struct qemu32_result *r)
{
	for (unsigned i = 0; i < QEMU32_MAX_REGIONS; i++) {
		free(r->region_after[i]);
		r->region_after[i] = NULL;
	}
}

static int write_all(FILE *f, const void *p, size_t n)
{
	return fwrite(p, 1, n, f) == n ? 0 : -1;
}

/* The batch in wire format, in a memfd positioned at 0. */
static int encode_batch(const struct qemu32_case *cases, unsigned n)
{
	int fd = memfd_create("qemu32-batch", 0);
	if (fd < 0)
		return -1;
	FILE *f = fdopen(dup(fd), "w");
	if (!f) {
		close(fd);
		return -1;
	}
	static const uint8_t zeros[4096];
	int bad = 0;
	for (unsigned i = 0; i < n && !bad; i++) {
		const struct qemu32_case *c = &cases[i];
		struct qemu32_wire_case w = {
			.magic = QEMU32_MAGIC_CASE,
			.code_addr = c->code_addr,
			.code_len = c->code_len,
			.nregions = c->nregions,
			.eflags = c->eflags,
			.ds = c->ds, .es = c->es, .fs = c->fs, .gs = c->gs,
		};
		memcpy(w.gpr, c->gpr, sizeof w.gpr);
		bad |= write_all(f, &w, sizeof w) | write_all(f, c->code, c->code_len);
		for (unsigned r = 0; r < c->nregions && !bad; r++) {
			const struct qemu32_region *g = &c->regions[r];
			struct qemu32_wire_region wr = { g->addr, g->size, (uint32_t)g->prot };
			bad |= write_all(f, &wr, sizeof wr);
			if (g->init) {
				bad |= write_all(f, g->init, g->size);
			} else {
				for (uint32_t done = 0; done < g->size && !bad; done += sizeof zeros)
					bad |= write_all(f, zeros, g->size - done < sizeof zeros ? g->size - done : sizeof zeros);
			}
		}
	}
	uint32_t end = QEMU32_MAGIC_END;
	bad |= write_all(f, &end, 4);
	bad |= fclose(f);
	if (bad || lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static int read_all(FILE *f, void *p, size_t n)
{
	return fread(p, 1, n, f) == n ? 0 : -1;
}

/* Runs cases[0..n) in one qemu-i386 process. Returns how many results
 * arrived (n when all did), or -1 if the process could not be started. */
static int run_process(const struct qemu32_case *cases, unsigned n, struct qemu32_result *out)
{
	const char *qemu = getenv("QEMU_I386") ? getenv("QEMU_I386") : "/usr/bin/qemu-i386";
	const char *harness = getenv("QEMU32_HARNESS") ? getenv("QEMU32_HARNESS") : "build/harness32";
	int in = encode_batch(cases, n);
	if (in < 0) {
		fprintf(stderr, "qemu32: cannot build the batch: %s\n", strerror(errno));
		return -1;
	}
	int pipefd[2];
	if (pipe2(pipefd, O_CLOEXEC)) {
		close(in);
		return -1;
	}
	char base_a[16], base_b[16];
	snprintf(base_a, sizeof base_a, "%#x", QEMU32_TLS_BASE_A);
	snprintf(base_b, sizeof base_b, "%#x", QEMU32_TLS_BASE_B);
	pid_t pid = fork();
	if (pid < 0) {
		close(in);
		close(pipefd[0]);
		close(pipefd[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(in, 0);
		dup2(pipefd[1], 1);
		if (!getenv("QEMU32_VERBOSE")) {
			/* qemu's own messages on a crash (QEMU32_CRASHED) */
			int devnull = open("/dev/null", O_WRONLY);
			if (devnull >= 0)
				dup2(devnull, 2);
		}
		execl(qemu, qemu, harness, base_a, base_b, (char *)NULL);
		fprintf(stderr, "qemu32: cannot run %s %s: %s\n", qemu, harness, strerror(errno));
		_exit(127);
	}
	close(in);
	close(pipefd[1]);
	FILE *f = fdopen(pipefd[0], "r");
	int rc = 0;
	unsigned received = 0;
	struct qemu32_wire_hello hello;
	if (!f || read_all(f, &hello, sizeof hello) || hello.magic != QEMU32_MAGIC_HELLO) {
		fprintf(stderr, "qemu32: no hello from the harness (%s under %s)\n", harness, qemu);
		rc = -1;
	} else {
		info = (struct qemu32_info){ hello.cs, hello.ds, hello.es, hello.ss, hello.fs, hello.gs, hello.gs_base,
					     { hello.tls_selector[0], hello.tls_selector[1] },
					     { hello.tls_base[0], hello.tls_base[1] } };
		info_valid = 1;
	}
	for (unsigned i = 0; i < n && rc == 0; i++) {
		struct qemu32_wire_result w;
		if (read_all(f, &w, sizeof w) || w.magic != QEMU32_MAGIC_RESULT) {
			rc = 1; /* died: the caller restarts after case i */
			break;
		}
		struct qemu32_result *r = &out[i];
		r->signal = w.signal;
		r->si_code = w.si_code;
		r->fault_address = w.fault_address;
		r->trapno = w.trapno;
		r->error_code = w.error_code;
		memcpy(r->gpr, w.gpr, sizeof r->gpr);
		r->eip = w.eip;
		r->eflags = w.eflags;
		r->cs = w.cs, r->ds = w.ds, r->es = w.es, r->fs = w.fs, r->gs = w.gs, r->ss = w.ss;
		for (unsigned k = 0; k < cases[i].nregions; k++) {
			uint32_t size = cases[i].regions[k].size;
			r->region_after[k] = malloc(size ? size : 1);
			if (!r->region_after[k]) {
				fprintf(stderr, "qemu32: out of memory\n");
				rc = -1;
				break;
			}
			if (read_all(f, r->region_after[k], size)) {
				rc = 1; /* died while writing: as a crash of case i */
				break;
			}
		}
		if (rc)
			break;
		if (w.signal == -1) {
			fprintf(stderr, "qemu32: the harness rejected case %u (bad layout?)\n", i);
			rc = -1;
			break;
		}
		received = i + 1;
	}
	if (f)
		fclose(f);
	else
		close(pipefd[0]);
	int status;
	if (rc)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (rc == 0 && (!WIFEXITED(status) || WEXITSTATUS(status) != 0)) {
		fprintf(stderr, "qemu32: the harness exited abnormally (status %#x)\n", status);
		rc = -1;
	}
	if (rc < 0)
		return -1;
	return (int)received;
}

int qemu32_run_batch(const struct qemu32_case *cases, unsigned n, struct qemu32_result *out)
{
	for (unsigned i = 0; i < n; i++) {
		memset(&out[i], 0, sizeof out[i]);
		out[i].signal = -1;
		if (cases[i].nregions > QEMU32_MAX_REGIONS || cases[i].code_len > QEMU32_MAX_CODE) {
			fprintf(stderr, "qemu32: case %u is too big\n", i);
			return -1;
		}
	}
	/* qemu itself may die on a case (qemu-i386 7.2 aborts on some TCG
	 * assertions): that case is marked QEMU32_CRASHED and the rest of the
	 * batch goes to a fresh process. */
	unsigned start = 0, crashes = 0;
	while (start < n) {
		int got = run_process(cases + start, n - start, out + start);
		if (got < 0)
			return -1;
		start += (unsigned)got;
		if (start < n) {
			qemu32_result_free(&out[start]);
			out[start].signal = QEMU32_CRASHED;
			start++;
			if (++crashes > 100) {
				fprintf(stderr, "qemu32: qemu died more than 100 times in one batch\n");
				return -1;
			}
		}
	}
	return 0;
}
