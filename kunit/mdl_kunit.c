// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_mdl: MDLs over a driver's buffers and NET_BUFFERs built on
 * them; the MDL chain NDIS builds over an sk_buff's linear part and page
 * fragments; reads, advances and retreats across MDL boundaries, with
 * NDIS's own header MDLs and with a driver's handlers; copies between
 * frames; a frame on MDLs received through the engine by two protocols.
 */
#include <linux/mm.h>
#include <linux/skbuff.h>

#include "fake.h"

#define MDL_PIECES	3

static const ULONG mdl_sizes[MDL_PIECES] = { 10, 7, 20 };

struct mdl_env {
	struct ndis_fake_protocol *fp;
	NDIS_HANDLE pool;
	PMDL mdl[MDL_PIECES];
	PUCHAR buf[MDL_PIECES];
};

static void mdl_env_release(void *data)
{
	struct mdl_env *env = data;
	int i;

	NdisFreeNetBufferListPool(env->pool);
	for (i = 0; i < MDL_PIECES; i++) {
		NdisFreeMdl(env->mdl[i]);
		kfree(env->buf[i]);
	}
}

/*
 * A protocol, an NBL pool and a chain of three MDLs over 10, 7 and 20
 * bytes holding 0, 1, 2, ... 36 end to end.
 */
static struct mdl_env *mdl_setup(struct kunit *test, const char *name)
{
	NET_BUFFER_LIST_POOL_PARAMETERS p = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_DEFAULT,
						  NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1,
						  sizeof(p)),
		.fAllocateNetBuffer = TRUE,
	};
	struct mdl_env *env = kunit_kzalloc(test, sizeof(*env), GFP_KERNEL);
	ULONG i, j, v = 0;

	KUNIT_ASSERT_NOT_NULL(test, env);
	env->fp = ndis_fake_protocol_new(test, name);
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(env->fp), NDIS_STATUS_SUCCESS);
	env->pool = NdisAllocateNetBufferListPool(env->fp->handle, &p);
	KUNIT_ASSERT_NOT_NULL(test, env->pool);
	for (i = 0; i < MDL_PIECES; i++) {
		env->buf[i] = kmalloc(mdl_sizes[i], GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, env->buf[i]);
		for (j = 0; j < mdl_sizes[i]; j++)
			env->buf[i][j] = v++;
		env->mdl[i] = NdisAllocateMdl(env->fp->handle, env->buf[i], mdl_sizes[i]);
		KUNIT_ASSERT_NOT_NULL(test, env->mdl[i]);
		if (i)
			NDIS_MDL_LINKAGE(env->mdl[i - 1]) = env->mdl[i];
	}
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, mdl_env_release, env), 0);
	return env;
}

/* The frame's bytes, whatever its storage, equal @first, @first + 1, ... */
static void expect_bytes(struct kunit *test, PNET_BUFFER nb, UCHAR first)
{
	UCHAR storage[64];
	const UCHAR *data;
	ULONG i;

	KUNIT_ASSERT_LE(test, NET_BUFFER_DATA_LENGTH(nb), (ULONG)sizeof(storage));
	data = NdisGetDataBuffer(nb, NET_BUFFER_DATA_LENGTH(nb), storage, 1, 0);
	KUNIT_ASSERT_NOT_NULL(test, data);
	for (i = 0; i < NET_BUFFER_DATA_LENGTH(nb); i++)
		KUNIT_EXPECT_EQ_MSG(test, data[i], (UCHAR)(first + i), "byte %u", i);
}

