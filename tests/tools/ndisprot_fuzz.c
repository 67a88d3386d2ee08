// SPDX-License-Identifier: GPL-2.0
/*
 * ndisprot_fuzz: random calls on /dev/ndisprot and on the stack's sysfs
 * control files, run inside the guest. The kernel is what is tested (the
 * harness reads dmesg): every result is accepted except one the ABI rules
 * out in a way a caller can check, which prints "NDIS-FUZZ: violation: ..."
 * and makes the exit status 1 (2: the fuzzer itself could not run).
 *
 *   ndisprot_fuzz [--seed N] [--iterations N] [--seconds N] [--uid UID]
 *                 [--no-sysfs] [--trace]
 *
 * Replay: op i draws only from a generator seeded by (seed, i), so
 * "--seed S --iterations K --trace" makes the same choices again; --trace
 * prints each op to stderr before it runs, so the last line before a crash
 * names the culprit. Earlier results (LIST, STATS, which opens worked)
 * steer choices too, so a replay under other timing may drift a little.
 *
 * Nothing waits for long, and no signals are used: read, write and the
 * batch ioctls run on a blocking file only when STATS shows they cannot
 * wait (not attached, a frame queued, room in the send window); otherwise
 * O_NONBLOCK is set for that one call. poll and epoll_wait wait 50 ms at
 * most. fsync runs directly only with nothing in flight, else in a child
 * killed after 2 s. vmini ids 1000..1063 are the fuzzer's own: it creates
 * at most 8 there and, as root, deletes them and rebinds what it unbound.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <ndis/ndisprot.h>

#define MAX_FDS		8
#define MAX_NAMES	64
#define NAME_LEN	64
#define MAX_CREATED	8
#define VMINI_BASE	1000
#define VMINI_IDS	64
#define POLL_MS_MAX	50
#define FSYNC_MS_MAX	2000
#define RX_DESC		32
#define SLOT		9216	/* one frame of a SEND_BATCH in the pool */
#define CANARY		0xa5
#define CANARY_LEN	64
#define KERNEL_PTR	0xffff800000000000ULL
#define STATS_V1	(offsetof(struct ndisprot_stats, tx_errors) + sizeof(__u64))

/* The arena: scratch | LIST array | descriptors | frame pool | edge | guard page. */
#define A_SCRATCH	0
#define A_LIST		(8 << 10)
#define A_DESC		(24 << 10)
#define A_POOL		(40 << 10)
#define POOL_LEN	(84 << 10)
#define ARENA_LEN	(128 << 10)	/* its last 4 KiB only for calls meant to fault */

#define SYS_NDIS	"/sys/kernel/ndis"
#define SYS_VMINI	"/sys/bus/ndis_vmini"
#define DBG_VMINI	"/sys/kernel/debug/ndis_vmini"

struct ffd {
	int fd;
	int nonblock;
	int attached;		/* ATTACH succeeded (the port may have gone since) */
	unsigned char mac[6];
	unsigned int mtu;
	int have_last;
	struct ndisprot_stats last;
};

static struct ffd fds[MAX_FDS];
static int nfds, epfd = -1;
static struct ndisprot_adapter ad[MAX_NAMES];
static unsigned int nad, nseen;	/* adapters cached, adapters LIST last reported */
static char names[MAX_NAMES][NAME_LEN], binds0[MAX_NAMES][NAME_LEN];
static int nbinds0, created[MAX_CREATED], ncreated;
static unsigned char *arena, *guard;
static unsigned long long seed;
static unsigned long iterations, seconds, cur;
static unsigned long n_exec, n_ioctl, n_read, n_write, n_poll, n_sysfs, n_err, n_viol;
static int trace_on, no_sysfs, unpriv, dropped;
static unsigned int driver_abi;
static long page_size;
static uint64_t rs;
static const uint16_t types[] = { 0x0800, 0x0806, 0x86dd, 0x8100, 0x88b5, 0x88b6, 0x88cc };

static uint64_t splitmix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* xorshift64* */
static uint64_t rnd64(void)
{
	rs ^= rs >> 12;
	rs ^= rs << 25;
	rs ^= rs >> 27;
	return rs * 0x2545f4914f6cdd1dULL;
}

static uint32_t rnd(uint32_t n)
{
	return n ? (uint32_t)(rnd64() % n) : 0;
}

static int chance(unsigned int pct)
{
	return rnd(100) < pct;
}

static void rnd_fill(void *p, size_t n)
{
	unsigned char *b = p;

	while (n--)
		*b++ = (unsigned char)rnd64();
}

static void say(int viol, const char *fmt, ...)
{
	FILE *out = viol ? stdout : stderr;
	va_list ap;

	if (!viol && !trace_on)
		return;
	fprintf(out, cur == ~0UL ? "NDIS-FUZZ: %send " : "NDIS-FUZZ: %s#%lu ",
		viol ? "violation: " : "", cur);
	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
	fputc('\n', out);
	fflush(out);
	n_viol += viol;
}

#define trace(...)	say(0, __VA_ARGS__)
#define violation(...)	say(1, __VA_ARGS__)

/* Count a call in @kind and, if it failed, in the errors; errno is kept. */
static long counted(long ret, unsigned long *kind)
{
	if (kind)
		(*kind)++;
	n_err += ret < 0;
	return ret;
}

/* A pointer no call may use: NULL, tiny, kernel-looking, unmapped, or across the guard. */
static uint64_t bad_u64(void)
{
	switch (rnd(6)) {
	case 0: return 0;
	case 1: return 1 + rnd(4095);
	case 2: return KERNEL_PTR + rnd(1 << 20);
	case 3: return (uintptr_t)guard;
	case 4: return (uintptr_t)guard - 1 - rnd(15);
	default: return rnd64() | 1ULL << 63;	/* never a user address */
	}
}

