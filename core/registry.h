/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The registry: lists of miniport drivers, adapters and protocols, and
 * the internal entry points the parts of the control plane call on each
 * other. Lock order and lifetimes are described in objects.h.
 */
#ifndef _NDIS_REGISTRY_H
#define _NDIS_REGISTRY_H

#include <linux/bottom_half.h>
#include <linux/irqflags.h>

#include "objects.h"

extern struct mutex ndis_registry_lock;
extern struct list_head ndis_miniport_drivers;
extern struct list_head ndis_adapters;
extern struct list_head ndis_protocols;
extern struct workqueue_struct *ndis_complete_wq;

int ndis_registry_init(void);
void ndis_registry_exit(void);

/* True when current runs an adapter operation: sync calls would deadlock. */
bool ndis_in_adapter_operation(void);
bool ndis_is_completion_work(struct work_struct *work);
bool ndis_binding_is_completion_work(struct work_struct *work);
bool ndis_protocol_is_completion_work(struct work_struct *work);
bool ndis_adapter_is_completion_work(struct work_struct *work);
bool ndis_oid_is_work(struct work_struct *work);
bool ndis_rx_is_return_work(struct work_struct *work);

void ndis_adapter_lock(struct ndis_adapter *adapter);
void ndis_adapter_unlock(struct ndis_adapter *adapter);
int ndis_adapter_teardown(struct ndis_adapter *adapter, NDIS_HALT_ACTION action,
			  bool surprise);
struct ndis_adapter *ndis_adapter_find(const char *name);
bool ndis_adapter_queue_remove(struct ndis_adapter *adapter);
NDIS_STATUS ndis_adapter_add(struct ndis_miniport_driver *driver, const char *name,
			     void *add_context, void **handle_out);
NDIS_STATUS ndis_adapter_query_remove(struct ndis_adapter *adapter);
NDIS_STATUS ndis_adapter_set_power(struct ndis_adapter *adapter, NDIS_DEVICE_POWER_STATE state);
int ndis_adapter_remove(struct ndis_adapter *adapter, NDIS_HALT_ACTION action, bool surprise);
bool ndis_adapter_initializing_here(struct ndis_adapter *adapter);
void ndis_adapter_set_registration(struct ndis_adapter *adapter, void *context);
int ndis_adapter_set_general(struct ndis_adapter *adapter,
			     const NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES *general);
void ndis_adapter_wait_removed(struct ndis_adapter *adapter);
void ndis_adapter_shutdown(struct ndis_adapter *adapter);

/* Binding engine (binding.c); the caller holds ndis_registry_lock. */
int ndis_binding_create(struct ndis_adapter *adapter, struct ndis_protocol *protocol,
			bool initial);
void ndis_binding_set_pend(int opens, int closes);
/* The caller holds the adapter's op_lock (asserted). */
void ndis_binding_pause(struct ndis_binding *binding);
bool ndis_binding_query_remove(struct ndis_binding *binding);
void ndis_binding_cancel_remove(struct ndis_binding *binding);
void ndis_binding_set_power(struct ndis_binding *binding, NDIS_DEVICE_POWER_STATE *state);
void ndis_binding_restart(struct ndis_binding *binding);
void ndis_binding_finish(struct ndis_binding *binding);
/* OID requests (oid.c) */
/* The adapter's run-time attributes (status.c), any context */
void ndis_adapter_current_mac(struct ndis_adapter *adapter, u8 *out, unsigned int len);
void ndis_adapter_set_link(struct ndis_adapter *adapter, u32 connect, u32 duplex,
			   u64 xmit_speed, u64 rcv_speed);
void ndis_adapter_set_mtu(struct ndis_adapter *adapter, u32 mtu);
void ndis_adapter_set_mac(struct ndis_adapter *adapter, const u8 *addr, unsigned int len);
void ndis_oid_adapter_init(struct ndis_adapter *adapter);
void ndis_oid_adapter_quiesce(struct ndis_adapter *adapter);
void ndis_oid_open(struct ndis_binding *binding);
void ndis_oid_close(struct ndis_binding *binding);
bool ndis_oid_mcast_has(struct ndis_binding *binding, const UCHAR *addr);
NDIS_STATUS ndis_oid_set_power(struct ndis_adapter *adapter, NDIS_DEVICE_POWER_STATE state);
NDIS_STATUS ndis_oid_request(struct ndis_binding *binding, PNDIS_OID_REQUEST req, void *handle,
			     const char *api, unsigned long caller);
void ndis_oid_cancel(struct ndis_binding *binding, void *id);
void ndis_oid_finish(struct ndis_adapter *adapter, PNDIS_OID_REQUEST req, NDIS_STATUS status,
		     const char *api, unsigned long caller);

/* Send (send.c): under RCU, the handle looked up by the caller */
void ndis_send(struct ndis_binding *binding, void *handle, PNET_BUFFER_LIST chain, u32 port,
	       u32 flags, const char *api, unsigned long caller);
