/* crack_x87.h - cracking patterns of the x87 instructions (crack_x87.c),
 * used by the rows of crack_rows_x87.def, and the encodings the x87
 * micro-ops share with their executor (exec_x87.c); see uops_x87.def. */
#ifndef UOPSIM_CRACK_X87_H
#define UOPSIM_CRACK_X87_H

#include "uops/crack_internal.h"

/* Memory operand formats (struct uop.ext of x87 micro-ops). */
enum x87_format {
	X87_M32FP = 4,
	X87_M64FP = 8,
	X87_M80FP = 10,
	X87_INT = 0x80,
	X87_M16INT = 0x82,
	X87_M32INT = 0x84,
	X87_M64INT = 0x88,
	X87_M80BCD = 0x8A,
};

/* struct uop.vflags of x87 micro-ops: the first x87 micro-op of a waiting
 * instruction checks for a pending unmasked exception (#MF) before acting. */
#define X87_WAIT 0x80

/* Vector 16: x87 floating-point error (SDM vol. 3A, Table 6-1). */
#define X87_VEC_MF 16

void crack_x87_arith(struct cracker *c);
void crack_x87_unary(struct cracker *c);
void crack_x87_compare(struct cracker *c);
void crack_x87_load(struct cracker *c);
void crack_x87_store(struct cracker *c);
void crack_x87_const(struct cracker *c);
void crack_x87_xch(struct cracker *c);
void crack_x87_cmov(struct cracker *c);
void crack_x87_control(struct cracker *c);
void crack_x87_env(struct cracker *c);
void crack_x87_fxsave(struct cracker *c);

#endif
