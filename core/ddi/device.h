/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ndis.ko: a user-mode device, shared by the two ways a driver
 * makes one: NdisRegisterDeviceEx() (device.c) and IoCreateDevice() with
 * IoCreateSymbolicLink() (iodevice.c).
 */
#ifndef _NDIS_CORE_DDI_DEVICE_H
#define _NDIS_CORE_DDI_DEVICE_H

#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <ndis/ndis.h>

#include "../owned.h"
#include "../registry.h"

#define NDIS_DEVICE_NAME_MAX	32
#define NDIS_DEVICE_EXT_MAX	SZ_1M

/**
 * struct ndis_device - a device and its node
 * @own: its allocation reference and, for NdisRegisterDeviceEx(), its
 *	handle and owning driver; first, for ndis_owned_new()
 * @dev_obj: what the driver sees
 * @misc: the node /dev/ndis/@name while @linked
 * @owner: the driver's module, pinned by open files
 * @drv: IoCreateDevice()'s driver object, whose MajorFunction is read at
 *	each request; NULL for NdisRegisterDeviceEx()
 * @major: NdisRegisterDeviceEx()'s dispatch routines
 * @name: <Name> of /dev/ndis/<Name>, "" while not @linked
 * @nt_name: <Name> of IoCreateDevice()'s \Device\<Name>
 * @misc_name: "ndis!<Name>"
 * @driver: the driver's name, for reports
 * @node: on ndis_devices while @listed; RCU readers
 * @listed: on ndis_devices; under ndis_device_lock
 * @linked: @misc registered; under ndis_device_lock
 * @killed: being taken away; under ndis_device_lock
 * @lock: what follows; irqsave
 * @files: of struct ndis_dev_file not yet closed
 * @callers: of struct ndis_dev_caller: tasks in a dispatch routine
 * @active: see the top of device.c
 * @sweep: generation of the latest cancel sweep
 * @dead: no request reaches the driver
 * @wq: @active falls, a file's IRPs end
 */
struct ndis_device {
	struct ndis_owned own;
	DEVICE_OBJECT dev_obj;
	struct miscdevice misc;
	struct module *owner;
	PDRIVER_OBJECT drv;
	PDRIVER_DISPATCH major[IRP_MJ_MAXIMUM_FUNCTION + 1];
	char name[NDIS_DEVICE_NAME_MAX + 1];
	char nt_name[NDIS_DEVICE_NAME_MAX + 1];
	char misc_name[NDIS_DEVICE_NAME_MAX + 6];
	char driver[NDIS_NAME_MAX];
	struct list_head node;
	bool listed;
	bool linked;
	bool killed;
	spinlock_t lock;			/* what follows; irqsave */
	struct list_head files;
	struct list_head callers;
	unsigned int active;
	unsigned int sweep;
	bool dead;
	wait_queue_head_t wq;
};

static_assert(offsetof(struct ndis_device, own) == 0);	/* for ndis_owned_new() */

/* The prefixes of a symbolic link's name, and the rule its name follows. */
#define NDIS_DEVICE_LINK_PREFIXES	5
#define NDIS_DEVICE_LINK_RULE \
	"a SymbolicName \\DosDevices\\<Name>: 1 to 32 of A-Z a-z 0-9 - _ ., no . first"
extern const char *const ndis_device_link_prefixes[NDIS_DEVICE_LINK_PREFIXES];

extern struct mutex ndis_device_lock;
extern struct list_head ndis_devices;

struct ndis_device *ndis_device_new_plain(void);
bool ndis_device_name(PCUNICODE_STRING s, const char *const *prefixes, size_t n, char *name);
NTSTATUS ndis_device_link(struct ndis_device *dev, const char *name);
bool ndis_device_kill(struct ndis_device *dev);
bool ndis_device_inside(struct ndis_device *dev);

void ndis_io_devices_ready(PDRIVER_OBJECT DriverObject);
void ndis_io_devices_reclaim(PDRIVER_OBJECT DriverObject, const char *api,
			     unsigned long caller);

#endif /* _NDIS_CORE_DDI_DEVICE_H */
