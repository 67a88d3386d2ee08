// SPDX-License-Identifier: GPL-2.0
/*
 * ndis_bench: the user-space half of `make bench`, run inside the guest.
 * Each measure sets ndisprot against the AF_PACKET path a user would take
 * instead, on the same NIC in the same boot, alternating the two in blocks
 * so that a host whose speed swings hits both sides alike. Each round
 * prints one line for the host to collect:
 *
 *   NDIS-BENCH: measure=M nic=N size=S round=R ours=X theirs=Y ratio=X/Y [k=v ...]
 *
 * where X and Y are frames per second (higher is better).
 *
 *   ndis_bench send NIC IFNAME SIZE ROUNDS BLOCKS BLOCK
 *       write() on /dev/ndisprot (nd-IFNAME) vs send() on AF_PACKET
 *   ndis_bench sendbatch NIC IFNAME SIZE ROUNDS BLOCKS BLOCK
 *       the many-frame call of each, BLOCK frames a call: ndisprot's
 *       NDISPROT_IOC_SEND_BATCH vs AF_PACKET's sendmmsg(); a third side,
 *       ndisprot write() alone, gives vs_write= (batch / single)
 *   ndis_bench recv NIC TX_IFNAME RX_IFNAME SIZE ROUNDS FRAMES
 *       FRAMES sent on TX_IFNAME, received on RX_IFNAME by both an
 *       ndisprot read() loop and an AF_PACKET recv() loop at once (the
 *       same offered load); frames each got, with drops
 *   ndis_bench recvbatch NIC TX_IFNAME RX_IFNAME SIZE ROUNDS FRAMES
 *       the same with NDISPROT_IOC_RECV_BATCH vs recvmmsg()
 *
 * A last argument "ours" or "theirs" runs that side alone (for
 * tests/bench-profile.sh): the other side's figure is then 0, and so is
 * the ratio. Without it both run, as `make bench` wants.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/if_packet.h>
#include <ndis/ndisprot.h>

#define BENCH_ETHERTYPE	0x88b6	/* nobody else's: the guest's stack ignores it */
#define BENCH_BATCH_MAX	256

/* Which sides a measure runs: both, or one alone to be profiled. */
enum bench_side { SIDE_BOTH, SIDE_OURS, SIDE_THEIRS };

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* /dev/ndisprot attached to nd-IFNAME; its MAC into @mac. */
static int ndisprot_open(const char *ifname, unsigned char *mac)
{
	struct ndisprot_attach at = { .size = sizeof(at) };
	struct ndisprot_adapter a[16];
	struct ndisprot_list l = { .size = sizeof(l), .count = 16, .adapters = (uintptr_t)a };
	unsigned int i;
	int fd;

	fd = open(NDISPROT_DEVICE, O_RDWR);
	if (fd < 0)
		die(NDISPROT_DEVICE);
	snprintf(at.adapter, sizeof(at.adapter), "nd-%s", ifname);
	if (ioctl(fd, NDISPROT_IOC_ATTACH, &at))
		die(at.adapter);
	if (ioctl(fd, NDISPROT_IOC_LIST, &l))
		die("NDISPROT_IOC_LIST");
	for (i = 0; i < l.count && i < 16; i++)
		if (!strcmp(a[i].name, at.adapter))
			memcpy(mac, a[i].mac, 6);
	return fd;
}

/* An AF_PACKET socket on IFNAME: @proto 0 sends only, else receives it. */
static int packet_open(const char *ifname, unsigned short proto)
{
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(proto),
		.sll_ifindex = if_nametoindex(ifname),
	};
	int fd = socket(AF_PACKET, SOCK_RAW, htons(proto));

	if (fd < 0 || !sll.sll_ifindex)
		die(ifname);
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll)))
		die("bind AF_PACKET");
	return fd;
}

static void frame_fill(unsigned char *f, size_t len, const unsigned char *src)
{
	memset(f, 0x5a, len);
	memset(f, 0xff, 6);
	memcpy(f + 6, src, 6);
	f[12] = BENCH_ETHERTYPE >> 8;
	f[13] = BENCH_ETHERTYPE & 0xff;
}

