/* zydis_diff.c - differential tester: our x86_decode() against Zydis 4.0
 * (ZydisDecoderDecodeFull, default decoder modes).
 *
 *   zydis-diff [options] FILE...       linear sweep of the code sections of
 *                                      ELF files (mode from the ELF class)
 *   zydis-diff --random N [--seed S]   N random byte strings per mode
 *   zydis-diff --hex "f3 0f b8 c0" --mode 64 [--native]
 *                                      one string, both views side by side
 *   zydis-diff --raw FILE --mode M     linear sweep of a file of raw bytes
 *
 * Options:
 *   --mode 16|32|64      restrict to one mode (random, hex, raw)
 *   --only legacy|vex|evex|xop|3dnow
 *                        compare only byte strings of that encoding class
 *                        (with --random: N strings of that class per mode)
 *   --native             with --hex, 64-bit: run the bytes on this host and
 *                        say whether it raised #UD (see exceptions.h)
 *   --max-report K       examples printed per disagreement class (default 3;
 *                        -1 prints every disagreement)
 *   --operands-all       also compare operands of system, 3DNow!, VEX, EVEX
 *                        and XOP instructions (informative: not part of the
 *                        project's contract with Zydis)
 *   --no-exceptions      ignore tests/zydis/exceptions.h
 *   --quiet              counts and class lines only, no examples
 *
 * What is compared, for every byte string:
 *   - validity: ok, or the failure (invalid / too long / truncated); when
 *     both fail differently, the kind is LONGER if we say too long and
 *     Zydis invalid (see exceptions.h), else STATUS;
 *   - the length of a valid instruction;
 *   - for valid legacy-encoded general-purpose, x87 and SSE/MMX instructions
 *     (Zydis's ISA extension decides; VEX, EVEX, XOP and 3DNow! excluded),
 *     the operands Zydis shows (operand_count_visible): kind, register (by
 *     name), size, memory segment/base/index/scale/displacement, immediate
 *     value masked to the operand's size (or the destination's, when wider:
 *     sign extension is checked), branch displacement, far pointer. LEA's
 *     memory operand is an address: its segment and size are not compared.
 *     An operand of ours that Zydis keeps hidden (the rSI/rDI memory of the
 *     string instructions) must match one of Zydis's hidden operands, and
 *     a visible operand that Zydis marks implicit may be missing from our
 *     form (FUCOMP ST(i), where Zydis also shows st0).
 *     Register sizes are compared for general-purpose, segment and x87
 *     registers only: for vector registers the name (xmm/ymm/zmm) carries
 *     the width, and Zydis's register size follows its own convention
 *     (movss xmm0, [m32] gives xmm0 128 bits, movss xmm0, xmm1 gives 32).
 *
 * Every disagreement falls in a class (kind, encoding, map, opcode,
 * mandatory prefix, Zydis's mnemonic or status, our form or status); the
 * report lists the classes with their counts and owner files, and the first
 * K examples of each. Exit status 0 iff there is no disagreement outside
 * the exception list (tests/zydis/exceptions.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

#include <Zydis/Zydis.h>

#include "decoder/tables.h"
#include "decoder/x86_decode.h"
#include "elf/elf.h"
#include "tests/zydis/exceptions.h"

/* ---- options ----------------------------------------------------------- */

static int opt_max_report = 3;
static int opt_only = -1;          /* enum zd_enc, -1 = all */
static int opt_mode = 0;           /* 0 = all modes */
static int opt_operands_all = 0;
static int opt_exceptions = 1;
static int opt_quiet = 0;

static const char *const enc_names[ZD_ENC_COUNT] = { "legacy", "3dnow", "vex", "evex", "xop" };
static const char *const kind_names[ZD_KIND_COUNT] = { "VALID", "INVALID", "STATUS", "LONGER", "LENGTH",
							  "OPERANDS" };
static const char *const kind_help[ZD_KIND_COUNT] = {
	"Zydis decodes, we reject",
	"we decode, Zydis rejects",
	"both reject, for different reasons",
	"both reject: we say too long, Zydis says invalid",
	"both decode, different lengths",
	"same length, different operands",
};

static int mode_index(int mode) { return mode == 16 ? 0 : mode == 32 ? 1 : 2; }

/* ---- our own view of the bytes: prefixes, escape, opcode ---------------- */

/* What the bytes look like before anyone decodes them: used to name the
 * class of a disagreement and to match the exception list, so that it does
 * not depend on either decoder's answer. */
struct scan {
	int enc;     /* enum zd_enc */
	int map;     /* legacy: 0-3 (0F 0F: 1), VEX/EVEX/XOP: the map field */
	int opcode;  /* -1 if past the end (or the 3DNow! suffix) */
	int pp;      /* 0 none, 1 66, 2 F3, 3 F2 */
	int modrm;   /* the byte after the opcode, -1 if none */
};

static void scan_bytes(const uint8_t *p, size_t n, int mode, struct scan *s)
{
	size_t i = 0;
	int has66 = 0, f2f3 = 0;
	memset(s, 0, sizeof *s);
	s->opcode = s->modrm = -1;
	for (; i < n; i++) {
		uint8_t b = p[i];
		if (b == 0x66)
			has66 = 1;
		else if (b == 0xF2 || b == 0xF3)
			f2f3 = b;
		else if (b == 0xF0 || b == 0x67 || b == 0x26 || b == 0x2E || b == 0x36 ||
			 b == 0x3E || b == 0x64 || b == 0x65)
			;
		else if (mode == 64 && (b & 0xF0) == 0x40)
			;
		else
			break;
	}
	s->pp = f2f3 == 0xF3 ? 2 : f2f3 == 0xF2 ? 3 : has66 ? 1 : 0;
	if (i >= n)
		return;
	uint8_t b = p[i];
	uint8_t next = i + 1 < n ? p[i + 1] : 0;
	int has_next = i + 1 < n;
	if (b == 0x0F) {
		if (!has_next)
			return;
		if (next == 0x38 || next == 0x3A) {
			s->map = next == 0x38 ? 2 : 3;
			i += 2;
		} else if (next == 0x0F) {
			s->enc = ZD_ENC_3DNOW;
			s->map = 1;
			if (i + 2 < n)
				s->modrm = p[i + 2];
			return;
		} else {
			s->map = 1;
			i += 1;
		}
	} else if (has_next && (b == 0xC4 || b == 0xC5 || b == 0x62) &&
		   (mode == 64 || (next & 0xC0) == 0xC0)) {
		if (b == 0xC5) {
			s->enc = ZD_ENC_VEX;
			s->map = 1;
			s->pp = next & 3;
			i += 2;
		} else if (b == 0xC4) {
			s->enc = ZD_ENC_VEX;
			s->map = next & 0x1F;
			if (i + 2 < n)
				s->pp = p[i + 2] & 3;
			i += 3;
		} else {
			s->enc = ZD_ENC_EVEX;
			s->map = next & 7;
			if (i + 2 < n)
				s->pp = p[i + 2] & 3;
			i += 4;
		}
	} else if (has_next && b == 0x8F && (next & 0x1F) >= 8) {
		s->enc = ZD_ENC_XOP;
		s->map = next & 0x1F;
		if (i + 2 < n)
			s->pp = p[i + 2] & 3;
		i += 3;
	} else {
		s->map = 0;
	}
	if (i < n)
		s->opcode = p[i];
	if (i + 1 < n)
		s->modrm = p[i + 1];
}

/* ---- who owns the table row -------------------------------------------- */

/* Number of forms in each forms_*.def, in the order forms.def includes
 * them, so a form's number tells its file. */
enum {
#define FORM(id, ...) ZD_N_BASE_##id,
#include "decoder/forms_base.def"
#undef FORM
	ZD_N_BASE
};
enum {
#define FORM(id, ...) ZD_N_SYSTEM_##id,
#include "decoder/forms_system.def"
#undef FORM
	ZD_N_SYSTEM
};
enum {
#define FORM(id, ...) ZD_N_X87_##id,
#include "decoder/forms_x87.def"
#undef FORM
	ZD_N_X87
};
enum {
#define FORM(id, ...) ZD_N_SSE_##id,
#include "decoder/forms_sse.def"
#undef FORM
	ZD_N_SSE
};
enum {
#define FORM(id, ...) ZD_N_VEX_##id,
#include "decoder/forms_vex.def"
#undef FORM
	ZD_N_VEX
};
enum {
#define FORM(id, ...) ZD_N_EVEX_##id,
#include "decoder/forms_evex.def"
#undef FORM
	ZD_N_EVEX
};

