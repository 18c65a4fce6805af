/* strings.c - the string.h and stdlib.h string functions (libc's
 * optimized versions: SSE2/AVX2 on amd64, i686 variants on i386, musl's C)
 * on buffers of every alignment and length, and snprintf with many
 * formats. Sizes are printed as fixed-width types, so the output is the
 * same for -m32 and -m64. */
#include <ctype.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t fnv(const void *p, size_t n)
{
	const unsigned char *c = p;
	uint32_t h = 2166136261u;
	while (n--)
		h = (h ^ *c++) * 16777619u;
	return h;
}

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

/* Every alignment and length around the 16/32/64-byte blocks of the
 * vectorized implementations, with the terminator or the difference
 * at each position. */
static void sweep(void)
{
	static char a[256], b[256];
	uint32_t h = 0;
	for (unsigned off = 0; off < 17; off++) {
		for (unsigned len = 0; len < 80; len++) {
			memset(a, 'x', sizeof a);
			memset(b, 'x', sizeof b);
			for (unsigned i = 0; i < len; i++)
				a[off + i] = b[off + (i * 7) % 64 + 1] = (char)('a' + (i * 11 + off) % 26);
			a[off + len] = 0;
			h = h * 31 + (uint32_t)strlen(a + off);
			h = h * 31 + (uint32_t)strnlen(a + off, len / 2);
			memcpy(b + 100 - off % 3, a + off, len + 1);
			h = h * 31 + (uint32_t)sign(strcmp(a + off, b + 100 - off % 3));
			if (len > 0) {
				b[100 - off % 3 + len / 2] ^= 1;
				h = h * 31 + (uint32_t)sign(strcmp(a + off, b + 100 - off % 3));
				h = h * 31 + (uint32_t)sign(memcmp(a + off, b + 100 - off % 3, len));
				h = h * 31 + (uint32_t)sign(strncmp(a + off, b + 100 - off % 3, len / 2));
				const char *c = strchr(a + off, a[off + len - 1]);
				h = h * 31 + (uint32_t)(c ? c - (a + off) : -1);
				c = memchr(a + off, a[off + len / 2], len);
				h = h * 31 + (uint32_t)(c ? c - (a + off) : -1);
				c = strrchr(a + off, a[off]);
				h = h * 31 + (uint32_t)(c ? c - (a + off) : -1);
			}
			memmove(a + off + 3, a + off, len);
			h ^= fnv(a, sizeof a);
			memmove(a + off, a + off + 5, len);
			h ^= fnv(a, sizeof a);
		}
	}
	printf("sweep: %08" PRIx32 "\n", h);
}

