/* program.c - command-line pieces `uopsim run` and `uopsim lockstep`
 * share: a numeric option, getopt's error, and finding PROGRAM in PATH. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"

int cli_number(const char *cmd, const char *option, const char *s, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 0);
	/* strtoull accepts "-3" as a huge number: refused here. */
	if (errno || *end || !*s || s[0] == '-') {
		fprintf(stderr, "uopsim %s: %s needs a positive number, not '%s'\n", cmd, option, s);
		return -1;
	}
	*out = v;
	return 0;
}

void cli_option_error(const char *cmd, char **argv)
{
	if (optopt)
		fprintf(stderr, "uopsim %s: option -%c needs an argument or is unknown (uopsim %s --help)\n", cmd,
		        optopt, cmd);
	else
		fprintf(stderr, "uopsim %s: bad option '%s' (uopsim %s --help)\n", cmd, argv[optind - 1], cmd);
}

char *cli_find_program(char *name, char *buf, size_t len)
{
	if (strchr(name, '/'))
		return name;
	/* As a shell does; an empty PATH entry is the current directory. */
	const char *dirs = getenv("PATH");
	for (const char *d = dirs ? dirs : "/usr/bin:/bin"; d && *d;) {
		const char *colon = strchr(d, ':');
		int n = colon ? (int)(colon - d) : (int)strlen(d);
		snprintf(buf, len, "%.*s/%s", n, n ? d : ".", name);
		if (!access(buf, X_OK))
			return buf;
		d = colon ? colon + 1 : NULL;
	}
	return name;
}
