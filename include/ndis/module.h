/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a driver's module needs from the build on every supported kernel:
 * MODULE_IMPORT_NS("NDIS") with the namespace as a string literal, the form
 * of 6.13 and later ("module: Convert symbol namespace to string literal",
 * cdd30ebb1b9f). Before, the macro stringified an identifier, and the
 * string would have reached modinfo in quotes. The definition below is the
 * kernel's own since 6.13, so it changes nothing there.
 */
#ifndef _NDIS_MODULE_H
#define _NDIS_MODULE_H

#include <linux/module.h>

#undef MODULE_IMPORT_NS
#define MODULE_IMPORT_NS(ns)	MODULE_INFO(import_ns, ns)

#endif /* _NDIS_MODULE_H */