/* Walk the MDLs from the current one and count the frame's bytes in them. */
static ULONG walked_bytes(PNET_BUFFER nb, UCHAR first, bool *in_order)
{
	ULONG off = NET_BUFFER_CURRENT_MDL_OFFSET(nb), left = NET_BUFFER_DATA_LENGTH(nb);
	PMDL mdl = NET_BUFFER_CURRENT_MDL(nb);
	ULONG n = 0, len, i;
	UCHAR *va;

	*in_order = true;
	while (mdl && left) {
		NdisQueryMdl(mdl, &va, &len, NormalPagePriority | MdlMappingNoExecute);
		for (i = off; i < len && left; i++, left--, n++)
			if (va[i] != (UCHAR)(first + n))
				*in_order = false;
		off = 0;
		NdisGetNextMdl(mdl, &mdl);
	}
	return n;
}

static void mdl_describes_a_driver_buffer(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct mdl_env *env = mdl_setup(test, "mdl-p-desc");
	ULONG offset, length;
	PVOID va;

	NdisQueryMdl(env->mdl[1], &va, &length, NormalPagePriority);
	KUNIT_EXPECT_PTR_EQ(test, va, (PVOID)env->buf[1]);
	KUNIT_EXPECT_EQ(test, length, 7U);
	KUNIT_EXPECT_PTR_EQ(test, MmGetMdlVirtualAddress(env->mdl[1]), (PVOID)env->buf[1]);
	NdisQueryMdlOffset(env->mdl[1], &offset, &length);
	KUNIT_EXPECT_EQ(test, offset, (ULONG)offset_in_page(env->buf[1]));
	KUNIT_EXPECT_EQ(test, MmGetMdlByteCount(env->mdl[2]), 20U);
	KUNIT_EXPECT_PTR_EQ(test, NDIS_MDL_LINKAGE(env->mdl[0]), env->mdl[1]);
	KUNIT_EXPECT_NULL(test, NDIS_MDL_LINKAGE(env->mdl[2]));
	NdisAdjustMdlLength(env->mdl[2], 19);
	KUNIT_EXPECT_EQ(test, MmGetMdlByteCount(env->mdl[2]), 19U);
	NdisAdjustMdlLength(env->mdl[2], 20);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
	KUNIT_EXPECT_NULL(test, NdisAllocateMdl(NULL, env->buf[0], 1));
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisAllocateMdl");
}

static void frame_on_a_driver_chain_reads_across_mdls(struct kunit *test)
{
	struct mdl_env *env = mdl_setup(test, "mdl-p-chain");
	PNET_BUFFER_LIST nbl;
	UCHAR storage[16];
	PNET_BUFFER nb;
	bool in_order;
	UCHAR *p;

	nbl = NdisAllocateNetBufferAndNetBufferList(env->pool, 0, 0, env->mdl[0], 4, 30);
	KUNIT_ASSERT_NOT_NULL(test, nbl);
	nb = NET_BUFFER_LIST_FIRST_NB(nbl);
	KUNIT_EXPECT_NULL(test, nb->Skb);
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_FIRST_MDL(nb), env->mdl[0]);
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_CURRENT_MDL(nb), env->mdl[0]);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_CURRENT_MDL_OFFSET(nb), 4U);
	/* Within the first MDL: a pointer into the driver's buffer. */
	p = NdisGetDataBuffer(nb, 6, NULL, 1, 0);
	KUNIT_EXPECT_PTR_EQ(test, (PVOID)p, (PVOID)(env->buf[0] + 4));
	/* Across MDLs: only a copy. */
	KUNIT_EXPECT_NULL(test, NdisGetDataBuffer(nb, 7, NULL, 1, 0));
	p = NdisGetDataBuffer(nb, 16, storage, 1, 0);
	KUNIT_EXPECT_PTR_EQ(test, (PVOID)p, (PVOID)storage);
	expect_bytes(test, nb, 4);
	KUNIT_EXPECT_EQ(test, walked_bytes(nb, 4, &in_order), 30U);
	KUNIT_EXPECT_TRUE(test, in_order);

	/* Advancing past the first two MDLs moves the current one. */
	NdisAdvanceNetBufferDataStart(nb, 14, FALSE, NULL);
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_CURRENT_MDL(nb), env->mdl[2]);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_CURRENT_MDL_OFFSET(nb), 1U);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_LENGTH(nb), 16U);
	expect_bytes(test, nb, 18);
	NdisFreeNetBufferList(nbl);
}

