// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_device: a device NdisRegisterDeviceEx() made, used through
 * the VFS (filp_open() of its /dev/ndis node, which the KUnit guest's
 * devtmpfs provides, kernel_read(), kernel_write(), and the file's ioctl
 * with user memory from kunit_vm_mmap()). Opens and closes reach the
 * driver with a FILE_OBJECT per file; buffered reads, writes and ioctls
 * copy exactly what IoStatus.Information says; a read the driver pends is
 * completed from a timer; a signal cancels it through its cancel routine;
 * a close cancels what is still pending after IRP_MJ_CLEANUP and waits for
 * it before IRP_MJ_CLOSE; deregistration with a file open closes it to
 * the driver; bad attributes and misuse are reported.
 */
#include <linux/delay.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mman.h>
#include <linux/sched/signal.h>
#include <linux/uaccess.h>
#include <uapi/ndis/device.h>

#include "fake.h"

#define DV_WAIT		(5 * HZ)

#define DV_CODE(fn, method, access)	CTL_CODE(FILE_DEVICE_NETWORK, fn, method, access)
#define DV_IOCTL_REVERSE	DV_CODE(0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define DV_IOCTL_WHOAMI		DV_CODE(0x801, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define DV_IOCTL_OVERFLOW	DV_CODE(0x802, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define DV_IOCTL_WRITER		DV_CODE(0x803, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define DV_IOCTL_NEITHER	DV_CODE(0x804, METHOD_NEITHER, FILE_ANY_ACCESS)
#define DV_IOCTL_UNKNOWN	DV_CODE(0x805, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define DV_IOCTL_TWICE		DV_CODE(0x806, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define DV_IOCTL_UNMARKED	DV_CODE(0x807, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define DV_IOCTL_KEEPCANCEL	DV_CODE(0x808, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define DV_IOCTL_OUT_DIRECT	DV_CODE(0x809, METHOD_OUT_DIRECT, FILE_ANY_ACCESS)
#define DV_IOCTL_IN_DIRECT	DV_CODE(0x80a, METHOD_IN_DIRECT, FILE_ANY_ACCESS)

/* Where dv_ioctl() puts things in the test's user page. */
#define DV_U_IN		256
#define DV_U_OUT	2048
#define DV_GUARD	16

enum dv_read_mode {
	DV_READ_NOW,		/* complete at once with read_bytes */
	DV_READ_EOF,		/* STATUS_END_OF_FILE */
	DV_READ_LIE,		/* Information larger than the buffer */
	DV_READ_PEND,		/* queue, cancelable (ndisprot's way) */
	DV_READ_PEND_NOCANCEL,	/* queue without a cancel routine */
};

/* The test driver: one per device. */
struct dv {
	struct ndis_fake_protocol *fp;
	NDIS_HANDLE handle;
	PDEVICE_OBJECT devobj;
	PDRIVER_DISPATCH major[IRP_MJ_MAXIMUM_FUNCTION + 1];
	char path[64];
	NDIS_SPIN_LOCK lock;		/* pended */
	LIST_ENTRY pended;		/* read IRPs, by Tail.Overlay.ListEntry */
	atomic_t seq, next_id;
	atomic_t creates, cleanups, closes, reads, writes, ioctls, pends, cancels;
	int cleanup_seq, close_seq, cancel_seq, last_close_id;
	int bad;			/* something a routine saw was wrong */
	NTSTATUS create_status;
	enum dv_read_mode read_mode;
	ULONG read_bytes, read_len_seen, write_take, written_len;
	bool io_direct;			/* the last read or write came by MdlAddress */
	u8 written[128];
	ULONG ioctl_in, ioctl_out;
	bool tail_zero;
	bool cleanup_completes;		/* IRP_MJ_CLEANUP completes its file's reads */
	KIRQL create_irql, cancel_irql, complete_irql;
	BOOLEAN cancel_saw_cancel;
	wait_queue_head_t wq;
};

/* The device extension: how a dispatch routine finds its struct dv. */
struct dv_ext {
	struct dv *d;
};

/* FsContext of an open file. */
struct dv_file {
	u32 magic;
	int id;
};

#define DV_FILE_MAGIC	0x64766669

static struct dv *dv_of(PDEVICE_OBJECT DeviceObject)
{
	struct dv_ext *ext = NdisGetDeviceReservedExtension(DeviceObject);

	return ext->d;
}

/* A read's or write's data: by MdlAddress (direct I/O) or SystemBuffer. */
static u8 *dv_buf(struct dv *d, PIRP Irp)
{
	d->io_direct = Irp->MdlAddress;
	if (!Irp->MdlAddress)
		return Irp->AssociatedIrp.SystemBuffer;
	if (Irp->AssociatedIrp.SystemBuffer || Irp->MdlAddress->Next)
		d->bad++;
	return MmGetSystemAddressForMdlSafe(Irp->MdlAddress,
					    NormalPagePriority | MdlMappingNoExecute);
}

/* A direct ioctl: input in SystemBuffer, @out bytes by one MDL. */
static bool dv_direct_ok(PIRP Irp, ULONG out)
{
	return Irp->MdlAddress && !Irp->MdlAddress->Next &&
	       MmGetMdlByteCount(Irp->MdlAddress) == out && Irp->AssociatedIrp.SystemBuffer;
}

static void dv_fill(u8 *p, ULONG n)
{
	ULONG i;

	for (i = 0; i < n; i++)
		p[i] = 0x30 + i;
}

static NTSTATUS dv_complete(PIRP Irp, NTSTATUS status, ULONG_PTR info)
{
	Irp->IoStatus.Status = status;
	Irp->IoStatus.Information = info;
	IoCompleteRequest(Irp, IO_NO_INCREMENT);
	return status;
}

static struct dv_file *dv_file_of(struct dv *d, PIRP Irp)
{
	struct dv_file *df = IoGetCurrentIrpStackLocation(Irp)->FileObject->FsContext;

	if (!df || df->magic != DV_FILE_MAGIC)
		d->bad++;
	return df;
}

static DRIVER_DISPATCH dv_create;
static NTSTATUS dv_create(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
	struct dv *d = dv_of(DeviceObject);
	PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
	struct dv_file *df;

	d->create_irql = KeGetCurrentIrql();
	if (sp->MajorFunction != IRP_MJ_CREATE || sp->FileObject->FsContext ||
	    sp->DeviceObject != DeviceObject || sp->FileObject->DeviceObject != DeviceObject)
		d->bad++;
	atomic_inc(&d->creates);
	if (d->create_status != STATUS_SUCCESS)
		return dv_complete(Irp, d->create_status, 0);
	df = kzalloc(sizeof(*df), GFP_KERNEL);
	if (!df)
		return dv_complete(Irp, STATUS_INSUFFICIENT_RESOURCES, 0);
	df->magic = DV_FILE_MAGIC;
	df->id = atomic_inc_return(&d->next_id);
	sp->FileObject->FsContext = df;
	return dv_complete(Irp, STATUS_SUCCESS, 0);
}

static DRIVER_CANCEL dv_cancel_read;
static void dv_cancel_read(PDEVICE_OBJECT DeviceObject, PIRP Irp)
	__releases(IoCancelSpinLock)
{
	struct dv *d = Irp->Tail.Overlay.DriverContext[0];

	d->cancel_irql = KeGetCurrentIrql();
	d->cancel_saw_cancel = Irp->Cancel;
	IoReleaseCancelSpinLock(Irp->CancelIrql);
	NdisAcquireSpinLock(&d->lock);
	RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
	NdisReleaseSpinLock(&d->lock);
	d->cancel_seq = atomic_inc_return(&d->seq);
	atomic_inc(&d->cancels);
	dv_complete(Irp, STATUS_CANCELLED, 0);
	wake_up(&d->wq);
}

static DRIVER_DISPATCH dv_cleanup;
static NTSTATUS dv_cleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
	struct dv *d = dv_of(DeviceObject);
	PFILE_OBJECT fo = IoGetCurrentIrpStackLocation(Irp)->FileObject;
	PLIST_ENTRY e, next;
	LIST_ENTRY mine;
	PIRP irp;

	dv_file_of(d, Irp);
	InitializeListHead(&mine);
	if (d->cleanup_completes) {	/* as ndisprot does: its file's reads end */
		NdisAcquireSpinLock(&d->lock);
		for (e = d->pended.Flink; e != &d->pended; e = next) {
			next = e->Flink;
			irp = CONTAINING_RECORD(e, IRP, Tail.Overlay.ListEntry);
			if (IoGetCurrentIrpStackLocation(irp)->FileObject != fo)
				continue;
			if (d->read_mode == DV_READ_PEND && !IoSetCancelRoutine(irp, NULL))
				continue;	/* its cancel routine has it */
			RemoveEntryList(e);
			InsertTailList(&mine, e);
		}
		NdisReleaseSpinLock(&d->lock);
		while (!IsListEmpty(&mine)) {
			irp = CONTAINING_RECORD(RemoveHeadList(&mine), IRP, Tail.Overlay.ListEntry);
			dv_complete(irp, STATUS_CANCELLED, 0);
		}
	}
	d->cleanup_seq = atomic_inc_return(&d->seq);
	atomic_inc(&d->cleanups);
	return dv_complete(Irp, STATUS_SUCCESS, 0);
}

static DRIVER_DISPATCH dv_close;
static NTSTATUS dv_close(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
	struct dv *d = dv_of(DeviceObject);
	PFILE_OBJECT fo = IoGetCurrentIrpStackLocation(Irp)->FileObject;
	struct dv_file *df = dv_file_of(d, Irp);

	d->last_close_id = df ? df->id : -1;
	kfree(df);
	fo->FsContext = NULL;
	d->close_seq = atomic_inc_return(&d->seq);
	atomic_inc(&d->closes);
	wake_up(&d->wq);
	return dv_complete(Irp, STATUS_SUCCESS, 0);
}

