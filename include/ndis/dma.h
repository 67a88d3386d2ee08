/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The scatter-gather list of wdm.h: how a bus-master miniport sees a
 * NET_BUFFER mapped for DMA (NdisMAllocateNetBufferSGList() fills one on
 * Windows). That call is not offered yet: a driver for real hardware maps
 * a frame with the kernel's DMA API (dma_map_single(), dma_map_sg()). The
 * types exist so that a driver that keeps such lists in its own
 * structures compiles.
 */
#ifndef _NDIS_DMA_H
#define _NDIS_DMA_H

#include <ndis/types.h>

/**
 * struct _SCATTER_GATHER_ELEMENT - one piece of a mapped buffer
 * @Address: its bus address
 * @Length: its bytes
 * @Reserved: the system's
 */
typedef struct _SCATTER_GATHER_ELEMENT {
	PHYSICAL_ADDRESS Address;
	ULONG Length;
	ULONG_PTR Reserved;
} SCATTER_GATHER_ELEMENT, *PSCATTER_GATHER_ELEMENT;

/**
 * struct _SCATTER_GATHER_LIST - a buffer mapped for DMA
 * @NumberOfElements: entries in @Elements
 * @Reserved: the system's
 * @Elements: the pieces, in order
 */
typedef struct _SCATTER_GATHER_LIST {
	ULONG NumberOfElements;
	ULONG_PTR Reserved;
	SCATTER_GATHER_ELEMENT Elements[];
} SCATTER_GATHER_LIST, *PSCATTER_GATHER_LIST;

#endif /* _NDIS_DMA_H */
