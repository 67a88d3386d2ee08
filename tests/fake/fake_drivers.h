/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A fake miniport and a fake protocol: real NDIS drivers in every respect
 * (registered through the public API, called through their handlers),
 * with knobs that make them pend, fail or sleep where a test needs it, and
 * counters of what they were asked to do. No KUnit here: the test module
 * ndis_fake.ko (tests/fake/) exports them in the NDIS_FAKE namespace to
 * ndis_kunit.ko and the integration tier's ndis_itest.ko, which import it.
 * The state of each fake lives in the module that made it, and so does its
 * ownership: ndis_fake_protocol_register() passes the caller's module, and
 * callers register the fake miniport with NdisMRegisterMiniportDriver()
 * themselves.
 */
#ifndef _NDIS_FAKE_DRIVERS_H
#define _NDIS_FAKE_DRIVERS_H

#include <linux/list.h>
#include <linux/module.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <ndis/ndis.h>

#define NDIS_FAKE_NAME	32
/* Room for a name in UTF-16 with its terminator, overlong ones included. */
#define NDIS_FAKE_WNAME	(NDIS_FAKE_NAME + 8)

/* NetEventBindsComplete carries no context: counted for all fakes. */
int ndis_fake_binds_completed(void);
long ndis_fake_wait_binds_completed(int before, long timeout);

struct ndis_fake_miniport {
	NDIS_HANDLE handle;
	char name[NDIS_FAKE_NAME];
	NDIS_MEDIUM medium;
	bool fail_init;
	unsigned int init_sleep_ms;	/* MiniportInitializeEx sleeps this long first */
	bool remove_in_init;		/* NdisMRemoveMiniport from Initialize */
	bool pend_pause;
	bool hold_pause;		/* pend the pause; the test completes it */
	/* Call back into NDIS once, from the OID or the return handler. */
	enum ndis_fake_reenter {
		NDIS_FAKE_REENTER_NONE,
		NDIS_FAKE_REENTER_SET_POWER,
		NDIS_FAKE_REENTER_REMOVE,
		NDIS_FAKE_REENTER_DEREGISTER,
	} reenter_oid, reenter_return;
	NDIS_STATUS reenter_status;	/* what the call said (SUCCESS if void) */
	atomic_t reentered;
	atomic_t shutdowns;		/* MiniportShutdownEx calls */
	atomic_t after_shutdown;	/* other handlers called after it (a bug) */
	bool pend_restart;
	NDIS_STATUS restart_status;
	atomic_t inits;
	atomic_t restarts;
	atomic_t pauses;
	atomic_t halts;
	atomic_t surprise_removals;
	NDIS_HALT_ACTION last_halt;
	bool hold_sends;		/* keep sends until the test completes them */
	enum {
		NDIS_FAKE_OID_SUCCEED,	/* final status at once */
		NDIS_FAKE_OID_PEND,	/* hold until the test or a cancel completes */
		NDIS_FAKE_OID_EARLY,	/* complete, then return PENDING */
	} oid_mode;
	bool ignore_cancel;
	struct completion *oid_gate;	/* the OID handler waits here first */
	atomic_t oids_seen;		/* requests the OID handler got */
	atomic_t oid_overlap;		/* ... while it held another (a bug) */
	atomic_t cancels;
	atomic_t methods_seen;		/* NdisRequestMethod requests the handler got */
	ULONG last_method_id;		/* ... and the MethodId of the last one */
	PNDIS_OID_REQUEST oid_held;
	NDIS_HANDLE oid_adapter;	/* the adapter oid_held came on */
	ULONG last_filter;		/* last OID_GEN_CURRENT_PACKET_FILTER set */
	NDIS_DEVICE_POWER_STATE last_power;	/* last OID_PNP_SET_POWER */
	bool fail_sleep;		/* refuse OID_PNP_SET_POWER to D1..D3 */
	int last_mcast_count;		/* addresses in the last OID_802_3_MULTICAST_LIST */
	atomic_t rx_returned;		/* NBLs back through MiniportReturnNetBufferLists */
	atomic_t rx_returned_early;	/* ... from inside the indicate call (a bug) */
	struct task_struct *indicating;	/* the task inside NdisMIndicate... */
	atomic_t sent_nbls;		/* NBLs and NBs the send handler got */
	atomic_t sent_nbs;
	spinlock_t lock;		/* adapters */
	struct list_head adapters;
	wait_queue_head_t wq;
};

struct ndis_fake_adapter {
	struct ndis_fake_miniport *mp;
	NDIS_HANDLE handle;
	struct delayed_work complete;	/* completes a pended pause or restart */
	bool completing_restart;
	char name[NDIS_FAKE_NAME];
	NET_IFINDEX if_index;		/* the init parameters' IfIndex */
	struct list_head node;		/* in the miniport's adapters */
	spinlock_t held_lock;		/* held sends */
	PNET_BUFFER_LIST held;
	unsigned int nheld;
	NDIS_HANDLE rx_pool;
	bool shut_down;			/* MiniportShutdownEx ran */
};

