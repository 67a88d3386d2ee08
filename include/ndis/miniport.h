/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Miniport drivers: registration, the handlers NDIS calls, adapter
 * attributes, and the calls standing in for Windows PnP.
 *
 * Differences from the DDI, all deliberate:
 * - NdisMRegisterMiniportDriver() takes the DDI's five arguments but is a
 *   macro that also records the calling module. The DriverObject is the
 *   one NDIS_DRIVER_ENTRY() built (include/ndis/driver.h); registration
 *   points its DriverUnload at NDIS, which calls UnloadHandler at module
 *   unload, as on Windows. A NULL DriverObject (a Linux addition) is for
 *   drivers with their own module_init and module_exit, which then call
 *   NdisMDeregisterMiniportDriver() themselves; UnloadHandler is optional
 *   for them and never called. The RegistryPath is not read.
 * - The characteristics have @Name, a Linux addition between Flags and
 *   SetOptionsHandler: the driver's name in sysfs, else the module name.
 * - MiniportInitializeEx's parameters have no PnP resources, PCI
 *   properties or port authentication (NULL). IfIndex is the adapter's
 *   NDIS interface index (include/ndis/ifstack.h), not a Linux ifindex;
 *   NetLuid is 0.
 *   AdapterName follows the DDI's fields (a Linux addition).
 * - MiniportRestart gets the general restart attributes; NDIS reads back
 *   nothing the miniport changes in them.
 * - PnP start, stop and surprise removal of an adapter are calls the
 *   miniport makes: ndis_miniport_add_adapter(),
 *   ndis_miniport_remove_adapter(), ndis_miniport_surprise_remove_adapter().
 */
#ifndef _NDIS_MINIPORT_H
#define _NDIS_MINIPORT_H

#include <linux/module.h>
#include <ndis/device.h>
#include <ndis/driver.h>
#include <ndis/netif.h>
#include <ndis/object.h>
#include <ndis/resources.h>
#include <ndis/sal.h>
#include <ndis/status.h>
#include <ndis/version.h>

/**
 * enum _NDIS_HALT_ACTION - why an adapter is halted
 * @NdisHaltDeviceDisabled: PnP removal (ndis_miniport_remove_adapter)
 * @NdisHaltDeviceInstanceDeInitialized: intermediate driver instance gone
 * @NdisHaltDevicePoweredDown: powered down
 * @NdisHaltDeviceSurpriseRemoved: surprise removal
 * @NdisHaltDeviceFailed: NdisMRemoveMiniport()
 * @NdisHaltDeviceInitializationFailed: initialisation failed afterwards
 * @NdisHaltDeviceStopped: PnP stop
 */
typedef enum _NDIS_HALT_ACTION {
	NdisHaltDeviceDisabled,
	NdisHaltDeviceInstanceDeInitialized,
	NdisHaltDevicePoweredDown,
	NdisHaltDeviceSurpriseRemoved,
	NdisHaltDeviceFailed,
	NdisHaltDeviceInitializationFailed,
	NdisHaltDeviceStopped
} NDIS_HALT_ACTION, *PNDIS_HALT_ACTION;

/**
 * enum _NDIS_SHUTDOWN_ACTION - why MiniportShutdownEx is called
 * @NdisShutdownPowerOff: the system is powering off or rebooting
 * @NdisShutdownBugCheck: the system crashed
 */
typedef enum _NDIS_SHUTDOWN_ACTION {
	NdisShutdownPowerOff,
	NdisShutdownBugCheck
} NDIS_SHUTDOWN_ACTION, *PNDIS_SHUTDOWN_ACTION;

/**
 * enum _NDIS_DEVICE_PNP_EVENT - device events for MiniportDevicePnPEventNotify
 * @NdisDevicePnPEventQueryRemoved: removal queried
 * @NdisDevicePnPEventRemoved: removed
 * @NdisDevicePnPEventSurpriseRemoved: gone without warning
 * @NdisDevicePnPEventQueryStopped: stop queried
 * @NdisDevicePnPEventStopped: stopped
 * @NdisDevicePnPEventPowerProfileChanged: power profile changed
 * @NdisDevicePnPEventMaximum: number of events
 */
typedef enum _NDIS_DEVICE_PNP_EVENT {
	NdisDevicePnPEventQueryRemoved,
	NdisDevicePnPEventRemoved,
	NdisDevicePnPEventSurpriseRemoved,
	NdisDevicePnPEventQueryStopped,
	NdisDevicePnPEventStopped,
	NdisDevicePnPEventPowerProfileChanged,
	NdisDevicePnPEventMaximum
} NDIS_DEVICE_PNP_EVENT, *PNDIS_DEVICE_PNP_EVENT;

/**
 * struct _NET_DEVICE_PNP_EVENT - argument of MiniportDevicePnPEventNotify
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, revision 1
 * @PortNumber: 0
 * @DevicePnPEvent: what happened
 * @InformationBuffer: event data, or NULL
 * @InformationBufferLength: size of @InformationBuffer
 */
typedef struct _NET_DEVICE_PNP_EVENT {
	NDIS_OBJECT_HEADER Header;
	NDIS_PORT_NUMBER PortNumber;
	NDIS_DEVICE_PNP_EVENT DevicePnPEvent;
	PVOID InformationBuffer;
	ULONG InformationBufferLength;
} NET_DEVICE_PNP_EVENT, *PNET_DEVICE_PNP_EVENT;

/* The adapter's resources: NULL here, see include/ndis/resources.h. */
typedef CM_PARTIAL_RESOURCE_LIST NDIS_RESOURCE_LIST, *PNDIS_RESOURCE_LIST;

