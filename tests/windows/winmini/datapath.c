// SPDX-License-Identifier: GPL-2.0
/*
 * winmini's data path. A send walks each NET_BUFFER's MDL chain and
 * copies the frame into a receive control block of every other adapter
 * on the hub that wants it; each adapter's timer then indicates what it
 * has queued, as NBLs over an MDL that describes the block's data.
 */
#include "winmini.h"

/* Copy an NB's frame out of its MDL chain; 0 if it does not fit. */
static ULONG WmCopyNetBuffer(PNET_BUFFER NetBuffer, PUCHAR Destination, ULONG Capacity)
{
	ULONG Remaining = NET_BUFFER_DATA_LENGTH(NetBuffer);
	ULONG Offset = NET_BUFFER_CURRENT_MDL_OFFSET(NetBuffer);
	PMDL Mdl = NET_BUFFER_CURRENT_MDL(NetBuffer);
	ULONG Copied = 0;

	if (Remaining > Capacity)
		return 0;
	while (Mdl && Remaining) {
		PUCHAR Va;
		UINT Length;
		ULONG Chunk;

		NdisQueryMdl(Mdl, &Va, &Length, NormalPagePriority);
		if (!Va)
			return 0;
		Chunk = Length - Offset < Remaining ? Length - Offset : Remaining;
		NdisMoveMemory(Destination + Copied, Va + Offset, Chunk);
		Copied += Chunk;
		Remaining -= Chunk;
		Offset = 0;
		NdisGetNextMdl(Mdl, &Mdl);
	}
	return Remaining ? 0 : Copied;
}

/* Whether @Adapter's packet filter takes a frame for @Destination. Lock held. */
static BOOLEAN WmFilterAccepts(PWM_ADAPTER Adapter, const UCHAR *Destination)
{
	ULONG Filter = Adapter->PacketFilter;
	UINT NotEqual;
	ULONG i;

	if (Filter & NDIS_PACKET_TYPE_PROMISCUOUS)
		return TRUE;
	if (ETH_IS_BROADCAST(Destination))
		return !!(Filter & NDIS_PACKET_TYPE_BROADCAST);
	if (ETH_IS_MULTICAST(Destination)) {
		if (Filter & NDIS_PACKET_TYPE_ALL_MULTICAST)
			return TRUE;
		if (!(Filter & NDIS_PACKET_TYPE_MULTICAST))
			return FALSE;
		for (i = 0; i < Adapter->McastCount; i++) {
			ETH_COMPARE_NETWORK_ADDRESSES_EQ(Adapter->McastList[i], Destination,
							 &NotEqual);
			if (!NotEqual)
				return TRUE;
		}
		return FALSE;
	}
	ETH_COMPARE_NETWORK_ADDRESSES_EQ(Adapter->CurrentAddress, Destination, &NotEqual);
	return !NotEqual && (Filter & NDIS_PACKET_TYPE_DIRECTED);
}

/* Queue a copy of @Frame on @Receiver and arm its timer. */
static void WmDeliver(PWM_ADAPTER Receiver, const UCHAR *Frame, ULONG Length)
{
	LARGE_INTEGER DueTime;
	PWM_RCB Rcb;
	BOOLEAN Queued = FALSE;

	NdisDprAcquireSpinLock(&Receiver->Lock);
	if (!Receiver->Running || !WmFilterAccepts(Receiver, Frame) ||
	    Receiver->RecvQueued >= WM_MAX_QUEUED_RECV) {
		if (Receiver->Running && Receiver->RecvQueued >= WM_MAX_QUEUED_RECV)
			Receiver->RcvNoBuffer++;
		NdisDprReleaseSpinLock(&Receiver->Lock);
		return;
	}
	NdisDprReleaseSpinLock(&Receiver->Lock);

	Rcb = NdisAllocateFromNPagedLookasideList(&Receiver->RcbLookaside);
	if (!Rcb) {
		NdisDprAcquireSpinLock(&Receiver->Lock);
		Receiver->RcvNoBuffer++;
		NdisDprReleaseSpinLock(&Receiver->Lock);
		return;
	}
	NdisMoveMemory(Rcb->Data, Frame, Length);
	Rcb->Length = Length;
	Rcb->Mdl = NULL;

	NdisDprAcquireSpinLock(&Receiver->Lock);
	if (Receiver->Running) {
		InsertTailList(&Receiver->RecvQueue, &Rcb->Link);
		Receiver->RecvQueued++;
		Queued = TRUE;
	}
	NdisDprReleaseSpinLock(&Receiver->Lock);
	if (!Queued) {
		NdisFreeToNPagedLookasideList(&Receiver->RcbLookaside, Rcb);
		return;
	}
	/* Relative times are negative, in 100 ns units. */
	DueTime.QuadPart = -(LONGLONG)Receiver->RecvDelayMs * 10000;
	NdisSetTimerObject(Receiver->RecvTimer, DueTime, 0, NULL);
}

