// SPDX-License-Identifier: GPL-2.0
/*
 * ethercount.ko: the smallest complete NDIS protocol driver, written to be
 * copied. It binds to every Ethernet adapter, counts the frames it
 * receives per EtherType and sends a frame on demand:
 *
 *	/sys/kernel/ethercount/<adapter>/counts	(read) "0x0800 12" lines
 *	/sys/kernel/ethercount/<adapter>/send	(write anything) one frame
 *
 * When an adapter reports link down it asks NDIS to unbind it
 * (NdisUnbindAdapter); while such an adapter waits, a work item calls
 * NdisReEnumerateProtocolBindings every second, and the bind handler takes
 * the adapter back once its link is up.
 *
 * Comments marked "NDIS:" are where an NDIS author would otherwise guess
 * how the Linux shim behaves. docs/writing-a-protocol-driver.md walks
 * through this file.
 */
#include <linux/etherdevice.h>
#include <linux/kobject.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/sysfs.h>
#include <linux/workqueue.h>
#include <ndis/ndis.h>

#define ETHERCOUNT_TYPES	16	/* EtherTypes counted one by one */
#define ETHERCOUNT_PROBE_TYPE	0x88b5	/* what "send" sends (local experimental) */
#define ETHERCOUNT_NAME_MAX	32

/* One per binding: the ProtocolBindingContext NDIS hands every handler. */
struct ethercount_binding {
	NDIS_HANDLE handle;		/* NdisBindingHandle, dead after close */
	NDIS_HANDLE pool;		/* NBLs for what we send */
	NDIS_MEDIUM medium;
	UINT medium_index;
	char name[ETHERCOUNT_NAME_MAX];
	u8 mac[ETH_ALEN];
	struct kobject kobj;		/* /sys/kernel/ethercount/<adapter>/ */

	spinlock_t lock;		/* everything below */
	bool running;			/* NetEventRestart .. NetEventPause */
	bool unbind_asked;		/* unbinding: by NdisUnbindAdapter or NDIS */
	unsigned int sends;		/* NBLs sent and not completed */
	PNET_BUFFER_LIST held;		/* receives kept for count_work */
	u16 types[ETHERCOUNT_TYPES];
	u64 counts[ETHERCOUNT_TYPES];
	u64 other;			/* frames of any further EtherType */

	wait_queue_head_t idle;		/* sends reaching zero */
	struct completion opened;	/* OpenAdapterCompleteHandlerEx came */
	NDIS_STATUS open_status;
	struct completion closed;	/* CloseAdapterCompleteHandlerEx came */
	NDIS_OID_REQUEST oid;		/* the packet filter request */
	struct completion oid_done;	/* ... when it pended */
	NDIS_STATUS oid_status;
	ULONG filter;			/* the buffer of @oid */
	struct work_struct count_work;	/* counts and returns the held receives */
};

static NDIS_HANDLE ethercount_handle;	/* NdisProtocolHandle */
static struct kobject *ethercount_root;
static bool ethercount_exiting;

/* Adapters unbound for link down, waiting for their link (names). */
static DEFINE_SPINLOCK(ethercount_waiting_lock);
static char ethercount_waiting[8][ETHERCOUNT_NAME_MAX];
static void ethercount_rescan(struct work_struct *work);
static DECLARE_DELAYED_WORK(ethercount_rescan_work, ethercount_rescan);

/* -- counting ---------------------------------------------------------------- */

static void ethercount_count(struct ethercount_binding *b, PNET_BUFFER nb)
{
	u8 storage[ETH_HLEN];
	const u8 *eth;
	u16 type;
	int i;

	/* NDIS: NdisGetDataBuffer copies into @storage when the bytes are split. */
	eth = NdisGetDataBuffer(nb, ETH_HLEN, storage, 1, 0);
	if (!eth)
		return;
	type = get_unaligned_be16(eth + 12);
	spin_lock_bh(&b->lock);
	for (i = 0; i < ETHERCOUNT_TYPES; i++) {
		if (b->types[i] == type || !b->counts[i]) {
			b->types[i] = type;
			b->counts[i]++;
			break;
		}
	}
	if (i == ETHERCOUNT_TYPES)
		b->other++;
	spin_unlock_bh(&b->lock);
}

