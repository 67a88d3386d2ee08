// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_misuse: bad input to the control plane. NULL, stale, foreign
 * and closed handles, double close, double deregistration, bad
 * characteristics, PnP calls from inside the OID and receive-return work
 * (refused, never a deadlock), and the binding state machine's table. Each
 * is an error status and one report; under KASAN any wild access would
 * show.
 */
#include "../core/kunit_iface.h"
#include "fake.h"

static void null_and_forged_handles(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;

	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter(NULL), NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, NdisCloseAdapterEx(NULL), NDIS_STATUS_ADAPTER_NOT_OPEN);
	/* Something that is not a handle at all. */
	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter((NDIS_HANDLE)test), NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter((NDIS_HANDLE)0xdeadbee4UL),
			NDIS_STATUS_INVALID_PARAMETER);
	NdisDeregisterProtocolDriver(NULL);
	NdisMDeregisterMiniportDriver(NULL);
	NdisCompleteBindAdapterEx(NULL, NDIS_STATUS_SUCCESS);
	NdisCompleteUnbindAdapterEx(NULL);
	NdisMPauseComplete(NULL);
	KUNIT_EXPECT_EQ(test, r->calls, 9U);
}

/* The call just made, @what, was refused with exactly one report. */
static void reported_once(struct kunit *test, unsigned int *seen, const char *what)
{
	struct ndis_kunit_reports *r = test->priv;

	KUNIT_EXPECT_EQ_MSG(test, r->calls, ++*seen, "%s", what);
	*seen = r->calls;
}

/* Handles of every kind, all NULL or all stale. */
struct ndis_bad_handles {
	NDIS_HANDLE protocol, binding, adapter, driver, lpool, npool;
};

/*
 * Every exported call that takes one of @h's handles: the documented
 * error, one report each, and the NBL, request or buffer passed along left
 * alone (KASAN would show a wild access). Return: the calls made.
 */
