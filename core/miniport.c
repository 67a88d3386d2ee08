// SPDX-License-Identifier: GPL-2.0
/* Miniport driver registration. */
#include <linux/slab.h>

#include "core.h"
#include "handle.h"
#include "registry.h"

static NDIS_STATUS ndis_check_miniport_chars(PNDIS_MINIPORT_DRIVER_CHARACTERISTICS c)
{
	if (c->Header.Type != NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS ||
	    c->Header.Revision < NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1 ||
	    c->Header.Size < sizeof(*c))
		return NDIS_STATUS_BAD_CHARACTERISTICS;
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

static struct ndis_miniport_driver *ndis_miniport_driver_find(const char *name)
{
	struct ndis_miniport_driver *d;

	list_for_each_entry(d, &ndis_miniport_drivers, node)
		if (!strcmp(d->name, name))
			return d;
	return NULL;
}

/**
 * ndis_register_miniport_driver() - NdisMRegisterMiniportDriver()
 * @MiniportDriverContext: passed to MiniportInitializeEx
 * @MiniportDriverCharacteristics: entry points, copied
 * @NdisMiniportDriverHandle: receives the driver handle
 * @owner: the module the handlers live in
 *
 * Use through the NdisMRegisterMiniportDriver() macro.
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
	PNDIS_MINIPORT_DRIVER_CHARACTERISTICS c = MiniportDriverCharacteristics;
	struct ndis_miniport_driver *d;
	NDIS_STATUS status;
	const char *name;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return NDIS_STATUS_INVALID_STATE;
	if (!c || !NdisMiniportDriverHandle)
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	status = ndis_check_miniport_chars(c);
	if (status != NDIS_STATUS_SUCCESS)
		return status;
	name = c->Name ? c->Name : owner ? module_name(owner) : NULL;
	if (!name || !*name || strlen(name) >= NDIS_NAME_MAX || strpbrk(name, "\n/: "))
		return NDIS_STATUS_BAD_CHARACTERISTICS;

	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return NDIS_STATUS_RESOURCES;
	kobject_init(&d->obj.kobj, &ndis_miniport_driver_ktype);
	d->chars = *c;
	d->context = MiniportDriverContext;
	d->owner = owner;
	strscpy(d->name, name, sizeof(d->name));
	INIT_LIST_HEAD(&d->node);
	INIT_LIST_HEAD(&d->adapters);
	if (ndis_handle_register(&d->obj, NDIS_HT_MINIPORT_DRIVER)) {
		ndis_object_put(&d->obj);
		return NDIS_STATUS_RESOURCES;
	}

	mutex_lock(&ndis_registry_lock);
	if (ndis_miniport_driver_find(d->name)) {
		mutex_unlock(&ndis_registry_lock);
		ndis_handle_unregister(&d->obj);
		ndis_object_put(&d->obj);
		return NDIS_STATUS_FAILURE;
	}
	list_add_tail(&d->node, &ndis_miniport_drivers);
	mutex_unlock(&ndis_registry_lock);
	ndis_sysfs_add(&d->obj, d->name);

	*NdisMiniportDriverHandle = ndis_handle_of(&d->obj, NDIS_HT_MINIPORT_DRIVER);
	if (c->SetOptionsHandler) {
		status = c->SetOptionsHandler(*NdisMiniportDriverHandle, MiniportDriverContext);
		if (status != NDIS_STATUS_SUCCESS) {
			NdisMDeregisterMiniportDriver(*NdisMiniportDriverHandle);
			return status;
		}
	}
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(ndis_register_miniport_driver, "NDIS");

/* Remove every adapter of @d and unregister it. PASSIVE, no ndis lock held. */
void ndis_miniport_driver_teardown(struct ndis_miniport_driver *d)
{
	struct ndis_adapter *a;

	for (;;) {
		mutex_lock(&ndis_registry_lock);
		a = list_first_entry_or_null(&d->adapters, struct ndis_adapter, driver_node);
		if (a)
			ndis_object_get(&a->obj);
		mutex_unlock(&ndis_registry_lock);
		if (!a)
			break;
		if (ndis_adapter_teardown(a, NdisHaltDeviceDisabled, false))
			ndis_adapter_wait_removed(a);	/* someone else's teardown */
		ndis_object_put(&a->obj);
	}
	ndis_handle_unregister(&d->obj);
	ndis_sysfs_del(&d->obj);
	mutex_lock(&ndis_registry_lock);
	list_del_init(&d->node);
	mutex_unlock(&ndis_registry_lock);
	ndis_object_put(&d->obj);
}

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
	struct ndis_object *obj;
	bool again;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return;
	obj = ndis_handle_get(NdisMiniportDriverHandle, NDIS_HT_MINIPORT_DRIVER,
			      __func__, _RET_IP_);
	if (!obj)
		return;
	d = container_of(obj, struct ndis_miniport_driver, obj);
	if (ndis_in_adapter_operation()) {
		ndis_misuse(__func__, "a caller outside NDIS handlers", _RET_IP_);
		ndis_object_put(obj);
		return;
	}
	mutex_lock(&ndis_registry_lock);
	again = d->deregistering;
	d->deregistering = true;
	mutex_unlock(&ndis_registry_lock);
	if (again)
		ndis_misuse(__func__, "a driver not being deregistered already", _RET_IP_);
	else
		ndis_miniport_driver_teardown(d);
	ndis_object_put(obj);
}
EXPORT_SYMBOL_NS_GPL(NdisMDeregisterMiniportDriver, "NDIS");

/* The miniport driver's kobject release, from any context. */
void ndis_miniport_driver_release(struct kobject *kobj)
{
	struct ndis_object *obj = ndis_kobj_to_object(kobj);

	kfree_rcu(container_of(obj, struct ndis_miniport_driver, obj), obj.rcu);
}
