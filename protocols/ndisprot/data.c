// SPDX-License-Identifier: GPL-2.0
/*
 * Frames in and out. Receive copies each frame into the queue of every
 * attached file that wants it and gives the NBLs back before returning.
 * Send copies each frame once, into an NBL of ndisprot's pool, hands it
 * to NDIS and returns: the writer does not wait for the completion.
 *
 * A frame in flight holds a place in its file's send window and a
 * reference on the file, both found through the NBL's ProtocolReserved[0]
 * by the completion, which accounts the frame once, keeps the first
 * failure for the file to report (as a socket keeps SO_ERROR) and gives
 * both back, for a run of completions of one file at once. So a writer
 * costs no allocation beyond the NBL, no context switch and no wait
 * unless its window is full; a file closed with frames in flight is freed
 * by the last completion.
 */
#include <linux/if_vlan.h>
#include <linux/slab.h>
#include <linux/uio.h>

#include "ndisprot.h"

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

/*
 * The 802.1Q tag a miniport took out of the frames of @nbl into its
 * Ieee8021QNetBufferListInfo (ndis_netdev does), as the four bytes that go
 * back in after the addresses: user space reads frames as on the wire.
 * Return: 0 if there is none.
 */
static u32 ndisprot_tag(PNET_BUFFER_LIST nbl)
{
	NDIS_NET_BUFFER_LIST_8021Q_INFO info = {
		.Value = NET_BUFFER_LIST_INFO(nbl, Ieee8021QNetBufferListInfo),
	};
	u16 tci = info.TagHeader.UserPriority << VLAN_PRIO_SHIFT |
		  (info.TagHeader.CanonicalFormatId ? VLAN_CFI_MASK : 0) | info.TagHeader.VlanId;

	return tci ? ETH_P_8021Q << 16 | tci : 0;
}

/* @frame's first bytes with @tag inserted after the addresses, in @head. */
static const u8 *ndisprot_tagged_head(u8 *head, const u8 *frame, u32 tag)
{
	memcpy(head, frame, 2 * ETH_ALEN);
	put_unaligned_be32(tag, head + 2 * ETH_ALEN);
	memcpy(head + 2 * ETH_ALEN + VLAN_HLEN, frame + 2 * ETH_ALEN, 2);
	return head;
}

/*
 * Queue a copy of @nb for every file of @port that wants it, with @tag
 * (ndisprot_tag()) put back in. BHs are off.
 */
