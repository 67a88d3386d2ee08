// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_dpc: a DPC runs once per successful insert, at DISPATCH_LEVEL,
 * on its target processor; an insert while queued is refused; a removed
 * DPC does not run; KeFlushQueuedDpcs() waits for the runs queued before
 * it; a DPC may be freed by its routine or after remove and flush. Also
 * the kernel spin lock names, KeRaiseIrql/KeLowerIrql, processor numbers.
 */
#include <linux/bottom_half.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/slab.h>

#include "ndis_kunit.h"

struct dpc_probe {
	KDPC dpc;
	atomic_t runs;
	KIRQL irql;
	bool serving_softirq;
	int cpu;
	PKDPC seen_dpc;
	PVOID seen_context;
	PVOID seen_arg1;
	PVOID seen_arg2;
	NTSTATUS watchdog_status;
	KDPC_WATCHDOG_INFORMATION watchdog;
	unsigned int delay_ms;
	bool free_self;
};

static void probe_routine(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1,
			  PVOID SystemArgument2)
{
	struct dpc_probe *p = DeferredContext;

	p->irql = KeGetCurrentIrql();
	p->serving_softirq = in_serving_softirq();
	p->cpu = smp_processor_id();
	p->seen_dpc = Dpc;
	p->seen_context = DeferredContext;
	p->seen_arg1 = SystemArgument1;
	p->seen_arg2 = SystemArgument2;
	memset(&p->watchdog, 0xff, sizeof(p->watchdog));
	p->watchdog_status = KeQueryDpcWatchdogInformation(&p->watchdog);
	if (p->delay_ms)
		mdelay(p->delay_ms);
	if (p->free_self) {
		kfree(p);
		return;
	}
	/* The fields above are written before the count says so. */
	atomic_inc_return_release(&p->runs);
}

/* Wait, bounded, until @p has run @n times. */
static bool wait_runs(struct dpc_probe *p, int n)
{
	unsigned long end = jiffies + 5 * HZ;

	/* Read the count before the fields the routine wrote. */
	while (atomic_read_acquire(&p->runs) < n) {
		if (time_after(jiffies, end))
			return false;
		usleep_range(500, 1000);
	}
	return true;
}

static struct dpc_probe *probe_new(struct kunit *test)
{
	struct dpc_probe *p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KeInitializeDpc(&p->dpc, probe_routine, p);
	p->cpu = -1;
	return p;
}

static void runs_once_per_insert_at_dispatch(struct kunit *test)
{
	struct dpc_probe *p = probe_new(test);
	int a1, a2;

	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&p->dpc, &a1, &a2));
	KUNIT_ASSERT_TRUE(test, wait_runs(p, 1));
	KUNIT_EXPECT_EQ(test, p->irql, (KIRQL)DISPATCH_LEVEL);
	KUNIT_EXPECT_TRUE(test, p->serving_softirq);
	KUNIT_EXPECT_PTR_EQ(test, p->seen_dpc, &p->dpc);
	KUNIT_EXPECT_PTR_EQ(test, p->seen_context, (PVOID)p);
	KUNIT_EXPECT_PTR_EQ(test, p->seen_arg1, (PVOID)&a1);
	KUNIT_EXPECT_PTR_EQ(test, p->seen_arg2, (PVOID)&a2);
	msleep(20);
	KUNIT_EXPECT_EQ(test, atomic_read(&p->runs), 1);

	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&p->dpc, NULL, NULL));
	KUNIT_ASSERT_TRUE(test, wait_runs(p, 2));
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_EQ(test, atomic_read(&p->runs), 2);
	KUNIT_EXPECT_NULL(test, p->seen_arg1);
}

static void insert_while_queued_returns_false(struct kunit *test)
{
	struct dpc_probe *p = probe_new(test);
	int a1, other;

	/* BHs off: the queue of this CPU cannot be drained meanwhile. */
	local_bh_disable();
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&p->dpc, &a1, NULL));
	KUNIT_EXPECT_FALSE(test, KeInsertQueueDpc(&p->dpc, &other, NULL));
	KUNIT_EXPECT_EQ(test, atomic_read(&p->runs), 0);
	local_bh_enable();
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_EQ(test, atomic_read(&p->runs), 1);
	KUNIT_EXPECT_PTR_EQ(test, p->seen_arg1, (PVOID)&a1);
}

