/* test_decoder.c - unit tests of the decoder engine (decoder/decode.c), one
 * encoding feature per test, each a byte string with the fields it must
 * decode to (SDM vol. 2, chapter 2, cited per test). The opcode tables are
 * tested against Zydis by tests/zydis; these tests pin down the rules of
 * the engine itself.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "decoder/x86_decode.h"

Suite *decoder_suite(void);

/* Decodes `n` bytes from an allocation of exactly `n` bytes, so that the
 * ASan build catches any read past `avail`. */
static int decode(const void *bytes, size_t n, enum x86_mode mode, struct x86_insn *insn)
{
	uint8_t *copy = malloc(n ? n : 1);
	ck_assert_ptr_nonnull(copy);
	memcpy(copy, bytes, n);
	int r = x86_decode(copy, n, mode, insn);
	free(copy);
	return r;
}

#define DECODE(mode, insn, ...)                                                                              \
	decode((const uint8_t[]){__VA_ARGS__}, sizeof((const uint8_t[]){__VA_ARGS__}), mode, insn)

static const char *mnemonic(const struct x86_insn *insn)
{
	return x86_form_mnemonic((enum x86_form)insn->form);
}

/* ---- legacy prefixes (SDM vol. 2, 2.1.1) ------------------------------ */

START_TEST(test_repeated_prefixes)
{
	struct x86_insn i;
	/* 66 66 01 C0: add ax, ax, a repeated 66 counts once. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x66, 0x66, 0x01, 0xc0), 4);
	ck_assert_int_eq(i.form, X86_FORM_ADD_Ev_Gv);
	ck_assert_int_eq(i.operand_size, 16);
	ck_assert_int_eq(i.operands[0].reg, X86_REG_AX);
	ck_assert(i.prefixes & X86_PREFIX_OPSIZE);
}
END_TEST

START_TEST(test_conflicting_rep_prefixes)
{
	struct x86_insn i;
	/* F2 F3 A4: both recorded; MOVSB takes REP either way. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0xf2, 0xf3, 0xa4), 3);
	ck_assert_int_eq(i.form, X86_FORM_MOVSB_Yb_Xb);
	ck_assert(i.prefixes & X86_PREFIX_REP);
	ck_assert(i.prefixes & X86_PREFIX_REPNE);
	/* The last of F2/F3 is the mandatory prefix: F2 F3 0F 10 is MOVSS,
	 * F3 F2 0F 10 is MOVSD. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0xf2, 0xf3, 0x0f, 0x10, 0xc1), 5);
	ck_assert_str_eq(mnemonic(&i), "movss");
	ck_assert(i.prefixes & X86_PREFIX_MANDATORY_F3);
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0xf3, 0xf2, 0x0f, 0x10, 0xc1), 5);
	ck_assert_str_eq(mnemonic(&i), "movsd");
	ck_assert(i.prefixes & X86_PREFIX_MANDATORY_F2);
}
END_TEST

START_TEST(test_last_segment_override_wins)
{
	struct x86_insn i;
	/* 32-bit: 26 64 8B 00 is mov eax, fs:[eax]. */
	ck_assert_int_eq(DECODE(X86_MODE_32, &i, 0x26, 0x64, 0x8b, 0x00), 4);
	ck_assert_int_eq(i.segment_override, X86_REG_FS);
	ck_assert_int_eq(i.operands[1].mem.segment, X86_REG_FS);
	ck_assert(i.prefixes & X86_PREFIX_ES);
	ck_assert_int_eq(DECODE(X86_MODE_32, &i, 0x64, 0x26, 0x8b, 0x00), 4);
	ck_assert_int_eq(i.operands[1].mem.segment, X86_REG_ES);
	/* 64-bit: ES/CS/SS/DS overrides are ignored and do not undo FS
	 * (SDM vol. 1, 3.3.7.1). */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x64, 0x26, 0x8b, 0x00), 4);
	ck_assert_int_eq(i.operands[1].mem.segment, X86_REG_FS);
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x2e, 0x8b, 0x00), 3);
	ck_assert_int_eq(i.segment_override, X86_REG_NONE);
	ck_assert_int_eq(i.operands[1].mem.segment, X86_REG_DS);
	/* Default segment: SS for rBP/rSP bases. */
	ck_assert_int_eq(DECODE(X86_MODE_32, &i, 0x8b, 0x45, 0x08), 3);
	ck_assert_int_eq(i.operands[1].mem.segment, X86_REG_SS);
}
END_TEST

