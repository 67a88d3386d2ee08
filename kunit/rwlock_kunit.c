// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_rwlock: NDIS read/write locks let readers share, make a
 * writer wait for them, let a reader take the lock again while a writer
 * waits, run the holder at DISPATCH_LEVEL, and refuse a writer's second
 * acquire instead of deadlocking.
 *
 * A holder may not sleep, so the two sides of each test are threads that
 * spin, each spin bounded by RWL_SPIN.
 */
#include <linux/ktime.h>

#include "fake.h"

/* Long enough for a starved guest CPU; far below the soft lockup watchdog. */
#define RWL_SPIN_MS	5000

struct rwl_pair {
	PNDIS_RW_LOCK_EX lock;
	int a_in;		/* A holds the lock */
	int b_trying;		/* B is about to acquire */
	int b_in;		/* B got the lock */
	int b_seen_by_a;	/* A saw B inside while A held it */
};

/* Spin until *@flag is set or the time is up. Return: whether it was set. */
static bool rwl_spin_for(int *flag)
{
	ktime_t end = ktime_add_ms(ktime_get(), RWL_SPIN_MS);

	while (!READ_ONCE(*flag)) {
		if (ktime_after(ktime_get(), end))
			return false;
		cpu_relax();
	}
	return true;
}

static PNDIS_RW_LOCK_EX rwl_new(struct kunit *test)
{
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "rwl-p");
	PNDIS_RW_LOCK_EX lock;

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	lock = NdisAllocateRWLock(fp->handle);
	KUNIT_ASSERT_NOT_NULL(test, lock);
	return lock;
}

/* Run @fa and @fb as two threads on a fresh lock; both must finish. */
static struct rwl_pair *rwl_run(struct kunit *test, struct ndis_kunit_thread *a,
				void (*fa)(struct ndis_kunit_thread *t),
				struct ndis_kunit_thread *b,
				void (*fb)(struct ndis_kunit_thread *t))
{
	struct rwl_pair *p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);
	int cpu[2];

	KUNIT_ASSERT_NOT_NULL(test, p);
	ndis_kunit_two_cpus(test, cpu);
	p->lock = rwl_new(test);
	ndis_kunit_thread_start_on(test, a, fa, p, "rwl-a", cpu[0]);
	ndis_kunit_thread_start_on(test, b, fb, p, "rwl-b", cpu[1]);
	KUNIT_ASSERT_TRUE(test, ndis_kunit_thread_finished(a));
	KUNIT_ASSERT_TRUE(test, ndis_kunit_thread_finished(b));
	return p;
}

/* A: read, then wait for B (a reader) to get in beside it. */
static void rwl_reader_a(struct ndis_kunit_thread *t)
{
	struct rwl_pair *p = t->arg;
	LOCK_STATE_EX st;

	NdisAcquireRWLockRead(p->lock, &st, 0);
	WRITE_ONCE(p->a_in, 1);
	p->b_seen_by_a = rwl_spin_for(&p->b_in);
	NdisReleaseRWLock(p->lock, &st);
}

static void rwl_reader_b(struct ndis_kunit_thread *t)
{
	struct rwl_pair *p = t->arg;
	LOCK_STATE_EX st;

	if (!rwl_spin_for(&p->a_in))
		return;
	NdisAcquireRWLockRead(p->lock, &st, 0);
	WRITE_ONCE(p->b_in, 1);
	NdisReleaseRWLock(p->lock, &st);
	t->result = 1;
}

static void readers_share_the_lock(struct kunit *test)
{
	struct ndis_kunit_thread a, b;
	struct rwl_pair *p = rwl_run(test, &a, rwl_reader_a, &b, rwl_reader_b);

	KUNIT_EXPECT_TRUE(test, p->b_seen_by_a);
	KUNIT_EXPECT_EQ(test, b.result, 1L);
	NdisFreeRWLock(p->lock);
}

/* A: read; hold it until B tries to write, a while longer, then let go. */
static void rwl_holder_a(struct ndis_kunit_thread *t)
{
	struct rwl_pair *p = t->arg;
	LOCK_STATE_EX st;
	ktime_t end;

	NdisAcquireRWLockRead(p->lock, &st, 0);
	WRITE_ONCE(p->a_in, 1);
	if (rwl_spin_for(&p->b_trying)) {
		end = ktime_add_ms(ktime_get(), 20);
		while (!ktime_after(ktime_get(), end))
			cpu_relax();
	}
	p->b_seen_by_a = READ_ONCE(p->b_in);
	NdisReleaseRWLock(p->lock, &st);
}

static void rwl_writer_b(struct ndis_kunit_thread *t)
{
	struct rwl_pair *p = t->arg;
	LOCK_STATE_EX st;

	if (!rwl_spin_for(&p->a_in))
		return;
	WRITE_ONCE(p->b_trying, 1);
	NdisAcquireRWLockWrite(p->lock, &st, 0);
	WRITE_ONCE(p->b_in, 1);
	NdisReleaseRWLock(p->lock, &st);
	t->result = 1;
}

