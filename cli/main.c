/* main.c - the uopsim command: dispatches to subcommands. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"

static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{ "disasm", cmd_disasm, "disassemble an ELF file or raw bytes" },
	{ "run", cmd_run, "run a static x86-64 Linux program" },
	{ "lockstep", cmd_lockstep, "run a Linux program on a reference and on uopsim, comparing states" },
};

static void usage(FILE *out)
{
	fprintf(out, "usage: uopsim COMMAND [OPTIONS] [ARGS]\n\ncommands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\nuopsim COMMAND --help shows a command's options.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "uopsim: unknown command '%s' (uopsim --help lists them)\n", argv[1]);
	return 2;
}
