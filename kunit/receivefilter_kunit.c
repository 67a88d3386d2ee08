// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_receive_filter: receive filtering (VMQ) and NDIS QoS, which
 * this stack never drives but must let a miniport that has them load and
 * talk to protocols. The OID, status and object type values and the
 * structures' layouts (x64 offsets laid out by hand from the DDI's field
 * order, one comment each, the hardware-assist attributes' also as Windows'
 * own symbols give them); hardware-assist attributes accepted at each
 * revision with good headers and refused, with a report, with bad ones;
 * OID_RECEIVE_FILTER_* and OID_QOS_* requests of a protocol reaching the
 * miniport untouched; QoS and queue state indications reaching the
 * bindings; and the filtering information slot of an NBL.
 */
#include <linux/kernel.h>
#include <linux/stddef.h>

#include "../core/kunit_iface.h"
#include "fake.h"
#include "ndis_kunit.h"

static void oids_statuses_and_types_have_the_ddi_values(struct kunit *test)
{
	static const NDIS_OID rf[] = {
		OID_RECEIVE_FILTER_HARDWARE_CAPABILITIES, OID_RECEIVE_FILTER_GLOBAL_PARAMETERS,
		OID_RECEIVE_FILTER_ALLOCATE_QUEUE, OID_RECEIVE_FILTER_FREE_QUEUE,
		OID_RECEIVE_FILTER_ENUM_QUEUES, OID_RECEIVE_FILTER_QUEUE_PARAMETERS,
		OID_RECEIVE_FILTER_SET_FILTER, OID_RECEIVE_FILTER_CLEAR_FILTER,
		OID_RECEIVE_FILTER_ENUM_FILTERS, OID_RECEIVE_FILTER_PARAMETERS,
		OID_RECEIVE_FILTER_QUEUE_ALLOCATION_COMPLETE,
	};
	static const NDIS_OID qos[] = {
		OID_QOS_HARDWARE_CAPABILITIES, OID_QOS_CURRENT_CAPABILITIES, OID_QOS_PARAMETERS,
		OID_QOS_OPERATIONAL_PARAMETERS, OID_QOS_REMOTE_PARAMETERS,
	};
	unsigned int i;

	/* 0x00010221 to 0x0001022B, one apart, in the DDI's order. */
	for (i = 0; i < ARRAY_SIZE(rf); i++)
		KUNIT_EXPECT_EQ_MSG(test, rf[i], 0x00010221U + i, "receive filter OID %u", i);
	/* 0x0001022C is not used; the current capabilities and the switch follow. */
	KUNIT_EXPECT_EQ(test, OID_RECEIVE_FILTER_CURRENT_CAPABILITIES, 0x0001022DU);
	KUNIT_EXPECT_EQ(test, OID_NIC_SWITCH_HARDWARE_CAPABILITIES, 0x0001022EU);
	KUNIT_EXPECT_EQ(test, OID_NIC_SWITCH_CURRENT_CAPABILITIES, 0x0001022FU);
	KUNIT_EXPECT_EQ(test, OID_RECEIVE_FILTER_MOVE_FILTER, 0x00010230U);
	/* General operational OIDs (top 16 bits 0x0001), like OID_GEN_*. */
	KUNIT_EXPECT_EQ(test, OID_RECEIVE_FILTER_HARDWARE_CAPABILITIES >> 16,
			OID_GEN_SUPPORTED_LIST >> 16);
	for (i = 0; i < ARRAY_SIZE(qos); i++)
		KUNIT_EXPECT_EQ_MSG(test, qos[i], 0xFC050001U + i, "QoS OID %u", i);

	KUNIT_EXPECT_EQ(test, NDIS_STATUS_RECEIVE_QUEUE_STATE, 0x4002000DU);
	KUNIT_EXPECT_EQ(test, NDIS_STATUS_RECEIVE_FILTER_CURRENT_CAPABILITIES, 0x40020010U);
	KUNIT_EXPECT_EQ(test, NDIS_STATUS_RECEIVE_FILTER_HARDWARE_CAPABILITIES, 0x40020020U);
	KUNIT_EXPECT_EQ(test, NDIS_STATUS_RECEIVE_FILTER_QUEUE_PARAMETERS, 0x40020030U);
	KUNIT_EXPECT_EQ(test, NDIS_STATUS_NIC_SWITCH_CURRENT_CAPABILITIES, 0x40020040U);
	KUNIT_EXPECT_EQ(test, NDIS_STATUS_NIC_SWITCH_HARDWARE_CAPABILITIES, 0x40020050U);
	KUNIT_EXPECT_EQ(test, NDIS_STATUS_RECEIVE_FILTER_QUEUE_STATE_CHANGE, 0x40020070U);
	KUNIT_EXPECT_EQ(test, NDIS_STATUS_QOS_OPERATIONAL_PARAMETERS_CHANGE, 0x400200A0U);
	KUNIT_EXPECT_EQ(test, NDIS_STATUS_QOS_REMOTE_PARAMETERS_CHANGE, 0x400200A1U);
	/* Indications, not errors: severity informational. */
	KUNIT_EXPECT_EQ(test, NDIS_STATUS_QOS_OPERATIONAL_PARAMETERS_CHANGE >> 30, 1U);

	KUNIT_EXPECT_EQ(test, NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES, 0xAF);
	KUNIT_EXPECT_EQ(test, NDIS_OBJECT_TYPE_QOS_CAPABILITIES, 0xB5);
	KUNIT_EXPECT_EQ(test, NDIS_OBJECT_TYPE_QOS_PARAMETERS, 0xB6);
	KUNIT_EXPECT_EQ(test, NDIS_OBJECT_TYPE_QOS_CLASSIFICATION_ELEMENT, 0xB7);

	KUNIT_EXPECT_EQ(test, NDIS_DEFAULT_RECEIVE_QUEUE_ID, 0);
	KUNIT_EXPECT_EQ(test, NdisReceiveQueueTypeVMQueue, 1);
	KUNIT_EXPECT_EQ(test, NdisReceiveFilterTypeVMQueue, 1);
	KUNIT_EXPECT_EQ(test, NdisFrameHeaderMac, 1);
	KUNIT_EXPECT_EQ(test, NdisMacHeaderFieldVlanId, 4);
	KUNIT_EXPECT_EQ(test, NdisReceiveFilterTestEqual, 1);
	KUNIT_EXPECT_EQ(test, NdisReceiveQueueOperationalStateDmaStopped, 3);
	KUNIT_EXPECT_EQ(test, NDIS_RECEIVE_QUEUE_PARAMETERS_CHANGE_MASK, 0xFFFF0000U);
	KUNIT_EXPECT_EQ(test, NDIS_QOS_PARAMETERS_CLASSIFICATION_CONFIGURED, 0x00020000U);
	KUNIT_EXPECT_EQ(test, NDIS_QOS_TSA_ETS, 2);
	KUNIT_EXPECT_EQ(test, NDIS_QOS_CONDITION_ETHERTYPE, 5);
}

