/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Protocol drivers: registration, the handlers NDIS calls, and the calls a
 * protocol makes to bind, open, close and unbind.
 *
 * Differences from the DDI, all deliberate:
 * - NdisRegisterProtocolDriver() is a macro that also records the calling
 *   module, so that a module unloading without deregistering is caught.
 * - Every protocol is offered every adapter; the medium check happens in
 *   NdisOpenAdapterEx() (NDIS_STATUS_UNSUPPORTED_MEDIA), as there is no
 *   INF bind list to filter on.
 */
#ifndef _NDIS_PROTOCOL_H
#define _NDIS_PROTOCOL_H

#include <linux/module.h>
#include <ndis/netif.h>
#include <ndis/object.h>
#include <ndis/pnp.h>
#include <ndis/sal.h>
#include <ndis/status.h>
#include <ndis/string.h>

/**
 * struct _NDIS_BIND_PARAMETERS - what a protocol learns of an adapter at bind
 * @Header: NDIS_OBJECT_TYPE_BIND_PARAMETERS, revision 4,
 *	NDIS_SIZEOF_BIND_PARAMETERS_REVISION_4
 * @ProtocolSection: where the binding's configuration lives: the key
 *	"<protocol>/<adapter>" of the configfs tree NdisOpenConfigurationEx()
 *	reads (there is no registry)
 * @AdapterName: the adapter's name
 * @PhysicalDeviceObject: NULL: there is no PnP device object
 * @MediaType: the adapter's medium
 * @MtuSize: largest payload, without the link header
 * @MaxXmitLinkSpeed: top transmit speed, bit/s
 * @XmitLinkSpeed: current transmit speed, bit/s
 * @MaxRcvLinkSpeed: top receive speed, bit/s
 * @RcvLinkSpeed: current receive speed, bit/s
 * @MediaConnectState: link state
 * @MediaDuplexState: duplex
 * @LookaheadSize: lookahead the adapter offers
 * @PowerManagementCapabilities: NULL: ask OID_PNP_CAPABILITIES
 * @SupportedPacketFilters: NDIS_PACKET_TYPE_* filters the adapter supports
 * @MaxMulticastListSize: multicast addresses the adapter can filter
 * @MacAddressLength: bytes used in @CurrentMacAddress
 * @CurrentMacAddress: the address in use
 * @PhysicalMediumType: NdisPhysicalMediumUnspecified: the miniport answers
 *	OID_GEN_PHYSICAL_MEDIUM itself, NDIS does not know it
 * @RcvScaleCapabilities: NULL: no receive side scaling
 * @BoundIfNetluid: NET_LUID of the interface on top of the adapter: its
 *	IfType from the medium, NetLuidIndex 0 (NDIS gives no LUIDs)
 * @BoundIfIndex: the adapter's NDIS interface index (its init
 *	parameters' IfIndex, include/ndis/ifstack.h)
 * @LowestIfNetluid: as @BoundIfNetluid (there are no filters in between)
 * @LowestIfIndex: as @BoundIfIndex
 * @AccessType: NET_IF_ACCESS_BROADCAST on 802.3 and 802.11, else 0
 * @DirectionType: NET_IF_DIRECTION_SENDRECEIVE
 * @ConnectionType: NET_IF_CONNECTION_DEDICATED on 802.3 and 802.11, else 0
 * @IfType: IF_TYPE_ETHERNET_CSMACD on 802.3, IF_TYPE_IEEE80211 on native
 *	802.11, IF_TYPE_OTHER on the rest
 * @IfConnectorPresent: FALSE: NDIS cannot tell a physical adapter
 * @ActivePorts: NULL: only the default port exists
 * @DataBackFillSize: 0: no driver below asks for data backfill
 * @ContextBackFillSize: 0: no driver below asks for context backfill
 * @MacOptions: NDIS_MAC_OPTION_* flags
 * @CompartmentId: NET_IF_COMPARTMENT_ID_PRIMARY, the only compartment
 * @DefaultOffloadConfiguration: NULL: ask OID_TCP_OFFLOAD_CURRENT_CONFIG
 * @TcpConnectionOffloadCapabilities: NULL: no TCP chimney offload
 * @BoundAdapterName: as @AdapterName (there is no intermediate driver)
 * @HDSplitCurrentConfig: revision 2; NULL: no header-data split
 * @ReceiveFilterCapabilities: revision 3; NULL: no receive filtering
 * @PowerManagementCapabilitiesEx: revision 3; NULL: ask
 *	OID_PM_HARDWARE_CAPABILITIES
 * @NicSwitchCapabilities: revision 3; NULL: no NIC switch
 * @NDKEnabled: revision 4; FALSE: no NDKPI
 * @NDKCapabilities: revision 4; NULL
 * @SriovCapabilities: revision 4; NULL: no SR-IOV
 * @NicSwitchArray: revision 4; NULL
 *
 * Everything, the strings the pointers lead to included, is valid during
 * ProtocolBindAdapterEx only: copy what is needed later. The structures
 * the NULL pointers would lead to are declared, not defined, where no
 * header of this tree defines them yet.
 */
