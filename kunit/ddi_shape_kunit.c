// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_ddi_shape: the layouts and values a Windows driver relies on
 * without saying so. The halves of LARGE_INTEGER, 16-bit wide characters
 * and UTF-16 literals, NTSTATUS severities and the values NDIS_STATUS
 * shares with it, the run-time version, the helpers of ntdef.h used on a
 * real structure, and the DDI's numbers for object types, physical media
 * and pool types. Then the revisions of versioned structures: the
 * NDIS_SIZEOF_*_REVISION_* sizes, characteristics of revision 1 passed at
 * exactly that size (KASAN would show a read past them) registering and
 * working, and headers too short, of revision 0 or of the wrong type
 * refused with one report each.
 */
#include <linux/bottom_half.h>
#include <linux/string.h>
#include <linux/uuid.h>

#include "fake.h"

static void large_integer_halves(struct kunit *test)
{
	LARGE_INTEGER li = { .QuadPart = 0x1122334455667788LL };
	ULARGE_INTEGER uli = { .QuadPart = 0xFFFFFFFF00000001ULL };

	KUNIT_EXPECT_EQ(test, sizeof(LARGE_INTEGER), 8UL);
	KUNIT_EXPECT_EQ(test, sizeof(ULARGE_INTEGER), 8UL);
	KUNIT_EXPECT_EQ(test, offsetof(LARGE_INTEGER, LowPart), 0UL);
	KUNIT_EXPECT_EQ(test, offsetof(LARGE_INTEGER, HighPart), 4UL);
	KUNIT_EXPECT_EQ(test, li.LowPart, 0x55667788U);
	KUNIT_EXPECT_EQ(test, li.HighPart, 0x11223344);
	KUNIT_EXPECT_EQ(test, li.u.LowPart, 0x55667788U);
	KUNIT_EXPECT_EQ(test, li.u.HighPart, 0x11223344);

	/* The high half is signed: -2 is HighPart -1, LowPart 0xFFFFFFFE. */
	li.QuadPart = -2;
	KUNIT_EXPECT_EQ(test, li.HighPart, -1);
	KUNIT_EXPECT_EQ(test, li.LowPart, 0xFFFFFFFEU);
	/* Writing the halves writes the whole. */
	li.LowPart = 1;
	li.HighPart = -1;
	KUNIT_EXPECT_EQ(test, li.QuadPart, (LONGLONG)0xFFFFFFFF00000001ULL);

	KUNIT_EXPECT_EQ(test, uli.HighPart, 0xFFFFFFFFU);
	KUNIT_EXPECT_EQ(test, uli.u.LowPart, 1U);
	KUNIT_EXPECT_EQ(test, sizeof(NDIS_PHYSICAL_ADDRESS), 8UL);
}

static void wide_characters_are_utf16(struct kunit *test)
{
	static const WCHAR clef[] = L"\U0001D11E";	/* outside the BMP */
	static const WCHAR word[] = L"N\u00e9t";
	PCWSTR p = word;

	KUNIT_EXPECT_EQ(test, sizeof(WCHAR), 2UL);
	KUNIT_EXPECT_EQ(test, sizeof(L'a'), 2UL);
	/* Three units and the terminator. */
	KUNIT_EXPECT_EQ(test, sizeof(word), 8UL);
	KUNIT_EXPECT_EQ(test, p[1], 0x00E9);
	KUNIT_EXPECT_EQ(test, p[3], 0);
	/* A character outside the BMP is a surrogate pair. */
	KUNIT_EXPECT_EQ(test, ARRAY_SIZE(clef), 3UL);
	KUNIT_EXPECT_EQ(test, clef[0], 0xD834);
	KUNIT_EXPECT_EQ(test, clef[1], 0xDD1E);
	/* Unsigned, as on Windows. */
	KUNIT_EXPECT_GT(test, (int)(WCHAR)L'\xffff', 0);
}

