// SPDX-License-Identifier: GPL-2.0
/*
 * OID requests.
 *
 * NdisOidRequest() runs at up to DISPATCH_LEVEL, but MiniportOidRequest
 * is a PASSIVE_LEVEL handler that sees one request at a time. So requests
 * NDIS cannot answer itself go on a per-adapter queue, and a work item on
 * the ndis-complete workqueue hands them to the miniport one after another;
 * the next goes only once the current one completed (returned a final
 * status, or NdisMOidRequestComplete). Each request completes exactly once,
 * through ProtocolOidRequestComplete; the request's private state catches a
 * second completion or a completion of a request the miniport does not hold.
 *
 * The packet filter and the multicast list are NDIS's: each binding sets
 * its own, and what they add up to (the union of the filters, the merged
 * list) goes to the miniport through requests of NDIS's own
 * (adapter->oid.own[]), re-sent whenever it changes. A binding's set that
 * changed the sum completes when the request carrying it does, with its
 * status: a miniport that refuses the merged list fails the sets that
 * made it (the bindings keep the value they asked for, and the next
 * change sends it again).
 *
 * A binding's close shuts its OID gate (like the upcall gate), aborts what
 * it still has queued and waits for the one at the miniport, if any.
 */
#include <linux/etherdevice.h>
#include <linux/jiffies.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

#include "adapter.h"
#include "binding.h"
#include "datapath.h"
#include "gate.h"
#include "miniport.h"
#include "oid.h"
#include "protocol.h"
#include "registry.h"
#include "report.h"
#include "totals.h"
#include "watch.h"

enum ndis_oid_state {
	NDIS_OID_IDLE,
	NDIS_OID_QUEUED,
	NDIS_OID_AT_MINIPORT,
};

static void ndis_oid_own_done(struct ndis_adapter *a, PNDIS_OID_REQUEST req, NDIS_STATUS status);
static void ndis_oid_own_push(struct ndis_adapter *a, enum ndis_own_oid kind);
static void ndis_oid_put(struct ndis_binding *b);

/* Queue the delivery work, unless the adapter's OIDs were shut down. */
static void ndis_oid_kick(struct ndis_adapter *a)
{
	spin_lock_bh(&a->oid.lock);
	if (!a->oid.dead)
		queue_work(ndis_complete_wq, &a->oid.work);
	spin_unlock_bh(&a->oid.lock);
}

/*
 * Count a request (or an OID call under way) against @b, then look at the
 * gate; the close shuts the gate, then waits for the count. Return: false
 * if the binding is closing (nothing counted then).
 */
static bool ndis_oid_get(struct ndis_binding *b)
{
	if (ndis_gate_enter(&b->gate.oids_out, &b->gate.oids_open, 1))
		return true;
	ndis_oid_put(b);
	return false;
}

/* The last put may let a close proceed and free @b: wake under RCU. */
static void ndis_oid_put(struct ndis_binding *b)
{
	rcu_read_lock();
	ndis_gate_exit(&b->gate.oids_out, 1, &b->gate.drain_wq);
	rcu_read_unlock();
}

/* Give @req back to whoever asked, with @status. No lock held. */
static void ndis_oid_done(struct ndis_adapter *a, PNDIS_OID_REQUEST req, NDIS_STATUS status)
{
	struct ndis_binding *b = req->Ndis.binding;
	bool raised;

	lockdep_assert_not_held(&a->oid.lock);
	atomic_set(&req->Ndis.state, NDIS_OID_IDLE);
	if (!b) {
		ndis_oid_own_done(a, req, status);
		return;
	}
	ndis_total_inc(NDIS_TOTAL_OIDS_COMPLETED);
	if (status == NDIS_STATUS_REQUEST_ABORTED)
		ndis_total_inc(NDIS_TOTAL_OIDS_ABORTED);
	raised = ndis_dispatch_enter();
	b->protocol->chars.OidRequestCompleteHandler(b->protocol_ctx, req, status);
	ndis_dispatch_leave(raised);
	ndis_oid_put(b);
}

/*
 * A method's byte counts as the miniport left them: no more written than
 * the output may take, no more read than the input holds (the DDI's
 * rule). A count beyond is reported and cut back, so the protocol never
 * reads past what its buffer holds.
 */
static void ndis_oid_method_counts(PNDIS_OID_REQUEST req, const char *api,
				   unsigned long caller)
{
	struct _METHOD *m = &req->DATA.METHOD_INFORMATION;

	if (m->BytesWritten <= m->OutputBufferLength && m->BytesRead <= m->InputBufferLength)
		return;
	ndis_misuse(api, "BytesWritten <= OutputBufferLength, BytesRead <= InputBufferLength",
		    caller);
	m->BytesWritten = min_t(UINT, m->BytesWritten, m->OutputBufferLength);
	m->BytesRead = min_t(UINT, m->BytesRead, m->InputBufferLength);
}

/* The miniport is done with the current request; send the next one. */
void ndis_oid_finish(struct ndis_adapter *a, PNDIS_OID_REQUEST req, NDIS_STATUS status,
		     const char *api, unsigned long caller)
{
	bool held;

	spin_lock_bh(&a->oid.lock);
	held = a->oid.active == req;
	if (held) {
		a->oid.active = NULL;
		a->oid.finishing++;	/* quiesce waits for us too */
	}
	spin_unlock_bh(&a->oid.lock);
	if (!held) {
		ndis_misuse(api, "the request the miniport holds, completed once", caller);
		return;
	}
	if (req->RequestType == NdisRequestMethod)
		ndis_oid_method_counts(req, api, caller);
	ndis_oid_done(a, req, status == NDIS_STATUS_PENDING ? NDIS_STATUS_FAILURE : status);
	ndis_oid_kick(a);
	spin_lock_bh(&a->oid.lock);
	a->oid.finishing--;
	spin_unlock_bh(&a->oid.lock);
	wake_up_all(&a->oid.wq);
}

