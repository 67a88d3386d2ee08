/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ndis.ko: what a driver allocated from the NDIS library (timer
 * objects, I/O work items) and has not freed, kept per miniport or protocol
 * driver so that its deregistration can quiet and free what it left
 * behind before its module's code goes away (owned.c).
 */
#ifndef _NDIS_CORE_OWNED_H
#define _NDIS_CORE_OWNED_H

#include <linux/list.h>
#include <linux/spinlock.h>

#include "object.h"

/* A driver's allocations: open until its deregistration closes them. */
struct ndis_owned_set {
	spinlock_t lock;		/* any context: irqsave */
	struct list_head items;		/* of struct ndis_owned, under @lock */
	bool closed;			/* under @lock */
};

/**
 * struct ndis_owned - an object of the library that a driver owns
 * @obj: its handle and reference count
 * @node: in @set->items from allocation to release
 * @set: the owning driver's set
 * @owner: the owning driver, referenced until release
 * @reclaim: at the owner's deregistration, with a reference held and at
 *	PASSIVE_LEVEL: wait until the object is quiet (no callback running or
 *	due) and free it if the driver has not
 * @api: the function that allocated it, for the reports
 * @caller: where the driver allocated it, for the report if it forgets it
 *
 * The object holds a reference on @owner from its allocation to its
 * release, but joins @set only once published: a deregistration never
 * reclaims an object its allocating call is still initialising.
 */
struct ndis_owned {
	struct ndis_object obj;
	struct list_head node;
	struct ndis_owned_set *set;
	struct ndis_object *owner;
	void (*reclaim)(struct ndis_owned *o);
	const char *api;
	unsigned long caller;
};

void ndis_owned_set_init(struct ndis_owned_set *set);
int ndis_owned_add(struct ndis_owned *o);
void ndis_owned_release(struct ndis_owned *o);
void ndis_owned_close(struct ndis_owned_set *set);

#endif /* _NDIS_CORE_OWNED_H */