static void ntstatus_severities_and_shared_values(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, sizeof(NTSTATUS), 4UL);
	KUNIT_EXPECT_TRUE(test, NT_SUCCESS(STATUS_SUCCESS));
	KUNIT_EXPECT_TRUE(test, NT_SUCCESS(STATUS_PENDING));
	KUNIT_EXPECT_TRUE(test, NT_SUCCESS(STATUS_TIMEOUT));
	KUNIT_EXPECT_FALSE(test, NT_SUCCESS(STATUS_BUFFER_OVERFLOW));
	KUNIT_EXPECT_FALSE(test, NT_SUCCESS(STATUS_UNSUCCESSFUL));
	KUNIT_EXPECT_FALSE(test, NT_SUCCESS(STATUS_CANCELLED));

	KUNIT_EXPECT_TRUE(test, NT_WARNING(STATUS_BUFFER_OVERFLOW));
	KUNIT_EXPECT_FALSE(test, NT_ERROR(STATUS_BUFFER_OVERFLOW));
	KUNIT_EXPECT_TRUE(test, NT_ERROR(STATUS_INSUFFICIENT_RESOURCES));
	KUNIT_EXPECT_FALSE(test, NT_INFORMATION(STATUS_SUCCESS));
	KUNIT_EXPECT_FALSE(test, NT_ERROR(STATUS_PENDING));

	/* Where NDIS has the same meaning it has the same number. */
	KUNIT_EXPECT_EQ(test, STATUS_SUCCESS, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, STATUS_PENDING, NDIS_STATUS_PENDING);
	KUNIT_EXPECT_EQ(test, STATUS_BUFFER_OVERFLOW, NDIS_STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, STATUS_UNSUCCESSFUL, NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, STATUS_INVALID_PARAMETER, NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, STATUS_INVALID_DEVICE_REQUEST, NDIS_STATUS_INVALID_DEVICE_REQUEST);
	KUNIT_EXPECT_EQ(test, STATUS_INSUFFICIENT_RESOURCES, NDIS_STATUS_RESOURCES);
	KUNIT_EXPECT_EQ(test, STATUS_NOT_SUPPORTED, NDIS_STATUS_NOT_SUPPORTED);
	KUNIT_EXPECT_EQ(test, STATUS_INVALID_DEVICE_STATE, NDIS_STATUS_INVALID_STATE);
	/* The values are negative as a LONG, whatever the literal's type. */
	KUNIT_EXPECT_LT(test, STATUS_CANCELLED, 0);
	KUNIT_EXPECT_EQ(test, (ULONG)STATUS_CANCELLED, 0xC0000120U);
}

static UINT version_seen;

static void get_version(void *unused)
{
	version_seen = NdisGetVersion();
}

static void runtime_and_build_time_versions(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	UINT v = NdisGetVersion();

	KUNIT_EXPECT_EQ(test, v, 0x0006001EU);
	KUNIT_EXPECT_EQ(test, v, (UINT)NDIS_RUNTIME_VERSION_630);
	KUNIT_EXPECT_GT(test, v, (UINT)NDIS_RUNTIME_VERSION_620);
	KUNIT_EXPECT_EQ(test, v >> 16, (UINT)NDIS_MAJOR_VERSION);
	KUNIT_EXPECT_EQ(test, v & 0xFFFF, (UINT)NDIS_MINOR_VERSION);

	/* Allowed at DISPATCH_LEVEL: the same answer, no report. */
	local_bh_disable();
	v = NdisGetVersion();
	local_bh_enable();
	KUNIT_EXPECT_EQ(test, v, (UINT)NDIS_RUNTIME_VERSION_630);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
	/* From a hard interrupt: reported, and still answered. */
	ndis_kunit_in_hardirq(test, get_version, NULL);
	KUNIT_EXPECT_EQ(test, version_seen, (UINT)NDIS_RUNTIME_VERSION_630);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisGetVersion");
	KUNIT_EXPECT_EQ(test, r->irql, DIRQL);

	/* This file defines no NDIS6x: it is built for the newest, 6.30. */
	KUNIT_EXPECT_EQ(test, NDIS_SUPPORT_NDIS6, 1);
	KUNIT_EXPECT_TRUE(test, NDIS_SUPPORT_NDIS61);
	KUNIT_EXPECT_TRUE(test, NDIS_SUPPORT_NDIS620);
	KUNIT_EXPECT_TRUE(test, NDIS_SUPPORT_NDIS630);
	KUNIT_EXPECT_EQ(test, NDIS_SUPPORT_NDIS640, 0);
	KUNIT_EXPECT_EQ(test, NDIS_SUPPORT_NDIS687, 0);
}

