// SPDX-License-Identifier: GPL-2.0
/*
 * Lookaside lists (include/ndis/lookaside.h).
 *
 * The DDI lets a driver initialise and delete a list at DISPATCH_LEVEL,
 * and a list cannot fail to initialise, so it is not a kmem_cache (whose
 * creation sleeps): it is a bounded LIFO stack of free entries, linked
 * through each entry's first word, in front of the driver's Allocate and
 * Free or kmalloc() and kfree(). The stack's lock is a raw spin lock taken
 * with interrupts off for a few loads and stores: the list is used from
 * process context and softirqs on one CPU alike, and on PREEMPT_RT from
 * callers that run with preemption off, where a spinlock_t would sleep.
 * A lock-free stack would need an ABA guard the kernel has no portable
 * primitive for. No callback runs under the lock, so a driver's Allocate
 * or Free may take its own locks or call back into the list.
 *
 * The list counts the entries it handed out. Deleting it with entries
 * still out is reported, as is a free the list can tell is a double free
 * (more frees than allocations, or the entry it holds on top freed again:
 * that entry is left alone rather than cached twice), and any use of a
 * list that was not initialised or was deleted.
 */
#include <linux/align.h>
#include <linux/cache.h>
#include <linux/log2.h>
#include <linux/slab.h>
#include <ndis/ndis.h>

#include "../report.h"

/* The depth of a list initialised with Depth 0, as the DDI asks. */
#define NDIS_LOOKASIDE_DEFAULT_DEPTH	256

/* ndis_lookaside.state */
#define NDIS_LOOKASIDE_LIVE	0x4c6f6f6bU	/* "Look" */
#define NDIS_LOOKASIDE_DELETED	0x44656164U	/* "Dead" */

static PLOOKASIDE_LIST_EX ndis_lookaside_ex(struct ndis_lookaside *l)
{
	return container_of(l, LOOKASIDE_LIST_EX, l);
}

/* Return: whether @l may be used; if not, the misuse is reported. */
static bool ndis_lookaside_live(struct ndis_lookaside *l, const char *api,
				unsigned long caller)
{
	u32 state = READ_ONCE(l->state);

	if (likely(state == NDIS_LOOKASIDE_LIVE))
		return true;
	ndis_misuse(api, state == NDIS_LOOKASIDE_DELETED ? "a list that is not deleted" :
		    "an initialised list", caller);
	return false;
}

/* Set up what both list types share; the callbacks are already set. */
static void ndis_lookaside_setup(struct ndis_lookaside *l, POOL_TYPE pool, bool cache_aligned,
				 SIZE_T size, ULONG tag, USHORT depth, const char *api,
				 unsigned long caller)
{
	if (READ_ONCE(l->state) == NDIS_LOOKASIDE_LIVE)
		ndis_misuse(api, "a list not initialised already (delete it first)", caller);
	raw_spin_lock_init(&l->lock);
	l->top = NULL;
	l->cached = 0;
	l->depth = depth ?: NDIS_LOOKASIDE_DEFAULT_DEPTH;
	l->out = 0;
	l->size = max_t(SIZE_T, size, LOOKASIDE_MINIMUM_BLOCK_SIZE);
	l->align = cache_aligned ? SMP_CACHE_BYTES : MEMORY_ALLOCATION_ALIGNMENT;
	l->pool = pool;
	l->tag = tag;
	WRITE_ONCE(l->state, NDIS_LOOKASIDE_LIVE);
}

/*
 * A new entry from kmalloc(), aligned to l->align. kmalloc() aligns a
 * power-of-two size to itself; other sizes usually come out aligned too,
 * and are asked for once more at the next power of two when they do not.
 */