static DRIVER_DISPATCH dv_read;
static NTSTATUS dv_read(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
	struct dv *d = dv_of(DeviceObject);
	PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
	ULONG len = sp->Parameters.Read.Length;
	NTSTATUS status = STATUS_PENDING;

	dv_file_of(d, Irp);
	d->read_len_seen = len;
	atomic_inc(&d->reads);
	switch (d->read_mode) {
	case DV_READ_NOW:
		if (Irp->MdlAddress && MmGetMdlByteCount(Irp->MdlAddress) != len)
			d->bad++;
		dv_fill(dv_buf(d, Irp), min(d->read_bytes, len));
		return dv_complete(Irp, STATUS_SUCCESS, min(d->read_bytes, len));
	case DV_READ_EOF:
		return dv_complete(Irp, STATUS_END_OF_FILE, 0);
	case DV_READ_LIE:
		dv_fill(dv_buf(d, Irp), len);
		return dv_complete(Irp, STATUS_SUCCESS, len + 5);
	case DV_READ_PEND:
	case DV_READ_PEND_NOCANCEL:
		break;
	}
	Irp->Tail.Overlay.DriverContext[0] = d;
	NdisAcquireSpinLock(&d->lock);
	if (d->read_mode == DV_READ_PEND) {
		IoSetCancelRoutine(Irp, dv_cancel_read);
		if (Irp->Cancel && IoSetCancelRoutine(Irp, NULL))
			status = STATUS_CANCELLED;	/* cancelled before it was cancelable */
	}
	if (status == STATUS_PENDING) {
		IoMarkIrpPending(Irp);
		InsertTailList(&d->pended, &Irp->Tail.Overlay.ListEntry);
	}
	NdisReleaseSpinLock(&d->lock);
	if (status != STATUS_PENDING)
		return dv_complete(Irp, status, 0);
	atomic_inc(&d->pends);
	wake_up(&d->wq);
	return STATUS_PENDING;
}

static DRIVER_DISPATCH dv_write;
static NTSTATUS dv_write(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
	struct dv *d = dv_of(DeviceObject);
	ULONG len = IoGetCurrentIrpStackLocation(Irp)->Parameters.Write.Length;

	dv_file_of(d, Irp);
	atomic_inc(&d->writes);
	d->written_len = len;
	if (Irp->MdlAddress && MmGetMdlByteCount(Irp->MdlAddress) != len)
		d->bad++;
	if (len)
		memcpy(d->written, dv_buf(d, Irp), min_t(ULONG, len, sizeof(d->written)));
	else
		d->io_direct = Irp->MdlAddress;
	return dv_complete(Irp, STATUS_SUCCESS, min(len, d->write_take));
}

static DRIVER_DISPATCH dv_ioctl;
static NTSTATUS dv_ioctl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
	struct dv *d = dv_of(DeviceObject);
	PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
	ULONG in = sp->Parameters.DeviceIoControl.InputBufferLength;
	ULONG out = sp->Parameters.DeviceIoControl.OutputBufferLength;
	u8 *buf = Irp->AssociatedIrp.SystemBuffer;
	struct dv_file *df = dv_file_of(d, Irp);
	u8 *direct;
	ULONG i;

	atomic_inc(&d->ioctls);
	d->ioctl_in = in;
	d->ioctl_out = out;
	switch (sp->Parameters.DeviceIoControl.IoControlCode) {
	case DV_IOCTL_REVERSE:
		d->tail_zero = !memchr_inv(buf + in, 0, max(in, out) - in);
		for (i = 0; i < in / 2; i++)
			swap(buf[i], buf[in - 1 - i]);
		return dv_complete(Irp, STATUS_SUCCESS, min(in, out));
	case DV_IOCTL_WHOAMI:
		if (out < sizeof(u32))
			return dv_complete(Irp, STATUS_BUFFER_TOO_SMALL, 0);
		*(u32 *)buf = df ? df->id : 0;
		return dv_complete(Irp, STATUS_SUCCESS, sizeof(u32));
	case DV_IOCTL_OVERFLOW:
		memset(buf, 0x5a, out);
		return dv_complete(Irp, STATUS_BUFFER_OVERFLOW, out);
	case DV_IOCTL_WRITER:
		return dv_complete(Irp, STATUS_SUCCESS, 0);
	case DV_IOCTL_OUT_DIRECT:	/* the input, reversed, into the MDL's buffer */
		if (!dv_direct_ok(Irp, out))
			return dv_complete(Irp, STATUS_INVALID_PARAMETER, 0);
		direct = MmGetSystemAddressForMdlSafe(Irp->MdlAddress, NormalPagePriority);
		for (i = 0; i < min(in, out); i++)
			direct[i] = buf[in - 1 - i];
		return dv_complete(Irp, STATUS_SUCCESS, min(in, out));
	case DV_IOCTL_IN_DIRECT:	/* how many of the caller's bytes are 0xee */
		if (!dv_direct_ok(Irp, out))
			return dv_complete(Irp, STATUS_INVALID_PARAMETER, 0);
		direct = MmGetSystemAddressForMdlSafe(Irp->MdlAddress, NormalPagePriority);
		for (i = 0, in = 0; i < out; i++) {
			in += direct[i] == 0xee;
			direct[i] = 0x77;	/* never reaches the caller */
		}
		return dv_complete(Irp, STATUS_SUCCESS, in);
	case DV_IOCTL_TWICE:
		dv_complete(Irp, STATUS_SUCCESS, 0);
		IoCompleteRequest(Irp, IO_NO_INCREMENT);
		return STATUS_SUCCESS;
	case DV_IOCTL_UNMARKED:
		dv_complete(Irp, STATUS_SUCCESS, 0);
		return STATUS_PENDING;
	case DV_IOCTL_KEEPCANCEL:
		Irp->Tail.Overlay.DriverContext[0] = d;
		IoSetCancelRoutine(Irp, dv_cancel_read);
		return dv_complete(Irp, STATUS_SUCCESS, 0);
	}
	return dv_complete(Irp, STATUS_INVALID_DEVICE_REQUEST, 0);
}

/* @s = @a @b in UTF-16, in @buf of @n units. */
static void dv_ustr(NDIS_STRING *s, WCHAR *buf, size_t n, const char *a, const char *b)
{
	size_t i = 0;

	for (; *a && i < n - 1; a++)
		buf[i++] = *a;
	for (; *b && i < n - 1; b++)
		buf[i++] = *b;
	buf[i] = 0;
	s->Buffer = buf;
	s->Length = i * sizeof(WCHAR);
	s->MaximumLength = s->Length + sizeof(WCHAR);
}

static void dv_attrs(NDIS_DEVICE_OBJECT_ATTRIBUTES *a, NDIS_STRING *sym,
		     PDRIVER_DISPATCH *major)
{
	memset(a, 0, sizeof(*a));
	a->Header.Type = NDIS_OBJECT_TYPE_DEVICE_OBJECT_ATTRIBUTES;
	a->Header.Revision = NDIS_DEVICE_OBJECT_ATTRIBUTES_REVISION_1;
	a->Header.Size = NDIS_SIZEOF_DEVICE_OBJECT_ATTRIBUTES_REVISION_1;
	a->SymbolicName = sym;
	a->MajorFunctions = major;
	a->ExtensionSize = sizeof(struct dv_ext);
}

static struct ndis_fake_protocol *dv_driver(struct kunit *test, const char *tag)
{
	char name[NDIS_FAKE_NAME];
	struct ndis_fake_protocol *fp;

	snprintf(name, sizeof(name), "dv-p-%s", tag);
	fp = ndis_fake_protocol_new(test, name);
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	return fp;
}

#define DV_ALL	(BIT(IRP_MJ_CREATE) | BIT(IRP_MJ_CLEANUP) | BIT(IRP_MJ_CLOSE) | \
		 BIT(IRP_MJ_READ) | BIT(IRP_MJ_WRITE) | BIT(IRP_MJ_DEVICE_CONTROL))

/* The state of a test driver's dispatch routines. */
static struct dv *dv_alloc(struct kunit *test)
{
	struct dv *d = kunit_kzalloc(test, sizeof(*d), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, d);
	init_waitqueue_head(&d->wq);
	NdisAllocateSpinLock(&d->lock);
	InitializeListHead(&d->pended);
	d->write_take = ~0U;
	return d;
}

/* A device "dvk-@tag" of a new protocol, with the routines in @routines. */
static struct dv *dv_new(struct kunit *test, const char *tag, unsigned long routines)
{
	struct dv *d = dv_alloc(test);
	NDIS_DEVICE_OBJECT_ATTRIBUTES a;
	struct dv_ext *ext;
	NDIS_STRING sym;
	WCHAR wsym[64];
	char name[32];

	d->fp = dv_driver(test, tag);
	if (routines & BIT(IRP_MJ_CREATE))
		d->major[IRP_MJ_CREATE] = dv_create;
	if (routines & BIT(IRP_MJ_CLEANUP))
		d->major[IRP_MJ_CLEANUP] = dv_cleanup;
	if (routines & BIT(IRP_MJ_CLOSE))
		d->major[IRP_MJ_CLOSE] = dv_close;
	if (routines & BIT(IRP_MJ_READ))
		d->major[IRP_MJ_READ] = dv_read;
	if (routines & BIT(IRP_MJ_WRITE))
		d->major[IRP_MJ_WRITE] = dv_write;
	if (routines & BIT(IRP_MJ_DEVICE_CONTROL))
		d->major[IRP_MJ_DEVICE_CONTROL] = dv_ioctl;
	snprintf(name, sizeof(name), "dvk-%s", tag);
	dv_ustr(&sym, wsym, ARRAY_SIZE(wsym), "\\DosDevices\\", name);
	dv_attrs(&a, &sym, d->major);
	KUNIT_ASSERT_EQ(test, NdisRegisterDeviceEx(d->fp->handle, &a, &d->devobj, &d->handle),
			NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_NOT_NULL(test, d->devobj);
	KUNIT_ASSERT_NOT_NULL(test, d->handle);
	ext = NdisGetDeviceReservedExtension(d->devobj);
	KUNIT_ASSERT_NOT_NULL(test, ext);
	KUNIT_EXPECT_PTR_EQ(test, (PVOID)ext, d->devobj->DeviceExtension);
	KUNIT_EXPECT_PTR_EQ(test, ext->d, NULL);	/* zeroed */
	ext->d = d;
	snprintf(d->path, sizeof(d->path), NDIS_DEVICE_DIR "/%s", name);
	return d;
}

static struct file *dv_open(struct kunit *test, struct dv *d, int flags)
{
	struct file *file = filp_open(d->path, flags, 0);

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(file), "open %s: %ld", d->path, PTR_ERR(file));
	return file;
}

