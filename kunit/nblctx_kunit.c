// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_nbl_context: the context stack of a NET_BUFFER_LIST. The
 * first block comes with the NBL, sized by the pool and the allocation;
 * pushes within it only move its Offset, pushes beyond it get a block of
 * their own that the matching pop frees; data below stays put; contexts
 * are aligned; a pop of more than was pushed is refused; sizes that are
 * not pointer multiples are refused; contexts left pushed are freed (the
 * tier's kmemleak scan sees any that are not) and reported when the NBL is
 * freed or a receive returned; pushes work at DISPATCH_LEVEL.
 */
#include <linux/etherdevice.h>

#include "fake.h"

static void pool_free(void *pool)
{
	NdisFreeNetBufferListPool(pool);
}

/* An NBL pool of a registered protocol, @context bytes of context per NBL. */
static NDIS_HANDLE ctx_pool(struct kunit *test, const char *name, USHORT context)
{
	NET_BUFFER_LIST_POOL_PARAMETERS p = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_DEFAULT,
						  NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1,
						  sizeof(p)),
		.ContextSize = context,
	};
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, name);
	NDIS_HANDLE pool;

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	pool = NdisAllocateNetBufferListPool(fp->handle, &p);
	KUNIT_ASSERT_NOT_NULL(test, pool);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, pool_free, pool), 0);
	return pool;
}

static PNET_BUFFER_LIST ctx_nbl(struct kunit *test, NDIS_HANDLE pool, USHORT size,
				USHORT backfill)
{
	PNET_BUFFER_LIST nbl = NdisAllocateNetBufferList(pool, size, backfill);

	KUNIT_ASSERT_NOT_NULL(test, nbl);
	return nbl;
}

/* Whether @n bytes at @p all hold @v. */
static bool all_are(const UCHAR *p, unsigned int n, UCHAR v)
{
	return !memchr_inv(p, v, n);
}

static void block_layout_is_the_ddi_s(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, offsetof(NET_BUFFER_LIST_CONTEXT, Size), sizeof(PVOID));
	KUNIT_EXPECT_EQ(test, offsetof(NET_BUFFER_LIST_CONTEXT, Offset), sizeof(PVOID) + 2);
	KUNIT_EXPECT_EQ(test, offsetof(NET_BUFFER_LIST_CONTEXT, ContextData),
			(size_t)MEMORY_ALLOCATION_ALIGNMENT);
	KUNIT_EXPECT_EQ(test, __alignof__(NET_BUFFER_LIST_CONTEXT),
			(size_t)MEMORY_ALLOCATION_ALIGNMENT);
}

