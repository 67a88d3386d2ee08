/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one place that knows kernel versions. Everything else is written
 * against the newest supported API and reaches older kernels through here.
 * Supported: 6.1 and newer (built against 6.1, 6.12 and 7.2). Entries
 * are keyed on the feature where the preprocessor can see it, else on the
 * version that brought the change. Private to the build: the top-level
 * Kbuild force-includes it into every file of this tree, and no public
 * header includes it.
 */
#ifndef _NDIS_COMPAT_H
#define _NDIS_COMPAT_H

#include <linux/version.h>
#include <linux/module.h>
#include <ndis/module.h>
#include <linux/hrtimer.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 1, 0)
#error "ndis needs Linux 6.1 or newer"
#endif

/*
 * 6.13 made symbol namespaces string literals (cdd30ebb1b9f, "module:
 * Convert symbol namespace to string literal"): sources write
 * EXPORT_SYMBOL_NS_GPL(sym, "NDIS"). Before, it stringified an identifier;
 * here it takes the string as it is. The license argument of
 * __EXPORT_SYMBOL() became "GPL" in 6.5, when modpost took over generating
 * the ksymtab. No macro tells the forms apart. MODULE_IMPORT_NS, which
 * drivers built elsewhere need too, is <ndis/module.h>'s.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 13, 0)
#undef EXPORT_SYMBOL_NS_GPL
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)
#define EXPORT_SYMBOL_NS_GPL(sym, ns)	__EXPORT_SYMBOL(sym, "GPL", ns)
#else
#define EXPORT_SYMBOL_NS_GPL(sym, ns)	__EXPORT_SYMBOL(sym, "_gpl", ns)
#endif
#endif

/*
 * On PREEMPT_RT, spin_lock() is rt_spin_lock() and read_lock()/write_lock()
 * are rt_read_lock()/rt_write_lock(), which tell sparse they take the lock
 * (__acquires) only since "locking/rt: Add sparse annotation PREEMPT_RT's
 * sleeping locks" (52e0874fc16b, 6.13; in Debian's 6.12 trees too).
 * Before, sparse saw an RT lock change no context, and a function whose
 * other branches say __acquire() was unbalanced. Only the NDIS spin lock
 * (core/ddi/spinlock.c) and read/write locks (core/ddi/rwlock.c) mix the
 * two.
 */
#if IS_ENABLED(CONFIG_PREEMPT_RT) && LINUX_VERSION_CODE < KERNEL_VERSION(6, 12, 0)
static inline void ndis_compat_spin_lock(spinlock_t *l)
	__acquires(l)
{
	spin_lock(l);
	__acquire(l);
}

static inline void ndis_compat_spin_unlock(spinlock_t *l)
	__releases(l)
{
	spin_unlock(l);
	__release(l);
}

static inline void ndis_compat_read_lock(rwlock_t *l)
	__acquires(l)
{
	read_lock(l);
	__acquire(l);
}

static inline void ndis_compat_read_unlock(rwlock_t *l)
	__releases(l)
{
	read_unlock(l);
	__release(l);
}

static inline void ndis_compat_write_lock(rwlock_t *l)
	__acquires(l)
{
	write_lock(l);
	__acquire(l);
}

static inline void ndis_compat_write_unlock(rwlock_t *l)
	__releases(l)
{
	write_unlock(l);
	__release(l);
}
#else
#define ndis_compat_spin_lock(l)	spin_lock(l)
#define ndis_compat_spin_unlock(l)	spin_unlock(l)
#define ndis_compat_read_lock(l)	read_lock(l)
#define ndis_compat_read_unlock(l)	read_unlock(l)
#define ndis_compat_write_lock(l)	write_lock(l)
#define ndis_compat_write_unlock(l)	write_unlock(l)
#endif

/* timer_delete_sync() arrived in 6.2 as the new name of del_timer_sync(). */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 2, 0)
#define timer_delete_sync(t)	del_timer_sync(t)
#endif

/*
 * 6.16 moved two timer helpers to the timer_*() namespace: from_timer()
 * became timer_container_of() (41cb08555c41, "treewide, timers: Rename
 * from_timer() to timer_container_of()"), a macro the preprocessor sees,
 * and destroy_timer_on_stack() became timer_destroy_on_stack()
 * (aad823aa3a7d), a function, so keyed on the version.
 */
