// SPDX-License-Identifier: GPL-2.0
/*
 * The configuration family of the NDIS interface (include/ndis/config.h):
 * configuration handles on the store of ../config.c, and the conversions
 * between its text and the DDI's typed values.
 *
 * A configuration handle is an object with a handle, owned by the driver
 * behind the NdisHandle it was opened with (as timers are), and names a key
 * by its path: <driver> for a miniport or protocol driver handle,
 * <driver>/<adapter> for a MiniportAdapterHandle, <protocol>/<adapter> for
 * a bind context, the BindParameters of a bind under way or an
 * NdisBindingHandle, and one more name per subkey opened below. The key
 * need not exist: reads then find nothing, and a write makes it.
 *
 * Everything a call hands back (NDIS_CONFIGURATION_PARAMETER and the
 * strings or bytes behind it, a network address, a subkey's name) belongs
 * to the handle and stays valid until NdisCloseConfiguration(), which
 * frees it all. A handle the driver forgets is reported and closed when
 * the driver deregisters.
 */
#include <linux/ctype.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <ndis/ndis.h>

#include "../binding.h"
#include "../config.h"
#include "../handle.h"
#include "../owned.h"
#include "../report.h"
#include "ddi.h"
#include "handle.h"
#include "header.h"
#include "text.h"

/**
 * struct ndis_cfg - a configuration handle
 * @own: its handle, reference count and owning driver
 * @lock: orders the calls on one handle (the DDI asks drivers to, and a
 *	driver that does not must not corrupt @results)
 * @closed: NdisCloseConfiguration() ran; under @lock
 * @results: what calls returned, freed at the close; under @lock
 * @path: the key; the names belong to the handle
 */
struct ndis_cfg {
	struct ndis_owned own;
	struct mutex lock;		/* @closed, @results */
	bool closed;
	struct list_head results;
	struct ndis_config_path path;
};

static_assert(offsetof(struct ndis_cfg, own) == 0);	/* for ndis_owned_new_for() */

/* One thing a call returned: a parameter and the units or bytes behind it. */
struct ndis_cfg_result {
	struct list_head node;
	NDIS_CONFIGURATION_PARAMETER param;
	u8 data[] __aligned(sizeof(void *));
};

#define ndis_cfg_of(o)	container_of(o, struct ndis_cfg, own.obj)

/* What the NetworkAddress keyword may hold: hexadecimal pairs, and these. */
#define NDIS_CFG_ADDRESS_SEPARATORS	"-:"
/* Between the pairs of a binary value. */
#define NDIS_CFG_BINARY_SEPARATORS	" \t-:,"

static const char ndis_cfg_string_rule[] =
	"an NDIS_STRING with an even Length and a Buffer holding it";

static void ndis_cfg_free_results(struct list_head *results)
{
	struct ndis_cfg_result *r, *tmp;

	list_for_each_entry_safe(r, tmp, results, node)
		kfree(r);
}

static void ndis_cfg_release(struct kobject *kobj)
{
	struct ndis_cfg *c = ndis_cfg_of(ndis_kobj_to_object(kobj));
	unsigned int i;

	ndis_owned_release(&c->own);
	ndis_cfg_free_results(&c->results);
	for (i = 0; i < c->path.depth; i++)
		kfree(c->path.name[i]);
	kfree_rcu(c, own.obj.rcu);
}

static const struct kobj_type ndis_cfg_ktype = {
	.release = ndis_cfg_release,
};

/*
 * Close @c: no handle, everything it returned freed, the allocation's
 * reference dropped. Return: false if it was closed already.
 */
static bool ndis_cfg_kill(struct ndis_cfg *c)
{
	LIST_HEAD(gone);
	bool was;

	mutex_lock(&c->lock);
	was = c->closed;
	c->closed = true;
	list_splice_init(&c->results, &gone);
	mutex_unlock(&c->lock);
	if (was)
		return false;
	ndis_cfg_free_results(&gone);
	ndis_handle_unregister(&c->own.obj);
	ndis_object_put(&c->own.obj);
	return true;
}

/* At the driver's deregistration: close @o if the driver did not. */
static void ndis_cfg_reclaim(struct ndis_owned *o)
{
	if (ndis_cfg_kill(ndis_cfg_of(&o->obj)))
		ndis_misuse("NdisCloseConfiguration",
			    "every configuration handle closed before its driver deregisters",
			    o->caller);
}

static struct ndis_cfg *ndis_cfg_get(NDIS_HANDLE handle, const char *api, unsigned long caller)
{
	struct ndis_object *obj = ndis_handle_get(handle, NDIS_HT_CONFIG, api, caller);

	return obj ? ndis_cfg_of(obj) : NULL;
}

static void ndis_cfg_put(struct ndis_cfg *c)
{
	ndis_object_put(&c->own.obj);
}

/*
 * A result of @c with @extra bytes of data, zeroed, kept until the close.
 * Return: NULL without memory or if @c was closed meanwhile.
 */
static struct ndis_cfg_result *ndis_cfg_keep(struct ndis_cfg *c, size_t extra)
{
	struct ndis_cfg_result *r = kzalloc(struct_size(r, data, extra), GFP_KERNEL);

