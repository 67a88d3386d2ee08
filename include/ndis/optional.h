/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Optional handlers: NdisSetOptionalHandlers(), which a driver calls from
 * its SetOptions handler, and a protocol also with its binding handle, to
 * register a further service's entry points. The one service here is the
 * shared memory provider (include/ndis/sharedmem.h); CoNDIS, chimney
 * offload, NDK, the miniport's PnP and selective suspend characteristics
 * and a filter's partial characteristics name services that do not exist
 * here, and are refused with NDIS_STATUS_NOT_SUPPORTED.
 */
#ifndef _NDIS_OPTIONAL_H
#define _NDIS_OPTIONAL_H

#include <ndis/object.h>
#include <ndis/status.h>
#include <ndis/types.h>

/**
 * struct _NDIS_DRIVER_OPTIONAL_HANDLERS - what NdisSetOptionalHandlers()
 *	takes: the header of one of the optional-handler structures
 * @Header: its type says which structure follows
 */
typedef struct _NDIS_DRIVER_OPTIONAL_HANDLERS {
	NDIS_OBJECT_HEADER Header;
} NDIS_DRIVER_OPTIONAL_HANDLERS, *PNDIS_DRIVER_OPTIONAL_HANDLERS;

NDIS_STATUS NdisSetOptionalHandlers(NDIS_HANDLE NdisHandle,
				    PNDIS_DRIVER_OPTIONAL_HANDLERS OptionalHandlers);

#endif /* _NDIS_OPTIONAL_H */
