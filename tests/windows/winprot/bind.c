// SPDX-License-Identifier: GPL-2.0
/*
 * winprot: binding to adapters and letting go of them.
 */
#include "winprot.h"

static NDIS_MEDIUM WpMediumArray[] = { NdisMedium802_3 };

void WpReferenceOpen(PWP_OPEN_CONTEXT Open)
{
	NdisInterlockedIncrement(&Open->RefCount);
}

static void WpFreeOpen(PWP_OPEN_CONTEXT Open)
{
	if (Open->SendPool)
		NdisFreeNetBufferListPool(Open->SendPool);
	if (Open->AdapterName.Buffer)
		NdisFreeMemory(Open->AdapterName.Buffer, Open->AdapterName.MaximumLength, 0);
	NdisFreeSpinLock(&Open->Lock);
	NdisFreeMemory(Open, sizeof(*Open), 0);
}

void WpDereferenceOpen(PWP_OPEN_CONTEXT Open)
{
	if (!NdisInterlockedDecrement(&Open->RefCount))
		WpFreeOpen(Open);
}

/* Set Quiet once nothing is in flight; called with Open->Lock held. */
void WpCheckQuiet(PWP_OPEN_CONTEXT Open)
{
	if (!Open->PendingSends && !Open->PendingOids)
		NdisSetEvent(&Open->Quiet);
}

/* Wait, at PASSIVE_LEVEL, until no send or OID request is outstanding. */
static void WpWaitQuiet(PWP_OPEN_CONTEXT Open)
{
	for (;;) {
		NdisAcquireSpinLock(&Open->Lock);
		if (!Open->PendingSends && !Open->PendingOids) {
			NdisReleaseSpinLock(&Open->Lock);
			return;
		}
		NdisResetEvent(&Open->Quiet);
		NdisReleaseSpinLock(&Open->Lock);
		NdisWaitEvent(&Open->Quiet, 0);
	}
}

PWP_OPEN_CONTEXT WpLookupOpen(PCUNICODE_STRING AdapterName)
{
	PWP_OPEN_CONTEXT Found = NULL;
	PLIST_ENTRY Entry;

	NDIS_WAIT_FOR_MUTEX(&WpGlobals.Lock);
	for (Entry = WpGlobals.OpenList.Flink; Entry != &WpGlobals.OpenList;
	     Entry = Entry->Flink) {
		PWP_OPEN_CONTEXT Open = CONTAINING_RECORD(Entry, WP_OPEN_CONTEXT, Link);

		if (NdisEqualString(&Open->AdapterName, AdapterName, TRUE)) {
			WpReferenceOpen(Open);
			Found = Open;
			break;
		}
	}
	NDIS_RELEASE_MUTEX(&WpGlobals.Lock);
	return Found;
}

NDIS_STATUS WpBindAdapter(NDIS_HANDLE ProtocolDriverContext, NDIS_HANDLE BindContext,
			  PNDIS_BIND_PARAMETERS BindParameters)
{
	NET_BUFFER_LIST_POOL_PARAMETERS PoolParameters;
	NDIS_OPEN_PARAMETERS OpenParameters;
	PWP_OPEN_CONTEXT Open;
	UINT SelectedMediumIndex;
	NDIS_STATUS Status;

	if (BindParameters->MediaType != NdisMedium802_3)
		return NDIS_STATUS_UNSUPPORTED_MEDIA;

	Open = NdisAllocateMemoryWithTagPriority(WpGlobals.ProtocolHandle, sizeof(*Open), WP_TAG,
						 NormalPoolPriority);
	if (!Open)
		return NDIS_STATUS_RESOURCES;
	NdisZeroMemory(Open, sizeof(*Open));
	Open->RefCount = 1;		/* the binding's */
	NdisAllocateSpinLock(&Open->Lock);
	NdisInitializeListHead(&Open->PendedReads);
	NdisInitializeListHead(&Open->RecvQueue);
	NdisInitializeEvent(&Open->Quiet);
	NdisInitializeEvent(&Open->BindEvent);
	ETH_COPY_NETWORK_ADDRESS(Open->CurrentAddress, BindParameters->CurrentMacAddress);

	/* Keep the adapter's name: the bind parameters go away after the bind. */
	Open->AdapterName.MaximumLength = BindParameters->AdapterName->Length;
	Open->AdapterName.Buffer =
		NdisAllocateMemoryWithTagPriority(WpGlobals.ProtocolHandle,
						  Open->AdapterName.MaximumLength, WP_TAG,
						  NormalPoolPriority);
	if (!Open->AdapterName.Buffer) {
		Status = NDIS_STATUS_RESOURCES;
		goto fail;
	}
	RtlCopyUnicodeString(&Open->AdapterName, BindParameters->AdapterName);

	NdisZeroMemory(&PoolParameters, sizeof(PoolParameters));
	PoolParameters.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
	PoolParameters.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
	PoolParameters.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
	PoolParameters.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
	PoolParameters.fAllocateNetBuffer = TRUE;
	PoolParameters.PoolTag = WP_TAG;
	Open->SendPool = NdisAllocateNetBufferListPool(WpGlobals.ProtocolHandle, &PoolParameters);
	if (!Open->SendPool) {
		Status = NDIS_STATUS_RESOURCES;
		goto fail;
	}

	NdisZeroMemory(&OpenParameters, sizeof(OpenParameters));
	OpenParameters.Header.Type = NDIS_OBJECT_TYPE_OPEN_PARAMETERS;
	OpenParameters.Header.Revision = NDIS_OPEN_PARAMETERS_REVISION_1;
	OpenParameters.Header.Size = NDIS_SIZEOF_OPEN_PARAMETERS_REVISION_1;
	OpenParameters.AdapterName = BindParameters->AdapterName;
	OpenParameters.MediumArray = WpMediumArray;
	OpenParameters.MediumArraySize = ARRAYSIZE(WpMediumArray);
	OpenParameters.SelectedMediumIndex = &SelectedMediumIndex;
	OpenParameters.FrameTypeArray = NULL;
	OpenParameters.FrameTypeArraySize = 0;

	NdisResetEvent(&Open->BindEvent);
	Status = NdisOpenAdapterEx(WpGlobals.ProtocolHandle, Open, &OpenParameters, BindContext,
				   &Open->BindingHandle);
	if (Status == NDIS_STATUS_PENDING) {
		NdisWaitEvent(&Open->BindEvent, 0);
		Status = Open->BindStatus;
	}
	if (Status != NDIS_STATUS_SUCCESS)
		goto fail;

	/* Bound, and paused until NetEventRestart. */
	NDIS_WAIT_FOR_MUTEX(&WpGlobals.Lock);
	InsertTailList(&WpGlobals.OpenList, &Open->Link);
	NDIS_RELEASE_MUTEX(&WpGlobals.Lock);
	return NDIS_STATUS_SUCCESS;

fail:
	WpFreeOpen(Open);
	return Status;
}

