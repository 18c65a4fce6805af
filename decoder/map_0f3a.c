/* map_0f3a.c - the legacy three-byte map 0F 3A xx (SDM vol. 2, Table A-5):
 * SSSE3 PALIGNR, SSE4.1, SSE4.2 string compares, PCLMULQDQ, SHA1RNDS4,
 * GFNI, AESKEYGENASSIST and HRESET. Every form here has an imm8.
 *
 * Rows choose by mandatory prefix in the columns none / 66 / F3 / F2 (PFX);
 * see map_sse.c for the shorthands. */
#include "tables.h"

/* #UD once the ModRM byte is read: every opcode of this map has one, so its
 * length is known and past 15 bytes the fault is #GP, not #UD (SDM vol. 3A,
 * Table 6-2; decode.c, undefined_length()). Zydis too reads this ModRM
 * before it rejects the prefix column. */
#define UDM MOD(UD_, UD_)
#define PFX(none, p66, f3, f2) BY_PREFIX(((const struct x86_node[4]){ none, p66, f3, f2 }))
#define MOD(mem, reg) BY_MOD(((const struct x86_node[2]){ mem, reg }))
#define W_(w0, w1) BY_W(((const struct x86_node[2]){ w0, w1 }))
/* 66-only XMM forms. */
#define X66(form) PFX(UDM, F_(form), UDM, UDM)

const struct x86_node x86_map_0f3a[256] = {
	[0x08] = X66(ROUNDPS_Vps_Wps_Ib),
	[0x09] = X66(ROUNDPD_Vpd_Wpd_Ib),
	[0x0A] = X66(ROUNDSS_Vss_Wss_Ib),
	[0x0B] = X66(ROUNDSD_Vsd_Wsd_Ib),
	[0x0C] = X66(BLENDPS_Vps_Wps_Ib),
	[0x0D] = X66(BLENDPD_Vpd_Wpd_Ib),
	[0x0E] = X66(PBLENDW_Vdq_Wdq_Ib),
	[0x0F] = PFX(F_(PALIGNR_Pq_Qq_Ib), F_(PALIGNR_Vdq_Wdq_Ib), UDM, UDM),
	/* Extracts and inserts: a general register is 32 bits for byte and
	 * word elements, memory the element (SDM vol. 2, PEXTRB, PINSRB);
	 * REX.W selects the quadword forms. */
	[0x14] = PFX(UDM, MOD(F_(PEXTRB_Mb_Vdq_Ib), F_(PEXTRB_Rd_Vdq_Ib)), UDM, UDM),
	[0x15] = PFX(UDM, MOD(F_(PEXTRW_Mw_Vdq_Ib), F_(PEXTRW_Rd_Vdq_Ib)), UDM, UDM),
	[0x16] = PFX(UDM, W_(F_(PEXTRD_Ed_Vdq_Ib), F_(PEXTRQ_Eq_Vdq_Ib)), UDM, UDM),
	[0x17] = X66(EXTRACTPS_Ed_Vdq_Ib),
	[0x20] = PFX(UDM, MOD(F_(PINSRB_Vdq_Mb_Ib), F_(PINSRB_Vdq_Rd_Ib)), UDM, UDM),
	[0x21] = PFX(UDM, MOD(F_(INSERTPS_Vdq_Md_Ib), F_(INSERTPS_Vdq_Udq_Ib)), UDM, UDM),
	[0x22] = PFX(UDM, W_(F_(PINSRD_Vdq_Ed_Ib), F_(PINSRQ_Vdq_Eq_Ib)), UDM, UDM),
	[0x40] = X66(DPPS_Vps_Wps_Ib),
	[0x41] = X66(DPPD_Vpd_Wpd_Ib),
	[0x42] = X66(MPSADBW_Vdq_Wdq_Ib),
	[0x44] = X66(PCLMULQDQ_Vdq_Wdq_Ib),
	[0x60] = PFX(UDM, W_(F_(PCMPESTRM_Vdq_Wdq_Ib), F_(PCMPESTRMQ_Vdq_Wdq_Ib)), UDM, UDM),
	[0x61] = PFX(UDM, W_(F_(PCMPESTRI_Vdq_Wdq_Ib), F_(PCMPESTRIQ_Vdq_Wdq_Ib)), UDM, UDM),
	[0x62] = X66(PCMPISTRM_Vdq_Wdq_Ib),
	[0x63] = X66(PCMPISTRI_Vdq_Wdq_Ib),
	[0xCC] = PFX(F_(SHA1RNDS4_Vdq_Wdq_Ib), UDM, UDM, UDM),
	[0xCE] = X66(GF2P8AFFINEQB_Vdq_Wdq_Ib),
	[0xCF] = X66(GF2P8AFFINEINVQB_Vdq_Wdq_Ib),
	[0xDF] = X66(AESKEYGENASSIST_Vdq_Wdq_Ib),
	/* HRESET imm8: F3 0F 3A F0 C0 ib, ModRM must be C0 (SDM vol. 2, HRESET). */
	[0xF0] = PFX(UDM, UDM, MOD(UDM, BY_REG(((const struct x86_node[8]){
		     [0] = BY_RM(((const struct x86_node[8]){ [0] = F_(HRESET_Ib) })) }))), UDM),
};
