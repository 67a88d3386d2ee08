// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_config: the configuration calls on the store an administrator
 * fills through configfs.
 *
 * What is exercised: the view's own callbacks (mkdir, rmdir, a write to
 * "value", a read of "value" or "list") are called through ndis.ko's test
 * interface exactly as configfs calls them, on paths of directory names;
 * the VFS and configfs itself are not, and the integration script
 * 60-config.sh does that part with mkdir, echo and ndisctl. Then the DDI:
 * keywords read back through every kind of NdisHandle, integers in
 * decimal and hexadecimal, strings, multi-strings and bytes, missing
 * keywords, values that stay valid until the close (KASAN would see a use
 * after free, kmemleak a leak after the unload), writes read back and seen
 * in the view, network addresses good and bad, subkeys, the predefined
 * keywords, ndis_vmini honouring NetworkAddress, and bad handles, bad
 * arguments, calls at DISPATCH_LEVEL and a forgotten handle reported.
 */
#include <linux/completion.h>
#include <linux/etherdevice.h>
#include <linux/slab.h>

#include "../core/kunit_iface.h"
#include "../miniports/vmini/vmini_kunit.h"
#include "fake.h"

#define CFG_WAIT	(10 * HZ)
/* The longest value, in bytes of text: what docs/ABI/configfs-ndis promises. */
#define CFG_VALUE_MAX	4094

/* An NDIS_STRING of an ASCII name, in storage of its own. */
struct cfg_name {
	WCHAR buf[80];
	NDIS_STRING s;
};

static PNDIS_STRING cfg_name(struct cfg_name *n, const char *ascii)
{
	size_t i;

	for (i = 0; ascii[i] && i < ARRAY_SIZE(n->buf); i++)
		n->buf[i] = ascii[i];
	n->s.Buffer = n->buf;
	n->s.Length = i * sizeof(WCHAR);
	n->s.MaximumLength = sizeof(n->buf);
	return &n->s;
}

static void cfg_object(NDIS_CONFIGURATION_OBJECT *co, NDIS_HANDLE handle)
{
	memset(co, 0, sizeof(*co));
	ndis_object_header_init(&co->Header, NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT,
				NDIS_CONFIGURATION_OBJECT_REVISION_1,
				NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1);
	co->NdisHandle = handle;
}

static NDIS_HANDLE cfg_open(struct kunit *test, NDIS_HANDLE handle)
{
	NDIS_CONFIGURATION_OBJECT co;
	NDIS_HANDLE c = (NDIS_HANDLE)1;

	cfg_object(&co, handle);
	KUNIT_ASSERT_EQ(test, NdisOpenConfigurationEx(&co, &c), NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_NOT_NULL(test, c);
	return c;
}

static void cfg_forget_action(void *path)
{
	ndis_kunit_config_forget(path);
}

/* A registered fake protocol named @name, its key forgotten after the test. */
static NDIS_HANDLE cfg_protocol(struct kunit *test, const char *name)
{
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, name);

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, cfg_forget_action, fp->name), 0);
	return fp->handle;
}

/* mkdir -p @path; echo -n @value > @path/value */
static void cfg_set(struct kunit *test, const char *path, const char *value)
{
	ssize_t len = strlen(value);

	KUNIT_ASSERT_EQ(test, ndis_kunit_config_mkdir(path), 0);
	KUNIT_ASSERT_EQ(test, ndis_kunit_config_write(path, value, len), len);
}

static char *cfg_page(struct kunit *test)
{
	char *page = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, page);
	return page;
}

/* The view's "value" (or "list") of @path, as a string. */
static const char *cfg_view(struct kunit *test, const char *path, bool list)
{
	char *page = cfg_page(test);
	ssize_t n = ndis_kunit_config_read(path, list, page);

	KUNIT_ASSERT_GE(test, n, 0);
	page[n] = 0;
	return page;
}

static PNDIS_CONFIGURATION_PARAMETER cfg_read(NDIS_HANDLE c, const char *keyword,
					      NDIS_PARAMETER_TYPE type, NDIS_STATUS *status)
{
	PNDIS_CONFIGURATION_PARAMETER p = (PNDIS_CONFIGURATION_PARAMETER)1;
	struct cfg_name n;

	NdisReadConfiguration(status, &p, c, cfg_name(&n, keyword), type);
	return p;
}

static void cfg_write(struct kunit *test, NDIS_HANDLE c, const char *keyword,
		      NDIS_CONFIGURATION_PARAMETER *p, NDIS_STATUS expect)
{
	struct cfg_name n;
	NDIS_STATUS status;

	NdisWriteConfiguration(&status, c, cfg_name(&n, keyword), p);
	KUNIT_EXPECT_EQ_MSG(test, status, expect, "writing %s", keyword);
}

/* Whether @s holds exactly the ASCII (or Latin-1) text @want, terminated. */
static bool cfg_string_is(const NDIS_STRING *s, const char *want)
{
	size_t i, n = strlen(want);

	if (s->Length != n * sizeof(WCHAR) || s->MaximumLength != (n + 1) * sizeof(WCHAR))
		return false;
	for (i = 0; i < n; i++)
		if (s->Buffer[i] != (u8)want[i])
			return false;
	return !s->Buffer[n];
}

static void cfg_expect_string(struct kunit *test, NDIS_HANDLE c, const char *keyword,
			      const char *want)
{
	PNDIS_CONFIGURATION_PARAMETER p;
	NDIS_STATUS status;

	p = cfg_read(c, keyword, NdisParameterString, &status);
	KUNIT_ASSERT_EQ_MSG(test, status, NDIS_STATUS_SUCCESS, "reading %s", keyword);
	KUNIT_EXPECT_EQ(test, p->ParameterType, NdisParameterString);
	KUNIT_EXPECT_TRUE_MSG(test, cfg_string_is(&p->ParameterData.StringData, want),
			      "%s is not \"%s\"", keyword, want);
}