/* An annotated prototype, as a Windows driver writes one. */
_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
_Success_(return == STATUS_SUCCESS)
static NTSTATUS ndis_shape_copy(_Out_writes_bytes_(Length) PUCHAR Destination,
				_In_reads_bytes_(Length) PUCHAR Source,
				_In_ ULONG Length, _Reserved_ PVOID Reserved)
{
	UNREFERENCED_PARAMETER(Reserved);
	if (!Length)
		return STATUS_INVALID_PARAMETER;
	memcpy(Destination, Source, Length);
	return STATUS_SUCCESS;
}

static void ntdef_helpers_on_a_structure(struct kunit *test)
{
	struct shape {
		ULONG Signature;
		UCHAR Flags;
		USHORT Count;
		ULONG64 Bytes;
		UCHAR Tail[5];
	} s = {};
	static UCHAR src[3] = { 1, 2, 3 };
	UCHAR dst[3] = {};
	USHORT *count = &s.Count;

	C_ASSERT(sizeof(struct shape) == 24);
	NDIS_DECLARE_MINIPORT_ADAPTER_CONTEXT(struct shape);

	KUNIT_EXPECT_EQ(test, FIELD_OFFSET(struct shape, Count), 6);
	KUNIT_EXPECT_EQ(test, FIELD_OFFSET(struct shape, Bytes), 8);
	KUNIT_EXPECT_EQ(test, RTL_FIELD_SIZE(struct shape, Tail), 5UL);
	/* An older revision ends after a field: 8 + 8, and 16 + 5. */
	KUNIT_EXPECT_EQ(test, RTL_SIZEOF_THROUGH_FIELD(struct shape, Bytes), 16UL);
	KUNIT_EXPECT_EQ(test, RTL_SIZEOF_THROUGH_FIELD(struct shape, Tail), 21UL);
	KUNIT_EXPECT_EQ(test, RTL_NUMBER_OF(s.Tail), 5UL);
	KUNIT_EXPECT_EQ(test, ARRAYSIZE(src), 3UL);
	/* From a field back to its structure, from a typed or an untyped pointer. */
	KUNIT_EXPECT_PTR_EQ(test, CONTAINING_RECORD(count, struct shape, Count), &s);
	KUNIT_EXPECT_PTR_EQ(test, CONTAINING_RECORD((PVOID)s.Tail, struct shape, Tail), &s);

	KUNIT_EXPECT_EQ(test, ndis_shape_copy(dst, src, sizeof(dst), NULL), STATUS_SUCCESS);
	KUNIT_EXPECT_MEMEQ(test, dst, src, sizeof(dst));
	KUNIT_EXPECT_EQ(test, ndis_shape_copy(dst, src, 0, NULL), STATUS_INVALID_PARAMETER);
	/* A true assertion is silent (a false one would WARN). */
	ASSERT(s.Flags == 0);
	KUNIT_EXPECT_EQ(test, DbgPrint("ndis_ddi_shape %d\n", 1), 0);
	KUNIT_EXPECT_EQ(test, KdPrint(("ndis_ddi_shape %s\n", "two")), 0);
}

