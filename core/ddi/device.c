// SPDX-License-Identifier: GPL-2.0
/*
 * The user-mode device family of the NDIS interface (include/ndis/device.h,
 * with the IRP names of wdm.h; ABI in include/uapi/ndis/device.h).
 *
 * A device is a misc device, /dev/ndis/<Name>. Each open file is a
 * FILE_OBJECT; each open, read, write, ioctl and close is an IRP with one
 * stack location and a kernel SystemBuffer, handed to the driver's
 * dispatch routine in the caller's task at PASSIVE_LEVEL. A routine that
 * pends the IRP completes it later from any context up to DISPATCH_LEVEL;
 * the caller sleeps until then. A signal cancels the IRP through its
 * cancel routine and waits a bounded time more; an IRP still not complete
 * is left to its completion, which frees it (an orphan).
 *
 * Lifetimes. The device is an owned object of its driver (core/owned.c):
 * its handle, its allocation reference (dropped at deregistration) and one
 * reference per open file. A file (struct ndis_dev_file) has a reference
 * for its struct file, one while it is on the device's list (open, not yet
 * closed to the driver) and one per IRP. An IRP has a reference for its
 * sender, passed to its completion when the sender gives up on it, and
 * a short one for each cancel that reaches it from elsewhere.
 *
 * Counting. dev->active counts what may still call the driver or be
 * completed by it: every IRP from creation until its sender is done with
 * it (or its orphan completion), and every close under way. Deregistration
 * marks the device dead (no new request reaches the driver), cancels what
 * is pending, waits for dev->active to reach 0, then closes, to the
 * driver, every file still open. After it, nothing of the driver is called
 * for the device; its files get -ENODEV.
 *
 * Locks: ndis_device_lock (mutex) orders registrations and the name list;
 * dev->lock (spin lock, irqsave, since completions come from any context)
 * guards the rest of a device and its files and IRPs; the cancel spin
 * lock is an NDIS spin lock taken around a cancel routine's call and
 * released by it, as the DDI has it. No lock of ours is held while the
 * driver runs, except the cancel spin lock for its cancel routine.
 */
#include <linux/compat.h>
#include <linux/ctype.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/rculist.h>
#include <linux/refcount.h>
#include <linux/sched/signal.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <ndis/ndis.h>
#include <uapi/ndis/device.h>

#include "../handle.h"
#include "../miniport.h"
#include "../owned.h"
#include "../protocol.h"
#include "../registry.h"
#include "../report.h"
#include "../watch.h"
#include "device.h"
#include "handle.h"
#include "header.h"

#define NDIS_DEVICE_IO_MAX	SZ_1M
/* How long a cancelled request waits for its completion before it gives up. */
#define NDIS_IRP_CANCEL_WAIT	HZ
#define NDIS_IRP_MAGIC		0x4e444952U

enum ndis_dev_file_state {
	NDIS_FILE_OPENING,	/* IRP_MJ_CREATE under way */
	NDIS_FILE_OPEN,
	NDIS_FILE_CLOSING,	/* IRP_MJ_CLEANUP and IRP_MJ_CLOSE under way */
	NDIS_FILE_CLOSED,	/* the driver has seen the last of it */
};

#define ndis_device_of(o)	container_of(o, struct ndis_device, own.obj)

struct ndis_dev_file {
	FILE_OBJECT fo;
	struct ndis_device *dev;		/* referenced */
	refcount_t ref;
	struct list_head node;			/* dev->files while not closed */
	struct list_head irps;			/* its IRPs not yet completed */
	enum ndis_dev_file_state state;		/* dev->lock */
};

struct ndis_irp {
	IRP irp;				/* first: what the driver holds */
	IO_STACK_LOCATION stack;
	u32 magic;
	refcount_t ref;
	void *buf;				/* SystemBuffer or a direct read's or write's */
	size_t len;
	void *dbuf;				/* a direct ioctl's second buffer */
	MDL mdl;				/* MdlAddress, when not NULL */
	ULONG info_max;				/* the most Information may say */
	bool transfer;				/* a read, write or ioctl: check it */
	struct ndis_dev_file *file;		/* referenced once entered */
	struct list_head node;			/* file->irps until completed */
	unsigned int swept;			/* the last sweep that cancelled it */
	bool completed;				/* dev->lock */
	bool orphaned;				/* dev->lock */
	struct completion done;
	struct work_struct free_work;		/* an orphan's last put */
};

/* A task inside one of the device's dispatch routines. */
struct ndis_dev_caller {
	struct list_head node;
	struct task_struct *task;
};

DEFINE_MUTEX(ndis_device_lock);			/* registrations, ndis_devices */
LIST_HEAD(ndis_devices);

/* The cancel spin lock of the DDI: one for every IRP. */
static NDIS_SPIN_LOCK ndis_cancel_lock = {
	.SpinLock = __SPIN_LOCK_UNLOCKED(ndis_cancel_lock.SpinLock),
};

static const char *const ndis_irp_steps[IRP_MJ_MAXIMUM_FUNCTION + 1] = {
	[IRP_MJ_CREATE] = "IRP_MJ_CREATE (IoCompleteRequest)",
	[IRP_MJ_CLEANUP] = "IRP_MJ_CLEANUP (IoCompleteRequest)",
	[IRP_MJ_CLOSE] = "IRP_MJ_CLOSE (IoCompleteRequest)",
};

/* Files and IRPs */

static void ndis_dev_file_put(struct ndis_dev_file *f)
{
	if (!refcount_dec_and_test(&f->ref))
		return;
	ndis_object_put(&f->dev->own.obj);
	kfree(f);
}

static void ndis_dev_leave(struct ndis_device *dev)
{
	unsigned long flags;

	spin_lock_irqsave(&dev->lock, flags);
	dev->active--;
	spin_unlock_irqrestore(&dev->lock, flags);
	wake_up(&dev->wq);
}

static void ndis_irp_put(struct ndis_irp *ni)
{
	if (!refcount_dec_and_test(&ni->ref))
		return;
	ni->magic = 0;
	kvfree(ni->buf);
	kvfree(ni->dbuf);
	ndis_dev_file_put(ni->file);
	kfree(ni);
}

static void ndis_irp_free_work(struct work_struct *work)
{
	ndis_irp_put(container_of(work, struct ndis_irp, free_work));
}

/* An IRP for @major with @len bytes of zeroed SystemBuffer, not yet entered. PASSIVE. */
static struct ndis_irp *ndis_irp_alloc(UCHAR major, size_t len, gfp_t gfp)
{
	struct ndis_irp *ni = kzalloc(sizeof(*ni), gfp);

