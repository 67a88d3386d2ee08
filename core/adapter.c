// SPDX-License-Identifier: GPL-2.0
/*
 * Adapters (NDIS's miniport blocks): start, attributes, pause, restart,
 * halt and the teardown that precedes a halt.
 *
 *   Halted -> Initializing -> Paused <-> Restarting -> Running -> Pausing
 *
 * Start runs MiniportInitializeEx and MiniportRestart in the caller, then
 * offers the adapter to every protocol. Teardown goes pause bindings ->
 * pause miniport -> unbind every binding (each closes) -> halt, all under
 * op.lock, waiting on completions for whatever pends; never a polling loop.
 */
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "adapter.h"
#include "binding.h"
#include "datapath.h"
#include "handle.h"
#include "ifstack.h"
#include "kunit_iface.h"
#include "miniport.h"
#include "object.h"
#include "oid.h"
#include "pend.h"
#include "protocol.h"
#include "registry.h"
#include "report.h"
#include "state.h"
#include "sysfs.h"
#include "trace.h"
#include "watch.h"

static const char *const ndis_adapter_states[] = {
	[NDIS_ADAPTER_HALTED] = "halted",
	[NDIS_ADAPTER_INITIALIZING] = "initializing",
	[NDIS_ADAPTER_PAUSED] = "paused",
	[NDIS_ADAPTER_RESTARTING] = "restarting",
	[NDIS_ADAPTER_RUNNING] = "running",
	[NDIS_ADAPTER_PAUSING] = "pausing",
	[NDIS_ADAPTER_SHUTDOWN] = "shutdown",
};

const char *ndis_adapter_state_name(enum ndis_adapter_state state)
{
	return state < ARRAY_SIZE(ndis_adapter_states) ? ndis_adapter_states[state] : "?";
}

void ndis_adapter_lock(struct ndis_adapter *adapter)
{
	mutex_lock(&adapter->op.lock);
	adapter->op.task = current;
}

void ndis_adapter_unlock(struct ndis_adapter *adapter)
{
	adapter->op.task = NULL;
	mutex_unlock(&adapter->op.lock);
}

#define NDIS_AS(s)	BIT(NDIS_ADAPTER_##s)

/*
 * The states each state may move to. Halted and shut down are where every
 * teardown ends, so each may be entered again: a failed start is torn
 * down, a power-off may come to an adapter that is halted or off already.
 */
static const unsigned long ndis_adapter_next[] = {
	[NDIS_ADAPTER_HALTED] = NDIS_AS(INITIALIZING) | NDIS_AS(HALTED) | NDIS_AS(SHUTDOWN),
	[NDIS_ADAPTER_INITIALIZING] = NDIS_AS(PAUSED) | NDIS_AS(HALTED),
	[NDIS_ADAPTER_PAUSED] = NDIS_AS(RESTARTING) | NDIS_AS(HALTED) | NDIS_AS(SHUTDOWN),
	[NDIS_ADAPTER_RESTARTING] = NDIS_AS(RUNNING) | NDIS_AS(PAUSED),
	[NDIS_ADAPTER_RUNNING] = NDIS_AS(PAUSING),
	[NDIS_ADAPTER_PAUSING] = NDIS_AS(PAUSED),
	[NDIS_ADAPTER_SHUTDOWN] = NDIS_AS(HALTED) | NDIS_AS(SHUTDOWN),
};

/**
 * ndis_adapter_transition_ok() - whether the adapter state machine allows a move
 * @from: current state
 * @to: next state
 *
 * Return: true for the moves of the miniport adapter state machine.
 */
bool ndis_adapter_transition_ok(enum ndis_adapter_state from, enum ndis_adapter_state to)
{
	return from < ARRAY_SIZE(ndis_adapter_next) && to < BITS_PER_LONG &&
	       (ndis_adapter_next[from] & BIT(to));
}
EXPORT_SYMBOL_IF_KUNIT(ndis_adapter_transition_ok);

/*
 * Move @a to @to: the one writer of the adapter's state, under op.lock. An
 * illegal move is a framework bug, reported and refused.
 */
