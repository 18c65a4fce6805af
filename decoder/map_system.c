/* map_system.c - system and miscellaneous rows of the 0F map (linked from
 * map_0f.c): groups 6, 7, 9 and 15, LAR/LSL, MOV CR/DR, MSRs, SYSCALL and
 * SYSENTER, the prefetch/hint-NOP rows 0F 0D and 0F 18-1F (MPX, CET,
 * CLDEMOTE). SDM vol. 2, Tables; AMD APM vol. 3 for SVM,
 * MONITORX, CLZERO, RDPRU, INVLPGB, SEV-SNP. Forms: forms_system.def.
 *
 * Prefix columns (BY_PREFIX) are: none, 66, F3, F2. Rows that no prefix
 * changes have no prefix node: there 66/F2/F3 are ignored or size the
 * operands as usual. */
#include "tables.h"

/* ---- 0F 00: group 6 ---- */
static const struct x86_node sldt[2] = { F_(SLDT_Mw), F_(SLDT_Rv) };
static const struct x86_node str[2] = { F_(STR_Mw), F_(STR_Rv) };
static const struct x86_node group6[8] = {
	BY_MOD(sldt), BY_MOD(str), F_(LLDT_Ew), F_(LTR_Ew), F_(VERR_Ew), F_(VERW_Ew),
};

/* ---- 0F 01: group 7 ---- */
/* /5 memory: F3 0F 01 /5 is RSTORSSP; the other columns are #UD. */
static const struct x86_node g7_mem5[4] = { UD_, UD_, F_(RSTORSSP_Mq), UD_ };
static const struct x86_node smsw[2] = { F_(SMSW_Mw), F_(SMSW_Rv) };
/* Descriptor-table loads and stores: by operand size outside 64-bit mode. */
static const struct x86_node sgdt_osize[3] = { F_(SGDTW_Ms), F_(SGDTD_Ms), F_(SGDTD_Ms) };
static const struct x86_node sidt_osize[3] = { F_(SIDTW_Ms), F_(SIDTD_Ms), F_(SIDTD_Ms) };
static const struct x86_node lgdt_osize[3] = { F_(LGDTW_Ms), F_(LGDTD_Ms), F_(LGDTD_Ms) };
static const struct x86_node lidt_osize[3] = { F_(LIDTW_Ms), F_(LIDTD_Ms), F_(LIDTD_Ms) };
static const struct x86_node sgdt[2] = { BY_OSIZE(sgdt_osize), F_(SGDT_Ms) };
static const struct x86_node sidt[2] = { BY_OSIZE(sidt_osize), F_(SIDT_Ms) };
static const struct x86_node lgdt[2] = { BY_OSIZE(lgdt_osize), F_(LGDT_Ms) };
static const struct x86_node lidt[2] = { BY_OSIZE(lidt_osize), F_(LIDT_Ms) };
static const struct x86_node group7_mem[8] = {
	BY_MODE64(sgdt), BY_MODE64(sidt), BY_MODE64(lgdt), BY_MODE64(lidt),
	BY_MOD(smsw), BY_PREFIX(g7_mem5), F_(LMSW_Ew), F_(INVLPG_Mb),
};

/* Register forms: one instruction per rm, most only without prefix. */
#define NP(form) BY_PREFIX(np_##form)
#define NP_ROW(form) static const struct x86_node np_##form[4] = { F_(form), UD_, UD_, UD_ }
NP_ROW(ENCLV); NP_ROW(VMCALL); NP_ROW(VMLAUNCH); NP_ROW(VMRESUME); NP_ROW(VMXOFF); NP_ROW(PCONFIG);
NP_ROW(MONITOR); NP_ROW(MWAIT); NP_ROW(CLAC); NP_ROW(STAC);
NP_ROW(XGETBV); NP_ROW(XSETBV); NP_ROW(VMFUNC); NP_ROW(XEND); NP_ROW(XTEST); NP_ROW(ENCLU);
NP_ROW(MWAITX);

/* /1: 66 0F 01 CC-CF are TDX (TDCALL, SEAMRET, SEAMOPS, SEAMCALL). */
static const struct x86_node rm_cc[4] = { UD_, F_(TDCALL), UD_, UD_ };
static const struct x86_node rm_cd[4] = { UD_, F_(SEAMRET), UD_, UD_ };
static const struct x86_node rm_ce[4] = { UD_, F_(SEAMOPS), UD_, UD_ };
static const struct x86_node rm_cf[4] = { F_(ENCLS), F_(SEAMCALL), UD_, UD_ };
/* /5: E8 is SERIALIZE, F3 SETSSBSY, F2 XSUSLDTRK; E9 F2 XRESLDTRK;
 * EA F3 SAVEPREVSSP; EC-EF F3 user interrupts, EE/EF RDPKRU/WRPKRU. */
