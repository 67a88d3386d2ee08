// SPDX-License-Identifier: GPL-2.0
/*
 * ndis_vmini.ko: the module, the device registry and its user interface,
 * /sys/bus/ndis_vmini/{new_device,del_device}:
 *
 *	echo "ID [HUB]" > /sys/bus/ndis_vmini/new_device
 *	echo ID > /sys/bus/ndis_vmini/del_device
 *
 * ID is 0..65535 and names the adapter "vmini<ID>"; HUB 0 (the default)
 * is loopback mode, HUB >= 1 joins that hub.
 */
#include <linux/device.h>
#include <linux/module.h>
#include <linux/slab.h>

#include "vmini.h"

static unsigned int devices;
module_param(devices, uint, 0444);
MODULE_PARM_DESC(devices, "adapters to create at load, ids 0.. in hub 1 (default 0)");

DEFINE_MUTEX(ndis_vmini_lock);		/* ndis_vmini_devs, creation, removal */
static LIST_HEAD(ndis_vmini_devs);
static NDIS_HANDLE ndis_vmini_driver;

static void ndis_vmini_reap(struct work_struct *work);
static DECLARE_WORK(ndis_vmini_reaper, ndis_vmini_reap);

static struct ndis_vmini_dev *ndis_vmini_dev_lookup(u32 id)
{
	struct ndis_vmini_dev *vd;

	lockdep_assert_held(&ndis_vmini_lock);
	list_for_each_entry(vd, &ndis_vmini_devs, node)
		if (vd->id == id)
			return vd;
	return NULL;
}

/**
 * ndis_vmini_dev_find() - a device by id
 * @id: its id
 *
 * For the KUnit suite, which owns the devices it looks up: the pointer is
 * valid until the device is deleted.
 *
 * Context: process context.
 * Return: the device, or NULL.
 */
struct ndis_vmini_dev *ndis_vmini_dev_find(u32 id)
{
	struct ndis_vmini_dev *vd;

	mutex_lock(&ndis_vmini_lock);
	vd = ndis_vmini_dev_lookup(id);
	mutex_unlock(&ndis_vmini_lock);
	return vd;
}
EXPORT_SYMBOL_IF_KUNIT(ndis_vmini_dev_find);

/**
 * ndis_vmini_dev_new() - create a device and start its NDIS adapter
 * @id: 0..65535, unique; names the adapter "vmini<id>"
 * @hub: 0 for loopback mode, else the hub to join
 *
 * Returns once MiniportInitializeEx ran and NDIS started binding.
 *
 * Context: process context; takes ndis_vmini_lock.
 * Return: 0, -EINVAL, -EEXIST, -ENOMEM or -EIO (Initialize failed).
 */