	if (!ni)
		return NULL;
	if (len) {
		ni->buf = kvzalloc(len, GFP_KERNEL);
		if (!ni->buf) {
			kfree(ni);
			return NULL;
		}
	}
	ni->len = len;
	ni->magic = NDIS_IRP_MAGIC;
	refcount_set(&ni->ref, 1);
	init_completion(&ni->done);
	INIT_WORK(&ni->free_work, ndis_irp_free_work);
	INIT_LIST_HEAD(&ni->node);
	ni->irp.AssociatedIrp.SystemBuffer = ni->buf;
	ni->irp.RequestorMode = UserMode;
	ni->irp.Tail.Overlay.CurrentStackLocation = &ni->stack;
	ni->stack.MajorFunction = major;
	return ni;
}

/* Free an IRP that was never entered. */
static void ndis_irp_discard(struct ndis_irp *ni)
{
	kvfree(ni->buf);
	kvfree(ni->dbuf);
	kfree(ni);
}

/* Hand @ni's @len bytes at @buf to the driver as MdlAddress (direct I/O). */
static void ndis_irp_direct(struct ndis_irp *ni, void *buf, size_t len)
{
	if (!len)
		return;
	ndis_mdl_describe(&ni->mdl, buf, len, 0);
	ni->irp.MdlAddress = &ni->mdl;
}

/* The routine @dev's driver has for @major now, or NULL. */
static PDRIVER_DISPATCH ndis_dev_routine(struct ndis_device *dev, UCHAR major)
{
	return dev->drv ? READ_ONCE(dev->drv->MajorFunction[major]) : dev->major[major];
}

/*
 * Make @ni a request of @f: count it, link it, reference the file. A
 * request NDIS makes itself (@internal: a create or a close) is let
 * through a dead device; others are not. Return: 0, or -ENODEV with @ni
 * discarded.
 */
static int ndis_irp_enter(struct ndis_irp *ni, struct ndis_dev_file *f, bool internal)
{
	struct ndis_device *dev = f->dev;
	unsigned long flags;

	ni->irp.Tail.Overlay.OriginalFileObject = &f->fo;
	ni->stack.DeviceObject = &dev->dev_obj;
	ni->stack.FileObject = &f->fo;
	spin_lock_irqsave(&dev->lock, flags);
	if (!internal && (dev->dead || f->state != NDIS_FILE_OPEN)) {
		spin_unlock_irqrestore(&dev->lock, flags);
		ndis_irp_discard(ni);
		return -ENODEV;
	}
	dev->active++;
	refcount_inc(&f->ref);
	ni->file = f;
	list_add_tail(&ni->node, &f->irps);
	spin_unlock_irqrestore(&dev->lock, flags);
	return 0;
}

/* The sender is done with @ni (complete): uncount it and let it go. */
static void ndis_irp_finish(struct ndis_irp *ni)
{
	ndis_dev_leave(ni->file->dev);
	ndis_irp_put(ni);
}

/* Call the dispatch routine for @ni, in the caller's task. */
static NTSTATUS ndis_irp_call(struct ndis_irp *ni)
{
	struct ndis_device *dev = ni->file->dev;
	PDRIVER_DISPATCH fn = ndis_dev_routine(dev, ni->stack.MajorFunction);
	struct ndis_dev_caller me = { .task = current };
	unsigned long flags;
	NTSTATUS status;
	bool done;

	if (!fn) {		/* an IoCreateDevice() driver took its routine away */
		ni->irp.IoStatus.Status = STATUS_INVALID_DEVICE_REQUEST;
		IoCompleteRequest(&ni->irp, IO_NO_INCREMENT);
		return STATUS_INVALID_DEVICE_REQUEST;
	}
	spin_lock_irqsave(&dev->lock, flags);
	list_add(&me.node, &dev->callers);
	spin_unlock_irqrestore(&dev->lock, flags);
	status = fn(&dev->dev_obj, &ni->irp);
	spin_lock_irqsave(&dev->lock, flags);
	list_del(&me.node);
	done = ni->completed;
	spin_unlock_irqrestore(&dev->lock, flags);

	if (status == STATUS_PENDING) {
		if (!(ni->stack.Control & SL_PENDING_RETURNED))
			ndis_misuse("IoMarkIrpPending",
				    "a call before a dispatch routine returns STATUS_PENDING",
				    (unsigned long)fn);
	} else if (!done) {
		/* Waited for like a pended one: the driver holds it. */
		ndis_misuse("IoCompleteRequest",
			    "a call on every IRP a dispatch routine does not pend, before it returns",
			    (unsigned long)fn);
	}
	return status;
}

/* Take the cancel spin lock; the internal half of IoAcquireCancelSpinLock(). */
static KIRQL ndis_cancel_lock_take(void)
	__acquires(IoCancelSpinLock)
{
	NdisAcquireSpinLock(&ndis_cancel_lock);
	__acquire(IoCancelSpinLock);
	__release(&ndis_cancel_lock.SpinLock);
	return ndis_cancel_lock.OldIrql;
}

static void ndis_cancel_lock_drop(void)
	__releases(IoCancelSpinLock)
{
	__acquire(&ndis_cancel_lock.SpinLock);
	NdisReleaseSpinLock(&ndis_cancel_lock);
	__release(IoCancelSpinLock);
}

/*
 * Cancel @ni, as IoCancelIrp() does: mark it, and call its cancel routine
 * if one is set, with the cancel spin lock held. The caller holds a
 * reference on @ni. IRQL <= DISPATCH_LEVEL. Return: whether the routine
 * was called.
 */
static bool ndis_irp_cancel(struct ndis_irp *ni)
{
	PDEVICE_OBJECT dev_obj = ni->stack.DeviceObject;
	PDRIVER_CANCEL fn;
	KIRQL irql;

	irql = ndis_cancel_lock_take();
	WRITE_ONCE(ni->irp.Cancel, TRUE);
	fn = xchg(&ni->irp.CancelRoutine, NULL);
	if (!fn) {
		ndis_cancel_lock_drop();
		return false;
	}
	ni->irp.CancelIrql = irql;
	fn(dev_obj, &ni->irp);
	__release(IoCancelSpinLock);		/* the routine released it */
	if (ndis_spin_lock_held(&ndis_cancel_lock)) {
		ndis_misuse("IoReleaseCancelSpinLock", "a call in every cancel routine",
			    (unsigned long)fn);
		__acquire(IoCancelSpinLock);
		ndis_cancel_lock_drop();
	}
	return true;
}

/*
 * Cancel the IRPs not yet completed of @only, or of every file of @dev if
 * @only is NULL, each once per sweep. PASSIVE.
 */