static void chain_shorter_than_the_frame_is_reported(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct mdl_env *env = mdl_setup(test, "mdl-p-short");

	KUNIT_EXPECT_NULL(test, NdisAllocateNetBufferAndNetBufferList(env->pool, 0, 0,
								      env->mdl[0], 4, 34));
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisAllocateNetBufferAndNetBufferList");
}

/*
 * An skb: 24 bytes of headroom, 40 linear, then two page fragments of 100
 * and 60 bytes (the skb owns the pages), holding 0, 1, 2, ... 199.
 */
static struct sk_buff *fragmented_skb(struct kunit *test, struct page **pages)
{
	struct sk_buff *skb = alloc_skb(24 + 40, GFP_KERNEL);
	UCHAR *p;
	int i, f;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_reserve(skb, 24);
	p = skb_put(skb, 40);
	for (i = 0; i < 40; i++)
		p[i] = i;
	for (f = 0; f < 2; f++) {
		unsigned int len = f ? 60 : 100, off = f ? 3000 : 8;

		pages[f] = alloc_page(GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, pages[f]);
		p = page_address(pages[f]) + off;
		for (i = 0; i < len; i++)
			p[i] = (f ? 140 : 40) + i;
		skb_fill_page_desc(skb, f, pages[f], off, len);
		skb->len += len;
		skb->data_len += len;
		skb->truesize += PAGE_SIZE;
	}
	return skb;
}

static void skb_frame_gets_its_mdl_chain_on_first_use(struct kunit *test)
{
	struct mdl_env *env = mdl_setup(test, "mdl-p-skb");
	struct page *pages[2];
	PNET_BUFFER_LIST nbl;
	struct sk_buff *skb;
	PNET_BUFFER nb;
	bool in_order;
	PMDL m;
	int n;

	skb = fragmented_skb(test, pages);
	nbl = ndis_nbl_from_skb(env->pool, skb);
	KUNIT_ASSERT_NOT_NULL(test, nbl);
	nb = NET_BUFFER_LIST_FIRST_NB(nbl);
	KUNIT_EXPECT_NULL(test, nb->MdlChain);		/* nothing built yet */
	KUNIT_ASSERT_NOT_NULL(test, NET_BUFFER_FIRST_MDL(nb));
	for (n = 0, m = NET_BUFFER_FIRST_MDL(nb); m; m = NDIS_MDL_LINKAGE(m))
		n++;
	KUNIT_EXPECT_EQ(test, n, 3);
	m = NET_BUFFER_FIRST_MDL(nb);
	KUNIT_EXPECT_PTR_EQ(test, MmGetSystemAddressForMdlSafe(m, NormalPagePriority),
			    (PVOID)skb->head);
	KUNIT_EXPECT_EQ(test, MmGetMdlByteCount(m), 64U);	/* headroom + linear */
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_CURRENT_MDL(nb), m);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_CURRENT_MDL_OFFSET(nb), 24U);
	KUNIT_EXPECT_EQ(test, walked_bytes(nb, 0, &in_order), 200U);
	KUNIT_EXPECT_TRUE(test, in_order);

	/* An advance into the second fragment follows in the chain. */
	NdisAdvanceNetBufferDataStart(nb, 150, FALSE, NULL);
	m = NDIS_MDL_LINKAGE(NDIS_MDL_LINKAGE(NET_BUFFER_FIRST_MDL(nb)));
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_CURRENT_MDL(nb), m);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_CURRENT_MDL_OFFSET(nb), 10U);
	KUNIT_EXPECT_EQ(test, walked_bytes(nb, 150, &in_order), 50U);
	KUNIT_EXPECT_TRUE(test, in_order);
	/* A retreat that needs a new buffer drops the chain; it is rebuilt. */
	KUNIT_EXPECT_EQ(test, NdisRetreatNetBufferDataStart(nb, 200, 0, NULL),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_LENGTH(nb), 250U);
	KUNIT_EXPECT_NULL(test, nb->MdlChain);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_CURRENT_MDL_OFFSET(nb), 0U);
	KUNIT_EXPECT_NOT_NULL(test, nb->MdlChain);
	NdisFreeNetBufferList(nbl);	/* the chain too; the skb had the pages */
}

