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

/* NDIS_OBJECT_HEADER.Type: the DDI's values, 0x80 to 0xAF and the QoS ones. */
#define NDIS_OBJECT_TYPE_DEFAULT				0x80
#define NDIS_OBJECT_TYPE_MINIPORT_INIT_PARAMETERS		0x81
#define NDIS_OBJECT_TYPE_SG_DMA_DESCRIPTION			0x83
#define NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT			0x84
#define NDIS_OBJECT_TYPE_DEVICE_OBJECT_ATTRIBUTES		0x85
#define NDIS_OBJECT_TYPE_BIND_PARAMETERS			0x86
#define NDIS_OBJECT_TYPE_OPEN_PARAMETERS			0x87
#define NDIS_OBJECT_TYPE_RSS_CAPABILITIES			0x88
#define NDIS_OBJECT_TYPE_RSS_PARAMETERS				0x89
#define NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS	0x8A
#define NDIS_OBJECT_TYPE_FILTER_DRIVER_CHARACTERISTICS		0x8B
#define NDIS_OBJECT_TYPE_FILTER_PARTIAL_CHARACTERISTICS		0x8C
#define NDIS_OBJECT_TYPE_FILTER_ATTRIBUTES			0x8D
#define NDIS_OBJECT_TYPE_CLIENT_CHIMNEY_OFFLOAD_GENERIC_CHARACTERISTICS	0x8E
#define NDIS_OBJECT_TYPE_PROVIDER_CHIMNEY_OFFLOAD_GENERIC_CHARACTERISTICS	0x8F
#define NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS		0x90
#define NDIS_OBJECT_TYPE_CO_MINIPORT_CHARACTERISTICS		0x91
#define NDIS_OBJECT_TYPE_MINIPORT_PNP_CHARACTERISTICS		0x92
#define NDIS_OBJECT_TYPE_CLIENT_CHIMNEY_OFFLOAD_CHARACTERISTICS	0x93
#define NDIS_OBJECT_TYPE_PROVIDER_CHIMNEY_OFFLOAD_CHARACTERISTICS	0x94
#define NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS	0x95
#define NDIS_OBJECT_TYPE_REQUEST_EX				0x96
#define NDIS_OBJECT_TYPE_OID_REQUEST				0x96
#define NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS			0x97
#define NDIS_OBJECT_TYPE_STATUS_INDICATION			0x98
#define NDIS_OBJECT_TYPE_FILTER_ATTACH_PARAMETERS		0x99
#define NDIS_OBJECT_TYPE_FILTER_PAUSE_PARAMETERS		0x9A
#define NDIS_OBJECT_TYPE_FILTER_RESTART_PARAMETERS		0x9B
#define NDIS_OBJECT_TYPE_PORT_CHARACTERISTICS			0x9C
#define NDIS_OBJECT_TYPE_PORT_STATE				0x9D
#define NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES	0x9E
#define NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES	0x9F
#define NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_OFFLOAD_ATTRIBUTES	0xA0
#define NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_NATIVE_802_11_ATTRIBUTES	0xA1
#define NDIS_OBJECT_TYPE_RESTART_GENERAL_ATTRIBUTES		0xA2
#define NDIS_OBJECT_TYPE_PROTOCOL_RESTART_PARAMETERS		0xA3
#define NDIS_OBJECT_TYPE_MINIPORT_ADD_DEVICE_REGISTRATION_ATTRIBUTES	0xA4
#define NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS	0xA5
#define NDIS_OBJECT_TYPE_CO_CLIENT_OPTIONAL_HANDLERS		0xA6
#define NDIS_OBJECT_TYPE_OFFLOAD				0xA7
#define NDIS_OBJECT_TYPE_OFFLOAD_ENCAPSULATION			0xA8
#define NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT			0xA9
#define NDIS_OBJECT_TYPE_DRIVER_WRAPPER_OBJECT			0xAA
#define NDIS_OBJECT_TYPE_HD_SPLIT_ATTRIBUTES			0xAB
#define NDIS_OBJECT_TYPE_NSI_NETWORK_RW_STRUCT			0xAC
#define NDIS_OBJECT_TYPE_NSI_COMPARTMENT_RW_STRUCT		0xAD
#define NDIS_OBJECT_TYPE_NSI_INTERFACE_PERSIST_RW_STRUCT	0xAE
#define NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES	0xAF
#define NDIS_OBJECT_TYPE_SHARED_MEMORY_PROVIDER_CHARACTERISTICS	0xB0
#define NDIS_OBJECT_TYPE_NDK_PROVIDER_CHARACTERISTICS	0xB2
#define NDIS_OBJECT_TYPE_MINIPORT_SS_CHARACTERISTICS	0xB4
#define NDIS_OBJECT_TYPE_QOS_CAPABILITIES			0xB5
#define NDIS_OBJECT_TYPE_QOS_PARAMETERS				0xB6
#define NDIS_OBJECT_TYPE_QOS_CLASSIFICATION_ELEMENT		0xB7

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
 * enum _NDIS_PHYSICAL_MEDIUM - what an adapter is physically attached to
 * @NdisPhysicalMediumUnspecified: not said, or none of the others
 * @NdisPhysicalMediumWirelessLan: wireless LAN
 * @NdisPhysicalMediumCableModem: cable modem
 * @NdisPhysicalMediumPhoneLine: phone line
 * @NdisPhysicalMediumPowerLine: power line
 * @NdisPhysicalMediumDSL: DSL
 * @NdisPhysicalMediumFibreChannel: Fibre Channel
 * @NdisPhysicalMedium1394: IEEE 1394
 * @NdisPhysicalMediumWirelessWan: wireless WAN
 * @NdisPhysicalMediumNative802_11: native 802.11
 * @NdisPhysicalMediumBluetooth: Bluetooth
 * @NdisPhysicalMediumInfiniband: InfiniBand
 * @NdisPhysicalMediumWiMax: WiMAX
 * @NdisPhysicalMediumUWB: ultra-wideband
 * @NdisPhysicalMedium802_3: Ethernet on the wire (not an emulation of it)
 * @NdisPhysicalMedium802_5: token ring
 * @NdisPhysicalMediumIrda: infrared
 * @NdisPhysicalMediumWiredWAN: wired WAN
 * @NdisPhysicalMediumWiredCoWan: wired connection-oriented WAN
 * @NdisPhysicalMediumOther: a medium none of the others names
 * @NdisPhysicalMediumNative802_15_4: native 802.15.4
 * @NdisPhysicalMediumMax: number of media
 *
 * Answers OID_GEN_PHYSICAL_MEDIUM; NDIS_MEDIUM says what the frames look
 * like, this what carries them (a virtual adapter framing 802.3 says
 * NdisPhysicalMediumUnspecified).
 */
