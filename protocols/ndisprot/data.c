// SPDX-License-Identifier: GPL-2.0
/*
 * Frames in and out. Receive copies each frame into the queue of every
 * attached file that wants it and gives the NBLs back before returning;
 * send builds one NBL per write and waits for its completion.
 *
 * A writer's wait can be interrupted by any signal: the driver or the wire
 * may take their time, and nobody should need SIGKILL to get out. The frame
 * is the miniport's by then, so, as POSIX has it for a write interrupted
 * after it transferred its data, the write returns the frame's length; it
 * is never restarted, which would send the frame twice (and stop signals,
 * ptrace and the freezer interrupt the wait as well). The completion,
 * whenever it comes, counts the frame, once: every counter is bumped by
 * the completion handler, and the context holds a reference on the file
 * so that a late one finds it. Frames left in flight that way are bounded
 * per file (NDISPROT_TX_INFLIGHT_MAX): past it a write waits, before it
 * sends anything, so that wait may be restarted.
 */
#include <linux/if_vlan.h>
#include <linux/slab.h>
#include <linux/uio.h>

#include "ndisprot.h"

/* What a write waits on; the writer and the completion hold a reference each. */
struct ndisprot_tx {
	refcount_t ref;
	struct completion done;
	NDIS_STATUS status;
	struct ndisprot_file *file;	/* referenced until the completion */
	unsigned int len;
};

static void ndisprot_tx_put(struct ndisprot_tx *tx)
{
	if (refcount_dec_and_test(&tx->ref))
		kfree(tx);
}

/* The frame's one and only accounting, when its NBL completes. */
static void ndisprot_tx_account(struct ndisprot_port *port, struct ndisprot_tx *tx)
{
	struct ndisprot_file *f = tx->file;

	if (tx->status == NDIS_STATUS_SUCCESS) {
		atomic64_inc(&f->tx_frames);
		atomic64_add(tx->len, &f->tx_bytes);
		atomic64_inc(&port->tx_frames);
	} else {
		atomic64_inc(&f->tx_errors);
		atomic64_inc(&port->tx_errors);
	}
	tx->file = NULL;
	ndisprot_file_tx_done(f);
	ndisprot_file_put(f);
}

static bool ndisprot_type_wanted(const struct ndisprot_file *f, const u8 *frame,
				 unsigned int len)
{
	u16 type = get_unaligned_be16(frame + 12);
	unsigned int i;

	if (!f->n_types)
		return true;
	if (eth_type_vlan(htons(type)) && len >= VLAN_ETH_HLEN)
		type = get_unaligned_be16(frame + 16);
	for (i = 0; i < f->n_types; i++)
		if (f->types[i] == type)
			return true;
	return false;
}

/* The file's own filter over what the binding's union filter let through. */
static bool ndisprot_wanted(const struct ndisprot_file *f, const u8 *mac, const u8 *frame,
			    unsigned int len)
{
	u32 want = READ_ONCE(f->packet_filter);
	const u8 *dst = frame;

	if (!(want & NDISPROT_RX_PROMISCUOUS)) {
		if (is_broadcast_ether_addr(dst))
			want &= NDISPROT_RX_BROADCAST;
		else if (is_multicast_ether_addr(dst))
			want &= NDISPROT_RX_MULTICAST;
		else
			want &= ether_addr_equal(dst, mac) ? NDISPROT_RX_DIRECTED : 0;
	}
	return want && ndisprot_type_wanted(f, frame, len);
}

/* Queue a copy of @nb for every file of @port that wants it. BHs are off. */
static void ndisprot_deliver(struct ndisprot_port *port, PNET_BUFFER nb)
{
	unsigned int len = NET_BUFFER_DATA_LENGTH(nb);
	u8 head[VLAN_ETH_HLEN], mac[ETH_ALEN];
	struct ndisprot_file *f;
	struct sk_buff *skb;
	const u8 *frame;
	void *data;

	if (len < ETH_HLEN || len > NDISPROT_FRAME_MAX)
		return;
	frame = NdisGetDataBuffer(nb, min_t(unsigned int, len, VLAN_ETH_HLEN), head, 1, 0);
	if (!frame)
		return;
	spin_lock(&port->lock);
	ether_addr_copy(mac, port->mac);
	list_for_each_entry(f, &port->files, node) {
		if (!ndisprot_wanted(f, mac, frame, len))
			continue;
		skb = skb_queue_len(&f->rxq) < NDISPROT_RXQ_MAX ? alloc_skb(len, GFP_ATOMIC) : NULL;
		if (!skb) {
			atomic64_inc(&f->rx_dropped);
			atomic64_inc(&port->rx_dropped);
			continue;
		}
		data = NdisGetDataBuffer(nb, len, skb_put(skb, len), 1, 0);
		if (!data) {
			kfree_skb(skb);
			continue;
		}
		if (data != skb->data)
			memcpy(skb->data, data, len);
		skb_queue_tail(&f->rxq, skb);
		atomic64_inc(&port->rx_frames);
		wake_up_interruptible(&f->wq);
	}
	spin_unlock(&port->lock);
}

/**
 * ndisprot_receive() - ProtocolReceiveNetBufferLists
 * @ctx: the port
 * @nbls: the NBLs
 * @port_number: 0
 * @count: NBLs in @nbls
 * @flags: NDIS_RECEIVE_FLAGS_*
 *
 * Nothing is kept: with NDIS_RECEIVE_FLAGS_RESOURCES the NBLs are NDIS's
 * when this returns, otherwise they go back here.
 */
