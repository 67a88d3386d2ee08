// SPDX-License-Identifier: GPL-2.0
/*
 * The I/O work item family of the NDIS interface (include/ndis/workitem.h).
 *
 * A work item is a work_struct on the "ndis-io" workqueue, whose routines
 * run at PASSIVE_LEVEL and may sleep. Each queueing holds a reference on
 * the item until its routine has returned, so the routine may free its
 * own item, as the DDI allows, and a free at DISPATCH_LEVEL never pulls
 * the memory from under a routine that is running.
 */
#include <linux/workqueue.h>
#include <ndis/ndis.h>

#include "../handle.h"
#include "../owned.h"
#include "../registry.h"
#include "../report.h"
#include "handle.h"

struct ndis_io_work {
	struct ndis_owned own;
	struct work_struct work;
	spinlock_t lock;		/* orders queue, start and free */
	NDIS_IO_WORKITEM_ROUTINE routine;	/* under @lock */
	PVOID ctx;				/* under @lock */
	bool queued;		/* until the routine starts; under @lock */
	bool dead;		/* freed; under @lock */
};

static_assert(offsetof(struct ndis_io_work, own) == 0);	/* for ndis_owned_new() */

#define ndis_io_work_of(o)	container_of(o, struct ndis_io_work, own.obj)

static void ndis_io_work_release(struct kobject *kobj)
{
	struct ndis_io_work *w = ndis_io_work_of(ndis_kobj_to_object(kobj));

	ndis_owned_release(&w->own);
	kfree_rcu(w, own.obj.rcu);
}

static const struct kobj_type ndis_io_work_ktype = {
	.release = ndis_io_work_release,
};

static void ndis_io_work_run(struct work_struct *work)
{
	struct ndis_io_work *w = container_of(work, struct ndis_io_work, work);
	NDIS_IO_WORKITEM_ROUTINE routine;
	PVOID ctx;
	bool dead;

	spin_lock_irq(&w->lock);
	routine = w->routine;
	ctx = w->ctx;
	dead = w->dead;
	w->queued = false;
	spin_unlock_irq(&w->lock);
	if (!dead)
		routine(ctx, ndis_handle_of(&w->own.obj, NDIS_HT_IO_WORKITEM));
	ndis_object_put(&w->own.obj);		/* the queueing's */
}

/*
 * Kill @w: no more queueing, no handle, a queueing not yet started
 * dropped, and the allocation's reference dropped; @wait also waits for a
 * running routine. Return: false if a free got there first.
 */
static bool ndis_io_work_kill(struct ndis_io_work *w, bool wait)
{
	unsigned long flags;

	spin_lock_irqsave(&w->lock, flags);
	if (w->dead) {
		spin_unlock_irqrestore(&w->lock, flags);
		return false;
	}
	w->dead = true;
	spin_unlock_irqrestore(&w->lock, flags);
	ndis_handle_unregister(&w->own.obj);
	if (wait ? cancel_work_sync(&w->work) : cancel_work(&w->work))
		ndis_object_put(&w->own.obj);	/* the queueing's */
	ndis_object_put(&w->own.obj);
	return true;
}

/* At the driver's deregistration: free @o if the driver did not. */
static void ndis_io_work_reclaim(struct ndis_owned *o)
{
	struct ndis_io_work *w = ndis_io_work_of(&o->obj);

	if (ndis_io_work_kill(w, true))
		ndis_misuse("NdisFreeIoWorkItem",
			    "every I/O work item freed before its driver deregisters", o->caller);
	else
		flush_work(&w->work);	/* freed, perhaps still running */
}

/**
 * NdisAllocateIoWorkItem() - allocate an I/O work item
 * @NdisObjectHandle: a handle NDIS gave the driver: its driver handle, an
 *	adapter's or a binding's
 *
 * The work item belongs to the driver behind @NdisObjectHandle until
 * NdisFreeIoWorkItem(). One the driver still has when it deregisters is
 * reported, cancelled, waited for and freed then.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the work item's handle, or NULL without memory or after a
 * report (a bad handle, a driver that is deregistering).
 */
