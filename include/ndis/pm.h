/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Power management and wake-up: the NDIS 5 style PnP capabilities
 * (OID_PNP_CAPABILITIES, OID_PNP_ENABLE_WAKE_UP), and the NDIS 6.20
 * power management of OID_PM_* (capabilities, parameters, wake-on-LAN
 * patterns, protocol offloads), with the status indications that go with
 * them.
 *
 * The structures are the DDI's at the NDIS 6.30 revision. Wide strings
 * (NDIS_PM_COUNTED_STRING) are arrays of 16-bit units, as WCHAR is.
 */
#ifndef _NDIS_PM_H
#define _NDIS_PM_H

#include <linux/stddef.h>
#include <ndis/object.h>
#include <ndis/pnp.h>
#include <ndis/status.h>

/* Status indications of power management */
#define NDIS_STATUS_PM_WOL_PATTERN_REJECTED	NDIS_STATUS_VALUE(0x40030051)
#define NDIS_STATUS_PM_OFFLOAD_REJECTED		NDIS_STATUS_VALUE(0x40030052)
#define NDIS_STATUS_PM_CAPABILITIES_CHANGE	NDIS_STATUS_VALUE(0x40030053)
#define NDIS_STATUS_PM_HARDWARE_CAPABILITIES	NDIS_STATUS_VALUE(0x40030054)

/* Value of OID_PNP_ENABLE_WAKE_UP */
#define NDIS_PNP_WAKE_UP_MAGIC_PACKET		0x00000001
#define NDIS_PNP_WAKE_UP_PATTERN_MATCH		0x00000002
#define NDIS_PNP_WAKE_UP_LINK_CHANGE		0x00000004

/**
 * struct _NDIS_PM_PACKET_PATTERN - value of OID_PNP_ADD_WAKE_UP_PATTERN
 * @Priority: importance of the pattern
 * @Reserved: for the protocol
 * @MaskSize: bytes of the mask, which follows the structure
 * @PatternOffset: from the start of the structure to the pattern
 * @PatternSize: bytes of the pattern
 * @PatternFlags: reserved
 */
typedef struct _NDIS_PM_PACKET_PATTERN {
	ULONG Priority;
	ULONG Reserved;
	ULONG MaskSize;
	ULONG PatternOffset;
	ULONG PatternSize;
	ULONG PatternFlags;
} NDIS_PM_PACKET_PATTERN, *PNDIS_PM_PACKET_PATTERN;

/**
 * struct _NDIS_PM_WAKE_UP_CAPABILITIES - lowest power states that can wake
 * @MinMagicPacketWakeUp: lowest state a magic packet wakes from
 * @MinPatternWakeUp: lowest state a pattern match wakes from
 * @MinLinkChangeWakeUp: lowest state a link change wakes from
 *
 * NdisDeviceStateUnspecified in a member: that kind of wake-up is not
 * supported.
 */
typedef struct _NDIS_PM_WAKE_UP_CAPABILITIES {
	NDIS_DEVICE_POWER_STATE MinMagicPacketWakeUp;
	NDIS_DEVICE_POWER_STATE MinPatternWakeUp;
	NDIS_DEVICE_POWER_STATE MinLinkChangeWakeUp;
} NDIS_PM_WAKE_UP_CAPABILITIES, *PNDIS_PM_WAKE_UP_CAPABILITIES;

/* NDIS_PNP_CAPABILITIES.Flags: wake-ups enabled */
#define NDIS_DEVICE_WAKE_UP_ENABLE			0x00000001
#define NDIS_DEVICE_WAKE_ON_PATTERN_MATCH_ENABLE	0x00000002
#define NDIS_DEVICE_WAKE_ON_MAGIC_PACKET_ENABLE		0x00000004

/**
 * struct _NDIS_PNP_CAPABILITIES - answer to OID_PNP_CAPABILITIES
 * @Flags: NDIS_DEVICE_WAKE_* enabled
 * @WakeUpCapabilities: the lowest states each kind of wake-up works from
 *
 * Also what the general attributes' PowerManagementCapabilities point to
 * (NDIS 6.0 and 6.1 drivers; 6.20 and later use NDIS_PM_CAPABILITIES).
 */
typedef struct _NDIS_PNP_CAPABILITIES {
	ULONG Flags;
	NDIS_PM_WAKE_UP_CAPABILITIES WakeUpCapabilities;
} NDIS_PNP_CAPABILITIES, *PNDIS_PNP_CAPABILITIES;

