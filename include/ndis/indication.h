/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Status indications: what a miniport tells every binding (or one) about
 * its adapter, link state above all.
 */
#ifndef _NDIS_INDICATION_H
#define _NDIS_INDICATION_H

#include <ndis/object.h>
#include <ndis/sal.h>
#include <ndis/status.h>

/**
 * struct _NDIS_STATUS_INDICATION - one indication
 * @Header: NDIS_OBJECT_TYPE_STATUS_INDICATION, revision 1
 * @SourceHandle: the MiniportAdapterHandle indicating
 * @PortNumber: 0, the default port
 * @StatusCode: what it is about, e.g. NDIS_STATUS_LINK_STATE
 * @Flags: reserved, 0
 * @DestinationHandle: NULL for every binding, or the NdisBindingHandle of
 *	the one binding it is for
 * @RequestId: the OID request it answers, if any
 * @StatusBuffer: data of the indication, e.g. an NDIS_LINK_STATE
 * @StatusBufferSize: size of @StatusBuffer
 * @NdisReserved: private to NDIS
 */
struct _NDIS_STATUS_INDICATION {
	NDIS_OBJECT_HEADER Header;
	NDIS_HANDLE SourceHandle;
	NDIS_PORT_NUMBER PortNumber;
	NDIS_STATUS StatusCode;
	ULONG Flags;
	NDIS_HANDLE DestinationHandle;
	PVOID RequestId;
	PVOID StatusBuffer;
	ULONG StatusBufferSize;
	PVOID NdisReserved[4];
};

#define NDIS_STATUS_INDICATION_REVISION_1	1
#define NDIS_SIZEOF_STATUS_INDICATION_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_STATUS_INDICATION, NdisReserved)

/**
 * struct _NDIS_LINK_STATE - buffer of NDIS_STATUS_LINK_STATE
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, revision 1
 * @MediaConnectState: up, down or unknown
 * @MediaDuplexState: duplex
 * @XmitLinkSpeed: transmit speed, bit/s
 * @RcvLinkSpeed: receive speed, bit/s
 * @PauseFunctions: flow control, NdisPauseFunctions*
 * @AutoNegotiationFlags: NDIS_LINK_STATE_*_AUTO_NEGOTIATED flags
 */
typedef struct _NDIS_LINK_STATE {
	NDIS_OBJECT_HEADER Header;
	NDIS_MEDIA_CONNECT_STATE MediaConnectState;
	NDIS_MEDIA_DUPLEX_STATE MediaDuplexState;
	ULONG64 XmitLinkSpeed;
	ULONG64 RcvLinkSpeed;
	ULONG PauseFunctions;
	ULONG AutoNegotiationFlags;
} NDIS_LINK_STATE, *PNDIS_LINK_STATE;

#define NDIS_LINK_STATE_REVISION_1	1
#define NDIS_SIZEOF_LINK_STATE_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_LINK_STATE, AutoNegotiationFlags)

/**
 * struct _NDIS_IF_PHYSICAL_ADDRESS - buffer of NDIS_STATUS_CURRENT_MAC_ADDRESS_CHANGE
 * @Length: bytes used in @Address
 * @Address: the link-layer address now in use
 *
 * NDIS_STATUS_L2_MTU_SIZE_CHANGE carries a ULONG: the new MTU, without
 * the link header. NDIS records both in the adapter's attributes before
 * passing the indication on, so later queries answer the new values.
 */
typedef struct _NDIS_IF_PHYSICAL_ADDRESS {
	USHORT Length;
	UCHAR Address[NDIS_MAX_PHYS_ADDRESS_LENGTH];
} NDIS_IF_PHYSICAL_ADDRESS, *PNDIS_IF_PHYSICAL_ADDRESS;

void NdisMIndicateStatusEx(NDIS_HANDLE MiniportAdapterHandle,
			   PNDIS_STATUS_INDICATION StatusIndication);

#endif /* _NDIS_INDICATION_H */
