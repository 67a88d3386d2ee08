// SPDX-License-Identifier: GPL-2.0
/*
 * Handles: what drivers hold instead of pointers.
 *
 * A handle encodes an object id and the role it plays (protocol, binding,
 * bind context, ...) as (id << 4 | role). Looking one up never dereferences
 * what the caller passed: the id is searched in an xarray of live objects
 * under RCU, the role must fit the object, and a reference is taken only
 * if the object is not already dying. A NULL, stale, foreign or forged
 * handle therefore yields NULL and a report, never a wild access. Ids are
 * allocated cyclically, so a dead handle is not reused for a very long
 * time (2^27 objects later).
 */
#include <linux/rcupdate.h>
#include <linux/xarray.h>

#include "core.h"
#include "handle.h"

#define NDIS_HANDLE_TYPE_BITS	4
#define NDIS_HANDLE_ID_MAX	((1U << 27) - 1)

static DEFINE_XARRAY_ALLOC1(ndis_objects);
static u32 ndis_next_id;

static const char *const ndis_handle_names[] = {
	[NDIS_HT_NONE] = "a handle",
	[NDIS_HT_PROTOCOL] = "a live NdisProtocolHandle",
	[NDIS_HT_MINIPORT_DRIVER] = "a live NdisMiniportDriverHandle",
	[NDIS_HT_ADAPTER] = "a live MiniportAdapterHandle",
	[NDIS_HT_BINDING] = "an open NdisBindingHandle",
	[NDIS_HT_BIND_CONTEXT] = "a BindContext of a bind in progress",
	[NDIS_HT_UNBIND_CONTEXT] = "an UnbindContext of an unbind in progress",
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

int ndis_handle_register(struct ndis_object *obj, u8 type)
{
	obj->type = type;
	return xa_alloc_cyclic(&ndis_objects, &obj->id, obj,
			       XA_LIMIT(1, NDIS_HANDLE_ID_MAX), &ndis_next_id,
			       GFP_KERNEL) < 0 ? -ENOMEM : 0;
}

/* After this no lookup finds the object; existing references stay good. */
void ndis_handle_unregister(struct ndis_object *obj)
{
	if (obj->id)
		xa_erase(&ndis_objects, obj->id);
}

NDIS_HANDLE ndis_handle_of(struct ndis_object *obj, enum ndis_handle_type type)
{
	return (NDIS_HANDLE)(((unsigned long)obj->id << NDIS_HANDLE_TYPE_BITS) | type);
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
		obj = xa_load(&ndis_objects, raw >> NDIS_HANDLE_TYPE_BITS);
		if (obj && (obj->type != ndis_handle_base(type) ||
			    !kobject_get_unless_zero(&obj->kobj)))
			obj = NULL;
		rcu_read_unlock();
	}
	if (!obj)
		ndis_bad_handle(handle, type, api, caller);
	return obj;
}