static void ndis_adapter_set_state(struct ndis_adapter *a, enum ndis_adapter_state to)
{
	lockdep_assert_held(&a->op.lock);
	if (!ndis_adapter_transition_ok(a->state, to)) {
		ndis_misuse("adapter state machine", "a legal state transition", _RET_IP_);
		return;
	}
	WRITE_ONCE(a->state, to);
	trace_ndis_adapter_state(a->name, ndis_adapter_state_name(to));
}

/* A restart's attribute list: one entry, the general attributes in its Data. */
union ndis_restart_list {
	NDIS_RESTART_ATTRIBUTES head;
	u8 raw[offsetof(NDIS_RESTART_ATTRIBUTES, Data) + sizeof(NDIS_RESTART_GENERAL_ATTRIBUTES)];
};

/* The general restart attributes, from the adapter's general attributes. */
static void ndis_adapter_restart_attrs(struct ndis_adapter *a, union ndis_restart_list *l)
{
	const NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES *g = &a->mp.attrs;
	NDIS_RESTART_GENERAL_ATTRIBUTES *r;

	memset(l, 0, sizeof(*l));
	r = (void *)(l->raw + offsetof(NDIS_RESTART_ATTRIBUTES, Data));
	l->head.Oid = OID_GEN_MINIPORT_RESTART_ATTRIBUTES;
	l->head.DataLength = sizeof(*r);
	ndis_object_header_init(&r->Header, NDIS_OBJECT_TYPE_RESTART_GENERAL_ATTRIBUTES,
				NDIS_RESTART_GENERAL_ATTRIBUTES_REVISION_2,
				NDIS_SIZEOF_RESTART_GENERAL_ATTRIBUTES_REVISION_2);
	r->MtuSize = g->MtuSize;
	r->MaxXmitLinkSpeed = g->MaxXmitLinkSpeed;
	r->MaxRcvLinkSpeed = g->MaxRcvLinkSpeed;
	r->LookaheadSize = g->LookaheadSize;
	r->MacOptions = g->MacOptions;
	r->SupportedPacketFilters = g->SupportedPacketFilters;
	r->MaxMulticastListSize = g->MaxMulticastListSize;
	r->AccessType = g->AccessType;
	r->ConnectionType = g->ConnectionType;
	r->SupportedStatistics = g->SupportedStatistics;
	r->DataBackFillSize = g->DataBackFillSize;
	r->ContextBackFillSize = g->ContextBackFillSize;
	r->SupportedOidList = a->mp.oids;
	r->SupportedOidListLength = g->SupportedOidListLength;
}

/* Paused -> Restarting -> Running, or back to Paused. op.lock held. */
static void ndis_adapter_restart(struct ndis_adapter *a)
{
	NDIS_MINIPORT_RESTART_PARAMETERS params = {};
	union ndis_restart_list attrs;
	NDIS_STATUS status;

	lockdep_assert_held(&a->op.lock);
	ndis_object_header_init(&params.Header, NDIS_OBJECT_TYPE_DEFAULT,
				NDIS_MINIPORT_RESTART_PARAMETERS_REVISION_1,
				NDIS_SIZEOF_MINIPORT_RESTART_PARAMETERS_REVISION_1);
	ndis_adapter_restart_attrs(a, &attrs);
	params.RestartAttributes = &attrs.head;
	ndis_adapter_set_state(a, NDIS_ADAPTER_RESTARTING);
	ndis_pend_arm(&a->pend.restart);
	status = a->driver->chars.RestartHandler(a->mp.context, &params);
	status = ndis_pend_settle(&a->pend.restart, status, a->name, a->driver->name,
				  (unsigned long)a->driver->chars.RestartHandler);
	ndis_adapter_set_state(a, status == NDIS_STATUS_SUCCESS ?
			       NDIS_ADAPTER_RUNNING : NDIS_ADAPTER_PAUSED);
}

