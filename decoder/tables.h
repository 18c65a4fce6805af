/* tables.h - the decoder's data model, shared by the decoder engine
 * (decode.c) and the tables (forms.c, map_*.c). Not part of the public
 * interface: users of the decoder include x86_decode.h.
 *
 * Two kinds of data:
 *  - Forms (forms_*.def, expanded in forms.c): one row per instruction form
 *    with its mnemonic, flags and operand specifications written in the
 *    SDM's notation, e.g.  FORM(ADD_Eb_Gb, add, LOCK, E,b, G,b)
 *  - Opcode maps (map_*.c): decision trees that lead from opcode bytes (and
 *    ModRM fields, mandatory prefixes, mode, REX.W, VEX.L...) to a form.
 */
#ifndef UOPSIM_DECODER_TABLES_H
#define UOPSIM_DECODER_TABLES_H

#include "x86_decode.h"

/* Addressing methods: SDM vol. 2, Appendix A.2.1, plus a few of our own for
 * fixed and implicit operands. */
enum x86_am {
	X86_AM_none,
	X86_AM_A,   /* far pointer immediate (ptr16:16 / ptr16:32) */
	X86_AM_B,   /* VEX.vvvv selects a general-purpose register */
	X86_AM_C,   /* ModRM.reg selects a control register */
	X86_AM_D,   /* ModRM.reg selects a debug register */
	X86_AM_E,   /* ModRM.rm: general-purpose register or memory */
	X86_AM_G,   /* ModRM.reg: general-purpose register */
	X86_AM_H,   /* VEX.vvvv selects a vector register */
	X86_AM_I,   /* immediate */
	X86_AM_J,   /* relative offset added to the next instruction's address */
	X86_AM_L,   /* imm8[7:4] selects a vector register (VEX /is4) */
	X86_AM_M,   /* ModRM.rm: memory only */
	X86_AM_N,   /* ModRM.rm: MMX register (mod = 11 only) */
	X86_AM_O,   /* memory offset immediate, no ModRM (moffs) */
	X86_AM_P,   /* ModRM.reg: MMX register */
	X86_AM_Q,   /* ModRM.rm: MMX register or memory */
	X86_AM_R,   /* ModRM.rm: general-purpose register (mod = 11 only) */
	X86_AM_S,   /* ModRM.reg: segment register */
	X86_AM_U,   /* ModRM.rm: vector register (mod = 11 only) */
	X86_AM_V,   /* ModRM.reg: vector register */
	X86_AM_W,   /* ModRM.rm: vector register or memory */
	X86_AM_X,   /* memory at DS:rSI (segment overridable) */
	X86_AM_Y,   /* memory at ES:rDI */
	X86_AM_Z,   /* general-purpose register in opcode bits 2:0 (+ REX.B) */
	X86_AM_Rmod, /* ModRM.rm: general-purpose register whatever mod says
			(MOV to/from CR and DR, SDM vol. 2 MOV-Control Registers) */
	X86_AM_MVSIB, /* ModRM.rm: VSIB memory, the index is a vector register */
	X86_AM_MSIB,  /* ModRM.rm: memory that must use a SIB byte (AMX "sibmem") */
	/* Mask (k), bound (bnd) and tile (tmm) registers by field: */
	X86_AM_KG, X86_AM_KE, X86_AM_KR, X86_AM_KH,
	X86_AM_BNDG, X86_AM_BNDE,
	X86_AM_TG, X86_AM_TR, X86_AM_TH,
	/* Fixed operands: the type gives the size (rAX,v = AX/EAX/RAX). */
	X86_AM_rAX, X86_AM_rCX, X86_AM_rDX, X86_AM_rBX,
	X86_AM_ES, X86_AM_CS, X86_AM_SS, X86_AM_DS, X86_AM_FS, X86_AM_GS,
	X86_AM_ONE,  /* the implied count 1 of D0/D1/D2/D3 */
	X86_AM_ST0,  /* st(0) */
	X86_AM_STi,  /* st(i), i = ModRM.rm */
	X86_AM_XMM0, /* implicit xmm0 (BLENDVPS and friends) */
	X86_AM_COUNT
};

