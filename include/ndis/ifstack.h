/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS interfaces and the interface stack table.
 *
 * Every miniport adapter is an NDIS interface with a NET_IFINDEX of its
 * own, from 1 up (0 is NET_IFINDEX_UNSPECIFIED), given to the miniport in
 * NDIS_MINIPORT_INIT_PARAMETERS.IfIndex and to protocols in
 * NDIS_BIND_PARAMETERS.BoundIfIndex and .LowestIfIndex. These indices are
 * NDIS's own: they are not the ifindex of any Linux net_device. NDIS keeps
 * the interface stack table (RFC 2863's ifStackTable): a driver that knows
 * one interface sits over another says so with NdisIfAddIfStackEntry().
 * The table is /sys/kernel/ndis/if_stack.
 */
#ifndef _NDIS_IFSTACK_H
#define _NDIS_IFSTACK_H

#include <ndis/netif.h>
#include <ndis/status.h>

NDIS_STATUS NdisIfAddIfStackEntry(NET_IFINDEX HigherLayerIfIndex,
				  NET_IFINDEX LowerLayerIfIndex);
void NdisIfDeleteIfStackEntry(NET_IFINDEX HigherLayerIfIndex,
			      NET_IFINDEX LowerLayerIfIndex);

#endif /* _NDIS_IFSTACK_H */
