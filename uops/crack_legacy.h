/* crack_legacy.h - cracking patterns of the instructions that exist only
 * outside 64-bit mode (crack_legacy.c), used by crack_rows_legacy.def. */
#ifndef UOPSIM_CRACK_LEGACY_H
#define UOPSIM_CRACK_LEGACY_H

#include "machine/state.h" /* enum x86_segment (the rows of LDS/LES...) */
#include "uops/crack_internal.h"

void crack_pusha(struct cracker *c);
void crack_popa(struct cracker *c);
void crack_bcd(struct cracker *c);
void crack_salc(struct cracker *c);
void crack_into(struct cracker *c);
void crack_bound(struct cracker *c);
void crack_push_segment(struct cracker *c);
void crack_pop_segment(struct cracker *c);
void crack_mov_segment(struct cracker *c);
void crack_load_far(struct cracker *c);
void crack_far(struct cracker *c);
void crack_arpl(struct cracker *c);
void crack_enter(struct cracker *c);

#endif