NDIS_HANDLE NdisAllocateIoWorkItem(NDIS_HANDLE NdisObjectHandle)
{
	KIRQL irql = ndis_current_irql();
	struct ndis_io_work *w;
	NDIS_STATUS status;

	if (!NDIS_IRQL_OK_LE(irql, DISPATCH_LEVEL))
		return NULL;
	w = ndis_owned_new(NdisObjectHandle, sizeof(*w), &ndis_io_work_ktype,
			   ndis_io_work_reclaim, irql, &status, __func__, _RET_IP_);
	if (!w)
		return NULL;
	INIT_WORK(&w->work, ndis_io_work_run);
	spin_lock_init(&w->lock);
	return ndis_owned_publish(&w->own, NDIS_HT_IO_WORKITEM, irql);
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateIoWorkItem, "NDIS");

/**
 * NdisQueueIoWorkItem() - run a routine once, at PASSIVE_LEVEL
 * @NdisIoWorkItemHandle: from NdisAllocateIoWorkItem()
 * @Routine: called with @WorkItemContext and @NdisIoWorkItemHandle in a
 *	kernel worker thread
 * @WorkItemContext: passed to @Routine
 *
 * The item may be queued again once its routine has started, from the
 * routine itself too. Queueing it while it waits to start is reported and
 * changes nothing: the first routine and context run.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisQueueIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle, NDIS_IO_WORKITEM_ROUTINE Routine,
			 PVOID WorkItemContext)
{
	struct ndis_object *obj;
	struct ndis_io_work *w;
	unsigned long flags;

	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return;
	if (!Routine) {
		ndis_misuse(__func__, "a Routine", _RET_IP_);
		return;
	}
	rcu_read_lock();
	obj = ndis_handle_peek(NdisIoWorkItemHandle, NDIS_HT_IO_WORKITEM);
	if (!obj) {
		rcu_read_unlock();
		ndis_bad_handle(NdisIoWorkItemHandle, NDIS_HT_IO_WORKITEM, __func__, _RET_IP_);
		return;
	}
	w = ndis_io_work_of(obj);
	spin_lock_irqsave(&w->lock, flags);
	if (w->dead) {
		ndis_misuse(__func__, "an I/O work item that is not being freed", _RET_IP_);
	} else if (w->queued) {
		ndis_misuse(__func__, "an I/O work item that is not waiting to run", _RET_IP_);
	} else {
		w->routine = Routine;
		w->ctx = WorkItemContext;
		w->queued = true;
		ndis_object_get(&w->own.obj);	/* until the routine returns */
		queue_work(ndis_io_wq, &w->work);
	}
	spin_unlock_irqrestore(&w->lock, flags);
	rcu_read_unlock();
}
EXPORT_SYMBOL_NS_GPL(NdisQueueIoWorkItem, "NDIS");

/**
 * NdisFreeIoWorkItem() - free an I/O work item
 * @NdisIoWorkItemHandle: from NdisAllocateIoWorkItem(); dead after
 *
 * A routine may free its own item. A queueing whose routine has not
 * started is cancelled: the routine does not run. A routine running on
 * another thread finishes; at PASSIVE_LEVEL the call waits for it.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisFreeIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle)
{
	KIRQL irql = ndis_current_irql();
	struct ndis_object *obj;
	struct ndis_io_work *w;
	bool wait;

	if (!NDIS_IRQL_OK_LE(irql, DISPATCH_LEVEL))
		return;
	obj = ndis_handle_get(NdisIoWorkItemHandle, NDIS_HT_IO_WORKITEM, __func__, _RET_IP_);
	if (!obj)
		return;
	w = ndis_io_work_of(obj);
	/* Not from inside its own routine: that would wait for itself. */
	wait = irql == PASSIVE_LEVEL && current_work() != &w->work;
	if (!ndis_io_work_kill(w, wait))
		ndis_misuse(__func__, "an I/O work item freed once", _RET_IP_);
	ndis_object_put(obj);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeIoWorkItem, "NDIS");