static void retreat_past_the_backfill_adds_a_header_mdl(struct kunit *test)
{
	struct mdl_env *env = mdl_setup(test, "mdl-p-hdr");
	PNET_BUFFER_LIST nbl;
	UCHAR storage[12];
	PNET_BUFFER nb;
	PMDL hdr;
	UCHAR *p;
	int i;

	nbl = NdisAllocateNetBufferAndNetBufferList(env->pool, 0, 0, env->mdl[0], 2, 30);
	KUNIT_ASSERT_NOT_NULL(test, nbl);
	nb = NET_BUFFER_LIST_FIRST_NB(nbl);
	KUNIT_ASSERT_EQ(test, NdisRetreatNetBufferDataStart(nb, 10, 6, NULL),
			NDIS_STATUS_SUCCESS);
	hdr = NET_BUFFER_FIRST_MDL(nb);
	KUNIT_EXPECT_PTR_NE(test, hdr, env->mdl[0]);
	KUNIT_EXPECT_TRUE(test, hdr->MdlFlags & MDL_NETWORK_HEADER);
	KUNIT_EXPECT_PTR_EQ(test, NDIS_MDL_LINKAGE(hdr), env->mdl[0]);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_LENGTH(nb), 40U);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_OFFSET(nb), 6U);	/* the back-fill asked */
	/* 8 new bytes in the new MDL, the other 2 in the old back-fill. */
	p = (UCHAR *)MmGetSystemAddressForMdlSafe(hdr, NormalPagePriority) + 6;
	for (i = 0; i < 8; i++)
		p[i] = 200 + i;
	env->buf[0][0] = 208;
	env->buf[0][1] = 209;
	p = NdisGetDataBuffer(nb, 12, storage, 1, 0);
	KUNIT_ASSERT_PTR_EQ(test, (PVOID)p, (PVOID)storage);
	for (i = 0; i < 10; i++)
		KUNIT_EXPECT_EQ(test, p[i], (UCHAR)(200 + i));
	KUNIT_EXPECT_EQ(test, p[10], 2);
	KUNIT_EXPECT_EQ(test, p[11], 3);
	/* Advancing back with FreeMdl frees NDIS's MDL (kmemleak watches). */
	NdisAdvanceNetBufferDataStart(nb, 10, TRUE, NULL);
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_FIRST_MDL(nb), env->mdl[0]);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_OFFSET(nb), 2U);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_LENGTH(nb), 30U);
	/* One left in place is freed with the NBL. */
	KUNIT_ASSERT_EQ(test, NdisRetreatNetBufferDataStart(nb, 4, 0, NULL),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_PTR_NE(test, NET_BUFFER_FIRST_MDL(nb), env->mdl[0]);
	NdisFreeNetBufferList(nbl);
}

static atomic_t mdl_handler_allocs, mdl_handler_frees;

static PMDL mdl_handler_alloc(PULONG size)
{
	PMDL mdl = kmalloc(sizeof(*mdl) + *size + 8, GFP_ATOMIC);

	if (!mdl)
		return NULL;
	*size += 8;	/* a driver may give more */
	ndis_mdl_describe(mdl, mdl + 1, *size, 0);
	atomic_inc(&mdl_handler_allocs);
	return mdl;
}

static void mdl_handler_free(PMDL mdl)
{
	atomic_inc(&mdl_handler_frees);
	kfree(mdl);
}