static void a_writer_waits_for_the_reader(struct kunit *test)
{
	struct ndis_kunit_thread a, b;
	struct rwl_pair *p = rwl_run(test, &a, rwl_holder_a, &b, rwl_writer_b);

	KUNIT_EXPECT_FALSE(test, p->b_seen_by_a);
	KUNIT_EXPECT_EQ(test, b.result, 1L);
	NdisFreeRWLock(p->lock);
}

/* A: read; once B waits to write, read again (the DDI allows it), let go. */
static void rwl_recursive_a(struct ndis_kunit_thread *t)
{
	struct rwl_pair *p = t->arg;
	LOCK_STATE_EX outer, inner;
	ktime_t end;

	NdisAcquireRWLockRead(p->lock, &outer, 0);
	WRITE_ONCE(p->a_in, 1);
	if (rwl_spin_for(&p->b_trying)) {
		end = ktime_add_ms(ktime_get(), 20);	/* B is spinning in its acquire */
		while (!ktime_after(ktime_get(), end))
			cpu_relax();
	}
	NdisAcquireRWLockRead(p->lock, &inner, NDIS_RWL_AT_DISPATCH_LEVEL);
	p->b_seen_by_a = READ_ONCE(p->b_in);
	NdisReleaseRWLock(p->lock, &inner);
	NdisReleaseRWLock(p->lock, &outer);
	t->result = 1;
}

static void a_reader_takes_it_again_while_a_writer_waits(struct kunit *test)
{
	struct ndis_kunit_thread a, b;
	struct rwl_pair *p = rwl_run(test, &a, rwl_recursive_a, &b, rwl_writer_b);

	KUNIT_EXPECT_EQ(test, a.result, 1L);
	KUNIT_EXPECT_FALSE(test, p->b_seen_by_a);
	KUNIT_EXPECT_EQ(test, b.result, 1L);
	NdisFreeRWLock(p->lock);
}

static void the_holder_runs_at_dispatch_level(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	PNDIS_RW_LOCK_EX lock = rwl_new(test);
	NDIS_RW_LOCK old;
	LOCK_STATE_EX st;
	LOCK_STATE ost;
	KIRQL inside, old_inside;

	NdisAcquireRWLockWrite(lock, &st, 0);
	inside = ndis_current_irql();
	NdisReleaseRWLock(lock, &st);
	KUNIT_EXPECT_EQ(test, inside, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, st.OldIrql, PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, ndis_current_irql(), PASSIVE_LEVEL);

	NdisInitializeReadWriteLock(&old);
	NdisAcquireReadWriteLock(&old, TRUE, &ost);
	old_inside = ndis_current_irql();
	NdisReleaseReadWriteLock(&old, &ost);
	NdisAcquireReadWriteLock(&old, FALSE, &ost);
	NdisReleaseReadWriteLock(&old, &ost);
	KUNIT_EXPECT_EQ(test, old_inside, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, ndis_current_irql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
	NdisFreeRWLock(lock);
}

static void a_writer_acquiring_again_is_refused(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	PNDIS_RW_LOCK_EX lock = rwl_new(test);
	LOCK_STATE_EX first, second;

	NdisAcquireRWLockWrite(lock, &first, 0);
	NdisAcquireRWLockRead(lock, &second, 0);	/* would deadlock */
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisAcquireRWLockRead");
	NdisReleaseRWLock(lock, &second);		/* nothing to release */
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	NdisReleaseRWLock(lock, &first);
	KUNIT_EXPECT_EQ(test, ndis_current_irql(), PASSIVE_LEVEL);

	/* The lock is whole again: a fresh write acquire goes through. */
	NdisAcquireRWLockWrite(lock, &first, 0);
	NdisReleaseRWLock(lock, &first);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	NdisFreeRWLock(lock);
}

static void a_bad_handle_gets_no_lock(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;

	KUNIT_EXPECT_NULL(test, NdisAllocateRWLock((NDIS_HANDLE)0x5670));
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisAllocateRWLock");
}

static struct kunit_case ndis_rwlock_cases[] = {
	KUNIT_CASE(readers_share_the_lock),
	KUNIT_CASE(a_writer_waits_for_the_reader),
	KUNIT_CASE(a_reader_takes_it_again_while_a_writer_waits),
	KUNIT_CASE(the_holder_runs_at_dispatch_level),
	KUNIT_CASE(a_writer_acquiring_again_is_refused),
	KUNIT_CASE(a_bad_handle_gets_no_lock),
	{}
};

static struct kunit_suite ndis_rwlock_suite = {
	.name = "ndis_rwlock",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_rwlock_cases,
};

kunit_test_suite(ndis_rwlock_suite);