	if (!r)
		return NULL;
	mutex_lock(&c->lock);
	if (c->closed) {
		kfree(r);
		r = NULL;
	} else {
		list_add_tail(&r->node, &c->results);
	}
	mutex_unlock(&c->lock);
	return r;
}

/*
 * A new handle of @owner's (referenced; the reference is consumed) on the
 * key @names[0..@depth). Return: NDIS_STATUS_SUCCESS with *@handle set.
 */
static NDIS_STATUS ndis_cfg_new(struct ndis_object *owner, struct ndis_owned_set *set,
				const char *const *names, unsigned int depth, PNDIS_HANDLE handle,
				const char *api, unsigned long caller)
{
	NDIS_STATUS status;
	struct ndis_cfg *c;
	unsigned int i;

	c = ndis_owned_new_for(owner, set, sizeof(*c), &ndis_cfg_ktype, ndis_cfg_reclaim,
			       PASSIVE_LEVEL, &status, api, caller);
	if (!c)
		return status;
	mutex_init(&c->lock);
	INIT_LIST_HEAD(&c->results);
	c->path.depth = depth;
	for (i = 0; i < depth; i++) {
		c->path.name[i] = kstrdup(names[i], GFP_KERNEL);
		if (!c->path.name[i]) {
			ndis_object_put(&c->own.obj);
			return NDIS_STATUS_RESOURCES;
		}
	}
	*handle = ndis_owned_publish(&c->own, NDIS_HT_CONFIG, PASSIVE_LEVEL);
	return *handle ? NDIS_STATUS_SUCCESS : NDIS_STATUS_RESOURCES;
}

/* The key a binding's handles open, and its protocol as the owner. RCU or a reference. */
static struct ndis_object *ndis_cfg_binding_key(struct ndis_binding *b,
						char names[][NDIS_NAME_MAX],
						struct ndis_owned_set **set)
{
	strscpy(names[0], b->protocol->name, NDIS_NAME_MAX);
	strscpy(names[1], b->adapter->name, NDIS_NAME_MAX);
	*set = &b->protocol->owned;
	return &b->protocol->obj;
}

/*
 * The driver behind an NdisHandle NdisOpenConfigurationEx() accepts, with
 * a reference, and the key it opens in @names (*@depth of them). Never
 * dereferences @handle. Return: NULL if @handle is none of them (or a bind
 * context or binding handle no longer live).
 */
static struct ndis_object *ndis_cfg_owner(NDIS_HANDLE handle, char names[][NDIS_NAME_MAX],
					  unsigned int *depth, struct ndis_owned_set **set)
{
	enum ndis_handle_type role = (unsigned long)handle & GENMASK(NDIS_HANDLE_TYPE_BITS - 1, 0);
	struct ndis_object *obj, *owner = NULL;
	struct ndis_miniport_driver *d;
	struct ndis_protocol *p;
	struct ndis_adapter *a;
	struct ndis_binding *b;
	unsigned long flags;
	bool live;

	rcu_read_lock();
	obj = ndis_handle_peek(handle, role);
	switch (obj ? role : NDIS_HT_NONE) {
	case NDIS_HT_MINIPORT_DRIVER:
		d = container_of(obj, struct ndis_miniport_driver, obj);
		strscpy(names[0], d->name, NDIS_NAME_MAX);
		*depth = 1;
		*set = &d->owned;
		owner = &d->obj;
		break;
	case NDIS_HT_ADAPTER:
		a = container_of(obj, struct ndis_adapter, obj);
		strscpy(names[0], a->driver->name, NDIS_NAME_MAX);
		strscpy(names[1], a->name, NDIS_NAME_MAX);
		*depth = 2;
		*set = &a->driver->owned;
		owner = &a->driver->obj;
		break;
	case NDIS_HT_PROTOCOL:
		p = container_of(obj, struct ndis_protocol, obj);
		strscpy(names[0], p->name, NDIS_NAME_MAX);
		*depth = 1;
		*set = &p->owned;
		owner = &p->obj;
		break;
	case NDIS_HT_BINDING:
	case NDIS_HT_BIND_CONTEXT:
		b = container_of(obj, struct ndis_binding, obj);
		spin_lock_irqsave(&b->lock, flags);
		live = role == NDIS_HT_BINDING ? b->handle_live : b->bind_ctx_live;
		spin_unlock_irqrestore(&b->lock, flags);
		if (live) {
			owner = ndis_cfg_binding_key(b, names, set);
			*depth = 2;
		}
		break;
	default:
		break;
	}
	if (owner && !kobject_get_unless_zero(&owner->kobj))
		owner = NULL;
	rcu_read_unlock();
	if (obj)
		return owner;

	/* Not a handle: perhaps the BindParameters of a bind under way. */
	b = ndis_binding_by_bind_params(handle);
	if (b) {
		owner = ndis_cfg_binding_key(b, names, set);
		*depth = 2;
		ndis_object_get(owner);
		ndis_object_put(&b->obj);
	}
	return owner;
}

