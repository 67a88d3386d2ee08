/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndisprot.ko: a protocol driver that binds to every 802.3 adapter and
 * gives user space whole Ethernet frames through /dev/ndisprot (the ABI is
 * include/uapi/ndis/ndisprot.h).
 *
 * One struct ndisprot_port per binding, one struct ndisprot_file per open
 * file. A file attaches to one port and holds a reference on it; the port
 * outlives its binding until the last file lets go. Receives are copied
 * into each interested file's queue inside the receive handler and the
 * NBLs returned at once, so nothing is ever held across a pause. Writes
 * send one NBL each and return; each file has a window of frames in
 * flight, and a file lives on, detached, until its last send completed.
 *
 * Lock order: ndisprot_lock (mutex: the port list, attach) -> port->lock
 * (spinlock: state, files) -> file->rxq's own lock.
 */
#ifndef _NDISPROT_H
#define _NDISPROT_H

#include <linux/etherdevice.h>
#include <linux/kref.h>
#include <linux/mutex.h>
#include <linux/skbuff.h>
#include <linux/wait.h>
#include <ndis/ndis.h>
#include <uapi/ndis/ndisprot.h>

struct ndisprot_port {
	struct kref ref;
	struct list_head node;		/* ndisprot_ports, under ndisprot_lock */
	char name[NDISPROT_NAME_MAX];
	NDIS_HANDLE binding;		/* valid while !gone */
	NDIS_HANDLE bind_ctx;
	NDIS_MEDIUM medium;
	UINT medium_index;
	u8 mac[ETH_ALEN];
	u32 mtu;

	spinlock_t lock;		/* the fields below */
	struct list_head files;		/* attached ndisprot_files */
	bool running;			/* NetEventRestart .. NetEventPause */
	bool link_up;
	bool gone;			/* unbinding: no new send or OID */
	unsigned int sends;		/* NBLs sent and not completed */
	unsigned int oids;		/* OID requests in flight */
	PNET_BUFFER_LIST tx_cache;	/* send NBLs kept for reuse */
	unsigned int tx_cached;		/* how many */

	wait_queue_head_t wq;		/* sends and oids reaching zero */
	struct completion closed;	/* CloseAdapterComplete came */
	ULONG supported;		/* the adapter's packet filter bits */
	struct mutex filter_lock;	/* the binding's packet filter OID */
	ULONG filter;			/* the merged filter last set */
	atomic64_t rx_frames, rx_dropped, tx_frames, tx_errors;
};

struct ndisprot_file {
	refcount_t ref;			/* the open file, and each send in flight */
	struct ndisprot_port *port;	/* NULL until attached */
	atomic_t tx_inflight;		/* frames written and not completed */
	unsigned int tx_window;		/* tx_inflight's bound (READ_ONCE) */
	int tx_error;			/* first failure not reported: -errno */
	wait_queue_head_t tx_wq;	/* writers, fsync and pollers: tx_inflight drops */
	struct list_head node;		/* in port->files */
	struct mutex ioctl_lock;	/* attach and filter changes */
	struct sk_buff_head rxq;
	wait_queue_head_t wq;		/* readers and pollers */
	bool dead;			/* the port was unbound: ENODEV */
	u32 packet_filter;		/* NDISPROT_RX_* */
	u32 n_types;
	u16 types[NDISPROT_ETHERTYPES_MAX];
	u32 options;			/* NDISPROT_OPT_* */
	atomic64_t rx_frames, rx_bytes, rx_dropped, tx_frames, tx_bytes, tx_errors;
};

extern struct mutex ndisprot_lock;
extern struct list_head ndisprot_ports;
extern NDIS_HANDLE ndisprot_handle;
extern NDIS_HANDLE ndisprot_nbl_pool;

/* bind.c */
void ndisprot_chars(PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS c);
void ndisprot_port_put(struct ndisprot_port *port);
NDIS_STATUS ndisprot_port_oid(struct ndisprot_port *port, NDIS_REQUEST_TYPE type,
			      NDIS_OID oid, void *buf, UINT len, UINT *done);
int ndisprot_port_update_filter(struct ndisprot_port *port);
ULONG ndisprot_ndis_filter(u32 rx);
void ndisprot_port_wake_files(struct ndisprot_port *port);

/* data.c */
PROTOCOL_RECEIVE_NET_BUFFER_LISTS ndisprot_receive;
PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE ndisprot_send_complete;
ssize_t ndisprot_send(struct ndisprot_file *f, struct ndisprot_port *port,
		      struct iov_iter *from, bool nonblock);
int ndisprot_send_batch(struct ndisprot_file *f, struct ndisprot_port *port,
			const struct ndisprot_frame __user *frames, u32 *count, bool nonblock);
void ndisprot_tx_cache_free(struct ndisprot_port *port);

/* file.c */
extern const struct file_operations ndisprot_fops;
struct ndisprot_file *ndisprot_file_get(struct ndisprot_file *f, unsigned int n);
void ndisprot_file_put(struct ndisprot_file *f, unsigned int n);
int ndisprot_file_tx_reserve(struct ndisprot_file *f, unsigned int want, bool nonblock);
void ndisprot_file_tx_done(struct ndisprot_file *f, unsigned int n);
int ndisprot_file_tx_error(struct ndisprot_file *f);

#endif /* _NDISPROT_H */
