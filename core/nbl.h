/* SPDX-License-Identifier: GPL-2.0 */
/* Private to ndis.ko: the NBL states and the receive copies' sizing. */
#ifndef _NDIS_CORE_NBL_H
#define _NDIS_CORE_NBL_H

#include <ndis/nbl.h>

#include "state.h"

/* Receive copies a binding may have, grown NDIS_RX_CHUNK at a time. */
#define NDIS_RX_COPIES	256
#define NDIS_RX_CHUNK	8

#endif /* _NDIS_CORE_NBL_H */
