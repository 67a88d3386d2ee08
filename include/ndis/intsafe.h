/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Integer arithmetic that reports overflow (the ntintsafe.h routines) and
 * the bit scans of a 64-bit mask.
 *
 * Each Rtl*Add/Sub/Mult/To* routine stores the result and returns
 * STATUS_SUCCESS, or, when the true result does not fit the type (or a
 * subtraction would go below 0), stores the type's error value
 * (ULONG_ERROR, SIZE_T_ERROR) and returns STATUS_INTEGER_OVERFLOW.
 * Any IRQL.
 */
#ifndef _NDIS_INTSAFE_H
#define _NDIS_INTSAFE_H

#include <linux/bitops.h>
#include <linux/limits.h>
#include <linux/overflow.h>
#include <ndis/ntstatus.h>
#include <ndis/types.h>

#define ULONG_ERROR	0xffffffffUL
#define SIZE_T_ERROR	SIZE_MAX

/*
 * The kernel's check_*_overflow() computed @r and said whether it
 * overflowed: give the caller @r, or @error and the status that says so.
 */
#define ndis_intsafe_result(overflow, r, result, error)				\
	({									\
		bool __ndis_overflow = (overflow);				\
										\
		*(result) = __ndis_overflow ? (error) : (r);			\
		__ndis_overflow ? STATUS_INTEGER_OVERFLOW : STATUS_SUCCESS;	\
	})

/**
 * RtlULongAdd - add two ULONGs
 * @a: augend
 * @b: addend
 * @result: receives the sum, or ULONG_ERROR
 *
 * Context: any IRQL.
 * Return: STATUS_SUCCESS, or STATUS_INTEGER_OVERFLOW.
 */
static inline NTSTATUS RtlULongAdd(ULONG a, ULONG b, ULONG *result)
{
	ULONG r;

	return ndis_intsafe_result(check_add_overflow(a, b, &r), r, result, ULONG_ERROR);
}

/**
 * RtlULongSub - subtract a ULONG from another
 * @a: minuend
 * @b: subtrahend
 * @result: receives the difference, or ULONG_ERROR when @b > @a
 *
 * Context: any IRQL.
 * Return: STATUS_SUCCESS, or STATUS_INTEGER_OVERFLOW.
 */
static inline NTSTATUS RtlULongSub(ULONG a, ULONG b, ULONG *result)
{
	ULONG r;

	return ndis_intsafe_result(check_sub_overflow(a, b, &r), r, result, ULONG_ERROR);
}

/**
 * RtlULongMult - multiply two ULONGs
 * @a: multiplicand
 * @b: multiplier
 * @result: receives the product, or ULONG_ERROR
 *
 * Context: any IRQL.
 * Return: STATUS_SUCCESS, or STATUS_INTEGER_OVERFLOW.
 */
static inline NTSTATUS RtlULongMult(ULONG a, ULONG b, ULONG *result)
{
	ULONG r;

	return ndis_intsafe_result(check_mul_overflow(a, b, &r), r, result, ULONG_ERROR);
}

/**
 * RtlSizeTAdd - add two SIZE_Ts
 * @a: augend
 * @b: addend
 * @result: receives the sum, or SIZE_T_ERROR
 *
 * Context: any IRQL.
 * Return: STATUS_SUCCESS, or STATUS_INTEGER_OVERFLOW.
 */
static inline NTSTATUS RtlSizeTAdd(SIZE_T a, SIZE_T b, SIZE_T *result)
{
	SIZE_T r;

	return ndis_intsafe_result(check_add_overflow(a, b, &r), r, result, SIZE_T_ERROR);
}

/**
 * RtlSizeTSub - subtract a SIZE_T from another
 * @a: minuend
 * @b: subtrahend
 * @result: receives the difference, or SIZE_T_ERROR when @b > @a
 *
 * Context: any IRQL.
 * Return: STATUS_SUCCESS, or STATUS_INTEGER_OVERFLOW.
 */
static inline NTSTATUS RtlSizeTSub(SIZE_T a, SIZE_T b, SIZE_T *result)
{
	SIZE_T r;

	return ndis_intsafe_result(check_sub_overflow(a, b, &r), r, result, SIZE_T_ERROR);
}

/**
 * RtlSizeTMult - multiply two SIZE_Ts
 * @a: multiplicand
 * @b: multiplier
 * @result: receives the product, or SIZE_T_ERROR
 *
 * Context: any IRQL.
 * Return: STATUS_SUCCESS, or STATUS_INTEGER_OVERFLOW.
 */
static inline NTSTATUS RtlSizeTMult(SIZE_T a, SIZE_T b, SIZE_T *result)
{
	SIZE_T r;

	return ndis_intsafe_result(check_mul_overflow(a, b, &r), r, result, SIZE_T_ERROR);
}

/**
 * RtlULongLongToULong - narrow a ULONGLONG to a ULONG
 * @ullOperand: the value
 * @pulResult: receives it, or ULONG_ERROR when it is above 0xffffffff
 *
 * Context: any IRQL.
 * Return: STATUS_SUCCESS, or STATUS_INTEGER_OVERFLOW.
 */
static inline NTSTATUS RtlULongLongToULong(ULONGLONG ullOperand, ULONG *pulResult)
{
	if (ullOperand > U32_MAX) {
		*pulResult = ULONG_ERROR;
		return STATUS_INTEGER_OVERFLOW;
	}
	*pulResult = (ULONG)ullOperand;
	return STATUS_SUCCESS;
}

/**
 * RtlFindLeastSignificantBit - the lowest set bit of a mask
 * @Set: the mask
 *
 * Context: any IRQL.
 * Return: the bit's index, 0 to 63, or -1 when @Set is 0. CCHAR is
 * ``char``, unsigned in kernels built with -funsigned-char (6.2 and later),
 * where -1 reads back as 255: compare with (CCHAR)-1.
 */
static inline CCHAR RtlFindLeastSignificantBit(ULONGLONG Set)
{
	return Set ? (CCHAR)__ffs64(Set) : (CCHAR)-1;
}

/**
 * RtlFindMostSignificantBit - the highest set bit of a mask
 * @Set: the mask
 *
 * Context: any IRQL.
 * Return: the bit's index, 0 to 63, or -1 when @Set is 0 (see
 * RtlFindLeastSignificantBit() on CCHAR).
 */
static inline CCHAR RtlFindMostSignificantBit(ULONGLONG Set)
{
	return Set ? (CCHAR)(fls64(Set) - 1) : (CCHAR)-1;
}

#endif /* _NDIS_INTSAFE_H */
