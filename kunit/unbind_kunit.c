// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_unbind: NdisUnbindAdapter from every context it allows, and
 * racing everything that can take a binding down. Whatever happens, the
 * protocol sees exactly one unbind. Calls that lose a race to a finished
 * unbind hold a dead handle: they get an error and a report, which the
 * fixture catches.
 */
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/ktime.h>

#include "../core/kunit_iface.h"
#include "fake.h"

static void exactly_one_unbind(struct kunit *test, struct ndis_fake_stack *env)
{
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(env->fp[0], ndis_fake_opens(env->fp[0]) == 0));
	ndis_kunit_adapter_flush(env->adapter);
	KUNIT_EXPECT_EQ(test, atomic_read(&env->fp[0]->unbinds), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&env->fp[0]->pauses), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&env->fp[0]->not_passive), 0);
}

static void from_process_context(struct kunit *test)
{
	struct ndis_fake_stack env;

	ndis_fake_stack_setup(test, &env, "ub", "proc", 1);
	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter(env.binding[0]), NDIS_STATUS_SUCCESS);
	exactly_one_unbind(test, &env);
}

struct ndis_softirq_call {
	NDIS_HANDLE binding;
	NDIS_STATUS status;
	KIRQL irql;
};

static void unbind_here(void *arg)
{
	struct ndis_softirq_call *call = arg;

	call->irql = ndis_current_irql();
	call->status = NdisUnbindAdapter(call->binding);
}

static void from_a_softirq(struct kunit *test)
{
	struct ndis_softirq_call call = { .status = NDIS_STATUS_FAILURE };
	struct ndis_fake_stack env;

	ndis_fake_stack_setup(test, &env, "ub", "sirq", 1);
	call.binding = env.binding[0];
	ndis_kunit_in_timer(test, unbind_here, &call);
	KUNIT_EXPECT_EQ(test, call.irql, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, call.status, NDIS_STATUS_SUCCESS);
	exactly_one_unbind(test, &env);
}

static void under_a_spin_lock(struct kunit *test)
{
	struct ndis_fake_stack env;
	NDIS_SPIN_LOCK lock;
	NDIS_STATUS status;

	ndis_fake_stack_setup(test, &env, "ub", "lock", 1);
	NdisAllocateSpinLock(&lock);
	NdisAcquireSpinLock(&lock);
	status = NdisUnbindAdapter(env.binding[0]);
	NdisReleaseSpinLock(&lock);
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_SUCCESS);
	exactly_one_unbind(test, &env);
}

static void twice_is_one_unbind(struct kunit *test)
{
	struct ndis_fake_stack env;

	ndis_fake_stack_setup(test, &env, "ub", "twice", 1);
	env.fp[0]->unbind_sleep_ms = 100;	/* the second call lands while pending */
	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter(env.binding[0]), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter(env.binding[0]), NDIS_STATUS_SUCCESS);
	exactly_one_unbind(test, &env);
}

static void returns_at_once_while_unbind_sleeps(struct kunit *test)
{
	struct ndis_fake_stack env;
	ktime_t start;
	s64 ms;

	ndis_fake_stack_setup(test, &env, "ub", "slow", 1);
	env.fp[0]->unbind_sleep_ms = 1000;
	start = ktime_get();
	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter(env.binding[0]), NDIS_STATUS_SUCCESS);
	ms = ktime_ms_delta(ktime_get(), start);
	/* Loose on purpose: TCG is slow, but nowhere near the handler's second. */
	KUNIT_EXPECT_LT(test, ms, 500LL);
	exactly_one_unbind(test, &env);
}

struct ndis_hammer {
	NDIS_HANDLE binding;
	struct completion go;
	struct completion done;
	int calls;
};

static int hammer(void *arg)
{
	struct ndis_hammer *h = arg;
	int i;

	wait_for_completion(&h->go);
	for (i = 0; i < h->calls; i++)
		NdisUnbindAdapter(h->binding);
	complete(&h->done);
	return 0;
}

static void concurrently_from_two_cpus(struct kunit *test)
{
	struct ndis_hammer h[2];
	struct ndis_fake_stack env;
	struct task_struct *t;
	int i;

	ndis_fake_stack_setup(test, &env, "ub", "smp", 1);
	for (i = 0; i < 2; i++) {
		h[i].binding = env.binding[0];
		h[i].calls = 200;
		init_completion(&h[i].go);
		init_completion(&h[i].done);
		t = kthread_create(hammer, &h[i], "ndis-hammer%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t));
		kthread_bind(t, i % num_online_cpus());
		wake_up_process(t);
	}
	complete(&h[0].go);
	complete(&h[1].go);
	for (i = 0; i < 2; i++)
		KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&h[i].done, NDIS_FAKE_WAIT), 0UL);
	exactly_one_unbind(test, &env);
}

