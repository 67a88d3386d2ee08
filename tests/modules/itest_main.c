// SPDX-License-Identifier: GPL-2.0
/*
 * ndis_itest.ko: the integration tier's test drivers. Loading it registers
 * a miniport driver "itest_mp" with @adapters adapters "itest0".. and a
 * protocol "itest_proto" that binds to every Ethernet adapter (its own,
 * and those of ndis_vmini and ndis_netdev when loaded); unloading
 * deregisters both. The drivers are the fakes the KUnit suites use
 * (ndis_fake.ko, loaded before this module), so the stock kernels run the
 * same code; their state, and NDIS's ownership of them, is this module's.
 * Probe frames (itest_probe.c) carry traffic between adapters for the
 * tier to check.
 */
#include <linux/module.h>

#include "itest.h"

#define NDIS_ITEST_MAX_ADAPTERS	8

static unsigned int adapters = 2;
module_param(adapters, uint, 0444);
MODULE_PARM_DESC(adapters, "adapters to create (at most 8)");

static struct ndis_fake_miniport ndis_itest_mp;
static struct ndis_fake_protocol ndis_itest_proto;

static int __init ndis_itest_init(void)
{
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;
	char name[NDIS_FAKE_NAME];
	NDIS_HANDLE adapter;
	NDIS_STATUS status;
	unsigned int i;

	ndis_fake_miniport_init(&ndis_itest_mp, "itest_mp");
	ndis_fake_miniport_chars(&chars, ndis_itest_mp.name);
	status = NdisMRegisterMiniportDriver(NULL, NULL, &ndis_itest_mp, &chars,
					     &ndis_itest_mp.handle);
	if (status != NDIS_STATUS_SUCCESS)
		goto err_miniport;
	for (i = 0; i < min(adapters, NDIS_ITEST_MAX_ADAPTERS); i++) {
		snprintf(name, sizeof(name), "itest%u", i);
		status = ndis_miniport_add_adapter(ndis_itest_mp.handle, name, NULL, &adapter);
		if (status != NDIS_STATUS_SUCCESS)
			goto err_adapters;
	}
	ndis_fake_protocol_init(&ndis_itest_proto, "itest_proto");
	ndis_itest_probe_init(&ndis_itest_proto);
	status = ndis_fake_protocol_register(&ndis_itest_proto);
	if (status != NDIS_STATUS_SUCCESS)
		goto err_protocol;
	return 0;

err_protocol:
	ndis_itest_probe_exit();
err_adapters:
	NdisMDeregisterMiniportDriver(ndis_itest_mp.handle);
err_miniport:
	pr_err("setup failed: 0x%08x\n", status);
	return -ENODEV;
}

static void __exit ndis_itest_exit(void)
{
	ndis_itest_probe_exit();
	ndis_fake_protocol_deregister(&ndis_itest_proto);
	NdisMDeregisterMiniportDriver(ndis_itest_mp.handle);
	ndis_fake_miniport_release(&ndis_itest_mp);
}

module_init(ndis_itest_init);
module_exit(ndis_itest_exit);

MODULE_DESCRIPTION("ndis test harness: a miniport and a protocol for the integration tier");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS("NDIS");
MODULE_IMPORT_NS("NDIS_LINUX");
MODULE_IMPORT_NS("NDIS_FAKE");
