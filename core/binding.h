/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ndis.ko: bindings, NDIS's open block (binding.c): the state
 * machine, bind, open, close and unbind, and the gates the data path
 * counts itself behind. A binding's lock guards its state and flags, for
 * callers at DISPATCH_LEVEL (NdisUnbindAdapter, completions).
 */
#ifndef _NDIS_CORE_BINDING_H
#define _NDIS_CORE_BINDING_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/u64_stats_sync.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <ndis/ndis.h>

#include "object.h"
#include "oid.h"
#include "pend.h"
#include "state.h"

struct ndis_adapter;
struct ndis_protocol;
struct ndis_rx_chunk;

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

/*
 * The counts the data path and OID calls keep behind their gates (gate.h);
 * sends count behind handle_live.
 */
struct ndis_binding_gates {
	bool upcalls_open;		/* status/receive may reach the protocol */
	bool oids_open;			/* NdisOidRequest accepted */
	atomic_t upcalls;		/* status/receive calls under way */
	atomic_t sends_out;		/* sent, not completed yet */
	atomic_t oids_out;		/* requests queued or at the miniport */
	wait_queue_head_t drain_wq;	/* woken when sends_out or upcalls hit 0 */
};

/* Receive copies (receive.c) */
struct ndis_binding_rx {
	spinlock_t lock;		/* the three below */
	PNET_BUFFER_LIST free;		/* receive copies ready for use */
	struct ndis_rx_chunk *chunks;	/* all of them, for the close to free */
	unsigned int ncopies;		/* how many there are */
	atomic_t held;			/* copies the protocol holds */
};

/* What the binding receives: set through OIDs (oid.c), read by receive.c */
struct ndis_binding_filter {
	ULONG types;			/* OID_GEN_CURRENT_PACKET_FILTER */
	unsigned int nmcast;		/* under lock */
	UCHAR mcast[NDIS_MCAST_MAX][6];	/* OID_802_3_MULTICAST_LIST, under lock */
};

/* The protocol's bind and unbind handlers, run from the adapter's workqueue */
struct ndis_binding_handler {
	struct work_struct bind_work;
	struct work_struct unbind_work;
	struct task_struct *task;	/* under lock: inside its bind/unbind handler */
	const void *bind_params;	/* under lock: the bind's NDIS_BIND_PARAMETERS */
};

/*
 * The protocol's handlers that may pend. One waiter each: the adapter
 * operation holding op.lock.
 */
struct ndis_binding_pends {
	struct ndis_pend bind;		/* ProtocolBindAdapterEx */
	struct ndis_pend unbind;	/* ProtocolUnbindAdapterEx */
	struct ndis_pend pnp;		/* ProtocolNetPnPEvent, of @pnp_event */
	NET_PNP_EVENT_NOTIFICATION pnp_event;
	NDIS_PROTOCOL_PAUSE_PARAMETERS pause_params;
	NDIS_PROTOCOL_RESTART_PARAMETERS restart_params;
};

/* A pended NdisOpenAdapterEx or NdisCloseAdapterEx (pend_opens, pend_closes) */
struct ndis_binding_pended {
	PNDIS_HANDLE handle_out;	/* a pended open: where its results go */
	PUINT medium_out;
	UINT medium_index;
	struct work_struct complete_work;	/* OpenAdapterCompleteHandlerEx */
	struct work_struct close_complete_work;	/* CloseAdapterCompleteHandlerEx */
};

/*
 * Ordered for the data path: a send or receive reads adapter to the flags,
 * the gates, stats, open_node, rx and filter.types, which come first; the
 * control path's fields and groups follow.
 */
struct ndis_binding {
	struct ndis_object obj;
	struct ndis_adapter *adapter;
	struct ndis_protocol *protocol;
	NDIS_HANDLE protocol_ctx;	/* ProtocolBindingContext */

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

	/* data path */
	struct ndis_binding_gates gate;
	struct ndis_binding_stats __percpu *stats;
	struct list_head open_node;	/* in adapter->open.list */
	struct ndis_binding_rx rx;
	struct ndis_binding_filter filter;

	char name[2 * NDIS_NAME_MAX];	/* "protocol:adapter" */
	struct list_head adapter_node;	/* registry */
	struct list_head protocol_node;	/* registry */
	struct ndis_binding_handler handler;
	struct ndis_binding_pends pend;
	struct ndis_binding_pended open;
};

const char *ndis_binding_state_name(enum ndis_binding_state state);
void ndis_binding_set_pend(int opens, int closes);
int ndis_binding_create(struct ndis_adapter *adapter, struct ndis_protocol *protocol,
			bool initial);
/* The caller holds the adapter's op.lock (asserted). */
void ndis_binding_pause(struct ndis_binding *binding);
bool ndis_binding_query_remove(struct ndis_binding *binding);
void ndis_binding_cancel_remove(struct ndis_binding *binding);
void ndis_binding_set_power(struct ndis_binding *binding, NDIS_DEVICE_POWER_STATE *state);
void ndis_binding_restart(struct ndis_binding *binding);
void ndis_binding_finish(struct ndis_binding *binding);
/* Any context up to DISPATCH_LEVEL. */
int ndis_binding_request_unbind(struct ndis_binding *binding);
int ndis_binding_ask_unbind(struct ndis_binding *binding);
bool ndis_binding_complete_bind(struct ndis_binding *binding, NDIS_STATUS status);
bool ndis_binding_complete_unbind(struct ndis_binding *binding);
bool ndis_binding_complete_pnp(struct ndis_binding *binding, const void *notification,
			       NDIS_STATUS status);
void ndis_binding_count(struct ndis_binding *binding, enum ndis_binding_stat which,
			unsigned int n);
bool ndis_binding_upcall_enter(struct ndis_binding *binding);
void ndis_binding_upcall_exit(struct ndis_binding *binding);
/* PASSIVE_LEVEL. */
bool ndis_binding_may_open(struct ndis_binding *binding);
int ndis_binding_open(struct ndis_binding *binding, void *context, unsigned int medium,
		      unsigned int *medium_out, void **handle_out);
int ndis_binding_close(struct ndis_binding *binding);
void ndis_binding_cancel_work(struct ndis_binding *binding);
bool ndis_binding_is_completion_work(struct work_struct *work);
struct ndis_binding *ndis_binding_by_bind_params(const void *params);
void ndis_binding_release(struct kobject *kobj);
int ndis_binding_cache_init(void);
void ndis_binding_cache_exit(void);

#endif /* _NDIS_CORE_BINDING_H */
