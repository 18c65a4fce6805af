/* format.c - Intel-syntax text of a decoded instruction, written the way
 * GNU objdump -d -M intel (binutils 2.40) writes it, so that the output of
 * `uopsim disasm` can be compared with objdump's line by line.
 *
 * The spec is objdump's behaviour, including its quirks; each rule below
 * that is objdump's own (not the SDM's) says so:
 *  - the mnemonic, padded to 6 columns and a space when operands follow;
 *  - prefixes that had no effect are printed by name before the mnemonic,
 *    in byte order: "data16", "addr32", "cs", "rex.W", "repz", "lock"...;
 *    F3 on string instructions is "rep", F2 on branches "bnd", 3E on
 *    indirect branches "notrack";
 *  - memory operands carry a size keyword (BYTE PTR ... ZMMWORD PTR) and
 *    the segment when a prefix overrides it; an address without base and
 *    index is written "ds:0x..."; a SIB byte without index prints the
 *    pseudo-register eiz/riz when objdump needs it to be unambiguous;
 *  - RIP-relative operands get a "        # 0x<target>" comment;
 *  - immediates are hexadecimal; sign-extended ones are shown as the
 *    operand-size value (push -1 in 64-bit mode is 0xffffffffffffffff);
 *  - branch targets are absolute addresses ("0x401012": no symbols);
 *  - pseudo-op names for predicate immediates (cmpeqps, vpcmpneqb...).
 * objdump's line boundaries, which are not always instruction boundaries
 * (a REX before another prefix, FWAIT before x87, "(bad)"), are reproduced
 * by x86_disasm_line() at the end of this file.
 *
 * Checked against objdump on real binaries and random byte soup by
 * tests/objdump-compare.pl (tests/run-integration.sh, section objdump).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tables.h"
#include "x86_format.h"

/* ---- output buffer (snprintf semantics) --------------------------------- */

struct sink {
	char *buf;
	size_t size;
	size_t len; /* what would have been written */
};

static void put(struct sink *s, const char *str)
{
	size_t n = strlen(str);
	if (s->size && s->len < s->size - 1) {
		size_t room = s->size - 1 - s->len;
		memcpy(s->buf + s->len, str, n < room ? n : room);
	}
	s->len += n;
	if (s->size)
		s->buf[s->len < s->size ? s->len : s->size - 1] = '\0';
}

