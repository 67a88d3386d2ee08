/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndis_netdev.ko: the machine's Ethernet net_devices as NDIS adapters.
 *
 * One struct ndis_netdev_port per net_device we follow. Its life:
 *
 *   NETDEV_REGISTER (RTNL)    allocate, netdev_hold(), queue add_work
 *   add_work                  ndis_miniport_add_adapter(): Initialize (tap
 *                             on), Restart (running), protocols bind
 *   NETDEV_CHANGE/UP/DOWN/    queue sync_work: it re-reads link, MTU and
 *   CHANGEMTU/CHANGEADDR      address under RTNL and indicates what changed
 *   NETDEV_UNREGISTER (RTNL)  tap off (synchronously), sends refused from
 *                             now on, our filters given back, the device
 *                             reference dropped (see ndis_netdev_unregister());
 *                             queue remove_work
 *   remove_work               ndis_miniport_surprise_remove_adapter() (the
 *                             device is going) or ndis_miniport_remove_adapter()
 *                             (module unload, netns move: it stays): Pause
 *                             (drained), Halt (no device left to touch); free
 *
 * All three works run on one ordered workqueue, so for one device they run
 * in the order the notifier queued them, and never from the notifier
 * itself: adding or removing an adapter calls protocol handlers and OIDs,
 * and the OID handler takes RTNL (dev_set_promiscuity()).
 *
 * Adapter names are "nd-<ifname>" as the device was called when it
 * registered ("nd-<ifname>-<n>" if that is taken, e.g. after a rename freed
 * the old name, or the same name in another network namespace). Core refuses
 * ':' and '/', so "netdev:eth0" is not possible; a rename keeps the adapter
 * and its name.
 *
 * Lock order: adapter operation lock (NDIS holds it around our PASSIVE
 * handlers) -> RTNL. Never the reverse: nothing run under RTNL waits for
 * an NDIS operation.
 */
#ifndef _NDIS_NETDEV_H
#define _NDIS_NETDEV_H

#include <linux/atomic.h>
#include <linux/etherdevice.h>
#include <linux/if_ether.h>
#include <linux/llist.h>
#include <linux/netdevice.h>
#include <linux/percpu.h>
#include <linux/u64_stats_sync.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <ndis/ndis.h>

/* "nd-" + IFNAMSIZ - 1 + "-" + a number, well below NDIS_NAME_MAX (32). */
#define NDIS_NETDEV_NAME_MAX		32
/* Per binding, as OID_802_3_MAXIMUM_LIST_SIZE says; merged lists can be longer. */
#define NDIS_NETDEV_MCAST_LIST_SIZE	32
#define NDIS_NETDEV_MCAST_MAX		64
/* Indicated receive NBLs not returned yet, above which frames are lent. */
#define NDIS_NETDEV_RX_OUTSTANDING_MAX	256

/* Frame counters, by the destination address of the frame. */
enum ndis_netdev_cast {
	NDIS_NETDEV_UCAST,
	NDIS_NETDEV_MCAST,
	NDIS_NETDEV_BCAST,
	NDIS_NETDEV_CASTS
};

enum ndis_netdev_dir {
	NDIS_NETDEV_RX,
	NDIS_NETDEV_TX,
	NDIS_NETDEV_DIRS
};

/**
 * struct ndis_netdev_traffic - what one CPU counted of the frames that went
 * @syncp: for 64-bit reads on 32-bit machines
 * @frames: frames indicated (RX) or taken by the device (TX), by direction
 *	and destination type
 * @octets: their bytes
 * @tx_lent: frames handed to the device without a copy (the rest are copied)
 * @rx_segmented: GSO frames (GRO's) cut into wire frames to be indicated
 */
struct ndis_netdev_traffic {
	struct u64_stats_sync syncp;
	u64_stats_t frames[NDIS_NETDEV_DIRS][NDIS_NETDEV_CASTS];
	u64_stats_t octets[NDIS_NETDEV_DIRS][NDIS_NETDEV_CASTS];
	u64_stats_t tx_lent;
	u64_stats_t rx_segmented;
};

/**
 * struct ndis_netdev_traffic_sum - struct ndis_netdev_traffic over all CPUs
 * @frames: see struct ndis_netdev_traffic
 * @octets: likewise
 * @tx_lent: likewise
 * @rx_segmented: likewise
 */
struct ndis_netdev_traffic_sum {
	u64 frames[NDIS_NETDEV_DIRS][NDIS_NETDEV_CASTS];
	u64 octets[NDIS_NETDEV_DIRS][NDIS_NETDEV_CASTS];
	u64 tx_lent;
	u64 rx_segmented;
};

