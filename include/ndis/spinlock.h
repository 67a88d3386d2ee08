/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS spin locks on top of spinlock_t.
 *
 * NdisAcquireSpinLock raises the caller to DISPATCH_LEVEL, which here means
 * BHs disabled, and NdisReleaseSpinLock restores what the acquire changed.
 * The Dpr variants are for callers already at DISPATCH_LEVEL and change
 * nothing. The lock records its owner task so that ndis_current_irql() sees
 * the holder at DISPATCH_LEVEL even where spin locks leave preemption on
 * (PREEMPT_RT), and so that release by a non-owner is caught.
 */
#ifndef _NDIS_SPINLOCK_H
#define _NDIS_SPINLOCK_H

#include <linux/list.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <ndis/irql.h>

/**
 * struct _NDIS_SPIN_LOCK - an NDIS spin lock
 * @SpinLock: the Linux lock underneath
 * @OldIrql: the level the owner ran at before NdisAcquireSpinLock
 *
 * Initialise with NdisAllocateSpinLock(). The fields after the two the DDI
 * names are private to the framework.
 */
typedef struct _NDIS_SPIN_LOCK {
	spinlock_t SpinLock;	/* guards what the driver guards with it */
	KIRQL OldIrql;
	/* private: */
	struct task_struct *owner;	/* holder, NULL when free */
	struct hlist_node held_node;	/* in the holder CPU's held list */
	u8 how;				/* how it was taken, for release */
} NDIS_SPIN_LOCK, *PNDIS_SPIN_LOCK;

void ndis_spin_lock_setup(PNDIS_SPIN_LOCK lock);

/**
 * NdisAllocateSpinLock - initialise an NDIS spin lock
 * @_lock: caller-provided storage
 *
 * Any IRQL. A macro so that every initialisation site gets its own lockdep
 * class, as spin_lock_init() gives; nested NDIS locks are then tracked as
 * the distinct locks they are.
 */
#define NdisAllocateSpinLock(_lock)					\
	do {								\
		PNDIS_SPIN_LOCK __ndis_lock = (_lock);			\
		spin_lock_init(&__ndis_lock->SpinLock);			\
		ndis_spin_lock_setup(__ndis_lock);			\
	} while (0)

void NdisFreeSpinLock(PNDIS_SPIN_LOCK SpinLock);
void NdisAcquireSpinLock(PNDIS_SPIN_LOCK SpinLock)
	__acquires(&SpinLock->SpinLock);
void NdisReleaseSpinLock(PNDIS_SPIN_LOCK SpinLock)
	__releases(&SpinLock->SpinLock);
void NdisDprAcquireSpinLock(PNDIS_SPIN_LOCK SpinLock)
	__acquires(&SpinLock->SpinLock);
void NdisDprReleaseSpinLock(PNDIS_SPIN_LOCK SpinLock)
	__releases(&SpinLock->SpinLock);

/*
 * Kernel spin locks are NDIS spin locks here: the same checks, the same
 * level tracking. A KSPIN_LOCK is therefore the size of an NDIS_SPIN_LOCK,
 * not of a ULONG_PTR.
 */
typedef NDIS_SPIN_LOCK KSPIN_LOCK, *PKSPIN_LOCK;

/**
 * KeInitializeSpinLock - initialise a kernel spin lock
 * @_lock: caller-provided PKSPIN_LOCK
 *
 * Any IRQL. NdisAllocateSpinLock() under its kernel name.
 */
#define KeInitializeSpinLock(_lock)	NdisAllocateSpinLock(_lock)

/**
 * KeAcquireSpinLock - take a kernel spin lock, raising to DISPATCH_LEVEL
 * @_lock: the PKSPIN_LOCK
 * @_OldIrql: a PKIRQL that receives the caller's level before the call
 *
 * IRQL <= DISPATCH_LEVEL; returns at DISPATCH_LEVEL.
 */
#define KeAcquireSpinLock(_lock, _OldIrql)				\
	(*(_OldIrql) = KeAcquireSpinLockRaiseToDpc(_lock))

KIRQL KeAcquireSpinLockRaiseToDpc(PKSPIN_LOCK SpinLock)
	__acquires(&SpinLock->SpinLock);
void KeReleaseSpinLock(PKSPIN_LOCK SpinLock, KIRQL NewIrql)
	__releases(&SpinLock->SpinLock);
void KeAcquireSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock)
	__acquires(&SpinLock->SpinLock);
BOOLEAN KeTryToAcquireSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock);
void KeReleaseSpinLockFromDpcLevel(PKSPIN_LOCK SpinLock)
	__releases(&SpinLock->SpinLock);

bool ndis_spin_lock_held(PNDIS_SPIN_LOCK lock);
unsigned int ndis_spin_locks_held(void);

#endif /* _NDIS_SPINLOCK_H */
