/* decode_bench.c - decoding throughput of x86_decode() against Zydis 4.0
 * (make bench; build/decode-bench [--rounds N] [ELF-FILE...]).
 *
 * Workload: the code sections (SHF_EXECINSTR) of real 64-bit programs,
 * /bin/bash and the host's libc by default, decoded by a linear sweep (the
 * instruction's length when it decodes, one byte when it does not). Three
 * decoders do the same sweep, one after the other in each round:
 *   ours          x86_decode(): form, operands, prefixes
 *   zydis-full    ZydisDecoderDecodeFull(): instruction and all operands
 *   zydis-insn    ZydisDecoderDecodeInstruction(): no operands
 * Time is CLOCK_MONOTONIC around each whole sweep; each figure is the
 * median of the rounds (default 7), in decoded instructions per second.
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <Zydis/Zydis.h>

#include "decoder/x86_decode.h"
#include "elf/elf.h"

struct chunk {
	const uint8_t *p;
	size_t n;
};

static struct chunk chunks[256];
static size_t nchunks, total_bytes;
static ZydisDecoder zdec;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static volatile uint64_t sink;

static uint64_t sweep_ours(void)
{
	uint64_t count = 0, sum = 0;
	struct x86_insn in;
	for (size_t c = 0; c < nchunks; c++) {
		const uint8_t *p = chunks[c].p;
		size_t n = chunks[c].n, off = 0;
		while (off < n) {
			int st = x86_decode(p + off, n - off, X86_MODE_64, &in);
			if (st > 0) {
				off += (size_t)st;
				sum += in.form + in.noperands;
				count++;
			} else {
				off++;
			}
		}
	}
	sink += sum;
	return count;
}

static uint64_t sweep_zydis_full(void)
{
	uint64_t count = 0, sum = 0;
	ZydisDecodedInstruction zi;
	ZydisDecodedOperand zo[ZYDIS_MAX_OPERAND_COUNT];
	for (size_t c = 0; c < nchunks; c++) {
		const uint8_t *p = chunks[c].p;
		size_t n = chunks[c].n, off = 0;
		while (off < n) {
			if (ZYAN_SUCCESS(ZydisDecoderDecodeFull(&zdec, p + off, n - off, &zi, zo))) {
				off += zi.length;
				sum += zi.mnemonic + zi.operand_count;
				count++;
			} else {
				off++;
			}
		}
	}
	sink += sum;
	return count;
}

static uint64_t sweep_zydis_insn(void)
{
	uint64_t count = 0, sum = 0;
	ZydisDecodedInstruction zi;
	for (size_t c = 0; c < nchunks; c++) {
		const uint8_t *p = chunks[c].p;
		size_t n = chunks[c].n, off = 0;
		while (off < n) {
			if (ZYAN_SUCCESS(ZydisDecoderDecodeInstruction(&zdec, NULL, p + off, n - off, &zi))) {
				off += zi.length;
				sum += zi.mnemonic;
				count++;
			} else {
				off++;
			}
		}
	}
	sink += sum;
	return count;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

#define MAX_ROUNDS 101

int main(int argc, char **argv)
{
	int rounds = 7;
	const char *files[32];
	int nfiles = 0;
	static struct elf_file elfs[32];

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--rounds") && i + 1 < argc) {
			rounds = atoi(argv[++i]);
			if (rounds < 1 || rounds > MAX_ROUNDS)
				rounds = 7;
		} else if (nfiles < 32) {
			files[nfiles++] = argv[i];
		}
	}
	if (!nfiles) {
		files[nfiles++] = "/bin/bash";
		files[nfiles++] = "/lib/x86_64-linux-gnu/libc.so.6";
	}
	for (int f = 0; f < nfiles; f++) {
		if (elf_open(files[f], &elfs[f]) != 0) {
			fprintf(stderr, "decode-bench: %s: %s\n", files[f], elfs[f].error);
			return 1;
		}
		if (elfs[f].bits != 64) {
			fprintf(stderr, "decode-bench: %s: not a 64-bit ELF file\n", files[f]);
			return 1;
		}
		for (size_t s = 0; s < elfs[f].nsections && nchunks < 256; s++) {
			const struct elf_section *sec = &elfs[f].sections[s];
			if (!elf_section_is_code(sec) || !sec->data)
				continue;
			chunks[nchunks].p = sec->data;
			chunks[nchunks].n = (size_t)sec->size;
			nchunks++;
			total_bytes += (size_t)sec->size;
		}
	}
	ZydisDecoderInit(&zdec, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64);

	static const char *const names[3] = { "ours (x86_decode)", "zydis full (DecodeFull)", "zydis insn only" };
	uint64_t (*const fns[3])(void) = { sweep_ours, sweep_zydis_full, sweep_zydis_insn };
	double times[3][MAX_ROUNDS];
	uint64_t counts[3] = { 0, 0, 0 };

	printf("decode-bench: %zu code sections, %zu bytes, from", nchunks, total_bytes);
	for (int f = 0; f < nfiles; f++)
		printf(" %s", files[f]);
	printf("\n%d rounds, 64-bit mode, linear sweep, CLOCK_MONOTONIC, median\n", rounds);
	for (int d = 0; d < 3; d++)
		counts[d] = fns[d](); /* warm-up: caches, page faults */
	for (int r = 0; r < rounds; r++) {
		for (int d = 0; d < 3; d++) {
			double t0 = now();
			uint64_t c = fns[d]();
			times[d][r] = now() - t0;
			counts[d] = c;
		}
	}
	double median[3];
	for (int d = 0; d < 3; d++) {
		qsort(times[d], (size_t)rounds, sizeof(double), cmp_double);
		median[d] = times[d][rounds / 2];
	}
	for (int d = 0; d < 3; d++) {
		double ips = (double)counts[d] / median[d];
		printf("  %-26s %10" PRIu64 " insns  %8.3f ms  %8.2f M insn/s  %6.1f ns/insn  (min %.3f ms, max %.3f ms)\n",
		       names[d], counts[d], median[d] * 1e3, ips / 1e6, 1e9 / ips, times[d][0] * 1e3,
		       times[d][rounds - 1] * 1e3);
	}
	double ours = (double)counts[0] / median[0];
	printf("  ratio ours / zydis full: %.2fx   ours / zydis insn only: %.2fx  (> 1 means ours is faster)\n",
	       ours / ((double)counts[1] / median[1]), ours / ((double)counts[2] / median[2]));
	for (int f = 0; f < nfiles; f++)
		elf_close(&elfs[f]);
	return 0;
}
