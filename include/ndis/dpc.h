/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Deferred procedure calls (KDPC) and processor numbers.
 *
 * A DPC runs its routine once per successful KeInsertQueueDpc(), at
 * DISPATCH_LEVEL (softirq context), on the processor it targets or, with no
 * target, on the processor that queued it. NDIS keeps one queue per CPU,
 * drained by a per-CPU tasklet of ndis.ko; an insert for another CPU is
 * handed to it by an IPI. Processor numbers map Linux CPU ids onto groups
 * of 64: CPU n is group n / 64, number n % 64, and its index is n.
 */
#ifndef _NDIS_DPC_H
#define _NDIS_DPC_H

#include <linux/list.h>
#include <ndis/irql.h>
#include <ndis/ntstatus.h>
#include <ndis/types.h>

struct _KDPC;

/**
 * typedef KDEFERRED_ROUTINE - a DPC's routine
 * @Dpc: the DPC that ran
 * @DeferredContext: what KeInitializeDpc() was given
 * @SystemArgument1: what the KeInsertQueueDpc() that queued this run gave
 * @SystemArgument2: likewise
 *
 * Context: DISPATCH_LEVEL, on the DPC's target processor.
 */
typedef void KDEFERRED_ROUTINE(struct _KDPC *Dpc, PVOID DeferredContext,
			       PVOID SystemArgument1, PVOID SystemArgument2);
typedef void (*PKDEFERRED_ROUTINE)(struct _KDPC *Dpc, PVOID DeferredContext,
				   PVOID SystemArgument1, PVOID SystemArgument2);

/**
 * enum _KDPC_IMPORTANCE - KeSetImportanceDpc()'s argument
 * @LowImportance: recorded only
 * @MediumImportance: the default; recorded only
 * @HighImportance: recorded only
 * @MediumHighImportance: recorded only
 *
 * Every DPC here runs as soon as its processor serves softirqs, in the
 * order queued, whatever its importance.
 */
typedef enum _KDPC_IMPORTANCE {
	LowImportance,
	MediumImportance,
	HighImportance,
	MediumHighImportance,
} KDPC_IMPORTANCE;

/**
 * struct _KDPC - a deferred procedure call object
 * @DeferredRoutine: the routine, from KeInitializeDpc()
 * @DeferredContext: its context, from KeInitializeDpc()
 * @SystemArgument1: first argument of the queued run
 * @SystemArgument2: second argument of the queued run
 * @Importance: a KDPC_IMPORTANCE, recorded only
 *
 * Caller-allocated in non-paged memory and set up by KeInitializeDpc();
 * drivers do not touch the fields. Before freeing it, a driver removes it
 * (KeRemoveQueueDpc()) and waits for a run under way (KeFlushQueuedDpcs()),
 * as on Windows.
 */
typedef struct _KDPC {
	PKDEFERRED_ROUTINE DeferredRoutine;
	PVOID DeferredContext;
	PVOID SystemArgument1;
	PVOID SystemArgument2;
	UCHAR Importance;
	/* private: */
	u32 magic;			/* set by KeInitializeDpc */
	int target_cpu;			/* -1: the CPU that queues it */
	int queued_cpu;			/* whose queue holds it, -1: none */
	u64 ticket;			/* insert order, for the flush */
	struct list_head entry;		/* in that CPU's queue */
} KDPC, *PKDPC, *PRKDPC;

/**
 * struct _PROCESSOR_NUMBER - a processor: its group and number in the group
 * @Group: Linux CPU id / 64
 * @Number: Linux CPU id % 64
 * @Reserved: 0
 */
typedef struct _PROCESSOR_NUMBER {
	USHORT Group;
	UCHAR Number;
	UCHAR Reserved;
} PROCESSOR_NUMBER, *PPROCESSOR_NUMBER;

/**
 * struct _KDPC_WATCHDOG_INFORMATION - KeQueryDpcWatchdogInformation()'s answer
 * @DpcTimeLimit: 0: no limit for one DPC
 * @DpcTimeCount: 0
 * @DpcWatchdogLimit: 0: no limit for a series of DPCs
 * @DpcWatchdogCount: 0
 * @Reserved: 0
 */
typedef struct _KDPC_WATCHDOG_INFORMATION {
	ULONG DpcTimeLimit;
	ULONG DpcTimeCount;
	ULONG DpcWatchdogLimit;
	ULONG DpcWatchdogCount;
	ULONG Reserved;
} KDPC_WATCHDOG_INFORMATION, *PKDPC_WATCHDOG_INFORMATION;

#define ALL_PROCESSOR_GROUPS		0xffff
#define MAXIMUM_PROC_PER_GROUP		64
#define INVALID_PROCESSOR_INDEX		0xffffffff

void KeInitializeDpc(PRKDPC Dpc, PKDEFERRED_ROUTINE DeferredRoutine,
		     PVOID DeferredContext);
BOOLEAN KeInsertQueueDpc(PRKDPC Dpc, PVOID SystemArgument1, PVOID SystemArgument2);
BOOLEAN KeRemoveQueueDpc(PRKDPC Dpc);
void KeFlushQueuedDpcs(void);
void KeSetImportanceDpc(PRKDPC Dpc, KDPC_IMPORTANCE Importance);
void KeSetTargetProcessorDpc(PRKDPC Dpc, CCHAR Number);
NTSTATUS KeSetTargetProcessorDpcEx(PKDPC Dpc, PPROCESSOR_NUMBER ProcNumber);
NTSTATUS KeQueryDpcWatchdogInformation(PKDPC_WATCHDOG_INFORMATION WatchdogInformation);

ULONG KeGetCurrentProcessorNumberEx(PPROCESSOR_NUMBER ProcNumber);
NTSTATUS KeGetProcessorNumberFromIndex(ULONG ProcIndex, PPROCESSOR_NUMBER ProcNumber);
ULONG KeGetProcessorIndexFromNumber(PPROCESSOR_NUMBER ProcNumber);
ULONG KeQueryActiveProcessorCountEx(USHORT GroupNumber);

#endif /* _NDIS_DPC_H */