static void retreat_and_advance_use_the_driver_handlers(struct kunit *test)
{
	struct mdl_env *env = mdl_setup(test, "mdl-p-hnd");
	PNET_BUFFER_LIST nbl;
	NDIS_STATUS status;
	PNET_BUFFER nb;

	atomic_set(&mdl_handler_allocs, 0);
	atomic_set(&mdl_handler_frees, 0);
	nbl = NdisAllocateNetBufferAndNetBufferList(env->pool, 0, 0, env->mdl[0], 0, 37);
	KUNIT_ASSERT_NOT_NULL(test, nbl);
	nb = NET_BUFFER_LIST_FIRST_NB(nbl);
	status = NdisRetreatNetBufferListDataStart(nbl, 14, 0, mdl_handler_alloc,
						   mdl_handler_free);
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, atomic_read(&mdl_handler_allocs), 1);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_OFFSET(nb), 8U);	/* its 8 extra bytes */
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_LENGTH(nb), 51U);
	NdisAdvanceNetBufferListDataStart(nbl, 14, TRUE, mdl_handler_free);
	KUNIT_EXPECT_EQ(test, atomic_read(&mdl_handler_frees), 1);
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_FIRST_MDL(nb), env->mdl[0]);
	expect_bytes(test, nb, 0);
	NdisFreeNetBufferList(nbl);
}

static void copy_between_frames_of_any_storage(struct kunit *test)
{
	struct mdl_env *env = mdl_setup(test, "mdl-p-copy");
	PNET_BUFFER_LIST on_mdls, on_skb;
	ULONG copied = 99;
	UCHAR *p;
	int i;

	on_mdls = NdisAllocateNetBufferAndNetBufferList(env->pool, 0, 0, env->mdl[0], 0, 37);
	on_skb = NdisAllocateNetBufferAndNetBufferList(env->pool, 0, 0, NULL, 0, 37);
	KUNIT_ASSERT_NOT_NULL(test, on_mdls);
	KUNIT_ASSERT_NOT_NULL(test, on_skb);
	/* MDLs to an skb: 20 bytes from offset 5, to offset 10. */
	KUNIT_EXPECT_EQ(test, NdisCopyFromNetBufferToNetBuffer(on_skb->FirstNetBuffer, 10, 20,
							       on_mdls->FirstNetBuffer, 5,
							       &copied),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, copied, 20U);
	p = NdisGetDataBuffer(on_skb->FirstNetBuffer, 37, NULL, 1, 0);
	KUNIT_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < 20; i++)
		KUNIT_EXPECT_EQ(test, p[10 + i], (UCHAR)(5 + i));
	/* And back into the pieces of the chain, across all three MDLs. */
	for (i = 0; i < 37; i++)
		p[i] = 100 + i;
	KUNIT_EXPECT_EQ(test, NdisCopyFromNetBufferToNetBuffer(on_mdls->FirstNetBuffer, 0, 37,
							       on_skb->FirstNetBuffer, 0,
							       &copied),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, copied, 37U);
	expect_bytes(test, on_mdls->FirstNetBuffer, 100);
	/* Too long for either: nothing copied. */
	KUNIT_EXPECT_EQ(test, NdisCopyFromNetBufferToNetBuffer(on_mdls->FirstNetBuffer, 30, 8,
							       on_skb->FirstNetBuffer, 0,
							       &copied),
			NDIS_STATUS_INVALID_LENGTH);
	KUNIT_EXPECT_EQ(test, copied, 0U);
	NdisFreeNetBufferList(on_mdls);
	NdisFreeNetBufferList(on_skb);
}

