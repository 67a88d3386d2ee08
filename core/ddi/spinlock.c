// SPDX-License-Identifier: GPL-2.0
/*
 * NDIS spin locks.
 *
 * Raising to DISPATCH_LEVEL is local_bh_disable(): a softirq on this CPU
 * cannot then spin on a lock its own task holds. Every acquire with
 * interrupts on disables BHs once more and its release enables them once
 * more. Because the BH count nests, releasing two locks out of LIFO order
 * is harmless here, unlike the saved-IRQL scheme of the DDI.
 *
 * Each CPU keeps a list of the NDIS locks held by tasks running on it; a
 * holder cannot migrate (preemption is off, or on PREEMPT_RT migration is),
 * so "does current hold an NDIS lock" is a walk of this CPU's short list
 * that needs no atomic context from the caller.
 *
 * Misuse (wrong level, release by a non-owner, recursion, mismatched
 * variants) is reported through the IRQL layer. The lock operation itself
 * is never skipped for a wrong level: skipping a lock would corrupt
 * the data it guards. Only recursion and foreign releases are refused,
 * since carrying them out would deadlock or break another holder, and,
 * on PREEMPT_RT, an acquire with interrupts off (above DISPATCH_LEVEL):
 * there spinlock_t is a sleeping lock, and taking it would sleep in atomic
 * context or deadlock.
 */
#include <linux/bottom_half.h>
#include <linux/irqflags.h>
#include <linux/percpu.h>
#include <ndis/ndis.h>

enum ndis_lock_how {
	NDIS_LOCK_BH_DISABLED	= BIT(0),	/* release must enable BHs */
	NDIS_LOCK_DPR		= BIT(1),	/* taken by the Dpr variant */
	NDIS_LOCK_ANY		= BIT(2),	/* release: either variant */
};

static DEFINE_PER_CPU(struct hlist_head, ndis_held_locks);

static void ndis_lock_owned(PNDIS_SPIN_LOCK lock, KIRQL irql, u8 how);

/**
 * ndis_spin_lock_setup() - framework half of NdisAllocateSpinLock()
 * @lock: the lock, its spinlock_t already initialised
 *
 * Context: any.
 */
void ndis_spin_lock_setup(PNDIS_SPIN_LOCK lock)
{
	lock->OldIrql = PASSIVE_LEVEL;
	lock->owner = NULL;
	lock->how = 0;
	INIT_HLIST_NODE(&lock->held_node);
}
EXPORT_SYMBOL_NS_GPL(ndis_spin_lock_setup, "NDIS");

/**
 * ndis_spin_lock_held() - whether the calling task holds an NDIS lock
 * @lock: the lock
 *
 * Context: any.
 * Return: true if current acquired @lock and has not released it.
 */
bool ndis_spin_lock_held(PNDIS_SPIN_LOCK lock)
{
	return READ_ONCE(lock->owner) == current;
}
EXPORT_SYMBOL_NS_GPL(ndis_spin_lock_held, "NDIS_LINUX");

/**
 * ndis_spin_locks_held() - how many NDIS locks the calling task holds
 *
 * Context: any.
 * Return: the number of NDIS spin locks current holds.
 */
unsigned int ndis_spin_locks_held(void)
{
	PNDIS_SPIN_LOCK lock;
	unsigned int held = 0;
	unsigned long flags;

	local_irq_save(flags);
	hlist_for_each_entry(lock, this_cpu_ptr(&ndis_held_locks), held_node)
		held += lock->owner == current;
	local_irq_restore(flags);
	return held;
}
EXPORT_SYMBOL_NS_GPL(ndis_spin_locks_held, "NDIS_LINUX");

static void ndis_lock_acquire(PNDIS_SPIN_LOCK lock, KIRQL irql, u8 how,
			      const char *api, unsigned long caller)
	__acquires(&lock->SpinLock)
{
	if (unlikely(ndis_spin_lock_held(lock))) {
		ndis_irql_violation(api, "a lock the caller does not hold yet",
				    irql, caller);
		__acquire(&lock->SpinLock);	/* the caller holds it already */
		return;
	}
	if (IS_ENABLED(CONFIG_PREEMPT_RT) && irqs_disabled()) {
		ndis_irql_violation(api, "interrupts on (PREEMPT_RT: the lock may sleep)",
				    irql, caller);
		__acquire(&lock->SpinLock);	/* not taken: the release reports too */
		return;
	}
	/* With interrupts off no softirq can run here; keep BHs as they are. */
	if (!irqs_disabled()) {
		local_bh_disable();
		how |= NDIS_LOCK_BH_DISABLED;
	}
	ndis_compat_spin_lock(&lock->SpinLock);
	ndis_lock_owned(lock, irql, how);
}

