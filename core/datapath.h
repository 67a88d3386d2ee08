/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ndis.ko: the data path's engine, send (send.c) and receive
 * (receive.c), which the interface calls with the handle looked up.
 */
#ifndef _NDIS_CORE_DATAPATH_H
#define _NDIS_CORE_DATAPATH_H

#include <linux/bottom_half.h>
#include <linux/irqflags.h>
#include <ndis/ndis.h>

#include "state.h"

struct ndis_adapter;
struct ndis_binding;

/* Receive copies a binding may have, grown NDIS_RX_CHUNK at a time. */
#define NDIS_RX_COPIES	256
#define NDIS_RX_CHUNK	8

/*
 * Data-path callbacks run at DISPATCH_LEVEL, as NDIS promises: these raise
 * a PASSIVE caller (BHs off) and leave DISPATCH and above as they are.
 * Return: whether ndis_dispatch_leave() must lower again.
 */
static inline bool ndis_dispatch_enter(void)
{
	if (irqs_disabled() || in_softirq())
		return false;
	local_bh_disable();
	return true;
}

static inline void ndis_dispatch_leave(bool raised)
{
	if (raised)
		local_bh_enable();
}

/* Send (send.c): under RCU, the handle looked up by the caller */
int ndis_send(struct ndis_binding *binding, void *handle, PNET_BUFFER_LIST chain, u32 port,
	      u32 flags, const char *api, unsigned long caller);
void ndis_send_complete(PNET_BUFFER_LIST chain, u32 flags, const char *api,
			unsigned long caller);
bool ndis_send_cancel(struct ndis_binding *binding, void *id);

/* Receive (receive.c) */
int ndis_rx_indicate(struct ndis_adapter *adapter, void *handle, PNET_BUFFER_LIST chain,
		     u32 port, u32 flags, const char *api, unsigned long caller);
void ndis_rx_return(struct ndis_binding *binding, PNET_BUFFER_LIST chain, u32 flags,
		    const char *api, unsigned long caller);
void ndis_rx_open(struct ndis_binding *binding);
void ndis_rx_close(struct ndis_binding *binding);
void ndis_rx_adapter_init(struct ndis_adapter *adapter);
void ndis_rx_adapter_drain(struct ndis_adapter *adapter);
bool ndis_rx_is_return_work(struct work_struct *work);

#endif /* _NDIS_CORE_DATAPATH_H */