static void *ndis_lookaside_kmalloc(struct ndis_lookaside *l)
{
	gfp_t gfp = ndis_current_irql() == PASSIVE_LEVEL ? GFP_KERNEL : GFP_ATOMIC;
	SIZE_T size = max(l->size, l->align);
	void *entry;

	gfp |= __GFP_NOWARN;	/* drivers test for NULL, as in the memory family */
	entry = kmalloc(size, gfp);
	if (!entry || IS_ALIGNED((unsigned long)entry, l->align))
		return entry;
	kfree(entry);
	return kmalloc(roundup_pow_of_two(size), gfp);
}

static void *ndis_lookaside_new_entry(struct ndis_lookaside *l)
{
	if (l->ex && l->allocate.ex)
		return l->allocate.ex(l->pool, l->size, l->tag, ndis_lookaside_ex(l));
	if (!l->ex && l->allocate.plain)
		return l->allocate.plain(l->pool, l->size, l->tag);
	return ndis_lookaside_kmalloc(l);
}

static void ndis_lookaside_release(struct ndis_lookaside *l, void *entry)
{
	if (l->ex && l->free.ex)
		l->free.ex(entry, ndis_lookaside_ex(l));
	else if (!l->ex && l->free.plain)
		l->free.plain(entry);
	else
		kfree(entry);
}

static void *ndis_lookaside_alloc(struct ndis_lookaside *l, const char *api,
				  unsigned long caller)
{
	unsigned long flags;
	void **entry;

	if (!ndis_lookaside_live(l, api, caller))
		return NULL;
	raw_spin_lock_irqsave(&l->lock, flags);
	entry = l->top;
	if (entry) {
		l->top = *entry;
		l->cached--;
	}
	l->out++;
	raw_spin_unlock_irqrestore(&l->lock, flags);
	if (entry)
		return entry;

	entry = ndis_lookaside_new_entry(l);
	if (!entry) {
		raw_spin_lock_irqsave(&l->lock, flags);
		l->out--;
		raw_spin_unlock_irqrestore(&l->lock, flags);
	}
	return entry;
}

static void ndis_lookaside_free(struct ndis_lookaside *l, void *entry, const char *api,
				unsigned long caller)
{
	bool kept = false, extra = false;
	unsigned long flags;

	if (unlikely(!entry)) {
		ndis_misuse(api, "an entry, not NULL", caller);
		return;
	}
	if (!ndis_lookaside_live(l, api, caller)) {
		/* A deleted list still knows how to free; garbage does not. */
		if (READ_ONCE(l->state) == NDIS_LOOKASIDE_DELETED)
			ndis_lookaside_release(l, entry);
		return;
	}
	raw_spin_lock_irqsave(&l->lock, flags);
	/* More frees than allocations, or the entry freed last freed again. */
	if (unlikely(!l->out || entry == l->top)) {
		extra = true;
	} else {
		l->out--;
		if (l->cached < l->depth) {
			*(void **)entry = l->top;
			l->top = entry;
			l->cached++;
			kept = true;
		}
	}
	raw_spin_unlock_irqrestore(&l->lock, flags);
	if (extra)
		ndis_misuse(api, "an entry the list handed out and that was not freed since",
			    caller);
	else if (!kept)
		ndis_lookaside_release(l, entry);
}

/* Free every cached entry; those handed out stay out. */
static void ndis_lookaside_flush(struct ndis_lookaside *l)
{
	unsigned long flags;
	void **entry, *next;

	raw_spin_lock_irqsave(&l->lock, flags);
	entry = l->top;
	l->top = NULL;
	l->cached = 0;
	raw_spin_unlock_irqrestore(&l->lock, flags);
	for (; entry; entry = next) {
		next = *entry;
		ndis_lookaside_release(l, entry);
	}
}

static void ndis_lookaside_delete(struct ndis_lookaside *l, const char *api,
				  unsigned long caller)
{
	if (!ndis_lookaside_live(l, api, caller))
		return;
	WRITE_ONCE(l->state, NDIS_LOOKASIDE_DELETED);
	ndis_lookaside_flush(l);
	if (READ_ONCE(l->out))
		ndis_misuse(api, "every entry freed to the list before it is deleted", caller);
}

