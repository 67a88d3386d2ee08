/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Receive filtering and virtual machine queues (VMQ), NDIS 6.20: the
 * OID_RECEIVE_FILTER_* requests and the structures they carry, the
 * receive filter and NIC switch capabilities a miniport reports in its
 * hardware-assist attributes, the queue state indication, and the
 * filtering information a receive indication carries per NBL.
 *
 * The values, field orders and NDIS_SIZEOF_*_REVISION_* definitions are the
 * DDI's (ntddndis.h, ndis.h), guarded by NDIS_SUPPORT_NDIS620 and
 * NDIS_SUPPORT_NDIS630 as there. This stack never allocates a queue nor
 * sets a filter: the definitions let a miniport that supports them build
 * and load, and a protocol's OID_RECEIVE_FILTER_* requests reach it.
 */
#ifndef _NDIS_RECEIVEFILTER_H
#define _NDIS_RECEIVEFILTER_H

#include <linux/stddef.h>
#include <ndis/nbl.h>
#include <ndis/netif.h>
#include <ndis/object.h>
#include <ndis/resources.h>
#include <ndis/status.h>
#include <ndis/types.h>
#include <ndis/version.h>

#if NDIS_SUPPORT_NDIS620

/* OIDs of receive filtering (query, set or method as each notes). */
#define OID_RECEIVE_FILTER_HARDWARE_CAPABILITIES	0x00010221	/* query */
#define OID_RECEIVE_FILTER_GLOBAL_PARAMETERS		0x00010222	/* query */
#define OID_RECEIVE_FILTER_ALLOCATE_QUEUE		0x00010223	/* method */
#define OID_RECEIVE_FILTER_FREE_QUEUE			0x00010224	/* set */
#define OID_RECEIVE_FILTER_ENUM_QUEUES			0x00010225	/* query */
#define OID_RECEIVE_FILTER_QUEUE_PARAMETERS		0x00010226	/* method, set */
#define OID_RECEIVE_FILTER_SET_FILTER			0x00010227	/* method */
#define OID_RECEIVE_FILTER_CLEAR_FILTER			0x00010228	/* set */
#define OID_RECEIVE_FILTER_ENUM_FILTERS			0x00010229	/* method */
#define OID_RECEIVE_FILTER_PARAMETERS			0x0001022A	/* method */
#define OID_RECEIVE_FILTER_QUEUE_ALLOCATION_COMPLETE	0x0001022B	/* method */
#define OID_RECEIVE_FILTER_CURRENT_CAPABILITIES		0x0001022D	/* query */
#define OID_NIC_SWITCH_HARDWARE_CAPABILITIES		0x0001022E	/* query */
#define OID_NIC_SWITCH_CURRENT_CAPABILITIES		0x0001022F	/* query */
#if NDIS_SUPPORT_NDIS630
#define OID_RECEIVE_FILTER_MOVE_FILTER			0x00010230	/* set */
#endif

/* Status indication of a queue's state (buffer: NDIS_RECEIVE_QUEUE_STATE). */
#define NDIS_STATUS_RECEIVE_QUEUE_STATE			NDIS_STATUS_VALUE(0x4002000D)
#if NDIS_SUPPORT_NDIS630
#define NDIS_STATUS_RECEIVE_FILTER_CURRENT_CAPABILITIES	NDIS_STATUS_VALUE(0x40020010)
#define NDIS_STATUS_RECEIVE_FILTER_HARDWARE_CAPABILITIES NDIS_STATUS_VALUE(0x40020020)
#define NDIS_STATUS_RECEIVE_FILTER_QUEUE_PARAMETERS	NDIS_STATUS_VALUE(0x40020030)
#define NDIS_STATUS_NIC_SWITCH_CURRENT_CAPABILITIES	NDIS_STATUS_VALUE(0x40020040)
#define NDIS_STATUS_NIC_SWITCH_HARDWARE_CAPABILITIES	NDIS_STATUS_VALUE(0x40020050)
#define NDIS_STATUS_RECEIVE_FILTER_QUEUE_STATE_CHANGE	NDIS_STATUS_VALUE(0x40020070)
#endif

/* NDIS_RECEIVE_FILTER_CAPABILITIES.SupportedHeaders */
#define NDIS_RECEIVE_FILTER_MAC_HEADER_SUPPORTED		0x00000001
#define NDIS_RECEIVE_FILTER_IPV4_HEADER_SUPPORTED		0x00000002
#define NDIS_RECEIVE_FILTER_IPV6_HEADER_SUPPORTED		0x00000004
#define NDIS_RECEIVE_FILTER_ARP_HEADER_SUPPORTED		0x00000008
#define NDIS_RECEIVE_FILTER_UDP_HEADER_SUPPORTED		0x00000010

/* NDIS_RECEIVE_FILTER_CAPABILITIES.SupportedMacHeaderFields */
#define NDIS_RECEIVE_FILTER_MAC_HEADER_DEST_ADDR_SUPPORTED	0x00000001
#define NDIS_RECEIVE_FILTER_MAC_HEADER_SOURCE_ADDR_SUPPORTED	0x00000002
#define NDIS_RECEIVE_FILTER_MAC_HEADER_PROTOCOL_SUPPORTED	0x00000004
#define NDIS_RECEIVE_FILTER_MAC_HEADER_VLAN_ID_SUPPORTED	0x00000008
#define NDIS_RECEIVE_FILTER_MAC_HEADER_PRIORITY_SUPPORTED	0x00000010
#define NDIS_RECEIVE_FILTER_MAC_HEADER_PACKET_TYPE_SUPPORTED	0x00000020

/* ...SupportedARPHeaderFields, IPv4, IPv6 and UDP header fields */
#define NDIS_RECEIVE_FILTER_ARP_HEADER_OPERATION_SUPPORTED	0x00000001
#define NDIS_RECEIVE_FILTER_ARP_HEADER_SPA_SUPPORTED		0x00000002
#define NDIS_RECEIVE_FILTER_ARP_HEADER_TPA_SUPPORTED		0x00000004
#define NDIS_RECEIVE_FILTER_IPV4_HEADER_PROTOCOL_SUPPORTED	0x00000001
#define NDIS_RECEIVE_FILTER_IPV6_HEADER_PROTOCOL_SUPPORTED	0x00000001
#define NDIS_RECEIVE_FILTER_UDP_HEADER_DEST_PORT_SUPPORTED	0x00000001

/* ...SupportedFilterTests */
#define NDIS_RECEIVE_FILTER_TEST_HEADER_FIELD_EQUAL_SUPPORTED		0x00000001
#define NDIS_RECEIVE_FILTER_TEST_HEADER_FIELD_MASK_EQUAL_SUPPORTED	0x00000002
#define NDIS_RECEIVE_FILTER_TEST_HEADER_FIELD_NOT_EQUAL_SUPPORTED	0x00000004