static void keyword_round_trip_through_the_view(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	PNDIS_CONFIGURATION_PARAMETER p, p2, p3;
	NDIS_HANDLE proto = cfg_protocol(test, "cfg-rt"), c;
	NDIS_STATUS status;

	cfg_set(test, "cfg-rt/Speed", "100\n");
	KUNIT_EXPECT_STREQ(test, cfg_view(test, "cfg-rt/Speed", false), "100\n");
	KUNIT_EXPECT_STREQ(test, cfg_view(test, "cfg-rt", true), "Speed=100\n");
	KUNIT_EXPECT_NOT_NULL(test, strstr(cfg_view(test, "", true), "cfg-rt/\n"));

	c = cfg_open(test, proto);
	p = cfg_read(c, "speed", NdisParameterInteger, &status);	/* any case */
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, p->ParameterType, NdisParameterInteger);
	KUNIT_EXPECT_EQ(test, p->ParameterData.IntegerData, 100U);

	/* The administrator changes it: the next read sees it, the last one stays. */
	cfg_set(test, "cfg-rt/Speed", "200");
	KUNIT_EXPECT_STREQ(test, cfg_view(test, "cfg-rt/Speed", false), "200\n");
	p2 = cfg_read(c, "SPEED", NdisParameterInteger, &status);
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, p2->ParameterData.IntegerData, 200U);
	KUNIT_EXPECT_EQ(test, p->ParameterData.IntegerData, 100U);

	/* rmdir: the keyword is gone. */
	KUNIT_EXPECT_EQ(test, ndis_kunit_config_rmdir("cfg-rt/Speed"), 0);
	p3 = cfg_read(c, "Speed", NdisParameterInteger, &status);
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_NULL(test, p3);
	KUNIT_EXPECT_STREQ(test, cfg_view(test, "cfg-rt", true), "");
	KUNIT_EXPECT_EQ(test, p2->ParameterData.IntegerData, 200U);
	NdisCloseConfiguration(c);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void integers_decimal_and_hex(struct kunit *test)
{
	static const struct {
		const char *text;
		NDIS_PARAMETER_TYPE type;
		bool ok;
		ULONG value;
	} cases[] = {
		{ "42", NdisParameterInteger, true, 42 },
		{ " 7\t", NdisParameterInteger, true, 7 },
		{ "+5", NdisParameterInteger, true, 5 },
		{ "007", NdisParameterInteger, true, 7 },
		{ "-1", NdisParameterInteger, true, 0xffffffff },
		{ "-2147483648", NdisParameterInteger, true, 0x80000000 },
		{ "4294967295", NdisParameterInteger, true, 0xffffffff },
		{ "4294967296", NdisParameterInteger, false, 0 },
		{ "-2147483649", NdisParameterInteger, false, 0 },
		{ "0x10", NdisParameterInteger, false, 0 },
		{ "1f", NdisParameterInteger, false, 0 },
		{ "12abc", NdisParameterInteger, false, 0 },
		{ "--1", NdisParameterInteger, false, 0 },
		{ "", NdisParameterInteger, false, 0 },
		{ "1 2", NdisParameterInteger, false, 0 },
		{ "1f", NdisParameterHexInteger, true, 0x1f },
		{ "10", NdisParameterHexInteger, true, 0x10 },
		{ "0x1F", NdisParameterHexInteger, true, 0x1f },
		{ " ffffffff ", NdisParameterHexInteger, true, 0xffffffff },
		{ "100000000", NdisParameterHexInteger, false, 0 },
		{ "-1", NdisParameterHexInteger, false, 0 },
		{ "g", NdisParameterHexInteger, false, 0 },
	};
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE c = cfg_open(test, cfg_protocol(test, "cfg-int"));
	PNDIS_CONFIGURATION_PARAMETER p;
	NDIS_STATUS status, want;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		cfg_set(test, "cfg-int/N", cases[i].text);
		p = cfg_read(c, "N", cases[i].type, &status);
		want = NDIS_STATUS_FAILURE;
		if (cases[i].ok)
			want = NDIS_STATUS_SUCCESS;
		KUNIT_EXPECT_EQ_MSG(test, status, want, "\"%s\" as type %d", cases[i].text,
				    cases[i].type);
		if (!cases[i].ok) {
			KUNIT_EXPECT_NULL(test, p);
			continue;
		}
		KUNIT_ASSERT_NOT_NULL(test, p);
		/* A hexadecimal read comes back as NdisParameterInteger. */
		KUNIT_EXPECT_EQ(test, p->ParameterType, NdisParameterInteger);
		KUNIT_EXPECT_EQ_MSG(test, p->ParameterData.IntegerData, cases[i].value,
				    "\"%s\"", cases[i].text);
	}
	NdisCloseConfiguration(c);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void strings_multi_strings_and_bytes(struct kunit *test)
{
	static const WCHAR multi[] = { 'a', 0, 'b', 'c', 0, 'd', 0, 0 };
	static const u8 bytes[] = { 0x01, 0x02, 0xab, 0xff, 0x10 };
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE c = cfg_open(test, cfg_protocol(test, "cfg-str"));
	PNDIS_CONFIGURATION_PARAMETER p;
	const NDIS_STRING *s;
	NDIS_STATUS status;

	cfg_set(test, "cfg-str/S", "h\xc3\xa9llo\n");	/* UTF-8 in the view */
	cfg_expect_string(test, c, "S", "h\xe9llo");	/* UTF-16 to the driver */

	cfg_set(test, "cfg-str/Empty", "\n");
	cfg_expect_string(test, c, "Empty", "");

	/* One string per line; an empty line is no string. */
	cfg_set(test, "cfg-str/M", "a\nbc\n\nd\n");
	p = cfg_read(c, "M", NdisParameterMultiString, &status);
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, p->ParameterType, NdisParameterMultiString);
	s = &p->ParameterData.StringData;
	KUNIT_EXPECT_EQ(test, s->Length, sizeof(multi) - sizeof(WCHAR));
	KUNIT_EXPECT_EQ(test, s->MaximumLength, sizeof(multi));
	KUNIT_EXPECT_MEMEQ(test, s->Buffer, multi, sizeof(multi));

	cfg_set(test, "cfg-str/B", "01 02-ab:FF,10");
	p = cfg_read(c, "B", NdisParameterBinary, &status);
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, p->ParameterType, NdisParameterBinary);
	KUNIT_ASSERT_EQ(test, p->ParameterData.BinaryData.Length, sizeof(bytes));
	KUNIT_EXPECT_MEMEQ(test, p->ParameterData.BinaryData.Buffer, bytes, sizeof(bytes));

	cfg_set(test, "cfg-str/B", "0102AB");
	p = cfg_read(c, "B", NdisParameterBinary, &status);
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, p->ParameterData.BinaryData.Length, 3);
	KUNIT_EXPECT_MEMEQ(test, p->ParameterData.BinaryData.Buffer, bytes, 3);

	cfg_set(test, "cfg-str/B", "");
	p = cfg_read(c, "B", NdisParameterBinary, &status);
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, p->ParameterData.BinaryData.Length, 0);

	cfg_set(test, "cfg-str/B", "0g");
	KUNIT_EXPECT_NULL(test, cfg_read(c, "B", NdisParameterBinary, &status));
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);
	cfg_set(test, "cfg-str/B", "123");	/* half a byte */
	KUNIT_EXPECT_NULL(test, cfg_read(c, "B", NdisParameterBinary, &status));
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);

	/* One text, read as whatever the driver asks. */
	cfg_set(test, "cfg-str/Any", "12");
	cfg_expect_string(test, c, "Any", "12");
	p = cfg_read(c, "Any", NdisParameterHexInteger, &status);
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, p->ParameterData.IntegerData, 0x12U);
	NdisCloseConfiguration(c);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void missing_keywords_and_keys(struct kunit *test)
{
	static WCHAR nul[] = { 'A', 0, 'B' };
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE c = cfg_open(test, cfg_protocol(test, "cfg-miss"));
	PNDIS_CONFIGURATION_PARAMETER p;
	NDIS_STRING odd, empty = { 0, 0, NULL };
	NDIS_STATUS status;
	UINT len = 7;
	PVOID addr;

	/* No directory at all: the handle opens, and nothing is found. */
	KUNIT_EXPECT_NULL(test, cfg_read(c, "Anything", NdisParameterString, &status));
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);
	NdisReadNetworkAddress(&status, &addr, &len, c);
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_NULL(test, addr);
	KUNIT_EXPECT_EQ(test, len, 0U);

	/* A directory without a value is a key, not a keyword. */
	KUNIT_ASSERT_EQ(test, ndis_kunit_config_mkdir("cfg-miss/Key"), 0);
	KUNIT_EXPECT_STREQ(test, cfg_view(test, "cfg-miss/Key", false), "");
	KUNIT_EXPECT_NULL(test, cfg_read(c, "Key", NdisParameterString, &status));
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);

	/* Names no key can have are simply not found. */
	p = (PNDIS_CONFIGURATION_PARAMETER)1;
	NdisReadConfiguration(&status, &p, c, &empty, NdisParameterString);
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_NULL(test, p);
	odd.Buffer = nul;
	odd.Length = sizeof(nul);
	odd.MaximumLength = sizeof(nul);
	NdisReadConfiguration(&status, &p, c, &odd, NdisParameterString);
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);

	/* A malformed NDIS_STRING is a driver's bug: reported. */
	odd.Length = 3;
	NdisReadConfiguration(&status, &p, c, &odd, NdisParameterString);
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisReadConfiguration");
	NdisCloseConfiguration(c);
}

