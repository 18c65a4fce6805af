/* map_sse.c - the SSE and MMX rows of the 0F map (SDM vol. 2, Table A-3),
 * linked from map_0f.c: 0F 10-17, 28-2F, 50-7F, C2, C4-C6, D0-FE.
 *
 * Most rows choose by mandatory prefix, in the columns none / 66 / F3 / F2
 * (PFX below); F3 and F2 take precedence over 66 (decode.c, walk()). MMX
 * instructions are the no-prefix column, their SSE2 versions the 66 one.
 * MOD(memory, register) splits forms that differ by ModRM.mod, W_(W0, W1)
 * the ones REX.W selects. Columns left UDM are #UD. */
#include "tables.h"

/* #UD once the ModRM byte is read: every opcode of this map has one, so its
 * length is known and past 15 bytes the fault is #GP, not #UD (SDM vol. 3A,
 * Table 6-2; decode.c, undefined_length()). Zydis too reads this ModRM
 * before it rejects the prefix column. */
#define UDM MOD(UD_, UD_)
#define PFX(none, p66, f3, f2) BY_PREFIX(((const struct x86_node[4]){ none, p66, f3, f2 }))
#define MOD(mem, reg) BY_MOD(((const struct x86_node[2]){ mem, reg }))
#define W_(w0, w1) BY_W(((const struct x86_node[2]){ w0, w1 }))
#define GRP(...) BY_REG(((const struct x86_node[8]){ __VA_ARGS__ }))
/* An MMX instruction and its SSE2 twin. */
#define MMX(op) PFX(F_(op##_Pq_Qq), F_(op##_Vdq_Wdq), UDM, UDM)
/* The packed-single / packed-double pair, and the four SSE arithmetic forms. */
#define PSPD(op) PFX(F_(op##PS_Vps_Wps), F_(op##PD_Vpd_Wpd), UDM, UDM)
#define FP4(op) PFX(F_(op##PS_Vps_Wps), F_(op##PD_Vpd_Wpd), F_(op##SS_Vss_Wss), F_(op##SD_Vsd_Wsd))
/* Groups 12-14 (0F 71-73): shifts by imm8 of an MMX (N) or XMM (U)
 * register; mod != 11 is #UD (SDM vol. 2, Table A-6). */
#define SHIFT_IB(op) PFX(F_(op##_Nq_Ib), F_(op##_Udq_Ib), UDM, UDM)
#define SHIFT_IB_SSE2(op) PFX(UDM, F_(op##_Udq_Ib), UDM, UDM)

