// SPDX-License-Identifier: GPL-2.0
/*
 * unbind: how long NdisUnbindAdapter takes to return when the protocol's
 * unbind handler sleeps a second (ours), against a handler that returns at
 * once (theirs), called from process context and from a timer (softirq).
 * NdisUnbindAdapter must only queue the unbind, so the two should match.
 *
 *   unbind ROUNDS REPS PREFIX FIRST COUNT
 *
 * Each block registers one protocol, slow or fast, on the COUNT adapters
 * PREFIX<FIRST>.., waits until every binding runs, times one
 * NdisUnbindAdapter per binding, then waits for every unbind handler to
 * finish and deregisters the protocol, so that nothing of one block is
 * left in the next. Each round runs REPS blocks of each protocol in each
 * context, alternating which goes first; the figure is the median call.
 */
#include <linux/interrupt.h>
#include <linux/ktime.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/timer.h>

#include "kbench.h"

#define NDIS_KBENCH_UNBIND_SLOW_MS	1000
#define NDIS_KBENCH_UNBIND_MAX		16	/* adapters */
#define NDIS_KBENCH_UNBIND_REPS_MAX	16

static const char *const ndis_kbench_unbind_ctx[] = { "process", "softirq" };

/* One block's calls; a timer makes them too, so they live here. */
static struct {
	NDIS_HANDLE handles[NDIS_KBENCH_UNBIND_MAX];
	NDIS_STATUS status[NDIS_KBENCH_UNBIND_MAX];
	u64 ns[NDIS_KBENCH_UNBIND_MAX];
	unsigned int n;
	bool in_softirq;
	struct timer_list timer;
	struct completion done;
} ndis_kbench_ub;

/* One side's calls over a round, in ns. */
struct ndis_kbench_unbind_side {
	u64 ns[NDIS_KBENCH_UNBIND_MAX * NDIS_KBENCH_UNBIND_REPS_MAX];
	unsigned int n;
};

static void ndis_kbench_unbind_calls(void)
{
	unsigned int i;
	u64 t0;

	for (i = 0; i < ndis_kbench_ub.n; i++) {
		t0 = ktime_get_ns();
		ndis_kbench_ub.status[i] = NdisUnbindAdapter(ndis_kbench_ub.handles[i]);
		ndis_kbench_ub.ns[i] = ktime_get_ns() - t0;
	}
}

static void ndis_kbench_unbind_timer(struct timer_list *t)
{
	ndis_kbench_ub.in_softirq = in_serving_softirq();
	ndis_kbench_unbind_calls();
	complete(&ndis_kbench_ub.done);
}

/* The calls from a timer callback, waited for. */
static int ndis_kbench_unbind_softirq(void)
{
	long left;

	reinit_completion(&ndis_kbench_ub.done);
	mod_timer(&ndis_kbench_ub.timer, jiffies + 1);
	left = wait_for_completion_interruptible_timeout(&ndis_kbench_ub.done,
							 ndis_kbench_timeout_s * HZ);
	if (left <= 0) {
		timer_delete_sync(&ndis_kbench_ub.timer);
		return ndis_kbench_waited("unbind", "the timer's NdisUnbindAdapter calls", left);
	}
	if (!ndis_kbench_ub.in_softirq) {
		ndis_kbench_error("unbind", "the timer callback did not run in a softirq");
		return -EINVAL;
	}
	return 0;
}

/* Handles of @p's bindings into ndis_kbench_ub. */
static int ndis_kbench_unbind_collect(struct ndis_kbench_proto *p, unsigned int count)
{
	struct ndis_kbench_binding *b;

	ndis_kbench_ub.n = 0;
	spin_lock_bh(&p->lock);
	list_for_each_entry(b, &p->bindings, node)
		if (ndis_kbench_ub.n < NDIS_KBENCH_UNBIND_MAX)
			ndis_kbench_ub.handles[ndis_kbench_ub.n++] = b->handle;
	spin_unlock_bh(&p->lock);
	if (ndis_kbench_ub.n == count)
		return 0;
	ndis_kbench_error("unbind", "%s has %u bindings, not %u", p->name, ndis_kbench_ub.n,
			  count);
	return -EINVAL;
}

/* One block: bind, time the calls, wait for every unbind, deregister. */
static int ndis_kbench_unbind_block(bool slow, bool softirq, const char *prefix, u32 first,
				    u32 count, struct ndis_kbench_unbind_side *side)
{
	struct ndis_kbench_proto *p;
	unsigned int i;
	int err, err2;

	p = ndis_kbench_proto_init(0, slow ? "ndis_kbench_slow" : "ndis_kbench_fast");
	strscpy(p->prefix, prefix, sizeof(p->prefix));
	p->first = first;
	p->count = count;
	p->unbind_sleep_ms = slow ? NDIS_KBENCH_UNBIND_SLOW_MS : 0;
	err = ndis_kbench_proto_register("unbind", p);
	if (!err)
		err = ndis_kbench_wait_running("unbind", 0, 1, count);
	if (!err)
		err = ndis_kbench_unbind_collect(p, count);
	if (!err) {
		if (softirq)
			err = ndis_kbench_unbind_softirq();
		else
			ndis_kbench_unbind_calls();
	}
	for (i = 0; !err && i < ndis_kbench_ub.n; i++) {
		if (ndis_kbench_ub.status[i] != NDIS_STATUS_SUCCESS) {
			ndis_kbench_error("unbind", "NdisUnbindAdapter: 0x%08x",
					  ndis_kbench_ub.status[i]);
			err = -EIO;
		}
		side->ns[side->n++] = ndis_kbench_ub.ns[i];
	}
	/* Every handler (a second each for the slow one) ends before the next block. */
	if (!err)
		err = ndis_kbench_wait("unbind", atomic_read(&p->unbinds) == count,
				       "the unbind handlers to finish");
	err2 = ndis_kbench_deregister_all("unbind");
	return err ?: err2;
}

