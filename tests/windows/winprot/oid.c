// SPDX-License-Identifier: GPL-2.0
/*
 * winprot: OID requests on behalf of user space, waited for at
 * PASSIVE_LEVEL.
 */
#include "winprot.h"

typedef struct _WP_OID_REQUEST {
	NDIS_OID_REQUEST Request;
	NDIS_EVENT Done;
	NDIS_STATUS Status;
} WP_OID_REQUEST, *PWP_OID_REQUEST;

NDIS_STATUS WpDoOidRequest(PWP_OPEN_CONTEXT Open, NDIS_REQUEST_TYPE RequestType, NDIS_OID Oid,
			   PVOID Buffer, ULONG BufferLength, PULONG BytesProcessed)
{
	PWP_OID_REQUEST OidRequest;
	NDIS_STATUS Status;

	NdisAcquireSpinLock(&Open->Lock);
	if (Open->Unbinding || !Open->BindingHandle) {
		NdisReleaseSpinLock(&Open->Lock);
		return NDIS_STATUS_CLOSING;
	}
	Open->PendingOids++;
	NdisReleaseSpinLock(&Open->Lock);

	OidRequest = NdisAllocateMemoryWithTagPriority(WpGlobals.ProtocolHandle,
						       sizeof(*OidRequest), WP_TAG,
						       NormalPoolPriority);
	if (!OidRequest) {
		Status = NDIS_STATUS_RESOURCES;
		goto out;
	}
	NdisZeroMemory(OidRequest, sizeof(*OidRequest));
	NdisInitializeEvent(&OidRequest->Done);
	OidRequest->Request.Header.Type = NDIS_OBJECT_TYPE_OID_REQUEST;
	OidRequest->Request.Header.Revision = NDIS_OID_REQUEST_REVISION_1;
	OidRequest->Request.Header.Size = NDIS_SIZEOF_OID_REQUEST_REVISION_1;
	OidRequest->Request.RequestType = RequestType;
	if (RequestType == NdisRequestSetInformation) {
		OidRequest->Request.DATA.SET_INFORMATION.Oid = Oid;
		OidRequest->Request.DATA.SET_INFORMATION.InformationBuffer = Buffer;
		OidRequest->Request.DATA.SET_INFORMATION.InformationBufferLength = BufferLength;
	} else {
		OidRequest->Request.DATA.QUERY_INFORMATION.Oid = Oid;
		OidRequest->Request.DATA.QUERY_INFORMATION.InformationBuffer = Buffer;
		OidRequest->Request.DATA.QUERY_INFORMATION.InformationBufferLength = BufferLength;
	}

	Status = NdisOidRequest(Open->BindingHandle, &OidRequest->Request);
	if (Status == NDIS_STATUS_PENDING) {
		NdisWaitEvent(&OidRequest->Done, 0);
		Status = OidRequest->Status;
	}
	if (RequestType == NdisRequestSetInformation)
		*BytesProcessed = Status == NDIS_STATUS_SUCCESS ?
				  OidRequest->Request.DATA.SET_INFORMATION.BytesRead :
				  OidRequest->Request.DATA.SET_INFORMATION.BytesNeeded;
	else
		*BytesProcessed = Status == NDIS_STATUS_SUCCESS ?
				  OidRequest->Request.DATA.QUERY_INFORMATION.BytesWritten :
				  OidRequest->Request.DATA.QUERY_INFORMATION.BytesNeeded;
	NdisFreeMemory(OidRequest, sizeof(*OidRequest), 0);
out:
	NdisAcquireSpinLock(&Open->Lock);
	Open->PendingOids--;
	WpCheckQuiet(Open);
	NdisReleaseSpinLock(&Open->Lock);
	return Status;
}

void WpOidRequestComplete(NDIS_HANDLE ProtocolBindingContext, PNDIS_OID_REQUEST OidRequest,
			  NDIS_STATUS Status)
{
	PWP_OID_REQUEST Request = CONTAINING_RECORD(OidRequest, WP_OID_REQUEST, Request);

	Request->Status = Status;
	NdisSetEvent(&Request->Done);
}