START_TEST(test_rex_ignored_before_legacy_prefix)
{
	struct x86_insn i;
	/* 48 66 01 C0: the REX is not right before the opcode, so it is
	 * ignored (SDM vol. 2, 2.2.1): add ax, ax. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x48, 0x66, 0x01, 0xc0), 4);
	ck_assert_int_eq(i.rex, 0);
	ck_assert(!(i.prefixes & X86_PREFIX_REX));
	ck_assert_int_eq(i.operand_size, 16);
	/* 66 48 01 C0: REX.W wins over 66: add rax, rax. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x66, 0x48, 0x01, 0xc0), 4);
	ck_assert_int_eq(i.rex, 0x48);
	ck_assert_int_eq(i.operand_size, 64);
	/* Two REX: the last one counts. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x41, 0x48, 0x01, 0xc0), 4);
	ck_assert_int_eq(i.rex, 0x48);
	ck_assert_int_eq(i.operands[0].reg, X86_REG_RAX);
}
END_TEST

START_TEST(test_66_with_f3_mandatory)
{
	struct x86_insn i;
	/* 66 F3 0F B8: POPCNT picked by F3, 66 still sizes it: popcnt ax, cx. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x66, 0xf3, 0x0f, 0xb8, 0xc1), 5);
	ck_assert_int_eq(i.form, X86_FORM_POPCNT_Gv_Ev);
	ck_assert_int_eq(i.operand_size, 16);
	ck_assert_int_eq(i.operands[0].reg, X86_REG_AX);
	ck_assert(i.prefixes & X86_PREFIX_MANDATORY_F3);
	/* F3 90 is PAUSE, not a REP NOP. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0xf3, 0x90), 2);
	ck_assert_int_eq(i.form, X86_FORM_PAUSE);
}
END_TEST

/* ---- REX and VEX fields (SDM vol. 2, 2.2.1 and 2.3) ---------------------- */

START_TEST(test_rex_fields)
{
	struct x86_insn i;
	/* 4D 01 C8: REX.WRB: add r8, r9. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x4d, 0x01, 0xc8), 3);
	ck_assert_int_eq(i.rex, 0x4d);
	ck_assert_int_eq(i.operands[0].reg, X86_REG_R8);
	ck_assert_int_eq(i.operands[1].reg, X86_REG_R9);
	/* 40 88 C6: any REX makes encodings 4-7 SPL..DIL: mov sil, al. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x40, 0x88, 0xc6), 3);
	ck_assert_int_eq(i.operands[0].reg, X86_REG_SIL);
	/* 88 C6 without REX: mov dh, al. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x88, 0xc6), 2);
	ck_assert_int_eq(i.operands[0].reg, X86_REG_DH);
	/* 41 50: REX.B extends the opcode register: push r8. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x41, 0x50), 2);
	ck_assert_int_eq(i.operands[0].reg, X86_REG_R8);
	/* Outside 64-bit mode 40-4F are INC/DEC. */
	ck_assert_int_eq(DECODE(X86_MODE_32, &i, 0x41), 1);
	ck_assert_int_eq(i.form, X86_FORM_INC_Zv);
	ck_assert_int_eq(i.operands[0].reg, X86_REG_ECX);
}
END_TEST

START_TEST(test_vex_fields)
{
	struct x86_insn i;
	/* C4 41 7D FC C2: vpaddb ymm8, ymm0, ymm10 (R and B inverted = 1,
	 * vvvv = ~1111 = 0, L = 1, pp = 01). */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0xc4, 0x41, 0x7d, 0xfc, 0xc2), 5);
	ck_assert_int_eq(i.encoding, X86_ENC_VEX);
	ck_assert_int_eq(i.map, 1);
	ck_assert_int_eq(i.vex_l, 1);
	ck_assert_int_eq(i.vex_vvvv, 0);
	ck_assert_int_eq(i.vex_w, 0);
	ck_assert_str_eq(mnemonic(&i), "vpaddb");
	ck_assert_int_eq(i.operands[0].reg, X86_REG_YMM8);
	ck_assert_int_eq(i.operands[1].reg, X86_REG_YMM0);
	ck_assert_int_eq(i.operands[2].reg, X86_REG_YMM10);
	/* C5 F8 77 / C5 FC 77: VEX.L picks vzeroupper / vzeroall. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0xc5, 0xf8, 0x77), 3);
	ck_assert_int_eq(i.form, X86_FORM_VZEROUPPER);
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0xc5, 0xfc, 0x77), 3);
	ck_assert_int_eq(i.form, X86_FORM_VZEROALL);
	/* 66 before VEX is #UD (SDM vol. 2, 2.3.2). */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x66, 0xc5, 0xf8, 0x77), X86_DECODE_INVALID);
	/* Outside 64-bit mode, C5 with ModRM.mod != 11 is LDS. */
	ck_assert_int_eq(DECODE(X86_MODE_32, &i, 0xc5, 0x00), 2);
	ck_assert_int_eq(i.form, X86_FORM_LDS_Gz_Mp);
}
END_TEST

