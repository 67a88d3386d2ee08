// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_binding: binding and unbinding along the normal paths, with
 * the fake miniport and protocol. Any misuse report here is a WARN and
 * fails the run.
 */
#include <linux/delay.h>
#include <linux/kthread.h>

#include "../core/kunit_iface.h"
#include "fake.h"

static void restore_pend(void *unused)
{
	ndis_kunit_set_pend(0, 0);
}

static void bound_and_running(struct kunit *test, struct ndis_fake_protocol *fp,
			      NDIS_HANDLE a, const char *adapter, int running)
{
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->restarts) >= running));
	ndis_kunit_adapter_flush(a);
	KUNIT_EXPECT_EQ(test, ndis_kunit_binding_state(fp->name, adapter), NDIS_BINDING_RUNNING);
	KUNIT_EXPECT_NOT_NULL(test, ndis_fake_binding(fp, adapter));
}

static void adapter_then_protocol(struct kunit *test)
{
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "bk-mp1");
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "bk-p1");
	int before = ndis_fake_binds_completed();
	NDIS_HANDLE a = ndis_fake_adapter_add(test, mp, "bk-a1");

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	bound_and_running(test, fp, a, "bk-a1", 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->binds), 1);
	/* The initial wave is over: NetEventBindsComplete follows. */
	KUNIT_EXPECT_GT(test, ndis_fake_wait_binds_completed(before, NDIS_FAKE_WAIT), 0L);
	KUNIT_EXPECT_EQ(test, atomic_read(&mp->restarts), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->not_passive), 0);
}

/*
 * Several protocols on one set of handlers, told apart by their context,
 * registered while adapters wait: every bind handler finds its own
 * NdisProtocolHandle already written, as NdisRegisterProtocolDriver()
 * promises, and opens with it.
 */
static void handle_written_before_binds_of_shared_handlers(struct kunit *test)
{
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "bk-mp-sh");
	struct ndis_fake_protocol *fp[3];
	NDIS_HANDLE a[2];
	char name[NDIS_FAKE_NAME];
	int i;

	for (i = 0; i < 2; i++) {
		snprintf(name, sizeof(name), "bk-a-sh%d", i);
		a[i] = ndis_fake_adapter_add(test, mp, name);
	}
	for (i = 0; i < 3; i++) {
		snprintf(name, sizeof(name), "bk-p-sh%d", i);
		fp[i] = ndis_fake_protocol_new(test, name);
		KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp[i]), NDIS_STATUS_SUCCESS);
	}
	for (i = 0; i < 3; i++) {
		KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp[i], atomic_read(&fp[i]->restarts) == 2));
		KUNIT_EXPECT_EQ(test, atomic_read(&fp[i]->binds), 2);
		KUNIT_EXPECT_EQ(test, atomic_read(&fp[i]->bind_without_handle), 0);
		KUNIT_EXPECT_EQ(test, ndis_fake_opens(fp[i]), 2);
	}
	for (i = 0; i < 2; i++)
		ndis_kunit_adapter_flush(a[i]);
	KUNIT_EXPECT_EQ(test, ndis_kunit_binding_state("bk-p-sh2", "bk-a-sh1"),
			NDIS_BINDING_RUNNING);
}

static void protocol_then_adapter(struct kunit *test)
{
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "bk-mp2");
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "bk-p2");
	NDIS_HANDLE a;

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->binds), 0);
	a = ndis_fake_adapter_add(test, mp, "bk-a2");
	bound_and_running(test, fp, a, "bk-a2", 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->binds), 1);
}

static void medium_mismatch_leaves_no_binding(struct kunit *test)
{
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "bk-mp3");
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "bk-p3");
	NDIS_HANDLE a;

	fp->medium = NdisMediumWan;
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	a = ndis_fake_adapter_add(test, mp, "bk-a3");
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->binds) == 1));
	ndis_kunit_adapter_flush(a);
	KUNIT_EXPECT_EQ(test, ndis_kunit_binding_state(fp->name, "bk-a3"), -1);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->bound), 0);
	KUNIT_EXPECT_EQ(test, ndis_fake_opens(fp), 0);
}

static void pending_bind_completes_later(struct kunit *test)
{
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "bk-mp4");
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "bk-p4");
	NDIS_HANDLE a;

	fp->bind_mode = NDIS_FAKE_BIND_PEND;
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	a = ndis_fake_adapter_add(test, mp, "bk-a4");
	bound_and_running(test, fp, a, "bk-a4", 1);
}