/* ...SupportedQueueProperties */
#define NDIS_RECEIVE_FILTER_MSI_X_SUPPORTED			0x00000001
#define NDIS_RECEIVE_FILTER_VM_QUEUE_SUPPORTED			0x00000002
#define NDIS_RECEIVE_FILTER_LOOKAHEAD_SPLIT_SUPPORTED		0x00000004
#if NDIS_SUPPORT_NDIS630
#define NDIS_RECEIVE_FILTER_DYNAMIC_PROCESSOR_AFFINITY_CHANGE_SUPPORTED	0x00000008
#define NDIS_RECEIVE_FILTER_INTERRUPT_VECTOR_COALESCING_SUPPORTED	0x00000010
#define NDIS_RECEIVE_FILTER_ANY_VLAN_SUPPORTED				0x00000020
#define NDIS_RECEIVE_FILTER_IMPLAT_MIN_OF_QUEUES_MODE			0x00000040
#define NDIS_RECEIVE_FILTER_IMPLAT_SUM_OF_QUEUES_MODE			0x00000080
#define NDIS_RECEIVE_FILTER_PACKET_COALESCING_SUPPORTED_ON_DEFAULT_QUEUE 0x00000100
#endif

/* ...EnabledFilterTypes and EnabledQueueTypes (also of the global parameters) */
#define NDIS_RECEIVE_FILTER_VMQ_FILTERS_ENABLED			0x00000001
#define NDIS_RECEIVE_FILTER_PACKET_COALESCING_FILTERS_ENABLED	0x00000002
#define NDIS_RECEIVE_FILTER_VM_QUEUES_ENABLED			0x00000001

/**
 * struct _NDIS_RECEIVE_FILTER_CAPABILITIES - what receive filtering can do
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, NDIS_RECEIVE_FILTER_CAPABILITIES_REVISION_1
 *	(NDIS 6.20) or _2 (6.30) with the matching NDIS_SIZEOF_*
 * @Flags: reserved for NDIS
 * @EnabledFilterTypes: NDIS_RECEIVE_FILTER_*_FILTERS_ENABLED
 * @EnabledQueueTypes: NDIS_RECEIVE_FILTER_VM_QUEUES_ENABLED
 * @NumQueues: VM queues the adapter has
 * @SupportedQueueProperties: NDIS_RECEIVE_FILTER_*_SUPPORTED queue properties
 * @SupportedFilterTests: NDIS_RECEIVE_FILTER_TEST_HEADER_FIELD_*_SUPPORTED
 * @SupportedHeaders: NDIS_RECEIVE_FILTER_*_HEADER_SUPPORTED
 * @SupportedMacHeaderFields: NDIS_RECEIVE_FILTER_MAC_HEADER_*_SUPPORTED
 * @MaxMacHeaderFilters: MAC header filters the adapter takes
 * @MaxQueueGroups: reserved for NDIS
 * @MaxQueuesPerQueueGroup: reserved for NDIS
 * @MinLookaheadSplitSize: least lookahead buffer, bytes (0 from NDIS 6.30)
 * @MaxLookaheadSplitSize: largest lookahead buffer, bytes (0 from NDIS 6.30)
 * @SupportedARPHeaderFields: NDIS_RECEIVE_FILTER_ARP_HEADER_*_SUPPORTED
 * @SupportedIPv4HeaderFields: NDIS_RECEIVE_FILTER_IPV4_HEADER_*_SUPPORTED
 * @SupportedIPv6HeaderFields: NDIS_RECEIVE_FILTER_IPV6_HEADER_*_SUPPORTED
 * @SupportedUdpHeaderFields: NDIS_RECEIVE_FILTER_UDP_HEADER_*_SUPPORTED
 * @MaxFieldTestsPerPacketCoalescingFilter: field tests of one coalescing filter
 * @MaxPacketCoalescingFilters: packet coalescing filters the adapter takes
 * @NdisReserved: zero
 *
 * In the hardware-assist attributes, and the answer of
 * OID_RECEIVE_FILTER_HARDWARE_CAPABILITIES and _CURRENT_CAPABILITIES.
 */
typedef struct _NDIS_RECEIVE_FILTER_CAPABILITIES {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	ULONG EnabledFilterTypes;
	ULONG EnabledQueueTypes;
	ULONG NumQueues;
	ULONG SupportedQueueProperties;
	ULONG SupportedFilterTests;
	ULONG SupportedHeaders;
	ULONG SupportedMacHeaderFields;
	ULONG MaxMacHeaderFilters;
	ULONG MaxQueueGroups;
	ULONG MaxQueuesPerQueueGroup;
	ULONG MinLookaheadSplitSize;
	ULONG MaxLookaheadSplitSize;
#if NDIS_SUPPORT_NDIS630
	ULONG SupportedARPHeaderFields;
	ULONG SupportedIPv4HeaderFields;
	ULONG SupportedIPv6HeaderFields;
	ULONG SupportedUdpHeaderFields;
	ULONG MaxFieldTestsPerPacketCoalescingFilter;
	ULONG MaxPacketCoalescingFilters;
	ULONG NdisReserved;
#endif
} NDIS_RECEIVE_FILTER_CAPABILITIES, *PNDIS_RECEIVE_FILTER_CAPABILITIES;

#define NDIS_RECEIVE_FILTER_CAPABILITIES_REVISION_1	1
#define NDIS_SIZEOF_RECEIVE_FILTER_CAPABILITIES_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RECEIVE_FILTER_CAPABILITIES, MaxLookaheadSplitSize)
#if NDIS_SUPPORT_NDIS630
#define NDIS_RECEIVE_FILTER_CAPABILITIES_REVISION_2	2
#define NDIS_SIZEOF_RECEIVE_FILTER_CAPABILITIES_REVISION_2	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RECEIVE_FILTER_CAPABILITIES, NdisReserved)
#endif

/* A NIC switch and one of its virtual ports (nicswitchtypes.h). */
typedef ULONG NDIS_NIC_SWITCH_ID, *PNDIS_NIC_SWITCH_ID;
typedef ULONG NDIS_NIC_SWITCH_VPORT_ID, *PNDIS_NIC_SWITCH_VPORT_ID;

#if NDIS_SUPPORT_NDIS630
/* NDIS_NIC_SWITCH_CAPABILITIES.NicSwitchCapabilities */
#define NDIS_NIC_SWITCH_CAPS_VLAN_SUPPORTED					0x00000001
#define NDIS_NIC_SWITCH_CAPS_PER_VPORT_INTERRUPT_MODERATION_SUPPORTED		0x00000002
#define NDIS_NIC_SWITCH_CAPS_ASYMMETRIC_QUEUE_PAIRS_FOR_NONDEFAULT_VPORT_SUPPORTED 0x00000004
#define NDIS_NIC_SWITCH_CAPS_VF_RSS_SUPPORTED					0x00000008
#define NDIS_NIC_SWITCH_CAPS_SINGLE_VPORT_POOL					0x00000010
#endif

