/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Counted strings: NDIS_STRING (a UNICODE_STRING) and ANSI_STRING, the
 * NDIS string calls and the Rtl* ones drivers use beside them.
 *
 * Lengths are in bytes. Length excludes any terminator, MaximumLength is
 * the size of the buffer, and a buffer need not be terminated: a counted
 * string may hold NUL characters and end without one.
 *
 * A UNICODE_STRING holds UTF-16. The "ANSI" strings, which on Windows are
 * in the system's code page, are UTF-8 here: the kernel's own narrow
 * encoding. A conversion replaces what it cannot decode (a byte that
 * starts no valid UTF-8 sequence, a lone surrogate) with U+FFFD and goes
 * on; it never fails on content, only on room.
 *
 * Case-insensitive calls compare the simple uppercase of each UTF-16
 * unit, from a table of the Unicode mappings for Latin (Basic, Latin-1,
 * Extended-A, Extended Additional), Greek, Cyrillic, Armenian and the
 * fullwidth Latin letters; other characters are their own uppercase.
 */
#ifndef _NDIS_STRING_H
#define _NDIS_STRING_H

#include <linux/string.h>
#include <ndis/ntstatus.h>
#include <ndis/status.h>
#include <ndis/types.h>

typedef const char *PCSZ;

/**
 * struct _UNICODE_STRING - a counted UTF-16 string
 * @Length: bytes of text in @Buffer, without a terminator; even
 * @MaximumLength: bytes @Buffer holds
 * @Buffer: the UTF-16 units, not necessarily NUL-terminated
 */
typedef struct _UNICODE_STRING {
	USHORT Length;
	USHORT MaximumLength;
	PWSTR Buffer;
} UNICODE_STRING, *PUNICODE_STRING;

typedef const struct _UNICODE_STRING *PCUNICODE_STRING;

/* What NDIS calls a string: a UNICODE_STRING. */
typedef UNICODE_STRING NDIS_STRING, *PNDIS_STRING;

/**
 * struct _STRING - a counted narrow string (UTF-8 here)
 * @Length: bytes of text in @Buffer, without a terminator
 * @MaximumLength: bytes @Buffer holds
 * @Buffer: the bytes, not necessarily NUL-terminated
 */
typedef struct _STRING {
	USHORT Length;
	USHORT MaximumLength;
	PCHAR Buffer;
} STRING, *PSTRING;

typedef STRING ANSI_STRING, *PANSI_STRING;
typedef const struct _STRING *PCANSI_STRING;
typedef ANSI_STRING NDIS_ANSI_STRING, *PNDIS_ANSI_STRING;

/* The largest UNICODE_STRING: MaximumLength in bytes, and in units. */
#define UNICODE_STRING_MAX_BYTES	((USHORT)65534)
#define UNICODE_STRING_MAX_CHARS	32767

/* The terminating UTF-16 unit of a wide string. */
#define UNICODE_NULL			((WCHAR)0)

/**
 * NDIS_STRING_CONST - an NDIS_STRING initialiser for a narrow literal
 * @x: a string literal without the L prefix, as on Windows: the macro
 *	pastes the L on
 *
 * For static and automatic initialisers alike. Length leaves out the
 * terminator, MaximumLength counts it.
 */
#define NDIS_STRING_CONST(x)	{ sizeof(L##x) - sizeof(WCHAR), sizeof(L##x), L##x }

/**
 * RTL_CONSTANT_STRING - a STRING or UNICODE_STRING initialiser
 * @s: a narrow or a wide (L"...") string literal
 *
 * Length leaves out the terminator, MaximumLength counts it.
 */
#define RTL_CONSTANT_STRING(s)	{ sizeof(s) - sizeof((s)[0]), sizeof(s), s }

/**
 * RtlInitUnicodeString() - describe a NUL-terminated UTF-16 string
 * @DestinationString: the UNICODE_STRING to fill in
 * @SourceString: the text, which is not copied; NULL gives an empty string
 *
 * Length is the text's size in bytes, MaximumLength that plus the
 * terminator. A text longer than a UNICODE_STRING can describe (32766
 * units) is cut to that length, as on Windows.
 *
 * Context: any; the text must stay where it is while the string is used.
 */
static inline void RtlInitUnicodeString(PUNICODE_STRING DestinationString,
					PCWSTR SourceString)
{
	size_t bytes = 0;

	if (SourceString) {
		while (bytes < UNICODE_STRING_MAX_BYTES - sizeof(WCHAR) &&
		       SourceString[bytes / sizeof(WCHAR)])
			bytes += sizeof(WCHAR);
		DestinationString->Length = bytes;
		DestinationString->MaximumLength = bytes + sizeof(WCHAR);
	} else {
		DestinationString->Length = 0;
		DestinationString->MaximumLength = 0;
	}
	DestinationString->Buffer = (PWSTR)SourceString;
}