static void receive_filter_structures_have_the_ddi_layout(struct kunit *test)
{
	if (!IS_ENABLED(CONFIG_64BIT))
		kunit_skip(test, "the expected offsets are those of 64-bit Windows");

	/* GROUP_AFFINITY: KAFFINITY 0, Group 8, Reserved[3] 10, 16 bytes. */
	KUNIT_EXPECT_EQ(test, offsetof(GROUP_AFFINITY, Group), 8);
	KUNIT_EXPECT_EQ(test, sizeof(GROUP_AFFINITY), 16);
	/* IF_COUNTED_STRING: Length 0, String[257] 2: 516 bytes. */
	KUNIT_EXPECT_EQ(test, sizeof(NDIS_IF_COUNTED_STRING), 516);

	/* Header 0, 13 ULONGs to MaxLookaheadSplitSize at 52; 7 more in 6.30. */
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_RECEIVE_FILTER_CAPABILITIES_REVISION_1, 56);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_RECEIVE_FILTER_CAPABILITIES, MaxMacHeaderFilters), 36);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_RECEIVE_FILTER_CAPABILITIES_REVISION_2, 84);
	/* Header 0, 7 ULONGs to NdisReserved3 at 28; 21 more to NdisReserved17. */
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_NIC_SWITCH_CAPABILITIES_REVISION_1, 32);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_NIC_SWITCH_CAPABILITIES, NumVlansPerPort), 20);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_NIC_SWITCH_CAPABILITIES_REVISION_2, 116);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_RECEIVE_FILTER_GLOBAL_PARAMETERS_REVISION_1, 16);

	/*
	 * Field parameters: Flags 4, FrameHeader 8, ReceiveFilterTest 12,
	 * HeaderField 16; FieldValue holds a ULONG64, so 8-aligned at 24
	 * (16 bytes), ResultValue 40: 56.
	 */
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_RECEIVE_FILTER_FIELD_PARAMETERS, HeaderField), 16);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_RECEIVE_FILTER_FIELD_PARAMETERS, FieldValue), 24);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_RECEIVE_FILTER_FIELD_PARAMETERS, ResultValue), 40);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_RECEIVE_FILTER_FIELD_PARAMETERS_REVISION_1, 56);
	/* Filter parameters: 8 ULONGs after the header to 36; 2 more in 6.30. */
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_RECEIVE_FILTER_PARAMETERS, QueueId), 12);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_RECEIVE_FILTER_PARAMETERS, FieldParametersArrayOffset),
			20);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_RECEIVE_FILTER_PARAMETERS_REVISION_1, 36);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_RECEIVE_FILTER_PARAMETERS_REVISION_2, 44);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_RECEIVE_FILTER_CLEAR_PARAMETERS_REVISION_1, 16);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_RECEIVE_QUEUE_FREE_PARAMETERS_REVISION_1, 12);

	/*
	 * Queue parameters: Flags 4, QueueType 8, QueueId 12, QueueGroupId 16,
	 * ProcessorAffinity 8-aligned at 24 (16), NumSuggestedReceiveBuffers 40,
	 * MSIXTableEntry 44, LookaheadSize 48, VmName 52 (516), QueueName 568
	 * (516) to 1084; PortId 1084, InterruptCoalescingDomainId 1088 to 1092.
	 */
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_RECEIVE_QUEUE_PARAMETERS, QueueId), 12);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_RECEIVE_QUEUE_PARAMETERS, ProcessorAffinity), 24);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_RECEIVE_QUEUE_PARAMETERS, LookaheadSize), 48);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_RECEIVE_QUEUE_PARAMETERS, VmName), 52);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_RECEIVE_QUEUE_PARAMETERS, QueueName), 568);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_RECEIVE_QUEUE_PARAMETERS_REVISION_1, 1084);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_RECEIVE_QUEUE_PARAMETERS_REVISION_2, 1092);
	/* Queue info: as the parameters, QueueState 20 before the affinity. */
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_RECEIVE_QUEUE_INFO, QueueState), 20);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_RECEIVE_QUEUE_INFO, ProcessorAffinity), 24);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_RECEIVE_QUEUE_INFO_REVISION_1, 1084);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_RECEIVE_QUEUE_INFO_REVISION_2, 1092);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_RECEIVE_QUEUE_INFO_ARRAY_REVISION_1, 16);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_RECEIVE_FILTER_INFO_REVISION_1, 16);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_RECEIVE_FILTER_INFO_ARRAY_REVISION_1, 20);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_RECEIVE_FILTER_INFO_ARRAY_REVISION_2, 28);
	KUNIT_EXPECT_EQ(test,
			NDIS_SIZEOF_RECEIVE_QUEUE_ALLOCATION_COMPLETE_PARAMETERS_REVISION_1, 16);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_RECEIVE_QUEUE_ALLOCATION_COMPLETE_ARRAY_REVISION_1, 20);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_RECEIVE_QUEUE_STATE, QueueState), 12);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_NDIS_RECEIVE_QUEUE_STATE_REVISION_1, 16);

	/*
	 * Hardware-assist attributes: Header 0, then nine pointers from 8
	 * (ndis.sys's own symbols: HDSplitAttributes 0x8 ... CurrentQos 0x48).
	 */
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES,
				       HardwareReceiveFilterCapabilities), 0x10);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES,
				       HardwareSriovCapabilities), 0x30);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES,
				       CurrentQosCapabilities), 0x48);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_1,
			16);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_2,
			48);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_3,
			80);
}

