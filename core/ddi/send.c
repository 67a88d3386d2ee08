// SPDX-License-Identifier: GPL-2.0
/*
 * The send side of the NDIS interface: NdisSendNetBufferLists,
 * NdisMSendNetBufferListsComplete, NdisCancelSendNetBufferLists and
 * NdisGeneratePartialCancelId. Each checks the caller's level and looks
 * the handle up under RCU, then calls the engine (core/send.c).
 */
#include <linux/rcupdate.h>

#include "../binding.h"
#include "../datapath.h"
#include "../handle.h"
#include "../object.h"
#include "ddi.h"

static struct ndis_binding *ndis_binding_live(NDIS_HANDLE h)
{
	struct ndis_object *obj = ndis_handle_peek(h, NDIS_HT_BINDING);
	struct ndis_binding *b = obj ? container_of(obj, struct ndis_binding, obj) : NULL;

	return b && READ_ONCE(b->handle_live) ? b : NULL;
}

/**
 * NdisSendNetBufferLists() - send a chain of NBLs on a binding
 * @NdisBindingHandle: the binding
 * @NetBufferLists: the chain; ownership passes to NDIS until each NBL comes
 *	back through ProtocolSendNetBufferListsComplete
 * @PortNumber: 0, the default port
 * @SendFlags: NDIS_SEND_FLAGS_*
 *
 * NBLs come back with Status NDIS_STATUS_PAUSED, without reaching the
 * miniport, unless both the binding and its adapter are running, and with
 * NDIS_STATUS_CLOSING while NdisCloseAdapterEx() of the binding runs. After
 * the close has returned the handle is stale: the call is reported and the
 * NBLs stay the caller's. An NBL already in flight is reported and left out
 * of the send.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisSendNetBufferLists(NDIS_HANDLE NdisBindingHandle, PNET_BUFFER_LIST NetBufferLists,
			    NDIS_PORT_NUMBER PortNumber, ULONG SendFlags)
{
	struct ndis_binding *b;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	rcu_read_lock();
	b = ndis_binding_peek(NdisBindingHandle, __func__, _RET_IP_);
	if (b && ndis_send(b, NdisBindingHandle, NetBufferLists, PortNumber, SendFlags,
			   __func__, _RET_IP_))
		ndis_bad_handle(NdisBindingHandle, NDIS_HT_BINDING, __func__, _RET_IP_);
	rcu_read_unlock();
}
EXPORT_SYMBOL_NS_GPL(NdisSendNetBufferLists, "NDIS");

/**
 * NdisMSendNetBufferListsComplete() - give sent NBLs back
 * @MiniportAdapterHandle: the adapter they were sent on
 * @NetBufferLists: any chain of NBLs the adapter was given, each with its
 *	Status set; they may come from several bindings and sends
 * @SendCompleteFlags: NDIS_SEND_COMPLETE_FLAGS_*
 *
 * Each NBL goes back to the binding it came from, in runs of consecutive
 * NBLs of one binding. An NBL completed twice is reported and skipped.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisMSendNetBufferListsComplete(NDIS_HANDLE MiniportAdapterHandle,
				     PNET_BUFFER_LIST NetBufferLists, ULONG SendCompleteFlags)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	rcu_read_lock();
	if (ndis_adapter_peek(MiniportAdapterHandle, __func__, _RET_IP_))
		ndis_send_complete(NetBufferLists, SendCompleteFlags, __func__, _RET_IP_);
	rcu_read_unlock();
}
EXPORT_SYMBOL_NS_GPL(NdisMSendNetBufferListsComplete, "NDIS");

/**
 * NdisCancelSendNetBufferLists() - ask the miniport to drop queued sends
 * @NdisBindingHandle: the binding the sends were made on
 * @CancelId: the id set with NDIS_SET_NET_BUFFER_LIST_CANCEL_ID()
 *
 * Best effort: MiniportCancelSend completes what it still holds with
 * NDIS_STATUS_SEND_ABORTED; every NBL still comes back exactly once.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisCancelSendNetBufferLists(NDIS_HANDLE NdisBindingHandle, PVOID CancelId)
{
	struct ndis_binding *b;
	bool live;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	rcu_read_lock();
	b = ndis_binding_live(NdisBindingHandle);
	live = b && ndis_send_cancel(b, CancelId);
	rcu_read_unlock();
	if (!live)
		ndis_bad_handle(NdisBindingHandle, NDIS_HT_BINDING, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisCancelSendNetBufferLists, "NDIS");

/**
 * NdisGeneratePartialCancelId() - a byte to start a driver's cancel ids
 *
 * Put it in the top byte of the ids a driver uses, so that ids of
 * different drivers never collide.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: a value no earlier call returned, until 256 calls wrap it.
 */
UCHAR NdisGeneratePartialCancelId(void)
{
	static atomic_t ndis_partial_cancel_id = ATOMIC_INIT(0);

	return (UCHAR)atomic_inc_return(&ndis_partial_cancel_id);
}
EXPORT_SYMBOL_NS_GPL(NdisGeneratePartialCancelId, "NDIS");