int ndis_vmini_dev_new(u32 id, u32 hub)
{
	struct ndis_vmini_dev *vd;
	NDIS_HANDLE adapter;
	NDIS_STATUS status;
	int err = 0;

	if (id > NDIS_VMINI_MAX_ID || hub > NDIS_VMINI_MAX_ID)
		return -EINVAL;
	vd = kzalloc(sizeof(*vd), GFP_KERNEL);
	if (!vd)
		return -ENOMEM;
	vd->id = id;
	vd->hub = hub;
	snprintf(vd->name, sizeof(vd->name), "vmini%u", id);
	vd->mac[0] = 0x02;		/* locally administered, "vm" */
	vd->mac[1] = 0x76;
	vd->mac[2] = 0x6d;
	vd->mac[4] = id >> 8;
	vd->mac[5] = id & 0xff;
	ether_addr_copy(vd->cur_mac, vd->mac);
	vd->link_up = true;
	ndis_vmini_dev_init_work(vd);

	mutex_lock(&ndis_vmini_lock);
	if (ndis_vmini_dev_lookup(id)) {
		err = -EEXIST;
		goto out;
	}
	ndis_vmini_debugfs_add(vd);
	list_add_tail(&vd->node, &ndis_vmini_devs);
	status = ndis_miniport_add_adapter(ndis_vmini_driver, vd->name, vd, &adapter);
	if (status == NDIS_STATUS_SUCCESS) {
		mutex_lock(&vd->pnp);
		vd->started = true;
		mutex_unlock(&vd->pnp);
	} else {
		pr_info("%s: adapter did not start: 0x%08x\n", vd->name, status);
		list_del(&vd->node);
		debugfs_remove_recursive(vd->debugfs);
		err = ndis_vmini_errno(status);
	}
out:
	mutex_unlock(&ndis_vmini_lock);
	if (err)
		kfree(vd);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(ndis_vmini_dev_new);

/* Take @vd out of the registry and free it; its adapter is gone or goes. */
static void ndis_vmini_dev_destroy(struct ndis_vmini_dev *vd, bool surprise)
{
	lockdep_assert_held(&ndis_vmini_lock);
	list_del(&vd->node);
	mutex_lock(&vd->pnp);	/* no power change from now on */
	vd->started = false;
	mutex_unlock(&vd->pnp);
	if (READ_ONCE(vd->adapter)) {
		if (surprise)
			ndis_miniport_surprise_remove_adapter(vd->adapter);
		else
			ndis_miniport_remove_adapter(vd->adapter);
	}
	/* Waits for knob writers; none of them takes ndis_vmini_lock. */
	debugfs_remove_recursive(vd->debugfs);
	kfree(vd);
}

/**
 * ndis_vmini_dev_del() - remove a device: orderly PnP removal, then free
 * @id: its id
 *
 * Context: process context; takes ndis_vmini_lock.
 * Return: 0 or -ENODEV.
 */
int ndis_vmini_dev_del(u32 id)
{
	struct ndis_vmini_dev *vd;

	mutex_lock(&ndis_vmini_lock);
	vd = ndis_vmini_dev_lookup(id);
	if (vd)
		ndis_vmini_dev_destroy(vd, false);
	mutex_unlock(&ndis_vmini_lock);
	return vd ? 0 : -ENODEV;
}
EXPORT_SYMBOL_IF_KUNIT(ndis_vmini_dev_del);

static void ndis_vmini_reap(struct work_struct *work)
{
	struct ndis_vmini_dev *vd, *tmp;

	mutex_lock(&ndis_vmini_lock);
	list_for_each_entry_safe(vd, tmp, &ndis_vmini_devs, node)
		if (READ_ONCE(vd->doomed))
			ndis_vmini_dev_destroy(vd, true);
	mutex_unlock(&ndis_vmini_lock);
}

/**
 * ndis_vmini_surprise_remove() - pull the device out, as a hot unplug
 * @vd: the device
 *
 * The removal runs from a work item (the caller may be a knob of the
 * device itself); afterwards the device is gone from the registry.
 *
 * Context: any context up to DISPATCH_LEVEL.
 */
void ndis_vmini_surprise_remove(struct ndis_vmini_dev *vd)
{
	WRITE_ONCE(vd->doomed, true);
	schedule_work(&ndis_vmini_reaper);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_vmini_surprise_remove);

/* -- /sys/bus/ndis_vmini ----------------------------------------------------- */

static ssize_t new_device_store(ndis_compat_bus_t *bus, const char *buf, size_t count)
{
	unsigned int id, hub = 0;
	int n, err;

	n = sscanf(buf, "%u %u", &id, &hub);
	if (n < 1)
		return -EINVAL;
	err = ndis_vmini_dev_new(id, hub);
	return err ?: count;
}
static BUS_ATTR_WO(new_device);

static ssize_t del_device_store(ndis_compat_bus_t *bus, const char *buf, size_t count)
{
	unsigned int id;
	int err;

	if (kstrtouint(buf, 0, &id))
		return -EINVAL;
	err = ndis_vmini_dev_del(id);
	return err ?: count;
}
static BUS_ATTR_WO(del_device);

static struct attribute *ndis_vmini_bus_attrs[] = {
	&bus_attr_new_device.attr,
	&bus_attr_del_device.attr,
	NULL,
};
ATTRIBUTE_GROUPS(ndis_vmini_bus);

static ndis_compat_bus_t ndis_vmini_bus = {
	.name = "ndis_vmini",
	.bus_groups = ndis_vmini_bus_groups,
};

/* -- module ---------------------------------------------------------------- */

static void ndis_vmini_del_all(void)
{
	struct ndis_vmini_dev *vd, *tmp;

	mutex_lock(&ndis_vmini_lock);
	list_for_each_entry_safe(vd, tmp, &ndis_vmini_devs, node)
		ndis_vmini_dev_destroy(vd, false);
	mutex_unlock(&ndis_vmini_lock);
	/* A knob may have queued it until its directory went; none can now. */
	cancel_work_sync(&ndis_vmini_reaper);
}

/* MiniportDriverUnload: what DriverEntry set up, undone. */
static void ndis_vmini_unload(PDRIVER_OBJECT DriverObject)
{
	/* First: no new device may appear while the rest are removed. */
	bus_unregister(&ndis_vmini_bus);
	ndis_vmini_del_all();
	NdisMDeregisterMiniportDriver(ndis_vmini_driver);
	ndis_vmini_debugfs_exit();
}

/* DriverEntry, as a Windows miniport has it; NDIS_DRIVER_ENTRY calls it. */
static NTSTATUS ndis_vmini_driver_entry(PDRIVER_OBJECT DriverObject,
					PUNICODE_STRING RegistryPath)
{
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;
	NDIS_STATUS status;
	unsigned int i;
	int err;

	ndis_vmini_debugfs_init();
	ndis_vmini_chars(&chars);
	chars.UnloadHandler = ndis_vmini_unload;
	status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &chars,
					     &ndis_vmini_driver);
	if (status != NDIS_STATUS_SUCCESS) {
		pr_err("miniport registration failed: 0x%08x\n", status);
		goto err_driver;
	}
	status = NDIS_STATUS_FAILURE;
	err = bus_register(&ndis_vmini_bus);
	if (err)
		goto err_bus;
	for (i = 0; i < devices; i++) {
		err = ndis_vmini_dev_new(i, 1);
		if (err)
			goto err_devices;
	}
	return NDIS_STATUS_SUCCESS;

err_devices:
	if (err == -ENOMEM)
		status = NDIS_STATUS_RESOURCES;
	ndis_vmini_del_all();
	bus_unregister(&ndis_vmini_bus);
err_bus:
	NdisMDeregisterMiniportDriver(ndis_vmini_driver);
err_driver:
	ndis_vmini_debugfs_exit();
	return status;
}

NDIS_DRIVER_ENTRY(ndis_vmini_driver_entry);

MODULE_DESCRIPTION("ndis: software Ethernet adapters (hub and loopback) with fault knobs");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS("NDIS");
MODULE_IMPORT_NS("NDIS_LINUX");