/*
 * Structures the DDI points to that NDIS never fills in here: there is no
 * port authentication or PCI property query; the pointers to them are
 * NULL.
 */
typedef struct _NDIS_PORT_AUTHENTICATION_PARAMETERS *PNDIS_PORT_AUTHENTICATION_PARAMETERS;
typedef struct _NDIS_PCI_DEVICE_CUSTOM_PROPERTIES NDIS_PCI_DEVICE_CUSTOM_PROPERTIES,
	*PNDIS_PCI_DEVICE_CUSTOM_PROPERTIES;
typedef struct _NDIS_PNP_CAPABILITIES NDIS_PNP_CAPABILITIES, *PNDIS_PNP_CAPABILITIES;
typedef struct _NDIS_RECEIVE_SCALE_CAPABILITIES NDIS_RECEIVE_SCALE_CAPABILITIES,
	*PNDIS_RECEIVE_SCALE_CAPABILITIES;
typedef struct _NDIS_PM_CAPABILITIES NDIS_PM_CAPABILITIES, *PNDIS_PM_CAPABILITIES;

/**
 * struct _NDIS_MINIPORT_INIT_PARAMETERS - argument of MiniportInitializeEx
 * @Header: NDIS_OBJECT_TYPE_MINIPORT_INIT_PARAMETERS, revision 1, the
 *	size of the whole structure (AdapterName included)
 * @Flags: reserved, 0
 * @AllocatedResources: NULL: the miniport finds its device's resources
 *	in its own probe (PCI BARs, IRQ)
 * @IMDeviceInstanceContext: NULL: there are no intermediate drivers
 * @MiniportAddDeviceContext: what the miniport passed to
 *	ndis_miniport_add_adapter() (the device it found)
 * @IfIndex: the adapter's NDIS interface index, from 1, which NDIS
 *	allocated for it (include/ndis/ifstack.h); NDIS's own, not the
 *	ifindex of a Linux net_device
 * @NetLuid: 0: an NDIS adapter is no interface of the Linux stack of its
 *	own
 * @DefaultPortAuthStates: NULL: there is no port authentication
 * @PciDeviceCustomProperties: NULL: no PCI property query
 * @AdapterName: the adapter's name (a Linux addition, after the DDI's
 *	fields)
 */
typedef struct _NDIS_MINIPORT_INIT_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	PNDIS_RESOURCE_LIST AllocatedResources;
	NDIS_HANDLE IMDeviceInstanceContext;
	NDIS_HANDLE MiniportAddDeviceContext;
	NET_IFINDEX IfIndex;
	NET_LUID NetLuid;
	PNDIS_PORT_AUTHENTICATION_PARAMETERS DefaultPortAuthStates;
	PNDIS_PCI_DEVICE_CUSTOM_PROPERTIES PciDeviceCustomProperties;
	const char *AdapterName;
} NDIS_MINIPORT_INIT_PARAMETERS, *PNDIS_MINIPORT_INIT_PARAMETERS;

#define NDIS_MINIPORT_INIT_PARAMETERS_REVISION_1	1
#define NDIS_SIZEOF_MINIPORT_INIT_PARAMETER_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_MINIPORT_INIT_PARAMETERS, PciDeviceCustomProperties)

/**
 * struct _NDIS_MINIPORT_PAUSE_PARAMETERS - argument of MiniportPause
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, revision 1
 * @Flags: reserved, 0
 * @PauseReason: reserved, 0
 */
typedef struct _NDIS_MINIPORT_PAUSE_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	ULONG PauseReason;
} NDIS_MINIPORT_PAUSE_PARAMETERS, *PNDIS_MINIPORT_PAUSE_PARAMETERS;

typedef struct _NDIS_RESTART_ATTRIBUTES NDIS_RESTART_ATTRIBUTES, *PNDIS_RESTART_ATTRIBUTES;

/**
 * struct _NDIS_RESTART_ATTRIBUTES - one entry of a restart's attribute list
 * @Next: the next entry, or NULL
 * @Oid: what @Data holds: OID_GEN_MINIPORT_RESTART_ATTRIBUTES for an
 *	NDIS_RESTART_GENERAL_ATTRIBUTES
 * @DataLength: bytes in @Data
 * @Data: the attributes, aligned to MEMORY_ALLOCATION_ALIGNMENT
 */
struct _NDIS_RESTART_ATTRIBUTES {
	PNDIS_RESTART_ATTRIBUTES Next;
	NDIS_OID Oid;
	ULONG DataLength;
	UCHAR Data[1] __aligned(MEMORY_ALLOCATION_ALIGNMENT);
};

/**
 * struct _NDIS_RESTART_GENERAL_ATTRIBUTES - the adapter as a restart finds it
 * @Header: NDIS_OBJECT_TYPE_RESTART_GENERAL_ATTRIBUTES, revision 2
 * @MtuSize: as the general attributes
 * @MaxXmitLinkSpeed: as the general attributes
 * @MaxRcvLinkSpeed: as the general attributes
 * @LookaheadSize: as the general attributes
 * @MacOptions: as the general attributes
 * @SupportedPacketFilters: as the general attributes
 * @MaxMulticastListSize: as the general attributes
 * @RecvScaleCapabilities: as the general attributes
 * @AccessType: as the general attributes
 * @Flags: reserved, 0
 * @ConnectionType: as the general attributes
 * @SupportedStatistics: as the general attributes
 * @DataBackFillSize: as the general attributes
 * @ContextBackFillSize: as the general attributes
 * @SupportedOidList: as the general attributes; NDIS's copy
 * @SupportedOidListLength: size of @SupportedOidList in bytes
 * @MaxLookaheadSizeAccessed: revision 2: the lookahead protocols asked
 *	for, 0 (none asks)
 *
 * NDIS fills it in from the adapter's general attributes for each
 * restart. A miniport may write to it during MiniportRestart, as the DDI
 * allows for the drivers above it; NDIS reads nothing back.
 */
