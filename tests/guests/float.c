/* float.c - floating point in float, double and long double: the basic
 * operations, conversions to and from integers, sqrt and libm's
 * transcendental functions, the four rounding modes of fesetround, the
 * exception flags, printed exactly with %a and %.17g. The output depends
 * on the ABI (i386 evaluates in x87 extended precision, FLT_EVAL_METHOD 2,
 * and its libm differs), so the i386 build's oracle is qemu-i386. libm's
 * long double functions, which use x87 instructions that qemu computes
 * through host doubles (FSIN, FYL2X...), are in x87.c instead. */
#include <fenv.h>
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* Opaque to the optimizer: the operations happen at run time, under the
 * rounding mode in force. */
static double od(double v)
{
	volatile double x = v;
	return x;
}

static float of(float v)
{
	volatile float x = v;
	return x;
}

static long double ol(long double v)
{
	volatile long double x = v;
	return x;
}

static void basics(void)
{
	float f = of(1.0f) / of(3.0f);
	double d = od(1.0) / od(3.0);
	long double l = ol(1.0L) / ol(3.0L);
	printf("1/3: %a %a %La\n", (double)f, d, l);
	printf("1/3: %.9g %.17g %.21Lg\n", (double)f, d, l);
	printf("0.1+0.2: %.17g %a; float %.9g\n", od(0.1) + od(0.2), od(0.1) + od(0.2), (double)(of(0.1f) + of(0.2f)));
	printf("sqrt: %a %a %La %.17g\n", (double)sqrtf(of(2.0f)), sqrt(od(2.0)), sqrtl(ol(2.0L)), sqrt(od(1e-300)));
	printf("fma: %a %a\n", fma(od(1.0 + DBL_EPSILON), od(1.0 - DBL_EPSILON), od(-1.0)), (double)fmaf(of(3.0f), of(1.0f / 3), of(-1.0f)));
	printf("limits: %a %a %a %a %La\n", DBL_MAX, DBL_MIN, DBL_TRUE_MIN, (double)FLT_MAX, LDBL_MAX);
	printf("specials: %g %g %g %d %d %d\n", od(1.0) / od(0.0), -od(1.0) / od(0.0), od(1e308) * od(10.0),
	       isnan(od(0.0) / od(0.0)), isinf(od(-1.0) / od(0.0)), signbit(od(-0.0)) != 0);
	printf("subnormal: %a %a %.17g\n", od(DBL_MIN) / od(3.0), od(DBL_TRUE_MIN) * od(0.5), od(5e-324) * od(3.0));
	printf("float subnormal: %a %a\n", (double)(of(FLT_MIN) / of(7.0f)), (double)(of(FLT_TRUE_MIN) * of(1.5f)));
}

/* A polynomial, a sum and a product whose rounding shows the evaluation
 * precision. */
static void accumulate(void)
{
	double s = 0, p = 1;
	float sf = 0;
	long double sl = 0;
	for (int i = 1; i <= 1000; i++) {
		s += od(1.0) / (i * (double)i);
		sf += of(1.0f) / (float)i;
		sl += ol(1.0L) / ((long double)i * i * i);
		p *= od(1.0) + od(1.0) / (i + 1000.0);
	}
	printf("sums: %.17g %a %.9g %.21Lg %a\n", s, s, (double)sf, sl, p);
	double x = od(0.7), poly = 0;
	for (int i = 20; i >= 0; i--)
		poly = poly * x + (i % 3 - 1) / (double)(i + 1);
	printf("horner: %a\n", poly);
}

static void conversions(void)
{
	double vals[] = {0.5, 1.5, 2.5, -0.5, -1.5, 1e15 + 0.5, -2147483648.9, 4294967295.7, 9.2e18, -9.2e18};
	for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++) {
		double v = od(vals[i]);
		printf("conv %.17g: int64 %" PRId64 " int32 %" PRId32 " rint %.17g round %.17g floor %.17g ceil %.17g trunc %.17g llround %lld\n",
		       v, (int64_t)v, (fabs(v) < 2147483648.0) ? (int32_t)v : -1, rint(v), round(v), floor(v), ceil(v),
		       trunc(v), llround(v));
	}
	uint64_t big[] = {0, 1, 0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull, 0x20000000000001ull,
	                  0x123456789abcdefull};
	for (unsigned i = 0; i < sizeof big / sizeof big[0]; i++) {
		volatile uint64_t u = big[i];
		volatile int64_t s = (int64_t)big[i];
		printf("from %016" PRIx64 ": u->d %a s->d %a u->f %a s->ld %La u->ld %La\n", u, (double)u, (double)s,
		       (double)(float)u, (long double)s, (long double)u);
	}
	volatile double d = 1e19;
	volatile float f = 3e9f;
	printf("to unsigned: %" PRIu64 " %" PRIu64 " %" PRIu32 "\n", (uint64_t)d, (uint64_t)f, (uint32_t)f);
	printf("float<->double: %a %a %a\n", (double)(float)od(0.1), (double)(float)od(1e-40), (double)(float)od(3.4e38 * 1.5));
}