static void qos_structures_have_the_ddi_layout(struct kunit *test)
{
	/* Header 0, Flags 4, three ULONGs: 20. */
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_QOS_CAPABILITIES_REVISION_1, 20);
	/* Header 0, Flags 4, four USHORTs from 8: 16. */
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_QOS_CLASSIFICATION_ELEMENT, ActionSelector), 12);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_QOS_CLASSIFICATION_ELEMENT_REVISION_1, 16);
	/*
	 * Parameters: Flags 4, NumTrafficClasses 8, the three 8-byte tables at
	 * 12, 20 and 28, PfcEnable 36, the classification fields 40, 44, 48: 52.
	 */
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_QOS_PARAMETERS, PriorityAssignmentTable), 12);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_QOS_PARAMETERS, TsaAssignmentTable), 28);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_QOS_PARAMETERS, PfcEnable), 36);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_QOS_PARAMETERS_REVISION_1, 52);
	KUNIT_EXPECT_EQ(test, sizeof(NDIS_QOS_PARAMETERS), NDIS_SIZEOF_QOS_PARAMETERS_REVISION_1);
}

/* NET_BUFFER_LIST_RECEIVE_*_ID: the filter in the low 16 bits, the queue above. */
static void filtering_info_is_one_slot(struct kunit *test)
{
	NET_BUFFER_LIST nbl = {};

	KUNIT_EXPECT_EQ(test, NetBufferListFilteringInfo, 14);
	KUNIT_EXPECT_EQ(test, sizeof(NDIS_NET_BUFFER_LIST_FILTERING_INFO), sizeof(PVOID));
	NET_BUFFER_LIST_RECEIVE_QUEUE_ID(&nbl) = 5;
	NET_BUFFER_LIST_RECEIVE_FILTER_ID(&nbl) = 3;
	KUNIT_EXPECT_EQ(test, (ULONG_PTR)NET_BUFFER_LIST_INFO(&nbl, NetBufferListFilteringInfo),
			(ULONG_PTR)0x00050003);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_LIST_RECEIVE_QUEUE_ID(&nbl), 5);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_LIST_RECEIVE_FILTER_ID(&nbl), 3);
	/* Its neighbours are untouched. */
	KUNIT_EXPECT_NULL(test, NET_BUFFER_LIST_INFO(&nbl, NetBufferListCorrelationId));
	KUNIT_EXPECT_NULL(test, NET_BUFFER_LIST_INFO(&nbl, MediaSpecificInformationEx));
}

