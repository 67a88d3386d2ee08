// SPDX-License-Identifier: GPL-2.0
/*
 * NdisSetOptionalHandlers (include/ndis/optional.h): a driver registers a
 * further service's entry points, from its SetOptions handler with its
 * driver handle or, for a protocol, with an open binding handle.
 *
 * The one service NDIS offers here is the shared memory provider, and only
 * through a binding handle: it supplies the blocks of the adapter the
 * binding is bound to (sharedmem.c). The DDI lets a driver handle register
 * one too but never says which adapters that would serve, so it is refused
 * as the other services are: CoNDIS, chimney offload, NDK, the miniport's
 * PnP and selective suspend characteristics and a filter's partial
 * characteristics name services that do not exist here, and get
 * NDIS_STATUS_NOT_SUPPORTED without a report, a status a portable driver
 * already handles. A structure of any other type is the driver's mistake.
 */
#include <linux/sched.h>
#include <ndis/ndis.h>

#include "../binding.h"
#include "../handle.h"
#include "../miniport.h"
#include "../protocol.h"
#include "../report.h"
#include "ddi.h"
#include "header.h"
#include "sharedmem.h"

#define NDIS_OPTIONAL_WHERE \
	"a driver handle inside its SetOptions handler, or an open NdisBindingHandle"

/*
 * Whether @handle may register optional handlers now. Return: true, with
 * *@binding the referenced binding if it is a binding handle (else NULL);
 * false after a report.
 */
static bool ndis_optional_caller_ok(NDIS_HANDLE handle, struct ndis_binding **binding,
				    unsigned long caller)
{
	const char *api = "NdisSetOptionalHandlers";
	u8 type = (unsigned long)handle & GENMASK(NDIS_HANDLE_TYPE_BITS - 1, 0);
	struct ndis_miniport_driver *d;
	struct ndis_protocol *p;
	struct ndis_binding *b;
	bool ok = false;

	*binding = NULL;
	switch (type) {
	case NDIS_HT_MINIPORT_DRIVER:
		d = ndis_miniport_driver_get(handle, api, caller);
		if (!d)
			return false;
		ok = READ_ONCE(d->set_options) == current;
		ndis_object_put(&d->obj);
		break;
	case NDIS_HT_PROTOCOL:
		p = ndis_protocol_get(handle, api, caller);
		if (!p)
			return false;
		ok = READ_ONCE(p->set_options) == current;
		ndis_object_put(&p->obj);
		break;
	case NDIS_HT_BINDING:
		b = ndis_binding_get(handle, NDIS_HT_BINDING, api, caller);
		if (!b)
			return false;
		ok = READ_ONCE(b->handle_live);
		if (ok)
			*binding = b;
		else
			ndis_object_put(&b->obj);
		break;
	}
	if (!ok)
		ndis_misuse(api, NDIS_OPTIONAL_WHERE, caller);
	return ok;
}

/* Whether @type names an optional-handler structure of a service not here. */
static bool ndis_optional_unsupported(UCHAR type)
{
	switch (type) {
	case NDIS_OBJECT_TYPE_FILTER_PARTIAL_CHARACTERISTICS:
	case NDIS_OBJECT_TYPE_CLIENT_CHIMNEY_OFFLOAD_GENERIC_CHARACTERISTICS:
	case NDIS_OBJECT_TYPE_PROVIDER_CHIMNEY_OFFLOAD_GENERIC_CHARACTERISTICS:
	case NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS:
	case NDIS_OBJECT_TYPE_CO_MINIPORT_CHARACTERISTICS:
	case NDIS_OBJECT_TYPE_MINIPORT_PNP_CHARACTERISTICS:
	case NDIS_OBJECT_TYPE_CLIENT_CHIMNEY_OFFLOAD_CHARACTERISTICS:
	case NDIS_OBJECT_TYPE_PROVIDER_CHIMNEY_OFFLOAD_CHARACTERISTICS:
	case NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS:
	case NDIS_OBJECT_TYPE_CO_CLIENT_OPTIONAL_HANDLERS:
	case NDIS_OBJECT_TYPE_NDK_PROVIDER_CHARACTERISTICS:
	case NDIS_OBJECT_TYPE_MINIPORT_SS_CHARACTERISTICS:
		return true;
	}
	return false;
}

