// SPDX-License-Identifier: GPL-2.0
/*
 * The binding engine: one binding per protocol x adapter pair, and the NDIS
 * 6 binding state machine it follows.
 *
 *   Unbound -> Opening -> Paused <-> Restarting -> Running -> Pausing
 *                 |         |                                  |
 *                 v         v                                  v
 *              Unbound   Closing -> Unbound                  Paused
 *
 * Every operation that calls the protocol (bind, pause, restart, unbind)
 * runs with the adapter's op.lock held, from the adapter's ordered
 * workqueue or from a synchronous teardown, so operations on one adapter
 * never overlap and the protocol sees them in order. Completions that may
 * come from any context (bind, unbind, PnP) only record a status and
 * complete(); the operation waiting on them holds op.lock, never the
 * completer. The pending flags are armed before the protocol is called, so
 * a completion that runs before the PENDING return is seen is accepted.
 */
#include <linux/moduleparam.h>
#include <linux/netdevice.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "adapter.h"
#include "binding.h"
#include "datapath.h"
#include "ddi/sharedmem.h"
#include "ddi/text.h"
#include "gate.h"
#include "handle.h"
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
#include "totals.h"
#include "trace.h"
#include "watch.h"

/*
 * Fault injection for protocol authors: make NdisOpenAdapterEx and
 * NdisCloseAdapterEx pend, so a protocol's pending paths get exercised.
 */
enum ndis_pend_mode {
	NDIS_PEND_NEVER,
	NDIS_PEND_ALWAYS,
	NDIS_PEND_COMPLETE_FIRST,	/* completion runs before PENDING returns */
};

static struct kmem_cache *ndis_binding_cache;

static int ndis_pend_opens;
module_param_named(pend_opens, ndis_pend_opens, int, 0644);
MODULE_PARM_DESC(pend_opens,
		 "Make NdisOpenAdapterEx pend: 0 never, 1 always, 2 completing before it returns");

static int ndis_pend_closes;
module_param_named(pend_closes, ndis_pend_closes, int, 0644);
MODULE_PARM_DESC(pend_closes,
		 "Make NdisCloseAdapterEx pend: 0 never, 1 always, 2 completing before it returns");

void ndis_binding_set_pend(int opens, int closes)
{
	WRITE_ONCE(ndis_pend_opens, opens);
	WRITE_ONCE(ndis_pend_closes, closes);
}

#define NDIS_BS(s)	BIT(NDIS_BINDING_##s)

/* The states each state may move to. */
static const unsigned long ndis_binding_next[] = {
	[NDIS_BINDING_UNBOUND] = NDIS_BS(OPENING),
	[NDIS_BINDING_OPENING] = NDIS_BS(PAUSED) | NDIS_BS(UNBOUND),
	[NDIS_BINDING_PAUSED] = NDIS_BS(RESTARTING) | NDIS_BS(CLOSING),
	[NDIS_BINDING_RESTARTING] = NDIS_BS(RUNNING) | NDIS_BS(PAUSED),
	[NDIS_BINDING_RUNNING] = NDIS_BS(PAUSING),
	[NDIS_BINDING_PAUSING] = NDIS_BS(PAUSED),
	[NDIS_BINDING_CLOSING] = NDIS_BS(UNBOUND),
};

static const char *const ndis_binding_states[] = {
	[NDIS_BINDING_UNBOUND] = "unbound",
	[NDIS_BINDING_OPENING] = "opening",
	[NDIS_BINDING_PAUSED] = "paused",
	[NDIS_BINDING_RESTARTING] = "restarting",
	[NDIS_BINDING_RUNNING] = "running",
	[NDIS_BINDING_PAUSING] = "pausing",
	[NDIS_BINDING_CLOSING] = "closing",
};

const char *ndis_binding_state_name(enum ndis_binding_state state)
{
	return state < ARRAY_SIZE(ndis_binding_states) ? ndis_binding_states[state] : "?";
}

/**
 * ndis_binding_transition_ok() - whether the state machine allows a move
 * @from: current state
 * @to: next state
 *
 * Return: true for the moves of the NDIS 6 binding state machine.
 */
bool ndis_binding_transition_ok(enum ndis_binding_state from, enum ndis_binding_state to)
{
	return from < ARRAY_SIZE(ndis_binding_next) && to < BITS_PER_LONG &&
	       (ndis_binding_next[from] & BIT(to));
}
EXPORT_SYMBOL_IF_KUNIT(ndis_binding_transition_ok);

/*
 * The one writer of a binding's state, under b->lock. A move the table
 * does not allow is a framework bug, reported and refused; the end of a
 * binding's life (@end) is reached from any state and is not a move.
 */
static bool ndis_binding_move_locked(struct ndis_binding *b, enum ndis_binding_state to,
				     bool end)
{
	lockdep_assert_held(&b->lock);
	if (!end && !ndis_binding_transition_ok(b->state, to))
		return false;
	b->state = to;
	return true;
}

