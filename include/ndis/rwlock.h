/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS read/write locks: NDIS_RW_LOCK_EX (NDIS 6.20) and the older
 * NDIS_RW_LOCK, both on the kernel's rwlock_t.
 *
 * Either is taken with BHs disabled, so the holder runs at DISPATCH_LEVEL
 * as the DDI says, and a reader may take the lock again while a writer
 * waits (the DDI allows recursive reads; rwlock_t lets readers in while a
 * writer waits when BHs are off, and on PREEMPT_RT always). A writer must
 * not take the lock again, for read or write, nor a reader upgrade: that
 * deadlocks here as it does on Windows; a second acquire by the writer is
 * reported and refused.
 */
#ifndef _NDIS_RWLOCK_H
#define _NDIS_RWLOCK_H

#include <linux/lockdep.h>
#include <linux/spinlock.h>
#include <linux/stringify.h>
#include <ndis/irql.h>
#include <ndis/types.h>

/* Flags of NdisAcquireRWLockRead/Write: the caller is at DISPATCH_LEVEL. */
#define NDIS_RWL_AT_DISPATCH_LEVEL	0x1

/* An NDIS_RW_LOCK_EX, allocated by NdisAllocateRWLock(). Opaque. */
typedef struct _NDIS_RW_LOCK_EX NDIS_RW_LOCK_EX, *PNDIS_RW_LOCK_EX;

/**
 * struct _LOCK_STATE_EX - one acquisition of an NDIS_RW_LOCK_EX
 * @OldIrql: the level the caller had before the acquire
 * @LockState: how it was taken; private to the framework
 * @Flags: the acquire's flags; private to the framework
 *
 * The caller's storage, one per acquisition, passed again to the release.
 */
typedef struct _LOCK_STATE_EX {
	KIRQL OldIrql;
	UCHAR LockState;
	UCHAR Flags;
} LOCK_STATE_EX, *PLOCK_STATE_EX;

PNDIS_RW_LOCK_EX ndis_rw_lock_alloc(NDIS_HANDLE handle, struct lock_class_key *key,
				    const char *name);

/**
 * NdisAllocateRWLock - allocate an NDIS_RW_LOCK_EX
 * @_NdisHandle: any handle NDIS gave the caller (driver, adapter, binding)
 *
 * A macro, so that each allocation site gets its own lockdep class, as
 * NdisAllocateSpinLock does: locks from two sites nested in a fixed order
 * are then checked as the distinct locks they are.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the lock, to be freed with NdisFreeRWLock(), or NULL.
 */
#define NdisAllocateRWLock(_NdisHandle)					\
	({								\
		static struct lock_class_key __ndis_rwl_key;		\
		ndis_rw_lock_alloc(_NdisHandle, &__ndis_rwl_key,	\
				   "NdisAllocateRWLock@" __FILE__ ":"	\
				   __stringify(__LINE__));	\
	})

void NdisFreeRWLock(PNDIS_RW_LOCK_EX Lock);
void NdisAcquireRWLockRead(PNDIS_RW_LOCK_EX Lock, PLOCK_STATE_EX LockState, UCHAR Flags);
void NdisAcquireRWLockWrite(PNDIS_RW_LOCK_EX Lock, PLOCK_STATE_EX LockState, UCHAR Flags);
void NdisReleaseRWLock(PNDIS_RW_LOCK_EX Lock, PLOCK_STATE_EX LockState);

/**
 * struct _NDIS_RW_LOCK - the NDIS 5 read/write lock, in the caller's storage
 *
 * Initialised with NdisInitializeReadWriteLock(). The fields are private
 * to the framework.
 */
typedef struct _NDIS_RW_LOCK {
	/* private: */
	rwlock_t lock;
	struct task_struct *writer;	/* the write holder, NULL if none */
} NDIS_RW_LOCK, *PNDIS_RW_LOCK;

/**
 * struct _LOCK_STATE - one acquisition of an NDIS_RW_LOCK
 * @LockState: how it was taken; private to the framework
 * @OldIrql: the level the caller had before the acquire
 */
typedef struct _LOCK_STATE {
	USHORT LockState;
	KIRQL OldIrql;
} LOCK_STATE, *PLOCK_STATE;

/**
 * NdisInitializeReadWriteLock - initialise an NDIS_RW_LOCK
 * @_Lock: caller storage
 *
 * A macro for a lockdep class per initialisation site.
 *
 * Context: any.
 */
#define NdisInitializeReadWriteLock(_Lock)				\
	do {								\
		PNDIS_RW_LOCK __ndis_rwl = (_Lock);			\
		rwlock_init(&__ndis_rwl->lock);				\
		__ndis_rwl->writer = NULL;				\
	} while (0)

void NdisAcquireReadWriteLock(PNDIS_RW_LOCK Lock, BOOLEAN fWrite, PLOCK_STATE LockState)
	__acquires(&Lock->lock);
void NdisReleaseReadWriteLock(PNDIS_RW_LOCK Lock, PLOCK_STATE LockState)
	__releases(&Lock->lock);

#endif /* _NDIS_RWLOCK_H */
