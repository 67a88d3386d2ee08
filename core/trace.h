/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tracepoints of the control plane: /sys/kernel/tracing/events/ndis/.
 * Names are copied into the event, so a record outlives its object.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM ndis

#if !defined(_NDIS_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _NDIS_TRACE_H

#include <linux/tracepoint.h>

DECLARE_EVENT_CLASS(ndis_name_event,
		    TP_PROTO(const char *name),
		    TP_ARGS(name),
		    TP_STRUCT__entry(__string(name, name)),
		    TP_fast_assign(ndis_assign_str(name, name);),
		    TP_printk("%s", __get_str(name))
);

DEFINE_EVENT(ndis_name_event, ndis_bind, TP_PROTO(const char *name), TP_ARGS(name));
DEFINE_EVENT(ndis_name_event, ndis_unbind_request, TP_PROTO(const char *name), TP_ARGS(name));
DEFINE_EVENT(ndis_name_event, ndis_unbind, TP_PROTO(const char *name), TP_ARGS(name));
DEFINE_EVENT(ndis_name_event, ndis_pause, TP_PROTO(const char *name), TP_ARGS(name));
DEFINE_EVENT(ndis_name_event, ndis_restart, TP_PROTO(const char *name), TP_ARGS(name));

DECLARE_EVENT_CLASS(ndis_name_status_event,
		    TP_PROTO(const char *name, int status),
		    TP_ARGS(name, status),
		    TP_STRUCT__entry(__string(name, name) __field(int, status)),
		    TP_fast_assign(ndis_assign_str(name, name); __entry->status = status;),
		    TP_printk("%s status=0x%08x", __get_str(name), __entry->status)
);

DEFINE_EVENT(ndis_name_status_event, ndis_bind_result,
	     TP_PROTO(const char *name, int status), TP_ARGS(name, status));
DEFINE_EVENT(ndis_name_status_event, ndis_open,
	     TP_PROTO(const char *name, int status), TP_ARGS(name, status));
DEFINE_EVENT(ndis_name_status_event, ndis_adapter_remove,
	     TP_PROTO(const char *name, int status), TP_ARGS(name, status));

DECLARE_EVENT_CLASS(ndis_name_text_event,
		    TP_PROTO(const char *name, const char *text),
		    TP_ARGS(name, text),
		    TP_STRUCT__entry(__string(name, name) __string(text, text)),
		    TP_fast_assign(ndis_assign_str(name, name); ndis_assign_str(text, text);),
		    TP_printk("%s %s", __get_str(name), __get_str(text))
);

DEFINE_EVENT(ndis_name_text_event, ndis_adapter_add,
	     TP_PROTO(const char *name, const char *text), TP_ARGS(name, text));
DEFINE_EVENT(ndis_name_text_event, ndis_adapter_state,
	     TP_PROTO(const char *name, const char *text), TP_ARGS(name, text));
DEFINE_EVENT(ndis_name_text_event, ndis_binding_state,
	     TP_PROTO(const char *name, const char *text), TP_ARGS(name, text));
DEFINE_EVENT(ndis_name_text_event, ndis_close,
	     TP_PROTO(const char *name, const char *text), TP_ARGS(name, text));

#endif /* _NDIS_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE trace
#include <trace/define_trace.h>
