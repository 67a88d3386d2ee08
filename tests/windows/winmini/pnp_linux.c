// SPDX-License-Identifier: GPL-2.0
/*
 * The OS glue of winmini. On Windows, the INF file makes the PnP manager
 * create the adapters, each of which NDIS then initialises; here the
 * driver asks NDIS for them once it has registered, and removes them
 * before it deregisters. This file is all of winmini that is Linux's.
 */
#include <linux/moduleparam.h>
#include "winmini.h"

MODULE_IMPORT_NS("NDIS_LINUX");

static unsigned int adapters = 2;
module_param(adapters, uint, 0444);
MODULE_PARM_DESC(adapters, "adapters winmini0.. to create on the hub (default 2, at most 8)");

#define WM_PNP_MAX 8

static NDIS_HANDLE wm_pnp_handles[WM_PNP_MAX];

NDIS_STATUS WmPnpStartAdapters(NDIS_HANDLE MiniportDriverHandle)
{
	char name[IFNAMSIZ];
	NDIS_STATUS status;
	unsigned int i;

	for (i = 0; i < min(adapters, WM_PNP_MAX); i++) {
		snprintf(name, sizeof(name), "winmini%u", i);
		status = ndis_miniport_add_adapter(MiniportDriverHandle, name,
						   (NDIS_HANDLE)(uintptr_t)i, &wm_pnp_handles[i]);
		if (status != NDIS_STATUS_SUCCESS) {
			pr_err("winmini: adapter %s did not start: 0x%08x\n", name, status);
			return status;
		}
	}
	return NDIS_STATUS_SUCCESS;
}

void WmPnpStopAdapters(void)
{
	unsigned int i;

	for (i = WM_PNP_MAX; i-- > 0;) {
		if (!wm_pnp_handles[i])
			continue;
		ndis_miniport_remove_adapter(wm_pnp_handles[i]);
		wm_pnp_handles[i] = NULL;
	}
}