/**
 * struct ndis_netdev_stats - what the adapter counted besides the traffic
 * @rx_dropped: frames seen and not indicated (paused, no memory)
 * @rx_lent: frames indicated with NDIS_RECEIVE_FLAGS_RESOURCES
 * @tx_dropped: frames refused by us or by dev_queue_xmit()
 * @tx_errors: frames refused as malformed (length)
 */
struct ndis_netdev_stats {
	atomic64_t rx_dropped;
	atomic64_t rx_lent;
	atomic64_t tx_dropped;
	atomic64_t tx_errors;
};

/**
 * struct ndis_netdev_port - one followed net_device and its adapter
 * @dev: the device, held (@dev_tracker) until the port is freed
 * @dev_tracker: reference tracker of that hold
 * @node: in ndis_netdev_ports, under RTNL
 * @ifname: the device's name when it registered (renames do not follow)
 * @name: the adapter name
 * @handle: the MiniportAdapterHandle, from Initialize until Halt
 * @added: ndis_miniport_add_adapter() succeeded (works only)
 * @rx_pool: NBL pool for received frames
 * @tap: the ETH_P_ALL packet tap on @dev, registered while @filter is not 0
 * @tap_on: @tap is registered; under RTNL
 * @removed: NETDEV_UNREGISTER seen: no more receives, sends refused
 * @dead: the device itself is going away (not a module unload or a netns
 *	move): its settings are not restored, it has none left
 * @running: between MiniportRestart and MiniportPause
 * @rx_outstanding: receives being indicated or indicated and not returned
 * @tx_pending: send NBLs not completed yet
 * @drain_wq: MiniportPause waits here for both counts to reach zero
 * @tx_done: completed send NBLs, for @tx_done_work
 * @tx_done_work: completes them at DISPATCH_LEVEL, outside the driver
 * @filter: the merged packet filter NDIS set last; written under RTNL by the
 *	OID handler and Halt, read by the tap
 * @promisc: we hold a dev_set_promiscuity(+1); OID handler and Halt only
 * @allmulti: we hold a dev_set_allmulti(+1); likewise
 * @mc: the multicast addresses we added with dev_mc_add(); likewise
 * @nmc: how many
 * @mc_overflow: the merged list was longer than @mc: all-multicast instead
 * @link: last link state indicated (sync_work only, after Initialize)
 * @duplex: last duplex indicated
 * @speed: last speed indicated, bit/s
 * @mtu: last MTU indicated
 * @addr: last MAC address indicated
 * @cfg_addr: the adapter's NetworkAddress keyword, if @addr_configured
 * @addr_configured: @cfg_addr is the adapter's current address: NDIS sees
 *	it instead of the device's, whose changes are no longer indicated
 * @uc_added: we hold a dev_uc_add() of @cfg_addr; under RTNL
 * @traffic: per-CPU frame and byte counters
 * @stats: the other counters
 * @debugfs: our debugfs directory, or an error pointer
 * @add_work: adds the adapter
 * @sync_work: indicates status changes
 * @remove_work: removes the adapter and frees the port
 */
struct ndis_netdev_port {
	struct net_device *dev;
	netdevice_tracker dev_tracker;
	struct list_head node;
	char ifname[IFNAMSIZ];
	char name[NDIS_NETDEV_NAME_MAX];
	NDIS_HANDLE handle;
	bool added;
	NDIS_HANDLE rx_pool;
	struct packet_type tap;
	bool tap_on;
	bool removed;
	bool dead;
	bool running;
	atomic_t rx_outstanding;
	atomic_t tx_pending;
	wait_queue_head_t drain_wq;
	struct llist_head tx_done;
	struct work_struct tx_done_work;
	ULONG filter;
	bool promisc;
	bool allmulti;
	u8 mc[NDIS_NETDEV_MCAST_MAX][ETH_ALEN] __aligned(2);
	unsigned int nmc;
	bool mc_overflow;
	NDIS_MEDIA_CONNECT_STATE link;
	NDIS_MEDIA_DUPLEX_STATE duplex;
	u64 speed;
	u32 mtu;
	u8 addr[ETH_ALEN] __aligned(2);
	u8 cfg_addr[ETH_ALEN] __aligned(2);
	bool addr_configured;
	bool uc_added;
	struct ndis_netdev_traffic __percpu *traffic;
	struct ndis_netdev_stats stats;
	struct dentry *debugfs;
	struct work_struct add_work;
	struct work_struct sync_work;
	struct work_struct remove_work;
};

