// SPDX-License-Identifier: GPL-2.0
/*
 * winmini: an adapter's life, from MiniportInitializeEx to
 * MiniportHaltEx, with its configuration, pools, timer and work item.
 */
#include "winmini.h"

static const NDIS_OID WmSupportedOids[] = {
	OID_GEN_SUPPORTED_LIST,
	OID_GEN_HARDWARE_STATUS,
	OID_GEN_MEDIA_SUPPORTED,
	OID_GEN_MEDIA_IN_USE,
	OID_GEN_MAXIMUM_LOOKAHEAD,
	OID_GEN_MAXIMUM_FRAME_SIZE,
	OID_GEN_MAXIMUM_TOTAL_SIZE,
	OID_GEN_TRANSMIT_BLOCK_SIZE,
	OID_GEN_RECEIVE_BLOCK_SIZE,
	OID_GEN_VENDOR_ID,
	OID_GEN_VENDOR_DESCRIPTION,
	OID_GEN_VENDOR_DRIVER_VERSION,
	OID_GEN_CURRENT_PACKET_FILTER,
	OID_GEN_CURRENT_LOOKAHEAD,
	OID_GEN_XMIT_OK,
	OID_GEN_RCV_OK,
	OID_GEN_RCV_NO_BUFFER,
	OID_GEN_BYTES_XMIT,
	OID_GEN_BYTES_RCV,
	OID_802_3_PERMANENT_ADDRESS,
	OID_802_3_CURRENT_ADDRESS,
	OID_802_3_MULTICAST_LIST,
	OID_802_3_MAXIMUM_LIST_SIZE,
};

static NDIS_STRING WmRecvDelayKeyword = NDIS_STRING_CONST("ReceiveDelay");

NDIS_STATUS WmSetOptions(NDIS_HANDLE NdisMiniportDriverHandle, NDIS_HANDLE MiniportDriverContext)
{
	return NDIS_STATUS_SUCCESS;
}

static BOOLEAN WmIsZeroAddress(const UCHAR *Address)
{
	ULONG i;

	for (i = 0; i < ETH_LENGTH_OF_ADDRESS; i++)
		if (Address[i])
			return FALSE;
	return TRUE;
}

/*
 * The adapter's keywords: ReceiveDelay (milliseconds between a send and
 * its indication on the other adapters) and NetworkAddress.
 */
static void WmReadConfiguration(PWM_ADAPTER Adapter)
{
	NDIS_CONFIGURATION_OBJECT ConfigObject;
	PNDIS_CONFIGURATION_PARAMETER Parameter;
	NDIS_HANDLE ConfigurationHandle;
	PUCHAR NetworkAddress;	/* netvmini's type: NDIS takes it as a PVOID * */
	UINT AddressLength;
	NDIS_STATUS Status;

	NdisZeroMemory(&ConfigObject, sizeof(ConfigObject));
	ConfigObject.Header.Type = NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT;
	ConfigObject.Header.Revision = NDIS_CONFIGURATION_OBJECT_REVISION_1;
	ConfigObject.Header.Size = NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1;
	ConfigObject.NdisHandle = Adapter->AdapterHandle;
	ConfigObject.Flags = 0;

	if (NdisOpenConfigurationEx(&ConfigObject, &ConfigurationHandle) != NDIS_STATUS_SUCCESS)
		return;

	NdisReadConfiguration(&Status, &Parameter, ConfigurationHandle, &WmRecvDelayKeyword,
			      NdisParameterInteger);
	if (Status == NDIS_STATUS_SUCCESS && Parameter->ParameterData.IntegerData <= 1000)
		Adapter->RecvDelayMs = Parameter->ParameterData.IntegerData;

	NdisReadNetworkAddress(&Status, &NetworkAddress, &AddressLength, ConfigurationHandle);
	if (Status == NDIS_STATUS_SUCCESS && AddressLength == ETH_LENGTH_OF_ADDRESS &&
	    !ETH_IS_MULTICAST(NetworkAddress) && !WmIsZeroAddress(NetworkAddress))
		ETH_COPY_NETWORK_ADDRESS(Adapter->CurrentAddress, NetworkAddress);

	NdisCloseConfiguration(ConfigurationHandle);
}

