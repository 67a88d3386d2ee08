// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_string: counted strings have the DDI's lengths, compare with
 * and without case, convert between UTF-8 and UTF-16 both ways (non-ASCII
 * and surrogate pairs included, invalid input replaced), never write past
 * MaximumLength, reject odd lengths, allocate and free in pairs, and do
 * their PASSIVE_LEVEL work at DISPATCH_LEVEL too, reported.
 */
#include "ndis_kunit.h"

/* A guard pattern around and behind what a call may write. */
#define GUARD_BYTE	0xa5
#define GUARD_UNIT	0xa5a5

/* "Grüße " and U+1F600, a character beyond the BMP: UTF-8 and UTF-16. */
#define GREETING_UTF8	"Gr\303\274\303\237e \360\237\230\200"
#define GREETING_UTF16	L"Gr\u00fc\u00dfe \U0001F600"

static NDIS_STRING file_scope_name = NDIS_STRING_CONST("ndis0");

static bool units_are(const WCHAR *buf, const WCHAR *expect, size_t units)
{
	return !memcmp(buf, expect, units * sizeof(WCHAR));
}

static void constant_macros_count_bytes_without_the_terminator(struct kunit *test)
{
	NDIS_STRING name = NDIS_STRING_CONST("Adapter");
	UNICODE_STRING wide = RTL_CONSTANT_STRING(L"ab");
	STRING narrow = RTL_CONSTANT_STRING("abc");
	NDIS_STRING empty = NDIS_STRING_CONST("");

	KUNIT_EXPECT_EQ(test, name.Length, 14);
	KUNIT_EXPECT_EQ(test, name.MaximumLength, 16);
	KUNIT_EXPECT_TRUE(test, units_are(name.Buffer, L"Adapter", 8));
	KUNIT_EXPECT_EQ(test, file_scope_name.Length, 10);
	KUNIT_EXPECT_EQ(test, file_scope_name.MaximumLength, 12);
	KUNIT_EXPECT_EQ(test, file_scope_name.Buffer[4], (WCHAR)'0');
	KUNIT_EXPECT_EQ(test, wide.Length, 4);
	KUNIT_EXPECT_EQ(test, wide.MaximumLength, 6);
	KUNIT_EXPECT_EQ(test, narrow.Length, 3);
	KUNIT_EXPECT_EQ(test, narrow.MaximumLength, 4);
	KUNIT_EXPECT_STREQ(test, narrow.Buffer, "abc");
	KUNIT_EXPECT_EQ(test, empty.Length, 0);
	KUNIT_EXPECT_EQ(test, empty.MaximumLength, 2);
}

static void init_from_null_is_empty_and_from_text_measures_it(struct kunit *test)
{
	static const WCHAR text[] = L"Gr\u00fc\u00dfe";
	UNICODE_STRING u = { 99, 99, (PWSTR)text };
	ANSI_STRING a = { 99, 99, "x" };
	STRING s;

	NdisInitUnicodeString(&u, NULL);
	KUNIT_EXPECT_EQ(test, u.Length, 0);
	KUNIT_EXPECT_EQ(test, u.MaximumLength, 0);
	KUNIT_EXPECT_NULL(test, u.Buffer);
	NdisInitUnicodeString(&u, text);
	KUNIT_EXPECT_EQ(test, u.Length, 10);
	KUNIT_EXPECT_EQ(test, u.MaximumLength, 12);
	KUNIT_EXPECT_PTR_EQ(test, (const WCHAR *)u.Buffer, &text[0]);

	NdisInitAnsiString(&a, NULL);
	KUNIT_EXPECT_EQ(test, a.Length, 0);
	KUNIT_EXPECT_EQ(test, a.MaximumLength, 0);
	KUNIT_EXPECT_NULL(test, a.Buffer);
	NdisInitAnsiString(&a, GREETING_UTF8);
	KUNIT_EXPECT_EQ(test, a.Length, 12);
	KUNIT_EXPECT_EQ(test, a.MaximumLength, 13);
	RtlInitString(&s, "");
	KUNIT_EXPECT_EQ(test, s.Length, 0);
	KUNIT_EXPECT_EQ(test, s.MaximumLength, 1);
}

