// SPDX-License-Identifier: GPL-2.0
/*
 * The send path: NdisSendNetBufferLists down to the miniport, and
 * NdisMSendNetBufferListsComplete back up to the binding each NBL came
 * from, even when one completion chain mixes bindings.
 *
 * Hot path rules: no lock, no allocation, no reference counting on the
 * objects. Handles are looked up under RCU; a binding cannot go away while
 * it has sends out, because its pause waits for sends_out to reach zero,
 * and the sender raises sends_out *before* it checks that the binding
 * runs (the pause sets the state before it waits), so either the send is
 * refused with NDIS_STATUS_PAUSED or the pause waits for it.
 */
#include <linux/netdevice.h>
#include <linux/rcupdate.h>

#include "core.h"
#include "gate.h"
#include "handle.h"
#include "nbl.h"
#include "registry.h"

static struct ndis_binding *ndis_binding_live(NDIS_HANDLE h)
{
	struct ndis_object *obj = ndis_handle_peek(h, NDIS_HT_BINDING);
	struct ndis_binding *b = obj ? container_of(obj, struct ndis_binding, obj) : NULL;

	return b && READ_ONCE(b->handle_live) ? b : NULL;
}

/* @n sends of @b are over; the last wakes a waiting pause or close. RCU held. */
static void ndis_binding_sends_done(struct ndis_binding *b, unsigned int n)
{
	ndis_gate_exit(&b->sends_out, n, &b->drain_wq);
}

/* Hand @n completed NBLs back to their binding and account for them. */
static void ndis_send_deliver(struct ndis_binding *b, PNET_BUFFER_LIST head, unsigned int n,
			      ULONG flags)
{
	bool raised = ndis_dispatch_enter();

	b->protocol->chars.SendNetBufferListsCompleteHandler(b->protocol_ctx, head, flags);
	ndis_dispatch_leave(raised);
	ndis_binding_count(b, NDIS_STAT_COMPLETED, n);
	ndis_binding_sends_done(b, n);
}

/* Complete a chain at once, without the miniport (binding not running). */
static void ndis_send_refuse(struct ndis_binding *b, PNET_BUFFER_LIST chain, unsigned int n,
			     NDIS_STATUS status, ULONG flags)
{
	PNET_BUFFER_LIST nbl;

	for (nbl = chain; nbl; nbl = nbl->Next) {
		nbl->Status = status;
		atomic_set(&nbl->Ndis.state, NDIS_NBL_IDLE);
	}
	ndis_binding_count(b, NDIS_STAT_REFUSED, n);
	ndis_send_deliver(b, chain, n,
			  flags & NDIS_SEND_FLAGS_DISPATCH_LEVEL ?
			  NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}

/*
 * A send on a dead handle. While the binding's close is under way the
 * protocol is still there, so the NBLs come back at once with
 * NDIS_STATUS_CLOSING, and the close waits for that completion. Once the
 * close has shut sends (ndis_binding_shut_sends()) the protocol's context
 * may be gone: the caller used a stale handle, which is reported, and the
 * NBLs stay the caller's. Counted in sends_out by the caller.
 */
static void ndis_send_dead(struct ndis_binding *b, NDIS_HANDLE h, PNET_BUFFER_LIST chain,
			   unsigned int n, ULONG flags, unsigned long caller)
{
	PNET_BUFFER_LIST nbl;
	unsigned long irqflags;
	bool closing;

	spin_lock_irqsave(&b->lock, irqflags);
	closing = b->closed && !b->sends_shut;
	spin_unlock_irqrestore(&b->lock, irqflags);
	if (closing) {
		ndis_send_refuse(b, chain, n, NDIS_STATUS_CLOSING, flags);
		return;
	}
	for (nbl = chain; nbl; nbl = nbl->Next)
		atomic_set(&nbl->Ndis.state, NDIS_NBL_IDLE);
	ndis_binding_sends_done(b, n);
	ndis_bad_handle(h, NDIS_HT_BINDING, "NdisSendNetBufferLists", caller);
}

/**
 * NdisSendNetBufferLists() - send a chain of NBLs on a binding
 * @NdisBindingHandle: the binding
 * @NetBufferLists: the chain; ownership passes to NDIS until each NBL comes
 *	back through ProtocolSendNetBufferListsComplete
 * @PortNumber: 0, the default port
 * @SendFlags: NDIS_SEND_FLAGS_*
 *
 * NBLs come back with Status NDIS_STATUS_PAUSED, without reaching the
 * miniport, unless both the binding and its adapter are running, and with
 * NDIS_STATUS_CLOSING while NdisCloseAdapterEx() of the binding runs. After
 * the close has returned the handle is stale: the call is reported and the
 * NBLs stay the caller's. An NBL already in flight is reported and left out
 * of the send.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisSendNetBufferLists(NDIS_HANDLE NdisBindingHandle, PNET_BUFFER_LIST NetBufferLists,
			    NDIS_PORT_NUMBER PortNumber, ULONG SendFlags)
{
	PNET_BUFFER_LIST nbl, next, head = NULL, *tail = &head;
	struct ndis_binding *b;
	struct ndis_adapter *a;
	unsigned int n = 0;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	rcu_read_lock();
	b = ndis_binding_peek(NdisBindingHandle, __func__, _RET_IP_);
	if (!b) {
		rcu_read_unlock();
		return;
	}
	for (nbl = NetBufferLists; nbl; nbl = next) {
		next = nbl->Next;
		if (atomic_cmpxchg(&nbl->Ndis.state, NDIS_NBL_IDLE, NDIS_NBL_SENDING) !=
		    NDIS_NBL_IDLE) {
			ndis_misuse(__func__, "NBLs that are not in flight already", _RET_IP_);
			continue;
		}
		nbl->SourceHandle = NdisBindingHandle;
		nbl->Ndis.binding = b;
		nbl->Next = NULL;
		*tail = nbl;
		tail = &nbl->Next;
		n++;
	}
	if (!n)
		goto out;

	/* Counted, then checked: a pause or close sets its state, then waits. */
	if (unlikely(!ndis_gate_enter(&b->sends_out, &b->handle_live, n))) {
		ndis_send_dead(b, NdisBindingHandle, head, n, SendFlags, _RET_IP_);
		goto out;
	}
	a = b->adapter;
	if (READ_ONCE(b->state) != NDIS_BINDING_RUNNING ||
	    READ_ONCE(a->state) != NDIS_ADAPTER_RUNNING) {
		ndis_send_refuse(b, head, n, NDIS_STATUS_PAUSED, SendFlags);
		goto out;
	}
	ndis_binding_count(b, NDIS_STAT_SENT, n);
	a->driver->chars.SendNetBufferListsHandler(a->context, head, PortNumber, SendFlags);
out:
	rcu_read_unlock();
}
EXPORT_SYMBOL_NS_GPL(NdisSendNetBufferLists, "NDIS");

