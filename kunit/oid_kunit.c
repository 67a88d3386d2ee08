// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_oid: what NDIS answers itself, the merged packet filter, one
 * request at a time at the miniport, pend and complete (also before the
 * PENDING return), cancel of a queued and of a held request, cancel racing
 * completion, timeout, a closing binding, a merged multicast list that
 * would overflow, method requests (NdisRequestMethod) end to end, and the
 * counters NDIS keeps itself (init time, resets, media sense changes).
 */
#include <linux/delay.h>
#include <linux/if_ether.h>
#include <linux/kthread.h>
#include <linux/math64.h>

#include "../core/kunit_iface.h"
#include "fake.h"

static ULONG completions(PNDIS_OID_REQUEST req)
{
	return (ULONG)(ULONG_PTR)READ_ONCE(ndis_fake_oid_slots(req)[0]);
}

/* The status of the request's last completion. */
static NDIS_STATUS completed_with(PNDIS_OID_REQUEST req)
{
	return (NDIS_STATUS)(ULONG_PTR)ndis_fake_oid_slots(req)[1];
}

static void standard_queries_answered_by_ndis(struct kunit *test)
{
	static const UCHAR mac[ETH_ALEN] = { 0x02, 0x00, 0x5e, 0x10, 0x00, 0x01 };
	struct ndis_fake_stack env;
	NDIS_OID_REQUEST req;
	UCHAR buf[16];
	ULONG v;

	ndis_fake_stack_setup(test, &env, "oi", "std", 1);
	ndis_fake_oid_init(&req, NdisRequestQueryInformation, OID_802_3_CURRENT_ADDRESS,
			   buf, sizeof(buf), NULL);
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[0], &req), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, req.DATA.QUERY_INFORMATION.BytesWritten, (UINT)ETH_ALEN);
	KUNIT_EXPECT_EQ(test, memcmp(buf, mac, ETH_ALEN), 0);

	ndis_fake_oid_init(&req, NdisRequestQueryInformation, OID_802_3_PERMANENT_ADDRESS,
			   buf, 2, NULL);
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[0], &req),
			NDIS_STATUS_BUFFER_TOO_SHORT);
	KUNIT_EXPECT_EQ(test, req.DATA.QUERY_INFORMATION.BytesNeeded, (UINT)ETH_ALEN);

	ndis_fake_oid_init(&req, NdisRequestQueryInformation, OID_GEN_MAXIMUM_FRAME_SIZE,
			   &v, sizeof(v), NULL);
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[0], &req), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, v, 1500U);
	ndis_fake_oid_init(&req, NdisRequestQueryInformation, OID_GEN_LINK_SPEED,
			   &v, sizeof(v), NULL);
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[0], &req), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, v, 10000000U);	/* 1 Gbit/s in 100 bit/s units */
	ndis_fake_oid_init(&req, NdisRequestQueryInformation, OID_GEN_MEDIA_CONNECT_STATUS,
			   &v, sizeof(v), NULL);
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[0], &req), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, v, (ULONG)NdisMediaStateConnected);

	ndis_fake_oid_init(&req, NdisRequestSetInformation, OID_802_3_CURRENT_ADDRESS,
			   buf, ETH_ALEN, NULL);
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[0], &req), NDIS_STATUS_INVALID_OID);
	/* None of it went to the miniport. */
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->oids_seen), 0);
}

static ULONG query_ulong(struct kunit *test, NDIS_HANDLE binding, NDIS_OID oid)
{
	NDIS_OID_REQUEST req;
	ULONG v = 0xdeadbeef;

	ndis_fake_oid_init(&req, NdisRequestQueryStatistics, oid, &v, sizeof(v), NULL);
	KUNIT_EXPECT_EQ(test, NdisOidRequest(binding, &req), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, req.DATA.QUERY_INFORMATION.BytesWritten, (UINT)sizeof(v));
	return v;
}

/*
 * OID_GEN_INIT_TIME_MS, OID_GEN_RESET_COUNTS and OID_GEN_MEDIA_SENSE_COUNTS
 * are NDIS's own counters: answered without the miniport, the first from
 * how long MiniportInitializeEx took, the last counting each change of the
 * connect state the miniport indicates (a repeated state is no change).
 */
