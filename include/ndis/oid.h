/* SPDX-License-Identifier: GPL-2.0 */
/*
 * OID requests: queries and sets a protocol sends to an adapter.
 *
 * NdisOidRequest() answers what NDIS knows itself (addresses, MTU, link,
 * a binding's filter) at once, merges bindings' packet filters and
 * multicast lists for the miniport (a set that changes the merged value
 * pends until the miniport took it), and queues the rest for the miniport,
 * which sees them one at a time, at PASSIVE_LEVEL.
 *
 * The OID values and the structures they carry are the DDI's (ntddndis.h),
 * at the NDIS 6.30 revision: a driver's switch over OIDs, and the
 * structures it fills, compile and lay out as on Windows. Offload and
 * power management have headers of their own, included here.
 */
#ifndef _NDIS_OID_H
#define _NDIS_OID_H

#include <linux/build_bug.h>
#include <linux/list.h>
#include <linux/stddef.h>
#include <ndis/object.h>
#include <ndis/offload.h>
#include <ndis/pm.h>
#include <ndis/sal.h>
#include <ndis/status.h>

/**
 * enum _NDIS_REQUEST_TYPE - what an OID request does
 * @NdisRequestQueryInformation: read a value
 * @NdisRequestSetInformation: write a value
 * @NdisRequestQueryStatistics: read a statistic
 * @NdisRequestMethod: run a method: input and output in one buffer
 */
typedef enum _NDIS_REQUEST_TYPE {
	NdisRequestQueryInformation = 0,
	NdisRequestSetInformation = 1,
	NdisRequestQueryStatistics = 2,
	NdisRequestMethod = 12,
} NDIS_REQUEST_TYPE, *PNDIS_REQUEST_TYPE;

/*
 * OID values, as in ntddndis.h. The top byte is the medium (0x00 general,
 * 0x01 802.3, 0xFC TCP/IP, 0xFD PnP and power), the next one the kind
 * (0x01 operational, 0x02 statistics). OID_OFFLOAD_ENCAPSULATION sits in
 * the 802.3 range although it is general: the DDI placed it there.
 */

/* General, operational */
#define OID_GEN_SUPPORTED_LIST			0x00010101
#define OID_GEN_HARDWARE_STATUS			0x00010102
#define OID_GEN_MEDIA_SUPPORTED			0x00010103
#define OID_GEN_MEDIA_IN_USE			0x00010104
#define OID_GEN_MAXIMUM_LOOKAHEAD		0x00010105
#define OID_GEN_MAXIMUM_FRAME_SIZE		0x00010106
#define OID_GEN_LINK_SPEED			0x00010107
#define OID_GEN_TRANSMIT_BUFFER_SPACE		0x00010108
#define OID_GEN_RECEIVE_BUFFER_SPACE		0x00010109
#define OID_GEN_TRANSMIT_BLOCK_SIZE		0x0001010A
#define OID_GEN_RECEIVE_BLOCK_SIZE		0x0001010B
#define OID_GEN_VENDOR_ID			0x0001010C
#define OID_GEN_VENDOR_DESCRIPTION		0x0001010D
#define OID_GEN_CURRENT_PACKET_FILTER		0x0001010E
#define OID_GEN_CURRENT_LOOKAHEAD		0x0001010F
#define OID_GEN_DRIVER_VERSION			0x00010110
#define OID_GEN_MAXIMUM_TOTAL_SIZE		0x00010111
#define OID_GEN_PROTOCOL_OPTIONS		0x00010112
#define OID_GEN_MAC_OPTIONS			0x00010113
#define OID_GEN_MEDIA_CONNECT_STATUS		0x00010114
#define OID_GEN_MAXIMUM_SEND_PACKETS		0x00010115
#define OID_GEN_VENDOR_DRIVER_VERSION		0x00010116
#define OID_GEN_SUPPORTED_GUIDS			0x00010117
#define OID_GEN_NETWORK_LAYER_ADDRESSES		0x00010118
#define OID_GEN_TRANSPORT_HEADER_OFFSET		0x00010119
#define OID_GEN_MEDIA_CAPABILITIES		0x00010201
#define OID_GEN_PHYSICAL_MEDIUM			0x00010202
#define OID_GEN_MAC_ADDRESS			0x00010205
#define OID_GEN_MAX_LINK_SPEED			0x00010206
#define OID_GEN_LINK_STATE			0x00010207
#define OID_GEN_LINK_PARAMETERS			0x00010208
#define OID_GEN_INTERRUPT_MODERATION		0x00010209
#define OID_GEN_ENUMERATE_PORTS			0x0001020D
#define OID_GEN_PORT_STATE			0x0001020E
#define OID_GEN_PORT_AUTHENTICATION_PARAMETERS	0x0001020F
#define OID_GEN_PHYSICAL_MEDIUM_EX		0x00010213
#define OID_GEN_MACHINE_NAME			0x0001021A
#define OID_GEN_RNDIS_CONFIG_PARAMETER		0x0001021B
#define OID_GEN_VLAN_ID				0x0001021C
#define OID_GEN_MINIPORT_RESTART_ATTRIBUTES	0x0001021D
#define OID_GEN_MEDIA_CONNECT_STATUS_EX		0x0001028A
#define OID_GEN_LINK_SPEED_EX			0x0001028B
#define OID_GEN_MEDIA_DUPLEX_STATE		0x0001028C

