// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_protocol_shape: the protocol side in the DDI's shapes. The
 * protocol's Name is an NDIS_STRING, read during registration only and
 * kept as UTF-8; names NDIS cannot keep are refused with
 * NDIS_STATUS_BAD_CHARACTERISTICS. NDIS_BIND_PARAMETERS has the DDI's
 * fields in the DDI's order (the x64 offsets), filled from the adapter;
 * its names and NDIS_OPEN_PARAMETERS.AdapterName are NDIS_STRINGs.
 * NetEventRestart carries NDIS_PROTOCOL_RESTART_PARAMETERS.
 * NdisQueryAdapterInstanceName and NdisQueryBindInstanceName give the
 * adapter's name in a buffer NDIS allocates and the caller frees.
 */
#include <linux/string.h>

#include "../core/kunit_iface.h"
#include "fake.h"

/* Register @fp with the fake's handlers under the UTF-16 @name. */
static NDIS_STATUS ps_register(struct ndis_fake_protocol *fp, const NDIS_STRING *name)
{
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS pc;
	WCHAR wname[NDIS_FAKE_WNAME];

	ndis_fake_protocol_chars(&pc, fp->name, wname);
	pc.Name = *name;
	return NdisRegisterProtocolDriver(fp, &pc, &fp->handle);
}

/* The UTF-16 name is converted: the protocol binds under its UTF-8 spelling. */
static void name_is_an_ndis_string(struct kunit *test)
{
	static const char utf8[] = "ps-\xc3\xa9t\xc3\xa9-\xe2\x82\xac";	/* ps-été-€ */
	NDIS_STRING name = NDIS_STRING_CONST("ps-\u00e9t\u00e9-\u20ac");
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "ps-mp-name");
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, utf8);
	struct ndis_kunit_reports *r = test->priv;

	ndis_fake_adapter_add(test, mp, "ps-a-name");
	KUNIT_EXPECT_EQ(test, name.Length, 8 * sizeof(WCHAR));
	KUNIT_ASSERT_EQ(test, ps_register(fp, &name), NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->restarts) == 1));
	KUNIT_EXPECT_GE(test, ndis_kunit_binding_state(utf8, "ps-a-name"), 0);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

/*
 * NDIS keeps its own copy: the driver's buffer may change once registration
 * returned, and the name stays taken (a second protocol of that name fails).
 */
static void name_is_copied(struct kunit *test)
{
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "ps-p-copy");
	struct ndis_fake_protocol *twin = ndis_fake_protocol_new(test, "ps-p-copy");
	WCHAR buf[] = L"ps-p-copy";
	NDIS_STRING name;

	RtlInitUnicodeString(&name, buf);
	KUNIT_ASSERT_EQ(test, ps_register(fp, &name), NDIS_STATUS_SUCCESS);
	memset(buf, 0, sizeof(buf));
	buf[0] = L'x';
	RtlInitUnicodeString(&name, L"ps-p-copy");
	KUNIT_EXPECT_EQ(test, ps_register(twin, &name), NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_NULL(test, twin->handle);
	/* Only the first Length bytes count: MaximumLength and what follows do not. */
	name.Length -= 2 * sizeof(WCHAR);	/* "ps-p-co" */
	KUNIT_EXPECT_EQ(test, ps_register(twin, &name), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_NOT_NULL(test, twin->handle);
}

/* One name NDIS cannot keep, refused with nothing registered. */
static void expect_refused(struct kunit *test, const NDIS_STRING *name, const char *why)
{
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "ps-p-bad");

	KUNIT_EXPECT_EQ_MSG(test, ps_register(fp, name), NDIS_STATUS_BAD_CHARACTERISTICS, "%s",
			    why);
	KUNIT_EXPECT_NULL_MSG(test, fp->handle, "%s", why);
}

