// SPDX-License-Identifier: GPL-2.0
/*
 * The sysfs view under /sys/kernel/ndis (ABI: docs/ABI/sysfs-kernel-ndis):
 * status files, then one directory per miniport driver, adapter, protocol
 * and binding. One read-only value per file, except a protocol's "bind"
 * and "unbind", which take an adapter name (root only), the counterpart of
 * the driver core's bind/unbind files.
 *
 * Show functions take no ndis lock that is held while an object's sysfs
 * directory is removed, so removal never waits on a reader.
 */
#include <linux/kobject.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <uapi/ndis/version.h>

#include "adapter.h"
#include "binding.h"
#include "errorlog.h"
#include "ifstack.h"
#include "miniport.h"
#include "object.h"
#include "protocol.h"
#include "report.h"
#include "sysfs.h"
#include "totals.h"
#include "watch.h"

static struct kobject *ndis_kobj;
static struct kset *ndis_miniports_kset;
static struct kset *ndis_adapters_kset;
static struct kset *ndis_protocols_kset;
static struct kset *ndis_bindings_kset;

/* -- /sys/kernel/ndis: status ------------------------------------------- */

static ssize_t version_show(struct kobject *kobj, struct kobj_attribute *attr,
			    char *buf)
{
	return sysfs_emit(buf, "%s\n", NDIS_SHIM_VERSION);
}

static struct kobj_attribute ndis_attr_version = __ATTR_RO(version);

static ssize_t irql_violations_show(struct kobject *kobj,
				    struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%ld\n", ndis_irql_violation_count());
}

static struct kobj_attribute ndis_attr_irql_violations = __ATTR_RO(irql_violations);

static ssize_t irql_violation_sites_show(struct kobject *kobj,
					 struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%ld\n", ndis_irql_site_count());
}

static struct kobj_attribute ndis_attr_irql_violation_sites =
	__ATTR_RO(irql_violation_sites);

static ssize_t api_misuse_show(struct kobject *kobj, struct kobj_attribute *attr,
			       char *buf)
{
	return sysfs_emit(buf, "%ld\n", ndis_misuse_count());
}

static struct kobj_attribute ndis_attr_api_misuse = __ATTR_RO(api_misuse);

static ssize_t stuck_reports_show(struct kobject *kobj, struct kobj_attribute *attr,
				  char *buf)
{
	return sysfs_emit(buf, "%ld\n", ndis_watch_report_count());
}

static struct kobj_attribute ndis_attr_stuck_reports = __ATTR_RO(stuck_reports);

static ssize_t error_log_entries_show(struct kobject *kobj, struct kobj_attribute *attr,
				      char *buf)
{
	return sysfs_emit(buf, "%ld\n", ndis_error_log_count());
}

static struct kobj_attribute ndis_attr_error_log_entries = __ATTR_RO(error_log_entries);

static ssize_t totals_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	return ndis_totals_show(buf);
}

static struct kobj_attribute ndis_attr_totals = __ATTR_RO(totals);

static ssize_t if_stack_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	return ndis_if_stack_show(buf);
}

static struct kobj_attribute ndis_attr_if_stack = __ATTR_RO(if_stack);

static struct attribute *ndis_status_attrs[] = {
	&ndis_attr_version.attr,
	&ndis_attr_irql_violations.attr,
	&ndis_attr_irql_violation_sites.attr,
	&ndis_attr_api_misuse.attr,
	&ndis_attr_stuck_reports.attr,
	&ndis_attr_error_log_entries.attr,
	&ndis_attr_totals.attr,
	&ndis_attr_if_stack.attr,
	NULL,
};

static const struct attribute_group ndis_status_group = {
	.attrs = ndis_status_attrs,
};

/* -- objects ------------------------------------------------------------ */

static struct ndis_object *ndis_obj(struct kobject *kobj)
{
	return ndis_kobj_to_object(kobj);
}

#define ndis_to(type, kobj)	container_of(ndis_obj(kobj), type, obj)

