// SPDX-License-Identifier: GPL-2.0
/*
 * The protocol side of the NDIS interface: driver registration and
 * re-enumeration, opening and closing a binding, NdisUnbindAdapter, and
 * the completions of a pended bind, unbind or PnP event. Each checks the
 * caller's level, the handles and the arguments, reports misuse, and calls
 * the engine (core/protocol.c, core/binding.c).
 */
#include <linux/sched.h>
#include <linux/slab.h>

#include "../adapter.h"
#include "../binding.h"
#include "../handle.h"
#include "../object.h"
#include "../protocol.h"
#include "../registry.h"
#include "../report.h"
#include "../trace.h"
#include "ddi.h"
#include "header.h"
#include "text.h"

/*
 * The handlers, versions and name of characteristics whose header was
 * accepted; the name, converted to UTF-8, goes to @name.
 */
static NDIS_STATUS ndis_check_protocol_chars(PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS c,
					     char name[NDIS_NAME_MAX])
{
	if (c->MajorNdisVersion != NDIS_MAJOR_VERSION || c->MinorNdisVersion > NDIS_MINOR_VERSION)
		return NDIS_STATUS_BAD_VERSION;
	if (!c->BindAdapterHandlerEx || !c->UnbindAdapterHandlerEx ||
	    !c->OpenAdapterCompleteHandlerEx || !c->CloseAdapterCompleteHandlerEx ||
	    !c->NetPnPEventHandler || !c->OidRequestCompleteHandler ||
	    !c->ReceiveNetBufferListsHandler || !c->SendNetBufferListsCompleteHandler)
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	/* The name is a sysfs and configfs directory: "." and ".." cannot be. */
	if (!ndis_name_from_utf16(c->Name.Buffer, c->Name.Length, name, NDIS_NAME_MAX) ||
	    strpbrk(name, "\n/: ") || !strcmp(name, ".") || !strcmp(name, ".."))
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	return NDIS_STATUS_SUCCESS;
}

/**
 * ndis_register_protocol_driver() - NdisRegisterProtocolDriver()
 * @ProtocolDriverContext: passed to ProtocolBindAdapterEx
 * @ProtocolCharacteristics: entry points, copied
 * @NdisProtocolHandle: receives the protocol handle
 * @owner: the module the handlers live in
 *
 * Use through the NdisRegisterProtocolDriver() macro. Characteristics of
 * an older revision are taken at their own size, the later fields as NULL;
 * a header of the wrong type, revision 0 or a size short of its revision's
 * is reported. The UTF-16 Name is read during the call only: NDIS keeps
 * it as UTF-8.
 *
 * Context: PASSIVE_LEVEL.
 * Return: see NdisRegisterProtocolDriver().
 */
NDIS_STATUS ndis_register_protocol_driver(NDIS_HANDLE ProtocolDriverContext,
					  PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS
					  ProtocolCharacteristics,
					  PNDIS_HANDLE NdisProtocolHandle,
					  struct module *owner)
{
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS c;
	char name[NDIS_NAME_MAX];
	struct ndis_protocol *p;
	NDIS_STATUS status;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return NDIS_STATUS_INVALID_STATE;
	if (!ProtocolCharacteristics || !NdisProtocolHandle)
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	if (!ndis_header_copy(&c, ProtocolCharacteristics, &ndis_rev_protocol_chars, __func__,
			      _RET_IP_))
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	status = ndis_check_protocol_chars(&c, name);
	if (status != NDIS_STATUS_SUCCESS)
		return status;

