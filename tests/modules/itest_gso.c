// SPDX-License-Identifier: GPL-2.0
/*
 * "gso-inject IFNAME" on /sys/kernel/debug/ndis_itest/ctl: hand IFNAME's
 * receive path a TCP GSO frame as hardware LRO makes it (checksum already
 * verified, not CHECKSUM_PARTIAL), and keep a reference to it. Every tap
 * gets the same frame; ndis_netdev's cuts it into wire frames, which for
 * such a frame writes the TCP checksum field. It must do so on a copy of
 * its own: afterwards the frame still holds the checksum it came with.
 * GRO's super-frames never take that path (they are CHECKSUM_PARTIAL), so
 * QEMU's NICs cannot show it.
 */
#include <linux/etherdevice.h>
#include <linux/ip.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <net/ip.h>

#include "itest.h"

#define NDIS_ITEST_GSO_MSS	1000
#define NDIS_ITEST_GSO_SEGS	3
/* Stands for the checksum the frame came with. */
#define NDIS_ITEST_GSO_CHECK	((__force __sum16)htons(0x1234))

/* The frame: to @dev's address and to an address nobody here owns (TEST-NET-2). */
static struct sk_buff *ndis_itest_gso_frame(struct net_device *dev)
{
	unsigned int payload = NDIS_ITEST_GSO_MSS * NDIS_ITEST_GSO_SEGS;
	unsigned int len = sizeof(struct iphdr) + sizeof(struct tcphdr) + payload;
	struct sk_buff *skb;
	struct ethhdr *eth;
	struct tcphdr *th;
	struct iphdr *iph;

	skb = alloc_skb(NET_IP_ALIGN + ETH_HLEN + len, GFP_KERNEL);
	if (!skb)
		return NULL;
	skb_reserve(skb, NET_IP_ALIGN);
	eth = skb_put(skb, ETH_HLEN);
	ether_addr_copy(eth->h_dest, dev->dev_addr);
	eth_random_addr(eth->h_source);
	eth->h_proto = htons(ETH_P_IP);
	iph = skb_put_zero(skb, sizeof(*iph));
	iph->version = 4;
	iph->ihl = 5;
	iph->tot_len = htons(len);
	iph->ttl = 64;
	iph->protocol = IPPROTO_TCP;
	iph->saddr = htonl(0xc6336402);	/* 198.51.100.2 */
	iph->daddr = htonl(0xc6336401);	/* 198.51.100.1 */
	ip_send_check(iph);
	th = skb_put_zero(skb, sizeof(*th));
	th->source = htons(40000);
	th->dest = htons(5002);
	th->seq = htonl(1);
	th->doff = sizeof(*th) / 4;
	th->ack = 1;
	th->window = htons(65535);
	th->check = NDIS_ITEST_GSO_CHECK;
	memset(skb_put(skb, payload), 0x5a, payload);

	skb->protocol = eth_type_trans(skb, dev);
	skb_reset_network_header(skb);
	skb_set_transport_header(skb, sizeof(*iph));
	skb_shinfo(skb)->gso_size = NDIS_ITEST_GSO_MSS;
	skb_shinfo(skb)->gso_segs = NDIS_ITEST_GSO_SEGS;
	skb_shinfo(skb)->gso_type = SKB_GSO_TCPV4;
	skb->ip_summed = CHECKSUM_UNNECESSARY;
	return skb;
}

/**
 * ndis_itest_gso_ctl() - run "gso-inject IFNAME"
 * @buf: the command
 *
 * Context: process context.
 * Return: 0 if the frame came back as it went in, -EILSEQ if its TCP
 * checksum field was written, -ENODEV, -ENOMEM, or -ENOENT for another
 * command.
 */
int ndis_itest_gso_ctl(const char *buf)
{
	char ifname[IFNAMSIZ];
	struct net_device *dev;
	struct sk_buff *skb;
	struct tcphdr *th;
	int err = 0;

	if (sscanf(buf, "gso-inject %15s", ifname) != 1)
		return -ENOENT;
	dev = dev_get_by_name(&init_net, ifname);
	if (!dev)
		return -ENODEV;
	skb = ndis_itest_gso_frame(dev);
	if (!skb) {
		dev_put(dev);
		return -ENOMEM;
	}
	th = tcp_hdr(skb);
	skb_get(skb);	/* ours, to look at once the stack let go */
	local_bh_disable();	/* as a NIC's NAPI poll would deliver it */
	netif_receive_skb(skb);
	local_bh_enable();
	if (th->check != NDIS_ITEST_GSO_CHECK) {
		pr_err("gso-inject %s: the frame's TCP checksum field changed to %#x\n", ifname,
		       ntohs((__force __be16)th->check));
		err = -EILSEQ;
	}
	kfree_skb(skb);
	dev_put(dev);
	return err;
}
