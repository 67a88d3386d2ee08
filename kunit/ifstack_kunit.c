// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_if_stack: every adapter is an NDIS interface with an index of
 * its own, which the miniport's init parameters and a protocol's bind
 * parameters carry; NdisIfAddIfStackEntry and NdisIfDeleteIfStackEntry
 * keep the interface stack table as the DDI says, and removing an adapter
 * deletes the entries that name it.
 */
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>

#include "../core/kunit_iface.h"
#include "fake.h"

/* One more adapter @name of @mp, its handle in *@handle if asked; its index. */
static NET_IFINDEX ifs_one_more(struct kunit *test, struct ndis_fake_miniport *mp,
				const char *name, NDIS_HANDLE *handle)
{
	struct ndis_fake_adapter *fa;
	NDIS_HANDLE h;

	h = ndis_fake_adapter_add(test, mp, name);
	KUNIT_ASSERT_NOT_NULL(test, h);
	fa = ndis_fake_adapter_find(mp, name);
	KUNIT_ASSERT_NOT_NULL(test, fa);
	if (handle)
		*handle = h;
	return fa->if_index;
}

/* A fake miniport with @n adapters "ifs-a<i>-<tag>"; their indices in @ix. */
static struct ndis_fake_miniport *ifs_adapters(struct kunit *test, const char *tag, int n,
					       NDIS_HANDLE *handle, NET_IFINDEX *ix)
{
	struct ndis_fake_miniport *mp;
	char name[NDIS_FAKE_NAME];
	int i;

	snprintf(name, sizeof(name), "ifs-mp-%s", tag);
	mp = ndis_fake_miniport_register(test, name);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "ifs-a%d-%s", i, tag);
		ix[i] = ifs_one_more(test, mp, name, &handle[i]);
	}
	return mp;
}

/* The text of /sys/kernel/ndis/if_stack, in a page the test owns. */
static const char *ifs_text(struct kunit *test)
{
	char *page = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_ASSERT_GE(test, ndis_kunit_if_stack_text(page), 0);
	return page;
}

static void adapters_have_distinct_indices_the_parameters_carry(struct kunit *test)
{
	struct ndis_fake_protocol *fp;
	NDIS_HANDLE handle[2];
	NET_IFINDEX ix[2], restarted;
	struct ndis_fake_open *open;
	int i;

	ifs_adapters(test, "ix", 2, handle, ix);
	KUNIT_EXPECT_NE(test, ix[0], NET_IFINDEX_UNSPECIFIED);
	KUNIT_EXPECT_NE(test, ix[1], NET_IFINDEX_UNSPECIFIED);
	KUNIT_EXPECT_NE(test, ix[0], ix[1]);

	fp = ndis_fake_protocol_new(test, "ifs-p-ix");
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->restarts) == 2));
	for (i = 0; i < 2; i++) {
		char name[NDIS_FAKE_NAME];

		snprintf(name, sizeof(name), "ifs-a%d-ix", i);
		open = ndis_fake_open_find(fp, name);
		KUNIT_ASSERT_NOT_NULL(test, open);
		/* No filter sits between: the bound interface is the lowest. */
		KUNIT_EXPECT_EQ(test, open->bound_if_index, ix[i]);
		KUNIT_EXPECT_EQ(test, open->lowest_if_index, ix[i]);
	}
	/* The restart parameters carry it too: the last restart's is one of the two. */
	spin_lock_bh(&fp->lock);
	restarted = fp->last_restart.BoundIfIndex;
	spin_unlock_bh(&fp->lock);
	KUNIT_EXPECT_TRUE(test, restarted == ix[0] || restarted == ix[1]);
}

