/* arith.c - integer arithmetic a compiler emits for both ABIs: unsigned
 * wrap-around, 64-bit multiply and division (on i386 the libgcc helpers
 * __udivdi3/__divdi3/__moddi3), shifts by variable counts, bit tricks,
 * conversions between widths. Every value is printed with a fixed-width
 * type, so the output is the same for -m32 and -m64. */
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

/* A small xorshift generator: the same sequence on every ABI. */
static uint64_t next(uint64_t *s)
{
	uint64_t x = *s;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *s = x;
}

/* Opaque to the optimizer, so -O2 keeps the arithmetic at run time. */
static uint64_t opaque(uint64_t v)
{
	volatile uint64_t x = v;
	return x;
}

static unsigned popcount_loop(uint64_t v)
{
	unsigned n = 0;
	for (; v; v &= v - 1)
		n++;
	return n;
}

static uint64_t rotl64(uint64_t v, unsigned n)
{
	n &= 63;
	return n ? (v << n) | (v >> (64 - n)) : v;
}

static uint32_t rotr32(uint32_t v, unsigned n)
{
	n &= 31;
	return n ? (v >> n) | (v << (32 - n)) : v;
}

/* The high 64 bits of a 64x64 product, from 32-bit halves. */
static uint64_t mulhi64(uint64_t a, uint64_t b)
{
	uint64_t al = (uint32_t)a, ah = a >> 32, bl = (uint32_t)b, bh = b >> 32;
	uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
	uint64_t mid = (ll >> 32) + (uint32_t)lh + (uint32_t)hl;
	return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}

