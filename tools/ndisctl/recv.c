// SPDX-License-Identifier: GPL-2.0
/*
 * ndisctl recv: attach to an adapter, set the packet filter, and print (or
 * save to pcap) the frames that arrive until enough came or time is up.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#include "ndisctl.h"

static const char recv_help[] =
	"Usage: ndisctl recv ADAPTER [--count N] [--timeout SECONDS]\n"
	"                    [--filter directed,multicast,broadcast,promiscuous]\n"
	"                    [--ethertype 0xNNNN]... [--pcap FILE] [--quiet]\n"
	"\n"
	"Receive Ethernet frames on ADAPTER through ndisprot and print each on\n"
	"stdout as one line: its length, then its bytes in hex. Nothing else is\n"
	"printed unless something goes wrong (or with --quiet).\n"
	"\n"
	"  --count N        stop after N frames (default: no limit)\n"
	"  --timeout S      give up after S seconds in all (default: never)\n"
	"  --filter LIST    destinations to receive, comma-separated (default\n"
	"                   directed,broadcast): directed (the adapter's own\n"
	"                   address), multicast, broadcast, promiscuous (all)\n"
	"  --ethertype T    only this EtherType (after one VLAN tag); repeat for\n"
	"                   up to 16\n"
	"  --pcap FILE      write the frames to a pcap file ('-': stdout) instead\n"
	"                   of printing them\n"
	"  --quiet          print no frames, only how many arrived\n"
	"\n"
	"Exit status: 0 when N frames arrived (or, without --count, at the\n"
	"timeout or on SIGINT/SIGTERM); 1 at the timeout with fewer than N, or\n"
	"when the adapter goes away (unbound or removed).\n";

static const struct {
	const char *name;
	__u32 bit;
} filter_names[] = {
	{ "directed", NDISPROT_RX_DIRECTED },
	{ "multicast", NDISPROT_RX_MULTICAST },
	{ "broadcast", NDISPROT_RX_BROADCAST },
	{ "promiscuous", NDISPROT_RX_PROMISCUOUS },
};

#define N_FILTER_NAMES	ARRAY_SIZE(filter_names)

static bool parse_filter(const char *s, __u32 *out)
{
	char *copy = xstrdup(s), *tok, *save = NULL;
	size_t i;

	*out = 0;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < N_FILTER_NAMES; i++)
			if (!strcmp(tok, filter_names[i].name))
				break;
		if (i == N_FILTER_NAMES) {
			free(copy);
			return false;
		}
		*out |= filter_names[i].bit;
	}
	free(copy);
	return *out != 0;
}

static void describe_filter(char *buf, size_t len, const struct ndisprot_filter *f)
{
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < N_FILTER_NAMES && n < len; i++)
		if (f->packet_filter & filter_names[i].bit)
			n += snprintf(buf + n, len - n, "%s%s", n ? "," : "", filter_names[i].name);
	for (i = 0; i < f->n_ethertypes && n < len; i++)
		n += snprintf(buf + n, len - n, "%s0x%04x", i ? " " : "; ethertype ",
			      f->ethertypes[i]);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* "<len> <hex bytes>" on stdout. */
static void print_frame(const unsigned char *p, size_t len)
{
	static const char digits[] = "0123456789abcdef";
	char line[16 + 3 * NDISPROT_FRAME_MAX + 2];
	size_t n, i;

	n = snprintf(line, sizeof(line), "%zu", len);
	for (i = 0; i < len; i++) {
		line[n++] = ' ';
		line[n++] = digits[p[i] >> 4];
		line[n++] = digits[p[i] & 15];
	}
	line[n++] = '\n';
	fwrite(line, 1, n, stdout);
	fflush(stdout);
}

struct recv_args {
	const char *adapter;
	unsigned long count;	/* 0: no limit */
	double timeout;		/* < 0: none */
	const char *pcap;
	bool quiet;
	struct ndisprot_filter filter;
};

/* How it ended. */
enum recv_end { END_COUNT, END_TIMEOUT, END_SIGNAL, END_GONE, END_ERROR };

#define RECV_BATCH	32	/* frames per NDISPROT_IOC_RECV_BATCH */

