/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The object model of ndis.ko: miniport drivers, adapters (NDIS's miniport
 * block), protocol drivers and bindings (NDIS's open block).
 *
 * Lifetimes. Every object embeds a kobject, which is its reference count
 * and its sysfs directory. Drivers never hold pointers: they hold handles
 * (core/handle.c), which are looked up under RCU and refused once the
 * object died, so a stale handle is an error status, never a use after
 * free. Objects are freed an RCU grace period after their last reference.
 *
 * Lock order (outer first):
 *   adapter->op_lock	serializes every PASSIVE operation on one adapter
 *			(start, bind, pause, restart, unbind, halt) and is held
 *			while the miniport's or protocols' handlers run, which
 *			is the serialization NDIS promises them.
 *   ndis_registry_lock	the lists below; never held across a driver call.
 *   binding->lock	a binding's state and flags, for callers at
 *			DISPATCH_LEVEL (NdisUnbindAdapter, completions).
 */
#ifndef _NDIS_OBJECTS_H
#define _NDIS_OBJECTS_H

#include <linux/completion.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/seqlock.h>
#include <linux/spinlock.h>
#include <linux/u64_stats_sync.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <ndis/ndis.h>

#include "pend.h"
#include "state.h"

#define NDIS_NAME_MAX	32

/* What a handle names. A binding has three handles, one per role. */
enum ndis_handle_type {
	NDIS_HT_NONE,
	NDIS_HT_PROTOCOL,
	NDIS_HT_MINIPORT_DRIVER,
	NDIS_HT_ADAPTER,
	NDIS_HT_BINDING,
	NDIS_HT_BIND_CONTEXT,
	NDIS_HT_UNBIND_CONTEXT,
	NDIS_HT_POOL,
};

struct ndis_rx_chunk;

struct ndis_object {
	struct kobject kobj;
	struct rcu_head rcu;
	u32 id;				/* in ndis_objects while live */
	u8 type;			/* NDIS_HT_ of the object itself */
};

/* Multicast addresses: per binding, and merged for the adapter. */
#define NDIS_MCAST_MAX		32
#define NDIS_MCAST_ADAPTER_MAX	64

/* Requests NDIS sends to a miniport itself, merging what bindings set. */
enum ndis_own_oid {
	NDIS_OWN_FILTER,	/* OID_GEN_CURRENT_PACKET_FILTER: the union */
	NDIS_OWN_MCAST,		/* OID_802_3_MULTICAST_LIST: the merged list */
	NDIS_OWN_POWER,		/* OID_PNP_SET_POWER: a power transition */
	NDIS_OWN_MAX,
};

/*
 * A binding's set of the filter or the multicast list completes only once
 * the miniport answered a request carrying it: each change takes a ticket
 * (++wanted), each request carries the last ticket given when it was
 * filled (sent), and a set waits on @waiters for a request whose @sent
 * reaches its ticket. All three under the adapter's oid_lock.
 */
struct ndis_own_request {
	NDIS_OID_REQUEST req;
	bool dirty;		/* changed again while the request was out */
	bool refused;		/* the miniport failed the last one: send again */
	unsigned long wanted;	/* tickets given */
	unsigned long sent;	/* the ticket of the request out, or of the last one */
	struct list_head waiters;	/* bindings' sets, by req->Ndis.node */
	UCHAR value[NDIS_MCAST_ADAPTER_MAX * 6];
};

struct ndis_miniport_driver {
	struct ndis_object obj;
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;
	NDIS_HANDLE context;
	struct module *owner;
	char name[NDIS_NAME_MAX];
	struct list_head node;		/* registry */
	struct list_head adapters;	/* registry */
	bool deregistering;		/* registry */
};

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

struct ndis_protocol {
	struct ndis_object obj;
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS chars;
	NDIS_HANDLE context;
	struct module *owner;
	char name[NDIS_NAME_MAX];
	struct list_head node;		/* registry */
	struct list_head bindings;	/* registry */
	bool deregistering;		/* registry */

	/* NetEventBindsComplete once the binds offered at registration ran */
	atomic_t initial_binds;
	struct work_struct binds_complete_work;
	NET_PNP_EVENT_NOTIFICATION binds_complete;
};

enum ndis_binding_stat {
	NDIS_STAT_SENT,		/* NBLs handed to the miniport */
	NDIS_STAT_REFUSED,	/* NBLs NDIS completed itself: paused or closing */
	NDIS_STAT_COMPLETED,	/* NBLs back to the protocol, any status */
	NDIS_STAT_RECEIVED,	/* NBLs indicated to the protocol */
	NDIS_STAT_COUNT
};

struct ndis_binding_stats {
	u64_stats_t n[NDIS_STAT_COUNT];
	struct u64_stats_sync syncp;
};

struct ndis_binding {
	struct ndis_object obj;
	struct ndis_adapter *adapter;
	struct ndis_protocol *protocol;
	char name[2 * NDIS_NAME_MAX];	/* "protocol:adapter" */
	struct list_head adapter_node;	/* registry */
	struct list_head protocol_node;	/* registry */

	spinlock_t lock;		/* state and the flags below */
	enum ndis_binding_state state;
	bool handle_live;		/* NdisBindingHandle usable */
	bool bind_ctx_live;		/* BindContext usable */
	bool unbind_ctx_live;		/* UnbindContext usable */
	bool opened;
	bool closed;
	bool sends_shut;		/* closed: a send now is a stale-handle bug */
	bool unbind_queued;		/* exactly one unbind, however asked */
	bool initial;			/* counts toward BindsComplete */
	struct task_struct *handler_task; /* inside its bind/unbind handler */

	NDIS_HANDLE protocol_ctx;	/* ProtocolBindingContext */
	struct work_struct bind_work;
	struct work_struct unbind_work;

	/* one waiter each: the adapter operation holding op_lock */
	struct ndis_pend bind;		/* ProtocolBindAdapterEx */
	struct ndis_pend unbind;	/* ProtocolUnbindAdapterEx */
	struct ndis_pend pnp_pend;	/* ProtocolNetPnPEvent, of @pnp */
	NET_PNP_EVENT_NOTIFICATION pnp;
	NDIS_PROTOCOL_PAUSE_PARAMETERS pause_params;

	/* data path */
	struct list_head open_node;	/* in adapter->open_list */
	bool upcalls_open;		/* status/receive may reach the protocol */
	bool oids_open;			/* NdisOidRequest accepted */
	atomic_t oids_out;		/* requests queued or at the miniport */
	ULONG packet_filter;		/* OID_GEN_CURRENT_PACKET_FILTER */
	UCHAR mcast[NDIS_MCAST_MAX][6];	/* OID_802_3_MULTICAST_LIST, under lock */
	unsigned int nmcast;
	atomic_t upcalls;		/* status/receive calls under way */
	atomic_t sends_out;		/* sent, not completed yet */
	spinlock_t rx_lock;		/* the three below */
	PNET_BUFFER_LIST rx_free;	/* receive copies ready for use */
	struct ndis_rx_chunk *rx_chunks; /* all of them, for the close to free */
	unsigned int rx_ncopies;	/* how many there are */
	atomic_t rx_held;		/* copies the protocol holds */
	wait_queue_head_t drain_wq;	/* woken when sends_out or upcalls hit 0 */
	struct ndis_binding_stats __percpu *stats;

	/* a pended NdisOpenAdapterEx: where its results go */
	PNDIS_HANDLE open_handle_out;
	PUINT open_medium_out;
	UINT open_medium_index;
	struct work_struct open_complete_work;
	struct work_struct close_complete_work;
};

#define ndis_kobj_to_object(k)	container_of(k, struct ndis_object, kobj)

static inline void ndis_object_get(struct ndis_object *obj)
{
	kobject_get(&obj->kobj);
}

static inline void ndis_object_put(struct ndis_object *obj)
{
	kobject_put(&obj->kobj);
}

#endif /* _NDIS_OBJECTS_H */