void ndisprot_receive(NDIS_HANDLE ctx, PNET_BUFFER_LIST nbls, NDIS_PORT_NUMBER port_number,
		      ULONG count, ULONG flags)
{
	struct ndisprot_port *port = ctx;
	PNET_BUFFER_LIST nbl;
	PNET_BUFFER nb;

	for (nbl = nbls; nbl; nbl = NET_BUFFER_LIST_NEXT_NBL(nbl))
		for (nb = NET_BUFFER_LIST_FIRST_NB(nbl); nb; nb = NET_BUFFER_NEXT_NB(nb))
			ndisprot_deliver(port, nb);
	if (!(flags & NDIS_RECEIVE_FLAGS_RESOURCES))
		NdisReturnNetBufferLists(port->binding, nbls, 0);
}

/**
 * ndisprot_send_complete() - ProtocolSendNetBufferListsComplete
 * @ctx: the port
 * @nbls: completed NBLs, each ours with a struct ndisprot_tx
 * @flags: NDIS_SEND_COMPLETE_FLAGS_*
 */
void ndisprot_send_complete(NDIS_HANDLE ctx, PNET_BUFFER_LIST nbls, ULONG flags)
{
	struct ndisprot_port *port = ctx;
	PNET_BUFFER_LIST nbl, next;
	struct ndisprot_tx *tx;
	unsigned int n = 0;

	for (nbl = nbls; nbl; nbl = next) {
		next = NET_BUFFER_LIST_NEXT_NBL(nbl);
		nbl->Next = NULL;
		tx = nbl->ProtocolReserved[0];
		tx->status = nbl->Status;
		NdisFreeNetBufferList(nbl);
		ndisprot_tx_account(port, tx);
		complete(&tx->done);
		ndisprot_tx_put(tx);
		n++;
	}
	/* Woken under the lock: an unbind that sees no send may free the port. */
	spin_lock(&port->lock);
	port->sends -= n;
	wake_up_all(&port->wq);
	spin_unlock(&port->lock);
}

static ssize_t ndisprot_errno(NDIS_STATUS status)
{
	switch (status) {
	case NDIS_STATUS_SUCCESS:
		return 0;
	case NDIS_STATUS_PAUSED:
	case NDIS_STATUS_MEDIA_DISCONNECTED:
		return -ENETDOWN;
	case NDIS_STATUS_INVALID_LENGTH:
		return -EINVAL;
	case NDIS_STATUS_RESOURCES:
		return -ENOBUFS;
	default:
		return -EIO;
	}
}

/* Check the frame against the port and count a send in. 0 or -errno. */
static int ndisprot_send_begin(struct ndisprot_file *f, struct ndisprot_port *port,
			       const u8 *frame, unsigned int len)
{
	int err = 0;

	spin_lock_bh(&port->lock);
	if (port->gone)
		err = -ENODEV;
	else if (len > port->mtu + ETH_HLEN)
		err = -EINVAL;
	else if (!(f->options & NDISPROT_OPT_ANY_SOURCE) &&
		 !ether_addr_equal(frame + ETH_ALEN, port->mac))
		err = -EADDRNOTAVAIL;
	else if (!port->running || !port->link_up)
		err = -ENETDOWN;
	else
		port->sends++;
	spin_unlock_bh(&port->lock);
	return err;
}

/**
 * ndisprot_send() - send the frame a write carries, wait for its completion
 * @f: the file
 * @port: its port, referenced by the caller
 * @from: the frame
 * @nonblock: O_NONBLOCK: do not wait for a place in flight (-EAGAIN)
 *
 * Context: process context.
 * Return: the frame's length, or -errno (see include/uapi/ndis/ndisprot.h).
 * A signal ends the wait for the completion early with the length: the
 * frame was handed over, and the completion counts it when it comes.
 */
ssize_t ndisprot_send(struct ndisprot_file *f, struct ndisprot_port *port,
		      struct iov_iter *from, bool nonblock)
{
	size_t len = iov_iter_count(from);
	PNET_BUFFER_LIST nbl = NULL;
	struct ndisprot_tx *tx = NULL;
	ssize_t err;
	u8 *frame;

	if (len < ETH_HLEN || len > NDISPROT_FRAME_MAX) {
		atomic64_inc(&f->tx_errors);
		return -EINVAL;
	}
	err = ndisprot_file_tx_reserve(f, nonblock);	/* nothing sent yet: restartable */
	if (err)
		return err;
	tx = kzalloc(sizeof(*tx), GFP_KERNEL);
	nbl = NdisAllocateNetBufferAndNetBufferList(ndisprot_nbl_pool, 0, 0, NULL, 0, len);
	err = -ENOMEM;
	if (!tx || !nbl)
		goto out;
	frame = NdisGetDataBuffer(NET_BUFFER_LIST_FIRST_NB(nbl), len, NULL, 1, 0);
	err = -EFAULT;
	if (!frame || !copy_from_iter_full(frame, len, from))
		goto out;
	err = ndisprot_send_begin(f, port, frame, len);
	if (err)
		goto out;

	refcount_set(&tx->ref, 2);
	init_completion(&tx->done);
	tx->file = ndisprot_file_get(f);
	tx->len = len;
	nbl->ProtocolReserved[0] = tx;
	NdisSendNetBufferLists(port->binding, nbl, 0, 0);
	/* A writer a signal interrupts leaves; the completion counts the frame. */
	if (wait_for_completion_interruptible(&tx->done))
		err = 0;
	else
		err = ndisprot_errno(tx->status);
	ndisprot_tx_put(tx);
	if (err)
		return err;
	return len;
out:
	if (nbl)
		NdisFreeNetBufferList(nbl);
	kfree(tx);
	ndisprot_file_tx_done(f);
	atomic64_inc(&f->tx_errors);
	return err;
}