typedef struct _NDIS_RESTART_GENERAL_ATTRIBUTES {
	NDIS_OBJECT_HEADER Header;
	ULONG MtuSize;
	ULONG64 MaxXmitLinkSpeed;
	ULONG64 MaxRcvLinkSpeed;
	ULONG LookaheadSize;
	ULONG MacOptions;
	ULONG SupportedPacketFilters;
	ULONG MaxMulticastListSize;
	PNDIS_RECEIVE_SCALE_CAPABILITIES RecvScaleCapabilities;
	NET_IF_ACCESS_TYPE AccessType;
	ULONG Flags;
	NET_IF_CONNECTION_TYPE ConnectionType;
	ULONG SupportedStatistics;
	ULONG DataBackFillSize;
	ULONG ContextBackFillSize;
	PNDIS_OID SupportedOidList;
	ULONG SupportedOidListLength;
	ULONG MaxLookaheadSizeAccessed;
} NDIS_RESTART_GENERAL_ATTRIBUTES, *PNDIS_RESTART_GENERAL_ATTRIBUTES;

#define NDIS_RESTART_GENERAL_ATTRIBUTES_REVISION_1	1
#define NDIS_RESTART_GENERAL_ATTRIBUTES_REVISION_2	2
#define NDIS_SIZEOF_RESTART_GENERAL_ATTRIBUTES_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RESTART_GENERAL_ATTRIBUTES, SupportedOidListLength)
#define NDIS_SIZEOF_RESTART_GENERAL_ATTRIBUTES_REVISION_2	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RESTART_GENERAL_ATTRIBUTES, MaxLookaheadSizeAccessed)

/**
 * struct _NDIS_MINIPORT_RESTART_PARAMETERS - argument of MiniportRestart
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, revision 1
 * @RestartAttributes: a list of one entry, OID_GEN_MINIPORT_RESTART_ATTRIBUTES
 *	with an NDIS_RESTART_GENERAL_ATTRIBUTES; valid during the call only
 * @Flags: reserved, 0
 */
typedef struct _NDIS_MINIPORT_RESTART_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	PNDIS_RESTART_ATTRIBUTES RestartAttributes;
	ULONG Flags;
} NDIS_MINIPORT_RESTART_PARAMETERS, *PNDIS_MINIPORT_RESTART_PARAMETERS;

#define NDIS_MINIPORT_RESTART_PARAMETERS_REVISION_1	1
#define NDIS_SIZEOF_MINIPORT_RESTART_PARAMETERS_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_MINIPORT_RESTART_PARAMETERS, Flags)

/*
 * AttributeFlags of the registration attributes. NDIS keeps them and acts
 * on none: there is no WDM stack, suspend, CoNDIS or bus-master DMA here.
 */
#define NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE		0x00000001
#define NDIS_MINIPORT_ATTRIBUTES_NDIS_WDM			0x00000002
#define NDIS_MINIPORT_ATTRIBUTES_SURPRISE_REMOVE_OK		0x00000004
#define NDIS_MINIPORT_ATTRIBUTES_NOT_CO_NDIS			0x00000008
#define NDIS_MINIPORT_ATTRIBUTES_DO_NOT_BIND_TO_ALL_CO		0x00000010
#define NDIS_MINIPORT_ATTRIBUTES_NO_HALT_ON_SUSPEND		0x00000020
#define NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER			0x00000040
#define NDIS_MINIPORT_ATTRIBUTES_CONTROLS_DEFAULT_PORT		0x00000080
#define NDIS_MINIPORT_ATTRIBUTES_NO_PAUSE_ON_SUSPEND		0x00000100
#define NDIS_MINIPORT_ATTRIBUTES_NO_OID_INTERCEPT_ON_NONDEFAULT_PORTS	0x00000200
#define NDIS_MINIPORT_ATTRIBUTES_REGISTER_BUGCHECK_CALLBACK	0x00000400

/**
 * struct _NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES - first attributes
 * @Header: NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES, rev 1 or 2
 * @MiniportAdapterContext: the context NDIS passes to every handler
 * @AttributeFlags: NDIS_MINIPORT_ATTRIBUTES_* flags
 * @CheckForHangTimeInSeconds: period of MiniportCheckForHangEx, 0: default
 * @InterfaceType: bus type, informational
 */
typedef struct _NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES {
	NDIS_OBJECT_HEADER Header;
	NDIS_HANDLE MiniportAdapterContext;
	ULONG AttributeFlags;
	UINT CheckForHangTimeInSeconds;
	ULONG InterfaceType;
} NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES,
	*PNDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;