static void counters_kept_by_ndis(struct kunit *test)
{
	struct ndis_fake_miniport *mp;
	struct ndis_fake_protocol *fp;
	struct ndis_fake_adapter *fa;
	NDIS_HANDLE adapter, binding;
	NDIS_OID_REQUEST req;
	ULONG v, ms;

	mp = ndis_fake_miniport_register(test, "oi-mp-cnt");
	mp->init_sleep_ms = 40;
	adapter = ndis_fake_adapter_add(test, mp, "oi-a-cnt");
	fa = ndis_fake_adapter_find(mp, "oi-a-cnt");
	KUNIT_ASSERT_NOT_NULL(test, fa);
	fp = ndis_fake_protocol_new(test, "oi-p0-cnt");
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->restarts) == 1));
	binding = ndis_fake_binding(fp, "oi-a-cnt");
	KUNIT_ASSERT_NOT_NULL(test, binding);
	ndis_kunit_adapter_flush(adapter);

	ms = query_ulong(test, binding, OID_GEN_INIT_TIME_MS);
	KUNIT_EXPECT_GE(test, ms, 40U);
	KUNIT_EXPECT_LT(test, ms, 40U + jiffies_to_msecs(NDIS_FAKE_WAIT));
	KUNIT_EXPECT_EQ(test, query_ulong(test, binding, OID_GEN_RESET_COUNTS), 0U);
	/* The connect state of the general attributes is the start, not a change. */
	KUNIT_EXPECT_EQ(test, query_ulong(test, binding, OID_GEN_MEDIA_SENSE_COUNTS), 0U);
	ndis_fake_indicate_link(fa, MediaConnectStateDisconnected, NULL);
	KUNIT_EXPECT_EQ(test, query_ulong(test, binding, OID_GEN_MEDIA_SENSE_COUNTS), 1U);
	ndis_fake_indicate_link(fa, MediaConnectStateDisconnected, NULL);
	KUNIT_EXPECT_EQ(test, query_ulong(test, binding, OID_GEN_MEDIA_SENSE_COUNTS), 1U);
	ndis_fake_indicate_link(fa, MediaConnectStateConnected, NULL);
	KUNIT_EXPECT_EQ(test, query_ulong(test, binding, OID_GEN_MEDIA_SENSE_COUNTS), 2U);

	/* A short buffer says what it needs, as for any ULONG NDIS answers. */
	ndis_fake_oid_init(&req, NdisRequestQueryInformation, OID_GEN_MEDIA_SENSE_COUNTS,
			   &v, 2, NULL);
	KUNIT_EXPECT_EQ(test, NdisOidRequest(binding, &req), NDIS_STATUS_BUFFER_TOO_SHORT);
	KUNIT_EXPECT_EQ(test, req.DATA.QUERY_INFORMATION.BytesNeeded, (UINT)sizeof(ULONG));
	/* None of it went to the miniport. */
	KUNIT_EXPECT_EQ(test, atomic_read(&mp->oids_seen), 0);
}

static void set_filter(struct kunit *test, NDIS_HANDLE binding, ULONG filter)
{
	NDIS_OID_REQUEST req;

	ndis_fake_oid_init(&req, NdisRequestSetInformation, OID_GEN_CURRENT_PACKET_FILTER,
			   &filter, sizeof(filter), NULL);
	KUNIT_EXPECT_EQ(test, ndis_fake_oid_sync(binding, &req), NDIS_STATUS_SUCCESS);
}

static void packet_filters_merged_for_the_miniport(struct kunit *test)
{
	struct ndis_fake_stack env;
	NDIS_OID_REQUEST req;
	ULONG v = 0;

	ndis_fake_stack_setup(test, &env, "oi", "filter", 2);
	set_filter(test, env.binding[0], NDIS_PACKET_TYPE_DIRECTED);
	set_filter(test, env.binding[1], NDIS_PACKET_TYPE_BROADCAST | NDIS_PACKET_TYPE_MULTICAST);
	wait_event_timeout(env.mp->wq, READ_ONCE(env.mp->last_filter) == 0xb, NDIS_FAKE_WAIT);
	KUNIT_EXPECT_EQ(test, READ_ONCE(env.mp->last_filter), (ULONG)(NDIS_PACKET_TYPE_DIRECTED |
		NDIS_PACKET_TYPE_BROADCAST | NDIS_PACKET_TYPE_MULTICAST));

	/* Each binding reads back its own. */
	ndis_fake_oid_init(&req, NdisRequestQueryInformation, OID_GEN_CURRENT_PACKET_FILTER,
			   &v, sizeof(v), NULL);
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[0], &req), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, v, (ULONG)NDIS_PACKET_TYPE_DIRECTED);

	/* Unsupported bits are refused. */
	ndis_fake_oid_init(&req, NdisRequestSetInformation, OID_GEN_CURRENT_PACKET_FILTER,
			   &v, sizeof(v), NULL);
	v = NDIS_PACKET_TYPE_SOURCE_ROUTING;
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[0], &req), NDIS_STATUS_NOT_SUPPORTED);

	/* A binding's close takes its filter out of the union. */
	ndis_fake_protocol_deregister(env.fp[1]);
	wait_event_timeout(env.mp->wq, READ_ONCE(env.mp->last_filter) ==
			   NDIS_PACKET_TYPE_DIRECTED, NDIS_FAKE_WAIT);
	KUNIT_EXPECT_EQ(test, READ_ONCE(env.mp->last_filter), (ULONG)NDIS_PACKET_TYPE_DIRECTED);
}

/*
 * A set that changes the merged filter or multicast list completes when
 * the miniport answered the request carrying it, with that answer: frames
 * flow by the time the protocol is told, and a refusal is not lost.
 */
