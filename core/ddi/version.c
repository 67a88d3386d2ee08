// SPDX-License-Identifier: GPL-2.0
/*
 * The NDIS version this framework implements, for a driver that asks at
 * run time. What a driver may use at build time is <ndis/version.h>'s.
 */
#include <ndis/ndis.h>

/**
 * NdisGetVersion() - the NDIS version the framework implements
 *
 * Compare with NDIS_RUNTIME_VERSION_630 and its kin. A call above
 * DISPATCH_LEVEL is reported and answered all the same: the answer is a
 * constant.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the major version in the high 16 bits, the minor in the low:
 * 0x0006001E for NDIS 6.30.
 */
UINT NdisGetVersion(void)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	return (NDIS_MAJOR_VERSION << 16) | NDIS_MINOR_VERSION;
}
EXPORT_SYMBOL_NS_GPL(NdisGetVersion, "NDIS");
