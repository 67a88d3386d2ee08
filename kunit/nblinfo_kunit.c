// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_nbl_info: what an NBL carries besides its frames. The
 * information slots in the DDI's order; the 802.1Q, checksum and large
 * send views against known Value encodings (the bit-field layout drivers
 * rely on); the NBL and data path flag macros; and the mapping to and from
 * sk_buffs a miniport over a net_device uses (ndis_nbl_info_from_skb(),
 * ndis_nbl_info_to_skb()) on hand-built frames: the tag a NIC stripped,
 * CHECKSUM_UNNECESSARY and CHECKSUM_COMPLETE (right, wrong, padded,
 * fragment), and on send the tag, the IPv4 header checksum and
 * CHECKSUM_PARTIAL completed in software to a correct checksum.
 */
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/random.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/checksum.h>
#include <net/ip.h>
#include <net/ip6_checksum.h>

#include "ndis_kunit.h"

#define VALUE(v)	((PVOID)(ULONG_PTR)(v))
#define BF(field)	((u32)(field))	/* typeof() takes no bit-field */

static void info_slots_are_the_ddi_s(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, TcpIpChecksumNetBufferListInfo, 0);
	KUNIT_EXPECT_EQ(test, TcpOffloadBytesTransferred, 0);
	KUNIT_EXPECT_EQ(test, IPsecOffloadV1NetBufferListInfo, 1);
	KUNIT_EXPECT_EQ(test, IPsecOffloadV2NetBufferListInfo, 1);
	KUNIT_EXPECT_EQ(test, TcpLargeSendNetBufferListInfo, 2);
	KUNIT_EXPECT_EQ(test, TcpReceiveNoPush, 2);
	KUNIT_EXPECT_EQ(test, ClassificationHandleNetBufferListInfo, 3);
	KUNIT_EXPECT_EQ(test, Ieee8021QNetBufferListInfo, 4);
	KUNIT_EXPECT_EQ(test, NetBufferListCancelId, 5);
	KUNIT_EXPECT_EQ(test, MediaSpecificInformation, 6);
	KUNIT_EXPECT_EQ(test, NetBufferListFrameType, 7);
	KUNIT_EXPECT_EQ(test, NetBufferListProtocolId, 7);
	KUNIT_EXPECT_EQ(test, NetBufferListHashValue, 8);
	KUNIT_EXPECT_EQ(test, NetBufferListHashInfo, 9);
	KUNIT_EXPECT_EQ(test, WfpNetBufferListInfo, 10);
	KUNIT_EXPECT_EQ(test, IPsecOffloadV2TunnelNetBufferListInfo, 11);
	KUNIT_EXPECT_EQ(test, IPsecOffloadV2HeaderNetBufferListInfo, 12);
	KUNIT_EXPECT_EQ(test, NetBufferListCorrelationId, 13);
	KUNIT_EXPECT_EQ(test, NetBufferListFilteringInfo, 14);
	KUNIT_EXPECT_EQ(test, MediaSpecificInformationEx, 15);
	KUNIT_EXPECT_EQ(test, NblOriginalInterfaceIfIndex, 16);
	KUNIT_EXPECT_EQ(test, NblReAuthWfpFlowContext, 16);
	KUNIT_EXPECT_EQ(test, TcpReceiveBytesTransferred, 17);
	KUNIT_EXPECT_EQ(test, MaxNetBufferListInfo, 18);
}

