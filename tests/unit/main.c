/* main.c - the Check runner for the unit tests: one suite per
 * tests/unit/test_NAME.c file. The Makefile builds every .c file of tests/unit into
 * build/unit-tests (and an ASan+UBSan copy, build-asan/unit-tests).
 * To add a file: write `Suite *NAME_suite(void)` in it and add NAME below.
 * Tests run in forked processes (CK_FORK's default), so a crash fails one
 * test, not the run; CK_FORK=no runs them in-process for a debugger. */
#include <check.h>
#include <stdlib.h>

#define UNIT_SUITES(X) \
	X(decoder) /* tests/unit/test_decoder.c */ \
	X(format)  /* tests/unit/test_format.c */ \
	X(crack)   /* tests/unit/test_crack.c */ \
	X(exec)    /* tests/unit/test_exec.c */ \
	X(sse_int) /* tests/unit/test_sse_int.c */ \
	X(sse_fp)  /* tests/unit/test_sse_fp.c */ \
	X(x87)     /* tests/unit/test_x87.c */ \
	X(legacy)  /* tests/unit/test_legacy.c */ \
	X(cpuid)   /* tests/unit/test_cpuid.c */ \
	X(bmi)     /* tests/unit/test_bmi.c */ \
	X(lockstep) /* tests/unit/test_lockstep.c */ \
	X(flag_rules) /* tests/unit/test_flag_rules.c */ \
	X(gdb_remote) /* tests/unit/test_gdb_remote.c */ \
	X(linux32) /* tests/unit/test_linux32.c */ \
	X(fast) /* tests/unit/test_fast.c */

#define DECLARE(name) Suite *name##_suite(void);
UNIT_SUITES(DECLARE)
#undef DECLARE

int main(void)
{
	SRunner *sr = srunner_create(NULL);
#define ADD(name) srunner_add_suite(sr, name##_suite());
	UNIT_SUITES(ADD)
#undef ADD
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
