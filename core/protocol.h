/* SPDX-License-Identifier: GPL-2.0 */
/* Private to ndis.ko: protocol drivers (protocol.c). */
#ifndef _NDIS_CORE_PROTOCOL_H
#define _NDIS_CORE_PROTOCOL_H

#include <linux/list.h>
#include <linux/workqueue.h>
#include <ndis/ndis.h>

#include "object.h"
#include "owned.h"

struct ndis_protocol {
	struct ndis_object obj;
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS chars;
	NDIS_HANDLE context;
	struct module *owner;
	char name[NDIS_NAME_MAX];
	struct list_head node;		/* registry */
	struct list_head bindings;	/* registry */
	bool deregistering;		/* registry */
	struct ndis_owned_set owned;	/* timers, work items */
	struct task_struct *set_options;	/* running its SetOptions handler */

	/* NetEventBindsComplete once the binds offered at registration ran */
	atomic_t initial_binds;
	struct work_struct binds_complete_work;
	NET_PNP_EVENT_NOTIFICATION binds_complete;
};

int ndis_protocol_new(const NDIS_PROTOCOL_DRIVER_CHARACTERISTICS *chars, const char *name,
		      void *context, struct module *owner, struct ndis_protocol **out);
void ndis_protocol_discard(struct ndis_protocol *protocol);
int ndis_protocol_publish(struct ndis_protocol *protocol, void **handle_out);
int ndis_protocol_deregister(struct ndis_protocol *protocol);
void ndis_protocol_reenumerate(struct ndis_protocol *protocol);
void ndis_protocol_teardown(struct ndis_protocol *protocol);
void ndis_protocol_initial_bind_done(struct ndis_protocol *protocol);
int ndis_protocol_bind_adapter(struct ndis_protocol *protocol, const char *name);
int ndis_protocol_unbind_adapter(struct ndis_protocol *protocol, const char *name);
bool ndis_protocol_is_completion_work(struct work_struct *work);
void ndis_protocol_release(struct kobject *kobj);

#endif /* _NDIS_CORE_PROTOCOL_H */