/* pend: 1 = the open or close pends; 2 = its completion runs before it returns */
static void pending_open_and_close(struct kunit *test, int pend, const char *tag)
{
	struct ndis_fake_miniport *mp;
	struct ndis_fake_protocol *fp;
	char name[NDIS_FAKE_NAME];
	NDIS_HANDLE a;

	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, restore_pend, NULL), 0);
	snprintf(name, sizeof(name), "bk-mp-%s", tag);
	mp = ndis_fake_miniport_register(test, name);
	snprintf(name, sizeof(name), "bk-p-%s", tag);
	fp = ndis_fake_protocol_new(test, name);
	ndis_kunit_set_pend(pend, pend);
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	snprintf(name, sizeof(name), "bk-a-%s", tag);
	a = ndis_fake_adapter_add(test, mp, name);
	bound_and_running(test, fp, a, name, 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->open_completes), 1);
	KUNIT_EXPECT_EQ(test, ndis_fake_open_find(fp, name)->medium_index, 0U);

	KUNIT_EXPECT_EQ(test, ndis_miniport_remove_adapter(a), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->unbinds), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->close_completes), 1);
	KUNIT_EXPECT_EQ(test, ndis_fake_opens(fp), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->not_passive), 0);
}

static void pending_open_and_close_complete_later(struct kunit *test)
{
	pending_open_and_close(test, 1, "pend");
}

static void completion_before_pending_return(struct kunit *test)
{
	pending_open_and_close(test, 2, "early");
}

static void pending_unbind_completes_from_close(struct kunit *test)
{
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "bk-mp5");
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "bk-p5");
	NDIS_HANDLE a;

	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, restore_pend, NULL), 0);
	fp->pend_unbind = true;
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	a = ndis_fake_adapter_add(test, mp, "bk-a5");
	bound_and_running(test, fp, a, "bk-a5", 1);
	ndis_kunit_set_pend(0, 1);
	ndis_fake_protocol_deregister(fp);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->unbinds), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->close_completes), 1);
	KUNIT_EXPECT_EQ(test, ndis_fake_opens(fp), 0);
}

static void bind_failure_after_open_closes(struct kunit *test)
{
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "bk-mp6");
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "bk-p6");
	NDIS_HANDLE a;

	fp->bind_mode = NDIS_FAKE_BIND_FAIL_AFTER_OPEN;
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	a = ndis_fake_adapter_add(test, mp, "bk-a6");
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->binds) == 1));
	ndis_kunit_adapter_flush(a);
	KUNIT_EXPECT_EQ(test, ndis_kunit_binding_state(fp->name, "bk-a6"), -1);
	KUNIT_EXPECT_EQ(test, ndis_fake_opens(fp), 0);
	/* Removal has nothing to wait for: the failed bind left nothing open. */
	KUNIT_EXPECT_EQ(test, ndis_miniport_remove_adapter(a), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->unbinds), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&mp->halts), 1);
}

static void rebind_by_reenumeration(struct kunit *test)
{
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "bk-mp7");
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "bk-p7");
	NDIS_HANDLE a;

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	a = ndis_fake_adapter_add(test, mp, "bk-a7");
	bound_and_running(test, fp, a, "bk-a7", 1);
	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter(ndis_fake_binding(fp, "bk-a7")),
			NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, ndis_fake_opens(fp) == 0));
	ndis_kunit_adapter_flush(a);
	KUNIT_EXPECT_EQ(test, ndis_kunit_binding_state(fp->name, "bk-a7"), -1);
	/* Pause always came before the unbind. */
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->pauses), 1);

	NdisReEnumerateProtocolBindings(fp->handle);
	bound_and_running(test, fp, a, "bk-a7", 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->binds), 2);
}

#define NDIS_MANY 16

static void deregistration_unbinds_many(struct kunit *test)
{
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "bk-mp8");
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "bk-p8");
	char name[NDIS_FAKE_NAME];
	int i;

	for (i = 0; i < NDIS_MANY; i++) {
		snprintf(name, sizeof(name), "bk-many%d", i);
		ndis_fake_adapter_add(test, mp, name);
	}
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->restarts) == NDIS_MANY));
	ndis_fake_protocol_deregister(fp);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->pauses), NDIS_MANY);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->unbinds), NDIS_MANY);
	KUNIT_EXPECT_EQ(test, ndis_fake_opens(fp), 0);
	for (i = 0; i < NDIS_MANY; i++) {
		snprintf(name, sizeof(name), "bk-many%d", i);
		KUNIT_EXPECT_EQ(test, ndis_kunit_binding_state("bk-p8", name), -1);
	}
	/* The adapters live on, unbound; the miniport was not paused. */
	KUNIT_EXPECT_EQ(test, atomic_read(&mp->pauses), 0);
}

