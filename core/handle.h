/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _NDIS_CORE_HANDLE_H
#define _NDIS_CORE_HANDLE_H

#include <linux/xarray.h>
#include <ndis/ndis.h>

#include "object.h"

/* A handle is (id << NDIS_HANDLE_TYPE_BITS | role): see ddi/handle.c. */
#define NDIS_HANDLE_TYPE_BITS	4

/* Every live object, by id (handle.c). */
extern struct xarray ndis_objects;

/* The live object with id @id, or NULL. Under RCU, which keeps it valid. */
static inline struct ndis_object *ndis_object_find(unsigned long id)
{
	return xa_load(&ndis_objects, id);
}

int ndis_handle_register(struct ndis_object *obj, u8 type);
int ndis_handle_register_atomic(struct ndis_object *obj, u8 type);
void ndis_handle_unregister(struct ndis_object *obj);
NDIS_HANDLE ndis_handle_of(struct ndis_object *obj, enum ndis_handle_type type);

#endif /* _NDIS_CORE_HANDLE_H */
