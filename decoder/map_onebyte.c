/* map_onebyte.c - the one-byte opcode map (SDM vol. 2, Table A-2) and its
 * groups (Table A-6). Prefix bytes (26, 2E, 36, 3E, 64-67, F0, F2, F3, REX)
 * and escapes (0F, VEX, EVEX, XOP) are consumed before this map is read. */
#include "tables.h"

#define ALU_GROUP(suffix) { \
	F_(ADD_##suffix), F_(OR_##suffix), F_(ADC_##suffix), F_(SBB_##suffix), \
	F_(AND_##suffix), F_(SUB_##suffix), F_(XOR_##suffix), F_(CMP_##suffix) }
static const struct x86_node group1_Eb_Ib[8] = ALU_GROUP(Eb_Ib);
static const struct x86_node group1_Ev_Iz[8] = ALU_GROUP(Ev_Iz);
static const struct x86_node group1_Eb_Ib_82[8] = ALU_GROUP(Eb_Ib_82);
static const struct x86_node group1_Ev_Ibs[8] = ALU_GROUP(Ev_Ibs);

#define SHIFT_GROUP(suffix) { \
	F_(ROL_##suffix), F_(ROR_##suffix), F_(RCL_##suffix), F_(RCR_##suffix), \
	F_(SHL_##suffix), F_(SHR_##suffix), F_(SAL_##suffix), F_(SAR_##suffix) }
static const struct x86_node group2_Eb_Ib[8] = SHIFT_GROUP(Eb_Ib);
static const struct x86_node group2_Ev_Ib[8] = SHIFT_GROUP(Ev_Ib);
static const struct x86_node group2_Eb_1[8] = SHIFT_GROUP(Eb_1);
static const struct x86_node group2_Ev_1[8] = SHIFT_GROUP(Ev_1);
static const struct x86_node group2_Eb_CL[8] = SHIFT_GROUP(Eb_CL);
static const struct x86_node group2_Ev_CL[8] = SHIFT_GROUP(Ev_CL);

static const struct x86_node group3_Eb[8] = {
	F_(TEST_Eb_Ib), F_(TEST_Eb_Ib), F_(NOT_Eb), F_(NEG_Eb),
	F_(MUL_Eb), F_(IMUL_Eb), F_(DIV_Eb), F_(IDIV_Eb),
};
static const struct x86_node group3_Ev[8] = {
	F_(TEST_Ev_Iz), F_(TEST_Ev_Iz), F_(NOT_Ev), F_(NEG_Ev),
	F_(MUL_Ev), F_(IMUL_Ev), F_(DIV_Ev), F_(IDIV_Ev),
};
static const struct x86_node group4[8] = { F_(INC_Eb), F_(DEC_Eb) };
static const struct x86_node group5[8] = {
	F_(INC_Ev), F_(DEC_Ev), F_(CALL_Ev), F_(CALLF_Mp),
	F_(JMP_Ev), F_(JMPF_Mp), F_(PUSH_Ev), UD_,
};
static const struct x86_node group1a[8] = { F_(POP_Ev) };

/* Group 11: MOV r/m, imm; C6 F8 and C7 F8 are XABORT and XBEGIN (RTM). */
static const struct x86_node xabort_rm[8] = { F_(XABORT_Ib) };
static const struct x86_node xbegin_rm[8] = { F_(XBEGIN_Jz) };
static const struct x86_node group11_C6_reg7[2] = { UD_, BY_RM(xabort_rm) };
static const struct x86_node group11_C7_reg7[2] = { UD_, BY_RM(xbegin_rm) };
static const struct x86_node group11_C6[8] = {
	F_(MOV_Eb_Ib), [7] = BY_MOD(group11_C6_reg7),
};
static const struct x86_node group11_C7[8] = {
	F_(MOV_Ev_Iz), [7] = BY_MOD(group11_C7_reg7),
};

/* MOV Sreg: CS cannot be loaded (SDM vol. 2, MOV: "#UD if ... CS"); the
 * S operand itself rejects reg 6 and 7, once the whole instruction is read
 * (longer than 15 bytes, 8E /6 raises #GP, not #UD, on the host). */
static const struct x86_node mov_sreg_to[8] = {
	F_(MOV_Sw_Ew), UD_, F_(MOV_Sw_Ew), F_(MOV_Sw_Ew), F_(MOV_Sw_Ew), F_(MOV_Sw_Ew),
	F_(MOV_Sw_Ew), F_(MOV_Sw_Ew),
};
static const struct x86_node mov_sreg_from[2] = { F_(MOV_Mw_Sw), F_(MOV_Rv_Sw) };

static const struct x86_node pusha[3] = { F_(PUSHA), F_(PUSHAD), UD_ };
static const struct x86_node popa[3] = { F_(POPA), F_(POPAD), UD_ };
static const struct x86_node opcode_62[2] = { F_(BOUND_Gv_Ma), UD_ };
/* MOVSXD r16, r/m16 with a 16-bit operand size (SDM vol. 2, MOVSX/MOVSXD). */
static const struct x86_node movsxd[3] = { F_(MOVSXD_Gw_Ew), F_(MOVSXD_Gv_Ed), F_(MOVSXD_Gv_Ed) };
static const struct x86_node opcode_63[2] = { F_(ARPL_Ew_Gw), BY_OSIZE(movsxd) };
static const struct x86_node insz[3] = { F_(INSW_Yw_DX), F_(INSD_Yd_DX), F_(INSD_Yd_DX) };
static const struct x86_node outsz[3] = { F_(OUTSW_DX_Xw), F_(OUTSD_DX_Xd), F_(OUTSD_DX_Xd) };
/* 90: NOP; F3 90: PAUSE; with REX.B: XCHG r8, rAX (SDM vol. 2, XCHG). */
static const struct x86_node nop_prefix[4] = { F_(NOP), F_(NOP), F_(PAUSE), F_(NOP) };
static const struct x86_node opcode_90[2] = { BY_PREFIX(nop_prefix), F_(XCHG_Zv_rAX) };
static const struct x86_node cbw[3] = { F_(CBW), F_(CWDE), F_(CDQE) };
static const struct x86_node cwd[3] = { F_(CWD), F_(CDQ), F_(CQO) };
/* PUSHF/POPF default to 64 bits in 64-bit mode, where 66 selects 16. */
static const struct x86_node pushf_32[2] = { F_(PUSHFD), F_(PUSHFQ) };
static const struct x86_node popf_32[2] = { F_(POPFD), F_(POPFQ) };
static const struct x86_node pushf[3] = { F_(PUSHF), BY_MODE64(pushf_32), F_(PUSHFQ) };
static const struct x86_node popf[3] = { F_(POPF), BY_MODE64(popf_32), F_(POPFQ) };
static const struct x86_node movs[3] = { F_(MOVSW_Yw_Xw), F_(MOVSD_Yd_Xd), F_(MOVSQ_Yq_Xq) };
static const struct x86_node cmps[3] = { F_(CMPSW_Xw_Yw), F_(CMPSD_Xd_Yd), F_(CMPSQ_Xq_Yq) };
static const struct x86_node stos[3] = { F_(STOSW_Yw_AX), F_(STOSD_Yd_EAX), F_(STOSQ_Yq_RAX) };
static const struct x86_node lods[3] = { F_(LODSW_AX_Xw), F_(LODSD_EAX_Xd), F_(LODSQ_RAX_Xq) };
static const struct x86_node scas[3] = { F_(SCASW_AX_Yw), F_(SCASD_EAX_Yd), F_(SCASQ_RAX_Yq) };
static const struct x86_node iret[3] = { F_(IRET), F_(IRETD), F_(IRETQ) };
static const struct x86_node jcxz[3] = { F_(JCXZ_Jb), F_(JECXZ_Jb), F_(JRCXZ_Jb) };

#define ALU_ROW(OP) \
	F_(OP##_Eb_Gb), F_(OP##_Ev_Gv), F_(OP##_Gb_Eb), F_(OP##_Gv_Ev), F_(OP##_AL_Ib), F_(OP##_rAX_Iz)
#define ROW8(x) x, x, x, x, x, x, x, x

const struct x86_node x86_map_onebyte[256] = {
	[0x00] = ALU_ROW(ADD), F_(PUSH_ES), F_(POP_ES),
	[0x08] = ALU_ROW(OR), F_(PUSH_CS), /* 0F: escape */
	[0x10] = ALU_ROW(ADC), F_(PUSH_SS), F_(POP_SS),
	[0x18] = ALU_ROW(SBB), F_(PUSH_DS), F_(POP_DS),
	[0x20] = ALU_ROW(AND), /* 26: ES */ [0x27] = F_(DAA),
	[0x28] = ALU_ROW(SUB), /* 2E: CS */ [0x2F] = F_(DAS),
	[0x30] = ALU_ROW(XOR), /* 36: SS */ [0x37] = F_(AAA),
	[0x38] = ALU_ROW(CMP), /* 3E: DS */ [0x3F] = F_(AAS),
	[0x40] = ROW8(F_(INC_Zv)), /* REX in 64-bit mode */
	[0x48] = ROW8(F_(DEC_Zv)),
	[0x50] = ROW8(F_(PUSH_Zv)),
	[0x58] = ROW8(F_(POP_Zv)),
	[0x60] = BY_OSIZE(pusha), BY_OSIZE(popa), BY_MODE64(opcode_62), BY_MODE64(opcode_63),
	/* 64-67: FS, GS, operand size, address size */
	[0x68] = F_(PUSH_Iz), F_(IMUL_Gv_Ev_Iz), F_(PUSH_Ibs), F_(IMUL_Gv_Ev_Ibs),
	[0x6C] = F_(INSB_Yb_DX), BY_OSIZE(insz), F_(OUTSB_DX_Xb), BY_OSIZE(outsz),
	[0x70] = F_(Jo_Jb), F_(Jno_Jb), F_(Jb_Jb), F_(Jae_Jb), F_(Je_Jb), F_(Jne_Jb), F_(Jbe_Jb), F_(Ja_Jb),
	[0x78] = F_(Js_Jb), F_(Jns_Jb), F_(Jp_Jb), F_(Jnp_Jb), F_(Jl_Jb), F_(Jge_Jb), F_(Jle_Jb), F_(Jg_Jb),
	[0x80] = BY_REG(group1_Eb_Ib), BY_REG(group1_Ev_Iz), BY_REG(group1_Eb_Ib_82), BY_REG(group1_Ev_Ibs),
	[0x84] = F_(TEST_Eb_Gb), F_(TEST_Ev_Gv), F_(XCHG_Eb_Gb), F_(XCHG_Ev_Gv),
	[0x88] = F_(MOV_Eb_Gb), F_(MOV_Ev_Gv), F_(MOV_Gb_Eb), F_(MOV_Gv_Ev),
	[0x8C] = BY_MOD(mov_sreg_from), F_(LEA_Gv_M), BY_REG(mov_sreg_to), BY_REG(group1a),
	[0x90] = BY_REXB(opcode_90),
	[0x91] = F_(XCHG_Zv_rAX), F_(XCHG_Zv_rAX), F_(XCHG_Zv_rAX), F_(XCHG_Zv_rAX),
	[0x95] = F_(XCHG_Zv_rAX), F_(XCHG_Zv_rAX), F_(XCHG_Zv_rAX),
	[0x98] = BY_OSIZE(cbw), BY_OSIZE(cwd), F_(CALLF_Ap), F_(FWAIT),
	[0x9C] = BY_OSIZE(pushf), BY_OSIZE(popf), F_(SAHF), F_(LAHF),
	[0xA0] = F_(MOV_AL_Ob), F_(MOV_rAX_Ov), F_(MOV_Ob_AL), F_(MOV_Ov_rAX),
	[0xA4] = F_(MOVSB_Yb_Xb), BY_OSIZE(movs), F_(CMPSB_Xb_Yb), BY_OSIZE(cmps),
	[0xA8] = F_(TEST_AL_Ib), F_(TEST_rAX_Iz), F_(STOSB_Yb_AL), BY_OSIZE(stos),
	[0xAC] = F_(LODSB_AL_Xb), BY_OSIZE(lods), F_(SCASB_AL_Yb), BY_OSIZE(scas),
	[0xB0] = ROW8(F_(MOV_Zb_Ib)),
	[0xB8] = ROW8(F_(MOV_Zv_Iv)),
	[0xC0] = BY_REG(group2_Eb_Ib), BY_REG(group2_Ev_Ib), F_(RET_Iw), F_(RET),
	[0xC4] = F_(LES_Gz_Mp), F_(LDS_Gz_Mp), BY_REG(group11_C6), BY_REG(group11_C7),
	[0xC8] = F_(ENTER_Iw_Ib), F_(LEAVE), F_(RETF_Iw), F_(RETF),
	[0xCC] = F_(INT3), F_(INT_Ib), F_(INTO), BY_OSIZE(iret),
	[0xD0] = BY_REG(group2_Eb_1), BY_REG(group2_Ev_1), BY_REG(group2_Eb_CL), BY_REG(group2_Ev_CL),
	[0xD4] = F_(AAM_Ib), F_(AAD_Ib), F_(SALC), F_(XLAT),
	[0xD8] = BY_MOD(x86_x87[0]), BY_MOD(x86_x87[1]), BY_MOD(x86_x87[2]), BY_MOD(x86_x87[3]),
	[0xDC] = BY_MOD(x86_x87[4]), BY_MOD(x86_x87[5]), BY_MOD(x86_x87[6]), BY_MOD(x86_x87[7]),
	[0xE0] = F_(LOOPNE_Jb), F_(LOOPE_Jb), F_(LOOP_Jb), BY_ASIZE(jcxz),
	[0xE4] = F_(IN_AL_Ib), F_(IN_eAX_Ib), F_(OUT_Ib_AL), F_(OUT_Ib_eAX),
	[0xE8] = F_(CALL_Jz), F_(JMP_Jz), F_(JMPF_Ap), F_(JMP_Jb),
	[0xEC] = F_(IN_AL_DX), F_(IN_eAX_DX), F_(OUT_DX_AL), F_(OUT_DX_eAX),
	/* F0: LOCK */ [0xF1] = F_(INT1), /* F2, F3: REPNE, REP */
	[0xF4] = F_(HLT), F_(CMC), BY_REG(group3_Eb), BY_REG(group3_Ev),
	[0xF8] = F_(CLC), F_(STC), F_(CLI), F_(STI), F_(CLD), F_(STD), BY_REG(group4), BY_REG(group5),
};