/* General, statistics */
#define OID_GEN_XMIT_OK				0x00020101
#define OID_GEN_RCV_OK				0x00020102
#define OID_GEN_XMIT_ERROR			0x00020103
#define OID_GEN_RCV_ERROR			0x00020104
#define OID_GEN_RCV_NO_BUFFER			0x00020105
#define OID_GEN_STATISTICS			0x00020106
#define OID_GEN_DIRECTED_BYTES_XMIT		0x00020201
#define OID_GEN_DIRECTED_FRAMES_XMIT		0x00020202
#define OID_GEN_MULTICAST_BYTES_XMIT		0x00020203
#define OID_GEN_MULTICAST_FRAMES_XMIT		0x00020204
#define OID_GEN_BROADCAST_BYTES_XMIT		0x00020205
#define OID_GEN_BROADCAST_FRAMES_XMIT		0x00020206
#define OID_GEN_DIRECTED_BYTES_RCV		0x00020207
#define OID_GEN_DIRECTED_FRAMES_RCV		0x00020208
#define OID_GEN_MULTICAST_BYTES_RCV		0x00020209
#define OID_GEN_MULTICAST_FRAMES_RCV		0x0002020A
#define OID_GEN_BROADCAST_BYTES_RCV		0x0002020B
#define OID_GEN_BROADCAST_FRAMES_RCV		0x0002020C
#define OID_GEN_RCV_CRC_ERROR			0x0002020D
#define OID_GEN_TRANSMIT_QUEUE_LENGTH		0x0002020E
#define OID_GEN_GET_TIME_CAPS			0x0002020F
#define OID_GEN_GET_NETCARD_TIME		0x00020210
#define OID_GEN_NETCARD_LOAD			0x00020211
#define OID_GEN_DEVICE_PROFILE			0x00020212
#define OID_GEN_INIT_TIME_MS			0x00020213
#define OID_GEN_RESET_COUNTS			0x00020214
#define OID_GEN_MEDIA_SENSE_COUNTS		0x00020215
#define OID_GEN_BYTES_RCV			0x00020219
#define OID_GEN_BYTES_XMIT			0x0002021A
#define OID_GEN_RCV_DISCARDS			0x0002021B
#define OID_GEN_XMIT_DISCARDS			0x0002021C

/* 802.3, operational */
#define OID_802_3_PERMANENT_ADDRESS		0x01010101
#define OID_802_3_CURRENT_ADDRESS		0x01010102
#define OID_802_3_MULTICAST_LIST		0x01010103
#define OID_802_3_MAXIMUM_LIST_SIZE		0x01010104
#define OID_802_3_MAC_OPTIONS			0x01010105
#define OID_OFFLOAD_ENCAPSULATION		0x0101010A
#define OID_802_3_ADD_MULTICAST_ADDRESS		0x01010208
#define OID_802_3_DELETE_MULTICAST_ADDRESS	0x01010209

/* 802.3, statistics */
#define OID_802_3_RCV_ERROR_ALIGNMENT		0x01020101
#define OID_802_3_XMIT_ONE_COLLISION		0x01020102
#define OID_802_3_XMIT_MORE_COLLISIONS		0x01020103
#define OID_802_3_XMIT_DEFERRED			0x01020201
#define OID_802_3_XMIT_MAX_COLLISIONS		0x01020202
#define OID_802_3_RCV_OVERRUN			0x01020203
#define OID_802_3_XMIT_UNDERRUN			0x01020204
#define OID_802_3_XMIT_HEARTBEAT_FAILURE	0x01020205
#define OID_802_3_XMIT_TIMES_CRS_LOST		0x01020206
#define OID_802_3_XMIT_LATE_COLLISIONS		0x01020207

/* OID_802_3_MAC_OPTIONS bits (deprecated for NDIS 6, as the OID) */
#define NDIS_802_3_MAC_OPTION_PRIORITY		0x00000001

/*
 * 802.11, the NDIS 5 set (0x0D: the medium). NDIS 6 wireless drivers use
 * the native 802.11 OIDs instead; these remain for protocols such as
 * ndisprot that pass them through from user space. No structures yet.
 */
#define OID_802_11_BSSID			0x0D010101
#define OID_802_11_SSID				0x0D010102
#define OID_802_11_INFRASTRUCTURE_MODE		0x0D010108
#define OID_802_11_ADD_WEP			0x0D010113
#define OID_802_11_REMOVE_WEP			0x0D010114
#define OID_802_11_DISASSOCIATE			0x0D010115
#define OID_802_11_AUTHENTICATION_MODE		0x0D010118
#define OID_802_11_BSSID_LIST_SCAN		0x0D01011A
#define OID_802_11_WEP_STATUS			0x0D01011B
#define OID_802_11_RELOAD_DEFAULTS		0x0D01011C
#define OID_802_11_NETWORK_TYPE_IN_USE		0x0D010204
#define OID_802_11_RSSI				0x0D010206
#define OID_802_11_SUPPORTED_RATES		0x0D01020E
#define OID_802_11_CONFIGURATION		0x0D010211
#define OID_802_11_POWER_MODE			0x0D010216
#define OID_802_11_BSSID_LIST			0x0D010217
#define OID_802_11_STATISTICS			0x0D020212

