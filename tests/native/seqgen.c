/* seqgen.c - the shared part of the differential tests' random-sequence
 * generators (see seqgen.h). */
#include "tests/native/seqgen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockstep/flag_rules.h"

uint64_t seqgen_rnd(uint64_t *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * 0x2545F4914F6CDD1Dull;
}

unsigned seqgen_rnd_below(uint64_t *state, unsigned n)
{
	return (unsigned)(seqgen_rnd(state) % n);
}

uint64_t seqgen_interesting(uint64_t *rng, const uint64_t *special, size_t n)
{
	switch (seqgen_rnd_below(rng, 4)) {
	case 0: return special[seqgen_rnd_below(rng, (unsigned)n)];
	case 1: return seqgen_rnd(rng) & 0xFF;
	default: return seqgen_rnd(rng);
	}
}

void seqgen_generate(struct seqgen_sequence *s, unsigned length, const struct seqgen_source *src)
{
	s->code_len = 0;
	s->count = 0;
	s->poison = 0;
	unsigned attempts = 0;
	while (s->count < length) {
		if (src->insert && src->insert(src->context, s, length))
			continue;
		uint64_t address = src->code_addr + s->code_len;
		uint64_t poison = s->poison;
		int len = src->instruction(src->context, s->code + s->code_len, address, &poison);
		if (!len) {
			if (++attempts > 10000000) {
				fprintf(stderr, "%s: no crackable instruction found\n", src->prog);
				exit(2);
			}
			continue;
		}
		s->poison_after[s->count] = poison;
		s->insn_addr[s->count++] = address;
		s->code_len += (size_t)len;
		s->poison = poison;
	}
}

unsigned seqgen_modrm_and_tail(uint64_t *rng, uint8_t *b, unsigned n, uint8_t memory_rm)
{
	uint8_t modrm = (uint8_t)seqgen_rnd(rng);
	if ((modrm >> 6) != 3)
		modrm = (uint8_t)((modrm & 0x38) | memory_rm);
	b[n++] = modrm;
	for (int i = 0; i < 12; i++)
		b[n++] = (uint8_t)seqgen_rnd(rng);
	return n;
}

int seqgen_decode(const uint8_t *b, unsigned n, enum x86_mode mode, uint64_t address, struct x86_insn *insn,
                  struct uop *u, int *nu)
{
	int len = x86_decode(b, n, mode, insn);
	if (len <= 0)
		return 0;
	*nu = uop_crack(insn, address, u);
	return *nu > 0 ? len : 0;
}

int seqgen_reject_uops(const struct uop *u, int nu, int gp_only, uint64_t *rng)
{
	for (int i = 0; i < nu; i++) {
		const struct uop_info *info = &uop_info[u[i].op];
		if (info->unit == UNIT_BRANCH && u[i].op != UOP_UBRCC)
			return 1;
		if (info->unit == UNIT_SYS)
			return 1;
		if (gp_only && (info->unit >= UNIT_VALU || u[i].dst >= UREG_V0 || u[i].src[0] >= UREG_V0 ||
		                u[i].src[1] >= UREG_V0 || u[i].src[2] >= UREG_V0))
			return 1;
		if (u[i].op == UOP_ADVANCE)
			return 1;
		if (u[i].op == UOP_VFRCP || u[i].op == UOP_VFRSQRT)
			return 1;
		if ((u[i].op == UOP_DIVQ || u[i].op == UOP_IDIVQ) && seqgen_rnd_below(rng, 4))
			return 1;
		if ((u[i].op == UOP_SHLD || u[i].op == UOP_SHRD) && u[i].width == 2 &&
		    (u[i].src[2] || (u[i].imm & 0x1F) > 16))
			return 1;
		if (u[i].op == UOP_BSWAP && u[i].width == 2)
			return 1;
	}
	return 0;
}

int seqgen_names_stack_pointer(const struct x86_insn *insn)
{
	for (unsigned i = 0; i < insn->noperands; i++) {
		const struct x86_operand *op = &insn->operands[i];
		if (op->kind == X86_OP_REG && (op->reg == X86_REG_RSP || op->reg == X86_REG_ESP ||
		                               op->reg == X86_REG_SP || op->reg == X86_REG_SPL))
			return 1;
	}
	return 0;
}

int seqgen_reads_poison(const struct uop *u, int nu, uint64_t poison)
{
	return (flags_read(u, nu) & poison) != 0;
}

int seqgen_accept(uint8_t *out, const uint8_t *b, int len, const struct uop *u, int nu, uint64_t *poison)
{
	uint64_t undefined, defined;
	flag_effects(u, nu, &undefined, &defined);
	*poison = (*poison & ~defined) | undefined;
	memcpy(out, b, (size_t)len);
	return len;
}

int seqgen_load_code(const char *prog, const char *path, enum x86_mode mode, uint64_t code_addr,
                     struct seqgen_sequence *s)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "%s: cannot open %s\n", prog, path);
		return -1;
	}
	s->code_len = fread(s->code, 1, sizeof s->code, f);
	int too_long = !feof(f) || fgetc(f) != EOF;
	fclose(f);
	if (too_long || s->code_len == 0) {
		fprintf(stderr, "%s: %s: empty or longer than %zu bytes\n", prog, path, sizeof s->code);
		return -1;
	}
	s->count = 0;
	s->poison = 0;
	for (size_t offset = 0; offset < s->code_len && s->count < SEQGEN_MAX_LENGTH;) {
		struct x86_insn insn;
		int len = x86_decode(s->code + offset, s->code_len - offset, mode, &insn);
		if (len <= 0) {
			fprintf(stderr, "%s: %s: undecodable bytes at offset %zu\n", prog, path, offset);
			return -1;
		}
		struct uop u[UOP_MAX_PER_INSN];
		int n = uop_crack(&insn, code_addr + offset, u);
		if (n > 0) {
			uint64_t undefined, defined;
			flag_effects(u, n, &undefined, &defined);
			s->poison |= undefined;
		}
		s->insn_addr[s->count++] = code_addr + offset;
		offset += (size_t)len;
	}
	for (unsigned i = 0; i < s->count; i++)
		s->poison_after[i] = s->poison;
	return 0;
}

void seqgen_print(const struct seqgen_sequence *s, unsigned count, enum x86_mode mode, uint64_t code_addr)
{
	for (unsigned i = 0; i < count; i++) {
		struct x86_insn insn;
		size_t offset = s->insn_addr[i] - code_addr;
		int len = x86_decode(s->code + offset, s->code_len - offset, mode, &insn);
		char text[128];
		x86_format_intel(&insn, s->insn_addr[i], text, sizeof text);
		printf("    %llx:", (unsigned long long)s->insn_addr[i]);
		for (int b = 0; b < len; b++)
			printf(" %02x", s->code[offset + (size_t)b]);
		printf("%*s%s\n", 3 * (12 - len) + 2 > 2 ? 3 * (12 - len) + 2 : 2, "", text);
		struct uop u[UOP_MAX_PER_INSN];
		int n = uop_crack(&insn, s->insn_addr[i], u);
		for (int k = 0; k < n; k++) {
			char ut[160];
			uop_format(&u[k], ut, sizeof ut);
			printf("          %s\n", ut);
		}
	}
}
