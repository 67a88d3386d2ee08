// SPDX-License-Identifier: GPL-2.0
/* Miniport drivers: registration, lookup, teardown and lifetime. */
#include <linux/slab.h>

#include "adapter.h"
#include "handle.h"
#include "miniport.h"
#include "object.h"
#include "registry.h"
#include "sysfs.h"

static struct ndis_miniport_driver *ndis_miniport_driver_find(const char *name)
{
	struct ndis_miniport_driver *d;

	list_for_each_entry(d, &ndis_miniport_drivers, node)
		if (!strcmp(d->name, name))
			return d;
	return NULL;
}

/*
 * Register a miniport driver called @name with the handlers @c. Return: 0
 * with *@out set (its handle registered, its sysfs directory made),
 * -ENOMEM, or -EEXIST if a driver of that name is registered. PASSIVE.
 */
int ndis_miniport_driver_add(const char *name, const NDIS_MINIPORT_DRIVER_CHARACTERISTICS *c,
			     void *context, struct module *owner,
			     struct ndis_miniport_driver **out)
{
	struct ndis_miniport_driver *d;

	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	kobject_init(&d->obj.kobj, &ndis_miniport_driver_ktype);
	d->chars = *c;
	d->context = context;
	d->owner = owner;
	strscpy(d->name, name, sizeof(d->name));
	INIT_LIST_HEAD(&d->node);
	INIT_LIST_HEAD(&d->adapters);
	ndis_owned_set_init(&d->owned);
	if (ndis_handle_register(&d->obj, NDIS_HT_MINIPORT_DRIVER)) {
		ndis_object_put(&d->obj);
		return -ENOMEM;
	}

	mutex_lock(&ndis_registry_lock);
	if (ndis_miniport_driver_find(d->name)) {
		mutex_unlock(&ndis_registry_lock);
		ndis_handle_unregister(&d->obj);
		ndis_object_put(&d->obj);
		return -EEXIST;
	}
	list_add_tail(&d->node, &ndis_miniport_drivers);
	mutex_unlock(&ndis_registry_lock);
	ndis_sysfs_add(&d->obj, d->name);
	*out = d;
	return 0;
}

/* Remove every adapter of @d and unregister it. PASSIVE, no ndis lock held. */
void ndis_miniport_driver_teardown(struct ndis_miniport_driver *d)
{
	struct ndis_adapter *a;

	for (;;) {
		mutex_lock(&ndis_registry_lock);
		a = list_first_entry_or_null(&d->adapters, struct ndis_adapter, driver_node);
		if (a)
			ndis_object_get(&a->obj);
		mutex_unlock(&ndis_registry_lock);
		if (!a)
			break;
		if (ndis_adapter_teardown(a, NdisHaltDeviceDisabled, false))
			ndis_adapter_wait_removed(a);	/* someone else's teardown */
		ndis_object_put(&a->obj);
	}
	ndis_owned_close(&d->owned);
	ndis_handle_unregister(&d->obj);
	ndis_sysfs_del(&d->obj);
	mutex_lock(&ndis_registry_lock);
	list_del_init(&d->node);
	mutex_unlock(&ndis_registry_lock);
	ndis_object_put(&d->obj);
}

/*
 * Deregister @d: remove its adapters and unregister it. Return: -EALREADY
 * if its deregistration had begun already. PASSIVE, outside NDIS handlers.
 */
int ndis_miniport_driver_deregister(struct ndis_miniport_driver *d)
{
	bool again;

	mutex_lock(&ndis_registry_lock);
	again = d->deregistering;
	d->deregistering = true;
	mutex_unlock(&ndis_registry_lock);
	if (again)
		return -EALREADY;
	ndis_miniport_driver_teardown(d);
	return 0;
}

/* The miniport driver's kobject release, from any context. */
void ndis_miniport_driver_release(struct kobject *kobj)
{
	struct ndis_object *obj = ndis_kobj_to_object(kobj);

	kfree_rcu(container_of(obj, struct ndis_miniport_driver, obj), obj.rcu);
}
