// SPDX-License-Identifier: GPL-2.0
/*
 * The timer object family of the NDIS interface (include/ndis/timer.h).
 *
 * A timer object is a timer_list: its function runs in the timer softirq,
 * which is DISPATCH_LEVEL. Every arming holds a reference on the object,
 * dropped when the timer is cancelled or when its function has returned,
 * so a free at DISPATCH_LEVEL (the DDI allows it, even from the timer's
 * own function) never pulls the memory from under a running function.
 * The object's lock orders a set, a cancel, a free and a periodic re-arm:
 * once freed or cancelled, nothing arms the timer again behind the
 * caller's back.
 */
#include <linux/jiffies.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <ndis/ndis.h>

#include "../handle.h"
#include "../owned.h"
#include "../report.h"
#include "handle.h"
#include "header.h"

struct ndis_timer {
	struct ndis_owned own;
	struct timer_list timer;
	PNDIS_TIMER_FUNCTION fn;
	PVOID default_ctx;
	spinlock_t lock;		/* orders set, cancel, free, re-arm */
	PVOID ctx;			/* under @lock */
	unsigned long period;		/* jiffies, 0 if one-shot; under @lock */
	bool dead;			/* freed; under @lock */
};

static_assert(offsetof(struct ndis_timer, own) == 0);	/* for ndis_owned_new() */

#define ndis_timer_of(o)	container_of(o, struct ndis_timer, own.obj)

static void ndis_timer_get(struct ndis_timer *t)
{
	ndis_object_get(&t->own.obj);
}

static void ndis_timer_put(struct ndis_timer *t)
{
	ndis_object_put(&t->own.obj);
}

static void ndis_timer_release(struct kobject *kobj)
{
	struct ndis_timer *t = ndis_timer_of(ndis_kobj_to_object(kobj));

	ndis_owned_release(&t->own);
	kfree_rcu(t, own.obj.rcu);
}

static const struct kobj_type ndis_timer_ktype = {
	.release = ndis_timer_release,
};

/* Arm @t for @expires, with a reference for the arming. Under t->lock. */
static bool ndis_timer_arm(struct ndis_timer *t, unsigned long expires)
{
	ndis_timer_get(t);
	if (!mod_timer(&t->timer, expires))
		return false;
	ndis_timer_put(t);	/* was armed already: keep that arming's */
	return true;
}

/* Disarm @t. Return: whether it was armed (and its reference dropped). */
static bool ndis_timer_disarm(struct ndis_timer *t, bool wait)
{
	if (!(wait ? timer_delete_sync(&t->timer) : timer_delete(&t->timer)))
		return false;
	ndis_timer_put(t);
	return true;
}

static void ndis_timer_fire(struct timer_list *tl)
{
	struct ndis_timer *t = timer_container_of(t, tl, timer);
	unsigned long next;
	PVOID ctx;
	bool dead;

	spin_lock(&t->lock);
	ctx = t->ctx;
	dead = t->dead;
	spin_unlock(&t->lock);
	if (!dead)
		t->fn(NULL, ctx, NULL, NULL);

	/* A periodic timer comes back unless cancelled, freed or set anew. */
	spin_lock(&t->lock);
	if (t->period && !t->dead && !timer_pending(&t->timer)) {
		next = t->timer.expires + t->period;
		if (time_after_eq(jiffies, next))
			next = jiffies + t->period;	/* late: no catching up */
		ndis_timer_arm(t, next);
	}
	spin_unlock(&t->lock);
	ndis_timer_put(t);
}

/*
 * Kill @t: no more arming, no handle, and the allocation's reference
 * dropped; @wait also waits for a running function. Return: false if a
 * free got there first.
 */
static bool ndis_timer_kill(struct ndis_timer *t, bool wait)
{
	unsigned long flags;

	spin_lock_irqsave(&t->lock, flags);
	if (t->dead) {
		spin_unlock_irqrestore(&t->lock, flags);
		return false;
	}
	t->dead = true;
	t->period = 0;
	spin_unlock_irqrestore(&t->lock, flags);
	ndis_handle_unregister(&t->own.obj);
	ndis_timer_disarm(t, wait);
	ndis_timer_put(t);
	return true;
}

/* At the driver's deregistration: free @t if the driver did not. */
static void ndis_timer_reclaim(struct ndis_owned *o)
{
	struct ndis_timer *t = ndis_timer_of(&o->obj);

	if (ndis_timer_kill(t, true))
		ndis_misuse("NdisFreeTimerObject",
			    "every timer object freed before its driver deregisters", o->caller);
	else
		ndis_timer_disarm(t, true);	/* freed, perhaps still running */
}

