// SPDX-License-Identifier: GPL-2.0
/*
 * Deferred procedure calls.
 *
 * Each CPU has a queue of KDPCs and a tasklet of ndis.ko that drains it,
 * in softirq context, so a DPC routine runs at DISPATCH_LEVEL on that CPU.
 * KeInsertQueueDpc() appends to the target CPU's queue; for the calling CPU
 * it schedules the tasklet directly, for another one it sends that CPU an
 * IPI (smp_call_function_single_async) whose handler schedules it there.
 * The tasklet is ndis.ko's, not embedded in the driver's KDPC, so the
 * framework never touches a KDPC after its routine returned: a driver may
 * free it then, or from inside the routine.
 *
 * Every insert takes a ticket from a global counter, under the queue's
 * lock, so tickets grow along each queue. KeFlushQueuedDpcs() reads the
 * counter and waits until every queue's head and every routine under way
 * has a later ticket: the DPCs queued before the call have run, and DPCs
 * that keep queueing themselves do not hold it up.
 */
#include <linux/cpumask.h>
#include <linux/interrupt.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <ndis/ndis.h>

#include "../report.h"
#include "dpc.h"

#define NDIS_DPC_MAGIC	0x4b445043	/* "KDPC" */

struct ndis_dpc_cpu {
	raw_spinlock_t lock;		/* guards queue and running */
	struct list_head queue;		/* KDPCs in insert order */
	u64 running;			/* ticket of the routine under way, 0: none */
	struct tasklet_struct tasklet;	/* drains queue on this CPU */
	call_single_data_t csd;		/* IPI that schedules the tasklet */
};

static DEFINE_PER_CPU(struct ndis_dpc_cpu, ndis_dpc_cpus);
static atomic64_t ndis_dpc_tickets = ATOMIC64_INIT(0);
static DECLARE_WAIT_QUEUE_HEAD(ndis_dpc_flush_wq);

static void ndis_dpc_drain(struct tasklet_struct *t)
{
	struct ndis_dpc_cpu *q = from_tasklet(q, t, tasklet);
	PKDEFERRED_ROUTINE routine;
	PVOID context, arg1, arg2;
	/* What was queued by now; later inserts (a DPC queueing itself) wait a turn. */
	u64 last = atomic64_read(&ndis_dpc_tickets);
	unsigned long flags;
	PRKDPC dpc;

	for (;;) {
		raw_spin_lock_irqsave(&q->lock, flags);
		dpc = list_first_entry_or_null(&q->queue, KDPC, entry);
		if (!dpc || dpc->ticket > last) {
			raw_spin_unlock_irqrestore(&q->lock, flags);
			if (dpc)
				tasklet_schedule(&q->tasklet);
			break;
		}
		list_del_init(&dpc->entry);
		WRITE_ONCE(dpc->queued_cpu, -1);
		q->running = dpc->ticket;
		routine = dpc->DeferredRoutine;
		context = dpc->DeferredContext;
		arg1 = dpc->SystemArgument1;
		arg2 = dpc->SystemArgument2;
		raw_spin_unlock_irqrestore(&q->lock, flags);

		routine(dpc, context, arg1, arg2);

		raw_spin_lock_irqsave(&q->lock, flags);
		q->running = 0;
		raw_spin_unlock_irqrestore(&q->lock, flags);
		if (wq_has_sleeper(&ndis_dpc_flush_wq))
			wake_up_all(&ndis_dpc_flush_wq);
	}
}

static void ndis_dpc_kick(void *info)
{
	struct ndis_dpc_cpu *q = info;

	tasklet_schedule(&q->tasklet);
}

/**
 * ndis_dpc_init() - set up the per-CPU DPC queues
 *
 * Context: module init.
 */
