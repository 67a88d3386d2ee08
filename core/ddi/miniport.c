// SPDX-License-Identifier: GPL-2.0
/*
 * The miniport side of the NDIS interface: driver registration, adapter
 * attributes, removal, and the completions of a pended pause or restart.
 * Each checks the caller's level, the handle and the arguments, reports
 * misuse, and calls the engine (core/miniport.c, core/adapter.c).
 */
#include "../adapter.h"
#include "../handle.h"
#include "../miniport.h"
#include "../object.h"
#include "../pend.h"
#include "../registry.h"
#include "../report.h"
#include "ddi.h"
#include "header.h"

/* The handlers and versions of characteristics whose header was accepted. */
static NDIS_STATUS ndis_check_miniport_chars(PNDIS_MINIPORT_DRIVER_CHARACTERISTICS c)
{
	if (c->MajorNdisVersion != NDIS_MAJOR_VERSION || c->MinorNdisVersion > NDIS_MINOR_VERSION)
		return NDIS_STATUS_BAD_VERSION;
	if (!c->InitializeHandlerEx || !c->HaltHandlerEx || !c->PauseHandler ||
	    !c->RestartHandler || !c->OidRequestHandler || !c->SendNetBufferListsHandler ||
	    !c->ReturnNetBufferListsHandler || !c->CancelSendHandler ||
	    !c->DevicePnPEventNotifyHandler || !c->ShutdownHandlerEx ||
	    !c->CancelOidRequestHandler ||
	    (c->CheckForHangHandlerEx && !c->ResetHandlerEx))
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	return NDIS_STATUS_SUCCESS;
}

/**
 * ndis_register_miniport_driver() - NdisMRegisterMiniportDriver()
 * @MiniportDriverContext: passed to MiniportInitializeEx
 * @MiniportDriverCharacteristics: entry points, copied
 * @NdisMiniportDriverHandle: receives the driver handle
 * @owner: the module the handlers live in
 *
 * Use through the NdisMRegisterMiniportDriver() macro. Characteristics of
 * an older revision are taken at their own size, the later fields as NULL;
 * a header of the wrong type, revision 0 or a size short of its revision's
 * is reported.
 *
 * Context: PASSIVE_LEVEL.
 * Return: see NdisMRegisterMiniportDriver().
 */
NDIS_STATUS ndis_register_miniport_driver(NDIS_HANDLE MiniportDriverContext,
					  PNDIS_MINIPORT_DRIVER_CHARACTERISTICS
					  MiniportDriverCharacteristics,
					  PNDIS_HANDLE NdisMiniportDriverHandle,
					  struct module *owner)
{
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS c;
	struct ndis_miniport_driver *d;
	NDIS_STATUS status;
	const char *name;
	int ret;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return NDIS_STATUS_INVALID_STATE;
	if (!MiniportDriverCharacteristics || !NdisMiniportDriverHandle)
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	if (!ndis_header_copy(&c, MiniportDriverCharacteristics, &ndis_rev_miniport_chars,
			      __func__, _RET_IP_))
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	status = ndis_check_miniport_chars(&c);
	if (status != NDIS_STATUS_SUCCESS)
		return status;
	name = c.Name ? c.Name : owner ? module_name(owner) : NULL;
	if (!name || !*name || strlen(name) >= NDIS_NAME_MAX || strpbrk(name, "\n/: "))
		return NDIS_STATUS_BAD_CHARACTERISTICS;

	ret = ndis_miniport_driver_add(name, &c, MiniportDriverContext, owner, &d);
	if (ret)
		return ret == -EEXIST ? NDIS_STATUS_FAILURE : NDIS_STATUS_RESOURCES;