static NDIS_STATUS WmSetAttributes(PWM_ADAPTER Adapter)
{
	NDIS_MINIPORT_ADAPTER_ATTRIBUTES Attributes;
	PNDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Registration =
		&Attributes.RegistrationAttributes;
	PNDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES General = &Attributes.GeneralAttributes;
	NDIS_STATUS Status;

	NdisZeroMemory(&Attributes, sizeof(Attributes));
	Registration->Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
	Registration->Header.Revision =
		NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
	Registration->Header.Size =
		NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
	Registration->MiniportAdapterContext = Adapter;
	Registration->AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_NDIS_WDM;
	Registration->CheckForHangTimeInSeconds = 0;
	Registration->InterfaceType = NdisInterfaceInternal;

	Status = NdisMSetMiniportAttributes(Adapter->AdapterHandle, &Attributes);
	if (Status != NDIS_STATUS_SUCCESS)
		return Status;

	NdisZeroMemory(&Attributes, sizeof(Attributes));
	General->Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
	General->Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1;
	General->Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1;
	General->MediaType = NdisMedium802_3;
	General->PhysicalMediumType = NdisPhysicalMediumUnspecified;
	General->MtuSize = WM_MTU;
	General->MaxXmitLinkSpeed = WM_LINK_SPEED;
	General->XmitLinkSpeed = WM_LINK_SPEED;
	General->MaxRcvLinkSpeed = WM_LINK_SPEED;
	General->RcvLinkSpeed = WM_LINK_SPEED;
	General->MediaConnectState = MediaConnectStateConnected;
	General->MediaDuplexState = MediaDuplexStateFull;
	General->LookaheadSize = WM_MTU;
	General->MacOptions = NDIS_MAC_OPTION_COPY_LOOKAHEAD_DATA |
				       NDIS_MAC_OPTION_TRANSFERS_NOT_PEND |
				       NDIS_MAC_OPTION_NO_LOOPBACK;
	General->SupportedPacketFilters = WM_PACKET_FILTERS;
	General->MaxMulticastListSize = WM_MAX_MCAST;
	General->MacAddressLength = ETH_LENGTH_OF_ADDRESS;
	ETH_COPY_NETWORK_ADDRESS(General->PermanentMacAddress,
				 Adapter->PermanentAddress);
	ETH_COPY_NETWORK_ADDRESS(General->CurrentMacAddress, Adapter->CurrentAddress);
	General->RecvScaleCapabilities = NULL;
	General->AccessType = NET_IF_ACCESS_BROADCAST;
	General->DirectionType = NET_IF_DIRECTION_SENDRECEIVE;
	General->ConnectionType = NET_IF_CONNECTION_DEDICATED;
	General->IfType = IF_TYPE_ETHERNET_CSMACD;
	General->IfConnectorPresent = FALSE;
	General->SupportedStatistics = NDIS_STATISTICS_XMIT_OK_SUPPORTED |
						NDIS_STATISTICS_RCV_OK_SUPPORTED |
						NDIS_STATISTICS_RCV_NO_BUFFER_SUPPORTED |
						NDIS_STATISTICS_BYTES_RCV_SUPPORTED |
						NDIS_STATISTICS_BYTES_XMIT_SUPPORTED;
	General->SupportedPauseFunctions = NdisPauseFunctionsUnsupported;
	General->DataBackFillSize = 0;
	General->ContextBackFillSize = 0;
	General->SupportedOidList = (PNDIS_OID)WmSupportedOids;
	General->SupportedOidListLength = sizeof(WmSupportedOids);
	General->AutoNegotiationFlags = NDIS_LINK_STATE_DUPLEX_AUTO_NEGOTIATED;
	General->PowerManagementCapabilities = NULL;

	return NdisMSetMiniportAttributes(Adapter->AdapterHandle, &Attributes);
}

