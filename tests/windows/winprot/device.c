// SPDX-License-Identifier: GPL-2.0
/*
 * winprot's device, made as ndisprot makes its own: IoCreateDevice() of
 * \Device\winprot with direct I/O, the symbolic link \DosDevices\winprot,
 * and the dispatch routines in the driver object. A file's FsContext is
 * the binding it chose, referenced.
 */
#include "winprot.h"

static DRIVER_DISPATCH WpOpen;
static DRIVER_DISPATCH WpClose;
static DRIVER_DISPATCH WpCleanup;
static DRIVER_DISPATCH WpReadDispatch;
static DRIVER_DISPATCH WpWriteDispatch;
static DRIVER_DISPATCH WpIoControl;

static NDIS_STRING WpDeviceName = NDIS_STRING_CONST("\\Device\\" WINPROT_DEVICE_NAME);
static NDIS_STRING WpSymbolicName = NDIS_STRING_CONST("\\DosDevices\\" WINPROT_DEVICE_NAME);

static NTSTATUS WpComplete(PIRP Irp, NTSTATUS Status, ULONG_PTR Information)
{
	Irp->IoStatus.Status = Status;
	Irp->IoStatus.Information = Information;
	IoCompleteRequest(Irp, IO_NO_INCREMENT);
	return Status;
}

static PWP_OPEN_CONTEXT WpFileOpen(PIRP Irp)
{
	return IoGetCurrentIrpStackLocation(Irp)->FileObject->FsContext;
}

static NTSTATUS WpOpen(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
	IoGetCurrentIrpStackLocation(Irp)->FileObject->FsContext = NULL;
	return WpComplete(Irp, STATUS_SUCCESS, 0);
}

static NTSTATUS WpCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
	PFILE_OBJECT FileObject = IoGetCurrentIrpStackLocation(Irp)->FileObject;
	PWP_OPEN_CONTEXT Open = FileObject->FsContext;

	if (Open) {
		NdisAcquireSpinLock(&Open->Lock);
		Open->FileAttached = FALSE;
		NdisReleaseSpinLock(&Open->Lock);
		WpCancelPendedReads(Open, FileObject);
		WpFlushRecvQueue(Open);
	}
	return WpComplete(Irp, STATUS_SUCCESS, 0);
}

static NTSTATUS WpClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
	PFILE_OBJECT FileObject = IoGetCurrentIrpStackLocation(Irp)->FileObject;
	PWP_OPEN_CONTEXT Open = FileObject->FsContext;

	FileObject->FsContext = NULL;
	if (Open)
		WpDereferenceOpen(Open);
	return WpComplete(Irp, STATUS_SUCCESS, 0);
}

static NTSTATUS WpReadDispatch(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
	PWP_OPEN_CONTEXT Open = WpFileOpen(Irp);

	if (!Open)
		return WpComplete(Irp, STATUS_INVALID_HANDLE, 0);
	return WpRead(Open, Irp);
}

static NTSTATUS WpWriteDispatch(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
	PWP_OPEN_CONTEXT Open = WpFileOpen(Irp);

	if (!Open)
		return WpComplete(Irp, STATUS_INVALID_HANDLE, 0);
	return WpWrite(Open, Irp);
}

/* Tie the file to the binding named in UTF-16 in the input buffer. */
static NTSTATUS WpOpenDevice(PIRP Irp, ULONG InputLength)
{
	PFILE_OBJECT FileObject = IoGetCurrentIrpStackLocation(Irp)->FileObject;
	ULONG PacketFilter = WP_PACKET_FILTER;
	UNICODE_STRING AdapterName;
	PWP_OPEN_CONTEXT Open;
	NDIS_STATUS Status;
	ULONG Bytes;

	if (FileObject->FsContext)
		return STATUS_DEVICE_BUSY;
	if (!InputLength || InputLength % sizeof(WCHAR) || InputLength > MAXUSHORT)
		return STATUS_INVALID_PARAMETER;
	AdapterName.Buffer = Irp->AssociatedIrp.SystemBuffer;
	AdapterName.Length = (USHORT)InputLength;
	AdapterName.MaximumLength = (USHORT)InputLength;

	Open = WpLookupOpen(&AdapterName);
	if (!Open)
		return STATUS_OBJECT_NAME_NOT_FOUND;

	NdisAcquireSpinLock(&Open->Lock);
	if (Open->FileAttached || Open->Unbinding) {
		NdisReleaseSpinLock(&Open->Lock);
		WpDereferenceOpen(Open);
		return STATUS_DEVICE_BUSY;
	}
	Open->FileAttached = TRUE;
	NdisReleaseSpinLock(&Open->Lock);

	Status = WpDoOidRequest(Open, NdisRequestSetInformation, OID_GEN_CURRENT_PACKET_FILTER,
				&PacketFilter, sizeof(PacketFilter), &Bytes);
	if (Status != NDIS_STATUS_SUCCESS) {
		NdisAcquireSpinLock(&Open->Lock);
		Open->FileAttached = FALSE;
		NdisReleaseSpinLock(&Open->Lock);
		WpDereferenceOpen(Open);
		return STATUS_UNSUCCESSFUL;
	}
	FileObject->FsContext = Open;		/* the lookup's reference */
	return STATUS_SUCCESS;
}

