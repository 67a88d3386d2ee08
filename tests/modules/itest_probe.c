// SPDX-License-Identifier: GPL-2.0
/*
 * Probe frames for the integration tier: /sys/kernel/debug/ndis_itest/ctl
 * takes "filter ADAPTER HEX" (the binding's packet filter) and "send
 * ADAPTER COUNT" (COUNT probe frames through itest_proto's binding),
 * "if-stack add|del HIGHER LOWER" (NdisIfAddIfStackEntry and
 * NdisIfDeleteIfStackEntry with two interface indices), and "gso-inject
 * IFNAME" (itest_gso.c) and the stress tier's commands (itest_stress.c);
 * /sys/kernel/debug/ndis_itest/probe lists, per binding, the probe frames
 * received intact and damaged. A probe frame is a broadcast of EtherType
 * 0x88b5 whose sequence number fixes its length (60 to 1514 bytes) and
 * every payload byte, so the receiver checks it byte for byte.
 */
#include <linux/debugfs.h>
#include <linux/etherdevice.h>
#include <linux/slab.h>

#include "itest.h"

#define NDIS_PROBE_TYPE		0x88b5
#define NDIS_PROBE_MAGIC	0x4e445052	/* "NDPR" */
#define NDIS_PROBE_HDR		(ETH_HLEN + 8)	/* + magic + sequence */

static atomic_t ndis_probe_seq = ATOMIC_INIT(0);
static u8 ndis_probe_buf[ETH_FRAME_LEN];	/* under the protocol's rx_lock */
static struct dentry *ndis_probe_dir;

static unsigned int ndis_probe_len(u32 seq)
{
	return ETH_ZLEN + (seq * 97) % (ETH_FRAME_LEN - ETH_ZLEN + 1);
}

static u8 ndis_probe_byte(u32 seq, unsigned int i)
{
	return (seq + i) * 13;
}

static void ndis_probe_build(u8 *frame, u32 seq, const u8 *src)
{
	unsigned int i, len = ndis_probe_len(seq);

	eth_broadcast_addr(frame);
	ether_addr_copy(frame + ETH_ALEN, src);
	put_unaligned_be16(NDIS_PROBE_TYPE, frame + 12);
	put_unaligned_be32(NDIS_PROBE_MAGIC, frame + ETH_HLEN);
	put_unaligned_be32(seq, frame + ETH_HLEN + 4);
	for (i = NDIS_PROBE_HDR; i < len; i++)
		frame[i] = ndis_probe_byte(seq, i);
}

/* fp->rx_hook: judge one received frame, if it is a probe. */
static void ndis_probe_rx(struct ndis_fake_open *open, PNET_BUFFER nb)
{
	ULONG len = NET_BUFFER_DATA_LENGTH(nb);
	unsigned int i;
	const u8 *p;
	u32 seq;

	if (len < NDIS_PROBE_HDR || len > sizeof(ndis_probe_buf))
		return;
	p = NdisGetDataBuffer(nb, len, ndis_probe_buf, 1, 0);
	if (!p || get_unaligned_be16(p + 12) != NDIS_PROBE_TYPE ||
	    get_unaligned_be32(p + ETH_HLEN) != NDIS_PROBE_MAGIC)
		return;
	seq = get_unaligned_be32(p + ETH_HLEN + 4);
	if (len != ndis_probe_len(seq) || !is_broadcast_ether_addr(p))
		goto bad;
	for (i = NDIS_PROBE_HDR; i < ndis_probe_len(seq); i++)
		if (p[i] != ndis_probe_byte(seq, i))
			goto bad;
	atomic_inc(&open->probe_ok);
	return;
bad:
	atomic_inc(&open->probe_bad);
}

static NDIS_STATUS ndis_probe_oid(struct ndis_fake_protocol *fp, const char *adapter,
				  NDIS_REQUEST_TYPE type, NDIS_OID oid, void *buf, UINT len)
{
	int before = atomic_read(&fp->oid_completions);
	NDIS_OID_REQUEST req;
	NDIS_STATUS status;

	ndis_fake_oid_init(&req, type, oid, buf, len, NULL);
	/* Gated: the NIC may be unplugged meanwhile, its binding closed. */
	status = ndis_fake_oid_request(fp, adapter, &req);
	if (status != NDIS_STATUS_PENDING)
		return status;
	/* NDIS answers these itself; should one pend, @req must outlive it. */
	wait_event(fp->wq, atomic_read(&fp->oid_completions) != before);
	return READ_ONCE(fp->last_oid_status);
}