typedef struct _NDIS_BIND_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	PNDIS_STRING ProtocolSection;
	PNDIS_STRING AdapterName;
	struct _DEVICE_OBJECT *PhysicalDeviceObject;
	NDIS_MEDIUM MediaType;
	ULONG MtuSize;
	ULONG64 MaxXmitLinkSpeed;
	ULONG64 XmitLinkSpeed;
	ULONG64 MaxRcvLinkSpeed;
	ULONG64 RcvLinkSpeed;
	NDIS_MEDIA_CONNECT_STATE MediaConnectState;
	NDIS_MEDIA_DUPLEX_STATE MediaDuplexState;
	ULONG LookaheadSize;
	struct _NDIS_PNP_CAPABILITIES *PowerManagementCapabilities;
	ULONG SupportedPacketFilters;
	ULONG MaxMulticastListSize;
	USHORT MacAddressLength;
	UCHAR CurrentMacAddress[NDIS_MAX_PHYS_ADDRESS_LENGTH];
	NDIS_PHYSICAL_MEDIUM PhysicalMediumType;
	struct _NDIS_RECEIVE_SCALE_CAPABILITIES *RcvScaleCapabilities;
	NET_LUID BoundIfNetluid;
	NET_IFINDEX BoundIfIndex;
	NET_LUID LowestIfNetluid;
	NET_IFINDEX LowestIfIndex;
	NET_IF_ACCESS_TYPE AccessType;
	NET_IF_DIRECTION_TYPE DirectionType;
	NET_IF_CONNECTION_TYPE ConnectionType;
	NET_IFTYPE IfType;
	BOOLEAN IfConnectorPresent;
	struct _NDIS_PORT *ActivePorts;
	ULONG DataBackFillSize;
	ULONG ContextBackFillSize;
	ULONG MacOptions;
	NET_IF_COMPARTMENT_ID CompartmentId;
	struct _NDIS_OFFLOAD *DefaultOffloadConfiguration;
	struct _NDIS_TCP_CONNECTION_OFFLOAD *TcpConnectionOffloadCapabilities;
	PNDIS_STRING BoundAdapterName;
	struct _NDIS_HD_SPLIT_CURRENT_CONFIG *HDSplitCurrentConfig;
	struct _NDIS_RECEIVE_FILTER_CAPABILITIES *ReceiveFilterCapabilities;
	struct _NDIS_PM_CAPABILITIES *PowerManagementCapabilitiesEx;
	struct _NDIS_NIC_SWITCH_CAPABILITIES *NicSwitchCapabilities;
	BOOLEAN NDKEnabled;
	struct _NDIS_NDK_CAPABILITIES *NDKCapabilities;
	struct _NDIS_SRIOV_CAPABILITIES *SriovCapabilities;
	struct _NDIS_NIC_SWITCH_INFO_ARRAY *NicSwitchArray;
} NDIS_BIND_PARAMETERS, *PNDIS_BIND_PARAMETERS;