/*
 * Everything a read returns stays as it was until the close, whatever
 * happens to the store meanwhile; the close frees it (kmemleak checks
 * after the unload, KASAN any touch of freed memory).
 */
static void values_stay_until_the_close(struct kunit *test)
{
	static const u8 dead[] = { 0xde, 0xad, 0xbe, 0xef };
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE c = cfg_open(test, cfg_protocol(test, "cfg-life"));
	PNDIS_CONFIGURATION_PARAMETER s[16], b, i;
	NDIS_STATUS status;
	unsigned int n;

	cfg_set(test, "cfg-life/S", "stay");
	cfg_set(test, "cfg-life/B", "de ad be ef");
	cfg_set(test, "cfg-life/I", "9");
	for (n = 0; n < ARRAY_SIZE(s); n++) {
		s[n] = cfg_read(c, "S", NdisParameterString, &status);
		KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
		if (n)
			KUNIT_EXPECT_PTR_NE(test, s[n], s[n - 1]);	/* each read its own */
	}
	b = cfg_read(c, "B", NdisParameterBinary, &status);
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
	i = cfg_read(c, "I", NdisParameterInteger, &status);
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);

	cfg_set(test, "cfg-life/S", "changed");
	KUNIT_ASSERT_EQ(test, ndis_kunit_config_forget("cfg-life"), 0);
	for (n = 0; n < ARRAY_SIZE(s); n++)
		KUNIT_EXPECT_TRUE(test, cfg_string_is(&s[n]->ParameterData.StringData, "stay"));
	KUNIT_EXPECT_MEMEQ(test, b->ParameterData.BinaryData.Buffer, dead, sizeof(dead));
	KUNIT_EXPECT_EQ(test, i->ParameterData.IntegerData, 9U);
	NdisCloseConfiguration(c);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);

	/* The handle died with the close. */
	KUNIT_EXPECT_NULL(test, cfg_read(c, "S", NdisParameterString, &status));
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
}

