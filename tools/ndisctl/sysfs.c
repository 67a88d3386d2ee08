// SPDX-License-Identifier: GPL-2.0
/*
 * The ndis core's sysfs tree (docs/ABI/sysfs-kernel-ndis): list the objects,
 * the interface stack table, bind and unbind, and ndisprot's per-adapter
 * counters.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ndisctl.h"

#define PATH_LEN	512
#define VALUE_LEN	128
/* "4294967295 4294967295\n" and its NUL: see NDIS_IF_STACK_LINE in core/ifstack.c */
#define IF_STACK_LINE_MAX	22

/*
 * One value of a one-value sysfs file, without its newline. Returns 0 or
 * -errno; @buf then holds "?".
 */
int read_attr(const char *dir, const char *name, char *buf, size_t len)
{
	char path[PATH_LEN];
	ssize_t n;
	int fd, e;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		goto fail;
	n = read(fd, buf, len - 1);
	e = errno;
	close(fd);
	errno = e;
	if (n < 0)
		goto fail;
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		n--;
	buf[n] = '\0';
	return 0;
fail:
	e = errno;
	snprintf(buf, len, "?");
	return -e;
}

static int skip_dots(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

/* Entries of @path in version order; -errno when it cannot be read. */
static int list_dir(const char *path, struct dirent ***names)
{
	int n = scandir(path, names, skip_dots, versionsort);

	return n < 0 ? -errno : n;
}

static void free_dir(struct dirent **names, int n)
{
	while (n > 0)
		free(names[--n]);
	free(names);
}

/* "10Gb/s" from a bit rate. */
static void format_speed(char *buf, size_t len, const char *bps)
{
	static const char * const unit[] = { "b/s", "kb/s", "Mb/s", "Gb/s", "Tb/s" };
	unsigned long long v;
	unsigned int u = 0;
	char *end;

	v = strtoull(bps, &end, 10);
	if (*end || end == bps) {
		snprintf(buf, len, "%s", bps);
		return;
	}
	if (!v) {
		snprintf(buf, len, "-");
		return;
	}
	while (v >= 1000 && !(v % 1000) && u < 4) {
		v /= 1000;
		u++;
	}
	snprintf(buf, len, "%llu%s", v, unit[u]);
}

enum section { MINIPORTS, ADAPTERS, PROTOCOLS, BINDINGS, N_SECTIONS };

static const char * const section_name[N_SECTIONS] = {
	"miniports", "adapters", "protocols", "bindings",
};

static void add_row(struct table *t, enum section s, const char *dir, const char *name)
{
	char a[VALUE_LEN], b[VALUE_LEN], c[VALUE_LEN], d[VALUE_LEN];
	char e[VALUE_LEN], f[VALUE_LEN], g[VALUE_LEN], speed[VALUE_LEN], ix[VALUE_LEN];

	switch (s) {
	case MINIPORTS:
		read_attr(dir, "ndis_version", a, sizeof(a));
		read_attr(dir, "driver_version", b, sizeof(b));
		table_add(t, name, a, b);
		break;
	case ADAPTERS:
		read_attr(dir, "miniport", a, sizeof(a));
		read_attr(dir, "state", b, sizeof(b));
		read_attr(dir, "link", c, sizeof(c));
		read_attr(dir, "link_speed", d, sizeof(d));
		format_speed(speed, sizeof(speed), d);
		read_attr(dir, "mtu", e, sizeof(e));
		read_attr(dir, "mac_address", f, sizeof(f));
		read_attr(dir, "medium", g, sizeof(g));
		read_attr(dir, "if_index", ix, sizeof(ix));
		table_add(t, name, ix, a, b, c, speed, e, f, g);
		break;
	case PROTOCOLS:
		read_attr(dir, "ndis_version", a, sizeof(a));
		table_add(t, name, a);
		break;
	case BINDINGS:
		if (read_attr(dir, "protocol", a, sizeof(a)) ||
		    read_attr(dir, "adapter", b, sizeof(b))) {
			/* "<protocol>:<adapter>": adapter names have no ':'. */
			const char *colon = strrchr(name, ':');

			snprintf(a, sizeof(a), "%.*s",
				 colon ? (int)(colon - name) : (int)strlen(name), name);
			snprintf(b, sizeof(b), "%s", colon ? colon + 1 : "?");
		}
		read_attr(dir, "state", c, sizeof(c));
		read_attr(dir, "sent", d, sizeof(d));
		read_attr(dir, "send_completed", e, sizeof(e));
		read_attr(dir, "received", f, sizeof(f));
		read_attr(dir, "outstanding_sends", g, sizeof(g));
		table_add(t, a, b, c, d, e, f, g);
		break;
	default:
		break;
	}
}

static int list_section(enum section s, bool titled)
{
	char path[PATH_LEN], dir[PATH_LEN + sizeof(((struct dirent *)0)->d_name) + 1];
	struct dirent **names;
	struct table t;
	int n, i;

	snprintf(path, sizeof(path), "%s/%s", NDIS_SYSFS_ROOT, section_name[s]);
	n = list_dir(path, &names);
	if (n == -ENOENT) {
		n = 0;		/* nothing of that kind registered */
		names = NULL;
	} else if (n < 0) {
		err_errno(-n, "list %s", path);
		return EXIT_FAIL;
	}

	switch (s) {
	case MINIPORTS:
		table_init(&t, 3);
		table_add(&t, "MINIPORT", "NDIS", "VERSION");
		break;
	case ADAPTERS:
		table_init(&t, 9);
		table_add(&t, "ADAPTER", "IFINDEX", "MINIPORT", "STATE", "LINK", "SPEED", "MTU",
			  "MAC", "MEDIUM");
		break;
	case PROTOCOLS:
		table_init(&t, 2);
		table_add(&t, "PROTOCOL", "NDIS");
		break;
	default:
		table_init(&t, 7);
		table_add(&t, "PROTOCOL", "ADAPTER", "STATE", "SENT", "COMPLETED", "RECEIVED",
			  "OUTSTANDING");
		break;
	}
	for (i = 0; i < n; i++) {
		snprintf(dir, sizeof(dir), "%s/%s", path, names[i]->d_name);
		add_row(&t, s, dir, names[i]->d_name);
	}
	if (titled)
		printf("%s (%d):\n", section_name[s], n);
	if (n)
		table_print(&t, titled ? "  " : "");
	else
		printf("%s(no %s)\n", titled ? "  " : "", section_name[s]);
	table_free(&t);
	free_dir(names, n);
	return EXIT_OK;
}

static const char list_help[] =
	"Usage: ndisctl list [miniports|adapters|protocols|bindings]\n"
	"\n"
	"Show the ndis core's objects from " NDIS_SYSFS_ROOT ": miniport drivers,\n"
	"their adapters (NDIS interface index, state, link, speed, MTU, MAC\n"
	"address), protocol drivers\n"
	"and bindings (protocol, adapter, state and the binding's counters: NBLs\n"
	"sent, send-completed and received, sends outstanding). Without an\n"
	"argument, all four.\n";

int cmd_list(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct stat st;
	int c, s, rc = EXIT_OK;

	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c != 'h')
			return bad_option("list", c, argv);
		fputs(list_help, stdout);
		return EXIT_OK;
	}
	if (argc - optind > 1)
		return usage_error("list", "too many arguments");
	if (argc - optind == 1) {
		for (s = 0; s < N_SECTIONS; s++)
			if (!strcmp(argv[optind], section_name[s]))
				break;
		if (s == N_SECTIONS)
			return usage_error("list", "no section '%s' %s", argv[optind],
					   "(miniports, adapters, protocols or bindings)");
	} else {
		s = -1;
	}

	if (stat(NDIS_SYSFS_ROOT, &st)) {
		err_errno(errno, "list: %s", NDIS_SYSFS_ROOT);
		hint("is ndis.ko loaded? (modprobe ndis)");
		return EXIT_FAIL;
	}
	if (s >= 0)
		return list_section(s, false);
	for (s = 0; s < N_SECTIONS; s++) {
		if (s)
			putchar('\n');
		if (list_section(s, true))
			rc = EXIT_FAIL;
	}
	return rc;
}

