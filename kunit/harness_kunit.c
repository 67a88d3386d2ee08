// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_harness: proves the test tier notices a failing case. Skipped
 * unless ndis_kunit.inject_failure=1 (make check NDIS_INJECT=kunit).
 */
#include "ndis_kunit.h"

static void injected_failure(struct kunit *test)
{
	if (!ndis_kunit_inject_failure)
		kunit_skip(test, "set ndis_kunit.inject_failure=1 to inject a failure");
	KUNIT_FAIL(test, "failure injected on request (ndis_kunit.inject_failure=1)");
}

static struct kunit_case ndis_harness_cases[] = {
	KUNIT_CASE(injected_failure),
	{}
};

static struct kunit_suite ndis_harness_suite = {
	.name = "ndis_harness",
	.test_cases = ndis_harness_cases,
};

kunit_test_suite(ndis_harness_suite);
