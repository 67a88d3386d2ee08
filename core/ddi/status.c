// SPDX-License-Identifier: GPL-2.0
/*
 * Status indications: NdisMIndicateStatusEx to ProtocolStatusEx of every
 * open binding of the adapter (or the one it names), from any context up
 * to DISPATCH_LEVEL, walking the adapter's RCU list of open bindings. A
 * link-state, MTU or MAC address indication also updates the adapter's
 * attributes (core/status.c).
 */
#include <linux/rcupdate.h>

#include "../adapter.h"
#include "../binding.h"
#include "../datapath.h"
#include "../handle.h"
#include "../object.h"
#include "../protocol.h"
#include "../report.h"
#include "ddi.h"
#include "header.h"

/* Keep the attributes NDIS answers queries from in step with the adapter. */
static void ndis_status_note(struct ndis_adapter *a, PNDIS_STATUS_INDICATION s)
{
	const NDIS_IF_PHYSICAL_ADDRESS *addr = s->StatusBuffer;
	const NDIS_LINK_STATE *link = s->StatusBuffer;
	const ULONG *mtu = s->StatusBuffer;

	if (!s->StatusBuffer)
		return;
	switch (s->StatusCode) {
	case NDIS_STATUS_LINK_STATE:
		if (s->StatusBufferSize >= sizeof(*link))
			ndis_adapter_set_link(a, link->MediaConnectState, link->MediaDuplexState,
					      link->XmitLinkSpeed, link->RcvLinkSpeed);
		return;
	case NDIS_STATUS_L2_MTU_SIZE_CHANGE:
		if (s->StatusBufferSize >= sizeof(*mtu))
			ndis_adapter_set_mtu(a, *mtu);
		return;
	case NDIS_STATUS_CURRENT_MAC_ADDRESS_CHANGE:
		if (s->StatusBufferSize >= sizeof(*addr))
			ndis_adapter_set_mac(a, addr->Address, addr->Length);
		return;
	}
}

/**
 * NdisMIndicateStatusEx() - tell the bindings of an adapter something
 * @MiniportAdapterHandle: the adapter
 * @StatusIndication: what; DestinationHandle NULL for every open binding
 *
 * Reaches bindings whose open completed and whose close has not. Legal from
 * MiniportInitializeEx (then nothing is bound yet) until MiniportHaltEx.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisMIndicateStatusEx(NDIS_HANDLE MiniportAdapterHandle,
			   PNDIS_STATUS_INDICATION StatusIndication)
{
	PNDIS_STATUS_INDICATION s = StatusIndication;
	struct ndis_binding *b;
	struct ndis_adapter *a;
	NDIS_HANDLE bh;
	bool raised;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	if (!ndis_header_ok(s, &ndis_rev_status_indication, __func__, _RET_IP_))
		return;
	rcu_read_lock();
	a = ndis_adapter_peek(MiniportAdapterHandle, __func__, _RET_IP_);
	if (!a) {
		rcu_read_unlock();
		return;
	}
	s->SourceHandle = MiniportAdapterHandle;
	ndis_status_note(a, s);
	list_for_each_entry_rcu(b, &a->open.list, open_node) {
		bh = ndis_handle_of(&b->obj, NDIS_HT_BINDING);
		if (s->DestinationHandle && s->DestinationHandle != bh)
			continue;
		if (!b->protocol->chars.StatusHandlerEx || !ndis_binding_upcall_enter(b))
			continue;
		raised = ndis_dispatch_enter();
		b->protocol->chars.StatusHandlerEx(b->protocol_ctx, s);
		ndis_dispatch_leave(raised);
		ndis_binding_upcall_exit(b);
	}
	rcu_read_unlock();
}
EXPORT_SYMBOL_NS_GPL(NdisMIndicateStatusEx, "NDIS");
