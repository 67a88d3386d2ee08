/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS Quality of Service (data center bridging), NDIS 6.30: the OID_QOS_*
 * requests, the capabilities a miniport reports in its hardware-assist
 * attributes, the parameters (ETS, PFC, classification) and the status
 * indications that carry them.
 *
 * The values, field orders and NDIS_SIZEOF_*_REVISION_* definitions are the
 * DDI's (ntddndis.h, ndis.h), guarded by NDIS_SUPPORT_NDIS630 as there. No
 * DCB agent runs here, so NDIS never sends OID_QOS_PARAMETERS itself; a
 * protocol's OID_QOS_* requests reach the miniport, and the miniport's
 * NDIS_STATUS_QOS_* indications reach the bindings.
 */
#ifndef _NDIS_QOS_H
#define _NDIS_QOS_H

#include <linux/stddef.h>
#include <ndis/object.h>
#include <ndis/status.h>
#include <ndis/types.h>
#include <ndis/version.h>

#if NDIS_SUPPORT_NDIS630

#define OID_QOS_HARDWARE_CAPABILITIES		0xFC050001	/* query */
#define OID_QOS_CURRENT_CAPABILITIES		0xFC050002	/* query */
#define OID_QOS_PARAMETERS			0xFC050003	/* method */
#define OID_QOS_OPERATIONAL_PARAMETERS		0xFC050004	/* query */
#define OID_QOS_REMOTE_PARAMETERS		0xFC050005	/* query */

/* Status indications, buffer an NDIS_QOS_PARAMETERS. */
#define NDIS_STATUS_QOS_OPERATIONAL_PARAMETERS_CHANGE	NDIS_STATUS_VALUE(0x400200A0)
#define NDIS_STATUS_QOS_REMOTE_PARAMETERS_CHANGE	NDIS_STATUS_VALUE(0x400200A1)

#define NDIS_QOS_MAXIMUM_PRIORITIES		8
#define NDIS_QOS_MAXIMUM_TRAFFIC_CLASSES	8

/* NDIS_QOS_CAPABILITIES.Flags */
#define NDIS_QOS_CAPABILITIES_STRICT_TSA_SUPPORTED	0x00000001
#define NDIS_QOS_CAPABILITIES_MACSEC_BYPASS_SUPPORTED	0x00000002
#define NDIS_QOS_CAPABILITIES_CEE_DCBX_SUPPORTED	0x00000004
#define NDIS_QOS_CAPABILITIES_IEEE_DCBX_SUPPORTED	0x00000008

/**
 * struct _NDIS_QOS_CAPABILITIES - what NDIS QoS the adapter can do
 * @Header: NDIS_OBJECT_TYPE_QOS_CAPABILITIES, NDIS_QOS_CAPABILITIES_REVISION_1,
 *	NDIS_SIZEOF_QOS_CAPABILITIES_REVISION_1
 * @Flags: NDIS_QOS_CAPABILITIES_*
 * @MaxNumTrafficClasses: traffic classes the adapter has
 * @MaxNumEtsCapableTrafficClasses: of which ETS can schedule, at most
 *	@MaxNumTrafficClasses
 * @MaxNumPfcEnabledTrafficClasses: of which PFC can pause, at most
 *	@MaxNumTrafficClasses
 *
 * In the hardware-assist attributes, and the answer of
 * OID_QOS_HARDWARE_CAPABILITIES and OID_QOS_CURRENT_CAPABILITIES.
 */
typedef struct _NDIS_QOS_CAPABILITIES {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	ULONG MaxNumTrafficClasses;
	ULONG MaxNumEtsCapableTrafficClasses;
	ULONG MaxNumPfcEnabledTrafficClasses;
} NDIS_QOS_CAPABILITIES, *PNDIS_QOS_CAPABILITIES;

#define NDIS_QOS_CAPABILITIES_REVISION_1	1
#define NDIS_SIZEOF_QOS_CAPABILITIES_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_QOS_CAPABILITIES, MaxNumPfcEnabledTrafficClasses)

/* NDIS_QOS_CLASSIFICATION_ELEMENT.Flags, set by the miniport */
#define NDIS_QOS_CLASSIFICATION_SET_BY_MINIPORT_MASK	0xFF000000
#define NDIS_QOS_CLASSIFICATION_ENFORCED_BY_MINIPORT	0x01000000

/* NDIS_QOS_CLASSIFICATION_ELEMENT.ConditionSelector */
#define NDIS_QOS_CONDITION_RESERVED		0x0
#define NDIS_QOS_CONDITION_DEFAULT		0x1
#define NDIS_QOS_CONDITION_TCP_PORT		0x2
#define NDIS_QOS_CONDITION_UDP_PORT		0x3
#define NDIS_QOS_CONDITION_TCP_OR_UDP_PORT	0x4
#define NDIS_QOS_CONDITION_ETHERTYPE		0x5
#define NDIS_QOS_CONDITION_NETDIRECT_PORT	0x6
#define NDIS_QOS_CONDITION_MAXIMUM		0x7