/* One frame out through @fd, retried while the device has no room. */
static void send_one(int fd, const unsigned char *f, size_t len, int use_send)
{
	ssize_t n;

	for (;;) {
		n = use_send ? send(fd, f, len, 0) : write(fd, f, len);
		if (n == (ssize_t)len)
			return;
		if (n < 0 && (errno == ENOBUFS || errno == EAGAIN || errno == EINTR)) {
			sched_yield();
			continue;
		}
		die(use_send ? "AF_PACKET send" : "ndisprot write");
	}
}

/* BLOCK frames through sendmmsg(), again while some were not taken. */
static void send_mmsg(int fd, const unsigned char *f, size_t len, unsigned int block)
{
	static struct mmsghdr m[BENCH_BATCH_MAX];
	static struct iovec iov[BENCH_BATCH_MAX];
	unsigned int i, done = 0;
	int n;

	for (i = 0; i < block; i++) {
		iov[i].iov_base = (void *)f;
		iov[i].iov_len = len;
		memset(&m[i], 0, sizeof(m[i]));
		m[i].msg_hdr.msg_iov = &iov[i];
		m[i].msg_hdr.msg_iovlen = 1;
	}
	while (done < block) {
		n = sendmmsg(fd, m + done, block - done, 0);
		if (n > 0)
			done += n;
		else if (n < 0 && (errno == ENOBUFS || errno == EAGAIN || errno == EINTR))
			sched_yield();
		else
			die("sendmmsg");
	}
}

static void report(const char *measure, const char *nic, unsigned int size, unsigned int round,
		   double ours, double theirs, const char *extra)
{
	printf("NDIS-BENCH: measure=%s nic=%s size=%u round=%u", measure, nic, size, round);
	printf(" ours=%.1f theirs=%.1f ratio=%.4f%s\n", ours, theirs,
	       theirs > 0 ? ours / theirs : 0.0, extra ? extra : "");
	fflush(stdout);
}

/* BLOCK frames through NDISPROT_IOC_SEND_BATCH, again while some were not taken. */
static void send_batch(int fd, const unsigned char *f, size_t len, unsigned int block)
{
	static struct ndisprot_frame d[BENCH_BATCH_MAX];
	struct ndisprot_batch b = { .size = sizeof(b) };
	unsigned int i, done = 0;

	for (i = 0; i < block; i++) {
		d[i].data = (uintptr_t)f;
		d[i].len = len;
		d[i].flags = 0;
	}
	while (done < block) {
		b.count = block - done;
		b.frames = (uintptr_t)(d + done);
		if (!ioctl(fd, NDISPROT_IOC_SEND_BATCH, &b))
			done += b.count;
		else if (errno == ENOBUFS || errno == EAGAIN || errno == EINTR)
			sched_yield();
		else
			die("NDISPROT_IOC_SEND_BATCH");
	}
}

/* One block of frames through ndisprot (@packet 0) or AF_PACKET, as a measure wants. */
static void send_block(int fd, const unsigned char *f, size_t len, unsigned int block,
		       int batch, int packet)
{
	unsigned int i;

	if (batch && packet)
		send_mmsg(fd, f, len, block);
	else if (batch)
		send_batch(fd, f, len, block);
	else
		for (i = 0; i < block; i++)
			send_one(fd, f, len, packet);
}

/* Frames per second, or a time ratio; 0 for a side that did not run. */
static double rate(double frames, double seconds)
{
	return seconds > 0 ? frames / seconds : 0;
}

/* send and sendbatch: blocks of each side in turn, time summed per side. */
static int cmd_send(int batch, const char *nic, const char *ifname, unsigned int size,
		    unsigned int rounds, unsigned int blocks, unsigned int block,
		    enum bench_side side)
{
	unsigned char mac[6] = { 0 }, frame[NDISPROT_FRAME_MAX];
	int nfd = ndisprot_open(ifname, mac), pfd = packet_open(ifname, 0);
	unsigned int r, b, i;
	double t, ours, theirs, single;
	char extra[64];