static void equal_and_compare_with_and_without_case(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_STRING mixed = NDIS_STRING_CONST("Adapter");
	NDIS_STRING upper = NDIS_STRING_CONST("ADAPTER");
	NDIS_STRING longer = NDIS_STRING_CONST("Adapters");
	UNICODE_STRING greek = RTL_CONSTANT_STRING(L"\u03c3\u03bf\u03c6\u03af\u03b1\u03c2");
	UNICODE_STRING GREEK = RTL_CONSTANT_STRING(L"\u03a3\u039f\u03a6\u038a\u0391\u03a3");
	UNICODE_STRING dotless = RTL_CONSTANT_STRING(L"\u0131");
	UNICODE_STRING capital_i = RTL_CONSTANT_STRING(L"I");
	NDIS_STRING prefix = longer;

	KUNIT_EXPECT_TRUE(test, NdisEqualString(&mixed, &mixed, FALSE));
	KUNIT_EXPECT_FALSE(test, NdisEqualString(&mixed, &upper, FALSE));
	KUNIT_EXPECT_TRUE(test, NdisEqualString(&mixed, &upper, TRUE));
	KUNIT_EXPECT_FALSE(test, NdisEqualUnicodeString(&mixed, &longer, TRUE));
	KUNIT_EXPECT_TRUE(test, RtlEqualUnicodeString(&greek, &GREEK, TRUE));
	KUNIT_EXPECT_FALSE(test, RtlEqualUnicodeString(&greek, &GREEK, FALSE));
	KUNIT_EXPECT_FALSE(test, RtlEqualUnicodeString(&dotless, &capital_i, TRUE));

	/* Counted: a shorter Length over the same buffer is a shorter string. */
	prefix.Length = mixed.Length;
	KUNIT_EXPECT_TRUE(test, NdisEqualUnicodeString(&prefix, &mixed, FALSE));

	KUNIT_EXPECT_LT(test, RtlCompareUnicodeString(&upper, &mixed, FALSE), 0);
	KUNIT_EXPECT_EQ(test, RtlCompareUnicodeString(&upper, &mixed, TRUE), 0);
	KUNIT_EXPECT_LT(test, RtlCompareUnicodeString(&mixed, &longer, FALSE), 0);
	KUNIT_EXPECT_GT(test, RtlCompareUnicodeString(&longer, &upper, TRUE), 0);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void conversions_round_trip_beyond_ascii(struct kunit *test)
{
	WCHAR wide[16];
	char narrow[16];
	ANSI_STRING a, back = { 0, sizeof(narrow), narrow };
	NDIS_STRING u = { 0, sizeof(wide), wide };

	NdisInitAnsiString(&a, GREETING_UTF8);
	KUNIT_ASSERT_EQ(test, NdisAnsiStringToUnicodeString(&u, &a), NDIS_STATUS_SUCCESS);
	/* Six BMP characters and one surrogate pair. */
	KUNIT_EXPECT_EQ(test, u.Length, 16);
	KUNIT_EXPECT_EQ(test, u.MaximumLength, (USHORT)sizeof(wide));
	KUNIT_EXPECT_TRUE(test, units_are(wide, GREETING_UTF16, 9));
	KUNIT_EXPECT_EQ(test, wide[6], 0xd83d);
	KUNIT_EXPECT_EQ(test, wide[7], 0xde00);

	KUNIT_ASSERT_EQ(test, NdisUnicodeStringToAnsiString(&back, &u), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, back.Length, a.Length);
	KUNIT_EXPECT_STREQ(test, narrow, GREETING_UTF8);
}

static void rtl_conversions_allocate_and_free(struct kunit *test)
{
	UNICODE_STRING u = { 0, 0, NULL }, up = { 0, 0, NULL };
	ANSI_STRING a, back = { 0, 0, NULL };

	NdisInitAnsiString(&a, "Gr\303\274\303\237e");
	KUNIT_ASSERT_EQ(test, RtlAnsiStringToUnicodeString(&u, &a, TRUE), STATUS_SUCCESS);
	KUNIT_ASSERT_NOT_NULL(test, u.Buffer);
	KUNIT_EXPECT_EQ(test, u.Length, 10);
	KUNIT_EXPECT_EQ(test, u.MaximumLength, 12);
	KUNIT_EXPECT_TRUE(test, units_are(u.Buffer, L"Gr\u00fc\u00dfe", 6));

	KUNIT_ASSERT_EQ(test, RtlUpcaseUnicodeString(&up, &u, TRUE), STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, units_are(up.Buffer, L"GR\u00dc\u00dfE", 6));

	KUNIT_ASSERT_EQ(test, RtlUnicodeStringToAnsiString(&back, &up, TRUE), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, back.Length, 7);
	KUNIT_EXPECT_EQ(test, back.MaximumLength, 8);
	KUNIT_EXPECT_STREQ(test, back.Buffer, "GR\303\234\303\237E");

	RtlFreeUnicodeString(&u);
	RtlFreeUnicodeString(&up);
	RtlFreeAnsiString(&back);
	KUNIT_EXPECT_NULL(test, u.Buffer);
	KUNIT_EXPECT_EQ(test, u.MaximumLength, 0);
	KUNIT_EXPECT_NULL(test, back.Buffer);
	KUNIT_EXPECT_EQ(test, back.Length, 0);
}

static void invalid_encodings_become_replacement_characters(struct kunit *test)
{
	/* A stray continuation byte, an overlong NUL, an encoded surrogate, a cut-off sequence. */
	static const char bad8[] = "a\200b\300\200c\355\240\200d\303";
	static const WCHAR want16[] = {
		'a', 0xfffd, 'b', 0xfffd, 0xfffd, 'c', 0xfffd, 0xfffd, 0xfffd, 'd', 0xfffd, 0
	};
	/* Lone halves of a pair, and a pair in the wrong order. */
	static const WCHAR bad16[] = { 'a', 0xd800, 'b', 0xdc00, 0xdc00, 0xd800 };
	static const char want8[] = "a\357\277\275b\357\277\275\357\277\275\357\277\275";
	UNICODE_STRING u = { 0, 0, NULL };
	UNICODE_STRING lone = { sizeof(bad16), sizeof(bad16), (PWSTR)bad16 };
	ANSI_STRING a = { sizeof(bad8) - 1, sizeof(bad8), (PCHAR)bad8 }, back = { 0, 0, NULL };

	/* Allocated to the exact size, so KASAN sees any write past the end. */
	KUNIT_ASSERT_EQ(test, RtlAnsiStringToUnicodeString(&u, &a, TRUE), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, u.Length, (USHORT)(sizeof(want16) - sizeof(WCHAR)));
	KUNIT_EXPECT_TRUE(test, units_are(u.Buffer, want16, ARRAY_SIZE(want16)));
	RtlFreeUnicodeString(&u);

	KUNIT_ASSERT_EQ(test, RtlUnicodeStringToAnsiString(&back, &lone, TRUE), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, back.Length, (USHORT)(sizeof(want8) - 1));
	KUNIT_EXPECT_STREQ(test, back.Buffer, want8);
	RtlFreeAnsiString(&back);
}

static void a_short_destination_overflows_and_is_not_written(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	WCHAR wide[16];
	char narrow[16];
	NDIS_STRING u = { 0, 8, wide };		/* three units and a terminator */
	NDIS_ANSI_STRING n = { 0, 5, narrow };	/* four bytes and a terminator */
	NDIS_ANSI_STRING a;
	NDIS_STRING src;
	size_t i;

	memset(wide, GUARD_BYTE, sizeof(wide));
	memset(narrow, GUARD_BYTE, sizeof(narrow));

	NdisInitAnsiString(&a, "abcd");		/* needs ten bytes */
	KUNIT_EXPECT_EQ(test, NdisAnsiStringToUnicodeString(&u, &a), NDIS_STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, u.Length, 0);
	for (i = 0; i < ARRAY_SIZE(wide); i++)
		KUNIT_EXPECT_EQ(test, wide[i], GUARD_UNIT);

	NdisInitAnsiString(&a, "abc");
	KUNIT_EXPECT_EQ(test, NdisAnsiStringToUnicodeString(&u, &a), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, u.Length, 6);
	KUNIT_EXPECT_TRUE(test, units_are(wide, L"abc", 4));
	for (i = 4; i < ARRAY_SIZE(wide); i++)
		KUNIT_EXPECT_EQ(test, wide[i], GUARD_UNIT);

	/* "Grüß" is six bytes of UTF-8: with its terminator, over five. */
	RtlInitUnicodeString(&src, L"Gr\u00fc\u00df");
	KUNIT_EXPECT_EQ(test, NdisUnicodeStringToAnsiString(&n, &src), NDIS_STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, n.Length, 0);
	for (i = 0; i < sizeof(narrow); i++)
		KUNIT_EXPECT_EQ(test, (u8)narrow[i], GUARD_BYTE);

	src.Length = 6;		/* "Grü": four bytes */
	KUNIT_EXPECT_EQ(test, NdisUnicodeStringToAnsiString(&n, &src), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, n.Length, 4);
	KUNIT_EXPECT_STREQ(test, narrow, "Gr\303\274");
	for (i = 5; i < sizeof(narrow); i++)
		KUNIT_EXPECT_EQ(test, (u8)narrow[i], GUARD_BYTE);

	/* Upcase needs no terminator, only the source's Length. */
	src.Length = 8;
	u.Length = 0;
	u.MaximumLength = 6;
	memset(wide, GUARD_BYTE, sizeof(wide));
	KUNIT_EXPECT_EQ(test, NdisUpcaseUnicodeString(&u, &src), NDIS_STATUS_BUFFER_OVERFLOW);
	for (i = 0; i < ARRAY_SIZE(wide); i++)
		KUNIT_EXPECT_EQ(test, wide[i], GUARD_UNIT);
	u.MaximumLength = 8;
	KUNIT_EXPECT_EQ(test, NdisUpcaseUnicodeString(&u, &src), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, units_are(wide, L"GR\u00dc\u00df", 4));
	KUNIT_EXPECT_EQ(test, wide[4], GUARD_UNIT);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void odd_lengths_and_missing_buffers_are_rejected(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	static const WCHAR text[] = L"abc";
	UNICODE_STRING odd = { 3, sizeof(text), (PWSTR)text };
	UNICODE_STRING good = RTL_CONSTANT_STRING(L"abc");
	UNICODE_STRING no_buffer = { 4, 4, NULL };
	char narrow[8] = "zzzzzzz";
	ANSI_STRING n = { 0, sizeof(narrow), narrow };
	ANSI_STRING unbacked = { 4, 4, NULL };
	WCHAR wide[8] = { 0 };
	UNICODE_STRING u = { 0, sizeof(wide), wide };
	ULONG value = 7;

	KUNIT_EXPECT_EQ(test, NdisUnicodeStringToAnsiString(&n, &odd),
			NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisUnicodeStringToAnsiString");
	KUNIT_EXPECT_EQ(test, n.Length, 0);
	KUNIT_EXPECT_STREQ(test, narrow, "zzzzzzz");

	KUNIT_EXPECT_FALSE(test, NdisEqualString(&odd, &odd, FALSE));
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisEqualString");

	KUNIT_EXPECT_EQ(test, RtlUnicodeStringToInteger(&odd, 10, &value),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, value, 7U);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);

	KUNIT_EXPECT_EQ(test, NdisUpcaseUnicodeString(&u, &no_buffer),
			NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, r->calls, 4U);
	KUNIT_EXPECT_EQ(test, NdisAnsiStringToUnicodeString(&u, &unbacked),
			NDIS_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, r->calls, 5U);
	KUNIT_EXPECT_EQ(test, u.Length, 0);

	/* An invalid string compares as the empty one. */
	KUNIT_EXPECT_LT(test, RtlCompareUnicodeString(&odd, &good, FALSE), 0);
	KUNIT_EXPECT_EQ(test, r->calls, 6U);
	KUNIT_EXPECT_STREQ(test, r->api, "RtlCompareUnicodeString");
}

static void initialize_string_allocates_and_free_string_frees(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_STRING s = { 1, 1, NULL };
	NDIS_STRING want = NDIS_STRING_CONST("Gr\u00fc\u00dfe");

	NdisInitializeString(&s, (PUCHAR)"Gr\303\274\303\237e");
	KUNIT_ASSERT_NOT_NULL(test, s.Buffer);
	KUNIT_EXPECT_EQ(test, s.Length, 10);
	KUNIT_EXPECT_EQ(test, s.MaximumLength, 12);
	KUNIT_EXPECT_EQ(test, s.Buffer[5], 0);
	KUNIT_EXPECT_TRUE(test, NdisEqualString(&s, &want, FALSE));
	NdisFreeString(s);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);

	NdisInitializeString(&s, (PUCHAR)"");
	KUNIT_ASSERT_NOT_NULL(test, s.Buffer);
	KUNIT_EXPECT_EQ(test, s.Length, 0);
	KUNIT_EXPECT_EQ(test, s.MaximumLength, 2);
	NdisFreeString(s);

	/* The DDI forbids a NULL source: reported, and the string is empty. */
	NdisInitializeString(&s, NULL);
	KUNIT_EXPECT_NULL(test, s.Buffer);
	KUNIT_EXPECT_EQ(test, s.Length, 0);
	KUNIT_EXPECT_EQ(test, s.MaximumLength, 0);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisInitializeString");
	NdisFreeString(s);
}

/* Lowercase units and their uppercase, one per block of the table. */
static const WCHAR upcase_pairs[][2] = {
	{ 's', 'S' }, { '1', '1' }, { '_', '_' },
	{ 0x00df, 0x00df },	/* sharp s: no one-unit uppercase */
	{ 0x00e4, 0x00c4 }, { 0x00ff, 0x0178 }, { 0x00b5, 0x039c },
	{ 0x0105, 0x0104 }, { 0x010d, 0x010c }, { 0x0104, 0x0104 }, { 0x0151, 0x0150 },
	{ 0x017e, 0x017d },
	{ 0x0131, 0x0131 }, { 0x017f, 0x017f },	/* their uppercase is ASCII */
	{ 0x03c3, 0x03a3 }, { 0x03c2, 0x03a3 }, { 0x03ac, 0x0386 }, { 0x03ce, 0x038f },
	{ 0x0436, 0x0416 }, { 0x0451, 0x0401 }, { 0x04cf, 0x04c0 }, { 0x0511, 0x0510 },
	{ 0x0561, 0x0531 }, { 0x1e01, 0x1e00 }, { 0x1ea1, 0x1ea0 }, { 0xff41, 0xff21 },
	{ 0xd83d, 0xd83d }, { 0xde00, 0xde00 },	/* U+1F600, a pair: unchanged */
};

static void upcase_maps_each_unit_to_its_simple_uppercase(struct kunit *test)
{
	WCHAR lower[ARRAY_SIZE(upcase_pairs)], upper[ARRAY_SIZE(upcase_pairs)];
	WCHAR buf[ARRAY_SIZE(upcase_pairs)];
	UNICODE_STRING src = { sizeof(lower), sizeof(lower), lower };
	UNICODE_STRING dst = { 0, sizeof(buf), buf };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(upcase_pairs); i++) {
		lower[i] = upcase_pairs[i][0];
		upper[i] = upcase_pairs[i][1];
	}
	KUNIT_ASSERT_EQ(test, NdisUpcaseUnicodeString(&dst, &src), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, dst.Length, src.Length);
	for (i = 0; i < ARRAY_SIZE(buf); i++)
		KUNIT_EXPECT_EQ_MSG(test, buf[i], upper[i], "unit %zu, U+%04x", i, lower[i]);

	/* In place, as the Rtl call allows. */
	KUNIT_ASSERT_EQ(test, RtlUpcaseUnicodeString(&src, &src, FALSE), STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, units_are(lower, upper, ARRAY_SIZE(upper)));
}

