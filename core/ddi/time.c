// SPDX-License-Identifier: GPL-2.0
/*
 * The time family of the NDIS interface (include/ndis/time.h).
 */
#include <linux/delay.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <ndis/ndis.h>

#include "../report.h"

/* The longest stall the DDI allows; longer ones hold the CPU too long. */
#define NDIS_STALL_MAX_US	50

/**
 * NdisMSleep() - sleep for a while
 * @MicrosecondsToSleep: at least this long
 *
 * Context: IRQL == PASSIVE_LEVEL; at a higher level the call is reported
 * and does not sleep.
 */
void NdisMSleep(ULONG MicrosecondsToSleep)
{
	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return;
	fsleep(MicrosecondsToSleep);
}
EXPORT_SYMBOL_NS_GPL(NdisMSleep, "NDIS");

/**
 * NdisStallExecution() - busy-wait for a while
 * @MicrosecondsToStall: at most 50, as the DDI says; a longer stall is
 *	reported and still carried out
 *
 * Context: any.
 */
void NdisStallExecution(UINT MicrosecondsToStall)
{
	UINT left = MicrosecondsToStall;

	if (left > NDIS_STALL_MAX_US)
		ndis_misuse(__func__, "a stall of at most 50 microseconds", _RET_IP_);
	for (; left > 1000; left -= 1000)
		mdelay(1);
	udelay(left);
}
EXPORT_SYMBOL_NS_GPL(NdisStallExecution, "NDIS");

/**
 * NdisGetSystemUpTimeEx() - time since the system started
 * @pSystemUpTime: receives it, in milliseconds; time spent suspended counts
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisGetSystemUpTimeEx(PLARGE_INTEGER pSystemUpTime)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	pSystemUpTime->QuadPart = ktime_to_ms(ktime_get_boottime());
}
EXPORT_SYMBOL_NS_GPL(NdisGetSystemUpTimeEx, "NDIS");