#define NDIS_BIND_PARAMETERS_REVISION_1	1
#define NDIS_BIND_PARAMETERS_REVISION_2	2
#define NDIS_BIND_PARAMETERS_REVISION_3	3
#define NDIS_BIND_PARAMETERS_REVISION_4	4
#define NDIS_SIZEOF_BIND_PARAMETERS_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_BIND_PARAMETERS, BoundAdapterName)
#define NDIS_SIZEOF_BIND_PARAMETERS_REVISION_2	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_BIND_PARAMETERS, HDSplitCurrentConfig)
#define NDIS_SIZEOF_BIND_PARAMETERS_REVISION_3	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_BIND_PARAMETERS, NicSwitchCapabilities)
#define NDIS_SIZEOF_BIND_PARAMETERS_REVISION_4	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_BIND_PARAMETERS, NicSwitchArray)

typedef USHORT NET_FRAME_TYPE, *PNET_FRAME_TYPE;

/**
 * struct _NDIS_OPEN_PARAMETERS - what NdisOpenAdapterEx() is asked to open
 * @Header: NDIS_OBJECT_TYPE_OPEN_PARAMETERS, revision 1
 * @AdapterName: the adapter's name, e.g. BindParameters->AdapterName, or NULL
 * @MediumArray: media the protocol accepts
 * @MediumArraySize: entries in @MediumArray
 * @SelectedMediumIndex: where NDIS writes the index of the adapter's medium
 * @FrameTypeArray: EtherTypes of interest (a hint), or NULL
 * @FrameTypeArraySize: entries in @FrameTypeArray
 *
 * When the open pends, @SelectedMediumIndex is written after the call
 * returned and before ProtocolOpenAdapterCompleteEx runs; it must stay
 * valid until then.
 */
typedef struct _NDIS_OPEN_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	PNDIS_STRING AdapterName;
	PNDIS_MEDIUM MediumArray;
	UINT MediumArraySize;
	PUINT SelectedMediumIndex;
	PNET_FRAME_TYPE FrameTypeArray;
	UINT FrameTypeArraySize;
} NDIS_OPEN_PARAMETERS, *PNDIS_OPEN_PARAMETERS;

#define NDIS_OPEN_PARAMETERS_REVISION_1	1
#define NDIS_SIZEOF_OPEN_PARAMETERS_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_OPEN_PARAMETERS, FrameTypeArraySize)

/**
 * typedef SET_OPTIONS - ProtocolSetOptions: last step of registration
 * @NdisDriverHandle: the NdisProtocolHandle registration is about to return
 * @DriverContext: the context the driver passed to registration
 *
 * Called once, inside NdisRegisterProtocolDriver(), before any bind.
 * NdisSetOptionalHandlers() with @NdisDriverHandle is accepted while it
 * runs, though every service a protocol may register there is refused
 * with NDIS_STATUS_NOT_SUPPORTED (include/ndis/optional.h): a shared
 * memory provider registers on its binding handle instead. It also has a
 * last say on whether registration goes ahead.
 *
 * Context: PASSIVE_LEVEL.
 *
 * Return: NDIS_STATUS_SUCCESS to go on; any other status fails the
 * registration with that status.
 */
typedef NDIS_STATUS SET_OPTIONS(NDIS_HANDLE NdisDriverHandle,
				  NDIS_HANDLE DriverContext);

