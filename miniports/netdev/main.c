// SPDX-License-Identifier: GPL-2.0
/*
 * ndis_netdev.ko: the module ladder and the netdev notifier.
 *
 * The notifier runs under RTNL and never calls into NDIS: it allocates or
 * unlinks ports and queues their work on one ordered workqueue (see
 * netdev.h). Registering the notifier replays NETDEV_REGISTER for every
 * device present, in every network namespace, and unregistering it replays
 * NETDEV_UNREGISTER: that is the scan at load and the cleanup at unload.
 */
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/net_namespace.h>

#include "netdev.h"

static char *devices;
module_param(devices, charp, 0444);
MODULE_PARM_DESC(devices,
		 "comma-separated interface names to expose (default: every Ethernet device)");

NDIS_HANDLE ndis_netdev_driver;
static struct workqueue_struct *ndis_netdev_wq;
/* Ports of the devices we follow, under RTNL. */
static LIST_HEAD(ndis_netdev_ports);

/* Name retries: "nd-eth0", then "nd-eth0-1" .. "nd-eth0-9". */
#define NDIS_NETDEV_NAME_TRIES	10

/* Whether @name is in the devices= list (every name if the list is empty). */
static bool ndis_netdev_listed(const char *name)
{
	size_t len = strlen(name);
	const char *p, *end;

	if (!devices || !*devices)
		return true;
	for (p = devices; *p; p = *end ? end + 1 : end) {
		end = strchrnul(p, ',');
		if (end - p == len && !strncmp(p, name, len))
			return true;
	}
	return false;
}

/*
 * Ethernet devices of the initial network namespace, loopback excepted.
 * NDIS adapters are host-wide (one registry, /sys/kernel/ndis, a global
 * /dev/ndisprot), so a device in another namespace is not exposed: its
 * name could collide with ours, and its frames are that namespace's. A
 * device moved out loses its adapter; moved back, it gets one again.
 * Under RTNL.
 */
static bool ndis_netdev_wanted(struct net_device *dev)
{
	return net_eq(dev_net(dev), &init_net) && dev->type == ARPHRD_ETHER &&
	       dev->addr_len == ETH_ALEN && !(dev->flags & IFF_LOOPBACK) &&
	       ndis_netdev_listed(dev->name);
}

static struct ndis_netdev_port *ndis_netdev_port_find(struct net_device *dev)
{
	struct ndis_netdev_port *port;

	ASSERT_RTNL();
	list_for_each_entry(port, &ndis_netdev_ports, node)
		if (port->dev == dev)
			return port;
	return NULL;
}

static void ndis_netdev_add_work(struct work_struct *work)
{
	struct ndis_netdev_port *port = container_of(work, struct ndis_netdev_port, add_work);
	NDIS_STATUS status = NDIS_STATUS_RESOURCE_CONFLICT;
	NDIS_HANDLE handle;
	unsigned int i;

	if (READ_ONCE(port->removed))
		return;		/* gone before we got to it */
	for (i = 0; i < NDIS_NETDEV_NAME_TRIES && status == NDIS_STATUS_RESOURCE_CONFLICT; i++) {
		if (i)
			snprintf(port->name, sizeof(port->name), "nd-%s-%u", port->ifname, i);
		else
			snprintf(port->name, sizeof(port->name), "nd-%s", port->ifname);
		status = ndis_miniport_add_adapter(ndis_netdev_driver, port->name, port, &handle);
	}
	if (status == NDIS_STATUS_ADAPTER_REMOVED)
		return;		/* the device left while it started */
	if (status != NDIS_STATUS_SUCCESS) {
		pr_warn("%s: no adapter: 0x%08x\n", port->ifname, status);
		return;
	}
	port->added = true;
	pr_debug("%s: adapter added\n", port->name);
}

static void ndis_netdev_remove_work(struct work_struct *work)
{
	struct ndis_netdev_port *port = container_of(work, struct ndis_netdev_port, remove_work);

	/* The device going away is a surprise; at unload, rename or netns move it stays. */
	if (port->added && port->dead)
		ndis_miniport_surprise_remove_adapter(port->handle);
	else if (port->added)
		ndis_miniport_remove_adapter(port->handle);
	/* Halted: no tap, no send, no receive refers to the port any more. */
	ndis_netdev_traffic_free(port);
	kfree(port);
}

