/* map_0f38.c - the legacy three-byte map 0F 38 xx (SDM vol. 2, Table A-4):
 * SSSE3, SSE4.1, SSE4.2, AES-NI, SHA, GFNI, Key Locker, VMX INVEPT/INVVPID,
 * INVPCID and the general-purpose MOVBE, CRC32, ADCX/ADOX, WRSS/WRUSS,
 * MOVDIRI, MOVDIR64B, ENQCMD(S).
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
#define GRP(...) BY_REG(((const struct x86_node[8]){ __VA_ARGS__ }))
/* SSSE3: MMX form without prefix, XMM form with 66. */
#define MMX(op) PFX(F_(op##_Pq_Qq), F_(op##_Vdq_Wdq), UDM, UDM)
/* 66-only XMM forms. */
#define X66(form) PFX(UDM, F_(form), UDM, UDM)

const struct x86_node x86_map_0f38[256] = {
	[0x00] = MMX(PSHUFB),
	[0x01] = MMX(PHADDW),
	[0x02] = MMX(PHADDD),
	[0x03] = MMX(PHADDSW),
	[0x04] = MMX(PMADDUBSW),
	[0x05] = MMX(PHSUBW),
	[0x06] = MMX(PHSUBD),
	[0x07] = MMX(PHSUBSW),
	[0x08] = MMX(PSIGNB),
	[0x09] = MMX(PSIGNW),
	[0x0A] = MMX(PSIGND),
	[0x0B] = MMX(PMULHRSW),
	[0x10] = X66(PBLENDVB_Vdq_Wdq_XMM0),
	[0x14] = X66(BLENDVPS_Vps_Wps_XMM0),
	[0x15] = X66(BLENDVPD_Vpd_Wpd_XMM0),
	[0x17] = X66(PTEST_Vdq_Wdq),
	[0x1C] = MMX(PABSB),
	[0x1D] = MMX(PABSW),
	[0x1E] = MMX(PABSD),
	[0x20] = X66(PMOVSXBW_Vdq_Wq),
	[0x21] = X66(PMOVSXBD_Vdq_Wd),
	[0x22] = X66(PMOVSXBQ_Vdq_Ww),
	[0x23] = X66(PMOVSXWD_Vdq_Wq),
	[0x24] = X66(PMOVSXWQ_Vdq_Wd),
	[0x25] = X66(PMOVSXDQ_Vdq_Wq),
	[0x28] = X66(PMULDQ_Vdq_Wdq),
	[0x29] = X66(PCMPEQQ_Vdq_Wdq),
	[0x2A] = X66(MOVNTDQA_Vdq_Mdq),
	[0x2B] = X66(PACKUSDW_Vdq_Wdq),
	[0x30] = X66(PMOVZXBW_Vdq_Wq),
	[0x31] = X66(PMOVZXBD_Vdq_Wd),
	[0x32] = X66(PMOVZXBQ_Vdq_Ww),
	[0x33] = X66(PMOVZXWD_Vdq_Wq),
	[0x34] = X66(PMOVZXWQ_Vdq_Wd),
	[0x35] = X66(PMOVZXDQ_Vdq_Wq),
	[0x37] = X66(PCMPGTQ_Vdq_Wdq),
	[0x38] = X66(PMINSB_Vdq_Wdq),
	[0x39] = X66(PMINSD_Vdq_Wdq),
	[0x3A] = X66(PMINUW_Vdq_Wdq),
	[0x3B] = X66(PMINUD_Vdq_Wdq),
	[0x3C] = X66(PMAXSB_Vdq_Wdq),
	[0x3D] = X66(PMAXSD_Vdq_Wdq),
	[0x3E] = X66(PMAXUW_Vdq_Wdq),
	[0x3F] = X66(PMAXUD_Vdq_Wdq),
	[0x40] = X66(PMULLD_Vdq_Wdq),
	[0x41] = X66(PHMINPOSUW_Vdq_Wdq),
	[0x80] = X66(INVEPT_Gy_Mdq),
	[0x81] = X66(INVVPID_Gy_Mdq),
	[0x82] = X66(INVPCID_Gy_Mdq),
	[0xC8] = PFX(F_(SHA1NEXTE_Vdq_Wdq), UDM, UDM, UDM),
	[0xC9] = PFX(F_(SHA1MSG1_Vdq_Wdq), UDM, UDM, UDM),
	[0xCA] = PFX(F_(SHA1MSG2_Vdq_Wdq), UDM, UDM, UDM),
	[0xCB] = PFX(F_(SHA256RNDS2_Vdq_Wdq_XMM0), UDM, UDM, UDM),
	[0xCC] = PFX(F_(SHA256MSG1_Vdq_Wdq), UDM, UDM, UDM),
	[0xCD] = PFX(F_(SHA256MSG2_Vdq_Wdq), UDM, UDM, UDM),
	[0xCF] = X66(GF2P8MULB_Vdq_Wdq),
	/* F3 rows: Key Locker (Intel Key Locker Specification, Table 3-1). */
	[0xD8] = PFX(UDM, UDM, GRP(F_(AESENCWIDE128KL_Mkl), F_(AESDECWIDE128KL_Mkl),
				   F_(AESENCWIDE256KL_Moq), F_(AESDECWIDE256KL_Moq)), UDM),
	[0xDB] = X66(AESIMC_Vdq_Wdq),
	[0xDC] = PFX(UDM, F_(AESENC_Vdq_Wdq), MOD(F_(AESENC128KL_Vdq_Mkl), F_(LOADIWKEY_Vdq_Udq)), UDM),
	[0xDD] = PFX(UDM, F_(AESENCLAST_Vdq_Wdq), F_(AESDEC128KL_Vdq_Mkl), UDM),
	[0xDE] = PFX(UDM, F_(AESDEC_Vdq_Wdq), F_(AESENC256KL_Vdq_Moq), UDM),
	[0xDF] = PFX(UDM, F_(AESDECLAST_Vdq_Wdq), F_(AESDEC256KL_Vdq_Moq), UDM),
	/* MOVBE: the 66 column repeats the no-prefix one, so 66 stays an
	 * operand-size prefix (decode.c, walk()); F2 is CRC32, which also
	 * takes a 66 as operand size (SDM vol. 2, CRC32). */
	[0xF0] = PFX(F_(MOVBE_Gv_Mv), F_(MOVBE_Gv_Mv), UDM, F_(CRC32_Gy_Eb)),
	[0xF1] = PFX(F_(MOVBE_Mv_Gv), F_(MOVBE_Mv_Gv), UDM, F_(CRC32_Gy_Ev)),
	[0xF5] = PFX(UDM, W_(F_(WRUSSD_Md_Gd), F_(WRUSSQ_Mq_Gq)), UDM, UDM),
	[0xF6] = PFX(W_(F_(WRSSD_Md_Gd), F_(WRSSQ_Mq_Gq)), F_(ADCX_Gy_Ey), F_(ADOX_Gy_Ey), UDM),
	[0xF8] = PFX(UDM, F_(MOVDIR64B_Gasz_Moq), F_(ENQCMDS_Gasz_Moq), F_(ENQCMD_Gasz_Moq)),
	[0xF9] = PFX(F_(MOVDIRI_My_Gy), UDM, UDM, UDM),
	[0xFA] = PFX(UDM, UDM, F_(ENCODEKEY128_Gd_Rd), UDM),
	[0xFB] = PFX(UDM, UDM, F_(ENCODEKEY256_Gd_Rd), UDM),
};
