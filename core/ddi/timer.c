// SPDX-License-Identifier: GPL-2.0
/*
 * The timer object family of the NDIS interface (include/ndis/timer.h).
 *
 * A timer object is an hrtimer on CLOCK_MONOTONIC in softirq mode: its
 * function runs in the hrtimer softirq (on PREEMPT_RT, the softirq
 * thread), which is DISPATCH_LEVEL, and never before its due time, which
 * a timer_list armed on a lagging jiffies could not promise. Every arming
 * holds a reference on the object, dropped when the timer is cancelled or
 * when its function has returned, so a free at DISPATCH_LEVEL (the DDI
 * allows it, even from the timer's own function) never pulls the memory
 * from under a running function. The object's lock orders a set, a
 * cancel, a free and a periodic re-arm: once freed or cancelled, nothing
 * arms the timer again behind the caller's back. A late periodic timer
 * does not catch up the periods it missed.
 *
 * hrtimer_try_to_cancel() cannot take a timer off while its callback
 * runs, and that callback takes the lock only once running. So the lock
 * keeps the driver's view (@armed: set and not yet fired, cancelled or
 * freed) apart from the reference the hrtimer holds (@inflight), and a
 * callback that finds its firing cancelled or superseded under the lock
 * does not call the function. A set always (re)starts the hrtimer, which
 * is allowed while its callback runs: the hrtimer then holds one arming,
 * and @inflight one reference for it. A cancel or free that meets such a
 * re-queued arming lets it go off at once, unarmed, so its reference is
 * not held until a far due time. A cancel that waits keeps a set that
 * came in meanwhile from another thread: it re-arms what its wait took
 * off.
 *
 * Unlike Windows, a set or cancel that comes after the due time but
 * before the callback has taken the lock drops that firing and returns
 * TRUE, where KeSetTimer()/KeCancelTimer() would return FALSE and the
 * DPC already queued would still run.
 */
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/slab.h>
#include <ndis/ndis.h>

#include "../handle.h"
#include "../kunit_iface.h"
#include "../owned.h"
#include "../report.h"
#include "handle.h"
#include "header.h"

