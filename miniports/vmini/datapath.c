// SPDX-License-Identifier: GPL-2.0
/*
 * The wire: a send is copied once into an skb and a clone of it queued on
 * every device that hears it (the others in its hub, or itself in
 * loopback mode). Each device indicates what it heard from its own work
 * item, never from inside the sender's call, so a protocol that answers a
 * frame from its receive handler cannot recurse into us. The hardware
 * filter (the merged packet filter and multicast list NDIS sets) is
 * applied there, as a NIC would.
 */
#include "vmini.h"

static LIST_HEAD(ndis_vmini_hub);		/* initialised devices, RCU */
static DEFINE_SPINLOCK(ndis_vmini_hub_lock);	/* writers of ndis_vmini_hub */

/**
 * ndis_vmini_hub_attach() - start hearing frames
 * @vd: a device whose adapter was just initialised
 */
void ndis_vmini_hub_attach(struct ndis_vmini_dev *vd)
{
	spin_lock_bh(&ndis_vmini_hub_lock);
	list_add_tail_rcu(&vd->hub_node, &ndis_vmini_hub);
	spin_unlock_bh(&ndis_vmini_hub_lock);
}

/**
 * ndis_vmini_hub_detach() - stop hearing frames; no sender holds @vd after
 * @vd: a device being halted
 *
 * Context: process context (waits for an RCU grace period).
 */
void ndis_vmini_hub_detach(struct ndis_vmini_dev *vd)
{
	spin_lock_bh(&ndis_vmini_hub_lock);
	list_del_rcu(&vd->hub_node);
	spin_unlock_bh(&ndis_vmini_hub_lock);
	synchronize_rcu();
}

static bool ndis_vmini_hears(const struct ndis_vmini_dev *from, const struct ndis_vmini_dev *to)
{
	if (!from->hub)
		return to == from;
	return to != from && to->hub == from->hub;
}

/* Queue a clone of @skb on every device that hears @from. */
static void ndis_vmini_deliver(struct ndis_vmini_dev *from, struct sk_buff *skb)
{
	struct ndis_vmini_dev *to;
	struct sk_buff *clone;

	rcu_read_lock();
	list_for_each_entry_rcu(to, &ndis_vmini_hub, hub_node) {
		if (!ndis_vmini_hears(from, to) || !READ_ONCE(to->link_up))
			continue;
		clone = skb_queue_len(&to->rxq) < NDIS_VMINI_RXQ_MAX ?
			skb_clone(skb, GFP_ATOMIC) : NULL;
		if (!clone) {
			atomic64_inc(&to->stats.rx_discards);
			continue;
		}
		skb_queue_tail(&to->rxq, clone);
		schedule_work(&to->rx_work);
	}
	rcu_read_unlock();
}

static void ndis_vmini_count(atomic64_t *frames, atomic64_t *bytes, const u8 *dst,
			     unsigned int len)
{
	if (is_broadcast_ether_addr(dst))
		atomic64_inc(&frames[NDIS_VMINI_BCAST]);
	else if (is_multicast_ether_addr(dst))
		atomic64_inc(&frames[NDIS_VMINI_MCAST]);
	else
		atomic64_inc(&frames[NDIS_VMINI_UCAST]);
	atomic64_add(len, bytes);
}

/* Put one NB on the wire. Return: its status. */
static NDIS_STATUS ndis_vmini_send_nb(struct ndis_vmini_dev *vd, PNET_BUFFER nb)
{
	ULONG len = NET_BUFFER_DATA_LENGTH(nb);
	struct sk_buff *skb;
	void *data;

	if (len < ETH_HLEN || len > NDIS_VMINI_MTU + ETH_HLEN) {
		atomic64_inc(&vd->stats.tx_errors);
		return NDIS_STATUS_INVALID_LENGTH;
	}
	if (READ_ONCE(vd->knobs.drop_sends)) {
		atomic64_inc(&vd->stats.tx_discards);
		return NDIS_STATUS_SUCCESS;	/* lost on the wire, as with a NIC */
	}
	skb = alloc_skb(len, GFP_ATOMIC);
	if (!skb) {
		atomic64_inc(&vd->stats.tx_discards);
		return NDIS_STATUS_RESOURCES;
	}
	data = NdisGetDataBuffer(nb, len, skb_put(skb, len), 1, 0);
	if (!data) {
		kfree_skb(skb);
		atomic64_inc(&vd->stats.tx_errors);
		return NDIS_STATUS_FAILURE;
	}
	if (data != skb->data)
		memcpy(skb->data, data, len);
	ndis_vmini_count(vd->stats.tx, &vd->stats.tx_bytes, skb->data, len);
	ndis_vmini_deliver(vd, skb);
	consume_skb(skb);
	return NDIS_STATUS_SUCCESS;
}

