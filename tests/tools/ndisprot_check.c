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
 *   ndisprot_check window ADAPTER DELAY_MS
 *                                        writes whose completions the
 *                                        adapter holds back for DELAY_MS:
 *                                        the send window (EAGAIN, EINTR,
 *                                        POLLOUT), fsync, a batch larger
 *                                        than the window, a close with
 *                                        frames in flight
 *   ndisprot_check tx-error ADAPTER      the adapter fails the next two
 *                                        sends (its knob): both reported
 *                                        once, by fsync, poll and write
 *   ndisprot_check unbind-full FILE ADAPTER
 *                                        fill the window (completions held
 *                                        back), wait for FILE: the unbind
 *                                        or removal meanwhile completed
 *                                        every frame, once
 *   ndisprot_check batch-errors ADAPTER PEER
 *                                        SEND_BATCH and RECV_BATCH edges;
 *                                        PEER hears ADAPTER
 *   ndisprot_check lend ADAPTER PEER [IFNAME]
 *                                        full-size frames, which
 *                                        ndis_netdev lends to the NIC
 *                                        instead of copying, then frames
 *                                        of mixed lengths in the same
 *                                        (reused) NBLs, arrive byte for
 *                                        byte; with IFNAME (ADAPTER's
 *                                        NIC), an AF_PACKET tap on it sees
 *                                        them intact too, though each
 *                                        frame's memory is reused as soon
 *                                        as its send completed
 *   ndisprot_check lend ADAPTER PEER IFNAME COMMAND
 *                                        the same, with COMMAND (a shell
 *                                        command: "rmmod ndis_netdev") run
 *                                        before the tap's frames are read
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#include <linux/capability.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
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

/* /dev/ndisprot attached to @adapter, its MAC in @mac; exits on failure. */
static int open_attached(const char *adapter, unsigned char *mac)
{
	unsigned int mtu;
	int fd = open_dev();

	if (attach(fd, adapter) || adapter_info(fd, adapter, mac, &mtu)) {
		perror(adapter);
		exit(1);
	}
	return fd;
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
	check(fsync(fd) == 0 && ioctl(fd, NDISPROT_IOC_STATS, &st) == 0 && st.tx_frames == 3 &&
	      st.tx_errors == 3, "STATS counts 3 frames sent, 3 refused", errno);
	memset(&st, 0xee, sizeof(st));
	st.size = offsetof(struct ndisprot_stats, tx_inflight);	/* ABI 1's */
	check(ioctl(fd, NDISPROT_IOC_STATS, &st) == 0 && st.tx_frames == 3 &&
	      st.tx_inflight == 0xeeeeeeee, "STATS of ABI 1's size: answered, nothing beyond",
	      errno);
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
	struct stat st;
	int fd = open_attached(adapter, mac);

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
		.it_value = { ms / 1000, ms % 1000 * 1000 },
		.it_interval = { ms / 1000, ms % 1000 * 1000 },
	};
	struct sigaction sa = { .sa_handler = on_alarm };

	if (sigaction(SIGALRM, &sa, NULL) || setitimer(ITIMER_REAL, &t, NULL)) {
		perror("setitimer");
		exit(1);
	}
}

static int set_window(int fd, unsigned int frames)
{
	struct ndisprot_tx_window w = { .size = sizeof(w), .frames = frames };

	return ioctl(fd, NDISPROT_IOC_SET_TX_WINDOW, &w);
}

/* SEND_BATCH of @n copies of @frame; the frames sent, or -1 with errno. */
static int send_batch(int fd, const unsigned char *frame, unsigned int len, unsigned int n)
{
	struct ndisprot_frame d[64];
	struct ndisprot_batch b = {
		.size = sizeof(b), .count = n, .frames = (unsigned long)d,
	};
	unsigned int i;

	for (i = 0; i < n && i < 64; i++) {
		d[i].data = (unsigned long)frame;
		d[i].len = len;
		d[i].flags = 0;
	}
	if (ioctl(fd, NDISPROT_IOC_SEND_BATCH, &b))
		return -1;
	return b.count;
}