static void ieee8021q_views_against_values(struct kunit *test)
{
	NDIS_NET_BUFFER_LIST_8021Q_INFO q = {};
	PNET_BUFFER_LIST nbl = kunit_kzalloc(test, sizeof(*nbl), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, nbl);
	/* Priority in bits 0-2, CFI bit 3, VLAN id bits 4-15. */
	q.TagHeader.UserPriority = 5;
	q.TagHeader.VlanId = 100;
	KUNIT_EXPECT_PTR_EQ(test, q.Value, VALUE(0x645));
	q.TagHeader.CanonicalFormatId = 1;
	KUNIT_EXPECT_PTR_EQ(test, q.Value, VALUE(0x64d));
	q.Value = VALUE(0xffff);
	KUNIT_EXPECT_EQ(test, BF(q.TagHeader.UserPriority), 7U);
	KUNIT_EXPECT_EQ(test, BF(q.TagHeader.CanonicalFormatId), 1U);
	KUNIT_EXPECT_EQ(test, BF(q.TagHeader.VlanId), 4095U);
	KUNIT_EXPECT_EQ(test, BF(q.TagHeader.Reserved), 0U);
	q.Value = VALUE(0x70000 | 0x23);
	KUNIT_EXPECT_EQ(test, BF(q.WLanTagHeader.WMMInfo), 7U);
	KUNIT_EXPECT_EQ(test, BF(q.WLanTagHeader.VlanId), 2U);
	KUNIT_EXPECT_EQ(test, BF(q.WLanTagHeader.UserPriority), 3U);
	KUNIT_EXPECT_EQ(test, BF(q.TagHeader.Reserved), 7U);

	/* The VLAN id accessors change the id alone. */
	NET_BUFFER_LIST_INFO(nbl, Ieee8021QNetBufferListInfo) = VALUE(0x645);
	KUNIT_EXPECT_EQ(test, NDIS_GET_NET_BUFFER_LIST_VLAN_ID(nbl), 100U);
	NDIS_SET_NET_BUFFER_LIST_VLAN_ID(nbl, 4094);
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_LIST_INFO(nbl, Ieee8021QNetBufferListInfo),
			    VALUE(0xffe5));
	KUNIT_EXPECT_EQ(test, NDIS_GET_NET_BUFFER_LIST_VLAN_ID(nbl), 4094U);
}

static void checksum_views_against_values(struct kunit *test)
{
	NDIS_TCP_IP_CHECKSUM_NET_BUFFER_LIST_INFO c = {};

	c.Transmit.IsIPv4 = 1;
	c.Transmit.TcpChecksum = 1;
	c.Transmit.IpHeaderChecksum = 1;
	c.Transmit.TcpHeaderOffset = 34;
	KUNIT_EXPECT_PTR_EQ(test, c.Value, VALUE(0x220015));
	c.Value = VALUE(0x2 | 0x8);
	KUNIT_EXPECT_EQ(test, BF(c.Transmit.IsIPv6), 1U);
	KUNIT_EXPECT_EQ(test, BF(c.Transmit.UdpChecksum), 1U);
	KUNIT_EXPECT_EQ(test, BF(c.Transmit.IsIPv4), 0U);

	c.Value = NULL;
	c.Receive.TcpChecksumSucceeded = 1;
	c.Receive.IpChecksumSucceeded = 1;
	KUNIT_EXPECT_PTR_EQ(test, c.Value, VALUE(0x28));
	c.Value = NULL;
	c.Receive.TcpChecksumFailed = 1;
	c.Receive.UdpChecksumFailed = 1;
	c.Receive.IpChecksumFailed = 1;
	c.Receive.UdpChecksumSucceeded = 1;
	c.Receive.Loopback = 1;
	KUNIT_EXPECT_PTR_EQ(test, c.Value, VALUE(0x57));
	c.Value = VALUE(0x180);
	KUNIT_EXPECT_EQ(test, BF(c.Receive.TcpChecksumValueInvalid), 1U);
	KUNIT_EXPECT_EQ(test, BF(c.Receive.IpChecksumValueInvalid), 1U);
	KUNIT_EXPECT_EQ(test, BF(c.Receive.Loopback), 0U);
}

static void large_send_views_against_values(struct kunit *test)
{
	NDIS_TCP_LARGE_SEND_OFFLOAD_NET_BUFFER_LIST_INFO l = {};

	l.LsoV1Transmit.MSS = 1460;
	l.LsoV1Transmit.TcpHeaderOffset = 34;
	l.LsoV1Transmit.Type = NDIS_TCP_LARGE_SEND_OFFLOAD_V1_TYPE;
	KUNIT_EXPECT_PTR_EQ(test, l.Value, VALUE(0x22005b4));

	l.Value = NULL;
	l.LsoV2Transmit.MSS = 1440;
	l.LsoV2Transmit.TcpHeaderOffset = 54;
	l.LsoV2Transmit.Type = NDIS_TCP_LARGE_SEND_OFFLOAD_V2_TYPE;
	l.LsoV2Transmit.IPVersion = NDIS_TCP_LARGE_SEND_OFFLOAD_IPv6;
	KUNIT_EXPECT_PTR_EQ(test, l.Value, VALUE(0xc36005a0));
	KUNIT_EXPECT_EQ(test, BF(l.Transmit.Type), 1U);

	/* What the miniport writes back at completion. */
	l.LsoV2TransmitComplete.Reserved = 0;
	KUNIT_EXPECT_PTR_EQ(test, l.Value, VALUE(0xc0000000));
	l.Value = NULL;
	l.LsoV1TransmitComplete.TcpPayload = 100000;
	KUNIT_EXPECT_PTR_EQ(test, l.Value, VALUE(0x186a0));
	KUNIT_EXPECT_EQ(test, BF(l.Transmit.Type), (ULONG)NDIS_TCP_LARGE_SEND_OFFLOAD_V1_TYPE);
}