/* TCP/IP, the NDIS 5 task offload set: no NDIS 6 driver answers these */
#define OID_TCP_TASK_OFFLOAD			0xFC010201
#define OID_TCP_TASK_IPSEC_ADD_SA		0xFC010202
#define OID_TCP_TASK_IPSEC_DELETE_SA		0xFC010203
#define OID_TCP_SAN_SUPPORT			0xFC010204
#define OID_TCP_TASK_IPSEC_ADD_UDPESP_SA	0xFC010205
#define OID_TCP_TASK_IPSEC_DELETE_UDPESP_SA	0xFC010206
#define OID_TCP4_OFFLOAD_STATS			0xFC010207
#define OID_TCP6_OFFLOAD_STATS			0xFC010208
#define OID_IP4_OFFLOAD_STATS			0xFC010209
#define OID_IP6_OFFLOAD_STATS			0xFC01020A

/* TCP/IP task offload (structures in <ndis/offload.h>) */
#define OID_TCP_OFFLOAD_CURRENT_CONFIG		0xFC01020B
#define OID_TCP_OFFLOAD_PARAMETERS		0xFC01020C
#define OID_TCP_OFFLOAD_HARDWARE_CAPABILITIES	0xFC01020D
/* TCP chimney (connection) offload: not implemented, passed to the miniport */
#define OID_TCP_CONNECTION_OFFLOAD_CURRENT_CONFIG		0xFC01020E
#define OID_TCP_CONNECTION_OFFLOAD_HARDWARE_CAPABILITIES	0xFC01020F

/* PnP and power management (structures in <ndis/pm.h>) */
#define OID_PNP_CAPABILITIES			0xFD010100
#define OID_PNP_SET_POWER			0xFD010101
#define OID_PNP_QUERY_POWER			0xFD010102
#define OID_PNP_ADD_WAKE_UP_PATTERN		0xFD010103
#define OID_PNP_REMOVE_WAKE_UP_PATTERN		0xFD010104
#define OID_PNP_WAKE_UP_PATTERN_LIST		0xFD010105
#define OID_PNP_ENABLE_WAKE_UP			0xFD010106
#define OID_PM_CURRENT_CAPABILITIES		0xFD010107
#define OID_PM_HARDWARE_CAPABILITIES		0xFD010108
#define OID_PM_PARAMETERS			0xFD010109
#define OID_PM_ADD_WOL_PATTERN			0xFD01010A
#define OID_PM_REMOVE_WOL_PATTERN		0xFD01010B
#define OID_PM_WOL_PATTERN_LIST			0xFD01010C
#define OID_PM_ADD_PROTOCOL_OFFLOAD		0xFD01010D
#define OID_PM_GET_PROTOCOL_OFFLOAD		0xFD01010E
#define OID_PM_REMOVE_PROTOCOL_OFFLOAD		0xFD01010F
#define OID_PM_PROTOCOL_OFFLOAD_LIST		0xFD010110
#define OID_PNP_WAKE_UP_OK			0xFD020200
#define OID_PNP_WAKE_UP_ERROR			0xFD020201

/* OID_GEN_CURRENT_PACKET_FILTER bits */
#define NDIS_PACKET_TYPE_DIRECTED		0x00000001
#define NDIS_PACKET_TYPE_MULTICAST		0x00000002
#define NDIS_PACKET_TYPE_ALL_MULTICAST		0x00000004
#define NDIS_PACKET_TYPE_BROADCAST		0x00000008
#define NDIS_PACKET_TYPE_SOURCE_ROUTING		0x00000010
#define NDIS_PACKET_TYPE_PROMISCUOUS		0x00000020
#define NDIS_PACKET_TYPE_SMT			0x00000040
#define NDIS_PACKET_TYPE_ALL_LOCAL		0x00000080
#define NDIS_PACKET_TYPE_GROUP			0x00001000
#define NDIS_PACKET_TYPE_ALL_FUNCTIONAL		0x00002000
#define NDIS_PACKET_TYPE_FUNCTIONAL		0x00004000
#define NDIS_PACKET_TYPE_MAC_FRAME		0x00008000
#define NDIS_PACKET_TYPE_NO_LOCAL		0x00010000

/* OID_GEN_MEDIA_CONNECT_STATUS values */
#define NdisMediaStateConnected			0
#define NdisMediaStateDisconnected		1

/* OID_GEN_PROTOCOL_OPTIONS bits */
#define NDIS_PROT_OPTION_ESTIMATED_LENGTH	0x00000001
#define NDIS_PROT_OPTION_NO_LOOPBACK		0x00000002
#define NDIS_PROT_OPTION_NO_RSVD_ON_RCVPKT	0x00000004
#define NDIS_PROT_OPTION_SEND_RESTRICTED	0x00000008