void ndis_dpc_init(void)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		struct ndis_dpc_cpu *q = per_cpu_ptr(&ndis_dpc_cpus, cpu);

		raw_spin_lock_init(&q->lock);
		INIT_LIST_HEAD(&q->queue);
		q->running = 0;
		tasklet_setup(&q->tasklet, ndis_dpc_drain);
		INIT_CSD(&q->csd, ndis_dpc_kick, q);
	}
}

/**
 * ndis_dpc_exit() - stop the per-CPU DPC queues
 *
 * Every driver is gone by now, so the queues are empty; a tasklet still
 * scheduled runs once more and finds nothing.
 *
 * Context: module exit.
 */
void ndis_dpc_exit(void)
{
	int cpu;

	for_each_possible_cpu(cpu)
		tasklet_kill(&per_cpu_ptr(&ndis_dpc_cpus, cpu)->tasklet);
}

static bool ndis_dpc_ok(PRKDPC dpc, const char *api, unsigned long caller)
{
	if (likely(dpc && dpc->magic == NDIS_DPC_MAGIC))
		return true;
	ndis_misuse(api, "a KDPC set up by KeInitializeDpc", caller);
	return false;
}

/**
 * KeInitializeDpc() - set up a DPC object
 * @Dpc: caller-allocated, non-paged storage
 * @DeferredRoutine: the routine to run
 * @DeferredContext: passed to @DeferredRoutine
 *
 * The DPC targets the processor that queues it and has medium importance.
 * Not for a DPC that is queued.
 *
 * Context: any IRQL.
 */
void KeInitializeDpc(PRKDPC Dpc, PKDEFERRED_ROUTINE DeferredRoutine,
		     PVOID DeferredContext)
{
	if (!Dpc || !DeferredRoutine) {
		ndis_misuse(__func__, "a KDPC and a routine", _RET_IP_);
		return;
	}
	Dpc->DeferredRoutine = DeferredRoutine;
	Dpc->DeferredContext = DeferredContext;
	Dpc->SystemArgument1 = NULL;
	Dpc->SystemArgument2 = NULL;
	Dpc->Importance = MediumImportance;
	Dpc->target_cpu = -1;
	Dpc->queued_cpu = -1;
	Dpc->ticket = 0;
	INIT_LIST_HEAD(&Dpc->entry);
	Dpc->magic = NDIS_DPC_MAGIC;
}
EXPORT_SYMBOL_NS_GPL(KeInitializeDpc, "NDIS");

/**
 * KeInsertQueueDpc() - queue a DPC to run once
 * @Dpc: set up by KeInitializeDpc()
 * @SystemArgument1: passed to the routine
 * @SystemArgument2: passed to the routine
 *
 * The routine runs once for this insert, at DISPATCH_LEVEL, on the target
 * processor, or with none set on the calling one. A target processor that
 * is offline is replaced by the calling one. While the DPC is queued a
 * second insert changes nothing and returns FALSE; once its routine has
 * started, it may be queued again, from the routine too.
 *
 * Context: any IRQL.
 * Return: TRUE if the DPC was queued, FALSE if it was queued already.
 */
BOOLEAN KeInsertQueueDpc(PRKDPC Dpc, PVOID SystemArgument1, PVOID SystemArgument2)
{
	struct ndis_dpc_cpu *q;
	unsigned long flags, qflags;
	int cpu, self;

	if (!ndis_dpc_ok(Dpc, __func__, _RET_IP_))
		return FALSE;

	local_irq_save(flags);
	self = smp_processor_id();
	cpu = READ_ONCE(Dpc->target_cpu);
	if (cpu < 0 || !cpu_online(cpu))
		cpu = self;
	q = per_cpu_ptr(&ndis_dpc_cpus, cpu);

	raw_spin_lock_irqsave(&q->lock, qflags);
	/* Claimed under this queue's lock: an insert on another CPU fails. */
	if (cmpxchg(&Dpc->queued_cpu, -1, cpu) != -1) {
		raw_spin_unlock_irqrestore(&q->lock, qflags);
		local_irq_restore(flags);
		return FALSE;
	}
	Dpc->SystemArgument1 = SystemArgument1;
	Dpc->SystemArgument2 = SystemArgument2;
	Dpc->ticket = atomic64_inc_return(&ndis_dpc_tickets);
	list_add_tail(&Dpc->entry, &q->queue);
	raw_spin_unlock_irqrestore(&q->lock, qflags);

	if (cpu == self)
		tasklet_schedule(&q->tasklet);
	else if (smp_call_function_single_async(cpu, &q->csd) == -ENXIO)
		tasklet_schedule(&q->tasklet);	/* went offline: drain it here */
	/* -EBUSY: an IPI to @cpu is pending and will schedule the tasklet. */
	local_irq_restore(flags);
	return TRUE;
}
EXPORT_SYMBOL_NS_GPL(KeInsertQueueDpc, "NDIS");