static void nbl_flag_macros(struct kunit *test)
{
	PNET_BUFFER_LIST nbl = kunit_kzalloc(test, sizeof(*nbl), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, nbl);
	NdisSetNblFlag(nbl, NDIS_NBL_FLAGS_IS_IPV4 | NDIS_NBL_FLAGS_IS_TCP);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_LIST_NBL_FLAGS(nbl), 0xa00U);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_LIST_FLAGS(nbl), 0U);
	KUNIT_EXPECT_TRUE(test, NdisTestNblFlag(nbl, NDIS_NBL_FLAGS_IS_TCP |
						NDIS_NBL_FLAGS_IS_UDP));
	KUNIT_EXPECT_FALSE(test, NdisTestNblFlags(nbl, NDIS_NBL_FLAGS_IS_TCP |
						  NDIS_NBL_FLAGS_IS_UDP));
	KUNIT_EXPECT_TRUE(test, NdisTestNblFlags(nbl, NDIS_NBL_FLAGS_IS_TCP |
						 NDIS_NBL_FLAGS_IS_IPV4));
	NdisClearNblFlag(nbl, NDIS_NBL_FLAGS_IS_TCP);
	KUNIT_EXPECT_FALSE(test, NdisTestNblFlag(nbl, NDIS_NBL_FLAGS_IS_TCP));
	KUNIT_EXPECT_TRUE(test, NdisTestNblFlag(nbl, NDIS_NBL_FLAGS_IS_IPV4));

	/* Flags is split by owner; the protocol macros touch its bits alone. */
	KUNIT_EXPECT_EQ(test, NBL_FLAGS_PROTOCOL_RESERVED | NBL_FLAGS_MINIPORT_RESERVED |
			NBL_FLAGS_SCRATCH | NBL_FLAGS_NDIS_RESERVED, 0xffffffffU);
	KUNIT_EXPECT_EQ(test, NBL_FLAGS_PROTOCOL_RESERVED & (NBL_FLAGS_MINIPORT_RESERVED |
			NBL_FLAGS_SCRATCH | NBL_FLAGS_NDIS_RESERVED), 0U);
	KUNIT_EXPECT_EQ(test, NBL_FLAGS_MINIPORT_RESERVED & (NBL_FLAGS_SCRATCH |
			NBL_FLAGS_NDIS_RESERVED), 0U);
	KUNIT_EXPECT_EQ(test, NBL_PROT_RSVD_FLAGS, NBL_FLAGS_PROTOCOL_RESERVED);
	NBL_SET_PROT_RSVD_FLAG(nbl, 0x00100000 | 0x00001000);
	KUNIT_EXPECT_EQ(test, nbl->Flags, 0x00100000U);
	NBL_SET_FLAG(nbl, 0x00001000);	/* the miniport's */
	KUNIT_EXPECT_FALSE(test, NBL_TEST_PROT_RSVD_FLAG(nbl, 0x00001000));
	KUNIT_EXPECT_TRUE(test, NBL_TEST_PROT_RSVD_FLAG(nbl, 0x00100000));
	KUNIT_EXPECT_TRUE(test, NBL_TEST_FLAGS(nbl, 0x00101000));
	NBL_CLEAR_PROT_RSVD_FLAG(nbl, 0xffffffff);
	KUNIT_EXPECT_EQ(test, nbl->Flags, 0x00001000U);
	NBL_CLEAR_FLAG(nbl, 0x00001000);
	KUNIT_EXPECT_FALSE(test, NBL_TEST_FLAG(nbl, 0xffffffff));

	/* The protocol id is the low byte of the frame type's slot. */
	NdisSetNetBufferListProtocolId(nbl, NDIS_PROTOCOL_ID_TCP_IP);
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_LIST_INFO(nbl, NetBufferListFrameType),
			    VALUE(NDIS_PROTOCOL_ID_TCP_IP));
	KUNIT_EXPECT_PTR_EQ(test, (PVOID)NET_BUFFER_LIST_PROTOCOL_RESERVED(nbl),
			    (PVOID)nbl->ProtocolReserved);
	KUNIT_EXPECT_PTR_EQ(test, (PVOID)NET_BUFFER_LIST_MINIPORT_RESERVED(nbl),
			    (PVOID)nbl->MiniportReserved);
}

