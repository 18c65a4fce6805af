/* run.c - `uopsim run`: runs a static x86-64 Linux program in user mode
 * on the functional CPU (linux/linux.h). Its stdin, stdout, stderr,
 * environment, working directory and exit status are the program's. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <sys/resource.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "linux/linux.h"

extern char **environ;

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: uopsim run [--max-insns N] [--strace] [--trace-insns] [--stats FILE] [--sysroot DIR]\n"
	        "                  [--] PROGRAM [ARGS...]\n"
	        "\n"
	        "Runs the Linux program PROGRAM (x86-64, or static i386) with ARGS on uopsim's CPU,\n"
	        "carrying out its system calls on this machine. The exit status is the\n"
	        "program's (128+N when it is killed by signal N). A PROGRAM without a\n"
	        "slash is looked up in PATH.\n"
	        "\n"
	        "  --max-insns N   stop after N instructions (exit status 124)\n"
	        "  --strace        print each system call on stderr, as strace does\n"
	        "  --trace-insns   print each executed instruction on stderr (count, address,\n"
	        "                  Intel syntax); slow: one instruction at a time\n"
	        "  --stats FILE    write statistics to FILE as JSON: instructions, micro-ops,\n"
	        "                  micro-ops per instruction, the most executed instructions\n"
	        "                  and micro-ops by functional-unit class\n"
	        "  --sysroot DIR   load a dynamic program's interpreter (ld.so) from DIR\n"
	        "                  (default /)\n"
	        "  -h, --help      show this help\n");
}

static void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

struct form_count {
	unsigned form;
	uint64_t count;
};

static int by_count(const void *a, const void *b)
{
	const struct form_count *x = a, *y = b;
	return x->count < y->count ? 1 : x->count > y->count ? -1 : (x->form > y->form) - (x->form < y->form);
}

/* The most executed instruction forms, most frequent first. */
static void write_top_forms(FILE *f, const struct cpu_profile *prof)
{
	static struct form_count top[X86_FORM_COUNT];
	size_t n = 0;
	for (unsigned i = 0; i < X86_FORM_COUNT; i++)
		if (prof->per_form[i])
			top[n++] = (struct form_count){ i, prof->per_form[i] };
	qsort(top, n, sizeof top[0], by_count);
	fprintf(f, ",\n  \"top_instructions\": [");
	for (size_t i = 0; i < n && i < 25; i++)
		fprintf(f, "%s\n    {\"form\": \"%s\", \"mnemonic\": \"%s\", \"count\": %" PRIu64 "}", i ? "," : "",
		        x86_form_name((enum x86_form)top[i].form), x86_form_mnemonic((enum x86_form)top[i].form),
		        top[i].count);
	fprintf(f, "\n  ],\n  \"distinct_forms\": %zu", n);
}

static int write_stats(const char *path, const struct linux_process *p, const char *end)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "uopsim run: cannot write %s: %s\n", path, strerror(errno));
		return -1;
	}
	const struct cpu *cpu = &p->cpu;
	fprintf(f, "{\n  \"program\": ");
	json_string(f, p->exe_path);
	fprintf(f,
	        ",\n  \"end\": \"%s\",\n  \"exit_status\": %d,\n  \"instructions\": %" PRIu64
	        ",\n  \"uops\": %" PRIu64 ",\n  \"uops_per_instruction\": %.4f,\n  \"syscalls\": %" PRIu64,
	        end, p->exit_status, cpu->instructions, cpu->uops,
	        cpu->instructions ? (double)cpu->uops / (double)cpu->instructions : 0.0, p->syscalls);
	if (cpu->profile) {
		write_top_forms(f, cpu->profile);
		fprintf(f, ",\n  \"uop_classes\": {");
		int first = 1;
		for (unsigned u = 0; u < UNIT_COUNT; u++) {
			if (!cpu->profile->per_unit[u])
				continue;
			fprintf(f, "%s\n    \"%s\": %" PRIu64, first ? "" : ",", uop_unit_name((enum uop_unit)u),
			        cpu->profile->per_unit[u]);
			first = 0;
		}
		fprintf(f, "\n  }");
	}
	fprintf(f, "\n}\n");
	return fclose(f) ? -1 : 0;
}

int cmd_run(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"max-insns", required_argument, NULL, 'm'},
	    {"strace", no_argument, NULL, 's'},
	    {"stats", required_argument, NULL, 'S'},
	    {"trace-insns", no_argument, NULL, 't'},
	    {"sysroot", required_argument, NULL, 'r'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	uint64_t max_insns = 0;
	int strace = 0;
	const char *stats = NULL, *sysroot = "/";
	int trace_insns = 0;
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (c) {
		case 'm':
			if (cli_number("run", "--max-insns", optarg, &max_insns))
				return 2;
			break;
		case 's': strace = 1; break;
		case 't': trace_insns = 1; break;
		case 'S': stats = optarg; break;
		case 'r': sysroot = optarg; break;
		case 'h': usage(stdout); return 0;
		default:
			cli_option_error("run", argv);
			return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "uopsim run: no program given (uopsim run --help)\n");
		return 2;
	}
	char found[4096];
	const char *path = cli_find_program(argv[optind], found, sizeof found);
	/* struct cpu holds 64-byte aligned vector registers. */
	struct linux_process *p = aligned_alloc(64, (sizeof *p + 63) & ~(size_t)63);
	if (!p) {
		fprintf(stderr, "uopsim run: out of memory\n");
		return 1;
	}
	char err[512];
	if (linux_load(p, path, argc - optind, argv + optind, environ, sysroot, err, sizeof err)) {
		fprintf(stderr, "uopsim run: %s\n", err);
		linux_destroy(p);
		free(p);
		return 127;
	}
	p->strace = strace ? stderr : NULL;
	p->cpu.trace = trace_insns ? stderr : NULL;
	static struct cpu_profile profile;
	if (stats)
		p->cpu.profile = &profile;
	enum linux_run_result r = linux_run(p, max_insns);
	int status = p->exit_status;
	const char *end = r == LINUX_EXITED ? "exited" : r == LINUX_KILLED ? "killed" : "limit";
	if (r == LINUX_LIMIT) {
		fprintf(stderr,
		        "uopsim: instruction limit reached (%" PRIu64 " instructions) at rip 0x%" PRIx64 "\n",
		        p->cpu.instructions, p->cpu.state.rip);
		status = 124;
		p->exit_status = status;
	}
	if (stats && !p->forked && write_stats(stats, p, end))
		status = status ? status : 1;
	int forked_killed = p->forked ? p->killed_signal : 0;
	linux_destroy(p);
	free(p);
	/* A forked guest process killed by a signal ends by that signal, so
	 * that its guest parent's wait4 sees it as such (without a core). */
	if (forked_killed) {
		struct rlimit no_core = {0, 0};
		setrlimit(RLIMIT_CORE, &no_core);
		signal(forked_killed, SIG_DFL);
		sigset_t set;
		sigemptyset(&set);
		sigaddset(&set, forked_killed);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		fflush(NULL);
		raise(forked_killed);
	}
	return status;
}
