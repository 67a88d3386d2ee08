// SPDX-License-Identifier: GPL-2.0
/*
 * The miniport side of the NDIS interface: driver registration, adapter
 * attributes, removal, and the completions of a pended pause or restart.
 * Each checks the caller's level, the handle and the arguments, reports
 * misuse, and calls the engine (core/miniport.c, core/adapter.c).
 */
#include <linux/sched.h>
#include <linux/slab.h>

#include "../adapter.h"
#include "../handle.h"
#include "../miniport.h"
#include "../object.h"
#include "../pend.h"
#include "../registry.h"
#include "../report.h"
#include "ddi.h"
#include "header.h"
#include "text.h"

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

/*
 * The DriverUnload NDIS gives a miniport's DRIVER_OBJECT: the driver's
 * UnloadHandler, then a check that it deregistered. PASSIVE, module exit.
 */
static void ndis_miniport_driver_unload(PDRIVER_OBJECT DriverObject)
{
	MINIPORT_UNLOAD *unload = DriverObject->NdisMiniportUnload;

	if (unload)
		unload(DriverObject);
	ndis_driver_object_check(DriverObject, "MiniportDriverUnload",
				 "NdisMDeregisterMiniportDriver() before it returns",
				 (unsigned long)unload);
}

/**
 * ndis_driver_object_check() - deregister what a gone driver left registered
 * @DriverObject: the driver object of a driver whose DriverEntry failed or
 *	whose unload returned
 * @api: the driver's routine that should have deregistered, for the report
 * @requirement: what it should have done, for the report
 * @caller: the routine's address, for the report
 *
 * Private to ndis.ko. A miniport driver still registered with
 * @DriverObject is reported and deregistered, so that none of its handlers
 * runs once its module is gone.
 *
 * Context: PASSIVE_LEVEL, outside NDIS handlers.
 */
void ndis_driver_object_check(PDRIVER_OBJECT DriverObject, const char *api,
			      const char *requirement, unsigned long caller)
{
	NDIS_HANDLE h = READ_ONCE(DriverObject->NdisMiniportDriver);
	struct ndis_miniport_driver *d;

	if (!h)
		return;
	ndis_misuse(api, requirement, caller);
	d = ndis_miniport_driver_get(h, __func__, caller);
	if (!d)
		return;
	ndis_miniport_driver_deregister(d);
	mutex_lock(&ndis_registry_lock);
	if (d->driver_object == DriverObject) {
		d->driver_object = NULL;
		DriverObject->NdisMiniportDriver = NULL;
	}
	mutex_unlock(&ndis_registry_lock);
	ndis_object_put(&d->obj);
}

/* Tie @d to @DriverObject; false if another driver has it. */
static bool ndis_driver_object_claim(struct ndis_miniport_driver *d,
				     PDRIVER_OBJECT DriverObject, MINIPORT_UNLOAD *unload)
{
	bool ok;

	mutex_lock(&ndis_registry_lock);
	ok = !DriverObject->NdisMiniportDriver;
	if (ok) {
		DriverObject->NdisMiniportDriver = ndis_handle_of(&d->obj,
								  NDIS_HT_MINIPORT_DRIVER);
		DriverObject->NdisMiniportUnload = unload;
		DriverObject->DriverUnload = ndis_miniport_driver_unload;
		d->driver_object = DriverObject;
	}
	mutex_unlock(&ndis_registry_lock);
	return ok;
}

/* Untie @d from its driver object, if it has one. */
static void ndis_driver_object_release(struct ndis_miniport_driver *d)
{
	mutex_lock(&ndis_registry_lock);
	if (d->driver_object) {
		d->driver_object->NdisMiniportDriver = NULL;
		d->driver_object = NULL;
	}
	mutex_unlock(&ndis_registry_lock);
}

/**
 * ndis_register_miniport_driver() - NdisMRegisterMiniportDriver()
 * @DriverObject: the driver object from DriverEntry, or NULL
 * @RegistryPath: the path from DriverEntry; not read
 * @MiniportDriverContext: passed to MiniportInitializeEx
 * @MiniportDriverCharacteristics: entry points, copied
 * @NdisMiniportDriverHandle: receives the driver handle
 * @owner: the module the handlers live in
 *
 * Use through the NdisMRegisterMiniportDriver() macro. Characteristics of
 * an older revision are taken at their own size, the later fields as NULL;
 * a header of the wrong type, revision 0 or a size short of its revision's
 * is reported. With a @DriverObject, UnloadHandler is required and
 * DriverUnload is set to NDIS's routine that calls it; a @DriverObject
 * another miniport driver registered with is reported and refused.
 *
 * Context: PASSIVE_LEVEL.
 * Return: see NdisMRegisterMiniportDriver().
 */
