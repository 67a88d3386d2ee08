// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/ndisprot (include/uapi/ndis/ndisprot.h): open, attach, the adapter
 * list and the versions.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "ndisctl.h"

/* OID_802_3_CURRENT_ADDRESS: the adapter's MAC address now. */
#define OID_802_3_CURRENT_ADDRESS	0x01010102

void format_mac(char *buf, size_t len, const unsigned char mac[6])
{
	snprintf(buf, len, "%02x:%02x:%02x:%02x:%02x:%02x",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
}

/* Open the device for @verb; prints why not and returns -1. */
int dev_open(const char *verb)
{
	int fd = open(NDISPROT_DEVICE, O_RDWR | O_CLOEXEC);
	int e = errno;

	if (fd >= 0)
		return fd;
	err_errno(e, "%s: %s", verb, NDISPROT_DEVICE);
	if (e == ENOENT || e == ENXIO || e == ENODEV)
		hint("is ndisprot.ko loaded? (modprobe ndisprot)");
	else if (e == EPERM || e == EACCES)
		hint("%s needs CAP_NET_RAW (run as root)", NDISPROT_DEVICE);
	return -1;
}

int dev_attach(int fd, const char *adapter)
{
	struct ndisprot_attach a;
	int e;

	memset(&a, 0, sizeof(a));
	a.size = sizeof(a);
	snprintf(a.adapter, sizeof(a.adapter), "%s", adapter);
	if (!ioctl(fd, NDISPROT_IOC_ATTACH, &a))
		return 0;
	e = errno;
	err_errno(e, "attach %s", adapter);
	if (e == ENODEV)
		hint("ndisprot is not bound to an Ethernet adapter '%s' (see 'ndisctl adapters')",
		     adapter);
	return -1;
}

/* ndisprot's list; *@out is malloc'd. Returns the count or -errno. */
static int dev_list(int fd, struct ndisprot_adapter **out)
{
	struct ndisprot_adapter *v = NULL;
	struct ndisprot_list l;
	__u32 room = 0;

	for (;;) {
		memset(&l, 0, sizeof(l));
		l.size = sizeof(l);
		l.count = room;
		l.adapters = (__u64)(unsigned long)v;
		if (ioctl(fd, NDISPROT_IOC_LIST, &l)) {
			int e = errno;

			free(v);
			return -e;
		}
		if (l.count <= room)
			break;
		/* Adapters come and go: ask again with room to spare. */
		room = l.count + 4;
		v = xrealloc(v, room * sizeof(*v));
	}
	*out = v;
	return (int)l.count;
}

/*
 * The adapter's current MAC: OID_802_3_CURRENT_ADDRESS on the attached
 * file, else ndisprot's list. Returns 0, or -1 after saying why.
 */
int dev_own_mac(int fd, const char *adapter, unsigned char mac[6])
{
	struct ndisprot_adapter *v;
	struct ndisprot_oid q;
	int n, i;

	memset(&q, 0, sizeof(q));
	q.size = sizeof(q);
	q.oid = OID_802_3_CURRENT_ADDRESS;
	q.length = 6;
	if (!ioctl(fd, NDISPROT_IOC_OID, &q) && q.length == 6) {
		memcpy(mac, q.data, 6);
		return 0;
	}
	n = dev_list(fd, &v);
	if (n < 0) {
		err_errno(-n, "send %s: the adapter's MAC address", adapter);
		return -1;
	}
	for (i = 0; i < n; i++)
		if (!strncmp(v[i].name, adapter, sizeof(v[i].name)))
			break;
	if (i < n)
		memcpy(mac, v[i].mac, 6);
	else
		err_msg("send %s: ndisprot does not list the adapter any more", adapter);
	free(v);
	return i < n ? 0 : -1;
}

static int by_name(const void *a, const void *b)
{
	const struct ndisprot_adapter *x = a, *y = b;

	return strverscmp(x->name, y->name);
}

static const char adapters_help[] =
	"Usage: ndisctl adapters\n"
	"\n"
	"The adapters ndisprot is bound to, which send and recv accept: name,\n"
	"MAC address, link, whether the binding is running or paused, and MTU.\n";

int cmd_adapters(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct ndisprot_adapter *v;
	struct table t;
	char mac[32], mtu[16];
	int c, fd, n, i;

	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c != 'h')
			return bad_option("adapters", c, argv);
		fputs(adapters_help, stdout);
		return EXIT_OK;
	}
	if (optind != argc)
		return usage_error("adapters", "takes no arguments");

	fd = dev_open("adapters");
	if (fd < 0)
		return EXIT_FAIL;
	n = dev_list(fd, &v);
	close(fd);
	if (n < 0) {
		err_errno(-n, "adapters: list");
		return EXIT_FAIL;
	}
	if (!n) {
		puts("(ndisprot is bound to no adapter)");
		free(v);
		return EXIT_OK;
	}
	for (i = 0; i < n; i++)
		v[i].name[sizeof(v[i].name) - 1] = '\0';
	qsort(v, n, sizeof(*v), by_name);
	table_init(&t, 5);
	table_add(&t, "ADAPTER", "MAC", "LINK", "BINDING", "MTU");
	for (i = 0; i < n; i++) {
		format_mac(mac, sizeof(mac), v[i].mac);
		snprintf(mtu, sizeof(mtu), "%u", v[i].mtu);
		table_add(&t, v[i].name, mac, v[i].link_up ? "up" : "down",
			  v[i].running ? "running" : "paused", mtu);
	}
	table_print(&t, "");
	table_free(&t);
	free(v);
	return EXIT_OK;
}

static const char version_help[] =
	"Usage: ndisctl version\n"
	"\n"
	"Versions of ndisctl, the loaded ndis.ko (" NDIS_SYSFS_ROOT "/version)\n"
	"and ndisprot with its ABI (NDISPROT_IOC_VERSION). A driver with a newer\n"
	"ABI still serves this ndisctl: the ABI only grows.\n";

int cmd_version(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct ndisprot_version v;
	char core[64];
	int c, fd, rc = EXIT_OK;

	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c != 'h')
			return bad_option("version", c, argv);
		fputs(version_help, stdout);
		return EXIT_OK;
	}
	if (optind != argc)
		return usage_error("version", "takes no arguments");

	printf("ndisctl   %s (ndisprot ABI %d)\n", NDIS_SHIM_VERSION, NDISPROT_ABI_VERSION);
	if (read_attr(NDIS_SYSFS_ROOT, "version", core, sizeof(core)))
		snprintf(core, sizeof(core), "not loaded");
	printf("ndis      %s\n", core);

	fd = dev_open("version");
	if (fd < 0)
		return EXIT_FAIL;
	memset(&v, 0, sizeof(v));
	v.size = sizeof(v);
	if (ioctl(fd, NDISPROT_IOC_VERSION, &v)) {
		err_errno(errno, "version: %s", NDISPROT_DEVICE);
		rc = EXIT_FAIL;
	} else {
		printf("ndisprot  %.*s (ABI %u)\n", (int)sizeof(v.driver), v.driver, v.abi);
	}
	close(fd);
	return rc;
}