static const char *form_file(unsigned form)
{
	unsigned limit = 1;
	if (form == 0)
		return NULL;
	if (form < (limit += ZD_N_BASE))
		return "forms_base.def";
	if (form < (limit += ZD_N_SYSTEM))
		return "forms_system.def";
	if (form < (limit += ZD_N_X87))
		return "forms_x87.def";
	if (form < (limit += ZD_N_SSE))
		return "forms_sse.def";
	if (form < (limit += ZD_N_VEX))
		return "forms_vex.def";
	if (form < (limit += ZD_N_EVEX))
		return "forms_evex.def";
	return "forms_amd.def";
}

static int node_in(const struct x86_node *n, const struct x86_node *table, size_t count)
{
	return n >= table && n < table + count;
}

/* The map file holding the root row of the scanned opcode. */
static const char *map_file(const struct scan *s)
{
	switch (s->enc) {
	case ZD_ENC_3DNOW: return "map_3dnow.c";
	case ZD_ENC_VEX: return "map_vex.c";
	case ZD_ENC_EVEX: return "map_evex.c";
	case ZD_ENC_XOP: return "map_xop.c";
	default: break;
	}
	if (s->map == 0)
		return s->opcode >= 0xD8 && s->opcode <= 0xDF ? "map_x87.c" : "map_onebyte.c";
	if (s->map == 2)
		return "map_0f38.c";
	if (s->map == 3)
		return "map_0f3a.c";
	if (s->opcode < 0)
		return "map_0f.c";
	const struct x86_node *n = &x86_map_0f[s->opcode];
	if (n->kind == X86_N_LINK) {
		if (node_in(n->child, x86_sse_0f, 256))
			return "map_sse.c";
		if (node_in(n->child, x86_sys_0f, 256))
			return "map_system.c";
	}
	return "map_0f.c";
}

/* ---- Zydis's side -------------------------------------------------------- */

static ZydisDecoder zdec[3];
static ZydisFormatter zfmt;

enum zd_group { G_GP, G_SYSTEM, G_X87, G_SSE, G_3DNOW, G_VEX, G_EVEX, G_XOP, G_OTHER, G_INVALID, G_COUNT };
static const char *const group_names[G_COUNT] = {
	"general-purpose", "system", "x87", "sse/mmx", "3dnow", "vex", "evex", "xop", "other", "(invalid)",
};

/* The instruction group of a Zydis-decoded instruction. */
static int zydis_group(const ZydisDecodedInstruction *zi)
{
	switch (zi->encoding) {
	case ZYDIS_INSTRUCTION_ENCODING_3DNOW: return G_3DNOW;
	case ZYDIS_INSTRUCTION_ENCODING_VEX: return G_VEX;
	case ZYDIS_INSTRUCTION_ENCODING_EVEX: return G_EVEX;
	case ZYDIS_INSTRUCTION_ENCODING_XOP: return G_XOP;
	case ZYDIS_INSTRUCTION_ENCODING_LEGACY: break;
	default: return G_OTHER;
	}
	switch (zi->meta.isa_ext) {
	case ZYDIS_ISA_EXT_X87:
		return G_X87;
	case ZYDIS_ISA_EXT_MMX: case ZYDIS_ISA_EXT_SSE: case ZYDIS_ISA_EXT_SSE2:
	case ZYDIS_ISA_EXT_SSE3: case ZYDIS_ISA_EXT_SSSE3: case ZYDIS_ISA_EXT_SSE4:
	case ZYDIS_ISA_EXT_SSE4A: case ZYDIS_ISA_EXT_AES: case ZYDIS_ISA_EXT_PCLMULQDQ:
	case ZYDIS_ISA_EXT_SHA: case ZYDIS_ISA_EXT_GFNI:
		/* Zydis files PREFETCHh, the fences, LDMXCSR/STMXCSR, CLFLUSH under
		 * SSE/SSE2 too; those live in map_system.c, so split by category. */
		switch (zi->meta.category) {
		case ZYDIS_CATEGORY_PREFETCH: case ZYDIS_CATEGORY_MISC:
			if (zi->meta.isa_set == ZYDIS_ISA_SET_SSE_PREFETCH ||
			    zi->meta.isa_set == ZYDIS_ISA_SET_SSEMXCSR ||
			    zi->mnemonic == ZYDIS_MNEMONIC_LFENCE || zi->mnemonic == ZYDIS_MNEMONIC_MFENCE ||
			    zi->mnemonic == ZYDIS_MNEMONIC_SFENCE)
				return G_SYSTEM;
			break;
		default:
			break;
		}
		if (zi->meta.isa_set == ZYDIS_ISA_SET_SSEMXCSR)
			return G_SYSTEM;
		return G_SSE;
	case ZYDIS_ISA_EXT_BASE: case ZYDIS_ISA_EXT_LONGMODE: case ZYDIS_ISA_EXT_LZCNT:
	case ZYDIS_ISA_EXT_MOVBE: case ZYDIS_ISA_EXT_ADOX_ADCX: case ZYDIS_ISA_EXT_PAUSE:
	case ZYDIS_ISA_EXT_RTM: case ZYDIS_ISA_EXT_BMI1: case ZYDIS_ISA_EXT_RDRAND:
	case ZYDIS_ISA_EXT_RDSEED:
		switch (zi->meta.category) {
		case ZYDIS_CATEGORY_SYSTEM: case ZYDIS_CATEGORY_SYSCALL: case ZYDIS_CATEGORY_SYSRET:
		case ZYDIS_CATEGORY_SEGOP: case ZYDIS_CATEGORY_PREFETCH:
			return G_SYSTEM;
		default:
			break;
		}
		/* MOV to/from CR/DR, 0F 1F-style hint NOPs: system rows. */
		if (zi->opcode_map == ZYDIS_OPCODE_MAP_0F &&
		    (zi->opcode == 0x20 || zi->opcode == 0x21 || zi->opcode == 0x22 || zi->opcode == 0x23 ||
		     (zi->opcode >= 0x18 && zi->opcode <= 0x1F) || zi->opcode == 0x00 || zi->opcode == 0x01))
			return G_SYSTEM;
		return G_GP;
	default:
		return G_SYSTEM;
	}
}

static int zydis_operands_compared(int group)
{
	return group == G_GP || group == G_X87 || group == G_SSE ||
	       (opt_operands_all && (group == G_SYSTEM || group == G_VEX || group == G_EVEX || group == G_XOP ||
				     group == G_3DNOW));
}

/* Our status for a Zydis status. */
static int zydis_status(ZyanStatus st)
{
	if (ZYAN_SUCCESS(st))
		return 1;
	if (st == ZYDIS_STATUS_NO_MORE_DATA)
		return X86_DECODE_TRUNCATED;
	if (st == ZYDIS_STATUS_INSTRUCTION_TOO_LONG)
		return X86_DECODE_TOO_LONG;
	return X86_DECODE_INVALID;
}

static const char *status_word(int st)
{
	switch (st) {
	case X86_DECODE_INVALID: return "invalid";
	case X86_DECODE_TRUNCATED: return "truncated";
	case X86_DECODE_TOO_LONG: return "too-long";
	default: return st > 0 ? "ok" : "?";
	}
}

/* ---- formatting ------------------------------------------------------------ */

struct sbuf {
	char *p;
	size_t size, len;
};

static void sb_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	if (b->len >= b->size)
		return;
	va_start(ap, fmt);
	int n = vsnprintf(b->p + b->len, b->size - b->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		b->len = b->len + (size_t)n < b->size ? b->len + (size_t)n : b->size - 1;
}

static void hex_bytes(struct sbuf *b, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sb_printf(b, i ? " %02x" : "%02x", p[i]);
}

static const char *our_reg_name(unsigned reg)
{
	return reg == X86_REG_NONE ? "none" : x86_reg_name((enum x86_reg)reg);
}

