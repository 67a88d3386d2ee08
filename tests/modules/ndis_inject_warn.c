// SPDX-License-Identifier: GPL-2.0
/*
 * Failure injection for the harness: loading this module breaks an IRQL
 * contract on purpose, so ndis.ko emits the real WARN a buggy driver would
 * get. The harness loads it only when asked (NDIS_INJECT=warn) to prove a
 * WARN in a guest fails the run.
 */
#include <linux/module.h>
#include <ndis/ndis.h>

static NDIS_SPIN_LOCK ndis_inject_lock;

static int __init ndis_inject_warn_init(void)
{
	NdisAllocateSpinLock(&ndis_inject_lock);
	/* The Dpr variant needs DISPATCH_LEVEL; module init runs at PASSIVE. */
	NdisDprAcquireSpinLock(&ndis_inject_lock);
	NdisDprReleaseSpinLock(&ndis_inject_lock);
	NdisFreeSpinLock(&ndis_inject_lock);
	return 0;
}

static void __exit ndis_inject_warn_exit(void)
{
}

module_init(ndis_inject_warn_init);
module_exit(ndis_inject_warn_exit);

MODULE_DESCRIPTION("ndis test harness: deliberate IRQL contract violation");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS("NDIS");
