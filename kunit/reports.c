// SPDX-License-Identifier: GPL-2.0
/*
 * A fixture that catches IRQL contract reports for a test instead of
 * letting them WARN, and measures the counters around the test.
 */
#include "../core/kunit_iface.h"
#include "ndis_kunit.h"

static void ndis_kunit_record(void *ctx, const char *api, const char *requirement,
			      KIRQL irql, unsigned long caller, bool warn)
{
	struct ndis_kunit_reports *r = ctx;

	r->calls++;
	r->warn = warn;
	r->api = api;
	r->requirement = requirement;
	r->irql = irql;
	r->caller = caller;
}

int ndis_kunit_reports_init(struct kunit *test)
{
	struct ndis_kunit_reports *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);

	if (!r)
		return -ENOMEM;
	r->violations_before = ndis_irql_violation_count();
	r->sites_before = ndis_irql_site_count();
	r->strict_before = ndis_irql_set_strict(true);
	ndis_irql_set_reporter(ndis_kunit_record, r);
	test->priv = r;
	return 0;
}

void ndis_kunit_reports_exit(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;

	ndis_irql_set_reporter(NULL, NULL);
	ndis_irql_set_strict(r->strict_before);
}

long ndis_kunit_new_violations(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;

	return ndis_irql_violation_count() - r->violations_before;
}

long ndis_kunit_new_sites(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;

	return ndis_irql_site_count() - r->sites_before;
}

void ndis_kunit_set_strict(bool strict)
{
	ndis_irql_set_strict(strict);
}