/* NDIS_PM_CAPABILITIES.SupportedWoLPacketPatterns */
#define NDIS_PM_WOL_BITMAP_PATTERN_SUPPORTED		0x00000001
#define NDIS_PM_WOL_MAGIC_PACKET_SUPPORTED		0x00000002
#define NDIS_PM_WOL_IPV4_TCP_SYN_SUPPORTED		0x00000004
#define NDIS_PM_WOL_IPV6_TCP_SYN_SUPPORTED		0x00000008
#define NDIS_PM_WOL_IPV4_DEST_ADDR_WILDCARD_SUPPORTED	0x00000200
#define NDIS_PM_WOL_IPV6_DEST_ADDR_WILDCARD_SUPPORTED	0x00000800
#define NDIS_PM_WOL_EAPOL_REQUEST_ID_MESSAGE_SUPPORTED	0x00010000

/* NDIS_PM_CAPABILITIES.SupportedProtocolOffloads */
#define NDIS_PM_PROTOCOL_OFFLOAD_ARP_SUPPORTED		0x00000001
#define NDIS_PM_PROTOCOL_OFFLOAD_NS_SUPPORTED		0x00000002
#define NDIS_PM_PROTOCOL_OFFLOAD_80211_RSN_REKEY_SUPPORTED	0x00000080

/* NDIS_PM_CAPABILITIES.SupportedWakeUpEvents */
#define NDIS_PM_WAKE_ON_MEDIA_CONNECT_SUPPORTED		0x00000001
#define NDIS_PM_WAKE_ON_MEDIA_DISCONNECT_SUPPORTED	0x00000002

/* NDIS_PM_CAPABILITIES.Flags */
#define NDIS_PM_WAKE_PACKET_INDICATION_SUPPORTED	0x00000001
#define NDIS_PM_SELECTIVE_SUSPEND_SUPPORTED		0x00000002

/* NDIS_PM_PARAMETERS.EnabledWoLPacketPatterns */
#define NDIS_PM_WOL_BITMAP_PATTERN_ENABLED		0x00000001
#define NDIS_PM_WOL_MAGIC_PACKET_ENABLED		0x00000002
#define NDIS_PM_WOL_IPV4_TCP_SYN_ENABLED		0x00000004
#define NDIS_PM_WOL_IPV6_TCP_SYN_ENABLED		0x00000008
#define NDIS_PM_WOL_IPV4_DEST_ADDR_WILDCARD_ENABLED	0x00000200
#define NDIS_PM_WOL_IPV6_DEST_ADDR_WILDCARD_ENABLED	0x00000800
#define NDIS_PM_WOL_EAPOL_REQUEST_ID_MESSAGE_ENABLED	0x00010000

/* NDIS_PM_PARAMETERS.EnabledProtocolOffloads */
#define NDIS_PM_PROTOCOL_OFFLOAD_ARP_ENABLED		0x00000001
#define NDIS_PM_PROTOCOL_OFFLOAD_NS_ENABLED		0x00000002
#define NDIS_PM_PROTOCOL_OFFLOAD_80211_RSN_REKEY_ENABLED	0x00000080

/* NDIS_PM_PARAMETERS.WakeUpFlags */
#define NDIS_PM_WAKE_ON_LINK_CHANGE_ENABLED		0x00000001
#define NDIS_PM_WAKE_ON_MEDIA_DISCONNECT_ENABLED	0x00000002
#define NDIS_PM_SELECTIVE_SUSPEND_ENABLED		0x00000010

/* NDIS_PM_WOL_PATTERN.Priority */
#define NDIS_PM_WOL_PRIORITY_LOWEST			0xFFFFFFFF
#define NDIS_PM_WOL_PRIORITY_NORMAL			0x10000000
#define NDIS_PM_WOL_PRIORITY_HIGHEST			0x00000001

/* NDIS_PM_PROTOCOL_OFFLOAD.Priority */
#define NDIS_PM_PROTOCOL_OFFLOAD_PRIORITY_LOWEST	0xFFFFFFFF
#define NDIS_PM_PROTOCOL_OFFLOAD_PRIORITY_NORMAL	0x10000000
#define NDIS_PM_PROTOCOL_OFFLOAD_PRIORITY_HIGHEST	0x00000001