static void bad_names_refused(struct kunit *test)
{
	/* 31 bytes of UTF-8 fit; 16 two-byte characters (32 bytes) do not. */
#define PS_E7 "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
	NDIS_STRING fits = NDIS_STRING_CONST("ps-" PS_E7 PS_E7);
	NDIS_STRING over = NDIS_STRING_CONST("\u00e9\u00e9" PS_E7 PS_E7);
#undef PS_E7
	NDIS_STRING empty = NDIS_STRING_CONST("");
	NDIS_STRING slash = NDIS_STRING_CONST("ps/p");
	NDIS_STRING space = NDIS_STRING_CONST("ps p");
	NDIS_STRING nul = NDIS_STRING_CONST("ps\0p");
	NDIS_STRING dot = NDIS_STRING_CONST(".");
	NDIS_STRING dotdot = NDIS_STRING_CONST("..");
	NDIS_STRING odd = NDIS_STRING_CONST("ps-p-odd");
	NDIS_STRING none = { .Length = 4, .MaximumLength = 4, .Buffer = NULL };
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "ps-p-fits");

	KUNIT_EXPECT_EQ(test, ps_register(fp, &fits), NDIS_STATUS_SUCCESS);
	expect_refused(test, &over, "32 bytes of UTF-8");
	expect_refused(test, &empty, "empty");
	expect_refused(test, &slash, "a slash");
	expect_refused(test, &space, "a space");
	expect_refused(test, &nul, "a unit 0 inside");
	expect_refused(test, &dot, "\".\", a directory's own name");
	expect_refused(test, &dotdot, "\"..\", its parent's");
	odd.Length--;
	expect_refused(test, &odd, "an odd Length");
	expect_refused(test, &none, "no Buffer");
}

/* The DDI's layout on x64 (LLP64: ULONG 4 bytes, pointers and NET_LUID 8). */
static void bind_parameters_layout(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, ProtocolSection), 8UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, AdapterName), 16UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, PhysicalDeviceObject), 24UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, MediaType), 32UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, MaxXmitLinkSpeed), 40UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, LookaheadSize), 80UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, PowerManagementCapabilities), 88UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, MacAddressLength), 104UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, CurrentMacAddress), 106UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, PhysicalMediumType), 140UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, RcvScaleCapabilities), 144UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, BoundIfNetluid), 152UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, BoundIfIndex), 160UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, LowestIfNetluid), 168UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, AccessType), 180UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, IfType), 192UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, IfConnectorPresent), 194UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, ActivePorts), 200UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, DataBackFillSize), 208UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, MacOptions), 216UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, CompartmentId), 220UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, DefaultOffloadConfiguration), 224UL);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_BIND_PARAMETERS_REVISION_1, 248);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_BIND_PARAMETERS_REVISION_2, 256);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_BIND_PARAMETERS_REVISION_3, 280);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_BIND_PARAMETERS, NDKCapabilities), 288UL);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_BIND_PARAMETERS_REVISION_4, 312);
	KUNIT_EXPECT_EQ(test, sizeof(NDIS_BIND_PARAMETERS), 312UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_OPEN_PARAMETERS, AdapterName), 8UL);
}

/* What a bind handler saw, copied out while it ran. */
struct ps_seen {
	struct completion done;
	const char *adapter;		/* the one to look at; others are refused */
	NDIS_HANDLE proto;
	NDIS_BIND_PARAMETERS params;
	char adapter_name[NDIS_FAKE_NAME];
	char bound_name[NDIS_FAKE_NAME];
	char section[2 * NDIS_FAKE_NAME];
	NDIS_STATUS open_wrong;		/* NdisOpenAdapterEx, another adapter's name */
	NDIS_STATUS open_odd;		/* NdisOpenAdapterEx, an odd-length name */
	NDIS_HANDLE bind_ctx;
	NDIS_STATUS query;		/* NdisQueryBindInstanceName */
	char query_name[NDIS_FAKE_NAME];
	bool query_terminated;		/* its Buffer ends in a unit 0 */
};

static void ps_utf8(char *dst, size_t size, PNDIS_STRING s)
{
	ANSI_STRING as = { 0, size, dst };

	if (!s || !NT_SUCCESS(RtlUnicodeStringToAnsiString(&as, s, FALSE)))
		strscpy(dst, "?", size);
}

static NDIS_STATUS ps_try_open(struct ps_seen *seen, NDIS_HANDLE bind_ctx, PNDIS_STRING name)
{
	NDIS_MEDIUM medium = NdisMedium802_3;
	NDIS_OPEN_PARAMETERS op = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_OPEN_PARAMETERS,
						  NDIS_OPEN_PARAMETERS_REVISION_1, sizeof(op)),
		.AdapterName = name,
		.MediumArray = &medium,
		.MediumArraySize = 1,
	};
	NDIS_HANDLE binding = NULL;
	UINT index;

	op.SelectedMediumIndex = &index;
	return NdisOpenAdapterEx(seen->proto, seen, &op, bind_ctx, &binding);
}