static void functions(void)
{
	char buf[128], *save, *tok;
	const char *volatile word = ",three,four"; /* hidden from -Wstringop-truncation */
	printf("strlen %" PRIu32 " strcmp %d %d %d strncmp %d\n", (uint32_t)strlen("hello, world"),
	       sign(strcmp("abc", "abd")), sign(strcmp("b", "abc")), strcmp("same", "same"), strncmp("abcdef", "abcxyz", 3));
	printf("strcasecmp %d strncasecmp %d\n", sign(strcasecmp("HeLLo", "hello")), sign(strncasecmp("ABCx", "abcy", 4)));
	strcpy(buf, "one");
	strcat(buf, ",two");
	strncat(buf, word, 6);
	printf("strcpy/strcat: '%s'\n", buf);
	memset(buf, '#', 10);
	strncpy(buf, "ab", 6);
	printf("strncpy pads: %d %d %d %c\n", buf[2], buf[5], buf[6] == '#', buf[0]);
	const char *hay = "the quick brown fox jumps over the lazy dog";
	printf("strstr '%s' strchr '%s' strrchr '%s' strpbrk '%s'\n", strstr(hay, "fox"), strchr(hay, 'j'), strrchr(hay, 't'),
	       strpbrk(hay, "xyz"));
	printf("strstr miss %d, empty needle %d\n", strstr(hay, "cat") == NULL, strstr(hay, "") == hay);
	printf("strspn %" PRIu32 " strcspn %" PRIu32 "\n", (uint32_t)strspn(hay, "the qk"), (uint32_t)strcspn(hay, "xyz"));
	strcpy(buf, "  alpha, beta;gamma ,,delta  ");
	for (tok = strtok_r(buf, " ,;", &save); tok; tok = strtok_r(NULL, " ,;", &save))
		printf("token '%s'\n", tok);
	char *dup = strdup(hay);
	for (char *p = dup; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	printf("toupper: %s\n", dup);
	free(dup);
	dup = strndup(hay, 9);
	printf("strndup: '%s'\n", dup);
	free(dup);
	memcpy(buf, "0123456789", 11);
	memmove(buf + 2, buf, 8);
	printf("memmove up: %s\n", buf);
	memmove(buf, buf + 3, 7);
	printf("memmove down: %s\n", buf);

	/* Number parsing. */
	const char *nums[] = {"12345", "-42", "0x1fZ", "0777", "  +9", "99999999999999999999", "-0", "abc", "1e3"};
	for (unsigned i = 0; i < sizeof nums / sizeof nums[0]; i++) {
		char *end;
		long long v = strtoll(nums[i], &end, 0);
		unsigned long long u = strtoull(nums[i], NULL, 10);
		printf("strtoll('%s') = %lld end +%d; strtoull %llu; atoll %lld; strtoll base 36 %" PRId32 "\n", nums[i], v,
		       (int)(end - nums[i]), u, atoll(nums[i]), (int32_t)strtoll(nums[i], NULL, 36));
	}
	printf("strtod: %.17g %.17g %.17g %a\n", strtod("3.14159", NULL), strtod("-1e-300", NULL), strtod("0x1.8p3", NULL),
	       strtod("0.1", NULL));
}

static void formats(void)
{
	char buf[512];
	int n;
	n = snprintf(buf, sizeof buf, "[%d|%i|%u|%x|%X|%o|%c|%s|%%]", -17, 42, 3000000000u, 0xbeefu, 0xcafeu, 8u, 'Q', "str");
	printf("%s (%d)\n", buf, n);
	n = snprintf(buf, sizeof buf, "[%5d|%-5d|%05d|%+d|% d|%+.3d|%.0d|%#x|%#o|%#X]", 42, 42, 42, 42, 42, 7, 0, 255u, 8u,
	             255u);
	printf("%s (%d)\n", buf, n);
	n = snprintf(buf, sizeof buf, "[%10s|%-10s|%.2s|%*d|%-*d|%.*s]", "right", "left", "truncate", 6, 1, 6, 2, 3, "abcdef");
	printf("%s (%d)\n", buf, n);
	n = snprintf(buf, sizeof buf, "[%hhd|%hhu|%hd|%hu|%lld|%llu|%llx]", 300, 300, 70000, 70000, -9000000000000000000ll,
	             18000000000000000000ull, 0xfedcba9876543210ull);
	printf("%s (%d)\n", buf, n);
	n = snprintf(buf, sizeof buf, "[%" PRId64 "|%" PRIu64 "|%" PRIx64 "|%" PRIi32 "|%" PRIu16 "|%jd|%zu|%td]",
	             INT64_MIN, UINT64_MAX, (uint64_t)0x123456789ull, INT32_MIN, (uint16_t)65535, (intmax_t)-1, (size_t)123,
	             (ptrdiff_t)-5);
	printf("%s (%d)\n", buf, n);
	n = snprintf(buf, sizeof buf, "[%f|%.2f|%10.4f|%-10.1f|%e|%.3E|%g|%G|%g|%g]", 3.14159265358979, -2.5, 1.0 / 3, 99.95,
	             123456.789, 0.000123456, 1e-5, 1e20, 100000.0, 1234567.0);
	printf("%s (%d)\n", buf, n);
	n = snprintf(buf, sizeof buf, "[%a|%A|%.3a|%a|%a|%.1f|%.0f|%.0f|%.0f]", 1.0, -0.1, 3.14159, 0.0, -0.0, 0.25, 0.5,
	             1.5, 2.5);
	printf("%s (%d)\n", buf, n);
	volatile double zero = 0.0;
	n = snprintf(buf, sizeof buf, "[%f|%f|%e|%g|%g|%5.1f|%-8g|%+g|%#g|%#.0f]", 1.0 / zero, -1.0 / zero, 1e308 * (10 + zero),
	             zero / zero, -(zero / zero), 9.96, 1.5, 0.0, 1.0, 3.0);
	printf("%s (%d)\n", buf, n);
	int pos = 0;
	n = snprintf(buf, sizeof buf, "abc%ndef", &pos);
	printf("%%n: %d, total %d\n", pos, n);
	/* Truncation: the return value is the length it would have had. */
	char small[8];
	const char *volatile word = "truncated"; /* hidden from -Wformat-truncation */
	n = snprintf(small, sizeof small, "%s-%d", word, 12345);
	printf("truncated '%s' would be %d\n", small, n);
	n = snprintf(NULL, 0, "%0*d", 300, 1);
	printf("length only %d\n", n);
	for (int i = 0; i < 5; i++) {
		double v = (i * 37 % 11 - 5) * 1234.5678 / (i + 1);
		printf("row %d: %-8.3f|%12.5e|%08.2f|%x\n", i, v, v, v, (unsigned)(i * 0x1234567u));
	}
}

int main(void)
{
	functions();
	formats();
	sweep();
	return 0;
}
