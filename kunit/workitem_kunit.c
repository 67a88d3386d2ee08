// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_io_workitem: a queued routine runs once, at PASSIVE_LEVEL,
 * with its context and its item's handle; it may queue its item again and
 * free it; a free at PASSIVE_LEVEL waits for a running routine; a work
 * item its driver forgot is waited for, freed and reported when the
 * driver deregisters.
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/timer.h>

#include "../core/kunit_iface.h"
#include "fake.h"

#define WI_WAIT		(5 * HZ)

struct wi {
	NDIS_HANDLE item;
	NDIS_HANDLE seen_handle;
	KIRQL irql;
	atomic_t runs;
	int requeue;		/* times to queue itself again */
	bool free_self;		/* once it stops requeueing */
	struct completion go;	/* a blocking routine waits for it */
	bool done;		/* the blocking routine returned */
	struct timer_list release;	/* completes @go a little later */
	wait_queue_head_t wq;
};

static NDIS_IO_WORKITEM_FUNCTION wi_count;
static void wi_count(PVOID ctx, NDIS_HANDLE item)
{
	struct wi *w = ctx;

	w->irql = KeGetCurrentIrql();
	w->seen_handle = item;
	usleep_range(1000, 2000);	/* PASSIVE_LEVEL: may sleep */
	if (w->requeue > 0) {
		w->requeue--;
		NdisQueueIoWorkItem(item, wi_count, w);
	} else if (w->free_self) {
		NdisFreeIoWorkItem(item);
	}
	atomic_inc(&w->runs);
	wake_up(&w->wq);
}

static NDIS_IO_WORKITEM_FUNCTION wi_block;
static void wi_block(PVOID ctx, NDIS_HANDLE item)
{
	struct wi *w = ctx;

	atomic_inc(&w->runs);
	wake_up(&w->wq);
	wait_for_completion_timeout(&w->go, WI_WAIT);
	WRITE_ONCE(w->done, true);
}

static void wi_release_fn(struct timer_list *tl)
{
	struct wi *w = timer_container_of(w, tl, release);

	complete(&w->go);
}

static NDIS_HANDLE wi_driver(struct kunit *test, const char *name)
{
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, name);

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	return fp->handle;
}

static struct wi *wi_new(struct kunit *test, NDIS_HANDLE driver)
{
	struct wi *w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, w);
	init_waitqueue_head(&w->wq);
	init_completion(&w->go);
	timer_setup(&w->release, wi_release_fn, 0);
	w->item = NdisAllocateIoWorkItem(driver);
	KUNIT_ASSERT_NOT_NULL(test, w->item);
	return w;
}

static bool wi_wait_runs(struct wi *w, int n)
{
	return wait_event_timeout(w->wq, atomic_read(&w->runs) >= n, WI_WAIT) > 0;
}

/* Release a blocked routine 20 ms from now, from a timer. */
static void wi_release_soon(struct wi *w)
{
	mod_timer(&w->release, jiffies + msecs_to_jiffies(20));
}

static void wi_cleanup(struct wi *w)
{
	timer_delete_sync(&w->release);
}

