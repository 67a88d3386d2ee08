// SPDX-License-Identifier: GPL-2.0
/* The fake drivers, registered for one test case and cleaned up after it. */
#include "fake.h"

static void ndis_fake_miniport_cleanup(void *data)
{
	struct ndis_fake_miniport *mp = data;

	NdisMDeregisterMiniportDriver(mp->handle);
}

struct ndis_fake_miniport *ndis_fake_miniport_register(struct kunit *test, const char *name)
{
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;
	struct ndis_fake_miniport *mp;

	mp = kunit_kzalloc(test, sizeof(*mp), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, mp);
	ndis_fake_miniport_init(mp, name);
	ndis_fake_miniport_chars(&chars, mp->name);
	KUNIT_ASSERT_EQ(test, NdisMRegisterMiniportDriver(mp, &chars, &mp->handle),
			NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, ndis_fake_miniport_cleanup, mp), 0);
	return mp;
}

NDIS_HANDLE ndis_fake_adapter_add(struct kunit *test, struct ndis_fake_miniport *mp,
				  const char *name)
{
	NDIS_HANDLE handle = NULL;

	KUNIT_ASSERT_EQ(test, ndis_miniport_add_adapter(mp->handle, name, NULL, &handle),
			NDIS_STATUS_SUCCESS);
	return handle;
}

static void ndis_fake_protocol_cleanup(void *data)
{
	struct ndis_fake_protocol *fp = data;

	if (fp->handle)
		ndis_fake_protocol_deregister(fp);
}

struct ndis_fake_protocol *ndis_fake_protocol_new(struct kunit *test, const char *name)
{
	struct ndis_fake_protocol *fp = kunit_kzalloc(test, sizeof(*fp), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, fp);
	ndis_fake_protocol_init(fp, name);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, ndis_fake_protocol_cleanup, fp), 0);
	return fp;
}