static void ndis_dev_cancel_irps(struct ndis_device *dev, struct ndis_dev_file *only)
{
	struct ndis_dev_file *f;
	struct ndis_irp *ni, *found;
	unsigned long flags;
	unsigned int gen;

	spin_lock_irqsave(&dev->lock, flags);
	gen = ++dev->sweep;
	for (;;) {
		found = NULL;
		list_for_each_entry(f, &dev->files, node) {
			if (only && f != only)
				continue;
			list_for_each_entry(ni, &f->irps, node) {
				if (ni->swept != gen) {
					found = ni;
					break;
				}
			}
			if (found)
				break;
		}
		if (!found)
			break;
		found->swept = gen;
		refcount_inc(&found->ref);
		spin_unlock_irqrestore(&dev->lock, flags);
		ndis_irp_cancel(found);
		ndis_irp_put(found);
		spin_lock_irqsave(&dev->lock, flags);
	}
	spin_unlock_irqrestore(&dev->lock, flags);
}

/*
 * Wait for @ni's completion. A wait a signal breaks (@interruptible)
 * cancels the IRP and waits NDIS_IRP_CANCEL_WAIT more; an IRP still not
 * complete then is left to its completion, which frees it. Return: true
 * when it is complete (the caller finishes it), false when it was left.
 */
static bool ndis_irp_wait(struct ndis_irp *ni, bool interruptible, bool *signalled)
{
	struct ndis_device *dev = ni->file->dev;
	unsigned long flags;
	bool left;

	if (!interruptible) {
		ndis_watch_completion(&ni->done, dev->name, dev->driver,
				      ndis_irp_steps[ni->stack.MajorFunction] ?: "an IRP");
		return true;
	}
	if (!wait_for_completion_interruptible(&ni->done))
		return true;
	*signalled = true;
	ndis_irp_cancel(ni);
	if (wait_for_completion_timeout(&ni->done, NDIS_IRP_CANCEL_WAIT))
		return true;
	spin_lock_irqsave(&dev->lock, flags);
	left = !ni->completed;
	ni->orphaned = left;
	spin_unlock_irqrestore(&dev->lock, flags);
	if (left)
		return false;
	wait_for_completion(&ni->done);		/* completed: its complete() is coming */
	return true;
}

/* Send @ni to the driver and wait. Return: see ndis_irp_wait(). */
static bool ndis_irp_send(struct ndis_irp *ni, bool interruptible, bool *signalled)
{
	ndis_irp_call(ni);
	return ndis_irp_wait(ni, interruptible, signalled);
}

/* A create or a close NDIS sends itself: never fails, waits as long as it takes. */
static NTSTATUS ndis_dev_send_internal(struct ndis_dev_file *f, UCHAR major)
{
	struct ndis_irp *ni;
	bool signalled = false;
	NTSTATUS status;

	if (!ndis_dev_routine(f->dev, major))
		return STATUS_SUCCESS;
	ni = ndis_irp_alloc(major, 0, GFP_KERNEL | __GFP_NOFAIL);
	ndis_irp_enter(ni, f, true);
	ndis_irp_send(ni, false, &signalled);
	status = ni->irp.IoStatus.Status;
	ndis_irp_finish(ni);
	return status;
}

static bool ndis_dev_file_idle(struct ndis_dev_file *f)
{
	unsigned long flags;
	bool idle;

	spin_lock_irqsave(&f->dev->lock, flags);
	idle = list_empty(&f->irps);
	spin_unlock_irqrestore(&f->dev->lock, flags);
	return idle;
}

/*
 * Close @f to the driver, as Windows does when its last handle goes:
 * IRP_MJ_CLEANUP, then every IRP of the file still pending is cancelled
 * and waited for, then IRP_MJ_CLOSE. The caller claimed the close (state
 * CLOSING) and counts in dev->active. PASSIVE.
 */
static void ndis_dev_close_file(struct ndis_dev_file *f)
{
	struct ndis_device *dev = f->dev;
	unsigned long flags;

	ndis_dev_send_internal(f, IRP_MJ_CLEANUP);
	ndis_dev_cancel_irps(dev, f);
	ndis_watch_event(dev->wq, ndis_dev_file_idle(f), dev->name, dev->driver,
			 "the IRPs of a closing file (IoCompleteRequest)");
	ndis_dev_send_internal(f, IRP_MJ_CLOSE);
	spin_lock_irqsave(&dev->lock, flags);
	f->state = NDIS_FILE_CLOSED;
	list_del_init(&f->node);
	spin_unlock_irqrestore(&dev->lock, flags);
	ndis_dev_file_put(f);			/* the list's */
}

/* NTSTATUS to errno */

enum ndis_dev_op {
	NDIS_DEV_OPEN,
	NDIS_DEV_READ,
	NDIS_DEV_WRITE,
	NDIS_DEV_IOCTL,
};

/* The errno user space gets for a request that ended with @status. */
static int ndis_dev_errno(struct ndis_device *dev, NTSTATUS status, enum ndis_dev_op op,
			  bool signalled)
{
	switch (status) {
	case STATUS_BUFFER_OVERFLOW:
		return op == NDIS_DEV_IOCTL ? -EOVERFLOW : 0;
	case STATUS_END_OF_FILE:
		return op == NDIS_DEV_READ ? 0 : -EIO;
	case STATUS_CANCELLED:
		if (signalled)
			return -EINTR;
		return READ_ONCE(dev->dead) ? -ENODEV : -ECANCELED;
	case STATUS_INVALID_PARAMETER:
	case STATUS_INVALID_BUFFER_SIZE:
		return -EINVAL;
	case STATUS_INVALID_DEVICE_REQUEST:
		return op == NDIS_DEV_IOCTL ? -ENOTTY : -EINVAL;
	case STATUS_NOT_SUPPORTED:
	case STATUS_NOT_IMPLEMENTED:
		return -EOPNOTSUPP;
	case STATUS_INVALID_HANDLE:
		return -EBADFD;
	case STATUS_BUFFER_TOO_SMALL:
		return -ENOBUFS;
	case STATUS_INSUFFICIENT_RESOURCES:
	case STATUS_NO_MEMORY:
		return -ENOMEM;
	case STATUS_ACCESS_DENIED:
		return -EACCES;
	case STATUS_DEVICE_BUSY:
		return -EBUSY;
	case STATUS_DEVICE_NOT_READY:
		return -ENETDOWN;
	case STATUS_DEVICE_REMOVED:
		return -ENODEV;
	case STATUS_OBJECT_NAME_NOT_FOUND:
	case STATUS_NOT_FOUND:
		return -ENOENT;
	case STATUS_OBJECT_NAME_COLLISION:
		return -EEXIST;
	case STATUS_PENDING:		/* reported by IoCompleteRequest() */
		return -EIO;
	}
	return NT_SUCCESS(status) ? 0 : -EIO;
}

/* File operations */

