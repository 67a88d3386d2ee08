// SPDX-License-Identifier: GPL-2.0
/*
 * Receive: an ETH_P_ALL packet tap on the device (struct packet_type with
 * .dev set), the way AF_PACKET listens: the host stack keeps every frame,
 * we get a clone of it. The tap is registered only while NDIS's merged
 * packet filter is not zero (filter.c), and takes only the frames that
 * filter admits by type: directed, multicast, broadcast, or anything in
 * promiscuous mode. Which multicast groups a binding gets NDIS decides.
 *
 * The tap sees frames after GRO and after the driver (or the stack) took
 * the outer VLAN tag out, so before indicating we put the MAC header back
 * in front and cut GRO/LRO super-frames back into the frames that came off
 * the wire (skb_gso_segment, as Open vSwitch does for its upcalls). An
 * 802.1Q tag stays out, in the NBL's Ieee8021QNetBufferListInfo, as the DDI
 * has a miniport that handles tags (NDIS_MAC_OPTION_8021Q_VLAN) deliver
 * it; an 802.1ad tag goes back inside. What the NIC verified of the
 * checksums goes to TcpIpChecksumNetBufferListInfo (ndis_nbl_info_from_skb()).
 * Our own and the host's transmissions are not taken (ignore_outgoing),
 * nor their loopback copies (PACKET_LOOPBACK: multicast and broadcast the
 * host sends to itself), which arrive with the network header where the
 * Ethernet header belongs. NDIS loops nothing back in software either, so
 * protocols see exactly what came in on the wire.
 *
 * Each frame is one NBL (ndis_nbl_from_skb(): zero copy, the NBL owns the
 * clone) indicated at DISPATCH_LEVEL while the adapter runs. Frames seen
 * while it does not are counted as dropped. At most
 * NDIS_NETDEV_RX_OUTSTANDING_MAX NBLs are out with protocols at a time;
 * beyond that frames are lent (NDIS_RECEIVE_FLAGS_RESOURCES: protocols copy
 * what they want before the call returns, and we free the NBL at once)
 * rather than dropped, so a protocol that holds receives slows itself
 * down, not the others, and memory stays bounded.
 */
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#include "netdev.h"

/*
 * Whether the merged @filter admits a frame of @pkt_type. Transmissions
 * and their loopback copies never: see above.
 */
static bool ndis_netdev_rx_wanted(ULONG filter, u8 pkt_type)
{
	switch (pkt_type) {
	case PACKET_HOST:
		return filter & (NDIS_PACKET_TYPE_DIRECTED | NDIS_PACKET_TYPE_PROMISCUOUS);
	case PACKET_BROADCAST:
		return filter & (NDIS_PACKET_TYPE_BROADCAST | NDIS_PACKET_TYPE_PROMISCUOUS);
	case PACKET_MULTICAST:
		return filter & (NDIS_PACKET_TYPE_MULTICAST | NDIS_PACKET_TYPE_ALL_MULTICAST |
				 NDIS_PACKET_TYPE_PROMISCUOUS);
	case PACKET_OTHERHOST:
		return filter & NDIS_PACKET_TYPE_PROMISCUOUS;
	default:	/* PACKET_OUTGOING, PACKET_LOOPBACK */
		return false;
	}
}

/*
 * The frame's type for NDIS: one to the configured NetworkAddress (a
 * second unicast address of the device, so PACKET_OTHERHOST to the stack)
 * is directed to the adapter. The MAC header is set.
 */
static u8 ndis_netdev_rx_type(const struct ndis_netdev_port *port, const struct sk_buff *skb)
{
	if (skb->pkt_type == PACKET_OTHERHOST && port->addr_configured &&
	    ether_addr_equal_unaligned(eth_hdr(skb)->h_dest, port->cfg_addr))
		return PACKET_HOST;
	return skb->pkt_type;
}

static void ndis_netdev_rx_drop(struct ndis_netdev_port *port, struct sk_buff *skb)
{
	atomic64_inc(&port->stats.rx_dropped);
	kfree_skb(skb);
}