	if (size < 60 || size > sizeof(frame) || !block || block > BENCH_BATCH_MAX)
		return 2;
	frame_fill(frame, size, mac);
	for (r = 1; r <= rounds; r++) {
		ours = 0;
		theirs = 0;
		single = 0;
		for (b = 0; b < blocks; b++) {
			if (side != SIDE_THEIRS) {
				t = now_s();
				send_block(nfd, frame, size, block, batch, 0);
				ours += now_s() - t;
			}
			if (side != SIDE_OURS) {
				t = now_s();
				send_block(pfd, frame, size, block, batch, 1);
				theirs += now_s() - t;
			}
			if (!batch || side != SIDE_BOTH)
				continue;
			t = now_s();
			for (i = 0; i < block; i++)
				send_one(nfd, frame, size, 0);
			single += now_s() - t;
		}
		snprintf(extra, sizeof(extra), " vs_write=%.4f", batch ? rate(single, ours) : 1.0);
		report(batch ? "sendbatch" : "send", nic, size, r, rate(blocks * block, ours),
		       rate(blocks * block, theirs), batch ? extra : NULL);
	}
	close(nfd);
	close(pfd);
	return 0;
}

/* Up to BENCH_RX_BATCH frames from @fd in one call: the number read. */
#define BENCH_RX_BATCH	32
static unsigned int rx_batch(int fd, int is_packet)
{
	static unsigned char buf[BENCH_RX_BATCH][2048];
	static struct ndisprot_frame d[BENCH_RX_BATCH];
	static struct mmsghdr m[BENCH_RX_BATCH];
	static struct iovec iov[BENCH_RX_BATCH];
	struct ndisprot_batch b = {
		.size = sizeof(b), .count = BENCH_RX_BATCH, .frames = (uintptr_t)d,
	};
	unsigned int i;
	int n;

	for (i = 0; i < BENCH_RX_BATCH; i++) {
		d[i] = (struct ndisprot_frame){ (uintptr_t)buf[i], sizeof(buf[i]), 0 };
		iov[i] = (struct iovec){ buf[i], sizeof(buf[i]) };
		memset(&m[i], 0, sizeof(m[i]));
		m[i].msg_hdr.msg_iov = &iov[i];
		m[i].msg_hdr.msg_iovlen = 1;
	}
	if (is_packet) {
		n = recvmmsg(fd, m, BENCH_RX_BATCH, MSG_DONTWAIT, NULL);
		return n > 0 ? n : 0;
	}
	return ioctl(fd, NDISPROT_IOC_RECV_BATCH, &b) ? 0 : b.count;
}

/* Count frames of our EtherType until the line is quiet for 1 s. */
static void rx_count(int fd, int is_packet, int batch, int out)
{
	unsigned char buf[NDISPROT_FRAME_MAX];
	struct pollfd p = { .fd = fd, .events = POLLIN };
	unsigned long long n = 0;
	double first = 0, last = 0;
	unsigned int got;
	ssize_t len;

	while (poll(&p, 1, 1000) == 1) {
		if (batch) {
			got = rx_batch(fd, is_packet);
		} else {
			len = is_packet ? recv(fd, buf, sizeof(buf), 0) :
					  read(fd, buf, sizeof(buf));
			got = len >= 14;
		}
		if (!got)
			continue;
		if (!n)
			first = now_s();
		last = now_s();
		n += got;
	}
	dprintf(out, "%llu %.6f\n", n, last - first);
	_exit(0);
}

/* What a reader wrote to its pipe: frames and seconds. */
static void rx_result(int fd, const char *who, unsigned long long *n, double *d)
{
	FILE *in = fdopen(fd, "r");

	if (!in || fscanf(in, "%llu %lf", n, d) != 2)
		die(who);
	fclose(in);
}

static int cmd_recv(int batch, const char *nic, const char *tx_if, const char *rx_if,
		    unsigned int size, unsigned int rounds, unsigned int frames,
		    enum bench_side side)
{
	struct ndisprot_filter fl = {
		.size = sizeof(fl), .packet_filter = NDISPROT_RX_BROADCAST,
		.n_ethertypes = 1, .ethertypes = { BENCH_ETHERTYPE },
	};
	struct ndisprot_stats st = { .size = sizeof(st) };
	struct tpacket_stats ps;
	socklen_t pslen = sizeof(ps);
	unsigned char mac[6], frame[NDISPROT_FRAME_MAX];
	unsigned long long n_ours, n_theirs, drop0 = 0;
	double d_ours, d_theirs;
	char extra[160];
	int pipes[2][2];
	unsigned int r, i;
	int nfd = -1, pfd = -1, tfd;

