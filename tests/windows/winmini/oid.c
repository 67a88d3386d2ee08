// SPDX-License-Identifier: GPL-2.0
/*
 * winmini's OID requests: everything completes synchronously.
 */
#include "winmini.h"

static const char WmVendorDescription[] = "winmini virtual Ethernet";

static NDIS_STATUS WmQuery(PWM_ADAPTER Adapter, PNDIS_OID_REQUEST Request)
{
	struct _QUERY *Query = &Request->DATA.QUERY_INFORMATION;
	const void *Source;
	ULONG SourceLength = sizeof(ULONG);
	ULONG Ulong = 0;
	ULONG64 Ulong64 = 0;
	UCHAR Address[ETH_LENGTH_OF_ADDRESS];

	Source = &Ulong;
	switch (Query->Oid) {
	case OID_GEN_HARDWARE_STATUS:
		Ulong = NdisHardwareStatusReady;
		break;
	case OID_GEN_MEDIA_SUPPORTED:
	case OID_GEN_MEDIA_IN_USE:
		Ulong = NdisMedium802_3;
		break;
	case OID_GEN_MAXIMUM_LOOKAHEAD:
	case OID_GEN_MAXIMUM_FRAME_SIZE:
		Ulong = WM_MTU;
		break;
	case OID_GEN_MAXIMUM_TOTAL_SIZE:
	case OID_GEN_TRANSMIT_BLOCK_SIZE:
	case OID_GEN_RECEIVE_BLOCK_SIZE:
		Ulong = WM_MAX_FRAME;
		break;
	case OID_GEN_VENDOR_ID:
		Ulong = WM_VENDOR_ID;
		break;
	case OID_GEN_VENDOR_DESCRIPTION:
		Source = WmVendorDescription;
		SourceLength = sizeof(WmVendorDescription);
		break;
	case OID_GEN_VENDOR_DRIVER_VERSION:
		Ulong = 0x00010000;
		break;
	case OID_GEN_CURRENT_PACKET_FILTER:
		Ulong = Adapter->PacketFilter;
		break;
	case OID_GEN_CURRENT_LOOKAHEAD:
		Ulong = Adapter->LookAhead;
		break;
	case OID_GEN_XMIT_OK:
	case OID_GEN_RCV_OK:
	case OID_GEN_RCV_NO_BUFFER:
	case OID_GEN_BYTES_XMIT:
	case OID_GEN_BYTES_RCV:
		NdisAcquireSpinLock(&Adapter->Lock);
		Ulong64 = Query->Oid == OID_GEN_XMIT_OK ? Adapter->FramesXmitOk :
			  Query->Oid == OID_GEN_RCV_OK ? Adapter->FramesRcvOk :
			  Query->Oid == OID_GEN_RCV_NO_BUFFER ? Adapter->RcvNoBuffer :
			  Query->Oid == OID_GEN_BYTES_XMIT ? Adapter->BytesXmit :
			  Adapter->BytesRcv;
		NdisReleaseSpinLock(&Adapter->Lock);
		Source = &Ulong64;
		SourceLength = sizeof(Ulong64);
		/* A ULONG-sized buffer gets the low half, as on Windows. */
		if (Query->InformationBufferLength == sizeof(ULONG) && Ulong64 <= MAXULONG) {
			Ulong = (ULONG)Ulong64;
			Source = &Ulong;
			SourceLength = sizeof(ULONG);
		}
		break;
	case OID_802_3_PERMANENT_ADDRESS:
	case OID_802_3_CURRENT_ADDRESS:
		NdisAcquireSpinLock(&Adapter->Lock);
		ETH_COPY_NETWORK_ADDRESS(Address, Query->Oid == OID_802_3_PERMANENT_ADDRESS ?
					 Adapter->PermanentAddress : Adapter->CurrentAddress);
		NdisReleaseSpinLock(&Adapter->Lock);
		Source = Address;
		SourceLength = sizeof(Address);
		break;
	case OID_802_3_MAXIMUM_LIST_SIZE:
		Ulong = WM_MAX_MCAST;
		break;
	case OID_802_3_MULTICAST_LIST:
		NdisAcquireSpinLock(&Adapter->Lock);
		SourceLength = Adapter->McastCount * ETH_LENGTH_OF_ADDRESS;
		if (Query->InformationBufferLength >= SourceLength)
			NdisMoveMemory(Query->InformationBuffer, Adapter->McastList, SourceLength);
		NdisReleaseSpinLock(&Adapter->Lock);
		if (Query->InformationBufferLength < SourceLength) {
			Query->BytesNeeded = SourceLength;
			return NDIS_STATUS_BUFFER_TOO_SHORT;
		}
		Query->BytesWritten = SourceLength;
		return NDIS_STATUS_SUCCESS;
	default:
		return NDIS_STATUS_NOT_SUPPORTED;
	}

	if (Query->InformationBufferLength < SourceLength) {
		Query->BytesNeeded = SourceLength;
		return NDIS_STATUS_BUFFER_TOO_SHORT;
	}
	NdisMoveMemory(Query->InformationBuffer, Source, SourceLength);
	Query->BytesWritten = SourceLength;
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS WmSet(PWM_ADAPTER Adapter, PNDIS_OID_REQUEST Request)
{
	struct _SET *Set = &Request->DATA.SET_INFORMATION;
	ULONG Ulong;

	switch (Set->Oid) {
	case OID_GEN_CURRENT_PACKET_FILTER:
	case OID_GEN_CURRENT_LOOKAHEAD:
		if (Set->InformationBufferLength != sizeof(ULONG)) {
			Set->BytesNeeded = sizeof(ULONG);
			return NDIS_STATUS_INVALID_LENGTH;
		}
		NdisMoveMemory(&Ulong, Set->InformationBuffer, sizeof(ULONG));
		if (Set->Oid == OID_GEN_CURRENT_PACKET_FILTER) {
			if (Ulong & ~WM_PACKET_FILTERS)
				return NDIS_STATUS_NOT_SUPPORTED;
			NdisAcquireSpinLock(&Adapter->Lock);
			Adapter->PacketFilter = Ulong;
			NdisReleaseSpinLock(&Adapter->Lock);
		} else {
			if (Ulong > WM_MTU)
				return NDIS_STATUS_INVALID_DATA;
			Adapter->LookAhead = Ulong;
		}
		Set->BytesRead = sizeof(ULONG);
		return NDIS_STATUS_SUCCESS;
	case OID_802_3_MULTICAST_LIST:
		if (Set->InformationBufferLength % ETH_LENGTH_OF_ADDRESS)
			return NDIS_STATUS_INVALID_LENGTH;
		if (Set->InformationBufferLength > sizeof(Adapter->McastList))
			return NDIS_STATUS_MULTICAST_FULL;
		NdisAcquireSpinLock(&Adapter->Lock);
		NdisMoveMemory(Adapter->McastList, Set->InformationBuffer,
			       Set->InformationBufferLength);
		Adapter->McastCount = Set->InformationBufferLength / ETH_LENGTH_OF_ADDRESS;
		NdisReleaseSpinLock(&Adapter->Lock);
		Set->BytesRead = Set->InformationBufferLength;
		return NDIS_STATUS_SUCCESS;
	default:
		return NDIS_STATUS_NOT_SUPPORTED;
	}
}

NDIS_STATUS WmOidRequest(NDIS_HANDLE MiniportAdapterContext, PNDIS_OID_REQUEST OidRequest)
{
	PWM_ADAPTER Adapter = MiniportAdapterContext;

	switch (OidRequest->RequestType) {
	case NdisRequestQueryInformation:
	case NdisRequestQueryStatistics:
		return WmQuery(Adapter, OidRequest);
	case NdisRequestSetInformation:
		return WmSet(Adapter, OidRequest);
	default:
		return NDIS_STATUS_NOT_SUPPORTED;
	}
}

void WmCancelOidRequest(NDIS_HANDLE MiniportAdapterContext, PVOID RequestId)
{
	/* Requests complete before the handler returns: nothing to cancel. */
}