/* Move @b to @to through the table. */
static bool ndis_binding_set_state(struct ndis_binding *b, enum ndis_binding_state to)
{
	unsigned long flags;
	bool ok;

	spin_lock_irqsave(&b->lock, flags);
	ok = ndis_binding_move_locked(b, to, false);
	spin_unlock_irqrestore(&b->lock, flags);
	if (!ok)
		ndis_misuse("binding state machine", "a legal state transition", _RET_IP_);
	else
		trace_ndis_binding_state(b->name, ndis_binding_state_name(to));
	return ok;
}

static void *ndis_binding_handle(struct ndis_binding *b, enum ndis_handle_type t)
{
	return ndis_handle_of(&b->obj, t);
}

/* Add @n to one of @b's per-CPU counters. Any context. */
void ndis_binding_count(struct ndis_binding *b, enum ndis_binding_stat which, unsigned int n)
{
	struct ndis_binding_stats *stats = get_cpu_ptr(b->stats);
	unsigned long flags;

	flags = u64_stats_update_begin_irqsave(&stats->syncp);
	u64_stats_add(&stats->n[which], n);
	u64_stats_update_end_irqrestore(&stats->syncp, flags);
	put_cpu_ptr(b->stats);
}

/*
 * The upcall gate: status and receive indications reach a binding from the
 * moment its open completes until its close. A caller enters (count up,
 * then check the gate) before calling the protocol; the close shuts the
 * gate and waits for the count to drain, so nothing reaches the protocol
 * after NdisCloseAdapterEx returns or its completion runs.
 */
static void ndis_binding_open_upcalls(struct ndis_binding *b)
{
	struct ndis_adapter *a = b->adapter;

	ndis_rx_open(b);
	WRITE_ONCE(b->gate.upcalls_open, true);
	ndis_oid_open(b);
	spin_lock_bh(&a->open.lock);
	list_add_tail_rcu(&b->open_node, &a->open.list);
	spin_unlock_bh(&a->open.lock);
}

static void ndis_binding_close_upcalls(struct ndis_binding *b)
{
	struct ndis_adapter *a = b->adapter;

	if (!READ_ONCE(b->gate.upcalls_open))
		return;
	ndis_gate_shut(&b->gate.upcalls_open);
	spin_lock_bh(&a->open.lock);
	list_del_rcu(&b->open_node);
	spin_unlock_bh(&a->open.lock);
	ndis_watch_event(b->gate.drain_wq, !atomic_read(&b->gate.upcalls), b->name,
			 b->protocol->name, "its receive and status handlers");
	ndis_rx_close(b);
}

bool ndis_binding_upcall_enter(struct ndis_binding *b)
{
	if (ndis_gate_enter(&b->gate.upcalls, &b->gate.upcalls_open, 1))
		return true;
	ndis_binding_upcall_exit(b);
	return false;
}

void ndis_binding_upcall_exit(struct ndis_binding *b)
{
	ndis_gate_exit(&b->gate.upcalls, 1, &b->gate.drain_wq);
}

/*
 * The handle is dead (handle_live false): wait out the senders and
 * cancellers that got in before. They recheck handle_live after counting
 * themselves, so none starts after this.
 */
static void ndis_binding_drain_sends(struct ndis_binding *b)
{
	smp_mb();	/* handle_live false, then read sends_out: see gate.h */
	ndis_watch_event(b->gate.drain_wq, !atomic_read(&b->gate.sends_out), b->name,
			 b->adapter->driver->name, "sends (NdisMSendNetBufferListsComplete)");
}

/*
 * The close's last step: senders on the dead handle got NDIS_STATUS_CLOSING
 * completions until now; from here the protocol's context may go, so they
 * are only reported. Waits for the completions already under way, which
 * looked at sends_shut under the lock before it was set.
 */
static void ndis_binding_shut_sends(struct ndis_binding *b)
{
	unsigned long flags;

	spin_lock_irqsave(&b->lock, flags);
	b->sends_shut = true;
	spin_unlock_irqrestore(&b->lock, flags);
	ndis_binding_drain_sends(b);
}

static void ndis_bind_work(struct work_struct *work);
static void ndis_unbind_work(struct work_struct *work);
static void ndis_open_complete_work(struct work_struct *work);
static void ndis_close_complete_work(struct work_struct *work);

/*
 * Create the binding of @protocol to @adapter and queue its bind on the
 * adapter's workqueue. The caller holds ndis_registry_lock and has checked
 * that neither side is going away and that the pair has no binding yet.
 */
