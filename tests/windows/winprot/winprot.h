/* SPDX-License-Identifier: GPL-2.0 */
/*
 * winprot: a protocol driver with a user-mode device, written the way an
 * NDIS 6 protocol driver is written for Windows (ndisprot's shape),
 * against <ndis/ndis.h> alone. It binds to every Ethernet adapter; a
 * file opened on \Device\winprot picks one binding and then reads and
 * writes raw frames and queries and sets OIDs on it.
 *
 * Nothing in it is Linux's: DriverEntry is found by NDIS_DRIVER_ENTRY,
 * and that is the whole of the OS glue.
 */
#ifndef _WINPROT_H
#define _WINPROT_H

#include <ndis/ndis.h>
#include "winprot_ioctl.h"

#define WP_TAG			0x74507057	/* "WpPt" */
#define WP_MAX_FRAME		1514
#define WP_MIN_FRAME		14
#define WP_MAX_RECV_QUEUE	64
#define WP_PACKET_FILTER	(NDIS_PACKET_TYPE_DIRECTED | NDIS_PACKET_TYPE_BROADCAST | \
				 NDIS_PACKET_TYPE_MULTICAST)

/* A received frame, queued until a read takes it. */
typedef struct _WP_RECV_FRAME {
	LIST_ENTRY Link;
	ULONG Length;
	UCHAR Data[WP_MAX_FRAME];
} WP_RECV_FRAME, *PWP_RECV_FRAME;

/* One binding; files that picked it hold a reference. */
typedef struct _WP_OPEN_CONTEXT {
	LIST_ENTRY Link;		/* on WpGlobals.OpenList */
	LONG RefCount;
	NDIS_HANDLE BindingHandle;
	NDIS_HANDLE SendPool;
	NDIS_STRING AdapterName;
	UCHAR CurrentAddress[ETH_LENGTH_OF_ADDRESS];

	NDIS_SPIN_LOCK Lock;		/* everything below */
	BOOLEAN Running;		/* bound and not paused */
	BOOLEAN Unbinding;
	BOOLEAN FileAttached;		/* one file at a time, as ndisprot */
	ULONG PendingSends;
	ULONG PendingOids;
	LIST_ENTRY PendedReads;		/* IRPs */
	LIST_ENTRY RecvQueue;		/* WP_RECV_FRAMEs */
	ULONG RecvQueued;

	NDIS_EVENT Quiet;		/* set when no send or OID is pending */
	NDIS_EVENT BindEvent;		/* open or close completed */
	NDIS_STATUS BindStatus;
} WP_OPEN_CONTEXT, *PWP_OPEN_CONTEXT;

typedef struct _WP_GLOBALS {
	NDIS_HANDLE ProtocolHandle;
	PDEVICE_OBJECT DeviceObject;
	NDIS_MUTEX Lock;		/* OpenList; names compare at PASSIVE_LEVEL */
	LIST_ENTRY OpenList;
} WP_GLOBALS;

extern WP_GLOBALS WpGlobals;

/* bind.c */
PROTOCOL_BIND_ADAPTER_EX WpBindAdapter;
PROTOCOL_UNBIND_ADAPTER_EX WpUnbindAdapter;
PROTOCOL_OPEN_ADAPTER_COMPLETE_EX WpOpenAdapterComplete;
PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX WpCloseAdapterComplete;
PROTOCOL_NET_PNP_EVENT WpPnPEventHandler;
PROTOCOL_STATUS_EX WpStatusHandler;
void WpReferenceOpen(PWP_OPEN_CONTEXT Open);
void WpDereferenceOpen(PWP_OPEN_CONTEXT Open);
PWP_OPEN_CONTEXT WpLookupOpen(PCUNICODE_STRING AdapterName);
void WpCheckQuiet(PWP_OPEN_CONTEXT Open);

/* oid.c */
PROTOCOL_OID_REQUEST_COMPLETE WpOidRequestComplete;
NDIS_STATUS WpDoOidRequest(PWP_OPEN_CONTEXT Open, NDIS_REQUEST_TYPE RequestType, NDIS_OID Oid,
			   PVOID Buffer, ULONG BufferLength, PULONG BytesProcessed);

/* data.c */
PROTOCOL_RECEIVE_NET_BUFFER_LISTS WpReceiveNetBufferLists;
PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE WpSendComplete;
NTSTATUS WpWrite(PWP_OPEN_CONTEXT Open, PIRP Irp);
NTSTATUS WpRead(PWP_OPEN_CONTEXT Open, PIRP Irp);
void WpCancelPendedReads(PWP_OPEN_CONTEXT Open, PFILE_OBJECT FileObject);
void WpFlushRecvQueue(PWP_OPEN_CONTEXT Open);

/* device.c */
NTSTATUS WpCreateDevice(PDRIVER_OBJECT DriverObject);
void WpDeleteDevice(void);

#endif /* _WINPROT_H */