/* if-stack: the interface stack table, indices named by their adapters. */

static const char if_stack_help[] =
	"Usage: ndisctl if-stack\n"
	"\n"
	"Show the interface stack table (RFC 2863's ifStackTable) from\n"
	NDIS_SYSFS_ROOT "/if_stack: one row per entry a driver added with\n"
	"NdisIfAddIfStackEntry, the higher interface over the lower, each an\n"
	"adapter's NDIS interface index and the adapter's name.\n";

/* The adapter whose if_index is @index, into @name; "?" if none is. */
static void adapter_of_index(const char *index, char *name, size_t len)
{
	char path[PATH_LEN], dir[PATH_LEN + sizeof(((struct dirent *)0)->d_name) + 1];
	char v[VALUE_LEN];
	struct dirent **names;
	int n, i;

	snprintf(name, len, "?");
	snprintf(path, sizeof(path), "%s/adapters", NDIS_SYSFS_ROOT);
	n = list_dir(path, &names);
	if (n < 0)
		return;
	for (i = 0; i < n; i++) {
		snprintf(dir, sizeof(dir), "%s/%s", path, names[i]->d_name);
		if (!read_attr(dir, "if_index", v, sizeof(v)) && !strcmp(v, index)) {
			snprintf(name, len, "%s", names[i]->d_name);
			break;
		}
	}
	free_dir(names, n);
}

