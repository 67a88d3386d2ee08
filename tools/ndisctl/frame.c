// SPDX-License-Identifier: GPL-2.0
/*
 * Frames in and out: hex strings, classic pcap files (LINKTYPE_ETHERNET,
 * either byte order, microsecond or nanosecond timestamps). pcapng is not
 * read; `editcap -F pcap in.pcapng out.pcap` converts.
 */
#include <byteswap.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "ndisctl.h"

#define PCAP_MAGIC_US		0xa1b2c3d4
#define PCAP_MAGIC_NS		0xa1b23c4d
#define PCAPNG_MAGIC		0x0a0d0d0a
#define PCAP_HDR_LEN		24
#define PCAP_REC_LEN		16
#define LINKTYPE_ETHERNET	1
#define PCAP_SNAPLEN		65535
#define PCAP_FILE_MAX		(256 << 20)	/* refuse to slurp more */
#define ETH_HLEN_MIN		14

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Bytes from hex digits; spaces, tabs, newlines, ':', '-' and '.' may
 * separate them anywhere, and pairs never straddle a separator. Returns 0,
 * or -1 with the reason in @why.
 */
int frame_from_hex(const char *hex, struct frame *f, char *why, size_t whylen)
{
	size_t n = 0, i;
	int hi;

	f->data = xmalloc(strlen(hex) / 2 + 1);
	for (i = 0; hex[i]; ) {
		if (strchr(" \t\r\n:-.", hex[i])) {
			i++;
			continue;
		}
		hi = hexval(hex[i]);
		if (hi < 0) {
			snprintf(why, whylen, "'%c' at offset %zu is not a hex digit", hex[i], i);
			goto fail;
		}
		if (hexval(hex[i + 1]) < 0) {
			snprintf(why, whylen, "lone hex digit at offset %zu (write bytes as pairs)",
				 i);
			goto fail;
		}
		f->data[n++] = (unsigned char)(hi << 4 | hexval(hex[i + 1]));
		i += 2;
	}
	f->len = n;
	if (n < ETH_HLEN_MIN) {
		snprintf(why, whylen,
			 "%zu bytes is shorter than an Ethernet header (14: destination, source, EtherType)",
			 n);
		goto fail;
	}
	if (n > NDISPROT_FRAME_MAX) {
		snprintf(why, whylen, "%zu bytes is more than %d", n, NDISPROT_FRAME_MAX);
		goto fail;
	}
	return 0;
fail:
	free(f->data);
	f->data = NULL;
	return -1;
}

void frames_add(struct frames *fs, const unsigned char *data, size_t len)
{
	struct frame *f;

	fs->v = xrealloc(fs->v, (fs->n + 1) * sizeof(*fs->v));
	f = &fs->v[fs->n++];
	f->data = memcpy(xmalloc(len), data, len);
	f->len = len;
}

void frames_free(struct frames *fs)
{
	while (fs->n)
		free(fs->v[--fs->n].data);
	free(fs->v);
	fs->v = NULL;
}

static __u32 get32(const unsigned char *p, bool swap)
{
	__u32 v;

	memcpy(&v, p, sizeof(v));
	return swap ? bswap_32(v) : v;
}

/* Read the whole of a small file; *@len bytes at the returned pointer. */
static unsigned char *slurp(const char *path, size_t *len)
{
	unsigned char *buf = NULL;
	size_t size = 0, room = 0;
	ssize_t n;
	int fd, e;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		err_errno(errno, "send: %s", path);
		return NULL;
	}
	for (;;) {
		if (size == room) {
			if (room >= PCAP_FILE_MAX) {
				err_msg("send: %s: larger than %d MiB", path, PCAP_FILE_MAX >> 20);
				goto fail;
			}
			room = room ? room * 2 : 65536;
			buf = xrealloc(buf, room);
		}
		n = read(fd, buf + size, room - size);
		if (n < 0) {
			e = errno;
			if (e == EINTR)
				continue;
			err_errno(e, "send: %s", path);
			goto fail;
		}
		if (!n)
			break;
		size += n;
	}
	close(fd);
	*len = size;
	return buf;
fail:
	close(fd);
	free(buf);
	return NULL;
}