static void data_path_flag_macros(struct kunit *test)
{
	ULONG both = NDIS_SEND_FLAGS_DISPATCH_LEVEL | NDIS_SEND_FLAGS_CHECK_FOR_LOOPBACK;
	ULONG f = 0;

	KUNIT_EXPECT_TRUE(test, NDIS_TEST_SEND_AT_DISPATCH_LEVEL(both));
	KUNIT_EXPECT_FALSE(test, NDIS_TEST_SEND_AT_DISPATCH_LEVEL(both &
								  ~NDIS_SEND_FLAGS_DISPATCH_LEVEL));
	KUNIT_EXPECT_FALSE(test, NDIS_TEST_SEND_FLAG(NDIS_SEND_FLAGS_DISPATCH_LEVEL,
						     NDIS_SEND_FLAGS_DISPATCH_LEVEL |
						     NDIS_SEND_FLAGS_CHECK_FOR_LOOPBACK));
	NDIS_SET_SEND_FLAG(f, NDIS_SEND_FLAGS_CHECK_FOR_LOOPBACK);
	NDIS_SET_SEND_FLAG(f, NDIS_SEND_FLAGS_DISPATCH_LEVEL);
	KUNIT_EXPECT_TRUE(test, NDIS_TEST_SEND_FLAG(f, NDIS_SEND_FLAGS_DISPATCH_LEVEL |
						    NDIS_SEND_FLAGS_CHECK_FOR_LOOPBACK));
	NDIS_CLEAR_SEND_FLAG(f, NDIS_SEND_FLAGS_DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, f, (ULONG)NDIS_SEND_FLAGS_CHECK_FOR_LOOPBACK);

	f = 0;
	KUNIT_EXPECT_FALSE(test, NDIS_TEST_SEND_COMPLETE_AT_DISPATCH_LEVEL(f));
	NDIS_SET_SEND_COMPLETE_FLAG(f, NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL);
	KUNIT_EXPECT_TRUE(test, NDIS_TEST_SEND_COMPLETE_AT_DISPATCH_LEVEL(f));

	f = 0;
	NDIS_SET_RETURN_FLAG(f, NDIS_RETURN_FLAGS_DISPATCH_LEVEL);
	KUNIT_EXPECT_TRUE(test, NDIS_TEST_RETURN_AT_DISPATCH_LEVEL(f));
	KUNIT_EXPECT_FALSE(test, NDIS_TEST_RETURN_AT_DISPATCH_LEVEL(0));

	f = 0;
	KUNIT_EXPECT_TRUE(test, NDIS_TEST_RECEIVE_CAN_PEND(f));
	NDIS_SET_RECEIVE_FLAG(f, NDIS_RECEIVE_FLAGS_RESOURCES);
	KUNIT_EXPECT_TRUE(test, NDIS_TEST_RECEIVE_CANNOT_PEND(f));
	KUNIT_EXPECT_FALSE(test, NDIS_TEST_RECEIVE_CAN_PEND(f));
	KUNIT_EXPECT_FALSE(test, NDIS_TEST_RECEIVE_AT_DISPATCH_LEVEL(f));
	NDIS_SET_RECEIVE_FLAG(f, NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL);
	KUNIT_EXPECT_TRUE(test, NDIS_TEST_RECEIVE_AT_DISPATCH_LEVEL(f));
}

/* -- frames ------------------------------------------------------------------ */

#define FRAME_ROOM	256
#define PAYLOAD		40

static const u8 dst_mac[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x02 };
static const u8 src_mac[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 };

static void skb_free(void *skb)
{
	kfree_skb(skb);
}

struct frame {
	struct sk_buff *skb;
	unsigned int nh, th, l4len;
	bool v6;
};

/*
 * An Ethernet frame (@vlan: with an 802.1Q tag inside) carrying TCP or UDP
 * over IPv4 or IPv6 with PAYLOAD bytes, every checksum right, @pad bytes
 * of padding after the packet. skb->data at the Ethernet header.
 */
