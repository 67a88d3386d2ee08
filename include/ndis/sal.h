/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What Windows driver sources lean on around the NDIS calls themselves:
 * the source annotations (SAL) of the WDK, which a static analyser reads
 * and a compiler ignores, and the small helpers of ntdef.h and wdm.h.
 *
 * Every annotation expands to nothing, so an annotated prototype compiles
 * as the plain prototype; only the lock annotations say something, to
 * sparse. The IRQL annotations are not lost for that: the
 * framework checks the level of every call it receives at run time (see
 * <ndis/irql.h>). Annotations taking arguments accept any, since the
 * arguments are expressions in the analyser's own language.
 */
#ifndef _NDIS_SAL_H
#define _NDIS_SAL_H

#include <linux/cache.h>
#include <linux/bug.h>
#include <linux/build_bug.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/stddef.h>
#include <ndis/types.h>

/* Parameters and return values. */
#define _In_
#define _In_opt_
#define _In_z_
#define _In_opt_z_
#define _Out_
#define _Out_opt_
#define _Inout_
#define _Inout_opt_
#define _Inout_z_
#define _Outptr_
#define _Outptr_opt_
#define _Outptr_result_maybenull_
#define _Outptr_opt_result_maybenull_
#define _Outptr_result_nullonfailure_
#define _Outptr_result_bytebuffer_(...)
#define _In_reads_(...)
#define _In_reads_opt_(...)
#define _In_reads_bytes_(...)
#define _In_reads_bytes_opt_(...)
#define _In_reads_z_(...)
#define _Out_writes_(...)
#define _Out_writes_opt_(...)
#define _Out_writes_all_(...)
#define _Out_writes_to_(...)
#define _Out_writes_bytes_(...)
#define _Out_writes_bytes_opt_(...)
#define _Out_writes_bytes_all_(...)
#define _Out_writes_bytes_to_(...)
#define _Out_writes_bytes_to_opt_(...)
#define _Out_writes_z_(...)
#define _Inout_updates_(...)
#define _Inout_updates_opt_(...)
#define _Inout_updates_bytes_(...)
#define _Inout_updates_bytes_opt_(...)
#define _Inout_updates_bytes_to_(...)
#define _In_range_(...)
#define _Out_range_(...)
#define _Deref_out_range_(...)
#define _Ret_maybenull_
#define _Ret_notnull_
#define _Ret_range_(...)
#define _Ret_writes_bytes_maybenull_(...)
#define _Ret_writes_maybenull_(...)
#define _Ret_z_
#define _Result_nullonfailure_
#define _Must_inspect_result_
#define _Check_return_
#define _Success_(...)
#define _Return_type_success_(...)
#define _Reserved_
#define _Null_terminated_
#define _NullNull_terminated_
#define _Printf_format_string_
#define _Pre_notnull_
#define _Pre_satisfies_(...)
#define _Post_satisfies_(...)
#define _Pre_
#define _Post_
#define _Post_invalid_
#define _Post_ptr_invalid_
#define _Post_writable_byte_size_(...)
#define _Frees_ptr_
#define _Frees_ptr_opt_
#define _Notnull_
#define _Maybenull_
#define _Const_
#define _Points_to_data_
#define _Literal_

/* The annotations before SAL, of ntdef.h: OPTIONAL marks a parameter that may be NULL. */
#define IN
#define OUT
#define OPTIONAL
#define CONST		const

/* Structure fields. */
#define _Field_size_(...)
#define _Field_size_opt_(...)
#define _Field_size_bytes_(...)
#define _Field_size_bytes_opt_(...)
#define _Field_size_part_(...)
#define _Field_size_bytes_part_(...)
#define _Field_range_(...)
#define _Field_z_
#define _Struct_size_bytes_(...)