static void writes_read_back_and_show_in_the_view(struct kunit *test)
{
	static WCHAR word[] = { 'w', 0xf6, 'r', 'd' };
	static WCHAR multi[] = { 'o', 'n', 'e', 0, 't', 'w', 'o', 0, 0 };
	static u8 bytes[] = { 1, 2, 3 };
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE c = cfg_open(test, cfg_protocol(test, "cfg-w"));
	NDIS_CONFIGURATION_PARAMETER w = {};
	PNDIS_CONFIGURATION_PARAMETER p;
	NDIS_STATUS status;
	char *big;

	w.ParameterType = NdisParameterInteger;
	w.ParameterData.IntegerData = 1234;
	cfg_write(test, c, "Int", &w, NDIS_STATUS_SUCCESS);
	w.ParameterType = NdisParameterHexInteger;
	w.ParameterData.IntegerData = 0xbeef;
	cfg_write(test, c, "Hex", &w, NDIS_STATUS_SUCCESS);
	w.ParameterType = NdisParameterString;
	w.ParameterData.StringData.Buffer = word;
	w.ParameterData.StringData.Length = sizeof(word);
	w.ParameterData.StringData.MaximumLength = sizeof(word);
	cfg_write(test, c, "Str", &w, NDIS_STATUS_SUCCESS);
	w.ParameterType = NdisParameterMultiString;
	w.ParameterData.StringData.Buffer = multi;
	w.ParameterData.StringData.Length = sizeof(multi) - sizeof(WCHAR);
	w.ParameterData.StringData.MaximumLength = sizeof(multi);
	cfg_write(test, c, "Multi", &w, NDIS_STATUS_SUCCESS);
	w.ParameterType = NdisParameterBinary;
	w.ParameterData.BinaryData.Buffer = bytes;
	w.ParameterData.BinaryData.Length = sizeof(bytes);
	cfg_write(test, c, "Bin", &w, NDIS_STATUS_SUCCESS);

	p = cfg_read(c, "int", NdisParameterInteger, &status);
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, p->ParameterData.IntegerData, 1234U);
	p = cfg_read(c, "hex", NdisParameterHexInteger, &status);
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, p->ParameterData.IntegerData, 0xbeefU);
	cfg_expect_string(test, c, "str", "w\xf6rd");
	p = cfg_read(c, "multi", NdisParameterMultiString, &status);
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, p->ParameterData.StringData.Length, sizeof(multi) - sizeof(WCHAR));
	KUNIT_EXPECT_MEMEQ(test, p->ParameterData.StringData.Buffer, multi, sizeof(multi));
	p = cfg_read(c, "bin", NdisParameterBinary, &status);
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_EQ(test, p->ParameterData.BinaryData.Length, sizeof(bytes));
	KUNIT_EXPECT_MEMEQ(test, p->ParameterData.BinaryData.Buffer, bytes, sizeof(bytes));

	/*
	 * The driver made the key and its keywords without directories:
	 * mkdir adopts the key, whose list shows them all as text.
	 */
	KUNIT_EXPECT_EQ(test, ndis_kunit_config_read("cfg-w", true, cfg_page(test)), -ENOENT);
	KUNIT_EXPECT_NOT_NULL(test, strstr(cfg_view(test, "", true), "cfg-w/\n"));
	KUNIT_ASSERT_EQ(test, ndis_kunit_config_mkdir("cfg-w"), 0);
	KUNIT_EXPECT_STREQ(test, cfg_view(test, "cfg-w", true),
			   "Bin=01 02 03\nHex=beef\nInt=1234\nMulti=one\\ntwo\nStr=w\xc3\xb6rd\n");
	KUNIT_ASSERT_EQ(test, ndis_kunit_config_mkdir("cfg-w/int"), 0);	/* adopted */
	KUNIT_EXPECT_STREQ(test, cfg_view(test, "cfg-w/int", false), "1234\n");
	KUNIT_EXPECT_STREQ(test, cfg_view(test, "cfg-w", true),
			   "Bin=01 02 03\nHex=beef\nint=1234\nMulti=one\\ntwo\nStr=w\xc3\xb6rd\n");

	/* A write shows at once in the keyword's directory, and the other way. */
	w.ParameterType = NdisParameterInteger;
	w.ParameterData.IntegerData = 5;
	cfg_write(test, c, "INT", &w, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_STREQ(test, cfg_view(test, "cfg-w/int", false), "5\n");
	cfg_set(test, "cfg-w/int", "77\n");
	p = cfg_read(c, "Int", NdisParameterInteger, &status);
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, p->ParameterData.IntegerData, 77U);

	/* What cannot be written. */
	w.ParameterType = NdisParameterBinary + 1;
	cfg_write(test, c, "Odd", &w, NDIS_STATUS_NOT_SUPPORTED);
	big = kunit_kzalloc(test, CFG_VALUE_MAX + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, big);
	memset(big, 'x', CFG_VALUE_MAX);
	w.ParameterType = NdisParameterBinary;
	w.ParameterData.BinaryData.Buffer = big;
	w.ParameterData.BinaryData.Length = 2000;	/* 5999 bytes of text */
	cfg_write(test, c, "Big", &w, NDIS_STATUS_FAILURE);
	w.ParameterType = NdisParameterInteger;
	cfg_write(test, c, "a/b", &w, NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);

	/* A string with an odd Length is the driver's bug. */
	w.ParameterType = NdisParameterString;
	w.ParameterData.StringData.Buffer = word;
	w.ParameterData.StringData.Length = 3;
	cfg_write(test, c, "Str", &w, NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisWriteConfiguration");
	NdisCloseConfiguration(c);
}

