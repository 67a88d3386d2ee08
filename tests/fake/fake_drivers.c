// SPDX-License-Identifier: GPL-2.0
/*
 * ndis_fake.ko: the fake miniport and protocol of fake_drivers.h, exported
 * in the NDIS_FAKE namespace to ndis_kunit.ko and ndis_itest.ko. A test
 * module: never installed.
 */
#include <linux/delay.h>
#include <linux/if_ether.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "fake_drivers.h"

#define NDIS_FAKE_COMPLETE_DELAY	msecs_to_jiffies(20)
#define NDIS_FAKE_OID_WAIT		(10 * HZ)	/* a pended request's completion */

/* NetEventBindsComplete carries no context: counted for all fakes. */
static atomic_t ndis_fake_binds_complete = ATOMIC_INIT(0);
static DECLARE_WAIT_QUEUE_HEAD(ndis_fake_global_wq);

/**
 * ndis_fake_binds_completed() - NetEventBindsComplete events the fakes got
 *
 * The event carries no context that tells which fake protocol it is for,
 * so it is counted for all of them, since ndis_fake was loaded.
 *
 * Context: any.
 * Return: the count.
 */
int ndis_fake_binds_completed(void)
{
	return atomic_read(&ndis_fake_binds_complete);
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_binds_completed, "NDIS_FAKE");

/**
 * ndis_fake_wait_binds_completed() - wait for one more NetEventBindsComplete
 * @before: a count from ndis_fake_binds_completed()
 * @timeout: the bound, in jiffies
 *
 * Context: process context; sleeps.
 * Return: 0 if the count did not pass @before within @timeout, else the
 * jiffies left (at least 1).
 */
long ndis_fake_wait_binds_completed(int before, long timeout)
{
	return wait_event_timeout(ndis_fake_global_wq,
				  atomic_read(&ndis_fake_binds_complete) > before, timeout);
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_wait_binds_completed, "NDIS_FAKE");

/* Data-path callbacks must run at DISPATCH_LEVEL, whoever called NDIS. */
static void ndis_fake_note_dispatch(struct ndis_fake_protocol *fp)
{
	if (ndis_current_irql() != DISPATCH_LEVEL)
		atomic_inc(&fp->not_dispatch);
}

static void ndis_fake_note_level(atomic_t *not_passive)
{
	if (ndis_current_irql() != PASSIVE_LEVEL || in_interrupt())
		atomic_inc(not_passive);
}

/* -- miniport ------------------------------------------------------------ */

/* Every handler but Shutdown: none may run once the adapter was shut down. */
static void ndis_fake_handler_called(struct ndis_fake_adapter *fa)
{
	if (READ_ONCE(fa->shut_down))
		atomic_inc(&fa->mp->after_shutdown);
}

static void ndis_fake_adapter_complete(struct work_struct *work)
{
	struct ndis_fake_adapter *fa = container_of(to_delayed_work(work),
						    struct ndis_fake_adapter, complete);

	if (fa->completing_restart)
		NdisMRestartComplete(fa->handle, fa->mp->restart_status);
	else
		NdisMPauseComplete(fa->handle);
}

static NDIS_STATUS ndis_fake_initialize(NDIS_HANDLE handle, NDIS_HANDLE driver_ctx,
					PNDIS_MINIPORT_INIT_PARAMETERS params)
{
	static const UCHAR mac[ETH_ALEN] = { 0x02, 0x00, 0x5e, 0x10, 0x00, 0x01 };
	struct ndis_fake_miniport *mp = driver_ctx;
	NDIS_MINIPORT_ADAPTER_ATTRIBUTES attrs;
	NET_BUFFER_LIST_POOL_PARAMETERS lp;
	NET_BUFFER_POOL_PARAMETERS bp;
	struct ndis_fake_adapter *fa;
	NDIS_STATUS status;

	atomic_inc(&mp->inits);
	if (mp->init_sleep_ms)
		msleep(mp->init_sleep_ms);
	if (mp->fail_init)
		return NDIS_STATUS_FAILURE;
	fa = kzalloc(sizeof(*fa), GFP_KERNEL);
	if (!fa)
		return NDIS_STATUS_RESOURCES;
	fa->mp = mp;
	fa->handle = handle;
	strscpy(fa->name, params->AdapterName, sizeof(fa->name));
	fa->if_index = params->IfIndex;
	spin_lock_init(&fa->held_lock);
	ndis_fake_pool_params(&lp, &bp);
	fa->rx_pool = NdisAllocateNetBufferListPool(handle, &lp);
	spin_lock_bh(&mp->lock);
	list_add_tail(&fa->node, &mp->adapters);
	spin_unlock_bh(&mp->lock);
	INIT_DELAYED_WORK(&fa->complete, ndis_fake_adapter_complete);

	memset(&attrs, 0, sizeof(attrs));
	ndis_object_header_init(&attrs.RegistrationAttributes.Header,
				NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES, 1,
				sizeof(attrs.RegistrationAttributes));
	attrs.RegistrationAttributes.MiniportAdapterContext = fa;
	status = NdisMSetMiniportAttributes(handle, &attrs);
	if (status != NDIS_STATUS_SUCCESS)
		goto fail;

	memset(&attrs, 0, sizeof(attrs));
	ndis_object_header_init(&attrs.GeneralAttributes.Header,
				NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES, 1,
				sizeof(attrs.GeneralAttributes));
	attrs.GeneralAttributes.MediaType = mp->medium;
	attrs.GeneralAttributes.MtuSize = 1500;
	attrs.GeneralAttributes.XmitLinkSpeed = 1000000000ULL;
	attrs.GeneralAttributes.RcvLinkSpeed = 1000000000ULL;
	attrs.GeneralAttributes.MediaConnectState = MediaConnectStateConnected;
	attrs.GeneralAttributes.SupportedPacketFilters = NDIS_PACKET_TYPE_DIRECTED |
		NDIS_PACKET_TYPE_MULTICAST | NDIS_PACKET_TYPE_ALL_MULTICAST |
		NDIS_PACKET_TYPE_BROADCAST | NDIS_PACKET_TYPE_PROMISCUOUS;
	attrs.GeneralAttributes.MacAddressLength = ETH_ALEN;
	memcpy(attrs.GeneralAttributes.CurrentMacAddress, mac, ETH_ALEN);
	memcpy(attrs.GeneralAttributes.PermanentMacAddress, mac, ETH_ALEN);
	status = NdisMSetMiniportAttributes(handle, &attrs);
	if (status == NDIS_STATUS_SUCCESS) {
		if (mp->remove_in_init)
			NdisMRemoveMiniport(handle);
		return status;
	}
fail:
	kfree(fa);
	return status;
}

static void ndis_fake_halt(NDIS_HANDLE ctx, NDIS_HALT_ACTION action)
{
	struct ndis_fake_adapter *fa = ctx;
	struct ndis_fake_miniport *mp = fa->mp;

	ndis_fake_handler_called(fa);
	cancel_delayed_work_sync(&fa->complete);
	mp->last_halt = action;
	/* NDIS halts only after every send came back. */
	WARN_ON(fa->nheld);
	spin_lock_bh(&mp->lock);
	list_del(&fa->node);
	spin_unlock_bh(&mp->lock);
	if (fa->rx_pool)
		NdisFreeNetBufferListPool(fa->rx_pool);
	kfree(fa);
	atomic_inc(&mp->halts);
	wake_up(&mp->wq);
}

/**
 * ndis_fake_miniport_release() - free the adapters a fake miniport still has
 * @mp: the fake miniport, deregistered already
 *
 * After NdisMDeregisterMiniportDriver(): adapters that were shut down are
 * never halted, so they are freed here.
 *
 * Context: process context.
 */
void ndis_fake_miniport_release(struct ndis_fake_miniport *mp)
{
	struct ndis_fake_adapter *fa, *tmp;

	list_for_each_entry_safe(fa, tmp, &mp->adapters, node) {
		cancel_delayed_work_sync(&fa->complete);
		list_del(&fa->node);
		if (fa->rx_pool)
			NdisFreeNetBufferListPool(fa->rx_pool);
		kfree(fa);
	}
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_miniport_release, "NDIS_FAKE");

