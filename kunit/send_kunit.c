// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_send: NBL chains down to the miniport and back to the binding
 * each came from; sends refused while paused; cancel; double completion;
 * a pause that waits for 10,000 sends in flight; unbind under traffic;
 * sends that race the close.
 */
#include <linux/delay.h>
#include <linux/kthread.h>

#include "../core/kunit_iface.h"
#include "fake.h"

static void chains_of_nbls_with_several_nbs(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_stack env;
	struct ndis_fake_protocol *fp;

	ndis_fake_stack_setup(test, &env, "sd", "chain", 1);
	fp = env.fp[0];
	KUNIT_ASSERT_EQ(test, ndis_fake_send(fp, env.name, 4, 3, NULL), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->sent_nbls), 4);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->sent_nbs), 12);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->send_ok), 4);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->wrong_source), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->nbls_live), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->not_dispatch), 0);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void completion_demux_across_bindings(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_stack env;
	int i;

	ndis_fake_stack_setup(test, &env, "sd", "demux", 2);
	env.mp->hold_sends = true;
	/* Interleaved: p0, p1, p0, p1, ... in the miniport's queue. */
	for (i = 0; i < 6; i++)
		KUNIT_ASSERT_EQ(test, ndis_fake_send(env.fp[i % 2], env.name, 1, 1, NULL), 0);
	KUNIT_EXPECT_EQ(test, env.fa->nheld, 6U);
	/* One completion chain mixing both bindings. */
	KUNIT_EXPECT_EQ(test, ndis_fake_adapter_release_sends(env.fa, 6, NDIS_STATUS_SUCCESS),
			6U);
	for (i = 0; i < 2; i++) {
		KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[i]->send_ok), 3);
		KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[i]->wrong_source), 0);
		KUNIT_EXPECT_EQ(test, atomic_read(&env.fp[i]->nbls_live), 0);
	}
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void sends_while_paused_complete_paused(struct kunit *test)
{
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "sd-mp-paused");
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "sd-p-paused");
	NDIS_HANDLE a;

	mp->restart_status = NDIS_STATUS_FAILURE;	/* adapter stays paused */
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	a = ndis_fake_adapter_add(test, mp, "sd-a-paused");
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->bound) == 1));
	ndis_kunit_adapter_flush(a);
	KUNIT_ASSERT_EQ(test, ndis_fake_send(fp, "sd-a-paused", 3, 1, NULL), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->send_paused), 3);
	KUNIT_EXPECT_EQ(test, atomic_read(&mp->sent_nbls), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->nbls_live), 0);
}

static void cancel_send_by_id(struct kunit *test)
{
	struct ndis_fake_stack env;
	struct ndis_fake_protocol *fp;
	UCHAR partial = NdisGeneratePartialCancelId();
	PVOID x = (PVOID)(((ULONG_PTR)partial << 24) | 1);
	PVOID y = (PVOID)(((ULONG_PTR)partial << 24) | 2);

	ndis_fake_stack_setup(test, &env, "sd", "cancel", 1);
	fp = env.fp[0];
	env.mp->hold_sends = true;
	KUNIT_ASSERT_EQ(test, ndis_fake_send(fp, env.name, 2, 1, x), 0);
	KUNIT_ASSERT_EQ(test, ndis_fake_send(fp, env.name, 2, 1, y), 0);
	NdisCancelSendNetBufferLists(ndis_fake_binding(fp, env.name), x);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->send_aborted), 2);
	KUNIT_EXPECT_EQ(test, env.fa->nheld, 2U);
	KUNIT_EXPECT_EQ(test, ndis_fake_adapter_release_sends(env.fa, 10, NDIS_STATUS_SUCCESS),
			2U);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->send_ok), 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->nbls_live), 0);
	KUNIT_EXPECT_NE(test, NdisGeneratePartialCancelId(), partial);
}

