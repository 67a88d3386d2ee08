// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_lookaside: a lookaside list hands back the entry freed last
 * instead of allocating, keeps no more than its depth, frees what it holds
 * when flushed or deleted, works at DISPATCH_LEVEL (creation and deletion
 * included), never hands one entry to two callers, and reports an entry
 * still out at delete and the other misuse it can see. A paged list
 * allocates its entries as PagedPool and refuses to at DISPATCH_LEVEL.
 *
 * The driver's Allocate and Free below count their calls, so each test
 * tells an entry from the cache from a new one. ALLOCATE_FUNCTION has no
 * context argument, hence the one static record; KUnit runs the cases of
 * a suite one at a time.
 */
#include <linux/align.h>
#include <linux/cache.h>
#include <linux/ktime.h>
#include <linux/slab.h>

#include "ndis_kunit.h"

#define LA_TAG	0x6b6f6f4c	/* "Look" */

static struct {
	atomic_t allocs;	/* entries the driver's Allocate gave */
	atomic_t frees;		/* entries given to the driver's Free */
	bool fail;		/* Allocate returns NULL */
	POOL_TYPE pool;		/* what the last Allocate was passed */
	SIZE_T bytes;
	ULONG tag;
	KIRQL irql;		/* the level it ran at */
} la;

static void la_reset(void)
{
	atomic_set(&la.allocs, 0);
	atomic_set(&la.frees, 0);
	WRITE_ONCE(la.fail, false);
	la.pool = MaxPoolType;
	la.bytes = 0;
	la.tag = 0;
	la.irql = DIRQL;
}

/* The driver's Allocate: zeroed, so a fresh entry has no owner stamp. */
static PVOID la_allocate(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
	KIRQL irql = ndis_current_irql();
	PVOID p;

	WRITE_ONCE(la.pool, PoolType);
	WRITE_ONCE(la.bytes, NumberOfBytes);
	WRITE_ONCE(la.tag, Tag);
	WRITE_ONCE(la.irql, irql);
	if (READ_ONCE(la.fail))
		return NULL;
	p = kzalloc(NumberOfBytes, irql == PASSIVE_LEVEL ? GFP_KERNEL : GFP_ATOMIC);
	if (p)
		atomic_inc(&la.allocs);
	return p;
}

static VOID la_free(PVOID Buffer)
{
	atomic_inc(&la.frees);
	kfree(Buffer);
}

static void la_new(PNPAGED_LOOKASIDE_LIST list, SIZE_T size, USHORT depth)
{
	la_reset();
	NdisInitializeNPagedLookasideList(list, la_allocate, la_free, 0, size, LA_TAG, depth);
}

static void a_freed_entry_comes_back_from_the_cache(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NPAGED_LOOKASIDE_LIST list;
	PVOID a, b, c;

	la_new(&list, 64, 0);
	a = NdisAllocateFromNPagedLookasideList(&list);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.allocs), 1);
	KUNIT_EXPECT_EQ(test, la.pool, NonPagedPool);
	KUNIT_EXPECT_EQ(test, la.bytes, (SIZE_T)64);
	KUNIT_EXPECT_EQ(test, la.tag, (ULONG)LA_TAG);

	NdisFreeToNPagedLookasideList(&list, a);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.frees), 0);	/* kept */
	b = NdisAllocateFromNPagedLookasideList(&list);
	KUNIT_EXPECT_PTR_EQ(test, b, a);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.allocs), 1);

	/* Empty again: the next one is new. Then last freed, first out. */
	c = NdisAllocateFromNPagedLookasideList(&list);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.allocs), 2);
	NdisFreeToNPagedLookasideList(&list, b);
	NdisFreeToNPagedLookasideList(&list, c);
	KUNIT_EXPECT_PTR_EQ(test, NdisAllocateFromNPagedLookasideList(&list), c);
	KUNIT_EXPECT_PTR_EQ(test, NdisAllocateFromNPagedLookasideList(&list), b);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.allocs), 2);
	NdisFreeToNPagedLookasideList(&list, b);
	NdisFreeToNPagedLookasideList(&list, c);

	NdisDeleteNPagedLookasideList(&list);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.frees), 2);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

