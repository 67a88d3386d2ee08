/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Time: sleeping, stalling, the system time in the DDI's units, and the
 * tick count.
 *
 * System time is counted, as on Windows, in 100-nanosecond units since
 * 1 January 1601 (UTC); the clock is the kernel's realtime clock.
 */
#ifndef _NDIS_TIME_H
#define _NDIS_TIME_H

#include <linux/jiffies.h>
#include <linux/math64.h>
#include <linux/timekeeping.h>
#include <ndis/types.h>

/* 100 ns units from 1601-01-01 to the Unix epoch, 1970-01-01. */
#define NDIS_TIME_UNIX_EPOCH	116444736000000000LL

void NdisMSleep(ULONG MicrosecondsToSleep);
void NdisStallExecution(UINT MicrosecondsToStall);
void NdisGetSystemUpTimeEx(PLARGE_INTEGER pSystemUpTime);

/**
 * ndis_system_time() - the system time in the DDI's units
 *
 * Context: any.
 * Return: 100 ns units since 1601-01-01 UTC.
 */
static inline LONGLONG ndis_system_time(void)
{
	return div_s64(ktime_get_real_ns(), 100) + NDIS_TIME_UNIX_EPOCH;
}

/**
 * NdisGetCurrentSystemTime - the current system time
 * @_pSystemTime: a PLARGE_INTEGER that receives it, in 100 ns units since
 *	1601-01-01 UTC
 *
 * Context: any.
 */
#define NdisGetCurrentSystemTime(_pSystemTime)				\
	((_pSystemTime)->QuadPart = ndis_system_time())

#define KeQuerySystemTime(_CurrentTime)	NdisGetCurrentSystemTime(_CurrentTime)

/**
 * KeQueryTickCount - clock ticks since boot
 * @_TickCount: a PLARGE_INTEGER that receives them; a tick lasts
 *	KeQueryTimeIncrement() 100 ns units
 *
 * Context: any.
 */
#define KeQueryTickCount(_TickCount)					\
	((_TickCount)->QuadPart = (LONGLONG)get_jiffies_64() - INITIAL_JIFFIES)

/**
 * KeQueryTimeIncrement() - the length of a clock tick
 *
 * Context: any.
 * Return: 100 ns units per tick of KeQueryTickCount().
 */
static inline ULONG KeQueryTimeIncrement(void)
{
	return 10000000 / HZ;
}

#endif /* _NDIS_TIME_H */