/**
 * NdisOpenConfigurationEx() - open the configuration of a driver, adapter
 *	or binding
 * @ConfigObject: NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT, revision 1; its
 *	NdisHandle says what to open: a miniport or protocol driver handle
 *	opens the driver's key, a MiniportAdapterHandle the adapter's, a
 *	BindContext, the BindParameters of the bind under way or an
 *	NdisBindingHandle the binding's (<protocol>/<adapter>). Flags are
 *	accepted and change nothing: there are no filter drivers.
 * @ConfigurationHandle: receives the handle, NULL on failure
 *
 * The key need not exist yet: reads then find nothing, and a write makes
 * it. The handle belongs to the driver behind NdisHandle and stays
 * usable until NdisCloseConfiguration(); one still open when that driver
 * deregisters is reported and closed.
 *
 * Context: IRQL == PASSIVE_LEVEL.
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_RESOURCES without memory, or
 * NDIS_STATUS_FAILURE (reported) for a bad structure or handle, or a
 * driver that is deregistering.
 */
NDIS_STATUS NdisOpenConfigurationEx(PNDIS_CONFIGURATION_OBJECT ConfigObject,
				    PNDIS_HANDLE ConfigurationHandle)
{
	char names[2][NDIS_NAME_MAX];
	const char *name_ptrs[2] = { names[0], names[1] };
	struct ndis_owned_set *set;
	struct ndis_object *owner;
	unsigned int depth = 0;

	if (!ConfigurationHandle) {
		ndis_misuse(__func__, "a ConfigurationHandle to write to", _RET_IP_);
		return NDIS_STATUS_FAILURE;
	}
	*ConfigurationHandle = NULL;
	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return NDIS_STATUS_FAILURE;
	if (!ndis_header_ok(ConfigObject, &ndis_rev_config_object, __func__, _RET_IP_))
		return NDIS_STATUS_FAILURE;
	owner = ndis_cfg_owner(ConfigObject->NdisHandle, names, &depth, &set);
	if (!owner) {
		ndis_misuse(__func__,
			    "an NdisHandle of a driver, an adapter, a bind under way or a binding",
			    _RET_IP_);
		return NDIS_STATUS_FAILURE;
	}
	return ndis_cfg_new(owner, set, name_ptrs, depth, ConfigurationHandle, __func__,
			    _RET_IP_);
}
EXPORT_SYMBOL_NS_GPL(NdisOpenConfigurationEx, "NDIS");

/**
 * NdisCloseConfiguration() - close a configuration handle
 * @ConfigurationHandle: from NdisOpenConfigurationEx() or a subkey call;
 *	dead after the call
 *
 * Frees everything the calls on the handle returned: parameters, their
 * strings and bytes, network addresses, subkey names. Subkey handles
 * opened from it stay open until closed themselves.
 *
 * Context: IRQL == PASSIVE_LEVEL.
 */
void NdisCloseConfiguration(NDIS_HANDLE ConfigurationHandle)
{
	struct ndis_cfg *c;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return;
	c = ndis_cfg_get(ConfigurationHandle, __func__, _RET_IP_);
	if (!c)
		return;
	if (!ndis_cfg_kill(c))
		ndis_misuse(__func__, "a configuration handle closed once", _RET_IP_);
	ndis_cfg_put(c);
}
EXPORT_SYMBOL_NS_GPL(NdisCloseConfiguration, "NDIS");

/*
 * A driver's counted name as UTF-8, to kfree(). Return: NULL after a
 * report for a malformed string; ERR_PTR(-ENOENT) for a name no key can
 * have (empty, or with a NUL); ERR_PTR(-ENOMEM).
 */
static char *ndis_cfg_name(PCUNICODE_STRING s, const char *api, unsigned long caller)
{
	size_t units, bytes;
	char *name;

	if (!s || (s->Length & 1) || (!s->Buffer && s->Length)) {
		ndis_misuse(api, ndis_cfg_string_rule, caller);
		return NULL;
	}
	units = s->Length / sizeof(WCHAR);
	bytes = ndis_utf16_to_utf8(s->Buffer, units, NULL);
	if (!bytes || bytes > NDIS_CONFIG_NAME_MAX)
		return ERR_PTR(-ENOENT);
	name = kmalloc(bytes + 1, GFP_KERNEL);
	if (!name)
		return ERR_PTR(-ENOMEM);
	ndis_utf16_to_utf8(s->Buffer, units, name);
	name[bytes] = 0;
	if (strlen(name) != bytes) {
		kfree(name);
		return ERR_PTR(-ENOENT);
	}
	return name;
}

/* NDIS_STATUS for a failed store or name call. */
static NDIS_STATUS ndis_cfg_status(int err)
{
	return err == -ENOMEM ? NDIS_STATUS_RESOURCES : NDIS_STATUS_FAILURE;
}

/* The predefined keyword ProcessorType: false where the DDI has no value. */
static bool ndis_cfg_processor(ULONG *v)
{
	if (IS_ENABLED(CONFIG_X86_64))
		*v = NdisProcessorAmd64;
	else if (IS_ENABLED(CONFIG_X86_32))
		*v = NdisProcessorX86;
	else if (IS_ENABLED(CONFIG_ARM64))
		*v = NdisProcessorArm64;
	else if (IS_ENABLED(CONFIG_ARM))
		*v = NdisProcessorArm;
	else if (IS_ENABLED(CONFIG_PPC))
		*v = NdisProcessorPpc;
	else if (IS_ENABLED(CONFIG_MIPS))
		*v = NdisProcessorMips;
	else
		return false;
	return true;
}

