// SPDX-License-Identifier: GPL-2.0
/*
 * The strings family of the NDIS interface (include/ndis/string.h):
 * counted UTF-16 strings, their UTF-8 ("ANSI") twins, comparison,
 * uppercase and conversion.
 *
 * Several calls are PASSIVE_LEVEL only in the DDI. Called higher, they are
 * reported and still carried out, since nothing here sleeps: allocations
 * use GFP_ATOMIC when the caller is not at PASSIVE_LEVEL.
 *
 * A string a driver passes is checked before it is read: a UNICODE_STRING
 * needs an even Length, and any string needs a Buffer when its Length is
 * not 0. One that fails is reported and the call does nothing with it.
 * Conversions decode with the kernel's UTF-8 routines (linux/nls.h); what
 * cannot be decoded becomes U+FFFD, and a destination is written only when
 * the whole result fits it.
 */
#include <linux/minmax.h>
#include <linux/nls.h>
#include <linux/slab.h>
#include <ndis/ndis.h>

#include "../report.h"
#include "text.h"

/* The Ndis* conversions return the Rtl* statuses: same numbers, same sense. */
static_assert(NDIS_STATUS_SUCCESS == STATUS_SUCCESS);
static_assert(NDIS_STATUS_BUFFER_OVERFLOW == STATUS_BUFFER_OVERFLOW);
static_assert(NDIS_STATUS_INVALID_PARAMETER == STATUS_INVALID_PARAMETER);

#define NDIS_REPLACEMENT_CHAR	0xfffd

/*
 * The longest NUL-terminated narrow text NdisInitializeString() reads: one
 * UTF-8 character is at most three bytes per UTF-16 unit, so anything
 * longer cannot fit an NDIS_STRING.
 */
#define NDIS_INIT_SOURCE_MAX	(3 * UNICODE_STRING_MAX_CHARS)

static const char ndis_ustr_rule[] =
	"a UNICODE_STRING with an even Length and a Buffer holding it";
static const char ndis_astr_rule[] = "an ANSI_STRING with a Buffer holding its Length";
static const char ndis_dest_rule[] = "a destination string with a Buffer for its MaximumLength";

/* A failed allocation is the caller's to handle, as with the pool calls. */
static gfp_t ndis_string_gfp(void)
{
	return (ndis_current_irql() == PASSIVE_LEVEL ? GFP_KERNEL : GFP_ATOMIC) | __GFP_NOWARN;
}

static bool ndis_ustr_valid(PCUNICODE_STRING s)
{
	return s && !(s->Length & 1) && (s->Buffer || !s->Length);
}

static bool ndis_astr_valid(PCANSI_STRING s)
{
	return s && (s->Buffer || !s->Length);
}

/* A destination the caller filled in: room, and a buffer behind it. */
static bool ndis_dest_valid(const void *buffer, USHORT maximum_length)
{
	return buffer || !maximum_length;
}

/*
 * Simple uppercase, one UTF-16 unit for another: lowercase ranges and what
 * to add to reach the uppercase letter. A step of 2 marks the alternating
 * blocks, where each uppercase letter is followed by its lowercase one.
 * Dotless i (U+0131) and long s (U+017F), whose uppercase is ASCII, are
 * left out, so no non-ASCII name folds to an ASCII one.
 */
struct ndis_case_range {
	u16 first;
	u16 last;
	s16 delta;
	u8 step;
};

static const struct ndis_case_range ndis_upper_ranges[] = {
	{ 0x0061, 0x007a, -32, 1 },			/* Basic Latin */
	{ 0x00b5, 0x00b5, 0x039c - 0x00b5, 1 },		/* micro sign */
	{ 0x00e0, 0x00f6, -32, 1 },			/* Latin-1 */
	{ 0x00f8, 0x00fe, -32, 1 },
	{ 0x00ff, 0x00ff, 0x0178 - 0x00ff, 1 },
	{ 0x0101, 0x012f, -1, 2 },			/* Latin Extended-A */
	{ 0x0133, 0x0137, -1, 2 },
	{ 0x013a, 0x0148, -1, 2 },
	{ 0x014b, 0x0177, -1, 2 },
	{ 0x017a, 0x017e, -1, 2 },
	{ 0x03ac, 0x03ac, 0x0386 - 0x03ac, 1 },		/* Greek */
	{ 0x03ad, 0x03af, 0x0388 - 0x03ad, 1 },
	{ 0x03b1, 0x03c1, -32, 1 },
	{ 0x03c2, 0x03c2, 0x03a3 - 0x03c2, 1 },		/* final sigma */
	{ 0x03c3, 0x03cb, -32, 1 },
	{ 0x03cc, 0x03cc, 0x038c - 0x03cc, 1 },
	{ 0x03cd, 0x03ce, 0x038e - 0x03cd, 1 },
	{ 0x03d9, 0x03ef, -1, 2 },
	{ 0x0430, 0x044f, -32, 1 },			/* Cyrillic */
	{ 0x0450, 0x045f, -80, 1 },
	{ 0x0461, 0x0481, -1, 2 },
	{ 0x048b, 0x04bf, -1, 2 },
	{ 0x04c2, 0x04ce, -1, 2 },
	{ 0x04cf, 0x04cf, 0x04c0 - 0x04cf, 1 },
	{ 0x04d1, 0x052f, -1, 2 },
	{ 0x0561, 0x0586, -48, 1 },			/* Armenian */
	{ 0x1e01, 0x1e95, -1, 2 },			/* Latin Extended Additional */
	{ 0x1ea1, 0x1eff, -1, 2 },
	{ 0xff41, 0xff5a, -32, 1 },			/* fullwidth Latin */
};