/* NDIS_QOS_CLASSIFICATION_ELEMENT.ActionSelector */
#define NDIS_QOS_ACTION_PRIORITY		0x0
#define NDIS_QOS_ACTION_MAXIMUM			0x1

/**
 * struct _NDIS_QOS_CLASSIFICATION_ELEMENT - one traffic classification
 * @Header: NDIS_OBJECT_TYPE_QOS_CLASSIFICATION_ELEMENT,
 *	NDIS_QOS_CLASSIFICATION_ELEMENT_REVISION_1 and its size
 * @Flags: NDIS_QOS_CLASSIFICATION_ENFORCED_BY_MINIPORT, set by the miniport
 * @ConditionSelector: NDIS_QOS_CONDITION_*
 * @ConditionField: the port or EtherType the condition names
 * @ActionSelector: NDIS_QOS_ACTION_PRIORITY
 * @ActionField: the 802.1p priority matching packets get
 *
 * An array of them follows an NDIS_QOS_PARAMETERS.
 */
typedef struct _NDIS_QOS_CLASSIFICATION_ELEMENT {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	USHORT ConditionSelector;
	USHORT ConditionField;
	USHORT ActionSelector;
	USHORT ActionField;
} NDIS_QOS_CLASSIFICATION_ELEMENT, *PNDIS_QOS_CLASSIFICATION_ELEMENT;

#define NDIS_QOS_CLASSIFICATION_ELEMENT_REVISION_1	1
#define NDIS_SIZEOF_QOS_CLASSIFICATION_ELEMENT_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_QOS_CLASSIFICATION_ELEMENT, ActionField)

/* NDIS_QOS_PARAMETERS.Flags */
#define NDIS_QOS_PARAMETERS_ETS_CHANGED			0x00000001
#define NDIS_QOS_PARAMETERS_ETS_CONFIGURED		0x00000002
#define NDIS_QOS_PARAMETERS_PFC_CHANGED			0x00000100
#define NDIS_QOS_PARAMETERS_PFC_CONFIGURED		0x00000200
#define NDIS_QOS_PARAMETERS_CLASSIFICATION_CHANGED	0x00010000
#define NDIS_QOS_PARAMETERS_CLASSIFICATION_CONFIGURED	0x00020000
#define NDIS_QOS_PARAMETERS_WILLING			0x80000000

/* NDIS_QOS_PARAMETERS.TsaAssignmentTable: transmission selection */
#define NDIS_QOS_TSA_STRICT	0x0
#define NDIS_QOS_TSA_CBS	0x1
#define NDIS_QOS_TSA_ETS	0x2
#define NDIS_QOS_TSA_MAXIMUM	0x3

/**
 * struct _NDIS_QOS_PARAMETERS - ETS, PFC and classification settings
 * @Header: NDIS_OBJECT_TYPE_QOS_PARAMETERS, NDIS_QOS_PARAMETERS_REVISION_1;
 *	Size is NDIS_SIZEOF_QOS_PARAMETERS_REVISION_1 plus the classification
 *	elements
 * @Flags: NDIS_QOS_PARAMETERS_*
 * @NumTrafficClasses: traffic classes in use, up to
 *	NDIS_QOS_MAXIMUM_TRAFFIC_CLASSES
 * @PriorityAssignmentTable: the traffic class of each 802.1p priority
 * @TcBandwidthAssignmentTable: percent of the bandwidth of each class
 * @TsaAssignmentTable: NDIS_QOS_TSA_* of each class
 * @PfcEnable: priorities with flow control, a bit each
 * @NumClassificationElements: how many NDIS_QOS_CLASSIFICATION_ELEMENTs
 * @ClassificationElementSize: bytes of each
 * @FirstClassificationElementOffset: from the start of this structure to
 *	the first
 *
 * OID_QOS_PARAMETERS, OID_QOS_OPERATIONAL_PARAMETERS,
 * OID_QOS_REMOTE_PARAMETERS and the NDIS_STATUS_QOS_* indications.
 */
typedef struct _NDIS_QOS_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	ULONG NumTrafficClasses;
	UCHAR PriorityAssignmentTable[NDIS_QOS_MAXIMUM_PRIORITIES];
	UCHAR TcBandwidthAssignmentTable[NDIS_QOS_MAXIMUM_TRAFFIC_CLASSES];
	UCHAR TsaAssignmentTable[NDIS_QOS_MAXIMUM_TRAFFIC_CLASSES];
	ULONG PfcEnable;
	ULONG NumClassificationElements;
	ULONG ClassificationElementSize;
	ULONG FirstClassificationElementOffset;
} NDIS_QOS_PARAMETERS, *PNDIS_QOS_PARAMETERS;

#define NDIS_QOS_PARAMETERS_REVISION_1	1
#define NDIS_SIZEOF_QOS_PARAMETERS_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NDIS_QOS_PARAMETERS, FirstClassificationElementOffset)

#endif /* NDIS_SUPPORT_NDIS630 */

#endif /* _NDIS_QOS_H */
