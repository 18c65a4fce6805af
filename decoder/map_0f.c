/* map_0f.c - the two-byte opcode map 0F xx (SDM vol. 2, Table A-3).
 * General-purpose rows are here; SSE/MMX rows link to map_sse.c and
 * system rows to map_system.c, where their groups are kept. 0F 38, 0F 3A
 * and 0F 0F (3DNow!) are escapes, handled before this map is read. */
#include "tables.h"

#define SSE(op) LINK(&x86_sse_0f[op])
#define SYS(op) LINK(&x86_sys_0f[op])

/* Group 8: BT/BTS/BTR/BTC Ev, Ib. */
static const struct x86_node group8[8] = {
	[4] = F_(BT_Ev_Ib), F_(BTS_Ev_Ib), F_(BTR_Ev_Ib), F_(BTC_Ev_Ib),
};
/* MOVNTI is NP 0F C3: with 66, F2 or F3 it is #UD (SDM vol. 2, MOVNTI;
 * checked on the host: 66 0F C3 00 raises SIGILL). */
static const struct x86_node movnti_prefix[4] = { F_(MOVNTI_My_Gy), UD_, UD_, UD_ };
/* Memory only: ModRM is read first, so that a prefixed one longer than 15
 * bytes fails on its length (see undefined_length in decode.c). */
static const struct x86_node opcode_c3[2] = { BY_PREFIX(movnti_prefix), UD_ };
/* F3 0F B8 is POPCNT; without F3, 0F B8 is JMPE (IA-64 only), #UD here. */
static const struct x86_node opcode_b8[4] = { UD_, UD_, F_(POPCNT_Gv_Ev), UD_ };
/* ModRM is read before the prefix decides, so that the undefined columns
 * still have a length (past 15 bytes: #GP, see undefined_length in decode.c). */
static const struct x86_node opcode_b8_modrm[2] = { BY_PREFIX(opcode_b8), BY_PREFIX(opcode_b8) };
/* F3 0F BC/BD are TZCNT/LZCNT (BMI1, LZCNT); otherwise BSF/BSR. */
static const struct x86_node opcode_bc[4] = { F_(BSF_Gv_Ev), F_(BSF_Gv_Ev), F_(TZCNT_Gv_Ev), F_(BSF_Gv_Ev) };
static const struct x86_node opcode_bd[4] = { F_(BSR_Gv_Ev), F_(BSR_Gv_Ev), F_(LZCNT_Gv_Ev), F_(BSR_Gv_Ev) };

#define ROW8(x) x, x, x, x, x, x, x, x
#define SSE4(a) SSE(a), SSE(a + 1), SSE(a + 2), SSE(a + 3)
#define SSE8(a) SSE4(a), SSE4(a + 4)
#define SSE16(a) SSE8(a), SSE8(a + 8)

const struct x86_node x86_map_0f[256] = {
	[0x00] = SYS(0x00), SYS(0x01), SYS(0x02), SYS(0x03),
	[0x05] = SYS(0x05), SYS(0x06), SYS(0x07), SYS(0x08), SYS(0x09),
	[0x0B] = F_(UD2), [0x0D] = SYS(0x0D), SYS(0x0E),
	[0x10] = SSE8(0x10),
	[0x18] = SYS(0x18), SYS(0x19), SYS(0x1A), SYS(0x1B), SYS(0x1C), SYS(0x1D), SYS(0x1E), SYS(0x1F),
	[0x20] = SYS(0x20), SYS(0x21), SYS(0x22), SYS(0x23),
	[0x28] = SSE8(0x28),
	[0x30] = SYS(0x30), SYS(0x31), SYS(0x32), SYS(0x33), SYS(0x34), SYS(0x35), [0x37] = SYS(0x37),
	[0x40] = F_(CMOVo_Gv_Ev), F_(CMOVno_Gv_Ev), F_(CMOVb_Gv_Ev), F_(CMOVae_Gv_Ev),
	[0x44] = F_(CMOVe_Gv_Ev), F_(CMOVne_Gv_Ev), F_(CMOVbe_Gv_Ev), F_(CMOVa_Gv_Ev),
	[0x48] = F_(CMOVs_Gv_Ev), F_(CMOVns_Gv_Ev), F_(CMOVp_Gv_Ev), F_(CMOVnp_Gv_Ev),
	[0x4C] = F_(CMOVl_Gv_Ev), F_(CMOVge_Gv_Ev), F_(CMOVle_Gv_Ev), F_(CMOVg_Gv_Ev),
	[0x50] = SSE16(0x50), SSE16(0x60), SSE16(0x70),
	[0x80] = F_(Jo_Jz), F_(Jno_Jz), F_(Jb_Jz), F_(Jae_Jz), F_(Je_Jz), F_(Jne_Jz), F_(Jbe_Jz), F_(Ja_Jz),
	[0x88] = F_(Js_Jz), F_(Jns_Jz), F_(Jp_Jz), F_(Jnp_Jz), F_(Jl_Jz), F_(Jge_Jz), F_(Jle_Jz), F_(Jg_Jz),
	[0x90] = F_(SETo_Eb), F_(SETno_Eb), F_(SETb_Eb), F_(SETae_Eb), F_(SETe_Eb), F_(SETne_Eb), F_(SETbe_Eb), F_(SETa_Eb),
	[0x98] = F_(SETs_Eb), F_(SETns_Eb), F_(SETp_Eb), F_(SETnp_Eb), F_(SETl_Eb), F_(SETge_Eb), F_(SETle_Eb), F_(SETg_Eb),
	[0xA0] = F_(PUSH_FS), F_(POP_FS), F_(CPUID), F_(BT_Ev_Gv), F_(SHLD_Ev_Gv_Ib), F_(SHLD_Ev_Gv_CL),
	[0xA8] = F_(PUSH_GS), F_(POP_GS), SYS(0xAA), F_(BTS_Ev_Gv), F_(SHRD_Ev_Gv_Ib), F_(SHRD_Ev_Gv_CL),
	[0xAE] = SYS(0xAE), F_(IMUL_Gv_Ev),
	[0xB0] = F_(CMPXCHG_Eb_Gb), F_(CMPXCHG_Ev_Gv), F_(LSS_Gv_Mp), F_(BTR_Ev_Gv),
	[0xB4] = F_(LFS_Gv_Mp), F_(LGS_Gv_Mp), F_(MOVZX_Gv_Eb), F_(MOVZX_Gv_Ew),
	[0xB8] = BY_MOD(opcode_b8_modrm), F_(UD1_Gd_Ed), BY_REG(group8), F_(BTC_Ev_Gv),
	[0xBC] = BY_PREFIX(opcode_bc), BY_PREFIX(opcode_bd), F_(MOVSX_Gv_Eb), F_(MOVSX_Gv_Ew),
	[0xC0] = F_(XADD_Eb_Gb), F_(XADD_Ev_Gv), SSE(0xC2), BY_MOD(opcode_c3),
	[0xC4] = SSE(0xC4), SSE(0xC5), SSE(0xC6), SYS(0xC7),
	[0xC8] = ROW8(F_(BSWAP_Zv)),
	[0xD0] = SSE16(0xD0), SSE16(0xE0), SSE8(0xF0), SSE4(0xF8), SSE(0xFC), SSE(0xFD), SSE(0xFE),
	[0xFF] = F_(UD0_Gd_Ed),
};
