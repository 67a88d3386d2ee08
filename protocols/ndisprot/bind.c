// SPDX-License-Identifier: GPL-2.0
/*
 * The binding side: bind and unbind, PnP events, status, and the OIDs
 * the files issue on their port.
 */
#include <linux/slab.h>

#include "ndisprot.h"

#define NDISPROT_OID_TIMEOUT	10	/* seconds */

/* An OID the port issued and waits for (NDIS aborts it after a timeout). */
struct ndisprot_oid_ctx {
	NDIS_OID_REQUEST req;
	struct completion done;
	NDIS_STATUS status;
};

static void ndisprot_port_release(struct kref *ref)
{
	struct ndisprot_port *port = container_of(ref, struct ndisprot_port, ref);

	ndisprot_tx_cache_free(port);
	kfree(port);
}

/**
 * ndisprot_port_put() - drop a reference on a port
 * @port: the port
 */
void ndisprot_port_put(struct ndisprot_port *port)
{
	kref_put(&port->ref, ndisprot_port_release);
}

static void ndisprot_port_link(struct ndisprot_port *port)
{
	mutex_lock(&ndisprot_lock);
	list_add_tail(&port->node, &ndisprot_ports);
	mutex_unlock(&ndisprot_lock);
}

static void ndisprot_open_complete(NDIS_HANDLE ctx, NDIS_STATUS status)
{
	struct ndisprot_port *port = ctx;
	NDIS_HANDLE bind_ctx = port->bind_ctx;

	if (status == NDIS_STATUS_SUCCESS)
		ndisprot_port_link(port);
	else
		ndisprot_port_put(port);
	NdisCompleteBindAdapterEx(bind_ctx, status);
}

static NDIS_STATUS ndisprot_bind(NDIS_HANDLE driver_ctx, NDIS_HANDLE bind_ctx,
				 PNDIS_BIND_PARAMETERS params)
{
	NDIS_OPEN_PARAMETERS op = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_OPEN_PARAMETERS,
						  NDIS_OPEN_PARAMETERS_REVISION_1, sizeof(op)),
	};
	struct ndisprot_port *port;
	ANSI_STRING name;
	NDIS_STATUS status;

	if (params->MediaType != NdisMedium802_3 || params->MacAddressLength != ETH_ALEN)
		return NDIS_STATUS_UNSUPPORTED_MEDIA;
	port = kzalloc(sizeof(*port), GFP_KERNEL);
	if (!port)
		return NDIS_STATUS_RESOURCES;
	kref_init(&port->ref);
	/* NDIS: the name is an NDIS_STRING valid during the bind only; keep it as UTF-8. */
	name.Buffer = port->name;
	name.MaximumLength = sizeof(port->name);
	if (!NT_SUCCESS(RtlUnicodeStringToAnsiString(&name, params->AdapterName, FALSE))) {
		kfree(port);
		return NDIS_STATUS_RESOURCES;
	}
	port->bind_ctx = bind_ctx;
	port->medium = NdisMedium802_3;
	ether_addr_copy(port->mac, params->CurrentMacAddress);
	port->mtu = params->MtuSize;
	port->link_up = params->MediaConnectState == MediaConnectStateConnected;
	port->supported = params->SupportedPacketFilters;
	init_completion(&port->closed);
	spin_lock_init(&port->lock);
	INIT_LIST_HEAD(&port->files);
	init_waitqueue_head(&port->wq);
	mutex_init(&port->filter_lock);

	op.AdapterName = params->AdapterName;
	op.MediumArray = &port->medium;
	op.MediumArraySize = 1;
	op.SelectedMediumIndex = &port->medium_index;
	status = NdisOpenAdapterEx(ndisprot_handle, port, &op, bind_ctx, &port->binding);
	if (status == NDIS_STATUS_PENDING)
		return status;	/* ndisprot_open_complete() finishes the bind */
	if (status == NDIS_STATUS_SUCCESS)
		ndisprot_port_link(port);
	else
		ndisprot_port_put(port);
	return status;
}

/* complete(), not a flag and a wake-up: the waiter may free @port at once. */
static void ndisprot_close_complete(NDIS_HANDLE ctx)
{
	struct ndisprot_port *port = ctx;

	complete(&port->closed);
}

static bool ndisprot_port_idle(struct ndisprot_port *port, bool oids_too)
{
	bool idle;

	spin_lock_bh(&port->lock);
	idle = !port->sends && (!oids_too || !port->oids);
	spin_unlock_bh(&port->lock);
	return idle;
}

/*
 * Readers wake with ENODEV, no send or OID starts, the ones in flight
 * finish, then the binding is closed. Files keep the port until released.
 */
