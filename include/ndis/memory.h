/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory, the NDIS way: pool allocations and the DDI's names for the C
 * library's memory operations.
 *
 * Kernel memory is never paged out here, so every allocation is what
 * Windows calls non-paged. Whether it may sleep follows the caller's level:
 * GFP_KERNEL at PASSIVE_LEVEL, GFP_ATOMIC at DISPATCH_LEVEL. A failed
 * allocation returns NULL quietly, since NDIS drivers are written to
 * expect it; only HighPoolPriority lets the allocator warn.
 */
#ifndef _NDIS_MEMORY_H
#define _NDIS_MEMORY_H

#include <linux/math.h>
#include <linux/string.h>
#include <asm/page.h>
#include <ndis/status.h>
#include <ndis/types.h>

/* MemoryFlags of the NDIS 5 allocator; 0 for everything allocated here. */
#define NDIS_MEMORY_CONTIGUOUS	0x00000001
#define NDIS_MEMORY_NONCACHED	0x00000002

PVOID NdisAllocateMemoryWithTagPriority(NDIS_HANDLE NdisHandle, UINT Length, ULONG Tag,
					EX_POOL_PRIORITY Priority);
NDIS_STATUS NdisAllocateMemoryWithTag(PVOID *VirtualAddress, UINT Length, ULONG Tag);
void NdisFreeMemory(PVOID VirtualAddress, UINT Length, UINT MemoryFlags);
void NdisFreeMemoryWithTagPriority(NDIS_HANDLE NdisHandle, PVOID VirtualAddress, ULONG Tag);
ULONG NdisGetSharedDataAlignment(void);

/* The ranges of NdisMoveMemory and RtlCopyMemory must not overlap (DDI). */
#define NdisMoveMemory(Destination, Source, Length)	memcpy(Destination, Source, Length)
#define NdisZeroMemory(Destination, Length)		memset(Destination, 0, Length)
#define NdisFillMemory(Destination, Length, Fill)	memset(Destination, Fill, Length)
#define NdisEqualMemory(Source1, Source2, Length)	(!memcmp(Source1, Source2, Length))

#define RtlCopyMemory(Destination, Source, Length)	memcpy(Destination, Source, Length)
#define RtlMoveMemory(Destination, Source, Length)	memmove(Destination, Source, Length)
#define RtlZeroMemory(Destination, Length)		memset(Destination, 0, Length)
#define RtlFillMemory(Destination, Length, Fill)	memset(Destination, Fill, Length)
#define RtlEqualMemory(Source1, Source2, Length)	(!memcmp(Source1, Source2, Length))

/**
 * RtlCompareMemory() - how many leading bytes two ranges share
 * @Source1: one range
 * @Source2: the other
 * @Length: bytes to compare
 *
 * Context: any.
 * Return: the number of bytes before the first difference, @Length if none.
 */
static inline SIZE_T RtlCompareMemory(const void *Source1, const void *Source2, SIZE_T Length)
{
	const u8 *a = Source1, *b = Source2;
	SIZE_T i;

	for (i = 0; i < Length && a[i] == b[i]; i++)
		;
	return i;
}

/**
 * BYTES_TO_PAGES - how many pages a length spans from a page's start
 * @Size: the length in bytes
 *
 * Any IRQL. A ULONG, rounded up: 0 for 0, 1 for 1 to PAGE_SIZE.
 */
#define BYTES_TO_PAGES(Size)	((ULONG)DIV_ROUND_UP((ULONG_PTR)(Size), PAGE_SIZE))

#endif /* _NDIS_MEMORY_H */
