// SPDX-License-Identifier: GPL-2.0
/*
 * The receive side of the NDIS interface: NdisMIndicateReceiveNetBufferLists
 * and NdisReturnNetBufferLists. Each checks the caller's level and looks
 * the handle up under RCU, then calls the engine (core/receive.c).
 */
#include <linux/rcupdate.h>

#include "../adapter.h"
#include "../binding.h"
#include "../datapath.h"
#include "../report.h"
#include "ddi.h"

/**
 * NdisMIndicateReceiveNetBufferLists() - hand received frames up
 * @MiniportAdapterHandle: the adapter
 * @NetBufferLists: the chain of received NBLs
 * @PortNumber: 0, the default port
 * @NumberOfNetBufferLists: how many NBLs the chain holds
 * @ReceiveFlags: NDIS_RECEIVE_FLAGS_*; with NDIS_RECEIVE_FLAGS_RESOURCES the
 *	NBLs are the miniport's again when this returns
 *
 * Every running binding whose packet filter takes a frame receives its own
 * copy of the frame's NBL. Without NDIS_RECEIVE_FLAGS_RESOURCES each NBL
 * comes back through MiniportReturnNetBufferLists exactly once, after every
 * binding returned its copy (never from inside this call).
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisMIndicateReceiveNetBufferLists(NDIS_HANDLE MiniportAdapterHandle,
					PNET_BUFFER_LIST NetBufferLists,
					NDIS_PORT_NUMBER PortNumber,
					ULONG NumberOfNetBufferLists, ULONG ReceiveFlags)
{
	struct ndis_adapter *a;
	int ret = 0;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	rcu_read_lock();
	a = ndis_adapter_peek(MiniportAdapterHandle, __func__, _RET_IP_);
	if (a)
		ret = ndis_rx_indicate(a, MiniportAdapterHandle, NetBufferLists, PortNumber,
				       ReceiveFlags, __func__, _RET_IP_);
	rcu_read_unlock();
	/* Outside RCU, so the report gives the caller's own level. */
	if (ret)
		ndis_misuse(__func__, "an adapter restarting, running or pausing", _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisMIndicateReceiveNetBufferLists, "NDIS");

/**
 * NdisReturnNetBufferLists() - give back received NBLs a binding held
 * @NdisBindingHandle: the binding they were indicated to
 * @NetBufferLists: a chain of them, from any number of indications
 * @ReturnFlags: NDIS_RETURN_FLAGS_*
 *
 * Each miniport NBL goes back through MiniportReturnNetBufferLists once
 * every binding returned its copy. An NBL returned twice, or by another
 * binding, is reported and skipped.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisReturnNetBufferLists(NDIS_HANDLE NdisBindingHandle, PNET_BUFFER_LIST NetBufferLists,
			      ULONG ReturnFlags)
{
	struct ndis_binding *b;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	rcu_read_lock();
	b = ndis_binding_peek(NdisBindingHandle, __func__, _RET_IP_);
	if (b)
		ndis_rx_return(b, NetBufferLists, ReturnFlags, __func__, _RET_IP_);
	rcu_read_unlock();
}
EXPORT_SYMBOL_NS_GPL(NdisReturnNetBufferLists, "NDIS");