static uint64_t gcd64(uint64_t a, uint64_t b)
{
	while (b) {
		uint64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

static uint64_t isqrt64(uint64_t v)
{
	uint64_t r = 0, bit = (uint64_t)1 << 62;
	while (bit > v)
		bit >>= 2;
	while (bit) {
		if (v >= r + bit) {
			v -= r + bit;
			r = (r >> 1) + bit;
		} else {
			r >>= 1;
		}
		bit >>= 2;
	}
	return r;
}

/* m < 2^32, so every product fits in 64 bits. */
static uint64_t powmod(uint64_t b, uint64_t e, uint64_t m)
{
	uint64_t r = 1 % m;
	b %= m;
	while (e) {
		if (e & 1)
			r = r * b % m;
		b = b * b % m;
		e >>= 1;
	}
	return r;
}

int main(void)
{
	uint64_t s = 0x9e3779b97f4a7c15ull, sum = 0;

	/* Wrap-around of unsigned types of every width. */
	uint8_t u8 = (uint8_t)opaque(250);
	uint16_t u16 = (uint16_t)opaque(65530);
	uint32_t u32 = (uint32_t)opaque(UINT32_MAX - 3);
	uint64_t u64 = opaque(UINT64_MAX - 5);
	for (int i = 0; i < 10; i++) {
		u8 += 1;
		u16 += 1;
		u32 += 1;
		u64 += 1;
	}
	printf("wrap: u8 %" PRIu8 " u16 %" PRIu16 " u32 %" PRIu32 " u64 %" PRIu64 "\n", u8, u16, u32, u64);
	printf("neg: -1u32 %" PRIu32 " -1u64 %" PRIu64 " (uint32)-5 * 3 %" PRIu32 "\n",
	       (uint32_t)-opaque(1), -opaque(1), (uint32_t)-opaque(5) * 3u);
	printf("mul wrap: %" PRIu32 " %" PRIu64 "\n", (uint32_t)opaque(0x12345678) * 0x9abcdef1u,
	       (uint64_t)(opaque(0x123456789abcdefull) * 0xfedcba9876543211ull));

	/* Conversions: sign extension, truncation, to and from int64. */
	int8_t i8 = (int8_t)opaque(0xf0);
	int16_t i16 = (int16_t)opaque(0x8001);
	int32_t i32 = (int32_t)opaque(0x80000000u);
	printf("sext: %" PRId8 " %" PRId16 " %" PRId32 " %" PRId64 " %" PRId64 "\n", i8, i16, i32, (int64_t)i32,
	       (int64_t)(int32_t)opaque(0xfffffffeu));
	printf("trunc: %" PRIu8 " %" PRIu16 " %" PRIu32 "\n", (uint8_t)opaque(0x1234), (uint16_t)opaque(0x123456789ull),
	       (uint32_t)opaque(0x123456789abcull));
	printf("limits: %" PRId64 " %" PRId64 " %" PRIu64 " %d %d\n", INT64_MIN, INT64_MAX, UINT64_MAX, INT_MIN,
	       INT_MAX);

	/* 64-bit division and remainder, signed and unsigned, with the
	 * C99 rule that the quotient truncates toward zero. */
	int64_t num[] = {INT64_MAX, INT64_MIN + 1, -7, 7, 1000000000000ll, -999999999999ll, 5};
	int64_t den[] = {3, -3, 2, -2, 7, 1000, INT64_MAX};
	for (unsigned i = 0; i < sizeof num / sizeof num[0]; i++) {
		int64_t a = (int64_t)opaque((uint64_t)num[i]), b = (int64_t)opaque((uint64_t)den[i]);
		printf("div %" PRId64 " / %" PRId64 " = %" PRId64 " rem %" PRId64 "; ", a, b, a / b, a % b);
		printf("unsigned %" PRIu64 " %" PRIu64 "\n", (uint64_t)a / (uint64_t)b, (uint64_t)a % (uint64_t)b);
	}
	printf("div32: %" PRId32 " %" PRId32 " %" PRIu32 " %" PRIu32 "\n", (int32_t)opaque(-100) / 7,
	       (int32_t)opaque(-100) % 7, (uint32_t)opaque(4000000000u) / 3u, (uint32_t)opaque(4000000000u) % 7u);
	lldiv_t ld = lldiv(-1234567890123ll, 1000);
	printf("lldiv: %lld %lld; llabs %lld; imaxdiv %" PRIdMAX "\n", ld.quot, ld.rem, llabs(-42ll),
	       imaxdiv(INTMAX_MAX, 10).rem);

	/* Shifts by variable counts, arithmetic right shift of negatives. */
	for (unsigned n = 0; n < 64; n += 9) {
		uint64_t v = opaque(0x8123456789abcdefull);
		printf("shift %2u: shl %016" PRIx64 " shr %016" PRIx64 " sar %016" PRIx64 "\n", n, v << n, v >> n,
		       (uint64_t)((int64_t)v >> n));
	}
	printf("shift32: %08" PRIx32 " %08" PRIx32 " %08" PRIx32 "\n", (uint32_t)opaque(1) << 31,
	       (uint32_t)((int32_t)opaque(0x80000000u) >> 5), (uint32_t)opaque(0xdeadbeef) >> 17);

	/* Bit tricks: builtins against loops, byte swaps, rotations. */
	for (int i = 0; i < 8; i++) {
		uint64_t v = next(&s);
		uint64_t lo = v & 0xffffffffffull;
		printf("bits %016" PRIx64 ": pop %2d/%2u clz %2d ctz %2d parity %d bswap %016" PRIx64
		       " rotl %016" PRIx64 " rotr32 %08" PRIx32 " lowbit %010" PRIx64 "\n",
		       v, __builtin_popcountll(v), popcount_loop(v), __builtin_clzll(lo | 1), __builtin_ctzll(v | (1ull << 63)),
		       __builtin_parityll(v), __builtin_bswap64(v), rotl64(v, (unsigned)i * 7 + 1),
		       rotr32((uint32_t)v, (unsigned)i * 5 + 3), lo & -lo);
	}
	printf("bswap32 %08" PRIx32 " bswap16 %04" PRIx16 "\n", __builtin_bswap32((uint32_t)opaque(0x11223344)),
	       __builtin_bswap16((uint16_t)opaque(0xabcd)));

	/* Checked arithmetic. */
	int32_t r32;
	int64_t r64;
	uint64_t ru;
	int o1 = __builtin_add_overflow((int32_t)opaque(INT32_MAX), 1, &r32);
	int o2 = __builtin_mul_overflow((int64_t)opaque(3037000500ll), (int64_t)3037000500ll, &r64);
	int o3 = __builtin_sub_overflow(opaque(3), (uint64_t)5, &ru);
	printf("overflow: %d %" PRId32 " %d %" PRId64 " %d %" PRIu64 "\n", o1, r32, o2, r64, o3, ru);

	/* Multiply-high, gcd, integer square root, modular power. */
	for (int i = 0; i < 6; i++) {
		uint64_t a = next(&s), b = next(&s) >> (i * 9);
		sum += mulhi64(a, b) ^ gcd64(a, b | 1) ^ isqrt64(a);
		printf("mulhi %016" PRIx64 " gcd %" PRIu64 " isqrt %" PRIu64 " powmod %" PRIu64 "\n", mulhi64(a, b),
		       gcd64(a, b | 1), isqrt64(a), powmod(a, b, 1000000007ull));
	}

	/* A long dependent loop: LCG checksums at each width. */
	uint32_t h32 = 1;
	uint64_t h64 = 1;
	uint16_t h16 = 1;
	for (int i = 0; i < 200000; i++) {
		h32 = h32 * 1664525u + 1013904223u;
		h64 = h64 * 6364136223846793005ull + 1442695040888963407ull;
		h16 = (uint16_t)(h16 * 25173u + 13849u);
		sum += h64 / (h32 | 1) + h64 % ((uint64_t)h16 + 1);
	}
	printf("lcg: %08" PRIx32 " %016" PRIx64 " %04" PRIx16 " sum %016" PRIx64 "\n", h32, h64, h16, sum);
	return 0;
}