static void removal_order_pause_unbind_halt(struct kunit *test)
{
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "bk-mp9");
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "bk-p9");
	NDIS_HANDLE a;

	mp->pend_pause = true;
	mp->pend_restart = true;
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	a = ndis_fake_adapter_add(test, mp, "bk-a9");
	bound_and_running(test, fp, a, "bk-a9", 1);
	KUNIT_EXPECT_EQ(test, ndis_miniport_remove_adapter(a), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->query_removes), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->pauses), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&mp->pauses), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->unbinds), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&mp->halts), 1);
	KUNIT_EXPECT_EQ(test, mp->last_halt, NdisHaltDeviceDisabled);
}

static void surprise_removal_while_paused(struct kunit *test)
{
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "bk-mp10");
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "bk-p10");
	NDIS_HANDLE a;

	/* A failed restart leaves the adapter, and so its bindings, paused. */
	mp->restart_status = NDIS_STATUS_FAILURE;
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	a = ndis_fake_adapter_add(test, mp, "bk-a10");
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->bound) == 1));
	ndis_kunit_adapter_flush(a);
	KUNIT_EXPECT_EQ(test, ndis_kunit_binding_state(fp->name, "bk-a10"), NDIS_BINDING_PAUSED);

	KUNIT_EXPECT_EQ(test, ndis_miniport_surprise_remove_adapter(a), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, atomic_read(&mp->surprise_removals), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->query_removes), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&mp->pauses), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->pauses), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->unbinds), 1);
	KUNIT_EXPECT_EQ(test, mp->last_halt, NdisHaltDeviceSurpriseRemoved);
	KUNIT_EXPECT_EQ(test, ndis_fake_opens(fp), 0);
}

static void miniport_declares_adapter_failed(struct kunit *test)
{
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "bk-mp13");
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "bk-p13");
	NDIS_HANDLE a;

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	a = ndis_fake_adapter_add(test, mp, "bk-a13");
	bound_and_running(test, fp, a, "bk-a13", 1);
	/* Callable at DISPATCH_LEVEL; the removal runs later. */
	local_bh_disable();
	KUNIT_EXPECT_EQ(test, NdisMRemoveMiniport(a), NDIS_STATUS_SUCCESS);
	local_bh_enable();
	KUNIT_ASSERT_GT(test, wait_event_timeout(mp->wq, atomic_read(&mp->halts) == 1,
						 NDIS_FAKE_WAIT), 0L);
	KUNIT_EXPECT_EQ(test, mp->last_halt, NdisHaltDeviceFailed);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->query_removes), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->unbinds), 1);
	KUNIT_EXPECT_EQ(test, ndis_fake_opens(fp), 0);
}

static void removed_while_starting(struct kunit *test)
{
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "bk-mp14");
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "bk-p14");
	NDIS_HANDLE a = NULL;

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	mp->remove_in_init = true;
	KUNIT_EXPECT_EQ(test, ndis_miniport_add_adapter(mp->handle, "bk-a14", NULL, &a),
			NDIS_STATUS_ADAPTER_REMOVED);
	KUNIT_EXPECT_NULL(test, a);
	KUNIT_ASSERT_GT(test, wait_event_timeout(mp->wq, atomic_read(&mp->halts) == 1,
						 NDIS_FAKE_WAIT), 0L);
	KUNIT_EXPECT_EQ(test, mp->last_halt, NdisHaltDeviceFailed);
	/* Never published: no protocol was offered it. */
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->binds), 0);
	/* The name is free again once the teardown finished. */
	mp->remove_in_init = false;
	KUNIT_EXPECT_EQ(test, ndis_miniport_add_adapter(mp->handle, "bk-a14", NULL, &a),
			NDIS_STATUS_SUCCESS);
}

static void query_remove_vetoed_then_cancelled(struct kunit *test)
{
	struct ndis_fake_stack s;

	ndis_fake_stack_setup(test, &s, "bk", "veto", 2);
	KUNIT_EXPECT_EQ(test, ndis_miniport_query_remove_adapter(s.adapter), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[0]->cancel_removes), 0);

	s.fp[1]->refuse_query_remove = true;
	KUNIT_EXPECT_EQ(test, ndis_miniport_query_remove_adapter(s.adapter), NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[0]->query_removes), 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[1]->query_removes), 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[0]->cancel_removes), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[1]->cancel_removes), 1);
	/* Nothing was removed or paused. */
	KUNIT_EXPECT_EQ(test, atomic_read(&s.mp->halts), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[0]->pauses), 0);
	KUNIT_EXPECT_EQ(test, ndis_kunit_binding_state(s.fp[0]->name, s.name),
			NDIS_BINDING_RUNNING);
}