static int intact(const unsigned char *p)
{
	int i;

	for (i = 0; i < CANARY_LEN; i++)
		if (p[i] != CANARY)
			return 0;
	return 1;
}

/* -- ioctls --------------------------------------------------------------- */

/*
 * @arg (@len bytes, starting with its size; @min the first version's) goes
 * to the kernel from the scratch page with canary bytes right after the size
 * it claims, so output past that size shows. Sometimes the size or the
 * pointer is wrong. @out: the call answers with the driver's size. Returns
 * the ioctl's result; *@usize the size claimed, 0 if a bad pointer was used.
 */
static int arg_ioctl(struct ffd *f, unsigned long cmd, void *arg, size_t len, size_t min,
		     int out, uint32_t *usize)
{
	static const uint32_t odd[] = { 0, 3, 4, 4095, 4096, 4097, 0xffffffff };
	unsigned char *p = arena + A_SCRATCH, *ptr = p;
	uint32_t sz = len, answer, nr = _IOC_NR(cmd);
	int rc, tail = 0;
	size_t k;

	if (chance(15)) {
		k = rnd(4);
		sz = !k ? odd[rnd(7)] : k == 1 ? min - 1 - rnd(min) :
		     k == 2 ? min : len + 1 + rnd(64);
	}
	memcpy(p, arg, len);
	memcpy(p, &sz, 4);
	k = sz < 4 ? 4 : sz < 4200 ? sz : 4200;	/* the size itself is always read */
	if (k > len) {
		memset(p + len, 0, k - len);
		if (chance(30)) {
			p[len + rnd(k - len)] = 1 + rnd(255);
			tail = 1;
		}
	}
	memset(p + k, CANARY, CANARY_LEN);
	if (chance(4)) {
		uint64_t b = bad_u64(), g = (uintptr_t)guard;

		ptr = (unsigned char *)(uintptr_t)b;
		if (b < g && b + 16 > g)
			memcpy(ptr, p, g - b);	/* the size readable, the rest faults */
	}
	trace("fd=%d ioctl nr=%u size=%u%s%s", f->fd, nr, sz, tail ? " tail" : "",
	      ptr != p ? " bad-ptr" : "");
	rc = counted(ioctl(f->fd, cmd, ptr), &n_ioctl);
	*usize = ptr == p ? sz : 0;
	if (ptr != p)
		return rc;
	if (!rc && (sz < min || (long)sz > page_size ||
		    (tail && driver_abi == NDISPROT_ABI_VERSION)))
		violation("ioctl nr %u took size %u%s", nr, sz, tail ? ", nonzero tail" : "");
	if (k == sz && !intact(p + k))
		violation("ioctl nr %u wrote past size %u", nr, sz);
	memcpy(&answer, p, 4);
	if (!rc && out && driver_abi == NDISPROT_ABI_VERSION && answer != len)
		violation("ioctl nr %u answered size %u, not %zu", nr, answer, len);
	memcpy(arg, p, len);
	return rc;
}

static void check_stats(struct ffd *f, const struct ndisprot_stats *s, size_t sz)
{
#define C(m) { #m, offsetof(struct ndisprot_stats, m) }
	static const struct { const char *name; size_t off; } c[] = {
		C(rx_frames), C(rx_bytes), C(rx_dropped), C(tx_frames), C(tx_bytes), C(tx_errors),
	};
#undef C
	unsigned long long now, then;
	int i;

	if (sz < STATS_V1)
		return;
	for (i = 0; i < 6 && f->have_last; i++) {
		memcpy(&now, (const char *)s + c[i].off, 8);
		memcpy(&then, (const char *)&f->last + c[i].off, 8);
		if (now < then)
			violation("STATS %s went back on fd %d: %llu -> %llu", c[i].name, f->fd,
				  then, now);
	}
	if (s->queued > NDISPROT_RXQ_MAX)
		violation("STATS queued %u > NDISPROT_RXQ_MAX", s->queued);
	if (sz >= sizeof(*s) && (!s->tx_window || s->tx_window > NDISPROT_TX_WINDOW_MAX))
		violation("STATS tx_window %u", s->tx_window);
	memcpy(&f->last, s, STATS_V1);
	f->have_last = 1;
}

static int get_stats(struct ffd *f, struct ndisprot_stats *s)
{
	int rc;

	memset(s, 0, sizeof(*s));
	s->size = sizeof(*s);
	trace("fd=%d STATS", f->fd);
	rc = counted(ioctl(f->fd, NDISPROT_IOC_STATS, s), &n_ioctl);
	if (!rc)
		check_stats(f, s, sizeof(*s));
	return rc;
}

/* A blocking call on @f would not wait: not attached, a frame queued (@rx), room for @n. */
static int wont_wait(struct ffd *f, int rx, unsigned int n)
{
	struct ndisprot_stats s;

	if (f->nonblock)
		return 1;
	if (get_stats(f, &s))
		return errno == ENOTCONN;
	return rx ? s.queued > 0 : s.tx_inflight + n <= s.tx_window;
}

/* O_NONBLOCK for one call that could wait; returns the flags to put back, or -1. */
static int nb_begin(struct ffd *f, int safe)
{
	int fl;

	fl = safe ? -1 : fcntl(f->fd, F_GETFL);
	if (fl < 0)
		return -1;
	trace("fd=%d O_NONBLOCK for one call", f->fd);
	fcntl(f->fd, F_SETFL, fl | O_NONBLOCK);
	return fl;
}

static void nb_end(struct ffd *f, int fl)
{
	if (fl >= 0)
		fcntl(f->fd, F_SETFL, fl);
}

