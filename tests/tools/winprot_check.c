// SPDX-License-Identifier: GPL-2.0
/*
 * winprot_check: the integration tier's user of the Windows-style test
 * drivers, run in the guest: winprot's device on two winmini adapters.
 * Each check prints "NDIS-TEST: ok - ..." or "NDIS-TEST: not ok - ...".
 *
 *   winprot_check ADAPTER_A ADAPTER_B MAC_B
 *
 * MAC_B (aa:bb:cc:dd:ee:ff) is the address ADAPTER_B must report: the
 * NetworkAddress configured for it. Frames go from A to B and back, of
 * every length, and arrive byte for byte and in order.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <ndis/device.h>

/* What <winioctl.h> gives a Windows program. */
#define CTL_CODE(t, f, m, a)	(((t) << 16) | ((a) << 14) | ((f) << 2) | (m))
#define FILE_DEVICE_NETWORK	0x12
#define METHOD_BUFFERED		0
#define FILE_READ_ACCESS	1
#define FILE_WRITE_ACCESS	2
#include "../windows/winprot/winprot_ioctl.h"

#define OID_GEN_RCV_OK			0x00020102
#define OID_GEN_XMIT_OK			0x00020101
#define OID_802_3_CURRENT_ADDRESS	0x01010102

static int failures;

static void check(int ok, const char *fmt, ...)
{
	va_list ap;

	printf("NDIS-TEST: %s - ", ok ? "ok" : "not ok");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	if (!ok)
		failures++;
}

static int ioctl_nt(int fd, unsigned int code, const void *in, unsigned int in_len, void *out,
		    unsigned int out_len, unsigned int *returned)
{
	struct ndis_device_ioctl io = {
		.input = (uintptr_t)in, .input_length = in_len,
		.output = (uintptr_t)out, .output_length = out_len,
	};
	int rc = ioctl(fd, code, &io);

	if (returned)
		*returned = io.returned;
	return rc < 0 ? -errno : 0;
}

static int open_adapter(const char *name)
{
	uint16_t wide[64];
	size_t i, n = strlen(name);
	int fd = open(NDIS_DEVICE_DIR "/" WINPROT_DEVICE_NAME, O_RDWR);

	if (fd < 0 || n > 64)
		return -1;
	for (i = 0; i < n; i++)
		wide[i] = (unsigned char)name[i];
	if (ioctl_nt(fd, IOCTL_WINPROT_OPEN_DEVICE, wide, n * 2, NULL, 0, NULL)) {
		close(fd);
		return -1;
	}
	return fd;
}

static int query(int fd, unsigned int oid, void *data, unsigned int len)
{
	unsigned char buf[sizeof(WINPROT_OID_DATA) + 64];
	PWINPROT_OID_DATA od = (PWINPROT_OID_DATA)buf;
	unsigned int returned = 0;

	od->Oid = oid;
	if (ioctl_nt(fd, IOCTL_WINPROT_QUERY_OID_VALUE, buf, sizeof(*od) + len, buf,
		     sizeof(*od) + len, &returned) || returned < sizeof(*od))
		return -1;
	memcpy(data, od->Data, len);
	return (int)(returned - sizeof(*od));
}

static uint64_t counter(int fd, unsigned int oid)
{
	uint64_t v = 0;

	return query(fd, oid, &v, sizeof(v)) < 0 ? UINT64_MAX : v;
}

static void on_alarm(int sig)
{
	(void)sig;
}

/* Read one frame within 10 s; -errno on failure. */
static ssize_t read_frame(int fd, unsigned char *buf, size_t len)
{
	ssize_t n;

	alarm(10);
	n = read(fd, buf, len);
	alarm(0);
	return n < 0 ? -errno : n;
}

static void fill(unsigned char *f, size_t len, const unsigned char *dst, const unsigned char *src,
		 unsigned int seed)
{
	size_t i;

	memcpy(f, dst, 6);
	memcpy(f + 6, src, 6);
	f[12] = 0x88;
	f[13] = 0xb5;		/* local experimental EtherType */
	for (i = 14; i < len; i++)
		f[i] = (unsigned char)(seed * 31 + i);
}

