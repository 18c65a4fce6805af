/* exceptions.h - the cases where Zydis 4.0 (the differential oracle of
 * tests/zydis/zydis_diff.c) contradicts the Intel SDM, so that our decoder
 * rightly disagrees with it. Each entry names the bytes it covers, the kind
 * of disagreement it excuses, the SDM section that settles the fact and,
 * where this kind of host can execute the instruction (AMD Zen 5, 64-bit
 * mode), what executing it showed. `zydis-diff --hex "..." --mode 64
 * --native` runs the bytes in a child process with every register zero
 * (r8 = 0x1111) and int3 after them: SIGILL at the instruction means #UD
 * (invalid); SIGSEGV at it is #GP or a page fault (the fault address, for
 * a memory operand, is its displacement; a page at 0x10000 is mapped with
 * nothing after it, so [0x10ffe] shows how many bytes an operand reads);
 * SIGTRAP after it means it ran (rax and r8 are shown). The host is AMD:
 * an Intel-only instruction raises SIGILL there although it is valid.
 *
 * Keep the list short: an entry is a claim that Zydis is wrong, and every
 * one needs its citation. A disagreement not covered here is our bug until
 * shown otherwise.
 *
 * Matching: the fields are compared with what zydis_diff's own byte scanner
 * sees (legacy prefixes and REX skipped, escape bytes and VEX/EVEX/XOP
 * headers parsed); -1 means "any".
 */
#ifndef UOPSIM_ZYDIS_EXCEPTIONS_H
#define UOPSIM_ZYDIS_EXCEPTIONS_H

#include <stddef.h>
#include <stdint.h>

/* Kinds of disagreement (also used by zydis_diff.c). */
enum zd_kind {
	ZD_VALID,    /* Zydis decodes it, we say it is not an instruction */
	ZD_INVALID,  /* we decode it, Zydis says it is not an instruction */
	ZD_STATUS,   /* both fail, for different reasons (invalid, too long, truncated) */
	ZD_LONGER,   /* both fail: we say too long (#GP), Zydis says invalid (#UD) */
	ZD_LENGTH,   /* both decode it, to different lengths */
	ZD_OPERANDS, /* same length, different operands */
	ZD_KIND_COUNT
};

/* Encoding classes (the --only option). */
enum zd_enc { ZD_ENC_LEGACY, ZD_ENC_3DNOW, ZD_ENC_VEX, ZD_ENC_EVEX, ZD_ENC_XOP, ZD_ENC_COUNT };

struct zd_exception {
	unsigned modes;    /* bit mask: 1 = 16-bit, 2 = 32-bit, 4 = 64-bit */
	int kind;          /* enum zd_kind, -1 = any */
	int enc;           /* enum zd_enc, -1 any */
	int map;           /* legacy: 0 one-byte, 1 0F, 2 0F 38, 3 0F 3A; VEX/EVEX/XOP map field; -1 any */
	int opcode;        /* -1 any */
	int pp;            /* mandatory prefix column: 0 none, 1 66, 2 F3, 3 F2; -1 any */
	int modrm_mask, modrm_value; /* ModRM & mask == value (mask 0: any) */
	/* Optional: a further test on the bytes, for cases the fields above
	 * cannot say (a prefix, a SIB pattern); NULL = none. */
	int (*match)(const uint8_t *p, size_t n, int mode);
	const char *what;  /* the fact, as the SDM states it */
	const char *cite;  /* SDM volume and section */
	const char *native; /* what this host showed, or why it cannot show it */
};

#define ZD_M16 1u
#define ZD_M32 2u
#define ZD_M64 4u
#define ZD_MALL 7u

/* Skips legacy prefixes and REX; returns the index of the first other
 * byte, with *rex and *has67 set. */
