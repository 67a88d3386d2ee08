/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one header an NDIS-style driver includes. It pulls in the API by
 * concept; modules using it add MODULE_IMPORT_NS("NDIS") once.
 */
#ifndef _NDIS_NDIS_H
#define _NDIS_NDIS_H

#include <ndis/module.h>
#include <ndis/types.h>
#include <ndis/sal.h>
#include <ndis/ntstatus.h>
#include <ndis/status.h>
#include <ndis/version.h>
#include <ndis/netif.h>
#include <ndis/ifstack.h>
#include <ndis/ethaddr.h>
#include <ndis/irql.h>
#include <ndis/spinlock.h>
#include <ndis/memory.h>
#include <ndis/lookaside.h>
#include <ndis/string.h>
#include <ndis/driver.h>
#include <ndis/list.h>
#include <ndis/interlocked.h>
#include <ndis/event.h>
#include <ndis/rwlock.h>
#include <ndis/time.h>
#include <ndis/timer.h>
#include <ndis/workitem.h>
#include <ndis/object.h>
#include <ndis/pnp.h>
#include <ndis/resources.h>
#include <ndis/protocol.h>
#include <ndis/miniport.h>
#include <ndis/mdl.h>
#include <ndis/dma.h>
#include <ndis/nbl.h>
#include <ndis/nblcontext.h>
#include <ndis/nblinfo.h>
#include <ndis/indication.h>
#include <ndis/oid.h>
#include <ndis/receivefilter.h>
#include <ndis/sharedmem.h>
#include <ndis/optional.h>
#include <ndis/qos.h>
#include <ndis/device.h>
#include <ndis/config.h>
#include <ndis/errorlog.h>
#include <ndis/dpc.h>
#include <ndis/intsafe.h>

#endif /* _NDIS_NDIS_H */