/* Running -> Pausing -> Paused; a pause cannot fail. op.lock held. */
static void ndis_adapter_pause(struct ndis_adapter *a)
{
	NDIS_MINIPORT_PAUSE_PARAMETERS params = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_DEFAULT, 1, sizeof(params)),
	};
	NDIS_STATUS status;

	lockdep_assert_held(&a->op.lock);
	if (a->state != NDIS_ADAPTER_RUNNING)
		return;
	ndis_adapter_set_state(a, NDIS_ADAPTER_PAUSING);
	ndis_pend_arm(&a->pend.pause);
	status = a->driver->chars.PauseHandler(a->mp.context, &params);
	ndis_pend_settle(&a->pend.pause, status, a->name, a->driver->name,
			 (unsigned long)a->driver->chars.PauseHandler);
	/* Paused only with every indicated NBL back at the miniport. */
	ndis_rx_adapter_drain(a);
	ndis_adapter_set_state(a, NDIS_ADAPTER_PAUSED);
}

/* The bindings of @a, each with a reference, for work outside the lock. */
static int ndis_adapter_bindings(struct ndis_adapter *a, struct ndis_binding ***out)
{
	struct ndis_binding *b, **v;
	int n = 0;

	mutex_lock(&ndis_registry_lock);
	list_for_each_entry(b, &a->bindings, adapter_node)
		n++;
	v = kcalloc(max(n, 1), sizeof(*v), GFP_KERNEL | __GFP_NOFAIL);
	n = 0;
	list_for_each_entry(b, &a->bindings, adapter_node) {
		ndis_object_get(&b->obj);
		v[n++] = b;
	}
	mutex_unlock(&ndis_registry_lock);
	*out = v;
	return n;
}

/*
 * Drop what ndis_adapter_bindings() took. Only a teardown, which unbound
 * every binding itself, may also cancel their queued binds and unbinds:
 * anywhere else a cancelled unbind would leave the binding bound for good,
 * with every later NdisUnbindAdapter coalescing into the one cancelled.
 */
static void ndis_bindings_release(struct ndis_binding **v, int n, bool torn_down)
{
	while (n--) {
		if (torn_down)
			ndis_binding_cancel_work(v[n]);
		ndis_object_put(&v[n]->obj);
	}
	kfree(v);
}

/*
 * Unlink @a and drop the registry's reference. The sysfs directory goes
 * first, so the name is free again only once nothing carries it.
 */
static void ndis_adapter_release_registry(struct ndis_adapter *a)
{
	ndis_handle_unregister(&a->obj);
	ndis_if_unregister(a->if_index);
	ndis_sysfs_del(&a->obj);
	mutex_lock(&ndis_registry_lock);
	list_del_init(&a->node);
	list_del_init(&a->driver_node);
	mutex_unlock(&ndis_registry_lock);
	destroy_workqueue(a->op.wq);
	complete_all(&a->remove.done);
	ndis_object_put(&a->obj);
}

/* Claim the teardown of @a. Return: false if someone else has it already. */
static bool ndis_adapter_claim_removal(struct ndis_adapter *a)
{
	bool already;

	mutex_lock(&ndis_registry_lock);
	already = a->removing;
	a->removing = true;
	mutex_unlock(&ndis_registry_lock);
	return !already;
}

/* Wait until whoever tore @a down has finished. */
void ndis_adapter_wait_removed(struct ndis_adapter *a)
{
	ndis_watch_completion(&a->remove.done, a->name, a->driver->name, "its removal");
}

/*
 * Take an adapter down: bindings paused, miniport paused, every binding
 * unbound (and closed), miniport halted. Synchronous; PASSIVE_LEVEL, not
 * under any ndis lock. Return: 0, or -EALREADY if it was going already.
 */