static void ndisprot_deliver(struct ndisprot_port *port, PNET_BUFFER nb, u32 tag)
{
	unsigned int len = NET_BUFFER_DATA_LENGTH(nb), taglen = tag ? VLAN_HLEN : 0;
	u8 head[VLAN_ETH_HLEN], tagged[VLAN_ETH_HLEN], mac[ETH_ALEN];
	struct ndisprot_file *f;
	struct sk_buff *skb;
	const u8 *frame;
	void *data;

	if (len < ETH_HLEN || len + taglen > NDISPROT_FRAME_MAX)
		return;
	frame = NdisGetDataBuffer(nb, min_t(unsigned int, len, VLAN_ETH_HLEN), head, 1, 0);
	if (!frame)
		return;
	if (tag)
		frame = ndisprot_tagged_head(tagged, frame, tag);
	spin_lock(&port->lock);
	ether_addr_copy(mac, port->mac);
	list_for_each_entry(f, &port->files, node) {
		if (!ndisprot_wanted(f, mac, frame, len + taglen))
			continue;
		skb = skb_queue_len(&f->rxq) < NDISPROT_RXQ_MAX ?
		      alloc_skb(len + taglen, GFP_ATOMIC) : NULL;
		if (!skb) {
			atomic64_inc(&f->rx_dropped);
			atomic64_inc(&port->rx_dropped);
			continue;
		}
		skb_put(skb, len + taglen);
		data = NdisGetDataBuffer(nb, len, skb->data + taglen, 1, 0);
		if (!data) {
			kfree_skb(skb);
			continue;
		}
		if (data != skb->data + taglen)
			memcpy(skb->data + taglen, data, len);
		if (tag) {
			memmove(skb->data, skb->data + taglen, 2 * ETH_ALEN);
			put_unaligned_be32(tag, skb->data + 2 * ETH_ALEN);
		}
		skb_queue_tail(&f->rxq, skb);
		atomic64_inc(&port->rx_frames);
		if (wq_has_sleeper(&f->wq))	/* pairs with the reader's barrier */
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
			ndisprot_deliver(port, nb, ndisprot_tag(nbl));
	if (!(flags & NDIS_RECEIVE_FLAGS_RESOURCES))
		NdisReturnNetBufferLists(port->binding, nbls, 0);
}

/*
 * The errno a failed frame leaves for its file. Only these three, so that
 * a kept failure never reads like a refusal of the call that reports it
 * (EINVAL: that call's frame; ENODEV: the adapter is gone for good).
 */
static int ndisprot_errno(NDIS_STATUS status)
{
	switch (status) {
	case NDIS_STATUS_PAUSED:
	case NDIS_STATUS_MEDIA_DISCONNECTED:
		return -ENETDOWN;
	case NDIS_STATUS_RESOURCES:
		return -ENOBUFS;
	default:
		return -EIO;
	}
}

/* The frame's one and only accounting, when its NBL completes. */
static void ndisprot_tx_account(struct ndisprot_port *port, struct ndisprot_file *f,
				PNET_BUFFER_LIST nbl)
{
	if (nbl->Status == NDIS_STATUS_SUCCESS) {
		atomic64_inc(&f->tx_frames);
		atomic64_add(NET_BUFFER_DATA_LENGTH(NET_BUFFER_LIST_FIRST_NB(nbl)), &f->tx_bytes);
		atomic64_inc(&port->tx_frames);
	} else {
		atomic64_inc(&f->tx_errors);
		atomic64_inc(&port->tx_errors);
		cmpxchg(&f->tx_error, 0, ndisprot_errno(nbl->Status));
	}
}

/* @n frames of @f completed: their places in the window and references. */
static void ndisprot_tx_release(struct ndisprot_file *f, unsigned int n)
{
	if (!n)
		return;
	ndisprot_file_tx_done(f, n);
	ndisprot_file_put(f, n);
}

/*
 * Send NBLs are kept for reuse: a write takes one from its port's cache and
 * its completion puts it back, so a steady stream allocates nothing per
 * frame. Each holds NDISPROT_TX_BUF bytes, any frame up to a VLAN-tagged
 * 1500-byte payload; a longer frame gets an NBL of its own size, freed on
 * completion. A port keeps at most NDISPROT_TX_CACHE_MAX (about 200 KiB)
 * and frees them when it goes; a port that never sends keeps none.
 */
#define NDISPROT_TX_BUF		(ETH_FRAME_LEN + VLAN_HLEN)
#define NDISPROT_TX_CACHE_MAX	64
#define NDISPROT_NBL_ROOM(nbl)	((nbl)->ProtocolReserved[1])	/* its data bytes */

static void ndisprot_tx_free_chain(PNET_BUFFER_LIST chain)
{
	PNET_BUFFER_LIST next;

	for (; chain; chain = next) {
		next = NET_BUFFER_LIST_NEXT_NBL(chain);
		chain->Next = NULL;
		NdisFreeNetBufferList(chain);
	}
}

/*
 * Keep what fits of @chain in @port's cache. port->lock held. Return: the
 * NBLs not kept, for ndisprot_tx_free_chain() once the lock is dropped.
 */
static PNET_BUFFER_LIST ndisprot_tx_keep(struct ndisprot_port *port, PNET_BUFFER_LIST chain)
{
	PNET_BUFFER_LIST nbl, next, rest = NULL;

	lockdep_assert_held(&port->lock);
	for (nbl = chain; nbl; nbl = next) {
		next = NET_BUFFER_LIST_NEXT_NBL(nbl);
		if (NDISPROT_NBL_ROOM(nbl) == (PVOID)NDISPROT_TX_BUF &&
		    port->tx_cached < NDISPROT_TX_CACHE_MAX) {
			nbl->Next = port->tx_cache;
			port->tx_cache = nbl;
			port->tx_cached++;
		} else {
			nbl->Next = rest;
			rest = nbl;
		}
	}
	return rest;
}

/* Back to @port's cache, or freed: NBLs that were not sent. */
static void ndisprot_tx_recycle(struct ndisprot_port *port, PNET_BUFFER_LIST chain)
{
	spin_lock_bh(&port->lock);
	chain = ndisprot_tx_keep(port, chain);
	spin_unlock_bh(&port->lock);
	ndisprot_tx_free_chain(chain);
}

/**
 * ndisprot_tx_cache_free() - free the send NBLs a port kept
 * @port: the port, being freed: nothing sends or completes on it any more
 */
void ndisprot_tx_cache_free(struct ndisprot_port *port)
{
	ndisprot_tx_free_chain(port->tx_cache);
	port->tx_cache = NULL;
	port->tx_cached = 0;
}

/**
 * ndisprot_send_complete() - ProtocolSendNetBufferListsComplete
 * @ctx: the port
 * @nbls: completed NBLs, each ours with its file in ProtocolReserved[0]
 * @flags: NDIS_SEND_COMPLETE_FLAGS_*
 */
void ndisprot_send_complete(NDIS_HANDLE ctx, PNET_BUFFER_LIST nbls, ULONG flags)
{
	struct ndisprot_port *port = ctx;
	struct ndisprot_file *f, *run = NULL;
	PNET_BUFFER_LIST nbl, next;
	unsigned int n = 0, in_run = 0;

	for (nbl = nbls; nbl; nbl = next) {
		next = NET_BUFFER_LIST_NEXT_NBL(nbl);
		f = nbl->ProtocolReserved[0];
		ndisprot_tx_account(port, f, nbl);
		if (f != run) {
			ndisprot_tx_release(run, in_run);
			run = f;
			in_run = 0;
		}
		in_run++;
		n++;
	}
	ndisprot_tx_release(run, in_run);
	/* Woken under the lock: an unbind that sees no send may free the port. */
	spin_lock(&port->lock);
	nbls = ndisprot_tx_keep(port, nbls);
	port->sends -= n;
	if (!port->sends && wq_has_sleeper(&port->wq))
		wake_up_all(&port->wq);
	spin_unlock(&port->lock);
	ndisprot_tx_free_chain(nbls);
}

/* Up to @n NBLs out of @port's cache, as a chain. */
static PNET_BUFFER_LIST ndisprot_tx_take(struct ndisprot_port *port, unsigned int n)
{
	PNET_BUFFER_LIST chain, *link;

	spin_lock_bh(&port->lock);
	chain = port->tx_cache;
	for (link = &chain; *link && n; link = &(*link)->Next, n--)
		port->tx_cached--;
	port->tx_cache = *link;
	*link = NULL;
	spin_unlock_bh(&port->lock);
	return chain;
}

/*
 * A frame @len bytes long in an NBL taken from @spare (cached NBLs the
 * caller took), from @port's cache if @spare is NULL, or of our pool; NULL
 * if there is no memory.
 */
static PNET_BUFFER_LIST ndisprot_tx_nbl(struct ndisprot_port *port, PNET_BUFFER_LIST *spare,
					size_t len, u8 **frame)
{
	size_t room = max_t(size_t, len, NDISPROT_TX_BUF);
	PNET_BUFFER_LIST nbl = NULL;
	PNET_BUFFER nb;

	if (room == NDISPROT_TX_BUF && !spare) {
		nbl = ndisprot_tx_take(port, 1);
	} else if (room == NDISPROT_TX_BUF && *spare) {
		nbl = *spare;
		*spare = NET_BUFFER_LIST_NEXT_NBL(nbl);
	}
	if (!nbl) {
		nbl = NdisAllocateNetBufferAndNetBufferList(ndisprot_nbl_pool, 0, 0, NULL, 0,
							    room);
		if (!nbl)
			return NULL;
		NDISPROT_NBL_ROOM(nbl) = (PVOID)room;
	}
	nbl->Next = NULL;
	nbl->Status = NDIS_STATUS_SUCCESS;
	nb = NET_BUFFER_LIST_FIRST_NB(nbl);
	NET_BUFFER_DATA_LENGTH(nb) = len;
	*frame = NdisGetDataBuffer(nb, len, NULL, 1, 0);
	if (!*frame) {	/* our pool's frames are contiguous: not expected */
		NdisFreeNetBufferList(nbl);
		return NULL;
	}
	return nbl;
}

/* Why @port refuses the frame, or 0. Called under port->lock. */
static int ndisprot_tx_check(struct ndisprot_file *f, struct ndisprot_port *port,
			     PNET_BUFFER_LIST nbl)
{
	PNET_BUFFER nb = NET_BUFFER_LIST_FIRST_NB(nbl);
	unsigned int len = NET_BUFFER_DATA_LENGTH(nb);
	const u8 *frame = NdisGetDataBuffer(nb, ETH_HLEN, NULL, 1, 0);

	if (port->gone)
		return -ENODEV;
	if (!frame || len > port->mtu + ETH_HLEN)
		return -EINVAL;
	if (!(f->options & NDISPROT_OPT_ANY_SOURCE) &&
	    !ether_addr_equal(frame + ETH_ALEN, port->mac))
		return -EADDRNOTAVAIL;
	if (!port->running || !port->link_up)
		return -ENETDOWN;
	return 0;
}

/*
 * Check the frames of @chain in order and count those before the first
 * refused in as sends of @port, under one lock. Return: how many; @err
 * says why the next one was refused.
 */
static unsigned int ndisprot_tx_begin(struct ndisprot_file *f, struct ndisprot_port *port,
				      PNET_BUFFER_LIST chain, int *err)
{
	PNET_BUFFER_LIST nbl;
	unsigned int n = 0;

	*err = 0;
	spin_lock_bh(&port->lock);
	for (nbl = chain; nbl; nbl = NET_BUFFER_LIST_NEXT_NBL(nbl)) {
		*err = ndisprot_tx_check(f, port, nbl);
		if (*err)
			break;
		n++;
	}
	port->sends += n;
	spin_unlock_bh(&port->lock);
	return n;
}

/*
 * Send the @built frames of @chain (each holding a place in the window)
 * up to the first the port refuses, and recycle the others. Return: frames
 * sent; @err says why the first of the others was refused. That one is
 * counted as an error; those after it were not tried.
 */
static unsigned int ndisprot_tx_submit(struct ndisprot_file *f, struct ndisprot_port *port,
				       PNET_BUFFER_LIST chain, unsigned int built, int *err)
{
	PNET_BUFFER_LIST *link = &chain;
	unsigned int i, n;

	n = ndisprot_tx_begin(f, port, chain, err);
	for (i = 0; i < n; i++) {
		(*link)->ProtocolReserved[0] = f;
		link = &(*link)->Next;
	}
	ndisprot_tx_recycle(port, *link);
	*link = NULL;
	if (built > n) {
		atomic64_inc(&f->tx_errors);
		ndisprot_file_tx_done(f, built - n);
	}
	if (n) {
		ndisprot_file_get(f, n);	/* dropped by the completions */
		NdisSendNetBufferLists(port->binding, chain, 0, 0);
	}
	return n;
}

/**
 * ndisprot_send() - send the frame a write carries
 * @f: the file
 * @port: its port, referenced by the caller
 * @from: the frame
 * @nonblock: O_NONBLOCK: do not wait for room in the window (-EAGAIN)
 *
 * Context: process context.
 * Return: the frame's length once it is handed to the adapter, or -errno
 * (see include/uapi/ndis/ndisprot.h), then nothing was sent.
 */
ssize_t ndisprot_send(struct ndisprot_file *f, struct ndisprot_port *port,
		      struct iov_iter *from, bool nonblock)
{
	size_t len = iov_iter_count(from);
	PNET_BUFFER_LIST nbl;
	u8 *frame;
	int err;

	if (len < ETH_HLEN || len > NDISPROT_FRAME_MAX) {
		atomic64_inc(&f->tx_errors);
		return -EINVAL;
	}
	err = ndisprot_file_tx_error(f);
	if (err)
		return err;
	err = ndisprot_file_tx_reserve(f, 1, nonblock);
	if (err < 0)
		return err;	/* nothing sent yet: restartable */
	nbl = ndisprot_tx_nbl(port, NULL, len, &frame);
	err = -ENOMEM;
	if (nbl && !copy_from_iter_full(frame, len, from)) {
		ndisprot_tx_recycle(port, nbl);
		nbl = NULL;
		err = -EFAULT;
	}
	if (!nbl) {
		atomic64_inc(&f->tx_errors);
		ndisprot_file_tx_done(f, 1);
		return err;
	}
	if (!ndisprot_tx_submit(f, port, nbl, 1, &err))
		return err;
	return len;
}

/* The descriptor of one frame of a batch, checked as a write checks its length. */
static int ndisprot_tx_desc(const struct ndisprot_frame __user *ud, struct ndisprot_frame *d)
{
	if (copy_from_user(d, ud, sizeof(*d)))
		return -EFAULT;
	if (d->flags || d->len < ETH_HLEN || d->len > NDISPROT_FRAME_MAX)
		return -EINVAL;
	return 0;
}

/*
 * Frames @frames[0 .. @n) copied into a chain of NBLs. Return: how many;
 * @err says why the next one could not be.
 */
static unsigned int ndisprot_tx_build(struct ndisprot_port *port,
				      const struct ndisprot_frame __user *frames,
				      unsigned int n, PNET_BUFFER_LIST *chain, int *err)
{
	PNET_BUFFER_LIST nbl, *tail = chain, spare = ndisprot_tx_take(port, n);
	struct ndisprot_frame d;
	unsigned int built;
	u8 *frame;

	*chain = NULL;
	*err = 0;
	for (built = 0; built < n; built++) {
		*err = ndisprot_tx_desc(&frames[built], &d);
		if (*err)
			break;
		nbl = ndisprot_tx_nbl(port, &spare, d.len, &frame);
		if (!nbl) {
			*err = -ENOMEM;
			break;
		}
		if (copy_from_user(frame, u64_to_user_ptr(d.data), d.len)) {
			nbl->Next = spare;
			spare = nbl;
			*err = -EFAULT;
			break;
		}
		*tail = nbl;
		tail = &nbl->Next;
	}
	if (spare)
		ndisprot_tx_recycle(port, spare);
	return built;
}

/**
 * ndisprot_send_batch() - NDISPROT_IOC_SEND_BATCH: frames in one NBL chain
 * @f: the file
 * @port: its port, referenced by the caller
 * @frames: the user's struct ndisprot_frame array
 * @count: in: frames in @frames, at least 1; out: frames sent
 * @nonblock: send only what fits the window now
 *
 * Each round takes what room the window has (blocking: waits for some),
 * copies that many frames and sends them in one call, until all went, one
 * is refused or a signal comes. A first frame that is malformed is refused
 * before anything waits, as its write would be.
 *
 * Context: process context.
 * Return: 0 if any frame went, else -errno as ndisprot_send() has it.
 */
int ndisprot_send_batch(struct ndisprot_file *f, struct ndisprot_port *port,
			const struct ndisprot_frame __user *frames, u32 *count, bool nonblock)
{
	unsigned int want = *count, sent = 0, room, built, n;
	struct ndisprot_frame first;
	PNET_BUFFER_LIST chain;
	int err, build_err;

	err = ndisprot_tx_desc(frames, &first);
	if (err) {
		atomic64_inc(&f->tx_errors);
		return err;
	}
	err = ndisprot_file_tx_error(f);
	while (!err && sent < want) {
		err = ndisprot_file_tx_reserve(f, want - sent, nonblock);
		if (err < 0)
			break;
		room = err;
		err = 0;
		built = ndisprot_tx_build(port, frames + sent, room, &chain, &build_err);
		n = built ? ndisprot_tx_submit(f, port, chain, built, &err) : 0;
		if (n == built && build_err) {
			atomic64_inc(&f->tx_errors);	/* the frame that could not be built */
			err = build_err;
		}
		if (room > built)
			ndisprot_file_tx_done(f, room - built);
		sent += n;
	}
	*count = sent;
	return sent ? 0 : err;
}