static void libm(void)
{
	double xs[] = {0.5, 1.0, 2.0, 3.0, 10.0, 100.0, -0.75, 1e-8, 7.25};
	for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++) {
		double x = od(xs[i]);
		printf("x=%g: sin %a cos %a tan %a exp %a log %a\n", x, sin(x), cos(x), tan(x), exp(x), log(fabs(x)));
		printf("  atan %a pow %a cbrt %a log10 %a expm1 %a hypot %a\n", atan(x), pow(fabs(x), 1.37), cbrt(x),
		       log10(fabs(x)), expm1(x), hypot(x, 3.0));
		float xf = (float)x;
		printf("  float: sin %a cos %a exp %a log %a sqrt %a\n", (double)sinf(xf), (double)cosf(xf), (double)expf(xf),
		       (double)logf(fabsf(xf)), (double)sqrtf(fabsf(xf)));
		printf("  long double: sqrt %La\n", sqrtl(fabsl((long double)x)));
	}
	printf("fmod %a remainder %a frexp %a ldexp %a modf %a\n", fmod(od(10.5), od(3.0)), remainder(od(10.5), od(3.0)),
	       frexp(od(48.0), &(int){0}), ldexp(od(0.75), 1000), modf(od(-3.75), &(double){0}));
	printf("atan2 %a %a %a; copysign %g nextafter %a\n", atan2(od(1.0), od(-1.0)), atan2(od(-0.0), od(-1.0)),
	       atan2(od(0.0), od(0.0)), copysign(od(3.0), od(-0.0)), nextafter(od(1.0), od(2.0)));
}

static const struct {
	int mode;
	const char *name;
} modes[] = {
    {FE_TONEAREST, "nearest"},
    {FE_UPWARD, "upward"},
    {FE_DOWNWARD, "downward"},
    {FE_TOWARDZERO, "toward zero"},
};

static void rounding(void)
{
	for (unsigned m = 0; m < sizeof modes / sizeof modes[0]; m++) {
		if (fesetround(modes[m].mode) != 0) {
			printf("fesetround(%s) failed\n", modes[m].name);
			continue;
		}
		double a = od(1.0) / od(3.0), b = od(-1.0) / od(3.0);
		float fa = of(2.0f) / of(3.0f);
		long double la = ol(1.0L) / ol(3.0L);
		printf("%-11s: fegetround ok %d, 1/3 %a -1/3 %a 2/3f %a 1/3L %La\n", modes[m].name, fegetround() == modes[m].mode,
		       a, b, (double)fa, la);
		printf("%-11s: rint(2.5) %g rint(-2.5) %g nearbyint(3.5) %g lrint(-0.5) %ld llrint(1e15+0.5) %lld sqrt(2) %a\n",
		       modes[m].name, rint(od(2.5)), rint(od(-2.5)), nearbyint(od(3.5)), lrint(od(-0.5)), llrint(od(1e15 + 0.5)),
		       sqrt(od(2.0)));
		printf("%-11s: 1e308*10 %g, 0.1+0.7 %a, (float)0.1 %a, DBL_MAX+1e292 %a\n", modes[m].name, od(1e308) * od(10.0),
		       od(0.1) + od(0.7), (double)(float)od(0.1), od(DBL_MAX) + od(1e292));
	}
	fesetround(FE_TONEAREST);
}

static void exceptions(void)
{
	static const struct {
		int flag;
		const char *name;
	} flags[] = {{FE_INVALID, "invalid"}, {FE_DIVBYZERO, "divbyzero"}, {FE_OVERFLOW, "overflow"},
	             {FE_UNDERFLOW, "underflow"}, {FE_INEXACT, "inexact"}};
	volatile double r;
	for (int op = 0; op < 6; op++) {
		feclearexcept(FE_ALL_EXCEPT);
		switch (op) {
		case 0: r = od(1.0) / od(0.0); break;
		case 1: r = od(0.0) / od(0.0); break;
		case 2: r = od(1e308) * od(1e10); break;
		case 3: r = od(1e-308) * od(1e-10); break;
		case 4: r = od(1.0) / od(3.0); break;
		default: r = sqrt(od(-1.0)); break;
		}
		printf("op %d: %g raises", op, r);
		for (unsigned i = 0; i < sizeof flags / sizeof flags[0]; i++)
			if (fetestexcept(flags[i].flag))
				printf(" %s", flags[i].name);
		printf("\n");
	}
}

static int cmpd(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Printing and reading back: strtod(printf("%.17g")) must be the same
 * value, for random doubles. */
static void roundtrip(void)
{
	uint64_t s = 88172645463325252ull;
	double v[12];
	unsigned ok = 0;
	for (int i = 0; i < 12; i++) {
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		v[i] = ldexp((double)(s >> 11), (int)(s % 200) - 100 - 53) * ((s & 1) ? -1 : 1);
		char buf[64];
		snprintf(buf, sizeof buf, "%.17g", v[i]);
		ok += strtod(buf, NULL) == v[i];
		printf("%s %a %.6e %.3f\n", buf, v[i], v[i], v[i]);
	}
	qsort(v, 12, sizeof v[0], cmpd);
	printf("round trips %u/12, min %.17g max %.17g\n", ok, v[0], v[11]);
}

int main(void)
{
	printf("FLT_EVAL_METHOD %d, sizes float %d double %d long double mantissa %d\n", FLT_EVAL_METHOD, (int)sizeof(float),
	       (int)sizeof(double), LDBL_MANT_DIG);
	basics();
	accumulate();
	conversions();
	libm();
	rounding();
	exceptions();
	roundtrip();
	return 0;
}