/* The last close of @file, now: release runs before this returns. */
static void dv_close_file(struct file *file)
{
	__fput_sync(file);
}

/* A page of user memory for the test's task, for ioctls. */
static unsigned long dv_umem(struct kunit *test)
{
	unsigned long um = kunit_vm_mmap(test, NULL, 0, PAGE_SIZE, PROT_READ | PROT_WRITE,
					 MAP_ANONYMOUS | MAP_PRIVATE, 0);

	KUNIT_ASSERT_TRUE(test, um && !IS_ERR_VALUE(um));
	return um;
}

/*
 * ioctl @code on @file with @in_len bytes of @in and @out_len bytes of
 * output room, as user space makes it; the argument and the output (and
 * DV_GUARD bytes after it, 0xee before the call) come back in @res and @out.
 */
static long dv_ioctl_call(struct kunit *test, struct file *file, unsigned long um, u32 code,
			  const void *in, u32 in_len, u32 out_len,
			  struct ndis_device_ioctl *res, u8 *out)
{
	struct ndis_device_ioctl a = {
		.input = in_len ? um + DV_U_IN : 0,
		.output = out_len ? um + DV_U_OUT : 0,
		.input_length = in_len,
		.output_length = out_len,
		.returned = 0xdead,
		.status = 0x1234,
	};
	u8 guard[64];
	long ret;

	KUNIT_ASSERT_LE(test, out_len + DV_GUARD, sizeof(guard));
	memset(guard, 0xee, sizeof(guard));
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)(um + DV_U_IN), in, in_len), 0);
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)(um + DV_U_OUT), guard, sizeof(guard)),
			0);
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)um, &a, sizeof(a)), 0);
	ret = file->f_op->unlocked_ioctl(file, code, um);
	KUNIT_ASSERT_EQ(test, copy_from_user(res, (void __user *)um, sizeof(*res)), 0);
	KUNIT_ASSERT_EQ(test, copy_from_user(out, (void __user *)(um + DV_U_OUT),
					     out_len + DV_GUARD), 0);
	return ret;
}

static u32 dv_whoami(struct kunit *test, struct file *file, unsigned long um)
{
	struct ndis_device_ioctl res;
	u8 out[4 + DV_GUARD];

	KUNIT_EXPECT_EQ(test, dv_ioctl_call(test, file, um, DV_IOCTL_WHOAMI, NULL, 0, 4, &res, out),
			0L);
	KUNIT_EXPECT_EQ(test, res.returned, 4U);
	return *(u32 *)out;
}

static bool dv_wait(struct dv *d, atomic_t *v, int n)
{
	return wait_event_timeout(d->wq, atomic_read(v) >= n, DV_WAIT) > 0;
}

/* A second task that reads from a file; signals may interrupt it. */
struct dv_reader {
	struct file *file;
	u8 buf[32];
};

static void dv_reader_fn(struct ndis_kunit_thread *t)
{
	struct dv_reader *r = t->arg;

	allow_signal(SIGUSR1);
	t->result = kernel_read(r->file, r->buf, sizeof(r->buf), NULL);
	flush_signals(current);
}

static void dv_start_reader(struct kunit *test, struct dv *d, struct ndis_kunit_thread *th,
			    struct dv_reader *r, const char *name)
{
	int pends = atomic_read(&d->pends);

	ndis_kunit_thread_start(test, th, dv_reader_fn, r, name);
	KUNIT_ASSERT_TRUE(test, dv_wait(d, &d->pends, pends + 1));
}

/* From a timer: complete the first pended read with read_bytes bytes. */
static void dv_complete_first(void *arg)
{
	struct dv *d = arg;
	PIRP irp = NULL;
	ULONG n;

	d->complete_irql = KeGetCurrentIrql();
	NdisDprAcquireSpinLock(&d->lock);
	if (!IsListEmpty(&d->pended)) {
		irp = CONTAINING_RECORD(d->pended.Flink, IRP, Tail.Overlay.ListEntry);
		if (d->read_mode == DV_READ_PEND_NOCANCEL || IoSetCancelRoutine(irp, NULL))
			RemoveEntryList(&irp->Tail.Overlay.ListEntry);
		else
			irp = NULL;		/* being cancelled */
	}
	NdisDprReleaseSpinLock(&d->lock);
	if (!irp)
		return;
	n = min(d->read_bytes, IoGetCurrentIrpStackLocation(irp)->Parameters.Read.Length);
	dv_fill(dv_buf(d, irp), n);
	dv_complete(irp, STATUS_SUCCESS, n);
}

static void open_and_close_reach_the_driver_with_a_context_per_file(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	unsigned int refs = module_refcount(THIS_MODULE);
	struct dv *d = dv_new(test, "fsctx", DV_ALL);
	unsigned long um = dv_umem(test);
	struct file *f1, *f2, *gone;
	u32 id1, id2;

	f1 = dv_open(test, d, O_RDWR);
	f2 = dv_open(test, d, O_RDWR);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->creates), 2);
	KUNIT_EXPECT_EQ(test, d->create_irql, PASSIVE_LEVEL);
	/* Each open file pins the module of the driver that owns the device. */
	KUNIT_EXPECT_EQ(test, module_refcount(THIS_MODULE), refs + 2);
	id1 = dv_whoami(test, f1, um);
	id2 = dv_whoami(test, f2, um);
	KUNIT_EXPECT_NE(test, id1, 0U);
	KUNIT_EXPECT_NE(test, id2, 0U);
	KUNIT_EXPECT_NE(test, id1, id2);
	KUNIT_EXPECT_EQ(test, dv_whoami(test, f1, um), id1);

	dv_close_file(f1);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->cleanups), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->closes), 1);
	KUNIT_EXPECT_EQ(test, d->last_close_id, (int)id1);
	KUNIT_EXPECT_LT(test, d->cleanup_seq, d->close_seq);
	KUNIT_EXPECT_EQ(test, module_refcount(THIS_MODULE), refs + 1);
	dv_close_file(f2);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->closes), 2);
	KUNIT_EXPECT_EQ(test, d->last_close_id, (int)id2);
	KUNIT_EXPECT_EQ(test, module_refcount(THIS_MODULE), refs);

	NdisDeregisterDeviceEx(d->handle);
	gone = filp_open(d->path, O_RDWR, 0);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(gone), -ENOENT);
	if (!IS_ERR(gone))
		dv_close_file(gone);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->closes), 2);
	KUNIT_EXPECT_EQ(test, d->bad, 0);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void read_returns_exactly_the_information_bytes(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct dv *d = dv_new(test, "read", DV_ALL);
	struct file *f = dv_open(test, d, O_RDWR);
	u8 want[64], buf[64];

	dv_fill(want, sizeof(want));
	d->read_mode = DV_READ_NOW;
	d->read_bytes = 10;
	memset(buf, 0xaa, sizeof(buf));
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), NULL), 10L);
	KUNIT_EXPECT_EQ(test, d->read_len_seen, 64U);
	KUNIT_EXPECT_EQ(test, memcmp(buf, want, 10), 0);
	KUNIT_EXPECT_NULL(test, memchr_inv(buf + 10, 0xaa, sizeof(buf) - 10));

	/* A smaller buffer is all the driver is offered. */
	memset(buf, 0xaa, sizeof(buf));
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 4, NULL), 4L);
	KUNIT_EXPECT_EQ(test, d->read_len_seen, 4U);
	KUNIT_EXPECT_NULL(test, memchr_inv(buf + 4, 0xaa, sizeof(buf) - 4));

	d->read_mode = DV_READ_EOF;
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), NULL), 0L);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);

	/* An Information beyond the buffer is reported and cut to it. */
	d->read_mode = DV_READ_LIE;
	memset(buf, 0xaa, sizeof(buf));
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 16, NULL), 16L);
	KUNIT_EXPECT_NULL(test, memchr_inv(buf + 16, 0xaa, sizeof(buf) - 16));
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "IoCompleteRequest");

	dv_close_file(f);
	NdisDeregisterDeviceEx(d->handle);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->reads), 4);
	KUNIT_EXPECT_EQ(test, d->bad, 0);
}