static void io_version(struct ffd *f)
{
	struct ndisprot_version v = { .size = sizeof(v) };
	uint32_t sz;

	if (arg_ioctl(f, NDISPROT_IOC_VERSION, &v, sizeof(v), sizeof(v), 1, &sz) ||
	    sz < sizeof(v))
		return;
	if (!v.abi)
		violation("VERSION: abi 0");
	if (!memchr(v.driver, 0, sizeof(v.driver)))
		violation("VERSION: driver not NUL-terminated");
}

static void io_list(struct ffd *f)
{
	static const uint32_t counts[] = { 0, 1, 2, 64, 256, 257, 1 << 20, 0xffffffff };
	struct ndisprot_list l = { .size = sizeof(l) };
	struct ndisprot_adapter *a = (void *)(arena + A_LIST);
	uint32_t in, sz, i;

	in = chance(60) ? nseen + rnd(3) : counts[rnd(8)];
	if (in > 256 && chance(50))	/* the kernel copies what fits before the guard */
		a = (void *)(guard - sizeof(*a) * (1 + rnd(4)));
	else
		memset(a, CANARY, sizeof(*a) * (in < 256 ? in : 256) + CANARY_LEN);
	l.count = in;
	l.adapters = chance(5) ? bad_u64() : (uintptr_t)a;
	if (arg_ioctl(f, NDISPROT_IOC_LIST, &l, sizeof(l), sizeof(l), 1, &sz) ||
	    sz != sizeof(l) || l.adapters != (uintptr_t)a || a != (void *)(arena + A_LIST))
		return;
	nseen = l.count;
	for (i = 0; i < l.count && i < in; i++)
		if (!memchr(a[i].name, 0, sizeof(a[i].name)))
			violation("LIST: name %u not NUL-terminated", i);
	if (in <= 256 && !intact((unsigned char *)&a[in]))
		violation("LIST wrote past the %u entries given", in);
	if (l.count <= in && l.count <= MAX_NAMES) {
		memcpy(ad, a, l.count * sizeof(*a));
		nad = l.count;
	}
}

static void io_attach(struct ffd *f)
{
	struct ndisprot_attach at = { .size = sizeof(at) };
	uint32_t sz, i, w = rnd(10);

	if (w == 0)
		rnd_fill(at.adapter, sizeof(at.adapter));
	else if (w == 1)
		memset(at.adapter, 'v', sizeof(at.adapter));	/* unterminated */
	else if (w > 2 && nad)					/* 2: empty */
		memcpy(at.adapter, ad[rnd(nad)].name, sizeof(at.adapter));
	else if (w > 2)
		snprintf(at.adapter, sizeof(at.adapter), "vmini%u", rnd(4));
	if (w == 3)
		at.flags = (uint32_t)rnd64();
	if (!arg_ioctl(f, NDISPROT_IOC_ATTACH, &at, sizeof(at), sizeof(at), 0, &sz)) {
		f->attached = 1;
		memset(f->mac, 0, sizeof(f->mac));
		f->mtu = 0;
		for (i = 0; i < nad; i++)
			if (!strncmp(ad[i].name, at.adapter, sizeof(at.adapter))) {
				memcpy(f->mac, ad[i].mac, 6);
				f->mtu = ad[i].mtu;
			}
	} else if (errno == EISCONN) {
		f->attached = 1;
	}
}

static void io_small(struct ffd *f, unsigned int w)
{
	static const uint32_t odd[] = { 0, NDISPROT_TX_WINDOW_MAX + 1, 0xffffffff };
	struct ndisprot_filter fl = { .size = sizeof(fl) };
	struct ndisprot_options o = { .size = sizeof(o) };
	struct ndisprot_tx_window t = { .size = sizeof(t) };
	uint32_t sz, i;

	if (w == 0) {
		fl.packet_filter = chance(85) ? rnd(64) & 0x2b : (uint32_t)rnd64();
		fl.n_ethertypes = chance(90) ? rnd(NDISPROT_ETHERTYPES_MAX + 1) : (uint32_t)rnd64();
		for (i = 0; i < NDISPROT_ETHERTYPES_MAX; i++)
			fl.ethertypes[i] = chance(70) ? types[rnd(7)] : rnd(65536);
		if (chance(5))
			fl.reserved[rnd(2)] = 1 + rnd(65535);
		arg_ioctl(f, NDISPROT_IOC_SET_FILTER, &fl, sizeof(fl), sizeof(fl), 0, &sz);
	} else if (w == 1) {
		o.flags = chance(85) ? rnd(2) : (uint32_t)rnd64();
		arg_ioctl(f, NDISPROT_IOC_SET_OPTIONS, &o, sizeof(o), sizeof(o), 0, &sz);
	} else {
		t.frames = chance(40) ? 1 + rnd(8) : chance(85) ? 1 + rnd(NDISPROT_TX_WINDOW_MAX) :
			   odd[rnd(3)];
		arg_ioctl(f, NDISPROT_IOC_SET_TX_WINDOW, &t, sizeof(t), sizeof(t), 0, &sz);
	}
}