void WmSendNetBufferLists(NDIS_HANDLE MiniportAdapterContext, PNET_BUFFER_LIST NetBufferLists,
			  NDIS_PORT_NUMBER PortNumber, ULONG SendFlags)
{
	PWM_ADAPTER Adapter = MiniportAdapterContext;
	BOOLEAN AtDispatch = NDIS_TEST_SEND_AT_DISPATCH_LEVEL(SendFlags);
	PNET_BUFFER_LIST Nbl;
	LOCK_STATE_EX LockState;
	PLIST_ENTRY Entry;
	NDIS_STATUS Status;
	UCHAR Frame[WM_MAX_FRAME];
	KIRQL OldIrql = PASSIVE_LEVEL;

	NdisAcquireSpinLock(&Adapter->Lock);
	Status = Adapter->Running ? NDIS_STATUS_SUCCESS : NDIS_STATUS_PAUSED;
	NdisReleaseSpinLock(&Adapter->Lock);

	if (!AtDispatch)
		NDIS_RAISE_IRQL_TO_DISPATCH(&OldIrql);
	NdisAcquireRWLockRead(WmHubLock, &LockState, NDIS_RWL_AT_DISPATCH_LEVEL);
	for (Nbl = NetBufferLists; Nbl; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl)) {
		PNET_BUFFER Nb;

		NET_BUFFER_LIST_STATUS(Nbl) = Status;
		if (Status != NDIS_STATUS_SUCCESS)
			continue;
		for (Nb = NET_BUFFER_LIST_FIRST_NB(Nbl); Nb; Nb = NET_BUFFER_NEXT_NB(Nb)) {
			ULONG Length = WmCopyNetBuffer(Nb, Frame, sizeof(Frame));

			NdisDprAcquireSpinLock(&Adapter->Lock);
			if (Length < WM_MIN_FRAME) {
				Adapter->XmitDiscards++;
				NdisDprReleaseSpinLock(&Adapter->Lock);
				continue;
			}
			Adapter->FramesXmitOk++;
			Adapter->BytesXmit += Length;
			NdisDprReleaseSpinLock(&Adapter->Lock);

			for (Entry = WmHub.Flink; Entry != &WmHub; Entry = Entry->Flink) {
				PWM_ADAPTER Receiver;

				Receiver = CONTAINING_RECORD(Entry, WM_ADAPTER, HubLink);
				if (Receiver != Adapter)
					WmDeliver(Receiver, Frame, Length);
			}
		}
	}
	NdisReleaseRWLock(WmHubLock, &LockState);
	NdisMSendNetBufferListsComplete(Adapter->AdapterHandle, NetBufferLists,
					NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL);
	if (!AtDispatch)
		NDIS_LOWER_IRQL(OldIrql, DISPATCH_LEVEL);
}

void WmCancelSend(NDIS_HANDLE MiniportAdapterContext, PVOID CancelId)
{
	/* Sends complete at once: there is never one to cancel. */
}

static void WmFreeRcb(PWM_ADAPTER Adapter, PWM_RCB Rcb)
{
	if (Rcb->Mdl)
		NdisFreeMdl(Rcb->Mdl);
	NdisFreeToNPagedLookasideList(&Adapter->RcbLookaside, Rcb);
}

