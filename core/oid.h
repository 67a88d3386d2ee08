/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ndis.ko: OID requests (oid.c): the queue to the miniport, what
 * NDIS answers itself, and the requests NDIS sends on its own.
 */
#ifndef _NDIS_CORE_OID_H
#define _NDIS_CORE_OID_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <ndis/ndis.h>

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
 * reaches its ticket. All three under the adapter's oid.lock.
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

/* An adapter's OID requests: one at the miniport at a time, the rest queued */
struct ndis_adapter_oids {
	spinlock_t lock;		/* the six below */
	struct list_head queue;
	PNDIS_OID_REQUEST active;	/* the request at the miniport */
	bool in_handler;		/* active's MiniportOidRequest runs */
	bool cancel_deferred;		/* ... and a cancel waits for it to return */
	bool dead;			/* quiesced: nothing more is queued */
	unsigned int finishing;		/* completions between active and kick */
	bool timer_armed;
	struct work_struct work;	/* delivers the queue, on ndis-complete */
	struct delayed_work timeout;	/* aborts requests past their Timeout */
	wait_queue_head_t wq;		/* woken when the queue runs dry */
	struct ndis_own_request own[NDIS_OWN_MAX];	/* NDIS's own requests */
	spinlock_t mcast_lock;		/* a binding's list: checked, then stored */
};

struct ndis_adapter;
struct ndis_binding;

void ndis_oid_adapter_init(struct ndis_adapter *adapter);
void ndis_oid_adapter_quiesce(struct ndis_adapter *adapter);
void ndis_oid_open(struct ndis_binding *binding);
void ndis_oid_close(struct ndis_binding *binding);
bool ndis_oid_mcast_has(struct ndis_binding *binding, const u8 *addr);
NDIS_STATUS ndis_oid_answer(PNDIS_OID_REQUEST req, const void *value, u32 size);
NDIS_STATUS ndis_oid_set_power(struct ndis_adapter *adapter, NDIS_DEVICE_POWER_STATE state);
NDIS_STATUS ndis_oid_request(struct ndis_binding *binding, PNDIS_OID_REQUEST req, void *handle,
			     const char *api, unsigned long caller);
void ndis_oid_cancel(struct ndis_binding *binding, void *id);
void ndis_oid_finish(struct ndis_adapter *adapter, PNDIS_OID_REQUEST req, NDIS_STATUS status,
		     const char *api, unsigned long caller);
bool ndis_oid_is_work(struct work_struct *work);

#endif /* _NDIS_CORE_OID_H */