static void format_mem(struct sbuf *b, const struct x86_mem *m)
{
	sb_printf(b, "%s:[", our_reg_name(m->segment));
	int any = 0;
	if (m->base) {
		sb_printf(b, "%s", our_reg_name(m->base));
		any = 1;
	}
	if (m->index) {
		sb_printf(b, "%s%s*%u", any ? "+" : "", our_reg_name(m->index), m->scale);
		any = 1;
	}
	if (m->disp_size || !any) {
		if (any)
			sb_printf(b, "%s0x%" PRIx64, m->disp < 0 ? "-" : "+",
				  m->disp < 0 ? -(uint64_t)m->disp : (uint64_t)m->disp);
		else
			sb_printf(b, "0x%" PRIx64, (uint64_t)m->disp);
	}
	sb_printf(b, "]");
}

static void format_our_operand(struct sbuf *b, const struct x86_operand *op)
{
	switch (op->kind) {
	case X86_OP_REG:
		sb_printf(b, "%s/%u", our_reg_name(op->reg), op->size);
		break;
	case X86_OP_MEM:
		sb_printf(b, "m%u ", op->size);
		format_mem(b, &op->mem);
		break;
	case X86_OP_IMM:
		sb_printf(b, "imm%u/%u:0x%" PRIx64, op->imm_size * 8, op->size, (uint64_t)op->imm);
		break;
	case X86_OP_REL:
		sb_printf(b, "rel%u:%s0x%" PRIx64, op->imm_size * 8, op->imm < 0 ? "-" : "+",
			  op->imm < 0 ? -(uint64_t)op->imm : (uint64_t)op->imm);
		break;
	case X86_OP_FAR:
		sb_printf(b, "far 0x%x:0x%" PRIx64, op->selector, (uint64_t)op->imm);
		break;
	default:
		sb_printf(b, "?kind%u", op->kind);
	}
}

static void format_ours(struct sbuf *b, int st, const struct x86_insn *in)
{
	if (st <= 0) {
		sb_printf(b, "%s", status_word(st));
		return;
	}
	sb_printf(b, "len %d %s", st, x86_form_name((enum x86_form)in->form));
	for (unsigned i = 0; i < in->noperands; i++) {
		sb_printf(b, i ? ", " : " ");
		format_our_operand(b, &in->operands[i]);
	}
}

static void format_zydis(struct sbuf *b, int st, const ZydisDecodedInstruction *zi,
			 const ZydisDecodedOperand *zo)
{
	char text[256];
	if (st <= 0) {
		sb_printf(b, "%s", status_word(st));
		return;
	}
	if (!ZYAN_SUCCESS(ZydisFormatterFormatInstruction(&zfmt, zi, zo, zi->operand_count_visible,
							  text, sizeof text, 0, NULL)))
		snprintf(text, sizeof text, "%s ?", ZydisMnemonicGetString(zi->mnemonic));
	sb_printf(b, "len %u %s", zi->length, text);
}

static void format_zydis_operand(struct sbuf *b, const ZydisDecodedOperand *z)
{
	switch (z->type) {
	case ZYDIS_OPERAND_TYPE_REGISTER:
		sb_printf(b, "%s/%u", ZydisRegisterGetString(z->reg.value), z->size);
		break;
	case ZYDIS_OPERAND_TYPE_MEMORY:
		sb_printf(b, "m%u %s:[%s+%s*%u+0x%" PRIx64 "]", z->size,
			  ZydisRegisterGetString(z->mem.segment),
			  z->mem.base ? ZydisRegisterGetString(z->mem.base) : "none",
			  z->mem.index ? ZydisRegisterGetString(z->mem.index) : "none", z->mem.scale,
			  (uint64_t)z->mem.disp.value);
		break;
	case ZYDIS_OPERAND_TYPE_IMMEDIATE:
		sb_printf(b, "%s%u:0x%" PRIx64, z->imm.is_relative ? "rel" : "imm", z->size, z->imm.value.u);
		break;
	case ZYDIS_OPERAND_TYPE_POINTER:
		sb_printf(b, "far 0x%x:0x%x", z->ptr.segment, z->ptr.offset);
		break;
	default:
		sb_printf(b, "?");
	}
}

/* ---- operand comparison ----------------------------------------------------- */

enum op_diff { OD_NONE, OD_COUNT, OD_KIND, OD_REG, OD_SIZE, OD_MEM, OD_IMM };
static const char *const op_diff_names[] = { "none", "count", "kind", "reg", "size", "mem", "imm" };

/* Register names agree up to our st(i) spelling of Zydis's sti. */
static int same_reg(unsigned ours, ZydisRegister z)
{
	if (ours == X86_REG_NONE || z == ZYDIS_REGISTER_NONE)
		return ours == X86_REG_NONE && z == ZYDIS_REGISTER_NONE;
	const char *a = x86_reg_name((enum x86_reg)ours), *b = ZydisRegisterGetString(z);
	if (!b)
		return 0;
	for (;;) {
		while (*a == '(' || *a == ')')
			a++;
		if (*a != *b)
			return 0;
		if (!*a)
			return 1;
		a++, b++;
	}
}

static int is_vector_reg(unsigned reg)
{
	return (reg >= X86_REG_MM0 && reg <= X86_REG_ZMM31) || (reg >= X86_REG_K0 && reg <= X86_REG_TMM7);
}

static uint64_t mask_bits(uint64_t v, unsigned bits)
{
	return bits == 0 || bits >= 64 ? v : v & ((1ull << bits) - 1);
}

/* Compares one operand of ours with one of Zydis's. Returns OD_NONE or
 * what differs, with a description in `why`. */
static int compare_operand(const struct x86_insn *in, const struct x86_operand *o,
			   const ZydisDecodedOperand *z, struct sbuf *why)
{
	switch (o->kind) {
	case X86_OP_REG:
		if (z->type != ZYDIS_OPERAND_TYPE_REGISTER)
			goto kind;
		if (!same_reg(o->reg, z->reg.value)) {
			sb_printf(why, "register %s vs zydis %s", our_reg_name(o->reg),
				  ZydisRegisterGetString(z->reg.value));
			return OD_REG;
		}
		if (!is_vector_reg(o->reg) && o->size && o->size != z->size) {
			sb_printf(why, "size of %s: %u vs zydis %u", our_reg_name(o->reg), o->size, z->size);
			return OD_SIZE;
		}
		return OD_NONE;
	case X86_OP_MEM: {
		if (z->type != ZYDIS_OPERAND_TYPE_MEMORY)
			goto kind;
		const struct x86_mem *m = &o->mem;
		/* LEA's operand is an address, not an access: its segment is
		 * unused (Zydis gives the default one whatever the override). */
		int agen = z->mem.type == ZYDIS_MEMOP_TYPE_AGEN;
		if ((!agen && !same_reg(m->segment, z->mem.segment)) || !same_reg(m->base, z->mem.base) ||
		    !same_reg(m->index, z->mem.index) || (m->index && m->scale != z->mem.scale)) {
			sb_printf(why, "memory ");
			format_mem(why, m);
			sb_printf(why, " vs zydis %s:[%s+%s*%u]", ZydisRegisterGetString(z->mem.segment),
				  z->mem.base ? ZydisRegisterGetString(z->mem.base) : "none",
				  z->mem.index ? ZydisRegisterGetString(z->mem.index) : "none", z->mem.scale);
			return OD_MEM;
		}
		unsigned abits = in->address_size ? in->address_size : 64;
		uint64_t zd = z->mem.disp.has_displacement ? (uint64_t)z->mem.disp.value : 0;
		if (mask_bits((uint64_t)m->disp, abits) != mask_bits(zd, abits)) {
			sb_printf(why, "displacement 0x%" PRIx64 " vs zydis 0x%" PRIx64,
				  mask_bits((uint64_t)m->disp, abits), mask_bits(zd, abits));
			return OD_MEM;
		}
		/* ... and Zydis gives it the address size: no size to compare. */
		if (agen)
			return OD_NONE;
		if (o->size && o->size != z->size) {
			sb_printf(why, "memory size %u vs zydis %u", o->size, z->size);
			return OD_SIZE;
		}
		return OD_NONE;
	}
	case X86_OP_IMM: case X86_OP_REL: {
		if (z->type != ZYDIS_OPERAND_TYPE_IMMEDIATE || (o->kind == X86_OP_REL) != !!z->imm.is_relative)
			goto kind;
		/* Masked to the operand's size, or to the destination's when that
		 * is wider (Iz/Ibs sign-extended to a 64-bit operand): Zydis
		 * sign-extends every signed immediate to 64 bits. */
		unsigned bits = o->kind == X86_OP_REL ? 64 : o->size;
		const struct x86_operand *dst = &in->operands[0];
		if (o->kind == X86_OP_IMM && dst != o && (dst->kind == X86_OP_REG || dst->kind == X86_OP_MEM) &&
		    dst->size > bits)
			bits = dst->size;
		if (mask_bits((uint64_t)o->imm, bits) != mask_bits(z->imm.value.u, bits)) {
			sb_printf(why, "%s 0x%" PRIx64 " vs zydis 0x%" PRIx64 " (%u bits)",
				  o->kind == X86_OP_REL ? "displacement" : "immediate",
				  mask_bits((uint64_t)o->imm, bits), mask_bits(z->imm.value.u, bits), bits);
			return OD_IMM;
		}
		/* Zydis's immediate size is the encoded size. */
		if (o->imm_size && o->imm_size * 8u != z->size) {
			sb_printf(why, "immediate encoded in %u bits vs zydis %u", o->imm_size * 8u, z->size);
			return OD_SIZE;
		}
		return OD_NONE;
	}
	case X86_OP_FAR:
		if (z->type != ZYDIS_OPERAND_TYPE_POINTER)
			goto kind;
		if (o->selector != z->ptr.segment || (uint64_t)o->imm != z->ptr.offset) {
			sb_printf(why, "far pointer 0x%x:0x%" PRIx64 " vs zydis 0x%x:0x%x", o->selector,
				  (uint64_t)o->imm, z->ptr.segment, z->ptr.offset);
			return OD_IMM;
		}
		if (o->size && o->size != z->size) {
			sb_printf(why, "far pointer size %u vs zydis %u", o->size, z->size);
			return OD_SIZE;
		}
		return OD_NONE;
	default:
		break;
	}
kind:
	sb_printf(why, "operand kind: ");
	format_our_operand(why, o);
	sb_printf(why, " vs zydis ");
	format_zydis_operand(why, z);
	return OD_KIND;
}