/*
 * An integer from @text: white space around it; decimal with an optional
 * sign (a "-" gives the two's complement), or hexadecimal with an optional
 * "0x"; 32 bits. Return: false if that is not what the text holds.
 */
static bool ndis_cfg_parse_ulong(char *text, bool hex, ULONG *v)
{
	char *s = strim(text);
	bool negative = false;
	u32 n;

	if (!hex && (*s == '-' || *s == '+'))
		negative = *s++ == '-';
	if (!isxdigit(*s))
		return false;
	if (kstrtou32(s, hex ? 16 : 10, &n))
		return false;
	if (negative) {
		if (n > 0x80000000U)
			return false;
		n = -n;
	}
	*v = n;
	return true;
}

/* A hexadecimal digit's value, or -1. */
static int ndis_cfg_hex_digit(char ch)
{
	if (!isxdigit(ch))
		return -1;
	return isdigit(ch) ? ch - '0' : tolower(ch) - 'a' + 10;
}

/*
 * Bytes from hexadecimal pairs, which @seps may separate, into @out (NULL
 * to count). Return: how many, or -1 for anything else in @text.
 */
static int ndis_cfg_hex_bytes(const char *text, size_t len, const char *seps, u8 *out)
{
	size_t i = 0;
	int n = 0, hi, lo;

	while (i < len) {
		if (strchr(seps, text[i])) {
			i++;
			continue;
		}
		hi = ndis_cfg_hex_digit(text[i]);
		lo = i + 1 < len ? ndis_cfg_hex_digit(text[i + 1]) : -1;
		if (hi < 0 || lo < 0)
			return -1;
		if (out)
			out[n] = hi << 4 | lo;
		n++;
		i += 2;
	}
	return n;
}

/* An NdisParameterString (or one string of a multi-string) into @dst; the units. */
static size_t ndis_cfg_to_units(const char *text, size_t len, WCHAR *dst)
{
	return ndis_utf8_to_utf16((const u8 *)text, len, dst);
}

/* The value @text read as a @type, kept in @c. Return: an NDIS_STATUS. */
static NDIS_STATUS ndis_cfg_convert(struct ndis_cfg *c, char *text, size_t len,
				    NDIS_PARAMETER_TYPE type,
				    PNDIS_CONFIGURATION_PARAMETER *out)
{
	struct ndis_cfg_result *r;
	size_t units = 0, at, line;
	const char *eol;
	ULONG v;
	int n;

	switch (type) {
	case NdisParameterInteger:
	case NdisParameterHexInteger:
		if (!ndis_cfg_parse_ulong(text, type == NdisParameterHexInteger, &v))
			return NDIS_STATUS_FAILURE;
		r = ndis_cfg_keep(c, 0);
		if (!r)
			return NDIS_STATUS_RESOURCES;
		r->param.ParameterType = NdisParameterInteger;
		r->param.ParameterData.IntegerData = v;
		break;
	case NdisParameterString:
		units = ndis_cfg_to_units(text, len, NULL);
		r = ndis_cfg_keep(c, (units + 1) * sizeof(WCHAR));
		if (!r)
			return NDIS_STATUS_RESOURCES;
		ndis_cfg_to_units(text, len, (WCHAR *)r->data);
		r->param.ParameterType = NdisParameterString;
		r->param.ParameterData.StringData.Buffer = (PWSTR)r->data;
		r->param.ParameterData.StringData.Length = units * sizeof(WCHAR);
		r->param.ParameterData.StringData.MaximumLength = (units + 1) * sizeof(WCHAR);
		break;
	case NdisParameterMultiString:
		/* One string per line, each with its NUL, then one more NUL. */
		for (at = 0; at < len; at = line + 1) {
			eol = memchr(text + at, '\n', len - at);
			line = eol ? eol - text : len;
			if (line > at)
				units += ndis_cfg_to_units(text + at, line - at, NULL) + 1;
		}
		r = ndis_cfg_keep(c, (units + 1) * sizeof(WCHAR));
		if (!r)
			return NDIS_STATUS_RESOURCES;
		units = 0;
		for (at = 0; at < len; at = line + 1) {
			eol = memchr(text + at, '\n', len - at);
			line = eol ? eol - text : len;
			if (line > at)
				units += ndis_cfg_to_units(text + at, line - at,
							   (WCHAR *)r->data + units) + 1;
		}
		r->param.ParameterType = NdisParameterMultiString;
		r->param.ParameterData.StringData.Buffer = (PWSTR)r->data;
		r->param.ParameterData.StringData.Length = units * sizeof(WCHAR);
		r->param.ParameterData.StringData.MaximumLength = (units + 1) * sizeof(WCHAR);
		break;
	case NdisParameterBinary:
		n = ndis_cfg_hex_bytes(text, len, NDIS_CFG_BINARY_SEPARATORS, NULL);
		if (n < 0)
			return NDIS_STATUS_FAILURE;
		r = ndis_cfg_keep(c, n);
		if (!r)
			return NDIS_STATUS_RESOURCES;
		ndis_cfg_hex_bytes(text, len, NDIS_CFG_BINARY_SEPARATORS, r->data);
		r->param.ParameterType = NdisParameterBinary;
		r->param.ParameterData.BinaryData.Length = n;
		r->param.ParameterData.BinaryData.Buffer = n ? r->data : NULL;
		break;
	default:
		return NDIS_STATUS_FAILURE;
	}
	*out = &r->param;
	return NDIS_STATUS_SUCCESS;
}

