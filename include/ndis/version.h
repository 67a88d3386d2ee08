/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS versions, at build time and at run time.
 *
 * A Windows driver says which NDIS version it is written for by defining
 * one of NDIS60, NDIS61, NDIS620 or NDIS630 (a protocol) or the same with
 * _MINIPORT (a miniport) before including ndis.h, usually on the compiler's
 * command line; a driver that runs on several versions defines more than
 * one. NDIS_SUPPORT_NDIS6xx then tells its code what it may use: each is
 * 1 when the newest version the driver defines is 6.xx or later. A driver
 * that defines none gets the newest this framework implements, NDIS 6.30.
 *
 * NDIS 6.40 and later are not implemented: NDIS_SUPPORT_NDIS640 and the
 * later ones are 0, and a driver that asks for one of them stops here
 * rather than registering a MinorNdisVersion NDIS would refuse.
 */
#ifndef _NDIS_VERSION_H
#define _NDIS_VERSION_H

#include <ndis/types.h>

#if defined(NDIS640) || defined(NDIS640_MINIPORT) || \
	defined(NDIS650) || defined(NDIS650_MINIPORT) || \
	defined(NDIS651) || defined(NDIS651_MINIPORT) || \
	defined(NDIS660) || defined(NDIS660_MINIPORT) || \
	defined(NDIS670) || defined(NDIS670_MINIPORT) || \
	defined(NDIS680) || defined(NDIS680_MINIPORT) || \
	defined(NDIS681) || defined(NDIS681_MINIPORT) || \
	defined(NDIS682) || defined(NDIS682_MINIPORT) || \
	defined(NDIS683) || defined(NDIS683_MINIPORT) || \
	defined(NDIS684) || defined(NDIS684_MINIPORT) || \
	defined(NDIS685) || defined(NDIS685_MINIPORT) || \
	defined(NDIS686) || defined(NDIS686_MINIPORT) || \
	defined(NDIS687) || defined(NDIS687_MINIPORT)
#error "NDIS 6.30 is the newest version implemented: define NDIS630 or NDIS630_MINIPORT"
#endif

/* The minor version of the newest NDIS 6 the driver defines. */
#if defined(NDIS630) || defined(NDIS630_MINIPORT)
#define __NDIS_TARGET_MINOR	30
#elif defined(NDIS620) || defined(NDIS620_MINIPORT)
#define __NDIS_TARGET_MINOR	20
#elif defined(NDIS61) || defined(NDIS61_MINIPORT)
#define __NDIS_TARGET_MINOR	1
#elif defined(NDIS60) || defined(NDIS60_MINIPORT)
#define __NDIS_TARGET_MINOR	0
#else
#define __NDIS_TARGET_MINOR	30
#endif

#define NDIS_SUPPORT_NDIS6	1
#define NDIS_SUPPORT_NDIS61	(__NDIS_TARGET_MINOR >= 1)
#define NDIS_SUPPORT_NDIS620	(__NDIS_TARGET_MINOR >= 20)
#define NDIS_SUPPORT_NDIS630	(__NDIS_TARGET_MINOR >= 30)
#define NDIS_SUPPORT_NDIS640	0
#define NDIS_SUPPORT_NDIS650	0
#define NDIS_SUPPORT_NDIS651	0
#define NDIS_SUPPORT_NDIS660	0
#define NDIS_SUPPORT_NDIS670	0
#define NDIS_SUPPORT_NDIS680	0
#define NDIS_SUPPORT_NDIS681	0
#define NDIS_SUPPORT_NDIS682	0
#define NDIS_SUPPORT_NDIS683	0
#define NDIS_SUPPORT_NDIS684	0
#define NDIS_SUPPORT_NDIS685	0
#define NDIS_SUPPORT_NDIS686	0
#define NDIS_SUPPORT_NDIS687	0

/* What NdisGetVersion() may be compared with: major in the high half. */
#define NDIS_RUNTIME_VERSION_60		(6 << 16)
#define NDIS_RUNTIME_VERSION_61		((6 << 16) | 1)
#define NDIS_RUNTIME_VERSION_620	((6 << 16) | 20)
#define NDIS_RUNTIME_VERSION_630	((6 << 16) | 30)

UINT NdisGetVersion(void);

#endif /* _NDIS_VERSION_H */