static void network_address_good_and_bad(struct kunit *test)
{
	static const u8 want[] = { 0x02, 0x00, 0x5e, 0x10, 0x00, 0x01 };
	static const struct {
		const char *text;
		int len;	/* -1: refused */
	} cases[] = {
		{ "02-00-5E-10-00-01", 6 },
		{ "02:00:5e:10:00:01", 6 },
		{ "02005e100001", 6 },
		{ " 02005e100001\t", 6 },
		{ "0200", 2 },			/* NDIS does not check the length */
		{ "02-00-5e-10-00-0", -1 },	/* half a byte */
		{ "02 00 5e 10 00 01", -1 },	/* spaces are no separator here */
		{ "zz", -1 },
		{ "", -1 },
	};
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_miniport *mp = ndis_fake_miniport_register(test, "cfg-na-mp");
	NDIS_HANDLE adapter = ndis_fake_adapter_add(test, mp, "cfg-na-a"), c, d;
	PVOID addr, first = NULL;
	NDIS_STATUS status;
	UINT len;
	size_t i;

	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, cfg_forget_action, "cfg-na-mp"), 0);
	c = cfg_open(test, adapter);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		cfg_set(test, "cfg-na-mp/cfg-na-a/NetworkAddress", cases[i].text);
		NdisReadNetworkAddress(&status, &addr, &len, c);
		if (cases[i].len < 0) {
			KUNIT_EXPECT_EQ_MSG(test, status, NDIS_STATUS_FAILURE, "\"%s\"",
					    cases[i].text);
			KUNIT_EXPECT_NULL(test, addr);
			KUNIT_EXPECT_EQ(test, len, 0U);
			continue;
		}
		KUNIT_ASSERT_EQ_MSG(test, status, NDIS_STATUS_SUCCESS, "\"%s\"", cases[i].text);
		KUNIT_EXPECT_EQ(test, len, (UINT)cases[i].len);
		KUNIT_EXPECT_MEMEQ(test, addr, want, len);
		if (!first)
			first = addr;
	}
	/* The first address read is still there. */
	KUNIT_EXPECT_MEMEQ(test, first, want, sizeof(want));

	/* The driver's key is not the adapter's: nothing there. */
	d = cfg_open(test, mp->handle);
	NdisReadNetworkAddress(&status, &addr, &len, d);
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);
	NdisCloseConfiguration(d);

	KUNIT_EXPECT_EQ(test, ndis_kunit_config_rmdir("cfg-na-mp/cfg-na-a/NetworkAddress"), 0);
	NdisReadNetworkAddress(&status, &addr, &len, c);
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);
	NdisCloseConfiguration(c);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

/* A protocol whose bind handler reads its configuration, then declines. */
struct cfg_binder {
	const char *adapter;
	NDIS_STATUS by_context, by_params;	/* the opens */
	char who_context[16], who_params[16];	/* what "Who" said through each */
	NDIS_HANDLE bind_context;
	struct completion done;
};

static void cfg_binder_who(NDIS_HANDLE handle, NDIS_STATUS *opened, char *who, size_t size)
{
	NDIS_CONFIGURATION_OBJECT co;
	PNDIS_CONFIGURATION_PARAMETER p;
	NDIS_HANDLE c = NULL;
	NDIS_STRING kw = NDIS_STRING_CONST("Who");
	NDIS_STATUS status;
	size_t i, units;

	cfg_object(&co, handle);
	*opened = NdisOpenConfigurationEx(&co, &c);
	if (*opened != NDIS_STATUS_SUCCESS)
		return;
	NdisReadConfiguration(&status, &p, c, &kw, NdisParameterString);
	units = status == NDIS_STATUS_SUCCESS ? p->ParameterData.StringData.Length / 2 : 0;
	for (i = 0; i < units && i + 1 < size; i++)
		who[i] = p->ParameterData.StringData.Buffer[i];
	NdisCloseConfiguration(c);
}

static NDIS_STATUS cfg_binder_bind(NDIS_HANDLE ctx, NDIS_HANDLE bind_context,
				   PNDIS_BIND_PARAMETERS params)
{
	struct cfg_binder *b = ctx;
	char name[NDIS_FAKE_NAME];
	ANSI_STRING as = { 0, sizeof(name), name };

	if (!NT_SUCCESS(RtlUnicodeStringToAnsiString(&as, params->AdapterName, FALSE)) ||
	    strcmp(name, b->adapter))
		return NDIS_STATUS_NOT_SUPPORTED;
	cfg_binder_who(bind_context, &b->by_context, b->who_context, sizeof(b->who_context));
	cfg_binder_who(params, &b->by_params, b->who_params, sizeof(b->who_params));
	b->bind_context = bind_context;
	complete(&b->done);
	return NDIS_STATUS_NOT_SUPPORTED;
}

