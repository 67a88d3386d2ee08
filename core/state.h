/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ndis.ko and its test interface: the states of the three
 * machines, without the structures that carry them. The moves each
 * machine allows are tables in adapter.c and binding.c.
 */
#ifndef _NDIS_CORE_STATE_H
#define _NDIS_CORE_STATE_H

enum ndis_adapter_state {
	NDIS_ADAPTER_HALTED,
	NDIS_ADAPTER_INITIALIZING,
	NDIS_ADAPTER_PAUSED,
	NDIS_ADAPTER_RESTARTING,
	NDIS_ADAPTER_RUNNING,
	NDIS_ADAPTER_PAUSING,
	NDIS_ADAPTER_SHUTDOWN,
};

enum ndis_binding_state {
	NDIS_BINDING_UNBOUND,
	NDIS_BINDING_OPENING,
	NDIS_BINDING_PAUSED,
	NDIS_BINDING_RESTARTING,
	NDIS_BINDING_RUNNING,
	NDIS_BINDING_PAUSING,
	NDIS_BINDING_CLOSING,
};

/* Values of NET_BUFFER_LIST.Ndis.state */
enum ndis_nbl_state {
	NDIS_NBL_IDLE,		/* with the driver that allocated it */
	NDIS_NBL_SENDING,	/* sent, not completed yet */
	NDIS_NBL_INDICATED,	/* indicated, not returned yet */
	NDIS_NBL_LENT,		/* a receive copy lent with RESOURCES: no return */
};

#endif /* _NDIS_CORE_STATE_H */