static unsigned int refuse_each_call(struct kunit *test, const struct ndis_bad_handles *h,
				     NDIS_HANDLE keep_pool)
{
	NDIS_MINIPORT_ADAPTER_ATTRIBUTES attrs = {};
	NDIS_STATUS_INDICATION status = {};
	struct ndis_kunit_reports *r = test->priv;
	NET_BUFFER_LIST_POOL_PARAMETERS lp;
	NET_BUFFER_POOL_PARAMETERS bp;
	unsigned int seen = r->calls;
	NDIS_HANDLE handle = NULL;
	NDIS_OID_REQUEST req;
	PNET_BUFFER_LIST nbl;
	ULONG v;

	ndis_fake_pool_params(&lp, &bp);
	nbl = NdisAllocateNetBufferAndNetBufferList(keep_pool, 0, 0, NULL, 0, 60);
	KUNIT_ASSERT_NOT_NULL(test, nbl);
	ndis_fake_oid_init(&req, NdisRequestQueryInformation, OID_GEN_VENDOR_ID, &v, sizeof(v),
			   NULL);
	ndis_object_header_init(&status.Header, NDIS_OBJECT_TYPE_STATUS_INDICATION,
				NDIS_STATUS_INDICATION_REVISION_1, sizeof(status));
	status.StatusCode = NDIS_STATUS_MEDIA_CONNECT;

	/* Protocol side. */
	NdisReEnumerateProtocolBindings(h->protocol);
	reported_once(test, &seen, "NdisReEnumerateProtocolBindings");
	NdisSendNetBufferLists(h->binding, nbl, 0, 0);
	reported_once(test, &seen, "NdisSendNetBufferLists");
	NdisCancelSendNetBufferLists(h->binding, NULL);
	reported_once(test, &seen, "NdisCancelSendNetBufferLists");
	NdisReturnNetBufferLists(h->binding, nbl, 0);
	reported_once(test, &seen, "NdisReturnNetBufferLists");
	KUNIT_EXPECT_EQ(test, NdisOidRequest(h->binding, &req), NDIS_STATUS_INVALID_PARAMETER);
	reported_once(test, &seen, "NdisOidRequest");
	NdisCancelOidRequest(h->binding, NULL);
	reported_once(test, &seen, "NdisCancelOidRequest");

	/* Miniport side. */
	KUNIT_EXPECT_EQ(test, NdisMSetMiniportAttributes(h->adapter, &attrs),
			NDIS_STATUS_INVALID_PARAMETER);
	reported_once(test, &seen, "NdisMSetMiniportAttributes");
	NdisMRestartComplete(h->adapter, NDIS_STATUS_SUCCESS);
	reported_once(test, &seen, "NdisMRestartComplete");
	KUNIT_EXPECT_EQ(test, NdisMRemoveMiniport(h->adapter), NDIS_STATUS_FAILURE);
	reported_once(test, &seen, "NdisMRemoveMiniport");
	NdisMIndicateReceiveNetBufferLists(h->adapter, nbl, 0, 1, 0);
	reported_once(test, &seen, "NdisMIndicateReceiveNetBufferLists");
	NdisMSendNetBufferListsComplete(h->adapter, nbl, 0);
	reported_once(test, &seen, "NdisMSendNetBufferListsComplete");
	NdisMIndicateStatusEx(h->adapter, &status);
	reported_once(test, &seen, "NdisMIndicateStatusEx");
	NdisMOidRequestComplete(h->adapter, &req, NDIS_STATUS_SUCCESS);
	reported_once(test, &seen, "NdisMOidRequestComplete");
	KUNIT_EXPECT_EQ(test, ndis_miniport_add_adapter(h->driver, "mu-x", NULL, &handle),
			NDIS_STATUS_INVALID_PARAMETER);
	reported_once(test, &seen, "ndis_miniport_add_adapter");
	KUNIT_EXPECT_EQ(test, ndis_miniport_surprise_remove_adapter(h->adapter),
			NDIS_STATUS_INVALID_PARAMETER);
	reported_once(test, &seen, "ndis_miniport_surprise_remove_adapter");
	KUNIT_EXPECT_EQ(test, ndis_miniport_query_remove_adapter(h->adapter),
			NDIS_STATUS_INVALID_PARAMETER);
	reported_once(test, &seen, "ndis_miniport_query_remove_adapter");
	KUNIT_EXPECT_EQ(test, ndis_miniport_set_power(h->adapter, NdisDeviceStateD3),
			NDIS_STATUS_INVALID_PARAMETER);
	reported_once(test, &seen, "ndis_miniport_set_power");

	/* Pools. */
	KUNIT_EXPECT_NULL(test, NdisAllocateNetBufferPool(h->protocol, &bp));
	reported_once(test, &seen, "NdisAllocateNetBufferPool");
	KUNIT_EXPECT_NULL(test, NdisAllocateNetBufferListPool(h->protocol, &lp));
	reported_once(test, &seen, "NdisAllocateNetBufferListPool");
	NdisFreeNetBufferListPool(h->lpool);
	reported_once(test, &seen, "NdisFreeNetBufferListPool");
	NdisFreeNetBufferPool(h->npool);
	reported_once(test, &seen, "NdisFreeNetBufferPool");
	KUNIT_EXPECT_NULL(test, NdisAllocateNetBufferList(h->lpool, 0, 0));
	reported_once(test, &seen, "NdisAllocateNetBufferList");
	KUNIT_EXPECT_NULL(test, NdisAllocateNetBufferAndNetBufferList(h->lpool, 0, 0, NULL, 0, 60));
	reported_once(test, &seen, "NdisAllocateNetBufferAndNetBufferList");
	KUNIT_EXPECT_NULL(test, NdisAllocateNetBuffer(h->npool, NULL, 0, 60));
	reported_once(test, &seen, "NdisAllocateNetBuffer");

	/* Nothing took the NBL or completed the request: both are still ours. */
	KUNIT_EXPECT_NULL(test, ndis_fake_oid_slots(&req)[0]);
	KUNIT_EXPECT_NULL(test, handle);
	NdisFreeNetBufferList(nbl);
	return seen;
}

