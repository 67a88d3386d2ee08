// SPDX-License-Identifier: GPL-2.0
/*
 * Protocol drivers: registration, re-enumeration, NetEventBindsComplete,
 * the sysfs bind and unbind, teardown and lifetime.
 *
 * Deregistration is synchronous: every binding of the protocol is unbound
 * (pause, ProtocolUnbindAdapterEx, close) within the call, binds that were
 * queued are cancelled or waited for, and no handler of the protocol runs
 * after it returns.
 */
#include <linux/slab.h>

#include "adapter.h"
#include "binding.h"
#include "handle.h"
#include "object.h"
#include "protocol.h"
#include "registry.h"
#include "sysfs.h"

static struct ndis_protocol *ndis_protocol_find(const char *name)
{
	struct ndis_protocol *p;

	list_for_each_entry(p, &ndis_protocols, node)
		if (!strcmp(p->name, name))
			return p;
	return NULL;
}

static bool ndis_pair_bound(struct ndis_adapter *a, struct ndis_protocol *p)
{
	struct ndis_binding *b;

	list_for_each_entry(b, &p->bindings, protocol_node)
		if (b->adapter == a)
			return true;
	return false;
}

/* Offer @p every adapter it has no binding with. Registry lock held. */
static void ndis_protocol_offer_all(struct ndis_protocol *p, bool initial)
{
	struct ndis_adapter *a;

	lockdep_assert_held(&ndis_registry_lock);
	list_for_each_entry(a, &ndis_adapters, node) {
		if (!a->published || a->removing || ndis_pair_bound(a, p))
			continue;
		if (initial)
			atomic_inc(&p->initial_binds);
		if (ndis_binding_create(a, p, initial)) {
			pr_warn("no memory to bind %s to %s\n", p->name, a->name);
			if (initial)
				atomic_dec(&p->initial_binds);
		}
	}
}

static void ndis_binds_complete_work(struct work_struct *work)
{
	struct ndis_protocol *p = container_of(work, struct ndis_protocol, binds_complete_work);
	bool gone;

	mutex_lock(&ndis_registry_lock);
	gone = p->deregistering;
	mutex_unlock(&ndis_registry_lock);
	if (gone)
		return;
	ndis_object_header_init(&p->binds_complete.Header, NDIS_OBJECT_TYPE_DEFAULT,
				NET_PNP_EVENT_NOTIFICATION_REVISION_1, sizeof(p->binds_complete));
	p->binds_complete.NetPnPEvent.NetEvent = NetEventBindsComplete;
	p->chars.NetPnPEventHandler(NULL, &p->binds_complete);
}

bool ndis_protocol_is_completion_work(struct work_struct *work)
{
	return work->func == ndis_binds_complete_work;
}

/* One of the binds offered at registration is over, whatever its outcome. */
void ndis_protocol_initial_bind_done(struct ndis_protocol *p)
{
	if (atomic_dec_and_test(&p->initial_binds))
		queue_work(ndis_complete_wq, &p->binds_complete_work);
}

/*
 * A protocol driver called @name with the handlers @c, not registered
 * yet: it has its handle, so its SetOptions handler may run, but binds
 * nothing until ndis_protocol_publish(). Return: 0 or -ENOMEM. PASSIVE.
 */
int ndis_protocol_new(const NDIS_PROTOCOL_DRIVER_CHARACTERISTICS *c, const char *name,
		      void *context, struct module *owner, struct ndis_protocol **out)
{
	struct ndis_protocol *p;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	kobject_init(&p->obj.kobj, &ndis_protocol_ktype);
	p->chars = *c;
	p->context = context;
	p->owner = owner;
	strscpy(p->name, name, sizeof(p->name));
	/* The driver's buffer is not ours to keep: the name lives on as @p->name. */
	memset(&p->chars.Name, 0, sizeof(p->chars.Name));
	INIT_LIST_HEAD(&p->node);
	INIT_LIST_HEAD(&p->bindings);
	ndis_owned_set_init(&p->owned);
	INIT_WORK(&p->binds_complete_work, ndis_binds_complete_work);
	atomic_set(&p->initial_binds, 1);	/* dropped once all are offered */
	if (ndis_handle_register(&p->obj, NDIS_HT_PROTOCOL)) {
		ndis_object_put(&p->obj);
		return -ENOMEM;
	}
	*out = p;
	return 0;
}

/* Free a protocol ndis_protocol_new() made and nothing registered. */
void ndis_protocol_discard(struct ndis_protocol *p)
{
	ndis_owned_close(&p->owned);
	ndis_handle_unregister(&p->obj);
	ndis_object_put(&p->obj);
}