static NDIS_STATUS ndisprot_unbind(NDIS_HANDLE unbind_ctx, NDIS_HANDLE ctx)
{
	struct ndisprot_port *port = ctx;
	struct ndisprot_file *f;

	mutex_lock(&ndisprot_lock);
	list_del(&port->node);
	mutex_unlock(&ndisprot_lock);
	spin_lock_bh(&port->lock);
	port->gone = true;
	port->running = false;
	list_for_each_entry(f, &port->files, node) {
		WRITE_ONCE(f->dead, true);
		wake_up_interruptible_all(&f->wq);
	}
	spin_unlock_bh(&port->lock);
	wait_event(port->wq, ndisprot_port_idle(port, true));
	if (NdisCloseAdapterEx(port->binding) == NDIS_STATUS_PENDING)
		wait_for_completion(&port->closed);
	ndisprot_port_put(port);
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS ndisprot_pnp(NDIS_HANDLE ctx, PNET_PNP_EVENT_NOTIFICATION n)
{
	struct ndisprot_port *port = ctx;

	if (!port)	/* events for the protocol, e.g. NetEventBindsComplete */
		return NDIS_STATUS_SUCCESS;
	switch (n->NetPnPEvent.NetEvent) {
	case NetEventPause:
		/* No new send; the ones in flight must come back first. */
		spin_lock_bh(&port->lock);
		port->running = false;
		spin_unlock_bh(&port->lock);
		wait_event(port->wq, ndisprot_port_idle(port, false));
		break;
	case NetEventRestart:
		spin_lock_bh(&port->lock);
		port->running = !port->gone;
		spin_unlock_bh(&port->lock);
		ndisprot_port_wake_files(port);		/* pollers waiting for POLLOUT */
		break;
	default:
		break;
	}
	return NDIS_STATUS_SUCCESS;
}

static void ndisprot_port_wake_files_locked(struct ndisprot_port *port)
{
	struct ndisprot_file *f;

	lockdep_assert_held(&port->lock);
	list_for_each_entry(f, &port->files, node)
		wake_up_interruptible_all(&f->wq);
}

/**
 * ndisprot_port_wake_files() - wake every reader and poller of a port
 * @port: the port; its state changed
 */
void ndisprot_port_wake_files(struct ndisprot_port *port)
{
	spin_lock_bh(&port->lock);
	ndisprot_port_wake_files_locked(port);
	spin_unlock_bh(&port->lock);
}

static void ndisprot_status(NDIS_HANDLE ctx, PNDIS_STATUS_INDICATION s)
{
	const NDIS_IF_PHYSICAL_ADDRESS *addr = s->StatusBuffer;
	const NDIS_LINK_STATE *link = s->StatusBuffer;
	struct ndisprot_port *port = ctx;

	spin_lock(&port->lock);
	if (s->StatusCode == NDIS_STATUS_LINK_STATE && s->StatusBufferSize >= sizeof(*link)) {
		port->link_up = link->MediaConnectState == MediaConnectStateConnected;
		ndisprot_port_wake_files_locked(port);
	} else if (s->StatusCode == NDIS_STATUS_L2_MTU_SIZE_CHANGE &&
		   s->StatusBufferSize >= sizeof(ULONG)) {
		port->mtu = *(const ULONG *)s->StatusBuffer;
	} else if (s->StatusCode == NDIS_STATUS_CURRENT_MAC_ADDRESS_CHANGE &&
		   s->StatusBufferSize >= sizeof(*addr) && addr->Length == ETH_ALEN) {
		ether_addr_copy(port->mac, addr->Address);
	}
	spin_unlock(&port->lock);
}

static void ndisprot_oid_complete(NDIS_HANDLE ctx, PNDIS_OID_REQUEST req, NDIS_STATUS status)
{
	struct ndisprot_oid_ctx *oc = container_of(req, struct ndisprot_oid_ctx, req);

	oc->status = status;
	complete(&oc->done);
}

/**
 * ndisprot_port_oid() - issue one OID on a port and wait for it
 * @port: the port
 * @type: query or set
 * @oid: the OID
 * @buf: its buffer
 * @len: bytes in @buf
 * @done: receives bytes written (query) or read (set), or needed
 *
 * Context: process context.
 * Return: the request's status; NDIS_STATUS_ADAPTER_REMOVED once unbinding.
 */
NDIS_STATUS ndisprot_port_oid(struct ndisprot_port *port, NDIS_REQUEST_TYPE type,
			      NDIS_OID oid, void *buf, UINT len, UINT *done)
{
	struct ndisprot_oid_ctx *oc;
	NDIS_STATUS status;

	oc = kzalloc(sizeof(*oc), GFP_KERNEL);
	if (!oc)
		return NDIS_STATUS_RESOURCES;
	spin_lock_bh(&port->lock);
	if (port->gone) {
		spin_unlock_bh(&port->lock);
		kfree(oc);
		return NDIS_STATUS_ADAPTER_REMOVED;
	}
	port->oids++;
	spin_unlock_bh(&port->lock);

	init_completion(&oc->done);
	ndis_object_header_init(&oc->req.Header, NDIS_OBJECT_TYPE_OID_REQUEST,
				NDIS_OID_REQUEST_REVISION_1, sizeof(oc->req));
	oc->req.RequestType = type;
	/* QUERY_INFORMATION and SET_INFORMATION share their layout. */
	oc->req.DATA.QUERY_INFORMATION.Oid = oid;
	oc->req.DATA.QUERY_INFORMATION.InformationBuffer = buf;
	oc->req.DATA.QUERY_INFORMATION.InformationBufferLength = len;
	oc->req.Timeout = NDISPROT_OID_TIMEOUT;	/* a stuck miniport can't hang us */
	status = NdisOidRequest(port->binding, &oc->req);
	if (status == NDIS_STATUS_PENDING) {
		wait_for_completion(&oc->done);
		status = oc->status;
	}
	if (done && status == NDIS_STATUS_SUCCESS)
		*done = oc->req.DATA.QUERY_INFORMATION.BytesWritten;
	else if (done)
		*done = oc->req.DATA.QUERY_INFORMATION.BytesNeeded;
	kfree(oc);

	spin_lock_bh(&port->lock);
	port->oids--;
	spin_unlock_bh(&port->lock);
	wake_up_all(&port->wq);
	return status;
}

/**
 * ndisprot_ndis_filter() - NDIS packet filter bits for NDISPROT_RX_* bits
 * @rx: NDISPROT_RX_* bits
 *
 * Return: the NDIS_PACKET_TYPE_* bits a binding needs for them.
 */
ULONG ndisprot_ndis_filter(u32 rx)
{
	static const struct { u32 rx; ULONG ndis; } map[] = {
		{ NDISPROT_RX_DIRECTED, NDIS_PACKET_TYPE_DIRECTED },
		{ NDISPROT_RX_MULTICAST, NDIS_PACKET_TYPE_ALL_MULTICAST },
		{ NDISPROT_RX_BROADCAST, NDIS_PACKET_TYPE_BROADCAST },
		{ NDISPROT_RX_PROMISCUOUS, NDIS_PACKET_TYPE_PROMISCUOUS },
	};
	ULONG filter = 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(map); i++)
		if (rx & map[i].rx)
			filter |= map[i].ndis;
	return filter;
}