/* EVEX compressed displacement (SDM vol. 2, 2.7.5, Tables 2-34 and 2-35): a
 * disp8 is scaled by N, from the form's tuple type, the vector length, the
 * element size and EVEX.b; a disp32 is not. */
START_TEST(test_evex_disp8_scaling)
{
	struct x86_insn i;
	/* vaddps zmm0, zmm1, [rsi+0x40]: full vector (FV), N = 64. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x62, 0xf1, 0x74, 0x48, 0x58, 0x46, 0x01), 7);
	ck_assert_int_eq(i.operands[2].kind, X86_OP_MEM);
	ck_assert_int_eq(i.operands[2].mem.disp, 0x40);
	ck_assert_int_eq(i.operands[2].mem.disp_size, 1);
	ck_assert_int_eq(i.operands[2].size, 512);
	/* A negative disp8: [rsi-0x40]. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x62, 0xf1, 0x74, 0x48, 0x58, 0x46, 0xff), 7);
	ck_assert_int_eq(i.operands[2].mem.disp, -0x40);
	/* The same at 128 bits: N = 16. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x62, 0xf1, 0x74, 0x08, 0x58, 0x46, 0x01), 7);
	ck_assert_int_eq(i.operands[2].mem.disp, 0x10);
	/* A disp32 is not scaled: [rsi+0x40]. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x62, 0xf1, 0x74, 0x48, 0x58, 0x86, 0x40, 0, 0, 0), 10);
	ck_assert_int_eq(i.operands[2].mem.disp, 0x40);
	ck_assert_int_eq(i.operands[2].mem.disp_size, 4);
	/* With EVEX.b (DWORD BCST [rsi+0x20]), N is the element: 4. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x62, 0xf1, 0x74, 0x58, 0x58, 0x46, 0x08), 7);
	ck_assert_int_eq(i.operands[2].mem.disp, 0x20);
	ck_assert_int_eq(i.operands[2].size, 32);
	/* FP16 vaddph broadcasts a word: N = 2, a 16-bit operand. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x62, 0xf5, 0x74, 0x58, 0x58, 0x46, 0x10), 7);
	ck_assert_int_eq(i.operands[2].mem.disp, 0x20);
	ck_assert_int_eq(i.operands[2].size, 16);
	/* vaddss xmm0, xmm1, [rsi+4]: one scalar (T1S), N = 4 at any L'L. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x62, 0xf1, 0x76, 0x08, 0x58, 0x46, 0x01), 7);
	ck_assert_int_eq(i.operands[2].mem.disp, 4);
	/* vpgatherdd zmm0{k1}, [rax+zmm1*4+0x8]: element by element, N = 4. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x62, 0xf2, 0x7d, 0x49, 0x90, 0x44, 0x88, 0x02), 8);
	ck_assert_int_eq(i.operands[1].mem.disp, 8);
	/* vpmovzxbw zmm0, [rax+0x20]: half vector memory (HVM), N = 32. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x62, 0xf2, 0x7d, 0x48, 0x30, 0x40, 0x01), 7);
	ck_assert_int_eq(i.operands[1].mem.disp, 0x20);
	/* vbroadcasti32x4 zmm0, [rax+0x10]: four dwords (T4), N = 16. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x62, 0xf2, 0x7d, 0x48, 0x5a, 0x40, 0x01), 7);
	ck_assert_int_eq(i.operands[1].mem.disp, 0x10);
	/* vmovddup (DUP): N = 8 at 128 bits, the vector at 512. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x62, 0xf1, 0xff, 0x08, 0x12, 0x40, 0x01), 7);
	ck_assert_int_eq(i.operands[1].mem.disp, 8);
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x62, 0xf1, 0xff, 0x48, 0x12, 0x40, 0x01), 7);
	ck_assert_int_eq(i.operands[1].mem.disp, 0x40);
	/* 16-bit addressing (67 in 32-bit mode) scales too: [si+0x40]. */
	ck_assert_int_eq(DECODE(X86_MODE_32, &i, 0x67, 0x62, 0xf1, 0x74, 0x48, 0x58, 0x44, 0x01), 8);
	ck_assert_int_eq(i.operands[2].mem.base, X86_REG_SI);
	ck_assert_int_eq(i.operands[2].mem.disp, 0x40);
}
END_TEST

