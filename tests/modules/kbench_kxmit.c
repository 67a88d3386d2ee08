// SPDX-License-Identifier: GPL-2.0
/*
 * kxmit: sending from the kernel. A protocol bound to nd-IFNAME sends NBLs
 * of a ring (allocated once, used again after each completion, at most
 * NDIS_KBENCH_KXMIT_WINDOW in flight) through NdisSendNetBufferLists and
 * ndis_netdev (ours), against this module calling dev_queue_xmit() on the
 * same net_device with an skb per frame, at most as many in flight (theirs).
 * Both count a frame done when the device has consumed it: the NBL's
 * completion, the skb's destructor.
 *
 *   kxmit NIC IFNAME SIZE ROUNDS BLOCKS BLOCK [ours|theirs]
 *
 * Each round alternates BLOCKS blocks of BLOCK frames of each side, time
 * summed per side; the figures are frames per second. With "ours" or
 * "theirs" that side runs alone (tests/bench-profile.sh profiles it): the
 * other one's figure is 0, and so is the ratio.
 */
#include <linux/ktime.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>

#include "kbench.h"

#define NDIS_KBENCH_KXMIT_WINDOW	256

/* Linux's side: skbs given to dev_queue_xmit() and not consumed yet. */
static atomic_t ndis_kbench_kxmit_out = ATOMIC_INIT(0);

/* Which sides run: both, as make bench wants, or one alone. */
enum ndis_kbench_kxmit_side {
	NDIS_KBENCH_KXMIT_BOTH,
	NDIS_KBENCH_KXMIT_OURS,
	NDIS_KBENCH_KXMIT_THEIRS,
};

struct ndis_kbench_kxmit {
	const char *nic;
	enum ndis_kbench_kxmit_side side;
	unsigned int size;
	unsigned int blocks;
	unsigned int block;
	struct net_device *dev;
	struct ndis_kbench_binding *b;
	struct ndis_kbench_ring ring;
	u8 frame[ETH_FRAME_LEN];
	unsigned int drops;		/* dev_queue_xmit() refused them */
};

/* Any context, interrupts off included: the device consumed the frame. */
static void ndis_kbench_kxmit_skb_done(struct sk_buff *skb)
{
	atomic_dec(&ndis_kbench_kxmit_out);
	if (wq_has_sleeper(&ndis_kbench_wq))
		wake_up(&ndis_kbench_wq);
}

/* Ours: BLOCK frames through NdisSendNetBufferLists, until all completed. */
static int ndis_kbench_kxmit_ndis(struct ndis_kbench_kxmit *x, u64 *ns)
{
	PNET_BUFFER_LIST nbl;
	u64 t0 = ktime_get_ns();
	unsigned int i;

	if (x->side == NDIS_KBENCH_KXMIT_THEIRS)
		return 0;
	for (i = 0; i < x->block; i++) {
		nbl = ndis_kbench_ring_get("kxmit", &x->ring);
		if (!nbl)
			return -ETIMEDOUT;
		NdisSendNetBufferLists(x->b->handle, nbl, 0, 0);
	}
	if (ndis_kbench_ring_drain("kxmit", &x->ring))
		return -ETIMEDOUT;
	*ns += ktime_get_ns() - t0;
	return 0;
}

/* Theirs: BLOCK skbs through dev_queue_xmit(), until all consumed. */
static int ndis_kbench_kxmit_linux(struct ndis_kbench_kxmit *x, u64 *ns)
{
	struct net_device *dev = x->dev;
	u64 t0 = ktime_get_ns();
	struct sk_buff *skb;
	unsigned int i;
	int rc;

	if (x->side == NDIS_KBENCH_KXMIT_OURS)
		return 0;
	for (i = 0; i < x->block; i++) {
		if (ndis_kbench_wait("kxmit", atomic_read(&ndis_kbench_kxmit_out) <
				     NDIS_KBENCH_KXMIT_WINDOW, "dev_queue_xmit() frames consumed"))
			return -ETIMEDOUT;
		skb = alloc_skb(LL_RESERVED_SPACE(dev) + x->size + dev->needed_tailroom,
				GFP_KERNEL);
		if (!skb) {
			ndis_kbench_error("kxmit", "no memory for an skb");
			return -ENOMEM;
		}
		skb_reserve(skb, LL_RESERVED_SPACE(dev));
		skb_put_data(skb, x->frame, x->size);
		skb->dev = dev;
		skb->protocol = htons(NDIS_KBENCH_ETHERTYPE);
		skb_reset_mac_header(skb);
		skb_set_network_header(skb, ETH_HLEN);
		skb->destructor = ndis_kbench_kxmit_skb_done;
		atomic_inc(&ndis_kbench_kxmit_out);
		rc = dev_queue_xmit(skb);	/* consumes the skb whatever it returns */
		if (rc != NET_XMIT_SUCCESS && rc != NET_XMIT_CN)
			x->drops++;
	}
	if (ndis_kbench_wait("kxmit", !atomic_read(&ndis_kbench_kxmit_out),
			     "the last dev_queue_xmit() frames consumed"))
		return -ETIMEDOUT;
	*ns += ktime_get_ns() - t0;
	return 0;
}

/* Frames per second, x 10^4; 0 for a side that did not run. */
static u64 ndis_kbench_kxmit_rate(u64 frames, u64 ns)
{
	return ns ? mul_u64_u64_div_u64(frames, 10000ULL * NSEC_PER_SEC, ns) : 0;
}

