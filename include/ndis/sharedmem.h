/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared memory, NDIS 6.20: the blocks a VMQ-capable miniport receives
 * into. A shared memory provider (on Windows, the virtualization stack), a
 * protocol that registered NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS on
 * its binding with NdisSetOptionalHandlers(), supplies the blocks of the
 * adapter it is bound to; with no provider NDIS allocates them itself, as
 * Windows does. A frame received into a block is
 * described by its MDLs as usual and, for a consumer that shares the
 * blocks, by the NET_BUFFER_SHARED_MEMORY chain of its NET_BUFFER
 * (include/ndis/nbl.h).
 */
#ifndef _NDIS_SHAREDMEM_H
#define _NDIS_SHAREDMEM_H

#include <linux/stddef.h>
#include <ndis/dma.h>
#include <ndis/object.h>
#include <ndis/receivefilter.h>
#include <ndis/status.h>
#include <ndis/types.h>
#include <ndis/version.h>

/* A NUMA node as wdm.h names one; MM_ANY_NODE_OK: no preference. */
typedef ULONG NODE_REQUIREMENT;
#define MM_ANY_NODE_OK					0x80000000

#if NDIS_SUPPORT_NDIS620

/**
 * enum _NDIS_SHARED_MEMORY_USAGE - what a shared memory block is for
 * @NdisSharedMemoryUsageUndefined: not said
 * @NdisSharedMemoryUsageXmit: sends
 * @NdisSharedMemoryUsageXmitHeader: the headers of sends
 * @NdisSharedMemoryUsageXmitData: the data of sends
 * @NdisSharedMemoryUsageReceive: receives
 * @NdisSharedMemoryUsageReceiveLookahead: the look-ahead part of receives
 * @NdisSharedMemoryUsageReceivePostLookahead: what follows the look-ahead
 * @NdisSharedMemoryUsageReceiveHeader: the headers of receives
 * @NdisSharedMemoryUsageReceiveData: the data of receives
 * @NdisSharedMemoryUsageOther: anything else
 * @NdisSharedMemoryUsageMax: not a usage: the count
 */
typedef enum _NDIS_SHARED_MEMORY_USAGE {
	NdisSharedMemoryUsageUndefined,
	NdisSharedMemoryUsageXmit,
	NdisSharedMemoryUsageXmitHeader,
	NdisSharedMemoryUsageXmitData,
	NdisSharedMemoryUsageReceive,
	NdisSharedMemoryUsageReceiveLookahead,
	NdisSharedMemoryUsageReceivePostLookahead,
	NdisSharedMemoryUsageReceiveHeader,
	NdisSharedMemoryUsageReceiveData,
	NdisSharedMemoryUsageOther,
	NdisSharedMemoryUsageMax
} NDIS_SHARED_MEMORY_USAGE, *PNDIS_SHARED_MEMORY_USAGE;

/* The DDI spells it so. */
#define NDIS_SHARED_MEM_PARAMETERS_CONTIGOUS		0x00000001

#define NDIS_SHARED_MEMORY_PARAMETERS_REVISION_1	1
#define NDIS_SHARED_MEMORY_PARAMETERS_REVISION_2	2

/**
 * struct _NDIS_SHARED_MEMORY_PARAMETERS - a request for a shared memory block
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, revision 1 (NDIS 6.20) or 2 (6.30,
 *	with @VPortId)
 * @Flags: NDIS_SHARED_MEM_PARAMETERS_CONTIGOUS for one physically
 *	contiguous block
 * @QueueId: the receive queue the block is for (NDIS_DEFAULT_RECEIVE_QUEUE_ID
 *	for the default queue)
 * @SharedMemoryHandle: set by NDIS: the handle a NET_BUFFER_SHARED_MEMORY
 *	names the block by
 * @PreferredNode: the NUMA node to allocate on, or MM_ANY_NODE_OK
 * @Usage: what the block is for
 * @Length: bytes of the block
 * @VirtualAddress: set by NDIS: where the block is
 * @SGListBufferLength: bytes at @SGListBuffer
 * @SGListBuffer: where NDIS writes the block's pieces, or NULL
 * @VPortId: the virtual port (revision 2); 0 for a VM queue
 */