/**
 * struct _NDIS_NIC_SWITCH_CAPABILITIES - what the adapter's NIC switch can do
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, NDIS_NIC_SWITCH_CAPABILITIES_REVISION_1
 *	(NDIS 6.20) or _2 (6.30) with the matching NDIS_SIZEOF_*
 * @Flags: reserved
 * @NdisReserved1: zero
 * @NumTotalMacAddresses: MAC addresses the switch takes in all
 * @NumMacAddressesPerPort: MAC addresses per port
 * @NumVlansPerPort: VLAN identifiers per port
 * @NdisReserved2: zero
 * @NdisReserved3: zero
 * @NicSwitchCapabilities: NDIS_NIC_SWITCH_CAPS_*
 * @MaxNumSwitches: NIC switches the adapter can create
 * @MaxNumVPorts: virtual ports, the default one included
 * @NdisReserved4: zero
 * @MaxNumVFs: PCI Express virtual functions
 * @MaxNumQueuePairs: queue pairs over all virtual ports
 * @NdisReserved5: zero
 * @NdisReserved6: zero
 * @NdisReserved7: zero
 * @MaxNumQueuePairsPerNonDefaultVPort: queue pairs of a non-default port
 * @NdisReserved8: zero
 * @NdisReserved9: zero
 * @NdisReserved10: zero
 * @NdisReserved11: zero
 * @NdisReserved12: zero
 * @MaxNumMacAddresses: MAC address filters over all virtual ports
 * @NdisReserved13: zero
 * @NdisReserved14: zero
 * @NdisReserved15: zero
 * @NdisReserved16: zero
 * @NdisReserved17: zero
 *
 * In the hardware-assist attributes, and the answer of
 * OID_NIC_SWITCH_HARDWARE_CAPABILITIES and _CURRENT_CAPABILITIES.
 */
typedef struct _NDIS_NIC_SWITCH_CAPABILITIES {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	ULONG NdisReserved1;
	ULONG NumTotalMacAddresses;
	ULONG NumMacAddressesPerPort;
	ULONG NumVlansPerPort;
	ULONG NdisReserved2;
	ULONG NdisReserved3;
#if NDIS_SUPPORT_NDIS630
	ULONG NicSwitchCapabilities;
	ULONG MaxNumSwitches;
	ULONG MaxNumVPorts;
	ULONG NdisReserved4;
	ULONG MaxNumVFs;
	ULONG MaxNumQueuePairs;
	ULONG NdisReserved5;
	ULONG NdisReserved6;
	ULONG NdisReserved7;
	ULONG MaxNumQueuePairsPerNonDefaultVPort;
	ULONG NdisReserved8;
	ULONG NdisReserved9;
	ULONG NdisReserved10;
	ULONG NdisReserved11;
	ULONG NdisReserved12;
	ULONG MaxNumMacAddresses;
	ULONG NdisReserved13;
	ULONG NdisReserved14;
	ULONG NdisReserved15;
	ULONG NdisReserved16;
	ULONG NdisReserved17;
#endif
} NDIS_NIC_SWITCH_CAPABILITIES, *PNDIS_NIC_SWITCH_CAPABILITIES;

#define NDIS_NIC_SWITCH_CAPABILITIES_REVISION_1	1
#define NDIS_SIZEOF_NIC_SWITCH_CAPABILITIES_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_NIC_SWITCH_CAPABILITIES, NdisReserved3)
#if NDIS_SUPPORT_NDIS630
#define NDIS_NIC_SWITCH_CAPABILITIES_REVISION_2	2
#define NDIS_SIZEOF_NIC_SWITCH_CAPABILITIES_REVISION_2	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_NIC_SWITCH_CAPABILITIES, NdisReserved17)
#endif

/**
 * struct _NDIS_RECEIVE_FILTER_GLOBAL_PARAMETERS - OID_RECEIVE_FILTER_GLOBAL_PARAMETERS
 * @Header: NDIS_OBJECT_TYPE_DEFAULT,
 *	NDIS_RECEIVE_FILTER_GLOBAL_PARAMETERS_REVISION_1 and its size
 * @Flags: reserved
 * @EnabledFilterTypes: NDIS_RECEIVE_FILTER_*_FILTERS_ENABLED
 * @EnabledQueueTypes: NDIS_RECEIVE_FILTER_VM_QUEUES_ENABLED
 */
typedef struct _NDIS_RECEIVE_FILTER_GLOBAL_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	ULONG EnabledFilterTypes;
	ULONG EnabledQueueTypes;
} NDIS_RECEIVE_FILTER_GLOBAL_PARAMETERS, *PNDIS_RECEIVE_FILTER_GLOBAL_PARAMETERS;

#define NDIS_RECEIVE_FILTER_GLOBAL_PARAMETERS_REVISION_1	1
#define NDIS_SIZEOF_RECEIVE_FILTER_GLOBAL_PARAMETERS_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RECEIVE_FILTER_GLOBAL_PARAMETERS, EnabledQueueTypes)

/**
 * struct _GROUP_AFFINITY - processors of one processor group (wdm.h)
 * @Mask: the processors, bit n for processor n of @Group
 * @Group: the group; this framework sees one, group 0
 * @Reserved: zero
 */
typedef struct _GROUP_AFFINITY {
	KAFFINITY Mask;
	USHORT Group;
	USHORT Reserved[3];
} GROUP_AFFINITY, *PGROUP_AFFINITY;

typedef ULONG NDIS_RECEIVE_QUEUE_ID, *PNDIS_RECEIVE_QUEUE_ID;
typedef ULONG NDIS_RECEIVE_QUEUE_GROUP_ID, *PNDIS_RECEIVE_QUEUE_GROUP_ID;
typedef ULONG NDIS_RECEIVE_FILTER_ID, *PNDIS_RECEIVE_FILTER_ID;

#define NDIS_DEFAULT_RECEIVE_QUEUE_ID		0
#define NDIS_DEFAULT_RECEIVE_QUEUE_GROUP_ID	0
#define NDIS_DEFAULT_RECEIVE_FILTER_ID		0

/**
 * enum _NDIS_RECEIVE_FILTER_TYPE - kind of a receive filter
 * @NdisReceiveFilterTypeUndefined: none
 * @NdisReceiveFilterTypeVMQueue: a VMQ filter
 * @NdisReceiveFilterTypePacketCoalescing: a packet coalescing filter
 * @NdisReceiveFilterTypeMaximum: bound
 */
typedef enum _NDIS_RECEIVE_FILTER_TYPE {
	NdisReceiveFilterTypeUndefined,
	NdisReceiveFilterTypeVMQueue,
	NdisReceiveFilterTypePacketCoalescing,
	NdisReceiveFilterTypeMaximum
} NDIS_RECEIVE_FILTER_TYPE, *PNDIS_RECEIVE_FILTER_TYPE;