int cmd_if_stack(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char path[PATH_LEN], line[2 * VALUE_LEN];
	char hi[VALUE_LEN], lo[VALUE_LEN];
	char hname[sizeof(((struct dirent *)0)->d_name)], lname[sizeof(hname)];
	struct table t;
	size_t bytes = 0;
	FILE *f;
	int c, rows = 0;

	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c != 'h')
			return bad_option("if-stack", c, argv);
		fputs(if_stack_help, stdout);
		return EXIT_OK;
	}
	if (argc - optind > 0)
		return usage_error("if-stack", "too many arguments");

	snprintf(path, sizeof(path), "%s/if_stack", NDIS_SYSFS_ROOT);
	f = fopen(path, "re");
	if (!f) {
		err_errno(errno, "if-stack: %s", path);
		hint("is ndis.ko loaded? (modprobe ndis)");
		return EXIT_FAIL;
	}
	table_init(&t, 4);
	table_add(&t, "HIGHER", "ADAPTER", "LOWER", "ADAPTER");
	while (fgets(line, sizeof(line), f)) {
		bytes += strlen(line);
		if (sscanf(line, "%127s %127s", hi, lo) != 2)
			continue;
		adapter_of_index(hi, hname, sizeof(hname));
		adapter_of_index(lo, lname, sizeof(lname));
		table_add(&t, hi, hname, lo, lname);
		rows++;
	}
	fclose(f);
	if (rows)
		table_print(&t, "");
	else
		printf("(no interface stack entries)\n");
	/* The kernel stops at the last line that fits a page with room for another. */
	if (bytes + IF_STACK_LINE_MAX >= (size_t)sysconf(_SC_PAGESIZE))
		err_msg("if-stack: the first %d entries only: the kernel shows a page of them",
			rows);
	table_free(&t);
	return EXIT_OK;
}

/* bind and unbind: one write of the adapter name to the protocol's file. */

static const char bind_help[] =
	"Usage: ndisctl bind PROTOCOL ADAPTER [--wait] [--timeout SECONDS]\n"
	"       ndisctl unbind PROTOCOL ADAPTER [--wait] [--timeout SECONDS]\n"
	"\n"
	"bind offers ADAPTER to the protocol driver PROTOCOL; unbind takes it\n"
	"back (the protocol is paused, then its unbind handler runs). Both only\n"
	"start the operation: the core completes it asynchronously. With --wait,\n"
	"wait until the binding runs (bind) or is gone (unbind), at most\n"
	"--timeout seconds (default 10). Root only.\n"
	"\n"
	"Errors: bind: No such device (no such adapter), File exists (already\n"
	"bound or binding); unbind: No such device (not bound), Operation already\n"
	"in progress (an unbind is under way).\n";

static bool binding_state(const char *proto, const char *adapter, char *state, size_t len)
{
	char dir[PATH_LEN];

	snprintf(dir, sizeof(dir), "%s/bindings/%s:%s", NDIS_SYSFS_ROOT, proto, adapter);
	return !read_attr(dir, "state", state, len);
}

static int wait_binding(const char *verb, const char *proto, const char *adapter,
			double timeout)
{
	struct timespec tick = { 0, 50 * 1000 * 1000 };
	bool bind = !strcmp(verb, "bind");
	char state[VALUE_LEN];
	double waited;

	for (waited = 0; waited <= timeout; waited += 0.05) {
		bool exists = binding_state(proto, adapter, state, sizeof(state));

		if (bind && exists && !strcmp(state, "running")) {
			printf("%s:%s running\n", proto, adapter);
			return EXIT_OK;
		}
		if (bind && !exists && waited > 0) {
			err_msg("bind %s %s: the protocol refused the adapter (see dmesg)",
				proto, adapter);
			return EXIT_FAIL;
		}
		if (!bind && !exists) {
			printf("%s:%s unbound\n", proto, adapter);
			return EXIT_OK;
		}
		nanosleep(&tick, NULL);
	}
	err_msg("%s %s %s: still %s after %g s", verb, proto, adapter,
		binding_state(proto, adapter, state, sizeof(state)) ? state : "absent", timeout);
	return EXIT_FAIL;
}

