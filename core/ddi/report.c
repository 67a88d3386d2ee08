// SPDX-License-Identifier: GPL-2.0
/*
 * What happens when a driver breaks the API's contract: an API called at
 * a level it forbids (an IRQL violation) or misused otherwise (a bad
 * handle, a call from the wrong place, a completion that was not pending).
 *
 * A violation is counted every time and reported once per calling site
 * (keyed by return address, so two buggy callers of one API are both
 * named). The set of reported sites is a fixed, lock-free table because
 * reports come from any context, hard IRQ included.
 */
#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/hash.h>
#include <linux/log2.h>
#include <linux/moduleparam.h>
#include <linux/preempt.h>
#include <linux/rcupdate.h>
#include <linux/string.h>
#include <ndis/ndis.h>

#include "../kunit_iface.h"
#include "../report.h"

static bool ndis_irql_strict = true;
module_param_named(irql_strict, ndis_irql_strict, bool, 0644);
MODULE_PARM_DESC(irql_strict,
		 "Report a broken API contract with a WARN (default: on) or, when off, an error line; the call fails either way");

static atomic_long_t ndis_irql_violations = ATOMIC_LONG_INIT(0);
static atomic_long_t ndis_irql_sites = ATOMIC_LONG_INIT(0);
static atomic_long_t ndis_api_misuse = ATOMIC_LONG_INIT(0);

#define NDIS_IRQL_SITE_SLOTS	256
static unsigned long ndis_irql_site_table[NDIS_IRQL_SITE_SLOTS];

enum ndis_irql_site_state {
	NDIS_IRQL_SITE_NEW,
	NDIS_IRQL_SITE_SEEN,
	NDIS_IRQL_SITE_TABLE_FULL,
};

static enum ndis_irql_site_state ndis_irql_claim_site(unsigned long ip)
{
	unsigned int slot, probes;
	unsigned long seen;

	ip = ip ?: 1;	/* 0 marks a free slot */
	slot = hash_long(ip, ilog2(NDIS_IRQL_SITE_SLOTS));
	for (probes = 0; probes < NDIS_IRQL_SITE_SLOTS; probes++) {
		seen = READ_ONCE(ndis_irql_site_table[slot]);
		if (!seen)
			seen = cmpxchg(&ndis_irql_site_table[slot], 0, ip);
		if (!seen)
			return NDIS_IRQL_SITE_NEW;
		if (seen == ip)
			return NDIS_IRQL_SITE_SEEN;
		slot = (slot + 1) % NDIS_IRQL_SITE_SLOTS;
	}
	return NDIS_IRQL_SITE_TABLE_FULL;
}

#if IS_ENABLED(CONFIG_KUNIT)
static ndis_irql_reporter_fn ndis_irql_reporter;
static void *ndis_irql_reporter_ctx;

/**
 * ndis_irql_set_reporter() - divert contract reports to a test
 * @fn: receives each first report of a site; NULL restores WARN or log
 * @ctx: passed to @fn
 *
 * Also forgets every reported site, so each test starts from a clean
 * "reported once" state. Counters keep counting. Tests only.
 */
void ndis_irql_set_reporter(ndis_irql_reporter_fn fn, void *ctx)
{
	memset(ndis_irql_site_table, 0, sizeof(ndis_irql_site_table));
	WRITE_ONCE(ndis_irql_reporter_ctx, ctx);
	WRITE_ONCE(ndis_irql_reporter, fn);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_irql_set_reporter);

/**
 * ndis_irql_set_strict() - switch irql_strict from a test
 * @strict: the new value
 *
 * Return: the previous value, for the test to restore.
 */
bool ndis_irql_set_strict(bool strict)
{
	return xchg(&ndis_irql_strict, strict);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_irql_set_strict);