static void ddi_numbers(struct kunit *test)
{
	NDIS_OBJECT_HEADER h = {};
	GUID g = {};

	KUNIT_EXPECT_EQ(test, sizeof(h), 4UL);
	KUNIT_EXPECT_EQ(test, sizeof(g), 16UL);
	KUNIT_EXPECT_EQ(test, offsetof(GUID, Data4), 8UL);
	KUNIT_EXPECT_EQ(test, sizeof(GUID), sizeof(guid_t));

	KUNIT_EXPECT_EQ(test, NDIS_OBJECT_TYPE_DEVICE_OBJECT_ATTRIBUTES, 0x85);
	KUNIT_EXPECT_EQ(test, NDIS_OBJECT_TYPE_OID_REQUEST, NDIS_OBJECT_TYPE_REQUEST_EX);
	KUNIT_EXPECT_EQ(test, NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS, 0x97);
	KUNIT_EXPECT_EQ(test, NDIS_OBJECT_TYPE_RESTART_GENERAL_ATTRIBUTES, 0xA2);
	KUNIT_EXPECT_EQ(test, NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT, 0xA9);
	KUNIT_EXPECT_EQ(test, NDIS_OBJECT_TYPE_NSI_INTERFACE_PERSIST_RW_STRUCT, 0xAE);

	KUNIT_EXPECT_EQ(test, NdisPhysicalMediumUnspecified, 0);
	KUNIT_EXPECT_EQ(test, NdisPhysicalMedium802_3, 14);
	KUNIT_EXPECT_EQ(test, NdisPhysicalMediumNative802_15_4, 20);
	KUNIT_EXPECT_EQ(test, NdisPhysicalMediumMax, 21);
	KUNIT_EXPECT_EQ(test, sizeof(NDIS_PHYSICAL_MEDIUM), 4UL);

	KUNIT_EXPECT_EQ(test, NonPagedPool, 0);
	KUNIT_EXPECT_EQ(test, NonPagedPoolNx, 512);
	KUNIT_EXPECT_EQ(test, NormalPoolPriority, 16);
	KUNIT_EXPECT_EQ(test, HighPoolPriority, 32);
	KUNIT_EXPECT_EQ(test, UserMode, 1);
	KUNIT_EXPECT_EQ(test, MAXULONG, 0xFFFFFFFFU);
	KUNIT_EXPECT_EQ(test, MAXUSHORT, 0xFFFF);
	KUNIT_EXPECT_EQ(test, sizeof(ULONG), 4UL);
	KUNIT_EXPECT_EQ(test, sizeof(ULONG_PTR), sizeof(void *));
}

/*
 * A structure's last revision ends at its last field: the declared size
 * is that, rounded up to the structure's alignment (the tail padding).
 */
#define EXPECT_WHOLE(test, type, rev_size)					\
	KUNIT_EXPECT_EQ(test, ALIGN(rev_size, __alignof__(type)), sizeof(type))

static void revision_sizes(struct kunit *test)
{
	/* Each revision ends at its last field; revision 2 adds to revision 1. */
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1,
			offsetofend(NDIS_MINIPORT_DRIVER_CHARACTERISTICS, CancelOidRequestHandler));
	KUNIT_EXPECT_LT(test, NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1,
			NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2);
	EXPECT_WHOLE(test, NDIS_MINIPORT_DRIVER_CHARACTERISTICS,
		     NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1,
			offsetofend(NDIS_PROTOCOL_DRIVER_CHARACTERISTICS,
				    SendNetBufferListsCompleteHandler));
	KUNIT_EXPECT_LT(test, NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1,
			NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_2);
	EXPECT_WHOLE(test, NDIS_PROTOCOL_DRIVER_CHARACTERISTICS,
		     NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_2);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1,
			offsetofend(NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES,
				    AutoNegotiationFlags));
	KUNIT_EXPECT_LT(test, NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1,
			NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2);
	EXPECT_WHOLE(test, NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES,
		     NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2);
	/* No tail padding counted: the DDI's sizes leave it out too. */
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1, 28);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_OPEN_PARAMETERS_REVISION_1, 52);
	/* Structures with one revision: all of it. */
	EXPECT_WHOLE(test, NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES,
		     NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1);
	EXPECT_WHOLE(test, NET_BUFFER_LIST_POOL_PARAMETERS,
		     NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1);
	EXPECT_WHOLE(test, NET_BUFFER_POOL_PARAMETERS,
		     NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_1);
	EXPECT_WHOLE(test, NDIS_STATUS_INDICATION, NDIS_SIZEOF_STATUS_INDICATION_REVISION_1);
	EXPECT_WHOLE(test, NDIS_OID_REQUEST, NDIS_SIZEOF_OID_REQUEST_REVISION_1);
	EXPECT_WHOLE(test, NDIS_OPEN_PARAMETERS, NDIS_SIZEOF_OPEN_PARAMETERS_REVISION_1);
	EXPECT_WHOLE(test, NDIS_LINK_STATE, NDIS_SIZEOF_LINK_STATE_REVISION_1);
	EXPECT_WHOLE(test, NDIS_STATISTICS_INFO, NDIS_SIZEOF_STATISTICS_INFO_REVISION_1);
	EXPECT_WHOLE(test, NDIS_PROTOCOL_PAUSE_PARAMETERS,
		     NDIS_SIZEOF_PROTOCOL_PAUSE_PARAMETERS_REVISION_1);
	KUNIT_EXPECT_LE(test, NDIS_SIZEOF_BIND_PARAMETERS_REVISION_1,
			sizeof(NDIS_BIND_PARAMETERS));
}