static void removed_before_it_ran_it_does_not_run(struct kunit *test)
{
	struct dpc_probe *p = probe_new(test);

	KUNIT_EXPECT_FALSE(test, KeRemoveQueueDpc(&p->dpc));
	local_bh_disable();
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&p->dpc, NULL, NULL));
	KUNIT_EXPECT_TRUE(test, KeRemoveQueueDpc(&p->dpc));
	KUNIT_EXPECT_FALSE(test, KeRemoveQueueDpc(&p->dpc));
	local_bh_enable();
	KeFlushQueuedDpcs();
	msleep(20);
	KUNIT_EXPECT_EQ(test, atomic_read(&p->runs), 0);

	/* Queueable again after the removal. */
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&p->dpc, NULL, NULL));
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_EQ(test, atomic_read(&p->runs), 1);
}

static void runs_on_its_target_processor(struct kunit *test)
{
	PROCESSOR_NUMBER pn;
	unsigned int cpu;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two CPUs");
	for_each_online_cpu(cpu) {
		struct dpc_probe *p = probe_new(test);

		KUNIT_ASSERT_EQ(test, KeGetProcessorNumberFromIndex(cpu, &pn), STATUS_SUCCESS);
		KUNIT_ASSERT_EQ(test, KeSetTargetProcessorDpcEx(&p->dpc, &pn), STATUS_SUCCESS);
		KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&p->dpc, NULL, NULL));
		KUNIT_ASSERT_TRUE(test, wait_runs(p, 1));
		KUNIT_EXPECT_EQ(test, p->cpu, (int)cpu);
		KUNIT_EXPECT_EQ(test, p->irql, (KIRQL)DISPATCH_LEVEL);

		/* The old interface, group 0. */
		p = probe_new(test);
		KeSetTargetProcessorDpc(&p->dpc, (CCHAR)cpu);
		KeSetImportanceDpc(&p->dpc, MediumHighImportance);
		KUNIT_EXPECT_EQ(test, p->dpc.Importance, (UCHAR)MediumHighImportance);
		KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&p->dpc, NULL, NULL));
		KUNIT_ASSERT_TRUE(test, wait_runs(p, 1));
		KUNIT_EXPECT_EQ(test, p->cpu, (int)cpu);
	}
}

static void without_a_target_it_runs_where_queued(struct kunit *test)
{
	struct dpc_probe *p = probe_new(test);
	int cpu;

	local_bh_disable();
	cpu = smp_processor_id();
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&p->dpc, NULL, NULL));
	local_bh_enable();
	KUNIT_ASSERT_TRUE(test, wait_runs(p, 1));
	KUNIT_EXPECT_EQ(test, p->cpu, cpu);
}

static void a_bad_target_is_refused(struct kunit *test)
{
	struct dpc_probe *p = probe_new(test);
	PROCESSOR_NUMBER pn = { .Group = 0, .Number = 64, .Reserved = 0 };

	KUNIT_EXPECT_EQ(test, KeSetTargetProcessorDpcEx(&p->dpc, &pn), STATUS_INVALID_PARAMETER);
	pn.Number = 0;
	pn.Reserved = 1;
	KUNIT_EXPECT_EQ(test, KeSetTargetProcessorDpcEx(&p->dpc, &pn), STATUS_INVALID_PARAMETER);
	pn.Reserved = 0;
	pn.Group = 1000;
	KUNIT_EXPECT_EQ(test, KeSetTargetProcessorDpcEx(&p->dpc, &pn), STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, KeSetTargetProcessorDpcEx(&p->dpc, NULL), STATUS_INVALID_PARAMETER);
}