int ndis_binding_create(struct ndis_adapter *adapter, struct ndis_protocol *protocol,
			bool initial)
{
	struct ndis_binding *b;
	int ret;

	lockdep_assert_held(&ndis_registry_lock);
	b = kmem_cache_zalloc(ndis_binding_cache, GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	kobject_init(&b->obj.kobj, &ndis_binding_ktype);
	ndis_total_inc(NDIS_TOTAL_BINDINGS_MADE);	/* its release counts the free */
	snprintf(b->name, sizeof(b->name), "%s:%s", protocol->name, adapter->name);
	spin_lock_init(&b->lock);	/* zeroed: NDIS_BINDING_UNBOUND */
	b->initial = initial;
	b->adapter = adapter;
	ndis_object_get(&adapter->obj);
	b->protocol = protocol;
	ndis_object_get(&protocol->obj);
	INIT_LIST_HEAD(&b->adapter_node);
	INIT_LIST_HEAD(&b->protocol_node);
	init_waitqueue_head(&b->gate.drain_wq);
	b->stats = netdev_alloc_pcpu_stats(struct ndis_binding_stats);
	ret = b->stats ? ndis_handle_register(&b->obj, NDIS_HT_BINDING) : -ENOMEM;
	if (ret) {
		kobject_put(&b->obj.kobj);	/* the release drops both references */
		return ret;
	}
	INIT_WORK(&b->handler.bind_work, ndis_bind_work);
	INIT_WORK(&b->handler.unbind_work, ndis_unbind_work);
	INIT_WORK(&b->open.complete_work, ndis_open_complete_work);
	INIT_WORK(&b->open.close_complete_work, ndis_close_complete_work);
	ndis_pend_init(&b->pend.bind, NDIS_PEND_BIND);
	ndis_pend_init(&b->pend.unbind, NDIS_PEND_UNBIND);
	ndis_pend_init(&b->pend.pnp, NDIS_PEND_PNP);
	list_add_tail(&b->adapter_node, &adapter->bindings);
	list_add_tail(&b->protocol_node, &protocol->bindings);
	/* A bad sysfs name only costs the directory, never the binding. */
	ndis_sysfs_add(&b->obj, b->name);

	/* The lists own the first reference; the queued bind owns this one. */
	ndis_object_get(&b->obj);
	queue_work(adapter->op.wq, &b->handler.bind_work);
	return 0;
}

/* End of a binding's life: no handle, no list, no sysfs. op.lock held. */
static void ndis_binding_destroy(struct ndis_binding *b)
{
	unsigned long flags;

	lockdep_assert_held(&b->adapter->op.lock);
	spin_lock_irqsave(&b->lock, flags);
	b->handle_live = false;
	b->bind_ctx_live = false;
	b->unbind_ctx_live = false;
	b->unbind_queued = true;
	ndis_binding_move_locked(b, NDIS_BINDING_UNBOUND, true);
	spin_unlock_irqrestore(&b->lock, flags);
	/* Normally gone with the close; not if a state violation skipped it. */
	ndis_shmem_provider_close(b);
	trace_ndis_binding_state(b->name, "destroyed");

	if (b->initial) {
		b->initial = false;
		ndis_protocol_initial_bind_done(b->protocol);
	}
	ndis_handle_unregister(&b->obj);
	ndis_sysfs_del(&b->obj);
	mutex_lock(&ndis_registry_lock);
	list_del_init(&b->adapter_node);
	list_del_init(&b->protocol_node);
	mutex_unlock(&ndis_registry_lock);
	ndis_object_put(&b->obj);
}

static bool ndis_binding_destroyed(struct ndis_binding *b)
{
	return list_empty(&b->adapter_node);
}

/* The interface type a medium gives, for bind and restart parameters. */
static NET_IFTYPE ndis_medium_if_type(NDIS_MEDIUM medium)
{
	switch (medium) {
	case NdisMedium802_3:
		return IF_TYPE_ETHERNET_CSMACD;
	case NdisMediumNative802_11:
		return IF_TYPE_IEEE80211;
	default:
		return IF_TYPE_OTHER;
	}
}

/*
 * Deliver a PnP event to the binding's protocol and wait for it, pended
 * or not. op.lock held.
 */
static NDIS_STATUS ndis_binding_pnp(struct ndis_binding *b, NET_PNP_EVENT_CODE code,
				    void *buffer, u32 length)
{
	NDIS_STATUS status;

	lockdep_assert_held(&b->adapter->op.lock);
	memset(&b->pend.pnp_event, 0, sizeof(b->pend.pnp_event));
	ndis_object_header_init(&b->pend.pnp_event.Header, NDIS_OBJECT_TYPE_DEFAULT,
				NET_PNP_EVENT_NOTIFICATION_REVISION_1, sizeof(b->pend.pnp_event));
	b->pend.pnp_event.NetPnPEvent.NetEvent = code;
	b->pend.pnp_event.NetPnPEvent.Buffer = buffer;
	b->pend.pnp_event.NetPnPEvent.BufferLength = length;
	ndis_pend_arm(&b->pend.pnp);

	status = b->protocol->chars.NetPnPEventHandler(b->protocol_ctx, &b->pend.pnp_event);
	return ndis_pend_settle(&b->pend.pnp, status, b->name, b->protocol->name,
				(unsigned long)b->protocol->chars.NetPnPEventHandler);
}

/*
 * Removal is coming: NetEventQueryRemoveDevice. op.lock held.
 * Return: false if the binding was asked and refused; true otherwise.
 */
bool ndis_binding_query_remove(struct ndis_binding *b)
{
	lockdep_assert_held(&b->adapter->op.lock);
	if (b->state != NDIS_BINDING_RUNNING && b->state != NDIS_BINDING_PAUSED)
		return true;
	return ndis_binding_pnp(b, NetEventQueryRemoveDevice, NULL, 0) == NDIS_STATUS_SUCCESS;
}

/* A power transition: NetEventSetPower with the new state. op.lock held. */
void ndis_binding_set_power(struct ndis_binding *b, NDIS_DEVICE_POWER_STATE *state)
{
	lockdep_assert_held(&b->adapter->op.lock);
	if (b->state == NDIS_BINDING_RUNNING || b->state == NDIS_BINDING_PAUSED)
		ndis_binding_pnp(b, NetEventSetPower, state, sizeof(*state));
}

/* The removal asked about will not happen: NetEventCancelRemoveDevice. */
void ndis_binding_cancel_remove(struct ndis_binding *b)
{
	lockdep_assert_held(&b->adapter->op.lock);
	if (b->state == NDIS_BINDING_RUNNING || b->state == NDIS_BINDING_PAUSED)
		ndis_binding_pnp(b, NetEventCancelRemoveDevice, NULL, 0);
}

/* Running -> Pausing -> Paused. A pause cannot fail. op.lock held. */
void ndis_binding_pause(struct ndis_binding *b)
{
	NDIS_STATUS status;

	lockdep_assert_held(&b->adapter->op.lock);
	if (b->state != NDIS_BINDING_RUNNING || !ndis_binding_set_state(b, NDIS_BINDING_PAUSING))
		return;
	trace_ndis_pause(b->name);
	memset(&b->pend.pause_params, 0, sizeof(b->pend.pause_params));
	ndis_object_header_init(&b->pend.pause_params.Header, NDIS_OBJECT_TYPE_DEFAULT,
				NDIS_PROTOCOL_PAUSE_PARAMETERS_REVISION_1,
				sizeof(b->pend.pause_params));
	status = ndis_binding_pnp(b, NetEventPause, &b->pend.pause_params,
				  sizeof(b->pend.pause_params));
	if (status != NDIS_STATUS_SUCCESS)
		ndis_misuse("ProtocolNetPnPEvent", "NetEventPause to succeed",
			    (unsigned long)b->protocol->chars.NetPnPEventHandler);
	/* Paused only once every send the binding made has come back. */
	smp_mb();	/* state Pausing, then read sends_out: pairs with the sender */
	ndis_watch_event(b->gate.drain_wq, !atomic_read(&b->gate.sends_out), b->name,
			 b->adapter->driver->name, "sends (NdisMSendNetBufferListsComplete)");
	/* ... and no indication that saw it running is still under way. */
	ndis_watch_event(b->gate.drain_wq, !atomic_read(&b->gate.upcalls), b->name,
			 b->protocol->name, "its receive and status handlers");
	ndis_binding_set_state(b, NDIS_BINDING_PAUSED);
}

/* Paused -> Restarting -> Running, or back to Paused on failure. op.lock held. */
void ndis_binding_restart(struct ndis_binding *b)
{
	NDIS_STATUS status;

	lockdep_assert_held(&b->adapter->op.lock);
	if (b->state != NDIS_BINDING_PAUSED ||
	    b->adapter->state != NDIS_ADAPTER_RUNNING ||
	    !ndis_binding_set_state(b, NDIS_BINDING_RESTARTING))
		return;
	trace_ndis_restart(b->name);
	memset(&b->pend.restart_params, 0, sizeof(b->pend.restart_params));
	ndis_object_header_init(&b->pend.restart_params.Header,
				NDIS_OBJECT_TYPE_PROTOCOL_RESTART_PARAMETERS,
				NDIS_PROTOCOL_RESTART_PARAMETERS_REVISION_1,
				NDIS_SIZEOF_PROTOCOL_RESTART_PARAMETERS_REVISION_1);
	b->pend.restart_params.BoundIfIndex = b->adapter->if_index;
	b->pend.restart_params.BoundIfNetluid.Info.IfType =
		ndis_medium_if_type(b->adapter->mp.attrs.MediaType);
	status = ndis_binding_pnp(b, NetEventRestart, &b->pend.restart_params,
				  sizeof(b->pend.restart_params));
	ndis_binding_set_state(b, status == NDIS_STATUS_SUCCESS ?
			       NDIS_BINDING_RUNNING : NDIS_BINDING_PAUSED);
}

/* Close on the protocol's behalf when it failed to; no callbacks. */
static void ndis_binding_force_close(struct ndis_binding *b)
{
	unsigned long flags;

	spin_lock_irqsave(&b->lock, flags);
	b->handle_live = false;
	b->closed = true;
	spin_unlock_irqrestore(&b->lock, flags);
	ndis_binding_drain_sends(b);
	ndis_oid_close(b);
	ndis_binding_close_upcalls(b);
	ndis_shmem_provider_close(b);
	ndis_binding_shut_sends(b);
	trace_ndis_close(b->name, "forced");
}

/* What a bind's parameters point to: lives on the bind's stack. */
struct ndis_bind_strings {
	NDIS_STRING adapter;
	NDIS_STRING section;
	WCHAR adapter_buf[NDIS_NAME_MAX];
	WCHAR section_buf[2 * NDIS_NAME_MAX];
};

static void ndis_binding_fill_bind_params(struct ndis_binding *b, PNDIS_BIND_PARAMETERS p,
					  struct ndis_bind_strings *str)
{
	const NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES *a = &b->adapter->mp.attrs;
	char section[2 * NDIS_NAME_MAX];
	bool lan = a->MediaType == NdisMedium802_3 || a->MediaType == NdisMediumNative802_11;

	memset(p, 0, sizeof(*p));
	ndis_object_header_init(&p->Header, NDIS_OBJECT_TYPE_BIND_PARAMETERS,
				NDIS_BIND_PARAMETERS_REVISION_4,
				NDIS_SIZEOF_BIND_PARAMETERS_REVISION_4);
	ndis_name_to_utf16(b->adapter->name, str->adapter_buf, &str->adapter);
	snprintf(section, sizeof(section), "%s/%s", b->protocol->name, b->adapter->name);
	ndis_name_to_utf16(section, str->section_buf, &str->section);
	p->ProtocolSection = &str->section;
	p->AdapterName = &str->adapter;
	p->MediaType = a->MediaType;
	p->MtuSize = a->MtuSize;
	p->MaxXmitLinkSpeed = a->MaxXmitLinkSpeed;
	p->XmitLinkSpeed = a->XmitLinkSpeed;
	p->MaxRcvLinkSpeed = a->MaxRcvLinkSpeed;
	p->RcvLinkSpeed = a->RcvLinkSpeed;
	p->MediaConnectState = a->MediaConnectState;
	p->MediaDuplexState = a->MediaDuplexState;
	p->LookaheadSize = a->LookaheadSize;
	p->SupportedPacketFilters = a->SupportedPacketFilters;
	p->MaxMulticastListSize = a->MaxMulticastListSize;
	p->MacAddressLength = a->MacAddressLength;
	ndis_adapter_current_mac(b->adapter, p->CurrentMacAddress, sizeof(p->CurrentMacAddress));
	p->PhysicalMediumType = NdisPhysicalMediumUnspecified;
	p->IfType = ndis_medium_if_type(a->MediaType);
	p->BoundIfNetluid.Info.IfType = p->IfType;
	p->BoundIfIndex = b->adapter->if_index;
	p->LowestIfNetluid = p->BoundIfNetluid;
	p->LowestIfIndex = p->BoundIfIndex;
	p->AccessType = lan ? NET_IF_ACCESS_BROADCAST : 0;
	p->DirectionType = NET_IF_DIRECTION_SENDRECEIVE;
	p->ConnectionType = lan ? NET_IF_CONNECTION_DEDICATED : 0;
	p->IfConnectorPresent = FALSE;
	p->MacOptions = a->MacOptions;
	p->CompartmentId = NET_IF_COMPARTMENT_ID_PRIMARY;
	p->BoundAdapterName = &str->adapter;
}

/* Offer the adapter to the protocol: ProtocolBindAdapterEx. op.lock held. */
static void ndis_binding_bind(struct ndis_binding *b)
{
	struct ndis_protocol *p = b->protocol;
	struct ndis_adapter *a = b->adapter;
	struct ndis_bind_strings strings;
	NDIS_BIND_PARAMETERS params;
	unsigned long flags;
	NDIS_STATUS status;
	bool gone;

	lockdep_assert_held(&b->adapter->op.lock);
	mutex_lock(&ndis_registry_lock);
	gone = a->removing || p->deregistering;
	mutex_unlock(&ndis_registry_lock);
	if (ndis_binding_destroyed(b) || b->state != NDIS_BINDING_UNBOUND)
		return;
	if (gone || (a->state != NDIS_ADAPTER_PAUSED && a->state != NDIS_ADAPTER_RUNNING)) {
		ndis_binding_destroy(b);
		return;
	}

	ndis_binding_set_state(b, NDIS_BINDING_OPENING);
	ndis_binding_fill_bind_params(b, &params, &strings);
	spin_lock_irqsave(&b->lock, flags);
	b->bind_ctx_live = true;
	b->handler.task = current;
	b->handler.bind_params = &params;
	spin_unlock_irqrestore(&b->lock, flags);
	ndis_pend_arm(&b->pend.bind);
	trace_ndis_bind(b->name);

	status = p->chars.BindAdapterHandlerEx(p->context,
					       ndis_binding_handle(b, NDIS_HT_BIND_CONTEXT),
					       &params);

	spin_lock_irqsave(&b->lock, flags);
	b->handler.task = NULL;
	spin_unlock_irqrestore(&b->lock, flags);
	status = ndis_pend_settle(&b->pend.bind, status, b->name, p->name,
				  (unsigned long)p->chars.BindAdapterHandlerEx);
	spin_lock_irqsave(&b->lock, flags);
	b->bind_ctx_live = false;
	b->handler.bind_params = NULL;
	spin_unlock_irqrestore(&b->lock, flags);
	/* A pended open's completion must have run before we judge the bind. */
	flush_work(&b->open.complete_work);

	if (status == NDIS_STATUS_SUCCESS && !b->opened) {
		ndis_misuse("ProtocolBindAdapterEx", "NdisOpenAdapterEx before succeeding",
			    (unsigned long)p->chars.BindAdapterHandlerEx);
		status = NDIS_STATUS_FAILURE;
	}
	if (status != NDIS_STATUS_SUCCESS) {
		if (b->opened && !b->closed) {
			ndis_misuse("ProtocolBindAdapterEx",
				    "NdisCloseAdapterEx before failing an opened bind",
				    (unsigned long)p->chars.BindAdapterHandlerEx);
			ndis_binding_force_close(b);
		}
		flush_work(&b->open.close_complete_work);
		trace_ndis_bind_result(b->name, status);
		ndis_binding_set_state(b, NDIS_BINDING_UNBOUND);
		ndis_binding_destroy(b);
		return;
	}
	trace_ndis_bind_result(b->name, status);
	ndis_binding_set_state(b, NDIS_BINDING_PAUSED);
	if (b->initial) {
		b->initial = false;
		ndis_protocol_initial_bind_done(p);
	}
	ndis_binding_restart(b);
}

/*
 * Pause (if running), ProtocolUnbindAdapterEx, wait for the close, then
 * destroy. Exactly once per binding, whoever asked. op.lock held.
 */
static void ndis_binding_unbind(struct ndis_binding *b)
{
	struct ndis_protocol *p = b->protocol;
	unsigned long flags;
	NDIS_STATUS status;

	lockdep_assert_held(&b->adapter->op.lock);
	ndis_binding_pause(b);
	if (!ndis_binding_set_state(b, NDIS_BINDING_CLOSING)) {
		ndis_binding_destroy(b);	/* reported; never leave it half-bound */
		return;
	}
	spin_lock_irqsave(&b->lock, flags);
	b->unbind_ctx_live = true;
	b->handler.task = current;
	spin_unlock_irqrestore(&b->lock, flags);
	ndis_pend_arm(&b->pend.unbind);
	trace_ndis_unbind(b->name);

	status = p->chars.UnbindAdapterHandlerEx(ndis_binding_handle(b, NDIS_HT_UNBIND_CONTEXT),
						 b->protocol_ctx);

	spin_lock_irqsave(&b->lock, flags);
	b->handler.task = NULL;
	spin_unlock_irqrestore(&b->lock, flags);
	status = ndis_pend_settle(&b->pend.unbind, status, b->name, p->name,
				  (unsigned long)p->chars.UnbindAdapterHandlerEx);
	if (status != NDIS_STATUS_SUCCESS)
		ndis_misuse("ProtocolUnbindAdapterEx", "success: an unbind cannot fail",
			    (unsigned long)p->chars.UnbindAdapterHandlerEx);
	spin_lock_irqsave(&b->lock, flags);
	b->unbind_ctx_live = false;
	spin_unlock_irqrestore(&b->lock, flags);
	if (!b->closed) {
		ndis_misuse("ProtocolUnbindAdapterEx", "NdisCloseAdapterEx of the binding",
			    (unsigned long)p->chars.UnbindAdapterHandlerEx);
		ndis_binding_force_close(b);
	}
	flush_work(&b->open.close_complete_work);
	ndis_binding_set_state(b, NDIS_BINDING_UNBOUND);
	ndis_binding_destroy(b);
}

/* Teardown's part: unbind a bound binding, drop one never bound. op.lock held. */
void ndis_binding_finish(struct ndis_binding *b)
{
	unsigned long flags;

	lockdep_assert_held(&b->adapter->op.lock);
	spin_lock_irqsave(&b->lock, flags);
	b->unbind_queued = true;	/* NdisUnbindAdapter now coalesces */
	spin_unlock_irqrestore(&b->lock, flags);
	if (ndis_binding_destroyed(b))
		return;
	if (b->state == NDIS_BINDING_UNBOUND)
		ndis_binding_destroy(b);
	else
		ndis_binding_unbind(b);
}

/* Drop the references held by bind or unbind work that will now not run. */
void ndis_binding_cancel_work(struct ndis_binding *b)
{
	if (cancel_work_sync(&b->handler.bind_work)) {
		if (b->initial) {
			b->initial = false;
			ndis_protocol_initial_bind_done(b->protocol);
		}
		ndis_object_put(&b->obj);
	}
	if (cancel_work_sync(&b->handler.unbind_work))
		ndis_object_put(&b->obj);
}

static void ndis_bind_work(struct work_struct *work)
{
	struct ndis_binding *b = container_of(work, struct ndis_binding, handler.bind_work);

	ndis_adapter_lock(b->adapter);
	ndis_binding_bind(b);
	ndis_adapter_unlock(b->adapter);
	ndis_object_put(&b->obj);
}

static void ndis_unbind_work(struct work_struct *work)
{
	struct ndis_binding *b = container_of(work, struct ndis_binding, handler.unbind_work);

	ndis_adapter_lock(b->adapter);
	if (!ndis_binding_destroyed(b))
		ndis_binding_unbind(b);
	ndis_adapter_unlock(b->adapter);
	ndis_object_put(&b->obj);
}

/*
 * Queue the unbind of @b unless one is queued or done already. Takes a
 * reference for the work. Any context; never sleeps.
 * Return: 1 if queued here, 0 if coalesced.
 */
int ndis_binding_request_unbind(struct ndis_binding *b)
{
	unsigned long flags;
	bool queue;

	spin_lock_irqsave(&b->lock, flags);
	queue = !b->unbind_queued && b->state != NDIS_BINDING_UNBOUND &&
		b->state != NDIS_BINDING_CLOSING;
	if (queue) {
		b->unbind_queued = true;
		ndis_object_get(&b->obj);
		queue_work(b->adapter->op.wq, &b->handler.unbind_work);
	}
	spin_unlock_irqrestore(&b->lock, flags);
	if (queue)
		trace_ndis_unbind_request(b->name);
	return queue;
}

static void ndis_open_complete_work(struct work_struct *work)
{
	struct ndis_binding *b = container_of(work, struct ndis_binding, open.complete_work);

	*b->open.medium_out = b->open.medium_index;
	*b->open.handle_out = ndis_binding_handle(b, NDIS_HT_BINDING);
	ndis_binding_open_upcalls(b);
	trace_ndis_open(b->name, NDIS_STATUS_SUCCESS);
	b->protocol->chars.OpenAdapterCompleteHandlerEx(b->protocol_ctx, NDIS_STATUS_SUCCESS);
}

static void ndis_close_complete_work(struct work_struct *work)
{
	struct ndis_binding *b = container_of(work, struct ndis_binding, open.close_complete_work);

	b->protocol->chars.CloseAdapterCompleteHandlerEx(b->protocol_ctx);
}

bool ndis_binding_is_completion_work(struct work_struct *work)
{
	return work->func == ndis_open_complete_work || work->func == ndis_close_complete_work;
}

/**
 * ndis_binding_by_bind_params() - the binding whose bind was given @params
 * @params: a pointer a driver passed; compared, never read
 *
 * What ProtocolBindAdapterEx got as BindParameters names its binding for as
 * long as that bind is under way (NdisOpenConfigurationEx takes it as a
 * handle).
 *
 * Context: PASSIVE_LEVEL; takes the registry lock.
 * Return: the binding, referenced, or NULL.
 */
struct ndis_binding *ndis_binding_by_bind_params(const void *params)
{
	struct ndis_binding *b, *found = NULL;
	struct ndis_protocol *p;
	unsigned long flags;

	if (!params)
		return NULL;
	mutex_lock(&ndis_registry_lock);
	list_for_each_entry(p, &ndis_protocols, node) {
		list_for_each_entry(b, &p->bindings, protocol_node) {
			spin_lock_irqsave(&b->lock, flags);
			if (b->bind_ctx_live && b->handler.bind_params == params &&
			    kobject_get_unless_zero(&b->obj.kobj))
				found = b;
			spin_unlock_irqrestore(&b->lock, flags);
			if (found)
				goto out;
		}
	}
out:
	mutex_unlock(&ndis_registry_lock);
	return found;
}

/* Queue a pended completion; in COMPLETE_FIRST mode let it run before returning. */
static void ndis_queue_completion(struct work_struct *work, int mode)
{
	queue_work(ndis_complete_wq, work);
	if (mode == NDIS_PEND_COMPLETE_FIRST)
		flush_work(work);
}

/*
 * NdisUnbindAdapter: queue the unbind, or, from the binding's own unbind
 * handler, nothing (that is the unbind asked for). Any context up to
 * DISPATCH_LEVEL. Return: -EPERM from inside the binding's bind handler.
 */
int ndis_binding_ask_unbind(struct ndis_binding *b)
{
	unsigned long flags;
	bool inside, in_unbind;

	/*
	 * Handlers run in process context: a softirq that interrupts the task
	 * running this binding's handler is not inside it, though current is
	 * that task.
	 */
	spin_lock_irqsave(&b->lock, flags);
	inside = in_task() && b->handler.task == current;
	in_unbind = b->unbind_ctx_live;
	spin_unlock_irqrestore(&b->lock, flags);
	if (inside && !in_unbind)
		return -EPERM;
	if (!inside)
		ndis_binding_request_unbind(b);
	return 0;
}

/* Whether the caller is @b's bind handler and has not opened @b yet. */
bool ndis_binding_may_open(struct ndis_binding *b)
{
	unsigned long flags;
	bool ok;

	spin_lock_irqsave(&b->lock, flags);
	ok = b->bind_ctx_live && b->handler.task == current && !b->opened;
	spin_unlock_irqrestore(&b->lock, flags);
	return ok;
}

/*
 * Open @b for the protocol's @context with medium @medium of its array:
 * the handle goes live and the upcalls open, now or (pend_opens) from
 * work that writes *@medium_out and *@handle_out first. Return: 0, or
 * -EINPROGRESS when the open pends. PASSIVE, in the bind handler.
 */
int ndis_binding_open(struct ndis_binding *b, void *context, unsigned int medium,
		      unsigned int *medium_out, void **handle_out)
{
	unsigned long flags;
	int mode;

	spin_lock_irqsave(&b->lock, flags);
	b->protocol_ctx = context;
	b->opened = true;
	b->handle_live = true;
	spin_unlock_irqrestore(&b->lock, flags);

	mode = READ_ONCE(ndis_pend_opens);
	if (mode != NDIS_PEND_NEVER) {
		b->open.medium_out = medium_out;
		b->open.handle_out = handle_out;
		b->open.medium_index = medium;
		ndis_queue_completion(&b->open.complete_work, mode);
		return -EINPROGRESS;
	}
	*medium_out = medium;
	*handle_out = ndis_binding_handle(b, NDIS_HT_BINDING);
	ndis_binding_open_upcalls(b);
	trace_ndis_open(b->name, NDIS_STATUS_SUCCESS);
	return 0;
}

/*
 * NdisCloseAdapterEx: the handle dies, sends and upcalls drain, a shared
 * memory provider gets its blocks back (ddi/sharedmem.c), and the close
 * completes now or (pend_closes) from work. PASSIVE. Return: 0,
 * -EINPROGRESS when it pends, -EBADF if @b is not open, -EPERM with no
 * bind or unbind of @b under way.
 */
int ndis_binding_close(struct ndis_binding *b)
{
	unsigned long flags;
	int mode;

	spin_lock_irqsave(&b->lock, flags);
	if (!b->handle_live) {
		spin_unlock_irqrestore(&b->lock, flags);
		return -EBADF;
	}
	if (!b->bind_ctx_live && !b->unbind_ctx_live) {
		spin_unlock_irqrestore(&b->lock, flags);
		return -EPERM;
	}
	b->handle_live = false;
	b->closed = true;
	spin_unlock_irqrestore(&b->lock, flags);
	trace_ndis_close(b->name, "closed");
	/* A pended open's completion opens the gates: let it run first. */
	flush_work(&b->open.complete_work);
	ndis_binding_drain_sends(b);
	ndis_oid_close(b);
	ndis_binding_close_upcalls(b);
	ndis_shmem_provider_close(b);
	ndis_binding_shut_sends(b);

	mode = READ_ONCE(ndis_pend_closes);
	if (mode == NDIS_PEND_NEVER)
		return 0;
	ndis_queue_completion(&b->open.close_complete_work, mode);
	return -EINPROGRESS;
}

/* The protocol completed its pended bind. Return: false if none was pending. */
bool ndis_binding_complete_bind(struct ndis_binding *b, NDIS_STATUS status)
{
	return READ_ONCE(b->bind_ctx_live) && ndis_pend_complete(&b->pend.bind, status);
}

/* The protocol completed its pended unbind. Return: false if none was pending. */
bool ndis_binding_complete_unbind(struct ndis_binding *b)
{
	return READ_ONCE(b->unbind_ctx_live) &&
	       ndis_pend_complete(&b->pend.unbind, NDIS_STATUS_SUCCESS);
}

/*
 * The protocol completed the pended PnP event of @notification. Return:
 * false if that event was not pending.
 */
bool ndis_binding_complete_pnp(struct ndis_binding *b, const void *notification,
			       NDIS_STATUS status)
{
	return notification == &b->pend.pnp_event && ndis_pend_complete(&b->pend.pnp, status);
}

/* After a grace period: the data path reads bindings under RCU alone. */
static void ndis_binding_free_rcu(struct rcu_head *rcu)
{
	struct ndis_binding *b = container_of(rcu, struct ndis_binding, obj.rcu);

	ndis_totals_retire_binding(b);
	free_percpu(b->stats);
	kmem_cache_free(ndis_binding_cache, b);
}

/*
 * Bindings have a cache of their own: kmalloc() rounds an object up to a
 * power of two, and struct ndis_binding, a little over 1 KiB, would cost
 * 2 KiB each.
 */
int ndis_binding_cache_init(void)
{
	ndis_binding_cache = KMEM_CACHE(ndis_binding, 0);
	return ndis_binding_cache ? 0 : -ENOMEM;
}

/* Every binding's RCU free has run before the cache goes. */
void ndis_binding_cache_exit(void)
{
	rcu_barrier();
	kmem_cache_destroy(ndis_binding_cache);
}

/* The binding's kobject release, from any context: nothing may sleep. */
void ndis_binding_release(struct kobject *kobj)
{
	struct ndis_binding *b = container_of(ndis_kobj_to_object(kobj), struct ndis_binding, obj);

	ndis_object_put(&b->adapter->obj);
	ndis_object_put(&b->protocol->obj);
	call_rcu(&b->obj.rcu, ndis_binding_free_rcu);
}
