// SPDX-License-Identifier: GPL-2.0
/*
 * ndisprot_check: the integration tier's probe of /dev/ndisprot's edges,
 * run inside the guest. Each check prints "NDIS-TEST: ok - ..." or
 * "NDIS-TEST: not ok - ..." like the guest scripts do.
 *
 *   ndisprot_check errors ADAPTER        bad input, each with its errno
 *   ndisprot_check unprivileged          open without CAP_NET_RAW
 *   ndisprot_check block-read ADAPTER    a blocked read; prints its errno
 *   ndisprot_check write-after FILE ADAPTER
 *                                        attach, wait for FILE to exist,
 *                                        write; prints the errno
 *   ndisprot_check arp ADAPTER SRC_IP TARGET_IP
 *                                        ARP request out, reply read back
 *   ndisprot_check interrupt ADAPTER DELAY_MS
 *                                        writes whose completions the
 *                                        adapter holds back for DELAY_MS:
 *                                        a signal ends the wait, the late
 *                                        completion counts the frame once,
 *                                        the bound on frames in flight,
 *                                        a close with frames in flight
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <sys/uio.h>
#include <unistd.h>
#include <linux/capability.h>
#include <ndis/ndisprot.h>

#define ETH_HLEN_	14	/* an Ethernet header */

static int failures;

static void check(int ok, const char *what, int err)
{
	if (ok) {
		printf("NDIS-TEST: ok - ndisprot: %s\n", what);
	} else {
		printf("NDIS-TEST: not ok - ndisprot: %s (errno %d: %s)\n", what, err,
		       strerror(err));
		failures++;
	}
	fflush(stdout);
}

/* The call failed with @want. */
static void check_errno(int rc, int want, const char *what)
{
	int err = rc < 0 ? errno : 0;

	check(rc < 0 && err == want, what, err);
}

static int open_dev(void)
{
	int fd = open(NDISPROT_DEVICE, O_RDWR);

	if (fd < 0) {
		perror(NDISPROT_DEVICE);
		exit(1);
	}
	return fd;
}

static int attach(int fd, const char *adapter)
{
	struct ndisprot_attach at = { .size = sizeof(at) };

	snprintf(at.adapter, sizeof(at.adapter), "%s", adapter);
	return ioctl(fd, NDISPROT_IOC_ATTACH, &at);
}

static int set_filter(int fd, unsigned int filter, unsigned short type)
{
	struct ndisprot_filter fl = {
		.size = sizeof(fl),
		.packet_filter = filter,
		.n_ethertypes = type ? 1 : 0,
		.ethertypes = { type },
	};

	return ioctl(fd, NDISPROT_IOC_SET_FILTER, &fl);
}

/* The adapter's MAC and MTU, from NDISPROT_IOC_LIST. */
static int adapter_info(int fd, const char *name, unsigned char *mac, unsigned int *mtu)
{
	struct ndisprot_adapter a[64];
	struct ndisprot_list l = {
		.size = sizeof(l), .count = 64, .adapters = (unsigned long)a,
	};
	unsigned int i;

	if (ioctl(fd, NDISPROT_IOC_LIST, &l))
		return -1;
	for (i = 0; i < l.count && i < 64; i++) {
		if (strcmp(a[i].name, name))
			continue;
		memcpy(mac, a[i].mac, 6);
		*mtu = a[i].mtu;
		return 0;
	}
	errno = ENODEV;
	return -1;
}

static void frame_init(unsigned char *f, size_t len, const unsigned char *src)
{
	memset(f, 0xa5, len);
	memset(f, 0xff, 6);
	memcpy(f + 6, src, 6);
	f[12] = 0x88;
	f[13] = 0xb5;
}

