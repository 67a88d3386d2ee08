// SPDX-License-Identifier: GPL-2.0
/*
 * ndis.ko: an NDIS 6 style protocol/miniport binding framework.
 *
 * Init brings the parts up in order and exit takes them down in exactly the
 * reverse order; a failed step unwinds the steps before it.
 */
#include <linux/module.h>
#include <uapi/ndis/version.h>

#include "config.h"
#include "ddi/dpc.h"
#include "registry.h"
#include "sysfs.h"

static int __init ndis_init(void)
{
	int ret;

	ndis_dpc_init();
	ret = ndis_sysfs_init();
	if (ret)
		goto err_sysfs;
	ret = ndis_config_init();
	if (ret)
		goto err_config;
	ret = ndis_registry_init();
	if (ret)
		goto err_registry;

	pr_info("version %s loaded\n", NDIS_SHIM_VERSION);
	return 0;

err_registry:
	ndis_config_exit();
err_config:
	ndis_sysfs_exit();
err_sysfs:
	ndis_dpc_exit();
	return ret;
}

static void __exit ndis_exit(void)
{
	ndis_registry_exit();
	ndis_config_exit();
	ndis_sysfs_exit();
	ndis_dpc_exit();
	pr_info("unloaded\n");
}

module_init(ndis_init);
module_exit(ndis_exit);

MODULE_DESCRIPTION("NDIS 6 style protocol/miniport binding framework");
MODULE_LICENSE("GPL");
MODULE_VERSION(NDIS_SHIM_VERSION);
