// SPDX-License-Identifier: GPL-2.0
/*
 * ndisctl send: frames from the command line or a pcap file, sent on
 * /dev/ndisprot attached to one adapter, up to SEND_BATCH frames per
 * NDISPROT_IOC_SEND_BATCH call, then fsync() for their completions.
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "ndisctl.h"

static const char send_help[] =
	"Usage: ndisctl send ADAPTER [--count N] [--src-self] [--any-source]\n"
	"                    (--hex HEX | --pcap FILE)\n"
	"\n"
	"Send whole Ethernet frames (destination, source, EtherType, payload; no\n"
	"FCS) on ADAPTER through ndisprot, N times (default 1), and print how\n"
	"many were sent.\n"
	"\n"
	"  --hex HEX      one frame as hex bytes; spaces and ':' '-' '.' may\n"
	"                 separate them: 'ff ff ff ff ff ff 00 00 00 00 00 00 88 b5 ..'\n"
	"  --pcap FILE    every packet of a classic pcap file (Ethernet link type,\n"
	"                 either byte order), in order; --count repeats the file\n"
	"  --count N      send the frame (or the file) N times\n"
	"  --src-self     put the adapter's own MAC address in each frame's source\n"
	"  --any-source   let frames carry any source address (otherwise a frame\n"
	"                 whose source is not the adapter's is refused with\n"
	"                 'Cannot assign requested address')\n"
	"\n"
	"Frames shorter than 60 bytes are padded by the NIC. The largest frame is\n"
	"the adapter's MTU + 14 bytes.\n";

enum { OPT_SRC_SELF = 256, OPT_ANY_SOURCE };

#define SEND_BATCH	256	/* frames per call */

static void send_error(int e, const char *adapter, const struct frame *f,
		       unsigned long sent, unsigned long total)
{
	char mac[32];

	err_errno(e, "send %s", adapter);
	switch (e) {
	case EADDRNOTAVAIL:
		format_mac(mac, sizeof(mac), f->data + 6);
		hint("the frame's source %s is not %s's address; use --src-self or --any-source",
		     mac, adapter);
		break;
	case ENETDOWN:
		hint("%s's link is down or its binding is paused (see 'ndisctl adapters')",
		     adapter);
		break;
	case EINVAL:
		hint("a %zu-byte frame does not fit %s (14 bytes up to its MTU + 14)",
		     f->len, adapter);
		break;
	case ENODEV:
		hint("%s went away (unbound or removed)", adapter);
		break;
	case EIO:
		hint("the adapter failed the send (see dmesg)");
		break;
	default:
		break;
	}
	printf("sent %lu of %lu frames on %s\n", sent, total, adapter);
}

int cmd_send(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "count", required_argument, NULL, 'c' },
		{ "hex", required_argument, NULL, 'x' },
		{ "pcap", required_argument, NULL, 'p' },
		{ "src-self", no_argument, NULL, OPT_SRC_SELF },
		{ "any-source", no_argument, NULL, OPT_ANY_SOURCE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *adapter, *hex = NULL, *pcap = NULL;
	bool src_self = false, any_source = false;
	unsigned long count = 1, sent = 0, total;
	unsigned long long bytes = 0;
	struct frames fs = { NULL, 0 };
	struct ndisprot_frame *d = NULL;
	unsigned char mac[6];
	char why[160];
	size_t i;
	int c, fd, rc = EXIT_FAIL;

	while ((c = getopt_long(argc, argv, ":c:x:p:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			if (!parse_ulong(optarg, 1000000000, &count) || !count)
				return usage_error("send", "--count: bad count '%s'", optarg);
			break;
		case 'x':
			hex = optarg;
			break;
		case 'p':
			pcap = optarg;
			break;
		case OPT_SRC_SELF:
			src_self = true;
			break;
		case OPT_ANY_SOURCE:
			any_source = true;
			break;
		case 'h':
			fputs(send_help, stdout);
			return EXIT_OK;
		default:
			return bad_option("send", c, argv);
		}
	}
	if (argc - optind != 1)
		return usage_error("send", argc == optind ? "needs an ADAPTER" :
				   "too many arguments");
	adapter = argv[optind];
	if (strlen(adapter) >= NDISPROT_NAME_MAX)
		return usage_error("send", "'%s' is longer than an adapter name can be", adapter);
	if (!hex == !pcap)
		return usage_error("send", "needs one of --hex HEX or --pcap FILE");

	if (hex) {
		struct frame f;

		if (frame_from_hex(hex, &f, why, sizeof(why)))
			return usage_error("send", "--hex: %s", why);
		frames_add(&fs, f.data, f.len);
		free(f.data);
	} else if (frames_from_pcap(pcap, &fs)) {
		return EXIT_FAIL;
	}
	total = count * fs.n;

	fd = dev_open("send");
	if (fd < 0)
		goto out;
	if (dev_attach(fd, adapter))
		goto out_close;
	if (any_source) {
		struct ndisprot_options o = { sizeof(o), NDISPROT_OPT_ANY_SOURCE };

		if (ioctl(fd, NDISPROT_IOC_SET_OPTIONS, &o)) {
			err_errno(errno, "send %s: --any-source", adapter);
			goto out_close;
		}
	}
	if (src_self) {
		if (dev_own_mac(fd, adapter, mac))
			goto out_close;
		for (i = 0; i < fs.n; i++)
			memcpy(fs.v[i].data + 6, mac, 6);
	}

	d = xmalloc(SEND_BATCH * sizeof(*d));
	while (sent < total) {
		struct ndisprot_batch b = { sizeof(b), 0, (uintptr_t)d, 0, 0 };

		for (; b.count < SEND_BATCH && sent + b.count < total; b.count++) {
			const struct frame *f = &fs.v[(sent + b.count) % fs.n];

			d[b.count] = (struct ndisprot_frame){ (uintptr_t)f->data, f->len, 0 };
		}
		if (ioctl(fd, NDISPROT_IOC_SEND_BATCH, &b)) {
			if (errno == EINTR)
				continue;	/* nothing was sent */
			send_error(errno, adapter, &fs.v[sent % fs.n], sent, total);
			goto out_close;
		}
		for (i = 0; i < b.count; i++)
			bytes += d[i].len;
		sent += b.count;
	}
	/* Every frame completed; a failure the adapter reported comes here. */
	while ((rc = fsync(fd)) && errno == EINTR)
		;
	if (rc) {
		rc = EXIT_FAIL;
		err_errno(errno, "send %s: the adapter failed frames it was given", adapter);
		printf("handed %lu frames to %s; see 'ndisctl stats' for how many failed\n", sent,
		       adapter);
		goto out_close;
	}
	printf("sent %lu frame%s (%llu bytes) on %s\n", sent, sent == 1 ? "" : "s", bytes,
	       adapter);
	rc = EXIT_OK;
out_close:
	close(fd);
out:
	free(d);
	frames_free(&fs);
	return rc;
}