static void io_oid(struct ffd *f)
{
	static const uint32_t oids[] = {
		NDISPROT_OID_GEN_SUPPORTED_LIST, NDISPROT_OID_GEN_MAXIMUM_FRAME_SIZE,
		NDISPROT_OID_GEN_LINK_SPEED, NDISPROT_OID_GEN_CURRENT_PACKET_FILTER,
		NDISPROT_OID_GEN_MAXIMUM_TOTAL_SIZE, NDISPROT_OID_GEN_MEDIA_CONNECT_STATUS,
		NDISPROT_OID_GEN_LINK_STATE, NDISPROT_OID_GEN_XMIT_OK, NDISPROT_OID_GEN_RCV_OK,
		NDISPROT_OID_GEN_STATISTICS, NDISPROT_OID_802_3_PERMANENT_ADDRESS,
		NDISPROT_OID_802_3_CURRENT_ADDRESS, NDISPROT_OID_802_3_MULTICAST_LIST,
		NDISPROT_OID_802_3_MAXIMUM_LIST_SIZE,
	};
	struct ndisprot_oid o = { .size = sizeof(o) };
	uint32_t sz, i;

	o.oid = chance(75) ? oids[rnd(14)] : chance(50) ? 0x00010100 + rnd(0x30) : rnd64();
	o.set = chance(80) ? 0 : chance(75) ? 1 : (uint32_t)rnd64();
	o.length = chance(80) ? rnd(NDISPROT_OID_DATA_MAX + 1) : (uint32_t)rnd64();
	if (o.set == 1 && chance(70))
		o.length = 6 * rnd(40);	/* a multicast list, sometimes too long */
	rnd_fill(o.data, sizeof(o.data));
	for (i = 0; i + 6 <= sizeof(o.data) && chance(90); i += 6)
		memcpy(o.data + i, "\x01\x00\x5e", 3);
	o.reserved = chance(5) ? (uint32_t)rnd64() : 0;
	if (arg_ioctl(f, NDISPROT_IOC_OID, &o, sizeof(o), sizeof(o), 1, &sz) || sz < sizeof(o))
		return;
	if (o.status || o.length > NDISPROT_OID_DATA_MAX)
		violation("OID 0x%08x returned 0 with status 0x%08x, length %u", o.oid, o.status,
			  o.length);
}

static void io_stats(struct ffd *f)
{
	struct ndisprot_stats s = { .size = sizeof(s) };
	uint32_t sz;

	if (!arg_ioctl(f, NDISPROT_IOC_STATS, &s, sizeof(s), STATS_V1, 1, &sz))
		check_stats(f, &s, sz);
}

/* A frame of @len random bytes, mostly with a header from @f's adapter. */
static void frame_build(struct ffd *f, unsigned char *p, size_t len)
{
	static const unsigned char bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	static const unsigned char mcast[6] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 };
	uint16_t n;

	rnd_fill(p, len);
	if (len < 14 || chance(20))
		return;
	n = rnd(4);	/* own address: loopback devices hear it */
	if (n < 3)
		memcpy(p, !n ? bcast : n == 1 ? f->mac : mcast, 6);
	else
		p[0] &= 0xfe;
	if (chance(85))
		memcpy(p + 6, f->mac, 6);
	n = types[rnd(7)];
	p[12] = n >> 8;
	p[13] = n & 0xff;
}

static size_t frame_len(struct ffd *f)
{
	unsigned int mtu = f->mtu && f->mtu < 9000 ? f->mtu : 1500;

	switch (rnd(10)) {
	case 0: return rnd(14);
	case 1: return rnd(10001);
	case 2: return mtu + 15 + rnd(NDISPROT_FRAME_MAX + 100 - mtu);
	case 3: return 60;
	default: return 14 + rnd(mtu + 1);
	}
}

static void io_batch(struct ffd *f, int send)
{
	struct ndisprot_batch b = { .size = sizeof(b) };
	struct ndisprot_frame *d = (void *)(arena + A_DESC);
	unsigned char *pool = arena + A_POOL, ok[RX_DESC];
	uint32_t in, want, sz, i, n, off = 0, bsz[RX_DESC];
	int fl, rc;

	in = chance(90) ? rnd(RX_DESC + 1) : chance(50) ? NDISPROT_BATCH_MAX + rnd(4) : 0xffffffff;
	want = in < NDISPROT_BATCH_MAX ? in : NDISPROT_BATCH_MAX;
	n = send || want < RX_DESC ? want : RX_DESC;
	if (in > RX_DESC && (!send || chance(50))) {	/* the kernel runs into the guard */
		n = RX_DESC;
		d = (void *)(guard - sizeof(*d) * n);
	}
	for (i = 0; send && i < 4; i++)
		frame_build(f, pool + i * SLOT, frame_len(f) % SLOT);
	for (i = 0; i < n; i++) {
		if (send) {
			d[i] = (struct ndisprot_frame){ (uintptr_t)(pool + rnd(4) * SLOT),
							frame_len(f) % SLOT, 0 };
		} else {
			bsz[i] = chance(10) ? rnd(14) : chance(15) ? NDISPROT_FRAME_MAX : rnd(2048);
			if (off + bsz[i] + CANARY_LEN > POOL_LEN) {
				n = i;	/* no stale descriptor may follow */
				in = i;
				break;
			}
			d[i] = (struct ndisprot_frame){ (uintptr_t)(pool + off), bsz[i], 0 };
			memset(pool + off, CANARY, bsz[i] + CANARY_LEN);
			off += bsz[i] + CANARY_LEN;
			ok[i] = 1;
		}
		if (!chance(4))
			continue;
		switch (rnd(3)) {
		case 0:
			d[i].flags = 1 + rnd(7);
			break;
		case 1:	/* receive: shorter, never past the buffer */
			d[i].len = send ? chance(50) ? rnd(14) : (uint32_t)rnd64() :
			    (bsz[i] = rnd(bsz[i] + 1));
			break;
		default:
			d[i].data = bad_u64();
			if (!send)
				ok[i] = 0;
		}
	}
	b.count = in;
	b.frames = chance(5) ? bad_u64() : (uintptr_t)d;
	b.flags = chance(3) ? 1 + rnd(7) : 0;
	b.reserved = chance(3) ? 1 + rnd(7) : 0;
	fl = nb_begin(f, wont_wait(f, !send, want));
	rc = arg_ioctl(f, send ? NDISPROT_IOC_SEND_BATCH : NDISPROT_IOC_RECV_BATCH, &b, sizeof(b),
		       sizeof(b), 0, &sz);
	nb_end(f, fl);
	if (rc || sz != sizeof(b))
		return;
	if (b.count > in || b.count > NDISPROT_BATCH_MAX)
		violation("%s_BATCH moved %u of %u", send ? "SEND" : "RECV", b.count, in);
	for (i = 0; !send && b.frames == (uintptr_t)d && i < b.count && i < n; i++) {
		if (!ok[i])
			continue;
		if ((d[i].flags & ~NDISPROT_FRAME_TRUNCATED) || d[i].len > NDISPROT_FRAME_MAX ||
		    (d[i].flags ? d[i].len <= bsz[i] : d[i].len > bsz[i]))
			violation("RECV_BATCH frame %u: len %u flags %u, buffer %u", i, d[i].len,
				  d[i].flags, bsz[i]);
		if (!intact((unsigned char *)(uintptr_t)d[i].data + bsz[i]))
			violation("RECV_BATCH frame %u written past its %u bytes", i, bsz[i]);
	}
}

