// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_timer: timer objects fire once, or every period until
 * cancelled, at DISPATCH_LEVEL with the right context; a set moves an
 * armed timer; cancels and frees race safely with firing; a free from the
 * timer's own function works; a timer its driver forgot is reclaimed and
 * reported when the driver deregisters. No timer fires before its due
 * time, measured with ktime, relative or absolute, one-shot or periodic.
 */
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/rcupdate.h>

#include "../core/kunit_iface.h"
#include "fake.h"

#define TM_WAIT		(5 * HZ)

struct tmo {
	NDIS_HANDLE timer;
	atomic_t fired;
	atomic_t inside;		/* functions running now */
	KIRQL irql;
	PVOID ctx;
	bool free_self;
	bool set_self;			/* the function moves its timer 60 s on */
	BOOLEAN set_self_was;
	bool cancel_self;		/* then cancels it */
	BOOLEAN cancel_self_was;
	ktime_t at[4];			/* when the first firings came */
	LONGLONG sys_at[4];		/* the same, in system time */
	wait_queue_head_t wq;
};

/* Two contexts that both lead back to the same struct tmo. */
struct tm_ctx {
	struct tmo *t;
};

static LARGE_INTEGER tm_in_ms(LONGLONG ms)
{
	LARGE_INTEGER due = { .QuadPart = -ms * 10000 };

	return due;
}

static NDIS_TIMER_FUNCTION tm_fn;
static void tm_fn(PVOID ss1, PVOID ctx, PVOID ss2, PVOID ss3)
{
	struct tmo *t = ((struct tm_ctx *)ctx)->t;
	int n = atomic_read(&t->fired);
	ktime_t end;

	if (n < ARRAY_SIZE(t->at)) {
		t->at[n] = ktime_get();
		t->sys_at[n] = ndis_system_time();
	}
	atomic_inc(&t->inside);
	t->irql = KeGetCurrentIrql();
	t->ctx = ctx;
	if (t->set_self)
		t->set_self_was = NdisSetTimerObject(t->timer, tm_in_ms(60000), 0, NULL);
	if (t->cancel_self)
		t->cancel_self_was = NdisCancelTimerObject(t->timer);
	if (t->free_self)
		NdisFreeTimerObject(t->timer);
	end = ktime_add_us(ktime_get(), 200);	/* for a cancel to meet it running */
	while (ktime_before(ktime_get(), end))
		cpu_relax();
	atomic_dec(&t->inside);
	atomic_inc(&t->fired);
	wake_up(&t->wq);
}

static void tm_chars(NDIS_TIMER_CHARACTERISTICS *c, struct tm_ctx *ctx)
{
	memset(c, 0, sizeof(*c));
	c->Header.Type = NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS;
	c->Header.Revision = NDIS_TIMER_CHARACTERISTICS_REVISION_1;
	c->Header.Size = NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1;
	c->AllocationTag = 0x6d54;
	c->TimerFunction = tm_fn;
	c->FunctionContext = ctx;
}

static NDIS_HANDLE tm_driver(struct kunit *test, const char *name)
{
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, name);

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	return fp->handle;
}

static struct tmo *tm_new(struct kunit *test, NDIS_HANDLE driver, struct tm_ctx *ctx)
{
	struct tmo *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	NDIS_TIMER_CHARACTERISTICS c;

