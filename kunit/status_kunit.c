// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_status: NdisMIndicateStatusEx reaches every open binding of
 * the adapter, or the one it names, from any context up to
 * DISPATCH_LEVEL, and never a binding whose close returned.
 */
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/kthread.h>

#include "../core/kunit_iface.h"
#include "fake.h"

#define NDIS_STATUS_PROTOCOLS 3

static void link_state_reaches_every_binding(struct kunit *test)
{
	struct ndis_fake_stack env;
	int i;

	ndis_fake_stack_setup(test, &env, "st", "all", NDIS_STATUS_PROTOCOLS);
	ndis_fake_indicate_link(env.fa, MediaConnectStateDisconnected, NULL);
	for (i = 0; i < NDIS_STATUS_PROTOCOLS; i++) {
		KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[i]->statuses), 1);
		KUNIT_EXPECT_EQ(test, env.fp[i]->last_link, MediaConnectStateDisconnected);
		KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[i]->not_dispatch), 0);
	}
}

static void destination_handle_picks_one_binding(struct kunit *test)
{
	struct ndis_fake_stack env;

	ndis_fake_stack_setup(test, &env, "st", "one", NDIS_STATUS_PROTOCOLS);
	ndis_fake_indicate_link(env.fa, MediaConnectStateDisconnected,
				ndis_fake_binding(env.fp[1], env.name));
	KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[0]->statuses), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[1]->statuses), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[2]->statuses), 0);
}

static void indicate_from_softirq(void *arg)
{
	struct ndis_fake_adapter *fa = arg;

	ndis_fake_indicate_link(fa, MediaConnectStateConnected, NULL);
}

static void indicated_at_dispatch_level(struct kunit *test)
{
	struct ndis_fake_stack env;
	int i;

	ndis_fake_stack_setup(test, &env, "st", "dpc", NDIS_STATUS_PROTOCOLS);
	ndis_kunit_in_timer(test, indicate_from_softirq, env.fa);
	for (i = 0; i < NDIS_STATUS_PROTOCOLS; i++)
		KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[i]->statuses), 1);
}

struct ndis_storm {
	struct ndis_fake_adapter *fa;
	struct timer_list timer;
	bool stop;
	atomic_t fired;
};

/* Re-arming timer: an indication every jiffy until told to stop. */
static void storm_tick(struct timer_list *t)
{
	struct ndis_storm *s = timer_container_of(s, t, timer);

	ndis_fake_indicate_link(s->fa, MediaConnectStateConnected, NULL);
	atomic_inc(&s->fired);
	if (!READ_ONCE(s->stop))
		mod_timer(&s->timer, jiffies + 1);
}

static void none_after_close(struct kunit *test)
{
	struct ndis_fake_stack env;
	struct ndis_storm s = {};
	int i;

	ndis_fake_stack_setup(test, &env, "st", "storm", NDIS_STATUS_PROTOCOLS);
	s.fa = env.fa;
	timer_setup_on_stack(&s.timer, storm_tick, 0);
	mod_timer(&s.timer, jiffies + 1);
	msleep(30);
	for (i = 0; i < NDIS_STATUS_PROTOCOLS; i++)
		KUNIT_EXPECT_EQ(test, NdisUnbindAdapter(ndis_fake_binding(env.fp[i], env.name)),
				NDIS_STATUS_SUCCESS);
	for (i = 0; i < NDIS_STATUS_PROTOCOLS; i++)
		KUNIT_EXPECT_TRUE(test, ndis_fake_wait(env.fp[i],
						       atomic_read(&env.fp[i]->unbinds) == 1));
	msleep(30);
	WRITE_ONCE(s.stop, true);
	timer_delete_sync(&s.timer);
	timer_destroy_on_stack(&s.timer);

	KUNIT_EXPECT_GT(test, atomic_read(&s.fired), 0);
	for (i = 0; i < NDIS_STATUS_PROTOCOLS; i++)
		KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[i]->late_statuses), 0);
}

static const UCHAR ndis_mac_a[ETH_ALEN] = { 0x02, 0x11, 0x11, 0x11, 0x11, 0x11 };
static const UCHAR ndis_mac_b[ETH_ALEN] = { 0x02, 0xee, 0xee, 0xee, 0xee, 0xee };

