// SPDX-License-Identifier: GPL-2.0
/*
 * winprot's frames. The device does direct I/O, as ndisprot's does: a
 * write is sent over the IRP's own MDL, and a read is completed into the
 * buffer its MDL describes. Received frames wait in a queue for reads,
 * which pend (cancellably) while the queue is empty.
 */
#include "winprot.h"

static DRIVER_CANCEL WpCancelRead;

static void WpCompleteRead(PIRP Irp, PWP_RECV_FRAME Frame)
{
	PIO_STACK_LOCATION IrpSp = IoGetCurrentIrpStackLocation(Irp);
	ULONG Room = IrpSp->Parameters.Read.Length;
	ULONG Length = Frame->Length < Room ? Frame->Length : Room;

	NdisMoveMemory(MmGetSystemAddressForMdlSafe(Irp->MdlAddress,
						    NormalPagePriority | MdlMappingNoExecute),
		       Frame->Data, Length);
	Irp->IoStatus.Status = Length < Frame->Length ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
	Irp->IoStatus.Information = Length;
	IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

static void WpFreeFrame(PWP_RECV_FRAME Frame)
{
	NdisFreeMemory(Frame, sizeof(*Frame), 0);
}

/* A pended read whose cancel routine we took back, or NULL. Lock held. */
static PIRP WpDequeueRead(PWP_OPEN_CONTEXT Open, PFILE_OBJECT FileObject)
{
	PLIST_ENTRY Entry = Open->PendedReads.Flink;

	while (Entry != &Open->PendedReads) {
		PIRP Irp = CONTAINING_RECORD(Entry, IRP, Tail.Overlay.ListEntry);
		PIO_STACK_LOCATION IrpSp = IoGetCurrentIrpStackLocation(Irp);

		Entry = Entry->Flink;
		if (FileObject && IrpSp->FileObject != FileObject)
			continue;
		RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
		/* Its links point at itself, for a cancel routine already on its way. */
		NdisInitializeListHead(&Irp->Tail.Overlay.ListEntry);
		if (IoSetCancelRoutine(Irp, NULL))
			return Irp;
	}
	return NULL;
}

_Requires_lock_held_(_Global_cancel_spin_lock_)
_Releases_lock_(_Global_cancel_spin_lock_)
static void WpCancelRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
	PWP_OPEN_CONTEXT Open = Irp->Tail.Overlay.DriverContext[0];

	IoReleaseCancelSpinLock(Irp->CancelIrql);
	NdisAcquireSpinLock(&Open->Lock);
	RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
	NdisReleaseSpinLock(&Open->Lock);
	Irp->IoStatus.Status = STATUS_CANCELLED;
	Irp->IoStatus.Information = 0;
	IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

void WpCancelPendedReads(PWP_OPEN_CONTEXT Open, PFILE_OBJECT FileObject)
{
	PIRP Irp;

	for (;;) {
		NdisAcquireSpinLock(&Open->Lock);
		Irp = WpDequeueRead(Open, FileObject);
		NdisReleaseSpinLock(&Open->Lock);
		if (!Irp)
			return;
		Irp->IoStatus.Status = STATUS_CANCELLED;
		Irp->IoStatus.Information = 0;
		IoCompleteRequest(Irp, IO_NO_INCREMENT);
	}
}

void WpFlushRecvQueue(PWP_OPEN_CONTEXT Open)
{
	PLIST_ENTRY Entry;

	for (;;) {
		NdisAcquireSpinLock(&Open->Lock);
		Entry = IsListEmpty(&Open->RecvQueue) ? NULL : RemoveHeadList(&Open->RecvQueue);
		if (Entry)
			Open->RecvQueued--;
		NdisReleaseSpinLock(&Open->Lock);
		if (!Entry)
			return;
		WpFreeFrame(CONTAINING_RECORD(Entry, WP_RECV_FRAME, Link));
	}
}

NTSTATUS WpRead(PWP_OPEN_CONTEXT Open, PIRP Irp)
{
	PWP_RECV_FRAME Frame = NULL;
	NTSTATUS Status = STATUS_PENDING;

	if (!Irp->MdlAddress) {		/* a read of no bytes */
		Irp->IoStatus.Status = STATUS_INVALID_PARAMETER;
		Irp->IoStatus.Information = 0;
		IoCompleteRequest(Irp, IO_NO_INCREMENT);
		return STATUS_INVALID_PARAMETER;
	}
	NdisAcquireSpinLock(&Open->Lock);
	if (Open->Unbinding) {
		Status = STATUS_DEVICE_REMOVED;
	} else if (!IsListEmpty(&Open->RecvQueue)) {
		Frame = CONTAINING_RECORD(RemoveHeadList(&Open->RecvQueue), WP_RECV_FRAME, Link);
		Open->RecvQueued--;
	} else {
		Irp->Tail.Overlay.DriverContext[0] = Open;
		IoSetCancelRoutine(Irp, WpCancelRead);
		if (Irp->Cancel && IoSetCancelRoutine(Irp, NULL)) {
			/* Cancelled before we could pend it, and no routine will run. */
			Status = STATUS_CANCELLED;
		} else {
			/* Pended; a cancel routine already running finds it listed. */
			IoMarkIrpPending(Irp);
			InsertTailList(&Open->PendedReads, &Irp->Tail.Overlay.ListEntry);
		}
	}
	NdisReleaseSpinLock(&Open->Lock);

	if (Frame) {
		WpCompleteRead(Irp, Frame);
		WpFreeFrame(Frame);
		return STATUS_SUCCESS;
	}
	if (Status != STATUS_PENDING) {
		Irp->IoStatus.Status = Status;
		Irp->IoStatus.Information = 0;
		IoCompleteRequest(Irp, IO_NO_INCREMENT);
	}
	return Status;
}

void WpReceiveNetBufferLists(NDIS_HANDLE ProtocolBindingContext, PNET_BUFFER_LIST NetBufferLists,
			     NDIS_PORT_NUMBER PortNumber, ULONG NumberOfNetBufferLists,
			     ULONG ReceiveFlags)
{
	PWP_OPEN_CONTEXT Open = ProtocolBindingContext;
	PNET_BUFFER_LIST Nbl;

	for (Nbl = NetBufferLists; Nbl; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl)) {
		PNET_BUFFER Nb;

		for (Nb = NET_BUFFER_LIST_FIRST_NB(Nbl); Nb; Nb = NET_BUFFER_NEXT_NB(Nb)) {
			ULONG Length = NET_BUFFER_DATA_LENGTH(Nb);
			PWP_RECV_FRAME Frame, Dropped = NULL;
			PVOID Data;
			PIRP Irp;

			if (Length < WP_MIN_FRAME || Length > WP_MAX_FRAME)
				continue;
			Frame = NdisAllocateMemoryWithTagPriority(WpGlobals.ProtocolHandle,
								  sizeof(*Frame), WP_TAG,
								  NormalPoolPriority);
			if (!Frame)
				continue;
			/* In place if contiguous, else gathered into the frame. */
			Data = NdisGetDataBuffer(Nb, Length, Frame->Data, 1, 0);
			if (!Data) {
				WpFreeFrame(Frame);
				continue;
			}
			if (Data != Frame->Data)
				NdisMoveMemory(Frame->Data, Data, Length);
			Frame->Length = Length;

			NdisAcquireSpinLock(&Open->Lock);
			if (!Open->Running || !Open->FileAttached) {
				NdisReleaseSpinLock(&Open->Lock);
				WpFreeFrame(Frame);
				continue;
			}
			Irp = WpDequeueRead(Open, NULL);
			if (!Irp) {
				InsertTailList(&Open->RecvQueue, &Frame->Link);
				if (++Open->RecvQueued > WP_MAX_RECV_QUEUE) {
					PLIST_ENTRY Oldest = RemoveHeadList(&Open->RecvQueue);

					Dropped = CONTAINING_RECORD(Oldest, WP_RECV_FRAME, Link);
					Open->RecvQueued--;
				}
			}
			NdisReleaseSpinLock(&Open->Lock);

			if (Irp) {
				WpCompleteRead(Irp, Frame);
				WpFreeFrame(Frame);
			}
			if (Dropped)
				WpFreeFrame(Dropped);
		}
	}

	/* Everything was copied: give the NBLs back at once, unless they are NDIS's to keep. */
	if (!NDIS_TEST_RECEIVE_CANNOT_PEND(ReceiveFlags))
		NdisReturnNetBufferLists(Open->BindingHandle, NetBufferLists,
					 NDIS_TEST_RECEIVE_AT_DISPATCH_LEVEL(ReceiveFlags) ?
					 NDIS_RETURN_FLAGS_DISPATCH_LEVEL : 0);
}

