/* exec_vector.c - execution of the MMX/SSE/AVX micro-ops of
 * uops_vector.def: integer and data-movement micro-ops in
 * exec_vector_int.c, floating-point ones in exec_vector_fp.c. */
#include "uops/exec_internal.h"

int exec_vector(struct frame *f, const struct uop *u)
{
	return exec_vector_int(f, u) || exec_vector_fp(f, u);
}
