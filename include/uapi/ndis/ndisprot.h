/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * /dev/ndisprot: raw Ethernet frames on any NDIS adapter, for user space.
 *
 * Open the device (CAP_NET_RAW), optionally list the adapters, attach the
 * file to one adapter by name, choose what to receive, then read() and
 * write() whole frames (readv/writev, poll/select and O_NONBLOCK work as
 * for any file). One read returns one frame; one write sends one frame.
 * NDISPROT_IOC_SEND_BATCH and NDISPROT_IOC_RECV_BATCH move many frames in
 * one call.
 *
 * Every ioctl argument starts with __u32 size, which the caller sets to
 * sizeof() the structure it was built with. The driver accepts a size
 * from the first version of the structure up to its own, and refuses
 * larger ones that carry non-zero bytes it does not know, or larger than
 * a page (E2BIG). On return, size holds the driver's own size: output is
 * written up to that, never beyond the caller's size. Bumping
 * NDISPROT_ABI_VERSION means a new field at the end of a structure or a
 * new ioctl: a caller built against an older header keeps working.
 * ABI 2 changed one behaviour: a write returns when its frame is handed
 * to the adapter, no longer when the adapter completed it (see below).
 *
 * errno, beyond the usual EFAULT and EINVAL for malformed arguments:
 *   EPERM          open without CAP_NET_RAW
 *   ENOTCONN       read, write or an adapter ioctl on a file not attached
 *   ENODEV         ATTACH: no such adapter (or not 802.3); read, write,
 *                  poll (POLLERR): the adapter was unbound or removed;
 *                  ATTACH again (to it once it is back, or another)
 *   EISCONN        ATTACH on a file that is attached to a live adapter
 *   EOPNOTSUPP     SET_FILTER: the adapter cannot filter that way
 *   EIO            SET_FILTER: the adapter refused the filter
 *   ENETDOWN       write while the adapter is paused or its link is down
 *   EAGAIN         O_NONBLOCK read with nothing queued
 *   EINVAL         write of a frame shorter than 14 bytes (Ethernet
 *                  header) or longer than the adapter's MTU + 14
 *   EADDRNOTAVAIL  write whose source MAC is not the adapter's, unless the
 *                  file set NDISPROT_OPT_ANY_SOURCE
 *   EMSGSIZE       read into a buffer shorter than the frame (the frame is
 *                  dropped; NDISPROT_FRAME_MAX always suffices)
 *   EACCES         OID: not on the allow-list
 *   E2BIG          ioctl argument larger than the driver's, with non-zero
 *                  bytes past the driver's size
 *   ENOTTY         not an ndisprot ioctl
 *   ENOBUFS        write, SEND_BATCH: no memory for the frame; or, kept
 *                  (below), the adapter had no resources for an earlier one
 *   EIO            OID: the adapter failed it (the NDIS status is in the
 *                  NDISPROT_IOC_OID answer); write, SEND_BATCH, fsync:
 *                  kept (below), the adapter failed an earlier frame
 *   EAGAIN         O_NONBLOCK write or SEND_BATCH with the file's send
 *                  window full (see below)
 *   EINTR          a blocking write or SEND_BATCH waited for room in the
 *                  window, or fsync for the frames in flight, and a signal
 *                  came first (nothing was sent; with SA_RESTART the call
 *                  restarts instead)
 *
 * Sending is asynchronous. A write returns as soon as its frame is handed
 * to the adapter; the frame then counts in the file's send window until
 * the adapter completes it. The window holds NDISPROT_TX_WINDOW_DEFAULT
 * frames, or what NDISPROT_IOC_SET_TX_WINDOW set (1 up to
 * NDISPROT_TX_WINDOW_MAX). With the window full, a write waits for room
 * or, with O_NONBLOCK, fails with EAGAIN; poll() reports POLLOUT when
 * there is room (and the adapter is running with its link up).
 *
 * A frame the adapter fails after its write returned is counted in STATS
 * (tx_errors), and the failure is kept, as a socket keeps SO_ERROR: the
 * next write, SEND_BATCH or fsync() on the file returns it (ENETDOWN:
 * paused or link down; ENOBUFS: no resources; EIO: anything else) instead
 * of doing anything else, and clears it; poll() reports POLLERR while one
 * is kept (reads do not take it). Only the first failure since the last
 * report is kept; STATS counts them all.
 *
 * fsync() (or fdatasync()) waits until every frame of the file completed,
 * then returns a kept failure, if any: when it returns 0, every frame
 * written since the last failure was reported left the adapter. close()
 * does not wait: frames still in flight complete and are counted on the
 * adapter's line of NDISPROT_STATS_FILE. Unbinding or removing the
 * adapter, and rmmod, wait for every frame in flight.
 */
