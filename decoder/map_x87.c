/* map_x87.c - the x87 escape opcodes D8-DF (SDM vol. 2, Appendix A.5,
 * Tables ). For escape D8+i, x86_x87[i][0] is taken when
 * ModRM.mod != 11 (memory forms by ModRM.reg) and x86_x87[i][1] when
 * mod = 11 (register forms by ModRM.reg, some rows split by ModRM.rm).
 * Forms: decoder/forms_x87.def. Empty entries are #UD. */
#include "tables.h"

/* ---- D8: single-real arithmetic (Tables) ---- */
static const struct x86_node d8_mem[8] = {
	F_(FADD_m32fp), F_(FMUL_m32fp), F_(FCOM_m32fp), F_(FCOMP_m32fp),
	F_(FSUB_m32fp), F_(FSUBR_m32fp), F_(FDIV_m32fp), F_(FDIVR_m32fp),
};
static const struct x86_node d8_reg[8] = {
	F_(FADD_ST0_STi), F_(FMUL_ST0_STi), F_(FCOM_STi), F_(FCOMP_STi),
	F_(FSUB_ST0_STi), F_(FSUBR_ST0_STi), F_(FDIV_ST0_STi), F_(FDIVR_ST0_STi),
};

/* ---- D9: loads, control, transcendental (Tables) ---- */
static const struct x86_node d9_mem[8] = {
	F_(FLD_m32fp), UD_, F_(FST_m32fp), F_(FSTP_m32fp),
	F_(FLDENV_m14_28byte), F_(FLDCW_m2byte), F_(FNSTENV_m14_28byte), F_(FNSTCW_m2byte),
};
static const struct x86_node d9_d0[8] = { F_(FNOP) };            /* D9 D0; D1-D7 #UD */
static const struct x86_node d9_e0[8] = {                        /* D9 E0-E7 */
	F_(FCHS), F_(FABS), UD_, UD_, F_(FTST), F_(FXAM), UD_, UD_,
};
static const struct x86_node d9_e8[8] = {                        /* D9 E8-EF */
	F_(FLD1), F_(FLDL2T), F_(FLDL2E), F_(FLDPI), F_(FLDLG2), F_(FLDLN2), F_(FLDZ), UD_,
};
static const struct x86_node d9_f0[8] = {                        /* D9 F0-F7 */
	F_(F2XM1), F_(FYL2X), F_(FPTAN), F_(FPATAN),
	F_(FXTRACT), F_(FPREM1), F_(FDECSTP), F_(FINCSTP),
};
static const struct x86_node d9_f8[8] = {                        /* D9 F8-FF */
	F_(FPREM), F_(FYL2XP1), F_(FSQRT), F_(FSINCOS),
	F_(FRNDINT), F_(FSCALE), F_(FSIN), F_(FCOS),
};
static const struct x86_node d9_reg[8] = {
	F_(FLD_STi), F_(FXCH_STi), BY_RM(d9_d0), F_(FSTP1_STi),
	BY_RM(d9_e0), BY_RM(d9_e8), BY_RM(d9_f0), BY_RM(d9_f8),
};

/* ---- DA: dword-integer arithmetic, FCMOVcc (Tables) ---- */
static const struct x86_node da_mem[8] = {
	F_(FIADD_m32int), F_(FIMUL_m32int), F_(FICOM_m32int), F_(FICOMP_m32int),
	F_(FISUB_m32int), F_(FISUBR_m32int), F_(FIDIV_m32int), F_(FIDIVR_m32int),
};
static const struct x86_node da_e8[8] = { [1] = F_(FUCOMPP) };   /* DA E9 only */
static const struct x86_node da_reg[8] = {
	F_(FCMOVB_ST0_STi), F_(FCMOVE_ST0_STi), F_(FCMOVBE_ST0_STi), F_(FCMOVU_ST0_STi),
	UD_, BY_RM(da_e8), UD_, UD_,
};