static const char *const ndis_media[] = {
	[NdisMedium802_3] = "802_3", [NdisMedium802_5] = "802_5",
	[NdisMediumFddi] = "fddi", [NdisMediumWan] = "wan",
	[NdisMediumLocalTalk] = "localtalk", [NdisMediumDix] = "dix",
	[NdisMediumArcnetRaw] = "arcnet_raw", [NdisMediumArcnet878_2] = "arcnet_878_2",
	[NdisMediumAtm] = "atm", [NdisMediumWirelessWan] = "wireless_wan",
	[NdisMediumIrda] = "irda", [NdisMediumBpc] = "bpc", [NdisMediumCoWan] = "cowan",
	[NdisMedium1394] = "1394", [NdisMediumInfiniBand] = "infiniband",
	[NdisMediumTunnel] = "tunnel", [NdisMediumNative802_11] = "native_802_11",
	[NdisMediumLoopback] = "loopback", [NdisMediumWiMAX] = "wimax", [NdisMediumIP] = "ip",
};

static ssize_t ndis_show_mac(char *buf, const u8 *mac, unsigned int len)
{
	int n = 0, i;

	for (i = 0; i < len && i < NDIS_MAX_PHYS_ADDRESS_LENGTH; i++)
		n += sysfs_emit_at(buf, n, "%s%02x", i ? ":" : "", mac[i]);
	return n + sysfs_emit_at(buf, n, "\n");
}

static ssize_t ndis_object_show(struct kobject *kobj, struct attribute *attr, char *buf);
static ssize_t ndis_object_store(struct kobject *kobj, struct attribute *attr,
				 const char *buf, size_t len);

static const struct sysfs_ops ndis_object_sysfs_ops = {
	.show = ndis_object_show,
	.store = ndis_object_store,
};

/* One attribute of an object: how to show it and, rarely, to store it. */
struct ndis_attr {
	struct attribute attr;
	ssize_t (*show)(struct kobject *kobj, char *buf);
	ssize_t (*store)(struct kobject *kobj, const char *buf, size_t len);
};

#define NDIS_ATTR_RO(prefix, file) \
	static struct ndis_attr prefix##_attr_##file = { \
		.attr = { .name = __stringify(file), .mode = 0444 }, \
		.show = prefix##_##file##_show, \
	}

#define NDIS_ATTR_WO(prefix, file) \
	static struct ndis_attr prefix##_attr_##file = { \
		.attr = { .name = __stringify(file), .mode = 0200 }, \
		.store = prefix##_##file##_store, \
	}

static ssize_t ndis_object_show(struct kobject *kobj, struct attribute *attr, char *buf)
{
	struct ndis_attr *a = container_of(attr, struct ndis_attr, attr);

	return a->show ? a->show(kobj, buf) : -EIO;
}

static ssize_t ndis_object_store(struct kobject *kobj, struct attribute *attr,
				 const char *buf, size_t len)
{
	struct ndis_attr *a = container_of(attr, struct ndis_attr, attr);

	return a->store ? a->store(kobj, buf, len) : -EIO;
}

/* miniport drivers */

static ssize_t miniport_ndis_version_show(struct kobject *kobj, char *buf)
{
	struct ndis_miniport_driver *d = ndis_to(struct ndis_miniport_driver, kobj);

	return sysfs_emit(buf, "%u.%u\n", d->chars.MajorNdisVersion, d->chars.MinorNdisVersion);
}

NDIS_ATTR_RO(miniport, ndis_version);

static ssize_t miniport_driver_version_show(struct kobject *kobj, char *buf)
{
	struct ndis_miniport_driver *d = ndis_to(struct ndis_miniport_driver, kobj);

	return sysfs_emit(buf, "%u.%u\n", d->chars.MajorDriverVersion,
			  d->chars.MinorDriverVersion);
}

NDIS_ATTR_RO(miniport, driver_version);

static struct attribute *ndis_miniport_attrs[] = {
	&miniport_attr_ndis_version.attr,
	&miniport_attr_driver_version.attr,
	NULL,
};
ATTRIBUTE_GROUPS(ndis_miniport);