static void every_call_refuses_a_null_handle(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "mu-null");
	const struct ndis_bad_handles none = {};
	NET_PNP_EVENT_NOTIFICATION event = {};

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	/* NULL is the binding of protocol-wide events, never waited for: no report. */
	NdisCompleteNetPnPEvent(NULL, &event, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
	KUNIT_EXPECT_EQ(test, refuse_each_call(test, &none, fp->nbl_pool), 24U);
}

/*
 * The same calls with handles that were live once: a binding, an adapter,
 * a protocol, a miniport driver and two pools, all torn down first; and
 * the teardown calls themselves, a second time.
 */
static void every_call_refuses_a_stale_handle(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "mu-st-p");
	struct ndis_fake_protocol *keep = ndis_fake_protocol_new(test, "mu-st-k");
	struct ndis_fake_miniport *mp = kunit_kzalloc(test, sizeof(*mp), GFP_KERNEL);
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;
	NET_BUFFER_LIST_POOL_PARAMETERS lp;
	NET_BUFFER_POOL_PARAMETERS bp;
	struct ndis_bad_handles h;
	unsigned int seen;

	KUNIT_ASSERT_NOT_NULL(test, mp);
	ndis_fake_miniport_init(mp, "mu-st-mp");
	ndis_fake_miniport_chars(&chars, mp->name);
	KUNIT_ASSERT_EQ(test, NdisMRegisterMiniportDriver(NULL, NULL, mp, &chars, &mp->handle),
			NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(keep), NDIS_STATUS_SUCCESS);
	h.adapter = ndis_fake_adapter_add(test, mp, "mu-st-a");
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->restarts) == 1));
	h.binding = ndis_fake_binding(fp, "mu-st-a");
	h.protocol = fp->handle;
	h.driver = mp->handle;
	ndis_fake_pool_params(&lp, &bp);
	h.lpool = NdisAllocateNetBufferListPool(h.protocol, &lp);
	h.npool = NdisAllocateNetBufferPool(h.protocol, &bp);
	KUNIT_ASSERT_NOT_NULL(test, h.lpool);
	KUNIT_ASSERT_NOT_NULL(test, h.npool);
	NdisFreeNetBufferListPool(h.lpool);
	NdisFreeNetBufferPool(h.npool);
	KUNIT_ASSERT_EQ(test, ndis_miniport_remove_adapter(h.adapter), NDIS_STATUS_SUCCESS);
	ndis_fake_protocol_deregister(fp);
	NdisMDeregisterMiniportDriver(h.driver);
	ndis_fake_miniport_release(mp);
	KUNIT_ASSERT_EQ(test, r->calls, 0U);

	seen = refuse_each_call(test, &h, keep->nbl_pool);
	KUNIT_EXPECT_EQ(test, seen, 24U);
	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter(h.binding), NDIS_STATUS_INVALID_PARAMETER);
	reported_once(test, &seen, "NdisUnbindAdapter");
	KUNIT_EXPECT_EQ(test, NdisCloseAdapterEx(h.binding), NDIS_STATUS_ADAPTER_NOT_OPEN);
	reported_once(test, &seen, "NdisCloseAdapterEx");
	NdisDeregisterProtocolDriver(h.protocol);
	reported_once(test, &seen, "NdisDeregisterProtocolDriver");
	NdisMDeregisterMiniportDriver(h.driver);
	reported_once(test, &seen, "NdisMDeregisterMiniportDriver");
}

