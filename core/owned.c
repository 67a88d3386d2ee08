// SPDX-License-Identifier: GPL-2.0
/*
 * Owned library objects. An object joins its driver's set when published
 * (fully initialised, with its handle) and leaves it when its last
 * reference goes, not when the driver frees it: a callback still running
 * after the free is the driver's code, and the deregistration must wait
 * for it too. The set holds no reference; each object holds one on its
 * driver from its allocation on, so the set outlives its members.
 */
#include "owned.h"

void ndis_owned_set_init(struct ndis_owned_set *set)
{
	spin_lock_init(&set->lock);
	INIT_LIST_HEAD(&set->items);
	set->closed = false;
}

/*
 * Put @o, initialised and referencing its owner, in its owner's set. Any
 * context up to DISPATCH_LEVEL. Return: -ESHUTDOWN if the owner's
 * deregistration has closed the set already.
 */
int ndis_owned_add(struct ndis_owned *o)
{
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&o->set->lock, flags);
	if (o->set->closed)
		ret = -ESHUTDOWN;
	else
		list_add_tail(&o->node, &o->set->items);
	spin_unlock_irqrestore(&o->set->lock, flags);
	return ret;
}

/*
 * From @o's kobject release, in any context: leave the set if it joined
 * it, drop the owner.
 */
void ndis_owned_release(struct ndis_owned *o)
{
	unsigned long flags;

	if (!o->owner)
		return;
	spin_lock_irqsave(&o->set->lock, flags);
	list_del_init(&o->node);
	spin_unlock_irqrestore(&o->set->lock, flags);
	ndis_object_put(o->owner);
}

/*
 * Close @set to new objects and reclaim every member, one at a time, with
 * the lock dropped: a reclaim waits for callbacks. A member whose count
 * already reached zero is being released; it holds its owner, so nothing
 * here needs to wait for it. PASSIVE, no NDIS lock held.
 */
void ndis_owned_close(struct ndis_owned_set *set)
{
	struct ndis_owned *o;
	bool live;

	spin_lock_irq(&set->lock);
	WRITE_ONCE(set->closed, true);
	while ((o = list_first_entry_or_null(&set->items, struct ndis_owned, node))) {
		list_del_init(&o->node);
		live = kobject_get_unless_zero(&o->obj.kobj);
		spin_unlock_irq(&set->lock);
		if (live) {
			o->reclaim(o);
			ndis_object_put(&o->obj);
		}
		spin_lock_irq(&set->lock);
	}
	spin_unlock_irq(&set->lock);
}