static void putf(struct sink *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(struct sink *s, const char *fmt, ...)
{
	char tmp[128];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	put(s, tmp);
}

static void put_hex(struct sink *s, uint64_t v)
{
	putf(s, "0x%llx", (unsigned long long)v);
}

static uint64_t mask_bits(uint64_t v, unsigned bits)
{
	return bits >= 64 || bits == 0 ? v : v & ((1ull << bits) - 1);
}

/* ---- what the instruction's form says ----------------------------------- */

static const struct x86_form_info *form_info(const struct x86_insn *insn)
{
	return &x86_forms[insn->form < X86_FORM_COUNT ? insn->form : X86_FORM_INVALID];
}

static int has_am(const struct x86_form_info *fi, enum x86_am am)
{
	for (unsigned i = 0; i < fi->noperands; i++)
		if (fi->op[i].am == am)
			return 1;
	return 0;
}

static int is_string_form(const struct x86_form_info *fi)
{
	return has_am(fi, X86_AM_X) || has_am(fi, X86_AM_Y);
}

/* A memory operand that a segment prefix can override (ES:rDI cannot). */
static int has_overridable_memory(const struct x86_insn *insn, const struct x86_form_info *fi)
{
	for (unsigned i = 0; i < insn->noperands; i++)
		if (insn->operands[i].kind == X86_OP_MEM && fi->op[i].am != X86_AM_Y)
			return 1;
	if (insn->form == X86_FORM_XLAT)
		return 1;
	return 0;
}

static int has_memory(const struct x86_insn *insn)
{
	for (unsigned i = 0; i < insn->noperands; i++)
		if (insn->operands[i].kind == X86_OP_MEM)
			return 1;
	return insn->form == X86_FORM_XLAT;
}

/* Forms whose identity (not an operand) is chosen by the operand size. */
static int form_picked_by_osize(enum x86_form form)
{
	switch (form) {
	case X86_FORM_CBW:
	case X86_FORM_CWDE:
	case X86_FORM_CDQE:
	case X86_FORM_CWD:
	case X86_FORM_CDQ:
	case X86_FORM_CQO:
	case X86_FORM_IRET:
	case X86_FORM_IRETD:
	case X86_FORM_IRETQ: return 1;
	default: return 0;
	}
}

/* Stack and near-branch forms to which objdump adds a size suffix when a
 * 66 prefix changes their operand size ("pushw 0x1", "retw", "pushfd" in
 * 16-bit code), since no operand shows the size. */
static int form_takes_size_suffix(enum x86_form form)
{
	switch (form) {
	case X86_FORM_RET:
	case X86_FORM_RET_Iw:
	case X86_FORM_RETF:
	case X86_FORM_RETF_Iw:
	case X86_FORM_ENTER_Iw_Ib:
	case X86_FORM_LEAVE:
	case X86_FORM_PUSH_ES:
	case X86_FORM_PUSH_CS:
	case X86_FORM_PUSH_SS:
	case X86_FORM_PUSH_DS:
	case X86_FORM_PUSH_FS:
	case X86_FORM_PUSH_GS:
	case X86_FORM_POP_ES:
	case X86_FORM_POP_SS:
	case X86_FORM_POP_DS:
	case X86_FORM_POP_FS:
	case X86_FORM_POP_GS:
	case X86_FORM_PUSH_Iz:
	case X86_FORM_PUSH_Ibs:
	case X86_FORM_PUSHF:
	case X86_FORM_PUSHFD:
	case X86_FORM_PUSHFQ:
	case X86_FORM_POPF:
	case X86_FORM_POPFD:
	case X86_FORM_POPFQ:
	case X86_FORM_PUSHA:
	case X86_FORM_PUSHAD:
	case X86_FORM_POPA:
	case X86_FORM_POPAD:
	case X86_FORM_IRET:
	case X86_FORM_IRETD: return 1;
	case X86_FORM_CALL_Jz:
	case X86_FORM_JMP_Jz: return 1;
	default: return 0;
	}
}

/* The string form's own operand size: b forms ignore 66 and REX.W. */
static int string_form_sized(const struct x86_form_info *fi)
{
	for (unsigned i = 0; i < fi->noperands; i++)
		if ((fi->op[i].am == X86_AM_X || fi->op[i].am == X86_AM_Y) && fi->op[i].ot != X86_OT_b)
			return 1;
	return 0;
}

static int has_ot(const struct x86_form_info *fi, enum x86_ot ot)
{
	for (unsigned i = 0; i < fi->noperands; i++)
		if (fi->op[i].ot == ot && fi->op[i].am != X86_AM_J)
			return 1;
	return 0;
}

/* MOV Sreg, r: objdump names the register by the operand size. */
static int mov_sreg_from_reg(const struct x86_insn *insn)
{
	return insn->form == X86_FORM_MOV_Sw_Ew && insn->operands[1].kind == X86_OP_REG;
}

/* Did a 66 prefix matter to objdump? It prints "data16" when not. */
static int uses_66(const struct x86_insn *insn, const struct x86_form_info *fi)
{
	if (form_picked_by_osize(insn->form) || form_takes_size_suffix(insn->form) ||
	    insn->form == X86_FORM_NOP || mov_sreg_from_reg(insn))
		return 1;
	if (is_string_form(fi))
		return string_form_sized(fi);
	/* Jb ignores it (objdump prints "data16 jne"), Jz reads 16 bits. */
	for (unsigned i = 0; i < fi->noperands; i++)
		if (fi->op[i].am == X86_AM_J && fi->op[i].ot == X86_OT_z)
			return 1;
	/* MOV to or from CR/DR: always 32 or 64 bits, objdump prints "data16". */
	if (has_am(fi, X86_AM_C) || has_am(fi, X86_AM_D))
		return 0;
	if (insn->form == X86_FORM_MOVSXD_Gw_Ew || !strcmp(fi->mnemonic, "ud0") ||
	    !strcmp(fi->mnemonic, "ud1"))
		return 1;
	/* y operands are sized by REX.W alone. */
	return has_ot(fi, X86_OT_v) || has_ot(fi, X86_OT_z) || has_ot(fi, X86_OT_a) || has_ot(fi, X86_OT_p) ||
	       has_ot(fi, X86_OT_bs) || has_ot(fi, X86_OT_fenv) || has_ot(fi, X86_OT_fstate) ||
	       (has_ot(fi, X86_OT_s) && insn->mode != X86_MODE_64);
}

static int objdump_gpr_by_osize(const struct x86_insn *insn, const struct x86_form_info *fi, unsigned i);

/* Did REX.W matter to objdump? Not for stack operations and near branches
 * (64-bit anyway), nor for z-sized and far-pointer operands. */
static int uses_rex_w(const struct x86_insn *insn, const struct x86_form_info *fi)
{
	if (form_picked_by_osize(insn->form) || mov_sreg_from_reg(insn) || insn->form == X86_FORM_RETF ||
	    insn->form == X86_FORM_RETF_Iw || (fi->flags & X86_F_W1) || !strcmp(fi->mnemonic, "cmpxchg16b") ||
	    (strlen(fi->mnemonic) > 2 && !strcmp(fi->mnemonic + strlen(fi->mnemonic) - 2, "64")))
		return 1; /* REX.W chose the form: fxsave64, xrstor64... */
	if (is_string_form(fi))
		return string_form_sized(fi) && !has_am(fi, X86_AM_rDX); /* not INS/OUTS */
	if (fi->flags & (X86_F_D64 | X86_F_F64))
		return 0;
	for (unsigned i = 0; i < insn->noperands; i++)
		if (objdump_gpr_by_osize(insn, fi, i))
			return 1;
	/* A 64-bit general register named by a q operand: a form REX.W chose
	 * (RDSSPQ, INCSSPQ). */
	for (unsigned i = 0; i < insn->noperands; i++)
		if (insn->operands[i].kind == X86_OP_REG && fi->op[i].ot == X86_OT_q &&
		    insn->operands[i].reg >= X86_REG_RAX && insn->operands[i].reg <= X86_REG_R15)
			return 1;
	return has_ot(fi, X86_OT_v) || has_ot(fi, X86_OT_y);
}

/* objdump's pseudo index register: a SIB byte without index prints
 * "eiz"/"riz" unless it is the plain [esp]/[r12] base form; a 32-bit SIB
 * address without base or index is [eiz*1+disp] (in 64-bit code with 67
 * too: ds:disp would be a 64-bit address). */
static int has_pseudo_index(const struct x86_insn *insn, const struct x86_form_info *fi, unsigned i)
{
	const struct x86_mem *m = &insn->operands[i].mem;
	enum x86_am am = (enum x86_am)fi->op[i].am;
	if (!insn->has_sib || insn->operands[i].kind != X86_OP_MEM || am == X86_AM_O || am == X86_AM_X ||
	    am == X86_AM_Y || am == X86_AM_MVSIB || m->index != X86_REG_NONE || insn->address_size == 16)
		return 0;
	int havebase = m->base != X86_REG_NONE;
	int needindex = !havebase && insn->address_size == 32;
	return (insn->sib >> 6) != 0 || needindex || (havebase && (insn->sib & 7) != 4);
}

/* Did a 67 prefix matter to objdump? A ModRM or string memory operand
 * and JCXZ/JECXZ/JRCXZ read the address size; objdump ignores it for the
 * moffs of A0-A3 and for LOOPcc ("addr32 loop"), printing "addr32". */
static int uses_address_size(const struct x86_insn *insn, const struct x86_form_info *fi)
{
	switch (insn->form) {
	case X86_FORM_JCXZ_Jb:
	case X86_FORM_JECXZ_Jb:
	case X86_FORM_JRCXZ_Jb:
	case X86_FORM_XLAT: return 1;
	default: break;
	}
	/* MPX ignores 67 in 64-bit mode. */
	if ((fi->flags & X86_F_A64) && insn->mode == X86_MODE_64)
		return 0;
	/* For a ModRM address, objdump marks 67 used when the address has a
	 * base, an index (eiz included) or is RIP-relative, or is 16-bit:
	 * a bare 32-bit displacement leaves "addr32" printed. */
	for (unsigned i = 0; i < insn->noperands; i++) {
		const struct x86_operand *op = &insn->operands[i];
		if (op->kind != X86_OP_MEM || fi->op[i].am == X86_AM_O)
			continue;
		if (insn->address_size == 16 || fi->op[i].am == X86_AM_X || fi->op[i].am == X86_AM_Y ||
		    op->mem.base != X86_REG_NONE || op->mem.index != X86_REG_NONE ||
		    has_pseudo_index(insn, fi, i))
			return 1;
	}
	return 0;
}

/* The REX bits objdump marks as used: W when the operand size matters, R
 * for a ModRM.reg register, X with a SIB byte, B for ModRM.rm (register or
 * memory) and opcode-register operands; 0x40 itself with a byte register. */
static unsigned rex_bits_used(const struct x86_insn *insn, const struct x86_form_info *fi)
{
	unsigned used = 0;
	if (uses_rex_w(insn, fi))
		used |= 8;
	if (insn->has_sib && has_memory(insn))
		used |= 2;
	/* Any ModRM memory operand reads REX.B (for the base). */
	if (insn->has_modrm && (insn->modrm >> 6) != 3 && has_memory(insn))
		used |= 1;
	/* The reserved NOPs show their r/m operand only (see below). */
	unsigned nops = !strcmp(fi->mnemonic, "nop") && fi->noperands > 1 ? 1 : fi->noperands;
	for (unsigned i = 0; i < nops; i++) {
		const struct x86_operand *op = &insn->operands[i];
		switch (fi->op[i].am) {
		case X86_AM_G:
		case X86_AM_V:
		case X86_AM_C:
		case X86_AM_D: used |= 4; break;
		case X86_AM_E:
		case X86_AM_M:
		case X86_AM_R:
		case X86_AM_W:
		case X86_AM_U:
		case X86_AM_Rmod:
		case X86_AM_Z:
		case X86_AM_MVSIB: used |= 1; break;
		default: break;
		}
		/* objdump consults REX for a byte register only when its number
		 * has bit 2 set (SPL..DIL, R12B..R15B; AH..BH without REX). */
		if (op->kind == X86_OP_REG && op->size == 8 && op->reg >= X86_REG_AL &&
		    op->reg <= X86_REG_R15B && ((op->reg - X86_REG_AL) & 4) &&
		    (fi->op[i].am == X86_AM_G || fi->op[i].am == X86_AM_E || fi->op[i].am == X86_AM_R ||
		     fi->op[i].am == X86_AM_Z))
			used |= 0x40;
	}
	if (used & insn->rex & 0xF)
		used |= 0x40;
	return used;
}

/* ---- prefixes -------------------------------------------------------------- */

enum pfx_name {
	PFX_NONE,
	PFX_BYTE,
	PFX_REP,
	PFX_BND,
	PFX_NOTRACK,
	PFX_XACQUIRE,
	PFX_XRELEASE,
};

static int is_legacy_prefix(uint8_t b)
{
	switch (b) {
	case 0xF0:
	case 0xF2:
	case 0xF3:
	case 0x66:
	case 0x67:
	case 0x26:
	case 0x2E:
	case 0x36:
	case 0x3E:
	case 0x64:
	case 0x65: return 1;
	default: return 0;
	}
}

static const char *prefix_byte_name(uint8_t b, enum x86_mode mode, char *rexbuf)
{
	switch (b) {
	case 0xF0: return "lock";
	case 0xF2: return "repnz";
	case 0xF3: return "repz";
	case 0x66: return mode == X86_MODE_16 ? "data32" : "data16";
	case 0x67: return mode == X86_MODE_32 ? "addr16" : "addr32";
	case 0x26: return "es";
	case 0x2E: return "cs";
	case 0x36: return "ss";
	case 0x3E: return "ds";
	case 0x64: return "fs";
	case 0x65: return "gs";
	default:
		if ((b & 0xF0) == 0x40) {
			strcpy(rexbuf, "rex");
			if (b & 0xF) {
				strcat(rexbuf, ".");
				if (b & 8)
					strcat(rexbuf, "W");
				if (b & 4)
					strcat(rexbuf, "R");
				if (b & 2)
					strcat(rexbuf, "X");
				if (b & 1)
					strcat(rexbuf, "B");
			}
			return rexbuf;
		}
		return "?";
	}
}

#define MAX_PFX 15

struct prefix_list {
	unsigned n;
	uint8_t byte[MAX_PFX];
	uint8_t name[MAX_PFX]; /* enum pfx_name; PFX_NONE = not printed */
};

/* The prefix bytes, from the instruction bytes when we have them, else one
 * of each kind the decoder saw, in a fixed order. */
static void collect_prefixes(const struct x86_insn *insn, const uint8_t *bytes, struct prefix_list *pl)
{
	pl->n = 0;
	if (bytes) {
		for (unsigned i = 0; i < insn->length && pl->n < MAX_PFX; i++) {
			uint8_t b = bytes[i];
			int rex = insn->mode == X86_MODE_64 && (b & 0xF0) == 0x40;
			if (!is_legacy_prefix(b) && !rex)
				break;
			pl->byte[pl->n++] = b;
		}
	} else {
		static const struct {
			uint32_t bit;
			uint8_t byte;
		} order[] = {
		    {X86_PREFIX_LOCK, 0xF0},   {X86_PREFIX_REPNE, 0xF2},    {X86_PREFIX_REP, 0xF3},
		    {X86_PREFIX_ES, 0x26},     {X86_PREFIX_CS, 0x2E},       {X86_PREFIX_SS, 0x36},
		    {X86_PREFIX_DS, 0x3E},     {X86_PREFIX_FS, 0x64},       {X86_PREFIX_GS, 0x65},
		    {X86_PREFIX_OPSIZE, 0x66}, {X86_PREFIX_ADDRSIZE, 0x67},
		};
		for (unsigned i = 0; i < sizeof order / sizeof order[0]; i++)
			if (insn->prefixes & order[i].bit)
				pl->byte[pl->n++] = order[i].byte;
		if (insn->rex)
			pl->byte[pl->n++] = insn->rex;
	}
	for (unsigned i = 0; i < pl->n; i++)
		pl->name[i] = PFX_BYTE;
}

static int last_index(const struct prefix_list *pl, int (*match)(uint8_t))
{
	for (int i = (int)pl->n - 1; i >= 0; i--)
		if (match(pl->byte[i]))
			return i;
	return -1;
}

static int is_66(uint8_t b)
{
	return b == 0x66;
}
static int is_67(uint8_t b)
{
	return b == 0x67;
}
static int is_f2(uint8_t b)
{
	return b == 0xF2;
}
static int is_f3(uint8_t b)
{
	return b == 0xF3;
}
static int is_lock(uint8_t b)
{
	return b == 0xF0;
}
static int is_rex(uint8_t b)
{
	return (b & 0xF0) == 0x40;
}
static int is_seg(uint8_t b)
{
	return b == 0x26 || b == 0x2E || b == 0x36 || b == 0x3E || b == 0x64 || b == 0x65;
}

/* Decides which prefixes objdump prints and under which name; returns
 * whether the memory operands should still show the segment override
 * (not when 3E became "notrack"). */
static int resolve_prefixes(const struct x86_insn *insn, const struct x86_form_info *fi,
                            struct prefix_list *pl)
{
	int i66 = last_index(pl, is_66), i67 = last_index(pl, is_67);
	int if2 = last_index(pl, is_f2), if3 = last_index(pl, is_f3);
	int ilock = last_index(pl, is_lock), iseg = last_index(pl, is_seg);
	int irex = insn->rex ? last_index(pl, is_rex) : -1;
	int show_segment = 1;
	int mem = has_memory(insn);

	if (insn->prefixes & X86_PREFIX_MANDATORY_66 && i66 >= 0)
		pl->name[i66] = PFX_NONE;
	else if (i66 >= 0 && uses_66(insn, fi) && !(insn->rex & 8))
		pl->name[i66] = PFX_NONE;
	if (insn->prefixes & X86_PREFIX_MANDATORY_F3 && if3 >= 0 && strcmp(fi->mnemonic, "nop"))
		pl->name[if3] = PFX_NONE;
	/* 90 is NOP in the F2 column too, but for objdump F2 stays "repnz". */
	if (insn->prefixes & X86_PREFIX_MANDATORY_F2 && if2 >= 0 && strcmp(fi->mnemonic, "nop"))
		pl->name[if2] = PFX_NONE;
	if (i67 >= 0 && uses_address_size(insn, fi))
		pl->name[i67] = PFX_NONE;
	if (irex >= 0) {
		unsigned used = rex_bits_used(insn, fi);
		if ((insn->rex & 0x4F & ~used) == 0 && (used & 0x40))
			pl->name[irex] = PFX_NONE;
	}
	/* The segment prefix: used when it overrides a memory operand. In
	 * 64-bit mode only FS and GS override anything (SDM vol. 1, 3.3.7.1);
	 * objdump then prints CS/DS/ES/SS by name. */
	if (iseg >= 0 && insn->segment_override != X86_REG_NONE && has_overridable_memory(insn, fi))
		pl->name[iseg] = PFX_NONE;
	/* objdump's DS:rSI operands (and XLAT's) mark the last segment prefix
	 * used in every mode, even one 64-bit mode ignores. */
	if (iseg >= 0 && (has_am(fi, X86_AM_X) || insn->form == X86_FORM_XLAT))
		pl->name[iseg] = PFX_NONE;

	/* Renamings objdump applies (its REP_Fixup, BND_Fixup, NOTRACK_Fixup,
	 * HLE_Fixup). */
	if (if3 >= 0 && pl->name[if3] == PFX_BYTE && (fi->flags & X86_F_REP))
		pl->name[if3] = PFX_REP;
	if (if2 >= 0 && pl->name[if2] == PFX_BYTE && (fi->flags & X86_F_BND))
		pl->name[if2] = PFX_BND;
	if ((fi->flags & X86_F_NOTRACK) && (insn->prefixes & X86_PREFIX_DS) &&
	    (insn->mode != X86_MODE_64 || i66 < 0) && iseg >= 0) {
		pl->name[iseg] = PFX_NOTRACK;
		show_segment = 0;
	}
	if ((fi->flags & X86_F_HLE) && mem && !has_am(fi, X86_AM_O)) {
		int is_xchg = insn->form == X86_FORM_XCHG_Eb_Gb || insn->form == X86_FORM_XCHG_Ev_Gv;
		int is_mov = insn->form == X86_FORM_MOV_Eb_Gb || insn->form == X86_FORM_MOV_Ev_Gv ||
		             insn->form == X86_FORM_MOV_Eb_Ib || insn->form == X86_FORM_MOV_Ev_Iz;
		/* MOV: XRELEASE only when F3 is the last of F2/F3. */
		if (is_mov) {
			if (if3 > if2 && pl->name[if3] == PFX_BYTE)
				pl->name[if3] = PFX_XRELEASE;
		} else if (ilock >= 0 || is_xchg) {
			if (if2 >= 0 && pl->name[if2] == PFX_BYTE)
				pl->name[if2] = PFX_XACQUIRE;
			if (if3 >= 0 && pl->name[if3] == PFX_BYTE)
				pl->name[if3] = PFX_XRELEASE;
		}
	}
	return show_segment;
}

static unsigned put_prefixes(struct sink *s, const struct x86_insn *insn, const struct prefix_list *pl)
{
	unsigned width = 0;
	char rexbuf[16];
	for (unsigned i = 0; i < pl->n; i++) {
		const char *name;
		switch ((enum pfx_name)pl->name[i]) {
		case PFX_NONE: continue;
		case PFX_REP: name = "rep"; break;
		case PFX_BND: name = "bnd"; break;
		case PFX_NOTRACK: name = "notrack"; break;
		case PFX_XACQUIRE: name = "xacquire"; break;
		case PFX_XRELEASE: name = "xrelease"; break;
		default: name = prefix_byte_name(pl->byte[i], (enum x86_mode)insn->mode, rexbuf); break;
		}
		put(s, name);
		put(s, " ");
		width += (unsigned)strlen(name) + 1;
	}
	return width;
}

/* ---- mnemonic ---------------------------------------------------------------- */

/* The mnemonic as objdump spells it for this instance of the form. */
static void mnemonic(const struct x86_insn *insn, const struct x86_form_info *fi, char *out, size_t size)
{
	snprintf(out, size, "%s", fi->mnemonic);
	size_t n = strlen(out);
	/* objdump -M intel writes string instructions without the size letter
	 * when it shows their operands: "rep stos DWORD PTR es:[rdi],eax". */
	if (is_string_form(fi) && n > 1)
		out[n - 1] = '\0';
	/* objdump calls SHL's /6 alias (SAL) "shl" as well. */
	if (!strcmp(out, "sal"))
		snprintf(out, size, "shl");
	/* Size suffixes where no operand shows the operand size (objdump). */
	int has66 = (insn->prefixes & X86_PREFIX_OPSIZE) && !(insn->rex & 8);
	char suffix = 0;
	switch (insn->form) {
	case X86_FORM_PUSHF:
	case X86_FORM_PUSHFD:
	case X86_FORM_PUSHFQ:
	case X86_FORM_POPF:
	case X86_FORM_POPFD:
	case X86_FORM_POPFQ:
	case X86_FORM_PUSHA:
	case X86_FORM_PUSHAD:
	case X86_FORM_POPA:
	case X86_FORM_POPAD:
	case X86_FORM_IRET:
	case X86_FORM_IRETD:
	case X86_FORM_IRETQ:
		/* One base name; the suffix says how the size differs from
		 * the mode's default ("pushfw", "pushad" in 16-bit code). */
		snprintf(out, size, "%s",
		         !strncmp(out, "pushf", 5)   ? "pushf"
		         : !strncmp(out, "popf", 4)  ? "popf"
		         : !strncmp(out, "pusha", 5) ? "pusha"
		         : !strncmp(out, "popa", 4)  ? "popa"
		                                     : "iret");
		if (insn->operand_size == 64 && insn->form == X86_FORM_IRETQ)
			suffix = 'q';
		else if (insn->operand_size == 16 && insn->mode != X86_MODE_16)
			suffix = 'w';
		else if (insn->operand_size == 32 && insn->mode == X86_MODE_16)
			suffix = 'd';
		break;
	default:
		if (has66 && (has_ot(fi, X86_OT_fenv) || has_ot(fi, X86_OT_fstate)))
			suffix = insn->mode == X86_MODE_16 ? 'd' : 'w'; /* "fnstenvw" */
		else if ((insn->form == X86_FORM_RETF || insn->form == X86_FORM_RETF_Iw) && (insn->rex & 8))
			suffix = 'q';
		else if (has66 && form_takes_size_suffix(insn->form))
			suffix = insn->mode == X86_MODE_16 ? 'd' : 'w';
		break;
	}
	if (suffix) {
		n = strlen(out);
		if (n + 1 < size) {
			out[n] = suffix;
			out[n + 1] = '\0';
		}
	}
	/* objdump's names of the 8087/287-only x87 controls. */
	if (!strcmp(out, "fneni") || !strcmp(out, "fndisi"))
		strncat(out, "(8087 only)", size - strlen(out) - 1);
	else if (!strcmp(out, "fnsetpm"))
		strncat(out, "(287 only)", size - strlen(out) - 1);
	/* MOV with a 64-bit immediate or a 64-bit moffs is "movabs". */
	if ((insn->form == X86_FORM_MOV_Zv_Iv && insn->operand_size == 64) ||
	    ((insn->form == X86_FORM_MOV_AL_Ob || insn->form == X86_FORM_MOV_rAX_Ov ||
	      insn->form == X86_FORM_MOV_Ob_AL || insn->form == X86_FORM_MOV_Ov_rAX) &&
	     insn->address_size == 64))
		snprintf(out, size, "movabs");
}

/* objdump's pseudo-op names for compare and carry-less multiply
 * instructions whose immediate is a predicate it can name: "cmpeqps",
 * "vcmplt_oqps", "vpcmpneqb", "pclmulhqlqdq". The immediate is then not
 * printed. Returns 1 and rewrites `mn` when it applies. */
static int immediate_alias(const struct x86_insn *insn, const struct x86_form_info *fi, char *mn, size_t size)
{
	static const char *const cmp8[8] = {"eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord"};
	static const char *const cmp32[32] = {
	    "eq",    "lt",     "le",     "unord",    "neq",    "nlt",    "nle",    "ord",
	    "eq_uq", "nge",    "ngt",    "false",    "neq_oq", "ge",     "gt",     "true",
	    "eq_os", "lt_oq",  "le_oq",  "unord_s",  "neq_us", "nlt_uq", "nle_uq", "ord_s",
	    "eq_us", "nge_uq", "ngt_uq", "false_os", "neq_os", "ge_oq",  "gt_oq",  "true_us",
	};
	unsigned last = insn->noperands - 1u;
	if (insn->noperands < 2 || strlen(mn) > 12 || insn->operands[last].kind != X86_OP_IMM ||
	    fi->op[last].am != X86_AM_I)
		return 0;
	unsigned imm = (unsigned)(insn->operands[last].imm & 0xff);
	int v = mn[0] == 'v';
	const char *m = mn + v;
	char tmp[32];
	if (!strncmp(m, "cmp", 3) && strlen(m) == 5 && (m[4] == 's' || m[4] == 'd' || (v && m[4] == 'h')) &&
	    (m[3] == 'p' || m[3] == 's')) {
		if (imm >= (v ? 32u : 8u))
			return 0;
		snprintf(tmp, sizeof tmp, "%scmp%s%s", v ? "v" : "", v ? cmp32[imm] : cmp8[imm], m + 3);
	} else if (!strcmp(m, "pclmulqdq")) {
		const char *sel = imm == 0x00   ? "lqlq"
		                  : imm == 0x01 ? "hqlq"
		                  : imm == 0x10 ? "lqhq"
		                  : imm == 0x11 ? "hqhq"
		                                : NULL;
		if (!sel)
			return 0;
		snprintf(tmp, sizeof tmp, "%spclmul%sdq", v ? "v" : "", sel);
	} else if (v && !strncmp(m, "pcmp", 4) && insn->encoding == X86_ENC_EVEX &&
	           (!strcmp(m + 4, "b") || !strcmp(m + 4, "w") || !strcmp(m + 4, "d") ||
	            !strcmp(m + 4, "q") || !strcmp(m + 4, "ub") || !strcmp(m + 4, "uw") ||
	            !strcmp(m + 4, "ud") || !strcmp(m + 4, "uq"))) {
		if (imm == 3 || imm >= 7)
			return 0;
		snprintf(tmp, sizeof tmp, "vpcmp%s%s", cmp8[imm], m + 4);
	} else {
		return 0;
	}
	snprintf(mn, size, "%s", tmp);
	return 1;
}

/* ---- operands ---------------------------------------------------------------- */

static const char *size_keyword(unsigned bits)
{
	switch (bits) {
	case 8: return "BYTE PTR ";
	case 16: return "WORD PTR ";
	case 32: return "DWORD PTR ";
	case 48: return "FWORD PTR ";
	case 64: return "QWORD PTR ";
	case 80: return "TBYTE PTR ";
	case 128: return "XMMWORD PTR ";
	case 256: return "YMMWORD PTR ";
	case 512: return "ZMMWORD PTR ";
	default: return "";
	}
}

/* Memory operands of no defined size to which objdump still gives one. */
static int objdump_byte_ptr(const char *mn)
{
	static const char *const names[] = {
	    "clflush",    "clflushopt", "clwb",        "cldemote",    "invlpg",
	    "prefetchw",  "prefetch",   "prefetchwt1", "prefetchnta", "prefetcht0",
	    "prefetcht1", "prefetcht2", "prefetchit0", "prefetchit1",
	};
	for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(mn, names[i]))
			return 1;
	return 0;
}

