/* exec_vector_fp.c - execution of the SSE/AVX floating-point micro-ops
 * (stub until the floating-point part is written). */
#include "uops/exec_internal.h"

int exec_vector_fp(struct frame *f, const struct uop *u) { (void)f; (void)u; return 0; }