/* OID_GEN_MAC_OPTIONS bits, and the general attributes' MacOptions */
#define NDIS_MAC_OPTION_COPY_LOOKAHEAD_DATA	0x00000001
#define NDIS_MAC_OPTION_RECEIVE_SERIALIZED	0x00000002
#define NDIS_MAC_OPTION_TRANSFERS_NOT_PEND	0x00000004
#define NDIS_MAC_OPTION_NO_LOOPBACK		0x00000008
#define NDIS_MAC_OPTION_FULL_DUPLEX		0x00000010
#define NDIS_MAC_OPTION_EOTX_INDICATION		0x00000020
#define NDIS_MAC_OPTION_8021P_PRIORITY		0x00000040
#define NDIS_MAC_OPTION_SUPPORTS_MAC_ADDRESS_OVERWRITE	0x00000080
#define NDIS_MAC_OPTION_RECEIVE_AT_DPC		0x00000100
#define NDIS_MAC_OPTION_8021Q_VLAN		0x00000200
#define NDIS_MAC_OPTION_RESERVED		0x80000000

/* OID_GEN_MEDIA_CAPABILITIES bits */
#define NDIS_MEDIA_CAP_TRANSMIT			0x00000001
#define NDIS_MEDIA_CAP_RECEIVE			0x00000002

#define NDIS_OID_REQUEST_NDIS_RESERVED_SIZE	16

/* Framework bookkeeping of a request, in its NdisReserved; drivers never touch it. */
struct ndis_oid_private {
	struct list_head node;		/* in the adapter's queue */
	void *binding;			/* who asked; NULL: NDIS itself */
	void *adapter;
	atomic_t state;			/* idle, queued, at the miniport */
	unsigned long deadline;		/* jiffies; 0: no timeout */
	bool cancelled;			/* MiniportCancelOidRequest sent */
	unsigned long ticket;		/* a filter or multicast set: its change */
};

/**
 * struct _NDIS_OID_REQUEST - one query, set or method
 * @Header: NDIS_OBJECT_TYPE_OID_REQUEST, NDIS_OID_REQUEST_REVISION_1,
 *	NDIS_SIZEOF_OID_REQUEST_REVISION_1 (or sizeof)
 * @RequestType: query, set, statistics query or method
 * @PortNumber: 0, the default port
 * @Timeout: seconds after which NDIS aborts it; 0
 *	(NDIS_OID_REQUEST_TIMEOUT_INFINITE) for none
 * @RequestId: the protocol's id, for NdisCancelOidRequest()
 * @RequestHandle: set by NDIS
 * @DATA: the OID and its buffer, by @RequestType
 * @DATA.QUERY_INFORMATION: for queries and statistics queries
 * @DATA.QUERY_INFORMATION.Oid: the OID
 * @DATA.QUERY_INFORMATION.InformationBuffer: where the value goes
 * @DATA.QUERY_INFORMATION.InformationBufferLength: its size
 * @DATA.QUERY_INFORMATION.BytesWritten: bytes written on success
 * @DATA.QUERY_INFORMATION.BytesNeeded: bytes needed when too short
 * @DATA.SET_INFORMATION: for sets
 * @DATA.SET_INFORMATION.Oid: the OID
 * @DATA.SET_INFORMATION.InformationBuffer: the value
 * @DATA.SET_INFORMATION.InformationBufferLength: its size
 * @DATA.SET_INFORMATION.BytesRead: bytes used on success
 * @DATA.SET_INFORMATION.BytesNeeded: bytes needed when too short
 * @DATA.METHOD_INFORMATION: for methods
 * @DATA.METHOD_INFORMATION.Oid: the OID
 * @DATA.METHOD_INFORMATION.InformationBuffer: the input, overwritten by
 *	the output; at least as large as either
 * @DATA.METHOD_INFORMATION.InputBufferLength: bytes of input in the buffer
 * @DATA.METHOD_INFORMATION.OutputBufferLength: bytes the output may take
 * @DATA.METHOD_INFORMATION.MethodId: which method of the OID; 0 the default
 * @DATA.METHOD_INFORMATION.BytesWritten: output bytes written, at most
 *	@DATA.METHOD_INFORMATION.OutputBufferLength
 * @DATA.METHOD_INFORMATION.BytesRead: input bytes used, at most
 *	@DATA.METHOD_INFORMATION.InputBufferLength
 * @DATA.METHOD_INFORMATION.BytesNeeded: buffer bytes needed when too short
 * @NdisReserved: for NDIS (holds @Ndis)
 * @Ndis: NDIS's bookkeeping of the request, inside @NdisReserved
 * @MiniportReserved: for the miniport while it holds the request
 * @SourceReserved: for the driver that allocated the request
 * @SupportedRevision: the revision of the OID's structure the driver
 *	handled, set by the miniport when it takes a set
 * @Reserved1: reserved
 * @Reserved2: reserved
 *
 * The layout is the DDI's, byte for byte: a driver that casts
 * @MiniportReserved or @SourceReserved to its own structure, or sizes a
 * copy by NDIS_SIZEOF_OID_REQUEST_REVISION_1, finds what it expects. The
 * request and its buffer must stay valid until it completes.
 */