/*
 * What the hardware-assist case sets from MiniportInitializeEx, and what
 * came back. (@status first: checkpatch learns NDIS_STATUS as a type from
 * it, and would misread the function pointer and the macro below without.)
 */
static struct {
	NDIS_STATUS status;
	NDIS_STATUS (*set)(NDIS_HANDLE h, PVOID attrs);
	MINIPORT_INITIALIZE *init;
	UCHAR rev;
	USHORT size;
	PNDIS_RECEIVE_FILTER_CAPABILITIES rf;
	PNDIS_NIC_SWITCH_CAPABILITIES ns;
	PNDIS_QOS_CAPABILITIES qos;
	bool called;
} rf_seen;

static NDIS_STATUS rf_initialize(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE ctx,
				 PNDIS_MINIPORT_INIT_PARAMETERS params)
{
	NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES hw = {};
	NDIS_STATUS status;

	/* Registration and general attributes, as the fake sets them. */
	status = rf_seen.init(MiniportAdapterHandle, ctx, params);
	if (status != NDIS_STATUS_SUCCESS)
		return status;
	ndis_object_header_init(&hw.Header,
				NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES,
				rf_seen.rev, rf_seen.size);
	hw.HardwareReceiveFilterCapabilities = rf_seen.rf;
	hw.CurrentReceiveFilterCapabilities = rf_seen.rf;
	hw.HardwareNicSwitchCapabilities = rf_seen.ns;
	hw.CurrentNicSwitchCapabilities = rf_seen.ns;
	hw.HardwareQosCapabilities = rf_seen.qos;
	hw.CurrentQosCapabilities = rf_seen.qos;
	/* As netvmini passes it: the structure, cast to the union. */
	rf_seen.status = rf_seen.set(MiniportAdapterHandle, &hw);
	rf_seen.called = true;
	/* A refused call is the driver's to handle; this one carries on. */
	return NDIS_STATUS_SUCCESS;
}