static int cmd_errors(const char *adapter)
{
	unsigned char mac[6], frame[9100], buf[2048];
	struct ndisprot_options opt = { .size = sizeof(opt) };
	struct ndisprot_oid oid = { .size = sizeof(oid) };
	struct ndisprot_version v = { .size = sizeof(v) };
	struct ndisprot_stats st = { .size = sizeof(st) };
	struct {
		struct ndisprot_version v;
		unsigned char tail[16];
	} big = { .v.size = sizeof(big) };
	struct iovec iov[2];
	unsigned int mtu;
	int fd = open_dev();

	check_errno(read(fd, buf, sizeof(buf)), ENOTCONN, "read before attach: ENOTCONN");
	check_errno(write(fd, buf, 60), ENOTCONN, "write before attach: ENOTCONN");
	check_errno(ioctl(fd, _IO(NDISPROT_IOC_MAGIC, 42)), ENOTTY, "unknown ioctl: ENOTTY");
	check_errno(ioctl(fd, _IO('x', 1)), ENOTTY, "foreign ioctl: ENOTTY");
	check(ioctl(fd, NDISPROT_IOC_VERSION, &v) == 0 && v.abi == NDISPROT_ABI_VERSION,
	      "VERSION answers the ABI version", errno);
	v.size = 4;
	check_errno(ioctl(fd, NDISPROT_IOC_VERSION, &v), EINVAL, "size too small: EINVAL");
	check(ioctl(fd, NDISPROT_IOC_VERSION, &big) == 0,
	      "larger size with a zero tail accepted", errno);
	big.v.size = sizeof(big);	/* the driver answered with its own size */
	big.tail[3] = 1;
	check_errno(ioctl(fd, NDISPROT_IOC_VERSION, &big), E2BIG,
		    "larger size with unknown bytes: E2BIG");
	check_errno(ioctl(fd, NDISPROT_IOC_STATS, &st), ENOTCONN, "STATS before attach: ENOTCONN");
	check_errno(attach(fd, "no-such-adapter"), ENODEV, "attach to an unknown adapter: ENODEV");
	check(attach(fd, adapter) == 0, "attach", errno);
	check_errno(attach(fd, adapter), EISCONN, "attach twice: EISCONN");
	check(adapter_info(fd, adapter, mac, &mtu) == 0, "LIST has the adapter", errno);

	check_errno(set_filter(fd, 0x40, 0), EINVAL, "unknown filter bit: EINVAL");
	check_errno(fcntl(fd, F_SETFL, O_NONBLOCK) == 0 ? read(fd, buf, sizeof(buf)) : -1,
		    EAGAIN, "non-blocking read with nothing queued: EAGAIN");
	frame_init(frame, sizeof(frame), mac);
	check_errno(write(fd, frame, 10), EINVAL, "write below the Ethernet header: EINVAL");
	check_errno(write(fd, frame, mtu + 15), EINVAL, "write above the MTU: EINVAL");
	frame[11] ^= 1;
	check_errno(write(fd, frame, 60), EADDRNOTAVAIL, "foreign source MAC: EADDRNOTAVAIL");
	opt.flags = NDISPROT_OPT_ANY_SOURCE;
	check(ioctl(fd, NDISPROT_IOC_SET_OPTIONS, &opt) == 0 && write(fd, frame, 60) == 60,
	      "foreign source MAC once allowed", errno);
	frame[11] ^= 1;
	check(write(fd, frame, mtu + 14) == (ssize_t)(mtu + 14), "write of a full-size frame",
	      errno);
	iov[0].iov_base = frame;
	iov[0].iov_len = ETH_HLEN_;
	iov[1].iov_base = frame + ETH_HLEN_;
	iov[1].iov_len = 46;
	check(writev(fd, iov, 2) == 60, "writev of a frame in two pieces", errno);

	oid.oid = NDISPROT_OID_802_3_CURRENT_ADDRESS;
	check(ioctl(fd, NDISPROT_IOC_OID, &oid) == 0 && oid.length == 6 &&
	      !memcmp(oid.data, mac, 6), "OID query of the current address", errno);
	oid.oid = 0x00010116;	/* OID_GEN_VENDOR_DRIVER_VERSION: not allowed */
	check_errno(ioctl(fd, NDISPROT_IOC_OID, &oid), EACCES, "OID off the allow-list: EACCES");
	oid.oid = NDISPROT_OID_GEN_CURRENT_PACKET_FILTER;
	oid.set = 1;
	oid.length = 4;
	check_errno(ioctl(fd, NDISPROT_IOC_OID, &oid), EACCES, "OID set off the list: EACCES");
	check(ioctl(fd, NDISPROT_IOC_STATS, &st) == 0 && st.tx_frames == 3 && st.tx_errors == 3,
	      "STATS counts 3 frames sent, 3 refused", errno);
	close(fd);
	return failures ? 1 : 0;
}

