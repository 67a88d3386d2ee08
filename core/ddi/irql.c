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