#ifndef _UAPI_NDIS_NDISPROT_H
#define _UAPI_NDIS_NDISPROT_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define NDISPROT_DEVICE		"/dev/ndisprot"
/*
 * One line per bound adapter: "<adapter> files=N rx_frames=N rx_dropped=N
 * tx_frames=N tx_errors=N".
 */
#define NDISPROT_STATS_FILE	"/sys/class/misc/ndisprot/stats"
#define NDISPROT_ABI_VERSION	2	/* 2: async send, batches, SET_TX_WINDOW */
#define NDISPROT_NAME_MAX	32	/* adapter names, NUL included */
#define NDISPROT_FRAME_MAX	9018	/* the largest frame read() returns */
#define NDISPROT_ETHERTYPES_MAX	16
#define NDISPROT_OID_DATA_MAX	256
#define NDISPROT_RXQ_MAX	256	/* frames queued per file; then dropped */
#define NDISPROT_TX_WINDOW_DEFAULT 256	/* frames a file may have in flight */
#define NDISPROT_TX_WINDOW_MAX	1024	/* the largest SET_TX_WINDOW */
/* ABI 1's bound on frames in flight, 64 then; now the default window. */
#define NDISPROT_TX_INFLIGHT_MAX NDISPROT_TX_WINDOW_DEFAULT
#define NDISPROT_BATCH_MAX	1024	/* frames one batch call moves at most */

/* NDISPROT_IOC_VERSION: the ABI and driver versions. */
struct ndisprot_version {
	__u32 size;
	__u32 abi;		/* out: NDISPROT_ABI_VERSION */
	char driver[16];	/* out: e.g. "0.1.0", NUL-terminated */
};

/* One adapter of NDISPROT_IOC_LIST. */
struct ndisprot_adapter {
	char name[NDISPROT_NAME_MAX];	/* NUL-terminated */
	__u8 mac[6];
	__u8 link_up;		/* 1: connected */
	__u8 running;		/* 1: the binding is running (not paused) */
	__u32 mtu;
};

/* NDISPROT_IOC_LIST: the adapters ndisprot is bound to. */
struct ndisprot_list {
	__u32 size;
	__u32 count;		/* in: entries @adapters holds; out: adapters there are */
	__u64 adapters;		/* in: user pointer to struct ndisprot_adapter[count] */
};

/* NDISPROT_IOC_ATTACH: bind this file to an adapter, by name. */
struct ndisprot_attach {
	__u32 size;
	__u32 flags;		/* 0 */
	char adapter[NDISPROT_NAME_MAX];
};

/* Packet filter bits: which destination addresses the file receives. */
#define NDISPROT_RX_DIRECTED	0x0001	/* the adapter's own address */
#define NDISPROT_RX_MULTICAST	0x0002	/* multicast (all groups) */
#define NDISPROT_RX_BROADCAST	0x0008
#define NDISPROT_RX_PROMISCUOUS	0x0020	/* everything on the wire */

/*
 * NDISPROT_IOC_SET_FILTER: what the file receives. A frame is queued when
 * its destination matches @packet_filter and, if @n_ethertypes is not 0,
 * its EtherType (after one VLAN tag, if any) is one of @ethertypes (host
 * byte order). Attaching starts with nothing: packet_filter 0.
 */
struct ndisprot_filter {
	__u32 size;
	__u32 packet_filter;
	__u32 n_ethertypes;
	__u16 ethertypes[NDISPROT_ETHERTYPES_MAX];
	__u16 reserved[2];	/* 0 */
};

/* NDISPROT_IOC_SET_OPTIONS flags */
#define NDISPROT_OPT_ANY_SOURCE	0x0001	/* write any source MAC */

struct ndisprot_options {
	__u32 size;
	__u32 flags;
};

/*
 * NDISPROT_IOC_OID: query or set one OID on the attached adapter. Allowed:
 * queries of the OIDs below; sets of NDISPROT_OID_802_3_MULTICAST_LIST
 * (the adapter's list, shared by every file). The values are the DDI's.
 */
#define NDISPROT_OID_GEN_SUPPORTED_LIST		0x00010101
#define NDISPROT_OID_GEN_MAXIMUM_FRAME_SIZE	0x00010106
#define NDISPROT_OID_GEN_LINK_SPEED		0x00010107
#define NDISPROT_OID_GEN_CURRENT_PACKET_FILTER	0x0001010E
#define NDISPROT_OID_GEN_MAXIMUM_TOTAL_SIZE	0x00010111
#define NDISPROT_OID_GEN_MEDIA_CONNECT_STATUS	0x00010114
#define NDISPROT_OID_GEN_LINK_STATE		0x00010207
#define NDISPROT_OID_GEN_XMIT_OK		0x00020101
#define NDISPROT_OID_GEN_RCV_OK			0x00020102
#define NDISPROT_OID_GEN_STATISTICS		0x00020106
#define NDISPROT_OID_802_3_PERMANENT_ADDRESS	0x01010101
#define NDISPROT_OID_802_3_CURRENT_ADDRESS	0x01010102
#define NDISPROT_OID_802_3_MULTICAST_LIST	0x01010103
#define NDISPROT_OID_802_3_MAXIMUM_LIST_SIZE	0x01010104

