// SPDX-License-Identifier: GPL-2.0
/*
 * The bench protocol drivers: as little as a protocol can do, so that the
 * measures see the framework's cost and not ours. Each opens the adapters
 * it is told to, counts its running bindings (NetEventRestart to
 * NetEventPause) and what it receives, gives every receive back at once,
 * and hands completed sends back to their ring. The unbind measure's slow
 * protocol sleeps in its unbind handler.
 *
 * Protocols live in one static array: a deregistration that overran its
 * bound still runs on them, and they must outlive it.
 */
#include <linux/delay.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include "kbench.h"

struct ndis_kbench_proto ndis_kbench_protos[NDIS_KBENCH_PROTOS];
DECLARE_WAIT_QUEUE_HEAD(ndis_kbench_wq);

/* Frames all bench protocols received; the receive handler wakes at the goal. */
atomic_long_t ndis_kbench_rx = ATOMIC_LONG_INIT(0);
long ndis_kbench_rx_goal = LONG_MAX;

static bool ndis_kbench_wants(const struct ndis_kbench_proto *p, const char *adapter)
{
	size_t len = strlen(p->prefix);
	u32 id;

	if (p->count)
		return len && !strncmp(adapter, p->prefix, len) &&
		       !kstrtou32(adapter + len, 10, &id) && id >= p->first &&
		       id - p->first < p->count;
	return (p->names[0][0] && !strcmp(adapter, p->names[0])) ||
	       (p->names[1][0] && !strcmp(adapter, p->names[1]));
}

static NDIS_STATUS ndis_kbench_opened(struct ndis_kbench_binding *b, NDIS_STATUS status)
{
	struct ndis_kbench_proto *p = b->proto;

	if (status != NDIS_STATUS_SUCCESS) {
		kfree(b);
		return status;
	}
	spin_lock_bh(&p->lock);
	list_add_tail(&b->node, &p->bindings);
	spin_unlock_bh(&p->lock);
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS ndis_kbench_bind(NDIS_HANDLE driver_ctx, NDIS_HANDLE bind_ctx,
				    PNDIS_BIND_PARAMETERS params)
{
	NDIS_OPEN_PARAMETERS op = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_OPEN_PARAMETERS,
						  NDIS_OPEN_PARAMETERS_REVISION_1, sizeof(op)),
	};
	struct ndis_kbench_proto *p = driver_ctx;
	char name[NDIS_KBENCH_NAME_MAX];
	ANSI_STRING as = { 0, sizeof(name), name };
	struct ndis_kbench_binding *b;
	NDIS_STATUS status;

	if (!NT_SUCCESS(RtlUnicodeStringToAnsiString(&as, params->AdapterName, FALSE)) ||
	    !ndis_kbench_wants(p, name))
		return NDIS_STATUS_NOT_ACCEPTED;
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return NDIS_STATUS_RESOURCES;
	b->proto = p;
	b->bind_ctx = bind_ctx;
	b->medium = NdisMedium802_3;
	strscpy(b->adapter, name, sizeof(b->adapter));
	ether_addr_copy(b->mac, params->CurrentMacAddress);
	init_completion(&b->oid_done);
	op.AdapterName = params->AdapterName;
	op.MediumArray = &b->medium;
	op.MediumArraySize = 1;
	op.SelectedMediumIndex = &b->medium_index;
	status = NdisOpenAdapterEx(p->handle, b, &op, bind_ctx, &b->handle);
	if (status == NDIS_STATUS_PENDING)
		return status;	/* ndis_kbench_open_complete() completes the bind */
	return ndis_kbench_opened(b, status);
}

static void ndis_kbench_open_complete(NDIS_HANDLE ctx, NDIS_STATUS status)
{
	struct ndis_kbench_binding *b = ctx;
	NDIS_HANDLE bind_ctx = b->bind_ctx;	/* @b is gone if the open failed */

	NdisCompleteBindAdapterEx(bind_ctx, ndis_kbench_opened(b, status));
}

/* The close is over: nothing of the binding runs any more. */
static void ndis_kbench_closed(struct ndis_kbench_binding *b)
{
	struct ndis_kbench_proto *p = b->proto;

	kfree(b);
	atomic_inc(&p->unbinds);
	wake_up_all(&ndis_kbench_wq);
}