/*
 * NDIS reports a misuse once per calling site: each case calls
 * NdisMSetMiniportAttributes from a site of its own, so that each refusal
 * can be seen to be reported.
 */
static int rf_site_last;

typedef NDIS_STATUS rf_set_fn(NDIS_HANDLE h, PVOID attrs);

/*
 * One function a site, each with its own address; each writes its own
 * number to rf_site_last, so that no two are folded into one.
 */
#define RF_SET_SITE(n)							\
static noinline NDIS_STATUS rf_set_##n(NDIS_HANDLE h, PVOID attrs)	\
{									\
	NDIS_STATUS status = NdisMSetMiniportAttributes(h, attrs);	\
									\
	WRITE_ONCE(rf_site_last, n);					\
	return status;							\
}

RF_SET_SITE(0)
RF_SET_SITE(1)
RF_SET_SITE(2)
RF_SET_SITE(3)
RF_SET_SITE(4)
RF_SET_SITE(5)
RF_SET_SITE(6)

static rf_set_fn *const rf_sites[] = {
	rf_set_0, rf_set_1, rf_set_2, rf_set_3, rf_set_4, rf_set_5, rf_set_6,
};

static struct ndis_fake_miniport *rf_miniport(struct kunit *test, const char *name)
{
	struct ndis_fake_miniport *mp = kunit_kzalloc(test, sizeof(*mp), GFP_KERNEL);
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;

	KUNIT_ASSERT_NOT_NULL(test, mp);
	ndis_fake_miniport_init(mp, name);
	ndis_fake_miniport_chars(&chars, mp->name);
	rf_seen.init = chars.InitializeHandlerEx;
	chars.InitializeHandlerEx = rf_initialize;
	KUNIT_ASSERT_EQ(test, NdisMRegisterMiniportDriver(NULL, NULL, mp, &chars, &mp->handle),
			NDIS_STATUS_SUCCESS);
	return mp;
}