static const struct x86_node rm_e8[4] = { F_(SERIALIZE), UD_, F_(SETSSBSY), F_(XSUSLDTRK) };
static const struct x86_node rm_e9[4] = { UD_, UD_, UD_, F_(XRESLDTRK) };
static const struct x86_node rm_ea[4] = { UD_, UD_, F_(SAVEPREVSSP), UD_ };
static const struct x86_node rm_ec[4] = { UD_, UD_, F_(UIRET), UD_ };
static const struct x86_node rm_ed[4] = { UD_, UD_, F_(TESTUI), UD_ };
static const struct x86_node rm_ee[4] = { F_(RDPKRU), UD_, F_(CLUI), UD_ };
static const struct x86_node rm_ef[4] = { F_(WRPKRU), UD_, F_(STUI), UD_ };
/* /7: FA F3 is MCOMMIT; FD F3 is RMPQUERY in 64-bit mode; FE/FF are
 * INVLPGB/TLBSYNC, with F2 RMPUPDATE / PVALIDATE and with F3 RMPADJUST /
 * PSMASH (AMD APM vol. 3). */
static const struct x86_node rm_fa[4] = { F_(MONITORX), UD_, F_(MCOMMIT), UD_ };
static const struct x86_node rmpquery[2] = { F_(RDPRU), F_(RMPQUERY) };
static const struct x86_node rm_fd[4] = { F_(RDPRU), F_(RDPRU), BY_MODE64(rmpquery), F_(RDPRU) };
static const struct x86_node rm_fe[4] = { F_(INVLPGB_rAX_EDX_ECX), UD_, F_(RMPADJUST_RAX_RCX_RDX), F_(RMPUPDATE_RAX_RCX) };
static const struct x86_node rm_ff[4] = { F_(TLBSYNC), UD_, F_(PSMASH_RAX), F_(PVALIDATE_rAX_ECX_EDX) };

static const struct x86_node g7_reg0[8] = {
	NP(ENCLV), NP(VMCALL), NP(VMLAUNCH), NP(VMRESUME), NP(VMXOFF), NP(PCONFIG),
};
static const struct x86_node g7_reg1[8] = {
	NP(MONITOR), NP(MWAIT), NP(CLAC), NP(STAC),
	BY_PREFIX(rm_cc), BY_PREFIX(rm_cd), BY_PREFIX(rm_ce), BY_PREFIX(rm_cf),
};
static const struct x86_node g7_reg2[8] = {
	NP(XGETBV), NP(XSETBV), UD_, UD_, NP(VMFUNC), NP(XEND), NP(XTEST), NP(ENCLU),
};
/* SVM ignores 66/F2/F3, except that F2/F3 0F 01 D9 is VMGEXIT. */
static const struct x86_node rm_d9[4] = { F_(VMMCALL), F_(VMMCALL), F_(VMGEXIT), F_(VMGEXIT) };
static const struct x86_node g7_reg3[8] = {
	F_(VMRUN_rAX), BY_PREFIX(rm_d9), F_(VMLOAD_rAX), F_(VMSAVE_rAX),
	F_(STGI), F_(CLGI), F_(SKINIT_EAX), F_(INVLPGA_rAX_ECX),
};
static const struct x86_node g7_reg5[8] = {
	BY_PREFIX(rm_e8), BY_PREFIX(rm_e9), BY_PREFIX(rm_ea), UD_,
	BY_PREFIX(rm_ec), BY_PREFIX(rm_ed), BY_PREFIX(rm_ee), BY_PREFIX(rm_ef),
};
static const struct x86_node g7_reg7[8] = {
	F_(SWAPGS), F_(RDTSCP), BY_PREFIX(rm_fa), NP(MWAITX),
	F_(CLZERO_rAX), BY_PREFIX(rm_fd), BY_PREFIX(rm_fe), BY_PREFIX(rm_ff),
};
static const struct x86_node group7_reg[8] = {
	BY_RM(g7_reg0), BY_RM(g7_reg1), BY_RM(g7_reg2), BY_RM(g7_reg3),
	F_(SMSW_Rv), BY_RM(g7_reg5), F_(LMSW_Ew), BY_RM(g7_reg7),
};
static const struct x86_node group7[2] = { BY_REG(group7_mem), BY_REG(group7_reg) };

