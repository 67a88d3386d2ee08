// SPDX-License-Identifier: GPL-2.0
/*
 * fanout: the cost of one receive indication with N protocols bound,
 * against one protocol. Two pairs of ndis_vmini devices, each pair in a
 * hub of its own: what one device sends the other indicates to every
 * protocol bound to it. N protocols bind to RX_MANY, one of them also to
 * RX_REF; a sender protocol binds to TX_MANY and TX_REF.
 *
 *   fanout N ROUNDS BLOCKS FRAMES TX_REF RX_REF TX_MANY RX_MANY
 *
 * A block sends FRAMES broadcast frames on one side and ends when every
 * protocol there has received all of them. Each round alternates BLOCKS
 * blocks of each side; the figures are the time per frame (ns), with N
 * protocols (ours) and with one (theirs), so the goal is a ratio <= N.
 */
#include <linux/ktime.h>
#include <linux/slab.h>

#include "kbench.h"

#define NDIS_KBENCH_FANOUT_MAX		16
#define NDIS_KBENCH_FANOUT_SENDER	16	/* protocol slot */
#define NDIS_KBENCH_FANOUT_FRAMES_MAX	1000	/* below ndis_vmini's receive queue */
#define NDIS_KBENCH_FANOUT_RING		256
#define NDIS_KBENCH_FANOUT_LEN		ETH_ZLEN
#define NDIS_KBENCH_FANOUT_WARMUP	32

struct ndis_kbench_fanout_side {
	struct ndis_kbench_binding *tx;
	unsigned int receivers;
};

struct ndis_kbench_fanout {
	unsigned int n;
	unsigned int blocks;
	unsigned int frames;
	char adapter[4][NDIS_KBENCH_NAME_MAX];	/* TX_REF RX_REF TX_MANY RX_MANY */
	struct ndis_kbench_fanout_side ref, many;
	struct ndis_kbench_ring ring;
};

/* One block on one side: send, wait until every receiver has every frame. */
static int ndis_kbench_fanout_block(struct ndis_kbench_fanout *f,
				    struct ndis_kbench_fanout_side *s, unsigned int frames,
				    u64 *ns)
{
	long goal = (long)frames * s->receivers;
	PNET_BUFFER_LIST nbl;
	unsigned int i;
	int err = 0;
	u64 t0;

	atomic_long_set(&ndis_kbench_rx, 0);
	WRITE_ONCE(ndis_kbench_rx_goal, goal);
	t0 = ktime_get_ns();
	for (i = 0; i < frames && !err; i++) {
		nbl = ndis_kbench_ring_get("fanout", &f->ring);
		if (nbl)
			NdisSendNetBufferLists(s->tx->handle, nbl, 0, 0);
		else
			err = -ETIMEDOUT;
	}
	if (!err)
		err = ndis_kbench_wait("fanout", atomic_long_read(&ndis_kbench_rx) >= goal,
				       "every protocol's frames");
	*ns += ktime_get_ns() - t0;
	WRITE_ONCE(ndis_kbench_rx_goal, LONG_MAX);
	if (err)
		ndis_kbench_error("fanout", "%ld of %ld frames received from %s (sends failed: %d)",
				  atomic_long_read(&ndis_kbench_rx), goal, s->tx->adapter,
				  atomic_read(&f->ring.failed));
	return err ?: ndis_kbench_ring_drain("fanout", &f->ring);
}

/* Every receiving binding takes broadcasts; then the miniports must have them. */
static int ndis_kbench_fanout_filters(struct ndis_kbench_fanout *f)
{
	struct ndis_kbench_binding *b;
	unsigned int i, a;
	int err;

	for (i = 0; i < f->n; i++) {
		for (a = 1; a < 4; a += 2) {
			b = ndis_kbench_binding_of(&ndis_kbench_protos[i], f->adapter[a]);
			if (!b)
				continue;
			err = ndis_kbench_oid("fanout", b, NdisRequestSetInformation,
					      OID_GEN_CURRENT_PACKET_FILTER,
					      NDIS_PACKET_TYPE_BROADCAST);
			if (err)
				return err;
		}
	}
	/*
	 * NDIS sends the merged filter to the miniport in its own request,
	 * queued with the others in order: a request the miniport answers,
	 * once back, says that the filter is there.
	 */
	for (a = 1; a < 4; a += 2) {
		b = ndis_kbench_binding_of(&ndis_kbench_protos[0], f->adapter[a]);
		err = b ? ndis_kbench_oid("fanout", b, NdisRequestQueryInformation,
					  OID_GEN_RCV_OK, 0) : -ENODEV;
		if (err)
			return err;
	}
	return 0;
}

