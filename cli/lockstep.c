/* lockstep.c - `uopsim lockstep`: runs a Linux program on a reference
 * (the real CPU under ptrace for x86-64 programs, qemu-i386 for i386 ones)
 * and on uopsim's CPU side by side, comparing the architected state after
 * every instruction (lockstep/lockstep.h). */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "lockstep/lockstep.h"

extern char **environ;

/* Exit statuses of the command itself (otherwise it is the program's). */
enum { EXIT_USAGE = 2, EXIT_DIVERGED = 125, EXIT_BACKEND = 126, EXIT_CANNOT_RUN = 127 };

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: uopsim lockstep [--from-insn N] [--max-insns N] [--verbose] [--] PROGRAM [ARGS...]\n"
	        "\n"
	        "Runs the Linux program PROGRAM with ARGS on a reference and on uopsim's CPU side\n"
	        "by side and compares the architected state (general registers, RIP, RFLAGS,\n"
	        "FS/GS bases, x87, XMM, MXCSR) after every instruction. The reference is this\n"
	        "machine's CPU (ptrace single-step) for an x86-64 PROGRAM and qemu-i386 for an\n"
	        "i386 one. The reference carries out the system calls; uopsim takes their\n"
	        "effects. Flags an instruction leaves undefined are not compared. CPUID answers\n"
	        "as uopsim's does on both sides. The program's stdin, stdout and stderr are the\n"
	        "reference's. A PROGRAM without a slash is looked up in PATH.\n"
	        "\n"
	        "On the first divergence it prints the instruction's number, address,\n"
	        "disassembly and micro-ops, and both states with the differing fields marked,\n"
	        "and exits with status 125. Otherwise it prints a summary line on stderr and\n"
	        "exits with the program's status (0 when --max-insns stopped it).\n"
	        "\n"
	        "  --from-insn N          compare from instruction N on (counting from 1, as\n"
	        "                         `uopsim run --stats` counts); before it uopsim does not\n"
	        "                         run and takes the reference's state at N\n"
	        "  --max-insns N          stop after N instructions\n"
	        "  --inject-divergence N  test the comparison: flip bit 0 of uopsim's RAX after\n"
	        "                         instruction N, which must be reported there\n"
	        "  --verbose              print progress every 100000 instructions\n"
	        "  -h, --help             show this help\n");
}

/* The back end for the program's ELF class (a "#!" script runs its
 * interpreter, taken to be an x86-64 program). */
static const struct ref_ops *choose_reference(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "uopsim lockstep: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	unsigned char h[20] = { 0 };
	size_t n = fread(h, 1, sizeof h, f);
	fclose(f);
	if (n >= 2 && h[0] == '#' && h[1] == '!')
		return &ref_ptrace_ops;
	if (n < sizeof h || memcmp(h, "\177ELF", 4)) {
		fprintf(stderr, "uopsim lockstep: %s: not an ELF file\n", path);
		return NULL;
	}
	unsigned machine = h[5] == 2 ? (unsigned)h[18] << 8 | h[19] : (unsigned)h[19] << 8 | h[18];
	if (h[4] == 2 && machine == 62) /* ELFCLASS64, EM_X86_64 */
		return &ref_ptrace_ops;
	if (h[4] == 1 && machine == 3) /* ELFCLASS32, EM_386 */
		return &ref_qemu_ops;
	fprintf(stderr, "uopsim lockstep: %s: not an x86-64 or i386 program (ELF class %u, machine %u)\n", path,
	        h[4], machine);
	return NULL;
}

int cmd_lockstep(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"from-insn", required_argument, NULL, 'f'},
	    {"max-insns", required_argument, NULL, 'm'},
	    {"inject-divergence", required_argument, NULL, 'i'},
	    {"verbose", no_argument, NULL, 'v'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct lockstep_options opt = { .log = stderr };
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (cli_number("lockstep", "--from-insn", optarg, &opt.from_insn))
				return EXIT_USAGE;
			break;
		case 'm':
			if (cli_number("lockstep", "--max-insns", optarg, &opt.max_insns))
				return EXIT_USAGE;
			break;
		case 'i':
			if (cli_number("lockstep", "--inject-divergence", optarg, &opt.inject_divergence))
				return EXIT_USAGE;
			break;
		case 'v': opt.verbose = 1; break;
		case 'h': usage(stdout); return 0;
		default:
			cli_option_error("lockstep", argv);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "uopsim lockstep: no program given (uopsim lockstep --help)\n");
		return EXIT_USAGE;
	}
	char found[4096];
	char *path = cli_find_program(argv[optind], found, sizeof found);
	const struct ref_ops *ops = choose_reference(path);
	if (!ops)
		return EXIT_CANNOT_RUN;
	/* The reference executes argv[0]: the path found. */
	char **args = calloc((size_t)(argc - optind) + 1, sizeof *args);
	if (!args) {
		fprintf(stderr, "uopsim lockstep: out of memory\n");
		return EXIT_BACKEND;
	}
	for (int i = optind; i < argc; i++)
		args[i - optind] = argv[i];
	args[0] = path;
	struct lockstep_summary sum;
	enum lockstep_result r = lockstep_run(ops, args, environ, &opt, &sum);
	free(args);
	fflush(stdout);
	switch (r) {
	case LOCKSTEP_DIVERGED: return EXIT_DIVERGED;
	case LOCKSTEP_ERROR: return EXIT_BACKEND;
	case LOCKSTEP_SAME: break;
	}
	fprintf(stderr,
	        "uopsim lockstep: no divergence (%s): %" PRIu64 " instructions compared, %" PRIu64
	        " system calls and %" PRIu64 " signals copied; %s %d\n",
	        ops->name, sum.instructions, sum.syscalls, sum.signals, sum.exited ? "exit status" : "stopped at --max-insns, status",
	        sum.exited ? sum.exit_status : 0);
	return sum.exited ? sum.exit_status : 0;
}