static int ndis_dev_open(struct inode *inode, struct file *file)
{
	struct ndis_device *dev = container_of(file->private_data, struct ndis_device, misc);
	struct ndis_dev_file *f;
	unsigned long flags;
	NTSTATUS status;
	int err;

	if (!try_module_get(dev->owner))
		return -ENODEV;
	err = -ENOMEM;
	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		goto err_module;
	f->fo.DeviceObject = &dev->dev_obj;
	refcount_set(&f->ref, 1);		/* the struct file's */
	INIT_LIST_HEAD(&f->irps);
	ndis_object_get(&dev->own.obj);
	f->dev = dev;
	spin_lock_irqsave(&dev->lock, flags);
	/* Windows refuses these opens too: not ready yet, one file at a time. */
	err = dev->dead || (READ_ONCE(dev->dev_obj.Flags) & DO_DEVICE_INITIALIZING) ? -ENODEV :
	      (READ_ONCE(dev->dev_obj.Flags) & DO_EXCLUSIVE) && !list_empty(&dev->files) ?
	      -EBUSY : 0;
	if (err) {
		spin_unlock_irqrestore(&dev->lock, flags);
		goto err_file;
	}
	f->state = NDIS_FILE_OPENING;
	list_add_tail(&f->node, &dev->files);
	refcount_inc(&f->ref);			/* the list's */
	dev->active++;
	spin_unlock_irqrestore(&dev->lock, flags);

	status = ndis_dev_send_internal(f, IRP_MJ_CREATE);

	spin_lock_irqsave(&dev->lock, flags);
	if (NT_SUCCESS(status)) {
		f->state = NDIS_FILE_OPEN;
	} else {
		f->state = NDIS_FILE_CLOSED;	/* a failed create gets no close */
		list_del_init(&f->node);
	}
	spin_unlock_irqrestore(&dev->lock, flags);
	ndis_dev_leave(dev);
	if (!NT_SUCCESS(status)) {
		ndis_dev_file_put(f);		/* the list's */
		err = ndis_dev_errno(dev, status, NDIS_DEV_OPEN, false);
		goto err_file;
	}
	file->private_data = f;
	return stream_open(inode, file);

err_file:
	ndis_dev_file_put(f);
err_module:
	module_put(dev->owner);
	return err;
}

static int ndis_dev_release(struct inode *inode, struct file *file)
{
	struct ndis_dev_file *f = file->private_data;
	struct ndis_device *dev = f->dev;
	struct module *owner = dev->owner;
	unsigned long flags;
	bool claimed;

	spin_lock_irqsave(&dev->lock, flags);
	claimed = !dev->dead && f->state == NDIS_FILE_OPEN;
	if (claimed) {
		f->state = NDIS_FILE_CLOSING;
		dev->active++;
	}
	spin_unlock_irqrestore(&dev->lock, flags);
	if (claimed) {
		ndis_dev_close_file(f);
		ndis_dev_leave(dev);
	}
	ndis_dev_file_put(f);
	module_put(owner);			/* last: the driver's code may go */
	return 0;
}

/* A request @f may not make: the device is gone, or has no routine for it. */
static int ndis_dev_refuse(struct ndis_dev_file *f, UCHAR major, int none)
{
	if (READ_ONCE(f->dev->dead) || READ_ONCE(f->state) != NDIS_FILE_OPEN)
		return -ENODEV;
	return ndis_dev_routine(f->dev, major) ? 0 : none;
}

static ssize_t ndis_dev_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct ndis_dev_file *f = iocb->ki_filp->private_data;
	size_t len = min_t(size_t, iov_iter_count(to), NDIS_DEVICE_IO_MAX);
	bool signalled = false;
	struct ndis_irp *ni;
	NTSTATUS status;
	ssize_t ret;

	ret = ndis_dev_refuse(f, IRP_MJ_READ, -EINVAL);
	if (ret)
		return ret;
	ni = ndis_irp_alloc(IRP_MJ_READ, len, GFP_KERNEL);
	if (!ni)
		return -ENOMEM;
	if (READ_ONCE(f->dev->dev_obj.Flags) & DO_DIRECT_IO) {
		ni->irp.AssociatedIrp.SystemBuffer = NULL;
		ndis_irp_direct(ni, ni->buf, len);
	}
	ni->stack.Parameters.Read.Length = len;
	ni->info_max = len;
	ni->transfer = true;
	ret = ndis_irp_enter(ni, f, false);
	if (ret)
		return ret;
	if (!ndis_irp_send(ni, true, &signalled))
		return -EINTR;
	status = ni->irp.IoStatus.Status;
	ret = ndis_dev_errno(f->dev, status, NDIS_DEV_READ, signalled);
	if (!ret && !NT_ERROR(status) && ni->irp.IoStatus.Information) {
		len = ni->irp.IoStatus.Information;
		ret = copy_to_iter(ni->buf, len, to) == len ? (ssize_t)len : -EFAULT;
	}
	ndis_irp_finish(ni);
	return ret;
}

static ssize_t ndis_dev_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct ndis_dev_file *f = iocb->ki_filp->private_data;
	size_t len = iov_iter_count(from);
	bool signalled = false;
	struct ndis_irp *ni;
	ssize_t ret;

	ret = ndis_dev_refuse(f, IRP_MJ_WRITE, -EINVAL);
	if (ret)
		return ret;
	if (len > NDIS_DEVICE_IO_MAX)
		return -EMSGSIZE;
	ni = ndis_irp_alloc(IRP_MJ_WRITE, len, GFP_KERNEL);
	if (!ni)
		return -ENOMEM;
	if (!copy_from_iter_full(ni->buf, len, from)) {
		ndis_irp_discard(ni);
		return -EFAULT;
	}
	if (READ_ONCE(f->dev->dev_obj.Flags) & DO_DIRECT_IO) {
		ni->irp.AssociatedIrp.SystemBuffer = NULL;
		ndis_irp_direct(ni, ni->buf, len);
	}
	ni->stack.Parameters.Write.Length = len;
	ni->info_max = len;
	ni->transfer = true;
	ret = ndis_irp_enter(ni, f, false);
	if (ret)
		return ret;
	if (!ndis_irp_send(ni, true, &signalled))
		return -EINTR;
	ret = ndis_dev_errno(f->dev, ni->irp.IoStatus.Status, NDIS_DEV_WRITE, signalled);
	if (!ret)
		ret = ni->irp.IoStatus.Information;
	ndis_irp_finish(ni);
	return ret;
}