const struct kobj_type ndis_miniport_driver_ktype = {
	.release = ndis_miniport_driver_release,
	.sysfs_ops = &ndis_object_sysfs_ops,
	.default_groups = ndis_miniport_groups,
};

/* adapters */

static ssize_t adapter_miniport_show(struct kobject *kobj, char *buf)
{
	return sysfs_emit(buf, "%s\n", ndis_to(struct ndis_adapter, kobj)->driver->name);
}

NDIS_ATTR_RO(adapter, miniport);

static ssize_t adapter_state_show(struct kobject *kobj, char *buf)
{
	struct ndis_adapter *a = ndis_to(struct ndis_adapter, kobj);

	return sysfs_emit(buf, "%s\n", ndis_adapter_state_name(READ_ONCE(a->state)));
}

NDIS_ATTR_RO(adapter, state);

static ssize_t adapter_if_index_show(struct kobject *kobj, char *buf)
{
	return sysfs_emit(buf, "%u\n", ndis_to(struct ndis_adapter, kobj)->if_index);
}

NDIS_ATTR_RO(adapter, if_index);

static ssize_t adapter_medium_show(struct kobject *kobj, char *buf)
{
	NDIS_MEDIUM m = ndis_to(struct ndis_adapter, kobj)->mp.attrs.MediaType;

	return sysfs_emit(buf, "%s\n", m < NdisMediumMax ? ndis_media[m] : "?");
}

NDIS_ATTR_RO(adapter, medium);

static ssize_t adapter_mtu_show(struct kobject *kobj, char *buf)
{
	return sysfs_emit(buf, "%u\n", ndis_to(struct ndis_adapter, kobj)->mp.attrs.MtuSize);
}

NDIS_ATTR_RO(adapter, mtu);

static ssize_t adapter_mac_address_show(struct kobject *kobj, char *buf)
{
	struct ndis_adapter *a = ndis_to(struct ndis_adapter, kobj);
	UCHAR mac[NDIS_MAX_PHYS_ADDRESS_LENGTH];

	ndis_adapter_current_mac(a, mac, sizeof(mac));
	return ndis_show_mac(buf, mac, a->mp.attrs.MacAddressLength);
}

NDIS_ATTR_RO(adapter, mac_address);

static ssize_t adapter_permanent_address_show(struct kobject *kobj, char *buf)
{
	struct ndis_adapter *a = ndis_to(struct ndis_adapter, kobj);

	return ndis_show_mac(buf, a->mp.attrs.PermanentMacAddress, a->mp.attrs.MacAddressLength);
}

NDIS_ATTR_RO(adapter, permanent_address);

static ssize_t adapter_link_show(struct kobject *kobj, char *buf)
{
	static const char *const link[] = { "unknown", "up", "down" };
	NDIS_MEDIA_CONNECT_STATE s = ndis_to(struct ndis_adapter, kobj)->mp.attrs.MediaConnectState;

	return sysfs_emit(buf, "%s\n", s < ARRAY_SIZE(link) ? link[s] : "?");
}

NDIS_ATTR_RO(adapter, link);

static ssize_t adapter_link_speed_show(struct kobject *kobj, char *buf)
{
	return sysfs_emit(buf, "%llu\n",
			  ndis_to(struct ndis_adapter, kobj)->mp.attrs.XmitLinkSpeed);
}

NDIS_ATTR_RO(adapter, link_speed);

static struct attribute *ndis_adapter_attrs[] = {
	&adapter_attr_miniport.attr,
	&adapter_attr_state.attr,
	&adapter_attr_if_index.attr,
	&adapter_attr_medium.attr,
	&adapter_attr_mtu.attr,
	&adapter_attr_mac_address.attr,
	&adapter_attr_permanent_address.attr,
	&adapter_attr_link.attr,
	&adapter_attr_link_speed.attr,
	NULL,
};
ATTRIBUTE_GROUPS(ndis_adapter);