/**
 * typedef PROTOCOL_BIND_ADAPTER_EX - ProtocolBindAdapterEx: bind to an adapter
 * @ProtocolDriverContext: what the protocol passed to registration
 * @BindContext: names this bind; pass it to NdisOpenAdapterEx() and, when
 *	the handler pends, to NdisCompleteBindAdapterEx()
 * @BindParameters: the adapter's description; valid, with the strings it
 *	points to, during the call only
 *
 * Offered for every adapter (medium filtering happens in the open). The
 * handler allocates its binding context and calls NdisOpenAdapterEx(),
 * which is accepted only here. A successful bind leaves the binding
 * Paused; NDIS restarts it with NetEventRestart when the adapter runs.
 *
 * Context: PASSIVE_LEVEL, on the adapter's workqueue; binds and unbinds of
 * one adapter never overlap. NdisUnbindAdapter() is refused here.
 *
 * Return: NDIS_STATUS_SUCCESS; NDIS_STATUS_PENDING, then exactly one
 * NdisCompleteBindAdapterEx(); or a failure status, after closing any
 * adapter the handler opened.
 */
typedef NDIS_STATUS PROTOCOL_BIND_ADAPTER_EX(NDIS_HANDLE ProtocolDriverContext,
					       NDIS_HANDLE BindContext,
					       PNDIS_BIND_PARAMETERS BindParameters);

/**
 * typedef PROTOCOL_UNBIND_ADAPTER_EX - ProtocolUnbindAdapterEx: drop a binding
 * @UnbindContext: names this unbind; pass it to NdisCompleteUnbindAdapterEx()
 *	when the handler pends
 * @ProtocolBindingContext: the binding's context
 *
 * Always preceded by NetEventPause. The handler finishes its own OIDs and
 * returns any receives it still holds, then calls NdisCloseAdapterEx()
 * (accepted here); the NdisBindingHandle is dead from that call on.
 *
 * Context: PASSIVE_LEVEL, on the adapter's workqueue or inside a teardown
 * call (deregistration, adapter removal). NdisUnbindAdapter() is refused.
 *
 * Return: NDIS_STATUS_SUCCESS once the close has completed, or
 * NDIS_STATUS_PENDING, then exactly one NdisCompleteUnbindAdapterEx(). An
 * unbind cannot fail: other statuses are reported and taken as success.
 */
typedef NDIS_STATUS PROTOCOL_UNBIND_ADAPTER_EX(NDIS_HANDLE UnbindContext,
						 NDIS_HANDLE ProtocolBindingContext);

/**
 * typedef PROTOCOL_OPEN_ADAPTER_COMPLETE_EX - ProtocolOpenAdapterCompleteEx
 * @ProtocolBindingContext: the context given to NdisOpenAdapterEx()
 * @Status: the open's result
 *
 * Finishes an NdisOpenAdapterEx() that returned NDIS_STATUS_PENDING. It may
 * run before the open call has returned to the bind handler. On success
 * the binding handle and the selected medium index are already written.
 *
 * Context: PASSIVE_LEVEL, from a workqueue.
 */
typedef void PROTOCOL_OPEN_ADAPTER_COMPLETE_EX(NDIS_HANDLE ProtocolBindingContext,
						 NDIS_STATUS Status);

/**
 * typedef PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX - ProtocolCloseAdapterCompleteEx
 * @ProtocolBindingContext: the binding's context
 *
 * Finishes an NdisCloseAdapterEx() that returned NDIS_STATUS_PENDING. No
 * indication reaches the binding afterwards, so the context may be freed
 * once the bind or unbind it belongs to is complete. Never use the
 * binding handle here: it died at the close call.
 *
 * Context: PASSIVE_LEVEL, from a workqueue.
 */
typedef void PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX(NDIS_HANDLE ProtocolBindingContext);

/**
 * typedef PROTOCOL_NET_PNP_EVENT - ProtocolNetPnPEvent: PnP and power events
 * @ProtocolBindingContext: the binding's context, or NULL for an event
 *	about the protocol as a whole (NetEventBindsComplete)
 * @NetPnPEventNotification: the event; owned by NDIS, valid until the
 *	handler returns or, when it pends, until NdisCompleteNetPnPEvent()
 *
 * Events sent today: NetEventPause (stop sending, let outstanding sends
 * complete, return held receives; Buffer an NDIS_PROTOCOL_PAUSE_PARAMETERS),
 * NetEventRestart (Buffer an NDIS_PROTOCOL_RESTART_PARAMETERS), NetEventSetPower,
 * NetEventQueryRemoveDevice, NetEventCancelRemoveDevice and
 * NetEventBindsComplete.
 *
 * Context: PASSIVE_LEVEL, with the adapter's operations serialized.
 *
 * Return: NDIS_STATUS_SUCCESS; NDIS_STATUS_PENDING, then exactly one
 * NdisCompleteNetPnPEvent(); or a failure, which vetoes a query-remove
 * and leaves a restarting binding Paused. NetEventPause must succeed.
 */
