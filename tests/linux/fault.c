/* fault.c - a guest program for tests/linux/run-guests.sh that ends the
 * way argv[1] says: "segv" (a store to address 0: SIGSEGV, status 139),
 * "ud2" (#UD: SIGILL, 132), "abort" (SIGABRT sent to itself, 134),
 * "div" (#DE: SIGFPE, 136), "nocrack" (VADDPS ymm, which uopsim decodes
 * but cannot execute yet: SIGILL, 132, naming the form), or exits with
 * status 7. Build: gcc -O2 -static. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	const char *how = argc > 1 ? argv[1] : "";
	printf("fault: %s\n", how);
	fflush(stdout);
	if (!strcmp(how, "segv"))
		*(volatile int *)0 = 1;
	else if (!strcmp(how, "ud2"))
		__asm__ volatile("ud2");
	else if (!strcmp(how, "nocrack"))
		__asm__ volatile(".byte 0xc5, 0xfc, 0x58, 0xc0"); /* vaddps ymm0, ymm0, ymm0 */
	else if (!strcmp(how, "abort"))
		abort();
	else if (!strcmp(how, "div")) {
		volatile int zero = 0;
		printf("%d\n", 100 / zero);
	}
	return 7;
}