/* Allocate @n entries into @e, then free them all. */
static void la_churn(struct kunit *test, PNPAGED_LOOKASIDE_LIST list, PVOID *e, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		e[i] = NdisAllocateFromNPagedLookasideList(list);
		KUNIT_ASSERT_NOT_NULL(test, e[i]);
	}
	for (i = 0; i < n; i++)
		NdisFreeToNPagedLookasideList(list, e[i]);
}

#define LA_DEFAULT_DEPTH	256

static void the_list_keeps_at_most_depth_entries(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	PVOID *e = kunit_kcalloc(test, LA_DEFAULT_DEPTH + 1, sizeof(*e), GFP_KERNEL);
	NPAGED_LOOKASIDE_LIST list;

	KUNIT_ASSERT_NOT_NULL(test, e);
	la_new(&list, 32, 3);
	la_churn(test, &list, e, 5);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.allocs), 5);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.frees), 2);	/* the surplus over 3 */

	/* Three come from the cache, the fourth is new; one goes back out. */
	la_churn(test, &list, e, 4);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.allocs), 6);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.frees), 3);
	NdisDeleteNPagedLookasideList(&list);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.frees), 6);

	/* Depth 0, as the DDI asks: the default depth. */
	la_new(&list, 32, 0);
	la_churn(test, &list, e, LA_DEFAULT_DEPTH + 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.frees), 1);
	NdisDeleteNPagedLookasideList(&list);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.frees), LA_DEFAULT_DEPTH + 1);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

/* A LOOKASIDE_LIST_EX in a driver's structure, found from the callbacks. */
struct la_ex_ctx {
	int allocs;
	int frees;
	POOL_TYPE pool;
	PLOOKASIDE_LIST_EX seen;
	LOOKASIDE_LIST_EX list;
};

static PVOID la_allocate_ex(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag,
			    PLOOKASIDE_LIST_EX Lookaside)
{
	struct la_ex_ctx *c = CONTAINING_RECORD(Lookaside, struct la_ex_ctx, list);
	PVOID p = kmalloc(NumberOfBytes, GFP_KERNEL);

	c->pool = PoolType;
	c->seen = Lookaside;
	c->allocs += !!p;
	return p;
}

static VOID la_free_ex(PVOID Buffer, PLOOKASIDE_LIST_EX Lookaside)
{
	struct la_ex_ctx *c = CONTAINING_RECORD(Lookaside, struct la_ex_ctx, list);

	c->frees++;
	kfree(Buffer);
}