/* Memory operands of a defined size that objdump prints without one. */
static int objdump_no_size(const char *mn)
{
	static const char *const names[] = {
	    "lddqu",       "vlddqu",          "wrssd",           "wrssq",           "wrussd",
	    "wrussq",      "bndcl",           "bndcu",           "bndcn",           "bndmk",
	    "bndmov",      "bndldx",          "bndstx",          "movdir64b",       "enqcmd",
	    "enqcmds",     "invpcid",         "aesenc128kl",     "aesdec128kl",     "aesenc256kl",
	    "aesdec256kl", "aesencwide128kl", "aesdecwide128kl", "aesencwide256kl", "aesdecwide256kl",
	};
	for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(mn, names[i]))
			return 1;
	return 0;
}

static void put_signed_disp(struct sink *s, int64_t disp)
{
	if (disp < 0)
		putf(s, "-0x%llx", (unsigned long long)-(uint64_t)disp);
	else
		putf(s, "+0x%llx", (unsigned long long)disp);
}

struct fmt_ctx {
	const struct x86_insn *insn;
	const struct x86_form_info *fi;
	uint64_t address;
	int show_segment;
	int riprel; /* a RIP-relative operand was printed */
	uint64_t riprel_target;
};

static void put_bcst_count(struct sink *s, const struct fmt_ctx *c, unsigned i)
{
	/* A broadcast whose vector length no register operand shows (the
	 * narrowing conversions' xmm destinations of h/qt type, VFPCLASS's
	 * mask): objdump 2.40 adds the element count, "QWORD BCST [rsi]{1to2}". */
	const struct x86_insn *insn = c->insn;
	const struct x86_operand *op = &insn->operands[i];
	if (insn->encoding == X86_ENC_EVEX && insn->evex_b && op->size && c->fi->op[i].am != X86_AM_MVSIB) {
		int shown = 0;
		for (unsigned j = 0; j < insn->noperands; j++) {
			enum x86_ot ot = (enum x86_ot)c->fi->op[j].ot;
			if (insn->operands[j].kind == X86_OP_REG && insn->operands[j].reg >= X86_REG_XMM0 &&
			    insn->operands[j].reg <= X86_REG_ZMM31 &&
			    (ot == X86_OT_x || ot == X86_OT_qq || ot == X86_OT_oq || insn->operands[j].size > 128))
				shown = 1;
		}
		if (!shown)
			putf(s, "{1to%u}", (128u << insn->vex_l) / op->size);
	}
}

