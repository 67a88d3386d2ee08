// SPDX-License-Identifier: GPL-2.0
/*
 * scale: many bindings at once. PROTOCOLS protocols are registered on
 * COUNT adapters PREFIX<FIRST>.. (64 x 16 = 1024 bindings in make bench),
 * then deregistered. Each round reports, with no Linux counterpart
 * (theirs = 1, so ratio = ours):
 *
 *   nic=bind    seconds from the first registration until every binding runs
 *   nic=unbind  seconds to deregister them all (every binding unbound)
 *   nic=memory  bytes per binding the kernel handed out, between before the
 *               first registration and every binding running (slab= the part
 *               of it that slab pages hold, large kmalloc included)
 *
 *   scale ROUNDS PROTOCOLS PREFIX FIRST COUNT
 */
#include <linux/ktime.h>
#include <linux/rcupdate.h>

#include "kbench.h"

#define NDIS_KBENCH_SCALE_PROTOS	16
#define NDIS_KBENCH_E4_PER_NS		100000	/* ns in 10^-4 s */

static u64 ndis_kbench_scale_per(long pages, unsigned int bindings)
{
	return pages > 0 ? div_u64((u64)pages * PAGE_SIZE * 10000, bindings) : 0;
}

static int ndis_kbench_scale_round(unsigned int round, unsigned int protos, const char *prefix,
				   u32 first, u32 count)
{
	unsigned int i, bindings = protos * count;
	struct ndis_kbench_mem before, bound;
	struct ndis_kbench_proto *p;
	char name[NDIS_KBENCH_NAME_MAX];
	u64 t0, t_bind, t_unbind, slab;
	int err = 0;

	/* Frees still waiting for a grace period would count as used. */
	rcu_barrier();
	ndis_kbench_mem_snapshot(&before);
	t0 = ktime_get_ns();
	for (i = 0; i < protos && !err; i++) {
		snprintf(name, sizeof(name), "ndis_kbench_s%u", i);
		p = ndis_kbench_proto_init(i, name);
		strscpy(p->prefix, prefix, sizeof(p->prefix));
		p->first = first;
		p->count = count;
		err = ndis_kbench_proto_register("scale", p);
	}
	if (!err)
		err = ndis_kbench_wait_running("scale", 0, protos, bindings);
	t_bind = ktime_get_ns() - t0;
	if (!err) {
		rcu_barrier();
		ndis_kbench_mem_snapshot(&bound);
		ndis_kbench_report("scale", "bind", bindings, round,
				   div_u64(t_bind, NDIS_KBENCH_E4_PER_NS), 10000,
				   " adapters=%u protocols=%u unit=s", count, protos);
		slab = ndis_kbench_scale_per(bound.slab - before.slab, bindings);
		ndis_kbench_report("scale", "memory", bindings, round,
				   ndis_kbench_scale_per(before.free - bound.free, bindings), 10000,
				   " slab=%llu adapters=%u protocols=%u unit=B/binding",
				   div_u64(slab, 10000), count, protos);
	}
	t0 = ktime_get_ns();
	if (ndis_kbench_deregister_all("scale"))
		return -ETIMEDOUT;
	t_unbind = ktime_get_ns() - t0;
	if (!err)
		ndis_kbench_report("scale", "unbind", bindings, round,
				   div_u64(t_unbind, NDIS_KBENCH_E4_PER_NS), 10000,
				   " adapters=%u protocols=%u unit=s", count, protos);
	return err;
}

/**
 * ndis_kbench_scale_run() - the scale measure
 * @args: "ROUNDS PROTOCOLS PREFIX FIRST COUNT"
 *
 * Return: 0, or a negative errno after an error line.
 */
int ndis_kbench_scale_run(const char *args)
{
	char prefix[NDIS_KBENCH_NAME_MAX];
	unsigned int rounds, protos, r;
	u32 first, count;
	int err = 0;

	if (sscanf(args, "%u %u %31s %u %u", &rounds, &protos, prefix, &first, &count) != 5 ||
	    !rounds || !protos || protos > NDIS_KBENCH_SCALE_PROTOS || !count) {
		ndis_kbench_error("scale", "usage: scale ROUNDS PROTOCOLS(1-%u) PREFIX FIRST COUNT",
				  NDIS_KBENCH_SCALE_PROTOS);
		return -EINVAL;
	}
	for (r = 1; r <= rounds && !err; r++)
		err = ndis_kbench_scale_round(r, protos, prefix, first, count);
	return err;
}