static void filter_set_completes_with_the_miniport(struct kunit *test)
{
	static const UCHAR group[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x07 };
	struct ndis_fake_stack env;
	NDIS_OID_REQUEST req;
	ULONG filter = NDIS_PACKET_TYPE_BROADCAST;

	ndis_fake_stack_setup(test, &env, "oi", "ownwait", 1);
	env.mp->oid_mode = NDIS_FAKE_OID_PEND;
	ndis_fake_oid_init(&req, NdisRequestSetInformation, OID_GEN_CURRENT_PACKET_FILTER,
			   &filter, sizeof(filter), NULL);
	KUNIT_ASSERT_EQ(test, NdisOidRequest(env.binding[0], &req), NDIS_STATUS_PENDING);
	KUNIT_ASSERT_TRUE(test, wait_event_timeout(env.mp->wq, READ_ONCE(env.mp->oid_held),
						   NDIS_FAKE_WAIT));
	KUNIT_EXPECT_EQ(test, READ_ONCE(env.mp->last_filter), filter);
	msleep(50);
	KUNIT_EXPECT_EQ(test, completions(&req), 0U);	/* the miniport holds it */
	KUNIT_EXPECT_TRUE(test, ndis_fake_oid_complete_held(env.mp, NDIS_STATUS_FAILURE));
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(env.fp[0], completions(&req) == 1));
	KUNIT_EXPECT_EQ(test, completed_with(&req), NDIS_STATUS_FAILURE);

	/* Refused, the same value goes to the miniport again; taken, it does not. */
	env.mp->oid_mode = NDIS_FAKE_OID_SUCCEED;
	ndis_fake_oid_init(&req, NdisRequestSetInformation, OID_GEN_CURRENT_PACKET_FILTER,
			   &filter, sizeof(filter), NULL);
	KUNIT_EXPECT_EQ(test, ndis_fake_oid_sync(env.binding[0], &req), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, completions(&req), 1U);
	ndis_fake_oid_init(&req, NdisRequestSetInformation, OID_GEN_CURRENT_PACKET_FILTER,
			   &filter, sizeof(filter), NULL);
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[0], &req), NDIS_STATUS_SUCCESS);

	/* A multicast list the miniport refuses fails the set that made it. */
	env.mp->oid_mode = NDIS_FAKE_OID_PEND;
	ndis_fake_oid_init(&req, NdisRequestSetInformation, OID_802_3_MULTICAST_LIST,
			   (PVOID)group, ETH_ALEN, NULL);
	KUNIT_ASSERT_EQ(test, NdisOidRequest(env.binding[0], &req), NDIS_STATUS_PENDING);
	KUNIT_ASSERT_TRUE(test, wait_event_timeout(env.mp->wq, READ_ONCE(env.mp->oid_held),
						   NDIS_FAKE_WAIT));
	KUNIT_EXPECT_EQ(test, READ_ONCE(env.mp->last_mcast_count), 1);
	KUNIT_EXPECT_TRUE(test, ndis_fake_oid_complete_held(env.mp,
							    NDIS_STATUS_MULTICAST_FULL));
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(env.fp[0], completions(&req) == 1));
	KUNIT_EXPECT_EQ(test, completed_with(&req),
			NDIS_STATUS_MULTICAST_FULL);

	/* A cancel ends the wait at once; the miniport still gets the filter. */
	filter = NDIS_PACKET_TYPE_DIRECTED;
	ndis_fake_oid_init(&req, NdisRequestSetInformation, OID_GEN_CURRENT_PACKET_FILTER,
			   &filter, sizeof(filter), (PVOID)9);
	KUNIT_ASSERT_EQ(test, NdisOidRequest(env.binding[0], &req), NDIS_STATUS_PENDING);
	KUNIT_ASSERT_TRUE(test, wait_event_timeout(env.mp->wq, READ_ONCE(env.mp->oid_held),
						   NDIS_FAKE_WAIT));
	NdisCancelOidRequest(env.binding[0], (PVOID)9);
	KUNIT_EXPECT_EQ(test, completions(&req), 1U);
	KUNIT_EXPECT_EQ(test, completed_with(&req),
			NDIS_STATUS_REQUEST_ABORTED);
	KUNIT_EXPECT_EQ(test, READ_ONCE(env.mp->last_filter), filter);
	KUNIT_EXPECT_TRUE(test, ndis_fake_oid_complete_held(env.mp, NDIS_STATUS_SUCCESS));
	msleep(50);
	KUNIT_EXPECT_EQ(test, completions(&req), 1U);	/* once, not again */
	env.mp->oid_mode = NDIS_FAKE_OID_SUCCEED;
	KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[0]->not_dispatch), 0);
}

static void one_request_at_a_time(struct kunit *test)
{
	struct ndis_fake_stack env;
	NDIS_OID_REQUEST a, b;
	ULONG va, vb;

	ndis_fake_stack_setup(test, &env, "oi", "serial", 2);
	env.mp->oid_mode = NDIS_FAKE_OID_PEND;
	ndis_fake_oid_init(&a, NdisRequestQueryInformation, OID_GEN_VENDOR_ID, &va, 4, NULL);
	ndis_fake_oid_init(&b, NdisRequestQueryInformation, OID_GEN_VENDOR_ID, &vb, 4, NULL);
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[0], &a), NDIS_STATUS_PENDING);
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[1], &b), NDIS_STATUS_PENDING);
	KUNIT_ASSERT_TRUE(test, wait_event_timeout(env.mp->wq, READ_ONCE(env.mp->oid_held),
						   NDIS_FAKE_WAIT));
	msleep(50);
	/* The second waits while the first is held. */
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->oids_seen), 1);
	KUNIT_EXPECT_TRUE(test, ndis_fake_oid_complete_held(env.mp, NDIS_STATUS_SUCCESS));
	KUNIT_ASSERT_TRUE(test, wait_event_timeout(env.mp->wq,
						   atomic_read(&env.mp->oids_seen) == 2 &&
						   READ_ONCE(env.mp->oid_held), NDIS_FAKE_WAIT));
	KUNIT_EXPECT_TRUE(test, ndis_fake_oid_complete_held(env.mp, NDIS_STATUS_SUCCESS));
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(env.fp[1], completions(&b) == 1));
	KUNIT_EXPECT_EQ(test, completions(&a), 1U);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->oid_overlap), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[0]->not_dispatch), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[1]->not_dispatch), 0);
}

