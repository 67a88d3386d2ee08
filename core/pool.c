// SPDX-License-Identifier: GPL-2.0
/*
 * NBL and NB pools, and the sk_buff storage behind their buffers.
 *
 * A pool is an object with a handle like any other. Every buffer holds a
 * reference on its pool; a pool freed with buffers still out lives on,
 * dead to new allocations, until the last one is freed. Allocation runs
 * at IRQL <= DISPATCH_LEVEL and so is GFP_ATOMIC. The DDI's pool and
 * buffer calls are in ddi/nbl.c.
 */
#include <linux/skbuff.h>
#include <linux/slab.h>

#include "handle.h"
#include "nblcontext.h"
#include "object.h"
#include "pool.h"
#include "state.h"

/* Three cache lines per frame, and an NBL with its NB in kmalloc-512 (design.md). */
static_assert(sizeof(NET_BUFFER) == 192);
static_assert(sizeof(NET_BUFFER_LIST) <= 512 - 16);

static void ndis_pool_release(struct kobject *kobj)
{
	kfree_rcu(container_of(kobj, struct ndis_pool, obj.kobj), obj.rcu);
}

static const struct kobj_type ndis_pool_ktype = {
	.release = ndis_pool_release,
};

/*
 * A pool of NBLs (@nbl_pool, with a frame each if @allocate_nb) or of NBs,
 * with its handle registered. Return: NULL without memory. Any context up
 * to DISPATCH_LEVEL.
 */
struct ndis_pool *ndis_pool_new(bool nbl_pool, bool allocate_nb, u16 context_size,
				u32 data_size)
{
	struct ndis_pool *pool = kzalloc(sizeof(*pool), GFP_ATOMIC);

	if (!pool)
		return NULL;
	kobject_init(&pool->obj.kobj, &ndis_pool_ktype);
	pool->nbl_pool = nbl_pool;
	pool->allocate_nb = allocate_nb;
	pool->context_size = context_size;
	pool->data_size = data_size;
	if (ndis_handle_register_atomic(&pool->obj, NDIS_HT_POOL)) {
		kobject_put(&pool->obj.kobj);
		return NULL;
	}
	return pool;
}

/*
 * A free of @pool: it dies to lookups, and the last buffer out frees it.
 * Return: -EALREADY if a concurrent free got there first, -EBUSY (freed
 * all the same) if buffers were still out.
 */
int ndis_pool_kill(struct ndis_pool *pool)
{
	if (xchg(&pool->dead, true))
		return -EALREADY;
	ndis_handle_unregister(&pool->obj);
	return atomic_read(&pool->outstanding) ? -EBUSY : 0;
}

/* Make @nb view all of @skb's data. */
void ndis_nb_view(PNET_BUFFER nb, struct sk_buff *skb)
{
	nb->Skb = skb;
	nb->DataOffset = skb_headroom(skb);
	nb->DataLength = skb->len;
}

/*
 * Storage for @size bytes of frame. Up to a page it comes from the page
 * fragment allocator, as a NIC's receive buffers do, so that a miniport can
 * lend the frame to its device as an skb fragment instead of copying it
 * (ndis_netdev does); a kmalloc()ed head cannot be lent.
 */
static struct sk_buff *ndis_skb_alloc(size_t size)
{
	unsigned int truesize;
	struct sk_buff *skb;
	void *data;

	if (size > SKB_WITH_OVERHEAD(PAGE_SIZE))
		return size > INT_MAX ? NULL : alloc_skb(size, GFP_ATOMIC);
	truesize = SKB_DATA_ALIGN(size) + SKB_DATA_ALIGN(sizeof(struct skb_shared_info));
	data = netdev_alloc_frag(truesize);
	if (!data)
		return NULL;
	skb = build_skb(data, truesize);
	if (!skb)
		skb_free_frag(data);
	return skb;
}

/* A frame buffer: @offset bytes of headroom, @length zeroed bytes of data. */
struct sk_buff *ndis_skb_new(struct ndis_pool *pool, u32 offset, size_t length)
{
	size_t size = max_t(size_t, (size_t)offset + length, pool->data_size);
	struct sk_buff *skb;

	skb = ndis_skb_alloc(size);
	if (!skb)
		return NULL;
	skb_reserve(skb, offset);
	skb_put_zero(skb, length);
	return skb;
}

/*
 * An NBL of @pool with @context bytes of context used and @backfill more
 * free, in the first block of its context stack, allocated with it.
 */
PNET_BUFFER_LIST ndis_nbl_new(struct ndis_pool *pool, u16 context, u16 backfill)
{
	size_t ctx = ndis_nbl_context_extra(pool->context_size, context, backfill);
	PNET_BUFFER_LIST nbl = kzalloc(sizeof(*nbl) + ctx, GFP_ATOMIC);

	if (!nbl)
		return NULL;
	nbl->NdisPoolHandle = ndis_handle_of(&pool->obj, NDIS_HT_POOL);
	if (ctx)
		ndis_nbl_context_init(nbl, pool->context_size, context, backfill);
	nbl->Ndis.pool = pool;
	atomic_set(&nbl->Ndis.state, NDIS_NBL_IDLE);
	atomic_inc(&pool->outstanding);
	return nbl;
}
