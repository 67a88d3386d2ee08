/* SPDX-License-Identifier: GPL-2.0 */
/* Private to ndis.ko: the sysfs view under /sys/kernel/ndis (sysfs.c). */
#ifndef _NDIS_CORE_SYSFS_H
#define _NDIS_CORE_SYSFS_H

#include "object.h"

extern const struct kobj_type ndis_miniport_driver_ktype;
extern const struct kobj_type ndis_adapter_ktype;
extern const struct kobj_type ndis_protocol_ktype;
extern const struct kobj_type ndis_binding_ktype;

int ndis_sysfs_init(void);
void ndis_sysfs_exit(void);
int ndis_sysfs_add(struct ndis_object *obj, const char *name);
void ndis_sysfs_del(struct ndis_object *obj);

#endif /* _NDIS_CORE_SYSFS_H */