static void ndis_oid_work(struct work_struct *work);

bool ndis_oid_is_work(struct work_struct *work)
{
	return work->func == ndis_oid_work;
}

/*
 * A cancel may come while MiniportOidRequest still runs: the miniport does
 * not hold the request yet and would not find it, so the cancel waits
 * until the handler returned PENDING (and is dropped if it completed).
 */
static void ndis_oid_work(struct work_struct *work)
{
	struct ndis_adapter *a = container_of(work, struct ndis_adapter, oid.work);
	PNDIS_OID_REQUEST req = NULL;
	NDIS_STATUS status;
	PVOID cancel_id = NULL;
	bool cancel;

	spin_lock_bh(&a->oid.lock);
	if (!a->oid.active && !list_empty(&a->oid.queue)) {
		req = list_first_entry(&a->oid.queue, NDIS_OID_REQUEST, Ndis.node);
		list_del_init(&req->Ndis.node);
		a->oid.active = req;
		a->oid.in_handler = true;
		a->oid.cancel_deferred = false;
		atomic_set(&req->Ndis.state, NDIS_OID_AT_MINIPORT);
	}
	spin_unlock_bh(&a->oid.lock);
	if (!req) {
		wake_up_all(&a->oid.wq);
		return;
	}
	status = a->driver->chars.OidRequestHandler(a->mp.context, req);
	spin_lock_bh(&a->oid.lock);
	a->oid.in_handler = false;
	/* Still the miniport's (not completed from inside its handler)? */
	cancel = status == NDIS_STATUS_PENDING && a->oid.cancel_deferred && a->oid.active == req;
	if (cancel)
		cancel_id = req->RequestId;
	a->oid.cancel_deferred = false;
	spin_unlock_bh(&a->oid.lock);
	if (cancel)
		a->driver->chars.CancelOidRequestHandler(a->mp.context, cancel_id);
	if (status != NDIS_STATUS_PENDING)
		ndis_oid_finish(a, req, status, "MiniportOidRequest", _THIS_IP_);
}

/* Put @req, already claimed (state queued), on the miniport's queue. */
/*
 * @seconds from now in jiffies. Timeout is a ULONG: multiplied by HZ in 32
 * bits it wraps to a deadline that comes at once, so widen and clamp it to
 * what time_after() still orders. 0 means "no deadline", so never 0.
 */
static unsigned long ndis_oid_deadline(u32 seconds)
{
	unsigned long deadline;

	deadline = jiffies + min_t(unsigned long, seconds, MAX_JIFFY_OFFSET / HZ) * HZ;
	return deadline ?: 1;
}

static void ndis_oid_enqueue(struct ndis_adapter *a, struct ndis_binding *b,
			     PNDIS_OID_REQUEST req)
{
	bool arm;

	req->Ndis.binding = b;
	req->Ndis.adapter = a;
	req->Ndis.cancelled = false;
	req->Ndis.deadline = req->Timeout ? ndis_oid_deadline(req->Timeout) : 0;
	spin_lock_bh(&a->oid.lock);
	list_add_tail(&req->Ndis.node, &a->oid.queue);
	arm = req->Timeout && !a->oid.timer_armed;
	if (arm)
		a->oid.timer_armed = true;
	spin_unlock_bh(&a->oid.lock);
	if (arm)
		queue_delayed_work(ndis_complete_wq, &a->oid.timeout, HZ);
	ndis_oid_kick(a);
}

/* -- the merged packet filter --------------------------------------------- */

static u32 ndis_oid_filter_union(struct ndis_adapter *a)
{
	struct ndis_binding *b;
	ULONG filter = 0;

	rcu_read_lock();
	list_for_each_entry_rcu(b, &a->open.list, open_node)
		filter |= READ_ONCE(b->filter.types);
	rcu_read_unlock();
	return filter;
}

/* The merged multicast list of the open bindings, at most the adapter's worth. */
static unsigned int ndis_oid_mcast_union(struct ndis_adapter *a, u8 *out)
{
	struct ndis_binding *b;
	unsigned int n = 0, i, j;
	unsigned long flags;

	rcu_read_lock();
	list_for_each_entry_rcu(b, &a->open.list, open_node) {
		spin_lock_irqsave(&b->lock, flags);
		for (i = 0; i < b->filter.nmcast && n < NDIS_MCAST_ADAPTER_MAX; i++) {
			for (j = 0; j < n; j++)
				if (ether_addr_equal(out + j * ETH_ALEN, b->filter.mcast[i]))
					break;
			if (j == n)
				memcpy(out + n++ * ETH_ALEN, b->filter.mcast[i], ETH_ALEN);
		}
		spin_unlock_irqrestore(&b->lock, flags);
	}
	rcu_read_unlock();
	return n * ETH_ALEN;
}

