/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IRQL as a checked Linux context contract.
 *
 *   PASSIVE_LEVEL   process context that may sleep
 *   DISPATCH_LEVEL  atomic but interruptible: serving a softirq, BHs
 *                   disabled, preemption disabled, inside an RCU read-side
 *                   section, or holding an NDIS spin lock
 *   DIRQL           hard interrupt, NMI, or local interrupts disabled
 *
 * NDIS spin-lock holding is tracked per task by the lock itself, so the
 * answer stays right on PREEMPT_RT, where spin locks sleep and leave
 * preemption enabled.
 */
#ifndef _NDIS_IRQL_H
#define _NDIS_IRQL_H

#include <linux/bits.h>
#include <linux/bottom_half.h>
#include <linux/compiler.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <ndis/types.h>

typedef u8 KIRQL, *PKIRQL;

#define PASSIVE_LEVEL	0
#define APC_LEVEL	1
#define DISPATCH_LEVEL	2
#define DIRQL		3

KIRQL ndis_current_irql(void);
const char *ndis_irql_name(KIRQL irql);
bool ndis_irql_violation(const char *api, const char *requirement,
			 KIRQL irql, unsigned long caller);
long ndis_irql_violation_count(void);
long ndis_irql_site_count(void);

/* DIRQL: the one level that is cheap to tell, and all "<= DISPATCH" rules out. */
static inline bool ndis_irql_is_dirql(void)
{
	return in_hardirq() || in_nmi() || irqs_disabled();
}

/**
 * NDIS_CURRENT_IRQL - the level the caller runs at
 *
 * Return: PASSIVE_LEVEL, DISPATCH_LEVEL or DIRQL.
 */
#define NDIS_CURRENT_IRQL()	ndis_current_irql()

/*
 * @allowed is a mask of permitted levels. The requirement text is spelt by
 * the outermost macro, before its @level argument expands to a number.
 */
#define __NDIS_IRQL_CHECK(irql, allowed, requirement)			\
	({								\
		KIRQL __ndis_at = (irql);				\
		likely(BIT(__ndis_at) & (allowed)) ||			\
			ndis_irql_violation(__func__, requirement,	\
					    __ndis_at, _RET_IP_);	\
	})

/* "IRQL <= @max": at DISPATCH_LEVEL or above, only DIRQL is wrong. */
#define __NDIS_IRQL_CHECK_LE(max, requirement)				\
	({								\
		KIRQL __ndis_max = (max);				\
		(__ndis_max >= DISPATCH_LEVEL && likely(!ndis_irql_is_dirql())) || \
		__NDIS_IRQL_CHECK(ndis_current_irql(), GENMASK(__ndis_max, 0), \
				  requirement);				\
	})

/**
 * NDIS_IRQL_OK_LE - check a known level against "IRQL <= @level"
 * @irql: the caller's level, from ndis_current_irql()
 * @level: the highest level the contract allows
 *
 * For functions that need the level for more than the check; others use
 * NDIS_ASSERT_IRQL_LE(). Expand it in the exported function itself, so
 * that the reported caller is that function's caller.
 *
 * Return: see NDIS_ASSERT_IRQL_LE().
 */
