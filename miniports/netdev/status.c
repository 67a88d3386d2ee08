// SPDX-License-Identifier: GPL-2.0
/*
 * Status indications: the device's link state, MTU and MAC address.
 *
 * The notifier only queues sync_work; the work re-reads all three under
 * RTNL and indicates what differs from what it indicated last (or what
 * Initialize reported). Reading the current values rather than trusting
 * the event makes duplicates and reordering harmless: an event that
 * happened before Initialize read the device is already in its attributes,
 * and one after it queued a sync that runs after the add (ordered queue).
 * NDIS records the new values in the adapter's attributes itself.
 */
#include <linux/ethtool.h>
#include <linux/rtnetlink.h>

#include "netdev.h"

/**
 * ndis_netdev_read_link() - a device's link, as NDIS reports it
 * @dev: the device
 * @link: receives connect state, duplex and speed
 *
 * Connected means running with carrier. Speed and duplex come from the
 * driver's ethtool link settings when it has them (a driver call that may
 * sleep, hence process context), else 0 and unknown.
 *
 * Context: process context, RTNL held.
 */
void ndis_netdev_read_link(struct net_device *dev, struct ndis_netdev_link *link)
{
	struct ethtool_link_ksettings ks;

	ASSERT_RTNL();
	link->state = netif_running(dev) && netif_carrier_ok(dev) ?
		      MediaConnectStateConnected : MediaConnectStateDisconnected;
	link->duplex = MediaDuplexStateUnknown;
	link->speed = 0;
	if (link->state != MediaConnectStateConnected || __ethtool_get_link_ksettings(dev, &ks))
		return;
	if (ks.base.speed && ks.base.speed <= INT_MAX)	/* not SPEED_UNKNOWN */
		link->speed = (u64)ks.base.speed * 1000000;
	if (ks.base.duplex == DUPLEX_FULL)
		link->duplex = MediaDuplexStateFull;
	else if (ks.base.duplex == DUPLEX_HALF)
		link->duplex = MediaDuplexStateHalf;
}

static void ndis_netdev_indicate(struct ndis_netdev_port *port, NDIS_STATUS code, PVOID buffer,
				 ULONG size)
{
	NDIS_STATUS_INDICATION s = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_STATUS_INDICATION,
						  NDIS_STATUS_INDICATION_REVISION_1, sizeof(s)),
		.StatusCode = code,
		.StatusBuffer = buffer,
		.StatusBufferSize = size,
	};

	NdisMIndicateStatusEx(port->handle, &s);
}

static void ndis_netdev_indicate_link(struct ndis_netdev_port *port,
				      const struct ndis_netdev_link *link)
{
	NDIS_LINK_STATE state = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_DEFAULT,
						  NDIS_LINK_STATE_REVISION_1, sizeof(state)),
		.MediaConnectState = link->state,
		.MediaDuplexState = link->duplex,
		.XmitLinkSpeed = link->speed,
		.RcvLinkSpeed = link->speed,
	};

	port->link = link->state;
	port->duplex = link->duplex;
	port->speed = link->speed;
	pr_debug("%s: link %s, %llu bit/s\n", port->name,
		 link->state == MediaConnectStateConnected ? "up" : "down", link->speed);
	ndis_netdev_indicate(port, NDIS_STATUS_LINK_STATE, &state, sizeof(state));
}

/**
 * ndis_netdev_sync_work() - indicate what changed on the device
 * @work: the port's sync_work
 *
 * Context: the ordered workqueue, after the port's add_work.
 */
void ndis_netdev_sync_work(struct work_struct *work)
{
	struct ndis_netdev_port *port = container_of(work, struct ndis_netdev_port, sync_work);
	NDIS_IF_PHYSICAL_ADDRESS addr = { .Length = ETH_ALEN };
	struct net_device *dev = port->dev;
	struct ndis_netdev_link link;
	ULONG mtu;

	if (!port->added)
		return;
	rtnl_lock();
	if (port->removed) {	/* its removal is next in the queue */
		rtnl_unlock();
		return;
	}
	ndis_netdev_read_link(dev, &link);
	mtu = dev->mtu;
	ether_addr_copy(addr.Address, dev->dev_addr);
	rtnl_unlock();

	if (link.state != port->link || link.duplex != port->duplex || link.speed != port->speed)
		ndis_netdev_indicate_link(port, &link);
	if (mtu != port->mtu) {
		port->mtu = mtu;
		ndis_netdev_indicate(port, NDIS_STATUS_L2_MTU_SIZE_CHANGE, &mtu, sizeof(mtu));
	}
	/* A configured NetworkAddress stays the adapter's, whatever the device's. */
	if (!port->addr_configured && !ether_addr_equal(addr.Address, port->addr)) {
		ether_addr_copy(port->addr, addr.Address);
		ndis_netdev_indicate(port, NDIS_STATUS_CURRENT_MAC_ADDRESS_CHANGE, &addr,
				     sizeof(addr));
	}
}