/* EVEX embedded rounding (SDM vol. 2, 2.7.5 and Table 2-36): with EVEX.b and
 * register operands, L'L of an {er} form is the rounding control and the
 * vector length is 512. */
START_TEST(test_evex_rounding_control)
{
	struct x86_insn i;
	/* vaddps zmm0, zmm1, zmm2{rn-sae}, {rd-sae}, {ru-sae}, {rz-sae}. */
	static const uint8_t p2[4] = { 0x18, 0x38, 0x58, 0x78 };
	for (unsigned rc = 0; rc < 4; rc++) {
		ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x62, 0xf1, 0x74, p2[rc], 0x58, 0xc2), 6);
		ck_assert_int_eq(i.evex_b, 1);
		ck_assert_int_eq(i.evex_rc, rc);
		ck_assert_int_eq(i.vex_l, 2);
		ck_assert_int_eq(i.operands[0].reg, X86_REG_ZMM0);
		ck_assert_int_eq(i.operands[2].reg, X86_REG_ZMM2);
	}
	/* vaddsd xmm0, xmm1, xmm2{ru-sae}: a scalar form keeps xmm. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x62, 0xf1, 0xf7, 0x58, 0x58, 0xc2), 6);
	ck_assert_int_eq(i.evex_rc, 2);
	ck_assert_int_eq(i.operands[2].reg, X86_REG_XMM2);
	/* No EVEX.b: no rounding control. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x62, 0xf1, 0x74, 0x48, 0x58, 0xc2), 6);
	ck_assert_int_eq(i.evex_rc, 0xFF);
	/* EVEX.b with memory is a broadcast, not rounding. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x62, 0xf1, 0x74, 0x58, 0x58, 0x46, 0x08), 7);
	ck_assert_int_eq(i.evex_rc, 0xFF);
	/* vgetexpps zmm1, zmm2{sae}: SAE only, L'L is not a rounding control. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x62, 0xf2, 0x7d, 0x18, 0x42, 0xca), 6);
	ck_assert_int_eq(i.evex_b, 1);
	ck_assert_int_eq(i.evex_rc, 0xFF);
	/* Not EVEX at all. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x01, 0xc0), 2);
	ck_assert_int_eq(i.evex_rc, 0xFF);
}
END_TEST

/* ---- ModRM and SIB (SDM vol. 2, Tables 2-2 and 2-3) ----------------------- */