static void double_completion_is_reported(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_stack env;
	struct ndis_fake_protocol *fp;
	PNET_BUFFER_LIST nbl;

	ndis_fake_stack_setup(test, &env, "sd", "twice", 1);
	fp = env.fp[0];
	env.mp->hold_sends = true;
	fp->keep_completed = true;
	KUNIT_ASSERT_EQ(test, ndis_fake_send(fp, env.name, 1, 1, NULL), 0);
	nbl = env.fa->held;
	KUNIT_ASSERT_NOT_NULL(test, nbl);
	ndis_fake_adapter_release_sends(env.fa, 1, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->send_ok), 1);

	/* The miniport completes it a second time: reported, not delivered. */
	NdisMSendNetBufferListsComplete(env.adapter, nbl, 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->send_ok), 1);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisMSendNetBufferListsComplete");
	/* Nor may it be freed while it is out; here it is back, so it may. */
	NdisFreeNetBufferList(nbl);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	atomic_dec(&fp->nbls_live);
}

#define NDIS_IN_FLIGHT 10000

static void pause_waits_for_every_send_in_flight(struct kunit *test)
{
	struct ndis_fake_stack env;
	struct ndis_fake_protocol *fp;
	unsigned int done = 0;

	ndis_fake_stack_setup(test, &env, "sd", "flight", 1);
	fp = env.fp[0];
	env.mp->hold_sends = true;
	KUNIT_ASSERT_EQ(test, ndis_fake_send(fp, env.name, NDIS_IN_FLIGHT, 1, NULL), 0);
	KUNIT_ASSERT_EQ(test, env.fa->nheld, (unsigned int)NDIS_IN_FLIGHT);

	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter(ndis_fake_binding(fp, env.name)),
			NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->pauses) == 1));
	/* The pause is under way and must wait: nothing may unbind yet. */
	msleep(100);
	KUNIT_EXPECT_EQ(test, ndis_kunit_binding_state(fp->name, env.name),
			NDIS_BINDING_PAUSING);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->unbinds), 0);

	while (done < NDIS_IN_FLIGHT)
		done += ndis_fake_adapter_release_sends(env.fa, 1000, NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->unbinds) == 1));
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->send_ok), NDIS_IN_FLIGHT);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->nbls_live), 0);
}

struct ndis_sender {
	struct ndis_fake_protocol *fp;
	const char *adapter;
	bool stop;
	unsigned int sent;
	struct completion done;
};

static int keep_sending(void *arg)
{
	struct ndis_sender *s = arg;

	while (!READ_ONCE(s->stop)) {
		if (ndis_fake_send(s->fp, s->adapter, 8, 2, NULL))
			break;	/* the binding is gone */
		s->sent += 8;
		cond_resched();
	}
	complete(&s->done);
	return 0;
}

static void unbind_under_traffic(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_stack env;
	struct ndis_sender s = {};
	struct task_struct *t;
	int completed;

	ndis_fake_stack_setup(test, &env, "sd", "traffic", 1);
	s.fp = env.fp[0];
	s.adapter = env.name;
	init_completion(&s.done);
	t = kthread_run(keep_sending, &s, "ndis-sender");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	msleep(50);
	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter(ndis_fake_binding(s.fp, env.name)),
			NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(s.fp, atomic_read(&s.fp->unbinds) == 1));
	WRITE_ONCE(s.stop, true);
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&s.done, NDIS_FAKE_WAIT), 0UL);

	/* Every NBL came back exactly once, with success or PAUSED. */
	completed = atomic_read(&s.fp->send_ok) + atomic_read(&s.fp->send_paused);
	KUNIT_EXPECT_GT(test, s.sent, 0U);
	KUNIT_EXPECT_EQ(test, completed, (int)s.sent);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp->send_other), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp->nbls_live), 0);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void send_on_a_closed_binding_refused(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_stack env;
	struct ndis_fake_protocol *fp;
	PNET_BUFFER_LIST nbl;
	NDIS_HANDLE binding;

	ndis_fake_stack_setup(test, &env, "sd", "closed", 1);
	fp = env.fp[0];
	binding = ndis_fake_binding(fp, env.name);
	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter(binding), NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->unbinds) == 1));
	ndis_kunit_adapter_flush(env.adapter);

	nbl = NdisAllocateNetBufferAndNetBufferList(fp->nbl_pool, 0, 0, NULL, 0, 60);
	KUNIT_ASSERT_NOT_NULL(test, nbl);
	NdisSendNetBufferLists(binding, nbl, 0, 0);
	/* Refused and reported; never completed; still the caller's to free. */
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->send_ok) + atomic_read(&fp->send_paused), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->sent_nbls), 0);
	NdisFreeNetBufferList(nbl);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
}

