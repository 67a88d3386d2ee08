// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/ndisprot file operations: open needs CAP_NET_RAW (as AF_PACKET
 * does); a file attaches to one port by ioctl, then reads and writes
 * whole frames. ioctls are matched by number, not by the size encoded in
 * them: each argument carries its own size (see the uapi header).
 */
#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <uapi/ndis/version.h>

#include "ndisprot.h"

static int ndisprot_open(struct inode *inode, struct file *file)
{
	struct ndisprot_file *f;

	if (!capable(CAP_NET_RAW))
		return -EPERM;
	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	refcount_set(&f->ref, 1);
	f->tx_window = NDISPROT_TX_WINDOW_DEFAULT;
	init_waitqueue_head(&f->tx_wq);
	mutex_init(&f->ioctl_lock);
	skb_queue_head_init(&f->rxq);
	init_waitqueue_head(&f->wq);
	INIT_LIST_HEAD(&f->node);
	file->private_data = f;
	return stream_open(inode, file);
}

/* Let go of the port: filter, queue and reference. */
static void ndisprot_detach(struct ndisprot_file *f)
{
	struct ndisprot_port *port = f->port;

	if (!port)
		return;
	spin_lock_bh(&port->lock);
	list_del_init(&f->node);
	spin_unlock_bh(&port->lock);
	ndisprot_port_update_filter(port);
	ndisprot_port_put(port);
	f->port = NULL;
	skb_queue_purge(&f->rxq);
	WRITE_ONCE(f->dead, false);
	f->packet_filter = 0;
	f->n_types = 0;
	f->options = 0;
}

/**
 * ndisprot_file_get() - references on a file, one per send in flight
 * @f: the file, referenced by the caller
 * @n: how many
 *
 * Context: any.
 * Return: @f.
 */
struct ndisprot_file *ndisprot_file_get(struct ndisprot_file *f, unsigned int n)
{
	refcount_add(n, &f->ref);
	return f;
}

/**
 * ndisprot_file_put() - drop references; the last one frees the file
 * @f: the file, detached from its port once the last put can come
 * @n: how many
 *
 * Context: any; the last put of a send comes after release detached it.
 */
void ndisprot_file_put(struct ndisprot_file *f, unsigned int n)
{
	if (refcount_sub_and_test(n, &f->ref)) {
		mutex_destroy(&f->ioctl_lock);
		kfree(f);
	}
}

/* Up to @want places in the window, without waiting; 0 if it is full. */
static unsigned int ndisprot_file_tx_take(struct ndisprot_file *f, unsigned int want)
{
	int old = atomic_read(&f->tx_inflight), room;

	do {
		room = (int)READ_ONCE(f->tx_window) - old;
		if (room <= 0)
			return 0;
		room = min_t(unsigned int, room, want);
	} while (!atomic_try_cmpxchg(&f->tx_inflight, &old, old + room));
	return room;
}

/**
 * ndisprot_file_tx_reserve() - places in the send window for frames
 * @f: the file
 * @want: frames to send, at least 1
 * @nonblock: O_NONBLOCK: do not wait for room
 *
 * Context: process context.
 * Return: 1 up to @want places (each given back by ndisprot_file_tx_done()),
 * -EAGAIN (@nonblock, the window is full) or -ERESTARTSYS (a signal came
 * while waiting; nothing was sent).
 */
int ndisprot_file_tx_reserve(struct ndisprot_file *f, unsigned int want, bool nonblock)
{
	unsigned int got = ndisprot_file_tx_take(f, want);
	int err;

	if (got || nonblock)
		return got ?: -EAGAIN;
	err = wait_event_interruptible(f->tx_wq, (got = ndisprot_file_tx_take(f, want)));
	return err ?: got;
}

/**
 * ndisprot_file_tx_done() - frames of @f completed, or were never sent
 * @f: the file, referenced by the caller
 * @n: how many places in the window they held
 *
 * Context: any.
 */
void ndisprot_file_tx_done(struct ndisprot_file *f, unsigned int n)
{
	atomic_sub(n, &f->tx_inflight);
	if (wq_has_sleeper(&f->tx_wq))	/* a full barrier: pairs with the waiter's */
		wake_up(&f->tx_wq);
}

/**
 * ndisprot_file_tx_error() - take the failure a completion kept, if any
 * @f: the file
 *
 * Context: any.
 * Return: 0 or the -errno of the first send that failed since the last call.
 */