struct ndis_timer {
	struct ndis_owned own;
	struct hrtimer timer;
	PNDIS_TIMER_FUNCTION fn;
	PVOID default_ctx;
	spinlock_t lock;		/* orders set, cancel, free, re-arm */
	PVOID ctx;			/* under @lock */
	ktime_t due;			/* CLOCK_MONOTONIC; under @lock */
	ktime_t period;			/* 0 if one-shot; under @lock */
	u64 slack;			/* ns it may run late; under @lock */
	bool armed;			/* set, not fired or cancelled; under @lock */
	bool inflight;			/* the hrtimer holds a reference; under @lock */
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

/* For the tests: references armings hold now, and objects released. */
static atomic_long_t ndis_timer_armings = ATOMIC_LONG_INIT(0);
static atomic_long_t ndis_timer_released = ATOMIC_LONG_INIT(0);

/* The reference of an arming: taken under t->lock, dropped after it. */
static void ndis_timer_arming_get(struct ndis_timer *t)
{
	atomic_long_inc(&ndis_timer_armings);
	ndis_timer_get(t);
}

static void ndis_timer_arming_put(struct ndis_timer *t)
{
	atomic_long_dec(&ndis_timer_armings);
	ndis_timer_put(t);
}

static void ndis_timer_release(struct kobject *kobj)
{
	struct ndis_timer *t = ndis_timer_of(ndis_kobj_to_object(kobj));

	ndis_owned_release(&t->own);
	atomic_long_inc(&ndis_timer_released);
	kfree_rcu(t, own.obj.rcu);
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * ndis_kunit_timer_armings() - references the armings of timers hold
 *
 * One for each timer object whose hrtimer is queued or whose callback has
 * not yet returned; a cancelled or freed timer's goes soon after.
 *
 * Return: how many there are now.
 */
long ndis_kunit_timer_armings(void)
{
	return atomic_long_read(&ndis_timer_armings);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_timer_armings);

/**
 * ndis_kunit_timers_released() - timer objects released since load
 *
 * A freed timer object is released when its last reference goes: the
 * handle's at the free, or its arming's when that has gone off.
 *
 * Return: how many have been; their memory follows after an RCU grace period.
 */
long ndis_kunit_timers_released(void)
{
	return atomic_long_read(&ndis_timer_released);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_timers_released);
#endif

static const struct kobj_type ndis_timer_ktype = {
	.release = ndis_timer_release,
};

/*
 * Arm @t for t->due, with a reference for the arming unless the hrtimer
 * holds one already (armed, or fired and its callback not yet under the
 * lock: that callback then finds the timer queued and leaves the
 * reference to the new arming). Under t->lock.
 */
static void ndis_timer_arm(struct ndis_timer *t)
{
	if (!t->inflight) {
		ndis_timer_arming_get(t);
		t->inflight = true;
	}
	t->armed = true;
	hrtimer_start_range_ns(&t->timer, t->due, t->slack, HRTIMER_MODE_ABS_SOFT);
}

/*
 * Disarm @t; @wait also waits for a running callback (never from the
 * callback itself, never at DISPATCH_LEVEL). With @periodic, that wait is
 * only for a periodic timer, decided under the lock, and *@periodic says
 * whether it was one. Return: whether it was armed.
 */
static bool ndis_timer_disarm(struct ndis_timer *t, bool wait, bool *periodic)
{
	unsigned long flags;
	bool was, put = false;
	int ret;

	spin_lock_irqsave(&t->lock, flags);
	was = t->armed;
	if (periodic) {
		*periodic = t->period;
		wait = wait && *periodic;
	}
	t->armed = false;
	t->period = 0;
	/*
	 * 1: taken off, its reference is ours. -1: the callback runs or is
	 * about to; it finds the timer disarmed and drops the reference. If
	 * a set (or the periodic re-arm) queued the timer again meanwhile,
	 * that arming holds a reference until it goes off, perhaps never:
	 * let it go off now, to find itself disarmed and drop it without
	 * calling the function.
	 */
	ret = hrtimer_try_to_cancel(&t->timer);
	if (ret == 1) {
		t->inflight = false;
		put = true;
	} else if (ret < 0 && hrtimer_is_queued(&t->timer)) {
		hrtimer_start_range_ns(&t->timer, ktime_get(), 0, HRTIMER_MODE_ABS_SOFT);
	}
	spin_unlock_irqrestore(&t->lock, flags);
	if (put)
		ndis_timer_arming_put(t);
	if (!wait)
		return was;

	/*
	 * Wait out a running callback. A set from another thread after the
	 * lock was dropped stands (it returned FALSE, the timer unarmed), but
	 * hrtimer_cancel() may have taken its arming off, or the re-arm of a
	 * period it started: arm it again for its due time, keeping the
	 * reference. Otherwise the reference of an arming taken off is ours.
	 */
	hrtimer_cancel(&t->timer);
	put = false;
	spin_lock_irqsave(&t->lock, flags);
	if (!hrtimer_active(&t->timer)) {
		if (t->armed) {
			ndis_timer_arm(t);
		} else if (t->inflight) {
			t->inflight = false;
			put = true;
		}
	}
	spin_unlock_irqrestore(&t->lock, flags);
	if (put)
		ndis_timer_arming_put(t);
	return was;
}

static enum hrtimer_restart ndis_timer_fire(struct hrtimer *hr)
{
	struct ndis_timer *t = container_of(hr, struct ndis_timer, timer);
	bool fire, restart;
	ktime_t next, now;
	PVOID ctx;

	spin_lock(&t->lock);
	/* Set anew after it fired: the new arming has the reference. */
	if (hrtimer_is_queued(hr)) {
		spin_unlock(&t->lock);
		return HRTIMER_NORESTART;
	}
	t->inflight = false;		/* its reference is this call's now */
	fire = t->armed && !t->dead;
	if (!t->period)
		t->armed = false;	/* a periodic one stays armed */
	ctx = t->ctx;
	spin_unlock(&t->lock);
	if (fire)
		t->fn(NULL, ctx, NULL, NULL);

	/*
	 * A periodic timer comes back unless cancelled, freed or set anew.
	 * It comes back by HRTIMER_RESTART, so this call's reference passes
	 * to the next arming: no put here and no get, and no moment where
	 * the timer is armed without one. A cancel or set that meets it
	 * between here and the re-queueing sees the callback still running
	 * and @inflight set, as for any running callback.
	 */
	spin_lock(&t->lock);
	restart = fire && t->armed && t->period && !t->dead && !hrtimer_is_queued(hr);
	if (restart) {
		now = ktime_get();
		next = ktime_add_safe(t->due, t->period);
		if (ktime_before(next, now))
			next = ktime_add_safe(now, t->period);	/* late: no catching up */
		t->due = next;
		t->inflight = true;
		hrtimer_set_expires_range_ns(hr, next, t->slack);
	}
	spin_unlock(&t->lock);
	if (restart)
		return HRTIMER_RESTART;
	ndis_timer_arming_put(t);
	return HRTIMER_NORESTART;
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
	spin_unlock_irqrestore(&t->lock, flags);
	ndis_handle_unregister(&t->own.obj);
	ndis_timer_disarm(t, wait, NULL);
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
		ndis_timer_disarm(t, true, NULL);	/* freed, perhaps still running */
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
	hrtimer_setup(&t->timer, ndis_timer_fire, CLOCK_MONOTONIC, HRTIMER_MODE_ABS_SOFT);
	spin_lock_init(&t->lock);
	t->fn = TimerCharacteristics->TimerFunction;
	t->default_ctx = TimerCharacteristics->FunctionContext;
	t->ctx = t->default_ctx;
	*pTimerObject = ndis_owned_publish(&t->own, NDIS_HT_TIMER, irql);
	return *pTimerObject ? NDIS_STATUS_SUCCESS : NDIS_STATUS_RESOURCES;
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateTimerObject, "NDIS");

/*
 * The CLOCK_MONOTONIC time of @due: relative if negative, else a system
 * time, turned into a delay from now against the clock of
 * NdisGetCurrentSystemTime() (read first, so the delay errs late). A
 * later change of the wall clock does not move the timer. A due time
 * beyond what ktime_t holds is never.
 */
static ktime_t ndis_timer_due(LONGLONG due)
{
	LONGLONG sys = due < 0 ? 0 : ndis_system_time();
	ktime_t now = ktime_get();
	u64 units;

	if (due < 0)
		units = -(u64)due;	/* also for S64_MIN */
	else
		units = due > sys ? due - sys : 0;
	if (units > (u64)(KTIME_MAX - now) / 100)
		return KTIME_MAX;
	return ktime_add_ns(now, units * 100);
}

/* The work of the two set calls; the caller checked the level. */
static BOOLEAN ndis_timer_set(NDIS_HANDLE handle, LARGE_INTEGER due, LONG period_ms,
			      PVOID ctx, ULONG tolerance_ms, const char *api,
			      unsigned long caller)
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
		was = t->armed;
		t->ctx = ctx ? ctx : t->default_ctx;
		t->period = ms_to_ktime(period_ms);
		t->slack = (u64)tolerance_ms * NSEC_PER_MSEC;
		t->due = ndis_timer_due(due.QuadPart);
		ndis_timer_arm(t);
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
 * Setting an armed timer moves it. The function never runs before
 * @DueTime: the timer is an hrtimer on CLOCK_MONOTONIC, and an absolute
 * @DueTime becomes a delay from now at this call, so a later change of
 * the wall clock does not move it. A periodic timer that runs late does
 * not catch up the periods it missed.
 *
 * Context: IRQL <= DISPATCH_LEVEL; also from the timer's own function.
 * Return: TRUE if the timer was armed already (a periodic one is, also
 * while its function runs), else FALSE.
 */
BOOLEAN NdisSetTimerObject(NDIS_HANDLE TimerObject, LARGE_INTEGER DueTime,
			   LONG MillisecondsPeriod, PVOID FunctionContext)
{
	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return FALSE;
	return ndis_timer_set(TimerObject, DueTime, MillisecondsPeriod, FunctionContext, 0,
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
 * As NdisSetTimerObject(), with @Tolerance as the hrtimer's slack: each
 * firing may come up to that much late, so the kernel can run it together
 * with other timers. It never runs early.
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
			      Tolerance, __func__, _RET_IP_);
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
 * Return: TRUE if the timer was armed and now is not (a periodic timer
 * is armed also while its function runs), else FALSE.
 */
BOOLEAN NdisCancelTimerObject(NDIS_HANDLE TimerObject)
{
	KIRQL irql = ndis_current_irql();
	struct ndis_object *obj;
	bool periodic;
	BOOLEAN was;

	if (!NDIS_IRQL_OK_LE(irql, DISPATCH_LEVEL))
		return FALSE;
	obj = ndis_handle_get(TimerObject, NDIS_HT_TIMER, __func__, _RET_IP_);
	if (!obj)
		return FALSE;
	/* Periodic or not is decided with the disarming, under the lock. */
	was = ndis_timer_disarm(ndis_timer_of(obj), irql == PASSIVE_LEVEL, &periodic);
	if (periodic)
		NDIS_IRQL_OK_EQ(irql, PASSIVE_LEVEL);	/* reported; stopped, not waited for */
	ndis_object_put(obj);
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
