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
 * here, with CX16, BMI1/BMI2, CLFSH/CLFLUSHOPT/CLWB, RDTSCP and RDPID;
 * XSAVE/OSXSAVE (so XGETBV is #UD), AVX and RDRAND/RDSEED are not. */
const struct cpuid_feature cpuid_features[] = {
	{ "fpu", 1, 0, EDX, 0, FORMS(F(FLD1), F(FADD_m32fp)) },
	{ "tsc", 1, 0, EDX, 4, FORMS(F(RDTSC)) },
	{ "cx8", 1, 0, EDX, 8, FORMS(F(CMPXCHG8B_Mq)) },
	{ "clfsh", 1, 0, EDX, 19, FORMS(F(CLFLUSH_M)) },
	{ "cmov", 1, 0, EDX, 15, FORMS(F(CMOVe_Gv_Ev), F(CMOVl_Gv_Ev)) },
	{ "mmx", 1, 0, EDX, 23, FORMS(F(PADDQ_Pq_Qq), F(EMMS)) },
	{ "fxsr", 1, 0, EDX, 24, FORMS(F(FXSAVE_Mfx)) },
	{ "sse", 1, 0, EDX, 25, FORMS(F(ADDPS_Vps_Wps), F(MULSS_Vss_Wss)) },
	{ "sse2", 1, 0, EDX, 26, FORMS(F(ADDPD_Vpd_Wpd), F(CVTSI2SD_Vsd_Ey), F(MOVDQA_Vdq_Wdq)) },
	{ "sse3", 1, 0, ECX, 0, FORMS(F(HADDPS_Vps_Wps), F(MOVDDUP_Vdq_Wq)) },
	{ "pclmulqdq", 1, 0, ECX, 1, FORMS(F(PCLMULQDQ_Vdq_Wdq_Ib)) },
	{ "ssse3", 1, 0, ECX, 9, FORMS(F(PSHUFB_Vdq_Wdq), F(PALIGNR_Pq_Qq_Ib)) },
	{ "cx16", 1, 0, ECX, 13, FORMS(F(CMPXCHG16B_Mdq)) },
	{ "sse4.1", 1, 0, ECX, 19, FORMS(F(PTEST_Vdq_Wdq), F(ROUNDPS_Vps_Wps_Ib), F(PBLENDVB_Vdq_Wdq_XMM0)) },
	{ "sse4.2", 1, 0, ECX, 20, FORMS(F(PCMPESTRI_Vdq_Wdq_Ib), F(CRC32_Gy_Eb)) },
	{ "movbe", 1, 0, ECX, 22, FORMS(F(MOVBE_Gv_Mv), F(MOVBE_Mv_Gv)) },
	{ "popcnt", 1, 0, ECX, 23, FORMS(F(POPCNT_Gv_Ev)) },
	{ "aes", 1, 0, ECX, 25, FORMS(F(AESENC_Vdq_Wdq)) },
	{ "gfni", 7, 0, ECX, 8, FORMS(F(GF2P8MULB_Vdq_Wdq)) },
	{ "rdpid", 7, 0, ECX, 22, FORMS(F(RDPID_Rq), F(RDPID_Rd)) },
	{ "bmi1", 7, 0, EBX, 3, FORMS(F(ANDN_Gy_By_Ey), F(BEXTR_Gy_Ey_By), F(BLSI_By_Ey), F(BLSMSK_By_Ey),
				      F(BLSR_By_Ey)) },
	{ "bmi2", 7, 0, EBX, 8, FORMS(F(BZHI_Gy_Ey_By), F(MULX_Gy_By_Ey), F(PDEP_Gy_By_Ey), F(PEXT_Gy_By_Ey),
				      F(RORX_Gy_Ey_Ib), F(SARX_Gy_Ey_By), F(SHLX_Gy_Ey_By), F(SHRX_Gy_Ey_By)) },
	{ "clflushopt", 7, 0, EBX, 23, FORMS(F(CLFLUSHOPT_M)) },
	{ "clwb", 7, 0, EBX, 24, FORMS(F(CLWB_M)) },
	{ "sha", 7, 0, EBX, 29, FORMS(F(SHA256RNDS2_Vdq_Wdq_XMM0)) },
	{ "lahf_lm", 0x80000001, 0, ECX, 0, FORMS(F(LAHF), F(SAHF)) },
	{ "abm (lzcnt)", 0x80000001, 0, ECX, 5, FORMS(F(LZCNT_Gv_Ev)) },
	{ "3dnowprefetch", 0x80000001, 0, ECX, 8, FORMS(F(PREFETCHW_Mb)) },
	{ "syscall", 0x80000001, 0, EDX, 11, FORMS(F(SYSCALL)) },
	{ "rdtscp", 0x80000001, 0, EDX, 27, FORMS(F(RDTSCP)) },
	{ "lm", 0x80000001, 0, EDX, 29, FORMS(F(MOVSXD_Gv_Ed)) },
};
const unsigned cpuid_feature_count = sizeof cpuid_features / sizeof cpuid_features[0];

static void put_string(uint32_t *regs, const char *s)
{
	memcpy(regs, s, 16);
}

static int leaf_has_subleaves(uint32_t leaf)
{
	switch (leaf) {
	case 4: case 7: case 0xB: case 0xD: case 0xF: case 0x10: case 0x12: case 0x14: case 0x17: case 0x18:
	case 0x1D: case 0x1F: case 0x8000001D:
		return 1;
	default:
		return 0;
	}
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
		/* ECX selects a subleaf only for the leaves that have them
		 * (SDM vol. 2, CPUID: 4, 7, 0Bh, 0Dh, ...); elsewhere software
		 * leaves garbage in it (glibc's __cpuid(1, ...) does). */
		if (f->leaf == leaf && (!leaf_has_subleaves(leaf) || f->subleaf == subleaf))
			out[f->reg] |= 1u << f->bit;
	}
}