static void hardware_assist_attributes_checked(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_RECEIVE_FILTER_CAPABILITIES rf = {}, rf_short = {};
	NDIS_NIC_SWITCH_CAPABILITIES ns = {};
	NDIS_QOS_CAPABILITIES qos = {}, qos_untyped = {};
	const struct {
		const char *what;
		UCHAR rev;
		USHORT size;
		PNDIS_RECEIVE_FILTER_CAPABILITIES rf;
		PNDIS_NIC_SWITCH_CAPABILITIES ns;
		PNDIS_QOS_CAPABILITIES qos;
		NDIS_STATUS status;
	} cases[] = {
		{ "6.1, no capabilities",
		  NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_1,
		  NDIS_SIZEOF_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_1, NULL, NULL,
		  NULL, NDIS_STATUS_SUCCESS },
		{ "6.20 VMQ, as netvmini",
		  NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_2,
		  NDIS_SIZEOF_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_2, &rf, &ns,
		  NULL, NDIS_STATUS_SUCCESS },
		{ "6.30 QoS, as netvmini",
		  NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_3,
		  NDIS_SIZEOF_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_3, NULL, NULL,
		  &qos, NDIS_STATUS_SUCCESS },
		{ "revision 3 at the size of 2",
		  NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_3,
		  NDIS_SIZEOF_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_2, NULL, NULL,
		  NULL, NDIS_STATUS_INVALID_PARAMETER },
		{ "revision 0", 0,
		  NDIS_SIZEOF_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_3, NULL, NULL,
		  NULL, NDIS_STATUS_INVALID_PARAMETER },
		{ "receive filter capabilities too short",
		  NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_2,
		  NDIS_SIZEOF_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_2, &rf_short,
		  &ns, NULL, NDIS_STATUS_INVALID_PARAMETER },
		{ "QoS capabilities of the default type",
		  NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_3,
		  NDIS_SIZEOF_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_3, NULL, NULL,
		  &qos_untyped, NDIS_STATUS_INVALID_PARAMETER },
	};
	unsigned int i, reports;
	char name[32];

	BUILD_BUG_ON(ARRAY_SIZE(cases) != ARRAY_SIZE(rf_sites));

	ndis_object_header_init(&rf.Header, NDIS_OBJECT_TYPE_DEFAULT,
				NDIS_RECEIVE_FILTER_CAPABILITIES_REVISION_1,
				NDIS_SIZEOF_RECEIVE_FILTER_CAPABILITIES_REVISION_1);
	rf.EnabledFilterTypes = NDIS_RECEIVE_FILTER_VMQ_FILTERS_ENABLED;
	rf.EnabledQueueTypes = NDIS_RECEIVE_FILTER_VM_QUEUES_ENABLED;
	rf.NumQueues = 3;
	rf_short = rf;
	rf_short.Header.Size = NDIS_SIZEOF_RECEIVE_FILTER_CAPABILITIES_REVISION_1 - 4;
	ndis_object_header_init(&ns.Header, NDIS_OBJECT_TYPE_DEFAULT,
				NDIS_NIC_SWITCH_CAPABILITIES_REVISION_1,
				NDIS_SIZEOF_NIC_SWITCH_CAPABILITIES_REVISION_1);
	ndis_object_header_init(&qos.Header, NDIS_OBJECT_TYPE_QOS_CAPABILITIES,
				NDIS_QOS_CAPABILITIES_REVISION_1,
				NDIS_SIZEOF_QOS_CAPABILITIES_REVISION_1);
	qos.Flags = NDIS_QOS_CAPABILITIES_STRICT_TSA_SUPPORTED;
	qos.MaxNumTrafficClasses = 8;
	qos_untyped = qos;
	qos_untyped.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct ndis_fake_miniport *mp;
		NDIS_HANDLE adapter = NULL;

		memset(&rf_seen, 0, sizeof(rf_seen));
		rf_seen.set = rf_sites[i];
		rf_seen.rev = cases[i].rev;
		rf_seen.size = cases[i].size;
		rf_seen.rf = cases[i].rf;
		rf_seen.ns = cases[i].ns;
		rf_seen.qos = cases[i].qos;
		reports = r->calls;
		snprintf(name, sizeof(name), "rf-mp-%u", i);
		mp = rf_miniport(test, name);
		snprintf(name, sizeof(name), "rf-a-%u", i);
		KUNIT_ASSERT_EQ(test, ndis_miniport_add_adapter(mp->handle, name, NULL, &adapter),
				NDIS_STATUS_SUCCESS);
		KUNIT_EXPECT_TRUE_MSG(test, rf_seen.called, "%s", cases[i].what);
		KUNIT_EXPECT_EQ_MSG(test, rf_seen.status, cases[i].status, "%s", cases[i].what);
		if (cases[i].status == NDIS_STATUS_SUCCESS) {
			KUNIT_EXPECT_EQ_MSG(test, r->calls, reports, "%s", cases[i].what);
		} else {
			/* Refused with a report naming the call. */
			KUNIT_EXPECT_GT_MSG(test, r->calls, reports, "%s", cases[i].what);
			KUNIT_EXPECT_STREQ(test, r->api, "NdisMSetMiniportAttributes");
		}
		NdisMDeregisterMiniportDriver(mp->handle);
		ndis_fake_miniport_release(mp);
	}
}