NTSTATUS WpWrite(PWP_OPEN_CONTEXT Open, PIRP Irp)
{
	PIO_STACK_LOCATION IrpSp = IoGetCurrentIrpStackLocation(Irp);
	ULONG Length = IrpSp->Parameters.Write.Length;
	PNET_BUFFER_LIST Nbl;
	NTSTATUS Status;

	if (Length < WP_MIN_FRAME || Length > WP_MAX_FRAME || !Irp->MdlAddress) {
		Status = STATUS_INVALID_BUFFER_SIZE;
		goto complete;
	}

	/* The IRP's MDL lives until the IRP completes: send from it. */
	Nbl = NdisAllocateNetBufferAndNetBufferList(Open->SendPool, 0, 0, Irp->MdlAddress, 0,
						    Length);
	if (!Nbl) {
		Status = STATUS_INSUFFICIENT_RESOURCES;
		goto complete;
	}
	Nbl->ProtocolReserved[0] = Irp;
	Nbl->SourceHandle = Open->BindingHandle;

	NdisAcquireSpinLock(&Open->Lock);
	if (!Open->Running) {
		NdisReleaseSpinLock(&Open->Lock);
		NdisFreeNetBufferList(Nbl);
		Status = Open->Unbinding ? STATUS_DEVICE_REMOVED : STATUS_DEVICE_NOT_READY;
		goto complete;
	}
	Open->PendingSends++;
	NdisResetEvent(&Open->Quiet);
	NdisReleaseSpinLock(&Open->Lock);

	IoMarkIrpPending(Irp);
	NdisSendNetBufferLists(Open->BindingHandle, Nbl, NDIS_DEFAULT_PORT_NUMBER, 0);
	return STATUS_PENDING;

complete:
	Irp->IoStatus.Status = Status;
	Irp->IoStatus.Information = 0;
	IoCompleteRequest(Irp, IO_NO_INCREMENT);
	return Status;
}

