// SPDX-License-Identifier: GPL-2.0
/*
 * The Linux stand-ins for Plug and Play (namespace NDIS_LINUX): a miniport
 * that wraps a Linux device starts, queries, powers and removes its
 * adapters through these, where Windows would send PnP IRPs. Each checks
 * the caller's level, the handle and the arguments, and calls the engine
 * (core/adapter.c).
 */
#include "../adapter.h"
#include "../miniport.h"
#include "../object.h"
#include "../registry.h"
#include "../report.h"
#include "ddi.h"

static bool ndis_adapter_name_ok(const char *name)
{
	size_t len = name ? strnlen(name, NDIS_NAME_MAX) : 0;

	return len && len < NDIS_NAME_MAX && !strpbrk(name, "\n/: ") &&
	       strcmp(name, ".") && strcmp(name, "..");
}

/**
 * ndis_miniport_add_adapter() - PnP start of an adapter
 * @NdisMiniportDriverHandle: the miniport driver
 * @name: unique adapter name: up to 31 characters, no '/', ':' or space
 * @add_context: passed to MiniportInitializeEx as MiniportAddDeviceContext
 * @MiniportAdapterHandle: receives the adapter handle on success
 *
 * Runs MiniportInitializeEx (which must set registration and general
 * attributes) and MiniportRestart, then offers the adapter to every
 * protocol; binds run asynchronously afterwards.
 *
 * Context: PASSIVE_LEVEL.
 * Return: NDIS_STATUS_SUCCESS, the status MiniportInitializeEx failed with,
 * NDIS_STATUS_ADAPTER_REMOVED (removed while it started),
 * NDIS_STATUS_INVALID_PARAMETER (bad handle or name),
 * NDIS_STATUS_RESOURCE_CONFLICT (name in use), NDIS_STATUS_RESOURCES,
 * NDIS_STATUS_FAILURE (attributes missing).
 */
NDIS_STATUS ndis_miniport_add_adapter(NDIS_HANDLE NdisMiniportDriverHandle,
				      const char *name, NDIS_HANDLE add_context,
				      PNDIS_HANDLE MiniportAdapterHandle)
{
	struct ndis_miniport_driver *d;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return NDIS_STATUS_INVALID_STATE;
	d = ndis_miniport_driver_get(NdisMiniportDriverHandle, __func__, _RET_IP_);
	if (!d)
		return NDIS_STATUS_INVALID_PARAMETER;
	if (!ndis_adapter_name_ok(name) || !MiniportAdapterHandle) {
		ndis_misuse(__func__, "a valid adapter name and handle pointer", _RET_IP_);
		ndis_object_put(&d->obj);
		return NDIS_STATUS_INVALID_PARAMETER;
	}
	/* The reference on @d moves to the adapter. */
	return ndis_adapter_add(d, name, add_context, MiniportAdapterHandle);
}
EXPORT_SYMBOL_NS_GPL(ndis_miniport_add_adapter, "NDIS_LINUX");

/*
 * The adapter behind @h, referenced, for a PnP call made from outside every
 * NDIS handler (it takes the operation lock). NULL, with *@status set, if not.
 */
static struct ndis_adapter *ndis_adapter_get_pnp(NDIS_HANDLE h, const char *api,
						 unsigned long caller, NDIS_STATUS *status)
{
	struct ndis_adapter *a = ndis_adapter_get(h, api, caller);

	if (!a) {
		*status = NDIS_STATUS_INVALID_PARAMETER;
		return NULL;
	}
	if (ndis_in_adapter_operation()) {
		ndis_misuse(api, "a caller outside NDIS handlers", caller);
		ndis_object_put(&a->obj);
		*status = NDIS_STATUS_NOT_ACCEPTED;
		return NULL;
	}
	return a;
}

static NDIS_STATUS ndis_pnp_remove(NDIS_HANDLE h, NDIS_HALT_ACTION action, bool surprise,
				   const char *api, unsigned long caller)
{
	NDIS_STATUS status;
	struct ndis_adapter *a;
	int ret;

	a = ndis_adapter_get_pnp(h, api, caller, &status);
	if (!a)
		return status;
	ret = ndis_adapter_remove(a, action, surprise);
	ndis_object_put(&a->obj);
	return ret ? NDIS_STATUS_ADAPTER_REMOVED : NDIS_STATUS_SUCCESS;
}

/**
 * ndis_miniport_query_remove_adapter() - may the adapter be removed?
 * @MiniportAdapterHandle: the adapter
 *
 * Sends NetEventQueryRemoveDevice to every bound protocol. If one refuses,
 * every protocol asked gets NetEventCancelRemoveDevice and the answer is
 * no; nothing is removed either way (ndis_miniport_remove_adapter() does
 * that, and asks again, without a veto).
 *
 * Context: PASSIVE_LEVEL, not from an NDIS handler.
 * Return: NDIS_STATUS_SUCCESS if every protocol agreed, NDIS_STATUS_FAILURE
 * if one refused, NDIS_STATUS_INVALID_PARAMETER for a bad handle,
 * NDIS_STATUS_ADAPTER_REMOVED if it is going already.
 */
