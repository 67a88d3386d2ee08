// SPDX-License-Identifier: GPL-2.0
/*
 * The miniport side in the DDI's shapes: the DRIVER_OBJECT and DriverEntry
 * that NDIS_DRIVER_ENTRY() gives a module, NdisMRegisterMiniportDriver()
 * with its five arguments, and MiniportDriverUnload called through the
 * DriverUnload that registration sets.
 */
#include <linux/slab.h>

#include "../core/kunit_iface.h"
#include "fake.h"
#include "ndis_kunit.h"

/* A driver as DriverEntry sees it: its object, and what the test saw. */
struct ms_driver {
	DRIVER_OBJECT drv;
	struct ndis_fake_miniport mp;
	const char *name;		/* the miniport's name */
	NTSTATUS entry_status;		/* what DriverEntry returns */
	bool with_unload;		/* register an UnloadHandler */
	bool deregister_in_unload;	/* MiniportDriverUnload deregisters */
	bool register_in_entry;		/* DriverEntry registers the miniport */
	NDIS_STATUS register_status;	/* what registration returned */
	int entries;
	int unloads;
	PDRIVER_OBJECT unload_arg;
	char path[128];			/* RegistryPath, narrowed */
	USHORT path_length;
	USHORT path_max;
};

/* DriverEntry finds its test through a global: one case runs at a time. */
static struct ms_driver *ms_current;

static void ms_narrow(char *out, size_t max, PCUNICODE_STRING s)
{
	size_t i, n = min_t(size_t, s->Length / sizeof(WCHAR), max - 1);

	for (i = 0; i < n; i++)
		out[i] = s->Buffer[i] < 0x80 ? (char)s->Buffer[i] : '?';
	out[n] = 0;
}

static void ms_unload(PDRIVER_OBJECT DriverObject)
{
	struct ms_driver *t = container_of(DriverObject, struct ms_driver, drv);

	t->unloads++;
	t->unload_arg = DriverObject;
	if (t->deregister_in_unload)
		NdisMDeregisterMiniportDriver(t->mp.handle);
}

static NTSTATUS ms_entry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
	struct ms_driver *t = ms_current;
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;

	t->entries++;
	ms_narrow(t->path, sizeof(t->path), RegistryPath);
	t->path_length = RegistryPath->Length;
	t->path_max = RegistryPath->MaximumLength;
	if (t->register_in_entry) {
		ndis_fake_miniport_chars(&chars, t->name);
		chars.UnloadHandler = t->with_unload ? ms_unload : NULL;
		t->register_status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath,
								 &t->mp, &chars, &t->mp.handle);
	}
	return t->entry_status;
}

/* After the case, whatever it left registered goes. */
static void ms_cleanup(void *data)
{
	struct ms_driver *t = data;

	if (t->drv.NdisMiniportDriver)
		NdisMDeregisterMiniportDriver(t->drv.NdisMiniportDriver);
	ndis_fake_miniport_release(&t->mp);
	ms_current = NULL;
}

static struct ms_driver *ms_new(struct kunit *test, const char *name)
{
	struct ms_driver *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, t);
	t->name = name;
	t->entry_status = STATUS_SUCCESS;
	t->with_unload = true;
	t->deregister_in_unload = true;
	t->register_in_entry = true;
	ndis_fake_miniport_init(&t->mp, name);
	ms_current = t;
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, ms_cleanup, t), 0);
	return t;
}

/* Whether a miniport driver called @name can be registered now. */
static bool ms_name_free(struct kunit *test, const char *name)
{
	struct ndis_fake_miniport *mp = kunit_kzalloc(test, sizeof(*mp), GFP_KERNEL);
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;

	KUNIT_ASSERT_NOT_NULL(test, mp);
	ndis_fake_miniport_init(mp, name);
	ndis_fake_miniport_chars(&chars, mp->name);
	if (NdisMRegisterMiniportDriver(NULL, NULL, mp, &chars, &mp->handle) !=
	    NDIS_STATUS_SUCCESS)
		return false;
	NdisMDeregisterMiniportDriver(mp->handle);
	ndis_fake_miniport_release(mp);
	return true;
}