static void write_hands_over_the_bytes_and_returns_information(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct dv *d = dv_new(test, "write", DV_ALL);
	struct file *f = dv_open(test, d, O_RDWR);
	u8 buf[100];

	dv_fill(buf, sizeof(buf));
	d->write_take = 60;
	KUNIT_EXPECT_EQ(test, kernel_write(f, buf, sizeof(buf), NULL), 60L);
	KUNIT_EXPECT_EQ(test, d->written_len, 100U);
	KUNIT_EXPECT_EQ(test, memcmp(d->written, buf, sizeof(buf)), 0);
	d->write_take = ~0U;
	KUNIT_EXPECT_EQ(test, kernel_write(f, buf, 7, NULL), 7L);
	KUNIT_EXPECT_EQ(test, d->written_len, 7U);
	dv_close_file(f);
	NdisDeregisterDeviceEx(d->handle);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->writes), 2);
	KUNIT_EXPECT_EQ(test, d->bad, 0);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void ioctl_copies_the_input_in_and_the_output_out(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct dv *d = dv_new(test, "ioctl", DV_ALL);
	unsigned long um = dv_umem(test);
	struct file *f = dv_open(test, d, O_RDWR);
	struct ndis_device_ioctl res;
	u8 out[16 + DV_GUARD];
	int ioctls;

	KUNIT_EXPECT_EQ(test, dv_ioctl_call(test, f, um, DV_IOCTL_REVERSE, "abcdef", 6, 16,
					    &res, out), 0L);
	KUNIT_EXPECT_EQ(test, d->ioctl_in, 6U);
	KUNIT_EXPECT_EQ(test, d->ioctl_out, 16U);
	KUNIT_EXPECT_TRUE(test, d->tail_zero);	/* SystemBuffer past the input */
	KUNIT_EXPECT_EQ(test, res.returned, 6U);
	KUNIT_EXPECT_EQ(test, res.status, STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, memcmp(out, "fedcba", 6), 0);
	KUNIT_EXPECT_NULL(test, memchr_inv(out + 6, 0xee, sizeof(out) - 6));

	/* Output room smaller than the input: only what fits comes back. */
	KUNIT_EXPECT_EQ(test, dv_ioctl_call(test, f, um, DV_IOCTL_REVERSE, "abcdef", 6, 2,
					    &res, out), 0L);
	KUNIT_EXPECT_EQ(test, res.returned, 2U);
	KUNIT_EXPECT_EQ(test, memcmp(out, "fe", 2), 0);
	KUNIT_EXPECT_NULL(test, memchr_inv(out + 2, 0xee, DV_GUARD));

	/* A warning still brings the output back, and says so. */
	KUNIT_EXPECT_EQ(test, dv_ioctl_call(test, f, um, DV_IOCTL_OVERFLOW, NULL, 0, 8,
					    &res, out), (long)-EOVERFLOW);
	KUNIT_EXPECT_EQ(test, res.returned, 8U);
	KUNIT_EXPECT_EQ(test, res.status, STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_NULL(test, memchr_inv(out, 0x5a, 8));
	KUNIT_EXPECT_NULL(test, memchr_inv(out + 8, 0xee, DV_GUARD));

	/* An error brings nothing back. */
	KUNIT_EXPECT_EQ(test, dv_ioctl_call(test, f, um, DV_IOCTL_WHOAMI, NULL, 0, 2, &res, out),
			(long)-ENOBUFS);
	KUNIT_EXPECT_EQ(test, res.returned, 0U);
	KUNIT_EXPECT_EQ(test, res.status, STATUS_BUFFER_TOO_SMALL);
	KUNIT_EXPECT_EQ(test, dv_ioctl_call(test, f, um, DV_IOCTL_UNKNOWN, NULL, 0, 0, &res, out),
			(long)-ENOTTY);
	KUNIT_EXPECT_EQ(test, res.status, STATUS_INVALID_DEVICE_REQUEST);

	/* Refused before the driver: METHOD_NEITHER, a bad buffer, too big. */
	ioctls = atomic_read(&d->ioctls);
	KUNIT_EXPECT_EQ(test, dv_ioctl_call(test, f, um, DV_IOCTL_NEITHER, NULL, 0, 4, &res, out),
			(long)-ENOTTY);
	KUNIT_EXPECT_EQ(test, f->f_op->unlocked_ioctl(f, DV_IOCTL_REVERSE, 16), (long)-EFAULT);
	res.input = 16;
	res.input_length = 4;
	res.output = 0;
	res.output_length = 0;
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)um, &res, sizeof(res)), 0);
	KUNIT_EXPECT_EQ(test, f->f_op->unlocked_ioctl(f, DV_IOCTL_REVERSE, um), (long)-EFAULT);
	res.input_length = SZ_1M + 1;
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)um, &res, sizeof(res)), 0);
	KUNIT_EXPECT_EQ(test, f->f_op->unlocked_ioctl(f, DV_IOCTL_REVERSE, um), (long)-EINVAL);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->ioctls), ioctls);
	KUNIT_EXPECT_EQ(test, dv_ioctl_call(test, f, um, DV_IOCTL_WRITER, NULL, 0, 0, &res, out),
			0L);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->ioctls), ioctls + 1);
	if (IS_ENABLED(CONFIG_COMPAT))
		KUNIT_EXPECT_NOT_NULL(test, f->f_op->compat_ioctl);
	dv_close_file(f);

	/* FILE_WRITE_ACCESS needs a file open for writing. */
	f = dv_open(test, d, O_RDONLY);
	KUNIT_EXPECT_EQ(test, dv_ioctl_call(test, f, um, DV_IOCTL_WRITER, NULL, 0, 0, &res, out),
			(long)-EBADF);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->ioctls), ioctls + 1);
	dv_close_file(f);
	NdisDeregisterDeviceEx(d->handle);
	KUNIT_EXPECT_EQ(test, d->bad, 0);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void a_pended_read_completed_from_a_timer_wakes_the_reader(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct dv *d = dv_new(test, "pend", DV_ALL);
	struct dv_reader rd = { .file = dv_open(test, d, O_RDWR) };
	struct ndis_kunit_thread th;
	u8 want[7];

	d->read_mode = DV_READ_PEND;
	d->read_bytes = sizeof(want);
	memset(rd.buf, 0xaa, sizeof(rd.buf));
	dv_start_reader(test, d, &th, &rd, "dv-pend");
	msleep(20);
	KUNIT_EXPECT_FALSE(test, completion_done(&th.done));	/* still waiting */
	ndis_kunit_in_timer(test, dv_complete_first, d);
	KUNIT_EXPECT_EQ(test, d->complete_irql, DISPATCH_LEVEL);
	KUNIT_ASSERT_TRUE(test, ndis_kunit_thread_finished(&th));
	KUNIT_EXPECT_EQ(test, th.result, (long)sizeof(want));
	dv_fill(want, sizeof(want));
	KUNIT_EXPECT_EQ(test, memcmp(rd.buf, want, sizeof(want)), 0);
	KUNIT_EXPECT_NULL(test, memchr_inv(rd.buf + sizeof(want), 0xaa,
					   sizeof(rd.buf) - sizeof(want)));
	KUNIT_EXPECT_EQ(test, atomic_read(&d->cancels), 0);
	dv_close_file(rd.file);
	NdisDeregisterDeviceEx(d->handle);
	KUNIT_EXPECT_EQ(test, d->bad, 0);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void a_signal_cancels_a_pended_read_through_its_cancel_routine(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct dv *d = dv_new(test, "signal", DV_ALL);
	struct dv_reader rd = { .file = dv_open(test, d, O_RDWR) };
	struct ndis_kunit_thread th;
	u8 buf[8];

	d->read_mode = DV_READ_PEND;
	dv_start_reader(test, d, &th, &rd, "dv-signal");
	send_sig(SIGUSR1, th.task, 0);
	KUNIT_ASSERT_TRUE(test, ndis_kunit_thread_finished(&th));
	KUNIT_EXPECT_EQ(test, th.result, (long)-EINTR);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->cancels), 1);
	KUNIT_EXPECT_EQ(test, d->cancel_irql, DISPATCH_LEVEL);
	KUNIT_EXPECT_TRUE(test, d->cancel_saw_cancel);
	KUNIT_EXPECT_TRUE(test, IsListEmpty(&d->pended));

	/* The file goes on working. */
	d->read_mode = DV_READ_NOW;
	d->read_bytes = 3;
	KUNIT_EXPECT_EQ(test, kernel_read(rd.file, buf, sizeof(buf), NULL), 3L);
	dv_close_file(rd.file);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->closes), 1);
	NdisDeregisterDeviceEx(d->handle);
	KUNIT_EXPECT_EQ(test, d->bad, 0);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

/*
 * A read pended without a cancel routine outlives the signal's bounded
 * wait: the reader gets EINTR and the IRP stays with the driver, marked
 * cancelled. @cleanup_completes: the driver's IRP_MJ_CLEANUP ends it, as
 * ndisprot's does; otherwise the driver makes it cancelable afterwards,
 * without looking at Irp->Cancel, and the close must cancel it.
 */
static void dv_close_with_a_read_left_behind(struct kunit *test, const char *tag,
					     bool cleanup_completes)
{
	struct ndis_kunit_reports *r = test->priv;
	struct dv *d = dv_new(test, tag, DV_ALL);
	struct dv_reader rd = { .file = dv_open(test, d, O_RDWR) };
	struct ndis_kunit_thread th;
	PIRP irp;

	d->read_mode = DV_READ_PEND_NOCANCEL;
	d->cleanup_completes = cleanup_completes;
	dv_start_reader(test, d, &th, &rd, tag);
	send_sig(SIGUSR1, th.task, 0);
	KUNIT_ASSERT_TRUE(test, ndis_kunit_thread_finished(&th));
	KUNIT_EXPECT_EQ(test, th.result, (long)-EINTR);
	KUNIT_ASSERT_FALSE(test, IsListEmpty(&d->pended));
	irp = CONTAINING_RECORD(d->pended.Flink, IRP, Tail.Overlay.ListEntry);
	KUNIT_EXPECT_TRUE(test, irp->Cancel);
	if (!cleanup_completes)
		IoSetCancelRoutine(irp, dv_cancel_read);

	dv_close_file(rd.file);
	KUNIT_EXPECT_TRUE(test, IsListEmpty(&d->pended));
	KUNIT_EXPECT_EQ(test, atomic_read(&d->cleanups), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->closes), 1);
	if (cleanup_completes) {
		KUNIT_EXPECT_EQ(test, atomic_read(&d->cancels), 0);
	} else {
		KUNIT_EXPECT_EQ(test, atomic_read(&d->cancels), 1);
		KUNIT_EXPECT_LT(test, d->cleanup_seq, d->cancel_seq);
		KUNIT_EXPECT_LT(test, d->cancel_seq, d->close_seq);
	}
	KUNIT_EXPECT_LT(test, d->cleanup_seq, d->close_seq);
	NdisDeregisterDeviceEx(d->handle);
	KUNIT_EXPECT_EQ(test, d->bad, 0);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void close_cancels_what_cleanup_left_pending(struct kunit *test)
{
	dv_close_with_a_read_left_behind(test, "leftcancel", false);
}