START_TEST(test_sib_no_base_no_index)
{
	struct x86_insn i;
	/* 8B 04 25 disp32: SIB base 101 with mod 00 and index 100: an
	 * absolute address. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x8b, 0x04, 0x25, 0x78, 0x56, 0x34, 0x12), 7);
	ck_assert(i.has_sib);
	ck_assert_int_eq(i.operands[1].mem.base, X86_REG_NONE);
	ck_assert_int_eq(i.operands[1].mem.index, X86_REG_NONE);
	ck_assert_int_eq(i.operands[1].mem.disp, 0x12345678);
	ck_assert_int_eq(i.operands[1].mem.disp_size, 4);
	ck_assert_int_eq(i.disp_offset, 3);
	/* 8B 04 24: SIB index 100 is "no index": [rsp]. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x8b, 0x04, 0x24), 3);
	ck_assert_int_eq(i.operands[1].mem.base, X86_REG_RSP);
	ck_assert_int_eq(i.operands[1].mem.index, X86_REG_NONE);
	/* 8B 04 C8: [rax + rcx*8]. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x8b, 0x04, 0xc8), 3);
	ck_assert_int_eq(i.operands[1].mem.base, X86_REG_RAX);
	ck_assert_int_eq(i.operands[1].mem.index, X86_REG_RCX);
	ck_assert_int_eq(i.operands[1].mem.scale, 8);
}
END_TEST

START_TEST(test_r12_r13_special_cases)
{
	struct x86_insn i;
	/* r12 as a base needs a SIB byte, like rsp: 41 8B 04 24 = [r12]. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x41, 0x8b, 0x04, 0x24), 4);
	ck_assert(i.has_sib);
	ck_assert_int_eq(i.operands[1].mem.base, X86_REG_R12);
	/* r13 as a base needs a displacement, like rbp: 41 8B 45 00 = [r13+0]. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x41, 0x8b, 0x45, 0x00), 4);
	ck_assert_int_eq(i.operands[1].mem.base, X86_REG_R13);
	ck_assert_int_eq(i.operands[1].mem.disp_size, 1);
	/* 41 8B 05 disp32: mod 00 rm 101 is RIP-relative even with REX.B. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x41, 0x8b, 0x05, 0, 0, 0, 0), 7);
	ck_assert_int_eq(i.operands[1].mem.base, X86_REG_RIP);
	/* 41 8B 04 25 disp32: SIB base 101 with mod 00 has no base, REX.B or not. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x41, 0x8b, 0x04, 0x25, 0, 0, 0, 0), 8);
	ck_assert_int_eq(i.operands[1].mem.base, X86_REG_NONE);
	/* 42 8B 04 20: REX.X makes index 100 r12: [rax + r12*1]. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x42, 0x8b, 0x04, 0x20), 4);
	ck_assert_int_eq(i.operands[1].mem.index, X86_REG_R12);
	/* With a SIB byte too, base r13 needs mod != 00: 41 8B 44 2D 00 is
	 * [r13 + rbp*1 + 0]. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x41, 0x8b, 0x44, 0x2d, 0x00), 5);
	ck_assert_int_eq(i.operands[1].mem.base, X86_REG_R13);
	ck_assert_int_eq(i.operands[1].mem.index, X86_REG_RBP);
}
END_TEST

START_TEST(test_rip_relative)
{
	struct x86_insn i;
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x8b, 0x05, 0x10, 0x00, 0x00, 0x00), 6);
	ck_assert_int_eq(i.operands[1].mem.base, X86_REG_RIP);
	ck_assert_int_eq(i.operands[1].mem.index, X86_REG_NONE);
	ck_assert_int_eq(i.operands[1].mem.disp, 0x10);
	/* 67: EIP-relative. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x67, 0x8b, 0x05, 0xf0, 0xff, 0xff, 0xff), 7);
	ck_assert_int_eq(i.operands[1].mem.base, X86_REG_EIP);
	ck_assert_int_eq(i.operands[1].mem.disp, -16);
	ck_assert_int_eq(i.address_size, 32);
	/* The same bytes in 32-bit mode are an absolute address. */
	ck_assert_int_eq(DECODE(X86_MODE_32, &i, 0x8b, 0x05, 0x10, 0x00, 0x00, 0x00), 6);
	ck_assert_int_eq(i.operands[1].mem.base, X86_REG_NONE);
}
END_TEST