static void ethercount_count_chain(struct ethercount_binding *b, PNET_BUFFER_LIST chain)
{
	PNET_BUFFER_LIST nbl;
	PNET_BUFFER nb;

	for (nbl = chain; nbl; nbl = NET_BUFFER_LIST_NEXT_NBL(nbl))
		for (nb = NET_BUFFER_LIST_FIRST_NB(nbl); nb; nb = NET_BUFFER_NEXT_NB(nb))
			ethercount_count(b, nb);
}

/* PASSIVE_LEVEL: count what the receive handler kept, then give it back. */
static void ethercount_count_work(struct work_struct *work)
{
	struct ethercount_binding *b = container_of(work, struct ethercount_binding,
						    count_work);
	PNET_BUFFER_LIST chain;

	spin_lock_bh(&b->lock);
	chain = b->held;
	b->held = NULL;
	spin_unlock_bh(&b->lock);
	if (!chain)
		return;
	ethercount_count_chain(b, chain);
	/* NDIS: every NBL we kept goes back exactly once, in any grouping. */
	NdisReturnNetBufferLists(b->handle, chain, 0);
}

/*
 * ProtocolReceiveNetBufferLists, at DISPATCH_LEVEL. We keep the NBLs and
 * count them later, as a driver with real work to do would. Two cases may
 * not keep them: NDIS_RECEIVE_FLAGS_RESOURCES (they are NDIS's again when
 * we return) and a binding that is pausing (a pause must not complete
 * while we hold receives).
 */
static void ethercount_receive(NDIS_HANDLE ctx, PNET_BUFFER_LIST nbls, NDIS_PORT_NUMBER port,
			       ULONG count, ULONG flags)
{
	struct ethercount_binding *b = ctx;
	PNET_BUFFER_LIST *tail;
	bool keep;

	if (flags & NDIS_RECEIVE_FLAGS_RESOURCES) {
		ethercount_count_chain(b, nbls);
		return;
	}
	spin_lock(&b->lock);
	keep = b->running;
	if (keep) {
		for (tail = &b->held; *tail; tail = &(*tail)->Next)
			;
		*tail = nbls;
		/* Queued under the lock, so a pause's flush_work() sees it. */
		schedule_work(&b->count_work);
	}
	spin_unlock(&b->lock);
	if (keep)
		return;
	ethercount_count_chain(b, nbls);
	NdisReturnNetBufferLists(b->handle, nbls, 0);
}

/* -- sending ---------------------------------------------------------------- */

/* ProtocolSendNetBufferListsComplete, at DISPATCH_LEVEL: the NBLs are ours again. */
static void ethercount_send_complete(NDIS_HANDLE ctx, PNET_BUFFER_LIST nbls, ULONG flags)
{
	struct ethercount_binding *b = ctx;
	PNET_BUFFER_LIST nbl, next;
	unsigned int n = 0;

	for (nbl = nbls; nbl; nbl = next) {
		next = NET_BUFFER_LIST_NEXT_NBL(nbl);
		nbl->Next = NULL;
		if (nbl->Status != NDIS_STATUS_SUCCESS)
			pr_debug("%s: send failed: 0x%08x\n", b->name, nbl->Status);
		NdisFreeNetBufferList(nbl);
		n++;
	}
	spin_lock(&b->lock);
	b->sends -= n;
	spin_unlock(&b->lock);
	wake_up_all(&b->idle);
}