static void close_waits_for_the_reads_cleanup_completes(struct kunit *test)
{
	dv_close_with_a_read_left_behind(test, "leftcleanup", true);
}

static void deregistration_with_a_file_open_closes_it_to_the_driver(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	unsigned int refs = module_refcount(THIS_MODULE);
	struct dv *d = dv_new(test, "dereg", DV_ALL);
	struct dv_reader rd = { .file = dv_open(test, d, O_RDWR) };
	unsigned long um = dv_umem(test);
	struct ndis_device_ioctl res;
	struct ndis_kunit_thread th;
	struct file *gone;
	u8 out[DV_GUARD];

	d->read_mode = DV_READ_PEND;
	dv_start_reader(test, d, &th, &rd, "dv-dereg");
	NdisDeregisterDeviceEx(d->handle);
	/* Before it returned: the read cancelled, the file closed to the driver. */
	KUNIT_EXPECT_EQ(test, atomic_read(&d->cancels), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->cleanups), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->closes), 1);
	KUNIT_ASSERT_TRUE(test, ndis_kunit_thread_finished(&th));
	KUNIT_EXPECT_EQ(test, th.result, (long)-ENODEV);

	/* The file stays open; nothing reaches the driver. */
	KUNIT_EXPECT_EQ(test, kernel_read(rd.file, rd.buf, 4, NULL), (ssize_t)-ENODEV);
	KUNIT_EXPECT_EQ(test, kernel_write(rd.file, rd.buf, 4, NULL), (ssize_t)-ENODEV);
	KUNIT_EXPECT_EQ(test, dv_ioctl_call(test, rd.file, um, DV_IOCTL_WHOAMI, NULL, 0, 0,
					    &res, out), (long)-ENODEV);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->reads), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->writes), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->ioctls), 0);
	gone = filp_open(d->path, O_RDWR, 0);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(gone), -ENOENT);
	if (!IS_ERR(gone))
		dv_close_file(gone);
	KUNIT_EXPECT_EQ(test, module_refcount(THIS_MODULE), refs + 1);
	dv_close_file(rd.file);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->cleanups), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->closes), 1);
	KUNIT_EXPECT_EQ(test, module_refcount(THIS_MODULE), refs);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);

	/* The handle died with the device. */
	NdisDeregisterDeviceEx(d->handle);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisDeregisterDeviceEx");
	KUNIT_EXPECT_EQ(test, d->bad, 0);
}

static void a_forgotten_device_is_deregistered_with_its_driver(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct dv *d = dv_new(test, "forgot", DV_ALL);
	struct file *f = dv_open(test, d, O_RDWR);
	u8 buf[4];

	ndis_fake_protocol_deregister(d->fp);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisDeregisterDeviceEx");
	KUNIT_EXPECT_EQ(test, atomic_read(&d->cleanups), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->closes), 1);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), NULL), (ssize_t)-ENODEV);
	dv_close_file(f);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->closes), 1);
	KUNIT_EXPECT_EQ(test, d->bad, 0);
}

static void missing_routines_and_a_failed_create(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	unsigned int refs = module_refcount(THIS_MODULE);
	struct dv *d = dv_new(test, "none", 0);
	struct dv *c = dv_new(test, "denied", DV_ALL);
	unsigned long um = dv_umem(test);
	struct ndis_device_ioctl res;
	struct file *f;
	u8 buf[DV_GUARD];

	/* No create, cleanup or close routine: opens and closes all the same. */
	f = dv_open(test, d, O_RDWR);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 4, NULL), (ssize_t)-EINVAL);
	KUNIT_EXPECT_EQ(test, kernel_write(f, buf, 4, NULL), (ssize_t)-EINVAL);
	KUNIT_EXPECT_EQ(test, dv_ioctl_call(test, f, um, DV_IOCTL_WHOAMI, NULL, 0, 0, &res, buf),
			(long)-ENOTTY);
	dv_close_file(f);
	NdisDeregisterDeviceEx(d->handle);

	/* A failed create fails the open, and gets no cleanup or close. */
	c->create_status = STATUS_ACCESS_DENIED;
	f = filp_open(c->path, O_RDWR, 0);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(f), -EACCES);
	if (!IS_ERR(f))
		dv_close_file(f);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->creates), 1);
	KUNIT_EXPECT_EQ(test, module_refcount(THIS_MODULE), refs);
	NdisDeregisterDeviceEx(c->handle);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->cleanups), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->closes), 0);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

/* Each at its own line, so that each is a calling site of its own. */
#define DV_REGISTER(h, a)	NdisRegisterDeviceEx(h, a, &obj, &handle)

