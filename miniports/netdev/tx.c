// SPDX-License-Identifier: GPL-2.0
/*
 * Send: each NB of each NBL becomes one skb handed to dev_queue_xmit().
 *
 * NDIS gives the protocol its NBLs back intact, to read or send again, so
 * an NBL completes only once Linux is done with its frames' data. A short
 * frame (up to tx_copybreak bytes) is copied into an skb of our own, which
 * costs less than lending it; the skb's destructor tells us it is gone.
 * A longer frame whose data lies in a page fragment (the NBL pools of
 * ndis.ko hand those out) is lent instead: the skb gets its first bytes
 * copied, for the headers, and the rest as a fragment of that page, with
 * the NB's ubuf_info as the owner of the data, as vhost-net lends guest
 * buffers. The skb's destructor does not say when the data is free (a
 * clone taken by a tap or a bridge keeps it without one), the ubuf_info
 * does: the kernel calls it when the last skb sharing those fragments lets
 * go, or once it copied them for a clone or a local receiver.
 *
 * An NBL completes once all of its frames were consumed: each drops a
 * reference the NBL holds in its MiniportReserved area, and the send
 * handler holds one more until it has queued them all. Drivers free
 * transmitted skbs from any context, and sometimes from inside their own
 * xmit with their queue locked, so the last reference never completes an
 * NBL there: it puts it on a lock-free list, and a work item in softirq
 * context (kernels before 6.9: process context, BHs disabled) completes
 * the list at DISPATCH_LEVEL.
 *
 * The NBL's 802.1Q tag and checksum requests are carried out on each skb
 * (ndis_nbl_info_to_skb(): a hardware tag, CHECKSUM_PARTIAL), so the
 * device does them, or the stack in software when the device cannot.
 *
 * Status of a completed NBL: SUCCESS if the device took at least one of
 * its frames (or it had none), else the failure of the last frame:
 * INVALID_LENGTH (shorter than a header, longer than MTU + header + one
 * VLAN tag), RESOURCES (no memory for an skb) or FAILURE (dev_queue_xmit()
 * refused it). Refused whole at once: NOT_ACCEPTED once the device is
 * being removed, PAUSED while the adapter is not running,
 * MEDIA_DISCONNECTED while the device is down or has no carrier.
 *
 * Module unload versus late callbacks: Pause waits until every NBL
 * completed, which is after every destructor and data owner dropped its
 * reference. They touch the port only inside RCU read-side sections after
 * that, and Halt does synchronize_rcu() and flush_work() before the port
 * can go, so by the time the module can be unloaded none of ours is
 * attached to any skb and none is still running module code beyond its
 * final return.
 */
#include <linux/if_vlan.h>
#include <linux/moduleparam.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#include "netdev.h"

static unsigned int tx_copybreak = 256;
module_param(tx_copybreak, uint, 0644);
MODULE_PARM_DESC(tx_copybreak, "frames up to this many bytes are copied, longer ones lent (256)");

/* Bytes of a lent frame copied into the skb's head: the headers, as drivers expect. */
#define NDIS_NETDEV_TX_LEND_HEAD	128

/* A send NBL's MiniportReserved while it is ours. */
struct ndis_netdev_tx_nbl {
	atomic_t refs;			/* frames not consumed, + 1 for the send handler */
	struct llist_node done;		/* on port->tx_done */
};

/* A send NB's MiniportReserved: what its frame's last callback needs. */
struct ndis_netdev_tx_nb {
	struct ubuf_info owner;		/* a lent frame's data */
	PNET_BUFFER_LIST nbl;
	struct ndis_netdev_port *port;
};

static struct ndis_netdev_tx_nbl *ndis_netdev_tx_nbl(PNET_BUFFER_LIST nbl)
{
	BUILD_BUG_ON(sizeof(struct ndis_netdev_tx_nbl) > sizeof(nbl->MiniportReserved));
	return (struct ndis_netdev_tx_nbl *)nbl->MiniportReserved;
}

static struct ndis_netdev_tx_nb *ndis_netdev_tx_nb(PNET_BUFFER nb)
{
	BUILD_BUG_ON(sizeof(struct ndis_netdev_tx_nb) > sizeof(nb->MiniportReserved));
	return (struct ndis_netdev_tx_nb *)nb->MiniportReserved;
}

