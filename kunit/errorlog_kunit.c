// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_errorlog: NdisWriteErrorLogEntry logs an entry for a live
 * adapter, from PASSIVE_LEVEL and DISPATCH_LEVEL, with any number of
 * values, and counts it; a handle that is not an adapter's is reported
 * and logs nothing.
 */
#include "../core/kunit_iface.h"
#include "fake.h"

struct el_at_dispatch {
	NDIS_HANDLE adapter;
	KIRQL irql;
};

static void el_write_here(void *arg)
{
	struct el_at_dispatch *d = arg;

	d->irql = ndis_current_irql();
	NdisWriteErrorLogEntry(d->adapter, NDIS_ERROR_CODE_HARDWARE_FAILURE, 2, 0xdead, 0xbeef);
}

static void entries_are_logged_and_counted(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "el-m");
	NDIS_HANDLE a = ndis_fake_adapter_add(test, mp, "el-a");
	struct el_at_dispatch d = { .adapter = a };
	long before = ndis_kunit_error_log_count();

	NdisWriteErrorLogEntry(a, NDIS_ERROR_CODE_OUT_OF_RESOURCES, 0);
	KUNIT_EXPECT_EQ(test, ndis_kunit_error_log_count(), before + 1);
	/* More values than a line shows: all read, the rest elided. */
	NdisWriteErrorLogEntry(a, NDIS_ERROR_CODE_DRIVER_FAILURE, 10,
			       1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
	KUNIT_EXPECT_EQ(test, ndis_kunit_error_log_count(), before + 2);
	ndis_kunit_in_timer(test, el_write_here, &d);
	KUNIT_EXPECT_EQ(test, d.irql, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, ndis_kunit_error_log_count(), before + 3);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
	KUNIT_EXPECT_EQ(test, ndis_kunit_new_violations(test), 0L);
}

static void a_handle_not_an_adapters_is_reported(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "el-m2");
	long before = ndis_kunit_error_log_count();
	int bogus;

	NdisWriteErrorLogEntry(&bogus, NDIS_ERROR_CODE_TIMEOUT, 0);
	/* A miniport driver's handle is not an adapter's either. */
	NdisWriteErrorLogEntry(mp->handle, NDIS_ERROR_CODE_TIMEOUT, 1, 5);
	KUNIT_EXPECT_EQ(test, ndis_kunit_error_log_count(), before);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisWriteErrorLogEntry");
}

static struct kunit_case ndis_errorlog_cases[] = {
	KUNIT_CASE(entries_are_logged_and_counted),
	KUNIT_CASE(a_handle_not_an_adapters_is_reported),
	{}
};

static struct kunit_suite ndis_errorlog_suite = {
	.name = "ndis_errorlog",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_errorlog_cases,
};

kunit_test_suite(ndis_errorlog_suite);