static NDIS_STATUS ndis_fake_pause(NDIS_HANDLE ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS params)
{
	struct ndis_fake_adapter *fa = ctx;
	/* Read before the wake: the woken test may clear it and complete at once. */
	bool hold = READ_ONCE(fa->mp->hold_pause);

	ndis_fake_handler_called(fa);
	atomic_inc(&fa->mp->pauses);
	wake_up_all(&fa->mp->wq);
	if (hold)
		return NDIS_STATUS_PENDING;	/* a stuck driver, until the test acts */
	if (!fa->mp->pend_pause)
		return NDIS_STATUS_SUCCESS;
	fa->completing_restart = false;
	schedule_delayed_work(&fa->complete, NDIS_FAKE_COMPLETE_DELAY);
	return NDIS_STATUS_PENDING;
}

static NDIS_STATUS ndis_fake_restart(NDIS_HANDLE ctx, PNDIS_MINIPORT_RESTART_PARAMETERS params)
{
	struct ndis_fake_adapter *fa = ctx;

	ndis_fake_handler_called(fa);
	atomic_inc(&fa->mp->restarts);
	if (!fa->mp->pend_restart)
		return fa->mp->restart_status;
	fa->completing_restart = true;
	schedule_delayed_work(&fa->complete, NDIS_FAKE_COMPLETE_DELAY);
	return NDIS_STATUS_PENDING;
}

static void ndis_fake_device_pnp(NDIS_HANDLE ctx, PNET_DEVICE_PNP_EVENT event)
{
	struct ndis_fake_adapter *fa = ctx;

	ndis_fake_handler_called(fa);
	if (event->DevicePnPEvent == NdisDevicePnPEventSurpriseRemoved)
		atomic_inc(&fa->mp->surprise_removals);
}

/* Call back into NDIS from a handler, as a buggy driver might. */
static void ndis_fake_reenter(struct ndis_fake_adapter *fa, enum ndis_fake_reenter *what)
{
	struct ndis_fake_miniport *mp = fa->mp;
	NDIS_STATUS status = NDIS_STATUS_SUCCESS;

	switch (xchg(what, NDIS_FAKE_REENTER_NONE)) {
	case NDIS_FAKE_REENTER_NONE:
		return;
	case NDIS_FAKE_REENTER_SET_POWER:
		status = ndis_miniport_set_power(fa->handle, NdisDeviceStateD3);
		break;
	case NDIS_FAKE_REENTER_REMOVE:
		status = ndis_miniport_remove_adapter(fa->handle);
		break;
	case NDIS_FAKE_REENTER_DEREGISTER:
		NdisMDeregisterMiniportDriver(mp->handle);
		break;
	}
	mp->reenter_status = status;
	atomic_inc(&mp->reentered);
	wake_up_all(&mp->wq);
}

/*
 * The one method the fake knows, OID_PM_GET_PROTOCOL_OFFLOAD as the DDI
 * has it: a ULONG offload id in, an NDIS_PM_PROTOCOL_OFFLOAD out, in the
 * same buffer. It echoes the id and reports the bytes it read and wrote.
 */
static NDIS_STATUS ndis_fake_method(struct ndis_fake_miniport *mp, PNDIS_OID_REQUEST req)
{
	struct _METHOD *m = &req->DATA.METHOD_INFORMATION;
	PNDIS_PM_PROTOCOL_OFFLOAD out = m->InformationBuffer;
	ULONG id;

	atomic_inc(&mp->methods_seen);
	WRITE_ONCE(mp->last_method_id, m->MethodId);
	m->BytesRead = 0;
	m->BytesWritten = 0;
	if (m->Oid != OID_PM_GET_PROTOCOL_OFFLOAD)
		return NDIS_STATUS_NOT_SUPPORTED;
	if (m->InputBufferLength < sizeof(id)) {
		m->BytesNeeded = sizeof(*out);
		return NDIS_STATUS_INVALID_LENGTH;
	}
	if (m->OutputBufferLength < sizeof(*out)) {
		m->BytesNeeded = sizeof(*out);
		return NDIS_STATUS_BUFFER_TOO_SHORT;
	}
	memcpy(&id, m->InformationBuffer, sizeof(id));
	memset(out, 0, sizeof(*out));
	ndis_object_header_init(&out->Header, NDIS_OBJECT_TYPE_DEFAULT,
				NDIS_PM_PROTOCOL_OFFLOAD_REVISION_1,
				NDIS_SIZEOF_NDIS_PM_PROTOCOL_OFFLOAD_REVISION_1);
	out->ProtocolOffloadType = NdisPMProtocolOffloadIdIPv4ARP;
	out->ProtocolOffloadId = id;
	m->BytesRead = sizeof(id);
	m->BytesWritten = sizeof(*out);
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS ndis_fake_oid(NDIS_HANDLE ctx, PNDIS_OID_REQUEST req)
{
	struct ndis_fake_adapter *fa = ctx;
	struct ndis_fake_miniport *mp = fa->mp;
	NDIS_STATUS status = NDIS_STATUS_SUCCESS;

	ndis_fake_handler_called(fa);
	ndis_fake_reenter(fa, &mp->reenter_oid);
	atomic_inc(&mp->oids_seen);
	if (req->RequestType == NdisRequestSetInformation &&
	    req->DATA.SET_INFORMATION.Oid == OID_GEN_CURRENT_PACKET_FILTER)
		WRITE_ONCE(mp->last_filter, *(ULONG *)req->DATA.SET_INFORMATION.InformationBuffer);
	if (req->RequestType == NdisRequestSetInformation &&
	    req->DATA.SET_INFORMATION.Oid == OID_802_3_MULTICAST_LIST)
		WRITE_ONCE(mp->last_mcast_count,
			   req->DATA.SET_INFORMATION.InformationBufferLength / ETH_ALEN);
	if (req->RequestType == NdisRequestSetInformation &&
	    req->DATA.SET_INFORMATION.Oid == OID_PNP_SET_POWER)
		WRITE_ONCE(mp->last_power, *(NDIS_DEVICE_POWER_STATE *)
			   req->DATA.SET_INFORMATION.InformationBuffer);
	wake_up_all(&mp->wq);
	if (mp->oid_gate)	/* a test acts while the handler runs */
		wait_for_completion(mp->oid_gate);
	if (mp->fail_sleep && req->RequestType == NdisRequestSetInformation &&
	    req->DATA.SET_INFORMATION.Oid == OID_PNP_SET_POWER &&
	    mp->last_power != NdisDeviceStateD0)
		return NDIS_STATUS_FAILURE;
	/* A method's answer is in place whenever it completes. */
	if (req->RequestType == NdisRequestMethod)
		status = ndis_fake_method(mp, req);
	switch (mp->oid_mode) {
	case NDIS_FAKE_OID_PEND:
		if (cmpxchg(&mp->oid_held, NULL, req))
			atomic_inc(&mp->oid_overlap);
		mp->oid_adapter = fa->handle;
		wake_up_all(&mp->wq);
		return NDIS_STATUS_PENDING;
	case NDIS_FAKE_OID_EARLY:
		NdisMOidRequestComplete(fa->handle, req, status);
		return NDIS_STATUS_PENDING;
	default:
		return status;
	}
}

/**
 * ndis_fake_oid_complete_held() - complete the OID request the fake holds
 * @mp: the fake miniport (NDIS_FAKE_OID_PEND)
 * @status: the request's final status
 *
 * Context: any context NdisMOidRequestComplete() allows.
 * Return: whether there was one.
 */
bool ndis_fake_oid_complete_held(struct ndis_fake_miniport *mp, NDIS_STATUS status)
{
	PNDIS_OID_REQUEST req = xchg(&mp->oid_held, NULL);

	if (req)
		NdisMOidRequestComplete(mp->oid_adapter, req, status);
	return req;
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_oid_complete_held, "NDIS_FAKE");

static void ndis_fake_send_nbls(NDIS_HANDLE ctx, PNET_BUFFER_LIST chain,
				NDIS_PORT_NUMBER port, ULONG flags)
{
	struct ndis_fake_adapter *fa = ctx;
	PNET_BUFFER_LIST nbl, *tail;
	PNET_BUFFER nb;
	unsigned int n = 0;

	ndis_fake_handler_called(fa);
	for (nbl = chain; nbl; nbl = nbl->Next) {
		n++;
		for (nb = nbl->FirstNetBuffer; nb; nb = nb->Next)
			atomic_inc(&fa->mp->sent_nbs);
		nbl->Status = NDIS_STATUS_SUCCESS;
	}
	atomic_add(n, &fa->mp->sent_nbls);
	if (!fa->mp->hold_sends) {
		NdisMSendNetBufferListsComplete(fa->handle, chain, 0);
		return;
	}
	spin_lock_bh(&fa->held_lock);
	for (tail = &fa->held; *tail; tail = &(*tail)->Next)
		;
	*tail = chain;
	fa->nheld += n;
	spin_unlock_bh(&fa->held_lock);
	wake_up_all(&fa->mp->wq);
}

/**
 * ndis_fake_adapter_release_sends() - complete held sends
 * @fa: the fake adapter (its miniport has hold_sends set)
 * @max: at most this many NBLs
 * @status: the status each completes with
 *
 * Completes up to @max held sends (oldest first) with @status, in one
 * chain whatever bindings they came from.
 *
 * Context: process or softirq context.
 * Return: how many.
 */
unsigned int ndis_fake_adapter_release_sends(struct ndis_fake_adapter *fa,
					     unsigned int max, NDIS_STATUS status)
{
	PNET_BUFFER_LIST head, *tail;
	unsigned int n = 0;

	spin_lock_bh(&fa->held_lock);
	head = fa->held;
	for (tail = &head; *tail && n < max; tail = &(*tail)->Next) {
		(*tail)->Status = status;
		n++;
	}
	fa->held = *tail;
	*tail = NULL;
	fa->nheld -= n;
	spin_unlock_bh(&fa->held_lock);
	if (n)
		NdisMSendNetBufferListsComplete(fa->handle, head, 0);
	return n;
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_adapter_release_sends, "NDIS_FAKE");

/**
 * ndis_fake_indicate_status() - NdisMIndicateStatusEx() from a fake adapter
 * @fa: the fake adapter
 * @code: the StatusCode
 * @buf: the StatusBuffer
 * @size: its size in bytes
 * @destination: the binding it is for; NULL for every binding
 *
 * Context: <= DISPATCH_LEVEL.
 */
void ndis_fake_indicate_status(struct ndis_fake_adapter *fa, NDIS_STATUS code, PVOID buf,
			       ULONG size, NDIS_HANDLE destination)
{
	NDIS_STATUS_INDICATION s = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_STATUS_INDICATION,
						  NDIS_STATUS_INDICATION_REVISION_1, sizeof(s)),
		.StatusCode = code,
		.DestinationHandle = destination,
		.StatusBuffer = buf,
		.StatusBufferSize = size,
	};

	NdisMIndicateStatusEx(fa->handle, &s);
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_indicate_status, "NDIS_FAKE");

