/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The devices NDIS drivers register with NdisRegisterDeviceEx(): what
 * user space sees of a Windows driver's user-mode interface.
 *
 * Node: a driver's SymbolicName \DosDevices\<Name> (also \??\<Name>,
 * \GLOBAL??\<Name>, \DosDevices\Global\<Name>) is /dev/ndis/<Name>, case
 * kept; Windows's CreateFile("\\\\.\\<Name>") becomes
 * open("/dev/ndis/<Name>"). Mode 0600, root's.
 *
 * Requests, one IRP each, all buffered (the data is copied through a
 * kernel buffer, as METHOD_BUFFERED and DO_BUFFERED_IO do):
 *   open()     IRP_MJ_CREATE, one FILE_OBJECT per open file
 *   read()     IRP_MJ_READ: returns the driver's IoStatus.Information
 *              bytes (at most 1 MiB per call)
 *   write()    IRP_MJ_WRITE: returns IoStatus.Information, the bytes the
 *              driver took (EMSGSIZE over 1 MiB)
 *   ioctl()    IRP_MJ_DEVICE_CONTROL: see below
 *   close()    IRP_MJ_CLEANUP, then IRP_MJ_CLOSE once the file's
 *              requests are over; the last close of the open file, as
 *              Windows's last CloseHandle
 * A request blocks until the driver completes it; there is no overlapped
 * I/O, poll() or O_NONBLOCK. A signal cancels it (the driver's cancel
 * routine runs): it then fails with EINTR once the driver completed it,
 * or after a second if the driver does not.
 *
 * ioctl: the request number is the Windows IOCTL code itself, all 32
 * bits (CTL_CODE(DeviceType, Function, Method, Access)), and the argument
 * points to a struct ndis_device_ioctl: DeviceIoControl()'s arguments.
 * Only METHOD_BUFFERED codes reach the driver; the others fail with
 * ENOTTY. A code whose Access asks for FILE_READ_ACCESS or
 * FILE_WRITE_ACCESS fails with EBADF on a file not opened for reading or
 * writing. A few codes are answered by Linux itself and never reach any
 * driver; of the METHOD_BUFFERED ones these are 0x00005450, 0x00005460,
 * 0xc0045878, 0x401c5820 and 0x80111500 (device types 0x0000, 0xc004,
 * 0x401c, 0x8011), none a network device type. The same structure serves
 * 32-bit callers on a 64-bit kernel.
 *
 * errno from the IRP's final NTSTATUS (also given in
 * struct ndis_device_ioctl.status):
 *   success and informational (STATUS_SUCCESS, STATUS_TIMEOUT, ...)
 *                  success: read and write return Information
 *   STATUS_BUFFER_OVERFLOW
 *                  read, write: Information, as for success (the rest of
 *                  a longer message is lost); ioctl: EOVERFLOW, with the
 *                  output and returned written as for success
 *   STATUS_END_OF_FILE                read: 0; otherwise EIO
 *   STATUS_CANCELLED                  EINTR after a signal, ENODEV after
 *                                     the driver deregistered the device,
 *                                     otherwise ECANCELED
 *   STATUS_INVALID_PARAMETER, STATUS_INVALID_BUFFER_SIZE      EINVAL
 *   STATUS_INVALID_DEVICE_REQUEST     EINVAL; ioctl: ENOTTY
 *   STATUS_NOT_SUPPORTED, STATUS_NOT_IMPLEMENTED              EOPNOTSUPP
 *   STATUS_INVALID_HANDLE             EBADFD
 *   STATUS_BUFFER_TOO_SMALL           ENOBUFS
 *   STATUS_INSUFFICIENT_RESOURCES, STATUS_NO_MEMORY           ENOMEM
 *   STATUS_ACCESS_DENIED              EACCES
 *   STATUS_DEVICE_BUSY                EBUSY
 *   STATUS_DEVICE_NOT_READY           ENETDOWN
 *   STATUS_DEVICE_REMOVED             ENODEV
 *   STATUS_OBJECT_NAME_NOT_FOUND, STATUS_NOT_FOUND            ENOENT
 *   STATUS_OBJECT_NAME_COLLISION      EEXIST
 *   any other warning or error        EIO
 * and without a driver status:
 *   ENODEV   the driver deregistered the device (the file stays open,
 *            and closing it calls nothing more of the driver)
 *   EINVAL   read or write on a device without an IRP_MJ_READ or
 *            IRP_MJ_WRITE routine; an ioctl buffer over 1 MiB
 *   ENOTTY   ioctl on a device without an IRP_MJ_DEVICE_CONTROL routine
 *   EFAULT   a buffer user space gave is not readable or writable
 * A device without an IRP_MJ_CREATE, IRP_MJ_CLEANUP or IRP_MJ_CLOSE
 * routine opens and closes without calling the driver.
 */
#ifndef _UAPI_NDIS_DEVICE_H
#define _UAPI_NDIS_DEVICE_H

#include <linux/types.h>

/* Where the nodes are: NDIS_DEVICE_DIR "/<Name>". */
#define NDIS_DEVICE_DIR		"/dev/ndis"

/*
 * The argument of an ioctl on an NDIS device: DeviceIoControl()'s. The
 * driver gets max(input_length, output_length) bytes of SystemBuffer,
 * the input at its start and zeros after; on return, returned bytes of
 * it (the driver's IoStatus.Information, at most output_length) are in
 * the output buffer when status is not an error.
 */
struct ndis_device_ioctl {
	__u64 input;		/* in: address of the input, or 0 */
	__u64 output;		/* in: address of the output buffer, or 0 */
	__u32 input_length;	/* in: bytes of input, at most 1 MiB */
	__u32 output_length;	/* in: room at output, at most 1 MiB */
	__u32 returned;		/* out: bytes written at output */
	__s32 status;		/* out: the IRP's final NTSTATUS */
};

#endif /* _UAPI_NDIS_DEVICE_H */