/**
 * KeRemoveQueueDpc() - take a queued DPC off its queue
 * @Dpc: set up by KeInitializeDpc()
 *
 * A routine already under way is not stopped; KeFlushQueuedDpcs() waits
 * for it.
 *
 * Context: any IRQL.
 * Return: TRUE if the DPC was queued and now is not, FALSE if it was not
 * queued.
 */
BOOLEAN KeRemoveQueueDpc(PRKDPC Dpc)
{
	struct ndis_dpc_cpu *q;
	unsigned long flags;
	BOOLEAN removed = FALSE;
	int cpu;

	if (!ndis_dpc_ok(Dpc, __func__, _RET_IP_))
		return FALSE;
	/* Queued elsewhere meanwhile (run, then queued again): look again. */
	while ((cpu = READ_ONCE(Dpc->queued_cpu)) >= 0 && !removed) {
		q = per_cpu_ptr(&ndis_dpc_cpus, cpu);
		raw_spin_lock_irqsave(&q->lock, flags);
		if (READ_ONCE(Dpc->queued_cpu) == cpu) {
			list_del_init(&Dpc->entry);
			WRITE_ONCE(Dpc->queued_cpu, -1);
			removed = TRUE;
		}
		raw_spin_unlock_irqrestore(&q->lock, flags);
	}
	/* The wait queue's lock may sleep on PREEMPT_RT: not with irqs off. */
	if (removed && !ndis_irql_is_dirql() && wq_has_sleeper(&ndis_dpc_flush_wq))
		wake_up_all(&ndis_dpc_flush_wq);
	return removed;
}
EXPORT_SYMBOL_NS_GPL(KeRemoveQueueDpc, "NDIS");

static bool ndis_dpc_flushed(u64 last)
{
	bool done = true;
	unsigned long flags;
	int cpu;

	for_each_possible_cpu(cpu) {
		struct ndis_dpc_cpu *q = per_cpu_ptr(&ndis_dpc_cpus, cpu);
		PRKDPC head;

		raw_spin_lock_irqsave(&q->lock, flags);
		head = list_first_entry_or_null(&q->queue, KDPC, entry);
		if ((head && head->ticket <= last) ||
		    (q->running && q->running <= last))
			done = false;
		raw_spin_unlock_irqrestore(&q->lock, flags);
		if (!done)
			break;
	}
	return done;
}

/**
 * KeFlushQueuedDpcs() - wait for the DPCs queued so far
 *
 * Returns when every DPC queued before the call has been removed or has
 * run its routine to the end, on every processor. DPCs queued during the
 * call may or may not have run.
 *
 * Context: PASSIVE_LEVEL; sleeps.
 */
void KeFlushQueuedDpcs(void)
{
	u64 last = atomic64_read(&ndis_dpc_tickets);

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return;
	/* Removals with interrupts off do not wake us: look again every 10 ms. */
	while (!wait_event_timeout(ndis_dpc_flush_wq, ndis_dpc_flushed(last),
				   msecs_to_jiffies(10)))
		;
}
EXPORT_SYMBOL_NS_GPL(KeFlushQueuedDpcs, "NDIS");