/**
 * ndis_fake_indicate_link() - a NDIS_STATUS_LINK_STATE indication at 1 Gb/s
 * @fa: the fake adapter
 * @state: the media connect state it reports
 * @destination: the binding it is for; NULL for every binding
 *
 * Context: <= DISPATCH_LEVEL.
 */
void ndis_fake_indicate_link(struct ndis_fake_adapter *fa, NDIS_MEDIA_CONNECT_STATE state,
			     NDIS_HANDLE destination)
{
	NDIS_LINK_STATE link = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_DEFAULT,
						  NDIS_LINK_STATE_REVISION_1, sizeof(link)),
		.MediaConnectState = state,
		.XmitLinkSpeed = 1000000000ULL,
		.RcvLinkSpeed = 1000000000ULL,
	};

	ndis_fake_indicate_status(fa, NDIS_STATUS_LINK_STATE, &link, sizeof(link), destination);
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_indicate_link, "NDIS_FAKE");

/**
 * ndis_fake_adapter_find() - a fake miniport's adapter by name
 * @mp: the fake miniport
 * @name: the adapter's name
 *
 * Context: process or softirq context.
 * Return: the adapter (valid until it is halted), or NULL.
 */
struct ndis_fake_adapter *ndis_fake_adapter_find(struct ndis_fake_miniport *mp,
						 const char *name)
{
	struct ndis_fake_adapter *fa, *found = NULL;

	spin_lock_bh(&mp->lock);
	list_for_each_entry(fa, &mp->adapters, node)
		if (!strcmp(fa->name, name))
			found = fa;
	spin_unlock_bh(&mp->lock);
	return found;
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_adapter_find, "NDIS_FAKE");

static void ndis_fake_return(NDIS_HANDLE ctx, PNET_BUFFER_LIST chain, ULONG flags)
{
	struct ndis_fake_adapter *fa = ctx;
	PNET_BUFFER_LIST nbl, next;

	ndis_fake_handler_called(fa);
	ndis_fake_reenter(fa, &fa->mp->reenter_return);
	for (nbl = chain; nbl; nbl = next) {
		next = nbl->Next;
		nbl->Next = NULL;
		atomic_inc(&fa->mp->rx_returned);
		if (READ_ONCE(fa->mp->indicating) == current)
			atomic_inc(&fa->mp->rx_returned_early);
		NdisFreeNetBufferList(nbl);
	}
	wake_up_all(&fa->mp->wq);
}

/**
 * ndis_fake_indicate() - indicate frames from a fake adapter
 * @fa: the fake adapter
 * @n: how many 60-byte frames, one NBL each
 * @dst: their destination MAC address
 * @flags: the receive flags
 *
 * Each frame's byte after the destination address numbers it. With
 * NDIS_RECEIVE_FLAGS_RESOURCES the frames are freed when the call returns.
 *
 * Context: <= DISPATCH_LEVEL.
 */
void ndis_fake_indicate(struct ndis_fake_adapter *fa, unsigned int n, const UCHAR *dst,
			ULONG flags)
{
	PNET_BUFFER_LIST chain = NULL, *tail = &chain, nbl, next;
	unsigned int i, count = 0;
	UCHAR *data;

	for (i = 0; i < n; i++) {
		nbl = NdisAllocateNetBufferAndNetBufferList(fa->rx_pool, 0, 0, NULL, 0, 60);
		if (!nbl)
			break;
		data = NdisGetDataBuffer(nbl->FirstNetBuffer, ETH_ALEN + 1, NULL, 1, 0);
		memcpy(data, dst, ETH_ALEN);
		data[ETH_ALEN] = i;
		*tail = nbl;
		tail = &nbl->Next;
		count++;
	}
	WRITE_ONCE(fa->mp->indicating, current);
	NdisMIndicateReceiveNetBufferLists(fa->handle, chain, 0, count, flags);
	WRITE_ONCE(fa->mp->indicating, NULL);
	if (!(flags & NDIS_RECEIVE_FLAGS_RESOURCES))
		return;
	for (nbl = chain; nbl; nbl = next) {
		next = nbl->Next;
		NdisFreeNetBufferList(nbl);
	}
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_indicate, "NDIS_FAKE");

/* Complete the held sends tagged @id with NDIS_STATUS_SEND_ABORTED. */
static void ndis_fake_cancel_send(NDIS_HANDLE ctx, PVOID id)
{
	struct ndis_fake_adapter *fa = ctx;
	PNET_BUFFER_LIST *link, nbl, aborted = NULL, *tail = &aborted;

	ndis_fake_handler_called(fa);
	spin_lock_bh(&fa->held_lock);
	for (link = &fa->held; (nbl = *link);) {
		if (NDIS_GET_NET_BUFFER_LIST_CANCEL_ID(nbl) != id) {
			link = &nbl->Next;
			continue;
		}
		*link = nbl->Next;
		nbl->Next = NULL;
		nbl->Status = NDIS_STATUS_SEND_ABORTED;
		*tail = nbl;
		tail = &nbl->Next;
		fa->nheld--;
	}
	spin_unlock_bh(&fa->held_lock);
	if (aborted)
		NdisMSendNetBufferListsComplete(fa->handle, aborted, 0);
}

