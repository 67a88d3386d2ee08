// SPDX-License-Identifier: GPL-2.0
/*
 * The merged packet filter and multicast list NDIS sets, applied to the
 * device. NDIS filters each binding's receives in software; all we do is
 * make the NIC deliver what some binding asked for:
 *
 *   NDIS_PACKET_TYPE_PROMISCUOUS    one dev_set_promiscuity(+1) while set
 *   NDIS_PACKET_TYPE_ALL_MULTICAST  one dev_set_allmulti(+1) while set (also
 *                                   when the list does not fit)
 *   OID_802_3_MULTICAST_LIST        dev_mc_add() of each address; the core
 *                                   counts references per address, so we
 *                                   never disturb one someone else added
 *   NetworkAddress configured       dev_uc_add() of it, from Initialize to
 *                                   the device's unregistration
 *
 * Directed and broadcast frames the device delivers anyway. The packet tap
 * (rx.c) is registered only while the merged filter is not zero: with no
 * protocol asking for frames, receiving costs the host nothing. NDIS
 * completes a protocol's filter set only once this handler returned, so
 * the tap is there by the time the protocol is told. Whatever we
 * hold is given back when we let go of the device (NETDEV_UNREGISTER,
 * which a module unload replays), unless the device itself went away:
 * loading and unloading the module leaves the NIC as it was. Once the
 * device is being removed we change nothing any more.
 *
 * Callers are the OID handler (NDIS sends one OID at a time) and the
 * notifier, both under RTNL, which the device calls need anyway and which
 * orders them against the notifier setting @removed and @dead.
 */
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>

#include "netdev.h"

/* Register the packet tap, or take it off (waiting for running taps). RTNL held. */
static void ndis_netdev_tap(struct ndis_netdev_port *port, bool on)
{
	ASSERT_RTNL();
	if (port->tap_on == on)
		return;
	if (on)
		dev_add_pack(&port->tap);
	else
		dev_remove_pack(&port->tap);
	port->tap_on = on;
}

/* Hold or drop our promiscuity reference. RTNL held. */
static void ndis_netdev_promisc(struct ndis_netdev_port *port, bool on)
{
	int err;

	if (port->promisc == on)
		return;
	err = dev_set_promiscuity(port->dev, on ? 1 : -1);
	if (err) {
		pr_warn("%s: promiscuous mode %s failed: %d\n", port->name, on ? "on" : "off", err);
		return;
	}
	port->promisc = on;
}

/* Hold or drop our all-multicast reference. RTNL held. */
static void ndis_netdev_allmulti(struct ndis_netdev_port *port, bool on)
{
	int err;

	if (port->allmulti == on)
		return;
	err = dev_set_allmulti(port->dev, on ? 1 : -1);
	if (err) {
		pr_warn("%s: all-multicast %s failed: %d\n", port->name, on ? "on" : "off", err);
		return;
	}
	port->allmulti = on;
}

static bool ndis_netdev_mc_in(const u8 *addr, const u8 *list, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (ether_addr_equal_unaligned(addr, list + i * ETH_ALEN))
			return true;
	return false;
}

/**
 * ndis_netdev_set_filter() - apply the merged packet filter
 * @port: the port
 * @filter: NDIS_PACKET_TYPE_* bits, the union of every binding's filter
 *
 * Context: PASSIVE_LEVEL, not holding RTNL.
 * Return: NDIS_STATUS_SUCCESS (what the device refuses is logged).
 */
NDIS_STATUS ndis_netdev_set_filter(struct ndis_netdev_port *port, ULONG filter)
{
	rtnl_lock();
	if (!port->removed) {
		WRITE_ONCE(port->filter, filter);
		ndis_netdev_promisc(port, filter & NDIS_PACKET_TYPE_PROMISCUOUS);
		ndis_netdev_allmulti(port, (filter & NDIS_PACKET_TYPE_ALL_MULTICAST) ||
				     port->mc_overflow);
		ndis_netdev_tap(port, filter);
	}
	rtnl_unlock();
	return NDIS_STATUS_SUCCESS;
}