#define NDIS_IRQL_OK_LE(irql, level)					\
	__NDIS_IRQL_CHECK(irql, GENMASK(level, 0), "IRQL <= " #level)

/**
 * NDIS_IRQL_OK_EQ - check a known level against "IRQL == @level"
 * @irql: the caller's level, from ndis_current_irql()
 * @level: the one level the contract allows
 *
 * Return: see NDIS_ASSERT_IRQL_LE().
 */
#define NDIS_IRQL_OK_EQ(irql, level)					\
	__NDIS_IRQL_CHECK(irql, BIT(level), "IRQL == " #level)

/**
 * NDIS_ASSERT_IRQL_LE - assert the caller runs at @level or below
 * @level: the highest level the contract allows, e.g. DISPATCH_LEVEL
 *
 * Use at the top of an exported function. A violation is counted every
 * time and reported once per calling site, naming the function and its
 * caller: a WARN, or an error line when the module parameter
 * ``irql_strict`` is off.
 *
 * Return: true when the level is right. On false the function must fail
 * (or, returning nothing, do nothing it cannot safely do at that level).
 */
#define NDIS_ASSERT_IRQL_LE(level)					\
	__NDIS_IRQL_CHECK_LE(level, "IRQL <= " #level)

/**
 * NDIS_ASSERT_IRQL_EQ - assert the caller runs at exactly @level
 * @level: the level the contract requires, e.g. PASSIVE_LEVEL
 *
 * Return: see NDIS_ASSERT_IRQL_LE().
 */
#define NDIS_ASSERT_IRQL_EQ(level)					\
	__NDIS_IRQL_CHECK(ndis_current_irql(), BIT(level), "IRQL == " #level)

#define KeGetCurrentIrql()	ndis_current_irql()

/**
 * PAGED_CODE - assert that the caller may touch pageable memory
 *
 * The DDI's IRQL <= APC_LEVEL, which is PASSIVE_LEVEL here: a caller at
 * DISPATCH_LEVEL is reported like any other broken contract. Windows
 * checks it in debug builds only; here it is always checked.
 */
#define PAGED_CODE()	((void)NDIS_ASSERT_IRQL_LE(APC_LEVEL))

/**
 * NDIS_RAISE_IRQL_TO_DISPATCH - raise the caller to DISPATCH_LEVEL
 * @_pIrql: a PKIRQL that receives the level the caller had
 *
 * Raising is local_bh_disable(), done only from below DISPATCH_LEVEL, so
 * that NDIS_LOWER_IRQL() undoes exactly what this did.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
#define NDIS_RAISE_IRQL_TO_DISPATCH(_pIrql)				\
	do {								\
		KIRQL __ndis_old = ndis_current_irql();			\
		if (__ndis_old < DISPATCH_LEVEL)			\
			local_bh_disable();				\
		*(_pIrql) = __ndis_old;					\
	} while (0)

/**
 * NDIS_LOWER_IRQL - return to the level NDIS_RAISE_IRQL_TO_DISPATCH() saved
 * @_OldIrql: the level it saved
 * @_CurrentIrql: DISPATCH_LEVEL, the level the caller runs at now
 *
 * Context: DISPATCH_LEVEL.
 */
#define NDIS_LOWER_IRQL(_OldIrql, _CurrentIrql)				\
	do {								\
		if ((_OldIrql) < DISPATCH_LEVEL && (_CurrentIrql) >= DISPATCH_LEVEL) \
			local_bh_enable();				\
	} while (0)

KIRQL KfRaiseIrql(KIRQL NewIrql);
KIRQL KeRaiseIrqlToDpcLevel(void);
void KeLowerIrql(KIRQL NewIrql);

/**
 * KeRaiseIrql - raise the caller to a level
 * @_NewIrql: APC_LEVEL or DISPATCH_LEVEL
 * @_OldIrql: a PKIRQL that receives the caller's level before the call
 *
 * See KfRaiseIrql(). Undo with KeLowerIrql(*@_OldIrql).
 */
#define KeRaiseIrql(_NewIrql, _OldIrql)	(*(_OldIrql) = KfRaiseIrql(_NewIrql))

/**
 * KeEnterCriticalRegion - disable normal kernel APCs
 *
 * Linux has no APCs, so there is nothing to disable: this checks the
 * DDI's level (IRQL <= APC_LEVEL, PASSIVE_LEVEL here) and does nothing
 * else. Nesting is not tracked.
 */
#define KeEnterCriticalRegion()	((void)NDIS_ASSERT_IRQL_LE(APC_LEVEL))

/**
 * KeLeaveCriticalRegion - re-enable normal kernel APCs
 *
 * Checks the level like KeEnterCriticalRegion(); does nothing else.
 */
#define KeLeaveCriticalRegion()	((void)NDIS_ASSERT_IRQL_LE(APC_LEVEL))

#endif /* _NDIS_IRQL_H */