static void ndis_lock_owned(PNDIS_SPIN_LOCK lock, KIRQL irql, u8 how)
{
	unsigned long flags;

	lock->OldIrql = irql;
	lock->how = how;

	local_irq_save(flags);
	WRITE_ONCE(lock->owner, current);
	hlist_add_head(&lock->held_node, this_cpu_ptr(&ndis_held_locks));
	local_irq_restore(flags);
}

static void ndis_lock_release(PNDIS_SPIN_LOCK lock, u8 variant,
			      const char *api, unsigned long caller)
	__releases(&lock->SpinLock)
{
	unsigned long flags;
	u8 how;

	if (unlikely(!ndis_spin_lock_held(lock))) {
		ndis_irql_violation(api, "a lock the caller holds",
				    ndis_current_irql(), caller);
		__release(&lock->SpinLock);	/* someone else's; leave it */
		return;
	}
	how = lock->how;
	if (unlikely(!(variant & NDIS_LOCK_ANY) && (how & NDIS_LOCK_DPR) != variant))
		ndis_irql_violation(api, variant ?
				    "a lock taken by NdisDprAcquireSpinLock" :
				    "a lock taken by NdisAcquireSpinLock",
				    DISPATCH_LEVEL, caller);

	local_irq_save(flags);
	hlist_del_init(&lock->held_node);
	WRITE_ONCE(lock->owner, NULL);
	local_irq_restore(flags);

	ndis_compat_spin_unlock(&lock->SpinLock);
	if (how & NDIS_LOCK_BH_DISABLED)
		local_bh_enable();
}

/**
 * NdisFreeSpinLock() - release what NdisAllocateSpinLock() set up
 * @SpinLock: a lock nobody holds
 *
 * Context: any IRQL.
 */
