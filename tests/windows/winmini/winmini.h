/* SPDX-License-Identifier: GPL-2.0 */
/*
 * winmini: a virtual Ethernet miniport written the way an NDIS 6 driver
 * is written for Windows, against <ndis/ndis.h> alone. Every adapter of
 * the driver sits on one virtual hub: a frame sent on one adapter is
 * received by every other adapter whose packet filter accepts it.
 *
 * The NDIS parts (driver.c, adapter.c, datapath.c, oid.c) would compile
 * for Windows with the Windows headers; pnp_linux.c is the OS glue that
 * stands in for the INF file and the PnP manager.
 */
#ifndef _WINMINI_H
#define _WINMINI_H

#include <ndis/ndis.h>

#define WM_TAG			0x694d6d57	/* "WmMi" in a pool dump */
#define WM_MTU			1500
#define WM_HEADER_SIZE		14
#define WM_MAX_FRAME		(WM_MTU + WM_HEADER_SIZE)
#define WM_MIN_FRAME		WM_HEADER_SIZE
#define WM_LINK_SPEED		1000000000ULL
#define WM_MAX_MCAST		16
#define WM_RECV_BATCH		32
#define WM_MAX_QUEUED_RECV	256
#define WM_VENDOR_ID		0x00ffffff
#define WM_PACKET_FILTERS	(NDIS_PACKET_TYPE_DIRECTED | NDIS_PACKET_TYPE_MULTICAST | \
				 NDIS_PACKET_TYPE_ALL_MULTICAST | NDIS_PACKET_TYPE_BROADCAST | \
				 NDIS_PACKET_TYPE_PROMISCUOUS)

/* A received frame, from the adapter's lookaside list, until returned. */
typedef struct _WM_RCB {
	LIST_ENTRY Link;
	PMDL Mdl;
	ULONG Length;
	UCHAR Data[WM_MAX_FRAME];
} WM_RCB, *PWM_RCB;

typedef struct _WM_ADAPTER {
	LIST_ENTRY HubLink;
	NDIS_HANDLE AdapterHandle;
	ULONG Index;
	NDIS_HANDLE NblPool;
	NPAGED_LOOKASIDE_LIST RcbLookaside;
	NDIS_HANDLE RecvTimer;
	NDIS_HANDLE LinkWorkItem;
	ULONG RecvDelayMs;

	NDIS_SPIN_LOCK Lock;		/* everything below */
	LIST_ENTRY RecvQueue;
	ULONG RecvQueued;
	BOOLEAN Running;
	BOOLEAN PausePending;
	ULONG PacketFilter;
	ULONG LookAhead;
	ULONG McastCount;
	UCHAR McastList[WM_MAX_MCAST][ETH_LENGTH_OF_ADDRESS];
	UCHAR PermanentAddress[ETH_LENGTH_OF_ADDRESS];
	UCHAR CurrentAddress[ETH_LENGTH_OF_ADDRESS];

	LONG RecvOutstanding;		/* indicated, not yet returned */
	ULONG64 FramesXmitOk;
	ULONG64 BytesXmit;
	ULONG64 FramesRcvOk;
	ULONG64 BytesRcv;
	ULONG64 RcvNoBuffer;
	ULONG64 XmitDiscards;
} WM_ADAPTER, *PWM_ADAPTER;

/* driver.c */
extern NDIS_HANDLE WmDriverHandle;
extern PNDIS_RW_LOCK_EX WmHubLock;
extern LIST_ENTRY WmHub;

/* adapter.c */
MINIPORT_SET_OPTIONS WmSetOptions;
MINIPORT_INITIALIZE WmInitializeEx;
MINIPORT_HALT WmHaltEx;
MINIPORT_PAUSE WmPause;
MINIPORT_RESTART WmRestart;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY WmDevicePnPEventNotify;
MINIPORT_SHUTDOWN WmShutdownEx;

/* datapath.c */
MINIPORT_SEND_NET_BUFFER_LISTS WmSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS WmReturnNetBufferLists;
MINIPORT_CANCEL_SEND WmCancelSend;
NDIS_TIMER_FUNCTION WmRecvTimer;
void WmFlushRecvQueue(PWM_ADAPTER Adapter);

/* oid.c */
MINIPORT_OID_REQUEST WmOidRequest;
MINIPORT_CANCEL_OID_REQUEST WmCancelOidRequest;

/* pnp_linux.c: what the INF and the PnP manager do on Windows */
NDIS_STATUS WmPnpStartAdapters(NDIS_HANDLE MiniportDriverHandle);
void WmPnpStopAdapters(void);

#endif /* _WINMINI_H */
