// SPDX-License-Identifier: GPL-2.0
/*
 * Handles: what drivers hold instead of pointers.
 *
 * A handle encodes an object id and the role it plays (protocol, binding,
 * bind context, ...) as (id << 4 | role). Looking one up never dereferences
 * what the caller passed: the id is searched among the live objects under
 * RCU, the role must fit the object, and a reference is taken only if the
 * object is not already dying. A NULL, stale, foreign or forged handle
 * therefore yields NULL and a report, never a wild access.
 */
#include <linux/rcupdate.h>
#include <linux/slab.h>

#include "../adapter.h"
#include "../binding.h"
#include "../handle.h"
#include "../miniport.h"
#include "../protocol.h"
#include "../object.h"
#include "../report.h"
#include "ddi.h"

static const char *const ndis_handle_names[] = {
	[NDIS_HT_NONE] = "a handle",
	[NDIS_HT_PROTOCOL] = "a live NdisProtocolHandle",
	[NDIS_HT_MINIPORT_DRIVER] = "a live NdisMiniportDriverHandle",
	[NDIS_HT_ADAPTER] = "a live MiniportAdapterHandle",
	[NDIS_HT_BINDING] = "an open NdisBindingHandle",
	[NDIS_HT_BIND_CONTEXT] = "a BindContext of a bind in progress",
	[NDIS_HT_UNBIND_CONTEXT] = "an UnbindContext of an unbind in progress",
	[NDIS_HT_POOL] = "a live pool handle",
	[NDIS_HT_TIMER] = "a live timer object",
	[NDIS_HT_IO_WORKITEM] = "a live I/O work item",
	[NDIS_HT_DEVICE] = "a live NdisDeviceHandle",
	[NDIS_HT_CONFIG] = "an open ConfigurationHandle",
	[NDIS_HT_SHARED_MEMORY] = "a live shared memory AllocationHandle",
};

/* The object type each role belongs to. */
static u8 ndis_handle_base(enum ndis_handle_type type)
{
	switch (type) {
	case NDIS_HT_BIND_CONTEXT:
	case NDIS_HT_UNBIND_CONTEXT:
		return NDIS_HT_BINDING;
	default:
		return type;
	}
}

/*
 * The data path's lookup: no reference, valid until rcu_read_unlock().
 * The caller holds rcu_read_lock() and reports a NULL result itself.
 */
struct ndis_object *ndis_handle_peek(NDIS_HANDLE handle, enum ndis_handle_type type)
{
	unsigned long raw = (unsigned long)handle;
	struct ndis_object *obj;

	RCU_LOCKDEP_WARN(!rcu_read_lock_any_held(), "handle peeked outside an RCU read section");
	if ((raw & GENMASK(NDIS_HANDLE_TYPE_BITS - 1, 0)) != type)
		return NULL;
	obj = ndis_object_find(raw >> NDIS_HANDLE_TYPE_BITS);
	return obj && obj->type == ndis_handle_base(type) ? obj : NULL;
}

static struct ndis_object *ndis_handle_peek_or_report(NDIS_HANDLE h, enum ndis_handle_type t,
						      const char *api, unsigned long caller)
{
	struct ndis_object *obj = ndis_handle_peek(h, t);

	if (!obj)
		ndis_bad_handle(h, t, api, caller);
	return obj;
}

struct ndis_adapter *ndis_adapter_peek(NDIS_HANDLE handle, const char *api, unsigned long caller)
{
	struct ndis_object *obj = ndis_handle_peek_or_report(handle, NDIS_HT_ADAPTER, api, caller);

	return obj ? container_of(obj, struct ndis_adapter, obj) : NULL;
}

struct ndis_binding *ndis_binding_peek(NDIS_HANDLE handle, const char *api, unsigned long caller)
{
	struct ndis_object *obj = ndis_handle_peek_or_report(handle, NDIS_HT_BINDING, api, caller);

	return obj ? container_of(obj, struct ndis_binding, obj) : NULL;
}

/* Whether @handle names a live driver-side object: any NdisHandle will do. */
bool ndis_handle_is_driver(NDIS_HANDLE handle)
{
	unsigned long raw = (unsigned long)handle;
	u8 type = raw & GENMASK(NDIS_HANDLE_TYPE_BITS - 1, 0);
	struct ndis_object *obj;
	bool ok;

	if (type != NDIS_HT_PROTOCOL && type != NDIS_HT_MINIPORT_DRIVER &&
	    type != NDIS_HT_ADAPTER && type != NDIS_HT_BINDING)
		return false;
	rcu_read_lock();
	obj = ndis_object_find(raw >> NDIS_HANDLE_TYPE_BITS);
	ok = obj && obj->type == type;
	rcu_read_unlock();
	return ok;
}

void ndis_bad_handle(NDIS_HANDLE handle, enum ndis_handle_type type,
		     const char *api, unsigned long caller)
{
	ndis_misuse(api, ndis_handle_names[type], caller);
}

/*
 * Resolve @handle playing role @type. Returns the object with a reference
 * held, or NULL after reporting the misuse against @api and @caller.
 * Whether the role is still live (open binding, bind in progress) is the
 * caller's check, under the object's own lock.
 */