/* Functions, conditions and the analyser's own statements. */
#define _Use_decl_annotations_
#define _When_(...)
#define _At_(...)
#define _At_buffer_(...)
#define _Function_class_(...)
#define _Dispatch_type_(...)
#define _Analysis_assume_(...)
#define _Analysis_assume_lock_held_(...)
#define _Analysis_assume_lock_not_held_(...)
#define _Analysis_mode_(...)
#define _Enum_is_bitflag_
#define _Strict_type_match_
#define _Kernel_float_saved_
#define _Kernel_float_restored_
#define _Kernel_float_used_
#define _Kernel_requires_resource_held_(...)
#define _Kernel_requires_resource_not_held_(...)
#define _Kernel_acquires_resource_(...)
#define _Kernel_releases_resource_(...)
#define _Kernel_clear_do_init_(...)

/*
 * Locks. A function that takes or drops a lock it does not also drop or
 * take tells sparse so, or sparse reports a context imbalance: the
 * acquire and release annotations become __acquires()/__releases(), for
 * sparse only (Clang's context analysis would want a lock it can see).
 * _Requires_lock_held_ stays empty: the WDK puts it beside
 * _Releases_lock_ on one function, and sparse would add the two up. A
 * cancel routine is annotated on its definition: sparse does not carry
 * attributes from the DRIVER_CANCEL typedef to it.
 */
#ifdef __CHECKER__
#define _Acquires_lock_(...)		__acquires(__VA_ARGS__)
#define _Releases_lock_(...)		__releases(__VA_ARGS__)
#define _Acquires_exclusive_lock_(...)	__acquires(__VA_ARGS__)
#define _Acquires_shared_lock_(...)	__acquires(__VA_ARGS__)
#define _Releases_exclusive_lock_(...)	__releases(__VA_ARGS__)
#define _Releases_shared_lock_(...)	__releases(__VA_ARGS__)
#else
#define _Acquires_lock_(...)
#define _Releases_lock_(...)
#define _Acquires_exclusive_lock_(...)
#define _Acquires_shared_lock_(...)
#define _Releases_exclusive_lock_(...)
#define _Releases_shared_lock_(...)
#endif
/* The cancel spin lock, by the name IoAcquireCancelSpinLock() gives it. */
#define _Global_cancel_spin_lock_	IoCancelSpinLock
#define _Requires_lock_held_(...)
#define _Requires_lock_not_held_(...)
#define _Requires_exclusive_lock_held_(...)
#define _Requires_shared_lock_held_(...)
#define _Guarded_by_(...)
#define _Interlocked_
#define _Interlocked_operand_
#define _Has_lock_kind_(...)
#define _Create_lock_level_(...)
#define _Lock_level_order_(...)

/* IRQL. */
#define _IRQL_requires_(...)
#define _IRQL_requires_max_(...)
#define _IRQL_requires_min_(...)
#define _IRQL_requires_same_
#define _IRQL_raises_(...)
#define _IRQL_saves_
#define _IRQL_restores_
#define _IRQL_saves_global_(...)
#define _IRQL_restores_global_(...)
#define _IRQL_always_function_max_(...)
#define _IRQL_always_function_min_(...)
#define _IRQL_uses_cancel_
#define _IRQL_is_cancel_
#define _IRQL_limited_to_(...)

/* The older driver annotations. */
#define __drv_aliasesMem
#define __drv_allocatesMem(...)
#define __drv_freesMem(...)
#define __drv_arg(...)
#define __drv_at(...)
#define __drv_when(...)
#define __drv_in(...)
#define __drv_out(...)
#define __drv_deref(...)
#define __drv_maxIRQL(...)
#define __drv_minIRQL(...)
#define __drv_requiresIRQL(...)
#define __drv_setsIRQL(...)
#define __drv_raisesIRQL(...)
#define __drv_savesIRQL
#define __drv_restoresIRQL
#define __drv_savesIRQLGlobal(...)
#define __drv_restoresIRQLGlobal(...)
#define __drv_sameIRQL
#define __drv_useCancelIRQL
#define __drv_isCancelIRQL
#define __drv_dispatchType(...)
#define __drv_dispatchType_other
#define __drv_functionClass(...)
#define __drv_maxFunctionIRQL(...)
#define __drv_minFunctionIRQL(...)
#define __drv_mustHold(...)
#define __drv_neverHold(...)
#define __drv_mustHoldGlobal(...)
#define __drv_neverHoldGlobal(...)
#define __drv_acquiresResource(...)
#define __drv_releasesResource(...)
#define __drv_acquiresResourceGlobal(...)
#define __drv_releasesResourceGlobal(...)
#define __drv_acquiresExclusiveResource(...)
#define __drv_releasesExclusiveResource(...)
#define __drv_innerMustHoldGlobal(...)
#define __drv_innerNeverHoldGlobal(...)
#define __drv_inTry
#define __drv_notInTry
#define __drv_isObjectPointer
#define __drv_nonConstant
#define __drv_constant
#define __drv_strictType(...)
#define __drv_strictTypeMatch(...)
#define __drv_preferredFunction(...)
#define __drv_reportError(...)
#define __drv_formatString(...)
#define __drv_valueIs(...)
#define __drv_clearDoInit(...)
#define __drv_floatSaved
#define __drv_floatRestored
#define __drv_floatUsed