static void bad_attributes_are_reported(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_protocol *fp = dv_driver(test, "bad");
	PDRIVER_DISPATCH major[IRP_MJ_MAXIMUM_FUNCTION + 1] = {};
	NDIS_DEVICE_OBJECT_ATTRIBUTES a;
	NDIS_HANDLE handle, h2;
	WCHAR w[64], w2[64];
	PDEVICE_OBJECT obj;
	NDIS_STRING sym, s2;
	GUID guid = {};

	dv_attrs(&a, &sym, major);
	KUNIT_EXPECT_EQ(test, DV_REGISTER(fp->handle, NULL), NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_NULL(test, obj);
	KUNIT_EXPECT_NULL(test, handle);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisRegisterDeviceEx");
	dv_ustr(&sym, w, ARRAY_SIZE(w), "\\DosDevices\\", "dvk-bad");
	a.Header.Type = NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS;
	KUNIT_EXPECT_EQ(test, DV_REGISTER(fp->handle, &a), NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	dv_attrs(&a, &sym, major);
	a.Header.Size = NDIS_SIZEOF_DEVICE_OBJECT_ATTRIBUTES_REVISION_1 - 1;
	KUNIT_EXPECT_EQ(test, DV_REGISTER(fp->handle, &a), NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	dv_attrs(&a, &sym, NULL);
	KUNIT_EXPECT_EQ(test, DV_REGISTER(fp->handle, &a), NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, r->calls, 4U);
	dv_attrs(&a, &sym, major);
	a.ExtensionSize = SZ_2M;
	KUNIT_EXPECT_EQ(test, DV_REGISTER(fp->handle, &a), NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, r->calls, 5U);

	/* Names. */
	dv_attrs(&a, NULL, major);
	KUNIT_EXPECT_EQ(test, DV_REGISTER(fp->handle, &a), STATUS_OBJECT_NAME_INVALID);
	KUNIT_EXPECT_EQ(test, r->calls, 6U);
	dv_attrs(&a, &sym, major);
	dv_ustr(&sym, w, ARRAY_SIZE(w), "", "dvk-bad");
	KUNIT_EXPECT_EQ(test, DV_REGISTER(fp->handle, &a), STATUS_OBJECT_NAME_INVALID);
	KUNIT_EXPECT_EQ(test, r->calls, 7U);
	dv_ustr(&sym, w, ARRAY_SIZE(w), "\\DosDevices\\", "dvk/bad");
	KUNIT_EXPECT_EQ(test, DV_REGISTER(fp->handle, &a), STATUS_OBJECT_NAME_INVALID);
	KUNIT_EXPECT_EQ(test, r->calls, 8U);
	dv_ustr(&sym, w, ARRAY_SIZE(w), "\\DosDevices\\", ".dvk");
	KUNIT_EXPECT_EQ(test, DV_REGISTER(fp->handle, &a), STATUS_OBJECT_NAME_INVALID);
	KUNIT_EXPECT_EQ(test, r->calls, 9U);
	dv_ustr(&sym, w, ARRAY_SIZE(w), "\\DosDevices\\", "dvk-01234567890123456789012345678");
	KUNIT_EXPECT_EQ(test, DV_REGISTER(fp->handle, &a), STATUS_OBJECT_NAME_INVALID);
	KUNIT_EXPECT_EQ(test, r->calls, 10U);
	dv_ustr(&sym, w, ARRAY_SIZE(w), "\\DosDevices\\", "");
	KUNIT_EXPECT_EQ(test, DV_REGISTER(fp->handle, &a), STATUS_OBJECT_NAME_INVALID);
	KUNIT_EXPECT_EQ(test, r->calls, 11U);
	sym.Length = 3;					/* odd */
	KUNIT_EXPECT_EQ(test, DV_REGISTER(fp->handle, &a), STATUS_OBJECT_NAME_INVALID);
	KUNIT_EXPECT_EQ(test, r->calls, 12U);

	/* A handle that is no driver's. */
	dv_ustr(&sym, w, ARRAY_SIZE(w), "\\DosDevices\\", "dvk-bad");
	KUNIT_EXPECT_EQ(test, DV_REGISTER(NULL, &a), NDIS_STATUS_NOT_SUPPORTED);
	KUNIT_EXPECT_EQ(test, r->calls, 13U);

	/* Names are unique in any case, under every prefix; no report. */
	dv_ustr(&sym, w, ARRAY_SIZE(w), "\\??\\", "dvk-Bad");
	KUNIT_ASSERT_EQ(test, DV_REGISTER(fp->handle, &a), NDIS_STATUS_SUCCESS);
	h2 = handle;
	a.SymbolicName = &s2;
	dv_ustr(&s2, w2, ARRAY_SIZE(w2), "\\dosdevices\\global\\", "DVK-BAD");
	KUNIT_EXPECT_EQ(test, DV_REGISTER(fp->handle, &a), STATUS_OBJECT_NAME_COLLISION);
	KUNIT_EXPECT_NULL(test, handle);
	KUNIT_EXPECT_EQ(test, r->calls, 13U);
	NdisDeregisterDeviceEx(h2);
	/* Free again, and reserved fields are reported but not fatal. */
	a.DeviceClassGuid = &guid;
	KUNIT_EXPECT_EQ(test, DV_REGISTER(fp->handle, &a), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r->calls, 14U);
	NdisDeregisterDeviceEx(handle);

	KUNIT_EXPECT_NULL(test, NdisGetDeviceReservedExtension((PDEVICE_OBJECT)&guid));
	KUNIT_EXPECT_EQ(test, r->calls, 15U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisGetDeviceReservedExtension");
	NdisDeregisterDeviceEx(NULL);
	KUNIT_EXPECT_EQ(test, r->calls, 16U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisDeregisterDeviceEx");
}

static void misuse_by_a_dispatch_routine_is_reported(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct dv *d = dv_new(test, "misuse", DV_ALL);
	unsigned long um = dv_umem(test);
	struct file *f = dv_open(test, d, O_RDWR);
	struct ndis_device_ioctl res;
	u8 out[DV_GUARD];
	KIRQL irql;

	KUNIT_EXPECT_EQ(test, dv_ioctl_call(test, f, um, DV_IOCTL_TWICE, NULL, 0, 0, &res, out),
			0L);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "IoCompleteRequest");
	KUNIT_EXPECT_STREQ(test, r->requirement, "an IRP completed once");
	KUNIT_EXPECT_EQ(test, dv_ioctl_call(test, f, um, DV_IOCTL_UNMARKED, NULL, 0, 0, &res,
					    out), 0L);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_STREQ(test, r->api, "IoMarkIrpPending");
	KUNIT_EXPECT_EQ(test, dv_ioctl_call(test, f, um, DV_IOCTL_KEEPCANCEL, NULL, 0, 0, &res,
					    out), 0L);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	KUNIT_EXPECT_STREQ(test, r->api, "IoCompleteRequest");

	/* The cancel spin lock raises to DISPATCH_LEVEL and back. */
	IoAcquireCancelSpinLock(&irql);
	KUNIT_EXPECT_EQ(test, irql, PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), DISPATCH_LEVEL);
	IoReleaseCancelSpinLock(irql);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	__acquire(IoCancelSpinLock);		/* for sparse: it is not held */
	IoReleaseCancelSpinLock(irql);
	KUNIT_EXPECT_EQ(test, r->calls, 4U);
	KUNIT_EXPECT_STREQ(test, r->api, "IoReleaseCancelSpinLock");

	dv_close_file(f);
	NdisDeregisterDeviceEx(d->handle);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->closes), 1);
	KUNIT_EXPECT_EQ(test, d->bad, 0);
}

/*
 * Suite ndis_io_device: a device made the WDM way, as ndisprot makes it:
 * IoCreateDevice() and IoCreateSymbolicLink() in a DriverEntry that
 * ndis_driver_entry() calls, the routines in DriverObject->MajorFunction
 * set after the link, DO_DIRECT_IO, IoDeleteSymbolicLink() and
 * IoDeleteDevice() in DriverUnload; direct ioctls; IoCancelIrp().
 */

#define IOD_DIRECT	BIT(0)		/* DO_DIRECT_IO */
#define IOD_EXCLUSIVE	BIT(1)
#define IOD_LEAVE	BIT(2)		/* DriverUnload forgets IoDeleteDevice() */
#define IOD_FAIL	BIT(3)		/* DriverEntry fails, forgetting it too */

struct iod {
	DRIVER_OBJECT drv;
	struct dv *d;
	PDEVICE_OBJECT obj;
	unsigned long flags;
	int early_open;			/* an open tried within DriverEntry */
	bool deleted;			/* the test deleted the device itself */
	char name[32];
};

static void iod_names(struct iod *io, NDIS_STRING *nt, WCHAR *wnt, NDIS_STRING *dos, WCHAR *wdos)
{
	dv_ustr(nt, wnt, 64, "\\Device\\", io->name);
	dv_ustr(dos, wdos, 64, "\\DosDevices\\", io->name);
}

static DRIVER_UNLOAD iod_unload;
static void iod_unload(PDRIVER_OBJECT DriverObject)
{
	struct iod *io = container_of(DriverObject, struct iod, drv);
	NDIS_STRING nt, dos;
	WCHAR wnt[64], wdos[64];

	iod_names(io, &nt, wnt, &dos, wdos);
	if (IoDeleteSymbolicLink(&dos) != (io->deleted ? STATUS_OBJECT_NAME_NOT_FOUND :
					   STATUS_SUCCESS))
		io->d->bad++;
	if (!(io->flags & IOD_LEAVE) && !io->deleted)
		IoDeleteDevice(io->obj);
}

static DRIVER_INITIALIZE iod_entry;
static NTSTATUS iod_entry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
	struct iod *io = container_of(DriverObject, struct iod, drv);
	PDRIVER_DISPATCH *major = DriverObject->MajorFunction;
	NDIS_STRING nt, dos;
	WCHAR wnt[64], wdos[64];
	struct dv_ext *ext;
	struct file *f;
	NTSTATUS status;

	iod_names(io, &nt, wnt, &dos, wdos);
	status = IoCreateDevice(DriverObject, sizeof(*ext), &nt, FILE_DEVICE_NETWORK,
				FILE_DEVICE_SECURE_OPEN, !!(io->flags & IOD_EXCLUSIVE), &io->obj);
	if (!NT_SUCCESS(status))
		return status;
	ext = io->obj->DeviceExtension;
	ext->d = io->d;
	status = IoCreateSymbolicLink(&dos, &nt);
	if (!NT_SUCCESS(status)) {
		IoDeleteDevice(io->obj);
		return status;
	}
	if (io->flags & IOD_DIRECT)
		io->obj->Flags |= DO_DIRECT_IO;
	/* Too early: the routines are not set yet, the device is initializing. */
	f = filp_open(io->d->path, O_RDWR, 0);
	io->early_open = PTR_ERR_OR_ZERO(f);
	if (!IS_ERR(f))
		dv_close_file(f);
	major[IRP_MJ_CREATE] = dv_create;
	major[IRP_MJ_CLEANUP] = dv_cleanup;
	major[IRP_MJ_CLOSE] = dv_close;
	major[IRP_MJ_READ] = dv_read;
	major[IRP_MJ_WRITE] = dv_write;
	major[IRP_MJ_DEVICE_CONTROL] = dv_ioctl;
	DriverObject->DriverUnload = iod_unload;
	return io->flags & IOD_FAIL ? STATUS_UNSUCCESSFUL : STATUS_SUCCESS;
}

/* A driver "dvi-@tag" loaded the way NDIS_DRIVER_ENTRY() loads one. */
static struct iod *iod_new(struct kunit *test, const char *tag, unsigned long flags, int *err)
{
	struct iod *io = kunit_kzalloc(test, sizeof(*io), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, io);
	io->d = dv_alloc(test);
	io->flags = flags;
	snprintf(io->name, sizeof(io->name), "dvi-%s", tag);
	snprintf(io->d->path, sizeof(io->d->path), NDIS_DEVICE_DIR "/%s", io->name);
	*err = ndis_driver_entry(&io->drv, iod_entry, THIS_MODULE);
	return io;
}

static struct iod *iod_load(struct kunit *test, const char *tag, unsigned long flags)
{
	int err;
	struct iod *io = iod_new(test, tag, flags, &err);

	KUNIT_ASSERT_EQ(test, err, 0);
	return io;
}

/* Unload @io's driver; its routines saw nothing wrong, and @calls misuses were reported. */
static void iod_unload_checked(struct kunit *test, struct iod *io, unsigned int calls)
{
	struct ndis_kunit_reports *r = test->priv;

	ndis_driver_unload(&io->drv);
	KUNIT_EXPECT_EQ(test, io->d->bad, 0);
	KUNIT_EXPECT_EQ(test, r->calls, calls);
}

static int iod_open_errno(struct iod *io)
{
	struct file *f = filp_open(io->d->path, O_RDWR, 0);

	if (IS_ERR(f))
		return PTR_ERR(f);
	dv_close_file(f);
	return 0;
}

