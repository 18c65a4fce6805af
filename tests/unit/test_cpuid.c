/* test_cpuid.c - CPUID reports only what the engine implements. */
#include <check.h>
#include <string.h>

#include "machine/cpuid.h"
#include "uops/uop.h"

START_TEST(every_reported_feature_is_cracked)
{
	for (unsigned i = 0; i < cpuid_feature_count; i++) {
		const struct cpuid_feature *f = &cpuid_features[i];
		for (const uint16_t *form = f->forms; *form != X86_FORM_INVALID; form++)
			ck_assert_msg(uop_can_crack(*form), "CPUID reports %s but %s has no micro-ops", f->name,
				      x86_form_name(*form));
	}
}
END_TEST

START_TEST(bits_land_where_the_sdm_says)
{
	uint32_t r[4];
	cpuid_query(NULL, 1, 0, r);
	ck_assert(r[3] & (1u << 26)); /* EDX.SSE2 */
	ck_assert(r[3] & (1u << 8));  /* EDX.CX8 */
	ck_assert(!(r[2] & (1u << 28))); /* ECX.AVX: not implemented */
	ck_assert(!(r[2] & (1u << 13))); /* ECX.CX16: not implemented */
	cpuid_query(NULL, 7, 0, r);
	ck_assert(!(r[1] & (1u << 5))); /* EBX.AVX2 */
	ck_assert(r[1] & (1u << 29));   /* EBX.SHA */
	cpuid_query(NULL, 0, 0, r);
	char vendor[13];
	memcpy(vendor, &r[1], 4);
	memcpy(vendor + 4, &r[3], 4);
	memcpy(vendor + 8, &r[2], 4);
	vendor[12] = 0;
	ck_assert_str_eq(vendor, "GenuineIntel");
	cpuid_query(NULL, 0x80000001, 0, r);
	ck_assert(r[3] & (1u << 29)); /* long mode */
}
END_TEST

Suite *cpuid_suite(void)
{
	Suite *s = suite_create("cpuid");
	TCase *t = tcase_create("core");
	tcase_add_test(t, every_reported_feature_is_cracked);
	tcase_add_test(t, bits_land_where_the_sdm_says);
	suite_add_tcase(s, t);
	return s;
}