static void put_memory(struct sink *s, struct fmt_ctx *c, unsigned i)
{
	const struct x86_insn *insn = c->insn;
	const struct x86_operand *op = &insn->operands[i];
	const struct x86_mem *m = &op->mem;
	enum x86_am am = (enum x86_am)c->fi->op[i].am;
	int is_moffs = am == X86_AM_O;
	int is_string = am == X86_AM_X || am == X86_AM_Y;

	/* LEA computes an address: objdump gives it no size. The moffs of
	 * A0-A3 is printed without one too. */
	const char *mn = c->fi->mnemonic;
	if (am == X86_AM_MVSIB) {
		/* A gather or scatter: objdump gives the element size, from the
		 * mnemonic's last letters (vpgatherdd, vgatherqpd...). */
		size_t n = strlen(mn);
		int q = n && (mn[n - 1] == 'q' || (n > 1 && mn[n - 2] == 'p' && mn[n - 1] == 'd'));
		put(s, q ? "QWORD PTR " : "DWORD PTR ");
	} else if (op->size == 128 &&
	           (!strcmp(mn, "cmpxchg16b") || !strcmp(mn, "invept") || !strcmp(mn, "invvpid")))
		put(s, "OWORD PTR ");
	else if (op->size == 0 && objdump_byte_ptr(mn))
		put(s, "BYTE PTR ");
	else if (c->fi->op[i].ot == X86_OT_s || objdump_no_size(mn))
		; /* LGDT and friends: objdump prints no size */
	else if (insn->form == X86_FORM_MOVSXD_Gw_Ew)
		put(s, "DWORD PTR "); /* objdump reads 32 bits, as without 66 */
	else if (!strcmp(mn, "ud0") || !strcmp(mn, "ud1"))
		put(s, size_keyword(insn->operand_size)); /* objdump: Ev */
	else if (c->fi->op[i].ot == X86_OT_p)
		/* A far pointer: objdump says FWORD for m16:32 and m16:64 alike. */
		put(s, op->size == 32 ? "DWORD PTR " : "FWORD PTR ");
	else if (insn->encoding == X86_ENC_EVEX && insn->evex_b && op->size) {
		/* An embedded broadcast: objdump 2.40 writes "DWORD BCST [...]". */
		const char *kw = size_keyword(op->size);
		putf(s, "%.*sBCST ", (int)(strlen(kw) - 4), kw);
	} else if (insn->form != X86_FORM_LEA_Gv_M && !is_moffs)
		put(s, size_keyword(op->size));

	int rip = m->base == X86_REG_RIP || m->base == X86_REG_EIP;
	int absolute = m->base == X86_REG_NONE && m->index == X86_REG_NONE && !rip;
	int pseudo_index = has_pseudo_index(insn, c->fi, i);
	if (pseudo_index)
		absolute = 0;

	if (is_string) {
		putf(s, "%s:", x86_reg_name(m->segment));
	} else if (c->show_segment && insn->segment_override != X86_REG_NONE) {
		putf(s, "%s:", x86_reg_name(insn->segment_override));
	} else if (absolute || is_moffs) {
		put(s, "ds:");
	}

	if (absolute || is_moffs) {
		uint64_t a = (uint64_t)m->disp;
		if (!is_moffs)
			a = mask_bits(a, insn->address_size == 64 ? 64 : insn->address_size);
		put_hex(s, a);
		put_bcst_count(s, c, i);
		return;
	}
	put(s, "[");
	int any = 0;
	if (m->base != X86_REG_NONE) {
		put(s, x86_reg_name(m->base));
		any = 1;
	}
	if (m->index != X86_REG_NONE || pseudo_index) {
		if (any)
			put(s, "+");
		if (m->index != X86_REG_NONE)
			put(s, x86_reg_name(m->index));
		else
			put(s, insn->address_size == 64 ? "riz" : "eiz");
		if (insn->address_size != 16)
			putf(s, "*%u", pseudo_index ? 1u << (insn->sib >> 6) : m->scale);
		any = 1;
	}
	if (m->disp_size) {
		if (pseudo_index && !m->base && insn->mode == X86_MODE_64 && insn->address_size == 32)
			/* [eiz*1+0xfffffff0]: a 32-bit address, shown unsigned */
			putf(s, "+0x%llx", (unsigned long long)mask_bits((uint64_t)m->disp, 32));
		else if (rip) /* objdump: [rip+0xffffffffffffe68e], never a minus (eip too) */
			putf(s, "+0x%llx", (unsigned long long)m->disp);
		else if (any)
			put_signed_disp(s, m->disp);
		else
			put_hex(s, mask_bits((uint64_t)m->disp, insn->address_size));
	}
	put(s, "]");
	put_bcst_count(s, c, i);
	if (rip) {
		c->riprel = 1;
		/* objdump does not wrap an EIP-relative target to 32 bits. */
		c->riprel_target = c->address + insn->length + (uint64_t)m->disp;
	}
}