void NdisFreeSpinLock(PNDIS_SPIN_LOCK SpinLock)
{
	if (unlikely(READ_ONCE(SpinLock->owner)))
		ndis_irql_violation(__func__, "a lock nobody holds",
				    ndis_current_irql(), _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeSpinLock, "NDIS");

/**
 * NdisAcquireSpinLock() - take a lock, raising the caller to DISPATCH_LEVEL
 * @SpinLock: the lock
 *
 * Records the caller's level in @SpinLock->OldIrql. Called above
 * DISPATCH_LEVEL (interrupts off) it is a reported violation; the lock is
 * still taken, except on PREEMPT_RT, where it cannot be without sleeping.
 *
 * Context: IRQL <= DISPATCH_LEVEL; returns at DISPATCH_LEVEL.
 */
void NdisAcquireSpinLock(PNDIS_SPIN_LOCK SpinLock)
	__acquires(&SpinLock->SpinLock)
{
	KIRQL irql = ndis_current_irql();

	NDIS_IRQL_OK_LE(irql, DISPATCH_LEVEL);
	ndis_lock_acquire(SpinLock, irql, 0, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisAcquireSpinLock, "NDIS");

/**
 * NdisReleaseSpinLock() - drop a lock taken by NdisAcquireSpinLock()
 * @SpinLock: the lock, held by the caller
 *
 * Returns the caller to the level it had before the matching acquire.
 *
 * Context: DISPATCH_LEVEL.
 */
void NdisReleaseSpinLock(PNDIS_SPIN_LOCK SpinLock)
	__releases(&SpinLock->SpinLock)
{
	ndis_lock_release(SpinLock, 0, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisReleaseSpinLock, "NDIS");

/**
 * NdisDprAcquireSpinLock() - take a lock when already at DISPATCH_LEVEL
 * @SpinLock: the lock
 *
 * Called at PASSIVE_LEVEL this is a reported violation; the lock is still
 * taken safely (BHs disabled), so the data it guards stays consistent.
 *
 * Context: DISPATCH_LEVEL.
 */
void NdisDprAcquireSpinLock(PNDIS_SPIN_LOCK SpinLock)
	__acquires(&SpinLock->SpinLock)
{
	KIRQL irql = ndis_current_irql();

	NDIS_IRQL_OK_EQ(irql, DISPATCH_LEVEL);
	ndis_lock_acquire(SpinLock, irql, NDIS_LOCK_DPR, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisDprAcquireSpinLock, "NDIS");

/**
 * NdisDprReleaseSpinLock() - drop a lock taken by NdisDprAcquireSpinLock()
 * @SpinLock: the lock, held by the caller
 *
 * Context: DISPATCH_LEVEL.
 */
void NdisDprReleaseSpinLock(PNDIS_SPIN_LOCK SpinLock)
	__releases(&SpinLock->SpinLock)
{
	ndis_lock_release(SpinLock, NDIS_LOCK_DPR, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisDprReleaseSpinLock, "NDIS");

/**
 * KeAcquireSpinLockRaiseToDpc() - take a lock, raising to DISPATCH_LEVEL
 * @SpinLock: the lock, set up by KeInitializeSpinLock()
 *
 * What KeAcquireSpinLock() expands to; the same as NdisAcquireSpinLock().
 *
 * Context: IRQL <= DISPATCH_LEVEL; returns at DISPATCH_LEVEL.
 * Return: the caller's level before the call.
 */
KIRQL KeAcquireSpinLockRaiseToDpc(PKSPIN_LOCK SpinLock)
	__acquires(&SpinLock->SpinLock)
{
	KIRQL irql = ndis_current_irql();

	NDIS_IRQL_OK_LE(irql, DISPATCH_LEVEL);
	ndis_lock_acquire(SpinLock, irql, 0, __func__, _RET_IP_);
	return irql;
}
EXPORT_SYMBOL_NS_GPL(KeAcquireSpinLockRaiseToDpc, "NDIS");

/**
 * KeReleaseSpinLock() - drop a lock and return to a level
 * @SpinLock: the lock, held by the caller
 * @NewIrql: the level KeAcquireSpinLock() returned, or DISPATCH_LEVEL
 *
 * Either acquire may have taken the lock. The caller returns to the level
 * it had before that acquire, whatever @NewIrql says: here a level is a
 * context, and only the acquire knows what it changed. @NewIrql above
 * DISPATCH_LEVEL is reported.
 *
 * Context: DISPATCH_LEVEL.
 */
void KeReleaseSpinLock(PKSPIN_LOCK SpinLock, KIRQL NewIrql)
	__releases(&SpinLock->SpinLock)
{
	if (unlikely(NewIrql > DISPATCH_LEVEL))
		ndis_irql_violation(__func__, "NewIrql <= DISPATCH_LEVEL",
				    NewIrql, _RET_IP_);
	ndis_lock_release(SpinLock, NDIS_LOCK_ANY, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(KeReleaseSpinLock, "NDIS");

/**
 * KeAcquireSpinLockAtDpcLevel() - take a lock when already at DISPATCH_LEVEL
 * @SpinLock: the lock
 *
 * The same as NdisDprAcquireSpinLock().
 *
 * Context: DISPATCH_LEVEL.
 */
void KeAcquireSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock)
	__acquires(&SpinLock->SpinLock)
{
	KIRQL irql = ndis_current_irql();

	NDIS_IRQL_OK_EQ(irql, DISPATCH_LEVEL);
	ndis_lock_acquire(SpinLock, irql, NDIS_LOCK_DPR, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(KeAcquireSpinLockAtDpcLevel, "NDIS");

/**
 * KeTryToAcquireSpinLockAtDpcLevel() - take a lock if it is free
 * @SpinLock: the lock
 *
 * Does not spin: a lock held by someone else, or by the caller, is not
 * taken (the latter is reported, as it would be a deadlock).
 *
 * Context: DISPATCH_LEVEL.
 * Return: TRUE if the caller now holds the lock.
 */
BOOLEAN KeTryToAcquireSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock)
{
	KIRQL irql = ndis_current_irql();
	u8 how = NDIS_LOCK_DPR;

	NDIS_IRQL_OK_EQ(irql, DISPATCH_LEVEL);
	if (unlikely(ndis_spin_lock_held(SpinLock))) {
		ndis_irql_violation(__func__, "a lock the caller does not hold yet",
				    irql, _RET_IP_);
		return FALSE;
	}
	if (IS_ENABLED(CONFIG_PREEMPT_RT) && irqs_disabled()) {
		ndis_irql_violation(__func__, "interrupts on (PREEMPT_RT: the lock may sleep)",
				    irql, _RET_IP_);
		return FALSE;
	}
	if (!irqs_disabled()) {
		local_bh_disable();
		how |= NDIS_LOCK_BH_DISABLED;
	}
	if (!spin_trylock(&SpinLock->SpinLock)) {
		if (how & NDIS_LOCK_BH_DISABLED)
			local_bh_enable();
		return FALSE;
	}
	ndis_lock_owned(SpinLock, irql, how);
	__release(&SpinLock->SpinLock);	/* sparse: the caller releases it */
	return TRUE;
}
EXPORT_SYMBOL_NS_GPL(KeTryToAcquireSpinLockAtDpcLevel, "NDIS");

/**
 * KeReleaseSpinLockFromDpcLevel() - drop a lock, staying at DISPATCH_LEVEL
 * @SpinLock: the lock, held by the caller
 *
 * Either acquire may have taken the lock; the caller returns to the level
 * it had before that acquire.
 *
 * Context: DISPATCH_LEVEL.
 */
void KeReleaseSpinLockFromDpcLevel(PKSPIN_LOCK SpinLock)
	__releases(&SpinLock->SpinLock)
{
	ndis_lock_release(SpinLock, NDIS_LOCK_ANY, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(KeReleaseSpinLockFromDpcLevel, "NDIS");