static void entries_are_added_once_sorted_and_deleted(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE handle[2];
	NET_IFINDEX ix[2], lo, hi;
	char want[64];

	ifs_adapters(test, "ad", 2, handle, ix);
	lo = min(ix[0], ix[1]);
	hi = max(ix[0], ix[1]);
	KUNIT_EXPECT_STREQ(test, ifs_text(test), "");

	KUNIT_EXPECT_EQ(test, NdisIfAddIfStackEntry(hi, lo), NDIS_STATUS_SUCCESS);
	snprintf(want, sizeof(want), "%u %u\n", hi, lo);
	KUNIT_EXPECT_STREQ(test, ifs_text(test), want);
	/* Once only, however often it is added. */
	KUNIT_EXPECT_EQ(test, NdisIfAddIfStackEntry(hi, lo), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_STREQ(test, ifs_text(test), want);

	/* The other way round is another entry, and sorts first. */
	KUNIT_EXPECT_EQ(test, NdisIfAddIfStackEntry(lo, hi), NDIS_STATUS_SUCCESS);
	snprintf(want, sizeof(want), "%u %u\n%u %u\n", lo, hi, hi, lo);
	KUNIT_EXPECT_STREQ(test, ifs_text(test), want);

	NdisIfDeleteIfStackEntry(hi, lo);
	snprintf(want, sizeof(want), "%u %u\n", lo, hi);
	KUNIT_EXPECT_STREQ(test, ifs_text(test), want);
	/* Deleting what is not there does nothing. */
	NdisIfDeleteIfStackEntry(hi, lo);
	NdisIfDeleteIfStackEntry(lo, NET_IFINDEX_UNSPECIFIED);
	KUNIT_EXPECT_STREQ(test, ifs_text(test), want);
	NdisIfDeleteIfStackEntry(lo, hi);
	KUNIT_EXPECT_STREQ(test, ifs_text(test), "");
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

/*
 * An index is not given again while anything still holds the adapter that
 * had it, though the adapter is removed; once nothing does, it is free
 * again.
 */
static void an_index_is_reused_only_once_its_adapter_is_gone(struct kunit *test)
{
	struct ndis_fake_miniport *mp;
	NDIS_HANDLE handle[1];
	NET_IFINDEX ix[1], held_meanwhile;
	void *hold;

	mp = ifs_adapters(test, "ru", 1, handle, ix);
	hold = ndis_kunit_adapter_hold(handle[0]);
	KUNIT_ASSERT_NOT_NULL(test, hold);
	KUNIT_EXPECT_EQ(test, ndis_miniport_remove_adapter(handle[0]), NDIS_STATUS_SUCCESS);
	held_meanwhile = ifs_one_more(test, mp, "ifs-b-ru", NULL);
	KUNIT_EXPECT_NE(test, held_meanwhile, ix[0]);
	ndis_kunit_adapter_unhold(hold);
	/* ix[0] is free again: at most it, unless an older test let go of a lower one. */
	KUNIT_EXPECT_LE(test, ifs_one_more(test, mp, "ifs-c-ru", NULL), ix[0]);
}

static int ifs_cmp(const void *a, const void *b)
{
	const NET_IFINDEX *x = a, *y = b;

	return *x < *y ? -1 : *x > *y;
}

/* By the higher index, then by the lower: added in neither order. */
static void entries_sort_by_higher_then_lower(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE handle[3];
	NET_IFINDEX ix[3];
	char want[96];

	ifs_adapters(test, "so", 3, handle, ix);
	sort(ix, 3, sizeof(ix[0]), ifs_cmp, NULL);
	KUNIT_EXPECT_EQ(test, NdisIfAddIfStackEntry(ix[2], ix[1]), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, NdisIfAddIfStackEntry(ix[1], ix[2]), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, NdisIfAddIfStackEntry(ix[2], ix[0]), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, NdisIfAddIfStackEntry(ix[0], ix[2]), NDIS_STATUS_SUCCESS);
	snprintf(want, sizeof(want), "%u %u\n%u %u\n%u %u\n%u %u\n", ix[0], ix[2], ix[1], ix[2],
		 ix[2], ix[0], ix[2], ix[1]);
	KUNIT_EXPECT_STREQ(test, ifs_text(test), want);
	NdisIfDeleteIfStackEntry(ix[2], ix[0]);
	snprintf(want, sizeof(want), "%u %u\n%u %u\n%u %u\n", ix[0], ix[2], ix[1], ix[2],
		 ix[2], ix[1]);
	KUNIT_EXPECT_STREQ(test, ifs_text(test), want);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void an_index_of_no_interface_is_not_found(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE handle[1];
	NET_IFINDEX ix[1];

	ifs_adapters(test, "nf", 1, handle, ix);
	KUNIT_EXPECT_EQ(test, NdisIfAddIfStackEntry(ix[0], NET_IFINDEX_UNSPECIFIED),
			NDIS_STATUS_INTERFACE_NOT_FOUND);
	KUNIT_EXPECT_EQ(test, NdisIfAddIfStackEntry(NET_IFINDEX_UNSPECIFIED, ix[0]),
			NDIS_STATUS_INTERFACE_NOT_FOUND);
	/* An index no adapter has (indices are small: one per adapter made). */
	KUNIT_EXPECT_EQ(test, NdisIfAddIfStackEntry(ix[0], 0x7fffffff),
			NDIS_STATUS_INTERFACE_NOT_FOUND);
	KUNIT_EXPECT_EQ(test, NdisIfAddIfStackEntry(0x7fffffff, ix[0]),
			NDIS_STATUS_INTERFACE_NOT_FOUND);
	KUNIT_EXPECT_STREQ(test, ifs_text(test), "");
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void an_interface_over_itself_is_refused(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE handle[1];
	NET_IFINDEX ix[1];

	ifs_adapters(test, "se", 1, handle, ix);
	KUNIT_EXPECT_EQ(test, NdisIfAddIfStackEntry(ix[0], ix[0]), NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisIfAddIfStackEntry");
	KUNIT_EXPECT_STREQ(test, ifs_text(test), "");
}

static void removing_an_adapter_deletes_its_entries(struct kunit *test)
{
	NDIS_HANDLE handle[3];
	NET_IFINDEX ix[3];
	char want[64];

	ifs_adapters(test, "rm", 3, handle, ix);
	KUNIT_EXPECT_EQ(test, NdisIfAddIfStackEntry(ix[0], ix[1]), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, NdisIfAddIfStackEntry(ix[2], ix[0]), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, NdisIfAddIfStackEntry(ix[2], ix[1]), NDIS_STATUS_SUCCESS);

	KUNIT_EXPECT_EQ(test, ndis_miniport_remove_adapter(handle[0]), NDIS_STATUS_SUCCESS);
	snprintf(want, sizeof(want), "%u %u\n", ix[2], ix[1]);
	KUNIT_EXPECT_STREQ(test, ifs_text(test), want);
	/* Its index names no registered interface any more. */
	KUNIT_EXPECT_EQ(test, NdisIfAddIfStackEntry(ix[0], ix[1]),
			NDIS_STATUS_INTERFACE_NOT_FOUND);
	KUNIT_EXPECT_EQ(test, NdisIfAddIfStackEntry(ix[2], ix[0]),
			NDIS_STATUS_INTERFACE_NOT_FOUND);

	KUNIT_EXPECT_EQ(test, ndis_miniport_remove_adapter(handle[1]), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_STREQ(test, ifs_text(test), "");
}

struct ifs_call {
	NET_IFINDEX higher;
	NET_IFINDEX lower;
};

static void ifs_delete(void *arg)
{
	struct ifs_call *c = arg;

	NdisIfDeleteIfStackEntry(c->higher, c->lower);
}

static void calls_above_passive_are_reported_and_do_nothing(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_SPIN_LOCK lock;
	NDIS_HANDLE handle[2];
	NET_IFINDEX ix[2];
	struct ifs_call c;
	NDIS_STATUS status;
	char want[64];

	ifs_adapters(test, "ir", 2, handle, ix);
	NdisAllocateSpinLock(&lock);
	NdisAcquireSpinLock(&lock);
	status = NdisIfAddIfStackEntry(ix[0], ix[1]);
	NdisReleaseSpinLock(&lock);
	NdisFreeSpinLock(&lock);
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_INVALID_STATE);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisIfAddIfStackEntry");
	KUNIT_EXPECT_EQ(test, r->irql, DISPATCH_LEVEL);
	KUNIT_EXPECT_STREQ(test, ifs_text(test), "");

	KUNIT_ASSERT_EQ(test, NdisIfAddIfStackEntry(ix[0], ix[1]), NDIS_STATUS_SUCCESS);
	c.higher = ix[0];
	c.lower = ix[1];
	ndis_kunit_in_timer(test, ifs_delete, &c);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisIfDeleteIfStackEntry");
	KUNIT_EXPECT_EQ(test, r->irql, DISPATCH_LEVEL);
	snprintf(want, sizeof(want), "%u %u\n", ix[0], ix[1]);
	KUNIT_EXPECT_STREQ(test, ifs_text(test), want);
	NdisIfDeleteIfStackEntry(ix[0], ix[1]);
	KUNIT_EXPECT_STREQ(test, ifs_text(test), "");
}

static struct kunit_case ndis_if_stack_cases[] = {
	KUNIT_CASE(adapters_have_distinct_indices_the_parameters_carry),
	KUNIT_CASE(entries_are_added_once_sorted_and_deleted),
	KUNIT_CASE(entries_sort_by_higher_then_lower),
	KUNIT_CASE(an_index_of_no_interface_is_not_found),
	KUNIT_CASE(an_interface_over_itself_is_refused),
	KUNIT_CASE(removing_an_adapter_deletes_its_entries),
	KUNIT_CASE(an_index_is_reused_only_once_its_adapter_is_gone),
	KUNIT_CASE(calls_above_passive_are_reported_and_do_nothing),
	{}
};

static struct kunit_suite ndis_if_stack_suite = {
	.name = "ndis_if_stack",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_if_stack_cases,
};

kunit_test_suite(ndis_if_stack_suite);