static void WmFreeAdapter(PWM_ADAPTER Adapter)
{
	if (Adapter->LinkWorkItem)
		NdisFreeIoWorkItem(Adapter->LinkWorkItem);
	if (Adapter->RecvTimer)
		NdisFreeTimerObject(Adapter->RecvTimer);
	if (Adapter->NblPool)
		NdisFreeNetBufferListPool(Adapter->NblPool);
	NdisDeleteNPagedLookasideList(&Adapter->RcbLookaside);
	NdisFreeSpinLock(&Adapter->Lock);
	NdisFreeMemory(Adapter, sizeof(*Adapter), 0);
}

NDIS_STATUS WmInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
			   PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
	NET_BUFFER_LIST_POOL_PARAMETERS PoolParameters;
	NDIS_TIMER_CHARACTERISTICS TimerCharacteristics;
	LOCK_STATE_EX LockState;
	PWM_ADAPTER Adapter;
	NDIS_STATUS Status;

	Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter),
						    WM_TAG, NormalPoolPriority);
	if (!Adapter)
		return NDIS_STATUS_RESOURCES;
	NdisZeroMemory(Adapter, sizeof(*Adapter));
	Adapter->AdapterHandle = MiniportAdapterHandle;
	Adapter->Index = (ULONG)(ULONG_PTR)MiniportInitParameters->MiniportAddDeviceContext;
	NdisAllocateSpinLock(&Adapter->Lock);
	NdisInitializeListHead(&Adapter->RecvQueue);
	NdisInitializeListHead(&Adapter->HubLink);
	NdisInitializeNPagedLookasideList(&Adapter->RcbLookaside, NULL, NULL, 0, sizeof(WM_RCB),
					  WM_TAG, 0);

	/* Locally administered, "Wm", then the adapter's index. */
	Adapter->PermanentAddress[0] = 0x02;
	Adapter->PermanentAddress[1] = 'W';
	Adapter->PermanentAddress[2] = 'm';
	Adapter->PermanentAddress[5] = (UCHAR)Adapter->Index;
	ETH_COPY_NETWORK_ADDRESS(Adapter->CurrentAddress, Adapter->PermanentAddress);
	Adapter->LookAhead = WM_MTU;
	WmReadConfiguration(Adapter);

	Status = WmSetAttributes(Adapter);
	if (Status != NDIS_STATUS_SUCCESS)
		goto fail;

	NdisZeroMemory(&PoolParameters, sizeof(PoolParameters));
	PoolParameters.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
	PoolParameters.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
	PoolParameters.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
	PoolParameters.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
	PoolParameters.fAllocateNetBuffer = TRUE;
	PoolParameters.ContextSize = 0;
	PoolParameters.PoolTag = WM_TAG;
	PoolParameters.DataSize = 0;
	Adapter->NblPool = NdisAllocateNetBufferListPool(MiniportAdapterHandle, &PoolParameters);
	if (!Adapter->NblPool) {
		Status = NDIS_STATUS_RESOURCES;
		goto fail;
	}

	NdisZeroMemory(&TimerCharacteristics, sizeof(TimerCharacteristics));
	TimerCharacteristics.Header.Type = NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS;
	TimerCharacteristics.Header.Revision = NDIS_TIMER_CHARACTERISTICS_REVISION_1;
	TimerCharacteristics.Header.Size = NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1;
	TimerCharacteristics.AllocationTag = WM_TAG;
	TimerCharacteristics.TimerFunction = WmRecvTimer;
	TimerCharacteristics.FunctionContext = Adapter;
	Status = NdisAllocateTimerObject(MiniportAdapterHandle, &TimerCharacteristics,
					 &Adapter->RecvTimer);
	if (Status != NDIS_STATUS_SUCCESS)
		goto fail;

	Adapter->LinkWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
	if (!Adapter->LinkWorkItem) {
		Status = NDIS_STATUS_RESOURCES;
		goto fail;
	}

	/* On the hub from now on; paused until MiniportRestart. */
	NdisAcquireRWLockWrite(WmHubLock, &LockState, 0);
	InsertTailList(&WmHub, &Adapter->HubLink);
	NdisReleaseRWLock(WmHubLock, &LockState);
	return NDIS_STATUS_SUCCESS;

fail:
	WmFreeAdapter(Adapter);
	return Status;
}

void WmHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
	PWM_ADAPTER Adapter = MiniportAdapterContext;
	LOCK_STATE_EX LockState;

	/* Off the hub first: no sender finds the adapter after this. */
	NdisAcquireRWLockWrite(WmHubLock, &LockState, 0);
	RemoveEntryList(&Adapter->HubLink);
	NdisReleaseRWLock(WmHubLock, &LockState);

	/* Paused already: the timer may still run once, for nothing. */
	NdisCancelTimerObject(Adapter->RecvTimer);
	WmFlushRecvQueue(Adapter);
	WmFreeAdapter(Adapter);
}

NDIS_STATUS WmPause(NDIS_HANDLE MiniportAdapterContext,
		    PNDIS_MINIPORT_PAUSE_PARAMETERS PauseParameters)
{
	PWM_ADAPTER Adapter = MiniportAdapterContext;
	NDIS_STATUS Status = NDIS_STATUS_SUCCESS;

	NdisAcquireSpinLock(&Adapter->Lock);
	Adapter->Running = FALSE;
	NdisReleaseSpinLock(&Adapter->Lock);

	NdisCancelTimerObject(Adapter->RecvTimer);
	WmFlushRecvQueue(Adapter);

	/* Indicated frames still with the protocols: the last return completes. */
	NdisAcquireSpinLock(&Adapter->Lock);
	if (Adapter->RecvOutstanding) {
		Adapter->PausePending = TRUE;
		Status = NDIS_STATUS_PENDING;
	}
	NdisReleaseSpinLock(&Adapter->Lock);
	return Status;
}

/* The link comes up from a work item, as a real adapter's would. */
static void WmIndicateLinkUp(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
	PWM_ADAPTER Adapter = WorkItemContext;
	NDIS_STATUS_INDICATION Indication;
	NDIS_LINK_STATE LinkState;

	NdisZeroMemory(&LinkState, sizeof(LinkState));
	LinkState.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
	LinkState.Header.Revision = NDIS_LINK_STATE_REVISION_1;
	LinkState.Header.Size = NDIS_SIZEOF_LINK_STATE_REVISION_1;
	LinkState.MediaConnectState = MediaConnectStateConnected;
	LinkState.MediaDuplexState = MediaDuplexStateFull;
	LinkState.XmitLinkSpeed = WM_LINK_SPEED;
	LinkState.RcvLinkSpeed = WM_LINK_SPEED;

	NdisZeroMemory(&Indication, sizeof(Indication));
	Indication.Header.Type = NDIS_OBJECT_TYPE_STATUS_INDICATION;
	Indication.Header.Revision = NDIS_STATUS_INDICATION_REVISION_1;
	Indication.Header.Size = NDIS_SIZEOF_STATUS_INDICATION_REVISION_1;
	Indication.SourceHandle = Adapter->AdapterHandle;
	Indication.StatusCode = NDIS_STATUS_LINK_STATE;
	Indication.StatusBuffer = &LinkState;
	Indication.StatusBufferSize = sizeof(LinkState);
	NdisMIndicateStatusEx(Adapter->AdapterHandle, &Indication);
}

NDIS_STATUS WmRestart(NDIS_HANDLE MiniportAdapterContext,
		      PNDIS_MINIPORT_RESTART_PARAMETERS RestartParameters)
{
	PWM_ADAPTER Adapter = MiniportAdapterContext;

	NdisAcquireSpinLock(&Adapter->Lock);
	Adapter->Running = TRUE;
	NdisReleaseSpinLock(&Adapter->Lock);
	NdisQueueIoWorkItem(Adapter->LinkWorkItem, WmIndicateLinkUp, Adapter);
	return NDIS_STATUS_SUCCESS;
}

void WmDevicePnPEventNotify(NDIS_HANDLE MiniportAdapterContext,
			    PNET_DEVICE_PNP_EVENT NetDevicePnPEvent)
{
}

void WmShutdownEx(NDIS_HANDLE MiniportAdapterContext, NDIS_SHUTDOWN_ACTION ShutdownAction)
{
	PWM_ADAPTER Adapter = MiniportAdapterContext;

	/* Possibly at high level: no waiting, no freeing. */
	Adapter->Running = FALSE;
}
