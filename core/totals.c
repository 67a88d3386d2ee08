// SPDX-License-Identifier: GPL-2.0
/*
 * Totals over the life of ndis.ko, read from /sys/kernel/ndis/totals.
 *
 * A binding's frame counters are per CPU and die with it; at its free they
 * are folded into the retired totals, so "sent" and "send_completed" still
 * balance after thousands of bind/unbind cycles. Between a binding leaving
 * its adapter's list and its RCU free, a read misses it: the totals are
 * exact only once the stack is quiet, which is when the stress tier reads
 * them.
 */
#include <linux/atomic.h>
#include <linux/mutex.h>

#include "adapter.h"
#include "binding.h"
#include "registry.h"
#include "totals.h"

static atomic64_t ndis_totals[NDIS_TOTAL_COUNT];
static atomic64_t ndis_retired[NDIS_STAT_COUNT];

static const char *const ndis_total_names[NDIS_TOTAL_COUNT] = {
	[NDIS_TOTAL_BINDINGS_MADE] = "bindings_made",
	[NDIS_TOTAL_BINDINGS_FREED] = "bindings_freed",
	[NDIS_TOTAL_OIDS_PENDED] = "oids_pended",
	[NDIS_TOTAL_OIDS_COMPLETED] = "oids_completed",
	[NDIS_TOTAL_OIDS_ABORTED] = "oids_aborted",
};

static const char *const ndis_stat_names[] = {
	[NDIS_STAT_SENT] = "sent",
	[NDIS_STAT_REFUSED] = "send_refused",
	[NDIS_STAT_COMPLETED] = "send_completed",
	[NDIS_STAT_RECEIVED] = "received",
};

void ndis_total_inc(enum ndis_total which)
{
	atomic64_inc(&ndis_totals[which]);
}

/* Sum of one per-CPU counter of a binding. */
u64 ndis_binding_stat(struct ndis_binding *b, enum ndis_binding_stat which)
{
	u64 total = 0, v;
	unsigned int start;
	int cpu;

	for_each_possible_cpu(cpu) {
		const struct ndis_binding_stats *s = per_cpu_ptr(b->stats, cpu);

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			v = u64_stats_read(&s->n[which]);
		} while (u64_stats_fetch_retry(&s->syncp, start));
		total += v;
	}
	return total;
}

/* From the binding's RCU free: nothing can count on it any more. */
void ndis_totals_retire_binding(struct ndis_binding *b)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(ndis_retired); i++)
		atomic64_add(ndis_binding_stat(b, i), &ndis_retired[i]);
	ndis_total_inc(NDIS_TOTAL_BINDINGS_FREED);
}

ssize_t ndis_totals_show(char *buf)
{
	u64 live[ARRAY_SIZE(ndis_retired)] = {};
	struct ndis_adapter *a;
	struct ndis_binding *b;
	int i, n = 0;

	mutex_lock(&ndis_registry_lock);
	list_for_each_entry(a, &ndis_adapters, node)
		list_for_each_entry(b, &a->bindings, adapter_node)
			for (i = 0; i < ARRAY_SIZE(live); i++)
				live[i] += ndis_binding_stat(b, i);
	mutex_unlock(&ndis_registry_lock);

	for (i = 0; i < NDIS_TOTAL_COUNT; i++)
		n += sysfs_emit_at(buf, n, "%s %lld\n", ndis_total_names[i],
				   atomic64_read(&ndis_totals[i]));
	for (i = 0; i < ARRAY_SIZE(live); i++)
		n += sysfs_emit_at(buf, n, "%s %llu\n", ndis_stat_names[i],
				   live[i] + atomic64_read(&ndis_retired[i]));
	return n;
}