void WpOpenAdapterComplete(NDIS_HANDLE ProtocolBindingContext, NDIS_STATUS Status)
{
	PWP_OPEN_CONTEXT Open = ProtocolBindingContext;

	Open->BindStatus = Status;
	NdisSetEvent(&Open->BindEvent);
}

NDIS_STATUS WpUnbindAdapter(NDIS_HANDLE UnbindContext, NDIS_HANDLE ProtocolBindingContext)
{
	PWP_OPEN_CONTEXT Open = ProtocolBindingContext;
	NDIS_STATUS Status;

	NDIS_WAIT_FOR_MUTEX(&WpGlobals.Lock);
	RemoveEntryList(&Open->Link);
	NDIS_RELEASE_MUTEX(&WpGlobals.Lock);

	NdisAcquireSpinLock(&Open->Lock);
	Open->Running = FALSE;
	Open->Unbinding = TRUE;
	NdisReleaseSpinLock(&Open->Lock);

	WpCancelPendedReads(Open, NULL);
	WpFlushRecvQueue(Open);
	WpWaitQuiet(Open);

	NdisResetEvent(&Open->BindEvent);
	Status = NdisCloseAdapterEx(Open->BindingHandle);
	if (Status == NDIS_STATUS_PENDING)
		NdisWaitEvent(&Open->BindEvent, 0);
	Open->BindingHandle = NULL;

	/* A file that chose this binding keeps the context until it closes. */
	WpDereferenceOpen(Open);
	return NDIS_STATUS_SUCCESS;
}

void WpCloseAdapterComplete(NDIS_HANDLE ProtocolBindingContext)
{
	PWP_OPEN_CONTEXT Open = ProtocolBindingContext;

	NdisSetEvent(&Open->BindEvent);
}

NDIS_STATUS WpPnPEventHandler(NDIS_HANDLE ProtocolBindingContext,
			      PNET_PNP_EVENT_NOTIFICATION NetPnPEventNotification)
{
	PWP_OPEN_CONTEXT Open = ProtocolBindingContext;

	switch (NetPnPEventNotification->NetPnPEvent.NetEvent) {
	case NetEventPause:
		NdisAcquireSpinLock(&Open->Lock);
		Open->Running = FALSE;
		NdisReleaseSpinLock(&Open->Lock);
		/* Every send must be back before the pause completes. */
		WpWaitQuiet(Open);
		return NDIS_STATUS_SUCCESS;
	case NetEventRestart:
		NdisAcquireSpinLock(&Open->Lock);
		Open->Running = TRUE;
		NdisReleaseSpinLock(&Open->Lock);
		return NDIS_STATUS_SUCCESS;
	default:
		return NDIS_STATUS_SUCCESS;
	}
}

void WpStatusHandler(NDIS_HANDLE ProtocolBindingContext,
		     PNDIS_STATUS_INDICATION StatusIndication)
{
	/* Link state and the like: winprot's users ask by OID. */
}
