/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to the NDIS interface: decoding a handle a driver passed
 * (handle.c). The engine makes handles (../handle.h) but never decodes one.
 */
#ifndef _NDIS_CORE_DDI_HANDLE_H
#define _NDIS_CORE_DDI_HANDLE_H

#include <ndis/ndis.h>

#include "../object.h"

bool ndis_handle_is_driver(NDIS_HANDLE handle);
struct ndis_object *ndis_handle_peek(NDIS_HANDLE handle, enum ndis_handle_type type);
struct ndis_object *ndis_handle_get(NDIS_HANDLE handle, enum ndis_handle_type type,
				    const char *api, unsigned long caller);
void ndis_bad_handle(NDIS_HANDLE handle, enum ndis_handle_type type,
		     const char *api, unsigned long caller);

#endif /* _NDIS_CORE_DDI_HANDLE_H */
