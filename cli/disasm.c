/* disasm.c - `uopsim disasm`: decodes a file and prints one line per
 * instruction, in the layout of GNU objdump -d -M intel (binutils 2.40), so
 * that the two can be compared line by line (tests/run-integration.sh):
 *
 *   FILE:     file format elf64-x86-64
 *
 *   Disassembly of section .text:
 *
 *   0000000000401000 <.text>:
 *     401000:	48 89 e5             	mov    rbp,rsp
 *
 * Like objdump, runs of zero bytes (8 or more, or fewer than 3 at the end
 * of a section) are shown as "\t..." unless --disassemble-zeroes is given,
 * instructions longer than 7 bytes continue their bytes on a second line,
 * and bytes that do not decode print as "(bad)". Where objdump's lines are not
 * one instruction each (a REX prefix before another prefix, FWAIT before an
 * x87 instruction), x86_disasm_line() follows objdump.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "decoder/x86_decode.h"
#include "decoder/x86_format.h"
#include "elf/elf.h"
#include "uops/uop.h"

#define BYTES_PER_LINE 7 /* objdump's octets per line for x86 */
#define SKIP_ZEROES 8
#define SKIP_ZEROES_AT_END 3

struct disasm_stats {
	uint64_t instructions, bytes, undecodable, cracked, uops;
	uint64_t *per_form;            /* [X86_FORM_COUNT] */
	uint64_t per_unit[UNIT_COUNT]; /* micro-ops by functional-unit class */
};

struct disasm_opts {
	enum x86_mode mode;
	int mode_given;
	int raw;
	uint64_t base;
	int show_bytes;
	int zeroes;
	int uops;                   /* --uops: micro-ops under each instruction */
	struct disasm_stats *stats; /* --stats */
};

static void usage(FILE *out)
{
	fprintf(out, "usage: uopsim disasm [--mode 16|32|64] [--raw] [--base ADDR] [--no-show-raw-insn]\n"
	             "                     [--disassemble-zeroes] [--uops] [--stats] FILE\n"
	             "\n"
	             "Disassembles FILE in Intel syntax, in the layout of objdump -d -M intel.\n"
	             "\n"
	             "  FILE                   an ELF file (32- or 64-bit x86): every executable\n"
	             "                         section is disassembled\n"
	             "  --raw                  FILE is raw machine code, not an ELF file\n"
	             "  --mode 16|32|64        processor mode for --raw (default 64); with an ELF\n"
	             "                         file, overrides the mode its class implies\n"
	             "  --base ADDR            address of the first byte with --raw (default 0)\n"
	             "  --no-show-raw-insn     do not print the instruction bytes\n"
	             "  -z, --disassemble-zeroes  decode runs of zero bytes instead of printing ...\n"
	             "  --uops                 print each instruction's micro-ops under it\n"
	             "  --stats                print decoding and cracking statistics to stderr\n"
	             "                         at the end (instructions, micro-ops per\n"
	             "                         instruction, most frequent mnemonics, units)\n"
	             "  -h, --help             show this help\n");
}

/* Width of the address column: objdump prints the address with as many
 * hex digits as the ELF class gives (8 or 16), drops leading zeros in
 * groups of four (keeping at least one, judged on the section's end
 * address), then blanks the remaining leading zeros. */
static unsigned address_skip(uint64_t end, unsigned digits, uint64_t vma)
{
	char buf[32];
	unsigned skip = 0;
	snprintf(buf, sizeof buf, "%0*" PRIx64, (int)digits, end);
	while (buf[skip] == '0')
		skip++;
	if (buf[skip] == '\0' && vma != 0)
		skip = 0;
	if (skip)
		skip = (skip - 1) & ~3u;
	return skip;
}

static void print_address(uint64_t addr, unsigned digits, unsigned skip)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%0*" PRIx64, (int)digits, addr);
	char *p = buf + skip;
	for (char *q = p; *q == '0' && q[1] != '\0'; q++)
		*q = ' ';
	printf("%s:\t", p);
}

/* --uops and --stats for one printed line: the line's instruction is
 * decoded again on its own bytes, so objdump-style merged lines (a lone
 * REX, FWAIT before an x87 instruction) are handled like single ones. */
static void account(const struct disasm_opts *o, enum x86_mode mode, int len, uint64_t address,
		    const uint8_t *bytes, uint64_t avail)
{
	if (!o->uops && !o->stats)
		return;
	struct x86_insn insn;
	int n = x86_decode(bytes, avail, mode, &insn);
	struct uop u[UOP_MAX_PER_INSN];
	int nuops = n > 0 && n == len ? uop_crack(&insn, address, u) : -1;
	if (o->uops && n > 0 && n == len) {
		if (nuops < 0)
			printf("\t\t\t\t; %s: no micro-ops yet\n", x86_form_name(insn.form));
		for (int i = 0; i < nuops; i++) {
			char text[160];
			uop_format(&u[i], text, sizeof text);
			printf("\t\t\t\t; %s\n", text);
		}
	}
	struct disasm_stats *st = o->stats;
	if (!st)
		return;
	st->bytes += (uint64_t)len;
	if (n <= 0 || n != len) {
		st->undecodable++;
		return;
	}
	st->instructions++;
	st->per_form[insn.form]++;
	if (nuops > 0) {
		st->cracked++;
		st->uops += (uint64_t)nuops;
		for (int i = 0; i < nuops; i++)
			st->per_unit[uop_info[u[i].op].unit]++;
	}
}

