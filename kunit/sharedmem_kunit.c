// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_shared_memory: NdisAllocateSharedMemory() gives a zeroed
 * block of the length asked, contiguous when asked, with a scatter-gather
 * list whose pieces are the block's own pages; refuses and reports bad
 * parameters, handles and IRQLs; NdisFreeSharedMemory() frees once, for
 * the owning driver only; a block its driver forgot is reported and freed
 * at the driver's deregistration. The structures have the DDI's x64
 * layout, and a NET_BUFFER's shared memory chain reaches a protocol.
 */
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#include "../core/kunit_iface.h"
#include "fake.h"

#define SHM_MAX_ELEMENTS	8

/* A request and room for its scatter-gather list. */
struct shm_req {
	NDIS_SHARED_MEMORY_PARAMETERS p;
	NDIS_HANDLE alloc;
	union {
		SCATTER_GATHER_LIST sg;
		u8 room[sizeof(SCATTER_GATHER_LIST) +
			SHM_MAX_ELEMENTS * sizeof(SCATTER_GATHER_ELEMENT)];
	};
};

static void shm_init(struct shm_req *q, ULONG length, ULONG flags)
{
	memset(q, 0, sizeof(*q));
	q->p.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
	q->p.Header.Revision = NDIS_SHARED_MEMORY_PARAMETERS_REVISION_1;
	q->p.Header.Size = NDIS_SIZEOF_SHARED_MEMORY_PARAMETERS_REVISION_1;
	q->p.Flags = flags;
	q->p.QueueId = 1;
	q->p.PreferredNode = MM_ANY_NODE_OK;
	q->p.Usage = NdisSharedMemoryUsageReceive;
	q->p.Length = length;
	q->p.SGListBufferLength = sizeof(q->room);
	q->p.SGListBuffer = &q->sg;
	q->alloc = (NDIS_HANDLE)0x5a5a;		/* must come back NULL on failure */
}

static NDIS_HANDLE shm_protocol(struct kunit *test, const char *name)
{
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, name);

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	return fp->handle;
}

static phys_addr_t shm_phys(const void *va)
{
	struct page *page = is_vmalloc_addr(va) ? vmalloc_to_page(va) : virt_to_page(va);

	return page_to_phys(page) + offset_in_page(va);
}

/* Each element is the block's own run, in order, and together the block. */
static void shm_expect_pieces(struct kunit *test, const struct shm_req *q)
{
	const u8 *va = q->p.VirtualAddress;
	size_t off = 0, i, k;

	KUNIT_ASSERT_GE(test, q->sg.NumberOfElements, 1U);
	KUNIT_ASSERT_LE(test, q->sg.NumberOfElements, (ULONG)BYTES_TO_PAGES(q->p.Length) + 1);
	for (i = 0; i < q->sg.NumberOfElements; i++) {
		const SCATTER_GATHER_ELEMENT *e = &q->sg.Elements[i];

		KUNIT_EXPECT_GT(test, e->Length, 0U);
		/* every page of the run where the element says */
		for (k = 0; k < e->Length; k += PAGE_SIZE - offset_in_page(va + off + k))
			KUNIT_EXPECT_EQ(test, (u64)shm_phys(va + off + k),
					(u64)e->Address.QuadPart + k);
		if (i)		/* runs are maximal: no two touch */
			KUNIT_EXPECT_NE(test, (u64)e->Address.QuadPart,
					(u64)e[-1].Address.QuadPart + e[-1].Length);
		off += e->Length;
	}
	KUNIT_EXPECT_EQ(test, off, (size_t)q->p.Length);
}