/* A random command: mostly ndisprot's magic, else types no VFS ioctl uses. */
static void io_garbage(struct ffd *f)
{
	static const unsigned int foreign[] = { 'x', 'q', 0xd0, 0xd2, 0xff };
	unsigned int type = chance(90) ? NDISPROT_IOC_MAGIC : foreign[rnd(5)];
	unsigned int nr = chance(80) ? rnd(12) : rnd(256);
	unsigned long cmd = _IOC(rnd(4), type, nr, chance(50) ? rnd(64) : rnd(1 << 14));
	unsigned char *p = arena + A_SCRATCH;
	uint32_t sz = chance(50) ? rnd(64) : (uint32_t)rnd64();
	uint64_t arg = (uintptr_t)p, v;
	int rc, fl, i;

	rnd_fill(p, 4200);
	memcpy(p, &sz, 4);
	for (i = 8; i + 8 <= 64 && chance(50); i += 8) {	/* pointers not to trust */
		v = bad_u64();
		memcpy(p + i, &v, 8);
	}
	if (chance(30))
		arg = bad_u64();
	else if (chance(20))
		arg = (uintptr_t)guard - 4 - rnd(60);	/* the size read, the rest faults */
	fl = nb_begin(f, f->nonblock || type != NDISPROT_IOC_MAGIC || (nr != 8 && nr != 9));
	trace("fd=%d ioctl cmd=0x%08lx arg=0x%llx", f->fd, cmd, (unsigned long long)arg);
	rc = counted(ioctl(f->fd, cmd, (unsigned long)arg), &n_ioctl);
	nb_end(f, fl);
	if ((type != NDISPROT_IOC_MAGIC || nr > 9) && (rc != -1 || errno != ENOTTY))
		violation("ioctl 0x%08lx: %d (%s), not ENOTTY", cmd, rc, rc ? strerror(errno) : "");
}

static void op_ioctl(struct ffd *f)
{
	unsigned int w = !f->attached && chance(40) ? 15 : rnd(100);

	if (w < 5)
		io_version(f);
	else if (w < 13)
		io_list(f);
	else if (w < 20)
		io_attach(f);
	else if (w < 40)
		io_small(f, w < 30 ? 0 : w < 34 ? 1 : 2);
	else if (w < 53)
		io_oid(f);
	else if (w < 65)
		io_stats(f);
	else
		io_batch(f, w < 82);
}

/* -- read, write, poll, fsync, mmap --------------------------------------- */

/* @len bytes at @p as 1..4 iovecs, one sometimes bad; returns the count. */
static int split_iov(struct iovec *iov, unsigned char *p, size_t len)
{
	int n = 1 + rnd(4), i;
	size_t cut;

	for (i = 0; i < n; i++, p += cut, len -= cut) {
		cut = i == n - 1 ? len : rnd(len + 1);
		iov[i] = (struct iovec){ p, cut };
	}
	if (chance(5))
		iov[rnd(n)].iov_base = (void *)(uintptr_t)bad_u64();
	return n;
}

static void op_rw(struct ffd *f, int wr)
{
	static const size_t sizes[] = { 0, 1, 13, 14, 60, 1514, NDISPROT_FRAME_MAX, 10000 };
	unsigned char *p = arena + A_POOL;
	void *buf = chance(4) ? (void *)(uintptr_t)bad_u64() : p;
	size_t len = wr ? frame_len(f) : chance(50) ? sizes[rnd(8)] : rnd(10001);
	int fl, v = chance(25);
	struct iovec iov[4];
	ssize_t rc;

	if (wr)
		frame_build(f, p, len);
	fl = nb_begin(f, wont_wait(f, !wr, 1));
	trace("fd=%d %s%s len=%zu%s", f->fd, wr ? "write" : "read", v ? "v" : "", len,
	      buf != p ? " bad-ptr" : "");
	if (v)
		rc = (wr ? writev : readv)(f->fd, iov, split_iov(iov, p, len));
	else
		rc = wr ? write(f->fd, buf, len) : read(f->fd, buf, len);
	counted(rc, wr ? &n_write : &n_read);
	nb_end(f, fl);
	if (wr && rc >= 0 && (size_t)rc != len)
		violation("write of %zu returned %zd", len, rc);
	if (!wr && (rc > (ssize_t)len || rc > NDISPROT_FRAME_MAX))
		violation("read of %zu returned %zd", len, rc);
}

static short rnd_events(void)
{
	static const short ev[] = { POLLIN, POLLOUT, POLLIN | POLLOUT, POLLPRI, POLLRDNORM };

	return chance(70) ? ev[rnd(5)] : (short)rnd(0x10000);
}