static void copy_truncates_to_the_destination(struct kunit *test)
{
	WCHAR buf[6];
	UNICODE_STRING dst = { 0, 8, buf };
	UNICODE_STRING src = RTL_CONSTANT_STRING(L"abcdef");

	memset(buf, GUARD_BYTE, sizeof(buf));
	RtlCopyUnicodeString(&dst, &src);
	KUNIT_EXPECT_EQ(test, dst.Length, 8);
	KUNIT_EXPECT_EQ(test, dst.MaximumLength, 8);
	KUNIT_EXPECT_PTR_EQ(test, dst.Buffer, &buf[0]);
	KUNIT_EXPECT_TRUE(test, units_are(buf, L"abcd", 4));
	KUNIT_EXPECT_EQ(test, buf[4], GUARD_UNIT);	/* no room: no terminator */

	dst.MaximumLength = sizeof(buf);
	src.Length = 4;
	RtlCopyUnicodeString(&dst, &src);
	KUNIT_EXPECT_EQ(test, dst.Length, 4);
	KUNIT_EXPECT_TRUE(test, units_are(buf, L"ab", 3));

	RtlCopyUnicodeString(&dst, NULL);
	KUNIT_EXPECT_EQ(test, dst.Length, 0);
}

static ULONG integer_of(struct kunit *test, const WCHAR *text, ULONG base)
{
	UNICODE_STRING s;
	ULONG value = 0xdead;

	RtlInitUnicodeString(&s, text);
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringToInteger(&s, base, &value), STATUS_SUCCESS);
	return value;
}

