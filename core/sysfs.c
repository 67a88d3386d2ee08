// SPDX-License-Identifier: GPL-2.0
/*
 * The status surface under /sys/kernel/ndis: one read-only value per file.
 * Later parts of the core hang their directories below this kobject.
 */
#include <linux/kobject.h>
#include <linux/sysfs.h>
#include <uapi/ndis/version.h>

#include "core.h"

static struct kobject *ndis_kobj;

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

static struct attribute *ndis_status_attrs[] = {
	&ndis_attr_version.attr,
	&ndis_attr_irql_violations.attr,
	&ndis_attr_irql_violation_sites.attr,
	NULL,
};

static const struct attribute_group ndis_status_group = {
	.attrs = ndis_status_attrs,
};

int ndis_sysfs_init(void)
{
	int ret;

	ndis_kobj = kobject_create_and_add("ndis", kernel_kobj);
	if (!ndis_kobj)
		return -ENOMEM;
	ret = sysfs_create_group(ndis_kobj, &ndis_status_group);
	if (ret) {
		kobject_put(ndis_kobj);
		ndis_kobj = NULL;
	}
	return ret;
}

void ndis_sysfs_exit(void)
{
	sysfs_remove_group(ndis_kobj, &ndis_status_group);
	kobject_put(ndis_kobj);
	ndis_kobj = NULL;
}
