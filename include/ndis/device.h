/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A driver's user-mode interface: NdisRegisterDeviceEx() makes a device
 * whose opens, reads, writes, ioctls and closes reach the driver's
 * dispatch routines as IRPs, as they do on Windows.
 *
 * The device is the character device /dev/ndis/<Name>, where
 * SymbolicName is \DosDevices\<Name> (or \??\<Name>, \GLOBAL??\<Name>,
 * \DosDevices\Global\<Name>). The ABI user space sees, the ioctl argument
 * and the errno each NTSTATUS becomes, is <uapi/ndis/device.h>.
 *
 * A driver that makes its device the WDM way instead, IoCreateDevice() in
 * DriverEntry with IoCreateSymbolicLink() and DriverObject->MajorFunction
 * (ndisprot does), gets the same device: see IoCreateDevice().
 *
 * With it come the I/O request names of wdm.h that such an interface
 * uses: the device and file objects, the IRP with its one stack location,
 * the dispatch and cancel routines, completion, cancel, the cancel spin
 * lock and the IOCTL code layout. A request's data is in a kernel buffer
 * NDIS copies the caller's data into and the result out of: with buffered
 * I/O it is Irp->AssociatedIrp.SystemBuffer; with direct I/O (a device
 * with DO_DIRECT_IO for reads and writes, METHOD_IN_DIRECT and
 * METHOD_OUT_DIRECT for ioctls) Irp->MdlAddress describes it, so a driver
 * written for direct I/O ports unchanged, though the MDL describes that
 * copy rather than the caller's pages. METHOD_NEITHER, which hands the
 * driver user addresses, is not offered. An IRP has exactly one stack
 * location: NDIS calls the driver's dispatch routine directly, with no
 * lower driver below it and no completion routines.
 *
 * Differences from the DDI, all deliberate:
 * - Any handle NDIS gave a driver may register a device: a protocol's
 *   too, since a protocol has no IoCreateDevice here.
 * - The node is root's, mode 0600; DefaultSDDLString is not parsed.
 * - NdisDeregisterDeviceEx() ends every open file's life with the driver:
 *   it cancels their pending IRPs, waits for every request, then sends
 *   IRP_MJ_CLEANUP and IRP_MJ_CLOSE for each file still open. After it
 *   returns nothing of the driver is called for that device; the files
 *   get ENODEV.
 */
#ifndef _NDIS_DEVICE_H
#define _NDIS_DEVICE_H

#include <linux/atomic.h>
#include <ndis/irql.h>
#include <ndis/list.h>
#include <ndis/mdl.h>
#include <ndis/ntstatus.h>
#include <ndis/object.h>
#include <ndis/sal.h>
#include <ndis/status.h>
#include <ndis/string.h>
#include <ndis/types.h>

struct _DEVICE_OBJECT;
struct _DRIVER_OBJECT;
struct _IRP;

/* The major function codes NDIS sends, with the DDI's numbers. */
#define IRP_MJ_CREATE			0x00
#define IRP_MJ_CLOSE			0x02
#define IRP_MJ_READ			0x03
#define IRP_MJ_WRITE			0x04
#define IRP_MJ_DEVICE_CONTROL		0x0e
#define IRP_MJ_CLEANUP			0x12
/* The highest code: a dispatch table has IRP_MJ_MAXIMUM_FUNCTION + 1 entries. */
#define IRP_MJ_MAXIMUM_FUNCTION		0x1b

/* PriorityBoost of IoCompleteRequest(): the one value NDIS drivers pass. */
#define IO_NO_INCREMENT			0

/* IO_STACK_LOCATION.Control: the dispatch routine marked the IRP pending. */
#define SL_PENDING_RETURNED		0x01

/*
 * DEVICE_OBJECT.Flags: how reads and writes carry their data (buffered:
 * SystemBuffer; direct: MdlAddress), one open file at a time, and not yet
 * ready to be opened.
 */
#define DO_EXCLUSIVE			0x00000008
#define DO_BUFFERED_IO			0x00000004
#define DO_DIRECT_IO			0x00000010
#define DO_DEVICE_INITIALIZING		0x00000080

