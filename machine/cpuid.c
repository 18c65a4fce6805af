/* cpuid.c - the CPUID of uopsim's functional CPU (see cpuid.h). Leaf and
 * bit positions: Intel SDM vol. 2, CPUID, Tables 3-8 to 3-10; AMD APM
 * vol. 3, Appendix E. */
#include "machine/cpuid.h"

#include <string.h>

#define FORMS(...) (const uint16_t[]){ __VA_ARGS__, X86_FORM_INVALID }
#define F(id) X86_FORM_##id

enum { EAX, EBX, ECX, EDX };

/* Only features whose instructions the engine cracks and executes, each
 * checked by tests/unit/test_cpuid.c against the crack table. The x86-64
 * baseline (FPU, TSC, CX8, CMOV, MMX, FXSR, SSE, SSE2, SYSCALL, LM) is
 * here; CX16, XSAVE, AVX, BMI and RDRAND are not (yet). */
const struct cpuid_feature cpuid_features[] = {
	{ "fpu", 1, 0, EDX, 0, FORMS(F(FLD1), F(FADD_m32fp)) },
	{ "tsc", 1, 0, EDX, 4, FORMS(F(RDTSC)) },
	{ "cx8", 1, 0, EDX, 8, FORMS(F(CMPXCHG8B_Mq)) },
	{ "cmov", 1, 0, EDX, 15, FORMS(F(CMOVe_Gv_Ev), F(CMOVl_Gv_Ev)) },
	{ "mmx", 1, 0, EDX, 23, FORMS(F(PADDQ_Pq_Qq), F(EMMS)) },
	{ "fxsr", 1, 0, EDX, 24, FORMS(F(FXSAVE_Mfx)) },
	{ "sse", 1, 0, EDX, 25, FORMS(F(ADDPS_Vps_Wps), F(MULSS_Vss_Wss)) },
	{ "sse2", 1, 0, EDX, 26, FORMS(F(ADDPD_Vpd_Wpd), F(CVTSI2SD_Vsd_Ey), F(MOVDQA_Vdq_Wdq)) },
	{ "sse3", 1, 0, ECX, 0, FORMS(F(HADDPS_Vps_Wps), F(MOVDDUP_Vdq_Wq)) },
	{ "pclmulqdq", 1, 0, ECX, 1, FORMS(F(PCLMULQDQ_Vdq_Wdq_Ib)) },
	{ "ssse3", 1, 0, ECX, 9, FORMS(F(PSHUFB_Vdq_Wdq), F(PALIGNR_Pq_Qq_Ib)) },
	{ "sse4.1", 1, 0, ECX, 19, FORMS(F(PTEST_Vdq_Wdq), F(ROUNDPS_Vps_Wps_Ib), F(PBLENDVB_Vdq_Wdq_XMM0)) },
	{ "sse4.2", 1, 0, ECX, 20, FORMS(F(PCMPESTRI_Vdq_Wdq_Ib), F(CRC32_Gy_Eb)) },
	{ "movbe", 1, 0, ECX, 22, FORMS(F(MOVBE_Gv_Mv), F(MOVBE_Mv_Gv)) },
	{ "popcnt", 1, 0, ECX, 23, FORMS(F(POPCNT_Gv_Ev)) },
	{ "aes", 1, 0, ECX, 25, FORMS(F(AESENC_Vdq_Wdq)) },
	{ "gfni", 7, 0, ECX, 8, FORMS(F(GF2P8MULB_Vdq_Wdq)) },
	{ "sha", 7, 0, EBX, 29, FORMS(F(SHA256RNDS2_Vdq_Wdq_XMM0)) },
	{ "lahf_lm", 0x80000001, 0, ECX, 0, FORMS(F(LAHF), F(SAHF)) },
	{ "abm (lzcnt)", 0x80000001, 0, ECX, 5, FORMS(F(LZCNT_Gv_Ev)) },
	{ "3dnowprefetch", 0x80000001, 0, ECX, 8, FORMS(F(PREFETCHW_Mb)) },
	{ "syscall", 0x80000001, 0, EDX, 11, FORMS(F(SYSCALL)) },
	{ "lm", 0x80000001, 0, EDX, 29, FORMS(F(MOVSXD_Gv_Ed)) },
};
const unsigned cpuid_feature_count = sizeof cpuid_features / sizeof cpuid_features[0];

static void put_string(uint32_t *regs, const char *s)
{
	memcpy(regs, s, 16);
}

void cpuid_query(void *context, uint32_t leaf, uint32_t subleaf, uint32_t out[4])
{
	(void)context;
	memset(out, 0, 4 * sizeof out[0]);
	switch (leaf) {
	case 0:
		/* Highest basic leaf, then "GenuineIntel" in EBX, EDX, ECX: the
		 * machine model is a Skylake-class core. */
		out[EAX] = 7;
		memcpy(&out[EBX], "Genu", 4);
		memcpy(&out[EDX], "ineI", 4);
		memcpy(&out[ECX], "ntel", 4);
		return;
	case 1:
		/* Family 6, model 0x5E (Skylake client), stepping 3; CLFLUSH line
		 * 8 x 8 = 64 bytes; one logical processor. */
		out[EAX] = 0x000506E3;
		out[EBX] = 8u << 8 | 1u << 16;
		break;
	case 0x80000000:
		out[EAX] = 0x80000008;
		return;
	case 0x80000002: case 0x80000003: case 0x80000004: {
		static const char brand[49] = "uopsim functional x86-64 CPU                    ";
		put_string(out, brand + 16 * (leaf - 0x80000002));
		return;
	}
	case 0x80000008:
		out[EAX] = 48u << 8 | 48u; /* linear and physical address bits */
		return;
	default:
		break;
	}
	for (unsigned i = 0; i < cpuid_feature_count; i++) {
		const struct cpuid_feature *f = &cpuid_features[i];
		if (f->leaf == leaf && f->subleaf == subleaf)
			out[f->reg] |= 1u << f->bit;
	}
}
