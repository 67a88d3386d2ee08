/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The NDIS object header every versioned structure starts with, the object
 * type values (as in the DDI), media and link enumerations.
 */
#ifndef _NDIS_OBJECT_H
#define _NDIS_OBJECT_H

#include <ndis/types.h>

/**
 * struct _NDIS_OBJECT_HEADER - type, revision and size of a structure
 * @Type: one of NDIS_OBJECT_TYPE_*
 * @Revision: the structure's revision, checked against what NDIS knows
 * @Size: sizeof the structure at that revision, at least
 */
typedef struct _NDIS_OBJECT_HEADER {
	UCHAR Type;
	UCHAR Revision;
	USHORT Size;
} NDIS_OBJECT_HEADER, *PNDIS_OBJECT_HEADER;

/**
 * NDIS_OBJECT_HEADER_INIT - initializer of an NDIS_OBJECT_HEADER
 * @type: one of NDIS_OBJECT_TYPE_*
 * @rev: the structure's revision (its ``*_REVISION_*`` value)
 * @size: the structure's size, sizeof() the object being initialized
 *
 * A Linux addition: the header of a structure written as a designated
 * initializer in one line, ``.Header = NDIS_OBJECT_HEADER_INIT(
 * NDIS_OBJECT_TYPE_DEFAULT, NDIS_LINK_STATE_REVISION_1, sizeof(link))``,
 * in place of three hand-written fields. ndis_object_header_init() fills
 * in a header already in place.
 */
#define NDIS_OBJECT_HEADER_INIT(type, rev, size)			\
	{ .Type = (type), .Revision = (rev), .Size = (size) }

/**
 * ndis_object_header_init() - fill in an NDIS_OBJECT_HEADER
 * @header: the header, inside the structure it describes
 * @type: one of NDIS_OBJECT_TYPE_*
 * @rev: the structure's revision (its ``*_REVISION_*`` value)
 * @size: the structure's size, sizeof() the structure
 *
 * A Linux addition: the statement form of NDIS_OBJECT_HEADER_INIT(), for
 * a structure filled in field by field (after a memset(), say).
 *
 * Context: any.
 */
static inline void ndis_object_header_init(PNDIS_OBJECT_HEADER header, UCHAR type, UCHAR rev,
					   USHORT size)
{
	header->Type = type;
	header->Revision = rev;
	header->Size = size;
}

#define NDIS_OBJECT_TYPE_DEFAULT				0x80
#define NDIS_OBJECT_TYPE_MINIPORT_INIT_PARAMETERS		0x81
#define NDIS_OBJECT_TYPE_BIND_PARAMETERS			0x86
#define NDIS_OBJECT_TYPE_OPEN_PARAMETERS			0x87
#define NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS	0x8A
#define NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS	0x95
#define NDIS_OBJECT_TYPE_OID_REQUEST				0x96
#define NDIS_OBJECT_TYPE_STATUS_INDICATION			0x98
#define NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES	0x9E
#define NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES	0x9F

/* The NDIS version this framework implements the semantics of. */
#define NDIS_MAJOR_VERSION	6
#define NDIS_MINOR_VERSION	30

/**
 * enum _NDIS_MEDIUM - link-layer medium of an adapter
 * @NdisMedium802_3: Ethernet
 * @NdisMedium802_5: token ring
 * @NdisMediumFddi: FDDI
 * @NdisMediumWan: WAN
 * @NdisMediumLocalTalk: LocalTalk
 * @NdisMediumDix: DIX Ethernet
 * @NdisMediumArcnetRaw: ARCNET raw
 * @NdisMediumArcnet878_2: ARCNET 878.2
 * @NdisMediumAtm: ATM
 * @NdisMediumWirelessWan: wireless WAN
 * @NdisMediumIrda: IrDA
 * @NdisMediumBpc: broadcast PC
 * @NdisMediumCoWan: connection-oriented WAN
 * @NdisMedium1394: IEEE 1394
 * @NdisMediumInfiniBand: InfiniBand
 * @NdisMediumTunnel: tunnel
 * @NdisMediumNative802_11: native 802.11
 * @NdisMediumLoopback: loopback
 * @NdisMediumWiMAX: WiMAX
 * @NdisMediumIP: raw IP
 * @NdisMediumMax: number of media
 */
typedef enum _NDIS_MEDIUM {
	NdisMedium802_3,
	NdisMedium802_5,
	NdisMediumFddi,
	NdisMediumWan,
	NdisMediumLocalTalk,
	NdisMediumDix,
	NdisMediumArcnetRaw,
	NdisMediumArcnet878_2,
	NdisMediumAtm,
	NdisMediumWirelessWan,
	NdisMediumIrda,
	NdisMediumBpc,
	NdisMediumCoWan,
	NdisMedium1394,
	NdisMediumInfiniBand,
	NdisMediumTunnel,
	NdisMediumNative802_11,
	NdisMediumLoopback,
	NdisMediumWiMAX,
	NdisMediumIP,
	NdisMediumMax
} NDIS_MEDIUM, *PNDIS_MEDIUM;

/**
 * enum _NDIS_MEDIA_CONNECT_STATE - link state
 * @MediaConnectStateUnknown: not known
 * @MediaConnectStateConnected: link up
 * @MediaConnectStateDisconnected: link down
 */
typedef enum _NDIS_MEDIA_CONNECT_STATE {
	MediaConnectStateUnknown,
	MediaConnectStateConnected,
	MediaConnectStateDisconnected
} NDIS_MEDIA_CONNECT_STATE, *PNDIS_MEDIA_CONNECT_STATE;

/**
 * enum _NDIS_MEDIA_DUPLEX_STATE - duplex of the link
 * @MediaDuplexStateUnknown: not known
 * @MediaDuplexStateHalf: half duplex
 * @MediaDuplexStateFull: full duplex
 */
typedef enum _NDIS_MEDIA_DUPLEX_STATE {
	MediaDuplexStateUnknown,
	MediaDuplexStateHalf,
	MediaDuplexStateFull
} NDIS_MEDIA_DUPLEX_STATE, *PNDIS_MEDIA_DUPLEX_STATE;

#define NDIS_MAX_PHYS_ADDRESS_LENGTH	32

typedef ULONG NDIS_PORT_NUMBER, *PNDIS_PORT_NUMBER;
typedef ULONG NDIS_OID, *PNDIS_OID;

/* Data-path objects, defined with the data plane. */
typedef struct _NET_BUFFER_LIST NET_BUFFER_LIST, *PNET_BUFFER_LIST;
typedef struct _NDIS_OID_REQUEST NDIS_OID_REQUEST, *PNDIS_OID_REQUEST;
typedef struct _NDIS_STATUS_INDICATION NDIS_STATUS_INDICATION, *PNDIS_STATUS_INDICATION;

#endif /* _NDIS_OBJECT_H */