typedef enum _NDIS_PHYSICAL_MEDIUM {
	NdisPhysicalMediumUnspecified,
	NdisPhysicalMediumWirelessLan,
	NdisPhysicalMediumCableModem,
	NdisPhysicalMediumPhoneLine,
	NdisPhysicalMediumPowerLine,
	NdisPhysicalMediumDSL,
	NdisPhysicalMediumFibreChannel,
	NdisPhysicalMedium1394,
	NdisPhysicalMediumWirelessWan,
	NdisPhysicalMediumNative802_11,
	NdisPhysicalMediumBluetooth,
	NdisPhysicalMediumInfiniband,
	NdisPhysicalMediumWiMax,
	NdisPhysicalMediumUWB,
	NdisPhysicalMedium802_3,
	NdisPhysicalMedium802_5,
	NdisPhysicalMediumIrda,
	NdisPhysicalMediumWiredWAN,
	NdisPhysicalMediumWiredCoWan,
	NdisPhysicalMediumOther,
	NdisPhysicalMediumNative802_15_4,
	NdisPhysicalMediumMax
} NDIS_PHYSICAL_MEDIUM, *PNDIS_PHYSICAL_MEDIUM;

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
/* The port every adapter has; the only one here. */
#define NDIS_DEFAULT_PORT_NUMBER	((NDIS_PORT_NUMBER)0)
typedef ULONG NDIS_OID, *PNDIS_OID;

/* Data-path objects, defined with the data plane. */
typedef struct _NET_BUFFER_LIST NET_BUFFER_LIST, *PNET_BUFFER_LIST;
typedef struct _NDIS_OID_REQUEST NDIS_OID_REQUEST, *PNDIS_OID_REQUEST;
typedef struct _NDIS_STATUS_INDICATION NDIS_STATUS_INDICATION, *PNDIS_STATUS_INDICATION;

#endif /* _NDIS_OBJECT_H */