/* Any context: one frame of @f's NBL was consumed. */
static void ndis_netdev_tx_consumed(struct ndis_netdev_tx_nb *f)
{
	struct ndis_netdev_port *port = f->port;
	PNET_BUFFER_LIST nbl = f->nbl;

	rcu_read_lock();	/* Halt's synchronize_rcu() waits for us to be done */
	if (atomic_dec_and_test(&ndis_netdev_tx_nbl(nbl)->refs)) {
		llist_add(&ndis_netdev_tx_nbl(nbl)->done, &port->tx_done);
		queue_work(ndis_compat_bh_wq, &port->tx_done_work);
	}
	rcu_read_unlock();
}

/* A copied frame's skb is consumed. */
static void ndis_netdev_tx_destructor(struct sk_buff *skb)
{
	PNET_BUFFER nb = skb_shinfo(skb)->destructor_arg;

	skb_shinfo(skb)->destructor_arg = NULL;
	ndis_netdev_tx_consumed(ndis_netdev_tx_nb(nb));
}

/* A lent frame's data: once per skb head that held it, the last one counts. */
static void ndis_netdev_tx_returned(struct sk_buff *skb, struct ubuf_info *owner, bool lent)
{
	if (refcount_dec_and_test(&owner->refcnt))
		ndis_netdev_tx_consumed(container_of(owner, struct ndis_netdev_tx_nb, owner));
}

NDIS_COMPAT_UBUF_OPS(ndis_netdev_tx_owner_ops, ndis_netdev_tx_returned);

/**
 * ndis_netdev_tx_done_work() - complete the NBLs whose frames were consumed
 * @work: the port's tx_done_work
 *
 * Context: softirq, or process context before 6.9; completes at
 * DISPATCH_LEVEL.
 */
void ndis_netdev_tx_done_work(struct work_struct *work)
{
	struct ndis_netdev_port *port = container_of(work, struct ndis_netdev_port, tx_done_work);
	PNET_BUFFER_LIST chain = NULL, *tail = &chain, nbl;
	struct ndis_netdev_tx_nbl *t, *next;
	struct llist_node *list;
	int n = 0;

	list = llist_reverse_order(llist_del_all(&port->tx_done));
	llist_for_each_entry_safe(t, next, list, done) {
		nbl = container_of((void *)t, NET_BUFFER_LIST, MiniportReserved);
		nbl->Next = NULL;
		*tail = nbl;
		tail = &nbl->Next;
		n++;
	}
	if (!n)
		return;
	local_bh_disable();
	NdisMSendNetBufferListsComplete(port->handle, chain,
					NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL);
	local_bh_enable();
	ndis_netdev_drain_put(port, &port->tx_pending, n);
}

/* The frame of @nb copied into an skb of our own, or NULL (no memory). */
static struct sk_buff *ndis_netdev_tx_copy(struct net_device *dev, PNET_BUFFER nb)
{
	ULONG len = nb->DataLength;
	struct sk_buff *skb;
	PVOID data;

	skb = alloc_skb(LL_RESERVED_SPACE(dev) + len + dev->needed_tailroom, GFP_ATOMIC);
	if (!skb)
		return NULL;
	skb_reserve(skb, LL_RESERVED_SPACE(dev));
	data = NdisGetDataBuffer(nb, len, skb_put(skb, len), 1, 0);
	if (!data) {
		kfree_skb(skb);
		return NULL;
	}
	if (data != skb->data)
		memcpy(skb->data, data, len);
	skb_shinfo(skb)->destructor_arg = nb;
	skb->destructor = ndis_netdev_tx_destructor;
	return skb;
}

/*
 * Whether @nb's frame can be lent: long enough to be worth it, in the
 * linear part of a page-fragment head (a page-pool page stays with its
 * pool's own reference counting). A frame on a driver's MDLs is copied.
 */
static bool ndis_netdev_tx_lendable(PNET_BUFFER nb)
{
	const struct sk_buff *from = nb->Skb;

	return from && nb->DataLength > max_t(unsigned int, READ_ONCE(tx_copybreak),
				       NDIS_NETDEV_TX_LEND_HEAD) &&
	       from->head_frag && !from->pp_recycle &&
	       nb->DataOffset + nb->DataLength <= skb_headroom(from) + skb_headlen(from);
}

