// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_nbl: NET_BUFFER_LISTs over sk_buffs. Allocation and the DDI's
 * accessors, the NB's view moving over its storage, copy on retreat when
 * the storage is shared, non-linear and misaligned data, detaching the
 * frame as an skb, and pool misuse.
 */
#include <linux/mm.h>
#include <linux/skbuff.h>

#include "fake.h"

struct ndis_nbl_env {
	struct ndis_fake_protocol *fp;
	NDIS_HANDLE pool;
};

static void pool_free(void *pool)
{
	NdisFreeNetBufferListPool(pool);
}

/* A registered protocol to own a pool with a 16-byte context per NBL. */
static void setup(struct kunit *test, struct ndis_nbl_env *env, const char *name)
{
	NET_BUFFER_LIST_POOL_PARAMETERS p = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_DEFAULT,
						  NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1,
						  sizeof(p)),
		.fAllocateNetBuffer = TRUE,
		.ContextSize = 16,
	};

	env->fp = ndis_fake_protocol_new(test, name);
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(env->fp), NDIS_STATUS_SUCCESS);
	env->pool = NdisAllocateNetBufferListPool(env->fp->handle, &p);
	KUNIT_ASSERT_NOT_NULL(test, env->pool);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, pool_free, env->pool), 0);
}

static PNET_BUFFER_LIST frame(struct kunit *test, struct ndis_nbl_env *env, ULONG offset,
			      ULONG length)
{
	PNET_BUFFER_LIST nbl = NdisAllocateNetBufferAndNetBufferList(env->pool, 0, 0, NULL,
								     offset, length);
	UCHAR *data;
	ULONG i;

	KUNIT_ASSERT_NOT_NULL(test, nbl);
	data = NdisGetDataBuffer(nbl->FirstNetBuffer, length, NULL, 1, 0);
	KUNIT_ASSERT_NOT_NULL(test, data);
	for (i = 0; i < length; i++)
		data[i] = i;
	return nbl;
}

static void allocation_and_accessors(struct kunit *test)
{
	struct ndis_nbl_env env;
	PNET_BUFFER_LIST nbl;
	PNET_BUFFER nb;

	setup(test, &env, "nb-alloc");
	nbl = frame(test, &env, 16, 60);
	nb = NET_BUFFER_LIST_FIRST_NB(nbl);
	KUNIT_EXPECT_NULL(test, NET_BUFFER_LIST_NEXT_NBL(nbl));
	KUNIT_EXPECT_NULL(test, NET_BUFFER_NEXT_NB(nb));
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_OFFSET(nb), 16U);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_LENGTH(nb), 60U);
	KUNIT_EXPECT_NOT_NULL(test, NET_BUFFER_LIST_CONTEXT_DATA_START(nbl));
	KUNIT_EXPECT_PTR_EQ(test, nbl->NdisPoolHandle, env.pool);
	NDIS_SET_NET_BUFFER_LIST_CANCEL_ID(nbl, (PVOID)0x42);
	KUNIT_EXPECT_PTR_EQ(test, NDIS_GET_NET_BUFFER_LIST_CANCEL_ID(nbl), (PVOID)0x42);
	/* More than the frame holds: nothing. */
	KUNIT_EXPECT_NULL(test, NdisGetDataBuffer(nb, 61, NULL, 1, 0));
	NdisFreeNetBufferList(nbl);
}

static void advance_and_retreat_move_the_view(struct kunit *test)
{
	struct ndis_nbl_env env;
	PNET_BUFFER_LIST nbl;
	struct sk_buff *skb;
	PNET_BUFFER nb;
	UCHAR *data;

	setup(test, &env, "nb-view");
	nbl = frame(test, &env, 16, 60);
	nb = nbl->FirstNetBuffer;
	skb = nb->Skb;
	NdisAdvanceNetBufferDataStart(nb, 14, FALSE, NULL);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_LENGTH(nb), 46U);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_OFFSET(nb), 30U);
	data = NdisGetDataBuffer(nb, 1, NULL, 1, 0);
	KUNIT_EXPECT_EQ(test, data[0], 14);

	/* Back into the back-fill: same storage, same bytes. */
	KUNIT_EXPECT_EQ(test, NdisRetreatNetBufferDataStart(nb, 14, 0, NULL), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_PTR_EQ(test, nb->Skb, skb);
	data = NdisGetDataBuffer(nb, 1, NULL, 1, 0);
	KUNIT_EXPECT_EQ(test, data[0], 0);

	/* Beyond the back-fill: a new buffer, the frame copied behind it. */
	KUNIT_EXPECT_EQ(test, NdisRetreatNetBufferDataStart(nb, 20, 8, NULL), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_PTR_NE(test, nb->Skb, skb);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_OFFSET(nb), 8U);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_LENGTH(nb), 80U);
	data = NdisGetDataBuffer(nb, 80, NULL, 1, 0);
	KUNIT_ASSERT_NOT_NULL(test, data);
	KUNIT_EXPECT_EQ(test, data[20], 0);
	KUNIT_EXPECT_EQ(test, data[79], 59);
	NdisFreeNetBufferList(nbl);
}