static NDIS_STATUS ndis_kbench_unbind(NDIS_HANDLE unbind_ctx, NDIS_HANDLE ctx)
{
	struct ndis_kbench_binding *b = ctx;
	struct ndis_kbench_proto *p = b->proto;

	if (p->unbind_sleep_ms)
		msleep(p->unbind_sleep_ms);	/* a handler with real work to do */
	spin_lock_bh(&p->lock);
	list_del(&b->node);
	spin_unlock_bh(&p->lock);
	b->unbind_ctx = unbind_ctx;
	if (NdisCloseAdapterEx(b->handle) == NDIS_STATUS_PENDING)
		return NDIS_STATUS_PENDING;	/* ndis_kbench_close_complete() ends it */
	ndis_kbench_closed(b);
	return NDIS_STATUS_SUCCESS;
}

static void ndis_kbench_close_complete(NDIS_HANDLE ctx)
{
	struct ndis_kbench_binding *b = ctx;
	NDIS_HANDLE unbind_ctx = b->unbind_ctx;

	ndis_kbench_closed(b);
	NdisCompleteUnbindAdapterEx(unbind_ctx);
}

static void ndis_kbench_set_running(struct ndis_kbench_binding *b, bool running)
{
	struct ndis_kbench_proto *p = b->proto;
	bool changed;

	spin_lock_bh(&p->lock);
	changed = b->running != running;
	b->running = running;
	spin_unlock_bh(&p->lock);
	if (!changed)
		return;
	if (running)
		atomic_inc(&p->running);
	else
		atomic_dec(&p->running);
	wake_up_all(&ndis_kbench_wq);
}

/* Nothing to quiesce at a pause: NDIS waits for our sends itself. */
static NDIS_STATUS ndis_kbench_pnp(NDIS_HANDLE ctx, PNET_PNP_EVENT_NOTIFICATION n)
{
	struct ndis_kbench_binding *b = ctx;

	if (!b)
		return NDIS_STATUS_SUCCESS;
	if (n->NetPnPEvent.NetEvent == NetEventRestart)
		ndis_kbench_set_running(b, true);
	else if (n->NetPnPEvent.NetEvent == NetEventPause)
		ndis_kbench_set_running(b, false);
	return NDIS_STATUS_SUCCESS;
}

static void ndis_kbench_oid_complete(NDIS_HANDLE ctx, PNDIS_OID_REQUEST req, NDIS_STATUS status)
{
	struct ndis_kbench_binding *b = ctx;

	b->oid_status = status;
	complete(&b->oid_done);
}

/* Count and give back at once: the fan-out measure times NDIS, not us. */
static void ndis_kbench_receive(NDIS_HANDLE ctx, PNET_BUFFER_LIST nbls, NDIS_PORT_NUMBER port,
				ULONG count, ULONG flags)
{
	struct ndis_kbench_binding *b = ctx;
	long total;

	atomic_long_add(count, &b->proto->received);
	total = atomic_long_add_return(count, &ndis_kbench_rx);
	if (!(flags & NDIS_RECEIVE_FLAGS_RESOURCES))
		NdisReturnNetBufferLists(b->handle, nbls, NDIS_RETURN_FLAGS_DISPATCH_LEVEL);
	if (total >= READ_ONCE(ndis_kbench_rx_goal) && wq_has_sleeper(&ndis_kbench_wq))
		wake_up(&ndis_kbench_wq);
}

static void ndis_kbench_send_complete(NDIS_HANDLE ctx, PNET_BUFFER_LIST nbls, ULONG flags)
{
	PNET_BUFFER_LIST nbl, next;

	for (nbl = nbls; nbl; nbl = next) {
		next = NET_BUFFER_LIST_NEXT_NBL(nbl);
		nbl->Next = NULL;
		ndis_kbench_ring_put(nbl);
	}
}

/**
 * ndis_kbench_proto_init() - make protocol slot @i ready to register
 * @i: index in ndis_kbench_protos
 * @name: its protocol name
 *
 * The caller then says which adapters it opens.
 *
 * Return: the protocol.
 */
struct ndis_kbench_proto *ndis_kbench_proto_init(unsigned int i, const char *name)
{
	struct ndis_kbench_proto *p = &ndis_kbench_protos[i];

	memset(p, 0, sizeof(*p));
	strscpy(p->name, name, sizeof(p->name));
	spin_lock_init(&p->lock);
	INIT_LIST_HEAD(&p->bindings);
	return p;
}

/**
 * ndis_kbench_proto_register() - NdisRegisterProtocolDriver()
 * @measure: the measure, for the error line
 * @p: the protocol; its binds start now
 *
 * Return: 0 or -EIO.
 */
