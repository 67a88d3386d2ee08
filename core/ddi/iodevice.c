// SPDX-License-Identifier: GPL-2.0
/*
 * Devices made the WDM way: IoCreateDevice() and IoCreateSymbolicLink() in
 * DriverEntry, dispatch routines in DriverObject->MajorFunction,
 * IoDeleteSymbolicLink() and IoDeleteDevice() in DriverUnload. The device
 * is the one NdisRegisterDeviceEx() makes (device.c), with two changes:
 * it belongs to the driver object, not to an NDIS handle, so a protocol
 * may make it before it registers; and its node /dev/ndis/<Name> exists
 * only while a symbolic link \DosDevices\<Name> names it.
 *
 * A device is on its driver object's list (DeviceObject, NextDevice) from
 * IoCreateDevice() to IoDeleteDevice(), under ndis_device_lock, and holds
 * its allocation reference as long. DO_DEVICE_INITIALIZING keeps opens
 * out until DriverEntry returns, or the driver clears it: its
 * MajorFunction table is filled in after the link is made.
 */
#include <linux/module.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <ndis/ndis.h>

#include "../report.h"
#include "ddi.h"
#include "device.h"

static const char *const ndis_io_device_prefixes[] = { "\\Device\\" };

/* Whether @d is a driver object ndis_driver_entry() filled in. */
static bool ndis_io_driver_ok(PDRIVER_OBJECT d)
{
	return d && d->Type == IO_TYPE_DRIVER && d->Size == sizeof(*d);
}

/* The device IoCreateDevice() made as @obj, referenced, or NULL. */
static struct ndis_device *ndis_io_device_get(PDEVICE_OBJECT obj)
{
	struct ndis_device *dev, *found = NULL;

	mutex_lock(&ndis_device_lock);
	list_for_each_entry(dev, &ndis_devices, node) {
		if (dev->drv && &dev->dev_obj == obj && !dev->killed) {
			found = dev;
			ndis_object_get(&dev->own.obj);
			break;
		}
	}
	mutex_unlock(&ndis_device_lock);
	return found;
}

/* The device of IoCreateDevice() named \Device\@nt_name, under the lock. */
static struct ndis_device *ndis_io_device_named(const char *nt_name)
{
	struct ndis_device *dev;

	lockdep_assert_held(&ndis_device_lock);
	list_for_each_entry(dev, &ndis_devices, node)
		if (dev->drv && !dev->killed && !strcasecmp(dev->nt_name, nt_name))
			return dev;
	return NULL;
}

/**
 * IoCreateDevice() - make a device for a driver's user-mode interface
 * @DriverObject: the driver's object, as DriverEntry got it
 * @DeviceExtensionSize: bytes of zeroed extension, up to 1 MiB
 * @DeviceName: \Device\<Name>, <Name> 1 to 32 of A-Z a-z 0-9 - _ . not
 *	starting with '.', unique in any case; NULL for a device that is
 *	never linked, so never opened
 * @DeviceType: FILE_DEVICE_NETWORK or another FILE_DEVICE_*; recorded
 * @DeviceCharacteristics: FILE_DEVICE_SECURE_OPEN or 0; recorded
 * @Exclusive: TRUE: one open file at a time (DO_EXCLUSIVE); a second
 *	open fails with EBUSY
 * @DeviceObject: receives the device, NULL on failure
 *
 * The device has no node until IoCreateSymbolicLink() names it. Its
 * requests reach DriverObject->MajorFunction, read at each request, with
 * the IRPs and rules of NdisRegisterDeviceEx()'s devices; DO_DIRECT_IO,
 * if the driver sets it, gives reads and writes their data through
 * Irp->MdlAddress. Opens fail with ENODEV while DO_DEVICE_INITIALIZING is
 * set: NDIS clears it for the devices made in DriverEntry once DriverEntry
 * succeeds; a driver that makes one later clears it itself. A device left
 * when DriverUnload returns (or DriverEntry fails) is reported and deleted.
 *
 * Context: PASSIVE_LEVEL.
 * Return: STATUS_SUCCESS; STATUS_INVALID_PARAMETER (reported) for a
 * driver object ndis_driver_entry() did not fill in, a NULL @DeviceObject
 * or a larger extension; STATUS_OBJECT_NAME_INVALID (reported) for a bad
 * @DeviceName; STATUS_OBJECT_NAME_COLLISION if a device has that name;
 * STATUS_INSUFFICIENT_RESOURCES without memory; STATUS_UNSUCCESSFUL at the
 * wrong level.
 */