int ndis_adapter_teardown(struct ndis_adapter *a, NDIS_HALT_ACTION action, bool surprise)
{
	NET_DEVICE_PNP_EVENT event = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_DEFAULT, 1, sizeof(event)),
		.DevicePnPEvent = NdisDevicePnPEventSurpriseRemoved,
	};
	struct ndis_binding **v;
	bool live;
	int i, n;

	if (!ndis_adapter_claim_removal(a))
		return -EALREADY;
	trace_ndis_adapter_remove(a->name, action);

	n = ndis_adapter_bindings(a, &v);
	ndis_adapter_lock(a);
	/* Halted: its initialisation failed. Shut down: nothing may be called. */
	live = a->state != NDIS_ADAPTER_HALTED && a->state != NDIS_ADAPTER_SHUTDOWN;
	/* PnP asks before it removes; a miniport that failed gets no say. */
	if (action == NdisHaltDeviceDisabled || surprise)
		for (i = 0; i < n; i++)
			if (!ndis_binding_query_remove(v[i]))
				pr_info("%s: protocol would rather keep the adapter; removing it anyway\n",
					v[i]->name);
	if (surprise && live)
		a->driver->chars.DevicePnPEventNotifyHandler(a->mp.context, &event);
	for (i = 0; i < n; i++)
		ndis_binding_pause(v[i]);
	if (live)
		ndis_adapter_pause(a);
	for (i = 0; i < n; i++)
		ndis_binding_finish(v[i]);
	/* No halt while a request of NDIS's own is at the miniport. */
	ndis_oid_adapter_quiesce(a);
	ndis_rx_adapter_drain(a);
	if (live)
		a->driver->chars.HaltHandlerEx(a->mp.context, action);
	ndis_adapter_set_state(a, NDIS_ADAPTER_HALTED);
	ndis_adapter_unlock(a);
	ndis_bindings_release(v, n, true);

	ndis_adapter_release_registry(a);
	return 0;
}

/*
 * Power-off: MiniportShutdownEx on a quiet adapter, once. The bindings and
 * the miniport pause first, so every send has completed and every
 * indicated NBL is back with the miniport, and OID requests are shut off:
 * after MiniportShutdownEx no miniport handler runs, and a miniport that
 * stopped indicating in its pause has nothing left out. A driver that
 * does not finish a step within ndis.shutdown_wait_s is left behind
 * (core/watch.c): the step is skipped, or the whole adapter if another
 * operation holds it. PASSIVE_LEVEL.
 */
void ndis_adapter_shutdown(struct ndis_adapter *a)
{
	struct ndis_watch w = { a->name, a->driver->name, "the operation that holds the adapter",
				0 };
	struct ndis_binding **v;
	int i, n;

	n = ndis_adapter_bindings(a, &v);
	ndis_watch_shutdown_begin();
	if (!ndis_watch_shutdown_lock(&a->op.lock, &w))
		goto out;
	a->op.task = current;
	if (a->state != NDIS_ADAPTER_HALTED && a->state != NDIS_ADAPTER_SHUTDOWN) {
		for (i = 0; i < n; i++)
			ndis_binding_pause(v[i]);
		ndis_adapter_pause(a);
		ndis_oid_adapter_quiesce(a);
		ndis_rx_adapter_drain(a);
		a->driver->chars.ShutdownHandlerEx(a->mp.context, NdisShutdownPowerOff);
	}
	ndis_adapter_set_state(a, NDIS_ADAPTER_SHUTDOWN);
	ndis_adapter_unlock(a);
out:
	ndis_watch_shutdown_end();
	ndis_bindings_release(v, n, false);
}

static void ndis_adapter_remove_work(struct work_struct *work)
{
	struct ndis_adapter *a = container_of(work, struct ndis_adapter, remove.work);

	ndis_adapter_teardown(a, NdisHaltDeviceFailed, false);
	ndis_object_put(&a->obj);
}

bool ndis_adapter_is_completion_work(struct work_struct *work)
{
	return work->func == ndis_adapter_remove_work;
}

static void ndis_adapter_free(struct ndis_adapter *a)
{
	ndis_handle_unregister(&a->obj);
	ndis_if_unregister(a->if_index);
	if (a->op.wq)
		destroy_workqueue(a->op.wq);
	ndis_object_put(&a->obj);
}

/* Offer @a to every protocol present. Return: false if it is going already. */
static bool ndis_adapter_publish(struct ndis_adapter *a)
{
	struct ndis_protocol *p;
	bool live;

	mutex_lock(&ndis_registry_lock);
	/* An NdisMRemoveMiniport already queued counts as going. */
	live = !a->removing && !READ_ONCE(a->remove.queued);
	if (live) {
		a->published = true;
		list_for_each_entry(p, &ndis_protocols, node)
			if (!p->deregistering && ndis_binding_create(a, p, false))
				pr_warn("no memory to bind %s to %s\n", p->name, a->name);
	}
	mutex_unlock(&ndis_registry_lock);
	return live;
}

