/* crack_sse.h - cracking patterns of the MMX/SSE/AVX instructions
 * (crack_sse*.c), used by the rows of crack_rows_sse.def. */
#ifndef UOPSIM_CRACK_SSE_H
#define UOPSIM_CRACK_SSE_H

#include "uops/crack_internal.h"

/* ---- integer and data movement (helper SSE-int, crack_sse_int.c) ---- */
/* Row argument bits of these patterns: the lane size in the low nibble. */
#define SSE_ELEM(n) (n)
#define SSE_SIGNED 0x10    /* VF_SIGNED */
#define SSE_SATURATE 0x20  /* VF_SATURATE */
#define SSE_UNALIGNED 0x40 /* a 16-byte memory operand need not be aligned */
#define SSE_EXTRA 0x80     /* pattern-specific (PCMPESTRx: explicit lengths) */

/* The micro-op register of an MMX/XMM register (enum x86_reg), or UREG_NONE. */
unsigned sse_vreg(unsigned reg);
/* A vector source: its register, or a LOAD of `bytes` into `temp`
 * (VF_ALIGNED for 16 bytes unless the row has SSE_UNALIGNED). */
unsigned sse_read(struct cracker *c, const struct x86_operand *op, unsigned bytes, unsigned temp);
/* MMXENTER: every MMX instruction ends with it (x87 TOP = 0, tags valid). */
void sse_mmx_transition(struct cracker *c);

void crack_sse_binary(struct cracker *c);
void crack_sse_unary(struct cracker *c);
void crack_sse_dup(struct cracker *c);
void crack_sse_shift_imm(struct cracker *c);
void crack_sse_move(struct cracker *c);
void crack_sse_movlow(struct cracker *c);
void crack_sse_merge_low(struct cracker *c);
void crack_sse_movhigh(struct cracker *c);
void crack_sse_extract(struct cracker *c);
void crack_sse_insert(struct cracker *c);
void crack_sse_insertps(struct cracker *c);
void crack_sse_blendv(struct cracker *c);
void crack_sse_ptest(struct cracker *c);
void crack_sse_horizontal(struct cracker *c);
void crack_sse_pcmpstr(struct cracker *c);
void crack_sse_crc32(struct cracker *c);
void crack_sse_emms(struct cracker *c);
void crack_sse_maskmov(struct cracker *c);
/* ---- end of helper SSE-int ---- */

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
void crack_sse_fp_horizontal(struct cracker *c); /* HADDPS/HSUBPS/HADDPD/HSUBPD */
void crack_sse_fp_cvt(struct cracker *c);   /* FCVT forms (row cond = enum fcvt_kind) */
void crack_sse_fp_cvti2f(struct cracker *c);
void crack_sse_fp_cvtf2i(struct cracker *c);
void crack_sse_ldmxcsr(struct cracker *c);
void crack_sse_stmxcsr(struct cracker *c);

#endif