/* Outside MiniportInitializeEx the attributes are refused, as any others. */
static void hardware_assist_attributes_only_while_initializing(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "rf-mp-late");
	NDIS_HANDLE adapter = ndis_fake_adapter_add(test, mp, "rf-a-late");
	NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES hw = {};

	ndis_object_header_init(&hw.Header,
				NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES,
				NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_3,
				NDIS_SIZEOF_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_3);
	KUNIT_EXPECT_EQ(test, NdisMSetMiniportAttributes(adapter, (void *)&hw),
			NDIS_STATUS_NOT_ACCEPTED);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisMSetMiniportAttributes");
}

/* How many times the protocol saw @req complete (the fake's slot 0). */
static ULONG completions(PNDIS_OID_REQUEST req)
{
	return (ULONG)(ULONG_PTR)READ_ONCE(ndis_fake_oid_slots(req)[0]);
}

/*
 * A protocol's receive filter and QoS requests reach MiniportOidRequest as
 * it made them (same request, type, OID and buffer), whatever their kind,
 * and come back with the miniport's status: NDIS answers none of them.
 */
static void requests_reach_the_miniport(struct kunit *test)
{
	static const struct {
		NDIS_REQUEST_TYPE type;
		NDIS_OID oid;
	} reqs[] = {
		{ NdisRequestQueryInformation, OID_RECEIVE_FILTER_HARDWARE_CAPABILITIES },
		{ NdisRequestQueryInformation, OID_RECEIVE_FILTER_CURRENT_CAPABILITIES },
		{ NdisRequestQueryInformation, OID_RECEIVE_FILTER_GLOBAL_PARAMETERS },
		{ NdisRequestMethod, OID_RECEIVE_FILTER_ALLOCATE_QUEUE },
		{ NdisRequestMethod, OID_RECEIVE_FILTER_QUEUE_ALLOCATION_COMPLETE },
		{ NdisRequestMethod, OID_RECEIVE_FILTER_SET_FILTER },
		{ NdisRequestSetInformation, OID_RECEIVE_FILTER_CLEAR_FILTER },
		{ NdisRequestSetInformation, OID_RECEIVE_FILTER_QUEUE_PARAMETERS },
		{ NdisRequestSetInformation, OID_RECEIVE_FILTER_FREE_QUEUE },
		{ NdisRequestQueryInformation, OID_QOS_HARDWARE_CAPABILITIES },
		{ NdisRequestQueryInformation, OID_QOS_OPERATIONAL_PARAMETERS },
		{ NdisRequestMethod, OID_QOS_PARAMETERS },
	};
	struct ndis_kunit_reports *r = test->priv;
	union {
		NDIS_RECEIVE_QUEUE_PARAMETERS queue;
		NDIS_RECEIVE_FILTER_PARAMETERS filter;
		NDIS_QOS_PARAMETERS qos;
	} *buf = kunit_kzalloc(test, sizeof(*buf), GFP_KERNEL);
	struct ndis_fake_stack env;
	NDIS_OID_REQUEST req;
	unsigned int i;
	int seen;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	ndis_fake_stack_setup(test, &env, "rf", "oid", 1);
	env.mp->oid_mode = NDIS_FAKE_OID_PEND;
	for (i = 0; i < ARRAY_SIZE(reqs); i++) {
		PNDIS_OID_REQUEST held;

		seen = atomic_read(&env.mp->oids_seen);
		if (reqs[i].type == NdisRequestMethod)
			ndis_fake_oid_method_init(&req, reqs[i].oid, 0, buf, sizeof(*buf),
						  sizeof(*buf), NULL);
		else
			ndis_fake_oid_init(&req, reqs[i].type, reqs[i].oid, buf, sizeof(*buf),
					   NULL);
		KUNIT_ASSERT_EQ_MSG(test, NdisOidRequest(env.binding[0], &req),
				    NDIS_STATUS_PENDING, "OID 0x%08x", reqs[i].oid);
		KUNIT_ASSERT_TRUE_MSG(test, wait_event_timeout(env.mp->wq,
							       READ_ONCE(env.mp->oid_held),
							       NDIS_FAKE_WAIT),
				      "OID 0x%08x", reqs[i].oid);
		held = READ_ONCE(env.mp->oid_held);
		KUNIT_EXPECT_PTR_EQ(test, held, &req);
		KUNIT_EXPECT_EQ(test, held->RequestType, reqs[i].type);
		/* DATA's members share the Oid and buffer at the same place. */
		KUNIT_EXPECT_EQ(test, held->DATA.QUERY_INFORMATION.Oid, reqs[i].oid);
		KUNIT_EXPECT_PTR_EQ(test, held->DATA.QUERY_INFORMATION.InformationBuffer,
				    (PVOID)buf);
		KUNIT_EXPECT_EQ(test, atomic_read(&env.mp->oids_seen), seen + 1);
		/* The miniport's status is what the protocol gets. */
		KUNIT_EXPECT_TRUE(test, ndis_fake_oid_complete_held(env.mp,
								    NDIS_STATUS_NOT_SUPPORTED));
		KUNIT_ASSERT_TRUE(test, ndis_fake_wait(env.fp[0], completions(&req) == 1));
		KUNIT_EXPECT_EQ(test, (NDIS_STATUS)(ULONG_PTR)ndis_fake_oid_slots(&req)[1],
				NDIS_STATUS_NOT_SUPPORTED);
	}
	env.mp->oid_mode = NDIS_FAKE_OID_SUCCEED;
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

/* The miniport's QoS and queue indications reach the bindings as they are. */
static void indications_reach_the_bindings(struct kunit *test)
{
	NDIS_QOS_PARAMETERS params = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_QOS_PARAMETERS,
						  NDIS_QOS_PARAMETERS_REVISION_1,
						  NDIS_SIZEOF_QOS_PARAMETERS_REVISION_1),
		.NumTrafficClasses = 8,
	};
	NDIS_RECEIVE_QUEUE_STATE state = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_DEFAULT,
						  NDIS_RECEIVE_QUEUE_STATE_REVISION_1,
						  NDIS_SIZEOF_NDIS_RECEIVE_QUEUE_STATE_REVISION_1),
		.QueueId = 1,
		.QueueState = NdisReceiveQueueOperationalStateDmaStopped,
	};
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_stack env;
	int seen;

	ndis_fake_stack_setup(test, &env, "rf", "ind", 2);
	seen = atomic_read(&env.fp[1]->statuses);
	ndis_fake_indicate_status(env.fa, NDIS_STATUS_QOS_OPERATIONAL_PARAMETERS_CHANGE, &params,
				  params.Header.Size, NULL);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(env.fp[1],
					       atomic_read(&env.fp[1]->statuses) == seen + 1));
	KUNIT_EXPECT_EQ(test, READ_ONCE(env.fp[1]->last_status),
			NDIS_STATUS_QOS_OPERATIONAL_PARAMETERS_CHANGE);
	KUNIT_EXPECT_EQ(test, READ_ONCE(env.fp[0]->last_status),
			NDIS_STATUS_QOS_OPERATIONAL_PARAMETERS_CHANGE);
	ndis_fake_indicate_status(env.fa, NDIS_STATUS_RECEIVE_QUEUE_STATE, &state,
				  state.Header.Size, NULL);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(env.fp[1],
					       atomic_read(&env.fp[1]->statuses) == seen + 2));
	KUNIT_EXPECT_EQ(test, READ_ONCE(env.fp[1]->last_status), NDIS_STATUS_RECEIVE_QUEUE_STATE);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static struct kunit_case ndis_receive_filter_cases[] = {
	KUNIT_CASE(oids_statuses_and_types_have_the_ddi_values),
	KUNIT_CASE(receive_filter_structures_have_the_ddi_layout),
	KUNIT_CASE(qos_structures_have_the_ddi_layout),
	KUNIT_CASE(filtering_info_is_one_slot),
	KUNIT_CASE(hardware_assist_attributes_checked),
	KUNIT_CASE(hardware_assist_attributes_only_while_initializing),
	KUNIT_CASE(requests_reach_the_miniport),
	KUNIT_CASE(indications_reach_the_bindings),
	{}
};

static struct kunit_suite ndis_receive_filter_suite = {
	.name = "ndis_receive_filter",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_receive_filter_cases,
};

kunit_test_suite(ndis_receive_filter_suite);