static void flush_and_delete_free_every_cached_entry(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct la_ex_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	PVOID e[4];
	int i;

	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_ASSERT_EQ(test, ExInitializeLookasideListEx(&c->list, la_allocate_ex, la_free_ex,
							  NonPagedPoolNx,
							  EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL,
							  48, LA_TAG, 0),
			STATUS_SUCCESS);
	for (i = 0; i < ARRAY_SIZE(e); i++) {
		e[i] = ExAllocateFromLookasideListEx(&c->list);
		KUNIT_ASSERT_NOT_NULL(test, e[i]);
	}
	KUNIT_EXPECT_EQ(test, c->allocs, 4);
	KUNIT_EXPECT_PTR_EQ(test, c->seen, &c->list);
	KUNIT_EXPECT_EQ(test, (ULONG)c->pool,
			(ULONG)(NonPagedPoolNx | POOL_RAISE_IF_ALLOCATION_FAILURE));
	for (i = 0; i < ARRAY_SIZE(e); i++)
		ExFreeToLookasideListEx(&c->list, e[i]);
	KUNIT_EXPECT_EQ(test, c->frees, 0);

	ExFlushLookasideListEx(&c->list);
	KUNIT_EXPECT_EQ(test, c->frees, 4);
	/* Still usable, and empty: the next entry is new. */
	e[0] = ExAllocateFromLookasideListEx(&c->list);
	KUNIT_ASSERT_NOT_NULL(test, e[0]);
	KUNIT_EXPECT_EQ(test, c->allocs, 5);
	e[1] = ExAllocateFromLookasideListEx(&c->list);
	KUNIT_ASSERT_NOT_NULL(test, e[1]);
	ExFreeToLookasideListEx(&c->list, e[0]);
	ExFreeToLookasideListEx(&c->list, e[1]);

	ExDeleteLookasideListEx(&c->list);
	KUNIT_EXPECT_EQ(test, c->frees, 6);
	KUNIT_EXPECT_EQ(test, c->allocs, c->frees);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

#define LA_DISPATCH_SIZE	200

/* What a run at DISPATCH_LEVEL saw, checked by the test afterwards. */
struct la_at_dispatch {
	NPAGED_LOOKASIDE_LIST plain;	/* kmalloc() behind it */
	NPAGED_LOOKASIDE_LIST custom;	/* la_allocate() behind it */
	KIRQL irql;
	PVOID fresh[3];
	PVOID again;
	PVOID custom_entry;
};

/*
 * Create, use and delete a list at the caller's level. A list that
 * allocated with GFP_KERNEL here would trip might_sleep() (the test
 * kernel has CONFIG_DEBUG_ATOMIC_SLEEP), and the tier fails on that.
 */
static void la_use_here(void *arg)
{
	struct la_at_dispatch *d = arg;
	int i;

	d->irql = ndis_current_irql();
	NdisInitializeNPagedLookasideList(&d->plain, NULL, NULL, 0, LA_DISPATCH_SIZE, LA_TAG, 2);
	for (i = 0; i < ARRAY_SIZE(d->fresh); i++) {
		d->fresh[i] = NdisAllocateFromNPagedLookasideList(&d->plain);
		if (d->fresh[i])
			memset(d->fresh[i], 0x5a, LA_DISPATCH_SIZE);
	}
	for (i = 0; i < ARRAY_SIZE(d->fresh); i++)
		if (d->fresh[i])
			NdisFreeToNPagedLookasideList(&d->plain, d->fresh[i]);
	d->again = NdisAllocateFromNPagedLookasideList(&d->plain);
	if (d->again)
		NdisFreeToNPagedLookasideList(&d->plain, d->again);
	NdisDeleteNPagedLookasideList(&d->plain);

	d->custom_entry = NdisAllocateFromNPagedLookasideList(&d->custom);
	if (d->custom_entry)
		NdisFreeToNPagedLookasideList(&d->custom, d->custom_entry);
}

static void la_check_dispatch_run(struct kunit *test, struct la_at_dispatch *d)
{
	int i;

	KUNIT_EXPECT_EQ(test, d->irql, DISPATCH_LEVEL);
	for (i = 0; i < ARRAY_SIZE(d->fresh); i++)
		KUNIT_EXPECT_NOT_NULL(test, d->fresh[i]);
	/* Depth 2: the third freed went to kfree(), the second freed is on top. */
	KUNIT_EXPECT_PTR_EQ(test, d->again, d->fresh[1]);
	KUNIT_EXPECT_NOT_NULL(test, d->custom_entry);
	KUNIT_EXPECT_EQ(test, la.irql, DISPATCH_LEVEL);	/* Allocate ran at the caller's level */
}

static void entries_come_and_go_at_dispatch_level(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct la_at_dispatch *d = kunit_kzalloc(test, sizeof(*d), GFP_KERNEL);
	NDIS_SPIN_LOCK lock;

	KUNIT_ASSERT_NOT_NULL(test, d);
	la_new(&d->custom, 64, 0);
	ndis_kunit_in_timer(test, la_use_here, d);
	la_check_dispatch_run(test, d);
	NdisDeleteNPagedLookasideList(&d->custom);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.frees), atomic_read(&la.allocs));

	/* In a task that holds an NDIS spin lock: DISPATCH_LEVEL too. */
	memset(d, 0, sizeof(*d));
	la_new(&d->custom, 64, 0);
	NdisAllocateSpinLock(&lock);
	NdisAcquireSpinLock(&lock);
	la_use_here(d);
	NdisReleaseSpinLock(&lock);
	la_check_dispatch_run(test, d);
	NdisDeleteNPagedLookasideList(&d->custom);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.frees), atomic_read(&la.allocs));
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