struct power_call {
	NDIS_HANDLE adapter;
	NDIS_DEVICE_POWER_STATE state;
	NDIS_STATUS status;
	struct completion done;
};

static int call_set_power(void *arg)
{
	struct power_call *c = arg;

	c->status = ndis_miniport_set_power(c->adapter, c->state);
	complete(&c->done);
	return 0;
}

static int call_shutdown(void *arg)
{
	struct power_call *c = arg;

	ndis_kunit_adapter_shutdown(c->adapter);
	complete(&c->done);
	return 0;
}

/* Run @fn(@c) on a thread of its own; @c->done completes when it returned. */
static void power_call_start(struct kunit *test, struct power_call *c, int (*fn)(void *),
			     const char *name)
{
	struct task_struct *t;

	init_completion(&c->done);
	t = kthread_run(fn, c, "%s", name);
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
}

/* Power-off on a busy adapter: quiet first, then MiniportShutdownEx, then nothing. */
static void nothing_reaches_the_miniport_after_shutdown(struct kunit *test)
{
	static const UCHAR bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	ULONG filter = NDIS_PACKET_TYPE_BROADCAST;
	struct power_call c = {};
	struct ndis_fake_protocol *fp;
	struct ndis_fake_stack s;
	NDIS_OID_REQUEST req;
	ULONG v;

	ndis_fake_stack_setup(test, &s, "bk", "shut", 1);
	fp = s.fp[0];
	ndis_fake_oid_init(&req, NdisRequestSetInformation, OID_GEN_CURRENT_PACKET_FILTER,
			   &filter, sizeof(filter), NULL);
	KUNIT_ASSERT_EQ(test, ndis_fake_oid_sync(s.binding[0], &req), NDIS_STATUS_SUCCESS);
	s.mp->hold_sends = true;
	fp->rx_hold = true;
	KUNIT_ASSERT_EQ(test, ndis_fake_send(fp, s.name, 2, 1, NULL), 0);
	ndis_fake_indicate(s.fa, 2, bcast, 0);
	KUNIT_ASSERT_EQ(test, fp->rx_nheld, 2U);

	c.adapter = s.adapter;
	power_call_start(test, &c, call_shutdown, "ndis-shutdown");
	/* The shutdown waits for the sends and receives still out. */
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->pauses) == 1));
	KUNIT_EXPECT_FALSE(test, completion_done(&c.done));
	KUNIT_EXPECT_EQ(test, ndis_fake_adapter_release_sends(s.fa, 2, NDIS_STATUS_SUCCESS), 2U);
	ndis_fake_return_held(fp);
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&c.done, NDIS_FAKE_WAIT), 0UL);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.mp->shutdowns), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.mp->rx_returned), 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->send_ok), 2);

	/* From now on nothing reaches the miniport, not even the unbind's. */
	ndis_fake_oid_init(&req, NdisRequestQueryInformation, OID_GEN_VENDOR_ID, &v, sizeof(v),
			   NULL);
	KUNIT_EXPECT_EQ(test, NdisOidRequest(s.binding[0], &req), NDIS_STATUS_ADAPTER_NOT_READY);
	KUNIT_EXPECT_EQ(test, ndis_miniport_set_power(s.adapter, NdisDeviceStateD3),
			NDIS_STATUS_ADAPTER_NOT_READY);
	ndis_kunit_adapter_shutdown(s.adapter);
	ndis_fake_protocol_deregister(fp);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.mp->shutdowns), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.mp->after_shutdown), 0);
}

static void restore_stuck_report_s(void *old)
{
	ndis_kunit_set_stuck_report_s((unsigned int)(uintptr_t)old);
}

