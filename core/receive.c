// SPDX-License-Identifier: GPL-2.0
/*
 * The receive path: NdisMIndicateReceiveNetBufferLists to every running
 * binding whose packet filter takes the frame, and NdisReturnNetBufferLists
 * back to MiniportReturnNetBufferLists, exactly once per NBL, after the
 * last binding gave it back.
 *
 * Each binding gets its own NBL for each frame: a receive copy that views
 * the miniport's storage (the skb is shared, the view is the copy's), like
 * an NDIS clone. Bindings can then hold, relink and advance their NBLs
 * without seeing each other's changes. Copies come from a stash of the
 * binding's that grows, NDIS_RX_CHUNK copies at a time, as frames reach it
 * while the ones it has are out, up to NDIS_RX_COPIES: a binding that never
 * receives costs nothing, one that returns at once needs about one
 * indication's worth, and in the steady state fan-out allocates nothing.
 * The copies stay the binding's until its close (a copy returned twice is
 * still a copy, and is reported), which hands the chunks to RCU rather
 * than waiting for a grace period itself. An indicated NBL counts the
 * copies still out and goes back to the miniport when the count reaches
 * zero. A binding whose stash is empty and full-grown, or gets no memory
 * (or a frame of several NBs), gets the miniport's NBL itself, alone, with
 * NDIS_RECEIVE_FLAGS_RESOURCES: it must copy what it needs, as NDIS lets
 * itself decide.
 *
 * NBLs nobody took are given back from a work item, never from inside the
 * miniport's own indicate call, where it may hold locks of its own.
 */
#include <linux/etherdevice.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "adapter.h"
#include "binding.h"
#include "datapath.h"
#include "miniport.h"
#include "nbdata.h"
#include "nblcontext.h"
#include "oid.h"
#include "protocol.h"
#include "registry.h"
#include "report.h"
#include "state.h"
#include "watch.h"

/* -- receive copies --------------------------------------------------------- */

/* NDIS_RX_CHUNK receive copies, freed together after a grace period. */
struct ndis_rx_chunk {
	struct rcu_head rcu;
	struct ndis_rx_chunk *next;
	NET_BUFFER_LIST copies[NDIS_RX_CHUNK];
};

/* An empty stash. PASSIVE_LEVEL, when the binding's open completes. */
void ndis_rx_open(struct ndis_binding *b)
{
	spin_lock_init(&b->rx.lock);
	b->rx.free = NULL;
	b->rx.chunks = NULL;
	b->rx.ncopies = 0;
}

/*
 * The close: wait for the copies the protocol holds, then let the stash go.
 * A return racing the close (a protocol's second return of a copy) runs
 * under RCU and may still look at its copy: the chunks are freed after a
 * grace period, without this thread waiting for one.
 */
void ndis_rx_close(struct ndis_binding *b)
{
	struct ndis_rx_chunk *chunk, *next;

	if (!wait_event_timeout(b->gate.drain_wq, !atomic_read(&b->rx.held), 10 * HZ)) {
		ndis_misuse("ProtocolUnbindAdapterEx",
			    "held receives returned (NdisReturnNetBufferLists) before the close",
			    (unsigned long)b->protocol->chars.UnbindAdapterHandlerEx);
		ndis_watch_event(b->gate.drain_wq, !atomic_read(&b->rx.held), b->name,
				 b->protocol->name,
				 "returning receives (NdisReturnNetBufferLists)");
	}
	spin_lock_irq(&b->rx.lock);
	chunk = b->rx.chunks;
	b->rx.chunks = NULL;
	b->rx.free = NULL;
	b->rx.ncopies = 0;
	spin_unlock_irq(&b->rx.lock);
	for (; chunk; chunk = next) {
		next = chunk->next;
		kfree_rcu(chunk, rcu);
	}
}