/**
 * struct _NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES - what the adapter is
 * @Header: NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES, rev 1 or 2
 * @Flags: reserved, 0
 * @MediaType: the medium
 * @PhysicalMediumType: accepted, not used
 * @MtuSize: largest payload, without the link header
 * @MaxXmitLinkSpeed: top transmit speed, bit/s
 * @XmitLinkSpeed: current transmit speed, bit/s
 * @MaxRcvLinkSpeed: top receive speed, bit/s
 * @RcvLinkSpeed: current receive speed, bit/s
 * @MediaConnectState: link state
 * @MediaDuplexState: duplex
 * @LookaheadSize: lookahead offered
 * @PowerManagementCapabilities: accepted, not read
 * @MacOptions: NDIS_MAC_OPTION_* flags
 * @SupportedPacketFilters: NDIS_PACKET_TYPE_* filters supported
 * @MaxMulticastListSize: multicast addresses the adapter can filter
 * @MacAddressLength: bytes used in the address arrays
 * @PermanentMacAddress: the burnt-in address
 * @CurrentMacAddress: the address in use
 * @RecvScaleCapabilities: accepted, not read (no RSS)
 * @AccessType: accepted, passed on in the restart attributes
 * @DirectionType: accepted, not used
 * @ConnectionType: accepted, passed on in the restart attributes
 * @IfType: accepted, not used
 * @IfConnectorPresent: accepted, not used
 * @SupportedStatistics: accepted, passed on in the restart attributes
 * @SupportedPauseFunctions: accepted, not used
 * @DataBackFillSize: accepted, passed on in the restart attributes
 * @ContextBackFillSize: accepted, passed on in the restart attributes
 * @SupportedOidList: OIDs the miniport answers
 * @SupportedOidListLength: size of @SupportedOidList in bytes
 * @AutoNegotiationFlags: accepted, not used
 * @PowerManagementCapabilitiesEx: revision 2; accepted, not read
 */
typedef struct _NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	NDIS_MEDIUM MediaType;
	NDIS_PHYSICAL_MEDIUM PhysicalMediumType;
	ULONG MtuSize;
	ULONG64 MaxXmitLinkSpeed;
	ULONG64 XmitLinkSpeed;
	ULONG64 MaxRcvLinkSpeed;
	ULONG64 RcvLinkSpeed;
	NDIS_MEDIA_CONNECT_STATE MediaConnectState;
	NDIS_MEDIA_DUPLEX_STATE MediaDuplexState;
	ULONG LookaheadSize;
	PNDIS_PNP_CAPABILITIES PowerManagementCapabilities;
	ULONG MacOptions;
	ULONG SupportedPacketFilters;
	ULONG MaxMulticastListSize;
	USHORT MacAddressLength;
	UCHAR PermanentMacAddress[NDIS_MAX_PHYS_ADDRESS_LENGTH];
	UCHAR CurrentMacAddress[NDIS_MAX_PHYS_ADDRESS_LENGTH];
	PNDIS_RECEIVE_SCALE_CAPABILITIES RecvScaleCapabilities;
	NET_IF_ACCESS_TYPE AccessType;
	NET_IF_DIRECTION_TYPE DirectionType;
	NET_IF_CONNECTION_TYPE ConnectionType;
	NET_IFTYPE IfType;
	BOOLEAN IfConnectorPresent;
	ULONG SupportedStatistics;
	ULONG SupportedPauseFunctions;
	ULONG DataBackFillSize;
	ULONG ContextBackFillSize;
	PNDIS_OID SupportedOidList;
	ULONG SupportedOidListLength;
	ULONG AutoNegotiationFlags;
	PNDIS_PM_CAPABILITIES PowerManagementCapabilitiesEx;
} NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES,
	*PNDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;

#define NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1	1
#define NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2	2
#define NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1		1
#define NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2		2
#define NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES, InterfaceType)
/* NDIS 6.30: the same fields; NDIS_MINIPORT_ATTRIBUTES_NO_PAUSE_ON_SUSPEND allowed. */
#define NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES, InterfaceType)
#define NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES, AutoNegotiationFlags)
#define NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES, \
				 PowerManagementCapabilitiesEx)

#if NDIS_SUPPORT_NDIS61
/**
 * struct _NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES - hardware assists
 * @Header: NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES,
 *	NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_1 (NDIS 6.1),
 *	_2 (6.20) or _3 (6.30) with the matching NDIS_SIZEOF_*
 * @HDSplitAttributes: header-data split, or NULL
 * @HardwareReceiveFilterCapabilities: what receive filtering (VMQ) the
 *	adapter can do, or NULL (ndis/receivefilter.h)
 * @CurrentReceiveFilterCapabilities: what of it is enabled, or NULL
 * @HardwareNicSwitchCapabilities: what its NIC switch can do, or NULL
 * @CurrentNicSwitchCapabilities: what of it is enabled, or NULL
 * @HardwareSriovCapabilities: SR-IOV, or NULL
 * @CurrentSriovCapabilities: SR-IOV enabled, or NULL
 * @HardwareQosCapabilities: what NDIS QoS the adapter can do, or NULL
 *	(ndis/qos.h)
 * @CurrentQosCapabilities: what of it is enabled, or NULL
 *
 * Set with NdisMSetMiniportAttributes() after the registration attributes
 * (a miniport with VMQ or QoS usually does so after its general ones), once
 * per feature if it likes, as netvmini does for VMQ and QoS. NDIS checks
 * the header of this structure and of each capability structure it points
 * to, and keeps none of them:
 * it never allocates a queue, sets a filter or configures QoS itself.
 */
typedef struct _NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES {
	NDIS_OBJECT_HEADER Header;
	struct _NDIS_HD_SPLIT_ATTRIBUTES *HDSplitAttributes;
#if NDIS_SUPPORT_NDIS620
	struct _NDIS_RECEIVE_FILTER_CAPABILITIES *HardwareReceiveFilterCapabilities;
	struct _NDIS_RECEIVE_FILTER_CAPABILITIES *CurrentReceiveFilterCapabilities;
	struct _NDIS_NIC_SWITCH_CAPABILITIES *HardwareNicSwitchCapabilities;
	struct _NDIS_NIC_SWITCH_CAPABILITIES *CurrentNicSwitchCapabilities;
#endif
#if NDIS_SUPPORT_NDIS630
	struct _NDIS_SRIOV_CAPABILITIES *HardwareSriovCapabilities;
	struct _NDIS_SRIOV_CAPABILITIES *CurrentSriovCapabilities;
	struct _NDIS_QOS_CAPABILITIES *HardwareQosCapabilities;
	struct _NDIS_QOS_CAPABILITIES *CurrentQosCapabilities;
#endif
} NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES,
	*PNDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES;