static void completion_before_pending_return(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_stack env;
	NDIS_OID_REQUEST req;
	ULONG v;

	ndis_fake_stack_setup(test, &env, "oi", "early", 1);
	env.mp->oid_mode = NDIS_FAKE_OID_EARLY;
	ndis_fake_oid_init(&req, NdisRequestQueryInformation, OID_GEN_VENDOR_ID, &v, 4, NULL);
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[0], &req), NDIS_STATUS_PENDING);
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(env.fp[0], completions(&req) == 1));
	msleep(20);
	KUNIT_EXPECT_EQ(test, completions(&req), 1U);
	KUNIT_EXPECT_EQ(test, env.fp[0]->last_oid_status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void cancel_queued_and_held(struct kunit *test)
{
	struct ndis_fake_stack env;
	NDIS_OID_REQUEST held, queued;
	ULONG v1, v2;

	ndis_fake_stack_setup(test, &env, "oi", "cancel", 1);
	env.mp->oid_mode = NDIS_FAKE_OID_PEND;
	ndis_fake_oid_init(&held, NdisRequestQueryInformation, OID_GEN_VENDOR_ID, &v1, 4,
			   (PVOID)1);
	ndis_fake_oid_init(&queued, NdisRequestQueryInformation, OID_GEN_VENDOR_ID, &v2, 4,
			   (PVOID)2);
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[0], &held), NDIS_STATUS_PENDING);
	KUNIT_ASSERT_TRUE(test, wait_event_timeout(env.mp->wq, READ_ONCE(env.mp->oid_held),
						   NDIS_FAKE_WAIT));
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[0], &queued), NDIS_STATUS_PENDING);

	/* Queued: aborted at once, the miniport never sees it. */
	NdisCancelOidRequest(env.binding[0], (PVOID)2);
	KUNIT_EXPECT_EQ(test, completions(&queued), 1U);
	KUNIT_EXPECT_EQ(test, env.fp[0]->last_oid_status, NDIS_STATUS_REQUEST_ABORTED);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->cancels), 0);

	/*
	 * Held: the miniport is asked, and completes it aborted. (The fake
	 * holds it before its handler returns; the cancel may wait for that.)
	 */
	NdisCancelOidRequest(env.binding[0], (PVOID)1);
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(env.fp[0], completions(&held) == 1));
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->cancels), 1);
	KUNIT_EXPECT_EQ(test, env.fp[0]->last_oid_status, NDIS_STATUS_REQUEST_ABORTED);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->oids_seen), 1);
}

/*
 * A cancel that comes while MiniportOidRequest still runs (the miniport does
 * not hold the request yet) reaches the miniport once its handler returned
 * PENDING: the request is aborted, not left for its full time.
 */
static void cancel_while_the_handler_runs(struct kunit *test)
{
	struct ndis_fake_stack env;
	struct completion gate;
	NDIS_OID_REQUEST req;
	int seen;
	ULONG v;

	ndis_fake_stack_setup(test, &env, "oi", "cangate", 1);
	seen = atomic_read(&env.mp->oids_seen);
	init_completion(&gate);
	env.mp->oid_mode = NDIS_FAKE_OID_PEND;
	env.mp->oid_gate = &gate;
	ndis_fake_oid_init(&req, NdisRequestQueryInformation, OID_GEN_VENDOR_ID, &v, sizeof(v),
			   (PVOID)5);
	KUNIT_ASSERT_EQ(test, NdisOidRequest(env.binding[0], &req), NDIS_STATUS_PENDING);
	KUNIT_ASSERT_TRUE(test, wait_event_timeout(env.mp->wq,
						   atomic_read(&env.mp->oids_seen) == seen + 1,
						   NDIS_FAKE_WAIT));
	NdisCancelOidRequest(env.binding[0], (PVOID)5);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->cancels), 0);	/* not yet */
	env.mp->oid_gate = NULL;
	complete(&gate);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(env.fp[0], completions(&req) == 1));
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->cancels), 1);
	KUNIT_EXPECT_EQ(test, completed_with(&req),
			NDIS_STATUS_REQUEST_ABORTED);
	env.mp->oid_mode = NDIS_FAKE_OID_SUCCEED;
}

struct ndis_racer {
	struct ndis_fake_miniport *mp;
	struct completion go;
	struct completion done;
};