/**
 * KeSetImportanceDpc() - set a DPC's importance
 * @Dpc: set up by KeInitializeDpc()
 * @Importance: a KDPC_IMPORTANCE
 *
 * Recorded only: every DPC runs in the order queued, as soon as its
 * processor serves softirqs.
 *
 * Context: any IRQL.
 */
void KeSetImportanceDpc(PRKDPC Dpc, KDPC_IMPORTANCE Importance)
{
	if (!ndis_dpc_ok(Dpc, __func__, _RET_IP_))
		return;
	if ((unsigned int)Importance > MediumHighImportance) {
		ndis_misuse(__func__, "a KDPC_IMPORTANCE", _RET_IP_);
		return;
	}
	Dpc->Importance = Importance;
}
EXPORT_SYMBOL_NS_GPL(KeSetImportanceDpc, "NDIS");

static int ndis_cpu_from_number(const PROCESSOR_NUMBER *pn)
{
	unsigned int cpu;

	if (!pn || pn->Reserved || pn->Number >= MAXIMUM_PROC_PER_GROUP)
		return -1;
	cpu = pn->Group * MAXIMUM_PROC_PER_GROUP + pn->Number;
	if (cpu >= nr_cpu_ids || !cpu_possible(cpu))
		return -1;
	return cpu;
}

/**
 * KeSetTargetProcessorDpc() - make a DPC run on a processor of group 0
 * @Dpc: set up by KeInitializeDpc(), not queued
 * @Number: the processor's number (Linux CPU id)
 *
 * A number that names no processor is reported and ignored.
 *
 * Context: any IRQL.
 */
void KeSetTargetProcessorDpc(PRKDPC Dpc, CCHAR Number)
{
	PROCESSOR_NUMBER pn = { .Group = 0, .Number = (UCHAR)Number };
	int cpu;

	if (!ndis_dpc_ok(Dpc, __func__, _RET_IP_))
		return;
	cpu = ndis_cpu_from_number(&pn);
	if (cpu < 0) {
		ndis_misuse(__func__, "the number of a processor", _RET_IP_);
		return;
	}
	WRITE_ONCE(Dpc->target_cpu, cpu);
}
EXPORT_SYMBOL_NS_GPL(KeSetTargetProcessorDpc, "NDIS");

/**
 * KeSetTargetProcessorDpcEx() - make a DPC run on a given processor
 * @Dpc: set up by KeInitializeDpc(), not queued
 * @ProcNumber: the processor's group and number
 *
 * Context: any IRQL.
 * Return: STATUS_SUCCESS, or STATUS_INVALID_PARAMETER when @ProcNumber
 * names no processor (the target is then unchanged).
 */
