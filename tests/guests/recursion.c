/* recursion.c - deep and branchy recursion: Ackermann's function, the
 * towers of Hanoi, N queens by backtracking, mutual recursion, a
 * recursive-descent expression parser, and a 100,000-deep chain of calls
 * that keeps every frame live (a guest stack of several megabytes). The
 * output is the same for -m32 and -m64. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t calls;

static uint32_t ackermann(uint32_t m, uint32_t n)
{
	calls++;
	if (m == 0)
		return n + 1;
	if (n == 0)
		return ackermann(m - 1, 1);
	return ackermann(m - 1, ackermann(m, n - 1));
}

struct hanoi {
	uint32_t moves;
	uint32_t checksum;
	uint8_t height[3];
};

static void hanoi(struct hanoi *h, int n, int from, int to, int via)
{
	if (n == 0)
		return;
	hanoi(h, n - 1, from, via, to);
	h->moves++;
	h->height[from]--;
	h->height[to]++;
	h->checksum = h->checksum * 31 + (uint32_t)(n * 9 + from * 3 + to);
	hanoi(h, n - 1, via, to, from);
}

static int queens(int n, int row, uint32_t cols, uint32_t d1, uint32_t d2)
{
	if (row == n)
		return 1;
	int count = 0;
	for (uint32_t avail = ~(cols | d1 | d2) & ((1u << n) - 1); avail; avail &= avail - 1) {
		uint32_t bit = avail & -avail;
		count += queens(n, row + 1, cols | bit, (d1 | bit) << 1, (d2 | bit) >> 1);
	}
	return count;
}

static int is_odd(unsigned n);

static int is_even(unsigned n)
{
	return n == 0 ? 1 : is_odd(n - 1);
}

static int is_odd(unsigned n)
{
	return n == 0 ? 0 : is_even(n - 1);
}

/* expr := term (('+'|'-') term)*; term := factor (('*'|'/'|'%') factor)*;
 * factor := number | '-' factor | '(' expr ')' */
struct parser {
	const char *p;
	int error;
};

static int64_t expr(struct parser *ps);

static int64_t factor(struct parser *ps)
{
	while (*ps->p == ' ')
		ps->p++;
	if (*ps->p == '-') {
		ps->p++;
		return -factor(ps);
	}
	if (*ps->p == '(') {
		ps->p++;
		int64_t v = expr(ps);
		if (*ps->p++ != ')')
			ps->error = 1;
		return v;
	}
	int64_t v = 0;
	if (*ps->p < '0' || *ps->p > '9')
		ps->error = 1;
	while (*ps->p >= '0' && *ps->p <= '9')
		v = v * 10 + (*ps->p++ - '0');
	return v;
}

static int64_t term(struct parser *ps)
{
	int64_t v = factor(ps);
	for (;;) {
		while (*ps->p == ' ')
			ps->p++;
		char op = *ps->p;
		if (op != '*' && op != '/' && op != '%')
			return v;
		ps->p++;
		int64_t r = factor(ps);
		if (op == '*')
			v *= r;
		else if (r == 0)
			ps->error = 1;
		else
			v = op == '/' ? v / r : v % r;
	}
}

static int64_t expr(struct parser *ps)
{
	int64_t v = term(ps);
	for (;;) {
		while (*ps->p == ' ')
			ps->p++;
		if (*ps->p == '+')
			ps->p++, v += term(ps);
		else if (*ps->p == '-')
			ps->p++, v -= term(ps);
		else
			return v;
	}
}

/* Every frame stays live: the sum is computed on the way back up. */
static uint64_t chain(uint32_t n, volatile uint32_t *sink)
{
	volatile uint32_t local[4] = {n, n * 3, n ^ 0x5a5a, n + 7};
	if (n == 0)
		return 0;
	uint64_t below = chain(n - 1, sink);
	*sink += local[1];
	return below + local[0] + local[2] - local[3];
}

static uint64_t fib(uint32_t n)
{
	return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int main(void)
{
	for (uint32_t m = 0; m <= 3; m++) {
		printf("ackermann(%" PRIu32 ", n):", m);
		for (uint32_t n = 0; n <= (m == 3 ? 6u : 5u); n++) {
			calls = 0;
			uint32_t a = ackermann(m, n);
			printf(" %" PRIu32 "/%" PRIu64, a, calls);
		}
		printf("\n");
	}
	for (int n = 1; n <= 16; n += 15) {
		struct hanoi h = {0, 0, {(uint8_t)n, 0, 0}};
		hanoi(&h, n, 0, 2, 1);
		printf("hanoi(%d): %" PRIu32 " moves, checksum %08" PRIx32 ", heights %d %d %d\n", n, h.moves, h.checksum,
		       h.height[0], h.height[1], h.height[2]);
	}
	printf("queens:");
	for (int n = 1; n <= 10; n++)
		printf(" %d", queens(n, 0, 0, 0, 0));
	printf("\n");
	printf("even(10001) %d odd(7777) %d\n", is_even(10001), is_odd(7777));
	static const char *exprs[] = {"1 + 2 * 3", "(1 + 2) * 3", "-(4 - 10) * -(2 + 3) % 7", "100 / 7 / 2",
	                              "((((((((((42))))))))))", "2 * (3 + 4 * (5 - 6 * (7 + 8)))", "1 +", "9 / (3 - 3)"};
	for (unsigned i = 0; i < sizeof exprs / sizeof exprs[0]; i++) {
		struct parser ps = {exprs[i], 0};
		int64_t v = expr(&ps);
		if (ps.error || *ps.p)
			printf("%s = error\n", exprs[i]);
		else
			printf("%s = %" PRId64 "\n", exprs[i], v);
	}
	volatile uint32_t sink = 0;
	uint64_t c = chain(100000, &sink);
	printf("chain(100000) = %" PRIu64 ", sink %" PRIu32 "\n", c, sink);
	printf("fib(22) = %" PRIu64 "\n", fib(22));
	return 0;
}