static NDIS_STATUS ps_seen_bind(NDIS_HANDLE ctx, NDIS_HANDLE bind_ctx,
				PNDIS_BIND_PARAMETERS params)
{
	struct ps_seen *seen = ctx;
	NDIS_STRING wrong = NDIS_STRING_CONST("ps-a-nosuch");
	NDIS_STRING odd;
	char name[NDIS_FAKE_NAME];

	ps_utf8(name, sizeof(name), params->AdapterName);
	if (strcmp(name, seen->adapter))
		return NDIS_STATUS_NOT_SUPPORTED;
	seen->params = *params;
	strscpy(seen->adapter_name, name, sizeof(seen->adapter_name));
	ps_utf8(seen->bound_name, sizeof(seen->bound_name), params->BoundAdapterName);
	ps_utf8(seen->section, sizeof(seen->section), params->ProtocolSection);
	seen->open_wrong = ps_try_open(seen, bind_ctx, &wrong);
	odd = *params->AdapterName;
	odd.Length--;
	seen->open_odd = ps_try_open(seen, bind_ctx, &odd);
	seen->bind_ctx = bind_ctx;
	seen->query = NdisQueryBindInstanceName(&odd, bind_ctx);
	if (seen->query == NDIS_STATUS_SUCCESS) {
		ps_utf8(seen->query_name, sizeof(seen->query_name), &odd);
		seen->query_terminated = odd.MaximumLength == odd.Length + sizeof(WCHAR) &&
					 !odd.Buffer[odd.Length / sizeof(WCHAR)];
		NdisFreeMemory(odd.Buffer, 0, 0);
	}
	complete(&seen->done);
	return NDIS_STATUS_NOT_SUPPORTED;	/* nothing opened: the bind fails quietly */
}