static int complete_racer(void *arg)
{
	struct ndis_racer *r = arg;

	wait_for_completion(&r->go);
	ndis_fake_oid_complete_held(r->mp, NDIS_STATUS_SUCCESS);
	complete(&r->done);
	return 0;
}

static void cancel_racing_completion(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_stack env;
	struct ndis_racer racer;
	NDIS_OID_REQUEST req;
	struct task_struct *t;
	ULONG v;
	int i;

	ndis_fake_stack_setup(test, &env, "oi", "race", 1);
	env.mp->oid_mode = NDIS_FAKE_OID_PEND;
	racer.mp = env.mp;
	for (i = 0; i < 50; i++) {
		ndis_fake_oid_init(&req, NdisRequestQueryInformation, OID_GEN_VENDOR_ID, &v, 4,
				   (PVOID)7);
		KUNIT_ASSERT_EQ(test, NdisOidRequest(env.binding[0], &req), NDIS_STATUS_PENDING);
		KUNIT_ASSERT_TRUE(test, wait_event_timeout(env.mp->wq, READ_ONCE(env.mp->oid_held),
							   NDIS_FAKE_WAIT));
		init_completion(&racer.go);
		init_completion(&racer.done);
		t = kthread_run(complete_racer, &racer, "ndis-oid-racer");
		KUNIT_ASSERT_FALSE(test, IS_ERR(t));
		complete(&racer.go);
		NdisCancelOidRequest(env.binding[0], (PVOID)7);
		KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&racer.done, NDIS_FAKE_WAIT),
				0UL);
		KUNIT_ASSERT_TRUE(test, ndis_fake_wait(env.fp[0], completions(&req) >= 1));
		/* Let any late second completion show before checking. */
		ndis_kunit_adapter_flush(env.adapter);
		KUNIT_ASSERT_EQ(test, completions(&req), 1U);
	}
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void timeout_aborts_a_request(struct kunit *test)
{
	struct ndis_fake_stack env;
	NDIS_OID_REQUEST held, queued;
	ULONG v1, v2;

	ndis_fake_stack_setup(test, &env, "oi", "timeout", 1);
	env.mp->oid_mode = NDIS_FAKE_OID_PEND;
	ndis_fake_oid_init(&held, NdisRequestQueryInformation, OID_GEN_VENDOR_ID, &v1, 4,
			   (PVOID)1);
	held.Timeout = 1;
	ndis_fake_oid_init(&queued, NdisRequestQueryInformation, OID_GEN_VENDOR_ID, &v2, 4,
			   (PVOID)2);
	queued.Timeout = 1;
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[0], &held), NDIS_STATUS_PENDING);
	KUNIT_ASSERT_TRUE(test, wait_event_timeout(env.mp->wq, READ_ONCE(env.mp->oid_held),
						   NDIS_FAKE_WAIT));
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[0], &queued), NDIS_STATUS_PENDING);
	/* Within a few seconds both come back aborted, neither completed twice. */
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(env.fp[0], completions(&held) == 1 &&
					       completions(&queued) == 1));
	KUNIT_EXPECT_GE(test, atomic_read(&env.mp->cancels), 1);
	KUNIT_EXPECT_EQ(test, env.fp[0]->last_oid_status, NDIS_STATUS_REQUEST_ABORTED);
}

static void closing_binding_refuses_requests(struct kunit *test)
{
	struct ndis_fake_stack env;
	NDIS_OID_REQUEST held, queued;
	ULONG v1, v2;

	ndis_fake_stack_setup(test, &env, "oi", "closing", 2);
	env.fp[1]->oid_after_close = true;
	env.mp->oid_mode = NDIS_FAKE_OID_PEND;
	ndis_fake_oid_init(&held, NdisRequestQueryInformation, OID_GEN_VENDOR_ID, &v1, 4, NULL);
	ndis_fake_oid_init(&queued, NdisRequestQueryInformation, OID_GEN_VENDOR_ID, &v2, 4, NULL);
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[0], &held), NDIS_STATUS_PENDING);
	KUNIT_ASSERT_TRUE(test, wait_event_timeout(env.mp->wq, READ_ONCE(env.mp->oid_held),
						   NDIS_FAKE_WAIT));
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[1], &queued), NDIS_STATUS_PENDING);

	/* Its queued request is aborted, and after the close it gets CLOSING. */
	ndis_fake_protocol_deregister(env.fp[1]);
	KUNIT_EXPECT_EQ(test, completions(&queued), 1U);
	KUNIT_EXPECT_EQ(test, env.fp[1]->last_oid_status, NDIS_STATUS_REQUEST_ABORTED);
	KUNIT_EXPECT_EQ(test, env.fp[1]->oid_after_close_status, NDIS_STATUS_CLOSING);
	KUNIT_EXPECT_TRUE(test, ndis_fake_oid_complete_held(env.mp, NDIS_STATUS_SUCCESS));
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(env.fp[0], completions(&held) == 1));
}