static void a_device_made_in_driver_entry_opens_once_driver_entry_returns(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	unsigned int refs = module_refcount(THIS_MODULE);
	struct iod *io = iod_load(test, "entry", 0);
	unsigned long um = dv_umem(test);
	PDEVICE_OBJECT obj = io->obj;
	struct file *f;

	KUNIT_EXPECT_EQ(test, io->early_open, -ENODEV);
	KUNIT_EXPECT_EQ(test, atomic_read(&io->d->creates), 0);
	KUNIT_EXPECT_PTR_EQ(test, io->drv.DeviceObject, obj);
	KUNIT_EXPECT_PTR_EQ(test, obj->DriverObject, &io->drv);
	KUNIT_EXPECT_NULL(test, obj->NextDevice);
	KUNIT_EXPECT_EQ(test, obj->Type, IO_TYPE_DEVICE);
	KUNIT_EXPECT_EQ(test, obj->Size, (USHORT)sizeof(*obj));
	KUNIT_EXPECT_EQ(test, obj->StackSize, 1);
	KUNIT_EXPECT_EQ(test, obj->DeviceType, FILE_DEVICE_NETWORK);
	KUNIT_EXPECT_EQ(test, obj->Characteristics, FILE_DEVICE_SECURE_OPEN);
	KUNIT_EXPECT_EQ(test, obj->Flags & (DO_DEVICE_INITIALIZING | DO_EXCLUSIVE), 0U);
	KUNIT_EXPECT_PTR_EQ(test, NdisGetDeviceReservedExtension(obj), obj->DeviceExtension);

	f = filp_open(io->d->path, O_RDWR, 0);
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(f), "open %s: %ld", io->d->path, PTR_ERR(f));
	KUNIT_EXPECT_EQ(test, atomic_read(&io->d->creates), 1);
	KUNIT_EXPECT_EQ(test, module_refcount(THIS_MODULE), refs + 1);	/* pinned */
	KUNIT_EXPECT_EQ(test, dv_whoami(test, f, um), 1U);
	dv_close_file(f);
	KUNIT_EXPECT_EQ(test, atomic_read(&io->d->cleanups), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&io->d->closes), 1);
	KUNIT_EXPECT_EQ(test, module_refcount(THIS_MODULE), refs);

	ndis_driver_unload(&io->drv);
	KUNIT_EXPECT_EQ(test, iod_open_errno(io), -ENOENT);
	KUNIT_EXPECT_NULL(test, io->drv.DeviceObject);
	KUNIT_EXPECT_EQ(test, io->d->bad, 0);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void direct_reads_and_writes_reach_the_driver_by_mdl(struct kunit *test)
{
	struct iod *io = iod_load(test, "direct", IOD_DIRECT);
	struct dv *d = io->d;
	struct file *f = dv_open(test, d, O_RDWR);
	u8 buf[100], want[10];
	size_t i;

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = 0x80 + i;
	KUNIT_EXPECT_EQ(test, kernel_write(f, buf, sizeof(buf), NULL), (ssize_t)sizeof(buf));
	KUNIT_EXPECT_TRUE(test, d->io_direct);
	KUNIT_EXPECT_EQ(test, d->written_len, (ULONG)sizeof(buf));
	KUNIT_EXPECT_EQ(test, memcmp(d->written, buf, sizeof(buf)), 0);
	/* No bytes, no MDL. */
	KUNIT_EXPECT_EQ(test, kernel_write(f, buf, 0, NULL), 0L);
	KUNIT_EXPECT_FALSE(test, d->io_direct);
	KUNIT_EXPECT_EQ(test, d->written_len, 0U);

	d->read_bytes = sizeof(want);
	memset(buf, 0xaa, sizeof(buf));
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 40, NULL), (ssize_t)sizeof(want));
	KUNIT_EXPECT_TRUE(test, d->io_direct);
	KUNIT_EXPECT_EQ(test, d->read_len_seen, 40U);
	dv_fill(want, sizeof(want));
	KUNIT_EXPECT_EQ(test, memcmp(buf, want, sizeof(want)), 0);
	KUNIT_EXPECT_NULL(test, memchr_inv(buf + sizeof(want), 0xaa, sizeof(buf) - sizeof(want)));

	/* The flag is read at each request: without it, SystemBuffer. */
	io->obj->Flags &= ~DO_DIRECT_IO;
	KUNIT_EXPECT_EQ(test, kernel_write(f, buf, 8, NULL), 8L);
	KUNIT_EXPECT_FALSE(test, d->io_direct);
	KUNIT_EXPECT_EQ(test, memcmp(d->written, want, 8), 0);
	dv_close_file(f);
	iod_unload_checked(test, io, 0);
}

static void direct_ioctls_carry_their_second_buffer_by_mdl(struct kunit *test)
{
	struct iod *io = iod_load(test, "dioctl", 0);
	unsigned long um = dv_umem(test);
	struct file *f = dv_open(test, io->d, O_RDWR);
	struct ndis_device_ioctl res;
	u8 out[8 + DV_GUARD];

	/* METHOD_OUT_DIRECT: input in SystemBuffer, the output by MDL, copied back. */
	KUNIT_EXPECT_EQ(test, dv_ioctl_call(test, f, um, DV_IOCTL_OUT_DIRECT, "abcdef", 6, 6, &res,
					    out), 0L);
	KUNIT_EXPECT_EQ(test, res.returned, 6U);
	KUNIT_EXPECT_EQ(test, memcmp(out, "fedcba", 6), 0);
	KUNIT_EXPECT_NULL(test, memchr_inv(out + 6, 0xee, DV_GUARD));

	/* METHOD_IN_DIRECT: the second buffer is input, and nothing comes back. */
	KUNIT_EXPECT_EQ(test, dv_ioctl_call(test, f, um, DV_IOCTL_IN_DIRECT, "x", 1, 8, &res, out),
			0L);
	KUNIT_EXPECT_EQ(test, res.returned, 8U);	/* it saw the caller's 0xee bytes */
	KUNIT_EXPECT_NULL(test, memchr_inv(out, 0xee, 8 + DV_GUARD));
	KUNIT_EXPECT_EQ(test, io->d->ioctl_out, 8U);

	/* METHOD_NEITHER never reaches the driver. */
	KUNIT_EXPECT_EQ(test, dv_ioctl_call(test, f, um, DV_IOCTL_NEITHER, NULL, 0, 4, &res, out),
			(long)-ENOTTY);
	KUNIT_EXPECT_EQ(test, atomic_read(&io->d->ioctls), 2);
	dv_close_file(f);
	iod_unload_checked(test, io, 0);
}

static void links_come_and_go_without_closing_files(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct iod *io = iod_load(test, "link", 0);
	struct file *f = dv_open(test, io->d, O_RDWR);
	NDIS_STRING s, t;
	WCHAR ws[64], wt[64];
	u8 buf[4] = {};

	dv_ustr(&s, ws, ARRAY_SIZE(ws), "\\??\\", "DVI-LINK");	/* another prefix and case */
	KUNIT_EXPECT_EQ(test, IoDeleteSymbolicLink(&s), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, iod_open_errno(io), -ENOENT);
	KUNIT_EXPECT_EQ(test, kernel_write(f, buf, sizeof(buf), NULL), 4L);	/* still open */
	KUNIT_EXPECT_EQ(test, IoDeleteSymbolicLink(&s), STATUS_OBJECT_NAME_NOT_FOUND);

	/* The node is named as the new link is spelt; the device in any case. */
	dv_ustr(&s, ws, ARRAY_SIZE(ws), "\\GLOBAL??\\", "dvi-link");
	dv_ustr(&t, wt, ARRAY_SIZE(wt), "\\Device\\", "Dvi-Link");
	KUNIT_EXPECT_EQ(test, IoCreateSymbolicLink(&s, &t), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, iod_open_errno(io), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&io->d->creates), 2);
	/* One link a device; a link to a device that is not there. */
	dv_ustr(&s, ws, ARRAY_SIZE(ws), "\\DosDevices\\", "dvi-link2");
	KUNIT_EXPECT_EQ(test, IoCreateSymbolicLink(&s, &t), STATUS_OBJECT_NAME_COLLISION);
	dv_ustr(&t, wt, ARRAY_SIZE(wt), "\\Device\\", "dvi-nothing");
	KUNIT_EXPECT_EQ(test, IoCreateSymbolicLink(&s, &t), STATUS_OBJECT_NAME_NOT_FOUND);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);

	/* Malformed names are reported. */
	dv_ustr(&t, wt, ARRAY_SIZE(wt), "\\Devices\\", "dvi-link");
	KUNIT_EXPECT_EQ(test, IoCreateSymbolicLink(&s, &t), STATUS_OBJECT_NAME_INVALID);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "IoCreateSymbolicLink");
	dv_ustr(&s, ws, ARRAY_SIZE(ws), "\\DosDevices\\", "dvi/link");
	KUNIT_EXPECT_EQ(test, IoDeleteSymbolicLink(&s), STATUS_OBJECT_NAME_INVALID);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_STREQ(test, r->api, "IoDeleteSymbolicLink");

	dv_close_file(f);
	ndis_driver_unload(&io->drv);
	KUNIT_EXPECT_EQ(test, atomic_read(&io->d->writes), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&io->d->closes), 2);
	KUNIT_EXPECT_EQ(test, io->d->bad, 0);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
}

static void an_exclusive_device_has_one_open_file(struct kunit *test)
{
	struct iod *io = iod_load(test, "excl", IOD_EXCLUSIVE);
	struct file *f = dv_open(test, io->d, O_RDWR);

	KUNIT_EXPECT_TRUE(test, io->obj->Flags & DO_EXCLUSIVE);
	KUNIT_EXPECT_EQ(test, iod_open_errno(io), -EBUSY);
	KUNIT_EXPECT_EQ(test, atomic_read(&io->d->creates), 1);
	dv_close_file(f);
	KUNIT_EXPECT_EQ(test, iod_open_errno(io), 0);
	KUNIT_EXPECT_EQ(test, iod_open_errno(io), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&io->d->creates), 3);
	iod_unload_checked(test, io, 0);
}

static void deleting_a_device_closes_its_files_to_the_driver(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct iod *io = iod_load(test, "delete", 0);
	struct file *f = dv_open(test, io->d, O_RDWR);
	PDEVICE_OBJECT second;
	u8 buf[4];

	/* A device made after DriverEntry: on the list, initializing. */
	KUNIT_ASSERT_EQ(test, IoCreateDevice(&io->drv, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE,
					     &second), STATUS_SUCCESS);
	KUNIT_EXPECT_PTR_EQ(test, io->drv.DeviceObject, second);
	KUNIT_EXPECT_PTR_EQ(test, second->NextDevice, io->obj);
	KUNIT_EXPECT_TRUE(test, second->Flags & DO_DEVICE_INITIALIZING);
	KUNIT_EXPECT_NULL(test, second->DeviceExtension);
	IoDeleteDevice(second);
	KUNIT_EXPECT_PTR_EQ(test, io->drv.DeviceObject, io->obj);

	IoDeleteDevice(io->obj);
	io->deleted = true;
	KUNIT_EXPECT_EQ(test, atomic_read(&io->d->cleanups), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&io->d->closes), 1);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), NULL), (ssize_t)-ENODEV);
	KUNIT_EXPECT_NULL(test, io->drv.DeviceObject);
	KUNIT_EXPECT_EQ(test, iod_open_errno(io), -ENOENT);
	dv_close_file(f);
	KUNIT_EXPECT_EQ(test, atomic_read(&io->d->closes), 1);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);

	IoDeleteDevice(io->obj);			/* twice */
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "IoDeleteDevice");
	ndis_driver_unload(&io->drv);		/* its link went with the device */
	KUNIT_EXPECT_EQ(test, io->d->bad, 0);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
}

