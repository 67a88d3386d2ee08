// SPDX-License-Identifier: GPL-2.0
/*
 * The adapter's life as NDIS drives it: Initialize, Restart and Pause
 * (each may be made to pend by a knob), Halt, PnP and shutdown, plus the
 * link knob's status indication.
 */
#include <linux/delay.h>

#include "vmini.h"

u32 ndis_vmini_fail_init;
EXPORT_SYMBOL_IF_KUNIT(ndis_vmini_fail_init);

static const NDIS_OID ndis_vmini_oids[] = {
	OID_GEN_SUPPORTED_LIST, OID_GEN_MAXIMUM_FRAME_SIZE, OID_GEN_MAXIMUM_TOTAL_SIZE,
	OID_GEN_LINK_SPEED, OID_GEN_LINK_STATE, OID_GEN_MEDIA_CONNECT_STATUS,
	OID_GEN_CURRENT_PACKET_FILTER, OID_GEN_XMIT_OK, OID_GEN_RCV_OK, OID_GEN_STATISTICS,
	OID_802_3_PERMANENT_ADDRESS, OID_802_3_CURRENT_ADDRESS, OID_802_3_MULTICAST_LIST,
	OID_802_3_MAXIMUM_LIST_SIZE, OID_PNP_SET_POWER,
};

static NDIS_STATUS ndis_vmini_set_registration(NDIS_HANDLE handle, struct ndis_vmini_dev *vd)
{
	NDIS_MINIPORT_ADAPTER_ATTRIBUTES attrs = {};
	PNDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES r = &attrs.RegistrationAttributes;

	ndis_object_header_init(&r->Header,
				NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES,
				NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1,
				sizeof(*r));
	r->MiniportAdapterContext = vd;
	return NdisMSetMiniportAttributes(handle, &attrs);
}

static NDIS_STATUS ndis_vmini_set_general(NDIS_HANDLE handle, struct ndis_vmini_dev *vd)
{
	NDIS_MINIPORT_ADAPTER_ATTRIBUTES attrs = {};
	PNDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES g = &attrs.GeneralAttributes;

	ndis_object_header_init(&g->Header, NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES,
				NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1, sizeof(*g));
	g->MediaType = NdisMedium802_3;
	g->MtuSize = NDIS_VMINI_MTU;
	g->MaxXmitLinkSpeed = NDIS_VMINI_SPEED;
	g->MaxRcvLinkSpeed = NDIS_VMINI_SPEED;
	g->XmitLinkSpeed = NDIS_VMINI_SPEED;
	g->RcvLinkSpeed = NDIS_VMINI_SPEED;
	g->MediaConnectState = vd->link_up ? MediaConnectStateConnected :
					     MediaConnectStateDisconnected;
	g->MediaDuplexState = MediaDuplexStateFull;
	g->LookaheadSize = NDIS_VMINI_MTU;
	g->SupportedPacketFilters = NDIS_PACKET_TYPE_DIRECTED | NDIS_PACKET_TYPE_MULTICAST |
		NDIS_PACKET_TYPE_ALL_MULTICAST | NDIS_PACKET_TYPE_BROADCAST |
		NDIS_PACKET_TYPE_PROMISCUOUS;
	g->MaxMulticastListSize = NDIS_VMINI_MCAST_MAX;
	g->MacAddressLength = ETH_ALEN;
	ether_addr_copy(g->PermanentMacAddress, vd->mac);
	ether_addr_copy(g->CurrentMacAddress, vd->cur_mac);
	g->SupportedOidList = (PNDIS_OID)ndis_vmini_oids;
	g->SupportedOidListLength = sizeof(ndis_vmini_oids);
	return NdisMSetMiniportAttributes(handle, &attrs);
}

/*
 * The adapter's current address: the keyword NetworkAddress of its
 * configuration (/sys/kernel/config/ndis/ndis_vmini/vmini<id>/NetworkAddress)
 * if that is a unicast Ethernet address, else the permanent one.
 */
static void ndis_vmini_read_address(NDIS_HANDLE handle, struct ndis_vmini_dev *vd)
{
	NDIS_CONFIGURATION_OBJECT co = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT,
						  NDIS_CONFIGURATION_OBJECT_REVISION_1,
						  NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1),
		.NdisHandle = handle,
	};
	NDIS_HANDLE config;
	NDIS_STATUS status;
	PVOID addr;
	UINT len;

	ether_addr_copy(vd->cur_mac, vd->mac);
	if (NdisOpenConfigurationEx(&co, &config) != NDIS_STATUS_SUCCESS)
		return;
	NdisReadNetworkAddress(&status, &addr, &len, config);
	if (status == NDIS_STATUS_SUCCESS) {
		if (len == ETH_ALEN && is_valid_ether_addr(addr))
			ether_addr_copy(vd->cur_mac, addr);
		else
			pr_notice("%s: NetworkAddress is not a unicast Ethernet address: %pM kept\n",
				  vd->name, vd->mac);
	}
	NdisCloseConfiguration(config);
}

