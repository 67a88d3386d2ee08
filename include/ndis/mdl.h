/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory descriptor lists: how a NET_BUFFER describes its data, one
 * virtually contiguous piece per MDL, chained through Next.
 *
 * Every MDL here describes memory the kernel has mapped already (the
 * linear part of an sk_buff, a page fragment, a driver's kmalloc()ed
 * buffer), so MappedSystemVa is always valid and "mapping" one never
 * fails. An MDL carries no page array: the kernel's DMA API maps a buffer
 * by its address, not through the MDL.
 */
#ifndef _NDIS_MDL_H
#define _NDIS_MDL_H

#include <asm/page.h>
#include <ndis/sal.h>
#include <ndis/types.h>

/**
 * struct _MDL - one virtually contiguous piece of a buffer
 * @Next: the next piece, or NULL
 * @Size: bytes of this structure
 * @MdlFlags: MDL_* flags
 * @Process: NULL: the memory is the kernel's
 * @MappedSystemVa: where the piece starts, in the kernel's address space
 * @StartVa: the page-aligned address the piece's page starts at
 * @ByteCount: bytes in the piece
 * @ByteOffset: where the piece starts within the page at @StartVa
 */
typedef struct _MDL {
	struct _MDL *Next;
	CSHORT Size;
	CSHORT MdlFlags;
	PVOID Process;
	PVOID MappedSystemVa;
	PVOID StartVa;
	ULONG ByteCount;
	ULONG ByteOffset;
} MDL, *PMDL;

typedef PMDL PNDIS_BUFFER;

#define MDL_MAPPED_TO_SYSTEM_VA		0x0001
#define MDL_PAGES_LOCKED		0x0002
#define MDL_SOURCE_IS_NONPAGED_POOL	0x0004
#define MDL_ALLOCATED_FIXED_SIZE	0x0008
#define MDL_PARTIAL			0x0010
#define MDL_NETWORK_HEADER		0x1000	/* NDIS allocated it in a retreat */

/**
 * enum _MM_PAGE_PRIORITY - how much a mapping matters when memory is low
 * @LowPagePriority: may fail first
 * @NormalPagePriority: the usual
 * @HighPagePriority: should succeed if anything does
 *
 * Mappings never fail here: every MDL is mapped already.
 */
typedef enum _MM_PAGE_PRIORITY {
	LowPagePriority,
	NormalPagePriority = 16,
	HighPagePriority = 32
} MM_PAGE_PRIORITY;

/* Flags that may be or-ed into a MM_PAGE_PRIORITY; accepted and not needed. */
#define MdlMappingNoWrite	0x80000000
#define MdlMappingNoExecute	0x40000000

#define MmGetMdlByteCount(_Mdl)		((_Mdl)->ByteCount)
#define MmGetMdlByteOffset(_Mdl)	((_Mdl)->ByteOffset)
#define MmGetMdlNextMdl(_Mdl)		((_Mdl)->Next)

/**
 * MmGetMdlVirtualAddress() - where an MDL's piece starts
 * @Mdl: the MDL
 *
 * Context: any.
 * Return: the address, in the kernel's address space here.
 */
static inline PVOID MmGetMdlVirtualAddress(const MDL *Mdl)
{
	return (PCHAR)Mdl->StartVa + Mdl->ByteOffset;
}

/**
 * MmGetSystemAddressForMdlSafe() - the kernel address of an MDL's piece
 * @Mdl: the MDL
 * @Priority: a MM_PAGE_PRIORITY, maybe with MdlMapping* flags; not needed
 *
 * Every MDL is mapped already, so this never fails.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the address.
 */
static inline PVOID MmGetSystemAddressForMdlSafe(PMDL Mdl, ULONG Priority)
{
	return Mdl->MappedSystemVa;
}

#define NDIS_MDL_LINKAGE(_Mdl)		((_Mdl)->Next)
#define NdisGetNextMdl(_CurrentMdl, _NextMdl)	(*(_NextMdl) = (_CurrentMdl)->Next)
#define NdisAdjustMdlLength(_Mdl, _Length)	((_Mdl)->ByteCount = (_Length))

/* Macros, not inlines: drivers pass a PUCHAR * or a PVOID * alike. */
#define NdisQueryMdl(_Mdl, _VirtualAddress, _Length, _Priority)			\
	do {									\
		PMDL __ndis_mdl = (_Mdl);					\
										\
		*(PVOID *)(_VirtualAddress) =					\
			MmGetSystemAddressForMdlSafe(__ndis_mdl, (_Priority));	\
		*(_Length) = __ndis_mdl->ByteCount;				\
	} while (0)
#define NdisQueryMdlOffset(_Mdl, _Offset, _Length)				\
	do {									\
		PMDL __ndis_mdl = (_Mdl);					\
										\
		*(_Offset) = __ndis_mdl->ByteOffset;				\
		*(_Length) = __ndis_mdl->ByteCount;				\
	} while (0)

PMDL NdisAllocateMdl(NDIS_HANDLE NdisHandle, PVOID VirtualAddress, UINT Length);
void NdisFreeMdl(PMDL Mdl);

/* Fill @mdl to describe @length bytes at @va (kernel-mapped). */
static inline void ndis_mdl_describe(PMDL mdl, void *va, ULONG length, CSHORT flags)
{
	mdl->Next = NULL;
	mdl->Size = sizeof(*mdl);
	mdl->MdlFlags = MDL_MAPPED_TO_SYSTEM_VA | MDL_SOURCE_IS_NONPAGED_POOL | flags;
	mdl->Process = NULL;
	mdl->MappedSystemVa = va;
	mdl->ByteOffset = (ULONG)((unsigned long)va & (PAGE_SIZE - 1));
	mdl->StartVa = (PCHAR)va - mdl->ByteOffset;
	mdl->ByteCount = length;
}

#endif /* _NDIS_MDL_H */
