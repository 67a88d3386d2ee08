/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Protocol drivers: registration, the handlers NDIS calls, and the calls a
 * protocol makes to bind, open, close and unbind.
 *
 * Differences from the DDI, all deliberate:
 * - Names are C strings, not NDIS_STRINGs.
 * - NdisRegisterProtocolDriver() is a macro that also records the calling
 *   module, so that a module unloading without deregistering is caught.
 * - Every protocol is offered every adapter; the medium check happens in
 *   NdisOpenAdapterEx() (NDIS_STATUS_UNSUPPORTED_MEDIA), as there is no
 *   INF bind list to filter on.
 */
#ifndef _NDIS_PROTOCOL_H
#define _NDIS_PROTOCOL_H

#include <linux/module.h>
#include <ndis/object.h>
#include <ndis/pnp.h>
#include <ndis/status.h>

/**
 * struct _NDIS_BIND_PARAMETERS - what a protocol learns of an adapter at bind
 * @Header: NDIS_OBJECT_TYPE_BIND_PARAMETERS, revision 1
 * @AdapterName: the adapter's name; valid during the bind handler only
 * @MediaType: the adapter's medium
 * @MtuSize: largest payload, without the link header
 * @MaxXmitLinkSpeed: top transmit speed, bit/s
 * @XmitLinkSpeed: current transmit speed, bit/s
 * @MaxRcvLinkSpeed: top receive speed, bit/s
 * @RcvLinkSpeed: current receive speed, bit/s
 * @MediaConnectState: link state
 * @MediaDuplexState: duplex
 * @LookaheadSize: lookahead the adapter offers
 * @MacOptions: NDIS_MAC_OPTION_* flags
 * @SupportedPacketFilters: NDIS_PACKET_TYPE_* filters the adapter supports
 * @MaxMulticastListSize: multicast addresses the adapter can filter
 * @MacAddressLength: bytes used in the address arrays
 * @CurrentMacAddress: the address in use
 * @PermanentMacAddress: the burnt-in address (a Linux addition)
 */
typedef struct _NDIS_BIND_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	const char *AdapterName;
	NDIS_MEDIUM MediaType;
	ULONG MtuSize;
	ULONG64 MaxXmitLinkSpeed;
	ULONG64 XmitLinkSpeed;
	ULONG64 MaxRcvLinkSpeed;
	ULONG64 RcvLinkSpeed;
	NDIS_MEDIA_CONNECT_STATE MediaConnectState;
	NDIS_MEDIA_DUPLEX_STATE MediaDuplexState;
	ULONG LookaheadSize;
	ULONG MacOptions;
	ULONG SupportedPacketFilters;
	ULONG MaxMulticastListSize;
	USHORT MacAddressLength;
	UCHAR CurrentMacAddress[NDIS_MAX_PHYS_ADDRESS_LENGTH];
	UCHAR PermanentMacAddress[NDIS_MAX_PHYS_ADDRESS_LENGTH];
} NDIS_BIND_PARAMETERS, *PNDIS_BIND_PARAMETERS;

#define NDIS_BIND_PARAMETERS_REVISION_1	1

typedef USHORT NET_FRAME_TYPE, *PNET_FRAME_TYPE;