static const NDIS_OID ndis_own_oids[NDIS_OWN_MAX] = {
	[NDIS_OWN_FILTER] = OID_GEN_CURRENT_PACKET_FILTER,
	[NDIS_OWN_MCAST] = OID_802_3_MULTICAST_LIST,
	[NDIS_OWN_POWER] = OID_PNP_SET_POWER,
};

/* Whether @kind's requests wait for a wake-up that re-sends them. oid.lock held. */
static bool ndis_oid_own_asleep(struct ndis_adapter *a, enum ndis_own_oid kind)
{
	lockdep_assert_held(&a->oid.lock);
	return a->oid.dead ||
	       (kind != NDIS_OWN_POWER && READ_ONCE(a->power.target) != NdisDeviceStateD0);
}

/* Move the sets waiting on @own whose change is in @ticket to @out. oid.lock held. */
static void ndis_oid_own_waiters(struct ndis_adapter *a, struct ndis_own_request *own,
				 unsigned long ticket, struct list_head *out)
{
	PNDIS_OID_REQUEST req, tmp;

	lockdep_assert_held(&a->oid.lock);
	list_for_each_entry_safe(req, tmp, &own->waiters, Ndis.node)
		if ((long)(ticket - req->Ndis.ticket) >= 0)
			list_move_tail(&req->Ndis.node, out);
}

/* Complete the bindings' sets on @list with @status. No lock held. */
static void ndis_oid_own_release(struct ndis_adapter *a, struct list_head *list,
				 NDIS_STATUS status)
{
	PNDIS_OID_REQUEST req, tmp;

	lockdep_assert_not_held(&a->oid.lock);
	list_for_each_entry_safe(req, tmp, list, Ndis.node) {
		list_del_init(&req->Ndis.node);
		ndis_oid_done(a, req, status);
	}
}

/*
 * Binding @b changed what @kind merges: take a ticket and, with @req (its
 * set), wait for the request that carries it. Return: NDIS_STATUS_PENDING
 * if @req waits, NDIS_STATUS_SUCCESS without @req, or
 * NDIS_STATUS_INVALID_PARAMETER for a request in progress already.
 */
static NDIS_STATUS ndis_oid_own_change(struct ndis_adapter *a, enum ndis_own_oid kind,
				       struct ndis_binding *b, PNDIS_OID_REQUEST req)
{
	struct ndis_own_request *own = &a->oid.own[kind];
	NDIS_STATUS status = NDIS_STATUS_SUCCESS;
	bool arm = false;

	if (req && atomic_cmpxchg(&req->Ndis.state, NDIS_OID_IDLE, NDIS_OID_QUEUED) !=
	    NDIS_OID_IDLE) {
		ndis_misuse("NdisOidRequest", "a request not in progress already",
			    (unsigned long)__builtin_return_address(0));
		req = NULL;
		status = NDIS_STATUS_INVALID_PARAMETER;
	}
	spin_lock_bh(&a->oid.lock);
	own->wanted++;
	/* Asleep, the miniport hears of it on waking: nothing to wait for. */
	if (req && !ndis_oid_own_asleep(a, kind)) {
		req->Ndis.binding = b;
		req->Ndis.adapter = a;
		req->Ndis.ticket = own->wanted;
		req->Ndis.cancelled = false;
		req->Ndis.deadline = req->Timeout ? ndis_oid_deadline(req->Timeout) : 0;
		arm = req->Timeout && !a->oid.timer_armed;
		if (arm)
			a->oid.timer_armed = true;
		list_add_tail(&req->Ndis.node, &own->waiters);
		status = NDIS_STATUS_PENDING;
	} else if (req) {
		atomic_set(&req->Ndis.state, NDIS_OID_IDLE);
	}
	spin_unlock_bh(&a->oid.lock);
	if (arm)
		queue_delayed_work(ndis_complete_wq, &a->oid.timeout, HZ);
	ndis_oid_own_push(a, kind);
	return status;
}

/* Send what the bindings add up to, or note that it must be sent again. */
static void ndis_oid_own_push(struct ndis_adapter *a, enum ndis_own_oid kind)
{
	struct ndis_own_request *own = &a->oid.own[kind];
	PNDIS_OID_REQUEST req = &own->req;
	bool claimed, asleep;
	LIST_HEAD(done);
	ULONG filter;
	UINT length;

	/* Claim it under the lock: one filler at a time, the rest mark dirty. */
	spin_lock_bh(&a->oid.lock);
	/* A sleeping miniport gets its filters again when it wakes. */
	asleep = ndis_oid_own_asleep(a, kind);
	claimed = !asleep && atomic_cmpxchg(&req->Ndis.state, NDIS_OID_IDLE,
					    NDIS_OID_QUEUED) == NDIS_OID_IDLE;
	own->dirty = !claimed;
	if (claimed)
		own->sent = own->wanted;
	else if (asleep)	/* recorded; nothing to wait for until it wakes */
		ndis_oid_own_waiters(a, own, own->wanted, &done);
	spin_unlock_bh(&a->oid.lock);
	if (!claimed) {
		ndis_oid_own_release(a, &done, NDIS_STATUS_SUCCESS);
		return;
	}

	if (kind == NDIS_OWN_FILTER) {
		filter = ndis_oid_filter_union(a);
		memcpy(own->value, &filter, sizeof(filter));
		length = sizeof(filter);
	} else if (kind == NDIS_OWN_POWER) {
		memcpy(own->value, &a->power.target, sizeof(a->power.target));
		length = sizeof(a->power.target);
	} else {
		length = ndis_oid_mcast_union(a, own->value);
	}
	/* Everything but NdisReserved, where Ndis holds the claim just made. */
	memset(req, 0, offsetof(NDIS_OID_REQUEST, NdisReserved));
	memset(req->MiniportReserved, 0, sizeof(req->MiniportReserved));
	memset(req->SourceReserved, 0, sizeof(req->SourceReserved));
	req->SupportedRevision = 0;
	req->Reserved1 = 0;
	req->Reserved2 = 0;
	ndis_object_header_init(&req->Header, NDIS_OBJECT_TYPE_OID_REQUEST,
				NDIS_OID_REQUEST_REVISION_1, sizeof(*req));
	req->RequestType = NdisRequestSetInformation;
	req->DATA.SET_INFORMATION.Oid = ndis_own_oids[kind];
	req->DATA.SET_INFORMATION.InformationBuffer = own->value;
	req->DATA.SET_INFORMATION.InformationBufferLength = length;
	ndis_oid_enqueue(a, NULL, req);
}