static void routine_runs_at_passive_with_its_arguments(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct wi *w = wi_new(test, wi_driver(test, "wi-p-run"));

	NdisQueueIoWorkItem(w->item, wi_count, w);
	KUNIT_ASSERT_TRUE(test, wi_wait_runs(w, 1));
	KUNIT_EXPECT_EQ(test, w->irql, PASSIVE_LEVEL);
	KUNIT_EXPECT_PTR_EQ(test, w->seen_handle, w->item);
	msleep(20);
	KUNIT_EXPECT_EQ(test, atomic_read(&w->runs), 1);
	NdisFreeIoWorkItem(w->item);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void wi_queue_at_dispatch(void *arg)
{
	struct wi *w = arg;

	NdisQueueIoWorkItem(w->item, wi_count, w);
}

static void allocate_and_queue_at_dispatch(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE driver = wi_driver(test, "wi-p-disp");
	struct wi *w = wi_new(test, driver);
	NDIS_SPIN_LOCK lock;
	NDIS_HANDLE second;

	ndis_kunit_in_timer(test, wi_queue_at_dispatch, w);
	KUNIT_ASSERT_TRUE(test, wi_wait_runs(w, 1));
	KUNIT_EXPECT_EQ(test, w->irql, PASSIVE_LEVEL);

	NdisAllocateSpinLock(&lock);
	NdisAcquireSpinLock(&lock);
	second = NdisAllocateIoWorkItem(driver);
	NdisFreeIoWorkItem(second);
	NdisReleaseSpinLock(&lock);
	KUNIT_EXPECT_NOT_NULL(test, second);
	NdisFreeIoWorkItem(w->item);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void routine_requeues_and_frees_its_item(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct wi *w = wi_new(test, wi_driver(test, "wi-p-self"));

	w->requeue = 4;
	w->free_self = true;
	NdisQueueIoWorkItem(w->item, wi_count, w);
	KUNIT_ASSERT_TRUE(test, wi_wait_runs(w, 5));
	msleep(20);
	KUNIT_EXPECT_EQ(test, atomic_read(&w->runs), 5);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
	/* Freed by the routine: the handle is dead. */
	NdisQueueIoWorkItem(w->item, wi_count, w);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisQueueIoWorkItem");
}

/* Each queueing either runs once or, made while one waits to run, is reported. */
static void queueing_twice_runs_or_is_reported(struct kunit *test)
{
	struct wi *w = wi_new(test, wi_driver(test, "wi-p-twice"));
	long before = ndis_kunit_misuse_count();
	NDIS_SPIN_LOCK lock;
	int i;

	NdisAllocateSpinLock(&lock);
	for (i = 0; i < 20; i++) {
		NdisAcquireSpinLock(&lock);
		NdisQueueIoWorkItem(w->item, wi_count, w);
		NdisQueueIoWorkItem(w->item, wi_count, w);
		NdisReleaseSpinLock(&lock);
		/* Each report is counted, though a site is shown once. */
		KUNIT_ASSERT_TRUE(test, wait_event_timeout(w->wq, atomic_read(&w->runs) +
							   ndis_kunit_misuse_count() - before >=
							   2 * (i + 1), WI_WAIT) > 0);
	}
	NdisFreeIoWorkItem(w->item);	/* waits for a routine still running */
	KUNIT_EXPECT_EQ(test, atomic_read(&w->runs) + ndis_kunit_misuse_count() - before, 40L);
}

static void free_at_passive_waits_for_the_routine(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct wi *w = wi_new(test, wi_driver(test, "wi-p-wait"));

	NdisQueueIoWorkItem(w->item, wi_block, w);
	KUNIT_ASSERT_TRUE(test, wi_wait_runs(w, 1));
	wi_release_soon(w);
	NdisFreeIoWorkItem(w->item);
	KUNIT_EXPECT_TRUE(test, READ_ONCE(w->done));
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
	wi_cleanup(w);
}

static void forgotten_items_are_reclaimed_at_deregistration(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "wi-p-leak");
	struct wi *idle, *busy;
	long before;

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	idle = wi_new(test, fp->handle);
	busy = wi_new(test, fp->handle);
	NdisQueueIoWorkItem(busy->item, wi_block, busy);
	KUNIT_ASSERT_TRUE(test, wi_wait_runs(busy, 1));
	wi_release_soon(busy);
	before = ndis_kunit_misuse_count();
	ndis_fake_protocol_deregister(fp);
	/*
	 * The deregistration waited for the routine, then freed both: two
	 * reports, shown once for their one allocating site.
	 */
	KUNIT_EXPECT_TRUE(test, READ_ONCE(busy->done));
	KUNIT_EXPECT_EQ(test, ndis_kunit_misuse_count() - before, 2L);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisFreeIoWorkItem");
	NdisQueueIoWorkItem(idle->item, wi_count, idle);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_EQ(test, atomic_read(&idle->runs), 0);
	wi_cleanup(busy);
}

static void bad_handles_are_reported(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct wi w = {};

	KUNIT_EXPECT_NULL(test, NdisAllocateIoWorkItem(NULL));
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisAllocateIoWorkItem");
	NdisQueueIoWorkItem((NDIS_HANDLE)0x1234, wi_count, &w);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	NdisFreeIoWorkItem(NULL);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisFreeIoWorkItem");
}

static struct kunit_case ndis_io_workitem_cases[] = {
	KUNIT_CASE(routine_runs_at_passive_with_its_arguments),
	KUNIT_CASE(allocate_and_queue_at_dispatch),
	KUNIT_CASE(routine_requeues_and_frees_its_item),
	KUNIT_CASE(queueing_twice_runs_or_is_reported),
	KUNIT_CASE(free_at_passive_waits_for_the_routine),
	KUNIT_CASE(forgotten_items_are_reclaimed_at_deregistration),
	KUNIT_CASE(bad_handles_are_reported),
	{}
};

static struct kunit_suite ndis_io_workitem_suite = {
	.name = "ndis_io_workitem",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_io_workitem_cases,
};

kunit_test_suite(ndis_io_workitem_suite);