/* Take one failure off the fail_sends knob, if it has any left. */
static bool ndis_vmini_fail_send(struct ndis_vmini_dev *vd)
{
	u32 n = READ_ONCE(vd->knobs.fail_sends);

	while (n)
		if (try_cmpxchg(&vd->knobs.fail_sends, &n, n - 1))
			return true;
	return false;
}

static NDIS_STATUS ndis_vmini_send_nbl(struct ndis_vmini_dev *vd, PNET_BUFFER_LIST nbl)
{
	NDIS_STATUS status = NDIS_STATUS_SUCCESS, nb_status;
	PNET_BUFFER nb;

	if (!READ_ONCE(vd->running))
		return NDIS_STATUS_PAUSED;
	if (!READ_ONCE(vd->link_up))
		return NDIS_STATUS_MEDIA_DISCONNECTED;
	if (ndis_vmini_fail_send(vd)) {
		atomic64_inc(&vd->stats.tx_errors);
		return NDIS_STATUS_FAILURE;
	}
	for (nb = NET_BUFFER_LIST_FIRST_NB(nbl); nb; nb = NET_BUFFER_NEXT_NB(nb)) {
		nb_status = ndis_vmini_send_nb(vd, nb);
		if (nb_status != NDIS_STATUS_SUCCESS)
			status = nb_status;
	}
	return status;
}

/**
 * ndis_vmini_send() - MiniportSendNetBufferLists
 * @ctx: the device
 * @chain: NBLs to send
 * @port: 0
 * @flags: NDIS_SEND_FLAGS_*
 *
 * Completion is at once, or later from tx_work when a knob delays or
 * reorders it.
 */
void ndis_vmini_send(NDIS_HANDLE ctx, PNET_BUFFER_LIST chain, NDIS_PORT_NUMBER port,
		     ULONG flags)
{
	struct ndis_vmini_dev *vd = ctx;
	u32 delay = READ_ONCE(vd->knobs.send_delay_ms);
	PNET_BUFFER_LIST nbl, *tail;

	for (nbl = chain; nbl; nbl = NET_BUFFER_LIST_NEXT_NBL(nbl))
		nbl->Status = ndis_vmini_send_nbl(vd, nbl);
	if (!delay && !READ_ONCE(vd->knobs.send_reorder)) {
		NdisMSendNetBufferListsComplete(vd->adapter, chain, 0);
		return;
	}
	spin_lock_bh(&vd->lock);
	for (tail = &vd->tx_held; *tail; tail = &(*tail)->Next)
		;
	*tail = chain;
	spin_unlock_bh(&vd->lock);
	schedule_delayed_work(&vd->tx_work, msecs_to_jiffies(delay) ?: 1);
}

/**
 * ndis_vmini_tx_flush() - complete every held send now
 * @vd: the device
 *
 * With the reorder knob, newest first.
 */
void ndis_vmini_tx_flush(struct ndis_vmini_dev *vd)
{
	PNET_BUFFER_LIST chain, nbl, next, reversed = NULL;

	spin_lock_bh(&vd->lock);
	chain = vd->tx_held;
	vd->tx_held = NULL;
	spin_unlock_bh(&vd->lock);
	if (!chain)
		return;
	if (READ_ONCE(vd->knobs.send_reorder)) {
		for (nbl = chain; nbl; nbl = next) {
			next = nbl->Next;
			nbl->Next = reversed;
			reversed = nbl;
		}
		chain = reversed;
	}
	NdisMSendNetBufferListsComplete(vd->adapter, chain, 0);
}

/**
 * ndis_vmini_tx_work() - complete the sends a knob held back
 * @work: the device's tx_work
 */
void ndis_vmini_tx_work(struct work_struct *work)
{
	ndis_vmini_tx_flush(container_of(to_delayed_work(work), struct ndis_vmini_dev, tx_work));
}

/**
 * ndis_vmini_cancel_send() - MiniportCancelSend: abort held sends tagged @id
 * @ctx: the device
 * @id: the cancel id
 */
void ndis_vmini_cancel_send(NDIS_HANDLE ctx, PVOID id)
{
	struct ndis_vmini_dev *vd = ctx;
	PNET_BUFFER_LIST *link, nbl, aborted = NULL, *tail = &aborted;

	spin_lock_bh(&vd->lock);
	for (link = &vd->tx_held; (nbl = *link);) {
		if (NDIS_GET_NET_BUFFER_LIST_CANCEL_ID(nbl) != id) {
			link = &nbl->Next;
			continue;
		}
		*link = nbl->Next;
		nbl->Next = NULL;
		nbl->Status = NDIS_STATUS_SEND_ABORTED;
		*tail = nbl;
		tail = &nbl->Next;
	}
	spin_unlock_bh(&vd->lock);
	if (aborted)
		NdisMSendNetBufferListsComplete(vd->adapter, aborted, 0);
}