static inline size_t zd_skip_prefixes(const uint8_t *p, size_t n, int mode, uint8_t *rex, int *has67)
{
	size_t i = 0;
	*rex = 0;
	*has67 = 0;
	for (; i < n; i++) {
		uint8_t b = p[i];
		if (b == 0x67)
			*has67 = 1;
		if (b == 0x66 || b == 0x67 || b == 0xF0 || b == 0xF2 || b == 0xF3 || b == 0x26 ||
		    b == 0x2E || b == 0x36 || b == 0x3E || b == 0x64 || b == 0x65) {
			*rex = 0;
			continue;
		}
		if (mode == 64 && (b & 0xF0) == 0x40) {
			*rex = b;
			continue;
		}
		break;
	}
	return i;
}

/* 64-bit mode, 67 (32-bit addressing), REX.B = 1, a one-byte-map opcode
 * with ModRM mod = 00, rm = 100 (SIB), SIB base = 101. */
static inline int zd_match_67_rexb_sib_base5(const uint8_t *p, size_t n, int mode)
{
	uint8_t rex;
	int has67;
	size_t i = zd_skip_prefixes(p, n, mode, &rex, &has67);
	if (mode != 64 || !has67 || !(rex & 1))
		return 0;
	if (i < n && p[i] == 0x0F) {
		i++;
		if (i < n && (p[i] == 0x38 || p[i] == 0x3A))
			i++;
	}
	if (i + 2 >= n)
		return 0;
	uint8_t modrm = p[i + 1], sib = p[i + 2];
	return (modrm & 0xC7) == 0x04 && (sib & 7) == 5;
}

/* 64-bit mode with REX.B = 1. */
static inline int zd_match_rexb(const uint8_t *p, size_t n, int mode)
{
	uint8_t rex;
	int has67;
	zd_skip_prefixes(p, n, mode, &rex, &has67);
	return mode == 64 && (rex & 1);
}

/* 66 and a memory operand (ModRM.mod != 11). */
static inline int zd_match_66_mem(const uint8_t *p, size_t n, int mode)
{
	uint8_t rex;
	int has67, has66 = 0;
	size_t i = zd_skip_prefixes(p, n, mode, &rex, &has67);
	for (size_t k = 0; k < i; k++)
		has66 |= p[k] == 0x66;
	return has66 && !(rex & 8) && i + 1 < n && (p[i + 1] & 0xC0) != 0xC0;
}

/* An EVEX prefix (62) whose P1 bit 2 is 0: the MVEX encoding of Knights
 * Corner. */
static inline int zd_match_mvex(const uint8_t *p, size_t n, int mode)
{
	uint8_t rex;
	int has67;
	size_t i = zd_skip_prefixes(p, n, mode, &rex, &has67);
	return i + 2 < n && p[i] == 0x62 && (mode == 64 || (p[i + 1] & 0xC0) == 0xC0) && !(p[i + 2] & 0x04);
}

