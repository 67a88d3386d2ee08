/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The DDI's Ethernet address helpers, on the kernel's <linux/etherdevice.h>.
 * ETH_COMPARE_NETWORK_ADDRESSES_EQ is 0 when the two are equal, as on
 * Windows: its name says "compare", not "equal".
 */
#ifndef _NDIS_ETHADDR_H
#define _NDIS_ETHADDR_H

#include <linux/etherdevice.h>

#define ETH_LENGTH_OF_ADDRESS	ETH_ALEN

#define ETH_IS_BROADCAST(_Address)	is_broadcast_ether_addr((const u8 *)(_Address))
#define ETH_IS_MULTICAST(_Address)	is_multicast_ether_addr((const u8 *)(_Address))
#define ETH_COMPARE_NETWORK_ADDRESSES_EQ(_A, _B, _Result)			\
	(*(_Result) = !ether_addr_equal_unaligned((const u8 *)(_A), (const u8 *)(_B)))
#define ETH_COPY_NETWORK_ADDRESS(_D, _S)	memcpy((_D), (_S), ETH_ALEN)

/*
 * Well-known EtherTypes, for NDIS_OPEN_PARAMETERS.FrameTypeArray: host
 * byte order values, as the DDI writes them (ntddndis.h).
 */
#define NDIS_ETH_TYPE_IPV4		0x0800
#define NDIS_ETH_TYPE_ARP		0x0806
#define NDIS_ETH_TYPE_IPV6		0x86dd
#define NDIS_ETH_TYPE_802_1X		0x888e
#define NDIS_ETH_TYPE_802_1Q		0x8100
#define NDIS_ETH_TYPE_SLOW_PROTOCOL	0x8809

#endif /* _NDIS_ETHADDR_H */
