// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_sync: NDIS events wake every waiter and stay set, NDIS
 * mutexes nest for their owner, interlocked arithmetic loses nothing
 * between threads, and the list calls link as the DDI says.
 */
#include <linux/ktime.h>

#include "ndis_kunit.h"

/* -- events ---------------------------------------------------------------- */

static void event_starts_clear_and_a_wait_times_out(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_EVENT ev;
	ktime_t start;

	NdisInitializeEvent(&ev);
	start = ktime_get();
	KUNIT_EXPECT_FALSE(test, NdisWaitEvent(&ev, 30));
	KUNIT_EXPECT_GE(test, ktime_ms_delta(ktime_get(), start), 20);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void a_set_event_stays_set_until_reset(struct kunit *test)
{
	NDIS_EVENT ev;

	NdisInitializeEvent(&ev);
	NdisSetEvent(&ev);
	KUNIT_EXPECT_TRUE(test, NdisWaitEvent(&ev, 10));
	KUNIT_EXPECT_TRUE(test, NdisWaitEvent(&ev, 0));
	NdisResetEvent(&ev);
	KUNIT_EXPECT_FALSE(test, NdisWaitEvent(&ev, 10));
}

static void sync_wait_event(struct ndis_kunit_thread *t)
{
	t->result = NdisWaitEvent(t->arg, 10000);
}

static void sync_set_event(void *ev)
{
	NdisSetEvent(ev);
}

static void a_set_from_a_softirq_wakes_every_waiter(struct kunit *test)
{
	struct ndis_kunit_thread a, b;
	NDIS_EVENT ev;

	NdisInitializeEvent(&ev);
	ndis_kunit_thread_start(test, &a, sync_wait_event, &ev, "ev-a");
	ndis_kunit_thread_start(test, &b, sync_wait_event, &ev, "ev-b");
	KUNIT_EXPECT_TRUE(test, ndis_kunit_thread_waits(&a));
	KUNIT_EXPECT_TRUE(test, ndis_kunit_thread_waits(&b));
	ndis_kunit_in_timer(test, sync_set_event, &ev);
	KUNIT_ASSERT_TRUE(test, ndis_kunit_thread_finished(&a));
	KUNIT_ASSERT_TRUE(test, ndis_kunit_thread_finished(&b));
	KUNIT_EXPECT_EQ(test, a.result, (long)TRUE);
	KUNIT_EXPECT_EQ(test, b.result, (long)TRUE);
}

static void waiting_at_dispatch_is_reported_and_does_not_sleep(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_SPIN_LOCK lock;
	NDIS_EVENT ev;
	BOOLEAN got;

	NdisInitializeEvent(&ev);
	NdisSetEvent(&ev);
	NdisAllocateSpinLock(&lock);
	NdisAcquireSpinLock(&lock);
	got = NdisWaitEvent(&ev, 10);
	NdisReleaseSpinLock(&lock);
	KUNIT_EXPECT_FALSE(test, got);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisWaitEvent");
	KUNIT_EXPECT_EQ(test, r->irql, DISPATCH_LEVEL);
}

/* -- mutexes --------------------------------------------------------------- */

static void sync_take_and_give_mutex(struct ndis_kunit_thread *t)
{
	NDIS_WAIT_FOR_MUTEX((PNDIS_MUTEX)t->arg);
	t->result = 1;
	NDIS_RELEASE_MUTEX((PNDIS_MUTEX)t->arg);
}

static void a_mutex_nests_for_its_owner_and_frees_on_the_last_release(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_kunit_thread other;
	NDIS_MUTEX m;

	NDIS_INIT_MUTEX(&m);
	NDIS_WAIT_FOR_MUTEX(&m);
	NDIS_WAIT_FOR_MUTEX(&m);
	ndis_kunit_thread_start(test, &other, sync_take_and_give_mutex, &m, "mutex");
	NDIS_RELEASE_MUTEX(&m);
	/* Still held once: the other thread must be waiting, not done. */
	KUNIT_EXPECT_FALSE(test, wait_for_completion_timeout(&other.done, HZ / 20) > 0);
	NDIS_RELEASE_MUTEX(&m);
	KUNIT_ASSERT_TRUE(test, ndis_kunit_thread_finished(&other));
	KUNIT_EXPECT_EQ(test, other.result, 1L);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void sync_release_foreign_mutex(struct ndis_kunit_thread *t)
{
	NDIS_RELEASE_MUTEX((PNDIS_MUTEX)t->arg);
}

static void a_release_by_another_task_is_reported_and_ignored(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_kunit_thread other;
	NDIS_MUTEX m;

	NDIS_INIT_MUTEX(&m);
	NDIS_WAIT_FOR_MUTEX(&m);
	ndis_kunit_thread_start(test, &other, sync_release_foreign_mutex, &m, "mutex-bad");
	KUNIT_ASSERT_TRUE(test, ndis_kunit_thread_finished(&other));
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NDIS_RELEASE_MUTEX");
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(&m.lock));
	NDIS_RELEASE_MUTEX(&m);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m.lock));
}