static int operand_matches(const struct x86_insn *in, const struct x86_operand *o,
			   const ZydisDecodedOperand *z)
{
	char tmp[256];
	struct sbuf t = { tmp, sizeof tmp, 0 };
	return compare_operand(in, o, z, &t) == OD_NONE;
}

/* Can ours[i..] be lined up with Zydis's visible operands [k..]? Each of
 * ours matches the next visible one, or one of Zydis's hidden operands
 * (not used yet); a visible operand that Zydis marks implicit may be left
 * out by our form (FUCOMP ST(i): the SDM names ST(0) nowhere, Zydis shows
 * it). At most 5 + 10 operands: a plain search is enough. */
static int align_operands(const struct x86_insn *in, unsigned i, const ZydisDecodedInstruction *zi,
			  const ZydisDecodedOperand *zo, unsigned k, unsigned used)
{
	unsigned zv = zi->operand_count_visible, zn = zi->operand_count;
	if (i == in->noperands && k == zv)
		return 1;
	if (i < in->noperands && k < zv && operand_matches(in, &in->operands[i], &zo[k]) &&
	    align_operands(in, i + 1, zi, zo, k + 1, used))
		return 1;
	/* The EVEX opmask {k} is an operand for Zydis, a field (evex_aaa) for us. */
	if (k < zv && (zo[k].visibility == ZYDIS_OPERAND_VISIBILITY_IMPLICIT ||
		       zo[k].encoding == ZYDIS_OPERAND_ENCODING_MASK) &&
	    align_operands(in, i, zi, zo, k + 1, used))
		return 1;
	if (i < in->noperands)
		for (unsigned j = zv; j < zn && j < 32; j++)
			if (!(used & 1u << j) && operand_matches(in, &in->operands[i], &zo[j]) &&
			    align_operands(in, i + 1, zi, zo, k, used | 1u << j))
				return 1;
	return 0;
}

/* Compares the operand lists. Returns OD_NONE or, when they cannot be
 * lined up, the first difference of a pairwise reading. */
static int compare_operands(const struct x86_insn *in, const ZydisDecodedInstruction *zi,
			    const ZydisDecodedOperand *zo, struct sbuf *why)
{
	if (align_operands(in, 0, zi, zo, 0, 0))
		return OD_NONE;
	/* Zydis's visible operands but the EVEX opmask, side by side with ours. */
	unsigned zidx[ZYDIS_MAX_OPERAND_COUNT], zv = 0, n = in->noperands;
	for (unsigned k = 0; k < zi->operand_count_visible; k++)
		if (zo[k].encoding != ZYDIS_OPERAND_ENCODING_MASK)
			zidx[zv++] = k;
	for (unsigned i = 0; i < n && i < zv; i++) {
		char tmp[256];
		struct sbuf t = { tmp, sizeof tmp, 0 };
		int d = compare_operand(in, &in->operands[i], &zo[zidx[i]], &t);
		if (d != OD_NONE) {
			sb_printf(why, "operand %u: %s", i + 1, tmp);
			return d;
		}
	}
	if (n > zv) {
		sb_printf(why, "operand %u (", zv + 1);
		format_our_operand(why, &in->operands[zv]);
		sb_printf(why, ") not in zydis's operands");
	} else if (n < zv) {
		sb_printf(why, "zydis operand %u (", zidx[n] + 1);
		format_zydis_operand(why, &zo[zidx[n]]);
		sb_printf(why, ") missing in ours");
	} else {
		sb_printf(why, "operands in another order");
	}
	return OD_COUNT;
}

/* ---- disagreement classes ------------------------------------------------- */

struct dclass {
	char *key;
	int kind;
	const char *owner_map, *owner_forms;
	unsigned long count, per_mode[3];
	int excepted; /* index into zd_exceptions + 1, or 0 */
	unsigned nexamples;
	char **examples;
};

static struct dclass **classes;
static size_t nclasses, classes_cap;
static struct dclass **class_hash;
static size_t class_hash_size;

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	while (*s)
		h = (h ^ (uint8_t)*s++) * 1099511628211ull;
	return h;
}

static struct dclass *class_get(const char *key)
{
	if (nclasses * 2 >= class_hash_size) {
		size_t nsize = class_hash_size ? class_hash_size * 2 : 1024;
		struct dclass **nh = calloc(nsize, sizeof *nh);
		if (!nh)
			abort();
		for (size_t i = 0; i < nclasses; i++) {
			size_t h = hash_str(classes[i]->key) & (nsize - 1);
			while (nh[h])
				h = (h + 1) & (nsize - 1);
			nh[h] = classes[i];
		}
		free(class_hash);
		class_hash = nh;
		class_hash_size = nsize;
	}
	size_t h = hash_str(key) & (class_hash_size - 1);
	while (class_hash[h]) {
		if (!strcmp(class_hash[h]->key, key))
			return class_hash[h];
		h = (h + 1) & (class_hash_size - 1);
	}
	struct dclass *c = calloc(1, sizeof *c);
	if (!c || !(c->key = strdup(key)))
		abort();
	if (nclasses == classes_cap) {
		classes_cap = classes_cap ? classes_cap * 2 : 256;
		classes = realloc(classes, classes_cap * sizeof *classes);
		if (!classes)
			abort();
	}
	classes[nclasses++] = c;
	class_hash[h] = c;
	return c;
}

/* ---- statistics ------------------------------------------------------------ */

struct stats {
	unsigned long compared, both_ok, both_fail, operands_compared, disagree, excepted;
};
static struct stats mode_stats[3], group_stats[G_COUNT], enc_stats[ZD_ENC_COUNT];
static unsigned long kind_counts[ZD_KIND_COUNT], kind_excepted[ZD_KIND_COUNT];

static const struct zd_exception *find_exception(const uint8_t *p, size_t n, int mode, int kind,
						  const struct scan *s)
{
	if (!opt_exceptions)
		return NULL;
	for (const struct zd_exception *e = zd_exceptions; e->what; e++) {
		if (!(e->modes & (1u << mode_index(mode))))
			continue;
		if (e->kind >= 0 && e->kind != kind)
			continue;
		if ((e->enc >= 0 && e->enc != s->enc) || (e->map >= 0 && e->map != s->map) ||
		    (e->opcode >= 0 && e->opcode != s->opcode))
			continue;
		if (e->pp >= 0 && e->pp != s->pp)
			continue;
		if (e->modrm_mask && (s->modrm < 0 || (s->modrm & e->modrm_mask) != e->modrm_value))
			continue;
		if (e->match && !e->match(p, n, mode))
			continue;
		return e;
	}
	return NULL;
}