static bool ndis_irql_divert(const char *api, const char *requirement,
			     KIRQL irql, unsigned long caller, bool warn)
{
	ndis_irql_reporter_fn fn = READ_ONCE(ndis_irql_reporter);

	if (!fn)
		return false;
	fn(READ_ONCE(ndis_irql_reporter_ctx), api, requirement, irql, caller, warn);
	return true;
}
#else
static bool ndis_irql_divert(const char *api, const char *requirement,
			     KIRQL irql, unsigned long caller, bool warn)
{
	return false;
}
#endif

/*
 * Report a broken contract the first time its calling site is seen: a
 * WARN naming the API, the requirement and the caller (irql_strict), or
 * the same as an error line, or to the test's reporter when one is
 * installed.
 */
static void ndis_report(const char *api, const char *requirement, KIRQL irql,
			unsigned long caller)
{
	bool warn = READ_ONCE(ndis_irql_strict);

	switch (ndis_irql_claim_site(caller)) {
	case NDIS_IRQL_SITE_NEW:
		atomic_long_inc(&ndis_irql_sites);
		if (ndis_irql_divert(api, requirement, irql, caller, warn))
			break;
		if (warn)
			WARN(1, "ndis: %s requires %s; called at %s from %pS\n",
			     api, requirement, ndis_irql_name(irql), (void *)caller);
		else
			pr_err("%s requires %s; called at %s from %pS\n",
			       api, requirement, ndis_irql_name(irql), (void *)caller);
		break;
	case NDIS_IRQL_SITE_SEEN:
		break;
	case NDIS_IRQL_SITE_TABLE_FULL:
		pr_err_ratelimited("%s requires %s; called at %s from %pS (site table full)\n",
				   api, requirement, ndis_irql_name(irql), (void *)caller);
		break;
	}
}

/**
 * ndis_irql_violation() - account for a broken context contract
 * @api: the function whose contract was broken
 * @requirement: what it requires, e.g. "IRQL <= DISPATCH_LEVEL"
 * @irql: the level its caller ran at
 * @caller: return address into the caller
 *
 * Counts the violation and, the first time @caller is seen, reports it
 * naming @api and @caller: with a WARN, or with an error line when the
 * module parameter irql_strict is off. Normally reached through
 * NDIS_ASSERT_IRQL_LE() and its kin, not called directly.
 *
 * Context: any.
 * Return: false: the function must not go on. A PASSIVE_LEVEL function
 * called in atomic context would sleep there, so it fails in every mode.
 */
bool ndis_irql_violation(const char *api, const char *requirement,
			 KIRQL irql, unsigned long caller)
{
	atomic_long_inc(&ndis_irql_violations);
	ndis_report(api, requirement, irql, caller);
	return false;
}
EXPORT_SYMBOL_NS_GPL(ndis_irql_violation, "NDIS");

/*
 * Account for any other misuse of the API: a bad handle, a call from the
 * wrong place, a completion that was not pending. Same once-per-site
 * reporting; counted apart from IRQL violations.
 */
void ndis_misuse(const char *api, const char *requirement, unsigned long caller)
{
	atomic_long_inc(&ndis_api_misuse);
	ndis_report(api, requirement, ndis_current_irql(), caller);
}

long ndis_misuse_count(void)
{
	return atomic_long_read(&ndis_api_misuse);
}

/**
 * ndis_irql_violation_count() - contract violations since load
 *
 * Context: any.
 * Return: how many times any API was called against its contract.
 */
long ndis_irql_violation_count(void)
{
	return atomic_long_read(&ndis_irql_violations);
}
EXPORT_SYMBOL_NS_GPL(ndis_irql_violation_count, "NDIS_LINUX");

/**
 * ndis_irql_site_count() - distinct calling sites reported since load
 *
 * Context: any.
 * Return: how many reports (WARNs) the violations produced.
 */
long ndis_irql_site_count(void)
{
	return atomic_long_read(&ndis_irql_sites);
}
EXPORT_SYMBOL_NS_GPL(ndis_irql_site_count, "NDIS_LINUX");
