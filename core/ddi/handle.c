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

#include "../adapter.h"
#include "../binding.h"
#include "../handle.h"
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