/* ---- comparing one byte string ------------------------------------------------ */

struct result {
	int ours_st, zy_st;
	struct x86_insn in;
	ZydisDecodedInstruction zi;
	ZydisDecodedOperand zo[ZYDIS_MAX_OPERAND_COUNT];
	struct scan scan;
};

static void decode_both(const uint8_t *p, size_t n, int mode, struct result *r)
{
	r->ours_st = x86_decode(p, n, (enum x86_mode)mode, &r->in);
	ZyanStatus st = ZydisDecoderDecodeFull(&zdec[mode_index(mode)], p, n, &r->zi, r->zo);
	r->zy_st = zydis_status(st);
	if (r->zy_st > 0)
		r->zy_st = r->zi.length;
	scan_bytes(p, n, mode, &r->scan);
	if (r->scan.enc == ZD_ENC_3DNOW) {
		/* The 3DNow! opcode is the last byte: take it from whoever knows it. */
		if (r->zy_st > 0)
			r->scan.opcode = r->zi.opcode;
		else if (r->ours_st > 0)
			r->scan.opcode = r->in.opcode;
	}
}

/* Prints both views of one byte string. */
static void print_views(FILE *f, const uint8_t *p, size_t n, int mode, const struct result *r)
{
	char buf[1024];
	struct sbuf b = { buf, sizeof buf, 0 };
	size_t show = n;
	int len = r->zy_st > 0 ? r->zy_st : r->ours_st > 0 ? r->ours_st : 0;
	if (r->zy_st > 0 && r->ours_st > r->zy_st)
		len = r->ours_st;
	if (len > 0 && (size_t)len < show)
		show = (size_t)len;
	if (show > 15)
		show = 15;
	sb_printf(&b, "[%d] ", mode);
	hex_bytes(&b, p, show);
	sb_printf(&b, " | zydis: ");
	format_zydis(&b, r->zy_st, &r->zi, r->zo);
	sb_printf(&b, " | ours: ");
	format_ours(&b, r->ours_st, &r->in);
	fprintf(f, "%s\n", buf);
}

static void map_label(struct sbuf *b, const struct scan *s)
{
	static const char *const legacy_maps[] = { "", "0f ", "0f38 ", "0f3a " };
	static const char *const pp_names[] = { "", "/66", "/f3", "/f2" };
	switch (s->enc) {
	case ZD_ENC_LEGACY:
		sb_printf(b, "legacy %s", legacy_maps[s->map & 3]);
		break;
	case ZD_ENC_3DNOW:
		sb_printf(b, "3dnow 0f0f ");
		break;
	default:
		sb_printf(b, "%s map%d ", enc_names[s->enc], s->map);
	}
	if (s->opcode >= 0)
		sb_printf(b, "%02x", s->opcode);
	else
		sb_printf(b, "??");
	if (!(s->enc == ZD_ENC_LEGACY && s->map == 0) && s->enc != ZD_ENC_3DNOW)
		sb_printf(b, "%s", pp_names[s->pp & 3]);
}

/* Compares one byte string; records the disagreement if any. Returns
 * Zydis's length (> 0) or status, for the linear sweep. */
static int compare_one(const uint8_t *p, size_t n, int mode)
{
	struct result r;
	decode_both(p, n, mode, &r);
	if (opt_only >= 0 && r.scan.enc != opt_only)
		return r.zy_st;

	int mi = mode_index(mode);
	int group = r.zy_st > 0 ? zydis_group(&r.zi) : G_INVALID;
	struct stats *ms = &mode_stats[mi], *gs = &group_stats[group], *es = &enc_stats[r.scan.enc];
	ms->compared++, gs->compared++, es->compared++;

	int kind = -1, od = OD_NONE;
	char why[512];
	struct sbuf wb = { why, sizeof why, 0 };
	why[0] = 0;
	if (r.zy_st > 0 && r.ours_st > 0) {
		ms->both_ok++, gs->both_ok++, es->both_ok++;
		if (r.zy_st != r.ours_st) {
			kind = ZD_LENGTH;
		} else if (zydis_operands_compared(group)) {
			ms->operands_compared++, gs->operands_compared++, es->operands_compared++;
			od = compare_operands(&r.in, &r.zi, r.zo, &wb);
			if (od != OD_NONE)
				kind = ZD_OPERANDS;
		}
	} else if (r.zy_st > 0) {
		kind = ZD_VALID;
	} else if (r.ours_st > 0) {
		kind = ZD_INVALID;
	} else {
		ms->both_fail++, gs->both_fail++, es->both_fail++;
		if (r.zy_st != r.ours_st)
			kind = r.ours_st == X86_DECODE_TOO_LONG && r.zy_st == X86_DECODE_INVALID ? ZD_LONGER
												 : ZD_STATUS;
	}
	if (kind < 0)
		return r.zy_st;

	/* The class: kind, encoding/map/opcode/prefix, both answers. */
	char key[256];
	struct sbuf kb = { key, sizeof key, 0 };
	sb_printf(&kb, "%-8s ", kind_names[kind]);
	if (kind == ZD_OPERANDS)
		sb_printf(&kb, "(%s) ", op_diff_names[od]);
	map_label(&kb, &r.scan);
	sb_printf(&kb, " | zydis %s | ours %s",
		  r.zy_st > 0 ? ZydisMnemonicGetString(r.zi.mnemonic) : status_word(r.zy_st),
		  r.ours_st > 0 ? x86_form_name((enum x86_form)r.in.form) : status_word(r.ours_st));
	/* An excepted instance goes in a class of its own. */
	const struct zd_exception *e = find_exception(p, n, mode, kind, &r.scan);
	if (e)
		sb_printf(&kb, " | exception %d", (int)(e - zd_exceptions) + 1);
	struct dclass *c = class_get(key);
	if (!c->count) {
		c->kind = kind;
		c->owner_map = map_file(&r.scan);
		c->owner_forms = r.ours_st > 0 ? form_file(r.in.form) : NULL;
		c->excepted = e ? (int)(e - zd_exceptions) + 1 : 0;
	}
	c->count++;
	c->per_mode[mi]++;
	kind_counts[kind]++;
	if (c->excepted) {
		ms->excepted++, gs->excepted++, es->excepted++;
		kind_excepted[kind]++;
	} else {
		ms->disagree++, gs->disagree++, es->disagree++;
	}
	if (opt_max_report < 0 || c->nexamples < (unsigned)opt_max_report) {
		char line[2048];
		FILE *mf = fmemopen(line, sizeof line, "w");
		if (mf) {
			print_views(mf, p, n, mode, &r);
			fclose(mf);
			line[sizeof line - 1] = 0;
			size_t l = strlen(line);
			if (l && line[l - 1] == '\n')
				line[--l] = 0;
			if (why[0])
				snprintf(line + l, sizeof line - l, " | %s", why);
			c->examples = realloc(c->examples, (c->nexamples + 1) * sizeof *c->examples);
			if (!c->examples || !(c->examples[c->nexamples] = strdup(line)))
				abort();
			c->nexamples++;
		}
	}
	return r.zy_st;
}

/* ---- inputs ------------------------------------------------------------------- */

/* Linear sweep: Zydis's length when it decodes, else one byte. */
static unsigned long sweep(const uint8_t *p, size_t size, int mode)
{
	unsigned long count = 0;
	size_t off = 0;
	while (off < size) {
		size_t avail = size - off;
		int st = compare_one(p + off, avail, mode);
		off += st > 0 ? (size_t)st : 1;
		count++;
	}
	return count;
}

static int sweep_elf(const char *path)
{
	struct elf_file f;
	if (elf_open(path, &f) != 0) {
		fprintf(stderr, "zydis-diff: %s: %s\n", path, f.error);
		elf_close(&f);
		return -1;
	}
	int mode = f.bits == 64 ? 64 : 32;
	unsigned long total = 0;
	for (size_t i = 0; i < f.nsections; i++) {
		const struct elf_section *s = &f.sections[i];
		if (!elf_section_is_code(s) || !s->data)
			continue;
		total += sweep(s->data, s->size, mode);
	}
	printf("%s: %d-bit, %lu byte strings compared\n", path, mode, total);
	elf_close(&f);
	return 0;
}