static void foreign_handle_role(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "mu-mp1");
	NDIS_HANDLE a = ndis_fake_adapter_add(test, mp, "mu-a1");

	/* An adapter handle where a binding handle belongs, and vice versa. */
	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter(a), NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter(mp->handle), NDIS_STATUS_INVALID_PARAMETER);
	NdisDeregisterProtocolDriver(mp->handle);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	KUNIT_EXPECT_STREQ(test, r->requirement, "a live NdisProtocolHandle");
	/* None of it touched the adapter. */
	KUNIT_EXPECT_EQ(test, atomic_read(&mp->halts), 0);
}

static void stale_handles_after_teardown(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "mu-mp2");
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "mu-p2");
	NDIS_HANDLE a, binding, protocol;

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	a = ndis_fake_adapter_add(test, mp, "mu-a2");
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->restarts) == 1));
	binding = ndis_fake_binding(fp, "mu-a2");
	protocol = fp->handle;
	KUNIT_EXPECT_EQ(test, ndis_miniport_remove_adapter(a), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);

	KUNIT_EXPECT_EQ(test, ndis_miniport_remove_adapter(a), NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter(binding), NDIS_STATUS_INVALID_PARAMETER);
	ndis_fake_protocol_deregister(fp);
	/* Deregistering twice: an error, nothing freed twice. */
	NdisDeregisterProtocolDriver(protocol);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
}

static void close_outside_handlers_and_twice(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "mu-mp3");
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "mu-p3");
	NDIS_HANDLE binding;

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	ndis_fake_adapter_add(test, mp, "mu-a3");
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->restarts) == 1));
	binding = ndis_fake_binding(fp, "mu-a3");

	KUNIT_EXPECT_EQ(test, NdisCloseAdapterEx(binding), NDIS_STATUS_NOT_ACCEPTED);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	/* Refused: the binding still works and unbinds normally. */
	ndis_fake_protocol_deregister(fp);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->unbinds), 1);
	/* Closed (and gone): closing again is an error. */
	KUNIT_EXPECT_EQ(test, NdisCloseAdapterEx(binding), NDIS_STATUS_ADAPTER_NOT_OPEN);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
}

static void completions_that_were_not_pending(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "mu-mp4");
	NDIS_HANDLE a = ndis_fake_adapter_add(test, mp, "mu-a4");

	NdisMPauseComplete(a);
	NdisMRestartComplete(a, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisMRestartComplete");
}

static void bind_failure_leaving_open_is_closed_for_it(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "mu-mp5");
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "mu-p5");
	NDIS_HANDLE a;

	fp->bind_mode = NDIS_FAKE_BIND_FAIL_LEAVING_OPEN;
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	a = ndis_fake_adapter_add(test, mp, "mu-a5");
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->binds) == 1));
	ndis_kunit_adapter_flush(a);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "ProtocolBindAdapterEx");
	KUNIT_EXPECT_EQ(test, ndis_kunit_binding_state("mu-p5", "mu-a5"), -1);
	/* Nothing leaked that removal would hang on. */
	KUNIT_EXPECT_EQ(test, ndis_miniport_remove_adapter(a), NDIS_STATUS_SUCCESS);
}