static NTSTATUS WpOidIoControl(PIRP Irp, NDIS_REQUEST_TYPE RequestType, ULONG InputLength,
			       ULONG OutputLength, PULONG_PTR Information)
{
	PWINPROT_OID_DATA OidData = Irp->AssociatedIrp.SystemBuffer;
	PWP_OPEN_CONTEXT Open = WpFileOpen(Irp);
	ULONG Length, Bytes = 0;
	NDIS_STATUS Status;

	if (!Open)
		return STATUS_INVALID_HANDLE;
	if (InputLength < sizeof(*OidData))
		return STATUS_BUFFER_TOO_SMALL;
	Length = RequestType == NdisRequestSetInformation ? InputLength : OutputLength;
	if (Length < sizeof(*OidData))
		return STATUS_BUFFER_TOO_SMALL;
	Length -= sizeof(*OidData);

	Status = WpDoOidRequest(Open, RequestType, OidData->Oid, OidData->Data, Length, &Bytes);
	if (Status != NDIS_STATUS_SUCCESS) {
		*Information = 0;
		return Status == NDIS_STATUS_BUFFER_TOO_SHORT || Status ==
		       NDIS_STATUS_INVALID_LENGTH ? STATUS_BUFFER_TOO_SMALL :
		       Status == NDIS_STATUS_NOT_SUPPORTED ? STATUS_NOT_SUPPORTED :
		       STATUS_UNSUCCESSFUL;
	}
	*Information = RequestType == NdisRequestSetInformation ? 0 : sizeof(*OidData) + Bytes;
	return STATUS_SUCCESS;
}

static NTSTATUS WpIoControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
	PIO_STACK_LOCATION IrpSp = IoGetCurrentIrpStackLocation(Irp);
	ULONG InputLength = IrpSp->Parameters.DeviceIoControl.InputBufferLength;
	ULONG OutputLength = IrpSp->Parameters.DeviceIoControl.OutputBufferLength;
	ULONG_PTR Information = 0;
	NTSTATUS Status;

	switch (IrpSp->Parameters.DeviceIoControl.IoControlCode) {
	case IOCTL_WINPROT_OPEN_DEVICE:
		Status = WpOpenDevice(Irp, InputLength);
		break;
	case IOCTL_WINPROT_QUERY_OID_VALUE:
		Status = WpOidIoControl(Irp, NdisRequestQueryInformation, InputLength,
					OutputLength, &Information);
		break;
	case IOCTL_WINPROT_SET_OID_VALUE:
		Status = WpOidIoControl(Irp, NdisRequestSetInformation, InputLength,
					OutputLength, &Information);
		break;
	default:
		Status = STATUS_INVALID_DEVICE_REQUEST;
		break;
	}
	return WpComplete(Irp, Status, Information);
}

NTSTATUS WpCreateDevice(PDRIVER_OBJECT DriverObject)
{
	PDEVICE_OBJECT DeviceObject;
	NTSTATUS Status;

	Status = IoCreateDevice(DriverObject, 0, &WpDeviceName, FILE_DEVICE_NETWORK,
				FILE_DEVICE_SECURE_OPEN, FALSE, &DeviceObject);
	if (!NT_SUCCESS(Status))
		return Status;
	Status = IoCreateSymbolicLink(&WpSymbolicName, &WpDeviceName);
	if (!NT_SUCCESS(Status)) {
		IoDeleteDevice(DeviceObject);
		return Status;
	}
	DeviceObject->Flags |= DO_DIRECT_IO;
	WpGlobals.DeviceObject = DeviceObject;

	DriverObject->MajorFunction[IRP_MJ_CREATE] = WpOpen;
	DriverObject->MajorFunction[IRP_MJ_CLEANUP] = WpCleanup;
	DriverObject->MajorFunction[IRP_MJ_CLOSE] = WpClose;
	DriverObject->MajorFunction[IRP_MJ_READ] = WpReadDispatch;
	DriverObject->MajorFunction[IRP_MJ_WRITE] = WpWriteDispatch;
	DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = WpIoControl;
	return STATUS_SUCCESS;
}

void WpDeleteDevice(void)
{
	IoDeleteSymbolicLink(&WpSymbolicName);
	IoDeleteDevice(WpGlobals.DeviceObject);
	WpGlobals.DeviceObject = NULL;
}
