/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ndis.ko: a broken contract that is not an IRQL violation (a
 * bad handle, a call from the wrong place, a completion that was not
 * pending, a framework bug), reported once per site (ddi/report.c).
 */
#ifndef _NDIS_CORE_REPORT_H
#define _NDIS_CORE_REPORT_H

void ndis_misuse(const char *api, const char *requirement, unsigned long caller);
long ndis_misuse_count(void);

#endif /* _NDIS_CORE_REPORT_H */
