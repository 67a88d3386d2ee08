// SPDX-License-Identifier: GPL-2.0
/*
 * The NBL side of the NDIS interface: pools, NBL and NB allocation and the
 * buffer operations of the DDI, over sk_buffs (the storage is pool.c's),
 * and the skb wrapping a miniport needs (namespace NDIS_LINUX). A bad pool
 * handle is an error and a report; so is a pool freed with buffers out.
 */
#include <linux/slab.h>

#include "../handle.h"
#include "../nbdata.h"
#include "../nblcontext.h"
#include "../object.h"
#include "../pool.h"
#include "../report.h"
#include "../state.h"
#include "handle.h"
#include "header.h"

static NDIS_HANDLE ndis_pool_handle(struct ndis_pool *pool)
{
	return pool ? ndis_handle_of(&pool->obj, NDIS_HT_POOL) : NULL;
}

/* A live pool of the wanted kind, with a reference the caller keeps. */
static struct ndis_pool *ndis_pool_get(NDIS_HANDLE h, bool nbl_pool, const char *api,
				       unsigned long caller)
{
	struct ndis_object *obj = ndis_handle_get(h, NDIS_HT_POOL, api, caller);
	struct ndis_pool *pool;

	if (!obj)
		return NULL;
	pool = container_of(obj, struct ndis_pool, obj);
	if (pool->nbl_pool != nbl_pool || READ_ONCE(pool->dead)) {
		ndis_misuse(api, nbl_pool ? "a live NET_BUFFER_LIST pool" :
			    "a live NET_BUFFER pool", caller);
		ndis_object_put(obj);
		return NULL;
	}
	return pool;
}

static void ndis_pool_free(NDIS_HANDLE h, bool nbl_pool, const char *api, unsigned long caller)
{
	struct ndis_pool *pool = ndis_pool_get(h, nbl_pool, api, caller);

	if (!pool)
		return;
	switch (ndis_pool_kill(pool)) {
	case -EALREADY:
		ndis_misuse(api, "a pool not being freed already", caller);
		ndis_object_put(&pool->obj);
		return;
	case -EBUSY:
		ndis_misuse(api, "a pool whose buffers were all freed", caller);
		break;
	}
	ndis_object_put(&pool->obj);	/* our lookup */
	ndis_object_put(&pool->obj);	/* the pool's own; buffers hold theirs */
}

/*
 * A pool allocation's arguments: a live driver handle, and parameters of a
 * revision NDIS accepts, copied into @full at their own size.
 */
static bool ndis_pool_args_ok(NDIS_HANDLE driver, void *full, const void *params,
			      const struct ndis_revisions *rev, const char *api,
			      unsigned long caller)
{
	if (!ndis_handle_is_driver(driver)) {
		ndis_misuse(api, "a live driver handle", caller);
		return false;
	}
	return ndis_header_copy(full, params, rev, api, caller);
}

/**
 * NdisAllocateNetBufferListPool() - create a pool of NET_BUFFER_LISTs
 * @NdisHandle: the driver's handle (any live protocol, miniport, adapter or
 *	binding handle)
 * @Parameters: what the pool hands out
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the pool handle, or NULL (bad arguments, no memory).
 */
NDIS_HANDLE NdisAllocateNetBufferListPool(NDIS_HANDLE NdisHandle,
					  PNET_BUFFER_LIST_POOL_PARAMETERS Parameters)
{
	NET_BUFFER_LIST_POOL_PARAMETERS p;

	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return NULL;
	if (!ndis_pool_args_ok(NdisHandle, &p, Parameters, &ndis_rev_nbl_pool_params, __func__,
			       _RET_IP_) ||
	    !ndis_nbl_context_args_ok(p.ContextSize, 0, __func__, _RET_IP_))
		return NULL;
	return ndis_pool_handle(ndis_pool_new(true, p.fAllocateNetBuffer, p.ContextSize,
					      p.DataSize));
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateNetBufferListPool, "NDIS");