static int bind_unbind(const char *verb, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "wait", no_argument, NULL, 'w' },
		{ "timeout", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *proto, *adapter;
	char path[PATH_LEN];
	double timeout = 10;
	bool wait = false;
	struct stat st;
	size_t len;
	ssize_t n;
	int c, fd, e;

	while ((c = getopt_long(argc, argv, ":wt:h", opts, NULL)) != -1) {
		switch (c) {
		case 'w':
			wait = true;
			break;
		case 't':
			if (!parse_seconds(optarg, &timeout))
				return usage_error(verb, "--timeout: bad seconds '%s'", optarg);
			break;
		case 'h':
			fputs(bind_help, stdout);
			return EXIT_OK;
		default:
			return bad_option(verb, c, argv);
		}
	}
	if (argc - optind != 2)
		return usage_error(verb, "needs PROTOCOL and ADAPTER");
	proto = argv[optind];
	adapter = argv[optind + 1];
	len = strlen(adapter);
	if (!*proto || strchr(proto, '/') || proto[0] == '.')
		return usage_error(verb, "'%s' is not a protocol name", proto);
	if (!len || len >= NDISPROT_NAME_MAX || strchr(adapter, '\n'))
		return usage_error(verb, "'%s' is not an adapter name", adapter);

	if (stat(NDIS_SYSFS_ROOT, &st)) {
		err_errno(errno, "%s %s %s: %s", verb, proto, adapter, NDIS_SYSFS_ROOT);
		hint("is ndis.ko loaded? (modprobe ndis)");
		return EXIT_FAIL;
	}
	snprintf(path, sizeof(path), "%s/protocols/%s", NDIS_SYSFS_ROOT, proto);
	if (stat(path, &st)) {
		err_msg("%s %s %s: no protocol driver '%s' (see 'ndisctl list protocols')",
			verb, proto, adapter, proto);
		return EXIT_FAIL;
	}
	snprintf(path, sizeof(path), "%s/protocols/%s/%s", NDIS_SYSFS_ROOT, proto, verb);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0) {
		e = errno;
		err_errno(e, "%s %s %s: %s", verb, proto, adapter, path);
		if (e == EACCES || e == EPERM)
			hint("%s is root-only", path);
		return EXIT_FAIL;
	}
	n = write(fd, adapter, len);
	e = errno;
	close(fd);
	if (n != (ssize_t)len) {
		err_errno(n < 0 ? e : EIO, "%s %s %s", verb, proto, adapter);
		if (e == ENODEV && verb[0] == 'b')
			hint("no adapter '%s' (see 'ndisctl list adapters')", adapter);
		else if (e == ENODEV)
			hint("%s is not bound to %s (see 'ndisctl list bindings')", proto, adapter);
		else if (e == EEXIST)
			hint("%s is already bound or binding to %s", proto, adapter);
		else if (e == EALREADY)
			hint("an unbind of %s:%s is already under way", proto, adapter);
		return EXIT_FAIL;
	}
	return wait ? wait_binding(verb, proto, adapter, timeout) : EXIT_OK;
}

int cmd_bind(int argc, char **argv)
{
	return bind_unbind("bind", argc, argv);
}

int cmd_unbind(int argc, char **argv)
{
	return bind_unbind("unbind", argc, argv);
}

/* stats: ndisprot's "<adapter> key=value..." lines, as they are. */

static const char stats_help[] =
	"Usage: ndisctl stats\n"
	"\n"
	"ndisprot's counters, from " NDISPROT_STATS_FILE ", one line per\n"
	"adapter it is bound to:\n"
	"  <adapter> files=<open files attached> rx_frames=<received>\n"
	"            rx_dropped=<lost: a file's queue was full>\n"
	"            tx_frames=<sent> tx_errors=<failed sends>\n";

int cmd_stats(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char buf[16384];
	struct stat st;
	ssize_t n;
	size_t len = 0;
	int c, fd, e;

	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c != 'h')
			return bad_option("stats", c, argv);
		fputs(stats_help, stdout);
		return EXIT_OK;
	}
	if (optind != argc)
		return usage_error("stats", "takes no arguments");

	if (stat(NDISPROT_CLASS_DIR, &st)) {
		err_msg("stats: ndisprot is not loaded (no %s)", NDISPROT_CLASS_DIR);
		return EXIT_FAIL;
	}
	fd = open(NDISPROT_STATS_FILE, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		err_errno(errno, "stats: %s", NDISPROT_STATS_FILE);
		return EXIT_FAIL;
	}
	while ((n = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	e = errno;
	close(fd);
	if (n < 0) {
		err_errno(e, "stats: %s", NDISPROT_STATS_FILE);
		return EXIT_FAIL;
	}
	buf[len] = '\0';
	fputs(len ? buf : "(ndisprot is bound to no adapter)\n", stdout);
	return EXIT_OK;
}