int ndisprot_file_tx_error(struct ndisprot_file *f)
{
	return READ_ONCE(f->tx_error) ? xchg(&f->tx_error, 0) : 0;
}

static int ndisprot_release(struct inode *inode, struct file *file)
{
	struct ndisprot_file *f = file->private_data;

	ndisprot_detach(f);
	ndisprot_file_put(f, 1);	/* sends still in flight keep it until they complete */
	return 0;
}

/* The first queued frame, waiting for one unless @nonblock; or ERR_PTR. */
static struct sk_buff *ndisprot_rx_first(struct ndisprot_file *f, bool nonblock)
{
	struct sk_buff *skb;
	int err;

	if (!READ_ONCE(f->port))	/* reads use only the file's own queue */
		return ERR_PTR(-ENOTCONN);
	for (;;) {
		skb = skb_dequeue(&f->rxq);
		if (skb)
			return skb;
		if (READ_ONCE(f->dead))
			return ERR_PTR(-ENODEV);
		if (nonblock)
			return ERR_PTR(-EAGAIN);
		err = wait_event_interruptible(f->wq, !skb_queue_empty(&f->rxq) ||
					       READ_ONCE(f->dead));
		if (err)
			return ERR_PTR(err);
	}
}

static bool ndisprot_nonblock(const struct file *file)
{
	return file->f_flags & O_NONBLOCK;
}

static ssize_t ndisprot_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct ndisprot_file *f = iocb->ki_filp->private_data;
	struct sk_buff *skb;
	ssize_t len;

	skb = ndisprot_rx_first(f, iocb->ki_flags & IOCB_NOWAIT ||
				ndisprot_nonblock(iocb->ki_filp));
	if (IS_ERR(skb))
		return PTR_ERR(skb);
	len = skb->len;
	if (iov_iter_count(to) < len) {
		atomic64_inc(&f->rx_dropped);
		kfree_skb(skb);
		return -EMSGSIZE;
	}
	if (copy_to_iter(skb->data, len, to) != len)
		len = -EFAULT;
	consume_skb(skb);
	if (len > 0) {
		atomic64_inc(&f->rx_frames);
		atomic64_add(len, &f->rx_bytes);
	}
	return len;
}

/* One frame into the buffer @d describes; its length and flags into @ud. */
static int ndisprot_rx_copy_out(struct sk_buff *skb, const struct ndisprot_frame *d,
				struct ndisprot_frame __user *ud)
{
	u32 n = min_t(u32, skb->len, d->len);

	if (copy_to_user(u64_to_user_ptr(d->data), skb->data, n) ||
	    put_user(skb->len, &ud->len) ||
	    put_user(n < skb->len ? NDISPROT_FRAME_TRUNCATED : 0, &ud->flags))
		return -EFAULT;
	return 0;
}

/*
 * NDISPROT_IOC_RECV_BATCH. The frames are taken off the queue in one go
 * and copied without any lock held. A fault loses the frames not copied
 * yet (counted as dropped), as a read into a bad buffer loses its frame.
 */
static int ndisprot_recv_batch(struct ndisprot_file *f, struct ndisprot_frame __user *ud,
			       u32 *count, bool nonblock)
{
	struct sk_buff_head q;
	struct ndisprot_frame d;
	struct sk_buff *skb;
	u64 bytes = 0;
	u32 n = 0;
	int err = 0;

	skb = ndisprot_rx_first(f, nonblock);
	if (IS_ERR(skb))
		return PTR_ERR(skb);
	__skb_queue_head_init(&q);
	__skb_queue_tail(&q, skb);
	spin_lock_irq(&f->rxq.lock);	/* skb_dequeue() takes it with IRQs off too */
	while (skb_queue_len(&q) < *count && (skb = __skb_dequeue(&f->rxq)))
		__skb_queue_tail(&q, skb);
	spin_unlock_irq(&f->rxq.lock);

	while ((skb = __skb_dequeue(&q))) {
		if (!err && copy_from_user(&d, &ud[n], sizeof(d)))
			err = -EFAULT;
		if (!err)
			err = ndisprot_rx_copy_out(skb, &d, &ud[n]);
		if (err) {
			atomic64_inc(&f->rx_dropped);
		} else {
			bytes += min_t(u32, skb->len, d.len);
			n++;
		}
		consume_skb(skb);
	}
	atomic64_add(n, &f->rx_frames);
	atomic64_add(bytes, &f->rx_bytes);
	*count = n;
	return n ? 0 : err;
}

