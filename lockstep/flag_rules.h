/* flag_rules.h - what the comparisons with a reference CPU need to know
 * about flags (the lockstep engine, lockstep.c; the differential testers
 * uop_diff.c against the host CPU and uop_diff32.c against qemu-i386): which
 * arithmetic flags an instruction's micro-ops leave undefined or certainly
 * define (SDM vol. 2, each instruction's "Flags Affected"), which it
 * consumes, and which signal Linux delivers for an exception vector. */
#ifndef UOPSIM_LOCKSTEP_FLAG_RULES_H
#define UOPSIM_LOCKSTEP_FLAG_RULES_H

#include <stdint.h>

#include "machine/state.h"
#include "uops/uop.h"

#define ARITH_FLAGS (FLAG_CF | FLAG_PF | FLAG_AF | FLAG_ZF | FLAG_SF | FLAG_OF)

/* The flags an instruction (its micro-ops u[0..n)) leaves undefined, and
 * those it certainly defines. */
void flag_effects(const struct uop *u, int n, uint64_t *undefined, uint64_t *defined);
/* The flags it consumes (shifts only keep flags on a zero count: not a use). */
uint64_t flags_read(const struct uop *u, int n);
/* The signal Linux delivers for an exception vector (SIGSEGV for #PF, #GP,
 * #BR and #OF; SIGFPE for #DE, #MF, #XM). */
int signal_of_vector(unsigned vector);

#endif
