/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NTSTATUS: the status type of the Windows kernel, which NDIS_STATUS is
 * a copy of. The values below are the DDI's; where an NDIS_STATUS has
 * the same meaning it has the same number (NDIS_STATUS_RESOURCES is
 * STATUS_INSUFFICIENT_RESOURCES, NDIS_STATUS_PENDING is STATUS_PENDING),
 * so a driver may pass one where the other is expected, as on Windows.
 *
 * Severity sits in the top two bits: 0 success, 1 informational,
 * 2 warning, 3 error. Success and informational values are non-negative
 * as a LONG, which is what NT_SUCCESS() tests.
 */
#ifndef _NDIS_NTSTATUS_H
#define _NDIS_NTSTATUS_H

#include <ndis/types.h>

typedef LONG NTSTATUS, *PNTSTATUS;

/**
 * NT_SUCCESS - whether a status is success or informational
 * @Status: the NTSTATUS
 *
 * True for STATUS_SUCCESS and STATUS_PENDING alike: a caller that must
 * wait for a pended request compares against STATUS_PENDING first.
 */
#define NT_SUCCESS(Status)	(((NTSTATUS)(Status)) >= 0)

/**
 * NT_INFORMATION - whether a status has informational severity
 * @Status: the NTSTATUS
 */
#define NT_INFORMATION(Status)	((((ULONG)(Status)) >> 30) == 1)

/**
 * NT_WARNING - whether a status has warning severity
 * @Status: the NTSTATUS
 */
#define NT_WARNING(Status)	((((ULONG)(Status)) >> 30) == 2)

/**
 * NT_ERROR - whether a status has error severity
 * @Status: the NTSTATUS
 */
#define NT_ERROR(Status)	((((ULONG)(Status)) >> 30) == 3)

#define STATUS_SUCCESS			((NTSTATUS)0x00000000U)
#define STATUS_TIMEOUT			((NTSTATUS)0x00000102U)
#define STATUS_PENDING			((NTSTATUS)0x00000103U)
#define STATUS_BUFFER_OVERFLOW		((NTSTATUS)0x80000005U)
#define STATUS_DEVICE_BUSY		((NTSTATUS)0x80000011U)
#define STATUS_NO_MORE_ENTRIES		((NTSTATUS)0x8000001AU)
#define STATUS_UNSUCCESSFUL		((NTSTATUS)0xC0000001U)
#define STATUS_NOT_IMPLEMENTED		((NTSTATUS)0xC0000002U)
#define STATUS_INVALID_HANDLE		((NTSTATUS)0xC0000008U)
#define STATUS_INVALID_PARAMETER	((NTSTATUS)0xC000000DU)
#define STATUS_INVALID_DEVICE_REQUEST	((NTSTATUS)0xC0000010U)
#define STATUS_END_OF_FILE		((NTSTATUS)0xC0000011U)
#define STATUS_NO_MEMORY		((NTSTATUS)0xC0000017U)
#define STATUS_ACCESS_DENIED		((NTSTATUS)0xC0000022U)
#define STATUS_BUFFER_TOO_SMALL		((NTSTATUS)0xC0000023U)
#define STATUS_OBJECT_NAME_INVALID	((NTSTATUS)0xC0000033U)
#define STATUS_OBJECT_NAME_NOT_FOUND	((NTSTATUS)0xC0000034U)
#define STATUS_OBJECT_NAME_COLLISION	((NTSTATUS)0xC0000035U)
#define STATUS_INTEGER_OVERFLOW		((NTSTATUS)0xC0000095U)
#define STATUS_INSUFFICIENT_RESOURCES	((NTSTATUS)0xC000009AU)
#define STATUS_DEVICE_NOT_CONNECTED	((NTSTATUS)0xC000009DU)
#define STATUS_DEVICE_NOT_READY		((NTSTATUS)0xC00000A3U)
#define STATUS_NOT_SUPPORTED		((NTSTATUS)0xC00000BBU)
#define STATUS_INVALID_PARAMETER_4	((NTSTATUS)0xC00000F2U)
#define STATUS_INVALID_PARAMETER_5	((NTSTATUS)0xC00000F3U)
#define STATUS_CANCELLED		((NTSTATUS)0xC0000120U)
#define STATUS_INVALID_DEVICE_STATE	((NTSTATUS)0xC0000184U)
#define STATUS_INVALID_BUFFER_SIZE	((NTSTATUS)0xC0000206U)
#define STATUS_NOT_FOUND		((NTSTATUS)0xC0000225U)
#define STATUS_DEVICE_REMOVED		((NTSTATUS)0xC00002B6U)

#endif /* _NDIS_NTSTATUS_H */