/* One frame, data at its MAC header, to NDIS. Consumes @skb. BHs off. */
static void ndis_netdev_rx_one(struct ndis_netdev_port *port, struct sk_buff *skb)
{
	ULONG flags = NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL;
	unsigned int len = skb->len;
	enum ndis_netdev_cast cast;
	PNET_BUFFER_LIST nbl;

	if (len < ETH_HLEN || !pskb_may_pull(skb, ETH_HLEN)) {
		ndis_netdev_rx_drop(port, skb);
		return;
	}
	cast = ndis_netdev_cast_of(skb->data);
	/* Counted (a full barrier), then @running: see the pause. */
	if (atomic_inc_return(&port->rx_outstanding) > NDIS_NETDEV_RX_OUTSTANDING_MAX)
		flags |= NDIS_RECEIVE_FLAGS_RESOURCES;
	if (!READ_ONCE(port->running)) {
		ndis_netdev_drain_put(port, &port->rx_outstanding, 1);
		ndis_netdev_rx_drop(port, skb);
		return;
	}
	nbl = ndis_nbl_from_skb(port->rx_pool, skb);	/* frees @skb on failure */
	if (!nbl) {
		ndis_netdev_drain_put(port, &port->rx_outstanding, 1);
		atomic64_inc(&port->stats.rx_dropped);
		return;
	}
	ndis_nbl_info_from_skb(nbl, skb);	/* the tag, the checksums verified */
	ndis_netdev_count(port, NDIS_NETDEV_RX, cast, len, false);
	NdisMIndicateReceiveNetBufferLists(port->handle, nbl, 0, 1, flags);
	if (flags & NDIS_RECEIVE_FLAGS_RESOURCES) {
		/* Lent: ours again now that the call returned. */
		atomic64_inc(&port->stats.rx_lent);
		NdisFreeNetBufferList(nbl);
		ndis_netdev_drain_put(port, &port->rx_outstanding, 1);
	}
}

/**
 * ndis_netdev_rx() - the packet tap's handler
 * @skb: a frame the device received, shared with the stack
 * @dev: the device
 * @pt: the port's tap
 * @orig_dev: the device it arrived on
 *
 * Context: softirq (or BHs disabled), inside an RCU read-side section.
 * Return: NET_RX_SUCCESS or NET_RX_DROP, which the stack ignores.
 */
int ndis_netdev_rx(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
		   struct net_device *orig_dev)
{
	struct ndis_netdev_port *port = container_of(pt, struct ndis_netdev_port, tap);
	struct sk_buff *segs, *next;

	if (!skb_mac_header_was_set(skb) || skb_mac_offset(skb) > 0 ||
	    !ndis_netdev_rx_wanted(READ_ONCE(port->filter), ndis_netdev_rx_type(port, skb))) {
		consume_skb(skb);	/* not for us: nothing dropped */
		return NET_RX_SUCCESS;
	}
	skb = skb_share_check(skb, GFP_ATOMIC);	/* the stack's frame: our own clone */
	if (!skb)
		goto nomem;
	skb_push(skb, -skb_mac_offset(skb));	/* the MAC header back in front */
	if (skb_vlan_tag_present(skb) && skb->vlan_proto != htons(ETH_P_8021Q)) {
		skb = __vlan_hwaccel_push_inside(skb);	/* frees it on failure */
		if (!skb)
			goto nomem;
	}
	local_bh_disable();	/* DISPATCH_LEVEL, whoever delivered it */
	if (!skb_is_gso(skb)) {
		ndis_netdev_rx_one(port, skb);
	} else {
		/*
		 * Segmenting writes the headers (lengths, IDs, and for UDP and
		 * TCP without CHECKSUM_PARTIAL the checksum) before it copies
		 * them into the segments; our clone shares them with the host
		 * stack's frame, so take a private copy first.
		 */
		segs = skb_cow_head(skb, 0) ? NULL : __skb_gso_segment(skb, NETIF_F_SG, false);
		if (IS_ERR_OR_NULL(segs)) {
			ndis_netdev_rx_drop(port, skb);
		} else {
			ndis_netdev_count_segmented(port);
			consume_skb(skb);
			skb_list_walk_safe(segs, skb, next) {
				skb_mark_not_on_list(skb);
				ndis_netdev_rx_one(port, skb);
			}
		}
	}
	local_bh_enable();
	return NET_RX_SUCCESS;

nomem:
	atomic64_inc(&port->stats.rx_dropped);
	return NET_RX_DROP;
}

/**
 * ndis_netdev_return() - MiniportReturnNetBufferLists
 * @ctx: the port
 * @nbls: received NBLs every binding gave back
 * @flags: NDIS_RETURN_FLAGS_*
 *
 * Frees them with their frames; the last one back may let a pause finish.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void ndis_netdev_return(NDIS_HANDLE ctx, PNET_BUFFER_LIST nbls, ULONG flags)
{
	struct ndis_netdev_port *port = ctx;
	PNET_BUFFER_LIST nbl, next;
	int n = 0;

	for (nbl = nbls; nbl; nbl = next) {
		next = nbl->Next;
		nbl->Next = NULL;
		NdisFreeNetBufferList(nbl);
		n++;
	}
	if (n)
		ndis_netdev_drain_put(port, &port->rx_outstanding, n);
}