static void bind_parameters_filled(struct kunit *test)
{
	static const UCHAR mac[ETH_ALEN] = { 0x02, 0x00, 0x5e, 0x10, 0x00, 0x01 };
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "ps-mp-bp");
	struct ps_seen seen = { .adapter = "ps-a-bp" };
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_adapter *fa;
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS pc;
	NDIS_STRING name = NDIS_STRING_CONST("ps-p-bp");
	WCHAR wname[NDIS_FAKE_WNAME];
	PNDIS_BIND_PARAMETERS p = &seen.params;

	init_completion(&seen.done);
	ndis_fake_adapter_add(test, mp, seen.adapter);
	ndis_fake_protocol_chars(&pc, "ps-p-bp", wname);
	pc.Name = name;
	pc.BindAdapterHandlerEx = ps_seen_bind;
	KUNIT_ASSERT_EQ(test, NdisRegisterProtocolDriver(&seen, &pc, &seen.proto),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&seen.done, NDIS_FAKE_WAIT), 0UL);
	NdisDeregisterProtocolDriver(seen.proto);

	KUNIT_EXPECT_EQ(test, p->Header.Type, NDIS_OBJECT_TYPE_BIND_PARAMETERS);
	KUNIT_EXPECT_EQ(test, p->Header.Revision, NDIS_BIND_PARAMETERS_REVISION_4);
	KUNIT_EXPECT_EQ(test, p->Header.Size, NDIS_SIZEOF_BIND_PARAMETERS_REVISION_4);
	KUNIT_EXPECT_STREQ(test, seen.adapter_name, "ps-a-bp");
	KUNIT_EXPECT_STREQ(test, seen.bound_name, "ps-a-bp");
	KUNIT_EXPECT_STREQ(test, seen.section, "ps-p-bp/ps-a-bp");
	KUNIT_EXPECT_NULL(test, p->PhysicalDeviceObject);
	KUNIT_EXPECT_EQ(test, p->MediaType, NdisMedium802_3);
	KUNIT_EXPECT_EQ(test, p->MtuSize, 1500U);
	KUNIT_EXPECT_EQ(test, p->XmitLinkSpeed, 1000000000ULL);
	KUNIT_EXPECT_EQ(test, p->RcvLinkSpeed, 1000000000ULL);
	KUNIT_EXPECT_EQ(test, p->MediaConnectState, MediaConnectStateConnected);
	KUNIT_EXPECT_NE(test, p->SupportedPacketFilters & NDIS_PACKET_TYPE_PROMISCUOUS, 0U);
	KUNIT_EXPECT_EQ(test, p->MacAddressLength, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, memcmp(p->CurrentMacAddress, mac, ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(test, p->PhysicalMediumType, NdisPhysicalMediumUnspecified);
	KUNIT_EXPECT_EQ(test, p->IfType, IF_TYPE_ETHERNET_CSMACD);
	KUNIT_EXPECT_EQ(test, (NET_IFTYPE)p->BoundIfNetluid.Info.IfType, IF_TYPE_ETHERNET_CSMACD);
	KUNIT_EXPECT_EQ(test, p->LowestIfNetluid.Value, p->BoundIfNetluid.Value);
	/* The adapter's own interface index; no filter sits in between. */
	KUNIT_EXPECT_NE(test, p->BoundIfIndex, NET_IFINDEX_UNSPECIFIED);
	fa = ndis_fake_adapter_find(mp, "ps-a-bp");
	KUNIT_ASSERT_NOT_NULL(test, fa);
	KUNIT_EXPECT_EQ(test, p->BoundIfIndex, fa->if_index);
	KUNIT_EXPECT_EQ(test, p->LowestIfIndex, p->BoundIfIndex);
	KUNIT_EXPECT_EQ(test, p->AccessType, NET_IF_ACCESS_BROADCAST);
	KUNIT_EXPECT_EQ(test, p->DirectionType, NET_IF_DIRECTION_SENDRECEIVE);
	KUNIT_EXPECT_EQ(test, p->ConnectionType, NET_IF_CONNECTION_DEDICATED);
	KUNIT_EXPECT_FALSE(test, p->IfConnectorPresent);
	KUNIT_EXPECT_EQ(test, p->CompartmentId, NET_IF_COMPARTMENT_ID_PRIMARY);
	KUNIT_EXPECT_EQ(test, p->DataBackFillSize, 0U);
	KUNIT_EXPECT_NULL(test, p->PowerManagementCapabilities);
	KUNIT_EXPECT_NULL(test, p->RcvScaleCapabilities);
	KUNIT_EXPECT_NULL(test, p->ActivePorts);
	KUNIT_EXPECT_NULL(test, p->DefaultOffloadConfiguration);
	KUNIT_EXPECT_NULL(test, p->HDSplitCurrentConfig);
	KUNIT_EXPECT_NULL(test, p->PowerManagementCapabilitiesEx);
	KUNIT_EXPECT_FALSE(test, p->NDKEnabled);
	KUNIT_EXPECT_NULL(test, p->NicSwitchArray);

	/* NdisOpenAdapterEx names the adapter with an NDIS_STRING too. */
	KUNIT_EXPECT_EQ(test, seen.open_wrong, NDIS_STATUS_ADAPTER_NOT_FOUND);
	KUNIT_EXPECT_EQ(test, seen.open_odd, NDIS_STATUS_ADAPTER_NOT_FOUND);

	/* NdisQueryBindInstanceName during the bind: the adapter's name, terminated. */
	KUNIT_EXPECT_EQ(test, seen.query, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_STREQ(test, seen.query_name, "ps-a-bp");
	KUNIT_EXPECT_TRUE(test, seen.query_terminated);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);

	/* Once the bind is over its BindContext names nothing. */
	KUNIT_EXPECT_EQ(test, NdisQueryBindInstanceName(&name, seen.bind_ctx),
			NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisQueryBindInstanceName");
}

/* NetEventRestart carries NDIS_PROTOCOL_RESTART_PARAMETERS, as the DDI has it. */
static void restart_carries_its_parameters(struct kunit *test)
{
	struct ndis_fake_stack s;
	struct ndis_fake_protocol *fp;
	NDIS_PROTOCOL_RESTART_PARAMETERS rp;
	ULONG length;

	KUNIT_EXPECT_EQ(test, offsetof(NDIS_PROTOCOL_RESTART_PARAMETERS, FilterModuleNameBuffer),
			8UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_PROTOCOL_RESTART_PARAMETERS, RestartAttributes), 24UL);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_PROTOCOL_RESTART_PARAMETERS, BoundIfNetluid), 40UL);
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_PROTOCOL_RESTART_PARAMETERS_REVISION_1, 52);

	ndis_fake_stack_setup(test, &s, "ps", "rs", 1);
	fp = s.fp[0];
	spin_lock_bh(&fp->lock);
	rp = fp->last_restart;
	length = fp->last_restart_length;
	spin_unlock_bh(&fp->lock);
	KUNIT_EXPECT_EQ(test, length, (ULONG)sizeof(NDIS_PROTOCOL_RESTART_PARAMETERS));
	KUNIT_EXPECT_EQ(test, rp.Header.Type, NDIS_OBJECT_TYPE_PROTOCOL_RESTART_PARAMETERS);
	KUNIT_EXPECT_EQ(test, rp.Header.Revision, NDIS_PROTOCOL_RESTART_PARAMETERS_REVISION_1);
	KUNIT_EXPECT_EQ(test, rp.Header.Size, NDIS_SIZEOF_PROTOCOL_RESTART_PARAMETERS_REVISION_1);
	KUNIT_EXPECT_NULL(test, rp.FilterModuleNameBuffer);
	KUNIT_EXPECT_EQ(test, rp.FilterModuleNameBufferLength, 0U);
	KUNIT_EXPECT_NULL(test, rp.RestartAttributes);
	KUNIT_EXPECT_NE(test, rp.BoundIfIndex, NET_IFINDEX_UNSPECIFIED);
	KUNIT_EXPECT_EQ(test, rp.BoundIfIndex, s.fa->if_index);
	KUNIT_EXPECT_EQ(test, (NET_IFTYPE)rp.BoundIfNetluid.Info.IfType, IF_TYPE_ETHERNET_CSMACD);
	KUNIT_EXPECT_EQ(test, rp.Flags, 0U);
}