/* -- two threads on one list ------------------------------------------------ */

#define LA_RACE_MS	300
#define LA_RACE_GIVE_UP_MS	8000	/* under the threads' 10 s bound */
#define LA_RACE_ROUNDS	100000
#define LA_RACE_HOLD	6

struct la_race_entry {
	PVOID link;		/* the list's, while the entry is free */
	atomic_t owner;		/* pid of the thread holding it, 0 if none */
};

struct la_race {
	NPAGED_LOOKASIDE_LIST list;
	ktime_t give_up;	/* bounds every wait, whatever the guest's speed */
	atomic64_t end;		/* ns; set by the second thread to arrive */
	atomic_t ready;		/* threads at the start line */
	atomic_t went;		/* threads that finished a round */
	atomic_t twice;		/* entries found already held */
	atomic_t nulls;		/* failed allocations */
};

/*
 * The window opens when both threads are running, not when the test starts
 * them, and closes only once each has done a round: a starved guest CPU
 * makes the race shorter, never empty.
 */
static bool la_race_on(struct la_race *race, long rounds)
{
	ktime_t now = ktime_get();

	if (rounds >= LA_RACE_ROUNDS || !ktime_before(now, race->give_up))
		return false;
	return ktime_before(now, atomic64_read(&race->end)) ||
	       atomic_read(&race->went) < 2;
}

static void la_racer(struct ndis_kunit_thread *t)
{
	struct la_race *race = t->arg;
	struct la_race_entry *held[LA_RACE_HOLD];
	int me = task_pid_nr(current), i;
	long rounds = 0;

	/* Start together, so that the two really overlap. */
	if (atomic_inc_return(&race->ready) == 2)
		atomic64_set(&race->end, ktime_add_ms(ktime_get(), LA_RACE_MS));
	while (!atomic64_read(&race->end)) {
		if (!ktime_before(ktime_get(), race->give_up))
			return;
		cpu_relax();
	}

	while (la_race_on(race, rounds)) {
		for (i = 0; i < LA_RACE_HOLD; i++) {
			held[i] = NdisAllocateFromNPagedLookasideList(&race->list);
			if (!held[i])
				atomic_inc(&race->nulls);
			else if (atomic_cmpxchg(&held[i]->owner, 0, me) != 0)
				atomic_inc(&race->twice);
		}
		for (i = 0; i < LA_RACE_HOLD; i++) {
			if (!held[i])
				continue;
			atomic_cmpxchg(&held[i]->owner, me, 0);
			NdisFreeToNPagedLookasideList(&race->list, held[i]);
		}
		if (++rounds == 1)
			atomic_inc(&race->went);
	}
	t->result = rounds;
}