static void op_poll(void)
{
	struct pollfd p[MAX_FDS + 2];
	int n = 0, i, ms = chance(20) ? 0 : rnd(POLL_MS_MAX + 1);

	for (i = 0; i < nfds; i++)
		if (chance(60))
			p[n++] = (struct pollfd){ .fd = fds[i].fd, .events = rnd_events() };
	if (chance(10))
		p[n++] = (struct pollfd){ .fd = -1, .events = POLLIN };
	if (chance(5))
		p[n++] = (struct pollfd){ .fd = 999, .events = POLLIN };	/* POLLNVAL */
	trace("poll n=%d timeout=%d", n, ms);
	counted(poll(p, n, ms), &n_poll);
}

static void op_epoll(struct ffd *f)
{
	struct epoll_event ev = { .events = chance(70) ? (uint16_t)rnd_events() : rnd64() };
	struct epoll_event out[MAX_FDS];
	int op = chance(40) ? EPOLL_CTL_ADD : chance(50) ? EPOLL_CTL_MOD : EPOLL_CTL_DEL;

	if (epfd < 0)
		epfd = counted(epoll_create1(EPOLL_CLOEXEC), NULL);
	if (chance(50)) {
		trace("epoll_ctl op=%d fd=%d events=0x%x", op, f->fd, ev.events);
		counted(epoll_ctl(epfd, op, f->fd, &ev), &n_poll);
	} else {
		trace("epoll_wait");
		counted(epoll_wait(epfd, out, MAX_FDS, rnd(POLL_MS_MAX + 1)), &n_poll);
	}
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000 };

	nanosleep(&ts, NULL);
}

/* fsync waits for every frame in flight: only then in a child, killed after 2 s. */
static void op_fsync(struct ffd *f)
{
	struct ndisprot_stats s;
	int st, t, data = chance(30);
	pid_t pid;

	if (!get_stats(f, &s) && !s.tx_inflight) {
		trace("fd=%d %s", f->fd, data ? "fdatasync" : "fsync");
		counted(data ? fdatasync(f->fd) : fsync(f->fd), NULL);
		return;
	}
	trace("fd=%d fsync in a child", f->fd);
	fflush(NULL);
	pid = fork();
	if (pid == 0)
		_exit(fsync(f->fd) ? 1 : 0);
	if (counted(pid, NULL) < 0)
		return;
	for (t = 0; t < FSYNC_MS_MAX / 10 * 2; t++, sleep_ms(10)) {
		if (waitpid(pid, &st, WNOHANG) == pid) {
			counted(WIFEXITED(st) && !WEXITSTATUS(st) ? 0 : -1, NULL);
			return;
		}
		if (t == FSYNC_MS_MAX / 10) {
			trace("fd=%d fsync waited %d ms: killed", f->fd, FSYNC_MS_MAX);
			kill(pid, SIGKILL);
		}
	}
	trace("fd=%d fsync child %d did not die", f->fd, (int)pid);
}

static void op_mmap(struct ffd *f)
{
	size_t len = 4096 * (1 + rnd(4));
	void *p;

	trace("fd=%d mmap len=%zu", f->fd, len);
	p = mmap(NULL, len, rnd(8) & (PROT_READ | PROT_WRITE | PROT_EXEC),
		 chance(50) ? MAP_SHARED : MAP_PRIVATE, f->fd, 4096 * rnd(4));
	if (counted(p == MAP_FAILED ? -1 : 0, NULL) == 0)
		munmap(p, len);
}

static void op_open(int fl)
{
	int fd;

	trace("open flags=0x%x", fl);
	fd = counted(open(NDISPROT_DEVICE, fl | O_CLOEXEC), NULL);
	if (fd >= 0 && dropped)
		violation("open without CAP_NET_RAW succeeded");
	if (fd >= 0)
		fds[nfds++] = (struct ffd){ .fd = fd, .nonblock = !!(fl & O_NONBLOCK) };
}

static void op_file(int i)
{
	static const int acc[] = { O_RDWR, O_RDWR, O_RDWR, O_RDONLY, O_WRONLY };
	struct ffd *f = &fds[i < 0 ? 0 : i];
	int fl;

	if (nfds < MAX_FDS && (i < 0 || chance(60))) {
		op_open(acc[rnd(5)] | (chance(50) ? O_NONBLOCK : 0));
	} else if (chance(50) && (!unpriv || nfds > 1)) {	/* unprivileged: no reopening */
		trace("close fd=%d", f->fd);
		counted(close(f->fd), NULL);
		*f = fds[--nfds];
	} else {
		trace("fd=%d toggle O_NONBLOCK", f->fd);
		fl = fcntl(f->fd, F_GETFL);
		if (fl >= 0 && !counted(fcntl(f->fd, F_SETFL, fl ^ O_NONBLOCK), NULL))
			f->nonblock = !(fl & O_NONBLOCK);
	}
}

/* -- sysfs and debugfs ------------------------------------------------------ */

static int list_dir(const char *dir, char out[][NAME_LEN], int max)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	while (d && n < max && (e = readdir(d)))
		if (e->d_name[0] != '.' && strlen(e->d_name) < NAME_LEN)
			memcpy(out[n++], e->d_name, strlen(e->d_name) + 1);
	if (d)
		closedir(d);
	return n;
}

/* 0, or -1 with errno; unprivileged, a write that took effect is a violation. */
static int sys_write(const char *path, const void *buf, size_t len)
{
	const char *b = buf;
	char show[41];
	ssize_t rc;
	size_t i;
	int fd, e;

	for (i = 0; i < len && i < 40; i++)
		show[i] = isprint((unsigned char)b[i]) ? b[i] : '.';
	show[i] = 0;
	trace("write %s len=%zu \"%s\"", path, len, show);
	n_sysfs++;
	fd = counted(open(path, O_WRONLY | O_CLOEXEC | O_NONBLOCK), NULL);
	if (fd < 0)
		return -1;
	rc = counted(write(fd, buf, len), NULL);
	e = errno;
	close(fd);
	if (unpriv && rc > 0)
		violation("unprivileged write to %s succeeded", path);
	errno = e;
	return rc < 0 ? -1 : 0;
}