/**
 * RtlInitAnsiString() - describe a NUL-terminated narrow string
 * @DestinationString: the ANSI_STRING to fill in
 * @SourceString: the text, which is not copied; NULL gives an empty string
 *
 * Length is strlen(), MaximumLength one more; a text over 65534 bytes is
 * cut to that length, as on Windows.
 *
 * Context: any; the text must stay where it is while the string is used.
 */
static inline void RtlInitAnsiString(PANSI_STRING DestinationString, PCSZ SourceString)
{
	size_t bytes;

	if (SourceString) {
		bytes = strnlen(SourceString, MAXUSHORT - 1);
		DestinationString->Length = bytes;
		DestinationString->MaximumLength = bytes + 1;
	} else {
		DestinationString->Length = 0;
		DestinationString->MaximumLength = 0;
	}
	DestinationString->Buffer = (PCHAR)SourceString;
}

/**
 * RtlInitString() - describe a NUL-terminated narrow string
 * @DestinationString: the STRING to fill in
 * @SourceString: the text; NULL gives an empty string
 *
 * The same as RtlInitAnsiString().
 *
 * Context: any.
 */
static inline void RtlInitString(PSTRING DestinationString, PCSZ SourceString)
{
	RtlInitAnsiString(DestinationString, SourceString);
}

/**
 * NdisInitUnicodeString - describe a NUL-terminated UTF-16 string
 * @_us: the NDIS_STRING to fill in
 * @s: the text, not copied; NULL gives an empty string
 *
 * RtlInitUnicodeString(), as on Windows.
 */
#define NdisInitUnicodeString(_us, s)	RtlInitUnicodeString(_us, s)

/**
 * NdisInitAnsiString - describe a NUL-terminated narrow string
 * @_as: the NDIS_ANSI_STRING to fill in
 * @s: the text, not copied; NULL gives an empty string
 *
 * RtlInitAnsiString(), as on Windows.
 */
#define NdisInitAnsiString(_as, s)	RtlInitAnsiString(_as, s)

void NdisInitializeString(PNDIS_STRING Destination, PUCHAR Source);
void NdisFreeString(NDIS_STRING String);
/*
 * The DDI's sources are PNDIS_STRING, PNDIS_ANSI_STRING: on Windows these
 * are macros over Rtl* calls that take const pointers, so const is taken
 * here too.
 */
BOOLEAN NdisEqualString(const NDIS_STRING *String1, const NDIS_STRING *String2,
			BOOLEAN CaseInsensitive);
BOOLEAN NdisEqualUnicodeString(const NDIS_STRING *String1, const NDIS_STRING *String2,
			       BOOLEAN CaseInSensitive);
NDIS_STATUS NdisAnsiStringToUnicodeString(PNDIS_STRING DestinationString,
					  const NDIS_ANSI_STRING *SourceString);
NDIS_STATUS NdisUnicodeStringToAnsiString(PNDIS_ANSI_STRING DestinationString,
					  const NDIS_STRING *SourceString);
NDIS_STATUS NdisUpcaseUnicodeString(PUNICODE_STRING DestinationString,
				    PCUNICODE_STRING SourceString);

BOOLEAN RtlEqualUnicodeString(PCUNICODE_STRING String1, PCUNICODE_STRING String2,
			      BOOLEAN CaseInSensitive);
LONG RtlCompareUnicodeString(PCUNICODE_STRING String1, PCUNICODE_STRING String2,
			     BOOLEAN CaseInSensitive);
void RtlCopyUnicodeString(PUNICODE_STRING DestinationString, PCUNICODE_STRING SourceString);
NTSTATUS RtlAnsiStringToUnicodeString(PUNICODE_STRING DestinationString,
				      PCANSI_STRING SourceString,
				      BOOLEAN AllocateDestinationString);
NTSTATUS RtlUnicodeStringToAnsiString(PANSI_STRING DestinationString,
				      PCUNICODE_STRING SourceString,
				      BOOLEAN AllocateDestinationString);
NTSTATUS RtlUpcaseUnicodeString(PUNICODE_STRING DestinationString,
				PCUNICODE_STRING SourceString,
				BOOLEAN AllocateDestinationString);
void RtlFreeUnicodeString(PUNICODE_STRING UnicodeString);
void RtlFreeAnsiString(PANSI_STRING AnsiString);
NTSTATUS RtlUnicodeStringToInteger(PCUNICODE_STRING String, ULONG Base, PULONG Value);

#endif /* _NDIS_STRING_H */