static long ndis_dev_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct ndis_device_ioctl __user *uarg = (void __user *)arg;
	struct ndis_dev_file *f = file->private_data;
	ULONG method = METHOD_FROM_CTL_CODE(cmd);
	ULONG access = (cmd >> 14) & 3;
	bool direct = method != METHOD_BUFFERED;
	struct ndis_device_ioctl a;
	bool signalled = false;
	struct ndis_irp *ni;
	NTSTATUS status;
	ULONG info;
	long ret;

	ret = ndis_dev_refuse(f, IRP_MJ_DEVICE_CONTROL, -ENOTTY);
	if (ret)
		return ret;
	if (method == METHOD_NEITHER)	/* user addresses in the driver: never */
		return -ENOTTY;
	if (((access & FILE_READ_ACCESS) && !(file->f_mode & FMODE_READ)) ||
	    ((access & FILE_WRITE_ACCESS) && !(file->f_mode & FMODE_WRITE)))
		return -EBADF;
	if (copy_from_user(&a, uarg, sizeof(a)))
		return -EFAULT;
	if (a.input_length > NDIS_DEVICE_IO_MAX || a.output_length > NDIS_DEVICE_IO_MAX)
		return -EINVAL;
	ni = ndis_irp_alloc(IRP_MJ_DEVICE_CONTROL,
			    direct ? a.input_length : max(a.input_length, a.output_length),
			    GFP_KERNEL);
	if (!ni)
		return -ENOMEM;
	if (copy_from_user(ni->buf, u64_to_user_ptr(a.input), a.input_length))
		goto fault;
	if (direct && a.output_length) {
		/* The second buffer: the driver's to read (IN) or to fill (OUT). */
		ni->dbuf = kvzalloc(a.output_length, GFP_KERNEL);
		if (!ni->dbuf) {
			ndis_irp_discard(ni);
			return -ENOMEM;
		}
		if (method == METHOD_IN_DIRECT &&
		    copy_from_user(ni->dbuf, u64_to_user_ptr(a.output), a.output_length))
			goto fault;
		ndis_irp_direct(ni, ni->dbuf, a.output_length);
	}
	ni->stack.Parameters.DeviceIoControl.IoControlCode = cmd;
	ni->stack.Parameters.DeviceIoControl.InputBufferLength = a.input_length;
	ni->stack.Parameters.DeviceIoControl.OutputBufferLength = a.output_length;
	ni->info_max = a.output_length;
	ni->transfer = true;
	ret = ndis_irp_enter(ni, f, false);
	if (ret)
		return ret;
	if (!ndis_irp_send(ni, true, &signalled))
		return -EINTR;
	status = ni->irp.IoStatus.Status;
	info = NT_ERROR(status) ? 0 : ni->irp.IoStatus.Information;
	ret = ndis_dev_errno(f->dev, status, NDIS_DEV_IOCTL, signalled);
	/* METHOD_IN_DIRECT's second buffer was input: nothing goes back. */
	if (info && method != METHOD_IN_DIRECT &&
	    copy_to_user(u64_to_user_ptr(a.output), direct ? ni->dbuf : ni->buf, info))
		ret = -EFAULT;
	if (put_user(info, &uarg->returned) || put_user(status, &uarg->status))
		ret = -EFAULT;
	ndis_irp_finish(ni);
	return ret;
fault:
	ndis_irp_discard(ni);
	return -EFAULT;
}

static const struct file_operations ndis_dev_fops = {
	.owner = THIS_MODULE,
	.open = ndis_dev_open,
	.release = ndis_dev_release,
	.read_iter = ndis_dev_read_iter,
	.write_iter = ndis_dev_write_iter,
	.unlocked_ioctl = ndis_dev_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
};

/* Registration */

static void ndis_device_release(struct kobject *kobj)
{
	struct ndis_device *dev = ndis_device_of(ndis_kobj_to_object(kobj));

	ndis_owned_release(&dev->own);
	kvfree(dev->dev_obj.DeviceExtension);
	kfree_rcu(dev, own.obj.rcu);
}

static const struct kobj_type ndis_device_ktype = {
	.release = ndis_device_release,
};

static bool ndis_dev_idle(struct ndis_device *dev)
{
	unsigned long flags;
	bool idle;

	spin_lock_irqsave(&dev->lock, flags);
	idle = !dev->active;
	spin_unlock_irqrestore(&dev->lock, flags);
	return idle;
}

/*
 * Take @dev away: no more opens, no request reaches the driver, pending
 * IRPs cancelled, every request waited for, every open file closed to the
 * driver, the extension freed, the handle and the allocation's reference
 * gone. Return: false if another call got there first. PASSIVE, outside
 * the device's dispatch routines.
 */
bool ndis_device_kill(struct ndis_device *dev)
{
	struct ndis_dev_file *f;
	unsigned long flags;
	bool linked;

	mutex_lock(&ndis_device_lock);
	if (dev->killed) {
		mutex_unlock(&ndis_device_lock);
		return false;
	}
	dev->killed = true;
	linked = dev->linked;
	dev->linked = false;
	mutex_unlock(&ndis_device_lock);
	ndis_handle_unregister(&dev->own.obj);
	if (linked)
		misc_deregister(&dev->misc);	/* waits out an open under way */

	spin_lock_irqsave(&dev->lock, flags);
	dev->dead = true;
	spin_unlock_irqrestore(&dev->lock, flags);
	ndis_dev_cancel_irps(dev, NULL);
	ndis_watch_event(dev->wq, ndis_dev_idle(dev), dev->name, dev->driver,
			 "the requests of a deregistering device (IoCompleteRequest)");

	/* Every file still open gets its cleanup and close now. */
	for (;;) {
		spin_lock_irqsave(&dev->lock, flags);
		f = list_first_entry_or_null(&dev->files, struct ndis_dev_file, node);
		if (f) {
			f->state = NDIS_FILE_CLOSING;
			refcount_inc(&f->ref);
			dev->active++;
		}
		spin_unlock_irqrestore(&dev->lock, flags);
		if (!f)
			break;
		ndis_dev_close_file(f);
		ndis_dev_leave(dev);
		ndis_dev_file_put(f);
	}
	/* The name and the extension stay until the driver's last call. */
	mutex_lock(&ndis_device_lock);
	linked = dev->listed;
	if (linked)
		list_del_rcu(&dev->node);
	dev->listed = false;
	mutex_unlock(&ndis_device_lock);
	if (linked)
		synchronize_rcu();	/* NdisGetDeviceReservedExtension() no longer finds it */
	kvfree(dev->dev_obj.DeviceExtension);
	dev->dev_obj.DeviceExtension = NULL;
	ndis_object_put(&dev->own.obj);
	return true;
}

/* At the driver's deregistration: deregister @o if the driver did not. */
static void ndis_device_reclaim(struct ndis_owned *o)
{
	if (ndis_device_kill(ndis_device_of(&o->obj)))
		ndis_misuse("NdisDeregisterDeviceEx",
			    "every device deregistered before its driver deregisters", o->caller);
}

/* Whether @s is a well-formed counted UTF-16 string. */
static bool ndis_ustr_ok(PCUNICODE_STRING s)
{
	return !(s->Length & 1) && (s->Buffer || !s->Length);
}

/*
 * <Name> of @s, one of @prefixes (any case) and then <Name>: 1 to
 * NDIS_DEVICE_NAME_MAX of A-Z a-z 0-9 - _ ., not starting with '.'.
 * Return: whether @s is such a name; @name holds <Name> if so.
 */