/* Writes of @frame until @n went; the number that did. */
static unsigned int write_n(int fd, const unsigned char *frame, size_t len, unsigned int n)
{
	unsigned int i, sent = 0;

	for (i = 0; i < n; i++)
		sent += write(fd, frame, len) == (ssize_t)len;
	return sent;
}

/*
 * The adapter holds sends back for DELAY_MS (the caller set its knob):
 * writes return at once until the window is full, then wait (a signal
 * ends that wait, nothing sent) or fail with EAGAIN; poll() reports room;
 * fsync() waits for every frame; a batch larger than the window waits for
 * room and sends it all; a file closed with frames in flight is freed by
 * their completions (KASAN and kmemleak watch that).
 */
static int cmd_window(const char *adapter, int delay_ms)
{
	struct ndisprot_stats st;
	unsigned char mac[6], frame[60];
	struct pollfd p;
	int fd = open_attached(adapter, mac);
	double t;
	ssize_t n;

	frame_init(frame, sizeof(frame), mac);
	check_errno(set_window(fd, 0), EINVAL, "a window of 0: EINVAL");
	check_errno(set_window(fd, NDISPROT_TX_WINDOW_MAX + 1), EINVAL,
		    "a window above NDISPROT_TX_WINDOW_MAX: EINVAL");
	check(!file_stats(fd, &st) && st.tx_window == NDISPROT_TX_WINDOW_DEFAULT,
	      "a new file's window is NDISPROT_TX_WINDOW_DEFAULT", errno);
	check(set_window(fd, 8) == 0, "window set to 8", errno);

	t = now_s();
	check(write_n(fd, frame, sizeof(frame), 8) == 8 && now_s() - t < delay_ms / 2000.0,
	      "8 writes return before their completions", errno);
	check(!file_stats(fd, &st) && st.tx_inflight == 8 && st.tx_frames == 0 &&
	      st.tx_window == 8, "STATS: 8 in flight, none counted yet", errno);
	p.fd = fd;
	p.events = POLLOUT;
	check(poll(&p, 1, 0) == 0, "no POLLOUT with the window full", errno);
	fcntl(fd, F_SETFL, O_NONBLOCK);
	check_errno(write(fd, frame, sizeof(frame)), EAGAIN,
		    "O_NONBLOCK write with the window full: EAGAIN");
	check_errno(send_batch(fd, frame, sizeof(frame), 4), EAGAIN,
		    "O_NONBLOCK SEND_BATCH with the window full: EAGAIN");
	fcntl(fd, F_SETFL, 0);
	alarm_every(200);
	t = now_s();
	n = write(fd, frame, sizeof(frame));
	t = now_s() - t;
	alarm_every(0);
	check(n < 0 && errno == EINTR && t < delay_ms / 2000.0,
	      "a signal ends a write waiting for room: EINTR", n < 0 ? errno : 0);
	check(poll(&p, 1, delay_ms * 4) == 1 && (p.revents & POLLOUT),
	      "poll wakes with POLLOUT once frames complete", errno);
	check(fsync(fd) == 0 && !file_stats(fd, &st) && st.tx_inflight == 0 &&
	      st.tx_frames == 8 && st.tx_bytes == 8 * sizeof(frame) && st.tx_errors == 0,
	      "fsync waits for every frame; each counted once", errno);

	/* 20 through a window of 16: the last 4 wait for room, so are in flight. */
	check(set_window(fd, 16) == 0 && send_batch(fd, frame, sizeof(frame), 20) == 20 &&
	      !file_stats(fd, &st) && st.tx_frames == 8 + 16 && st.tx_inflight == 4,
	      "a blocking SEND_BATCH larger than the window waits for room, sends all",
	      errno);
	check(write_n(fd, frame, sizeof(frame), 12) == 12, "window filled again", errno);
	close(fd);	/* their completions free the file */
	return failures ? 1 : 0;
}