static WCHAR ndis_upcase(WCHAR c)
{
	const struct ndis_case_range *r;

	if (c < 0x80)
		return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
	for (r = ndis_upper_ranges; r < ndis_upper_ranges + ARRAY_SIZE(ndis_upper_ranges); r++) {
		if (c < r->first)
			break;
		if (c <= r->last && !((c - r->first) % r->step))
			return c + r->delta;
	}
	return c;
}

/* The code point at @src (@len > 0 bytes), its length in *@n; U+FFFD and 1 if invalid. */
static unicode_t ndis_utf8_char(const u8 *src, size_t len, int *n)
{
	unicode_t u;

	if (src[0] < 0x80) {
		*n = 1;
		return src[0];
	}
	*n = utf8_to_utf32(src, min_t(size_t, len, 4), &u);
	if (*n <= 0) {
		*n = 1;
		return NDIS_REPLACEMENT_CHAR;
	}
	return u;
}

/*
 * UTF-8 to UTF-16: the units @len bytes at @src make, written to @dst
 * unless it is NULL. A byte that starts no valid sequence (a stray
 * continuation byte, a truncated, overlong or surrogate encoding) gives
 * one U+FFFD and decoding goes on at the next byte.
 */
size_t ndis_utf8_to_utf16(const u8 *src, size_t len, WCHAR *dst)
{
	size_t in = 0, out = 0;
	unicode_t u;
	int n;

	while (in < len) {
		u = ndis_utf8_char(src + in, len - in, &n);
		in += n;
		if (u >= 0x10000) {
			if (dst) {
				u -= 0x10000;
				dst[out] = 0xd800 | (u >> 10);
				dst[out + 1] = 0xdc00 | (u & 0x3ff);
			}
			out += 2;
		} else {
			if (dst)
				dst[out] = u;
			out++;
		}
	}
	return out;
}

/*
 * UTF-16 to UTF-8: the bytes @units units at @src make, written to @dst
 * unless it is NULL. A surrogate that is not half of a pair gives U+FFFD.
 */
size_t ndis_utf16_to_utf8(const WCHAR *src, size_t units, u8 *dst)
{
	size_t in = 0, out = 0;
	unicode_t u;
	u8 seq[4];
	int n;

	while (in < units) {
		u = src[in++];
		if (u >= 0xd800 && u <= 0xdbff && in < units &&
		    src[in] >= 0xdc00 && src[in] <= 0xdfff)
			u = 0x10000 + ((u - 0xd800) << 10) + (src[in++] - 0xdc00);
		else if (u >= 0xd800 && u <= 0xdfff)
			u = NDIS_REPLACEMENT_CHAR;
		n = utf32_to_utf8(u, seq, sizeof(seq));
		if (n <= 0)	/* cannot happen: u is a scalar value */
			continue;
		if (dst)
			memcpy(dst + out, seq, n);
		out += n;
	}
	return out;
}

/* Both strings checked. */
static NTSTATUS ndis_ansi_to_unicode(PUNICODE_STRING dst, PCANSI_STRING src, bool allocate)
{
	size_t units = ndis_utf8_to_utf16((const u8 *)src->Buffer, src->Length, NULL);
	size_t bytes = units * sizeof(WCHAR);

	if (bytes > UNICODE_STRING_MAX_BYTES - sizeof(WCHAR))
		return STATUS_INVALID_PARAMETER;
	if (allocate) {
		dst->Buffer = kmalloc(bytes + sizeof(WCHAR), ndis_string_gfp());
		if (!dst->Buffer) {
			dst->Length = 0;
			dst->MaximumLength = 0;
			return STATUS_NO_MEMORY;
		}
		dst->MaximumLength = bytes + sizeof(WCHAR);
	} else if (bytes + sizeof(WCHAR) > dst->MaximumLength) {
		return STATUS_BUFFER_OVERFLOW;
	}
	ndis_utf8_to_utf16((const u8 *)src->Buffer, src->Length, dst->Buffer);
	dst->Buffer[units] = 0;
	dst->Length = bytes;
	return STATUS_SUCCESS;
}