/**
 * ndisprot_port_update_filter() - set the binding's filter to what its files want
 * @port: the port
 *
 * The binding's filter is the union of its files' filters; each file then
 * filters its own queue.
 *
 * Context: process context.
 * Return: 0, or -EIO if the adapter refused the filter.
 */
int ndisprot_port_update_filter(struct ndisprot_port *port)
{
	struct ndisprot_file *f;
	NDIS_STATUS status;
	ULONG filter;
	u32 wanted = 0;
	int err = 0;

	mutex_lock(&port->filter_lock);
	spin_lock_bh(&port->lock);
	list_for_each_entry(f, &port->files, node)
		wanted |= READ_ONCE(f->packet_filter);
	spin_unlock_bh(&port->lock);
	filter = ndisprot_ndis_filter(wanted);
	if (filter != port->filter) {
		status = ndisprot_port_oid(port, NdisRequestSetInformation,
					   OID_GEN_CURRENT_PACKET_FILTER, &filter, sizeof(filter),
					   NULL);
		if (status == NDIS_STATUS_SUCCESS)
			port->filter = filter;
		else if (status != NDIS_STATUS_ADAPTER_REMOVED)
			err = -EIO;
	}
	mutex_unlock(&port->filter_lock);
	return err;
}

/**
 * ndisprot_chars() - the protocol's characteristics
 * @c: filled in
 */
void ndisprot_chars(PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS c)
{
	memset(c, 0, sizeof(*c));
	ndis_object_header_init(&c->Header, NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS,
				NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_2, sizeof(*c));
	c->MajorNdisVersion = 6;
	c->MinorNdisVersion = 30;
	RtlInitUnicodeString(&c->Name, L"ndisprot");
	c->BindAdapterHandlerEx = ndisprot_bind;
	c->UnbindAdapterHandlerEx = ndisprot_unbind;
	c->OpenAdapterCompleteHandlerEx = ndisprot_open_complete;
	c->CloseAdapterCompleteHandlerEx = ndisprot_close_complete;
	c->NetPnPEventHandler = ndisprot_pnp;
	c->OidRequestCompleteHandler = ndisprot_oid_complete;
	c->StatusHandlerEx = ndisprot_status;
	c->ReceiveNetBufferListsHandler = ndisprot_receive;
	c->SendNetBufferListsCompleteHandler = ndisprot_send_complete;
}