static void first_block_comes_with_the_nbl(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE pool = ctx_pool(test, "ctx-first", 32);
	NDIS_HANDLE bare = ctx_pool(test, "ctx-bare", 0);
	PNET_BUFFER_LIST nbl;
	PNET_BUFFER_LIST_CONTEXT c;

	/* The pool's 32 bytes hold the 16 asked for: 16 used, 16 free. */
	nbl = ctx_nbl(test, pool, 16, 0);
	c = nbl->Context;
	KUNIT_ASSERT_NOT_NULL(test, c);
	/* Right after the structure, in the NBL's own allocation. */
	KUNIT_EXPECT_EQ(test, (UCHAR *)c - (UCHAR *)nbl,
			(long)ALIGN(sizeof(*nbl), MEMORY_ALLOCATION_ALIGNMENT));
	KUNIT_EXPECT_NULL(test, c->Next);
	KUNIT_EXPECT_EQ(test, c->Size, 32);
	KUNIT_EXPECT_EQ(test, c->Offset, 16);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_SIZE(nbl), 16);
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_START(nbl), c->ContextData + 16);
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)c->ContextData,
					   MEMORY_ALLOCATION_ALIGNMENT));
	KUNIT_EXPECT_TRUE(test, all_are(NET_BUFFER_LIST_CONTEXT_DATA_START(nbl), 16, 0));
	NdisFreeNetBufferList(nbl);

	/* More than the pool's: the block grows to context + back-fill. */
	nbl = ctx_nbl(test, pool, 24, 32);
	KUNIT_EXPECT_EQ(test, nbl->Context->Size, 56);
	KUNIT_EXPECT_EQ(test, nbl->Context->Offset, 32);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_SIZE(nbl), 24);
	NdisFreeNetBufferList(nbl);

	/* Nothing asked: all of the pool's is free. */
	nbl = ctx_nbl(test, pool, 0, 0);
	KUNIT_EXPECT_EQ(test, nbl->Context->Offset, 32);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_SIZE(nbl), 0);
	NdisFreeNetBufferList(nbl);

	/* Neither the pool nor the allocation wants any: no block at all. */
	nbl = ctx_nbl(test, bare, 0, 0);
	KUNIT_EXPECT_NULL(test, nbl->Context);
	NdisFreeNetBufferList(nbl);
	nbl = ctx_nbl(test, bare, 8, 0);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_SIZE(nbl), 8);
	NdisFreeNetBufferList(nbl);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void pushes_within_the_first_block_move_its_offset(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE pool = ctx_pool(test, "ctx-in", 64);
	PNET_BUFFER_LIST nbl = ctx_nbl(test, pool, 16, 0);
	PNET_BUFFER_LIST_CONTEXT first = nbl->Context;
	PUCHAR mine = NET_BUFFER_LIST_CONTEXT_DATA_START(nbl);

	memset(mine, 0xa1, 16);
	KUNIT_ASSERT_EQ(test, NdisAllocateNetBufferListContext(nbl, 16, 0, 0), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_PTR_EQ(test, nbl->Context, first);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_SIZE(nbl), 32);
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_START(nbl), mine - 16);
	memset(NET_BUFFER_LIST_CONTEXT_DATA_START(nbl), 0xb2, 16);

	KUNIT_ASSERT_EQ(test, NdisAllocateNetBufferListContext(nbl, 32, 0, 0), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_PTR_EQ(test, nbl->Context, first);
	KUNIT_EXPECT_EQ(test, first->Offset, 0);

	NdisFreeNetBufferListContext(nbl, 32);
	KUNIT_EXPECT_TRUE(test, all_are(NET_BUFFER_LIST_CONTEXT_DATA_START(nbl), 16, 0xb2));
	NdisFreeNetBufferListContext(nbl, 16);
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_START(nbl), mine);
	KUNIT_EXPECT_TRUE(test, all_are(mine, 16, 0xa1));
	KUNIT_EXPECT_EQ(test, first->Offset, 48);
	NdisFreeNetBufferList(nbl);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void pushes_beyond_it_get_a_block_the_pop_frees(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE pool = ctx_pool(test, "ctx-out", 16);
	PNET_BUFFER_LIST nbl = ctx_nbl(test, pool, 16, 0);
	PNET_BUFFER_LIST_CONTEXT first = nbl->Context, c;
	PUCHAR mine = NET_BUFFER_LIST_CONTEXT_DATA_START(nbl);

	memset(mine, 0xa1, 16);
	/* The first block is full: a new one, with 8 bytes to spare. */
	KUNIT_ASSERT_EQ(test, NdisAllocateNetBufferListContext(nbl, 24, 8, 0), NDIS_STATUS_SUCCESS);
	c = nbl->Context;
	KUNIT_EXPECT_PTR_NE(test, c, first);
	KUNIT_EXPECT_PTR_EQ(test, c->Next, first);
	KUNIT_EXPECT_EQ(test, c->Size, 32);
	KUNIT_EXPECT_EQ(test, c->Offset, 8);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_SIZE(nbl), 24);
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_START(nbl), c->ContextData + 8);
	memset(NET_BUFFER_LIST_CONTEXT_DATA_START(nbl), 0xc3, 24);

	/* The spare 8 bytes take the next push: no third block. */
	KUNIT_ASSERT_EQ(test, NdisAllocateNetBufferListContext(nbl, 8, 0, 0), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_PTR_EQ(test, nbl->Context, c);
	KUNIT_EXPECT_EQ(test, c->Offset, 0);
	NdisFreeNetBufferListContext(nbl, 8);
	KUNIT_EXPECT_PTR_EQ(test, nbl->Context, c);
	KUNIT_EXPECT_TRUE(test, all_are(NET_BUFFER_LIST_CONTEXT_DATA_START(nbl), 24, 0xc3));

	/* Empty again, the block goes; what was below is as it was. */
	NdisFreeNetBufferListContext(nbl, 24);
	KUNIT_EXPECT_PTR_EQ(test, nbl->Context, first);
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_START(nbl), mine);
	KUNIT_EXPECT_TRUE(test, all_are(mine, 16, 0xa1));
	NdisFreeNetBufferList(nbl);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void an_nbl_without_context_gets_a_block(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE pool = ctx_pool(test, "ctx-none", 0);
	PNET_BUFFER_LIST nbl = ctx_nbl(test, pool, 0, 0);

	KUNIT_ASSERT_EQ(test, NdisAllocateNetBufferListContext(nbl, 16, 0, 0), NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_NOT_NULL(test, nbl->Context);
	KUNIT_EXPECT_NULL(test, nbl->Context->Next);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_SIZE(nbl), 16);
	NdisFreeNetBufferListContext(nbl, 16);
	KUNIT_EXPECT_NULL(test, nbl->Context);
	NdisFreeNetBufferList(nbl);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

/* Every block's data is aligned as declared, whatever kmalloc size it takes. */
static void every_block_is_aligned(struct kunit *test)
{
	NDIS_HANDLE pool = ctx_pool(test, "ctx-align", 0);
	PNET_BUFFER_LIST nbl;
	USHORT size;

	for (size = 8; size <= 512; size += 8) {
		nbl = ctx_nbl(test, pool, size, 0);
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)nbl->Context->ContextData,
						   MEMORY_ALLOCATION_ALIGNMENT));
		KUNIT_ASSERT_EQ(test, NdisAllocateNetBufferListContext(nbl, size, 0, 0),
				NDIS_STATUS_SUCCESS);
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)nbl->Context->ContextData,
						   MEMORY_ALLOCATION_ALIGNMENT));
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)
						   NET_BUFFER_LIST_CONTEXT_DATA_START(nbl),
						   sizeof(PVOID)));
		/* KASAN checks the context is within the block. */
		memset(NET_BUFFER_LIST_CONTEXT_DATA_START(nbl), 0x5a, size);
		NdisFreeNetBufferListContext(nbl, size);
		NdisFreeNetBufferList(nbl);
	}
}

