/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to the NDIS interface: decoding a handle a driver passed
 * (handle.c). The engine makes handles (../handle.h) but never decodes one.
 */
#ifndef _NDIS_CORE_DDI_HANDLE_H
#define _NDIS_CORE_DDI_HANDLE_H

#include <ndis/ndis.h>

#include "../object.h"
#include "../owned.h"

bool ndis_handle_is_driver(NDIS_HANDLE handle);
struct ndis_object *ndis_handle_peek(NDIS_HANDLE handle, enum ndis_handle_type type);
struct ndis_object *ndis_handle_get(NDIS_HANDLE handle, enum ndis_handle_type type,
				    const char *api, unsigned long caller);
struct ndis_object *ndis_handle_owner(NDIS_HANDLE handle, struct ndis_owned_set **set,
				      const char *api, unsigned long caller);
void *ndis_owned_new(NDIS_HANDLE handle, size_t size, const struct kobj_type *ktype,
		     void (*reclaim)(struct ndis_owned *o), KIRQL irql, NDIS_STATUS *status,
		     const char *api, unsigned long caller);
void *ndis_owned_new_for(struct ndis_object *owner, struct ndis_owned_set *set, size_t size,
			 const struct kobj_type *ktype, void (*reclaim)(struct ndis_owned *o),
			 KIRQL irql, NDIS_STATUS *status, const char *api, unsigned long caller);
NDIS_HANDLE ndis_owned_publish(struct ndis_owned *o, enum ndis_handle_type type, KIRQL irql);
void ndis_bad_handle(NDIS_HANDLE handle, enum ndis_handle_type type,
		     const char *api, unsigned long caller);

#endif /* _NDIS_CORE_DDI_HANDLE_H */
