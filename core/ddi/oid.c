// SPDX-License-Identifier: GPL-2.0
/*
 * The OID side of the NDIS interface: NdisOidRequest,
 * NdisCancelOidRequest, NdisMOidRequestComplete, and the query replies a
 * miniport's OID handler answers with (namespace NDIS_LINUX). The queue,
 * what NDIS answers itself and its own requests to the miniport are the
 * engine's (core/oid.c).
 */
#include <linux/rcupdate.h>

#include "../adapter.h"
#include "../binding.h"
#include "../handle.h"
#include "../object.h"
#include "../oid.h"
#include "../report.h"
#include "ddi.h"
#include "header.h"

/**
 * ndis_oid_query_reply() - answer a query, or a method, with a value
 * @OidRequest: the query (or method request) being answered
 * @Value: the answer
 * @Size: its size in bytes
 *
 * Copies @Value into the request's buffer and sets BytesWritten, or sets
 * BytesNeeded when the buffer is too short. For a method (NdisRequestMethod)
 * the answer is its output: it may take OutputBufferLength bytes, and the
 * counts set are DATA.METHOD_INFORMATION's (the method's BytesRead stays
 * the handler's to set). A Linux addition: the bookkeeping every OID
 * handler repeats otherwise.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: NDIS_STATUS_SUCCESS or NDIS_STATUS_BUFFER_TOO_SHORT.
 */
NDIS_STATUS ndis_oid_query_reply(PNDIS_OID_REQUEST OidRequest, const void *Value, UINT Size)
{
	return ndis_oid_answer(OidRequest, Value, Size);
}
EXPORT_SYMBOL_NS_GPL(ndis_oid_query_reply, "NDIS_LINUX");

/**
 * ndis_oid_query_reply_counter() - answer a statistics query
 * @OidRequest: the query being answered (OID_GEN_XMIT_OK and the like)
 * @Value: the counter
 *
 * As the DDI allows for counters: a ULONG64, or a ULONG when the buffer
 * holds only four bytes (a method's output: OutputBufferLength). A Linux
 * addition.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: NDIS_STATUS_SUCCESS or NDIS_STATUS_BUFFER_TOO_SHORT.
 */
NDIS_STATUS ndis_oid_query_reply_counter(PNDIS_OID_REQUEST OidRequest, ULONG64 Value)
{
	UINT length = OidRequest->RequestType == NdisRequestMethod ?
		      OidRequest->DATA.METHOD_INFORMATION.OutputBufferLength :
		      OidRequest->DATA.QUERY_INFORMATION.InformationBufferLength;
	ULONG value32 = (ULONG)Value;

	if (length >= sizeof(value32) && length < sizeof(Value))
		return ndis_oid_query_reply(OidRequest, &value32, sizeof(value32));
	/* Fits, or too short even for a ULONG: BytesNeeded asks for a ULONG64. */
	return ndis_oid_query_reply(OidRequest, &Value, sizeof(Value));
}
EXPORT_SYMBOL_NS_GPL(ndis_oid_query_reply_counter, "NDIS_LINUX");

/*
 * What NdisOidRequest() checks of the request itself: its type, and a
 * buffer wherever a length says there are bytes to read or write (NDIS
 * answers some requests itself, and would write through a NULL pointer).
 * Return: the requirement broken, or NULL.
 */
static const char *ndis_oid_request_misuse(PNDIS_OID_REQUEST req)
{
	const struct _METHOD *m;

	if (!req || req->Header.Type != NDIS_OBJECT_TYPE_OID_REQUEST)
		return "an NDIS_OID_REQUEST";
	switch (req->RequestType) {
	case NdisRequestQueryInformation:
	case NdisRequestQueryStatistics:
	case NdisRequestSetInformation:
		/* QUERY_INFORMATION and SET_INFORMATION share their layout. */
		if (!req->DATA.QUERY_INFORMATION.InformationBuffer &&
		    req->DATA.QUERY_INFORMATION.InformationBufferLength)
			return "an InformationBuffer for its InformationBufferLength";
		return NULL;
	case NdisRequestMethod:
		m = &req->DATA.METHOD_INFORMATION;
		if (!m->InformationBuffer && (m->InputBufferLength || m->OutputBufferLength))
			return "a method's InformationBuffer for its Input and OutputBufferLength";
		return NULL;
	default:
		return "a query, set, statistics or method NDIS_OID_REQUEST";
	}
}

static struct ndis_binding *ndis_oid_binding(NDIS_HANDLE h, bool *closing)
{
	struct ndis_object *obj = ndis_handle_peek(h, NDIS_HT_BINDING);
	struct ndis_binding *b = obj ? container_of(obj, struct ndis_binding, obj) : NULL;

	*closing = b && !READ_ONCE(b->gate.oids_open);
	return *closing ? NULL : b;
}