bool ndis_device_name(PCUNICODE_STRING s, const char *const *prefixes, size_t n, char *name)
{
	char text[NDIS_DEVICE_NAME_MAX + sizeof("\\DosDevices\\Global\\")];
	size_t len, i, p;
	WCHAR c;

	if (!s || !ndis_ustr_ok(s))
		return false;
	len = s->Length / sizeof(WCHAR);
	if (len >= sizeof(text))
		return false;
	for (i = 0; i < len; i++) {
		c = s->Buffer[i];
		if (c < 0x21 || c > 0x7e)
			return false;
		text[i] = c;
	}
	text[len] = '\0';
	for (p = 0; p < n; p++)
		if (!strncasecmp(text, prefixes[p], strlen(prefixes[p])))
			break;
	if (p == n)
		return false;
	i = strlen(prefixes[p]);
	if (len - i < 1 || len - i > NDIS_DEVICE_NAME_MAX || text[i] == '.')
		return false;
	for (; i < len; i++) {
		if (!isalnum(text[i]) && !strchr("-_.", text[i]))
			return false;
	}
	strscpy(name, text + strlen(prefixes[p]), NDIS_DEVICE_NAME_MAX + 1);
	return true;
}

/* The prefixes of a symbolic link's name. */
const char *const ndis_device_link_prefixes[NDIS_DEVICE_LINK_PREFIXES] = {
	"\\DosDevices\\Global\\", "\\DosDevices\\", "\\GLOBAL??\\",
	"\\??\\Global\\", "\\??\\",
};

/* The module and name of the driver @dev belongs to. */
static void ndis_device_owner(struct ndis_device *dev)
{
	struct ndis_object *o = dev->own.owner;
	struct ndis_miniport_driver *d;
	struct ndis_protocol *p;

	if (o->type == NDIS_HT_PROTOCOL) {
		p = container_of(o, struct ndis_protocol, obj);
		dev->owner = p->owner;
		strscpy(dev->driver, p->name, sizeof(dev->driver));
	} else {
		d = container_of(o, struct ndis_miniport_driver, obj);
		dev->owner = d->owner;
		strscpy(dev->driver, d->name, sizeof(dev->driver));
	}
}

static bool ndis_device_name_taken(const char *name)
{
	struct ndis_device *dev;

	lockdep_assert_held(&ndis_device_lock);
	list_for_each_entry(dev, &ndis_devices, node)
		if (!strcasecmp(dev->name, name))
			return true;
	return false;
}

/* Whether the current task is in one of @dev's dispatch routines. */
bool ndis_device_inside(struct ndis_device *dev)
{
	struct ndis_dev_caller *c;
	unsigned long flags;
	bool inside = false;

	spin_lock_irqsave(&dev->lock, flags);
	list_for_each_entry(c, &dev->callers, node)
		inside |= c->task == current;
	spin_unlock_irqrestore(&dev->lock, flags);
	return inside;
}

/* What every device starts with, however it is made. */
static void ndis_device_setup(struct ndis_device *dev)
{
	spin_lock_init(&dev->lock);
	INIT_LIST_HEAD(&dev->node);
	INIT_LIST_HEAD(&dev->files);
	INIT_LIST_HEAD(&dev->callers);
	init_waitqueue_head(&dev->wq);
	dev->dev_obj.Type = IO_TYPE_DEVICE;
	dev->dev_obj.Size = sizeof(dev->dev_obj);
	dev->dev_obj.StackSize = 1;
	dev->misc.minor = MISC_DYNAMIC_MINOR;
	dev->misc.name = dev->misc_name;	/* the '!' makes the node ndis/<Name> */
	dev->misc.fops = &ndis_dev_fops;
	dev->misc.mode = 0600;
}

/* A device of no NDIS driver (IoCreateDevice()'s), with one reference. PASSIVE. */
struct ndis_device *ndis_device_new_plain(void)
{
	struct ndis_device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	if (!dev)
		return NULL;
	kobject_init(&dev->own.obj.kobj, &ndis_device_ktype);
	ndis_device_setup(dev);
	return dev;
}

/*
 * Give @dev the node /dev/ndis/@name (and a place on ndis_devices if it
 * has none yet). Return: STATUS_SUCCESS; NDIS_STATUS_NOT_SUPPORTED for a
 * device being taken away; STATUS_OBJECT_NAME_COLLISION for a name taken
 * in any case, or a device that has a node already; NDIS_STATUS_RESOURCES
 * or NDIS_STATUS_FAILURE if the misc device cannot be made. PASSIVE.
 */
NTSTATUS ndis_device_link(struct ndis_device *dev, const char *name)
{
	NTSTATUS status = STATUS_SUCCESS;
	int err;

	mutex_lock(&ndis_device_lock);
	if (dev->killed) {
		status = NDIS_STATUS_NOT_SUPPORTED;
	} else if (dev->linked || ndis_device_name_taken(name)) {
		status = STATUS_OBJECT_NAME_COLLISION;
	} else {
		strscpy(dev->name, name, sizeof(dev->name));
		snprintf(dev->misc_name, sizeof(dev->misc_name), "ndis!%s", name);
		dev->misc.minor = MISC_DYNAMIC_MINOR;	/* a link made again */
		dev->misc.this_device = NULL;
		err = misc_register(&dev->misc);
		if (err) {
			dev->name[0] = '\0';
			status = err == -ENOMEM ? NDIS_STATUS_RESOURCES : NDIS_STATUS_FAILURE;
		} else {
			dev->linked = true;
			if (!dev->listed)
				list_add_tail_rcu(&dev->node, &ndis_devices);
			dev->listed = true;
		}
	}
	mutex_unlock(&ndis_device_lock);
	return status;
}

/**
 * NdisRegisterDeviceEx() - make a device for the driver's user-mode interface
 * @NdisHandle: a handle NDIS gave the driver: its miniport driver or
 *	protocol handle, or one of its adapters' or bindings'
 * @DeviceObjectAttributes: NDIS_OBJECT_TYPE_DEVICE_OBJECT_ATTRIBUTES,
 *	revision 1: the name, the dispatch routines and the extension's size
 * @pDeviceObject: receives the device object, NULL on failure
 * @NdisDeviceHandle: receives the handle for NdisDeregisterDeviceEx(),
 *	NULL on failure
 *
 * Makes /dev/ndis/<Name> for a SymbolicName \DosDevices\<Name> (also
 * \??\, \GLOBAL??\ and \DosDevices\Global\, in any case), mode 0600. Its
 * open, read, write, ioctl and close reach the dispatch routines of
 * @DeviceObjectAttributes as IRP_MJ_CREATE, IRP_MJ_READ, IRP_MJ_WRITE,
 * IRP_MJ_DEVICE_CONTROL, IRP_MJ_CLEANUP and IRP_MJ_CLOSE, in the caller's
 * task at PASSIVE_LEVEL, with buffered I/O (<uapi/ndis/device.h> has the
 * ABI). A device without a create, cleanup or close routine opens and
 * closes without calling the driver; without a read, write or
 * device-control routine those requests fail. Each open file pins the
 * driver's module. A device the driver has not deregistered when it
 * deregisters itself is reported and deregistered then.
 *
 * Context: PASSIVE_LEVEL.
 * Return: NDIS_STATUS_SUCCESS; NDIS_STATUS_NOT_SUPPORTED (reported) for a
 * handle that names no NDIS driver, or one that is deregistering;
 * NDIS_STATUS_INVALID_PARAMETER (reported) for bad attributes;
 * STATUS_OBJECT_NAME_INVALID (reported) for a bad SymbolicName;
 * STATUS_OBJECT_NAME_COLLISION when an NDIS device has that name in any
 * case; NDIS_STATUS_RESOURCES without memory; NDIS_STATUS_FAILURE if the
 * misc device cannot be made, or at the wrong level.
 */