static void each_handle_opens_its_key(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS chars;
	NDIS_CONFIGURATION_OBJECT co;
	struct ndis_fake_stack s;
	struct cfg_binder binder = { .adapter = "cfg-a-h" };
	NDIS_HANDLE c, proto;
	WCHAR wname[NDIS_FAKE_WNAME];

	ndis_fake_stack_setup(test, &s, "cfg", "h", 1);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, cfg_forget_action, "cfg-mp-h"), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, cfg_forget_action, "cfg-p0-h"), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, cfg_forget_action, "cfg-bind"), 0);
	cfg_set(test, "cfg-mp-h/Who", "driver");
	cfg_set(test, "cfg-mp-h/cfg-a-h/Who", "adapter");
	cfg_set(test, "cfg-p0-h/Who", "protocol");
	cfg_set(test, "cfg-p0-h/cfg-a-h/Who", "binding");
	cfg_set(test, "cfg-bind/cfg-a-h/Who", "bound");

	c = cfg_open(test, s.mp->handle);
	cfg_expect_string(test, c, "Who", "driver");
	NdisCloseConfiguration(c);
	c = cfg_open(test, s.adapter);
	cfg_expect_string(test, c, "Who", "adapter");
	NdisCloseConfiguration(c);
	c = cfg_open(test, s.fp[0]->handle);
	cfg_expect_string(test, c, "Who", "protocol");
	NdisCloseConfiguration(c);
	c = cfg_open(test, s.binding[0]);
	cfg_expect_string(test, c, "Who", "binding");
	NdisCloseConfiguration(c);

	/* Inside a bind: the BindContext and the BindParameters themselves. */
	init_completion(&binder.done);
	ndis_fake_protocol_chars(&chars, "cfg-bind", wname);
	chars.BindAdapterHandlerEx = cfg_binder_bind;
	KUNIT_ASSERT_EQ(test, NdisRegisterProtocolDriver(&binder, &chars, &proto),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&binder.done, CFG_WAIT) > 0);
	ndis_kunit_adapter_flush(s.adapter);
	NdisDeregisterProtocolDriver(proto);
	KUNIT_EXPECT_EQ(test, binder.by_context, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_STREQ(test, binder.who_context, "bound");
	KUNIT_EXPECT_EQ(test, binder.by_params, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_STREQ(test, binder.who_params, "bound");
	KUNIT_EXPECT_EQ(test, r->calls, 0U);

	/* Once the bind is over its BindContext opens nothing. */
	cfg_object(&co, binder.bind_context);
	KUNIT_EXPECT_EQ(test, NdisOpenConfigurationEx(&co, &c), NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisOpenConfigurationEx");
}

static void subkeys_by_name_and_by_index(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE c = cfg_open(test, cfg_protocol(test, "cfg-sub"));
	NDIS_HANDLE keys = NULL, a = NULL, b = NULL, x = (NDIS_HANDLE)1;
	WCHAR small[2], room[16];
	NDIS_STRING name;
	struct cfg_name n;
	NDIS_STATUS status;

	KUNIT_ASSERT_EQ(test, ndis_kunit_config_mkdir("cfg-sub/Keys/alpha"), 0);
	KUNIT_ASSERT_EQ(test, ndis_kunit_config_mkdir("cfg-sub/Keys/Beta"), 0);
	cfg_set(test, "cfg-sub/Keys/kw", "1");
	cfg_set(test, "cfg-sub/Keys/Beta/Inner", "in beta");

	NdisOpenConfigurationKeyByName(&status, c, cfg_name(&n, "keys"), &keys);
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);

	/* By index, in name order, keywords skipped; NDIS may own the name. */
	name.Buffer = NULL;
	name.Length = 0;
	name.MaximumLength = 0;
	NdisOpenConfigurationKeyByIndex(&status, keys, 0, &name, &a);
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, cfg_string_is(&name, "alpha"));
	name.Buffer = room;
	name.Length = 0;
	name.MaximumLength = sizeof(room);
	NdisOpenConfigurationKeyByIndex(&status, keys, 1, &name, &b);
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_PTR_EQ(test, name.Buffer, (PWSTR)room);
	KUNIT_EXPECT_EQ(test, name.Length, 4 * sizeof(WCHAR));
	KUNIT_EXPECT_EQ(test, room[0], 'B');
	KUNIT_EXPECT_EQ(test, room[4], 0);
	cfg_expect_string(test, b, "inner", "in beta");
	NdisOpenConfigurationKeyByIndex(&status, keys, 2, &name, &x);
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_NULL(test, x);
	name.Buffer = small;
	name.MaximumLength = sizeof(small);
	x = (NDIS_HANDLE)1;
	NdisOpenConfigurationKeyByIndex(&status, keys, 1, &name, &x);
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);	/* no room for "Beta" */
	KUNIT_EXPECT_NULL(test, x);
	NdisCloseConfiguration(b);
	NdisCloseConfiguration(a);

	/* By name, in any case; a keyword is not a key. */
	NdisOpenConfigurationKeyByName(&status, keys, cfg_name(&n, "BETA"), &b);
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
	cfg_expect_string(test, b, "Inner", "in beta");
	NdisCloseConfiguration(b);
	NdisOpenConfigurationKeyByName(&status, keys, cfg_name(&n, "KW"), &x);
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_NULL(test, x);
	NdisOpenConfigurationKeyByName(&status, c, cfg_name(&n, "nosuch"), &x);
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);

	/* A subkey handle lives on after its parent is closed. */
	NdisOpenConfigurationKeyByName(&status, keys, cfg_name(&n, "beta"), &b);
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
	NdisCloseConfiguration(keys);
	NdisCloseConfiguration(c);
	cfg_expect_string(test, b, "Inner", "in beta");
	NdisCloseConfiguration(b);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void predefined_keywords(struct kunit *test)
{
	NDIS_HANDLE c = cfg_open(test, cfg_protocol(test, "cfg-pre"));
	PNDIS_CONFIGURATION_PARAMETER p;
	NDIS_STATUS status;

	cfg_set(test, "cfg-pre/NdisVersion", "1");	/* predefined wins */
	p = cfg_read(c, "NdisVersion", NdisParameterString, &status);
	KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, p->ParameterType, NdisParameterInteger);
	KUNIT_EXPECT_EQ(test, p->ParameterData.IntegerData, 0x0006001EU);
	p = cfg_read(c, "processortype", NdisParameterInteger, &status);
	if (IS_ENABLED(CONFIG_X86_64)) {
		KUNIT_ASSERT_EQ(test, status, NDIS_STATUS_SUCCESS);
		KUNIT_EXPECT_EQ(test, p->ParameterData.IntegerData, (ULONG)NdisProcessorAmd64);
	}
	NdisCloseConfiguration(c);
}