/* One broadcast frame of EtherType 0x88b5 from the adapter's address. */
static int ethercount_send(struct ethercount_binding *b)
{
	static const char payload[] = "ethercount";
	PNET_BUFFER_LIST nbl;
	u8 *frame;
	bool ok;

	nbl = NdisAllocateNetBufferAndNetBufferList(b->pool, 0, 0, NULL, 0, ETH_ZLEN);
	if (!nbl)
		return -ENOMEM;
	frame = NdisGetDataBuffer(NET_BUFFER_LIST_FIRST_NB(nbl), ETH_ZLEN, NULL, 1, 0);
	if (!frame) {
		NdisFreeNetBufferList(nbl);
		return -ENOMEM;
	}
	memset(frame, 0, ETH_ZLEN);
	eth_broadcast_addr(frame);
	ether_addr_copy(frame + ETH_ALEN, b->mac);
	put_unaligned_be16(ETHERCOUNT_PROBE_TYPE, frame + 12);
	memcpy(frame + ETH_HLEN, payload, sizeof(payload));

	/* NDIS: no send while paused; count it in before the pause can look. */
	spin_lock_bh(&b->lock);
	ok = b->running;
	if (ok)
		b->sends++;
	spin_unlock_bh(&b->lock);
	if (!ok) {
		NdisFreeNetBufferList(nbl);
		return -ENETDOWN;
	}
	NdisSendNetBufferLists(b->handle, nbl, 0, 0);
	return 0;
}

/* -- sysfs ------------------------------------------------------------------ */

static ssize_t counts_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	struct ethercount_binding *b = container_of(kobj, struct ethercount_binding, kobj);
	int i, n = 0;

	spin_lock_bh(&b->lock);
	for (i = 0; i < ETHERCOUNT_TYPES && b->counts[i]; i++)
		n += sysfs_emit_at(buf, n, "0x%04x %llu\n", b->types[i], b->counts[i]);
	n += sysfs_emit_at(buf, n, "other %llu\n", b->other);
	spin_unlock_bh(&b->lock);
	return n;
}

static ssize_t send_store(struct kobject *kobj, struct kobj_attribute *attr,
			  const char *buf, size_t len)
{
	int err = ethercount_send(container_of(kobj, struct ethercount_binding, kobj));

	return err ?: len;
}

static struct kobj_attribute ethercount_counts = __ATTR_RO(counts);
static struct kobj_attribute ethercount_send_attr = __ATTR_WO(send);

static struct attribute *ethercount_attrs[] = {
	&ethercount_counts.attr,
	&ethercount_send_attr.attr,
	NULL,
};
ATTRIBUTE_GROUPS(ethercount);

static void ethercount_release(struct kobject *kobj)
{
	kfree(container_of(kobj, struct ethercount_binding, kobj));
}

static const struct kobj_type ethercount_ktype = {
	.release = ethercount_release,
	.sysfs_ops = &kobj_sysfs_ops,
	.default_groups = ethercount_groups,
};

/* -- link down, link up ------------------------------------------------------ */

/* Remember @name as unbound for link down. Return: whether it fit. */
static bool ethercount_wait_for_link(const char *name)
{
	bool added = false;
	int i;

	spin_lock(&ethercount_waiting_lock);
	for (i = 0; i < ARRAY_SIZE(ethercount_waiting) && !added; i++) {
		if (!ethercount_waiting[i][0]) {
			strscpy(ethercount_waiting[i], name, ETHERCOUNT_NAME_MAX);
			added = true;
		}
	}
	spin_unlock(&ethercount_waiting_lock);
	return added;
}

/*
 * Is @name (NULL: any adapter) waiting for its link? With @done, @name is
 * not waiting any more.
 */
static bool ethercount_waiting_for(const char *name, bool done)
{
	bool found = false;
	char *w;
	int i;

	spin_lock_bh(&ethercount_waiting_lock);
	for (i = 0; i < ARRAY_SIZE(ethercount_waiting); i++) {
		w = ethercount_waiting[i];
		if (!w[0] || (name && strcmp(w, name)))
			continue;
		found = true;
		if (done)
			w[0] = 0;
	}
	spin_unlock_bh(&ethercount_waiting_lock);
	return found;
}

/* PASSIVE_LEVEL: offer us the adapters we lack while some wait for a link. */
static void ethercount_rescan(struct work_struct *work)
{
	if (READ_ONCE(ethercount_exiting) || !ethercount_waiting_for(NULL, false))
		return;
	/* NDIS: a PASSIVE_LEVEL call, never from a bind or unbind handler. */
	NdisReEnumerateProtocolBindings(ethercount_handle);
	schedule_delayed_work(&ethercount_rescan_work, HZ);
}