/**
 * enum _NDIS_FRAME_HEADER - the header a filter field test looks at
 * @NdisFrameHeaderUndefined: none
 * @NdisFrameHeaderMac: the MAC header
 * @NdisFrameHeaderArp: the ARP header
 * @NdisFrameHeaderIPv4: the IPv4 header
 * @NdisFrameHeaderIPv6: the IPv6 header
 * @NdisFrameHeaderUdp: the UDP header
 * @NdisFrameHeaderMaximum: bound
 */
typedef enum _NDIS_FRAME_HEADER {
	NdisFrameHeaderUndefined,
	NdisFrameHeaderMac,
	NdisFrameHeaderArp,
	NdisFrameHeaderIPv4,
	NdisFrameHeaderIPv6,
	NdisFrameHeaderUdp,
	NdisFrameHeaderMaximum
} NDIS_FRAME_HEADER, *PNDIS_FRAME_HEADER;

/**
 * enum _NDIS_MAC_HEADER_FIELD - a field of the MAC header
 * @NdisMacHeaderFieldUndefined: none
 * @NdisMacHeaderFieldDestinationAddress: destination address
 * @NdisMacHeaderFieldSourceAddress: source address
 * @NdisMacHeaderFieldProtocol: EtherType
 * @NdisMacHeaderFieldVlanId: VLAN identifier
 * @NdisMacHeaderFieldPriority: 802.1p priority
 * @NdisMacHeaderFieldPacketType: an NDIS_MAC_PACKET_TYPE
 * @NdisMacHeaderFieldMaximum: bound
 */
typedef enum _NDIS_MAC_HEADER_FIELD {
	NdisMacHeaderFieldUndefined,
	NdisMacHeaderFieldDestinationAddress,
	NdisMacHeaderFieldSourceAddress,
	NdisMacHeaderFieldProtocol,
	NdisMacHeaderFieldVlanId,
	NdisMacHeaderFieldPriority,
	NdisMacHeaderFieldPacketType,
	NdisMacHeaderFieldMaximum
} NDIS_MAC_HEADER_FIELD, *PNDIS_MAC_HEADER_FIELD;

/**
 * enum _NDIS_MAC_PACKET_TYPE - value tested by NdisMacHeaderFieldPacketType
 * @NdisMacPacketTypeUndefined: none
 * @NdisMacPacketTypeUnicast: directed
 * @NdisMacPacketTypeMulticast: multicast
 * @NdisMacPacketTypeBroadcast: broadcast
 * @NdisMacPacketTypeMaximum: bound
 */
typedef enum _NDIS_MAC_PACKET_TYPE {
	NdisMacPacketTypeUndefined = 0,
	NdisMacPacketTypeUnicast = 1,
	NdisMacPacketTypeMulticast = 2,
	NdisMacPacketTypeBroadcast = 3,
	NdisMacPacketTypeMaximum
} NDIS_MAC_PACKET_TYPE, *PNDIS_MAC_PACKET_TYPE;

/**
 * enum _NDIS_ARP_HEADER_FIELD - a field of the ARP header
 * @NdisARPHeaderFieldUndefined: none
 * @NdisARPHeaderFieldOperation: request or response
 * @NdisARPHeaderFieldSPA: source protocol address
 * @NdisARPHeaderFieldTPA: target protocol address
 * @NdisARPHeaderFieldMaximum: bound
 */
typedef enum _NDIS_ARP_HEADER_FIELD {
	NdisARPHeaderFieldUndefined,
	NdisARPHeaderFieldOperation,
	NdisARPHeaderFieldSPA,
	NdisARPHeaderFieldTPA,
	NdisARPHeaderFieldMaximum
} NDIS_ARP_HEADER_FIELD, *PNDIS_ARP_HEADER_FIELD;

/**
 * enum _NDIS_IPV4_HEADER_FIELD - a field of the IPv4 header
 * @NdisIPv4HeaderFieldUndefined: none
 * @NdisIPv4HeaderFieldProtocol: the protocol
 * @NdisIPv4HeaderFieldMaximum: bound
 */
typedef enum _NDIS_IPV4_HEADER_FIELD {
	NdisIPv4HeaderFieldUndefined,
	NdisIPv4HeaderFieldProtocol,
	NdisIPv4HeaderFieldMaximum
} NDIS_IPV4_HEADER_FIELD, *PNDIS_IPV4_HEADER_FIELD;

/**
 * enum _NDIS_IPV6_HEADER_FIELD - a field of the IPv6 header
 * @NdisIPv6HeaderFieldUndefined: none
 * @NdisIPv6HeaderFieldProtocol: the next header
 * @NdisIPv6HeaderFieldMaximum: bound
 */
typedef enum _NDIS_IPV6_HEADER_FIELD {
	NdisIPv6HeaderFieldUndefined,
	NdisIPv6HeaderFieldProtocol,
	NdisIPv6HeaderFieldMaximum
} NDIS_IPV6_HEADER_FIELD, *PNDIS_IPV6_HEADER_FIELD;

/**
 * enum _NDIS_UDP_HEADER_FIELD - a field of the UDP header
 * @NdisUdpHeaderFieldUndefined: none
 * @NdisUdpHeaderFieldDestinationPort: destination port
 * @NdisUdpHeaderFieldMaximum: bound
 */
typedef enum _NDIS_UDP_HEADER_FIELD {
	NdisUdpHeaderFieldUndefined,
	NdisUdpHeaderFieldDestinationPort,
	NdisUdpHeaderFieldMaximum
} NDIS_UDP_HEADER_FIELD, *PNDIS_UDP_HEADER_FIELD;

/**
 * enum _NDIS_RECEIVE_FILTER_TEST - how a filter field is compared
 * @NdisReceiveFilterTestUndefined: none
 * @NdisReceiveFilterTestEqual: field equals FieldValue
 * @NdisReceiveFilterTestMaskEqual: field and FieldValue equals ResultValue
 * @NdisReceiveFilterTestNotEqual: field differs from FieldValue
 * @NdisReceiveFilterTestMaximum: bound
 */
typedef enum _NDIS_RECEIVE_FILTER_TEST {
	NdisReceiveFilterTestUndefined,
	NdisReceiveFilterTestEqual,
	NdisReceiveFilterTestMaskEqual,
	NdisReceiveFilterTestNotEqual,
	NdisReceiveFilterTestMaximum
} NDIS_RECEIVE_FILTER_TEST, *PNDIS_RECEIVE_FILTER_TEST;

/* NDIS_RECEIVE_FILTER_FIELD_PARAMETERS.Flags */
#define NDIS_RECEIVE_FILTER_FIELD_MAC_HEADER_VLAN_UNTAGGED_OR_ZERO	0x00000001
#define NDIS_RECEIVE_FILTER_RESERVED					0x000000FE

