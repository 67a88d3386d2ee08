/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PnP and power events NDIS sends to protocol bindings
 * (ProtocolNetPnPEvent), and the pause and restart parameters that come
 * with a pause and a restart.
 */
#ifndef _NDIS_PNP_H
#define _NDIS_PNP_H

#include <ndis/netif.h>
#include <ndis/object.h>
#include <ndis/sal.h>
#include <ndis/status.h>

/**
 * enum _NET_PNP_EVENT_CODE - what a PnP event notification is about
 * @NetEventSetPower: power state change
 * @NetEventQueryPower: may the device change power state
 * @NetEventQueryRemoveDevice: may the device be removed
 * @NetEventCancelRemoveDevice: removal cancelled
 * @NetEventReconfigure: configuration changed
 * @NetEventBindList: bind list changed
 * @NetEventBindsComplete: the initial binds of the protocol are done
 * @NetEventPnPCapabilities: wake-up capabilities changed
 * @NetEventPause: pause the binding: stop sending, drain outstanding sends
 * @NetEventRestart: the binding may run again
 * @NetEventPortActivation: ports activated
 * @NetEventPortDeactivation: ports deactivated
 * @NetEventIMReEnableDevice: intermediate driver device re-enabled
 * @NetEventMaximum: number of event codes
 */
typedef enum _NET_PNP_EVENT_CODE {
	NetEventSetPower,
	NetEventQueryPower,
	NetEventQueryRemoveDevice,
	NetEventCancelRemoveDevice,
	NetEventReconfigure,
	NetEventBindList,
	NetEventBindsComplete,
	NetEventPnPCapabilities,
	NetEventPause,
	NetEventRestart,
	NetEventPortActivation,
	NetEventPortDeactivation,
	NetEventIMReEnableDevice,
	NetEventMaximum
} NET_PNP_EVENT_CODE, *PNET_PNP_EVENT_CODE;

/**
 * enum _NDIS_DEVICE_POWER_STATE - device power states
 * @NdisDeviceStateUnspecified: not given
 * @NdisDeviceStateD0: working
 * @NdisDeviceStateD1: light sleep
 * @NdisDeviceStateD2: deeper sleep
 * @NdisDeviceStateD3: off
 * @NdisDeviceStateMaximum: number of states
 */
typedef enum _NDIS_DEVICE_POWER_STATE {
	NdisDeviceStateUnspecified,
	NdisDeviceStateD0,
	NdisDeviceStateD1,
	NdisDeviceStateD2,
	NdisDeviceStateD3,
	NdisDeviceStateMaximum
} NDIS_DEVICE_POWER_STATE, *PNDIS_DEVICE_POWER_STATE;

/**
 * struct _NET_PNP_EVENT - the event proper
 * @NetEvent: what happened
 * @Buffer: event-specific data, or NULL
 * @BufferLength: size of @Buffer
 * @NdisReserved: private to NDIS
 */
typedef struct _NET_PNP_EVENT {
	NET_PNP_EVENT_CODE NetEvent;
	PVOID Buffer;
	ULONG BufferLength;
	ULONG_PTR NdisReserved[4];
} NET_PNP_EVENT, *PNET_PNP_EVENT;

/**
 * struct _NET_PNP_EVENT_NOTIFICATION - what ProtocolNetPnPEvent receives
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, revision 1
 * @PortNumber: port the event applies to (0: the default port)
 * @NetPnPEvent: the event
 * @Flags: reserved, 0
 *
 * Owned by NDIS. A handler that returns NDIS_STATUS_PENDING keeps the
 * pointer and passes it back to NdisCompleteNetPnPEvent().
 */
typedef struct _NET_PNP_EVENT_NOTIFICATION {
	NDIS_OBJECT_HEADER Header;
	NDIS_PORT_NUMBER PortNumber;
	NET_PNP_EVENT NetPnPEvent;
	ULONG Flags;
} NET_PNP_EVENT_NOTIFICATION, *PNET_PNP_EVENT_NOTIFICATION;

#define NET_PNP_EVENT_NOTIFICATION_REVISION_1	1

/**
 * struct _NDIS_PROTOCOL_PAUSE_PARAMETERS - Buffer of NetEventPause
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, revision 1
 * @Flags: reserved, 0
 * @PauseReason: why (deprecated since NDIS 6.40; 0 here)
 */
typedef struct _NDIS_PROTOCOL_PAUSE_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	ULONG PauseReason;
} NDIS_PROTOCOL_PAUSE_PARAMETERS, *PNDIS_PROTOCOL_PAUSE_PARAMETERS;

#define NDIS_PROTOCOL_PAUSE_PARAMETERS_REVISION_1	1
#define NDIS_SIZEOF_PROTOCOL_PAUSE_PARAMETERS_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_PROTOCOL_PAUSE_PARAMETERS, PauseReason)

/**
 * struct _NDIS_PROTOCOL_RESTART_PARAMETERS - Buffer of NetEventRestart
 * @Header: NDIS_OBJECT_TYPE_PROTOCOL_RESTART_PARAMETERS, revision 1,
 *	NDIS_SIZEOF_PROTOCOL_RESTART_PARAMETERS_REVISION_1
 * @FilterModuleNameBuffer: the names of the filter modules below the
 *	binding, each a USHORT byte count and that many bytes of UTF-16;
 *	NULL: there are no filter drivers
 * @FilterModuleNameBufferLength: bytes at @FilterModuleNameBuffer; 0
 * @RestartAttributes: first of a list of restart attributes; NULL: none
 *	is given, the protocol queries what it needs
 * @BoundIfIndex: interface index of the top of the adapter's stack;
 *	NET_IFINDEX_UNSPECIFIED, as in NDIS_BIND_PARAMETERS
 * @BoundIfNetluid: its NET_LUID, as in NDIS_BIND_PARAMETERS (the IfType
 *	of the medium, index 0)
 * @Flags: reserved, 0
 *
 * Owned by NDIS; valid until the handler returns or, when it pends, until
 * NdisCompleteNetPnPEvent().
 */
typedef struct _NDIS_PROTOCOL_RESTART_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	PUCHAR FilterModuleNameBuffer;
	ULONG FilterModuleNameBufferLength;
	struct _NDIS_RESTART_ATTRIBUTES *RestartAttributes;
	NET_IFINDEX BoundIfIndex;
	NET_LUID BoundIfNetluid;
	ULONG Flags;
} NDIS_PROTOCOL_RESTART_PARAMETERS, *PNDIS_PROTOCOL_RESTART_PARAMETERS;

#define NDIS_PROTOCOL_RESTART_PARAMETERS_REVISION_1	1
#define NDIS_SIZEOF_PROTOCOL_RESTART_PARAMETERS_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_PROTOCOL_RESTART_PARAMETERS, Flags)

void NdisCompleteNetPnPEvent(NDIS_HANDLE NdisBindingHandle,
			     PNET_PNP_EVENT_NOTIFICATION NetPnPEventNotification,
			     NDIS_STATUS Status);

#endif /* _NDIS_PNP_H */