	if (ndis_protocol_new(&c, name, ProtocolDriverContext, owner, &p))
		return NDIS_STATUS_RESOURCES;
	if (c.SetOptionsHandler) {
		WRITE_ONCE(p->set_options, current);	/* for NdisSetOptionalHandlers() */
		status = c.SetOptionsHandler(ndis_handle_of(&p->obj, NDIS_HT_PROTOCOL),
					     ProtocolDriverContext);
		WRITE_ONCE(p->set_options, NULL);
		if (status != NDIS_STATUS_SUCCESS) {
			ndis_protocol_discard(p);
			return status;
		}
	}
	if (ndis_protocol_publish(p, NdisProtocolHandle))
		return NDIS_STATUS_FAILURE;
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(ndis_register_protocol_driver, "NDIS");

/**
 * NdisDeregisterProtocolDriver() - undo NdisRegisterProtocolDriver()
 * @NdisProtocolHandle: the protocol, dead after this returns
 *
 * Unbinds every binding within the call, waiting for pended unbinds and
 * closes; no handler of the protocol runs after it returns.
 *
 * Context: PASSIVE_LEVEL, never from a protocol or miniport handler
 * (refused: it would wait on itself).
 */
void NdisDeregisterProtocolDriver(NDIS_HANDLE NdisProtocolHandle)
{
	struct ndis_protocol *p;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return;
	p = ndis_protocol_get(NdisProtocolHandle, __func__, _RET_IP_);
	if (!p)
		return;
	if (ndis_in_adapter_operation())
		ndis_misuse(__func__, "a caller outside NDIS handlers", _RET_IP_);
	else if (ndis_protocol_deregister(p) == -EALREADY)
		ndis_misuse(__func__, "a protocol not being deregistered already", _RET_IP_);
	ndis_object_put(&p->obj);
}
EXPORT_SYMBOL_NS_GPL(NdisDeregisterProtocolDriver, "NDIS");

/**
 * NdisReEnumerateProtocolBindings() - offer the protocol what it lacks
 * @NdisProtocolHandle: the protocol
 *
 * Queues a bind for every adapter the protocol has no binding with (after
 * an unbind or a failed bind); the binds run after this returns.
 *
 * Context: PASSIVE_LEVEL, not from a bind or unbind handler.
 */
void NdisReEnumerateProtocolBindings(NDIS_HANDLE NdisProtocolHandle)
{
	struct ndis_protocol *p;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return;
	p = ndis_protocol_get(NdisProtocolHandle, __func__, _RET_IP_);
	if (!p)
		return;
	if (ndis_in_adapter_operation())
		ndis_misuse(__func__, "a caller outside bind and unbind handlers", _RET_IP_);
	else
		ndis_protocol_reenumerate(p);
	ndis_object_put(&p->obj);
}
EXPORT_SYMBOL_NS_GPL(NdisReEnumerateProtocolBindings, "NDIS");

/**
 * NdisUnbindAdapter() - ask NDIS to unbind a binding, asynchronously
 * @NdisBindingHandle: the binding
 *
 * Queues the unbind (pause, then ProtocolUnbindAdapterEx) on the adapter's
 * workqueue and returns at once. The work item is embedded in the binding,
 * so the call cannot fail for lack of memory. Calls while an unbind is
 * queued or running coalesce into that one. The unbind may have run before
 * this returns: treat @NdisBindingHandle as dead afterwards. From the
 * binding's own unbind handler the call is that unbind, and succeeds.
 *
 * Context: IRQL <= DISPATCH_LEVEL; never sleeps. Not from the protocol's
 * own bind handler (refused: close the binding there and fail the bind).
 * Return: NDIS_STATUS_SUCCESS, or NDIS_STATUS_INVALID_PARAMETER for a bad
 * handle, NDIS_STATUS_NOT_ACCEPTED from inside the binding's bind handler.
 */
NDIS_STATUS NdisUnbindAdapter(NDIS_HANDLE NdisBindingHandle)
{
	struct ndis_binding *b;
	int ret;

	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return NDIS_STATUS_INVALID_STATE;
	b = ndis_binding_get(NdisBindingHandle, NDIS_HT_BINDING, __func__, _RET_IP_);
	if (!b)
		return NDIS_STATUS_INVALID_PARAMETER;
	ret = ndis_binding_ask_unbind(b);
	ndis_object_put(&b->obj);
	if (ret) {
		ndis_misuse(__func__, "a caller outside the protocol's bind handler", _RET_IP_);
		return NDIS_STATUS_NOT_ACCEPTED;
	}
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisUnbindAdapter, "NDIS");

/**
 * NdisOpenAdapterEx() - open the adapter a bind handler was offered
 * @NdisProtocolHandle: the protocol
 * @ProtocolBindingContext: the protocol's context for this binding
 * @OpenParameters: media accepted, where to write the selected one
 * @BindContext: the BindContext given to ProtocolBindAdapterEx
 * @NdisBindingHandle: receives the binding handle
 *
 * When the open pends, *@NdisBindingHandle and the selected medium index
 * are written after this returns and before ProtocolOpenAdapterCompleteEx
 * runs, which may be before this returns. Open parameters of an older
 * revision are taken at their own size; a header of the wrong type,
 * revision 0 or too short for its revision is reported and refused.
 *
 * Context: PASSIVE_LEVEL, only inside ProtocolBindAdapterEx.
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_PENDING,
 * NDIS_STATUS_UNSUPPORTED_MEDIA (no medium in common),
 * NDIS_STATUS_ADAPTER_NOT_FOUND (an AdapterName that is not the bound
 * adapter's, compared exactly), NDIS_STATUS_INVALID_PARAMETER,
 * NDIS_STATUS_NOT_ACCEPTED (outside the bind handler, or opened already).
 */
NDIS_STATUS NdisOpenAdapterEx(NDIS_HANDLE NdisProtocolHandle,
			      NDIS_HANDLE ProtocolBindingContext,
			      PNDIS_OPEN_PARAMETERS OpenParameters,
			      NDIS_HANDLE BindContext,
			      PNDIS_HANDLE NdisBindingHandle)
{
	char name[NDIS_NAME_MAX];
	NDIS_OPEN_PARAMETERS op;
	struct ndis_object *pobj;
	struct ndis_binding *b;
	NDIS_STATUS status = NDIS_STATUS_NOT_ACCEPTED;
	UINT i;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return NDIS_STATUS_INVALID_STATE;
	pobj = ndis_handle_get(NdisProtocolHandle, NDIS_HT_PROTOCOL, __func__, _RET_IP_);
	if (!pobj)
		return NDIS_STATUS_INVALID_PARAMETER;
	b = ndis_binding_get(BindContext, NDIS_HT_BIND_CONTEXT, __func__, _RET_IP_);
	if (!b) {
		ndis_object_put(pobj);
		return NDIS_STATUS_INVALID_PARAMETER;
	}
	if (&b->protocol->obj != pobj) {
		ndis_misuse(__func__, "the BindContext of this protocol's own bind", _RET_IP_);
		status = NDIS_STATUS_INVALID_PARAMETER;
		goto out;
	}
	if (!ndis_binding_may_open(b)) {
		ndis_misuse(__func__, "one call from inside ProtocolBindAdapterEx", _RET_IP_);
		goto out;
	}

	if (!OpenParameters || !NdisBindingHandle) {
		ndis_misuse(__func__, "open parameters and an out-pointer for the handle",
			    _RET_IP_);
		status = NDIS_STATUS_INVALID_PARAMETER;
		goto out;
	}
	if (!ndis_header_copy(&op, OpenParameters, &ndis_rev_open_params, __func__, _RET_IP_)) {
		status = NDIS_STATUS_INVALID_PARAMETER;
		goto out;
	}
	if (!op.MediumArray || !op.MediumArraySize || !op.SelectedMediumIndex) {
		ndis_misuse(__func__, "open parameters with a medium array and out-pointers",
			    _RET_IP_);
		status = NDIS_STATUS_INVALID_PARAMETER;
		goto out;
	}
	if (op.AdapterName &&
	    (!ndis_name_from_utf16(op.AdapterName->Buffer, op.AdapterName->Length, name,
				   sizeof(name)) || strcmp(name, b->adapter->name))) {
		status = NDIS_STATUS_ADAPTER_NOT_FOUND;
		goto out;
	}
	for (i = 0; i < op.MediumArraySize; i++)
		if (op.MediumArray[i] == b->adapter->mp.attrs.MediaType)
			break;
	if (i == op.MediumArraySize) {
		status = NDIS_STATUS_UNSUPPORTED_MEDIA;
		trace_ndis_open(b->name, status);
		goto out;
	}

	status = ndis_binding_open(b, ProtocolBindingContext, i,
				   op.SelectedMediumIndex, NdisBindingHandle) ?
		 NDIS_STATUS_PENDING : NDIS_STATUS_SUCCESS;
out:
	ndis_object_put(&b->obj);
	ndis_object_put(pobj);
	return status;
}
EXPORT_SYMBOL_NS_GPL(NdisOpenAdapterEx, "NDIS");

/**
 * NdisCompleteBindAdapterEx() - finish a bind that returned PENDING
 * @BindAdapterContext: the BindContext given to ProtocolBindAdapterEx
 * @Status: NDIS_STATUS_SUCCESS, or why the bind failed
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisCompleteBindAdapterEx(NDIS_HANDLE BindAdapterContext, NDIS_STATUS Status)
{
	struct ndis_binding *b;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	b = ndis_binding_get(BindAdapterContext, NDIS_HT_BIND_CONTEXT, __func__, _RET_IP_);
	if (!b)
		return;
	if (Status == NDIS_STATUS_PENDING)	/* not a result: the bind failed */
		Status = NDIS_STATUS_FAILURE;
	if (!ndis_binding_complete_bind(b, Status))
		ndis_misuse(__func__, "a bind that is pending", _RET_IP_);
	ndis_object_put(&b->obj);
}
EXPORT_SYMBOL_NS_GPL(NdisCompleteBindAdapterEx, "NDIS");

