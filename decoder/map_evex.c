/* map_evex.c - EVEX maps, indexed by EVEX.mmm: 1 = 0F, 2 = 0F38, 3 = 0F3A,
 * 5 and 6 = the AVX512-FP16 maps (SDM vol. 2, 2.7 and Appendix A; FP16:
 * Intel AVX512-FP16 Architecture Specification).
 *
 * Each opcode row is a decision tree: BY_MODE64 (only where general-register
 * forms differ outside 64-bit mode), BY_PREFIX (EVEX.pp), BY_W (EVEX.W),
 * BY_REG (ModRM.reg groups), BY_VEXL (EVEX.L'L; with EVEX.b and a register
 * operand the walk sees 512, L'L being the rounding control), BY_MOD
 * (memory / register forms that differ). Sub-tables are named ev_<map>_<op>
 * followed by the child index at each level. The forms are in
 * forms_evex.def. */
#include "tables.h"

/* EVEX.0F 10 F3: by ModRM.mod */
static const struct x86_node ev_1_10_2[2] = { F_(EVEX_VMOVSS_Vdq_Md), F_(EVEX_VMOVSS_Vdq_Hdq_Udq) };
/* EVEX.0F 10 F2: by ModRM.mod */
static const struct x86_node ev_1_10_3[2] = { F_(EVEX_VMOVSD_Vdq_Mq), F_(EVEX_VMOVSD_Vdq_Hdq_Udq) };
/* EVEX.0F 10: by EVEX.pp */
static const struct x86_node ev_1_10[4] = { F_(EVEX_VMOVUPS_Vx_Wx), F_(EVEX_VMOVUPD_Vx_Wx), BY_MOD(ev_1_10_2), BY_MOD(ev_1_10_3) };
/* EVEX.0F 11 F3: by ModRM.mod */
static const struct x86_node ev_1_11_2[2] = { F_(EVEX_VMOVSS_Md_Vdq), F_(EVEX_VMOVSS_Udq_Hdq_Vdq) };
/* EVEX.0F 11 F2: by ModRM.mod */
static const struct x86_node ev_1_11_3[2] = { F_(EVEX_VMOVSD_Mq_Vdq), F_(EVEX_VMOVSD_Udq_Hdq_Vdq) };
/* EVEX.0F 11: by EVEX.pp */
static const struct x86_node ev_1_11[4] = { F_(EVEX_VMOVUPS_Wx_Vx), F_(EVEX_VMOVUPD_Wx_Vx), BY_MOD(ev_1_11_2), BY_MOD(ev_1_11_3) };
/* EVEX.0F 12 np: by ModRM.mod */
static const struct x86_node ev_1_12_0[2] = { F_(EVEX_VMOVLPS_Vdq_Hdq_Mq), F_(EVEX_VMOVHLPS_Vdq_Hdq_Udq) };
/* EVEX.0F 12 66: by ModRM.mod */
static const struct x86_node ev_1_12_1[2] = { F_(EVEX_VMOVLPD_Vdq_Hdq_Mq), UD_ };
/* EVEX.0F 12 F2 L128: by ModRM.mod */
static const struct x86_node ev_1_12_3_0[2] = { F_(EVEX_VMOVDDUP_Vdq_Mq), F_(EVEX_VMOVDDUP_Vx_Ux) };
/* EVEX.0F 12 F2 L256: by ModRM.mod */
static const struct x86_node ev_1_12_3_1[2] = { F_(EVEX_VMOVDDUP_Vqq_Mqq), F_(EVEX_VMOVDDUP_Vx_Ux) };
/* EVEX.0F 12 F2 L512: by ModRM.mod */
static const struct x86_node ev_1_12_3_2[2] = { F_(EVEX_VMOVDDUP_Voq_Moq), F_(EVEX_VMOVDDUP_Vx_Ux) };
/* EVEX.0F 12 F2: by EVEX.L'L */
static const struct x86_node ev_1_12_3[3] = { BY_MOD(ev_1_12_3_0), BY_MOD(ev_1_12_3_1), BY_MOD(ev_1_12_3_2) };
/* EVEX.0F 12: by EVEX.pp */
static const struct x86_node ev_1_12[4] = { BY_MOD(ev_1_12_0), BY_MOD(ev_1_12_1), F_(EVEX_VMOVSLDUP_Vx_Wx), BY_VEXL(ev_1_12_3) };
/* EVEX.0F 13 np: by ModRM.mod */
static const struct x86_node ev_1_13_0[2] = { F_(EVEX_VMOVLPS_Mq_Vq), UD_ };
/* EVEX.0F 13 66: by ModRM.mod */
static const struct x86_node ev_1_13_1[2] = { F_(EVEX_VMOVLPD_Mq_Vq), UD_ };
/* EVEX.0F 13: by EVEX.pp */
static const struct x86_node ev_1_13[4] = { BY_MOD(ev_1_13_0), BY_MOD(ev_1_13_1), UD_, UD_ };
/* EVEX.0F 14: by EVEX.pp */
static const struct x86_node ev_1_14[4] = { F_(EVEX_VUNPCKLPS_Vx_Hx_Wx), F_(EVEX_VUNPCKLPD_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F 15: by EVEX.pp */
static const struct x86_node ev_1_15[4] = { F_(EVEX_VUNPCKHPS_Vx_Hx_Wx), F_(EVEX_VUNPCKHPD_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F 16 np: by ModRM.mod */
static const struct x86_node ev_1_16_0[2] = { F_(EVEX_VMOVHPS_Vdq_Hq_Mq), F_(EVEX_VMOVLHPS_Vdq_Hq_Uq) };
/* EVEX.0F 16 66: by ModRM.mod */
static const struct x86_node ev_1_16_1[2] = { F_(EVEX_VMOVHPD_Vdq_Hq_Mq), UD_ };
/* EVEX.0F 16: by EVEX.pp */
static const struct x86_node ev_1_16[4] = { BY_MOD(ev_1_16_0), BY_MOD(ev_1_16_1), F_(EVEX_VMOVSHDUP_Vx_Wx), UD_ };
/* EVEX.0F 17 np: by ModRM.mod */
static const struct x86_node ev_1_17_0[2] = { F_(EVEX_VMOVHPS_Mq_Vdq), UD_ };
/* EVEX.0F 17 66: by ModRM.mod */
static const struct x86_node ev_1_17_1[2] = { F_(EVEX_VMOVHPD_Mq_Vdq), UD_ };
/* EVEX.0F 17: by EVEX.pp */
static const struct x86_node ev_1_17[4] = { BY_MOD(ev_1_17_0), BY_MOD(ev_1_17_1), UD_, UD_ };
/* EVEX.0F 28: by EVEX.pp */
static const struct x86_node ev_1_28[4] = { F_(EVEX_VMOVAPS_Vx_Wx), F_(EVEX_VMOVAPD_Vx_Wx), UD_, UD_ };
/* EVEX.0F 29: by EVEX.pp */
static const struct x86_node ev_1_29[4] = { F_(EVEX_VMOVAPS_Wx_Vx), F_(EVEX_VMOVAPD_Wx_Vx), UD_, UD_ };
/* EVEX.0F 2A 32-bit F2: by EVEX.W */
static const struct x86_node ev_1_2A_0_3[2] = { F_(EVEX_VCVTSI2SD_Vdq_Hdq_Ed), F_(EVEX_VCVTSI2SD_Vdq_Hdq_Ed_W1) };
/* EVEX.0F 2A 32-bit: by EVEX.pp */
static const struct x86_node ev_1_2A_0[4] = { UD_, UD_, F_(EVEX_VCVTSI2SS_Vdq_Hdq_Ed), BY_W(ev_1_2A_0_3) };
/* EVEX.0F 2A 64-bit F3: by EVEX.W */
static const struct x86_node ev_1_2A_1_2[2] = { F_(EVEX_VCVTSI2SS_Vdq_Hdq_Ed), F_(EVEX_VCVTSI2SS_Vdq_Hdq_Eq) };
/* EVEX.0F 2A 64-bit F2: by EVEX.W */
static const struct x86_node ev_1_2A_1_3[2] = { F_(EVEX_VCVTSI2SD_Vdq_Hdq_Ed), F_(EVEX_VCVTSI2SD_Vdq_Hdq_Eq) };
/* EVEX.0F 2A 64-bit: by EVEX.pp */
static const struct x86_node ev_1_2A_1[4] = { UD_, UD_, BY_W(ev_1_2A_1_2), BY_W(ev_1_2A_1_3) };
/* EVEX.0F 2A: by mode */
static const struct x86_node ev_1_2A[2] = { BY_PREFIX(ev_1_2A_0), BY_PREFIX(ev_1_2A_1) };
/* EVEX.0F 2B np: by ModRM.mod */
static const struct x86_node ev_1_2B_0[2] = { F_(EVEX_VMOVNTPS_Mx_Vx), UD_ };
/* EVEX.0F 2B 66: by ModRM.mod */
static const struct x86_node ev_1_2B_1[2] = { F_(EVEX_VMOVNTPD_Mx_Vx), UD_ };
/* EVEX.0F 2B: by EVEX.pp */
static const struct x86_node ev_1_2B[4] = { BY_MOD(ev_1_2B_0), BY_MOD(ev_1_2B_1), UD_, UD_ };
/* EVEX.0F 2C 32-bit: by EVEX.pp */
static const struct x86_node ev_1_2C_0[4] = { UD_, UD_, F_(EVEX_VCVTTSS2SI_Gd_Wd), F_(EVEX_VCVTTSD2SI_Gd_Wq) };
/* EVEX.0F 2C 64-bit F3: by EVEX.W */
static const struct x86_node ev_1_2C_1_2[2] = { F_(EVEX_VCVTTSS2SI_Gd_Wd), F_(EVEX_VCVTTSS2SI_Gq_Wd) };
/* EVEX.0F 2C 64-bit F2: by EVEX.W */
static const struct x86_node ev_1_2C_1_3[2] = { F_(EVEX_VCVTTSD2SI_Gd_Wq), F_(EVEX_VCVTTSD2SI_Gq_Wq) };
/* EVEX.0F 2C 64-bit: by EVEX.pp */
static const struct x86_node ev_1_2C_1[4] = { UD_, UD_, BY_W(ev_1_2C_1_2), BY_W(ev_1_2C_1_3) };
/* EVEX.0F 2C: by mode */
static const struct x86_node ev_1_2C[2] = { BY_PREFIX(ev_1_2C_0), BY_PREFIX(ev_1_2C_1) };
/* EVEX.0F 2D 32-bit: by EVEX.pp */
static const struct x86_node ev_1_2D_0[4] = { UD_, UD_, F_(EVEX_VCVTSS2SI_Gd_Wd), F_(EVEX_VCVTSD2SI_Gd_Wq) };
/* EVEX.0F 2D 64-bit F3: by EVEX.W */
static const struct x86_node ev_1_2D_1_2[2] = { F_(EVEX_VCVTSS2SI_Gd_Wd), F_(EVEX_VCVTSS2SI_Gq_Wd) };
/* EVEX.0F 2D 64-bit F2: by EVEX.W */
static const struct x86_node ev_1_2D_1_3[2] = { F_(EVEX_VCVTSD2SI_Gd_Wq), F_(EVEX_VCVTSD2SI_Gq_Wq) };
/* EVEX.0F 2D 64-bit: by EVEX.pp */
static const struct x86_node ev_1_2D_1[4] = { UD_, UD_, BY_W(ev_1_2D_1_2), BY_W(ev_1_2D_1_3) };
/* EVEX.0F 2D: by mode */
static const struct x86_node ev_1_2D[2] = { BY_PREFIX(ev_1_2D_0), BY_PREFIX(ev_1_2D_1) };
/* EVEX.0F 2E: by EVEX.pp */
static const struct x86_node ev_1_2E[4] = { F_(EVEX_VUCOMISS_Vdq_Wd), F_(EVEX_VUCOMISD_Vdq_Wq), UD_, UD_ };
/* EVEX.0F 2F: by EVEX.pp */
static const struct x86_node ev_1_2F[4] = { F_(EVEX_VCOMISS_Vdq_Wd), F_(EVEX_VCOMISD_Vdq_Wq), UD_, UD_ };
/* EVEX.0F 51: by EVEX.pp */
static const struct x86_node ev_1_51[4] = { F_(EVEX_VSQRTPS_Vx_Wx), F_(EVEX_VSQRTPD_Vx_Wx), F_(EVEX_VSQRTSS_Vdq_Hdq_Wd), F_(EVEX_VSQRTSD_Vdq_Hdq_Wq) };
/* EVEX.0F 54: by EVEX.pp */
static const struct x86_node ev_1_54[4] = { F_(EVEX_VANDPS_Vx_Hx_Wx), F_(EVEX_VANDPD_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F 55: by EVEX.pp */
static const struct x86_node ev_1_55[4] = { F_(EVEX_VANDNPS_Vx_Hx_Wx), F_(EVEX_VANDNPD_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F 56: by EVEX.pp */
static const struct x86_node ev_1_56[4] = { F_(EVEX_VORPS_Vx_Hx_Wx), F_(EVEX_VORPD_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F 57: by EVEX.pp */
static const struct x86_node ev_1_57[4] = { F_(EVEX_VXORPS_Vx_Hx_Wx), F_(EVEX_VXORPD_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F 58: by EVEX.pp */
static const struct x86_node ev_1_58[4] = { F_(EVEX_VADDPS_Vx_Hx_Wx), F_(EVEX_VADDPD_Vx_Hx_Wx), F_(EVEX_VADDSS_Vdq_Hdq_Wd), F_(EVEX_VADDSD_Vdq_Hdq_Wq) };
/* EVEX.0F 59: by EVEX.pp */
static const struct x86_node ev_1_59[4] = { F_(EVEX_VMULPS_Vx_Hx_Wx), F_(EVEX_VMULPD_Vx_Hx_Wx), F_(EVEX_VMULSS_Vdq_Hdq_Wd), F_(EVEX_VMULSD_Vdq_Hdq_Wq) };
/* EVEX.0F 5A: by EVEX.pp */
static const struct x86_node ev_1_5A[4] = { F_(EVEX_VCVTPS2PD_Vx_Wh), F_(EVEX_VCVTPD2PS_Vh_Wx), F_(EVEX_VCVTSS2SD_Vdq_Hdq_Wd), F_(EVEX_VCVTSD2SS_Vdq_Hdq_Wq) };
/* EVEX.0F 5B np: by EVEX.W */
static const struct x86_node ev_1_5B_0[2] = { F_(EVEX_VCVTDQ2PS_Vx_Wx), F_(EVEX_VCVTQQ2PS_Vh_Wx) };
/* EVEX.0F 5B: by EVEX.pp */
static const struct x86_node ev_1_5B[4] = { BY_W(ev_1_5B_0), F_(EVEX_VCVTPS2DQ_Vx_Wx), F_(EVEX_VCVTTPS2DQ_Vx_Wx), UD_ };
/* EVEX.0F 5C: by EVEX.pp */
static const struct x86_node ev_1_5C[4] = { F_(EVEX_VSUBPS_Vx_Hx_Wx), F_(EVEX_VSUBPD_Vx_Hx_Wx), F_(EVEX_VSUBSS_Vdq_Hdq_Wd), F_(EVEX_VSUBSD_Vdq_Hdq_Wq) };
/* EVEX.0F 5D: by EVEX.pp */
static const struct x86_node ev_1_5D[4] = { F_(EVEX_VMINPS_Vx_Hx_Wx), F_(EVEX_VMINPD_Vx_Hx_Wx), F_(EVEX_VMINSS_Vdq_Hdq_Wd), F_(EVEX_VMINSD_Vdq_Hdq_Wq) };
/* EVEX.0F 5E: by EVEX.pp */
static const struct x86_node ev_1_5E[4] = { F_(EVEX_VDIVPS_Vx_Hx_Wx), F_(EVEX_VDIVPD_Vx_Hx_Wx), F_(EVEX_VDIVSS_Vdq_Hdq_Wd), F_(EVEX_VDIVSD_Vdq_Hdq_Wq) };
/* EVEX.0F 5F: by EVEX.pp */
static const struct x86_node ev_1_5F[4] = { F_(EVEX_VMAXPS_Vx_Hx_Wx), F_(EVEX_VMAXPD_Vx_Hx_Wx), F_(EVEX_VMAXSS_Vdq_Hdq_Wd), F_(EVEX_VMAXSD_Vdq_Hdq_Wq) };
/* EVEX.0F 60: by EVEX.pp */
static const struct x86_node ev_1_60[4] = { UD_, F_(EVEX_VPUNPCKLBW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F 61: by EVEX.pp */
static const struct x86_node ev_1_61[4] = { UD_, F_(EVEX_VPUNPCKLWD_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F 62: by EVEX.pp */
static const struct x86_node ev_1_62[4] = { UD_, F_(EVEX_VPUNPCKLDQ_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F 63: by EVEX.pp */
static const struct x86_node ev_1_63[4] = { UD_, F_(EVEX_VPACKSSWB_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F 64: by EVEX.pp */
static const struct x86_node ev_1_64[4] = { UD_, F_(EVEX_VPCMPGTB_KGq_Hx_Wx), UD_, UD_ };
/* EVEX.0F 65: by EVEX.pp */
static const struct x86_node ev_1_65[4] = { UD_, F_(EVEX_VPCMPGTW_KGq_Hx_Wx), UD_, UD_ };
/* EVEX.0F 66: by EVEX.pp */
static const struct x86_node ev_1_66[4] = { UD_, F_(EVEX_VPCMPGTD_KGq_Hx_Wx), UD_, UD_ };
/* EVEX.0F 67: by EVEX.pp */
static const struct x86_node ev_1_67[4] = { UD_, F_(EVEX_VPACKUSWB_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F 68: by EVEX.pp */
static const struct x86_node ev_1_68[4] = { UD_, F_(EVEX_VPUNPCKHBW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F 69: by EVEX.pp */
static const struct x86_node ev_1_69[4] = { UD_, F_(EVEX_VPUNPCKHWD_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F 6A: by EVEX.pp */
static const struct x86_node ev_1_6A[4] = { UD_, F_(EVEX_VPUNPCKHDQ_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F 6B: by EVEX.pp */
static const struct x86_node ev_1_6B[4] = { UD_, F_(EVEX_VPACKSSDW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F 6C: by EVEX.pp */
static const struct x86_node ev_1_6C[4] = { UD_, F_(EVEX_VPUNPCKLQDQ_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F 6D: by EVEX.pp */
static const struct x86_node ev_1_6D[4] = { UD_, F_(EVEX_VPUNPCKHQDQ_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F 6E 32-bit: by EVEX.pp */
static const struct x86_node ev_1_6E_0[4] = { UD_, F_(EVEX_VMOVD_Vdq_Ed), UD_, UD_ };
/* EVEX.0F 6E 64-bit 66: by EVEX.W */
static const struct x86_node ev_1_6E_1_1[2] = { F_(EVEX_VMOVD_Vdq_Ed), F_(EVEX_VMOVQ_Vdq_Eq) };
/* EVEX.0F 6E 64-bit: by EVEX.pp */
static const struct x86_node ev_1_6E_1[4] = { UD_, BY_W(ev_1_6E_1_1), UD_, UD_ };
/* EVEX.0F 6E: by mode */
static const struct x86_node ev_1_6E[2] = { BY_PREFIX(ev_1_6E_0), BY_PREFIX(ev_1_6E_1) };
/* EVEX.0F 6F 66: by EVEX.W */
static const struct x86_node ev_1_6F_1[2] = { F_(EVEX_VMOVDQA32_Vx_Wx), F_(EVEX_VMOVDQA64_Vx_Wx) };
/* EVEX.0F 6F F3: by EVEX.W */
static const struct x86_node ev_1_6F_2[2] = { F_(EVEX_VMOVDQU32_Vx_Wx), F_(EVEX_VMOVDQU64_Vx_Wx) };
/* EVEX.0F 6F F2: by EVEX.W */
static const struct x86_node ev_1_6F_3[2] = { F_(EVEX_VMOVDQU8_Vx_Wx), F_(EVEX_VMOVDQU16_Vx_Wx) };
/* EVEX.0F 6F: by EVEX.pp */
static const struct x86_node ev_1_6F[4] = { UD_, BY_W(ev_1_6F_1), BY_W(ev_1_6F_2), BY_W(ev_1_6F_3) };
/* EVEX.0F 70: by EVEX.pp */
static const struct x86_node ev_1_70[4] = { UD_, F_(EVEX_VPSHUFD_Vx_Wx_Ib), F_(EVEX_VPSHUFHW_Vx_Wx_Ib), F_(EVEX_VPSHUFLW_Vx_Wx_Ib) };
/* EVEX.0F 71 66: by ModRM.reg */
static const struct x86_node ev_1_71_1[8] = { UD_, UD_, F_(EVEX_VPSRLW_Hx_Wx_Ib), UD_, F_(EVEX_VPSRAW_Hx_Wx_Ib), UD_, F_(EVEX_VPSLLW_Hx_Wx_Ib), UD_ };
/* EVEX.0F 71: by EVEX.pp */
static const struct x86_node ev_1_71[4] = { UD_, BY_REG(ev_1_71_1), UD_, UD_ };
/* EVEX.0F 72 66 W0: by ModRM.reg */
static const struct x86_node ev_1_72_1_0[8] = { F_(EVEX_VPRORD_Hx_Wx_Ib), F_(EVEX_VPROLD_Hx_Wx_Ib), F_(EVEX_VPSRLD_Hx_Wx_Ib), UD_, F_(EVEX_VPSRAD_Hx_Wx_Ib), UD_, F_(EVEX_VPSLLD_Hx_Wx_Ib), UD_ };
/* EVEX.0F 72 66 W1: by ModRM.reg */
static const struct x86_node ev_1_72_1_1[8] = { F_(EVEX_VPRORQ_Hx_Wx_Ib), F_(EVEX_VPROLQ_Hx_Wx_Ib), UD_, UD_, F_(EVEX_VPSRAQ_Hx_Wx_Ib), UD_, UD_, UD_ };
/* EVEX.0F 72 66: by EVEX.W */
static const struct x86_node ev_1_72_1[2] = { BY_REG(ev_1_72_1_0), BY_REG(ev_1_72_1_1) };
/* EVEX.0F 72: by EVEX.pp */
static const struct x86_node ev_1_72[4] = { UD_, BY_W(ev_1_72_1), UD_, UD_ };
/* EVEX.0F 73 66 W0: by ModRM.reg */
static const struct x86_node ev_1_73_1_0[8] = { UD_, UD_, UD_, F_(EVEX_VPSRLDQ_Hx_Wx_Ib), UD_, UD_, UD_, F_(EVEX_VPSLLDQ_Hx_Wx_Ib) };
/* EVEX.0F 73 66 W1: by ModRM.reg */
static const struct x86_node ev_1_73_1_1[8] = { UD_, UD_, F_(EVEX_VPSRLQ_Hx_Wx_Ib), F_(EVEX_VPSRLDQ_Hx_Wx_Ib), UD_, UD_, F_(EVEX_VPSLLQ_Hx_Wx_Ib), F_(EVEX_VPSLLDQ_Hx_Wx_Ib) };
/* EVEX.0F 73 66: by EVEX.W */
static const struct x86_node ev_1_73_1[2] = { BY_REG(ev_1_73_1_0), BY_REG(ev_1_73_1_1) };
/* EVEX.0F 73: by EVEX.pp */
static const struct x86_node ev_1_73[4] = { UD_, BY_W(ev_1_73_1), UD_, UD_ };
/* EVEX.0F 74: by EVEX.pp */
static const struct x86_node ev_1_74[4] = { UD_, F_(EVEX_VPCMPEQB_KGq_Hx_Wx), UD_, UD_ };
/* EVEX.0F 75: by EVEX.pp */
static const struct x86_node ev_1_75[4] = { UD_, F_(EVEX_VPCMPEQW_KGq_Hx_Wx), UD_, UD_ };
/* EVEX.0F 76: by EVEX.pp */
static const struct x86_node ev_1_76[4] = { UD_, F_(EVEX_VPCMPEQD_KGq_Hx_Wx), UD_, UD_ };
/* EVEX.0F 78 32-bit np: by EVEX.W */
static const struct x86_node ev_1_78_0_0[2] = { F_(EVEX_VCVTTPS2UDQ_Vx_Wx), F_(EVEX_VCVTTPD2UDQ_Vh_Wx) };
/* EVEX.0F 78 32-bit 66: by EVEX.W */
static const struct x86_node ev_1_78_0_1[2] = { F_(EVEX_VCVTTPS2UQQ_Vx_Wh), F_(EVEX_VCVTTPD2UQQ_Vx_Wx) };
/* EVEX.0F 78 32-bit: by EVEX.pp */
static const struct x86_node ev_1_78_0[4] = { BY_W(ev_1_78_0_0), BY_W(ev_1_78_0_1), F_(EVEX_VCVTTSS2USI_Gd_Wd), F_(EVEX_VCVTTSD2USI_Gd_Wq) };
/* EVEX.0F 78 64-bit np: by EVEX.W */
static const struct x86_node ev_1_78_1_0[2] = { F_(EVEX_VCVTTPS2UDQ_Vx_Wx), F_(EVEX_VCVTTPD2UDQ_Vh_Wx) };
/* EVEX.0F 78 64-bit 66: by EVEX.W */
static const struct x86_node ev_1_78_1_1[2] = { F_(EVEX_VCVTTPS2UQQ_Vx_Wh), F_(EVEX_VCVTTPD2UQQ_Vx_Wx) };
/* EVEX.0F 78 64-bit F3: by EVEX.W */
static const struct x86_node ev_1_78_1_2[2] = { F_(EVEX_VCVTTSS2USI_Gd_Wd), F_(EVEX_VCVTTSS2USI_Gq_Wd) };
/* EVEX.0F 78 64-bit F2: by EVEX.W */
static const struct x86_node ev_1_78_1_3[2] = { F_(EVEX_VCVTTSD2USI_Gd_Wq), F_(EVEX_VCVTTSD2USI_Gq_Wq) };
/* EVEX.0F 78 64-bit: by EVEX.pp */
static const struct x86_node ev_1_78_1[4] = { BY_W(ev_1_78_1_0), BY_W(ev_1_78_1_1), BY_W(ev_1_78_1_2), BY_W(ev_1_78_1_3) };
/* EVEX.0F 78: by mode */
static const struct x86_node ev_1_78[2] = { BY_PREFIX(ev_1_78_0), BY_PREFIX(ev_1_78_1) };
/* EVEX.0F 79 32-bit np: by EVEX.W */
static const struct x86_node ev_1_79_0_0[2] = { F_(EVEX_VCVTPS2UDQ_Vx_Wx), F_(EVEX_VCVTPD2UDQ_Vh_Wx) };
/* EVEX.0F 79 32-bit 66: by EVEX.W */
static const struct x86_node ev_1_79_0_1[2] = { F_(EVEX_VCVTPS2UQQ_Vx_Wh), F_(EVEX_VCVTPD2UQQ_Vx_Wx) };
/* EVEX.0F 79 32-bit: by EVEX.pp */
static const struct x86_node ev_1_79_0[4] = { BY_W(ev_1_79_0_0), BY_W(ev_1_79_0_1), F_(EVEX_VCVTSS2USI_Gd_Wd), F_(EVEX_VCVTSD2USI_Gd_Wq) };
/* EVEX.0F 79 64-bit np: by EVEX.W */
static const struct x86_node ev_1_79_1_0[2] = { F_(EVEX_VCVTPS2UDQ_Vx_Wx), F_(EVEX_VCVTPD2UDQ_Vh_Wx) };
/* EVEX.0F 79 64-bit 66: by EVEX.W */
static const struct x86_node ev_1_79_1_1[2] = { F_(EVEX_VCVTPS2UQQ_Vx_Wh), F_(EVEX_VCVTPD2UQQ_Vx_Wx) };
/* EVEX.0F 79 64-bit F3: by EVEX.W */
static const struct x86_node ev_1_79_1_2[2] = { F_(EVEX_VCVTSS2USI_Gd_Wd), F_(EVEX_VCVTSS2USI_Gq_Wd) };
/* EVEX.0F 79 64-bit F2: by EVEX.W */
static const struct x86_node ev_1_79_1_3[2] = { F_(EVEX_VCVTSD2USI_Gd_Wq), F_(EVEX_VCVTSD2USI_Gq_Wq) };
/* EVEX.0F 79 64-bit: by EVEX.pp */
static const struct x86_node ev_1_79_1[4] = { BY_W(ev_1_79_1_0), BY_W(ev_1_79_1_1), BY_W(ev_1_79_1_2), BY_W(ev_1_79_1_3) };
/* EVEX.0F 79: by mode */
static const struct x86_node ev_1_79[2] = { BY_PREFIX(ev_1_79_0), BY_PREFIX(ev_1_79_1) };
/* EVEX.0F 7A 66: by EVEX.W */
static const struct x86_node ev_1_7A_1[2] = { F_(EVEX_VCVTTPS2QQ_Vx_Wh), F_(EVEX_VCVTTPD2QQ_Vx_Wx) };
/* EVEX.0F 7A F3: by EVEX.W */
static const struct x86_node ev_1_7A_2[2] = { F_(EVEX_VCVTUDQ2PD_Vx_Wh), F_(EVEX_VCVTUQQ2PD_Vx_Wx) };
/* EVEX.0F 7A F2: by EVEX.W */
static const struct x86_node ev_1_7A_3[2] = { F_(EVEX_VCVTUDQ2PS_Vx_Wx), F_(EVEX_VCVTUQQ2PS_Vh_Wx) };
/* EVEX.0F 7A: by EVEX.pp */
static const struct x86_node ev_1_7A[4] = { UD_, BY_W(ev_1_7A_1), BY_W(ev_1_7A_2), BY_W(ev_1_7A_3) };
/* EVEX.0F 7B 32-bit 66: by EVEX.W */
static const struct x86_node ev_1_7B_0_1[2] = { F_(EVEX_VCVTPS2QQ_Vx_Wh), F_(EVEX_VCVTPD2QQ_Vx_Wx) };
/* EVEX.0F 7B 32-bit F2: by EVEX.W */
static const struct x86_node ev_1_7B_0_3[2] = { F_(EVEX_VCVTUSI2SD_Vdq_Hdq_Ed), F_(EVEX_VCVTUSI2SD_Vdq_Hdq_Ed_W1) };
/* EVEX.0F 7B 32-bit: by EVEX.pp */
static const struct x86_node ev_1_7B_0[4] = { UD_, BY_W(ev_1_7B_0_1), F_(EVEX_VCVTUSI2SS_Vdq_Hdq_Ed), BY_W(ev_1_7B_0_3) };
/* EVEX.0F 7B 64-bit 66: by EVEX.W */
static const struct x86_node ev_1_7B_1_1[2] = { F_(EVEX_VCVTPS2QQ_Vx_Wh), F_(EVEX_VCVTPD2QQ_Vx_Wx) };
/* EVEX.0F 7B 64-bit F3: by EVEX.W */
static const struct x86_node ev_1_7B_1_2[2] = { F_(EVEX_VCVTUSI2SS_Vdq_Hdq_Ed), F_(EVEX_VCVTUSI2SS_Vdq_Hdq_Eq) };
/* EVEX.0F 7B 64-bit F2: by EVEX.W */
static const struct x86_node ev_1_7B_1_3[2] = { F_(EVEX_VCVTUSI2SD_Vdq_Hdq_Ed), F_(EVEX_VCVTUSI2SD_Vdq_Hdq_Eq) };
/* EVEX.0F 7B 64-bit: by EVEX.pp */
static const struct x86_node ev_1_7B_1[4] = { UD_, BY_W(ev_1_7B_1_1), BY_W(ev_1_7B_1_2), BY_W(ev_1_7B_1_3) };
/* EVEX.0F 7B: by mode */
static const struct x86_node ev_1_7B[2] = { BY_PREFIX(ev_1_7B_0), BY_PREFIX(ev_1_7B_1) };
/* EVEX.0F 7E 32-bit: by EVEX.pp */
static const struct x86_node ev_1_7E_0[4] = { UD_, F_(EVEX_VMOVD_Ed_Vdq), F_(EVEX_VMOVQ_Vdq_Wq), UD_ };
/* EVEX.0F 7E 64-bit 66: by EVEX.W */
static const struct x86_node ev_1_7E_1_1[2] = { F_(EVEX_VMOVD_Ed_Vdq), F_(EVEX_VMOVQ_Eq_Vdq) };
/* EVEX.0F 7E 64-bit: by EVEX.pp */
static const struct x86_node ev_1_7E_1[4] = { UD_, BY_W(ev_1_7E_1_1), F_(EVEX_VMOVQ_Vdq_Wq), UD_ };
/* EVEX.0F 7E: by mode */
static const struct x86_node ev_1_7E[2] = { BY_PREFIX(ev_1_7E_0), BY_PREFIX(ev_1_7E_1) };
/* EVEX.0F 7F 66: by EVEX.W */
static const struct x86_node ev_1_7F_1[2] = { F_(EVEX_VMOVDQA32_Wx_Vx), F_(EVEX_VMOVDQA64_Wx_Vx) };
/* EVEX.0F 7F F3: by EVEX.W */
static const struct x86_node ev_1_7F_2[2] = { F_(EVEX_VMOVDQU32_Wx_Vx), F_(EVEX_VMOVDQU64_Wx_Vx) };
/* EVEX.0F 7F F2: by EVEX.W */
static const struct x86_node ev_1_7F_3[2] = { F_(EVEX_VMOVDQU8_Wx_Vx), F_(EVEX_VMOVDQU16_Wx_Vx) };
/* EVEX.0F 7F: by EVEX.pp */
static const struct x86_node ev_1_7F[4] = { UD_, BY_W(ev_1_7F_1), BY_W(ev_1_7F_2), BY_W(ev_1_7F_3) };
/* EVEX.0F C2: by EVEX.pp */
static const struct x86_node ev_1_C2[4] = { F_(EVEX_VCMPPS_KGq_Hx_Wx_Ib), F_(EVEX_VCMPPD_KGq_Hx_Wx_Ib), F_(EVEX_VCMPSS_KGq_Hdq_Wd_Ib), F_(EVEX_VCMPSD_KGq_Hdq_Wq_Ib) };
/* EVEX.0F C4 66: by ModRM.mod */
static const struct x86_node ev_1_C4_1[2] = { F_(EVEX_VPINSRW_Vdq_Hdq_Mw_Ib), F_(EVEX_VPINSRW_Vdq_Hdq_Rd_Ib) };
/* EVEX.0F C4: by EVEX.pp */
static const struct x86_node ev_1_C4[4] = { UD_, BY_MOD(ev_1_C4_1), UD_, UD_ };
/* EVEX.0F C5 66: by ModRM.mod */
static const struct x86_node ev_1_C5_1[2] = { UD_, F_(EVEX_VPEXTRW_Gd_Udq_Ib) };
/* EVEX.0F C5: by EVEX.pp */
static const struct x86_node ev_1_C5[4] = { UD_, BY_MOD(ev_1_C5_1), UD_, UD_ };
/* EVEX.0F C6: by EVEX.pp */
static const struct x86_node ev_1_C6[4] = { F_(EVEX_VSHUFPS_Vx_Hx_Wx_Ib), F_(EVEX_VSHUFPD_Vx_Hx_Wx_Ib), UD_, UD_ };
/* EVEX.0F D1: by EVEX.pp */
static const struct x86_node ev_1_D1[4] = { UD_, F_(EVEX_VPSRLW_Vx_Hx_Wdq), UD_, UD_ };
/* EVEX.0F D2: by EVEX.pp */
static const struct x86_node ev_1_D2[4] = { UD_, F_(EVEX_VPSRLD_Vx_Hx_Wdq), UD_, UD_ };
/* EVEX.0F D3: by EVEX.pp */
static const struct x86_node ev_1_D3[4] = { UD_, F_(EVEX_VPSRLQ_Vx_Hx_Wdq), UD_, UD_ };
/* EVEX.0F D4: by EVEX.pp */
static const struct x86_node ev_1_D4[4] = { UD_, F_(EVEX_VPADDQ_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F D5: by EVEX.pp */
static const struct x86_node ev_1_D5[4] = { UD_, F_(EVEX_VPMULLW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F D6: by EVEX.pp */
static const struct x86_node ev_1_D6[4] = { UD_, F_(EVEX_VMOVQ_Wq_Vdq), UD_, UD_ };
/* EVEX.0F D8: by EVEX.pp */
static const struct x86_node ev_1_D8[4] = { UD_, F_(EVEX_VPSUBUSB_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F D9: by EVEX.pp */
static const struct x86_node ev_1_D9[4] = { UD_, F_(EVEX_VPSUBUSW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F DA: by EVEX.pp */
static const struct x86_node ev_1_DA[4] = { UD_, F_(EVEX_VPMINUB_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F DB 66: by EVEX.W */
static const struct x86_node ev_1_DB_1[2] = { F_(EVEX_VPANDD_Vx_Hx_Wx), F_(EVEX_VPANDQ_Vx_Hx_Wx) };
/* EVEX.0F DB: by EVEX.pp */
static const struct x86_node ev_1_DB[4] = { UD_, BY_W(ev_1_DB_1), UD_, UD_ };
/* EVEX.0F DC: by EVEX.pp */
static const struct x86_node ev_1_DC[4] = { UD_, F_(EVEX_VPADDUSB_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F DD: by EVEX.pp */
static const struct x86_node ev_1_DD[4] = { UD_, F_(EVEX_VPADDUSW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F DE: by EVEX.pp */
static const struct x86_node ev_1_DE[4] = { UD_, F_(EVEX_VPMAXUB_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F DF 66: by EVEX.W */
static const struct x86_node ev_1_DF_1[2] = { F_(EVEX_VPANDND_Vx_Hx_Wx), F_(EVEX_VPANDNQ_Vx_Hx_Wx) };
/* EVEX.0F DF: by EVEX.pp */
static const struct x86_node ev_1_DF[4] = { UD_, BY_W(ev_1_DF_1), UD_, UD_ };
/* EVEX.0F E0: by EVEX.pp */
static const struct x86_node ev_1_E0[4] = { UD_, F_(EVEX_VPAVGB_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F E1: by EVEX.pp */
static const struct x86_node ev_1_E1[4] = { UD_, F_(EVEX_VPSRAW_Vx_Hx_Wdq), UD_, UD_ };
/* EVEX.0F E2 66: by EVEX.W */
static const struct x86_node ev_1_E2_1[2] = { F_(EVEX_VPSRAD_Vx_Hx_Wdq), F_(EVEX_VPSRAQ_Vx_Hx_Wdq) };
/* EVEX.0F E2: by EVEX.pp */
static const struct x86_node ev_1_E2[4] = { UD_, BY_W(ev_1_E2_1), UD_, UD_ };
/* EVEX.0F E3: by EVEX.pp */
static const struct x86_node ev_1_E3[4] = { UD_, F_(EVEX_VPAVGW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F E4: by EVEX.pp */
static const struct x86_node ev_1_E4[4] = { UD_, F_(EVEX_VPMULHUW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F E5: by EVEX.pp */
static const struct x86_node ev_1_E5[4] = { UD_, F_(EVEX_VPMULHW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F E6 F3: by EVEX.W */
static const struct x86_node ev_1_E6_2[2] = { F_(EVEX_VCVTDQ2PD_Vx_Wh), F_(EVEX_VCVTQQ2PD_Vx_Wx) };
/* EVEX.0F E6: by EVEX.pp */
static const struct x86_node ev_1_E6[4] = { UD_, F_(EVEX_VCVTTPD2DQ_Vh_Wx), BY_W(ev_1_E6_2), F_(EVEX_VCVTPD2DQ_Vh_Wx) };
/* EVEX.0F E7 66: by ModRM.mod */
static const struct x86_node ev_1_E7_1[2] = { F_(EVEX_VMOVNTDQ_Mx_Vx), UD_ };
/* EVEX.0F E7: by EVEX.pp */
static const struct x86_node ev_1_E7[4] = { UD_, BY_MOD(ev_1_E7_1), UD_, UD_ };
/* EVEX.0F E8: by EVEX.pp */
static const struct x86_node ev_1_E8[4] = { UD_, F_(EVEX_VPSUBSB_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F E9: by EVEX.pp */
static const struct x86_node ev_1_E9[4] = { UD_, F_(EVEX_VPSUBSW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F EA: by EVEX.pp */
static const struct x86_node ev_1_EA[4] = { UD_, F_(EVEX_VPMINSW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F EB 66: by EVEX.W */
static const struct x86_node ev_1_EB_1[2] = { F_(EVEX_VPORD_Vx_Hx_Wx), F_(EVEX_VPORQ_Vx_Hx_Wx) };
/* EVEX.0F EB: by EVEX.pp */
static const struct x86_node ev_1_EB[4] = { UD_, BY_W(ev_1_EB_1), UD_, UD_ };
/* EVEX.0F EC: by EVEX.pp */
static const struct x86_node ev_1_EC[4] = { UD_, F_(EVEX_VPADDSB_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F ED: by EVEX.pp */
static const struct x86_node ev_1_ED[4] = { UD_, F_(EVEX_VPADDSW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F EE: by EVEX.pp */
static const struct x86_node ev_1_EE[4] = { UD_, F_(EVEX_VPMAXSW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F EF 66: by EVEX.W */
static const struct x86_node ev_1_EF_1[2] = { F_(EVEX_VPXORD_Vx_Hx_Wx), F_(EVEX_VPXORQ_Vx_Hx_Wx) };
/* EVEX.0F EF: by EVEX.pp */
static const struct x86_node ev_1_EF[4] = { UD_, BY_W(ev_1_EF_1), UD_, UD_ };
/* EVEX.0F F1: by EVEX.pp */
static const struct x86_node ev_1_F1[4] = { UD_, F_(EVEX_VPSLLW_Vx_Hx_Wdq), UD_, UD_ };
/* EVEX.0F F2: by EVEX.pp */
static const struct x86_node ev_1_F2[4] = { UD_, F_(EVEX_VPSLLD_Vx_Hx_Wdq), UD_, UD_ };
/* EVEX.0F F3: by EVEX.pp */
static const struct x86_node ev_1_F3[4] = { UD_, F_(EVEX_VPSLLQ_Vx_Hx_Wdq), UD_, UD_ };
/* EVEX.0F F4: by EVEX.pp */
static const struct x86_node ev_1_F4[4] = { UD_, F_(EVEX_VPMULUDQ_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F F5: by EVEX.pp */
static const struct x86_node ev_1_F5[4] = { UD_, F_(EVEX_VPMADDWD_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F F6: by EVEX.pp */
static const struct x86_node ev_1_F6[4] = { UD_, F_(EVEX_VPSADBW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F F8: by EVEX.pp */
static const struct x86_node ev_1_F8[4] = { UD_, F_(EVEX_VPSUBB_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F F9: by EVEX.pp */
static const struct x86_node ev_1_F9[4] = { UD_, F_(EVEX_VPSUBW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F FA: by EVEX.pp */
static const struct x86_node ev_1_FA[4] = { UD_, F_(EVEX_VPSUBD_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F FB: by EVEX.pp */
static const struct x86_node ev_1_FB[4] = { UD_, F_(EVEX_VPSUBQ_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F FC: by EVEX.pp */
static const struct x86_node ev_1_FC[4] = { UD_, F_(EVEX_VPADDB_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F FD: by EVEX.pp */
static const struct x86_node ev_1_FD[4] = { UD_, F_(EVEX_VPADDW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F FE: by EVEX.pp */
static const struct x86_node ev_1_FE[4] = { UD_, F_(EVEX_VPADDD_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 00: by EVEX.pp */
static const struct x86_node ev_2_00[4] = { UD_, F_(EVEX_VPSHUFB_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 04: by EVEX.pp */
static const struct x86_node ev_2_04[4] = { UD_, F_(EVEX_VPMADDUBSW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 0B: by EVEX.pp */
static const struct x86_node ev_2_0B[4] = { UD_, F_(EVEX_VPMULHRSW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 0C: by EVEX.pp */
static const struct x86_node ev_2_0C[4] = { UD_, F_(EVEX_VPERMILPS_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 0D: by EVEX.pp */
static const struct x86_node ev_2_0D[4] = { UD_, F_(EVEX_VPERMILPD_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 10: by EVEX.pp */
static const struct x86_node ev_2_10[4] = { UD_, F_(EVEX_VPSRLVW_Vx_Hx_Wx), F_(EVEX_VPMOVUSWB_Wh_Vx), UD_ };
/* EVEX.0F38 11: by EVEX.pp */
static const struct x86_node ev_2_11[4] = { UD_, F_(EVEX_VPSRAVW_Vx_Hx_Wx), F_(EVEX_VPMOVUSDB_Wqt_Vx), UD_ };
/* EVEX.0F38 12: by EVEX.pp */
static const struct x86_node ev_2_12[4] = { UD_, F_(EVEX_VPSLLVW_Vx_Hx_Wx), F_(EVEX_VPMOVUSQB_We_Vx), UD_ };
/* EVEX.0F38 13: by EVEX.pp */
static const struct x86_node ev_2_13[4] = { UD_, F_(EVEX_VCVTPH2PS_Vx_Wh), F_(EVEX_VPMOVUSDW_Wh_Vx), UD_ };
/* EVEX.0F38 14 66: by EVEX.W */
static const struct x86_node ev_2_14_1[2] = { F_(EVEX_VPRORVD_Vx_Hx_Wx), F_(EVEX_VPRORVQ_Vx_Hx_Wx) };
/* EVEX.0F38 14: by EVEX.pp */
static const struct x86_node ev_2_14[4] = { UD_, BY_W(ev_2_14_1), F_(EVEX_VPMOVUSQW_Wqt_Vx), UD_ };
/* EVEX.0F38 15 66: by EVEX.W */
static const struct x86_node ev_2_15_1[2] = { F_(EVEX_VPROLVD_Vx_Hx_Wx), F_(EVEX_VPROLVQ_Vx_Hx_Wx) };
/* EVEX.0F38 15: by EVEX.pp */
static const struct x86_node ev_2_15[4] = { UD_, BY_W(ev_2_15_1), F_(EVEX_VPMOVUSQD_Wh_Vx), UD_ };
/* EVEX.0F38 16 66 W0: by EVEX.L'L */
static const struct x86_node ev_2_16_1_0[3] = { UD_, F_(EVEX_VPERMPS_Vx_Hx_Wx), F_(EVEX_VPERMPS_Vx_Hx_Wx) };
/* EVEX.0F38 16 66 W1: by EVEX.L'L */
static const struct x86_node ev_2_16_1_1[3] = { UD_, F_(EVEX_VPERMPD_Vx_Hx_Wx), F_(EVEX_VPERMPD_Vx_Hx_Wx) };
/* EVEX.0F38 16 66: by EVEX.W */
static const struct x86_node ev_2_16_1[2] = { BY_VEXL(ev_2_16_1_0), BY_VEXL(ev_2_16_1_1) };
/* EVEX.0F38 16: by EVEX.pp */
static const struct x86_node ev_2_16[4] = { UD_, BY_W(ev_2_16_1), UD_, UD_ };
/* EVEX.0F38 18: by EVEX.pp */
static const struct x86_node ev_2_18[4] = { UD_, F_(EVEX_VBROADCASTSS_Vx_Wd), UD_, UD_ };
/* EVEX.0F38 19 66 W0: by EVEX.L'L */
static const struct x86_node ev_2_19_1_0[3] = { UD_, F_(EVEX_VBROADCASTF32X2_Vx_Wq), F_(EVEX_VBROADCASTF32X2_Vx_Wq) };
/* EVEX.0F38 19 66 W1: by EVEX.L'L */
static const struct x86_node ev_2_19_1_1[3] = { UD_, F_(EVEX_VBROADCASTSD_Vx_Wq), F_(EVEX_VBROADCASTSD_Vx_Wq) };
/* EVEX.0F38 19 66: by EVEX.W */
static const struct x86_node ev_2_19_1[2] = { BY_VEXL(ev_2_19_1_0), BY_VEXL(ev_2_19_1_1) };
/* EVEX.0F38 19: by EVEX.pp */
static const struct x86_node ev_2_19[4] = { UD_, BY_W(ev_2_19_1), UD_, UD_ };
/* EVEX.0F38 1A 66 W0 L256: by ModRM.mod */
static const struct x86_node ev_2_1A_1_0_1[2] = { F_(EVEX_VBROADCASTF32X4_Vx_Mdq), UD_ };
/* EVEX.0F38 1A 66 W0 L512: by ModRM.mod */
static const struct x86_node ev_2_1A_1_0_2[2] = { F_(EVEX_VBROADCASTF32X4_Vx_Mdq), UD_ };
/* EVEX.0F38 1A 66 W0: by EVEX.L'L */
static const struct x86_node ev_2_1A_1_0[3] = { UD_, BY_MOD(ev_2_1A_1_0_1), BY_MOD(ev_2_1A_1_0_2) };
/* EVEX.0F38 1A 66 W1 L256: by ModRM.mod */
static const struct x86_node ev_2_1A_1_1_1[2] = { F_(EVEX_VBROADCASTF64X2_Vx_Mdq), UD_ };
/* EVEX.0F38 1A 66 W1 L512: by ModRM.mod */
static const struct x86_node ev_2_1A_1_1_2[2] = { F_(EVEX_VBROADCASTF64X2_Vx_Mdq), UD_ };
/* EVEX.0F38 1A 66 W1: by EVEX.L'L */
static const struct x86_node ev_2_1A_1_1[3] = { UD_, BY_MOD(ev_2_1A_1_1_1), BY_MOD(ev_2_1A_1_1_2) };
/* EVEX.0F38 1A 66: by EVEX.W */
static const struct x86_node ev_2_1A_1[2] = { BY_VEXL(ev_2_1A_1_0), BY_VEXL(ev_2_1A_1_1) };
/* EVEX.0F38 1A: by EVEX.pp */
static const struct x86_node ev_2_1A[4] = { UD_, BY_W(ev_2_1A_1), UD_, UD_ };
/* EVEX.0F38 1B 66 W0 L512: by ModRM.mod */
static const struct x86_node ev_2_1B_1_0_2[2] = { F_(EVEX_VBROADCASTF32X8_Voq_Mqq), UD_ };
/* EVEX.0F38 1B 66 W0: by EVEX.L'L */
static const struct x86_node ev_2_1B_1_0[3] = { UD_, UD_, BY_MOD(ev_2_1B_1_0_2) };
/* EVEX.0F38 1B 66 W1 L512: by ModRM.mod */
static const struct x86_node ev_2_1B_1_1_2[2] = { F_(EVEX_VBROADCASTF64X4_Voq_Mqq), UD_ };
/* EVEX.0F38 1B 66 W1: by EVEX.L'L */
static const struct x86_node ev_2_1B_1_1[3] = { UD_, UD_, BY_MOD(ev_2_1B_1_1_2) };
/* EVEX.0F38 1B 66: by EVEX.W */
static const struct x86_node ev_2_1B_1[2] = { BY_VEXL(ev_2_1B_1_0), BY_VEXL(ev_2_1B_1_1) };
/* EVEX.0F38 1B: by EVEX.pp */
static const struct x86_node ev_2_1B[4] = { UD_, BY_W(ev_2_1B_1), UD_, UD_ };
/* EVEX.0F38 1C: by EVEX.pp */
static const struct x86_node ev_2_1C[4] = { UD_, F_(EVEX_VPABSB_Vx_Wx), UD_, UD_ };
/* EVEX.0F38 1D: by EVEX.pp */
static const struct x86_node ev_2_1D[4] = { UD_, F_(EVEX_VPABSW_Vx_Wx), UD_, UD_ };
/* EVEX.0F38 1E: by EVEX.pp */
static const struct x86_node ev_2_1E[4] = { UD_, F_(EVEX_VPABSD_Vx_Wx), UD_, UD_ };
/* EVEX.0F38 1F: by EVEX.pp */
static const struct x86_node ev_2_1F[4] = { UD_, F_(EVEX_VPABSQ_Vx_Wx), UD_, UD_ };
/* EVEX.0F38 20: by EVEX.pp */
static const struct x86_node ev_2_20[4] = { UD_, F_(EVEX_VPMOVSXBW_Vx_Wh), F_(EVEX_VPMOVSWB_Wh_Vx), UD_ };
/* EVEX.0F38 21: by EVEX.pp */
static const struct x86_node ev_2_21[4] = { UD_, F_(EVEX_VPMOVSXBD_Vx_Wqt), F_(EVEX_VPMOVSDB_Wqt_Vx), UD_ };
/* EVEX.0F38 22: by EVEX.pp */
static const struct x86_node ev_2_22[4] = { UD_, F_(EVEX_VPMOVSXBQ_Vx_We), F_(EVEX_VPMOVSQB_We_Vx), UD_ };
/* EVEX.0F38 23: by EVEX.pp */
static const struct x86_node ev_2_23[4] = { UD_, F_(EVEX_VPMOVSXWD_Vx_Wh), F_(EVEX_VPMOVSDW_Wh_Vx), UD_ };
/* EVEX.0F38 24: by EVEX.pp */
static const struct x86_node ev_2_24[4] = { UD_, F_(EVEX_VPMOVSXWQ_Vx_Wqt), F_(EVEX_VPMOVSQW_Wqt_Vx), UD_ };
/* EVEX.0F38 25: by EVEX.pp */
static const struct x86_node ev_2_25[4] = { UD_, F_(EVEX_VPMOVSXDQ_Vx_Wh), F_(EVEX_VPMOVSQD_Wh_Vx), UD_ };
/* EVEX.0F38 26 66: by EVEX.W */
static const struct x86_node ev_2_26_1[2] = { F_(EVEX_VPTESTMB_KGq_Hx_Wx), F_(EVEX_VPTESTMW_KGq_Hx_Wx) };
/* EVEX.0F38 26 F3: by EVEX.W */
static const struct x86_node ev_2_26_2[2] = { F_(EVEX_VPTESTNMB_KGq_Hx_Wx), F_(EVEX_VPTESTNMW_KGq_Hx_Wx) };
/* EVEX.0F38 26: by EVEX.pp */
static const struct x86_node ev_2_26[4] = { UD_, BY_W(ev_2_26_1), BY_W(ev_2_26_2), UD_ };
/* EVEX.0F38 27 66: by EVEX.W */
static const struct x86_node ev_2_27_1[2] = { F_(EVEX_VPTESTMD_KGq_Hx_Wx), F_(EVEX_VPTESTMQ_KGq_Hx_Wx) };
/* EVEX.0F38 27 F3: by EVEX.W */
static const struct x86_node ev_2_27_2[2] = { F_(EVEX_VPTESTNMD_KGq_Hx_Wx), F_(EVEX_VPTESTNMQ_KGq_Hx_Wx) };
/* EVEX.0F38 27: by EVEX.pp */
static const struct x86_node ev_2_27[4] = { UD_, BY_W(ev_2_27_1), BY_W(ev_2_27_2), UD_ };
/* EVEX.0F38 28 F3 W0: by ModRM.mod */
static const struct x86_node ev_2_28_2_0[2] = { UD_, F_(EVEX_VPMOVM2B_Vx_KRq) };
/* EVEX.0F38 28 F3 W1: by ModRM.mod */
static const struct x86_node ev_2_28_2_1[2] = { UD_, F_(EVEX_VPMOVM2W_Vx_KRq) };
/* EVEX.0F38 28 F3: by EVEX.W */
static const struct x86_node ev_2_28_2[2] = { BY_MOD(ev_2_28_2_0), BY_MOD(ev_2_28_2_1) };
/* EVEX.0F38 28: by EVEX.pp */
static const struct x86_node ev_2_28[4] = { UD_, F_(EVEX_VPMULDQ_Vx_Hx_Wx), BY_W(ev_2_28_2), UD_ };
/* EVEX.0F38 29 F3 W0: by ModRM.mod */
static const struct x86_node ev_2_29_2_0[2] = { UD_, F_(EVEX_VPMOVB2M_KGq_Ux) };
/* EVEX.0F38 29 F3 W1: by ModRM.mod */
static const struct x86_node ev_2_29_2_1[2] = { UD_, F_(EVEX_VPMOVW2M_KGq_Ux) };
/* EVEX.0F38 29 F3: by EVEX.W */
static const struct x86_node ev_2_29_2[2] = { BY_MOD(ev_2_29_2_0), BY_MOD(ev_2_29_2_1) };
/* EVEX.0F38 29: by EVEX.pp */
static const struct x86_node ev_2_29[4] = { UD_, F_(EVEX_VPCMPEQQ_KGq_Hx_Wx), BY_W(ev_2_29_2), UD_ };
/* EVEX.0F38 2A 66: by ModRM.mod */
static const struct x86_node ev_2_2A_1[2] = { F_(EVEX_VMOVNTDQA_Vx_Mx), UD_ };
/* EVEX.0F38 2A F3: by ModRM.mod */
static const struct x86_node ev_2_2A_2[2] = { UD_, F_(EVEX_VPBROADCASTMB2Q_Vx_KRq) };
/* EVEX.0F38 2A: by EVEX.pp */
static const struct x86_node ev_2_2A[4] = { UD_, BY_MOD(ev_2_2A_1), BY_MOD(ev_2_2A_2), UD_ };
/* EVEX.0F38 2B: by EVEX.pp */
static const struct x86_node ev_2_2B[4] = { UD_, F_(EVEX_VPACKUSDW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 2C 66: by EVEX.W */
static const struct x86_node ev_2_2C_1[2] = { F_(EVEX_VSCALEFPS_Vx_Hx_Wx), F_(EVEX_VSCALEFPD_Vx_Hx_Wx) };
/* EVEX.0F38 2C: by EVEX.pp */
static const struct x86_node ev_2_2C[4] = { UD_, BY_W(ev_2_2C_1), UD_, UD_ };
/* EVEX.0F38 2D 66: by EVEX.W */
static const struct x86_node ev_2_2D_1[2] = { F_(EVEX_VSCALEFSS_Vdq_Hdq_Wd), F_(EVEX_VSCALEFSD_Vdq_Hdq_Wq) };
/* EVEX.0F38 2D: by EVEX.pp */
static const struct x86_node ev_2_2D[4] = { UD_, BY_W(ev_2_2D_1), UD_, UD_ };
/* EVEX.0F38 30: by EVEX.pp */
static const struct x86_node ev_2_30[4] = { UD_, F_(EVEX_VPMOVZXBW_Vx_Wh), F_(EVEX_VPMOVWB_Wh_Vx), UD_ };
/* EVEX.0F38 31: by EVEX.pp */
static const struct x86_node ev_2_31[4] = { UD_, F_(EVEX_VPMOVZXBD_Vx_Wqt), F_(EVEX_VPMOVDB_Wqt_Vx), UD_ };
/* EVEX.0F38 32: by EVEX.pp */
static const struct x86_node ev_2_32[4] = { UD_, F_(EVEX_VPMOVZXBQ_Vx_We), F_(EVEX_VPMOVQB_We_Vx), UD_ };
/* EVEX.0F38 33: by EVEX.pp */
static const struct x86_node ev_2_33[4] = { UD_, F_(EVEX_VPMOVZXWD_Vx_Wh), F_(EVEX_VPMOVDW_Wh_Vx), UD_ };
/* EVEX.0F38 34: by EVEX.pp */
static const struct x86_node ev_2_34[4] = { UD_, F_(EVEX_VPMOVZXWQ_Vx_Wqt), F_(EVEX_VPMOVQW_Wqt_Vx), UD_ };
/* EVEX.0F38 35: by EVEX.pp */
static const struct x86_node ev_2_35[4] = { UD_, F_(EVEX_VPMOVZXDQ_Vx_Wh), F_(EVEX_VPMOVQD_Wh_Vx), UD_ };
/* EVEX.0F38 36 66 W0: by EVEX.L'L */
static const struct x86_node ev_2_36_1_0[3] = { UD_, F_(EVEX_VPERMD_Vx_Hx_Wx), F_(EVEX_VPERMD_Vx_Hx_Wx) };
/* EVEX.0F38 36 66 W1: by EVEX.L'L */
static const struct x86_node ev_2_36_1_1[3] = { UD_, F_(EVEX_VPERMQ_Vx_Hx_Wx), F_(EVEX_VPERMQ_Vx_Hx_Wx) };
/* EVEX.0F38 36 66: by EVEX.W */
static const struct x86_node ev_2_36_1[2] = { BY_VEXL(ev_2_36_1_0), BY_VEXL(ev_2_36_1_1) };
/* EVEX.0F38 36: by EVEX.pp */
static const struct x86_node ev_2_36[4] = { UD_, BY_W(ev_2_36_1), UD_, UD_ };
/* EVEX.0F38 37: by EVEX.pp */
static const struct x86_node ev_2_37[4] = { UD_, F_(EVEX_VPCMPGTQ_KGq_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 38 F3 W0: by ModRM.mod */
static const struct x86_node ev_2_38_2_0[2] = { UD_, F_(EVEX_VPMOVM2D_Vx_KRq) };
/* EVEX.0F38 38 F3 W1: by ModRM.mod */
static const struct x86_node ev_2_38_2_1[2] = { UD_, F_(EVEX_VPMOVM2Q_Vx_KRq) };
/* EVEX.0F38 38 F3: by EVEX.W */
static const struct x86_node ev_2_38_2[2] = { BY_MOD(ev_2_38_2_0), BY_MOD(ev_2_38_2_1) };
/* EVEX.0F38 38: by EVEX.pp */
static const struct x86_node ev_2_38[4] = { UD_, F_(EVEX_VPMINSB_Vx_Hx_Wx), BY_W(ev_2_38_2), UD_ };
/* EVEX.0F38 39 66: by EVEX.W */
static const struct x86_node ev_2_39_1[2] = { F_(EVEX_VPMINSD_Vx_Hx_Wx), F_(EVEX_VPMINSQ_Vx_Hx_Wx) };
/* EVEX.0F38 39 F3 W0: by ModRM.mod */
static const struct x86_node ev_2_39_2_0[2] = { UD_, F_(EVEX_VPMOVD2M_KGq_Ux) };
/* EVEX.0F38 39 F3 W1: by ModRM.mod */
static const struct x86_node ev_2_39_2_1[2] = { UD_, F_(EVEX_VPMOVQ2M_KGq_Ux) };
/* EVEX.0F38 39 F3: by EVEX.W */
static const struct x86_node ev_2_39_2[2] = { BY_MOD(ev_2_39_2_0), BY_MOD(ev_2_39_2_1) };
/* EVEX.0F38 39: by EVEX.pp */
static const struct x86_node ev_2_39[4] = { UD_, BY_W(ev_2_39_1), BY_W(ev_2_39_2), UD_ };
/* EVEX.0F38 3A F3: by ModRM.mod */
static const struct x86_node ev_2_3A_2[2] = { UD_, F_(EVEX_VPBROADCASTMW2D_Vx_KRq) };
/* EVEX.0F38 3A: by EVEX.pp */
static const struct x86_node ev_2_3A[4] = { UD_, F_(EVEX_VPMINUW_Vx_Hx_Wx), BY_MOD(ev_2_3A_2), UD_ };
/* EVEX.0F38 3B 66: by EVEX.W */
static const struct x86_node ev_2_3B_1[2] = { F_(EVEX_VPMINUD_Vx_Hx_Wx), F_(EVEX_VPMINUQ_Vx_Hx_Wx) };
/* EVEX.0F38 3B: by EVEX.pp */
static const struct x86_node ev_2_3B[4] = { UD_, BY_W(ev_2_3B_1), UD_, UD_ };
/* EVEX.0F38 3C: by EVEX.pp */
static const struct x86_node ev_2_3C[4] = { UD_, F_(EVEX_VPMAXSB_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 3D 66: by EVEX.W */
static const struct x86_node ev_2_3D_1[2] = { F_(EVEX_VPMAXSD_Vx_Hx_Wx), F_(EVEX_VPMAXSQ_Vx_Hx_Wx) };
/* EVEX.0F38 3D: by EVEX.pp */
static const struct x86_node ev_2_3D[4] = { UD_, BY_W(ev_2_3D_1), UD_, UD_ };
/* EVEX.0F38 3E: by EVEX.pp */
static const struct x86_node ev_2_3E[4] = { UD_, F_(EVEX_VPMAXUW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 3F 66: by EVEX.W */
static const struct x86_node ev_2_3F_1[2] = { F_(EVEX_VPMAXUD_Vx_Hx_Wx), F_(EVEX_VPMAXUQ_Vx_Hx_Wx) };
/* EVEX.0F38 3F: by EVEX.pp */
static const struct x86_node ev_2_3F[4] = { UD_, BY_W(ev_2_3F_1), UD_, UD_ };
/* EVEX.0F38 40 66: by EVEX.W */
static const struct x86_node ev_2_40_1[2] = { F_(EVEX_VPMULLD_Vx_Hx_Wx), F_(EVEX_VPMULLQ_Vx_Hx_Wx) };
/* EVEX.0F38 40: by EVEX.pp */
static const struct x86_node ev_2_40[4] = { UD_, BY_W(ev_2_40_1), UD_, UD_ };
/* EVEX.0F38 42 66: by EVEX.W */
static const struct x86_node ev_2_42_1[2] = { F_(EVEX_VGETEXPPS_Vx_Wx), F_(EVEX_VGETEXPPD_Vx_Wx) };
/* EVEX.0F38 42: by EVEX.pp */
static const struct x86_node ev_2_42[4] = { UD_, BY_W(ev_2_42_1), UD_, UD_ };
/* EVEX.0F38 43 66: by EVEX.W */
static const struct x86_node ev_2_43_1[2] = { F_(EVEX_VGETEXPSS_Vdq_Hdq_Wd), F_(EVEX_VGETEXPSD_Vdq_Hdq_Wq) };
/* EVEX.0F38 43: by EVEX.pp */
static const struct x86_node ev_2_43[4] = { UD_, BY_W(ev_2_43_1), UD_, UD_ };
/* EVEX.0F38 44 66: by EVEX.W */
static const struct x86_node ev_2_44_1[2] = { F_(EVEX_VPLZCNTD_Vx_Wx), F_(EVEX_VPLZCNTQ_Vx_Wx) };
/* EVEX.0F38 44: by EVEX.pp */
static const struct x86_node ev_2_44[4] = { UD_, BY_W(ev_2_44_1), UD_, UD_ };
/* EVEX.0F38 45 66: by EVEX.W */
static const struct x86_node ev_2_45_1[2] = { F_(EVEX_VPSRLVD_Vx_Hx_Wx), F_(EVEX_VPSRLVQ_Vx_Hx_Wx) };
/* EVEX.0F38 45: by EVEX.pp */
static const struct x86_node ev_2_45[4] = { UD_, BY_W(ev_2_45_1), UD_, UD_ };
/* EVEX.0F38 46 66: by EVEX.W */
static const struct x86_node ev_2_46_1[2] = { F_(EVEX_VPSRAVD_Vx_Hx_Wx), F_(EVEX_VPSRAVQ_Vx_Hx_Wx) };
/* EVEX.0F38 46: by EVEX.pp */
static const struct x86_node ev_2_46[4] = { UD_, BY_W(ev_2_46_1), UD_, UD_ };
/* EVEX.0F38 47 66: by EVEX.W */
static const struct x86_node ev_2_47_1[2] = { F_(EVEX_VPSLLVD_Vx_Hx_Wx), F_(EVEX_VPSLLVQ_Vx_Hx_Wx) };
/* EVEX.0F38 47: by EVEX.pp */
static const struct x86_node ev_2_47[4] = { UD_, BY_W(ev_2_47_1), UD_, UD_ };
/* EVEX.0F38 4C 66: by EVEX.W */
static const struct x86_node ev_2_4C_1[2] = { F_(EVEX_VRCP14PS_Vx_Wx), F_(EVEX_VRCP14PD_Vx_Wx) };
/* EVEX.0F38 4C: by EVEX.pp */
static const struct x86_node ev_2_4C[4] = { UD_, BY_W(ev_2_4C_1), UD_, UD_ };
/* EVEX.0F38 4D 66: by EVEX.W */
static const struct x86_node ev_2_4D_1[2] = { F_(EVEX_VRCP14SS_Vdq_Hdq_Wd), F_(EVEX_VRCP14SD_Vdq_Hdq_Wq) };
/* EVEX.0F38 4D: by EVEX.pp */
static const struct x86_node ev_2_4D[4] = { UD_, BY_W(ev_2_4D_1), UD_, UD_ };
/* EVEX.0F38 4E 66: by EVEX.W */
static const struct x86_node ev_2_4E_1[2] = { F_(EVEX_VRSQRT14PS_Vx_Wx), F_(EVEX_VRSQRT14PD_Vx_Wx) };
/* EVEX.0F38 4E: by EVEX.pp */
static const struct x86_node ev_2_4E[4] = { UD_, BY_W(ev_2_4E_1), UD_, UD_ };
/* EVEX.0F38 4F 66: by EVEX.W */
static const struct x86_node ev_2_4F_1[2] = { F_(EVEX_VRSQRT14SS_Vdq_Hdq_Wd), F_(EVEX_VRSQRT14SD_Vdq_Hdq_Wq) };
/* EVEX.0F38 4F: by EVEX.pp */
static const struct x86_node ev_2_4F[4] = { UD_, BY_W(ev_2_4F_1), UD_, UD_ };
/* EVEX.0F38 50: by EVEX.pp */
static const struct x86_node ev_2_50[4] = { UD_, F_(EVEX_VPDPBUSD_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 51: by EVEX.pp */
static const struct x86_node ev_2_51[4] = { UD_, F_(EVEX_VPDPBUSDS_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 52 F2 L512: by ModRM.mod */
static const struct x86_node ev_2_52_3_2[2] = { F_(EVEX_VP4DPWSSD_Voq_Hoq_Mdq), UD_ };
/* EVEX.0F38 52 F2: by EVEX.L'L */
static const struct x86_node ev_2_52_3[3] = { UD_, UD_, BY_MOD(ev_2_52_3_2) };
/* EVEX.0F38 52: by EVEX.pp */
static const struct x86_node ev_2_52[4] = { UD_, F_(EVEX_VPDPWSSD_Vx_Hx_Wx), F_(EVEX_VDPBF16PS_Vx_Hx_Wx), BY_VEXL(ev_2_52_3) };
/* EVEX.0F38 53 F2 L512: by ModRM.mod */
static const struct x86_node ev_2_53_3_2[2] = { F_(EVEX_VP4DPWSSDS_Voq_Hoq_Mdq), UD_ };
/* EVEX.0F38 53 F2: by EVEX.L'L */
static const struct x86_node ev_2_53_3[3] = { UD_, UD_, BY_MOD(ev_2_53_3_2) };
/* EVEX.0F38 53: by EVEX.pp */
static const struct x86_node ev_2_53[4] = { UD_, F_(EVEX_VPDPWSSDS_Vx_Hx_Wx), UD_, BY_VEXL(ev_2_53_3) };
/* EVEX.0F38 54 66: by EVEX.W */
static const struct x86_node ev_2_54_1[2] = { F_(EVEX_VPOPCNTB_Vx_Wx), F_(EVEX_VPOPCNTW_Vx_Wx) };
/* EVEX.0F38 54: by EVEX.pp */
static const struct x86_node ev_2_54[4] = { UD_, BY_W(ev_2_54_1), UD_, UD_ };
/* EVEX.0F38 55 66: by EVEX.W */
static const struct x86_node ev_2_55_1[2] = { F_(EVEX_VPOPCNTD_Vx_Wx), F_(EVEX_VPOPCNTQ_Vx_Wx) };
/* EVEX.0F38 55: by EVEX.pp */
static const struct x86_node ev_2_55[4] = { UD_, BY_W(ev_2_55_1), UD_, UD_ };
/* EVEX.0F38 58: by EVEX.pp */
static const struct x86_node ev_2_58[4] = { UD_, F_(EVEX_VPBROADCASTD_Vx_Wd), UD_, UD_ };
/* EVEX.0F38 59 66: by EVEX.W */
static const struct x86_node ev_2_59_1[2] = { F_(EVEX_VBROADCASTI32X2_Vx_Wq), F_(EVEX_VPBROADCASTQ_Vx_Wq) };
/* EVEX.0F38 59: by EVEX.pp */
static const struct x86_node ev_2_59[4] = { UD_, BY_W(ev_2_59_1), UD_, UD_ };
/* EVEX.0F38 5A 66 W0 L256: by ModRM.mod */
static const struct x86_node ev_2_5A_1_0_1[2] = { F_(EVEX_VBROADCASTI32X4_Vx_Mdq), UD_ };
/* EVEX.0F38 5A 66 W0 L512: by ModRM.mod */
static const struct x86_node ev_2_5A_1_0_2[2] = { F_(EVEX_VBROADCASTI32X4_Vx_Mdq), UD_ };
/* EVEX.0F38 5A 66 W0: by EVEX.L'L */
static const struct x86_node ev_2_5A_1_0[3] = { UD_, BY_MOD(ev_2_5A_1_0_1), BY_MOD(ev_2_5A_1_0_2) };
/* EVEX.0F38 5A 66 W1 L256: by ModRM.mod */
static const struct x86_node ev_2_5A_1_1_1[2] = { F_(EVEX_VBROADCASTI64X2_Vx_Mdq), UD_ };
/* EVEX.0F38 5A 66 W1 L512: by ModRM.mod */
static const struct x86_node ev_2_5A_1_1_2[2] = { F_(EVEX_VBROADCASTI64X2_Vx_Mdq), UD_ };
/* EVEX.0F38 5A 66 W1: by EVEX.L'L */
static const struct x86_node ev_2_5A_1_1[3] = { UD_, BY_MOD(ev_2_5A_1_1_1), BY_MOD(ev_2_5A_1_1_2) };
/* EVEX.0F38 5A 66: by EVEX.W */
static const struct x86_node ev_2_5A_1[2] = { BY_VEXL(ev_2_5A_1_0), BY_VEXL(ev_2_5A_1_1) };
/* EVEX.0F38 5A: by EVEX.pp */
static const struct x86_node ev_2_5A[4] = { UD_, BY_W(ev_2_5A_1), UD_, UD_ };
/* EVEX.0F38 5B 66 W0 L512: by ModRM.mod */
static const struct x86_node ev_2_5B_1_0_2[2] = { F_(EVEX_VBROADCASTI32X8_Voq_Mqq), UD_ };
/* EVEX.0F38 5B 66 W0: by EVEX.L'L */
static const struct x86_node ev_2_5B_1_0[3] = { UD_, UD_, BY_MOD(ev_2_5B_1_0_2) };
/* EVEX.0F38 5B 66 W1 L512: by ModRM.mod */
static const struct x86_node ev_2_5B_1_1_2[2] = { F_(EVEX_VBROADCASTI64X4_Voq_Mqq), UD_ };
/* EVEX.0F38 5B 66 W1: by EVEX.L'L */
static const struct x86_node ev_2_5B_1_1[3] = { UD_, UD_, BY_MOD(ev_2_5B_1_1_2) };
/* EVEX.0F38 5B 66: by EVEX.W */
static const struct x86_node ev_2_5B_1[2] = { BY_VEXL(ev_2_5B_1_0), BY_VEXL(ev_2_5B_1_1) };
/* EVEX.0F38 5B: by EVEX.pp */
static const struct x86_node ev_2_5B[4] = { UD_, BY_W(ev_2_5B_1), UD_, UD_ };
/* EVEX.0F38 62 66: by EVEX.W */
static const struct x86_node ev_2_62_1[2] = { F_(EVEX_VPEXPANDB_Vx_Wx), F_(EVEX_VPEXPANDW_Vx_Wx) };
/* EVEX.0F38 62: by EVEX.pp */
static const struct x86_node ev_2_62[4] = { UD_, BY_W(ev_2_62_1), UD_, UD_ };
/* EVEX.0F38 63 66: by EVEX.W */
static const struct x86_node ev_2_63_1[2] = { F_(EVEX_VPCOMPRESSB_Wx_Vx), F_(EVEX_VPCOMPRESSW_Wx_Vx) };
/* EVEX.0F38 63: by EVEX.pp */
static const struct x86_node ev_2_63[4] = { UD_, BY_W(ev_2_63_1), UD_, UD_ };
/* EVEX.0F38 64 66: by EVEX.W */
static const struct x86_node ev_2_64_1[2] = { F_(EVEX_VPBLENDMD_Vx_Hx_Wx), F_(EVEX_VPBLENDMQ_Vx_Hx_Wx) };
/* EVEX.0F38 64: by EVEX.pp */
static const struct x86_node ev_2_64[4] = { UD_, BY_W(ev_2_64_1), UD_, UD_ };
/* EVEX.0F38 65 66: by EVEX.W */
static const struct x86_node ev_2_65_1[2] = { F_(EVEX_VBLENDMPS_Vx_Hx_Wx), F_(EVEX_VBLENDMPD_Vx_Hx_Wx) };
/* EVEX.0F38 65: by EVEX.pp */
static const struct x86_node ev_2_65[4] = { UD_, BY_W(ev_2_65_1), UD_, UD_ };
/* EVEX.0F38 66 66: by EVEX.W */
static const struct x86_node ev_2_66_1[2] = { F_(EVEX_VPBLENDMB_Vx_Hx_Wx), F_(EVEX_VPBLENDMW_Vx_Hx_Wx) };
/* EVEX.0F38 66: by EVEX.pp */
static const struct x86_node ev_2_66[4] = { UD_, BY_W(ev_2_66_1), UD_, UD_ };
/* EVEX.0F38 68 F2: by EVEX.W */
static const struct x86_node ev_2_68_3[2] = { F_(EVEX_VP2INTERSECTD_KGq_Hx_Wx), F_(EVEX_VP2INTERSECTQ_KGq_Hx_Wx) };
/* EVEX.0F38 68: by EVEX.pp */
static const struct x86_node ev_2_68[4] = { UD_, UD_, UD_, BY_W(ev_2_68_3) };
/* EVEX.0F38 70: by EVEX.pp */
static const struct x86_node ev_2_70[4] = { UD_, F_(EVEX_VPSHLDVW_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 71 66: by EVEX.W */
static const struct x86_node ev_2_71_1[2] = { F_(EVEX_VPSHLDVD_Vx_Hx_Wx), F_(EVEX_VPSHLDVQ_Vx_Hx_Wx) };
/* EVEX.0F38 71: by EVEX.pp */
static const struct x86_node ev_2_71[4] = { UD_, BY_W(ev_2_71_1), UD_, UD_ };
/* EVEX.0F38 72: by EVEX.pp */
static const struct x86_node ev_2_72[4] = { UD_, F_(EVEX_VPSHRDVW_Vx_Hx_Wx), F_(EVEX_VCVTNEPS2BF16_Vh_Wx), F_(EVEX_VCVTNE2PS2BF16_Vx_Hx_Wx) };
/* EVEX.0F38 73 66: by EVEX.W */
static const struct x86_node ev_2_73_1[2] = { F_(EVEX_VPSHRDVD_Vx_Hx_Wx), F_(EVEX_VPSHRDVQ_Vx_Hx_Wx) };
/* EVEX.0F38 73: by EVEX.pp */
static const struct x86_node ev_2_73[4] = { UD_, BY_W(ev_2_73_1), UD_, UD_ };
/* EVEX.0F38 75 66: by EVEX.W */
static const struct x86_node ev_2_75_1[2] = { F_(EVEX_VPERMI2B_Vx_Hx_Wx), F_(EVEX_VPERMI2W_Vx_Hx_Wx) };
/* EVEX.0F38 75: by EVEX.pp */
static const struct x86_node ev_2_75[4] = { UD_, BY_W(ev_2_75_1), UD_, UD_ };
/* EVEX.0F38 76 66: by EVEX.W */
static const struct x86_node ev_2_76_1[2] = { F_(EVEX_VPERMI2D_Vx_Hx_Wx), F_(EVEX_VPERMI2Q_Vx_Hx_Wx) };
/* EVEX.0F38 76: by EVEX.pp */
static const struct x86_node ev_2_76[4] = { UD_, BY_W(ev_2_76_1), UD_, UD_ };
/* EVEX.0F38 77 66: by EVEX.W */
static const struct x86_node ev_2_77_1[2] = { F_(EVEX_VPERMI2PS_Vx_Hx_Wx), F_(EVEX_VPERMI2PD_Vx_Hx_Wx) };
/* EVEX.0F38 77: by EVEX.pp */
static const struct x86_node ev_2_77[4] = { UD_, BY_W(ev_2_77_1), UD_, UD_ };
/* EVEX.0F38 78: by EVEX.pp */
static const struct x86_node ev_2_78[4] = { UD_, F_(EVEX_VPBROADCASTB_Vx_Wb), UD_, UD_ };
/* EVEX.0F38 79: by EVEX.pp */
static const struct x86_node ev_2_79[4] = { UD_, F_(EVEX_VPBROADCASTW_Vx_Ww), UD_, UD_ };
/* EVEX.0F38 7A 66: by ModRM.mod */
static const struct x86_node ev_2_7A_1[2] = { UD_, F_(EVEX_VPBROADCASTB_Vx_Rd) };
/* EVEX.0F38 7A: by EVEX.pp */
static const struct x86_node ev_2_7A[4] = { UD_, BY_MOD(ev_2_7A_1), UD_, UD_ };
/* EVEX.0F38 7B 66: by ModRM.mod */
static const struct x86_node ev_2_7B_1[2] = { UD_, F_(EVEX_VPBROADCASTW_Vx_Rd) };
/* EVEX.0F38 7B: by EVEX.pp */
static const struct x86_node ev_2_7B[4] = { UD_, BY_MOD(ev_2_7B_1), UD_, UD_ };
/* EVEX.0F38 7C 32-bit 66: by ModRM.mod */
static const struct x86_node ev_2_7C_0_1[2] = { UD_, F_(EVEX_VPBROADCASTD_Vx_Rd) };
/* EVEX.0F38 7C 32-bit: by EVEX.pp */
static const struct x86_node ev_2_7C_0[4] = { UD_, BY_MOD(ev_2_7C_0_1), UD_, UD_ };
/* EVEX.0F38 7C 64-bit 66 W0: by ModRM.mod */
static const struct x86_node ev_2_7C_1_1_0[2] = { UD_, F_(EVEX_VPBROADCASTD_Vx_Rd) };
/* EVEX.0F38 7C 64-bit 66 W1: by ModRM.mod */
static const struct x86_node ev_2_7C_1_1_1[2] = { UD_, F_(EVEX_VPBROADCASTQ_Vx_Rq) };
/* EVEX.0F38 7C 64-bit 66: by EVEX.W */
static const struct x86_node ev_2_7C_1_1[2] = { BY_MOD(ev_2_7C_1_1_0), BY_MOD(ev_2_7C_1_1_1) };
/* EVEX.0F38 7C 64-bit: by EVEX.pp */
static const struct x86_node ev_2_7C_1[4] = { UD_, BY_W(ev_2_7C_1_1), UD_, UD_ };
/* EVEX.0F38 7C: by mode */
static const struct x86_node ev_2_7C[2] = { BY_PREFIX(ev_2_7C_0), BY_PREFIX(ev_2_7C_1) };
/* EVEX.0F38 7D 66: by EVEX.W */
static const struct x86_node ev_2_7D_1[2] = { F_(EVEX_VPERMT2B_Vx_Hx_Wx), F_(EVEX_VPERMT2W_Vx_Hx_Wx) };
/* EVEX.0F38 7D: by EVEX.pp */
static const struct x86_node ev_2_7D[4] = { UD_, BY_W(ev_2_7D_1), UD_, UD_ };
/* EVEX.0F38 7E 66: by EVEX.W */
static const struct x86_node ev_2_7E_1[2] = { F_(EVEX_VPERMT2D_Vx_Hx_Wx), F_(EVEX_VPERMT2Q_Vx_Hx_Wx) };
/* EVEX.0F38 7E: by EVEX.pp */
static const struct x86_node ev_2_7E[4] = { UD_, BY_W(ev_2_7E_1), UD_, UD_ };
/* EVEX.0F38 7F 66: by EVEX.W */
static const struct x86_node ev_2_7F_1[2] = { F_(EVEX_VPERMT2PS_Vx_Hx_Wx), F_(EVEX_VPERMT2PD_Vx_Hx_Wx) };
/* EVEX.0F38 7F: by EVEX.pp */
static const struct x86_node ev_2_7F[4] = { UD_, BY_W(ev_2_7F_1), UD_, UD_ };
/* EVEX.0F38 83: by EVEX.pp */
static const struct x86_node ev_2_83[4] = { UD_, F_(EVEX_VPMULTISHIFTQB_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 88 66: by EVEX.W */
static const struct x86_node ev_2_88_1[2] = { F_(EVEX_VEXPANDPS_Vx_Wx), F_(EVEX_VEXPANDPD_Vx_Wx) };
/* EVEX.0F38 88: by EVEX.pp */
static const struct x86_node ev_2_88[4] = { UD_, BY_W(ev_2_88_1), UD_, UD_ };
/* EVEX.0F38 89 66: by EVEX.W */
static const struct x86_node ev_2_89_1[2] = { F_(EVEX_VPEXPANDD_Vx_Wx), F_(EVEX_VPEXPANDQ_Vx_Wx) };
/* EVEX.0F38 89: by EVEX.pp */
static const struct x86_node ev_2_89[4] = { UD_, BY_W(ev_2_89_1), UD_, UD_ };
/* EVEX.0F38 8A 66: by EVEX.W */
static const struct x86_node ev_2_8A_1[2] = { F_(EVEX_VCOMPRESSPS_Wx_Vx), F_(EVEX_VCOMPRESSPD_Wx_Vx) };
/* EVEX.0F38 8A: by EVEX.pp */
static const struct x86_node ev_2_8A[4] = { UD_, BY_W(ev_2_8A_1), UD_, UD_ };
/* EVEX.0F38 8B 66: by EVEX.W */
static const struct x86_node ev_2_8B_1[2] = { F_(EVEX_VPCOMPRESSD_Wx_Vx), F_(EVEX_VPCOMPRESSQ_Wx_Vx) };
/* EVEX.0F38 8B: by EVEX.pp */
static const struct x86_node ev_2_8B[4] = { UD_, BY_W(ev_2_8B_1), UD_, UD_ };
/* EVEX.0F38 8D 66: by EVEX.W */
static const struct x86_node ev_2_8D_1[2] = { F_(EVEX_VPERMB_Vx_Hx_Wx), F_(EVEX_VPERMW_Vx_Hx_Wx) };
/* EVEX.0F38 8D: by EVEX.pp */
static const struct x86_node ev_2_8D[4] = { UD_, BY_W(ev_2_8D_1), UD_, UD_ };
/* EVEX.0F38 8F: by EVEX.pp */
static const struct x86_node ev_2_8F[4] = { UD_, F_(EVEX_VPSHUFBITQMB_KGq_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 90 66 W0: by ModRM.mod */
static const struct x86_node ev_2_90_1_0[2] = { F_(EVEX_VPGATHERDD_Vx_MVSIBx), UD_ };
/* EVEX.0F38 90 66 W1: by ModRM.mod */
static const struct x86_node ev_2_90_1_1[2] = { F_(EVEX_VPGATHERDQ_Vx_MVSIBh), UD_ };
/* EVEX.0F38 90 66: by EVEX.W */
static const struct x86_node ev_2_90_1[2] = { BY_MOD(ev_2_90_1_0), BY_MOD(ev_2_90_1_1) };
/* EVEX.0F38 90: by EVEX.pp */
static const struct x86_node ev_2_90[4] = { UD_, BY_W(ev_2_90_1), UD_, UD_ };
/* EVEX.0F38 91 66 W0: by ModRM.mod */
static const struct x86_node ev_2_91_1_0[2] = { F_(EVEX_VPGATHERQD_Vh_MVSIBx), UD_ };
/* EVEX.0F38 91 66 W1: by ModRM.mod */
static const struct x86_node ev_2_91_1_1[2] = { F_(EVEX_VPGATHERQQ_Vx_MVSIBx), UD_ };
/* EVEX.0F38 91 66: by EVEX.W */
static const struct x86_node ev_2_91_1[2] = { BY_MOD(ev_2_91_1_0), BY_MOD(ev_2_91_1_1) };
/* EVEX.0F38 91: by EVEX.pp */
static const struct x86_node ev_2_91[4] = { UD_, BY_W(ev_2_91_1), UD_, UD_ };
/* EVEX.0F38 92 66 W0: by ModRM.mod */
static const struct x86_node ev_2_92_1_0[2] = { F_(EVEX_VGATHERDPS_Vx_MVSIBx), UD_ };
/* EVEX.0F38 92 66 W1: by ModRM.mod */
static const struct x86_node ev_2_92_1_1[2] = { F_(EVEX_VGATHERDPD_Vx_MVSIBh), UD_ };
/* EVEX.0F38 92 66: by EVEX.W */
static const struct x86_node ev_2_92_1[2] = { BY_MOD(ev_2_92_1_0), BY_MOD(ev_2_92_1_1) };
/* EVEX.0F38 92: by EVEX.pp */
static const struct x86_node ev_2_92[4] = { UD_, BY_W(ev_2_92_1), UD_, UD_ };
/* EVEX.0F38 93 66 W0: by ModRM.mod */
static const struct x86_node ev_2_93_1_0[2] = { F_(EVEX_VGATHERQPS_Vh_MVSIBx), UD_ };
/* EVEX.0F38 93 66 W1: by ModRM.mod */
static const struct x86_node ev_2_93_1_1[2] = { F_(EVEX_VGATHERQPD_Vx_MVSIBx), UD_ };
/* EVEX.0F38 93 66: by EVEX.W */
static const struct x86_node ev_2_93_1[2] = { BY_MOD(ev_2_93_1_0), BY_MOD(ev_2_93_1_1) };
/* EVEX.0F38 93: by EVEX.pp */
static const struct x86_node ev_2_93[4] = { UD_, BY_W(ev_2_93_1), UD_, UD_ };
/* EVEX.0F38 96 66: by EVEX.W */
static const struct x86_node ev_2_96_1[2] = { F_(EVEX_VFMADDSUB132PS_Vx_Hx_Wx), F_(EVEX_VFMADDSUB132PD_Vx_Hx_Wx) };
/* EVEX.0F38 96: by EVEX.pp */
static const struct x86_node ev_2_96[4] = { UD_, BY_W(ev_2_96_1), UD_, UD_ };
/* EVEX.0F38 97 66: by EVEX.W */
static const struct x86_node ev_2_97_1[2] = { F_(EVEX_VFMSUBADD132PS_Vx_Hx_Wx), F_(EVEX_VFMSUBADD132PD_Vx_Hx_Wx) };
/* EVEX.0F38 97: by EVEX.pp */
static const struct x86_node ev_2_97[4] = { UD_, BY_W(ev_2_97_1), UD_, UD_ };
/* EVEX.0F38 98 66: by EVEX.W */
static const struct x86_node ev_2_98_1[2] = { F_(EVEX_VFMADD132PS_Vx_Hx_Wx), F_(EVEX_VFMADD132PD_Vx_Hx_Wx) };
/* EVEX.0F38 98: by EVEX.pp */
static const struct x86_node ev_2_98[4] = { UD_, BY_W(ev_2_98_1), UD_, UD_ };
/* EVEX.0F38 99 66: by EVEX.W */
static const struct x86_node ev_2_99_1[2] = { F_(EVEX_VFMADD132SS_Vdq_Hdq_Wd), F_(EVEX_VFMADD132SD_Vdq_Hdq_Wq) };
/* EVEX.0F38 99: by EVEX.pp */
static const struct x86_node ev_2_99[4] = { UD_, BY_W(ev_2_99_1), UD_, UD_ };
/* EVEX.0F38 9A 66: by EVEX.W */
static const struct x86_node ev_2_9A_1[2] = { F_(EVEX_VFMSUB132PS_Vx_Hx_Wx), F_(EVEX_VFMSUB132PD_Vx_Hx_Wx) };
/* EVEX.0F38 9A F2 L512: by ModRM.mod */
static const struct x86_node ev_2_9A_3_2[2] = { F_(EVEX_V4FMADDPS_Voq_Hoq_Mdq), UD_ };
/* EVEX.0F38 9A F2: by EVEX.L'L */
static const struct x86_node ev_2_9A_3[3] = { UD_, UD_, BY_MOD(ev_2_9A_3_2) };
/* EVEX.0F38 9A: by EVEX.pp */
static const struct x86_node ev_2_9A[4] = { UD_, BY_W(ev_2_9A_1), UD_, BY_VEXL(ev_2_9A_3) };
/* EVEX.0F38 9B 66: by EVEX.W */
static const struct x86_node ev_2_9B_1[2] = { F_(EVEX_VFMSUB132SS_Vdq_Hdq_Wd), F_(EVEX_VFMSUB132SD_Vdq_Hdq_Wq) };
/* EVEX.0F38 9B F2: by ModRM.mod */
static const struct x86_node ev_2_9B_3[2] = { F_(EVEX_V4FMADDSS_Vdq_Hdq_Mdq), UD_ };
/* EVEX.0F38 9B: by EVEX.pp */
static const struct x86_node ev_2_9B[4] = { UD_, BY_W(ev_2_9B_1), UD_, BY_MOD(ev_2_9B_3) };
/* EVEX.0F38 9C 66: by EVEX.W */
static const struct x86_node ev_2_9C_1[2] = { F_(EVEX_VFNMADD132PS_Vx_Hx_Wx), F_(EVEX_VFNMADD132PD_Vx_Hx_Wx) };
/* EVEX.0F38 9C: by EVEX.pp */
static const struct x86_node ev_2_9C[4] = { UD_, BY_W(ev_2_9C_1), UD_, UD_ };
/* EVEX.0F38 9D 66: by EVEX.W */
static const struct x86_node ev_2_9D_1[2] = { F_(EVEX_VFNMADD132SS_Vdq_Hdq_Wd), F_(EVEX_VFNMADD132SD_Vdq_Hdq_Wq) };
/* EVEX.0F38 9D: by EVEX.pp */
static const struct x86_node ev_2_9D[4] = { UD_, BY_W(ev_2_9D_1), UD_, UD_ };
/* EVEX.0F38 9E 66: by EVEX.W */
static const struct x86_node ev_2_9E_1[2] = { F_(EVEX_VFNMSUB132PS_Vx_Hx_Wx), F_(EVEX_VFNMSUB132PD_Vx_Hx_Wx) };
/* EVEX.0F38 9E: by EVEX.pp */
static const struct x86_node ev_2_9E[4] = { UD_, BY_W(ev_2_9E_1), UD_, UD_ };
/* EVEX.0F38 9F 66: by EVEX.W */
static const struct x86_node ev_2_9F_1[2] = { F_(EVEX_VFNMSUB132SS_Vdq_Hdq_Wd), F_(EVEX_VFNMSUB132SD_Vdq_Hdq_Wq) };
/* EVEX.0F38 9F: by EVEX.pp */
static const struct x86_node ev_2_9F[4] = { UD_, BY_W(ev_2_9F_1), UD_, UD_ };
/* EVEX.0F38 A0 66 W0: by ModRM.mod */
static const struct x86_node ev_2_A0_1_0[2] = { F_(EVEX_VPSCATTERDD_MVSIBx_Vx), UD_ };
/* EVEX.0F38 A0 66 W1: by ModRM.mod */
static const struct x86_node ev_2_A0_1_1[2] = { F_(EVEX_VPSCATTERDQ_MVSIBh_Vx), UD_ };
/* EVEX.0F38 A0 66: by EVEX.W */
static const struct x86_node ev_2_A0_1[2] = { BY_MOD(ev_2_A0_1_0), BY_MOD(ev_2_A0_1_1) };
/* EVEX.0F38 A0: by EVEX.pp */
static const struct x86_node ev_2_A0[4] = { UD_, BY_W(ev_2_A0_1), UD_, UD_ };
/* EVEX.0F38 A1 66 W0: by ModRM.mod */
static const struct x86_node ev_2_A1_1_0[2] = { F_(EVEX_VPSCATTERQD_MVSIBx_Vh), UD_ };
/* EVEX.0F38 A1 66 W1: by ModRM.mod */
static const struct x86_node ev_2_A1_1_1[2] = { F_(EVEX_VPSCATTERQQ_MVSIBx_Vx), UD_ };
/* EVEX.0F38 A1 66: by EVEX.W */
static const struct x86_node ev_2_A1_1[2] = { BY_MOD(ev_2_A1_1_0), BY_MOD(ev_2_A1_1_1) };
/* EVEX.0F38 A1: by EVEX.pp */
static const struct x86_node ev_2_A1[4] = { UD_, BY_W(ev_2_A1_1), UD_, UD_ };
/* EVEX.0F38 A2 66 W0: by ModRM.mod */
static const struct x86_node ev_2_A2_1_0[2] = { F_(EVEX_VSCATTERDPS_MVSIBx_Vx), UD_ };
/* EVEX.0F38 A2 66 W1: by ModRM.mod */
static const struct x86_node ev_2_A2_1_1[2] = { F_(EVEX_VSCATTERDPD_MVSIBh_Vx), UD_ };
/* EVEX.0F38 A2 66: by EVEX.W */
static const struct x86_node ev_2_A2_1[2] = { BY_MOD(ev_2_A2_1_0), BY_MOD(ev_2_A2_1_1) };
/* EVEX.0F38 A2: by EVEX.pp */
static const struct x86_node ev_2_A2[4] = { UD_, BY_W(ev_2_A2_1), UD_, UD_ };
/* EVEX.0F38 A3 66 W0: by ModRM.mod */
static const struct x86_node ev_2_A3_1_0[2] = { F_(EVEX_VSCATTERQPS_MVSIBx_Vh), UD_ };
/* EVEX.0F38 A3 66 W1: by ModRM.mod */
static const struct x86_node ev_2_A3_1_1[2] = { F_(EVEX_VSCATTERQPD_MVSIBx_Vx), UD_ };
/* EVEX.0F38 A3 66: by EVEX.W */
static const struct x86_node ev_2_A3_1[2] = { BY_MOD(ev_2_A3_1_0), BY_MOD(ev_2_A3_1_1) };
/* EVEX.0F38 A3: by EVEX.pp */
static const struct x86_node ev_2_A3[4] = { UD_, BY_W(ev_2_A3_1), UD_, UD_ };
/* EVEX.0F38 A6 66: by EVEX.W */
static const struct x86_node ev_2_A6_1[2] = { F_(EVEX_VFMADDSUB213PS_Vx_Hx_Wx), F_(EVEX_VFMADDSUB213PD_Vx_Hx_Wx) };
/* EVEX.0F38 A6: by EVEX.pp */
static const struct x86_node ev_2_A6[4] = { UD_, BY_W(ev_2_A6_1), UD_, UD_ };
/* EVEX.0F38 A7 66: by EVEX.W */
static const struct x86_node ev_2_A7_1[2] = { F_(EVEX_VFMSUBADD213PS_Vx_Hx_Wx), F_(EVEX_VFMSUBADD213PD_Vx_Hx_Wx) };
/* EVEX.0F38 A7: by EVEX.pp */
static const struct x86_node ev_2_A7[4] = { UD_, BY_W(ev_2_A7_1), UD_, UD_ };
/* EVEX.0F38 A8 66: by EVEX.W */
static const struct x86_node ev_2_A8_1[2] = { F_(EVEX_VFMADD213PS_Vx_Hx_Wx), F_(EVEX_VFMADD213PD_Vx_Hx_Wx) };
/* EVEX.0F38 A8: by EVEX.pp */
static const struct x86_node ev_2_A8[4] = { UD_, BY_W(ev_2_A8_1), UD_, UD_ };
/* EVEX.0F38 A9 66: by EVEX.W */
static const struct x86_node ev_2_A9_1[2] = { F_(EVEX_VFMADD213SS_Vdq_Hdq_Wd), F_(EVEX_VFMADD213SD_Vdq_Hdq_Wq) };
/* EVEX.0F38 A9: by EVEX.pp */
static const struct x86_node ev_2_A9[4] = { UD_, BY_W(ev_2_A9_1), UD_, UD_ };
/* EVEX.0F38 AA 66: by EVEX.W */
static const struct x86_node ev_2_AA_1[2] = { F_(EVEX_VFMSUB213PS_Vx_Hx_Wx), F_(EVEX_VFMSUB213PD_Vx_Hx_Wx) };
/* EVEX.0F38 AA F2 L512: by ModRM.mod */
static const struct x86_node ev_2_AA_3_2[2] = { F_(EVEX_V4FNMADDPS_Voq_Hoq_Mdq), UD_ };
/* EVEX.0F38 AA F2: by EVEX.L'L */
static const struct x86_node ev_2_AA_3[3] = { UD_, UD_, BY_MOD(ev_2_AA_3_2) };
/* EVEX.0F38 AA: by EVEX.pp */
static const struct x86_node ev_2_AA[4] = { UD_, BY_W(ev_2_AA_1), UD_, BY_VEXL(ev_2_AA_3) };
/* EVEX.0F38 AB 66: by EVEX.W */
static const struct x86_node ev_2_AB_1[2] = { F_(EVEX_VFMSUB213SS_Vdq_Hdq_Wd), F_(EVEX_VFMSUB213SD_Vdq_Hdq_Wq) };
/* EVEX.0F38 AB F2: by ModRM.mod */
static const struct x86_node ev_2_AB_3[2] = { F_(EVEX_V4FNMADDSS_Vdq_Hdq_Mdq), UD_ };
/* EVEX.0F38 AB: by EVEX.pp */
static const struct x86_node ev_2_AB[4] = { UD_, BY_W(ev_2_AB_1), UD_, BY_MOD(ev_2_AB_3) };
/* EVEX.0F38 AC 66: by EVEX.W */
static const struct x86_node ev_2_AC_1[2] = { F_(EVEX_VFNMADD213PS_Vx_Hx_Wx), F_(EVEX_VFNMADD213PD_Vx_Hx_Wx) };
/* EVEX.0F38 AC: by EVEX.pp */
static const struct x86_node ev_2_AC[4] = { UD_, BY_W(ev_2_AC_1), UD_, UD_ };
/* EVEX.0F38 AD 66: by EVEX.W */
static const struct x86_node ev_2_AD_1[2] = { F_(EVEX_VFNMADD213SS_Vdq_Hdq_Wd), F_(EVEX_VFNMADD213SD_Vdq_Hdq_Wq) };
/* EVEX.0F38 AD: by EVEX.pp */
static const struct x86_node ev_2_AD[4] = { UD_, BY_W(ev_2_AD_1), UD_, UD_ };
/* EVEX.0F38 AE 66: by EVEX.W */
static const struct x86_node ev_2_AE_1[2] = { F_(EVEX_VFNMSUB213PS_Vx_Hx_Wx), F_(EVEX_VFNMSUB213PD_Vx_Hx_Wx) };
/* EVEX.0F38 AE: by EVEX.pp */
static const struct x86_node ev_2_AE[4] = { UD_, BY_W(ev_2_AE_1), UD_, UD_ };
/* EVEX.0F38 AF 66: by EVEX.W */
static const struct x86_node ev_2_AF_1[2] = { F_(EVEX_VFNMSUB213SS_Vdq_Hdq_Wd), F_(EVEX_VFNMSUB213SD_Vdq_Hdq_Wq) };
/* EVEX.0F38 AF: by EVEX.pp */
static const struct x86_node ev_2_AF[4] = { UD_, BY_W(ev_2_AF_1), UD_, UD_ };
/* EVEX.0F38 B4: by EVEX.pp */
static const struct x86_node ev_2_B4[4] = { UD_, F_(EVEX_VPMADD52LUQ_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 B5: by EVEX.pp */
static const struct x86_node ev_2_B5[4] = { UD_, F_(EVEX_VPMADD52HUQ_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 B6 66: by EVEX.W */
static const struct x86_node ev_2_B6_1[2] = { F_(EVEX_VFMADDSUB231PS_Vx_Hx_Wx), F_(EVEX_VFMADDSUB231PD_Vx_Hx_Wx) };
/* EVEX.0F38 B6: by EVEX.pp */
static const struct x86_node ev_2_B6[4] = { UD_, BY_W(ev_2_B6_1), UD_, UD_ };
/* EVEX.0F38 B7 66: by EVEX.W */
static const struct x86_node ev_2_B7_1[2] = { F_(EVEX_VFMSUBADD231PS_Vx_Hx_Wx), F_(EVEX_VFMSUBADD231PD_Vx_Hx_Wx) };
/* EVEX.0F38 B7: by EVEX.pp */
static const struct x86_node ev_2_B7[4] = { UD_, BY_W(ev_2_B7_1), UD_, UD_ };
/* EVEX.0F38 B8 66: by EVEX.W */
static const struct x86_node ev_2_B8_1[2] = { F_(EVEX_VFMADD231PS_Vx_Hx_Wx), F_(EVEX_VFMADD231PD_Vx_Hx_Wx) };
/* EVEX.0F38 B8: by EVEX.pp */
static const struct x86_node ev_2_B8[4] = { UD_, BY_W(ev_2_B8_1), UD_, UD_ };
/* EVEX.0F38 B9 66: by EVEX.W */
static const struct x86_node ev_2_B9_1[2] = { F_(EVEX_VFMADD231SS_Vdq_Hdq_Wd), F_(EVEX_VFMADD231SD_Vdq_Hdq_Wq) };
/* EVEX.0F38 B9: by EVEX.pp */
static const struct x86_node ev_2_B9[4] = { UD_, BY_W(ev_2_B9_1), UD_, UD_ };
/* EVEX.0F38 BA 66: by EVEX.W */
static const struct x86_node ev_2_BA_1[2] = { F_(EVEX_VFMSUB231PS_Vx_Hx_Wx), F_(EVEX_VFMSUB231PD_Vx_Hx_Wx) };
/* EVEX.0F38 BA: by EVEX.pp */
static const struct x86_node ev_2_BA[4] = { UD_, BY_W(ev_2_BA_1), UD_, UD_ };
/* EVEX.0F38 BB 66: by EVEX.W */
static const struct x86_node ev_2_BB_1[2] = { F_(EVEX_VFMSUB231SS_Vdq_Hdq_Wd), F_(EVEX_VFMSUB231SD_Vdq_Hdq_Wq) };
/* EVEX.0F38 BB: by EVEX.pp */
static const struct x86_node ev_2_BB[4] = { UD_, BY_W(ev_2_BB_1), UD_, UD_ };
/* EVEX.0F38 BC 66: by EVEX.W */
static const struct x86_node ev_2_BC_1[2] = { F_(EVEX_VFNMADD231PS_Vx_Hx_Wx), F_(EVEX_VFNMADD231PD_Vx_Hx_Wx) };
/* EVEX.0F38 BC: by EVEX.pp */
static const struct x86_node ev_2_BC[4] = { UD_, BY_W(ev_2_BC_1), UD_, UD_ };
/* EVEX.0F38 BD 66: by EVEX.W */
static const struct x86_node ev_2_BD_1[2] = { F_(EVEX_VFNMADD231SS_Vdq_Hdq_Wd), F_(EVEX_VFNMADD231SD_Vdq_Hdq_Wq) };
/* EVEX.0F38 BD: by EVEX.pp */
static const struct x86_node ev_2_BD[4] = { UD_, BY_W(ev_2_BD_1), UD_, UD_ };
/* EVEX.0F38 BE 66: by EVEX.W */
static const struct x86_node ev_2_BE_1[2] = { F_(EVEX_VFNMSUB231PS_Vx_Hx_Wx), F_(EVEX_VFNMSUB231PD_Vx_Hx_Wx) };
/* EVEX.0F38 BE: by EVEX.pp */
static const struct x86_node ev_2_BE[4] = { UD_, BY_W(ev_2_BE_1), UD_, UD_ };
/* EVEX.0F38 BF 66: by EVEX.W */
static const struct x86_node ev_2_BF_1[2] = { F_(EVEX_VFNMSUB231SS_Vdq_Hdq_Wd), F_(EVEX_VFNMSUB231SD_Vdq_Hdq_Wq) };
/* EVEX.0F38 BF: by EVEX.pp */
static const struct x86_node ev_2_BF[4] = { UD_, BY_W(ev_2_BF_1), UD_, UD_ };
/* EVEX.0F38 C4 66: by EVEX.W */
static const struct x86_node ev_2_C4_1[2] = { F_(EVEX_VPCONFLICTD_Vx_Wx), F_(EVEX_VPCONFLICTQ_Vx_Wx) };
/* EVEX.0F38 C4: by EVEX.pp */
static const struct x86_node ev_2_C4[4] = { UD_, BY_W(ev_2_C4_1), UD_, UD_ };
/* EVEX.0F38 C6 66 W0 /1 L512: by ModRM.mod */
static const struct x86_node ev_2_C6_1_0_1_2[2] = { F_(EVEX_VGATHERPF0DPS_MVSIBx), UD_ };
/* EVEX.0F38 C6 66 W0 /1: by EVEX.L'L */
static const struct x86_node ev_2_C6_1_0_1[3] = { UD_, UD_, BY_MOD(ev_2_C6_1_0_1_2) };
/* EVEX.0F38 C6 66 W0 /2 L512: by ModRM.mod */
static const struct x86_node ev_2_C6_1_0_2_2[2] = { F_(EVEX_VGATHERPF1DPS_MVSIBx), UD_ };
/* EVEX.0F38 C6 66 W0 /2: by EVEX.L'L */
static const struct x86_node ev_2_C6_1_0_2[3] = { UD_, UD_, BY_MOD(ev_2_C6_1_0_2_2) };
/* EVEX.0F38 C6 66 W0 /5 L512: by ModRM.mod */
static const struct x86_node ev_2_C6_1_0_5_2[2] = { F_(EVEX_VSCATTERPF0DPS_MVSIBx), UD_ };
/* EVEX.0F38 C6 66 W0 /5: by EVEX.L'L */
static const struct x86_node ev_2_C6_1_0_5[3] = { UD_, UD_, BY_MOD(ev_2_C6_1_0_5_2) };
/* EVEX.0F38 C6 66 W0 /6 L512: by ModRM.mod */
static const struct x86_node ev_2_C6_1_0_6_2[2] = { F_(EVEX_VSCATTERPF1DPS_MVSIBx), UD_ };
/* EVEX.0F38 C6 66 W0 /6: by EVEX.L'L */
static const struct x86_node ev_2_C6_1_0_6[3] = { UD_, UD_, BY_MOD(ev_2_C6_1_0_6_2) };
/* EVEX.0F38 C6 66 W0: by ModRM.reg */
static const struct x86_node ev_2_C6_1_0[8] = { UD_, BY_VEXL(ev_2_C6_1_0_1), BY_VEXL(ev_2_C6_1_0_2), UD_, UD_, BY_VEXL(ev_2_C6_1_0_5), BY_VEXL(ev_2_C6_1_0_6), UD_ };
/* EVEX.0F38 C6 66 W1 /1 L512: by ModRM.mod */
static const struct x86_node ev_2_C6_1_1_1_2[2] = { F_(EVEX_VGATHERPF0DPD_MVSIBh), UD_ };
/* EVEX.0F38 C6 66 W1 /1: by EVEX.L'L */
static const struct x86_node ev_2_C6_1_1_1[3] = { UD_, UD_, BY_MOD(ev_2_C6_1_1_1_2) };
/* EVEX.0F38 C6 66 W1 /2 L512: by ModRM.mod */
static const struct x86_node ev_2_C6_1_1_2_2[2] = { F_(EVEX_VGATHERPF1DPD_MVSIBh), UD_ };
/* EVEX.0F38 C6 66 W1 /2: by EVEX.L'L */
static const struct x86_node ev_2_C6_1_1_2[3] = { UD_, UD_, BY_MOD(ev_2_C6_1_1_2_2) };
/* EVEX.0F38 C6 66 W1 /5 L512: by ModRM.mod */
static const struct x86_node ev_2_C6_1_1_5_2[2] = { F_(EVEX_VSCATTERPF0DPD_MVSIBh), UD_ };
/* EVEX.0F38 C6 66 W1 /5: by EVEX.L'L */
static const struct x86_node ev_2_C6_1_1_5[3] = { UD_, UD_, BY_MOD(ev_2_C6_1_1_5_2) };
/* EVEX.0F38 C6 66 W1 /6 L512: by ModRM.mod */
static const struct x86_node ev_2_C6_1_1_6_2[2] = { F_(EVEX_VSCATTERPF1DPD_MVSIBh), UD_ };
/* EVEX.0F38 C6 66 W1 /6: by EVEX.L'L */
static const struct x86_node ev_2_C6_1_1_6[3] = { UD_, UD_, BY_MOD(ev_2_C6_1_1_6_2) };
/* EVEX.0F38 C6 66 W1: by ModRM.reg */
static const struct x86_node ev_2_C6_1_1[8] = { UD_, BY_VEXL(ev_2_C6_1_1_1), BY_VEXL(ev_2_C6_1_1_2), UD_, UD_, BY_VEXL(ev_2_C6_1_1_5), BY_VEXL(ev_2_C6_1_1_6), UD_ };
/* EVEX.0F38 C6 66: by EVEX.W */
static const struct x86_node ev_2_C6_1[2] = { BY_REG(ev_2_C6_1_0), BY_REG(ev_2_C6_1_1) };
/* EVEX.0F38 C6: by EVEX.pp */
static const struct x86_node ev_2_C6[4] = { UD_, BY_W(ev_2_C6_1), UD_, UD_ };
/* EVEX.0F38 C7 66 W0 /1 L512: by ModRM.mod */
static const struct x86_node ev_2_C7_1_0_1_2[2] = { F_(EVEX_VGATHERPF0QPS_MVSIBx), UD_ };
/* EVEX.0F38 C7 66 W0 /1: by EVEX.L'L */
static const struct x86_node ev_2_C7_1_0_1[3] = { UD_, UD_, BY_MOD(ev_2_C7_1_0_1_2) };
/* EVEX.0F38 C7 66 W0 /2 L512: by ModRM.mod */
static const struct x86_node ev_2_C7_1_0_2_2[2] = { F_(EVEX_VGATHERPF1QPS_MVSIBx), UD_ };
/* EVEX.0F38 C7 66 W0 /2: by EVEX.L'L */
static const struct x86_node ev_2_C7_1_0_2[3] = { UD_, UD_, BY_MOD(ev_2_C7_1_0_2_2) };
/* EVEX.0F38 C7 66 W0 /5 L512: by ModRM.mod */
static const struct x86_node ev_2_C7_1_0_5_2[2] = { F_(EVEX_VSCATTERPF0QPS_MVSIBx), UD_ };
/* EVEX.0F38 C7 66 W0 /5: by EVEX.L'L */
static const struct x86_node ev_2_C7_1_0_5[3] = { UD_, UD_, BY_MOD(ev_2_C7_1_0_5_2) };
/* EVEX.0F38 C7 66 W0 /6 L512: by ModRM.mod */
static const struct x86_node ev_2_C7_1_0_6_2[2] = { F_(EVEX_VSCATTERPF1QPS_MVSIBx), UD_ };
/* EVEX.0F38 C7 66 W0 /6: by EVEX.L'L */
static const struct x86_node ev_2_C7_1_0_6[3] = { UD_, UD_, BY_MOD(ev_2_C7_1_0_6_2) };
/* EVEX.0F38 C7 66 W0: by ModRM.reg */
static const struct x86_node ev_2_C7_1_0[8] = { UD_, BY_VEXL(ev_2_C7_1_0_1), BY_VEXL(ev_2_C7_1_0_2), UD_, UD_, BY_VEXL(ev_2_C7_1_0_5), BY_VEXL(ev_2_C7_1_0_6), UD_ };
/* EVEX.0F38 C7 66 W1 /1 L512: by ModRM.mod */
static const struct x86_node ev_2_C7_1_1_1_2[2] = { F_(EVEX_VGATHERPF0QPD_MVSIBx), UD_ };
/* EVEX.0F38 C7 66 W1 /1: by EVEX.L'L */
static const struct x86_node ev_2_C7_1_1_1[3] = { UD_, UD_, BY_MOD(ev_2_C7_1_1_1_2) };
/* EVEX.0F38 C7 66 W1 /2 L512: by ModRM.mod */
static const struct x86_node ev_2_C7_1_1_2_2[2] = { F_(EVEX_VGATHERPF1QPD_MVSIBx), UD_ };
/* EVEX.0F38 C7 66 W1 /2: by EVEX.L'L */
static const struct x86_node ev_2_C7_1_1_2[3] = { UD_, UD_, BY_MOD(ev_2_C7_1_1_2_2) };
/* EVEX.0F38 C7 66 W1 /5 L512: by ModRM.mod */
static const struct x86_node ev_2_C7_1_1_5_2[2] = { F_(EVEX_VSCATTERPF0QPD_MVSIBx), UD_ };
/* EVEX.0F38 C7 66 W1 /5: by EVEX.L'L */
static const struct x86_node ev_2_C7_1_1_5[3] = { UD_, UD_, BY_MOD(ev_2_C7_1_1_5_2) };
/* EVEX.0F38 C7 66 W1 /6 L512: by ModRM.mod */
static const struct x86_node ev_2_C7_1_1_6_2[2] = { F_(EVEX_VSCATTERPF1QPD_MVSIBx), UD_ };
/* EVEX.0F38 C7 66 W1 /6: by EVEX.L'L */
static const struct x86_node ev_2_C7_1_1_6[3] = { UD_, UD_, BY_MOD(ev_2_C7_1_1_6_2) };
/* EVEX.0F38 C7 66 W1: by ModRM.reg */
static const struct x86_node ev_2_C7_1_1[8] = { UD_, BY_VEXL(ev_2_C7_1_1_1), BY_VEXL(ev_2_C7_1_1_2), UD_, UD_, BY_VEXL(ev_2_C7_1_1_5), BY_VEXL(ev_2_C7_1_1_6), UD_ };
/* EVEX.0F38 C7 66: by EVEX.W */
static const struct x86_node ev_2_C7_1[2] = { BY_REG(ev_2_C7_1_0), BY_REG(ev_2_C7_1_1) };
/* EVEX.0F38 C7: by EVEX.pp */
static const struct x86_node ev_2_C7[4] = { UD_, BY_W(ev_2_C7_1), UD_, UD_ };
/* EVEX.0F38 C8 66 W0: by EVEX.L'L */
static const struct x86_node ev_2_C8_1_0[3] = { UD_, UD_, F_(EVEX_VEXP2PS_Voq_Woq) };
/* EVEX.0F38 C8 66 W1: by EVEX.L'L */
static const struct x86_node ev_2_C8_1_1[3] = { UD_, UD_, F_(EVEX_VEXP2PD_Voq_Woq) };
/* EVEX.0F38 C8 66: by EVEX.W */
static const struct x86_node ev_2_C8_1[2] = { BY_VEXL(ev_2_C8_1_0), BY_VEXL(ev_2_C8_1_1) };
/* EVEX.0F38 C8: by EVEX.pp */
static const struct x86_node ev_2_C8[4] = { UD_, BY_W(ev_2_C8_1), UD_, UD_ };
/* EVEX.0F38 CA 66 W0: by EVEX.L'L */
static const struct x86_node ev_2_CA_1_0[3] = { UD_, UD_, F_(EVEX_VRCP28PS_Voq_Woq) };
/* EVEX.0F38 CA 66 W1: by EVEX.L'L */
static const struct x86_node ev_2_CA_1_1[3] = { UD_, UD_, F_(EVEX_VRCP28PD_Voq_Woq) };
/* EVEX.0F38 CA 66: by EVEX.W */
static const struct x86_node ev_2_CA_1[2] = { BY_VEXL(ev_2_CA_1_0), BY_VEXL(ev_2_CA_1_1) };
/* EVEX.0F38 CA: by EVEX.pp */
static const struct x86_node ev_2_CA[4] = { UD_, BY_W(ev_2_CA_1), UD_, UD_ };
/* EVEX.0F38 CB 66: by EVEX.W */
static const struct x86_node ev_2_CB_1[2] = { F_(EVEX_VRCP28SS_Vdq_Hdq_Wd), F_(EVEX_VRCP28SD_Vdq_Hdq_Wq) };
/* EVEX.0F38 CB: by EVEX.pp */
static const struct x86_node ev_2_CB[4] = { UD_, BY_W(ev_2_CB_1), UD_, UD_ };
/* EVEX.0F38 CC 66 W0: by EVEX.L'L */
static const struct x86_node ev_2_CC_1_0[3] = { UD_, UD_, F_(EVEX_VRSQRT28PS_Voq_Woq) };
/* EVEX.0F38 CC 66 W1: by EVEX.L'L */
static const struct x86_node ev_2_CC_1_1[3] = { UD_, UD_, F_(EVEX_VRSQRT28PD_Voq_Woq) };
/* EVEX.0F38 CC 66: by EVEX.W */
static const struct x86_node ev_2_CC_1[2] = { BY_VEXL(ev_2_CC_1_0), BY_VEXL(ev_2_CC_1_1) };
/* EVEX.0F38 CC: by EVEX.pp */
static const struct x86_node ev_2_CC[4] = { UD_, BY_W(ev_2_CC_1), UD_, UD_ };
/* EVEX.0F38 CD 66: by EVEX.W */
static const struct x86_node ev_2_CD_1[2] = { F_(EVEX_VRSQRT28SS_Vdq_Hdq_Wd), F_(EVEX_VRSQRT28SD_Vdq_Hdq_Wq) };
/* EVEX.0F38 CD: by EVEX.pp */
static const struct x86_node ev_2_CD[4] = { UD_, BY_W(ev_2_CD_1), UD_, UD_ };
/* EVEX.0F38 CF: by EVEX.pp */
static const struct x86_node ev_2_CF[4] = { UD_, F_(EVEX_VGF2P8MULB_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 DC: by EVEX.pp */
static const struct x86_node ev_2_DC[4] = { UD_, F_(EVEX_VAESENC_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 DD: by EVEX.pp */
static const struct x86_node ev_2_DD[4] = { UD_, F_(EVEX_VAESENCLAST_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 DE: by EVEX.pp */
static const struct x86_node ev_2_DE[4] = { UD_, F_(EVEX_VAESDEC_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F38 DF: by EVEX.pp */
static const struct x86_node ev_2_DF[4] = { UD_, F_(EVEX_VAESDECLAST_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.0F3A 00 66: by EVEX.L'L */
static const struct x86_node ev_3_00_1[3] = { UD_, F_(EVEX_VPERMQ_Vx_Wx_Ib), F_(EVEX_VPERMQ_Vx_Wx_Ib) };
/* EVEX.0F3A 00: by EVEX.pp */
static const struct x86_node ev_3_00[4] = { UD_, BY_VEXL(ev_3_00_1), UD_, UD_ };
/* EVEX.0F3A 01 66: by EVEX.L'L */
static const struct x86_node ev_3_01_1[3] = { UD_, F_(EVEX_VPERMPD_Vx_Wx_Ib), F_(EVEX_VPERMPD_Vx_Wx_Ib) };
/* EVEX.0F3A 01: by EVEX.pp */
static const struct x86_node ev_3_01[4] = { UD_, BY_VEXL(ev_3_01_1), UD_, UD_ };
/* EVEX.0F3A 03 66: by EVEX.W */
static const struct x86_node ev_3_03_1[2] = { F_(EVEX_VALIGND_Vx_Hx_Wx_Ib), F_(EVEX_VALIGNQ_Vx_Hx_Wx_Ib) };
/* EVEX.0F3A 03: by EVEX.pp */
static const struct x86_node ev_3_03[4] = { UD_, BY_W(ev_3_03_1), UD_, UD_ };
/* EVEX.0F3A 04: by EVEX.pp */
static const struct x86_node ev_3_04[4] = { UD_, F_(EVEX_VPERMILPS_Vx_Wx_Ib), UD_, UD_ };
/* EVEX.0F3A 05: by EVEX.pp */
static const struct x86_node ev_3_05[4] = { UD_, F_(EVEX_VPERMILPD_Vx_Wx_Ib), UD_, UD_ };
/* EVEX.0F3A 08: by EVEX.pp */
static const struct x86_node ev_3_08[4] = { F_(EVEX_VRNDSCALEPH_Vx_Wx_Ib), F_(EVEX_VRNDSCALEPS_Vx_Wx_Ib), UD_, UD_ };
/* EVEX.0F3A 09: by EVEX.pp */
static const struct x86_node ev_3_09[4] = { UD_, F_(EVEX_VRNDSCALEPD_Vx_Wx_Ib), UD_, UD_ };
/* EVEX.0F3A 0A: by EVEX.pp */
static const struct x86_node ev_3_0A[4] = { F_(EVEX_VRNDSCALESH_Vdq_Hdq_Ww_Ib), F_(EVEX_VRNDSCALESS_Vdq_Hdq_Wd_Ib), UD_, UD_ };
/* EVEX.0F3A 0B: by EVEX.pp */
static const struct x86_node ev_3_0B[4] = { UD_, F_(EVEX_VRNDSCALESD_Vdq_Hdq_Wq_Ib), UD_, UD_ };
/* EVEX.0F3A 0F: by EVEX.pp */
static const struct x86_node ev_3_0F[4] = { UD_, F_(EVEX_VPALIGNR_Vx_Hx_Wx_Ib), UD_, UD_ };
/* EVEX.0F3A 14 66: by ModRM.mod */
static const struct x86_node ev_3_14_1[2] = { F_(EVEX_VPEXTRB_Mb_Vdq_Ib), F_(EVEX_VPEXTRB_Rd_Vdq_Ib) };
/* EVEX.0F3A 14: by EVEX.pp */
static const struct x86_node ev_3_14[4] = { UD_, BY_MOD(ev_3_14_1), UD_, UD_ };
/* EVEX.0F3A 15 66: by ModRM.mod */
static const struct x86_node ev_3_15_1[2] = { F_(EVEX_VPEXTRW_Mw_Vdq_Ib), F_(EVEX_VPEXTRW_Rd_Vdq_Ib) };
/* EVEX.0F3A 15: by EVEX.pp */
static const struct x86_node ev_3_15[4] = { UD_, BY_MOD(ev_3_15_1), UD_, UD_ };
/* EVEX.0F3A 16 32-bit: by EVEX.pp */
static const struct x86_node ev_3_16_0[4] = { UD_, F_(EVEX_VPEXTRD_Ed_Vdq_Ib), UD_, UD_ };
/* EVEX.0F3A 16 64-bit 66: by EVEX.W */
static const struct x86_node ev_3_16_1_1[2] = { F_(EVEX_VPEXTRD_Ed_Vdq_Ib), F_(EVEX_VPEXTRQ_Eq_Vdq_Ib) };
/* EVEX.0F3A 16 64-bit: by EVEX.pp */
static const struct x86_node ev_3_16_1[4] = { UD_, BY_W(ev_3_16_1_1), UD_, UD_ };
/* EVEX.0F3A 16: by mode */
static const struct x86_node ev_3_16[2] = { BY_PREFIX(ev_3_16_0), BY_PREFIX(ev_3_16_1) };
/* EVEX.0F3A 17: by EVEX.pp */
static const struct x86_node ev_3_17[4] = { UD_, F_(EVEX_VEXTRACTPS_Ed_Vdq_Ib), UD_, UD_ };
/* EVEX.0F3A 18 66 W0: by EVEX.L'L */
static const struct x86_node ev_3_18_1_0[3] = { UD_, F_(EVEX_VINSERTF32X4_Vx_Hx_Wdq_Ib), F_(EVEX_VINSERTF32X4_Vx_Hx_Wdq_Ib) };
/* EVEX.0F3A 18 66 W1: by EVEX.L'L */
static const struct x86_node ev_3_18_1_1[3] = { UD_, F_(EVEX_VINSERTF64X2_Vx_Hx_Wdq_Ib), F_(EVEX_VINSERTF64X2_Vx_Hx_Wdq_Ib) };
/* EVEX.0F3A 18 66: by EVEX.W */
static const struct x86_node ev_3_18_1[2] = { BY_VEXL(ev_3_18_1_0), BY_VEXL(ev_3_18_1_1) };
/* EVEX.0F3A 18: by EVEX.pp */
static const struct x86_node ev_3_18[4] = { UD_, BY_W(ev_3_18_1), UD_, UD_ };
/* EVEX.0F3A 19 66 W0: by EVEX.L'L */
static const struct x86_node ev_3_19_1_0[3] = { UD_, F_(EVEX_VEXTRACTF32X4_Wdq_Vx_Ib), F_(EVEX_VEXTRACTF32X4_Wdq_Vx_Ib) };
/* EVEX.0F3A 19 66 W1: by EVEX.L'L */
static const struct x86_node ev_3_19_1_1[3] = { UD_, F_(EVEX_VEXTRACTF64X2_Wdq_Vx_Ib), F_(EVEX_VEXTRACTF64X2_Wdq_Vx_Ib) };
/* EVEX.0F3A 19 66: by EVEX.W */
static const struct x86_node ev_3_19_1[2] = { BY_VEXL(ev_3_19_1_0), BY_VEXL(ev_3_19_1_1) };
/* EVEX.0F3A 19: by EVEX.pp */
static const struct x86_node ev_3_19[4] = { UD_, BY_W(ev_3_19_1), UD_, UD_ };
/* EVEX.0F3A 1A 66 W0: by EVEX.L'L */
static const struct x86_node ev_3_1A_1_0[3] = { UD_, UD_, F_(EVEX_VINSERTF32X8_Voq_Hoq_Wqq_Ib) };
/* EVEX.0F3A 1A 66 W1: by EVEX.L'L */
static const struct x86_node ev_3_1A_1_1[3] = { UD_, UD_, F_(EVEX_VINSERTF64X4_Voq_Hoq_Wqq_Ib) };
/* EVEX.0F3A 1A 66: by EVEX.W */
static const struct x86_node ev_3_1A_1[2] = { BY_VEXL(ev_3_1A_1_0), BY_VEXL(ev_3_1A_1_1) };
/* EVEX.0F3A 1A: by EVEX.pp */
static const struct x86_node ev_3_1A[4] = { UD_, BY_W(ev_3_1A_1), UD_, UD_ };
/* EVEX.0F3A 1B 66 W0: by EVEX.L'L */
static const struct x86_node ev_3_1B_1_0[3] = { UD_, UD_, F_(EVEX_VEXTRACTF32X8_Wqq_Voq_Ib) };
/* EVEX.0F3A 1B 66 W1: by EVEX.L'L */
static const struct x86_node ev_3_1B_1_1[3] = { UD_, UD_, F_(EVEX_VEXTRACTF64X4_Wqq_Voq_Ib) };
/* EVEX.0F3A 1B 66: by EVEX.W */
static const struct x86_node ev_3_1B_1[2] = { BY_VEXL(ev_3_1B_1_0), BY_VEXL(ev_3_1B_1_1) };
/* EVEX.0F3A 1B: by EVEX.pp */
static const struct x86_node ev_3_1B[4] = { UD_, BY_W(ev_3_1B_1), UD_, UD_ };
/* EVEX.0F3A 1D: by EVEX.pp */
static const struct x86_node ev_3_1D[4] = { UD_, F_(EVEX_VCVTPS2PH_Wh_Vx_Ib), UD_, UD_ };
/* EVEX.0F3A 1E 66: by EVEX.W */
static const struct x86_node ev_3_1E_1[2] = { F_(EVEX_VPCMPUD_KGq_Hx_Wx_Ib), F_(EVEX_VPCMPUQ_KGq_Hx_Wx_Ib) };
/* EVEX.0F3A 1E: by EVEX.pp */
static const struct x86_node ev_3_1E[4] = { UD_, BY_W(ev_3_1E_1), UD_, UD_ };
/* EVEX.0F3A 1F 66: by EVEX.W */
static const struct x86_node ev_3_1F_1[2] = { F_(EVEX_VPCMPD_KGq_Hx_Wx_Ib), F_(EVEX_VPCMPQ_KGq_Hx_Wx_Ib) };
/* EVEX.0F3A 1F: by EVEX.pp */
static const struct x86_node ev_3_1F[4] = { UD_, BY_W(ev_3_1F_1), UD_, UD_ };
/* EVEX.0F3A 20 66: by ModRM.mod */
static const struct x86_node ev_3_20_1[2] = { F_(EVEX_VPINSRB_Vdq_Hdq_Mb_Ib), F_(EVEX_VPINSRB_Vdq_Hdq_Rd_Ib) };
/* EVEX.0F3A 20: by EVEX.pp */
static const struct x86_node ev_3_20[4] = { UD_, BY_MOD(ev_3_20_1), UD_, UD_ };
/* EVEX.0F3A 21: by EVEX.pp */
static const struct x86_node ev_3_21[4] = { UD_, F_(EVEX_VINSERTPS_Vdq_Hdq_Wd_Ib), UD_, UD_ };
/* EVEX.0F3A 22 32-bit: by EVEX.pp */
static const struct x86_node ev_3_22_0[4] = { UD_, F_(EVEX_VPINSRD_Vdq_Hdq_Ed_Ib), UD_, UD_ };
/* EVEX.0F3A 22 64-bit 66: by EVEX.W */
static const struct x86_node ev_3_22_1_1[2] = { F_(EVEX_VPINSRD_Vdq_Hdq_Ed_Ib), F_(EVEX_VPINSRQ_Vdq_Hdq_Eq_Ib) };
/* EVEX.0F3A 22 64-bit: by EVEX.pp */
static const struct x86_node ev_3_22_1[4] = { UD_, BY_W(ev_3_22_1_1), UD_, UD_ };
/* EVEX.0F3A 22: by mode */
static const struct x86_node ev_3_22[2] = { BY_PREFIX(ev_3_22_0), BY_PREFIX(ev_3_22_1) };
/* EVEX.0F3A 23 66 W0: by EVEX.L'L */
static const struct x86_node ev_3_23_1_0[3] = { UD_, F_(EVEX_VSHUFF32X4_Vx_Hx_Wx_Ib), F_(EVEX_VSHUFF32X4_Vx_Hx_Wx_Ib) };
/* EVEX.0F3A 23 66 W1: by EVEX.L'L */
static const struct x86_node ev_3_23_1_1[3] = { UD_, F_(EVEX_VSHUFF64X2_Vx_Hx_Wx_Ib), F_(EVEX_VSHUFF64X2_Vx_Hx_Wx_Ib) };
/* EVEX.0F3A 23 66: by EVEX.W */
static const struct x86_node ev_3_23_1[2] = { BY_VEXL(ev_3_23_1_0), BY_VEXL(ev_3_23_1_1) };
/* EVEX.0F3A 23: by EVEX.pp */
static const struct x86_node ev_3_23[4] = { UD_, BY_W(ev_3_23_1), UD_, UD_ };
/* EVEX.0F3A 25 66: by EVEX.W */
static const struct x86_node ev_3_25_1[2] = { F_(EVEX_VPTERNLOGD_Vx_Hx_Wx_Ib), F_(EVEX_VPTERNLOGQ_Vx_Hx_Wx_Ib) };
/* EVEX.0F3A 25: by EVEX.pp */
static const struct x86_node ev_3_25[4] = { UD_, BY_W(ev_3_25_1), UD_, UD_ };
/* EVEX.0F3A 26 66: by EVEX.W */
static const struct x86_node ev_3_26_1[2] = { F_(EVEX_VGETMANTPS_Vx_Wx_Ib), F_(EVEX_VGETMANTPD_Vx_Wx_Ib) };
/* EVEX.0F3A 26: by EVEX.pp */
static const struct x86_node ev_3_26[4] = { F_(EVEX_VGETMANTPH_Vx_Wx_Ib), BY_W(ev_3_26_1), UD_, UD_ };
/* EVEX.0F3A 27 66: by EVEX.W */
static const struct x86_node ev_3_27_1[2] = { F_(EVEX_VGETMANTSS_Vdq_Hdq_Wd_Ib), F_(EVEX_VGETMANTSD_Vdq_Hdq_Wq_Ib) };
/* EVEX.0F3A 27: by EVEX.pp */
static const struct x86_node ev_3_27[4] = { F_(EVEX_VGETMANTSH_Vdq_Hdq_Ww_Ib), BY_W(ev_3_27_1), UD_, UD_ };
/* EVEX.0F3A 38 66 W0: by EVEX.L'L */
static const struct x86_node ev_3_38_1_0[3] = { UD_, F_(EVEX_VINSERTI32X4_Vx_Hx_Wdq_Ib), F_(EVEX_VINSERTI32X4_Vx_Hx_Wdq_Ib) };
/* EVEX.0F3A 38 66 W1: by EVEX.L'L */
static const struct x86_node ev_3_38_1_1[3] = { UD_, F_(EVEX_VINSERTI64X2_Vx_Hx_Wdq_Ib), F_(EVEX_VINSERTI64X2_Vx_Hx_Wdq_Ib) };
/* EVEX.0F3A 38 66: by EVEX.W */
static const struct x86_node ev_3_38_1[2] = { BY_VEXL(ev_3_38_1_0), BY_VEXL(ev_3_38_1_1) };
/* EVEX.0F3A 38: by EVEX.pp */
static const struct x86_node ev_3_38[4] = { UD_, BY_W(ev_3_38_1), UD_, UD_ };
/* EVEX.0F3A 39 66 W0: by EVEX.L'L */
static const struct x86_node ev_3_39_1_0[3] = { UD_, F_(EVEX_VEXTRACTI32X4_Wdq_Vx_Ib), F_(EVEX_VEXTRACTI32X4_Wdq_Vx_Ib) };
/* EVEX.0F3A 39 66 W1: by EVEX.L'L */
static const struct x86_node ev_3_39_1_1[3] = { UD_, F_(EVEX_VEXTRACTI64X2_Wdq_Vx_Ib), F_(EVEX_VEXTRACTI64X2_Wdq_Vx_Ib) };
/* EVEX.0F3A 39 66: by EVEX.W */
static const struct x86_node ev_3_39_1[2] = { BY_VEXL(ev_3_39_1_0), BY_VEXL(ev_3_39_1_1) };
/* EVEX.0F3A 39: by EVEX.pp */
static const struct x86_node ev_3_39[4] = { UD_, BY_W(ev_3_39_1), UD_, UD_ };
/* EVEX.0F3A 3A 66 W0: by EVEX.L'L */
static const struct x86_node ev_3_3A_1_0[3] = { UD_, UD_, F_(EVEX_VINSERTI32X8_Voq_Hoq_Wqq_Ib) };
/* EVEX.0F3A 3A 66 W1: by EVEX.L'L */
static const struct x86_node ev_3_3A_1_1[3] = { UD_, UD_, F_(EVEX_VINSERTI64X4_Voq_Hoq_Wqq_Ib) };
/* EVEX.0F3A 3A 66: by EVEX.W */
static const struct x86_node ev_3_3A_1[2] = { BY_VEXL(ev_3_3A_1_0), BY_VEXL(ev_3_3A_1_1) };
/* EVEX.0F3A 3A: by EVEX.pp */
static const struct x86_node ev_3_3A[4] = { UD_, BY_W(ev_3_3A_1), UD_, UD_ };
/* EVEX.0F3A 3B 66 W0: by EVEX.L'L */
static const struct x86_node ev_3_3B_1_0[3] = { UD_, UD_, F_(EVEX_VEXTRACTI32X8_Wqq_Voq_Ib) };
/* EVEX.0F3A 3B 66 W1: by EVEX.L'L */
static const struct x86_node ev_3_3B_1_1[3] = { UD_, UD_, F_(EVEX_VEXTRACTI64X4_Wqq_Voq_Ib) };
/* EVEX.0F3A 3B 66: by EVEX.W */
static const struct x86_node ev_3_3B_1[2] = { BY_VEXL(ev_3_3B_1_0), BY_VEXL(ev_3_3B_1_1) };
/* EVEX.0F3A 3B: by EVEX.pp */
static const struct x86_node ev_3_3B[4] = { UD_, BY_W(ev_3_3B_1), UD_, UD_ };
/* EVEX.0F3A 3E 66: by EVEX.W */
static const struct x86_node ev_3_3E_1[2] = { F_(EVEX_VPCMPUB_KGq_Hx_Wx_Ib), F_(EVEX_VPCMPUW_KGq_Hx_Wx_Ib) };
/* EVEX.0F3A 3E: by EVEX.pp */
static const struct x86_node ev_3_3E[4] = { UD_, BY_W(ev_3_3E_1), UD_, UD_ };
/* EVEX.0F3A 3F 66: by EVEX.W */
static const struct x86_node ev_3_3F_1[2] = { F_(EVEX_VPCMPB_KGq_Hx_Wx_Ib), F_(EVEX_VPCMPW_KGq_Hx_Wx_Ib) };
/* EVEX.0F3A 3F: by EVEX.pp */
static const struct x86_node ev_3_3F[4] = { UD_, BY_W(ev_3_3F_1), UD_, UD_ };
/* EVEX.0F3A 42: by EVEX.pp */
static const struct x86_node ev_3_42[4] = { UD_, F_(EVEX_VDBPSADBW_Vx_Hx_Wx_Ib), UD_, UD_ };
/* EVEX.0F3A 43 66 W0: by EVEX.L'L */
static const struct x86_node ev_3_43_1_0[3] = { UD_, F_(EVEX_VSHUFI32X4_Vx_Hx_Wx_Ib), F_(EVEX_VSHUFI32X4_Vx_Hx_Wx_Ib) };
/* EVEX.0F3A 43 66 W1: by EVEX.L'L */
static const struct x86_node ev_3_43_1_1[3] = { UD_, F_(EVEX_VSHUFI64X2_Vx_Hx_Wx_Ib), F_(EVEX_VSHUFI64X2_Vx_Hx_Wx_Ib) };
/* EVEX.0F3A 43 66: by EVEX.W */
static const struct x86_node ev_3_43_1[2] = { BY_VEXL(ev_3_43_1_0), BY_VEXL(ev_3_43_1_1) };
/* EVEX.0F3A 43: by EVEX.pp */
static const struct x86_node ev_3_43[4] = { UD_, BY_W(ev_3_43_1), UD_, UD_ };
/* EVEX.0F3A 44: by EVEX.pp */
static const struct x86_node ev_3_44[4] = { UD_, F_(EVEX_VPCLMULQDQ_Vx_Hx_Wx_Ib), UD_, UD_ };
/* EVEX.0F3A 50 66: by EVEX.W */
static const struct x86_node ev_3_50_1[2] = { F_(EVEX_VRANGEPS_Vx_Hx_Wx_Ib), F_(EVEX_VRANGEPD_Vx_Hx_Wx_Ib) };
/* EVEX.0F3A 50: by EVEX.pp */
static const struct x86_node ev_3_50[4] = { UD_, BY_W(ev_3_50_1), UD_, UD_ };
/* EVEX.0F3A 51 66: by EVEX.W */
static const struct x86_node ev_3_51_1[2] = { F_(EVEX_VRANGESS_Vdq_Hdq_Wd_Ib), F_(EVEX_VRANGESD_Vdq_Hdq_Wq_Ib) };
/* EVEX.0F3A 51: by EVEX.pp */
static const struct x86_node ev_3_51[4] = { UD_, BY_W(ev_3_51_1), UD_, UD_ };
/* EVEX.0F3A 54 66: by EVEX.W */
static const struct x86_node ev_3_54_1[2] = { F_(EVEX_VFIXUPIMMPS_Vx_Hx_Wx_Ib), F_(EVEX_VFIXUPIMMPD_Vx_Hx_Wx_Ib) };
/* EVEX.0F3A 54: by EVEX.pp */
static const struct x86_node ev_3_54[4] = { UD_, BY_W(ev_3_54_1), UD_, UD_ };
/* EVEX.0F3A 55 66: by EVEX.W */
static const struct x86_node ev_3_55_1[2] = { F_(EVEX_VFIXUPIMMSS_Vdq_Hdq_Wd_Ib), F_(EVEX_VFIXUPIMMSD_Vdq_Hdq_Wq_Ib) };
/* EVEX.0F3A 55: by EVEX.pp */
static const struct x86_node ev_3_55[4] = { UD_, BY_W(ev_3_55_1), UD_, UD_ };
/* EVEX.0F3A 56 66: by EVEX.W */
static const struct x86_node ev_3_56_1[2] = { F_(EVEX_VREDUCEPS_Vx_Wx_Ib), F_(EVEX_VREDUCEPD_Vx_Wx_Ib) };
/* EVEX.0F3A 56: by EVEX.pp */
static const struct x86_node ev_3_56[4] = { F_(EVEX_VREDUCEPH_Vx_Wx_Ib), BY_W(ev_3_56_1), UD_, UD_ };
/* EVEX.0F3A 57 66: by EVEX.W */
static const struct x86_node ev_3_57_1[2] = { F_(EVEX_VREDUCESS_Vdq_Hdq_Wd_Ib), F_(EVEX_VREDUCESD_Vdq_Hdq_Wq_Ib) };
/* EVEX.0F3A 57: by EVEX.pp */
static const struct x86_node ev_3_57[4] = { F_(EVEX_VREDUCESH_Vdq_Hdq_Ww_Ib), BY_W(ev_3_57_1), UD_, UD_ };
/* EVEX.0F3A 66 66: by EVEX.W */
static const struct x86_node ev_3_66_1[2] = { F_(EVEX_VFPCLASSPS_KGq_Wx_Ib), F_(EVEX_VFPCLASSPD_KGq_Wx_Ib) };
/* EVEX.0F3A 66: by EVEX.pp */
static const struct x86_node ev_3_66[4] = { F_(EVEX_VFPCLASSPH_KGq_Wx_Ib), BY_W(ev_3_66_1), UD_, UD_ };
/* EVEX.0F3A 67 66: by EVEX.W */
static const struct x86_node ev_3_67_1[2] = { F_(EVEX_VFPCLASSSS_KGq_Wd_Ib), F_(EVEX_VFPCLASSSD_KGq_Wq_Ib) };
/* EVEX.0F3A 67: by EVEX.pp */
static const struct x86_node ev_3_67[4] = { F_(EVEX_VFPCLASSSH_KGq_Ww_Ib), BY_W(ev_3_67_1), UD_, UD_ };
/* EVEX.0F3A 70: by EVEX.pp */
static const struct x86_node ev_3_70[4] = { UD_, F_(EVEX_VPSHLDW_Vx_Hx_Wx_Ib), UD_, UD_ };
/* EVEX.0F3A 71 66: by EVEX.W */
static const struct x86_node ev_3_71_1[2] = { F_(EVEX_VPSHLDD_Vx_Hx_Wx_Ib), F_(EVEX_VPSHLDQ_Vx_Hx_Wx_Ib) };
/* EVEX.0F3A 71: by EVEX.pp */
static const struct x86_node ev_3_71[4] = { UD_, BY_W(ev_3_71_1), UD_, UD_ };
/* EVEX.0F3A 72: by EVEX.pp */
static const struct x86_node ev_3_72[4] = { UD_, F_(EVEX_VPSHRDW_Vx_Hx_Wx_Ib), UD_, UD_ };
/* EVEX.0F3A 73 66: by EVEX.W */
static const struct x86_node ev_3_73_1[2] = { F_(EVEX_VPSHRDD_Vx_Hx_Wx_Ib), F_(EVEX_VPSHRDQ_Vx_Hx_Wx_Ib) };
/* EVEX.0F3A 73: by EVEX.pp */
static const struct x86_node ev_3_73[4] = { UD_, BY_W(ev_3_73_1), UD_, UD_ };
/* EVEX.0F3A C2: by EVEX.pp */
static const struct x86_node ev_3_C2[4] = { F_(EVEX_VCMPPH_KGq_Hx_Wx_Ib), UD_, F_(EVEX_VCMPSH_KGq_Hdq_Ww_Ib), UD_ };
/* EVEX.0F3A CE: by EVEX.pp */
static const struct x86_node ev_3_CE[4] = { UD_, F_(EVEX_VGF2P8AFFINEQB_Vx_Hx_Wx_Ib), UD_, UD_ };
/* EVEX.0F3A CF: by EVEX.pp */
static const struct x86_node ev_3_CF[4] = { UD_, F_(EVEX_VGF2P8AFFINEINVQB_Vx_Hx_Wx_Ib), UD_, UD_ };
/* EVEX.map5 10 F3: by ModRM.mod */
static const struct x86_node ev_5_10_2[2] = { F_(EVEX_VMOVSH_Vdq_Mw), F_(EVEX_VMOVSH_Vdq_Hdq_Udq) };
/* EVEX.map5 10: by EVEX.pp */
static const struct x86_node ev_5_10[4] = { UD_, UD_, BY_MOD(ev_5_10_2), UD_ };
/* EVEX.map5 11 F3: by ModRM.mod */
static const struct x86_node ev_5_11_2[2] = { F_(EVEX_VMOVSH_Mw_Vdq), F_(EVEX_VMOVSH_Udq_Hdq_Vdq) };
/* EVEX.map5 11: by EVEX.pp */
static const struct x86_node ev_5_11[4] = { UD_, UD_, BY_MOD(ev_5_11_2), UD_ };
/* EVEX.map5 1D: by EVEX.pp */
static const struct x86_node ev_5_1D[4] = { F_(EVEX_VCVTSS2SH_Vdq_Hdq_Wd), F_(EVEX_VCVTPS2PHX_Vh_Wx), UD_, UD_ };
/* EVEX.map5 2A 32-bit: by EVEX.pp */
static const struct x86_node ev_5_2A_0[4] = { UD_, UD_, F_(EVEX_VCVTSI2SH_Vdq_Hdq_Ed), UD_ };
/* EVEX.map5 2A 64-bit F3: by EVEX.W */
static const struct x86_node ev_5_2A_1_2[2] = { F_(EVEX_VCVTSI2SH_Vdq_Hdq_Ed), F_(EVEX_VCVTSI2SH_Vdq_Hdq_Eq) };
/* EVEX.map5 2A 64-bit: by EVEX.pp */
static const struct x86_node ev_5_2A_1[4] = { UD_, UD_, BY_W(ev_5_2A_1_2), UD_ };
/* EVEX.map5 2A: by mode */
static const struct x86_node ev_5_2A[2] = { BY_PREFIX(ev_5_2A_0), BY_PREFIX(ev_5_2A_1) };
/* EVEX.map5 2C 32-bit: by EVEX.pp */
static const struct x86_node ev_5_2C_0[4] = { UD_, UD_, F_(EVEX_VCVTTSH2SI_Gd_Ww), UD_ };
/* EVEX.map5 2C 64-bit F3: by EVEX.W */
static const struct x86_node ev_5_2C_1_2[2] = { F_(EVEX_VCVTTSH2SI_Gd_Ww), F_(EVEX_VCVTTSH2SI_Gq_Ww) };
/* EVEX.map5 2C 64-bit: by EVEX.pp */
static const struct x86_node ev_5_2C_1[4] = { UD_, UD_, BY_W(ev_5_2C_1_2), UD_ };
/* EVEX.map5 2C: by mode */
static const struct x86_node ev_5_2C[2] = { BY_PREFIX(ev_5_2C_0), BY_PREFIX(ev_5_2C_1) };
/* EVEX.map5 2D 32-bit: by EVEX.pp */
static const struct x86_node ev_5_2D_0[4] = { UD_, UD_, F_(EVEX_VCVTSH2SI_Gd_Ww), UD_ };
/* EVEX.map5 2D 64-bit F3: by EVEX.W */
static const struct x86_node ev_5_2D_1_2[2] = { F_(EVEX_VCVTSH2SI_Gd_Ww), F_(EVEX_VCVTSH2SI_Gq_Ww) };
/* EVEX.map5 2D 64-bit: by EVEX.pp */
static const struct x86_node ev_5_2D_1[4] = { UD_, UD_, BY_W(ev_5_2D_1_2), UD_ };
/* EVEX.map5 2D: by mode */
static const struct x86_node ev_5_2D[2] = { BY_PREFIX(ev_5_2D_0), BY_PREFIX(ev_5_2D_1) };
/* EVEX.map5 2E: by EVEX.pp */
static const struct x86_node ev_5_2E[4] = { F_(EVEX_VUCOMISH_Vdq_Ww), UD_, UD_, UD_ };
/* EVEX.map5 2F: by EVEX.pp */
static const struct x86_node ev_5_2F[4] = { F_(EVEX_VCOMISH_Vdq_Ww), UD_, UD_, UD_ };
/* EVEX.map5 51: by EVEX.pp */
static const struct x86_node ev_5_51[4] = { F_(EVEX_VSQRTPH_Vx_Wx), UD_, F_(EVEX_VSQRTSH_Vdq_Hdq_Ww), UD_ };
/* EVEX.map5 58: by EVEX.pp */
static const struct x86_node ev_5_58[4] = { F_(EVEX_VADDPH_Vx_Hx_Wx), UD_, F_(EVEX_VADDSH_Vdq_Hdq_Ww), UD_ };
/* EVEX.map5 59: by EVEX.pp */
static const struct x86_node ev_5_59[4] = { F_(EVEX_VMULPH_Vx_Hx_Wx), UD_, F_(EVEX_VMULSH_Vdq_Hdq_Ww), UD_ };
/* EVEX.map5 5A: by EVEX.pp */
static const struct x86_node ev_5_5A[4] = { F_(EVEX_VCVTPH2PD_Vx_Wqt), F_(EVEX_VCVTPD2PH_Vqt_Wx), F_(EVEX_VCVTSH2SD_Vdq_Hdq_Ww), F_(EVEX_VCVTSD2SH_Vdq_Hdq_Wq) };
/* EVEX.map5 5B np: by EVEX.W */
static const struct x86_node ev_5_5B_0[2] = { F_(EVEX_VCVTDQ2PH_Vh_Wx), F_(EVEX_VCVTQQ2PH_Vqt_Wx) };
/* EVEX.map5 5B: by EVEX.pp */
static const struct x86_node ev_5_5B[4] = { BY_W(ev_5_5B_0), F_(EVEX_VCVTPH2DQ_Vx_Wh), F_(EVEX_VCVTTPH2DQ_Vx_Wh), UD_ };
/* EVEX.map5 5C: by EVEX.pp */
static const struct x86_node ev_5_5C[4] = { F_(EVEX_VSUBPH_Vx_Hx_Wx), UD_, F_(EVEX_VSUBSH_Vdq_Hdq_Ww), UD_ };
/* EVEX.map5 5D: by EVEX.pp */
static const struct x86_node ev_5_5D[4] = { F_(EVEX_VMINPH_Vx_Hx_Wx), UD_, F_(EVEX_VMINSH_Vdq_Hdq_Ww), UD_ };
/* EVEX.map5 5E: by EVEX.pp */
static const struct x86_node ev_5_5E[4] = { F_(EVEX_VDIVPH_Vx_Hx_Wx), UD_, F_(EVEX_VDIVSH_Vdq_Hdq_Ww), UD_ };
/* EVEX.map5 5F: by EVEX.pp */
static const struct x86_node ev_5_5F[4] = { F_(EVEX_VMAXPH_Vx_Hx_Wx), UD_, F_(EVEX_VMAXSH_Vdq_Hdq_Ww), UD_ };
/* EVEX.map5 6E 66: by ModRM.mod */
static const struct x86_node ev_5_6E_1[2] = { F_(EVEX_VMOVW_Vdq_Mw), F_(EVEX_VMOVW_Vdq_Rd) };
/* EVEX.map5 6E: by EVEX.pp */
static const struct x86_node ev_5_6E[4] = { UD_, BY_MOD(ev_5_6E_1), UD_, UD_ };
/* EVEX.map5 78 32-bit: by EVEX.pp */
static const struct x86_node ev_5_78_0[4] = { F_(EVEX_VCVTTPH2UDQ_Vx_Wh), F_(EVEX_VCVTTPH2UQQ_Vx_Wqt), F_(EVEX_VCVTTSH2USI_Gd_Ww), UD_ };
/* EVEX.map5 78 64-bit F3: by EVEX.W */
static const struct x86_node ev_5_78_1_2[2] = { F_(EVEX_VCVTTSH2USI_Gd_Ww), F_(EVEX_VCVTTSH2USI_Gq_Ww) };
/* EVEX.map5 78 64-bit: by EVEX.pp */
static const struct x86_node ev_5_78_1[4] = { F_(EVEX_VCVTTPH2UDQ_Vx_Wh), F_(EVEX_VCVTTPH2UQQ_Vx_Wqt), BY_W(ev_5_78_1_2), UD_ };
/* EVEX.map5 78: by mode */
static const struct x86_node ev_5_78[2] = { BY_PREFIX(ev_5_78_0), BY_PREFIX(ev_5_78_1) };
/* EVEX.map5 79 32-bit: by EVEX.pp */
static const struct x86_node ev_5_79_0[4] = { F_(EVEX_VCVTPH2UDQ_Vx_Wh), F_(EVEX_VCVTPH2UQQ_Vx_Wqt), F_(EVEX_VCVTSH2USI_Gd_Ww), UD_ };
/* EVEX.map5 79 64-bit F3: by EVEX.W */
static const struct x86_node ev_5_79_1_2[2] = { F_(EVEX_VCVTSH2USI_Gd_Ww), F_(EVEX_VCVTSH2USI_Gq_Ww) };
/* EVEX.map5 79 64-bit: by EVEX.pp */
static const struct x86_node ev_5_79_1[4] = { F_(EVEX_VCVTPH2UDQ_Vx_Wh), F_(EVEX_VCVTPH2UQQ_Vx_Wqt), BY_W(ev_5_79_1_2), UD_ };
/* EVEX.map5 79: by mode */
static const struct x86_node ev_5_79[2] = { BY_PREFIX(ev_5_79_0), BY_PREFIX(ev_5_79_1) };
/* EVEX.map5 7A F2: by EVEX.W */
static const struct x86_node ev_5_7A_3[2] = { F_(EVEX_VCVTUDQ2PH_Vh_Wx), F_(EVEX_VCVTUQQ2PH_Vqt_Wx) };
/* EVEX.map5 7A: by EVEX.pp */
static const struct x86_node ev_5_7A[4] = { UD_, F_(EVEX_VCVTTPH2QQ_Vx_Wqt), UD_, BY_W(ev_5_7A_3) };
/* EVEX.map5 7B 32-bit: by EVEX.pp */
static const struct x86_node ev_5_7B_0[4] = { UD_, F_(EVEX_VCVTPH2QQ_Vx_Wqt), F_(EVEX_VCVTUSI2SH_Vdq_Hdq_Ed), UD_ };
/* EVEX.map5 7B 64-bit F3: by EVEX.W */
static const struct x86_node ev_5_7B_1_2[2] = { F_(EVEX_VCVTUSI2SH_Vdq_Hdq_Ed), F_(EVEX_VCVTUSI2SH_Vdq_Hdq_Eq) };
/* EVEX.map5 7B 64-bit: by EVEX.pp */
static const struct x86_node ev_5_7B_1[4] = { UD_, F_(EVEX_VCVTPH2QQ_Vx_Wqt), BY_W(ev_5_7B_1_2), UD_ };
/* EVEX.map5 7B: by mode */
static const struct x86_node ev_5_7B[2] = { BY_PREFIX(ev_5_7B_0), BY_PREFIX(ev_5_7B_1) };
/* EVEX.map5 7C: by EVEX.pp */
static const struct x86_node ev_5_7C[4] = { F_(EVEX_VCVTTPH2UW_Vx_Wx), F_(EVEX_VCVTTPH2W_Vx_Wx), UD_, UD_ };
/* EVEX.map5 7D: by EVEX.pp */
static const struct x86_node ev_5_7D[4] = { F_(EVEX_VCVTPH2UW_Vx_Wx), F_(EVEX_VCVTPH2W_Vx_Wx), F_(EVEX_VCVTW2PH_Vx_Wx), F_(EVEX_VCVTUW2PH_Vx_Wx) };
/* EVEX.map5 7E 66: by ModRM.mod */
static const struct x86_node ev_5_7E_1[2] = { F_(EVEX_VMOVW_Mw_Vdq), F_(EVEX_VMOVW_Rd_Vdq) };
/* EVEX.map5 7E: by EVEX.pp */
static const struct x86_node ev_5_7E[4] = { UD_, BY_MOD(ev_5_7E_1), UD_, UD_ };
/* EVEX.map6 13: by EVEX.pp */
static const struct x86_node ev_6_13[4] = { F_(EVEX_VCVTSH2SS_Vdq_Hdq_Ww), F_(EVEX_VCVTPH2PSX_Vx_Wh), UD_, UD_ };
/* EVEX.map6 2C: by EVEX.pp */
static const struct x86_node ev_6_2C[4] = { UD_, F_(EVEX_VSCALEFPH_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.map6 2D: by EVEX.pp */
static const struct x86_node ev_6_2D[4] = { UD_, F_(EVEX_VSCALEFSH_Vdq_Hdq_Ww), UD_, UD_ };
/* EVEX.map6 42: by EVEX.pp */
static const struct x86_node ev_6_42[4] = { UD_, F_(EVEX_VGETEXPPH_Vx_Wx), UD_, UD_ };
/* EVEX.map6 43: by EVEX.pp */
static const struct x86_node ev_6_43[4] = { UD_, F_(EVEX_VGETEXPSH_Vdq_Hdq_Ww), UD_, UD_ };
/* EVEX.map6 4C: by EVEX.pp */
static const struct x86_node ev_6_4C[4] = { UD_, F_(EVEX_VRCPPH_Vx_Wx), UD_, UD_ };
/* EVEX.map6 4D: by EVEX.pp */
static const struct x86_node ev_6_4D[4] = { UD_, F_(EVEX_VRCPSH_Vdq_Hdq_Ww), UD_, UD_ };
/* EVEX.map6 4E: by EVEX.pp */
static const struct x86_node ev_6_4E[4] = { UD_, F_(EVEX_VRSQRTPH_Vx_Wx), UD_, UD_ };
/* EVEX.map6 4F: by EVEX.pp */
static const struct x86_node ev_6_4F[4] = { UD_, F_(EVEX_VRSQRTSH_Vdq_Hdq_Ww), UD_, UD_ };
/* EVEX.map6 56: by EVEX.pp */
static const struct x86_node ev_6_56[4] = { UD_, UD_, F_(EVEX_VFMADDCPH_Vx_Hx_Wx), F_(EVEX_VFCMADDCPH_Vx_Hx_Wx) };
/* EVEX.map6 57: by EVEX.pp */
static const struct x86_node ev_6_57[4] = { UD_, UD_, F_(EVEX_VFMADDCSH_Vdq_Hdq_Wd), F_(EVEX_VFCMADDCSH_Vdq_Hdq_Wd) };
/* EVEX.map6 96: by EVEX.pp */
static const struct x86_node ev_6_96[4] = { UD_, F_(EVEX_VFMADDSUB132PH_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.map6 97: by EVEX.pp */
static const struct x86_node ev_6_97[4] = { UD_, F_(EVEX_VFMSUBADD132PH_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.map6 98: by EVEX.pp */
static const struct x86_node ev_6_98[4] = { UD_, F_(EVEX_VFMADD132PH_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.map6 99: by EVEX.pp */
static const struct x86_node ev_6_99[4] = { UD_, F_(EVEX_VFMADD132SH_Vdq_Hdq_Ww), UD_, UD_ };
/* EVEX.map6 9A: by EVEX.pp */
static const struct x86_node ev_6_9A[4] = { UD_, F_(EVEX_VFMSUB132PH_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.map6 9B: by EVEX.pp */
static const struct x86_node ev_6_9B[4] = { UD_, F_(EVEX_VFMSUB132SH_Vdq_Hdq_Ww), UD_, UD_ };
/* EVEX.map6 9C: by EVEX.pp */
static const struct x86_node ev_6_9C[4] = { UD_, F_(EVEX_VFNMADD132PH_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.map6 9D: by EVEX.pp */
static const struct x86_node ev_6_9D[4] = { UD_, F_(EVEX_VFNMADD132SH_Vdq_Hdq_Ww), UD_, UD_ };
/* EVEX.map6 9E: by EVEX.pp */
static const struct x86_node ev_6_9E[4] = { UD_, F_(EVEX_VFNMSUB132PH_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.map6 9F: by EVEX.pp */
static const struct x86_node ev_6_9F[4] = { UD_, F_(EVEX_VFNMSUB132SH_Vdq_Hdq_Ww), UD_, UD_ };
/* EVEX.map6 A6: by EVEX.pp */
static const struct x86_node ev_6_A6[4] = { UD_, F_(EVEX_VFMADDSUB213PH_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.map6 A7: by EVEX.pp */
static const struct x86_node ev_6_A7[4] = { UD_, F_(EVEX_VFMSUBADD213PH_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.map6 A8: by EVEX.pp */
static const struct x86_node ev_6_A8[4] = { UD_, F_(EVEX_VFMADD213PH_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.map6 A9: by EVEX.pp */
static const struct x86_node ev_6_A9[4] = { UD_, F_(EVEX_VFMADD213SH_Vdq_Hdq_Ww), UD_, UD_ };
/* EVEX.map6 AA: by EVEX.pp */
static const struct x86_node ev_6_AA[4] = { UD_, F_(EVEX_VFMSUB213PH_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.map6 AB: by EVEX.pp */
static const struct x86_node ev_6_AB[4] = { UD_, F_(EVEX_VFMSUB213SH_Vdq_Hdq_Ww), UD_, UD_ };
/* EVEX.map6 AC: by EVEX.pp */
static const struct x86_node ev_6_AC[4] = { UD_, F_(EVEX_VFNMADD213PH_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.map6 AD: by EVEX.pp */
static const struct x86_node ev_6_AD[4] = { UD_, F_(EVEX_VFNMADD213SH_Vdq_Hdq_Ww), UD_, UD_ };
/* EVEX.map6 AE: by EVEX.pp */
static const struct x86_node ev_6_AE[4] = { UD_, F_(EVEX_VFNMSUB213PH_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.map6 AF: by EVEX.pp */
static const struct x86_node ev_6_AF[4] = { UD_, F_(EVEX_VFNMSUB213SH_Vdq_Hdq_Ww), UD_, UD_ };
/* EVEX.map6 B6: by EVEX.pp */
static const struct x86_node ev_6_B6[4] = { UD_, F_(EVEX_VFMADDSUB231PH_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.map6 B7: by EVEX.pp */
static const struct x86_node ev_6_B7[4] = { UD_, F_(EVEX_VFMSUBADD231PH_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.map6 B8: by EVEX.pp */
static const struct x86_node ev_6_B8[4] = { UD_, F_(EVEX_VFMADD231PH_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.map6 B9: by EVEX.pp */
static const struct x86_node ev_6_B9[4] = { UD_, F_(EVEX_VFMADD231SH_Vdq_Hdq_Ww), UD_, UD_ };
/* EVEX.map6 BA: by EVEX.pp */
static const struct x86_node ev_6_BA[4] = { UD_, F_(EVEX_VFMSUB231PH_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.map6 BB: by EVEX.pp */
static const struct x86_node ev_6_BB[4] = { UD_, F_(EVEX_VFMSUB231SH_Vdq_Hdq_Ww), UD_, UD_ };
/* EVEX.map6 BC: by EVEX.pp */
static const struct x86_node ev_6_BC[4] = { UD_, F_(EVEX_VFNMADD231PH_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.map6 BD: by EVEX.pp */
static const struct x86_node ev_6_BD[4] = { UD_, F_(EVEX_VFNMADD231SH_Vdq_Hdq_Ww), UD_, UD_ };
/* EVEX.map6 BE: by EVEX.pp */
static const struct x86_node ev_6_BE[4] = { UD_, F_(EVEX_VFNMSUB231PH_Vx_Hx_Wx), UD_, UD_ };
/* EVEX.map6 BF: by EVEX.pp */
static const struct x86_node ev_6_BF[4] = { UD_, F_(EVEX_VFNMSUB231SH_Vdq_Hdq_Ww), UD_, UD_ };
/* EVEX.map6 D6: by EVEX.pp */
static const struct x86_node ev_6_D6[4] = { UD_, UD_, F_(EVEX_VFMULCPH_Vx_Hx_Wx), F_(EVEX_VFCMULCPH_Vx_Hx_Wx) };
/* EVEX.map6 D7: by EVEX.pp */
static const struct x86_node ev_6_D7[4] = { UD_, UD_, F_(EVEX_VFMULCSH_Vdq_Hdq_Wd), F_(EVEX_VFCMULCSH_Vdq_Hdq_Wd) };

const struct x86_node x86_map_evex[8][256] = {
	[1][0x10] = BY_PREFIX(ev_1_10), /* vmovups vmovupd vmovss vmovsd */
	[1][0x11] = BY_PREFIX(ev_1_11), /* vmovups vmovupd vmovss vmovsd */
	[1][0x12] = BY_PREFIX(ev_1_12), /* vmovlps vmovhlps vmovlpd vmovsldup vmovddup */
	[1][0x13] = BY_PREFIX(ev_1_13), /* vmovlps vmovlpd */
	[1][0x14] = BY_PREFIX(ev_1_14), /* vunpcklps vunpcklpd */
	[1][0x15] = BY_PREFIX(ev_1_15), /* vunpckhps vunpckhpd */
	[1][0x16] = BY_PREFIX(ev_1_16), /* vmovhps vmovlhps vmovhpd vmovshdup */
	[1][0x17] = BY_PREFIX(ev_1_17), /* vmovhps vmovhpd */
	[1][0x28] = BY_PREFIX(ev_1_28), /* vmovaps vmovapd */
	[1][0x29] = BY_PREFIX(ev_1_29), /* vmovaps vmovapd */
	[1][0x2A] = BY_MODE64(ev_1_2A), /* vcvtsi2ss vcvtsi2sd */
	[1][0x2B] = BY_PREFIX(ev_1_2B), /* vmovntps vmovntpd */
	[1][0x2C] = BY_MODE64(ev_1_2C), /* vcvttss2si vcvttsd2si */
	[1][0x2D] = BY_MODE64(ev_1_2D), /* vcvtss2si vcvtsd2si */
	[1][0x2E] = BY_PREFIX(ev_1_2E), /* vucomiss vucomisd */
	[1][0x2F] = BY_PREFIX(ev_1_2F), /* vcomiss vcomisd */
	[1][0x51] = BY_PREFIX(ev_1_51), /* vsqrtps vsqrtpd vsqrtss vsqrtsd */
	[1][0x54] = BY_PREFIX(ev_1_54), /* vandps vandpd */
	[1][0x55] = BY_PREFIX(ev_1_55), /* vandnps vandnpd */
	[1][0x56] = BY_PREFIX(ev_1_56), /* vorps vorpd */
	[1][0x57] = BY_PREFIX(ev_1_57), /* vxorps vxorpd */
	[1][0x58] = BY_PREFIX(ev_1_58), /* vaddps vaddpd vaddss vaddsd */
	[1][0x59] = BY_PREFIX(ev_1_59), /* vmulps vmulpd vmulss vmulsd */
	[1][0x5A] = BY_PREFIX(ev_1_5A), /* vcvtps2pd vcvtpd2ps vcvtss2sd vcvtsd2ss */
	[1][0x5B] = BY_PREFIX(ev_1_5B), /* vcvtdq2ps vcvtqq2ps vcvtps2dq vcvttps2dq */
	[1][0x5C] = BY_PREFIX(ev_1_5C), /* vsubps vsubpd vsubss vsubsd */
	[1][0x5D] = BY_PREFIX(ev_1_5D), /* vminps vminpd vminss vminsd */
	[1][0x5E] = BY_PREFIX(ev_1_5E), /* vdivps vdivpd vdivss vdivsd */
	[1][0x5F] = BY_PREFIX(ev_1_5F), /* vmaxps vmaxpd vmaxss vmaxsd */
	[1][0x60] = BY_PREFIX(ev_1_60), /* vpunpcklbw */
	[1][0x61] = BY_PREFIX(ev_1_61), /* vpunpcklwd */
	[1][0x62] = BY_PREFIX(ev_1_62), /* vpunpckldq */
	[1][0x63] = BY_PREFIX(ev_1_63), /* vpacksswb */
	[1][0x64] = BY_PREFIX(ev_1_64), /* vpcmpgtb */
	[1][0x65] = BY_PREFIX(ev_1_65), /* vpcmpgtw */
	[1][0x66] = BY_PREFIX(ev_1_66), /* vpcmpgtd */
	[1][0x67] = BY_PREFIX(ev_1_67), /* vpackuswb */
	[1][0x68] = BY_PREFIX(ev_1_68), /* vpunpckhbw */
	[1][0x69] = BY_PREFIX(ev_1_69), /* vpunpckhwd */
	[1][0x6A] = BY_PREFIX(ev_1_6A), /* vpunpckhdq */
	[1][0x6B] = BY_PREFIX(ev_1_6B), /* vpackssdw */
	[1][0x6C] = BY_PREFIX(ev_1_6C), /* vpunpcklqdq */
	[1][0x6D] = BY_PREFIX(ev_1_6D), /* vpunpckhqdq */
	[1][0x6E] = BY_MODE64(ev_1_6E), /* vmovd vmovq */
	[1][0x6F] = BY_PREFIX(ev_1_6F), /* vmovdqa32 vmovdqa64 vmovdqu32 vmovdqu64 vmovdqu8 vmovdqu16 */
	[1][0x70] = BY_PREFIX(ev_1_70), /* vpshufd vpshufhw vpshuflw */
	[1][0x71] = BY_PREFIX(ev_1_71), /* vpsrlw vpsraw vpsllw */
	[1][0x72] = BY_PREFIX(ev_1_72), /* vprord vprold vpsrld vpsrad vpslld vprorq vprolq vpsraq */
	[1][0x73] = BY_PREFIX(ev_1_73), /* vpsrldq vpslldq vpsrlq vpsllq */
	[1][0x74] = BY_PREFIX(ev_1_74), /* vpcmpeqb */
	[1][0x75] = BY_PREFIX(ev_1_75), /* vpcmpeqw */
	[1][0x76] = BY_PREFIX(ev_1_76), /* vpcmpeqd */
	[1][0x78] = BY_MODE64(ev_1_78), /* vcvttps2udq vcvttpd2udq vcvttps2uqq vcvttpd2uqq vcvttss2usi vcvttsd2usi */
	[1][0x79] = BY_MODE64(ev_1_79), /* vcvtps2udq vcvtpd2udq vcvtps2uqq vcvtpd2uqq vcvtss2usi vcvtsd2usi */
	[1][0x7A] = BY_PREFIX(ev_1_7A), /* vcvttps2qq vcvttpd2qq vcvtudq2pd vcvtuqq2pd vcvtudq2ps vcvtuqq2ps */
	[1][0x7B] = BY_MODE64(ev_1_7B), /* vcvtps2qq vcvtpd2qq vcvtusi2ss vcvtusi2sd */
	[1][0x7E] = BY_MODE64(ev_1_7E), /* vmovd vmovq */
	[1][0x7F] = BY_PREFIX(ev_1_7F), /* vmovdqa32 vmovdqa64 vmovdqu32 vmovdqu64 vmovdqu8 vmovdqu16 */
	[1][0xC2] = BY_PREFIX(ev_1_C2), /* vcmpps vcmppd vcmpss vcmpsd */
	[1][0xC4] = BY_PREFIX(ev_1_C4), /* vpinsrw */
	[1][0xC5] = BY_PREFIX(ev_1_C5), /* vpextrw */
	[1][0xC6] = BY_PREFIX(ev_1_C6), /* vshufps vshufpd */
	[1][0xD1] = BY_PREFIX(ev_1_D1), /* vpsrlw */
	[1][0xD2] = BY_PREFIX(ev_1_D2), /* vpsrld */
	[1][0xD3] = BY_PREFIX(ev_1_D3), /* vpsrlq */
	[1][0xD4] = BY_PREFIX(ev_1_D4), /* vpaddq */
	[1][0xD5] = BY_PREFIX(ev_1_D5), /* vpmullw */
	[1][0xD6] = BY_PREFIX(ev_1_D6), /* vmovq */
	[1][0xD8] = BY_PREFIX(ev_1_D8), /* vpsubusb */
	[1][0xD9] = BY_PREFIX(ev_1_D9), /* vpsubusw */
	[1][0xDA] = BY_PREFIX(ev_1_DA), /* vpminub */
	[1][0xDB] = BY_PREFIX(ev_1_DB), /* vpandd vpandq */
	[1][0xDC] = BY_PREFIX(ev_1_DC), /* vpaddusb */
	[1][0xDD] = BY_PREFIX(ev_1_DD), /* vpaddusw */
	[1][0xDE] = BY_PREFIX(ev_1_DE), /* vpmaxub */
	[1][0xDF] = BY_PREFIX(ev_1_DF), /* vpandnd vpandnq */
	[1][0xE0] = BY_PREFIX(ev_1_E0), /* vpavgb */
	[1][0xE1] = BY_PREFIX(ev_1_E1), /* vpsraw */
	[1][0xE2] = BY_PREFIX(ev_1_E2), /* vpsrad vpsraq */
	[1][0xE3] = BY_PREFIX(ev_1_E3), /* vpavgw */
	[1][0xE4] = BY_PREFIX(ev_1_E4), /* vpmulhuw */
	[1][0xE5] = BY_PREFIX(ev_1_E5), /* vpmulhw */
	[1][0xE6] = BY_PREFIX(ev_1_E6), /* vcvttpd2dq vcvtdq2pd vcvtqq2pd vcvtpd2dq */
	[1][0xE7] = BY_PREFIX(ev_1_E7), /* vmovntdq */
	[1][0xE8] = BY_PREFIX(ev_1_E8), /* vpsubsb */
	[1][0xE9] = BY_PREFIX(ev_1_E9), /* vpsubsw */
	[1][0xEA] = BY_PREFIX(ev_1_EA), /* vpminsw */
	[1][0xEB] = BY_PREFIX(ev_1_EB), /* vpord vporq */
	[1][0xEC] = BY_PREFIX(ev_1_EC), /* vpaddsb */
	[1][0xED] = BY_PREFIX(ev_1_ED), /* vpaddsw */
	[1][0xEE] = BY_PREFIX(ev_1_EE), /* vpmaxsw */
	[1][0xEF] = BY_PREFIX(ev_1_EF), /* vpxord vpxorq */
	[1][0xF1] = BY_PREFIX(ev_1_F1), /* vpsllw */
	[1][0xF2] = BY_PREFIX(ev_1_F2), /* vpslld */
	[1][0xF3] = BY_PREFIX(ev_1_F3), /* vpsllq */
	[1][0xF4] = BY_PREFIX(ev_1_F4), /* vpmuludq */
	[1][0xF5] = BY_PREFIX(ev_1_F5), /* vpmaddwd */
	[1][0xF6] = BY_PREFIX(ev_1_F6), /* vpsadbw */
	[1][0xF8] = BY_PREFIX(ev_1_F8), /* vpsubb */
	[1][0xF9] = BY_PREFIX(ev_1_F9), /* vpsubw */
	[1][0xFA] = BY_PREFIX(ev_1_FA), /* vpsubd */
	[1][0xFB] = BY_PREFIX(ev_1_FB), /* vpsubq */
	[1][0xFC] = BY_PREFIX(ev_1_FC), /* vpaddb */
	[1][0xFD] = BY_PREFIX(ev_1_FD), /* vpaddw */
	[1][0xFE] = BY_PREFIX(ev_1_FE), /* vpaddd */
	[2][0x00] = BY_PREFIX(ev_2_00), /* vpshufb */
	[2][0x04] = BY_PREFIX(ev_2_04), /* vpmaddubsw */
	[2][0x0B] = BY_PREFIX(ev_2_0B), /* vpmulhrsw */
	[2][0x0C] = BY_PREFIX(ev_2_0C), /* vpermilps */
	[2][0x0D] = BY_PREFIX(ev_2_0D), /* vpermilpd */
	[2][0x10] = BY_PREFIX(ev_2_10), /* vpsrlvw vpmovuswb */
	[2][0x11] = BY_PREFIX(ev_2_11), /* vpsravw vpmovusdb */
	[2][0x12] = BY_PREFIX(ev_2_12), /* vpsllvw vpmovusqb */
	[2][0x13] = BY_PREFIX(ev_2_13), /* vcvtph2ps vpmovusdw */
	[2][0x14] = BY_PREFIX(ev_2_14), /* vprorvd vprorvq vpmovusqw */
	[2][0x15] = BY_PREFIX(ev_2_15), /* vprolvd vprolvq vpmovusqd */
	[2][0x16] = BY_PREFIX(ev_2_16), /* vpermps vpermpd */
	[2][0x18] = BY_PREFIX(ev_2_18), /* vbroadcastss */
	[2][0x19] = BY_PREFIX(ev_2_19), /* vbroadcastf32x2 vbroadcastsd */
	[2][0x1A] = BY_PREFIX(ev_2_1A), /* vbroadcastf32x4 vbroadcastf64x2 */
	[2][0x1B] = BY_PREFIX(ev_2_1B), /* vbroadcastf32x8 vbroadcastf64x4 */
	[2][0x1C] = BY_PREFIX(ev_2_1C), /* vpabsb */
	[2][0x1D] = BY_PREFIX(ev_2_1D), /* vpabsw */
	[2][0x1E] = BY_PREFIX(ev_2_1E), /* vpabsd */
	[2][0x1F] = BY_PREFIX(ev_2_1F), /* vpabsq */
	[2][0x20] = BY_PREFIX(ev_2_20), /* vpmovsxbw vpmovswb */
	[2][0x21] = BY_PREFIX(ev_2_21), /* vpmovsxbd vpmovsdb */
	[2][0x22] = BY_PREFIX(ev_2_22), /* vpmovsxbq vpmovsqb */
	[2][0x23] = BY_PREFIX(ev_2_23), /* vpmovsxwd vpmovsdw */
	[2][0x24] = BY_PREFIX(ev_2_24), /* vpmovsxwq vpmovsqw */
	[2][0x25] = BY_PREFIX(ev_2_25), /* vpmovsxdq vpmovsqd */
	[2][0x26] = BY_PREFIX(ev_2_26), /* vptestmb vptestmw vptestnmb vptestnmw */
	[2][0x27] = BY_PREFIX(ev_2_27), /* vptestmd vptestmq vptestnmd vptestnmq */
	[2][0x28] = BY_PREFIX(ev_2_28), /* vpmuldq vpmovm2b vpmovm2w */
	[2][0x29] = BY_PREFIX(ev_2_29), /* vpcmpeqq vpmovb2m vpmovw2m */
	[2][0x2A] = BY_PREFIX(ev_2_2A), /* vmovntdqa vpbroadcastmb2q */
	[2][0x2B] = BY_PREFIX(ev_2_2B), /* vpackusdw */
	[2][0x2C] = BY_PREFIX(ev_2_2C), /* vscalefps vscalefpd */
	[2][0x2D] = BY_PREFIX(ev_2_2D), /* vscalefss vscalefsd */
	[2][0x30] = BY_PREFIX(ev_2_30), /* vpmovzxbw vpmovwb */
	[2][0x31] = BY_PREFIX(ev_2_31), /* vpmovzxbd vpmovdb */
	[2][0x32] = BY_PREFIX(ev_2_32), /* vpmovzxbq vpmovqb */
	[2][0x33] = BY_PREFIX(ev_2_33), /* vpmovzxwd vpmovdw */
	[2][0x34] = BY_PREFIX(ev_2_34), /* vpmovzxwq vpmovqw */
	[2][0x35] = BY_PREFIX(ev_2_35), /* vpmovzxdq vpmovqd */
	[2][0x36] = BY_PREFIX(ev_2_36), /* vpermd vpermq */
	[2][0x37] = BY_PREFIX(ev_2_37), /* vpcmpgtq */
	[2][0x38] = BY_PREFIX(ev_2_38), /* vpminsb vpmovm2d vpmovm2q */
	[2][0x39] = BY_PREFIX(ev_2_39), /* vpminsd vpminsq vpmovd2m vpmovq2m */
	[2][0x3A] = BY_PREFIX(ev_2_3A), /* vpminuw vpbroadcastmw2d */
	[2][0x3B] = BY_PREFIX(ev_2_3B), /* vpminud vpminuq */
	[2][0x3C] = BY_PREFIX(ev_2_3C), /* vpmaxsb */
	[2][0x3D] = BY_PREFIX(ev_2_3D), /* vpmaxsd vpmaxsq */
	[2][0x3E] = BY_PREFIX(ev_2_3E), /* vpmaxuw */
	[2][0x3F] = BY_PREFIX(ev_2_3F), /* vpmaxud vpmaxuq */
	[2][0x40] = BY_PREFIX(ev_2_40), /* vpmulld vpmullq */
	[2][0x42] = BY_PREFIX(ev_2_42), /* vgetexpps vgetexppd */
	[2][0x43] = BY_PREFIX(ev_2_43), /* vgetexpss vgetexpsd */
	[2][0x44] = BY_PREFIX(ev_2_44), /* vplzcntd vplzcntq */
	[2][0x45] = BY_PREFIX(ev_2_45), /* vpsrlvd vpsrlvq */
	[2][0x46] = BY_PREFIX(ev_2_46), /* vpsravd vpsravq */
	[2][0x47] = BY_PREFIX(ev_2_47), /* vpsllvd vpsllvq */
	[2][0x4C] = BY_PREFIX(ev_2_4C), /* vrcp14ps vrcp14pd */
	[2][0x4D] = BY_PREFIX(ev_2_4D), /* vrcp14ss vrcp14sd */
	[2][0x4E] = BY_PREFIX(ev_2_4E), /* vrsqrt14ps vrsqrt14pd */
	[2][0x4F] = BY_PREFIX(ev_2_4F), /* vrsqrt14ss vrsqrt14sd */
	[2][0x50] = BY_PREFIX(ev_2_50), /* vpdpbusd */
	[2][0x51] = BY_PREFIX(ev_2_51), /* vpdpbusds */
	[2][0x52] = BY_PREFIX(ev_2_52), /* vpdpwssd vdpbf16ps vp4dpwssd */
	[2][0x53] = BY_PREFIX(ev_2_53), /* vpdpwssds vp4dpwssds */
	[2][0x54] = BY_PREFIX(ev_2_54), /* vpopcntb vpopcntw */
	[2][0x55] = BY_PREFIX(ev_2_55), /* vpopcntd vpopcntq */
	[2][0x58] = BY_PREFIX(ev_2_58), /* vpbroadcastd */
	[2][0x59] = BY_PREFIX(ev_2_59), /* vbroadcasti32x2 vpbroadcastq */
	[2][0x5A] = BY_PREFIX(ev_2_5A), /* vbroadcasti32x4 vbroadcasti64x2 */
	[2][0x5B] = BY_PREFIX(ev_2_5B), /* vbroadcasti32x8 vbroadcasti64x4 */
	[2][0x62] = BY_PREFIX(ev_2_62), /* vpexpandb vpexpandw */
	[2][0x63] = BY_PREFIX(ev_2_63), /* vpcompressb vpcompressw */
	[2][0x64] = BY_PREFIX(ev_2_64), /* vpblendmd vpblendmq */
	[2][0x65] = BY_PREFIX(ev_2_65), /* vblendmps vblendmpd */
	[2][0x66] = BY_PREFIX(ev_2_66), /* vpblendmb vpblendmw */
	[2][0x68] = BY_PREFIX(ev_2_68), /* vp2intersectd vp2intersectq */
	[2][0x70] = BY_PREFIX(ev_2_70), /* vpshldvw */
	[2][0x71] = BY_PREFIX(ev_2_71), /* vpshldvd vpshldvq */
	[2][0x72] = BY_PREFIX(ev_2_72), /* vpshrdvw vcvtneps2bf16 vcvtne2ps2bf16 */
	[2][0x73] = BY_PREFIX(ev_2_73), /* vpshrdvd vpshrdvq */
	[2][0x75] = BY_PREFIX(ev_2_75), /* vpermi2b vpermi2w */
	[2][0x76] = BY_PREFIX(ev_2_76), /* vpermi2d vpermi2q */
	[2][0x77] = BY_PREFIX(ev_2_77), /* vpermi2ps vpermi2pd */
	[2][0x78] = BY_PREFIX(ev_2_78), /* vpbroadcastb */
	[2][0x79] = BY_PREFIX(ev_2_79), /* vpbroadcastw */
	[2][0x7A] = BY_PREFIX(ev_2_7A), /* vpbroadcastb */
	[2][0x7B] = BY_PREFIX(ev_2_7B), /* vpbroadcastw */
	[2][0x7C] = BY_MODE64(ev_2_7C), /* vpbroadcastd vpbroadcastq */
	[2][0x7D] = BY_PREFIX(ev_2_7D), /* vpermt2b vpermt2w */
	[2][0x7E] = BY_PREFIX(ev_2_7E), /* vpermt2d vpermt2q */
	[2][0x7F] = BY_PREFIX(ev_2_7F), /* vpermt2ps vpermt2pd */
	[2][0x83] = BY_PREFIX(ev_2_83), /* vpmultishiftqb */
	[2][0x88] = BY_PREFIX(ev_2_88), /* vexpandps vexpandpd */
	[2][0x89] = BY_PREFIX(ev_2_89), /* vpexpandd vpexpandq */
	[2][0x8A] = BY_PREFIX(ev_2_8A), /* vcompressps vcompresspd */
	[2][0x8B] = BY_PREFIX(ev_2_8B), /* vpcompressd vpcompressq */
	[2][0x8D] = BY_PREFIX(ev_2_8D), /* vpermb vpermw */
	[2][0x8F] = BY_PREFIX(ev_2_8F), /* vpshufbitqmb */
	[2][0x90] = BY_PREFIX(ev_2_90), /* vpgatherdd vpgatherdq */
	[2][0x91] = BY_PREFIX(ev_2_91), /* vpgatherqd vpgatherqq */
	[2][0x92] = BY_PREFIX(ev_2_92), /* vgatherdps vgatherdpd */
	[2][0x93] = BY_PREFIX(ev_2_93), /* vgatherqps vgatherqpd */
	[2][0x96] = BY_PREFIX(ev_2_96), /* vfmaddsub132ps vfmaddsub132pd */
	[2][0x97] = BY_PREFIX(ev_2_97), /* vfmsubadd132ps vfmsubadd132pd */
	[2][0x98] = BY_PREFIX(ev_2_98), /* vfmadd132ps vfmadd132pd */
	[2][0x99] = BY_PREFIX(ev_2_99), /* vfmadd132ss vfmadd132sd */
	[2][0x9A] = BY_PREFIX(ev_2_9A), /* vfmsub132ps vfmsub132pd v4fmaddps */
	[2][0x9B] = BY_PREFIX(ev_2_9B), /* vfmsub132ss vfmsub132sd v4fmaddss */
	[2][0x9C] = BY_PREFIX(ev_2_9C), /* vfnmadd132ps vfnmadd132pd */
	[2][0x9D] = BY_PREFIX(ev_2_9D), /* vfnmadd132ss vfnmadd132sd */
	[2][0x9E] = BY_PREFIX(ev_2_9E), /* vfnmsub132ps vfnmsub132pd */
	[2][0x9F] = BY_PREFIX(ev_2_9F), /* vfnmsub132ss vfnmsub132sd */
	[2][0xA0] = BY_PREFIX(ev_2_A0), /* vpscatterdd vpscatterdq */
	[2][0xA1] = BY_PREFIX(ev_2_A1), /* vpscatterqd vpscatterqq */
	[2][0xA2] = BY_PREFIX(ev_2_A2), /* vscatterdps vscatterdpd */
	[2][0xA3] = BY_PREFIX(ev_2_A3), /* vscatterqps vscatterqpd */
	[2][0xA6] = BY_PREFIX(ev_2_A6), /* vfmaddsub213ps vfmaddsub213pd */
	[2][0xA7] = BY_PREFIX(ev_2_A7), /* vfmsubadd213ps vfmsubadd213pd */
	[2][0xA8] = BY_PREFIX(ev_2_A8), /* vfmadd213ps vfmadd213pd */
	[2][0xA9] = BY_PREFIX(ev_2_A9), /* vfmadd213ss vfmadd213sd */
	[2][0xAA] = BY_PREFIX(ev_2_AA), /* vfmsub213ps vfmsub213pd v4fnmaddps */
	[2][0xAB] = BY_PREFIX(ev_2_AB), /* vfmsub213ss vfmsub213sd v4fnmaddss */
	[2][0xAC] = BY_PREFIX(ev_2_AC), /* vfnmadd213ps vfnmadd213pd */
	[2][0xAD] = BY_PREFIX(ev_2_AD), /* vfnmadd213ss vfnmadd213sd */
	[2][0xAE] = BY_PREFIX(ev_2_AE), /* vfnmsub213ps vfnmsub213pd */
	[2][0xAF] = BY_PREFIX(ev_2_AF), /* vfnmsub213ss vfnmsub213sd */
	[2][0xB4] = BY_PREFIX(ev_2_B4), /* vpmadd52luq */
	[2][0xB5] = BY_PREFIX(ev_2_B5), /* vpmadd52huq */
	[2][0xB6] = BY_PREFIX(ev_2_B6), /* vfmaddsub231ps vfmaddsub231pd */
	[2][0xB7] = BY_PREFIX(ev_2_B7), /* vfmsubadd231ps vfmsubadd231pd */
	[2][0xB8] = BY_PREFIX(ev_2_B8), /* vfmadd231ps vfmadd231pd */
	[2][0xB9] = BY_PREFIX(ev_2_B9), /* vfmadd231ss vfmadd231sd */
	[2][0xBA] = BY_PREFIX(ev_2_BA), /* vfmsub231ps vfmsub231pd */
	[2][0xBB] = BY_PREFIX(ev_2_BB), /* vfmsub231ss vfmsub231sd */
	[2][0xBC] = BY_PREFIX(ev_2_BC), /* vfnmadd231ps vfnmadd231pd */
	[2][0xBD] = BY_PREFIX(ev_2_BD), /* vfnmadd231ss vfnmadd231sd */
	[2][0xBE] = BY_PREFIX(ev_2_BE), /* vfnmsub231ps vfnmsub231pd */
	[2][0xBF] = BY_PREFIX(ev_2_BF), /* vfnmsub231ss vfnmsub231sd */
	[2][0xC4] = BY_PREFIX(ev_2_C4), /* vpconflictd vpconflictq */
	[2][0xC6] = BY_PREFIX(ev_2_C6), /* vgatherpf0dps vgatherpf1dps vscatterpf0dps vscatterpf1dps vgatherpf0dpd vgatherpf1dpd vscatterpf0dpd vscatterpf1dpd */
	[2][0xC7] = BY_PREFIX(ev_2_C7), /* vgatherpf0qps vgatherpf1qps vscatterpf0qps vscatterpf1qps vgatherpf0qpd vgatherpf1qpd vscatterpf0qpd vscatterpf1qpd */
	[2][0xC8] = BY_PREFIX(ev_2_C8), /* vexp2ps vexp2pd */
	[2][0xCA] = BY_PREFIX(ev_2_CA), /* vrcp28ps vrcp28pd */
	[2][0xCB] = BY_PREFIX(ev_2_CB), /* vrcp28ss vrcp28sd */
	[2][0xCC] = BY_PREFIX(ev_2_CC), /* vrsqrt28ps vrsqrt28pd */
	[2][0xCD] = BY_PREFIX(ev_2_CD), /* vrsqrt28ss vrsqrt28sd */
	[2][0xCF] = BY_PREFIX(ev_2_CF), /* vgf2p8mulb */
	[2][0xDC] = BY_PREFIX(ev_2_DC), /* vaesenc */
	[2][0xDD] = BY_PREFIX(ev_2_DD), /* vaesenclast */
	[2][0xDE] = BY_PREFIX(ev_2_DE), /* vaesdec */
	[2][0xDF] = BY_PREFIX(ev_2_DF), /* vaesdeclast */
	[3][0x00] = BY_PREFIX(ev_3_00), /* vpermq */
	[3][0x01] = BY_PREFIX(ev_3_01), /* vpermpd */
	[3][0x03] = BY_PREFIX(ev_3_03), /* valignd valignq */
	[3][0x04] = BY_PREFIX(ev_3_04), /* vpermilps */
	[3][0x05] = BY_PREFIX(ev_3_05), /* vpermilpd */
	[3][0x08] = BY_PREFIX(ev_3_08), /* vrndscaleph vrndscaleps */
	[3][0x09] = BY_PREFIX(ev_3_09), /* vrndscalepd */
	[3][0x0A] = BY_PREFIX(ev_3_0A), /* vrndscalesh vrndscaless */
	[3][0x0B] = BY_PREFIX(ev_3_0B), /* vrndscalesd */
	[3][0x0F] = BY_PREFIX(ev_3_0F), /* vpalignr */
	[3][0x14] = BY_PREFIX(ev_3_14), /* vpextrb */
	[3][0x15] = BY_PREFIX(ev_3_15), /* vpextrw */
	[3][0x16] = BY_MODE64(ev_3_16), /* vpextrd vpextrq */
	[3][0x17] = BY_PREFIX(ev_3_17), /* vextractps */
	[3][0x18] = BY_PREFIX(ev_3_18), /* vinsertf32x4 vinsertf64x2 */
	[3][0x19] = BY_PREFIX(ev_3_19), /* vextractf32x4 vextractf64x2 */
	[3][0x1A] = BY_PREFIX(ev_3_1A), /* vinsertf32x8 vinsertf64x4 */
	[3][0x1B] = BY_PREFIX(ev_3_1B), /* vextractf32x8 vextractf64x4 */
	[3][0x1D] = BY_PREFIX(ev_3_1D), /* vcvtps2ph */
	[3][0x1E] = BY_PREFIX(ev_3_1E), /* vpcmpud vpcmpuq */
	[3][0x1F] = BY_PREFIX(ev_3_1F), /* vpcmpd vpcmpq */
	[3][0x20] = BY_PREFIX(ev_3_20), /* vpinsrb */
	[3][0x21] = BY_PREFIX(ev_3_21), /* vinsertps */
	[3][0x22] = BY_MODE64(ev_3_22), /* vpinsrd vpinsrq */
	[3][0x23] = BY_PREFIX(ev_3_23), /* vshuff32x4 vshuff64x2 */
	[3][0x25] = BY_PREFIX(ev_3_25), /* vpternlogd vpternlogq */
	[3][0x26] = BY_PREFIX(ev_3_26), /* vgetmantph vgetmantps vgetmantpd */
	[3][0x27] = BY_PREFIX(ev_3_27), /* vgetmantsh vgetmantss vgetmantsd */
	[3][0x38] = BY_PREFIX(ev_3_38), /* vinserti32x4 vinserti64x2 */
	[3][0x39] = BY_PREFIX(ev_3_39), /* vextracti32x4 vextracti64x2 */
	[3][0x3A] = BY_PREFIX(ev_3_3A), /* vinserti32x8 vinserti64x4 */
	[3][0x3B] = BY_PREFIX(ev_3_3B), /* vextracti32x8 vextracti64x4 */
	[3][0x3E] = BY_PREFIX(ev_3_3E), /* vpcmpub vpcmpuw */
	[3][0x3F] = BY_PREFIX(ev_3_3F), /* vpcmpb vpcmpw */
	[3][0x42] = BY_PREFIX(ev_3_42), /* vdbpsadbw */
	[3][0x43] = BY_PREFIX(ev_3_43), /* vshufi32x4 vshufi64x2 */
	[3][0x44] = BY_PREFIX(ev_3_44), /* vpclmulqdq */
	[3][0x50] = BY_PREFIX(ev_3_50), /* vrangeps vrangepd */
	[3][0x51] = BY_PREFIX(ev_3_51), /* vrangess vrangesd */
	[3][0x54] = BY_PREFIX(ev_3_54), /* vfixupimmps vfixupimmpd */
	[3][0x55] = BY_PREFIX(ev_3_55), /* vfixupimmss vfixupimmsd */
	[3][0x56] = BY_PREFIX(ev_3_56), /* vreduceph vreduceps vreducepd */
	[3][0x57] = BY_PREFIX(ev_3_57), /* vreducesh vreducess vreducesd */
	[3][0x66] = BY_PREFIX(ev_3_66), /* vfpclassph vfpclassps vfpclasspd */
	[3][0x67] = BY_PREFIX(ev_3_67), /* vfpclasssh vfpclassss vfpclasssd */
	[3][0x70] = BY_PREFIX(ev_3_70), /* vpshldw */
	[3][0x71] = BY_PREFIX(ev_3_71), /* vpshldd vpshldq */
	[3][0x72] = BY_PREFIX(ev_3_72), /* vpshrdw */
	[3][0x73] = BY_PREFIX(ev_3_73), /* vpshrdd vpshrdq */
	[3][0xC2] = BY_PREFIX(ev_3_C2), /* vcmpph vcmpsh */
	[3][0xCE] = BY_PREFIX(ev_3_CE), /* vgf2p8affineqb */
	[3][0xCF] = BY_PREFIX(ev_3_CF), /* vgf2p8affineinvqb */
	[5][0x10] = BY_PREFIX(ev_5_10), /* vmovsh */
	[5][0x11] = BY_PREFIX(ev_5_11), /* vmovsh */
	[5][0x1D] = BY_PREFIX(ev_5_1D), /* vcvtss2sh vcvtps2phx */
	[5][0x2A] = BY_MODE64(ev_5_2A), /* vcvtsi2sh */
	[5][0x2C] = BY_MODE64(ev_5_2C), /* vcvttsh2si */
	[5][0x2D] = BY_MODE64(ev_5_2D), /* vcvtsh2si */
	[5][0x2E] = BY_PREFIX(ev_5_2E), /* vucomish */
	[5][0x2F] = BY_PREFIX(ev_5_2F), /* vcomish */
	[5][0x51] = BY_PREFIX(ev_5_51), /* vsqrtph vsqrtsh */
	[5][0x58] = BY_PREFIX(ev_5_58), /* vaddph vaddsh */
	[5][0x59] = BY_PREFIX(ev_5_59), /* vmulph vmulsh */
	[5][0x5A] = BY_PREFIX(ev_5_5A), /* vcvtph2pd vcvtpd2ph vcvtsh2sd vcvtsd2sh */
	[5][0x5B] = BY_PREFIX(ev_5_5B), /* vcvtdq2ph vcvtqq2ph vcvtph2dq vcvttph2dq */
	[5][0x5C] = BY_PREFIX(ev_5_5C), /* vsubph vsubsh */
	[5][0x5D] = BY_PREFIX(ev_5_5D), /* vminph vminsh */
	[5][0x5E] = BY_PREFIX(ev_5_5E), /* vdivph vdivsh */
	[5][0x5F] = BY_PREFIX(ev_5_5F), /* vmaxph vmaxsh */
	[5][0x6E] = BY_PREFIX(ev_5_6E), /* vmovw */
	[5][0x78] = BY_MODE64(ev_5_78), /* vcvttph2udq vcvttph2uqq vcvttsh2usi */
	[5][0x79] = BY_MODE64(ev_5_79), /* vcvtph2udq vcvtph2uqq vcvtsh2usi */
	[5][0x7A] = BY_PREFIX(ev_5_7A), /* vcvttph2qq vcvtudq2ph vcvtuqq2ph */
	[5][0x7B] = BY_MODE64(ev_5_7B), /* vcvtph2qq vcvtusi2sh */
	[5][0x7C] = BY_PREFIX(ev_5_7C), /* vcvttph2uw vcvttph2w */
	[5][0x7D] = BY_PREFIX(ev_5_7D), /* vcvtph2uw vcvtph2w vcvtw2ph vcvtuw2ph */
	[5][0x7E] = BY_PREFIX(ev_5_7E), /* vmovw */
	[6][0x13] = BY_PREFIX(ev_6_13), /* vcvtsh2ss vcvtph2psx */
	[6][0x2C] = BY_PREFIX(ev_6_2C), /* vscalefph */
	[6][0x2D] = BY_PREFIX(ev_6_2D), /* vscalefsh */
	[6][0x42] = BY_PREFIX(ev_6_42), /* vgetexpph */
	[6][0x43] = BY_PREFIX(ev_6_43), /* vgetexpsh */
	[6][0x4C] = BY_PREFIX(ev_6_4C), /* vrcpph */
	[6][0x4D] = BY_PREFIX(ev_6_4D), /* vrcpsh */
	[6][0x4E] = BY_PREFIX(ev_6_4E), /* vrsqrtph */
	[6][0x4F] = BY_PREFIX(ev_6_4F), /* vrsqrtsh */
	[6][0x56] = BY_PREFIX(ev_6_56), /* vfmaddcph vfcmaddcph */
	[6][0x57] = BY_PREFIX(ev_6_57), /* vfmaddcsh vfcmaddcsh */
	[6][0x96] = BY_PREFIX(ev_6_96), /* vfmaddsub132ph */
	[6][0x97] = BY_PREFIX(ev_6_97), /* vfmsubadd132ph */
	[6][0x98] = BY_PREFIX(ev_6_98), /* vfmadd132ph */
	[6][0x99] = BY_PREFIX(ev_6_99), /* vfmadd132sh */
	[6][0x9A] = BY_PREFIX(ev_6_9A), /* vfmsub132ph */
	[6][0x9B] = BY_PREFIX(ev_6_9B), /* vfmsub132sh */
	[6][0x9C] = BY_PREFIX(ev_6_9C), /* vfnmadd132ph */
	[6][0x9D] = BY_PREFIX(ev_6_9D), /* vfnmadd132sh */
	[6][0x9E] = BY_PREFIX(ev_6_9E), /* vfnmsub132ph */
	[6][0x9F] = BY_PREFIX(ev_6_9F), /* vfnmsub132sh */
	[6][0xA6] = BY_PREFIX(ev_6_A6), /* vfmaddsub213ph */
	[6][0xA7] = BY_PREFIX(ev_6_A7), /* vfmsubadd213ph */
	[6][0xA8] = BY_PREFIX(ev_6_A8), /* vfmadd213ph */
	[6][0xA9] = BY_PREFIX(ev_6_A9), /* vfmadd213sh */
	[6][0xAA] = BY_PREFIX(ev_6_AA), /* vfmsub213ph */
	[6][0xAB] = BY_PREFIX(ev_6_AB), /* vfmsub213sh */
	[6][0xAC] = BY_PREFIX(ev_6_AC), /* vfnmadd213ph */
	[6][0xAD] = BY_PREFIX(ev_6_AD), /* vfnmadd213sh */
	[6][0xAE] = BY_PREFIX(ev_6_AE), /* vfnmsub213ph */
	[6][0xAF] = BY_PREFIX(ev_6_AF), /* vfnmsub213sh */
	[6][0xB6] = BY_PREFIX(ev_6_B6), /* vfmaddsub231ph */
	[6][0xB7] = BY_PREFIX(ev_6_B7), /* vfmsubadd231ph */
	[6][0xB8] = BY_PREFIX(ev_6_B8), /* vfmadd231ph */
	[6][0xB9] = BY_PREFIX(ev_6_B9), /* vfmadd231sh */
	[6][0xBA] = BY_PREFIX(ev_6_BA), /* vfmsub231ph */
	[6][0xBB] = BY_PREFIX(ev_6_BB), /* vfmsub231sh */
	[6][0xBC] = BY_PREFIX(ev_6_BC), /* vfnmadd231ph */
	[6][0xBD] = BY_PREFIX(ev_6_BD), /* vfnmadd231sh */
	[6][0xBE] = BY_PREFIX(ev_6_BE), /* vfnmsub231ph */
	[6][0xBF] = BY_PREFIX(ev_6_BF), /* vfnmsub231sh */
	[6][0xD6] = BY_PREFIX(ev_6_D6), /* vfmulcph vfcmulcph */
	[6][0xD7] = BY_PREFIX(ev_6_D7), /* vfmulcsh vfcmulcsh */
};

/* EVEX.pp columns (bit 0 none, 1 66, 2 F3, 3 F2) that hold any form, by
 * EVEX.mmm: an empty column is #UD before the opcode byte is read. */
const uint8_t x86_evex_pp_used[8] = { 0x0, 0xF, 0xE, 0x7, 0x0, 0xF, 0xF, 0x0 };