/*
 * The first @size bytes of @full, alone in an allocation of exactly that
 * size: a read past them is an out-of-bounds access KASAN reports.
 */
static void *exactly(struct kunit *test, const void *full, size_t size)
{
	void *p = kunit_kmalloc(test, size, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	memcpy(p, full, size);
	return p;
}

static void miniport_cleanup(void *data)
{
	struct ndis_fake_miniport *mp = data;

	NdisMDeregisterMiniportDriver(mp->handle);
	ndis_fake_miniport_release(mp);
}

static void older_revisions_accepted_at_their_size(struct kunit *test)
{
	struct ndis_fake_miniport *mp = kunit_kzalloc(test, sizeof(*mp), GFP_KERNEL);
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "ds-p-rev1");
	struct ndis_fake_protocol *later = ndis_fake_protocol_new(test, "ds-p-rev3");
	struct ndis_kunit_reports *r = test->priv;
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS mc;
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS pc;
	NDIS_HANDLE adapter;
	WCHAR wname[NDIS_FAKE_WNAME];

	KUNIT_ASSERT_NOT_NULL(test, mp);
	ndis_fake_miniport_init(mp, "ds-mp-rev1");
	ndis_fake_miniport_chars(&mc, mp->name);
	mc.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
	mc.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
	KUNIT_ASSERT_EQ(test, NdisMRegisterMiniportDriver(NULL, NULL, mp,
							  exactly(test, &mc, mc.Header.Size),
							  &mp->handle),
			NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, miniport_cleanup, mp), 0);

	ndis_fake_protocol_chars(&pc, fp->name, wname);
	pc.Header.Revision = NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
	pc.Header.Size = NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
	KUNIT_ASSERT_EQ(test, NdisRegisterProtocolDriver(fp, exactly(test, &pc, pc.Header.Size),
							 &fp->handle),
			NDIS_STATUS_SUCCESS);

	/* Both work: the adapter starts, the protocol binds to it and runs. */
	adapter = ndis_fake_adapter_add(test, mp, "ds-a-rev1");
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->restarts) == 1));
	KUNIT_EXPECT_EQ(test, atomic_read(&mp->inits), 1);

	/* A revision later than NDIS knows is held to the newest it knows. */
	ndis_fake_protocol_chars(&pc, later->name, wname);
	pc.Header.Revision = 3;
	pc.Header.Size = NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_2;
	KUNIT_EXPECT_EQ(test, NdisRegisterProtocolDriver(later,
							 exactly(test, &pc, pc.Header.Size),
							 &later->handle),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(later, atomic_read(&later->restarts) == 1));

	KUNIT_EXPECT_EQ(test, r->calls, 0U);
	KUNIT_EXPECT_EQ(test, ndis_miniport_remove_adapter(adapter), NDIS_STATUS_SUCCESS);
}