/**
 * NdisReadConfiguration() - read a keyword of an open key
 * @Status: receives NDIS_STATUS_SUCCESS, NDIS_STATUS_FAILURE when the
 *	keyword is missing or its text is not a value of @ParameterType, or
 *	NDIS_STATUS_RESOURCES
 * @ParameterValue: receives the value, which NDIS owns until
 *	NdisCloseConfiguration(); NULL on failure
 * @ConfigurationHandle: from NdisOpenConfigurationEx() or a subkey call
 * @Keyword: the keyword's name, in any case; or a predefined one:
 *	"ProcessorType" (NDIS_PROCESSOR_TYPE of this machine) or
 *	"NdisVersion" (0xMMMMmmmm), both integers whatever is asked
 * @ParameterType: how to read the value's text: NdisParameterInteger
 *	(decimal, optional sign) or NdisParameterHexInteger (hexadecimal,
 *	optional "0x"), both 32 bits and returned as NdisParameterInteger;
 *	NdisParameterString; NdisParameterMultiString (one string per line,
 *	empty lines skipped); NdisParameterBinary (hexadecimal pairs, which
 *	spaces, "-", ":" or "," may separate)
 *
 * Windows ignores @ParameterType for a value stored typed; here every
 * value is text and @ParameterType says how to read it.
 *
 * Context: IRQL == PASSIVE_LEVEL.
 */
void NdisReadConfiguration(PNDIS_STATUS Status, PNDIS_CONFIGURATION_PARAMETER *ParameterValue,
			   NDIS_HANDLE ConfigurationHandle, PNDIS_STRING Keyword,
			   NDIS_PARAMETER_TYPE ParameterType)
{
	struct ndis_cfg_result *r;
	struct ndis_cfg *c;
	char *keyword, *text;
	size_t len;
	ULONG v;
	int err;

	if (!Status || !ParameterValue) {
		ndis_misuse(__func__, "a Status and a ParameterValue to write to", _RET_IP_);
		if (Status)
			*Status = NDIS_STATUS_FAILURE;
		return;
	}
	*ParameterValue = NULL;
	*Status = NDIS_STATUS_FAILURE;
	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return;
	if ((unsigned int)ParameterType > NdisParameterBinary) {
		ndis_misuse(__func__, "a ParameterType of NDIS_PARAMETER_TYPE", _RET_IP_);
		return;
	}
	c = ndis_cfg_get(ConfigurationHandle, __func__, _RET_IP_);
	if (!c)
		return;
	keyword = ndis_cfg_name(Keyword, __func__, _RET_IP_);
	if (IS_ERR_OR_NULL(keyword)) {
		if (IS_ERR(keyword))
			*Status = ndis_cfg_status(PTR_ERR(keyword));
		goto out;
	}

	if (!ndis_name_cmp(keyword, "NdisVersion") ||
	    (!ndis_name_cmp(keyword, "ProcessorType") && ndis_cfg_processor(&v))) {
		if (!ndis_name_cmp(keyword, "NdisVersion"))
			v = NdisGetVersion();
		r = ndis_cfg_keep(c, 0);
		if (!r) {
			*Status = NDIS_STATUS_RESOURCES;
		} else {
			r->param.ParameterType = NdisParameterInteger;
			r->param.ParameterData.IntegerData = v;
			*ParameterValue = &r->param;
			*Status = NDIS_STATUS_SUCCESS;
		}
		goto out_keyword;
	}

	err = ndis_config_get(&c->path, keyword, &text, &len);
	if (err) {
		*Status = ndis_cfg_status(err);
		goto out_keyword;
	}
	*Status = ndis_cfg_convert(c, text, len, ParameterType, ParameterValue);
	kfree(text);
out_keyword:
	kfree(keyword);
out:
	ndis_cfg_put(c);
}
EXPORT_SYMBOL_NS_GPL(NdisReadConfiguration, "NDIS");

/* Units before the first NUL of @units at @src. */
static size_t ndis_cfg_unit_len(const WCHAR *src, size_t units)
{
	size_t n = 0;

	while (n < units && src[n])
		n++;
	return n;
}

/* UTF-16 units as UTF-8 into @dst (NULL to count), up to the first NUL. Return: bytes. */
static size_t ndis_cfg_from_units(const WCHAR *src, size_t units, char *dst)
{
	return ndis_utf16_to_utf8(src, ndis_cfg_unit_len(src, units), (u8 *)dst);
}

/*
 * The text a parameter is kept as, to kfree(): the integers in decimal or
 * hexadecimal, strings as UTF-8 (up to a NUL), multi-strings one per line,
 * bytes as hexadecimal pairs. Return: NULL after a report, or
 * ERR_PTR(-EINVAL) for a type the DDI does not have, ERR_PTR(-ENOMEM).
 */