NTSTATUS IoCreateDevice(PDRIVER_OBJECT DriverObject, ULONG DeviceExtensionSize,
			PUNICODE_STRING DeviceName, DEVICE_TYPE DeviceType,
			ULONG DeviceCharacteristics, BOOLEAN Exclusive,
			PDEVICE_OBJECT *DeviceObject)
{
	char nt_name[NDIS_DEVICE_NAME_MAX + 1] = "";
	struct ndis_device *dev;
	NTSTATUS status;

	if (DeviceObject)
		*DeviceObject = NULL;
	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return STATUS_UNSUCCESSFUL;
	if (!ndis_io_driver_ok(DriverObject) || !DeviceObject ||
	    DeviceExtensionSize > NDIS_DEVICE_EXT_MAX) {
		ndis_misuse(__func__,
			    "the driver's DRIVER_OBJECT, a DeviceObject and an extension up to 1 MiB",
			    _RET_IP_);
		return STATUS_INVALID_PARAMETER;
	}
	if (DeviceName && !ndis_device_name(DeviceName, ndis_io_device_prefixes,
					    ARRAY_SIZE(ndis_io_device_prefixes), nt_name)) {
		ndis_misuse(__func__,
			    "a DeviceName \\Device\\<Name>: 1 to 32 of A-Z a-z 0-9 - _ ., no . first",
			    _RET_IP_);
		return STATUS_OBJECT_NAME_INVALID;
	}

	dev = ndis_device_new_plain();
	if (!dev)
		return STATUS_INSUFFICIENT_RESOURCES;
	dev->drv = DriverObject;
	dev->owner = DriverObject->NdisModule;
	strscpy(dev->driver, dev->owner ? module_name(dev->owner) : "ndis", sizeof(dev->driver));
	strscpy(dev->nt_name, nt_name, sizeof(dev->nt_name));
	dev->dev_obj.DriverObject = DriverObject;
	dev->dev_obj.DeviceType = DeviceType;
	dev->dev_obj.Characteristics = DeviceCharacteristics;
	dev->dev_obj.Flags = DO_DEVICE_INITIALIZING | (Exclusive ? DO_EXCLUSIVE : 0);
	if (DeviceExtensionSize) {
		dev->dev_obj.DeviceExtension = kvzalloc(DeviceExtensionSize, GFP_KERNEL);
		if (!dev->dev_obj.DeviceExtension) {
			ndis_object_put(&dev->own.obj);
			return STATUS_INSUFFICIENT_RESOURCES;
		}
	}

	mutex_lock(&ndis_device_lock);
	if (nt_name[0] && ndis_io_device_named(nt_name)) {
		status = STATUS_OBJECT_NAME_COLLISION;
	} else {
		list_add_tail_rcu(&dev->node, &ndis_devices);
		dev->listed = true;
		dev->dev_obj.NextDevice = DriverObject->DeviceObject;
		DriverObject->DeviceObject = &dev->dev_obj;
		status = STATUS_SUCCESS;
	}
	mutex_unlock(&ndis_device_lock);
	if (status != STATUS_SUCCESS) {
		ndis_object_put(&dev->own.obj);
		return status;
	}
	*DeviceObject = &dev->dev_obj;
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(IoCreateDevice, "NDIS");

/* Take @dev off its driver object's list. Under ndis_device_lock. */
static void ndis_io_device_unchain(struct ndis_device *dev)
{
	PDEVICE_OBJECT *p;

	lockdep_assert_held(&ndis_device_lock);
	for (p = &dev->drv->DeviceObject; *p; p = &(*p)->NextDevice) {
		if (*p == &dev->dev_obj) {
			*p = dev->dev_obj.NextDevice;
			dev->dev_obj.NextDevice = NULL;
			return;
		}
	}
}

/* Delete @dev, referenced by the caller. PASSIVE, outside its routines. */
static void ndis_io_device_delete(struct ndis_device *dev)
{
	mutex_lock(&ndis_device_lock);
	ndis_io_device_unchain(dev);
	mutex_unlock(&ndis_device_lock);
	ndis_device_kill(dev);		/* drops the allocation reference */
}

/**
 * IoDeleteDevice() - delete a device IoCreateDevice() made
 * @DeviceObject: the device; dead after the call
 *
 * As NdisDeregisterDeviceEx(): the node goes, pending IRPs are cancelled,
 * the call waits for every request under way, then sends IRP_MJ_CLEANUP
 * and IRP_MJ_CLOSE for each file still open and frees the extension.
 * Afterwards nothing of the driver is called for the device, and a
 * symbolic link that named it names nothing (IoDeleteSymbolicLink() then
 * returns STATUS_OBJECT_NAME_NOT_FOUND). Windows keeps a device with open
 * files until they close; here the driver's code may be gone by then.
 * From one of the device's own dispatch routines it would wait for
 * itself: it is reported and does nothing.
 *
 * Context: PASSIVE_LEVEL.
 */
void IoDeleteDevice(PDEVICE_OBJECT DeviceObject)
{
	struct ndis_device *dev;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return;
	dev = ndis_io_device_get(DeviceObject);
	if (!dev) {
		ndis_misuse(__func__, "a device IoCreateDevice() made and not yet deleted",
			    _RET_IP_);
		return;
	}
	if (ndis_device_inside(dev))
		ndis_misuse(__func__, "a call from outside the device's own dispatch routines",
			    _RET_IP_);
	else
		ndis_io_device_delete(dev);
	ndis_object_put(&dev->own.obj);
}
EXPORT_SYMBOL_NS_GPL(IoDeleteDevice, "NDIS");

/**
 * IoCreateSymbolicLink() - give a device a name user space opens
 * @SymbolicLinkName: \DosDevices\<Name> (or \??\, \GLOBAL??\,
 *	\DosDevices\Global\, in any case): the node /dev/ndis/<Name>, with
 *	NdisRegisterDeviceEx()'s rules for <Name>
 * @DeviceName: \Device\<Name> of a device IoCreateDevice() made
 *
 * Makes the node, mode 0600, root's. A device has at most one link here.
 *
 * Context: PASSIVE_LEVEL.
 * Return: STATUS_SUCCESS; STATUS_OBJECT_NAME_INVALID (reported) for a
 * malformed name; STATUS_OBJECT_NAME_NOT_FOUND if no device has
 * @DeviceName; STATUS_OBJECT_NAME_COLLISION if an NDIS device has the
 * link's name already, or this device has a link; STATUS_INSUFFICIENT_RESOURCES
 * or STATUS_UNSUCCESSFUL if the node cannot be made, or at the wrong
 * level.
 */
NTSTATUS IoCreateSymbolicLink(PUNICODE_STRING SymbolicLinkName, PUNICODE_STRING DeviceName)
{
	char nt_name[NDIS_DEVICE_NAME_MAX + 1], name[NDIS_DEVICE_NAME_MAX + 1];
	struct ndis_device *dev;
	NTSTATUS status;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return STATUS_UNSUCCESSFUL;
	if (!ndis_device_name(SymbolicLinkName, ndis_device_link_prefixes,
			      NDIS_DEVICE_LINK_PREFIXES, name) ||
	    !ndis_device_name(DeviceName, ndis_io_device_prefixes,
			      ARRAY_SIZE(ndis_io_device_prefixes), nt_name)) {
		ndis_misuse(__func__,
			    "a link \\DosDevices\\<Name> and a device \\Device\\<Name>: 1 to 32 of A-Z a-z 0-9 - _ ., no . first",
			    _RET_IP_);
		return STATUS_OBJECT_NAME_INVALID;
	}
	mutex_lock(&ndis_device_lock);
	dev = ndis_io_device_named(nt_name);
	if (dev)
		ndis_object_get(&dev->own.obj);
	mutex_unlock(&ndis_device_lock);
	if (!dev)
		return STATUS_OBJECT_NAME_NOT_FOUND;
	status = ndis_device_link(dev, name);
	ndis_object_put(&dev->own.obj);
	if (status == NDIS_STATUS_RESOURCES)
		return STATUS_INSUFFICIENT_RESOURCES;
	if (status == NDIS_STATUS_NOT_SUPPORTED)
		return STATUS_OBJECT_NAME_NOT_FOUND;	/* deleted meanwhile */
	return status == NDIS_STATUS_FAILURE ? STATUS_UNSUCCESSFUL : status;
}
EXPORT_SYMBOL_NS_GPL(IoCreateSymbolicLink, "NDIS");

/**
 * IoDeleteSymbolicLink() - remove a link IoCreateSymbolicLink() made
 * @SymbolicLinkName: the link's name, as given to IoCreateSymbolicLink()
 *	(any of its prefixes, any case)
 *
 * The node goes; files open through it stay open and keep reaching the
 * driver until they close or the device is deleted.
 *
 * Context: PASSIVE_LEVEL.
 * Return: STATUS_SUCCESS; STATUS_OBJECT_NAME_NOT_FOUND if no device made
 * by IoCreateDevice() has that link (its device was deleted, say);
 * STATUS_OBJECT_NAME_INVALID (reported) for a malformed name;
 * STATUS_UNSUCCESSFUL at the wrong level.
 */
NTSTATUS IoDeleteSymbolicLink(PUNICODE_STRING SymbolicLinkName)
{
	char name[NDIS_DEVICE_NAME_MAX + 1];
	struct ndis_device *dev;
	NTSTATUS status = STATUS_OBJECT_NAME_NOT_FOUND;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return STATUS_UNSUCCESSFUL;
	if (!ndis_device_name(SymbolicLinkName, ndis_device_link_prefixes,
			      NDIS_DEVICE_LINK_PREFIXES, name)) {
		ndis_misuse(__func__, NDIS_DEVICE_LINK_RULE, _RET_IP_);
		return STATUS_OBJECT_NAME_INVALID;
	}
	mutex_lock(&ndis_device_lock);
	list_for_each_entry(dev, &ndis_devices, node) {
		if (dev->drv && dev->linked && !strcasecmp(dev->name, name)) {
			dev->linked = false;
			dev->name[0] = '\0';
			misc_deregister(&dev->misc);
			status = STATUS_SUCCESS;
			break;
		}
	}
	mutex_unlock(&ndis_device_lock);
	return status;
}
EXPORT_SYMBOL_NS_GPL(IoDeleteSymbolicLink, "NDIS");

/*
 * After DriverEntry succeeded: the devices it made may be opened now.
 * PASSIVE.
 */
void ndis_io_devices_ready(PDRIVER_OBJECT DriverObject)
{
	PDEVICE_OBJECT d;

	mutex_lock(&ndis_device_lock);
	for (d = DriverObject->DeviceObject; d; d = d->NextDevice)
		WRITE_ONCE(d->Flags, d->Flags & ~DO_DEVICE_INITIALIZING);
	mutex_unlock(&ndis_device_lock);
}

/*
 * After DriverUnload, or a failed DriverEntry: report and delete each
 * device of @DriverObject the driver left, so that nothing reaches its
 * code once its module is gone. PASSIVE.
 */
void ndis_io_devices_reclaim(PDRIVER_OBJECT DriverObject, const char *api,
			     unsigned long caller)
{
	struct ndis_device *dev;
	PDEVICE_OBJECT d;

	for (;;) {
		mutex_lock(&ndis_device_lock);
		d = DriverObject->DeviceObject;
		dev = d ? container_of(d, struct ndis_device, dev_obj) : NULL;
		if (dev)
			ndis_object_get(&dev->own.obj);
		mutex_unlock(&ndis_device_lock);
		if (!dev)
			return;
		ndis_misuse(api, "IoDeleteDevice() on every device the driver made", caller);
		ndis_io_device_delete(dev);
		ndis_object_put(&dev->own.obj);
	}
}