/* The lists with plain callbacks: non-paged and paged. */
static void ndis_lookaside_init_plain(struct ndis_lookaside *l,
				      PALLOCATE_FUNCTION allocate, PFREE_FUNCTION free,
				      POOL_TYPE pool, SIZE_T size, ULONG tag, USHORT depth,
				      const char *api, unsigned long caller)
{
	if (allocate && !free)
		ndis_misuse(api, "a Free function with the Allocate function", caller);
	l->ex = false;
	l->allocate.plain = allocate;
	l->free.plain = free;
	ndis_lookaside_setup(l, pool, false, size, tag, depth, api, caller);
}

/**
 * NdisInitializeNPagedLookasideList() - initialise a lookaside list
 * @Lookaside: the caller's storage for the list
 * @Allocate: the driver's allocator for an empty list, or NULL for kmalloc()
 * @Free: the driver's free for a full list, or NULL for kfree(); required
 *	with @Allocate
 * @Flags: 0; anything else is reported and ignored
 * @Size: bytes in an entry; less than a pointer is rounded up to one
 * @Tag: passed to @Allocate; not kept otherwise
 * @Depth: 0 for the default depth (256 entries kept); the DDI reserves it,
 *	and a non-zero value is taken as the depth
 *
 * Allocates nothing: entries are allocated as the list is used.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisInitializeNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside,
				       PALLOCATE_FUNCTION Allocate, PFREE_FUNCTION Free,
				       ULONG Flags, SIZE_T Size, ULONG Tag, USHORT Depth)
{
	/* Nothing here can sleep or fail: carry on even when reported. */
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	if (Flags)
		ndis_misuse(__func__, "Flags 0", _RET_IP_);
	ndis_lookaside_init_plain(&Lookaside->l, Allocate, Free, NonPagedPool, Size, Tag, Depth,
				  __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisInitializeNPagedLookasideList, "NDIS");

/**
 * NdisAllocateFromNPagedLookasideList() - take an entry from a lookaside list
 * @Lookaside: an initialised list
 *
 * The entry freed to the list last, or, when the list is empty, a new one
 * from the list's Allocate or from kmalloc() (which does not sleep above
 * PASSIVE_LEVEL). The entry's contents are not defined.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the entry, or NULL if none could be allocated.
 */