int main(int argc, char **argv)
{
	unsigned char mac_a[6], mac_b[6], want_b[6], out[1514], in[2048];
	struct sigaction sa = { .sa_handler = on_alarm };
	uint64_t xmit0, rcv0;
	unsigned int i;
	int a, b, ok;
	ssize_t n;

	if (argc != 4 || sscanf(argv[3], "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx", &want_b[0], &want_b[1],
				&want_b[2], &want_b[3], &want_b[4], &want_b[5]) != 6) {
		fprintf(stderr, "usage: winprot_check ADAPTER_A ADAPTER_B MAC_B\n");
		return 2;
	}
	sigaction(SIGALRM, &sa, NULL);	/* no SA_RESTART: a read is interrupted */

	a = open_adapter(argv[1]);
	b = open_adapter(argv[2]);
	check(a >= 0 && b >= 0, "IOCTL_WINPROT_OPEN_DEVICE on %s and %s", argv[1], argv[2]);
	if (a < 0 || b < 0)
		return 1;
	check(open_adapter(argv[1]) < 0, "a second file cannot take %s", argv[1]);

	check(query(a, OID_802_3_CURRENT_ADDRESS, mac_a, 6) == 6 &&
	      query(b, OID_802_3_CURRENT_ADDRESS, mac_b, 6) == 6,
	      "OID_802_3_CURRENT_ADDRESS through IOCTL_WINPROT_QUERY_OID_VALUE");
	check(!memcmp(mac_b, want_b, 6), "%s reports its configured NetworkAddress %s", argv[2],
	      argv[3]);
	xmit0 = counter(a, OID_GEN_XMIT_OK);
	rcv0 = counter(b, OID_GEN_RCV_OK);
	check(xmit0 != UINT64_MAX && rcv0 != UINT64_MAX, "OID_GEN_XMIT_OK and OID_GEN_RCV_OK");

	/* Every length from the minimum to the largest, A to B, in order. */
	ok = 1;
	for (i = 14; i <= 1514 && ok; i += (i < 80 ? 1 : 97)) {
		fill(out, i, mac_b, mac_a, i);
		n = write(a, out, i);
		if (n != (ssize_t)i) {
			printf("# write of %u bytes: %zd (%s)\n", i, n, strerror(errno));
			ok = 0;
			break;
		}
		n = read_frame(b, in, sizeof(in));
		if (n != (ssize_t)i || memcmp(in, out, i)) {
			printf("# frame of %u bytes arrived as %zd bytes\n", i, n);
			ok = 0;
		}
	}
	check(ok, "frames of 14..1514 bytes from %s arrive at %s byte for byte", argv[1],
	      argv[2]);

	/* A burst: queued in winmini, indicated in batches, read in order. */
	for (i = 0; i < 40; i++) {
		fill(out, 60 + i, (const unsigned char *)"\xff\xff\xff\xff\xff\xff", mac_b, i);
		if (write(b, out, 60 + i) != 60 + i)
			break;
	}
	check(i == 40, "40 broadcast frames written on %s", argv[2]);
	ok = 1;
	for (i = 0; i < 40 && ok; i++) {
		fill(out, 60 + i, (const unsigned char *)"\xff\xff\xff\xff\xff\xff", mac_b, i);
		n = read_frame(a, in, sizeof(in));
		ok = n == 60 + i && !memcmp(in, out, n);
	}
	check(ok, "the burst arrives at %s complete and in order", argv[1]);

	/* Not for A's address: A's filter drops it, so a read blocks. */
	fill(out, 64, (const unsigned char *)"\x02\x00\x00\x00\x00\x01", mac_b, 7);
	check(write(b, out, 64) == 64, "a frame for nobody is sent");
	alarm(1);
	n = read(a, in, sizeof(in));
	alarm(0);
	check(n < 0 && errno == EINTR, "a read with nothing for it pends and a signal cancels it");

	check(counter(a, OID_GEN_XMIT_OK) >= xmit0 + 1 && counter(b, OID_GEN_RCV_OK) >= rcv0 + 1,
	      "the counters moved");
	check(write(a, out, 10) < 0 && errno == EINVAL, "a runt write fails with EINVAL");

	close(a);
	close(b);
	return failures ? 1 : 0;
}