static void integers_read_as_the_ddi_table_says(struct kunit *test)
{
	UNICODE_STRING empty = { 0, 0, NULL };
	ULONG value;

	KUNIT_EXPECT_EQ(test, integer_of(test, L"123", 10), 123U);
	KUNIT_EXPECT_EQ(test, integer_of(test, L"  -345", 10), (ULONG)-345);
	KUNIT_EXPECT_EQ(test, integer_of(test, L"xyz", 10), 0U);
	KUNIT_EXPECT_EQ(test, integer_of(test, L"   +678abc", 10), 678U);
	KUNIT_EXPECT_EQ(test, integer_of(test, L"   +678abc", 16), 6785724U);
	KUNIT_EXPECT_EQ(test, integer_of(test, L"007", 10), 7U);
	KUNIT_EXPECT_EQ(test, integer_of(test, L"789", 8), 7U);
	KUNIT_EXPECT_EQ(test, integer_of(test, L"FGH", 16), 15U);
	KUNIT_EXPECT_EQ(test, integer_of(test, L"      ", 10), 0U);
	KUNIT_EXPECT_EQ(test, integer_of(test, L"0x1F", 0), 31U);
	KUNIT_EXPECT_EQ(test, integer_of(test, L"0o17", 0), 15U);
	KUNIT_EXPECT_EQ(test, integer_of(test, L"0b101", 0), 5U);
	KUNIT_EXPECT_EQ(test, integer_of(test, L"42", 0), 42U);
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringToInteger(&empty, 10, &value),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringToInteger(&empty, 7, &value),
			STATUS_INVALID_PARAMETER);
}

