// SPDX-License-Identifier: GPL-2.0
/*
 * NDIS events and mutexes (include/ndis/event.h): a wait queue and a flag;
 * a kernel mutex with an owner and a depth.
 */
#include <linux/jiffies.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <ndis/ndis.h>

#include "../report.h"

/**
 * NdisInitializeEvent() - initialise an event, not set
 * @Event: caller storage
 *
 * Context: IRQL == PASSIVE_LEVEL.
 */
void NdisInitializeEvent(PNDIS_EVENT Event)
{
	NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL);
	init_waitqueue_head(&Event->wq);
	Event->signalled = 0;
}
EXPORT_SYMBOL_NS_GPL(NdisInitializeEvent, "NDIS");

/**
 * NdisSetEvent() - set an event and wake every waiter
 * @Event: the event
 *
 * The event stays set until NdisResetEvent().
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisSetEvent(PNDIS_EVENT Event)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	/* Waiters test the flag after queueing: wake_up_all() cannot miss one. */
	WRITE_ONCE(Event->signalled, 1);
	wake_up_all(&Event->wq);
}
EXPORT_SYMBOL_NS_GPL(NdisSetEvent, "NDIS");

/**
 * NdisResetEvent() - clear an event
 * @Event: the event
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisResetEvent(PNDIS_EVENT Event)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	WRITE_ONCE(Event->signalled, 0);
}
EXPORT_SYMBOL_NS_GPL(NdisResetEvent, "NDIS");

/**
 * NdisWaitEvent() - wait until an event is set
 * @Event: the event
 * @MsToWait: the longest wait in milliseconds; 0 waits for as long as it
 *	takes
 *
 * Returns at once if the event is set already. The wait takes no signal.
 *
 * Context: IRQL == PASSIVE_LEVEL; at a higher level the call is reported
 * and returns FALSE without waiting.
 * Return: TRUE if the event was set, FALSE if the time ran out.
 */
BOOLEAN NdisWaitEvent(PNDIS_EVENT Event, UINT MsToWait)
{
	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return FALSE;
	if (!MsToWait) {
		wait_event_idle(Event->wq, READ_ONCE(Event->signalled));
		return TRUE;
	}
	return wait_event_idle_timeout(Event->wq, READ_ONCE(Event->signalled),
				       msecs_to_jiffies(MsToWait)) > 0;
}
EXPORT_SYMBOL_NS_GPL(NdisWaitEvent, "NDIS");

/**
 * ndis_mutex_wait() - what NDIS_WAIT_FOR_MUTEX() expands to
 * @mutex: the mutex
 *
 * Takes the mutex, or counts one more hold if the caller owns it.
 *
 * Context: IRQL == PASSIVE_LEVEL; at a higher level the call is reported
 * and the mutex is not taken.
 */
void ndis_mutex_wait(PNDIS_MUTEX mutex)
{
	KIRQL irql = ndis_current_irql();

	if (irql != PASSIVE_LEVEL) {
		ndis_irql_violation("NDIS_WAIT_FOR_MUTEX", "IRQL == PASSIVE_LEVEL", irql,
				    _RET_IP_);
		return;
	}
	if (READ_ONCE(mutex->owner) == current) {
		mutex->depth++;
		return;
	}
	mutex_lock(&mutex->lock);
	WRITE_ONCE(mutex->owner, current);
	mutex->depth = 1;
}
EXPORT_SYMBOL_NS_GPL(ndis_mutex_wait, "NDIS");

/**
 * ndis_mutex_release() - what NDIS_RELEASE_MUTEX() expands to
 * @mutex: the mutex
 *
 * Gives back one hold; the last one unlocks.
 *
 * Context: the owner of @mutex; from any other task the call is reported
 * and changes nothing.
 */
void ndis_mutex_release(PNDIS_MUTEX mutex)
{
	if (READ_ONCE(mutex->owner) != current) {
		ndis_misuse("NDIS_RELEASE_MUTEX", "the task that holds the mutex", _RET_IP_);
		return;
	}
	if (--mutex->depth)
		return;
	WRITE_ONCE(mutex->owner, NULL);
	mutex_unlock(&mutex->lock);
}
EXPORT_SYMBOL_NS_GPL(ndis_mutex_release, "NDIS");
