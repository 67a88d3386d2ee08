// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_receive: fan-out to several protocols that hold and return
 * their NBLs in any order, MiniportReturnNetBufferLists exactly once per
 * NBL after the last return (never from inside the indicate call), the
 * RESOURCES flag, the packet-filter matrix, double returns, and an unbind
 * while receives are held.
 */
#include <linux/etherdevice.h>

#include "../core/kunit_iface.h"
#include "fake.h"

#define NDIS_RX_PROTOCOLS 5

static const UCHAR ndis_rx_own[ETH_ALEN] = { 0x02, 0x00, 0x5e, 0x10, 0x00, 0x01 };
static const UCHAR ndis_rx_other[ETH_ALEN] = { 0x02, 0x00, 0x5e, 0x10, 0x00, 0x02 };
static const UCHAR ndis_rx_bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
static const UCHAR ndis_rx_mcast[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 };

static void set_filter(struct kunit *test, struct ndis_fake_protocol *fp, const char *adapter,
		       ULONG filter)
{
	NDIS_OID_REQUEST req;

	ndis_fake_oid_init(&req, NdisRequestSetInformation, OID_GEN_CURRENT_PACKET_FILTER,
			   &filter, sizeof(filter), NULL);
	KUNIT_EXPECT_EQ(test, ndis_fake_oid_sync(ndis_fake_binding(fp, adapter), &req),
			NDIS_STATUS_SUCCESS);
}

/* @n protocols bound and running, each with its packet filter. */
static void setup(struct kunit *test, struct ndis_fake_stack *env, const char *tag, int n,
		  const ULONG *filters)
{
	int i;

	ndis_fake_stack_setup(test, env, "rx", tag, n);
	KUNIT_ASSERT_NOT_NULL(test, env->fa->rx_pool);
	for (i = 0; i < n; i++)
		if (filters[i])
			set_filter(test, env->fp[i], env->name, filters[i]);
}

static bool returned(struct ndis_fake_miniport *mp, int n)
{
	return wait_event_timeout(mp->wq, atomic_read(&mp->rx_returned) == n, NDIS_FAKE_WAIT);
}

static void fan_out_with_mixed_hold_and_return(struct kunit *test)
{
	static const ULONG f[] = {
		NDIS_PACKET_TYPE_DIRECTED | NDIS_PACKET_TYPE_BROADCAST,
		NDIS_PACKET_TYPE_DIRECTED | NDIS_PACKET_TYPE_BROADCAST,
		NDIS_PACKET_TYPE_DIRECTED | NDIS_PACKET_TYPE_BROADCAST,
	};
	struct ndis_fake_stack env;
	int i;

	setup(test, &env, "fan", 3, f);
	env.fp[1]->rx_hold = true;
	env.fp[2]->rx_hold = true;
	ndis_fake_indicate(env.fa, 4, ndis_rx_bcast, 0);
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[i]->rx_nbls), 4);
		KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[i]->not_dispatch), 0);
	}
	KUNIT_EXPECT_EQ(test, env.fp[1]->rx_nheld, 4U);

	/* Two bindings still hold every NBL: nothing goes back yet. */
	ndis_fake_return_held(env.fp[2]);
	KUNIT_EXPECT_FALSE(test, wait_event_timeout(env.mp->wq,
						    atomic_read(&env.mp->rx_returned), HZ / 10));
	ndis_fake_return_held(env.fp[1]);
	KUNIT_EXPECT_TRUE(test, returned(env.mp, 4));
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->rx_returned_early), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->rx_returned), 4);
}

static void resources_flag_means_nothing_is_kept(struct kunit *test)
{
	static const ULONG f[] = { NDIS_PACKET_TYPE_BROADCAST, NDIS_PACKET_TYPE_BROADCAST };
	struct ndis_fake_stack env;

	setup(test, &env, "res", 2, f);
	env.fp[0]->rx_hold = true;	/* it may not, and does not */
	ndis_fake_indicate(env.fa, 3, ndis_rx_bcast, NDIS_RECEIVE_FLAGS_RESOURCES);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[0]->rx_resources), 3);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[1]->rx_resources), 3);
	KUNIT_EXPECT_EQ(test, env.fp[0]->rx_nheld, 0U);
	/* The miniport freed them on return; NDIS never gives them back. */
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->rx_returned), 0);
}