/* ---- 0F 02, 0F 03 ---- */
static const struct x86_node lar[2] = { F_(LAR_Gv_Mw), F_(LAR_Gv_Rz) };
static const struct x86_node lsl[2] = { F_(LSL_Gv_Mw), F_(LSL_Gv_Rz) };

/* ---- 0F 07, 0F 09, 0F 35 ---- */
static const struct x86_node sysret_w[2] = { F_(SYSRETD), F_(SYSRETQ) };
static const struct x86_node sysret[2] = { F_(SYSRET), BY_W(sysret_w) };
static const struct x86_node sysexit_w[2] = { F_(SYSEXITD), F_(SYSEXITQ) };
static const struct x86_node sysexit[2] = { F_(SYSEXIT), BY_W(sysexit_w) };
/* F3 0F 09 is WBNOINVD; 66 and F2 are ignored. */
static const struct x86_node wbinvd[4] = { F_(WBINVD), F_(WBINVD), F_(WBNOINVD), F_(WBINVD) };

/* ---- 0F 0D: prefetches, register forms are hint NOPs ---- */
static const struct x86_node prefetch_mem[8] = {
	F_(PREFETCH_Mb), F_(PREFETCHW_Mb), F_(PREFETCHWT1_Mb), F_(PREFETCH_Mb),
	F_(PREFETCH_Mb), F_(PREFETCH_Mb), F_(PREFETCH_Mb), F_(PREFETCH_Mb),
};
static const struct x86_node opcode_0d[2] = { BY_REG(prefetch_mem), F_(NOP_0D_Ev_Gv) };

/* ---- 0F 18: group 16 ---- */
static const struct x86_node group16_mem[8] = {
	F_(PREFETCHNTA_Mb), F_(PREFETCHT0_Mb), F_(PREFETCHT1_Mb), F_(PREFETCHT2_Mb),
	F_(NOP_Ev), F_(NOP_Ev), F_(NOP_Ev), F_(NOP_Ev),
};
static const struct x86_node opcode_18[2] = { BY_REG(group16_mem), F_(NOP_Ev) };

/* ---- 0F 1A, 0F 1B: MPX; without a prefix the register forms stay NOPs ---- */
/* 16-bit addressing is #UD for every MPX memory form (SDM vol. 2, BNDCL:
 * "If 67H prefix is not used and CS.D=0", "If 67H prefix is used and CS.D=1"). */
static const struct x86_node bndldx[3] = { UD_, F_(BNDLDX_BNDG_M), F_(BNDLDX_BNDG_M) };
static const struct x86_node bndstx[3] = { UD_, F_(BNDSTX_M_BNDG), F_(BNDSTX_M_BNDG) };
static const struct x86_node bndmk[3] = { UD_, F_(BNDMK_BNDG_My), F_(BNDMK_BNDG_My) };
static const struct x86_node bndcl_m[3] = { UD_, F_(BNDCL_BNDG_Ey), F_(BNDCL_BNDG_Ey) };
static const struct x86_node bndcu_m[3] = { UD_, F_(BNDCU_BNDG_Ey), F_(BNDCU_BNDG_Ey) };
static const struct x86_node bndcn_m[3] = { UD_, F_(BNDCN_BNDG_Ey), F_(BNDCN_BNDG_Ey) };
static const struct x86_node bndmov_load_m[3] = { UD_, F_(BNDMOV_BNDG_Mq), F_(BNDMOV_BNDG_Mdq) };
static const struct x86_node bndmov_store_m[3] = { UD_, F_(BNDMOV_Mq_BNDG), F_(BNDMOV_Mdq_BNDG) };
/* BNDMOV memory operands are m64 outside 64-bit mode, m128 in it (where the
 * address size cannot be 16). */
static const struct x86_node bndmov_load_mode[2] = { BY_ASIZE(bndmov_load_m), F_(BNDMOV_BNDG_Mdq) };
static const struct x86_node bndmov_store_mode[2] = { BY_ASIZE(bndmov_store_m), F_(BNDMOV_Mdq_BNDG) };

