// SPDX-License-Identifier: GPL-2.0
/*
 * The driver object and DriverEntry: what the module_init and module_exit
 * of NDIS_DRIVER_ENTRY() call. Init builds the module's DRIVER_OBJECT and
 * RegistryPath and maps DriverEntry's NTSTATUS to an errno; exit calls
 * DriverUnload. Both make sure no miniport driver registered with the
 * object outlives the module.
 */
#include <linux/errno.h>
#include <linux/slab.h>

#include "../miniport.h"
#include "../report.h"
#include "ddi.h"
#include "device.h"

#define NDIS_DRIVER_NAME_PREFIX		"\\Driver\\"
#define NDIS_REGISTRY_PATH_PREFIX	"\\Registry\\Machine\\System\\CurrentControlSet\\Services\\"

/* @s as @prefix and @name in UTF-16 (both ASCII), in @buf of @max units. */
static void ndis_driver_string(PUNICODE_STRING s, WCHAR *buf, size_t max,
			       const char *prefix, const char *name)
{
	size_t n = 0;
	const char *p;

	for (p = prefix; *p && n < max - 1; p++)
		buf[n++] = (unsigned char)*p;
	for (p = name; *p && n < max - 1; p++)
		buf[n++] = (unsigned char)*p;
	buf[n] = 0;
	s->Buffer = buf;
	s->Length = n * sizeof(WCHAR);
	s->MaximumLength = (n + 1) * sizeof(WCHAR);
}

/* The errno a module load fails with when DriverEntry returned @status. */
static int ndis_driver_errno(NTSTATUS status)
{
	switch (status) {
	case STATUS_INSUFFICIENT_RESOURCES:
	case STATUS_NO_MEMORY:
		return -ENOMEM;
	case STATUS_INVALID_PARAMETER:
	case NDIS_STATUS_BAD_CHARACTERISTICS:
	case NDIS_STATUS_BAD_VERSION:
		return -EINVAL;
	case STATUS_NOT_SUPPORTED:
	case STATUS_NOT_IMPLEMENTED:
		return -EOPNOTSUPP;
	case STATUS_OBJECT_NAME_COLLISION:
		return -EEXIST;
	case STATUS_DEVICE_BUSY:
		return -EBUSY;
	case NDIS_STATUS_ADAPTER_NOT_FOUND:
	case STATUS_NOT_FOUND:
		return -ENODEV;
	default:
		return -EIO;
	}
}

/**
 * ndis_driver_entry() - the module_init of NDIS_DRIVER_ENTRY()
 * @DriverObject: the module's driver object, filled in here
 * @DriverEntry: the driver's entry point
 * @owner: the module
 *
 * Fills in @DriverObject (DriverName "\Driver\<module>"), builds the
 * RegistryPath "\Registry\Machine\System\CurrentControlSet\Services\<module>",
 * valid during the call only, and calls @DriverEntry. Once it succeeds,
 * the devices it made with IoCreateDevice() may be opened. A DriverEntry
 * that fails with a device or a miniport driver still registered with
 * @DriverObject is reported, and they are deleted and deregistered.
 *
 * Context: PASSIVE_LEVEL, module load.
 * Return: 0 if DriverEntry returned a success status; else a negative
 * errno for the status it returned: -ENOMEM for STATUS_INSUFFICIENT_RESOURCES
 * (NDIS_STATUS_RESOURCES), -EINVAL for an invalid parameter, bad version or
 * characteristics, -EOPNOTSUPP, -EEXIST for a name collision, -EBUSY,
 * -ENODEV for not found, -EIO for any other.
 */
int ndis_driver_entry(PDRIVER_OBJECT DriverObject, DRIVER_INITIALIZE *DriverEntry,
		      struct module *owner)
{
	const char *name = owner ? module_name(owner) : "ndis";
	size_t max = strlen(NDIS_REGISTRY_PATH_PREFIX) + strlen(name) + 1;
	UNICODE_STRING path;
	NTSTATUS status;
	WCHAR *buf;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return -EINVAL;
	if (!DriverObject || !DriverEntry) {
		ndis_misuse(__func__, "a driver object and a DriverEntry", _RET_IP_);
		return -EINVAL;
	}
	memset(DriverObject, 0, sizeof(*DriverObject));
	DriverObject->Type = IO_TYPE_DRIVER;
	DriverObject->Size = sizeof(*DriverObject);
	DriverObject->DriverInit = DriverEntry;
	DriverObject->NdisModule = owner;
	ndis_driver_string(&DriverObject->DriverName, DriverObject->NdisNameBuffer,
			   ARRAY_SIZE(DriverObject->NdisNameBuffer), NDIS_DRIVER_NAME_PREFIX, name);
	buf = kmalloc_array(max, sizeof(*buf), GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ndis_driver_string(&path, buf, max, NDIS_REGISTRY_PATH_PREFIX, name);
	status = DriverEntry(DriverObject, &path);
	kfree(buf);
	if (NT_SUCCESS(status)) {
		ndis_io_devices_ready(DriverObject);
		return 0;
	}
	ndis_io_devices_reclaim(DriverObject, "DriverEntry", (unsigned long)DriverEntry);
	ndis_driver_object_check(DriverObject, "DriverEntry",
				 "a failing DriverEntry to deregister its miniport driver",
				 (unsigned long)DriverEntry);
	DriverObject->DriverUnload = NULL;
	return ndis_driver_errno(status);
}
EXPORT_SYMBOL_NS_GPL(ndis_driver_entry, "NDIS");

/**
 * ndis_driver_unload() - the module_exit of NDIS_DRIVER_ENTRY()
 * @DriverObject: the module's driver object
 *
 * Calls DriverObject->DriverUnload if set. A device of IoCreateDevice()
 * or a miniport driver still registered with @DriverObject afterwards
 * (its DriverUnload forgot it, was replaced, or there is none) is reported
 * and deleted or deregistered, so no handler runs once the module is
 * gone.
 *
 * Context: PASSIVE_LEVEL, module unload.
 */
void ndis_driver_unload(PDRIVER_OBJECT DriverObject)
{
	PDRIVER_UNLOAD unload;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return;
	if (!DriverObject || DriverObject->Type != IO_TYPE_DRIVER) {
		ndis_misuse(__func__, "the driver object ndis_driver_entry() filled in", _RET_IP_);
		return;
	}
	unload = DriverObject->DriverUnload;
	if (unload)
		unload(DriverObject);
	ndis_io_devices_reclaim(DriverObject, "DriverUnload", (unsigned long)unload);
	ndis_driver_object_check(DriverObject, "DriverUnload",
				 "the miniport driver deregistered at unload",
				 (unsigned long)unload);
}
EXPORT_SYMBOL_NS_GPL(ndis_driver_unload, "NDIS");
