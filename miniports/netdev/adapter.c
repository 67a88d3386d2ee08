// SPDX-License-Identifier: GPL-2.0
/*
 * The miniport's adapter handlers: initialize, halt, pause, restart, OID
 * requests, PnP and shutdown notifications, and the characteristics.
 *
 * The adapter runs (the receive tap indicates, sends reach the device)
 * only between MiniportRestart and MiniportPause. The data path raises its
 * count (rx_outstanding, tx_pending) before it looks at @running, and the
 * pause clears @running before it waits for both counts to drain, so a
 * frame racing a pause is either refused or waited for.
 */
#include <linux/rtnetlink.h>

#include "netdev.h"

#define NDIS_NETDEV_PAUSE_WARN	(5 * HZ)

/* Every counter of NDIS_STATISTICS_INFO is filled in. */
#define NDIS_NETDEV_STATISTICS_ALL ( \
	NDIS_STATISTICS_FLAGS_VALID_DIRECTED_FRAMES_RCV | \
	NDIS_STATISTICS_FLAGS_VALID_MULTICAST_FRAMES_RCV | \
	NDIS_STATISTICS_FLAGS_VALID_BROADCAST_FRAMES_RCV | \
	NDIS_STATISTICS_FLAGS_VALID_BYTES_RCV | \
	NDIS_STATISTICS_FLAGS_VALID_RCV_DISCARDS | \
	NDIS_STATISTICS_FLAGS_VALID_RCV_ERROR | \
	NDIS_STATISTICS_FLAGS_VALID_DIRECTED_FRAMES_XMIT | \
	NDIS_STATISTICS_FLAGS_VALID_MULTICAST_FRAMES_XMIT | \
	NDIS_STATISTICS_FLAGS_VALID_BROADCAST_FRAMES_XMIT | \
	NDIS_STATISTICS_FLAGS_VALID_BYTES_XMIT | \
	NDIS_STATISTICS_FLAGS_VALID_XMIT_ERROR | \
	NDIS_STATISTICS_FLAGS_VALID_XMIT_DISCARDS | \
	NDIS_STATISTICS_FLAGS_VALID_DIRECTED_BYTES_RCV | \
	NDIS_STATISTICS_FLAGS_VALID_MULTICAST_BYTES_RCV | \
	NDIS_STATISTICS_FLAGS_VALID_BROADCAST_BYTES_RCV | \
	NDIS_STATISTICS_FLAGS_VALID_DIRECTED_BYTES_XMIT | \
	NDIS_STATISTICS_FLAGS_VALID_MULTICAST_BYTES_XMIT | \
	NDIS_STATISTICS_FLAGS_VALID_BROADCAST_BYTES_XMIT)

static const NDIS_OID ndis_netdev_oids[] = {
	OID_GEN_SUPPORTED_LIST,
	OID_GEN_MAXIMUM_FRAME_SIZE,
	OID_GEN_LINK_SPEED,
	OID_GEN_CURRENT_PACKET_FILTER,
	OID_GEN_MAXIMUM_TOTAL_SIZE,
	OID_GEN_MAC_OPTIONS,
	OID_GEN_MEDIA_CONNECT_STATUS,
	OID_GEN_LINK_STATE,
	OID_GEN_XMIT_OK,
	OID_GEN_RCV_OK,
	OID_GEN_STATISTICS,
	OID_802_3_PERMANENT_ADDRESS,
	OID_802_3_CURRENT_ADDRESS,
	OID_802_3_MULTICAST_LIST,
	OID_802_3_MAXIMUM_LIST_SIZE,
	OID_PNP_SET_POWER,
};

/**
 * ndis_netdev_drain_put() - receives or sends of @port are over
 * @port: the port
 * @count: its rx_outstanding or tx_pending
 * @n: how many
 *
 * The last one wakes a waiting pause. Inside an RCU read-side section, so
 * that Halt's synchronize_rcu() waits for the wake-up to be done with the
 * port (and with this module's code).
 *
 * Context: any.
 */
void ndis_netdev_drain_put(struct ndis_netdev_port *port, atomic_t *count, int n)
{
	rcu_read_lock();
	if (atomic_sub_and_test(n, count) && wq_has_sleeper(&port->drain_wq))
		wake_up(&port->drain_wq);
	rcu_read_unlock();
}

