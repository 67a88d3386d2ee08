/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ndis.ko: the registry (registry.c): the lists of miniport
 * drivers, adapters and protocols under ndis_registry_lock, which is never
 * held across a driver call, and the completion workqueue.
 */
#ifndef _NDIS_CORE_REGISTRY_H
#define _NDIS_CORE_REGISTRY_H

#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>

struct ndis_adapter;

extern struct mutex ndis_registry_lock;
extern struct list_head ndis_miniport_drivers;
extern struct list_head ndis_adapters;
extern struct list_head ndis_protocols;
extern struct workqueue_struct *ndis_complete_wq;
extern struct workqueue_struct *ndis_io_wq;

int ndis_registry_init(void);
void ndis_registry_exit(void);
struct ndis_adapter *ndis_adapter_find(const char *name);

/* True when current runs an adapter operation: sync calls would deadlock. */
bool ndis_in_adapter_operation(void);
bool ndis_is_completion_work(struct work_struct *work);

#endif /* _NDIS_CORE_REGISTRY_H */