static void devices_left_behind_are_reported_and_deleted(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct iod *io = iod_load(test, "leave", IOD_LEAVE);
	struct file *f = dv_open(test, io->d, O_RDWR);
	u8 buf[4];
	int err;

	ndis_driver_unload(&io->drv);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "DriverUnload");
	KUNIT_EXPECT_NULL(test, io->drv.DeviceObject);
	KUNIT_EXPECT_EQ(test, atomic_read(&io->d->closes), 1);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), NULL), (ssize_t)-ENODEV);
	dv_close_file(f);

	io = iod_new(test, "fail", IOD_FAIL, &err);
	KUNIT_EXPECT_EQ(test, err, -EIO);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_STREQ(test, r->api, "DriverEntry");
	KUNIT_EXPECT_NULL(test, io->drv.DeviceObject);
	KUNIT_EXPECT_EQ(test, iod_open_errno(io), -ENOENT);
	KUNIT_EXPECT_EQ(test, io->d->bad, 0);
}

/* Each at its own line, so that each is a calling site of its own. */
#define IOD_CREATE(drv, ext, name)	\
	IoCreateDevice(drv, ext, name, FILE_DEVICE_NETWORK, 0, FALSE, &obj)

static void bad_io_calls_are_reported(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct iod *io = iod_load(test, "bad", 0);
	DRIVER_OBJECT fake = {};
	PDEVICE_OBJECT obj, first;
	NDIS_SPIN_LOCK lock;
	NDIS_STRING nt;
	WCHAR w[64];

	dv_ustr(&nt, w, ARRAY_SIZE(w), "\\Device\\", "dvi-bad2");
	KUNIT_EXPECT_EQ(test, IOD_CREATE(NULL, 0, &nt), STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_NULL(test, obj);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "IoCreateDevice");
	KUNIT_EXPECT_EQ(test, IOD_CREATE(&fake, 0, &nt), STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_EQ(test, IOD_CREATE(&io->drv, SZ_2M, &nt), STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	KUNIT_EXPECT_EQ(test, IoCreateDevice(&io->drv, 0, &nt, FILE_DEVICE_NETWORK, 0, FALSE,
					     NULL), STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, r->calls, 4U);
	dv_ustr(&nt, w, ARRAY_SIZE(w), "\\DosDevices\\", "dvi-bad2");
	KUNIT_EXPECT_EQ(test, IOD_CREATE(&io->drv, 0, &nt), STATUS_OBJECT_NAME_INVALID);
	KUNIT_EXPECT_EQ(test, r->calls, 5U);

	/* A name in use, in any case: refused, not reported. */
	dv_ustr(&nt, w, ARRAY_SIZE(w), "\\device\\", "DVI-BAD");
	KUNIT_EXPECT_EQ(test, IOD_CREATE(&io->drv, 0, &nt), STATUS_OBJECT_NAME_COLLISION);
	KUNIT_EXPECT_NULL(test, obj);
	KUNIT_EXPECT_EQ(test, r->calls, 5U);
	first = io->drv.DeviceObject;
	KUNIT_EXPECT_PTR_EQ(test, first, io->obj);
	KUNIT_EXPECT_NULL(test, first->NextDevice);

	IoDeleteDevice((PDEVICE_OBJECT)&fake);
	KUNIT_EXPECT_EQ(test, r->calls, 6U);
	KUNIT_EXPECT_STREQ(test, r->api, "IoDeleteDevice");
	KUNIT_EXPECT_FALSE(test, IoCancelIrp((PIRP)&fake));
	KUNIT_EXPECT_EQ(test, r->calls, 7U);
	KUNIT_EXPECT_STREQ(test, r->api, "IoCancelIrp");

	/* PASSIVE_LEVEL only. */
	NdisAllocateSpinLock(&lock);
	dv_ustr(&nt, w, ARRAY_SIZE(w), "\\Device\\", "dvi-bad2");
	NdisAcquireSpinLock(&lock);
	KUNIT_EXPECT_EQ(test, IOD_CREATE(&io->drv, 0, &nt), STATUS_UNSUCCESSFUL);
	NdisReleaseSpinLock(&lock);
	KUNIT_EXPECT_EQ(test, r->calls, 8U);
	KUNIT_EXPECT_EQ(test, r->irql, DISPATCH_LEVEL);
	NdisAcquireSpinLock(&lock);
	KUNIT_EXPECT_EQ(test, IoCreateSymbolicLink(&nt, &nt), STATUS_UNSUCCESSFUL);
	NdisReleaseSpinLock(&lock);
	KUNIT_EXPECT_EQ(test, r->calls, 9U);
	KUNIT_EXPECT_STREQ(test, r->api, "IoCreateSymbolicLink");
	KUNIT_EXPECT_PTR_EQ(test, io->drv.DeviceObject, first);
	ndis_driver_unload(&io->drv);
	KUNIT_EXPECT_EQ(test, r->calls, 9U);
}

static void io_cancel_irp_takes_back_a_pended_read(struct kunit *test)
{
	struct iod *io = iod_load(test, "cancel", 0);
	struct dv *d = io->d;
	struct dv_reader rd = { .file = dv_open(test, d, O_RDWR) };
	struct ndis_kunit_thread th;
	PIRP irp;

	/* With a cancel routine: it runs, and the reader gets ECANCELED. */
	d->read_mode = DV_READ_PEND;
	dv_start_reader(test, d, &th, &rd, "dvi-cancel");
	irp = CONTAINING_RECORD(d->pended.Flink, IRP, Tail.Overlay.ListEntry);
	KUNIT_EXPECT_TRUE(test, IoCancelIrp(irp));
	KUNIT_ASSERT_TRUE(test, ndis_kunit_thread_finished(&th));
	KUNIT_EXPECT_EQ(test, th.result, (long)-ECANCELED);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->cancels), 1);
	KUNIT_EXPECT_TRUE(test, d->cancel_saw_cancel);
	KUNIT_EXPECT_EQ(test, d->cancel_irql, DISPATCH_LEVEL);

	/* Without one: only marked; the driver completes it. */
	d->read_mode = DV_READ_PEND_NOCANCEL;
	d->read_bytes = 3;
	dv_start_reader(test, d, &th, &rd, "dvi-nocancel");
	irp = CONTAINING_RECORD(d->pended.Flink, IRP, Tail.Overlay.ListEntry);
	KUNIT_EXPECT_FALSE(test, IoCancelIrp(irp));
	KUNIT_EXPECT_TRUE(test, irp->Cancel);
	KUNIT_EXPECT_FALSE(test, completion_done(&th.done));
	ndis_kunit_in_timer(test, dv_complete_first, d);
	KUNIT_ASSERT_TRUE(test, ndis_kunit_thread_finished(&th));
	KUNIT_EXPECT_EQ(test, th.result, 3L);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->cancels), 1);
	dv_close_file(rd.file);
	iod_unload_checked(test, io, 0);
}

static struct kunit_case ndis_io_device_cases[] = {
	KUNIT_CASE(a_device_made_in_driver_entry_opens_once_driver_entry_returns),
	KUNIT_CASE(direct_reads_and_writes_reach_the_driver_by_mdl),
	KUNIT_CASE(direct_ioctls_carry_their_second_buffer_by_mdl),
	KUNIT_CASE(links_come_and_go_without_closing_files),
	KUNIT_CASE(an_exclusive_device_has_one_open_file),
	KUNIT_CASE(deleting_a_device_closes_its_files_to_the_driver),
	KUNIT_CASE(devices_left_behind_are_reported_and_deleted),
	KUNIT_CASE(bad_io_calls_are_reported),
	KUNIT_CASE(io_cancel_irp_takes_back_a_pended_read),
	{}
};

static struct kunit_suite ndis_io_device_suite = {
	.name = "ndis_io_device",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_io_device_cases,
};

static struct kunit_case ndis_device_cases[] = {
	KUNIT_CASE(open_and_close_reach_the_driver_with_a_context_per_file),
	KUNIT_CASE(read_returns_exactly_the_information_bytes),
	KUNIT_CASE(write_hands_over_the_bytes_and_returns_information),
	KUNIT_CASE(ioctl_copies_the_input_in_and_the_output_out),
	KUNIT_CASE(a_pended_read_completed_from_a_timer_wakes_the_reader),
	KUNIT_CASE(a_signal_cancels_a_pended_read_through_its_cancel_routine),
	KUNIT_CASE(close_cancels_what_cleanup_left_pending),
	KUNIT_CASE(close_waits_for_the_reads_cleanup_completes),
	KUNIT_CASE(deregistration_with_a_file_open_closes_it_to_the_driver),
	KUNIT_CASE(a_forgotten_device_is_deregistered_with_its_driver),
	KUNIT_CASE(missing_routines_and_a_failed_create),
	KUNIT_CASE(bad_attributes_are_reported),
	KUNIT_CASE(misuse_by_a_dispatch_routine_is_reported),
	{}
};

static struct kunit_suite ndis_device_suite = {
	.name = "ndis_device",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_device_cases,
};

kunit_test_suites(&ndis_device_suite, &ndis_io_device_suite);
