// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_status: NdisMIndicateStatusEx reaches every open binding of
 * the adapter, or the one it names, from any context up to
 * DISPATCH_LEVEL, and never a binding whose close returned.
 */
#include <linux/delay.h>

#include "../core/kunit_hooks.h"
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
	struct ndis_storm *s = from_timer(s, t, timer);

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
	destroy_timer_on_stack(&s.timer);

	KUNIT_EXPECT_GT(test, atomic_read(&s.fired), 0);
	for (i = 0; i < NDIS_STATUS_PROTOCOLS; i++)
		KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[i]->late_statuses), 0);
}

static struct kunit_case ndis_status_cases[] = {
	KUNIT_CASE(link_state_reaches_every_binding),
	KUNIT_CASE(destination_handle_picks_one_binding),
	KUNIT_CASE(indicated_at_dispatch_level),
	KUNIT_CASE(none_after_close),
	{}
};

static struct kunit_suite ndis_status_suite = {
	.name = "ndis_status",
	.test_cases = ndis_status_cases,
};

kunit_test_suite(ndis_status_suite);