static void a_pop_of_more_than_was_pushed_is_refused(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE pool = ctx_pool(test, "ctx-pop", 16);
	PNET_BUFFER_LIST nbl = ctx_nbl(test, pool, 16, 0);
	NDIS_HANDLE bare = ctx_pool(test, "ctx-pop0", 0);
	PNET_BUFFER_LIST none = ctx_nbl(test, bare, 0, 0);

	NdisFreeNetBufferListContext(nbl, 24);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisFreeNetBufferListContext");
	KUNIT_EXPECT_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_SIZE(nbl), 16);

	/* A pushed block holds only what was pushed into it. */
	KUNIT_ASSERT_EQ(test, NdisAllocateNetBufferListContext(nbl, 8, 0, 0), NDIS_STATUS_SUCCESS);
	NdisFreeNetBufferListContext(nbl, 16);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	NdisFreeNetBufferListContext(nbl, 4);	/* not a pointer multiple */
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	NdisFreeNetBufferListContext(nbl, 8);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);

	/* The allocation's own context may be given back, not more. */
	NdisFreeNetBufferListContext(nbl, 16);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_SIZE(nbl), 0);
	NdisFreeNetBufferListContext(nbl, 8);
	KUNIT_EXPECT_EQ(test, r->calls, 4U);
	NdisFreeNetBufferListContext(none, 8);
	KUNIT_EXPECT_EQ(test, r->calls, 5U);
	NdisFreeNetBufferListContext(NULL, 8);
	KUNIT_EXPECT_EQ(test, r->calls, 6U);
	NdisFreeNetBufferList(nbl);
	NdisFreeNetBufferList(none);
	KUNIT_EXPECT_EQ(test, r->calls, 6U);
}

