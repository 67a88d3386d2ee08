/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Basic NDIS type names, so code written against the Windows DDI reads the
 * same here. Widths follow the Windows LLP64 model: ULONG is 32 bits even
 * on 64-bit kernels, LONG_PTR and ULONG_PTR are pointer-sized.
 *
 * WCHAR is 16 bits, as on Windows: the kernel's build passes -fshort-wchar
 * to every file, so L"..." literals are arrays of 16-bit units (UTF-16) and
 * NDIS_STRING_CONST("..."), which pastes the L on, works unchanged. A
 * driver built without that flag stops at the static_assert() below rather
 * than misreading strings.
 */
#ifndef _NDIS_TYPES_H
#define _NDIS_TYPES_H

#include <linux/build_bug.h>
#include <linux/limits.h>
#include <linux/types.h>
#include <asm/byteorder.h>

typedef void VOID, *PVOID;
typedef char CHAR, *PCHAR, *PSTR;
typedef const char *PCSTR;
typedef char CCHAR;
typedef u8 UCHAR, *PUCHAR;
typedef u8 BOOLEAN, *PBOOLEAN;
typedef s16 SHORT, *PSHORT;
typedef s16 CSHORT;
typedef u16 USHORT, *PUSHORT;
typedef int INT, *PINT;
typedef u32 ULONG, *PULONG;
typedef u32 UINT, *PUINT;
typedef u32 UINT32, *PUINT32;
typedef s32 LONG, *PLONG;
typedef s64 LONG64, *PLONG64;
typedef u64 ULONG64, *PULONG64;
typedef s64 LONGLONG, *PLONGLONG;
typedef u64 ULONGLONG, *PULONGLONG;
typedef long LONG_PTR, *PLONG_PTR;
typedef unsigned long ULONG_PTR, *PULONG_PTR;
typedef size_t SIZE_T;

/* A UTF-16 code unit; see the note at the top. */
typedef u16 WCHAR, *PWCHAR, *PWSTR;
typedef const u16 *PCWSTR;

/*
 * The units of a wide string literal, rather than sizeof(L'a'): sparse
 * 0.6.4 (Debian 12's), which the build runs over every file, sizes a wide
 * character constant as an int whatever the flag.
 */
static_assert(sizeof(L""[0]) == sizeof(WCHAR),
	      "NDIS drivers are built with -fshort-wchar: wide characters are 16 bits");

/* An opaque handle: what NDIS gives a driver and the driver gives back. */
typedef void *NDIS_HANDLE;
typedef void **PNDIS_HANDLE;

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif

#define MAXUCHAR	U8_MAX
#define MAXUSHORT	U16_MAX
#define MAXULONG	U32_MAX
#define MAXLONG		S32_MAX
#define MINLONG		S32_MIN
#define MAXULONG64	U64_MAX
#define MAXLONGLONG	S64_MAX

/*
 * LARGE_INTEGER and ULARGE_INTEGER keep the low half first, as the DDI does
 * on the little-endian machines it runs on.
 */
#ifndef __LITTLE_ENDIAN
#error "the NDIS headers describe little-endian layouts only"
#endif

/**
 * union _LARGE_INTEGER - a signed 64-bit value, whole or in halves
 * @LowPart: bits 0 to 31
 * @HighPart: bits 32 to 63, signed
 * @u: the same halves, named (older code spells ``x.u.LowPart``)
 * @u.LowPart: bits 0 to 31
 * @u.HighPart: bits 32 to 63, signed
 * @QuadPart: the whole value
 */
typedef union _LARGE_INTEGER {
	struct {
		ULONG LowPart;
		LONG HighPart;
	};
	struct {
		ULONG LowPart;
		LONG HighPart;
	} u;
	LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

/**
 * union _ULARGE_INTEGER - an unsigned 64-bit value, whole or in halves
 * @LowPart: bits 0 to 31
 * @HighPart: bits 32 to 63
 * @u: the same halves, named
 * @u.LowPart: bits 0 to 31
 * @u.HighPart: bits 32 to 63
 * @QuadPart: the whole value
 */
typedef union _ULARGE_INTEGER {
	struct {
		ULONG LowPart;
		ULONG HighPart;
	};
	struct {
		ULONG LowPart;
		ULONG HighPart;
	} u;
	ULONGLONG QuadPart;
} ULARGE_INTEGER, *PULARGE_INTEGER;

typedef LARGE_INTEGER PHYSICAL_ADDRESS, *PPHYSICAL_ADDRESS;
typedef PHYSICAL_ADDRESS NDIS_PHYSICAL_ADDRESS, *PNDIS_PHYSICAL_ADDRESS;

/**
 * struct _GUID - a 128-bit identifier, in the DDI's four fields
 * @Data1: first 32 bits
 * @Data2: next 16 bits
 * @Data3: next 16 bits
 * @Data4: last 64 bits, as bytes
 *
 * The same 16 bytes as the kernel's guid_t, which keeps them as an array.
 */
typedef struct _GUID {
	ULONG Data1;
	USHORT Data2;
	USHORT Data3;
	UCHAR Data4[8];
} GUID, *PGUID;

typedef const struct _GUID *LPCGUID;

/**
 * enum _POOL_TYPE - kind of pool memory an allocation comes from
 * @NonPagedPool: memory that is never paged out
 * @NonPagedPoolExecute: the same, executable
 * @PagedPool: memory that may be paged out
 * @NonPagedPoolMustSucceed: obsolete
 * @DontUseThisType: reserved
 * @NonPagedPoolCacheAligned: non-paged, cache-line aligned
 * @PagedPoolCacheAligned: paged, cache-line aligned
 * @NonPagedPoolCacheAlignedMustS: obsolete
 * @MaxPoolType: number of basic types
 * @NonPagedPoolNx: non-paged, not executable
 * @NonPagedPoolNxCacheAligned: non-paged, not executable, cache-line aligned
 *
 * Kernel memory is never paged here: every type means memory from
 * kmalloc(), the caller's level choosing whether the allocation may sleep.
 */
typedef enum _POOL_TYPE {
	NonPagedPool = 0,
	NonPagedPoolExecute = NonPagedPool,
	PagedPool = 1,
	NonPagedPoolMustSucceed = 2,
	DontUseThisType = 3,
	NonPagedPoolCacheAligned = 4,
	PagedPoolCacheAligned = 5,
	NonPagedPoolCacheAlignedMustS = 6,
	MaxPoolType = 7,
	NonPagedPoolNx = 512,
	NonPagedPoolNxCacheAligned = 516,
} POOL_TYPE;

/**
 * enum _EX_POOL_PRIORITY - how much an allocation matters when memory is low
 * @LowPoolPriority: may fail first
 * @NormalPoolPriority: the usual
 * @HighPoolPriority: should succeed if anything does
 */
typedef enum _EX_POOL_PRIORITY {
	LowPoolPriority = 0,
	NormalPoolPriority = 16,
	HighPoolPriority = 32,
} EX_POOL_PRIORITY;

/**
 * enum _MODE - where a request comes from
 * @KernelMode: kernel code
 * @UserMode: a user process
 * @MaximumMode: number of modes
 */
typedef enum _MODE {
	KernelMode,
	UserMode,
	MaximumMode
} MODE;

typedef CCHAR KPROCESSOR_MODE;

/* What a pool allocation is aligned to at least, as on 64-bit Windows. */
#define MEMORY_ALLOCATION_ALIGNMENT	16

#endif /* _NDIS_TYPES_H */
