// SPDX-License-Identifier: GPL-2.0
/*
 * ndisprot.ko: the module, its misc device /dev/ndisprot and the
 * read-only /sys/class/misc/ndisprot/stats (one line per bound adapter).
 */
#include <linux/miscdevice.h>
#include <linux/module.h>

#include "ndisprot.h"

DEFINE_MUTEX(ndisprot_lock);		/* ndisprot_ports; attaching to a port */
LIST_HEAD(ndisprot_ports);
NDIS_HANDLE ndisprot_handle;
NDIS_HANDLE ndisprot_nbl_pool;

static ssize_t stats_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct ndisprot_port *port;
	struct ndisprot_file *f;
	unsigned int files;
	int n = 0;

	mutex_lock(&ndisprot_lock);
	list_for_each_entry(port, &ndisprot_ports, node) {
		files = 0;
		spin_lock_bh(&port->lock);
		list_for_each_entry(f, &port->files, node)
			files++;
		spin_unlock_bh(&port->lock);
		n += sysfs_emit_at(buf, n, "%s files=%u rx_frames=%lld rx_dropped=%lld",
				   port->name, files, atomic64_read(&port->rx_frames),
				   atomic64_read(&port->rx_dropped));
		n += sysfs_emit_at(buf, n, " tx_frames=%lld tx_errors=%lld\n",
				   atomic64_read(&port->tx_frames),
				   atomic64_read(&port->tx_errors));
	}
	mutex_unlock(&ndisprot_lock);
	return n;
}
static DEVICE_ATTR_RO(stats);

static struct attribute *ndisprot_attrs[] = {
	&dev_attr_stats.attr,
	NULL,
};
ATTRIBUTE_GROUPS(ndisprot);

static struct miscdevice ndisprot_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "ndisprot",
	.fops = &ndisprot_fops,
	.groups = ndisprot_groups,
	.mode = 0600,
};

static int __init ndisprot_init(void)
{
	NET_BUFFER_LIST_POOL_PARAMETERS pool = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_DEFAULT,
						  NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1,
						  sizeof(pool)),
		.fAllocateNetBuffer = TRUE,
	};
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS chars;
	NDIS_STATUS status;
	int err;

	ndisprot_chars(&chars);
	status = NdisRegisterProtocolDriver(NULL, &chars, &ndisprot_handle);
	if (status != NDIS_STATUS_SUCCESS) {
		pr_err("protocol registration failed: 0x%08x\n", status);
		return -ENODEV;
	}
	ndisprot_nbl_pool = NdisAllocateNetBufferListPool(ndisprot_handle, &pool);
	err = -ENOMEM;
	if (!ndisprot_nbl_pool)
		goto err_pool;
	err = misc_register(&ndisprot_misc);
	if (err)
		goto err_misc;
	return 0;

err_misc:
	NdisFreeNetBufferListPool(ndisprot_nbl_pool);
err_pool:
	NdisDeregisterProtocolDriver(ndisprot_handle);
	return err;
}

static void __exit ndisprot_exit(void)
{
	/*
	 * No file is open (each holds the module), but frames a closed file
	 * left in flight may be: unbinding waits for their completions, the
	 * last of which frees the file, before NdisDeregisterProtocolDriver
	 * returns.
	 */
	misc_deregister(&ndisprot_misc);
	NdisDeregisterProtocolDriver(ndisprot_handle);
	NdisFreeNetBufferListPool(ndisprot_nbl_pool);
}

module_init(ndisprot_init);
module_exit(ndisprot_exit);

MODULE_DESCRIPTION("ndis: raw Ethernet frames for user space through /dev/ndisprot");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS("NDIS");