/**
 * enum _NDIS_PM_WOL_PACKET - the kind of a wake-on-LAN pattern
 * @NdisPMWoLPacketUnspecified: none
 * @NdisPMWoLPacketBitmapPattern: a masked byte pattern
 * @NdisPMWoLPacketMagicPacket: a magic packet
 * @NdisPMWoLPacketIPv4TcpSyn: a TCP SYN over IPv4
 * @NdisPMWoLPacketIPv6TcpSyn: a TCP SYN over IPv6
 * @NdisPMWoLPacketEapolRequestIdMessage: an 802.1X EAPOL request identity
 * @NdisPMWoLPacketMaximum: number of kinds
 */
typedef enum _NDIS_PM_WOL_PACKET {
	NdisPMWoLPacketUnspecified,
	NdisPMWoLPacketBitmapPattern,
	NdisPMWoLPacketMagicPacket,
	NdisPMWoLPacketIPv4TcpSyn,
	NdisPMWoLPacketIPv6TcpSyn,
	NdisPMWoLPacketEapolRequestIdMessage,
	NdisPMWoLPacketMaximum
} NDIS_PM_WOL_PACKET, *PNDIS_PM_WOL_PACKET;

/**
 * enum _NDIS_PM_PROTOCOL_OFFLOAD_TYPE - the protocol an offload answers for
 * @NdisPMProtocolOffloadIdUnspecified: none
 * @NdisPMProtocolOffloadIdIPv4ARP: IPv4 ARP
 * @NdisPMProtocolOffloadIdIPv6NS: IPv6 neighbor solicitation
 * @NdisPMProtocolOffload80211RSNRekey: 802.11 RSN group key handshake
 * @NdisPMProtocolOffloadIdMaximum: number of kinds
 */
typedef enum _NDIS_PM_PROTOCOL_OFFLOAD_TYPE {
	NdisPMProtocolOffloadIdUnspecified,
	NdisPMProtocolOffloadIdIPv4ARP,
	NdisPMProtocolOffloadIdIPv6NS,
	NdisPMProtocolOffload80211RSNRekey,
	NdisPMProtocolOffloadIdMaximum
} NDIS_PM_PROTOCOL_OFFLOAD_TYPE, *PNDIS_PM_PROTOCOL_OFFLOAD_TYPE;

#define NDIS_PM_MAX_STRING_SIZE		64

/**
 * struct _NDIS_PM_COUNTED_STRING - a short wide string
 * @Length: bytes used in @String
 * @String: UTF-16 code units (WCHAR), not necessarily terminated
 */
typedef struct _NDIS_PM_COUNTED_STRING {
	USHORT Length;
	USHORT String[NDIS_PM_MAX_STRING_SIZE + 1];
} NDIS_PM_COUNTED_STRING, *PNDIS_PM_COUNTED_STRING;

/**
 * struct _NDIS_PM_CAPABILITIES - power management an adapter offers
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, NDIS_PM_CAPABILITIES_REVISION_1 or _2,
 *	the matching NDIS_SIZEOF_NDIS_PM_CAPABILITIES_REVISION_*
 * @Flags: NDIS_PM_WAKE_PACKET_INDICATION_SUPPORTED,
 *	NDIS_PM_SELECTIVE_SUSPEND_SUPPORTED
 * @SupportedWoLPacketPatterns: NDIS_PM_WOL_*_SUPPORTED
 * @NumTotalWoLPatterns: patterns the adapter can hold
 * @MaxWoLPatternSize: bytes a pattern can compare
 * @MaxWoLPatternOffset: bytes into the frame a pattern can look
 * @MaxWoLPacketSaveBuffer: bytes of a wake packet the adapter can save
 * @SupportedProtocolOffloads: NDIS_PM_PROTOCOL_OFFLOAD_*_SUPPORTED
 * @NumArpOffloadIPv4Addresses: IPv4 addresses ARP offload can answer for
 * @NumNSOffloadIPv6Addresses: IPv6 addresses NS offload can answer for
 * @MinMagicPacketWakeUp: lowest state a magic packet wakes from
 * @MinPatternWakeUp: lowest state a pattern match wakes from
 * @MinLinkChangeWakeUp: lowest state a link change wakes from
 * @SupportedWakeUpEvents: NDIS_PM_WAKE_ON_MEDIA_*_SUPPORTED (revision 2)
 * @MediaSpecificWakeUpEvents: wake-ups of 802.11 or mobile broadband
 *	(revision 2)
 *
 * Answer to OID_PM_HARDWARE_CAPABILITIES and OID_PM_CURRENT_CAPABILITIES,
 * buffer of NDIS_STATUS_PM_CAPABILITIES_CHANGE and
 * NDIS_STATUS_PM_HARDWARE_CAPABILITIES; what the general attributes'
 * PowerManagementCapabilitiesEx point to.
 */