#define NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_1	1
#define NDIS_SIZEOF_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES, \
				 HDSplitAttributes)
#if NDIS_SUPPORT_NDIS620
#define NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_2	2
#define NDIS_SIZEOF_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_2	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES, \
				 CurrentNicSwitchCapabilities)
#endif
#if NDIS_SUPPORT_NDIS630
#define NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_3	3
#define NDIS_SIZEOF_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_3	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES, \
				 CurrentQosCapabilities)
#endif
#endif /* NDIS_SUPPORT_NDIS61 */

/**
 * union _NDIS_MINIPORT_ADAPTER_ATTRIBUTES - argument of NdisMSetMiniportAttributes
 * @Header: tells which member is meant
 * @RegistrationAttributes: set first, inside MiniportInitializeEx
 * @GeneralAttributes: set second, inside MiniportInitializeEx
 * @HardwareAssistAttributes: after the registration ones, if the adapter
 *	has any (NDIS 6.1 and later)
 */
typedef union _NDIS_MINIPORT_ADAPTER_ATTRIBUTES {
	NDIS_OBJECT_HEADER Header;
	NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegistrationAttributes;
	NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES GeneralAttributes;
#if NDIS_SUPPORT_NDIS61
	NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES HardwareAssistAttributes;
#endif
} NDIS_MINIPORT_ADAPTER_ATTRIBUTES, *PNDIS_MINIPORT_ADAPTER_ATTRIBUTES;

/**
 * typedef MINIPORT_SET_OPTIONS - MiniportSetOptions: last step of registration
 * @NdisMiniportDriverHandle: the handle registration is about to return
 * @MiniportDriverContext: the context the driver passed to registration
 *
 * Called once, inside NdisMRegisterMiniportDriver(). NdisSetOptionalHandlers()
 * with @NdisMiniportDriverHandle is accepted while it runs, though every
 * service a miniport may register there is refused with
 * NDIS_STATUS_NOT_SUPPORTED (include/ndis/optional.h); it also has a last
 * say on whether registration goes ahead.
 *
 * Context: PASSIVE_LEVEL.
 *
 * Return: NDIS_STATUS_SUCCESS to go on; any other status undoes the
 * registration and is returned by it.
 */
typedef NDIS_STATUS MINIPORT_SET_OPTIONS(NDIS_HANDLE NdisMiniportDriverHandle,
					   NDIS_HANDLE MiniportDriverContext);

/**
 * typedef MINIPORT_INITIALIZE - MiniportInitializeEx: bring an adapter up
 * @MiniportAdapterHandle: NDIS's handle for the new adapter
 * @MiniportDriverContext: the context the driver passed to registration
 * @MiniportInitParameters: the device and name given to
 *	ndis_miniport_add_adapter()
 *
 * Runs inside ndis_miniport_add_adapter(). The handler must call
 * NdisMSetMiniportAttributes() with the registration attributes, then the
 * general ones. On success the adapter is Paused and NDIS restarts it.
 *
 * Context: PASSIVE_LEVEL.
 *
 * Return: NDIS_STATUS_SUCCESS, or a failure status after the handler
 * released everything it set up (no MiniportHaltEx follows a failure).
 */
typedef NDIS_STATUS MINIPORT_INITIALIZE(NDIS_HANDLE MiniportAdapterHandle,
					  NDIS_HANDLE MiniportDriverContext,
					  PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters);

/**
 * typedef MINIPORT_HALT - MiniportHaltEx: take an adapter down for good
 * @MiniportAdapterContext: the adapter's context
 * @HaltAction: why, e.g. NdisHaltDeviceDisabled for an orderly removal
 *
 * Called once the adapter is Paused, every binding unbound and every OID
 * finished. The handler stops the device and frees what initialisation
 * allocated; NDIS calls nothing of the adapter afterwards, and the adapter
 * handle is dead once it returns.
 *
 * Context: PASSIVE_LEVEL.
 */
typedef void MINIPORT_HALT(NDIS_HANDLE MiniportAdapterContext,
			     NDIS_HALT_ACTION HaltAction);

/**
 * typedef MINIPORT_UNLOAD - MiniportDriverUnload: the driver goes away
 * @DriverObject: the driver object given to NdisMRegisterMiniportDriver()
 *
 * Called at module unload through the DriverUnload that registration set.
 * The handler calls NdisMDeregisterMiniportDriver() and frees what
 * DriverEntry set up. A driver still registered when it returns is
 * reported and deregistered by NDIS.
 *
 * Context: PASSIVE_LEVEL.
 */
typedef void MINIPORT_UNLOAD(PDRIVER_OBJECT DriverObject);
typedef void (*MINIPORT_DRIVER_UNLOAD)(PDRIVER_OBJECT DriverObject);

/**
 * typedef MINIPORT_PAUSE - MiniportPause: stop the data path
 * @MiniportAdapterContext: the adapter's context
 * @PauseParameters: the pause's parameters; valid during the call only
 *
 * The handler completes every send it holds (new ones with
 * NDIS_STATUS_PAUSED) and stops indicating receives. The pause is complete
 * only once every NBL it indicated has come back through
 * MiniportReturnNetBufferLists; OIDs and status indications go on.
 *
 * Context: PASSIVE_LEVEL.
 *
 * Return: NDIS_STATUS_SUCCESS, or NDIS_STATUS_PENDING, then exactly one
 * NdisMPauseComplete(). A pause cannot fail.
 */