/* The call just made was refused with exactly one report, from @api. */
static void refused_once(struct kunit *test, unsigned int *seen, const char *api)
{
	struct ndis_kunit_reports *r = test->priv;

	KUNIT_EXPECT_EQ_MSG(test, r->calls, *seen + 1, "%s", api);
	KUNIT_EXPECT_STREQ(test, r->api, api);
	KUNIT_EXPECT_NOT_NULL(test, strstr(r->requirement, "revision"));
	*seen = r->calls;
}

static void short_or_unknown_headers_refused(struct kunit *test)
{
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "ds-p-bad");
	struct ndis_fake_protocol *owner = ndis_fake_protocol_new(test, "ds-p-own");
	struct ndis_kunit_reports *r = test->priv;
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS mc;
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS pc;
	NET_BUFFER_LIST_POOL_PARAMETERS lp;
	NET_BUFFER_POOL_PARAMETERS bp;
	NDIS_STATUS_INDICATION si;
	unsigned int seen = 0;
	NDIS_OID_REQUEST req;
	NDIS_HANDLE h = NULL;
	ULONG v;
	WCHAR wname[NDIS_FAKE_WNAME];

	/* Characteristics: one byte short, revision 2 at revision 1's size, revision 0. */
	ndis_fake_protocol_chars(&pc, fp->name, wname);
	pc.Header.Revision = NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
	pc.Header.Size = NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1 - 1;
	KUNIT_EXPECT_EQ(test, NdisRegisterProtocolDriver(fp, &pc, &h),
			NDIS_STATUS_BAD_CHARACTERISTICS);
	refused_once(test, &seen, "ndis_register_protocol_driver");
	pc.Header.Revision = NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_2;
	pc.Header.Size = NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
	KUNIT_EXPECT_EQ(test, NdisRegisterProtocolDriver(fp, &pc, &h),
			NDIS_STATUS_BAD_CHARACTERISTICS);
	refused_once(test, &seen, "ndis_register_protocol_driver");
	pc.Header.Revision = 0;
	pc.Header.Size = sizeof(pc);
	KUNIT_EXPECT_EQ(test, NdisRegisterProtocolDriver(fp, &pc, &h),
			NDIS_STATUS_BAD_CHARACTERISTICS);
	refused_once(test, &seen, "ndis_register_protocol_driver");

	ndis_fake_miniport_chars(&mc, "ds-mp-bad");
	mc.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
	KUNIT_EXPECT_EQ(test, NdisMRegisterMiniportDriver(NULL, NULL, NULL, &mc, &h),
			NDIS_STATUS_BAD_CHARACTERISTICS);
	refused_once(test, &seen, "ndis_register_miniport_driver");
	mc.Header.Type = NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS;
	mc.Header.Size = sizeof(mc);
	KUNIT_EXPECT_EQ(test, NdisMRegisterMiniportDriver(NULL, NULL, NULL, &mc, &h),
			NDIS_STATUS_BAD_CHARACTERISTICS);
	refused_once(test, &seen, "ndis_register_miniport_driver");
	KUNIT_EXPECT_NULL(test, h);

	/* Pool parameters, from a live protocol. */
	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(owner), NDIS_STATUS_SUCCESS);
	seen = r->calls;
	ndis_fake_pool_params(&lp, &bp);
	lp.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1 - 1;
	KUNIT_EXPECT_NULL(test, NdisAllocateNetBufferListPool(owner->handle, &lp));
	refused_once(test, &seen, "NdisAllocateNetBufferListPool");
	bp.Header.Revision = 0;
	KUNIT_EXPECT_NULL(test, NdisAllocateNetBufferPool(owner->handle, &bp));
	refused_once(test, &seen, "NdisAllocateNetBufferPool");

	/* A status indication and an OID request, checked before their handle. */
	memset(&si, 0, sizeof(si));
	ndis_object_header_init(&si.Header, NDIS_OBJECT_TYPE_STATUS_INDICATION,
				NDIS_STATUS_INDICATION_REVISION_1,
				NDIS_SIZEOF_STATUS_INDICATION_REVISION_1 - 1);
	NdisMIndicateStatusEx(NULL, &si);
	refused_once(test, &seen, "NdisMIndicateStatusEx");
	ndis_fake_oid_init(&req, NdisRequestQueryInformation, OID_GEN_VENDOR_ID, &v, sizeof(v),
			   NULL);
	req.Header.Size = NDIS_SIZEOF_OID_REQUEST_REVISION_1 - 1;
	KUNIT_EXPECT_EQ(test, NdisOidRequest(NULL, &req), NDIS_STATUS_INVALID_PARAMETER);
	refused_once(test, &seen, "NdisOidRequest");
	req.Header.Size = sizeof(req);
	req.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
	KUNIT_EXPECT_EQ(test, NdisOidRequest(NULL, &req), NDIS_STATUS_INVALID_PARAMETER);
	refused_once(test, &seen, "NdisOidRequest");
	/* Nothing was queued: NDIS's part of the request is untouched. */
	KUNIT_EXPECT_NULL(test, memchr_inv(req.NdisReserved, 0, sizeof(req.NdisReserved)));
}