static void racing_adapter_removal(struct kunit *test)
{
	struct ndis_fake_stack env;

	ndis_fake_stack_setup(test, &env, "ub", "rmv", 1);
	env.fp[0]->unbind_sleep_ms = 50;
	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter(env.binding[0]), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ndis_miniport_remove_adapter(env.adapter), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[0]->unbinds), 1);
	KUNIT_EXPECT_EQ(test, ndis_fake_opens(env.fp[0]), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->halts), 1);
}

static void racing_protocol_deregistration(struct kunit *test)
{
	struct ndis_fake_stack env;

	ndis_fake_stack_setup(test, &env, "ub", "dereg", 1);
	env.fp[0]->unbind_sleep_ms = 50;
	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter(env.binding[0]), NDIS_STATUS_SUCCESS);
	ndis_fake_protocol_deregister(env.fp[0]);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[0]->unbinds), 1);
	KUNIT_EXPECT_EQ(test, ndis_fake_opens(env.fp[0]), 0);
	/* After deregistration the handle is dead: an error, not a crash. */
	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter(env.binding[0]), NDIS_STATUS_INVALID_PARAMETER);
}

static void refused_inside_bind_handler(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "ub-mp-in");
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "ub-p-in");
	NDIS_HANDLE a;

	fp->bind_mode = NDIS_FAKE_BIND_UNBIND_INSIDE;
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	a = ndis_fake_adapter_add(test, mp, "ub-a-in");
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->restarts) == 1));
	ndis_kunit_adapter_flush(a);
	KUNIT_EXPECT_EQ(test, fp->inside_unbind_status, NDIS_STATUS_NOT_ACCEPTED);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisUnbindAdapter");
	/* Refused means refused: the binding is still there. */
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->unbinds), 0);
	KUNIT_EXPECT_EQ(test, ndis_fake_opens(fp), 1);
}

/* Unbind the stack's only binding and wait until it is gone. */
static void unbind_the_binding(struct kunit *test, struct ndis_fake_stack *env)
{
	struct ndis_fake_protocol *fp = env->fp[0];

	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter(env->binding[0]), NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->unbinds) == 1));
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, ndis_fake_opens(fp) == 0));
	ndis_kunit_adapter_flush(env->adapter);
}

static void quiet_inside_unbind_handler(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_stack env;
	struct ndis_fake_protocol *fp;

	ndis_fake_stack_setup(test, &env, "ub", "inunb", 1);
	fp = env.fp[0];
	fp->unbind_inside_unbind = true;
	fp->inside_unbind_status = NDIS_STATUS_FAILURE;
	unbind_the_binding(test, &env);
	/* The call is the unbind under way: no report, no second unbind. */
	KUNIT_EXPECT_EQ(test, fp->inside_unbind_status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->unbinds), 1);
}

static void close_from_another_thread(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_stack env;
	struct ndis_fake_protocol *fp;

	ndis_fake_stack_setup(test, &env, "ub", "clwork", 1);
	fp = env.fp[0];
	fp->close_from_work = true;
	fp->work_close_status = NDIS_STATUS_FAILURE;
	unbind_the_binding(test, &env);
	KUNIT_EXPECT_TRUE(test, fp->work_close_status == NDIS_STATUS_SUCCESS ||
			  fp->work_close_status == NDIS_STATUS_PENDING);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
	KUNIT_EXPECT_EQ(test, ndis_kunit_binding_state(fp->name, env.name), -1);
}

static struct kunit_case ndis_unbind_cases[] = {
	KUNIT_CASE(from_process_context),
	KUNIT_CASE(from_a_softirq),
	KUNIT_CASE(under_a_spin_lock),
	KUNIT_CASE(twice_is_one_unbind),
	KUNIT_CASE(returns_at_once_while_unbind_sleeps),
	KUNIT_CASE(concurrently_from_two_cpus),
	KUNIT_CASE(racing_adapter_removal),
	KUNIT_CASE(racing_protocol_deregistration),
	KUNIT_CASE(refused_inside_bind_handler),
	KUNIT_CASE(quiet_inside_unbind_handler),
	KUNIT_CASE(close_from_another_thread),
	{}
};

static struct kunit_suite ndis_unbind_suite = {
	.name = "ndis_unbind",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_unbind_cases,
};

kunit_test_suite(ndis_unbind_suite);