static void frame_build(struct kunit *test, struct frame *f, bool v6, u8 proto, bool vlan,
			unsigned int pad)
{
	unsigned int l4hdr = proto == IPPROTO_TCP ? sizeof(struct tcphdr) : sizeof(struct udphdr);
	struct sk_buff *skb = alloc_skb(FRAME_ROOM + NET_IP_ALIGN, GFP_KERNEL);
	struct ethhdr *eth;
	u8 *l4;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, skb_free, skb), 0);
	skb_reserve(skb, NET_IP_ALIGN);
	f->skb = skb;
	f->v6 = v6;
	eth = skb_put_zero(skb, ETH_HLEN);
	ether_addr_copy(eth->h_dest, dst_mac);
	ether_addr_copy(eth->h_source, src_mac);
	eth->h_proto = htons(v6 ? ETH_P_IPV6 : ETH_P_IP);
	if (vlan) {
		eth->h_proto = htons(ETH_P_8021Q);
		put_unaligned_be16(42, skb_put(skb, 2));
		put_unaligned_be16(v6 ? ETH_P_IPV6 : ETH_P_IP, skb_put(skb, 2));
	}
	f->nh = skb->len;
	f->l4len = l4hdr + PAYLOAD;
	if (v6) {
		struct ipv6hdr *ip6h = skb_put_zero(skb, sizeof(*ip6h));

		ip6h->version = 6;
		ip6h->payload_len = htons(f->l4len);
		ip6h->nexthdr = proto;
		ip6h->hop_limit = 64;
		ip6h->saddr.s6_addr[0] = 0xfd;
		ip6h->saddr.s6_addr[15] = 1;
		ip6h->daddr.s6_addr[0] = 0xfd;
		ip6h->daddr.s6_addr[15] = 2;
	} else {
		struct iphdr *iph = skb_put_zero(skb, sizeof(*iph));

		iph->version = 4;
		iph->ihl = 5;
		iph->tot_len = htons(sizeof(*iph) + f->l4len);
		iph->ttl = 64;
		iph->protocol = proto;
		iph->saddr = htonl(0x0a000001);
		iph->daddr = htonl(0x0a000002);
		ip_send_check(iph);
	}
	f->th = skb->len;
	l4 = skb_put_zero(skb, f->l4len);
	if (proto == IPPROTO_TCP) {
		((struct tcphdr *)l4)->doff = 5;
		((struct tcphdr *)l4)->ack = 1;
	} else {
		((struct udphdr *)l4)->len = htons(f->l4len);
	}
	get_random_bytes(l4 + l4hdr, PAYLOAD);
	((__be16 *)l4)[0] = htons(1000);
	((__be16 *)l4)[1] = htons(2000);
	if (proto == IPPROTO_TCP)
		((struct tcphdr *)l4)->check = 0;
	if (v6) {
		const struct ipv6hdr *ip6h = (void *)(skb->data + f->nh);
		__sum16 sum = csum_ipv6_magic(&ip6h->saddr, &ip6h->daddr, f->l4len, proto,
					      csum_partial(l4, f->l4len, 0));

		if (proto == IPPROTO_TCP)
			((struct tcphdr *)l4)->check = sum;
		else
			((struct udphdr *)l4)->check = sum ?: CSUM_MANGLED_0;
	} else {
		const struct iphdr *iph = (void *)(skb->data + f->nh);
		__sum16 sum = csum_tcpudp_magic(iph->saddr, iph->daddr, f->l4len, proto,
						csum_partial(l4, f->l4len, 0));

		if (proto == IPPROTO_TCP)
			((struct tcphdr *)l4)->check = sum;
		else
			((struct udphdr *)l4)->check = sum ?: CSUM_MANGLED_0;
	}
	skb_put_zero(skb, pad);
	skb->protocol = eth->h_proto;
	skb_reset_mac_header(skb);
	skb_set_network_header(skb, f->nh);
}

/* Whether the frame's transport (and IPv4 header) checksums are right. */
static bool frame_sums_right(const struct frame *f, u8 proto)
{
	const u8 *l4 = f->skb->data + f->th;
	__wsum sum = csum_partial(l4, f->l4len, 0);

	if (f->v6) {
		const struct ipv6hdr *ip6h = (void *)(f->skb->data + f->nh);

		return !csum_ipv6_magic(&ip6h->saddr, &ip6h->daddr, f->l4len, proto, sum);
	}
	return !ip_fast_csum(f->skb->data + f->nh, 5) &&
	       !csum_tcpudp_magic(((struct iphdr *)(f->skb->data + f->nh))->saddr,
				  ((struct iphdr *)(f->skb->data + f->nh))->daddr, f->l4len,
				  proto, sum);
}

/* CHECKSUM_COMPLETE as a NIC gives it: the sum from the IP header to the end. */
static void frame_complete(struct frame *f)
{
	f->skb->ip_summed = CHECKSUM_COMPLETE;
	f->skb->csum = csum_partial(f->skb->data + f->nh, f->skb->len - f->nh, 0);
}

