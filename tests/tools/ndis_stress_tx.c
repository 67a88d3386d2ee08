// SPDX-License-Identifier: GPL-2.0
/*
 * ndis_stress_tx: one traffic worker of the stress tier, run in the guest
 * while bindings, adapters and modules come and go under it.
 *
 *   ndis_stress_tx ADAPTER MODE SECONDS STOPFILE
 *
 * MODE is write (blocking write), nonblock (O_NONBLOCK write and poll),
 * batch (blocking NDISPROT_IOC_SEND_BATCH) or recv (poll and
 * NDISPROT_IOC_RECV_BATCH of broadcast frames). It runs until SECONDS pass
 * or STOPFILE exists. A binding that goes away (ENODEV) is waited for and
 * attached again. Before each close the file is flushed with fsync(): the
 * stack must then have completed every frame it took, which the file's
 * own counters must show (tx_inflight 0, no more completed than written).
 * Prints one line:
 *   NDIS-STRESS-TX: ADAPTER MODE frames=N completed=N errors=N attaches=N
 *                   oids=N violations=N
 * Senders also query OID_GEN_STATISTICS every 64 calls, which the core
 * passes to the miniport (pended, delayed by ndis_vmini's knob).
 * and exits 1 on a violation, 0 otherwise.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <ndis/ndisprot.h>

#define STRESS_ETHERTYPE	0x88b5	/* IEEE local experimental */
#define STRESS_BATCH		32
#define STRESS_FRAME_MAX	1514

static const char *adapter, *stopfile;
static time_t deadline;
static unsigned long long frames, completed, errors, attaches, oids, violations;
static unsigned int rng = 12345;

static unsigned int next_rand(void)
{
	rng = rng * 1103515245u + 12345u;
	return rng >> 8;
}

static int should_stop(void)
{
	struct stat st;

	return time(NULL) >= deadline || stat(stopfile, &st) == 0;
}

static void violated(const char *what, unsigned long long a, unsigned long long b)
{
	printf("NDIS-STRESS-TX: violation on %s: %s (%llu, %llu)\n", adapter, what, a, b);
	violations++;
}

/* The adapter's MAC from NDISPROT_IOC_LIST; 0 when ndisprot is not bound to it. */
static int adapter_mac(int fd, unsigned char *mac)
{
	struct ndisprot_adapter list[32];
	struct ndisprot_list l = {
		.size = sizeof(l), .count = 32, .adapters = (unsigned long)list,
	};
	unsigned int i;

	if (ioctl(fd, NDISPROT_IOC_LIST, &l))
		return 0;
	for (i = 0; i < l.count && i < 32; i++) {
		if (!strcmp(list[i].name, adapter)) {
			memcpy(mac, list[i].mac, 6);
			return 1;
		}
	}
	return 0;
}

/* Open, attach, receive broadcasts if @rx; -1 once the time is up. */
static int attach(int nonblock, int rx, unsigned char *mac)
{
	struct ndisprot_attach at = { .size = sizeof(at) };
	struct ndisprot_filter flt = {
		.size = sizeof(flt), .packet_filter = NDISPROT_RX_BROADCAST,
		.n_ethertypes = 1, .ethertypes = { STRESS_ETHERTYPE },
	};
	struct timespec pause = { 0, 20 * 1000 * 1000 };
	int fd;

	snprintf(at.adapter, sizeof(at.adapter), "%s", adapter);
	while (!should_stop()) {
		fd = open("/dev/ndisprot", O_RDWR | (nonblock ? O_NONBLOCK : 0));
		if (fd >= 0 && adapter_mac(fd, mac) && !ioctl(fd, NDISPROT_IOC_ATTACH, &at) &&
		    (!rx || !ioctl(fd, NDISPROT_IOC_SET_FILTER, &flt))) {
			attaches++;
			return fd;
		}
		if (fd >= 0)
			close(fd);
		nanosleep(&pause, NULL);	/* unbound, or ndisprot reloading */
	}
	return -1;
}

/* Flush, check the file's counters, close. */
static void detach(int fd, unsigned long long written)
{
	struct ndisprot_stats s = { .size = sizeof(s) };

	if (fsync(fd) && errno != EIO)
		errors++;
	if (ioctl(fd, NDISPROT_IOC_STATS, &s)) {
		errors++;
	} else {
		if (s.tx_inflight)
			violated("frames in flight after fsync", s.tx_inflight, 0);
		if (s.tx_frames > written)
			violated("more frames completed than written", s.tx_frames, written);
		completed += s.tx_frames;
	}
	close(fd);
}

