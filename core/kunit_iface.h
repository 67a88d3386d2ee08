/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The test interface of ndis.ko: everything ndis_kunit.ko may reach
 * beyond the driver API, compiled only into kernels that have KUnit. The
 * suites include this header and no other private one of core/.
 */
#ifndef _NDIS_CORE_KUNIT_IFACE_H
#define _NDIS_CORE_KUNIT_IFACE_H

#include <ndis/dma.h>
#include <ndis/irql.h>

#include "state.h"

bool ndis_adapter_transition_ok(enum ndis_adapter_state from, enum ndis_adapter_state to);
bool ndis_binding_transition_ok(enum ndis_binding_state from, enum ndis_binding_state to);

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * typedef ndis_irql_reporter_fn - receives IRQL contract reports
 * @ctx: the context given to ndis_irql_set_reporter()
 * @api: the function whose contract was broken
 * @requirement: what the contract requires, e.g. "IRQL <= DISPATCH_LEVEL"
 * @irql: the level the caller ran at
 * @caller: return address into the caller
 * @warn: whether it would have been a WARN (irql_strict) or an error line
 */
typedef void (*ndis_irql_reporter_fn)(void *ctx, const char *api,
				      const char *requirement, KIRQL irql,
				      unsigned long caller, bool warn);

void ndis_irql_set_reporter(ndis_irql_reporter_fn fn, void *ctx);
bool ndis_irql_set_strict(bool strict);
void ndis_kunit_set_pend(int opens, int closes);
void ndis_kunit_adapter_flush(NDIS_HANDLE adapter);
void *ndis_kunit_adapter_hold(NDIS_HANDLE adapter);
void ndis_kunit_adapter_unhold(void *hold);
int ndis_kunit_binding_state(const char *protocol, const char *adapter);
unsigned int ndis_kunit_set_stuck_report_s(unsigned int seconds);
long ndis_kunit_stuck_reports(void);
long ndis_kunit_misuse_count(void);
long ndis_kunit_timer_armings(void);
long ndis_kunit_timers_released(void);
long ndis_kunit_error_log_count(void);
unsigned int ndis_kunit_set_shutdown_wait_s(unsigned int seconds);
long ndis_kunit_shutdown_give_ups(void);
void ndis_kunit_adapter_shutdown(NDIS_HANDLE adapter);
int ndis_kunit_config_mkdir(const char *path);
int ndis_kunit_config_rmdir(const char *path);
ssize_t ndis_kunit_config_write(const char *path, const char *buf, size_t len);
ssize_t ndis_kunit_config_read(const char *path, bool list, char *page);
int ndis_kunit_config_forget(const char *path);
ULONG ndis_kunit_shmem_runs(void *va, size_t len, PSCATTER_GATHER_LIST sg, ULONG room);
ssize_t ndis_kunit_if_stack_text(char *page);
#endif

#endif /* _NDIS_CORE_KUNIT_IFACE_H */