/**
 * NdisAllocateTimerObject() - allocate a timer object
 * @NdisHandle: a handle NDIS gave the driver: its driver handle, an
 *	adapter's or a binding's
 * @TimerCharacteristics: the function to call and its default context;
 *	NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS, revision 1
 * @pTimerObject: receives the timer's handle, NULL on failure
 *
 * The timer belongs to the driver behind @NdisHandle until
 * NdisFreeTimerObject(). One the driver still has when it deregisters is
 * reported, cancelled and freed then.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_RESOURCES without memory, or
 * NDIS_STATUS_FAILURE (reported) for a bad handle or characteristics, or
 * a driver that is deregistering.
 */
NDIS_STATUS NdisAllocateTimerObject(NDIS_HANDLE NdisHandle,
				    PNDIS_TIMER_CHARACTERISTICS TimerCharacteristics,
				    PNDIS_HANDLE pTimerObject)
{
	KIRQL irql = ndis_current_irql();
	struct ndis_timer *t;
	NDIS_STATUS status;

	*pTimerObject = NULL;
	if (!NDIS_IRQL_OK_LE(irql, DISPATCH_LEVEL))
		return NDIS_STATUS_FAILURE;
	if (!ndis_header_ok(TimerCharacteristics, &ndis_rev_timer_chars, __func__, _RET_IP_))
		return NDIS_STATUS_FAILURE;
	if (!TimerCharacteristics->TimerFunction) {
		ndis_misuse(__func__, "a TimerFunction", _RET_IP_);
		return NDIS_STATUS_FAILURE;
	}
	t = ndis_owned_new(NdisHandle, sizeof(*t), &ndis_timer_ktype, ndis_timer_reclaim, irql,
			   &status, __func__, _RET_IP_);
	if (!t)
		return status;
	timer_setup(&t->timer, ndis_timer_fire, 0);
	spin_lock_init(&t->lock);
	t->fn = TimerCharacteristics->TimerFunction;
	t->default_ctx = TimerCharacteristics->FunctionContext;
	t->ctx = t->default_ctx;
	*pTimerObject = ndis_owned_publish(&t->own, NDIS_HT_TIMER, irql);
	return *pTimerObject ? NDIS_STATUS_SUCCESS : NDIS_STATUS_RESOURCES;
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateTimerObject, "NDIS");

/* Jiffies from now until @due: relative if negative, absolute if not. */
static unsigned long ndis_timer_delay(LONGLONG due)
{
	LONGLONG units = due < 0 ? -due : due - ndis_system_time();

	if (units <= 0)
		return 0;
	if (units > S64_MAX / 100)
		return MAX_JIFFY_OFFSET;
	return min_t(u64, nsecs_to_jiffies64((u64)units * 100), MAX_JIFFY_OFFSET);
}

/* The work of the two set calls; the caller checked the level. */
static BOOLEAN ndis_timer_set(NDIS_HANDLE handle, LARGE_INTEGER due, LONG period_ms,
			      PVOID ctx, const char *api, unsigned long caller)
{
	struct ndis_object *obj;
	struct ndis_timer *t;
	unsigned long flags;
	BOOLEAN was = FALSE;

	if (period_ms < 0) {
		ndis_misuse(api, "a MillisecondsPeriod of 0 or more", caller);
		period_ms = 0;
	}
	rcu_read_lock();
	obj = ndis_handle_peek(handle, NDIS_HT_TIMER);
	if (!obj) {
		rcu_read_unlock();
		ndis_bad_handle(handle, NDIS_HT_TIMER, api, caller);
		return FALSE;
	}
	t = ndis_timer_of(obj);
	spin_lock_irqsave(&t->lock, flags);
	if (t->dead) {
		ndis_misuse(api, "a timer object that is not being freed", caller);
	} else {
		t->ctx = ctx ? ctx : t->default_ctx;
		t->period = period_ms ? max(msecs_to_jiffies(period_ms), 1UL) : 0;
		was = ndis_timer_arm(t, jiffies + ndis_timer_delay(due.QuadPart));
	}
	spin_unlock_irqrestore(&t->lock, flags);
	rcu_read_unlock();
	return was;
}