/* Grow @b's stash by a chunk, up to NDIS_RX_COPIES. Return: a copy, or NULL. */
static PNET_BUFFER_LIST ndis_rx_stash_grow(struct ndis_binding *b)
{
	struct ndis_rx_chunk *chunk;
	unsigned long flags;
	int i;

	if (READ_ONCE(b->rx.ncopies) >= NDIS_RX_COPIES)
		return NULL;
	chunk = kzalloc(sizeof(*chunk), GFP_ATOMIC | __GFP_NOWARN);
	if (!chunk)
		return NULL;
	for (i = 0; i < NDIS_RX_CHUNK; i++)
		chunk->copies[i].FirstNetBuffer = &chunk->copies[i].Ndis.nb;
	spin_lock_irqsave(&b->rx.lock, flags);
	chunk->next = b->rx.chunks;
	b->rx.chunks = chunk;
	b->rx.ncopies += NDIS_RX_CHUNK;
	for (i = NDIS_RX_CHUNK - 1; i > 0; i--) {	/* the first is the caller's */
		chunk->copies[i].Next = b->rx.free;
		b->rx.free = &chunk->copies[i];
	}
	spin_unlock_irqrestore(&b->rx.lock, flags);
	return &chunk->copies[0];
}

static PNET_BUFFER_LIST ndis_rx_copy_get(struct ndis_binding *b)
{
	PNET_BUFFER_LIST copy;
	unsigned long flags;

	spin_lock_irqsave(&b->rx.lock, flags);
	copy = b->rx.free;
	if (copy)
		b->rx.free = copy->Next;
	spin_unlock_irqrestore(&b->rx.lock, flags);
	return copy ?: ndis_rx_stash_grow(b);
}

static void ndis_rx_copy_put(struct ndis_binding *b, PNET_BUFFER_LIST copy)
{
	unsigned long flags;

	ndis_nb_release(&copy->Ndis.nb);	/* the view, not the miniport's storage */
	spin_lock_irqsave(&b->rx.lock, flags);
	copy->Next = b->rx.free;
	b->rx.free = copy;
	spin_unlock_irqrestore(&b->rx.lock, flags);
}

/*
 * Make @copy a private view of the one-frame NBL @nbl for @b, in @state:
 * indicated (the protocol may keep it) or lent (RESOURCES: it may not).
 */
static void ndis_rx_copy_fill(PNET_BUFFER_LIST copy, PNET_BUFFER_LIST nbl, struct ndis_binding *b,
			      int state)
{
	PNET_BUFFER nb = nbl->FirstNetBuffer;

	copy->Next = NULL;
	copy->FirstNetBuffer = &copy->Ndis.nb;
	copy->SourceHandle = nbl->SourceHandle;
	copy->NblFlags = nbl->NblFlags;
	copy->Status = NDIS_STATUS_SUCCESS;
	memcpy(copy->NetBufferListInfo, nbl->NetBufferListInfo, sizeof(copy->NetBufferListInfo));
	copy->Ndis.nb.Next = NULL;
	/* The miniport's storage, viewed: a chain of its MDLs is shared as is. */
	copy->Ndis.nb.Skb = nb->Skb ? skb_get(nb->Skb) : NULL;
	copy->Ndis.nb.MdlChain = nb->Skb ? NULL : nb->MdlChain;
	copy->Ndis.nb.CurrentMdl = nb->Skb ? NULL : nb->CurrentMdl;
	copy->Ndis.nb.CurrentMdlOffset = nb->Skb ? 0 : nb->CurrentMdlOffset;
	copy->Ndis.nb.Ndis.borrowed = copy->Ndis.nb.MdlChain;
	copy->Ndis.nb.DataOffset = nb->DataOffset;
	copy->Ndis.nb.DataLength = nb->DataLength;
	copy->Ndis.nb.SharedMemoryInfo = nb->SharedMemoryInfo;
	copy->Ndis.parent = nbl;
	copy->Ndis.binding = b;
	atomic_set(&copy->Ndis.state, state);
}

/* -- packet filter -------------------------------------------------------- */

