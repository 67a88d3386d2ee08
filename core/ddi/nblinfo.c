// SPDX-License-Identifier: GPL-2.0
/*
 * An NBL's out-of-band information and an sk_buff's: what a miniport over
 * a net_device needs to turn one into the other (namespace NDIS_LINUX).
 *
 * Receive: an 802.1Q tag the device or the stack took out of the frame
 * (skb_vlan_tag_present(), vlan_proto 802.1Q) becomes the NBL's
 * Ieee8021QNetBufferListInfo, and what the device verified becomes the
 * receive bits of TcpIpChecksumNetBufferListInfo: CHECKSUM_UNNECESSARY
 * says the TCP or UDP checksum is right; CHECKSUM_COMPLETE gives the sum
 * of the packet, from which the TCP or UDP checksum (and an IPv4 header's)
 * is checked here, headers only. Other frames report nothing, which tells
 * a protocol to check for itself.
 *
 * Send: an Ieee8021QNetBufferListInfo tag goes to the skb's hardware tag,
 * which the stack inserts itself if the device cannot; a checksum request
 * becomes CHECKSUM_PARTIAL, which the stack completes in software
 * (skb_checksum_help()) if the device cannot, and an IPv4 header checksum
 * request is computed here. A request the frame does not match (not the
 * IP version it names, a fragment, headers beyond the linear part) is left
 * undone, as a NIC would. Large send offload is not done: TcpLargeSend
 * information is ignored.
 *
 * Both parse at most the Ethernet, two VLAN, IP and transport headers, and
 * only when the skb or the NBL asks for a checksum.
 */
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/checksum.h>
#include <net/ip.h>
#include <net/ip6_checksum.h>
#include <net/ipv6.h>
#include <ndis/ndis.h>

/* Where a frame's IP and transport headers are, from skb->data. */
struct ndis_nbl_l3 {
	unsigned int nh;	/* IP header */
	unsigned int th;	/* transport header */
	unsigned int len;	/* transport bytes, as the IP header counts them */
	u8 proto;		/* IPPROTO_* of the transport header */
	bool v6;
};

static bool ndis_nbl_l3_ipv4(const struct sk_buff *skb, struct ndis_nbl_l3 *p)
{
	const struct iphdr *iph;
	struct iphdr buf;
	unsigned int hl, tot;

	iph = skb_header_pointer(skb, p->nh, sizeof(buf), &buf);
	if (!iph || iph->version != 4)
		return false;
	hl = iph->ihl * 4;
	tot = ntohs(iph->tot_len);
	if (hl < sizeof(*iph) || tot < hl || p->nh + tot > skb->len || ip_is_fragment(iph))
		return false;
	p->th = p->nh + hl;
	p->len = tot - hl;
	p->proto = iph->protocol;
	p->v6 = false;
	return true;
}

static bool ndis_nbl_l3_ipv6(const struct sk_buff *skb, struct ndis_nbl_l3 *p)
{
	const struct ipv6hdr *ip6h;
	struct ipv6hdr buf;
	unsigned int end;
	__be16 frag = 0;
	u8 nexthdr;
	int th;

	ip6h = skb_header_pointer(skb, p->nh, sizeof(buf), &buf);
	if (!ip6h || ip6h->version != 6)
		return false;
	end = p->nh + sizeof(*ip6h) + ntohs(ip6h->payload_len);
	if (end > skb->len)
		return false;
	nexthdr = ip6h->nexthdr;
	th = ipv6_skip_exthdr(skb, p->nh + sizeof(*ip6h), &nexthdr, &frag);
	if (th < 0 || frag || th > end)
		return false;
	p->th = th;
	p->len = end - th;
	p->proto = nexthdr;
	p->v6 = true;
	return true;
}

/*
 * The IP packet in @skb's frame (Ethernet header at skb->data, then up to
 * two VLAN tags): IPv4 or IPv6, not a fragment, within the frame.
 * Return: false if there is none.
 */
static bool ndis_nbl_l3_parse(const struct sk_buff *skb, struct ndis_nbl_l3 *p)
{
	const __be16 *type;
	__be16 buf;
	int tags;

	p->nh = ETH_HLEN;
	type = skb_header_pointer(skb, ETH_HLEN - sizeof(buf), sizeof(buf), &buf);
	for (tags = 0; type && eth_type_vlan(*type) && tags < 2; tags++) {
		type = skb_header_pointer(skb, p->nh + VLAN_HLEN - sizeof(buf), sizeof(buf), &buf);
		p->nh += VLAN_HLEN;
	}
	if (!type)
		return false;
	if (*type == htons(ETH_P_IP))
		return ndis_nbl_l3_ipv4(skb, p);
	if (*type == htons(ETH_P_IPV6))
		return ndis_nbl_l3_ipv6(skb, p);
	return false;
}