static void flush_waits_for_a_routine_under_way(struct kunit *test)
{
	struct dpc_probe *p = probe_new(test);
	PROCESSOR_NUMBER pn;
	unsigned int other = cpumask_any_but(cpu_online_mask, raw_smp_processor_id());

	p->delay_ms = 50;
	if (other < nr_cpu_ids) {
		KUNIT_ASSERT_EQ(test, KeGetProcessorNumberFromIndex(other, &pn), STATUS_SUCCESS);
		KUNIT_ASSERT_EQ(test, KeSetTargetProcessorDpcEx(&p->dpc, &pn), STATUS_SUCCESS);
	}
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&p->dpc, NULL, NULL));
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_EQ(test, atomic_read(&p->runs), 1);
}

static void flush_at_dispatch_is_reported(struct kunit *test)
{
	local_bh_disable();
	KeFlushQueuedDpcs();
	local_bh_enable();
	KUNIT_EXPECT_EQ(test, ndis_kunit_new_violations(test), 1L);
}

static void a_routine_may_free_its_dpc(struct kunit *test)
{
	struct dpc_probe *p = kzalloc(sizeof(*p), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KeInitializeDpc(&p->dpc, probe_routine, p);
	p->free_self = true;
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&p->dpc, NULL, NULL));
	/* KASAN reports any touch of the freed KDPC by the framework. */
	KeFlushQueuedDpcs();
}

static void free_after_remove_and_flush_is_safe(struct kunit *test)
{
	struct dpc_probe *p;
	int i;

	for (i = 0; i < 100; i++) {
		p = kzalloc(sizeof(*p), GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p);
		KeInitializeDpc(&p->dpc, probe_routine, p);
		p->cpu = i % num_online_cpus();
		KeSetTargetProcessorDpc(&p->dpc, (CCHAR)cpumask_nth(p->cpu, cpu_online_mask));
		KeInsertQueueDpc(&p->dpc, NULL, NULL);
		if (i % 2)
			KeRemoveQueueDpc(&p->dpc);
		KeFlushQueuedDpcs();
		KUNIT_EXPECT_LE(test, atomic_read(&p->runs), 1);
		kfree(p);
	}
}

static void requeue_routine(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1,
			    PVOID SystemArgument2)
{
	struct dpc_probe *p = DeferredContext;

	/* Queueable again from its own routine, once the run has started. */
	if (atomic_inc_return(&p->runs) < 1000)
		p->seen_arg1 = KeInsertQueueDpc(Dpc, NULL, NULL) ? Dpc : NULL;
}

static void a_routine_may_queue_itself_again(struct kunit *test)
{
	struct dpc_probe *p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KeInitializeDpc(&p->dpc, requeue_routine, p);
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&p->dpc, NULL, NULL));
	/* Returns once the first run is over, not after all thousand. */
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_GE(test, atomic_read(&p->runs), 1);
	KUNIT_ASSERT_TRUE(test, wait_runs(p, 1000));
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_EQ(test, atomic_read(&p->runs), 1000);
	KUNIT_EXPECT_PTR_EQ(test, p->seen_arg1, (PVOID)&p->dpc);
	KUNIT_EXPECT_FALSE(test, KeRemoveQueueDpc(&p->dpc));
}

static void watchdog_information_only_inside_a_dpc(struct kunit *test)
{
	struct dpc_probe *p = probe_new(test);
	KDPC_WATCHDOG_INFORMATION w;

	KUNIT_EXPECT_EQ(test, KeQueryDpcWatchdogInformation(&w), STATUS_UNSUCCESSFUL);
	local_bh_disable();
	KUNIT_EXPECT_EQ(test, KeQueryDpcWatchdogInformation(&w), STATUS_UNSUCCESSFUL);
	local_bh_enable();

	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&p->dpc, NULL, NULL));
	KUNIT_ASSERT_TRUE(test, wait_runs(p, 1));
	KUNIT_EXPECT_EQ(test, p->watchdog_status, STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, p->watchdog.DpcTimeLimit, 0U);
	KUNIT_EXPECT_EQ(test, p->watchdog.DpcWatchdogLimit, 0U);
	KUNIT_EXPECT_EQ(test, p->watchdog.DpcWatchdogCount, 0U);
}