/**
 * NdisMSendNetBufferListsComplete() - give sent NBLs back
 * @MiniportAdapterHandle: the adapter they were sent on
 * @NetBufferLists: any chain of NBLs the adapter was given, each with its
 *	Status set; they may come from several bindings and sends
 * @SendCompleteFlags: NDIS_SEND_COMPLETE_FLAGS_*
 *
 * Each NBL goes back to the binding it came from, in runs of consecutive
 * NBLs of one binding. An NBL completed twice is reported and skipped.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisMSendNetBufferListsComplete(NDIS_HANDLE MiniportAdapterHandle,
				     PNET_BUFFER_LIST NetBufferLists, ULONG SendCompleteFlags)
{
	PNET_BUFFER_LIST nbl, next, head = NULL, *tail = &head;
	struct ndis_binding *run = NULL, *b;
	unsigned int n = 0;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	rcu_read_lock();
	if (!ndis_adapter_peek(MiniportAdapterHandle, __func__, _RET_IP_)) {
		rcu_read_unlock();
		return;
	}
	for (nbl = NetBufferLists; nbl; nbl = next) {
		next = nbl->Next;
		/* Back to idle before the protocol sees it: it may resend at once. */
		if (atomic_cmpxchg(&nbl->Ndis.state, NDIS_NBL_SENDING, NDIS_NBL_IDLE) !=
		    NDIS_NBL_SENDING) {
			ndis_misuse(__func__, "NBLs sent and not completed yet", _RET_IP_);
			continue;
		}
		b = nbl->Ndis.binding;
		if (b != run) {
			if (run)
				ndis_send_deliver(run, head, n, SendCompleteFlags);
			run = b;
			head = NULL;
			tail = &head;
			n = 0;
		}
		nbl->Next = NULL;
		*tail = nbl;
		tail = &nbl->Next;
		n++;
	}
	if (run)
		ndis_send_deliver(run, head, n, SendCompleteFlags);
	rcu_read_unlock();
}
EXPORT_SYMBOL_NS_GPL(NdisMSendNetBufferListsComplete, "NDIS");

/**
 * NdisCancelSendNetBufferLists() - ask the miniport to drop queued sends
 * @NdisBindingHandle: the binding the sends were made on
 * @CancelId: the id set with NDIS_SET_NET_BUFFER_LIST_CANCEL_ID()
 *
 * Best effort: MiniportCancelSend completes what it still holds with
 * NDIS_STATUS_SEND_ABORTED; every NBL still comes back exactly once.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisCancelSendNetBufferLists(NDIS_HANDLE NdisBindingHandle, PVOID CancelId)
{
	struct ndis_binding *b;
	struct ndis_adapter *a;
	bool live = false;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	rcu_read_lock();
	b = ndis_binding_live(NdisBindingHandle);
	if (b) {
		/* Counted like a send, so a close waits for the miniport call. */
		live = ndis_gate_enter(&b->sends_out, &b->handle_live, 1);
		if (live) {
			a = b->adapter;
			a->driver->chars.CancelSendHandler(a->context, CancelId);
		}
		ndis_binding_sends_done(b, 1);
	}
	rcu_read_unlock();
	if (!live)
		ndis_bad_handle(NdisBindingHandle, NDIS_HT_BINDING, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisCancelSendNetBufferLists, "NDIS");

/**
 * NdisGeneratePartialCancelId() - a byte to start a driver's cancel ids
 *
 * Put it in the top byte of the ids a driver uses, so that ids of
 * different drivers never collide.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: a value no earlier call returned, until 256 calls wrap it.
 */
UCHAR NdisGeneratePartialCancelId(void)
{
	static atomic_t ndis_partial_cancel_id = ATOMIC_INIT(0);

	return (UCHAR)atomic_inc_return(&ndis_partial_cancel_id);
}
EXPORT_SYMBOL_NS_GPL(NdisGeneratePartialCancelId, "NDIS");