/**
 * NdisOidRequest() - query, set or run a method of the adapter under a binding
 * @NdisBindingHandle: the binding, open
 * @OidRequest: the request; it and its buffer stay valid until completion
 *
 * What NDIS knows (addresses, MTU, link state and speed, MAC options, the
 * supported OID list, this binding's packet filter) is answered at once.
 * Packet filter and multicast list sets are NDIS's: it records this
 * binding's value and sends the union of all bindings' values to the
 * miniport; if that changed, the set returns NDIS_STATUS_PENDING and
 * completes with the miniport's answer to the request carrying it, so
 * frames the new filter admits flow once the protocol is told; a cancel or
 * its Timeout aborts only the wait (the value stays recorded and still
 * reaches the miniport). Anything else, every method request
 * (NdisRequestMethod) included, is queued for the miniport: the call
 * returns NDIS_STATUS_PENDING and ProtocolOidRequestComplete follows,
 * possibly before this returns, with the miniport's status and byte counts
 * (a method's BytesWritten and BytesRead within its OutputBufferLength and
 * InputBufferLength: a miniport that reports more is reported and cut
 * back).
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: NDIS_STATUS_PENDING, or the final status of an answered request
 * (NDIS_STATUS_SUCCESS, NDIS_STATUS_BUFFER_TOO_SHORT with BytesNeeded set,
 * NDIS_STATUS_INVALID_LENGTH, NDIS_STATUS_NOT_SUPPORTED,
 * NDIS_STATUS_INVALID_OID), NDIS_STATUS_CLOSING once the binding is
 * closing, NDIS_STATUS_INVALID_PARAMETER for a bad handle or request (an
 * unknown RequestType, or no InformationBuffer for a nonzero length).
 */
NDIS_STATUS NdisOidRequest(NDIS_HANDLE NdisBindingHandle, PNDIS_OID_REQUEST OidRequest)
{
	const char *misuse;
	NDIS_STATUS status;
	struct ndis_binding *b;
	bool closing;

	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return NDIS_STATUS_INVALID_STATE;
	if (!ndis_header_ok(OidRequest, &ndis_rev_oid_request, __func__, _RET_IP_))
		return NDIS_STATUS_INVALID_PARAMETER;
	misuse = ndis_oid_request_misuse(OidRequest);
	if (misuse) {
		ndis_misuse(__func__, misuse, _RET_IP_);
		return NDIS_STATUS_INVALID_PARAMETER;
	}
	rcu_read_lock();
	b = ndis_oid_binding(NdisBindingHandle, &closing);
	if (!b) {
		rcu_read_unlock();
		if (closing)
			return NDIS_STATUS_CLOSING;
		ndis_bad_handle(NdisBindingHandle, NDIS_HT_BINDING, __func__, _RET_IP_);
		return NDIS_STATUS_INVALID_PARAMETER;
	}
	status = ndis_oid_request(b, OidRequest, NdisBindingHandle, __func__, _RET_IP_);
	rcu_read_unlock();
	return status;
}
EXPORT_SYMBOL_NS_GPL(NdisOidRequest, "NDIS");

/**
 * NdisCancelOidRequest() - cancel requests of a binding by RequestId
 * @NdisBindingHandle: the binding
 * @RequestId: the RequestId of the requests
 *
 * A matching request still queued completes at once with
 * NDIS_STATUS_REQUEST_ABORTED; one the miniport holds is passed to
 * MiniportCancelOidRequest. Each completes exactly once either way.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisCancelOidRequest(NDIS_HANDLE NdisBindingHandle, PVOID RequestId)
{
	struct ndis_binding *b;
	bool closing;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	rcu_read_lock();
	b = ndis_oid_binding(NdisBindingHandle, &closing);
	if (!b) {
		rcu_read_unlock();
		if (!closing)
			ndis_bad_handle(NdisBindingHandle, NDIS_HT_BINDING, __func__, _RET_IP_);
		return;
	}
	ndis_oid_cancel(b, RequestId);
	rcu_read_unlock();
}
EXPORT_SYMBOL_NS_GPL(NdisCancelOidRequest, "NDIS");

/**
 * NdisMOidRequestComplete() - finish a MiniportOidRequest that pended
 * @MiniportAdapterHandle: the adapter
 * @OidRequest: the request it was given
 * @Status: the final status (never NDIS_STATUS_PENDING)
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisMOidRequestComplete(NDIS_HANDLE MiniportAdapterHandle, PNDIS_OID_REQUEST OidRequest,
			     NDIS_STATUS Status)
{
	struct ndis_adapter *a;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	rcu_read_lock();
	a = ndis_adapter_peek(MiniportAdapterHandle, __func__, _RET_IP_);
	if (a)
		ndis_oid_finish(a, OidRequest, Status, __func__, _RET_IP_);
	rcu_read_unlock();
}
EXPORT_SYMBOL_NS_GPL(NdisMOidRequestComplete, "NDIS");
