// SPDX-License-Identifier: GPL-2.0
/*
 * The stress tier's calls into the core through itest_proto, written to
 * /sys/kernel/debug/ndis_itest/ctl: "unbind-soft ADAPTER" has a timer
 * (softirq) call NdisUnbindAdapter on the binding to ADAPTER with the
 * protocol's spin lock held, as NDIS allows, racing whatever the binding is
 * doing then; "reenumerate" calls NdisReEnumerateProtocolBindings; "cycle
 * N [KEEP]" unbinds itest_proto from every adapter (but KEEP) and binds it
 * again, N times, far faster than a shell loop could; "flood ADAPTER N" sends N NBLs of
 * 60 bytes in chains of 64, at most 1024 in flight, waiting while the
 * binding is paused or away. The file
 * /sys/kernel/debug/ndis_itest/stress counts the calls, and the protocol's
 * NBLs still allocated (0 once every send completed).
 */
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/random.h>
#include <linux/seq_file.h>
#include <linux/timer.h>

#include "itest.h"

static struct ndis_fake_protocol *ndis_stress_fp;
static struct timer_list ndis_stress_timer;
static DEFINE_SPINLOCK(ndis_stress_lock);	/* ndis_stress_adapter */
static char ndis_stress_adapter[NDIS_FAKE_NAME];
static atomic_t ndis_stress_calls, ndis_stress_accepted, ndis_stress_unbound;
static atomic_t ndis_stress_cycles;
static atomic64_t ndis_stress_flooded;

#define NDIS_STRESS_FLOOD_CHAIN		64U
#define NDIS_STRESS_FLOOD_IN_FLIGHT	1024

static int ndis_stress_flood(const char *adapter, unsigned int n)
{
	struct ndis_fake_protocol *fp = ndis_stress_fp;
	unsigned long deadline = jiffies + 30 * HZ;
	unsigned int chunk;
	int err;

	while (n) {
		if (time_after(jiffies, deadline))
			return -ETIMEDOUT;
		if (signal_pending(current))
			return -EINTR;
		if (atomic_read(&fp->nbls_live) >= NDIS_STRESS_FLOOD_IN_FLIGHT) {
			usleep_range(500, 1000);
			continue;
		}
		chunk = min(n, NDIS_STRESS_FLOOD_CHAIN);
		err = ndis_fake_send(fp, adapter, chunk, 1, NULL);
		if (err == -ENODEV) {	/* paused or unbound: wait for the rebind */
			usleep_range(1000, 2000);
			continue;
		}
		if (err)
			return err;
		atomic64_add(chunk, &ndis_stress_flooded);
		n -= chunk;
		cond_resched();
	}
	return 0;
}

/*
 * The opens of @fp but the one to @keep; with @unbind, NdisUnbindAdapter on
 * each (the unbinds run later).
 */
static int ndis_stress_others(struct ndis_fake_protocol *fp, const char *keep, bool unbind)
{
	struct ndis_fake_open *open;
	NDIS_HANDLE h;
	int n = 0;

	spin_lock_bh(&fp->lock);
	list_for_each_entry(open, &fp->opens, node) {
		if (!strcmp(open->adapter, keep))
			continue;
		n++;
		h = READ_ONCE(open->binding);
		if (unbind && h)
			NdisUnbindAdapter(h);
	}
	spin_unlock_bh(&fp->lock);
	return n;
}

/* Which opens a cycle waited for in vain, and how far each got. */
static void ndis_stress_report_stuck(struct ndis_fake_protocol *fp, const char *keep,
				     unsigned int round)
{
	struct ndis_fake_open *open;

	spin_lock_bh(&fp->lock);
	list_for_each_entry(open, &fp->opens, node)
		if (strcmp(open->adapter, keep))
			pr_err("cycle %u: still open: %s (handle %s, unbinding %d, sending %u)\n",
			       round, open->adapter, open->binding ? "set" : "none",
			       open->unbinding, open->sending);
	spin_unlock_bh(&fp->lock);
}

/*
 * Up to 180 s for @fp to have no open left but @keep's; PASSIVE_LEVEL.
 * Opens that were still opening at the first call, or that others bind
 * meanwhile, are unbound by the next. An unbind drains the binding's sends
 * first, and with ndis_vmini's send delay a full ndisprot window takes
 * seconds; it also waits its turn behind the adapter's other operations
 * (binds whose OIDs wait for RTNL while ndis_netdev is removed, power
 * changes). A binding that is never unbound at all (as when a power change
 * cancelled the unbind queued behind it, fixed in core/adapter.c) fails it.
 */
static int ndis_stress_unbind_all_wait(struct ndis_fake_protocol *fp, const char *keep)
{
	unsigned long deadline = jiffies + 180 * HZ;
	unsigned int i;

	for (i = 0; ndis_stress_others(fp, keep, i % 10 == 0); i++) {
		if (time_after(jiffies, deadline))
			return -ETIMEDOUT;
		if (signal_pending(current))
			return -EINTR;
		usleep_range(1000, 2000);
	}
	return 0;
}