/* A pause the miniport never completes is reported, again and again. */
static void stuck_pause_is_reported(struct kunit *test)
{
	struct power_call c = { .state = NdisDeviceStateD3 };
	struct ndis_fake_stack s;
	unsigned int old;
	long before;
	int i;

	ndis_fake_stack_setup(test, &s, "bk", "stuck", 1);
	old = ndis_kunit_set_stuck_report_s(1);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, restore_stuck_report_s,
							(void *)(uintptr_t)old), 0);
	s.mp->hold_pause = true;
	c.adapter = s.adapter;
	before = ndis_kunit_stuck_reports();
	power_call_start(test, &c, call_set_power, "ndis-stuck-pause");
	KUNIT_ASSERT_TRUE(test, wait_event_timeout(s.mp->wq, atomic_read(&s.mp->pauses) == 1,
						   NDIS_FAKE_WAIT));
	/* One report a second while the pause is stuck; the caller still waits. */
	for (i = 0; i < 100 && ndis_kunit_stuck_reports() < before + 2; i++)
		msleep(100);
	KUNIT_EXPECT_GE(test, ndis_kunit_stuck_reports(), before + 2);
	KUNIT_EXPECT_FALSE(test, completion_done(&c.done));
	s.mp->hold_pause = false;	/* the teardown's pause must not stick */
	NdisMPauseComplete(s.adapter);
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&c.done, NDIS_FAKE_WAIT), 0UL);
	KUNIT_EXPECT_EQ(test, c.status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ndis_miniport_set_power(s.adapter, NdisDeviceStateD0),
			NDIS_STATUS_SUCCESS);
}

/*
 * Unbinds asked for while a power change holds the adapter run once it is
 * done: the second one waits queued behind the first (the adapter's queue
 * is ordered), and the power change must not cancel it on its way out.
 */
static void unbinds_asked_during_a_power_change_run(struct kunit *test)
{
	struct power_call c = { .state = NdisDeviceStateD3 };
	struct ndis_fake_stack s;

	ndis_fake_stack_setup(test, &s, "bk", "pwrunbind", 2);
	s.mp->hold_pause = true;
	c.adapter = s.adapter;
	power_call_start(test, &c, call_set_power, "ndis-pwr-unbind");
	KUNIT_ASSERT_TRUE(test, wait_event_timeout(s.mp->wq, atomic_read(&s.mp->pauses) == 1,
						   NDIS_FAKE_WAIT));
	s.fp[0]->unbind_sleep_ms = 200;	/* the second still queued when the first runs */
	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter(s.binding[0]), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, NdisUnbindAdapter(s.binding[1]), NDIS_STATUS_SUCCESS);
	NdisMPauseComplete(s.adapter);
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&c.done, NDIS_FAKE_WAIT), 0UL);
	s.mp->hold_pause = false;
	KUNIT_EXPECT_EQ(test, c.status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(s.fp[0], atomic_read(&s.fp[0]->unbinds) == 1));
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(s.fp[1], atomic_read(&s.fp[1]->unbinds) == 1));
	ndis_kunit_adapter_flush(s.adapter);
	KUNIT_EXPECT_EQ(test, ndis_fake_opens(s.fp[0]), 0);
	KUNIT_EXPECT_EQ(test, ndis_fake_opens(s.fp[1]), 0);
	KUNIT_EXPECT_EQ(test, ndis_miniport_set_power(s.adapter, NdisDeviceStateD0),
			NDIS_STATUS_SUCCESS);
}

static void restore_shutdown_wait_s(void *old)
{
	ndis_kunit_set_shutdown_wait_s((unsigned int)(uintptr_t)old);
}

static void short_shutdown_wait(struct kunit *test)
{
	unsigned int old = ndis_kunit_set_shutdown_wait_s(1);

	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, restore_shutdown_wait_s,
							(void *)(uintptr_t)old), 0);
}

/*
 * Power-off goes on without a driver that never finishes: sends the
 * miniport keeps and a pause it never completes are given up on after
 * shutdown_wait_s, and MiniportShutdownEx still runs.
 */
static void shutdown_goes_on_without_a_stuck_driver(struct kunit *test)
{
	struct power_call c = {};
	struct ndis_fake_stack s;
	long before;

	ndis_fake_stack_setup(test, &s, "bk", "offstuck", 1);
	short_shutdown_wait(test);
	s.mp->hold_sends = true;
	s.mp->hold_pause = true;
	KUNIT_ASSERT_EQ(test, ndis_fake_send(s.fp[0], s.name, 2, 1, NULL), 0);
	before = ndis_kunit_shutdown_give_ups();
	c.adapter = s.adapter;
	power_call_start(test, &c, call_shutdown, "ndis-offstuck");
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&c.done, NDIS_FAKE_WAIT), 0UL);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.mp->shutdowns), 1);
	/* The sends, then the pause (its time already up). */
	KUNIT_EXPECT_GE(test, ndis_kunit_shutdown_give_ups(), before + 2);
	/* Finishing late is harmless, and every NBL still completes once. */
	s.mp->hold_pause = false;
	NdisMPauseComplete(s.adapter);
	KUNIT_EXPECT_EQ(test, ndis_fake_adapter_release_sends(s.fa, 2, NDIS_STATUS_SUCCESS), 2U);
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(s.fp[0], atomic_read(&s.fp[0]->send_ok) == 2));
	KUNIT_EXPECT_EQ(test, atomic_read(&s.mp->after_shutdown), 0);
}