struct ps_query {
	NDIS_HANDLE binding;
	NDIS_STATUS status;
	NDIS_STRING name;
};

static void ps_query_adapter(void *arg)
{
	struct ps_query *q = arg;

	q->status = NdisQueryAdapterInstanceName(&q->name, q->binding);
}

/*
 * NdisQueryAdapterInstanceName: the bound adapter's name in a buffer the
 * caller frees with NdisFreeMemory, at PASSIVE_LEVEL and DISPATCH_LEVEL;
 * a handle that is no open binding is reported and refused.
 */
static void adapter_instance_name(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ps_query q = { 0 };
	struct ndis_fake_stack s;
	char name[NDIS_FAKE_NAME];
	NDIS_STRING out = { 0 };

	ndis_fake_stack_setup(test, &s, "ps", "in", 1);
	q.binding = s.binding[0];
	ps_query_adapter(&q);
	KUNIT_ASSERT_EQ(test, q.status, NDIS_STATUS_SUCCESS);
	ps_utf8(name, sizeof(name), &q.name);
	KUNIT_EXPECT_STREQ(test, name, "ps-a-in");
	KUNIT_EXPECT_EQ(test, q.name.Length, 7 * sizeof(WCHAR));
	KUNIT_EXPECT_EQ(test, q.name.MaximumLength, 8 * sizeof(WCHAR));
	KUNIT_EXPECT_EQ(test, q.name.Buffer[7], 0);
	NdisFreeMemory(q.name.Buffer, 0, 0);

	memset(&q.name, 0, sizeof(q.name));
	ndis_kunit_in_timer(test, ps_query_adapter, &q);
	KUNIT_EXPECT_EQ(test, q.status, NDIS_STATUS_SUCCESS);
	ps_utf8(name, sizeof(name), &q.name);
	KUNIT_EXPECT_STREQ(test, name, "ps-a-in");
	NdisFreeMemory(q.name.Buffer, 0, 0);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);

	/* A protocol handle is no binding handle; and the string is required. */
	KUNIT_EXPECT_EQ(test, NdisQueryAdapterInstanceName(&out, s.fp[0]->handle),
			NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisQueryAdapterInstanceName");
	KUNIT_EXPECT_NULL(test, out.Buffer);
	KUNIT_EXPECT_EQ(test, NdisQueryAdapterInstanceName(NULL, s.binding[0]),
			NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
}

static struct kunit_case ndis_protocol_shape_cases[] = {
	KUNIT_CASE(name_is_an_ndis_string),
	KUNIT_CASE(name_is_copied),
	KUNIT_CASE(bad_names_refused),
	KUNIT_CASE(bind_parameters_layout),
	KUNIT_CASE(bind_parameters_filled),
	KUNIT_CASE(restart_carries_its_parameters),
	KUNIT_CASE(adapter_instance_name),
	{}
};

static struct kunit_suite ndis_protocol_shape_suite = {
	.name = "ndis_protocol_shape",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_protocol_shape_cases,
};

kunit_test_suite(ndis_protocol_shape_suite);