/*
 * CHECKSUM_COMPLETE: skb->csum sums the packet from its IP header to the
 * end of the frame. Whether the transport checksum is right (@l4) and, for
 * IPv4, the header's (@ip). Return: false if the frame has bytes after the
 * packet (Ethernet padding), which the sum includes.
 */
static bool ndis_nbl_rx_complete(const struct sk_buff *skb, const struct ndis_nbl_l3 *p,
				 bool *l4, bool *ip)
{
	__wsum head = skb_checksum(skb, p->nh, p->th - p->nh, 0);
	__wsum sum = csum_sub(skb->csum, head);
	union {
		struct iphdr v4;
		struct ipv6hdr v6;
	} buf;
	const void *h;

	if (p->th + p->len != skb->len)
		return false;
	h = skb_header_pointer(skb, p->nh, p->v6 ? sizeof(buf.v6) : sizeof(buf.v4), &buf);
	if (!h)
		return false;
	if (p->v6) {
		const struct ipv6hdr *ip6h = h;

		*l4 = !csum_ipv6_magic(&ip6h->saddr, &ip6h->daddr, p->len, p->proto, sum);
	} else {
		const struct iphdr *iph = h;

		*l4 = !csum_tcpudp_magic(iph->saddr, iph->daddr, p->len, p->proto, sum);
		*ip = !csum_fold(head);
	}
	return true;
}

/* The receive bits of TcpIpChecksumNetBufferListInfo for @skb. */
static PVOID ndis_nbl_rx_checksum(const struct sk_buff *skb)
{
	NDIS_TCP_IP_CHECKSUM_NET_BUFFER_LIST_INFO info = {};
	bool complete = skb->ip_summed == CHECKSUM_COMPLETE;
	bool l4 = true, ip = false;
	struct ndis_nbl_l3 p;
	__sum16 check;

	if (!ndis_nbl_l3_parse(skb, &p) || (p.proto != IPPROTO_TCP && p.proto != IPPROTO_UDP))
		return NULL;
	if (complete) {
		if (!ndis_nbl_rx_complete(skb, &p, &l4, &ip))
			return NULL;
		info.Receive.IpChecksumSucceeded = !p.v6 && ip;
		info.Receive.IpChecksumFailed = !p.v6 && !ip;
	}
	if (p.proto == IPPROTO_TCP) {
		info.Receive.TcpChecksumSucceeded = l4;
		info.Receive.TcpChecksumFailed = !l4;
		return info.Value;
	}
	/* An IPv4 UDP checksum of 0 is none: there is nothing to check. */
	if (complete && !p.v6 &&
	    (skb_copy_bits(skb, p.th + offsetof(struct udphdr, check), &check, sizeof(check)) ||
	     !check))
		return info.Value;
	info.Receive.UdpChecksumSucceeded = l4;
	info.Receive.UdpChecksumFailed = !l4;
	return info.Value;
}

/**
 * ndis_nbl_info_from_skb() - the out-of-band information of a received frame
 * @NetBufferList: the NBL that indicates the frame
 * @skb: the frame as the device delivered it, its Ethernet header at
 *	skb->data: a tag taken out of it in skb->vlan_tci, what the device
 *	checked in skb->ip_summed
 *
 * Sets the NBL's Ieee8021QNetBufferListInfo (NULL if no 802.1Q tag was
 * taken out; an 802.1ad one is the caller's to put back in the frame) and
 * the receive bits of its TcpIpChecksumNetBufferListInfo (NULL if the
 * device checked nothing this can tell).
 *
 * Context: any.
 */
void ndis_nbl_info_from_skb(PNET_BUFFER_LIST NetBufferList, const struct sk_buff *skb)
{
	NDIS_NET_BUFFER_LIST_8021Q_INFO tag = {};

	if (skb_vlan_tag_present(skb) && skb->vlan_proto == htons(ETH_P_8021Q)) {
		tag.TagHeader.UserPriority = skb_vlan_tag_get_prio(skb);
		tag.TagHeader.CanonicalFormatId = skb_vlan_tag_get_cfi(skb);
		tag.TagHeader.VlanId = skb_vlan_tag_get_id(skb);
	}
	NET_BUFFER_LIST_INFO(NetBufferList, Ieee8021QNetBufferListInfo) = tag.Value;
	NET_BUFFER_LIST_INFO(NetBufferList, TcpIpChecksumNetBufferListInfo) =
		skb->ip_summed == CHECKSUM_UNNECESSARY || skb->ip_summed == CHECKSUM_COMPLETE ?
		ndis_nbl_rx_checksum(skb) : NULL;
}
EXPORT_SYMBOL_NS_GPL(ndis_nbl_info_from_skb, "NDIS_LINUX");