static bool ndis_netdev_drained(struct ndis_netdev_port *port)
{
	return !atomic_read(&port->tx_pending) && !atomic_read(&port->rx_outstanding);
}

static NDIS_STATUS ndis_netdev_set_registration(struct ndis_netdev_port *port)
{
	NDIS_MINIPORT_ADAPTER_ATTRIBUTES attrs;

	memset(&attrs, 0, sizeof(attrs));
	ndis_object_header_init(&attrs.RegistrationAttributes.Header,
				NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES,
				NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1,
				sizeof(attrs.RegistrationAttributes));
	attrs.RegistrationAttributes.MiniportAdapterContext = port;
	return NdisMSetMiniportAttributes(port->handle, &attrs);
}

/* The tap goes on here, under RTNL, unless the device left already. */
static NDIS_STATUS ndis_netdev_set_general(struct ndis_netdev_port *port)
{
	NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES *g;
	NDIS_MINIPORT_ADAPTER_ATTRIBUTES attrs;
	struct net_device *dev = port->dev;
	struct ndis_netdev_link link;

	memset(&attrs, 0, sizeof(attrs));
	g = &attrs.GeneralAttributes;
	rtnl_lock();
	if (port->removed) {
		rtnl_unlock();
		return NDIS_STATUS_ADAPTER_REMOVED;
	}
	ndis_netdev_read_link(dev, &link);
	port->link = link.state;
	port->duplex = link.duplex;
	port->speed = link.speed;
	port->mtu = dev->mtu;
	if (port->addr_configured) {
		ether_addr_copy(port->addr, port->cfg_addr);
		ndis_netdev_uc_take(port);
	} else {
		ether_addr_copy(port->addr, dev->dev_addr);
	}
	memcpy(g->CurrentMacAddress, port->addr, ETH_ALEN);
	memcpy(g->PermanentMacAddress,
	       is_zero_ether_addr(dev->perm_addr) ? dev->dev_addr : dev->perm_addr, ETH_ALEN);
	/* Registered only while a packet filter asks for frames (filter.c). */
	port->tap.type = htons(ETH_P_ALL);
	port->tap.dev = dev;
	port->tap.func = ndis_netdev_rx;
	port->tap.ignore_outgoing = true;
	rtnl_unlock();

	ndis_object_header_init(&g->Header, NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES,
				NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1, sizeof(*g));
	g->MediaType = NdisMedium802_3;
	g->MtuSize = port->mtu;
	g->MaxXmitLinkSpeed = link.speed;
	g->XmitLinkSpeed = link.speed;
	g->MaxRcvLinkSpeed = link.speed;
	g->RcvLinkSpeed = link.speed;
	g->MediaConnectState = link.state;
	g->MediaDuplexState = link.duplex;
	/* 802.1Q tags travel in the NBL's Ieee8021QNetBufferListInfo (rx.c, tx.c). */
	g->MacOptions = NDIS_MAC_OPTION_8021Q_VLAN | NDIS_MAC_OPTION_8021P_PRIORITY;
	g->LookaheadSize = port->mtu;
	g->SupportedPacketFilters = NDIS_PACKET_TYPE_DIRECTED | NDIS_PACKET_TYPE_MULTICAST |
				    NDIS_PACKET_TYPE_ALL_MULTICAST | NDIS_PACKET_TYPE_BROADCAST |
				    NDIS_PACKET_TYPE_PROMISCUOUS;
	g->MaxMulticastListSize = NDIS_NETDEV_MCAST_LIST_SIZE;
	g->MacAddressLength = ETH_ALEN;
	g->SupportedOidList = (PNDIS_OID)ndis_netdev_oids;
	g->SupportedOidListLength = sizeof(ndis_netdev_oids);
	return NdisMSetMiniportAttributes(port->handle, &attrs);
}

/*
 * The keyword NetworkAddress of the adapter's configuration
 * (/sys/kernel/config/ndis/ndis_netdev/nd-<ifname>/NetworkAddress), if it
 * is a unicast Ethernet address, is the adapter's current address. The
 * device keeps its own: NDIS protocols get a station address of their
 * own on the wire, the way a macvlan does (filter.c).
 */