static NDIS_STATUS ndis_vmini_initialize(NDIS_HANDLE handle, NDIS_HANDLE driver_ctx,
					 PNDIS_MINIPORT_INIT_PARAMETERS params)
{
	NET_BUFFER_LIST_POOL_PARAMETERS pool = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_DEFAULT,
						  NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1,
						  sizeof(pool)),
	};
	struct ndis_vmini_dev *vd = params->MiniportAddDeviceContext;
	NDIS_STATUS status;

	/* Creation holds ndis_vmini_lock: the countdown needs no more. */
	lockdep_assert_held(&ndis_vmini_lock);
	if (ndis_vmini_fail_init) {
		ndis_vmini_fail_init--;
		return NDIS_STATUS_FAILURE;
	}
	ndis_vmini_read_address(handle, vd);
	status = ndis_vmini_set_registration(handle, vd);
	if (status == NDIS_STATUS_SUCCESS)
		status = ndis_vmini_set_general(handle, vd);
	if (status != NDIS_STATUS_SUCCESS)
		return status;
	/* The pool wraps heard frames (skbs) into NBLs: no NB of its own. */
	vd->rx_pool = NdisAllocateNetBufferListPool(handle, &pool);
	if (!vd->rx_pool)
		return NDIS_STATUS_RESOURCES;
	mutex_lock(&vd->ctl);
	vd->adapter = handle;
	mutex_unlock(&vd->ctl);
	ndis_vmini_hub_attach(vd);
	return NDIS_STATUS_SUCCESS;
}

static void ndis_vmini_halt(NDIS_HANDLE ctx, NDIS_HALT_ACTION action)
{
	struct ndis_vmini_dev *vd = ctx;

	/* Nobody hears us, nobody reaches us; then drain what is queued. */
	ndis_vmini_hub_detach(vd);
	cancel_work_sync(&vd->rx_work);
	skb_queue_purge(&vd->rxq);
	cancel_delayed_work_sync(&vd->tx_work);
	ndis_vmini_tx_flush(vd);
	cancel_delayed_work_sync(&vd->oid_work);
	cancel_delayed_work_sync(&vd->pause_work);
	cancel_delayed_work_sync(&vd->restart_work);
	mutex_lock(&vd->ctl);
	vd->adapter = NULL;
	mutex_unlock(&vd->ctl);
	NdisFreeNetBufferListPool(vd->rx_pool);
	vd->rx_pool = NULL;
	vd->last_halt = action;
	atomic_inc(&vd->halts);
}

/* Complete a pause once every indicated NBL is back, as the model asks. */
static void ndis_vmini_pause_work(struct work_struct *work)
{
	struct ndis_vmini_dev *vd = container_of(to_delayed_work(work), struct ndis_vmini_dev,
						 pause_work);

	wait_event(vd->rx_wq, !atomic_read(&vd->rx_out));
	NdisMPauseComplete(vd->adapter);
}

static NDIS_STATUS ndis_vmini_pause(NDIS_HANDLE ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS params)
{
	struct ndis_vmini_dev *vd = ctx;
	u32 delay = READ_ONCE(vd->knobs.pause_delay_ms);

	atomic_inc(&vd->pauses);
	spin_lock_bh(&vd->lock);
	vd->running = false;
	spin_unlock_bh(&vd->lock);
	/* No indication may start once the pause is complete. */
	cancel_work_sync(&vd->rx_work);
	atomic64_add(skb_queue_len(&vd->rxq), &vd->stats.rx_discards);
	skb_queue_purge(&vd->rxq);
	ndis_vmini_tx_flush(vd);
	if (!delay && !atomic_read(&vd->rx_out))
		return NDIS_STATUS_SUCCESS;
	schedule_delayed_work(&vd->pause_work, msecs_to_jiffies(delay));
	return NDIS_STATUS_PENDING;
}

static void ndis_vmini_start(struct ndis_vmini_dev *vd)
{
	spin_lock_bh(&vd->lock);
	vd->running = true;
	spin_unlock_bh(&vd->lock);
}

/* The fail_restarts knob: true if this restart is one that fails. */
static bool ndis_vmini_restart_fails(struct ndis_vmini_dev *vd)
{
	u32 n;

	do {
		n = READ_ONCE(vd->knobs.fail_restarts);
		if (!n)
			return false;
	} while (cmpxchg(&vd->knobs.fail_restarts, n, n - 1) != n);
	return true;
}

/* Start, or fail and stay paused (nothing was started). */
static NDIS_STATUS ndis_vmini_try_start(struct ndis_vmini_dev *vd)
{
	if (ndis_vmini_restart_fails(vd))
		return NDIS_STATUS_FAILURE;
	ndis_vmini_start(vd);
	return NDIS_STATUS_SUCCESS;
}

static void ndis_vmini_restart_work(struct work_struct *work)
{
	struct ndis_vmini_dev *vd = container_of(to_delayed_work(work), struct ndis_vmini_dev,
						 restart_work);

	NdisMRestartComplete(vd->adapter, ndis_vmini_try_start(vd));
}