static void shapes_and_values(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1,
			offsetof(NDIS_CONFIGURATION_OBJECT, Flags) + sizeof(ULONG));
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_CONFIGURATION_OBJECT, NdisHandle), 8UL);
	KUNIT_EXPECT_EQ(test, NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT, 0xA9);
	KUNIT_EXPECT_EQ(test, NDIS_CONFIG_FLAG_FILTER_INSTANCE_CONFIGURATION, 1);
	KUNIT_EXPECT_EQ(test, NdisParameterInteger, 0);
	KUNIT_EXPECT_EQ(test, NdisParameterHexInteger, 1);
	KUNIT_EXPECT_EQ(test, NdisParameterString, 2);
	KUNIT_EXPECT_EQ(test, NdisParameterMultiString, 3);
	KUNIT_EXPECT_EQ(test, NdisParameterBinary, 4);
	KUNIT_EXPECT_EQ(test, NdisProcessorAmd64, 4);
	KUNIT_EXPECT_EQ(test, NdisProcessorArm64, 7);
	KUNIT_EXPECT_EQ(test, offsetof(NDIS_CONFIGURATION_PARAMETER, ParameterData), 8UL);
	KUNIT_EXPECT_EQ(test, offsetof(BINARY_DATA, Buffer), 8UL);
	KUNIT_EXPECT_EQ(test, sizeof(((NDIS_CONFIGURATION_PARAMETER *)NULL)->ParameterData),
			sizeof(NDIS_STRING));
}

static void vmini_honours_network_address(struct kunit *test)
{
	static const u8 configured[] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };
	static const u8 permanent[] = { 0x02, 0x76, 0x6d, 0x00, 0x0f, 0xb1 };
	struct ndis_vmini_dev *vd;

	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, cfg_forget_action, "ndis_vmini"), 0);
	cfg_set(test, "ndis_vmini/vmini4017/NetworkAddress", "02-11-22-33-44-55");
	KUNIT_ASSERT_EQ(test, ndis_vmini_dev_new(4017, 0), 0);
	vd = ndis_vmini_dev_find(4017);
	KUNIT_ASSERT_NOT_NULL(test, vd);
	KUNIT_EXPECT_MEMEQ(test, vd->cur_mac, configured, ETH_ALEN);
	KUNIT_EXPECT_MEMEQ(test, vd->mac, permanent, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, ndis_vmini_dev_del(4017), 0);

	/* Not a unicast address: the permanent one stays current. */
	cfg_set(test, "ndis_vmini/vmini4017/NetworkAddress", "ff-ff-ff-ff-ff-ff");
	KUNIT_ASSERT_EQ(test, ndis_vmini_dev_new(4017, 0), 0);
	vd = ndis_vmini_dev_find(4017);
	KUNIT_ASSERT_NOT_NULL(test, vd);
	KUNIT_EXPECT_MEMEQ(test, vd->cur_mac, permanent, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, ndis_vmini_dev_del(4017), 0);
}