static void ndis_netdev_register(struct net_device *dev)
{
	struct ndis_netdev_port *port;

	if (!ndis_netdev_wanted(dev) || ndis_netdev_port_find(dev))
		return;
	port = kzalloc(sizeof(*port), GFP_KERNEL);
	if (!port || ndis_netdev_traffic_alloc(port)) {
		kfree(port);
		netdev_warn(dev, "no memory for an NDIS adapter\n");
		return;
	}
	port->dev = dev;
	netdev_hold(dev, &port->dev_tracker, GFP_KERNEL);
	strscpy(port->ifname, dev->name, sizeof(port->ifname));
	init_waitqueue_head(&port->drain_wq);
	init_llist_head(&port->tx_done);
	INIT_WORK(&port->tx_done_work, ndis_netdev_tx_done_work);
	INIT_WORK(&port->add_work, ndis_netdev_add_work);
	INIT_WORK(&port->sync_work, ndis_netdev_sync_work);
	INIT_WORK(&port->remove_work, ndis_netdev_remove_work);
	list_add_tail(&port->node, &ndis_netdev_ports);
	queue_work(ndis_netdev_wq, &port->add_work);
}

/*
 * The device leaves (or we do): stop receiving now, refuse sends from now
 * on, let go of the device, and let the work remove the adapter.
 */
static void ndis_netdev_unregister(struct net_device *dev)
{
	struct ndis_netdev_port *port = ndis_netdev_port_find(dev);

	if (!port)
		return;
	list_del(&port->node);
	WRITE_ONCE(port->removed, true);
	port->dead = dev->reg_state == NETREG_UNREGISTERING;
	if (port->tap_on) {
		dev_remove_pack(&port->tap);	/* waits for running taps */
		port->tap_on = false;
	} else {
		synchronize_net();
	}
	/*
	 * Let go of the device here, under this RTNL, in every case. A dying
	 * device waits for our reference before its driver frees the frames
	 * still in its rings, and the adapter's pause waits for those frames:
	 * holding on until Halt would deadlock. A netns move flushes the
	 * device's address lists right after this notifier, and a later user
	 * may add the same addresses: what we set goes back now, not later.
	 * Every other user of port->dev checks @removed under RTNL, or runs in
	 * the send path's RCU section, which the grace period above waited out.
	 */
	if (!port->dead)
		ndis_netdev_filter_restore(port);
	netdev_put(port->dev, &port->dev_tracker);
	queue_work(ndis_netdev_wq, &port->remove_work);
}

static int ndis_netdev_event(struct notifier_block *nb, unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct ndis_netdev_port *port;

	switch (event) {
	case NETDEV_REGISTER:
		ndis_netdev_register(dev);
		break;
	case NETDEV_CHANGENAME:
		/*
		 * The adapter follows its device's name: it is removed under the
		 * old name and added under the new one (if devices= lists it), as
		 * for a netns move. Protocols see an unbind and a bind; the device
		 * is down while it is renamed anyway.
		 */
		ndis_netdev_unregister(dev);
		ndis_netdev_register(dev);
		break;
	case NETDEV_UNREGISTER:
		ndis_netdev_unregister(dev);
		break;
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
	case NETDEV_CHANGEMTU:
	case NETDEV_CHANGEADDR:
		port = ndis_netdev_port_find(dev);
		if (port)
			queue_work(ndis_netdev_wq, &port->sync_work);
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block ndis_netdev_notifier = {
	.notifier_call = ndis_netdev_event,
};

static int __init ndis_netdev_init(void)
{
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;
	NDIS_STATUS status;
	int err = -ENOMEM;

	ndis_netdev_chars(&chars);
	status = NdisMRegisterMiniportDriver(NULL, NULL, NULL, &chars, &ndis_netdev_driver);
	if (status != NDIS_STATUS_SUCCESS) {
		pr_err("miniport registration failed: 0x%08x\n", status);
		return -ENODEV;
	}
	/* The init ladder mirrors the exit ladder below, step for step. */
	ndis_netdev_debugfs_init();
	ndis_netdev_wq = alloc_ordered_workqueue("ndis_netdev", 0);
	if (!ndis_netdev_wq)
		goto err_debugfs;
	/* Replays NETDEV_REGISTER for the devices present (and undoes that on failure). */
	err = register_netdevice_notifier(&ndis_netdev_notifier);
	if (err)
		goto err_wq;
	return 0;

err_wq:
	destroy_workqueue(ndis_netdev_wq);
err_debugfs:
	ndis_netdev_debugfs_exit();
	NdisMDeregisterMiniportDriver(ndis_netdev_driver);
	return err;
}

static void __exit ndis_netdev_exit(void)
{
	/* Replays NETDEV_UNREGISTER: every port is unlinked, its removal queued. */
	unregister_netdevice_notifier(&ndis_netdev_notifier);
	destroy_workqueue(ndis_netdev_wq);	/* runs them all */
	ndis_netdev_debugfs_exit();
	NdisMDeregisterMiniportDriver(ndis_netdev_driver);
}

module_init(ndis_netdev_init);
module_exit(ndis_netdev_exit);

MODULE_DESCRIPTION("NDIS miniport exposing Linux Ethernet devices as NDIS adapters");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS("NDIS");
MODULE_IMPORT_NS("NDIS_LINUX");
