/* SPDX-License-Identifier: GPL-2.0 */
/* Shared by the files of ndis_kbench.ko, the in-kernel half of make bench. */
#ifndef _NDIS_KBENCH_H
#define _NDIS_KBENCH_H

#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/etherdevice.h>
#include <linux/list.h>
#include <linux/llist.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <ndis/ndis.h>

#define NDIS_KBENCH_NAME_MAX	32
#define NDIS_KBENCH_PROTOS	17	/* 16 at most at once, plus a sender */
#define NDIS_KBENCH_ETHERTYPE	0x88b6	/* as ndis_bench: the guest's stack ignores it */

struct ndis_kbench_proto;
struct seq_file;

/* One binding of a bench protocol: its ProtocolBindingContext. */
struct ndis_kbench_binding {
	struct ndis_kbench_proto *proto;
	struct list_head node;		/* proto->bindings, under proto->lock */
	NDIS_HANDLE handle;		/* NdisBindingHandle */
	NDIS_HANDLE bind_ctx;		/* a pended open completes the bind */
	NDIS_HANDLE unbind_ctx;		/* a pended close completes the unbind */
	NDIS_MEDIUM medium;
	UINT medium_index;
	char adapter[NDIS_KBENCH_NAME_MAX];
	u8 mac[ETH_ALEN];
	bool running;			/* proto->lock */
	NDIS_OID_REQUEST oid;		/* one request at a time, the measure's */
	ULONG64 oid_buf;
	struct completion oid_done;
	NDIS_STATUS oid_status;
};

/*
 * A bench protocol driver. It opens the adapters "<prefix><id>" for id in
 * [first, first + count) when count is not 0, else the ones in names[];
 * it declines every other adapter.
 */
struct ndis_kbench_proto {
	char name[NDIS_KBENCH_NAME_MAX];
	NDIS_HANDLE handle;		/* NdisProtocolHandle */
	bool registered;
	char prefix[NDIS_KBENCH_NAME_MAX];
	u32 first;
	u32 count;
	char names[2][NDIS_KBENCH_NAME_MAX];
	unsigned int unbind_sleep_ms;	/* the unbind handler sleeps this long */

	spinlock_t lock;		/* bindings, binding->running */
	struct list_head bindings;	/* open ones */
	atomic_t running;		/* bindings between restart and pause */
	atomic_t unbinds;		/* unbind handlers that finished */
	atomic_long_t received;		/* frames indicated to it */
};

/* Sent NBLs, allocated once and used again after each completion. */
struct ndis_kbench_ring {
	NDIS_HANDLE pool;
	PNET_BUFFER_LIST *nbls;		/* all of them, for freeing */
	unsigned int n;
	struct llist_head free;		/* completed: any context puts them here */
	struct llist_node *ready;	/* taken off @free by the sender alone */
	atomic_t out;			/* sent, not completed */
	atomic_t failed;		/* completed with a status other than SUCCESS */
};

/* Free and used memory at one moment, in pages (kbench_mem.c). */
struct ndis_kbench_mem {
	long free;			/* free pages, per-CPU lists included */
	long slab;			/* slab pages, large kmalloc included */
};

extern unsigned int ndis_kbench_timeout_s;
extern wait_queue_head_t ndis_kbench_wq;
extern struct ndis_kbench_proto ndis_kbench_protos[NDIS_KBENCH_PROTOS];
extern atomic_long_t ndis_kbench_rx;
extern long ndis_kbench_rx_goal;

/* kbench_report.c: the lines the guest reads back from debugfs */
void ndis_kbench_out_reset(void);
void ndis_kbench_out_show(struct seq_file *m);
__printf(2, 3) void ndis_kbench_error(const char *measure, const char *fmt, ...);
__printf(7, 8) void ndis_kbench_report(const char *measure, const char *nic, unsigned int size,
				       unsigned int round, u64 ours_e4, u64 theirs_e4,
				       const char *fmt, ...);
int ndis_kbench_waited(const char *measure, const char *what, long left);

/*
 * Wait for @cond, at most ndis_kbench_timeout_s: 0, or an error line
 * naming @what and -ETIMEDOUT (or -EINTR).
 */
#define ndis_kbench_wait(measure, cond, what)					\
	ndis_kbench_waited(measure, what,					\
			   wait_event_interruptible_timeout(ndis_kbench_wq, cond, \
							    ndis_kbench_timeout_s * HZ))

/* kbench_proto.c: the bench protocol drivers */
void __init ndis_kbench_proto_setup(void);
struct ndis_kbench_proto *ndis_kbench_proto_init(unsigned int i, const char *name);
int ndis_kbench_proto_register(const char *measure, struct ndis_kbench_proto *p);
int ndis_kbench_deregister_all(const char *measure);
bool ndis_kbench_deregister_busy(void);
void ndis_kbench_proto_exit(void);
int ndis_kbench_running(unsigned int first, unsigned int n);
int ndis_kbench_wait_running(const char *measure, unsigned int first, unsigned int n,
			     int target);
struct ndis_kbench_binding *ndis_kbench_binding_of(struct ndis_kbench_proto *p,
						   const char *adapter);
int ndis_kbench_oid(const char *measure, struct ndis_kbench_binding *b,
		    NDIS_REQUEST_TYPE type, NDIS_OID oid, ULONG value);

/* kbench_ring.c */
int ndis_kbench_ring_init(struct ndis_kbench_ring *r, NDIS_HANDLE protocol, unsigned int n,
			  const u8 *frame, unsigned int len);
void ndis_kbench_ring_free(struct ndis_kbench_ring *r);
PNET_BUFFER_LIST ndis_kbench_ring_get(const char *measure, struct ndis_kbench_ring *r);
void ndis_kbench_ring_put(PNET_BUFFER_LIST nbl);
int ndis_kbench_ring_drain(const char *measure, struct ndis_kbench_ring *r);

/* kbench_mem.c */
void ndis_kbench_mem_snapshot(struct ndis_kbench_mem *m);

/* One file per measure; each takes the rest of its command line. */
int ndis_kbench_unbind_run(const char *args);
int ndis_kbench_kxmit_run(const char *args);
void ndis_kbench_kxmit_exit(void);
int ndis_kbench_fanout_run(const char *args);
int ndis_kbench_scale_run(const char *args);

/* A frame of @len bytes: broadcast, from @src, our EtherType, 0x5a after. */
static inline void ndis_kbench_frame(u8 *frame, unsigned int len, const u8 *src)
{
	memset(frame, 0x5a, len);
	eth_broadcast_addr(frame);
	ether_addr_copy(frame + ETH_ALEN, src);
	put_unaligned_be16(NDIS_KBENCH_ETHERTYPE, frame + 2 * ETH_ALEN);
}

#endif /* _NDIS_KBENCH_H */
