// SPDX-License-Identifier: GPL-2.0
/*
 * Traffic counters. Every frame counts its bytes and destination type, so
 * these are per CPU: the data path writes no cache line another CPU
 * writes too. Readers (debugfs, OID_GEN_STATISTICS) add them up. The rare
 * counters (drops, errors) stay shared atomics in struct ndis_netdev_stats.
 */
#include <linux/percpu.h>

#include "netdev.h"

/**
 * ndis_netdev_traffic_alloc() - the per-CPU counters of a new port
 * @port: the port
 *
 * Context: process context.
 * Return: 0, or -ENOMEM.
 */
int ndis_netdev_traffic_alloc(struct ndis_netdev_port *port)
{
	int cpu;

	port->traffic = alloc_percpu(struct ndis_netdev_traffic);
	if (!port->traffic)
		return -ENOMEM;
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(port->traffic, cpu)->syncp);
	return 0;
}

/**
 * ndis_netdev_traffic_free() - free a port's per-CPU counters
 * @port: the port, which nothing counts on any more
 */
void ndis_netdev_traffic_free(struct ndis_netdev_port *port)
{
	free_percpu(port->traffic);
	port->traffic = NULL;
}

/**
 * ndis_netdev_traffic_read() - the sums of a port's per-CPU counters
 * @port: the port
 * @sum: where they go
 *
 * Context: any.
 */
void ndis_netdev_traffic_read(struct ndis_netdev_port *port, struct ndis_netdev_traffic_sum *sum)
{
	const struct ndis_netdev_traffic *t;
	unsigned int start;
	int cpu, dir, cast;
	u64 frames, octets, lent, segmented;

	memset(sum, 0, sizeof(*sum));
	for_each_possible_cpu(cpu) {
		t = per_cpu_ptr(port->traffic, cpu);
		for (dir = 0; dir < NDIS_NETDEV_DIRS; dir++) {
			for (cast = 0; cast < NDIS_NETDEV_CASTS; cast++) {
				do {
					start = u64_stats_fetch_begin(&t->syncp);
					frames = u64_stats_read(&t->frames[dir][cast]);
					octets = u64_stats_read(&t->octets[dir][cast]);
				} while (u64_stats_fetch_retry(&t->syncp, start));
				sum->frames[dir][cast] += frames;
				sum->octets[dir][cast] += octets;
			}
		}
		do {
			start = u64_stats_fetch_begin(&t->syncp);
			lent = u64_stats_read(&t->tx_lent);
			segmented = u64_stats_read(&t->rx_segmented);
		} while (u64_stats_fetch_retry(&t->syncp, start));
		sum->tx_lent += lent;
		sum->rx_segmented += segmented;
	}
}
