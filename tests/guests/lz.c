/* lz.c - a compression round trip: LZ77 with a hash-chain match finder
 * (32 KiB window, lengths 3-258 as in DEFLATE), its tokens then coded
 * with canonical Huffman codes built from their frequencies (lengths
 * limited to 15 bits), the bit stream decoded, the LZ77 tokens expanded,
 * and the result compared with the input. Inputs: generated text with
 * repetition, a run of one byte, and pseudo-random bytes. Prints the
 * sizes and checksums. The output is the same for -m32 and -m64. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { WINDOW = 32768, MIN_MATCH = 3, MAX_MATCH = 258, HASH_BITS = 13, CHAIN = 32, MAX_BITS = 15 };

/* A token: a literal (len 0) or a (length, distance) match. */
struct token {
	uint16_t len;
	uint16_t dist; /* or the literal byte */
};

static uint32_t adler32(const uint8_t *p, size_t n)
{
	uint32_t a = 1, b = 0;
	for (size_t i = 0; i < n; i++) {
		a = (a + p[i]) % 65521;
		b = (b + a) % 65521;
	}
	return b << 16 | a;
}

static unsigned hash3(const uint8_t *p)
{
	return ((unsigned)p[0] << 10 ^ (unsigned)p[1] << 5 ^ p[2]) & ((1u << HASH_BITS) - 1);
}

static size_t lz77(const uint8_t *in, size_t n, struct token *out)
{
	int32_t *head = malloc(sizeof(int32_t) << HASH_BITS), *prev = malloc(sizeof(int32_t) * n);
	for (unsigned i = 0; i < 1u << HASH_BITS; i++)
		head[i] = -1;
	size_t nt = 0, i = 0;
	while (i < n) {
		size_t best = 0, best_dist = 0;
		if (i + MIN_MATCH <= n) {
			unsigned h = hash3(in + i);
			int chain = CHAIN;
			for (int32_t c = head[h]; c >= 0 && i - (size_t)c <= WINDOW && chain-- > 0; c = prev[c]) {
				size_t l = 0, max = n - i < MAX_MATCH ? n - i : MAX_MATCH;
				while (l < max && in[c + l] == in[i + l])
					l++;
				if (l > best) {
					best = l;
					best_dist = i - (size_t)c;
				}
			}
		}
		size_t step = best >= MIN_MATCH ? best : 1;
		if (best >= MIN_MATCH)
			out[nt++] = (struct token){(uint16_t)best, (uint16_t)best_dist};
		else
			out[nt++] = (struct token){0, in[i]};
		for (size_t k = 0; k < step && i + k + MIN_MATCH <= n; k++) {
			unsigned h = hash3(in + i + k);
			prev[i + k] = head[h];
			head[h] = (int32_t)(i + k);
		}
		i += step;
	}
	free(head);
	free(prev);
	return nt;
}

/* Symbols: 0-255 literals, 256+ match lengths (len - 3), then the
 * distance is sent as 15 raw bits. */
enum { NSYM = 256 + MAX_MATCH - MIN_MATCH + 1 };

struct bits {
	uint8_t *buf;
	size_t pos; /* in bits */
};

static void put(struct bits *b, uint32_t v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		if (v >> i & 1)
			b->buf[b->pos >> 3] |= (uint8_t)(0x80 >> (b->pos & 7));
		b->pos++;
	}
}

static uint32_t get(struct bits *b, int n)
{
	uint32_t v = 0;
	for (int i = 0; i < n; i++, b->pos++)
		v = v << 1 | (b->buf[b->pos >> 3] >> (7 - (b->pos & 7)) & 1);
	return v;
}

struct node {
	uint64_t weight;
	int sym; /* -1 for inner nodes */
	int left, right;
};

/* Huffman code lengths from frequencies; when a length exceeds MAX_BITS,
 * the frequencies are flattened and the tree built again. */
static void code_lengths(const uint64_t *freq, uint8_t *len)
{
	static struct node nodes[2 * NSYM];
	uint64_t f[NSYM];
	memcpy(f, freq, sizeof f);
	for (;;) {
		int nn = 0, live[NSYM], nlive = 0;
		for (int s = 0; s < NSYM; s++) {
			len[s] = 0;
			if (f[s]) {
				nodes[nn] = (struct node){f[s], s, -1, -1};
				live[nlive++] = nn++;
			}
		}
		if (nn == 0)
			return;
		if (nlive == 1)
			len[nodes[0].sym] = 1;
		while (nlive > 1) {
			/* The two lightest, ties broken by index: deterministic. */
			int a = 0, b = 1;
			if (nodes[live[b]].weight < nodes[live[a]].weight)
				a = 1, b = 0;
			for (int i = 2; i < nlive; i++) {
				if (nodes[live[i]].weight < nodes[live[a]].weight)
					b = a, a = i;
				else if (nodes[live[i]].weight < nodes[live[b]].weight)
					b = i;
			}
			nodes[nn] = (struct node){nodes[live[a]].weight + nodes[live[b]].weight, -1, live[a], live[b]};
			int hi = a > b ? a : b, lo = a < b ? a : b;
			live[lo] = nn++;
			live[hi] = live[--nlive];
		}
		/* Depths by walking down from the root (the last node). */
		int depth[2 * NSYM], too_long = 0;
		depth[nn - 1] = 0;
		for (int i = nn - 1; i >= 0; i--) {
			if (nodes[i].sym >= 0) {
				if (nlive == 1 && nn > 1)
					len[nodes[i].sym] = (uint8_t)depth[i];
				too_long |= depth[i] > MAX_BITS;
			} else {
				depth[nodes[i].left] = depth[nodes[i].right] = depth[i] + 1;
			}
		}
		if (!too_long)
			return;
		for (int s = 0; s < NSYM; s++)
			if (f[s])
				f[s] = f[s] / 2 + 1;
	}
}