static void sizes_must_be_pointer_multiples(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NET_BUFFER_LIST_POOL_PARAMETERS p = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_DEFAULT,
						  NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1,
						  sizeof(p)),
		.ContextSize = 20,
	};
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "ctx-size");
	NDIS_HANDLE pool = ctx_pool(test, "ctx-sizes", 16);
	PNET_BUFFER_LIST nbl = ctx_nbl(test, pool, 16, 0);

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_NULL(test, NdisAllocateNetBufferListPool(fp->handle, &p));
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_NULL(test, NdisAllocateNetBufferList(pool, 12, 0));
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_NULL(test, NdisAllocateNetBufferList(pool, 16, 4));
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	KUNIT_EXPECT_EQ(test, NdisAllocateNetBufferListContext(nbl, 12, 0, 0), NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, NdisAllocateNetBufferListContext(nbl, 8, 12, 0), NDIS_STATUS_FAILURE);
	/* Together beyond what a block's USHORT Size holds. */
	KUNIT_EXPECT_EQ(test, NdisAllocateNetBufferListContext(nbl, 65528, 8, 0),
			NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, NdisAllocateNetBufferListContext(NULL, 8, 0, 0), NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 7U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisAllocateNetBufferListContext");
	KUNIT_EXPECT_PTR_EQ(test, nbl->Context->Next, NULL);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_SIZE(nbl), 16);
	NdisFreeNetBufferList(nbl);
	KUNIT_EXPECT_EQ(test, r->calls, 7U);
}