static void driver_entry_builds_the_object_and_path(struct kunit *test)
{
	struct ms_driver *t = ms_new(test, "ms-mp-entry");
	struct ndis_kunit_reports *r = test->priv;
	char name[80], *want;

	t->register_in_entry = false;
	KUNIT_ASSERT_EQ(test, ndis_driver_entry(&t->drv, ms_entry, THIS_MODULE), 0);
	KUNIT_EXPECT_EQ(test, t->entries, 1);
	KUNIT_EXPECT_EQ(test, t->drv.Type, IO_TYPE_DRIVER);
	KUNIT_EXPECT_EQ(test, t->drv.Size, (CSHORT)sizeof(DRIVER_OBJECT));
	KUNIT_EXPECT_PTR_EQ(test, t->drv.DriverInit, (DRIVER_INITIALIZE *)ms_entry);
	KUNIT_EXPECT_NULL(test, t->drv.DriverUnload);
	ms_narrow(name, sizeof(name), &t->drv.DriverName);
	want = kasprintf(GFP_KERNEL, "\\Driver\\%s", module_name(THIS_MODULE));
	KUNIT_ASSERT_NOT_NULL(test, want);
	KUNIT_EXPECT_STREQ(test, name, want);
	kfree(want);
	want = kasprintf(GFP_KERNEL, "\\Registry\\Machine\\System\\CurrentControlSet\\Services\\%s",
			 module_name(THIS_MODULE));
	KUNIT_ASSERT_NOT_NULL(test, want);
	KUNIT_EXPECT_STREQ(test, t->path, want);
	KUNIT_EXPECT_EQ(test, t->path_length, (USHORT)(strlen(want) * sizeof(WCHAR)));
	kfree(want);
	KUNIT_EXPECT_GE(test, t->path_max, t->path_length);
	/* Nothing registered, nothing to unload: no report. */
	ndis_driver_unload(&t->drv);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void driver_entry_failure_is_an_errno(struct kunit *test)
{
	static const struct {
		NTSTATUS status;
		int err;
	} map[] = {
		{ NDIS_STATUS_RESOURCES, -ENOMEM },
		{ STATUS_INVALID_PARAMETER, -EINVAL },
		{ NDIS_STATUS_BAD_CHARACTERISTICS, -EINVAL },
		{ STATUS_NOT_SUPPORTED, -EOPNOTSUPP },
		{ NDIS_STATUS_FAILURE, -EIO },
		{ STATUS_ACCESS_DENIED, -EIO },
	};
	struct ms_driver *t = ms_new(test, "ms-mp-fail");
	struct ndis_kunit_reports *r = test->priv;
	unsigned int i;

	t->register_in_entry = false;
	for (i = 0; i < ARRAY_SIZE(map); i++) {
		t->entry_status = map[i].status;
		KUNIT_EXPECT_EQ_MSG(test, ndis_driver_entry(&t->drv, ms_entry, THIS_MODULE),
				    map[i].err, "status 0x%08x", map[i].status);
	}
	/* Informational and warning-free successes load. */
	t->entry_status = STATUS_PENDING;
	KUNIT_EXPECT_EQ(test, ndis_driver_entry(&t->drv, ms_entry, THIS_MODULE), 0);
	KUNIT_EXPECT_EQ(test, t->entries, (int)ARRAY_SIZE(map) + 1);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void unload_handler_required_with_a_driver_object(struct kunit *test)
{
	struct ms_driver *t = ms_new(test, "ms-mp-nounload");
	struct ndis_kunit_reports *r = test->priv;

	t->with_unload = false;
	t->entry_status = STATUS_UNSUCCESSFUL;
	KUNIT_EXPECT_EQ(test, ndis_driver_entry(&t->drv, ms_entry, THIS_MODULE), -EIO);
	KUNIT_EXPECT_EQ(test, t->register_status, NDIS_STATUS_BAD_CHARACTERISTICS);
	KUNIT_EXPECT_NULL(test, t->drv.NdisMiniportDriver);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
	KUNIT_EXPECT_TRUE(test, ms_name_free(test, t->name));
}

static void unload_calls_the_unload_handler(struct kunit *test)
{
	struct ms_driver *t = ms_new(test, "ms-mp-unload");
	struct ndis_kunit_reports *r = test->priv;

	KUNIT_ASSERT_EQ(test, ndis_driver_entry(&t->drv, ms_entry, THIS_MODULE), 0);
	KUNIT_ASSERT_EQ(test, t->register_status, NDIS_STATUS_SUCCESS);
	/* NDIS's routine, not the miniport's handler. */
	KUNIT_EXPECT_NOT_NULL(test, t->drv.DriverUnload);
	KUNIT_EXPECT_PTR_NE(test, t->drv.DriverUnload, (PDRIVER_UNLOAD)ms_unload);
	KUNIT_EXPECT_FALSE(test, ms_name_free(test, t->name));
	KUNIT_EXPECT_EQ(test, t->unloads, 0);

	ndis_driver_unload(&t->drv);
	KUNIT_EXPECT_EQ(test, t->unloads, 1);
	KUNIT_EXPECT_PTR_EQ(test, t->unload_arg, &t->drv);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
	KUNIT_EXPECT_NULL(test, t->drv.NdisMiniportDriver);
	KUNIT_EXPECT_TRUE(test, ms_name_free(test, t->name));
}

static void unload_without_deregistering_is_reported(struct kunit *test)
{
	struct ms_driver *t = ms_new(test, "ms-mp-leak");
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE adapter = NULL;

	t->deregister_in_unload = false;
	KUNIT_ASSERT_EQ(test, ndis_driver_entry(&t->drv, ms_entry, THIS_MODULE), 0);
	KUNIT_ASSERT_EQ(test, t->register_status, NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_EQ(test, ndis_miniport_add_adapter(t->mp.handle, "ms-a-leak", NULL,
							&adapter), NDIS_STATUS_SUCCESS);

	ndis_driver_unload(&t->drv);
	KUNIT_EXPECT_EQ(test, t->unloads, 1);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "MiniportDriverUnload");
	/* NDIS deregistered it, halting its adapter: the name is free again. */
	KUNIT_EXPECT_NULL(test, t->drv.NdisMiniportDriver);
	KUNIT_EXPECT_GE(test, atomic_read(&t->mp.halts), 1);
	KUNIT_EXPECT_TRUE(test, ms_name_free(test, t->name));
}

static void failing_driver_entry_left_registered_is_reported(struct kunit *test)
{
	struct ms_driver *t = ms_new(test, "ms-mp-entryleak");
	struct ndis_kunit_reports *r = test->priv;

	t->entry_status = NDIS_STATUS_RESOURCES;
	KUNIT_EXPECT_EQ(test, ndis_driver_entry(&t->drv, ms_entry, THIS_MODULE), -ENOMEM);
	KUNIT_EXPECT_EQ(test, t->register_status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "DriverEntry");
	KUNIT_EXPECT_NULL(test, t->drv.NdisMiniportDriver);
	KUNIT_EXPECT_NULL(test, t->drv.DriverUnload);
	KUNIT_EXPECT_EQ(test, t->unloads, 0);
	KUNIT_EXPECT_TRUE(test, ms_name_free(test, t->name));
}

static void driver_object_serves_one_miniport_driver(struct kunit *test)
{
	struct ms_driver *t = ms_new(test, "ms-mp-one");
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_miniport *mp2 = kunit_kzalloc(test, sizeof(*mp2), GFP_KERNEL);
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;
	NDIS_HANDLE h = NULL;

	KUNIT_ASSERT_NOT_NULL(test, mp2);
	KUNIT_ASSERT_EQ(test, ndis_driver_entry(&t->drv, ms_entry, THIS_MODULE), 0);
	KUNIT_ASSERT_EQ(test, t->register_status, NDIS_STATUS_SUCCESS);

	ndis_fake_miniport_init(mp2, "ms-mp-two");
	ndis_fake_miniport_chars(&chars, mp2->name);
	chars.UnloadHandler = ms_unload;
	KUNIT_EXPECT_EQ(test, NdisMRegisterMiniportDriver(&t->drv, NULL, mp2, &chars, &h),
			NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_NULL(test, h);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_TRUE(test, ms_name_free(test, "ms-mp-two"));
	/* The first is untouched: unload still reaches its handler. */
	KUNIT_EXPECT_PTR_EQ(test, t->drv.NdisMiniportDriver, t->mp.handle);
	ndis_driver_unload(&t->drv);
	KUNIT_EXPECT_EQ(test, t->unloads, 1);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
}

static void foreign_driver_object_refused(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;
	DRIVER_OBJECT drv = {};
	NDIS_HANDLE h = NULL;

	ndis_fake_miniport_chars(&chars, "ms-mp-foreign");
	chars.UnloadHandler = ms_unload;
	KUNIT_EXPECT_EQ(test, NdisMRegisterMiniportDriver(&drv, NULL, NULL, &chars, &h),
			NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_NULL(test, h);
	KUNIT_EXPECT_NULL(test, drv.DriverUnload);
}

static void null_driver_object_needs_no_unload_handler(struct kunit *test)
{
	struct ndis_fake_miniport *mp = kunit_kzalloc(test, sizeof(*mp), GFP_KERNEL);
	struct ndis_kunit_reports *r = test->priv;
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;

	KUNIT_ASSERT_NOT_NULL(test, mp);
	ndis_fake_miniport_init(mp, "ms-mp-null");
	ndis_fake_miniport_chars(&chars, mp->name);
	KUNIT_EXPECT_NULL(test, chars.UnloadHandler);
	KUNIT_ASSERT_EQ(test, NdisMRegisterMiniportDriver(NULL, NULL, mp, &chars, &mp->handle),
			NDIS_STATUS_SUCCESS);
	NdisMDeregisterMiniportDriver(mp->handle);
	ndis_fake_miniport_release(mp);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

/* What MiniportInitializeEx and MiniportRestart were given, for the shape cases. */
static struct {
	MINIPORT_INITIALIZE *init;
	MINIPORT_RESTART *restart;
	NDIS_MINIPORT_INIT_PARAMETERS ip;
	char adapter[32];
	NDIS_MINIPORT_RESTART_PARAMETERS rp;
	NDIS_RESTART_ATTRIBUTES ra;
	NDIS_RESTART_GENERAL_ATTRIBUTES rg;
	unsigned long data_addr;
	int restarts;
	ULONG general_size;		/* Header.Size of the general attributes to set */
	UCHAR general_rev;
	NDIS_STATUS general_status;
	ULONG registration_size;	/* Header.Size of registration attributes set first */
	UCHAR registration_rev;
	NDIS_STATUS registration_status;
} ms_seen;

static NDIS_STATUS ms_initialize(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE ctx,
				 PNDIS_MINIPORT_INIT_PARAMETERS params)
{
	NDIS_MINIPORT_ADAPTER_ATTRIBUTES attrs = {};
	NDIS_STATUS status;

	ms_seen.ip = *params;
	strscpy(ms_seen.adapter, params->AdapterName ?: "", sizeof(ms_seen.adapter));
	if (ms_seen.registration_size) {
		/* At the case's revision; the fake driver's own, set next, replaces it. */
		ndis_object_header_init(&attrs.RegistrationAttributes.Header,
					NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES,
					ms_seen.registration_rev, ms_seen.registration_size);
		attrs.RegistrationAttributes.AttributeFlags =
			NDIS_MINIPORT_ATTRIBUTES_NO_PAUSE_ON_SUSPEND;
		status = NdisMSetMiniportAttributes(MiniportAdapterHandle, &attrs);
		ms_seen.registration_status = status;
		memset(&attrs, 0, sizeof(attrs));
	}
	status = ms_seen.init(MiniportAdapterHandle, ctx, params);
	if (status != NDIS_STATUS_SUCCESS || !ms_seen.general_size)
		return status;
	/* Again, at the size and revision the case asks for. */
	ndis_object_header_init(&attrs.GeneralAttributes.Header,
				NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES,
				ms_seen.general_rev, ms_seen.general_size);
	attrs.GeneralAttributes.MediaType = NdisMedium802_3;
	attrs.GeneralAttributes.MtuSize = 1400;
	attrs.GeneralAttributes.MacAddressLength = 6;
	attrs.GeneralAttributes.AccessType = NET_IF_ACCESS_BROADCAST;
	attrs.GeneralAttributes.ConnectionType = NET_IF_CONNECTION_DEDICATED;
	attrs.GeneralAttributes.DataBackFillSize = 64;
	attrs.GeneralAttributes.AutoNegotiationFlags = 1;
	ms_seen.general_status = NdisMSetMiniportAttributes(MiniportAdapterHandle, &attrs);
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS ms_restart(NDIS_HANDLE ctx, PNDIS_MINIPORT_RESTART_PARAMETERS params)
{
	ms_seen.restarts++;
	ms_seen.rp = *params;
	if (params->RestartAttributes) {
		ms_seen.ra = *params->RestartAttributes;
		ms_seen.data_addr = (unsigned long)params->RestartAttributes->Data;
		if (params->RestartAttributes->DataLength >= sizeof(ms_seen.rg))
			memcpy(&ms_seen.rg, params->RestartAttributes->Data, sizeof(ms_seen.rg));
	}
	return ms_seen.restart(ctx, params);
}

/* A fake miniport whose init and restart go through the recorders above. */
static struct ndis_fake_miniport *ms_shape_miniport(struct kunit *test, const char *name)
{
	struct ndis_fake_miniport *mp = kunit_kzalloc(test, sizeof(*mp), GFP_KERNEL);
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;

	KUNIT_ASSERT_NOT_NULL(test, mp);
	ndis_fake_miniport_init(mp, name);
	ndis_fake_miniport_chars(&chars, mp->name);
	ms_seen.init = chars.InitializeHandlerEx;
	ms_seen.restart = chars.RestartHandler;
	chars.InitializeHandlerEx = ms_initialize;
	chars.RestartHandler = ms_restart;
	KUNIT_ASSERT_EQ(test, NdisMRegisterMiniportDriver(NULL, NULL, mp, &chars, &mp->handle),
			NDIS_STATUS_SUCCESS);
	return mp;
}

static void ms_shape_done(struct ndis_fake_miniport *mp)
{
	NdisMDeregisterMiniportDriver(mp->handle);
	ndis_fake_miniport_release(mp);
}

static void init_parameters_have_the_ddi_fields(struct kunit *test)
{
	struct ndis_fake_miniport *mp;
	NDIS_HANDLE adapter = NULL;
	int ctx;

	memset(&ms_seen, 0, sizeof(ms_seen));
	mp = ms_shape_miniport(test, "ms-mp-init");
	KUNIT_ASSERT_EQ(test, ndis_miniport_add_adapter(mp->handle, "ms-a-init", &ctx, &adapter),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ms_seen.ip.Header.Type, NDIS_OBJECT_TYPE_MINIPORT_INIT_PARAMETERS);
	KUNIT_EXPECT_EQ(test, ms_seen.ip.Header.Revision, NDIS_MINIPORT_INIT_PARAMETERS_REVISION_1);
	KUNIT_EXPECT_GE(test, (size_t)ms_seen.ip.Header.Size,
			(size_t)NDIS_SIZEOF_MINIPORT_INIT_PARAMETER_REVISION_1);
	KUNIT_EXPECT_PTR_EQ(test, ms_seen.ip.MiniportAddDeviceContext, (NDIS_HANDLE)&ctx);
	KUNIT_EXPECT_NULL(test, ms_seen.ip.AllocatedResources);
	KUNIT_EXPECT_NULL(test, ms_seen.ip.IMDeviceInstanceContext);
	/* An NDIS interface index of its own: never NET_IFINDEX_UNSPECIFIED. */
	KUNIT_EXPECT_NE(test, ms_seen.ip.IfIndex, NET_IFINDEX_UNSPECIFIED);
	KUNIT_EXPECT_EQ(test, ms_seen.ip.NetLuid.Value, 0ULL);
	KUNIT_EXPECT_NULL(test, ms_seen.ip.DefaultPortAuthStates);
	KUNIT_EXPECT_NULL(test, ms_seen.ip.PciDeviceCustomProperties);
	KUNIT_EXPECT_STREQ(test, ms_seen.adapter, "ms-a-init");
	/* The DDI's order: the Linux addition comes after every DDI field. */
	KUNIT_EXPECT_GT(test, offsetof(NDIS_MINIPORT_INIT_PARAMETERS, AdapterName),
			offsetof(NDIS_MINIPORT_INIT_PARAMETERS, PciDeviceCustomProperties));
	KUNIT_EXPECT_LT(test, offsetof(NDIS_MINIPORT_INIT_PARAMETERS, AllocatedResources),
			offsetof(NDIS_MINIPORT_INIT_PARAMETERS, MiniportAddDeviceContext));
	ms_shape_done(mp);
}

static void restart_gets_general_restart_attributes(struct kunit *test)
{
	struct ndis_fake_miniport *mp;
	NDIS_HANDLE adapter = NULL;

	memset(&ms_seen, 0, sizeof(ms_seen));
	ms_seen.general_rev = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
	ms_seen.general_size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
	mp = ms_shape_miniport(test, "ms-mp-restart");
	KUNIT_ASSERT_EQ(test, ndis_miniport_add_adapter(mp->handle, "ms-a-restart", NULL,
							&adapter), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ms_seen.general_status, NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_EQ(test, ms_seen.restarts, 1);
	KUNIT_EXPECT_EQ(test, ms_seen.rp.Header.Type, NDIS_OBJECT_TYPE_DEFAULT);
	KUNIT_EXPECT_EQ(test, ms_seen.rp.Header.Revision,
			NDIS_MINIPORT_RESTART_PARAMETERS_REVISION_1);
	KUNIT_EXPECT_EQ(test, (size_t)ms_seen.rp.Header.Size,
			(size_t)NDIS_SIZEOF_MINIPORT_RESTART_PARAMETERS_REVISION_1);
	KUNIT_ASSERT_NOT_NULL(test, ms_seen.rp.RestartAttributes);
	KUNIT_EXPECT_NULL(test, ms_seen.ra.Next);
	KUNIT_EXPECT_EQ(test, ms_seen.ra.Oid, (NDIS_OID)OID_GEN_MINIPORT_RESTART_ATTRIBUTES);
	KUNIT_EXPECT_GE(test, (size_t)ms_seen.ra.DataLength, sizeof(ms_seen.rg));
	KUNIT_EXPECT_EQ(test, ms_seen.data_addr % MEMORY_ALLOCATION_ALIGNMENT, 0UL);
	KUNIT_EXPECT_EQ(test, ms_seen.rg.Header.Type, NDIS_OBJECT_TYPE_RESTART_GENERAL_ATTRIBUTES);
	KUNIT_EXPECT_EQ(test, ms_seen.rg.Header.Revision,
			NDIS_RESTART_GENERAL_ATTRIBUTES_REVISION_2);
	KUNIT_EXPECT_EQ(test, (size_t)ms_seen.rg.Header.Size,
			(size_t)NDIS_SIZEOF_RESTART_GENERAL_ATTRIBUTES_REVISION_2);
	/* From the general attributes the miniport set last. */
	KUNIT_EXPECT_EQ(test, ms_seen.rg.MtuSize, 1400U);
	KUNIT_EXPECT_EQ(test, ms_seen.rg.AccessType, NET_IF_ACCESS_BROADCAST);
	KUNIT_EXPECT_EQ(test, ms_seen.rg.ConnectionType, NET_IF_CONNECTION_DEDICATED);
	KUNIT_EXPECT_EQ(test, ms_seen.rg.DataBackFillSize, 64U);
	KUNIT_EXPECT_NULL(test, ms_seen.rg.RecvScaleCapabilities);
	ms_shape_done(mp);
}

static void general_attributes_of_each_revision_accepted(struct kunit *test)
{
	static const struct {
		UCHAR rev;
		ULONG size;
		NDIS_STATUS status;
	} cases[] = {
		{ 1, NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1,
		  NDIS_STATUS_SUCCESS },
		{ 2, NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2,
		  NDIS_STATUS_SUCCESS },
		{ 2, NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1,
		  NDIS_STATUS_INVALID_PARAMETER },
		{ 1, NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1 - 4,
		  NDIS_STATUS_INVALID_PARAMETER },
	};
	struct ndis_kunit_reports *r = test->priv;
	char name[32];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct ndis_fake_miniport *mp;
		NDIS_HANDLE adapter = NULL;

		memset(&ms_seen, 0, sizeof(ms_seen));
		ms_seen.general_rev = cases[i].rev;
		ms_seen.general_size = cases[i].size;
		snprintf(name, sizeof(name), "ms-mp-rev%u", i);
		mp = ms_shape_miniport(test, name);
		KUNIT_ASSERT_EQ(test, ndis_miniport_add_adapter(mp->handle, "ms-a-rev", NULL,
								&adapter), NDIS_STATUS_SUCCESS);
		KUNIT_EXPECT_EQ_MSG(test, ms_seen.general_status, cases[i].status, "case %u", i);
		ms_shape_done(mp);
	}
	/* The refused headers were reported (once per calling site). */
	KUNIT_EXPECT_GE(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisMSetMiniportAttributes");
}

/* NDIS 6.30 drivers (netvmini 6.30) set revision 2, which has revision 1's size. */
static void registration_attributes_of_each_revision_accepted(struct kunit *test)
{
	static const struct {
		UCHAR rev;
		ULONG size;
		NDIS_STATUS status;
	} cases[] = {
		{ 1, NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1,
		  NDIS_STATUS_SUCCESS },
		{ NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2,
		  NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2,
		  NDIS_STATUS_SUCCESS },
		{ 0, NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2,
		  NDIS_STATUS_INVALID_PARAMETER },
		{ 2, NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2 - 4,
		  NDIS_STATUS_INVALID_PARAMETER },
	};
	char name[32];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct ndis_fake_miniport *mp;
		NDIS_HANDLE adapter = NULL;

		memset(&ms_seen, 0, sizeof(ms_seen));
		ms_seen.registration_rev = cases[i].rev;
		ms_seen.registration_size = cases[i].size;
		snprintf(name, sizeof(name), "ms-mp-reg%u", i);
		mp = ms_shape_miniport(test, name);
		KUNIT_ASSERT_EQ(test, ndis_miniport_add_adapter(mp->handle, "ms-a-reg", NULL,
								&adapter), NDIS_STATUS_SUCCESS);
		KUNIT_EXPECT_EQ_MSG(test, ms_seen.registration_status, cases[i].status,
				    "case %u", i);
		ms_shape_done(mp);
	}
}

static void query_adapter_instance_name_allocates(struct kunit *test)
{
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "ms-mp-qname");
	NDIS_HANDLE adapter = ndis_fake_adapter_add(test, mp, "ms-a-qname");
	struct ndis_kunit_reports *r = test->priv;
	NDIS_STRING name = {};
	char narrow[32];

	KUNIT_ASSERT_EQ(test, NdisMQueryAdapterInstanceName(&name, adapter), NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_NOT_NULL(test, name.Buffer);
	KUNIT_EXPECT_EQ(test, name.Length, (USHORT)(strlen("ms-a-qname") * sizeof(WCHAR)));
	KUNIT_EXPECT_EQ(test, name.MaximumLength, (USHORT)(name.Length + sizeof(WCHAR)));
	KUNIT_EXPECT_EQ(test, name.Buffer[name.Length / sizeof(WCHAR)], (WCHAR)0);
	ms_narrow(narrow, sizeof(narrow), &name);
	KUNIT_EXPECT_STREQ(test, narrow, "ms-a-qname");
	NdisFreeMemory(name.Buffer, name.MaximumLength, 0);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);

	/* A bad handle and a NULL string are refused and reported. */
	memset(&name, 0, sizeof(name));
	KUNIT_EXPECT_EQ(test, NdisMQueryAdapterInstanceName(&name, mp->handle),
			NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_NULL(test, name.Buffer);
	KUNIT_EXPECT_EQ(test, NdisMQueryAdapterInstanceName(NULL, adapter), NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
}

static void get_device_property_gives_null(struct kunit *test)
{
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "ms-mp-prop");
	NDIS_HANDLE adapter = ndis_fake_adapter_add(test, mp, "ms-a-prop");
	struct ndis_kunit_reports *r = test->priv;
	PDEVICE_OBJECT pdo = (void *)1, fdo = (void *)1, next = (void *)1;
	PCM_RESOURCE_LIST res = (void *)1, trans = (void *)1;

	NdisMGetDeviceProperty(adapter, &pdo, &fdo, &next, &res, &trans);
	KUNIT_EXPECT_NULL(test, pdo);
	KUNIT_EXPECT_NULL(test, fdo);
	KUNIT_EXPECT_NULL(test, next);
	KUNIT_EXPECT_NULL(test, res);
	KUNIT_EXPECT_NULL(test, trans);
	/* Each out argument is optional. */
	pdo = (void *)1;
	NdisMGetDeviceProperty(adapter, &pdo, NULL, NULL, NULL, NULL);
	KUNIT_EXPECT_NULL(test, pdo);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void reset_complete_without_a_reset_is_reported(struct kunit *test)
{
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "ms-mp-reset");
	NDIS_HANDLE adapter = ndis_fake_adapter_add(test, mp, "ms-a-reset");
	struct ndis_kunit_reports *r = test->priv;

	NdisMResetComplete(adapter, NDIS_STATUS_SUCCESS, FALSE);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisMResetComplete");
	/* The adapter is unharmed: still running. */
	KUNIT_EXPECT_EQ(test, atomic_read(&mp->halts), 0);
}

static struct kunit_case ndis_miniport_shape_cases[] = {
	KUNIT_CASE(driver_entry_builds_the_object_and_path),
	KUNIT_CASE(driver_entry_failure_is_an_errno),
	KUNIT_CASE(unload_handler_required_with_a_driver_object),
	KUNIT_CASE(unload_calls_the_unload_handler),
	KUNIT_CASE(unload_without_deregistering_is_reported),
	KUNIT_CASE(failing_driver_entry_left_registered_is_reported),
	KUNIT_CASE(driver_object_serves_one_miniport_driver),
	KUNIT_CASE(foreign_driver_object_refused),
	KUNIT_CASE(null_driver_object_needs_no_unload_handler),
	KUNIT_CASE(init_parameters_have_the_ddi_fields),
	KUNIT_CASE(restart_gets_general_restart_attributes),
	KUNIT_CASE(general_attributes_of_each_revision_accepted),
	KUNIT_CASE(registration_attributes_of_each_revision_accepted),
	KUNIT_CASE(query_adapter_instance_name_allocates),
	KUNIT_CASE(get_device_property_gives_null),
	KUNIT_CASE(reset_complete_without_a_reset_is_reported),
	{}
};

static struct kunit_suite ndis_miniport_shape_suite = {
	.name = "ndis_miniport_shape",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_miniport_shape_cases,
};

kunit_test_suite(ndis_miniport_shape_suite);