/* @nb's frame in an skb that borrows its data, or NULL (no memory). */
static struct sk_buff *ndis_netdev_tx_lend(struct net_device *dev, PNET_BUFFER nb)
{
	struct ndis_netdev_tx_nb *f = ndis_netdev_tx_nb(nb);
	u8 *data = nb->Skb->head + nb->DataOffset;
	unsigned int rest = nb->DataLength - NDIS_NETDEV_TX_LEND_HEAD;
	struct sk_buff *skb;
	struct page *page;

	skb = alloc_skb(LL_RESERVED_SPACE(dev) + NDIS_NETDEV_TX_LEND_HEAD, GFP_ATOMIC);
	if (!skb)
		return NULL;
	skb_reserve(skb, LL_RESERVED_SPACE(dev));
	skb_put_data(skb, data, NDIS_NETDEV_TX_LEND_HEAD);
	data += NDIS_NETDEV_TX_LEND_HEAD;
	page = virt_to_head_page(data);
	get_page(page);
	skb_fill_page_desc(skb, 0, page, data - (u8 *)page_address(page), rest);
	skb->len += rest;
	skb->data_len += rest;
	skb->truesize += rest;
	ndis_compat_ubuf_init(&f->owner, ndis_netdev_tx_owner_ops);
	refcount_set(&f->owner.refcnt, 1);
	f->owner.flags = SKBFL_ZEROCOPY_FRAG;
	skb_zcopy_init(skb, &f->owner);
	return skb;
}

/* Hand one frame to the device. Return: its status. */
static NDIS_STATUS ndis_netdev_tx_frame(struct ndis_netdev_port *port, PNET_BUFFER_LIST nbl,
					PNET_BUFFER nb)
{
	struct ndis_netdev_tx_nb *f = ndis_netdev_tx_nb(nb);
	struct net_device *dev = port->dev;
	ULONG len = nb->DataLength;
	enum ndis_netdev_cast cast;
	struct ethhdr storage;
	const struct ethhdr *eth;
	struct sk_buff *skb;
	__be16 proto;
	bool lent;
	int rc;

	eth = NdisGetDataBuffer(nb, ETH_HLEN, &storage, 1, 0);
	/* A VLAN tag may come on top of the MTU; an untagged frame may not. */
	if (!eth || len > READ_ONCE(dev->mtu) + ETH_HLEN +
	    (eth_type_vlan(eth->h_proto) ? VLAN_HLEN : 0)) {
		atomic64_inc(&port->stats.tx_errors);
		pr_debug("%s: frame of %u bytes refused\n", port->name, len);
		return NDIS_STATUS_INVALID_LENGTH;
	}
	cast = ndis_netdev_cast_of(eth->h_dest);
	proto = eth->h_proto;	/* before the skb changes hands */
	f->nbl = nbl;
	f->port = port;
	lent = ndis_netdev_tx_lendable(nb);
	skb = lent ? ndis_netdev_tx_lend(dev, nb) : ndis_netdev_tx_copy(dev, nb);
	if (!skb) {
		atomic64_inc(&port->stats.tx_dropped);
		pr_debug("%s: no memory for a frame\n", port->name);
		return NDIS_STATUS_RESOURCES;
	}
	skb->dev = dev;
	skb->protocol = proto;
	skb->priority = 0;
	skb->ip_summed = CHECKSUM_NONE;
	skb_reset_mac_header(skb);
	skb_set_network_header(skb, ETH_HLEN);
	ndis_nbl_info_to_skb(nbl, skb);		/* an 802.1Q tag, checksums asked for */
	atomic_inc(&ndis_netdev_tx_nbl(nbl)->refs);

	rc = dev_queue_xmit(skb);	/* consumes the skb whatever it returns */
	if (rc != NET_XMIT_SUCCESS && rc != NET_XMIT_CN) {
		atomic64_inc(&port->stats.tx_dropped);
		pr_debug("%s: dev_queue_xmit() refused a frame: %d\n", port->name, rc);
		return NDIS_STATUS_FAILURE;
	}
	ndis_netdev_count(port, NDIS_NETDEV_TX, cast, len, lent);
	return NDIS_STATUS_SUCCESS;
}