#ifndef timer_container_of
#define timer_container_of(var, callback_timer, timer_fieldname) \
	from_timer(var, callback_timer, timer_fieldname)
#endif
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 16, 0)
#define timer_destroy_on_stack(t)	destroy_timer_on_stack(t)
#endif

/*
 * 6.13 brought hrtimer_setup(), which sets up an hrtimer and its
 * function in one call (908a1d775422, "hrtimers: Introduce
 * hrtimer_setup() to replace hrtimer_init()"); later kernels removed
 * hrtimer_init() and made ->function private (7.2 has neither). A
 * function, so keyed on the version; under a name of our own, so a
 * stable backport of hrtimer_setup() cannot clash with it.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 13, 0)
static inline void ndis_compat_hrtimer_setup(struct hrtimer *timer,
					     enum hrtimer_restart (*function)(struct hrtimer *),
					     clockid_t clock_id, enum hrtimer_mode mode)
{
	hrtimer_init(timer, clock_id, mode);
	timer->function = function;
}

#define hrtimer_setup(timer, function, clock_id, mode) \
	ndis_compat_hrtimer_setup(timer, function, clock_id, mode)
#endif

/* 6.10 dropped the source argument of __assign_str() in trace events. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 10, 0)
#define ndis_assign_str(dst, src)	__assign_str(dst)
#else
#define ndis_assign_str(dst, src)	__assign_str(dst, src)
#endif

/*
 * A bus_type became const throughout (bus_register(), attribute callbacks)
 * in 6.4; declare buses and their callbacks with this type.
 */
struct bus_type;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
typedef const struct bus_type ndis_compat_bus_t;
#else
typedef struct bus_type ndis_compat_bus_t;
#endif

/* 6.5 moved __skb_gso_segment() and SKB_GSO_CB() to <net/gso.h>. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)
#include <net/gso.h>
#endif

/*
 * 6.9 added workqueues whose items run in softirq context. Before, work
 * meant for one runs from the system workqueue; every such work item of
 * ours disables BHs itself, so it runs at DISPATCH_LEVEL either way.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 9, 0)
#define ndis_compat_bh_wq	system_bh_wq
#else
#define ndis_compat_bh_wq	system_wq
#endif

/*
 * 6.17 named the system workqueues for what they are (128ea9f6ccfb,
 * "workqueue: Add system_percpu_wq and system_dfl_wq"); the old
 * system_wq and system_unbound_wq remain but, by 7.2, log "enqueued on
 * deprecated workqueue" on first use. Sources use the new names. (The
 * same series added WQ_PERCPU, 930c2ea566af, and by 7.2 alloc_workqueue()
 * WARNs when given neither it nor WQ_UNBOUND: ours all pass WQ_UNBOUND or
 * are ordered, which implies it, so no entry is needed for the flag.)
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 17, 0)
#define system_dfl_wq		system_unbound_wq
#endif

/*
 * 6.10 moved the completion callback of a struct ubuf_info (the owner of
 * zerocopy skb data) into a const ops table. NDIS_COMPAT_UBUF_OPS(name, fn)
 * defines what ndis_compat_ubuf_init() attaches for fn, a
 * void fn(struct sk_buff *, struct ubuf_info *, bool).
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 10, 0)
#define NDIS_COMPAT_UBUF_OPS(name, fn) \
	static const struct ubuf_info_ops name = { .complete = (fn) }
#define ndis_compat_ubuf_init(uarg, name)	((uarg)->ops = &(name))
#else
#define NDIS_COMPAT_UBUF_OPS(name, fn) \
	static void (* const name)(struct sk_buff *, struct ubuf_info *, bool) = (fn)
#define ndis_compat_ubuf_init(uarg, name)	((uarg)->callback = (name))
#endif

/*
 * EXPORT_SYMBOL_IF_KUNIT() (namespace EXPORTED_FOR_KUNIT_TESTING) came in
 * 6.2; kernels without KUnit need only the empty form.
 */
#if IS_ENABLED(CONFIG_KUNIT)
#include <kunit/visibility.h>
#elif !defined(EXPORT_SYMBOL_IF_KUNIT)
#define EXPORT_SYMBOL_IF_KUNIT(sym)
#endif

#endif /* _NDIS_COMPAT_H */