/**
 * struct _NDIS_RECEIVE_FILTER_FIELD_PARAMETERS - one test of a receive filter
 * @Header: NDIS_OBJECT_TYPE_DEFAULT,
 *	NDIS_RECEIVE_FILTER_FIELD_PARAMETERS_REVISION_1 or _2 and its size
 * @Flags: NDIS_RECEIVE_FILTER_FIELD_MAC_HEADER_VLAN_UNTAGGED_OR_ZERO
 * @FrameHeader: which header the field is in
 * @ReceiveFilterTest: how the field is compared
 * @HeaderField: the field, by @FrameHeader
 * @HeaderField.MacHeaderField: of the MAC header
 * @HeaderField.ArpHeaderField: of the ARP header
 * @HeaderField.IPv4HeaderField: of the IPv4 header
 * @HeaderField.IPv6HeaderField: of the IPv6 header
 * @HeaderField.UdpHeaderField: of the UDP header
 * @FieldValue: what the field is compared with
 * @FieldValue.FieldByteValue: an 8-bit value
 * @FieldValue.FieldShortValue: a 16-bit value
 * @FieldValue.FieldLongValue: a 32-bit value
 * @FieldValue.FieldLong64Value: a 64-bit value
 * @FieldValue.FieldByteArrayValue: up to 16 bytes (a MAC address)
 * @ResultValue: for NdisReceiveFilterTestMaskEqual, the masked result
 * @ResultValue.ResultByteValue: an 8-bit value
 * @ResultValue.ResultShortValue: a 16-bit value
 * @ResultValue.ResultLongValue: a 32-bit value
 * @ResultValue.ResultLong64Value: a 64-bit value
 * @ResultValue.ResultByteArrayValue: up to 16 bytes
 */
typedef struct _NDIS_RECEIVE_FILTER_FIELD_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	NDIS_FRAME_HEADER FrameHeader;
	NDIS_RECEIVE_FILTER_TEST ReceiveFilterTest;
	union _HEADER_FIELD {
		NDIS_MAC_HEADER_FIELD MacHeaderField;
		NDIS_ARP_HEADER_FIELD ArpHeaderField;
		NDIS_IPV4_HEADER_FIELD IPv4HeaderField;
		NDIS_IPV6_HEADER_FIELD IPv6HeaderField;
		NDIS_UDP_HEADER_FIELD UdpHeaderField;
	} HeaderField;
	union _FIELD_VALUE {
		UCHAR FieldByteValue;
		USHORT FieldShortValue;
		ULONG FieldLongValue;
		ULONG64 FieldLong64Value;
		UCHAR FieldByteArrayValue[16];
	} FieldValue;
	union _RESULT_VALUE {
		UCHAR ResultByteValue;
		USHORT ResultShortValue;
		ULONG ResultLongValue;
		ULONG64 ResultLong64Value;
		UCHAR ResultByteArrayValue[16];
	} ResultValue;
} NDIS_RECEIVE_FILTER_FIELD_PARAMETERS, *PNDIS_RECEIVE_FILTER_FIELD_PARAMETERS;

#define NDIS_RECEIVE_FILTER_FIELD_PARAMETERS_REVISION_1	1
#define NDIS_SIZEOF_RECEIVE_FILTER_FIELD_PARAMETERS_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RECEIVE_FILTER_FIELD_PARAMETERS, ResultValue)
#if NDIS_SUPPORT_NDIS630
#define NDIS_RECEIVE_FILTER_FIELD_PARAMETERS_REVISION_2	2
#define NDIS_SIZEOF_RECEIVE_FILTER_FIELD_PARAMETERS_REVISION_2	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RECEIVE_FILTER_FIELD_PARAMETERS, ResultValue)
#endif

/* NDIS_RECEIVE_FILTER_PARAMETERS.Flags */
#define NDIS_RECEIVE_FILTER_FLAGS_RESERVED		0x00000001
#define NDIS_RECEIVE_FILTER_PACKET_ENCAPSULATION_GRE	0x00000002

/**
 * struct _NDIS_RECEIVE_FILTER_PARAMETERS - a filter, OID_RECEIVE_FILTER_SET_FILTER
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, NDIS_RECEIVE_FILTER_PARAMETERS_REVISION_1
 *	(NDIS 6.20) or _2 (6.30) with the matching NDIS_SIZEOF_*
 * @Flags: NDIS_RECEIVE_FILTER_PACKET_ENCAPSULATION_GRE
 * @FilterType: an NDIS_RECEIVE_FILTER_TYPE
 * @QueueId: the queue the filter sends to
 * @FilterId: set by NDIS
 * @FieldParametersArrayOffset: from the start of this structure to the
 *	first NDIS_RECEIVE_FILTER_FIELD_PARAMETERS
 * @FieldParametersArrayNumElements: how many field tests
 * @FieldParametersArrayElementSize: bytes of each
 * @RequestedFilterIdBitCount: bits of the filter identifiers
 * @MaxCoalescingDelay: for a packet coalescing filter, milliseconds
 * @VPortId: the virtual port (SR-IOV)
 */
typedef struct _NDIS_RECEIVE_FILTER_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	NDIS_RECEIVE_FILTER_TYPE FilterType;
	NDIS_RECEIVE_QUEUE_ID QueueId;
	NDIS_RECEIVE_FILTER_ID FilterId;
	ULONG FieldParametersArrayOffset;
	ULONG FieldParametersArrayNumElements;
	ULONG FieldParametersArrayElementSize;
	ULONG RequestedFilterIdBitCount;
#if NDIS_SUPPORT_NDIS630
	ULONG MaxCoalescingDelay;
	NDIS_NIC_SWITCH_VPORT_ID VPortId;
#endif
} NDIS_RECEIVE_FILTER_PARAMETERS, *PNDIS_RECEIVE_FILTER_PARAMETERS;

#define NDIS_RECEIVE_FILTER_PARAMETERS_REVISION_1	1
#define NDIS_SIZEOF_RECEIVE_FILTER_PARAMETERS_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RECEIVE_FILTER_PARAMETERS, RequestedFilterIdBitCount)
#if NDIS_SUPPORT_NDIS630
#define NDIS_RECEIVE_FILTER_PARAMETERS_REVISION_2	2
#define NDIS_SIZEOF_RECEIVE_FILTER_PARAMETERS_REVISION_2	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RECEIVE_FILTER_PARAMETERS, VPortId)
#endif

/**
 * struct _NDIS_RECEIVE_FILTER_CLEAR_PARAMETERS - OID_RECEIVE_FILTER_CLEAR_FILTER
 * @Header: NDIS_OBJECT_TYPE_DEFAULT,
 *	NDIS_RECEIVE_FILTER_CLEAR_PARAMETERS_REVISION_1 and its size
 * @Flags: reserved
 * @QueueId: the queue the filter is on
 * @FilterId: the filter to clear
 */
