/* x86_decode.h - the public face of uopsim's x86 instruction decoder.
 *
 * x86_decode() turns bytes into a struct x86_insn: the instruction's identity
 * (enum x86_form, one value per mnemonic + operand form), its operands with
 * sizes, and its prefixes. It is a pure function: no allocation, no global
 * state, and it never reads past `avail` bytes.
 *
 * The opcode maps behind it are data (decoder/map_*.c), in the operand
 * notation of the Intel SDM vol. 2, Appendix A ("Eb", "Gv", "Iz"...); the
 * forms they lead to are listed once in decoder/forms_*.def.
 */
#ifndef UOPSIM_X86_DECODE_H
#define UOPSIM_X86_DECODE_H

#include <stddef.h>
#include <stdint.h>

/* Processor mode the bytes are decoded in: the default operand and address
 * sizes of the code segment (CS.D / CS.L, SDM vol. 1, 3.6). */
enum x86_mode {
	X86_MODE_16 = 16,
	X86_MODE_32 = 32,
	X86_MODE_64 = 64,
};

/* Negative results of x86_decode(). */
enum x86_decode_status {
	X86_DECODE_INVALID = -1,   /* not an instruction: the CPU raises #UD */
	X86_DECODE_TRUNCATED = -2, /* it needs more bytes than `avail` */
	X86_DECODE_TOO_LONG = -3,  /* longer than 15 bytes: the CPU raises #GP */
};

/* The 15-byte architectural limit (SDM vol. 2, 2.3.11). */
#define X86_MAX_INSN_LENGTH 15
#define X86_MAX_OPERANDS 5

enum x86_reg {
#define REG(id, name) X86_REG_##id,
#include "regs.def"
#undef REG
	X86_REG_COUNT
};

/* Every instruction form: ADD_Eb_Gb, CMPXCHG_Ev_Gv, ADDPS_Vps_Wps... */
enum x86_form {
	X86_FORM_INVALID,
#define FORM(id, mnemonic, flags, ...) X86_FORM_##id,
#include "forms.def"
#undef FORM
	X86_FORM_COUNT
};

enum x86_operand_kind {
	X86_OP_NONE,
	X86_OP_REG,
	X86_OP_MEM,
	X86_OP_IMM, /* immediate (also the implied 1 of the D0/D1 shifts) */
	X86_OP_REL, /* relative branch target: imm holds the displacement */
	X86_OP_FAR, /* ptr16:16/ptr16:32 of far CALL/JMP: imm is the offset */
};

struct x86_mem {
	uint8_t segment;  /* enum x86_reg, the effective segment */
	uint8_t base;     /* enum x86_reg or NONE; RIP/EIP for RIP-relative */
	uint8_t index;    /* enum x86_reg or NONE (a vector register for VSIB) */
	uint8_t scale;    /* 1, 2, 4, 8 */
	uint8_t disp_size; /* bytes of displacement encoded: 0, 1, 2, 4, 8 */
	int64_t disp;     /* sign-extended (moffs: zero-extended) */
};

struct x86_operand {
	uint8_t kind;  /* enum x86_operand_kind */
	uint8_t reg;   /* enum x86_reg for X86_OP_REG */
	uint16_t size; /* bits the operand reads or writes; 0 if not defined */
	uint8_t imm_size; /* bytes of immediate encoded (IMM, REL, FAR) */
	uint16_t selector; /* X86_OP_FAR */
	int64_t imm;   /* IMM: value as used (sign-extended where the form says
			  so), REL: displacement, FAR: offset */
	struct x86_mem mem;
};

/* Legacy prefixes seen (whether or not they had an effect). */
enum x86_prefix_bits {
	X86_PREFIX_LOCK = 1u << 0,
	X86_PREFIX_REPNE = 1u << 1, /* F2 */
	X86_PREFIX_REP = 1u << 2,   /* F3 */
	X86_PREFIX_OPSIZE = 1u << 3,   /* 66 */
	X86_PREFIX_ADDRSIZE = 1u << 4, /* 67 */
	X86_PREFIX_ES = 1u << 5,
	X86_PREFIX_CS = 1u << 6,
	X86_PREFIX_SS = 1u << 7,
	X86_PREFIX_DS = 1u << 8,
	X86_PREFIX_FS = 1u << 9,
	X86_PREFIX_GS = 1u << 10,
	X86_PREFIX_REX = 1u << 11,    /* an effective REX (right before opcode) */
	/* The prefix that chose the form from a mandatory-prefix column (so
	 * 66 did not change the operand size, F2/F3 are not REP). */
	X86_PREFIX_MANDATORY_66 = 1u << 12,
	X86_PREFIX_MANDATORY_F3 = 1u << 13,
	X86_PREFIX_MANDATORY_F2 = 1u << 14,
};

enum x86_encoding {
	X86_ENC_LEGACY,
	X86_ENC_3DNOW,
	X86_ENC_VEX,
	X86_ENC_EVEX,
	X86_ENC_XOP,
};

/* Opcode maps: legacy 0 (one byte), 1 (0F), 2 (0F 38), 3 (0F 3A); VEX and
 * EVEX use map_select 1-3 (EVEX also 5, 6); XOP uses 8, 9, 10. */
struct x86_insn {
	uint16_t form;      /* enum x86_form */
	uint8_t length;
	uint8_t mode;       /* enum x86_mode */
	uint8_t operand_size; /* effective operand size in bits: 16, 32, 64 */
	uint8_t address_size; /* effective address size in bits */
	uint8_t encoding;   /* enum x86_encoding */
	uint8_t map;
	uint8_t opcode;
	uint8_t has_modrm, modrm;
	uint8_t has_sib, sib;
	uint8_t rex;        /* effective REX byte, 0 if none */
	uint32_t prefixes;  /* enum x86_prefix_bits */
	uint8_t segment_override; /* enum x86_reg, NONE if no effective one */
	/* VEX/EVEX/XOP fields, decoded (not inverted): */
	uint8_t vex_l;      /* vector length: 0 = 128, 1 = 256, 2 = 512 */
	uint8_t vex_w;
	uint8_t vex_vvvv;   /* 0-31 (EVEX includes V') */
	uint8_t evex_aaa;   /* opmask register number */
	uint8_t evex_z;     /* zeroing masking */
	uint8_t evex_b;     /* broadcast / rounding / SAE */
	uint8_t evex_rc;    /* 0-3 rounding control (RN, RD, RU, RZ; SAE implied) when
			       evex_b with registers and the form takes {er}, else 0xFF */
	uint8_t disp_offset, imm_offset; /* byte offsets into the instruction, 0 if absent */
	uint8_t noperands;
	struct x86_operand operands[X86_MAX_OPERANDS];
};

/* Decodes one instruction from p[0..avail). Returns its length (1-15) and
 * fills *out, or a negative enum x86_decode_status (then *out is
 * unspecified). */
int x86_decode(const uint8_t *p, size_t avail, enum x86_mode mode, struct x86_insn *out);

const char *x86_reg_name(enum x86_reg reg);
/* Lower-case mnemonic as objdump -M intel prints it (without prefixes). */
const char *x86_form_mnemonic(enum x86_form form);
/* The identity's name, e.g. "ADD_Eb_Gb". */
const char *x86_form_name(enum x86_form form);
const char *x86_decode_status_name(int status);

/* Formats the instruction in Intel syntax as objdump -M intel writes it.
 * `address` is the instruction's address (for branch targets and
 * RIP-relative operands). Returns the length written (like snprintf). */
int x86_format_intel(const struct x86_insn *insn, uint64_t address, char *buf, size_t size);

#endif