/* The file's port with a reference, or NULL; a re-ATTACH may swap it. */
static struct ndisprot_port *ndisprot_file_port(struct ndisprot_file *f)
{
	struct ndisprot_port *port;

	mutex_lock(&f->ioctl_lock);
	port = f->port;
	if (port)
		kref_get(&port->ref);
	mutex_unlock(&f->ioctl_lock);
	return port;
}

static ssize_t ndisprot_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct ndisprot_file *f = iocb->ki_filp->private_data;
	struct ndisprot_port *port = ndisprot_file_port(f);
	bool nonblock = iocb->ki_flags & IOCB_NOWAIT || ndisprot_nonblock(iocb->ki_filp);
	ssize_t ret;

	if (!port)
		return -ENOTCONN;
	ret = READ_ONCE(f->dead) ? -ENODEV : ndisprot_send(f, port, from, nonblock);
	ndisprot_port_put(port);
	return ret;
}

/* Every frame of the file completed; then the failure kept, if any. */
static int ndisprot_fsync(struct file *file, loff_t start, loff_t end, int datasync)
{
	struct ndisprot_file *f = file->private_data;
	int err;

	err = wait_event_interruptible(f->tx_wq, !atomic_read(&f->tx_inflight));
	return err ?: ndisprot_file_tx_error(f);
}

static __poll_t ndisprot_poll(struct file *file, poll_table *wait)
{
	struct ndisprot_file *f = file->private_data;
	struct ndisprot_port *port = ndisprot_file_port(f);
	__poll_t mask = 0;

	if (!port)
		return EPOLLERR;
	poll_wait(file, &f->wq, wait);
	poll_wait(file, &f->tx_wq, wait);
	smp_mb();	/* queued on both, then read: pairs with the wakers' wq_has_sleeper() */
	if (!skb_queue_empty(&f->rxq))
		mask |= EPOLLIN | EPOLLRDNORM;
	if (READ_ONCE(f->tx_error))
		mask |= EPOLLERR;
	if (READ_ONCE(f->dead))
		mask |= EPOLLERR | EPOLLHUP;
	else if (READ_ONCE(port->running) && READ_ONCE(port->link_up) &&
		 atomic_read(&f->tx_inflight) < (int)READ_ONCE(f->tx_window))
		mask |= EPOLLOUT | EPOLLWRNORM;
	ndisprot_port_put(port);
	return mask;
}

/* -- ioctls ------------------------------------------------------------------ */

/*
 * Copy in an argument that starts with its size; refuse sizes we can't
 * serve. @min is the structure's first version: a caller built against it
 * gets the newer fields zeroed in, and only its own size written back.
 */
static int ndisprot_arg_in_min(void *karg, size_t ksize, size_t min, const void __user *uarg,
			       u32 *usize)
{
	int err;

	if (get_user(*usize, (const u32 __user *)uarg))
		return -EFAULT;
	if (*usize < min)
		return -EINVAL;
	if (*usize > PAGE_SIZE)
		return -E2BIG;	/* no structure will ever be that large */
	err = copy_struct_from_user(karg, ksize, uarg, *usize);
	*(u32 *)karg = ksize;	/* what we answer with */
	return err;
}

/* A structure with one version only so far: all of it is needed. */
static int ndisprot_arg_in(void *karg, size_t ksize, const void __user *uarg, u32 *usize)
{
	return ndisprot_arg_in_min(karg, ksize, ksize, uarg, usize);
}

static int ndisprot_arg_out(void __user *uarg, const void *karg, size_t ksize, u32 usize)
{
	return copy_to_user(uarg, karg, min_t(size_t, ksize, usize)) ? -EFAULT : 0;
}

static int ndisprot_ioc_version(void __user *uarg)
{
	struct ndisprot_version v;
	u32 usize;
	int err;

	err = ndisprot_arg_in(&v, sizeof(v), uarg, &usize);
	if (err)
		return err;
	v.abi = NDISPROT_ABI_VERSION;
	strscpy(v.driver, NDIS_SHIM_VERSION, sizeof(v.driver));
	return ndisprot_arg_out(uarg, &v, sizeof(v), usize);
}

/* At most this many adapters are reported; count says how many there are. */
#define NDISPROT_LIST_MAX	256