/*
 * An operation stuck in the miniport holds the adapter: power-off leaves
 * that adapter as it is rather than wait for ever.
 */
static void shutdown_leaves_an_adapter_a_stuck_operation_holds(struct kunit *test)
{
	struct power_call sleep = { .state = NdisDeviceStateD3 };
	struct power_call off = {};
	struct ndis_fake_stack s;
	long before;

	ndis_fake_stack_setup(test, &s, "bk", "offheld", 1);
	short_shutdown_wait(test);
	s.mp->hold_pause = true;
	sleep.adapter = s.adapter;
	power_call_start(test, &sleep, call_set_power, "ndis-offheld-sleep");
	KUNIT_ASSERT_TRUE(test, wait_event_timeout(s.mp->wq, atomic_read(&s.mp->pauses) == 1,
						   NDIS_FAKE_WAIT));
	before = ndis_kunit_shutdown_give_ups();
	off.adapter = s.adapter;
	power_call_start(test, &off, call_shutdown, "ndis-offheld");
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&off.done, NDIS_FAKE_WAIT), 0UL);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.mp->shutdowns), 0);
	KUNIT_EXPECT_EQ(test, ndis_kunit_shutdown_give_ups(), before + 1);
	/* The held operation finishes as if nothing happened. */
	s.mp->hold_pause = false;
	NdisMPauseComplete(s.adapter);
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&sleep.done, NDIS_FAKE_WAIT), 0UL);
	KUNIT_EXPECT_EQ(test, sleep.status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ndis_miniport_set_power(s.adapter, NdisDeviceStateD0),
			NDIS_STATUS_SUCCESS);
}

static void failed_sleep_runs_again(struct kunit *test)
{
	struct ndis_fake_stack s;

	ndis_fake_stack_setup(test, &s, "bk", "nosleep", 1);
	s.mp->fail_sleep = true;
	KUNIT_EXPECT_EQ(test, ndis_miniport_set_power(s.adapter, NdisDeviceStateD3),
			NDIS_STATUS_FAILURE);
	ndis_kunit_adapter_flush(s.adapter);
	/* The miniport stayed in D0: running again, and the protocol told so. */
	KUNIT_EXPECT_EQ(test, ndis_kunit_binding_state(s.fp[0]->name, s.name),
			NDIS_BINDING_RUNNING);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.mp->restarts), 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[0]->set_powers), 2);
	KUNIT_EXPECT_EQ(test, s.fp[0]->last_power, NdisDeviceStateD0);
	KUNIT_EXPECT_EQ(test, ndis_fake_send(s.fp[0], s.name, 1, 1, NULL), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[0]->send_ok), 1);
}

