/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The base of every object of ndis.ko: miniport drivers, adapters (NDIS's
 * miniport block), protocol drivers, bindings (NDIS's open block) and
 * pools. Every object embeds a kobject, which is its reference count and
 * its sysfs directory. Drivers never hold pointers: they hold handles
 * (handle.c, ddi/handle.c), looked up under RCU and refused once the
 * object died, so a stale handle is an error status, never a use after
 * free. Objects are freed an RCU grace period after their last reference.
 */
#ifndef _NDIS_CORE_OBJECT_H
#define _NDIS_CORE_OBJECT_H

#include <linux/kobject.h>
#include <linux/rcupdate.h>
#include <linux/types.h>

#define NDIS_NAME_MAX	32

/* What a handle names. A binding has three handles, one per role. */
enum ndis_handle_type {
	NDIS_HT_NONE,
	NDIS_HT_PROTOCOL,
	NDIS_HT_MINIPORT_DRIVER,
	NDIS_HT_ADAPTER,
	NDIS_HT_BINDING,
	NDIS_HT_BIND_CONTEXT,
	NDIS_HT_UNBIND_CONTEXT,
	NDIS_HT_POOL,
	NDIS_HT_TIMER,
	NDIS_HT_IO_WORKITEM,
	NDIS_HT_DEVICE,
	NDIS_HT_CONFIG,
	NDIS_HT_SHARED_MEMORY,
};

struct ndis_object {
	struct kobject kobj;
	struct rcu_head rcu;
	u32 id;				/* in ndis_objects while live */
	u8 type;			/* NDIS_HT_ of the object itself */
};

#define ndis_kobj_to_object(k)	container_of(k, struct ndis_object, kobj)

static inline void ndis_object_get(struct ndis_object *obj)
{
	kobject_get(&obj->kobj);
}

static inline void ndis_object_put(struct ndis_object *obj)
{
	kobject_put(&obj->kobj);
}

#endif /* _NDIS_CORE_OBJECT_H */