START_TEST(test_16bit_addressing)
{
	/* SDM vol. 2, Table 2-1: the eight rm forms of 16-bit addressing. */
	static const struct {
		uint8_t base, index;
	} rm16[8] = {
	    {X86_REG_BX, X86_REG_SI},   {X86_REG_BX, X86_REG_DI},   {X86_REG_BP, X86_REG_SI},
	    {X86_REG_BP, X86_REG_DI},   {X86_REG_SI, X86_REG_NONE}, {X86_REG_DI, X86_REG_NONE},
	    {X86_REG_BP, X86_REG_NONE}, {X86_REG_BX, X86_REG_NONE},
	};
	struct x86_insn i;
	for (unsigned rm = 0; rm < 8; rm++) {
		/* mod 01: [regs + disp8] */
		uint8_t bytes[] = {0x8b, (uint8_t)(0x40 | rm), 0xfe};
		ck_assert_int_eq(decode(bytes, sizeof bytes, X86_MODE_16, &i), 3);
		ck_assert_int_eq(i.address_size, 16);
		ck_assert_int_eq(i.operands[1].mem.base, rm16[rm].base);
		ck_assert_int_eq(i.operands[1].mem.index, rm16[rm].index);
		ck_assert_int_eq(i.operands[1].mem.disp, -2);
		ck_assert_int_eq(i.operands[1].mem.segment,
		                 rm16[rm].base == X86_REG_BP ? X86_REG_SS : X86_REG_DS);
	}
	/* mod 00 rm 110 is [disp16], no base. */
	ck_assert_int_eq(DECODE(X86_MODE_16, &i, 0x8b, 0x06, 0x34, 0x12), 4);
	ck_assert_int_eq(i.operands[1].mem.base, X86_REG_NONE);
	ck_assert_int_eq(i.operands[1].mem.disp, 0x1234);
	ck_assert_int_eq(i.operands[1].mem.disp_size, 2);
	/* mod 10: disp16, sign-extended. */
	ck_assert_int_eq(DECODE(X86_MODE_16, &i, 0x8b, 0x87, 0xfe, 0xff), 4);
	ck_assert_int_eq(i.operands[1].mem.base, X86_REG_BX);
	ck_assert_int_eq(i.operands[1].mem.disp, -2);
	/* 67 in 32-bit mode selects 16-bit addressing. */
	ck_assert_int_eq(DECODE(X86_MODE_32, &i, 0x67, 0x8b, 0x00), 3);
	ck_assert_int_eq(i.operands[1].mem.base, X86_REG_BX);
	ck_assert_int_eq(i.operands[1].mem.index, X86_REG_SI);
}
END_TEST

/* ---- lengths (SDM vol. 2, 2.3.11) ------------------------------------------ */

START_TEST(test_15_byte_limit)
{
	uint8_t bytes[20];
	struct x86_insn i;
	/* 13 prefixes + 01 C0: exactly 15 bytes, valid. */
	memset(bytes, 0x66, sizeof bytes);
	bytes[13] = 0x01;
	bytes[14] = 0xc0;
	ck_assert_int_eq(decode(bytes, 15, X86_MODE_64, &i), 15);
	/* 14 prefixes + 01 C0: 16 bytes, #GP. */
	memset(bytes, 0x66, sizeof bytes);
	bytes[14] = 0x01;
	bytes[15] = 0xc0;
	ck_assert_int_eq(decode(bytes, 16, X86_MODE_64, &i), X86_DECODE_TOO_LONG);
	/* Only 15 bytes available of that: still too long, not truncated. */
	ck_assert_int_eq(decode(bytes, 15, X86_MODE_64, &i), X86_DECODE_TOO_LONG);
	/* Fewer than 15 available: truncated. */
	ck_assert_int_eq(decode(bytes, 10, X86_MODE_64, &i), X86_DECODE_TRUNCATED);
	/* A long immediate crossing the limit: 10 prefixes + 48 B8 imm64. */
	uint8_t mov[20] = {0};
	memset(mov, 0x66, 10);
	mov[10] = 0x48;
	mov[11] = 0xb8;
	ck_assert_int_eq(decode(mov, sizeof mov, X86_MODE_64, &i), X86_DECODE_TOO_LONG);
}
END_TEST