static void sys_read(const char *path)
{
	char buf[4096];
	int fd, i;

	trace("read %s", path);
	n_sysfs++;
	fd = counted(open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK), NULL);
	for (i = 0; fd >= 0 && i < 16; i++)
		if (counted(read(fd, buf, sizeof(buf)), NULL) <= 0)
			break;
	if (fd >= 0)
		close(fd);
}

/* Every readable file below @dir, 4 levels at most, symlinks not followed. */
static void walk(const char *dir, int depth)
{
	struct dirent *e;
	struct stat st;
	char p[512];
	DIR *d = depth > 4 ? NULL : opendir(dir);

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' ||
		    snprintf(p, sizeof(p), "%s/%s", dir, e->d_name) >= (int)sizeof(p) ||
		    lstat(p, &st))
			continue;
		if (S_ISDIR(st.st_mode))
			walk(p, depth + 1);
		else if (S_ISREG(st.st_mode) && (st.st_mode & 0444))
			sys_read(p);
	}
	closedir(d);
}

/* An adapter name as bind and unbind take it, or not quite. */
static size_t bind_arg(char *buf)
{
	int n = list_dir(SYS_NDIS "/adapters", names, MAX_NAMES);
	const char *name = n ? names[rnd(n)] : "vmini0";
	unsigned int w = rnd(10);
	size_t len = w == 1 ? 30 + rnd(5000) : 1 + rnd(40);

	if (w == 0)
		return 0;
	if (w == 1)
		memset(buf, 'a' + rnd(26), len);	/* overlong */
	else if (w == 2)
		rnd_fill(buf, len);
	else if (w == 3)
		len = sprintf(buf, "%s%cjunk", name, 0);
	else if (w == 4)
		len = sprintf(buf, "%s%s", name, chance(50) ? "\n\n" : " ");
	else if (w == 5)
		len = sprintf(buf, "vmini%u\n", VMINI_BASE + rnd(VMINI_IDS));
	else
		len = sprintf(buf, "%s%s", name, chance(50) ? "\n" : "");
	return len;
}

static int is_created(int id)
{
	int i;

	for (i = 0; i < ncreated; i++)
		if (created[i] == id)
			return i;
	return -1;
}

static void sys_new_device(void)
{
	static const char *const junk[] = { "", "zzz", "70000", "4294967295", "1000 70000",
					    "-", "\xff\xfe", "q1000" };
	int id = VMINI_BASE + rnd(VMINI_IDS), j = rnd(8), len;
	char s[64];

	/* Junk never parses to an id 0..65535 with a hub 0..65535: nothing untracked appears. */
	if (chance(30) || (!unpriv && ncreated == MAX_CREATED && is_created(id) < 0)) {
		sys_write(SYS_VMINI "/new_device", junk[j], strlen(junk[j]));
		return;
	}
	len = chance(50) ? sprintf(s, "%d\n", id) :
	      sprintf(s, "%d %d\n", id, chance(50) ? 0 : 901 + rnd(2));
	if ((!sys_write(SYS_VMINI "/new_device", s, len) || errno == EEXIST) &&
	    is_created(id) < 0 && ncreated < MAX_CREATED)
		created[ncreated++] = id;	/* EEXIST: still ours, by its range */
}

static void sys_del_device(void)
{
	static const char *const junk[] = { "", "abc", "-1", "99999999999", "70000", "0x",
					    "1000 1", "\n" };
	int i = rnd(8), len;
	char s[32];

	if (!ncreated || chance(25)) {	/* junk matches no id */
		sys_write(SYS_VMINI "/del_device", junk[i], strlen(junk[i]));
		return;
	}
	i = rnd(ncreated);
	len = sprintf(s, chance(50) ? "%d\n" : "%d", created[i]);
	if (!sys_write(SYS_VMINI "/del_device", s, len) || errno == ENODEV)
		created[i] = created[--ncreated];
}

static void op_sysfs(void)
{
	unsigned int w = rnd(100);
	char path[256], buf[5200];
	int n;

	if (w < 3) {
		walk(SYS_NDIS, 0);
	} else if (w < 15) {
		sys_read(NDISPROT_STATS_FILE);
	} else if (w < 25) {
		n = list_dir(SYS_NDIS "/bindings", names, MAX_NAMES);
		snprintf(path, sizeof(path), SYS_NDIS "/bindings/%s", n ? names[rnd(n)] : "x");
		walk(path, 4);
	} else if (w < 55) {
		n = list_dir(SYS_NDIS "/protocols", names, MAX_NAMES);
		snprintf(path, sizeof(path), SYS_NDIS "/protocols/%s/%s",
			 n ? names[rnd(n)] : "ndisprot", chance(50) ? "bind" : "unbind");
		sys_write(path, buf, bind_arg(buf));
	} else if (w < 75) {
		sys_new_device();
	} else if (w < 88) {
		sys_del_device();
	} else if (ncreated) {	/* the only debugfs knob touched, and only on our devices */
		snprintf(path, sizeof(path), DBG_VMINI "/vmini%d/link", created[rnd(ncreated)]);
		if (chance(30))
			sys_read(path);
		else
			sys_write(path, chance(90) ? (rnd(2) ? "1\n" : "0\n") : "2\n", 2);
	}
}

/* -- main ----------------------------------------------------------------- */

static void one_op(void)
{
	unsigned int w = rnd(100);
	int i = nfds ? (int)rnd(nfds) : -1;
	struct ffd *f = &fds[i < 0 ? 0 : i];

	if (!no_sysfs && (w < 10 || (i < 0 && chance(50))))
		op_sysfs();
	else if (i < 0 || w < 18)
		op_file(i);
	else if (w < 50)
		op_ioctl(f);
	else if (w < 61)
		io_garbage(f);
	else if (w < 83)
		op_rw(f, w < 71);
	else if (w < 89)
		op_poll();
	else if (w < 94)
		op_epoll(f);
	else if (w < 97)
		op_fsync(f);
	else
		op_mmap(f);
}