void WpSendComplete(NDIS_HANDLE ProtocolBindingContext, PNET_BUFFER_LIST NetBufferList,
		    ULONG SendCompleteFlags)
{
	PWP_OPEN_CONTEXT Open = ProtocolBindingContext;
	PNET_BUFFER_LIST Nbl, Next;
	ULONG Completed = 0;

	for (Nbl = NetBufferList; Nbl; Nbl = Next) {
		PIRP Irp = Nbl->ProtocolReserved[0];
		PNET_BUFFER Nb = NET_BUFFER_LIST_FIRST_NB(Nbl);
		ULONG Length = NET_BUFFER_DATA_LENGTH(Nb);
		NDIS_STATUS Status = NET_BUFFER_LIST_STATUS(Nbl);

		Next = NET_BUFFER_LIST_NEXT_NBL(Nbl);
		NET_BUFFER_LIST_NEXT_NBL(Nbl) = NULL;
		NdisFreeNetBufferList(Nbl);

		Irp->IoStatus.Status = Status == NDIS_STATUS_SUCCESS ? STATUS_SUCCESS :
				       Status == NDIS_STATUS_PAUSED ? STATUS_DEVICE_NOT_READY :
				       STATUS_UNSUCCESSFUL;
		Irp->IoStatus.Information = Status == NDIS_STATUS_SUCCESS ? Length : 0;
		IoCompleteRequest(Irp, IO_NO_INCREMENT);
		Completed++;
	}

	NdisAcquireSpinLock(&Open->Lock);
	Open->PendingSends -= Completed;
	WpCheckQuiet(Open);
	NdisReleaseSpinLock(&Open->Lock);
}