typedef NDIS_STATUS PROTOCOL_NET_PNP_EVENT(NDIS_HANDLE ProtocolBindingContext,
					     PNET_PNP_EVENT_NOTIFICATION NetPnPEventNotification);

/**
 * typedef PROTOCOL_UNINSTALL - ProtocolUninstall: last call to a protocol
 *
 * Called at the end of NdisDeregisterProtocolDriver(), after every binding
 * was unbound; nothing of the protocol is called afterwards.
 *
 * Context: PASSIVE_LEVEL.
 */
typedef void PROTOCOL_UNINSTALL(void);

/**
 * typedef PROTOCOL_OID_REQUEST_COMPLETE - ProtocolOidRequestComplete
 * @ProtocolBindingContext: the binding's context
 * @OidRequest: the request NdisOidRequest() returned NDIS_STATUS_PENDING for
 * @Status: its final status; BytesWritten, BytesRead or BytesNeeded are set
 *
 * May run before NdisOidRequest() has returned to its caller. The request
 * is the protocol's again.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
typedef void PROTOCOL_OID_REQUEST_COMPLETE(NDIS_HANDLE ProtocolBindingContext,
					     PNDIS_OID_REQUEST OidRequest,
					     NDIS_STATUS Status);

/**
 * typedef PROTOCOL_STATUS_EX - ProtocolStatusEx: a status indication
 * @ProtocolBindingContext: the binding's context
 * @StatusIndication: what the miniport indicated, e.g. NDIS_STATUS_LINK_STATE
 *	with an NDIS_LINK_STATE buffer; valid during the call only
 *
 * Reaches a binding from the completion of its open until its close
 * (returned or, pended, completed), whatever the binding's state.
 *
 * Context: IRQL <= DISPATCH_LEVEL; must not sleep. NdisUnbindAdapter() may
 * be called from here.
 */
typedef void PROTOCOL_STATUS_EX(NDIS_HANDLE ProtocolBindingContext,
				  PNDIS_STATUS_INDICATION StatusIndication);

/**
 * typedef PROTOCOL_RECEIVE_NET_BUFFER_LISTS - ProtocolReceiveNetBufferLists
 * @ProtocolBindingContext: the binding's context
 * @NetBufferLists: a chain of received NBLs, this binding's own copies
 * @PortNumber: 0, the default port
 * @NumberOfNetBufferLists: NBLs in the chain
 * @ReceiveFlags: NDIS_RECEIVE_FLAGS_*
 *
 * Without NDIS_RECEIVE_FLAGS_RESOURCES the protocol owns the NBLs and gives
 * each back with NdisReturnNetBufferLists(), now or later; on NetEventPause
 * it must return all it holds. With the flag it may only read them during
 * the call and must not return them.
 *
 * Context: IRQL <= DISPATCH_LEVEL, possibly on several CPUs at once; only
 * for a binding that is running.
 */
typedef void PROTOCOL_RECEIVE_NET_BUFFER_LISTS(NDIS_HANDLE ProtocolBindingContext,
						 PNET_BUFFER_LIST NetBufferLists,
						 NDIS_PORT_NUMBER PortNumber,
						 ULONG NumberOfNetBufferLists,
						 ULONG ReceiveFlags);