/* Do what @info asks of @skb's checksums, as far as its frame allows. */
static void ndis_nbl_tx_checksum(struct sk_buff *skb,
				 NDIS_TCP_IP_CHECKSUM_NET_BUFFER_LIST_INFO info)
{
	const struct ipv6hdr *ip6h;
	struct ndis_nbl_l3 p;
	struct iphdr *iph;
	unsigned int off;
	__sum16 *check;

	if (!ndis_nbl_l3_parse(skb, &p) || (p.v6 ? !info.Transmit.IsIPv6 : !info.Transmit.IsIPv4))
		return;
	if (p.proto == IPPROTO_TCP && info.Transmit.TcpChecksum)
		off = offsetof(struct tcphdr, check);
	else if (p.proto == IPPROTO_UDP && info.Transmit.UdpChecksum)
		off = offsetof(struct udphdr, check);
	else
		off = 0;
	if (!p.v6 && info.Transmit.IpHeaderChecksum && !skb_ensure_writable(skb, p.th))
		ip_send_check((struct iphdr *)(skb->data + p.nh));
	/* Summed from the transport header to the end: no padding after it. */
	if (!off || p.th + off + sizeof(*check) > skb_headlen(skb) ||
	    (skb->len > p.th + p.len && pskb_trim(skb, p.th + p.len)) ||
	    skb_ensure_writable(skb, p.th + off + sizeof(*check)))
		return;
	check = (__sum16 *)(skb->data + p.th + off);
	if (p.v6) {
		ip6h = (const struct ipv6hdr *)(skb->data + p.nh);
		*check = ~csum_ipv6_magic(&ip6h->saddr, &ip6h->daddr, p.len, p.proto, 0);
	} else {
		iph = (struct iphdr *)(skb->data + p.nh);
		*check = ~csum_tcpudp_magic(iph->saddr, iph->daddr, p.len, p.proto, 0);
	}
	skb_set_network_header(skb, p.nh);
	skb_partial_csum_set(skb, p.th, off);
}

/**
 * ndis_nbl_info_to_skb() - carry out an NBL's out-of-band requests on a frame
 * @NetBufferList: the NBL being sent
 * @skb: one of its frames, made by the caller (its Ethernet header at
 *	skb->data, its headers in the linear part and not shared), not yet
 *	handed to the stack
 *
 * An Ieee8021QNetBufferListInfo tag becomes @skb's hardware tag (the stack
 * inserts it in the frame if the device cannot). A checksum request of
 * TcpIpChecksumNetBufferListInfo whose IP version matches the frame makes
 * @skb CHECKSUM_PARTIAL for its TCP or UDP checksum (the stack computes it
 * if the device cannot) and computes the IPv4 header checksum; a request
 * the frame does not allow is left undone. Bytes after the IP packet
 * (padding) are trimmed off when a transport checksum is to be computed.
 *
 * Context: any.
 */
void ndis_nbl_info_to_skb(PNET_BUFFER_LIST NetBufferList, struct sk_buff *skb)
{
	NDIS_NET_BUFFER_LIST_8021Q_INFO tag = {
		.Value = NET_BUFFER_LIST_INFO(NetBufferList, Ieee8021QNetBufferListInfo),
	};
	NDIS_TCP_IP_CHECKSUM_NET_BUFFER_LIST_INFO csum = {
		.Value = NET_BUFFER_LIST_INFO(NetBufferList, TcpIpChecksumNetBufferListInfo),
	};
	u16 tci = tag.TagHeader.UserPriority << VLAN_PRIO_SHIFT |
		  (tag.TagHeader.CanonicalFormatId ? VLAN_CFI_MASK : 0) | tag.TagHeader.VlanId;

	if (tci)
		__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), tci);
	if (csum.Transmit.IsIPv4 || csum.Transmit.IsIPv6)
		ndis_nbl_tx_checksum(skb, csum);
}
EXPORT_SYMBOL_NS_GPL(ndis_nbl_info_to_skb, "NDIS_LINUX");
