// SPDX-License-Identifier: GPL-2.0
/*
 * Send: each NB of each NBL becomes one skb handed to dev_queue_xmit().
 *
 * The frame is copied: NDIS gives the protocol its NBLs back intact, to
 * read or send again, so the NB's own data may not leave with the device.
 *
 * An NBL completes once the device consumed every one of its skbs: each
 * skb's destructor drops a reference the NBL holds in its MiniportReserved
 * area, and the send handler holds one more until it has queued them all.
 * Drivers free transmitted skbs from any context, IRQs off included, and
 * sometimes from inside their own xmit (with their queue locked), so the
 * destructor never completes an NBL itself: the last one puts it on a
 * lock-free list and a work item completes the list at DISPATCH_LEVEL.
 * skb_orphan() in a driver's xmit runs the destructor early; that is fine,
 * the frame is consumed as far as we can know.
 *
 * Status of a completed NBL: SUCCESS if the device took at least one of
 * its frames (or it had none), else the failure of the last frame:
 * INVALID_LENGTH (shorter than a header, longer than MTU + header + one
 * VLAN tag), RESOURCES (no memory for an skb) or FAILURE (dev_queue_xmit()
 * refused it). Refused whole at once: NOT_ACCEPTED once the device is
 * being removed, PAUSED while the adapter is not running,
 * MEDIA_DISCONNECTED while the device is down or has no carrier.
 *
 * Module unload versus destructors: Pause waits until every NBL completed,
 * which is after every destructor dropped its reference. The destructor
 * and the completion work touch the port only inside RCU read-side
 * sections after that, and Halt does synchronize_rcu() and flush_work()
 * before the port can go, so by the time the module can be unloaded no
 * destructor of ours is attached to any skb and none is still running
 * module code beyond its final return.
 */
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#include "netdev.h"

/* A send NBL's MiniportReserved while it is ours. */
struct ndis_netdev_tx_nbl {
	atomic_t refs;			/* skbs not consumed, + 1 for the send handler */
	struct llist_node done;		/* on port->tx_done */
};

/* A send NB's MiniportReserved: what its skb's destructor needs. */
struct ndis_netdev_tx_nb {
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

/* The last reference of an NBL went in a destructor: complete it later. */
static void ndis_netdev_tx_defer(struct ndis_netdev_port *port, PNET_BUFFER_LIST nbl)
{
	llist_add(&ndis_netdev_tx_nbl(nbl)->done, &port->tx_done);
	queue_work(system_wq, &port->tx_done_work);
}

/* Any context. The NB and its NBL are valid until our reference is dropped. */
static void ndis_netdev_tx_destructor(struct sk_buff *skb)
{
	struct ndis_netdev_tx_nb *f = ndis_netdev_tx_nb(skb_shinfo(skb)->destructor_arg);
	struct ndis_netdev_port *port = f->port;
	PNET_BUFFER_LIST nbl = f->nbl;

	skb_shinfo(skb)->destructor_arg = NULL;
	rcu_read_lock();	/* Halt's synchronize_rcu() waits for us to be done */
	if (atomic_dec_and_test(&ndis_netdev_tx_nbl(nbl)->refs))
		ndis_netdev_tx_defer(port, nbl);
	rcu_read_unlock();
}

/**
 * ndis_netdev_tx_done_work() - complete the NBLs the destructors finished
 * @work: the port's tx_done_work
 *
 * Context: process context (system workqueue); completes at DISPATCH_LEVEL.
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

/* The frame of @nb as an skb of our own, or NULL (no memory). */
static struct sk_buff *ndis_netdev_tx_skb(struct net_device *dev, PNET_BUFFER nb)
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
	skb = ndis_netdev_tx_skb(dev, nb);
	if (!skb) {
		atomic64_inc(&port->stats.tx_dropped);
		pr_debug("%s: no memory for a frame\n", port->name);
		return NDIS_STATUS_RESOURCES;
	}
	/* Whatever it carried from an earlier life (dst, conntrack, mark) goes. */
	skb_scrub_packet(skb, true);
	skb->dev = dev;
	skb->protocol = proto;
	skb->priority = 0;
	skb->ip_summed = CHECKSUM_NONE;
	skb_reset_mac_header(skb);
	skb_set_network_header(skb, ETH_HLEN);
	f->nbl = nbl;
	f->port = port;
	skb_shinfo(skb)->destructor_arg = nb;
	skb->destructor = ndis_netdev_tx_destructor;
	atomic_inc(&ndis_netdev_tx_nbl(nbl)->refs);

	rc = dev_queue_xmit(skb);	/* consumes the skb whatever it returns */
	if (rc != NET_XMIT_SUCCESS && rc != NET_XMIT_CN) {
		atomic64_inc(&port->stats.tx_dropped);
		pr_debug("%s: dev_queue_xmit() refused a frame: %d\n", port->name, rc);
		return NDIS_STATUS_FAILURE;
	}
	atomic64_inc(&port->stats.tx_frames[cast]);
	atomic64_add(len, &port->stats.tx_octets[cast]);
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