static void processor_numbers_map_cpu_ids(struct kunit *test)
{
	PROCESSOR_NUMBER pn = { .Reserved = 7 };
	unsigned int cpu;
	ULONG index;

	local_bh_disable();
	index = KeGetCurrentProcessorNumberEx(&pn);
	KUNIT_EXPECT_EQ(test, index, (ULONG)smp_processor_id());
	local_bh_enable();
	KUNIT_EXPECT_EQ(test, pn.Group * 64U + pn.Number, index);
	KUNIT_EXPECT_EQ(test, pn.Reserved, 0);
	KUNIT_EXPECT_EQ(test, KeGetProcessorIndexFromNumber(&pn), index);

	for_each_possible_cpu(cpu) {
		KUNIT_ASSERT_EQ(test, KeGetProcessorNumberFromIndex(cpu, &pn), STATUS_SUCCESS);
		KUNIT_EXPECT_EQ(test, pn.Group, cpu / 64);
		KUNIT_EXPECT_EQ(test, pn.Number, cpu % 64);
		KUNIT_EXPECT_EQ(test, KeGetProcessorIndexFromNumber(&pn), (ULONG)cpu);
	}
	KUNIT_EXPECT_EQ(test, KeGetProcessorNumberFromIndex(nr_cpu_ids, &pn),
			STATUS_INVALID_PARAMETER);
	pn.Group = 0;
	pn.Number = 64;
	KUNIT_EXPECT_EQ(test, KeGetProcessorIndexFromNumber(&pn), (ULONG)INVALID_PROCESSOR_INDEX);

	KUNIT_EXPECT_EQ(test, KeQueryActiveProcessorCountEx(ALL_PROCESSOR_GROUPS),
			(ULONG)num_online_cpus());
	if (nr_cpu_ids <= 64) {
		KUNIT_EXPECT_EQ(test, KeQueryActiveProcessorCountEx(0), (ULONG)num_online_cpus());
		KUNIT_EXPECT_EQ(test, KeQueryActiveProcessorCountEx(1), 0U);
	}
}

static void bit_scans(struct kunit *test)
{
	const CCHAR none = -1;

	KUNIT_EXPECT_EQ(test, RtlFindLeastSignificantBit(0), none);
	KUNIT_EXPECT_EQ(test, RtlFindMostSignificantBit(0), none);
	KUNIT_EXPECT_EQ(test, RtlFindLeastSignificantBit(1), (CCHAR)0);
	KUNIT_EXPECT_EQ(test, RtlFindLeastSignificantBit(0xf0), (CCHAR)4);
	KUNIT_EXPECT_EQ(test, RtlFindMostSignificantBit(0xf0), (CCHAR)7);
	KUNIT_EXPECT_EQ(test, RtlFindLeastSignificantBit(1ULL << 63), (CCHAR)63);
	KUNIT_EXPECT_EQ(test, RtlFindMostSignificantBit(~0ULL), (CCHAR)63);
}

/* Kernel spin locks are NDIS spin locks; the Windows sample's send path. */
static void kernel_spin_locks(struct kunit *test)
{
	KSPIN_LOCK lock;
	KIRQL old, raised;

	KeInitializeSpinLock(&lock);
	KeAcquireSpinLock(&lock, &old);
	KUNIT_EXPECT_EQ(test, old, (KIRQL)PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), (KIRQL)DISPATCH_LEVEL);
	KUNIT_EXPECT_TRUE(test, ndis_spin_lock_held(&lock));
	KeReleaseSpinLock(&lock, old);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), (KIRQL)PASSIVE_LEVEL);

	KeRaiseIrql(DISPATCH_LEVEL, &raised);
	KUNIT_EXPECT_EQ(test, raised, (KIRQL)PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), (KIRQL)DISPATCH_LEVEL);
	KUNIT_EXPECT_TRUE(test, KeTryToAcquireSpinLockAtDpcLevel(&lock));
	KUNIT_EXPECT_TRUE(test, ndis_spin_lock_held(&lock));
	KeReleaseSpinLock(&lock, DISPATCH_LEVEL);
	KUNIT_EXPECT_FALSE(test, ndis_spin_lock_held(&lock));
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), (KIRQL)DISPATCH_LEVEL);
	KeAcquireSpinLockAtDpcLevel(&lock);
	KeReleaseSpinLockFromDpcLevel(&lock);
	KeLowerIrql(raised);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), (KIRQL)PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, ndis_kunit_new_violations(test), 0L);
	NdisFreeSpinLock(&lock);
}