/* Send one fresh NBL on @binding, bypassing the fake's pause gate. */
static PNET_BUFFER_LIST send_one_raw(struct kunit *test, struct ndis_fake_protocol *fp,
				     NDIS_HANDLE binding)
{
	PNET_BUFFER_LIST nbl;

	nbl = NdisAllocateNetBufferAndNetBufferList(fp->nbl_pool, 0, 0, NULL, 0, 60);
	KUNIT_ASSERT_NOT_NULL(test, nbl);
	atomic_inc(&fp->nbls_live);
	NdisSendNetBufferLists(binding, nbl, 0, 0);
	return nbl;
}

static void send_while_closing_completes_closing(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_stack env;
	struct ndis_fake_protocol *fp;
	NDIS_OID_REQUEST held;
	PNET_BUFFER_LIST nbl;
	NDIS_HANDLE binding;
	int tries, lost;
	ULONG v;

	ndis_fake_stack_setup(test, &env, "sd", "closing", 1);
	fp = env.fp[0];
	binding = env.binding[0];
	/* A request the miniport holds keeps the close waiting in the middle. */
	env.mp->oid_mode = NDIS_FAKE_OID_PEND;
	ndis_fake_oid_init(&held, NdisRequestQueryInformation, OID_GEN_VENDOR_ID, &v, 4, NULL);
	KUNIT_ASSERT_EQ(test, NdisOidRequest(binding, &held), NDIS_STATUS_PENDING);
	KUNIT_ASSERT_TRUE(test, wait_event_timeout(env.mp->wq, READ_ONCE(env.mp->oid_held),
						   NDIS_FAKE_WAIT));
	KUNIT_ASSERT_EQ(test, NdisUnbindAdapter(binding), NDIS_STATUS_SUCCESS);

	/* PAUSED until the close starts; then the send meets the close. */
	for (tries = 0; tries < 500; tries++) {
		nbl = send_one_raw(test, fp, binding);
		if (atomic_read(&fp->nbls_live) || atomic_read(&fp->send_closing))
			break;
		msleep(20);
	}
	lost = atomic_read(&fp->nbls_live);
	if (lost) {	/* never completed: give it back to the pool */
		NdisFreeNetBufferList(nbl);
		atomic_dec(&fp->nbls_live);
	}
	/* Each came back once: sent (still running), PAUSED, and one CLOSING. */
	KUNIT_EXPECT_EQ(test, lost, 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->send_closing), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->send_ok) + atomic_read(&fp->send_paused) +
			atomic_read(&fp->send_closing), tries + 1);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
	/* The close is still waiting for the request. */
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->unbinds), 0);

	KUNIT_EXPECT_TRUE(test, ndis_fake_oid_complete_held(env.mp, NDIS_STATUS_SUCCESS));
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->unbinds) == 1));
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->oid_completions) == 1));

	/* After the close the handle is stale: reported, never completed. */
	nbl = send_one_raw(test, fp, binding);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->nbls_live), 1);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->send_closing), 1);
	NdisFreeNetBufferList(nbl);
	atomic_dec(&fp->nbls_live);
}

static struct kunit_case ndis_send_cases[] = {
	KUNIT_CASE(chains_of_nbls_with_several_nbs),
	KUNIT_CASE(completion_demux_across_bindings),
	KUNIT_CASE(sends_while_paused_complete_paused),
	KUNIT_CASE(cancel_send_by_id),
	KUNIT_CASE(double_completion_is_reported),
	KUNIT_CASE_SLOW(pause_waits_for_every_send_in_flight),
	KUNIT_CASE(unbind_under_traffic),
	KUNIT_CASE(send_on_a_closed_binding_refused),
	KUNIT_CASE(send_while_closing_completes_closing),
	{}
};

static struct kunit_suite ndis_send_suite = {
	.name = "ndis_send",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_send_cases,
};

kunit_test_suite(ndis_send_suite);