/* The adapter fails the next two sends (the caller set its knob). */
static int cmd_tx_error(const char *adapter)
{
	struct ndisprot_stats st;
	unsigned char mac[6], frame[60];
	struct pollfd p;
	int fd = open_attached(adapter, mac);

	frame_init(frame, sizeof(frame), mac);
	check(write(fd, frame, sizeof(frame)) == sizeof(frame),
	      "a write the adapter fails later returns at once", errno);
	check_errno(fsync(fd), EIO, "fsync reports the failure: EIO");
	check(fsync(fd) == 0, "reported once: the next fsync returns 0", errno);
	check(write(fd, frame, sizeof(frame)) == sizeof(frame), "a second failing write", errno);
	p.fd = fd;
	p.events = POLLOUT;
	check(poll(&p, 1, 20000) == 1 && (p.revents & POLLERR), "poll reports POLLERR", errno);
	check_errno(write(fd, frame, sizeof(frame)), EIO,
		    "the next write reports it (EIO) and sends nothing");
	check(!file_stats(fd, &st) && st.tx_inflight == 0 && st.tx_errors == 2 &&
	      st.tx_frames == 0, "STATS: 2 errors, nothing sent", errno);
	check(poll(&p, 1, 0) == 1 && !(p.revents & POLLERR), "POLLERR gone once reported",
	      errno);
	check(write(fd, frame, sizeof(frame)) == sizeof(frame) && fsync(fd) == 0 &&
	      !file_stats(fd, &st) && st.tx_frames == 1, "then frames go again", errno);
	close(fd);
	return failures ? 1 : 0;
}

/*
 * Fill the window while the adapter holds completions back, then wait for
 * @flag: the caller unbinds meanwhile, which waits for every frame.
 */
static int cmd_unbind_full(const char *flag, const char *adapter)
{
	struct ndisprot_stats st;
	unsigned char mac[6], frame[60];
	struct stat sb;
	int fd = open_attached(adapter, mac);

	if (set_window(fd, 32)) {
		perror(adapter);
		return 1;
	}
	frame_init(frame, sizeof(frame), mac);
	check(send_batch(fd, frame, sizeof(frame), 32) == 32, "window of 32 filled", errno);
	printf("filled\n");
	fflush(stdout);
	while (stat(flag, &sb))
		usleep(50000);
	check(!file_stats(fd, &st) && st.tx_inflight == 0 && st.tx_frames == 32 &&
	      st.tx_errors == 0, "the binding went after all 32 completed, each counted once",
	      errno);
	check(fsync(fd) == 0, "then fsync: nothing in flight, no failure", errno);
	check_errno(write(fd, frame, sizeof(frame)), ENODEV, "then write: ENODEV");
	close(fd);
	return failures ? 1 : 0;
}

