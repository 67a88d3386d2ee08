// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_irql_contract: what happens when an API is called at a level
 * its contract forbids. Uses a stand-in API built exactly as exported
 * functions are, with NDIS_ASSERT_IRQL_EQ() at the top.
 */
#include <linux/bottom_half.h>
#include <linux/kallsyms.h>
#include <linux/string.h>

#include "ndis_kunit.h"

/* A PASSIVE-only API, as a control-plane function of ndis.ko is written. */
static noinline NDIS_STATUS ndis_kunit_passive_api(void)
{
	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return NDIS_STATUS_INVALID_STATE;
	return NDIS_STATUS_SUCCESS;
}

static void passive_api_from_callback(void *unused)
{
	ndis_kunit_passive_api();
}

static NDIS_STATUS call_at_dispatch(void)
{
	NDIS_STATUS status;

	local_bh_disable();
	status = ndis_kunit_passive_api();
	local_bh_enable();
	return status;
}

static void allowed_level_is_silent(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;

	KUNIT_EXPECT_EQ(test, ndis_kunit_passive_api(), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
	KUNIT_EXPECT_EQ(test, ndis_kunit_new_violations(test), 0L);
}

static void violation_reported_once_per_site_and_counted(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	char caller[KSYM_NAME_LEN];
	int i;

	for (i = 0; i < 3; i++) {
		local_bh_disable();
		/* One calling site, reached three times. */
		ndis_kunit_passive_api();
		local_bh_enable();
	}

	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_EQ(test, ndis_kunit_new_violations(test), 3L);
	KUNIT_EXPECT_EQ(test, ndis_kunit_new_sites(test), 1L);
	KUNIT_EXPECT_STREQ(test, r->api, "ndis_kunit_passive_api");
	KUNIT_EXPECT_STREQ(test, r->requirement, "IRQL == PASSIVE_LEVEL");
	KUNIT_EXPECT_EQ(test, r->irql, DISPATCH_LEVEL);
	/* The report names the caller, not the API. */
	sprint_symbol_no_offset(caller, r->caller);
	KUNIT_EXPECT_TRUE_MSG(test, str_has_prefix(caller, __func__), "caller: %s", caller);
}

static void each_site_reported(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	unsigned long first;

	local_bh_disable();
	ndis_kunit_passive_api();
	local_bh_enable();
	first = r->caller;

	call_at_dispatch();

	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_NE(test, r->caller, first);
	KUNIT_EXPECT_EQ(test, ndis_kunit_new_sites(test), 2L);
	KUNIT_EXPECT_EQ(test, ndis_kunit_new_violations(test), 2L);
}

static void strict_by_default_fails_with_a_warn(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;

	KUNIT_EXPECT_EQ(test, call_at_dispatch(), NDIS_STATUS_INVALID_STATE);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_TRUE(test, r->warn);
	/* The contract holds at PASSIVE_LEVEL. */
	KUNIT_EXPECT_EQ(test, ndis_kunit_passive_api(), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ndis_kunit_new_violations(test), 1L);
}

static void lenient_mode_still_fails_the_call(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;

	/* Off only turns the WARN into an error line; the call never sleeps. */
	ndis_kunit_set_strict(false);
	KUNIT_EXPECT_EQ(test, call_at_dispatch(), NDIS_STATUS_INVALID_STATE);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_FALSE(test, r->warn);
	KUNIT_EXPECT_EQ(test, ndis_kunit_passive_api(), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ndis_kunit_new_violations(test), 1L);
}

static void reported_from_hardirq(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;

	ndis_kunit_in_hardirq(test, passive_api_from_callback, NULL);

	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_EQ(test, r->irql, DIRQL);
}

static struct kunit_case ndis_irql_contract_cases[] = {
	KUNIT_CASE(allowed_level_is_silent),
	KUNIT_CASE(violation_reported_once_per_site_and_counted),
	KUNIT_CASE(each_site_reported),
	KUNIT_CASE(strict_by_default_fails_with_a_warn),
	KUNIT_CASE(lenient_mode_still_fails_the_call),
	KUNIT_CASE(reported_from_hardirq),
	{}
};

static struct kunit_suite ndis_irql_contract_suite = {
	.name = "ndis_irql_contract",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_irql_contract_cases,
};

kunit_test_suite(ndis_irql_contract_suite);