static const struct zd_exception zd_exceptions[] = {
	/* 67 4B 01 14 F5 12 66 44 1C: Zydis shows add [r13d+r14d*8], rdx with
	 * no displacement, yet counts the disp32 in the length (9). */
	{ ZD_M64, ZD_OPERANDS, ZD_ENC_LEGACY, -1, -1, -1, 0, 0, zd_match_67_rexb_sib_base5,
	  "SIB base 101b with ModRM.mod 00 means no base register and a disp32, whatever REX.B "
	  "says; Zydis (with 67 and REX.B) gives base r13d and drops the displacement",
	  "SDM vol. 2, 2.2.1.2, Table 2-5 (Special Cases of REX Encodings) and Table 2-3 note 1",
	  "67 4B 01 14 F5 12 66 44 1C with every register zero faults at address 0x1c446612: "
	  "the disp32 is used" },
	/* F3 0F A6 /r, 0F A7 /r: Zydis decodes VIA PadLock (xstore, xcrypt*,
	 * xsha*, montmul). */
	{ ZD_MALL, -1, ZD_ENC_LEGACY, 1, 0xA6, -1, 0, 0, NULL,
	  "0F A6 is undefined: the Intel opcode map leaves it blank (VIA PadLock only)",
	  "SDM vol. 2, Appendix A, Table A-3 (Two-byte Opcode Map), row A, column 6",
	  "F3 0F A6 C0/C8/D0 raise SIGILL at the instruction" },
	{ ZD_MALL, -1, ZD_ENC_LEGACY, 1, 0xA7, -1, 0, 0, NULL,
	  "0F A7 is undefined: the Intel opcode map leaves it blank (VIA PadLock only)",
	  "SDM vol. 2, Appendix A, Table A-3 (Two-byte Opcode Map), row A, column 7",
	  "0F A7 C0, 66 0F A7 C0, F3 0F A7 C0/C8/D0/E8 raise SIGILL at the instruction" },
	/* F3 41 90: Zydis says pause. */
	{ ZD_M64, ZD_OPERANDS, ZD_ENC_LEGACY, 0, 0x90, 2, 0, 0, zd_match_rexb,
	  "90 with REX.B is XCHG r8, rAX, also after F3: PAUSE is F3 90 without REX.B",
	  "SDM vol. 2, XCHG (90+rd with REX.B) and PAUSE (F3 90); Table A-2 note on 90",
	  "F3 41 90 with rax=0, r8=0x1111 leaves rax=0x1111, r8=0: it exchanged" },
	/* 66 63 /r with memory: Zydis reads a dword. */
	{ ZD_M64, ZD_OPERANDS, ZD_ENC_LEGACY, 0, 0x63, -1, 0, 0, zd_match_66_mem,
	  "MOVSXD with a 16-bit operand size is MOVSXD r16, r/m16: a word source; Zydis gives "
	  "the memory operand 32 bits (but a 16-bit register source)",
	  "SDM vol. 2, MOVSX/MOVSXD (63 /r MOVSXD r16, r/m16)",
	  "AMD host: 66 63 1C 25 FE 0F 01 00 (movsxd bx, [0x10ffe], page 0x11000 unmapped) "
	  "faults at 0x11000, so Zen 5 reads 4 bytes as Zydis says; Intel hardware not checked. "
	  "We follow the Intel SDM" },
	/* 66x11 0F BA 05 disp32 ib (16 bytes): Zydis says invalid. */
	{ ZD_MALL, ZD_LONGER, -1, -1, -1, -1, 0, 0, NULL,
	  "an undefined opcode whose length is known (an empty slot of a ModRM group) longer than "
	  "15 bytes raises #GP, not #UD: the length limit is checked first; Zydis reports these as "
	  "invalid, while for defined ones (8E /6, LOCK misuse) it reports the length",
	  "SDM vol. 3A, 6.9 (Priority Among Concurrent Exceptions), Table 6-2, class 9: "
	  "instruction length > 15 bytes before invalid opcode; SDM vol. 2, 2.3.11",
	  "66x11 0F BA 05 00000000 01, 66x12 FE 15 00000000, 66x11 0F C7 05 00000000, "
	  "66x12 FF 3D 00000000 all fault with SIGSEGV (#GP), not SIGILL" },
	/* C4 E0 7C 75 29: Zydis says jknzd k0, rel8 (Knights Corner). */
	{ ZD_MALL, ZD_VALID, ZD_ENC_VEX, 0, -1, -1, 0, 0, NULL,
	  "VEX.m-mmmm = 00000b is reserved and raises #UD (Zydis decodes the Knights Corner "
	  "JKZD/JKNZD there even with its KNC mode off)",
	  "SDM vol. 2, 2.3.6.1 (VEX.m-mmmm: 00000B reserved, #UD)",
	  "C4 A0 7C 75 29, C4 E0 7C 74 29 raise SIGILL at the instruction" },
	/* 62 E1 59 4B FA C1: Zydis says vpsubd ... {aaaa} (MVEX). */
	{ ZD_MALL, ZD_VALID, ZD_ENC_EVEX, -1, -1, -1, 0, 0, zd_match_mvex,
	  "EVEX P1 bit 2 must be 1; with 0 it is #UD (it is Knights Corner's MVEX, which Zydis "
	  "decodes even with its KNC mode off)",
	  "SDM vol. 2, 2.7.1 (EVEX prefix: P1[2] fixed 1) and 2.7.2",
	  "62 E1 59 4B FA C1 raises SIGILL; the same with P1 bit 2 set (62 E1 5D 4B FA C1) runs" },
	{ 0, -1, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL } /* end */
};

#endif