/* 1: bound, no unbind pending; 0: no binding; -1: one unbinding. */
static int bound(const char *b)
{
	char path[256], c = 0;
	int fd;

	snprintf(path, sizeof(path), SYS_NDIS "/bindings/%s/unbind_pending", b);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return 0;
	if (read(fd, &c, 1) != 1)
		c = 0;
	close(fd);
	return c == '0' ? 1 : -1;
}

/* Bind again what was bound at the start; unbinds end asynchronously: up to 10 s. */
static void restore_bindings(void)
{
	int i, t, c, b, left;
	char path[256];

	for (t = 0; t < 100; t++, sleep_ms(100)) {
		for (i = 0, left = 0; i < nbinds0; i++) {
			c = strcspn(binds0[i], ":");
			b = binds0[i][c] ? bound(binds0[i]) : 1;
			if (b == 1)
				continue;
			left++;
			snprintf(path, sizeof(path), SYS_NDIS "/protocols/%.*s/bind", c, binds0[i]);
			if (!b && sys_write(path, binds0[i] + c + 1, strlen(binds0[i] + c + 1)) &&
			    errno == ENODEV)
				binds0[i][c] = 0;	/* its adapter is gone */
		}
		if (!left)
			break;
	}
}

static void cleanup(void)
{
	char s[32], path[128];
	struct stat st;
	int id;

	while (nfds)
		close(fds[--nfds].fd);
	if (epfd >= 0)
		close(epfd);
	if (no_sysfs || geteuid())
		return;
	cur = ~0UL;
	for (id = VMINI_BASE; id < VMINI_BASE + VMINI_IDS; id++) {
		snprintf(path, sizeof(path), SYS_NDIS "/adapters/vmini%d", id);
		if (is_created(id) >= 0 || !stat(path, &st))
			sys_write(SYS_VMINI "/del_device", s, sprintf(s, "%d\n", id));
	}
	restore_bindings();
}

static int finish(int status)
{
	printf("NDIS-FUZZ: seed=%llu uid=%u executions=%lu ioctls=%lu reads=%lu writes=%lu",
	       seed, (unsigned int)getuid(), n_exec, n_ioctl, n_read, n_write);
	printf(" polls=%lu sysfs=%lu errors=%lu\n", n_poll, n_sysfs, n_err);
	fflush(stdout);
	return status ? status : n_viol ? 1 : 0;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	struct ndisprot_version v = { .size = sizeof(v) };
	struct ndisprot_list l = { .size = sizeof(l), .count = MAX_NAMES };
	long uid = -1;
	double t0;
	int i;

	seed = (unsigned long long)time(NULL);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "--trace"))
			trace_on = 1;
		else if (!strcmp(a, "--no-sysfs"))
			no_sysfs = 1;
		else if (val && !strcmp(a, "--seed") && ++i)
			seed = strtoull(val, NULL, 0);
		else if (val && !strcmp(a, "--iterations") && ++i)
			iterations = strtoul(val, NULL, 0);
		else if (val && !strcmp(a, "--seconds") && ++i)
			seconds = strtoul(val, NULL, 0);
		else if (val && !strcmp(a, "--uid") && ++i)
			uid = strtol(val, NULL, 0);
		else
			break;
	}
	if (i < argc) {
		fprintf(stderr, "usage: %s [--seed N] [--iterations N] [--seconds N]", argv[0]);
		fprintf(stderr, " [--uid UID] [--no-sysfs] [--trace]\n");
		return 2;
	}
	if (!iterations && !seconds)
		iterations = 10000;
	printf("NDIS-FUZZ: seed=%llu\n", seed);
	fflush(stdout);

	page_size = sysconf(_SC_PAGESIZE);
	arena = mmap(NULL, ARENA_LEN + 4096, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (arena == MAP_FAILED || mprotect(arena + ARENA_LEN, 4096, PROT_NONE)) {
		perror("NDIS-FUZZ: mmap");
		return finish(2);
	}
	guard = arena + ARENA_LEN;

	/* Files opened now stay usable once privileges are dropped. */
	op_open(O_RDWR);
	op_open(O_RDWR | O_NONBLOCK);
	if (!nfds && !geteuid()) {
		fprintf(stderr, "NDIS-FUZZ: cannot open %s: %s\n", NDISPROT_DEVICE,
			strerror(errno));
		return finish(2);
	}
	l.adapters = (uintptr_t)ad;
	if (nfds && !ioctl(fds[0].fd, NDISPROT_IOC_VERSION, &v)) {
		driver_abi = v.abi;
		if (!v.abi)
			violation("VERSION: abi 0");
	}
	if (nfds && !ioctl(fds[0].fd, NDISPROT_IOC_LIST, &l))
		nad = l.count < MAX_NAMES ? l.count : MAX_NAMES;
	nseen = nad;
	if (!no_sysfs)
		nbinds0 = list_dir(SYS_NDIS "/bindings", binds0, MAX_NAMES);
	if (uid >= 0 && geteuid() != (uid_t)uid &&
	    (setgroups(0, NULL) || setgid(uid) || setuid(uid))) {
		perror("NDIS-FUZZ: dropping privileges");
		return finish(2);
	}
	unpriv = geteuid() != 0;
	dropped = uid >= 0 && unpriv;

	t0 = now_s();
	for (cur = 0; (!iterations || cur < iterations) && (!seconds || now_s() - t0 < seconds);
	     cur++, n_exec++) {
		rs = splitmix(seed ^ splitmix(cur)) | 1;
		one_op();
	}
	cleanup();
	return finish(0);
}