static char *ndis_cfg_text(const NDIS_CONFIGURATION_PARAMETER *p, size_t *len,
			   const char *api, unsigned long caller)
{
	const NDIS_STRING *s = &p->ParameterData.StringData;
	const BINARY_DATA *b = &p->ParameterData.BinaryData;
	size_t units, at, end, bytes = 0;
	const WCHAR *w;
	char *text;

	switch (p->ParameterType) {
	case NdisParameterInteger:
	case NdisParameterHexInteger:
		text = kasprintf(GFP_KERNEL,
				 p->ParameterType == NdisParameterInteger ? "%u" : "%x",
				 p->ParameterData.IntegerData);
		if (!text)
			return ERR_PTR(-ENOMEM);
		*len = strlen(text);
		return text;
	case NdisParameterString:
	case NdisParameterMultiString:
		if ((s->Length & 1) || (!s->Buffer && s->Length)) {
			ndis_misuse(api, ndis_cfg_string_rule, caller);
			return NULL;
		}
		units = s->Length / sizeof(WCHAR);
		w = s->Buffer;
		if (p->ParameterType == NdisParameterString) {
			bytes = ndis_cfg_from_units(w, units, NULL);
			text = kmalloc(bytes + 1, GFP_KERNEL);
			if (!text)
				return ERR_PTR(-ENOMEM);
			ndis_cfg_from_units(w, units, text);
			text[bytes] = 0;
			*len = bytes;
			return text;
		}
		/* NUL-separated strings up to an empty one: one per line. */
		for (at = 0; at < units && w[at]; at = end + 1) {
			end = at + ndis_cfg_unit_len(w + at, units - at);
			bytes += ndis_cfg_from_units(w + at, end - at, NULL) + 1;
		}
		text = kmalloc(bytes + 1, GFP_KERNEL);
		if (!text)
			return ERR_PTR(-ENOMEM);
		bytes = 0;
		for (at = 0; at < units && w[at]; at = end + 1) {
			end = at + ndis_cfg_unit_len(w + at, units - at);
			bytes += ndis_cfg_from_units(w + at, end - at, text + bytes);
			text[bytes++] = '\n';
		}
		if (bytes)
			bytes--;	/* no newline after the last */
		text[bytes] = 0;
		*len = bytes;
		return text;
	case NdisParameterBinary:
		if (!b->Buffer && b->Length) {
			ndis_misuse(api, "a BinaryData Buffer holding its Length", caller);
			return NULL;
		}
		text = kmalloc(b->Length * 3 + 1, GFP_KERNEL);
		if (!text)
			return ERR_PTR(-ENOMEM);
		for (at = 0; at < b->Length; at++)
			bytes += sprintf(text + bytes, at ? " %02x" : "%02x",
					 ((const u8 *)b->Buffer)[at]);
		text[bytes] = 0;
		*len = bytes;
		return text;
	default:
		return ERR_PTR(-EINVAL);
	}
}

/**
 * NdisWriteConfiguration() - set a keyword of an open key
 * @Status: receives NDIS_STATUS_SUCCESS, NDIS_STATUS_NOT_SUPPORTED for a
 *	ParameterType the DDI does not have, NDIS_STATUS_RESOURCES, or
 *	NDIS_STATUS_FAILURE when it cannot be written (a name no directory
 *	can have, a value over 4094 bytes of text, a key nested too deep)
 * @ConfigurationHandle: from NdisOpenConfigurationEx() or a subkey call
 * @Keyword: the keyword's name; an existing keyword of that name in any
 *	case is replaced, otherwise one is added (and the key, if missing)
 * @ParameterValue: the value, copied: integers are kept as decimal
 *	(NdisParameterInteger) or hexadecimal (NdisParameterHexInteger)
 *	text, strings as UTF-8 up to the first NUL, multi-strings one per
 *	line, bytes as hexadecimal pairs
 *
 * The value is in the store at once: a directory of the keyword shows it
 * in "value", and otherwise its key's "list" does (see config.h).
 *
 * Context: IRQL == PASSIVE_LEVEL.
 */
void NdisWriteConfiguration(PNDIS_STATUS Status, NDIS_HANDLE ConfigurationHandle,
			    PNDIS_STRING Keyword, PNDIS_CONFIGURATION_PARAMETER ParameterValue)
{
	char *keyword, *text;
	struct ndis_cfg *c;
	size_t len = 0;
	int err;

	if (!Status) {
		ndis_misuse(__func__, "a Status to write to", _RET_IP_);
		return;
	}
	*Status = NDIS_STATUS_FAILURE;
	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return;
	if (!ParameterValue) {
		ndis_misuse(__func__, "a ParameterValue", _RET_IP_);
		return;
	}
	c = ndis_cfg_get(ConfigurationHandle, __func__, _RET_IP_);
	if (!c)
		return;
	keyword = ndis_cfg_name(Keyword, __func__, _RET_IP_);
	if (IS_ERR_OR_NULL(keyword)) {
		if (IS_ERR(keyword))
			*Status = ndis_cfg_status(PTR_ERR(keyword));
		goto out;
	}
	text = ndis_cfg_text(ParameterValue, &len, __func__, _RET_IP_);
	if (IS_ERR_OR_NULL(text)) {
		if (text == ERR_PTR(-EINVAL))
			*Status = NDIS_STATUS_NOT_SUPPORTED;
		else if (IS_ERR(text))
			*Status = ndis_cfg_status(PTR_ERR(text));
		goto out_keyword;
	}
	err = ndis_config_set(&c->path, keyword, text, len);
	*Status = err ? ndis_cfg_status(err) : NDIS_STATUS_SUCCESS;
	kfree(text);
out_keyword:
	kfree(keyword);
out:
	ndis_cfg_put(c);
}
EXPORT_SYMBOL_NS_GPL(NdisWriteConfiguration, "NDIS");

