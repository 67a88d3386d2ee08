// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_memory: the NDIS allocators give memory at both levels, want
 * a handle NDIS gave out, and free what they gave; the memory macros do
 * what the DDI names them for; the shared-data alignment is a cache line.
 */
#include <linux/cache.h>
#include <linux/log2.h>

#include "fake.h"

#define MEM_TAG	0x74736554	/* "Test", as a driver writes it */

/* A registered protocol: its handle is an NdisHandle the allocators take. */
static NDIS_HANDLE memory_test_handle(struct kunit *test)
{
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "mem-p");

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	return fp->handle;
}

static void allocates_at_passive_and_at_dispatch(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE h = memory_test_handle(test);
	NDIS_SPIN_LOCK lock;
	PUCHAR passive, dispatch;

	passive = NdisAllocateMemoryWithTagPriority(h, 4096, MEM_TAG, NormalPoolPriority);
	KUNIT_ASSERT_NOT_NULL(test, passive);
	NdisFillMemory(passive, 4096, 0xa5);

	/* Under a spin lock a sleeping allocation would splat (might_sleep). */
	NdisAllocateSpinLock(&lock);
	NdisAcquireSpinLock(&lock);
	dispatch = NdisAllocateMemoryWithTagPriority(h, 256, MEM_TAG, LowPoolPriority);
	NdisReleaseSpinLock(&lock);
	KUNIT_ASSERT_NOT_NULL(test, dispatch);
	NdisZeroMemory(dispatch, 256);

	KUNIT_EXPECT_EQ(test, passive[4095], 0xa5);
	KUNIT_EXPECT_EQ(test, dispatch[255], 0);
	NdisFreeMemory(passive, 4096, 0);
	NdisFreeMemoryWithTagPriority(h, dispatch, MEM_TAG);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void a_bad_handle_is_reported_and_gets_nothing(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	PVOID p;

	p = NdisAllocateMemoryWithTagPriority((NDIS_HANDLE)0x12340, 64, MEM_TAG,
					      NormalPoolPriority);
	KUNIT_EXPECT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisAllocateMemoryWithTagPriority");

	p = NdisAllocateMemoryWithTagPriority(NULL, 64, MEM_TAG, NormalPoolPriority);
	KUNIT_EXPECT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
}

static void the_handleless_allocator_reports_its_status(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	PVOID p = (PVOID)1;

	KUNIT_EXPECT_EQ(test, NdisAllocateMemoryWithTag(&p, 100, MEM_TAG), NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_NOT_NULL(test, p);
	NdisMoveMemory(p, "frame", 6);
	KUNIT_EXPECT_STREQ(test, (char *)p, "frame");
	NdisFreeMemory(p, 100, 0);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void freeing_with_ndis5_flags_is_reported(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	PVOID p;

	KUNIT_ASSERT_EQ(test, NdisAllocateMemoryWithTag(&p, 32, MEM_TAG), NDIS_STATUS_SUCCESS);
	NdisFreeMemory(p, 32, NDIS_MEMORY_NONCACHED);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisFreeMemory");
}

static void allocating_with_interrupts_off_is_refused(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE h = memory_test_handle(test);
	unsigned long flags;
	PVOID p;

	local_irq_save(flags);
	p = NdisAllocateMemoryWithTagPriority(h, 64, MEM_TAG, NormalPoolPriority);
	local_irq_restore(flags);
	KUNIT_EXPECT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_EQ(test, r->irql, DIRQL);
}

static void the_memory_macros_do_what_they_say(struct kunit *test)
{
	UCHAR a[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, b[8];

	NdisMoveMemory(b, a, sizeof(a));
	KUNIT_EXPECT_TRUE(test, NdisEqualMemory(a, b, sizeof(a)));
	b[7] = 0;
	KUNIT_EXPECT_FALSE(test, NdisEqualMemory(a, b, sizeof(a)));
	KUNIT_EXPECT_EQ(test, RtlCompareMemory(a, b, sizeof(a)), (SIZE_T)7);
	KUNIT_EXPECT_EQ(test, RtlCompareMemory(a, a, sizeof(a)), (SIZE_T)8);
	RtlMoveMemory(a + 1, a, 4);	/* overlapping: RtlMoveMemory's case */
	KUNIT_EXPECT_EQ(test, a[1], 1);
	KUNIT_EXPECT_EQ(test, a[4], 4);
	NdisFillMemory(b, sizeof(b), 0x7e);
	KUNIT_EXPECT_EQ(test, b[0], 0x7e);
	RtlZeroMemory(b, 4);
	KUNIT_EXPECT_EQ(test, b[3], 0);
	KUNIT_EXPECT_EQ(test, b[4], 0x7e);
}

static void shared_data_alignment_is_a_cache_line(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	ULONG a = NdisGetSharedDataAlignment();

	KUNIT_EXPECT_TRUE(test, is_power_of_2(a));
	KUNIT_EXPECT_GE(test, a, (ULONG)cache_line_size());
	KUNIT_EXPECT_GE(test, a, (ULONG)SMP_CACHE_BYTES);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static struct kunit_case ndis_memory_cases[] = {
	KUNIT_CASE(allocates_at_passive_and_at_dispatch),
	KUNIT_CASE(a_bad_handle_is_reported_and_gets_nothing),
	KUNIT_CASE(the_handleless_allocator_reports_its_status),
	KUNIT_CASE(freeing_with_ndis5_flags_is_reported),
	KUNIT_CASE(allocating_with_interrupts_off_is_refused),
	KUNIT_CASE(the_memory_macros_do_what_they_say),
	KUNIT_CASE(shared_data_alignment_is_a_cache_line),
	{}
};

static struct kunit_suite ndis_memory_suite = {
	.name = "ndis_memory",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_memory_cases,
};

kunit_test_suite(ndis_memory_suite);
