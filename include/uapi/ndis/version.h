/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * What user space may rely on from the ndis core: its version and where its
 * status surface lives.
 */
#ifndef _UAPI_NDIS_VERSION_H
#define _UAPI_NDIS_VERSION_H

#define NDIS_SHIM_VERSION_MAJOR	0
#define NDIS_SHIM_VERSION_MINOR	1
#define NDIS_SHIM_VERSION_PATCH	0
#define NDIS_SHIM_VERSION	"0.1.0"

/* Read-only status files, one value per file, under this directory. */
#define NDIS_SYSFS_ROOT		"/sys/kernel/ndis"

/* The configuration drivers read (NdisReadConfiguration), in configfs. */
#define NDIS_CONFIGFS_ROOT	"/sys/kernel/config/ndis"

#endif /* _UAPI_NDIS_VERSION_H */