static int ndis_kbench_fanout_setup(struct ndis_kbench_fanout *f)
{
	struct ndis_kbench_proto *p;
	char name[NDIS_KBENCH_NAME_MAX];
	unsigned int i;
	int err;

	p = ndis_kbench_proto_init(NDIS_KBENCH_FANOUT_SENDER, "ndis_kbench_ftx");
	strscpy(p->names[0], f->adapter[0], sizeof(p->names[0]));
	strscpy(p->names[1], f->adapter[2], sizeof(p->names[1]));
	err = ndis_kbench_proto_register("fanout", p);
	for (i = 0; i < f->n && !err; i++) {
		snprintf(name, sizeof(name), "ndis_kbench_frx%u", i);
		p = ndis_kbench_proto_init(i, name);
		strscpy(p->names[0], f->adapter[3], sizeof(p->names[0]));
		if (!i)
			strscpy(p->names[1], f->adapter[1], sizeof(p->names[1]));
		err = ndis_kbench_proto_register("fanout", p);
	}
	if (!err)
		err = ndis_kbench_wait_running("fanout", NDIS_KBENCH_FANOUT_SENDER, 1, 2);
	if (!err)
		err = ndis_kbench_wait_running("fanout", 0, f->n, f->n + 1);
	if (err)
		return err;
	p = &ndis_kbench_protos[NDIS_KBENCH_FANOUT_SENDER];
	f->ref.tx = ndis_kbench_binding_of(p, f->adapter[0]);
	f->ref.receivers = 1;
	f->many.tx = ndis_kbench_binding_of(p, f->adapter[2]);
	f->many.receivers = f->n;
	if (!f->ref.tx || !f->many.tx) {
		ndis_kbench_error("fanout", "the sender is not bound to %s and %s",
				  f->adapter[0], f->adapter[2]);
		return -ENODEV;
	}
	return ndis_kbench_fanout_filters(f);
}

static int ndis_kbench_fanout_round(struct ndis_kbench_fanout *f, unsigned int round)
{
	u64 ours = 0, theirs = 0, frames = (u64)f->blocks * f->frames;
	unsigned int blk;
	int err = 0;

	for (blk = 0; blk < f->blocks && !err; blk++) {
		/* Alternate which side goes first, as the host's speed swings. */
		if (blk % 2) {
			err = ndis_kbench_fanout_block(f, &f->ref, f->frames, &theirs);
			if (!err)
				err = ndis_kbench_fanout_block(f, &f->many, f->frames, &ours);
		} else {
			err = ndis_kbench_fanout_block(f, &f->many, f->frames, &ours);
			if (!err)
				err = ndis_kbench_fanout_block(f, &f->ref, f->frames, &theirs);
		}
	}
	if (err)
		return err;
	/* ns per frame, x 10^4 */
	ndis_kbench_report("fanout", "vmini", f->n, round,
			   mul_u64_u64_div_u64(ours, 10000, frames),
			   mul_u64_u64_div_u64(theirs, 10000, frames),
			   " frames=%llu protocols=%u unit=ns/frame", frames, f->n);
	return 0;
}

static int ndis_kbench_fanout_rounds(struct ndis_kbench_fanout *f, unsigned int rounds)
{
	static const u8 src[ETH_ALEN] = { 0x02, 0x6b, 0x62, 0x00, 0x00, 0x01 };
	u8 frame[NDIS_KBENCH_FANOUT_LEN];
	unsigned int r;
	u64 warm = 0;
	int err;

	err = ndis_kbench_fanout_setup(f);
	if (err)
		return err;
	ndis_kbench_frame(frame, sizeof(frame), src);
	err = ndis_kbench_ring_init(&f->ring, ndis_kbench_protos[NDIS_KBENCH_FANOUT_SENDER].handle,
				    NDIS_KBENCH_FANOUT_RING, frame, sizeof(frame));
	if (err) {
		ndis_kbench_error("fanout", "no memory for %u NBLs", NDIS_KBENCH_FANOUT_RING);
		return err;
	}
	/* Untimed: both paths deliver before anything is measured. */
	err = ndis_kbench_fanout_block(f, &f->ref, NDIS_KBENCH_FANOUT_WARMUP, &warm);
	if (!err)
		err = ndis_kbench_fanout_block(f, &f->many, NDIS_KBENCH_FANOUT_WARMUP, &warm);
	for (r = 1; r <= rounds && !err; r++)
		err = ndis_kbench_fanout_round(f, r);
	if (!ndis_kbench_ring_drain("fanout", &f->ring))
		ndis_kbench_ring_free(&f->ring);
	return err;
}

/**
 * ndis_kbench_fanout_run() - the fanout measure
 * @args: "N ROUNDS BLOCKS FRAMES TX_REF RX_REF TX_MANY RX_MANY"
 *
 * Return: 0, or a negative errno after an error line.
 */
int ndis_kbench_fanout_run(const char *args)
{
	struct ndis_kbench_fanout *f;
	unsigned int rounds;
	int err, err2;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	if (sscanf(args, "%u %u %u %u %31s %31s %31s %31s", &f->n, &rounds, &f->blocks,
		   &f->frames, f->adapter[0], f->adapter[1], f->adapter[2], f->adapter[3]) != 8 ||
	    !f->n || f->n > NDIS_KBENCH_FANOUT_MAX || !rounds || !f->blocks || !f->frames ||
	    f->frames > NDIS_KBENCH_FANOUT_FRAMES_MAX) {
		ndis_kbench_error("fanout",
				  "usage: fanout N(1-%u) ROUNDS BLOCKS FRAMES(1-%u) TX_REF RX_REF TX_MANY RX_MANY",
				  NDIS_KBENCH_FANOUT_MAX, NDIS_KBENCH_FANOUT_FRAMES_MAX);
		kfree(f);
		return -EINVAL;
	}
	err = ndis_kbench_fanout_rounds(f, rounds);
	err2 = ndis_kbench_deregister_all("fanout");
	/* A ring that could not drain stays: its NBLs are still out. */
	if (!f->ring.nbls)
		kfree(f);
	return err ?: err2;
}
