/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ndis.ko: the init/exit steps of each part and the few values
 * one part reads from another.
 */
#ifndef _NDIS_CORE_H
#define _NDIS_CORE_H

#include <ndis/ndis.h>

void ndis_misuse(const char *api, const char *requirement, unsigned long caller);
long ndis_misuse_count(void);

int ndis_sysfs_init(void);
void ndis_sysfs_exit(void);

#endif /* _NDIS_CORE_H */
