// SPDX-License-Identifier: GPL-2.0
/*
 * ndisctl config: the configuration store drivers read with
 * NdisReadConfiguration, through its configfs view
 * (docs/ABI/configfs-ndis): list, get, set and unset keywords.
 *
 * A KEY is a path of directory names under the root: "ndis_vmini" (a
 * driver's key), "ndis_vmini/vmini0" (an adapter's), "ndisprot/nd-eth0"
 * (a binding's), and so on. Names match the store's way, without regard to
 * (ASCII) case: an existing directory is used under its own spelling.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ndisctl.h"

#define CFG_PATH_LEN	4096
#define CFG_PAGE	4096
/* The longest value the store keeps, in bytes (docs/ABI/configfs-ndis). */
#define CFG_VALUE_MAX	4094

static const char config_help[] =
	"Usage: ndisctl config [list [KEY]]\n"
	"       ndisctl config get KEY KEYWORD\n"
	"       ndisctl config set KEY KEYWORD VALUE...\n"
	"       ndisctl config unset KEY [KEYWORD]\n"
	"\n"
	"The configuration drivers read with NdisReadConfiguration, kept by ndis.ko\n"
	"and shown under " NDIS_CONFIGFS_ROOT ". A KEY is a path: DRIVER (a\n"
	"miniport's or protocol's own keywords), DRIVER/ADAPTER (an adapter's, or a\n"
	"protocol's binding to it), then subkeys. Names match without regard to case.\n"
	"\n"
	"  list   every keyword below KEY (default: all): KEY, KEYWORD, VALUE, with\n"
	"         newlines and backslashes in values escaped; a key a driver wrote\n"
	"         and nobody made a directory for shows as \"-\"\n"
	"  get    the value as it is (exit status 1 if there is none)\n"
	"  set    make KEY and KEYWORD (mkdir) and write VALUE; several VALUEs\n"
	"         make a multi-string, one per line. Set it before the driver\n"
	"         reads it: a miniport reads its adapter's keywords when the adapter\n"
	"         starts, a protocol its binding's when it binds.\n"
	"  unset  remove KEYWORD, or KEY and everything below it\n"
	"\n"
	"Values are text: integers in decimal or hexadecimal as the driver reads\n"
	"them, bytes as hexadecimal pairs, a NetworkAddress as 12 hex digits\n"
	"(pairs may be separated by - or :). set, unset and directories need root.\n";

/* The store's root: configfs mounted and ndis.ko loaded. */
static int config_root(const char *verb)
{
	struct stat st;

	if (!stat(NDIS_CONFIGFS_ROOT, &st))
		return 0;
	err_errno(errno, "config %s: %s", verb, NDIS_CONFIGFS_ROOT);
	if (stat("/sys/kernel/config", &st) || !st.st_dev)
		hint("is configfs mounted? (mount -t configfs none /sys/kernel/config)");
	else
		hint("is ndis.ko loaded? (modprobe ndis)");
	return -1;
}

/*
 * @a, then "/" and @b unless @b is NULL, into @out (CFG_PATH_LEN bytes),
 * cut if it does not fit (configfs paths are far shorter).
 */
static char *config_join(char *out, const char *a, const char *b)
{
	size_t la = strnlen(a, CFG_PATH_LEN - 1), lb = b ? strlen(b) : 0;

	memmove(out, a, la);
	if (b && la + 1 + lb < CFG_PATH_LEN) {
		out[la++] = '/';
		memcpy(out + la, b, lb);
		la += lb;
	}
	out[la] = 0;
	return out;
}

/* Whether @name is one name of a key: what a directory name may be. */
static bool config_name_ok(const char *name)
{
	size_t len = strlen(name);

	return len && len <= 255 && !strchr(name, '/') && strcmp(name, ".") &&
	       strcmp(name, "..") && !strchr(name, '\n');
}

/*
 * @dir/@name, where an entry of @dir whose name equals @name but for ASCII
 * case is taken under its own spelling. Return: whether one exists.
 */
static bool config_child(const char *dir, const char *name, char *out)
{
	struct dirent *d;
	bool found = false;
	DIR *dp;

	config_join(out, dir, name);
	dp = opendir(dir);
	if (!dp)
		return false;
	while (!found && (d = readdir(dp))) {
		if ((d->d_type == DT_DIR || d->d_type == DT_UNKNOWN) &&
		    !strcasecmp(d->d_name, name)) {
			config_join(out, dir, d->d_name);
			found = true;
		}
	}
	closedir(dp);
	return found;
}