/* The batch calls' edges; the second half sends to PEER, which reads. */
static int cmd_batch_errors(const char *adapter, const char *peer)
{
	unsigned char mac[6], peer_mac[6], frame[60], buf[2][64];
	struct ndisprot_frame d[3];
	struct ndisprot_batch b = { .size = sizeof(b), .frames = (unsigned long)d };
	struct ndisprot_stats st;
	unsigned int mtu, got;
	int fd = open_dev(), pfd = open_dev();

	check_errno(ioctl(fd, NDISPROT_IOC_SEND_BATCH, &b), ENOTCONN,
		    "SEND_BATCH before attach: ENOTCONN");
	if (attach(fd, adapter) || adapter_info(fd, adapter, mac, &mtu) || attach(pfd, peer) ||
	    adapter_info(pfd, peer, peer_mac, &mtu) ||
	    set_filter(pfd, NDISPROT_RX_DIRECTED, 0x88b5)) {
		perror(adapter);
		return 1;
	}
	frame_init(frame, sizeof(frame), mac);
	b.flags = 1;
	check_errno(ioctl(fd, NDISPROT_IOC_SEND_BATCH, &b), EINVAL, "batch flags: EINVAL");
	b.flags = 0;
	b.count = 0;
	check(ioctl(fd, NDISPROT_IOC_SEND_BATCH, &b) == 0 && b.count == 0,
	      "an empty batch sends nothing", errno);
	d[0] = (struct ndisprot_frame){ (unsigned long)frame, sizeof(frame), 0 };
	d[1] = (struct ndisprot_frame){ (unsigned long)frame, 10, 0 };
	d[2] = d[0];
	b.count = 3;
	check(ioctl(fd, NDISPROT_IOC_SEND_BATCH, &b) == 0 && b.count == 1,
	      "a batch stops before a short frame: 1 of 3 sent", errno);
	b.frames = (unsigned long)&d[1];
	b.count = 2;
	check_errno(ioctl(fd, NDISPROT_IOC_SEND_BATCH, &b), EINVAL,
		    "a batch starting with a short frame: EINVAL");
	d[1].len = sizeof(frame);
	d[1].data = 8;	/* not mapped */
	check_errno(ioctl(fd, NDISPROT_IOC_SEND_BATCH, &b), EFAULT,
		    "a batch starting with a bad pointer: EFAULT");
	b.frames = 8;
	check_errno(ioctl(fd, NDISPROT_IOC_SEND_BATCH, &b), EFAULT, "a bad frame array: EFAULT");
	check(fsync(fd) == 0 && !file_stats(fd, &st) && st.tx_frames == 1 && st.tx_errors == 4,
	      "STATS: 1 sent, 4 refused", errno);

	/* Two frames to the peer, read in one call into a short and a long buffer. */
	memcpy(frame, peer_mac, 6);
	frame[20] = 1;
	d[0] = (struct ndisprot_frame){ (unsigned long)frame, sizeof(frame), 0 };
	d[1] = d[0];
	b.frames = (unsigned long)d;
	b.count = 2;
	check(ioctl(fd, NDISPROT_IOC_SEND_BATCH, &b) == 0 && b.count == 2 && fsync(fd) == 0,
	      "2 frames to the peer in one SEND_BATCH", errno);
	d[0] = (struct ndisprot_frame){ (unsigned long)buf[0], 20, 0 };
	d[1] = (struct ndisprot_frame){ (unsigned long)buf[1], sizeof(buf[1]), 0 };
	b.count = 2;
	alarm_every(5000);	/* a hang is a failure, not a stuck test */
	got = ioctl(pfd, NDISPROT_IOC_RECV_BATCH, &b) ? 0 : b.count;
	check(got >= 1 && d[0].len == sizeof(frame) && d[0].flags == NDISPROT_FRAME_TRUNCATED &&
	      !memcmp(buf[0], frame, 20), "RECV_BATCH cuts a frame to its buffer, says so",
	      errno);
	if (got == 1) {	/* the second came after the call had the first */
		b.frames = (unsigned long)&d[1];
		b.count = 1;
		got += ioctl(pfd, NDISPROT_IOC_RECV_BATCH, &b) ? 0 : b.count;
	}
	alarm_every(0);
	check(got == 2 && d[1].len == sizeof(frame) && d[1].flags == 0 &&
	      !memcmp(buf[1], frame, sizeof(frame)), "RECV_BATCH: the second frame whole",
	      errno);
	fcntl(pfd, F_SETFL, O_NONBLOCK);
	b.frames = (unsigned long)d;
	b.count = 2;
	check_errno(ioctl(pfd, NDISPROT_IOC_RECV_BATCH, &b), EAGAIN,
		    "O_NONBLOCK RECV_BATCH with nothing queued: EAGAIN");
	close(pfd);
	close(fd);
	return failures ? 1 : 0;
}

/* Frame @i of the lend check: to @dst from @src, a pattern of its own. */
static void lend_frame(unsigned char *f, size_t len, unsigned int i, const unsigned char *dst,
		       const unsigned char *src)
{
	size_t j;

	frame_init(f, len, src);
	memcpy(f, dst, 6);
	for (j = ETH_HLEN_; j < len; j++)
		f[j] = (unsigned char)(i * 31 + j * 7);
	memcpy(f + ETH_HLEN_, &i, sizeof(i));
}

/* The next frame on @fd (a packet socket or /dev/ndisprot) within 5 s, or -1. */
static ssize_t lend_read(int fd, unsigned char *buf, size_t len)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	if (poll(&p, 1, 5000) != 1)
		return -1;
	return read(fd, buf, len);
}

#define LEND_FRAMES	64
#define LEND_BURSTS	3

/*
 * The length of frame @i: full-size in the first two bursts, then a mix of
 * lengths on both sides of ndis_netdev's copybreak, in NBLs that carried
 * full-size frames before.
 */