struct _NDIS_OID_REQUEST {
	NDIS_OBJECT_HEADER Header;
	NDIS_REQUEST_TYPE RequestType;
	NDIS_PORT_NUMBER PortNumber;
	UINT Timeout;
	PVOID RequestId;
	NDIS_HANDLE RequestHandle;
	union _REQUEST_DATA {
		struct _QUERY {
			NDIS_OID Oid;
			PVOID InformationBuffer;
			UINT InformationBufferLength;
			UINT BytesWritten;
			UINT BytesNeeded;
		} QUERY_INFORMATION;
		struct _SET {
			NDIS_OID Oid;
			PVOID InformationBuffer;
			UINT InformationBufferLength;
			UINT BytesRead;
			UINT BytesNeeded;
		} SET_INFORMATION;
		struct _METHOD {
			NDIS_OID Oid;
			PVOID InformationBuffer;
			ULONG InputBufferLength;
			ULONG OutputBufferLength;
			ULONG MethodId;
			UINT BytesWritten;
			UINT BytesRead;
			UINT BytesNeeded;
		} METHOD_INFORMATION;
	} DATA;
	union {
		UCHAR NdisReserved[NDIS_OID_REQUEST_NDIS_RESERVED_SIZE * sizeof(PVOID)];
		struct ndis_oid_private Ndis;
	};
	UCHAR MiniportReserved[2 * sizeof(PVOID)];
	UCHAR SourceReserved[2 * sizeof(PVOID)];
	UCHAR SupportedRevision;
	UCHAR Reserved1;
	USHORT Reserved2;
};

static_assert(sizeof(struct ndis_oid_private) <=
	      NDIS_OID_REQUEST_NDIS_RESERVED_SIZE * sizeof(PVOID),
	      "NDIS's bookkeeping of an OID request fits in its NdisReserved");

#define NDIS_OID_REQUEST_REVISION_1	1
/* The whole request: NDIS keeps its part inside NdisReserved. */
#define NDIS_SIZEOF_OID_REQUEST_REVISION_1	offsetofend(NDIS_OID_REQUEST, Reserved2)
#define NDIS_OID_REQUEST_TIMEOUT_INFINITE	0

/**
 * struct _NDIS_STATISTICS_INFO - answer to OID_GEN_STATISTICS
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, NDIS_STATISTICS_INFO_REVISION_1
 * @SupportedStatistics: NDIS_STATISTICS_FLAGS_VALID_* for the members set
 * @ifInDiscards: received frames dropped (no room, filtered while paused)
 * @ifInErrors: received frames with errors
 * @ifHCInOctets: bytes received
 * @ifHCInUcastPkts: directed frames received
 * @ifHCInMulticastPkts: multicast frames received
 * @ifHCInBroadcastPkts: broadcast frames received
 * @ifHCOutOctets: bytes sent
 * @ifHCOutUcastPkts: directed frames sent
 * @ifHCOutMulticastPkts: multicast frames sent
 * @ifHCOutBroadcastPkts: broadcast frames sent
 * @ifOutErrors: frames that failed to send
 * @ifOutDiscards: frames dropped on send
 * @ifHCInUcastOctets: bytes of directed frames received
 * @ifHCInMulticastOctets: bytes of multicast frames received
 * @ifHCInBroadcastOctets: bytes of broadcast frames received
 * @ifHCOutUcastOctets: bytes of directed frames sent
 * @ifHCOutMulticastOctets: bytes of multicast frames sent
 * @ifHCOutBroadcastOctets: bytes of broadcast frames sent
 */
typedef struct _NDIS_STATISTICS_INFO {
	NDIS_OBJECT_HEADER Header;
	ULONG SupportedStatistics;
	ULONG64 ifInDiscards;
	ULONG64 ifInErrors;
	ULONG64 ifHCInOctets;
	ULONG64 ifHCInUcastPkts;
	ULONG64 ifHCInMulticastPkts;
	ULONG64 ifHCInBroadcastPkts;
	ULONG64 ifHCOutOctets;
	ULONG64 ifHCOutUcastPkts;
	ULONG64 ifHCOutMulticastPkts;
	ULONG64 ifHCOutBroadcastPkts;
	ULONG64 ifOutErrors;
	ULONG64 ifOutDiscards;
	ULONG64 ifHCInUcastOctets;
	ULONG64 ifHCInMulticastOctets;
	ULONG64 ifHCInBroadcastOctets;
	ULONG64 ifHCOutUcastOctets;
	ULONG64 ifHCOutMulticastOctets;
	ULONG64 ifHCOutBroadcastOctets;
} NDIS_STATISTICS_INFO, *PNDIS_STATISTICS_INFO;

#define NDIS_STATISTICS_INFO_REVISION_1			1
#define NDIS_SIZEOF_STATISTICS_INFO_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_STATISTICS_INFO, ifHCOutBroadcastOctets)
#define NDIS_STATISTICS_FLAGS_VALID_DIRECTED_FRAMES_RCV		0x00000001
#define NDIS_STATISTICS_FLAGS_VALID_MULTICAST_FRAMES_RCV	0x00000002
#define NDIS_STATISTICS_FLAGS_VALID_BROADCAST_FRAMES_RCV	0x00000004
#define NDIS_STATISTICS_FLAGS_VALID_BYTES_RCV			0x00000008
#define NDIS_STATISTICS_FLAGS_VALID_RCV_DISCARDS		0x00000010
#define NDIS_STATISTICS_FLAGS_VALID_RCV_ERROR			0x00000020
#define NDIS_STATISTICS_FLAGS_VALID_DIRECTED_FRAMES_XMIT	0x00000040
#define NDIS_STATISTICS_FLAGS_VALID_MULTICAST_FRAMES_XMIT	0x00000080
#define NDIS_STATISTICS_FLAGS_VALID_BROADCAST_FRAMES_XMIT	0x00000100
#define NDIS_STATISTICS_FLAGS_VALID_BYTES_XMIT			0x00000200
#define NDIS_STATISTICS_FLAGS_VALID_XMIT_ERROR			0x00000400
#define NDIS_STATISTICS_FLAGS_VALID_XMIT_DISCARDS		0x00008000
#define NDIS_STATISTICS_FLAGS_VALID_DIRECTED_BYTES_RCV		0x00010000
#define NDIS_STATISTICS_FLAGS_VALID_MULTICAST_BYTES_RCV		0x00020000
#define NDIS_STATISTICS_FLAGS_VALID_BROADCAST_BYTES_RCV		0x00040000
#define NDIS_STATISTICS_FLAGS_VALID_DIRECTED_BYTES_XMIT		0x00080000
#define NDIS_STATISTICS_FLAGS_VALID_MULTICAST_BYTES_XMIT	0x00100000
#define NDIS_STATISTICS_FLAGS_VALID_BROADCAST_BYTES_XMIT	0x00200000