static PVOID rx_checksum(struct kunit *test, struct frame *f)
{
	PNET_BUFFER_LIST nbl = kunit_kzalloc(test, sizeof(*nbl), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, nbl);
	ndis_nbl_info_from_skb(nbl, f->skb);
	return NET_BUFFER_LIST_INFO(nbl, TcpIpChecksumNetBufferListInfo);
}

static void receive_takes_the_stripped_tag(struct kunit *test)
{
	PNET_BUFFER_LIST nbl = kunit_kzalloc(test, sizeof(*nbl), GFP_KERNEL);
	NDIS_NET_BUFFER_LIST_8021Q_INFO q;
	struct frame f;

	KUNIT_ASSERT_NOT_NULL(test, nbl);
	frame_build(test, &f, false, IPPROTO_UDP, false, 0);
	/* Priority 5, DEI, VLAN 100, as the NIC or skb_vlan_untag() leaves it. */
	__vlan_hwaccel_put_tag(f.skb, htons(ETH_P_8021Q), 0xb064);
	ndis_nbl_info_from_skb(nbl, f.skb);
	q.Value = NET_BUFFER_LIST_INFO(nbl, Ieee8021QNetBufferListInfo);
	KUNIT_EXPECT_EQ(test, BF(q.TagHeader.UserPriority), 5U);
	KUNIT_EXPECT_EQ(test, BF(q.TagHeader.CanonicalFormatId), 1U);
	KUNIT_EXPECT_EQ(test, BF(q.TagHeader.VlanId), 100U);
	KUNIT_EXPECT_EQ(test, NDIS_GET_NET_BUFFER_LIST_VLAN_ID(nbl), 100U);
	KUNIT_EXPECT_NULL(test, NET_BUFFER_LIST_INFO(nbl, TcpIpChecksumNetBufferListInfo));

	/* An 802.1ad tag is not 802.1Q information; no tag is none. */
	__vlan_hwaccel_put_tag(f.skb, htons(ETH_P_8021AD), 0xb064);
	ndis_nbl_info_from_skb(nbl, f.skb);
	KUNIT_EXPECT_NULL(test, NET_BUFFER_LIST_INFO(nbl, Ieee8021QNetBufferListInfo));
	__vlan_hwaccel_clear_tag(f.skb);
	NET_BUFFER_LIST_INFO(nbl, Ieee8021QNetBufferListInfo) = VALUE(0x645);
	ndis_nbl_info_from_skb(nbl, f.skb);
	KUNIT_EXPECT_NULL(test, NET_BUFFER_LIST_INFO(nbl, Ieee8021QNetBufferListInfo));
}

static void receive_unnecessary_is_a_verified_transport_checksum(struct kunit *test)
{
	struct frame f;

	frame_build(test, &f, false, IPPROTO_TCP, false, 0);
	KUNIT_EXPECT_NULL(test, rx_checksum(test, &f));	/* CHECKSUM_NONE */
	f.skb->ip_summed = CHECKSUM_UNNECESSARY;
	KUNIT_EXPECT_PTR_EQ(test, rx_checksum(test, &f), VALUE(0x8));	/* TCP succeeded */

	frame_build(test, &f, true, IPPROTO_UDP, true, 0);
	f.skb->ip_summed = CHECKSUM_UNNECESSARY;
	KUNIT_EXPECT_PTR_EQ(test, rx_checksum(test, &f), VALUE(0x10));	/* UDP succeeded */

	/* Neither TCP nor UDP: nothing to say. */
	frame_build(test, &f, false, IPPROTO_TCP, false, 0);
	((struct iphdr *)(f.skb->data + f.nh))->protocol = IPPROTO_ICMP;
	f.skb->ip_summed = CHECKSUM_UNNECESSARY;
	KUNIT_EXPECT_NULL(test, rx_checksum(test, &f));
}

/* A checksum one bit off. */
static void flip(__sum16 *check)
{
	*check = (__force __sum16)((__force u16)*check ^ 1);
}