static void bad_characteristics(struct kunit *test)
{
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS pc;
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS mc;
	NDIS_HANDLE h = NULL;
	WCHAR wname[NDIS_FAKE_WNAME];

	ndis_fake_protocol_chars(&pc, "mu-bad", wname);
	pc.MajorNdisVersion = 5;
	KUNIT_EXPECT_EQ(test, NdisRegisterProtocolDriver(NULL, &pc, &h), NDIS_STATUS_BAD_VERSION);
	ndis_fake_protocol_chars(&pc, "mu-bad", wname);
	pc.UnbindAdapterHandlerEx = NULL;
	KUNIT_EXPECT_EQ(test, NdisRegisterProtocolDriver(NULL, &pc, &h),
			NDIS_STATUS_BAD_CHARACTERISTICS);
	ndis_fake_protocol_chars(&pc, "mu-bad", wname);
	pc.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
	KUNIT_EXPECT_EQ(test, NdisRegisterProtocolDriver(NULL, &pc, &h),
			NDIS_STATUS_BAD_CHARACTERISTICS);
	ndis_fake_protocol_chars(&pc, "bad/name", wname);
	KUNIT_EXPECT_EQ(test, NdisRegisterProtocolDriver(NULL, &pc, &h),
			NDIS_STATUS_BAD_CHARACTERISTICS);

	ndis_fake_miniport_chars(&mc, "mu-bad");
	mc.MinorNdisVersion = 99;
	KUNIT_EXPECT_EQ(test, NdisMRegisterMiniportDriver(NULL, NULL, NULL, &mc, &h),
			NDIS_STATUS_BAD_VERSION);
	ndis_fake_miniport_chars(&mc, "mu-bad");
	mc.PauseHandler = NULL;
	KUNIT_EXPECT_EQ(test, NdisMRegisterMiniportDriver(NULL, NULL, NULL, &mc, &h),
			NDIS_STATUS_BAD_CHARACTERISTICS);
	KUNIT_EXPECT_NULL(test, h);
}

static void duplicate_names(struct kunit *test)
{
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "mu-mp6");
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "mu-p6");
	struct ndis_fake_protocol *twin = ndis_fake_protocol_new(test, "mu-p6");
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS mc;
	NDIS_HANDLE h = NULL;

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ndis_fake_protocol_register(twin), NDIS_STATUS_FAILURE);
	ndis_fake_miniport_chars(&mc, "mu-mp6");
	KUNIT_EXPECT_EQ(test, NdisMRegisterMiniportDriver(NULL, NULL, NULL, &mc, &h),
			NDIS_STATUS_FAILURE);
	ndis_fake_adapter_add(test, mp, "mu-a6");
	KUNIT_EXPECT_EQ(test, ndis_miniport_add_adapter(mp->handle, "mu-a6", NULL, &h),
			NDIS_STATUS_RESOURCE_CONFLICT);
	KUNIT_EXPECT_EQ(test, ndis_miniport_add_adapter(mp->handle, "a/b", NULL, &h),
			NDIS_STATUS_INVALID_PARAMETER);
}

/* Names fill a 32-byte field: 31 characters fit, 32 are refused, not cut. */
static void names_that_overflow_refused(struct kunit *test)
{
	static const char fits[] = "mu-0123456789abcdef0123456789ab";	/* 31 */
	static const char over[] = "mu-0123456789abcdef0123456789abc";	/* 32 */
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "mu-mp7");
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS pc;
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS mc;
	struct ndis_fake_protocol *fp;
	NDIS_HANDLE h = NULL;
	WCHAR wname[NDIS_FAKE_WNAME];

	BUILD_BUG_ON(sizeof(fits) != 32 || sizeof(over) != 33);
	KUNIT_EXPECT_EQ(test, ndis_miniport_add_adapter(mp->handle, over, NULL, &h),
			NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_NULL(test, h);
	ndis_fake_adapter_add(test, mp, fits);
	KUNIT_EXPECT_NOT_NULL(test, ndis_fake_adapter_find(mp, fits));

	ndis_fake_protocol_chars(&pc, over, wname);
	KUNIT_EXPECT_EQ(test, NdisRegisterProtocolDriver(NULL, &pc, &h),
			NDIS_STATUS_BAD_CHARACTERISTICS);
	ndis_fake_miniport_chars(&mc, over);
	KUNIT_EXPECT_EQ(test, NdisMRegisterMiniportDriver(NULL, NULL, NULL, &mc, &h),
			NDIS_STATUS_BAD_CHARACTERISTICS);
	KUNIT_EXPECT_NULL(test, h);
	/* 31 characters: a protocol binds under its whole name. */
	fp = ndis_fake_protocol_new(test, fits);
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->restarts) == 1));
	KUNIT_EXPECT_STREQ(test, fp->name, fits);
}