/* DEVICE_OBJECT.Type, as the I/O manager sets it. */
#define IO_TYPE_DEVICE			3

/* DeviceCharacteristics of IoCreateDevice(): the one NDIS drivers pass. */
#define FILE_DEVICE_SECURE_OPEN		0x00000100

/*
 * IOCTL codes: device type in bits 16-31, required access in 14-15,
 * function in 2-13, transfer method in 0-1.
 */
#define CTL_CODE(DeviceType, Function, Method, Access)			\
	(((ULONG)(DeviceType) << 16) | ((ULONG)(Access) << 14) |	\
	 ((ULONG)(Function) << 2) | (ULONG)(Method))
#define DEVICE_TYPE_FROM_CTL_CODE(ctrlCode)	(((ULONG)(ctrlCode) & 0xffff0000) >> 16)
#define METHOD_FROM_CTL_CODE(ctrlCode)		((ULONG)(ctrlCode) & 3)

#define METHOD_BUFFERED			0
#define METHOD_IN_DIRECT		1
#define METHOD_OUT_DIRECT		2
#define METHOD_NEITHER			3

#define FILE_ANY_ACCESS			0
#define FILE_READ_ACCESS		0x0001
#define FILE_WRITE_ACCESS		0x0002

typedef ULONG DEVICE_TYPE;

#define FILE_DEVICE_NETWORK		0x00000012
#define FILE_DEVICE_PHYSICAL_NETCARD	0x00000017
#define FILE_DEVICE_TRANSPORT		0x00000021
#define FILE_DEVICE_UNKNOWN		0x00000022

/**
 * struct _DEVICE_OBJECT - a device NdisRegisterDeviceEx() or
 *	IoCreateDevice() made
 * @Type: IO_TYPE_DEVICE
 * @Size: sizeof(DEVICE_OBJECT)
 * @DriverObject: the driver's object, for IoCreateDevice(); NULL for
 *	NdisRegisterDeviceEx()
 * @NextDevice: the driver's next device made by IoCreateDevice(), or NULL
 * @Flags: DO_BUFFERED_IO for NdisRegisterDeviceEx(); IoCreateDevice()
 *	sets DO_DEVICE_INITIALIZING (and DO_EXCLUSIVE if asked), and the
 *	driver may set DO_BUFFERED_IO or DO_DIRECT_IO
 * @Characteristics: IoCreateDevice()'s DeviceCharacteristics
 * @DeviceExtension: the driver's extension (ExtensionSize bytes, zeroed),
 *	the same pointer NdisGetDeviceReservedExtension() returns; NULL when
 *	ExtensionSize was 0. Drivers must not change it.
 * @DeviceType: FILE_DEVICE_NETWORK, or IoCreateDevice()'s DeviceType
 * @StackSize: 1: an IRP has one stack location
 *
 * NDIS allocates and frees it; drivers only change @Flags, read the rest
 * and pass it back.
 */
typedef struct _DEVICE_OBJECT {
	CSHORT Type;
	USHORT Size;
	struct _DRIVER_OBJECT *DriverObject;
	struct _DEVICE_OBJECT *NextDevice;
	ULONG Flags;
	ULONG Characteristics;
	PVOID DeviceExtension;
	DEVICE_TYPE DeviceType;
	CCHAR StackSize;
} DEVICE_OBJECT, *PDEVICE_OBJECT;

/**
 * struct _FILE_OBJECT - one open file of a device
 * @DeviceObject: the device it was opened on
 * @FsContext: the driver's, NULL at IRP_MJ_CREATE; NDIS never touches it
 * @FsContext2: as @FsContext
 *
 * One per open(): every request on that file descriptor, and on its
 * duplicates, carries the same FILE_OBJECT, from IRP_MJ_CREATE to
 * IRP_MJ_CLOSE.
 */
typedef struct _FILE_OBJECT {
	PDEVICE_OBJECT DeviceObject;
	PVOID FsContext;
	PVOID FsContext2;
} FILE_OBJECT, *PFILE_OBJECT;