static void try_acquire_fails_on_a_held_lock(struct kunit *test)
{
	KSPIN_LOCK lock;
	KIRQL old;

	KeInitializeSpinLock(&lock);
	/* Held underneath, as by another holder: the try must not spin. */
	local_bh_disable();
	spin_lock(&lock.SpinLock);
	old = KeRaiseIrqlToDpcLevel();
	KUNIT_EXPECT_FALSE(test, KeTryToAcquireSpinLockAtDpcLevel(&lock));
	KUNIT_EXPECT_FALSE(test, ndis_spin_lock_held(&lock));
	KeLowerIrql(old);
	spin_unlock(&lock.SpinLock);
	local_bh_enable();
	KUNIT_EXPECT_EQ(test, old, (KIRQL)DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, ndis_kunit_new_violations(test), 0L);

	/* The caller's own lock: refused and reported, not a deadlock. */
	KeAcquireSpinLock(&lock, &old);
	KUNIT_EXPECT_FALSE(test, KeTryToAcquireSpinLockAtDpcLevel(&lock));
	KeReleaseSpinLock(&lock, old);
	KUNIT_EXPECT_EQ(test, ndis_kunit_new_violations(test), 1L);
}

static void lowering_what_was_not_raised_is_reported(struct kunit *test)
{
	KeLowerIrql(PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, ndis_kunit_new_violations(test), 1L);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), (KIRQL)PASSIVE_LEVEL);
}

static void critical_region_and_barrier(struct kunit *test)
{
	KeEnterCriticalRegion();
	KeMemoryBarrier();
	KeLeaveCriticalRegion();
	KUNIT_EXPECT_EQ(test, ndis_kunit_new_violations(test), 0L);
	local_bh_disable();
	KeEnterCriticalRegion();
	local_bh_enable();
	KUNIT_EXPECT_EQ(test, ndis_kunit_new_violations(test), 1L);
}

static void a_dpc_never_initialised_is_reported(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	KDPC *dpc = kunit_kzalloc(test, sizeof(*dpc), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, dpc);
	KUNIT_EXPECT_FALSE(test, KeInsertQueueDpc(dpc, NULL, NULL));
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "KeInsertQueueDpc");
	KUNIT_EXPECT_FALSE(test, KeRemoveQueueDpc(dpc));
	KUNIT_EXPECT_STREQ(test, r->api, "KeRemoveQueueDpc");
	KeFlushQueuedDpcs();
}

static struct kunit_case ndis_dpc_cases[] = {
	KUNIT_CASE(runs_once_per_insert_at_dispatch),
	KUNIT_CASE(insert_while_queued_returns_false),
	KUNIT_CASE(removed_before_it_ran_it_does_not_run),
	KUNIT_CASE(runs_on_its_target_processor),
	KUNIT_CASE(without_a_target_it_runs_where_queued),
	KUNIT_CASE(a_bad_target_is_refused),
	KUNIT_CASE(flush_waits_for_a_routine_under_way),
	KUNIT_CASE(flush_at_dispatch_is_reported),
	KUNIT_CASE(a_routine_may_free_its_dpc),
	KUNIT_CASE(free_after_remove_and_flush_is_safe),
	KUNIT_CASE(a_routine_may_queue_itself_again),
	KUNIT_CASE(watchdog_information_only_inside_a_dpc),
	KUNIT_CASE(processor_numbers_map_cpu_ids),
	KUNIT_CASE(bit_scans),
	KUNIT_CASE(kernel_spin_locks),
	KUNIT_CASE(try_acquire_fails_on_a_held_lock),
	KUNIT_CASE(lowering_what_was_not_raised_is_reported),
	KUNIT_CASE(critical_region_and_barrier),
	KUNIT_CASE(a_dpc_never_initialised_is_reported),
	{}
};

static struct kunit_suite ndis_dpc_suite = {
	.name = "ndis_dpc",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_dpc_cases,
};

kunit_test_suite(ndis_dpc_suite);