enum ndis_fake_bind_mode {
	NDIS_FAKE_BIND_SYNC,
	NDIS_FAKE_BIND_PEND,		/* return PENDING, complete from a work */
	NDIS_FAKE_BIND_FAIL_AFTER_OPEN,	/* open, close, fail */
	NDIS_FAKE_BIND_FAIL_LEAVING_OPEN, /* open, fail without closing (a bug) */
	NDIS_FAKE_BIND_UNBIND_INSIDE,	/* call NdisUnbindAdapter from the handler */
};

struct ndis_fake_open;

struct ndis_fake_protocol {
	NDIS_HANDLE handle;
	char name[NDIS_FAKE_NAME];
	NDIS_MEDIUM medium;
	enum ndis_fake_bind_mode bind_mode;
	bool pend_unbind;
	unsigned int unbind_sleep_ms;
	NDIS_STATUS inside_unbind_status;	/* what NdisUnbindAdapter said */
	bool unbind_inside_unbind;	/* NdisUnbindAdapter from the unbind handler */
	bool close_from_work;		/* unbind pends; a work item closes */
	NDIS_STATUS work_close_status;	/* what that NdisCloseAdapterEx said */
	atomic_t binds;			/* handler calls */
	atomic_t bind_without_handle;	/* ... before fp->handle was written */
	atomic_t bound;			/* binds that succeeded */
	atomic_t unbinds;
	atomic_t pauses;
	atomic_t restarts;
	atomic_t query_removes;
	atomic_t cancel_removes;
	atomic_t set_powers;		/* NetEventSetPower calls */
	NDIS_DEVICE_POWER_STATE last_power;
	/* The latest NetEventRestart's Buffer (copied, under lock) and length */
	NDIS_PROTOCOL_RESTART_PARAMETERS last_restart;
	ULONG last_restart_length;
	bool refuse_query_remove;
	bool pend_pnp;			/* PnP events pend, finished by pnp_work */
	atomic_t pnp_pended;
	struct delayed_work pnp_work;
	NDIS_HANDLE pnp_binding;
	PNET_PNP_EVENT_NOTIFICATION pnp_event;
	NDIS_STATUS pnp_status;
	atomic_t binds_complete;
	atomic_t open_completes;
	atomic_t close_completes;
	atomic_t not_passive;		/* PASSIVE handlers run elsewhere */
	atomic_t not_dispatch;		/* data-path callbacks not at DISPATCH */
	atomic_t live;			/* opens not yet freed */
	atomic_t works;			/* bind completions still running */
	bool keep_completed;		/* don't free completed NBLs (double completion) */
	NDIS_HANDLE nbl_pool;
	NDIS_HANDLE nb_pool;
	atomic_t nbls_live;		/* NBLs allocated, not freed */
	atomic_t send_ok;		/* completions by status */
	atomic_t send_paused;
	atomic_t send_aborted;
	atomic_t send_closing;
	atomic_t send_other;
	atomic_t wrong_source;		/* SourceHandle not the binding's */
	atomic_t statuses;		/* ProtocolStatusEx calls */
	NDIS_STATUS last_status;	/* ... and the StatusCode of the last one */
	atomic_t rx_nbls;		/* NBLs received */
	atomic_t rx_resources;		/* ... with NDIS_RECEIVE_FLAGS_RESOURCES */
	bool rx_hold;			/* keep received NBLs until told */
	bool rx_return_held_first;	/* give held ones back from the handler */
	spinlock_t rx_lock;		/* held receives, rx_last, done_tags */
	/* Past NDIS's bound on copies a binding holds (NDIS_RX_COPIES, 256). */
	PNET_BUFFER_LIST rx_held[272];
	NDIS_HANDLE rx_held_binding[272];
	unsigned int rx_nheld;
	/* Called for each received NB, at DISPATCH_LEVEL, under rx_lock. */
	void (*rx_hook)(struct ndis_fake_open *open, PNET_BUFFER nb);
	UCHAR rx_last[128];		/* first frame of the last indication */
	unsigned int rx_last_len;
	char rx_last_adapter[NDIS_FAKE_NAME];
	u32 done_tags[16];		/* tags of completed sends, in order */
	unsigned int ndone_tags;
	atomic_t oid_completions;
	NDIS_STATUS last_oid_status;
	UINT method_written;		/* a method's BytesWritten at its completion */
	UINT method_read;		/* ... and its BytesRead */
	bool deregister_in_oid_complete; /* NdisDeregisterProtocolDriver from there */
	bool oid_after_close;		/* try an OID in unbind, after the close */
	NDIS_STATUS oid_after_close_status;
	atomic_t late_statuses;		/* ... after the binding's close returned */
	NDIS_MEDIA_CONNECT_STATE last_link;
	spinlock_t lock;		/* opens, and each open's send gate */
	struct list_head opens;
	wait_queue_head_t wq;
};