int ndis_kbench_proto_register(const char *measure, struct ndis_kbench_proto *p)
{
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS chars = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS,
						  NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_2,
						  sizeof(chars)),
		.MajorNdisVersion = 6,
		.MinorNdisVersion = 30,
		.BindAdapterHandlerEx = ndis_kbench_bind,
		.UnbindAdapterHandlerEx = ndis_kbench_unbind,
		.OpenAdapterCompleteHandlerEx = ndis_kbench_open_complete,
		.CloseAdapterCompleteHandlerEx = ndis_kbench_close_complete,
		.NetPnPEventHandler = ndis_kbench_pnp,
		.OidRequestCompleteHandler = ndis_kbench_oid_complete,
		.ReceiveNetBufferListsHandler = ndis_kbench_receive,
		.SendNetBufferListsCompleteHandler = ndis_kbench_send_complete,
	};
	NDIS_STATUS status;

	NdisInitializeString(&chars.Name, (PUCHAR)p->name);
	if (!chars.Name.Buffer) {
		ndis_kbench_error(measure, "no memory for the name of protocol %s", p->name);
		return -EIO;
	}
	status = NdisRegisterProtocolDriver(p, &chars, &p->handle);
	NdisFreeString(chars.Name);
	if (status != NDIS_STATUS_SUCCESS) {
		ndis_kbench_error(measure, "registering protocol %s: 0x%08x", p->name, status);
		return -EIO;
	}
	p->registered = true;
	return 0;
}

/*
 * Deregistration waits for every unbind of the protocol, with no bound of
 * its own; it runs on a work item so that our wait for it is bounded and a
 * hang is reported with the protocol it hung on.
 */
static struct {
	struct work_struct work;
	struct completion done;
	int current_proto;		/* being deregistered, or -1 */
	bool overran;			/* it outlived its bound once */
} ndis_kbench_dereg;

/* Deregister every registered bench protocol, one after the other. */
static void ndis_kbench_deregister_now(void)
{
	struct ndis_kbench_proto *p;
	int i;

	for (i = 0; i < NDIS_KBENCH_PROTOS; i++) {
		p = &ndis_kbench_protos[i];
		if (!p->registered)
			continue;
		WRITE_ONCE(ndis_kbench_dereg.current_proto, i);
		NdisDeregisterProtocolDriver(p->handle);
		p->registered = false;
	}
	WRITE_ONCE(ndis_kbench_dereg.current_proto, -1);
}

static void ndis_kbench_dereg_work(struct work_struct *work)
{
	ndis_kbench_deregister_now();
	complete(&ndis_kbench_dereg.done);
}

/**
 * ndis_kbench_deregister_all() - deregister every registered bench protocol
 * @measure: the measure, for the error line
 *
 * Return: 0 once all are gone, or -ETIMEDOUT / -EINTR with the
 * deregistration still running (later measures are refused until it ends).
 */
int ndis_kbench_deregister_all(const char *measure)
{
	int i, err;
	long left;

	reinit_completion(&ndis_kbench_dereg.done);
	queue_work(system_dfl_wq, &ndis_kbench_dereg.work);
	left = wait_for_completion_interruptible_timeout(&ndis_kbench_dereg.done,
							 ndis_kbench_timeout_s * HZ);
	if (left > 0)
		return 0;
	ndis_kbench_dereg.overran = true;
	i = READ_ONCE(ndis_kbench_dereg.current_proto);
	err = ndis_kbench_waited(measure, "deregistering the protocols", left);
	ndis_kbench_error(measure, "still deregistering %s",
			  i < 0 ? "-" : ndis_kbench_protos[i].name);
	return err;
}

/**
 * ndis_kbench_deregister_busy() - whether a deregistration overran and runs on
 *
 * Return: true while it runs; the protocols are not ours to use until then.
 */
bool ndis_kbench_deregister_busy(void)
{
	if (ndis_kbench_dereg.overran && completion_done(&ndis_kbench_dereg.done))
		ndis_kbench_dereg.overran = false;
	return ndis_kbench_dereg.overran;
}

/* Module init. */
void __init ndis_kbench_proto_setup(void)
{
	INIT_WORK(&ndis_kbench_dereg.work, ndis_kbench_dereg_work);
	init_completion(&ndis_kbench_dereg.done);
}