const struct x86_node x86_sse_0f[256] = {
	[0x10] = PFX(F_(MOVUPS_Vps_Wps), F_(MOVUPD_Vpd_Wpd),
		     MOD(F_(MOVSS_Vdq_Mss), F_(MOVSS_Vss_Uss)), MOD(F_(MOVSD_Vdq_Msd), F_(MOVSD_Vsd_Usd))),
	[0x11] = PFX(F_(MOVUPS_Wps_Vps), F_(MOVUPD_Wpd_Vpd), F_(MOVSS_Wss_Vss), F_(MOVSD_Wsd_Vsd)),
	[0x12] = PFX(MOD(F_(MOVLPS_Vq_Mq), F_(MOVHLPS_Vq_Uq)), MOD(F_(MOVLPD_Vq_Mq), UDM),
		     F_(MOVSLDUP_Vps_Wps), F_(MOVDDUP_Vdq_Wq)),
	[0x13] = PFX(F_(MOVLPS_Mq_Vq), F_(MOVLPD_Mq_Vq), UDM, UDM),
	[0x14] = PSPD(UNPCKL),
	[0x15] = PSPD(UNPCKH),
	[0x16] = PFX(MOD(F_(MOVHPS_Vq_Mq), F_(MOVLHPS_Vq_Uq)), MOD(F_(MOVHPD_Vq_Mq), UDM),
		     F_(MOVSHDUP_Vps_Wps), UDM),
	[0x17] = PFX(F_(MOVHPS_Mq_Vq), F_(MOVHPD_Mq_Vq), UDM, UDM),

	[0x28] = PSPD(MOVA),
	[0x29] = PFX(F_(MOVAPS_Wps_Vps), F_(MOVAPD_Wpd_Vpd), UDM, UDM),
	[0x2A] = PFX(F_(CVTPI2PS_Vq_Qpi), F_(CVTPI2PD_Vpd_Qpi), F_(CVTSI2SS_Vss_Ey), F_(CVTSI2SD_Vsd_Ey)),
	/* F3/F2: SSE4a MOVNTSS/MOVNTSD (AMD APM vol. 4). */
	[0x2B] = PFX(F_(MOVNTPS_Mps_Vps), F_(MOVNTPD_Mpd_Vpd), F_(MOVNTSS_Mss_Vss), F_(MOVNTSD_Msd_Vsd)),
	[0x2C] = PFX(F_(CVTTPS2PI_Ppi_Wq), F_(CVTTPD2PI_Ppi_Wpd), F_(CVTTSS2SI_Gy_Wss), F_(CVTTSD2SI_Gy_Wsd)),
	[0x2D] = PFX(F_(CVTPS2PI_Ppi_Wq), F_(CVTPD2PI_Ppi_Wpd), F_(CVTSS2SI_Gy_Wss), F_(CVTSD2SI_Gy_Wsd)),
	[0x2E] = PFX(F_(UCOMISS_Vss_Wss), F_(UCOMISD_Vsd_Wsd), UDM, UDM),
	[0x2F] = PFX(F_(COMISS_Vss_Wss), F_(COMISD_Vsd_Wsd), UDM, UDM),

	[0x50] = PFX(F_(MOVMSKPS_Gy_Ups), F_(MOVMSKPD_Gy_Upd), UDM, UDM),
	[0x51] = FP4(SQRT),
	[0x52] = PFX(F_(RSQRTPS_Vps_Wps), UDM, F_(RSQRTSS_Vss_Wss), UDM),
	[0x53] = PFX(F_(RCPPS_Vps_Wps), UDM, F_(RCPSS_Vss_Wss), UDM),
	[0x54] = PSPD(AND),
	[0x55] = PSPD(ANDN),
	[0x56] = PSPD(OR),
	[0x57] = PSPD(XOR),
	[0x58] = FP4(ADD),
	[0x59] = FP4(MUL),
	[0x5A] = PFX(F_(CVTPS2PD_Vpd_Wq), F_(CVTPD2PS_Vps_Wpd), F_(CVTSS2SD_Vsd_Wss), F_(CVTSD2SS_Vss_Wsd)),
	[0x5B] = PFX(F_(CVTDQ2PS_Vps_Wdq), F_(CVTPS2DQ_Vdq_Wps), F_(CVTTPS2DQ_Vdq_Wps), UDM),
	[0x5C] = FP4(SUB),
	[0x5D] = FP4(MIN),
	[0x5E] = FP4(DIV),
	[0x5F] = FP4(MAX),

	[0x60] = PFX(F_(PUNPCKLBW_Pq_Qd), F_(PUNPCKLBW_Vdq_Wdq), UDM, UDM),
	[0x61] = PFX(F_(PUNPCKLWD_Pq_Qd), F_(PUNPCKLWD_Vdq_Wdq), UDM, UDM),
	[0x62] = PFX(F_(PUNPCKLDQ_Pq_Qd), F_(PUNPCKLDQ_Vdq_Wdq), UDM, UDM),
	[0x63] = MMX(PACKSSWB),
	[0x64] = MMX(PCMPGTB),
	[0x65] = MMX(PCMPGTW),
	[0x66] = MMX(PCMPGTD),
	[0x67] = MMX(PACKUSWB),
	[0x68] = MMX(PUNPCKHBW),
	[0x69] = MMX(PUNPCKHWD),
	[0x6A] = MMX(PUNPCKHDQ),
	[0x6B] = MMX(PACKSSDW),
	[0x6C] = PFX(UDM, F_(PUNPCKLQDQ_Vdq_Wdq), UDM, UDM),
	[0x6D] = PFX(UDM, F_(PUNPCKHQDQ_Vdq_Wdq), UDM, UDM),
	[0x6E] = PFX(W_(F_(MOVD_Pq_Ed), F_(MOVQ_Pq_Eq)), W_(F_(MOVD_Vdq_Ed), F_(MOVQ_Vdq_Eq)), UDM, UDM),
	[0x6F] = PFX(F_(MOVQ_Pq_Qq), F_(MOVDQA_Vdq_Wdq), F_(MOVDQU_Vdq_Wdq), UDM),

	[0x70] = PFX(F_(PSHUFW_Pq_Qq_Ib), F_(PSHUFD_Vdq_Wdq_Ib), F_(PSHUFHW_Vdq_Wdq_Ib), F_(PSHUFLW_Vdq_Wdq_Ib)),
	[0x71] = GRP([2] = SHIFT_IB(PSRLW), [4] = SHIFT_IB(PSRAW), [6] = SHIFT_IB(PSLLW)),
	[0x72] = GRP([2] = SHIFT_IB(PSRLD), [4] = SHIFT_IB(PSRAD), [6] = SHIFT_IB(PSLLD)),
	[0x73] = GRP([2] = SHIFT_IB(PSRLQ), [3] = SHIFT_IB_SSE2(PSRLDQ),
		     [6] = SHIFT_IB(PSLLQ), [7] = SHIFT_IB_SSE2(PSLLDQ)),
	[0x74] = MMX(PCMPEQB),
	[0x75] = MMX(PCMPEQW),
	[0x76] = MMX(PCMPEQD),
	[0x77] = PFX(F_(EMMS), UDM, UDM, UDM),
	/* No prefix: VMX VMREAD/VMWRITE; 66 and F2: SSE4a EXTRQ/INSERTQ, whose
	 * immediate form of EXTRQ is /0 (AMD APM vol. 4, EXTRQ). */
	[0x78] = PFX(F_(VMREAD_Ey_Gy), MOD(UDM, GRP([0] = F_(EXTRQ_Uq_Ib_Ib))), UDM,
		     F_(INSERTQ_Vq_Uq_Ib_Ib)),
	[0x79] = PFX(F_(VMWRITE_Gy_Ey), F_(EXTRQ_Vq_Udq), UDM, F_(INSERTQ_Vq_Udq)),
	[0x7C] = PFX(UDM, F_(HADDPD_Vpd_Wpd), UDM, F_(HADDPS_Vps_Wps)),
	[0x7D] = PFX(UDM, F_(HSUBPD_Vpd_Wpd), UDM, F_(HSUBPS_Vps_Wps)),
	[0x7E] = PFX(W_(F_(MOVD_Ed_Pd), F_(MOVQ_Eq_Pq)), W_(F_(MOVD_Ed_Vd), F_(MOVQ_Eq_Vq)),
		     F_(MOVQ_Vdq_Wq), UDM),
	[0x7F] = PFX(F_(MOVQ_Qq_Pq), F_(MOVDQA_Wdq_Vdq), F_(MOVDQU_Wdq_Vdq), UDM),

	[0xC2] = PFX(F_(CMPPS_Vps_Wps_Ib), F_(CMPPD_Vpd_Wpd_Ib), F_(CMPSS_Vss_Wss_Ib), F_(CMPSD_Vsd_Wsd_Ib)),
	[0xC4] = PFX(MOD(F_(PINSRW_Pq_Mw_Ib), F_(PINSRW_Pq_Rd_Ib)),
		     MOD(F_(PINSRW_Vdq_Mw_Ib), F_(PINSRW_Vdq_Rd_Ib)), UDM, UDM),
	[0xC5] = PFX(F_(PEXTRW_Gd_Nq_Ib), F_(PEXTRW_Gd_Udq_Ib), UDM, UDM),
	[0xC6] = PFX(F_(SHUFPS_Vps_Wps_Ib), F_(SHUFPD_Vpd_Wpd_Ib), UDM, UDM),

	[0xD0] = PFX(UDM, F_(ADDSUBPD_Vpd_Wpd), UDM, F_(ADDSUBPS_Vps_Wps)),
	[0xD1] = MMX(PSRLW),
	[0xD2] = MMX(PSRLD),
	[0xD3] = MMX(PSRLQ),
	[0xD4] = MMX(PADDQ),
	[0xD5] = MMX(PMULLW),
	[0xD6] = PFX(UDM, MOD(F_(MOVQ_Mq_Vq), F_(MOVQ_Udq_Vq)), F_(MOVQ2DQ_Vdq_Nq), F_(MOVDQ2Q_Pq_Uq)),
	[0xD7] = PFX(F_(PMOVMSKB_Gd_Nq), F_(PMOVMSKB_Gd_Udq), UDM, UDM),
	[0xD8] = MMX(PSUBUSB),
	[0xD9] = MMX(PSUBUSW),
	[0xDA] = MMX(PMINUB),
	[0xDB] = MMX(PAND),
	[0xDC] = MMX(PADDUSB),
	[0xDD] = MMX(PADDUSW),
	[0xDE] = MMX(PMAXUB),
	[0xDF] = MMX(PANDN),
	[0xE0] = MMX(PAVGB),
	[0xE1] = MMX(PSRAW),
	[0xE2] = MMX(PSRAD),
	[0xE3] = MMX(PAVGW),
	[0xE4] = MMX(PMULHUW),
	[0xE5] = MMX(PMULHW),
	[0xE6] = PFX(UDM, F_(CVTTPD2DQ_Vdq_Wpd), F_(CVTDQ2PD_Vpd_Wq), F_(CVTPD2DQ_Vdq_Wpd)),
	[0xE7] = PFX(F_(MOVNTQ_Mq_Pq), F_(MOVNTDQ_Mdq_Vdq), UDM, UDM),
	[0xE8] = MMX(PSUBSB),
	[0xE9] = MMX(PSUBSW),
	[0xEA] = MMX(PMINSW),
	[0xEB] = MMX(POR),
	[0xEC] = MMX(PADDSB),
	[0xED] = MMX(PADDSW),
	[0xEE] = MMX(PMAXSW),
	[0xEF] = MMX(PXOR),
	[0xF0] = PFX(UDM, UDM, UDM, F_(LDDQU_Vdq_Mdq)),
	[0xF1] = MMX(PSLLW),
	[0xF2] = MMX(PSLLD),
	[0xF3] = MMX(PSLLQ),
	[0xF4] = MMX(PMULUDQ),
	[0xF5] = MMX(PMADDWD),
	[0xF6] = MMX(PSADBW),
	[0xF7] = PFX(F_(MASKMOVQ_Pq_Nq), F_(MASKMOVDQU_Vdq_Udq), UDM, UDM),
	[0xF8] = MMX(PSUBB),
	[0xF9] = MMX(PSUBW),
	[0xFA] = MMX(PSUBD),
	[0xFB] = MMX(PSUBQ),
	[0xFC] = MMX(PADDB),
	[0xFD] = MMX(PADDW),
	[0xFE] = MMX(PADDD),
};
