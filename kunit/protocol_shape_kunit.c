// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_protocol_shape: the protocol side in the DDI's shapes. The
 * protocol's Name is an NDIS_STRING, read during registration only and
 * kept as UTF-8; names NDIS cannot keep are refused with
 * NDIS_STATUS_BAD_CHARACTERISTICS.
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
	NDIS_STRING odd = NDIS_STRING_CONST("ps-p-odd");
	NDIS_STRING none = { .Length = 4, .MaximumLength = 4, .Buffer = NULL };
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "ps-p-fits");

	KUNIT_EXPECT_EQ(test, ps_register(fp, &fits), NDIS_STATUS_SUCCESS);
	expect_refused(test, &over, "32 bytes of UTF-8");
	expect_refused(test, &empty, "empty");
	expect_refused(test, &slash, "a slash");
	expect_refused(test, &space, "a space");
	expect_refused(test, &nul, "a unit 0 inside");
	odd.Length--;
	expect_refused(test, &odd, "an odd Length");
	expect_refused(test, &none, "no Buffer");
}

static struct kunit_case ndis_protocol_shape_cases[] = {
	KUNIT_CASE(name_is_an_ndis_string),
	KUNIT_CASE(name_is_copied),
	KUNIT_CASE(bad_names_refused),
	{}
};

static struct kunit_suite ndis_protocol_shape_suite = {
	.name = "ndis_protocol_shape",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_protocol_shape_cases,
};

kunit_test_suite(ndis_protocol_shape_suite);
