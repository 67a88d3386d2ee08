// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_optional_handlers: NdisSetOptionalHandlers() is accepted from
 * a miniport's or protocol's SetOptions handler with its driver handle and
 * with a protocol's open binding handle, and refused (reported) elsewhere,
 * at DISPATCH_LEVEL and for a type the DDI does not list; the services
 * that do not exist here get NDIS_STATUS_NOT_SUPPORTED without a report. A
 * protocol registered as the shared memory provider of its binding's
 * adapter serves that adapter's NdisAllocateSharedMemory() and
 * NdisFreeSharedMemory() with the miniport's parameters; one provider per
 * adapter; the close of its binding gives it back, with a report, every
 * block the miniport still has, and no call reaches it after.
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/slab.h>

#include "../core/kunit_iface.h"
#include "fake.h"

/* An optional-handler structure of @type, for the types NDIS refuses. */
static NDIS_DRIVER_OPTIONAL_HANDLERS opt_of(UCHAR type)
{
	NDIS_DRIVER_OPTIONAL_HANDLERS h = {};

	ndis_object_header_init(&h.Header, type, 1, sizeof(h));
	return h;
}

/* Any optional-handler structure, as NdisSetOptionalHandlers() takes it. */
static PNDIS_DRIVER_OPTIONAL_HANDLERS opt_h(void *chars)
{
	return chars;
}

/* The optional services the DDI lists that do not exist here. */
static const UCHAR opt_unsupported[] = {
	NDIS_OBJECT_TYPE_FILTER_PARTIAL_CHARACTERISTICS,
	NDIS_OBJECT_TYPE_CLIENT_CHIMNEY_OFFLOAD_GENERIC_CHARACTERISTICS,
	NDIS_OBJECT_TYPE_PROVIDER_CHIMNEY_OFFLOAD_GENERIC_CHARACTERISTICS,
	NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS,
	NDIS_OBJECT_TYPE_CO_MINIPORT_CHARACTERISTICS,
	NDIS_OBJECT_TYPE_MINIPORT_PNP_CHARACTERISTICS,
	NDIS_OBJECT_TYPE_CLIENT_CHIMNEY_OFFLOAD_CHARACTERISTICS,
	NDIS_OBJECT_TYPE_PROVIDER_CHIMNEY_OFFLOAD_CHARACTERISTICS,
	NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS,
	NDIS_OBJECT_TYPE_CO_CLIENT_OPTIONAL_HANDLERS,
	NDIS_OBJECT_TYPE_NDK_PROVIDER_CHARACTERISTICS,
	NDIS_OBJECT_TYPE_MINIPORT_SS_CHARACTERISTICS,
};

/* What a SetOptions handler got from NdisSetOptionalHandlers(). */
static struct {
	NDIS_HANDLE driver;
	unsigned int ran;
	NDIS_STATUS unsupported[ARRAY_SIZE(opt_unsupported)];
	NDIS_STATUS provider;		/* provider characteristics, driver handle */
	NDIS_STATUS unknown;		/* a type the DDI does not list */
	NDIS_STATUS none;		/* no structure */
} opt_seen;

static NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS prov_chars(NDIS_HANDLE context);

static NDIS_STATUS opt_set_options(NDIS_HANDLE NdisDriverHandle, NDIS_HANDLE DriverContext)
{
	NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS pc = prov_chars(NULL);
	NDIS_DRIVER_OPTIONAL_HANDLERS h;
	size_t i;

	opt_seen.driver = NdisDriverHandle;
	opt_seen.ran++;
	for (i = 0; i < ARRAY_SIZE(opt_unsupported); i++) {
		h = opt_of(opt_unsupported[i]);
		opt_seen.unsupported[i] = NdisSetOptionalHandlers(NdisDriverHandle, &h);
	}
	opt_seen.provider = NdisSetOptionalHandlers(NdisDriverHandle, opt_h(&pc));
	h = opt_of(NDIS_OBJECT_TYPE_DEFAULT);
	opt_seen.unknown = NdisSetOptionalHandlers(NdisDriverHandle, &h);
	opt_seen.none = NdisSetOptionalHandlers(NdisDriverHandle, NULL);
	return NDIS_STATUS_SUCCESS;
}