struct mnemonic_count {
	const char *mnemonic;
	uint64_t count;
};

static int by_count(const void *a, const void *b)
{
	const struct mnemonic_count *x = a, *y = b;
	return x->count < y->count ? 1 : x->count > y->count ? -1 : strcmp(x->mnemonic, y->mnemonic);
}

static int by_mnemonic(const void *a, const void *b)
{
	return strcmp(((const struct mnemonic_count *)a)->mnemonic, ((const struct mnemonic_count *)b)->mnemonic);
}

static void print_stats(const struct disasm_stats *st)
{
	FILE *out = stderr;
	double per = st->instructions ? 100.0 / (double)st->instructions : 0;
	fprintf(out, "instructions        %" PRIu64 " (%" PRIu64 " bytes, %" PRIu64 " undecodable lines)\n",
		st->instructions, st->bytes, st->undecodable);
	fprintf(out, "cracked             %" PRIu64 " (%.1f%% of instructions have micro-ops)\n", st->cracked,
		(double)st->cracked * per);
	fprintf(out, "micro-ops           %" PRIu64 " (%.2f per cracked instruction)\n", st->uops,
		st->cracked ? (double)st->uops / (double)st->cracked : 0.0);
	/* Forms aggregated by mnemonic, most frequent first. */
	struct mnemonic_count *m = calloc(X86_FORM_COUNT, sizeof *m);
	if (!m)
		return;
	size_t n = 0;
	for (unsigned f = 0; f < X86_FORM_COUNT; f++)
		if (st->per_form[f])
			m[n++] = (struct mnemonic_count){ x86_form_mnemonic((enum x86_form)f), st->per_form[f] };
	qsort(m, n, sizeof *m, by_mnemonic);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (k && !strcmp(m[k - 1].mnemonic, m[i].mnemonic))
			m[k - 1].count += m[i].count;
		else
			m[k++] = m[i];
	}
	qsort(m, k, sizeof *m, by_count);
	fprintf(out, "most frequent mnemonics (%zu distinct):\n", k);
	for (size_t i = 0; i < k && i < 15; i++)
		fprintf(out, "  %-12s %10" PRIu64 "  %5.1f%%\n", m[i].mnemonic, m[i].count, (double)m[i].count * per);
	free(m);
	fprintf(out, "micro-ops by functional unit:\n");
	for (unsigned u = 0; u < UNIT_COUNT; u++)
		if (st->per_unit[u])
			fprintf(out, "  %-14s %10" PRIu64 "  %5.1f%%\n", uop_unit_name((enum uop_unit)u), st->per_unit[u],
				100.0 * (double)st->per_unit[u] / (double)st->uops);
}

/* Disassembles one block of code as objdump does a section. */
static void disassemble(const uint8_t *data, uint64_t size, uint64_t vma, enum x86_mode mode, unsigned digits,
                        const char *name, const struct disasm_opts *o)
{
	unsigned skip = address_skip(vma + size, digits, vma);
	printf("\nDisassembly of section %s:\n\n", name);
	printf("%0*" PRIx64 " <%s>:\n", (int)digits, vma, name);

	uint64_t off = 0;
	while (off < size) {
		if (!o->zeroes) {
			uint64_t z = off;
			while (z < size && data[z] == 0)
				z++;
			if (z - off >= SKIP_ZEROES || (z == size && z - off < SKIP_ZEROES_AT_END)) {
				if (z != size)
					z = off + ((z - off) & ~(uint64_t)3);
				printf("\t...\n");
				off = z;
				continue;
			}
		}
		struct x86_insn insn;
		char text[256];
		int len = x86_disasm_line(data + off, size - off, mode, vma + off, &insn, text, sizeof text);
		print_address(vma + off, digits, skip);
		if (o->show_bytes) {
			int i;
			for (i = 0; i < len && i < BYTES_PER_LINE; i++)
				printf("%02x ", data[off + i]);
			for (; i < BYTES_PER_LINE; i++)
				printf("   ");
			printf("\t");
		}
		printf("%s\n", text);
		if (o->show_bytes) {
			for (int done = BYTES_PER_LINE; done < len; done += BYTES_PER_LINE) {
				print_address(vma + off + (uint64_t)done, digits, skip);
				for (int i = done; i < len && i < done + BYTES_PER_LINE; i++)
					printf("%02x ", data[off + i]);
				printf("\n");
			}
		}
		account(o, mode, len, vma + off, data + off, size - off);
		off += (uint64_t)len;
	}
}