	KUNIT_ASSERT_NOT_NULL(test, t);
	init_waitqueue_head(&t->wq);
	ctx->t = t;
	tm_chars(&c, ctx);
	KUNIT_ASSERT_EQ(test, NdisAllocateTimerObject(driver, &c, &t->timer), NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_NOT_NULL(test, t->timer);
	return t;
}

static bool tm_wait_fired(struct tmo *t, int n)
{
	return wait_event_timeout(t->wq, atomic_read(&t->fired) >= n, TM_WAIT) > 0;
}

static void one_shot_fires_once_at_dispatch(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct tm_ctx ctx;
	struct tmo *t = tm_new(test, tm_driver(test, "tm-p-once"), &ctx);

	KUNIT_EXPECT_FALSE(test, NdisSetTimerObject(t->timer, tm_in_ms(5), 0, NULL));
	KUNIT_ASSERT_TRUE(test, tm_wait_fired(t, 1));
	KUNIT_EXPECT_EQ(test, t->irql, DISPATCH_LEVEL);
	KUNIT_EXPECT_PTR_EQ(test, t->ctx, (PVOID)&ctx);	/* the characteristics' */
	msleep(30);
	KUNIT_EXPECT_EQ(test, atomic_read(&t->fired), 1);
	KUNIT_EXPECT_FALSE(test, NdisCancelTimerObject(t->timer));
	NdisFreeTimerObject(t->timer);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void set_moves_an_armed_timer(struct kunit *test)
{
	struct tm_ctx ctx, other;
	struct tmo *t = tm_new(test, tm_driver(test, "tm-p-move"), &ctx);
	unsigned long start = jiffies;

	other.t = t;
	KUNIT_EXPECT_FALSE(test, NdisSetTimerObject(t->timer, tm_in_ms(60000), 0, NULL));
	KUNIT_EXPECT_TRUE(test, NdisSetTimerObject(t->timer, tm_in_ms(5), 0, &other));
	KUNIT_ASSERT_TRUE(test, tm_wait_fired(t, 1));
	KUNIT_EXPECT_LT(test, jiffies - start, (unsigned long)TM_WAIT);
	KUNIT_EXPECT_PTR_EQ(test, t->ctx, (PVOID)&other);
	NdisFreeTimerObject(t->timer);
}

static void absolute_due_time_is_a_system_time(struct kunit *test)
{
	struct tm_ctx ctx;
	struct tmo *t = tm_new(test, tm_driver(test, "tm-p-abs"), &ctx);
	LARGE_INTEGER due;
	ktime_t start;

	start = ktime_get();
	NdisGetCurrentSystemTime(&due);
	due.QuadPart += 20 * 10000;		/* 20 ms from now */
	NdisSetTimerObject(t->timer, due, 0, NULL);
	KUNIT_ASSERT_TRUE(test, tm_wait_fired(t, 1));
	/* Never early, by either clock (the system time read rounds down). */
	KUNIT_EXPECT_GE(test, t->sys_at[0], due.QuadPart);
	KUNIT_EXPECT_GE(test, ktime_to_ns(ktime_sub(t->at[0], start)), 20 * NSEC_PER_MSEC - 100);
	NdisFreeTimerObject(t->timer);
}

/*
 * The DDI's promise, measured with ktime, not jiffies: for each delay, a
 * relative, an absolute and a coalescable timer and each firing of a
 * periodic one run no earlier than due.
 */
static void never_fires_before_its_due_time(struct kunit *test)
{
	static const LONGLONG delays_ms[] = { 1, 2, 5, 13, 20 };
	NDIS_HANDLE driver = tm_driver(test, "tm-p-early");
	struct tm_ctx ctx;
	LARGE_INTEGER due;
	struct tmo *t;
	ktime_t start;
	s64 ms, ns;
	int i, k;

	for (i = 0; i < ARRAY_SIZE(delays_ms); i++) {
		ms = delays_ms[i];
		ns = ms * NSEC_PER_MSEC;

		t = tm_new(test, driver, &ctx);
		start = ktime_get();
		NdisSetTimerObject(t->timer, tm_in_ms(ms), 0, NULL);
		KUNIT_ASSERT_TRUE(test, tm_wait_fired(t, 1));
		KUNIT_EXPECT_GE_MSG(test, ktime_to_ns(ktime_sub(t->at[0], start)), ns,
				    "relative %lld ms", ms);
		NdisFreeTimerObject(t->timer);

		t = tm_new(test, driver, &ctx);
		start = ktime_get();
		NdisGetCurrentSystemTime(&due);
		due.QuadPart += ms * 10000;
		NdisSetTimerObject(t->timer, due, 0, NULL);
		KUNIT_ASSERT_TRUE(test, tm_wait_fired(t, 1));
		KUNIT_EXPECT_GE_MSG(test, t->sys_at[0], due.QuadPart, "absolute %lld ms", ms);
		KUNIT_EXPECT_GE_MSG(test, ktime_to_ns(ktime_sub(t->at[0], start)), ns - 100,
				    "absolute %lld ms", ms);
		NdisFreeTimerObject(t->timer);

		t = tm_new(test, driver, &ctx);
		start = ktime_get();
		NdisSetCoalescableTimerObject(t->timer, tm_in_ms(ms), 0, NULL, 5);
		KUNIT_ASSERT_TRUE(test, tm_wait_fired(t, 1));
		KUNIT_EXPECT_GE_MSG(test, ktime_to_ns(ktime_sub(t->at[0], start)), ns,
				    "coalescable %lld ms", ms);
		NdisFreeTimerObject(t->timer);

		/* Firing k of a periodic timer: due + k periods at the earliest. */
		t = tm_new(test, driver, &ctx);
		start = ktime_get();
		NdisSetTimerObject(t->timer, tm_in_ms(ms), (LONG)ms, NULL);
		KUNIT_ASSERT_TRUE(test, tm_wait_fired(t, ARRAY_SIZE(t->at)));
		NdisCancelTimerObject(t->timer);
		for (k = 0; k < ARRAY_SIZE(t->at); k++)
			KUNIT_EXPECT_GE_MSG(test, ktime_to_ns(ktime_sub(t->at[k], start)),
					    (k + 1) * ns, "periodic %lld ms, firing %d", ms, k);
		NdisFreeTimerObject(t->timer);
	}
}

/*
 * A periodic timer is armed also while its function runs: a set from
 * there says so, and the new due time wins over the periodic re-arm.
 */
static void set_from_a_periodic_function_replaces_the_period(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct tm_ctx ctx;
	struct tmo *t = tm_new(test, tm_driver(test, "tm-p-reset"), &ctx);

	t->set_self = true;
	NdisSetTimerObject(t->timer, tm_in_ms(1), 2, NULL);
	KUNIT_ASSERT_TRUE(test, tm_wait_fired(t, 1));
	KUNIT_EXPECT_TRUE(test, t->set_self_was);
	msleep(40);
	KUNIT_EXPECT_EQ(test, atomic_read(&t->fired), 1);	/* moved 60 s on */
	KUNIT_EXPECT_TRUE(test, NdisCancelTimerObject(t->timer));
	KUNIT_EXPECT_FALSE(test, NdisCancelTimerObject(t->timer));
	NdisFreeTimerObject(t->timer);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void cancel_disarms_and_says_whether_it_did(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct tm_ctx ctx;
	struct tmo *t = tm_new(test, tm_driver(test, "tm-p-cancel"), &ctx);

	NdisSetTimerObject(t->timer, tm_in_ms(20), 0, NULL);
	KUNIT_EXPECT_TRUE(test, NdisCancelTimerObject(t->timer));
	KUNIT_EXPECT_FALSE(test, NdisCancelTimerObject(t->timer));
	msleep(60);
	KUNIT_EXPECT_EQ(test, atomic_read(&t->fired), 0);
	/* It can be set again after a cancel. */
	NdisSetTimerObject(t->timer, tm_in_ms(1), 0, NULL);
	KUNIT_EXPECT_TRUE(test, tm_wait_fired(t, 1));
	NdisFreeTimerObject(t->timer);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void periodic_runs_until_cancelled_and_cancel_waits(struct kunit *test)
{
	struct tm_ctx ctx;
	struct tmo *t = tm_new(test, tm_driver(test, "tm-p-period"), &ctx);
	int fired;

	NdisSetTimerObject(t->timer, tm_in_ms(1), 5, NULL);
	KUNIT_ASSERT_TRUE(test, tm_wait_fired(t, 4));
	NdisCancelTimerObject(t->timer);
	/* At PASSIVE_LEVEL a periodic cancel waits out a running function. */
	KUNIT_EXPECT_EQ(test, atomic_read(&t->inside), 0);
	fired = atomic_read(&t->fired);
	msleep(40);
	KUNIT_EXPECT_EQ(test, atomic_read(&t->fired), fired);
	NdisFreeTimerObject(t->timer);
}

static void periodic_cancel_at_dispatch_is_reported_and_stops(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct tm_ctx ctx;
	struct tmo *t = tm_new(test, tm_driver(test, "tm-p-pcd"), &ctx);
	NDIS_SPIN_LOCK lock;
	int fired;

	NdisAllocateSpinLock(&lock);
	NdisSetTimerObject(t->timer, tm_in_ms(1), 5, NULL);
	KUNIT_ASSERT_TRUE(test, tm_wait_fired(t, 2));
	NdisAcquireSpinLock(&lock);
	NdisCancelTimerObject(t->timer);
	NdisReleaseSpinLock(&lock);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisCancelTimerObject");
	KUNIT_EXPECT_EQ(test, r->irql, DISPATCH_LEVEL);
	msleep(20);		/* a function running at the cancel may finish */
	fired = atomic_read(&t->fired);
	msleep(40);
	KUNIT_EXPECT_EQ(test, atomic_read(&t->fired), fired);
	NdisFreeTimerObject(t->timer);
}

static void free_from_its_own_function(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct tm_ctx ctx;
	struct tmo *t = tm_new(test, tm_driver(test, "tm-p-self"), &ctx);

	t->free_self = true;
	NdisSetTimerObject(t->timer, tm_in_ms(1), 5, NULL);
	KUNIT_ASSERT_TRUE(test, tm_wait_fired(t, 1));
	msleep(40);
	KUNIT_EXPECT_EQ(test, atomic_read(&t->fired), 1);	/* periodic, freed */
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
	/* The handle is dead: a second free and a set are reported. */
	NdisFreeTimerObject(t->timer);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_FALSE(test, NdisSetTimerObject(t->timer, tm_in_ms(1), 0, NULL));
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisSetTimerObject");
}

static void bad_arguments_are_reported(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE driver = tm_driver(test, "tm-p-bad");
	NDIS_TIMER_CHARACTERISTICS c;
	NDIS_HANDLE timer = (NDIS_HANDLE)1;
	struct tm_ctx ctx;

	tm_chars(&c, &ctx);
	KUNIT_EXPECT_EQ(test, NdisAllocateTimerObject(NULL, &c, &timer), NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_NULL(test, timer);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	c.Header.Size = NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1 - 1;
	KUNIT_EXPECT_EQ(test, NdisAllocateTimerObject(driver, &c, &timer), NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	tm_chars(&c, &ctx);
	c.TimerFunction = NULL;
	KUNIT_EXPECT_EQ(test, NdisAllocateTimerObject(driver, &c, &timer), NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	KUNIT_EXPECT_FALSE(test, NdisCancelTimerObject(driver));	/* not a timer */
	KUNIT_EXPECT_EQ(test, r->calls, 4U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisCancelTimerObject");
}

/*
 * Sets and cancels from two threads against a timer firing at once: every
 * arming ends exactly once, by firing or by a cancel that says TRUE.
 */
struct tm_race {
	struct tmo *t;
	atomic_t armings;	/* sets that found it unarmed */
	atomic_t moves;		/* sets that found it armed */
	atomic_t cancels;	/* cancels that disarmed it */
	struct completion stop;
};

#define TM_RACE_ROUNDS	3000

static void tm_race_setter(struct ndis_kunit_thread *th)
{
	struct tm_race *race = th->arg;
	int i;

	for (i = 0; i < TM_RACE_ROUNDS; i++) {
		if (NdisSetTimerObject(race->t->timer, tm_in_ms(0), 0, NULL))
			atomic_inc(&race->moves);
		else
			atomic_inc(&race->armings);
		if (!(i % 64))
			cond_resched();
	}
}

static void cancel_and_set_race_with_firing(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_kunit_thread th;
	struct tm_race race = {};
	struct tm_ctx ctx;
	int i;

	race.t = tm_new(test, tm_driver(test, "tm-p-race"), &ctx);
	ndis_kunit_thread_start(test, &th, tm_race_setter, &race, "tm-race");
	for (i = 0; i < TM_RACE_ROUNDS; i++) {
		if (NdisCancelTimerObject(race.t->timer))
			atomic_inc(&race.cancels);
		if (!(i % 64))
			cond_resched();
	}
	KUNIT_ASSERT_TRUE(test, ndis_kunit_thread_finished(&th));
	if (NdisCancelTimerObject(race.t->timer))
		atomic_inc(&race.cancels);
	NdisFreeTimerObject(race.t->timer);	/* waits for a running function */
	KUNIT_EXPECT_EQ(test, atomic_read(&race.t->fired) + atomic_read(&race.cancels),
			atomic_read(&race.armings));
	KUNIT_EXPECT_EQ(test, atomic_read(&race.armings) + atomic_read(&race.moves),
			TM_RACE_ROUNDS);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

/*
 * A periodic timer cancelled at PASSIVE_LEVEL while a second thread sets
 * it: the cancel waits for a running function, and a set that lands in
 * that wait returned FALSE (the timer was unarmed), so it must stand and
 * fire. Each round starts from a running periodic arming, with the
 * cancel at a different point of its period; each set has a context of
 * its own, so its firings are told apart from the others'.
 */
#define TM_PRACE_ROUNDS	300

struct tm_prace;

struct tm_round {
	struct tm_prace *race;
	atomic_t fired;
	int after;		/* firings when the round's last cancel returned */
};

struct tm_prace {
	NDIS_HANDLE timer;
	struct tm_round idle;	/* the periodic arming each round starts from */
	struct tm_round rounds[TM_PRACE_ROUNDS];
	BOOLEAN set_was[TM_PRACE_ROUNDS];
	atomic_t go;		/* rounds the setter may start */
	atomic_t done;		/* rounds the setter has finished */
	atomic_t stop;
	wait_queue_head_t wq;
};

static NDIS_TIMER_FUNCTION tm_round_fn;
static void tm_round_fn(PVOID ss1, PVOID ctx, PVOID ss2, PVOID ss3)
{
	struct tm_round *r = ctx;
	ktime_t end = ktime_add_us(ktime_get(), 100);	/* for the cancel to wait on */

	while (ktime_before(ktime_get(), end))
		cpu_relax();
	atomic_inc(&r->fired);
	wake_up(&r->race->wq);
}

static void tm_prace_setter(struct ndis_kunit_thread *th)
{
	struct tm_prace *race = th->arg;
	unsigned long end;
	int i;

	for (i = 0; i < TM_PRACE_ROUNDS; i++) {
		end = jiffies + TM_WAIT;
		while (atomic_read(&race->go) <= i) {	/* spun: to meet the cancel */
			if (atomic_read(&race->stop) || time_after(jiffies, end))
				return;
			cpu_relax();
			cond_resched();
		}
		race->set_was[i] = NdisSetTimerObject(race->timer, tm_in_ms(0), 1,
						      &race->rounds[i]);
		atomic_set_release(&race->done, i + 1);	/* after set_was[i] */
		wake_up(&race->wq);
	}
}

static void periodic_cancel_keeps_a_set_made_during_its_wait(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_TIMER_CHARACTERISTICS c;
	struct ndis_kunit_thread th;
	struct tm_prace *race;
	struct tm_round *rd;
	int i, f, lost = 0;
	bool ok = true;

	race = kunit_kzalloc(test, sizeof(*race), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, race);
	init_waitqueue_head(&race->wq);
	race->idle.race = race;
	for (i = 0; i < TM_PRACE_ROUNDS; i++)
		race->rounds[i].race = race;
	tm_chars(&c, NULL);
	c.TimerFunction = tm_round_fn;
	c.FunctionContext = &race->idle;
	KUNIT_ASSERT_EQ(test, NdisAllocateTimerObject(tm_driver(test, "tm-p-prace"), &c,
						      &race->timer), NDIS_STATUS_SUCCESS);

	ndis_kunit_thread_start(test, &th, tm_prace_setter, race, "tm-prace");
	for (i = 0; i < TM_PRACE_ROUNDS && ok; i++) {
		rd = &race->rounds[i];
		f = atomic_read(&race->idle.fired);
		NdisSetTimerObject(race->timer, tm_in_ms(0), 1, &race->idle);
		ok = wait_event_timeout(race->wq, atomic_read(&race->idle.fired) > f,
					TM_WAIT) > 0;
		if (!ok)
			break;
		udelay((i * 37) % 1000);	/* somewhere in the 1 ms period */
		atomic_set(&race->go, i + 1);
		/* Armed all along (periodic), whether the set came first or not. */
		KUNIT_EXPECT_TRUE(test, NdisCancelTimerObject(race->timer));
		ok = wait_event_timeout(race->wq, atomic_read_acquire(&race->done) > i,
					TM_WAIT) > 0;
		if (!ok)
			break;
		/* FALSE: the set came after the cancel disarmed it, so it stands. */
		if (!race->set_was[i] &&
		    !wait_event_timeout(race->wq, atomic_read(&rd->fired) > 0, TM_WAIT))
			lost++;
		NdisCancelTimerObject(race->timer);	/* waits for the function */
		rd->after = atomic_read(&rd->fired);
	}
	atomic_set(&race->stop, 1);
	KUNIT_ASSERT_TRUE(test, ndis_kunit_thread_finished(&th));
	KUNIT_EXPECT_TRUE(test, ok);
	KUNIT_EXPECT_EQ(test, lost, 0);
	f = atomic_read(&race->idle.fired);
	msleep(20);
	/* After a cancel that waited, nothing fires again. */
	KUNIT_EXPECT_EQ(test, atomic_read(&race->idle.fired), f);
	for (i = 0; i < TM_PRACE_ROUNDS; i++)
		KUNIT_EXPECT_EQ_MSG(test, atomic_read(&race->rounds[i].fired),
				    race->rounds[i].after, "round %d", i);
	NdisFreeTimerObject(race->timer);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

/* Poll (bounded) until the arming references and releases reach these. */
static bool tm_refs_settle(long armings, long released)
{
	int tries;

	for (tries = 0; tries < 1000; tries++) {
		if (ndis_kunit_timer_armings() == armings &&
		    ndis_kunit_timers_released() == released)
			return true;
		usleep_range(1000, 2000);
	}
	return false;
}

/*
 * Every arming's reference goes when it has fired or was cancelled, and
 * a freed timer object is released: fired, periodic and cancelled,
 * armed and freed at DISPATCH_LEVEL, freed from its own function.
 */
static void arming_references_are_released(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE driver = tm_driver(test, "tm-p-refs");
	long armings = ndis_kunit_timer_armings();
	long released = ndis_kunit_timers_released();
	struct tm_ctx c1, c2, c3, c4, c5;
	struct tmo *t1, *t2, *t3, *t4, *t5;
	NDIS_SPIN_LOCK lock;

	NdisAllocateSpinLock(&lock);
	t1 = tm_new(test, driver, &c1);
	t2 = tm_new(test, driver, &c2);
	t3 = tm_new(test, driver, &c3);
	t4 = tm_new(test, driver, &c4);
	t5 = tm_new(test, driver, &c5);
	t4->free_self = true;

	NdisSetTimerObject(t1->timer, tm_in_ms(1), 0, NULL);
	NdisSetTimerObject(t2->timer, tm_in_ms(1), 2, NULL);
	NdisSetTimerObject(t3->timer, tm_in_ms(60000), 0, NULL);
	NdisSetTimerObject(t4->timer, tm_in_ms(1), 2, NULL);
	NdisSetTimerObject(t5->timer, tm_in_ms(60000), 3, NULL);

	KUNIT_ASSERT_TRUE(test, tm_wait_fired(t1, 1));
	KUNIT_ASSERT_TRUE(test, tm_wait_fired(t2, 2));
	KUNIT_ASSERT_TRUE(test, tm_wait_fired(t4, 1));
	KUNIT_EXPECT_TRUE(test, NdisCancelTimerObject(t2->timer));
	NdisAcquireSpinLock(&lock);
	KUNIT_EXPECT_TRUE(test, NdisCancelTimerObject(t5->timer));	/* periodic at D */
	NdisFreeTimerObject(t3->timer);
	NdisReleaseSpinLock(&lock);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);		/* t5's cancel at D */
	NdisFreeTimerObject(t1->timer);
	NdisFreeTimerObject(t2->timer);
	NdisFreeTimerObject(t5->timer);
	rcu_barrier();
	KUNIT_EXPECT_TRUE(test, tm_refs_settle(armings, released + 5));
	KUNIT_EXPECT_EQ(test, ndis_kunit_timer_armings(), armings);
	KUNIT_EXPECT_EQ(test, ndis_kunit_timers_released(), released + 5);
	KUNIT_EXPECT_EQ(test, atomic_read(&t3->fired), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&t5->fired), 0);
}

/*
 * A set queues the timer again while its function runs, and a cancel or
 * free at DISPATCH_LEVEL (here from that function) cannot take it off:
 * that arming goes off at once, without calling the function, and gives
 * its reference back, rather than holding it 60 s.
 */
static void cancel_of_a_timer_set_from_its_function_lets_go_at_once(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE driver = tm_driver(test, "tm-p-requeue");
	long armings = ndis_kunit_timer_armings();
	long released = ndis_kunit_timers_released();
	struct tm_ctx c1, c2;
	struct tmo *t1, *t2;

	t1 = tm_new(test, driver, &c1);
	t1->set_self = true;
	t1->cancel_self = true;
	NdisSetTimerObject(t1->timer, tm_in_ms(1), 0, NULL);
	KUNIT_ASSERT_TRUE(test, tm_wait_fired(t1, 1));
	KUNIT_EXPECT_FALSE(test, t1->set_self_was);	/* a one-shot, fired */
	KUNIT_EXPECT_TRUE(test, t1->cancel_self_was);
	KUNIT_EXPECT_TRUE(test, tm_refs_settle(armings, released));
	KUNIT_EXPECT_EQ(test, ndis_kunit_timer_armings(), armings);

	t2 = tm_new(test, driver, &c2);
	t2->set_self = true;
	t2->free_self = true;
	NdisSetTimerObject(t2->timer, tm_in_ms(1), 0, NULL);
	KUNIT_ASSERT_TRUE(test, tm_wait_fired(t2, 1));
	KUNIT_EXPECT_TRUE(test, tm_refs_settle(armings, released + 1));
	KUNIT_EXPECT_EQ(test, ndis_kunit_timers_released(), released + 1);

	msleep(20);
	KUNIT_EXPECT_EQ(test, atomic_read(&t1->fired), 1);	/* not for the dropped arming */
	KUNIT_EXPECT_EQ(test, atomic_read(&t2->fired), 1);
	KUNIT_EXPECT_FALSE(test, NdisCancelTimerObject(t1->timer));
	NdisFreeTimerObject(t1->timer);
	rcu_barrier();
	KUNIT_EXPECT_TRUE(test, tm_refs_settle(armings, released + 2));
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void forgotten_timer_is_reclaimed_at_deregistration(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "tm-p-leak");
	NDIS_TIMER_CHARACTERISTICS c;
	struct tm_ctx ctx;
	NDIS_HANDLE stale;
	struct tmo *t;
	int fired;

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	t = tm_new(test, fp->handle, &ctx);
	NdisSetTimerObject(t->timer, tm_in_ms(1), 5, NULL);
	KUNIT_ASSERT_TRUE(test, tm_wait_fired(t, 2));
	stale = fp->handle;
	ndis_fake_protocol_deregister(fp);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisFreeTimerObject");
	KUNIT_EXPECT_EQ(test, atomic_read(&t->inside), 0);
	fired = atomic_read(&t->fired);
	msleep(40);
	KUNIT_EXPECT_EQ(test, atomic_read(&t->fired), fired);
	/* The timer's handle died with it, and so did the driver's. */
	KUNIT_EXPECT_FALSE(test, NdisCancelTimerObject(t->timer));
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	tm_chars(&c, &ctx);
	KUNIT_EXPECT_EQ(test, NdisAllocateTimerObject(stale, &c, &t->timer),
			NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
}

static struct kunit_case ndis_timer_cases[] = {
	KUNIT_CASE(one_shot_fires_once_at_dispatch),
	KUNIT_CASE(set_moves_an_armed_timer),
	KUNIT_CASE(absolute_due_time_is_a_system_time),
	KUNIT_CASE(never_fires_before_its_due_time),
	KUNIT_CASE(set_from_a_periodic_function_replaces_the_period),
	KUNIT_CASE(cancel_disarms_and_says_whether_it_did),
	KUNIT_CASE(periodic_runs_until_cancelled_and_cancel_waits),
	KUNIT_CASE(periodic_cancel_at_dispatch_is_reported_and_stops),
	KUNIT_CASE(free_from_its_own_function),
	KUNIT_CASE(bad_arguments_are_reported),
	KUNIT_CASE(cancel_and_set_race_with_firing),
	KUNIT_CASE(periodic_cancel_keeps_a_set_made_during_its_wait),
	KUNIT_CASE(arming_references_are_released),
	KUNIT_CASE(cancel_of_a_timer_set_from_its_function_lets_go_at_once),
	KUNIT_CASE(forgotten_timer_is_reclaimed_at_deregistration),
	{}
};

static struct kunit_suite ndis_timer_suite = {
	.name = "ndis_timer",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_timer_cases,
};

kunit_test_suite(ndis_timer_suite);