static void allocates_a_zeroed_block_with_its_pieces(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE driver = shm_protocol(test, "shm-p-block");
	const ULONG len = 3 * PAGE_SIZE + 100;
	struct shm_req *q = kunit_kzalloc(test, sizeof(*q), GFP_KERNEL);
	u8 *va;

	KUNIT_ASSERT_NOT_NULL(test, q);
	shm_init(q, len, 0);
	KUNIT_ASSERT_EQ(test, NdisAllocateSharedMemory(driver, &q->p, &q->alloc),
			NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_NOT_NULL(test, q->alloc);
	KUNIT_EXPECT_PTR_EQ(test, q->p.SharedMemoryHandle, q->alloc);
	va = q->p.VirtualAddress;
	KUNIT_ASSERT_NOT_NULL(test, va);
	KUNIT_EXPECT_NULL(test, memchr_inv(va, 0, len));
	shm_expect_pieces(test, q);
	memset(va, 0xa5, len);		/* all of it is ours (KASAN checks) */
	NdisFreeSharedMemory(driver, q->alloc);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void a_contiguous_block_is_one_piece(struct kunit *test)
{
	NDIS_HANDLE driver = shm_protocol(test, "shm-p-contig");
	struct shm_req *q = kunit_kzalloc(test, sizeof(*q), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, q);
	shm_init(q, 5 * PAGE_SIZE, NDIS_SHARED_MEM_PARAMETERS_CONTIGOUS);
	KUNIT_ASSERT_EQ(test, NdisAllocateSharedMemory(driver, &q->p, &q->alloc),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, q->sg.NumberOfElements, 1U);
	KUNIT_EXPECT_EQ(test, q->sg.Elements[0].Length, (ULONG)(5 * PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, (u64)q->sg.Elements[0].Address.QuadPart,
			(u64)shm_phys(q->p.VirtualAddress));
	KUNIT_EXPECT_FALSE(test, is_vmalloc_addr(q->p.VirtualAddress));
	KUNIT_EXPECT_NULL(test, memchr_inv(q->p.VirtualAddress, 0, 5 * PAGE_SIZE));
	shm_expect_pieces(test, q);
	NdisFreeSharedMemory(driver, q->alloc);
}

/*
 * A miniport allocates with its adapter handle, at revision 2 on its
 * preferred node, with no list, and frees with its driver handle.
 */
static void an_adapter_allocates_at_revision_2(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "shm-m-rev2");
	struct shm_req *q = kunit_kzalloc(test, sizeof(*q), GFP_KERNEL);
	struct ndis_fake_adapter *fa;
	int node = first_online_node;

	KUNIT_ASSERT_NOT_NULL(test, q);
	ndis_fake_adapter_add(test, mp, "shm-a-rev2");
	fa = ndis_fake_adapter_find(mp, "shm-a-rev2");
	KUNIT_ASSERT_NOT_NULL(test, fa);
	shm_init(q, 2 * PAGE_SIZE, 0);
	q->p.Header.Revision = NDIS_SHARED_MEMORY_PARAMETERS_REVISION_2;
	q->p.Header.Size = NDIS_SIZEOF_SHARED_MEMORY_PARAMETERS_REVISION_2;
	q->p.VPortId = 0;
	q->p.PreferredNode = node;
	q->p.SGListBuffer = NULL;
	q->p.SGListBufferLength = 0;
	KUNIT_ASSERT_EQ(test, NdisAllocateSharedMemory(fa->handle, &q->p, &q->alloc),
			NDIS_STATUS_SUCCESS);
	if (num_online_nodes() > 1)	/* else any node would do */
		KUNIT_EXPECT_EQ(test, page_to_nid(is_vmalloc_addr(q->p.VirtualAddress) ?
						  vmalloc_to_page(q->p.VirtualAddress) :
						  virt_to_page(q->p.VirtualAddress)), node);
	NdisFreeSharedMemory(mp->handle, q->alloc);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void bad_parameters_are_refused_and_reported(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE driver = shm_protocol(test, "shm-p-bad");
	struct shm_req *q = kunit_kzalloc(test, sizeof(*q), GFP_KERNEL);
	long before = ndis_kunit_misuse_count();

	KUNIT_ASSERT_NOT_NULL(test, q);
	shm_init(q, PAGE_SIZE, 0);
	q->p.Header.Type = NDIS_OBJECT_TYPE_OID_REQUEST;
	KUNIT_EXPECT_EQ(test, NdisAllocateSharedMemory(driver, &q->p, &q->alloc),
			NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_NULL(test, q->alloc);

	shm_init(q, PAGE_SIZE, 0);
	q->p.Header.Size = NDIS_SIZEOF_SHARED_MEMORY_PARAMETERS_REVISION_1 - 1;
	KUNIT_EXPECT_EQ(test, NdisAllocateSharedMemory(driver, &q->p, &q->alloc),
			NDIS_STATUS_INVALID_PARAMETER);

	shm_init(q, PAGE_SIZE, 0);	/* revision 2 claimed, revision 1's size */
	q->p.Header.Revision = NDIS_SHARED_MEMORY_PARAMETERS_REVISION_2;
	KUNIT_EXPECT_EQ(test, NdisAllocateSharedMemory(driver, &q->p, &q->alloc),
			NDIS_STATUS_INVALID_PARAMETER);

	shm_init(q, 0, 0);
	KUNIT_EXPECT_EQ(test, NdisAllocateSharedMemory(driver, &q->p, &q->alloc),
			NDIS_STATUS_INVALID_PARAMETER);

	shm_init(q, PAGE_SIZE, 0x2);
	KUNIT_EXPECT_EQ(test, NdisAllocateSharedMemory(driver, &q->p, &q->alloc),
			NDIS_STATUS_INVALID_PARAMETER);

	shm_init(q, PAGE_SIZE, 0);
	q->p.Usage = NdisSharedMemoryUsageMax;
	KUNIT_EXPECT_EQ(test, NdisAllocateSharedMemory(driver, &q->p, &q->alloc),
			NDIS_STATUS_INVALID_PARAMETER);

	shm_init(q, PAGE_SIZE, 0);	/* a list with no room for an element */
	q->p.SGListBufferLength = offsetof(SCATTER_GATHER_LIST, Elements);
	KUNIT_EXPECT_EQ(test, NdisAllocateSharedMemory(driver, &q->p, &q->alloc),
			NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_NULL(test, q->alloc);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisAllocateSharedMemory");

	shm_init(q, PAGE_SIZE, 0);
	KUNIT_EXPECT_EQ(test, NdisAllocateSharedMemory(driver, &q->p, NULL),
			NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, ndis_kunit_misuse_count() - before, 8L);
	KUNIT_EXPECT_EQ(test, r->calls, 8U);
}

static void bad_handles_and_double_frees_are_reported(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE driver = shm_protocol(test, "shm-p-handle");
	NDIS_HANDLE other = shm_protocol(test, "shm-p-other");
	struct shm_req *q = kunit_kzalloc(test, sizeof(*q), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, q);
	shm_init(q, PAGE_SIZE, 0);
	KUNIT_EXPECT_EQ(test, NdisAllocateSharedMemory(NULL, &q->p, &q->alloc),
			NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_NULL(test, q->alloc);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);

	KUNIT_ASSERT_EQ(test, NdisAllocateSharedMemory(driver, &q->p, &q->alloc),
			NDIS_STATUS_SUCCESS);
	NdisFreeSharedMemory(driver, (NDIS_HANDLE)0x1234);	/* forged */
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisFreeSharedMemory");
	NdisFreeSharedMemory(other, q->alloc);	/* not its block: kept */
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	memset(q->p.VirtualAddress, 1, PAGE_SIZE);
	NdisFreeSharedMemory(driver, q->alloc);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	NdisFreeSharedMemory(driver, q->alloc);	/* twice */
	KUNIT_EXPECT_EQ(test, r->calls, 4U);
}

struct shm_dispatch {
	NDIS_HANDLE driver;
	struct shm_req *q;
	NDIS_STATUS status;
	NDIS_HANDLE alloc;
};

static void shm_at_dispatch(void *arg)
{
	struct shm_dispatch *d = arg;

	d->status = NdisAllocateSharedMemory(d->driver, &d->q->p, &d->alloc);
	NdisFreeSharedMemory(d->driver, d->q->alloc);
}

/* PASSIVE_LEVEL only: at DISPATCH_LEVEL reported, and nothing done. */
static void calls_at_dispatch_are_refused(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct shm_dispatch d = {
		.driver = shm_protocol(test, "shm-p-disp"),
		.alloc = (NDIS_HANDLE)0x5a5a,	/* must come back NULL */
	};

	d.q = kunit_kzalloc(test, sizeof(*d.q), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, d.q);
	shm_init(d.q, PAGE_SIZE, 0);
	KUNIT_ASSERT_EQ(test, NdisAllocateSharedMemory(d.driver, &d.q->p, &d.q->alloc),
			NDIS_STATUS_SUCCESS);
	ndis_kunit_in_timer(test, shm_at_dispatch, &d);
	KUNIT_EXPECT_EQ(test, d.status, NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_NULL(test, d.alloc);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_EQ(test, r->irql, DISPATCH_LEVEL);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisFreeSharedMemory");
	memset(d.q->p.VirtualAddress, 1, PAGE_SIZE);	/* still allocated */
	NdisFreeSharedMemory(d.driver, d.q->alloc);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
}

static void forgotten_blocks_are_freed_at_deregistration(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "shm-p-leak");
	struct shm_req *q = kunit_kzalloc(test, sizeof(*q), GFP_KERNEL);
	NDIS_HANDLE first;
	long before;

	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	shm_init(q, PAGE_SIZE, 0);
	KUNIT_ASSERT_EQ(test, NdisAllocateSharedMemory(fp->handle, &q->p, &q->alloc),
			NDIS_STATUS_SUCCESS);
	first = q->alloc;
	shm_init(q, 4 * PAGE_SIZE, NDIS_SHARED_MEM_PARAMETERS_CONTIGOUS);
	KUNIT_ASSERT_EQ(test, NdisAllocateSharedMemory(fp->handle, &q->p, &q->alloc),
			NDIS_STATUS_SUCCESS);
	before = ndis_kunit_misuse_count();
	ndis_fake_protocol_deregister(fp);
	/* Both freed (kmemleak would see otherwise), one report per site. */
	KUNIT_EXPECT_EQ(test, ndis_kunit_misuse_count() - before, 2L);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisFreeSharedMemory");
	NdisFreeSharedMemory(fp->handle, first);	/* gone with its driver */
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
}

/* The x64 offsets of ndis.h, and the accessors over a NET_BUFFER. */
static void layouts_and_accessors_are_the_ddis(struct kunit *test)
{
	NET_BUFFER_SHARED_MEMORY seg[2] = {};
	NET_BUFFER nb = {};

	if (!IS_ENABLED(CONFIG_64BIT))
		kunit_skip(test, "the offsets are ndis.h's for x64");
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_SHARED_MEMORY_PARAMETERS, Flags), 4UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_SHARED_MEMORY_PARAMETERS, QueueId), 8UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_SHARED_MEMORY_PARAMETERS, SharedMemoryHandle), 16UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_SHARED_MEMORY_PARAMETERS, PreferredNode), 24UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_SHARED_MEMORY_PARAMETERS, Usage), 28UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_SHARED_MEMORY_PARAMETERS, Length), 32UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_SHARED_MEMORY_PARAMETERS, VirtualAddress), 40UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_SHARED_MEMORY_PARAMETERS, SGListBuffer), 56UL);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_SHARED_MEMORY_PARAMETERS_REVISION_1, 64UL);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_SHARED_MEMORY_PARAMETERS_REVISION_2, 68UL);
	KUNIT_EXPECT_EQ(test, offsetof(NET_BUFFER_SHARED_MEMORY, SharedMemoryHandle), 16UL);
	KUNIT_EXPECT_EQ(test, offsetof(NET_BUFFER_SHARED_MEMORY, SharedMemoryLength), 28UL);
	KUNIT_EXPECT_EQ(test, (int)NdisSharedMemoryUsageReceiveData, 8);
	KUNIT_EXPECT_EQ(test, (int)NdisSharedMemoryUsageMax, 10);

	NET_BUFFER_SHARED_MEM_NEXT_SEGMENT(&seg[0]) = &seg[1];
	NET_BUFFER_SHARED_MEM_HANDLE(&seg[1]) = (NDIS_HANDLE)0x40;
	NET_BUFFER_SHARED_MEM_OFFSET(&seg[1]) = 128;
	NET_BUFFER_SHARED_MEM_LENGTH(&seg[1]) = 60;
	NET_BUFFER_FIRST_SHARED_MEM_INFO(&nb) = &seg[0];
	KUNIT_EXPECT_PTR_EQ(test, nb.SharedMemoryInfo, &seg[0]);
	KUNIT_EXPECT_PTR_EQ(test, (void *)NET_BUFFER_SCATTER_GATHER_LIST(&nb), (void *)&seg[0]);
	KUNIT_EXPECT_PTR_EQ(test, seg[0].NextSharedMemorySegment, &seg[1]);
	KUNIT_EXPECT_EQ(test, seg[1].SharedMemoryOffset + seg[1].SharedMemoryLength, 188U);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_SHARED_MEM_FLAGS(&seg[1]), 0U);
}

