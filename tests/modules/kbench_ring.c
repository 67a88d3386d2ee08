// SPDX-License-Identifier: GPL-2.0
/*
 * A ring of send NBLs: allocated once from an NBL pool with their frame in
 * place, sent, and used again once their completion brought them back, as
 * a driver that cares about its send path would. The ring's size is the
 * sender's window: with every NBL out, the sender waits for a completion.
 *
 * Completions run in any context up to DISPATCH_LEVEL and put NBLs on a
 * lock-free list; only the one sender takes them off.
 */
#include <linux/slab.h>

#include "kbench.h"

/* A ring NBL's ProtocolReserved while it is ours. */
struct ndis_kbench_nbl {
	struct llist_node node;		/* on ring->free */
	struct ndis_kbench_ring *ring;
};

static struct ndis_kbench_nbl *ndis_kbench_nbl(PNET_BUFFER_LIST nbl)
{
	BUILD_BUG_ON(sizeof(struct ndis_kbench_nbl) > sizeof(nbl->ProtocolReserved));
	return (struct ndis_kbench_nbl *)nbl->ProtocolReserved;
}

static PNET_BUFFER_LIST ndis_kbench_nbl_of(struct llist_node *node)
{
	return container_of((void *)node, NET_BUFFER_LIST, ProtocolReserved);
}

/**
 * ndis_kbench_ring_init() - @n NBLs of one frame each, from a pool of @protocol
 * @r: the ring
 * @protocol: the NdisProtocolHandle the pool belongs to
 * @n: how many
 * @frame: what each carries
 * @len: its length
 *
 * Context: PASSIVE_LEVEL.
 * Return: 0 or -ENOMEM.
 */
int ndis_kbench_ring_init(struct ndis_kbench_ring *r, NDIS_HANDLE protocol, unsigned int n,
			  const u8 *frame, unsigned int len)
{
	NET_BUFFER_LIST_POOL_PARAMETERS params = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_DEFAULT,
						  NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1,
						  sizeof(params)),
		.fAllocateNetBuffer = TRUE,
	};
	PNET_BUFFER_LIST nbl;
	u8 *data;

	memset(r, 0, sizeof(*r));
	init_llist_head(&r->free);
	r->nbls = kcalloc(n, sizeof(*r->nbls), GFP_KERNEL);
	r->pool = NdisAllocateNetBufferListPool(protocol, &params);
	if (!r->nbls || !r->pool)
		goto fail;
	while (r->n < n) {
		nbl = NdisAllocateNetBufferAndNetBufferList(r->pool, 0, 0, NULL, 0, len);
		if (!nbl)
			goto fail;
		r->nbls[r->n++] = nbl;
		data = NdisGetDataBuffer(NET_BUFFER_LIST_FIRST_NB(nbl), len, NULL, 1, 0);
		if (!data)
			goto fail;
		memcpy(data, frame, len);
		ndis_kbench_nbl(nbl)->ring = r;
		llist_add(&ndis_kbench_nbl(nbl)->node, &r->free);
	}
	return 0;
fail:
	ndis_kbench_ring_free(r);
	return -ENOMEM;
}

/**
 * ndis_kbench_ring_free() - free the ring; every NBL must be back
 * @r: the ring
 */
void ndis_kbench_ring_free(struct ndis_kbench_ring *r)
{
	while (r->n)
		NdisFreeNetBufferList(r->nbls[--r->n]);
	if (r->pool)
		NdisFreeNetBufferListPool(r->pool);
	r->pool = NULL;
	kfree(r->nbls);
	r->nbls = NULL;
}

/**
 * ndis_kbench_ring_get() - an NBL to send, waiting for a completion if none
 * @measure: the measure, for the error line
 * @r: the ring
 *
 * It counts as out from now on: send it.
 *
 * Context: PASSIVE_LEVEL; the ring's one sender.
 * Return: the NBL, or NULL when none came back within the bound.
 */
PNET_BUFFER_LIST ndis_kbench_ring_get(const char *measure, struct ndis_kbench_ring *r)
{
	struct llist_node *node;

	if (!r->ready)
		r->ready = llist_del_all(&r->free);
	if (!r->ready) {
		if (ndis_kbench_wait(measure, !llist_empty(&r->free), "a send completion"))
			return NULL;
		r->ready = llist_del_all(&r->free);
	}
	node = r->ready;
	r->ready = node->next;
	atomic_inc(&r->out);
	return ndis_kbench_nbl_of(node);
}

/**
 * ndis_kbench_ring_put() - a completed NBL back to its ring
 * @nbl: the NBL
 *
 * Context: any, up to DISPATCH_LEVEL.
 */
void ndis_kbench_ring_put(PNET_BUFFER_LIST nbl)
{
	struct ndis_kbench_ring *r = ndis_kbench_nbl(nbl)->ring;

	if (nbl->Status != NDIS_STATUS_SUCCESS)
		atomic_inc(&r->failed);
	llist_add(&ndis_kbench_nbl(nbl)->node, &r->free);
	/* On the list before it stops counting: drained means all are back. */
	atomic_dec(&r->out);
	if (wq_has_sleeper(&ndis_kbench_wq))
		wake_up(&ndis_kbench_wq);
}

/**
 * ndis_kbench_ring_drain() - wait until every NBL sent has completed
 * @measure: the measure, for the error line
 * @r: the ring
 *
 * Return: 0, or -ETIMEDOUT / -EINTR with an error line.
 */
int ndis_kbench_ring_drain(const char *measure, struct ndis_kbench_ring *r)
{
	return ndis_kbench_wait(measure, !atomic_read(&r->out), "the last send completions");
}