typedef struct _NDIS_RECEIVE_FILTER_CLEAR_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	NDIS_RECEIVE_QUEUE_ID QueueId;
	NDIS_RECEIVE_FILTER_ID FilterId;
} NDIS_RECEIVE_FILTER_CLEAR_PARAMETERS, *PNDIS_RECEIVE_FILTER_CLEAR_PARAMETERS;

#define NDIS_RECEIVE_FILTER_CLEAR_PARAMETERS_REVISION_1	1
#define NDIS_SIZEOF_RECEIVE_FILTER_CLEAR_PARAMETERS_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RECEIVE_FILTER_CLEAR_PARAMETERS, FilterId)

/**
 * enum _NDIS_RECEIVE_QUEUE_TYPE - kind of a receive queue
 * @NdisReceiveQueueTypeUnspecified: none
 * @NdisReceiveQueueTypeVMQueue: a VM queue
 * @NdisReceiveQueueTypeMaximum: bound
 */
typedef enum _NDIS_RECEIVE_QUEUE_TYPE {
	NdisReceiveQueueTypeUnspecified,
	NdisReceiveQueueTypeVMQueue,
	NdisReceiveQueueTypeMaximum
} NDIS_RECEIVE_QUEUE_TYPE, *PNDIS_RECEIVE_QUEUE_TYPE;

/* NDIS_RECEIVE_QUEUE_PARAMETERS.Flags: allocation and query ... */
#define NDIS_RECEIVE_QUEUE_PARAMETERS_PER_QUEUE_RECEIVE_INDICATION		0x00000001
#define NDIS_RECEIVE_QUEUE_PARAMETERS_LOOKAHEAD_SPLIT_REQUIRED			0x00000002
/* ... and which fields an OID_RECEIVE_FILTER_QUEUE_PARAMETERS set changes */
#define NDIS_RECEIVE_QUEUE_PARAMETERS_FLAGS_CHANGED				0x00010000
#define NDIS_RECEIVE_QUEUE_PARAMETERS_PROCESSOR_AFFINITY_CHANGED		0x00020000
#define NDIS_RECEIVE_QUEUE_PARAMETERS_SUGGESTED_RECV_BUFFER_NUMBERS_CHANGED	0x00040000
#define NDIS_RECEIVE_QUEUE_PARAMETERS_NAME_CHANGED				0x00080000
#if NDIS_SUPPORT_NDIS630
#define NDIS_RECEIVE_QUEUE_PARAMETERS_INTERRUPT_COALESCING_DOMAIN_ID_CHANGED	0x00100000
#endif
#define NDIS_RECEIVE_QUEUE_PARAMETERS_CHANGE_MASK				0xFFFF0000

typedef NDIS_IF_COUNTED_STRING NDIS_QUEUE_NAME, *PNDIS_QUEUE_NAME;
typedef NDIS_IF_COUNTED_STRING NDIS_VM_NAME, *PNDIS_VM_NAME;
typedef NDIS_IF_COUNTED_STRING NDIS_VM_FRIENDLYNAME, *PNDIS_VM_FRIENDLYNAME;

/**
 * struct _NDIS_RECEIVE_QUEUE_PARAMETERS - a queue, OID_RECEIVE_FILTER_ALLOCATE_QUEUE
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, NDIS_RECEIVE_QUEUE_PARAMETERS_REVISION_1
 *	(NDIS 6.20) or _2 (6.30) with the matching NDIS_SIZEOF_*
 * @Flags: NDIS_RECEIVE_QUEUE_PARAMETERS_*
 * @QueueType: NdisReceiveQueueTypeVMQueue
 * @QueueId: set by NDIS on allocation
 * @QueueGroupId: reserved
 * @ProcessorAffinity: processors the queue's interrupts and DPCs may use
 * @NumSuggestedReceiveBuffers: receive buffers suggested for the queue
 * @MSIXTableEntry: set by the miniport: the queue's MSI-X table entry
 * @LookaheadSize: lookahead split size, bytes (0 from NDIS 6.30)
 * @VmName: the virtual machine's name
 * @QueueName: the queue's name
 * @PortId: the extensible switch port
 * @InterruptCoalescingDomainId: set by the miniport
 *
 * Also in OID_RECEIVE_FILTER_QUEUE_PARAMETERS and the
 * NDIS_STATUS_RECEIVE_FILTER_QUEUE_PARAMETERS indication.
 */
typedef struct _NDIS_RECEIVE_QUEUE_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	NDIS_RECEIVE_QUEUE_TYPE QueueType;
	NDIS_RECEIVE_QUEUE_ID QueueId;
	NDIS_RECEIVE_QUEUE_GROUP_ID QueueGroupId;
	GROUP_AFFINITY ProcessorAffinity;
	ULONG NumSuggestedReceiveBuffers;
	ULONG MSIXTableEntry;
	ULONG LookaheadSize;
	NDIS_VM_NAME VmName;
	NDIS_QUEUE_NAME QueueName;
#if NDIS_SUPPORT_NDIS630
	ULONG PortId;
	ULONG InterruptCoalescingDomainId;
#endif
} NDIS_RECEIVE_QUEUE_PARAMETERS, *PNDIS_RECEIVE_QUEUE_PARAMETERS;

#define NDIS_RECEIVE_QUEUE_PARAMETERS_REVISION_1	1
#define NDIS_SIZEOF_RECEIVE_QUEUE_PARAMETERS_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RECEIVE_QUEUE_PARAMETERS, QueueName)
#if NDIS_SUPPORT_NDIS630
#define NDIS_RECEIVE_QUEUE_PARAMETERS_REVISION_2	2
#define NDIS_SIZEOF_RECEIVE_QUEUE_PARAMETERS_REVISION_2	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RECEIVE_QUEUE_PARAMETERS, InterruptCoalescingDomainId)
#endif

/**
 * struct _NDIS_RECEIVE_QUEUE_FREE_PARAMETERS - OID_RECEIVE_FILTER_FREE_QUEUE
 * @Header: NDIS_OBJECT_TYPE_DEFAULT,
 *	NDIS_RECEIVE_QUEUE_FREE_PARAMETERS_REVISION_1 and its size
 * @Flags: reserved
 * @QueueId: the queue to free
 */
typedef struct _NDIS_RECEIVE_QUEUE_FREE_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	NDIS_RECEIVE_QUEUE_ID QueueId;
} NDIS_RECEIVE_QUEUE_FREE_PARAMETERS, *PNDIS_RECEIVE_QUEUE_FREE_PARAMETERS;

#define NDIS_RECEIVE_QUEUE_FREE_PARAMETERS_REVISION_1	1
#define NDIS_SIZEOF_RECEIVE_QUEUE_FREE_PARAMETERS_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RECEIVE_QUEUE_FREE_PARAMETERS, QueueId)