static int ndisprot_ioc_list(void __user *uarg)
{
	struct ndisprot_adapter *a = NULL;
	struct ndisprot_port *port;
	struct ndisprot_list l;
	u32 usize, n = 0, max;
	int err;

	err = ndisprot_arg_in(&l, sizeof(l), uarg, &usize);
	if (err)
		return err;
	max = min_t(u32, l.count, NDISPROT_LIST_MAX);
	if (max) {
		a = kcalloc(max, sizeof(*a), GFP_KERNEL);
		if (!a)
			return -ENOMEM;
	}
	/* Fill a kernel copy under the lock; user memory may fault or stall. */
	mutex_lock(&ndisprot_lock);
	list_for_each_entry(port, &ndisprot_ports, node) {
		if (n < max) {
			strscpy(a[n].name, port->name, sizeof(a[n].name));
			spin_lock_bh(&port->lock);
			ether_addr_copy(a[n].mac, port->mac);
			a[n].link_up = port->link_up;
			a[n].running = port->running;
			a[n].mtu = port->mtu;
			spin_unlock_bh(&port->lock);
		}
		n++;
	}
	mutex_unlock(&ndisprot_lock);
	if (copy_to_user(u64_to_user_ptr(l.adapters), a, min(n, max) * sizeof(*a)))
		err = -EFAULT;
	kfree(a);
	l.count = n;
	return err ?: ndisprot_arg_out(uarg, &l, sizeof(l), usize);
}

static int ndisprot_ioc_attach(struct ndisprot_file *f, void __user *uarg)
{
	struct ndisprot_port *port, *found = NULL;
	struct ndisprot_attach at;
	u32 usize;
	int err;

	err = ndisprot_arg_in(&at, sizeof(at), uarg, &usize);
	if (err)
		return err;
	if (at.flags || !memchr(at.adapter, 0, sizeof(at.adapter)))
		return -EINVAL;
	if (f->port && !READ_ONCE(f->dead))
		return -EISCONN;
	ndisprot_detach(f);	/* its adapter went away: start afresh */
	mutex_lock(&ndisprot_lock);
	list_for_each_entry(port, &ndisprot_ports, node)
		if (!strcmp(port->name, at.adapter))
			found = port;
	if (found) {
		spin_lock_bh(&found->lock);
		if (found->gone) {
			found = NULL;
		} else {
			kref_get(&found->ref);
			list_add_tail(&f->node, &found->files);
		}
		spin_unlock_bh(&found->lock);
	}
	mutex_unlock(&ndisprot_lock);
	if (!found)
		return -ENODEV;
	f->port = found;
	return 0;
}

static int ndisprot_ioc_filter(struct ndisprot_file *f, void __user *uarg)
{
	const u32 known = NDISPROT_RX_DIRECTED | NDISPROT_RX_MULTICAST | NDISPROT_RX_BROADCAST |
			  NDISPROT_RX_PROMISCUOUS;
	struct ndisprot_port *port = f->port;
	struct ndisprot_filter fl;
	u32 usize;
	int err;

	err = ndisprot_arg_in(&fl, sizeof(fl), uarg, &usize);
	if (err)
		return err;
	if ((fl.packet_filter & ~known) || fl.n_ethertypes > NDISPROT_ETHERTYPES_MAX ||
	    fl.reserved[0] || fl.reserved[1])
		return -EINVAL;
	if (ndisprot_ndis_filter(fl.packet_filter) & ~port->supported)
		return -EOPNOTSUPP;
	spin_lock_bh(&port->lock);
	f->n_types = fl.n_ethertypes;
	memcpy(f->types, fl.ethertypes, sizeof(f->types));
	WRITE_ONCE(f->packet_filter, fl.packet_filter);
	spin_unlock_bh(&port->lock);
	return ndisprot_port_update_filter(port);
}

static int ndisprot_ioc_options(struct ndisprot_file *f, void __user *uarg)
{
	struct ndisprot_options o;
	u32 usize;
	int err;

	err = ndisprot_arg_in(&o, sizeof(o), uarg, &usize);
	if (err)
		return err;
	if (o.flags & ~NDISPROT_OPT_ANY_SOURCE)
		return -EINVAL;
	spin_lock_bh(&f->port->lock);
	f->options = o.flags;
	spin_unlock_bh(&f->port->lock);
	return 0;
}