static void physical_count_counts_pages_touched(struct kunit *test)
{
	struct mdl_env *env = mdl_setup(test, "mdl-p-phys");
	struct page *page = alloc_pages(GFP_KERNEL, 1);
	PNET_BUFFER_LIST nbl;
	PMDL span;

	KUNIT_ASSERT_NOT_NULL(test, page);
	/* 100 bytes across the boundary of two pages. */
	span = NdisAllocateMdl(env->fp->handle, page_address(page) + PAGE_SIZE - 40, 100);
	KUNIT_ASSERT_NOT_NULL(test, span);
	nbl = NdisAllocateNetBufferAndNetBufferList(env->pool, 0, 0, span, 0, 100);
	KUNIT_ASSERT_NOT_NULL(test, nbl);
	KUNIT_EXPECT_EQ(test, NdisQueryNetBufferPhysicalCount(nbl->FirstNetBuffer), 2U);
	NdisAdvanceNetBufferDataStart(nbl->FirstNetBuffer, 50, FALSE, NULL);
	KUNIT_EXPECT_EQ(test, NdisQueryNetBufferPhysicalCount(nbl->FirstNetBuffer), 1U);
	NdisFreeNetBufferList(nbl);
	NdisFreeMdl(span);
	__free_pages(page, 1);
}

static const UCHAR mdl_bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

static void frame_on_mdls_is_received_by_every_protocol(struct kunit *test)
{
	struct mdl_env *env = mdl_setup(test, "mdl-p-rxo");
	ULONG filter = NDIS_PACKET_TYPE_BROADCAST;
	struct ndis_fake_stack s;
	NDIS_OID_REQUEST req;
	PNET_BUFFER_LIST nbl;
	int i, p;

	ndis_fake_stack_setup(test, &s, "mdl", "rx", 2);
	for (p = 0; p < 2; p++) {
		ndis_fake_oid_init(&req, NdisRequestSetInformation, OID_GEN_CURRENT_PACKET_FILTER,
				   &filter, sizeof(filter), NULL);
		KUNIT_ASSERT_EQ(test, ndis_fake_oid_sync(s.binding[p], &req), NDIS_STATUS_SUCCESS);
	}
	/* A broadcast frame over the three MDLs, from the adapter's own pool. */
	memcpy(env->buf[0], mdl_bcast, ETH_ALEN);
	nbl = NdisAllocateNetBufferAndNetBufferList(s.fa->rx_pool, 0, 0, env->mdl[0], 0, 37);
	KUNIT_ASSERT_NOT_NULL(test, nbl);
	NdisMIndicateReceiveNetBufferLists(s.adapter, nbl, 0, 1, NDIS_RECEIVE_FLAGS_RESOURCES);
	for (p = 0; p < 2; p++) {
		KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[p]->rx_nbls), 1);
		KUNIT_EXPECT_EQ(test, s.fp[p]->rx_last_len, 37U);
		for (i = ETH_ALEN; i < s.fp[p]->rx_last_len; i++)
			KUNIT_EXPECT_EQ(test, s.fp[p]->rx_last[i], (UCHAR)i);
	}
	/* RESOURCES: the NBL is the miniport's again, with its chain intact. */
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_FIRST_MDL(nbl->FirstNetBuffer), env->mdl[0]);
	NdisFreeNetBufferList(nbl);
}

static struct kunit_case ndis_mdl_cases[] = {
	KUNIT_CASE(mdl_describes_a_driver_buffer),
	KUNIT_CASE(frame_on_a_driver_chain_reads_across_mdls),
	KUNIT_CASE(chain_shorter_than_the_frame_is_reported),
	KUNIT_CASE(skb_frame_gets_its_mdl_chain_on_first_use),
	KUNIT_CASE(retreat_past_the_backfill_adds_a_header_mdl),
	KUNIT_CASE(retreat_and_advance_use_the_driver_handlers),
	KUNIT_CASE(copy_between_frames_of_any_storage),
	KUNIT_CASE(physical_count_counts_pages_touched),
	KUNIT_CASE(frame_on_mdls_is_received_by_every_protocol),
	{}
};

static struct kunit_suite ndis_mdl_suite = {
	.name = "ndis_mdl",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_mdl_cases,
};

kunit_test_suite(ndis_mdl_suite);
