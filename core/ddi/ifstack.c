// SPDX-License-Identifier: GPL-2.0
/*
 * The interface stack table (include/ndis/ifstack.h): NdisIfAddIfStackEntry
 * and NdisIfDeleteIfStackEntry over the table of core/ifstack.c.
 */
#include <ndis/ndis.h>

#include "../ifstack.h"
#include "../report.h"

/**
 * NdisIfAddIfStackEntry() - say that one interface sits over another
 * @HigherLayerIfIndex: the index of the interface that is higher in the
 *	stack
 * @LowerLayerIfIndex: the index of the interface that is lower in it
 *
 * Adds the entry to NDIS's interface stack table. An entry that is there
 * already stays, once. NDIS deletes the entries that name an interface
 * when it deregisters the interface (the adapter is removed).
 *
 * An interface over itself is refused: the table orders two interfaces,
 * and such an entry would make a loop of one. The call is reported as
 * misuse.
 *
 * Context: IRQL == PASSIVE_LEVEL; at a higher level the call is reported
 * and adds nothing.
 * Return: NDIS_STATUS_SUCCESS; NDIS_STATUS_INTERFACE_NOT_FOUND if either
 * index is no registered interface; NDIS_STATUS_RESOURCES without memory;
 * NDIS_STATUS_INVALID_PARAMETER if both indices are the same;
 * NDIS_STATUS_INVALID_STATE above PASSIVE_LEVEL.
 */
NDIS_STATUS NdisIfAddIfStackEntry(NET_IFINDEX HigherLayerIfIndex,
				  NET_IFINDEX LowerLayerIfIndex)
{
	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return NDIS_STATUS_INVALID_STATE;
	switch (ndis_if_stack_add(HigherLayerIfIndex, LowerLayerIfIndex)) {
	case 0:
		return NDIS_STATUS_SUCCESS;
	case -ENOMEM:
		return NDIS_STATUS_RESOURCES;
	case -EINVAL:
		ndis_misuse(__func__, "two different interfaces", _RET_IP_);
		return NDIS_STATUS_INVALID_PARAMETER;
	default:
		return NDIS_STATUS_INTERFACE_NOT_FOUND;
	}
}
EXPORT_SYMBOL_NS_GPL(NdisIfAddIfStackEntry, "NDIS");

/**
 * NdisIfDeleteIfStackEntry() - delete an entry of the interface stack table
 * @HigherLayerIfIndex: the index of the interface that was higher
 * @LowerLayerIfIndex: the index of the interface that was lower
 *
 * Deletes the entry NdisIfAddIfStackEntry() added, if the table has it;
 * without one the call does nothing.
 *
 * Context: IRQL == PASSIVE_LEVEL; at a higher level the call is reported
 * and deletes nothing.
 */
void NdisIfDeleteIfStackEntry(NET_IFINDEX HigherLayerIfIndex,
			      NET_IFINDEX LowerLayerIfIndex)
{
	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return;
	ndis_if_stack_del(HigherLayerIfIndex, LowerLayerIfIndex);
}
EXPORT_SYMBOL_NS_GPL(NdisIfDeleteIfStackEntry, "NDIS");
