// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_intsafe: each ntintsafe routine gives the exact result up to
 * its type's limit and, one past it, STATUS_INTEGER_OVERFLOW with the
 * type's error value stored.
 */
#include "ndis_kunit.h"

static void ulong_add(struct kunit *test)
{
	ULONG r = 7;

	KUNIT_EXPECT_EQ(test, RtlULongAdd(0xfffffffeU, 1, &r), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, 0xffffffffU);
	KUNIT_EXPECT_EQ(test, RtlULongAdd(0xffffffffU, 1, &r), STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, r, (ULONG)ULONG_ERROR);
	KUNIT_EXPECT_EQ(test, RtlULongAdd(0, 0, &r), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, 0U);
	KUNIT_EXPECT_EQ(test, RtlULongAdd(0x80000000U, 0x80000000U, &r), STATUS_INTEGER_OVERFLOW);
}

static void ulong_sub(struct kunit *test)
{
	ULONG r = 7;

	KUNIT_EXPECT_EQ(test, RtlULongSub(5, 5, &r), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, 0U);
	KUNIT_EXPECT_EQ(test, RtlULongSub(5, 6, &r), STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, r, (ULONG)ULONG_ERROR);
	KUNIT_EXPECT_EQ(test, RtlULongSub(0xffffffffU, 1, &r), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, 0xfffffffeU);
}

static void ulong_mult(struct kunit *test)
{
	ULONG r = 7;

	KUNIT_EXPECT_EQ(test, RtlULongMult(0xffffU, 0x10001U, &r), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, 0xffffffffU);
	KUNIT_EXPECT_EQ(test, RtlULongMult(0x10000U, 0x10000U, &r), STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, r, (ULONG)ULONG_ERROR);
	KUNIT_EXPECT_EQ(test, RtlULongMult(0xffffffffU, 0, &r), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, 0U);
	KUNIT_EXPECT_EQ(test, RtlULongMult(0x80000000U, 2, &r), STATUS_INTEGER_OVERFLOW);
}

static void size_t_arithmetic(struct kunit *test)
{
	SIZE_T r = 7;

	KUNIT_EXPECT_EQ(test, RtlSizeTAdd(SIZE_MAX - 1, 1, &r), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, (SIZE_T)SIZE_MAX);
	KUNIT_EXPECT_EQ(test, RtlSizeTAdd(SIZE_MAX, 1, &r), STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, r, (SIZE_T)SIZE_T_ERROR);
	KUNIT_EXPECT_EQ(test, RtlSizeTSub(1, 1, &r), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, (SIZE_T)0);
	KUNIT_EXPECT_EQ(test, RtlSizeTSub(1, 2, &r), STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, r, (SIZE_T)SIZE_T_ERROR);
	KUNIT_EXPECT_EQ(test, RtlSizeTMult(SIZE_MAX / 3, 3, &r), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, (SIZE_T)(SIZE_MAX / 3 * 3));
	KUNIT_EXPECT_EQ(test, RtlSizeTMult(SIZE_MAX / 2 + 1, 2, &r), STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, r, (SIZE_T)SIZE_T_ERROR);
}

static void ulonglong_to_ulong(struct kunit *test)
{
	ULONG r = 7;

	KUNIT_EXPECT_EQ(test, RtlULongLongToULong(0xffffffffULL, &r), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, 0xffffffffU);
	KUNIT_EXPECT_EQ(test, RtlULongLongToULong(0x100000000ULL, &r), STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, r, (ULONG)ULONG_ERROR);
	KUNIT_EXPECT_EQ(test, RtlULongLongToULong(0, &r), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, 0U);
}

static void integer_overflow_is_an_error(struct kunit *test)
{
	KUNIT_EXPECT_FALSE(test, NT_SUCCESS(STATUS_INTEGER_OVERFLOW));
	KUNIT_EXPECT_TRUE(test, NT_ERROR(STATUS_INTEGER_OVERFLOW));
}

struct cache_aligned_probe {
	char c;
};

struct DECLSPEC_CACHEALIGN cache_aligned {
	char c;
};

/* The ntdef.h and wdm.h size macros a port uses beside the routines. */
static void size_macros(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, BYTES_TO_PAGES(0), 0U);
	KUNIT_EXPECT_EQ(test, BYTES_TO_PAGES(1), 1U);
	KUNIT_EXPECT_EQ(test, BYTES_TO_PAGES(PAGE_SIZE), 1U);
	KUNIT_EXPECT_EQ(test, BYTES_TO_PAGES(PAGE_SIZE + 1), 2U);
	KUNIT_EXPECT_EQ(test, (ULONG)ALIGN_UP(5, ULONG), 8U);
	KUNIT_EXPECT_EQ(test, (ULONG)ALIGN_UP(8, ULONG), 8U);
	KUNIT_EXPECT_EQ(test, __alignof__(struct cache_aligned), (size_t)SMP_CACHE_BYTES);
	KUNIT_EXPECT_EQ(test, __alignof__(struct cache_aligned_probe), (size_t)1);
}

static struct kunit_case ndis_intsafe_cases[] = {
	KUNIT_CASE(ulong_add),
	KUNIT_CASE(ulong_sub),
	KUNIT_CASE(ulong_mult),
	KUNIT_CASE(size_t_arithmetic),
	KUNIT_CASE(ulonglong_to_ulong),
	KUNIT_CASE(integer_overflow_is_an_error),
	KUNIT_CASE(size_macros),
	{}
};

static struct kunit_suite ndis_intsafe_suite = {
	.name = "ndis_intsafe",
	.test_cases = ndis_intsafe_cases,
};

kunit_test_suite(ndis_intsafe_suite);