static void view_rules(struct kunit *test)
{
	static WCHAR x[] = { 'x' };
	struct ndis_kunit_reports *r = test->priv;
	NDIS_HANDLE c = cfg_open(test, cfg_protocol(test, "cfg-view"));
	NDIS_CONFIGURATION_PARAMETER w = {};
	const char *list;
	char *big, path[32];
	int i;

	KUNIT_ASSERT_EQ(test, ndis_kunit_config_mkdir("cfg-view/Name"), 0);
	KUNIT_EXPECT_EQ(test, ndis_kunit_config_mkdir("cfg-view/NAME"), -EEXIST);
	KUNIT_EXPECT_EQ(test, ndis_kunit_config_write("cfg-view/Name", "a\0b", 3), -EINVAL);
	KUNIT_EXPECT_EQ(test, ndis_kunit_config_rmdir("cfg-view"), -ENOTEMPTY);

	/* A keyword the driver wrote shows in the list; mkdir adopts it. */
	w.ParameterType = NdisParameterString;
	w.ParameterData.StringData.Buffer = x;
	w.ParameterData.StringData.Length = sizeof(x);
	w.ParameterData.StringData.MaximumLength = sizeof(x);
	cfg_write(test, c, "Hidden", &w, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_STREQ(test, cfg_view(test, "cfg-view", true), "Hidden=x\nName/\n");
	KUNIT_ASSERT_EQ(test, ndis_kunit_config_mkdir("cfg-view/hidden"), 0);
	KUNIT_EXPECT_STREQ(test, cfg_view(test, "cfg-view/hidden", false), "x\n");
	KUNIT_EXPECT_STREQ(test, cfg_view(test, "cfg-view", true), "hidden=x\nName/\n");

	/* Eight keys deep at most. */
	KUNIT_EXPECT_EQ(test, ndis_kunit_config_mkdir("cfg-view/1/2/3/4/5/6/7"), 0);
	KUNIT_EXPECT_EQ(test, ndis_kunit_config_mkdir("cfg-view/1/2/3/4/5/6/7/8"), -EMLINK);

	/* The longest value, with and without its newline. */
	big = kunit_kzalloc(test, CFG_VALUE_MAX + 2, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, big);
	memset(big, 'v', CFG_VALUE_MAX + 1);
	KUNIT_EXPECT_EQ(test, ndis_kunit_config_write("cfg-view/Name", big, CFG_VALUE_MAX + 1),
			-EINVAL);
	big[CFG_VALUE_MAX] = '\n';
	KUNIT_EXPECT_EQ(test, ndis_kunit_config_write("cfg-view/Name", big, CFG_VALUE_MAX + 1),
			CFG_VALUE_MAX + 1);
	KUNIT_EXPECT_EQ(test, ndis_kunit_config_read("cfg-view/Name", false, cfg_page(test)),
			CFG_VALUE_MAX + 1);

	/* Backslash and newline are escaped in a list; a long list is cut. */
	cfg_set(test, "cfg-view/Esc", "a\\b\nc\n");
	KUNIT_EXPECT_NOT_NULL(test, strstr(cfg_view(test, "cfg-view", true), "Esc=a\\\\b\\nc\n"));
	for (i = 0; i < 40; i++) {
		snprintf(path, sizeof(path), "cfg-view/Long%02d", i);
		KUNIT_ASSERT_EQ(test, ndis_kunit_config_mkdir(path), 0);
		KUNIT_ASSERT_EQ(test, ndis_kunit_config_write(path, big, 200), 200);
	}
	list = cfg_view(test, "cfg-view", true);
	KUNIT_EXPECT_LT(test, strlen(list), PAGE_SIZE);
	KUNIT_EXPECT_STREQ(test, list + strlen(list) - 4, "...\n");
	NdisCloseConfiguration(c);
	KUNIT_EXPECT_EQ(test, r->calls, 0U);
}

static void bad_handles_levels_and_forgotten_handles(struct kunit *test)
{
	struct ndis_kunit_reports *r = test->priv;
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "cfg-bad");
	PNDIS_CONFIGURATION_PARAMETER p;
	NDIS_CONFIGURATION_OBJECT co;
	NDIS_HANDLE c = (NDIS_HANDLE)1, leaked;
	NDIS_SPIN_LOCK lock;
	NDIS_STATUS status;
	struct cfg_name n;
	PVOID addr;
	UINT len;

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	cfg_object(&co, NULL);
	KUNIT_EXPECT_EQ(test, NdisOpenConfigurationEx(&co, &c), NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, r->calls, 1U);
	cfg_object(&co, fp->handle);
	co.Header.Size--;
	KUNIT_EXPECT_EQ(test, NdisOpenConfigurationEx(&co, &c), NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 2U);
	co.Header.Size++;
	co.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
	KUNIT_EXPECT_EQ(test, NdisOpenConfigurationEx(&co, &c), NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 3U);

	/* A driver handle is not a configuration handle. */
	NdisReadConfiguration(&status, &p, fp->handle, cfg_name(&n, "X"), NdisParameterString);
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 4U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisReadConfiguration");

	c = cfg_open(test, fp->handle);
	NdisReadConfiguration(&status, &p, c, cfg_name(&n, "X"), NdisParameterBinary + 1);
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 5U);

	/* PASSIVE_LEVEL only: at DISPATCH_LEVEL reported, and nothing done. */
	NdisAllocateSpinLock(&lock);
	NdisAcquireSpinLock(&lock);
	NdisReadConfiguration(&status, &p, c, cfg_name(&n, "X"), NdisParameterString);
	NdisReleaseSpinLock(&lock);
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 6U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisReadConfiguration");
	KUNIT_EXPECT_EQ(test, r->irql, DISPATCH_LEVEL);
	NdisAcquireSpinLock(&lock);
	NdisReadNetworkAddress(&status, &addr, &len, c);
	NdisReleaseSpinLock(&lock);
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 7U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisReadNetworkAddress");
	NdisAcquireSpinLock(&lock);
	NdisCloseConfiguration(c);		/* refused: the handle stays open */
	NdisReleaseSpinLock(&lock);
	KUNIT_EXPECT_EQ(test, r->calls, 8U);
	NdisReadConfiguration(&status, &p, c, cfg_name(&n, "X"), NdisParameterString);
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);	/* missing, not bad */
	KUNIT_EXPECT_EQ(test, r->calls, 8U);

	NdisCloseConfiguration(c);
	KUNIT_EXPECT_EQ(test, r->calls, 8U);
	NdisCloseConfiguration(c);		/* closed already */
	KUNIT_EXPECT_EQ(test, r->calls, 9U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisCloseConfiguration");

	/* A handle the driver forgets is reported and closed at deregistration. */
	leaked = cfg_open(test, fp->handle);
	ndis_fake_protocol_deregister(fp);
	KUNIT_EXPECT_EQ(test, r->calls, 10U);
	KUNIT_EXPECT_STREQ(test, r->api, "NdisCloseConfiguration");
	NdisReadConfiguration(&status, &p, leaked, cfg_name(&n, "X"), NdisParameterString);
	KUNIT_EXPECT_EQ(test, status, NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, r->calls, 11U);
}

static struct kunit_case ndis_config_cases[] = {
	KUNIT_CASE(keyword_round_trip_through_the_view),
	KUNIT_CASE(integers_decimal_and_hex),
	KUNIT_CASE(strings_multi_strings_and_bytes),
	KUNIT_CASE(missing_keywords_and_keys),
	KUNIT_CASE(values_stay_until_the_close),
	KUNIT_CASE(writes_read_back_and_show_in_the_view),
	KUNIT_CASE(network_address_good_and_bad),
	KUNIT_CASE(each_handle_opens_its_key),
	KUNIT_CASE(subkeys_by_name_and_by_index),
	KUNIT_CASE(predefined_keywords),
	KUNIT_CASE(shapes_and_values),
	KUNIT_CASE(vmini_honours_network_address),
	KUNIT_CASE(view_rules),
	KUNIT_CASE(bad_handles_levels_and_forgotten_handles),
	{}
};

static struct kunit_suite ndis_config_suite = {
	.name = "ndis_config",
	.init = ndis_kunit_reports_init,
	.exit = ndis_kunit_reports_exit,
	.test_cases = ndis_config_cases,
};

kunit_test_suite(ndis_config_suite);
