// SPDX-License-Identifier: GPL-2.0
/*
 * NDIS read/write locks (include/ndis/rwlock.h) on rwlock_t.
 *
 * Every acquire disables BHs itself, with or without
 * NDIS_RWL_AT_DISPATCH_LEVEL: here DISPATCH_LEVEL may also mean an RCU
 * reader with BHs on, and a recursive reader only passes a waiting writer
 * when BHs are off. The BH count nests, so the extra disable costs only a
 * counter. With interrupts off (a reported violation) BHs are left alone,
 * as the spin locks do.
 */
#include <linux/bottom_half.h>
#include <linux/irqflags.h>
#include <linux/lockdep.h>
#include <linux/slab.h>
#include <ndis/ndis.h>

#include "../report.h"
#include "handle.h"

struct _NDIS_RW_LOCK_EX {
	rwlock_t lock;
	struct task_struct *writer;	/* the write holder, NULL if none */
};

/* LOCK_STATE(_EX).LockState: what the release undoes. */
enum ndis_rwl_state {
	NDIS_RWL_FREE,
	NDIS_RWL_READ,
	NDIS_RWL_WRITE,
	NDIS_RWL_BH = 0x10,	/* the acquire disabled BHs */
};

/**
 * ndis_rw_lock_alloc() - what NdisAllocateRWLock() expands to
 * @handle: the caller's NdisHandle
 * @key: the lockdep class of the allocation site
 * @name: the site, for lockdep reports
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the lock, or NULL for a bad handle or no memory.
 */
PNDIS_RW_LOCK_EX ndis_rw_lock_alloc(NDIS_HANDLE handle, struct lock_class_key *key,
				    const char *name)
{
	KIRQL irql = ndis_current_irql();
	PNDIS_RW_LOCK_EX l;

	if (irql > DISPATCH_LEVEL) {
		ndis_irql_violation("NdisAllocateRWLock", "IRQL <= DISPATCH_LEVEL", irql,
				    _RET_IP_);
		return NULL;
	}
	if (!ndis_handle_is_driver(handle)) {
		ndis_bad_handle(handle, NDIS_HT_NONE, "NdisAllocateRWLock", _RET_IP_);
		return NULL;
	}
	l = kzalloc(sizeof(*l), irql == PASSIVE_LEVEL ? GFP_KERNEL : GFP_ATOMIC);
	if (!l)
		return NULL;
	rwlock_init(&l->lock);
	lockdep_set_class_and_name(&l->lock, key, name);
	return l;
}
EXPORT_SYMBOL_NS_GPL(ndis_rw_lock_alloc, "NDIS");

/**
 * NdisFreeRWLock() - free an NDIS_RW_LOCK_EX
 * @Lock: a lock nobody holds
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisFreeRWLock(PNDIS_RW_LOCK_EX Lock)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	if (READ_ONCE(Lock->writer))
		ndis_misuse(__func__, "a lock nobody holds", _RET_IP_);
	kfree(Lock);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeRWLock, "NDIS");

/*
 * Take @lock for read or write; @writer is the lock's write holder field.
 * Return: the LockState to record, NDIS_RWL_FREE if refused.
 */
static u8 ndis_rwl_acquire(rwlock_t *lock, struct task_struct **writer, bool write,
			   KIRQL irql, const char *api, unsigned long caller)
	__acquires(lock)
{
	u8 state = write ? NDIS_RWL_WRITE : NDIS_RWL_READ;

	NDIS_IRQL_OK_LE(irql, DISPATCH_LEVEL);
	if (unlikely(READ_ONCE(*writer) == current)) {
		ndis_misuse(api, "a lock its writer does not take again", caller);
		__acquire(lock);	/* not taken: the release reports it */
		return NDIS_RWL_FREE;
	}
	if (IS_ENABLED(CONFIG_PREEMPT_RT) && irqs_disabled()) {
		ndis_irql_violation(api, "interrupts on (PREEMPT_RT: the lock may sleep)",
				    irql, caller);
		__acquire(lock);	/* not taken: the release reports it */
		return NDIS_RWL_FREE;
	}
	if (!irqs_disabled()) {
		local_bh_disable();
		state |= NDIS_RWL_BH;
	}
	if (write) {
		ndis_compat_write_lock(lock);
		WRITE_ONCE(*writer, current);
	} else {
		ndis_compat_read_lock(lock);
	}
	return state;
}

static void ndis_rwl_release(rwlock_t *lock, struct task_struct **writer, u8 state,
			     const char *api, unsigned long caller)
	__releases(lock)
{
	switch (state & ~NDIS_RWL_BH) {
	case NDIS_RWL_READ:
		ndis_compat_read_unlock(lock);
		break;
	case NDIS_RWL_WRITE:
		if (READ_ONCE(*writer) != current) {
			ndis_misuse(api, "a lock the caller holds for write", caller);
			__release(lock);	/* someone else's; leave it */
			return;
		}
		WRITE_ONCE(*writer, NULL);
		ndis_compat_write_unlock(lock);
		break;
	default:
		ndis_misuse(api, "the LOCK_STATE of an acquire that took the lock", caller);
		__release(lock);	/* nothing was taken */
		return;
	}
	if (state & NDIS_RWL_BH)
		local_bh_enable();
}