struct ndisprot_oid {
	__u32 size;
	__u32 oid;
	__u32 set;		/* 0: query, 1: set */
	__u32 length;		/* in: set: bytes used; query: ignored */
				/* out: bytes written, read or needed */
	__u32 status;		/* out: the NDIS_STATUS */
	__u32 reserved;		/* 0 */
	__u8 data[NDISPROT_OID_DATA_MAX];
};

/* NDISPROT_IOC_STATS: this file's counters. */
struct ndisprot_stats {
	__u32 size;
	__u32 queued;		/* frames waiting to be read now */
	__u64 rx_frames;	/* frames read */
	__u64 rx_bytes;
	__u64 rx_dropped;	/* frames lost: queue full */
	__u64 tx_frames;	/* frames the adapter sent */
	__u64 tx_bytes;
	__u64 tx_errors;	/* frames refused by write or failed by the adapter */
	/* ABI 2 */
	__u32 tx_inflight;	/* frames written and not completed yet */
	__u32 tx_window;	/* the file's send window */
};

/* NDISPROT_IOC_SET_TX_WINDOW: frames the file may have in flight. */
struct ndisprot_tx_window {
	__u32 size;
	__u32 frames;		/* 1 .. NDISPROT_TX_WINDOW_MAX */
};

/* One frame of a batch. */
struct ndisprot_frame {
	__u64 data;		/* user pointer to the frame, or to a buffer for it */
	__u32 len;		/* send: the frame's length; receive: in: the */
				/* buffer's size; out: the frame's length */
	__u32 flags;		/* send: 0; receive: out: NDISPROT_FRAME_* */
};

#define NDISPROT_FRAME_TRUNCATED 0x0001	/* the buffer held only its first len bytes */

/*
 * NDISPROT_IOC_SEND_BATCH: send @count frames in order, as one NBL chain.
 * Each frame is checked as a write checks it; the call stops before the
 * first it refuses. Blocking, it waits for room in the window until all
 * are sent (a signal ends it early); with O_NONBLOCK it sends what fits.
 * Returns 0 with @count set to the frames sent, or, if none was sent, the
 * errno a write of the first frame would have had (or the failure kept
 * from an earlier frame; see above), as sendmmsg() does.
 *
 * NDISPROT_IOC_RECV_BATCH: read up to @count queued frames, waiting (as
 * read does) only while none is queued. A frame longer than its buffer is
 * cut to it, with NDISPROT_FRAME_TRUNCATED and its full length in len.
 * Returns 0 with @count set to the frames read.
 *
 * At most NDISPROT_BATCH_MAX frames are taken from one call; @count says
 * how many were.
 */
struct ndisprot_batch {
	__u32 size;
	__u32 count;		/* in: entries @frames holds; out: frames moved */
	__u64 frames;		/* user pointer to struct ndisprot_frame[count] */
	__u32 flags;		/* 0 */
	__u32 reserved;		/* 0 */
};

#define NDISPROT_IOC_MAGIC	0xD1
#define NDISPROT_IOC_VERSION	_IOWR(NDISPROT_IOC_MAGIC, 0, struct ndisprot_version)
#define NDISPROT_IOC_LIST	_IOWR(NDISPROT_IOC_MAGIC, 1, struct ndisprot_list)
#define NDISPROT_IOC_ATTACH	_IOW(NDISPROT_IOC_MAGIC, 2, struct ndisprot_attach)
#define NDISPROT_IOC_SET_FILTER	_IOW(NDISPROT_IOC_MAGIC, 3, struct ndisprot_filter)
#define NDISPROT_IOC_SET_OPTIONS _IOW(NDISPROT_IOC_MAGIC, 4, struct ndisprot_options)
#define NDISPROT_IOC_OID	_IOWR(NDISPROT_IOC_MAGIC, 5, struct ndisprot_oid)
#define NDISPROT_IOC_STATS	_IOWR(NDISPROT_IOC_MAGIC, 6, struct ndisprot_stats)
#define NDISPROT_IOC_SET_TX_WINDOW _IOW(NDISPROT_IOC_MAGIC, 7, struct ndisprot_tx_window)
#define NDISPROT_IOC_SEND_BATCH	_IOWR(NDISPROT_IOC_MAGIC, 8, struct ndisprot_batch)
#define NDISPROT_IOC_RECV_BATCH	_IOWR(NDISPROT_IOC_MAGIC, 9, struct ndisprot_batch)

#endif /* _UAPI_NDIS_NDISPROT_H */
