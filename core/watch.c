// SPDX-License-Identifier: GPL-2.0
/*
 * Waits on drivers that never go silent. NDIS waits as long as it takes
 * for a miniport's pause, restart or OID and for a protocol's bind,
 * unbind, PnP event, sends and held receives: going on without them would
 * free memory the driver still uses. But a driver that never finishes is
 * reported, as NDIS reports a stuck driver: every ndis.stuck_report_s
 * seconds a line names the adapter or binding, the driver and the step,
 * and /sys/kernel/ndis/stuck_reports counts them. The wait wakes at each
 * report, so the hung-task detector does not take a slow driver for a
 * kernel bug.
 */
#include <linux/moduleparam.h>
#include <linux/printk.h>

#include "watch.h"

static unsigned int ndis_stuck_report_s = 30;
module_param_named(stuck_report_s, ndis_stuck_report_s, uint, 0644);
MODULE_PARM_DESC(stuck_report_s,
		 "Seconds between reports of a driver that has not finished a step NDIS waits for (default: 30)");

static atomic_long_t ndis_watch_reports = ATOMIC_LONG_INIT(0);

/* One wait between reports, in jiffies. */
unsigned long ndis_watch_slice(void)
{
	return max(READ_ONCE(ndis_stuck_report_s), 1U) * HZ;
}

/* @w waited another @slice without an end: say so. */
void ndis_watch_report(struct ndis_watch *w, unsigned long slice)
{
	w->waited += slice;
	atomic_long_inc(&ndis_watch_reports);
	pr_warn("%s: %s has not finished %s after %lu s; still waiting\n",
		w->object, w->driver, w->step, w->waited / HZ);
}

/* wait_for_completion() that reports, as ndis_watch_event() does. */
void ndis_watch_completion(struct completion *done, const char *object, const char *driver,
			   const char *step)
{
	struct ndis_watch w = { object, driver, step, 0 };
	unsigned long slice;

	for (;;) {
		slice = ndis_watch_slice();
		if (wait_for_completion_timeout(done, slice))
			return;
		ndis_watch_report(&w, slice);
	}
}

/* Set stuck_report_s (tests). Return: the old value. */
unsigned int ndis_watch_set_period(unsigned int seconds)
{
	return xchg(&ndis_stuck_report_s, seconds);
}

/* Reports since load. */
long ndis_watch_report_count(void)
{
	return atomic_long_read(&ndis_watch_reports);
}