static void receive_complete_is_checked_from_the_sum(struct kunit *test)
{
	struct frame f;

	/* Right: TCP and the IPv4 header succeeded. */
	frame_build(test, &f, false, IPPROTO_TCP, false, 0);
	frame_complete(&f);
	KUNIT_EXPECT_PTR_EQ(test, rx_checksum(test, &f), VALUE(0x28));

	/* A TCP checksum off by one, summed as the NIC saw it: TCP failed. */
	frame_build(test, &f, false, IPPROTO_TCP, false, 0);
	flip(&((struct tcphdr *)(f.skb->data + f.th))->check);
	frame_complete(&f);
	KUNIT_EXPECT_PTR_EQ(test, rx_checksum(test, &f), VALUE(0x21));

	/* A bad IPv4 header: IP failed, TCP still right. */
	frame_build(test, &f, false, IPPROTO_TCP, false, 0);
	flip(&((struct iphdr *)(f.skb->data + f.nh))->check);
	frame_complete(&f);
	KUNIT_EXPECT_PTR_EQ(test, rx_checksum(test, &f), VALUE(0x0c));

	/* UDP over IPv6 behind a tag in the frame: UDP succeeded, no IP bits. */
	frame_build(test, &f, true, IPPROTO_UDP, true, 0);
	frame_complete(&f);
	KUNIT_EXPECT_PTR_EQ(test, rx_checksum(test, &f), VALUE(0x10));

	/* Padding after the packet is in the sum: nothing can be told. */
	frame_build(test, &f, false, IPPROTO_UDP, false, 6);
	frame_complete(&f);
	KUNIT_EXPECT_NULL(test, rx_checksum(test, &f));

	/* A fragment has no checksum of its own to check. */
	frame_build(test, &f, false, IPPROTO_UDP, false, 0);
	((struct iphdr *)(f.skb->data + f.nh))->frag_off = htons(IP_MF);
	ip_send_check((struct iphdr *)(f.skb->data + f.nh));
	frame_complete(&f);
	KUNIT_EXPECT_NULL(test, rx_checksum(test, &f));

	/* An IPv4 UDP checksum of 0 is none: only the header is told. */
	frame_build(test, &f, false, IPPROTO_UDP, false, 0);
	((struct udphdr *)(f.skb->data + f.th))->check = 0;
	frame_complete(&f);
	KUNIT_EXPECT_PTR_EQ(test, rx_checksum(test, &f), VALUE(0x20));
}

static void send_puts_the_tag_on_the_skb(struct kunit *test)
{
	PNET_BUFFER_LIST nbl = kunit_kzalloc(test, sizeof(*nbl), GFP_KERNEL);
	NDIS_NET_BUFFER_LIST_8021Q_INFO q = {};
	struct frame f;

	KUNIT_ASSERT_NOT_NULL(test, nbl);
	frame_build(test, &f, false, IPPROTO_UDP, false, 0);
	ndis_nbl_info_to_skb(nbl, f.skb);	/* nothing asked */
	KUNIT_EXPECT_FALSE(test, skb_vlan_tag_present(f.skb));
	KUNIT_EXPECT_EQ(test, BF(f.skb->ip_summed), CHECKSUM_NONE);

	q.TagHeader.UserPriority = 3;
	q.TagHeader.VlanId = 42;
	NET_BUFFER_LIST_INFO(nbl, Ieee8021QNetBufferListInfo) = q.Value;
	ndis_nbl_info_to_skb(nbl, f.skb);
	KUNIT_EXPECT_TRUE(test, skb_vlan_tag_present(f.skb));
	KUNIT_EXPECT_EQ(test, ntohs(f.skb->vlan_proto), ETH_P_8021Q);
	KUNIT_EXPECT_EQ(test, skb_vlan_tag_get(f.skb), 0x602a);
	KUNIT_EXPECT_EQ(test, BF(f.skb->ip_summed), CHECKSUM_NONE);
}

/* Clear @f's checksums, ask for them through @req, and let the "device" (software) do them. */
static void send_checksums(struct kunit *test, struct frame *f, u8 proto,
			   NDIS_TCP_IP_CHECKSUM_NET_BUFFER_LIST_INFO req)
{
	PNET_BUFFER_LIST nbl = kunit_kzalloc(test, sizeof(*nbl), GFP_KERNEL);
	unsigned int off = proto == IPPROTO_TCP ? offsetof(struct tcphdr, check) :
			   offsetof(struct udphdr, check);

	KUNIT_ASSERT_NOT_NULL(test, nbl);
	*(__sum16 *)(f->skb->data + f->th + off) = 0;
	if (!f->v6)
		((struct iphdr *)(f->skb->data + f->nh))->check = 0;
	NET_BUFFER_LIST_INFO(nbl, TcpIpChecksumNetBufferListInfo) = req.Value;
	ndis_nbl_info_to_skb(nbl, f->skb);
	KUNIT_ASSERT_EQ(test, BF(f->skb->ip_summed), CHECKSUM_PARTIAL);
	KUNIT_EXPECT_EQ(test, skb_checksum_start_offset(f->skb), (int)f->th);
	KUNIT_EXPECT_EQ(test, f->skb->csum_offset, off);
	KUNIT_EXPECT_EQ(test, skb_network_offset(f->skb), (int)f->nh);
	KUNIT_EXPECT_EQ(test, skb_transport_offset(f->skb), (int)f->th);
	KUNIT_ASSERT_EQ(test, skb_checksum_help(f->skb), 0);
	KUNIT_EXPECT_TRUE(test, frame_sums_right(f, proto));
}