#undef NdisReadNetworkAddress	/* the header's cast, for callers */

/**
 * NdisReadNetworkAddress() - read the address configured for an adapter
 * @Status: receives NDIS_STATUS_SUCCESS, or NDIS_STATUS_FAILURE when the
 *	keyword NetworkAddress is missing or is not hexadecimal pairs (which
 *	"-" or ":" may separate), or NDIS_STATUS_RESOURCES
 * @NetworkAddress: receives the bytes, which NDIS owns until
 *	NdisCloseConfiguration(); NULL on failure
 * @NetworkAddressLength: receives how many (up to
 *	NDIS_MAX_PHYS_ADDRESS_LENGTH); 0 on failure
 * @ConfigurationHandle: from NdisOpenConfigurationEx(), normally with a
 *	MiniportAdapterHandle
 *
 * Nothing says the bytes are a valid address of the right length: the
 * miniport checks them, as the DDI asks, and uses its own address if not.
 *
 * Context: IRQL == PASSIVE_LEVEL.
 */
void NdisReadNetworkAddress(PNDIS_STATUS Status, PVOID *NetworkAddress,
			    PUINT NetworkAddressLength, NDIS_HANDLE ConfigurationHandle)
{
	static const NDIS_STRING name = NDIS_STRING_CONST("NetworkAddress");
	struct ndis_cfg_result *r;
	char *keyword, *text, *s;
	struct ndis_cfg *c;
	size_t len;
	int err, n;

	if (!Status || !NetworkAddress || !NetworkAddressLength) {
		ndis_misuse(__func__, "a Status, a NetworkAddress and a NetworkAddressLength",
			    _RET_IP_);
		if (Status)
			*Status = NDIS_STATUS_FAILURE;
		return;
	}
	*NetworkAddress = NULL;
	*NetworkAddressLength = 0;
	*Status = NDIS_STATUS_FAILURE;
	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return;
	c = ndis_cfg_get(ConfigurationHandle, __func__, _RET_IP_);
	if (!c)
		return;
	keyword = ndis_cfg_name(&name, __func__, _RET_IP_);
	if (IS_ERR_OR_NULL(keyword)) {
		*Status = NDIS_STATUS_RESOURCES;
		goto out;
	}
	err = ndis_config_get(&c->path, keyword, &text, &len);
	kfree(keyword);
	if (err) {
		*Status = ndis_cfg_status(err);
		goto out;
	}
	s = strim(text);
	n = ndis_cfg_hex_bytes(s, strlen(s), NDIS_CFG_ADDRESS_SEPARATORS, NULL);
	if (n <= 0 || n > NDIS_MAX_PHYS_ADDRESS_LENGTH) {
		pr_notice("%s%s%s: NetworkAddress \"%s\" is not hexadecimal pairs: not used\n",
			  c->path.depth ? c->path.name[0] : "", c->path.depth > 1 ? "/" : "",
			  c->path.depth > 1 ? c->path.name[1] : "", s);
		goto out_text;
	}
	r = ndis_cfg_keep(c, n);
	if (!r) {
		*Status = NDIS_STATUS_RESOURCES;
		goto out_text;
	}
	ndis_cfg_hex_bytes(s, strlen(s), NDIS_CFG_ADDRESS_SEPARATORS, r->data);
	*NetworkAddress = r->data;
	*NetworkAddressLength = n;
	*Status = NDIS_STATUS_SUCCESS;
out_text:
	kfree(text);
out:
	ndis_cfg_put(c);
}
EXPORT_SYMBOL_NS_GPL(NdisReadNetworkAddress, "NDIS");

/*
 * A handle on @c's key plus @name, for the same driver. Return: an
 * NDIS_STATUS, with *@handle set on success.
 */
static NDIS_STATUS ndis_cfg_open_child(struct ndis_cfg *c, const char *name,
				       PNDIS_HANDLE handle, const char *api, unsigned long caller)
{
	const char *names[NDIS_CONFIG_DEPTH_MAX];
	unsigned int i;

	if (c->path.depth >= NDIS_CONFIG_DEPTH_MAX)
		return NDIS_STATUS_FAILURE;
	for (i = 0; i < c->path.depth; i++)
		names[i] = c->path.name[i];
	names[i] = name;
	ndis_object_get(c->own.owner);
	return ndis_cfg_new(c->own.owner, c->own.set, names, c->path.depth + 1, handle, api,
			    caller);
}

/**
 * NdisOpenConfigurationKeyByName() - open a key below an open one
 * @Status: receives NDIS_STATUS_SUCCESS, or NDIS_STATUS_FAILURE if there
 *	is no such key, or NDIS_STATUS_RESOURCES
 * @ConfigurationHandle: the open key
 * @SubKeyName: the key's name, in any case. A keyword (a directory with a
 *	value and nothing below it) is not a key.
 * @SubKeyHandle: receives a handle to close with NdisCloseConfiguration()
 *
 * Context: IRQL == PASSIVE_LEVEL (the DDI's "< DISPATCH_LEVEL").
 */
