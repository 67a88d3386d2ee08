/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS events and mutexes.
 *
 * An NDIS_EVENT is a notification event: once set it stays set, and every
 * waiter wakes, until NdisResetEvent(). Waits sleep in TASK_IDLE: they
 * take no signal, as on Windows, and a long one neither counts as load
 * nor trips the hung-task detector.
 *
 * An NDIS_MUTEX is a kernel mutex its owner may take again, as the DDI's
 * is; it is released once for every time it was taken.
 */
#ifndef _NDIS_EVENT_H
#define _NDIS_EVENT_H

#include <linux/mutex.h>
#include <linux/wait.h>
#include <ndis/types.h>

/**
 * struct _NDIS_EVENT - an NDIS notification event
 *
 * Caller storage, initialised with NdisInitializeEvent(). The DDI names no
 * field; the ones here are private to the framework.
 */
typedef struct _NDIS_EVENT {
	/* private: */
	wait_queue_head_t wq;
	int signalled;
} NDIS_EVENT, *PNDIS_EVENT;

void NdisInitializeEvent(PNDIS_EVENT Event);
void NdisSetEvent(PNDIS_EVENT Event);
void NdisResetEvent(PNDIS_EVENT Event);
BOOLEAN NdisWaitEvent(PNDIS_EVENT Event, UINT MsToWait);

/**
 * struct _NDIS_MUTEX - an NDIS mutex, which its owner may take again
 *
 * Caller storage, initialised with NDIS_INIT_MUTEX(). The fields are
 * private to the framework.
 */
typedef struct _NDIS_MUTEX {
	/* private: */
	struct mutex lock;
	struct task_struct *owner;	/* the holder, NULL when free */
	unsigned int depth;		/* times the owner took it */
} NDIS_MUTEX, *PNDIS_MUTEX;

/**
 * NDIS_INIT_MUTEX - initialise an NDIS mutex
 * @_mutex: caller storage
 *
 * A macro so that each initialisation site gets its own lockdep class.
 */
#define NDIS_INIT_MUTEX(_mutex)						\
	do {								\
		PNDIS_MUTEX __ndis_mutex = (_mutex);			\
		mutex_init(&__ndis_mutex->lock);			\
		__ndis_mutex->owner = NULL;				\
		__ndis_mutex->depth = 0;				\
	} while (0)

void ndis_mutex_wait(PNDIS_MUTEX mutex);
void ndis_mutex_release(PNDIS_MUTEX mutex);

#define NDIS_WAIT_FOR_MUTEX(_mutex)	ndis_mutex_wait(_mutex)
#define NDIS_RELEASE_MUTEX(_mutex)	ndis_mutex_release(_mutex)

#endif /* _NDIS_EVENT_H */