struct ndis_mac_writer {
	struct ndis_fake_adapter *fa;
	bool stop;
	unsigned long changes;
	struct completion done;
};

static void indicate_mac(struct ndis_fake_adapter *fa, const UCHAR *mac)
{
	NDIS_IF_PHYSICAL_ADDRESS addr = { .Length = ETH_ALEN };

	memcpy(addr.Address, mac, ETH_ALEN);
	ndis_fake_indicate_status(fa, NDIS_STATUS_CURRENT_MAC_ADDRESS_CHANGE, &addr, sizeof(addr),
				  NULL);
}

/* On another CPU: the address flips between A and B until told to stop. */
static int mac_writer(void *arg)
{
	struct ndis_mac_writer *w = arg;

	while (!READ_ONCE(w->stop)) {
		indicate_mac(w->fa, w->changes & 1 ? ndis_mac_b : ndis_mac_a);
		w->changes++;
		cond_resched();
	}
	complete(&w->done);
	return 0;
}

/*
 * A query of the current address while another CPU changes it answers A
 * or B, never bytes of both.
 */
static void mac_never_read_torn(struct kunit *test)
{
	struct ndis_mac_writer w = {};
	unsigned int reads = 0, torn = 0, seen_a = 0, seen_b = 0, cpu;
	unsigned long until = jiffies + 2 * HZ;
	struct ndis_fake_stack env;
	NDIS_OID_REQUEST req;
	struct task_struct *t;
	UCHAR mac[ETH_ALEN], first[ETH_ALEN];

	cpu = cpumask_any_but(cpu_online_mask, raw_smp_processor_id());
	if (cpu >= nr_cpu_ids)
		kunit_skip(test, "needs a second CPU");
	ndis_fake_stack_setup(test, &env, "st", "mac", 1);
	ndis_fake_oid_init(&req, NdisRequestQueryInformation, OID_802_3_CURRENT_ADDRESS,
			   first, sizeof(first), NULL);
	KUNIT_ASSERT_EQ(test, ndis_fake_oid_sync(env.binding[0], &req), NDIS_STATUS_SUCCESS);
	w.fa = env.fa;
	init_completion(&w.done);
	t = kthread_create(mac_writer, &w, "ndis-mac-writer");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	kthread_bind(t, cpu);
	wake_up_process(t);
	while (time_before(jiffies, until) || !seen_a || !seen_b) {
		ndis_fake_oid_init(&req, NdisRequestQueryInformation, OID_802_3_CURRENT_ADDRESS,
				   mac, sizeof(mac), NULL);
		if (ndis_fake_oid_sync(env.binding[0], &req) != NDIS_STATUS_SUCCESS)
			break;
		reads++;
		if (!memcmp(mac, ndis_mac_a, ETH_ALEN))
			seen_a++;
		else if (!memcmp(mac, ndis_mac_b, ETH_ALEN))
			seen_b++;
		else if (memcmp(mac, first, ETH_ALEN))
			torn++;
		if (time_after(jiffies, until + 8 * HZ))
			break;
	}
	WRITE_ONCE(w.stop, true);
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&w.done, NDIS_FAKE_WAIT), 0UL);
	kunit_info(test, "%u reads, %lu changes", reads, w.changes);
	KUNIT_EXPECT_EQ(test, torn, 0U);
	KUNIT_EXPECT_GT(test, seen_a, 0U);
	KUNIT_EXPECT_GT(test, seen_b, 0U);
}

static struct kunit_case ndis_status_cases[] = {
	KUNIT_CASE(link_state_reaches_every_binding),
	KUNIT_CASE(destination_handle_picks_one_binding),
	KUNIT_CASE(indicated_at_dispatch_level),
	KUNIT_CASE(none_after_close),
	KUNIT_CASE_SLOW(mac_never_read_torn),
	{}
};

static struct kunit_suite ndis_status_suite = {
	.name = "ndis_status",
	.test_cases = ndis_status_cases,
};

kunit_test_suite(ndis_status_suite);
