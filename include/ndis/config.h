/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Configuration: the keywords a driver reads (and may write) with the
 * DDI's calls, where Windows keeps them in the registry.
 *
 * Here they live in a store ndis.ko keeps, which the administrator sets
 * through configfs before a driver loads or binds:
 *
 *   /sys/kernel/config/ndis/<driver>/<keyword>/value
 *   /sys/kernel/config/ndis/<driver>/<adapter>/<keyword>/value
 *
 * Every directory is a key, and a key whose value file was written is
 * also a keyword of its parent key. A miniport's driver handle opens
 * <driver>, its MiniportAdapterHandle <driver>/<adapter>; a protocol's
 * driver handle opens <protocol>, its bind context, BindParameters or
 * binding handle <protocol>/<adapter>. Values are text; a read converts
 * the text to the type the driver asks for. Keyword and key names match
 * without regard to case, as registry names do.
 */
#ifndef _NDIS_CONFIG_H
#define _NDIS_CONFIG_H

#include <ndis/object.h>
#include <ndis/sal.h>
#include <ndis/status.h>
#include <ndis/string.h>
#include <ndis/types.h>

/**
 * struct _NDIS_CONFIGURATION_OBJECT - which configuration to open
 * @Header: NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT,
 *	NDIS_CONFIGURATION_OBJECT_REVISION_1,
 *	NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1
 * @NdisHandle: a handle NDIS gave the driver: its miniport or protocol
 *	driver handle, a MiniportAdapterHandle, a BindContext, the
 *	BindParameters of ProtocolBindAdapterEx, or an NdisBindingHandle
 * @Flags: NDIS_CONFIG_FLAG_FILTER_INSTANCE_CONFIGURATION or 0; there are
 *	no filter drivers, so it changes nothing
 */
typedef struct _NDIS_CONFIGURATION_OBJECT {
	NDIS_OBJECT_HEADER Header;
	NDIS_HANDLE NdisHandle;
	ULONG Flags;
} NDIS_CONFIGURATION_OBJECT, *PNDIS_CONFIGURATION_OBJECT;

#define NDIS_CONFIGURATION_OBJECT_REVISION_1		1
#define NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NDIS_CONFIGURATION_OBJECT, Flags)
#define NDIS_CONFIG_FLAG_FILTER_INSTANCE_CONFIGURATION	0x00000001

/**
 * enum _NDIS_PARAMETER_TYPE - the type of a keyword's value
 * @NdisParameterInteger: a ULONG, written in decimal
 * @NdisParameterHexInteger: a ULONG, written in hexadecimal
 * @NdisParameterString: an NDIS_STRING
 * @NdisParameterMultiString: several strings (REG_MULTI_SZ): one per line
 *	of the value's text
 * @NdisParameterBinary: bytes (REG_BINARY): hexadecimal pairs in the text
 */
typedef enum _NDIS_PARAMETER_TYPE {
	NdisParameterInteger,
	NdisParameterHexInteger,
	NdisParameterString,
	NdisParameterMultiString,
	NdisParameterBinary,
} NDIS_PARAMETER_TYPE, *PNDIS_PARAMETER_TYPE;

/**
 * struct BINARY_DATA - the bytes of a binary keyword
 * @Length: bytes at @Buffer
 * @Buffer: the bytes
 */
typedef struct {
	USHORT Length;
	PVOID Buffer;
} BINARY_DATA;

/**
 * struct _NDIS_CONFIGURATION_PARAMETER - a keyword's type and value
 * @ParameterType: what @ParameterData holds
 * @ParameterData: the value
 * @ParameterData.IntegerData: for NdisParameterInteger
 * @ParameterData.StringData: for NdisParameterString and
 *	NdisParameterMultiString (the strings one after the other, each with
 *	its NUL, and one more NUL after the last)
 * @ParameterData.BinaryData: for NdisParameterBinary
 *
 * NdisReadConfiguration() returns one that NDIS owns until
 * NdisCloseConfiguration(); NdisWriteConfiguration() takes one the driver
 * filled in.
 */
typedef struct _NDIS_CONFIGURATION_PARAMETER {
	NDIS_PARAMETER_TYPE ParameterType;
	union {
		ULONG IntegerData;
		NDIS_STRING StringData;
		BINARY_DATA BinaryData;
	} ParameterData;
} NDIS_CONFIGURATION_PARAMETER, *PNDIS_CONFIGURATION_PARAMETER;

/**
 * enum _NDIS_PROCESSOR_TYPE - what the predefined keyword ProcessorType says
 * @NdisProcessorX86: 32-bit x86
 * @NdisProcessorMips: MIPS
 * @NdisProcessorAlpha: Alpha
 * @NdisProcessorPpc: PowerPC
 * @NdisProcessorAmd64: x86-64
 * @NdisProcessorIA64: Itanium
 * @NdisProcessorArm: 32-bit Arm
 * @NdisProcessorArm64: 64-bit Arm
 *
 * ProcessorType reads as the value of the machine's architecture; on one
 * the DDI has no value for (RISC-V, s390, ...) the keyword is missing.
 */
typedef enum _NDIS_PROCESSOR_TYPE {
	NdisProcessorX86,
	NdisProcessorMips,
	NdisProcessorAlpha,
	NdisProcessorPpc,
	NdisProcessorAmd64,
	NdisProcessorIA64,
	NdisProcessorArm,
	NdisProcessorArm64,
} NDIS_PROCESSOR_TYPE, *PNDIS_PROCESSOR_TYPE;

NDIS_STATUS NdisOpenConfigurationEx(PNDIS_CONFIGURATION_OBJECT ConfigObject,
				    PNDIS_HANDLE ConfigurationHandle);
void NdisCloseConfiguration(NDIS_HANDLE ConfigurationHandle);
void NdisReadConfiguration(PNDIS_STATUS Status, PNDIS_CONFIGURATION_PARAMETER *ParameterValue,
			   NDIS_HANDLE ConfigurationHandle, PNDIS_STRING Keyword,
			   NDIS_PARAMETER_TYPE ParameterType);
void NdisWriteConfiguration(PNDIS_STATUS Status, NDIS_HANDLE ConfigurationHandle,
			    PNDIS_STRING Keyword, PNDIS_CONFIGURATION_PARAMETER ParameterValue);
void NdisReadNetworkAddress(PNDIS_STATUS Status, PVOID *NetworkAddress,
			    PUINT NetworkAddressLength, NDIS_HANDLE ConfigurationHandle);
/* Drivers pass a PUCHAR * too, which MSVC converts without a word: so here. */
#define NdisReadNetworkAddress(Status, NetworkAddress, NetworkAddressLength,	\
			       ConfigurationHandle)				\
	NdisReadNetworkAddress(Status, (PVOID *)(NetworkAddress),		\
			       NetworkAddressLength, ConfigurationHandle)
void NdisOpenConfigurationKeyByName(PNDIS_STATUS Status, NDIS_HANDLE ConfigurationHandle,
				    PNDIS_STRING SubKeyName, PNDIS_HANDLE SubKeyHandle);
void NdisOpenConfigurationKeyByIndex(PNDIS_STATUS Status, NDIS_HANDLE ConfigurationHandle,
				     ULONG Index, PNDIS_STRING KeyName,
				     PNDIS_HANDLE KeyHandle);

#endif /* _NDIS_CONFIG_H */
