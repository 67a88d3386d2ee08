/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndis_vmini: software Ethernet adapters for tests, in the spirit of
 * netdevsim. Each device is one NDIS adapter "vmini<id>" with the MAC
 * 02:76:6d:00:<id high byte>:<id low byte>. Devices in the same hub (a
 * number >= 1) hear each other's sends; a device in hub 0 is in loopback
 * mode and hears its own. Fault knobs live in debugfs, one directory per
 * device (see README.md).
 *
 * Lifetimes: a device is created and destroyed by user space (or the
 * module's load and unload) under ndis_vmini_lock. The NDIS adapter lives
 * from MiniportInitializeEx to MiniportHaltEx inside that span. While it
 * is initialised the device is also on the RCU hub list, which the data
 * path walks without sleeping; halt takes it off and waits for readers.
 */
#ifndef _NDIS_VMINI_H
#define _NDIS_VMINI_H

#include <linux/debugfs.h>
#include <linux/etherdevice.h>
#include <linux/mutex.h>
#include <linux/skbuff.h>
#include <linux/workqueue.h>
#include <ndis/compat.h>
#include <ndis/ndis.h>

#define NDIS_VMINI_NAME_LEN	16
#define NDIS_VMINI_MAX_ID	0xffff
#define NDIS_VMINI_MCAST_MAX	32
#define NDIS_VMINI_RXQ_MAX	1024	/* frames waiting to be indicated */
#define NDIS_VMINI_RX_BATCH	32	/* NBLs per indication */
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
	u8 mac[ETH_ALEN];
	struct mutex pnp;		/* started, against the power knob; before op_lock */
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

extern struct mutex ndis_vmini_lock;
extern u32 ndis_vmini_fail_init;
extern struct dentry *ndis_vmini_debugfs_root;

/* main.c: the device registry; the KUnit suite drives devices with it */
int ndis_vmini_dev_new(u32 id, u32 hub);
int ndis_vmini_dev_del(u32 id);
struct ndis_vmini_dev *ndis_vmini_dev_find(u32 id);
void ndis_vmini_surprise_remove(struct ndis_vmini_dev *vd);
void ndis_vmini_set_link(struct ndis_vmini_dev *vd, bool up);

/* miniport.c */
void ndis_vmini_chars(PNDIS_MINIPORT_DRIVER_CHARACTERISTICS c);
void ndis_vmini_dev_init_work(struct ndis_vmini_dev *vd);

/* oid.c */
MINIPORT_OID_REQUEST ndis_vmini_oid_request;
MINIPORT_CANCEL_OID_REQUEST ndis_vmini_cancel_oid;
void ndis_vmini_oid_work(struct work_struct *work);

/* datapath.c */
MINIPORT_SEND_NET_BUFFER_LISTS ndis_vmini_send;
MINIPORT_RETURN_NET_BUFFER_LISTS ndis_vmini_return;
MINIPORT_CANCEL_SEND ndis_vmini_cancel_send;
void ndis_vmini_tx_work(struct work_struct *work);
void ndis_vmini_rx_work(struct work_struct *work);
void ndis_vmini_hub_attach(struct ndis_vmini_dev *vd);
void ndis_vmini_hub_detach(struct ndis_vmini_dev *vd);
void ndis_vmini_tx_flush(struct ndis_vmini_dev *vd);

/* debugfs.c */
void ndis_vmini_debugfs_add(struct ndis_vmini_dev *vd);
void ndis_vmini_debugfs_init(void);
void ndis_vmini_debugfs_exit(void);

/* An NDIS failure as the errno a control file returns; 0 for success. */
static inline int ndis_vmini_errno(NDIS_STATUS status)
{
	if (status == NDIS_STATUS_SUCCESS)
		return 0;
	return status == NDIS_STATUS_RESOURCES ? -ENOMEM : -EIO;
}

#endif /* _NDIS_VMINI_H */