/**
 * NdisCloseAdapterEx() - close a binding
 * @NdisBindingHandle: the binding, dead from the moment of this call
 *
 * Receive and status indications may still reach the binding's context
 * until the close completes.
 *
 * Sends on the binding while the close runs come back with
 * NDIS_STATUS_CLOSING; after it returns the handle is stale.
 *
 * Context: PASSIVE_LEVEL, any thread, while a bind (to back out of a
 * failing one) or an unbind of the binding is under way: from the handler
 * or, after it returned NDIS_STATUS_PENDING, from the driver's own work
 * before it completes the bind or unbind. Elsewhere use NdisUnbindAdapter().
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_PENDING (then
 * ProtocolCloseAdapterCompleteEx follows), NDIS_STATUS_ADAPTER_NOT_OPEN for a
 * closed or bad handle, NDIS_STATUS_NOT_ACCEPTED with no bind or unbind
 * under way.
 */
NDIS_STATUS NdisCloseAdapterEx(NDIS_HANDLE NdisBindingHandle)
{
	struct ndis_binding *b;
	int ret;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return NDIS_STATUS_INVALID_STATE;
	b = ndis_binding_get(NdisBindingHandle, NDIS_HT_BINDING, __func__, _RET_IP_);
	if (!b)
		return NDIS_STATUS_ADAPTER_NOT_OPEN;
	ret = ndis_binding_close(b);
	ndis_object_put(&b->obj);
	switch (ret) {
	case -EBADF:
		ndis_bad_handle(NdisBindingHandle, NDIS_HT_BINDING, __func__, _RET_IP_);
		return NDIS_STATUS_ADAPTER_NOT_OPEN;
	case -EPERM:
		ndis_misuse(__func__,
			    "a bind or unbind of the binding under way (else NdisUnbindAdapter)",
			    _RET_IP_);
		return NDIS_STATUS_NOT_ACCEPTED;
	case -EINPROGRESS:
		return NDIS_STATUS_PENDING;
	}
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisCloseAdapterEx, "NDIS");