struct ndis_object *ndis_handle_get(NDIS_HANDLE handle, enum ndis_handle_type type,
				    const char *api, unsigned long caller)
{
	unsigned long raw = (unsigned long)handle;
	struct ndis_object *obj = NULL;

	if ((raw & GENMASK(NDIS_HANDLE_TYPE_BITS - 1, 0)) == type) {
		rcu_read_lock();
		obj = ndis_object_find(raw >> NDIS_HANDLE_TYPE_BITS);
		if (obj && (obj->type != ndis_handle_base(type) ||
			    !kobject_get_unless_zero(&obj->kobj)))
			obj = NULL;
		rcu_read_unlock();
	}
	if (!obj)
		ndis_bad_handle(handle, type, api, caller);
	return obj;
}

/*
 * The driver behind @handle, any handle NDIS gave a driver: itself, one of
 * its adapters or one of its bindings. Returns the driver referenced, and
 * in *@set where it keeps what it allocates, or NULL after a report.
 */
struct ndis_object *ndis_handle_owner(NDIS_HANDLE handle, struct ndis_owned_set **set,
				      const char *api, unsigned long caller)
{
	unsigned long raw = (unsigned long)handle;
	struct ndis_miniport_driver *d = NULL;
	struct ndis_protocol *p = NULL;
	struct ndis_object *obj, *owner = NULL;

	rcu_read_lock();
	obj = ndis_object_find(raw >> NDIS_HANDLE_TYPE_BITS);
	if (obj && obj->type == (raw & GENMASK(NDIS_HANDLE_TYPE_BITS - 1, 0))) {
		switch (obj->type) {
		case NDIS_HT_MINIPORT_DRIVER:
			d = container_of(obj, struct ndis_miniport_driver, obj);
			break;
		case NDIS_HT_ADAPTER:
			d = container_of(obj, struct ndis_adapter, obj)->driver;
			break;
		case NDIS_HT_PROTOCOL:
			p = container_of(obj, struct ndis_protocol, obj);
			break;
		case NDIS_HT_BINDING:
			p = container_of(obj, struct ndis_binding, obj)->protocol;
			break;
		}
	}
	if (d && kobject_get_unless_zero(&d->obj.kobj)) {
		owner = &d->obj;
		*set = &d->owned;
	} else if (p && kobject_get_unless_zero(&p->obj.kobj)) {
		owner = &p->obj;
		*set = &p->owned;
	}
	rcu_read_unlock();
	if (!owner)
		ndis_bad_handle(handle, NDIS_HT_NONE, api, caller);
	return owner;
}

/*
 * A zeroed object of @size, starting with its struct ndis_owned, owned by
 * the driver behind @handle, with kobject type @ktype and @reclaim. The
 * caller fills in the rest, then gives it a handle with
 * ndis_owned_publish(), or puts it. Return: NULL with *@status set after a
 * report, or NDIS_STATUS_RESOURCES without memory.
 */
void *ndis_owned_new(NDIS_HANDLE handle, size_t size, const struct kobj_type *ktype,
		     void (*reclaim)(struct ndis_owned *o), KIRQL irql, NDIS_STATUS *status,
		     const char *api, unsigned long caller)
{
	struct ndis_owned_set *set;
	struct ndis_object *owner;

	*status = NDIS_STATUS_FAILURE;
	owner = ndis_handle_owner(handle, &set, api, caller);
	if (!owner)
		return NULL;
	return ndis_owned_new_for(owner, set, size, ktype, reclaim, irql, status, api, caller);
}

/*
 * As ndis_owned_new(), for a driver @owner the caller found itself (with
 * a reference, which the object takes over) and its @set.
 */
void *ndis_owned_new_for(struct ndis_object *owner, struct ndis_owned_set *set, size_t size,
			 const struct kobj_type *ktype, void (*reclaim)(struct ndis_owned *o),
			 KIRQL irql, NDIS_STATUS *status, const char *api, unsigned long caller)
{
	struct ndis_owned *o;

	*status = NDIS_STATUS_FAILURE;
	if (READ_ONCE(set->closed)) {	/* the early answer; publishing decides */
		ndis_misuse(api, "a driver that is not deregistering", caller);
		ndis_object_put(owner);
		return NULL;
	}
	o = kzalloc(size, irql == PASSIVE_LEVEL ? GFP_KERNEL : GFP_ATOMIC);
	if (!o) {
		ndis_object_put(owner);
		*status = NDIS_STATUS_RESOURCES;
		return NULL;
	}
	kobject_init(&o->obj.kobj, ktype);
	INIT_LIST_HEAD(&o->node);
	o->reclaim = reclaim;
	o->api = api;
	o->caller = caller;
	o->set = set;
	o->owner = owner;
	return o;
}

/*
 * Give @o, from ndis_owned_new() and initialised, a handle of @type and
 * put it in its driver's set. From then on the driver's deregistration
 * may reclaim it at any time: the caller must not touch @o after this
 * unless it holds a reference of its own. Return: the handle, or NULL
 * with @o put if there is no memory for it or after a report (the driver
 * began deregistering).
 */
NDIS_HANDLE ndis_owned_publish(struct ndis_owned *o, enum ndis_handle_type type, KIRQL irql)
{
	int ret = irql == PASSIVE_LEVEL ? ndis_handle_register(&o->obj, type) :
					  ndis_handle_register_atomic(&o->obj, type);
	NDIS_HANDLE handle;

	if (ret) {
		ndis_object_put(&o->obj);
		return NULL;
	}
	handle = ndis_handle_of(&o->obj, type);
	if (ndis_owned_add(o)) {
		ndis_misuse(o->api, "a driver that is not deregistering", o->caller);
		ndis_handle_unregister(&o->obj);
		ndis_object_put(&o->obj);
		return NULL;
	}
	return handle;
}