/* Operand types: SDM vol. 2, Appendix A.2.2, plus x87 and VEX sizes. The
 * size each one stands for is computed in decode.c (operand_bits). */
enum x86_ot {
	X86_OT_none,
	X86_OT_a,   /* two words or dwords in memory (BOUND) */
	X86_OT_b,   /* byte */
	X86_OT_bs,  /* byte, sign-extended to the operand size */
	X86_OT_w,   /* word */
	X86_OT_d,   /* doubleword */
	X86_OT_q,   /* quadword */
	X86_OT_dq,  /* double quadword (128) */
	X86_OT_qq,  /* quad quadword (256) */
	X86_OT_oq,  /* 512 */
	X86_OT_v,   /* word, doubleword or quadword: the operand size */
	X86_OT_z,   /* word for 16-bit operand size, else doubleword */
	X86_OT_y,   /* doubleword, or quadword with 64-bit operand size */
	X86_OT_p,   /* far pointer: 32, 48 or 80 bits */
	X86_OT_s,   /* pseudo-descriptor: 48 bits, 80 in 64-bit mode */
	X86_OT_x,   /* vector length: dq or qq (VEX.L), or oq (EVEX.L'L) */
	X86_OT_h,   /* half the vector length */
	X86_OT_qt,  /* a quarter of the vector length */
	X86_OT_e,   /* an eighth of the vector length */
	X86_OT_ps,  /* packed single: vector length */
	X86_OT_pd,  /* packed double: vector length */
	X86_OT_ss,  /* scalar single: 32 */
	X86_OT_sd,  /* scalar double: 64 */
	X86_OT_pi,  /* MMX quadword */
	X86_OT_t,   /* x87 80-bit extended real or BCD */
	X86_OT_fenv,   /* x87 environment: 14 or 28 bytes by operand size */
	X86_OT_fstate, /* x87 state: 94 or 108 bytes */
	X86_OT_fx,     /* FXSAVE area: 512 bytes */
	X86_OT_u,      /* size not defined by the instruction (XSAVE, CLFLUSH...) */
	X86_OT_kl,     /* Key Locker handle of a 128-bit key: 384 bits (AESENC128KL) */
	X86_OT_asz,    /* register sized by the address size (rAX of VMRUN, CLZERO) */
	X86_OT_COUNT
};

struct x86_opspec {
	uint8_t am; /* enum x86_am */
	uint8_t ot; /* enum x86_ot */
};