/* Send every frame of @nbl. Return: true if it is complete already. */
static bool ndis_netdev_tx_nbl_send(struct ndis_netdev_port *port, PNET_BUFFER_LIST nbl)
{
	NDIS_STATUS status, failure = NDIS_STATUS_SUCCESS;
	bool sent = false;
	PNET_BUFFER nb;

	atomic_set(&ndis_netdev_tx_nbl(nbl)->refs, 1);	/* ours, until the loop is done */
	for (nb = nbl->FirstNetBuffer; nb; nb = nb->Next) {
		status = ndis_netdev_tx_frame(port, nbl, nb);
		if (status == NDIS_STATUS_SUCCESS)
			sent = true;
		else
			failure = status;
	}
	nbl->Status = sent ? NDIS_STATUS_SUCCESS : failure;
	return atomic_dec_and_test(&ndis_netdev_tx_nbl(nbl)->refs);
}

/* Why NBLs are refused whole right now, or NDIS_STATUS_SUCCESS. */
static NDIS_STATUS ndis_netdev_tx_gate(struct ndis_netdev_port *port)
{
	if (READ_ONCE(port->removed))
		return NDIS_STATUS_NOT_ACCEPTED;
	if (!READ_ONCE(port->running))
		return NDIS_STATUS_PAUSED;
	if (!netif_running(port->dev) || !netif_carrier_ok(port->dev))
		return NDIS_STATUS_MEDIA_DISCONNECTED;
	return NDIS_STATUS_SUCCESS;
}

static unsigned int ndis_netdev_nb_count(PNET_BUFFER_LIST nbl)
{
	unsigned int n = 0;
	PNET_BUFFER nb;

	for (nb = nbl->FirstNetBuffer; nb; nb = nb->Next)
		n++;
	return n;
}

/**
 * ndis_netdev_send() - MiniportSendNetBufferLists
 * @ctx: the port
 * @chain: the NBLs to send
 * @port_number: 0, the default port
 * @flags: NDIS_SEND_FLAGS_*
 *
 * NBLs refused whole, and NBLs whose frames were all consumed before the
 * handler was done with them, complete before it returns; the others
 * complete from the completion work.
 *
 * Context: IRQL <= DISPATCH_LEVEL, interrupts enabled.
 */
void ndis_netdev_send(NDIS_HANDLE ctx, PNET_BUFFER_LIST chain, NDIS_PORT_NUMBER port_number,
		      ULONG flags)
{
	struct ndis_netdev_port *port = ctx;
	PNET_BUFFER_LIST nbl, next, done = NULL, *tail = &done;
	NDIS_STATUS status;
	int n = 0;

	for (nbl = chain; nbl; nbl = next) {
		next = nbl->Next;
		nbl->Next = NULL;
		atomic_inc(&port->tx_pending);
		smp_mb__after_atomic();	/* counted, then the gate: the pause does the reverse */
		status = ndis_netdev_tx_gate(port);
		if (status != NDIS_STATUS_SUCCESS) {
			nbl->Status = status;
			atomic64_add(ndis_netdev_nb_count(nbl), &port->stats.tx_dropped);
			pr_debug("%s: send refused: 0x%08x\n", port->name, status);
		} else if (!ndis_netdev_tx_nbl_send(port, nbl)) {
			continue;	/* a destructor completes it */
		}
		*tail = nbl;
		tail = &nbl->Next;
		n++;
	}
	if (!done)
		return;
	NdisMSendNetBufferListsComplete(port->handle, done,
					flags & NDIS_SEND_FLAGS_DISPATCH_LEVEL ?
					NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
	ndis_netdev_drain_put(port, &port->tx_pending, n);
}

/**
 * ndis_netdev_cancel_send() - MiniportCancelSend
 * @ctx: the port
 * @cancel_id: the cancel id of the NBLs to abort
 *
 * Nothing to do: we queue nothing of our own. A frame is either refused at
 * once or handed to dev_queue_xmit(), which cannot take it back; its NBL
 * completes when the device consumed it.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void ndis_netdev_cancel_send(NDIS_HANDLE ctx, PVOID cancel_id)
{
}