/**
 * UNREFERENCED_PARAMETER - mark a parameter as deliberately unused
 * @P: the parameter
 */
#define UNREFERENCED_PARAMETER(P)	((void)(P))

/**
 * UNREFERENCED_LOCAL_VARIABLE - mark a local variable as deliberately unused
 * @L: the variable
 */
#define UNREFERENCED_LOCAL_VARIABLE(L)	((void)(L))

/**
 * DBG_UNREFERENCED_PARAMETER - UNREFERENCED_PARAMETER() for debug-only code
 * @P: the parameter
 */
#define DBG_UNREFERENCED_PARAMETER(P)	((void)(P))

/**
 * DBG_UNREFERENCED_LOCAL_VARIABLE - UNREFERENCED_LOCAL_VARIABLE() likewise
 * @L: the variable
 */
#define DBG_UNREFERENCED_LOCAL_VARIABLE(L)	((void)(L))

/**
 * C_ASSERT - a condition checked at compile time
 * @e: a constant expression that must be true
 *
 * A declaration, at file scope or in a block, as static_assert().
 */
#define C_ASSERT(e)	static_assert(e)

/**
 * FIELD_OFFSET - byte offset of a field in a structure, as a LONG
 * @type: the structure type
 * @field: the field
 */
#define FIELD_OFFSET(type, field)	((LONG)offsetof(type, field))

/**
 * RTL_FIELD_SIZE - size of a field of a structure
 * @type: the structure type
 * @field: the field
 */
#define RTL_FIELD_SIZE(type, field)	sizeof_field(type, field)

/**
 * RTL_SIZEOF_THROUGH_FIELD - size of a structure up to the end of a field
 * @type: the structure type
 * @field: the last field counted
 *
 * What the DDI's NDIS_SIZEOF_*_REVISION_* sizes are made of: a structure
 * of an older revision ends at its last field of that revision.
 */
#define RTL_SIZEOF_THROUGH_FIELD(type, field)	offsetofend(type, field)

/**
 * CONTAINING_RECORD - the structure a field belongs to
 * @address: address of the field
 * @type: the structure type
 * @field: the field's name in @type
 *
 * As container_of(), without its check that @address has the field's
 * type: Windows code passes a PVOID or a pointer to a nested structure
 * just as often.
 */
#define CONTAINING_RECORD(address, type, field)				\
	((type *)((PCHAR)(address) - offsetof(type, field)))

/**
 * RTL_NUMBER_OF - number of elements of an array
 * @A: the array (not a pointer)
 */
#define RTL_NUMBER_OF(A)	ARRAY_SIZE(A)

/**
 * ARRAYSIZE - number of elements of an array
 * @A: the array (not a pointer)
 */
#define ARRAYSIZE(A)	ARRAY_SIZE(A)

/**
 * ASSERT - a condition that must hold
 * @e: the condition
 *
 * Checked in every build, where the DDI's checks it only in debug builds:
 * a false one is one WARN with the file and line, once per site, and the
 * code goes on. @e is always evaluated.
 */
#define ASSERT(e)	((void)WARN_ON_ONCE(!(e)))

