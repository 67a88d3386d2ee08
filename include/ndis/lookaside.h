/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Lookaside lists: a cache of fixed-size entries in front of an allocator.
 *
 * NPAGED_LOOKASIDE_LIST (NdisXxxNPagedLookasideList and the ExXxx names of
 * the same calls) and LOOKASIDE_LIST_EX (whose callbacks are also given the
 * list) share one implementation. An entry freed to the list is kept, up
 * to the list's depth, and the next allocation takes the one freed last;
 * only an empty list calls the allocator, and only a full one the free
 * function. Every call may be made at DISPATCH_LEVEL, initialisation and
 * deletion included, so a list allocates nothing of its own: the free
 * entries form a stack linked through their first word, under a raw spin
 * lock held for a few instructions with interrupts off. An entry is
 * therefore at least a pointer wide (LOOKASIDE_MINIMUM_BLOCK_SIZE); a
 * smaller Size is rounded up to it, for the driver's Allocate too.
 *
 * The DDI's Depth is reserved and must be zero; zero here means the
 * default depth of 256 entries, and a non-zero Depth is kept as the
 * list's depth. Entries the list allocates itself come from kmalloc(), as
 * in the memory family: GFP_KERNEL at PASSIVE_LEVEL, GFP_ATOMIC above,
 * aligned to MEMORY_ALLOCATION_ALIGNMENT (a cache line for the
 * CacheAligned pool types).
 */
#ifndef _NDIS_LOOKASIDE_H
#define _NDIS_LOOKASIDE_H

#include <linux/spinlock.h>
#include <ndis/ntstatus.h>
#include <ndis/types.h>

/* The smallest entry: a free entry holds the list's link. */
#define LOOKASIDE_MINIMUM_BLOCK_SIZE	sizeof(PVOID)

/* Flags OR'd into a POOL_TYPE. */
#define POOL_QUOTA_FAIL_INSTEAD_OF_RAISE	8
#define POOL_RAISE_IF_ALLOCATION_FAILURE	16
#define POOL_NX_ALLOCATION			512

/* Flags of ExInitializeLookasideListEx(); the two exclude each other. */
#define EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL	0x00000001UL
#define EX_LOOKASIDE_LIST_EX_FLAGS_FAIL_NO_RAISE	0x00000002UL

typedef struct _LOOKASIDE_LIST_EX LOOKASIDE_LIST_EX, *PLOOKASIDE_LIST_EX;

/**
 * typedef ALLOCATE_FUNCTION - a driver's Allocate for an NPAGED_LOOKASIDE_LIST
 * @PoolType: NonPagedPool, with the flags ExInitializeNPagedLookasideList()
 *	was given OR'd in
 * @NumberOfBytes: the list's Size, at least LOOKASIDE_MINIMUM_BLOCK_SIZE
 * @Tag: the list's Tag
 *
 * Called when an allocation finds the list empty, at the level of that
 * allocation's caller and with no lock of the list held.
 *
 * Context: the caller's level, IRQL <= DISPATCH_LEVEL.
 * Return: an entry of @NumberOfBytes, or NULL.
 */
typedef PVOID ALLOCATE_FUNCTION(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag);
typedef void *(*PALLOCATE_FUNCTION)(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag);

/**
 * typedef FREE_FUNCTION - a driver's Free for an NPAGED_LOOKASIDE_LIST
 * @Buffer: an entry the list does not keep
 *
 * Called for an entry freed to a full list, and for each cached entry when
 * the list is deleted, with no lock of the list held.
 *
 * Context: the caller's level, IRQL <= DISPATCH_LEVEL.
 */
typedef VOID FREE_FUNCTION(PVOID Buffer);
typedef void (*PFREE_FUNCTION)(PVOID Buffer);

/**
 * typedef ALLOCATE_FUNCTION_EX - LookasideListAllocateEx, for a LOOKASIDE_LIST_EX
 * @PoolType: the list's PoolType, with POOL_RAISE_IF_ALLOCATION_FAILURE or
 *	POOL_QUOTA_FAIL_INSTEAD_OF_RAISE OR'd in as the list's Flags ask
 * @NumberOfBytes: the list's Size, at least LOOKASIDE_MINIMUM_BLOCK_SIZE
 * @Tag: the list's Tag
 * @Lookaside: the list, so that the driver can reach the structure it
 *	embeds the list in (CONTAINING_RECORD)
 *
 * Context: the caller's level, IRQL <= DISPATCH_LEVEL.
 * Return: an entry of @NumberOfBytes, or NULL.
 */
typedef PVOID ALLOCATE_FUNCTION_EX(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag,
				   PLOOKASIDE_LIST_EX Lookaside);
typedef void *(*PALLOCATE_FUNCTION_EX)(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag,
				       PLOOKASIDE_LIST_EX Lookaside);

