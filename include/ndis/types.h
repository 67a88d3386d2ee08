/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Basic NDIS type names, so code written against the Windows DDI reads the
 * same here. Widths follow the Windows LLP64 model: ULONG is 32 bits even
 * on 64-bit kernels.
 */
#ifndef _NDIS_TYPES_H
#define _NDIS_TYPES_H

#include <linux/types.h>

typedef void VOID, *PVOID;
typedef u8 UCHAR, *PUCHAR;
typedef u8 BOOLEAN, *PBOOLEAN;
typedef u16 USHORT, *PUSHORT;
typedef u32 ULONG, *PULONG;
typedef u32 UINT, *PUINT;
typedef s32 LONG, *PLONG;
typedef u64 ULONG64, *PULONG64;
typedef unsigned long ULONG_PTR;
typedef size_t SIZE_T;

/* An opaque handle: what NDIS gives a driver and the driver gives back. */
typedef void *NDIS_HANDLE;
typedef void **PNDIS_HANDLE;

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif

#endif /* _NDIS_TYPES_H */
