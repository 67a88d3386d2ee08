// SPDX-License-Identifier: GPL-2.0
/*
 * NDIS interfaces and the interface stack table.
 *
 * An adapter's interface index (NET_IFINDEX) comes from an IDA starting at
 * 1, since 0 is NET_IFINDEX_UNSPECIFIED, and goes back to it only when the
 * adapter object is freed: as long as anything may still hold the adapter
 * and its index, no new adapter gets that index. Registration is shorter:
 * from the adapter's creation to its teardown, and only a registered
 * interface may be named in a stack entry. Deregistering an interface
 * deletes every entry that names it, as the DDI says NDIS does.
 *
 * The table is a list sorted by (higher, lower), under ndis_if_lock. It is
 * small (an entry per pair of layered interfaces) and every user runs at
 * PASSIVE_LEVEL, so a mutex and a list are enough. The lock is a leaf:
 * nothing else is taken under it.
 */
#include <linux/idr.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/sysfs.h>
#include <linux/xarray.h>

#include "ifstack.h"
#include "kunit_iface.h"

struct ndis_if_stack_entry {
	struct list_head node;
	u32 higher;
	u32 lower;
};

static DEFINE_IDA(ndis_if_ida);
static DEFINE_MUTEX(ndis_if_lock);
static DEFINE_XARRAY(ndis_ifs);		/* registered indices; ndis_if_lock */
static LIST_HEAD(ndis_if_stack);		/* sorted entries; ndis_if_lock */

/* The longest line of the sysfs text: two 10-digit indices, space, newline. */
#define NDIS_IF_STACK_LINE	22

/* Return: a new interface index (from 1), or -ENOMEM or -ENOSPC. */
int ndis_if_index_alloc(void)
{
	return ida_alloc_min(&ndis_if_ida, 1, GFP_KERNEL);
}

/* Give @index back. Any context: the adapter's release calls it. */
void ndis_if_index_free(u32 index)
{
	if (index)
		ida_free(&ndis_if_ida, index);
}

/* Make @index a registered interface. Return: 0 or -ENOMEM. PASSIVE. */
int ndis_if_register(u32 index)
{
	int ret;

	mutex_lock(&ndis_if_lock);
	ret = xa_err(xa_store(&ndis_ifs, index, xa_mk_value(index), GFP_KERNEL));
	mutex_unlock(&ndis_if_lock);
	return ret;
}

/*
 * Deregister @index (nothing if it was not registered) and delete every
 * stack entry that names it. PASSIVE.
 */
void ndis_if_unregister(u32 index)
{
	struct ndis_if_stack_entry *e, *next;

	if (!index)
		return;
	mutex_lock(&ndis_if_lock);
	xa_erase(&ndis_ifs, index);
	list_for_each_entry_safe(e, next, &ndis_if_stack, node) {
		if (e->higher == index || e->lower == index) {
			list_del(&e->node);
			kfree(e);
		}
	}
	mutex_unlock(&ndis_if_lock);
}

static bool ndis_if_registered(u32 index)
{
	lockdep_assert_held(&ndis_if_lock);
	return index && xa_load(&ndis_ifs, index);
}

static bool ndis_if_entry_before(u32 higher, u32 lower, const struct ndis_if_stack_entry *e)
{
	return higher < e->higher || (higher == e->higher && lower < e->lower);
}

/*
 * Add the entry @higher over @lower; one that exists already stays as it
 * is. Return: 0, -ENOENT if either is no registered interface, -EINVAL if
 * both are the same, -ENOMEM. PASSIVE.
 */
int ndis_if_stack_add(u32 higher, u32 lower)
{
	struct ndis_if_stack_entry *e, *new;
	struct list_head *before = &ndis_if_stack;
	int ret = 0;

	new = kmalloc(sizeof(*new), GFP_KERNEL);
	mutex_lock(&ndis_if_lock);
	if (!ndis_if_registered(higher) || !ndis_if_registered(lower)) {
		ret = -ENOENT;
		goto out;
	}
	if (higher == lower) {
		ret = -EINVAL;
		goto out;
	}
	list_for_each_entry(e, &ndis_if_stack, node) {
		if (e->higher == higher && e->lower == lower)
			goto out;
		if (ndis_if_entry_before(higher, lower, e)) {
			before = &e->node;
			break;
		}
	}
	if (!new) {
		ret = -ENOMEM;
		goto out;
	}
	new->higher = higher;
	new->lower = lower;
	/* Before the first greater entry, or at the tail. */
	list_add_tail(&new->node, before);
	new = NULL;
out:
	mutex_unlock(&ndis_if_lock);
	kfree(new);
	return ret;
}

/* Delete the entry @higher over @lower if there is one. PASSIVE. */
void ndis_if_stack_del(u32 higher, u32 lower)
{
	struct ndis_if_stack_entry *e;

	mutex_lock(&ndis_if_lock);
	list_for_each_entry(e, &ndis_if_stack, node) {
		if (e->higher == higher && e->lower == lower) {
			list_del(&e->node);
			kfree(e);
			break;
		}
	}
	mutex_unlock(&ndis_if_lock);
}

/*
 * /sys/kernel/ndis/if_stack: "<higher> <lower>" a line, sorted; as many
 * entries as a page holds. Return: the length written.
 */
ssize_t ndis_if_stack_show(char *buf)
{
	struct ndis_if_stack_entry *e;
	int n = 0;

	mutex_lock(&ndis_if_lock);
	list_for_each_entry(e, &ndis_if_stack, node) {
		if (n + NDIS_IF_STACK_LINE >= PAGE_SIZE)
			break;
		n += sysfs_emit_at(buf, n, "%u %u\n", e->higher, e->lower);
	}
	mutex_unlock(&ndis_if_lock);
	return n;
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * ndis_kunit_if_stack_text() - the text of /sys/kernel/ndis/if_stack
 * @page: a page-aligned buffer of PAGE_SIZE bytes
 *
 * Context: PASSIVE_LEVEL.
 * Return: the length written.
 */
ssize_t ndis_kunit_if_stack_text(char *page)
{
	return ndis_if_stack_show(page);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_if_stack_text);
#endif