static void contexts_left_pushed_are_freed_with_the_nbl(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE pool = ctx_pool(test, "ctx-left", 64);
	PNET_BUFFER_LIST nbl = ctx_nbl(test, pool, 16, 0);

	/* Two blocks above the first, and the first's free room taken too. */
	KUNIT_ASSERT_EQ(test, NdisAllocateNetBufferListContext(nbl, 48, 0, 0), NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_EQ(test, NdisAllocateNetBufferListContext(nbl, 32, 0, 0), NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_EQ(test, NdisAllocateNetBufferListContext(nbl, 256, 64, 0),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_NOT_NULL(test, nbl->Context->Next->Next);
	NdisFreeNetBufferList(nbl);	/* kmemleak would see the blocks if not freed */
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisFreeNetBufferList");

	/* Left pushed within the first block: nothing to free, still reported. */
	nbl = ctx_nbl(test, pool, 16, 0);
	KUNIT_ASSERT_EQ(test, NdisAllocateNetBufferListContext(nbl, 8, 0, 0), NDIS_STATUS_SUCCESS);
	NdisFreeNetBufferList(nbl);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);

	/* Pushed and popped: quiet. */
	nbl = ctx_nbl(test, pool, 16, 0);
	KUNIT_ASSERT_EQ(test, NdisAllocateNetBufferListContext(nbl, 128, 0, 0),
			NDIS_STATUS_SUCCESS);
	NdisFreeNetBufferListContext(nbl, 128);
	NdisFreeNetBufferList(nbl);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
}

struct ctx_at_dispatch {
	PNET_BUFFER_LIST nbl;
	NDIS_STATUS in, out;
	KIRQL irql;
	USHORT size_in;
};

static void push_and_pop(void *arg)
{
	struct ctx_at_dispatch *d = arg;

	d->irql = NDIS_CURRENT_IRQL();
	d->in = NdisAllocateNetBufferListContext(d->nbl, 8, 0, 0);	/* in the first block */
	d->out = NdisAllocateNetBufferListContext(d->nbl, 1024, 0, 0);	/* allocates */
	d->size_in = NET_BUFFER_LIST_CONTEXT_DATA_SIZE(d->nbl);
	if (d->out == NDIS_STATUS_SUCCESS)
		NdisFreeNetBufferListContext(d->nbl, 1024);
	if (d->in == NDIS_STATUS_SUCCESS)
		NdisFreeNetBufferListContext(d->nbl, 8);
}

static void pushes_and_pops_at_dispatch_level(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE pool = ctx_pool(test, "ctx-dpc", 16);
	struct ctx_at_dispatch d = { .nbl = ctx_nbl(test, pool, 8, 0) };

	ndis_kunit_in_timer(test, push_and_pop, &d);
	KUNIT_EXPECT_EQ(test, d.irql, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, d.in, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, d.out, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, d.size_in, 1024);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_SIZE(d.nbl), 8);
	NdisFreeNetBufferList(d.nbl);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void set_filter(struct kunit *test, struct ndis_fake_protocol *fp, const char *adapter,
		       ULONG filter)
{
	NDIS_OID_REQUEST req;

	ndis_fake_oid_init(&req, NdisRequestSetInformation, OID_GEN_CURRENT_PACKET_FILTER,
			   &filter, sizeof(filter), NULL);
	KUNIT_EXPECT_EQ(test, ndis_fake_oid_sync(ndis_fake_binding(fp, adapter), &req),
			NDIS_STATUS_SUCCESS);
}

/* A protocol pushes onto the NBL it received and returns it without popping. */
static void a_receive_returned_with_context_is_reported(struct kunit *test)
{
	static const UCHAR bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_stack env;
	struct ndis_fake_protocol *fp;
	PNET_BUFFER_LIST held;

	ndis_fake_stack_setup(test, &env, "ctx", "rx", 1);
	fp = env.fp[0];
	set_filter(test, fp, env.name, NDIS_PACKET_TYPE_BROADCAST);
	fp->rx_hold = true;
	ndis_fake_indicate(env.fa, 1, bcast, 0);
	KUNIT_ASSERT_EQ(test, fp->rx_nheld, 1U);
	held = fp->rx_held[0];
	KUNIT_EXPECT_NULL(test, held->Context);
	KUNIT_ASSERT_EQ(test, NdisAllocateNetBufferListContext(held, 16, 16, 0),
			NDIS_STATUS_SUCCESS);
	ndis_fake_return_held(fp);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisReturnNetBufferLists");

	/* The same copy comes back for the next frame, with no context. */
	ndis_fake_indicate(env.fa, 1, bcast, 0);
	KUNIT_ASSERT_EQ(test, fp->rx_nheld, 1U);
	KUNIT_EXPECT_PTR_EQ(test, fp->rx_held[0], held);
	KUNIT_EXPECT_NULL(test, fp->rx_held[0]->Context);
	ndis_fake_return_held(fp);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
}

static struct kunit_case ndis_nbl_context_cases[] = {
	KUNIT_CASE(block_layout_is_the_ddi_s),
	KUNIT_CASE(first_block_comes_with_the_nbl),
	KUNIT_CASE(pushes_within_the_first_block_move_its_offset),
	KUNIT_CASE(pushes_beyond_it_get_a_block_the_pop_frees),
	KUNIT_CASE(an_nbl_without_context_gets_a_block),
	KUNIT_CASE(every_block_is_aligned),
	KUNIT_CASE(a_pop_of_more_than_was_pushed_is_refused),
	KUNIT_CASE(sizes_must_be_pointer_multiples),
	KUNIT_CASE(contexts_left_pushed_are_freed_with_the_nbl),
	KUNIT_CASE(pushes_and_pops_at_dispatch_level),
	KUNIT_CASE(a_receive_returned_with_context_is_reported),
	{}
};

static struct kunit_suite ndis_nbl_context_suite = {
	.name = "ndis_nbl_context",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_nbl_context_cases,
};

kunit_test_suite(ndis_nbl_context_suite);
