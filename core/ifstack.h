/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ndis.ko: NDIS interfaces (ifstack.c). Every adapter is an
 * interface with an index of its own from an IDA, held until the adapter
 * object is freed; it is registered from its creation until its teardown.
 * The interface stack table (RFC 2863's ifStackTable) pairs two registered
 * interfaces, higher over lower. One mutex, a leaf: PASSIVE_LEVEL only.
 */
#ifndef _NDIS_CORE_IFSTACK_H
#define _NDIS_CORE_IFSTACK_H

#include <linux/types.h>

int ndis_if_index_alloc(void);
void ndis_if_index_free(u32 index);
int ndis_if_register(u32 index);
void ndis_if_unregister(u32 index);
int ndis_if_stack_add(u32 higher, u32 lower);
void ndis_if_stack_del(u32 higher, u32 lower);
ssize_t ndis_if_stack_show(char *buf);

#endif /* _NDIS_CORE_IFSTACK_H */
