/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Totals over the life of ndis.ko (core/totals.c): what the stress tier
 * balances at the end. Private to ndis.ko.
 */
#ifndef _NDIS_CORE_TOTALS_H
#define _NDIS_CORE_TOTALS_H

#include <linux/types.h>

#include "binding.h"

/* Counters kept by the control plane itself; never on the per-frame path. */
enum ndis_total {
	NDIS_TOTAL_BINDINGS_MADE,
	NDIS_TOTAL_BINDINGS_FREED,
	NDIS_TOTAL_OIDS_PENDED,		/* protocol requests queued to the miniport */
	NDIS_TOTAL_OIDS_COMPLETED,	/* ... and completed to the protocol */
	NDIS_TOTAL_OIDS_ABORTED,	/* ... of which aborted (cancel, close, timeout) */
	NDIS_TOTAL_COUNT
};

void ndis_total_inc(enum ndis_total which);
u64 ndis_binding_stat(struct ndis_binding *binding, enum ndis_binding_stat which);
void ndis_totals_retire_binding(struct ndis_binding *binding);
ssize_t ndis_totals_show(char *buf);

#endif /* _NDIS_CORE_TOTALS_H */