/**
 * NdisCompleteUnbindAdapterEx() - finish an unbind that returned PENDING
 * @UnbindContext: the UnbindContext given to ProtocolUnbindAdapterEx, dead
 *	after this call
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisCompleteUnbindAdapterEx(NDIS_HANDLE UnbindContext)
{
	struct ndis_binding *b;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	b = ndis_binding_get(UnbindContext, NDIS_HT_UNBIND_CONTEXT, __func__, _RET_IP_);
	if (!b)
		return;
	if (!ndis_binding_complete_unbind(b))
		ndis_misuse(__func__, "an unbind that is pending", _RET_IP_);
	ndis_object_put(&b->obj);
}
EXPORT_SYMBOL_NS_GPL(NdisCompleteUnbindAdapterEx, "NDIS");

/**
 * NdisCompleteNetPnPEvent() - finish a PnP event that returned PENDING
 * @NdisBindingHandle: the binding, or NULL for a protocol-wide event
 * @NetPnPEventNotification: the notification the handler was given
 * @Status: the event's result
 *
 * Context: IRQL <= DISPATCH_LEVEL (the DDI says PASSIVE_LEVEL; nothing here
 * needs it).
 */
void NdisCompleteNetPnPEvent(NDIS_HANDLE NdisBindingHandle,
			     PNET_PNP_EVENT_NOTIFICATION NetPnPEventNotification,
			     NDIS_STATUS Status)
{
	struct ndis_binding *b;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	if (!NdisBindingHandle)
		return;		/* protocol-wide events are not waited for */
	b = ndis_binding_get(NdisBindingHandle, NDIS_HT_BINDING, __func__, _RET_IP_);
	if (!b)
		return;
	if (!ndis_binding_complete_pnp(b, NetPnPEventNotification, Status))
		ndis_misuse(__func__, "the notification of a pending PnP event", _RET_IP_);
	ndis_object_put(&b->obj);
}
EXPORT_SYMBOL_NS_GPL(NdisCompleteNetPnPEvent, "NDIS");

