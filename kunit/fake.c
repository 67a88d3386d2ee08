// SPDX-License-Identifier: GPL-2.0
/* The fake drivers, registered for one test case and cleaned up after it. */
#include "../core/kunit_iface.h"
#include "fake.h"

static void ndis_fake_miniport_cleanup(void *data)
{
	struct ndis_fake_miniport *mp = data;

	NdisMDeregisterMiniportDriver(mp->handle);
	ndis_fake_miniport_release(mp);
}

struct ndis_fake_miniport *ndis_fake_miniport_register(struct kunit *test, const char *name)
{
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;
	struct ndis_fake_miniport *mp;

	mp = kunit_kzalloc(test, sizeof(*mp), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, mp);
	ndis_fake_miniport_init(mp, name);
	ndis_fake_miniport_chars(&chars, mp->name);
	KUNIT_ASSERT_EQ(test, NdisMRegisterMiniportDriver(NULL, NULL, mp, &chars, &mp->handle),
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

/*
 * Miniport "<prefix>-mp-<tag>" with adapter "<prefix>-a-<tag>", and
 * @protocols protocols "<prefix>-p<i>-<tag>" bound to it and running.
 */
void ndis_fake_stack_setup(struct kunit *test, struct ndis_fake_stack *s, const char *prefix,
			   const char *tag, int protocols)
{
	char name[NDIS_FAKE_NAME];
	int i;

	KUNIT_ASSERT_LE(test, protocols, NDIS_FAKE_MAX_PROTOCOLS);
	memset(s, 0, sizeof(*s));
	snprintf(name, sizeof(name), "%s-mp-%s", prefix, tag);
	s->mp = ndis_fake_miniport_register(test, name);
	snprintf(s->name, sizeof(s->name), "%s-a-%s", prefix, tag);
	s->adapter = ndis_fake_adapter_add(test, s->mp, s->name);
	s->fa = ndis_fake_adapter_find(s->mp, s->name);
	KUNIT_ASSERT_NOT_NULL(test, s->fa);
	for (i = 0; i < protocols; i++) {
		snprintf(name, sizeof(name), "%s-p%d-%s", prefix, i, tag);
		s->fp[i] = ndis_fake_protocol_new(test, name);
		KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(s->fp[i]), NDIS_STATUS_SUCCESS);
		KUNIT_ASSERT_TRUE(test, ndis_fake_wait(s->fp[i],
						       atomic_read(&s->fp[i]->restarts) == 1));
		s->binding[i] = ndis_fake_binding(s->fp[i], s->name);
		KUNIT_ASSERT_NOT_NULL(test, s->binding[i]);
	}
	ndis_kunit_adapter_flush(s->adapter);
}