/* A small block has its pages to itself. */
static void a_small_block_starts_a_page(struct kunit *test)
{
	NDIS_HANDLE driver = shm_protocol(test, "shm-p-small");
	struct shm_req *q = kunit_kzalloc(test, sizeof(*q), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, q);
	shm_init(q, 100, 0);
	KUNIT_ASSERT_EQ(test, NdisAllocateSharedMemory(driver, &q->p, &q->alloc),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, offset_in_page(q->p.VirtualAddress), 0UL);
	KUNIT_EXPECT_EQ(test, q->sg.NumberOfElements, 1U);
	KUNIT_EXPECT_EQ(test, q->sg.Elements[0].Length, 100U);
	NdisFreeSharedMemory(driver, q->alloc);
}

/*
 * The walk over vmalloc() memory, whose pages are rarely adjacent: one
 * element per run, maximal runs, and a list too short gets only what
 * fits while the count says how many it needed.
 */
static void runs_over_scattered_pages(struct kunit *test)
{
	struct shm_req *q = kunit_kzalloc(test, sizeof(*q), GFP_KERNEL);
	const size_t len = SHM_MAX_ELEMENTS * PAGE_SIZE - 10;
	void *va = vmalloc(len);
	ULONG runs, again;

	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_ASSERT_NOT_NULL(test, va);
	shm_init(q, len, 0);
	q->p.VirtualAddress = va;
	runs = ndis_kunit_shmem_runs(va, len, &q->sg, SHM_MAX_ELEMENTS);
	q->sg.NumberOfElements = runs;
	KUNIT_EXPECT_LE(test, runs, (ULONG)SHM_MAX_ELEMENTS);
	shm_expect_pieces(test, q);

	memset(q->room, 0xee, sizeof(q->room));
	again = ndis_kunit_shmem_runs(va, len, &q->sg, 1);
	KUNIT_EXPECT_EQ(test, again, runs);
	KUNIT_EXPECT_EQ(test, (u64)q->sg.Elements[0].Address.QuadPart, (u64)shm_phys(va));
	if (runs > 1)		/* the second element was not written */
		KUNIT_EXPECT_EQ(test, q->sg.Elements[1].Length, 0xeeeeeeeeU);
	vfree(va);
}

