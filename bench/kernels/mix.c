/* mix.c - the "real code" kernel of the engine benchmark: compiled C, not
 * a synthetic loop. Each round fills 512 words from a xorshift generator,
 * sorts them (quicksort with an insertion-sort tail, recursive), checks
 * the order, binary-searches 256 keys, hashes the array (FNV-1a over its
 * bytes), and counts matching bytes of two strings. It works in the
 * benchmark's 4 KiB data page; the result is left in the page.
 * Regenerate mix.s with bench/kernels/gen_mix.sh. */
#include <stdint.h>

#define DATA ((uint32_t *)0x20010000)
#define N 512
#define ROUNDS 2000

static uint32_t xorshift(uint32_t *s)
{
	uint32_t x = *s;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *s = x;
}

static void insertion(uint32_t *a, int n)
{
	for (int i = 1; i < n; i++) {
		uint32_t v = a[i];
		int j = i - 1;
		while (j >= 0 && a[j] > v) {
			a[j + 1] = a[j];
			j--;
		}
		a[j + 1] = v;
	}
}

static void quicksort(uint32_t *a, int n)
{
	while (n > 16) {
		uint32_t pivot = a[n / 2];
		int i = 0, j = n - 1;
		for (;;) {
			while (a[i] < pivot)
				i++;
			while (a[j] > pivot)
				j--;
			if (i >= j)
				break;
			uint32_t t = a[i];
			a[i] = a[j];
			a[j] = t;
			i++;
			j--;
		}
		/* Recurse into the smaller part, loop on the larger. */
		if (j + 1 < n - j - 1) {
			quicksort(a, j + 1);
			a += j + 1;
			n -= j + 1;
		} else {
			quicksort(a + j + 1, n - j - 1);
			n = j + 1;
		}
	}
	insertion(a, n);
}

static int search(const uint32_t *a, int n, uint32_t key)
{
	int lo = 0, hi = n;
	while (lo < hi) {
		int mid = (lo + hi) >> 1;
		if (a[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static uint32_t fnv(const uint8_t *p, int n)
{
	uint32_t h = 2166136261u;
	for (int i = 0; i < n; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

static int common(const char *a, const char *b)
{
	int n = 0;
	while (*a && *b)
		n += *a++ == *b++;
	return n;
}

void kmain(void)
{
	static const char s1[] = "the quick brown fox jumps over the lazy dog";
	static const char s2[] = "the quick brown cat jumps over the lazy fox";
	uint32_t *a = DATA, seed = 2463534242u, acc = 0;
	for (int round = 0; round < ROUNDS; round++) {
		for (int i = 0; i < N; i++)
			a[i] = xorshift(&seed);
		quicksort(a, N);
		for (int i = 1; i < N; i++)
			acc += a[i - 1] <= a[i];
		for (int k = 0; k < 256; k++)
			acc += (uint32_t)search(a, N, xorshift(&seed));
		acc ^= fnv((const uint8_t *)a, 4 * N);
		acc += (uint32_t)common(s1, s2);
	}
	a[N] = acc;
}
