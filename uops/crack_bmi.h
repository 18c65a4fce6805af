/* crack_bmi.h - cracking patterns of BMI1/BMI2 and of the other
 * general-purpose extensions in crack_bmi.c (CMPXCHG16B, RDTSCP, RDPID,
 * cache-line flushes). */
#ifndef UOPSIM_CRACK_BMI_H
#define UOPSIM_CRACK_BMI_H

#include "uops/crack_internal.h"

void crack_bmi(struct cracker *c);
void crack_mulx(struct cracker *c);
void crack_cmpxchg16b(struct cracker *c);
void crack_rdtscp(struct cracker *c);
void crack_rdpid(struct cracker *c);
void crack_clflush(struct cracker *c);

#endif