typedef NDIS_STATUS MINIPORT_PAUSE(NDIS_HANDLE MiniportAdapterContext,
				     PNDIS_MINIPORT_PAUSE_PARAMETERS PauseParameters);

/**
 * typedef MINIPORT_RESTART - MiniportRestart: start the data path
 * @MiniportAdapterContext: the adapter's context
 * @RestartParameters: the restart's parameters; valid during the call only
 *
 * The handler may indicate receives from the moment it is called and must
 * accept sends once the restart completes.
 *
 * Context: PASSIVE_LEVEL.
 *
 * Return: NDIS_STATUS_SUCCESS; NDIS_STATUS_PENDING, then exactly one
 * NdisMRestartComplete(); or a failure, which leaves the adapter Paused.
 */
typedef NDIS_STATUS MINIPORT_RESTART(NDIS_HANDLE MiniportAdapterContext,
				       PNDIS_MINIPORT_RESTART_PARAMETERS RestartParameters);

/**
 * typedef MINIPORT_OID_REQUEST - MiniportOidRequest: one query or set
 * @MiniportAdapterContext: the adapter's context
 * @OidRequest: the request; the miniport's until it completes
 *
 * NDIS hands the adapter one request at a time, from a work item, and
 * answers itself what it knows from the attributes (addresses, MTU, link
 * state, supported OIDs). Packet filter and multicast list sets arrive as
 * what all open bindings add up to.
 *
 * Context: PASSIVE_LEVEL.
 *
 * Return: the final status (NDIS_STATUS_SUCCESS,
 * NDIS_STATUS_NOT_SUPPORTED, NDIS_STATUS_BUFFER_TOO_SHORT with BytesNeeded
 * set, ...), or NDIS_STATUS_PENDING, then exactly one
 * NdisMOidRequestComplete().
 */
typedef NDIS_STATUS MINIPORT_OID_REQUEST(NDIS_HANDLE MiniportAdapterContext,
					   PNDIS_OID_REQUEST OidRequest);

/**
 * typedef MINIPORT_SEND_NET_BUFFER_LISTS - MiniportSendNetBufferLists
 * @MiniportAdapterContext: the adapter's context
 * @NetBufferList: a chain of NBLs to send, in order
 * @PortNumber: 0, the default port
 * @SendFlags: NDIS_SEND_FLAGS_*
 *
 * The miniport accepts every NBL (queueing what it cannot send at once)
 * and gives each back, with its Status set, through
 * NdisMSendNetBufferListsComplete(). NDIS passes sends on only while the
 * adapter is restarting, running or pausing.
 *
 * Context: IRQL <= DISPATCH_LEVEL, possibly on several CPUs at once.
 */
typedef void MINIPORT_SEND_NET_BUFFER_LISTS(NDIS_HANDLE MiniportAdapterContext,
					      PNET_BUFFER_LIST NetBufferList,
					      NDIS_PORT_NUMBER PortNumber,
					      ULONG SendFlags);

/**
 * typedef MINIPORT_RETURN_NET_BUFFER_LISTS - MiniportReturnNetBufferLists
 * @MiniportAdapterContext: the adapter's context
 * @NetBufferLists: NBLs the miniport indicated, the miniport's again
 * @ReturnFlags: NDIS_RETURN_FLAGS_*
 *
 * Each NBL indicated without NDIS_RECEIVE_FLAGS_RESOURCES comes back here
 * exactly once, after every binding gave back its copy; never from inside
 * the NdisMIndicateReceiveNetBufferLists() call that indicated it.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
typedef void MINIPORT_RETURN_NET_BUFFER_LISTS(NDIS_HANDLE MiniportAdapterContext,
						PNET_BUFFER_LIST NetBufferLists,
						ULONG ReturnFlags);

/**
 * typedef MINIPORT_CANCEL_SEND - MiniportCancelSend: drop queued sends
 * @MiniportAdapterContext: the adapter's context
 * @CancelId: sends whose NDIS_GET_NET_BUFFER_LIST_CANCEL_ID() matches
 *
 * Best effort, for NdisCancelSendNetBufferLists(): the miniport completes
 * the matching NBLs it still holds with NDIS_STATUS_SEND_ABORTED.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
typedef void MINIPORT_CANCEL_SEND(NDIS_HANDLE MiniportAdapterContext, PVOID CancelId);

/**
 * typedef MINIPORT_CHECK_FOR_HANG - MiniportCheckForHangEx: health check
 * @MiniportAdapterContext: the adapter's context
 *
 * Accepted in the characteristics (then @ResetHandlerEx is required too)
 * but not called yet: NDIS runs no hang check.
 *
 * Context: PASSIVE_LEVEL.
 *
 * Return: TRUE if the adapter needs a reset.
 */
typedef BOOLEAN MINIPORT_CHECK_FOR_HANG(NDIS_HANDLE MiniportAdapterContext);

/**
 * typedef MINIPORT_RESET - MiniportResetEx: reset the adapter
 * @MiniportAdapterContext: the adapter's context
 * @AddressingReset: set TRUE to have NDIS re-send filter and multicast list
 *
 * Accepted in the characteristics but not called yet: NDIS starts no
 * resets.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 *
 * Return: NDIS_STATUS_SUCCESS or a failure status.
 */
typedef NDIS_STATUS MINIPORT_RESET(NDIS_HANDLE MiniportAdapterContext,
				     PBOOLEAN AddressingReset);

/**
 * typedef MINIPORT_DEVICE_PNP_EVENT_NOTIFY - MiniportDevicePnPEventNotify
 * @MiniportAdapterContext: the adapter's context
 * @NetDevicePnPEvent: the event; valid during the call only
 *
 * Sent today for NdisDevicePnPEventSurpriseRemoved only, first thing in
 * ndis_miniport_surprise_remove_adapter(): the device is gone, and the
 * pause and halt that follow must not wait on it.
 *
 * Context: PASSIVE_LEVEL.
 */