/* Both strings checked. */
static NTSTATUS ndis_unicode_to_ansi(PANSI_STRING dst, PCUNICODE_STRING src, bool allocate)
{
	size_t units = src->Length / sizeof(WCHAR);
	size_t bytes = ndis_utf16_to_utf8(src->Buffer, units, NULL);

	if (bytes > MAXUSHORT - 1)
		return STATUS_INVALID_PARAMETER;
	if (allocate) {
		dst->Buffer = kmalloc(bytes + 1, ndis_string_gfp());
		if (!dst->Buffer) {
			dst->Length = 0;
			dst->MaximumLength = 0;
			return STATUS_NO_MEMORY;
		}
		dst->MaximumLength = bytes + 1;
	} else if (bytes + 1 > dst->MaximumLength) {
		return STATUS_BUFFER_OVERFLOW;
	}
	ndis_utf16_to_utf8(src->Buffer, units, (u8 *)dst->Buffer);
	dst->Buffer[bytes] = 0;
	dst->Length = bytes;
	return STATUS_SUCCESS;
}

/* Both strings checked; @dst may be @src. */
static NTSTATUS ndis_upcase_string(PUNICODE_STRING dst, PCUNICODE_STRING src, bool allocate)
{
	size_t units = src->Length / sizeof(WCHAR), i;
	USHORT length = src->Length;
	PWSTR buf;

	if (allocate) {
		if (length > UNICODE_STRING_MAX_BYTES - sizeof(WCHAR))
			return STATUS_INVALID_PARAMETER;
		buf = kmalloc(length + sizeof(WCHAR), ndis_string_gfp());
		if (!buf)
			return STATUS_NO_MEMORY;
		buf[units] = 0;
		dst->Buffer = buf;
		dst->MaximumLength = length + sizeof(WCHAR);
	} else if (length > dst->MaximumLength) {
		return STATUS_BUFFER_OVERFLOW;
	}
	for (i = 0; i < units; i++)
		dst->Buffer[i] = ndis_upcase(src->Buffer[i]);
	dst->Length = length;
	return STATUS_SUCCESS;
}

/* Both strings checked. Negative, 0 or positive, as the DDI's compare. */
static LONG ndis_compare(PCUNICODE_STRING a, PCUNICODE_STRING b, bool fold)
{
	size_t units = min(a->Length, b->Length) / sizeof(WCHAR), i;
	WCHAR x, y;

	for (i = 0; i < units; i++) {
		x = a->Buffer[i];
		y = b->Buffer[i];
		if (fold) {
			x = ndis_upcase(x);
			y = ndis_upcase(y);
		}
		if (x != y)
			return (LONG)x - (LONG)y;
	}
	return (LONG)a->Length - (LONG)b->Length;
}

static bool ndis_equal(PCUNICODE_STRING a, PCUNICODE_STRING b, bool fold)
{
	return a->Length == b->Length && !ndis_compare(a, b, fold);
}

/**
 * ndis_name_from_utf16() - a driver's UTF-16 name as a C string
 * @src: the name's units, or NULL
 * @bytes: its length in bytes (a UNICODE_STRING's Length)
 * @dst: where the UTF-8 name and its terminator go
 * @size: room at @dst, terminator included
 *
 * For the names of the binding model, which NDIS keeps and shows as
 * UTF-8. A lone surrogate becomes U+FFFD, as in every conversion.
 *
 * Context: any.
 * Return: true with @dst written; false, @dst untouched, for no @src, a
 * length of 0 or odd, a unit 0 inside the name, or a name whose UTF-8
 * does not fit @size - 1 bytes.
 */
bool ndis_name_from_utf16(const WCHAR *src, size_t bytes, char *dst, size_t size)
{
	size_t units = bytes / sizeof(WCHAR), i, n;

	if (!src || !bytes || (bytes & 1))
		return false;
	for (i = 0; i < units; i++)
		if (!src[i])
			return false;
	n = ndis_utf16_to_utf8(src, units, NULL);
	if (n >= size)
		return false;
	ndis_utf16_to_utf8(src, units, (u8 *)dst);
	dst[n] = 0;
	return true;
}

/**
 * ndis_name_to_utf16() - a C string name in UTF-16, for a driver
 * @name: the name, NUL-terminated
 * @dst: room for ndis_utf8_to_utf16() units of @name and a terminator
 * @us: set to describe @dst: Length without, MaximumLength with the terminator
 *
 * Context: any.
 */
