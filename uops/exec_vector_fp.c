/* exec_vector_fp.c - execution of the SSE floating-point micro-ops of
 * uops_vector.def (section "floating point (helper SSE-fp)").
 *
 * How the arithmetic is done: on the host's own SSE unit, one instruction
 * per micro-op, in inline assembly (`addps`, `cvtsd2si`, `dpps $imm`...).
 * uopsim runs on x86-64 hosts only, and the host's instruction is exactly
 * the IEEE operation the guest asks for, with the x86 rules for NaN
 * operands (first source NaN wins, SNaN quieted, real indefinite for an
 * invalid operation), MIN/MAX (second operand if either is a NaN or both
 * are zeros), integer indefinite (0x80000000...) for conversions out of
 * range, DAZ and FTZ: a software float library would have to reimplement
 * all of that. Each asm statement saves the host MXCSR, loads one built
 * from the guest's (rounding control, DAZ, FTZ) with every exception
 * masked and the flags clear, runs the instruction, reads the flags back
 * and restores the host MXCSR; being one volatile asm, the compiler can
 * neither fold it nor move other floating-point code into it.
 *
 * Exceptions (SDM vol. 1, 11.5.3): with every exception masked the host
 * computes the masked results and flags of all elements. For the guest's
 * unmasked exceptions:
 *   - pre-computation ones (IE, DE, ZE; the per-element priority is the
 *     host's, which follows the same rules): only those flags are set
 *     and #XM is raised, no result;
 *   - post-computation ones (OE, UE, PE): all flags are set, #XM, no result.
 *     With OE or UE unmasked, the elements are recomputed one at a time
 *     (the host's scalar instruction): underflow is "tiny" alone, exact or
 *     not (SDM vol. 1, 11.5.2.5), and PE reports the rounding with
 *     unbounded exponent (SDM vol. 1, 4.9.1.4-4.9.1.5), both found on the
 *     host's x87 unit, whose precision control rounds the significand to 24
 *     or 53 bits within its 15-bit exponent. FTZ applies only while UE is
 *     masked (SDM vol. 1, 10.2.3.3).
 *   - DPPS/DPPD check each multiply and add separately: with any exception
 *     unmasked they run as the SDM's steps (products, then sums), and the
 *     first step with an unmasked exception stops the instruction.
 * Every rule here was checked against the host (build/uop-diff with random
 * exception masks, and tests/native/curated/sse_fp.s).
 * Under #XM the destination and EFLAGS are unchanged, the MXCSR flags set
 * (the executor's rollback does not restore MXCSR); an MMX conversion has
 * already switched the x87 unit to MMX mode (measured; see crack_sse_fp.c).
 *
 * RCPPS/RCPSS/RSQRTPS/RSQRTSS: the SDM bounds the relative error (1.5 *
 * 2^-12) and leaves the value to the implementation (Intel's and AMD's
 * tables differ). We return the correctly rounded value, which satisfies
 * the bound; the differential test does not generate these (their result
 * is undefined beyond the bound), curated tests use the defined cases
 * (zeros, infinities, NaNs, denormals). */
#include <math.h>

#include "uops/crack_sse.h"
#include "uops/exec_internal.h"

typedef double xmm_t __attribute__((vector_size(16)));

enum mxcsr_bits {
	MX_IE = 1u << 0, MX_DE = 1u << 1, MX_ZE = 1u << 2, MX_OE = 1u << 3, MX_UE = 1u << 4, MX_PE = 1u << 5,
	MX_FLAGS = 0x3F,
	MX_DAZ = 1u << 6,
	MX_MASKS = 0x3Fu << 7,
	MX_UM = 1u << 11,
	MX_RC = 3u << 13,
	MX_FTZ = 1u << 15,
};
#define MX_PRE (MX_IE | MX_DE | MX_ZE)

/* Reserved bits: Intel's MXCSR_MASK is 0xFFFF (with DAZ). AMD also has
 * bit 17 (MM, misaligned-exception mask, AMD APM vol. 2, 4.2.2 "MXCSR");
 * we follow the SDM: LDMXCSR with it set raises #GP. */
#define MXCSR_VALID 0xFFFFu

/* Runs `insn src, dst` on the host with MXCSR = *csr; *csr gets the MXCSR
 * after it (the flags). */