/* ProtocolBindingContext: one per open. */
struct ndis_fake_open {
	struct ndis_fake_protocol *fp;
	NDIS_HANDLE binding;
	NDIS_HANDLE bind_ctx;
	NDIS_HANDLE unbind_ctx;
	NDIS_MEDIUM medium;
	UINT medium_index;
	char adapter[NDIS_FAKE_NAME];
	NET_IFINDEX bound_if_index;	/* the bind parameters' BoundIfIndex */
	NET_IFINDEX lowest_if_index;	/* ... and LowestIfIndex */
	bool unbinding;
	bool paused;			/* no new sends: NetEventPause came */
	bool closed;			/* NdisCloseAdapterEx returned */
	unsigned int sending;		/* senders inside NdisSendNetBufferLists */
	atomic_t probe_ok;		/* frames fp->rx_hook judged good */
	atomic_t probe_bad;		/* ... and bad */
	struct work_struct complete_bind;
	struct work_struct close_work;	/* close_from_work */
	struct list_head node;
};

NDIS_STATUS __ndis_fake_protocol_register(struct ndis_fake_protocol *fp, struct module *owner);

/*
 * ndis_fake_protocol_register(fp): register @fp owned by the calling
 * module, where its state lives (see __ndis_fake_protocol_register()).
 */
#define ndis_fake_protocol_register(fp) __ndis_fake_protocol_register(fp, THIS_MODULE)

void ndis_fake_protocol_deregister(struct ndis_fake_protocol *fp);
struct ndis_fake_open *ndis_fake_open_find(struct ndis_fake_protocol *fp, const char *adapter);
NDIS_HANDLE ndis_fake_binding(struct ndis_fake_protocol *fp, const char *adapter);
int ndis_fake_opens(struct ndis_fake_protocol *fp);
void ndis_fake_miniport_chars(PNDIS_MINIPORT_DRIVER_CHARACTERISTICS c, const char *name);
void ndis_fake_protocol_chars(PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS c, const char *name,
			      WCHAR wname[NDIS_FAKE_WNAME]);
void ndis_fake_miniport_init(struct ndis_fake_miniport *mp, const char *name);
void ndis_fake_miniport_release(struct ndis_fake_miniport *mp);
struct ndis_fake_adapter *ndis_fake_adapter_find(struct ndis_fake_miniport *mp,
						 const char *name);
unsigned int ndis_fake_adapter_release_sends(struct ndis_fake_adapter *fa,
					     unsigned int max, NDIS_STATUS status);
void ndis_fake_indicate_status(struct ndis_fake_adapter *fa, NDIS_STATUS code, PVOID buf,
			       ULONG size, NDIS_HANDLE destination);
void ndis_fake_indicate_link(struct ndis_fake_adapter *fa, NDIS_MEDIA_CONNECT_STATE state,
			     NDIS_HANDLE destination);
void ndis_fake_oid_init(PNDIS_OID_REQUEST req, NDIS_REQUEST_TYPE type, NDIS_OID oid,
			PVOID buffer, UINT length, PVOID id);
void ndis_fake_oid_method_init(PNDIS_OID_REQUEST req, NDIS_OID oid, ULONG method_id,
			       PVOID buffer, ULONG in_length, ULONG out_length, PVOID id);

/*
 * The fake protocol's words in a request's SourceReserved (which the DDI
 * gives as bytes): [0] counts completions, [1] holds the last status.
 */
static inline PVOID *ndis_fake_oid_slots(PNDIS_OID_REQUEST req)
{
	return (PVOID *)req->SourceReserved;
}

NDIS_STATUS ndis_fake_oid_sync(NDIS_HANDLE binding, PNDIS_OID_REQUEST req);
bool ndis_fake_oid_complete_held(struct ndis_fake_miniport *mp, NDIS_STATUS status);
void ndis_fake_indicate(struct ndis_fake_adapter *fa, unsigned int n, const UCHAR *dst,
			ULONG flags);
void ndis_fake_return_held(struct ndis_fake_protocol *fp);
int ndis_fake_send(struct ndis_fake_protocol *fp, const char *adapter, unsigned int nbls,
		   unsigned int nbs, PVOID cancel_id);
NDIS_STATUS ndis_fake_oid_request(struct ndis_fake_protocol *fp, const char *adapter,
				  PNDIS_OID_REQUEST req);
int ndis_fake_send_frame(struct ndis_fake_protocol *fp, const char *adapter,
			 const void *frame, unsigned int len);
void ndis_fake_protocol_init(struct ndis_fake_protocol *fp, const char *name);
void ndis_fake_pool_params(PNET_BUFFER_LIST_POOL_PARAMETERS lp, PNET_BUFFER_POOL_PARAMETERS bp);

#endif /* _NDIS_FAKE_DRIVERS_H */