NDIS_STATUS NdisRegisterDeviceEx(NDIS_HANDLE NdisHandle,
				 PNDIS_DEVICE_OBJECT_ATTRIBUTES DeviceObjectAttributes,
				 PDEVICE_OBJECT *pDeviceObject, PNDIS_HANDLE NdisDeviceHandle)
{
	PNDIS_DEVICE_OBJECT_ATTRIBUTES a = DeviceObjectAttributes;
	char name[NDIS_DEVICE_NAME_MAX + 1];
	struct ndis_device *dev;
	NDIS_HANDLE handle;
	NDIS_STATUS status;

	if (pDeviceObject)
		*pDeviceObject = NULL;
	if (NdisDeviceHandle)
		*NdisDeviceHandle = NULL;
	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return NDIS_STATUS_FAILURE;
	if (!pDeviceObject || !NdisDeviceHandle) {
		ndis_misuse(__func__, "a pDeviceObject and an NdisDeviceHandle", _RET_IP_);
		return NDIS_STATUS_INVALID_PARAMETER;
	}
	if (!ndis_header_ok(a, &ndis_rev_device_attrs, __func__, _RET_IP_))
		return NDIS_STATUS_INVALID_PARAMETER;
	if (!a->MajorFunctions || a->ExtensionSize > NDIS_DEVICE_EXT_MAX ||
	    (a->DeviceName && !ndis_ustr_ok(a->DeviceName))) {
		ndis_misuse(__func__,
			    "MajorFunctions, an ExtensionSize up to 1 MiB and a well-formed DeviceName",
			    _RET_IP_);
		return NDIS_STATUS_INVALID_PARAMETER;
	}
	if (a->DeviceClassGuid)
		ndis_misuse(__func__, "a NULL DeviceClassGuid (reserved)", _RET_IP_);
	if (!ndis_device_name(a->SymbolicName, ndis_device_link_prefixes,
			      NDIS_DEVICE_LINK_PREFIXES, name)) {
		ndis_misuse(__func__, NDIS_DEVICE_LINK_RULE, _RET_IP_);
		return STATUS_OBJECT_NAME_INVALID;
	}

	dev = ndis_owned_new(NdisHandle, sizeof(*dev), &ndis_device_ktype, ndis_device_reclaim,
			     PASSIVE_LEVEL, &status, __func__, _RET_IP_);
	if (!dev)
		return status == NDIS_STATUS_RESOURCES ? status : NDIS_STATUS_NOT_SUPPORTED;
	ndis_device_setup(dev);
	ndis_device_owner(dev);
	memcpy(dev->major, a->MajorFunctions, sizeof(dev->major));
	dev->dev_obj.Flags = DO_BUFFERED_IO;
	dev->dev_obj.DeviceType = FILE_DEVICE_NETWORK;
	if (a->ExtensionSize) {
		dev->dev_obj.DeviceExtension = kvzalloc(a->ExtensionSize, GFP_KERNEL);
		if (!dev->dev_obj.DeviceExtension) {
			ndis_object_put(&dev->own.obj);
			return NDIS_STATUS_RESOURCES;
		}
	}
	ndis_object_get(&dev->own.obj);		/* publishing puts it on failure */
	handle = ndis_owned_publish(&dev->own, NDIS_HT_DEVICE, PASSIVE_LEVEL);
	if (!handle) {
		ndis_object_put(&dev->own.obj);
		return NDIS_STATUS_RESOURCES;
	}

	status = ndis_device_link(dev, name);
	if (status != NDIS_STATUS_SUCCESS) {
		ndis_device_kill(dev);
		ndis_object_put(&dev->own.obj);
		return status;
	}
	ndis_object_put(&dev->own.obj);
	*pDeviceObject = &dev->dev_obj;
	*NdisDeviceHandle = handle;
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisRegisterDeviceEx, "NDIS");

/**
 * NdisDeregisterDeviceEx() - remove a device NdisRegisterDeviceEx() made
 * @NdisDeviceHandle: from NdisRegisterDeviceEx(); dead after the call
 *
 * The node goes at once and no new open or request reaches the driver.
 * Pending IRPs are cancelled (their cancel routines run), the call waits
 * for every request under way, then sends IRP_MJ_CLEANUP and IRP_MJ_CLOSE
 * for each file still open, and frees the extension. When it returns,
 * nothing of the driver is called for the device again: requests on its
 * files still open fail with ENODEV, and closing them calls nothing. The
 * waits last as long as the driver takes (reported every
 * ndis.stuck_report_s seconds); call it with no lock the dispatch
 * routines take. Called from one of the device's own dispatch routines
 * it would wait for itself: it is reported and does nothing.
 *
 * Context: PASSIVE_LEVEL.
 */
void NdisDeregisterDeviceEx(NDIS_HANDLE NdisDeviceHandle)
{
	struct ndis_object *obj;
	struct ndis_device *dev;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return;
	obj = ndis_handle_get(NdisDeviceHandle, NDIS_HT_DEVICE, __func__, _RET_IP_);
	if (!obj)
		return;
	dev = ndis_device_of(obj);
	if (ndis_device_inside(dev))
		ndis_misuse(__func__, "a call from outside the device's own dispatch routines",
			    _RET_IP_);
	else
		ndis_device_kill(dev);
	ndis_object_put(obj);
}
EXPORT_SYMBOL_NS_GPL(NdisDeregisterDeviceEx, "NDIS");

/**
 * NdisGetDeviceReservedExtension() - the driver's extension of a device
 * @DeviceObject: from NdisRegisterDeviceEx()
 *
 * ExtensionSize zeroed bytes NDIS allocated with the device, freed by
 * NdisDeregisterDeviceEx(); also DeviceObject->DeviceExtension.
 *
 * Context: any IRQL.
 * Return: the extension; NULL if ExtensionSize was 0, or (reported) for a
 * pointer that is not a registered device's.
 */
