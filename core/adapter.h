/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ndis.ko: adapters, NDIS's miniport block (adapter.c), and
 * their run-time attributes (status.c).
 *
 * op_lock serializes every PASSIVE operation on one adapter (start, bind,
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

struct ndis_adapter {
	struct ndis_object obj;
	struct ndis_miniport_driver *driver;
	char name[NDIS_NAME_MAX];
	struct list_head node;		/* registry */
	struct list_head driver_node;	/* registry */
	struct list_head bindings;	/* registry */
	bool published;			/* registry: offered to protocols */
	bool removing;			/* registry: no new binds */
	bool shutdown_tried;		/* registry: power-off came to it */

	struct mutex op_lock;		/* see the lock order above */
	struct task_struct *op_task;	/* holder of op_lock */
	struct workqueue_struct *wq;	/* ordered: bind and unbind work */
	enum ndis_adapter_state state;	/* op_lock; read locklessly */

	NDIS_HANDLE context;		/* MiniportAdapterContext */
	bool registration_set;
	bool general_set;
	NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES attrs;
	seqlock_t mac_lock;		/* attrs.CurrentMacAddress, changed by status */
	PNDIS_OID oids;			/* copy of attrs.SupportedOidList */

	struct ndis_pend pause;		/* MiniportPause */
	struct ndis_pend restart;	/* MiniportRestart */

	/* OID requests: one at the miniport at a time, the rest queued */
	spinlock_t oid_lock;		/* the six below */
	struct list_head oid_queue;
	PNDIS_OID_REQUEST oid_current;
	bool oid_in_handler;		/* oid_current's MiniportOidRequest runs */
	bool oid_cancel_deferred;	/* ... and a cancel waits for it to return */
	bool oid_dead;			/* quiesced: nothing more is queued */
	unsigned int oid_finishing;	/* completions between current and kick */
	bool oid_timer_armed;
	struct work_struct oid_work;	/* delivers the queue, on ndis-complete */
	struct delayed_work oid_timeout; /* aborts requests past their Timeout */
	wait_queue_head_t oid_wq;	/* woken when the queue runs dry */
	struct ndis_own_request own[NDIS_OWN_MAX];	/* NDIS's own requests */
	spinlock_t mcast_lock;		/* a binding's list: checked, then stored */
	NDIS_DEVICE_POWER_STATE power;	/* D0 unless set otherwise */
	NDIS_DEVICE_POWER_STATE power_target;	/* of the transition under way */
	struct completion power_done;
	NDIS_STATUS power_status;

	atomic_t rx_out;		/* indicated NBLs not back yet */
	atomic_t rx_indicating;		/* indicate calls under way */
	wait_queue_head_t rx_wq;	/* woken when rx_out drops to 0 */
	spinlock_t rx_return_lock;	/* rx_return */
	PNET_BUFFER_LIST rx_return;	/* unclaimed NBLs to give back later */
	struct work_struct rx_return_work;

	spinlock_t open_lock;		/* writers of open_list */
	struct list_head open_list;	/* RCU: bindings open to upcalls */
	struct completion removed;	/* teardown finished */
	struct work_struct remove_work;	/* NdisMRemoveMiniport */
	bool remove_queued;
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