/**
 * struct ndis_netdev_link - a device's link, as NDIS reports it
 * @state: connected iff running with carrier
 * @duplex: from ethtool, or unknown
 * @speed: from ethtool, bit/s, or 0
 */
struct ndis_netdev_link {
	NDIS_MEDIA_CONNECT_STATE state;
	NDIS_MEDIA_DUPLEX_STATE duplex;
	u64 speed;
};

extern NDIS_HANDLE ndis_netdev_driver;

/* adapter.c */
void ndis_netdev_chars(PNDIS_MINIPORT_DRIVER_CHARACTERISTICS chars);
void ndis_netdev_drain_put(struct ndis_netdev_port *port, atomic_t *count, int n);

/* status.c */
void ndis_netdev_read_link(struct net_device *dev, struct ndis_netdev_link *link);
void ndis_netdev_sync_work(struct work_struct *work);

/* filter.c */
NDIS_STATUS ndis_netdev_set_filter(struct ndis_netdev_port *port, ULONG filter);
NDIS_STATUS ndis_netdev_set_mcast(struct ndis_netdev_port *port, const u8 *list,
				  unsigned int n);
void ndis_netdev_filter_restore(struct ndis_netdev_port *port);
void ndis_netdev_uc_take(struct ndis_netdev_port *port);
void ndis_netdev_uc_give_back(struct ndis_netdev_port *port);

/* rx.c */
int ndis_netdev_rx(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
		   struct net_device *orig_dev);
MINIPORT_RETURN_NET_BUFFER_LISTS ndis_netdev_return;

/* tx.c */
MINIPORT_SEND_NET_BUFFER_LISTS ndis_netdev_send;
MINIPORT_CANCEL_SEND ndis_netdev_cancel_send;
void ndis_netdev_tx_done_work(struct work_struct *work);

/* debugfs.c */
void ndis_netdev_debugfs_init(void);
void ndis_netdev_debugfs_exit(void);
void ndis_netdev_debugfs_add(struct ndis_netdev_port *port);
void ndis_netdev_debugfs_del(struct ndis_netdev_port *port);

/* The counter of a frame's destination type. */
static inline enum ndis_netdev_cast ndis_netdev_cast_of(const u8 *dst)
{
	if (is_broadcast_ether_addr(dst))
		return NDIS_NETDEV_BCAST;
	return is_multicast_ether_addr(dst) ? NDIS_NETDEV_MCAST : NDIS_NETDEV_UCAST;
}

/* One frame of @len bytes went in direction @dir. Any context. */
static inline void ndis_netdev_count(struct ndis_netdev_port *port, enum ndis_netdev_dir dir,
				     enum ndis_netdev_cast cast, unsigned int len, bool lent)
{
	struct ndis_netdev_traffic *t = get_cpu_ptr(port->traffic);
	unsigned long flags;

	flags = u64_stats_update_begin_irqsave(&t->syncp);
	u64_stats_inc(&t->frames[dir][cast]);
	u64_stats_add(&t->octets[dir][cast], len);
	if (lent)
		u64_stats_inc(&t->tx_lent);
	u64_stats_update_end_irqrestore(&t->syncp, flags);
	put_cpu_ptr(port->traffic);
}

/* A GSO frame was cut into wire frames. Any context. */
static inline void ndis_netdev_count_segmented(struct ndis_netdev_port *port)
{
	struct ndis_netdev_traffic *t = get_cpu_ptr(port->traffic);
	unsigned long flags;

	flags = u64_stats_update_begin_irqsave(&t->syncp);
	u64_stats_inc(&t->rx_segmented);
	u64_stats_update_end_irqrestore(&t->syncp, flags);
	put_cpu_ptr(port->traffic);
}

/* A counter of struct ndis_netdev_traffic_sum summed over the destination types. */
static inline u64 ndis_netdev_total(const u64 *counters)
{
	u64 sum = 0;
	int i;

	for (i = 0; i < NDIS_NETDEV_CASTS; i++)
		sum += counters[i];
	return sum;
}

/* stats.c */
int ndis_netdev_traffic_alloc(struct ndis_netdev_port *port);
void ndis_netdev_traffic_free(struct ndis_netdev_port *port);
void ndis_netdev_traffic_read(struct ndis_netdev_port *port, struct ndis_netdev_traffic_sum *sum);

#endif /* _NDIS_NETDEV_H */