/**
 * NdisSetTimerObject() - arm a timer object
 * @TimerObject: from NdisAllocateTimerObject()
 * @DueTime: when it first fires, in 100 ns units: negative is relative to
 *	now, positive is an absolute system time (NdisGetCurrentSystemTime())
 * @MillisecondsPeriod: 0 for once, else the period after the first time
 * @FunctionContext: for the timer function; NULL for the characteristics'
 *
 * Setting an armed timer moves it. The timer ticks in jiffies: @DueTime
 * rounds up to the next tick.
 *
 * Context: IRQL <= DISPATCH_LEVEL; also from the timer's own function.
 * Return: TRUE if the timer was armed already, else FALSE.
 */
BOOLEAN NdisSetTimerObject(NDIS_HANDLE TimerObject, LARGE_INTEGER DueTime,
			   LONG MillisecondsPeriod, PVOID FunctionContext)
{
	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return FALSE;
	return ndis_timer_set(TimerObject, DueTime, MillisecondsPeriod, FunctionContext,
			      __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisSetTimerObject, "NDIS");

/**
 * NdisSetCoalescableTimerObject() - arm a timer object that may run late
 * @TimerObject: from NdisAllocateTimerObject()
 * @DueTime: as for NdisSetTimerObject()
 * @MillisecondsPeriod: as for NdisSetTimerObject()
 * @FunctionContext: as for NdisSetTimerObject()
 * @Tolerance: how late it may run, in milliseconds
 *
 * The same as NdisSetTimerObject(): timer_list timers are coalesced by
 * the kernel's timer wheel already, and never run early.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: TRUE if the timer was armed already, else FALSE.
 */
BOOLEAN NdisSetCoalescableTimerObject(NDIS_HANDLE TimerObject, LARGE_INTEGER DueTime,
				      LONG MillisecondsPeriod, PVOID FunctionContext,
				      ULONG Tolerance)
{
	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return FALSE;
	return ndis_timer_set(TimerObject, DueTime, MillisecondsPeriod, FunctionContext,
			      __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisSetCoalescableTimerObject, "NDIS");

/**
 * NdisCancelTimerObject() - disarm a timer object
 * @TimerObject: from NdisAllocateTimerObject()
 *
 * A periodic timer stops for good, and the call waits for its function
 * if it is running: that wait is why the DDI requires PASSIVE_LEVEL to
 * cancel one. A one-shot timer's running function is not waited for.
 *
 * Context: IRQL <= DISPATCH_LEVEL; PASSIVE_LEVEL for a periodic timer
 * (at DISPATCH_LEVEL it is reported, stopped and not waited for).
 * Return: TRUE if the timer was armed and now is not, else FALSE.
 */
BOOLEAN NdisCancelTimerObject(NDIS_HANDLE TimerObject)
{
	KIRQL irql = ndis_current_irql();
	struct ndis_object *obj;
	struct ndis_timer *t;
	unsigned long flags;
	bool periodic, wait;
	BOOLEAN was;

	if (!NDIS_IRQL_OK_LE(irql, DISPATCH_LEVEL))
		return FALSE;
	obj = ndis_handle_get(TimerObject, NDIS_HT_TIMER, __func__, _RET_IP_);
	if (!obj)
		return FALSE;
	t = ndis_timer_of(obj);
	spin_lock_irqsave(&t->lock, flags);
	periodic = t->period;
	t->period = 0;
	spin_unlock_irqrestore(&t->lock, flags);
	wait = periodic && NDIS_IRQL_OK_EQ(irql, PASSIVE_LEVEL);
	was = ndis_timer_disarm(t, wait);
	ndis_timer_put(t);
	return was;
}
EXPORT_SYMBOL_NS_GPL(NdisCancelTimerObject, "NDIS");

/**
 * NdisFreeTimerObject() - free a timer object
 * @TimerObject: from NdisAllocateTimerObject(); its handle is dead after
 *
 * An armed timer is cancelled. The DDI asks the driver to make sure its
 * function is not running; if it is, the memory stays until it returns
 * and the function does not run again. At PASSIVE_LEVEL the call waits
 * for a running function.
 *
 * Context: IRQL <= DISPATCH_LEVEL; also from the timer's own function.
 */
void NdisFreeTimerObject(NDIS_HANDLE TimerObject)
{
	KIRQL irql = ndis_current_irql();
	struct ndis_object *obj;

	if (!NDIS_IRQL_OK_LE(irql, DISPATCH_LEVEL))
		return;
	obj = ndis_handle_get(TimerObject, NDIS_HT_TIMER, __func__, _RET_IP_);
	if (!obj)
		return;
	if (!ndis_timer_kill(ndis_timer_of(obj), irql == PASSIVE_LEVEL))
		ndis_misuse(__func__, "a timer object freed once", _RET_IP_);
	ndis_object_put(obj);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeTimerObject, "NDIS");
