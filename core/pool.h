/* SPDX-License-Identifier: GPL-2.0 */
/* Private to ndis.ko: NBL and NB pools and their buffers' storage (pool.c). */
#ifndef _NDIS_CORE_POOL_H
#define _NDIS_CORE_POOL_H

#include <linux/skbuff.h>
#include <ndis/ndis.h>

#include "object.h"

struct ndis_pool {
	struct ndis_object obj;
	bool nbl_pool;			/* else a NET_BUFFER pool */
	bool allocate_nb;
	bool dead;
	u16 context_size;
	u32 data_size;
	atomic_t outstanding;
};

/* A NET_BUFFER from NdisAllocateNetBuffer; @magic tells it from others. */
struct ndis_pool_nb {
	u32 magic;
	struct ndis_pool *pool;
	NET_BUFFER nb;
};

#define NDIS_POOL_NB_MAGIC	0x4e425046	/* "NBPF" */

struct ndis_pool *ndis_pool_new(bool nbl_pool, bool allocate_nb, u16 context_size,
				u32 data_size);
int ndis_pool_kill(struct ndis_pool *pool);
void ndis_nb_view(PNET_BUFFER nb, struct sk_buff *skb);
struct sk_buff *ndis_skb_new(struct ndis_pool *pool, u32 offset, size_t length);
PNET_BUFFER_LIST ndis_nbl_new(struct ndis_pool *pool, u16 context, u16 backfill);

#endif /* _NDIS_CORE_POOL_H */