#define HOST_RUN(insn, dst_c, dst, src_c, src, csr, ...)                                               \
	do {                                                                                            \
		uint32_t saved_;                                                                        \
		__asm__ volatile("stmxcsr %[saved]\n\t"                                               \
				 "ldmxcsr %[mx]\n\t" insn "\n\t"                                     \
				 "stmxcsr %[mx]\n\t"                                                  \
				 "ldmxcsr %[saved]"                                                   \
				 : [d] dst_c(dst), [saved] "=m"(saved_), [mx] "+m"(csr)               \
				 : [s] src_c(src), ##__VA_ARGS__);                                    \
	} while (0)

#define OP2(name) HOST_RUN(name " %[s], %[d]", "+x", a, "x", b, csr)
#define OP2I(name, imm) HOST_RUN(name " %[i], %[s], %[d]", "+x", a, "x", b, csr, [i] "i"(imm))

static xmm_t load_xmm(struct frame *f, unsigned r)
{
	xmm_t v = { 0, 0 };
	if (r == UREG_NONE)
		return v;
	memcpy(&v, vreg(f, r), r >= UREG_MM0 && r <= UREG_MM7 ? 8 : 16);
	return v;
}

/* ---- the host instructions ---- */

static xmm_t host_arith(unsigned op, unsigned elem, int scalar, xmm_t a, xmm_t b, uint32_t *mx)
{
	uint32_t csr = *mx;
	unsigned k = (elem == 8 ? 1 : 0) | (scalar ? 2 : 0);
#define ARITH4(UOP, ps, pd, ss, sd)                                          \
	case UOP:                                                            \
		switch (k) {                                                 \
		case 0: OP2(ps); break;                                      \
		case 1: OP2(pd); break;                                      \
		case 2: OP2(ss); break;                                      \
		default: OP2(sd); break;                                     \
		}                                                            \
		break;
	switch (op) {
	ARITH4(UOP_VFADD, "addps", "addpd", "addss", "addsd")
	ARITH4(UOP_VFSUB, "subps", "subpd", "subss", "subsd")
	ARITH4(UOP_VFMUL, "mulps", "mulpd", "mulss", "mulsd")
	ARITH4(UOP_VFDIV, "divps", "divpd", "divss", "divsd")
	ARITH4(UOP_VFMIN, "minps", "minpd", "minss", "minsd")
	ARITH4(UOP_VFMAX, "maxps", "maxpd", "maxss", "maxsd")
	ARITH4(UOP_VFSQRT, "sqrtps", "sqrtpd", "sqrtss", "sqrtsd")
	case UOP_VFADDSUB:
		if (elem == 8)
			OP2("addsubpd");
		else
			OP2("addsubps");
		break;
	default:
		break;
	}
#undef ARITH4
	*mx = csr;
	return a;
}

#define X4(M, n) M((n) + 0) M((n) + 1) M((n) + 2) M((n) + 3)
#define X16(M, n) X4(M, (n) + 0) X4(M, (n) + 4) X4(M, (n) + 8) X4(M, (n) + 12)
#define X256(M) X16(M, 0) X16(M, 16) X16(M, 32) X16(M, 48) X16(M, 64) X16(M, 80) X16(M, 96) X16(M, 112) \
	X16(M, 128) X16(M, 144) X16(M, 160) X16(M, 176) X16(M, 192) X16(M, 208) X16(M, 224) X16(M, 240)

static xmm_t host_cmp(unsigned elem, int scalar, unsigned imm, xmm_t a, xmm_t b, uint32_t *mx)
{
	uint32_t csr = *mx;
	unsigned k = (elem == 8 ? 1 : 0) | (scalar ? 2 : 0);
	/* Legacy CMPPS uses imm8[2:0]; imm8[7:3] are reserved (SDM vol. 2, CMPPS). */
#define CMP_CASE(n)                                         \
	case (n):                                           \
		switch (k) {                                \
		case 0: OP2I("cmpps", (n)); break;          \
		case 1: OP2I("cmppd", (n)); break;          \
		case 2: OP2I("cmpss", (n)); break;          \
		default: OP2I("cmpsd", (n)); break;         \
		}                                           \
		break;
	switch (imm & 7) {
		X4(CMP_CASE, 0) X4(CMP_CASE, 4)
	}
#undef CMP_CASE
	*mx = csr;
	return a;
}

static xmm_t host_round(unsigned elem, int scalar, unsigned imm, xmm_t a, xmm_t b, uint32_t *mx)
{
	uint32_t csr = *mx;
	unsigned k = (elem == 8 ? 1 : 0) | (scalar ? 2 : 0);
	/* imm8[7:4] are reserved (SDM vol. 2, ROUNDPS). */
#define ROUND_CASE(n)                                         \
	case (n):                                             \
		switch (k) {                                  \
		case 0: OP2I("roundps", (n)); break;          \
		case 1: OP2I("roundpd", (n)); break;          \
		case 2: OP2I("roundss", (n)); break;          \
		default: OP2I("roundsd", (n)); break;         \
		}                                             \
		break;
	switch (imm & 15) {
		X16(ROUND_CASE, 0)
	}
#undef ROUND_CASE
	*mx = csr;
	return a;
}

static xmm_t host_dp(unsigned elem, unsigned imm, xmm_t a, xmm_t b, uint32_t *mx)
{
	uint32_t csr = *mx;
#define DPPS_CASE(n) case (n): OP2I("dpps", (n)); break;
#define DPPD_CASE(n) case (n): OP2I("dppd", (n)); break;
	if (elem == 4) {
		switch (imm & 0xFF) {
			X256(DPPS_CASE)
		}
	} else {
		/* DPPD uses imm8[5:4] and imm8[1:0]; the other bits are ignored
		 * (SDM vol. 2, DPPD: "must be zero"): keep them as given. */
		switch (imm & 0xFF) {
			X256(DPPD_CASE)
		}
	}
#undef DPPS_CASE
#undef DPPD_CASE
	*mx = csr;
	return a;
}

/* FCVT: vector-to-vector conversions. */
static xmm_t host_cvt(unsigned kind, xmm_t a, xmm_t b, uint32_t *mx)
{
	uint32_t csr = *mx;
	xmm_t r = { 0, 0 };
	xmm_t low = { b[0], 0 }; /* the MMX forms: two elements, zeros above (no flags) */
#define CVT(name, src) HOST_RUN(name " %[s], %[d]", "+x", r, "x", src, csr)
	switch (kind) {
	case FCVT_PS2PD: CVT("cvtps2pd", b); break;
	case FCVT_PD2PS: CVT("cvtpd2ps", b); break;
	case FCVT_SS2SD: r = a; CVT("cvtss2sd", b); break;
	case FCVT_SD2SS: r = a; CVT("cvtsd2ss", b); break;
	case FCVT_DQ2PS: CVT("cvtdq2ps", b); break;
	case FCVT_PS2DQ: CVT("cvtps2dq", b); break;
	case FCVT_TPS2DQ: CVT("cvttps2dq", b); break;
	case FCVT_DQ2PD: CVT("cvtdq2pd", b); break;
	case FCVT_PD2DQ: CVT("cvtpd2dq", b); break;
	case FCVT_TPD2DQ: CVT("cvttpd2dq", b); break;
	case FCVT_PI2PS: CVT("cvtdq2ps", low); r[1] = a[1]; break;
	case FCVT_PS2PI: CVT("cvtps2dq", low); break;
	case FCVT_TPS2PI: CVT("cvttps2dq", low); break;
	case FCVT_PI2PD: CVT("cvtdq2pd", low); break;
	case FCVT_PD2PI: CVT("cvtpd2dq", b); break;
	case FCVT_TPD2PI: CVT("cvttpd2dq", b); break;
	default: break;
	}
#undef CVT
	*mx = csr;
	return r;
}

/* ---- exceptions ---- */

static int is_denormal(const uint8_t *p, unsigned elem)
{
	if (elem == 4) {
		uint32_t v;
		memcpy(&v, p, 4);
		return (v & 0x7F800000u) == 0 && (v & 0x7FFFFFu) != 0;
	}
	uint64_t v;
	memcpy(&v, p, 8);
	return (v & 0x7FF0000000000000ull) == 0 && (v & 0xFFFFFFFFFFFFFull) != 0;
}

/* The host MXCSR for a micro-op: the guest's rounding, DAZ and FTZ (FTZ
 * only while underflow is masked: SDM vol. 1, 10.2.3.3), all masked. */
static uint32_t host_mxcsr(uint32_t guest)
{
	uint32_t m = (guest & (MX_RC | MX_DAZ)) | MX_MASKS;
	if (guest & MX_UM)
		m |= guest & MX_FTZ;
	return m;
}

/* Applies the flags `raised` (host, all masked) to the guest MXCSR.
 * Returns 1 if the result may be written, 0 after raising #XM. */
static int finish(struct frame *f, uint32_t raised)
{
	uint32_t *mx = &f->x->state->mxcsr;
	uint32_t unmasked = ~(*mx >> 7) & MX_FLAGS;
	raised &= MX_FLAGS;
	if (raised & MX_PRE & unmasked) {
		*mx |= raised & MX_PRE;
		fault(f, VEC_XM, 0);
		return 0;
	}
	*mx |= raised;
	if (raised & unmasked) {
		fault(f, VEC_XM, 0);
		return 0;
	}
	return 1;
}

/* ---- x87 recomputation: inexactness with unbounded exponent ---- */

/* Whether op(a, b) rounded to `elem`-sized precision (24 or 53 bits) with
 * the x87 unit's 15-bit exponent is inexact, and whether the magnitude of
 * that rounded value is below the format's smallest normal (tininess after
 * rounding, unbounded exponent: SDM vol. 1, 4.9.1.5). `rc` is MXCSR.RC. */
static void x87_unbounded(unsigned op, unsigned elem, long double a, long double b, unsigned rc, int *inexact,
			  int *tiny, int *huge)
{
	uint16_t cw_saved, sw, cw = (uint16_t)(0x037F & ~0x0300u); /* all masked */
	cw |= (uint16_t)((elem == 4 ? 0 : 2) << 8) | (uint16_t)(rc << 10);
	long double r;
	/* One asm statement per operation: the control word, the operation
	 * (ST0 = a, ST1 = b) and the status word cannot be reordered. */
#define X87_OP(insn)                                                                             \
	__asm__ volatile("fnstcw %[old]\n\tfnclex\n\tfldcw %[cw]\n\t" insn "\n\t"                   \
			 "fnstsw %[sw]\n\tfnclex\n\tfldcw %[old]"                                     \
			 : "=t"(r), [old] "=m"(cw_saved), [sw] "=m"(sw)                                 \
			 : "0"(a), "u"(b), [cw] "m"(cw))
	switch (op) {
	case UOP_VFSUB: X87_OP("fsub %%st(1), %%st"); break;
	case UOP_VFMUL: X87_OP("fmul %%st(1), %%st"); break;
	case UOP_VFDIV: X87_OP("fdiv %%st(1), %%st"); break;
	case UOP_VFCVT: b = 0.0L; X87_OP("fadd %%st(1), %%st"); break; /* rounding a alone */
	default: X87_OP("fadd %%st(1), %%st"); break;
	}
#undef X87_OP
	*inexact = (sw & 0x20) != 0;
	long double mag = fabsl(r);
	long double min_normal = elem == 4 ? 0x1p-126L : 0x1p-1022L;
	long double max_finite = elem == 4 ? 0x1.fffffep127L : 0x1.fffffffffffffp1023L;
	*tiny = mag != 0 && mag < min_normal;
	*huge = mag > max_finite && !isinf(a) && !isinf(b);
}

static long double element_value(const uint8_t *p, unsigned elem, int daz)
{
	if (daz && is_denormal(p, elem))
		return 0.0L;
	if (elem == 4) {
		float v;
		memcpy(&v, p, 4);
		return v;
	}
	double v;
	memcpy(&v, p, 8);
	return v;
}

/* One element operation of a micro-op, for the per-element recomputation:
 * x op y in the source format (elem bytes); VFCVT: double x to single. */
struct lane_op {
	unsigned op;
	uint8_t x[8], y[8];
};

/* With OE or UE unmasked (and no unmasked pre-computation exception), the
 * flags of the element operations lanes[0..n), recomputed one element at a
 * time: the host's scalar instruction gives each element's masked flags;
 * an element that overflows or is tiny (with unbounded exponent, x87)
 * reports UE for tiny (exact or not), OE for overflow, and PE for an
 * inexact rounding with unbounded exponent (SDM vol. 1, 4.9.1.4-4.9.1.5,
 * 11.5.2.4-11.5.2.5). */
static uint32_t lanes_flags(const struct lane_op *lanes, unsigned n, unsigned elem, uint32_t guest)
{
	unsigned rc = (guest >> 13) & 3;
	int daz = (guest & MX_DAZ) != 0;
	uint32_t flags = 0;
	for (unsigned i = 0; i < n; i++) {
		const struct lane_op *l = &lanes[i];
		xmm_t va = { 0, 0 }, vb = { 0, 0 };
		memcpy(&va, l->x, elem);
		memcpy(&vb, l->y, elem);
		uint32_t csr = host_mxcsr(guest);
		unsigned out_elem = elem;
		if (l->op == UOP_VFCVT) {
			host_cvt(FCVT_SD2SS, va, va, &csr);
			out_elem = 4;
		} else {
			host_arith(l->op, elem, 1, va, vb, &csr);
		}
		uint32_t lane = csr & MX_FLAGS;
		/* IE and ZE end the element's computation; DE does not. */
		if (!(lane & (MX_IE | MX_ZE))) {
			int inexact, tiny, huge;
			long double x = element_value(l->x, elem, daz);
			long double y = l->op == UOP_VFCVT ? 0.0L : element_value(l->y, elem, daz);
			x87_unbounded(l->op, out_elem, x, y, rc, &inexact, &tiny, &huge);
			tiny |= (lane & MX_UE) != 0;
			if ((huge && !(guest & (MX_OE << 7))) || (tiny && !(guest & MX_UM))) {
				lane &= ~(uint32_t)(MX_PE | MX_UE);
				lane |= (inexact ? MX_PE : 0) | (tiny ? MX_UE : 0) | (huge ? MX_OE : 0);
			}
		}
		flags |= lane;
	}
	return flags;
}

/* The element operations of a micro-op, or 0 if it has none that can
 * overflow or underflow (MIN, MAX, SQRT, compares, ROUND, integer
 * conversions). */
static unsigned lane_ops(unsigned op, unsigned elem, int scalar, unsigned cvt_kind, const uint8_t *a,
			 const uint8_t *b, struct lane_op *lanes)
{
	unsigned count = 16 / elem, n = 0;
	switch (op) {
	case UOP_VFADD: case UOP_VFSUB: case UOP_VFMUL: case UOP_VFDIV: case UOP_VFADDSUB:
		for (unsigned i = 0; i < (scalar ? 1 : count); i++, n++) {
			lanes[n].op = op == UOP_VFADDSUB ? (i & 1 ? UOP_VFADD : UOP_VFSUB) : op;
			memcpy(lanes[n].x, a + i * elem, elem);
			memcpy(lanes[n].y, b + i * elem, elem);
		}
		return n;
	case UOP_VFCVT:
		if (cvt_kind != FCVT_PD2PS && cvt_kind != FCVT_SD2SS)
			return 0;
		for (unsigned i = 0; i < (cvt_kind == FCVT_SD2SS ? 1u : 2u); i++, n++) {
			lanes[n].op = UOP_VFCVT;
			memcpy(lanes[n].x, b + i * 8, 8);
		}
		return n;
	default:
		return 0;
	}
}

/* The flags of a micro-op from the host's all-masked run (`raised`),
 * corrected for the guest's unmasked OE and UE (see lanes_flags). */
static uint32_t guest_flags(unsigned op, unsigned elem, int scalar, unsigned cvt_kind, xmm_t a, xmm_t b,
			    uint32_t raised, uint32_t guest)
{
	uint32_t unmasked = ~(guest >> 7) & MX_FLAGS;
	if (!(unmasked & (MX_OE | MX_UE)) || (raised & MX_PRE & unmasked))
		return raised;
	struct lane_op lanes[4];
	uint8_t ab[16], bb[16];
	memcpy(ab, &a, 16);
	memcpy(bb, &b, 16);
	unsigned n = lane_ops(op, elem, scalar, cvt_kind, ab, bb, lanes);
	if (!n)
		return raised;
	unsigned lane_elem = op == UOP_VFCVT ? 8 : elem;
	return lanes_flags(lanes, n, lane_elem, guest);
}

/* ---- RCP/RSQRT: see the header comment ---- */

static uint32_t approximate(uint32_t x, int rsqrt)
{
	uint32_t sign = x & 0x80000000u, mag = x & 0x7FFFFFFFu;
	if (mag > 0x7F800000u)
		return x | 0x00400000u; /* NaN: quieted */
	if (mag < 0x00800000u) /* zero or denormal (treated as zero): infinity */
		return sign | 0x7F800000u;
	if (rsqrt && sign)
		return 0xFFC00000u; /* real indefinite */
	if (mag == 0x7F800000u)
		return sign;
	float v;
	memcpy(&v, &mag, 4);
	double d = v;
	if (rsqrt)
		__asm__("sqrtsd %1, %0" : "=x"(d) : "x"(d)); /* no libm in the library */
	double r = 1.0 / d;
	float rf = (float)r;
	uint32_t out;
	memcpy(&out, &rf, 4);
	if (out < 0x00800000u)
		out = 0; /* tiny results are flushed to zero */
	return sign | out;
}

static int is_mmx(unsigned r)
{
	return r >= UREG_MM0 && r <= UREG_MM7;
}

/* ---- the micro-ops ---- */

/* One stage of a staged DPPS/DPPD: a packed or scalar VFMUL/VFADD on the
 * host, its flags corrected for the guest's masks and OR-ed into *acc.
 * Returns 0 if it raises an unmasked exception (then *acc holds the flags
 * the instruction reports). */
static int dp_stage(unsigned op, unsigned elem, int scalar, xmm_t x, xmm_t y, uint32_t guest, uint32_t *acc,
		    xmm_t *out)
{
	uint32_t unmasked = ~(guest >> 7) & MX_FLAGS, csr = host_mxcsr(guest);
	*out = host_arith(op, elem, scalar, x, y, &csr);
	uint32_t raised = guest_flags(op, elem, scalar, 0, x, y, csr & MX_FLAGS, guest);
	if (raised & MX_PRE & unmasked) {
		*acc |= raised & MX_PRE;
		return 0;
	}
	*acc |= raised;
	return !(raised & unmasked);
}

/* DPPS/DPPD with an exception unmasked: the SDM's DP_primitive one step
 * at a time (vol. 2, DPPS: products of the elements selected by
 * imm[7:4], +0 for the others; then pairwise sums, each rounded), because
 * each multiply and add checks its exceptions separately and an unmasked
 * one stops the instruction at that step (measured: an unmasked
 * underflow of a product hides the denormal operand of the following add).
 * Returns 0 after an unmasked exception; *flags gets the flags to set. */
static int dp_staged(unsigned elem, unsigned imm, xmm_t a, xmm_t b, uint32_t guest, xmm_t *result,
		     uint32_t *flags)
{
	uint8_t xa[16], xb[16], t[16];
	unsigned count = 16 / elem;
	memcpy(xa, &a, 16);
	memcpy(xb, &b, 16);
	for (unsigned i = 0; i < count; i++)
		if (!(imm >> (4 + i) & 1)) {
			memset(xa + i * elem, 0, elem);
			memset(xb + i * elem, 0, elem);
		}
	memcpy(&a, xa, 16);
	memcpy(&b, xb, 16);
	xmm_t prod, sum;
	*flags = 0;
	if (!dp_stage(UOP_VFMUL, elem, 0, a, b, guest, flags, &prod))
		return 0;
	memcpy(t, &prod, 16);
	xmm_t x = { 0, 0 }, y = { 0, 0 };
	uint8_t bx[16] = { 0 }, by[16] = { 0 };
	if (elem == 4) {
		/* (T0 + T1), (T2 + T3), then their sum. */
		memcpy(bx, t, 4);
		memcpy(bx + 4, t + 8, 4);
		memcpy(by, t + 4, 4);
		memcpy(by + 4, t + 12, 4);
		memcpy(&x, bx, 16);
		memcpy(&y, by, 16);
		xmm_t pair;
		if (!dp_stage(UOP_VFADD, 4, 0, x, y, guest, flags, &pair))
			return 0;
		memcpy(bx, &pair, 16);
		memset(by, 0, 16);
		memcpy(by, bx + 4, 4);
		memcpy(&x, bx, 16);
		memcpy(&y, by, 16);
		if (!dp_stage(UOP_VFADD, 4, 1, x, y, guest, flags, &sum))
			return 0;
	} else {
		memcpy(bx, t, 8);
		memcpy(by, t + 8, 8);
		memcpy(&x, bx, 16);
		memcpy(&y, by, 16);
		if (!dp_stage(UOP_VFADD, 8, 1, x, y, guest, flags, &sum))
			return 0;
	}
	uint8_t s[16], out[16] = { 0 };
	memcpy(s, &sum, 16);
	for (unsigned i = 0; i < count; i++)
		if (imm >> i & 1)
			memcpy(out + i * elem, s, elem);
	memcpy(result, out, 16);
	return 1;
}

static void exec_fp(struct frame *f, const struct uop *u)
{
	uint32_t guest = f->x->state->mxcsr, csr = host_mxcsr(guest);
	unsigned elem = u->elem ? u->elem : 4;
	int scalar = u->width < 16;
	xmm_t a = load_xmm(f, u->src[0]), b = load_xmm(f, u->src[1]), r;
	switch (u->op) {
	case UOP_VFCMP:
		r = host_cmp(elem, scalar, (unsigned)u->imm, a, b, &csr);
		break;
	case UOP_VFROUND:
		r = host_round(elem, scalar, (unsigned)u->imm, a, b, &csr);
		break;
	case UOP_VFDP:
		if (~(guest >> 7) & MX_FLAGS) {
			uint32_t flags;
			int ok = dp_staged(elem, (unsigned)u->imm, a, b, guest, &r, &flags);
			f->x->state->mxcsr |= flags;
			if (!ok) {
				fault(f, VEC_XM, 0);
				return;
			}
			uint8_t out[16];
			memcpy(out, &r, 16);
			vreg_write(f, u, u->dst, out, 16);
			return;
		}
		r = host_dp(elem, (unsigned)u->imm, a, b, &csr);
		break;
	case UOP_VFCVT:
		r = host_cvt((unsigned)u->imm, a, b, &csr);
		break;
	case UOP_VFRCP: case UOP_VFRSQRT: {
		uint8_t in[16], out[16];
		memcpy(in, &b, 16);
		memcpy(out, &a, 16);
		for (unsigned i = 0; i < (scalar ? 1u : 4u); i++) {
			uint32_t x;
			memcpy(&x, in + 4 * i, 4);
			x = approximate(x, u->op == UOP_VFRSQRT);
			memcpy(out + 4 * i, &x, 4);
		}
		memcpy(&r, out, 16);
		vreg_write(f, u, u->dst, out, 16);
		return;
	}
	default:
		r = host_arith(u->op, elem, scalar, a, b, &csr);
		break;
	}
	uint32_t raised = guest_flags(u->op, elem, scalar, (unsigned)u->imm, a, b, csr & MX_FLAGS, guest);
	uint8_t out[16];
	memcpy(out, &r, 16);
	if (!finish(f, raised))
		return;
	vreg_write(f, u, u->dst, out, is_mmx(u->dst) ? 8 : 16);
	/* MMX destination: MMXENTER ran before this micro-op; the register
	 * now has exponent 0xFFFF, a "special" x87 tag (SDM vol. 1, 8.1.7). */
	if (is_mmx(u->dst)) {
		unsigned i = u->dst - UREG_MM0;
		f->x->state->fpu_tag = (uint16_t)((f->x->state->fpu_tag & ~(3u << (2 * i))) | 2u << (2 * i));
	}
}

static void exec_comi(struct frame *f, const struct uop *u)
{
	uint32_t csr = host_mxcsr(f->x->state->mxcsr);
	xmm_t a = load_xmm(f, u->src[0]), b = load_xmm(f, u->src[1]);
	uint8_t zf, pf, cf;
	unsigned k = (u->elem == 8 ? 1 : 0) | (u->imm ? 2 : 0);
#define COMI(name)                                                                                  \
	do {                                                                                        \
		uint32_t saved_;                                                                    \
		__asm__ volatile("stmxcsr %[saved]\n\tldmxcsr %[mx]\n\t" name " %[b], %[a]\n\t"    \
				 "setz %[z]\n\tsetp %[p]\n\tsetc %[c]\n\t"                          \
				 "stmxcsr %[mx]\n\tldmxcsr %[saved]"                                \
				 : [z] "=q"(zf), [p] "=q"(pf), [c] "=q"(cf), [saved] "=m"(saved_),   \
				   [mx] "+m"(csr)                                                   \
				 : [a] "x"(a), [b] "x"(b)                                           \
				 : "cc");                                                           \
	} while (0)
	switch (k) {
	case 0: COMI("ucomiss"); break;
	case 1: COMI("ucomisd"); break;
	case 2: COMI("comiss"); break;
	default: COMI("comisd"); break;
	}
#undef COMI
	if (!finish(f, csr))
		return;
	set_flags(f, u, (zf ? FLAG_ZF : 0) | (pf ? FLAG_PF : 0) | (cf ? FLAG_CF : 0));
}

static void exec_cvti2f(struct frame *f, const struct uop *u)
{
	uint32_t csr = host_mxcsr(f->x->state->mxcsr);
	xmm_t a = load_xmm(f, u->src[0]);
	uint64_t v = 0;
	memcpy(&v, vreg(f, u->src[1]), u->ext == 8 ? 8 : 4);
	unsigned k = (u->elem == 8 ? 1 : 0) | (u->ext == 8 ? 2 : 0);
	uint32_t v32 = (uint32_t)v;
	switch (k) {
	case 0: HOST_RUN("cvtsi2ssl %[s], %[d]", "+x", a, "r", v32, csr); break;
	case 1: HOST_RUN("cvtsi2sdl %[s], %[d]", "+x", a, "r", v32, csr); break;
	case 2: HOST_RUN("cvtsi2ssq %[s], %[d]", "+x", a, "r", v, csr); break;
	default: HOST_RUN("cvtsi2sdq %[s], %[d]", "+x", a, "r", v, csr); break;
	}
	if (!finish(f, csr))
		return;
	uint8_t out[16];
	memcpy(out, &a, 16);
	vreg_write(f, u, u->dst, out, 16);
}

static void exec_cvtf2i(struct frame *f, const struct uop *u)
{
	uint32_t csr = host_mxcsr(f->x->state->mxcsr);
	xmm_t b = load_xmm(f, u->src[0]);
	unsigned k = (u->elem == 8 ? 1 : 0) | (u->ext == 8 ? 2 : 0) | (u->imm ? 4 : 0);
	uint64_t r = 0;
	uint32_t r32 = 0;
	switch (k) {
	case 0: HOST_RUN("cvtss2si %[s], %[d]", "=r", r32, "x", b, csr); break;
	case 1: HOST_RUN("cvtsd2si %[s], %[d]", "=r", r32, "x", b, csr); break;
	case 2: HOST_RUN("cvtss2si %[s], %[d]", "=r", r, "x", b, csr); break;
	case 3: HOST_RUN("cvtsd2si %[s], %[d]", "=r", r, "x", b, csr); break;
	case 4: HOST_RUN("cvttss2si %[s], %[d]", "=r", r32, "x", b, csr); break;
	case 5: HOST_RUN("cvttsd2si %[s], %[d]", "=r", r32, "x", b, csr); break;
	case 6: HOST_RUN("cvttss2si %[s], %[d]", "=r", r, "x", b, csr); break;
	default: HOST_RUN("cvttsd2si %[s], %[d]", "=r", r, "x", b, csr); break;
	}
	if (!finish(f, csr))
		return;
	uint8_t out[16] = { 0 };
	if (u->ext == 8)
		memcpy(out, &r, 8);
	else
		memcpy(out, &r32, 4);
	vreg_write(f, u, u->dst, out, 16);
}

int exec_vector_fp(struct frame *f, const struct uop *u)
{
	switch (u->op) {
	case UOP_VFADD: case UOP_VFSUB: case UOP_VFMUL: case UOP_VFDIV: case UOP_VFSQRT:
	case UOP_VFMIN: case UOP_VFMAX: case UOP_VFRCP: case UOP_VFRSQRT: case UOP_VFCMP:
	case UOP_VFADDSUB: case UOP_VFDP: case UOP_VFROUND:
	case UOP_VFCVT:
		exec_fp(f, u);
		return 1;
	case UOP_VFCOMI:
		exec_comi(f, u);
		return 1;
	case UOP_VCVTI2F:
		exec_cvti2f(f, u);
		return 1;
	case UOP_VCVTF2I:
		exec_cvtf2i(f, u);
		return 1;
	case UOP_LDMXCSR: {
		uint64_t v = src(f, u, 0, 4);
		if (v & ~(uint64_t)MXCSR_VALID) {
			fault(f, VEC_GP, 0);
			return 1;
		}
		f->x->state->mxcsr = (uint32_t)v;
		return 1;
	}
	case UOP_RDMXCSR:
		write_dst(f, u, f->x->state->mxcsr);
		return 1;
	default:
		return 0;
	}
}
