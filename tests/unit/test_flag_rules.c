/* test_flag_rules.c - unit tests of the differential testers' flag rules
 * (lockstep/flag_rules.c): which arithmetic flags an instruction leaves
 * undefined and which it certainly defines. uop-diff generates no
 * instruction that reads an undefined ("poisoned") flag, so a flag wrongly
 * counted as defined lets a later instruction compare a value the SDM
 * leaves to the processor (and the AMD host fills its own way). */
#include <check.h>
#include <string.h>

#include "decoder/x86_decode.h"
#include "lockstep/flag_rules.h"
#include "uops/uop.h"

/* The flag effects of one instruction, decoded and cracked as uop-diff does. */
static void effects(const char *bytes, size_t len, uint64_t *undefined, uint64_t *defined)
{
	struct x86_insn insn;
	ck_assert_int_eq(x86_decode((const uint8_t *)bytes, len, X86_MODE_64, &insn), (int)len);
	struct uop u[UOP_MAX_PER_INSN];
	int n = uop_crack(&insn, 0x1000, u);
	ck_assert_int_gt(n, 0);
	flag_effects(u, n, undefined, defined);
}

#define EFFECTS(bytes, u, d) effects(bytes, sizeof(bytes) - 1, u, d)

/* RCL/RCR of 8 and 16 bits rotate by the count mod 9 or 17 (SDM vol. 2,
 * RCL/RCR/ROL/ROR: tempCOUNT): a multiple of that moves nothing and keeps
 * CF, which must stay as undefined as it was; OF is undefined for any
 * count above 1. */
START_TEST(rcl_rcr_count_multiple_keeps_cf)
{
	uint64_t u, d;
	EFFECTS("\xc0\xd0\x09", &u, &d); /* rcl al, 9 */
	ck_assert(!(d & FLAG_CF) && !(u & FLAG_CF));
	ck_assert(u & FLAG_OF);
	EFFECTS("\xc0\xdb\x12", &u, &d); /* rcr bl, 18 */
	ck_assert(!(d & FLAG_CF) && !(u & FLAG_CF));
	EFFECTS("\x66\xc1\xd2\x11", &u, &d); /* rcl dx, 17 */
	ck_assert(!(d & FLAG_CF) && !(u & FLAG_CF));
	EFFECTS("\x66\xc1\x1d\x00\x00\x00\x00\x11", &u, &d); /* rcr word [rip], 17 */
	ck_assert(!(d & FLAG_CF) && !(u & FLAG_CF));
}
END_TEST

START_TEST(rotate_counts_that_define_cf)
{
	uint64_t u, d;
	EFFECTS("\xd0\xd0", &u, &d); /* rcl al, 1: CF and OF */
	ck_assert((d & (FLAG_CF | FLAG_OF)) == (FLAG_CF | FLAG_OF));
	EFFECTS("\xc0\xd0\x0a", &u, &d); /* rcl al, 10: rotates by 1; OF undefined (count > 1) */
	ck_assert(d & FLAG_CF);
	ck_assert(u & FLAG_OF);
	EFFECTS("\x66\xc1\xd2\x12", &u, &d); /* rcl dx, 18 */
	ck_assert(d & FLAG_CF);
	EFFECTS("\xc1\xd0\x09", &u, &d); /* rcl eax, 9: 32 bits, no modulo */
	ck_assert(d & FLAG_CF);
	EFFECTS("\xc0\xc0\x08", &u, &d); /* rol al, 8: CF = the result's bit 0 */
	ck_assert(d & FLAG_CF);
	EFFECTS("\xc0\xd0\x00", &u, &d); /* rcl al, 0: nothing */
	ck_assert(!d && !u);
}
END_TEST

Suite *flag_rules_suite(void)
{
	Suite *s = suite_create("flag_rules");
	TCase *tc = tcase_create("rotates");
	tcase_add_test(tc, rcl_rcr_count_multiple_keeps_cf);
	tcase_add_test(tc, rotate_counts_that_define_cf);
	suite_add_tcase(s, tc);
	return s;
}