static void opt_expect_seen(struct kunit *test, NDIS_HANDLE driver)
{
	size_t i;

	KUNIT_EXPECT_EQ(test, opt_seen.ran, 1U);
	KUNIT_EXPECT_PTR_EQ(test, opt_seen.driver, driver);
	for (i = 0; i < ARRAY_SIZE(opt_unsupported); i++)
		KUNIT_EXPECT_EQ_MSG(test, opt_seen.unsupported[i], NDIS_STATUS_NOT_SUPPORTED,
				    "type 0x%x", opt_unsupported[i]);
	KUNIT_EXPECT_EQ(test, opt_seen.provider, NDIS_STATUS_NOT_SUPPORTED);
	KUNIT_EXPECT_EQ(test, opt_seen.unknown, NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, opt_seen.none, NDIS_STATUS_INVALID_PARAMETER);
}

/* Inside MiniportSetOptions with its driver handle; outside refused. */
static void a_miniport_sets_options_inside_set_options(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;
	NDIS_DRIVER_OPTIONAL_HANDLERS h = opt_of(NDIS_OBJECT_TYPE_MINIPORT_PNP_CHARACTERISTICS);
	struct ndis_fake_miniport *mp = kunit_kzalloc(test, sizeof(*mp), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, mp);
	memset(&opt_seen, 0, sizeof(opt_seen));
	ndis_fake_miniport_init(mp, "opt-m-setopt");
	ndis_fake_miniport_chars(&chars, mp->name);
	chars.SetOptionsHandler = opt_set_options;
	KUNIT_ASSERT_EQ(test, NdisMRegisterMiniportDriver(NULL, NULL, mp, &chars, &mp->handle),
			NDIS_STATUS_SUCCESS);
	opt_expect_seen(test, mp->handle);
	/* Two reports: the unknown type and the missing structure. */
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisSetOptionalHandlers");

	KUNIT_EXPECT_EQ(test, NdisSetOptionalHandlers(mp->handle, &h), NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	NdisMDeregisterMiniportDriver(mp->handle);
	ndis_fake_miniport_release(mp);
}

/* Inside ProtocolSetOptions with its driver handle; outside refused. */
static void a_protocol_sets_options_inside_set_options(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "opt-p-setopt");
	NDIS_DRIVER_OPTIONAL_HANDLERS h = opt_of(NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS);
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS chars;
	WCHAR wname[NDIS_FAKE_WNAME];

	memset(&opt_seen, 0, sizeof(opt_seen));
	ndis_fake_protocol_chars(&chars, fp->name, wname);
	chars.SetOptionsHandler = opt_set_options;
	KUNIT_ASSERT_EQ(test, NdisRegisterProtocolDriver(fp, &chars, &fp->handle),
			NDIS_STATUS_SUCCESS);
	opt_expect_seen(test, fp->handle);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);

	KUNIT_EXPECT_EQ(test, NdisSetOptionalHandlers(fp->handle, &h), NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisSetOptionalHandlers");
}

struct opt_dispatch {
	NDIS_HANDLE handle;
	NDIS_STATUS status;
};

static void opt_at_dispatch(void *arg)
{
	struct opt_dispatch *d = arg;
	NDIS_DRIVER_OPTIONAL_HANDLERS h = opt_of(NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS);

	d->status = NdisSetOptionalHandlers(d->handle, &h);
}