static const struct x86_node bndldx_or_nop[2] = { BY_ASIZE(bndldx), F_(NOP_Ev) };
static const struct x86_node bndstx_or_nop[2] = { BY_ASIZE(bndstx), F_(NOP_Ev) };
static const struct x86_node bndmk_or_nop[2] = { BY_ASIZE(bndmk), F_(NOP_Ev) };
static const struct x86_node bndcl[2] = { BY_ASIZE(bndcl_m), F_(BNDCL_BNDG_Ey) };
static const struct x86_node bndcu[2] = { BY_ASIZE(bndcu_m), F_(BNDCU_BNDG_Ey) };
static const struct x86_node bndcn[2] = { BY_ASIZE(bndcn_m), F_(BNDCN_BNDG_Ey) };
static const struct x86_node bndmov_load[2] = { BY_MODE64(bndmov_load_mode), F_(BNDMOV_BNDG_BNDE) };
static const struct x86_node bndmov_store[2] = { BY_MODE64(bndmov_store_mode), F_(BNDMOV_BNDE_BNDG) };

static const struct x86_node opcode_1a[4] = {
	BY_MOD(bndldx_or_nop), BY_MOD(bndmov_load), BY_MOD(bndcl), BY_MOD(bndcu),
};
static const struct x86_node opcode_1b[4] = {
	BY_MOD(bndstx_or_nop), BY_MOD(bndmov_store), BY_MOD(bndmk_or_nop), BY_MOD(bndcn),
};

/* ---- 0F 1C: CLDEMOTE is NP 0F 1C /0 (memory); the rest are NOPs ---- */
static const struct x86_node cldemote[4] = { F_(CLDEMOTE_Mb), F_(NOP_Ev_Gv), F_(NOP_Ev_Gv), F_(NOP_Ev_Gv) };
static const struct x86_node opcode_1c_mem[8] = {
	BY_PREFIX(cldemote), F_(NOP_Ev_Gv), F_(NOP_Ev_Gv), F_(NOP_Ev_Gv),
	F_(NOP_Ev_Gv), F_(NOP_Ev_Gv), F_(NOP_Ev_Gv), F_(NOP_Ev_Gv),
};
static const struct x86_node opcode_1c[2] = { BY_REG(opcode_1c_mem), F_(NOP_Ev_Gv) };

/* ---- 0F 1E: CET register forms with F3 (RDSSPD/Q, ENDBR64/32) ---- */
static const struct x86_node rdssp[2] = { F_(RDSSPD_Rd), F_(RDSSPQ_Rq) };
static const struct x86_node endbr[8] = {
	F_(NOP_Ev_Gv), F_(NOP_Ev_Gv), F_(ENDBR64), F_(ENDBR32),
	F_(NOP_Ev_Gv), F_(NOP_Ev_Gv), F_(NOP_Ev_Gv), F_(NOP_Ev_Gv),
};
static const struct x86_node f3_1e_reg[8] = {
	F_(NOP_Ev_Gv), BY_W(rdssp), F_(NOP_Ev_Gv), F_(NOP_Ev_Gv),
	F_(NOP_Ev_Gv), F_(NOP_Ev_Gv), F_(NOP_Ev_Gv), BY_RM(endbr),
};
static const struct x86_node opcode_1e_reg[4] = {
	F_(NOP_Ev_Gv), F_(NOP_Ev_Gv), BY_REG(f3_1e_reg), F_(NOP_Ev_Gv),
};
static const struct x86_node opcode_1e[2] = { F_(NOP_Ev_Gv), BY_PREFIX(opcode_1e_reg) };

/* ---- 0F 37 GETSEC: NP ---- */
NP_ROW(GETSEC);

/* ---- 0F AE: group 15 ---- */
static const struct x86_node fxsave[2] = { F_(FXSAVE_Mfx), F_(FXSAVE64_Mfx) };
static const struct x86_node fxrstor[2] = { F_(FXRSTOR_Mfx), F_(FXRSTOR64_Mfx) };
static const struct x86_node xsave[2] = { F_(XSAVE_M), F_(XSAVE64_M) };
static const struct x86_node xrstor[2] = { F_(XRSTOR_M), F_(XRSTOR64_M) };
static const struct x86_node xsaveopt[2] = { F_(XSAVEOPT_M), F_(XSAVEOPT64_M) };
static const struct x86_node g15_mem_np[8] = {
	BY_W(fxsave), BY_W(fxrstor), F_(LDMXCSR_Md), F_(STMXCSR_Md),
	BY_W(xsave), BY_W(xrstor), BY_W(xsaveopt), F_(CLFLUSH_M),
};
static const struct x86_node g15_mem_66[8] = { [6] = F_(CLWB_M), F_(CLFLUSHOPT_M) };
static const struct x86_node g15_mem_f3[8] = { [4] = F_(PTWRITE_Ey), [6] = F_(CLRSSBSY_Mq) };
static const struct x86_node g15_mem[4] = { BY_REG(g15_mem_np), BY_REG(g15_mem_66), BY_REG(g15_mem_f3), UD_ };

