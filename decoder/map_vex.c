/* map_vex.c - VEX maps, indexed by VEX.mmmmm (1 = 0F, 2 = 0F38, 3 = 0F3A).
 * Intel SDM vol. 2, Appendix A, Tables A-3..A-5 (the "v"-prefixed rows),
 * the AVX-512 opmask, AMX, BMI and KNC instruction pages, and AMD APM vol. 4
 * for FMA4 and VPERMIL2PS/PD.
 *
 * Each opcode row is one decision tree written inline (the macros take
 * their children as variadic arguments only so that nested braces pass
 * through the preprocessor):
 *   PFX(none, 66, F3, F2)  by VEX.pp
 *   WX(W0, W1)             by VEX.W
 *   VL(L0, L1)             by VEX.L
 *   MODX(memory, register) by ModRM.mod
 *   GRP(/0, ..., /7)       by ModRM.reg
 *   M64(outside, in)       by 64-bit mode (VEX.W is ignored outside it
 *                          where it would select a 64-bit GPR)
 * The forms' flags (L0, L1, LIG, W0, W1, O64) reject the remaining VEX.L
 * and VEX.W values, and decode.c rejects a vvvv other than 1111b when the
 * form has no VEX.vvvv operand. */
#include "tables.h"

#define NODES(n, ...) ((const struct x86_node[n]){ __VA_ARGS__ })
#define PFX(...) { .kind = X86_N_PREFIX, .child = NODES(4, __VA_ARGS__) }
#define WX(...) { .kind = X86_N_W, .child = NODES(2, __VA_ARGS__) }
#define VL(...) { .kind = X86_N_VEXL, .child = NODES(3, __VA_ARGS__) }
#define MODX(...) { .kind = X86_N_MOD, .child = NODES(2, __VA_ARGS__) }
#define M64(...) { .kind = X86_N_MODE64, .child = NODES(2, __VA_ARGS__) }
#define GRP(...) { .kind = X86_N_REG, .child = NODES(8, __VA_ARGS__) }
#define RM(...) { .kind = X86_N_RM, .child = NODES(8, __VA_ARGS__) }