void ndis_name_to_utf16(const char *name, WCHAR *dst, PUNICODE_STRING us)
{
	size_t units = ndis_utf8_to_utf16((const u8 *)name, strlen(name), dst);

	dst[units] = 0;
	us->Buffer = dst;
	us->Length = units * sizeof(WCHAR);
	us->MaximumLength = us->Length + sizeof(WCHAR);
}

/**
 * ndis_name_cmp() - compare two names without regard to case
 * @a: NUL-terminated UTF-8
 * @b: NUL-terminated UTF-8
 *
 * Character by character, each in its simple uppercase (the table of the
 * case-insensitive string calls; characters outside the BMP as they are),
 * then by length: the order and equality of NDIS_STRINGs compared with
 * CaseInSensitive, for names kept as UTF-8.
 *
 * Context: any.
 * Return: negative, 0 or positive.
 */
int ndis_name_cmp(const char *a, const char *b)
{
	const u8 *x = (const u8 *)a, *y = (const u8 *)b;
	size_t xl = strlen(a), yl = strlen(b);
	unicode_t u, v;
	int n, m;

	while (xl && yl) {
		u = ndis_utf8_char(x, xl, &n);
		v = ndis_utf8_char(y, yl, &m);
		if (u <= 0xffff)
			u = ndis_upcase(u);
		if (v <= 0xffff)
			v = ndis_upcase(v);
		if (u != v)
			return u < v ? -1 : 1;
		x += n;
		xl -= n;
		y += m;
		yl -= m;
	}
	return xl ? 1 : yl ? -1 : 0;
}

/**
 * NdisInitializeString() - make an NDIS_STRING from a narrow string
 * @Destination: the NDIS_STRING to fill in; its old Buffer is not freed
 * @Source: NUL-terminated UTF-8 text; must not be NULL
 *
 * Allocates a buffer, converts @Source into it as UTF-16 and terminates
 * it. Length is the text's size in bytes, MaximumLength that plus the
 * terminator. On failure, for want of memory or with a @Source too long
 * for an NDIS_STRING (reported), @Destination is empty with a NULL Buffer.
 * A NULL @Source is reported and gives the same.
 *
 * Context: IRQL == PASSIVE_LEVEL; called higher it is reported and still
 * carried out, the buffer then allocated without sleeping.
 */
void NdisInitializeString(PNDIS_STRING Destination, PUCHAR Source)
{
	size_t len, units;
	PWSTR buf;

	NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL);
	Destination->Length = 0;
	Destination->MaximumLength = 0;
	Destination->Buffer = NULL;
	if (!Source) {
		ndis_misuse(__func__, "a Source string, not NULL", _RET_IP_);
		return;
	}
	len = strnlen((const char *)Source, NDIS_INIT_SOURCE_MAX + 1);
	units = len > NDIS_INIT_SOURCE_MAX ? SIZE_MAX : ndis_utf8_to_utf16(Source, len, NULL);
	if (units > UNICODE_STRING_MAX_BYTES / sizeof(WCHAR) - 1) {
		ndis_misuse(__func__, "a Source that fits an NDIS_STRING (32766 UTF-16 units)",
			    _RET_IP_);
		return;
	}
	buf = kmalloc((units + 1) * sizeof(WCHAR), ndis_string_gfp());
	if (!buf)
		return;
	ndis_utf8_to_utf16(Source, len, buf);
	buf[units] = 0;
	Destination->Buffer = buf;
	Destination->Length = units * sizeof(WCHAR);
	Destination->MaximumLength = (units + 1) * sizeof(WCHAR);
}
EXPORT_SYMBOL_NS_GPL(NdisInitializeString, "NDIS");

/**
 * NdisFreeString() - free the buffer NdisInitializeString() allocated
 * @String: the NDIS_STRING, by value as the DDI passes it; a NULL Buffer
 *	(a failed NdisInitializeString()) is ignored
 *
 * Context: IRQL == PASSIVE_LEVEL; called higher it is reported and the
 * buffer is still freed.
 */
void NdisFreeString(NDIS_STRING String)
{
	NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL);
	kfree(String.Buffer);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeString, "NDIS");

/**
 * NdisEqualString() - whether two NDIS_STRINGs hold the same text
 * @String1: one string
 * @String2: the other
 * @CaseInsensitive: TRUE to compare the simple uppercase of each unit
 *
 * The same as RtlEqualUnicodeString().
 *
 * Context: IRQL == PASSIVE_LEVEL; called higher it is reported and still
 * answers.
 * Return: TRUE when the lengths and every unit match. A string that is
 * not well formed (odd Length, or no Buffer for its Length) is reported
 * and equals nothing.
 */
BOOLEAN NdisEqualString(const NDIS_STRING *String1, const NDIS_STRING *String2,
			BOOLEAN CaseInsensitive)
{
	NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL);
	if (!ndis_ustr_valid(String1) || !ndis_ustr_valid(String2)) {
		ndis_misuse(__func__, ndis_ustr_rule, _RET_IP_);
		return FALSE;
	}
	return ndis_equal(String1, String2, CaseInsensitive);
}
EXPORT_SYMBOL_NS_GPL(NdisEqualString, "NDIS");