static NDIS_STATUS ndis_vmini_restart(NDIS_HANDLE ctx, PNDIS_MINIPORT_RESTART_PARAMETERS params)
{
	struct ndis_vmini_dev *vd = ctx;
	u32 delay = READ_ONCE(vd->knobs.restart_delay_ms);

	atomic_inc(&vd->restarts);
	if (delay) {
		schedule_delayed_work(&vd->restart_work, msecs_to_jiffies(delay));
		return NDIS_STATUS_PENDING;
	}
	return ndis_vmini_try_start(vd);
}

static void ndis_vmini_device_pnp(NDIS_HANDLE ctx, PNET_DEVICE_PNP_EVENT event)
{
	struct ndis_vmini_dev *vd = ctx;

	if (event->DevicePnPEvent == NdisDevicePnPEventSurpriseRemoved)
		pr_info("%s: surprise removal\n", vd->name);
}

/* No hardware to quiesce; stop indicating, as NDIS refuses it from now on. */
static void ndis_vmini_shutdown(NDIS_HANDLE ctx, NDIS_SHUTDOWN_ACTION action)
{
	struct ndis_vmini_dev *vd = ctx;

	spin_lock_bh(&vd->lock);
	vd->running = false;
	spin_unlock_bh(&vd->lock);
}

/**
 * ndis_vmini_set_link() - plug or unplug the virtual cable
 * @vd: the device
 * @up: connected or not
 *
 * Indicates NDIS_STATUS_LINK_STATE when the adapter is initialised. While
 * down, sends complete with NDIS_STATUS_MEDIA_DISCONNECTED and nothing is
 * heard.
 *
 * Context: process context.
 */
void ndis_vmini_set_link(struct ndis_vmini_dev *vd, bool up)
{
	NDIS_LINK_STATE link = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_DEFAULT,
						  NDIS_LINK_STATE_REVISION_1, sizeof(link)),
		.MediaConnectState = up ? MediaConnectStateConnected :
					  MediaConnectStateDisconnected,
		.MediaDuplexState = MediaDuplexStateFull,
		.XmitLinkSpeed = up ? NDIS_VMINI_SPEED : 0,
		.RcvLinkSpeed = up ? NDIS_VMINI_SPEED : 0,
	};
	NDIS_STATUS_INDICATION s = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_STATUS_INDICATION,
						  NDIS_STATUS_INDICATION_REVISION_1, sizeof(s)),
		.StatusCode = NDIS_STATUS_LINK_STATE,
		.StatusBuffer = &link,
		.StatusBufferSize = sizeof(link),
	};

	mutex_lock(&vd->ctl);
	WRITE_ONCE(vd->link_up, up);
	if (vd->adapter)
		NdisMIndicateStatusEx(vd->adapter, &s);
	mutex_unlock(&vd->ctl);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_vmini_set_link);

/**
 * ndis_vmini_dev_init_work() - initialise a new device's locks and works
 * @vd: the device, zeroed
 */
void ndis_vmini_dev_init_work(struct ndis_vmini_dev *vd)
{
	mutex_init(&vd->pnp);
	mutex_init(&vd->ctl);
	spin_lock_init(&vd->lock);
	skb_queue_head_init(&vd->rxq);
	init_waitqueue_head(&vd->rx_wq);
	INIT_WORK(&vd->rx_work, ndis_vmini_rx_work);
	INIT_DELAYED_WORK(&vd->tx_work, ndis_vmini_tx_work);
	INIT_DELAYED_WORK(&vd->pause_work, ndis_vmini_pause_work);
	INIT_DELAYED_WORK(&vd->restart_work, ndis_vmini_restart_work);
	INIT_DELAYED_WORK(&vd->oid_work, ndis_vmini_oid_work);
	vd->power = NdisDeviceStateD0;
}

/**
 * ndis_vmini_chars() - the miniport's characteristics
 * @c: filled in
 */
void ndis_vmini_chars(PNDIS_MINIPORT_DRIVER_CHARACTERISTICS c)
{
	memset(c, 0, sizeof(*c));
	ndis_object_header_init(&c->Header, NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS,
				NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2, sizeof(*c));
	c->MajorNdisVersion = 6;
	c->MinorNdisVersion = 30;
	c->MajorDriverVersion = 1;
	c->Name = "ndis_vmini";
	c->InitializeHandlerEx = ndis_vmini_initialize;
	c->HaltHandlerEx = ndis_vmini_halt;
	c->PauseHandler = ndis_vmini_pause;
	c->RestartHandler = ndis_vmini_restart;
	c->OidRequestHandler = ndis_vmini_oid_request;
	c->SendNetBufferListsHandler = ndis_vmini_send;
	c->ReturnNetBufferListsHandler = ndis_vmini_return;
	c->CancelSendHandler = ndis_vmini_cancel_send;
	c->DevicePnPEventNotifyHandler = ndis_vmini_device_pnp;
	c->ShutdownHandlerEx = ndis_vmini_shutdown;
	c->CancelOidRequestHandler = ndis_vmini_cancel_oid;
}