/* Each frame of the batch @d (@n of them) to the pcap file and the screen: 0 or -1. */
static int recv_frames(int pcap_fd, bool print, const struct recv_args *a,
		       const struct ndisprot_frame *d, unsigned int n)
{
	struct timeval tv;
	unsigned int i;

	gettimeofday(&tv, NULL);
	for (i = 0; i < n; i++) {
		const unsigned char *buf = (const unsigned char *)(uintptr_t)d[i].data;

		if (pcap_fd >= 0 && pcap_write_frame(pcap_fd, &tv, buf, d[i].len)) {
			err_errno(errno, "recv %s: %s", a->adapter, a->pcap);
			return -1;
		}
		if (print)
			print_frame(buf, d[i].len);
	}
	return 0;
}

static enum recv_end receive(int fd, int sfd, int pcap_fd, bool print,
			     const struct recv_args *a, unsigned long *got)
{
	static unsigned char buf[RECV_BATCH][NDISPROT_FRAME_MAX];
	double deadline = a->timeout >= 0 ? now_s() + a->timeout : 0;
	struct pollfd p[2] = { { fd, POLLIN, 0 }, { sfd, POLLIN, 0 } };
	struct ndisprot_frame d[RECV_BATCH];
	struct ndisprot_batch b = { sizeof(b), 0, (uintptr_t)d, 0, 0 };
	unsigned int i;
	int ms, r;

	while (!a->count || *got < a->count) {
		ms = -1;
		if (a->timeout >= 0) {
			double left = deadline - now_s();

			if (left <= 0)
				return END_TIMEOUT;
			ms = (int)(left * 1000) + 1;
		}
		r = poll(p, 2, ms);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			err_errno(errno, "recv %s: poll", a->adapter);
			return END_ERROR;
		}
		if (p[1].revents)
			return END_SIGNAL;
		if (!p[0].revents)
			continue;
		/* POLLERR too: the call says why. */
		b.count = RECV_BATCH;
		if (a->count && a->count - *got < b.count)
			b.count = a->count - *got;
		for (i = 0; i < b.count; i++)
			d[i] = (struct ndisprot_frame){ (uintptr_t)buf[i], sizeof(buf[i]), 0 };
		if (ioctl(fd, NDISPROT_IOC_RECV_BATCH, &b)) {
			int e = errno;

			if (e == EINTR || e == EAGAIN)
				continue;
			if (e == ENODEV)
				return END_GONE;
			err_errno(e, "recv %s", a->adapter);
			return END_ERROR;
		}
		*got += b.count;
		if (recv_frames(pcap_fd, print, a, d, b.count))
			return END_ERROR;
	}
	return END_COUNT;
}