/**
 * enum _NDIS_RECEIVE_QUEUE_OPERATIONAL_STATE - state of a receive queue
 * @NdisReceiveQueueOperationalStateUndefined: none
 * @NdisReceiveQueueOperationalStateRunning: receiving
 * @NdisReceiveQueueOperationalStatePaused: paused
 * @NdisReceiveQueueOperationalStateDmaStopped: no more DMA into its buffers
 * @NdisReceiveQueueOperationalStateMaximum: bound
 */
typedef enum _NDIS_RECEIVE_QUEUE_OPERATIONAL_STATE {
	NdisReceiveQueueOperationalStateUndefined,
	NdisReceiveQueueOperationalStateRunning,
	NdisReceiveQueueOperationalStatePaused,
	NdisReceiveQueueOperationalStateDmaStopped,
	NdisReceiveQueueOperationalStateMaximum
} NDIS_RECEIVE_QUEUE_OPERATIONAL_STATE, *PNDIS_RECEIVE_QUEUE_OPERATIONAL_STATE;

/**
 * struct _NDIS_RECEIVE_QUEUE_INFO - one queue of OID_RECEIVE_FILTER_ENUM_QUEUES
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, NDIS_RECEIVE_QUEUE_INFO_REVISION_1
 *	(NDIS 6.20) or _2 (6.30) with the matching NDIS_SIZEOF_*
 * @Flags: reserved
 * @QueueType: an NDIS_RECEIVE_QUEUE_TYPE
 * @QueueId: the queue
 * @QueueGroupId: reserved
 * @QueueState: its state
 * @ProcessorAffinity: as allocated
 * @NumSuggestedReceiveBuffers: as allocated
 * @MSIXTableEntry: as the miniport set it
 * @LookaheadSize: as allocated
 * @VmName: the virtual machine's name
 * @QueueName: the queue's name
 * @NumFilters: filters on the queue
 * @InterruptCoalescingDomainId: as the miniport set it
 */
typedef struct _NDIS_RECEIVE_QUEUE_INFO {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	NDIS_RECEIVE_QUEUE_TYPE QueueType;
	NDIS_RECEIVE_QUEUE_ID QueueId;
	NDIS_RECEIVE_QUEUE_GROUP_ID QueueGroupId;
	NDIS_RECEIVE_QUEUE_OPERATIONAL_STATE QueueState;
	GROUP_AFFINITY ProcessorAffinity;
	ULONG NumSuggestedReceiveBuffers;
	ULONG MSIXTableEntry;
	ULONG LookaheadSize;
	NDIS_VM_NAME VmName;
	NDIS_QUEUE_NAME QueueName;
#if NDIS_SUPPORT_NDIS630
	ULONG NumFilters;
	ULONG InterruptCoalescingDomainId;
#endif
} NDIS_RECEIVE_QUEUE_INFO, *PNDIS_RECEIVE_QUEUE_INFO;

#define NDIS_RECEIVE_QUEUE_INFO_REVISION_1	1
#define NDIS_SIZEOF_RECEIVE_QUEUE_INFO_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RECEIVE_QUEUE_INFO, QueueName)
#if NDIS_SUPPORT_NDIS630
#define NDIS_RECEIVE_QUEUE_INFO_REVISION_2	2
#define NDIS_SIZEOF_RECEIVE_QUEUE_INFO_REVISION_2	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RECEIVE_QUEUE_INFO, InterruptCoalescingDomainId)
#endif

/**
 * struct _NDIS_RECEIVE_QUEUE_INFO_ARRAY - answer of OID_RECEIVE_FILTER_ENUM_QUEUES
 * @Header: NDIS_OBJECT_TYPE_DEFAULT,
 *	NDIS_RECEIVE_QUEUE_INFO_ARRAY_REVISION_1 and its size
 * @FirstElementOffset: from the start of this structure to the first
 *	NDIS_RECEIVE_QUEUE_INFO
 * @NumElements: how many
 * @ElementSize: bytes of each
 */
typedef struct _NDIS_RECEIVE_QUEUE_INFO_ARRAY {
	NDIS_OBJECT_HEADER Header;
	ULONG FirstElementOffset;
	ULONG NumElements;
	ULONG ElementSize;
} NDIS_RECEIVE_QUEUE_INFO_ARRAY, *PNDIS_RECEIVE_QUEUE_INFO_ARRAY;

#define NDIS_RECEIVE_QUEUE_INFO_ARRAY_REVISION_1	1
#define NDIS_SIZEOF_RECEIVE_QUEUE_INFO_ARRAY_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RECEIVE_QUEUE_INFO_ARRAY, ElementSize)

/**
 * struct _NDIS_RECEIVE_FILTER_INFO - one filter of OID_RECEIVE_FILTER_ENUM_FILTERS
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, NDIS_RECEIVE_FILTER_INFO_REVISION_1
 *	and its size
 * @Flags: reserved
 * @FilterType: an NDIS_RECEIVE_FILTER_TYPE
 * @FilterId: the filter
 */
typedef struct _NDIS_RECEIVE_FILTER_INFO {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	NDIS_RECEIVE_FILTER_TYPE FilterType;
	NDIS_RECEIVE_FILTER_ID FilterId;
} NDIS_RECEIVE_FILTER_INFO, *PNDIS_RECEIVE_FILTER_INFO;

#define NDIS_RECEIVE_FILTER_INFO_REVISION_1	1
#define NDIS_SIZEOF_RECEIVE_FILTER_INFO_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RECEIVE_FILTER_INFO, FilterId)

#if NDIS_SUPPORT_NDIS630
/* NDIS_RECEIVE_FILTER_INFO_ARRAY.Flags: VPortId, not QueueId, says where */
#define NDIS_RECEIVE_FILTER_INFO_ARRAY_VPORT_ID_SPECIFIED	0x00000001
#endif

/**
 * struct _NDIS_RECEIVE_FILTER_INFO_ARRAY - answer of OID_RECEIVE_FILTER_ENUM_FILTERS
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, NDIS_RECEIVE_FILTER_INFO_ARRAY_REVISION_1
 *	(NDIS 6.20) or _2 (6.30) with the matching NDIS_SIZEOF_*
 * @QueueId: the queue whose filters these are
 * @FirstElementOffset: from the start of this structure to the first
 *	NDIS_RECEIVE_FILTER_INFO
 * @NumElements: how many
 * @ElementSize: bytes of each
 * @Flags: NDIS_RECEIVE_FILTER_INFO_ARRAY_VPORT_ID_SPECIFIED
 * @VPortId: the virtual port whose filters these are
 */
typedef struct _NDIS_RECEIVE_FILTER_INFO_ARRAY {
	NDIS_OBJECT_HEADER Header;
	NDIS_RECEIVE_QUEUE_ID QueueId;
	ULONG FirstElementOffset;
	ULONG NumElements;
	ULONG ElementSize;
#if NDIS_SUPPORT_NDIS630
	ULONG Flags;
	NDIS_NIC_SWITCH_VPORT_ID VPortId;
#endif
} NDIS_RECEIVE_FILTER_INFO_ARRAY, *PNDIS_RECEIVE_FILTER_INFO_ARRAY;

