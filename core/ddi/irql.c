// SPDX-License-Identifier: GPL-2.0
/*
 * The IRQL layer: which NDIS level the calling context is at. PASSIVE_LEVEL
 * is process context that may sleep, DISPATCH_LEVEL is atomic context with
 * bottom halves off or an NDIS spin lock held, DIRQL is hard interrupt
 * context. The checks themselves are the macros of <ndis/irql.h>.
 */
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/rcupdate.h>
#include <ndis/ndis.h>

/**
 * ndis_current_irql() - the NDIS level of the calling context
 *
 * Hard IRQ, NMI or local interrupts off is DIRQL. Serving a softirq, BHs
 * disabled, preemption disabled, an RCU read-side section or an NDIS spin
 * lock held is DISPATCH_LEVEL. Anything else may sleep: PASSIVE_LEVEL.
 *
 * Context: any.
 * Return: PASSIVE_LEVEL, DISPATCH_LEVEL or DIRQL.
 */
KIRQL ndis_current_irql(void)
{
	if (ndis_irql_is_dirql())
		return DIRQL;
	if (in_softirq() || rcu_preempt_depth() ||
	    (IS_ENABLED(CONFIG_PREEMPT_COUNT) && (preempt_count() & PREEMPT_MASK)) ||
	    ndis_spin_locks_held())
		return DISPATCH_LEVEL;
	return PASSIVE_LEVEL;
}
EXPORT_SYMBOL_NS_GPL(ndis_current_irql, "NDIS");

/**
 * ndis_irql_name() - printable name of a level
 * @irql: the level
 *
 * Context: any.
 * Return: a static string, "PASSIVE_LEVEL" for example.
 */
const char *ndis_irql_name(KIRQL irql)
{
	switch (irql) {
	case PASSIVE_LEVEL:
		return "PASSIVE_LEVEL";
	case APC_LEVEL:
		return "APC_LEVEL";
	case DISPATCH_LEVEL:
		return "DISPATCH_LEVEL";
	case DIRQL:
		return "DIRQL";
	}
	return "unknown IRQL";
}
EXPORT_SYMBOL_NS_GPL(ndis_irql_name, "NDIS_LINUX");

/**
 * KfRaiseIrql() - raise the caller to a level
 * @NewIrql: APC_LEVEL or DISPATCH_LEVEL, not below the caller's level
 *
 * What KeRaiseIrql() expands to. Raising from below DISPATCH_LEVEL to it
 * is local_bh_disable(); KeLowerIrql() undoes it. APC_LEVEL, and a level
 * the caller is at already, change nothing. DIRQL cannot be raised to, and
 * a level below the caller's is a broken contract: both are reported and
 * change nothing.
 *
 * Context: IRQL <= @NewIrql.
 * Return: the caller's level before the call.
 */
KIRQL KfRaiseIrql(KIRQL NewIrql)
{
	KIRQL old = ndis_current_irql();

	if (unlikely(NewIrql > DISPATCH_LEVEL)) {
		ndis_irql_violation(__func__, "NewIrql <= DISPATCH_LEVEL", old, _RET_IP_);
		return old;
	}
	if (unlikely(NewIrql < old)) {
		ndis_irql_violation(__func__, "IRQL <= NewIrql", old, _RET_IP_);
		return old;
	}
	if (NewIrql == DISPATCH_LEVEL && old < DISPATCH_LEVEL)
		local_bh_disable();
	return old;
}
EXPORT_SYMBOL_NS_GPL(KfRaiseIrql, "NDIS");

/**
 * KeRaiseIrqlToDpcLevel() - raise the caller to DISPATCH_LEVEL
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the caller's level before the call.
 */
KIRQL KeRaiseIrqlToDpcLevel(void)
{
	KIRQL old = ndis_current_irql();

	if (!NDIS_IRQL_OK_LE(old, DISPATCH_LEVEL))
		return old;
	if (old < DISPATCH_LEVEL)
		local_bh_disable();
	return old;
}
EXPORT_SYMBOL_NS_GPL(KeRaiseIrqlToDpcLevel, "NDIS");

/**
 * KeLowerIrql() - return to the level a raise saved
 * @NewIrql: what KeRaiseIrql() or KeRaiseIrqlToDpcLevel() returned
 *
 * From DISPATCH_LEVEL to below it is local_bh_enable(), undoing the
 * raise. Lowering inside a DPC or other softirq, or with interrupts off,
 * below DISPATCH_LEVEL is reported and changes nothing: that level was not
 * raised to by the caller.
 *
 * Context: IRQL >= @NewIrql.
 */
void KeLowerIrql(KIRQL NewIrql)
{
	if (NewIrql >= DISPATCH_LEVEL)
		return;
	if (unlikely(in_serving_softirq() || ndis_irql_is_dirql() || !softirq_count())) {
		ndis_irql_violation(__func__, "a level raised by KeRaiseIrql",
				    ndis_current_irql(), _RET_IP_);
		return;
	}
	local_bh_enable();
}
EXPORT_SYMBOL_NS_GPL(KeLowerIrql, "NDIS");
