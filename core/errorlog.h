/* SPDX-License-Identifier: GPL-2.0 */
/* Private to ndis.ko: the count behind /sys/kernel/ndis/error_log_entries. */
#ifndef _NDIS_CORE_ERRORLOG_H
#define _NDIS_CORE_ERRORLOG_H

long ndis_error_log_count(void);

#endif /* _NDIS_CORE_ERRORLOG_H */