static bool ndis_rx_accepts(struct ndis_adapter *a, struct ndis_binding *b, u32 filter,
			    PNET_BUFFER_LIST nbl)
{
	UCHAR storage[ETH_ALEN];
	u8 mac[ETH_ALEN] __aligned(2);
	const UCHAR *dst;

	if (filter & NDIS_PACKET_TYPE_PROMISCUOUS)
		return true;
	if (a->mp.attrs.MediaType != NdisMedium802_3)
		return filter;
	dst = NdisGetDataBuffer(nbl->FirstNetBuffer, ETH_ALEN, storage, 1, 0);
	if (!dst)
		return false;
	if (is_broadcast_ether_addr(dst))
		return filter & NDIS_PACKET_TYPE_BROADCAST;
	if (is_multicast_ether_addr(dst))
		return (filter & NDIS_PACKET_TYPE_ALL_MULTICAST) ||
		       ((filter & NDIS_PACKET_TYPE_MULTICAST) && ndis_oid_mcast_has(b, dst));
	if (!(filter & NDIS_PACKET_TYPE_DIRECTED))
		return false;
	ndis_adapter_current_mac(a, mac, ETH_ALEN);
	return ether_addr_equal(dst, mac);
}

/* -- giving NBLs back to the miniport -------------------------------------- */

static void ndis_rx_give_back(struct ndis_adapter *a, PNET_BUFFER_LIST chain, u32 flags)
{
	PNET_BUFFER_LIST nbl;
	int n = 0;

	for (nbl = chain; nbl; nbl = nbl->Next) {
		atomic_set(&nbl->Ndis.state, NDIS_NBL_IDLE);	/* the miniport's again */
		n++;
	}
	a->driver->chars.ReturnNetBufferListsHandler(a->mp.context, chain, flags);
	rcu_read_lock();
	if (atomic_sub_and_test(n, &a->rx.out))
		wake_up_all(&a->rx.wq);
	rcu_read_unlock();
}

/* ndis_rx_give_back() for a list linked through Ndis.parent. */
static void ndis_rx_give_back_list(struct ndis_adapter *a, PNET_BUFFER_LIST list, u32 flags)
{
	PNET_BUFFER_LIST chain = NULL, next;

	if (!list)
		return;
	for (; list; list = next) {
		next = list->Ndis.parent;
		list->Ndis.parent = NULL;
		list->Next = chain;
		chain = list;
	}
	ndis_rx_give_back(a, chain, flags);
}

static void ndis_rx_return_work(struct work_struct *work)
{
	struct ndis_adapter *a = container_of(work, struct ndis_adapter, rx.return_work);
	PNET_BUFFER_LIST chain;

	spin_lock_irq(&a->rx.return_lock);
	chain = a->rx.returns;
	a->rx.returns = NULL;
	spin_unlock_irq(&a->rx.return_lock);
	if (chain)
		ndis_rx_give_back(a, chain, 0);
}

bool ndis_rx_is_return_work(struct work_struct *work)
{
	return work->func == ndis_rx_return_work;
}

/*
 * Give NBLs back later, from process context. @list is linked through
 * Ndis.parent (their Next links were the miniport's chain while we walked it).
 */
static void ndis_rx_defer(struct ndis_adapter *a, PNET_BUFFER_LIST list)
{
	PNET_BUFFER_LIST chain = NULL, last = list, next;
	unsigned long flags;

	if (!list)
		return;
	for (; list; list = next) {
		next = list->Ndis.parent;
		list->Ndis.parent = NULL;
		list->Next = chain;
		chain = list;
	}
	spin_lock_irqsave(&a->rx.return_lock, flags);
	last->Next = a->rx.returns;
	a->rx.returns = chain;
	spin_unlock_irqrestore(&a->rx.return_lock, flags);
	queue_work(ndis_complete_wq, &a->rx.return_work);
}

/* -- indicate ---------------------------------------------------------------- */

