/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The driver object and the driver's entry point: the OS glue a Windows
 * driver has around NdisMRegisterMiniportDriver() or
 * NdisRegisterProtocolDriver().
 *
 * A module holds one driver, so one DRIVER_OBJECT. A driver written the
 * Windows way keeps its DriverEntry and puts NDIS_DRIVER_ENTRY(DriverEntry)
 * in one .c file: module load builds the DRIVER_OBJECT and the RegistryPath
 * and calls DriverEntry; module unload calls DriverObject->DriverUnload if
 * the driver (a protocol) or NDIS (for a miniport, which gave an
 * UnloadHandler) set it.
 *
 * Differences from the DDI: only the fields of DRIVER_OBJECT that mean
 * something here exist (no DriverExtension, fast I/O or StartIo); the
 * RegistryPath names no registry key, it is the configuration's name (see
 * include/ndis/config.h), and like on Windows it lives only during
 * DriverEntry.
 */
#ifndef _NDIS_DRIVER_H
#define _NDIS_DRIVER_H

#include <linux/init.h>
#include <linux/module.h>
#include <ndis/device.h>
#include <ndis/module.h>
#include <ndis/ntstatus.h>
#include <ndis/string.h>
#include <ndis/types.h>

typedef struct _DRIVER_OBJECT DRIVER_OBJECT, *PDRIVER_OBJECT;

/**
 * typedef DRIVER_INITIALIZE - DriverEntry: the driver's first routine
 * @DriverObject: the module's driver object
 * @RegistryPath: the driver's parameters key, valid during the call only
 *
 * Registers the miniport or protocol driver. Called by the module_init
 * that NDIS_DRIVER_ENTRY() defines.
 *
 * Context: PASSIVE_LEVEL, module load.
 *
 * Return: STATUS_SUCCESS, or a failure NTSTATUS (an NDIS_STATUS is one)
 * after undoing everything; the module load then fails with a negative
 * errno, and DriverUnload is not called.
 */
typedef NTSTATUS DRIVER_INITIALIZE(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath);

/**
 * typedef DRIVER_UNLOAD - Unload: the driver's last routine
 * @DriverObject: the module's driver object
 *
 * Called by the module_exit that NDIS_DRIVER_ENTRY() defines. A protocol
 * driver sets it and deregisters there; a miniport driver leaves it to
 * NdisMRegisterMiniportDriver(), which points it at an NDIS routine that
 * calls the miniport's UnloadHandler.
 *
 * Context: PASSIVE_LEVEL, module unload.
 */
typedef void DRIVER_UNLOAD(PDRIVER_OBJECT DriverObject);
typedef void (*PDRIVER_UNLOAD)(PDRIVER_OBJECT DriverObject);

/* DRIVER_OBJECT.Type, as the I/O manager sets it. */
#define IO_TYPE_DRIVER	4

/**
 * struct _DRIVER_OBJECT - a driver's one object
 * @Type: IO_TYPE_DRIVER
 * @Size: sizeof(DRIVER_OBJECT)
 * @DeviceObject: the devices IoCreateDevice() made for the driver, newest
 *	first, linked by DEVICE_OBJECT.NextDevice; NULL if none
 * @Flags: 0
 * @DriverName: "\Driver\<module name>"
 * @DriverInit: the DriverEntry routine
 * @DriverUnload: called at module unload if set
 * @MajorFunction: the dispatch routines of the devices IoCreateDevice()
 *	makes, indexed by IRP_MJ_*, read at each request; NULL entries get
 *	the default behaviour of NdisRegisterDeviceEx()'s
 * @NdisModule: private to NDIS: the module the driver is
 * @NdisMiniportDriver: private to NDIS: the miniport driver registered
 *	with this object, or NULL
 * @NdisMiniportUnload: private to NDIS: that driver's UnloadHandler
 * @NdisNameBuffer: private to NDIS: @DriverName's characters
 */
struct _DRIVER_OBJECT {
	CSHORT Type;
	CSHORT Size;
	PDEVICE_OBJECT DeviceObject;
	ULONG Flags;
	UNICODE_STRING DriverName;
	DRIVER_INITIALIZE *DriverInit;
	PDRIVER_UNLOAD DriverUnload;
	PDRIVER_DISPATCH MajorFunction[IRP_MJ_MAXIMUM_FUNCTION + 1];
	/* private */
	struct module *NdisModule;
	NDIS_HANDLE NdisMiniportDriver;
	DRIVER_UNLOAD *NdisMiniportUnload;
	WCHAR NdisNameBuffer[80];
};

int ndis_driver_entry(PDRIVER_OBJECT DriverObject, DRIVER_INITIALIZE *DriverEntry,
		      struct module *owner);
void ndis_driver_unload(PDRIVER_OBJECT DriverObject);

/**
 * NDIS_DRIVER_ENTRY - make DriverEntry the module's entry point
 * @entry: the driver's DRIVER_INITIALIZE routine
 *
 * Put once in one .c file of a driver module, after @entry is declared.
 * Defines the module's init and exit functions (the module has no other)
 * and imports the NDIS namespace. Init builds the module's DRIVER_OBJECT
 * and calls @entry; exit calls DriverObject->DriverUnload if set.
 */
#define NDIS_DRIVER_ENTRY(entry)					\
	static DRIVER_OBJECT entry##_ndis_object;			\
	static int __init entry##_ndis_init(void)			\
	{								\
		return ndis_driver_entry(&entry##_ndis_object, entry,	\
					 THIS_MODULE);			\
	}								\
	module_init(entry##_ndis_init);					\
	static void __exit entry##_ndis_exit(void)			\
	{								\
		ndis_driver_unload(&entry##_ndis_object);		\
	}								\
	module_exit(entry##_ndis_exit);					\
	MODULE_IMPORT_NS("NDIS")

#endif /* _NDIS_DRIVER_H */
