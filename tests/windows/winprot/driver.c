// SPDX-License-Identifier: GPL-2.0
/*
 * winprot: DriverEntry and DriverUnload.
 */
#include "winprot.h"

WP_GLOBALS WpGlobals;

static DRIVER_INITIALIZE WpDriverEntry;
static DRIVER_UNLOAD WpUnload;

static NDIS_STRING WpProtocolName = NDIS_STRING_CONST("winprot");

static void WpUnload(PDRIVER_OBJECT DriverObject)
{
	WpDeleteDevice();
	NdisDeregisterProtocolDriver(WpGlobals.ProtocolHandle);
}

static NTSTATUS WpDriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS Chars;
	NTSTATUS Status;

	NDIS_INIT_MUTEX(&WpGlobals.Lock);
	NdisInitializeListHead(&WpGlobals.OpenList);

	/* The device first, as ndisprot does: it opens once DriverEntry returns. */
	Status = WpCreateDevice(DriverObject);
	if (!NT_SUCCESS(Status))
		return Status;

	NdisZeroMemory(&Chars, sizeof(Chars));
	Chars.Header.Type = NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS;
	Chars.Header.Revision = NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
	Chars.Header.Size = NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
	Chars.MajorNdisVersion = 6;
	Chars.MinorNdisVersion = 0;
	Chars.MajorDriverVersion = 1;
	Chars.MinorDriverVersion = 0;
	Chars.Name = WpProtocolName;
	Chars.BindAdapterHandlerEx = WpBindAdapter;
	Chars.UnbindAdapterHandlerEx = WpUnbindAdapter;
	Chars.OpenAdapterCompleteHandlerEx = WpOpenAdapterComplete;
	Chars.CloseAdapterCompleteHandlerEx = WpCloseAdapterComplete;
	Chars.NetPnPEventHandler = WpPnPEventHandler;
	Chars.OidRequestCompleteHandler = WpOidRequestComplete;
	Chars.StatusHandlerEx = WpStatusHandler;
	Chars.ReceiveNetBufferListsHandler = WpReceiveNetBufferLists;
	Chars.SendNetBufferListsCompleteHandler = WpSendComplete;

	Status = NdisRegisterProtocolDriver(NULL, &Chars, &WpGlobals.ProtocolHandle);
	if (Status != NDIS_STATUS_SUCCESS) {
		WpDeleteDevice();
		return Status;
	}

	DriverObject->DriverUnload = WpUnload;
	return STATUS_SUCCESS;
}

NDIS_DRIVER_ENTRY(WpDriverEntry);

MODULE_DESCRIPTION("winprot: a Windows-style NDIS 6 protocol driver with a device (test driver)");
MODULE_LICENSE("GPL");