static void two_threads_never_get_the_same_entry(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct la_race *race = kunit_kzalloc(test, sizeof(*race), GFP_KERNEL);
	struct ndis_kunit_thread a, b;
	int cpu[2];

	KUNIT_ASSERT_NOT_NULL(test, race);
	ndis_kunit_two_cpus(test, cpu);
	/* Depth 4 of the 12 entries out at once: cache, Allocate and Free all race. */
	la_new(&race->list, sizeof(struct la_race_entry), 4);
	race->give_up = ktime_add_ms(ktime_get(), LA_RACE_GIVE_UP_MS);
	ndis_kunit_thread_start_on(test, &a, la_racer, race, "la-a", cpu[0]);
	ndis_kunit_thread_start_on(test, &b, la_racer, race, "la-b", cpu[1]);
	KUNIT_ASSERT_TRUE(test, ndis_kunit_thread_finished(&a));
	KUNIT_ASSERT_TRUE(test, ndis_kunit_thread_finished(&b));

	KUNIT_EXPECT_GT(test, a.result, 0L);
	KUNIT_EXPECT_GT(test, b.result, 0L);
	KUNIT_EXPECT_EQ(test, atomic_read(&race->twice), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&race->nulls), 0);
	KUNIT_EXPECT_GT(test, atomic_read(&la.frees), 0);	/* the depth bound was hit */
	NdisDeleteNPagedLookasideList(&race->list);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.frees), atomic_read(&la.allocs));
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void deleting_with_an_entry_out_is_reported(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NPAGED_LOOKASIDE_LIST list;
	PVOID kept, out;

	la_new(&list, 64, 0);
	kept = NdisAllocateFromNPagedLookasideList(&list);
	out = NdisAllocateFromNPagedLookasideList(&list);
	KUNIT_ASSERT_NOT_NULL(test, kept);
	KUNIT_ASSERT_NOT_NULL(test, out);
	NdisFreeToNPagedLookasideList(&list, kept);

	NdisDeleteNPagedLookasideList(&list);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisDeleteNPagedLookasideList");
	KUNIT_EXPECT_EQ(test, atomic_read(&la.frees), 1);	/* the cached one */

	/* Freed late, the entry is reported again, and not leaked. */
	NdisFreeToNPagedLookasideList(&list, out);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisFreeToNPagedLookasideList");
	KUNIT_EXPECT_EQ(test, atomic_read(&la.frees), 2);
	/* A deleted list gives nothing. */
	KUNIT_EXPECT_NULL(test, NdisAllocateFromNPagedLookasideList(&list));
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.allocs), 2);
}