static int recv_run(const struct recv_args *a)
{
	struct ndisprot_stats st;
	unsigned long got = 0;
	enum recv_end end;
	char desc[160];
	sigset_t mask;
	int fd, sfd = -1, pcap_fd = -1, rc = EXIT_FAIL;

	fd = dev_open("recv");
	if (fd < 0)
		return EXIT_FAIL;
	if (dev_attach(fd, a->adapter))
		goto out;
	if (ioctl(fd, NDISPROT_IOC_SET_FILTER, &a->filter)) {
		err_errno(errno, "recv %s: set filter", a->adapter);
		goto out;
	}
	if (a->pcap && !strcmp(a->pcap, "-")) {
		pcap_fd = STDOUT_FILENO;
	} else if (a->pcap) {
		pcap_fd = open(a->pcap, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (pcap_fd < 0) {
			err_errno(errno, "recv %s: %s", a->adapter, a->pcap);
			goto out;
		}
	}
	if (pcap_fd >= 0 && pcap_write_header(pcap_fd)) {
		err_errno(errno, "recv %s: %s", a->adapter, a->pcap);
		goto out;
	}
	/* SIGINT and SIGTERM end the wait through the poll set. */
	sigemptyset(&mask);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGTERM);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	sfd = signalfd(-1, &mask, SFD_CLOEXEC);
	if (sfd < 0) {
		err_errno(errno, "recv %s: signalfd", a->adapter);
		goto out;
	}

	/* Like tcpdump: from here on no frame the filter takes is missed. */
	describe_filter(desc, sizeof(desc), &a->filter);
	fprintf(stderr, "ndisctl: recv %s: listening (%s)\n", a->adapter, desc);
	end = receive(fd, sfd, pcap_fd, !a->pcap && !a->quiet, a, &got);

	memset(&st, 0, sizeof(st));
	st.size = sizeof(st);
	if (end != END_GONE && !ioctl(fd, NDISPROT_IOC_STATS, &st) && st.rx_dropped)
		err_msg("recv %s: %llu frames dropped: more than %d were waiting",
			a->adapter, (unsigned long long)st.rx_dropped, NDISPROT_RXQ_MAX);
	switch (end) {
	case END_COUNT:
		rc = EXIT_OK;
		break;
	case END_TIMEOUT:
	case END_SIGNAL:
		if (!a->count) {
			rc = EXIT_OK;
		} else if (end == END_TIMEOUT) {
			err_msg("recv %s: timed out after %g s with %lu of %lu frames (%s)",
				a->adapter, a->timeout, got, a->count, desc);
		} else {
			err_msg("recv %s: interrupted with %lu of %lu frames",
				a->adapter, got, a->count);
		}
		break;
	case END_GONE:
		err_msg("recv %s: the adapter went away (unbound or removed) after %lu frame%s",
			a->adapter, got, got == 1 ? "" : "s");
		break;
	default:
		break;
	}
	if (a->quiet && (end == END_COUNT || rc == EXIT_OK))
		printf("received %lu frame%s on %s\n", got, got == 1 ? "" : "s", a->adapter);
out:
	if (sfd >= 0)
		close(sfd);
	if (pcap_fd > STDOUT_FILENO)
		close(pcap_fd);
	close(fd);
	return rc;
}

int cmd_recv(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "count", required_argument, NULL, 'c' },
		{ "timeout", required_argument, NULL, 't' },
		{ "filter", required_argument, NULL, 'f' },
		{ "ethertype", required_argument, NULL, 'e' },
		{ "pcap", required_argument, NULL, 'w' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct recv_args a;
	unsigned long v;
	int c;

	memset(&a, 0, sizeof(a));
	a.timeout = -1;
	a.filter.size = sizeof(a.filter);
	a.filter.packet_filter = NDISPROT_RX_DIRECTED | NDISPROT_RX_BROADCAST;

	while ((c = getopt_long(argc, argv, ":c:t:f:e:w:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			if (!parse_ulong(optarg, 1000000000, &a.count) || !a.count)
				return usage_error("recv", "--count: bad count '%s'", optarg);
			break;
		case 't':
			if (!parse_seconds(optarg, &a.timeout))
				return usage_error("recv", "--timeout: bad seconds '%s'", optarg);
			break;
		case 'f':
			if (!parse_filter(optarg, &a.filter.packet_filter))
				return usage_error("recv", "--filter: bad list '%s' %s", optarg,
						   "(directed,multicast,broadcast,promiscuous)");
			break;
		case 'e':
			if (a.filter.n_ethertypes == NDISPROT_ETHERTYPES_MAX)
				return usage_error("recv", "at most %d --ethertype",
						   NDISPROT_ETHERTYPES_MAX);
			if (!parse_ulong(optarg, 0xffff, &v) || v < 0x600)
				return usage_error("recv", "--ethertype: bad EtherType '%s' %s",
						   optarg, "(0x0600 to 0xffff)");
			a.filter.ethertypes[a.filter.n_ethertypes++] = v;
			break;
		case 'w':
			a.pcap = optarg;
			break;
		case 'q':
			a.quiet = true;
			break;
		case 'h':
			fputs(recv_help, stdout);
			return EXIT_OK;
		default:
			return bad_option("recv", c, argv);
		}
	}
	if (argc - optind != 1)
		return usage_error("recv", argc == optind ? "needs an ADAPTER" :
				   "too many arguments");
	a.adapter = argv[optind];
	if (strlen(a.adapter) >= NDISPROT_NAME_MAX)
		return usage_error("recv", "'%s' is longer than an adapter name can be", a.adapter);
	return recv_run(&a);
}