/**
 * NdisEqualUnicodeString() - whether two NDIS_STRINGs hold the same text
 * @String1: one string
 * @String2: the other
 * @CaseInSensitive: TRUE to compare the simple uppercase of each unit
 *
 * Context: IRQL == PASSIVE_LEVEL; called higher it is reported and still
 * answers.
 * Return: as NdisEqualString().
 */
BOOLEAN NdisEqualUnicodeString(const NDIS_STRING *String1, const NDIS_STRING *String2,
			       BOOLEAN CaseInSensitive)
{
	NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL);
	if (!ndis_ustr_valid(String1) || !ndis_ustr_valid(String2)) {
		ndis_misuse(__func__, ndis_ustr_rule, _RET_IP_);
		return FALSE;
	}
	return ndis_equal(String1, String2, CaseInSensitive);
}
EXPORT_SYMBOL_NS_GPL(NdisEqualUnicodeString, "NDIS");

/**
 * NdisAnsiStringToUnicodeString() - convert UTF-8 into a caller's buffer
 * @DestinationString: an NDIS_STRING whose Buffer and MaximumLength the
 *	caller set; receives the text, NUL-terminated, and its Length
 * @SourceString: the UTF-8 text
 *
 * Bytes that are not valid UTF-8 become U+FFFD. The result and its
 * terminator must fit MaximumLength; if they do not, nothing is written.
 *
 * Context: IRQL == PASSIVE_LEVEL; called higher it is reported and still
 * carried out.
 * Return: NDIS_STATUS_SUCCESS; NDIS_STATUS_BUFFER_OVERFLOW when the
 * destination is too small; NDIS_STATUS_INVALID_PARAMETER, reported, for a
 * string that is not well formed, or when the result would be longer
 * than a UNICODE_STRING can hold.
 */
NDIS_STATUS NdisAnsiStringToUnicodeString(PNDIS_STRING DestinationString,
					  const NDIS_ANSI_STRING *SourceString)
{
	NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL);
	if (!ndis_astr_valid(SourceString)) {
		ndis_misuse(__func__, ndis_astr_rule, _RET_IP_);
		return NDIS_STATUS_INVALID_PARAMETER;
	}
	if (!DestinationString ||
	    !ndis_dest_valid(DestinationString->Buffer, DestinationString->MaximumLength)) {
		ndis_misuse(__func__, ndis_dest_rule, _RET_IP_);
		return NDIS_STATUS_INVALID_PARAMETER;
	}
	return ndis_ansi_to_unicode(DestinationString, SourceString, false);
}
EXPORT_SYMBOL_NS_GPL(NdisAnsiStringToUnicodeString, "NDIS");

/**
 * NdisUnicodeStringToAnsiString() - convert UTF-16 into a caller's buffer
 * @DestinationString: an NDIS_ANSI_STRING whose Buffer and MaximumLength
 *	the caller set; receives the UTF-8 text, NUL-terminated, and its Length
 * @SourceString: the UTF-16 text
 *
 * A lone surrogate becomes U+FFFD. The result and its terminator must fit
 * MaximumLength; if they do not, nothing is written.
 *
 * Context: IRQL == PASSIVE_LEVEL; called higher it is reported and still
 * carried out.
 * Return: NDIS_STATUS_SUCCESS; NDIS_STATUS_BUFFER_OVERFLOW when the
 * destination is too small; NDIS_STATUS_INVALID_PARAMETER, reported, for a
 * string that is not well formed (an odd Length among them), or when the
 * result would be longer than an ANSI_STRING can hold.
 */
NDIS_STATUS NdisUnicodeStringToAnsiString(PNDIS_ANSI_STRING DestinationString,
					  const NDIS_STRING *SourceString)
{
	NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL);
	if (!ndis_ustr_valid(SourceString)) {
		ndis_misuse(__func__, ndis_ustr_rule, _RET_IP_);
		return NDIS_STATUS_INVALID_PARAMETER;
	}
	if (!DestinationString ||
	    !ndis_dest_valid(DestinationString->Buffer, DestinationString->MaximumLength)) {
		ndis_misuse(__func__, ndis_dest_rule, _RET_IP_);
		return NDIS_STATUS_INVALID_PARAMETER;
	}
	return ndis_unicode_to_ansi(DestinationString, SourceString, false);
}
EXPORT_SYMBOL_NS_GPL(NdisUnicodeStringToAnsiString, "NDIS");