/**
 * typedef PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE - ProtocolSendNetBufferListsComplete
 * @ProtocolBindingContext: the binding's context
 * @NetBufferList: a chain of NBLs this binding sent, each with its Status
 * @SendCompleteFlags: NDIS_SEND_COMPLETE_FLAGS_*
 *
 * Gives sent NBLs back, in any grouping and order; each comes back exactly
 * once, NDIS_STATUS_PAUSED ones included. A pause completes only after
 * every outstanding send came back through here.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
typedef void PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE(NDIS_HANDLE ProtocolBindingContext,
						       PNET_BUFFER_LIST NetBufferList,
						       ULONG SendCompleteFlags);

/**
 * typedef PROTOCOL_DIRECT_OID_REQUEST_COMPLETE - ProtocolDirectOidRequestComplete
 * @ProtocolBindingContext: the binding's context
 * @OidRequest: the request
 * @Status: its final status
 *
 * Accepted in revision 2 characteristics but never called: there is no
 * direct OID path, so no direct request completes.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
typedef void PROTOCOL_DIRECT_OID_REQUEST_COMPLETE(NDIS_HANDLE ProtocolBindingContext,
						    PNDIS_OID_REQUEST OidRequest,
						    NDIS_STATUS Status);

/**
 * struct _NDIS_PROTOCOL_DRIVER_CHARACTERISTICS - a protocol's entry points
 * @Header: NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS, revision 1 or 2
 * @MajorNdisVersion: must be 6
 * @MinorNdisVersion: 0 to 30
 * @MajorDriverVersion: the driver's own version, informational
 * @MinorDriverVersion: the driver's own version, informational
 * @Flags: reserved, 0
 * @Name: unique protocol name (UTF-16, e.g. NDIS_STRING_CONST("ndisprot")),
 *	read during registration only; NDIS keeps it as UTF-8, which names
 *	the protocol in sysfs and configfs and must fit NDIS's 31 bytes
 * @SetOptionsHandler: optional; runs inside registration
 * @BindAdapterHandlerEx: required; PASSIVE_LEVEL; may pend
 * @UnbindAdapterHandlerEx: required; PASSIVE_LEVEL; may pend; cannot fail
 * @OpenAdapterCompleteHandlerEx: required; PASSIVE_LEVEL
 * @CloseAdapterCompleteHandlerEx: required; PASSIVE_LEVEL
 * @NetPnPEventHandler: required; PASSIVE_LEVEL; may pend
 * @UninstallHandler: optional; PASSIVE_LEVEL
 * @OidRequestCompleteHandler: required; IRQL <= DISPATCH_LEVEL
 * @StatusHandlerEx: optional; IRQL <= DISPATCH_LEVEL
 * @ReceiveNetBufferListsHandler: required; IRQL <= DISPATCH_LEVEL
 * @SendNetBufferListsCompleteHandler: required; IRQL <= DISPATCH_LEVEL
 * @DirectOidRequestCompleteHandler: revision 2, optional; never called
 *
 * NDIS copies the structure at registration, as much of it as the
 * revision in @Header has: NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1
 * bytes at least for revision 1, the field after it read as NULL.
 */
typedef struct _NDIS_PROTOCOL_DRIVER_CHARACTERISTICS {
	NDIS_OBJECT_HEADER Header;
	UCHAR MajorNdisVersion;
	UCHAR MinorNdisVersion;
	UCHAR MajorDriverVersion;
	UCHAR MinorDriverVersion;
	ULONG Flags;
	NDIS_STRING Name;
	SET_OPTIONS *SetOptionsHandler;
	PROTOCOL_BIND_ADAPTER_EX *BindAdapterHandlerEx;
	PROTOCOL_UNBIND_ADAPTER_EX *UnbindAdapterHandlerEx;
	PROTOCOL_OPEN_ADAPTER_COMPLETE_EX *OpenAdapterCompleteHandlerEx;
	PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX *CloseAdapterCompleteHandlerEx;
	PROTOCOL_NET_PNP_EVENT *NetPnPEventHandler;
	PROTOCOL_UNINSTALL *UninstallHandler;
	PROTOCOL_OID_REQUEST_COMPLETE *OidRequestCompleteHandler;
	PROTOCOL_STATUS_EX *StatusHandlerEx;
	PROTOCOL_RECEIVE_NET_BUFFER_LISTS *ReceiveNetBufferListsHandler;
	PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE *SendNetBufferListsCompleteHandler;
	PROTOCOL_DIRECT_OID_REQUEST_COMPLETE *DirectOidRequestCompleteHandler;
} NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, *PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS;