/* One step down from @dir (CFG_PATH_LEN bytes) to its key @name; mkdir with @make. */
static int config_step(char *dir, const char *name, bool make)
{
	char next[CFG_PATH_LEN];

	if (!config_name_ok(name))
		return -EINVAL;
	if (!config_child(dir, name, next)) {
		if (!make)
			return -ENOENT;
		if (mkdir(next, 0755))
			return -errno;
	}
	config_join(dir, next, NULL);
	return 0;
}

/*
 * The directory of @key, and of @keyword below it unless NULL, in @out
 * (CFG_PATH_LEN bytes). With @make, mkdir what is missing: that also
 * adopts a key or keyword a driver wrote without a directory. Return: 0,
 * -ENOENT, -EINVAL for a name no directory can have, or mkdir's -errno.
 */
static int config_path(const char *key, const char *keyword, bool make, char *out)
{
	char *copy = xstrdup(key), *rest = copy, *part;
	int err = 0;

	config_join(out, NDIS_CONFIGFS_ROOT, NULL);
	while (!err && (part = strsep(&rest, "/")))
		if (*part)
			err = config_step(out, part, make);
	if (!err && keyword)
		err = config_step(out, keyword, make);
	free(copy);
	return err;
}

/* The whole of a small file; -errno. */
static ssize_t config_read(const char *path, char *buf, size_t len)
{
	ssize_t n;
	int fd, e;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, len - 1);
	e = errno;
	close(fd);
	if (n < 0)
		return -e;
	buf[n] = 0;
	return n;
}

/* Undo the "list" file's escapes in place. */
static void config_unescape(char *s)
{
	char *out = s;

	for (; *s; s++) {
		if (*s == '\\' && s[1] == 'n') {
			*out++ = '\n';
			s++;
		} else if (*s == '\\' && s[1] == '\\') {
			*out++ = '\\';
			s++;
		} else {
			*out++ = *s;
		}
	}
	*out = 0;
}

/* One key's "list", rows added to @t; directories below listed too. */
static int config_list_key(struct table *t, const char *dir, const char *key)
{
	char page[CFG_PAGE], path[CFG_PATH_LEN], sub[CFG_PATH_LEN], *line, *next, *eq;
	struct stat st;
	ssize_t n;
	int rc = 0;

	n = config_read(config_join(path, dir, "list"), page, sizeof(page));
	if (n < 0) {
		err_errno(-n, "config list: %s", path);
		return -1;
	}
	for (line = page; *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		else
			next = line + strlen(line);
		if (!strcmp(line, "...")) {
			table_add(t, key, "...", "(more than a page: see the directories)");
			continue;
		}
		eq = strchr(line, '=');
		if (eq && (!strchr(line, '/') || eq < strchr(line, '/'))) {
			*eq = 0;
			table_add(t, *key ? key : "-", line, eq + 1);
			continue;
		}
		if (line[0] && line[strlen(line) - 1] == '/') {
			line[strlen(line) - 1] = 0;
			config_join(path, dir, line);
			if (*key)
				config_join(sub, key, line);
			else
				config_join(sub, line, NULL);
			if (!stat(path, &st) && S_ISDIR(st.st_mode))
				rc |= config_list_key(t, path, sub);
			else
				table_add(t, sub, "-", "(a driver wrote it: mkdir it to list it)");
		}
	}
	return rc;
}

static int config_list(int argc, char **argv)
{
	char dir[CFG_PATH_LEN];
	struct table t;
	int err, rc;

	if (argc > 1)
		return usage_error("config", "list takes one KEY at most");
	if (config_root("list"))
		return EXIT_FAIL;
	err = config_path(argc ? argv[0] : "", NULL, false, dir);
	if (err) {
		err_errno(-err, "config list %s", argv[0]);
		return EXIT_FAIL;
	}
	table_init(&t, 3);
	table_add(&t, "KEY", "KEYWORD", "VALUE");
	rc = config_list_key(&t, dir, argc ? argv[0] : "");
	if (t.nrows > 1)
		table_print(&t, "");
	table_free(&t);
	return rc ? EXIT_FAIL : EXIT_OK;
}

