/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hardware resource list of wdm.h that a miniport's init parameters
 * point to (NDIS_MINIPORT_INIT_PARAMETERS.AllocatedResources): the ports,
 * interrupts and memory ranges the PnP manager gave the adapter.
 *
 * Here no PnP manager assigns resources, so NDIS passes no list
 * (AllocatedResources is NULL) and a driver for real hardware takes its
 * resources from its bus driver (pci_resource_start() and friends). The
 * types exist so that a driver's code that walks the list compiles as it
 * is and takes the NULL branch it already has for virtual adapters.
 */
#ifndef _NDIS_RESOURCES_H
#define _NDIS_RESOURCES_H

#include <ndis/types.h>

/* Processors an interrupt may be delivered to: a bit each. */
typedef ULONG_PTR KAFFINITY, *PKAFFINITY;

/* CM_PARTIAL_RESOURCE_DESCRIPTOR.Type */
#define CmResourceTypeNull		0
#define CmResourceTypePort		1
#define CmResourceTypeInterrupt		2
#define CmResourceTypeMemory		3
#define CmResourceTypeDma		4
#define CmResourceTypeDeviceSpecific	5
#define CmResourceTypeBusNumber		6
#define CmResourceTypeMemoryLarge	7
#define CmResourceTypeNonArbitrated	128
#define CmResourceTypeConfigData	128
#define CmResourceTypeDevicePrivate	129

/**
 * enum _CM_SHARE_DISPOSITION - CM_PARTIAL_RESOURCE_DESCRIPTOR.ShareDisposition
 * @CmResourceShareUndetermined: not said
 * @CmResourceShareDeviceExclusive: this device's alone
 * @CmResourceShareDriverExclusive: this driver's alone
 * @CmResourceShareShared: shared with other devices
 */
typedef enum _CM_SHARE_DISPOSITION {
	CmResourceShareUndetermined = 0,
	CmResourceShareDeviceExclusive,
	CmResourceShareDriverExclusive,
	CmResourceShareShared
} CM_SHARE_DISPOSITION;

/* CM_PARTIAL_RESOURCE_DESCRIPTOR.Flags, per Type */
#define CM_RESOURCE_INTERRUPT_LEVEL_SENSITIVE	0x0000
#define CM_RESOURCE_INTERRUPT_LATCHED		0x0001
#define CM_RESOURCE_INTERRUPT_MESSAGE		0x0002
#define CM_RESOURCE_MEMORY_READ_WRITE		0x0000
#define CM_RESOURCE_MEMORY_READ_ONLY		0x0001
#define CM_RESOURCE_MEMORY_WRITE_ONLY		0x0002
#define CM_RESOURCE_MEMORY_PREFETCHABLE		0x0004
#define CM_RESOURCE_PORT_MEMORY			0x0000
#define CM_RESOURCE_PORT_IO			0x0001

/**
 * struct _CM_PARTIAL_RESOURCE_DESCRIPTOR - one resource of one type
 * @Type: CmResourceType*: which member of @u applies
 * @ShareDisposition: a CM_SHARE_DISPOSITION
 * @Flags: CM_RESOURCE_* of @Type
 * @u: the resource
 * @u.Generic: start and length, for any ranged type
 * @u.Generic.Start: first address
 * @u.Generic.Length: bytes
 * @u.Port: an I/O port range
 * @u.Port.Start: first port
 * @u.Port.Length: ports
 * @u.Interrupt: a line-based interrupt
 * @u.Interrupt.Level: its level
 * @u.Interrupt.Vector: its vector
 * @u.Interrupt.Affinity: the processors it may go to
 * @u.MessageInterrupt: a message-signalled interrupt
 * @u.MessageInterrupt.Raw: as the device sees it
 * @u.MessageInterrupt.Raw.Group: processor group
 * @u.MessageInterrupt.Raw.Reserved: 0
 * @u.MessageInterrupt.Raw.MessageCount: messages
 * @u.MessageInterrupt.Raw.Vector: first vector
 * @u.MessageInterrupt.Raw.Affinity: processors
 * @u.MessageInterrupt.Translated: as the processor sees it
 * @u.MessageInterrupt.Translated.Level: level
 * @u.MessageInterrupt.Translated.Vector: vector
 * @u.MessageInterrupt.Translated.Affinity: processors
 * @u.Memory: a memory range
 * @u.Memory.Start: its physical address
 * @u.Memory.Length: bytes
 * @u.Dma: a DMA channel
 * @u.Dma.Channel: the channel
 * @u.Dma.Port: the port
 * @u.Dma.Reserved1: 0
 * @u.DevicePrivate: for the bus driver
 * @u.DevicePrivate.Data: its data
 * @u.BusNumber: a range of bus numbers
 * @u.BusNumber.Start: first bus
 * @u.BusNumber.Length: buses
 * @u.BusNumber.Reserved: 0
 * @u.DeviceSpecificData: device data that follows the descriptor
 * @u.DeviceSpecificData.DataSize: its bytes
 * @u.DeviceSpecificData.Reserved1: 0
 * @u.DeviceSpecificData.Reserved2: 0
 */
typedef struct _CM_PARTIAL_RESOURCE_DESCRIPTOR {
	UCHAR Type;
	UCHAR ShareDisposition;
	USHORT Flags;
	union {
		struct {
			PHYSICAL_ADDRESS Start;
			ULONG Length;
		} Generic;
		struct {
			PHYSICAL_ADDRESS Start;
			ULONG Length;
		} Port;
		struct {
			ULONG Level;
			ULONG Vector;
			KAFFINITY Affinity;
		} Interrupt;
		struct {
			union {
				struct {
					USHORT Group;
					USHORT Reserved;
					USHORT MessageCount;
					ULONG Vector;
					KAFFINITY Affinity;
				} Raw;
				struct {
					ULONG Level;
					ULONG Vector;
					KAFFINITY Affinity;
				} Translated;
			};
		} MessageInterrupt;
		struct {
			PHYSICAL_ADDRESS Start;
			ULONG Length;
		} Memory;
		struct {
			ULONG Channel;
			ULONG Port;
			ULONG Reserved1;
		} Dma;
		struct {
			ULONG Data[3];
		} DevicePrivate;
		struct {
			ULONG Start;
			ULONG Length;
			ULONG Reserved;
		} BusNumber;
		struct {
			ULONG DataSize;
			ULONG Reserved1;
			ULONG Reserved2;
		} DeviceSpecificData;
	} u;
} CM_PARTIAL_RESOURCE_DESCRIPTOR, *PCM_PARTIAL_RESOURCE_DESCRIPTOR;

/**
 * struct _CM_PARTIAL_RESOURCE_LIST - an adapter's resources
 * @Version: 1
 * @Revision: 1
 * @Count: descriptors in @PartialDescriptors
 * @PartialDescriptors: @Count of them (declared with one, as the DDI does)
 */
typedef struct _CM_PARTIAL_RESOURCE_LIST {
	USHORT Version;
	USHORT Revision;
	ULONG Count;
	CM_PARTIAL_RESOURCE_DESCRIPTOR PartialDescriptors[1];
} CM_PARTIAL_RESOURCE_LIST, *PCM_PARTIAL_RESOURCE_LIST;

#endif /* _NDIS_RESOURCES_H */
