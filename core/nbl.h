/* SPDX-License-Identifier: GPL-2.0 */
/* Private to ndis.ko: where an NBL is in its life. */
#ifndef _NDIS_CORE_NBL_H
#define _NDIS_CORE_NBL_H

#include <ndis/nbl.h>

/* Values of NET_BUFFER_LIST.Ndis.state */
enum ndis_nbl_state {
	NDIS_NBL_IDLE,		/* with the driver that allocated it */
	NDIS_NBL_SENDING,	/* sent, not completed yet */
	NDIS_NBL_INDICATED,	/* indicated, not returned yet */
	NDIS_NBL_LENT,		/* a receive copy lent with RESOURCES: no return */
};

/* Receive copies a binding may have, grown NDIS_RX_CHUNK at a time. */
#define NDIS_RX_COPIES	256
#define NDIS_RX_CHUNK	8

#endif /* _NDIS_CORE_NBL_H */