/* -- interlocked ----------------------------------------------------------- */

#define SYNC_ROUNDS	100000

static void sync_count_up(struct ndis_kunit_thread *t)
{
	int i;

	for (i = 0; i < SYNC_ROUNDS; i++) {
		NdisInterlockedIncrement(t->arg);
		InterlockedIncrement(t->arg);
		NdisInterlockedDecrement(t->arg);
	}
}

static void interlocked_counts_lose_nothing_between_threads(struct kunit *test)
{
	struct ndis_kunit_thread a, b;
	LONG count = 0;

	ndis_kunit_thread_start(test, &a, sync_count_up, &count, "count-a");
	ndis_kunit_thread_start(test, &b, sync_count_up, &count, "count-b");
	KUNIT_ASSERT_TRUE(test, ndis_kunit_thread_finished(&a));
	KUNIT_ASSERT_TRUE(test, ndis_kunit_thread_finished(&b));
	KUNIT_EXPECT_EQ(test, count, 2 * SYNC_ROUNDS);
}

static void interlocked_calls_return_what_the_ddi_says(struct kunit *test)
{
	LARGE_INTEGER big = { .QuadPart = 0xfffffff0LL };
	PVOID slot = NULL, a = &big, b = &slot;
	NDIS_SPIN_LOCK lock;
	ULONG total = 5;
	LONG v = 7;

	KUNIT_EXPECT_EQ(test, NdisInterlockedIncrement(&v), 8);
	KUNIT_EXPECT_EQ(test, NdisInterlockedDecrement(&v), 7);
	KUNIT_EXPECT_EQ(test, InterlockedExchangeAdd(&v, 3), 7);
	KUNIT_EXPECT_EQ(test, InterlockedExchange(&v, 1), 10);
	KUNIT_EXPECT_EQ(test, InterlockedCompareExchange(&v, 5, 2), 1);	/* no store */
	KUNIT_EXPECT_EQ(test, v, 1);
	KUNIT_EXPECT_EQ(test, InterlockedCompareExchange(&v, 5, 1), 1);	/* store */
	KUNIT_EXPECT_EQ(test, v, 5);
	KUNIT_EXPECT_PTR_EQ(test, InterlockedExchangePointer(&slot, a), NULL);
	KUNIT_EXPECT_PTR_EQ(test, InterlockedCompareExchangePointer(&slot, b, NULL), a);
	KUNIT_EXPECT_PTR_EQ(test, slot, a);
	KUNIT_EXPECT_PTR_EQ(test, InterlockedCompareExchangePointer(&slot, b, a), a);
	KUNIT_EXPECT_PTR_EQ(test, slot, b);

	NdisInterlockedAddLargeStatistic(&big, 0x20);	/* carries into HighPart */
	KUNIT_EXPECT_EQ(test, big.HighPart, 1);
	KUNIT_EXPECT_EQ(test, big.LowPart, 0x10U);
	NdisAllocateSpinLock(&lock);
	NdisInterlockedAddUlong(&total, 6, &lock);
	KUNIT_EXPECT_EQ(test, total, 11U);
	KUNIT_EXPECT_EQ(test, ndis_current_irql(), PASSIVE_LEVEL);
}

/* -- lists ----------------------------------------------------------------- */

struct sync_item {
	LIST_ENTRY link;
	SINGLE_LIST_ENTRY slink;
	int n;
};

static int sync_item_n(PLIST_ENTRY e)
{
	return CONTAINING_RECORD(e, struct sync_item, link)->n;
}