/* The level the caller runs at; the DDI's flag lets us skip asking. */
static KIRQL ndis_rwl_irql(UCHAR flags)
{
	if ((flags & NDIS_RWL_AT_DISPATCH_LEVEL) && !ndis_irql_is_dirql())
		return DISPATCH_LEVEL;
	return ndis_current_irql();
}

/**
 * NdisAcquireRWLockRead() - take an NDIS_RW_LOCK_EX for read
 * @Lock: the lock
 * @LockState: storage for this acquisition, passed to NdisReleaseRWLock()
 * @Flags: NDIS_RWL_AT_DISPATCH_LEVEL if the caller is at DISPATCH_LEVEL
 *
 * Readers share the lock; one may take it again while it holds it.
 *
 * Context: IRQL <= DISPATCH_LEVEL; returns at DISPATCH_LEVEL.
 */
void NdisAcquireRWLockRead(PNDIS_RW_LOCK_EX Lock, PLOCK_STATE_EX LockState, UCHAR Flags)
	__acquires(&Lock->lock)
{
	KIRQL irql = ndis_rwl_irql(Flags);

	LockState->OldIrql = irql;
	LockState->Flags = Flags;
	LockState->LockState = ndis_rwl_acquire(&Lock->lock, &Lock->writer, false, irql,
						__func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisAcquireRWLockRead, "NDIS");

/**
 * NdisAcquireRWLockWrite() - take an NDIS_RW_LOCK_EX for write
 * @Lock: the lock
 * @LockState: storage for this acquisition, passed to NdisReleaseRWLock()
 * @Flags: NDIS_RWL_AT_DISPATCH_LEVEL if the caller is at DISPATCH_LEVEL
 *
 * Waits for every reader and writer. A writer taking its lock again is
 * reported and refused rather than deadlocked.
 *
 * Context: IRQL <= DISPATCH_LEVEL; returns at DISPATCH_LEVEL.
 */
void NdisAcquireRWLockWrite(PNDIS_RW_LOCK_EX Lock, PLOCK_STATE_EX LockState, UCHAR Flags)
	__acquires(&Lock->lock)
{
	KIRQL irql = ndis_rwl_irql(Flags);

	LockState->OldIrql = irql;
	LockState->Flags = Flags;
	LockState->LockState = ndis_rwl_acquire(&Lock->lock, &Lock->writer, true, irql,
						__func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisAcquireRWLockWrite, "NDIS");

/**
 * NdisReleaseRWLock() - drop an NDIS_RW_LOCK_EX
 * @Lock: the lock
 * @LockState: what the matching acquire filled in
 *
 * Returns the caller to the level it had before that acquire.
 *
 * Context: DISPATCH_LEVEL.
 */
void NdisReleaseRWLock(PNDIS_RW_LOCK_EX Lock, PLOCK_STATE_EX LockState)
	__releases(&Lock->lock)
{
	u8 state = LockState->LockState;

	LockState->LockState = NDIS_RWL_FREE;
	ndis_rwl_release(&Lock->lock, &Lock->writer, state, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisReleaseRWLock, "NDIS");

/**
 * NdisAcquireReadWriteLock() - take an NDIS_RW_LOCK
 * @Lock: the lock
 * @fWrite: TRUE for write access, FALSE for read
 * @LockState: storage for this acquisition
 *
 * Context: IRQL <= DISPATCH_LEVEL; returns at DISPATCH_LEVEL.
 */
void NdisAcquireReadWriteLock(PNDIS_RW_LOCK Lock, BOOLEAN fWrite, PLOCK_STATE LockState)
	__acquires(&Lock->lock)
{
	KIRQL irql = ndis_current_irql();

	LockState->OldIrql = irql;
	LockState->LockState = ndis_rwl_acquire(&Lock->lock, &Lock->writer, fWrite, irql,
						__func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisAcquireReadWriteLock, "NDIS");

/**
 * NdisReleaseReadWriteLock() - drop an NDIS_RW_LOCK
 * @Lock: the lock
 * @LockState: what the matching acquire filled in
 *
 * Context: DISPATCH_LEVEL.
 */
void NdisReleaseReadWriteLock(PNDIS_RW_LOCK Lock, PLOCK_STATE LockState)
	__releases(&Lock->lock)
{
	u8 state = LockState->LockState;

	LockState->LockState = NDIS_RWL_FREE;
	ndis_rwl_release(&Lock->lock, &Lock->writer, state, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisReleaseReadWriteLock, "NDIS");