/* Set @n multicast addresses 01:00:5e:00:00:first.. on @binding. */
static NDIS_STATUS set_mcast(NDIS_HANDLE binding, unsigned int first, unsigned int n)
{
	UCHAR list[32][ETH_ALEN];
	NDIS_OID_REQUEST req;
	unsigned int i;

	for (i = 0; i < n; i++) {
		static const UCHAR base[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x00 };

		memcpy(list[i], base, ETH_ALEN);
		list[i][5] = first + i;
	}
	ndis_fake_oid_init(&req, NdisRequestSetInformation, OID_802_3_MULTICAST_LIST,
			   list, n * ETH_ALEN, NULL);
	return ndis_fake_oid_sync(binding, &req);
}

static void merged_multicast_list_is_never_cut(struct kunit *test)
{
	struct ndis_fake_stack env;

	ndis_fake_stack_setup(test, &env, "oi", "mcast", 3);
	KUNIT_EXPECT_EQ(test, set_mcast(env.binding[0], 0, 32), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, set_mcast(env.binding[1], 32, 32), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, wait_event_timeout(env.mp->wq,
						   READ_ONCE(env.mp->last_mcast_count) == 64,
						   NDIS_FAKE_WAIT));
	/* A 65th address: refused to the binding that asked, nothing dropped. */
	KUNIT_EXPECT_EQ(test, set_mcast(env.binding[2], 64, 1), NDIS_STATUS_MULTICAST_FULL);
	/* One the merged list already has costs nothing. */
	KUNIT_EXPECT_EQ(test, set_mcast(env.binding[2], 63, 1), NDIS_STATUS_SUCCESS);
	/* A binding replacing its own list is measured without its old one. */
	KUNIT_EXPECT_EQ(test, set_mcast(env.binding[1], 40, 24), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, set_mcast(env.binding[1], 32, 32), NDIS_STATUS_SUCCESS);
	/* Room made by another binding is room for this one. */
	KUNIT_EXPECT_EQ(test, set_mcast(env.binding[0], 0, 0), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, set_mcast(env.binding[2], 64, 1), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, wait_event_timeout(env.mp->wq,
						   READ_ONCE(env.mp->last_mcast_count) == 33,
						   NDIS_FAKE_WAIT));
}

static void huge_timeout_does_not_wrap(struct kunit *test)
{
	/* Times HZ in 32 bits, this wraps to less than a second. */
	ULONG huge = (ULONG)(div_u64(1ULL << 32, HZ) + 1);
	struct ndis_fake_stack env;
	NDIS_OID_REQUEST req;
	ULONG v;

	ndis_fake_stack_setup(test, &env, "oi", "huge", 1);
	env.mp->oid_mode = NDIS_FAKE_OID_PEND;
	ndis_fake_oid_init(&req, NdisRequestQueryInformation, OID_GEN_VENDOR_ID, &v, 4, NULL);
	req.Timeout = huge;
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[0], &req), NDIS_STATUS_PENDING);
	KUNIT_ASSERT_TRUE(test, wait_event_timeout(env.mp->wq, READ_ONCE(env.mp->oid_held),
						   NDIS_FAKE_WAIT));
	/* The timeout scan runs every second: three of them must leave it alone. */
	KUNIT_EXPECT_EQ(test, wait_event_timeout(env.mp->wq, atomic_read(&env.mp->cancels),
						 3 * HZ), 0L);
	KUNIT_EXPECT_EQ(test, completions(&req), 0U);
	KUNIT_EXPECT_TRUE(test, ndis_fake_oid_complete_held(env.mp, NDIS_STATUS_SUCCESS));
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(env.fp[0], completions(&req) == 1));
	KUNIT_EXPECT_EQ(test, env.fp[0]->last_oid_status, NDIS_STATUS_SUCCESS);
}

/* What OID_PM_GET_PROTOCOL_OFFLOAD reads and writes, in one buffer. */
union method_buffer {
	ULONG id;
	NDIS_PM_PROTOCOL_OFFLOAD offload;
};

/*
 * A method request is the miniport's: it reaches MiniportOidRequest with
 * its buffer, lengths and MethodId, and the byte counts the miniport set
 * come back to ProtocolOidRequestComplete, whether the miniport answered
 * in its handler or pended and completed later.
 */
