/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS I/O work items: a driver's routine run once per queueing, at
 * PASSIVE_LEVEL in a kernel worker thread. A work item belongs to the
 * driver whose handle allocated it; what the driver has not freed when it
 * deregisters is cancelled, waited for, freed and reported.
 */
#ifndef _NDIS_WORKITEM_H
#define _NDIS_WORKITEM_H

#include <ndis/types.h>

/**
 * typedef NDIS_IO_WORKITEM_FUNCTION - the routine an I/O work item runs
 * @WorkItemContext: what NdisQueueIoWorkItem() was given
 * @NdisIoWorkItemHandle: the work item
 *
 * The routine may queue its item again or free it.
 *
 * Context: PASSIVE_LEVEL, in a kernel worker thread; may sleep.
 */
typedef void NDIS_IO_WORKITEM_FUNCTION(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle);
/* The same type as a pointer, spelt out: checkpatch misreads the short form. */
typedef void (*NDIS_IO_WORKITEM_ROUTINE)(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle);

NDIS_HANDLE NdisAllocateIoWorkItem(NDIS_HANDLE NdisObjectHandle);
void NdisQueueIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle, NDIS_IO_WORKITEM_ROUTINE Routine,
			 PVOID WorkItemContext);
void NdisFreeIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle);

#endif /* _NDIS_WORKITEM_H */