static size_t build(unsigned char *f, const unsigned char *mac)
{
	size_t len = 60 + next_rand() % (STRESS_FRAME_MAX - 60 + 1);

	memset(f, 0xff, 6);
	memcpy(f + 6, mac, 6);
	f[12] = STRESS_ETHERTYPE >> 8;
	f[13] = STRESS_ETHERTYPE & 0xff;
	memset(f + 14, (int)(frames & 0xff), len - 14);
	return len;
}

/* One send call of MODE; the frames it sent, or -1 with errno. */
static long send_some(int fd, const char *mode, const unsigned char *mac)
{
	static unsigned char buf[STRESS_BATCH][STRESS_FRAME_MAX];
	struct ndisprot_frame fr[STRESS_BATCH];
	struct ndisprot_batch b = { .size = sizeof(b), .frames = (unsigned long)fr };
	struct pollfd p = { .fd = fd, .events = POLLOUT };
	unsigned int i, n;
	size_t len;

	if (!strcmp(mode, "batch")) {
		n = 1 + next_rand() % STRESS_BATCH;
		for (i = 0; i < n; i++) {
			fr[i].data = (unsigned long)buf[i];
			fr[i].len = build(buf[i], mac);
			fr[i].flags = 0;
		}
		b.count = n;
		return ioctl(fd, NDISPROT_IOC_SEND_BATCH, &b) ? -1 : (long)b.count;
	}
	len = build(buf[0], mac);
	if (write(fd, buf[0], len) == (ssize_t)len)
		return 1;
	if (errno == EAGAIN && poll(&p, 1, 1000) < 0)
		return -1;
	return errno == EAGAIN ? 0 : -1;
}

/* A query the core passes to the miniport, racing whatever the binding does. */
static void query_oid(int fd)
{
	struct ndisprot_oid q = { .size = sizeof(q), .oid = NDISPROT_OID_GEN_STATISTICS };

	if (ioctl(fd, NDISPROT_IOC_OID, &q))
		errors++;
	else
		oids++;
}

static void run_send(const char *mode)
{
	unsigned long long written = 0;
	unsigned char mac[6];
	unsigned int ops = 0;
	long n;
	int fd;

	fd = attach(!strcmp(mode, "nonblock"), 0, mac);
	while (fd >= 0) {
		n = send_some(fd, mode, mac);
		if (ops % 64 == 0)
			query_oid(fd);
		if (n > 0) {
			written += n;
			frames += n;
		} else if (n < 0 && errno != EINTR) {
			errors++;
		}
		/* Gone, or now and then anyway: flush, check, attach again. */
		if ((n < 0 && errno == ENODEV) || ++ops % 4096 == 0 || should_stop()) {
			detach(fd, written);
			written = 0;
			fd = should_stop() ? -1 : attach(!strcmp(mode, "nonblock"), 0, mac);
		} else if (n < 0) {
			usleep(1000);	/* paused, link down, or a kept failure */
		}
	}
}

static void run_recv(void)
{
	struct ndisprot_frame fr[STRESS_BATCH];
	static unsigned char buf[STRESS_BATCH][STRESS_FRAME_MAX];
	struct ndisprot_batch b = { .size = sizeof(b), .frames = (unsigned long)fr };
	unsigned char mac[6];
	struct pollfd p;
	unsigned int i;
	int fd;

	fd = attach(1, 1, mac);
	while (fd >= 0) {
		p.fd = fd;
		p.events = POLLIN;
		if (poll(&p, 1, 200) > 0) {
			for (i = 0; i < STRESS_BATCH; i++) {
				fr[i].data = (unsigned long)buf[i];
				fr[i].len = sizeof(buf[i]);
			}
			b.count = STRESS_BATCH;
			if (!ioctl(fd, NDISPROT_IOC_RECV_BATCH, &b)) {
				if (b.count > STRESS_BATCH)
					violated("RECV_BATCH moved more than asked", b.count,
						 STRESS_BATCH);
				frames += b.count;
			} else if (errno != EAGAIN) {
				errors++;
				if (errno == ENODEV) {
					close(fd);
					fd = attach(1, 1, mac);
					continue;
				}
			}
		}
		if (should_stop()) {
			close(fd);
			fd = -1;
		}
	}
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: %s ADAPTER write|nonblock|batch|recv SECONDS STOPFILE\n",
			argv[0]);
		return 2;
	}
	adapter = argv[1];
	stopfile = argv[4];
	deadline = time(NULL) + atoi(argv[3]);
	rng ^= (unsigned int)getpid();
	if (!strcmp(argv[2], "recv"))
		run_recv();
	else
		run_send(argv[2]);
	printf("NDIS-STRESS-TX: %s %s frames=%llu completed=%llu errors=%llu", adapter, argv[2],
	       frames, completed, errors);
	printf(" attaches=%llu oids=%llu violations=%llu\n", attaches, oids, violations);
	return violations ? 1 : 0;
}
