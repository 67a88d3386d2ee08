/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndis_vmini's test seam: what the module exports to its KUnit suite
 * (kunit/vmini_kunit.c) with EXPORT_SYMBOL_IF_KUNIT, and the device
 * structure those symbols hand out, which the suite reads (knobs, counts,
 * state). The suite includes this header and nothing else of the driver;
 * the driver's private header (vmini.h) includes it too.
 */
#ifndef _NDIS_VMINI_KUNIT_H
#define _NDIS_VMINI_KUNIT_H

#include <linux/etherdevice.h>
#include <linux/mutex.h>
#include <linux/skbuff.h>
#include <linux/workqueue.h>
#include <ndis/ndis.h>

struct dentry;

#define NDIS_VMINI_NAME_LEN	16
#define NDIS_VMINI_MAX_ID	0xffff
#define NDIS_VMINI_MCAST_MAX	32
#define NDIS_VMINI_MTU		1500
#define NDIS_VMINI_SPEED	10000000000ULL

/* Fault knobs, each a debugfs file; read once per use. */
struct ndis_vmini_knobs {
	u32 oid_delay_ms;	/* pend every OID request this long */
	u32 pause_delay_ms;	/* pend MiniportPause this long */
	u32 restart_delay_ms;	/* pend MiniportRestart this long */
	u32 fail_restarts;	/* the next N restarts fail (NDIS_STATUS_FAILURE) */
	u32 send_delay_ms;	/* hold send completions this long */
	bool send_reorder;	/* complete held sends newest first */
	bool drop_sends;	/* complete sends without delivering them */
	u32 fail_sends;		/* the next N NBLs sent fail (NDIS_STATUS_FAILURE) */
	bool rx_resources;	/* indicate with NDIS_RECEIVE_FLAGS_RESOURCES */
};

enum ndis_vmini_cast { NDIS_VMINI_UCAST, NDIS_VMINI_MCAST, NDIS_VMINI_BCAST, NDIS_VMINI_CASTS };

/* Counters behind OID_GEN_STATISTICS and the debugfs "stats" file. */
struct ndis_vmini_stats {
	atomic64_t rx[NDIS_VMINI_CASTS], rx_bytes, rx_discards, rx_filtered;
	atomic64_t tx[NDIS_VMINI_CASTS], tx_bytes, tx_discards, tx_errors;
};

struct ndis_vmini_dev {
	struct list_head node;		/* ndis_vmini_devs, under ndis_vmini_lock */
	struct list_head hub_node;	/* ndis_vmini_hub, RCU */
	u32 id;
	u32 hub;			/* 0: loopback */
	char name[NDIS_VMINI_NAME_LEN];
	u8 mac[ETH_ALEN];		/* permanent: 02:76:6d:00:<id> */
	u8 cur_mac[ETH_ALEN];		/* current: NetworkAddress if configured, else @mac */
	struct mutex pnp;		/* started, against the power knob; before NDIS's op.lock */
	bool started;			/* the adapter was added and is not being removed */
	struct mutex ctl;		/* adapter, against out-of-band callers */
	NDIS_HANDLE adapter;		/* set by Initialize, cleared by Halt */
	NDIS_HANDLE rx_pool;
	struct ndis_vmini_knobs knobs;
	struct ndis_vmini_stats stats;
	bool link_up;
	bool doomed;			/* surprise removal asked; the reaper acts */

	spinlock_t lock;		/* the fields below */
	bool running;			/* between Restart and Pause */
	ULONG filter;			/* merged packet filter from NDIS */
	unsigned int nmcast;
	u8 mcast[NDIS_VMINI_MCAST_MAX][ETH_ALEN];
	PNET_BUFFER_LIST tx_held;	/* sends whose completion is delayed */
	NDIS_DEVICE_POWER_STATE power;

	struct delayed_work tx_work;	/* completes tx_held */
	struct sk_buff_head rxq;	/* frames heard, waiting to be indicated */
	struct work_struct rx_work;
	atomic_t rx_out;		/* indicated, not yet returned */
	wait_queue_head_t rx_wq;
	struct delayed_work pause_work;
	struct delayed_work restart_work;
	struct delayed_work oid_work;
	PNDIS_OID_REQUEST oid_pending;	/* the request oid_work answers; lock */
	PVOID oid_pending_id;		/* its RequestId; lock */
	atomic_t pauses, restarts, halts;
	NDIS_HALT_ACTION last_halt;
	struct dentry *debugfs;
};

/* miniport.c: the next this many MiniportInitializeEx calls fail */
extern u32 ndis_vmini_fail_init;

/* main.c: the device registry; the KUnit suite drives devices with it */
int ndis_vmini_dev_new(u32 id, u32 hub);
int ndis_vmini_dev_del(u32 id);
struct ndis_vmini_dev *ndis_vmini_dev_find(u32 id);
void ndis_vmini_surprise_remove(struct ndis_vmini_dev *vd);

/* miniport.c: the link knob, as a status indication */
void ndis_vmini_set_link(struct ndis_vmini_dev *vd, bool up);

#endif /* _NDIS_VMINI_KUNIT_H */
