/* map_3dnow.c - 3DNow! (0F 0F ModRM [SIB] [disp] imm8), indexed by the imm8
 * suffix, which is the opcode (AMD 3DNow! Technology Manual, 21928, its
 * instruction format and opcode map; extensions from AMD 22466). The engine
 * (decode.c) reads ModRM, SIB and displacement before the suffix. Suffixes
 * not listed are #UD, including Geode GX's 86 PFRCPV and 87 PFRSQRTV, which
 * no other AMD processor has (Zydis rejects them too). Mandatory-prefix
 * bytes (66, F2, F3) are accepted and ignored, as Zydis does.
 * Forms: decoder/forms_amd.def. */
#include "tables.h"

const struct x86_node x86_map_3dnow[256] = {
	[0x0C] = F_(PI2FW_Pq_Qq), F_(PI2FD_Pq_Qq),
	[0x1C] = F_(PF2IW_Pq_Qq), F_(PF2ID_Pq_Qq),
	[0x8A] = F_(PFNACC_Pq_Qq), [0x8E] = F_(PFPNACC_Pq_Qq),
	[0x90] = F_(PFCMPGE_Pq_Qq), [0x94] = F_(PFMIN_Pq_Qq),
	[0x96] = F_(PFRCP_Pq_Qq), F_(PFRSQRT_Pq_Qq),
	[0x9A] = F_(PFSUB_Pq_Qq), [0x9E] = F_(PFADD_Pq_Qq),
	[0xA0] = F_(PFCMPGT_Pq_Qq), [0xA4] = F_(PFMAX_Pq_Qq),
	[0xA6] = F_(PFRCPIT1_Pq_Qq), F_(PFRSQIT1_Pq_Qq),
	[0xAA] = F_(PFSUBR_Pq_Qq), [0xAE] = F_(PFACC_Pq_Qq),
	[0xB0] = F_(PFCMPEQ_Pq_Qq), [0xB4] = F_(PFMUL_Pq_Qq),
	[0xB6] = F_(PFRCPIT2_Pq_Qq), F_(PMULHRW_Pq_Qq),
	[0xBB] = F_(PSWAPD_Pq_Qq), [0xBF] = F_(PAVGUSB_Pq_Qq),
};