static int ndis_kbench_unbind_cmp(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

static u64 ndis_kbench_unbind_median(struct ndis_kbench_unbind_side *s, u64 *mean, u64 *max)
{
	u64 sum = 0;
	unsigned int i;

	sort(s->ns, s->n, sizeof(s->ns[0]), ndis_kbench_unbind_cmp, NULL);
	for (i = 0; i < s->n; i++)
		sum += s->ns[i];
	*mean = div_u64(sum, s->n);
	*max = s->ns[s->n - 1];
	return s->n % 2 ? s->ns[s->n / 2] : (s->ns[s->n / 2 - 1] + s->ns[s->n / 2]) / 2;
}

static int ndis_kbench_unbind_round(unsigned int round, unsigned int reps, bool softirq,
				    const char *prefix, u32 first, u32 count,
				    struct ndis_kbench_unbind_side *slow,
				    struct ndis_kbench_unbind_side *fast)
{
	u64 ours, theirs, mean_o, mean_t, max_o, max_t;
	unsigned int rep;
	int err = 0;

	slow->n = 0;
	fast->n = 0;
	for (rep = 0; rep < reps && !err; rep++) {
		/* Alternate which goes first, so that neither always follows the other. */
		err = ndis_kbench_unbind_block(rep % 2, softirq, prefix, first, count,
					       rep % 2 ? slow : fast);
		if (!err)
			err = ndis_kbench_unbind_block(!(rep % 2), softirq, prefix, first, count,
						       rep % 2 ? fast : slow);
	}
	if (err)
		return err;
	ours = ndis_kbench_unbind_median(slow, &mean_o, &max_o);
	theirs = ndis_kbench_unbind_median(fast, &mean_t, &max_t) ?: 1;
	ndis_kbench_report("unbind", ndis_kbench_unbind_ctx[softirq], count, round,
			   ours * 10000, theirs * 10000,
			   " calls=%u mean_ours=%llu mean_theirs=%llu max_ours=%llu max_theirs=%llu unit=ns",
			   slow->n, mean_o, mean_t, max_o, max_t);
	return 0;
}

static int ndis_kbench_unbind_rounds(unsigned int rounds, unsigned int reps, const char *prefix,
				     u32 first, u32 count, struct ndis_kbench_unbind_side *slow,
				     struct ndis_kbench_unbind_side *fast)
{
	unsigned int r, softirq;
	int err = 0;

	/* Untimed: each path runs once before anything counts (TCG translates on first use). */
	for (softirq = 0; softirq <= 1 && !err; softirq++) {
		fast->n = 0;
		err = ndis_kbench_unbind_block(false, softirq, prefix, first, count, fast);
	}
	for (r = 1; r <= rounds && !err; r++)
		for (softirq = 0; softirq <= 1 && !err; softirq++)
			err = ndis_kbench_unbind_round(r, reps, softirq, prefix, first, count,
						       slow, fast);
	return err;
}

/**
 * ndis_kbench_unbind_run() - the unbind measure
 * @args: "ROUNDS REPS PREFIX FIRST COUNT"
 *
 * Return: 0, or a negative errno after an error line.
 */
int ndis_kbench_unbind_run(const char *args)
{
	struct ndis_kbench_unbind_side *slow, *fast;
	char prefix[NDIS_KBENCH_NAME_MAX];
	unsigned int rounds, reps;
	u32 first, count;
	int err;

	if (sscanf(args, "%u %u %31s %u %u", &rounds, &reps, prefix, &first, &count) != 5 ||
	    !rounds || !reps || reps > NDIS_KBENCH_UNBIND_REPS_MAX || !count ||
	    count > NDIS_KBENCH_UNBIND_MAX) {
		ndis_kbench_error("unbind",
				  "usage: unbind ROUNDS REPS(1-%u) PREFIX FIRST COUNT(1-%u)",
				  NDIS_KBENCH_UNBIND_REPS_MAX, NDIS_KBENCH_UNBIND_MAX);
		return -EINVAL;
	}
	slow = kzalloc(sizeof(*slow), GFP_KERNEL);
	fast = kzalloc(sizeof(*fast), GFP_KERNEL);
	if (slow && fast) {
		timer_setup(&ndis_kbench_ub.timer, ndis_kbench_unbind_timer, 0);
		init_completion(&ndis_kbench_ub.done);
		err = ndis_kbench_unbind_rounds(rounds, reps, prefix, first, count, slow, fast);
	} else {
		err = -ENOMEM;
	}
	kfree(slow);
	kfree(fast);
	return err;
}
