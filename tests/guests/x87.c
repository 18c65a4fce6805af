/* x87.c - long double: the 80-bit x87 format on both ABIs, and libm's
 * long double functions, which on both are x87 code (FSIN, FCOS, FPTAN,
 * FPATAN, FYL2X, F2XM1, FSCALE, FPREM, FRNDINT, FIST/FILD). The output is
 * the same for -m32 and -m64, so the i386 build's oracle is the amd64
 * build run natively: the real CPU. (qemu-i386 computes several of these
 * instructions through host doubles and differs in the last bits; cbrtl,
 * which glibc implements differently for each ABI, is left out.) */
#include <fenv.h>
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static long double ol(long double v)
{
	volatile long double x = v;
	return x;
}

static void functions(void)
{
	static const long double xs[] = {0.5L, 1.0L, 2.0L, 3.0L, 10.0L, -0.75L, 1e-8L, 7.25L, 1e4L};
	for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++) {
		long double x = ol(xs[i]);
		printf("x=%Lg: sin %La cos %La tan %La\n", x, sinl(x), cosl(x), tanl(x));
		printf("  exp %La exp2 %La expm1 %La log %La log2 %La log10 %La log1p %La\n", expl(x), exp2l(x), expm1l(x),
		       logl(fabsl(x)), log2l(fabsl(x)), log10l(fabsl(x)), log1pl(fabsl(x)));
		printf("  atan %La atan2 %La asin %La pow %La sqrt %La\n", atanl(x), atan2l(x, ol(-2.0L)),
		       asinl(x / 16), powl(fabsl(x), ol(1.37L)), sqrtl(fabsl(x)));
	}
	printf("pi: %La %.21Lg\n", 4 * atanl(ol(1.0L)), acosl(ol(-1.0L)));
	printf("e: %La %.21Lg\n", expl(ol(1.0L)), expl(ol(1.0L)));
	printf("fmod %La remainder %La remquo %La\n", fmodl(ol(1e10L), ol(3.3L)), remainderl(ol(1e10L), ol(3.3L)),
	       remquol(ol(29.0L), ol(3.0L), &(int){0}));
	int e;
	long double m = frexpl(ol(1e300L), &e);
	printf("frexp %La %d ldexp %La scalbn %La logb %La ilogb %d\n", m, e, ldexpl(ol(0.75L), 5000), scalbnl(ol(1.0L), -16440),
	       logbl(ol(1e-4000L)), ilogbl(ol(12345.0L)));
}

static void conversions(void)
{
	static const long double vs[] = {0.5L, 1.5L, 2.5L, -2.5L, 9.2e18L, -9.2e18L, 1e-4940L, 12345678901234567890.0L};
	for (unsigned i = 0; i < sizeof vs / sizeof vs[0]; i++) {
		long double v = ol(vs[i]);
		printf("v=%La: rint %La floor %La ceil %La trunc %La round %La llrint %lld to double %a\n", v, rintl(v),
		       floorl(v), ceill(v), truncl(v), roundl(v), fabsl(v) < 9.3e18L ? llrintl(v) : 0LL, (double)v);
	}
	volatile int64_t s = INT64_MIN + 1;
	volatile uint64_t u = UINT64_MAX;
	printf("from int: %La %La; to int: %" PRId64 " %" PRIu64 "\n", (long double)s, (long double)u,
	       (int64_t)ol(-9.1e18L), (uint64_t)ol(1.8e19L));
	printf("strtold: %La %La %La\n", strtold("0.1", NULL), strtold("1e4000", NULL), strtold("-3.25e-4000", NULL));
}

static void rounding(void)
{
	static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
	for (unsigned m = 0; m < 4; m++) {
		fesetround(modes[m]);
		printf("mode %u: 1/3 %La -2/3 %La sqrt2 %La rint(2.5) %La rint(-3.5) %La 1+eps/2 %La\n", m, ol(1.0L) / ol(3.0L),
		       ol(-2.0L) / ol(3.0L), sqrtl(ol(2.0L)), rintl(ol(2.5L)), rintl(ol(-3.5L)),
		       ol(1.0L) + ol(LDBL_EPSILON) / 2);
	}
	fesetround(FE_TONEAREST);
}

int main(void)
{
	long double sum = 0, prod = 1;
	for (int i = 1; i <= 2000; i++) {
		sum += ol(1.0L) / ((long double)i * i);
		prod *= ol(1.0L) + ol(1.0L) / (i * 1000.0L);
	}
	printf("sum %La %.21Lg prod %La\n", sum, sum, prod);
	printf("limits: %La %La %La %d\n", LDBL_MAX, LDBL_MIN, LDBL_EPSILON, LDBL_MANT_DIG);
	functions();
	conversions();
	rounding();
	return 0;
}