static void method_request_reaches_the_miniport(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_stack env;
	union method_buffer buf;
	NDIS_OID_REQUEST req;
	int seen;

	ndis_fake_stack_setup(test, &env, "oi", "method", 1);
	seen = atomic_read(&env.mp->methods_seen);

	/* Answered inside the miniport's handler. */
	buf.id = 42;
	ndis_fake_oid_method_init(&req, OID_PM_GET_PROTOCOL_OFFLOAD, 7, &buf, sizeof(buf.id),
				  sizeof(buf), NULL);
	KUNIT_EXPECT_EQ(test, ndis_fake_oid_sync(env.binding[0], &req), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->methods_seen), seen + 1);
	KUNIT_EXPECT_EQ(test, READ_ONCE(env.mp->last_method_id), 7U);
	KUNIT_EXPECT_EQ(test, completions(&req), 1U);
	KUNIT_EXPECT_EQ(test, READ_ONCE(env.fp[0]->method_read), (UINT)sizeof(ULONG));
	KUNIT_EXPECT_EQ(test, READ_ONCE(env.fp[0]->method_written),
			(UINT)sizeof(NDIS_PM_PROTOCOL_OFFLOAD));
	KUNIT_EXPECT_EQ(test, req.DATA.METHOD_INFORMATION.BytesWritten,
			(UINT)sizeof(NDIS_PM_PROTOCOL_OFFLOAD));
	KUNIT_EXPECT_EQ(test, buf.offload.ProtocolOffloadId, 42U);
	KUNIT_EXPECT_EQ(test, buf.offload.Header.Size,
			(USHORT)NDIS_SIZEOF_NDIS_PM_PROTOCOL_OFFLOAD_REVISION_1);

	/* Pended, then completed by the miniport: the same comes back. */
	env.mp->oid_mode = NDIS_FAKE_OID_PEND;
	buf.id = 43;
	ndis_fake_oid_method_init(&req, OID_PM_GET_PROTOCOL_OFFLOAD, 0, &buf, sizeof(buf.id),
				  sizeof(buf), (PVOID)3);
	KUNIT_ASSERT_EQ(test, NdisOidRequest(env.binding[0], &req), NDIS_STATUS_PENDING);
	KUNIT_ASSERT_TRUE(test, wait_event_timeout(env.mp->wq, READ_ONCE(env.mp->oid_held),
						   NDIS_FAKE_WAIT));
	KUNIT_EXPECT_EQ(test, READ_ONCE(env.mp->last_method_id), 0U);
	KUNIT_EXPECT_EQ(test, completions(&req), 0U);
	KUNIT_EXPECT_TRUE(test, ndis_fake_oid_complete_held(env.mp, NDIS_STATUS_SUCCESS));
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(env.fp[0], completions(&req) == 1));
	KUNIT_EXPECT_EQ(test, completed_with(&req), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, READ_ONCE(env.fp[0]->method_read), (UINT)sizeof(ULONG));
	KUNIT_EXPECT_EQ(test, READ_ONCE(env.fp[0]->method_written),
			(UINT)sizeof(NDIS_PM_PROTOCOL_OFFLOAD));
	KUNIT_EXPECT_EQ(test, buf.offload.ProtocolOffloadId, 43U);
	env.mp->oid_mode = NDIS_FAKE_OID_SUCCEED;

	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->methods_seen), seen + 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[0]->not_dispatch), 0);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

/*
 * An output buffer too short for the answer: the request completes with
 * the miniport's NDIS_STATUS_BUFFER_TOO_SHORT and BytesNeeded, and the
 * size asked for then works.
 */
static void method_with_short_output_buffer(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_stack env;
	union method_buffer buf;
	NDIS_OID_REQUEST req;

	ndis_fake_stack_setup(test, &env, "oi", "mshort", 1);
	buf.id = 5;
	ndis_fake_oid_method_init(&req, OID_PM_GET_PROTOCOL_OFFLOAD, 0, &buf, sizeof(buf.id),
				  sizeof(buf.id), NULL);
	KUNIT_EXPECT_EQ(test, ndis_fake_oid_sync(env.binding[0], &req),
			NDIS_STATUS_BUFFER_TOO_SHORT);
	KUNIT_EXPECT_EQ(test, completions(&req), 1U);
	KUNIT_EXPECT_EQ(test, env.fp[0]->last_oid_status, NDIS_STATUS_BUFFER_TOO_SHORT);
	KUNIT_EXPECT_EQ(test, req.DATA.METHOD_INFORMATION.BytesNeeded,
			(UINT)sizeof(NDIS_PM_PROTOCOL_OFFLOAD));
	KUNIT_EXPECT_EQ(test, READ_ONCE(env.fp[0]->method_written), 0U);
	KUNIT_EXPECT_EQ(test, buf.id, 5U);	/* nothing written */

	ndis_fake_oid_method_init(&req, OID_PM_GET_PROTOCOL_OFFLOAD, 0, &buf, sizeof(buf.id),
				  req.DATA.METHOD_INFORMATION.BytesNeeded, NULL);
	KUNIT_EXPECT_EQ(test, ndis_fake_oid_sync(env.binding[0], &req), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, buf.offload.ProtocolOffloadId, 5U);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

/*
 * Method misuse: a length with no buffer and a request type NDIS does not
 * know are refused before the miniport sees them; a miniport claiming to
 * have written more than the output may take is reported, and the count
 * the protocol gets is cut back to the buffer.
 */
static void method_misuse_is_reported(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_stack env;
	union method_buffer buf;
	PNDIS_OID_REQUEST held;
	NDIS_OID_REQUEST req;
	int seen;

	ndis_fake_stack_setup(test, &env, "oi", "mbad", 1);
	seen = atomic_read(&env.mp->methods_seen);

	ndis_fake_oid_method_init(&req, OID_PM_GET_PROTOCOL_OFFLOAD, 0, NULL, sizeof(ULONG),
				  sizeof(buf), NULL);
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[0], &req), NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisOidRequest");
	KUNIT_EXPECT_STREQ(test, r->requirement,
			   "a method's InformationBuffer for its Input and OutputBufferLength");

	ndis_fake_oid_init(&req, (NDIS_REQUEST_TYPE)(NdisRequestMethod - 1), OID_GEN_VENDOR_ID,
			   &buf, sizeof(buf.id), NULL);
	KUNIT_EXPECT_EQ(test, NdisOidRequest(env.binding[0], &req), NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_EQ(test, completions(&req), 0U);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->methods_seen), seen);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->oids_seen), 0);

	/* The miniport overstates what it wrote. */
	env.mp->oid_mode = NDIS_FAKE_OID_PEND;
	buf.id = 9;
	ndis_fake_oid_method_init(&req, OID_PM_GET_PROTOCOL_OFFLOAD, 0, &buf, sizeof(buf.id),
				  sizeof(buf), NULL);
	KUNIT_ASSERT_EQ(test, NdisOidRequest(env.binding[0], &req), NDIS_STATUS_PENDING);
	KUNIT_ASSERT_TRUE(test, wait_event_timeout(env.mp->wq, READ_ONCE(env.mp->oid_held),
						   NDIS_FAKE_WAIT));
	held = xchg(&env.mp->oid_held, NULL);
	KUNIT_ASSERT_PTR_EQ(test, held, &req);
	held->DATA.METHOD_INFORMATION.BytesWritten = sizeof(buf) + 16;
	NdisMOidRequestComplete(env.mp->oid_adapter, held, NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(env.fp[0], completions(&req) == 1));
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisMOidRequestComplete");
	KUNIT_EXPECT_EQ(test, READ_ONCE(env.fp[0]->method_written), (UINT)sizeof(buf));
	KUNIT_EXPECT_EQ(test, READ_ONCE(env.fp[0]->method_read), (UINT)sizeof(buf.id));
	env.mp->oid_mode = NDIS_FAKE_OID_SUCCEED;
}

