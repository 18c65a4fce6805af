/* state.h - the architected state of one x86 hardware thread, as the
 * functional engine keeps it and as the differential testers compare it.
 * Owned by the simulation (no globals): a struct sim holds one per core. */
#ifndef UOPSIM_MACHINE_STATE_H
#define UOPSIM_MACHINE_STATE_H

#include <stdint.h>

/* GPR numbers in encoding order (SDM vol. 2, Table 2-2). */
enum x86_gpr {
	GPR_RAX, GPR_RCX, GPR_RDX, GPR_RBX, GPR_RSP, GPR_RBP, GPR_RSI, GPR_RDI,
	GPR_R8, GPR_R9, GPR_R10, GPR_R11, GPR_R12, GPR_R13, GPR_R14, GPR_R15,
	GPR_COUNT
};

/* Segment registers in ModRM.reg order. */
enum x86_segment { SEG_ES, SEG_CS, SEG_SS, SEG_DS, SEG_FS, SEG_GS, SEG_COUNT };

/* RFLAGS bits (SDM vol. 1, 3.4.3). */
enum x86_flag_bits {
	FLAG_CF = 1u << 0,
	FLAG_PF = 1u << 2,
	FLAG_AF = 1u << 4,
	FLAG_ZF = 1u << 6,
	FLAG_SF = 1u << 7,
	FLAG_TF = 1u << 8,
	FLAG_IF = 1u << 9,
	FLAG_DF = 1u << 10,
	FLAG_OF = 1u << 11,
	FLAG_AC = 1u << 18,
	FLAG_ID = 1u << 21,
};
#define FLAGS_ARITH (FLAG_CF | FLAG_PF | FLAG_AF | FLAG_ZF | FLAG_SF | FLAG_OF)

/* One 80-bit x87 register as stored by FXSAVE: 64-bit significand and
 * 16-bit sign+exponent (SDM vol. 1, 8.2). */
struct x87_reg {
	uint64_t significand;
	uint16_t sign_exponent;
};

struct x86_state {
	uint64_t gpr[GPR_COUNT];
	uint64_t rip;
	uint64_t rflags;
	uint16_t selector[SEG_COUNT];
	uint64_t segment_base[SEG_COUNT];
	/* x87 and MMX (MMX registers alias the significands, SDM vol. 1, 9.5). */
	struct x87_reg st[8]; /* physical registers R0-R7, not stack order */
	uint16_t fpu_control, fpu_status, fpu_tag; /* full 16-bit tag word */
	uint16_t fpu_opcode;
	uint16_t fpu_cs, fpu_ds; /* selectors of the x87 instruction and data pointers */
	uint64_t fpu_ip, fpu_dp;
	/* SSE/AVX: 32 registers of 512 bits, little-endian lanes. */
	uint32_t mxcsr;
	_Alignas(64) uint8_t zmm[32][64];
	uint64_t opmask[8];
};

#endif
