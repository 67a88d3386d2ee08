// SPDX-License-Identifier: GPL-2.0
/*
 * winmini: DriverEntry and unload, as a Windows NDIS 6 miniport has them.
 */
#include "winmini.h"

NDIS_HANDLE WmDriverHandle;
PNDIS_RW_LOCK_EX WmHubLock;
LIST_ENTRY WmHub;

static MINIPORT_UNLOAD WmUnload;
static DRIVER_INITIALIZE WmDriverEntry;

static void WmUnload(PDRIVER_OBJECT DriverObject)
{
	WmPnpStopAdapters();
	NdisMDeregisterMiniportDriver(WmDriverHandle);
	NdisFreeRWLock(WmHubLock);
}

static NTSTATUS WmDriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
	NDIS_STATUS Status;

	NdisInitializeListHead(&WmHub);

	NdisZeroMemory(&Chars, sizeof(Chars));
	Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
	Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
	Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
	Chars.MajorNdisVersion = 6;
	Chars.MinorNdisVersion = 20;
	Chars.MajorDriverVersion = 1;
	Chars.MinorDriverVersion = 0;
	Chars.SetOptionsHandler = WmSetOptions;
	Chars.InitializeHandlerEx = WmInitializeEx;
	Chars.HaltHandlerEx = WmHaltEx;
	Chars.UnloadHandler = WmUnload;
	Chars.PauseHandler = WmPause;
	Chars.RestartHandler = WmRestart;
	Chars.OidRequestHandler = WmOidRequest;
	Chars.SendNetBufferListsHandler = WmSendNetBufferLists;
	Chars.ReturnNetBufferListsHandler = WmReturnNetBufferLists;
	Chars.CancelSendHandler = WmCancelSend;
	Chars.DevicePnPEventNotifyHandler = WmDevicePnPEventNotify;
	Chars.ShutdownHandlerEx = WmShutdownEx;
	Chars.CancelOidRequestHandler = WmCancelOidRequest;

	Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars,
					     &WmDriverHandle);
	if (Status != NDIS_STATUS_SUCCESS)
		return Status;

	WmHubLock = NdisAllocateRWLock(WmDriverHandle);
	if (!WmHubLock) {
		NdisMDeregisterMiniportDriver(WmDriverHandle);
		return NDIS_STATUS_RESOURCES;
	}

	Status = WmPnpStartAdapters(WmDriverHandle);
	if (Status != NDIS_STATUS_SUCCESS) {
		WmPnpStopAdapters();
		NdisMDeregisterMiniportDriver(WmDriverHandle);
		NdisFreeRWLock(WmHubLock);
	}
	return Status;
}

NDIS_DRIVER_ENTRY(WmDriverEntry);

MODULE_DESCRIPTION("winmini: a Windows-style NDIS 6 virtual miniport (test driver)");
MODULE_LICENSE("GPL");
