/* exec_x87.c - execution of the x87 micro-ops of uops_x87.def. */
#include "uops/exec_internal.h"

int exec_x87(struct frame *f, const struct uop *u)
{
	(void)f;
	switch (u->op) {
	default:
		return 0;
	}
}