static PNET_BUFFER_SHARED_MEMORY shm_seen;	/* by shm_note_rx, under rx_lock */

static void shm_note_rx(struct ndis_fake_open *open, PNET_BUFFER nb)
{
	shm_seen = NET_BUFFER_FIRST_SHARED_MEM_INFO(nb);
}

/*
 * A miniport receives a frame into a block and indicates it with its
 * chain: the protocol sees the frame through its MDLs, and the chain.
 */
static void a_received_frame_carries_its_chain(struct kunit *test)
{
	static const UCHAR bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct shm_req *q = kunit_kzalloc(test, sizeof(*q), GFP_KERNEL);
	ULONG filter = NDIS_PACKET_TYPE_BROADCAST;
	NET_BUFFER_SHARED_MEMORY seg = {};
	struct ndis_fake_stack s;
	NDIS_OID_REQUEST req;
	PNET_BUFFER_LIST nbl;
	u8 *frame;
	PMDL mdl;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, q);
	ndis_fake_stack_setup(test, &s, "shm", "rx", 1);
	ndis_fake_oid_init(&req, NdisRequestSetInformation, OID_GEN_CURRENT_PACKET_FILTER,
			   &filter, sizeof(filter), NULL);
	KUNIT_ASSERT_EQ(test, ndis_fake_oid_sync(s.binding[0], &req), NDIS_STATUS_SUCCESS);
	shm_init(q, PAGE_SIZE, 0);
	KUNIT_ASSERT_EQ(test, NdisAllocateSharedMemory(s.fa->handle, &q->p, &q->alloc),
			NDIS_STATUS_SUCCESS);
	frame = (u8 *)q->p.VirtualAddress + 64;
	memcpy(frame, bcast, ETH_ALEN);
	for (i = ETH_ALEN; i < 60; i++)
		frame[i] = i;
	mdl = NdisAllocateMdl(s.fa->handle, frame, 60);
	KUNIT_ASSERT_NOT_NULL(test, mdl);
	nbl = NdisAllocateNetBufferAndNetBufferList(s.fa->rx_pool, 0, 0, mdl, 0, 60);
	KUNIT_ASSERT_NOT_NULL(test, nbl);
	NET_BUFFER_SHARED_MEM_HANDLE(&seg) = q->p.SharedMemoryHandle;
	NET_BUFFER_SHARED_MEM_OFFSET(&seg) = 64;
	NET_BUFFER_SHARED_MEM_LENGTH(&seg) = 60;
	NET_BUFFER_FIRST_SHARED_MEM_INFO(nbl->FirstNetBuffer) = &seg;

	shm_seen = NULL;
	s.fp[0]->rx_hook = shm_note_rx;
	NdisMIndicateReceiveNetBufferLists(s.adapter, nbl, 0, 1,
					   NDIS_RECEIVE_FLAGS_RESOURCES |
					   NDIS_RECEIVE_FLAGS_SHARED_MEMORY_INFO_VALID);
	spin_lock_bh(&s.fp[0]->rx_lock);
	s.fp[0]->rx_hook = NULL;
	spin_unlock_bh(&s.fp[0]->rx_lock);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[0]->rx_nbls), 1);
	KUNIT_EXPECT_PTR_EQ(test, shm_seen, &seg);
	KUNIT_EXPECT_EQ(test, s.fp[0]->rx_last_len, 60U);
	for (i = ETH_ALEN; i < s.fp[0]->rx_last_len; i++)
		KUNIT_EXPECT_EQ(test, s.fp[0]->rx_last[i], (UCHAR)i);
	NdisFreeNetBufferList(nbl);
	NdisFreeMdl(mdl);
	NdisFreeSharedMemory(s.fa->handle, q->alloc);
}

static struct kunit_case ndis_shared_memory_cases[] = {
	KUNIT_CASE(allocates_a_zeroed_block_with_its_pieces),
	KUNIT_CASE(a_contiguous_block_is_one_piece),
	KUNIT_CASE(a_small_block_starts_a_page),
	KUNIT_CASE(runs_over_scattered_pages),
	KUNIT_CASE(an_adapter_allocates_at_revision_2),
	KUNIT_CASE(bad_parameters_are_refused_and_reported),
	KUNIT_CASE(bad_handles_and_double_frees_are_reported),
	KUNIT_CASE(calls_at_dispatch_are_refused),
	KUNIT_CASE(forgotten_blocks_are_freed_at_deregistration),
	KUNIT_CASE(layouts_and_accessors_are_the_ddis),
	KUNIT_CASE(a_received_frame_carries_its_chain),
	{}
};

static struct kunit_suite ndis_shared_memory_suite = {
	.name = "ndis_shared_memory",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_shared_memory_cases,
};

kunit_test_suite(ndis_shared_memory_suite);
