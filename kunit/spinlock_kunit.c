// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_spinlock: the NDIS spin lock calls change the level as the DDI
 * documents, track their holder, and refuse or report misuse.
 */
#include <linux/bottom_half.h>
#include <linux/irqflags.h>

#include "ndis_kunit.h"

/* Whether nobody holds the Linux lock underneath. */
static bool lock_is_free(PNDIS_SPIN_LOCK lock)
{
	if (!spin_trylock_bh(&lock->SpinLock))
		return false;
	spin_unlock_bh(&lock->SpinLock);
	return true;
}

static void acquire_raises_to_dispatch_and_release_restores(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_SPIN_LOCK lock;
	KIRQL inside;

	NdisAllocateSpinLock(&lock);
	NdisAcquireSpinLock(&lock);
	inside = ndis_current_irql();
	KUNIT_EXPECT_TRUE(test, ndis_spin_lock_held(&lock));
	KUNIT_EXPECT_EQ(test, ndis_spin_locks_held(), 1U);
	KUNIT_EXPECT_EQ(test, lock.OldIrql, PASSIVE_LEVEL);
	NdisReleaseSpinLock(&lock);
	NdisFreeSpinLock(&lock);

	KUNIT_EXPECT_EQ(test, inside, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, ndis_current_irql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_FALSE(test, ndis_spin_lock_held(&lock));
	KUNIT_EXPECT_EQ(test, ndis_spin_locks_held(), 0U);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void nested_locks_stay_dispatch_until_the_last_release(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_SPIN_LOCK outer, inner;
	KIRQL after_inner;

	NdisAllocateSpinLock(&outer);
	NdisAllocateSpinLock(&inner);
	NdisAcquireSpinLock(&outer);
	NdisAcquireSpinLock(&inner);
	KUNIT_EXPECT_EQ(test, ndis_spin_locks_held(), 2U);
	KUNIT_EXPECT_EQ(test, inner.OldIrql, DISPATCH_LEVEL);
	NdisReleaseSpinLock(&inner);
	after_inner = ndis_current_irql();
	KUNIT_EXPECT_EQ(test, ndis_spin_locks_held(), 1U);
	NdisReleaseSpinLock(&outer);

	KUNIT_EXPECT_EQ(test, after_inner, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, ndis_current_irql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void release_out_of_order_is_safe(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_SPIN_LOCK first, second;
	KIRQL between;

	NdisAllocateSpinLock(&first);
	NdisAllocateSpinLock(&second);
	NdisAcquireSpinLock(&first);
	NdisAcquireSpinLock(&second);
	NdisReleaseSpinLock(&first);
	/* Still holding a spin lock: a softirq must not run here. */
	between = ndis_current_irql();
	KUNIT_EXPECT_TRUE(test, in_softirq());
	NdisReleaseSpinLock(&second);

	KUNIT_EXPECT_EQ(test, between, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, ndis_current_irql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

struct ndis_kunit_dpr_run {
	NDIS_SPIN_LOCK lock;
	KIRQL holding;
	KIRQL after;
	bool held;
};

static void dpr_lock_cycle(void *arg)
{
	struct ndis_kunit_dpr_run *run = arg;

	NdisDprAcquireSpinLock(&run->lock);
	run->holding = ndis_current_irql();
	run->held = ndis_spin_lock_held(&run->lock);
	NdisDprReleaseSpinLock(&run->lock);
	run->after = ndis_current_irql();
}

static void dpr_variants_in_a_softirq(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_kunit_dpr_run run = {};

	NdisAllocateSpinLock(&run.lock);
	ndis_kunit_in_timer(test, dpr_lock_cycle, &run);

	KUNIT_EXPECT_TRUE(test, run.held);
	KUNIT_EXPECT_EQ(test, run.holding, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, run.after, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void dpr_variants_under_an_ndis_lock(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_kunit_dpr_run run = {};
	NDIS_SPIN_LOCK outer;

	NdisAllocateSpinLock(&outer);
	NdisAllocateSpinLock(&run.lock);
	NdisAcquireSpinLock(&outer);
	dpr_lock_cycle(&run);
	NdisReleaseSpinLock(&outer);

	KUNIT_EXPECT_TRUE(test, run.held);
	KUNIT_EXPECT_EQ(test, run.holding, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, run.after, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, ndis_current_irql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void dpr_acquire_at_passive_is_reported_and_still_safe(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_kunit_dpr_run run = {};

	NdisAllocateSpinLock(&run.lock);
	dpr_lock_cycle(&run);

	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisDprAcquireSpinLock");
	KUNIT_EXPECT_STREQ(test, r->requirement, "IRQL == DISPATCH_LEVEL");
	KUNIT_EXPECT_EQ(test, r->irql, PASSIVE_LEVEL);
	/* Taken with BHs off all the same, and given back. */
	KUNIT_EXPECT_EQ(test, run.holding, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, run.after, PASSIVE_LEVEL);
}

static void acquire_with_interrupts_off_is_reported(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_SPIN_LOCK lock;
	unsigned long flags;
	bool held;

	NdisAllocateSpinLock(&lock);
	local_irq_save(flags);
	NdisAcquireSpinLock(&lock);
	held = ndis_spin_lock_held(&lock);
	NdisReleaseSpinLock(&lock);
	local_irq_restore(flags);

	KUNIT_EXPECT_TRUE(test, held);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisAcquireSpinLock");
	KUNIT_EXPECT_EQ(test, r->irql, DIRQL);
	KUNIT_EXPECT_EQ(test, ndis_current_irql(), PASSIVE_LEVEL);
}

static void release_of_an_unheld_lock_is_refused(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_SPIN_LOCK lock;

	NdisAllocateSpinLock(&lock);
	NdisReleaseSpinLock(&lock);

	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisReleaseSpinLock");
	KUNIT_EXPECT_STREQ(test, r->requirement, "a lock the caller holds");
	KUNIT_EXPECT_TRUE(test, lock_is_free(&lock));
	KUNIT_EXPECT_EQ(test, ndis_current_irql(), PASSIVE_LEVEL);
}

static void recursive_acquire_is_refused(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_SPIN_LOCK lock;

	NdisAllocateSpinLock(&lock);
	NdisAcquireSpinLock(&lock);
	NdisAcquireSpinLock(&lock);	/* would deadlock if carried out */
	KUNIT_EXPECT_EQ(test, ndis_spin_locks_held(), 1U);
	NdisReleaseSpinLock(&lock);

	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->requirement, "a lock the caller does not hold yet");
	KUNIT_EXPECT_EQ(test, ndis_current_irql(), PASSIVE_LEVEL);
}

static void mismatched_variants_are_reported_and_undone(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_SPIN_LOCK lock;

	NdisAllocateSpinLock(&lock);
	NdisAcquireSpinLock(&lock);
	NdisDprReleaseSpinLock(&lock);

	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisDprReleaseSpinLock");
	KUNIT_EXPECT_STREQ(test, r->requirement, "a lock taken by NdisDprAcquireSpinLock");
	/* What the acquire changed is undone all the same. */
	KUNIT_EXPECT_EQ(test, ndis_current_irql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_TRUE(test, lock_is_free(&lock));
}

static void free_of_a_held_lock_is_reported(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_SPIN_LOCK lock;

	NdisAllocateSpinLock(&lock);
	NdisAcquireSpinLock(&lock);
	NdisFreeSpinLock(&lock);
	NdisReleaseSpinLock(&lock);

	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisFreeSpinLock");
}

static struct kunit_case ndis_spinlock_cases[] = {
	KUNIT_CASE(acquire_raises_to_dispatch_and_release_restores),
	KUNIT_CASE(nested_locks_stay_dispatch_until_the_last_release),
	KUNIT_CASE(release_out_of_order_is_safe),
	KUNIT_CASE(dpr_variants_in_a_softirq),
	KUNIT_CASE(dpr_variants_under_an_ndis_lock),
	KUNIT_CASE(dpr_acquire_at_passive_is_reported_and_still_safe),
	KUNIT_CASE(acquire_with_interrupts_off_is_reported),
	KUNIT_CASE(release_of_an_unheld_lock_is_refused),
	KUNIT_CASE(recursive_acquire_is_refused),
	KUNIT_CASE(mismatched_variants_are_reported_and_undone),
	KUNIT_CASE(free_of_a_held_lock_is_reported),
	{}
};

static struct kunit_suite ndis_spinlock_suite = {
	.name = "ndis_spinlock",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_spinlock_cases,
};

kunit_test_suite(ndis_spinlock_suite);