static int sweep_raw(const char *path, int mode)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "zydis-diff: %s: %s\n", path, strerror(errno));
		return -1;
	}
	uint8_t *buf = NULL;
	size_t size = 0, cap = 0, got;
	do {
		if (size == cap) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap);
			if (!buf)
				abort();
		}
		got = fread(buf + size, 1, cap - size, f);
		size += got;
	} while (got);
	fclose(f);
	unsigned long total = sweep(buf, size, mode);
	printf("%s: raw %d-bit, %lu byte strings compared\n", path, mode, total);
	free(buf);
	return 0;
}

/* splitmix64: a fixed seed gives the same strings on every machine. */
static uint64_t rng_state;
static uint64_t rng(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}
static unsigned rnd(unsigned n) { return (unsigned)(rng() % n); }

#define RANDOM_LEN 16

/* A random byte string with a bias towards every opcode map: a random head
 * (prefixes, escape, VEX/EVEX/XOP header) followed by random bytes. */
static void random_string(uint8_t *p, int mode)
{
	static const uint8_t legacy_prefixes[] = { 0x66, 0x67, 0xF2, 0xF3, 0xF0, 0x2E, 0x3E, 0x26,
						   0x64, 0x65, 0x36 };
	static const uint8_t sse_prefixes[] = { 0x66, 0xF2, 0xF3 };
	unsigned i = 0;
	for (unsigned k = 0; k < RANDOM_LEN; k++)
		p[k] = (uint8_t)rng();
	unsigned pick = rnd(100);
	/* Some legacy prefixes first, sometimes. */
	if (pick < 40 && rnd(4) == 0) {
		unsigned np = 1 + rnd(3);
		for (unsigned k = 0; k < np; k++)
			p[i++] = legacy_prefixes[rnd(sizeof legacy_prefixes)];
	}
	if (pick < 40 && mode == 64 && rnd(3) == 0)
		p[i++] = (uint8_t)(0x40 | rnd(16));
	if (pick < 15) {
		/* fully random */
	} else if (pick < 22) {
		p[i++] = 0x0F; /* 0F map */
	} else if (pick < 26) {
		p[i++] = 0x0F;
		p[i++] = 0x38;
	} else if (pick < 30) {
		p[i++] = 0x0F;
		p[i++] = 0x3A;
	} else if (pick < 40) {
		/* mandatory prefix + 0F / 0F 38 / 0F 3A */
		unsigned at = i ? i - 1 : 0;
		if (i && mode == 64 && (p[at] & 0xF0) == 0x40) {
			/* keep REX right before the escape */
			p[i] = p[at];
			p[at] = sse_prefixes[rnd(3)];
			i++;
		} else {
			p[i++] = sse_prefixes[rnd(3)];
			if (mode == 64 && rnd(3) == 0)
				p[i++] = (uint8_t)(0x40 | rnd(16));
		}
		p[i++] = 0x0F;
		unsigned m = rnd(4);
		if (m == 1)
			p[i++] = 0x38;
		else if (m == 2)
			p[i++] = 0x3A;
	} else if (pick < 46) {
		/* one-byte map with ModRM-heavy opcodes and x87 */
		p[i++] = (uint8_t)(rnd(2) ? 0xD8 + rnd(8) : rnd(256));
	} else if (pick < 54) {
		/* VEX2: in 16/32-bit mode R and vvvv[3] (inverted) must read 1
		 * for C5 to be VEX rather than LDS. */
		p[i++] = 0xC5;
		uint8_t b = (uint8_t)rng();
		if (mode != 64 || rnd(2))
			b |= 0x80 | 0x40;
		if (rnd(2))
			b |= 0x78; /* vvvv = 1111 (unused) */
		p[i++] = b;
	} else if (pick < 66) {
		/* VEX3 with map 1-3 mostly */
		p[i++] = 0xC4;
		uint8_t b1 = (uint8_t)((rng() & 0xE0) | (rnd(8) ? 1 + rnd(3) : rnd(32)));
		if (mode != 64 || rnd(2))
			b1 |= 0xC0;
		uint8_t b2 = (uint8_t)rng();
		if (rnd(2))
			b2 |= 0x78;
		p[i++] = b1;
		p[i++] = b2;
	} else if (pick < 84) {
		/* EVEX: fixed bits right most of the time, map 1, 2, 3, 5, 6 */
		static const uint8_t maps[] = { 1, 2, 3, 5, 6, 1, 2, 3 };
		p[i++] = 0x62;
		uint8_t p0 = (uint8_t)((rng() & 0xF0) | maps[rnd(sizeof maps)]);
		uint8_t p1 = (uint8_t)(rng() | 0x04);
		uint8_t p2 = (uint8_t)rng();
		if (mode != 64 || rnd(2))
			p0 |= 0xC0;
		if (rnd(8) == 0)
			p0 = (uint8_t)rng(); /* anything */
		if (rnd(2))
			p1 |= 0x78;
		if (rnd(2))
			p2 |= 0x08; /* V' = 0 */
		if (rnd(2))
			p2 &= 0xF8; /* no mask */
		if (rnd(2))
			p2 &= 0x7F; /* no zeroing */
		if (rnd(4))
			p2 &= 0xEF; /* no broadcast / rounding */
		if ((p2 & 0x60) == 0x60 && rnd(4))
			p2 &= 0xBF; /* L'L = 3 only sometimes */
		p[i++] = p0;
		p[i++] = p1;
		p[i++] = p2;
	} else if (pick < 92) {
		/* XOP, maps 8-10 */
		p[i++] = 0x8F;
		uint8_t b1 = (uint8_t)((rng() & 0xE0) | (8 + rnd(3)));
		if (mode != 64 || rnd(2))
			b1 |= 0xC0;
		uint8_t b2 = (uint8_t)rng();
		if (rnd(2))
			b2 |= 0x78;
		p[i++] = b1;
		p[i++] = b2;
	} else if (pick < 97) {
		/* 3DNow!: 0F 0F ModRM [SIB] [disp] imm8 */
		p[i++] = 0x0F;
		p[i++] = 0x0F;
		if (rnd(2)) {
			/* register form: the suffix right after */
			p[i++] = (uint8_t)(0xC0 | rnd(64));
			static const uint8_t suffixes[] = { 0x0C, 0x0D, 0x1C, 0x1D, 0x8A, 0x8E, 0x90, 0x94,
							    0x96, 0x97, 0x9A, 0x9E, 0xA0, 0xA4, 0xA6, 0xA7,
							    0xAA, 0xAE, 0xB0, 0xB4, 0xB6, 0xB7, 0xBB, 0xBF };
			p[i++] = rnd(4) ? suffixes[rnd(sizeof suffixes)] : (uint8_t)rng();
		}
	} else {
		/* long prefix runs: the 15-byte limit */
		unsigned np = 4 + rnd(12);
		for (unsigned k = 0; k < np && i < RANDOM_LEN - 1; k++)
			p[i++] = legacy_prefixes[rnd(sizeof legacy_prefixes)];
	}
}

static void run_random(unsigned long n, uint64_t seed)
{
	static const int modes[3] = { 16, 32, 64 };
	for (int m = 0; m < 3; m++) {
		if (opt_mode && opt_mode != modes[m])
			continue;
		rng_state = seed * 0x100000001B3ull + (uint64_t)modes[m];
		uint8_t buf[RANDOM_LEN];
		unsigned long tries = 0;
		for (unsigned long k = 0; k < n && tries < 100 * n; tries++) {
			random_string(buf, modes[m]);
			if (opt_only >= 0) {
				/* --only: N strings of that encoding class. */
				struct scan sc;
				scan_bytes(buf, RANDOM_LEN, modes[m], &sc);
				if (sc.enc != opt_only)
					continue;
			}
			compare_one(buf, RANDOM_LEN, modes[m]);
			k++;
		}
		printf("random: %d-bit, %lu byte strings compared (seed %" PRIu64 ")\n", modes[m], n, seed);
	}
}

/* ---- running an instruction natively (64-bit mode only) ----------------- */

#if defined(__x86_64__)
static void *probe_page;