/* Logged: the integration tier checks it in the console after a reboot. */
static void ndis_fake_shutdown(NDIS_HANDLE ctx, NDIS_SHUTDOWN_ACTION action)
{
	struct ndis_fake_adapter *fa = ctx;

	if (xchg(&fa->shut_down, true))
		atomic_inc(&fa->mp->after_shutdown);	/* a second one */
	atomic_inc(&fa->mp->shutdowns);
	pr_info("MiniportShutdownEx(%s, %s)\n", fa->name,
		action == NdisShutdownPowerOff ? "power off" : "bugcheck");
}

static void ndis_fake_cancel_oid(NDIS_HANDLE ctx, PVOID id)
{
	struct ndis_fake_adapter *fa = ctx;
	struct ndis_fake_miniport *mp = fa->mp;
	PNDIS_OID_REQUEST req = READ_ONCE(mp->oid_held);

	ndis_fake_handler_called(fa);
	atomic_inc(&mp->cancels);
	if (mp->ignore_cancel || !req || req->RequestId != id)
		return;
	if (cmpxchg(&mp->oid_held, req, NULL) == req)
		NdisMOidRequestComplete(fa->handle, req, NDIS_STATUS_REQUEST_ABORTED);
}

/**
 * ndis_fake_miniport_chars() - the fake miniport's characteristics
 * @c: filled in: every handler of the fake, NDIS 6.30
 * @name: the driver's name
 *
 * Context: any.
 */
void ndis_fake_miniport_chars(PNDIS_MINIPORT_DRIVER_CHARACTERISTICS c, const char *name)
{
	memset(c, 0, sizeof(*c));
	ndis_object_header_init(&c->Header, NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS,
				NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2, sizeof(*c));
	c->MajorNdisVersion = 6;
	c->MinorNdisVersion = 30;
	c->Name = name;
	c->InitializeHandlerEx = ndis_fake_initialize;
	c->HaltHandlerEx = ndis_fake_halt;
	c->PauseHandler = ndis_fake_pause;
	c->RestartHandler = ndis_fake_restart;
	c->OidRequestHandler = ndis_fake_oid;
	c->SendNetBufferListsHandler = ndis_fake_send_nbls;
	c->ReturnNetBufferListsHandler = ndis_fake_return;
	c->CancelSendHandler = ndis_fake_cancel_send;
	c->DevicePnPEventNotifyHandler = ndis_fake_device_pnp;
	c->ShutdownHandlerEx = ndis_fake_shutdown;
	c->CancelOidRequestHandler = ndis_fake_cancel_oid;
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_miniport_chars, "NDIS_FAKE");

/**
 * ndis_fake_miniport_init() - set up a fake miniport before registering it
 * @mp: the fake miniport, zeroed
 * @name: its name (copied)
 *
 * Context: any.
 */
void ndis_fake_miniport_init(struct ndis_fake_miniport *mp, const char *name)
{
	strscpy(mp->name, name, sizeof(mp->name));
	mp->medium = NdisMedium802_3;
	mp->restart_status = NDIS_STATUS_SUCCESS;
	spin_lock_init(&mp->lock);
	INIT_LIST_HEAD(&mp->adapters);
	init_waitqueue_head(&mp->wq);
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_miniport_init, "NDIS_FAKE");

/* -- protocol ------------------------------------------------------------ */

static void ndis_fake_event(struct ndis_fake_protocol *fp, atomic_t *counter)
{
	atomic_inc(counter);
	wake_up_all(&fp->wq);
}

static void ndis_fake_open_free(struct ndis_fake_open *open)
{
	struct ndis_fake_protocol *fp = open->fp;

	spin_lock_bh(&fp->lock);
	list_del(&open->node);
	spin_unlock_bh(&fp->lock);
	kfree(open);
	atomic_dec(&fp->live);
	wake_up_all(&fp->wq);
}

static void ndis_fake_complete_bind(struct work_struct *work)
{
	struct ndis_fake_open *open = container_of(work, struct ndis_fake_open, complete_bind);
	struct ndis_fake_protocol *fp = open->fp;

	atomic_inc(&fp->bound);
	/* The bind may finish, and an unbind free @open, before this returns. */
	NdisCompleteBindAdapterEx(open->bind_ctx, NDIS_STATUS_SUCCESS);
	wake_up_all(&fp->wq);
	if (atomic_dec_and_test(&fp->works))
		wake_up_all(&ndis_fake_global_wq);
}

/*
 * A pended unbind is over: free @open (closed, NDIS calls it no more), then
 * complete. Last: once the unbind completes, the test may end and free fp.
 */
static void ndis_fake_finish_unbind(struct ndis_fake_open *open)
{
	NDIS_HANDLE unbind_ctx = open->unbind_ctx;

	ndis_fake_open_free(open);
	NdisCompleteUnbindAdapterEx(unbind_ctx);
}

/* An unbind that pended: closed from another thread, as NDIS allows. */
static void ndis_fake_close_work(struct work_struct *work)
{
	struct ndis_fake_open *open = container_of(work, struct ndis_fake_open, close_work);
	struct ndis_fake_protocol *fp = open->fp;
	NDIS_STATUS status = NdisCloseAdapterEx(open->binding);

	fp->work_close_status = status;
	if (status == NDIS_STATUS_PENDING) {
		/* The close completion completes the unbind and frees @open. */
		ndis_fake_event(fp, &fp->unbinds);
		return;
	}
	WRITE_ONCE(open->closed, true);
	ndis_fake_event(fp, &fp->unbinds);
	ndis_fake_finish_unbind(open);
}

/* An NDIS_STRING name as UTF-8 in @dst (@size bytes); "" if it does not fit. */
static void ndis_fake_utf8(char *dst, size_t size, PCUNICODE_STRING name)
{
	ANSI_STRING as = { 0, size, dst };

	if (!NT_SUCCESS(RtlUnicodeStringToAnsiString(&as, name, FALSE)))
		dst[0] = 0;
}

static NDIS_STATUS ndis_fake_bind(NDIS_HANDLE driver_ctx, NDIS_HANDLE bind_ctx,
				  PNDIS_BIND_PARAMETERS params)
{
	struct ndis_fake_protocol *fp = driver_ctx;
	NDIS_OPEN_PARAMETERS op = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_OPEN_PARAMETERS,
						  NDIS_OPEN_PARAMETERS_REVISION_1, sizeof(op)),
	};
	struct ndis_fake_open *open;
	NDIS_STATUS status;

	ndis_fake_note_level(&fp->not_passive);
	if (!READ_ONCE(fp->handle))	/* NDIS promises it is written first */
		atomic_inc(&fp->bind_without_handle);
	ndis_fake_event(fp, &fp->binds);
	open = kzalloc(sizeof(*open), GFP_KERNEL);
	if (!open)
		return NDIS_STATUS_RESOURCES;
	open->fp = fp;
	open->bind_ctx = bind_ctx;
	open->medium = fp->medium;
	ndis_fake_utf8(open->adapter, sizeof(open->adapter), params->AdapterName);
	open->bound_if_index = params->BoundIfIndex;
	open->lowest_if_index = params->LowestIfIndex;
	INIT_WORK(&open->complete_bind, ndis_fake_complete_bind);
	INIT_WORK(&open->close_work, ndis_fake_close_work);
	atomic_inc(&fp->live);
	spin_lock_bh(&fp->lock);
	list_add_tail(&open->node, &fp->opens);
	spin_unlock_bh(&fp->lock);

	op.AdapterName = params->AdapterName;
	op.MediumArray = &open->medium;
	op.MediumArraySize = 1;
	op.SelectedMediumIndex = &open->medium_index;
	status = NdisOpenAdapterEx(fp->handle, open, &op, bind_ctx, &open->binding);
	if (status == NDIS_STATUS_PENDING)
		return status;	/* ProtocolOpenAdapterCompleteEx completes the bind */
	if (status != NDIS_STATUS_SUCCESS) {
		ndis_fake_open_free(open);
		return status;
	}

	switch (fp->bind_mode) {
	case NDIS_FAKE_BIND_PEND:
		atomic_inc(&fp->works);
		schedule_work(&open->complete_bind);
		return NDIS_STATUS_PENDING;
	case NDIS_FAKE_BIND_FAIL_AFTER_OPEN:
		if (NdisCloseAdapterEx(open->binding) == NDIS_STATUS_PENDING)
			wait_event(fp->wq, atomic_read(&fp->close_completes));
		ndis_fake_open_free(open);
		return NDIS_STATUS_FAILURE;
	case NDIS_FAKE_BIND_FAIL_LEAVING_OPEN:
		ndis_fake_open_free(open);
		return NDIS_STATUS_FAILURE;
	case NDIS_FAKE_BIND_UNBIND_INSIDE:
		fp->inside_unbind_status = NdisUnbindAdapter(open->binding);
		break;
	case NDIS_FAKE_BIND_SYNC:
		break;
	}
	/* A test may wait for it on another CPU. */
	ndis_fake_event(fp, &fp->bound);
	return NDIS_STATUS_SUCCESS;
}