static void put_immediate(struct sink *s, const struct fmt_ctx *c, unsigned i)
{
	const struct x86_insn *insn = c->insn;
	const struct x86_operand *op = &insn->operands[i];
	enum x86_am am = (enum x86_am)c->fi->op[i].am;
	enum x86_ot ot = (enum x86_ot)c->fi->op[i].ot;

	if (am == X86_AM_ONE) {
		put(s, "1"); /* objdump writes the implied shift count as 1 */
		return;
	}
	uint64_t v = (uint64_t)op->imm;
	if (ot == X86_OT_bs || ot == X86_OT_z)
		v = mask_bits(v, insn->operand_size);
	else
		v = mask_bits(v, op->imm_size * 8u);
	put_hex(s, v);
}

/* The general register `reg` (any size) renamed to `bits` bits. */
static unsigned gpr_of_size(unsigned reg, unsigned bits)
{
	unsigned num;
	if (reg >= X86_REG_AX && reg <= X86_REG_R15W)
		num = reg - X86_REG_AX;
	else if (reg >= X86_REG_EAX && reg <= X86_REG_R15D)
		num = reg - X86_REG_EAX;
	else if (reg >= X86_REG_RAX && reg <= X86_REG_R15)
		num = reg - X86_REG_RAX;
	else
		return reg;
	return num + (bits == 64 ? X86_REG_RAX : bits == 32 ? X86_REG_EAX : X86_REG_AX);
}