static void ndis_netdev_read_address(struct ndis_netdev_port *port)
{
	NDIS_CONFIGURATION_OBJECT co = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT,
						  NDIS_CONFIGURATION_OBJECT_REVISION_1,
						  NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1),
		.NdisHandle = port->handle,
	};
	NDIS_HANDLE config;
	NDIS_STATUS status;
	PVOID addr;
	UINT len;

	port->addr_configured = false;
	if (NdisOpenConfigurationEx(&co, &config) != NDIS_STATUS_SUCCESS)
		return;
	NdisReadNetworkAddress(&status, &addr, &len, config);
	if (status == NDIS_STATUS_SUCCESS) {
		port->addr_configured = len == ETH_ALEN && is_valid_ether_addr(addr);
		if (port->addr_configured)
			ether_addr_copy(port->cfg_addr, addr);
		else
			pr_notice("%s: NetworkAddress is not a unicast Ethernet address: ignored\n",
				  port->name);
	}
	NdisCloseConfiguration(config);
}

static NDIS_STATUS ndis_netdev_initialize(NDIS_HANDLE handle, NDIS_HANDLE driver_ctx,
					  PNDIS_MINIPORT_INIT_PARAMETERS params)
{
	struct ndis_netdev_port *port = params->MiniportAddDeviceContext;
	NET_BUFFER_LIST_POOL_PARAMETERS pool = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_DEFAULT,
						  NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1,
						  sizeof(pool)),
		.fAllocateNetBuffer = FALSE,	/* ndis_nbl_from_skb() brings the frame */
	};
	NDIS_STATUS status;

	port->handle = handle;
	ndis_netdev_read_address(port);
	status = ndis_netdev_set_registration(port);
	if (status != NDIS_STATUS_SUCCESS)
		return status;
	port->rx_pool = NdisAllocateNetBufferListPool(handle, &pool);
	if (!port->rx_pool)
		return NDIS_STATUS_RESOURCES;
	status = ndis_netdev_set_general(port);
	if (status != NDIS_STATUS_SUCCESS) {
		rtnl_lock();
		if (!port->removed)
			ndis_netdev_uc_give_back(port);
		rtnl_unlock();
		NdisFreeNetBufferListPool(port->rx_pool);
		port->rx_pool = NULL;
		return status;
	}
	ndis_netdev_debugfs_add(port);
	return NDIS_STATUS_SUCCESS;
}

/*
 * Paused, so no send is out and every receive came back; NETDEV_UNREGISTER
 * took the tap off, gave our filters back and dropped the device. What is
 * left is code still running after its last count (ndis_netdev_drain_put(),
 * the send callbacks), all of it in RCU read-side sections or the
 * completion work.
 */
static void ndis_netdev_halt(NDIS_HANDLE ctx, NDIS_HALT_ACTION action)
{
	struct ndis_netdev_port *port = ctx;

	ndis_netdev_debugfs_del(port);
	synchronize_rcu();
	flush_work(&port->tx_done_work);
	NdisFreeNetBufferListPool(port->rx_pool);
	port->rx_pool = NULL;
	pr_debug("%s: halted (%d)\n", port->name, action);
}

