/* demo.c - the bundled guest program of `make demo`: a little of
 * everything a compiler emits (integer arithmetic, loops, calls, floating
 * point, string functions). */
#include <stdio.h>
#include <string.h>

static unsigned fnv1a(const char *s)
{
	unsigned h = 2166136261u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static double harmonic(int n)
{
	double sum = 0;
	for (int i = 1; i <= n; i++)
		sum += 1.0 / i;
	return sum;
}

int main(int argc, char **argv)
{
	const char *word = argc > 1 ? argv[1] : "uopsim";
	char buf[64];
	snprintf(buf, sizeof buf, "%s-%zu", word, strlen(word));
	printf("fnv1a(%s) = %08x\n", buf, fnv1a(buf));
	printf("H(1000) = %.12f\n", harmonic(1000));
	return 0;
}