struct ndis_transition_case {
	enum ndis_binding_state from, to;
	bool ok;
};

static const struct ndis_transition_case ndis_transitions[] = {
	{ NDIS_BINDING_UNBOUND, NDIS_BINDING_OPENING, true },
	{ NDIS_BINDING_OPENING, NDIS_BINDING_PAUSED, true },
	{ NDIS_BINDING_OPENING, NDIS_BINDING_UNBOUND, true },
	{ NDIS_BINDING_PAUSED, NDIS_BINDING_RESTARTING, true },
	{ NDIS_BINDING_RESTARTING, NDIS_BINDING_RUNNING, true },
	{ NDIS_BINDING_RESTARTING, NDIS_BINDING_PAUSED, true },
	{ NDIS_BINDING_RUNNING, NDIS_BINDING_PAUSING, true },
	{ NDIS_BINDING_PAUSING, NDIS_BINDING_PAUSED, true },
	{ NDIS_BINDING_PAUSED, NDIS_BINDING_CLOSING, true },
	{ NDIS_BINDING_CLOSING, NDIS_BINDING_UNBOUND, true },
	{ NDIS_BINDING_RUNNING, NDIS_BINDING_CLOSING, false },	/* unbind before pause */
	{ NDIS_BINDING_UNBOUND, NDIS_BINDING_RUNNING, false },
	{ NDIS_BINDING_OPENING, NDIS_BINDING_RUNNING, false },
	{ NDIS_BINDING_PAUSING, NDIS_BINDING_RUNNING, false },
	{ NDIS_BINDING_CLOSING, NDIS_BINDING_PAUSED, false },	/* no restart after unbind */
	{ NDIS_BINDING_RUNNING, NDIS_BINDING_UNBOUND, false },
	{ NDIS_BINDING_CLOSING, 42, false },
};

static void transition_desc(const struct ndis_transition_case *c, char *desc)
{
	static const char *const names[] = {
		"unbound", "opening", "paused", "restarting", "running", "pausing", "closing",
	};

	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s -> %s %s", names[c->from],
		 c->to < ARRAY_SIZE(names) ? names[c->to] : "bogus",
		 c->ok ? "allowed" : "refused");
}

KUNIT_ARRAY_PARAM(ndis_transition, ndis_transitions, transition_desc);

static void state_machine_table(struct kunit *test)
{
	const struct ndis_transition_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, ndis_binding_transition_ok(c->from, c->to), c->ok);
}

/*
 * Every pair of adapter states against the miniport state machine: the
 * moves NDIS 6 makes (start, restart, pause, halt), plus re-entering
 * halted and shut down, where each teardown ends whatever came before.
 */
