/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A gate in front of a count, for paths that take no lock: whoever enters
 * counts itself, then looks at the gate; whoever closes shuts the gate,
 * then waits for the count to drain. A full barrier on each side means
 * either the entrant sees the gate shut or the closer sees its count, so
 * no one passes a gate whose closer saw zero. Private to ndis.ko.
 */
#ifndef _NDIS_CORE_GATE_H
#define _NDIS_CORE_GATE_H

#include <linux/atomic.h>
#include <linux/wait.h>

/* Count @n against @count, then look. Return: whether @open was set. */
static inline bool ndis_gate_enter(atomic_t *count, const bool *open, int n)
{
	atomic_add(n, count);
	smp_mb__after_atomic();	/* count, then look: pairs with ndis_gate_shut() */
	return READ_ONCE(*open);
}

/* Take back @n; the last one out wakes the closer waiting on @wq. */
static inline void ndis_gate_exit(atomic_t *count, int n, wait_queue_head_t *wq)
{
	if (atomic_sub_and_test(n, count))
		wake_up(wq);
}

/* Shut @open; the caller then waits for the count. */
static inline void ndis_gate_shut(bool *open)
{
	WRITE_ONCE(*open, false);
	smp_mb();	/* shut, then read the count: pairs with ndis_gate_enter() */
}

#endif /* _NDIS_CORE_GATE_H */