/**
 * NdisUpcaseUnicodeString() - uppercase a string into a caller's buffer
 * @DestinationString: a UNICODE_STRING whose Buffer and MaximumLength the
 *	caller set; may be @SourceString itself
 * @SourceString: the text
 *
 * Each unit becomes its simple uppercase (see include/ndis/string.h).
 * The result is the source's length and is not terminated.
 *
 * Context: IRQL == PASSIVE_LEVEL; called higher it is reported and still
 * carried out.
 * Return: NDIS_STATUS_SUCCESS; NDIS_STATUS_BUFFER_OVERFLOW, nothing
 * written, when MaximumLength is under the source's Length;
 * NDIS_STATUS_INVALID_PARAMETER, reported, for a string that is not well
 * formed.
 */
NDIS_STATUS NdisUpcaseUnicodeString(PUNICODE_STRING DestinationString,
				    PCUNICODE_STRING SourceString)
{
	NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL);
	if (!ndis_ustr_valid(SourceString)) {
		ndis_misuse(__func__, ndis_ustr_rule, _RET_IP_);
		return NDIS_STATUS_INVALID_PARAMETER;
	}
	if (!DestinationString ||
	    !ndis_dest_valid(DestinationString->Buffer, DestinationString->MaximumLength)) {
		ndis_misuse(__func__, ndis_dest_rule, _RET_IP_);
		return NDIS_STATUS_INVALID_PARAMETER;
	}
	return ndis_upcase_string(DestinationString, SourceString, false);
}
EXPORT_SYMBOL_NS_GPL(NdisUpcaseUnicodeString, "NDIS");

/**
 * RtlEqualUnicodeString() - whether two UNICODE_STRINGs hold the same text
 * @String1: one string
 * @String2: the other
 * @CaseInSensitive: TRUE to compare the simple uppercase of each unit
 *
 * Context: IRQL == PASSIVE_LEVEL; called higher it is reported and still
 * answers.
 * Return: as NdisEqualString().
 */
BOOLEAN RtlEqualUnicodeString(PCUNICODE_STRING String1, PCUNICODE_STRING String2,
			      BOOLEAN CaseInSensitive)
{
	NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL);
	if (!ndis_ustr_valid(String1) || !ndis_ustr_valid(String2)) {
		ndis_misuse(__func__, ndis_ustr_rule, _RET_IP_);
		return FALSE;
	}
	return ndis_equal(String1, String2, CaseInSensitive);
}
EXPORT_SYMBOL_NS_GPL(RtlEqualUnicodeString, "NDIS");

/**
 * RtlCompareUnicodeString() - order two UNICODE_STRINGs
 * @String1: one string
 * @String2: the other
 * @CaseInSensitive: TRUE to compare the simple uppercase of each unit
 *
 * Unit by unit, by value; a string that is a prefix of the other sorts
 * first.
 *
 * Context: IRQL == PASSIVE_LEVEL; called higher it is reported and still
 * answers.
 * Return: below 0 when @String1 sorts first, 0 when they are equal, above
 * 0 when @String2 sorts first. A string that is not well formed is
 * reported and compares as the empty string.
 */
LONG RtlCompareUnicodeString(PCUNICODE_STRING String1, PCUNICODE_STRING String2,
			     BOOLEAN CaseInSensitive)
{
	static const UNICODE_STRING empty;

	NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL);
	if (!ndis_ustr_valid(String1) || !ndis_ustr_valid(String2)) {
		ndis_misuse(__func__, ndis_ustr_rule, _RET_IP_);
		if (!ndis_ustr_valid(String1))
			String1 = &empty;
		if (!ndis_ustr_valid(String2))
			String2 = &empty;
	}
	return ndis_compare(String1, String2, CaseInSensitive);
}
EXPORT_SYMBOL_NS_GPL(RtlCompareUnicodeString, "NDIS");

/**
 * RtlCopyUnicodeString() - copy a string into a caller's buffer
 * @DestinationString: a UNICODE_STRING whose Buffer and MaximumLength the
 *	caller set; Buffer and MaximumLength are not changed
 * @SourceString: the text; NULL empties @DestinationString
 *
 * Copies as much as MaximumLength holds, in whole units, and terminates
 * the copy when there is room left. A source that is not well formed is
 * reported and @DestinationString is left as it was.
 *
 * Context: any.
 */
void RtlCopyUnicodeString(PUNICODE_STRING DestinationString, PCUNICODE_STRING SourceString)
{
	USHORT bytes;

	if (!DestinationString ||
	    !ndis_dest_valid(DestinationString->Buffer, DestinationString->MaximumLength)) {
		ndis_misuse(__func__, ndis_dest_rule, _RET_IP_);
		return;
	}
	if (!SourceString) {
		DestinationString->Length = 0;
		return;
	}
	if (!ndis_ustr_valid(SourceString)) {
		ndis_misuse(__func__, ndis_ustr_rule, _RET_IP_);
		return;
	}
	bytes = min(SourceString->Length, DestinationString->MaximumLength) & ~1;
	memmove(DestinationString->Buffer, SourceString->Buffer, bytes);
	DestinationString->Length = bytes;
	if (bytes + sizeof(WCHAR) <= DestinationString->MaximumLength)
		DestinationString->Buffer[bytes / sizeof(WCHAR)] = 0;
}
EXPORT_SYMBOL_NS_GPL(RtlCopyUnicodeString, "NDIS");