/*
 * The query-reply helpers answer a method too: into its output, within
 * OutputBufferLength, setting the method's own counts and leaving its
 * lengths (which share their places with a query's counts) alone.
 */
static void query_reply_answers_a_method(struct kunit *test)
{
	NDIS_OID_REQUEST req;
	ULONG64 out = 0;
	ULONG out32 = 0;

	ndis_fake_oid_method_init(&req, OID_GEN_STATISTICS, 0, &out, sizeof(ULONG), sizeof(out),
				  NULL);
	KUNIT_EXPECT_EQ(test, ndis_oid_query_reply_counter(&req, 0x100000002ULL),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, out, 0x100000002ULL);
	KUNIT_EXPECT_EQ(test, req.DATA.METHOD_INFORMATION.BytesWritten, (UINT)sizeof(out));
	KUNIT_EXPECT_EQ(test, req.DATA.METHOD_INFORMATION.InputBufferLength, (ULONG)sizeof(ULONG));
	KUNIT_EXPECT_EQ(test, req.DATA.METHOD_INFORMATION.OutputBufferLength, (ULONG)sizeof(out));

	ndis_fake_oid_method_init(&req, OID_GEN_STATISTICS, 0, &out32, sizeof(ULONG),
				  sizeof(out32), NULL);
	KUNIT_EXPECT_EQ(test, ndis_oid_query_reply_counter(&req, 0x100000002ULL),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, out32, 2U);
	KUNIT_EXPECT_EQ(test, req.DATA.METHOD_INFORMATION.BytesWritten, (UINT)sizeof(out32));

	ndis_fake_oid_method_init(&req, OID_GEN_STATISTICS, 0, &out32, sizeof(ULONG), 2, NULL);
	KUNIT_EXPECT_EQ(test, ndis_oid_query_reply(&req, &out, sizeof(out)),
			NDIS_STATUS_BUFFER_TOO_SHORT);
	KUNIT_EXPECT_EQ(test, req.DATA.METHOD_INFORMATION.BytesWritten, 0U);
	KUNIT_EXPECT_EQ(test, req.DATA.METHOD_INFORMATION.BytesNeeded, (UINT)sizeof(out));
	KUNIT_EXPECT_EQ(test, req.DATA.METHOD_INFORMATION.OutputBufferLength, 2U);
	KUNIT_EXPECT_EQ(test, out32, 2U);	/* untouched */
}

static struct kunit_case ndis_oid_cases[] = {
	KUNIT_CASE(standard_queries_answered_by_ndis),
	KUNIT_CASE(counters_kept_by_ndis),
	KUNIT_CASE(packet_filters_merged_for_the_miniport),
	KUNIT_CASE(filter_set_completes_with_the_miniport),
	KUNIT_CASE(one_request_at_a_time),
	KUNIT_CASE(completion_before_pending_return),
	KUNIT_CASE(cancel_queued_and_held),
	KUNIT_CASE(cancel_racing_completion),
	KUNIT_CASE(cancel_while_the_handler_runs),
	KUNIT_CASE_SLOW(timeout_aborts_a_request),
	KUNIT_CASE(closing_binding_refuses_requests),
	KUNIT_CASE(merged_multicast_list_is_never_cut),
	KUNIT_CASE_SLOW(huge_timeout_does_not_wrap),
	KUNIT_CASE(method_request_reaches_the_miniport),
	KUNIT_CASE(method_with_short_output_buffer),
	KUNIT_CASE(method_misuse_is_reported),
	KUNIT_CASE(query_reply_answers_a_method),
	{}
};

static struct kunit_suite ndis_oid_suite = {
	.name = "ndis_oid",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_oid_cases,
};

kunit_test_suite(ndis_oid_suite);