/**
 * struct _IO_STATUS_BLOCK - how a request ended
 * @Status: the final NTSTATUS
 * @Pointer: reserved
 * @Information: bytes transferred: read into SystemBuffer (IRP_MJ_READ),
 *	taken from it (IRP_MJ_WRITE), or written to it as output
 *	(IRP_MJ_DEVICE_CONTROL)
 */
typedef struct _IO_STATUS_BLOCK {
	union {
		NTSTATUS Status;
		PVOID Pointer;
	};
	ULONG_PTR Information;
} IO_STATUS_BLOCK, *PIO_STATUS_BLOCK;

/**
 * typedef DRIVER_DISPATCH - a dispatch routine: one IRP_MJ_* request
 * @DeviceObject: the device
 * @Irp: the request; IoGetCurrentIrpStackLocation() gives its parameters
 *
 * The routine either completes the IRP with IoCompleteRequest() and
 * returns the status it completed it with, or marks it with
 * IoMarkIrpPending(), returns STATUS_PENDING and completes it later, from
 * any context up to DISPATCH_LEVEL.
 *
 * Context: PASSIVE_LEVEL, in the task that made the request.
 * Return: the IRP's status, or STATUS_PENDING.
 */
typedef NTSTATUS DRIVER_DISPATCH(struct _DEVICE_OBJECT *DeviceObject, struct _IRP *Irp);
/* The same type as a pointer, spelt out: checkpatch misreads the short form. */
typedef NTSTATUS (*PDRIVER_DISPATCH)(struct _DEVICE_OBJECT *DeviceObject, struct _IRP *Irp);

/**
 * typedef DRIVER_CANCEL - a cancel routine: take a pending IRP back
 * @DeviceObject: the device
 * @Irp: the IRP being cancelled; Irp->Cancel is TRUE
 *
 * Called with the cancel spin lock held. The routine releases it with
 * IoReleaseCancelSpinLock(Irp->CancelIrql), takes the IRP off its queue
 * and completes it, usually with STATUS_CANCELLED.
 *
 * Context: DISPATCH_LEVEL.
 */
typedef void DRIVER_CANCEL(struct _DEVICE_OBJECT *DeviceObject, struct _IRP *Irp);
typedef void (*PDRIVER_CANCEL)(struct _DEVICE_OBJECT *DeviceObject, struct _IRP *Irp);

/**
 * struct _IO_STACK_LOCATION - the parameters of a request
 * @MajorFunction: IRP_MJ_*
 * @MinorFunction: 0
 * @Flags: 0
 * @Control: SL_PENDING_RETURNED once IoMarkIrpPending() ran
 * @Parameters: per @MajorFunction
 * @Parameters.Read: IRP_MJ_READ
 * @Parameters.Read.Length: bytes the caller asked for: the buffer's size
 * @Parameters.Read.Key: 0
 * @Parameters.Read.ByteOffset: 0: the device is a stream
 * @Parameters.Write: IRP_MJ_WRITE
 * @Parameters.Write.Length: bytes in the buffer
 * @Parameters.Write.Key: 0
 * @Parameters.Write.ByteOffset: 0
 * @Parameters.DeviceIoControl: IRP_MJ_DEVICE_CONTROL
 * @Parameters.DeviceIoControl.OutputBufferLength: bytes the caller can take
 * @Parameters.DeviceIoControl.InputBufferLength: bytes of input at the
 *	start of SystemBuffer
 *	(with METHOD_IN_DIRECT or METHOD_OUT_DIRECT the other buffer, of
 *	OutputBufferLength bytes, is MdlAddress's)
 * @Parameters.DeviceIoControl.IoControlCode: the IOCTL code (CTL_CODE())
 * @DeviceObject: the device
 * @FileObject: the open file the request came on
 */