typedef struct _NDIS_PM_CAPABILITIES {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	ULONG SupportedWoLPacketPatterns;
	ULONG NumTotalWoLPatterns;
	ULONG MaxWoLPatternSize;
	ULONG MaxWoLPatternOffset;
	ULONG MaxWoLPacketSaveBuffer;
	ULONG SupportedProtocolOffloads;
	ULONG NumArpOffloadIPv4Addresses;
	ULONG NumNSOffloadIPv6Addresses;
	NDIS_DEVICE_POWER_STATE MinMagicPacketWakeUp;
	NDIS_DEVICE_POWER_STATE MinPatternWakeUp;
	NDIS_DEVICE_POWER_STATE MinLinkChangeWakeUp;
	ULONG SupportedWakeUpEvents;
	ULONG MediaSpecificWakeUpEvents;
} NDIS_PM_CAPABILITIES, *PNDIS_PM_CAPABILITIES;

#define NDIS_PM_CAPABILITIES_REVISION_1		1
#define NDIS_PM_CAPABILITIES_REVISION_2		2
#define NDIS_SIZEOF_NDIS_PM_CAPABILITIES_REVISION_1	\
	offsetofend(NDIS_PM_CAPABILITIES, MinLinkChangeWakeUp)
#define NDIS_SIZEOF_NDIS_PM_CAPABILITIES_REVISION_2	\
	offsetofend(NDIS_PM_CAPABILITIES, MediaSpecificWakeUpEvents)

/**
 * struct _NDIS_PM_PARAMETERS - power management enabled, OID_PM_PARAMETERS
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, NDIS_PM_PARAMETERS_REVISION_1 or _2,
 *	the matching NDIS_SIZEOF_NDIS_PM_PARAMETERS_REVISION_*
 * @EnabledWoLPacketPatterns: NDIS_PM_WOL_*_ENABLED
 * @EnabledProtocolOffloads: NDIS_PM_PROTOCOL_OFFLOAD_*_ENABLED
 * @WakeUpFlags: NDIS_PM_WAKE_ON_*_ENABLED, NDIS_PM_SELECTIVE_SUSPEND_ENABLED
 * @MediaSpecificWakeUpEvents: wake-ups of 802.11 or mobile broadband
 *	(revision 2)
 */
typedef struct _NDIS_PM_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	ULONG EnabledWoLPacketPatterns;
	ULONG EnabledProtocolOffloads;
	ULONG WakeUpFlags;
	ULONG MediaSpecificWakeUpEvents;
} NDIS_PM_PARAMETERS, *PNDIS_PM_PARAMETERS;

#define NDIS_PM_PARAMETERS_REVISION_1		1
#define NDIS_PM_PARAMETERS_REVISION_2		2
#define NDIS_SIZEOF_NDIS_PM_PARAMETERS_REVISION_1	\
	offsetofend(NDIS_PM_PARAMETERS, WakeUpFlags)
#define NDIS_SIZEOF_NDIS_PM_PARAMETERS_REVISION_2	\
	offsetofend(NDIS_PM_PARAMETERS, MediaSpecificWakeUpEvents)

/* The EAPOL request identity pattern matches encrypted frames only. */
#define EAPOL_REQUEST_ID_WOL_FLAG_MUST_ENCRYPT	0x00000001

/* Pattern ids above this one are assigned in advance; NDIS_PM_WOL_PATTERN.Flags */
#define NDIS_PM_MAX_PATTERN_ID			0x0000FFFF
#define NDIS_PM_PRIVATE_PATTERN_ID		0x00000001

