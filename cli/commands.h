/* commands.h - the subcommands of the uopsim program, one file each. */
#ifndef UOPSIM_CLI_COMMANDS_H
#define UOPSIM_CLI_COMMANDS_H

#include <stddef.h>
#include <stdint.h>

/* Each takes the arguments after "uopsim" (argv[0] is the command name)
 * and returns the process exit status. */
int cmd_disasm(int argc, char **argv); /* cli/disasm.c */
int cmd_run(int argc, char **argv);    /* cli/run.c */
int cmd_lockstep(int argc, char **argv); /* cli/lockstep.c */

/* What `uopsim run` and `uopsim lockstep` share (cli/program.c); CMD is
 * the subcommand's name, for the messages. */
/* Parses a non-negative number option's argument S into *out; on bad
 * input prints one line and returns -1. */
int cli_number(const char *cmd, const char *option, const char *s, uint64_t *out);
/* Prints the error for the option getopt_long (opterr = 0) returned '?'
 * for. */
void cli_option_error(const char *cmd, char **argv);
/* The program to run for NAME: NAME itself when it has a slash or is not
 * found, else the first executable DIR/NAME of PATH, written into buf. */
char *cli_find_program(char *name, char *buf, size_t len);

#endif