static void probe_handler(int sig, siginfo_t *si, void *uctx)
{
	(void)uctx;
	/* Report signal and where it hit, then leave. */
	uint64_t out[5] = { (uint64_t)sig, (uint8_t *)si->si_addr == (uint8_t *)probe_page ? 1 : 0,
			    (uint64_t)(uintptr_t)si->si_addr, 0, 0 };
	if (sig == SIGILL || sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGTRAP) {
		ucontext_t *uc = uctx;
		if (sig != SIGILL)
			out[1] = (uint8_t *)uc->uc_mcontext.gregs[REG_RIP] == (uint8_t *)probe_page;
		out[3] = (uint64_t)uc->uc_mcontext.gregs[REG_RAX];
		out[4] = (uint64_t)uc->uc_mcontext.gregs[REG_R8];
	}
	ssize_t w = write(3, out, sizeof out);
	(void)w;
	_exit(0);
}

/* Runs the bytes at the start of a page in a child process, every general
 * register zero, and tells whether the processor raised #UD on them:
 * returns 1 for SIGILL at the first byte (invalid), 0 for anything else
 * (the instruction decoded: it ran, or faulted for another reason), -1 if
 * the probe itself failed. */
static int native_probe(const uint8_t *p, size_t n, char *what, size_t what_size)
{
	int fds[2];
	if (pipe(fds) != 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		close(fds[0]);
		if (fds[1] != 3) {
			dup2(fds[1], 3);
			close(fds[1]);
		}
		probe_page = mmap(NULL, 8192, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (probe_page == MAP_FAILED)
			_exit(1);
		memset(probe_page, 0xCC, 8192); /* int3 after the instruction */
		/* A data page at 0x10000 with nothing mapped after it: an absolute
		 * [0x10ffe] read of 2 bytes works, of 4 bytes faults, which shows
		 * the size a memory operand reads. */
		void *data = mmap((void *)0x10000, 8192, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
		if (data != MAP_FAILED)
			mprotect((uint8_t *)data + 4096, 4096, PROT_NONE);
		memcpy(probe_page, p, n > 15 ? 15 : n);
		static char altstack[65536];
		stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack };
		sigaltstack(&ss, NULL);
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_sigaction = probe_handler;
		sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
		int sigs[] = { SIGILL, SIGSEGV, SIGBUS, SIGFPE, SIGTRAP, SIGALRM };
		for (unsigned k = 0; k < sizeof sigs / sizeof *sigs; k++)
			sigaction(sigs[k], &sa, NULL);
		alarm(1);
		/* Zero every register but the jump target and r8 (a marker
		 * that shows register moves), so that a SYSCALL is
		 * read(0, NULL, 0) and memory operands fault. */
		__asm__ volatile(
			"mov %0, %%r15\n\t"
			"xor %%eax, %%eax\n\txor %%ebx, %%ebx\n\txor %%ecx, %%ecx\n\txor %%edx, %%edx\n\t"
			"xor %%esi, %%esi\n\txor %%edi, %%edi\n\txor %%ebp, %%ebp\n\t"
			"mov $0x1111, %%r8d\n\txor %%r9d, %%r9d\n\txor %%r10d, %%r10d\n\txor %%r11d, %%r11d\n\t"
			"xor %%r12d, %%r12d\n\txor %%r13d, %%r13d\n\txor %%r14d, %%r14d\n\t"
			"jmp *%%r15\n\t"
			: : "r"(probe_page) : "memory");
		_exit(2);
	}
	close(fds[1]);
	uint64_t out[5] = { 0, 0, 0, 0, 0 };
	ssize_t got = read(fds[0], out, sizeof out);
	close(fds[0]);
	int status;
	waitpid(pid, &status, 0);
	if (got != sizeof out) {
		snprintf(what, what_size, "probe died (status 0x%x)", status);
		return -1;
	}
	/* With every register zero, the fault address of a memory operand
	 * is its displacement: it shows how the processor read ModRM/SIB. */
	snprintf(what, what_size, "%s%s", strsignal((int)out[0]),
		 out[0] == SIGALRM ? "" : out[1] ? " at the instruction" : " after the instruction");
	size_t l = strlen(what);
	if (out[0] == SIGSEGV && out[1])
		snprintf(what + l, what_size - l, " (fault address 0x%" PRIx64 ")", out[2]);
	else if (out[0] == SIGTRAP)
		snprintf(what + l, what_size - l, " (then rax=0x%" PRIx64 " r8=0x%" PRIx64 ")", out[3], out[4]);
	return out[0] == SIGILL && out[1];
}
#endif

/* ---- the --hex mode --------------------------------------------------------- */

static int parse_hex(const char *s, uint8_t *out, size_t max)
{
	size_t n = 0;
	while (*s) {
		if (*s == ' ' || *s == ',' || *s == ':' || *s == '\t') {
			s++;
			continue;
		}
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
			s += 2;
		char *end;
		char two[3] = { s[0], s[1] && s[1] != ' ' ? s[1] : 0, 0 };
		unsigned long v = strtoul(two, &end, 16);
		if (end == two || n >= max)
			return -1;
		out[n++] = (uint8_t)v;
		s += end - two;
	}
	return (int)n;
}

static int run_hex(const char *hex, int native)
{
	uint8_t buf[32];
	int n = parse_hex(hex, buf, sizeof buf);
	if (n <= 0) {
		fprintf(stderr, "zydis-diff: bad --hex string\n");
		return 2;
	}
	static const int modes[3] = { 16, 32, 64 };
	int bad = 0;
	for (int m = 0; m < 3; m++) {
		if (opt_mode && opt_mode != modes[m])
			continue;
		struct result r;
		decode_both(buf, (size_t)n, modes[m], &r);
		char line[1024];
		struct sbuf b = { line, sizeof line, 0 };
		sb_printf(&b, "[%d] ", modes[m]);
		hex_bytes(&b, buf, (size_t)n);
		printf("%s  (", line);
		b.len = 0;
		map_label(&b, &r.scan);
		printf("%s; rows in %s)\n", line, map_file(&r.scan));
		b.len = 0;
		format_zydis(&b, r.zy_st, &r.zi, r.zo);
		printf("  zydis: %s", line);
		if (r.zy_st > 0)
			printf("   [%s, %s, %s]", ZydisCategoryGetString(r.zi.meta.category),
			       ZydisISASetGetString(r.zi.meta.isa_set), group_names[zydis_group(&r.zi)]);
		printf("\n");
		if (r.zy_st > 0) {
			for (unsigned i = 0; i < r.zi.operand_count; i++) {
				b.len = 0;
				format_zydis_operand(&b, &r.zo[i]);
				printf("         op%u%s %s\n", i + 1, i < r.zi.operand_count_visible ? "" : " (hidden)", line);
			}
		}
		b.len = 0;
		format_ours(&b, r.ours_st, &r.in);
		printf("  ours:  %s", line);
		if (r.ours_st > 0)
			printf("   [%s]", form_file(r.in.form));
		printf("\n");
		const char *verdict = "agree";
		int kind = -1;
		b.len = 0;
		line[0] = 0;
		if (r.zy_st > 0 && r.ours_st > 0) {
			if (r.zy_st != r.ours_st) {
				verdict = "LENGTH differs";
				kind = ZD_LENGTH;
			} else if (compare_operands(&r.in, &r.zi, r.zo, &b) != OD_NONE) {
				if (zydis_operands_compared(zydis_group(&r.zi))) {
					verdict = "OPERANDS differ";
					kind = ZD_OPERANDS;
				} else {
					verdict = "operands differ (not compared for this group)";
				}
			}
		} else if (r.zy_st > 0) {
			verdict = "VALID for zydis only";
			kind = ZD_VALID;
		} else if (r.ours_st > 0) {
			verdict = "INVALID for zydis only";
			kind = ZD_INVALID;
		} else if (r.zy_st != r.ours_st) {
			verdict = "STATUS differs";
			kind = r.ours_st == X86_DECODE_TOO_LONG && r.zy_st == X86_DECODE_INVALID ? ZD_LONGER : ZD_STATUS;
		}
		printf("  => %s%s%s\n", verdict, b.len ? ": " : "", b.len ? line : "");
		const struct zd_exception *e = kind >= 0 ? find_exception(buf, (size_t)n, modes[m], kind, &r.scan) : NULL;
		if (e)
			printf("  excepted (tests/zydis/exceptions.h #%d): %s [%s]\n", (int)(e - zd_exceptions) + 1,
			       e->what, e->cite);
		else if (kind >= 0)
			bad = 1;
#if defined(__x86_64__)
		if (native && modes[m] == 64) {
			char what[200];
			int ud = native_probe(buf, (size_t)n, what, sizeof what);
			printf("  native (this host, 64-bit): %s -> %s\n", what,
			       ud < 0 ? "probe failed" : ud ? "#UD, invalid" : "no #UD");
		}
#else
		(void)native;
#endif
	}
	return bad;
}

/* ---- report ------------------------------------------------------------------ */

static int cmp_class(const void *a, const void *b)
{
	const struct dclass *x = *(const struct dclass *const *)a, *y = *(const struct dclass *const *)b;
	if (x->excepted != y->excepted)
		return x->excepted ? 1 : -1;
	if (x->kind != y->kind)
		return x->kind - y->kind;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->key, y->key);
}