static void a_failing_allocate_gives_null(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NPAGED_LOOKASIDE_LIST list;
	PVOID e;

	la_new(&list, 64, 0);
	WRITE_ONCE(la.fail, true);
	KUNIT_EXPECT_NULL(test, NdisAllocateFromNPagedLookasideList(&list));
	KUNIT_EXPECT_NULL(test, ExAllocateFromNPagedLookasideList(&list));
	KUNIT_EXPECT_EQ(test, la.bytes, (SIZE_T)64);	/* it was asked */
	KUNIT_EXPECT_EQ(test, atomic_read(&la.allocs), 0);

	WRITE_ONCE(la.fail, false);
	e = NdisAllocateFromNPagedLookasideList(&list);
	KUNIT_ASSERT_NOT_NULL(test, e);
	NdisFreeToNPagedLookasideList(&list, e);
	/* The failures left no entry counted as out: the delete is clean. */
	NdisDeleteNPagedLookasideList(&list);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.frees), 1);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void entries_are_pointer_wide_and_aligned(struct kunit *test)
{
	static const SIZE_T sizes[] = { 1, 7, 24, 72, 96, 100, 192, 1500 };
	struct ndis_kunit_reports *r = test->priv;
	LOOKASIDE_LIST_EX *ex = kunit_kzalloc(test, sizeof(*ex), GFP_KERNEL);
	NPAGED_LOOKASIDE_LIST list;
	PVOID e[3];
	int s, i;

	/* The driver's Allocate is asked for a pointer's width at least. */
	la_new(&list, 1, 0);
	e[0] = NdisAllocateFromNPagedLookasideList(&list);
	KUNIT_ASSERT_NOT_NULL(test, e[0]);
	KUNIT_EXPECT_EQ(test, la.bytes, (SIZE_T)LOOKASIDE_MINIMUM_BLOCK_SIZE);
	NdisFreeToNPagedLookasideList(&list, e[0]);
	NdisDeleteNPagedLookasideList(&list);

	/* Its own entries: MEMORY_ALLOCATION_ALIGNMENT, and all of Size usable. */
	for (s = 0; s < ARRAY_SIZE(sizes); s++) {
		SIZE_T usable = max_t(SIZE_T, sizes[s], LOOKASIDE_MINIMUM_BLOCK_SIZE);

		ExInitializeNPagedLookasideList(&list, NULL, NULL, POOL_NX_ALLOCATION, sizes[s],
						LA_TAG, 0);
		for (i = 0; i < ARRAY_SIZE(e); i++) {
			e[i] = ExAllocateFromNPagedLookasideList(&list);
			KUNIT_ASSERT_NOT_NULL(test, e[i]);
			KUNIT_EXPECT_TRUE_MSG(test, IS_ALIGNED((unsigned long)e[i],
							       MEMORY_ALLOCATION_ALIGNMENT),
					      "size %zu: %p", sizes[s], e[i]);
			memset(e[i], 0xa5, usable);	/* KASAN checks the bounds */
		}
		for (i = 0; i < ARRAY_SIZE(e); i++)
			ExFreeToNPagedLookasideList(&list, e[i]);
		ExDeleteNPagedLookasideList(&list);
	}

	/* A CacheAligned pool type: a cache line. */
	KUNIT_ASSERT_NOT_NULL(test, ex);
	KUNIT_ASSERT_EQ(test, ExInitializeLookasideListEx(ex, NULL, NULL,
							  NonPagedPoolCacheAligned, 0, 40,
							  LA_TAG, 0),
			STATUS_SUCCESS);
	for (i = 0; i < ARRAY_SIZE(e); i++) {
		e[i] = ExAllocateFromLookasideListEx(ex);
		KUNIT_ASSERT_NOT_NULL(test, e[i]);
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)e[i], SMP_CACHE_BYTES));
	}
	for (i = 0; i < ARRAY_SIZE(e); i++)
		ExFreeToLookasideListEx(ex, e[i]);
	ExDeleteLookasideListEx(ex);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void misuse_is_reported(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	LOOKASIDE_LIST_EX *ex = kunit_kzalloc(test, sizeof(*ex), GFP_KERNEL);
	NPAGED_LOOKASIDE_LIST *never = kunit_kzalloc(test, sizeof(*never), GFP_KERNEL);
	NPAGED_LOOKASIDE_LIST list;
	unsigned long flags;
	PVOID a, b, p;

	KUNIT_ASSERT_NOT_NULL(test, ex);
	KUNIT_ASSERT_NOT_NULL(test, never);

	/* A list never initialised gives nothing. */
	KUNIT_EXPECT_NULL(test, NdisAllocateFromNPagedLookasideList(never));
	KUNIT_EXPECT_EQ(test, r->calls, 1U);

	/* Invalid parameters of the Ex form leave the list unusable. */
	KUNIT_EXPECT_EQ(test, ExInitializeLookasideListEx(ex, NULL, NULL, NonPagedPoolMustSucceed,
							  0, 64, LA_TAG, 0),
			STATUS_INVALID_PARAMETER_4);
	KUNIT_EXPECT_EQ(test, ExInitializeLookasideListEx(ex, NULL, NULL, NonPagedPool,
							  EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL |
							  EX_LOOKASIDE_LIST_EX_FLAGS_FAIL_NO_RAISE,
							  64, LA_TAG, 0),
			STATUS_INVALID_PARAMETER_5);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_NULL(test, ExAllocateFromLookasideListEx(ex));
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_STREQ(test, r->api, "ExAllocateFromLookasideListEx");

	/* Flags other than 0 are reported; the list works all the same. */
	la_reset();
	NdisInitializeNPagedLookasideList(&list, la_allocate, la_free, 1, 64, LA_TAG, 0);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisInitializeNPagedLookasideList");

	/* The entry on top freed again is refused, so it is handed out once. */
	a = NdisAllocateFromNPagedLookasideList(&list);
	b = NdisAllocateFromNPagedLookasideList(&list);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	NdisFreeToNPagedLookasideList(&list, a);
	NdisFreeToNPagedLookasideList(&list, a);
	KUNIT_EXPECT_EQ(test, r->calls, 4U);
	KUNIT_EXPECT_PTR_EQ(test, NdisAllocateFromNPagedLookasideList(&list), a);
	p = NdisAllocateFromNPagedLookasideList(&list);
	KUNIT_EXPECT_PTR_NE(test, p, a);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.allocs), 3);
	NdisFreeToNPagedLookasideList(&list, p);

	/* With interrupts off (DIRQL) an allocation is refused. */
	local_irq_save(flags);
	p = NdisAllocateFromNPagedLookasideList(&list);
	local_irq_restore(flags);
	KUNIT_EXPECT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, r->calls, 5U);
	KUNIT_EXPECT_EQ(test, r->irql, DIRQL);

	NdisFreeToNPagedLookasideList(&list, a);
	NdisFreeToNPagedLookasideList(&list, b);
	NdisDeleteNPagedLookasideList(&list);
	KUNIT_EXPECT_EQ(test, r->calls, 5U);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.frees), 3);
}