/*
 * Register @p and offer it every adapter. Return: 0, or -EEXIST (and @p
 * discarded) if a protocol of its name is registered. PASSIVE.
 */
int ndis_protocol_publish(struct ndis_protocol *p, void **handle_out)
{
	mutex_lock(&ndis_registry_lock);
	if (ndis_protocol_find(p->name)) {
		mutex_unlock(&ndis_registry_lock);
		ndis_protocol_discard(p);
		return -EEXIST;
	}
	list_add_tail(&p->node, &ndis_protocols);
	/*
	 * Stored before any bind can run (hazard 21): the bind handler is not
	 * given the handle, and NdisOpenAdapterEx() needs it. Binds run from
	 * work queued below, so the store is visible to them.
	 */
	*handle_out = ndis_handle_of(&p->obj, NDIS_HT_PROTOCOL);
	ndis_sysfs_add(&p->obj, p->name);
	ndis_protocol_offer_all(p, true);
	mutex_unlock(&ndis_registry_lock);
	ndis_protocol_initial_bind_done(p);
	return 0;
}

/* Unbind every binding of @p and unregister it. PASSIVE, no ndis lock held. */
void ndis_protocol_teardown(struct ndis_protocol *p)
{
	struct ndis_binding *b;

	for (;;) {
		mutex_lock(&ndis_registry_lock);
		b = list_first_entry_or_null(&p->bindings, struct ndis_binding, protocol_node);
		if (b)
			ndis_object_get(&b->obj);
		mutex_unlock(&ndis_registry_lock);
		if (!b)
			break;
		ndis_adapter_lock(b->adapter);
		ndis_binding_finish(b);
		ndis_adapter_unlock(b->adapter);
		ndis_binding_cancel_work(b);
		ndis_object_put(&b->obj);
	}
	cancel_work_sync(&p->binds_complete_work);
	if (p->chars.UninstallHandler)
		p->chars.UninstallHandler();
	ndis_owned_close(&p->owned);
	ndis_handle_unregister(&p->obj);
	ndis_sysfs_del(&p->obj);
	mutex_lock(&ndis_registry_lock);
	list_del_init(&p->node);
	mutex_unlock(&ndis_registry_lock);
	ndis_object_put(&p->obj);
}

/*
 * Deregister @p: unbind every binding and unregister it. Return:
 * -EALREADY if its deregistration had begun already. PASSIVE, outside
 * NDIS handlers.
 */
int ndis_protocol_deregister(struct ndis_protocol *p)
{
	bool again;

	mutex_lock(&ndis_registry_lock);
	again = p->deregistering;
	p->deregistering = true;
	mutex_unlock(&ndis_registry_lock);
	if (again)
		return -EALREADY;
	ndis_protocol_teardown(p);
	return 0;
}

/* Offer @p every adapter it has no binding with. PASSIVE. */
void ndis_protocol_reenumerate(struct ndis_protocol *p)
{
	mutex_lock(&ndis_registry_lock);
	if (!p->deregistering)
		ndis_protocol_offer_all(p, false);
	mutex_unlock(&ndis_registry_lock);
}

/* sysfs "bind": offer @p the adapter named @name. */
int ndis_protocol_bind_adapter(struct ndis_protocol *p, const char *name)
{
	struct ndis_adapter *a;
	int ret;

	mutex_lock(&ndis_registry_lock);
	a = ndis_adapter_find(name);
	if (!a || !a->published || a->removing)
		ret = -ENODEV;
	else if (p->deregistering)
		ret = -ESHUTDOWN;
	else if (ndis_pair_bound(a, p))
		ret = -EEXIST;
	else
		ret = ndis_binding_create(a, p, false);
	mutex_unlock(&ndis_registry_lock);
	return ret;
}

/* sysfs "unbind": unbind @p from the adapter named @name, asynchronously. */
int ndis_protocol_unbind_adapter(struct ndis_protocol *p, const char *name)
{
	struct ndis_binding *b, *found = NULL;
	int ret;

	mutex_lock(&ndis_registry_lock);
	list_for_each_entry(b, &p->bindings, protocol_node) {
		if (!strcmp(b->adapter->name, name)) {
			found = b;
			ndis_object_get(&b->obj);
			break;
		}
	}
	mutex_unlock(&ndis_registry_lock);
	if (!found)
		return -ENODEV;
	ret = ndis_binding_request_unbind(found) ? 0 : -EALREADY;
	ndis_object_put(&found->obj);
	return ret;
}

/* The protocol's kobject release, from any context. */
void ndis_protocol_release(struct kobject *kobj)
{
	struct ndis_object *obj = ndis_kobj_to_object(kobj);

	kfree_rcu(container_of(obj, struct ndis_protocol, obj), obj.rcu);
}