/**
 * ndis_kbench_proto_exit() - no protocol of ours left, no work running
 *
 * Context: module exit; waits for an overrunning deregistration.
 */
void ndis_kbench_proto_exit(void)
{
	flush_work(&ndis_kbench_dereg.work);
	ndis_kbench_deregister_now();
}

/**
 * ndis_kbench_running() - running bindings of protocols [@first, @first + @n)
 * @first: first protocol slot
 * @n: how many
 *
 * Return: the sum.
 */
int ndis_kbench_running(unsigned int first, unsigned int n)
{
	int sum = 0;

	while (n--)
		sum += atomic_read(&ndis_kbench_protos[first + n].running);
	return sum;
}

/**
 * ndis_kbench_wait_running() - wait until protocols run @target bindings
 * @measure: the measure, for the error line
 * @first: first protocol slot
 * @n: how many protocols
 * @target: running bindings they should add up to
 *
 * Return: 0, or -ETIMEDOUT / -EINTR with an error line.
 */
int ndis_kbench_wait_running(const char *measure, unsigned int first, unsigned int n,
			     int target)
{
	int err = ndis_kbench_wait(measure, ndis_kbench_running(first, n) == target,
				   "bindings running");

	if (err)
		ndis_kbench_error(measure, "%d of %d bindings running",
				  ndis_kbench_running(first, n), target);
	return err;
}

/**
 * ndis_kbench_binding_of() - @p's open binding to @adapter
 * @p: the protocol
 * @adapter: adapter name
 *
 * The binding stays until it is unbound, which only the measure asks for
 * (no adapter goes away during a measure).
 *
 * Return: the binding, or NULL.
 */
struct ndis_kbench_binding *ndis_kbench_binding_of(struct ndis_kbench_proto *p,
						   const char *adapter)
{
	struct ndis_kbench_binding *b, *found = NULL;

	spin_lock_bh(&p->lock);
	list_for_each_entry(b, &p->bindings, node) {
		if (!strcmp(b->adapter, adapter)) {
			found = b;
			break;
		}
	}
	spin_unlock_bh(&p->lock);
	return found;
}

/**
 * ndis_kbench_oid() - one OID request on a binding, waited for
 * @measure: the measure, for the error line
 * @b: the binding
 * @type: NdisRequestSetInformation (of @value) or NdisRequestQueryInformation
 * @oid: the OID
 * @value: what a set sets (a ULONG)
 *
 * A request that overruns the bound stays with NDIS, which the binding's
 * close waits for; the measure must then only unbind.
 *
 * Context: PASSIVE_LEVEL, outside the protocol's handlers.
 * Return: 0, -EIO (status in the error line), -ETIMEDOUT or -EINTR.
 */
int ndis_kbench_oid(const char *measure, struct ndis_kbench_binding *b,
		    NDIS_REQUEST_TYPE type, NDIS_OID oid, ULONG value)
{
	PNDIS_OID_REQUEST req = &b->oid;
	NDIS_STATUS status;
	long left;

	memset(req, 0, sizeof(*req));
	ndis_object_header_init(&req->Header, NDIS_OBJECT_TYPE_OID_REQUEST,
				NDIS_OID_REQUEST_REVISION_1, sizeof(*req));
	req->RequestType = type;
	b->oid_buf = value;
	if (type == NdisRequestSetInformation) {
		req->DATA.SET_INFORMATION.Oid = oid;
		req->DATA.SET_INFORMATION.InformationBuffer = &b->oid_buf;
		req->DATA.SET_INFORMATION.InformationBufferLength = sizeof(value);
	} else {
		req->DATA.QUERY_INFORMATION.Oid = oid;
		req->DATA.QUERY_INFORMATION.InformationBuffer = &b->oid_buf;
		req->DATA.QUERY_INFORMATION.InformationBufferLength = sizeof(b->oid_buf);
	}
	reinit_completion(&b->oid_done);
	status = NdisOidRequest(b->handle, req);
	if (status == NDIS_STATUS_PENDING) {
		left = wait_for_completion_interruptible_timeout(&b->oid_done,
								 ndis_kbench_timeout_s * HZ);
		if (left <= 0)
			return ndis_kbench_waited(measure, "an OID request", left);
		status = b->oid_status;
	}
	if (status == NDIS_STATUS_SUCCESS)
		return 0;
	ndis_kbench_error(measure, "OID 0x%08x on %s: 0x%08x", oid, b->adapter, status);
	return -EIO;
}
