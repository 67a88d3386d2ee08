/* SPDX-License-Identifier: GPL-2.0 */
/* KUnit helpers around the fake drivers: registered for one test case. */
#ifndef _NDIS_KUNIT_FAKE_H
#define _NDIS_KUNIT_FAKE_H

#include "../tests/fake/fake_drivers.h"
#include "ndis_kunit.h"

#define NDIS_FAKE_WAIT	(10 * HZ)
#define NDIS_FAKE_MAX_PROTOCOLS	5

/* A miniport with one adapter and protocols bound to it, all running. */
struct ndis_fake_stack {
	struct ndis_fake_miniport *mp;
	struct ndis_fake_adapter *fa;
	NDIS_HANDLE adapter;
	struct ndis_fake_protocol *fp[NDIS_FAKE_MAX_PROTOCOLS];
	NDIS_HANDLE binding[NDIS_FAKE_MAX_PROTOCOLS];
	char name[NDIS_FAKE_NAME];	/* the adapter's */
};

void ndis_fake_stack_setup(struct kunit *test, struct ndis_fake_stack *s, const char *prefix,
			   const char *tag, int protocols);

struct ndis_fake_miniport *ndis_fake_miniport_register(struct kunit *test, const char *name);
NDIS_HANDLE ndis_fake_adapter_add(struct kunit *test, struct ndis_fake_miniport *mp,
				  const char *name);
struct ndis_fake_protocol *ndis_fake_protocol_new(struct kunit *test, const char *name);

/* Wait (bounded) for @cond, re-checked whenever the protocol sees an event. */
#define ndis_fake_wait(fp, cond) \
	(wait_event_timeout((fp)->wq, (cond), NDIS_FAKE_WAIT) > 0)

#endif /* _NDIS_KUNIT_FAKE_H */