static void ndis_fake_open_complete(NDIS_HANDLE ctx, NDIS_STATUS status)
{
	struct ndis_fake_open *open = ctx;

	ndis_fake_note_level(&open->fp->not_passive);
	if (status == NDIS_STATUS_SUCCESS)
		atomic_inc(&open->fp->bound);
	ndis_fake_event(open->fp, &open->fp->open_completes);
	NdisCompleteBindAdapterEx(open->bind_ctx, status);
}

static void ndis_fake_close_complete(NDIS_HANDLE ctx)
{
	struct ndis_fake_open *open = ctx;
	struct ndis_fake_protocol *fp = open->fp;

	bool finish = open->unbinding && (fp->pend_unbind || fp->close_from_work);

	ndis_fake_note_level(&fp->not_passive);
	/* Unless we finish the unbind, the handler may free @open after this. */
	ndis_fake_event(fp, &fp->close_completes);
	if (finish)
		ndis_fake_finish_unbind(open);
}

static NDIS_STATUS ndis_fake_unbind(NDIS_HANDLE unbind_ctx, NDIS_HANDLE ctx)
{
	struct ndis_fake_open *open = ctx;
	struct ndis_fake_protocol *fp = open->fp;
	NDIS_STATUS status;

	ndis_fake_note_level(&fp->not_passive);
	/*
	 * Close the send gate and wait for those inside it: a binding that was
	 * still paused (bound while its adapter slept or failed to restart) is
	 * unbound without a NetEventPause first, and the handle must not close
	 * under a send.
	 */
	spin_lock_bh(&fp->lock);
	open->paused = true;
	spin_unlock_bh(&fp->lock);
	wait_event(fp->wq, !READ_ONCE(open->sending));
	if (fp->unbind_sleep_ms)
		msleep(fp->unbind_sleep_ms);
	open->unbind_ctx = unbind_ctx;
	open->unbinding = true;
	if (fp->unbind_inside_unbind)
		fp->inside_unbind_status = NdisUnbindAdapter(open->binding);
	if (fp->close_from_work) {
		schedule_work(&open->close_work);
		return NDIS_STATUS_PENDING;
	}
	status = NdisCloseAdapterEx(open->binding);
	if (fp->pend_unbind && status == NDIS_STATUS_PENDING) {
		/* The close completion completes the unbind and frees @open. */
		ndis_fake_event(fp, &fp->unbinds);
		return NDIS_STATUS_PENDING;
	}
	/* Sync or pended, no status may reach us once the close returned. */
	WRITE_ONCE(open->closed, true);
	if (fp->oid_after_close) {
		NDIS_OID_REQUEST req;

		ndis_fake_oid_init(&req, NdisRequestQueryInformation, OID_GEN_VENDOR_ID,
				   &ndis_fake_oid_slots(&req)[1], sizeof(ULONG), NULL);
		fp->oid_after_close_status = NdisOidRequest(open->binding, &req);
	}
	ndis_fake_event(fp, &fp->unbinds);
	if (fp->pend_unbind) {
		if (status == NDIS_STATUS_SUCCESS)	/* as a deferred driver would */
			ndis_fake_finish_unbind(open);
		return NDIS_STATUS_PENDING;
	}
	if (status == NDIS_STATUS_PENDING)
		wait_event(fp->wq, atomic_read(&fp->close_completes) >= atomic_read(&fp->unbinds));
	ndis_fake_open_free(open);
	return NDIS_STATUS_SUCCESS;
}

/* A pended PnP event finishes here, a little later, from process context. */
static void ndis_fake_pnp_work(struct work_struct *work)
{
	struct ndis_fake_protocol *fp = container_of(to_delayed_work(work),
						     struct ndis_fake_protocol, pnp_work);

	NdisCompleteNetPnPEvent(fp->pnp_binding, fp->pnp_event, fp->pnp_status);
}

static NDIS_STATUS ndis_fake_pnp_handle(struct ndis_fake_open *open,
					PNET_PNP_EVENT_NOTIFICATION n);

static NDIS_STATUS ndis_fake_pnp(NDIS_HANDLE ctx, PNET_PNP_EVENT_NOTIFICATION n)
{
	struct ndis_fake_open *open = ctx;
	struct ndis_fake_protocol *fp = open ? open->fp : NULL;
	NDIS_STATUS status = ndis_fake_pnp_handle(open, n);

	if (!fp || !fp->pend_pnp)
		return status;
	fp->pnp_binding = open->binding;
	fp->pnp_event = n;
	fp->pnp_status = status;
	atomic_inc(&fp->pnp_pended);
	schedule_delayed_work(&fp->pnp_work, msecs_to_jiffies(5));
	return NDIS_STATUS_PENDING;
}

static NDIS_STATUS ndis_fake_pnp_handle(struct ndis_fake_open *open,
					PNET_PNP_EVENT_NOTIFICATION n)
{
	struct ndis_fake_protocol *fp;

	if (!open) {
		/* Protocol-wide, no context to tell which fake: count globally. */
		if (n->NetPnPEvent.NetEvent == NetEventBindsComplete)
			atomic_inc(&ndis_fake_binds_complete);
		wake_up_all(&ndis_fake_global_wq);
		return NDIS_STATUS_SUCCESS;
	}
	fp = open->fp;
	ndis_fake_note_level(&fp->not_passive);
	if (n->NetPnPEvent.NetEvent == NetEventPause) {
		/* Stop originating sends, and let those under way get in. */
		spin_lock_bh(&fp->lock);
		open->paused = true;
		spin_unlock_bh(&fp->lock);
		wait_event(fp->wq, !READ_ONCE(open->sending));
		ndis_fake_return_held(fp);	/* hazard 11: held receives go back */
		ndis_fake_event(fp, &fp->pauses);
	} else if (n->NetPnPEvent.NetEvent == NetEventQueryRemoveDevice) {
		ndis_fake_event(fp, &fp->query_removes);
		if (fp->refuse_query_remove)
			return NDIS_STATUS_FAILURE;
	} else if (n->NetPnPEvent.NetEvent == NetEventCancelRemoveDevice) {
		ndis_fake_event(fp, &fp->cancel_removes);
	} else if (n->NetPnPEvent.NetEvent == NetEventSetPower) {
		WRITE_ONCE(fp->last_power,
			   *(NDIS_DEVICE_POWER_STATE *)n->NetPnPEvent.Buffer);
		ndis_fake_event(fp, &fp->set_powers);
	} else if (n->NetPnPEvent.NetEvent == NetEventRestart) {
		spin_lock_bh(&fp->lock);
		fp->last_restart_length = n->NetPnPEvent.BufferLength;
		memset(&fp->last_restart, 0, sizeof(fp->last_restart));
		if (n->NetPnPEvent.Buffer)
			memcpy(&fp->last_restart, n->NetPnPEvent.Buffer,
			       min_t(ULONG, n->NetPnPEvent.BufferLength, sizeof(fp->last_restart)));
		open->paused = false;
		spin_unlock_bh(&fp->lock);
		ndis_fake_event(fp, &fp->restarts);
	}
	return NDIS_STATUS_SUCCESS;
}

static DECLARE_WAIT_QUEUE_HEAD(ndis_fake_oid_wq);