static int ndis_probe_send(struct ndis_fake_protocol *fp, const char *adapter,
			   unsigned int count)
{
	u8 src[ETH_ALEN], *frame;
	unsigned int i;
	int err = 0;
	u32 seq;

	if (ndis_probe_oid(fp, adapter, NdisRequestQueryInformation, OID_802_3_CURRENT_ADDRESS,
			   src, sizeof(src)) != NDIS_STATUS_SUCCESS)
		return -ENODEV;
	frame = kmalloc(ETH_FRAME_LEN, GFP_KERNEL);
	if (!frame)
		return -ENOMEM;
	for (i = 0; i < count && !err; i++) {
		seq = atomic_inc_return(&ndis_probe_seq);
		ndis_probe_build(frame, seq, src);
		err = ndis_fake_send_frame(fp, adapter, frame, ndis_probe_len(seq));
	}
	kfree(frame);
	return err;
}

/* "if-stack add|del HIGHER LOWER". Return: 0, -errno, -ENOENT if it is none. */
static int ndis_probe_if_stack(const char *buf)
{
	unsigned int higher, lower;
	char op[4];

	if (sscanf(buf, "if-stack %3s %u %u", op, &higher, &lower) != 3)
		return -ENOENT;
	if (!strcmp(op, "del")) {
		NdisIfDeleteIfStackEntry(higher, lower);
		return 0;
	}
	if (strcmp(op, "add"))
		return -EINVAL;
	switch (NdisIfAddIfStackEntry(higher, lower)) {
	case NDIS_STATUS_SUCCESS:
		return 0;
	case NDIS_STATUS_INTERFACE_NOT_FOUND:
		return -ENODEV;
	case NDIS_STATUS_INVALID_PARAMETER:
		return -EINVAL;
	default:
		return -EIO;
	}
}

static ssize_t ndis_probe_ctl_write(struct file *file, const char __user *ubuf, size_t count,
				    loff_t *ppos)
{
	struct ndis_fake_protocol *fp = file->private_data;
	char buf[64], adapter[NDIS_FAKE_NAME];
	unsigned int value;
	ULONG filter;
	int err;

	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = 0;
	if (sscanf(buf, "send %31s %u", adapter, &value) == 2) {
		err = ndis_probe_send(fp, adapter, value);
	} else if (sscanf(buf, "filter %31s %x", adapter, &value) == 2) {
		filter = value;
		err = ndis_probe_oid(fp, adapter, NdisRequestSetInformation,
				     OID_GEN_CURRENT_PACKET_FILTER, &filter, sizeof(filter)) ==
		      NDIS_STATUS_SUCCESS ? 0 : -EIO;
	} else {
		err = ndis_probe_if_stack(buf);
		if (err == -ENOENT)
			err = ndis_itest_gso_ctl(buf);
		if (err == -ENOENT)
			err = ndis_itest_stress_ctl(buf);
	}
	return err ?: count;
}

static const struct file_operations ndis_probe_ctl_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = ndis_probe_ctl_write,
};

static int ndis_probe_show(struct seq_file *m, void *unused)
{
	struct ndis_fake_protocol *fp = m->private;
	struct ndis_fake_open *open;

	spin_lock_bh(&fp->lock);
	list_for_each_entry(open, &fp->opens, node)
		seq_printf(m, "%s %d %d\n", open->adapter, atomic_read(&open->probe_ok),
			   atomic_read(&open->probe_bad));
	spin_unlock_bh(&fp->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(ndis_probe);

/**
 * ndis_itest_probe_init() - judge @fp's receives; create the debugfs files
 * @fp: the protocol, before it registers
 */
void ndis_itest_probe_init(struct ndis_fake_protocol *fp)
{
	fp->rx_hook = ndis_probe_rx;
	ndis_probe_dir = debugfs_create_dir("ndis_itest", NULL);
	debugfs_create_file("ctl", 0200, ndis_probe_dir, fp, &ndis_probe_ctl_fops);
	debugfs_create_file("probe", 0400, ndis_probe_dir, fp, &ndis_probe_fops);
	ndis_itest_stress_init(fp, ndis_probe_dir);
}

/**
 * ndis_itest_probe_exit() - remove the debugfs files, before @fp goes
 */
void ndis_itest_probe_exit(void)
{
	debugfs_remove_recursive(ndis_probe_dir);
	ndis_itest_stress_exit();
}