static size_t lend_len(unsigned int i)
{
	static const size_t mix[] = { 60, 1514, 129, 1000, 257 };

	return i < 2 * LEND_FRAMES ? 1514 : mix[i % 5];
}

/* An AF_PACKET tap on @ifname that keeps every frame of the check, or -1. */
static int lend_tap(const char *ifname)
{
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_P_ALL),
		.sll_ifindex = (int)if_nametoindex(ifname),
	};
	int fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	int room = 8 << 20;

	if (fd < 0 || !sll.sll_ifindex ||
	    setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &room, sizeof(room)) ||
	    bind(fd, (struct sockaddr *)&sll, sizeof(sll))) {
		perror(ifname);
		exit(1);
	}
	return fd;
}

/*
 * LEND_BURSTS bursts of LEND_FRAMES frames, each burst waited for (fsync)
 * before the next reuses the memory; the peer and the tap must see every
 * frame as it was written, at its own length.
 */
static int cmd_lend(const char *adapter, const char *peer, const char *ifname,
		    const char *between)
{
	unsigned char mac[6], peer_mac[6], want[1514], got[1600];
	unsigned int mtu, i, n, tapped = 0, heard = 0;
	int fd = open_dev(), pfd = open_dev(), tap = ifname ? lend_tap(ifname) : -1;
	const unsigned int total = LEND_BURSTS * LEND_FRAMES;
	struct ndisprot_stats st;
	ssize_t r;

	if (attach(fd, adapter) || adapter_info(fd, adapter, mac, &mtu) || attach(pfd, peer) ||
	    adapter_info(pfd, peer, peer_mac, &mtu) ||
	    set_filter(pfd, NDISPROT_RX_DIRECTED, 0x88b5)) {
		perror(adapter);
		return 1;
	}
	for (n = 0; n < total; n += LEND_FRAMES) {
		for (i = n; i < n + LEND_FRAMES; i++) {
			lend_frame(want, lend_len(i), i, peer_mac, mac);
			if (write(fd, want, lend_len(i)) != (ssize_t)lend_len(i))
				break;
		}
		if (i < n + LEND_FRAMES || fsync(fd))
			break;
		for (i = n; i < n + LEND_FRAMES; i++) {
			lend_frame(want, lend_len(i), i, peer_mac, mac);
			r = lend_read(pfd, got, sizeof(got));
			if (r != (ssize_t)lend_len(i) || memcmp(got, want, r))
				break;
			heard++;
		}
	}
	check(heard == total, "every frame reached the peer intact, at its length", errno);
	check(!file_stats(fd, &st) && st.tx_frames == total && st.tx_errors == 0,
	      "every send completed, none failed", errno);
	if (between)
		check(system(between) == 0, between, errno);
	for (i = 0; tap >= 0 && i < total;) {
		r = lend_read(tap, got, sizeof(got));
		if (r < 0)
			break;
		if (r < ETH_HLEN_ || got[12] != 0x88 || got[13] != 0xb5 || memcmp(got + 6, mac, 6))
			continue;	/* not one of ours */
		lend_frame(want, lend_len(i), i, peer_mac, mac);
		if (r != (ssize_t)lend_len(i) || memcmp(got, want, r))
			break;
		tapped = ++i;
	}
	if (tap >= 0)
		check(tapped == total,
		      "a tap on the NIC saw every frame intact, though its memory was reused",
		      errno);
	if (tap >= 0)
		close(tap);
	close(pfd);
	close(fd);
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
	if (argc == 4 && !strcmp(argv[1], "window"))
		return cmd_window(argv[2], atoi(argv[3]));
	if (argc == 3 && !strcmp(argv[1], "tx-error"))
		return cmd_tx_error(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "unbind-full"))
		return cmd_unbind_full(argv[2], argv[3]);
	if (argc == 4 && !strcmp(argv[1], "batch-errors"))
		return cmd_batch_errors(argv[2], argv[3]);
	if (argc >= 4 && argc <= 6 && !strcmp(argv[1], "lend"))
		return cmd_lend(argv[2], argv[3], argc >= 5 ? argv[4] : NULL,
				argc == 6 ? argv[5] : NULL);
	fprintf(stderr, "usage: see the comment at the top of %s\n", __FILE__);
	return 2;
}
