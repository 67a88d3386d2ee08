/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interface identifiers and types of the network interface layer
 * (ifdef.h and ipifcons.h on Windows): an interface's index, its locally
 * unique identifier and its IANA type, as NDIS drivers name them.
 */
#ifndef _NDIS_NETIF_H
#define _NDIS_NETIF_H

#include <ndis/types.h>

typedef ULONG NET_IFINDEX, *PNET_IFINDEX;
typedef USHORT NET_IFTYPE, *PNET_IFTYPE;

#define NET_IFINDEX_UNSPECIFIED		((NET_IFINDEX)0)

/**
 * union _NET_LUID_LH - an interface's locally unique identifier
 * @Value: the whole 64 bits
 * @Info: the same, in fields
 * @Info.Reserved: bits 0 to 23, zero
 * @Info.NetLuidIndex: bits 24 to 47, which interface of its type
 * @Info.IfType: bits 48 to 63, the IANA interface type (IF_TYPE_*)
 */
typedef union _NET_LUID_LH {
	ULONG64 Value;
	struct {
		ULONG64 Reserved:24;
		ULONG64 NetLuidIndex:24;
		ULONG64 IfType:16;
	} Info;
} NET_LUID_LH, *PNET_LUID_LH;

typedef NET_LUID_LH NET_LUID, *PNET_LUID;
typedef NET_LUID IF_LUID, *PIF_LUID;

/* IANA interface types (ifType) the DDI names. */
#define IF_TYPE_OTHER			1
#define IF_TYPE_ETHERNET_CSMACD		6
#define IF_TYPE_ISO88025_TOKENRING	9
#define IF_TYPE_PPP			23
#define IF_TYPE_SOFTWARE_LOOPBACK	24
#define IF_TYPE_ATM			37
#define IF_TYPE_IEEE80211		71
#define IF_TYPE_TUNNEL			131
#define IF_TYPE_IEEE1394		144
#define IF_TYPE_IEEE80216_WMAN		237
#define IF_TYPE_WWANPP			243
#define IF_TYPE_WWANPP2			244

#endif /* _NDIS_NETIF_H */