const struct kobj_type ndis_adapter_ktype = {
	.release = ndis_adapter_release,
	.sysfs_ops = &ndis_object_sysfs_ops,
	.default_groups = ndis_adapter_groups,
};

/* protocols */

static ssize_t protocol_ndis_version_show(struct kobject *kobj, char *buf)
{
	struct ndis_protocol *p = ndis_to(struct ndis_protocol, kobj);

	return sysfs_emit(buf, "%u.%u\n", p->chars.MajorNdisVersion, p->chars.MinorNdisVersion);
}

NDIS_ATTR_RO(protocol, ndis_version);

/* An adapter name written to a sysfs file, trailing newline dropped. */
static int ndis_sysfs_name(const char *buf, size_t len, char *name)
{
	if (len && buf[len - 1] == '\n')
		len--;
	if (!len || len >= NDIS_NAME_MAX)
		return -EINVAL;
	memcpy(name, buf, len);
	name[len] = 0;
	return 0;
}

static ssize_t protocol_bind_store(struct kobject *kobj, const char *buf, size_t len)
{
	char name[NDIS_NAME_MAX];
	int ret = ndis_sysfs_name(buf, len, name);

	if (!ret)
		ret = ndis_protocol_bind_adapter(ndis_to(struct ndis_protocol, kobj), name);
	return ret ? ret : len;
}

NDIS_ATTR_WO(protocol, bind);

static ssize_t protocol_unbind_store(struct kobject *kobj, const char *buf, size_t len)
{
	char name[NDIS_NAME_MAX];
	int ret = ndis_sysfs_name(buf, len, name);

	if (!ret)
		ret = ndis_protocol_unbind_adapter(ndis_to(struct ndis_protocol, kobj), name);
	return ret ? ret : len;
}

NDIS_ATTR_WO(protocol, unbind);

static struct attribute *ndis_protocol_attrs[] = {
	&protocol_attr_ndis_version.attr,
	&protocol_attr_bind.attr,
	&protocol_attr_unbind.attr,
	NULL,
};
ATTRIBUTE_GROUPS(ndis_protocol);

const struct kobj_type ndis_protocol_ktype = {
	.release = ndis_protocol_release,
	.sysfs_ops = &ndis_object_sysfs_ops,
	.default_groups = ndis_protocol_groups,
};

/* bindings */

static ssize_t binding_state_show(struct kobject *kobj, char *buf)
{
	struct ndis_binding *b = ndis_to(struct ndis_binding, kobj);

	return sysfs_emit(buf, "%s\n", ndis_binding_state_name(READ_ONCE(b->state)));
}

NDIS_ATTR_RO(binding, state);

static ssize_t binding_protocol_show(struct kobject *kobj, char *buf)
{
	return sysfs_emit(buf, "%s\n", ndis_to(struct ndis_binding, kobj)->protocol->name);
}

NDIS_ATTR_RO(binding, protocol);

static ssize_t binding_adapter_show(struct kobject *kobj, char *buf)
{
	return sysfs_emit(buf, "%s\n", ndis_to(struct ndis_binding, kobj)->adapter->name);
}

NDIS_ATTR_RO(binding, adapter);

static ssize_t binding_unbind_pending_show(struct kobject *kobj, char *buf)
{
	struct ndis_binding *b = ndis_to(struct ndis_binding, kobj);

	return sysfs_emit(buf, "%d\n", READ_ONCE(b->unbind_queued));
}

NDIS_ATTR_RO(binding, unbind_pending);

static ssize_t binding_outstanding_sends_show(struct kobject *kobj, char *buf)
{
	return sysfs_emit(buf, "%d\n",
			  atomic_read(&ndis_to(struct ndis_binding, kobj)->gate.sends_out));
}

NDIS_ATTR_RO(binding, outstanding_sends);

static ssize_t binding_sent_show(struct kobject *kobj, char *buf)
{
	return sysfs_emit(buf, "%llu\n", ndis_binding_stat(ndis_to(struct ndis_binding, kobj),
							  NDIS_STAT_SENT));
}