/* Canonical codes (RFC 1951 section 3.2.2). */
static void canonical(const uint8_t *len, uint32_t *code)
{
	uint32_t count[MAX_BITS + 1] = {0}, next[MAX_BITS + 2];
	for (int s = 0; s < NSYM; s++)
		count[len[s]]++;
	count[0] = 0;
	uint32_t c = 0;
	for (int bits = 1; bits <= MAX_BITS + 1; bits++) {
		c = (c + count[bits - 1]) << 1;
		next[bits] = c;
	}
	for (int s = 0; s < NSYM; s++)
		if (len[s])
			code[s] = next[len[s]]++;
}

static int sym_of(struct token t)
{
	return t.len ? 256 + t.len - MIN_MATCH : t.dist;
}

static void round_trip(const char *name, const uint8_t *in, size_t n)
{
	struct token *tok = malloc(sizeof *tok * (n + 1));
	size_t nt = lz77(in, n, tok);
	uint64_t freq[NSYM] = {0};
	for (size_t i = 0; i < nt; i++)
		freq[sym_of(tok[i])]++;
	uint8_t len[NSYM];
	uint32_t code[NSYM];
	code_lengths(freq, len);
	canonical(len, code);
	int maxlen = 0;
	for (int s = 0; s < NSYM; s++)
		maxlen = len[s] > maxlen ? len[s] : maxlen;

	/* Header: the code lengths, 4 bits each; then the tokens. */
	struct bits w = {calloc(n * 3 + NSYM, 1), 0};
	for (int s = 0; s < NSYM; s++)
		put(&w, len[s], 4);
	for (size_t i = 0; i < nt; i++) {
		int s = sym_of(tok[i]);
		put(&w, code[s], len[s]);
		if (tok[i].len)
			put(&w, tok[i].dist, 15);
	}
	size_t packed = (w.pos + 7) / 8;

	/* Decode: lengths, canonical codes, then symbol by symbol. */
	struct bits r = {w.buf, 0};
	uint8_t rlen[NSYM];
	for (int s = 0; s < NSYM; s++)
		rlen[s] = (uint8_t)get(&r, 4);
	/* Symbols ordered by (length, value): canonical codes of one length
	 * are consecutive, so a code is found by counting (RFC 1951 3.2.2). */
	uint16_t count[MAX_BITS + 1] = {0}, order[NSYM];
	int no = 0;
	for (int l = 1; l <= MAX_BITS; l++)
		for (int k = 0; k < NSYM; k++)
			if (rlen[k] == l) {
				count[l]++;
				order[no++] = (uint16_t)k;
			}
	uint8_t *outp = malloc(n + 1);
	size_t o = 0, bad = 0;
	while (o < n) {
		int32_t c = 0, first = 0, index = 0, s = -1;
		for (int l = 1; l <= MAX_BITS; l++) {
			c |= (int32_t)get(&r, 1);
			if (c - first < count[l]) {
				s = order[index + c - first];
				break;
			}
			index += count[l];
			first = (first + count[l]) << 1;
			c <<= 1;
		}
		if (s < 0) {
			bad++;
			break;
		}
		if (s < 256) {
			outp[o++] = (uint8_t)s;
		} else {
			size_t l = (size_t)(s - 256 + MIN_MATCH), d = get(&r, 15);
			if (d == 0 || d > o || o + l > n) {
				bad++;
				break;
			}
			for (size_t k = 0; k < l; k++, o++)
				outp[o] = outp[o - d];
		}
	}
	printf("%-8s %7" PRIu32 " bytes -> %6" PRIu32 " tokens -> %7" PRIu32 " bytes (max code %2d bits), adler32 %08" PRIx32
	       " -> %08" PRIx32 ", round trip %s\n",
	       name, (uint32_t)n, (uint32_t)nt, (uint32_t)packed, maxlen, adler32(in, n), adler32(outp, o),
	       !bad && o == n && memcmp(in, outp, n) == 0 ? "ok" : "FAILED");
	free(outp);
	free(w.buf);
	free(tok);
}

int main(void)
{
	enum { N = 16000 };
	static uint8_t text[N], runs[N], noise[N];
	static const char *words[] = {"the ", "micro", "op ", "simulator ", "decodes ", "x86 ", "instructions ",
	                              "and ", "runs ", "them, ", "one ", "by ", "one.\n", "Linux ", "programs "};
	uint32_t s = 7;
	size_t n = 0;
	while (n < N) {
		s = s * 1103515245u + 12345u;
		const char *wd = words[(s >> 16) % 15];
		for (size_t k = 0; wd[k] && n < N; k++)
			text[n++] = (uint8_t)wd[k];
	}
	memset(runs, 'z', N);
	for (size_t i = 0; i < N; i += 1000)
		runs[i] = (uint8_t)('a' + i / 1000 % 26);
	for (size_t i = 0; i < N; i++) {
		s ^= s << 13;
		s ^= s >> 17;
		s ^= s << 5;
		noise[i] = (uint8_t)s;
	}
	round_trip("text", text, N);
	round_trip("runs", runs, N);
	round_trip("noise", noise, N / 4);
	round_trip("empty", text, 0);
	round_trip("one", text, 1);
	return 0;
}
