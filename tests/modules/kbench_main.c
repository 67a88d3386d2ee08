// SPDX-License-Identifier: GPL-2.0
/*
 * ndis_kbench.ko: the in-kernel measures of `make bench`, driven by the
 * guest (tests/guest/bench-init.sh) through one debugfs file:
 *
 *	echo "MEASURE ARGS..." > /sys/kernel/debug/ndis_kbench/ctl
 *	cat /sys/kernel/debug/ndis_kbench/ctl
 *
 * The write runs the measure to its end (one at a time) and fails if the
 * measure did; the read gives its "NDIS-BENCH:" lines and, if it failed,
 * an "ndis_kbench: error:" line naming the step. Measures, one file each:
 * unbind, kxmit, fanout, scale (see each file for its arguments). Every
 * wait is bounded by the timeout_s parameter.
 */
#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "kbench.h"

unsigned int ndis_kbench_timeout_s = 120;
module_param_named(timeout_s, ndis_kbench_timeout_s, uint, 0644);
MODULE_PARM_DESC(timeout_s, "bound on every wait of a measure, in seconds (default 120)");

static DEFINE_MUTEX(ndis_kbench_lock);	/* one measure at a time */
static struct dentry *ndis_kbench_dir;

static const struct {
	const char *name;
	int (*run)(const char *args);
} ndis_kbench_measures[] = {
	{ "unbind", ndis_kbench_unbind_run },
	{ "kxmit", ndis_kbench_kxmit_run },
	{ "fanout", ndis_kbench_fanout_run },
	{ "scale", ndis_kbench_scale_run },
};

static int ndis_kbench_run(char *cmd)
{
	char *args = strim(cmd);
	const char *name = strsep(&args, " ");
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ndis_kbench_measures); i++)
		if (!strcmp(name, ndis_kbench_measures[i].name))
			return ndis_kbench_measures[i].run(args ?: "");
	ndis_kbench_error(name, "no such measure");
	return -EINVAL;
}

static ssize_t ndis_kbench_ctl_write(struct file *file, const char __user *ubuf, size_t len,
				     loff_t *ppos)
{
	char cmd[256];
	int err;

	if (!len || len >= sizeof(cmd))
		return -EINVAL;
	if (copy_from_user(cmd, ubuf, len))
		return -EFAULT;
	cmd[len] = '\0';
	if (mutex_lock_interruptible(&ndis_kbench_lock))
		return -EINTR;
	ndis_kbench_out_reset();
	if (ndis_kbench_deregister_busy()) {
		ndis_kbench_error("ctl", "an earlier deregistration still runs");
		err = -EBUSY;
	} else {
		err = ndis_kbench_run(cmd);
	}
	mutex_unlock(&ndis_kbench_lock);
	return err ?: len;
}

static int ndis_kbench_ctl_show(struct seq_file *m, void *v)
{
	ndis_kbench_out_show(m);
	return 0;
}

static int ndis_kbench_ctl_open(struct inode *inode, struct file *file)
{
	return single_open(file, ndis_kbench_ctl_show, NULL);
}

static const struct file_operations ndis_kbench_ctl_fops = {
	.owner = THIS_MODULE,
	.open = ndis_kbench_ctl_open,
	.read = seq_read,
	.write = ndis_kbench_ctl_write,
	.llseek = seq_lseek,
	.release = single_release,
};

static int __init ndis_kbench_init(void)
{
	ndis_kbench_proto_setup();
	ndis_kbench_dir = debugfs_create_dir("ndis_kbench", NULL);
	debugfs_create_file("ctl", 0600, ndis_kbench_dir, NULL, &ndis_kbench_ctl_fops);
	return 0;
}

static void __exit ndis_kbench_exit(void)
{
	/* No new command after this; one under way has ended with its file. */
	debugfs_remove_recursive(ndis_kbench_dir);
	ndis_kbench_proto_exit();
	ndis_kbench_kxmit_exit();
}

module_init(ndis_kbench_init);
module_exit(ndis_kbench_exit);

MODULE_DESCRIPTION("ndis bench: NdisUnbindAdapter, in-kernel send, receive fan-out, scale");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS("NDIS");