NDIS_STATUS ndis_miniport_query_remove_adapter(NDIS_HANDLE MiniportAdapterHandle)
{
	NDIS_STATUS status;
	struct ndis_adapter *a;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return NDIS_STATUS_INVALID_STATE;
	a = ndis_adapter_get_pnp(MiniportAdapterHandle, __func__, _RET_IP_, &status);
	if (!a)
		return status;
	status = ndis_adapter_query_remove(a);
	ndis_object_put(&a->obj);
	return status;
}
EXPORT_SYMBOL_NS_GPL(ndis_miniport_query_remove_adapter, "NDIS_LINUX");

/**
 * ndis_miniport_set_power() - move an adapter to a device power state
 * @MiniportAdapterHandle: the adapter
 * @PowerState: NdisDeviceStateD0 to wake, D1..D3 to sleep
 *
 * The stand-in for a system sleep or wake. Going to sleep: every bound
 * protocol gets NetEventSetPower(Dx), the bindings and the miniport are
 * paused, and the miniport gets OID_PNP_SET_POWER(Dx); until it wakes,
 * OID requests for the miniport fail with NDIS_STATUS_LOW_POWER_STATE.
 * Waking: OID_PNP_SET_POWER(D0), the miniport and bindings restart, and
 * the protocols get NetEventSetPower(D0).
 *
 * Context: PASSIVE_LEVEL, not from an NDIS handler.
 * Return: NDIS_STATUS_SUCCESS, the miniport's failure of OID_PNP_SET_POWER
 * (going to sleep, the miniport stayed in D0: the adapter and its bindings
 * run again and the protocols get NetEventSetPower(D0); waking, it stays
 * asleep), NDIS_STATUS_INVALID_PARAMETER for a bad handle or state,
 * NDIS_STATUS_ADAPTER_NOT_READY after the system shut the adapter down,
 * NDIS_STATUS_ADAPTER_REMOVED if it is being removed.
 */
NDIS_STATUS ndis_miniport_set_power(NDIS_HANDLE MiniportAdapterHandle,
				    NDIS_DEVICE_POWER_STATE PowerState)
{
	NDIS_STATUS status;
	struct ndis_adapter *a;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return NDIS_STATUS_INVALID_STATE;
	if (PowerState < NdisDeviceStateD0 || PowerState >= NdisDeviceStateMaximum)
		return NDIS_STATUS_INVALID_PARAMETER;
	a = ndis_adapter_get_pnp(MiniportAdapterHandle, __func__, _RET_IP_, &status);
	if (!a)
		return status;
	status = ndis_adapter_set_power(a, PowerState);
	ndis_object_put(&a->obj);
	return status;
}
EXPORT_SYMBOL_NS_GPL(ndis_miniport_set_power, "NDIS_LINUX");

/**
 * ndis_miniport_remove_adapter() - PnP removal of an adapter
 * @MiniportAdapterHandle: the adapter, dead after this returns
 *
 * Pauses and unbinds every binding (waiting for pended operations), pauses
 * the miniport and halts it with NdisHaltDeviceDisabled.
 *
 * Context: PASSIVE_LEVEL, not from an NDIS handler.
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_INVALID_PARAMETER for a bad
 * handle, NDIS_STATUS_ADAPTER_REMOVED if it was being removed already.
 */
NDIS_STATUS ndis_miniport_remove_adapter(NDIS_HANDLE MiniportAdapterHandle)
{
	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return NDIS_STATUS_INVALID_STATE;
	return ndis_pnp_remove(MiniportAdapterHandle, NdisHaltDeviceDisabled, false,
			       __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(ndis_miniport_remove_adapter, "NDIS_LINUX");

/**
 * ndis_miniport_surprise_remove_adapter() - the adapter is gone
 * @MiniportAdapterHandle: the adapter, dead after this returns
 *
 * MiniportDevicePnPEventNotify(NdisDevicePnPEventSurpriseRemoved) first,
 * then as ndis_miniport_remove_adapter() with NdisHaltDeviceSurpriseRemoved.
 *
 * Context: PASSIVE_LEVEL, not from an NDIS handler.
 * Return: as ndis_miniport_remove_adapter().
 */
NDIS_STATUS ndis_miniport_surprise_remove_adapter(NDIS_HANDLE MiniportAdapterHandle)
{
	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return NDIS_STATUS_INVALID_STATE;
	return ndis_pnp_remove(MiniportAdapterHandle, NdisHaltDeviceSurpriseRemoved, true,
			       __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(ndis_miniport_surprise_remove_adapter, "NDIS_LINUX");
