/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interlocked arithmetic: the NDIS calls and the kernel's Interlocked*
 * names drivers use beside them, on the kernel's atomics. A LONG is the
 * size of an atomic_t and a LARGE_INTEGER the size of an atomic64_t, so a
 * driver's plain variables are operated on in place, as on Windows.
 */
#ifndef _NDIS_INTERLOCKED_H
#define _NDIS_INTERLOCKED_H

#include <linux/atomic.h>
#include <linux/build_bug.h>
#include <ndis/spinlock.h>
#include <ndis/types.h>

static_assert(sizeof(atomic_t) == sizeof(LONG));
static_assert(sizeof(atomic64_t) == sizeof(LONGLONG));

/**
 * NdisInterlockedIncrement - add one, atomically
 * @Addend: a PLONG; a pointer to a volatile LONG too, as wdm.h's
 *          InterlockedIncrement() takes
 *
 * Any IRQL. A macro, as in ndis.h, so that a volatile counter needs no cast.
 * Evaluates to the new value.
 */
#define NdisInterlockedIncrement(Addend)	((LONG)atomic_inc_return((atomic_t *)(Addend)))

/**
 * NdisInterlockedDecrement - take one away, atomically
 * @Addend: as for NdisInterlockedIncrement()
 *
 * Any IRQL. Evaluates to the new value.
 */
#define NdisInterlockedDecrement(Addend)	((LONG)atomic_dec_return((atomic_t *)(Addend)))

/**
 * NdisInterlockedAddUlong() - add to a variable under a spin lock
 * @Addend: the variable
 * @Increment: what to add
 * @SpinLock: the NDIS spin lock every writer of @Addend takes
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
static inline void NdisInterlockedAddUlong(PULONG Addend, ULONG Increment,
					   PNDIS_SPIN_LOCK SpinLock)
{
	NdisAcquireSpinLock(SpinLock);
	*Addend += Increment;
	NdisReleaseSpinLock(SpinLock);
}

/**
 * NdisInterlockedAddLargeStatistic() - add to a 64-bit counter, atomically
 * @Addend: the counter
 * @Increment: what to add
 *
 * Context: any.
 */
static inline void NdisInterlockedAddLargeStatistic(PLARGE_INTEGER Addend, ULONG Increment)
{
	atomic64_add(Increment, (atomic64_t *)&Addend->QuadPart);
}

/*
 * The kernel's Interlocked* names, as macros: Windows declares their
 * operands volatile, and a macro takes a plain or a volatile variable
 * alike. Each returns what the Windows call does: the new value for
 * Increment and Decrement, the value before for the others.
 */
#define InterlockedIncrement(_Addend)	atomic_inc_return((atomic_t *)(_Addend))
#define InterlockedDecrement(_Addend)	atomic_dec_return((atomic_t *)(_Addend))
#define InterlockedExchangeAdd(_Addend, _Value)				\
	atomic_fetch_add(_Value, (atomic_t *)(_Addend))
#define InterlockedExchange(_Target, _Value)				\
	atomic_xchg((atomic_t *)(_Target), _Value)
#define InterlockedCompareExchange(_Destination, _Exchange, _Comperand)	\
	atomic_cmpxchg((atomic_t *)(_Destination), _Comperand, _Exchange)
#define InterlockedExchangePointer(_Target, _Value)			\
	((PVOID)xchg((PVOID *)(_Target), (PVOID)(_Value)))
#define InterlockedCompareExchangePointer(_Destination, _Exchange, _Comperand) \
	((PVOID)cmpxchg((PVOID *)(_Destination), (PVOID)(_Comperand), (PVOID)(_Exchange)))

/**
 * KeMemoryBarrier - a full memory barrier
 *
 * Any IRQL. smp_mb(): loads and stores before it are ordered before those
 * after it, as seen by every processor.
 */
#define KeMemoryBarrier()	smp_mb()

#endif /* _NDIS_INTERLOCKED_H */