PVOID NdisAllocateFromNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside)
{
	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return NULL;
	return ndis_lookaside_alloc(&Lookaside->l, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateFromNPagedLookasideList, "NDIS");

/**
 * NdisFreeToNPagedLookasideList() - give an entry back to its lookaside list
 * @Lookaside: the list the entry came from
 * @Entry: the entry
 *
 * The list keeps the entry if it holds fewer than its depth; otherwise the
 * entry goes to the list's Free, or kfree().
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisFreeToNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside, PVOID Entry)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	ndis_lookaside_free(&Lookaside->l, Entry, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeToNPagedLookasideList, "NDIS");

/**
 * NdisDeleteNPagedLookasideList() - delete a lookaside list
 * @Lookaside: an initialised list
 *
 * Frees every entry the list holds. Every entry it handed out must have
 * been freed to it first; one still out is reported (and, freed to the
 * deleted list later, reported again and released). The storage of
 * @Lookaside stays the caller's.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisDeleteNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	ndis_lookaside_delete(&Lookaside->l, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisDeleteNPagedLookasideList, "NDIS");

/**
 * ExInitializeNPagedLookasideList() - initialise a lookaside list (wdm.h)
 * @Lookaside: the caller's storage for the list
 * @Allocate: the driver's allocator for an empty list, or NULL for kmalloc()
 * @Free: the driver's free for a full list, or NULL for kfree()
 * @Flags: 0, POOL_NX_ALLOCATION or POOL_RAISE_IF_ALLOCATION_FAILURE, OR'd
 *	into the PoolType @Allocate gets. Kernel memory is never executable
 *	here, and nothing raises: a failed allocation returns NULL. Other
 *	bits are reported and ignored.
 * @Size: bytes in an entry; less than a pointer is rounded up to one
 * @Tag: passed to @Allocate
 * @Depth: 0 for the default depth; a non-zero value is taken as the depth
 *
 * NdisInitializeNPagedLookasideList() with the flags of Windows 8.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void ExInitializeNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside,
				     PALLOCATE_FUNCTION Allocate, PFREE_FUNCTION Free,
				     ULONG Flags, SIZE_T Size, ULONG Tag, USHORT Depth)
{
	const ULONG known = POOL_NX_ALLOCATION | POOL_RAISE_IF_ALLOCATION_FAILURE;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	if (Flags & ~known)
		ndis_misuse(__func__,
			    "Flags 0, POOL_NX_ALLOCATION or POOL_RAISE_IF_ALLOCATION_FAILURE",
			    _RET_IP_);
	ndis_lookaside_init_plain(&Lookaside->l, Allocate, Free,
				  (POOL_TYPE)(NonPagedPool | (Flags & known)), Size, Tag,
				  Depth, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(ExInitializeNPagedLookasideList, "NDIS");

/**
 * ExAllocateFromNPagedLookasideList() - take an entry from a lookaside list
 * @Lookaside: an initialised list
 *
 * NdisAllocateFromNPagedLookasideList() under its wdm.h name.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the entry, or NULL if none could be allocated.
 */
PVOID ExAllocateFromNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside)
{
	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return NULL;
	return ndis_lookaside_alloc(&Lookaside->l, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(ExAllocateFromNPagedLookasideList, "NDIS");

/**
 * ExFreeToNPagedLookasideList() - give an entry back to its lookaside list
 * @Lookaside: the list the entry came from
 * @Entry: the entry
 *
 * NdisFreeToNPagedLookasideList() under its wdm.h name.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void ExFreeToNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside, PVOID Entry)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	ndis_lookaside_free(&Lookaside->l, Entry, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(ExFreeToNPagedLookasideList, "NDIS");

/**
 * ExDeleteNPagedLookasideList() - delete a lookaside list
 * @Lookaside: an initialised list
 *
 * NdisDeleteNPagedLookasideList() under its wdm.h name.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void ExDeleteNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	ndis_lookaside_delete(&Lookaside->l, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(ExDeleteNPagedLookasideList, "NDIS");

/**
 * ExInitializePagedLookasideList() - initialise a list of pageable entries
 * @Lookaside: the caller's storage for the list, in non-paged memory
 * @Allocate: the driver's allocator for an empty list (passed PagedPool),
 *	or NULL for kmalloc(GFP_KERNEL)
 * @Free: the driver's free for a full list, or NULL for kfree()
 * @Flags: 0, POOL_NX_ALLOCATION (no effect: nothing is executable) or
 *	POOL_RAISE_IF_ALLOCATION_FAILURE (nothing raises: a failed
 *	allocation returns NULL); other bits are reported and ignored
 * @Size: bytes in an entry; less than a pointer is rounded up to one
 * @Tag: passed to @Allocate
 * @Depth: 0 for the default depth; a non-zero value is taken as the depth
 *
 * The list itself works as a non-paged one; only its entries may sleep to
 * be allocated, which is why the other calls are PASSIVE_LEVEL ones.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void ExInitializePagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside,
				    PALLOCATE_FUNCTION Allocate, PFREE_FUNCTION Free,
				    ULONG Flags, SIZE_T Size, ULONG Tag, USHORT Depth)
{
	const ULONG known = POOL_NX_ALLOCATION | POOL_RAISE_IF_ALLOCATION_FAILURE;
	POOL_TYPE pool;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	if (Flags & ~known)
		ndis_misuse(__func__,
			    "Flags 0, POOL_NX_ALLOCATION or POOL_RAISE_IF_ALLOCATION_FAILURE",
			    _RET_IP_);
	/* POOL_NX_ALLOCATION means nothing for pageable memory: not passed on. */
	pool = (POOL_TYPE)(PagedPool | (Flags & POOL_RAISE_IF_ALLOCATION_FAILURE));
	ndis_lookaside_init_plain(&Lookaside->l, Allocate, Free, pool, Size, Tag, Depth,
				  __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(ExInitializePagedLookasideList, "NDIS");

/**
 * ExAllocateFromPagedLookasideList() - take an entry from a paged list
 * @Lookaside: an initialised list
 *
 * The entry freed to the list last, or a new one, which may sleep to be
 * allocated. The entry's contents are not defined.
 *
 * Context: IRQL <= APC_LEVEL, which is PASSIVE_LEVEL here.
 * Return: the entry, or NULL if none could be allocated.
 */
PVOID ExAllocateFromPagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside)
{
	if (!NDIS_ASSERT_IRQL_LE(APC_LEVEL))
		return NULL;
	return ndis_lookaside_alloc(&Lookaside->l, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(ExAllocateFromPagedLookasideList, "NDIS");

/**
 * ExFreeToPagedLookasideList() - give an entry back to its paged list
 * @Lookaside: the list the entry came from
 * @Entry: the entry
 *
 * Context: IRQL <= APC_LEVEL, which is PASSIVE_LEVEL here.
 */
void ExFreeToPagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside, PVOID Entry)
{
	NDIS_ASSERT_IRQL_LE(APC_LEVEL);
	ndis_lookaside_free(&Lookaside->l, Entry, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(ExFreeToPagedLookasideList, "NDIS");

/**
 * ExDeletePagedLookasideList() - delete a paged lookaside list
 * @Lookaside: an initialised list
 *
 * Frees every entry the list holds; every entry it handed out must have
 * been freed to it first.
 *
 * Context: IRQL <= APC_LEVEL, which is PASSIVE_LEVEL here.
 */
void ExDeletePagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside)
{
	NDIS_ASSERT_IRQL_LE(APC_LEVEL);
	ndis_lookaside_delete(&Lookaside->l, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(ExDeletePagedLookasideList, "NDIS");

/**
 * ExInitializeLookasideListEx() - initialise a LOOKASIDE_LIST_EX
 * @Lookaside: the caller's storage for the list
 * @Allocate: the driver's LookasideListAllocateEx, or NULL for kmalloc()
 * @Free: the driver's LookasideListFreeEx, or NULL for kfree()
 * @PoolType: NonPagedPool, NonPagedPoolNx, PagedPool or one of their
 *	CacheAligned forms. Every pool is non-paged here, so a paged list
 *	may be used at DISPATCH_LEVEL too.
 * @Flags: 0, EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL or
 *	EX_LOOKASIDE_LIST_EX_FLAGS_FAIL_NO_RAISE: the pool flag it names is
 *	OR'd into the PoolType @Allocate gets. Nothing raises here: a failed
 *	allocation returns NULL either way. FAIL_NO_RAISE without @Allocate
 *	(undefined in the DDI) is reported.
 * @Size: bytes in an entry; less than a pointer is rounded up to one
 * @Tag: passed to @Allocate
 * @Depth: 0 for the default depth; a non-zero value is taken as the depth
 *
 * A list that fails to initialise is not usable; using it is reported.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: STATUS_SUCCESS, STATUS_INVALID_PARAMETER_4 for another @PoolType
 * or STATUS_INVALID_PARAMETER_5 for other @Flags.
 */
NTSTATUS ExInitializeLookasideListEx(PLOOKASIDE_LIST_EX Lookaside,
				     PALLOCATE_FUNCTION_EX Allocate, PFREE_FUNCTION_EX Free,
				     POOL_TYPE PoolType, ULONG Flags, SIZE_T Size, ULONG Tag,
				     USHORT Depth)
{
	struct ndis_lookaside *l = &Lookaside->l;
	bool cache_aligned = false;
	ULONG pool_flags;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	switch (PoolType) {
	case NonPagedPoolCacheAligned:
	case PagedPoolCacheAligned:
	case NonPagedPoolNxCacheAligned:
		cache_aligned = true;
		fallthrough;
	case NonPagedPool:
	case PagedPool:
	case NonPagedPoolNx:
		break;
	default:
		WRITE_ONCE(l->state, 0);
		return STATUS_INVALID_PARAMETER_4;
	}
	switch (Flags) {
	case 0:
		pool_flags = 0;
		break;
	case EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL:
		pool_flags = POOL_RAISE_IF_ALLOCATION_FAILURE;
		break;
	case EX_LOOKASIDE_LIST_EX_FLAGS_FAIL_NO_RAISE:
		if (!Allocate)
			ndis_misuse(__func__, "an Allocate function with FAIL_NO_RAISE", _RET_IP_);
		pool_flags = POOL_QUOTA_FAIL_INSTEAD_OF_RAISE;
		break;
	default:
		WRITE_ONCE(l->state, 0);
		return STATUS_INVALID_PARAMETER_5;
	}
	l->ex = true;
	l->allocate.ex = Allocate;
	l->free.ex = Free;
	ndis_lookaside_setup(l, (POOL_TYPE)(PoolType | pool_flags), cache_aligned, Size, Tag,
			     Depth, __func__, _RET_IP_);
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(ExInitializeLookasideListEx, "NDIS");

/**
 * ExAllocateFromLookasideListEx() - take an entry from a LOOKASIDE_LIST_EX
 * @Lookaside: an initialised list
 *
 * The entry freed last, or a new one from the list's
 * LookasideListAllocateEx or kmalloc() when the list is empty.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the entry, or NULL if none could be allocated.
 */
PVOID ExAllocateFromLookasideListEx(PLOOKASIDE_LIST_EX Lookaside)
{
	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return NULL;
	return ndis_lookaside_alloc(&Lookaside->l, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(ExAllocateFromLookasideListEx, "NDIS");

/**
 * ExFreeToLookasideListEx() - give an entry back to its LOOKASIDE_LIST_EX
 * @Lookaside: the list the entry came from
 * @Entry: the entry
 *
 * Kept if the list holds fewer than its depth, otherwise given to the
 * list's LookasideListFreeEx or kfree().
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void ExFreeToLookasideListEx(PLOOKASIDE_LIST_EX Lookaside, PVOID Entry)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	ndis_lookaside_free(&Lookaside->l, Entry, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(ExFreeToLookasideListEx, "NDIS");

/**
 * ExFlushLookasideListEx() - free every entry a LOOKASIDE_LIST_EX holds
 * @Lookaside: an initialised list
 *
 * The list stays usable; entries handed out are not affected.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void ExFlushLookasideListEx(PLOOKASIDE_LIST_EX Lookaside)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	if (ndis_lookaside_live(&Lookaside->l, __func__, _RET_IP_))
		ndis_lookaside_flush(&Lookaside->l);
}
EXPORT_SYMBOL_NS_GPL(ExFlushLookasideListEx, "NDIS");

/**
 * ExDeleteLookasideListEx() - delete a LOOKASIDE_LIST_EX
 * @Lookaside: an initialised list
 *
 * As NdisDeleteNPagedLookasideList(): frees every entry the list holds and
 * reports entries still handed out.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void ExDeleteLookasideListEx(PLOOKASIDE_LIST_EX Lookaside)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	ndis_lookaside_delete(&Lookaside->l, __func__, _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(ExDeleteLookasideListEx, "NDIS");
