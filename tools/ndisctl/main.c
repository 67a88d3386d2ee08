// SPDX-License-Identifier: GPL-2.0
/*
 * ndisctl: list and drive the ndis stack from user space.
 *
 *   ndisctl list [miniports|adapters|protocols|bindings]
 *   ndisctl if-stack
 *   ndisctl bind|unbind PROTOCOL ADAPTER
 *   ndisctl config [list [KEY] | get KEY KEYWORD | set KEY KEYWORD VALUE... | unset KEY [KEYWORD]]
 *   ndisctl adapters | send | recv | stats | version
 *
 * Exit status: 0 success, 1 the operation failed, 2 the command line was
 * wrong. Errors name the operation, the object and the errno text.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ndisctl.h"

struct verb {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *args;
	const char *summary;
};

static int cmd_help(int argc, char **argv);

static const struct verb verbs[] = {
	{ "list", cmd_list, "[miniports|adapters|protocols|bindings]",
	  "show the ndis core's objects and their state" },
	{ "if-stack", cmd_if_stack, "",
	  "the interface stack table (NdisIfAddIfStackEntry)" },
	{ "bind", cmd_bind, "PROTOCOL ADAPTER [--wait]",
	  "offer an adapter to a protocol driver" },
	{ "unbind", cmd_unbind, "PROTOCOL ADAPTER [--wait]",
	  "unbind a protocol driver from an adapter" },
	{ "config", cmd_config, "[list|get|set|unset] ...",
	  "the configuration drivers read (NdisReadConfiguration)" },
	{ "adapters", cmd_adapters, "",
	  "the adapters ndisprot is bound to" },
	{ "send", cmd_send, "ADAPTER [--count N] [--src-self|--any-source] (--hex HEX|--pcap FILE)",
	  "send raw Ethernet frames through ndisprot" },
	{ "recv", cmd_recv, "ADAPTER [--count N] [--timeout S] [--filter F] [--ethertype T]...",
	  "receive raw Ethernet frames through ndisprot" },
	{ "stats", cmd_stats, "",
	  "ndisprot's per-adapter counters" },
	{ "version", cmd_version, "",
	  "versions of ndisctl, ndis.ko and ndisprot (and the ABI)" },
	{ "help", cmd_help, "[VERB]",
	  "this text, or a verb's" },
};

static void vmsg(const char *fmt, va_list ap)
{
	fputs("ndisctl: ", stderr);
	vfprintf(stderr, fmt, ap);
}

void err_msg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* "ndisctl: <what>: <strerror(e)>" */
void err_errno(int e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	fprintf(stderr, ": %s\n", strerror(e));
}

/* A second line after an error: what probably went wrong. */
void hint(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int usage_error(const char *verb, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "ndisctl%s%s: ", verb ? " " : "", verb ? verb : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'ndisctl %s%s--help'.\n", verb ? verb : "", verb ? " " : "");
	return EXIT_USAGE;
}

/* getopt_long() returned '?' or ':' (the option string starts with ':'). */
int bad_option(const char *verb, int c, char **argv)
{
	const char *arg = argv[optind - 1];

	if (c == ':')
		return usage_error(verb, "option '%s' needs a value", arg);
	if (optopt && optopt < 256 && arg[0] == '-' && arg[1] != '-')
		return usage_error(verb, "unknown option '-%c'", optopt);
	return usage_error(verb, "unknown option '%s'", arg);
}

/* A whole decimal or 0x-hex number no larger than @max. */
bool parse_ulong(const char *s, unsigned long max, unsigned long *out)
{
	char *end;
	unsigned long v;

	if (!s || !*s || *s == '-' || *s == '+')
		return false;
	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno || *end || v > max)
		return false;
	*out = v;
	return true;
}

/* Seconds, fractions allowed: "10", "0.5". */
bool parse_seconds(const char *s, double *out)
{
	char *end;
	double v;

	if (!s || !*s)
		return false;
	errno = 0;
	v = strtod(s, &end);
	if (errno || *end || !isfinite(v) || v < 0 || v > 1e6)
		return false;
	*out = v;
	return true;
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p) {
		err_msg("out of memory");
		exit(EXIT_FAIL);
	}
	return p;
}

void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p) {
		err_msg("out of memory");
		exit(EXIT_FAIL);
	}
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

static const struct verb *find_verb(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(verbs); i++)
		if (!strcmp(verbs[i].name, name))
			return &verbs[i];
	return NULL;
}

static void print_usage(FILE *out)
{
	size_t i;

	fprintf(out,
		"Usage: ndisctl VERB [ARGS...]\n"
		"       ndisctl VERB --help\n"
		"\n"
		"Verbs:\n");
	for (i = 0; i < ARRAY_SIZE(verbs); i++)
		fprintf(out, "  %-9s %s\n", verbs[i].name, verbs[i].summary);
	fprintf(out,
		"\n"
		"list, if-stack, bind and unbind use %s (the ndis core);\n"
		"config uses %s (ndis.ko's configuration\n"
		"store); adapters, send, recv and version use %s (the\n"
		"ndisprot protocol driver, which needs CAP_NET_RAW). Exit status:\n"
		"0 success, 1 failure, 2 usage error.\n",
		NDIS_SYSFS_ROOT, NDIS_CONFIGFS_ROOT, NDISPROT_DEVICE);
}

static int cmd_help(int argc, char **argv)
{
	const struct verb *v;
	char *args[3];
	int rc;

	if (argc < 2) {
		print_usage(stdout);
		return EXIT_OK;
	}
	if (argc > 2)
		return usage_error("help", "too many arguments");
	v = find_verb(argv[1]);
	if (!v || v->run == cmd_help) {
		if (v)
			return usage_error("help", "'help' takes the name of another verb");
		return usage_error(NULL, "no verb '%s'", argv[1]);
	}
	args[0] = xstrdup(v->name);
	args[1] = xstrdup("--help");
	args[2] = NULL;
	rc = v->run(2, args);
	free(args[0]);
	free(args[1]);
	return rc;
}

int main(int argc, char **argv)
{
	const struct verb *v;

	if (argc < 2) {
		print_usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		print_usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "-V") || !strcmp(argv[1], "--version")) {
		printf("ndisctl %s (ndisprot ABI %d)\n", NDIS_SHIM_VERSION, NDISPROT_ABI_VERSION);
		return EXIT_OK;
	}
	v = find_verb(argv[1]);
	if (!v)
		return usage_error(NULL, "no verb '%s'", argv[1]);
	/* Unbuffered order on a console: stderr lines land where they happen. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	return v->run(argc - 1, argv + 1);
}
