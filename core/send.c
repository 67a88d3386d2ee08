// SPDX-License-Identifier: GPL-2.0
/*
 * The send path's engine: sends down to the miniport, and completions back
 * up to the binding each NBL came from, even when one completion chain
 * mixes bindings. The DDI's entry points are in ddi/send.c.
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

#include "adapter.h"
#include "binding.h"
#include "datapath.h"
#include "gate.h"
#include "handle.h"
#include "miniport.h"
#include "object.h"
#include "protocol.h"
#include "report.h"
#include "state.h"

/* @n sends of @b are over; the last wakes a waiting pause or close. RCU held. */
static void ndis_binding_sends_done(struct ndis_binding *b, unsigned int n)
{
	RCU_LOCKDEP_WARN(!rcu_read_lock_any_held(), "sends done outside an RCU read section");
	ndis_gate_exit(&b->gate.sends_out, n, &b->gate.drain_wq);
}

/* Hand @n completed NBLs back to their binding and account for them. */
static void ndis_send_deliver(struct ndis_binding *b, PNET_BUFFER_LIST head, unsigned int n,
			      u32 flags)
{
	bool raised = ndis_dispatch_enter();

	b->protocol->chars.SendNetBufferListsCompleteHandler(b->protocol_ctx, head, flags);
	ndis_dispatch_leave(raised);
	ndis_binding_count(b, NDIS_STAT_COMPLETED, n);
	ndis_binding_sends_done(b, n);
}

/* Complete a chain at once, without the miniport (binding not running). */
static void ndis_send_refuse(struct ndis_binding *b, PNET_BUFFER_LIST chain, unsigned int n,
			     NDIS_STATUS status, u32 flags)
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
 * may be gone: the caller used a stale handle and the NBLs stay the
 * caller's. Counted in sends_out by the caller. Return: 0, or -EBADF for
 * the stale handle.
 */
static int ndis_send_dead(struct ndis_binding *b, PNET_BUFFER_LIST chain, unsigned int n,
			  u32 flags)
{
	PNET_BUFFER_LIST nbl;
	unsigned long irqflags;
	bool closing;

	spin_lock_irqsave(&b->lock, irqflags);
	closing = b->closed && !b->sends_shut;
	spin_unlock_irqrestore(&b->lock, irqflags);
	if (closing) {
		ndis_send_refuse(b, chain, n, NDIS_STATUS_CLOSING, flags);
		return 0;
	}
	for (nbl = chain; nbl; nbl = nbl->Next)
		atomic_set(&nbl->Ndis.state, NDIS_NBL_IDLE);
	ndis_binding_sends_done(b, n);
	return -EBADF;
}

/*
 * NdisSendNetBufferLists on @b, looked up by the caller under RCU: mark
 * each NBL in flight (reporting one that is already, against @api and
 * @caller), count them, and hand them to the miniport, or refuse them.
 * Return: 0, or -EBADF if @handle is stale (the NBLs stay the caller's).
 */
int ndis_send(struct ndis_binding *b, void *handle, PNET_BUFFER_LIST chain, u32 port,
	      u32 flags, const char *api, unsigned long caller)
{
	PNET_BUFFER_LIST nbl, next, head = NULL, *tail = &head;
	struct ndis_adapter *a;
	unsigned int n = 0;

	for (nbl = chain; nbl; nbl = next) {
		next = nbl->Next;
		if (atomic_cmpxchg(&nbl->Ndis.state, NDIS_NBL_IDLE, NDIS_NBL_SENDING) !=
		    NDIS_NBL_IDLE) {
			ndis_misuse(api, "NBLs that are not in flight already", caller);
			continue;
		}
		nbl->SourceHandle = handle;
		nbl->Ndis.binding = b;
		nbl->Next = NULL;
		*tail = nbl;
		tail = &nbl->Next;
		n++;
	}
	if (!n)
		return 0;

	/* Counted, then checked: a pause or close sets its state, then waits. */
	if (unlikely(!ndis_gate_enter(&b->gate.sends_out, &b->handle_live, n)))
		return ndis_send_dead(b, head, n, flags);
	a = b->adapter;
	if (READ_ONCE(b->state) != NDIS_BINDING_RUNNING ||
	    READ_ONCE(a->state) != NDIS_ADAPTER_RUNNING) {
		ndis_send_refuse(b, head, n, NDIS_STATUS_PAUSED, flags);
		return 0;
	}
	ndis_binding_count(b, NDIS_STAT_SENT, n);
	a->driver->chars.SendNetBufferListsHandler(a->mp.context, head, port, flags);
	return 0;
}

/*
 * NdisMSendNetBufferListsComplete: each NBL back to the binding it came
 * from, in runs of one binding. Under RCU.
 */
void ndis_send_complete(PNET_BUFFER_LIST chain, u32 flags, const char *api,
			unsigned long caller)
{
	PNET_BUFFER_LIST nbl, next, head = NULL, *tail = &head;
	struct ndis_binding *run = NULL, *b;
	unsigned int n = 0;

	for (nbl = chain; nbl; nbl = next) {
		next = nbl->Next;
		/* Back to idle before the protocol sees it: it may resend at once. */
		if (atomic_cmpxchg(&nbl->Ndis.state, NDIS_NBL_SENDING, NDIS_NBL_IDLE) !=
		    NDIS_NBL_SENDING) {
			ndis_misuse(api, "NBLs sent and not completed yet", caller);
			continue;
		}
		b = nbl->Ndis.binding;
		if (b != run) {
			if (run)
				ndis_send_deliver(run, head, n, flags);
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
		ndis_send_deliver(run, head, n, flags);
}

/*
 * NdisCancelSendNetBufferLists on @b: counted like a send, so a close
 * waits for the miniport's cancel. Under RCU. Return: false if @b's
 * handle is dead.
 */
bool ndis_send_cancel(struct ndis_binding *b, void *id)
{
	struct ndis_adapter *a;
	bool live;

	live = ndis_gate_enter(&b->gate.sends_out, &b->handle_live, 1);
	if (live) {
		a = b->adapter;
		a->driver->chars.CancelSendHandler(a->mp.context, id);
	}
	ndis_binding_sends_done(b, 1);
	return live;
}