/* A binding holding 256 copies gets further frames lent, not copied. */
static void held_copies_are_bounded(struct kunit *test)
{
	static const ULONG f[] = { NDIS_PACKET_TYPE_BROADCAST };
	struct ndis_fake_stack env;

	setup(test, &env, "cap", 1, f);
	env.fp[0]->rx_hold = true;
	ndis_fake_indicate(env.fa, 200, ndis_rx_bcast, 0);
	ndis_fake_indicate(env.fa, 60, ndis_rx_bcast, 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[0]->rx_nbls), 260);
	KUNIT_EXPECT_EQ(test, env.fp[0]->rx_nheld, 256U);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[0]->rx_resources), 4);
	/* The four lent ones go back at once; the held ones when returned. */
	KUNIT_EXPECT_TRUE(test, returned(env.mp, 4));
	ndis_fake_return_held(env.fp[0]);
	KUNIT_EXPECT_TRUE(test, returned(env.mp, 260));
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->rx_returned_early), 0);
}

static void packet_filter_matrix(struct kunit *test)
{
	static const ULONG f[NDIS_RX_PROTOCOLS] = {
		NDIS_PACKET_TYPE_DIRECTED,
		NDIS_PACKET_TYPE_BROADCAST,
		NDIS_PACKET_TYPE_ALL_MULTICAST,
		NDIS_PACKET_TYPE_PROMISCUOUS,
		0,
	};
	static const int want[NDIS_RX_PROTOCOLS] = { 1, 1, 1, 4, 0 };
	struct ndis_fake_stack env;
	int i;

	setup(test, &env, "matrix", NDIS_RX_PROTOCOLS, f);
	ndis_fake_indicate(env.fa, 1, ndis_rx_own, 0);
	ndis_fake_indicate(env.fa, 1, ndis_rx_other, 0);
	ndis_fake_indicate(env.fa, 1, ndis_rx_bcast, 0);
	ndis_fake_indicate(env.fa, 1, ndis_rx_mcast, 0);
	for (i = 0; i < NDIS_RX_PROTOCOLS; i++)
		KUNIT_EXPECT_EQ_MSG(test, atomic_read(&env.fp[i]->rx_nbls), want[i],
				    "filter 0x%lx", (unsigned long)f[i]);
	KUNIT_EXPECT_TRUE(test, returned(env.mp, 4));
}

static void set_mcast(struct kunit *test, struct ndis_fake_stack *env, int i, const UCHAR *addrs,
		      UINT length, NDIS_STATUS expect)
{
	NDIS_OID_REQUEST req;

	ndis_fake_oid_init(&req, NdisRequestSetInformation, OID_802_3_MULTICAST_LIST,
			   (PVOID)addrs, length, NULL);
	KUNIT_EXPECT_EQ(test, ndis_fake_oid_sync(env->binding[i], &req), expect);
}

static void multicast_lists_filter_and_merge(struct kunit *test)
{
	static const UCHAR mcast2[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x02 };
	static const ULONG f[] = { NDIS_PACKET_TYPE_MULTICAST, NDIS_PACKET_TYPE_MULTICAST };
	UCHAR both[2 * ETH_ALEN];
	struct ndis_fake_stack env;

	setup(test, &env, "mcast", 2, f);
	memcpy(both, ndis_rx_mcast, ETH_ALEN);
	memcpy(both + ETH_ALEN, mcast2, ETH_ALEN);
	set_mcast(test, &env, 0, ndis_rx_mcast, ETH_ALEN, NDIS_STATUS_SUCCESS);
	set_mcast(test, &env, 1, both, sizeof(both), NDIS_STATUS_SUCCESS);
	/* Bad lists are refused and change nothing. */
	set_mcast(test, &env, 1, both, ETH_ALEN + 1, NDIS_STATUS_INVALID_LENGTH);
	set_mcast(test, &env, 1, ndis_rx_own, ETH_ALEN, NDIS_STATUS_INVALID_DATA);

	/* The miniport gets the merged list: two addresses, not three. */
	wait_event_timeout(env.mp->wq, READ_ONCE(env.mp->last_mcast_count) == 2, NDIS_FAKE_WAIT);
	KUNIT_EXPECT_EQ(test, READ_ONCE(env.mp->last_mcast_count), 2);

	ndis_fake_indicate(env.fa, 1, ndis_rx_mcast, 0);
	ndis_fake_indicate(env.fa, 1, mcast2, 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[0]->rx_nbls), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[1]->rx_nbls), 2);
	KUNIT_EXPECT_TRUE(test, returned(env.mp, 2));

	/* A closing binding's addresses leave the merged list. */
	ndis_fake_protocol_deregister(env.fp[1]);
	wait_event_timeout(env.mp->wq, READ_ONCE(env.mp->last_mcast_count) == 1, NDIS_FAKE_WAIT);
	KUNIT_EXPECT_EQ(test, READ_ONCE(env.mp->last_mcast_count), 1);
}