START_TEST(test_truncated)
{
	struct x86_insn i;
	ck_assert_int_eq(decode("", 0, X86_MODE_64, &i), X86_DECODE_TRUNCATED);
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x8b), X86_DECODE_TRUNCATED);
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x8b, 0x04), X86_DECODE_TRUNCATED);
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x8b, 0x80, 0x00, 0x00), X86_DECODE_TRUNCATED);
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x0f), X86_DECODE_TRUNCATED);
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0xc4, 0xe2), X86_DECODE_TRUNCATED);
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x66), X86_DECODE_TRUNCATED);
}
END_TEST

/* Every prefix of a valid instruction is TRUNCATED, decoded from a buffer
 * of exactly that size (ASan checks that nothing past it is read). */
START_TEST(test_never_reads_past_avail)
{
	static const uint8_t insns[][15] = {
	    {0x64, 0x48, 0x8b, 0x04, 0x25, 0x28, 0x00, 0x00, 0x00},
	    {0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
	    {0x48, 0xb8, 1, 2, 3, 4, 5, 6, 7, 8},
	    {0xc4, 0x41, 0x7d, 0xfc, 0xc2},
	    {0xf0, 0x0f, 0xb1, 0x17},
	    {0x81, 0x84, 0x88, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88},
	};
	for (unsigned k = 0; k < sizeof insns / sizeof insns[0]; k++) {
		struct x86_insn i;
		int full = decode(insns[k], sizeof insns[k], X86_MODE_64, &i);
		ck_assert_int_gt(full, 0);
		for (int n = 0; n < full; n++)
			ck_assert_int_eq(decode(insns[k], (size_t)n, X86_MODE_64, &i), X86_DECODE_TRUNCATED);
		ck_assert_int_eq(decode(insns[k], (size_t)full, X86_MODE_64, &i), full);
	}
}
END_TEST

/* ---- validity ---------------------------------------------------------------- */

START_TEST(test_lock_rules)
{
	struct x86_insn i;
	/* LOCK add [rax], eax: lockable with a memory destination. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0xf0, 0x01, 0x00), 3);
	ck_assert(i.prefixes & X86_PREFIX_LOCK);
	/* LOCK with a register destination, or on MOV: #UD (SDM vol. 2, LOCK). */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0xf0, 0x01, 0xc0), X86_DECODE_INVALID);
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0xf0, 0x8b, 0x00), X86_DECODE_INVALID);
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0xf0, 0x90), X86_DECODE_INVALID);
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0xf0, 0x39, 0x00), X86_DECODE_INVALID); /* CMP */
}
END_TEST

START_TEST(test_invalid_in_64bit_mode)
{
	/* SDM vol. 2, Table A-2, "i64" entries, valid in 32-bit mode. */
	static const uint8_t i64[][3] = {
	    {0x06},
	    {0x07},
	    {0x0e},
	    {0x16},
	    {0x17},
	    {0x1e},
	    {0x1f},
	    {0x27},
	    {0x2f},
	    {0x37},
	    {0x3f},
	    {0x60},
	    {0x61},
	    {0xce},
	    {0xd4, 0x0a},
	    {0xd5, 0x0a},
	    {0x82, 0xc0, 0x01},
	};
	static const uint8_t len32[] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3};
	for (unsigned k = 0; k < sizeof i64 / sizeof i64[0]; k++) {
		struct x86_insn i;
		ck_assert_int_eq(decode(i64[k], len32[k], X86_MODE_64, &i), X86_DECODE_INVALID);
		ck_assert_int_eq(decode(i64[k], len32[k], X86_MODE_32, &i), len32[k]);
	}
	/* 9A and EA (far call/jump with a pointer) too. */
	struct x86_insn i;
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x9a, 1, 2, 3, 4, 5, 6), X86_DECODE_INVALID);
	ck_assert_int_eq(DECODE(X86_MODE_32, &i, 0x9a, 1, 2, 3, 4, 5, 6), 7);
	ck_assert_int_eq(i.operands[0].kind, X86_OP_FAR);
	ck_assert_int_eq(i.operands[0].selector, 0x0605);
	ck_assert_int_eq(i.operands[0].imm, 0x04030201);
	/* 63 is ARPL outside 64-bit mode and MOVSXD in it. */
	ck_assert_int_eq(DECODE(X86_MODE_32, &i, 0x63, 0xc0), 2);
	ck_assert_int_eq(i.form, X86_FORM_ARPL_Ew_Gw);
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x48, 0x63, 0xc0), 3);
	ck_assert_int_eq(i.form, X86_FORM_MOVSXD_Gv_Ed);
}
END_TEST