/* Still root (the device node is root's), but without CAP_NET_RAW. */
static int cmd_unprivileged(void)
{
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct data[2];

	if (syscall(SYS_capget, &hdr, data)) {
		perror("capget");
		return 1;
	}
	data[0].effective &= ~(1U << CAP_NET_RAW);
	data[0].permitted &= ~(1U << CAP_NET_RAW);
	if (syscall(SYS_capset, &hdr, data)) {
		perror("capset");
		return 1;
	}
	check_errno(open(NDISPROT_DEVICE, O_RDWR), EPERM, "open without CAP_NET_RAW: EPERM");
	return failures ? 1 : 0;
}

static int cmd_block_read(const char *adapter)
{
	unsigned char buf[NDISPROT_FRAME_MAX];
	int fd = open_dev();
	ssize_t n;

	if (attach(fd, adapter) || set_filter(fd, NDISPROT_RX_DIRECTED, 0x88b6)) {
		perror(adapter);
		return 1;
	}
	printf("blocked\n");
	fflush(stdout);
	n = read(fd, buf, sizeof(buf));
	printf("read: %s\n", n < 0 ? strerror(errno) : "a frame");
	return 0;
}

static int cmd_write_after(const char *flag, const char *adapter)
{
	unsigned char mac[6], frame[60];
	unsigned int mtu;
	struct stat st;
	int fd = open_dev();

	if (attach(fd, adapter) || adapter_info(fd, adapter, mac, &mtu)) {
		perror(adapter);
		return 1;
	}
	printf("attached\n");
	fflush(stdout);
	while (stat(flag, &st))
		usleep(50000);
	frame_init(frame, sizeof(frame), mac);
	printf("write: %s\n", write(fd, frame, sizeof(frame)) < 0 ? strerror(errno) : "sent");
	return 0;
}

static int cmd_arp(const char *adapter, const char *src_ip, const char *target_ip)
{
	static const unsigned char arp_head[] = {
		0x08, 0x06,		/* EtherType ARP */
		0x00, 0x01, 0x08, 0x00,	/* Ethernet, IPv4 */
		6, 4, 0x00, 0x01,	/* address sizes, request */
	};
	unsigned char mac[6], req[60] = { 0 }, rep[NDISPROT_FRAME_MAX];
	struct in_addr src, target;
	struct iovec iov[2];
	struct pollfd p;
	unsigned int mtu;
	int fd = open_dev();
	ssize_t n;

	if (!inet_aton(src_ip, &src) || !inet_aton(target_ip, &target))
		return 2;
	if (attach(fd, adapter) || adapter_info(fd, adapter, mac, &mtu) ||
	    set_filter(fd, NDISPROT_RX_DIRECTED | NDISPROT_RX_BROADCAST, 0x0806)) {
		perror(adapter);
		return 1;
	}
	memset(req, 0xff, 6);
	memcpy(req + 6, mac, 6);
	memcpy(req + 12, arp_head, sizeof(arp_head));
	memcpy(req + 22, mac, 6);
	memcpy(req + 28, &src, 4);
	memcpy(req + 38, &target, 4);
	check(write(fd, req, sizeof(req)) == sizeof(req), "ARP request sent", errno);
	p.fd = fd;
	p.events = POLLIN;
	/* The reply is read into two pieces, header and body (readv). */
	iov[0].iov_base = rep;
	iov[0].iov_len = ETH_HLEN_;
	iov[1].iov_base = rep + ETH_HLEN_;
	iov[1].iov_len = sizeof(rep) - ETH_HLEN_;
	while (poll(&p, 1, 5000) == 1) {
		n = readv(fd, iov, 2);
		if (n >= 42 && rep[21] == 2 && !memcmp(rep + 28, &target, 4) &&
		    !memcmp(rep, mac, 6) && !memcmp(rep + 32, mac, 6)) {
			check(1, "ARP reply from the guest's stack read back (readv)", 0);
			return 0;
		}
	}
	check(0, "ARP reply from the guest's stack read back (readv)", ETIMEDOUT);
	return 1;
}