/* NET_LUID's fields in the DDI's bits; the Ethernet helpers' answers. */
static void interface_ids_and_ethernet_helpers(struct kunit *test)
{
	static const UCHAR bcast[ETH_LENGTH_OF_ADDRESS] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	static const UCHAR mcast[ETH_LENGTH_OF_ADDRESS] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 };
	static const UCHAR ucast[ETH_LENGTH_OF_ADDRESS] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 };
	UCHAR buf[1 + ETH_LENGTH_OF_ADDRESS];	/* an odd address: any alignment */
	NET_LUID luid = { .Value = 0 };
	UINT result = 7;

	luid.Info.IfType = IF_TYPE_ETHERNET_CSMACD;
	luid.Info.NetLuidIndex = 0x123456;
	KUNIT_EXPECT_EQ(test, luid.Value, 0x0006123456000000ULL);
	KUNIT_EXPECT_EQ(test, sizeof(NET_LUID), 8UL);
	KUNIT_EXPECT_EQ(test, sizeof(NET_IFINDEX), 4UL);
	KUNIT_EXPECT_EQ(test, sizeof(NET_IFTYPE), 2UL);

	KUNIT_EXPECT_TRUE(test, ETH_IS_BROADCAST(bcast));
	KUNIT_EXPECT_FALSE(test, ETH_IS_BROADCAST(mcast));
	KUNIT_EXPECT_TRUE(test, ETH_IS_MULTICAST(mcast));
	KUNIT_EXPECT_TRUE(test, ETH_IS_MULTICAST(bcast));
	KUNIT_EXPECT_FALSE(test, ETH_IS_MULTICAST(ucast));
	ETH_COPY_NETWORK_ADDRESS(buf + 1, ucast);
	ETH_COMPARE_NETWORK_ADDRESSES_EQ(buf + 1, ucast, &result);
	KUNIT_EXPECT_EQ(test, result, 0U);		/* 0 means equal */
	ETH_COMPARE_NETWORK_ADDRESSES_EQ(buf + 1, mcast, &result);
	KUNIT_EXPECT_NE(test, result, 0U);
}

static struct kunit_case ndis_ddi_shape_cases[] = {
	KUNIT_CASE(large_integer_halves),
	KUNIT_CASE(wide_characters_are_utf16),
	KUNIT_CASE(ntstatus_severities_and_shared_values),
	KUNIT_CASE(runtime_and_build_time_versions),
	KUNIT_CASE(ntdef_helpers_on_a_structure),
	KUNIT_CASE(ddi_numbers),
	KUNIT_CASE(interface_ids_and_ethernet_helpers),
	KUNIT_CASE(revision_sizes),
	KUNIT_CASE(older_revisions_accepted_at_their_size),
	KUNIT_CASE(short_or_unknown_headers_refused),
	{}
};

static struct kunit_suite ndis_ddi_shape_suite = {
	.name = "ndis_ddi_shape",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_ddi_shape_cases,
};

kunit_test_suite(ndis_ddi_shape_suite);