static void paged_entries_come_from_paged_pool_and_are_reused(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	PAGED_LOOKASIDE_LIST list;
	PVOID a, b;

	la_reset();
	ExInitializePagedLookasideList(&list, la_allocate, la_free, POOL_NX_ALLOCATION, 100,
				       LA_TAG, 0);
	a = ExAllocateFromPagedLookasideList(&list);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_EQ(test, la.pool, PagedPool);
	KUNIT_EXPECT_EQ(test, la.bytes, (SIZE_T)100);
	KUNIT_EXPECT_EQ(test, la.irql, PASSIVE_LEVEL);
	ExFreeToPagedLookasideList(&list, a);
	b = ExAllocateFromPagedLookasideList(&list);
	KUNIT_EXPECT_PTR_EQ(test, b, a);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.allocs), 1);
	ExFreeToPagedLookasideList(&list, b);
	ExDeletePagedLookasideList(&list);
	KUNIT_EXPECT_EQ(test, atomic_read(&la.frees), 1);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);

	/* Without the driver's functions: kmalloc() and kfree(). */
	ExInitializePagedLookasideList(&list, NULL, NULL, 0, 3, LA_TAG, 0);
	a = ExAllocateFromPagedLookasideList(&list);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)a, MEMORY_ALLOCATION_ALIGNMENT));
	ExFreeToPagedLookasideList(&list, a);
	ExDeletePagedLookasideList(&list);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

struct la_paged_at_dispatch {
	PPAGED_LOOKASIDE_LIST list;
	PVOID entry;
	KIRQL irql;
};

static void la_paged_here(void *arg)
{
	struct la_paged_at_dispatch *d = arg;

	d->irql = ndis_current_irql();
	d->entry = ExAllocateFromPagedLookasideList(d->list);
}

static void paged_allocation_at_dispatch_is_refused(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct la_paged_at_dispatch d = { };
	PAGED_LOOKASIDE_LIST list;

	la_reset();
	ExInitializePagedLookasideList(&list, la_allocate, la_free, 0, 32, LA_TAG, 0);
	d.list = &list;
	d.entry = &d;
	ndis_kunit_in_timer(test, la_paged_here, &d);
	KUNIT_EXPECT_EQ(test, d.irql, DISPATCH_LEVEL);
	KUNIT_EXPECT_NULL(test, d.entry);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "ExAllocateFromPagedLookasideList");
	KUNIT_EXPECT_EQ(test, atomic_read(&la.allocs), 0);
	ExDeletePagedLookasideList(&list);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
}

static struct kunit_case ndis_lookaside_cases[] = {
	KUNIT_CASE(a_freed_entry_comes_back_from_the_cache),
	KUNIT_CASE(the_list_keeps_at_most_depth_entries),
	KUNIT_CASE(flush_and_delete_free_every_cached_entry),
	KUNIT_CASE(entries_come_and_go_at_dispatch_level),
	KUNIT_CASE(two_threads_never_get_the_same_entry),
	KUNIT_CASE(deleting_with_an_entry_out_is_reported),
	KUNIT_CASE(a_failing_allocate_gives_null),
	KUNIT_CASE(entries_are_pointer_wide_and_aligned),
	KUNIT_CASE(misuse_is_reported),
	KUNIT_CASE(paged_entries_come_from_paged_pool_and_are_reused),
	KUNIT_CASE(paged_allocation_at_dispatch_is_refused),
	{}
};

static struct kunit_suite ndis_lookaside_suite = {
	.name = "ndis_lookaside",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_lookaside_cases,
};

kunit_test_suite(ndis_lookaside_suite);
