/* forms.c - expands forms.def into x86_forms[], the table of every
 * instruction form: mnemonic, flags and operand specifications. */
#include "tables.h"

/* Flag names as forms_*.def writes them. */
#define LOCK X86_F_LOCK
#define I64 X86_F_I64
#define O64 X86_F_O64
#define D64 X86_F_D64
#define F64 X86_F_F64
#define REP X86_F_REP
#define REPZ X86_F_REPZ
#define MODRM X86_F_MODRM
#define L0 X86_F_L0
#define L1 X86_F_L1
#define LIG X86_F_LIG
#define W0 X86_F_W0
#define W1 X86_F_W1
#define HLE X86_F_HLE
#define BND X86_F_BND
#define NOTRACK X86_F_NOTRACK
#define D16 X86_F_D16
#define WIG32 X86_F_WIG32
#define EVEX_B X86_F_EVEX_B
#define EVEX_ER X86_F_EVEX_ER
#define EVEX_SAE X86_F_EVEX_SAE
#define EVEX_Z X86_F_EVEX_Z
#define EVEX_NOMASK X86_F_EVEX_NOMASK
#define EVEX_MASKREQ X86_F_EVEX_MASKREQ
#define OSZ66 X86_F_OSZ66
#define EVEX_BIGN X86_F_EVEX_BIGN
#define EVEX_NODSTSRC X86_F_EVEX_NODSTSRC
#define NORIP X86_F_NORIP
#define A64 X86_F_A64
#define AGEN X86_F_AGEN

/* Operand specs come in (method, type) pairs; count them and expand. */
#define X86_NARGS(...) X86_NARGS_(_, ##__VA_ARGS__, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define X86_NARGS_(_, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, n, ...) n
#define X86_CAT(a, b) X86_CAT_(a, b)
#define X86_CAT_(a, b) a##b
#define S(a, t) { X86_AM_##a, X86_OT_##t }
#define OPS_0() 0, { { 0, 0 } }
#define OPS_2(a, b) 1, { S(a, b) }
#define OPS_4(a, b, c, d) 2, { S(a, b), S(c, d) }
#define OPS_6(a, b, c, d, e, f) 3, { S(a, b), S(c, d), S(e, f) }
#define OPS_8(a, b, c, d, e, f, g, h) 4, { S(a, b), S(c, d), S(e, f), S(g, h) }
#define OPS_10(a, b, c, d, e, f, g, h, i, j) 5, { S(a, b), S(c, d), S(e, f), S(g, h), S(i, j) }
#define OPERANDS(...) X86_CAT(OPS_, X86_NARGS(__VA_ARGS__))(__VA_ARGS__)

const struct x86_form_info x86_forms[X86_FORM_COUNT] = {
	[X86_FORM_INVALID] = { "INVALID", "(bad)", 0, 0, { { 0, 0 } } },
#define FORM(id, mnemonic, flags, ...) \
	[X86_FORM_##id] = { #id, #mnemonic, flags, OPERANDS(__VA_ARGS__) },
#include "forms.def"
#undef FORM
};

const char *x86_form_mnemonic(enum x86_form form)
{
	return (unsigned)form < X86_FORM_COUNT ? x86_forms[form].mnemonic : "(bad)";
}

const char *x86_form_name(enum x86_form form)
{
	return (unsigned)form < X86_FORM_COUNT ? x86_forms[form].name : "INVALID";
}