static bool ndisprot_oid_allowed(u32 oid, bool set)
{
	static const u32 queries[] = {
		NDISPROT_OID_GEN_SUPPORTED_LIST, NDISPROT_OID_GEN_MAXIMUM_FRAME_SIZE,
		NDISPROT_OID_GEN_LINK_SPEED, NDISPROT_OID_GEN_CURRENT_PACKET_FILTER,
		NDISPROT_OID_GEN_MAXIMUM_TOTAL_SIZE, NDISPROT_OID_GEN_MEDIA_CONNECT_STATUS,
		NDISPROT_OID_GEN_LINK_STATE, NDISPROT_OID_GEN_XMIT_OK, NDISPROT_OID_GEN_RCV_OK,
		NDISPROT_OID_GEN_STATISTICS, NDISPROT_OID_802_3_PERMANENT_ADDRESS,
		NDISPROT_OID_802_3_CURRENT_ADDRESS, NDISPROT_OID_802_3_MULTICAST_LIST,
		NDISPROT_OID_802_3_MAXIMUM_LIST_SIZE,
	};
	unsigned int i;

	/* The uapi copies of the values must be the DDI's, as ndis.ko has them. */
	BUILD_BUG_ON(NDISPROT_OID_GEN_STATISTICS != OID_GEN_STATISTICS);
	BUILD_BUG_ON(NDISPROT_OID_802_3_CURRENT_ADDRESS != OID_802_3_CURRENT_ADDRESS);
	BUILD_BUG_ON(NDISPROT_OID_802_3_MULTICAST_LIST != OID_802_3_MULTICAST_LIST);
	BUILD_BUG_ON(NDISPROT_OID_GEN_LINK_STATE != OID_GEN_LINK_STATE);
	if (set)
		return oid == NDISPROT_OID_802_3_MULTICAST_LIST;
	for (i = 0; i < ARRAY_SIZE(queries); i++)
		if (queries[i] == oid)
			return true;
	return false;
}

static int ndisprot_ioc_oid(struct ndisprot_file *f, void __user *uarg)
{
	struct ndisprot_oid *o;
	UINT done = 0;
	u32 usize;
	int err;

	o = kzalloc(sizeof(*o), GFP_KERNEL);
	if (!o)
		return -ENOMEM;
	err = ndisprot_arg_in(o, sizeof(*o), uarg, &usize);
	if (!err && (o->set > 1 || o->reserved || o->length > sizeof(o->data)))
		err = -EINVAL;
	if (!err && !ndisprot_oid_allowed(o->oid, o->set))
		err = -EACCES;
	if (err)
		goto out;
	if (!o->set)
		o->length = sizeof(o->data);
	o->status = ndisprot_port_oid(f->port, o->set ? NdisRequestSetInformation :
					       NdisRequestQueryInformation,
				      o->oid, o->data, o->length, &done);
	o->length = done;
	if (o->status == NDIS_STATUS_ADAPTER_REMOVED)
		err = -ENODEV;
	else
		err = ndisprot_arg_out(uarg, o, sizeof(*o), usize) ?:
		      (o->status == NDIS_STATUS_SUCCESS ? 0 : -EIO);
out:
	kfree(o);
	return err;
}

static int ndisprot_ioc_stats(struct ndisprot_file *f, void __user *uarg)
{
	struct ndisprot_stats s;
	u32 usize;
	int err;

	err = ndisprot_arg_in_min(&s, sizeof(s), offsetofend(struct ndisprot_stats, tx_errors),
				  uarg, &usize);
	if (err)
		return err;
	s.queued = skb_queue_len(&f->rxq);
	s.rx_frames = atomic64_read(&f->rx_frames);
	s.rx_bytes = atomic64_read(&f->rx_bytes);
	s.rx_dropped = atomic64_read(&f->rx_dropped);
	s.tx_frames = atomic64_read(&f->tx_frames);
	s.tx_bytes = atomic64_read(&f->tx_bytes);
	s.tx_errors = atomic64_read(&f->tx_errors);
	s.tx_inflight = atomic_read(&f->tx_inflight);
	s.tx_window = READ_ONCE(f->tx_window);
	return ndisprot_arg_out(uarg, &s, sizeof(s), usize);
}

static int ndisprot_ioc_tx_window(struct ndisprot_file *f, void __user *uarg)
{
	struct ndisprot_tx_window w;
	u32 usize;
	int err;

	err = ndisprot_arg_in(&w, sizeof(w), uarg, &usize);
	if (err)
		return err;
	if (!w.frames || w.frames > NDISPROT_TX_WINDOW_MAX)
		return -EINVAL;
	WRITE_ONCE(f->tx_window, w.frames);
	if (wq_has_sleeper(&f->tx_wq))	/* a larger window has room for them */
		wake_up(&f->tx_wq);
	return 0;
}

