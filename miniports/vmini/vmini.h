/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndis_vmini: software Ethernet adapters for tests, in the spirit of
 * netdevsim. Each device is one NDIS adapter "vmini<id>" with the MAC
 * 02:76:6d:00:<id high byte>:<id low byte>. Devices in the same hub (a
 * number >= 1) hear each other's sends; a device in hub 0 is in loopback
 * mode and hears its own. Fault knobs live in debugfs, one directory per
 * device (see README.md).
 *
 * Lifetimes: a device is created and destroyed by user space (or the
 * module's load and unload) under ndis_vmini_lock. The NDIS adapter lives
 * from MiniportInitializeEx to MiniportHaltEx inside that span. While it
 * is initialised the device is also on the RCU hub list, which the data
 * path walks without sleeping; halt takes it off and waits for readers.
 */
#ifndef _NDIS_VMINI_H
#define _NDIS_VMINI_H

#include <linux/debugfs.h>
#include <linux/etherdevice.h>
#include <linux/mutex.h>
#include <linux/skbuff.h>
#include <linux/workqueue.h>
#include <ndis/ndis.h>

/* The device structure and what the KUnit suite may call. */
#include "vmini_kunit.h"

#define NDIS_VMINI_RXQ_MAX	1024	/* frames waiting to be indicated */
#define NDIS_VMINI_RX_BATCH	32	/* NBLs per indication */

extern struct mutex ndis_vmini_lock;
extern struct dentry *ndis_vmini_debugfs_root;

/* miniport.c */
void ndis_vmini_chars(PNDIS_MINIPORT_DRIVER_CHARACTERISTICS c);
void ndis_vmini_dev_init_work(struct ndis_vmini_dev *vd);

/* oid.c */
MINIPORT_OID_REQUEST ndis_vmini_oid_request;
MINIPORT_CANCEL_OID_REQUEST ndis_vmini_cancel_oid;
void ndis_vmini_oid_work(struct work_struct *work);

/* datapath.c */
MINIPORT_SEND_NET_BUFFER_LISTS ndis_vmini_send;
MINIPORT_RETURN_NET_BUFFER_LISTS ndis_vmini_return;
MINIPORT_CANCEL_SEND ndis_vmini_cancel_send;
void ndis_vmini_tx_work(struct work_struct *work);
void ndis_vmini_rx_work(struct work_struct *work);
void ndis_vmini_hub_attach(struct ndis_vmini_dev *vd);
void ndis_vmini_hub_detach(struct ndis_vmini_dev *vd);
void ndis_vmini_tx_flush(struct ndis_vmini_dev *vd);

/* debugfs.c */
void ndis_vmini_debugfs_add(struct ndis_vmini_dev *vd);
void ndis_vmini_debugfs_init(void);
void ndis_vmini_debugfs_exit(void);

/* An NDIS failure as the errno a control file returns; 0 for success. */
static inline int ndis_vmini_errno(NDIS_STATUS status)
{
	if (status == NDIS_STATUS_SUCCESS)
		return 0;
	return status == NDIS_STATUS_RESOURCES ? -ENOMEM : -EIO;
}

#endif /* _NDIS_VMINI_H */