/* The general attributes' SupportedStatistics: which statistics OIDs work */
#define NDIS_STATISTICS_XMIT_OK_SUPPORTED		0x00000001
#define NDIS_STATISTICS_RCV_OK_SUPPORTED		0x00000002
#define NDIS_STATISTICS_XMIT_ERROR_SUPPORTED		0x00000004
#define NDIS_STATISTICS_RCV_ERROR_SUPPORTED		0x00000008
#define NDIS_STATISTICS_RCV_NO_BUFFER_SUPPORTED		0x00000010
#define NDIS_STATISTICS_DIRECTED_BYTES_XMIT_SUPPORTED	0x00000020
#define NDIS_STATISTICS_DIRECTED_FRAMES_XMIT_SUPPORTED	0x00000040
#define NDIS_STATISTICS_MULTICAST_BYTES_XMIT_SUPPORTED	0x00000080
#define NDIS_STATISTICS_MULTICAST_FRAMES_XMIT_SUPPORTED	0x00000100
#define NDIS_STATISTICS_BROADCAST_BYTES_XMIT_SUPPORTED	0x00000200
#define NDIS_STATISTICS_BROADCAST_FRAMES_XMIT_SUPPORTED	0x00000400
#define NDIS_STATISTICS_DIRECTED_BYTES_RCV_SUPPORTED	0x00000800
#define NDIS_STATISTICS_DIRECTED_FRAMES_RCV_SUPPORTED	0x00001000
#define NDIS_STATISTICS_MULTICAST_BYTES_RCV_SUPPORTED	0x00002000
#define NDIS_STATISTICS_MULTICAST_FRAMES_RCV_SUPPORTED	0x00004000
#define NDIS_STATISTICS_BROADCAST_BYTES_RCV_SUPPORTED	0x00008000
#define NDIS_STATISTICS_BROADCAST_FRAMES_RCV_SUPPORTED	0x00010000
#define NDIS_STATISTICS_RCV_CRC_ERROR_SUPPORTED		0x00020000
#define NDIS_STATISTICS_TRANSMIT_QUEUE_LENGTH_SUPPORTED	0x00040000
#define NDIS_STATISTICS_BYTES_RCV_SUPPORTED		0x00080000
#define NDIS_STATISTICS_BYTES_XMIT_SUPPORTED		0x00100000
#define NDIS_STATISTICS_RCV_DISCARDS_SUPPORTED		0x00200000
#define NDIS_STATISTICS_GEN_STATISTICS_SUPPORTED	0x00400000
#define NDIS_STATISTICS_XMIT_DISCARDS_SUPPORTED		0x08000000

/**
 * enum _NDIS_HARDWARE_STATUS - answer to OID_GEN_HARDWARE_STATUS
 * @NdisHardwareStatusReady: available and able to send and receive
 * @NdisHardwareStatusInitializing: being initialized
 * @NdisHardwareStatusReset: being reset
 * @NdisHardwareStatusClosing: shutting down
 * @NdisHardwareStatusNotReady: not ready, for another reason
 */
typedef enum _NDIS_HARDWARE_STATUS {
	NdisHardwareStatusReady,
	NdisHardwareStatusInitializing,
	NdisHardwareStatusReset,
	NdisHardwareStatusClosing,
	NdisHardwareStatusNotReady
} NDIS_HARDWARE_STATUS, *PNDIS_HARDWARE_STATUS;

/**
 * struct _NDIS_LINK_SPEED - answer to OID_GEN_LINK_SPEED_EX and
 *	OID_GEN_MAX_LINK_SPEED
 * @XmitLinkSpeed: transmit speed, bit/s, or NDIS_LINK_SPEED_UNKNOWN
 * @RcvLinkSpeed: receive speed, bit/s, or NDIS_LINK_SPEED_UNKNOWN
 */
typedef struct _NDIS_LINK_SPEED {
	ULONG64 XmitLinkSpeed;
	ULONG64 RcvLinkSpeed;
} NDIS_LINK_SPEED, *PNDIS_LINK_SPEED;

#define NDIS_LINK_SPEED_UNKNOWN			((ULONG64)-1)

