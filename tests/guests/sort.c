/* sort.c - qsort and bsearch from libc (glibc's merge sort with its
 * indirect variant for large elements, musl's smoothsort) on integers,
 * strings and structures, with comparators that define total orders so
 * that every correct sort gives the same output; and a hand-written heap
 * sort checked against them. The output is the same for -m32 and -m64. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t rnd(uint32_t *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 8;
}

static int cmp_i32(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

static int cmp_u64_desc(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x < y) - (x > y);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A large element: glibc sorts pointers to it and moves it once. */
struct record {
	char name[24];
	int32_t score;
	uint32_t id;
	double weight;
	char pad[40];
};

static int cmp_record(const void *a, const void *b)
{
	const struct record *x = a, *y = b;
	if (x->score != y->score)
		return x->score < y->score ? 1 : -1; /* descending */
	int c = strcmp(x->name, y->name);
	if (c)
		return c;
	return (x->id > y->id) - (x->id < y->id);
}

static void heap_sort(int32_t *v, size_t n)
{
	for (size_t k = n; k-- > 0;) {
		for (size_t i = k, c; (c = 2 * i + 1) < n; i = c) {
			if (c + 1 < n && v[c + 1] > v[c])
				c++;
			if (v[i] >= v[c])
				break;
			int32_t t = v[i];
			v[i] = v[c];
			v[c] = t;
		}
	}
	for (size_t end = n; end-- > 1;) {
		int32_t t = v[0];
		v[0] = v[end];
		v[end] = t;
		for (size_t i = 0, c; (c = 2 * i + 1) < end; i = c) {
			if (c + 1 < end && v[c + 1] > v[c])
				c++;
			if (v[i] >= v[c])
				break;
			t = v[i];
			v[i] = v[c];
			v[c] = t;
		}
	}
}

static uint32_t hash_i32(const int32_t *v, size_t n)
{
	uint32_t h = 0;
	for (size_t i = 0; i < n; i++)
		h = h * 1000003u ^ (uint32_t)v[i];
	return h;
}

int main(void)
{
	uint32_t s = 12345;
	enum { N = 8000 };
	static int32_t a[N], b[N];
	for (int i = 0; i < N; i++)
		a[i] = b[i] = (int32_t)(rnd(&s) % 20000) - 10000;
	qsort(a, N, sizeof a[0], cmp_i32);
	heap_sort(b, N);
	printf("ints: first %" PRId32 " %" PRId32 " %" PRId32 " last %" PRId32 " hash %08" PRIx32 " heap sort %s\n", a[0], a[1],
	       a[2], a[N - 1], hash_i32(a, N), memcmp(a, b, sizeof a) ? "DIFFERS" : "agrees");
	int found = 0, missing = 0;
	for (int32_t k = -10000; k < 10000; k += 7) {
		int32_t *p = bsearch(&k, a, N, sizeof a[0], cmp_i32);
		if (p) {
			found++;
			if (*p != k)
				printf("bsearch returned %" PRId32 " for %" PRId32 "\n", *p, k);
		} else {
			missing++;
		}
	}
	printf("bsearch: %d found, %d missing\n", found, missing);
	/* Already sorted, reversed, all equal: the corner cases of sorts. */
	qsort(a, N, sizeof a[0], cmp_i32);
	for (int i = 0; i < N; i++)
		b[i] = a[N - 1 - i];
	qsort(b, N, sizeof b[0], cmp_i32);
	printf("sorted again %s, reversed %s\n", hash_i32(a, N) == hash_i32(b, N) ? "same" : "DIFFERS",
	       memcmp(a, b, sizeof a) ? "DIFFERS" : "same");
	for (int i = 0; i < 1000; i++)
		b[i] = 7;
	qsort(b, 1000, sizeof b[0], cmp_i32);
	qsort(b, 0, sizeof b[0], cmp_i32);
	qsort(b, 1, sizeof b[0], cmp_i32);
	printf("equal: %" PRId32 " %" PRId32 "\n", b[0], b[999]);

	static uint64_t w[3000];
	for (int i = 0; i < 3000; i++)
		w[i] = (uint64_t)rnd(&s) << 40 ^ (uint64_t)rnd(&s) << 16 ^ rnd(&s);
	qsort(w, 3000, sizeof w[0], cmp_u64_desc);
	printf("u64 descending: %016" PRIx64 " %016" PRIx64 " ... %016" PRIx64 "\n", w[0], w[1], w[2999]);

	static char words[500][12];
	static char *ptrs[500];
	for (int i = 0; i < 500; i++) {
		int len = 1 + (int)(rnd(&s) % 10);
		for (int j = 0; j < len; j++)
			words[i][j] = (char)('a' + rnd(&s) % 6);
		words[i][len] = 0;
		ptrs[i] = words[i];
	}
	qsort(ptrs, 500, sizeof ptrs[0], cmp_str);
	printf("strings:");
	for (int i = 0; i < 500; i += 50)
		printf(" %s", ptrs[i]);
	printf("\n");
	const char *key = ptrs[123];
	char **hit = bsearch(&key, ptrs, 500, sizeof ptrs[0], cmp_str);
	const char *absent = "zzz";
	printf("bsearch string '%s': %s; 'zzz': %s\n", key, hit && strcmp(*hit, key) == 0 ? "found" : "MISSING",
	       bsearch(&absent, ptrs, 500, sizeof ptrs[0], cmp_str) ? "FOUND" : "absent");

	static struct record r[700];
	for (int i = 0; i < 700; i++) {
		snprintf(r[i].name, sizeof r[i].name, "player%03" PRIu32, rnd(&s) % 97);
		r[i].score = (int32_t)(rnd(&s) % 30);
		r[i].id = (uint32_t)i;
		r[i].weight = r[i].score * 0.5 + i;
	}
	qsort(r, 700, sizeof r[0], cmp_record);
	for (int i = 0; i < 700; i += 100)
		printf("record %d: %s %" PRId32 " %" PRIu32 " %.1f\n", i, r[i].name, r[i].score, r[i].id, r[i].weight);
	struct record probe = r[321];
	struct record *rp = bsearch(&probe, r, 700, sizeof r[0], cmp_record);
	printf("bsearch record: index %d\n", rp ? (int)(rp - r) : -1);
	return 0;
}