static void ndis_oid_own_done(struct ndis_adapter *a, PNDIS_OID_REQUEST req, NDIS_STATUS status)
{
	struct ndis_own_request *own = container_of(req, struct ndis_own_request, req);
	enum ndis_own_oid kind = own - a->oid.own;
	LIST_HEAD(done);
	bool again;

	if (kind == NDIS_OWN_POWER) {
		a->power.status = status;
		complete(&a->power.done);
		return;
	}
	if (status != NDIS_STATUS_SUCCESS)
		pr_warn("%s: miniport refused OID 0x%08x from NDIS: 0x%08x\n", a->name,
			ndis_own_oids[kind], status);
	spin_lock_bh(&a->oid.lock);
	again = own->dirty;
	WRITE_ONCE(own->refused, status != NDIS_STATUS_SUCCESS);
	ndis_oid_own_waiters(a, own, own->sent, &done);
	spin_unlock_bh(&a->oid.lock);
	/* Each set learns what became of the request that carried it. */
	ndis_oid_own_release(a, &done, status);
	if (again)
		ndis_oid_own_push(a, kind);
}

/*
 * A binding's filter changed: set by @req, or cleared by its close (@req
 * NULL). Return: NDIS_STATUS_PENDING if @req waits for the miniport to
 * take the new union, NDIS_STATUS_SUCCESS if the union did not change.
 */
static NDIS_STATUS ndis_oid_set_filter(struct ndis_binding *b, u32 filter,
				       PNDIS_OID_REQUEST req)
{
	struct ndis_adapter *a = b->adapter;
	ULONG sent;

	WRITE_ONCE(b->filter.types, filter);
	memcpy(&sent, a->oid.own[NDIS_OWN_FILTER].value, sizeof(sent));
	if (ndis_oid_filter_union(a) != sent || READ_ONCE(a->oid.own[NDIS_OWN_FILTER].refused) ||
	    atomic_read(&a->oid.own[NDIS_OWN_FILTER].req.Ndis.state) != NDIS_OID_IDLE)
		return ndis_oid_own_change(a, NDIS_OWN_FILTER, req ? b : NULL, req);
	return NDIS_STATUS_SUCCESS;
}

/* The binding closes: its multicast addresses leave the merged list. */
static void ndis_oid_clear_mcast(struct ndis_binding *b)
{
	unsigned long flags;

	spin_lock_irqsave(&b->lock, flags);
	b->filter.nmcast = 0;
	spin_unlock_irqrestore(&b->lock, flags);
	ndis_oid_own_change(b->adapter, NDIS_OWN_MCAST, NULL, NULL);
}

/**
 * ndis_oid_mcast_has() - whether a binding's multicast list holds @addr
 * @b: the binding
 * @addr: a multicast address
 *
 * Context: any.
 * Return: true if it does.
 */
bool ndis_oid_mcast_has(struct ndis_binding *b, const u8 *addr)
{
	unsigned long flags;
	unsigned int i;
	bool found = false;

	spin_lock_irqsave(&b->lock, flags);
	for (i = 0; i < b->filter.nmcast && !found; i++)
		found = ether_addr_equal(b->filter.mcast[i], addr);
	spin_unlock_irqrestore(&b->lock, flags);
	return found;
}

/* -- what NDIS answers itself --------------------------------------------- */

/**
 * ndis_oid_answer() - copy a query's answer, or a method's output, into its buffer
 * @req: the query or method request
 * @value: the answer
 * @size: its size in bytes
 *
 * Sets BytesWritten, or BytesNeeded when the buffer is too short: a
 * method's output may take OutputBufferLength bytes (its byte counts sit
 * elsewhere in DATA than a query's).
 *
 * Context: any.
 * Return: NDIS_STATUS_SUCCESS or NDIS_STATUS_BUFFER_TOO_SHORT.
 */