/* ---- operands and immediates --------------------------------------------------- */

START_TEST(test_immediates)
{
	struct x86_insn i;
	/* 48 83 E4 F0: Ib sign-extended to the operand size. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x48, 0x83, 0xe4, 0xf0), 4);
	ck_assert_int_eq(i.operands[1].imm, -16);
	ck_assert_int_eq(i.operands[1].imm_size, 1);
	ck_assert_int_eq(i.imm_offset, 3);
	/* 48 B8 imm64: the only 8-byte immediate. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x48, 0xb8, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11),
	                 10);
	ck_assert_int_eq(i.operands[1].imm, 0x1122334455667788LL);
	ck_assert_int_eq(i.operands[1].imm_size, 8);
	/* 48 C7 C0 imm32: Iz sign-extended to 64 bits. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x48, 0xc7, 0xc0, 0xff, 0xff, 0xff, 0xff), 7);
	ck_assert_int_eq(i.operands[1].imm, -1);
	/* C8 iw ib: ENTER's two immediates. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0xc8, 0x10, 0x00, 0x01), 4);
	ck_assert_int_eq(i.operands[0].imm, 0x10);
	ck_assert_int_eq(i.operands[1].imm, 1);
	/* E8 rel32: REL with the displacement. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0xe8, 0xfb, 0xff, 0xff, 0xff), 5);
	ck_assert_int_eq(i.operands[0].kind, X86_OP_REL);
	ck_assert_int_eq(i.operands[0].imm, -5);
	/* 66 E8 in 64-bit mode: the operand size stays 64 (SDM vol. 2, 2.2.1.3). */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x66, 0xe8, 0, 0, 0, 0), 6);
	ck_assert_int_eq(i.operand_size, 64);
	/* A1 moffs: address-size offset, 8 bytes in 64-bit mode. */
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0xa1, 1, 2, 3, 4, 5, 6, 7, 8), 9);
	ck_assert_int_eq(i.operands[1].kind, X86_OP_MEM);
	ck_assert_int_eq(i.operands[1].mem.disp, 0x0807060504030201LL);
	ck_assert_int_eq(DECODE(X86_MODE_64, &i, 0x67, 0xa1, 1, 2, 3, 4), 6);
}
END_TEST

Suite *decoder_suite(void)
{
	Suite *s = suite_create("decoder");
	TCase *prefixes = tcase_create("prefixes");
	tcase_add_test(prefixes, test_repeated_prefixes);
	tcase_add_test(prefixes, test_conflicting_rep_prefixes);
	tcase_add_test(prefixes, test_last_segment_override_wins);
	tcase_add_test(prefixes, test_rex_ignored_before_legacy_prefix);
	tcase_add_test(prefixes, test_66_with_f3_mandatory);
	tcase_add_test(prefixes, test_rex_fields);
	tcase_add_test(prefixes, test_vex_fields);
	tcase_add_test(prefixes, test_evex_disp8_scaling);
	tcase_add_test(prefixes, test_evex_rounding_control);
	suite_add_tcase(s, prefixes);

	TCase *modrm = tcase_create("modrm");
	tcase_add_test(modrm, test_sib_no_base_no_index);
	tcase_add_test(modrm, test_r12_r13_special_cases);
	tcase_add_test(modrm, test_rip_relative);
	tcase_add_test(modrm, test_16bit_addressing);
	suite_add_tcase(s, modrm);

	TCase *lengths = tcase_create("lengths");
	tcase_add_test(lengths, test_15_byte_limit);
	tcase_add_test(lengths, test_truncated);
	tcase_add_test(lengths, test_never_reads_past_avail);
	suite_add_tcase(s, lengths);

	TCase *validity = tcase_create("validity");
	tcase_add_test(validity, test_lock_rules);
	tcase_add_test(validity, test_invalid_in_64bit_mode);
	tcase_add_test(validity, test_immediates);
	suite_add_tcase(s, validity);
	return s;
}
