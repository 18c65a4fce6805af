/* lockstep_internal.h - the lockstep engine's pure helpers, visible to
 * its unit tests (tests/unit/test_lockstep.c) and to nothing else: the
 * public face stays lockstep.h. */
#ifndef UOPSIM_LOCKSTEP_INTERNAL_H
#define UOPSIM_LOCKSTEP_INTERNAL_H

#include "decoder/x86_decode.h"
#include "machine/state.h"

/* The x87 condition codes (FSW bits C0 0x100, C2 0x400, C3 0x4000) insn
 * leaves undefined (SDM vol. 2, "FPU Flags Affected"); 0 for a non-x87
 * instruction. */
unsigned lockstep_x87_undefined_cc(const struct x86_insn *insn);

/* Whether two x87 values are equal or 1 ulp apart (same sign). */
int lockstep_within_one_ulp(const struct x87_reg *a, const struct x87_reg *b);

#endif