/* Register operands objdump names by the operand size whatever the
 * instruction reads: LAR/LSL's source, PMOVMSKB's and MOVMSKPS's
 * destination with REX.W. */
static int objdump_gpr_by_osize(const struct x86_insn *insn, const struct x86_form_info *fi, unsigned i)
{
	const char *mn = fi->mnemonic;
	if (insn->operands[i].kind != X86_OP_REG || insn->operands[i].reg < X86_REG_AX ||
	    insn->operands[i].reg > X86_REG_R15)
		return 0;
	if (i == 1 && (!strcmp(mn, "lar") || !strcmp(mn, "lsl")) && insn->operand_size >= 32)
		return 1;
	if (!strcmp(mn, "ud0") || !strcmp(mn, "ud1")) /* objdump: Gv, Ev */
		return 1;
	if (i == 0 && (insn->rex & 8) && insn->operand_size == 64 &&
	    (!strcmp(mn, "pmovmskb") || !strcmp(mn, "movmskps") || !strcmp(mn, "movmskpd")))
		return 1;
	return 0;
}

static void put_operand(struct sink *s, struct fmt_ctx *c, unsigned i)
{
	const struct x86_insn *insn = c->insn;
	const struct x86_operand *op = &insn->operands[i];
	enum x86_am am = (enum x86_am)c->fi->op[i].am;

	switch ((enum x86_operand_kind)op->kind) {
	case X86_OP_REG:
		/* objdump names the x87 stack top "st" where the encoding fixes
		 * it, and "st(i)" where ModRM.rm chooses. */
		if (am == X86_AM_ST0)
			put(s, "st");
		else if (insn->form == X86_FORM_MOVSXD_Gw_Ew && i == 1 && op->reg >= X86_REG_AX &&
		         op->reg <= X86_REG_R15W)
			put(s, x86_reg_name(op->reg - X86_REG_AX + X86_REG_EAX)); /* as objdump */
		else if (objdump_gpr_by_osize(insn, c->fi, i))
			put(s, x86_reg_name(gpr_of_size(op->reg, insn->operand_size)));
		else if (insn->form == X86_FORM_MOV_Sw_Ew && op->reg >= X86_REG_AX && op->reg <= X86_REG_R15W)
			/* objdump names MOV Sreg's register source by the operand
			 * size: "mov gs,eax" (the CPU reads 16 bits of it). */
			put(s, x86_reg_name(op->reg - X86_REG_AX +
			                    (insn->operand_size == 64   ? X86_REG_RAX
			                     : insn->operand_size == 32 ? X86_REG_EAX
			                                                : X86_REG_AX)));
		else
			put(s, x86_reg_name(op->reg));
		break;
	case X86_OP_MEM: put_memory(s, c, i); break;
	case X86_OP_IMM: put_immediate(s, c, i); break;
	case X86_OP_REL: {
		/* objdump's rule: a 16-bit displacement wraps the target at
		 * 64 KiB, inside the current 64 KiB block when no 66 prefix
		 * made it 16-bit (16-bit mode); rel8 and rel32 do not wrap. */
		uint64_t next = c->address + insn->length;
		uint64_t target = next + (uint64_t)op->imm;
		if (op->imm_size == 2) {
			target &= 0xffff;
			if (!(insn->prefixes & X86_PREFIX_OPSIZE))
				target |= next & ~(uint64_t)0xffff;
		} else if (insn->mode != X86_MODE_64) {
			target = mask_bits(target, 32);
		}
		put_hex(s, target);
		break;
	}
	case X86_OP_FAR:
		putf(s, "0x%x:", op->selector);
		put_hex(s, mask_bits((uint64_t)op->imm, (op->imm_size - 2u) * 8u));
		break;
	case X86_OP_NONE: break;
	}
	/* EVEX suppress-all-exceptions, or the rounding control (which implies
	 * it), follows the last register operand, as objdump 2.40 writes them:
	 * "zmm2{rn-sae}", "zmm2{sae},0x5". */
	if (insn->encoding == X86_ENC_EVEX && insn->evex_b && insn->has_modrm && (insn->modrm >> 6) == 3 &&
	    (c->fi->flags & (X86_F_EVEX_SAE | X86_F_EVEX_ER)) && op->kind == X86_OP_REG &&
	    (i + 1 == insn->noperands || insn->operands[i + 1].kind == X86_OP_IMM)) {
		static const char *const rc[4] = { "{rn-sae}", "{rd-sae}", "{ru-sae}", "{rz-sae}" };
		if ((c->fi->flags & X86_F_EVEX_ER) && insn->evex_rc < 4)
			put(s, rc[insn->evex_rc]);
		else if (!(c->fi->flags & X86_F_EVEX_ER))
			put(s, "{sae}");
	}
	/* EVEX masking follows the destination. */
	if (i == 0 && insn->encoding == X86_ENC_EVEX) {
		if (insn->evex_aaa)
			putf(s, "{k%u}", insn->evex_aaa);
		if (insn->evex_z)
			put(s, "{z}");
	}
}

/* The register forms of 0F 01 (MONITOR, CLZERO, INVLPGB, VMRUN...) whose
 * operands are all fixed registers: objdump shows none of them. */