/**
 * struct _NDIS_OPEN_PARAMETERS - what NdisOpenAdapterEx() is asked to open
 * @Header: NDIS_OBJECT_TYPE_OPEN_PARAMETERS, revision 1
 * @AdapterName: the adapter (from the bind parameters), or NULL
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
	const char *AdapterName;
	PNDIS_MEDIUM MediumArray;
	UINT MediumArraySize;
	PUINT SelectedMediumIndex;
	PNET_FRAME_TYPE FrameTypeArray;
	UINT FrameTypeArraySize;
} NDIS_OPEN_PARAMETERS, *PNDIS_OPEN_PARAMETERS;

#define NDIS_OPEN_PARAMETERS_REVISION_1	1

typedef NDIS_STATUS SET_OPTIONS(NDIS_HANDLE NdisDriverHandle,
				  NDIS_HANDLE DriverContext);
typedef NDIS_STATUS PROTOCOL_BIND_ADAPTER_EX(NDIS_HANDLE ProtocolDriverContext,
					       NDIS_HANDLE BindContext,
					       PNDIS_BIND_PARAMETERS BindParameters);
typedef NDIS_STATUS PROTOCOL_UNBIND_ADAPTER_EX(NDIS_HANDLE UnbindContext,
						 NDIS_HANDLE ProtocolBindingContext);
typedef void PROTOCOL_OPEN_ADAPTER_COMPLETE_EX(NDIS_HANDLE ProtocolBindingContext,
						 NDIS_STATUS Status);
typedef void PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX(NDIS_HANDLE ProtocolBindingContext);
typedef NDIS_STATUS PROTOCOL_NET_PNP_EVENT(NDIS_HANDLE ProtocolBindingContext,
					     PNET_PNP_EVENT_NOTIFICATION NetPnPEventNotification);
typedef void PROTOCOL_UNINSTALL(void);
typedef void PROTOCOL_OID_REQUEST_COMPLETE(NDIS_HANDLE ProtocolBindingContext,
					     PNDIS_OID_REQUEST OidRequest,
					     NDIS_STATUS Status);
typedef void PROTOCOL_STATUS_EX(NDIS_HANDLE ProtocolBindingContext,
				  PNDIS_STATUS_INDICATION StatusIndication);
typedef void PROTOCOL_RECEIVE_NET_BUFFER_LISTS(NDIS_HANDLE ProtocolBindingContext,
						 PNET_BUFFER_LIST NetBufferLists,
						 NDIS_PORT_NUMBER PortNumber,
						 ULONG NumberOfNetBufferLists,
						 ULONG ReceiveFlags);
typedef void PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE(NDIS_HANDLE ProtocolBindingContext,
						       PNET_BUFFER_LIST NetBufferList,
						       ULONG SendCompleteFlags);

/**
 * struct _NDIS_PROTOCOL_DRIVER_CHARACTERISTICS - a protocol's entry points
 * @Header: NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS, revision 1 or 2
 * @MajorNdisVersion: must be 6
 * @MinorNdisVersion: 0 to 30
 * @MajorDriverVersion: the driver's own version, informational
 * @MinorDriverVersion: the driver's own version, informational
 * @Flags: reserved, 0
 * @Name: unique protocol name, shown in sysfs
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
 *
 * NDIS copies the structure at registration.
 */
typedef struct _NDIS_PROTOCOL_DRIVER_CHARACTERISTICS {
	NDIS_OBJECT_HEADER Header;
	UCHAR MajorNdisVersion;
	UCHAR MinorNdisVersion;
	UCHAR MajorDriverVersion;
	UCHAR MinorDriverVersion;
	ULONG Flags;
	const char *Name;
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
} NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, *PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS;

#define NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1	1
#define NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_2	2
#define NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_2 \
	sizeof(NDIS_PROTOCOL_DRIVER_CHARACTERISTICS)

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
 * PASSIVE_LEVEL. Binds may start before this returns: the driver must be
 * ready for them, and must not rely on @handle having been written yet.
 *
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_BAD_VERSION,
 * NDIS_STATUS_BAD_CHARACTERISTICS, NDIS_STATUS_RESOURCES or
 * NDIS_STATUS_FAILURE.
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

void NdisSendNetBufferLists(NDIS_HANDLE NdisBindingHandle, PNET_BUFFER_LIST NetBufferLists,
			    NDIS_PORT_NUMBER PortNumber, ULONG SendFlags);
void NdisCancelSendNetBufferLists(NDIS_HANDLE NdisBindingHandle, PVOID CancelId);
UCHAR NdisGeneratePartialCancelId(void);
void NdisReturnNetBufferLists(NDIS_HANDLE NdisBindingHandle, PNET_BUFFER_LIST NetBufferLists,
			      ULONG ReturnFlags);

#endif /* _NDIS_PROTOCOL_H */
