/* commands.h - the subcommands of the uopsim program, one file each. */
#ifndef UOPSIM_CLI_COMMANDS_H
#define UOPSIM_CLI_COMMANDS_H

/* Each takes the arguments after "uopsim" (argv[0] is the command name)
 * and returns the process exit status. */
int cmd_disasm(int argc, char **argv); /* cli/disasm.c */
int cmd_run(int argc, char **argv);    /* cli/run.c */
int cmd_lockstep(int argc, char **argv); /* cli/lockstep.c */

#endif