/* The hardware filter; called with vd->lock held. */
static bool ndis_vmini_accepts(const struct ndis_vmini_dev *vd, const u8 *dst)
{
	unsigned int i;

	if (vd->filter & NDIS_PACKET_TYPE_PROMISCUOUS)
		return true;
	if (is_broadcast_ether_addr(dst))
		return vd->filter & NDIS_PACKET_TYPE_BROADCAST;
	if (is_multicast_ether_addr(dst)) {
		if (vd->filter & NDIS_PACKET_TYPE_ALL_MULTICAST)
			return true;
		if (!(vd->filter & NDIS_PACKET_TYPE_MULTICAST))
			return false;
		for (i = 0; i < vd->nmcast; i++)
			if (ether_addr_equal(dst, vd->mcast[i]))
				return true;
		return false;
	}
	return (vd->filter & NDIS_PACKET_TYPE_DIRECTED) && ether_addr_equal(dst, vd->cur_mac);
}

static void ndis_vmini_indicate(struct ndis_vmini_dev *vd, PNET_BUFFER_LIST chain,
				unsigned int n)
{
	ULONG flags = NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL;
	PNET_BUFFER_LIST nbl, next;

	if (!n)
		return;
	if (READ_ONCE(vd->knobs.rx_resources))
		flags |= NDIS_RECEIVE_FLAGS_RESOURCES;
	else
		atomic_add(n, &vd->rx_out);
	NdisMIndicateReceiveNetBufferLists(vd->adapter, chain, 0, n, flags);
	if (!(flags & NDIS_RECEIVE_FLAGS_RESOURCES))
		return;
	/* Ours again the moment the call returns. */
	for (nbl = chain; nbl; nbl = next) {
		next = nbl->Next;
		nbl->Next = NULL;
		NdisFreeNetBufferList(nbl);
	}
}

/* Turn a heard frame into an NBL, or drop it. Called with BHs off. */
static PNET_BUFFER_LIST ndis_vmini_rx_one(struct ndis_vmini_dev *vd, struct sk_buff *skb)
{
	PNET_BUFFER_LIST nbl;
	bool running, accepts;

	spin_lock(&vd->lock);
	running = vd->running;
	accepts = ndis_vmini_accepts(vd, skb->data);
	spin_unlock(&vd->lock);
	if (!running || !accepts) {
		atomic64_inc(running ? &vd->stats.rx_filtered : &vd->stats.rx_discards);
		consume_skb(skb);
		return NULL;
	}
	ndis_vmini_count(vd->stats.rx, &vd->stats.rx_bytes, skb->data, skb->len);
	nbl = ndis_nbl_from_skb(vd->rx_pool, skb);
	if (!nbl)
		atomic64_inc(&vd->stats.rx_discards);
	return nbl;
}

/**
 * ndis_vmini_rx_work() - indicate the frames a device heard
 * @work: the device's rx_work
 *
 * Runs with BHs disabled, so the indication is at DISPATCH_LEVEL as a
 * NIC's would be. Gives the CPU back after a few batches.
 */
void ndis_vmini_rx_work(struct work_struct *work)
{
	struct ndis_vmini_dev *vd = container_of(work, struct ndis_vmini_dev, rx_work);
	PNET_BUFFER_LIST chain = NULL, *tail = &chain, nbl;
	unsigned int n = 0, budget = 8 * NDIS_VMINI_RX_BATCH;
	struct sk_buff *skb;

	local_bh_disable();
	while (budget-- && (skb = skb_dequeue(&vd->rxq))) {
		nbl = ndis_vmini_rx_one(vd, skb);
		if (!nbl)
			continue;
		*tail = nbl;
		tail = &nbl->Next;
		if (++n == NDIS_VMINI_RX_BATCH) {
			ndis_vmini_indicate(vd, chain, n);
			chain = NULL;
			tail = &chain;
			n = 0;
		}
	}
	ndis_vmini_indicate(vd, chain, n);
	local_bh_enable();
	if (!skb_queue_empty(&vd->rxq))
		schedule_work(&vd->rx_work);
}

/**
 * ndis_vmini_return() - MiniportReturnNetBufferLists
 * @ctx: the device
 * @chain: NBLs NDIS gives back
 * @flags: NDIS_RETURN_FLAGS_*
 */
void ndis_vmini_return(NDIS_HANDLE ctx, PNET_BUFFER_LIST chain, ULONG flags)
{
	struct ndis_vmini_dev *vd = ctx;
	PNET_BUFFER_LIST nbl, next;
	int n = 0;

	for (nbl = chain; nbl; nbl = next) {
		next = nbl->Next;
		nbl->Next = NULL;
		NdisFreeNetBufferList(nbl);
		n++;
	}
	if (atomic_sub_and_test(n, &vd->rx_out))
		wake_up_all(&vd->rx_wq);
}
