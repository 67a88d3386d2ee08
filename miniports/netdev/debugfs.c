// SPDX-License-Identifier: GPL-2.0
/*
 * Read-only counters in debugfs: /sys/kernel/debug/ndis_netdev/<adapter>/stats,
 * one "name value" line each. Created at Initialize, removed at Halt
 * (debugfs waits for readers), the root at module exit.
 */
#include <linux/debugfs.h>
#include <linux/seq_file.h>

#include "netdev.h"

static struct dentry *ndis_netdev_debugfs_root;

static int ndis_netdev_stats_show(struct seq_file *m, void *unused)
{
	struct ndis_netdev_port *port = m->private;
	struct ndis_netdev_stats *st = &port->stats;
	struct ndis_netdev_traffic_sum t;

	ndis_netdev_traffic_read(port, &t);

	seq_printf(m, "running %d\n", READ_ONCE(port->running));
	seq_printf(m, "removed %d\n", READ_ONCE(port->removed));
	seq_printf(m, "tx_ok %llu\n", ndis_netdev_total(t.frames[NDIS_NETDEV_TX]));
	seq_printf(m, "tx_octets %llu\n", ndis_netdev_total(t.octets[NDIS_NETDEV_TX]));
	seq_printf(m, "tx_dropped %lld\n", atomic64_read(&st->tx_dropped));
	seq_printf(m, "tx_errors %lld\n", atomic64_read(&st->tx_errors));
	seq_printf(m, "tx_lent %llu\n", t.tx_lent);
	seq_printf(m, "tx_outstanding %d\n", atomic_read(&port->tx_pending));
	/* Sends whose frames are all consumed and the work due to complete them. */
	seq_printf(m, "tx_done_queued %d\n", !llist_empty(&port->tx_done));
	seq_printf(m, "tx_done_work_pending %d\n", work_pending(&port->tx_done_work));
	seq_printf(m, "rx_indicated %llu\n", ndis_netdev_total(t.frames[NDIS_NETDEV_RX]));
	seq_printf(m, "rx_octets %llu\n", ndis_netdev_total(t.octets[NDIS_NETDEV_RX]));
	seq_printf(m, "rx_segmented %llu\n", t.rx_segmented);
	seq_printf(m, "rx_lent %lld\n", atomic64_read(&st->rx_lent));
	seq_printf(m, "rx_dropped %lld\n", atomic64_read(&st->rx_dropped));
	seq_printf(m, "rx_outstanding %d\n", atomic_read(&port->rx_outstanding));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(ndis_netdev_stats);

/**
 * ndis_netdev_debugfs_init() - create /sys/kernel/debug/ndis_netdev
 *
 * Failure only costs the counters' visibility, so it is not reported.
 *
 * Context: module init.
 */
void ndis_netdev_debugfs_init(void)
{
	ndis_netdev_debugfs_root = debugfs_create_dir(KBUILD_MODNAME, NULL);
}

/**
 * ndis_netdev_debugfs_exit() - remove /sys/kernel/debug/ndis_netdev
 *
 * Context: module exit, after every adapter halted.
 */
void ndis_netdev_debugfs_exit(void)
{
	debugfs_remove_recursive(ndis_netdev_debugfs_root);
	ndis_netdev_debugfs_root = NULL;
}

/**
 * ndis_netdev_debugfs_add() - the counters of one adapter
 * @port: the port, named already
 *
 * Context: process context, from MiniportInitializeEx.
 */
void ndis_netdev_debugfs_add(struct ndis_netdev_port *port)
{
	port->debugfs = debugfs_create_dir(port->name, ndis_netdev_debugfs_root);
	debugfs_create_file("stats", 0444, port->debugfs, port, &ndis_netdev_stats_fops);
}

/**
 * ndis_netdev_debugfs_del() - remove them, waiting for readers
 * @port: the port
 *
 * Context: process context, from MiniportHaltEx.
 */
void ndis_netdev_debugfs_del(struct ndis_netdev_port *port)
{
	debugfs_remove_recursive(port->debugfs);
	port->debugfs = NULL;
}