static void ndis_fake_oid_complete(NDIS_HANDLE ctx, PNDIS_OID_REQUEST req, NDIS_STATUS s)
{
	struct ndis_fake_open *open = ctx;

	ndis_fake_note_dispatch(open->fp);
	if (req->RequestType == NdisRequestMethod) {
		WRITE_ONCE(open->fp->method_written, req->DATA.METHOD_INFORMATION.BytesWritten);
		WRITE_ONCE(open->fp->method_read, req->DATA.METHOD_INFORMATION.BytesRead);
	}
	/* Slot 0 counts completions: exactly one is right; slot 1 is the status. */
	ndis_fake_oid_slots(req)[1] = (PVOID)(ULONG_PTR)s;
	/* The status, then the count: ndis_fake_oid_sync() reads them the other way. */
	smp_store_release(&ndis_fake_oid_slots(req)[0],
			  (PVOID)((ULONG_PTR)ndis_fake_oid_slots(req)[0] + 1));
	wake_up_all(&ndis_fake_oid_wq);
	WRITE_ONCE(open->fp->last_oid_status, s);
	if (READ_ONCE(open->fp->deregister_in_oid_complete)) {
		WRITE_ONCE(open->fp->deregister_in_oid_complete, false);
		NdisDeregisterProtocolDriver(open->fp->handle);	/* a bug: refused */
	}
	atomic_inc(&open->fp->oid_completions);
	wake_up_all(&open->fp->wq);
}

static bool ndis_fake_oid_completed(PNDIS_OID_REQUEST req)
{
	/* The count, then the status: ndis_fake_oid_complete() writes them the other way. */
	return smp_load_acquire(&ndis_fake_oid_slots(req)[0]);
}

/**
 * ndis_fake_oid_sync() - NdisOidRequest(), waiting for a pended request
 * @binding: the binding
 * @req: the request, from ndis_fake_oid_init()
 *
 * Return: the final status, or NDIS_STATUS_PENDING if the completion did
 * not come within NDIS_FAKE_OID_WAIT.
 */
NDIS_STATUS ndis_fake_oid_sync(NDIS_HANDLE binding, PNDIS_OID_REQUEST req)
{
	NDIS_STATUS status = NdisOidRequest(binding, req);

	if (status != NDIS_STATUS_PENDING ||
	    !wait_event_timeout(ndis_fake_oid_wq, ndis_fake_oid_completed(req), NDIS_FAKE_OID_WAIT))
		return status;
	return (NDIS_STATUS)(ULONG_PTR)ndis_fake_oid_slots(req)[1];
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_oid_sync, "NDIS_FAKE");

/**
 * ndis_fake_oid_init() - fill in an OID request
 * @req: the request
 * @type: query or set
 * @oid: the OID
 * @buffer: the information buffer
 * @length: its length in bytes
 * @id: the RequestId
 *
 * Context: any.
 */
void ndis_fake_oid_init(PNDIS_OID_REQUEST req, NDIS_REQUEST_TYPE type, NDIS_OID oid,
			PVOID buffer, UINT length, PVOID id)
{
	memset(req, 0, sizeof(*req));
	ndis_object_header_init(&req->Header, NDIS_OBJECT_TYPE_OID_REQUEST,
				NDIS_OID_REQUEST_REVISION_1, sizeof(*req));
	req->RequestType = type;
	req->RequestId = id;
	req->DATA.QUERY_INFORMATION.Oid = oid;
	req->DATA.QUERY_INFORMATION.InformationBuffer = buffer;
	req->DATA.QUERY_INFORMATION.InformationBufferLength = length;
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_oid_init, "NDIS_FAKE");

/**
 * ndis_fake_oid_method_init() - fill in a method request
 * @req: the request
 * @oid: the OID
 * @method_id: the MethodId
 * @buffer: the information buffer, input and then output
 * @in_length: bytes of input in it
 * @out_length: bytes the output may take
 * @id: the RequestId
 *
 * The byte counts start at a value no miniport would leave, so a test sees
 * that the ones it reads came from the miniport.
 *
 * Context: any.
 */
void ndis_fake_oid_method_init(PNDIS_OID_REQUEST req, NDIS_OID oid, ULONG method_id,
			       PVOID buffer, ULONG in_length, ULONG out_length, PVOID id)
{
	ndis_fake_oid_init(req, NdisRequestMethod, oid, NULL, 0, id);
	req->DATA.METHOD_INFORMATION.InformationBuffer = buffer;
	req->DATA.METHOD_INFORMATION.InputBufferLength = in_length;
	req->DATA.METHOD_INFORMATION.OutputBufferLength = out_length;
	req->DATA.METHOD_INFORMATION.MethodId = method_id;
	req->DATA.METHOD_INFORMATION.BytesWritten = ~0U;
	req->DATA.METHOD_INFORMATION.BytesRead = ~0U;
	req->DATA.METHOD_INFORMATION.BytesNeeded = ~0U;
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_oid_method_init, "NDIS_FAKE");

/* Keep a copy of the first frame of the last indication, and where it came. */
static void ndis_fake_note_rx(struct ndis_fake_protocol *fp, struct ndis_fake_open *open,
			      PNET_BUFFER_LIST nbls)
{
	ULONG len = min_t(ULONG, NET_BUFFER_DATA_LENGTH(nbls->FirstNetBuffer),
			  sizeof(fp->rx_last));
	UCHAR storage[sizeof(fp->rx_last)];
	const UCHAR *data;
	PNET_BUFFER_LIST nbl;
	PNET_BUFFER nb;

	data = NdisGetDataBuffer(nbls->FirstNetBuffer, len, storage, 1, 0);
	spin_lock(&fp->rx_lock);
	if (data)
		memcpy(fp->rx_last, data, len);
	fp->rx_last_len = data ? len : 0;
	strscpy(fp->rx_last_adapter, open->adapter, sizeof(fp->rx_last_adapter));
	for (nbl = nbls; fp->rx_hook && nbl; nbl = nbl->Next)
		for (nb = nbl->FirstNetBuffer; nb; nb = nb->Next)
			fp->rx_hook(open, nb);
	spin_unlock(&fp->rx_lock);
}

static void ndis_fake_receive(NDIS_HANDLE ctx, PNET_BUFFER_LIST nbls, NDIS_PORT_NUMBER port,
			      ULONG count, ULONG flags)
{
	struct ndis_fake_open *open = ctx;
	struct ndis_fake_protocol *fp = open->fp;
	PNET_BUFFER_LIST nbl, next;

	ndis_fake_note_dispatch(fp);
	ndis_fake_note_rx(fp, open, nbls);
	atomic_add(count, &fp->rx_nbls);
	if (fp->rx_return_held_first)
		ndis_fake_return_held(fp);
	if (flags & NDIS_RECEIVE_FLAGS_RESOURCES) {
		atomic_add(count, &fp->rx_resources);
		wake_up_all(&fp->wq);
		return;		/* nothing may be kept, nothing returned */
	}
	if (!fp->rx_hold) {
		NdisReturnNetBufferLists(open->binding, nbls, 0);
		wake_up_all(&fp->wq);
		return;
	}
	for (nbl = nbls; nbl; nbl = next) {
		next = nbl->Next;
		nbl->Next = NULL;
		spin_lock_bh(&fp->rx_lock);
		if (fp->rx_nheld < ARRAY_SIZE(fp->rx_held)) {
			fp->rx_held[fp->rx_nheld] = nbl;
			fp->rx_held_binding[fp->rx_nheld++] = open->binding;
			nbl = NULL;
		}
		spin_unlock_bh(&fp->rx_lock);
		if (nbl)
			NdisReturnNetBufferLists(open->binding, nbl, 0);
	}
	wake_up_all(&fp->wq);
}

/**
 * ndis_fake_return_held() - give back every received NBL the protocol holds
 * @fp: the fake protocol
 *
 * One NdisReturnNetBufferLists() call per NBL.
 *
 * Context: <= DISPATCH_LEVEL.
 */
void ndis_fake_return_held(struct ndis_fake_protocol *fp)
{
	PNET_BUFFER_LIST nbl;
	NDIS_HANDLE binding;

	for (;;) {
		spin_lock_bh(&fp->rx_lock);
		if (!fp->rx_nheld) {
			spin_unlock_bh(&fp->rx_lock);
			break;
		}
		fp->rx_nheld--;
		nbl = fp->rx_held[fp->rx_nheld];
		binding = fp->rx_held_binding[fp->rx_nheld];
		spin_unlock_bh(&fp->rx_lock);
		NdisReturnNetBufferLists(binding, nbl, 0);
	}
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_return_held, "NDIS_FAKE");

