/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS timer objects: a driver's function called at DISPATCH_LEVEL once,
 * or every period, after a delay, and never before its due time (an
 * hrtimer on CLOCK_MONOTONIC, not jiffies). A timer belongs to the driver whose
 * handle allocated it; what the driver has not freed when it deregisters
 * is cancelled, waited for, freed and reported.
 */
#ifndef _NDIS_TIMER_H
#define _NDIS_TIMER_H

#include <ndis/object.h>
#include <ndis/sal.h>
#include <ndis/status.h>
#include <ndis/types.h>

/**
 * typedef NDIS_TIMER_FUNCTION - NetTimerCallback: what a timer object calls
 * @SystemSpecific1: NULL here
 * @FunctionContext: what the set call named, or else the characteristics
 * @SystemSpecific2: NULL here
 * @SystemSpecific3: NULL here
 *
 * The function may set, cancel or free its own timer.
 *
 * Context: DISPATCH_LEVEL, in the hrtimer softirq (on PREEMPT_RT, the
 * softirq thread); never before the due time.
 */
typedef void NDIS_TIMER_FUNCTION(PVOID SystemSpecific1, PVOID FunctionContext,
				 PVOID SystemSpecific2, PVOID SystemSpecific3);
/* The same type as a pointer, spelt out: checkpatch misreads the short form. */
typedef void (*PNDIS_TIMER_FUNCTION)(PVOID SystemSpecific1, PVOID FunctionContext,
				     PVOID SystemSpecific2, PVOID SystemSpecific3);

/**
 * struct _NDIS_TIMER_CHARACTERISTICS - what a timer object calls
 * @Header: NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS, revision 1
 * @AllocationTag: the driver's pool tag; not kept
 * @TimerFunction: called when the timer fires
 * @FunctionContext: passed to @TimerFunction when a set call names none
 */
typedef struct _NDIS_TIMER_CHARACTERISTICS {
	NDIS_OBJECT_HEADER Header;
	ULONG AllocationTag;
	PNDIS_TIMER_FUNCTION TimerFunction;
	PVOID FunctionContext;
} NDIS_TIMER_CHARACTERISTICS, *PNDIS_TIMER_CHARACTERISTICS;

#define NDIS_TIMER_CHARACTERISTICS_REVISION_1	1
#define NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NDIS_TIMER_CHARACTERISTICS, FunctionContext)

NDIS_STATUS NdisAllocateTimerObject(NDIS_HANDLE NdisHandle,
				    PNDIS_TIMER_CHARACTERISTICS TimerCharacteristics,
				    PNDIS_HANDLE pTimerObject);
BOOLEAN NdisSetTimerObject(NDIS_HANDLE TimerObject, LARGE_INTEGER DueTime,
			   LONG MillisecondsPeriod, PVOID FunctionContext);
BOOLEAN NdisSetCoalescableTimerObject(NDIS_HANDLE TimerObject, LARGE_INTEGER DueTime,
				      LONG MillisecondsPeriod, PVOID FunctionContext,
				      ULONG Tolerance);
BOOLEAN NdisCancelTimerObject(NDIS_HANDLE TimerObject);
void NdisFreeTimerObject(NDIS_HANDLE TimerObject);

#endif /* _NDIS_TIMER_H */