#define NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1	1
#define NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_2	2
#define NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, \
				 SendNetBufferListsCompleteHandler)
#define NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_2	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, \
				 DirectOidRequestCompleteHandler)

NDIS_STATUS ndis_register_protocol_driver(NDIS_HANDLE ProtocolDriverContext,
					  PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS
					  ProtocolCharacteristics,
					  PNDIS_HANDLE NdisProtocolHandle,
					  struct module *owner);

/**
 * NdisRegisterProtocolDriver - register a protocol driver
 * @ctx: ProtocolDriverContext, passed to the bind handler
 * @chars: the characteristics, copied
 * @handle: receives the NdisProtocolHandle
 *
 * PASSIVE_LEVEL. Binds may start before this returns, so the driver must
 * be ready for them. @handle is written before the first bind handler
 * runs (and after ProtocolSetOptions): a bind handler may read it for
 * NdisOpenAdapterEx(). A driver that registers several protocols with one
 * set of handlers tells them apart by @ctx, which each handler receives.
 *
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_BAD_VERSION,
 * NDIS_STATUS_BAD_CHARACTERISTICS (a required handler missing; a Name
 * empty, of odd Length, with a unit 0, '/', ':', space or newline in it,
 * or longer than 31 bytes of UTF-8), NDIS_STATUS_RESOURCES or
 * NDIS_STATUS_FAILURE (a protocol of that name is registered).
 */
#define NdisRegisterProtocolDriver(ctx, chars, handle)			\
	ndis_register_protocol_driver(ctx, chars, handle, THIS_MODULE)

void NdisDeregisterProtocolDriver(NDIS_HANDLE NdisProtocolHandle);

NDIS_STATUS NdisOpenAdapterEx(NDIS_HANDLE NdisProtocolHandle,
			      NDIS_HANDLE ProtocolBindingContext,
			      PNDIS_OPEN_PARAMETERS OpenParameters,
			      NDIS_HANDLE BindContext,
			      PNDIS_HANDLE NdisBindingHandle);
void NdisCompleteBindAdapterEx(NDIS_HANDLE BindAdapterContext, NDIS_STATUS Status);
NDIS_STATUS NdisCloseAdapterEx(NDIS_HANDLE NdisBindingHandle);
void NdisCompleteUnbindAdapterEx(NDIS_HANDLE UnbindContext);
NDIS_STATUS NdisUnbindAdapter(NDIS_HANDLE NdisBindingHandle);
void NdisReEnumerateProtocolBindings(NDIS_HANDLE NdisProtocolHandle);
NDIS_STATUS NdisQueryAdapterInstanceName(PNDIS_STRING AdapterInstanceName,
					 NDIS_HANDLE NdisBindingHandle);
NDIS_STATUS NdisQueryBindInstanceName(PNDIS_STRING pAdapterInstanceName,
				      NDIS_HANDLE BindingContext);

void NdisSendNetBufferLists(NDIS_HANDLE NdisBindingHandle, PNET_BUFFER_LIST NetBufferLists,
			    NDIS_PORT_NUMBER PortNumber, ULONG SendFlags);
void NdisCancelSendNetBufferLists(NDIS_HANDLE NdisBindingHandle, PVOID CancelId);
UCHAR NdisGeneratePartialCancelId(void);
void NdisReturnNetBufferLists(NDIS_HANDLE NdisBindingHandle, PNET_BUFFER_LIST NetBufferLists,
			      ULONG ReturnFlags);

#endif /* _NDIS_PROTOCOL_H */
