// SPDX-License-Identifier: GPL-2.0
/*
 * How much memory the kernel has handed out, for the scale measure's bytes
 * per binding. The global counters are not enough: each CPU keeps unsynced
 * counter deltas and free pages on its own lists (hundreds of pages on a
 * small guest), which would swamp a few KiB per binding. So free pages are
 * counted per zone with every CPU's delta and per-CPU list, and slab pages
 * per node with every CPU's delta.
 */
#include <linux/cpumask.h>
#include <linux/mm.h>
#include <linux/nodemask.h>

#include "kbench.h"

static long ndis_kbench_node_pages(struct pglist_data *pgdat, enum node_stat_item item)
{
	long x = atomic_long_read(&pgdat->vm_stat[item]);
	int cpu;

	for_each_online_cpu(cpu)
		x += per_cpu_ptr(pgdat->per_cpu_nodestats, cpu)->vm_node_stat_diff[item];
	return x;
}

/**
 * ndis_kbench_mem_snapshot() - free and slab pages now
 * @m: where they go
 *
 * Lockless: the figures may be off by what changes while they are read.
 */
void ndis_kbench_mem_snapshot(struct ndis_kbench_mem *m)
{
	struct per_cpu_pages *pcp;
	struct pglist_data *pgdat;
	struct zone *zone;
	int nid, z, cpu;

	m->free = 0;
	m->slab = 0;
	for_each_online_node(nid) {
		pgdat = NODE_DATA(nid);
		/* Large kmalloc pages count as unreclaimable slab too. */
		m->slab += ndis_kbench_node_pages(pgdat, NR_SLAB_RECLAIMABLE_B) +
			   ndis_kbench_node_pages(pgdat, NR_SLAB_UNRECLAIMABLE_B);
		for (z = 0; z < MAX_NR_ZONES; z++) {
			zone = &pgdat->node_zones[z];
			if (!populated_zone(zone))
				continue;
			m->free += zone_page_state_snapshot(zone, NR_FREE_PAGES);
			for_each_online_cpu(cpu) {
				pcp = per_cpu_ptr(zone->per_cpu_pageset, cpu);
				m->free += READ_ONCE(pcp->count);
			}
		}
	}
}