#define NDIS_RECEIVE_FILTER_INFO_ARRAY_REVISION_1	1
#define NDIS_SIZEOF_RECEIVE_FILTER_INFO_ARRAY_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RECEIVE_FILTER_INFO_ARRAY, ElementSize)
#if NDIS_SUPPORT_NDIS630
#define NDIS_RECEIVE_FILTER_INFO_ARRAY_REVISION_2	2
#define NDIS_SIZEOF_RECEIVE_FILTER_INFO_ARRAY_REVISION_2	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RECEIVE_FILTER_INFO_ARRAY, VPortId)
#endif

/**
 * struct _NDIS_RECEIVE_QUEUE_ALLOCATION_COMPLETE_PARAMETERS - one queue's completion
 * @Header: NDIS_OBJECT_TYPE_DEFAULT,
 *	NDIS_RECEIVE_QUEUE_ALLOCATION_COMPLETE_PARAMETERS_REVISION_1 and its size
 * @Flags: reserved
 * @QueueId: the queue
 * @CompletionStatus: set by the miniport: how completing its allocation went
 */
typedef struct _NDIS_RECEIVE_QUEUE_ALLOCATION_COMPLETE_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	NDIS_RECEIVE_QUEUE_ID QueueId;
	NDIS_STATUS CompletionStatus;
} NDIS_RECEIVE_QUEUE_ALLOCATION_COMPLETE_PARAMETERS,
	*PNDIS_RECEIVE_QUEUE_ALLOCATION_COMPLETE_PARAMETERS;

#define NDIS_RECEIVE_QUEUE_ALLOCATION_COMPLETE_PARAMETERS_REVISION_1	1
#define NDIS_SIZEOF_RECEIVE_QUEUE_ALLOCATION_COMPLETE_PARAMETERS_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RECEIVE_QUEUE_ALLOCATION_COMPLETE_PARAMETERS, \
				 CompletionStatus)

/**
 * struct _NDIS_RECEIVE_QUEUE_ALLOCATION_COMPLETE_ARRAY - completed allocations
 * @Header: NDIS_OBJECT_TYPE_DEFAULT,
 *	NDIS_RECEIVE_QUEUE_ALLOCATION_COMPLETE_ARRAY_REVISION_1 and its size
 * @Flags: reserved
 * @FirstElementOffset: from the start of this structure to the first
 *	NDIS_RECEIVE_QUEUE_ALLOCATION_COMPLETE_PARAMETERS
 * @NumElements: how many
 * @ElementSize: bytes of each
 *
 * The buffer of OID_RECEIVE_FILTER_QUEUE_ALLOCATION_COMPLETE.
 */
typedef struct _NDIS_RECEIVE_QUEUE_ALLOCATION_COMPLETE_ARRAY {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	ULONG FirstElementOffset;
	ULONG NumElements;
	ULONG ElementSize;
} NDIS_RECEIVE_QUEUE_ALLOCATION_COMPLETE_ARRAY, *PNDIS_RECEIVE_QUEUE_ALLOCATION_COMPLETE_ARRAY;

#define NDIS_RECEIVE_QUEUE_ALLOCATION_COMPLETE_ARRAY_REVISION_1	1
#define NDIS_SIZEOF_RECEIVE_QUEUE_ALLOCATION_COMPLETE_ARRAY_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RECEIVE_QUEUE_ALLOCATION_COMPLETE_ARRAY, ElementSize)

/**
 * struct _NDIS_RECEIVE_QUEUE_STATE - buffer of NDIS_STATUS_RECEIVE_QUEUE_STATE
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, NDIS_RECEIVE_QUEUE_STATE_REVISION_1,
 *	NDIS_SIZEOF_NDIS_RECEIVE_QUEUE_STATE_REVISION_1
 * @Flags: reserved for NDIS
 * @QueueId: the queue
 * @QueueState: its state now
 */
typedef struct _NDIS_RECEIVE_QUEUE_STATE {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	NDIS_RECEIVE_QUEUE_ID QueueId;
	NDIS_RECEIVE_QUEUE_OPERATIONAL_STATE QueueState;
} NDIS_RECEIVE_QUEUE_STATE, *PNDIS_RECEIVE_QUEUE_STATE;

#define NDIS_RECEIVE_QUEUE_STATE_REVISION_1	1
#define NDIS_SIZEOF_NDIS_RECEIVE_QUEUE_STATE_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_RECEIVE_QUEUE_STATE, QueueState)

/**
 * struct _NDIS_NET_BUFFER_LIST_FILTERING_INFO - the NetBufferListFilteringInfo slot
 * @FilteringInfo: the slot's fields
 * @FilteringInfo.FilterId: the filter that matched; 0 in a VMQ receive
 * @FilteringInfo.QueueVPortInfo: where the NBL was received, or is sent
 * @FilteringInfo.QueueVPortInfo.QueueId: the VM queue
 * @FilteringInfo.QueueVPortInfo.VPortId: the virtual port (SR-IOV)
 * @Value: the whole slot
 *
 * Read and written through NET_BUFFER_LIST_RECEIVE_FILTER_ID() and
 * NET_BUFFER_LIST_RECEIVE_QUEUE_ID(). NDIS copies the slot, with every
 * other, into each binding's view of a received NBL.
 */
typedef struct _NDIS_NET_BUFFER_LIST_FILTERING_INFO {
	union {
		struct {
			USHORT FilterId;
			union {
				USHORT QueueId;
				USHORT VPortId;
			} QueueVPortInfo;
		} FilteringInfo;
		PVOID Value;
	};
} NDIS_NET_BUFFER_LIST_FILTERING_INFO, *PNDIS_NET_BUFFER_LIST_FILTERING_INFO;

static_assert(sizeof(NDIS_NET_BUFFER_LIST_FILTERING_INFO) == sizeof(PVOID));

/* The slot, seen as an NDIS_NET_BUFFER_LIST_FILTERING_INFO (a Linux helper). */
#define __NDIS_NBL_FILTERING_INFO(_NBL)						\
	((PNDIS_NET_BUFFER_LIST_FILTERING_INFO)					\
	 (&NET_BUFFER_LIST_INFO(_NBL, NetBufferListFilteringInfo)))
#define NET_BUFFER_LIST_RECEIVE_FILTER_ID(_NBL)					\
	(__NDIS_NBL_FILTERING_INFO(_NBL)->FilteringInfo.FilterId)
#define NET_BUFFER_LIST_RECEIVE_QUEUE_ID(_NBL)					\
	(__NDIS_NBL_FILTERING_INFO(_NBL)->FilteringInfo.QueueVPortInfo.QueueId)

#endif /* NDIS_SUPPORT_NDIS620 */

#endif /* _NDIS_RECEIVEFILTER_H */
