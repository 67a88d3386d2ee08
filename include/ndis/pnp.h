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
 * enum _NET_DEVICE_POWER_STATE - Buffer of NetEventSetPower and
 *	NetEventQueryPower
 * @NetDeviceStateUnspecified: not given
 * @NetDeviceStateD0: working
 * @NetDeviceStateD1: light sleep
 * @NetDeviceStateD2: deeper sleep
 * @NetDeviceStateD3: off
 * @NetDeviceStateMaximum: number of states
 *
 * The same values as NDIS_DEVICE_POWER_STATE, under the names of netpnp.h.
 */
typedef enum _NET_DEVICE_POWER_STATE {
	NetDeviceStateUnspecified,
	NetDeviceStateD0,
	NetDeviceStateD1,
	NetDeviceStateD2,
	NetDeviceStateD3,
	NetDeviceStateMaximum
} NET_DEVICE_POWER_STATE, *PNET_DEVICE_POWER_STATE;

/**
 * enum _NDIS_POWER_PROFILE - InformationBuffer of
 *	NdisDevicePnPEventPowerProfileChanged
 * @NdisPowerProfileBattery: the system runs on battery
 * @NdisPowerProfileAcOnLine: the system runs on mains power
 */
typedef enum _NDIS_POWER_PROFILE {
	NdisPowerProfileBattery,
	NdisPowerProfileAcOnLine
} NDIS_POWER_PROFILE, *PNDIS_POWER_PROFILE;

/**
 * enum _NDIS_INTERFACE_TYPE - the bus an adapter sits on
 * @NdisInterfaceInternal: none, or built in; a virtual adapter's
 * @NdisInterfaceIsa: ISA
 * @NdisInterfaceEisa: EISA
 * @NdisInterfaceMca: Micro Channel
 * @NdisInterfaceTurboChannel: TURBOchannel
 * @NdisInterfacePci: PCI
 * @NdisInterfacePcMcia: PCMCIA
 * @NdisInterfaceCBus: CBus
 * @NdisInterfaceMPIBus: MPI bus
 * @NdisInterfaceMPSABus: MPSA bus
 * @NdisInterfaceProcessorInternal: processor internal
 * @NdisInterfaceInternalPowerBus: internal power bus
 * @NdisInterfacePNPISABus: PnP ISA
 * @NdisInterfacePNPBus: other PnP bus
 * @NdisInterfaceUSB: USB
 * @NdisInterfaceIrda: IrDA
 * @NdisInterface1394: IEEE 1394
 * @NdisMaximumInterfaceType: number of types
 *
 * The values of the HAL's INTERFACE_TYPE that the DDI gives them (6 and
 * 7, VME and NuBus, have no NDIS name). The registration attributes'
 * InterfaceType takes one; NDIS only reports it.
 */
typedef enum _NDIS_INTERFACE_TYPE {
	NdisInterfaceInternal = 0,
	NdisInterfaceIsa = 1,
	NdisInterfaceEisa = 2,
	NdisInterfaceMca = 3,
	NdisInterfaceTurboChannel = 4,
	NdisInterfacePci = 5,
	NdisInterfacePcMcia = 8,
	NdisInterfaceCBus = 9,
	NdisInterfaceMPIBus = 10,
	NdisInterfaceMPSABus = 11,
	NdisInterfaceProcessorInternal = 12,
	NdisInterfaceInternalPowerBus = 13,
	NdisInterfacePNPISABus = 14,
	NdisInterfacePNPBus = 15,
	NdisInterfaceUSB,
	NdisInterfaceIrda,
	NdisInterface1394,
	NdisMaximumInterfaceType
} NDIS_INTERFACE_TYPE, *PNDIS_INTERFACE_TYPE;

/**
 * struct _NET_PNP_EVENT - the event proper
 * @NetEvent: what happened
 * @Buffer: event-specific data, or NULL
 * @BufferLength: size of @Buffer
 * @NdisReserved: private to NDIS
 * @TransportReserved: the protocol's, for its own bookkeeping of the event
 * @TdiReserved: reserved, as on Windows
 * @TdiClientReserved: reserved, as on Windows
 */
typedef struct _NET_PNP_EVENT {
	NET_PNP_EVENT_CODE NetEvent;
	PVOID Buffer;
	ULONG BufferLength;
	ULONG_PTR NdisReserved[4];
	ULONG_PTR TransportReserved[4];
	ULONG_PTR TdiReserved[4];
	ULONG_PTR TdiClientReserved[4];
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
 * @BoundIfIndex: interface index of the top of the adapter's stack: the
 *	adapter's, as in NDIS_BIND_PARAMETERS
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