static void print_stats_line(const char *label, const struct stats *s)
{
	printf("  %-16s %10lu compared  %10lu both ok  %9lu both invalid  %10lu operands compared  %8lu disagree  %6lu excepted\n",
	       label, s->compared, s->both_ok, s->both_fail, s->operands_compared, s->disagree, s->excepted);
}

static unsigned long report(void)
{
	unsigned long total = 0;
	printf("\n== counts per mode\n");
	static const char *const mode_labels[3] = { "16-bit", "32-bit", "64-bit" };
	struct stats all = { 0 };
	for (int m = 0; m < 3; m++) {
		if (!mode_stats[m].compared)
			continue;
		print_stats_line(mode_labels[m], &mode_stats[m]);
		all.compared += mode_stats[m].compared;
		all.both_ok += mode_stats[m].both_ok;
		all.both_fail += mode_stats[m].both_fail;
		all.operands_compared += mode_stats[m].operands_compared;
		all.disagree += mode_stats[m].disagree;
		all.excepted += mode_stats[m].excepted;
	}
	print_stats_line("all", &all);
	printf("== counts per group (Zydis's decoding; '(invalid)' = Zydis rejects)\n");
	for (int g = 0; g < G_COUNT; g++)
		if (group_stats[g].compared)
			print_stats_line(group_names[g], &group_stats[g]);
	printf("== counts per encoding (by the bytes)\n");
	for (int e = 0; e < ZD_ENC_COUNT; e++)
		if (enc_stats[e].compared)
			print_stats_line(enc_names[e], &enc_stats[e]);
	printf("== disagreements per kind\n");
	for (int k = 0; k < ZD_KIND_COUNT; k++)
		printf("  %-8s %10lu  (%lu excepted)  %s\n", kind_names[k], kind_counts[k], kind_excepted[k],
		       kind_help[k]);

	if (nclasses)
		qsort(classes, nclasses, sizeof *classes, cmp_class);
	/* Per owner file. */
	printf("== disagreement classes per owner (row's map file / form's .def file)\n");
	struct owner { char name[96]; unsigned long classes, count; } owners[32];
	unsigned nowners = 0;
	for (size_t i = 0; i < nclasses; i++) {
		const struct dclass *c = classes[i];
		if (c->excepted)
			continue;
		char name[96];
		snprintf(name, sizeof name, "%s%s%s", c->owner_map, c->owner_forms ? " / " : "",
			 c->owner_forms ? c->owner_forms : "");
		unsigned o;
		for (o = 0; o < nowners; o++)
			if (!strcmp(owners[o].name, name))
				break;
		if (o == nowners) {
			if (nowners == 32)
				continue;
			memcpy(owners[o].name, name, sizeof name);
			owners[o].classes = owners[o].count = 0;
			nowners++;
		}
		owners[o].classes++;
		owners[o].count += c->count;
	}
	for (unsigned o = 0; o < nowners; o++)
		printf("  %-40s %6lu classes %10lu byte strings\n", owners[o].name, owners[o].classes, owners[o].count);

	printf("== disagreement classes (%zu)\n", nclasses);
	for (size_t i = 0; i < nclasses; i++) {
		const struct dclass *c = classes[i];
		printf("%s%s  x%lu (16:%lu 32:%lu 64:%lu)  [%s%s%s]\n", c->excepted ? "EXCEPTED " : "", c->key,
		       c->count, c->per_mode[0], c->per_mode[1], c->per_mode[2], c->owner_map,
		       c->owner_forms ? ", " : "", c->owner_forms ? c->owner_forms : "");
		if (c->excepted)
			printf("    exception: %s (%s)\n", zd_exceptions[c->excepted - 1].what,
			       zd_exceptions[c->excepted - 1].cite);
		if (!opt_quiet)
			for (unsigned k = 0; k < c->nexamples; k++)
				printf("    %s\n", c->examples[k]);
		if (!c->excepted)
			total += c->count;
	}
	printf("== result: %lu compared, %lu disagreements in %zu classes (%lu excepted)\n", all.compared,
	       total, nclasses, all.excepted);
	return total;
}

/* ---- main ---------------------------------------------------------------------- */

static void usage(void)
{
	fprintf(stderr,
		"usage: zydis-diff [options] ELF-FILE...\n"
		"       zydis-diff --random N [--seed S] [--mode 16|32|64]\n"
		"       zydis-diff --hex \"f3 0f b8 c0\" [--mode 64] [--native]\n"
		"       zydis-diff --raw FILE --mode 16|32|64\n"
		"options: --only legacy|vex|evex|xop|3dnow  --max-report K  --operands-all\n"
		"         --no-exceptions  --quiet\n");
	exit(2);
}

int main(int argc, char **argv)
{
	unsigned long nrandom = 0;
	uint64_t seed = 1;
	const char *hex = NULL;
	int native = 0, inputs = 0;
	const char *raw[64];
	int nraw = 0;
	const char *elfs[64];
	int nelfs = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
#define NEXT() (i + 1 < argc ? argv[++i] : (usage(), ""))
		if (!strcmp(a, "--random"))
			nrandom = strtoul(NEXT(), NULL, 0), inputs++;
		else if (!strcmp(a, "--seed"))
			seed = strtoull(NEXT(), NULL, 0);
		else if (!strcmp(a, "--hex"))
			hex = NEXT();
		else if (!strcmp(a, "--native"))
			native = 1;
		else if (!strcmp(a, "--raw")) {
			if (nraw < 64)
				raw[nraw++] = NEXT();
			inputs++;
		} else if (!strcmp(a, "--mode")) {
			opt_mode = atoi(NEXT());
			if (opt_mode != 16 && opt_mode != 32 && opt_mode != 64)
				usage();
		} else if (!strcmp(a, "--only")) {
			const char *v = NEXT();
			opt_only = -2;
			for (int e = 0; e < ZD_ENC_COUNT; e++)
				if (!strcmp(v, enc_names[e]))
					opt_only = e;
			if (opt_only < 0)
				usage();
		} else if (!strcmp(a, "--max-report"))
			opt_max_report = atoi(NEXT());
		else if (!strcmp(a, "--operands-all"))
			opt_operands_all = 1;
		else if (!strcmp(a, "--no-exceptions"))
			opt_exceptions = 0;
		else if (!strcmp(a, "--quiet"))
			opt_quiet = 1;
		else if (a[0] == '-')
			usage();
		else {
			if (nelfs < 64)
				elfs[nelfs++] = a;
			inputs++;
		}
	}

	ZydisDecoderInit(&zdec[0], ZYDIS_MACHINE_MODE_LEGACY_16, ZYDIS_STACK_WIDTH_16);
	ZydisDecoderInit(&zdec[1], ZYDIS_MACHINE_MODE_LEGACY_32, ZYDIS_STACK_WIDTH_32);
	ZydisDecoderInit(&zdec[2], ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64);
	ZydisFormatterInit(&zfmt, ZYDIS_FORMATTER_STYLE_INTEL);

	if (hex)
		return run_hex(hex, native);
	if (!inputs)
		usage();
	setvbuf(stdout, NULL, _IOLBF, 0);
	int failed = 0;
	for (int i = 0; i < nelfs; i++)
		failed |= sweep_elf(elfs[i]) != 0;
	for (int i = 0; i < nraw; i++) {
		if (!opt_mode) {
			fprintf(stderr, "zydis-diff: --raw needs --mode\n");
			return 2;
		}
		failed |= sweep_raw(raw[i], opt_mode) != 0;
	}
	if (nrandom)
		run_random(nrandom, seed);
	unsigned long bad = report();
	return bad || failed ? 1 : 0;
}