typedef struct _IO_STACK_LOCATION {
	UCHAR MajorFunction;
	UCHAR MinorFunction;
	UCHAR Flags;
	UCHAR Control;
	union {
		struct {
			ULONG Length;
			ULONG Key;
			LARGE_INTEGER ByteOffset;
		} Read;
		struct {
			ULONG Length;
			ULONG Key;
			LARGE_INTEGER ByteOffset;
		} Write;
		struct {
			ULONG OutputBufferLength;
			ULONG InputBufferLength;
			ULONG IoControlCode;
		} DeviceIoControl;
	} Parameters;
	PDEVICE_OBJECT DeviceObject;
	PFILE_OBJECT FileObject;
} IO_STACK_LOCATION, *PIO_STACK_LOCATION;

/**
 * struct _IRP - an I/O request packet
 * @MdlAddress: direct I/O: one MDL describing the request's data buffer
 *	(a read's or write's on a DO_DIRECT_IO device, the second buffer of
 *	a METHOD_IN_DIRECT or METHOD_OUT_DIRECT ioctl); NULL otherwise and
 *	for a buffer of 0 bytes
 * @AssociatedIrp: the request's buffer
 * @AssociatedIrp.SystemBuffer: buffered I/O: max(input, output) bytes of
 *	kernel memory, zeroed beyond the input; NULL when both are 0, for
 *	direct reads and writes, and for IRP_MJ_CREATE, IRP_MJ_CLEANUP and
 *	IRP_MJ_CLOSE
 * @IoStatus: set by the driver before IoCompleteRequest()
 * @RequestorMode: UserMode
 * @PendingReturned: TRUE once a pended IRP is complete
 * @Cancel: TRUE once the IRP is being cancelled
 * @CancelIrql: in a cancel routine: the level to pass to
 *	IoReleaseCancelSpinLock()
 * @CancelRoutine: set and cleared with IoSetCancelRoutine() only
 * @Tail: the driver's while it owns the IRP
 * @Tail.Overlay: the driver's part of @Tail
 * @Tail.Overlay.DriverContext: four pointers for the driver
 * @Tail.Overlay.ListEntry: a link for the driver's queue of pending IRPs
 * @Tail.Overlay.CurrentStackLocation: NDIS's: see
 *	IoGetCurrentIrpStackLocation()
 * @Tail.Overlay.OriginalFileObject: the file the request came on
 *
 * NDIS allocates it, with its stack location and SystemBuffer, and frees
 * it once the request is over; drivers never allocate one.
 */
typedef struct _IRP {
	PMDL MdlAddress;
	union {
		PVOID SystemBuffer;
	} AssociatedIrp;
	IO_STATUS_BLOCK IoStatus;
	KPROCESSOR_MODE RequestorMode;
	BOOLEAN PendingReturned;
	BOOLEAN Cancel;
	KIRQL CancelIrql;
	PDRIVER_CANCEL CancelRoutine;
	union {
		struct {
			PVOID DriverContext[4];
			LIST_ENTRY ListEntry;
			PIO_STACK_LOCATION CurrentStackLocation;
			PFILE_OBJECT OriginalFileObject;
		} Overlay;
	} Tail;
} IRP, *PIRP;

/**
 * IoGetCurrentIrpStackLocation() - the parameters of a request
 * @Irp: the IRP
 *
 * Context: any IRQL.
 * Return: the IRP's stack location.
 */
static inline PIO_STACK_LOCATION IoGetCurrentIrpStackLocation(PIRP Irp)
{
	return Irp->Tail.Overlay.CurrentStackLocation;
}

/**
 * IoMarkIrpPending() - say that the dispatch routine returns STATUS_PENDING
 * @Irp: the IRP, which the driver completes later
 *
 * Call it before the IRP is queued where another context could complete
 * it, and return STATUS_PENDING.
 *
 * Context: any IRQL.
 */
static inline void IoMarkIrpPending(PIRP Irp)
{
	IoGetCurrentIrpStackLocation(Irp)->Control |= SL_PENDING_RETURNED;
}