/* One binding's share of an indication. Upcall gate entered. */
static void ndis_rx_deliver(struct ndis_adapter *a, struct ndis_binding *b, void *mark,
			    PNET_BUFFER_LIST chain, u32 port, u32 flags)
{
	PROTOCOL_RECEIVE_NET_BUFFER_LISTS *receive =
		b->protocol->chars.ReceiveNetBufferListsHandler;
	bool resources = flags & NDIS_RECEIVE_FLAGS_RESOURCES;
	PNET_BUFFER_LIST nbl, copy, next, head = NULL, *tail = &head;
	ULONG filter = READ_ONCE(b->filter.types);
	ULONG n = 0;

	for (nbl = chain; nbl; nbl = nbl->Next) {
		if (nbl->Ndis.binding != mark || !ndis_rx_accepts(a, b, filter, nbl))
			continue;
		copy = !nbl->FirstNetBuffer->Next ? ndis_rx_copy_get(b) : NULL;
		if (!copy) {
			/* No copy to give: the miniport's own NBL, alone, not to keep. */
			next = nbl->Next;
			nbl->Next = NULL;
			receive(b->protocol_ctx, nbl, port, 1,
				flags | NDIS_RECEIVE_FLAGS_RESOURCES);
			nbl->Next = next;
			ndis_binding_count(b, NDIS_STAT_RECEIVED, 1);
			continue;
		}
		ndis_rx_copy_fill(copy, nbl, b, resources ? NDIS_NBL_LENT : NDIS_NBL_INDICATED);
		if (!resources) {
			atomic_inc(&nbl->Ndis.rx_refs);
			atomic_inc(&b->rx.held);
		}
		*tail = copy;
		tail = &copy->Next;
		n++;
	}
	if (!n)
		return;
	ndis_binding_count(b, NDIS_STAT_RECEIVED, n);
	receive(b->protocol_ctx, head, port, n, flags);
	if (!resources)
		return;
	/* Nothing may be kept: every copy is ours again (linkage restored). */
	for (copy = head; copy; copy = next) {
		next = copy->Next;
		atomic_set(&copy->Ndis.state, NDIS_NBL_IDLE);
		ndis_nbl_context_release(copy, "ProtocolReceiveNetBufferLists",
					 (unsigned long)receive);
		ndis_rx_copy_put(b, copy);
	}
}

/*
 * NdisMIndicateReceiveNetBufferLists on @a, looked up by the caller under
 * RCU: every running binding whose filter takes a frame gets its own copy;
 * the miniport's NBLs go back once every copy is returned (now, with
 * NDIS_RECEIVE_FLAGS_RESOURCES). An NBL in flight or without data is
 * reported against @api and @caller and left out. Return: -EINVAL, with
 * nothing done, if @a is not restarting, running or pausing.
 */