/**
 * enum _NDIS_SUPPORTED_PAUSE_FUNCTIONS - IEEE 802.3 flow control
 * @NdisPauseFunctionsUnsupported: no pause frames
 * @NdisPauseFunctionsSendOnly: sends pause frames only
 * @NdisPauseFunctionsReceiveOnly: honours received pause frames only
 * @NdisPauseFunctionsSendAndReceive: both
 * @NdisPauseFunctionsUnknown: not known
 */
typedef enum _NDIS_SUPPORTED_PAUSE_FUNCTIONS {
	NdisPauseFunctionsUnsupported,
	NdisPauseFunctionsSendOnly,
	NdisPauseFunctionsReceiveOnly,
	NdisPauseFunctionsSendAndReceive,
	NdisPauseFunctionsUnknown
} NDIS_SUPPORTED_PAUSE_FUNCTIONS, *PNDIS_SUPPORTED_PAUSE_FUNCTIONS;

/* AutoNegotiationFlags of NDIS_LINK_STATE and NDIS_LINK_PARAMETERS */
#define NDIS_LINK_STATE_XMIT_LINK_SPEED_AUTO_NEGOTIATED		0x00000001
#define NDIS_LINK_STATE_RCV_LINK_SPEED_AUTO_NEGOTIATED		0x00000002
#define NDIS_LINK_STATE_DUPLEX_AUTO_NEGOTIATED			0x00000004
#define NDIS_LINK_STATE_PAUSE_FUNCTIONS_AUTO_NEGOTIATED		0x00000008

/**
 * struct _NDIS_LINK_PARAMETERS - value of an OID_GEN_LINK_PARAMETERS set
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, NDIS_LINK_PARAMETERS_REVISION_1,
 *	NDIS_SIZEOF_LINK_PARAMETERS_REVISION_1
 * @MediaDuplexState: duplex wanted
 * @XmitLinkSpeed: transmit speed wanted, bit/s
 * @RcvLinkSpeed: receive speed wanted, bit/s
 * @PauseFunctions: flow control wanted
 * @AutoNegotiationFlags: NDIS_LINK_STATE_*_AUTO_NEGOTIATED: what to negotiate
 */
typedef struct _NDIS_LINK_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	NDIS_MEDIA_DUPLEX_STATE MediaDuplexState;
	ULONG64 XmitLinkSpeed;
	ULONG64 RcvLinkSpeed;
	NDIS_SUPPORTED_PAUSE_FUNCTIONS PauseFunctions;
	ULONG AutoNegotiationFlags;
} NDIS_LINK_PARAMETERS, *PNDIS_LINK_PARAMETERS;

#define NDIS_LINK_PARAMETERS_REVISION_1		1
#define NDIS_SIZEOF_LINK_PARAMETERS_REVISION_1	\
	offsetofend(NDIS_LINK_PARAMETERS, AutoNegotiationFlags)

/**
 * enum _NDIS_INTERRUPT_MODERATION - interrupt moderation state
 * @NdisInterruptModerationUnknown: not known
 * @NdisInterruptModerationNotSupported: the adapter has none
 * @NdisInterruptModerationEnabled: on
 * @NdisInterruptModerationDisabled: off
 */
typedef enum _NDIS_INTERRUPT_MODERATION {
	NdisInterruptModerationUnknown,
	NdisInterruptModerationNotSupported,
	NdisInterruptModerationEnabled,
	NdisInterruptModerationDisabled
} NDIS_INTERRUPT_MODERATION, *PNDIS_INTERRUPT_MODERATION;

/* Flags of NDIS_INTERRUPT_MODERATION_PARAMETERS */
#define NDIS_INTERRUPT_MODERATION_CHANGE_NEEDS_RESET		0x00000001
#define NDIS_INTERRUPT_MODERATION_CHANGE_NEEDS_REINITIALIZE	0x00000002

/**
 * struct _NDIS_INTERRUPT_MODERATION_PARAMETERS - value of
 *	OID_GEN_INTERRUPT_MODERATION
 * @Header: NDIS_OBJECT_TYPE_DEFAULT,
 *	NDIS_INTERRUPT_MODERATION_PARAMETERS_REVISION_1,
 *	NDIS_SIZEOF_INTERRUPT_MODERATION_PARAMETERS_REVISION_1
 * @Flags: NDIS_INTERRUPT_MODERATION_CHANGE_NEEDS_* in a query's answer
 * @InterruptModeration: the state
 */
typedef struct _NDIS_INTERRUPT_MODERATION_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	NDIS_INTERRUPT_MODERATION InterruptModeration;
} NDIS_INTERRUPT_MODERATION_PARAMETERS, *PNDIS_INTERRUPT_MODERATION_PARAMETERS;

#define NDIS_INTERRUPT_MODERATION_PARAMETERS_REVISION_1	1
#define NDIS_SIZEOF_INTERRUPT_MODERATION_PARAMETERS_REVISION_1	\
	offsetofend(NDIS_INTERRUPT_MODERATION_PARAMETERS, InterruptModeration)

/**
 * enum _NDIS_PORT_CONTROL_STATE - whether a port needs authentication
 * @NdisPortControlStateUnknown: not known
 * @NdisPortControlStateControlled: it does
 * @NdisPortControlStateUncontrolled: it does not
 */
typedef enum _NDIS_PORT_CONTROL_STATE {
	NdisPortControlStateUnknown,
	NdisPortControlStateControlled,
	NdisPortControlStateUncontrolled
} NDIS_PORT_CONTROL_STATE, *PNDIS_PORT_CONTROL_STATE;

