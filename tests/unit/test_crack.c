/* test_crack.c - unit tests of the cracker: micro-op counts (compared with
 * Intel's where the semantics allow: Agner Fog's tables, Skylake), the
 * micro-ops chosen, and the register and flag dependencies the timing
 * model will see. Each test is a byte string decoded in 64-bit mode. */
#include <check.h>
#include <string.h>

#include "decoder/x86_decode.h"
#include "uops/uop.h"

static int crack_bytes(const char *hex_bytes, size_t len, struct uop *u)
{
	struct x86_insn insn;
	int n = x86_decode((const uint8_t *)hex_bytes, len, X86_MODE_64, &insn);
	ck_assert_int_gt(n, 0);
	return uop_crack(&insn, 0x1000, u);
}

#define CRACK(bytes, u) crack_bytes(bytes, sizeof(bytes) - 1, u)

START_TEST(register_alu_is_one_uop)
{
	struct uop u[UOP_MAX_PER_INSN];
	/* add rax, rbx */
	ck_assert_int_eq(CRACK("\x48\x01\xd8", u), 1);
	ck_assert_int_eq(u[0].op, UOP_ADD);
	ck_assert_int_eq(u[0].width, 8);
	ck_assert_int_eq(u[0].dst, UREG_RAX);
	ck_assert_int_eq(u[0].src[0], UREG_RAX);
	ck_assert_int_eq(u[0].src[1], UREG_RBX);
	ck_assert_int_eq(u[0].flags_write, UF_CF | UF_OSZAP);
	ck_assert_int_eq(u[0].flags_read, 0);
}
END_TEST

START_TEST(memory_destination_is_load_op_sta_std)
{
	struct uop u[UOP_MAX_PER_INSN];
	/* add [rdi+8], ecx: 4 unfused micro-ops as on Intel cores */
	ck_assert_int_eq(CRACK("\x01\x4f\x08", u), 4);
	ck_assert_int_eq(u[0].op, UOP_LOAD);
	ck_assert_int_eq(u[0].src[1], UREG_RDI);
	ck_assert_int_eq(u[0].imm, 8);
	ck_assert_int_eq(u[1].op, UOP_ADD);
	ck_assert_int_eq(u[1].src[0], u[0].dst); /* the loaded temporary */
	ck_assert_int_eq(u[2].op, UOP_STA);
	ck_assert_int_eq(u[3].op, UOP_STD);
	ck_assert_int_eq(u[3].src[0], u[1].dst);
}
END_TEST

START_TEST(inc_keeps_cf)
{
	struct uop u[UOP_MAX_PER_INSN];
	/* inc ecx: writes OSZAP only, so it does not depend on the CF writer */
	ck_assert_int_eq(CRACK("\xff\xc1", u), 1);
	ck_assert_int_eq(u[0].op, UOP_INC);
	ck_assert_int_eq(u[0].flags_write, UF_OSZAP);
}
END_TEST

START_TEST(adc_reads_cf)
{
	struct uop u[UOP_MAX_PER_INSN];
	ck_assert_int_eq(CRACK("\x11\xd8", u), 1); /* adc eax, ebx */
	ck_assert_int_eq(u[0].op, UOP_ADC);
	ck_assert_int_eq(u[0].flags_read, UF_CF);
}
END_TEST

START_TEST(high_byte_register_is_explicit)
{
	struct uop u[UOP_MAX_PER_INSN];
	/* add ah, bl: AH is bits 15:8 of RAX, both read and written */
	ck_assert_int_eq(CRACK("\x00\xdc", u), 1);
	ck_assert_int_eq(u[0].dst, UREG_RAX);
	ck_assert_int_eq(u[0].src[0], UREG_RAX);
	ck_assert(u[0].high_byte & HI8_DST);
	ck_assert(u[0].high_byte & HI8_SRC0);
	ck_assert(!(u[0].high_byte & HI8_SRC1));
}
END_TEST

START_TEST(push_and_pop)
{
	struct uop u[UOP_MAX_PER_INSN];
	/* push rbx: store address, store data, stack pointer update */
	ck_assert_int_eq(CRACK("\x53", u), 3);
	ck_assert_int_eq(u[0].op, UOP_STA);
	ck_assert_int_eq(u[0].src[1], UREG_RSP);
	ck_assert_int_eq(u[0].imm, -8);
	ck_assert_int_eq(u[1].op, UOP_STD);
	ck_assert_int_eq(u[1].src[0], UREG_RBX);
	ck_assert_int_eq(u[2].op, UOP_ADD);
	ck_assert_int_eq(u[2].dst, UREG_RSP);
	ck_assert_int_eq(u[2].flags_write, 0); /* stack arithmetic leaves the flags */
	/* pop rbx: a load straight into the register, then RSP */
	ck_assert_int_eq(CRACK("\x5b", u), 2);
	ck_assert_int_eq(u[0].op, UOP_LOAD);
	ck_assert_int_eq(u[0].dst, UREG_RBX);
}
END_TEST