/* In D0 again: restart the adapter and @v, then tell the protocols. op.lock held. */
static void ndis_adapter_run_awake(struct ndis_adapter *a, struct ndis_binding **v, int n)
{
	NDIS_DEVICE_POWER_STATE d0 = NdisDeviceStateD0;
	int i;

	lockdep_assert_held(&a->op.lock);
	ndis_adapter_restart(a);
	for (i = 0; i < n; i++)
		ndis_binding_restart(v[i]);
	for (i = 0; i < n; i++)
		ndis_binding_set_power(v[i], &d0);
}

/*
 * PnP start of an adapter of @d called @name: MiniportInitializeEx (given
 * @add_context), MiniportRestart, then the offer to every protocol. The
 * caller's reference on @d moves to the adapter. Return: what the
 * ndis_miniport_add_adapter() stand-in returns. PASSIVE.
 */
NDIS_STATUS ndis_adapter_add(struct ndis_miniport_driver *d, const char *name,
			     void *add_context, void **handle_out)
{
	NDIS_MINIPORT_INIT_PARAMETERS params = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_MINIPORT_INIT_PARAMETERS, 1,
						  sizeof(params)),
		.MiniportAddDeviceContext = add_context,
	};
	struct ndis_adapter *a;
	NDIS_STATUS status;
	ktime_t init_start;
	int index;

	a = kzalloc(sizeof(*a), GFP_KERNEL);
	if (!a) {
		ndis_object_put(&d->obj);
		return NDIS_STATUS_RESOURCES;
	}
	kobject_init(&a->obj.kobj, &ndis_adapter_ktype);
	strscpy(a->name, name, sizeof(a->name));
	a->driver = d;		/* the driver reference moves to the adapter */
	INIT_LIST_HEAD(&a->node);
	INIT_LIST_HEAD(&a->driver_node);
	INIT_LIST_HEAD(&a->bindings);
	mutex_init(&a->op.lock);
	ndis_pend_init(&a->pend.pause, NDIS_PEND_PAUSE);
	ndis_pend_init(&a->pend.restart, NDIS_PEND_RESTART);
	init_completion(&a->remove.done);
	init_completion(&a->power.done);
	a->power.state = NdisDeviceStateD0;
	a->power.target = NdisDeviceStateD0;
	ndis_oid_adapter_init(a);
	ndis_rx_adapter_init(a);
	spin_lock_init(&a->open.lock);
	seqlock_init(&a->mp.mac_lock);
	INIT_LIST_HEAD(&a->open.list);
	INIT_WORK(&a->remove.work, ndis_adapter_remove_work);
	a->op.wq = alloc_ordered_workqueue("ndis-%s", 0, a->name);
	/* The interface index is the object's: the release gives it back. */
	index = ndis_if_index_alloc();
	if (index > 0)
		a->if_index = index;
	if (!a->op.wq || index <= 0 || ndis_if_register(a->if_index) ||
	    ndis_handle_register(&a->obj, NDIS_HT_ADAPTER)) {
		ndis_adapter_free(a);
		return NDIS_STATUS_RESOURCES;
	}

	mutex_lock(&ndis_registry_lock);
	status = d->deregistering ? NDIS_STATUS_NOT_ACCEPTED :
		 ndis_adapter_find(name) ? NDIS_STATUS_RESOURCE_CONFLICT :
		 NDIS_STATUS_SUCCESS;
	if (status == NDIS_STATUS_SUCCESS) {
		list_add_tail(&a->node, &ndis_adapters);
		list_add_tail(&a->driver_node, &d->adapters);
	}
	mutex_unlock(&ndis_registry_lock);
	if (status != NDIS_STATUS_SUCCESS) {
		ndis_adapter_free(a);
		return status;
	}

	params.IfIndex = a->if_index;
	params.AdapterName = a->name;
	/* Ours until we return, whatever a concurrent teardown does. */
	ndis_object_get(&a->obj);
	trace_ndis_adapter_add(a->name, d->name);
	ndis_adapter_lock(a);
	ndis_adapter_set_state(a, NDIS_ADAPTER_INITIALIZING);
	init_start = ktime_get();
	status = d->chars.InitializeHandlerEx(ndis_handle_of(&a->obj, NDIS_HT_ADAPTER),
					      d->context, &params);
	a->mp.init_time_ms = (u32)ktime_ms_delta(ktime_get(), init_start);
	if (status == NDIS_STATUS_SUCCESS && (!a->mp.registration_set || !a->mp.general_set)) {
		ndis_misuse("MiniportInitializeEx", "registration and general attributes set",
			    (unsigned long)d->chars.InitializeHandlerEx);
		d->chars.HaltHandlerEx(a->mp.context, NdisHaltDeviceInitializationFailed);
		status = NDIS_STATUS_FAILURE;
	}
	if (status != NDIS_STATUS_SUCCESS) {
		ndis_adapter_set_state(a, NDIS_ADAPTER_HALTED);
		ndis_adapter_unlock(a);
		/* A teardown already under way releases it; else we do. */
		if (ndis_adapter_claim_removal(a))
			ndis_adapter_release_registry(a);
		ndis_object_put(&a->obj);
		return status == NDIS_STATUS_PENDING ? NDIS_STATUS_FAILURE : status;
	}
	ndis_adapter_set_state(a, NDIS_ADAPTER_PAUSED);
	ndis_adapter_restart(a);
	ndis_sysfs_add(&a->obj, a->name);
	ndis_adapter_unlock(a);

	/* Removed (NdisMRemoveMiniport, deregistration) while it started? */
	if (!ndis_adapter_publish(a)) {
		ndis_adapter_wait_removed(a);	/* halted and gone when we return */
		ndis_object_put(&a->obj);
		return NDIS_STATUS_ADAPTER_REMOVED;
	}
	*handle_out = ndis_handle_of(&a->obj, NDIS_HT_ADAPTER);
	ndis_object_put(&a->obj);
	return NDIS_STATUS_SUCCESS;
}