/**
 * NdisFreeNetBufferListPool() - free an NBL pool
 * @PoolHandle: the pool, dead after this call
 *
 * Every NBL of the pool must have been freed; if not, that is reported and
 * the pool's memory stays until they are.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisFreeNetBufferListPool(NDIS_HANDLE PoolHandle)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	ndis_pool_free(PoolHandle, true, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeNetBufferListPool, "NDIS");

/**
 * NdisAllocateNetBufferPool() - create a pool of NET_BUFFERs
 * @NdisHandle: the driver's handle
 * @Parameters: what the pool hands out
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the pool handle, or NULL.
 */
NDIS_HANDLE NdisAllocateNetBufferPool(NDIS_HANDLE NdisHandle,
				      PNET_BUFFER_POOL_PARAMETERS Parameters)
{
	NET_BUFFER_POOL_PARAMETERS p;

	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return NULL;
	if (!ndis_pool_args_ok(NdisHandle, &p, Parameters, &ndis_rev_nb_pool_params, __func__,
			       _RET_IP_))
		return NULL;
	return ndis_pool_handle(ndis_pool_new(false, true, 0, p.DataSize));
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateNetBufferPool, "NDIS");

/**
 * NdisFreeNetBufferPool() - free an NB pool
 * @PoolHandle: the pool, dead after this call
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisFreeNetBufferPool(NDIS_HANDLE PoolHandle)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	ndis_pool_free(PoolHandle, false, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeNetBufferPool, "NDIS");

/* Whether @chain has @offset + @length bytes; if not, the misuse is reported. */
static bool ndis_mdl_chain_holds(PMDL chain, ULONG offset, SIZE_T length, const char *api,
				 unsigned long caller)
{
	u64 bytes = 0;

	for (; chain; chain = chain->Next)
		bytes += chain->ByteCount;
	if ((u64)offset + length <= bytes && length <= U32_MAX)
		return true;
	ndis_misuse(api, "an MDL chain that holds DataOffset + DataLength bytes", caller);
	return false;
}

/**
 * NdisAllocateNetBufferList() - an NBL without frames
 * @PoolHandle: an NBL pool
 * @ContextSize: context bytes in use from the start (the first block of
 *	the context stack, ndis/nblcontext.h), a multiple of sizeof(PVOID)
 * @ContextBackFill: free bytes before them, a multiple of sizeof(PVOID)
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the NBL, or NULL.
 */
PNET_BUFFER_LIST NdisAllocateNetBufferList(NDIS_HANDLE PoolHandle, USHORT ContextSize,
					   USHORT ContextBackFill)
{
	struct ndis_pool *pool;
	PNET_BUFFER_LIST nbl;

	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL) ||
	    !ndis_nbl_context_args_ok(ContextSize, ContextBackFill, __func__, _RET_IP_))
		return NULL;
	pool = ndis_pool_get(PoolHandle, true, __func__, _RET_IP_);
	if (!pool)
		return NULL;
	nbl = ndis_nbl_new(pool, ContextSize, ContextBackFill);
	if (!nbl)
		ndis_object_put(&pool->obj);
	return nbl;
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateNetBufferList, "NDIS");

/**
 * NdisAllocateNetBufferAndNetBufferList() - an NBL with one zeroed frame
 * @PoolHandle: an NBL pool created with fAllocateNetBuffer
 * @ContextSize: context bytes in use from the start (the first block of
 *	the context stack, ndis/nblcontext.h), a multiple of sizeof(PVOID)
 * @ContextBackFill: free bytes before them, a multiple of sizeof(PVOID)
 * @MdlChain: the driver's buffer as an MDL chain, which the frame then
 *	describes in place; or NULL for a zeroed buffer allocated here
 * @DataOffset: bytes of the storage before the data (the back-fill)
 * @DataLength: bytes of data
 *
 * A chain stays the driver's: NDIS neither copies nor frees it, and it
 * must stay valid until the NBL is freed.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the NBL, or NULL (no memory, or a chain shorter than
 * @DataOffset + @DataLength: reported).
 */
