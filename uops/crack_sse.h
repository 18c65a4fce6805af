/* crack_sse.h - cracking patterns of the MMX/SSE/AVX instructions
 * (crack_sse*.c), used by the rows of crack_rows_sse.def. */
#ifndef UOPSIM_CRACK_SSE_H
#define UOPSIM_CRACK_SSE_H

#include "uops/crack_internal.h"

/* ---- floating point (helper SSE-fp, crack_sse_fp.c) ---- */
/* Row argument of the floating-point patterns: element size, scalar,
 * and which operands the micro-op reads. */
enum sse_fp_arg {
	FP_SINGLE = 0x04,     /* elements of 4 bytes; else 8 */
	FP_DOUBLE = 0x08,
	FP_SCALAR = 0x10,     /* low element only; the rest merges from the destination */
	FP_UNARY = 0x20,      /* the result does not depend on the old destination (SQRTPS...) */
	FP_SIGNAL = 0x40,     /* COMISS/COMISD: #I on a QNaN too */
};
/* FCVT's imm: which conversion (SDM vol. 2, CVT* pages). */
enum fcvt_kind {
	FCVT_PS2PD, FCVT_PD2PS, FCVT_SS2SD, FCVT_SD2SS,
	FCVT_DQ2PS, FCVT_PS2DQ, FCVT_TPS2DQ,
	FCVT_DQ2PD, FCVT_PD2DQ, FCVT_TPD2DQ,
	FCVT_PI2PS, FCVT_PS2PI, FCVT_TPS2PI,
	FCVT_PI2PD, FCVT_PD2PI, FCVT_TPD2PI,
	FCVT_COUNT
};
void crack_sse_fp(struct cracker *c);       /* arithmetic, compares, DPPS, ROUND*: V, W [, Ib] */
void crack_sse_fp_comi(struct cracker *c);  /* COMISS/UCOMISS: EFLAGS */
void crack_sse_fp_cvt(struct cracker *c);   /* FCVT forms (row cond = enum fcvt_kind) */
void crack_sse_fp_cvti2f(struct cracker *c);
void crack_sse_fp_cvtf2i(struct cracker *c);
void crack_sse_ldmxcsr(struct cracker *c);
void crack_sse_stmxcsr(struct cracker *c);

#endif