typedef struct _NDIS_SHARED_MEMORY_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	NDIS_RECEIVE_QUEUE_ID QueueId;
	NDIS_HANDLE SharedMemoryHandle;
	NODE_REQUIREMENT PreferredNode;
	NDIS_SHARED_MEMORY_USAGE Usage;
	ULONG Length;
	PVOID VirtualAddress;
	ULONG SGListBufferLength;
	PSCATTER_GATHER_LIST SGListBuffer;
#if NDIS_SUPPORT_NDIS630
	NDIS_NIC_SWITCH_VPORT_ID VPortId;
#endif
} NDIS_SHARED_MEMORY_PARAMETERS, *PNDIS_SHARED_MEMORY_PARAMETERS;

#define NDIS_SIZEOF_SHARED_MEMORY_PARAMETERS_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_SHARED_MEMORY_PARAMETERS, SGListBuffer)
#if NDIS_SUPPORT_NDIS630
#define NDIS_SIZEOF_SHARED_MEMORY_PARAMETERS_REVISION_2	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_SHARED_MEMORY_PARAMETERS, VPortId)
#endif

/**
 * typedef ALLOCATE_SHARED_MEMORY_HANDLER - NetAllocateSharedMemory: a shared
 *	memory provider allocates a block for a miniport
 * @ProviderContext: the provider's ProviderContext
 * @SharedMemoryParameters: what the miniport asked for, with
 *	SharedMemoryHandle already set by NDIS; the provider sets
 *	VirtualAddress and, if SGListBuffer is not NULL, writes the block's
 *	pieces there (at most as many elements as SGListBufferLength holds)
 * @pSharedMemoryProviderContext: set by the provider: what names the block
 *	to its FreeSharedMemoryHandler
 *
 * Called from inside the miniport's NdisAllocateSharedMemory() call.
 *
 * Context: PASSIVE_LEVEL.
 * Return: NDIS_STATUS_SUCCESS, or the failure NdisAllocateSharedMemory()
 * passes on to the miniport.
 */
typedef NDIS_STATUS
(*ALLOCATE_SHARED_MEMORY_HANDLER)(NDIS_HANDLE ProviderContext,
				  PNDIS_SHARED_MEMORY_PARAMETERS SharedMemoryParameters,
				  PNDIS_HANDLE pSharedMemoryProviderContext);

/**
 * typedef FREE_SHARED_MEMORY_HANDLER - NetFreeSharedMemory: a shared memory
 *	provider frees a block it allocated
 * @ProviderContext: the ProviderContext the block was allocated with
 * @SharedMemoryProviderContext: what the provider's
 *	AllocateSharedMemoryHandler set for the block
 *
 * Called from inside the miniport's NdisFreeSharedMemory(), or from the
 * close of the provider's binding for a block the miniport still has.
 *
 * Context: PASSIVE_LEVEL.
 */
typedef void (*FREE_SHARED_MEMORY_HANDLER)(NDIS_HANDLE ProviderContext,
					   NDIS_HANDLE SharedMemoryProviderContext);

#define NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS_REVISION_1	1

/**
 * struct _NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS - a shared memory
 *	provider, for NdisSetOptionalHandlers()
 * @Header: NDIS_OBJECT_TYPE_SHARED_MEMORY_PROVIDER_CHARACTERISTICS, revision 1
 * @Flags: reserved for NDIS: 0
 * @ProviderContext: passed to both handlers
 * @AllocateSharedMemoryHandler: required
 * @FreeSharedMemoryHandler: required
 */
typedef struct _NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	NDIS_HANDLE ProviderContext;
	ALLOCATE_SHARED_MEMORY_HANDLER AllocateSharedMemoryHandler;
	FREE_SHARED_MEMORY_HANDLER FreeSharedMemoryHandler;
} NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS, *PNDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS;

#define NDIS_SIZEOF_SHARED_MEMORY_PROVIDER_CHARACTERISTICS_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS, \
				 FreeSharedMemoryHandler)

NDIS_STATUS NdisAllocateSharedMemory(NDIS_HANDLE NdisHandle,
				     PNDIS_SHARED_MEMORY_PARAMETERS SharedMemoryParameters,
				     PNDIS_HANDLE pAllocationHandle);
void NdisFreeSharedMemory(NDIS_HANDLE NdisHandle, NDIS_HANDLE AllocationHandle);

#endif /* NDIS_SUPPORT_NDIS620 */

#endif /* _NDIS_SHAREDMEM_H */