/* Form flags. */
enum x86_form_flag {
	X86_F_LOCK = 1u << 0,  /* LOCK allowed when the destination is memory */
	X86_F_I64 = 1u << 1,   /* invalid in 64-bit mode */
	X86_F_O64 = 1u << 2,   /* valid only in 64-bit mode */
	X86_F_D64 = 1u << 3,   /* operand size defaults to 64 in 64-bit mode */
	X86_F_F64 = 1u << 4,   /* operand size is 64 in 64-bit mode, 66 ignored
				  (near branches: SDM vol. 2, 2.2.1.3) */
	X86_F_REP = 1u << 5,   /* F3 is REP (string instructions) */
	X86_F_REPZ = 1u << 6,  /* F2/F3 are REPNE/REPE (CMPS, SCAS) */
	X86_F_MODRM = 1u << 7, /* has a ModRM byte even without ModRM operands */
	X86_F_L0 = 1u << 8,    /* VEX.L / EVEX.L'L must be 0 */
	X86_F_LIG = 1u << 9,   /* VEX.L ignored */
	X86_F_W0 = 1u << 10,   /* VEX.W must be 0 (in 64-bit mode) */
	X86_F_W1 = 1u << 11,   /* VEX.W must be 1 */
	X86_F_L1 = 1u << 12,   /* VEX.L must be 1 */
	X86_F_HLE = 1u << 13,  /* XACQUIRE/XRELEASE with LOCK */
	X86_F_BND = 1u << 14,  /* F2 is the BND prefix (branches) */
	X86_F_NOTRACK = 1u << 15, /* 3E is NOTRACK (indirect branches) */
	X86_F_D16 = 1u << 16,  /* operand size attribute ignored: always 16 (MOV Sreg) */
	X86_F_WIG32 = 1u << 17, /* VEX.W ignored outside 64-bit mode (GPR ops) */
	X86_F_EVEX_B = 1u << 18,  /* EVEX.b allowed with memory: broadcast */
	X86_F_EVEX_ER = 1u << 19, /* EVEX.b allowed with registers: rounding */
	X86_F_EVEX_SAE = 1u << 20, /* EVEX.b allowed with registers: SAE */
	X86_F_EVEX_Z = 1u << 21,  /* zeroing masking allowed */
	X86_F_EVEX_NOMASK = 1u << 22, /* opmask must be k0 */
	X86_F_EVEX_MASKREQ = 1u << 23, /* opmask must not be k0 (gathers) */
	X86_F_REXW_NOP = 1u << 24, /* 0x90 becomes XCHG only with REX.B */
	X86_F_OSZ66 = 1u << 25, /* 66 sizes the operands even where it chose a
				   BY_PREFIX column (NOP Ev in 0F 1C/1E, RDRAND) */
	X86_F_EVEX_BIGN = 1u << 26, /* EVEX.b with registers accepted and ignored
				       (Zydis; no rounding or SAE semantics) */
	X86_F_EVEX_NODSTSRC = 1u << 27, /* destination may not be a source register
					   (complex FP16 multiplies) */
	X86_F_NORIP = 1u << 28, /* RIP-relative memory is #UD (BNDLDX, BNDSTX, BNDMK) */
	X86_F_A64 = 1u << 29,  /* address size is 64 in 64-bit mode, 67 ignored (MPX) */
	X86_F_AGEN = 1u << 30, /* the memory operand is only an address, never
				  accessed: segment overrides do not apply (BNDMK) */
};

struct x86_form_info {
	const char *name;     /* "ADD_Eb_Gb" */
	const char *mnemonic; /* "add" */
	uint32_t flags;       /* enum x86_form_flag */
	uint8_t noperands;
	struct x86_opspec op[X86_MAX_OPERANDS];
};

extern const struct x86_form_info x86_forms[X86_FORM_COUNT];

/* Decision-tree nodes of the opcode maps. An all-zero node is invalid, so
 * designated initializers leave undefined opcodes #UD. */
enum x86_node_kind {
	X86_N_INVALID,
	X86_N_FORM,   /* leaf: .form */
	X86_N_REG,    /* 8 children by ModRM.reg (a "group") */
	X86_N_RM,     /* 8 children by ModRM.rm */
	X86_N_MOD,    /* 2 children: [0] memory (mod != 11), [1] register */
	X86_N_PREFIX, /* 4 children: none, 66, F3, F2 (mandatory prefix) */
	X86_N_MODE64, /* 2 children: [0] outside 64-bit mode, [1] in it */
	X86_N_OSIZE,  /* 3 children: operand size 16, 32, 64 */
	X86_N_ASIZE,  /* 3 children: address size 16, 32, 64 */
	X86_N_W,      /* 2 children: REX.W / VEX.W / EVEX.W = 0, 1 */
	X86_N_VEXL,   /* 3 children: L = 0 (128), 1 (256), 2 (512) */
	X86_N_REXB,   /* 2 children: REX.B = 0, 1 (90 = NOP or XCHG r8) */
	X86_N_LINK,   /* continue at *child: a row kept in another file's table */
};

struct x86_node {
	uint8_t kind;   /* enum x86_node_kind */
	uint16_t form;  /* X86_N_FORM */
	const struct x86_node *child; /* the others */
};