int ndis_rx_indicate(struct ndis_adapter *a, void *handle, PNET_BUFFER_LIST chain, u32 port,
		     u32 flags, const char *api, unsigned long caller)
{
	bool resources = flags & NDIS_RECEIVE_FLAGS_RESOURCES;
	PNET_BUFFER_LIST nbl, next, back = NULL;
	enum ndis_adapter_state state;
	struct ndis_binding *b;
	void *mark = &mark;	/* tells this call's NBLs from a concurrent one's */
	bool raised;
	int n = 0;

	state = READ_ONCE(a->state);
	if (state != NDIS_ADAPTER_RUNNING && state != NDIS_ADAPTER_PAUSING &&
	    state != NDIS_ADAPTER_RESTARTING)
		return -EINVAL;
	atomic_inc(&a->rx.indicating);
	for (nbl = chain; nbl; nbl = nbl->Next) {
		if (!nbl->FirstNetBuffer ||
		    (!nbl->FirstNetBuffer->Skb && !nbl->FirstNetBuffer->MdlChain) ||
		    atomic_cmpxchg(&nbl->Ndis.state, NDIS_NBL_IDLE, NDIS_NBL_INDICATED) !=
		    NDIS_NBL_IDLE) {
			ndis_misuse(api, "idle NBLs with data", caller);
			continue;
		}
		nbl->SourceHandle = handle;
		nbl->Ndis.binding = mark;
		atomic_set(&nbl->Ndis.rx_refs, 1);	/* this call's own */
		n++;
	}
	if (!resources)
		atomic_add(n, &a->rx.out);

	raised = ndis_dispatch_enter();
	list_for_each_entry_rcu(b, &a->open.list, open_node) {
		if (!READ_ONCE(b->filter.types) || !ndis_binding_upcall_enter(b))
			continue;
		/* After entering: a pause that set Pausing waits for us, or we see it. */
		if (READ_ONCE(b->state) == NDIS_BINDING_RUNNING)
			ndis_rx_deliver(a, b, mark, chain, port, flags);
		ndis_binding_upcall_exit(b);
	}
	ndis_dispatch_leave(raised);

	/* Drop this call's references; what nobody holds goes back later. */
	for (nbl = chain; nbl; nbl = next) {
		next = nbl->Next;	/* before the drop: then it may be gone */
		if (nbl->Ndis.binding != mark)
			continue;
		nbl->Ndis.binding = NULL;
		if (resources) {
			atomic_set(&nbl->Ndis.state, NDIS_NBL_IDLE);
			continue;
		}
		if (!atomic_dec_and_test(&nbl->Ndis.rx_refs))
			continue;
		nbl->Ndis.parent = back;	/* not Next: we are walking that */
		back = nbl;
	}
	ndis_rx_defer(a, back);
	atomic_dec(&a->rx.indicating);
	return 0;
}

/*
 * NdisReturnNetBufferLists on @b, looked up by the caller under RCU: each
 * copy back to the binding's free list, and each miniport NBL whose last
 * copy came back to the miniport.
 */
void ndis_rx_return(struct ndis_binding *b, PNET_BUFFER_LIST chain, u32 flags,
		    const char *api, unsigned long caller)
{
	PNET_BUFFER_LIST copy, next, parent, back = NULL;

	for (copy = chain; copy; copy = next) {
		next = copy->Next;
		if (copy->Ndis.binding != b ||
		    atomic_cmpxchg(&copy->Ndis.state, NDIS_NBL_INDICATED, NDIS_NBL_IDLE) !=
		    NDIS_NBL_INDICATED) {
			ndis_misuse(api, "NBLs indicated to this binding, returned once", caller);
			continue;
		}
		parent = copy->Ndis.parent;
		ndis_nbl_context_release(copy, api, caller);
		ndis_rx_copy_put(b, copy);
		if (atomic_dec_and_test(&b->rx.held))
			wake_up_all(&b->gate.drain_wq);
		if (atomic_dec_and_test(&parent->Ndis.rx_refs)) {
			parent->Ndis.parent = back;
			back = parent;
		}
	}
	/*
	 * Never into the miniport from inside its own indicate (a protocol may
	 * return from its receive handler): defer while one is under way.
	 */
	if (atomic_read(&b->adapter->rx.indicating))
		ndis_rx_defer(b->adapter, back);
	else
		ndis_rx_give_back_list(b->adapter, back, flags);
}

/* Adapter start. */
void ndis_rx_adapter_init(struct ndis_adapter *a)
{
	init_waitqueue_head(&a->rx.wq);
	spin_lock_init(&a->rx.return_lock);
	INIT_WORK(&a->rx.return_work, ndis_rx_return_work);
}

/* The miniport paused: wait until every indicated NBL is back with it. */
void ndis_rx_adapter_drain(struct ndis_adapter *a)
{
	ndis_watch_event(a->rx.wq, !atomic_read(&a->rx.out), a->name, "a protocol",
			 "returning receives (NdisReturnNetBufferLists)");
	flush_work(&a->rx.return_work);
}