/* A handle that is no driver's or open binding's, and DISPATCH_LEVEL. */
static void bad_handles_and_dispatch_are_refused(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_DRIVER_OPTIONAL_HANDLERS h = opt_of(NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS);
	struct opt_dispatch d = { .status = NDIS_STATUS_SUCCESS };
	struct ndis_fake_stack s;

	ndis_fake_stack_setup(test, &s, "opt", "bad", 1);
	KUNIT_EXPECT_EQ(test, NdisSetOptionalHandlers(NULL, &h), NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_EQ(test, NdisSetOptionalHandlers(s.adapter, &h), NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_EQ(test, NdisSetOptionalHandlers((NDIS_HANDLE)0x7773, &h),
			NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	/* An open binding: accepted, and the service is not here. */
	KUNIT_EXPECT_EQ(test, NdisSetOptionalHandlers(s.binding[0], &h),
			NDIS_STATUS_NOT_SUPPORTED);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);

	d.handle = s.binding[0];
	ndis_kunit_in_timer(test, opt_at_dispatch, &d);
	KUNIT_EXPECT_EQ(test, d.status, NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 4U);
	KUNIT_EXPECT_EQ(test, r->irql, DISPATCH_LEVEL);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisSetOptionalHandlers");
}

/* A provider: what its handlers were given, and what they answer. */
#define PROV_MAX	4

static struct prov_state {
	unsigned int allocs;
	unsigned int frees;
	NDIS_HANDLE alloc_context;	/* ProviderContext of the last allocation */
	NDIS_HANDLE free_context;	/* ... and of the last free */
	NDIS_SHARED_MEMORY_PARAMETERS seen;	/* the last allocation's parameters */
	NDIS_HANDLE freed;		/* SharedMemoryProviderContext of the last free */
	NDIS_STATUS answer;		/* what the allocation answers */
	bool no_va;			/* succeed without setting VirtualAddress */
	void *blocks[PROV_MAX];		/* live, indexed by their context - 1 */
} prov;

/* A handler that stops until released, so that a close meets it under way. */
enum prov_hold_in { PROV_HOLD_NONE, PROV_HOLD_ALLOC, PROV_HOLD_FREE };

static struct {
	enum prov_hold_in in;
	struct completion entered;
	struct completion release;
	bool timed_out;
	struct ndis_kunit_thread *closer;
	bool closed_meanwhile;		/* the close was over before the handler */
} prov_hold;

static void prov_hold_here(enum prov_hold_in here)
{
	if (READ_ONCE(prov_hold.in) != here)
		return;
	WRITE_ONCE(prov_hold.in, PROV_HOLD_NONE);
	complete(&prov_hold.entered);
	if (!wait_for_completion_timeout(&prov_hold.release, 10 * HZ))
		prov_hold.timed_out = true;
	prov_hold.closed_meanwhile = completion_done(&prov_hold.closer->done);
}

static NDIS_STATUS prov_alloc(NDIS_HANDLE ProviderContext,
			      PNDIS_SHARED_MEMORY_PARAMETERS SharedMemoryParameters,
			      PNDIS_HANDLE pSharedMemoryProviderContext)
{
	PNDIS_SHARED_MEMORY_PARAMETERS p = SharedMemoryParameters;
	unsigned long i;

	prov.allocs++;
	prov.alloc_context = ProviderContext;
	prov.seen = *p;
	prov_hold_here(PROV_HOLD_ALLOC);
	if (prov.answer != NDIS_STATUS_SUCCESS)
		return prov.answer;
	for (i = 0; i < PROV_MAX && prov.blocks[i]; i++)
		;
	if (i == PROV_MAX)
		return NDIS_STATUS_RESOURCES;
	prov.blocks[i] = kzalloc(p->Length, GFP_KERNEL);
	if (!prov.blocks[i])
		return NDIS_STATUS_RESOURCES;
	memset(prov.blocks[i], 0x3c, p->Length);	/* not NDIS's zeroed memory */
	if (!prov.no_va)
		p->VirtualAddress = prov.blocks[i];
	if (p->SGListBuffer) {
		p->SGListBuffer->NumberOfElements = 1;
		p->SGListBuffer->Elements[0].Address.QuadPart = 0x1000 * (i + 1);
		p->SGListBuffer->Elements[0].Length = p->Length;
	}
	*pSharedMemoryProviderContext = (NDIS_HANDLE)(i + 1);
	return NDIS_STATUS_SUCCESS;
}

static void prov_free(NDIS_HANDLE ProviderContext, NDIS_HANDLE SharedMemoryProviderContext)
{
	unsigned long i = (unsigned long)SharedMemoryProviderContext - 1;

	prov_hold_here(PROV_HOLD_FREE);
	prov.frees++;
	prov.free_context = ProviderContext;
	prov.freed = SharedMemoryProviderContext;
	if (i < PROV_MAX) {
		kfree(prov.blocks[i]);
		prov.blocks[i] = NULL;
	}
}

static NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS prov_chars(NDIS_HANDLE context)
{
	NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS c = {};

	ndis_object_header_init(&c.Header, NDIS_OBJECT_TYPE_SHARED_MEMORY_PROVIDER_CHARACTERISTICS,
				NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS_REVISION_1,
				NDIS_SIZEOF_SHARED_MEMORY_PROVIDER_CHARACTERISTICS_REVISION_1);
	c.ProviderContext = context;
	c.AllocateSharedMemoryHandler = prov_alloc;
	c.FreeSharedMemoryHandler = prov_free;
	return c;
}

static NDIS_STATUS prov_register(NDIS_HANDLE binding, NDIS_HANDLE context)
{
	NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS c = prov_chars(context);

	return NdisSetOptionalHandlers(binding, opt_h(&c));
}

static void prov_reset(void)
{
	size_t i;

	for (i = 0; i < PROV_MAX; i++)
		kfree(prov.blocks[i]);
	memset(&prov, 0, sizeof(prov));
}

/* A miniport's request, with room for a list. */
struct opt_req {
	NDIS_SHARED_MEMORY_PARAMETERS p;
	NDIS_HANDLE alloc;
	union {
		SCATTER_GATHER_LIST sg;
		u8 room[sizeof(SCATTER_GATHER_LIST) + 4 * sizeof(SCATTER_GATHER_ELEMENT)];
	};
};

static void req_init(struct opt_req *q, ULONG length, NDIS_RECEIVE_QUEUE_ID queue)
{
	memset(q, 0, sizeof(*q));
	ndis_object_header_init(&q->p.Header, NDIS_OBJECT_TYPE_DEFAULT,
				NDIS_SHARED_MEMORY_PARAMETERS_REVISION_1,
				NDIS_SIZEOF_SHARED_MEMORY_PARAMETERS_REVISION_1);
	q->p.QueueId = queue;
	q->p.PreferredNode = MM_ANY_NODE_OK;
	q->p.Usage = NdisSharedMemoryUsageReceive;
	q->p.Length = length;
	q->p.SGListBufferLength = sizeof(q->room);
	q->p.SGListBuffer = &q->sg;
}

/*
 * The provider sees the adapter's allocation and free with the miniport's
 * parameters, and the miniport gets the provider's memory; the driver's
 * own handle still gets NDIS's memory.
 */
static void a_provider_serves_the_adapters_blocks(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct opt_req *q = kunit_kzalloc(test, sizeof(*q), GFP_KERNEL);
	struct opt_req *own = kunit_kzalloc(test, sizeof(*own), GFP_KERNEL);
	NDIS_HANDLE ctx = (NDIS_HANDLE)0xc0de;
	struct ndis_fake_stack s;

	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_ASSERT_NOT_NULL(test, own);
	prov_reset();
	ndis_fake_stack_setup(test, &s, "opt", "serve", 1);
	KUNIT_ASSERT_EQ(test, prov_register(s.binding[0], ctx), NDIS_STATUS_SUCCESS);

	req_init(q, 3000, 2);
	q->p.Flags = NDIS_SHARED_MEM_PARAMETERS_CONTIGOUS;
	KUNIT_ASSERT_EQ(test, NdisAllocateSharedMemory(s.adapter, &q->p, &q->alloc),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, prov.allocs, 1U);
	KUNIT_EXPECT_PTR_EQ(test, prov.alloc_context, ctx);
	KUNIT_EXPECT_EQ(test, prov.seen.Length, 3000U);
	KUNIT_EXPECT_EQ(test, prov.seen.QueueId, 2U);
	KUNIT_EXPECT_EQ(test, prov.seen.Flags, (ULONG)NDIS_SHARED_MEM_PARAMETERS_CONTIGOUS);
	KUNIT_EXPECT_EQ(test, (int)prov.seen.Usage, (int)NdisSharedMemoryUsageReceive);
	KUNIT_EXPECT_EQ(test, prov.seen.PreferredNode, (ULONG)MM_ANY_NODE_OK);
	KUNIT_EXPECT_PTR_EQ(test, prov.seen.SGListBuffer, &q->sg);
	/* NDIS names the block before the provider sees it, with its own handle. */
	KUNIT_EXPECT_NOT_NULL(test, prov.seen.SharedMemoryHandle);
	KUNIT_EXPECT_PTR_EQ(test, prov.seen.SharedMemoryHandle, q->alloc);
	KUNIT_EXPECT_PTR_EQ(test, q->p.SharedMemoryHandle, q->alloc);
	KUNIT_EXPECT_PTR_EQ(test, q->p.VirtualAddress, prov.blocks[0]);
	KUNIT_EXPECT_EQ(test, q->sg.NumberOfElements, 1U);
	KUNIT_EXPECT_EQ(test, (u64)q->sg.Elements[0].Address.QuadPart, 0x1000ULL);
	KUNIT_EXPECT_EQ(test, ((u8 *)q->p.VirtualAddress)[2999], 0x3c);

	/* The miniport's driver handle is no adapter's: NDIS allocates. */
	req_init(own, PAGE_SIZE, 0);
	KUNIT_ASSERT_EQ(test, NdisAllocateSharedMemory(s.mp->handle, &own->p, &own->alloc),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, prov.allocs, 1U);
	KUNIT_EXPECT_NULL(test, memchr_inv(own->p.VirtualAddress, 0, PAGE_SIZE));
	NdisFreeSharedMemory(s.mp->handle, own->alloc);
	KUNIT_EXPECT_EQ(test, prov.frees, 0U);

	/* Freed with any handle of the miniport's: through the provider. */
	NdisFreeSharedMemory(s.mp->handle, q->alloc);
	KUNIT_EXPECT_EQ(test, prov.frees, 1U);
	KUNIT_EXPECT_PTR_EQ(test, prov.free_context, ctx);
	KUNIT_EXPECT_PTR_EQ(test, prov.freed, (NDIS_HANDLE)1);
	KUNIT_EXPECT_NULL(test, prov.blocks[0]);
	NdisFreeSharedMemory(s.adapter, q->alloc);	/* twice: reported, not passed on */
	KUNIT_EXPECT_EQ(test, prov.frees, 1U);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	prov_reset();
}

/*
 * One provider per adapter: another binding is refused, unreported; the
 * same binding again changes the handlers' context for later blocks only.
 */
static void one_provider_per_adapter(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct opt_req *q = kunit_kzalloc(test, sizeof(*q), GFP_KERNEL);
	struct opt_req *q2 = kunit_kzalloc(test, sizeof(*q2), GFP_KERNEL);
	struct ndis_fake_stack s;

	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_ASSERT_NOT_NULL(test, q2);
	prov_reset();
	ndis_fake_stack_setup(test, &s, "opt", "one", 2);
	KUNIT_ASSERT_EQ(test, prov_register(s.binding[0], (NDIS_HANDLE)1), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, prov_register(s.binding[1], (NDIS_HANDLE)2), NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);

	req_init(q, 100, 1);
	KUNIT_ASSERT_EQ(test, NdisAllocateSharedMemory(s.adapter, &q->p, &q->alloc),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_PTR_EQ(test, prov.alloc_context, (NDIS_HANDLE)1);
	KUNIT_ASSERT_EQ(test, prov_register(s.binding[0], (NDIS_HANDLE)3), NDIS_STATUS_SUCCESS);
	req_init(q2, 100, 1);
	KUNIT_ASSERT_EQ(test, NdisAllocateSharedMemory(s.adapter, &q2->p, &q2->alloc),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_PTR_EQ(test, prov.alloc_context, (NDIS_HANDLE)3);
	NdisFreeSharedMemory(s.adapter, q->alloc);
	KUNIT_EXPECT_PTR_EQ(test, prov.free_context, (NDIS_HANDLE)1);
	NdisFreeSharedMemory(s.adapter, q2->alloc);
	KUNIT_EXPECT_PTR_EQ(test, prov.free_context, (NDIS_HANDLE)3);
	KUNIT_EXPECT_EQ(test, prov.frees, 2U);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
	prov_reset();
}

/* A bad provider header or a missing handler: reported, nothing kept. */
static void bad_provider_characteristics_are_refused(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct opt_req *q = kunit_kzalloc(test, sizeof(*q), GFP_KERNEL);
	NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS c;
	struct ndis_fake_stack s;

	KUNIT_ASSERT_NOT_NULL(test, q);
	prov_reset();
	ndis_fake_stack_setup(test, &s, "opt", "badp", 1);
	c = prov_chars(NULL);
	c.Header.Size = NDIS_SIZEOF_SHARED_MEMORY_PROVIDER_CHARACTERISTICS_REVISION_1 - 1;
	KUNIT_EXPECT_EQ(test, NdisSetOptionalHandlers(s.binding[0], opt_h(&c)),
			NDIS_STATUS_INVALID_PARAMETER);
	c = prov_chars(NULL);
	c.Header.Revision = 0;
	KUNIT_EXPECT_EQ(test, NdisSetOptionalHandlers(s.binding[0], opt_h(&c)),
			NDIS_STATUS_INVALID_PARAMETER);
	c = prov_chars(NULL);
	c.FreeSharedMemoryHandler = NULL;
	KUNIT_EXPECT_EQ(test, NdisSetOptionalHandlers(s.binding[0], opt_h(&c)),
			NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	req_init(q, 100, 1);
	KUNIT_ASSERT_EQ(test, NdisAllocateSharedMemory(s.adapter, &q->p, &q->alloc),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, prov.allocs, 0U);
	NdisFreeSharedMemory(s.adapter, q->alloc);
}

/*
 * A provider's failure reaches the miniport as it answered; a list too
 * short is refused before the provider is called; a success without
 * VirtualAddress is reported, undone through its free handler, and fails.
 */
static void a_providers_failures_reach_the_miniport(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct opt_req *q = kunit_kzalloc(test, sizeof(*q), GFP_KERNEL);
	struct ndis_fake_stack s;

	KUNIT_ASSERT_NOT_NULL(test, q);
	prov_reset();
	ndis_fake_stack_setup(test, &s, "opt", "fail", 1);
	KUNIT_ASSERT_EQ(test, prov_register(s.binding[0], NULL), NDIS_STATUS_SUCCESS);
	prov.answer = NDIS_STATUS_RESOURCES;
	req_init(q, 100, 1);
	q->alloc = (NDIS_HANDLE)0x5a5a;
	KUNIT_EXPECT_EQ(test, NdisAllocateSharedMemory(s.adapter, &q->p, &q->alloc),
			NDIS_STATUS_RESOURCES);
	KUNIT_EXPECT_NULL(test, q->alloc);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);

	/* A list with no room for an element: the miniport's, not passed on. */
	prov.answer = NDIS_STATUS_SUCCESS;
	q->p.SGListBufferLength = offsetof(SCATTER_GATHER_LIST, Elements);
	KUNIT_EXPECT_EQ(test, NdisAllocateSharedMemory(s.adapter, &q->p, &q->alloc),
			NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, prov.allocs, 1U);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);

	req_init(q, 100, 1);
	prov.no_va = true;
	KUNIT_EXPECT_EQ(test, NdisAllocateSharedMemory(s.adapter, &q->p, &q->alloc),
			NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_NULL(test, q->alloc);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_EQ(test, prov.allocs, 2U);
	KUNIT_EXPECT_EQ(test, prov.frees, 1U);
	KUNIT_EXPECT_NULL(test, prov.blocks[0]);
	prov_reset();
}

/*
 * The provider's binding closes with a block outstanding: the block goes
 * back through the provider within the close, reported against the
 * miniport's allocation; the miniport's later free only ends the handle,
 * and the adapter's next block is NDIS's.
 */
static void closing_the_providers_binding_gives_its_blocks_back(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct opt_req *q = kunit_kzalloc(test, sizeof(*q), GFP_KERNEL);
	struct opt_req *q2 = kunit_kzalloc(test, sizeof(*q2), GFP_KERNEL);
	struct ndis_fake_stack s;
	NDIS_HANDLE closed;
	long before;

	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_ASSERT_NOT_NULL(test, q2);
	prov_reset();
	ndis_fake_stack_setup(test, &s, "opt", "close", 1);
	KUNIT_ASSERT_EQ(test, prov_register(s.binding[0], (NDIS_HANDLE)7), NDIS_STATUS_SUCCESS);
	req_init(q, 200, 1);
	KUNIT_ASSERT_EQ(test, NdisAllocateSharedMemory(s.adapter, &q->p, &q->alloc),
			NDIS_STATUS_SUCCESS);
	req_init(q2, 200, 1);
	KUNIT_ASSERT_EQ(test, NdisAllocateSharedMemory(s.adapter, &q2->p, &q2->alloc),
			NDIS_STATUS_SUCCESS);
	NdisFreeSharedMemory(s.adapter, q2->alloc);
	KUNIT_EXPECT_EQ(test, prov.frees, 1U);

	before = ndis_kunit_misuse_count();
	closed = s.binding[0];
	ndis_fake_protocol_deregister(s.fp[0]);		/* unbinds: closes the binding */
	KUNIT_EXPECT_EQ(test, prov.frees, 2U);
	KUNIT_EXPECT_PTR_EQ(test, prov.freed, (NDIS_HANDLE)1);
	KUNIT_EXPECT_PTR_EQ(test, prov.free_context, (NDIS_HANDLE)7);
	KUNIT_EXPECT_NULL(test, prov.blocks[0]);
	KUNIT_EXPECT_EQ(test, ndis_kunit_misuse_count() - before, 1L);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisFreeSharedMemory");

	NdisFreeSharedMemory(s.adapter, q->alloc);	/* its handle, quietly */
	KUNIT_EXPECT_EQ(test, prov.frees, 2U);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	NdisFreeSharedMemory(s.adapter, q->alloc);	/* and it is gone */
	KUNIT_EXPECT_EQ(test, r->calls, 2U);

	req_init(q, PAGE_SIZE, 1);
	KUNIT_ASSERT_EQ(test, NdisAllocateSharedMemory(s.adapter, &q->p, &q->alloc),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, prov.allocs, 2U);
	KUNIT_EXPECT_NULL(test, memchr_inv(q->p.VirtualAddress, 0, PAGE_SIZE));
	NdisFreeSharedMemory(s.adapter, q->alloc);

	/* The closed binding registers nothing. */
	KUNIT_EXPECT_EQ(test, prov_register(closed, NULL), NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	prov_reset();
}

struct prov_race {
	struct ndis_fake_stack s;
	struct opt_req q;
};

static void prov_race_alloc(struct ndis_kunit_thread *t)
{
	struct prov_race *pr = t->arg;

	t->result = NdisAllocateSharedMemory(pr->s.adapter, &pr->q.p, &pr->q.alloc);
}

static void prov_race_free(struct ndis_kunit_thread *t)
{
	struct prov_race *pr = t->arg;

	NdisFreeSharedMemory(pr->s.adapter, pr->q.alloc);
	t->result = 1;
}

static void prov_race_close(struct ndis_kunit_thread *t)
{
	struct prov_race *pr = t->arg;

	ndis_fake_protocol_deregister(pr->s.fp[0]);
	t->result = 1;
}

/*
 * The close of the provider's binding meets a handler of the provider's
 * under way (@in): it waits for it, the block goes back through the
 * provider exactly once, and no handler is called once the close is over.
 * Return: the misuse reports the close made.
 */
static long prov_close_meets(struct kunit *test, struct prov_race *pr, enum prov_hold_in in)
{
	struct ndis_kunit_thread call, closer;
	long before;
	int polls;

	prov_reset();
	init_completion(&prov_hold.entered);
	init_completion(&prov_hold.release);
	prov_hold.timed_out = false;
	prov_hold.closed_meanwhile = false;
	prov_hold.closer = &closer;
	init_completion(&closer.done);		/* read by the handler before the closer runs */
	ndis_fake_stack_setup(test, &pr->s, "opt", in == PROV_HOLD_ALLOC ? "ra" : "rf", 1);
	KUNIT_ASSERT_EQ(test, prov_register(pr->s.binding[0], NULL), NDIS_STATUS_SUCCESS);
	req_init(&pr->q, 100, 1);
	if (in == PROV_HOLD_FREE)
		KUNIT_ASSERT_EQ(test, NdisAllocateSharedMemory(pr->s.adapter, &pr->q.p,
							       &pr->q.alloc),
				NDIS_STATUS_SUCCESS);

	WRITE_ONCE(prov_hold.in, in);
	ndis_kunit_thread_start(test, &call, in == PROV_HOLD_ALLOC ? prov_race_alloc :
				prov_race_free, pr, "opt-call");
	KUNIT_ASSERT_TRUE(test, wait_for_completion_timeout(&prov_hold.entered, 10 * HZ) > 0);
	before = ndis_kunit_misuse_count();
	ndis_kunit_thread_start(test, &closer, prov_race_close, pr, "opt-close");
	/* Give a close that does not wait the time to finish: a correct one sleeps. */
	for (polls = 0; polls < 100 && !completion_done(&closer.done); polls++)
		usleep_range(1000, 2000);
	complete(&prov_hold.release);
	KUNIT_ASSERT_TRUE(test, ndis_kunit_thread_finished(&call));
	KUNIT_ASSERT_TRUE(test, ndis_kunit_thread_finished(&closer));

	KUNIT_EXPECT_FALSE(test, prov_hold.timed_out);
	KUNIT_EXPECT_FALSE(test, prov_hold.closed_meanwhile);
	KUNIT_EXPECT_EQ(test, prov.allocs, 1U);
	KUNIT_EXPECT_EQ(test, prov.frees, 1U);		/* once, and before the close was over */
	KUNIT_EXPECT_NULL(test, prov.blocks[0]);
	if (in == PROV_HOLD_ALLOC)
		KUNIT_EXPECT_EQ(test, call.result, (long)NDIS_STATUS_SUCCESS);
	return ndis_kunit_misuse_count() - before;
}

/*
 * A miniport's allocation under way when the provider's binding closes:
 * the close waits for it, then gives the block back as outstanding.
 */
static void a_close_waits_for_an_allocation_under_way(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct prov_race *pr = kunit_kzalloc(test, sizeof(*pr), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, pr);
	KUNIT_EXPECT_EQ(test, prov_close_meets(test, pr, PROV_HOLD_ALLOC), 1L);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisFreeSharedMemory");
	NdisFreeSharedMemory(pr->s.adapter, pr->q.alloc);	/* ends the handle only */
	KUNIT_EXPECT_EQ(test, prov.frees, 1U);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	prov_reset();
}

/*
 * A miniport's free under way when the provider's binding closes: the
 * close waits for it and has nothing left to give back.
 */
static void a_close_waits_for_a_free_under_way(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct prov_race *pr = kunit_kzalloc(test, sizeof(*pr), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, pr);
	KUNIT_EXPECT_EQ(test, prov_close_meets(test, pr, PROV_HOLD_FREE), 0L);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
	prov_reset();
}

/* The DDI's values and x64 layout. */
static void types_and_layout_are_the_ddis(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, NDIS_OBJECT_TYPE_SHARED_MEMORY_PROVIDER_CHARACTERISTICS, 0xB0);
	KUNIT_EXPECT_EQ(test, NDIS_OBJECT_TYPE_NDK_PROVIDER_CHARACTERISTICS, 0xB2);
	KUNIT_EXPECT_EQ(test, NDIS_OBJECT_TYPE_MINIPORT_SS_CHARACTERISTICS, 0xB4);
	KUNIT_EXPECT_EQ(test, sizeof(NDIS_DRIVER_OPTIONAL_HANDLERS), 4UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS, Flags), 4UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS,
				       ProviderContext), 8UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS,
				       AllocateSharedMemoryHandler), 16UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS,
				       FreeSharedMemoryHandler), 24UL);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_SHARED_MEMORY_PROVIDER_CHARACTERISTICS_REVISION_1,
			32UL);
}

static struct kunit_case ndis_optional_handlers_cases[] = {
	KUNIT_CASE(a_miniport_sets_options_inside_set_options),
	KUNIT_CASE(a_protocol_sets_options_inside_set_options),
	KUNIT_CASE(bad_handles_and_dispatch_are_refused),
	KUNIT_CASE(a_provider_serves_the_adapters_blocks),
	KUNIT_CASE(one_provider_per_adapter),
	KUNIT_CASE(bad_provider_characteristics_are_refused),
	KUNIT_CASE(a_providers_failures_reach_the_miniport),
	KUNIT_CASE(closing_the_providers_binding_gives_its_blocks_back),
	KUNIT_CASE(a_close_waits_for_an_allocation_under_way),
	KUNIT_CASE(a_close_waits_for_a_free_under_way),
	KUNIT_CASE(types_and_layout_are_the_ddis),
	{}
};

static struct kunit_suite ndis_optional_handlers_suite = {
	.name = "ndis_optional_handlers",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_optional_handlers_cases,
};

kunit_test_suite(ndis_optional_handlers_suite);
