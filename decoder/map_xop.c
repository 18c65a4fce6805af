/* map_xop.c - AMD XOP maps 8, 9 and 10 (8F RXB.mmmmm W.vvvv.L.pp opcode
 * ModRM ...): the XOP instruction pages of AMD APM vol. 4 (26568; first
 * published as vol. 6, 43479), the XOP opcode maps 8, 9 and A of AMD APM
 * vol. 3 (24594), Appendix A, and vol. 3 for TBM and LWP.
 * x86_map_xop[map - 8][opcode].
 * No XOP instruction uses XOP.pp: every row requires pp = 00b (the NP
 * wrapper: a mandatory-prefix node whose only valid column is "none").
 * Forms: decoder/forms_amd.def. Empty entries are #UD. */
#include "tables.h"

/* pp = 00b only. */
#define NP(node) BY_PREFIX(((const struct x86_node[4]){ node }))
/* By XOP.W: [0] W = 0, [1] W = 1. */
#define BY_W_(w0, w1) BY_W(((const struct x86_node[2]){ w0, w1 }))
/* Group by ModRM.reg. */
#define GROUP(...) BY_REG(((const struct x86_node[8]){ __VA_ARGS__ }))

/* Map 9 90-9B: XOP.W picks which of ModRM.rm and vvvv is the count. */
#define SHIFT(OP) NP(BY_W_(F_(OP##_Vdq_Wdq_Hdq), F_(OP##_Vdq_Hdq_Wdq)))

const struct x86_node x86_map_xop[3][256] = {
	/* ---- map 8 ---- */
	[0] = {
		[0x85] = NP(F_(VPMACSSWW_Vdq_Hdq_Wdq_Ldq)),
		[0x86] = NP(F_(VPMACSSWD_Vdq_Hdq_Wdq_Ldq)),
		[0x87] = NP(F_(VPMACSSDQL_Vdq_Hdq_Wdq_Ldq)),
		[0x8E] = NP(F_(VPMACSSDD_Vdq_Hdq_Wdq_Ldq)),
		[0x8F] = NP(F_(VPMACSSDQH_Vdq_Hdq_Wdq_Ldq)),
		[0x95] = NP(F_(VPMACSWW_Vdq_Hdq_Wdq_Ldq)),
		[0x96] = NP(F_(VPMACSWD_Vdq_Hdq_Wdq_Ldq)),
		[0x97] = NP(F_(VPMACSDQL_Vdq_Hdq_Wdq_Ldq)),
		[0x9E] = NP(F_(VPMACSDD_Vdq_Hdq_Wdq_Ldq)),
		[0x9F] = NP(F_(VPMACSDQH_Vdq_Hdq_Wdq_Ldq)),
		[0xA2] = NP(BY_W_(F_(VPCMOV_Vx_Hx_Wx_Lx), F_(VPCMOV_Vx_Hx_Lx_Wx))),
		[0xA3] = NP(BY_W_(F_(VPPERM_Vdq_Hdq_Wdq_Ldq), F_(VPPERM_Vdq_Hdq_Ldq_Wdq))),
		[0xA6] = NP(F_(VPMADCSSWD_Vdq_Hdq_Wdq_Ldq)),
		[0xB6] = NP(F_(VPMADCSWD_Vdq_Hdq_Wdq_Ldq)),
		[0xC0] = NP(F_(VPROTB_Vdq_Wdq_Ib)), NP(F_(VPROTW_Vdq_Wdq_Ib)),
		[0xC2] = NP(F_(VPROTD_Vdq_Wdq_Ib)), NP(F_(VPROTQ_Vdq_Wdq_Ib)),
		[0xCC] = NP(F_(VPCOMB_Vdq_Hdq_Wdq_Ib)), NP(F_(VPCOMW_Vdq_Hdq_Wdq_Ib)),
		[0xCE] = NP(F_(VPCOMD_Vdq_Hdq_Wdq_Ib)), NP(F_(VPCOMQ_Vdq_Hdq_Wdq_Ib)),
		[0xEC] = NP(F_(VPCOMUB_Vdq_Hdq_Wdq_Ib)), NP(F_(VPCOMUW_Vdq_Hdq_Wdq_Ib)),
		[0xEE] = NP(F_(VPCOMUD_Vdq_Hdq_Wdq_Ib)), NP(F_(VPCOMUQ_Vdq_Hdq_Wdq_Ib)),
	},
	/* ---- map 9 ---- */
	[1] = {
		/* TBM groups by ModRM.reg (AMD APM vol. 3, Appendix A, XOP map 9). */
		[0x01] = NP(GROUP(UD_, F_(BLCFILL_By_Ey), F_(BLSFILL_By_Ey), F_(BLCS_By_Ey),
				  F_(TZMSK_By_Ey), F_(BLCIC_By_Ey), F_(BLSIC_By_Ey), F_(T1MSKC_By_Ey))),
		[0x02] = NP(GROUP(UD_, F_(BLCMSK_By_Ey), UD_, UD_, UD_, UD_, F_(BLCI_By_Ey), UD_)),
		/* LWP: register forms only (the R operand rejects memory). */
		[0x12] = NP(GROUP(F_(LLWPCB_Ry), F_(SLWPCB_Ry))),
		[0x80] = NP(F_(VFRCZPS_Vx_Wx)), NP(F_(VFRCZPD_Vx_Wx)),
		[0x82] = NP(F_(VFRCZSS_Vdq_Wss)), NP(F_(VFRCZSD_Vdq_Wsd)),
		[0x90] = SHIFT(VPROTB), SHIFT(VPROTW), SHIFT(VPROTD), SHIFT(VPROTQ),
		[0x94] = SHIFT(VPSHLB), SHIFT(VPSHLW), SHIFT(VPSHLD), SHIFT(VPSHLQ),
		[0x98] = SHIFT(VPSHAB), SHIFT(VPSHAW), SHIFT(VPSHAD), SHIFT(VPSHAQ),
		[0xC1] = NP(F_(VPHADDBW_Vdq_Wdq)), NP(F_(VPHADDBD_Vdq_Wdq)), NP(F_(VPHADDBQ_Vdq_Wdq)),
		[0xC6] = NP(F_(VPHADDWD_Vdq_Wdq)), NP(F_(VPHADDWQ_Vdq_Wdq)),
		[0xCB] = NP(F_(VPHADDDQ_Vdq_Wdq)),
		[0xD1] = NP(F_(VPHADDUBW_Vdq_Wdq)), NP(F_(VPHADDUBD_Vdq_Wdq)), NP(F_(VPHADDUBQ_Vdq_Wdq)),
		[0xD6] = NP(F_(VPHADDUWD_Vdq_Wdq)), NP(F_(VPHADDUWQ_Vdq_Wdq)),
		[0xDB] = NP(F_(VPHADDUDQ_Vdq_Wdq)),
		[0xE1] = NP(F_(VPHSUBBW_Vdq_Wdq)), NP(F_(VPHSUBWD_Vdq_Wdq)), NP(F_(VPHSUBDQ_Vdq_Wdq)),
	},
	/* ---- map 10 ---- */
	[2] = {
		[0x10] = NP(F_(BEXTR_Gy_Ey_Id)),                             /* TBM */
		[0x12] = NP(GROUP(F_(LWPINS_By_Ed_Id), F_(LWPVAL_By_Ed_Id))), /* LWP */
	},
};
