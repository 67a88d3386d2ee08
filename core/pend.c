// SPDX-License-Identifier: GPL-2.0
/* Handlers that may pend: see pend.h. */
#include "pend.h"
#include "report.h"
#include "watch.h"

static const struct {
	const char *handler;
	const char *step;	/* what a stuck-driver report says is unfinished */
	const char *rule;	/* what a completion without a pend breaks */
} ndis_pend_calls[] = {
	[NDIS_PEND_PAUSE] = { "MiniportPause", "MiniportPause (NdisMPauseComplete)",
			      "NdisMPauseComplete only after returning NDIS_STATUS_PENDING" },
	[NDIS_PEND_RESTART] = { "MiniportRestart", "MiniportRestart (NdisMRestartComplete)",
				"NdisMRestartComplete only after returning NDIS_STATUS_PENDING" },
	[NDIS_PEND_BIND] = {
		"ProtocolBindAdapterEx", "ProtocolBindAdapterEx (NdisCompleteBindAdapterEx)",
		"NdisCompleteBindAdapterEx only after returning NDIS_STATUS_PENDING" },
	[NDIS_PEND_UNBIND] = {
		"ProtocolUnbindAdapterEx", "ProtocolUnbindAdapterEx (NdisCompleteUnbindAdapterEx)",
		"NdisCompleteUnbindAdapterEx only after returning NDIS_STATUS_PENDING" },
	[NDIS_PEND_PNP] = {
		"ProtocolNetPnPEvent", "ProtocolNetPnPEvent (NdisCompleteNetPnPEvent)",
		"NdisCompleteNetPnPEvent only after returning NDIS_STATUS_PENDING" },
};

/*
 * After the handler at @handler_ip returned @ret: wait for its completion if
 * it pended (a stuck driver is reported as @object and @driver), else
 * check that it did not also complete. Return: the handler's status,
 * returned or completed. PASSIVE_LEVEL.
 */
NDIS_STATUS ndis_pend_settle(struct ndis_pend *p, NDIS_STATUS ret, const char *object,
			     const char *driver, unsigned long handler_ip)
{
	if (ret == NDIS_STATUS_PENDING) {
		ndis_watch_completion(&p->done, object, driver, ndis_pend_calls[p->kind].step);
		return p->status;
	}
	/* Returned without pending: a completion as well is the driver's bug. */
	if (atomic_xchg(&p->armed, 0) != 1)
		ndis_misuse(ndis_pend_calls[p->kind].handler, ndis_pend_calls[p->kind].rule,
			    handler_ip);
	return ret;
}