static int implicit_operands_only(const struct x86_insn *insn, const struct x86_form_info *fi)
{
	if (insn->encoding != X86_ENC_LEGACY || insn->map != 1 || insn->opcode != 0x01 || !insn->has_modrm ||
	    (insn->modrm >> 6) != 3 || fi->noperands == 0)
		return 0;
	for (unsigned i = 0; i < fi->noperands; i++)
		if (fi->op[i].am != X86_AM_rAX && fi->op[i].am != X86_AM_rCX && fi->op[i].am != X86_AM_rDX &&
		    fi->op[i].am != X86_AM_rBX)
			return 0;
	return 1;
}

/* ---- the entry points ---------------------------------------------------------- */

int x86_format_intel_bytes(const struct x86_insn *insn, const uint8_t *bytes, uint64_t address, char *buf,
                           size_t size)
{
	struct sink s = {buf, size, 0};
	const struct x86_form_info *fi = form_info(insn);
	struct prefix_list pl;
	char mn[32];

	if (size)
		buf[0] = '\0';
	if (insn->form == X86_FORM_INVALID || insn->length == 0) {
		put(&s, "(bad)");
		return (int)s.len;
	}
	collect_prefixes(insn, bytes, &pl);
	struct fmt_ctx c = {.insn = insn, .fi = fi, .address = address};
	c.show_segment = resolve_prefixes(insn, fi, &pl);
	int xlat = insn->form == X86_FORM_XLAT;
	/* objdump shows 90 with a 66 prefix as the exchange it encodes. */
	int xchg_ax = insn->form == X86_FORM_NOP && (insn->prefixes & X86_PREFIX_OPSIZE) &&
	              !(insn->rex & 8) && !(insn->prefixes & X86_PREFIX_REP);
	unsigned nops = insn->noperands;
	if (xchg_ax) {
		snprintf(mn, sizeof mn, "xchg");
	} else {
		mnemonic(insn, fi, mn, sizeof mn);
		if (immediate_alias(insn, fi, mn, sizeof mn))
			nops--;
	}
	/* objdump shows the reserved NOPs (0F 18-1F) with their r/m operand only,
	 * and some instructions without their implicit register operands. */
	if (!strcmp(mn, "nop") && nops > 1)
		nops = 1;
	if (implicit_operands_only(insn, fi))
		nops = 0;
	unsigned width = put_prefixes(&s, insn, &pl);
	/* AVX-VNNI: objdump marks the VEX forms of what EVEX also encodes. */
	if (insn->encoding == X86_ENC_VEX && (!strcmp(mn, "vpdpbusd") || !strcmp(mn, "vpdpbusds") ||
	                                      !strcmp(mn, "vpdpwssd") || !strcmp(mn, "vpdpwssds"))) {
		put(&s, "{vex} ");
		width += 6;
	}
	put(&s, mn);
	width += (unsigned)strlen(mn);

	if (nops == 0 && !xlat && !xchg_ax)
		return (int)s.len;
	/* objdump pads the mnemonic to 6 columns, then one space. */
	for (; width < 6; width++)
		put(&s, " ");
	put(&s, " ");
	if (xchg_ax) {
		put(&s, insn->mode == X86_MODE_16 ? "eax,eax" : "ax,ax");
		return (int)s.len;
	}
	if (xlat) {
		/* XLAT's implicit operand, as objdump shows it. */
		const char *seg =
		    insn->segment_override != X86_REG_NONE ? x86_reg_name(insn->segment_override) : "ds";
		const char *rbx = insn->address_size == 64 ? "rbx" : insn->address_size == 32 ? "ebx" : "bx";
		putf(&s, "BYTE PTR %s:[%s]", seg, rbx);
		return (int)s.len;
	}
	for (unsigned i = 0; i < nops; i++) {
		if (i)
			put(&s, ",");
		put_operand(&s, &c, i);
	}
	if (c.riprel) {
		put(&s, "        # ");
		put_hex(&s, c.riprel_target);
	}
	return (int)s.len;
}

int x86_format_intel(const struct x86_insn *insn, uint64_t address, char *buf, size_t size)
{
	return x86_format_intel_bytes(insn, NULL, address, buf, size);
}

/* ---- objdump's line boundaries ------------------------------------------------ */

/* objdump does not always print one line per instruction:
 *  - a REX prefix followed by another prefix is printed alone ("rex.W"),
 *    with the prefixes before it (the CPU ignores such a REX);
 *  - FWAIT (9B) followed by an x87 instruction is one line, with the
 *    waiting mnemonic ("fstcw" for 9B D9 /7);
 *  - what it cannot decode is "(bad)" after the prefixes' names, covering
 *    the prefixes, escape bytes and opcode byte, but not a ModRM byte.
 * x86_disasm_line() reproduces that; see x86_format.h. */

static unsigned prefix_run(const uint8_t *p, size_t avail, enum x86_mode mode)
{
	unsigned n = 0;
	while (n < avail && n < X86_MAX_INSN_LENGTH &&
	       (is_legacy_prefix(p[n]) || (mode == X86_MODE_64 && (p[n] & 0xF0) == 0x40)))
		n++;
	return n;
}

static int put_prefix_names(struct sink *s, const uint8_t *p, unsigned n, enum x86_mode mode)
{
	char rexbuf[16];
	for (unsigned i = 0; i < n; i++) {
		if (i)
			put(s, " ");
		put(s, prefix_byte_name(p[i], mode, rexbuf));
	}
	return (int)n;
}

/* x87 mnemonics whose FNxxx form objdump writes as Fxxx after FWAIT. */
static int waiting_form(char *buf)
{
	/* Skip the prefix names objdump may print first. */
	static const char *const prefixes[] = {
	    "lock ",   "rep ", "repz ", "repnz ", "data16 ", "data32 ", "addr16 ",
	    "addr32 ", "cs ",  "ds ",   "es ",    "ss ",     "fs ",     "gs ",
	};
	char *text = buf;
	for (int again = 1; again;) {
		again = 0;
		for (unsigned i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
			size_t n = strlen(prefixes[i]);
			if (!strncmp(text, prefixes[i], n)) {
				text += n;
				again = 1;
			}
		}
		if (!strncmp(text, "rex", 3) && strchr(text, ' ')) {
			char *sp = strchr(text, ' ');
			if (sp - text <= 8 && (text[3] == ' ' || text[3] == '.')) {
				text = sp + 1;
				again = 1;
			}
		}
	}
	static const char *const names[] = {
	    "fnstcw", "fnstsw", "fnstenv", "fnsave", "fnclex", "fninit", "fneni", "fndisi", "fnsetpm",
	};
	for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t n = strlen(names[i]);
		if (!strncmp(text, names[i], n) && (text[n] == ' ' || text[n] == '(' || text[n] == '\0')) {
			/* "fnstcw WORD..." -> "fstcw  WORD...": keep the column. */
			memmove(text + 1, text + 2, strlen(text + 2) + 1);
			if (text[n - 1] == ' ' && (size_t)(text - buf) + n - 1 < 6) {
				memmove(text + n, text + n - 1, strlen(text + n - 1) + 1);
				text[n - 1] = ' ';
			}
			return 1;
		}
	}
	return 0;
}

/* Whether the opcode after the k prefix bytes decodes with some mandatory
 * prefix (none, 66, F3, F2) in place of the 66/F2/F3 bytes it has: then
 * objdump's opcode table has a prefix column for it. */
