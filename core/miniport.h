/* SPDX-License-Identifier: GPL-2.0 */
/* Private to ndis.ko: miniport drivers (miniport.c). */
#ifndef _NDIS_CORE_MINIPORT_H
#define _NDIS_CORE_MINIPORT_H

#include <linux/list.h>
#include <ndis/ndis.h>

#include "object.h"
#include "owned.h"

struct ndis_miniport_driver {
	struct ndis_object obj;
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;
	NDIS_HANDLE context;
	struct module *owner;
	char name[NDIS_NAME_MAX];
	struct list_head node;		/* registry */
	struct list_head adapters;	/* registry */
	bool deregistering;		/* registry */
	PDRIVER_OBJECT driver_object;	/* registry: the one it was given */
	struct ndis_owned_set owned;	/* timers, work items */
	struct task_struct *set_options;	/* running its SetOptions handler */
};

int ndis_miniport_driver_add(const char *name, const NDIS_MINIPORT_DRIVER_CHARACTERISTICS *chars,
			     void *context, struct module *owner,
			     struct ndis_miniport_driver **out);
int ndis_miniport_driver_deregister(struct ndis_miniport_driver *driver);
void ndis_miniport_driver_teardown(struct ndis_miniport_driver *driver);
void ndis_miniport_driver_release(struct kobject *kobj);
void ndis_driver_object_check(PDRIVER_OBJECT DriverObject, const char *api,
			      const char *requirement, unsigned long caller);

#endif /* _NDIS_CORE_MINIPORT_H */