START_TEST(call_and_ret)
{
	struct uop u[UOP_MAX_PER_INSN];
	/* call +0x10 at 0x1000 (5 bytes): push 0x1005, branch to 0x1015 */
	ck_assert_int_eq(CRACK("\xe8\x10\x00\x00\x00", u), 4);
	ck_assert_int_eq(u[1].op, UOP_STD);
	ck_assert_int_eq(u[1].src[0], UREG_NEXT_RIP);
	ck_assert_int_eq(u[3].op, UOP_BR);
	ck_assert_int_eq(u[3].imm, 0x1015);
	/* ret: load, RSP update, indirect branch on the loaded value */
	ck_assert_int_eq(CRACK("\xc3", u), 3);
	ck_assert_int_eq(u[2].op, UOP_BR);
	ck_assert_int_eq(u[2].src[0], u[0].dst);
}
END_TEST

START_TEST(jcc_reads_flags)
{
	struct uop u[UOP_MAX_PER_INSN];
	ck_assert_int_eq(CRACK("\x74\xfe", u), 1); /* je $ (at 0x1000) */
	ck_assert_int_eq(u[0].op, UOP_BRCC);
	ck_assert_int_eq(u[0].cond, COND_E);
	ck_assert_int_eq(u[0].imm, 0x1000);
	ck_assert(u[0].flags_read != 0);
}
END_TEST

START_TEST(division_is_microcoded)
{
	struct uop u[UOP_MAX_PER_INSN];
	/* div rcx: quotient and remainder from RDX:RAX, then both results */
	ck_assert_int_eq(CRACK("\x48\xf7\xf1", u), 4);
	ck_assert_int_eq(u[0].op, UOP_DIVQ);
	ck_assert_int_eq(u[0].src[0], UREG_RDX);
	ck_assert_int_eq(u[0].src[1], UREG_RAX);
	ck_assert_int_eq(u[0].src[2], UREG_RCX);
	ck_assert_int_eq(u[1].op, UOP_DIVR);
	/* results land only after both may-fault micro-ops */
	ck_assert_int_eq(u[2].dst, UREG_RAX);
	ck_assert_int_eq(u[3].dst, UREG_RDX);
}
END_TEST

START_TEST(rep_movs_loops_with_micro_branches)
{
	struct uop u[UOP_MAX_PER_INSN];
	/* rep movsb: exit when RCX = 0, one element, count down, repeat */
	int n = CRACK("\xf3\xa4", u);
	ck_assert_int_eq(u[0].op, UOP_UBRCC);
	ck_assert_int_eq(u[0].cond, COND_SRC0_ZERO);
	ck_assert_int_eq(u[0].src[0], UREG_RCX);
	ck_assert_int_eq(u[0].imm, n); /* to the end */
	ck_assert_int_eq(u[n - 1].op, UOP_REPEAT);
	int loads = 0, stores = 0, advances = 0;
	for (int i = 0; i < n; i++) {
		loads += u[i].op == UOP_LOAD;
		stores += u[i].op == UOP_STA;
		advances += u[i].op == UOP_ADVANCE;
	}
	ck_assert_int_eq(loads, 1);
	ck_assert_int_eq(stores, 1);
	ck_assert_int_eq(advances, 2);
}
END_TEST

START_TEST(precise_rollback_is_marked)
{
	struct uop u[UOP_MAX_PER_INSN];
	/* pop qword [rax]: RSP is written before the store may fault, so its
	 * old value must be logged for a precise rollback */
	int n = CRACK("\x8f\x00", u);
	int rsp_write = -1, sta = -1;
	for (int i = 0; i < n; i++) {
		if (u[i].dst == UREG_RSP)
			rsp_write = i;
		if (u[i].op == UOP_STA)
			sta = i;
	}
	ck_assert_int_ge(rsp_write, 0);
	ck_assert_int_gt(sta, rsp_write);
	ck_assert(u[rsp_write].log_undo);
	/* add rax, rbx cannot fault: nothing to log */
	CRACK("\x48\x01\xd8", u);
	ck_assert(!u[0].log_undo);
}
END_TEST

START_TEST(uop_table_is_consistent)
{
	for (unsigned op = 0; op < UOP_COUNT; op++) {
		ck_assert_ptr_nonnull(uop_info[op].name);
		ck_assert_ptr_nonnull(uop_info[op].doc);
		ck_assert_int_lt(uop_info[op].unit, UNIT_COUNT);
		if (uop_info[op].properties & P_LOAD)
			ck_assert_int_eq(uop_info[op].unit, UNIT_LOAD);
	}
	struct uop u[UOP_MAX_PER_INSN];
	char text[160];
	CRACK("\x01\x4f\x08", u);
	uop_format(&u[0], text, sizeof text);
	ck_assert_str_eq(text, "LOAD.4 T0 <- [RDI+8]");
}
END_TEST

Suite *crack_suite(void)
{
	Suite *s = suite_create("crack");
	TCase *t = tcase_create("core");
	tcase_add_test(t, register_alu_is_one_uop);
	tcase_add_test(t, memory_destination_is_load_op_sta_std);
	tcase_add_test(t, inc_keeps_cf);
	tcase_add_test(t, adc_reads_cf);
	tcase_add_test(t, high_byte_register_is_explicit);
	tcase_add_test(t, push_and_pop);
	tcase_add_test(t, call_and_ret);
	tcase_add_test(t, jcc_reads_flags);
	tcase_add_test(t, division_is_microcoded);
	tcase_add_test(t, rep_movs_loops_with_micro_branches);
	tcase_add_test(t, precise_rollback_is_marked);
	tcase_add_test(t, uop_table_is_consistent);
	suite_add_tcase(s, t);
	return s;
}