NDIS_STATUS ndis_oid_answer(PNDIS_OID_REQUEST req, const void *value, u32 size)
{
	struct _METHOD *m = &req->DATA.METHOD_INFORMATION;

	if (req->RequestType == NdisRequestMethod) {
		m->BytesWritten = 0;
		if (m->OutputBufferLength < size) {
			m->BytesNeeded = size;
			return NDIS_STATUS_BUFFER_TOO_SHORT;
		}
		memcpy(m->InformationBuffer, value, size);
		m->BytesWritten = size;
		return NDIS_STATUS_SUCCESS;
	}
	req->DATA.QUERY_INFORMATION.BytesWritten = 0;
	if (req->DATA.QUERY_INFORMATION.InformationBufferLength < size) {
		req->DATA.QUERY_INFORMATION.BytesNeeded = size;
		return NDIS_STATUS_BUFFER_TOO_SHORT;
	}
	memcpy(req->DATA.QUERY_INFORMATION.InformationBuffer, value, size);
	req->DATA.QUERY_INFORMATION.BytesWritten = size;
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS ndis_oid_reply_ulong(PNDIS_OID_REQUEST req, u32 value)
{
	return ndis_oid_answer(req, &value, sizeof(value));
}

static NDIS_STATUS ndis_oid_query_mcast(struct ndis_binding *b, PNDIS_OID_REQUEST req)
{
	u8 list[NDIS_MCAST_MAX][ETH_ALEN];
	unsigned long flags;
	unsigned int n;

	spin_lock_irqsave(&b->lock, flags);
	n = b->filter.nmcast;
	memcpy(list, b->filter.mcast, n * ETH_ALEN);
	spin_unlock_irqrestore(&b->lock, flags);
	return ndis_oid_answer(req, list, n * ETH_ALEN);
}

/* Answer a query from what NDIS knows. Return: false to ask the miniport. */
static bool ndis_oid_query(struct ndis_binding *b, PNDIS_OID_REQUEST req, NDIS_STATUS *status)
{
	const NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES *g = &b->adapter->mp.attrs;
	u8 mac[NDIS_MAX_PHYS_ADDRESS_LENGTH];
	u64 speed = READ_ONCE(g->XmitLinkSpeed);
	NDIS_LINK_STATE link;

	switch (req->DATA.QUERY_INFORMATION.Oid) {
	case OID_GEN_SUPPORTED_LIST:
		*status = ndis_oid_answer(req, g->SupportedOidList, g->SupportedOidListLength);
		return true;
	case OID_GEN_MAXIMUM_FRAME_SIZE:
		*status = ndis_oid_reply_ulong(req, g->MtuSize);
		return true;
	case OID_GEN_LINK_SPEED:	/* in units of 100 bit/s */
		*status = ndis_oid_reply_ulong(req, (ULONG)div_u64(speed, 100));
		return true;
	case OID_GEN_MEDIA_CONNECT_STATUS:
		*status = ndis_oid_reply_ulong(req, READ_ONCE(g->MediaConnectState) ==
					       MediaConnectStateConnected ?
					       NdisMediaStateConnected :
					       NdisMediaStateDisconnected);
		return true;
	case OID_GEN_LINK_STATE:
		memset(&link, 0, sizeof(link));
		ndis_object_header_init(&link.Header, NDIS_OBJECT_TYPE_DEFAULT,
					NDIS_LINK_STATE_REVISION_1, sizeof(link));
		link.MediaConnectState = READ_ONCE(g->MediaConnectState);
		link.MediaDuplexState = READ_ONCE(g->MediaDuplexState);
		link.XmitLinkSpeed = READ_ONCE(g->XmitLinkSpeed);
		link.RcvLinkSpeed = READ_ONCE(g->RcvLinkSpeed);
		*status = ndis_oid_answer(req, &link, sizeof(link));
		return true;
	case OID_GEN_MAC_OPTIONS:
		*status = ndis_oid_reply_ulong(req, g->MacOptions);
		return true;
	case OID_GEN_CURRENT_PACKET_FILTER:
		*status = ndis_oid_reply_ulong(req, READ_ONCE(b->filter.types));
		return true;
	case OID_802_3_PERMANENT_ADDRESS:
		*status = ndis_oid_answer(req, g->PermanentMacAddress, g->MacAddressLength);
		return true;
	case OID_802_3_CURRENT_ADDRESS:
		ndis_adapter_current_mac(b->adapter, mac, sizeof(mac));
		*status = ndis_oid_answer(req, mac, g->MacAddressLength);
		return true;
	case OID_802_3_MAXIMUM_LIST_SIZE:
		*status = ndis_oid_reply_ulong(req, g->MaxMulticastListSize ?: NDIS_MCAST_MAX);
		return true;
	case OID_802_3_MULTICAST_LIST:
		*status = ndis_oid_query_mcast(b, req);
		return true;
	case OID_GEN_INIT_TIME_MS:
		*status = ndis_oid_reply_ulong(req, b->adapter->mp.init_time_ms);
		return true;
	case OID_GEN_RESET_COUNTS:	/* NDIS never resets a miniport here */
		*status = ndis_oid_reply_ulong(req, 0);
		return true;
	case OID_GEN_MEDIA_SENSE_COUNTS:
		*status = ndis_oid_reply_ulong(req, atomic_read(&b->adapter->mp.media_sense_count));
		return true;
	case OID_GEN_MAXIMUM_TOTAL_SIZE:
		if (g->MediaType != NdisMedium802_3)
			return false;
		*status = ndis_oid_reply_ulong(req, g->MtuSize + ETH_HLEN);
		return true;
	}
	return false;
}

/* Add @addr to the @n distinct addresses in @seen, if it is new. */
static unsigned int ndis_oid_mcast_add(u8 (*seen)[ETH_ALEN], unsigned int n,
				       const u8 *addr)
{
	unsigned int j;

	for (j = 0; j < n; j++)
		if (ether_addr_equal(seen[j], addr))
			return n;
	memcpy(seen[n], addr, ETH_ALEN);
	return n + 1;
}

/*
 * Whether the adapter's merged list stays within @limit addresses when @b's
 * list becomes @list. a->oid.mcast_lock held, so no other binding's list
 * changes between this check and the store.
 */
static bool ndis_oid_mcast_fits(struct ndis_binding *b, const u8 *list, unsigned int n,
				unsigned int limit)
{
	u8 seen[NDIS_MCAST_ADAPTER_MAX + 1][ETH_ALEN];
	struct ndis_binding *other;
	unsigned int count = 0, i;

	lockdep_assert_held(&b->adapter->oid.mcast_lock);
	for (i = 0; i < n && count <= limit; i++)
		count = ndis_oid_mcast_add(seen, count, list + i * ETH_ALEN);
	rcu_read_lock();
	list_for_each_entry_rcu(other, &b->adapter->open.list, open_node) {
		if (other == b)
			continue;
		spin_lock(&other->lock);
		for (i = 0; i < other->filter.nmcast && count <= limit; i++)
			count = ndis_oid_mcast_add(seen, count, other->filter.mcast[i]);
		spin_unlock(&other->lock);
	}
	rcu_read_unlock();
	return count <= limit;
}

/*
 * A binding's multicast list: whole addresses, multicast ones, not too
 * many for the binding, nor for the adapter once merged with the other
 * bindings' lists (NDIS_STATUS_MULTICAST_FULL, rather than a merged list
 * cut short behind everyone's back).
 */
static NDIS_STATUS ndis_oid_set_mcast_list(struct ndis_binding *b, PNDIS_OID_REQUEST req)
{
	const u8 *list = req->DATA.SET_INFORMATION.InformationBuffer;
	UINT length = req->DATA.SET_INFORMATION.InformationBufferLength;
	struct ndis_adapter *a = b->adapter;
	ULONG limit = a->mp.attrs.MaxMulticastListSize;
	unsigned int n = length / ETH_ALEN, i;
	unsigned long flags;
	bool fits;

	req->DATA.SET_INFORMATION.BytesRead = 0;
	if (length % ETH_ALEN) {
		req->DATA.SET_INFORMATION.BytesNeeded = (n + 1) * ETH_ALEN;
		return NDIS_STATUS_INVALID_LENGTH;
	}
	if (n > NDIS_MCAST_MAX || (limit && n > limit))
		return NDIS_STATUS_MULTICAST_FULL;
	for (i = 0; i < n; i++)
		if (!is_multicast_ether_addr(list + i * ETH_ALEN))
			return NDIS_STATUS_INVALID_DATA;
	if (!limit || limit > NDIS_MCAST_ADAPTER_MAX)
		limit = NDIS_MCAST_ADAPTER_MAX;
	spin_lock_irqsave(&a->oid.mcast_lock, flags);
	fits = ndis_oid_mcast_fits(b, list, n, limit);
	if (fits) {
		spin_lock(&b->lock);
		memcpy(b->filter.mcast, list, n * ETH_ALEN);
		b->filter.nmcast = n;
		spin_unlock(&b->lock);
	}
	spin_unlock_irqrestore(&a->oid.mcast_lock, flags);
	if (!fits)
		return NDIS_STATUS_MULTICAST_FULL;
	req->DATA.SET_INFORMATION.BytesRead = length;
	return ndis_oid_own_change(a, NDIS_OWN_MCAST, b, req);
}

/* Handle a set NDIS owns. Return: false to ask the miniport. */
static bool ndis_oid_set(struct ndis_binding *b, PNDIS_OID_REQUEST req, NDIS_STATUS *status)
{
	ULONG filter;

	switch (req->DATA.SET_INFORMATION.Oid) {
	case OID_GEN_CURRENT_PACKET_FILTER:
		req->DATA.SET_INFORMATION.BytesRead = 0;
		if (req->DATA.SET_INFORMATION.InformationBufferLength < sizeof(filter)) {
			req->DATA.SET_INFORMATION.BytesNeeded = sizeof(filter);
			*status = NDIS_STATUS_INVALID_LENGTH;
			return true;
		}
		filter = *(ULONG *)req->DATA.SET_INFORMATION.InformationBuffer;
		if (filter & ~b->adapter->mp.attrs.SupportedPacketFilters) {
			*status = NDIS_STATUS_NOT_SUPPORTED;
			return true;
		}
		req->DATA.SET_INFORMATION.BytesRead = sizeof(filter);
		*status = ndis_oid_set_filter(b, filter, req);
		return true;
	case OID_802_3_MULTICAST_LIST:
		*status = ndis_oid_set_mcast_list(b, req);
		return true;
	case OID_802_3_CURRENT_ADDRESS:
	case OID_802_3_PERMANENT_ADDRESS:
		*status = NDIS_STATUS_INVALID_OID;	/* read-only */
		return true;
	}
	return false;
}

/*
 * Take the queued requests of @b (all, or those with @id) off the queue,
 * and its filter and multicast sets off their waiting lists.
 */
static void ndis_oid_unqueue(struct ndis_adapter *a, struct ndis_binding *b, bool all,
			     void *id, struct list_head *out)
{
	PNDIS_OID_REQUEST req, tmp;
	enum ndis_own_oid kind;

	spin_lock_bh(&a->oid.lock);
	list_for_each_entry_safe(req, tmp, &a->oid.queue, Ndis.node)
		if (req->Ndis.binding == b && (all || req->RequestId == id))
			list_move_tail(&req->Ndis.node, out);
	for (kind = NDIS_OWN_FILTER; kind <= NDIS_OWN_MCAST; kind++)
		list_for_each_entry_safe(req, tmp, &a->oid.own[kind].waiters, Ndis.node)
			if (req->Ndis.binding == b && (all || req->RequestId == id))
				list_move_tail(&req->Ndis.node, out);
	spin_unlock_bh(&a->oid.lock);
}

static void ndis_oid_abort_list(struct ndis_adapter *a, struct list_head *list)
{
	PNDIS_OID_REQUEST req, tmp;

	list_for_each_entry_safe(req, tmp, list, Ndis.node) {
		list_del_init(&req->Ndis.node);
		ndis_oid_done(a, req, NDIS_STATUS_REQUEST_ABORTED);
	}
}

/*
 * NdisOidRequest on an open binding: count it, answer what NDIS knows, or
 * queue it for the miniport. A request already in progress is reported
 * against @api and @caller. Return: the NdisOidRequest status. Under RCU,
 * which keeps @b valid until the request is counted.
 */
NDIS_STATUS ndis_oid_request(struct ndis_binding *b, PNDIS_OID_REQUEST req, void *handle,
			     const char *api, unsigned long caller)
{
	NDIS_STATUS status = NDIS_STATUS_PENDING;
	bool answered;

	/* Counted before anything is looked at: the close waits for us. */
	if (!ndis_oid_get(b))
		return NDIS_STATUS_CLOSING;
	req->RequestHandle = handle;
	/* NDIS owns no method: every method request is the miniport's. */
	if (req->RequestType == NdisRequestSetInformation)
		answered = ndis_oid_set(b, req, &status);
	else if (req->RequestType == NdisRequestMethod)
		answered = false;
	else
		answered = ndis_oid_query(b, req, &status);
	if (answered && status == NDIS_STATUS_PENDING) {
		/* A filter or multicast set waits for the miniport to take it. */
		ndis_total_inc(NDIS_TOTAL_OIDS_PENDED);
		return NDIS_STATUS_PENDING;	/* the count goes with it */
	}
	if (!answered && READ_ONCE(b->adapter->power.target) != NdisDeviceStateD0) {
		status = NDIS_STATUS_LOW_POWER_STATE;	/* nothing reaches a sleeping miniport */
	} else if (!answered && READ_ONCE(b->adapter->state) == NDIS_ADAPTER_SHUTDOWN) {
		status = NDIS_STATUS_ADAPTER_NOT_READY;	/* nor one that was shut down */
	} else if (!answered) {
		if (atomic_cmpxchg(&req->Ndis.state, NDIS_OID_IDLE, NDIS_OID_QUEUED) ==
		    NDIS_OID_IDLE) {
			ndis_total_inc(NDIS_TOTAL_OIDS_PENDED);
			ndis_oid_enqueue(b->adapter, b, req);
			return NDIS_STATUS_PENDING;	/* the count goes with it */
		}
		ndis_misuse(api, "a request not in progress already", caller);
		status = NDIS_STATUS_INVALID_PARAMETER;
	}
	ndis_oid_put(b);
	return status;
}

/*
 * NdisCancelOidRequest on @b: abort its queued requests with @id, and
 * pass one the miniport holds to MiniportCancelOidRequest. Under RCU.
 */
void ndis_oid_cancel(struct ndis_binding *b, void *id)
{
	struct ndis_adapter *a = b->adapter;
	LIST_HEAD(aborted);
	bool held;

	if (!ndis_oid_get(b))	/* closing: its requests are aborted anyway */
		return;
	ndis_oid_unqueue(a, b, false, id, &aborted);
	spin_lock_bh(&a->oid.lock);
	held = a->oid.active && a->oid.active->Ndis.binding == b &&
	       a->oid.active->RequestId == id;
	if (held && a->oid.in_handler) {
		a->oid.cancel_deferred = true;	/* ndis_oid_work() sends it */
		held = false;
	}
	spin_unlock_bh(&a->oid.lock);
	ndis_oid_abort_list(a, &aborted);
	if (held)
		a->driver->chars.CancelOidRequestHandler(a->mp.context, id);
	ndis_oid_put(b);
}

/* Move the expired requests of @list to @expired. Return: whether others wait. */
static bool ndis_oid_expire(struct list_head *list, struct list_head *expired)
{
	PNDIS_OID_REQUEST req, tmp;
	bool more = false;

	list_for_each_entry_safe(req, tmp, list, Ndis.node) {
		if (!req->Ndis.deadline)
			continue;
		if (time_after_eq(jiffies, req->Ndis.deadline))
			list_move_tail(&req->Ndis.node, expired);
		else
			more = true;
	}
	return more;
}

/*
 * Once a second while requests with a Timeout wait: abort the expired ones
 * still queued, ask the miniport to cancel the expired one it holds (once;
 * a miniport that then never completes it is reported, not worked around:
 * it holds the protocol's memory).
 */
static void ndis_oid_timeout_work(struct work_struct *work)
{
	struct ndis_adapter *a = container_of(to_delayed_work(work), struct ndis_adapter,
					      oid.timeout);
	PNDIS_OID_REQUEST req, cancel = NULL;
	bool stuck = false, more;
	LIST_HEAD(expired);
	PVOID id = NULL;

	spin_lock_bh(&a->oid.lock);
	more = ndis_oid_expire(&a->oid.queue, &expired);
	more |= ndis_oid_expire(&a->oid.own[NDIS_OWN_FILTER].waiters, &expired);
	more |= ndis_oid_expire(&a->oid.own[NDIS_OWN_MCAST].waiters, &expired);
	req = a->oid.active;
	if (req && req->Ndis.deadline) {
		/* Not while its MiniportOidRequest runs: the next tick does it. */
		if (time_after_eq(jiffies, req->Ndis.deadline) && !a->oid.in_handler) {
			if (!req->Ndis.cancelled) {
				req->Ndis.cancelled = true;
				req->Ndis.deadline = ndis_oid_deadline(max(req->Timeout, 1U));
				cancel = req;
				id = req->RequestId;
			} else {
				stuck = true;
				req->Ndis.deadline = 0;
			}
		}
		more |= !!req->Ndis.deadline;
	}
	a->oid.timer_armed = more;
	spin_unlock_bh(&a->oid.lock);

	ndis_oid_abort_list(a, &expired);
	if (cancel)
		a->driver->chars.CancelOidRequestHandler(a->mp.context, id);
	if (stuck)
		ndis_misuse("MiniportOidRequest", "completion of a cancelled request",
			    (unsigned long)a->driver->chars.OidRequestHandler);
	if (more)
		queue_delayed_work(ndis_complete_wq, &a->oid.timeout, HZ);
}

/* The binding's open completed: requests are welcome. */
void ndis_oid_open(struct ndis_binding *b)
{
	WRITE_ONCE(b->gate.oids_open, true);
}

/*
 * The binding is closing: refuse new requests, abort its queued ones, wait
 * for the one the miniport holds, and take its packet filter out of the
 * adapter's. PASSIVE_LEVEL.
 */
void ndis_oid_close(struct ndis_binding *b)
{
	struct ndis_adapter *a = b->adapter;
	LIST_HEAD(aborted);

	if (!READ_ONCE(b->gate.oids_open))
		return;
	ndis_gate_shut(&b->gate.oids_open);
	ndis_oid_unqueue(a, b, true, NULL, &aborted);
	ndis_oid_abort_list(a, &aborted);
	ndis_watch_event(b->gate.drain_wq, !atomic_read(&b->gate.oids_out), b->name,
			 a->driver->name, "an OID request (NdisMOidRequestComplete)");
	if (READ_ONCE(b->filter.types))
		ndis_oid_set_filter(b, 0, NULL);
	if (b->filter.nmcast)
		ndis_oid_clear_mcast(b);
}

/* Adapter start: an empty queue. */
void ndis_oid_adapter_init(struct ndis_adapter *a)
{
	enum ndis_own_oid kind;

	spin_lock_init(&a->oid.lock);
	spin_lock_init(&a->oid.mcast_lock);
	INIT_LIST_HEAD(&a->oid.queue);
	for (kind = 0; kind < NDIS_OWN_MAX; kind++)
		INIT_LIST_HEAD(&a->oid.own[kind].waiters);
	INIT_WORK(&a->oid.work, ndis_oid_work);
	INIT_DELAYED_WORK(&a->oid.timeout, ndis_oid_timeout_work);
	init_waitqueue_head(&a->oid.wq);
}

/* Adapter teardown, every binding gone: let NDIS's own requests finish. */
static bool ndis_oid_idle(struct ndis_adapter *a)
{
	bool idle;

	spin_lock_bh(&a->oid.lock);
	idle = !a->oid.active && !a->oid.finishing && list_empty(&a->oid.queue);
	if (idle)
		a->oid.dead = true;	/* nothing queues or kicks from now on */
	spin_unlock_bh(&a->oid.lock);
	return idle;
}

void ndis_oid_adapter_quiesce(struct ndis_adapter *a)
{
	ndis_watch_event(a->oid.wq, ndis_oid_idle(a), a->name, a->driver->name,
			 "an OID request (NdisMOidRequestComplete)");
	cancel_work_sync(&a->oid.work);
	cancel_delayed_work_sync(&a->oid.timeout);
}

/*
 * Send OID_PNP_SET_POWER(@state) to the miniport and wait for its answer.
 * PASSIVE_LEVEL, op.lock held.
 */
NDIS_STATUS ndis_oid_set_power(struct ndis_adapter *a, NDIS_DEVICE_POWER_STATE state)
{
	enum ndis_own_oid kind;
	bool again;

	lockdep_assert_held(&a->op.lock);
	WRITE_ONCE(a->power.target, state);
	reinit_completion(&a->power.done);
	ndis_oid_own_push(a, NDIS_OWN_POWER);
	ndis_watch_completion(&a->power.done, a->name, a->driver->name,
			      "OID_PNP_SET_POWER (NdisMOidRequestComplete)");
	if (a->power.status != NDIS_STATUS_SUCCESS)
		WRITE_ONCE(a->power.target, a->power.state);
	if (READ_ONCE(a->power.target) != NdisDeviceStateD0)
		return a->power.status;
	/* Awake (again): send what changed while it slept. */
	for (kind = NDIS_OWN_FILTER; kind <= NDIS_OWN_MCAST; kind++) {
		spin_lock_bh(&a->oid.lock);
		again = a->oid.own[kind].dirty;
		spin_unlock_bh(&a->oid.lock);
		if (again)
			ndis_oid_own_push(a, kind);
	}
	return a->power.status;
}