/*
 * Every packet of a classic pcap file, in order, into @fs. Returns 0, or
 * -1 after saying what is wrong with the file.
 */
int frames_from_pcap(const char *path, struct frames *fs)
{
	size_t len, off, k = 0;
	__u32 magic, linktype, incl = 0, orig;
	unsigned char *buf;
	bool swap;

	buf = slurp(path, &len);
	if (!buf)
		return -1;
	if (len < PCAP_HDR_LEN) {
		err_msg("send: %s: not a pcap file (%zu bytes, no header)", path, len);
		goto fail;
	}
	magic = get32(buf, false);
	if (magic == PCAP_MAGIC_US || magic == PCAP_MAGIC_NS) {
		swap = false;
	} else if (magic == bswap_32(PCAP_MAGIC_US) || magic == bswap_32(PCAP_MAGIC_NS)) {
		swap = true;
	} else if (magic == PCAPNG_MAGIC) {
		err_msg("send: %s: pcapng is not supported (editcap -F pcap converts it)",
			path);
		goto fail;
	} else {
		err_msg("send: %s: not a pcap file (magic 0x%08x)", path, magic);
		goto fail;
	}
	/* The top bits of the link type may carry FCS information. */
	linktype = get32(buf + 20, swap) & 0x0fffffff;
	if (linktype != LINKTYPE_ETHERNET) {
		err_msg("send: %s: link type %u; only Ethernet (1) frames can be sent",
			path, linktype);
		goto fail;
	}
	for (off = PCAP_HDR_LEN; off < len; off += PCAP_REC_LEN + incl) {
		k++;
		if (len - off < PCAP_REC_LEN) {
			err_msg("send: %s: packet %zu: truncated record header", path, k);
			goto fail;
		}
		incl = get32(buf + off + 8, swap);
		orig = get32(buf + off + 12, swap);
		if (incl > len - off - PCAP_REC_LEN) {
			err_msg("send: %s: packet %zu: %u bytes, past the end of the file",
				path, k, incl);
			goto fail;
		}
		if (incl < orig) {
			err_msg("send: %s: packet %zu: only %u of its %u bytes were captured",
				path, k, incl, orig);
			goto fail;
		}
		if (incl < ETH_HLEN_MIN || incl > NDISPROT_FRAME_MAX) {
			err_msg("send: %s: packet %zu: %u bytes; a frame has 14 to %d",
				path, k, incl, NDISPROT_FRAME_MAX);
			goto fail;
		}
		frames_add(fs, buf + off + PCAP_REC_LEN, incl);
	}
	if (!fs->n) {
		err_msg("send: %s: no packets in the file", path);
		goto fail;
	}
	free(buf);
	return 0;
fail:
	frames_free(fs);
	free(buf);
	return -1;
}

static int write_all(int fd, struct iovec *iov, int n)
{
	ssize_t w;

	while (n > 0) {
		w = writev(fd, iov, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		while (n > 0 && (size_t)w >= iov->iov_len) {
			w -= iov->iov_len;
			iov++;
			n--;
		}
		if (n > 0) {
			iov->iov_base = (char *)iov->iov_base + w;
			iov->iov_len -= w;
		}
	}
	return 0;
}

/* A pcap header in host byte order, microsecond timestamps. */
int pcap_write_header(int fd)
{
	__u32 h[6] = { PCAP_MAGIC_US, 0, 0, 0, PCAP_SNAPLEN, LINKTYPE_ETHERNET };
	struct iovec iov = { h, sizeof(h) };
	__u16 ver[2] = { 2, 4 };

	memcpy(&h[1], ver, sizeof(ver));	/* version 2.4 in host order */
	return write_all(fd, &iov, 1);
}

int pcap_write_frame(int fd, const struct timeval *ts, const unsigned char *data, size_t len)
{
	__u32 incl = len > PCAP_SNAPLEN ? PCAP_SNAPLEN : len;
	__u32 r[4] = { (__u32)ts->tv_sec, (__u32)ts->tv_usec, incl, (__u32)len };
	struct iovec iov[2] = { { r, sizeof(r) }, { (void *)data, incl } };

	return write_all(fd, iov, 2);
}