static int valid_without_sse_prefixes(const uint8_t *p, size_t avail, enum x86_mode mode, unsigned k)
{
	static const uint8_t column[4] = {0, 0x66, 0xF3, 0xF2};
	for (unsigned c = 0; c < 4; c++) {
		uint8_t copy[X86_MAX_INSN_LENGTH + 1];
		unsigned n = 0;
		for (unsigned i = 0; i < k; i++)
			if (p[i] != 0x66 && p[i] != 0xF2 && p[i] != 0xF3 && (p[i] & 0xF0) != 0x40)
				copy[n++] = p[i];
		if (column[c])
			copy[n++] = column[c];
		for (unsigned i = k; i < avail && n < X86_MAX_INSN_LENGTH; i++)
			copy[n++] = p[i];
		struct x86_insn insn;
		if (x86_decode(copy, n, mode, &insn) > 0)
			return 1;
	}
	return 0;
}

static unsigned bad_length(const uint8_t *p, size_t avail, enum x86_mode mode, unsigned *nprefix, int *vex)
{
	unsigned k = prefix_run(p, avail, mode), n;
	*nprefix = k;
	*vex = 0;
	if (k >= avail)
		return k ? k : 1;
	uint8_t op = p[k];
	int next_ok = k + 1 < avail;
	if (op == 0x0F && next_ok && p[k + 1] == 0x0F)
		n = k + 1; /* 3DNow!: objdump gives up on the 0F alone */
	else if (op == 0x0F)
		n = k + (next_ok && (p[k + 1] == 0x38 || p[k + 1] == 0x3A) ? 3 : 2);
	else if (op >= 0xD8 && op <= 0xDF)
		n = k + 2; /* x87: the ModRM byte is part of the opcode */
	else if ((op == 0xC4 || op == 0xC5) && next_ok &&
	         (mode == X86_MODE_64 || (p[k + 1] & 0xC0) == 0xC0)) {
		if (op == 0xC4 && ((p[k + 1] & 0x1F) < 1 || (p[k + 1] & 0x1F) > 3))
			n = k + 1; /* no such VEX map */
		else
			n = k + (op == 0xC5 ? 3 : 4);
		*vex = 1;
	} else {
		n = k + 1;
	}
	return n < avail ? n : (unsigned)avail;
}

int x86_disasm_line(const uint8_t *p, size_t avail, enum x86_mode mode, uint64_t address,
                    struct x86_insn *insn, char *buf, size_t size)
{
	struct sink s = {buf, size, 0};
	if (size)
		buf[0] = '\0';
	if (avail == 0)
		return 0;
	memset(insn, 0, sizeof *insn);

	/* A REX followed by another prefix ends objdump's line. */
	unsigned k = prefix_run(p, avail, mode);
	if (mode == X86_MODE_64) {
		/* A leading FWAIT is read as a prefix too, but not named nor
		 * counted: "9B 45 66 90" prints "rex.RB" for the 9B byte alone. */
		unsigned start = p[0] == 0x9B ? 1 : 0;
		unsigned end = start ? start + prefix_run(p + start, avail - start, mode) : k;
		for (unsigned i = start; i < end; i++) {
			/* (FWAIT after a REX also ends the line, FWAIT excluded.) */
			if ((p[i] & 0xF0) == 0x40 && (i + 1 < end || (i + 1 < avail && p[i + 1] == 0x9B))) {
				put_prefix_names(&s, p + start, i + 1 - start, mode);
				return (int)(i + 1 - start);
			}
		}
	}

	/* FWAIT before an x87 instruction: one line, FWAIT's byte dropped
	 * (prefixes before it count for the x87 instruction, and when there
	 * are none, so do prefixes between the two). */
	if (k < avail && p[k] == 0x9B) {
		unsigned j = k + 1;
		if (k == 0)
			j += prefix_run(p + j, avail - j, mode);
		if (j < avail && p[j] >= 0xD8 && p[j] <= 0xDF) {
			uint8_t copy[X86_MAX_INSN_LENGTH] = {0};
			unsigned n = 0;
			for (unsigned i = 0; i < avail && n < sizeof copy; i++)
				if (i != k)
					copy[n++] = p[i];
			int len2 = x86_decode(copy, n, mode, insn);
			if (len2 > 0 && len2 < X86_MAX_INSN_LENGTH) {
				/* The whole line's length, for RIP-relative targets. */
				insn->length = (uint8_t)(len2 + 1);
				x86_format_intel_bytes(insn, copy, address, buf, size);
				if (size)
					waiting_form(buf);
				return len2 + 1;
			}
		}
	}
	int len = x86_decode(p, avail, mode, insn);
	if (len > 0) {
		x86_format_intel_bytes(insn, p, address, buf, size);
		return len;
	}
	/* objdump prints LOCK on anything ("lock push 0x1"), where the CPU
	 * raises #UD: decode without the LOCK bytes, print with them. */
	if (len == X86_DECODE_INVALID && k > 0 && memchr(p, 0xF0, k)) {
		uint8_t copy[X86_MAX_INSN_LENGTH];
		unsigned n = 0, locks = 0;
		for (unsigned i = 0; i < avail && n < sizeof copy; i++) {
			if (i < k && p[i] == 0xF0)
				locks++;
			else
				copy[n++] = p[i];
		}
		int len2 = x86_decode(copy, n, mode, insn);
		if (len2 > 0 && len2 + locks <= X86_MAX_INSN_LENGTH) {
			insn->length = (uint8_t)(len2 + locks);
			x86_format_intel_bytes(insn, p, address, buf, size);
			return len2 + (int)locks;
		}
	}
	memset(insn, 0, sizeof *insn);
	if (len == X86_DECODE_TRUNCATED) {
		/* objdump shows what it could not fetch as data. */
		putf(&s, ".byte 0x%x", p[0]);
		return 1;
	}
	unsigned nprefix;
	int vex;
	unsigned n = bad_length(p, avail, mode, &nprefix, &vex);
	/* objdump names the prefixes before a bad opcode, but not before a
	 * bad VEX one, nor when a mandatory prefix made a 0F-map opcode bad. */
	if (!vex && nprefix && !(p[nprefix] == 0x0F && valid_without_sse_prefixes(p, avail, mode, nprefix))) {
		put_prefix_names(&s, p, nprefix, mode);
		put(&s, " ");
	}
	put(&s, "(bad)");
	/* An undefined x87 memory form (DB /4...): objdump still shows the
	 * address, without a size, and covers its bytes. Decode the same
	 * ModRM with /0, which every escape defines, to find them. */
	if (!vex && p[nprefix] >= 0xD8 && p[nprefix] <= 0xDF && nprefix + 1 < avail &&
	    (p[nprefix + 1] >> 6) != 3) {
		uint8_t copy[X86_MAX_INSN_LENGTH];
		unsigned m = avail < sizeof copy ? (unsigned)avail : (unsigned)sizeof copy;
		memcpy(copy, p, m);
		copy[nprefix + 1] &= (uint8_t)~0x38;
		struct x86_insn x87;
		int len2 = x86_decode(copy, m, mode, &x87);
		for (unsigned i = 0; len2 > 0 && i < x87.noperands; i++) {
			if (x87.operands[i].kind != X86_OP_MEM)
				continue;
			/* Prefixes as for the /0 form (a segment is used). */
			struct prefix_list pl;
			struct fmt_ctx c = {.insn = &x87, .fi = form_info(&x87), .address = address};
			collect_prefixes(&x87, copy, &pl);
			c.show_segment = resolve_prefixes(&x87, c.fi, &pl);
			s.len = 0;
			unsigned width = put_prefixes(&s, &x87, &pl);
			put(&s, "(bad)");
			for (width += 5; width < 6; width++)
				put(&s, " ");
			put(&s, " ");
			x87.operands[i].size = 0;
			put_memory(&s, &c, i);
			if (c.riprel) {
				put(&s, "        # ");
				put_hex(&s, c.riprel_target);
			}
			return len2;
		}
	}
	return (int)n;
}