/* ---- DB: dword integer, m80fp, FCMOVNcc, FUCOMI/FCOMI (Tables) ---- */
static const struct x86_node db_mem[8] = {
	F_(FILD_m32int), F_(FISTTP_m32int), F_(FIST_m32int), F_(FISTP_m32int),
	UD_, F_(FLD_m80fp), UD_, F_(FSTP_m80fp),
};
static const struct x86_node db_e0[8] = {                        /* DB E0-E7 */
	F_(FNENI), F_(FNDISI), F_(FNCLEX), F_(FNINIT), F_(FNSETPM), UD_, UD_, UD_,
};
static const struct x86_node db_reg[8] = {
	F_(FCMOVNB_ST0_STi), F_(FCMOVNE_ST0_STi), F_(FCMOVNBE_ST0_STi), F_(FCMOVNU_ST0_STi),
	BY_RM(db_e0), F_(FUCOMI_ST0_STi), F_(FCOMI_ST0_STi), UD_,
};

/* ---- DC: double-real arithmetic (Tables) ---- */
static const struct x86_node dc_mem[8] = {
	F_(FADD_m64fp), F_(FMUL_m64fp), F_(FCOM_m64fp), F_(FCOMP_m64fp),
	F_(FSUB_m64fp), F_(FSUBR_m64fp), F_(FDIV_m64fp), F_(FDIVR_m64fp),
};
static const struct x86_node dc_reg[8] = {
	F_(FADD_STi_ST0), F_(FMUL_STi_ST0), F_(FCOM2_STi), F_(FCOMP3_STi),
	F_(FSUBR_STi_ST0), F_(FSUB_STi_ST0), F_(FDIVR_STi_ST0), F_(FDIV_STi_ST0),
};

/* ---- DD: m64fp loads/stores, state, FFREE, FUCOM (Tables) ---- */
static const struct x86_node dd_mem[8] = {
	F_(FLD_m64fp), F_(FISTTP_m64int), F_(FST_m64fp), F_(FSTP_m64fp),
	F_(FRSTOR_m94_108byte), UD_, F_(FNSAVE_m94_108byte), F_(FNSTSW_m2byte),
};
static const struct x86_node dd_reg[8] = {
	F_(FFREE_STi), F_(FXCH4_STi), F_(FST_STi), F_(FSTP_STi),
	F_(FUCOM_STi), F_(FUCOMP_STi), UD_, UD_,
};

/* ---- DE: word-integer arithmetic, pops (Tables) ---- */
static const struct x86_node de_mem[8] = {
	F_(FIADD_m16int), F_(FIMUL_m16int), F_(FICOM_m16int), F_(FICOMP_m16int),
	F_(FISUB_m16int), F_(FISUBR_m16int), F_(FIDIV_m16int), F_(FIDIVR_m16int),
};
static const struct x86_node de_d8[8] = { [1] = F_(FCOMPP) };    /* DE D9 only */
static const struct x86_node de_reg[8] = {
	F_(FADDP_STi_ST0), F_(FMULP_STi_ST0), F_(FCOMP5_STi), BY_RM(de_d8),
	F_(FSUBRP_STi_ST0), F_(FSUBP_STi_ST0), F_(FDIVRP_STi_ST0), F_(FDIVP_STi_ST0),
};

/* ---- DF: word/qword integer, BCD, FNSTSW AX, FUCOMIP/FCOMIP (Tables) ---- */
static const struct x86_node df_mem[8] = {
	F_(FILD_m16int), F_(FISTTP_m16int), F_(FIST_m16int), F_(FISTP_m16int),
	F_(FBLD_m80bcd), F_(FILD_m64int), F_(FBSTP_m80bcd), F_(FISTP_m64int),
};
static const struct x86_node df_e0[8] = { F_(FNSTSW_AX) };       /* DF E0 only */
static const struct x86_node df_reg[8] = {
	F_(FFREEP_STi), F_(FXCH7_STi), F_(FSTP8_STi), F_(FSTP9_STi),
	BY_RM(df_e0), F_(FUCOMIP_ST0_STi), F_(FCOMIP_ST0_STi), UD_,
};

const struct x86_node x86_x87[8][2] = {
	{ BY_REG(d8_mem), BY_REG(d8_reg) },
	{ BY_REG(d9_mem), BY_REG(d9_reg) },
	{ BY_REG(da_mem), BY_REG(da_reg) },
	{ BY_REG(db_mem), BY_REG(db_reg) },
	{ BY_REG(dc_mem), BY_REG(dc_reg) },
	{ BY_REG(dd_mem), BY_REG(dd_reg) },
	{ BY_REG(de_mem), BY_REG(de_reg) },
	{ BY_REG(df_mem), BY_REG(df_reg) },
};