static NDIS_STATUS ndis_netdev_pause(NDIS_HANDLE ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS params)
{
	struct ndis_netdev_port *port = ctx;

	WRITE_ONCE(port->running, false);
	smp_mb();	/* @running, then the counts; the data path does the reverse */
	/* Sends end when the driver consumed their frames; that may take a moment. */
	while (!wait_event_timeout(port->drain_wq, ndis_netdev_drained(port),
				   NDIS_NETDEV_PAUSE_WARN))
		pr_warn("%s: pause waits for %d sends and %d receives\n", port->name,
			atomic_read(&port->tx_pending), atomic_read(&port->rx_outstanding));
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS ndis_netdev_restart(NDIS_HANDLE ctx,
				       PNDIS_MINIPORT_RESTART_PARAMETERS params)
{
	struct ndis_netdev_port *port = ctx;

	WRITE_ONCE(port->running, true);
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS ndis_netdev_reply_statistics(struct ndis_netdev_port *port,
						PNDIS_OID_REQUEST req)
{
	struct ndis_netdev_stats *st = &port->stats;
	struct ndis_netdev_traffic_sum t;
	NDIS_STATISTICS_INFO info = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_DEFAULT,
						  NDIS_STATISTICS_INFO_REVISION_1, sizeof(info)),
		.SupportedStatistics = NDIS_NETDEV_STATISTICS_ALL,
		.ifInDiscards = atomic64_read(&st->rx_dropped),
		.ifOutErrors = atomic64_read(&st->tx_errors),
		.ifOutDiscards = atomic64_read(&st->tx_dropped),
	};
	const u64 *in = t.frames[NDIS_NETDEV_RX], *in_octets = t.octets[NDIS_NETDEV_RX];
	const u64 *out = t.frames[NDIS_NETDEV_TX], *out_octets = t.octets[NDIS_NETDEV_TX];

	ndis_netdev_traffic_read(port, &t);
	info.ifHCInOctets = ndis_netdev_total(in_octets);
	info.ifHCInUcastPkts = in[NDIS_NETDEV_UCAST];
	info.ifHCInMulticastPkts = in[NDIS_NETDEV_MCAST];
	info.ifHCInBroadcastPkts = in[NDIS_NETDEV_BCAST];
	info.ifHCOutOctets = ndis_netdev_total(out_octets);
	info.ifHCOutUcastPkts = out[NDIS_NETDEV_UCAST];
	info.ifHCOutMulticastPkts = out[NDIS_NETDEV_MCAST];
	info.ifHCOutBroadcastPkts = out[NDIS_NETDEV_BCAST];
	info.ifHCInUcastOctets = in_octets[NDIS_NETDEV_UCAST];
	info.ifHCInMulticastOctets = in_octets[NDIS_NETDEV_MCAST];
	info.ifHCInBroadcastOctets = in_octets[NDIS_NETDEV_BCAST];
	info.ifHCOutUcastOctets = out_octets[NDIS_NETDEV_UCAST];
	info.ifHCOutMulticastOctets = out_octets[NDIS_NETDEV_MCAST];
	info.ifHCOutBroadcastOctets = out_octets[NDIS_NETDEV_BCAST];
	return ndis_oid_query_reply(req, &info, sizeof(info));
}

/* NDIS answers the other queries from the attributes itself. */
static NDIS_STATUS ndis_netdev_query(struct ndis_netdev_port *port, PNDIS_OID_REQUEST req)
{
	struct ndis_netdev_traffic_sum t;
	enum ndis_netdev_dir dir;

	switch (req->DATA.QUERY_INFORMATION.Oid) {
	case OID_GEN_XMIT_OK:
	case OID_GEN_RCV_OK:
		ndis_netdev_traffic_read(port, &t);
		dir = req->DATA.QUERY_INFORMATION.Oid == OID_GEN_XMIT_OK ? NDIS_NETDEV_TX :
									     NDIS_NETDEV_RX;
		return ndis_oid_query_reply_counter(req, ndis_netdev_total(t.frames[dir]));
	case OID_GEN_STATISTICS:
		return ndis_netdev_reply_statistics(port, req);
	}
	return NDIS_STATUS_NOT_SUPPORTED;
}

