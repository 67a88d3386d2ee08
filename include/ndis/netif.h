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

/**
 * enum _NET_IF_ACCESS_TYPE - how an interface reaches its peers
 * @NET_IF_ACCESS_LOOPBACK: sent data comes back as received data
 * @NET_IF_ACCESS_BROADCAST: a LAN with broadcast and multicast (Ethernet)
 * @NET_IF_ACCESS_POINT_TO_POINT: one peer (WAN, CoNDIS)
 * @NET_IF_ACCESS_POINT_TO_MULTI_POINT: several peers, no broadcast (NBMA)
 * @NET_IF_ACCESS_MAXIMUM: bound, for tests
 */
typedef enum _NET_IF_ACCESS_TYPE {
	NET_IF_ACCESS_LOOPBACK = 1,
	NET_IF_ACCESS_BROADCAST = 2,
	NET_IF_ACCESS_POINT_TO_POINT = 3,
	NET_IF_ACCESS_POINT_TO_MULTI_POINT = 4,
	NET_IF_ACCESS_MAXIMUM = 5
} NET_IF_ACCESS_TYPE, *PNET_IF_ACCESS_TYPE;

/**
 * enum _NET_IF_DIRECTION_TYPE - which ways an interface carries data
 * @NET_IF_DIRECTION_SENDRECEIVE: both
 * @NET_IF_DIRECTION_SENDONLY: send only
 * @NET_IF_DIRECTION_RECEIVEONLY: receive only
 * @NET_IF_DIRECTION_MAXIMUM: bound, for tests
 */
typedef enum _NET_IF_DIRECTION_TYPE {
	NET_IF_DIRECTION_SENDRECEIVE,
	NET_IF_DIRECTION_SENDONLY,
	NET_IF_DIRECTION_RECEIVEONLY,
	NET_IF_DIRECTION_MAXIMUM
} NET_IF_DIRECTION_TYPE, *PNET_IF_DIRECTION_TYPE;

/**
 * enum _NET_IF_CONNECTION_TYPE - how an interface's connection comes up
 * @NET_IF_CONNECTION_DEDICATED: by itself when the medium connects (Ethernet)
 * @NET_IF_CONNECTION_PASSIVE: when the other end brings it up
 * @NET_IF_CONNECTION_DEMAND: on demand, e.g. when a packet is sent
 * @NET_IF_CONNECTION_MAXIMUM: bound, for tests
 */
typedef enum _NET_IF_CONNECTION_TYPE {
	NET_IF_CONNECTION_DEDICATED = 1,
	NET_IF_CONNECTION_PASSIVE = 2,
	NET_IF_CONNECTION_DEMAND = 3,
	NET_IF_CONNECTION_MAXIMUM = 4
} NET_IF_CONNECTION_TYPE, *PNET_IF_CONNECTION_TYPE;

/* Characters of an IF_COUNTED_STRING, without the terminating one. */
#define IF_MAX_STRING_SIZE	256

/**
 * struct _IF_COUNTED_STRING_LH - a counted wide string of the interface layer
 * @Length: bytes of @String in use, without a terminating unit
 * @String: the characters, 16-bit units as WCHAR is
 */
typedef struct _IF_COUNTED_STRING_LH {
	USHORT Length;
	WCHAR String[IF_MAX_STRING_SIZE + 1];
} IF_COUNTED_STRING_LH, *PIF_COUNTED_STRING_LH;

typedef IF_COUNTED_STRING_LH IF_COUNTED_STRING, *PIF_COUNTED_STRING;
typedef IF_COUNTED_STRING NDIS_IF_COUNTED_STRING, *PNDIS_IF_COUNTED_STRING;

/* The compartment an interface belongs to; there is only the primary one. */
typedef UINT32 NET_IF_COMPARTMENT_ID, *PNET_IF_COMPARTMENT_ID;

#define NET_IF_COMPARTMENT_ID_UNSPECIFIED	((NET_IF_COMPARTMENT_ID)0)
#define NET_IF_COMPARTMENT_ID_PRIMARY		((NET_IF_COMPARTMENT_ID)1)

#endif /* _NDIS_NETIF_H */
