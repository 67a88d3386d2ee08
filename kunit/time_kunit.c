// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_time: the DDI's clocks read what the kernel's do, in the
 * DDI's units; sleeps sleep at PASSIVE_LEVEL only; stalls over 50 us are
 * reported; raising to DISPATCH_LEVEL and lowering again pair up.
 */
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>

#include "ndis_kunit.h"

/* Seconds from 1601-01-01 to 1970-01-01. */
#define TIME_1601_TO_1970_S	11644473600LL

static void system_time_counts_100ns_units_from_1601(struct kunit *test)
{
	LARGE_INTEGER now;
	time64_t unix_now;

	NdisGetCurrentSystemTime(&now);
	unix_now = ktime_get_real_seconds();
	KUNIT_EXPECT_LE(test, abs(div_s64(now.QuadPart, 10000000) - TIME_1601_TO_1970_S -
				  unix_now), 1LL);
}

static void up_time_and_ticks_follow_the_kernel(struct kunit *test)
{
	LARGE_INTEGER up, ticks, later;
	u64 boot_ms = ktime_to_ms(ktime_get_boottime());
	u64 j0;
	int i;

	NdisGetSystemUpTimeEx(&up);
	KUNIT_EXPECT_GE(test, up.QuadPart, (LONGLONG)boot_ms);
	KUNIT_EXPECT_LE(test, up.QuadPart, (LONGLONG)boot_ms + 1000);

	/*
	 * Wait (bounded) until the kernel has counted two ticks: under TCG on
	 * a loaded host three ticks' sleep may see only one counted.
	 */
	KeQueryTickCount(&ticks);
	j0 = get_jiffies_64();
	for (i = 0; i < 200 && get_jiffies_64() - j0 < 2; i++)
		NdisMSleep(1000000 / HZ);
	KeQueryTickCount(&later);
	KUNIT_ASSERT_GE_MSG(test, get_jiffies_64() - j0, 2ULL, "no two ticks in 200 sleeps");
	KUNIT_EXPECT_GE(test, later.QuadPart - ticks.QuadPart, 2LL);
	KUNIT_EXPECT_LE(test, later.QuadPart, (LONGLONG)(get_jiffies_64() - INITIAL_JIFFIES));
	KUNIT_EXPECT_EQ(test, (u64)KeQueryTimeIncrement() * HZ, 10000000ULL);
}

static void sleep_sleeps_at_least_as_long_as_asked(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	ktime_t start = ktime_get();

	NdisMSleep(5000);
	KUNIT_EXPECT_GE(test, ktime_us_delta(ktime_get(), start), 5000LL);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void sleep_at_dispatch_is_reported_and_returns(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_SPIN_LOCK lock;

	NdisAllocateSpinLock(&lock);
	NdisAcquireSpinLock(&lock);
	NdisMSleep(1000);
	NdisReleaseSpinLock(&lock);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisMSleep");
	KUNIT_EXPECT_EQ(test, r->irql, DISPATCH_LEVEL);
}

static void long_stalls_are_reported_short_ones_not(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	ktime_t start = ktime_get();

	NdisStallExecution(20);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
	NdisStallExecution(200);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisStallExecution");
	/*
	 * udelay() is as exact as the guest's TSC calibration, which TCG on a
	 * loaded host has been seen to misjudge by 15%: a quarter of slack.
	 */
	KUNIT_EXPECT_GE(test, ktime_us_delta(ktime_get(), start), 220LL * 3 / 4);
}

static void raise_and_lower_pair_up(struct kunit *test)
{
	NDIS_SPIN_LOCK lock;
	KIRQL old, inner_old, raised;

	NDIS_RAISE_IRQL_TO_DISPATCH(&old);
	raised = KeGetCurrentIrql();
	NDIS_LOWER_IRQL(old, raised);
	KUNIT_EXPECT_EQ(test, old, PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, raised, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);

	/* From DISPATCH_LEVEL both are no-ops: the lock's own level stays. */
	NdisAllocateSpinLock(&lock);
	NdisAcquireSpinLock(&lock);
	NDIS_RAISE_IRQL_TO_DISPATCH(&inner_old);
	NDIS_LOWER_IRQL(inner_old, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, inner_old, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), DISPATCH_LEVEL);
	NdisReleaseSpinLock(&lock);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_FALSE(test, in_softirq());
}

static struct kunit_case ndis_time_cases[] = {
	KUNIT_CASE(system_time_counts_100ns_units_from_1601),
	KUNIT_CASE(up_time_and_ticks_follow_the_kernel),
	KUNIT_CASE(sleep_sleeps_at_least_as_long_as_asked),
	KUNIT_CASE(sleep_at_dispatch_is_reported_and_returns),
	KUNIT_CASE(long_stalls_are_reported_short_ones_not),
	KUNIT_CASE(raise_and_lower_pair_up),
	{}
};

static struct kunit_suite ndis_time_suite = {
	.name = "ndis_time",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_time_cases,
};

kunit_test_suite(ndis_time_suite);