static void adapter_state_machine_table(struct kunit *test)
{
	static const char *const names[] = {
		"halted", "initializing", "paused", "restarting", "running", "pausing", "shutdown",
	};
	static const unsigned long allowed[] = {
		[NDIS_ADAPTER_HALTED] = BIT(NDIS_ADAPTER_INITIALIZING) | BIT(NDIS_ADAPTER_HALTED) |
					BIT(NDIS_ADAPTER_SHUTDOWN),
		[NDIS_ADAPTER_INITIALIZING] = BIT(NDIS_ADAPTER_PAUSED) | BIT(NDIS_ADAPTER_HALTED),
		[NDIS_ADAPTER_PAUSED] = BIT(NDIS_ADAPTER_RESTARTING) | BIT(NDIS_ADAPTER_HALTED) |
					BIT(NDIS_ADAPTER_SHUTDOWN),
		[NDIS_ADAPTER_RESTARTING] = BIT(NDIS_ADAPTER_RUNNING) | BIT(NDIS_ADAPTER_PAUSED),
		[NDIS_ADAPTER_RUNNING] = BIT(NDIS_ADAPTER_PAUSING),
		[NDIS_ADAPTER_PAUSING] = BIT(NDIS_ADAPTER_PAUSED),
		[NDIS_ADAPTER_SHUTDOWN] = BIT(NDIS_ADAPTER_HALTED) | BIT(NDIS_ADAPTER_SHUTDOWN),
	};
	unsigned int from, to;

	for (from = 0; from < ARRAY_SIZE(allowed); from++)
		for (to = 0; to < ARRAY_SIZE(allowed); to++)
			KUNIT_EXPECT_EQ_MSG(test, ndis_adapter_transition_ok(from, to),
					    !!(allowed[from] & BIT(to)), "%s -> %s",
					    names[from], names[to]);
	/* Not a miniport's pause or restart: the halt path and power-off only. */
	KUNIT_EXPECT_FALSE(test, ndis_adapter_transition_ok(NDIS_ADAPTER_RUNNING,
							    NDIS_ADAPTER_HALTED));
	KUNIT_EXPECT_FALSE(test, ndis_adapter_transition_ok(NDIS_ADAPTER_SHUTDOWN, 42));
	KUNIT_EXPECT_FALSE(test, ndis_adapter_transition_ok(42, NDIS_ADAPTER_HALTED));
}

/* What a miniport calls back from @where; it must come back refused. */
static void reenter_refused(struct kunit *test, struct ndis_fake_stack *env,
			    enum ndis_fake_reenter *where, enum ndis_fake_reenter what,
			    void (*trigger)(struct ndis_fake_stack *env))
{
	struct ndis_kunit_reports *r = test->priv;
	int before = atomic_read(&env->mp->reentered);
	unsigned int reports = r->calls;

	env->mp->reenter_status = NDIS_STATUS_PENDING;
	*where = what;
	trigger(env);
	KUNIT_ASSERT_TRUE(test, wait_event_timeout(env->mp->wq,
						   atomic_read(&env->mp->reentered) > before,
						   NDIS_FAKE_WAIT));
	if (what != NDIS_FAKE_REENTER_DEREGISTER)
		KUNIT_EXPECT_EQ(test, env->mp->reenter_status, NDIS_STATUS_NOT_ACCEPTED);
	KUNIT_EXPECT_EQ(test, r->calls, reports + 1);
	/* Nothing happened to the adapter or its binding. */
	ndis_kunit_adapter_flush(env->adapter);
	KUNIT_EXPECT_EQ(test, ndis_kunit_binding_state(env->fp[0]->name, env->name),
			NDIS_BINDING_RUNNING);
}

static void query_vendor(struct ndis_fake_stack *env)
{
	/* Static: a request that timed out may still be completed later. */
	static struct {
		NDIS_OID_REQUEST req;
		ULONG vendor;
	} q;

	ndis_fake_oid_init(&q.req, NdisRequestQueryInformation, OID_GEN_VENDOR_ID, &q.vendor,
			   sizeof(q.vendor), NULL);
	NdisOidRequest(env->binding[0], &q.req);
	wait_event_timeout(env->fp[0]->wq, READ_ONCE(ndis_fake_oid_slots(&q.req)[0]),
			   NDIS_FAKE_WAIT);
}

static void indicate_one(struct ndis_fake_stack *env)
{
	static const UCHAR bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

	ndis_fake_indicate(env->fa, 1, bcast, 0);
}

/*
 * An indication to an adapter that is not running, from PASSIVE_LEVEL: one
 * report, naming the level the miniport called at (the report was once
 * made inside the interface's RCU section, which reads as DISPATCH_LEVEL).
 */