static void lists_link_in_the_order_the_ddi_says(struct kunit *test)
{
	struct sync_item it[4] = { { .n = 0 }, { .n = 1 }, { .n = 2 }, { .n = 3 } };
	LIST_ENTRY head, other;
	SINGLE_LIST_ENTRY shead = { NULL };

	NdisInitializeListHead(&head);
	KUNIT_EXPECT_TRUE(test, IsListEmpty(&head));
	InsertTailList(&head, &it[1].link);
	InsertHeadList(&head, &it[0].link);
	InsertTailList(&head, &it[2].link);
	KUNIT_EXPECT_EQ(test, sync_item_n(head.Flink), 0);
	KUNIT_EXPECT_EQ(test, sync_item_n(head.Blink), 2);
	KUNIT_EXPECT_FALSE(test, RemoveEntryList(&it[1].link));
	KUNIT_EXPECT_EQ(test, sync_item_n(RemoveTailList(&head)), 2);
	KUNIT_EXPECT_EQ(test, sync_item_n(RemoveHeadList(&head)), 0);
	KUNIT_EXPECT_TRUE(test, IsListEmpty(&head));

	/* A list without a head, 2 then 3, appended after 0. */
	InsertTailList(&head, &it[0].link);
	InitializeListHead(&other);
	InsertTailList(&other, &it[2].link);
	InsertTailList(&other, &it[3].link);
	RemoveEntryList(&other);
	AppendTailList(&head, &it[2].link);
	KUNIT_EXPECT_EQ(test, sync_item_n(RemoveHeadList(&head)), 0);
	KUNIT_EXPECT_EQ(test, sync_item_n(RemoveHeadList(&head)), 2);
	KUNIT_EXPECT_TRUE(test, RemoveEntryList(&it[3].link));

	PushEntryList(&shead, &it[0].slink);
	PushEntryList(&shead, &it[1].slink);
	KUNIT_EXPECT_PTR_EQ(test, PopEntryList(&shead), &it[1].slink);
	KUNIT_EXPECT_PTR_EQ(test, PopEntryList(&shead), &it[0].slink);
	KUNIT_EXPECT_NULL(test, PopEntryList(&shead));
}

static void interlocked_lists_return_the_old_end(struct kunit *test)
{
	struct sync_item it[2] = { { .n = 0 }, { .n = 1 } };
	SINGLE_LIST_ENTRY shead = { NULL };
	NDIS_SPIN_LOCK lock;
	LIST_ENTRY head;

	NdisAllocateSpinLock(&lock);
	InitializeListHead(&head);
	KUNIT_EXPECT_NULL(test, NdisInterlockedRemoveHeadList(&head, &lock));
	KUNIT_EXPECT_NULL(test, NdisInterlockedInsertTailList(&head, &it[0].link, &lock));
	KUNIT_EXPECT_PTR_EQ(test, NdisInterlockedInsertHeadList(&head, &it[1].link, &lock),
			    &it[0].link);
	KUNIT_EXPECT_PTR_EQ(test, NdisInterlockedRemoveHeadList(&head, &lock), &it[1].link);
	KUNIT_EXPECT_PTR_EQ(test, NdisInterlockedRemoveHeadList(&head, &lock), &it[0].link);
	KUNIT_EXPECT_NULL(test, NdisInterlockedPushEntryList(&shead, &it[0].slink, &lock));
	KUNIT_EXPECT_PTR_EQ(test, NdisInterlockedPushEntryList(&shead, &it[1].slink, &lock),
			    &it[0].slink);
	KUNIT_EXPECT_PTR_EQ(test, NdisInterlockedPopEntryList(&shead, &lock), &it[1].slink);
	KUNIT_EXPECT_EQ(test, ndis_spin_locks_held(), 0U);
}

static struct kunit_case ndis_sync_cases[] = {
	KUNIT_CASE(event_starts_clear_and_a_wait_times_out),
	KUNIT_CASE(a_set_event_stays_set_until_reset),
	KUNIT_CASE(a_set_from_a_softirq_wakes_every_waiter),
	KUNIT_CASE(waiting_at_dispatch_is_reported_and_does_not_sleep),
	KUNIT_CASE(a_mutex_nests_for_its_owner_and_frees_on_the_last_release),
	KUNIT_CASE(a_release_by_another_task_is_reported_and_ignored),
	KUNIT_CASE(interlocked_counts_lose_nothing_between_threads),
	KUNIT_CASE(interlocked_calls_return_what_the_ddi_says),
	KUNIT_CASE(lists_link_in_the_order_the_ddi_says),
	KUNIT_CASE(interlocked_lists_return_the_old_end),
	{}
};

static struct kunit_suite ndis_sync_suite = {
	.name = "ndis_sync",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_sync_cases,
};

kunit_test_suite(ndis_sync_suite);
