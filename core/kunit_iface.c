// SPDX-License-Identifier: GPL-2.0
/*
 * The test interface of ndis.ko (kunit_iface.h); built only into kernels
 * with KUnit. Nothing here changes behaviour: they set the documented
 * fault-injection knobs, wait for queued work, and read state.
 */
#include "adapter.h"
#include "binding.h"
#include "ddi/ddi.h"
#include "errorlog.h"
#include "kunit_iface.h"
#include "object.h"
#include "protocol.h"
#include "registry.h"
#include "report.h"
#include "watch.h"

/**
 * ndis_kunit_set_pend() - set the pend_opens and pend_closes knobs
 * @opens: 0, 1 or 2, as the module parameter
 * @closes: 0, 1 or 2, as the module parameter
 */
void ndis_kunit_set_pend(int opens, int closes)
{
	ndis_binding_set_pend(opens, closes);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_set_pend);

/**
 * ndis_kunit_adapter_flush() - wait until no bind or unbind is queued
 * @adapter: a MiniportAdapterHandle
 */
void ndis_kunit_adapter_flush(NDIS_HANDLE adapter)
{
	struct ndis_adapter *a = ndis_adapter_get(adapter, __func__, _RET_IP_);

	if (!a)
		return;
	flush_workqueue(a->op.wq);
	ndis_object_put(&a->obj);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_adapter_flush);

/**
 * ndis_kunit_adapter_hold() - keep an adapter's object past its removal
 * @adapter: a MiniportAdapterHandle
 *
 * As a binding or a sysfs reader would; ndis_kunit_adapter_unhold() lets go.
 *
 * Return: the hold, or NULL (reported) for a bad handle.
 */
void *ndis_kunit_adapter_hold(NDIS_HANDLE adapter)
{
	return ndis_adapter_get(adapter, __func__, _RET_IP_);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_adapter_hold);

/**
 * ndis_kunit_adapter_unhold() - let go of ndis_kunit_adapter_hold()
 * @hold: its return, or NULL
 */
void ndis_kunit_adapter_unhold(void *hold)
{
	struct ndis_adapter *a = hold;

	if (a)
		ndis_object_put(&a->obj);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_adapter_unhold);

/**
 * ndis_kunit_binding_state() - state of the binding of a pair
 * @protocol: protocol name
 * @adapter: adapter name
 *
 * Return: an enum ndis_binding_state, or -1 when the pair has no binding.
 */
int ndis_kunit_binding_state(const char *protocol, const char *adapter)
{
	struct ndis_protocol *p;
	struct ndis_binding *b;
	int state = -1;

	mutex_lock(&ndis_registry_lock);
	list_for_each_entry(p, &ndis_protocols, node) {
		if (strcmp(p->name, protocol))
			continue;
		list_for_each_entry(b, &p->bindings, protocol_node)
			if (!strcmp(b->adapter->name, adapter))
				state = READ_ONCE(b->state);
	}
	mutex_unlock(&ndis_registry_lock);
	return state;
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_binding_state);

/**
 * ndis_kunit_set_stuck_report_s() - set the stuck_report_s knob
 * @seconds: seconds between reports of a stuck driver
 *
 * Return: the previous value, for the test to restore.
 */
unsigned int ndis_kunit_set_stuck_report_s(unsigned int seconds)
{
	return ndis_watch_set_period(seconds);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_set_stuck_report_s);

/**
 * ndis_kunit_stuck_reports() - stuck-driver reports since load
 *
 * Return: the count /sys/kernel/ndis/stuck_reports shows.
 */
long ndis_kunit_stuck_reports(void)
{
	return ndis_watch_report_count();
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_stuck_reports);

/**
 * ndis_kunit_misuse_count() - misuse reports since load
 *
 * Every one is counted, though only a site's first is shown.
 *
 * Return: how many times the API was misused other than by IRQL.
 */
long ndis_kunit_misuse_count(void)
{
	return ndis_misuse_count();
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_misuse_count);

/**
 * ndis_kunit_error_log_count() - NdisWriteErrorLogEntry() entries since load
 *
 * Return: the count /sys/kernel/ndis/error_log_entries shows.
 */
long ndis_kunit_error_log_count(void)
{
	return ndis_error_log_count();
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_error_log_count);

/**
 * ndis_kunit_set_shutdown_wait_s() - set the shutdown_wait_s knob
 * @seconds: how long power-off waits for a driver step
 *
 * Return: the previous value, for the test to restore.
 */
unsigned int ndis_kunit_set_shutdown_wait_s(unsigned int seconds)
{
	return ndis_watch_set_shutdown_wait(seconds);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_set_shutdown_wait_s);

/**
 * ndis_kunit_shutdown_give_ups() - waits power-off gave up on since load
 *
 * Return: the count.
 */
long ndis_kunit_shutdown_give_ups(void)
{
	return ndis_watch_give_up_count();
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_shutdown_give_ups);

/**
 * ndis_kunit_adapter_shutdown() - what power-off does to one adapter
 * @adapter: a MiniportAdapterHandle
 */
void ndis_kunit_adapter_shutdown(NDIS_HANDLE adapter)
{
	struct ndis_adapter *a = ndis_adapter_get(adapter, __func__, _RET_IP_);

	if (!a)
		return;
	ndis_adapter_shutdown(a);
	ndis_object_put(&a->obj);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_adapter_shutdown);