static void unclaimed_frames_go_back_later(struct kunit *test)
{
	static const ULONG f[] = { NDIS_PACKET_TYPE_DIRECTED };
	struct ndis_fake_stack env;

	setup(test, &env, "none", 1, f);
	ndis_fake_indicate(env.fa, 2, ndis_rx_other, 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[0]->rx_nbls), 0);
	KUNIT_EXPECT_TRUE(test, returned(env.mp, 2));
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->rx_returned_early), 0);
}

static void returns_inside_an_indication_are_deferred(struct kunit *test)
{
	static const ULONG f[] = { NDIS_PACKET_TYPE_BROADCAST };
	struct ndis_fake_stack env;

	setup(test, &env, "inside", 1, f);
	env.fp[0]->rx_hold = true;
	ndis_fake_indicate(env.fa, 1, ndis_rx_bcast, 0);
	KUNIT_ASSERT_EQ(test, env.fp[0]->rx_nheld, 1U);
	/* The next receive handler gives the first frame back, from inside
	 * the miniport's indicate: the miniport must not see it there.
	 */
	env.fp[0]->rx_hold = false;
	env.fp[0]->rx_return_held_first = true;
	ndis_fake_indicate(env.fa, 1, ndis_rx_bcast, 0);
	KUNIT_EXPECT_TRUE(test, returned(env.mp, 2));
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->rx_returned_early), 0);
}

static void double_return_is_reported(struct kunit *test)
{
	static const ULONG f[] = { NDIS_PACKET_TYPE_BROADCAST };
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_stack env;
	PNET_BUFFER_LIST nbl;
	NDIS_HANDLE binding;

	setup(test, &env, "twice", 1, f);
	env.fp[0]->rx_hold = true;
	ndis_fake_indicate(env.fa, 1, ndis_rx_bcast, 0);
	KUNIT_ASSERT_EQ(test, env.fp[0]->rx_nheld, 1U);
	nbl = env.fp[0]->rx_held[0];
	binding = env.fp[0]->rx_held_binding[0];
	ndis_fake_return_held(env.fp[0]);
	KUNIT_EXPECT_TRUE(test, returned(env.mp, 1));
	NdisReturnNetBufferLists(binding, nbl, 0);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisReturnNetBufferLists");
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->rx_returned), 1);
}

static void unbind_while_receives_are_held(struct kunit *test)
{
	static const ULONG f[] = { NDIS_PACKET_TYPE_BROADCAST };
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_stack env;

	setup(test, &env, "unbind", 1, f);
	env.fp[0]->rx_hold = true;
	ndis_fake_indicate(env.fa, 5, ndis_rx_bcast, 0);
	KUNIT_ASSERT_EQ(test, env.fp[0]->rx_nheld, 5U);
	/* The pause makes the protocol give them back; then it unbinds. */
	KUNIT_EXPECT_EQ(test, ndis_miniport_remove_adapter(env.adapter), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[0]->unbinds), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->rx_returned), 5);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static struct kunit_case ndis_receive_cases[] = {
	KUNIT_CASE(fan_out_with_mixed_hold_and_return),
	KUNIT_CASE(resources_flag_means_nothing_is_kept),
	KUNIT_CASE(held_copies_are_bounded),
	KUNIT_CASE(packet_filter_matrix),
	KUNIT_CASE(multicast_lists_filter_and_merge),
	KUNIT_CASE(unclaimed_frames_go_back_later),
	KUNIT_CASE(returns_inside_an_indication_are_deferred),
	KUNIT_CASE(double_return_is_reported),
	KUNIT_CASE(unbind_while_receives_are_held),
	{}
};

static struct kunit_suite ndis_receive_suite = {
	.name = "ndis_receive",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_receive_cases,
};

kunit_test_suite(ndis_receive_suite);