static void indicate_to_a_sleeping_adapter_reports_the_callers_level(struct kunit *test)
{
	static const UCHAR bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_stack env;

	ndis_fake_stack_setup(test, &env, "mu", "sleep", 1);
	KUNIT_ASSERT_EQ(test, ndis_miniport_set_power(env.adapter, NdisDeviceStateD3),
			NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_EQ(test, r->calls, 0U);
	ndis_fake_indicate(env.fa, 1, bcast, NDIS_RECEIVE_FLAGS_RESOURCES);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisMIndicateReceiveNetBufferLists");
	KUNIT_EXPECT_STREQ(test, r->requirement, "an adapter restarting, running or pausing");
	KUNIT_EXPECT_EQ(test, r->irql, PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[0]->rx_nbls), 0);
	KUNIT_EXPECT_EQ(test, ndis_miniport_set_power(env.adapter, NdisDeviceStateD0),
			NDIS_STATUS_SUCCESS);
}

/* Power, removal and deregistration, each from the handler @trigger reaches. */
static void every_reenter_refused(struct kunit *test, const char *tag, bool from_oid,
				  void (*trigger)(struct ndis_fake_stack *env))
{
	static const enum ndis_fake_reenter calls[] = {
		NDIS_FAKE_REENTER_SET_POWER,
		NDIS_FAKE_REENTER_REMOVE,
		NDIS_FAKE_REENTER_DEREGISTER,
	};
	struct ndis_fake_stack env;
	unsigned int i;

	ndis_fake_stack_setup(test, &env, "mu", tag, 1);
	for (i = 0; i < ARRAY_SIZE(calls); i++)
		reenter_refused(test, &env, from_oid ? &env.mp->reenter_oid :
				&env.mp->reenter_return, calls[i], trigger);
}

/* From MiniportOidRequest (the OID queue's work): no deadlock, a refusal. */
static void pnp_calls_from_oid_handler_refused(struct kunit *test)
{
	every_reenter_refused(test, "reoid", true, query_vendor);
}

/* From MiniportReturnNetBufferLists (the return work): the same. */
static void pnp_calls_from_return_handler_refused(struct kunit *test)
{
	every_reenter_refused(test, "reret", false, indicate_one);
}

/* From ProtocolOidRequestComplete (DISPATCH_LEVEL): refused, not a deadlock. */
static void deregister_from_oid_complete_refused(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_stack env;

	ndis_fake_stack_setup(test, &env, "mu", "deroc", 1);
	env.fp[0]->deregister_in_oid_complete = true;
	query_vendor(&env);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[0]->oid_completions), 1);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisDeregisterProtocolDriver");
	KUNIT_EXPECT_EQ(test, ndis_fake_opens(env.fp[0]), 1);
}

static struct kunit_case ndis_misuse_cases[] = {
	KUNIT_CASE(null_and_forged_handles),
	KUNIT_CASE(every_call_refuses_a_null_handle),
	KUNIT_CASE(every_call_refuses_a_stale_handle),
	KUNIT_CASE(foreign_handle_role),
	KUNIT_CASE(stale_handles_after_teardown),
	KUNIT_CASE(close_outside_handlers_and_twice),
	KUNIT_CASE(completions_that_were_not_pending),
	KUNIT_CASE(bind_failure_leaving_open_is_closed_for_it),
	KUNIT_CASE(bad_characteristics),
	KUNIT_CASE(duplicate_names),
	KUNIT_CASE(names_that_overflow_refused),
	KUNIT_CASE(pnp_calls_from_oid_handler_refused),
	KUNIT_CASE(pnp_calls_from_return_handler_refused),
	KUNIT_CASE(deregister_from_oid_complete_refused),
	KUNIT_CASE_PARAM(state_machine_table, ndis_transition_gen_params),
	KUNIT_CASE(adapter_state_machine_table),
	KUNIT_CASE(indicate_to_a_sleeping_adapter_reports_the_callers_level),
	{}
};

static struct kunit_suite ndis_misuse_suite = {
	.name = "ndis_misuse",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_misuse_cases,
};

kunit_test_suite(ndis_misuse_suite);
