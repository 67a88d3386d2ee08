/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The context stack of a NET_BUFFER_LIST: room each driver the NBL passes
 * through takes for itself, and gives back before the NBL moves on.
 *
 * The stack is a list of blocks, the top one in NBL->Context. A block
 * fills from its end towards its start: Offset is where the used part
 * begins, so it is also how much of the block is still free.
 * NdisAllocateNetBufferListContext() takes ContextSize bytes off the top
 * block's Offset when they fit and otherwise puts a new block on top, of
 * ContextSize plus ContextBackFill bytes; NdisFreeNetBufferListContext()
 * gives them back and frees a block NDIS allocated once it is empty. The
 * caller's context is always the used part of the top block:
 * NET_BUFFER_LIST_CONTEXT_DATA_START() and NET_BUFFER_LIST_CONTEXT_DATA_SIZE().
 *
 * The first block comes with the NBL, in the same allocation: as large as
 * the pool's ContextSize or NdisAllocateNetBufferList()'s ContextSize plus
 * ContextBackFill, whichever is larger, with that ContextSize used. A
 * stack that stays within it never allocates. Sizes are multiples of
 * sizeof(PVOID), and so is every context's start; ContextData itself is
 * aligned to MEMORY_ALLOCATION_ALIGNMENT.
 */
#ifndef _NDIS_NBLCONTEXT_H
#define _NDIS_NBLCONTEXT_H

#include <ndis/nbl.h>

/**
 * struct _NET_BUFFER_LIST_CONTEXT - one block of an NBL's context stack
 * @Next: the block below, or NULL
 * @Size: bytes of @ContextData, used and unused
 * @Offset: where in @ContextData the used part starts, which is also how
 *	many bytes of it are unused
 * @ContextData: the block's bytes
 */
struct _NET_BUFFER_LIST_CONTEXT {
	PNET_BUFFER_LIST_CONTEXT Next;
	USHORT Size;
	USHORT Offset;
	UCHAR ContextData[] __aligned(MEMORY_ALLOCATION_ALIGNMENT);
};

/**
 * NET_BUFFER_LIST_CONTEXT_DATA_START() - the context of the NBL's owner
 * @Nbl: an NBL with a context stack
 *
 * Return: the start of the used part of the top block.
 */
static inline PUCHAR NET_BUFFER_LIST_CONTEXT_DATA_START(const NET_BUFFER_LIST *Nbl)
{
	return Nbl->Context->ContextData + Nbl->Context->Offset;
}

/**
 * NET_BUFFER_LIST_CONTEXT_DATA_SIZE() - the size of the context of the NBL's owner
 * @Nbl: an NBL with a context stack
 *
 * Return: the bytes in use of the top block.
 */
static inline USHORT NET_BUFFER_LIST_CONTEXT_DATA_SIZE(const NET_BUFFER_LIST *Nbl)
{
	return Nbl->Context->Size - Nbl->Context->Offset;
}

NDIS_STATUS NdisAllocateNetBufferListContext(PNET_BUFFER_LIST NetBufferList, USHORT ContextSize,
					     USHORT ContextBackFill, ULONG PoolTag);
void NdisFreeNetBufferListContext(PNET_BUFFER_LIST NetBufferList, USHORT ContextSize);

#endif /* _NDIS_NBLCONTEXT_H */