static int ndis_kbench_kxmit_round(struct ndis_kbench_kxmit *x, unsigned int round)
{
	u64 ours = 0, theirs = 0, frames = (u64)x->blocks * x->block;
	unsigned int blk;
	int err = 0;

	x->drops = 0;
	atomic_set(&x->ring.failed, 0);
	for (blk = 0; blk < x->blocks && !err; blk++) {
		/* Alternate which side goes first, as the host's speed swings. */
		if (blk % 2) {
			err = ndis_kbench_kxmit_linux(x, &theirs);
			if (!err)
				err = ndis_kbench_kxmit_ndis(x, &ours);
		} else {
			err = ndis_kbench_kxmit_ndis(x, &ours);
			if (!err)
				err = ndis_kbench_kxmit_linux(x, &theirs);
		}
	}
	if (err)
		return err;
	/* Frames per second, x 10^4. */
	ndis_kbench_report("kxmit", x->nic, x->size, round, ndis_kbench_kxmit_rate(frames, ours),
			   ndis_kbench_kxmit_rate(frames, theirs),
			   " frames=%llu failed_ours=%d drops_theirs=%u window=%u",
			   frames, atomic_read(&x->ring.failed), x->drops,
			   NDIS_KBENCH_KXMIT_WINDOW);
	return 0;
}

static int ndis_kbench_kxmit_rounds(struct ndis_kbench_kxmit *x, const char *ifname,
				    unsigned int rounds)
{
	char adapter[NDIS_KBENCH_NAME_MAX];
	struct ndis_kbench_proto *p;
	unsigned int r;
	u64 warm = 0;
	int err;

	snprintf(adapter, sizeof(adapter), "nd-%s", ifname);
	p = ndis_kbench_proto_init(0, "ndis_kbench_tx");
	strscpy(p->names[0], adapter, sizeof(p->names[0]));
	err = ndis_kbench_proto_register("kxmit", p);
	if (!err)
		err = ndis_kbench_wait_running("kxmit", 0, 1, 1);
	if (err)
		return err;
	x->b = ndis_kbench_binding_of(p, adapter);
	if (!x->b) {
		ndis_kbench_error("kxmit", "no binding to %s", adapter);
		return -ENODEV;
	}
	ndis_kbench_frame(x->frame, x->size, x->b->mac);
	err = ndis_kbench_ring_init(&x->ring, p->handle, NDIS_KBENCH_KXMIT_WINDOW, x->frame,
				    x->size);
	if (err) {
		ndis_kbench_error("kxmit", "no memory for %u NBLs", NDIS_KBENCH_KXMIT_WINDOW);
		return err;
	}
	/* Untimed: both paths run once before anything counts (TCG translates on first use). */
	err = ndis_kbench_kxmit_ndis(x, &warm);
	if (!err)
		err = ndis_kbench_kxmit_linux(x, &warm);
	for (r = 1; r <= rounds && !err; r++)
		err = ndis_kbench_kxmit_round(x, r);
	/* The ring may go only once every NBL is back. */
	if (!ndis_kbench_ring_drain("kxmit", &x->ring))
		ndis_kbench_ring_free(&x->ring);
	return err;
}

/**
 * ndis_kbench_kxmit_run() - the kxmit measure
 * @args: "NIC IFNAME SIZE ROUNDS BLOCKS BLOCK [ours|theirs]"
 *
 * Return: 0, or a negative errno after an error line.
 */
int ndis_kbench_kxmit_run(const char *args)
{
	char nic[16], ifname[IFNAMSIZ], side[8] = "";
	struct ndis_kbench_kxmit *x;
	unsigned int rounds;
	int n, err, err2;

	x = kzalloc(sizeof(*x), GFP_KERNEL);
	if (!x)
		return -ENOMEM;
	n = sscanf(args, "%15s %15s %u %u %u %u %7s", nic, ifname, &x->size, &rounds, &x->blocks,
		   &x->block, side);
	if (!strcmp(side, "ours"))
		x->side = NDIS_KBENCH_KXMIT_OURS;
	else if (!strcmp(side, "theirs"))
		x->side = NDIS_KBENCH_KXMIT_THEIRS;
	else if (n == 7)
		n = 0;
	if ((n != 6 && n != 7) || x->size < ETH_ZLEN || x->size > ETH_FRAME_LEN || !rounds ||
	    !x->blocks || !x->block) {
		ndis_kbench_error("kxmit", "usage: kxmit NIC IFNAME SIZE(60-1514) ROUNDS BLOCKS %s",
				  "BLOCK [ours|theirs]");
		kfree(x);
		return -EINVAL;
	}
	x->nic = nic;
	x->dev = dev_get_by_name(&init_net, ifname);
	if (!x->dev) {
		ndis_kbench_error("kxmit", "no device %s", ifname);
		kfree(x);
		return -ENODEV;
	}
	err = ndis_kbench_kxmit_rounds(x, ifname, rounds);
	err2 = ndis_kbench_deregister_all("kxmit");
	dev_put(x->dev);
	/* A ring that could not drain stays: its NBLs are still out. */
	if (!x->ring.nbls)
		kfree(x);
	return err ?: err2;
}

/**
 * ndis_kbench_kxmit_exit() - wait for skbs whose destructor is ours
 *
 * Context: module exit.
 */
void ndis_kbench_kxmit_exit(void)
{
	wait_event(ndis_kbench_wq, !atomic_read(&ndis_kbench_kxmit_out));
}