	tfd = packet_open(tx_if, 0);
	memset(mac, 0x02, sizeof(mac));
	frame_fill(frame, size, mac);
	for (r = 1; r <= rounds; r++) {
		/* A side left out has no reader at all: nothing of it on the path. */
		n_ours = 0;
		n_theirs = 0;
		memset(&ps, 0, sizeof(ps));
		if (side != SIDE_THEIRS) {
			nfd = ndisprot_open(rx_if, mac);
			if (ioctl(nfd, NDISPROT_IOC_SET_FILTER, &fl))
				die("NDISPROT_IOC_SET_FILTER");
		}
		if (side != SIDE_OURS)
			pfd = packet_open(rx_if, BENCH_ETHERTYPE);
		if (side != SIDE_THEIRS) {
			if (ioctl(nfd, NDISPROT_IOC_STATS, &st))
				die("NDISPROT_IOC_STATS");
			drop0 = st.rx_dropped;
		}
		if (side != SIDE_OURS)	/* zeroes them */
			getsockopt(pfd, SOL_PACKET, PACKET_STATISTICS, &ps, &pslen);
		if (pipe(pipes[0]) || pipe(pipes[1]))
			die("pipe");
		if (side != SIDE_THEIRS && !fork())
			rx_count(nfd, 0, batch, pipes[0][1]);
		if (side != SIDE_OURS && !fork())
			rx_count(pfd, 1, batch, pipes[1][1]);
		usleep(200000);	/* both readers in poll() */
		for (i = 0; i < frames; i++)
			send_one(tfd, frame, size, 1);
		while (wait(NULL) > 0)
			;
		if (side != SIDE_THEIRS)
			rx_result(pipes[0][0], "ndisprot reader", &n_ours, &d_ours);
		if (side != SIDE_OURS)
			rx_result(pipes[1][0], "AF_PACKET reader", &n_theirs, &d_theirs);
		close(pipes[0][1]);
		close(pipes[1][1]);
		if (side != SIDE_THEIRS) {
			ioctl(nfd, NDISPROT_IOC_STATS, &st);
			close(nfd);
		}
		if (side != SIDE_OURS) {
			pslen = sizeof(ps);
			getsockopt(pfd, SOL_PACKET, PACKET_STATISTICS, &ps, &pslen);
			close(pfd);
		}
		snprintf(extra, sizeof(extra),
			 " offered=%u got_ours=%llu got_theirs=%llu drops_ours=%llu drops_theirs=%u",
			 frames, n_ours, n_theirs, (unsigned long long)(st.rx_dropped - drop0),
			 ps.tp_drops);
		/* Frames received at the same offered load: the count is the rate. */
		report(batch ? "recvbatch" : "recv", nic, size, r, n_ours, n_theirs, extra);
	}
	close(tfd);
	return 0;
}

int main(int argc, char **argv)
{
	enum bench_side side = SIDE_BOTH;
	int ok = argc == 8;

	if (argc == 9 && (!strcmp(argv[8], "ours") || !strcmp(argv[8], "theirs"))) {
		side = !strcmp(argv[8], "ours") ? SIDE_OURS : SIDE_THEIRS;
		ok = 1;
	}
	if (ok && (!strcmp(argv[1], "send") || !strcmp(argv[1], "sendbatch")))
		return cmd_send(!strcmp(argv[1], "sendbatch"), argv[2], argv[3], atoi(argv[4]),
				atoi(argv[5]), atoi(argv[6]), atoi(argv[7]), side);
	if (ok && (!strcmp(argv[1], "recv") || !strcmp(argv[1], "recvbatch")))
		return cmd_recv(!strcmp(argv[1], "recvbatch"), argv[2], argv[3], argv[4],
				atoi(argv[5]), atoi(argv[6]), atoi(argv[7]), side);
	fprintf(stderr, "usage: see the comment at the top of %s\n", __FILE__);
	return 2;
}