typedef void MINIPORT_DEVICE_PNP_EVENT_NOTIFY(NDIS_HANDLE MiniportAdapterContext,
						PNET_DEVICE_PNP_EVENT NetDevicePnPEvent);

/**
 * typedef MINIPORT_SHUTDOWN - MiniportShutdownEx: the system goes down
 * @MiniportAdapterContext: the adapter's context
 * @ShutdownAction: NdisShutdownPowerOff (NdisShutdownBugCheck is never sent)
 *
 * Called once per adapter from a reboot notifier. The handler quiesces the
 * device and frees nothing; NDIS calls nothing of the adapter afterwards.
 *
 * Context: PASSIVE_LEVEL.
 */
typedef void MINIPORT_SHUTDOWN(NDIS_HANDLE MiniportAdapterContext,
				 NDIS_SHUTDOWN_ACTION ShutdownAction);

/**
 * typedef MINIPORT_CANCEL_OID_REQUEST - MiniportCancelOidRequest
 * @MiniportAdapterContext: the adapter's context
 * @RequestId: the RequestId of the request to cancel
 *
 * For the request the miniport holds, on NdisCancelOidRequest() or when
 * its Timeout expires. The miniport completes it as soon as it can, with
 * NDIS_STATUS_REQUEST_ABORTED; it must complete it either way.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
typedef void MINIPORT_CANCEL_OID_REQUEST(NDIS_HANDLE MiniportAdapterContext,
					   PVOID RequestId);

/**
 * typedef MINIPORT_DIRECT_OID_REQUEST - MiniportDirectOidRequest
 * @MiniportAdapterContext: the adapter's context
 * @OidRequest: the request
 *
 * Accepted in revision 2 characteristics but never called: there is no
 * direct OID path, every request goes through MiniportOidRequest.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 *
 * Return: as MINIPORT_OID_REQUEST.
 */
typedef NDIS_STATUS MINIPORT_DIRECT_OID_REQUEST(NDIS_HANDLE MiniportAdapterContext,
						  PNDIS_OID_REQUEST OidRequest);

/**
 * typedef MINIPORT_CANCEL_DIRECT_OID_REQUEST - MiniportCancelDirectOidRequest
 * @MiniportAdapterContext: the adapter's context
 * @RequestId: the RequestId of the request to cancel
 *
 * Accepted in revision 2 characteristics but never called, as
 * MINIPORT_DIRECT_OID_REQUEST.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
typedef void MINIPORT_CANCEL_DIRECT_OID_REQUEST(NDIS_HANDLE MiniportAdapterContext,
						  PVOID RequestId);

/**
 * struct _NDIS_MINIPORT_DRIVER_CHARACTERISTICS - a miniport's entry points
 * @Header: NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS, revision 1 or 2
 * @MajorNdisVersion: must be 6
 * @MinorNdisVersion: 0 to 30
 * @MajorDriverVersion: the driver's own version, informational
 * @MinorDriverVersion: the driver's own version, informational
 * @Flags: reserved, 0
 * @Name: unique driver name for sysfs (Linux addition; NULL: module name)
 * @SetOptionsHandler: optional; runs inside registration
 * @InitializeHandlerEx: required; PASSIVE_LEVEL
 * @HaltHandlerEx: required; PASSIVE_LEVEL
 * @UnloadHandler: required with a DriverObject; PASSIVE_LEVEL
 * @PauseHandler: required; PASSIVE_LEVEL; may pend; cannot fail
 * @RestartHandler: required; PASSIVE_LEVEL; may pend
 * @OidRequestHandler: required; PASSIVE_LEVEL
 * @SendNetBufferListsHandler: required; IRQL <= DISPATCH_LEVEL
 * @ReturnNetBufferListsHandler: required; IRQL <= DISPATCH_LEVEL
 * @CancelSendHandler: required; IRQL <= DISPATCH_LEVEL
 * @CheckForHangHandlerEx: optional; PASSIVE_LEVEL
 * @ResetHandlerEx: optional (required with @CheckForHangHandlerEx)
 * @DevicePnPEventNotifyHandler: required; PASSIVE_LEVEL
 * @ShutdownHandlerEx: required; PASSIVE_LEVEL at power-off
 * @CancelOidRequestHandler: required; IRQL <= DISPATCH_LEVEL
 * @DirectOidRequestHandler: revision 2, optional; never called
 * @CancelDirectOidRequestHandler: revision 2, optional; never called
 *
 * NDIS copies the structure at registration, as much of it as the
 * revision in @Header has: NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1
 * bytes at least for revision 1, the fields after it read as NULL.
 */