/* What a call made at DISPATCH_LEVEL saw, checked back at PASSIVE_LEVEL. */
struct string_at_dispatch {
	NDIS_STRING made;
	UNICODE_STRING converted;
	NTSTATUS status;
	BOOLEAN equal;
};

static void string_calls_in_timer(void *arg)
{
	struct string_at_dispatch *d = arg;
	ANSI_STRING a;

	NdisInitAnsiString(&a, "in a timer");
	d->status = RtlAnsiStringToUnicodeString(&d->converted, &a, TRUE);
}

static void passive_calls_at_dispatch_are_reported_and_done(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_STRING want = NDIS_STRING_CONST("miniport");
	struct string_at_dispatch d = { };
	NDIS_SPIN_LOCK lock;
	unsigned int calls_after_init;
	KIRQL irql_after_init;

	/* Under a spin lock a sleeping allocation would splat (might_sleep). */
	NdisAllocateSpinLock(&lock);
	NdisAcquireSpinLock(&lock);
	NdisInitializeString(&d.made, (PUCHAR)"miniport");
	calls_after_init = r->calls;
	irql_after_init = r->irql;
	d.equal = NdisEqualString(&d.made, &want, TRUE);
	NdisReleaseSpinLock(&lock);

	KUNIT_EXPECT_EQ(test, calls_after_init, 1U);
	KUNIT_EXPECT_EQ(test, irql_after_init, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisEqualString");
	KUNIT_ASSERT_NOT_NULL(test, d.made.Buffer);
	KUNIT_EXPECT_TRUE(test, d.equal);
	NdisFreeString(d.made);

	ndis_kunit_in_timer(test, string_calls_in_timer, &d);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);
	KUNIT_EXPECT_STREQ(test, r->api, "RtlAnsiStringToUnicodeString");
	KUNIT_EXPECT_EQ(test, r->irql, DISPATCH_LEVEL);
	KUNIT_ASSERT_EQ(test, d.status, STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, d.converted.Length, 20);
	KUNIT_EXPECT_TRUE(test, units_are(d.converted.Buffer, L"in a timer", 11));
	RtlFreeUnicodeString(&d.converted);
}

static struct kunit_case ndis_string_cases[] = {
	KUNIT_CASE(constant_macros_count_bytes_without_the_terminator),
	KUNIT_CASE(init_from_null_is_empty_and_from_text_measures_it),
	KUNIT_CASE(equal_and_compare_with_and_without_case),
	KUNIT_CASE(conversions_round_trip_beyond_ascii),
	KUNIT_CASE(rtl_conversions_allocate_and_free),
	KUNIT_CASE(invalid_encodings_become_replacement_characters),
	KUNIT_CASE(a_short_destination_overflows_and_is_not_written),
	KUNIT_CASE(odd_lengths_and_missing_buffers_are_rejected),
	KUNIT_CASE(initialize_string_allocates_and_free_string_frees),
	KUNIT_CASE(upcase_maps_each_unit_to_its_simple_uppercase),
	KUNIT_CASE(copy_truncates_to_the_destination),
	KUNIT_CASE(integers_read_as_the_ddi_table_says),
	KUNIT_CASE(passive_calls_at_dispatch_are_reported_and_done),
	{}
};

static struct kunit_suite ndis_string_suite = {
	.name = "ndis_string",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_string_cases,
};

kunit_test_suite(ndis_string_suite);
