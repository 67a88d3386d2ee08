// SPDX-License-Identifier: GPL-2.0
/*
 * The context stack of a NET_BUFFER_LIST (include/ndis/nblcontext.h):
 * NdisAllocateNetBufferListContext() pushes, NdisFreeNetBufferListContext()
 * pops, and the first block comes with the NBL (pool.c allocates it after
 * the structure, ndis_nbl_context_init() sets it up).
 *
 * A push that fits the top block only moves its Offset, and a pop that
 * empties a block NDIS allocated frees it, so a driver that pops what it
 * pushed leaves the stack as it found it. The first block is never freed
 * by a pop: it is part of the NBL. An NBL freed, or a received NBL given
 * back, with more context pushed than it was allocated with has the extra
 * blocks freed and the misuse reported (ndis_nbl_context_release()).
 */
#include <linux/log2.h>
#include <linux/slab.h>
#include <ndis/ndis.h>

#include "../nblcontext.h"
#include "../report.h"

/*
 * Sizes a driver passes, in bytes: multiples of sizeof(PVOID), so that
 * every context starts aligned to a pointer, and together within the
 * USHORT a block's Size is. Return: false after reporting the misuse.
 */
bool ndis_nbl_context_args_ok(u32 size, u32 backfill, const char *api, unsigned long caller)
{
	if (!IS_ALIGNED(size | backfill, sizeof(PVOID))) {
		ndis_misuse(api, "context sizes that are multiples of sizeof(PVOID)", caller);
		return false;
	}
	if (size + backfill > U16_MAX) {
		ndis_misuse(api, "context and back-fill of 64 KiB at most together", caller);
		return false;
	}
	return true;
}

/*
 * The first block of a fresh, zeroed NBL allocated with
 * ndis_nbl_context_extra() bytes more than the structure, which is not 0:
 * @size bytes of it used. kmalloc() sizes above 192 bytes are powers of
 * two, aligned to themselves, so the block is aligned as the structure
 * declares.
 */
void ndis_nbl_context_init(PNET_BUFFER_LIST nbl, u16 pool_size, u16 size, u16 backfill)
{
	PNET_BUFFER_LIST_CONTEXT c = ndis_nbl_context_first(nbl);
	u16 total = ndis_nbl_context_first_size(pool_size, size, backfill);

	BUILD_BUG_ON(sizeof(NET_BUFFER_LIST) <= 192);
	c->Size = total;
	c->Offset = total - size;
	nbl->Context = c;
	nbl->Ndis.context_size = total;
	nbl->Ndis.context_offset = c->Offset;
}

static bool ndis_nbl_context_is_first(PNET_BUFFER_LIST nbl, PNET_BUFFER_LIST_CONTEXT c)
{
	return nbl->Ndis.context_size && c == ndis_nbl_context_first(nbl);
}

/* Free the blocks above the first and put the first back as allocated. */
void ndis_nbl_context_leftover(PNET_BUFFER_LIST nbl, const char *api, unsigned long caller)
{
	PNET_BUFFER_LIST_CONTEXT c = nbl->Context, next;

	while (c && !ndis_nbl_context_is_first(nbl, c)) {
		next = c->Next;
		kfree(c);
		c = next;
	}
	if (c)
		c->Offset = nbl->Ndis.context_offset;
	nbl->Context = c;
	ndis_misuse(api, "every context pushed with NdisAllocateNetBufferListContext freed first",
		    caller);
}

/*
 * A block of @bytes for a push. kmalloc-96 and kmalloc-192 promise only
 * ARCH_KMALLOC_MINALIGN on older kernels; every other kmalloc size is a
 * power of two and aligned to it, so those two are rounded up.
 */
static PNET_BUFFER_LIST_CONTEXT ndis_nbl_context_alloc(size_t bytes)
{
	gfp_t gfp = ndis_current_irql() == PASSIVE_LEVEL ? GFP_KERNEL : GFP_ATOMIC | __GFP_NOWARN;

	if (bytes > 64 && bytes <= 192)
		bytes = roundup_pow_of_two(bytes);
	return kmalloc(bytes, gfp);
}

/**
 * NdisAllocateNetBufferListContext() - push context onto an NBL
 * @NetBufferList: an NBL the caller owns for now
 * @ContextSize: bytes of context, a multiple of sizeof(PVOID)
 * @ContextBackFill: when a new block is needed, bytes of room to leave
 *	below the context in it for later pushes; a multiple of sizeof(PVOID)
 * @PoolTag: not kept
 *
 * The top block's unused room is used when there is enough; otherwise a
 * new block of @ContextSize + @ContextBackFill bytes goes on top, which
 * allocates (sleeping only at PASSIVE_LEVEL). The new context, not zeroed,
 * is then NET_BUFFER_LIST_CONTEXT_DATA_START(), @ContextSize bytes, until
 * NdisFreeNetBufferListContext() gives it back.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: NDIS_STATUS_SUCCESS; NDIS_STATUS_RESOURCES without memory for a
 * block; NDIS_STATUS_FAILURE, reported, for no NBL or sizes that are not
 * multiples of sizeof(PVOID) or exceed 64 KiB together.
 */
NDIS_STATUS NdisAllocateNetBufferListContext(PNET_BUFFER_LIST NetBufferList, USHORT ContextSize,
					     USHORT ContextBackFill, ULONG PoolTag)
{
	PNET_BUFFER_LIST_CONTEXT c;
	u32 size;

	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return NDIS_STATUS_FAILURE;
	if (!NetBufferList) {
		ndis_misuse(__func__, "an NBL", _RET_IP_);
		return NDIS_STATUS_FAILURE;
	}
	if (!ndis_nbl_context_args_ok(ContextSize, ContextBackFill, __func__, _RET_IP_))
		return NDIS_STATUS_FAILURE;
	c = NetBufferList->Context;
	if (c && c->Offset >= ContextSize) {
		c->Offset -= ContextSize;
		return NDIS_STATUS_SUCCESS;
	}
	size = ContextSize + ContextBackFill;
	c = ndis_nbl_context_alloc(struct_size(c, ContextData, size));
	if (!c)
		return NDIS_STATUS_RESOURCES;
	c->Next = NetBufferList->Context;
	c->Size = size;
	c->Offset = ContextBackFill;
	NetBufferList->Context = c;
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateNetBufferListContext, "NDIS");

/**
 * NdisFreeNetBufferListContext() - pop context off an NBL
 * @NetBufferList: the NBL
 * @ContextSize: what the matching NdisAllocateNetBufferListContext() pushed
 *
 * The bytes go back to the top block; a block NDIS allocated for a push is
 * freed once it is empty. Popping more than the top block holds (more than
 * was pushed) is reported and refused.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisFreeNetBufferListContext(PNET_BUFFER_LIST NetBufferList, USHORT ContextSize)
{
	PNET_BUFFER_LIST_CONTEXT c = NetBufferList ? NetBufferList->Context : NULL;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	if (!c || !IS_ALIGNED(ContextSize, sizeof(PVOID)) || ContextSize > c->Size - c->Offset) {
		ndis_misuse(__func__,
			    "no more context than NdisAllocateNetBufferListContext pushed",
			    _RET_IP_);
		return;
	}
	c->Offset += ContextSize;
	if (c->Offset == c->Size && !ndis_nbl_context_is_first(NetBufferList, c)) {
		NetBufferList->Context = c->Next;
		kfree(c);
	}
}
EXPORT_SYMBOL_NS_GPL(NdisFreeNetBufferListContext, "NDIS");