/*
 * NetEventQueryRemoveDevice to every bound protocol; if one refuses, those
 * asked get NetEventCancelRemoveDevice. Return: NDIS_STATUS_SUCCESS,
 * NDIS_STATUS_FAILURE (refused), NDIS_STATUS_ADAPTER_REMOVED. PASSIVE.
 */
NDIS_STATUS ndis_adapter_query_remove(struct ndis_adapter *a)
{
	NDIS_STATUS status = NDIS_STATUS_SUCCESS;
	struct ndis_binding **v;
	int i, n;

	n = ndis_adapter_bindings(a, &v);
	ndis_adapter_lock(a);
	if (a->removing) {
		status = NDIS_STATUS_ADAPTER_REMOVED;
	} else {
		for (i = 0; i < n; i++)
			if (!ndis_binding_query_remove(v[i]))
				status = NDIS_STATUS_FAILURE;
		if (status != NDIS_STATUS_SUCCESS)
			for (i = 0; i < n; i++)
				ndis_binding_cancel_remove(v[i]);
	}
	ndis_adapter_unlock(a);
	ndis_bindings_release(v, n, false);
	return status;
}

/*
 * Move @a to device power state @state (a valid one): see
 * ndis_miniport_set_power(). Return: its status. PASSIVE.
 */