	*NdisMiniportDriverHandle = ndis_handle_of(&d->obj, NDIS_HT_MINIPORT_DRIVER);
	if (c.SetOptionsHandler) {
		status = c.SetOptionsHandler(*NdisMiniportDriverHandle, MiniportDriverContext);
		if (status != NDIS_STATUS_SUCCESS) {
			NdisMDeregisterMiniportDriver(*NdisMiniportDriverHandle);
			return status;
		}
	}
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(ndis_register_miniport_driver, "NDIS");

/**
 * NdisMDeregisterMiniportDriver() - undo NdisMRegisterMiniportDriver()
 * @NdisMiniportDriverHandle: the driver, dead after this returns
 *
 * Removes any adapter the driver still has (as ndis_miniport_remove_adapter()
 * would), so that no handler of the driver runs once this returns.
 *
 * Context: PASSIVE_LEVEL, not from an NDIS handler.
 */
void NdisMDeregisterMiniportDriver(NDIS_HANDLE NdisMiniportDriverHandle)
{
	struct ndis_miniport_driver *d;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return;
	d = ndis_miniport_driver_get(NdisMiniportDriverHandle, __func__, _RET_IP_);
	if (!d)
		return;
	if (ndis_in_adapter_operation())
		ndis_misuse(__func__, "a caller outside NDIS handlers", _RET_IP_);
	else if (ndis_miniport_driver_deregister(d) == -EALREADY)
		ndis_misuse(__func__, "a driver not being deregistered already", _RET_IP_);
	ndis_object_put(&d->obj);
}
EXPORT_SYMBOL_NS_GPL(NdisMDeregisterMiniportDriver, "NDIS");

/**
 * NdisMRemoveMiniport() - the miniport declares its adapter failed
 * @MiniportAdapterHandle: the adapter
 *
 * Queues the removal (halt with NdisHaltDeviceFailed) and returns.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: NDIS_STATUS_SUCCESS, or NDIS_STATUS_FAILURE for a bad handle.
 */
NDIS_STATUS NdisMRemoveMiniport(NDIS_HANDLE MiniportAdapterHandle)
{
	struct ndis_adapter *a;

	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return NDIS_STATUS_INVALID_STATE;
	a = ndis_adapter_get(MiniportAdapterHandle, __func__, _RET_IP_);
	if (!a)
		return NDIS_STATUS_FAILURE;
	if (ndis_adapter_queue_remove(a))
		return NDIS_STATUS_SUCCESS;	/* the work owns our reference */
	ndis_object_put(&a->obj);
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisMRemoveMiniport, "NDIS");

/**
 * NdisMSetMiniportAttributes() - describe the adapter being initialised
 * @NdisMiniportAdapterHandle: the adapter
 * @MiniportAttributes: registration attributes first, then general ones
 *
 * Attributes of an older revision are taken at their own size, the later
 * fields as zero; a header of revision 0 or too short for its revision is
 * reported and refused.
 *
 * Context: PASSIVE_LEVEL, inside MiniportInitializeEx.
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_INVALID_PARAMETER (bad handle,
 * header or values), NDIS_STATUS_NOT_ACCEPTED (outside initialisation or
 * out of order), NDIS_STATUS_RESOURCES.
 */
NDIS_STATUS NdisMSetMiniportAttributes(NDIS_HANDLE NdisMiniportAdapterHandle,
				       PNDIS_MINIPORT_ADAPTER_ATTRIBUTES MiniportAttributes)
{
	NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES r;
	NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES g;
	NDIS_STATUS status = NDIS_STATUS_SUCCESS;
	struct ndis_adapter *a;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return NDIS_STATUS_INVALID_STATE;
	a = ndis_adapter_get(NdisMiniportAdapterHandle, __func__, _RET_IP_);
	if (!a)
		return NDIS_STATUS_INVALID_PARAMETER;
	if (!ndis_adapter_initializing_here(a)) {
		ndis_misuse(__func__, "a call from inside MiniportInitializeEx", _RET_IP_);
		status = NDIS_STATUS_NOT_ACCEPTED;
		goto out;
	}
	if (!MiniportAttributes) {
		status = NDIS_STATUS_INVALID_PARAMETER;
		goto out;
	}
	switch (MiniportAttributes->Header.Type) {
	case NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES:
		if (!ndis_header_copy(&r, MiniportAttributes, &ndis_rev_registration_attrs,
				      __func__, _RET_IP_)) {
			status = NDIS_STATUS_INVALID_PARAMETER;
			break;
		}
		ndis_adapter_set_registration(a, r.MiniportAdapterContext);
		break;
	case NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES:
		if (!ndis_header_copy(&g, MiniportAttributes, &ndis_rev_general_attrs,
				      __func__, _RET_IP_)) {
			status = NDIS_STATUS_INVALID_PARAMETER;
			break;
		}
		if (!a->mp.registration_set) {
			ndis_misuse(__func__, "registration attributes before general ones",
				    _RET_IP_);
			status = NDIS_STATUS_NOT_ACCEPTED;
			break;
		}
		if (g.MediaType >= NdisMediumMax ||
		    g.MacAddressLength > NDIS_MAX_PHYS_ADDRESS_LENGTH ||
		    g.SupportedOidListLength % sizeof(NDIS_OID) ||
		    (g.SupportedOidListLength && !g.SupportedOidList)) {
			status = NDIS_STATUS_INVALID_PARAMETER;
			break;
		}
		if (ndis_adapter_set_general(a, &g))
			status = NDIS_STATUS_RESOURCES;
		break;
	default:
		ndis_misuse(__func__, "registration or general attributes", _RET_IP_);
		status = NDIS_STATUS_INVALID_PARAMETER;
	}
out:
	ndis_object_put(&a->obj);
	return status;
}
EXPORT_SYMBOL_NS_GPL(NdisMSetMiniportAttributes, "NDIS");

/**
 * NdisMPauseComplete() - finish a MiniportPause that returned PENDING
 * @MiniportAdapterHandle: the adapter
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisMPauseComplete(NDIS_HANDLE MiniportAdapterHandle)
{
	struct ndis_adapter *a;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	a = ndis_adapter_get(MiniportAdapterHandle, __func__, _RET_IP_);
	if (!a)
		return;
	if (!ndis_pend_complete(&a->pend.pause, NDIS_STATUS_SUCCESS))
		ndis_misuse(__func__, "a pause that is pending", _RET_IP_);
	ndis_object_put(&a->obj);
}
EXPORT_SYMBOL_NS_GPL(NdisMPauseComplete, "NDIS");

/**
 * NdisMRestartComplete() - finish a MiniportRestart that returned PENDING
 * @MiniportAdapterHandle: the adapter
 * @Status: NDIS_STATUS_SUCCESS, or why the restart failed (stays Paused)
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisMRestartComplete(NDIS_HANDLE MiniportAdapterHandle, NDIS_STATUS Status)
{
	struct ndis_adapter *a;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	a = ndis_adapter_get(MiniportAdapterHandle, __func__, _RET_IP_);
	if (!a)
		return;
	if (!ndis_pend_complete(&a->pend.restart, Status))
		ndis_misuse(__func__, "a restart that is pending", _RET_IP_);
	ndis_object_put(&a->obj);
}
EXPORT_SYMBOL_NS_GPL(NdisMRestartComplete, "NDIS");