/* A shared memory provider registered through @b. */
static NDIS_STATUS ndis_optional_provider(struct ndis_binding *b,
					  PNDIS_DRIVER_OPTIONAL_HANDLERS handlers,
					  unsigned long caller)
{
	NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS c;

	if (!ndis_header_copy(&c, handlers, &ndis_rev_shared_memory_provider,
			      "NdisSetOptionalHandlers", caller))
		return NDIS_STATUS_INVALID_PARAMETER;
	if (!c.AllocateSharedMemoryHandler || !c.FreeSharedMemoryHandler) {
		ndis_misuse("NdisSetOptionalHandlers",
			    "an AllocateSharedMemoryHandler and a FreeSharedMemoryHandler", caller);
		return NDIS_STATUS_INVALID_PARAMETER;
	}
	return ndis_shmem_provider_register(b, &c, caller);
}

/**
 * NdisSetOptionalHandlers() - register the entry points of an optional service
 * @NdisHandle: the driver handle a miniport's or protocol's SetOptions
 *	handler was given, while that handler runs; or a protocol's
 *	NdisBindingHandle from NdisOpenAdapterEx() until its close
 * @OptionalHandlers: one of the optional-handler structures, read during
 *	the call only; its Header.Type says which
 *
 * NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS with a binding handle makes
 * the protocol the shared memory provider of the binding's adapter (one
 * per adapter; the same binding again changes its handlers): from then on
 * NdisAllocateSharedMemory() with that adapter's handle and
 * NdisFreeSharedMemory() of what it gave call the provider's handlers,
 * until the binding closes (see include/ndis/sharedmem.h). Every other
 * structure the DDI lists, and a provider through a driver handle, is a
 * service that does not exist here.
 *
 * Context: PASSIVE_LEVEL.
 * Return: NDIS_STATUS_SUCCESS; NDIS_STATUS_NOT_SUPPORTED for a service
 * that does not exist here (no report); NDIS_STATUS_INVALID_PARAMETER
 * after a report (no structure, a type the DDI does not list, a bad
 * provider header or a handler missing); NDIS_STATUS_RESOURCES without
 * memory; NDIS_STATUS_FAILURE if another binding is already the adapter's
 * provider, or after a report (the wrong IRQL, a bad handle, a driver
 * handle outside its SetOptions handler, a closed binding).
 */
NDIS_STATUS NdisSetOptionalHandlers(NDIS_HANDLE NdisHandle,
				    PNDIS_DRIVER_OPTIONAL_HANDLERS OptionalHandlers)
{
	struct ndis_binding *b;
	NDIS_STATUS status;
	UCHAR type;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return NDIS_STATUS_FAILURE;
	if (!ndis_optional_caller_ok(NdisHandle, &b, _RET_IP_))
		return NDIS_STATUS_FAILURE;
	if (!OptionalHandlers) {
		ndis_misuse(__func__, "an OptionalHandlers structure", _RET_IP_);
		status = NDIS_STATUS_INVALID_PARAMETER;
		goto out;
	}
	type = OptionalHandlers->Header.Type;
	if (type == NDIS_OBJECT_TYPE_SHARED_MEMORY_PROVIDER_CHARACTERISTICS) {
		status = b ? ndis_optional_provider(b, OptionalHandlers, _RET_IP_) :
			     NDIS_STATUS_NOT_SUPPORTED;
	} else if (ndis_optional_unsupported(type)) {
		status = NDIS_STATUS_NOT_SUPPORTED;
	} else {
		ndis_misuse(__func__, "an optional-handler structure of a type the DDI lists",
			    _RET_IP_);
		status = NDIS_STATUS_INVALID_PARAMETER;
	}
out:
	if (b)
		ndis_object_put(&b->obj);
	return status;
}
EXPORT_SYMBOL_NS_GPL(NdisSetOptionalHandlers, "NDIS");
