/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A driver handler that may pend: it returns NDIS_STATUS_PENDING and calls
 * its Ndis*Complete* later, from any context. NDIS waits either way, and a
 * completion is legal only between a PENDING return and the wait's end.
 * Private to ndis.ko.
 */
#ifndef _NDIS_CORE_PEND_H
#define _NDIS_CORE_PEND_H

#include <linux/atomic.h>
#include <linux/completion.h>
#include <ndis/status.h>

/* The handlers that may pend, each with its completion call. */
enum ndis_pend_kind {
	NDIS_PEND_PAUSE,	/* MiniportPause, NdisMPauseComplete */
	NDIS_PEND_RESTART,	/* MiniportRestart, NdisMRestartComplete */
	NDIS_PEND_BIND,		/* ProtocolBindAdapterEx, NdisCompleteBindAdapterEx */
	NDIS_PEND_UNBIND,	/* ProtocolUnbindAdapterEx, NdisCompleteUnbindAdapterEx */
	NDIS_PEND_PNP,		/* ProtocolNetPnPEvent, NdisCompleteNetPnPEvent */
};

struct ndis_pend {
	struct completion done;
	atomic_t armed;		/* 1 from the call until a completion or a sync return */
	enum ndis_pend_kind kind;
	NDIS_STATUS status;	/* what the completion passed */
};

static inline void ndis_pend_init(struct ndis_pend *p, enum ndis_pend_kind kind)
{
	init_completion(&p->done);
	p->kind = kind;
}

/* Before the handler is called. */
static inline void ndis_pend_arm(struct ndis_pend *p)
{
	reinit_completion(&p->done);
	atomic_set(&p->armed, 1);
}

/*
 * The driver's completion, any context. Return: false if nothing was
 * pending, a misuse the caller reports with its own API name.
 */
static inline bool ndis_pend_complete(struct ndis_pend *p, NDIS_STATUS status)
{
	if (atomic_xchg(&p->armed, 0) != 1)
		return false;
	p->status = status;
	complete(&p->done);
	return true;
}

NDIS_STATUS ndis_pend_settle(struct ndis_pend *p, NDIS_STATUS ret, const char *object,
			     const char *driver, unsigned long handler_ip);

#endif /* _NDIS_CORE_PEND_H */
