/* crack_table.c - which cracking pattern each instruction form uses:
 * one row per form, ROW(form, pattern, micro-op, flags written, condition,
 * pattern argument). Forms without a row are not cracked yet. */
#include "uops/crack_internal.h"
#include "uops/crack_sse.h"
#include "uops/crack_x87.h"
#include "uops/crack_legacy.h"
#include "uops/crack_bmi.h"

#define ROW(form, pattern, op, flags, cond, arg) \
	[X86_FORM_##form] = { crack_##pattern, UOP_##op, flags, cond, arg }

#define ALU_ROWS(OP, uop, arg) \
	ROW(OP##_Eb_Gb, alu, uop, UF_ARITH, 0, arg), ROW(OP##_Ev_Gv, alu, uop, UF_ARITH, 0, arg), \
	ROW(OP##_Gb_Eb, alu, uop, UF_ARITH, 0, arg), ROW(OP##_Gv_Ev, alu, uop, UF_ARITH, 0, arg), \
	ROW(OP##_AL_Ib, alu, uop, UF_ARITH, 0, arg), ROW(OP##_rAX_Iz, alu, uop, UF_ARITH, 0, arg), \
	ROW(OP##_Eb_Ib, alu, uop, UF_ARITH, 0, arg), ROW(OP##_Ev_Iz, alu, uop, UF_ARITH, 0, arg), \
	ROW(OP##_Ev_Ibs, alu, uop, UF_ARITH, 0, arg), ROW(OP##_Eb_Ib_82, alu, uop, UF_ARITH, 0, arg)

#define SHIFT_ROWS(OP) \
	ROW(OP##_Eb_Ib, shift, OP, UF_ARITH, 0, 0), ROW(OP##_Ev_Ib, shift, OP, UF_ARITH, 0, 0), \
	ROW(OP##_Eb_1, shift, OP, UF_ARITH, 0, 0), ROW(OP##_Ev_1, shift, OP, UF_ARITH, 0, 0), \
	ROW(OP##_Eb_CL, shift, OP, UF_ARITH, 0, 0), ROW(OP##_Ev_CL, shift, OP, UF_ARITH, 0, 0)

/* Condition-code forms, in condition order (enum uop_cond). */
#define CC_ROWS(PREFIX, SUFFIX, pattern, op) \
	ROW(PREFIX##o##SUFFIX, pattern, op, 0, COND_O, 0), ROW(PREFIX##no##SUFFIX, pattern, op, 0, COND_NO, 0), \
	ROW(PREFIX##b##SUFFIX, pattern, op, 0, COND_B, 0), ROW(PREFIX##ae##SUFFIX, pattern, op, 0, COND_AE, 0), \
	ROW(PREFIX##e##SUFFIX, pattern, op, 0, COND_E, 0), ROW(PREFIX##ne##SUFFIX, pattern, op, 0, COND_NE, 0), \
	ROW(PREFIX##be##SUFFIX, pattern, op, 0, COND_BE, 0), ROW(PREFIX##a##SUFFIX, pattern, op, 0, COND_A, 0), \
	ROW(PREFIX##s##SUFFIX, pattern, op, 0, COND_S, 0), ROW(PREFIX##ns##SUFFIX, pattern, op, 0, COND_NS, 0), \
	ROW(PREFIX##p##SUFFIX, pattern, op, 0, COND_P, 0), ROW(PREFIX##np##SUFFIX, pattern, op, 0, COND_NP, 0), \
	ROW(PREFIX##l##SUFFIX, pattern, op, 0, COND_L, 0), ROW(PREFIX##ge##SUFFIX, pattern, op, 0, COND_GE, 0), \
	ROW(PREFIX##le##SUFFIX, pattern, op, 0, COND_LE, 0), ROW(PREFIX##g##SUFFIX, pattern, op, 0, COND_G, 0)

const struct crack_row crack_table[X86_FORM_COUNT] = {
	ALU_ROWS(ADD, ADD, 0), ALU_ROWS(OR, OR, 0), ALU_ROWS(ADC, ADC, 0), ALU_ROWS(SBB, SBB, 0),
	ALU_ROWS(AND, AND, 0), ALU_ROWS(SUB, SUB, 0), ALU_ROWS(XOR, XOR, 0),
	ALU_ROWS(CMP, SUB, ARG_NO_WRITEBACK),
	ROW(TEST_Eb_Gb, alu, AND, UF_ARITH, 0, ARG_NO_WRITEBACK),
	ROW(TEST_Ev_Gv, alu, AND, UF_ARITH, 0, ARG_NO_WRITEBACK),
	ROW(TEST_AL_Ib, alu, AND, UF_ARITH, 0, ARG_NO_WRITEBACK),
	ROW(TEST_rAX_Iz, alu, AND, UF_ARITH, 0, ARG_NO_WRITEBACK),
	ROW(TEST_Eb_Ib, alu, AND, UF_ARITH, 0, ARG_NO_WRITEBACK),
	ROW(TEST_Ev_Iz, alu, AND, UF_ARITH, 0, ARG_NO_WRITEBACK),
	ROW(INC_Eb, unary, INC, UF_OSZAP, 0, 0), ROW(INC_Ev, unary, INC, UF_OSZAP, 0, 0),
	ROW(INC_Zv, unary, INC, UF_OSZAP, 0, 0),
	ROW(DEC_Eb, unary, DEC, UF_OSZAP, 0, 0), ROW(DEC_Ev, unary, DEC, UF_OSZAP, 0, 0),
	ROW(DEC_Zv, unary, DEC, UF_OSZAP, 0, 0),
	ROW(NEG_Eb, unary, NEG, UF_ARITH, 0, 0), ROW(NEG_Ev, unary, NEG, UF_ARITH, 0, 0),
	ROW(NOT_Eb, unary, NOT, 0, 0, 0), ROW(NOT_Ev, unary, NOT, 0, 0, 0),
	ROW(MOV_Eb_Gb, mov, MOV, 0, 0, 0), ROW(MOV_Ev_Gv, mov, MOV, 0, 0, 0),
	ROW(MOV_Gb_Eb, mov, MOV, 0, 0, 0), ROW(MOV_Gv_Ev, mov, MOV, 0, 0, 0),
	ROW(MOV_Zb_Ib, mov, MOV, 0, 0, 0), ROW(MOV_Zv_Iv, mov, MOV, 0, 0, 0),
	ROW(MOV_Eb_Ib, mov, MOV, 0, 0, 0), ROW(MOV_Ev_Iz, mov, MOV, 0, 0, 0),
	ROW(MOV_AL_Ob, mov, MOV, 0, 0, 0), ROW(MOV_rAX_Ov, mov, MOV, 0, 0, 0),
	ROW(MOV_Ob_AL, mov, MOV, 0, 0, 0), ROW(MOV_Ov_rAX, mov, MOV, 0, 0, 0),
	ROW(MOVZX_Gv_Eb, extend, ZEXT, 0, 0, 0), ROW(MOVZX_Gv_Ew, extend, ZEXT, 0, 0, 0),
	ROW(MOVSX_Gv_Eb, extend, SEXT, 0, 0, ARG_SIGNED), ROW(MOVSX_Gv_Ew, extend, SEXT, 0, 0, ARG_SIGNED),
	ROW(MOVSXD_Gv_Ed, extend, SEXT, 0, 0, ARG_SIGNED),
	ROW(MOVSXD_Gw_Ew, extend, SEXT, 0, 0, ARG_SIGNED), /* 16 to 16 bits: a move */
	ROW(LEA_Gv_M, lea, LEA, 0, 0, 0),
	ROW(PUSH_Zv, push, STA, 0, 0, 0), ROW(PUSH_Ev, push, STA, 0, 0, 0),
	ROW(PUSH_Iz, push, STA, 0, 0, 0), ROW(PUSH_Ibs, push, STA, 0, 0, 0),
	ROW(POP_Zv, pop, LOAD, 0, 0, 0), ROW(POP_Ev, pop, LOAD, 0, 0, 0),
	ROW(XCHG_Eb_Gb, xchg, MOV, 0, 0, 0), ROW(XCHG_Ev_Gv, xchg, MOV, 0, 0, 0),
	ROW(XCHG_Zv_rAX, xchg, MOV, 0, 0, 0),
	SHIFT_ROWS(ROL), SHIFT_ROWS(ROR), SHIFT_ROWS(RCL), SHIFT_ROWS(RCR),
	SHIFT_ROWS(SHL), SHIFT_ROWS(SHR), SHIFT_ROWS(SAR),
	/* SAL (group 2 /6) is SHL (SDM vol. 2, SAL/SAR/SHL/SHR). */
	ROW(SAL_Eb_Ib, shift, SHL, UF_ARITH, 0, 0), ROW(SAL_Ev_Ib, shift, SHL, UF_ARITH, 0, 0),
	ROW(SAL_Eb_1, shift, SHL, UF_ARITH, 0, 0), ROW(SAL_Ev_1, shift, SHL, UF_ARITH, 0, 0),
	ROW(SAL_Eb_CL, shift, SHL, UF_ARITH, 0, 0), ROW(SAL_Ev_CL, shift, SHL, UF_ARITH, 0, 0),
	ROW(SHLD_Ev_Gv_Ib, double_shift, SHLD, UF_ARITH, 0, 0), ROW(SHLD_Ev_Gv_CL, double_shift, SHLD, UF_ARITH, 0, 0),
	ROW(SHRD_Ev_Gv_Ib, double_shift, SHRD, UF_ARITH, 0, 0), ROW(SHRD_Ev_Gv_CL, double_shift, SHRD, UF_ARITH, 0, 0),
	ROW(IMUL_Gv_Ev, imul, IMUL, UF_ARITH, 0, 0), ROW(IMUL_Gv_Ev_Iz, imul, IMUL, UF_ARITH, 0, 0),
	ROW(IMUL_Gv_Ev_Ibs, imul, IMUL, UF_ARITH, 0, 0),
	ROW(MUL_Eb, muldiv, MULHI, UF_ARITH, 0, 0), ROW(MUL_Ev, muldiv, MULHI, UF_ARITH, 0, 0),
	ROW(IMUL_Eb, muldiv, MULHI, UF_ARITH, 0, ARG_SIGNED), ROW(IMUL_Ev, muldiv, MULHI, UF_ARITH, 0, ARG_SIGNED),
	ROW(DIV_Eb, muldiv, DIVQ, 0, 0, 0), ROW(DIV_Ev, muldiv, DIVQ, 0, 0, 0),
	ROW(IDIV_Eb, muldiv, DIVQ, 0, 0, ARG_SIGNED), ROW(IDIV_Ev, muldiv, DIVQ, 0, 0, ARG_SIGNED),
	CC_ROWS(CMOV, _Gv_Ev, cmov, CMOV),
	CC_ROWS(SET, _Eb, setcc, SETCC),
	CC_ROWS(J, _Jb, jcc, BRCC),
	CC_ROWS(J, _Jz, jcc, BRCC),
	ROW(CBW, convert, SEXT, 0, 0, 0), ROW(CWDE, convert, SEXT, 0, 0, 0), ROW(CDQE, convert, SEXT, 0, 0, 0),
	ROW(CWD, convert, SIGNFILL, 0, 0, 0), ROW(CDQ, convert, SIGNFILL, 0, 0, 0),
	ROW(CQO, convert, SIGNFILL, 0, 0, 0),
	ROW(BT_Ev_Gv, bit_test, BT, UF_CF, 0, 0), ROW(BT_Ev_Ib, bit_test, BT, UF_CF, 0, 0),
	ROW(BTS_Ev_Gv, bit_test, BTS, UF_CF, 0, 0), ROW(BTS_Ev_Ib, bit_test, BTS, UF_CF, 0, 0),
	ROW(BTR_Ev_Gv, bit_test, BTR, UF_CF, 0, 0), ROW(BTR_Ev_Ib, bit_test, BTR, UF_CF, 0, 0),
	ROW(BTC_Ev_Gv, bit_test, BTC, UF_CF, 0, 0), ROW(BTC_Ev_Ib, bit_test, BTC, UF_CF, 0, 0),
	ROW(BSF_Gv_Ev, bit_scan, BSF, UF_ARITH, 0, 0), ROW(BSR_Gv_Ev, bit_scan, BSR, UF_ARITH, 0, 0),
	ROW(TZCNT_Gv_Ev, bit_scan, TZCNT, UF_ARITH, 0, 0), ROW(LZCNT_Gv_Ev, bit_scan, LZCNT, UF_ARITH, 0, 0),
	ROW(POPCNT_Gv_Ev, bit_scan, POPCNT, UF_ARITH, 0, 0),
	ROW(BSWAP_Zv, bswap, BSWAP, 0, 0, 0),
	ROW(XADD_Eb_Gb, xadd, ADD, UF_ARITH, 0, 0), ROW(XADD_Ev_Gv, xadd, ADD, UF_ARITH, 0, 0),
	ROW(CMPXCHG_Eb_Gb, cmpxchg, SUB, UF_ARITH, 0, 0), ROW(CMPXCHG_Ev_Gv, cmpxchg, SUB, UF_ARITH, 0, 0),
	ROW(LEAVE, leave, MOV, 0, 0, 0),
	ROW(CMPXCHG8B_Mq, cmpxchg8b, CMPEQ, 0, 0, 0),
	ROW(MOVBE_Gv_Mv, movbe, BSWAP, 0, 0, 0), ROW(MOVBE_Mv_Gv, movbe, BSWAP, 0, 0, 0),
	ROW(CLC, flags, CLRFLAGS, UF_CF, 0, 'C'), ROW(STC, flags, SETFLAGS, UF_CF, 0, 'C'),
	ROW(CMC, flags, CMC, UF_CF, 0, 'C'),
	ROW(CLD, flags, CLRFLAGS, UF_DF, 0, 'D'), ROW(STD, flags, SETFLAGS, UF_DF, 0, 'D'),
	ROW(PUSHF, pushf, RDFLAGS, 0, 0, 0), ROW(PUSHFD, pushf, RDFLAGS, 0, 0, 0),
	ROW(PUSHFQ, pushf, RDFLAGS, 0, 0, 0),
	ROW(POPF, popf, WRFLAGS, 0, 0, 0), ROW(POPFD, popf, WRFLAGS, 0, 0, 0), ROW(POPFQ, popf, WRFLAGS, 0, 0, 0),
	ROW(LAHF, lahf, RDFLAGS, 0, 0, 0), ROW(SAHF, sahf, WRFLAGS, 0, 0, 0),
	/* Control flow. */
	ROW(JMP_Jb, jmp, BR, 0, 0, 0), ROW(JMP_Jz, jmp, BR, 0, 0, 0), ROW(JMP_Ev, jmp, BR, 0, 0, 0),
	ROW(CALL_Jz, call, BR, 0, 0, 0), ROW(CALL_Ev, call, BR, 0, 0, 0),
	ROW(RET, ret, BR, 0, 0, 0), ROW(RET_Iw, ret, BR, 0, 0, 0),
	ROW(LOOP_Jb, loop, BRCC, 0, COND_SRC0_NONZERO, 0),
	ROW(LOOPE_Jb, loop, BRCC, 0, COND_SRC0_NONZERO_AND_E, 0),
	ROW(LOOPNE_Jb, loop, BRCC, 0, COND_SRC0_NONZERO_AND_NE, 0),
	ROW(JCXZ_Jb, loop, BRCC, 0, COND_SRC0_ZERO, 0), ROW(JECXZ_Jb, loop, BRCC, 0, COND_SRC0_ZERO, 0),
	ROW(JRCXZ_Jb, loop, BRCC, 0, COND_SRC0_ZERO, 0),
	/* Strings: SUB marks the comparing ones. */
	ROW(MOVSB_Yb_Xb, string, MOV, 0, 0, 0), ROW(MOVSW_Yw_Xw, string, MOV, 0, 0, 0),
	ROW(MOVSD_Yd_Xd, string, MOV, 0, 0, 0), ROW(MOVSQ_Yq_Xq, string, MOV, 0, 0, 0),
	ROW(STOSB_Yb_AL, string, MOV, 0, 0, 0), ROW(STOSW_Yw_AX, string, MOV, 0, 0, 0),
	ROW(STOSD_Yd_EAX, string, MOV, 0, 0, 0), ROW(STOSQ_Yq_RAX, string, MOV, 0, 0, 0),
	ROW(LODSB_AL_Xb, string, MOV, 0, 0, 0), ROW(LODSW_AX_Xw, string, MOV, 0, 0, 0),
	ROW(LODSD_EAX_Xd, string, MOV, 0, 0, 0), ROW(LODSQ_RAX_Xq, string, MOV, 0, 0, 0),
	ROW(CMPSB_Xb_Yb, string, SUB, 0, 0, 0), ROW(CMPSW_Xw_Yw, string, SUB, 0, 0, 0),
	ROW(CMPSD_Xd_Yd, string, SUB, 0, 0, 0), ROW(CMPSQ_Xq_Yq, string, SUB, 0, 0, 0),
	ROW(SCASB_AL_Yb, string, SUB, 0, 0, 0), ROW(SCASW_AX_Yw, string, SUB, 0, 0, 0),
	ROW(SCASD_EAX_Yd, string, SUB, 0, 0, 0), ROW(SCASQ_RAX_Yq, string, SUB, 0, 0, 0),
	/* System and hints. */
	ROW(NOP, nop, NOP, 0, 0, 0), ROW(PAUSE, nop, NOP, 0, 0, 0),
	/* Hint NOPs, CET end-branch markers and cache hints: no architectural
	 * effect (prefetches never fault, SDM vol. 2, PREFETCHh). The timing
	 * model will give prefetches and fences their own behaviour. */
	ROW(NOP_Ev, nop, NOP, 0, 0, 0), ROW(NOP_Ev_Gv, nop, NOP, 0, 0, 0),
	ROW(ENDBR32, nop, NOP, 0, 0, 0), ROW(ENDBR64, nop, NOP, 0, 0, 0),
	/* RDSSP is a NOP while CET shadow stacks are off, as for every Linux
	 * process uopsim runs (SDM vol. 2, RDSSPD/RDSSPQ). */
	ROW(RDSSPD_Rd, nop, NOP, 0, 0, 0), ROW(RDSSPQ_Rq, nop, NOP, 0, 0, 0),
	ROW(PREFETCHNTA_Mb, nop, NOP, 0, 0, 0), ROW(PREFETCHT0_Mb, nop, NOP, 0, 0, 0),
	ROW(PREFETCHT1_Mb, nop, NOP, 0, 0, 0), ROW(PREFETCHT2_Mb, nop, NOP, 0, 0, 0),
	ROW(PREFETCHW_Mb, nop, NOP, 0, 0, 0), ROW(PREFETCH_Mb, nop, NOP, 0, 0, 0),
	ROW(PREFETCHWT1_Mb, nop, NOP, 0, 0, 0), ROW(CLDEMOTE_Mb, nop, NOP, 0, 0, 0),
	ROW(LFENCE, nop, NOP, 0, 0, 0), ROW(MFENCE, nop, NOP, 0, 0, 0), ROW(SFENCE, nop, NOP, 0, 0, 0),
	ROW(RDTSC, system, RDTSC, 0, 0, 0), ROW(SYSCALL, system, SYSCALL, 0, 0, 0),
	/* 0F 0D /r with a register: #UD on the AMD Zen 5 host (measured with
	 * build/zydis-diff --native); Intel documents it as a reserved NOP. */
	ROW(NOP_0D_Ev_Gv, system, FAULT, 0, 0, 6),
	ROW(CPUID, system, CPUID, 0, 0, 0),
	ROW(INT3, system, FAULT, 0, 0, 3), ROW(INT1, system, FAULT, 0, 0, 1),
	ROW(INT_Ib, system, SYSCALL, 0, 0, 0),
	ROW(UD2, system, FAULT, 0, 0, 6), ROW(UD0_Gd_Ed, system, FAULT, 0, 0, 6),
	ROW(UD1_Gd_Ed, system, FAULT, 0, 0, 6),
	ROW(HLT, system, FAULT, 0, 0, 13), ROW(CLI, system, FAULT, 0, 0, 13), ROW(STI, system, FAULT, 0, 0, 13),
	/* BMI1/BMI2 and other general-purpose extensions (crack_bmi.c). The
	 * flags column is the groups the micro-op writes: none for the BMI2
	 * shifts, RORX, PDEP, PEXT and MULX. */
	ROW(ANDN_Gy_By_Ey, bmi, ANDN, UF_ARITH, 0, 0), ROW(BEXTR_Gy_Ey_By, bmi, BEXTR, UF_ARITH, 0, 0),
	ROW(BLSI_By_Ey, bmi, BLSI, UF_ARITH, 0, 0), ROW(BLSMSK_By_Ey, bmi, BLSMSK, UF_ARITH, 0, 0),
	ROW(BLSR_By_Ey, bmi, BLSR, UF_ARITH, 0, 0), ROW(BZHI_Gy_Ey_By, bmi, BZHI, UF_ARITH, 0, 0),
	ROW(PDEP_Gy_By_Ey, bmi, PDEP, 0, 0, 0), ROW(PEXT_Gy_By_Ey, bmi, PEXT, 0, 0, 0),
	ROW(SHLX_Gy_Ey_By, bmi, SHLX, 0, 0, 0), ROW(SHRX_Gy_Ey_By, bmi, SHRX, 0, 0, 0),
	ROW(SARX_Gy_Ey_By, bmi, SARX, 0, 0, 0), ROW(RORX_Gy_Ey_Ib, bmi, RORX, 0, 0, 0),
	ROW(MULX_Gy_By_Ey, mulx, MULHI, 0, 0, 0),
	ROW(CMPXCHG16B_Mdq, cmpxchg16b, CMPEQ, 0, 0, 0),
	ROW(RDTSCP, rdtscp, RDTSC, 0, 0, 0),
	ROW(RDPID_Rd, rdpid, RDTSCAUX, 0, 0, 0), ROW(RDPID_Rq, rdpid, RDTSCAUX, 0, 0, 0),
	ROW(CLFLUSH_M, clflush, LOAD, 0, 0, 0), ROW(CLFLUSHOPT_M, clflush, LOAD, 0, 0, 0),
	ROW(CLWB_M, clflush, LOAD, 0, 0, 0),
	/* XGETBV: #UD while CR4.OSXSAVE = 0 (SDM vol. 2, XGETBV), which CPUID
	 * says (leaf 1 ECX.OSXSAVE clear: machine/cpuid.c reports no XSAVE). */
	ROW(XGETBV, system, FAULT, 0, 0, 6),
	/* SSE/AVX and x87 rows are kept with their patterns. */
#include "uops/crack_rows_sse.def"
#include "uops/crack_rows_x87.def"
#include "uops/crack_rows_legacy.def"
};
