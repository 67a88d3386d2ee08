// SPDX-License-Identifier: GPL-2.0
/* Suite ndis_irql: the level ndis_current_irql() reports in each context. */
#include <linux/bottom_half.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>

#include "ndis_kunit.h"

static void process_context_is_passive(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ndis_current_irql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, NDIS_CURRENT_IRQL(), PASSIVE_LEVEL);
}

static void spin_lock_bh_is_dispatch(struct kunit *test)
{
	spinlock_t lock;	/* a plain Linux lock, for contrast */
	KIRQL held;

	spin_lock_init(&lock);
	spin_lock_bh(&lock);
	held = ndis_current_irql();
	spin_unlock_bh(&lock);

	KUNIT_EXPECT_EQ(test, held, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, ndis_current_irql(), PASSIVE_LEVEL);
}

static void bh_disabled_is_dispatch(struct kunit *test)
{
	KIRQL inside;

	local_bh_disable();
	inside = ndis_current_irql();
	local_bh_enable();

	KUNIT_EXPECT_EQ(test, inside, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, ndis_current_irql(), PASSIVE_LEVEL);
}

static void preempt_disabled_is_dispatch(struct kunit *test)
{
	KIRQL inside;

	preempt_disable();
	inside = ndis_current_irql();
	preempt_enable();

	KUNIT_EXPECT_EQ(test, inside, DISPATCH_LEVEL);
}

static void rcu_read_side_is_dispatch(struct kunit *test)
{
	KIRQL inside;

	rcu_read_lock();
	inside = ndis_current_irql();
	rcu_read_unlock();

	KUNIT_EXPECT_EQ(test, inside, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, ndis_current_irql(), PASSIVE_LEVEL);
}

static void timer_callback_is_dispatch(struct kunit *test)
{
	struct ndis_kunit_observation o = { .irql = PASSIVE_LEVEL };

	ndis_kunit_in_timer(test, ndis_kunit_observe, &o);

	KUNIT_EXPECT_TRUE(test, o.in_softirq);
	KUNIT_EXPECT_EQ(test, o.irql, DISPATCH_LEVEL);
}

static void tasklet_is_dispatch(struct kunit *test)
{
	struct ndis_kunit_observation o = { .irql = PASSIVE_LEVEL };

	ndis_kunit_in_tasklet(test, ndis_kunit_observe, &o);

	KUNIT_EXPECT_TRUE(test, o.in_softirq);
	KUNIT_EXPECT_EQ(test, o.irql, DISPATCH_LEVEL);
}

static void irqs_disabled_is_dirql(struct kunit *test)
{
	unsigned long flags;
	KIRQL inside;

	local_irq_save(flags);
	inside = ndis_current_irql();
	local_irq_restore(flags);

	KUNIT_EXPECT_EQ(test, inside, DIRQL);
	KUNIT_EXPECT_EQ(test, ndis_current_irql(), PASSIVE_LEVEL);
}

static void spin_lock_irqsave_is_dirql(struct kunit *test)
{
	unsigned long flags;
	spinlock_t lock;	/* a plain Linux lock, for contrast */
	KIRQL inside;

	spin_lock_init(&lock);
	spin_lock_irqsave(&lock, flags);
	inside = ndis_current_irql();
	spin_unlock_irqrestore(&lock, flags);

	/* PREEMPT_RT keeps interrupts on here: the holder is at DISPATCH. */
	KUNIT_EXPECT_EQ(test, inside, IS_ENABLED(CONFIG_PREEMPT_RT) ?
			DISPATCH_LEVEL : DIRQL);
}

static void hardirq_is_dirql(struct kunit *test)
{
	struct ndis_kunit_observation o = { .irql = PASSIVE_LEVEL };

	ndis_kunit_in_hardirq(test, ndis_kunit_observe, &o);

	KUNIT_EXPECT_TRUE(test, o.in_hardirq);
	KUNIT_EXPECT_EQ(test, o.irql, DIRQL);
}

struct ndis_irql_name_case {
	KIRQL irql;
	const char *name;
};

static const struct ndis_irql_name_case ndis_irql_name_cases[] = {
	{ PASSIVE_LEVEL, "PASSIVE_LEVEL" },
	{ APC_LEVEL, "APC_LEVEL" },
	{ DISPATCH_LEVEL, "DISPATCH_LEVEL" },
	{ DIRQL, "DIRQL" },
	{ 42, "unknown IRQL" },
};

static void ndis_irql_name_desc(const struct ndis_irql_name_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%u is %s", c->irql, c->name);
}

KUNIT_ARRAY_PARAM(ndis_irql_name, ndis_irql_name_cases, ndis_irql_name_desc);

static void level_names(struct kunit *test)
{
	const struct ndis_irql_name_case *c = test->param_value;

	KUNIT_EXPECT_STREQ(test, ndis_irql_name(c->irql), c->name);
}

static struct kunit_case ndis_irql_cases[] = {
	KUNIT_CASE(process_context_is_passive),
	KUNIT_CASE(spin_lock_bh_is_dispatch),
	KUNIT_CASE(bh_disabled_is_dispatch),
	KUNIT_CASE(preempt_disabled_is_dispatch),
	KUNIT_CASE(rcu_read_side_is_dispatch),
	KUNIT_CASE(timer_callback_is_dispatch),
	KUNIT_CASE(tasklet_is_dispatch),
	KUNIT_CASE(irqs_disabled_is_dirql),
	KUNIT_CASE(spin_lock_irqsave_is_dirql),
	KUNIT_CASE(hardirq_is_dirql),
	KUNIT_CASE_PARAM(level_names, ndis_irql_name_gen_params),
	{}
};

static struct kunit_suite ndis_irql_suite = {
	.name = "ndis_irql",
	.test_cases = ndis_irql_cases,
};

kunit_test_suite(ndis_irql_suite);
