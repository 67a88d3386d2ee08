// SPDX-License-Identifier: GPL-2.0
/*
 * The memory family of the NDIS interface: pool allocations from kmalloc.
 *
 * The tag is not kept: kmemleak and KASAN name the allocating caller
 * better than a four-byte tag would. The handle is checked, since the DDI
 * requires one, but it owns nothing: what a driver allocates is the
 * driver's to free, as on Windows.
 */
#include <linux/cache.h>
#include <linux/slab.h>
#include <ndis/ndis.h>

#include "../report.h"
#include "handle.h"

/* The allocation flags for the caller's level and the priority it asks. */
static gfp_t ndis_memory_gfp(EX_POOL_PRIORITY priority)
{
	gfp_t gfp = ndis_current_irql() == PASSIVE_LEVEL ? GFP_KERNEL : GFP_ATOMIC;

	if (priority < HighPoolPriority)
		gfp |= __GFP_NOWARN;
	if (priority == LowPoolPriority)
		gfp |= __GFP_NORETRY;
	return gfp;
}

/**
 * NdisAllocateMemoryWithTagPriority() - allocate memory for a driver
 * @NdisHandle: any handle NDIS gave the caller (driver, adapter, binding)
 * @Length: bytes to allocate
 * @Tag: the driver's pool tag; not kept
 * @Priority: LowPoolPriority, NormalPoolPriority or HighPoolPriority
 *
 * The memory is not zeroed. At PASSIVE_LEVEL the allocation may sleep to
 * reclaim memory; at DISPATCH_LEVEL it does not. LowPoolPriority gives up
 * early when memory is short.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the memory, to be freed with NdisFreeMemory(), or NULL.
 */
PVOID NdisAllocateMemoryWithTagPriority(NDIS_HANDLE NdisHandle, UINT Length, ULONG Tag,
					EX_POOL_PRIORITY Priority)
{
	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return NULL;
	if (!ndis_handle_is_driver(NdisHandle)) {
		ndis_bad_handle(NdisHandle, NDIS_HT_NONE, __func__, _RET_IP_);
		return NULL;
	}
	return kmalloc(Length, ndis_memory_gfp(Priority));
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateMemoryWithTagPriority, "NDIS");

/**
 * NdisAllocateMemoryWithTag() - allocate memory, without a handle
 * @VirtualAddress: where the address goes; NULL on failure
 * @Length: bytes to allocate
 * @Tag: the driver's pool tag; not kept
 *
 * The older form of NdisAllocateMemoryWithTagPriority(), at normal
 * priority. The memory is not zeroed.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: NDIS_STATUS_SUCCESS, or NDIS_STATUS_FAILURE with *@VirtualAddress
 * NULL.
 */
NDIS_STATUS NdisAllocateMemoryWithTag(PVOID *VirtualAddress, UINT Length, ULONG Tag)
{
	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL)) {
		*VirtualAddress = NULL;
		return NDIS_STATUS_FAILURE;
	}
	*VirtualAddress = kmalloc(Length, ndis_memory_gfp(NormalPoolPriority));
	return *VirtualAddress ? NDIS_STATUS_SUCCESS : NDIS_STATUS_FAILURE;
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateMemoryWithTag, "NDIS");

/**
 * NdisFreeMemory() - free memory from the NDIS allocators
 * @VirtualAddress: what NdisAllocateMemoryWithTagPriority() or
 *	NdisAllocateMemoryWithTag() returned; NULL is ignored
 * @Length: its length; 0 is accepted, as the DDI allows
 * @MemoryFlags: 0; the NDIS 5 flags for contiguous or uncached memory
 *	name allocations that do not exist here and are reported
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisFreeMemory(PVOID VirtualAddress, UINT Length, UINT MemoryFlags)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	if (MemoryFlags)
		ndis_misuse(__func__, "MemoryFlags 0 for memory from the NDIS 6 allocators",
			    _RET_IP_);
	kfree(VirtualAddress);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeMemory, "NDIS");

/**
 * NdisFreeMemoryWithTagPriority() - free memory, naming its handle and tag
 * @NdisHandle: the handle the allocation named
 * @VirtualAddress: what NdisAllocateMemoryWithTagPriority() returned
 * @Tag: the tag it named; not checked
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisFreeMemoryWithTagPriority(NDIS_HANDLE NdisHandle, PVOID VirtualAddress, ULONG Tag)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	kfree(VirtualAddress);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeMemoryWithTagPriority, "NDIS");

/**
 * NdisGetSharedDataAlignment() - the alignment that keeps data apart
 *
 * Data written by different CPUs and aligned to this many bytes never
 * shares a cache line: the largest cache line of the machine.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the alignment in bytes, a power of two.
 */
ULONG NdisGetSharedDataAlignment(void)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	return max_t(ULONG, cache_line_size(), SMP_CACHE_BYTES);
}
EXPORT_SYMBOL_NS_GPL(NdisGetSharedDataAlignment, "NDIS");