/**
 * ndis_netdev_set_mcast() - apply the merged multicast list
 * @port: the port
 * @list: @n addresses of ETH_ALEN bytes, any alignment
 * @n: how many
 *
 * Addresses that left the list are deleted first, then the new ones added.
 * If they do not all fit (or the device refuses one), the device is put in
 * all-multicast mode instead, which delivers a superset.
 *
 * Context: PASSIVE_LEVEL, not holding RTNL.
 * Return: NDIS_STATUS_SUCCESS.
 */
NDIS_STATUS ndis_netdev_set_mcast(struct ndis_netdev_port *port, const u8 *list,
				  unsigned int n)
{
	bool overflow = false;
	const u8 *addr;
	unsigned int i;

	rtnl_lock();
	if (port->removed)
		goto out;
	for (i = 0; i < port->nmc;) {
		if (ndis_netdev_mc_in(port->mc[i], list, n)) {
			i++;
			continue;
		}
		dev_mc_del(port->dev, port->mc[i]);
		port->nmc--;
		ether_addr_copy(port->mc[i], port->mc[port->nmc]);
	}
	for (i = 0; i < n; i++) {
		addr = list + i * ETH_ALEN;
		if (!is_multicast_ether_addr(addr) ||
		    ndis_netdev_mc_in(addr, port->mc[0], port->nmc))
			continue;
		if (port->nmc == NDIS_NETDEV_MCAST_MAX || dev_mc_add(port->dev, addr)) {
			overflow = true;
			continue;
		}
		memcpy(port->mc[port->nmc++], addr, ETH_ALEN);
	}
	port->mc_overflow = overflow;
	ndis_netdev_allmulti(port, (port->filter & NDIS_PACKET_TYPE_ALL_MULTICAST) || overflow);
out:
	rtnl_unlock();
	return NDIS_STATUS_SUCCESS;
}

/**
 * ndis_netdev_uc_take() - make the device take frames for the configured address
 * @port: the port, with @addr_configured
 *
 * dev_uc_add() puts the address in the device's unicast filter (or the
 * device in promiscuous mode if it has none), as macvlan does; the device
 * keeps its own address. Nothing to do if the two are the same.
 *
 * Context: RTNL held, @port not removed.
 */
void ndis_netdev_uc_take(struct ndis_netdev_port *port)
{
	int err;

	ASSERT_RTNL();
	if (port->uc_added || ether_addr_equal(port->cfg_addr, port->dev->dev_addr))
		return;
	err = dev_uc_add(port->dev, port->cfg_addr);
	if (err)
		pr_warn("%s: the device does not take frames for %pM: %d\n", port->name,
			port->cfg_addr, err);
	port->uc_added = !err;
}

/**
 * ndis_netdev_uc_give_back() - undo ndis_netdev_uc_take()
 * @port: the port, whose device is still registered
 *
 * Context: RTNL held.
 */
void ndis_netdev_uc_give_back(struct ndis_netdev_port *port)
{
	ASSERT_RTNL();
	if (!port->uc_added)
		return;
	dev_uc_del(port->dev, port->cfg_addr);
	port->uc_added = false;
}

/**
 * ndis_netdev_filter_restore() - give back everything we set on the device
 * @port: the port, whose device is still registered
 *
 * Context: process context, RTNL held, from the NETDEV_UNREGISTER
 * notifier (unload or a namespace move).
 */
void ndis_netdev_filter_restore(struct ndis_netdev_port *port)
{
	ASSERT_RTNL();
	while (port->nmc)
		dev_mc_del(port->dev, port->mc[--port->nmc]);
	WRITE_ONCE(port->filter, 0);
	port->mc_overflow = false;
	ndis_netdev_promisc(port, false);
	ndis_netdev_allmulti(port, false);
	ndis_netdev_uc_give_back(port);
}
