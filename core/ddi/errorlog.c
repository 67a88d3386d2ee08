// SPDX-License-Identifier: GPL-2.0
/*
 * NdisWriteErrorLogEntry (include/ndis/errorlog.h): a rate-limited line in
 * the kernel log, which is where a Linux administrator looks for what
 * Windows keeps in the system event log, and a count in sysfs, so a
 * script can tell that a driver logged something without parsing dmesg.
 */
#include <linux/atomic.h>
#include <linux/kernel.h>
#include <linux/rcupdate.h>
#include <ndis/ndis.h>

#include "../adapter.h"
#include "../errorlog.h"
#include "ddi.h"

/* Values shown per entry; Windows bounds them by its log packet's size. */
#define NDIS_ERROR_LOG_VALUES_SHOWN	8

static atomic_long_t ndis_error_log_entries = ATOMIC_LONG_INIT(0);

/**
 * ndis_error_log_count() - error log entries written since load
 *
 * Return: how many NdisWriteErrorLogEntry() calls named a live adapter.
 */
long ndis_error_log_count(void)
{
	return atomic_long_read(&ndis_error_log_entries);
}

/**
 * NdisWriteErrorLogEntry() - log an adapter's error
 * @NdisAdapterHandle: the MiniportAdapterHandle of the adapter
 * @ErrorCode: an NDIS_ERROR_CODE_* value
 * @NumberOfErrorValues: how many ULONG values follow
 *
 * Writes "<adapter>: error log entry <ErrorCode> <values>" to the kernel
 * log (rate-limited; the first eight values are shown) and counts the
 * entry in /sys/kernel/ndis/error_log_entries. A bad handle is reported
 * and nothing is logged.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisWriteErrorLogEntry(NDIS_HANDLE NdisAdapterHandle, NDIS_ERROR_CODE ErrorCode,
			    ULONG NumberOfErrorValues, ...)
{
	char values[NDIS_ERROR_LOG_VALUES_SHOWN * sizeof(" 0x00000000") + sizeof(" ...")];
	struct ndis_adapter *a;
	size_t n = 0;
	va_list args;
	ULONG i;

	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return;
	values[0] = '\0';
	va_start(args, NumberOfErrorValues);
	for (i = 0; i < min_t(ULONG, NumberOfErrorValues, NDIS_ERROR_LOG_VALUES_SHOWN); i++)
		n += scnprintf(values + n, sizeof(values) - n, " 0x%08x", va_arg(args, ULONG));
	va_end(args);
	if (NumberOfErrorValues > NDIS_ERROR_LOG_VALUES_SHOWN)
		scnprintf(values + n, sizeof(values) - n, " ...");

	rcu_read_lock();
	a = ndis_adapter_peek(NdisAdapterHandle, __func__, _RET_IP_);
	if (a) {
		atomic_long_inc(&ndis_error_log_entries);
		pr_err_ratelimited("%s: error log entry 0x%08x%s\n", a->name, ErrorCode, values);
	}
	rcu_read_unlock();
}
EXPORT_SYMBOL_NS_GPL(NdisWriteErrorLogEntry, "NDIS");