static void send_checksums_become_partial(struct kunit *test)
{
	NDIS_TCP_IP_CHECKSUM_NET_BUFFER_LIST_INFO req = {};
	struct frame f;

	req.Transmit.IsIPv4 = 1;
	req.Transmit.TcpChecksum = 1;
	req.Transmit.IpHeaderChecksum = 1;
	req.Transmit.TcpHeaderOffset = ETH_HLEN + sizeof(struct iphdr);
	frame_build(test, &f, false, IPPROTO_TCP, false, 0);
	send_checksums(test, &f, IPPROTO_TCP, req);

	/* Behind a tag in the frame, and with padding, which goes. */
	frame_build(test, &f, false, IPPROTO_TCP, true, 8);
	send_checksums(test, &f, IPPROTO_TCP, req);
	KUNIT_EXPECT_EQ(test, f.skb->len, f.th + f.l4len);

	req.Value = NULL;
	req.Transmit.IsIPv6 = 1;
	req.Transmit.UdpChecksum = 1;
	frame_build(test, &f, true, IPPROTO_UDP, false, 0);
	send_checksums(test, &f, IPPROTO_UDP, req);
}

static void send_requests_the_frame_does_not_match_are_left(struct kunit *test)
{
	PNET_BUFFER_LIST nbl = kunit_kzalloc(test, sizeof(*nbl), GFP_KERNEL);
	NDIS_TCP_IP_CHECKSUM_NET_BUFFER_LIST_INFO req = {};
	struct frame f;

	KUNIT_ASSERT_NOT_NULL(test, nbl);
	/* IPv6 asked of an IPv4 frame. */
	frame_build(test, &f, false, IPPROTO_TCP, false, 0);
	req.Transmit.IsIPv6 = 1;
	req.Transmit.TcpChecksum = 1;
	NET_BUFFER_LIST_INFO(nbl, TcpIpChecksumNetBufferListInfo) = req.Value;
	ndis_nbl_info_to_skb(nbl, f.skb);
	KUNIT_EXPECT_EQ(test, BF(f.skb->ip_summed), CHECKSUM_NONE);

	/* UDP asked of a TCP frame; no IP version at all. */
	req.Value = NULL;
	req.Transmit.IsIPv4 = 1;
	req.Transmit.UdpChecksum = 1;
	NET_BUFFER_LIST_INFO(nbl, TcpIpChecksumNetBufferListInfo) = req.Value;
	ndis_nbl_info_to_skb(nbl, f.skb);
	KUNIT_EXPECT_EQ(test, BF(f.skb->ip_summed), CHECKSUM_NONE);
	req.Value = NULL;
	req.Transmit.TcpChecksum = 1;
	NET_BUFFER_LIST_INFO(nbl, TcpIpChecksumNetBufferListInfo) = req.Value;
	ndis_nbl_info_to_skb(nbl, f.skb);
	KUNIT_EXPECT_EQ(test, BF(f.skb->ip_summed), CHECKSUM_NONE);
	KUNIT_EXPECT_TRUE(test, frame_sums_right(&f, IPPROTO_TCP));
}

static struct kunit_case ndis_nbl_info_cases[] = {
	KUNIT_CASE(info_slots_are_the_ddi_s),
	KUNIT_CASE(ieee8021q_views_against_values),
	KUNIT_CASE(checksum_views_against_values),
	KUNIT_CASE(large_send_views_against_values),
	KUNIT_CASE(nbl_flag_macros),
	KUNIT_CASE(data_path_flag_macros),
	KUNIT_CASE(receive_takes_the_stripped_tag),
	KUNIT_CASE(receive_unnecessary_is_a_verified_transport_checksum),
	KUNIT_CASE(receive_complete_is_checked_from_the_sum),
	KUNIT_CASE(send_puts_the_tag_on_the_skb),
	KUNIT_CASE(send_checksums_become_partial),
	KUNIT_CASE(send_requests_the_frame_does_not_match_are_left),
	{}
};

static struct kunit_suite ndis_nbl_info_suite = {
	.name = "ndis_nbl_info",
	.test_cases = ndis_nbl_info_cases,
};

kunit_test_suite(ndis_nbl_info_suite);