/* A handler of our own, so the signal interrupts the write, not the program. */
static void on_alarm(int sig)
{
	(void)sig;
}

static int file_stats(int fd, struct ndisprot_stats *st)
{
	memset(st, 0, sizeof(*st));
	st->size = sizeof(*st);
	return ioctl(fd, NDISPROT_IOC_STATS, st);
}

/* Poll the file's counters until the frame completed: at most 20 s. */
static int wait_tx_counted(int fd, struct ndisprot_stats *st)
{
	int i;

	for (i = 0; i < 200; i++) {
		if (file_stats(fd, st))
			return -1;
		if (st->tx_frames + st->tx_errors)
			return 0;
		usleep(100000);
	}
	return -1;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A signal every @ms milliseconds from now on (0: none), no SA_RESTART. */
static void alarm_every(long ms)
{
	struct itimerval t = {
		.it_value.tv_usec = ms * 1000, .it_interval.tv_usec = ms * 1000,
	};
	struct sigaction sa = { .sa_handler = on_alarm };

	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_REAL, &t, NULL);
}

/*
 * The adapter holds sends back for DELAY_MS (the caller set its knob): a
 * signal ends a write's wait with the frame's length, the completion
 * counts the frame once when it comes, at most NDISPROT_TX_INFLIGHT_MAX
 * frames can be left in flight so, and a file closed with frames in
 * flight is freed by their completions (KASAN and kmemleak watch that).
 */
static int cmd_interrupt(const char *adapter, int delay_ms)
{
	struct ndisprot_stats st;
	unsigned char mac[6], frame[60];
	unsigned int mtu, i, sent = 0;
	int fd = open_dev();
	double t;
	ssize_t n;

	if (attach(fd, adapter) || adapter_info(fd, adapter, mac, &mtu)) {
		perror(adapter);
		return 1;
	}
	frame_init(frame, sizeof(frame), mac);
	alarm_every(200);	/* repeating: one comes while the write waits */
	t = now_s();
	n = write(fd, frame, sizeof(frame));
	t = now_s() - t;
	alarm_every(0);
	check(n == sizeof(frame) && t < delay_ms / 2000.0,
	      "a signal ends a write's wait at once, with the frame's length", errno);
	check(!file_stats(fd, &st) && st.tx_frames == 0 && st.tx_errors == 0,
	      "not counted before its completion", errno);
	check(!wait_tx_counted(fd, &st), "the late completion came", ETIMEDOUT);
	usleep(300000);	/* a second count would come with the first */
	check(!file_stats(fd, &st) && st.tx_frames == 1 && st.tx_errors == 0 &&
	      st.tx_bytes == sizeof(frame), "the late completion counted it once", 0);

	/* Fill the file's frames in flight, then one more. */
	alarm_every(5);
	for (i = 0; i < NDISPROT_TX_INFLIGHT_MAX; i++)
		sent += write(fd, frame, sizeof(frame)) == sizeof(frame);
	alarm_every(0);
	check(sent == NDISPROT_TX_INFLIGHT_MAX, "frames left in flight by interrupted writes",
	      errno);
	fcntl(fd, F_SETFL, O_NONBLOCK);
	check_errno(write(fd, frame, sizeof(frame)), EAGAIN,
		    "one more in flight than NDISPROT_TX_INFLIGHT_MAX: EAGAIN");
	close(fd);	/* their completions free the file */
	return failures ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "errors"))
		return cmd_errors(argv[2]);
	if (argc == 2 && !strcmp(argv[1], "unprivileged"))
		return cmd_unprivileged();
	if (argc == 3 && !strcmp(argv[1], "block-read"))
		return cmd_block_read(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "write-after"))
		return cmd_write_after(argv[2], argv[3]);
	if (argc == 5 && !strcmp(argv[1], "arp"))
		return cmd_arp(argv[2], argv[3], argv[4]);
	if (argc == 4 && !strcmp(argv[1], "interrupt"))
		return cmd_interrupt(argv[2], atoi(argv[3]));
	fprintf(stderr, "usage: see the comment at the top of %s\n", __FILE__);
	return 2;
}