static int ndis_stress_cycle(unsigned int n, const char *keep)
{
	struct ndis_fake_protocol *fp = ndis_stress_fp;
	unsigned int i;
	int err;

	for (i = 0; i < n; i++) {
		err = ndis_stress_unbind_all_wait(fp, keep);
		if (err) {
			ndis_stress_report_stuck(fp, keep, i);
			return err;
		}
		NdisReEnumerateProtocolBindings(fp->handle);
		atomic_inc(&ndis_stress_cycles);
		msleep(20);	/* let some binds finish before the next unbinds */
	}
	return 0;
}

static void ndis_stress_unbind_timer(struct timer_list *t)
{
	struct ndis_fake_protocol *fp = ndis_stress_fp;
	char name[NDIS_FAKE_NAME];
	struct ndis_fake_open *open;
	bool found = false;
	NDIS_HANDLE h;

	spin_lock(&ndis_stress_lock);
	strscpy(name, ndis_stress_adapter, sizeof(name));
	spin_unlock(&ndis_stress_lock);

	/* While @open is listed its handle is live: the unbind unlists it first. */
	spin_lock(&fp->lock);
	list_for_each_entry(open, &fp->opens, node) {
		h = READ_ONCE(open->binding);
		if (strcmp(open->adapter, name) || !h)
			continue;
		found = true;
		atomic_inc(&ndis_stress_calls);
		if (NdisUnbindAdapter(h) == NDIS_STATUS_SUCCESS)
			atomic_inc(&ndis_stress_accepted);
	}
	spin_unlock(&fp->lock);
	if (!found)
		atomic_inc(&ndis_stress_unbound);
}

/**
 * ndis_itest_stress_ctl() - run one stress command written to the ctl file
 * @buf: the command, NUL-terminated
 *
 * Return: 0; -EBUSY when a timer is already armed; -ETIMEDOUT when a cycle's
 * unbinds did not finish within 180 s or a flood's sends did not complete
 * within 30 s (a flood also waits there for its binding to run); -EINTR on
 * a signal; -EINVAL when @buf is not a stress command.
 */
int ndis_itest_stress_ctl(const char *buf)
{
	char adapter[NDIS_FAKE_NAME] = "";
	unsigned int n;

	if (sscanf(buf, "cycle %u %31s", &n, adapter) >= 1)
		return n <= 1000 ? ndis_stress_cycle(n, adapter) : -EINVAL;
	if (sscanf(buf, "flood %31s %u", adapter, &n) == 2)
		return n <= 1000000 ? ndis_stress_flood(adapter, n) : -EINVAL;
	if (sscanf(buf, "unbind-soft %31s", adapter) == 1) {
		if (timer_pending(&ndis_stress_timer))
			return -EBUSY;
		spin_lock_bh(&ndis_stress_lock);
		strscpy(ndis_stress_adapter, adapter, sizeof(ndis_stress_adapter));
		spin_unlock_bh(&ndis_stress_lock);
		/* A little later, so the call lands in whatever the binding does next. */
		mod_timer(&ndis_stress_timer, jiffies + 1 + get_random_u32_below(HZ / 20 + 1));
		return 0;
	}
	if (sysfs_streq(buf, "reenumerate")) {
		NdisReEnumerateProtocolBindings(ndis_stress_fp->handle);
		return 0;
	}
	return -EINVAL;
}

static int ndis_stress_show(struct seq_file *m, void *unused)
{
	seq_printf(m, "unbind_soft_calls %d\nunbind_soft_accepted %d\nunbind_soft_unbound %d\n",
		   atomic_read(&ndis_stress_calls), atomic_read(&ndis_stress_accepted),
		   atomic_read(&ndis_stress_unbound));
	seq_printf(m, "cycles %d\nflooded %lld\nnbls_live %d\n", atomic_read(&ndis_stress_cycles),
		   atomic64_read(&ndis_stress_flooded), atomic_read(&ndis_stress_fp->nbls_live));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(ndis_stress);

/**
 * ndis_itest_stress_init() - set up the stress hooks of @fp
 * @fp: itest_proto, before it registers
 * @dir: ndis_itest's debugfs directory
 */
void ndis_itest_stress_init(struct ndis_fake_protocol *fp, struct dentry *dir)
{
	ndis_stress_fp = fp;
	timer_setup(&ndis_stress_timer, ndis_stress_unbind_timer, 0);
	debugfs_create_file("stress", 0400, dir, NULL, &ndis_stress_fops);
}

/**
 * ndis_itest_stress_exit() - stop the timer; after the ctl file is gone
 */
void ndis_itest_stress_exit(void)
{
	timer_delete_sync(&ndis_stress_timer);
}