NTSTATUS KeSetTargetProcessorDpcEx(PKDPC Dpc, PPROCESSOR_NUMBER ProcNumber)
{
	int cpu;

	if (!ndis_dpc_ok(Dpc, __func__, _RET_IP_))
		return STATUS_INVALID_PARAMETER;
	cpu = ndis_cpu_from_number(ProcNumber);
	if (cpu < 0)
		return STATUS_INVALID_PARAMETER;
	WRITE_ONCE(Dpc->target_cpu, cpu);
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(KeSetTargetProcessorDpcEx, "NDIS");

/**
 * KeQueryDpcWatchdogInformation() - the DPC time limits of this processor
 * @WatchdogInformation: receives them; all 0, as Linux has no DPC watchdog
 *
 * Context: DISPATCH_LEVEL, inside a DPC routine.
 * Return: STATUS_SUCCESS inside a DPC routine running on this processor,
 * else STATUS_UNSUCCESSFUL.
 */
NTSTATUS KeQueryDpcWatchdogInformation(PKDPC_WATCHDOG_INFORMATION WatchdogInformation)
{
	struct ndis_dpc_cpu *q;
	unsigned long flags;
	bool in_dpc;

	if (!WatchdogInformation) {
		ndis_misuse(__func__, "a KDPC_WATCHDOG_INFORMATION", _RET_IP_);
		return STATUS_INVALID_PARAMETER;
	}
	memset(WatchdogInformation, 0, sizeof(*WatchdogInformation));
	local_irq_save(flags);
	q = this_cpu_ptr(&ndis_dpc_cpus);
	in_dpc = in_serving_softirq() && READ_ONCE(q->running);
	local_irq_restore(flags);
	return in_dpc ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}
EXPORT_SYMBOL_NS_GPL(KeQueryDpcWatchdogInformation, "NDIS");

/**
 * KeGetCurrentProcessorNumberEx() - the processor the caller runs on
 * @ProcNumber: receives its group and number; may be NULL
 *
 * Below DISPATCH_LEVEL the caller may move to another processor at once.
 *
 * Context: any IRQL.
 * Return: the processor's index, its Linux CPU id.
 */
ULONG KeGetCurrentProcessorNumberEx(PPROCESSOR_NUMBER ProcNumber)
{
	unsigned int cpu = raw_smp_processor_id();

	if (ProcNumber) {
		ProcNumber->Group = cpu / MAXIMUM_PROC_PER_GROUP;
		ProcNumber->Number = cpu % MAXIMUM_PROC_PER_GROUP;
		ProcNumber->Reserved = 0;
	}
	return cpu;
}
EXPORT_SYMBOL_NS_GPL(KeGetCurrentProcessorNumberEx, "NDIS");

/**
 * KeGetProcessorNumberFromIndex() - a processor's group and number
 * @ProcIndex: its index (Linux CPU id)
 * @ProcNumber: receives them
 *
 * Context: any IRQL.
 * Return: STATUS_SUCCESS, or STATUS_INVALID_PARAMETER for an index that
 * names no processor.
 */
NTSTATUS KeGetProcessorNumberFromIndex(ULONG ProcIndex, PPROCESSOR_NUMBER ProcNumber)
{
	if (!ProcNumber || ProcIndex >= nr_cpu_ids || !cpu_possible(ProcIndex))
		return STATUS_INVALID_PARAMETER;
	ProcNumber->Group = ProcIndex / MAXIMUM_PROC_PER_GROUP;
	ProcNumber->Number = ProcIndex % MAXIMUM_PROC_PER_GROUP;
	ProcNumber->Reserved = 0;
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(KeGetProcessorNumberFromIndex, "NDIS");

/**
 * KeGetProcessorIndexFromNumber() - a processor's index
 * @ProcNumber: its group and number
 *
 * Context: any IRQL.
 * Return: the index (Linux CPU id), or INVALID_PROCESSOR_INDEX when
 * @ProcNumber names no processor.
 */
ULONG KeGetProcessorIndexFromNumber(PPROCESSOR_NUMBER ProcNumber)
{
	int cpu = ndis_cpu_from_number(ProcNumber);

	return cpu < 0 ? INVALID_PROCESSOR_INDEX : cpu;
}
EXPORT_SYMBOL_NS_GPL(KeGetProcessorIndexFromNumber, "NDIS");

/**
 * KeQueryActiveProcessorCountEx() - how many processors are online
 * @GroupNumber: a group, or ALL_PROCESSOR_GROUPS
 *
 * Context: any IRQL.
 * Return: the number of online processors in @GroupNumber, or in all
 * groups; 0 for a group that has none.
 */
ULONG KeQueryActiveProcessorCountEx(USHORT GroupNumber)
{
	unsigned int cpu, n = 0;

	if (GroupNumber == ALL_PROCESSOR_GROUPS)
		return num_online_cpus();
	for_each_online_cpu(cpu)
		n += cpu / MAXIMUM_PROC_PER_GROUP == GroupNumber;
	return n;
}
EXPORT_SYMBOL_NS_GPL(KeQueryActiveProcessorCountEx, "NDIS");