void ndis_send_complete(PNET_BUFFER_LIST chain, u32 flags, const char *api,
			unsigned long caller);
bool ndis_send_cancel(struct ndis_binding *binding, void *id);

/* Receive (receive.c) */
void ndis_rx_indicate(struct ndis_adapter *adapter, void *handle, PNET_BUFFER_LIST chain,
		      u32 port, u32 flags, const char *api, unsigned long caller);
void ndis_rx_return(struct ndis_binding *binding, PNET_BUFFER_LIST chain, u32 flags,
		    const char *api, unsigned long caller);
void ndis_rx_open(struct ndis_binding *binding);
void ndis_rx_close(struct ndis_binding *binding);
void ndis_rx_adapter_init(struct ndis_adapter *adapter);
void ndis_rx_adapter_drain(struct ndis_adapter *adapter);

/*
 * Data-path callbacks run at DISPATCH_LEVEL, as NDIS promises: these raise
 * a PASSIVE caller (BHs off) and leave DISPATCH and above as they are.
 * Return: whether ndis_dispatch_leave() must lower again.
 */
static inline bool ndis_dispatch_enter(void)
{
	if (irqs_disabled() || in_softirq())
		return false;
	local_bh_disable();
	return true;
}

static inline void ndis_dispatch_leave(bool raised)
{
	if (raised)
		local_bh_enable();
}

/*
 * Data path: the adapter or binding a handle names, for use until
 * rcu_read_unlock(); no reference is taken. NULL after reporting the bad
 * handle against @api and @caller. The caller holds rcu_read_lock().
 */
struct ndis_adapter *ndis_adapter_peek(NDIS_HANDLE handle, const char *api,
				       unsigned long caller);
struct ndis_binding *ndis_binding_peek(NDIS_HANDLE handle, const char *api,
				       unsigned long caller);

/* Data path, any context: bracket every status or receive upcall. */
void ndis_binding_count(struct ndis_binding *binding, enum ndis_binding_stat which,
			unsigned int n);
bool ndis_binding_upcall_enter(struct ndis_binding *binding);
void ndis_binding_upcall_exit(struct ndis_binding *binding);
/* Without any lock: drop what queued work still holds on @binding. */
void ndis_binding_cancel_work(struct ndis_binding *binding);
int ndis_binding_request_unbind(struct ndis_binding *binding);
int ndis_binding_ask_unbind(struct ndis_binding *binding);
bool ndis_binding_may_open(struct ndis_binding *binding);
int ndis_binding_open(struct ndis_binding *binding, void *context, unsigned int medium,
		      unsigned int *medium_out, void **handle_out);
int ndis_binding_close(struct ndis_binding *binding);
bool ndis_binding_complete_bind(struct ndis_binding *binding, NDIS_STATUS status);
bool ndis_binding_complete_unbind(struct ndis_binding *binding);
bool ndis_binding_complete_pnp(struct ndis_binding *binding, const void *notification,
			       NDIS_STATUS status);

void ndis_protocol_initial_bind_done(struct ndis_protocol *protocol);
void ndis_protocol_teardown(struct ndis_protocol *protocol);
int ndis_protocol_new(const NDIS_PROTOCOL_DRIVER_CHARACTERISTICS *chars, void *context,
		      struct module *owner, struct ndis_protocol **out);
void ndis_protocol_discard(struct ndis_protocol *protocol);
int ndis_protocol_publish(struct ndis_protocol *protocol, void **handle_out);
int ndis_protocol_deregister(struct ndis_protocol *protocol);
void ndis_protocol_reenumerate(struct ndis_protocol *protocol);
void ndis_miniport_driver_teardown(struct ndis_miniport_driver *driver);
int ndis_miniport_driver_add(const char *name, const NDIS_MINIPORT_DRIVER_CHARACTERISTICS *chars,
			     void *context, struct module *owner,
			     struct ndis_miniport_driver **out);
int ndis_miniport_driver_deregister(struct ndis_miniport_driver *driver);
int ndis_protocol_bind_adapter(struct ndis_protocol *protocol, const char *name);
int ndis_protocol_unbind_adapter(struct ndis_protocol *protocol, const char *name);

/* sysfs (sysfs.c) */
extern const struct kobj_type ndis_miniport_driver_ktype;
extern const struct kobj_type ndis_adapter_ktype;
extern const struct kobj_type ndis_protocol_ktype;
extern const struct kobj_type ndis_binding_ktype;
int ndis_sysfs_add(struct ndis_object *obj, const char *name);
void ndis_sysfs_del(struct ndis_object *obj);

/* Each object's kobject release, in the object's own file. */
void ndis_miniport_driver_release(struct kobject *kobj);
void ndis_adapter_release(struct kobject *kobj);
void ndis_protocol_release(struct kobject *kobj);
void ndis_binding_release(struct kobject *kobj);

const char *ndis_adapter_state_name(enum ndis_adapter_state state);
const char *ndis_binding_state_name(enum ndis_binding_state state);

#endif /* _NDIS_REGISTRY_H */
