/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ndis.ko: the first block of an NBL's context stack, which is
 * allocated with the NBL, after the structure (pool.c), and the blocks a
 * driver left pushed when the NBL is freed or a receive comes back
 * (ddi/nblcontext.c).
 */
#ifndef _NDIS_CORE_NBLCONTEXT_H
#define _NDIS_CORE_NBLCONTEXT_H

#include <ndis/ndis.h>

/* Where the first block starts, from the start of the NBL. */
#define NDIS_NBL_CONTEXT_AT	ALIGN(sizeof(NET_BUFFER_LIST), MEMORY_ALLOCATION_ALIGNMENT)

static inline PNET_BUFFER_LIST_CONTEXT ndis_nbl_context_first(PNET_BUFFER_LIST nbl)
{
	return (PNET_BUFFER_LIST_CONTEXT)((u8 *)nbl + NDIS_NBL_CONTEXT_AT);
}

/*
 * The first block's size: the pool's @pool_size or the allocation's
 * @size + @backfill, whichever is larger (arguments checked by
 * ndis_nbl_context_args_ok()).
 */
static inline u16 ndis_nbl_context_first_size(u16 pool_size, u16 size, u16 backfill)
{
	return max_t(u32, pool_size, (u32)size + backfill);
}

/* Bytes to allocate after the NBL structure for that block; 0: none. */
static inline size_t ndis_nbl_context_extra(u16 pool_size, u16 size, u16 backfill)
{
	u16 total = ndis_nbl_context_first_size(pool_size, size, backfill);

	if (!total)
		return 0;
	return NDIS_NBL_CONTEXT_AT - sizeof(NET_BUFFER_LIST) + sizeof(NET_BUFFER_LIST_CONTEXT) +
	       total;
}

bool ndis_nbl_context_args_ok(u32 size, u32 backfill, const char *api, unsigned long caller);
void ndis_nbl_context_init(PNET_BUFFER_LIST nbl, u16 pool_size, u16 size, u16 backfill);
void ndis_nbl_context_leftover(PNET_BUFFER_LIST nbl, const char *api, unsigned long caller);

/* Whether @nbl has more context pushed than it had when it was allocated. */
static inline bool ndis_nbl_context_pushed(PNET_BUFFER_LIST nbl)
{
	PNET_BUFFER_LIST_CONTEXT c = nbl->Context;

	if (likely(!c))
		return false;
	if (!nbl->Ndis.context_size || c != ndis_nbl_context_first(nbl))
		return true;
	return c->Offset < nbl->Ndis.context_offset;
}

/*
 * @nbl is being freed, or a receive copy recycled: free the blocks a driver
 * left pushed, and report it against @api and @caller.
 */
static inline void ndis_nbl_context_release(PNET_BUFFER_LIST nbl, const char *api,
					    unsigned long caller)
{
	if (unlikely(ndis_nbl_context_pushed(nbl)))
		ndis_nbl_context_leftover(nbl, api, caller);
}

#endif /* _NDIS_CORE_NBLCONTEXT_H */
