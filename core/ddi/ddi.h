/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to the NDIS interface (core/ddi/): a handle a driver passed,
 * decoded into the engine's object, with a reference the caller drops;
 * NULL after the misuse was reported against @api and @caller.
 */
#ifndef _NDIS_CORE_DDI_H
#define _NDIS_CORE_DDI_H

#include "../adapter.h"
#include "../binding.h"
#include "../handle.h"
#include "../miniport.h"
#include "../protocol.h"
#include "handle.h"

static inline struct ndis_adapter *ndis_adapter_get(NDIS_HANDLE h, const char *api,
						    unsigned long caller)
{
	struct ndis_object *obj = ndis_handle_get(h, NDIS_HT_ADAPTER, api, caller);

	return obj ? container_of(obj, struct ndis_adapter, obj) : NULL;
}

static inline struct ndis_miniport_driver *ndis_miniport_driver_get(NDIS_HANDLE h,
								    const char *api,
								    unsigned long caller)
{
	struct ndis_object *obj = ndis_handle_get(h, NDIS_HT_MINIPORT_DRIVER, api, caller);

	return obj ? container_of(obj, struct ndis_miniport_driver, obj) : NULL;
}

static inline struct ndis_protocol *ndis_protocol_get(NDIS_HANDLE h, const char *api,
						      unsigned long caller)
{
	struct ndis_object *obj = ndis_handle_get(h, NDIS_HT_PROTOCOL, api, caller);

	return obj ? container_of(obj, struct ndis_protocol, obj) : NULL;
}

/* @t: the role the handle must play, NDIS_HT_BINDING or a bind or unbind context */
static inline struct ndis_binding *ndis_binding_get(NDIS_HANDLE h, enum ndis_handle_type t,
						    const char *api, unsigned long caller)
{
	struct ndis_object *obj = ndis_handle_get(h, t, api, caller);

	return obj ? container_of(obj, struct ndis_binding, obj) : NULL;
}

/*
 * Data path: the adapter or binding a handle names, for use until
 * rcu_read_unlock(); no reference is taken. NULL after reporting the bad
 * handle against @api and @caller. The caller holds rcu_read_lock().
 */
struct ndis_adapter *ndis_adapter_peek(NDIS_HANDLE handle, const char *api,
				       unsigned long caller);
struct ndis_binding *ndis_binding_peek(NDIS_HANDLE handle, const char *api,
				       unsigned long caller);

#endif /* _NDIS_CORE_DDI_H */