PVOID NdisGetDeviceReservedExtension(PDEVICE_OBJECT DeviceObject)
{
	struct ndis_device *dev;
	PVOID ext = NULL;
	bool found = false;

	rcu_read_lock();
	list_for_each_entry_rcu(dev, &ndis_devices, node) {
		if (&dev->dev_obj == DeviceObject) {
			ext = dev->dev_obj.DeviceExtension;
			found = true;
			break;
		}
	}
	rcu_read_unlock();
	if (!found)
		ndis_misuse(__func__, "the DEVICE_OBJECT of a registered device", _RET_IP_);
	return ext;
}
EXPORT_SYMBOL_NS_GPL(NdisGetDeviceReservedExtension, "NDIS");

/* Completion and the cancel spin lock */

/**
 * IoCompleteRequest() - end a request
 * @Irp: an IRP a dispatch routine was given, with IoStatus set
 * @PriorityBoost: IO_NO_INCREMENT; not used
 *
 * The waiting caller wakes and gets IoStatus.Information bytes of
 * SystemBuffer for a read or an ioctl, and the errno IoStatus.Status maps
 * to. The IRP is NDIS's again: the driver must not touch it after. An
 * Information larger than the request allows is reported and cut; a
 * cancel routine still set, or STATUS_PENDING as the final status, is
 * reported and corrected; a second completion is reported and ignored.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void IoCompleteRequest(PIRP Irp, CCHAR PriorityBoost)
{
	struct ndis_irp *ni = container_of(Irp, struct ndis_irp, irp);
	bool twice, orphan = false;
	struct ndis_device *dev;
	unsigned long flags;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);	/* reported; completing is still safe */
	if (!Irp || READ_ONCE(ni->magic) != NDIS_IRP_MAGIC || !ni->file) {
		ndis_misuse(__func__, "an IRP NDIS gave a dispatch routine", _RET_IP_);
		return;
	}
	dev = ni->file->dev;
	if (READ_ONCE(Irp->CancelRoutine)) {
		ndis_misuse(__func__, "an IRP without a cancel routine (IoSetCancelRoutine(NULL))",
			    _RET_IP_);
		WRITE_ONCE(Irp->CancelRoutine, NULL);
	}
	if (Irp->IoStatus.Status == STATUS_PENDING) {
		ndis_misuse(__func__, "a final status, not STATUS_PENDING", _RET_IP_);
		Irp->IoStatus.Status = STATUS_UNSUCCESSFUL;
	}
	if (ni->transfer && !NT_ERROR(Irp->IoStatus.Status) &&
	    Irp->IoStatus.Information > ni->info_max) {
		ndis_misuse(__func__, "an Information within the request's buffer", _RET_IP_);
		Irp->IoStatus.Information = ni->info_max;
	}

	spin_lock_irqsave(&dev->lock, flags);
	twice = ni->completed;
	if (!twice) {
		ni->completed = true;
		Irp->PendingReturned = !!(ni->stack.Control & SL_PENDING_RETURNED);
		list_del_init(&ni->node);
		orphan = ni->orphaned;
		if (orphan)
			dev->active--;
	}
	spin_unlock_irqrestore(&dev->lock, flags);
	if (twice) {
		ndis_misuse(__func__, "an IRP completed once", _RET_IP_);
		return;
	}
	wake_up(&dev->wq);
	if (orphan)
		queue_work(ndis_complete_wq, &ni->free_work);
	else
		complete(&ni->done);	/* the sender may free it from here on */
}
EXPORT_SYMBOL_NS_GPL(IoCompleteRequest, "NDIS");

/**
 * IoCancelIrp() - cancel an IRP the driver holds
 * @Irp: an IRP a dispatch routine pended and the driver has not completed
 *
 * Sets Irp->Cancel and, if the IRP has a cancel routine, takes it off and
 * calls it with the cancel spin lock held, as a signal or a close does;
 * the routine completes the IRP. An IRP without one is only marked: the
 * driver completes it when it sees Irp->Cancel. Call it only on an IRP
 * that cannot be completed meanwhile (its cancel routine still set, or
 * the driver's own queue lock held): NDIS frees an IRP once it is
 * complete.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: TRUE if a cancel routine was called; FALSE if there was none,
 * or (reported) for a pointer that is not an IRP NDIS gave the driver.
 */
BOOLEAN IoCancelIrp(PIRP Irp)
{
	struct ndis_irp *ni = container_of(Irp, struct ndis_irp, irp);
	BOOLEAN called;

	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return FALSE;
	if (!Irp || READ_ONCE(ni->magic) != NDIS_IRP_MAGIC || !ni->file ||
	    !refcount_inc_not_zero(&ni->ref)) {
		ndis_misuse(__func__, "an IRP NDIS gave a dispatch routine", _RET_IP_);
		return FALSE;
	}
	called = ndis_irp_cancel(ni);
	ndis_irp_put(ni);
	return called;
}
EXPORT_SYMBOL_NS_GPL(IoCancelIrp, "NDIS");

/**
 * IoAcquireCancelSpinLock() - take the cancel spin lock
 * @Irql: receives the level to pass to IoReleaseCancelSpinLock()
 *
 * The one lock NDIS holds when it calls a cancel routine. Drivers that
 * keep their own queues need it only to release it in their cancel
 * routine; IoSetCancelRoutine() is atomic without it.
 *
 * Context: IRQL <= DISPATCH_LEVEL; returns at DISPATCH_LEVEL.
 */
void IoAcquireCancelSpinLock(PKIRQL Irql)
	__acquires(IoCancelSpinLock)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);	/* reported; taken anyway, as spin locks are */
	*Irql = ndis_cancel_lock_take();
}
EXPORT_SYMBOL_NS_GPL(IoAcquireCancelSpinLock, "NDIS");

/**
 * IoReleaseCancelSpinLock() - release the cancel spin lock
 * @Irql: from IoAcquireCancelSpinLock(), or a cancel routine's
 *	Irp->CancelIrql
 *
 * Returns the caller to the level it had before the lock was taken.
 * Called by a task that does not hold the lock, it is reported and does
 * nothing.
 *
 * Context: DISPATCH_LEVEL, holding the cancel spin lock.
 */
void IoReleaseCancelSpinLock(KIRQL Irql)
	__releases(IoCancelSpinLock)
{
	/* Holding it is DISPATCH_LEVEL: below, the caller cannot hold it. */
	if (!NDIS_ASSERT_IRQL_EQ(DISPATCH_LEVEL) || !ndis_spin_lock_held(&ndis_cancel_lock)) {
		ndis_misuse(__func__, "the cancel spin lock held by the caller", _RET_IP_);
		__release(IoCancelSpinLock);
		return;
	}
	ndis_cancel_lock_drop();
}
EXPORT_SYMBOL_NS_GPL(IoReleaseCancelSpinLock, "NDIS");