/* Only one pp column is defined (most rows: 66). */
#define NP(f) PFX(F_(f), UD_, UD_, UD_)
#define P66(f) PFX(UD_, F_(f), UD_, UD_)
#define P66N(...) PFX(UD_, __VA_ARGS__, UD_, UD_)
#define PF2(f) PFX(UD_, UD_, UD_, F_(f))
/* Packed single / packed double rows (none / 66). */
#define PSPD(op, ops) PFX(F_(op##PS_##ops), F_(op##PD_##ops), UD_, UD_)
/* The four-column arithmetic rows: ps, pd, ss, sd. */
#define ARITH4(op) PFX(F_(op##PS_Vx_Hx_Wx), F_(op##PD_Vx_Hx_Wx), \
		       F_(op##SS_Vdq_Hdq_Wss), F_(op##SD_Vdq_Hdq_Wsd))
/* W0 = single, W1 = double (FMA3, FMA4). */
#define FMA3P(op) P66N(WX(F_(op##PS_Vx_Hx_Wx), F_(op##PD_Vx_Hx_Wx)))
#define FMA3S(op) P66N(WX(F_(op##SS_Vdq_Hss_Wss), F_(op##SD_Vdq_Hsd_Wsd)))
/* FMA4: W0 = the r/m source before the /is4 one, W1 = after it. */
#define FMA4P(op) P66N(WX(F_(op##_Vx_Hx_Wx_Lx), F_(op##_Vx_Hx_Lx_Wx)))
#define FMA4SS(op) P66N(WX(F_(op##_Vdq_Hdq_Wss_Ldq), F_(op##_Vdq_Hdq_Ldq_Wss)))
#define FMA4SD(op) P66N(WX(F_(op##_Vdq_Hdq_Wsd_Ldq), F_(op##_Vdq_Hdq_Ldq_Wsd)))
/* Opmask rows: none.W0 = w, none.W1 = q, 66.W0 = b, 66.W1 = d. */
#define KWQBD(op, s1, s2) PFX(WX(F_(op##W_##s1##w_##s2##w), F_(op##Q_##s1##q_##s2##q)), \
			     WX(F_(op##B_##s1##b_##s2##b), F_(op##D_##s1##d_##s2##d)), UD_, UD_)
/* The same, with the KNC two-operand form at L0 (none.W0). */
#define K3KNC(op, knc) PFX(VL(F_(knc), WX(F_(op##W_KGw_KHw_KRw), F_(op##Q_KGq_KHq_KRq))), \
			   VL(UD_, WX(F_(op##B_KGb_KHb_KRb), F_(op##D_KGd_KHd_KRd))), UD_, UD_)

#define X_ UD_

const struct x86_node x86_map_vex[4][256] = {
[1] = { /* VEX.0F */
	[0x10] = PFX(F_(VMOVUPS_Vx_Wx), F_(VMOVUPD_Vx_Wx),
		     MODX(F_(VMOVSS_Vdq_Mss), F_(VMOVSS_Vdq_Hdq_Uss)),
		     MODX(F_(VMOVSD_Vdq_Msd), F_(VMOVSD_Vdq_Hdq_Usd))),
	[0x11] = PFX(F_(VMOVUPS_Wx_Vx), F_(VMOVUPD_Wx_Vx),
		     MODX(F_(VMOVSS_Mss_Vss), F_(VMOVSS_Udq_Hdq_Vss)),
		     MODX(F_(VMOVSD_Msd_Vsd), F_(VMOVSD_Udq_Hdq_Vsd))),
	[0x12] = PFX(MODX(F_(VMOVLPS_Vdq_Hdq_Mq), F_(VMOVHLPS_Vdq_Hdq_Udq)), F_(VMOVLPD_Vdq_Hdq_Mq),
		     F_(VMOVSLDUP_Vx_Wx), VL(F_(VMOVDDUP_Vdq_Wq), F_(VMOVDDUP_Vqq_Wqq))),
	[0x13] = PFX(F_(VMOVLPS_Mq_Vq), F_(VMOVLPD_Mq_Vq), UD_, UD_),
	[0x14] = PSPD(VUNPCKL, Vx_Hx_Wx),
	[0x15] = PSPD(VUNPCKH, Vx_Hx_Wx),
	[0x16] = PFX(MODX(F_(VMOVHPS_Vdq_Hq_Mq), F_(VMOVLHPS_Vdq_Hq_Uq)), F_(VMOVHPD_Vdq_Hq_Mq),
		     F_(VMOVSHDUP_Vx_Wx), UD_),
	[0x17] = PFX(F_(VMOVHPS_Mq_Vdq), F_(VMOVHPD_Mq_Vdq), UD_, UD_),
	/* KNC prefetches (Xeon Phi ISA Reference, VPREFETCH*). */
	[0x18] = PFX(GRP(F_(VPREFETCHNTA_Mb), F_(VPREFETCH0_Mb), F_(VPREFETCH1_Mb), F_(VPREFETCH2_Mb),
			 F_(VPREFETCHENTA_Mb), F_(VPREFETCHE0_Mb), F_(VPREFETCHE1_Mb), F_(VPREFETCHE2_Mb)),
		     UD_, UD_, UD_),
	[0x28] = PSPD(VMOVA, Vx_Wx),
	[0x29] = PSPD(VMOVA, Wx_Vx),
	[0x2A] = PFX(UD_, UD_, F_(VCVTSI2SS_Vdq_Hdq_Ey), F_(VCVTSI2SD_Vdq_Hdq_Ey)),
	[0x2B] = PSPD(VMOVNT, Mx_Vx),
	[0x2C] = PFX(UD_, UD_, F_(VCVTTSS2SI_Gy_Wss), F_(VCVTTSD2SI_Gy_Wsd)),
	[0x2D] = PFX(UD_, UD_, F_(VCVTSS2SI_Gy_Wss), F_(VCVTSD2SI_Gy_Wsd)),
	[0x2E] = PFX(F_(VUCOMISS_Vss_Wss), F_(VUCOMISD_Vsd_Wsd), UD_, UD_),
	[0x2F] = PFX(F_(VCOMISS_Vss_Wss), F_(VCOMISD_Vsd_Wsd), UD_, UD_),
	/* Opmask instructions (L1 two-source, L0 one-source); KNC at L0. */
	[0x41] = K3KNC(KAND, KAND_KGw_KRw),
	[0x42] = K3KNC(KANDN, KANDN_KGw_KRw),
	[0x43] = PFX(VL(F_(KANDNR_KGw_KRw), UD_), UD_, UD_, UD_),
	[0x44] = KWQBD(KNOT, KG, KR),
	[0x45] = K3KNC(KOR, KOR_KGw_KRw),
	[0x46] = K3KNC(KXNOR, KXNOR_KGw_KRw),
	[0x47] = K3KNC(KXOR, KXOR_KGw_KRw),
	[0x48] = NP(KMERGE2L1H_KGw_KRw),
	[0x49] = NP(KMERGE2L1L_KGw_KRw),
	[0x4A] = PFX(WX(F_(KADDW_KGw_KHw_KRw), F_(KADDQ_KGq_KHq_KRq)),
		     WX(F_(KADDB_KGb_KHb_KRb), F_(KADDD_KGd_KHd_KRd)), UD_, UD_),
	[0x4B] = PFX(WX(F_(KUNPCKWD_KGd_KHw_KRw), F_(KUNPCKDQ_KGq_KHd_KRd)),
		     WX(F_(KUNPCKBW_KGw_KHb_KRb), UD_), UD_, UD_),
	[0x50] = PSPD(VMOVMSK, Gd_Ux),
	[0x51] = PFX(F_(VSQRTPS_Vx_Wx), F_(VSQRTPD_Vx_Wx), F_(VSQRTSS_Vdq_Hdq_Wss), F_(VSQRTSD_Vdq_Hdq_Wsd)),
	[0x52] = PFX(F_(VRSQRTPS_Vx_Wx), UD_, F_(VRSQRTSS_Vdq_Hdq_Wss), UD_),
	[0x53] = PFX(F_(VRCPPS_Vx_Wx), UD_, F_(VRCPSS_Vdq_Hdq_Wss), UD_),
	[0x54] = PSPD(VAND, Vx_Hx_Wx),
	[0x55] = PSPD(VANDN, Vx_Hx_Wx),
	[0x56] = PSPD(VOR, Vx_Hx_Wx),
	[0x57] = PSPD(VXOR, Vx_Hx_Wx),
	[0x58] = ARITH4(VADD),
	[0x59] = ARITH4(VMUL),
	[0x5A] = PFX(F_(VCVTPS2PD_Vx_Wh), F_(VCVTPD2PS_Vdq_Wx), F_(VCVTSS2SD_Vdq_Hdq_Wss), F_(VCVTSD2SS_Vdq_Hdq_Wsd)),
	[0x5B] = PFX(F_(VCVTDQ2PS_Vx_Wx), F_(VCVTPS2DQ_Vx_Wx), F_(VCVTTPS2DQ_Vx_Wx), UD_),
	[0x5C] = ARITH4(VSUB),
	[0x5D] = ARITH4(VMIN),
	[0x5E] = ARITH4(VDIV),
	[0x5F] = ARITH4(VMAX),
	[0x60] = P66(VPUNPCKLBW_Vx_Hx_Wx), P66(VPUNPCKLWD_Vx_Hx_Wx), P66(VPUNPCKLDQ_Vx_Hx_Wx),
	[0x63] = P66(VPACKSSWB_Vx_Hx_Wx), P66(VPCMPGTB_Vx_Hx_Wx), P66(VPCMPGTW_Vx_Hx_Wx),
	[0x66] = P66(VPCMPGTD_Vx_Hx_Wx), P66(VPACKUSWB_Vx_Hx_Wx), P66(VPUNPCKHBW_Vx_Hx_Wx),
	[0x69] = P66(VPUNPCKHWD_Vx_Hx_Wx), P66(VPUNPCKHDQ_Vx_Hx_Wx), P66(VPACKSSDW_Vx_Hx_Wx),
	[0x6C] = P66(VPUNPCKLQDQ_Vx_Hx_Wx), P66(VPUNPCKHQDQ_Vx_Hx_Wx),
	[0x6E] = P66N(M64(F_(VMOVD_Vdq_Ed), WX(F_(VMOVD_Vdq_Ed), F_(VMOVQ_Vdq_Eq)))),
	[0x6F] = PFX(UD_, F_(VMOVDQA_Vx_Wx), F_(VMOVDQU_Vx_Wx), UD_),
	[0x70] = PFX(UD_, F_(VPSHUFD_Vx_Wx_Ib), F_(VPSHUFHW_Vx_Wx_Ib), F_(VPSHUFLW_Vx_Wx_Ib)),
	/* Groups 12, 13, 14: register forms only (U). */
	[0x71] = P66N(GRP(X_, X_, F_(VPSRLW_Hx_Ux_Ib), X_, F_(VPSRAW_Hx_Ux_Ib), X_, F_(VPSLLW_Hx_Ux_Ib), X_)),
	[0x72] = P66N(GRP(X_, X_, F_(VPSRLD_Hx_Ux_Ib), X_, F_(VPSRAD_Hx_Ux_Ib), X_, F_(VPSLLD_Hx_Ux_Ib), X_)),
	[0x73] = P66N(GRP(X_, X_, F_(VPSRLQ_Hx_Ux_Ib), F_(VPSRLDQ_Hx_Ux_Ib),
			  X_, X_, F_(VPSLLQ_Hx_Ux_Ib), F_(VPSLLDQ_Hx_Ux_Ib))),
	[0x74] = P66(VPCMPEQB_Vx_Hx_Wx), P66(VPCMPEQW_Vx_Hx_Wx), P66(VPCMPEQD_Vx_Hx_Wx),
	[0x77] = PFX(VL(F_(VZEROUPPER), F_(VZEROALL)), UD_, UD_, UD_),
	[0x7C] = PFX(UD_, F_(VHADDPD_Vx_Hx_Wx), UD_, F_(VHADDPS_Vx_Hx_Wx)),
	[0x7D] = PFX(UD_, F_(VHSUBPD_Vx_Hx_Wx), UD_, F_(VHSUBPS_Vx_Hx_Wx)),
	[0x7E] = PFX(UD_, M64(F_(VMOVD_Ed_Vd), WX(F_(VMOVD_Ed_Vd), F_(VMOVQ_Eq_Vq))), F_(VMOVQ_Vdq_Wq), UD_),
	[0x7F] = PFX(UD_, F_(VMOVDQA_Wx_Vx), F_(VMOVDQU_Wx_Vx), UD_),
	/* KNC mask branches: VEX.vvvv names the mask, rel32 follows, no ModRM. */
	[0x84] = NP(JKZD_KHw_Jz),
	[0x85] = NP(JKNZD_KHw_Jz),
	[0x90] = KWQBD(KMOV, KG, KE),
	[0x91] = PFX(WX(F_(KMOVW_Mw_KGw), F_(KMOVQ_Mq_KGq)), WX(F_(KMOVB_Mb_KGb), F_(KMOVD_Md_KGd)), UD_, UD_),
	[0x92] = PFX(WX(F_(KMOVW_KGw_Rd), UD_), WX(F_(KMOVB_KGb_Rd), UD_), UD_,
		     M64(F_(KMOVD_KGd_Rd), WX(F_(KMOVD_KGd_Rd), F_(KMOVQ_KGq_Rq)))),
	[0x93] = PFX(WX(F_(KMOVW_Gd_KRw), UD_), WX(F_(KMOVB_Gd_KRb), UD_), UD_,
		     M64(F_(KMOVD_Gd_KRd), WX(F_(KMOVD_Gd_KRd), F_(KMOVQ_Gq_KRq)))),
	[0x95] = NP(KCONCATH_Gq_KHw_KRw),
	[0x97] = NP(KCONCATL_Gq_KHw_KRw),
	[0x98] = KWQBD(KORTEST, KG, KR),
	[0x99] = KWQBD(KTEST, KG, KR),
	/* Group 15: VLDMXCSR/VSTMXCSR; KNC CLEVICT0/1, DELAY, SPFLT. */
	[0xAE] = PFX(GRP(X_, X_, F_(VLDMXCSR_Md), F_(VSTMXCSR_Md), X_, X_, X_, X_), UD_,
		     GRP(X_, X_, X_, X_, X_, X_, F_(DELAY_Ry), F_(CLEVICT1_Mb)),
		     GRP(X_, X_, X_, X_, X_, X_, F_(SPFLT_Ry), F_(CLEVICT0_Mb))),
	/* KNC VEX forms of POPCNT/TZCNT/LZCNT and TZCNTI. */
	[0xB8] = PFX(UD_, UD_, F_(POPCNT_Gy_Ry), UD_),
	[0xBC] = PFX(UD_, UD_, F_(TZCNT_Gy_Ry), F_(TZCNTI_Gy_Ry)),
	[0xBD] = PFX(UD_, UD_, F_(LZCNT_Gy_Ry), UD_),
	[0xC2] = PFX(F_(VCMPPS_Vx_Hx_Wx_Ib), F_(VCMPPD_Vx_Hx_Wx_Ib),
		     F_(VCMPSS_Vdq_Hdq_Wss_Ib), F_(VCMPSD_Vdq_Hdq_Wsd_Ib)),
	[0xC4] = P66N(MODX(F_(VPINSRW_Vdq_Hdq_Mw_Ib), F_(VPINSRW_Vdq_Hdq_Rd_Ib))),
	[0xC5] = P66(VPEXTRW_Gd_Udq_Ib),
	[0xC6] = PSPD(VSHUF, Vx_Hx_Wx_Ib),
	[0xD0] = PFX(UD_, F_(VADDSUBPD_Vx_Hx_Wx), UD_, F_(VADDSUBPS_Vx_Hx_Wx)),
	[0xD1] = P66(VPSRLW_Vx_Hx_Wdq), P66(VPSRLD_Vx_Hx_Wdq), P66(VPSRLQ_Vx_Hx_Wdq),
	[0xD4] = P66(VPADDQ_Vx_Hx_Wx), P66(VPMULLW_Vx_Hx_Wx), P66(VMOVQ_Wq_Vq), P66(VPMOVMSKB_Gd_Ux),
	[0xD8] = P66(VPSUBUSB_Vx_Hx_Wx), P66(VPSUBUSW_Vx_Hx_Wx), P66(VPMINUB_Vx_Hx_Wx), P66(VPAND_Vx_Hx_Wx),
	[0xDC] = P66(VPADDUSB_Vx_Hx_Wx), P66(VPADDUSW_Vx_Hx_Wx), P66(VPMAXUB_Vx_Hx_Wx), P66(VPANDN_Vx_Hx_Wx),
	[0xE0] = P66(VPAVGB_Vx_Hx_Wx), P66(VPSRAW_Vx_Hx_Wdq), P66(VPSRAD_Vx_Hx_Wdq), P66(VPAVGW_Vx_Hx_Wx),
	[0xE4] = P66(VPMULHUW_Vx_Hx_Wx), P66(VPMULHW_Vx_Hx_Wx),
	[0xE6] = PFX(UD_, F_(VCVTTPD2DQ_Vdq_Wx), F_(VCVTDQ2PD_Vx_Wh), F_(VCVTPD2DQ_Vdq_Wx)),
	[0xE7] = P66(VMOVNTDQ_Mx_Vx),
	[0xE8] = P66(VPSUBSB_Vx_Hx_Wx), P66(VPSUBSW_Vx_Hx_Wx), P66(VPMINSW_Vx_Hx_Wx), P66(VPOR_Vx_Hx_Wx),
	[0xEC] = P66(VPADDSB_Vx_Hx_Wx), P66(VPADDSW_Vx_Hx_Wx), P66(VPMAXSW_Vx_Hx_Wx), P66(VPXOR_Vx_Hx_Wx),
	[0xF0] = PF2(VLDDQU_Vx_Mx),
	[0xF1] = P66(VPSLLW_Vx_Hx_Wdq), P66(VPSLLD_Vx_Hx_Wdq), P66(VPSLLQ_Vx_Hx_Wdq),
	[0xF4] = P66(VPMULUDQ_Vx_Hx_Wx), P66(VPMADDWD_Vx_Hx_Wx), P66(VPSADBW_Vx_Hx_Wx), P66(VMASKMOVDQU_Vdq_Udq),
	[0xF8] = P66(VPSUBB_Vx_Hx_Wx), P66(VPSUBW_Vx_Hx_Wx), P66(VPSUBD_Vx_Hx_Wx), P66(VPSUBQ_Vx_Hx_Wx),
	[0xFC] = P66(VPADDB_Vx_Hx_Wx), P66(VPADDW_Vx_Hx_Wx), P66(VPADDD_Vx_Hx_Wx),
},
[2] = { /* VEX.0F38 */
	[0x00] = P66(VPSHUFB_Vx_Hx_Wx), P66(VPHADDW_Vx_Hx_Wx), P66(VPHADDD_Vx_Hx_Wx), P66(VPHADDSW_Vx_Hx_Wx),
	[0x04] = P66(VPMADDUBSW_Vx_Hx_Wx), P66(VPHSUBW_Vx_Hx_Wx), P66(VPHSUBD_Vx_Hx_Wx), P66(VPHSUBSW_Vx_Hx_Wx),
	[0x08] = P66(VPSIGNB_Vx_Hx_Wx), P66(VPSIGNW_Vx_Hx_Wx), P66(VPSIGND_Vx_Hx_Wx), P66(VPMULHRSW_Vx_Hx_Wx),
	[0x0C] = P66(VPERMILPS_Vx_Hx_Wx), P66(VPERMILPD_Vx_Hx_Wx), P66(VTESTPS_Vx_Wx), P66(VTESTPD_Vx_Wx),
	[0x13] = P66(VCVTPH2PS_Vx_Wh),
	[0x16] = P66(VPERMPS_Vqq_Hqq_Wqq), P66(VPTEST_Vx_Wx),
	[0x18] = P66(VBROADCASTSS_Vx_Wss), P66(VBROADCASTSD_Vqq_Wsd), P66(VBROADCASTF128_Vqq_Mdq),
	[0x1C] = P66(VPABSB_Vx_Wx), P66(VPABSW_Vx_Wx), P66(VPABSD_Vx_Wx),
	[0x20] = P66(VPMOVSXBW_Vx_Wh), P66(VPMOVSXBD_Vx_Wqt), P66(VPMOVSXBQ_Vx_We),
	[0x23] = P66(VPMOVSXWD_Vx_Wh), P66(VPMOVSXWQ_Vx_Wqt), P66(VPMOVSXDQ_Vx_Wh),
	[0x28] = P66(VPMULDQ_Vx_Hx_Wx), P66(VPCMPEQQ_Vx_Hx_Wx), P66(VMOVNTDQA_Vx_Mx), P66(VPACKUSDW_Vx_Hx_Wx),
	[0x2C] = P66(VMASKMOVPS_Vx_Hx_Mx), P66(VMASKMOVPD_Vx_Hx_Mx),
	[0x2E] = P66(VMASKMOVPS_Mx_Hx_Vx), P66(VMASKMOVPD_Mx_Hx_Vx),
	[0x30] = P66(VPMOVZXBW_Vx_Wh), P66(VPMOVZXBD_Vx_Wqt), P66(VPMOVZXBQ_Vx_We),
	[0x33] = P66(VPMOVZXWD_Vx_Wh), P66(VPMOVZXWQ_Vx_Wqt), P66(VPMOVZXDQ_Vx_Wh),
	[0x36] = P66(VPERMD_Vqq_Hqq_Wqq), P66(VPCMPGTQ_Vx_Hx_Wx),
	[0x38] = P66(VPMINSB_Vx_Hx_Wx), P66(VPMINSD_Vx_Hx_Wx), P66(VPMINUW_Vx_Hx_Wx), P66(VPMINUD_Vx_Hx_Wx),
	[0x3C] = P66(VPMAXSB_Vx_Hx_Wx), P66(VPMAXSD_Vx_Hx_Wx), P66(VPMAXUW_Vx_Hx_Wx), P66(VPMAXUD_Vx_Hx_Wx),
	[0x40] = P66(VPMULLD_Vx_Hx_Wx), P66(VPHMINPOSUW_Vdq_Wdq),
	[0x45] = P66N(WX(F_(VPSRLVD_Vx_Hx_Wx), F_(VPSRLVQ_Vx_Hx_Wx))),
	[0x46] = P66(VPSRAVD_Vx_Hx_Wx),
	[0x47] = P66N(WX(F_(VPSLLVD_Vx_Hx_Wx), F_(VPSLLVQ_Vx_Hx_Wx))),
	/* AMX: LDTILECFG/STTILECFG m512 (/0), TILERELEASE (C0 only),
	 * TILEZERO (11:rrr:000). */
	[0x49] = PFX(MODX(GRP(F_(LDTILECFG_Moq), X_, X_, X_, X_, X_, X_, X_),
			  GRP(RM(F_(TILERELEASE), X_, X_, X_, X_, X_, X_, X_), X_, X_, X_, X_, X_, X_, X_)),
		     MODX(GRP(F_(STTILECFG_Moq), X_, X_, X_, X_, X_, X_, X_), UD_),
		     UD_,
		     MODX(UD_, RM(F_(TILEZERO_TG), X_, X_, X_, X_, X_, X_, X_))),
	[0x4B] = PFX(UD_, F_(TILELOADDT1_TG_MSIB), F_(TILESTORED_MSIB_TG), F_(TILELOADD_TG_MSIB)),
	[0x50] = P66(VPDPBUSD_Vx_Hx_Wx), P66(VPDPBUSDS_Vx_Hx_Wx), P66(VPDPWSSD_Vx_Hx_Wx), P66(VPDPWSSDS_Vx_Hx_Wx),
	[0x58] = P66(VPBROADCASTD_Vx_Wd), P66(VPBROADCASTQ_Vx_Wq), P66(VBROADCASTI128_Vqq_Mdq),
	[0x5C] = PFX(UD_, UD_, F_(TDPBF16PS_TG_TR_TH), UD_),
	[0x5E] = PFX(F_(TDPBUUD_TG_TR_TH), F_(TDPBUSD_TG_TR_TH), F_(TDPBSUD_TG_TR_TH), F_(TDPBSSD_TG_TR_TH)),
	[0x78] = P66(VPBROADCASTB_Vx_Wb), P66(VPBROADCASTW_Vx_Ww),
	[0x8C] = P66N(WX(F_(VPMASKMOVD_Vx_Hx_Mx), F_(VPMASKMOVQ_Vx_Hx_Mx))),
	[0x8E] = P66N(WX(F_(VPMASKMOVD_Mx_Hx_Vx), F_(VPMASKMOVQ_Mx_Hx_Vx))),
	[0x90] = P66N(WX(F_(VPGATHERDD_Vx_MVx_Hx), F_(VPGATHERDQ_Vx_MVh_Hx))),
	[0x91] = P66N(WX(F_(VPGATHERQD_Vdq_MVx_Hdq), F_(VPGATHERQQ_Vx_MVx_Hx))),
	[0x92] = P66N(WX(F_(VGATHERDPS_Vx_MVx_Hx), F_(VGATHERDPD_Vx_MVh_Hx))),
	[0x93] = P66N(WX(F_(VGATHERQPS_Vdq_MVx_Hdq), F_(VGATHERQPD_Vx_MVx_Hx))),
	[0x96] = FMA3P(VFMADDSUB132), FMA3P(VFMSUBADD132),
	[0x98] = FMA3P(VFMADD132), FMA3S(VFMADD132), FMA3P(VFMSUB132), FMA3S(VFMSUB132),
	[0x9C] = FMA3P(VFNMADD132), FMA3S(VFNMADD132), FMA3P(VFNMSUB132), FMA3S(VFNMSUB132),
	[0xA6] = FMA3P(VFMADDSUB213), FMA3P(VFMSUBADD213),
	[0xA8] = FMA3P(VFMADD213), FMA3S(VFMADD213), FMA3P(VFMSUB213), FMA3S(VFMSUB213),
	[0xAC] = FMA3P(VFNMADD213), FMA3S(VFNMADD213), FMA3P(VFNMSUB213), FMA3S(VFNMSUB213),
	[0xB6] = FMA3P(VFMADDSUB231), FMA3P(VFMSUBADD231),
	[0xB8] = FMA3P(VFMADD231), FMA3S(VFMADD231), FMA3P(VFMSUB231), FMA3S(VFMSUB231),
	[0xBC] = FMA3P(VFNMADD231), FMA3S(VFNMADD231), FMA3P(VFNMSUB231), FMA3S(VFNMSUB231),
	[0xCF] = P66(VGF2P8MULB_Vx_Hx_Wx),
	[0xDB] = P66(VAESIMC_Vdq_Wdq),
	[0xDC] = P66(VAESENC_Vx_Hx_Wx), P66(VAESENCLAST_Vx_Hx_Wx), P66(VAESDEC_Vx_Hx_Wx), P66(VAESDECLAST_Vx_Hx_Wx),
	/* BMI1/BMI2. Group 17 (F3): BLSR /1, BLSMSK /2, BLSI /3. */
	[0xF2] = NP(ANDN_Gy_By_Ey),
	[0xF3] = PFX(GRP(X_, F_(BLSR_By_Ey), F_(BLSMSK_By_Ey), F_(BLSI_By_Ey), X_, X_, X_, X_), UD_, UD_, UD_),
	[0xF5] = PFX(F_(BZHI_Gy_Ey_By), UD_, F_(PEXT_Gy_By_Ey), F_(PDEP_Gy_By_Ey)),
	[0xF6] = PF2(MULX_Gy_By_Ey),
	[0xF7] = PFX(F_(BEXTR_Gy_Ey_By), F_(SHLX_Gy_Ey_By), F_(SARX_Gy_Ey_By), F_(SHRX_Gy_Ey_By)),
},
[3] = { /* VEX.0F3A */
	[0x00] = P66(VPERMQ_Vqq_Wqq_Ib), P66(VPERMPD_Vqq_Wqq_Ib), P66(VPBLENDD_Vx_Hx_Wx_Ib),
	[0x04] = P66(VPERMILPS_Vx_Wx_Ib), P66(VPERMILPD_Vx_Wx_Ib), P66(VPERM2F128_Vqq_Hqq_Wqq_Ib),
	[0x08] = P66(VROUNDPS_Vx_Wx_Ib), P66(VROUNDPD_Vx_Wx_Ib),
	[0x0A] = P66(VROUNDSS_Vdq_Hdq_Wss_Ib), P66(VROUNDSD_Vdq_Hdq_Wsd_Ib),
	[0x0C] = P66(VBLENDPS_Vx_Hx_Wx_Ib), P66(VBLENDPD_Vx_Hx_Wx_Ib), P66(VPBLENDW_Vx_Hx_Wx_Ib),
	[0x0F] = P66(VPALIGNR_Vx_Hx_Wx_Ib),
	[0x14] = P66N(MODX(F_(VPEXTRB_Mb_Vdq_Ib), F_(VPEXTRB_Rd_Vdq_Ib))),
	[0x15] = P66N(MODX(F_(VPEXTRW_Mw_Vdq_Ib), F_(VPEXTRW_Rd_Vdq_Ib))),
	[0x16] = P66N(M64(F_(VPEXTRD_Ed_Vdq_Ib), WX(F_(VPEXTRD_Ed_Vdq_Ib), F_(VPEXTRQ_Eq_Vdq_Ib)))),
	[0x17] = P66(VEXTRACTPS_Ed_Vdq_Ib),
	[0x18] = P66(VINSERTF128_Vqq_Hqq_Wdq_Ib), P66(VEXTRACTF128_Wdq_Vqq_Ib),
	[0x1D] = P66(VCVTPS2PH_Wh_Vx_Ib),
	[0x20] = P66N(MODX(F_(VPINSRB_Vdq_Hdq_Mb_Ib), F_(VPINSRB_Vdq_Hdq_Rd_Ib))),
	[0x21] = P66N(MODX(F_(VINSERTPS_Vdq_Hdq_Md_Ib), F_(VINSERTPS_Vdq_Hdq_Udq_Ib))),
	[0x22] = P66N(M64(F_(VPINSRD_Vdq_Hdq_Ed_Ib), WX(F_(VPINSRD_Vdq_Hdq_Ed_Ib), F_(VPINSRQ_Vdq_Hdq_Eq_Ib)))),
	[0x30] = P66N(WX(F_(KSHIFTRB_KGb_KRb_Ib), F_(KSHIFTRW_KGw_KRw_Ib))),
	[0x31] = P66N(WX(F_(KSHIFTRD_KGd_KRd_Ib), F_(KSHIFTRQ_KGq_KRq_Ib))),
	[0x32] = P66N(WX(F_(KSHIFTLB_KGb_KRb_Ib), F_(KSHIFTLW_KGw_KRw_Ib))),
	[0x33] = P66N(WX(F_(KSHIFTLD_KGd_KRd_Ib), F_(KSHIFTLQ_KGq_KRq_Ib))),
	[0x38] = P66(VINSERTI128_Vqq_Hqq_Wdq_Ib), P66(VEXTRACTI128_Wdq_Vqq_Ib),
	[0x3E] = P66(KEXTRACT_KGw_Rq_Ib),
	[0x40] = P66(VDPPS_Vx_Hx_Wx_Ib), P66(VDPPD_Vdq_Hdq_Wdq_Ib), P66(VMPSADBW_Vx_Hx_Wx_Ib),
	[0x44] = P66(VPCLMULQDQ_Vx_Hx_Wx_Ib),
	[0x46] = P66(VPERM2I128_Vqq_Hqq_Wqq_Ib),
	[0x48] = P66N(WX(F_(VPERMIL2PS_Vx_Hx_Wx_Lx_Ib), F_(VPERMIL2PS_Vx_Hx_Lx_Wx_Ib))),
	[0x49] = P66N(WX(F_(VPERMIL2PD_Vx_Hx_Wx_Lx_Ib), F_(VPERMIL2PD_Vx_Hx_Lx_Wx_Ib))),
	[0x4A] = P66(VBLENDVPS_Vx_Hx_Wx_Lx), P66(VBLENDVPD_Vx_Hx_Wx_Lx), P66(VPBLENDVB_Vx_Hx_Wx_Lx),
	[0x5C] = FMA4P(VFMADDSUBPS), FMA4P(VFMADDSUBPD), FMA4P(VFMSUBADDPS), FMA4P(VFMSUBADDPD),
	[0x60] = P66(VPCMPESTRM_Vdq_Wdq_Ib), P66(VPCMPESTRI_Vdq_Wdq_Ib),
	[0x62] = P66(VPCMPISTRM_Vdq_Wdq_Ib), P66(VPCMPISTRI_Vdq_Wdq_Ib),
	[0x68] = FMA4P(VFMADDPS), FMA4P(VFMADDPD), FMA4SS(VFMADDSS), FMA4SD(VFMADDSD),
	[0x6C] = FMA4P(VFMSUBPS), FMA4P(VFMSUBPD), FMA4SS(VFMSUBSS), FMA4SD(VFMSUBSD),
	[0x78] = FMA4P(VFNMADDPS), FMA4P(VFNMADDPD), FMA4SS(VFNMADDSS), FMA4SD(VFNMADDSD),
	[0x7C] = FMA4P(VFNMSUBPS), FMA4P(VFNMSUBPD), FMA4SS(VFNMSUBSS), FMA4SD(VFNMSUBSD),
	[0xCE] = P66N(WX(UD_, F_(VGF2P8AFFINEQB_Vx_Hx_Wx_Ib))),
	[0xCF] = P66N(WX(UD_, F_(VGF2P8AFFINEINVQB_Vx_Hx_Wx_Ib))),
	[0xDF] = P66(VAESKEYGENASSIST_Vdq_Wdq_Ib),
	[0xF0] = PF2(RORX_Gy_Ey_Ib),
},
};
