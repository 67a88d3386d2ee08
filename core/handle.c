// SPDX-License-Identifier: GPL-2.0
/*
 * Object ids: every live object has one, in an xarray, and a handle is an
 * id with a role (handle.h). Ids are allocated cyclically, so a dead
 * handle is not reused for a very long time (2^27 objects later). Looking
 * a handle up is the interface's business: ddi/handle.c.
 */
#include <linux/rcupdate.h>
#include <linux/xarray.h>

#include "handle.h"
#include "object.h"

#define NDIS_HANDLE_ID_MAX	((1U << 27) - 1)

/* BH-safe: pools come and go at DISPATCH_LEVEL. */
DEFINE_XARRAY_FLAGS(ndis_objects, XA_FLAGS_ALLOC1 | XA_FLAGS_LOCK_BH);
static u32 ndis_next_id;

static int ndis_handle_alloc(struct ndis_object *obj, u8 type, gfp_t gfp)
{
	obj->type = type;
	return xa_alloc_cyclic_bh(&ndis_objects, &obj->id, obj,
				  XA_LIMIT(1, NDIS_HANDLE_ID_MAX), &ndis_next_id,
				  gfp) < 0 ? -ENOMEM : 0;
}

int ndis_handle_register(struct ndis_object *obj, u8 type)
{
	return ndis_handle_alloc(obj, type, GFP_KERNEL);
}

int ndis_handle_register_atomic(struct ndis_object *obj, u8 type)
{
	return ndis_handle_alloc(obj, type, GFP_ATOMIC);
}

/* After this no lookup finds the object; existing references stay good. */
void ndis_handle_unregister(struct ndis_object *obj)
{
	if (obj->id)
		xa_erase_bh(&ndis_objects, obj->id);
}

NDIS_HANDLE ndis_handle_of(struct ndis_object *obj, enum ndis_handle_type type)
{
	return (NDIS_HANDLE)(((unsigned long)obj->id << NDIS_HANDLE_TYPE_BITS) | type);
}