static int read_file(const char *path, uint8_t **data, size_t *size)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "uopsim disasm: %s: %s\n", path, strerror(errno));
		return -1;
	}
	size_t cap = 1 << 16, n = 0;
	uint8_t *buf = malloc(cap);
	while (buf) {
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap)
			break;
		uint8_t *bigger = realloc(buf, cap * 2);
		if (!bigger) {
			free(buf);
			buf = NULL;
			break;
		}
		buf = bigger;
		cap *= 2;
	}
	int err = ferror(f);
	fclose(f);
	if (!buf || err) {
		fprintf(stderr, "uopsim disasm: %s: %s\n", path, buf ? "read error" : "out of memory");
		free(buf);
		return -1;
	}
	*data = buf;
	*size = n;
	return 0;
}

static int disasm_raw(const char *path, const struct disasm_opts *o)
{
	uint8_t *data;
	size_t size;
	if (read_file(path, &data, &size))
		return 1;
	unsigned digits = o->mode == X86_MODE_64 ? 16 : 8;
	printf("\n%s:     file format binary\n\n", path);
	disassemble(data, size, o->base, o->mode, digits, ".data", o);
	free(data);
	return 0;
}

static int disasm_elf(const char *path, const struct disasm_opts *o)
{
	struct elf_file f;
	if (elf_open(path, &f)) {
		/* The reader's message may name the file already. */
		if (!strncmp(f.error, path, strlen(path)))
			fprintf(stderr, "uopsim disasm: %s\n", f.error);
		else
			fprintf(stderr, "uopsim disasm: %s: %s\n", path, f.error);
		elf_close(&f);
		return 1;
	}
	/* EM_386 = 3, EM_X86_64 = 62 */
	if (f.machine != 3 && f.machine != 62) {
		fprintf(stderr, "uopsim disasm: %s: not an x86 ELF file (machine %u)\n", path, f.machine);
		elf_close(&f);
		return 1;
	}
	enum x86_mode mode = o->mode_given ? o->mode : f.bits == 64 ? X86_MODE_64 : X86_MODE_32;
	unsigned digits = f.bits == 64 ? 16 : 8;
	printf("\n%s:     file format %s\n\n", path, f.bits == 64 ? "elf64-x86-64" : "elf32-i386");
	for (size_t i = 0; i < f.nsections; i++) {
		const struct elf_section *s = &f.sections[i];
		if (!elf_section_is_code(s) || s->size == 0)
			continue;
		disassemble(s->data, s->size, s->addr, mode, digits, s->name, o);
	}
	elf_close(&f);
	return 0;
}

static int parse_number(const char *s, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 0);
	if (errno || end == s || *end || *s == '-')
		return -1;
	*out = v;
	return 0;
}

int cmd_disasm(int argc, char **argv)
{
	static const struct option long_opts[] = {
	    {"mode", required_argument, NULL, 'm'},
	    {"raw", no_argument, NULL, 'r'},
	    {"base", required_argument, NULL, 'b'},
	    {"no-show-raw-insn", no_argument, NULL, 'n'},
	    {"disassemble-zeroes", no_argument, NULL, 'z'},
	    {"uops", no_argument, NULL, 'u'},
	    {"stats", no_argument, NULL, 's'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct disasm_opts o = {.mode = X86_MODE_64, .show_bytes = 1};
	static uint64_t per_form[X86_FORM_COUNT];
	struct disasm_stats stats = {.per_form = per_form};
	int c;
	uint64_t v;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:hz", long_opts, NULL)) != -1) {
		switch (c) {
		case 'm':
			if (parse_number(optarg, &v) || (v != 16 && v != 32 && v != 64)) {
				fprintf(stderr, "uopsim disasm: bad --mode '%s' (expected 16, 32 or 64)\n",
				        optarg);
				return 2;
			}
			o.mode = (enum x86_mode)v;
			o.mode_given = 1;
			break;
		case 'r': o.raw = 1; break;
		case 'b':
			if (parse_number(optarg, &o.base)) {
				fprintf(stderr,
				        "uopsim disasm: bad --base '%s' (expected a number, e.g. 0x401000)\n",
				        optarg);
				return 2;
			}
			break;
		case 'n': o.show_bytes = 0; break;
		case 'z': o.zeroes = 1; break;
		case 'u': o.uops = 1; break;
		case 's': o.stats = &stats; break;
		case 'h': usage(stdout); return 0;
		case ':':
			fprintf(stderr, "uopsim disasm: option '%s' needs a value (uopsim disasm --help)\n",
			        argv[optind - 1]);
			return 2;
		default:
			if (optopt)
				fprintf(stderr,
				        "uopsim disasm: bad option '-%c' (uopsim disasm --help lists them)\n",
				        optopt);
			else
				fprintf(stderr,
				        "uopsim disasm: bad option '%s' (uopsim disasm --help lists them)\n",
				        argv[optind - 1]);
			return 2;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "uopsim disasm: %s (uopsim disasm --help shows usage)\n",
		        optind >= argc ? "no FILE given" : "more than one FILE given");
		return 2;
	}
	const char *path = argv[optind];
	int rc = o.raw ? disasm_raw(path, &o) : disasm_elf(path, &o);
	if (rc == 0 && o.stats)
		print_stats(o.stats);
	return rc;
}