NDIS_STATUS ndis_adapter_set_power(struct ndis_adapter *a, NDIS_DEVICE_POWER_STATE state)
{
	NDIS_STATUS status = NDIS_STATUS_SUCCESS;
	NDIS_DEVICE_POWER_STATE event;
	struct ndis_binding **v;
	int i, n;

	/* Taken under the lock: a binding made while asleep must be woken too. */
	ndis_adapter_lock(a);
	n = ndis_adapter_bindings(a, &v);
	event = state;
	if (a->removing) {
		status = NDIS_STATUS_ADAPTER_REMOVED;
	} else if (a->state == NDIS_ADAPTER_SHUTDOWN) {
		status = NDIS_STATUS_ADAPTER_NOT_READY;	/* its OIDs are off for good */
	} else if (state == a->power.state) {
		/* nothing to do */
	} else if (state != NdisDeviceStateD0) {
		for (i = 0; i < n; i++)
			ndis_binding_set_power(v[i], &event);
		for (i = 0; i < n; i++)
			ndis_binding_pause(v[i]);
		ndis_adapter_pause(a);
		status = ndis_oid_set_power(a, state);
		if (status == NDIS_STATUS_SUCCESS)
			WRITE_ONCE(a->power.state, state);
		else	/* still in D0: never leave it paused for good */
			ndis_adapter_run_awake(a, v, n);
	} else {
		status = ndis_oid_set_power(a, state);
		if (status == NDIS_STATUS_SUCCESS) {
			WRITE_ONCE(a->power.state, state);
			ndis_adapter_run_awake(a, v, n);
		}
	}
	ndis_adapter_unlock(a);
	ndis_bindings_release(v, n, false);
	return status;
}

/*
 * PnP removal: tear @a down, or wait for the teardown under way. Return:
 * -EALREADY if another teardown had it. PASSIVE.
 */
int ndis_adapter_remove(struct ndis_adapter *a, NDIS_HALT_ACTION action, bool surprise)
{
	int ret = ndis_adapter_teardown(a, action, surprise);

	if (ret)
		ndis_adapter_wait_removed(a);	/* someone else's teardown */
	return ret;
}

/*
 * Queue the removal a miniport asked for (NdisMRemoveMiniport), once. The
 * work takes over the caller's reference. Return: false if it was queued
 * already, and the caller keeps its reference.
 */
bool ndis_adapter_queue_remove(struct ndis_adapter *a)
{
	return !xchg(&a->remove.queued, true) && queue_work(ndis_complete_wq, &a->remove.work);
}

/* Whether the caller is the adapter's MiniportInitializeEx. */
bool ndis_adapter_initializing_here(struct ndis_adapter *a)
{
	return a->state == NDIS_ADAPTER_INITIALIZING && a->op.task == current;
}

/* MiniportInitializeEx gave its context (registration attributes). */
void ndis_adapter_set_registration(struct ndis_adapter *a, void *context)
{
	a->mp.context = context;
	a->mp.registration_set = true;
}

/*
 * MiniportInitializeEx described the adapter (general attributes, checked
 * by the caller): keep a copy, and of its OID list. Return: 0 or -ENOMEM.
 */
int ndis_adapter_set_general(struct ndis_adapter *a,
			     const NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES *g)
{
	kfree(a->mp.oids);
	a->mp.oids = NULL;
	if (g->SupportedOidListLength) {
		a->mp.oids = kmemdup(g->SupportedOidList, g->SupportedOidListLength, GFP_KERNEL);
		if (!a->mp.oids)
			return -ENOMEM;
	}
	a->mp.attrs = *g;
	a->mp.attrs.SupportedOidList = a->mp.oids;
	/* The driver's, valid during the call only: not kept. */
	a->mp.attrs.PowerManagementCapabilities = NULL;
	a->mp.attrs.RecvScaleCapabilities = NULL;
	a->mp.attrs.PowerManagementCapabilitiesEx = NULL;
	a->mp.general_set = true;
	return 0;
}

/* After a grace period: RCU readers may still look at the attributes. */
static void ndis_adapter_free_rcu(struct rcu_head *rcu)
{
	struct ndis_adapter *a = container_of(rcu, struct ndis_adapter, obj.rcu);

	kfree(a->mp.oids);
	kfree(a);
}

/* The adapter's kobject release, from any context: nothing may sleep. */
void ndis_adapter_release(struct kobject *kobj)
{
	struct ndis_adapter *a = container_of(ndis_kobj_to_object(kobj), struct ndis_adapter, obj);

	ndis_if_index_free(a->if_index);
	ndis_object_put(&a->driver->obj);
	call_rcu(&a->obj.rcu, ndis_adapter_free_rcu);
}
