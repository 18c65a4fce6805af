/* cpuid.h - what CPUID tells a guest about uopsim's functional CPU: the
 * instruction-set extensions the engine implements, and nothing else, so
 * guest libraries choose code paths the engine can run (a program that
 * saw AVX2 here would take paths the engine cannot execute). */
#ifndef UOPSIM_MACHINE_CPUID_H
#define UOPSIM_MACHINE_CPUID_H

#include <stdint.h>

#include "decoder/x86_decode.h"

/* One feature bit and forms that implement it (a representative sample:
 * the random and curated differential tests cover the whole extension). */
struct cpuid_feature {
	const char *name;
	uint32_t leaf, subleaf;
	uint8_t reg; /* 0 EAX, 1 EBX, 2 ECX, 3 EDX */
	uint8_t bit;
	const uint16_t *forms; /* enum x86_form, ended by X86_FORM_INVALID */
};

extern const struct cpuid_feature cpuid_features[];
extern const unsigned cpuid_feature_count;

/* The CPUID instruction: EAX, EBX, ECX, EDX for leaf and subleaf. Fits
 * struct uop_env's cpuid callback (context unused). */
void cpuid_query(void *context, uint32_t leaf, uint32_t subleaf, uint32_t out[4]);

#endif