static void power_sleep_and_wake(struct kunit *test)
{
	struct ndis_fake_stack s;
	NDIS_OID_REQUEST req;
	ULONG filter = NDIS_PACKET_TYPE_DIRECTED | NDIS_PACKET_TYPE_BROADCAST;
	NDIS_OID_REQUEST set;
	ULONG vendor;
	int oids;

	ndis_fake_stack_setup(test, &s, "bk", "power", 2);
	KUNIT_EXPECT_EQ(test, ndis_miniport_set_power(s.adapter, NdisDeviceStateMaximum),
			NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, ndis_miniport_set_power(s.adapter, NdisDeviceStateD0),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[0]->set_powers), 0);

	KUNIT_ASSERT_EQ(test, ndis_miniport_set_power(s.adapter, NdisDeviceStateD3),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[0]->set_powers), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[1]->set_powers), 1);
	KUNIT_EXPECT_EQ(test, s.fp[1]->last_power, NdisDeviceStateD3);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[0]->pauses), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.mp->pauses), 1);
	KUNIT_EXPECT_EQ(test, s.mp->last_power, NdisDeviceStateD3);
	KUNIT_EXPECT_EQ(test, ndis_kunit_binding_state(s.fp[0]->name, s.name),
			NDIS_BINDING_PAUSED);
	/* A sleeping miniport takes no requests. */
	ndis_fake_oid_init(&req, NdisRequestQueryInformation, OID_GEN_VENDOR_ID, &vendor,
			   sizeof(vendor), NULL);
	KUNIT_EXPECT_EQ(test, NdisOidRequest(s.binding[0], &req), NDIS_STATUS_LOW_POWER_STATE);
	/* NDIS takes a filter change, but the miniport hears of it only on waking. */
	oids = atomic_read(&s.mp->oids_seen);
	ndis_fake_oid_init(&set, NdisRequestSetInformation, OID_GEN_CURRENT_PACKET_FILTER,
			   &filter, sizeof(filter), NULL);
	KUNIT_EXPECT_EQ(test, NdisOidRequest(s.binding[1], &set), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.mp->oids_seen), oids);

	KUNIT_ASSERT_EQ(test, ndis_miniport_set_power(s.adapter, NdisDeviceStateD0),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, s.mp->last_power, NdisDeviceStateD0);
	ndis_kunit_adapter_flush(s.adapter);
	KUNIT_EXPECT_TRUE(test, wait_event_timeout(s.mp->wq,
						   READ_ONCE(s.mp->last_filter) == filter,
						   NDIS_FAKE_WAIT) > 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.mp->restarts), 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[0]->restarts), 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[0]->set_powers), 2);
	KUNIT_EXPECT_EQ(test, s.fp[0]->last_power, NdisDeviceStateD0);
	KUNIT_EXPECT_EQ(test, ndis_kunit_binding_state(s.fp[1]->name, s.name),
			NDIS_BINDING_RUNNING);
	/* Queued for the miniport again, and answered. */
	KUNIT_ASSERT_EQ(test, NdisOidRequest(s.binding[0], &req), NDIS_STATUS_PENDING);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(s.fp[0], atomic_read(&s.fp[0]->oid_completions)));
	KUNIT_EXPECT_EQ(test, s.fp[0]->last_oid_status, NDIS_STATUS_SUCCESS);
}

/* A protocol that arrives while the adapter sleeps binds, but stays Paused until D0. */
static void bind_while_asleep_waits_for_wake(struct kunit *test)
{
	struct ndis_fake_stack s;
	struct ndis_fake_protocol *late;

	ndis_fake_stack_setup(test, &s, "bk", "sleepbind", 1);
	KUNIT_ASSERT_EQ(test, ndis_miniport_set_power(s.adapter, NdisDeviceStateD2),
			NDIS_STATUS_SUCCESS);
	late = ndis_fake_protocol_new(test, "bk-late-sleepbind");
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(late), NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(late, atomic_read(&late->bound) == 1));
	ndis_kunit_adapter_flush(s.adapter);
	KUNIT_EXPECT_EQ(test, atomic_read(&late->restarts), 0);
	KUNIT_EXPECT_EQ(test, ndis_kunit_binding_state(late->name, s.name), NDIS_BINDING_PAUSED);

	KUNIT_ASSERT_EQ(test, ndis_miniport_set_power(s.adapter, NdisDeviceStateD0),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, atomic_read(&late->restarts), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&late->set_powers), 1);
	KUNIT_EXPECT_EQ(test, late->last_power, NdisDeviceStateD0);
	KUNIT_EXPECT_EQ(test, ndis_kunit_binding_state(late->name, s.name), NDIS_BINDING_RUNNING);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[0]->set_powers), 2);
}

/* Every binding PnP event may pend; NdisCompleteNetPnPEvent's status is the answer. */
static void pnp_events_pend_and_complete(struct kunit *test)
{
	struct ndis_fake_stack s;

	ndis_fake_stack_setup(test, &s, "bk", "pendpnp", 1);
	s.fp[0]->pend_pnp = true;
	KUNIT_EXPECT_EQ(test, ndis_miniport_query_remove_adapter(s.adapter), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[0]->pnp_pended), 1);
	s.fp[0]->refuse_query_remove = true;
	KUNIT_EXPECT_EQ(test, ndis_miniport_query_remove_adapter(s.adapter), NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[0]->cancel_removes), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[0]->pnp_pended), 3);

	KUNIT_EXPECT_EQ(test, ndis_miniport_set_power(s.adapter, NdisDeviceStateD3),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ndis_kunit_binding_state(s.fp[0]->name, s.name),
			NDIS_BINDING_PAUSED);
	KUNIT_EXPECT_EQ(test, ndis_miniport_set_power(s.adapter, NdisDeviceStateD0),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ndis_kunit_binding_state(s.fp[0]->name, s.name),
			NDIS_BINDING_RUNNING);
	/* SetPower, Pause, then Restart, SetPower. */
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[0]->pnp_pended), 7);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[0]->set_powers), 2);
	s.fp[0]->pend_pnp = false;
}