/*
 * The name of the adapter under binding @h, which plays @role (a binding
 * handle while open, a BindContext while its bind is under way), as an
 * NDIS_STRING whose buffer the caller frees with NdisFreeMemory().
 */
static NDIS_STATUS ndis_query_instance_name(PNDIS_STRING out, NDIS_HANDLE h,
					    enum ndis_handle_type role, const char *api,
					    unsigned long caller)
{
	const char *name;
	struct ndis_binding *b;
	unsigned long flags;
	size_t units;
	WCHAR *buf;
	bool live;

	if (!out) {
		ndis_misuse(api, "an NDIS_STRING to fill in", caller);
		return NDIS_STATUS_INVALID_PARAMETER;
	}
	b = ndis_binding_get(h, role, api, caller);
	if (!b)
		return NDIS_STATUS_INVALID_PARAMETER;
	spin_lock_irqsave(&b->lock, flags);
	live = role == NDIS_HT_BINDING ? b->handle_live : b->bind_ctx_live;
	spin_unlock_irqrestore(&b->lock, flags);
	if (!live) {
		ndis_bad_handle(h, role, api, caller);
		ndis_object_put(&b->obj);
		return NDIS_STATUS_INVALID_PARAMETER;
	}
	name = b->adapter->name;	/* fixed for the adapter's life, which @b holds */
	units = ndis_utf8_to_utf16((const u8 *)name, strlen(name), NULL);
	buf = kmalloc((units + 1) * sizeof(WCHAR),
		      (ndis_current_irql() == PASSIVE_LEVEL ? GFP_KERNEL : GFP_ATOMIC) |
		      __GFP_NOWARN);
	if (buf)
		ndis_name_to_utf16(name, buf, out);
	ndis_object_put(&b->obj);
	return buf ? NDIS_STATUS_SUCCESS : NDIS_STATUS_RESOURCES;
}

/**
 * NdisQueryAdapterInstanceName() - the name of the adapter a binding is open on
 * @AdapterInstanceName: filled in: Buffer (allocated by NDIS, terminated),
 *	Length and MaximumLength; untouched on failure
 * @NdisBindingHandle: the binding, open
 *
 * The name is the adapter's, the one BindParameters->AdapterName gave;
 * adapters have no other, friendlier name here. The caller frees Buffer
 * with NdisFreeMemory().
 *
 * Context: IRQL <= DISPATCH_LEVEL (then the allocation is GFP_ATOMIC).
 * Return: NDIS_STATUS_SUCCESS; NDIS_STATUS_RESOURCES without memory;
 * NDIS_STATUS_INVALID_PARAMETER, reported, for no @AdapterInstanceName or
 * a handle that is not an open binding.
 */
NDIS_STATUS NdisQueryAdapterInstanceName(PNDIS_STRING AdapterInstanceName,
					 NDIS_HANDLE NdisBindingHandle)
{
	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return NDIS_STATUS_INVALID_STATE;
	return ndis_query_instance_name(AdapterInstanceName, NdisBindingHandle, NDIS_HT_BINDING,
					__func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisQueryAdapterInstanceName, "NDIS");

/**
 * NdisQueryBindInstanceName() - the name of the adapter a bind is offered
 * @pAdapterInstanceName: filled in: Buffer (allocated by NDIS, terminated),
 *	Length and MaximumLength; untouched on failure
 * @BindingContext: the BindContext given to ProtocolBindAdapterEx, while
 *	that bind is under way (pended included)
 *
 * As NdisQueryAdapterInstanceName(), before the adapter is open. The
 * caller frees Buffer with NdisFreeMemory().
 *
 * Context: IRQL <= DISPATCH_LEVEL (then the allocation is GFP_ATOMIC).
 * Return: NDIS_STATUS_SUCCESS; NDIS_STATUS_RESOURCES without memory;
 * NDIS_STATUS_INVALID_PARAMETER, reported, for no @pAdapterInstanceName or
 * a BindContext whose bind is over.
 */
NDIS_STATUS NdisQueryBindInstanceName(PNDIS_STRING pAdapterInstanceName,
				      NDIS_HANDLE BindingContext)
{
	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return NDIS_STATUS_INVALID_STATE;
	return ndis_query_instance_name(pAdapterInstanceName, BindingContext,
					NDIS_HT_BIND_CONTEXT, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisQueryBindInstanceName, "NDIS");