PNET_BUFFER_LIST NdisAllocateNetBufferAndNetBufferList(NDIS_HANDLE PoolHandle,
						       USHORT ContextSize,
						       USHORT ContextBackFill,
						       PMDL MdlChain, ULONG DataOffset,
						       SIZE_T DataLength)
{
	struct sk_buff *skb = NULL;
	struct ndis_pool *pool;
	PNET_BUFFER_LIST nbl;

	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL) ||
	    !ndis_nbl_context_args_ok(ContextSize, ContextBackFill, __func__, _RET_IP_))
		return NULL;
	pool = ndis_pool_get(PoolHandle, true, __func__, _RET_IP_);
	if (!pool)
		return NULL;
	if (!pool->allocate_nb) {
		ndis_misuse(__func__, "a pool with fAllocateNetBuffer", _RET_IP_);
		goto fail;
	}
	if (MdlChain && !ndis_mdl_chain_holds(MdlChain, DataOffset, DataLength, __func__,
					      _RET_IP_))
		goto fail;
	if (!MdlChain) {
		skb = ndis_skb_new(pool, DataOffset, DataLength);
		if (!skb)
			goto fail;
	}
	nbl = ndis_nbl_new(pool, ContextSize, ContextBackFill);
	if (!nbl) {
		kfree_skb(skb);
		goto fail;
	}
	if (skb)
		ndis_nb_view(&nbl->Ndis.nb, skb);
	else
		ndis_nb_on_chain(&nbl->Ndis.nb, MdlChain, DataOffset, DataLength);
	nbl->Ndis.nb.NdisPoolHandle = PoolHandle;
	nbl->FirstNetBuffer = &nbl->Ndis.nb;
	return nbl;
fail:
	ndis_object_put(&pool->obj);
	return NULL;
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateNetBufferAndNetBufferList, "NDIS");

/**
 * ndis_nbl_from_skb() - wrap a Linux frame in an NBL, without copying
 * @PoolHandle: an NBL pool
 * @skb: the frame; the NBL owns it from now on
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the NBL, or NULL (then @skb is freed).
 */
PNET_BUFFER_LIST ndis_nbl_from_skb(NDIS_HANDLE PoolHandle, struct sk_buff *skb)
{
	PNET_BUFFER_LIST nbl = NdisAllocateNetBufferList(PoolHandle, 0, 0);

	if (!nbl) {
		kfree_skb(skb);
		return NULL;
	}
	ndis_nb_view(&nbl->Ndis.nb, skb);
	nbl->Ndis.nb.NdisPoolHandle = PoolHandle;
	nbl->FirstNetBuffer = &nbl->Ndis.nb;
	return nbl;
}
EXPORT_SYMBOL_NS_GPL(ndis_nbl_from_skb, "NDIS_LINUX");

/**
 * ndis_nb_detach_skb() - take the frame out of an NB, as a Linux skb
 * @NetBuffer: the NB; it has no data afterwards and may only be freed
 *
 * The skb is trimmed to the NB's view of it; a storage shared with other
 * NBs is copied first, as is a frame on a driver's MDLs (the only cases
 * that copy).
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the sk_buff, now the caller's, or NULL if no memory for a copy
 * or the NB has no data.
 */
struct sk_buff *ndis_nb_detach_skb(PNET_BUFFER NetBuffer)
{
	struct sk_buff *skb = NetBuffer->Skb;
	int delta;

	if (!skb)
		return ndis_nb_on_mdls(NetBuffer) ? ndis_nb_copy_to_skb(NetBuffer) : NULL;
	ndis_nb_drop_mdls(NetBuffer);
	NetBuffer->Skb = NULL;
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb)
		return NULL;
	delta = (int)NetBuffer->DataOffset - (int)skb_headroom(skb);
	if (delta < 0)
		skb_push(skb, -delta);
	else if (delta && !pskb_pull(skb, delta))
		goto fail;
	if (skb->len > NetBuffer->DataLength && pskb_trim(skb, NetBuffer->DataLength))
		goto fail;
	return skb;
fail:
	kfree_skb(skb);
	return NULL;
}
EXPORT_SYMBOL_NS_GPL(ndis_nb_detach_skb, "NDIS_LINUX");