/* Removal of a sleeping adapter: nothing paused twice, everything unbound and halted. */
static void removed_while_asleep(struct kunit *test)
{
	struct ndis_fake_stack s;

	ndis_fake_stack_setup(test, &s, "bk", "sleepgone", 1);
	KUNIT_ASSERT_EQ(test, ndis_miniport_set_power(s.adapter, NdisDeviceStateD3),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ndis_miniport_remove_adapter(s.adapter), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[0]->pauses), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.mp->pauses), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.fp[0]->unbinds), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.mp->halts), 1);
	KUNIT_EXPECT_EQ(test, ndis_fake_opens(s.fp[0]), 0);
}

static void failed_initialize_never_binds(struct kunit *test)
{
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "bk-mp11");
	NDIS_HANDLE a = NULL;

	mp->fail_init = true;
	KUNIT_EXPECT_EQ(test, ndis_miniport_add_adapter(mp->handle, "bk-a11", NULL, &a),
			NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_NULL(test, a);
	KUNIT_EXPECT_EQ(test, atomic_read(&mp->halts), 0);
}

#define NDIS_CYCLES 1000

static void thousand_bind_unbind_cycles(struct kunit *test)
{
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "bk-mp12");
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "bk-p12");
	NDIS_HANDLE a;
	int i;

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	a = ndis_fake_adapter_add(test, mp, "bk-a12");
	for (i = 0; i < NDIS_CYCLES; i++) {
		KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->restarts) == i + 1));
		KUNIT_ASSERT_EQ(test, NdisUnbindAdapter(ndis_fake_binding(fp, "bk-a12")),
				NDIS_STATUS_SUCCESS);
		KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, ndis_fake_opens(fp) == 0));
		ndis_kunit_adapter_flush(a);
		NdisReEnumerateProtocolBindings(fp->handle);
	}
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->restarts) == NDIS_CYCLES + 1));
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->binds), NDIS_CYCLES + 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->unbinds), NDIS_CYCLES);
	KUNIT_EXPECT_EQ(test, ndis_fake_opens(fp), 1);
}

static struct kunit_case ndis_binding_cases[] = {
	KUNIT_CASE(adapter_then_protocol),
	KUNIT_CASE(protocol_then_adapter),
	KUNIT_CASE(handle_written_before_binds_of_shared_handlers),
	KUNIT_CASE(medium_mismatch_leaves_no_binding),
	KUNIT_CASE(pending_bind_completes_later),
	KUNIT_CASE(pending_open_and_close_complete_later),
	KUNIT_CASE(completion_before_pending_return),
	KUNIT_CASE(pending_unbind_completes_from_close),
	KUNIT_CASE(bind_failure_after_open_closes),
	KUNIT_CASE(rebind_by_reenumeration),
	KUNIT_CASE(deregistration_unbinds_many),
	KUNIT_CASE(removal_order_pause_unbind_halt),
	KUNIT_CASE(surprise_removal_while_paused),
	KUNIT_CASE(miniport_declares_adapter_failed),
	KUNIT_CASE(removed_while_starting),
	KUNIT_CASE(query_remove_vetoed_then_cancelled),
	KUNIT_CASE(power_sleep_and_wake),
	KUNIT_CASE(failed_sleep_runs_again),
	KUNIT_CASE_SLOW(stuck_pause_is_reported),
	KUNIT_CASE(unbinds_asked_during_a_power_change_run),
	KUNIT_CASE(nothing_reaches_the_miniport_after_shutdown),
	KUNIT_CASE(shutdown_goes_on_without_a_stuck_driver),
	KUNIT_CASE(shutdown_leaves_an_adapter_a_stuck_operation_holds),
	KUNIT_CASE(bind_while_asleep_waits_for_wake),
	KUNIT_CASE(pnp_events_pend_and_complete),
	KUNIT_CASE(removed_while_asleep),
	KUNIT_CASE(failed_initialize_never_binds),
	KUNIT_CASE_SLOW(thousand_bind_unbind_cycles),
	{}
};

static struct kunit_suite ndis_binding_suite = {
	.name = "ndis_binding",
	.test_cases = ndis_binding_cases,
};

kunit_test_suite(ndis_binding_suite);