/* Table-writing shorthands used by map_*.c. */
#define F_(id) { .kind = X86_N_FORM, .form = X86_FORM_##id }
#define BY_REG(t) { .kind = X86_N_REG, .child = (t) }
#define BY_RM(t) { .kind = X86_N_RM, .child = (t) }
#define BY_MOD(t) { .kind = X86_N_MOD, .child = (t) }
#define BY_PREFIX(t) { .kind = X86_N_PREFIX, .child = (t) }
#define BY_MODE64(t) { .kind = X86_N_MODE64, .child = (t) }
#define BY_OSIZE(t) { .kind = X86_N_OSIZE, .child = (t) }
#define BY_ASIZE(t) { .kind = X86_N_ASIZE, .child = (t) }
#define BY_W(t) { .kind = X86_N_W, .child = (t) }
#define BY_VEXL(t) { .kind = X86_N_VEXL, .child = (t) }
#define BY_REXB(t) { .kind = X86_N_REXB, .child = (t) }
#define LINK(p) { .kind = X86_N_LINK, .child = (p) }
#define UD_ { .kind = X86_N_INVALID }

/* The maps, one array of 256 root nodes per opcode map (map_*.c). */
extern const struct x86_node x86_map_onebyte[256];  /* map_onebyte.c */
extern const struct x86_node x86_map_0f[256];       /* map_0f.c */
extern const struct x86_node x86_map_0f38[256];     /* map_0f38.c */
extern const struct x86_node x86_map_0f3a[256];     /* map_0f3a.c */
/* Rows of the 0F map kept with their instruction group: the 0F map links
 * to x86_sse_0f[op] for SSE/MMX rows and x86_sys_0f[op] for system rows. */
extern const struct x86_node x86_sse_0f[256];       /* map_sse.c */
extern const struct x86_node x86_sys_0f[256];       /* map_system.c */
/* x87 escapes D8-DF: [op - 0xD8][0] memory forms by ModRM.reg,
 * [op - 0xD8][1] register forms (mod = 11). */
extern const struct x86_node x86_x87[8][2];         /* map_x87.c */
extern const struct x86_node x86_map_3dnow[256];    /* map_3dnow.c: by imm8 suffix */
extern const struct x86_node x86_map_vex[4][256];   /* map_vex.c: [map_select] */
extern const struct x86_node x86_map_evex[8][256];  /* map_evex.c */
extern const uint8_t x86_evex_pp_used[8];          /* map_evex.c: EVEX.pp columns in use */
extern const struct x86_node x86_map_xop[3][256];   /* map_xop.c: maps 8, 9, 10 */

/* EVEX tuple types (SDM vol. 2, 2.7.5, Tables 2-34 and 2-35): they set N of
 * the compressed displacement disp8*N of a form's memory operand. */
enum x86_evex_tuple {
	X86_TUPLE_NONE,
	X86_TUPLE_FV,    /* full vector; with EVEX.b one element */
	X86_TUPLE_HV,    /* half vector; with EVEX.b one element */
	X86_TUPLE_QV,    /* quarter vector (FP16 conversions); with EVEX.b one element */
	X86_TUPLE_FVM,   /* full vector memory, no broadcast */
	X86_TUPLE_HVM,   /* half vector memory */
	X86_TUPLE_QVM,   /* quarter vector memory */
	X86_TUPLE_OVM,   /* eighth vector memory */
	X86_TUPLE_T1S,   /* one scalar element */
	X86_TUPLE_T1F,   /* one element of fixed size, whatever EVEX.W says */
	X86_TUPLE_T2,    /* two elements */
	X86_TUPLE_T4,    /* four elements */
	X86_TUPLE_T8,    /* eight elements */
	X86_TUPLE_M128,  /* 128 bits whatever the vector length (shift counts) */
	X86_TUPLE_DUP,   /* MOVDDUP: 64 bits at 128, else the full vector */
	X86_TUPLE_T1_4X, /* 4 x 128 bits read as one 128-bit tuple (V4FMADDPS...) */
};

struct x86_evex_tuple_info {
	uint8_t tuple; /* enum x86_evex_tuple */
	uint8_t esize; /* element bytes (broadcast element of FV/HV/QV), 0 = by EVEX.W */
};

extern const struct x86_evex_tuple_info x86_evex_tuples[X86_FORM_COUNT]; /* evex_tuples.c */

#endif