void WmRecvTimer(PVOID SystemSpecific1, PVOID FunctionContext, PVOID SystemSpecific2,
		 PVOID SystemSpecific3)
{
	PWM_ADAPTER Adapter = FunctionContext;
	PNET_BUFFER_LIST First = NULL, *Tail = &First;
	ULONG Count = 0;

	while (Count < WM_RECV_BATCH) {
		PNET_BUFFER_LIST Nbl;
		PLIST_ENTRY Entry;
		PWM_RCB Rcb;

		NdisDprAcquireSpinLock(&Adapter->Lock);
		if (!Adapter->Running || IsListEmpty(&Adapter->RecvQueue)) {
			NdisDprReleaseSpinLock(&Adapter->Lock);
			break;
		}
		Entry = RemoveHeadList(&Adapter->RecvQueue);
		Adapter->RecvQueued--;
		NdisDprReleaseSpinLock(&Adapter->Lock);

		Rcb = CONTAINING_RECORD(Entry, WM_RCB, Link);
		Rcb->Mdl = NdisAllocateMdl(Adapter->AdapterHandle, Rcb->Data, Rcb->Length);
		Nbl = Rcb->Mdl ? NdisAllocateNetBufferAndNetBufferList(Adapter->NblPool, 0, 0,
								       Rcb->Mdl, 0, Rcb->Length)
			       : NULL;
		if (!Nbl) {
			WmFreeRcb(Adapter, Rcb);
			NdisDprAcquireSpinLock(&Adapter->Lock);
			Adapter->RcvNoBuffer++;
			NdisDprReleaseSpinLock(&Adapter->Lock);
			continue;
		}
		Nbl->MiniportReserved[0] = Rcb;
		Nbl->SourceHandle = Adapter->AdapterHandle;
		*Tail = Nbl;
		Tail = &NET_BUFFER_LIST_NEXT_NBL(Nbl);
		Count++;

		NdisDprAcquireSpinLock(&Adapter->Lock);
		Adapter->RecvOutstanding++;
		Adapter->FramesRcvOk++;
		Adapter->BytesRcv += Rcb->Length;
		NdisDprReleaseSpinLock(&Adapter->Lock);
	}
	if (First)
		NdisMIndicateReceiveNetBufferLists(Adapter->AdapterHandle, First,
						   NDIS_DEFAULT_PORT_NUMBER, Count,
						   NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL);

	/* More than one batch queued: come back for the rest. */
	NdisDprAcquireSpinLock(&Adapter->Lock);
	if (Adapter->Running && !IsListEmpty(&Adapter->RecvQueue)) {
		LARGE_INTEGER DueTime;

		DueTime.QuadPart = -1;
		NdisSetTimerObject(Adapter->RecvTimer, DueTime, 0, NULL);
	}
	NdisDprReleaseSpinLock(&Adapter->Lock);
}

void WmReturnNetBufferLists(NDIS_HANDLE MiniportAdapterContext, PNET_BUFFER_LIST NetBufferLists,
			    ULONG ReturnFlags)
{
	PWM_ADAPTER Adapter = MiniportAdapterContext;
	PNET_BUFFER_LIST Nbl, Next;
	BOOLEAN CompletePause = FALSE;
	ULONG Returned = 0;

	for (Nbl = NetBufferLists; Nbl; Nbl = Next) {
		PWM_RCB Rcb = Nbl->MiniportReserved[0];

		Next = NET_BUFFER_LIST_NEXT_NBL(Nbl);
		NET_BUFFER_LIST_NEXT_NBL(Nbl) = NULL;
		NdisFreeNetBufferList(Nbl);
		WmFreeRcb(Adapter, Rcb);
		Returned++;
	}

	NdisAcquireSpinLock(&Adapter->Lock);
	Adapter->RecvOutstanding -= Returned;
	if (Adapter->PausePending && !Adapter->RecvOutstanding) {
		Adapter->PausePending = FALSE;
		CompletePause = TRUE;
	}
	NdisReleaseSpinLock(&Adapter->Lock);
	if (CompletePause)
		NdisMPauseComplete(Adapter->AdapterHandle);
}

void WmFlushRecvQueue(PWM_ADAPTER Adapter)
{
	LIST_ENTRY Flushed;

	NdisInitializeListHead(&Flushed);
	NdisAcquireSpinLock(&Adapter->Lock);
	while (!IsListEmpty(&Adapter->RecvQueue))
		InsertTailList(&Flushed, RemoveHeadList(&Adapter->RecvQueue));
	Adapter->RecvQueued = 0;
	NdisReleaseSpinLock(&Adapter->Lock);

	while (!IsListEmpty(&Flushed))
		WmFreeRcb(Adapter, CONTAINING_RECORD(RemoveHeadList(&Flushed), WM_RCB, Link));
}