/**
 * enum _NDIS_PORT_AUTHORIZATION_STATE - authentication state of a port
 * @NdisPortAuthorizationUnknown: not known
 * @NdisPortAuthorized: authorized
 * @NdisPortUnauthorized: not authorized
 * @NdisPortReauthorizing: being authorized again
 */
typedef enum _NDIS_PORT_AUTHORIZATION_STATE {
	NdisPortAuthorizationUnknown,
	NdisPortAuthorized,
	NdisPortUnauthorized,
	NdisPortReauthorizing
} NDIS_PORT_AUTHORIZATION_STATE, *PNDIS_PORT_AUTHORIZATION_STATE;

/**
 * struct _NDIS_PORT_AUTHENTICATION_PARAMETERS - value of an
 *	OID_GEN_PORT_AUTHENTICATION_PARAMETERS set
 * @Header: NDIS_OBJECT_TYPE_DEFAULT,
 *	NDIS_PORT_AUTHENTICATION_PARAMETERS_REVISION_1,
 *	NDIS_SIZEOF_PORT_AUTHENTICATION_PARAMETERS_REVISION_1
 * @SendControlState: whether sends need authentication
 * @RcvControlState: whether receives need authentication
 * @SendAuthorizationState: authorization of sends
 * @RcvAuthorizationState: authorization of receives
 */
typedef struct _NDIS_PORT_AUTHENTICATION_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	NDIS_PORT_CONTROL_STATE SendControlState;
	NDIS_PORT_CONTROL_STATE RcvControlState;
	NDIS_PORT_AUTHORIZATION_STATE SendAuthorizationState;
	NDIS_PORT_AUTHORIZATION_STATE RcvAuthorizationState;
} NDIS_PORT_AUTHENTICATION_PARAMETERS, *PNDIS_PORT_AUTHENTICATION_PARAMETERS;

#define NDIS_PORT_AUTHENTICATION_PARAMETERS_REVISION_1	1
#define NDIS_SIZEOF_PORT_AUTHENTICATION_PARAMETERS_REVISION_1	\
	offsetofend(NDIS_PORT_AUTHENTICATION_PARAMETERS, RcvAuthorizationState)

/* Value of OID_GEN_VLAN_ID: the VLAN ID in the low 12 bits, the rest 0 */
typedef ULONG NDIS_VLAN_ID;

/* Protocol types in TRANSPORT_HEADER_OFFSET and NETWORK_ADDRESS */
#define NDIS_PROTOCOL_ID_DEFAULT		0x00
#define NDIS_PROTOCOL_ID_TCP_IP			0x02
#define NDIS_PROTOCOL_ID_IP6			0x03
#define NDIS_PROTOCOL_ID_IPX			0x06
#define NDIS_PROTOCOL_ID_NBF			0x07
#define NDIS_PROTOCOL_ID_MAX			0x0F
#define NDIS_PROTOCOL_ID_MASK			0x0F

/**
 * struct _TRANSPORT_HEADER_OFFSET - value of OID_GEN_TRANSPORT_HEADER_OFFSET
 * @ProtocolType: the protocol setting it, an NDIS_PROTOCOL_ID_*
 * @HeaderOffset: length of the link-layer header of its sends
 */
typedef struct _TRANSPORT_HEADER_OFFSET {
	USHORT ProtocolType;
	USHORT HeaderOffset;
} TRANSPORT_HEADER_OFFSET, *PTRANSPORT_HEADER_OFFSET;

/**
 * struct _NETWORK_ADDRESS - one address in a NETWORK_ADDRESS_LIST
 * @AddressLength: bytes in @Address
 * @AddressType: an NDIS_PROTOCOL_ID_*
 * @Address: the address, @AddressLength bytes
 */
typedef struct _NETWORK_ADDRESS {
	USHORT AddressLength;
	USHORT AddressType;
	UCHAR Address[1];
} NETWORK_ADDRESS, *PNETWORK_ADDRESS;

/**
 * struct _NETWORK_ADDRESS_LIST - value of OID_GEN_NETWORK_LAYER_ADDRESSES
 * @AddressCount: entries in @Address
 * @AddressType: an NDIS_PROTOCOL_ID_*
 * @Address: the addresses, one after the other
 */
typedef struct _NETWORK_ADDRESS_LIST {
	LONG AddressCount;
	USHORT AddressType;
	NETWORK_ADDRESS Address[1];
} NETWORK_ADDRESS_LIST, *PNETWORK_ADDRESS_LIST;

NDIS_STATUS NdisOidRequest(NDIS_HANDLE NdisBindingHandle, PNDIS_OID_REQUEST OidRequest);
void NdisCancelOidRequest(NDIS_HANDLE NdisBindingHandle, PVOID RequestId);
void NdisMOidRequestComplete(NDIS_HANDLE MiniportAdapterHandle, PNDIS_OID_REQUEST OidRequest,
			     NDIS_STATUS Status);
NDIS_STATUS ndis_oid_query_reply(PNDIS_OID_REQUEST OidRequest, const void *Value, UINT Size);
NDIS_STATUS ndis_oid_query_reply_counter(PNDIS_OID_REQUEST OidRequest, ULONG64 Value);

#endif /* _NDIS_OID_H */
