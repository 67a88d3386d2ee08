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
 *
 * Power-off is the one place where going on is safe: nothing is freed
 * after it, so a driver that finishes late writes only to memory that
 * stays. The thread that shuts an adapter down (ndis_watch_shutdown_begin())
 * stops waiting after ndis.shutdown_wait_s seconds, says what it gave up
 * on, and goes on, so one stuck driver cannot hold the machine up.
 */
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/sched.h>

#include "watch.h"

static unsigned int ndis_stuck_report_s = 30;
module_param_named(stuck_report_s, ndis_stuck_report_s, uint, 0644);
MODULE_PARM_DESC(stuck_report_s,
		 "Seconds between reports of a driver that has not finished a step NDIS waits for (default: 30)");

static unsigned int ndis_shutdown_wait_s = 10;
module_param_named(shutdown_wait_s, ndis_shutdown_wait_s, uint, 0644);
MODULE_PARM_DESC(shutdown_wait_s,
		 "Seconds power-off waits for a driver step on one adapter before it goes on without it (default: 10)");

static atomic_long_t ndis_watch_reports = ATOMIC_LONG_INIT(0);
static atomic_long_t ndis_watch_give_ups = ATOMIC_LONG_INIT(0);

/* The thread shutting an adapter down, and when it stops waiting. */
static struct task_struct *ndis_watch_shutdown_task;
static unsigned long ndis_watch_shutdown_until;

/*
 * The next wait of @w before a report, in jiffies; 0 when @w is the
 * shutdown's and its time is up: the waiter goes on, and says so.
 */
unsigned long ndis_watch_slice(struct ndis_watch *w)
{
	unsigned long slice = max(READ_ONCE(ndis_stuck_report_s), 1U) * HZ;
	unsigned long until = ndis_watch_shutdown_until;

	if (READ_ONCE(ndis_watch_shutdown_task) != current)
		return slice;
	if (time_after_eq(jiffies, until)) {
		atomic_long_inc(&ndis_watch_give_ups);
		pr_warn("%s: %s has not finished %s; the system is going down, going on without it\n",
			w->object, w->driver, w->step);
		return 0;
	}
	return min(slice, until - jiffies);
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
		slice = ndis_watch_slice(&w);
		if (!slice || wait_for_completion_timeout(done, slice))
			return;
		ndis_watch_report(&w, slice);
	}
}

/**
 * ndis_watch_shutdown_begin() - bound the waits of this thread: power-off
 *
 * Until ndis_watch_shutdown_end(), each wait of the calling thread through
 * this file gives up once ndis.shutdown_wait_s seconds have passed since
 * this call. One thread at a time (the reboot notifier). PASSIVE_LEVEL.
 */
void ndis_watch_shutdown_begin(void)
{
	ndis_watch_shutdown_until = jiffies + READ_ONCE(ndis_shutdown_wait_s) * HZ;
	WRITE_ONCE(ndis_watch_shutdown_task, current);
}

/* Waits of the shutdown's thread are unbounded again. */
void ndis_watch_shutdown_end(void)
{
	WRITE_ONCE(ndis_watch_shutdown_task, NULL);
}

/**
 * ndis_watch_shutdown_lock() - take @lock for the shutdown, within its time
 * @lock: the adapter's operation lock
 * @w: what is waited for, for the report
 *
 * A driver stuck in another operation holds the lock for ever; polling
 * lets the shutdown give up on that adapter instead. PASSIVE_LEVEL.
 *
 * Return: true with @lock held; false if the time ran out.
 */
bool ndis_watch_shutdown_lock(struct mutex *lock, struct ndis_watch *w)
{
	while (!mutex_trylock(lock)) {
		if (time_after_eq(jiffies, ndis_watch_shutdown_until)) {
			atomic_long_inc(&ndis_watch_give_ups);
			pr_warn("%s: %s has not finished %s; the system is going down, leaving the adapter as it is\n",
				w->object, w->driver, w->step);
			return false;
		}
		msleep(20);
	}
	return true;
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

/* Waits the shutdown gave up on since load. */
long ndis_watch_give_up_count(void)
{
	return atomic_long_read(&ndis_watch_give_ups);
}

/* Set shutdown_wait_s (tests). Return: the old value. */
unsigned int ndis_watch_set_shutdown_wait(unsigned int seconds)
{
	return xchg(&ndis_shutdown_wait_s, seconds);
}