/* ProtocolStatusEx, at up to DISPATCH_LEVEL. */
static void ethercount_status(NDIS_HANDLE ctx, PNDIS_STATUS_INDICATION s)
{
	const NDIS_LINK_STATE *link = s->StatusBuffer;
	struct ethercount_binding *b = ctx;
	bool ask;

	if (s->StatusCode != NDIS_STATUS_LINK_STATE || s->StatusBufferSize < sizeof(*link) ||
	    link->MediaConnectState != MediaConnectStateDisconnected)
		return;
	spin_lock(&b->lock);
	ask = !b->unbind_asked;
	b->unbind_asked = true;
	spin_unlock(&b->lock);
	if (!ask || !ethercount_wait_for_link(b->name))
		return;
	/*
	 * NDIS: NdisUnbindAdapter only queues the unbind and returns, so it is
	 * fine here at DISPATCH_LEVEL; our unbind handler runs later, at
	 * PASSIVE_LEVEL. It is never allowed inside bind or unbind handlers.
	 */
	if (NdisUnbindAdapter(b->handle) != NDIS_STATUS_SUCCESS) {
		ethercount_waiting_for(b->name, true);	/* NDIS is unbinding it anyway */
		return;
	}
	if (!READ_ONCE(ethercount_exiting))
		schedule_delayed_work(&ethercount_rescan_work, HZ);
}

/* -- bind, unbind, PnP --------------------------------------------------------- */

static NDIS_STATUS ethercount_set_filter(struct ethercount_binding *b)
{
	NDIS_OID_REQUEST *req = &b->oid;
	NDIS_STATUS status;

	/* NDIS: a binding receives nothing until its packet filter says what. */
	ndis_object_header_init(&req->Header, NDIS_OBJECT_TYPE_OID_REQUEST,
				NDIS_OID_REQUEST_REVISION_1, sizeof(*req));
	req->RequestType = NdisRequestSetInformation;
	req->DATA.SET_INFORMATION.Oid = OID_GEN_CURRENT_PACKET_FILTER;
	b->filter = NDIS_PACKET_TYPE_DIRECTED | NDIS_PACKET_TYPE_BROADCAST |
		    NDIS_PACKET_TYPE_ALL_MULTICAST;
	req->DATA.SET_INFORMATION.InformationBuffer = &b->filter;
	req->DATA.SET_INFORMATION.InformationBufferLength = sizeof(b->filter);
	init_completion(&b->oid_done);
	status = NdisOidRequest(b->handle, req);
	if (status == NDIS_STATUS_PENDING) {
		/* The request must stay alive until OidRequestComplete has run. */
		wait_for_completion(&b->oid_done);
		status = b->oid_status;
	}
	return status;
}

/* ProtocolOidRequestComplete, at up to DISPATCH_LEVEL: a pended OID is done. */
static void ethercount_oid_complete(NDIS_HANDLE ctx, PNDIS_OID_REQUEST req, NDIS_STATUS status)
{
	struct ethercount_binding *b = ctx;

	b->oid_status = status;
	complete(&b->oid_done);
}

/* Close the binding, waiting if the close pends. PASSIVE_LEVEL. */
static void ethercount_close(struct ethercount_binding *b)
{
	if (NdisCloseAdapterEx(b->handle) == NDIS_STATUS_PENDING)
		wait_for_completion(&b->closed);
	b->handle = NULL;
}

/* complete(), not a flag and a wake-up: the waiter frees @b right after. */
static void ethercount_close_complete(NDIS_HANDLE ctx)
{
	struct ethercount_binding *b = ctx;

	complete(&b->closed);
}

static void ethercount_free(struct ethercount_binding *b)
{
	if (b->pool)
		NdisFreeNetBufferListPool(b->pool);
	kobject_put(&b->kobj);		/* frees @b once sysfs lets go */
}

