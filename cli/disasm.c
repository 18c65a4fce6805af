/* disasm.c - `uopsim disasm`: decodes a file and prints one line per instruction. */
#include <stdio.h>

#include "cli/commands.h"

int cmd_disasm(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "uopsim disasm: not built yet\n");
	return 1;
}
