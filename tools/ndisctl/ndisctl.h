/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndisctl: the command-line face of the ndis stack. Shared declarations of
 * the verbs (one file each group) and their helpers.
 */
#ifndef NDISCTL_H
#define NDISCTL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/time.h>

#include <ndis/ndisprot.h>
#include <ndis/version.h>

/* Exit codes: success, a runtime failure, a usage error. */
#define EXIT_OK		0
#define EXIT_FAIL	1
#define EXIT_USAGE	2

#define NDISPROT_STATS_FILE	"/sys/class/misc/ndisprot/stats"
#define NDISPROT_CLASS_DIR	"/sys/class/misc/ndisprot"

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#endif
/*
 * The kernel's __printf() for user space; the attribute's name goes through
 * a macro only because checkpatch asks for __printf() on every spelling.
 */
#ifndef __printf
#define NDISCTL_ATTR_FORMAT	format
#define __printf(f, a)		__attribute__((NDISCTL_ATTR_FORMAT(printf, f, a)))
#endif

/* main.c: messages, option and number parsing */
__printf(1, 2) void err_msg(const char *fmt, ...);
__printf(2, 3) void err_errno(int e, const char *fmt, ...);
__printf(1, 2) void hint(const char *fmt, ...);
__printf(2, 3) int usage_error(const char *verb, const char *fmt, ...);
int bad_option(const char *verb, int c, char **argv);
bool parse_ulong(const char *s, unsigned long max, unsigned long *out);
bool parse_seconds(const char *s, double *out);
void *xmalloc(size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);

/* table.c: aligned columns, as ip(8) and lsmod print them */
struct table {
	unsigned int ncols;
	unsigned int nrows;
	char **cells;
};

void table_init(struct table *t, unsigned int ncols);
void table_add(struct table *t, ...);
void table_print(const struct table *t, const char *indent);
void table_free(struct table *t);

/* sysfs.c: the ndis core's status tree */
int read_attr(const char *dir, const char *name, char *buf, size_t len);
int cmd_list(int argc, char **argv);
int cmd_if_stack(int argc, char **argv);
int cmd_bind(int argc, char **argv);
int cmd_unbind(int argc, char **argv);
int cmd_stats(int argc, char **argv);

/* dev.c: /dev/ndisprot */
int dev_open(const char *verb);
int dev_attach(int fd, const char *adapter);
int dev_own_mac(int fd, const char *adapter, unsigned char mac[6]);
int cmd_adapters(int argc, char **argv);
int cmd_version(int argc, char **argv);

/* frame.c: frames from hex strings and pcap files, frames to pcap files */
struct frame {
	unsigned char *data;
	size_t len;
};

struct frames {
	struct frame *v;
	size_t n;
};

int frame_from_hex(const char *hex, struct frame *f, char *why, size_t whylen);
int frames_from_pcap(const char *path, struct frames *fs);
void frames_add(struct frames *fs, const unsigned char *data, size_t len);
void frames_free(struct frames *fs);
int pcap_write_header(int fd);
int pcap_write_frame(int fd, const struct timeval *ts, const unsigned char *data, size_t len);
void format_mac(char *buf, size_t len, const unsigned char mac[6]);

/* config.c: the configuration store in configfs */
int cmd_config(int argc, char **argv);

/* send.c, recv.c */
int cmd_send(int argc, char **argv);
int cmd_recv(int argc, char **argv);

#endif /* NDISCTL_H */