static int config_get(int argc, char **argv)
{
	char dir[CFG_PATH_LEN], path[CFG_PATH_LEN], page[CFG_PAGE], *line, *next, *eq;
	ssize_t n;
	int err;

	if (argc != 2)
		return usage_error("config", "get needs KEY and KEYWORD");
	if (config_root("get"))
		return EXIT_FAIL;
	err = config_path(argv[0], argv[1], false, dir);
	if (!err) {
		n = config_read(config_join(path, dir, "value"), page, sizeof(page));
		if (n < 0) {
			err_errno(-n, "config get %s %s", argv[0], argv[1]);
			return EXIT_FAIL;
		}
		if (!n) {
			err_msg("config get %s %s: a key without a value", argv[0], argv[1]);
			return EXIT_FAIL;
		}
		fputs(page, stdout);
		return EXIT_OK;
	}
	/* No directory: perhaps a driver wrote it; its key's list says. */
	if (err == -ENOENT && !config_path(argv[0], NULL, false, dir)) {
		n = config_read(config_join(path, dir, "list"), page, sizeof(page));
		for (line = page; n > 0 && *line; line = next) {
			next = strchr(line, '\n');
			if (next)
				*next++ = 0;
			else
				next = line + strlen(line);
			eq = strchr(line, '=');
			if (!eq)
				continue;
			*eq = 0;
			if (!strcasecmp(line, argv[1])) {
				config_unescape(eq + 1);
				puts(eq + 1);
				return EXIT_OK;
			}
		}
	}
	err_errno(err == -EINVAL ? EINVAL : ENOENT, "config get %s %s", argv[0], argv[1]);
	return EXIT_FAIL;
}

static int config_set(int argc, char **argv)
{
	char dir[CFG_PATH_LEN], path[CFG_PATH_LEN], *value;
	size_t len = 0, n;
	ssize_t w;
	int err, fd, i, e;

	if (argc < 3)
		return usage_error("config", "set needs KEY, KEYWORD and a VALUE");
	for (i = 2; i < argc; i++)
		len += strlen(argv[i]) + 1;
	if (len - 1 > CFG_VALUE_MAX)
		return usage_error("config", "a value holds %d bytes at most", CFG_VALUE_MAX);
	if (config_root("set"))
		return EXIT_FAIL;
	err = config_path(argv[0], argv[1], true, dir);
	if (err) {
		err_errno(-err, "config set %s %s", argv[0], argv[1]);
		if (err == -EACCES || err == -EPERM)
			hint("making keys and keywords needs root");
		else if (err == -EEXIST)
			hint("a directory of that name in another case exists");
		return EXIT_FAIL;
	}
	value = xmalloc(len + 1);
	for (n = 0, i = 2; i < argc; i++)
		n += sprintf(value + n, "%s\n", argv[i]);
	fd = open(config_join(path, dir, "value"), O_WRONLY | O_CLOEXEC);
	w = fd < 0 ? -1 : write(fd, value, n);
	e = errno;
	if (fd >= 0)
		close(fd);
	free(value);
	if (w != (ssize_t)n) {
		err_errno(w < 0 ? e : EIO, "config set %s %s", argv[0], argv[1]);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

/* rmdir @dir and every directory below it, deepest first. */
static int config_rmtree(const char *dir)
{
	char path[CFG_PATH_LEN];
	struct dirent *d;
	struct stat st;
	int rc = 0;
	DIR *dp;

	dp = opendir(dir);
	if (!dp)
		return -errno;
	while ((d = readdir(dp))) {
		if (d->d_name[0] == '.')
			continue;
		config_join(path, dir, d->d_name);
		if (!lstat(path, &st) && S_ISDIR(st.st_mode) && config_rmtree(path))
			rc = -errno;
	}
	closedir(dp);
	if (rmdir(dir))
		return -errno;
	return rc;
}

static int config_unset(int argc, char **argv)
{
	char dir[CFG_PATH_LEN];
	int err;

	if (argc < 1 || argc > 2)
		return usage_error("config", "unset needs KEY and perhaps KEYWORD");
	if (config_root("unset"))
		return EXIT_FAIL;
	/* mkdir adopts what a driver wrote without a directory; rmdir removes it. */
	err = config_path(argv[0], argc > 1 ? argv[1] : NULL, true, dir);
	if (!err)
		err = config_rmtree(dir);
	if (err) {
		err_errno(-err, "config unset %s%s%s", argv[0], argc > 1 ? " " : "",
			  argc > 1 ? argv[1] : "");
		if (err == -EACCES || err == -EPERM)
			hint("removing keys and keywords needs root");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

int cmd_config(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *sub;
	int c;

	while ((c = getopt_long(argc, argv, "+:h", opts, NULL)) != -1) {
		if (c != 'h')
			return bad_option("config", c, argv);
		fputs(config_help, stdout);
		return EXIT_OK;
	}
	sub = optind < argc ? argv[optind++] : "list";
	argc -= optind;
	argv += optind;
	if (!strcmp(sub, "list"))
		return config_list(argc, argv);
	if (!strcmp(sub, "get"))
		return config_get(argc, argv);
	if (!strcmp(sub, "set"))
		return config_set(argc, argv);
	if (!strcmp(sub, "unset"))
		return config_unset(argc, argv);
	return usage_error("config", "no sub-command '%s' (list, get, set or unset)", sub);
}