/**
 * struct _NDIS_PM_WOL_PATTERN - a wake-on-LAN pattern, OID_PM_ADD_WOL_PATTERN
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, NDIS_PM_WOL_PATTERN_REVISION_1 or _2,
 *	the matching NDIS_SIZEOF_NDIS_PM_WOL_PATTERN_REVISION_*
 * @Flags: NDIS_PM_PRIVATE_PATTERN_ID
 * @Priority: NDIS_PM_WOL_PRIORITY_*, or a value between
 * @WoLPacketType: which member of @WoLPattern applies
 * @FriendlyName: a name for the user
 * @PatternId: set by NDIS
 * @NextWoLPatternOffset: in OID_PM_WOL_PATTERN_LIST, offset of the next one
 * @WoLPattern: the pattern
 * @WoLPattern.IPv4TcpSynParameters: NdisPMWoLPacketIPv4TcpSyn
 * @WoLPattern.IPv4TcpSynParameters.Flags: reserved
 * @WoLPattern.IPv4TcpSynParameters.IPv4SourceAddress: source address
 * @WoLPattern.IPv4TcpSynParameters.IPv4DestAddress: destination address
 * @WoLPattern.IPv4TcpSynParameters.TCPSourcePortNumber: source port
 * @WoLPattern.IPv4TcpSynParameters.TCPDestPortNumber: destination port
 * @WoLPattern.IPv6TcpSynParameters: NdisPMWoLPacketIPv6TcpSyn
 * @WoLPattern.IPv6TcpSynParameters.Flags: reserved
 * @WoLPattern.IPv6TcpSynParameters.IPv6SourceAddress: source address
 * @WoLPattern.IPv6TcpSynParameters.IPv6DestAddress: destination address
 * @WoLPattern.IPv6TcpSynParameters.TCPSourcePortNumber: source port
 * @WoLPattern.IPv6TcpSynParameters.TCPDestPortNumber: destination port
 * @WoLPattern.EapolRequestIdMessageParameters:
 *	NdisPMWoLPacketEapolRequestIdMessage
 * @WoLPattern.EapolRequestIdMessageParameters.Flags:
 *	EAPOL_REQUEST_ID_WOL_FLAG_MUST_ENCRYPT
 * @WoLPattern.WoLBitMapPattern: NdisPMWoLPacketBitmapPattern
 * @WoLPattern.WoLBitMapPattern.Flags: reserved
 * @WoLPattern.WoLBitMapPattern.MaskOffset: from the start of the structure
 *	to the mask
 * @WoLPattern.WoLBitMapPattern.MaskSize: bytes of the mask
 * @WoLPattern.WoLBitMapPattern.PatternOffset: from the start of the
 *	structure to the pattern
 * @WoLPattern.WoLBitMapPattern.PatternSize: bytes of the pattern
 */
typedef struct _NDIS_PM_WOL_PATTERN {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	ULONG Priority;
	NDIS_PM_WOL_PACKET WoLPacketType;
	NDIS_PM_COUNTED_STRING FriendlyName;
	ULONG PatternId;
	ULONG NextWoLPatternOffset;
	union _WOL_PATTERN {
		struct _IPV4_TCP_SYN_WOL_PACKET_PARAMETERS {
			ULONG Flags;
			UCHAR IPv4SourceAddress[4];
			UCHAR IPv4DestAddress[4];
			USHORT TCPSourcePortNumber;
			USHORT TCPDestPortNumber;
		} IPv4TcpSynParameters;
		struct _IPV6_TCP_SYN_WOL_PACKET_PARAMETERS {
			ULONG Flags;
			UCHAR IPv6SourceAddress[16];
			UCHAR IPv6DestAddress[16];
			USHORT TCPSourcePortNumber;
			USHORT TCPDestPortNumber;
		} IPv6TcpSynParameters;
		struct _EAPOL_REQUEST_ID_MESSAGE_WOL_PACKET_PARAMETERS {
			ULONG Flags;
		} EapolRequestIdMessageParameters;
		struct _WOL_BITMAP_PATTERN {
			ULONG Flags;
			ULONG MaskOffset;
			ULONG MaskSize;
			ULONG PatternOffset;
			ULONG PatternSize;
		} WoLBitMapPattern;
	} WoLPattern;
} NDIS_PM_WOL_PATTERN, *PNDIS_PM_WOL_PATTERN;

#define NDIS_PM_WOL_PATTERN_REVISION_1		1
#define NDIS_PM_WOL_PATTERN_REVISION_2		2
#define NDIS_SIZEOF_NDIS_PM_WOL_PATTERN_REVISION_1	\
	offsetofend(NDIS_PM_WOL_PATTERN, WoLPattern)
#define NDIS_SIZEOF_NDIS_PM_WOL_PATTERN_REVISION_2	\
	offsetofend(NDIS_PM_WOL_PATTERN, WoLPattern)

#define DOT11_RSN_KCK_LENGTH			16
#define DOT11_RSN_KEK_LENGTH			16