/**
 * IoSetCancelRoutine() - make a pending IRP cancelable, or not
 * @Irp: the IRP
 * @CancelRoutine: the routine that takes it back, or NULL
 *
 * An atomic exchange. Setting NULL and getting NULL back means a cancel
 * has taken the routine and will call it (or has): the routine then owns
 * the IRP and completes it. After setting a routine, test Irp->Cancel: if
 * it is TRUE and setting NULL gets the routine back, the cancel came
 * before the routine was set and the driver completes the IRP itself.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the routine that was set before.
 */
static inline PDRIVER_CANCEL IoSetCancelRoutine(PIRP Irp, PDRIVER_CANCEL CancelRoutine)
{
	return xchg(&Irp->CancelRoutine, CancelRoutine);
}

void IoCompleteRequest(PIRP Irp, CCHAR PriorityBoost);
BOOLEAN IoCancelIrp(PIRP Irp);
void IoAcquireCancelSpinLock(PKIRQL Irql)
	__acquires(IoCancelSpinLock);
void IoReleaseCancelSpinLock(KIRQL Irql)
	__releases(IoCancelSpinLock);

/**
 * struct _NDIS_DEVICE_OBJECT_ATTRIBUTES - what NdisRegisterDeviceEx() makes
 * @Header: NDIS_OBJECT_TYPE_DEVICE_OBJECT_ATTRIBUTES, revision 1
 * @DeviceName: \Device\<Name>: checked if given, otherwise unused
 * @SymbolicName: \DosDevices\<Name>: names the node /dev/ndis/<Name>;
 *	<Name> is 1 to 32 letters, digits, '-', '_' and '.', not starting
 *	with '.', unique among NDIS devices regardless of case
 * @MajorFunctions: IRP_MJ_MAXIMUM_FUNCTION + 1 dispatch routines, indexed
 *	by IRP_MJ_*; copied. NULL entries get the default behaviour (see
 *	NdisRegisterDeviceEx())
 * @ExtensionSize: bytes of zeroed extension for the driver, up to 1 MiB
 * @DefaultSDDLString: not parsed: the node is mode 0600, root's
 * @DeviceClassGuid: reserved, NULL
 */
typedef struct _NDIS_DEVICE_OBJECT_ATTRIBUTES {
	NDIS_OBJECT_HEADER Header;
	PNDIS_STRING DeviceName;
	PNDIS_STRING SymbolicName;
	PDRIVER_DISPATCH *MajorFunctions;
	ULONG ExtensionSize;
	PCUNICODE_STRING DefaultSDDLString;
	LPCGUID DeviceClassGuid;
} NDIS_DEVICE_OBJECT_ATTRIBUTES, *PNDIS_DEVICE_OBJECT_ATTRIBUTES;

#define NDIS_DEVICE_OBJECT_ATTRIBUTES_REVISION_1	1
#define NDIS_SIZEOF_DEVICE_OBJECT_ATTRIBUTES_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_DEVICE_OBJECT_ATTRIBUTES, DeviceClassGuid)

NDIS_STATUS NdisRegisterDeviceEx(NDIS_HANDLE NdisHandle,
				 PNDIS_DEVICE_OBJECT_ATTRIBUTES DeviceObjectAttributes,
				 PDEVICE_OBJECT *pDeviceObject, PNDIS_HANDLE NdisDeviceHandle);
void NdisDeregisterDeviceEx(NDIS_HANDLE NdisDeviceHandle);
PVOID NdisGetDeviceReservedExtension(PDEVICE_OBJECT DeviceObject);

NTSTATUS IoCreateDevice(struct _DRIVER_OBJECT *DriverObject, ULONG DeviceExtensionSize,
			PUNICODE_STRING DeviceName, DEVICE_TYPE DeviceType,
			ULONG DeviceCharacteristics, BOOLEAN Exclusive,
			PDEVICE_OBJECT *DeviceObject);
void IoDeleteDevice(PDEVICE_OBJECT DeviceObject);
NTSTATUS IoCreateSymbolicLink(PUNICODE_STRING SymbolicLinkName, PUNICODE_STRING DeviceName);
NTSTATUS IoDeleteSymbolicLink(PUNICODE_STRING SymbolicLinkName);

#endif /* _NDIS_DEVICE_H */