NDIS_STATUS ndis_register_miniport_driver(PDRIVER_OBJECT DriverObject,
					  PUNICODE_STRING RegistryPath,
					  NDIS_HANDLE MiniportDriverContext,
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
	if (DriverObject && !c.UnloadHandler)
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	if (DriverObject && (DriverObject->Type != IO_TYPE_DRIVER ||
			     DriverObject->NdisModule != owner)) {
		ndis_misuse(__func__, "the DriverObject NDIS_DRIVER_ENTRY() made for the module",
			    _RET_IP_);
		return NDIS_STATUS_FAILURE;
	}
	name = c.Name ? c.Name : owner ? module_name(owner) : NULL;
	if (!name || !*name || strlen(name) >= NDIS_NAME_MAX || strpbrk(name, "\n/: "))
		return NDIS_STATUS_BAD_CHARACTERISTICS;

	ret = ndis_miniport_driver_add(name, &c, MiniportDriverContext, owner, &d);
	if (ret)
		return ret == -EEXIST ? NDIS_STATUS_FAILURE : NDIS_STATUS_RESOURCES;

	*NdisMiniportDriverHandle = ndis_handle_of(&d->obj, NDIS_HT_MINIPORT_DRIVER);
	if (DriverObject && !ndis_driver_object_claim(d, DriverObject, c.UnloadHandler)) {
		ndis_misuse(__func__, "a DriverObject no other miniport driver registered with",
			    _RET_IP_);
		ndis_miniport_driver_deregister(d);
		*NdisMiniportDriverHandle = NULL;
		return NDIS_STATUS_FAILURE;
	}
	if (c.SetOptionsHandler) {
		WRITE_ONCE(d->set_options, current);	/* for NdisSetOptionalHandlers() */
		status = c.SetOptionsHandler(*NdisMiniportDriverHandle, MiniportDriverContext);
		WRITE_ONCE(d->set_options, NULL);
		if (status != NDIS_STATUS_SUCCESS) {
			ndis_driver_object_release(d);
			ndis_miniport_driver_deregister(d);
			*NdisMiniportDriverHandle = NULL;
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
 * would), so that no handler of the driver runs once this returns. Called
 * from MiniportDriverUnload, or from the module's exit by a driver that
 * registered without a DriverObject.
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
	else
		ndis_driver_object_release(d);
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

/*
 * The capability structures hardware-assist attributes point to: each one
 * given must have a header NDIS accepts (reported against the caller
 * otherwise). Only their headers are read; NDIS keeps none of them, as it
 * never drives receive filtering, VMQ or QoS itself. @h was taken at its
 * own revision, so the pointers a revision does not have are NULL.
 */
static bool ndis_hardware_assist_ok(const NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES *h,
				    unsigned long caller)
{
	static const char api[] = "NdisMSetMiniportAttributes";
	const struct {
		const void *caps;
		const struct ndis_revisions *rev;
	} caps[] = {
		{ h->HardwareReceiveFilterCapabilities, &ndis_rev_receive_filter_caps },
		{ h->CurrentReceiveFilterCapabilities, &ndis_rev_receive_filter_caps },
		{ h->HardwareNicSwitchCapabilities, &ndis_rev_nic_switch_caps },
		{ h->CurrentNicSwitchCapabilities, &ndis_rev_nic_switch_caps },
		{ h->HardwareQosCapabilities, &ndis_rev_qos_caps },
		{ h->CurrentQosCapabilities, &ndis_rev_qos_caps },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(caps); i++)
		if (caps[i].caps && !ndis_header_ok(caps[i].caps, caps[i].rev, api, caller))
			return false;
	return true;
}

/**
 * NdisMSetMiniportAttributes() - describe the adapter being initialised
 * @NdisMiniportAdapterHandle: the adapter
 * @MiniportAttributes: registration attributes first, then general ones,
 *	then (if any) hardware-assist ones
 *
 * Attributes of an older revision are taken at their own size, the later
 * fields as zero; a header of revision 0 or too short for its revision is
 * reported and refused. Hardware-assist attributes (receive filter, NIC
 * switch and QoS capabilities) are checked, the capability structures they
 * point to included, and accepted without being kept: NDIS never drives
 * those features. Any other attributes (offload, native 802.11) are
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
	NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES h;
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
	case NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES:
		if (!ndis_header_copy(&h, MiniportAttributes, &ndis_rev_hardware_assist_attrs,
				      __func__, _RET_IP_)) {
			status = NDIS_STATUS_INVALID_PARAMETER;
			break;
		}
		if (!a->mp.registration_set) {
			ndis_misuse(__func__, "registration attributes before hardware-assist ones",
				    _RET_IP_);
			status = NDIS_STATUS_NOT_ACCEPTED;
			break;
		}
		if (!ndis_hardware_assist_ok(&h, _RET_IP_))
			status = NDIS_STATUS_INVALID_PARAMETER;
		break;
	default:
		ndis_misuse(__func__, "registration, general or hardware-assist attributes",
			    _RET_IP_);
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

/**
 * NdisMGetDeviceProperty() - the device objects and resources of an adapter
 * @MiniportAdapterHandle: the adapter
 * @PhysicalDeviceObject: receives NULL, if not NULL
 * @FunctionalDeviceObject: receives NULL, if not NULL
 * @NextDeviceObject: receives NULL, if not NULL
 * @AllocatedResources: receives NULL, if not NULL
 * @AllocatedResourcesTranslated: receives NULL, if not NULL
 *
 * There is no Windows device stack and no PnP resource list: every
 * argument that is not NULL receives NULL. The miniport has its Linux
 * device (its struct device, PCI BARs and IRQ) from its own probe.
 *
 * Context: PASSIVE_LEVEL.
 */
void NdisMGetDeviceProperty(NDIS_HANDLE MiniportAdapterHandle,
			    PDEVICE_OBJECT *PhysicalDeviceObject,
			    PDEVICE_OBJECT *FunctionalDeviceObject,
			    PDEVICE_OBJECT *NextDeviceObject,
			    PCM_RESOURCE_LIST *AllocatedResources,
			    PCM_RESOURCE_LIST *AllocatedResourcesTranslated)
{
	struct ndis_adapter *a;

	if (PhysicalDeviceObject)
		*PhysicalDeviceObject = NULL;
	if (FunctionalDeviceObject)
		*FunctionalDeviceObject = NULL;
	if (NextDeviceObject)
		*NextDeviceObject = NULL;
	if (AllocatedResources)
		*AllocatedResources = NULL;
	if (AllocatedResourcesTranslated)
		*AllocatedResourcesTranslated = NULL;
	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return;
	a = ndis_adapter_get(MiniportAdapterHandle, __func__, _RET_IP_);
	if (a)
		ndis_object_put(&a->obj);
}
EXPORT_SYMBOL_NS_GPL(NdisMGetDeviceProperty, "NDIS");

/**
 * NdisMQueryAdapterInstanceName() - the adapter's name
 * @pAdapterInstanceName: receives the name in a buffer NDIS allocates,
 *	which the caller frees with NdisFreeMemory()
 * @MiniportHandle: the adapter
 *
 * The name is the one the miniport gave ndis_miniport_add_adapter(), in
 * UTF-16, with a NUL after Length (MaximumLength counts it).
 *
 * Context: PASSIVE_LEVEL.
 * Return: NDIS_STATUS_SUCCESS; NDIS_STATUS_RESOURCES; or
 * NDIS_STATUS_FAILURE for a bad handle or a NULL @pAdapterInstanceName,
 * which is left untouched.
 */
NDIS_STATUS NdisMQueryAdapterInstanceName(PNDIS_STRING pAdapterInstanceName,
					  NDIS_HANDLE MiniportHandle)
{
	struct ndis_adapter *a;
	size_t units;
	WCHAR *buf;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return NDIS_STATUS_FAILURE;
	a = ndis_adapter_get(MiniportHandle, __func__, _RET_IP_);
	if (!a)
		return NDIS_STATUS_FAILURE;
	if (!pAdapterInstanceName) {
		ndis_misuse(__func__, "a string to fill in", _RET_IP_);
		ndis_object_put(&a->obj);
		return NDIS_STATUS_FAILURE;
	}
	units = ndis_utf8_to_utf16((const u8 *)a->name, strlen(a->name), NULL);
	buf = kmalloc_array(units + 1, sizeof(WCHAR), GFP_KERNEL);
	if (!buf) {
		ndis_object_put(&a->obj);
		return NDIS_STATUS_RESOURCES;
	}
	ndis_utf8_to_utf16((const u8 *)a->name, strlen(a->name), buf);
	buf[units] = 0;
	ndis_object_put(&a->obj);
	pAdapterInstanceName->Buffer = buf;
	pAdapterInstanceName->Length = units * sizeof(WCHAR);
	pAdapterInstanceName->MaximumLength = (units + 1) * sizeof(WCHAR);
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisMQueryAdapterInstanceName, "NDIS");

/**
 * NdisMResetComplete() - finish a MiniportResetEx that returned PENDING
 * @MiniportAdapterHandle: the adapter
 * @Status: how the reset went
 * @AddressingReset: whether NDIS should set the filter and multicast list again
 *
 * NDIS never calls MiniportResetEx (it runs no hang check and offers no
 * NdisMResetMiniport), so no reset is ever pending: a call is reported
 * as a completion without a pending reset and otherwise ignored, as the
 * DDI requires the call only after MiniportResetEx returned
 * NDIS_STATUS_PENDING.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisMResetComplete(NDIS_HANDLE MiniportAdapterHandle, NDIS_STATUS Status,
			BOOLEAN AddressingReset)
{
	struct ndis_adapter *a;

	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return;
	a = ndis_adapter_get(MiniportAdapterHandle, __func__, _RET_IP_);
	if (!a)
		return;
	ndis_misuse(__func__, "a reset that is pending (NDIS starts none)", _RET_IP_);
	ndis_object_put(&a->obj);
}
EXPORT_SYMBOL_NS_GPL(NdisMResetComplete, "NDIS");