NDIS_ATTR_RO(binding, sent);

static ssize_t binding_send_completed_show(struct kobject *kobj, char *buf)
{
	return sysfs_emit(buf, "%llu\n", ndis_binding_stat(ndis_to(struct ndis_binding, kobj),
							  NDIS_STAT_COMPLETED));
}

NDIS_ATTR_RO(binding, send_completed);

static ssize_t binding_send_refused_show(struct kobject *kobj, char *buf)
{
	return sysfs_emit(buf, "%llu\n", ndis_binding_stat(ndis_to(struct ndis_binding, kobj),
							  NDIS_STAT_REFUSED));
}

NDIS_ATTR_RO(binding, send_refused);

static ssize_t binding_received_show(struct kobject *kobj, char *buf)
{
	return sysfs_emit(buf, "%llu\n", ndis_binding_stat(ndis_to(struct ndis_binding, kobj),
							  NDIS_STAT_RECEIVED));
}

NDIS_ATTR_RO(binding, received);

static struct attribute *ndis_binding_attrs[] = {
	&binding_attr_outstanding_sends.attr,
	&binding_attr_sent.attr,
	&binding_attr_send_completed.attr,
	&binding_attr_send_refused.attr,
	&binding_attr_received.attr,
	&binding_attr_state.attr,
	&binding_attr_protocol.attr,
	&binding_attr_adapter.attr,
	&binding_attr_unbind_pending.attr,
	NULL,
};
ATTRIBUTE_GROUPS(ndis_binding);

const struct kobj_type ndis_binding_ktype = {
	.release = ndis_binding_release,
	.sysfs_ops = &ndis_object_sysfs_ops,
	.default_groups = ndis_binding_groups,
};

/* Give @obj its directory in the kset of its type. */
int ndis_sysfs_add(struct ndis_object *obj, const char *name)
{
	const struct kobj_type *t = get_ktype(&obj->kobj);
	int ret;

	obj->kobj.kset = t == &ndis_miniport_driver_ktype ? ndis_miniports_kset :
			 t == &ndis_adapter_ktype ? ndis_adapters_kset :
			 t == &ndis_protocol_ktype ? ndis_protocols_kset : ndis_bindings_kset;
	ret = kobject_add(&obj->kobj, NULL, "%s", name);
	if (ret)
		pr_warn("no sysfs directory for %s: %d\n", name, ret);
	return ret;
}

void ndis_sysfs_del(struct ndis_object *obj)
{
	if (obj->kobj.state_in_sysfs)
		kobject_del(&obj->kobj);
}

int ndis_sysfs_init(void)
{
	int ret;

	ndis_kobj = kobject_create_and_add("ndis", kernel_kobj);
	if (!ndis_kobj)
		return -ENOMEM;
	ret = sysfs_create_group(ndis_kobj, &ndis_status_group);
	if (ret)
		goto err;
	ret = -ENOMEM;
	ndis_miniports_kset = kset_create_and_add("miniports", NULL, ndis_kobj);
	ndis_adapters_kset = kset_create_and_add("adapters", NULL, ndis_kobj);
	ndis_protocols_kset = kset_create_and_add("protocols", NULL, ndis_kobj);
	ndis_bindings_kset = kset_create_and_add("bindings", NULL, ndis_kobj);
	if (!ndis_miniports_kset || !ndis_adapters_kset || !ndis_protocols_kset ||
	    !ndis_bindings_kset)
		goto err;
	return 0;
err:
	ndis_sysfs_exit();
	return ret;
}

void ndis_sysfs_exit(void)
{
	kset_unregister(ndis_bindings_kset);
	kset_unregister(ndis_protocols_kset);
	kset_unregister(ndis_adapters_kset);
	kset_unregister(ndis_miniports_kset);
	sysfs_remove_group(ndis_kobj, &ndis_status_group);
	kobject_put(ndis_kobj);
	ndis_kobj = NULL;
}