static void ndis_fake_status(NDIS_HANDLE ctx, PNDIS_STATUS_INDICATION s)
{
	struct ndis_fake_open *open = ctx;
	struct ndis_fake_protocol *fp = open->fp;
	const NDIS_LINK_STATE *link = s->StatusBuffer;

	ndis_fake_note_dispatch(fp);
	if (READ_ONCE(open->closed))
		atomic_inc(&fp->late_statuses);
	if (s->StatusCode == NDIS_STATUS_LINK_STATE && link)
		WRITE_ONCE(fp->last_link, link->MediaConnectState);
	WRITE_ONCE(fp->last_status, s->StatusCode);
	atomic_inc(&fp->statuses);
	wake_up_all(&fp->wq);
}

static void ndis_fake_free_nbl(struct ndis_fake_protocol *fp, PNET_BUFFER_LIST nbl)
{
	PNET_BUFFER nb, next;

	/* The first NB came with the NBL; the others from the NB pool. */
	for (nb = nbl->FirstNetBuffer->Next; nb; nb = next) {
		next = nb->Next;
		NdisFreeNetBuffer(nb);
	}
	NdisFreeNetBufferList(nbl);
	if (atomic_dec_and_test(&fp->nbls_live))
		wake_up_all(&fp->wq);
}

/* Record the tag (first four bytes) of each completed NBL, in order. */
static void ndis_fake_note_done(struct ndis_fake_protocol *fp, PNET_BUFFER_LIST nbl)
{
	u32 storage, *tag;

	tag = NdisGetDataBuffer(nbl->FirstNetBuffer, sizeof(*tag), &storage, 1, 0);
	spin_lock(&fp->rx_lock);
	if (tag && fp->ndone_tags < ARRAY_SIZE(fp->done_tags))
		fp->done_tags[fp->ndone_tags++] = *tag;
	spin_unlock(&fp->rx_lock);
}

static void ndis_fake_send_complete(NDIS_HANDLE ctx, PNET_BUFFER_LIST nbls, ULONG flags)
{
	struct ndis_fake_open *open = ctx;
	struct ndis_fake_protocol *fp = open->fp;
	PNET_BUFFER_LIST nbl, next;

	ndis_fake_note_dispatch(fp);
	for (nbl = nbls; nbl; nbl = next) {
		next = nbl->Next;
		nbl->Next = NULL;
		if (nbl->SourceHandle != open->binding)
			atomic_inc(&fp->wrong_source);
		ndis_fake_note_done(fp, nbl);
		switch (nbl->Status) {
		case NDIS_STATUS_SUCCESS:
			atomic_inc(&fp->send_ok);
			break;
		case NDIS_STATUS_PAUSED:
			atomic_inc(&fp->send_paused);
			break;
		case NDIS_STATUS_SEND_ABORTED:
			atomic_inc(&fp->send_aborted);
			break;
		case NDIS_STATUS_CLOSING:
			atomic_inc(&fp->send_closing);
			break;
		default:
			atomic_inc(&fp->send_other);
		}
		if (!fp->keep_completed)
			ndis_fake_free_nbl(fp, nbl);
	}
	wake_up_all(&fp->wq);
}

/* As a protocol must: no send once paused, and the pause waits for us. */
static struct ndis_fake_open *ndis_fake_send_begin(struct ndis_fake_protocol *fp,
						   const char *adapter)
{
	struct ndis_fake_open *open, *found = NULL;

	spin_lock_bh(&fp->lock);
	list_for_each_entry(open, &fp->opens, node)
		if (!strcmp(open->adapter, adapter) && !open->paused && open->binding)
			found = open;
	if (found)
		found->sending++;
	spin_unlock_bh(&fp->lock);
	return found;
}

static void ndis_fake_send_end(struct ndis_fake_open *open)
{
	struct ndis_fake_protocol *fp = open->fp;

	/* Woken under the lock: once it is dropped, an unbind may free @open. */
	spin_lock_bh(&fp->lock);
	open->sending--;
	wake_up_all(&fp->wq);
	spin_unlock_bh(&fp->lock);
}

/**
 * ndis_fake_oid_request() - an OID request from outside the protocol's handlers
 * @fp: the fake protocol
 * @adapter: the adapter whose binding makes the request
 * @req: the request
 *
 * Made as a protocol must make it: inside the gate sends use, so that a
 * pause, and the unbind after it, wait for the call instead of closing the
 * handle under it. A request that pends completes later, also after the
 * gate is left: NDIS's close waits for it.
 *
 * Context: PASSIVE_LEVEL.
 * Return: its status, or NDIS_STATUS_ADAPTER_NOT_FOUND (not bound, or paused).
 */
NDIS_STATUS ndis_fake_oid_request(struct ndis_fake_protocol *fp, const char *adapter,
				  PNDIS_OID_REQUEST req)
{
	struct ndis_fake_open *open = ndis_fake_send_begin(fp, adapter);
	NDIS_STATUS status;

	if (!open)
		return NDIS_STATUS_ADAPTER_NOT_FOUND;
	status = NdisOidRequest(open->binding, req);
	ndis_fake_send_end(open);
	return status;
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_oid_request, "NDIS_FAKE");

/**
 * ndis_fake_send() - send NBLs on a binding of a fake protocol
 * @fp: the fake protocol
 * @adapter: the adapter whose binding sends
 * @nbls: how many NBLs
 * @nbs: NET_BUFFERs per NBL, 60-byte frames, the first bytes numbering them
 * @cancel_id: the cancel ID each NBL is tagged with
 *
 * Context: <= DISPATCH_LEVEL.
 * Return: 0, or -ENOMEM / -ENODEV.
 */
int ndis_fake_send(struct ndis_fake_protocol *fp, const char *adapter, unsigned int nbls,
		   unsigned int nbs, PVOID cancel_id)
{
	PNET_BUFFER_LIST chain = NULL, *tail = &chain, nbl;
	struct ndis_fake_open *open;
	PNET_BUFFER *nbtail;
	unsigned int i, j;

	open = ndis_fake_send_begin(fp, adapter);
	if (!open)
		return -ENODEV;
	for (i = 0; i < nbls; i++) {
		nbl = NdisAllocateNetBufferAndNetBufferList(fp->nbl_pool, 0, 0, NULL, 0, 60);
		if (!nbl)
			break;
		atomic_inc(&fp->nbls_live);
		nbtail = &nbl->FirstNetBuffer->Next;
		for (j = 1; j < nbs; j++) {
			*nbtail = NdisAllocateNetBuffer(fp->nb_pool, NULL, 0, 60);
			if (!*nbtail)
				break;
			nbtail = &(*nbtail)->Next;
		}
		*(u32 *)NdisGetDataBuffer(nbl->FirstNetBuffer, sizeof(u32), NULL, 1, 0) = i;
		NDIS_SET_NET_BUFFER_LIST_CANCEL_ID(nbl, cancel_id);
		*tail = nbl;
		tail = &nbl->Next;
		if (j < nbs)
			break;
	}
	if (i < nbls) {
		for (nbl = chain; nbl; nbl = chain) {
			chain = nbl->Next;
			ndis_fake_free_nbl(fp, nbl);
		}
	} else {
		NdisSendNetBufferLists(open->binding, chain, 0, 0);
	}
	ndis_fake_send_end(open);
	return i < nbls ? -ENOMEM : 0;
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_send, "NDIS_FAKE");

/**
 * ndis_fake_send_frame() - send one frame on a binding of a fake protocol
 * @fp: the fake protocol
 * @adapter: the adapter whose binding sends
 * @frame: the frame, copied
 * @len: its length in bytes
 *
 * Context: <= DISPATCH_LEVEL.
 * Return: 0, or -ENOMEM / -ENODEV.
 */
int ndis_fake_send_frame(struct ndis_fake_protocol *fp, const char *adapter,
			 const void *frame, unsigned int len)
{
	struct ndis_fake_open *open;
	PNET_BUFFER_LIST nbl;
	void *data;

	open = ndis_fake_send_begin(fp, adapter);
	if (!open)
		return -ENODEV;
	nbl = NdisAllocateNetBufferAndNetBufferList(fp->nbl_pool, 0, 0, NULL, 0, len);
	if (nbl) {
		atomic_inc(&fp->nbls_live);
		data = NdisGetDataBuffer(nbl->FirstNetBuffer, len, NULL, 1, 0);
		memcpy(data, frame, len);
		NdisSendNetBufferLists(open->binding, nbl, 0, 0);
	}
	ndis_fake_send_end(open);
	return nbl ? 0 : -ENOMEM;
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_send_frame, "NDIS_FAKE");