/**
 * typedef FREE_FUNCTION_EX - LookasideListFreeEx, for a LOOKASIDE_LIST_EX
 * @Buffer: an entry the list does not keep
 * @Lookaside: the list
 *
 * Context: the caller's level, IRQL <= DISPATCH_LEVEL.
 */
typedef VOID FREE_FUNCTION_EX(PVOID Buffer, PLOOKASIDE_LIST_EX Lookaside);
typedef void (*PFREE_FUNCTION_EX)(PVOID Buffer, PLOOKASIDE_LIST_EX Lookaside);

/*
 * The state behind both list types, private to the framework. The lock
 * guards the first four fields; the rest are set by the initialisation.
 */
struct ndis_lookaside {
	raw_spinlock_t lock;
	void *top;			/* the free entries, last freed first */
	USHORT cached;			/* how many there are */
	USHORT depth;			/* how many there may be */
	unsigned long out;		/* entries handed out, not yet freed */
	SIZE_T size;			/* of an entry */
	SIZE_T align;			/* of an entry the list allocates */
	POOL_TYPE pool;			/* for the driver's Allocate */
	ULONG tag;
	union {
		PALLOCATE_FUNCTION plain;
		PALLOCATE_FUNCTION_EX ex;
	} allocate;
	union {
		PFREE_FUNCTION plain;
		PFREE_FUNCTION_EX ex;
	} free;
	u32 state;			/* initialised, deleted, or neither */
	bool ex;			/* in a LOOKASIDE_LIST_EX */
};

/**
 * struct _NPAGED_LOOKASIDE_LIST - a lookaside list, in the caller's storage
 *
 * Initialised with NdisInitializeNPagedLookasideList() or
 * ExInitializeNPagedLookasideList(), deleted with the matching delete. The
 * DDI names no field a driver may use; the ones here are private to the
 * framework. The DDI asks for 16-byte alignment on 64-bit machines; nothing
 * here needs more than a pointer's.
 */
typedef struct _NPAGED_LOOKASIDE_LIST {
	/* private: */
	struct ndis_lookaside l;
} NPAGED_LOOKASIDE_LIST, *PNPAGED_LOOKASIDE_LIST;

/**
 * struct _PAGED_LOOKASIDE_LIST - a lookaside list of pageable entries
 *
 * Its entries come from memory that may sleep to allocate (kmalloc() with
 * GFP_KERNEL), so the list is used at PASSIVE_LEVEL (the DDI's APC_LEVEL
 * and below). Opaque: the Ex*PagedLookasideList calls are the interface.
 */
typedef struct _PAGED_LOOKASIDE_LIST {
	/* private: */
	struct ndis_lookaside l;
} PAGED_LOOKASIDE_LIST, *PPAGED_LOOKASIDE_LIST;

/**
 * struct _LOOKASIDE_LIST_EX - a lookaside list whose callbacks get the list
 *
 * Initialised with ExInitializeLookasideListEx(). The fields are private to
 * the framework.
 */
struct _LOOKASIDE_LIST_EX {
	/* private: */
	struct ndis_lookaside l;
};

void NdisInitializeNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside,
				       PALLOCATE_FUNCTION Allocate, PFREE_FUNCTION Free,
				       ULONG Flags, SIZE_T Size, ULONG Tag, USHORT Depth);
PVOID NdisAllocateFromNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside);
void NdisFreeToNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside, PVOID Entry);
void NdisDeleteNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside);

void ExInitializeNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside,
				     PALLOCATE_FUNCTION Allocate, PFREE_FUNCTION Free,
				     ULONG Flags, SIZE_T Size, ULONG Tag, USHORT Depth);
PVOID ExAllocateFromNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside);
void ExFreeToNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside, PVOID Entry);
void ExDeleteNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside);

void ExInitializePagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside,
				    PALLOCATE_FUNCTION Allocate, PFREE_FUNCTION Free,
				    ULONG Flags, SIZE_T Size, ULONG Tag, USHORT Depth);
PVOID ExAllocateFromPagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside);
void ExFreeToPagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside, PVOID Entry);
void ExDeletePagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside);

NTSTATUS ExInitializeLookasideListEx(PLOOKASIDE_LIST_EX Lookaside,
				     PALLOCATE_FUNCTION_EX Allocate, PFREE_FUNCTION_EX Free,
				     POOL_TYPE PoolType, ULONG Flags, SIZE_T Size, ULONG Tag,
				     USHORT Depth);
PVOID ExAllocateFromLookasideListEx(PLOOKASIDE_LIST_EX Lookaside);
void ExFreeToLookasideListEx(PLOOKASIDE_LIST_EX Lookaside, PVOID Entry);
void ExFlushLookasideListEx(PLOOKASIDE_LIST_EX Lookaside);
void ExDeleteLookasideListEx(PLOOKASIDE_LIST_EX Lookaside);

#endif /* _NDIS_LOOKASIDE_H */