static const struct x86_node incssp[2] = { F_(INCSSPD_Rd), F_(INCSSPQ_Rq) };
static const struct x86_node g15_reg_np[8] = { [5] = F_(LFENCE), F_(MFENCE), F_(SFENCE) };
static const struct x86_node g15_reg_66[8] = { [6] = F_(TPAUSE_Rd) };
static const struct x86_node g15_reg_f3[8] = {
	F_(RDFSBASE_Ry), F_(RDGSBASE_Ry), F_(WRFSBASE_Ry), F_(WRGSBASE_Ry),
	F_(PTWRITE_Ey), BY_W(incssp), F_(UMONITOR_R),
};
static const struct x86_node g15_reg_f2[8] = { [6] = F_(UMWAIT_Rd) };
static const struct x86_node g15_reg[4] = {
	BY_REG(g15_reg_np), BY_REG(g15_reg_66), BY_REG(g15_reg_f3), BY_REG(g15_reg_f2),
};
static const struct x86_node group15[2] = { BY_PREFIX(g15_mem), BY_PREFIX(g15_reg) };

/* ---- 0F C7: group 9 ---- */
static const struct x86_node cmpxchg8b[2] = { F_(CMPXCHG8B_Mq), F_(CMPXCHG16B_Mdq) };
static const struct x86_node xrstors[2] = { F_(XRSTORS_M), F_(XRSTORS64_M) };
static const struct x86_node xsavec[2] = { F_(XSAVEC_M), F_(XSAVEC64_M) };
static const struct x86_node xsaves[2] = { F_(XSAVES_M), F_(XSAVES64_M) };
static const struct x86_node g9_np[4] = { BY_W(xrstors), UD_, UD_, UD_ };
static const struct x86_node g9_xsavec[4] = { BY_W(xsavec), UD_, UD_, UD_ };
static const struct x86_node g9_xsaves[4] = { BY_W(xsaves), UD_, UD_, UD_ };
static const struct x86_node g9_vmx6[4] = { F_(VMPTRLD_Mq), F_(VMCLEAR_Mq), F_(VMXON_Mq), UD_ };
static const struct x86_node g9_vmx7[4] = { F_(VMPTRST_Mq), UD_, UD_, UD_ };
static const struct x86_node group9_mem[8] = {
	[1] = BY_W(cmpxchg8b), [3] = BY_PREFIX(g9_np), BY_PREFIX(g9_xsavec), BY_PREFIX(g9_xsaves),
	BY_PREFIX(g9_vmx6), BY_PREFIX(g9_vmx7),
};
static const struct x86_node rdpid[2] = { F_(RDPID_Rd), F_(RDPID_Rq) };
static const struct x86_node g9_reg6[4] = { F_(RDRAND_Rv), F_(RDRAND_Rv), F_(SENDUIPI_Rq), UD_ };
static const struct x86_node g9_reg7[4] = { F_(RDSEED_Rv), F_(RDSEED_Rv), BY_MODE64(rdpid), UD_ };
static const struct x86_node group9_reg[8] = { [6] = BY_PREFIX(g9_reg6), BY_PREFIX(g9_reg7) };
static const struct x86_node group9[2] = { BY_REG(group9_mem), BY_REG(group9_reg) };

const struct x86_node x86_sys_0f[256] = {
	[0x00] = BY_REG(group6), BY_MOD(group7), BY_MOD(lar), BY_MOD(lsl),
	[0x05] = F_(SYSCALL), F_(CLTS), BY_MODE64(sysret), F_(INVD), BY_PREFIX(wbinvd),
	[0x0D] = BY_MOD(opcode_0d), F_(FEMMS),
	[0x18] = BY_MOD(opcode_18), F_(NOP_Ev_Gv), BY_PREFIX(opcode_1a), BY_PREFIX(opcode_1b),
	[0x1C] = BY_MOD(opcode_1c), F_(NOP_Ev_Gv), BY_MOD(opcode_1e), F_(NOP_Ev_Gv),
	[0x20] = F_(MOV_Ry_Cy), F_(MOV_Ry_Dy), F_(MOV_Cy_Ry), F_(MOV_Dy_Ry),
	[0x30] = F_(WRMSR), F_(RDTSC), F_(RDMSR), F_(RDPMC), F_(SYSENTER), BY_MODE64(sysexit),
	[0x37] = NP(GETSEC),
	[0xAA] = F_(RSM),
	[0xAE] = BY_MOD(group15),
	[0xC7] = BY_MOD(group9),
};