/**
 * RtlAnsiStringToUnicodeString() - convert UTF-8 to UTF-16
 * @DestinationString: receives the text, NUL-terminated; when
 *	@AllocateDestinationString is FALSE, its Buffer and MaximumLength
 *	are the caller's and must hold the result and its terminator
 * @SourceString: the UTF-8 text; invalid bytes become U+FFFD
 * @AllocateDestinationString: TRUE to allocate the buffer, to be freed
 *	with RtlFreeUnicodeString()
 *
 * Context: IRQL == PASSIVE_LEVEL; called higher it is reported and still
 * carried out, an allocation then made without sleeping.
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW, nothing written, when the
 * caller's buffer is too small; STATUS_NO_MEMORY; STATUS_INVALID_PARAMETER
 * for a string that is not well formed (reported) or a result longer than
 * a UNICODE_STRING holds. On failure nothing stays allocated.
 */
NTSTATUS RtlAnsiStringToUnicodeString(PUNICODE_STRING DestinationString,
				      PCANSI_STRING SourceString,
				      BOOLEAN AllocateDestinationString)
{
	NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL);
	if (!ndis_astr_valid(SourceString)) {
		ndis_misuse(__func__, ndis_astr_rule, _RET_IP_);
		return STATUS_INVALID_PARAMETER;
	}
	if (!DestinationString ||
	    (!AllocateDestinationString &&
	     !ndis_dest_valid(DestinationString->Buffer, DestinationString->MaximumLength))) {
		ndis_misuse(__func__, ndis_dest_rule, _RET_IP_);
		return STATUS_INVALID_PARAMETER;
	}
	return ndis_ansi_to_unicode(DestinationString, SourceString, AllocateDestinationString);
}
EXPORT_SYMBOL_NS_GPL(RtlAnsiStringToUnicodeString, "NDIS");

/**
 * RtlUnicodeStringToAnsiString() - convert UTF-16 to UTF-8
 * @DestinationString: receives the text, NUL-terminated; when
 *	@AllocateDestinationString is FALSE, its Buffer and MaximumLength
 *	are the caller's and must hold the result and its terminator
 * @SourceString: the UTF-16 text; a lone surrogate becomes U+FFFD
 * @AllocateDestinationString: TRUE to allocate the buffer, to be freed
 *	with RtlFreeAnsiString()
 *
 * Context: IRQL == PASSIVE_LEVEL; called higher it is reported and still
 * carried out, an allocation then made without sleeping.
 * Return: as RtlAnsiStringToUnicodeString().
 */
NTSTATUS RtlUnicodeStringToAnsiString(PANSI_STRING DestinationString,
				      PCUNICODE_STRING SourceString,
				      BOOLEAN AllocateDestinationString)
{
	NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL);
	if (!ndis_ustr_valid(SourceString)) {
		ndis_misuse(__func__, ndis_ustr_rule, _RET_IP_);
		return STATUS_INVALID_PARAMETER;
	}
	if (!DestinationString ||
	    (!AllocateDestinationString &&
	     !ndis_dest_valid(DestinationString->Buffer, DestinationString->MaximumLength))) {
		ndis_misuse(__func__, ndis_dest_rule, _RET_IP_);
		return STATUS_INVALID_PARAMETER;
	}
	return ndis_unicode_to_ansi(DestinationString, SourceString, AllocateDestinationString);
}
EXPORT_SYMBOL_NS_GPL(RtlUnicodeStringToAnsiString, "NDIS");

/**
 * RtlUpcaseUnicodeString() - uppercase a string
 * @DestinationString: receives the text; when @AllocateDestinationString
 *	is FALSE, its Buffer and MaximumLength are the caller's (it may be
 *	@SourceString itself) and the result is not terminated
 * @SourceString: the text
 * @AllocateDestinationString: TRUE to allocate the buffer, NUL-terminated,
 *	to be freed with RtlFreeUnicodeString()
 *
 * Context: IRQL <= APC_LEVEL, which here is PASSIVE_LEVEL; called higher
 * it is reported and still carried out.
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW, nothing written, when
 * MaximumLength is under the source's Length; STATUS_NO_MEMORY;
 * STATUS_INVALID_PARAMETER, reported, for a string that is not well
 * formed.
 */
