// SPDX-License-Identifier: GPL-2.0
/*
 * The fault knobs, under /sys/kernel/debug/ndis_vmini/: "fail_init" (the
 * next N initialisations fail) and one directory per device with the
 * knobs of struct ndis_vmini_knobs, "link" (0/1), "surprise_remove"
 * (write 1), "power" (0-3: D0-D3) and a read-only "stats".
 */
#include <linux/seq_file.h>

#include "vmini.h"

struct dentry *ndis_vmini_debugfs_root;

static int ndis_vmini_link_get(void *data, u64 *val)
{
	*val = READ_ONCE(((struct ndis_vmini_dev *)data)->link_up);
	return 0;
}

static int ndis_vmini_link_set(void *data, u64 val)
{
	if (val > 1)
		return -EINVAL;
	ndis_vmini_set_link(data, val);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(ndis_vmini_link_fops, ndis_vmini_link_get, ndis_vmini_link_set,
			 "%llu\n");

static int ndis_vmini_surprise_get(void *data, u64 *val)
{
	*val = READ_ONCE(((struct ndis_vmini_dev *)data)->doomed);
	return 0;
}

static int ndis_vmini_surprise_set(void *data, u64 val)
{
	if (val != 1)
		return -EINVAL;
	ndis_vmini_surprise_remove(data);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(ndis_vmini_surprise_fops, ndis_vmini_surprise_get,
			 ndis_vmini_surprise_set, "%llu\n");

/* "power": the device power state, 0 for D0 to 3 for D3, as PnP would set it. */
static int ndis_vmini_power_get(void *data, u64 *val)
{
	*val = READ_ONCE(((struct ndis_vmini_dev *)data)->power) - NdisDeviceStateD0;
	return 0;
}

static int ndis_vmini_power_set(void *data, u64 val)
{
	NDIS_DEVICE_POWER_STATE state = (NDIS_DEVICE_POWER_STATE)(NdisDeviceStateD0 + val);
	struct ndis_vmini_dev *vd = data;
	NDIS_STATUS status;

	if (val > NdisDeviceStateD3 - NdisDeviceStateD0)
		return -EINVAL;
	/* Only between the adapter's start and its removal: a live handle. */
	mutex_lock(&vd->pnp);
	if (vd->started)
		status = ndis_miniport_set_power(vd->adapter, state);
	else
		status = NDIS_STATUS_ADAPTER_NOT_READY;
	mutex_unlock(&vd->pnp);
	return status == NDIS_STATUS_ADAPTER_NOT_READY ? -ENODEV : ndis_vmini_errno(status);
}
DEFINE_DEBUGFS_ATTRIBUTE(ndis_vmini_power_fops, ndis_vmini_power_get, ndis_vmini_power_set,
			 "%llu\n");

static int ndis_vmini_stats_show(struct seq_file *m, void *unused)
{
	struct ndis_vmini_dev *vd = m->private;
	struct ndis_vmini_stats *st = &vd->stats;

	seq_printf(m, "rx_ucast %lld\nrx_mcast %lld\nrx_bcast %lld\nrx_bytes %lld\n",
		   atomic64_read(&st->rx[NDIS_VMINI_UCAST]),
		   atomic64_read(&st->rx[NDIS_VMINI_MCAST]),
		   atomic64_read(&st->rx[NDIS_VMINI_BCAST]), atomic64_read(&st->rx_bytes));
	seq_printf(m, "rx_discards %lld\nrx_filtered %lld\nrx_outstanding %d\n",
		   atomic64_read(&st->rx_discards), atomic64_read(&st->rx_filtered),
		   atomic_read(&vd->rx_out));
	seq_printf(m, "tx_ucast %lld\ntx_mcast %lld\ntx_bcast %lld\ntx_bytes %lld\n",
		   atomic64_read(&st->tx[NDIS_VMINI_UCAST]),
		   atomic64_read(&st->tx[NDIS_VMINI_MCAST]),
		   atomic64_read(&st->tx[NDIS_VMINI_BCAST]), atomic64_read(&st->tx_bytes));
	seq_printf(m, "tx_discards %lld\ntx_errors %lld\n",
		   atomic64_read(&st->tx_discards), atomic64_read(&st->tx_errors));
	seq_printf(m, "pauses %d\nrestarts %d\n", atomic_read(&vd->pauses),
		   atomic_read(&vd->restarts));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(ndis_vmini_stats);

/**
 * ndis_vmini_debugfs_add() - the knob directory of a new device
 * @vd: the device; its directory goes with debugfs_remove_recursive()
 */
void ndis_vmini_debugfs_add(struct ndis_vmini_dev *vd)
{
	struct ndis_vmini_knobs *k = &vd->knobs;
	struct dentry *d;

	d = debugfs_create_dir(vd->name, ndis_vmini_debugfs_root);
	vd->debugfs = d;
	debugfs_create_u32("oid_delay_ms", 0600, d, &k->oid_delay_ms);
	debugfs_create_u32("pause_delay_ms", 0600, d, &k->pause_delay_ms);
	debugfs_create_u32("restart_delay_ms", 0600, d, &k->restart_delay_ms);
	debugfs_create_u32("fail_restarts", 0600, d, &k->fail_restarts);
	debugfs_create_u32("send_delay_ms", 0600, d, &k->send_delay_ms);
	debugfs_create_bool("send_reorder", 0600, d, &k->send_reorder);
	debugfs_create_bool("drop_sends", 0600, d, &k->drop_sends);
	debugfs_create_u32("fail_sends", 0600, d, &k->fail_sends);
	debugfs_create_bool("rx_resources", 0600, d, &k->rx_resources);
	debugfs_create_u32("hub", 0400, d, &vd->hub);
	debugfs_create_file_unsafe("link", 0600, d, vd, &ndis_vmini_link_fops);
	debugfs_create_file_unsafe("surprise_remove", 0600, d, vd, &ndis_vmini_surprise_fops);
	debugfs_create_file_unsafe("power", 0600, d, vd, &ndis_vmini_power_fops);
	debugfs_create_file("stats", 0400, d, vd, &ndis_vmini_stats_fops);
}

/**
 * ndis_vmini_debugfs_init() - the module's debugfs root
 */
void ndis_vmini_debugfs_init(void)
{
	ndis_vmini_debugfs_root = debugfs_create_dir("ndis_vmini", NULL);
	debugfs_create_u32("fail_init", 0600, ndis_vmini_debugfs_root, &ndis_vmini_fail_init);
}

/**
 * ndis_vmini_debugfs_exit() - remove the root, after every device's
 */
void ndis_vmini_debugfs_exit(void)
{
	debugfs_remove_recursive(ndis_vmini_debugfs_root);
}