/*
 * The batch calls. They may wait, so they hold a reference on the port as
 * read and write do, not the ioctl lock: a filter change from another
 * thread must not wait for a frame to come.
 */
static int ndisprot_ioc_batch(struct ndisprot_file *f, void __user *uarg, bool send,
			      bool nonblock)
{
	struct ndisprot_frame __user *frames;
	struct ndisprot_port *port;
	struct ndisprot_batch b;
	u32 usize;
	int err;

	err = ndisprot_arg_in(&b, sizeof(b), uarg, &usize);
	if (err)
		return err;
	if (b.flags || b.reserved)
		return -EINVAL;
	frames = u64_to_user_ptr(b.frames);
	b.count = min_t(u32, b.count, NDISPROT_BATCH_MAX);
	/* A count we could not write back must fail before any frame moves. */
	if (put_user(b.count, &((struct ndisprot_batch __user *)uarg)->count))
		return -EFAULT;
	port = ndisprot_file_port(f);
	if (!port)
		return -ENOTCONN;
	if (!b.count)
		err = 0;
	else if (!send)
		err = ndisprot_recv_batch(f, frames, &b.count, nonblock);
	else if (READ_ONCE(f->dead))
		err = -ENODEV;
	else
		err = ndisprot_send_batch(f, port, frames, &b.count, nonblock);
	ndisprot_port_put(port);
	return err ?: put_user(b.count, &((struct ndisprot_batch __user *)uarg)->count);
}

static long ndisprot_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct ndisprot_file *f = file->private_data;
	void __user *uarg = (void __user *)arg;
	unsigned int nr = _IOC_NR(cmd);
	long err;

	if (_IOC_TYPE(cmd) != NDISPROT_IOC_MAGIC)
		return -ENOTTY;
	switch (nr) {
	case _IOC_NR(NDISPROT_IOC_VERSION):
		return ndisprot_ioc_version(uarg);
	case _IOC_NR(NDISPROT_IOC_LIST):
		return ndisprot_ioc_list(uarg);
	case _IOC_NR(NDISPROT_IOC_SET_TX_WINDOW):
		return ndisprot_ioc_tx_window(f, uarg);
	case _IOC_NR(NDISPROT_IOC_SEND_BATCH):
		return ndisprot_ioc_batch(f, uarg, true, ndisprot_nonblock(file));
	case _IOC_NR(NDISPROT_IOC_RECV_BATCH):
		return ndisprot_ioc_batch(f, uarg, false, ndisprot_nonblock(file));
	case _IOC_NR(NDISPROT_IOC_ATTACH):
	case _IOC_NR(NDISPROT_IOC_SET_FILTER):
	case _IOC_NR(NDISPROT_IOC_SET_OPTIONS):
	case _IOC_NR(NDISPROT_IOC_OID):
	case _IOC_NR(NDISPROT_IOC_STATS):
		break;
	default:
		return -ENOTTY;
	}
	mutex_lock(&f->ioctl_lock);
	if (nr == _IOC_NR(NDISPROT_IOC_ATTACH))
		err = ndisprot_ioc_attach(f, uarg);
	else if (!f->port)
		err = -ENOTCONN;
	else if (nr == _IOC_NR(NDISPROT_IOC_SET_FILTER))
		err = ndisprot_ioc_filter(f, uarg);
	else if (nr == _IOC_NR(NDISPROT_IOC_SET_OPTIONS))
		err = ndisprot_ioc_options(f, uarg);
	else if (nr == _IOC_NR(NDISPROT_IOC_OID))
		err = ndisprot_ioc_oid(f, uarg);
	else
		err = ndisprot_ioc_stats(f, uarg);
	mutex_unlock(&f->ioctl_lock);
	return err;
}

const struct file_operations ndisprot_fops = {
	.owner = THIS_MODULE,
	.open = ndisprot_open,
	.release = ndisprot_release,
	.read_iter = ndisprot_read_iter,
	.write_iter = ndisprot_write_iter,
	.poll = ndisprot_poll,
	.fsync = ndisprot_fsync,
	.unlocked_ioctl = ndisprot_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
};