/* What NDIS sets: the merged filter and list, and the power state. */
static NDIS_STATUS ndis_netdev_set(struct ndis_netdev_port *port, PNDIS_OID_REQUEST req)
{
	UINT length = req->DATA.SET_INFORMATION.InformationBufferLength;
	PVOID buffer = req->DATA.SET_INFORMATION.InformationBuffer;
	NDIS_STATUS status;
	ULONG filter;

	req->DATA.SET_INFORMATION.BytesRead = 0;
	switch (req->DATA.SET_INFORMATION.Oid) {
	case OID_GEN_CURRENT_PACKET_FILTER:
		if (length < sizeof(filter)) {
			req->DATA.SET_INFORMATION.BytesNeeded = sizeof(filter);
			return NDIS_STATUS_INVALID_LENGTH;
		}
		memcpy(&filter, buffer, sizeof(filter));
		status = ndis_netdev_set_filter(port, filter);
		length = sizeof(filter);
		break;
	case OID_802_3_MULTICAST_LIST:
		if (length % ETH_ALEN) {
			req->DATA.SET_INFORMATION.BytesNeeded = (length / ETH_ALEN + 1) * ETH_ALEN;
			return NDIS_STATUS_INVALID_LENGTH;
		}
		status = ndis_netdev_set_mcast(port, buffer, length / ETH_ALEN);
		break;
	case OID_PNP_SET_POWER:
		/* The device is Linux's: it is never powered down on NDIS's behalf. */
		if (length < sizeof(NDIS_DEVICE_POWER_STATE)) {
			req->DATA.SET_INFORMATION.BytesNeeded = sizeof(NDIS_DEVICE_POWER_STATE);
			return NDIS_STATUS_INVALID_LENGTH;
		}
		status = NDIS_STATUS_SUCCESS;
		length = sizeof(NDIS_DEVICE_POWER_STATE);
		break;
	default:
		return NDIS_STATUS_NOT_SUPPORTED;
	}
	if (status == NDIS_STATUS_SUCCESS)
		req->DATA.SET_INFORMATION.BytesRead = length;
	return status;
}

/* Never pends: each request is answered before the handler returns. */
static NDIS_STATUS ndis_netdev_oid(NDIS_HANDLE ctx, PNDIS_OID_REQUEST req)
{
	struct ndis_netdev_port *port = ctx;

	switch (req->RequestType) {
	case NdisRequestQueryInformation:
	case NdisRequestQueryStatistics:
		return ndis_netdev_query(port, req);
	case NdisRequestSetInformation:
		return ndis_netdev_set(port, req);
	default:
		return NDIS_STATUS_NOT_SUPPORTED;
	}
}

/* Nothing to cancel: no request ever pends here. */
static void ndis_netdev_cancel_oid(NDIS_HANDLE ctx, PVOID request_id)
{
}

/* The notifier refused sends and took the tap off already; just note it. */
static void ndis_netdev_pnp(NDIS_HANDLE ctx, PNET_DEVICE_PNP_EVENT event)
{
	struct ndis_netdev_port *port = ctx;

	if (event->DevicePnPEvent == NdisDevicePnPEventSurpriseRemoved)
		pr_debug("%s: device removed\n", port->name);
}

/* The NIC is Linux's: its own driver shuts it down. We only stop receiving. */
static void ndis_netdev_shutdown(NDIS_HANDLE ctx, NDIS_SHUTDOWN_ACTION action)
{
	struct ndis_netdev_port *port = ctx;

	WRITE_ONCE(port->running, false);
}

/**
 * ndis_netdev_chars() - the miniport's characteristics
 * @chars: filled in
 *
 * Context: any.
 */
void ndis_netdev_chars(PNDIS_MINIPORT_DRIVER_CHARACTERISTICS chars)
{
	memset(chars, 0, sizeof(*chars));
	ndis_object_header_init(&chars->Header, NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS,
				NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2, sizeof(*chars));
	chars->MajorNdisVersion = NDIS_MAJOR_VERSION;
	chars->MinorNdisVersion = NDIS_MINOR_VERSION;
	chars->MajorDriverVersion = 1;
	chars->Name = "ndis_netdev";
	chars->InitializeHandlerEx = ndis_netdev_initialize;
	chars->HaltHandlerEx = ndis_netdev_halt;
	chars->PauseHandler = ndis_netdev_pause;
	chars->RestartHandler = ndis_netdev_restart;
	chars->OidRequestHandler = ndis_netdev_oid;
	chars->SendNetBufferListsHandler = ndis_netdev_send;
	chars->ReturnNetBufferListsHandler = ndis_netdev_return;
	chars->CancelSendHandler = ndis_netdev_cancel_send;
	chars->DevicePnPEventNotifyHandler = ndis_netdev_pnp;
	chars->ShutdownHandlerEx = ndis_netdev_shutdown;
	chars->CancelOidRequestHandler = ndis_netdev_cancel_oid;
}