static void shared_storage_copied_on_retreat(struct kunit *test)
{
	struct ndis_nbl_env env;
	PNET_BUFFER_LIST nbl;
	struct sk_buff *skb;
	PNET_BUFFER nb;

	setup(test, &env, "nb-shared");
	skb = alloc_skb(64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_reserve(skb, 16);
	memset(skb_put(skb, 20), 0xaa, 20);
	nbl = ndis_nbl_from_skb(env.pool, skb_get(skb));	/* storage now shared */
	KUNIT_ASSERT_NOT_NULL(test, nbl);
	nb = nbl->FirstNetBuffer;
	KUNIT_EXPECT_EQ(test, NdisRetreatNetBufferDataStart(nb, 2, 0, NULL), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_PTR_NE(test, nb->Skb, skb);
	memset(NdisGetDataBuffer(nb, 2, NULL, 1, 0), 0x55, 2);
	/* The other owner's bytes, in front of its data, are untouched. */
	KUNIT_EXPECT_EQ(test, skb->len, 20U);
	KUNIT_EXPECT_EQ(test, refcount_read(&skb->users), 1U);
	NdisFreeNetBufferList(nbl);
	kfree_skb(skb);
}

static void non_linear_and_misaligned_data(struct kunit *test)
{
	struct ndis_nbl_env env;
	UCHAR storage[24];
	PNET_BUFFER_LIST nbl;
	struct sk_buff *skb;
	struct page *page;
	UCHAR *p;
	int i;

	setup(test, &env, "nb-frags");
	skb = alloc_skb(64, GFP_KERNEL);
	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_ASSERT_NOT_NULL(test, page);
	for (i = 0; i < 10; i++)
		((UCHAR *)skb_put(skb, 1))[0] = i;
	p = page_address(page);
	for (i = 0; i < 10; i++)
		p[i] = 10 + i;
	skb_add_rx_frag(skb, 0, page, 0, 10, PAGE_SIZE);
	nbl = ndis_nbl_from_skb(env.pool, skb);
	KUNIT_ASSERT_NOT_NULL(test, nbl);

	/* Across the linear part and the fragment: only a copy will do. */
	KUNIT_EXPECT_NULL(test, NdisGetDataBuffer(nbl->FirstNetBuffer, 20, NULL, 1, 0));
	p = NdisGetDataBuffer(nbl->FirstNetBuffer, 20, storage, 1, 0);
	KUNIT_ASSERT_PTR_EQ(test, p, (UCHAR *)storage);
	for (i = 0; i < 20; i++)
		KUNIT_EXPECT_EQ(test, p[i], i);
	/* Linear but misaligned for the caller: copied too. */
	p = NdisGetDataBuffer(nbl->FirstNetBuffer, 4, storage + 1, 8,
			      ((unsigned long)nbl->FirstNetBuffer->Skb->data + 1) & 7);
	KUNIT_EXPECT_PTR_EQ(test, p, (UCHAR *)storage + 1);
	NdisFreeNetBufferList(nbl);
}

static void detached_skb_follows_the_view(struct kunit *test)
{
	struct ndis_nbl_env env;
	PNET_BUFFER_LIST nbl;
	struct sk_buff *skb;

	setup(test, &env, "nb-detach");
	nbl = frame(test, &env, 16, 60);
	NdisAdvanceNetBufferDataStart(nbl->FirstNetBuffer, 14, FALSE, NULL);
	skb = ndis_nb_detach_skb(nbl->FirstNetBuffer);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_EXPECT_EQ(test, skb->len, 46U);
	KUNIT_EXPECT_EQ(test, skb->data[0], 14);
	KUNIT_EXPECT_NULL(test, nbl->FirstNetBuffer->Skb);
	kfree_skb(skb);
	NdisFreeNetBufferList(nbl);
}

static void pool_misuse_reported(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NET_BUFFER_LIST_POOL_PARAMETERS p = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_DEFAULT,
						  NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1,
						  sizeof(p)),
		.fAllocateNetBuffer = TRUE,
	};
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "nb-misuse");
	PNET_BUFFER_LIST nbl;
	NDIS_HANDLE pool;

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_NULL(test, NdisAllocateNetBufferListPool(NULL, &p));
	pool = NdisAllocateNetBufferListPool(fp->handle, &p);
	KUNIT_ASSERT_NOT_NULL(test, pool);
	nbl = NdisAllocateNetBufferAndNetBufferList(pool, 0, 0, NULL, 0, 60);
	KUNIT_ASSERT_NOT_NULL(test, nbl);

	/* Freed with an NBL out: reported; the NBL stays good. */
	NdisFreeNetBufferListPool(pool);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_NULL(test, NdisAllocateNetBufferList(pool, 0, 0));
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	NdisFreeNetBuffer(nbl->FirstNetBuffer);	/* came with the NBL */
	KUNIT_EXPECT_EQ(test, r->calls, 4U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisFreeNetBuffer");
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_LENGTH(nbl->FirstNetBuffer), 60U);
	NdisFreeNetBufferList(nbl);	/* the pool goes with it */
}

static void free_of_an_nbl_from_no_pool_refused(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	/* Zeroed, so idle and from no pool: as NDIS's receive copies, or a driver's own struct. */
	NET_BUFFER_LIST foreign = {};

	NdisFreeNetBufferList(&foreign);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisFreeNetBufferList");
}

static struct kunit_case ndis_nbl_cases[] = {
	KUNIT_CASE(allocation_and_accessors),
	KUNIT_CASE(advance_and_retreat_move_the_view),
	KUNIT_CASE(shared_storage_copied_on_retreat),
	KUNIT_CASE(non_linear_and_misaligned_data),
	KUNIT_CASE(detached_skb_follows_the_view),
	KUNIT_CASE(pool_misuse_reported),
	KUNIT_CASE(free_of_an_nbl_from_no_pool_refused),
	{}
};

static struct kunit_suite ndis_nbl_suite = {
	.name = "ndis_nbl",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_nbl_cases,
};

kunit_test_suite(ndis_nbl_suite);