/* The open succeeded: set the filter, publish. Else undo. PASSIVE_LEVEL. */
static NDIS_STATUS ethercount_opened(struct ethercount_binding *b, NDIS_STATUS status)
{
	if (status == NDIS_STATUS_SUCCESS)
		status = ethercount_set_filter(b);
	if (status == NDIS_STATUS_SUCCESS &&
	    kobject_add(&b->kobj, ethercount_root, "%s", b->name))
		status = NDIS_STATUS_RESOURCES;
	if (status != NDIS_STATUS_SUCCESS) {
		if (b->handle)
			ethercount_close(b);
		ethercount_free(b);
	}
	return status;
}

static NDIS_STATUS ethercount_bind(NDIS_HANDLE driver_ctx, NDIS_HANDLE bind_ctx,
				   PNDIS_BIND_PARAMETERS params)
{
	NET_BUFFER_LIST_POOL_PARAMETERS pool = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_DEFAULT,
						  NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1,
						  sizeof(pool)),
		.fAllocateNetBuffer = TRUE,	/* each NBL comes with its NB */
	};
	NDIS_OPEN_PARAMETERS op = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_OPEN_PARAMETERS,
						  NDIS_OPEN_PARAMETERS_REVISION_1, sizeof(op)),
	};
	char name[ETHERCOUNT_NAME_MAX];
	ANSI_STRING as = { 0, sizeof(name), name };
	struct ethercount_binding *b;
	NDIS_STATUS status;

	/* NDIS: AdapterName is an NDIS_STRING, valid during this call; as UTF-8: */
	if (!NT_SUCCESS(RtlUnicodeStringToAnsiString(&as, params->AdapterName, FALSE)))
		return NDIS_STATUS_RESOURCES;
	/* Back from link down only with the link up; the rescan asks again. */
	if (params->MediaConnectState != MediaConnectStateConnected &&
	    ethercount_waiting_for(name, false))
		return NDIS_STATUS_NOT_ACCEPTED;
	ethercount_waiting_for(name, true);

	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return NDIS_STATUS_RESOURCES;
	kobject_init(&b->kobj, &ethercount_ktype);
	init_completion(&b->opened);
	init_completion(&b->closed);
	b->medium = NdisMedium802_3;
	strscpy(b->name, name, sizeof(b->name));
	ether_addr_copy(b->mac, params->CurrentMacAddress);
	spin_lock_init(&b->lock);
	init_waitqueue_head(&b->idle);
	INIT_WORK(&b->count_work, ethercount_count_work);
	b->pool = NdisAllocateNetBufferListPool(ethercount_handle, &pool);
	if (!b->pool) {
		ethercount_free(b);
		return NDIS_STATUS_RESOURCES;
	}

	op.AdapterName = params->AdapterName;
	op.MediumArray = &b->medium;	/* NDIS: only 802.3 adapters bind */
	op.MediumArraySize = 1;
	op.SelectedMediumIndex = &b->medium_index;
	/*
	 * NDIS: the open may pend, and OpenAdapterCompleteHandlerEx may even
	 * run before this call returns PENDING. We wait for it here, at
	 * PASSIVE_LEVEL, so the rest of the bind (filter, sysfs, or undoing
	 * it with a close) runs in this handler, where NDIS allows it. A driver
	 * may instead return PENDING and finish with NdisCompleteBindAdapterEx.
	 */
	status = NdisOpenAdapterEx(ethercount_handle, b, &op, bind_ctx, &b->handle);
	if (status == NDIS_STATUS_PENDING) {
		wait_for_completion(&b->opened);
		status = b->open_status;
	}
	if (status != NDIS_STATUS_SUCCESS)
		b->handle = NULL;
	return ethercount_opened(b, status);
}

static void ethercount_open_complete(NDIS_HANDLE ctx, NDIS_STATUS status)
{
	struct ethercount_binding *b = ctx;

	b->open_status = status;
	complete(&b->opened);
}

static bool ethercount_idle(struct ethercount_binding *b)
{
	bool idle;

	spin_lock_bh(&b->lock);
	idle = !b->sends;
	spin_unlock_bh(&b->lock);
	return idle;
}

