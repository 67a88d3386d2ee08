/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ndis.ko: adapters, NDIS's miniport block (adapter.c), and
 * their run-time attributes (status.c).
 *
 * op.lock serializes every PASSIVE operation on one adapter (start, bind,
 * pause, restart, unbind, halt) and is held while the miniport's or
 * protocols' handlers run, which is the serialization NDIS promises them.
 * It comes before ndis_registry_lock, which comes before a binding's lock.
 */
#ifndef _NDIS_CORE_ADAPTER_H
#define _NDIS_CORE_ADAPTER_H

#include <linux/completion.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/seqlock.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <ndis/ndis.h>

#include "object.h"
#include "oid.h"
#include "pend.h"
#include "state.h"

struct ndis_miniport_driver;

/*
 * What the miniport gave for the adapter in MiniportInitializeEx; its
 * status indications keep attrs current (status.c).
 */
struct ndis_adapter_miniport {
	NDIS_HANDLE context;		/* MiniportAdapterContext */
	bool registration_set;
	bool general_set;
	NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES attrs;
	seqlock_t mac_lock;		/* attrs.CurrentMacAddress, changed by status */
	PNDIS_OID oids;			/* copy of attrs.SupportedOidList */
	u32 init_time_ms;		/* MiniportInitializeEx took: OID_GEN_INIT_TIME_MS */
	atomic_t media_sense_count;	/* connect state changes: OID_GEN_MEDIA_SENSE_COUNTS */
};

/* Open bindings: what receive and status indications walk */
struct ndis_adapter_open {
	spinlock_t lock;		/* writers of list */
	struct list_head list;		/* RCU: bindings open to upcalls */
};

/* Receives: indicated NBLs on their way back to the miniport */
struct ndis_adapter_rx {
	atomic_t out;			/* indicated NBLs not back yet */
	atomic_t indicating;		/* indicate calls under way */
	wait_queue_head_t wq;		/* woken when out drops to 0 */
	spinlock_t return_lock;		/* returns */
	PNET_BUFFER_LIST returns;	/* unclaimed NBLs to give back later */
	struct work_struct return_work;
};

/* PASSIVE operations on the adapter, one at a time */
struct ndis_adapter_op {
	struct mutex lock;		/* see the lock order above */
	struct task_struct *task;	/* holder of lock */
	struct workqueue_struct *wq;	/* ordered: bind and unbind work */
};

/* The miniport's handlers that may pend */
struct ndis_adapter_pends {
	struct ndis_pend pause;		/* MiniportPause */
	struct ndis_pend restart;	/* MiniportRestart */
};

/* Device power: ndis_adapter_set_power(), through OID_PNP_SET_POWER (oid.c) */
struct ndis_adapter_power {
	NDIS_DEVICE_POWER_STATE state;	/* D0 unless set otherwise */
	NDIS_DEVICE_POWER_STATE target;	/* of the transition under way */
	struct completion done;
	NDIS_STATUS status;
};

/* Removal: NdisMRemoveMiniport's work, and the end of every teardown */
struct ndis_adapter_removal {
	struct completion done;		/* teardown finished */
	struct work_struct work;	/* NdisMRemoveMiniport */
	bool queued;
};

/*
 * Ordered for the data path: a send or receive reads driver, state,
 * mp.context, open.list and rx, which come first; the control path's
 * groups follow.
 */
struct ndis_adapter {
	struct ndis_object obj;
	struct ndis_miniport_driver *driver;
	char name[NDIS_NAME_MAX];
	u32 if_index;			/* NET_IFINDEX, until the release (ifstack.c) */
	struct list_head node;		/* registry */
	struct list_head driver_node;	/* registry */
	struct list_head bindings;	/* registry */
	bool published;			/* registry: offered to protocols */
	bool removing;			/* registry: no new binds */
	bool shutdown_tried;		/* registry: power-off came to it */

	enum ndis_adapter_state state;	/* op.lock; read locklessly */

	struct ndis_adapter_miniport mp;
	struct ndis_adapter_open open;
	struct ndis_adapter_rx rx;
	struct ndis_adapter_op op;
	struct ndis_adapter_pends pend;
	struct ndis_adapter_oids oid;	/* OID requests (oid.h) */
	struct ndis_adapter_power power;
	struct ndis_adapter_removal remove;
};

const char *ndis_adapter_state_name(enum ndis_adapter_state state);
void ndis_adapter_lock(struct ndis_adapter *adapter);
void ndis_adapter_unlock(struct ndis_adapter *adapter);
NDIS_STATUS ndis_adapter_add(struct ndis_miniport_driver *driver, const char *name,
			     void *add_context, void **handle_out);
NDIS_STATUS ndis_adapter_query_remove(struct ndis_adapter *adapter);
NDIS_STATUS ndis_adapter_set_power(struct ndis_adapter *adapter, NDIS_DEVICE_POWER_STATE state);
int ndis_adapter_remove(struct ndis_adapter *adapter, NDIS_HALT_ACTION action, bool surprise);
int ndis_adapter_teardown(struct ndis_adapter *adapter, NDIS_HALT_ACTION action,
			  bool surprise);
void ndis_adapter_wait_removed(struct ndis_adapter *adapter);
void ndis_adapter_shutdown(struct ndis_adapter *adapter);
bool ndis_adapter_queue_remove(struct ndis_adapter *adapter);
bool ndis_adapter_initializing_here(struct ndis_adapter *adapter);
void ndis_adapter_set_registration(struct ndis_adapter *adapter, void *context);
int ndis_adapter_set_general(struct ndis_adapter *adapter,
			     const NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES *general);
bool ndis_adapter_is_completion_work(struct work_struct *work);
void ndis_adapter_release(struct kobject *kobj);

/* The adapter's run-time attributes (status.c), any context */
void ndis_adapter_current_mac(struct ndis_adapter *adapter, u8 *out, unsigned int len);
void ndis_adapter_set_link(struct ndis_adapter *adapter, u32 connect, u32 duplex,
			   u64 xmit_speed, u64 rcv_speed);
void ndis_adapter_set_mtu(struct ndis_adapter *adapter, u32 mtu);
void ndis_adapter_set_mac(struct ndis_adapter *adapter, const u8 *addr, unsigned int len);

#endif /* _NDIS_CORE_ADAPTER_H */
