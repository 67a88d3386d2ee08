// SPDX-License-Identifier: GPL-2.0
/*
 * The registry of miniport drivers, adapters and protocols, and the safety
 * nets around it: a module going away with a driver still registered is
 * reported and deregistered before its code disappears, and adapters get
 * MiniportShutdownEx when the system powers off.
 */
#include <linux/module.h>
#include <linux/notifier.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "adapter.h"
#include "binding.h"
#include "datapath.h"
#include "miniport.h"
#include "object.h"
#include "oid.h"
#include "protocol.h"
#include "registry.h"
#include "report.h"

DEFINE_MUTEX(ndis_registry_lock);	/* the three lists below; lock order: adapter.h */
LIST_HEAD(ndis_miniport_drivers);
LIST_HEAD(ndis_adapters);
LIST_HEAD(ndis_protocols);

/* Pended completions, NdisMRemoveMiniport, NetEventBindsComplete. */
struct workqueue_struct *ndis_complete_wq;
struct workqueue_struct *ndis_io_wq;

/* The adapter named @name, or NULL. Registry lock held. */
struct ndis_adapter *ndis_adapter_find(const char *name)
{
	struct ndis_adapter *a;

	lockdep_assert_held(&ndis_registry_lock);
	list_for_each_entry(a, &ndis_adapters, node)
		if (!strcmp(a->name, name))
			return a;
	return NULL;
}

bool ndis_is_completion_work(struct work_struct *work)
{
	return ndis_binding_is_completion_work(work) ||
	       ndis_protocol_is_completion_work(work) ||
	       ndis_adapter_is_completion_work(work) ||
	       ndis_oid_is_work(work) || ndis_rx_is_return_work(work);
}

/*
 * Whether current runs an NDIS callback a synchronous call would wait on:
 * an adapter operation (holding its op.lock) or one of the work items
 * teardown and power flush or wait for (pended open/close completion,
 * NetEventBindsComplete, NdisMRemoveMiniport, the OID queue that calls
 * MiniportOidRequest and the return work that calls
 * MiniportReturnNetBufferLists).
 */
bool ndis_in_adapter_operation(void)
{
	struct work_struct *work = current_work();
	struct ndis_adapter *a;
	bool inside = false;

	if (work && ndis_is_completion_work(work))
		return true;

	mutex_lock(&ndis_registry_lock);
	list_for_each_entry(a, &ndis_adapters, node) {
		if (READ_ONCE(a->op.task) == current) {
			inside = true;
			break;
		}
	}
	mutex_unlock(&ndis_registry_lock);
	return inside;
}

/*
 * A module is going away (its exit already ran). Whatever it left
 * registered is deregistered now, while its code is still there.
 */
static int ndis_module_notify(struct notifier_block *nb, unsigned long action, void *data)
{
	struct module *mod = data;
	struct ndis_miniport_driver *d;
	struct ndis_protocol *p;

	if (action != MODULE_STATE_GOING)
		return NOTIFY_DONE;
	for (;;) {
		mutex_lock(&ndis_registry_lock);
		p = NULL;
		list_for_each_entry(p, &ndis_protocols, node)
			if (p->owner == mod && !p->deregistering)
				break;
		if (list_entry_is_head(p, &ndis_protocols, node)) {
			p = NULL;
		} else {
			p->deregistering = true;
			ndis_object_get(&p->obj);
		}
		mutex_unlock(&ndis_registry_lock);
		if (!p)
			break;
		pr_err("module %s unloaded without NdisDeregisterProtocolDriver(%s); deregistering it\n",
		       mod->name, p->name);
		ndis_misuse("module unload", "NdisDeregisterProtocolDriver first", _THIS_IP_);
		ndis_protocol_teardown(p);
		ndis_object_put(&p->obj);
	}
	for (;;) {
		mutex_lock(&ndis_registry_lock);
		d = NULL;
		list_for_each_entry(d, &ndis_miniport_drivers, node)
			if (d->owner == mod && !d->deregistering)
				break;
		if (list_entry_is_head(d, &ndis_miniport_drivers, node)) {
			d = NULL;
		} else {
			d->deregistering = true;
			ndis_object_get(&d->obj);
		}
		mutex_unlock(&ndis_registry_lock);
		if (!d)
			break;
		pr_err("module %s unloaded without NdisMDeregisterMiniportDriver(%s); deregistering it\n",
		       mod->name, d->name);
		ndis_misuse("module unload", "NdisMDeregisterMiniportDriver first", _THIS_IP_);
		ndis_miniport_driver_teardown(d);
		ndis_object_put(&d->obj);
	}
	return NOTIFY_OK;
}

static struct notifier_block ndis_module_nb = {
	.notifier_call = ndis_module_notify,
};

/* Power-off: each adapter shut down once (ndis_adapter_shutdown()). */
static int ndis_reboot_notify(struct notifier_block *nb, unsigned long action, void *data)
{
	struct ndis_adapter *a, *next;

	for (;;) {
		next = NULL;
		mutex_lock(&ndis_registry_lock);
		list_for_each_entry(a, &ndis_adapters, node) {
			if (a->published && !a->removing && !a->shutdown_tried &&
			    READ_ONCE(a->state) != NDIS_ADAPTER_SHUTDOWN) {
				a->shutdown_tried = true;	/* once, if it is left behind */
				next = a;
				ndis_object_get(&a->obj);
				break;
			}
		}
		mutex_unlock(&ndis_registry_lock);
		if (!next)
			return NOTIFY_DONE;
		/* Under op.lock: no halt during or after shutdown. */
		ndis_adapter_shutdown(next);
		ndis_object_put(&next->obj);
	}
}

static struct notifier_block ndis_reboot_nb = {
	.notifier_call = ndis_reboot_notify,
};

int ndis_registry_init(void)
{
	int ret;

	ndis_complete_wq = alloc_workqueue("ndis-complete", WQ_UNBOUND, 0);
	if (!ndis_complete_wq)
		return -ENOMEM;
	/* Apart from NDIS's own completions: a driver's routine may sleep long. */
	ndis_io_wq = alloc_workqueue("ndis-io", WQ_UNBOUND, 0);
	if (!ndis_io_wq) {
		ret = -ENOMEM;
		goto err_io;
	}
	ret = register_module_notifier(&ndis_module_nb);
	if (ret)
		goto err_module;
	ret = register_reboot_notifier(&ndis_reboot_nb);
	if (ret)
		goto err_reboot;
	ret = ndis_binding_cache_init();
	if (ret)
		goto err_cache;
	return 0;

err_cache:
	unregister_reboot_notifier(&ndis_reboot_nb);
err_reboot:
	unregister_module_notifier(&ndis_module_nb);
err_module:
	destroy_workqueue(ndis_io_wq);
err_io:
	destroy_workqueue(ndis_complete_wq);
	return ret;
}

void ndis_registry_exit(void)
{
	unregister_reboot_notifier(&ndis_reboot_nb);
	unregister_module_notifier(&ndis_module_nb);
	destroy_workqueue(ndis_io_wq);
	destroy_workqueue(ndis_complete_wq);
	/* Consumers import our symbols: they are all gone, and so is their state. */
	WARN_ON(!list_empty(&ndis_protocols) || !list_empty(&ndis_adapters) ||
		!list_empty(&ndis_miniport_drivers));
	/* Last, out of the ladder's order: the drains above may free bindings. */
	ndis_binding_cache_exit();
}