/* Stop sending, give back every held receive, wait for our sends. */
static void ethercount_quiesce(struct ethercount_binding *b)
{
	spin_lock_bh(&b->lock);
	b->running = false;
	spin_unlock_bh(&b->lock);
	flush_work(&b->count_work);
	wait_event(b->idle, ethercount_idle(b));
}

static NDIS_STATUS ethercount_unbind(NDIS_HANDLE unbind_ctx, NDIS_HANDLE ctx)
{
	struct ethercount_binding *b = ctx;

	/* A link-down from now on must not ask for an unbind again. */
	spin_lock_bh(&b->lock);
	b->unbind_asked = true;
	spin_unlock_bh(&b->lock);
	/* No sysfs writer can reach the binding once its directory is gone. */
	kobject_del(&b->kobj);
	ethercount_quiesce(b);
	/*
	 * NDIS: after NdisCloseAdapterEx returns (or, pended, completes) the
	 * binding handle is dead: no call may use it, and no handler of this
	 * binding runs again.
	 */
	ethercount_close(b);
	ethercount_free(b);
	return NDIS_STATUS_SUCCESS;
}

/* ProtocolNetPnPEvent, at PASSIVE_LEVEL. */
static NDIS_STATUS ethercount_pnp(NDIS_HANDLE ctx, PNET_PNP_EVENT_NOTIFICATION n)
{
	struct ethercount_binding *b = ctx;

	/* NDIS: events for the protocol as a whole (BindsComplete) have no binding. */
	if (!b)
		return NDIS_STATUS_SUCCESS;
	switch (n->NetPnPEvent.NetEvent) {
	case NetEventPause:
		/* NDIS: held receives back and sends drained before we return. */
		ethercount_quiesce(b);
		break;
	case NetEventRestart:
		spin_lock_bh(&b->lock);
		b->running = true;
		spin_unlock_bh(&b->lock);
		break;
	default:
		break;
	}
	return NDIS_STATUS_SUCCESS;
}

/* -- module ------------------------------------------------------------------ */

static int __init ethercount_init(void)
{
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS chars = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS,
						  NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_2,
						  sizeof(chars)),
		.MajorNdisVersion = 6,
		.MinorNdisVersion = 30,
		.Name = NDIS_STRING_CONST("ethercount"),
		.BindAdapterHandlerEx = ethercount_bind,
		.UnbindAdapterHandlerEx = ethercount_unbind,
		.OpenAdapterCompleteHandlerEx = ethercount_open_complete,
		.CloseAdapterCompleteHandlerEx = ethercount_close_complete,
		.NetPnPEventHandler = ethercount_pnp,
		.OidRequestCompleteHandler = ethercount_oid_complete,
		.StatusHandlerEx = ethercount_status,
		.ReceiveNetBufferListsHandler = ethercount_receive,
		.SendNetBufferListsCompleteHandler = ethercount_send_complete,
	};
	NDIS_STATUS status;

	ethercount_root = kobject_create_and_add("ethercount", kernel_kobj);
	if (!ethercount_root)
		return -ENOMEM;
	/* NDIS: binds start inside this call; everything they use exists already. */
	status = NdisRegisterProtocolDriver(NULL, &chars, &ethercount_handle);
	if (status != NDIS_STATUS_SUCCESS) {
		kobject_put(ethercount_root);
		pr_err("registration failed: 0x%08x\n", status);
		return -ENODEV;
	}
	return 0;
}

static void __exit ethercount_exit(void)
{
	WRITE_ONCE(ethercount_exiting, true);
	cancel_delayed_work_sync(&ethercount_rescan_work);
	/* NDIS: unbinds every binding and waits for each unbind handler. */
	NdisDeregisterProtocolDriver(ethercount_handle);
	cancel_delayed_work_sync(&ethercount_rescan_work);
	kobject_put(ethercount_root);
}

module_init(ethercount_init);
module_exit(ethercount_exit);

MODULE_DESCRIPTION("ndis example protocol: frames counted per EtherType");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS("NDIS");