/**
 * ndis_fake_protocol_chars() - the fake protocol's characteristics
 * @c: filled in: every handler of the fake, NDIS 6.30
 * @name: the driver's name, ASCII; cut at NDIS_FAKE_WNAME - 1 characters
 * @wname: where @c->Name's UTF-16 goes; keep it until registration returns
 *
 * Context: any.
 */
void ndis_fake_protocol_chars(PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS c, const char *name,
			      WCHAR wname[NDIS_FAKE_WNAME])
{
	size_t i;

	for (i = 0; i < NDIS_FAKE_WNAME - 1 && name[i]; i++)
		wname[i] = (u8)name[i];
	wname[i] = 0;
	memset(c, 0, sizeof(*c));
	ndis_object_header_init(&c->Header, NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS,
				NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_2, sizeof(*c));
	c->MajorNdisVersion = 6;
	c->MinorNdisVersion = 30;
	RtlInitUnicodeString(&c->Name, wname);
	c->BindAdapterHandlerEx = ndis_fake_bind;
	c->UnbindAdapterHandlerEx = ndis_fake_unbind;
	c->OpenAdapterCompleteHandlerEx = ndis_fake_open_complete;
	c->CloseAdapterCompleteHandlerEx = ndis_fake_close_complete;
	c->NetPnPEventHandler = ndis_fake_pnp;
	c->OidRequestCompleteHandler = ndis_fake_oid_complete;
	c->ReceiveNetBufferListsHandler = ndis_fake_receive;
	c->SendNetBufferListsCompleteHandler = ndis_fake_send_complete;
	c->StatusHandlerEx = ndis_fake_status;
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_protocol_chars, "NDIS_FAKE");

/**
 * ndis_fake_protocol_init() - set up a fake protocol before registering it
 * @fp: the fake protocol, zeroed
 * @name: its name (copied)
 *
 * Context: any.
 */
void ndis_fake_protocol_init(struct ndis_fake_protocol *fp, const char *name)
{
	strscpy(fp->name, name, sizeof(fp->name));
	fp->medium = NdisMedium802_3;
	spin_lock_init(&fp->lock);
	spin_lock_init(&fp->rx_lock);
	INIT_LIST_HEAD(&fp->opens);
	init_waitqueue_head(&fp->wq);
	INIT_DELAYED_WORK(&fp->pnp_work, ndis_fake_pnp_work);
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_protocol_init, "NDIS_FAKE");

/**
 * ndis_fake_pool_params() - the pool parameters a fake protocol uses
 * @lp: filled in: an NBL pool whose NBLs come with an NB
 * @bp: filled in: an NB pool
 *
 * Context: any.
 */
void ndis_fake_pool_params(PNET_BUFFER_LIST_POOL_PARAMETERS lp, PNET_BUFFER_POOL_PARAMETERS bp)
{
	memset(lp, 0, sizeof(*lp));
	ndis_object_header_init(&lp->Header, NDIS_OBJECT_TYPE_DEFAULT,
				NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1, sizeof(*lp));
	lp->fAllocateNetBuffer = TRUE;
	memset(bp, 0, sizeof(*bp));
	ndis_object_header_init(&bp->Header, NDIS_OBJECT_TYPE_DEFAULT,
				NET_BUFFER_POOL_PARAMETERS_REVISION_1, sizeof(*bp));
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_pool_params, "NDIS_FAKE");

/**
 * __ndis_fake_protocol_register() - register a fake protocol and its pools
 * @fp: the fake protocol, from ndis_fake_protocol_init()
 * @owner: the module NDIS holds responsible for it
 *
 * Use ndis_fake_protocol_register(), which passes the caller's module:
 * the protocol's state lives there, so that is the module whose unload
 * NDIS must catch if it forgets to deregister; never ndis_fake itself.
 *
 * Context: PASSIVE_LEVEL.
 * Return: NDIS_STATUS_SUCCESS, or the failure (nothing stays registered).
 */
NDIS_STATUS __ndis_fake_protocol_register(struct ndis_fake_protocol *fp, struct module *owner)
{
	NET_BUFFER_LIST_POOL_PARAMETERS lp;
	NET_BUFFER_POOL_PARAMETERS bp;
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS chars;
	WCHAR wname[NDIS_FAKE_WNAME];
	NDIS_STATUS status;

	ndis_fake_protocol_chars(&chars, fp->name, wname);
	ndis_fake_pool_params(&lp, &bp);
	status = ndis_register_protocol_driver(fp, &chars, &fp->handle, owner);
	if (status != NDIS_STATUS_SUCCESS)
		return status;
	fp->nbl_pool = NdisAllocateNetBufferListPool(fp->handle, &lp);
	fp->nb_pool = NdisAllocateNetBufferPool(fp->handle, &bp);
	if (fp->nbl_pool && fp->nb_pool)
		return NDIS_STATUS_SUCCESS;
	ndis_fake_protocol_deregister(fp);
	return NDIS_STATUS_RESOURCES;
}
EXPORT_SYMBOL_NS_GPL(__ndis_fake_protocol_register, "NDIS_FAKE");

/**
 * ndis_fake_protocol_deregister() - deregister a fake protocol, free its pools
 * @fp: the fake protocol
 *
 * Waits (bounded) for the protocol's bind completions still running.
 *
 * Context: PASSIVE_LEVEL.
 */
void ndis_fake_protocol_deregister(struct ndis_fake_protocol *fp)
{
	NdisDeregisterProtocolDriver(fp->handle);
	fp->handle = NULL;
	flush_delayed_work(&fp->pnp_work);	/* NDIS waited; let it return too */
	WARN_ON(!wait_event_timeout(ndis_fake_global_wq, !atomic_read(&fp->works), 10 * HZ));
	if (fp->nb_pool)
		NdisFreeNetBufferPool(fp->nb_pool);
	if (fp->nbl_pool)
		NdisFreeNetBufferListPool(fp->nbl_pool);
	fp->nb_pool = NULL;
	fp->nbl_pool = NULL;
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_protocol_deregister, "NDIS_FAKE");

/**
 * ndis_fake_open_find() - a fake protocol's open of an adapter
 * @fp: the fake protocol
 * @adapter: the adapter's name
 *
 * Context: process or softirq context.
 * Return: the open (valid until it is unbound), or NULL.
 */
struct ndis_fake_open *ndis_fake_open_find(struct ndis_fake_protocol *fp, const char *adapter)
{
	struct ndis_fake_open *open, *found = NULL;

	spin_lock_bh(&fp->lock);
	list_for_each_entry(open, &fp->opens, node)
		if (!strcmp(open->adapter, adapter))
			found = open;
	spin_unlock_bh(&fp->lock);
	return found;
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_open_find, "NDIS_FAKE");

/**
 * ndis_fake_binding() - a fake protocol's binding handle to an adapter
 * @fp: the fake protocol
 * @adapter: the adapter's name
 *
 * Context: process or softirq context.
 * Return: the NdisBindingHandle, or NULL.
 */
NDIS_HANDLE ndis_fake_binding(struct ndis_fake_protocol *fp, const char *adapter)
{
	struct ndis_fake_open *open = ndis_fake_open_find(fp, adapter);

	return open ? open->binding : NULL;
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_binding, "NDIS_FAKE");

/**
 * ndis_fake_opens() - how many opens of a fake protocol are not yet freed
 * @fp: the fake protocol
 *
 * Context: any.
 * Return: the count.
 */
int ndis_fake_opens(struct ndis_fake_protocol *fp)
{
	return atomic_read(&fp->live);
}
EXPORT_SYMBOL_NS_GPL(ndis_fake_opens, "NDIS_FAKE");

MODULE_DESCRIPTION("ndis tests: a fake miniport and fake protocols for ndis_kunit and ndis_itest");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS("NDIS");
MODULE_IMPORT_NS("NDIS_LINUX");