/**
 * NT_ASSERT - ASSERT() under its other name
 * @e: the condition
 */
#define NT_ASSERT(e)	ASSERT(e)

/**
 * ASSERTMSG - ASSERT() with a message
 * @msg: a string shown when @e is false
 * @e: the condition
 */
#define ASSERTMSG(msg, e)	((void)WARN_ONCE(!(e), "%s", msg))

/**
 * DbgPrint - a debug message
 * @fmt: a printk() format string literal
 *
 * pr_debug(): silent unless enabled, as Windows filters DbgPrint output
 * by default; ``echo 'module foo +p' > /sys/kernel/debug/dynamic_debug/control``
 * turns a module's on. The format is printk()'s: the Windows runtime's
 * %ws, %wZ and %I64x are not understood (convert wide strings first,
 * print 64-bit values with %llx).
 *
 * Return: 0, STATUS_SUCCESS.
 */
#define DbgPrint(fmt, ...)	({ pr_debug(fmt, ##__VA_ARGS__); 0; })

/**
 * DbgPrintEx - DbgPrint() with a component and a level
 * @component: the Windows component id, ignored
 * @level: the Windows importance level, ignored
 * @fmt: a printk() format string literal
 *
 * Return: 0, STATUS_SUCCESS.
 */
#define DbgPrintEx(component, level, fmt, ...)				\
	({								\
		(void)(component);					\
		(void)(level);						\
		pr_debug(fmt, ##__VA_ARGS__);				\
		0;							\
	})

/**
 * KdPrint - DbgPrint() with its arguments in one more pair of parentheses
 * @args: ``(fmt, ...)``
 */
#define KdPrint(args)	(DbgPrint args)

/**
 * KdPrintEx - DbgPrintEx() with its arguments in one more pair of parentheses
 * @args: ``(component, level, fmt, ...)``
 */
#define KdPrintEx(args)	(DbgPrintEx args)

/*
 * NDIS_DECLARE_*_CONTEXT(type) tell a Windows debugger what a context
 * pointer points to. Here they only check that the type is complete, and
 * take the semicolon that follows, at file scope or in a function.
 */
#define __NDIS_DECLARE_CONTEXT(ctx_type)	static_assert(sizeof(ctx_type) > 0)

/**
 * NDIS_DECLARE_MINIPORT_DRIVER_CONTEXT - name a miniport driver's context type
 * @ctx_type: the type MiniportDriverContext points to
 */
#define NDIS_DECLARE_MINIPORT_DRIVER_CONTEXT(ctx_type)	__NDIS_DECLARE_CONTEXT(ctx_type)

/**
 * NDIS_DECLARE_MINIPORT_ADAPTER_CONTEXT - name a miniport adapter's context type
 * @ctx_type: the type MiniportAdapterContext points to
 */
#define NDIS_DECLARE_MINIPORT_ADAPTER_CONTEXT(ctx_type)	__NDIS_DECLARE_CONTEXT(ctx_type)

/**
 * NDIS_DECLARE_MINIPORT_ADDDEVICE_CONTEXT - name a miniport's AddDevice context type
 * @ctx_type: the context's type
 */
#define NDIS_DECLARE_MINIPORT_ADDDEVICE_CONTEXT(ctx_type)	__NDIS_DECLARE_CONTEXT(ctx_type)

/**
 * NDIS_DECLARE_MINIPORT_INTERRUPT_CONTEXT - name a miniport's interrupt context type
 * @ctx_type: the context's type
 */
#define NDIS_DECLARE_MINIPORT_INTERRUPT_CONTEXT(ctx_type)	__NDIS_DECLARE_CONTEXT(ctx_type)

/**
 * NDIS_DECLARE_PROTOCOL_DRIVER_CONTEXT - name a protocol driver's context type
 * @ctx_type: the type ProtocolDriverContext points to
 */
#define NDIS_DECLARE_PROTOCOL_DRIVER_CONTEXT(ctx_type)	__NDIS_DECLARE_CONTEXT(ctx_type)

/**
 * NDIS_DECLARE_PROTOCOL_OPEN_CONTEXT - name a binding's context type
 * @ctx_type: the type ProtocolBindingContext points to
 */
#define NDIS_DECLARE_PROTOCOL_OPEN_CONTEXT(ctx_type)	__NDIS_DECLARE_CONTEXT(ctx_type)

/**
 * NDIS_DECLARE_FILTER_DRIVER_CONTEXT - name a filter driver's context type
 * @ctx_type: the context's type
 */
#define NDIS_DECLARE_FILTER_DRIVER_CONTEXT(ctx_type)	__NDIS_DECLARE_CONTEXT(ctx_type)

/**
 * NDIS_DECLARE_FILTER_MODULE_CONTEXT - name a filter module's context type
 * @ctx_type: the context's type
 */
#define NDIS_DECLARE_FILTER_MODULE_CONTEXT(ctx_type)	__NDIS_DECLARE_CONTEXT(ctx_type)

/* No alignment faults on the architectures built for: UNALIGNED is empty. */
#define UNALIGNED

/* SAL's mark of a case that deliberately runs on into the next one. */
#ifndef __fallthrough
#define __fallthrough	fallthrough
#endif

/**
 * ALIGN_UP_BY - round a length up to a power-of-two alignment
 * @length: the length
 * @alignment: a power of two
 */
#define ALIGN_UP_BY(length, alignment)		ALIGN((ULONG_PTR)(length), (alignment))
/**
 * ALIGN_DOWN_BY - round a length down to a power-of-two alignment
 * @length: the length
 * @alignment: a power of two
 */
#define ALIGN_DOWN_BY(length, alignment)	ALIGN_DOWN((ULONG_PTR)(length), (alignment))
/**
 * ALIGN_UP_POINTER_BY - round a pointer up to a power-of-two alignment
 * @address: the pointer
 * @alignment: a power of two
 */
#define ALIGN_UP_POINTER_BY(address, alignment)	((PVOID)ALIGN_UP_BY(address, alignment))
/**
 * ALIGN_DOWN_POINTER_BY - round a pointer down to a power-of-two alignment
 * @address: the pointer
 * @alignment: a power of two
 */
#define ALIGN_DOWN_POINTER_BY(address, alignment) ((PVOID)ALIGN_DOWN_BY(address, alignment))
/**
 * ALIGN_UP - round a length up to a multiple of a type's size
 * @length: the length
 * @type: a type whose size is a power of two
 */
#define ALIGN_UP(length, type)	ALIGN_UP_BY(length, sizeof(type))
/**
 * DECLSPEC_CACHEALIGN - align a structure to a cache line
 *
 * Between ``struct`` and the tag, as Windows drivers write it:
 * ``typedef struct DECLSPEC_CACHEALIGN _X { ... } X;``.
 */
#define DECLSPEC_CACHEALIGN	__aligned(SMP_CACHE_BYTES)

/*
 * Windows drivers name their pageable and init-only functions in pragmas,
 * "#pragma NDIS_PAGEABLE_FUNCTION(f)", which MSVC expands to alloc_text.
 * GCC does not expand macros in a pragma it does not know, and warns of it
 * with -Wunknown-pragmas (part of -Wall): the line is ignored here, as
 * nothing is paged, and the warning is turned off for every file that
 * includes <ndis/ndis.h>.
 */
#pragma GCC diagnostic ignored "-Wunknown-pragmas"

/**
 * NDIS_PAGEABLE_FUNCTION - mark a function pageable (in a pragma)
 * @_f: the function
 *
 * Nothing is paged. In a pragma, the way drivers write it, GCC ignores the
 * line; as a statement it names the function and does nothing.
 */
#define NDIS_PAGEABLE_FUNCTION(_f)	((void)(_f))

/**
 * NDIS_INIT_FUNCTION - mark a function discardable after init (in a pragma)
 * @_f: the function
 *
 * Nothing is discarded: as NDIS_PAGEABLE_FUNCTION().
 */
#define NDIS_INIT_FUNCTION(_f)	((void)(_f))

#endif /* _NDIS_SAL_H */