/**
 * NdisFreeNetBufferList() - free an NBL and the NB allocated with it
 * @NetBufferList: an NBL that is not in flight (sent and not completed,
 *	or indicated and not returned: that is reported and refused)
 *
 * NBs the driver added from an NB pool are its own to free first. Context
 * pushed with NdisAllocateNetBufferListContext() and not popped is freed
 * here, and reported.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisFreeNetBufferList(PNET_BUFFER_LIST NetBufferList)
{
	struct ndis_pool *pool;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	if (!NetBufferList)
		return;
	if (atomic_read(&NetBufferList->Ndis.state) != NDIS_NBL_IDLE) {
		ndis_misuse(__func__, "an NBL that is not in flight", _RET_IP_);
		return;
	}
	pool = NetBufferList->Ndis.pool;
	if (!pool) {	/* NDIS's own (a receive copy) or not an NBL at all */
		ndis_misuse(__func__, "an NBL from NdisAllocateNetBufferList", _RET_IP_);
		return;
	}
	ndis_nbl_context_release(NetBufferList, __func__, _RET_IP_);
	ndis_nb_release(&NetBufferList->Ndis.nb);
	kfree(NetBufferList);
	atomic_dec(&pool->outstanding);
	ndis_object_put(&pool->obj);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeNetBufferList, "NDIS");

/**
 * NdisAllocateNetBuffer() - a frame from an NB pool
 * @PoolHandle: an NB pool
 * @MdlChain: the driver's buffer as an MDL chain, which the frame then
 *	describes in place; or NULL for a zeroed buffer allocated here
 * @DataOffset: bytes of the storage before the data (the back-fill)
 * @DataLength: bytes of data
 *
 * A chain stays the driver's, as for NdisAllocateNetBufferAndNetBufferList().
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the NB, or NULL.
 */
PNET_BUFFER NdisAllocateNetBuffer(NDIS_HANDLE PoolHandle, PMDL MdlChain,
				  ULONG DataOffset, SIZE_T DataLength)
{
	struct ndis_pool_nb *pnb = NULL;
	struct sk_buff *skb = NULL;
	struct ndis_pool *pool;

	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return NULL;
	pool = ndis_pool_get(PoolHandle, false, __func__, _RET_IP_);
	if (!pool)
		return NULL;
	if (MdlChain && !ndis_mdl_chain_holds(MdlChain, DataOffset, DataLength, __func__,
					      _RET_IP_))
		goto fail;
	if (!MdlChain) {
		skb = ndis_skb_new(pool, DataOffset, DataLength);
		if (!skb)
			goto fail;
	}
	pnb = kzalloc(sizeof(*pnb), GFP_ATOMIC);
	if (!pnb) {
		kfree_skb(skb);
		goto fail;
	}
	pnb->magic = NDIS_POOL_NB_MAGIC;
	pnb->pool = pool;
	if (skb)
		ndis_nb_view(&pnb->nb, skb);
	else
		ndis_nb_on_chain(&pnb->nb, MdlChain, DataOffset, DataLength);
	pnb->nb.NdisPoolHandle = PoolHandle;
	atomic_inc(&pool->outstanding);
	return &pnb->nb;
fail:
	ndis_object_put(&pool->obj);
	return NULL;
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateNetBuffer, "NDIS");

/**
 * NdisFreeNetBuffer() - free an NB from NdisAllocateNetBuffer()
 * @NetBuffer: the NB (one allocated with an NBL is refused and reported)
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisFreeNetBuffer(PNET_BUFFER NetBuffer)
{
	struct ndis_pool_nb *pnb;
	struct ndis_pool *pool;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	if (!NetBuffer)
		return;
	pnb = container_of(NetBuffer, struct ndis_pool_nb, nb);
	if (pnb->magic != NDIS_POOL_NB_MAGIC) {
		ndis_misuse(__func__, "an NB from NdisAllocateNetBuffer", _RET_IP_);
		return;
	}
	pool = pnb->pool;
	pnb->magic = 0;
	ndis_nb_release(NetBuffer);
	kfree(pnb);
	atomic_dec(&pool->outstanding);
	ndis_object_put(&pool->obj);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeNetBuffer, "NDIS");