/**
 * struct _NDIS_PM_PROTOCOL_OFFLOAD - a protocol offload, OID_PM_ADD_PROTOCOL_OFFLOAD
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, NDIS_PM_PROTOCOL_OFFLOAD_REVISION_1,
 *	NDIS_SIZEOF_NDIS_PM_PROTOCOL_OFFLOAD_REVISION_1
 * @Flags: reserved
 * @Priority: NDIS_PM_PROTOCOL_OFFLOAD_PRIORITY_*, or a value between
 * @ProtocolOffloadType: which member of @ProtocolOffloadParameters applies
 * @FriendlyName: a name for the user
 * @ProtocolOffloadId: set by NDIS
 * @NextProtocolOffloadOffset: in OID_PM_PROTOCOL_OFFLOAD_LIST, offset of
 *	the next one
 * @ProtocolOffloadParameters: what to answer
 * @ProtocolOffloadParameters.IPv4ARPParameters: NdisPMProtocolOffloadIdIPv4ARP
 * @ProtocolOffloadParameters.IPv4ARPParameters.Flags: reserved
 * @ProtocolOffloadParameters.IPv4ARPParameters.RemoteIPv4Address: the
 *	asker, if only one
 * @ProtocolOffloadParameters.IPv4ARPParameters.HostIPv4Address: the
 *	address asked for
 * @ProtocolOffloadParameters.IPv4ARPParameters.MacAddress: the answer
 * @ProtocolOffloadParameters.IPv6NSParameters: NdisPMProtocolOffloadIdIPv6NS
 * @ProtocolOffloadParameters.IPv6NSParameters.Flags: reserved
 * @ProtocolOffloadParameters.IPv6NSParameters.RemoteIPv6Address: the
 *	asker, if only one
 * @ProtocolOffloadParameters.IPv6NSParameters.SolicitedNodeIPv6Address:
 *	the solicited-node address
 * @ProtocolOffloadParameters.IPv6NSParameters.MacAddress: the answer
 * @ProtocolOffloadParameters.IPv6NSParameters.TargetIPv6Addresses: the
 *	addresses asked for
 * @ProtocolOffloadParameters.Dot11RSNRekeyParameters:
 *	NdisPMProtocolOffload80211RSNRekey
 * @ProtocolOffloadParameters.Dot11RSNRekeyParameters.Flags: reserved
 * @ProtocolOffloadParameters.Dot11RSNRekeyParameters.KCK: key confirmation
 *	key
 * @ProtocolOffloadParameters.Dot11RSNRekeyParameters.KEK: key encryption key
 * @ProtocolOffloadParameters.Dot11RSNRekeyParameters.KeyReplayCounter:
 *	replay counter
 */
typedef struct _NDIS_PM_PROTOCOL_OFFLOAD {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	ULONG Priority;
	NDIS_PM_PROTOCOL_OFFLOAD_TYPE ProtocolOffloadType;
	NDIS_PM_COUNTED_STRING FriendlyName;
	ULONG ProtocolOffloadId;
	ULONG NextProtocolOffloadOffset;
	union _PROTOCOL_OFFLOAD_PARAMETERS {
		struct _IPV4_ARP_PARAMETERS {
			ULONG Flags;
			UCHAR RemoteIPv4Address[4];
			UCHAR HostIPv4Address[4];
			UCHAR MacAddress[6];
		} IPv4ARPParameters;
		struct _IPV6_NS_PARAMETERS {
			ULONG Flags;
			UCHAR RemoteIPv6Address[16];
			UCHAR SolicitedNodeIPv6Address[16];
			UCHAR MacAddress[6];
			UCHAR TargetIPv6Addresses[2][16];
		} IPv6NSParameters;
		struct _DOT11_RSN_REKEY_PARAMETERS {
			ULONG Flags;
			UCHAR KCK[DOT11_RSN_KCK_LENGTH];
			UCHAR KEK[DOT11_RSN_KEK_LENGTH];
			ULONG64 KeyReplayCounter;
		} Dot11RSNRekeyParameters;
	} ProtocolOffloadParameters;
} NDIS_PM_PROTOCOL_OFFLOAD, *PNDIS_PM_PROTOCOL_OFFLOAD;

#define NDIS_PM_PROTOCOL_OFFLOAD_REVISION_1	1
/* A number in the DDI too: the size of the structure as first defined. */
#define NDIS_SIZEOF_NDIS_PM_PROTOCOL_OFFLOAD_REVISION_1	0xF0

#endif /* _NDIS_PM_H */
