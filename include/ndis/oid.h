/* SPDX-License-Identifier: GPL-2.0 */
/*
 * OID requests: queries and sets a protocol sends to an adapter.
 *
 * NdisOidRequest() answers what NDIS knows itself (addresses, MTU, link,
 * a binding's filter) at once, merges bindings' packet filters and
 * multicast lists for the miniport (a set that changes the merged value
 * pends until the miniport took it), and queues the rest for the miniport,
 * which sees them one at a time, at PASSIVE_LEVEL.
 */
#ifndef _NDIS_OID_H
#define _NDIS_OID_H

#include <linux/list.h>
#include <ndis/object.h>
#include <ndis/sal.h>
#include <ndis/status.h>

/**
 * enum _NDIS_REQUEST_TYPE - what an OID request does
 * @NdisRequestQueryInformation: read a value
 * @NdisRequestSetInformation: write a value
 * @NdisRequestQueryStatistics: read a statistic
 * @NdisRequestMethod: a method (not supported here)
 */
typedef enum _NDIS_REQUEST_TYPE {
	NdisRequestQueryInformation = 0,
	NdisRequestSetInformation = 1,
	NdisRequestQueryStatistics = 2,
	NdisRequestMethod = 12,
} NDIS_REQUEST_TYPE, *PNDIS_REQUEST_TYPE;

#define OID_GEN_SUPPORTED_LIST			0x00010101
#define OID_GEN_MAXIMUM_FRAME_SIZE		0x00010106
#define OID_GEN_LINK_SPEED			0x00010107
#define OID_GEN_VENDOR_ID			0x0001010C
#define OID_GEN_VENDOR_DESCRIPTION		0x0001010D
#define OID_GEN_CURRENT_PACKET_FILTER		0x0001010E
#define OID_GEN_CURRENT_LOOKAHEAD		0x0001010F
#define OID_GEN_MAXIMUM_TOTAL_SIZE		0x00010111
#define OID_GEN_MAC_OPTIONS			0x00010113
#define OID_GEN_MEDIA_CONNECT_STATUS		0x00010114
#define OID_GEN_VENDOR_DRIVER_VERSION		0x00010116
#define OID_GEN_LINK_STATE			0x00010207
#define OID_GEN_XMIT_OK				0x00020101
#define OID_GEN_RCV_OK				0x00020102
#define OID_GEN_STATISTICS			0x00020106
#define OID_802_3_PERMANENT_ADDRESS		0x01010101
#define OID_802_3_CURRENT_ADDRESS		0x01010102
#define OID_802_3_MULTICAST_LIST		0x01010103
#define OID_802_3_MAXIMUM_LIST_SIZE		0x01010104
#define OID_PNP_SET_POWER			0xFD010101

#define NDIS_PACKET_TYPE_DIRECTED		0x00000001
#define NDIS_PACKET_TYPE_MULTICAST		0x00000002
#define NDIS_PACKET_TYPE_ALL_MULTICAST		0x00000004
#define NDIS_PACKET_TYPE_BROADCAST		0x00000008
#define NDIS_PACKET_TYPE_SOURCE_ROUTING		0x00000010
#define NDIS_PACKET_TYPE_PROMISCUOUS		0x00000020
#define NDIS_PACKET_TYPE_ALL_LOCAL		0x00000080

/* OID_GEN_MEDIA_CONNECT_STATUS values */
#define NdisMediaStateConnected			0
#define NdisMediaStateDisconnected		1

/* Framework bookkeeping of a request; drivers never touch it. */
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
 * struct _NDIS_OID_REQUEST - one query or set
 * @Header: NDIS_OBJECT_TYPE_OID_REQUEST, revision 1
 * @RequestType: query, set or statistics query
 * @PortNumber: 0, the default port
 * @Timeout: seconds after which NDIS aborts it; 0 for none
 * @RequestId: the protocol's id, for NdisCancelOidRequest()
 * @RequestHandle: set by NDIS
 * @DATA: the OID and its buffer
 * @DATA.QUERY_INFORMATION: for queries
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
 * @MiniportReserved: for the miniport while it holds the request
 * @SourceReserved: for the protocol
 * @Ndis: private to NDIS
 *
 * The request and its buffer must stay valid until it completes.
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
	} DATA;
	PVOID MiniportReserved[2];
	PVOID SourceReserved[2];
	struct ndis_oid_private Ndis;
};

#define NDIS_OID_REQUEST_REVISION_1	1
/* Through NDIS's own part: NDIS keeps a request queued in it. */
#define NDIS_SIZEOF_OID_REQUEST_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_OID_REQUEST, Ndis)

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

NDIS_STATUS NdisOidRequest(NDIS_HANDLE NdisBindingHandle, PNDIS_OID_REQUEST OidRequest);
void NdisCancelOidRequest(NDIS_HANDLE NdisBindingHandle, PVOID RequestId);
void NdisMOidRequestComplete(NDIS_HANDLE MiniportAdapterHandle, PNDIS_OID_REQUEST OidRequest,
			     NDIS_STATUS Status);
NDIS_STATUS ndis_oid_query_reply(PNDIS_OID_REQUEST OidRequest, const void *Value, UINT Size);
NDIS_STATUS ndis_oid_query_reply_counter(PNDIS_OID_REQUEST OidRequest, ULONG64 Value);

#endif /* _NDIS_OID_H */