NTSTATUS RtlUpcaseUnicodeString(PUNICODE_STRING DestinationString,
				PCUNICODE_STRING SourceString,
				BOOLEAN AllocateDestinationString)
{
	NDIS_ASSERT_IRQL_LE(APC_LEVEL);
	if (!ndis_ustr_valid(SourceString)) {
		ndis_misuse(__func__, ndis_ustr_rule, _RET_IP_);
		return STATUS_INVALID_PARAMETER;
	}
	if (!DestinationString ||
	    (!AllocateDestinationString &&
	     !ndis_dest_valid(DestinationString->Buffer, DestinationString->MaximumLength))) {
		ndis_misuse(__func__, ndis_dest_rule, _RET_IP_);
		return STATUS_INVALID_PARAMETER;
	}
	return ndis_upcase_string(DestinationString, SourceString, AllocateDestinationString);
}
EXPORT_SYMBOL_NS_GPL(RtlUpcaseUnicodeString, "NDIS");

/**
 * RtlFreeUnicodeString() - free a buffer an Rtl* call allocated
 * @UnicodeString: a string RtlAnsiStringToUnicodeString() or
 *	RtlUpcaseUnicodeString() allocated; emptied, its Buffer set to NULL
 *
 * Context: IRQL == PASSIVE_LEVEL; called higher it is reported and the
 * buffer is still freed.
 */
void RtlFreeUnicodeString(PUNICODE_STRING UnicodeString)
{
	NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL);
	kfree(UnicodeString->Buffer);
	UnicodeString->Buffer = NULL;
	UnicodeString->Length = 0;
	UnicodeString->MaximumLength = 0;
}
EXPORT_SYMBOL_NS_GPL(RtlFreeUnicodeString, "NDIS");

/**
 * RtlFreeAnsiString() - free a buffer RtlUnicodeStringToAnsiString() allocated
 * @AnsiString: the string; emptied, its Buffer set to NULL
 *
 * Context: IRQL == PASSIVE_LEVEL; called higher it is reported and the
 * buffer is still freed.
 */
void RtlFreeAnsiString(PANSI_STRING AnsiString)
{
	NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL);
	kfree(AnsiString->Buffer);
	AnsiString->Buffer = NULL;
	AnsiString->Length = 0;
	AnsiString->MaximumLength = 0;
}
EXPORT_SYMBOL_NS_GPL(RtlFreeAnsiString, "NDIS");

/* A digit's value in any base up to 16, or 16 for none. */
static unsigned int ndis_digit(WCHAR c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 16;
}

/**
 * RtlUnicodeStringToInteger() - read a number from a string
 * @String: the text: white space (any unit up to U+0020), an optional
 *	sign, then digits; the first unit that is not a digit ends it
 * @Base: 2, 8, 10 or 16; or 0 to read a prefix "0x", "0o" or "0b" and
 *	otherwise take base 10
 * @Value: receives the number; a "-" gives its two's complement, and
 *	digits past 32 bits wrap, as on Windows
 *
 * Context: IRQL == PASSIVE_LEVEL; called higher it is reported and still
 * answers.
 * Return: STATUS_SUCCESS, with *@Value 0 when no digit follows the white
 * space and sign; STATUS_INVALID_PARAMETER for an empty string or another
 * @Base, and, reported, for a string that is not well formed.
 */
NTSTATUS RtlUnicodeStringToInteger(PCUNICODE_STRING String, ULONG Base, PULONG Value)
{
	size_t units, i = 0;
	bool negative = false;
	unsigned int digit;
	const WCHAR *s;
	ULONG v = 0;

	NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL);
	if (!ndis_ustr_valid(String)) {
		ndis_misuse(__func__, ndis_ustr_rule, _RET_IP_);
		return STATUS_INVALID_PARAMETER;
	}
	if (Base != 0 && Base != 2 && Base != 8 && Base != 10 && Base != 16)
		return STATUS_INVALID_PARAMETER;
	units = String->Length / sizeof(WCHAR);
	if (!units)
		return STATUS_INVALID_PARAMETER;
	s = String->Buffer;
	while (i < units && s[i] <= ' ')
		i++;
	if (i < units && (s[i] == '-' || s[i] == '+'))
		negative = s[i++] == '-';
	if (!Base) {
		Base = 10;
		if (i + 1 < units && s[i] == '0') {
			if (s[i + 1] == 'x')
				Base = 16;
			else if (s[i + 1] == 'o')
				Base = 8;
			else if (s[i + 1] == 'b')
				Base = 2;
			if (Base != 10)
				i += 2;
		}
	}
	for (; i < units; i++) {
		digit = ndis_digit(s[i]);
		if (digit >= Base)
			break;
		v = v * Base + digit;
	}
	*Value = negative ? -v : v;
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(RtlUnicodeStringToInteger, "NDIS");