void NdisOpenConfigurationKeyByName(PNDIS_STATUS Status, NDIS_HANDLE ConfigurationHandle,
				    PNDIS_STRING SubKeyName, PNDIS_HANDLE SubKeyHandle)
{
	char *name, *found;
	struct ndis_cfg *c;
	int err;

	if (!Status || !SubKeyHandle) {
		ndis_misuse(__func__, "a Status and a SubKeyHandle to write to", _RET_IP_);
		if (Status)
			*Status = NDIS_STATUS_FAILURE;
		return;
	}
	*SubKeyHandle = NULL;
	*Status = NDIS_STATUS_FAILURE;
	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return;
	c = ndis_cfg_get(ConfigurationHandle, __func__, _RET_IP_);
	if (!c)
		return;
	name = ndis_cfg_name(SubKeyName, __func__, _RET_IP_);
	if (IS_ERR_OR_NULL(name)) {
		if (IS_ERR(name))
			*Status = ndis_cfg_status(PTR_ERR(name));
		goto out;
	}
	err = ndis_config_subkey(&c->path, name, &found);
	kfree(name);
	if (err) {
		*Status = ndis_cfg_status(err);
		goto out;
	}
	*Status = ndis_cfg_open_child(c, found, SubKeyHandle, __func__, _RET_IP_);
	kfree(found);
out:
	ndis_cfg_put(c);
}
EXPORT_SYMBOL_NS_GPL(NdisOpenConfigurationKeyByName, "NDIS");

/**
 * NdisOpenConfigurationKeyByIndex() - open the Nth key below an open one
 * @Status: receives NDIS_STATUS_SUCCESS, or NDIS_STATUS_FAILURE past the
 *	last key (or when @KeyName has no room), or NDIS_STATUS_RESOURCES
 * @ConfigurationHandle: the open key
 * @Index: 0 for the first key below it, in name order (keywords skipped)
 * @KeyName: receives the key's name. Into the caller's Buffer when it
 *	holds the name (terminated if there is room); with no Buffer and no
 *	MaximumLength, into a buffer NDIS owns until the new handle is
 *	closed.
 * @KeyHandle: receives a handle to close with NdisCloseConfiguration()
 *
 * Context: IRQL == PASSIVE_LEVEL (the DDI's "< DISPATCH_LEVEL").
 */
void NdisOpenConfigurationKeyByIndex(PNDIS_STATUS Status, NDIS_HANDLE ConfigurationHandle,
				     ULONG Index, PNDIS_STRING KeyName,
				     PNDIS_HANDLE KeyHandle)
{
	struct ndis_cfg_result *r;
	struct ndis_cfg *c, *sub;
	size_t units, bytes;
	PWSTR buffer;
	char *found;
	int err;

	if (!Status || !KeyName || !KeyHandle) {
		ndis_misuse(__func__, "a Status, a KeyName and a KeyHandle to write to", _RET_IP_);
		if (Status)
			*Status = NDIS_STATUS_FAILURE;
		return;
	}
	*KeyHandle = NULL;
	*Status = NDIS_STATUS_FAILURE;
	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return;
	c = ndis_cfg_get(ConfigurationHandle, __func__, _RET_IP_);
	if (!c)
		return;
	err = ndis_config_subkey_at(&c->path, Index, &found);
	if (err) {
		*Status = ndis_cfg_status(err);
		goto out;
	}
	*Status = ndis_cfg_open_child(c, found, KeyHandle, __func__, _RET_IP_);
	if (*Status != NDIS_STATUS_SUCCESS)
		goto out_found;

	bytes = strlen(found);
	units = ndis_utf8_to_utf16((const u8 *)found, bytes, NULL);
	buffer = KeyName->Buffer;
	if (!buffer && !KeyName->MaximumLength) {
		sub = ndis_cfg_get(*KeyHandle, __func__, _RET_IP_);
		r = sub ? ndis_cfg_keep(sub, (units + 1) * sizeof(WCHAR)) : NULL;
		if (sub)
			ndis_cfg_put(sub);
		if (!r) {
			*Status = NDIS_STATUS_RESOURCES;
			goto out_close;
		}
		buffer = (PWSTR)r->data;
		KeyName->MaximumLength = (units + 1) * sizeof(WCHAR);
	} else if (!buffer || KeyName->MaximumLength < units * sizeof(WCHAR)) {
		KeyName->Length = 0;
		*Status = NDIS_STATUS_FAILURE;
		goto out_close;
	}
	ndis_utf8_to_utf16((const u8 *)found, bytes, buffer);
	if (KeyName->MaximumLength >= (units + 1) * sizeof(WCHAR))
		buffer[units] = 0;
	KeyName->Buffer = buffer;
	KeyName->Length = units * sizeof(WCHAR);
	goto out_found;

out_close:
	NdisCloseConfiguration(*KeyHandle);
	*KeyHandle = NULL;
out_found:
	kfree(found);
out:
	ndis_cfg_put(c);
}
EXPORT_SYMBOL_NS_GPL(NdisOpenConfigurationKeyByIndex, "NDIS");
