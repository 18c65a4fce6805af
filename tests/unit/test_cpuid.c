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
	ck_assert(r[2] & (1u << 13));   /* ECX.CX16 */
	ck_assert(r[3] & (1u << 19));   /* EDX.CLFSH */
	ck_assert(!(r[2] & (1u << 27))); /* ECX.OSXSAVE: off, so XGETBV is #UD */
	cpuid_query(NULL, 7, 0, r);
	ck_assert(!(r[1] & (1u << 5))); /* EBX.AVX2 */
	ck_assert(r[1] & (1u << 29));   /* EBX.SHA */
	ck_assert(r[1] & (1u << 3));    /* EBX.BMI1 */
	ck_assert(r[1] & (1u << 8));    /* EBX.BMI2 */
	ck_assert(r[1] & (1u << 23));   /* EBX.CLFLUSHOPT */
	ck_assert(r[1] & (1u << 24));   /* EBX.CLWB */
	ck_assert(r[2] & (1u << 22));   /* ECX.RDPID */
	cpuid_query(NULL, 0, 0, r);
	char vendor[13];
	memcpy(vendor, &r[1], 4);
	memcpy(vendor + 4, &r[3], 4);
	memcpy(vendor + 8, &r[2], 4);
	vendor[12] = 0;
	ck_assert_str_eq(vendor, "GenuineIntel");
	cpuid_query(NULL, 0x80000001, 0, r);
	ck_assert(r[3] & (1u << 29)); /* long mode */
	ck_assert(r[3] & (1u << 27)); /* RDTSCP */
}
END_TEST

/* Leaves without subleaves ignore ECX (glibc's __cpuid(1, ...) leaves
 * garbage in it): a regression test for a bug that hid every feature. */
START_TEST(ecx_is_ignored_for_leaves_without_subleaves)
{
	uint32_t a[4], b[4];
	cpuid_query(NULL, 1, 0, a);
	cpuid_query(NULL, 1, 0xDEADBEEF, b);
	ck_assert_mem_eq(a, b, sizeof a);
	cpuid_query(NULL, 7, 1, b); /* leaf 7 subleaf 1: none of subleaf 0's bits */
	cpuid_query(NULL, 7, 0, a);
	ck_assert_uint_ne(a[1], b[1]);
}
END_TEST

Suite *cpuid_suite(void)
{
	Suite *s = suite_create("cpuid");
	TCase *t = tcase_create("core");
	tcase_add_test(t, every_reported_feature_is_cracked);
	tcase_add_test(t, bits_land_where_the_sdm_says);
	tcase_add_test(t, ecx_is_ignored_for_leaves_without_subleaves);
	suite_add_tcase(s, t);
	return s;
}