typedef struct _NDIS_MINIPORT_DRIVER_CHARACTERISTICS {
	NDIS_OBJECT_HEADER Header;
	UCHAR MajorNdisVersion;
	UCHAR MinorNdisVersion;
	UCHAR MajorDriverVersion;
	UCHAR MinorDriverVersion;
	ULONG Flags;
	const char *Name;
	MINIPORT_SET_OPTIONS *SetOptionsHandler;
	MINIPORT_INITIALIZE *InitializeHandlerEx;
	MINIPORT_HALT *HaltHandlerEx;
	MINIPORT_UNLOAD *UnloadHandler;
	MINIPORT_PAUSE *PauseHandler;
	MINIPORT_RESTART *RestartHandler;
	MINIPORT_OID_REQUEST *OidRequestHandler;
	MINIPORT_SEND_NET_BUFFER_LISTS *SendNetBufferListsHandler;
	MINIPORT_RETURN_NET_BUFFER_LISTS *ReturnNetBufferListsHandler;
	MINIPORT_CANCEL_SEND *CancelSendHandler;
	MINIPORT_CHECK_FOR_HANG *CheckForHangHandlerEx;
	MINIPORT_RESET *ResetHandlerEx;
	MINIPORT_DEVICE_PNP_EVENT_NOTIFY *DevicePnPEventNotifyHandler;
	MINIPORT_SHUTDOWN *ShutdownHandlerEx;
	MINIPORT_CANCEL_OID_REQUEST *CancelOidRequestHandler;
	MINIPORT_DIRECT_OID_REQUEST *DirectOidRequestHandler;
	MINIPORT_CANCEL_DIRECT_OID_REQUEST *CancelDirectOidRequestHandler;
} NDIS_MINIPORT_DRIVER_CHARACTERISTICS, *PNDIS_MINIPORT_DRIVER_CHARACTERISTICS;

#define NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1	1
#define NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2	2
#define NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_MINIPORT_DRIVER_CHARACTERISTICS, CancelOidRequestHandler)
#define NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_MINIPORT_DRIVER_CHARACTERISTICS, \
				 CancelDirectOidRequestHandler)

NDIS_STATUS ndis_register_miniport_driver(PDRIVER_OBJECT DriverObject,
					  PUNICODE_STRING RegistryPath,
					  NDIS_HANDLE MiniportDriverContext,
					  PNDIS_MINIPORT_DRIVER_CHARACTERISTICS
					  MiniportDriverCharacteristics,
					  PNDIS_HANDLE NdisMiniportDriverHandle,
					  struct module *owner);

/**
 * NdisMRegisterMiniportDriver - register a miniport driver
 * @drv: DriverObject, from DriverEntry; NULL for a driver with its own
 *	module_init and module_exit (a Linux addition)
 * @path: RegistryPath, from DriverEntry; not read
 * @ctx: MiniportDriverContext, passed to MiniportInitializeEx
 * @chars: MiniportDriverCharacteristics, copied
 * @handle: receives the NdisMiniportDriverHandle
 *
 * With @drv, @chars must have an UnloadHandler, and @drv->DriverUnload is
 * set to an NDIS routine that calls it. PASSIVE_LEVEL.
 *
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_BAD_VERSION,
 * NDIS_STATUS_BAD_CHARACTERISTICS, NDIS_STATUS_RESOURCES or
 * NDIS_STATUS_FAILURE (a name or @drv already registered).
 */
#define NdisMRegisterMiniportDriver(drv, path, ctx, chars, handle)	\
	ndis_register_miniport_driver(drv, path, ctx, chars, handle, THIS_MODULE)

void NdisMDeregisterMiniportDriver(NDIS_HANDLE NdisMiniportDriverHandle);
NDIS_STATUS NdisMSetMiniportAttributes(NDIS_HANDLE NdisMiniportAdapterHandle,
				       PNDIS_MINIPORT_ADAPTER_ATTRIBUTES MiniportAttributes);
void NdisMPauseComplete(NDIS_HANDLE MiniportAdapterHandle);
void NdisMRestartComplete(NDIS_HANDLE MiniportAdapterHandle, NDIS_STATUS Status);
NDIS_STATUS NdisMRemoveMiniport(NDIS_HANDLE MiniportAdapterHandle);
void NdisMIndicateReceiveNetBufferLists(NDIS_HANDLE MiniportAdapterHandle,
					PNET_BUFFER_LIST NetBufferLists,
					NDIS_PORT_NUMBER PortNumber,
					ULONG NumberOfNetBufferLists, ULONG ReceiveFlags);
void NdisMSendNetBufferListsComplete(NDIS_HANDLE MiniportAdapterHandle,
				     PNET_BUFFER_LIST NetBufferLists, ULONG SendCompleteFlags);

/* Declared, never filled in: NdisMGetDeviceProperty() gives NULL. */
typedef struct _CM_RESOURCE_LIST CM_RESOURCE_LIST, *PCM_RESOURCE_LIST;

void NdisMGetDeviceProperty(NDIS_HANDLE MiniportAdapterHandle,
			    PDEVICE_OBJECT *PhysicalDeviceObject,
			    PDEVICE_OBJECT *FunctionalDeviceObject,
			    PDEVICE_OBJECT *NextDeviceObject,
			    PCM_RESOURCE_LIST *AllocatedResources,
			    PCM_RESOURCE_LIST *AllocatedResourcesTranslated);
NDIS_STATUS NdisMQueryAdapterInstanceName(PNDIS_STRING pAdapterInstanceName,
					  NDIS_HANDLE MiniportHandle);
void NdisMResetComplete(NDIS_HANDLE MiniportAdapterHandle, NDIS_STATUS Status,
			BOOLEAN AddressingReset);

NDIS_STATUS ndis_miniport_add_adapter(NDIS_HANDLE NdisMiniportDriverHandle,
				      const char *name, NDIS_HANDLE add_context,
				      PNDIS_HANDLE MiniportAdapterHandle);
NDIS_STATUS ndis_miniport_query_remove_adapter(NDIS_HANDLE MiniportAdapterHandle);
NDIS_STATUS ndis_miniport_set_power(NDIS_HANDLE MiniportAdapterHandle,
				    NDIS_DEVICE_POWER_STATE PowerState);
NDIS_STATUS ndis_miniport_remove_adapter(NDIS_HANDLE MiniportAdapterHandle);
NDIS_STATUS ndis_miniport_surprise_remove_adapter(NDIS_HANDLE MiniportAdapterHandle);

#endif /* _NDIS_MINIPORT_H */
