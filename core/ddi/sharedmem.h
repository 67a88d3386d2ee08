/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ndis.ko: shared memory providers (sharedmem.c), registered by
 * NdisSetOptionalHandlers() (optional.c) and detached by the close of
 * their binding (../binding.c).
 */
#ifndef _NDIS_CORE_DDI_SHAREDMEM_H
#define _NDIS_CORE_DDI_SHAREDMEM_H

#include <ndis/ndis.h>

struct ndis_binding;

NDIS_STATUS ndis_shmem_provider_register(struct ndis_binding *binding,
					 const NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS *c,
					 unsigned long caller);
void ndis_shmem_provider_close(struct ndis_binding *binding);

#endif /* _NDIS_CORE_DDI_SHAREDMEM_H */
