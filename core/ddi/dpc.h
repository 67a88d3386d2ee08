/* SPDX-License-Identifier: GPL-2.0 */
/* Private to ndis.ko: the per-CPU DPC queues (ddi/dpc.c), set up at init. */
#ifndef _NDIS_CORE_DDI_DPC_H
#define _NDIS_CORE_DDI_DPC_H

void ndis_dpc_init(void);
void ndis_dpc_exit(void);

#endif /* _NDIS_CORE_DDI_DPC_H */
