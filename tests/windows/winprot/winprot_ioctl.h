/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * winprot's user-mode interface, shared with the programs that use it
 * (on Windows with <winioctl.h> included first, here with the CTL_CODE
 * definitions of <ndis/device.h> or the program's own).
 *
 * open("/dev/ndis/winprot"), then IOCTL_WINPROT_OPEN_DEVICE with the
 * adapter's name in UTF-16 (no terminator) to tie the file to one
 * binding; write() sends one Ethernet frame, read() returns one received
 * frame. The OID ioctls take a WINPROT_OID_DATA and return it with Data
 * filled in (query) or taken (set).
 */
#ifndef _WINPROT_IOCTL_H
#define _WINPROT_IOCTL_H

#define WINPROT_DEVICE_NAME		"winprot"

#define IOCTL_WINPROT_OPEN_DEVICE	CTL_CODE(FILE_DEVICE_NETWORK, 0x200, METHOD_BUFFERED, \
						 FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_WINPROT_QUERY_OID_VALUE	CTL_CODE(FILE_DEVICE_NETWORK, 0x201, METHOD_BUFFERED, \
						 FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_WINPROT_SET_OID_VALUE	CTL_CODE(FILE_DEVICE_NETWORK, 0x202, METHOD_BUFFERED, \
						 FILE_READ_ACCESS | FILE_WRITE_ACCESS)

typedef struct _WINPROT_OID_DATA {
	unsigned int Oid;
	unsigned char Data[];
} WINPROT_OID_DATA, *PWINPROT_OID_DATA;

#endif /* _WINPROT_IOCTL_H */
