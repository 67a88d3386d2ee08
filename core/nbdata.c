// SPDX-License-Identifier: GPL-2.0
/*
 * The storage behind a NET_BUFFER. An sk_buff-backed NB views its skb from
 * skb->head; an MDL-backed NB views a driver's chain from the first MDL's
 * first byte. Both describe the same thing to a driver that walks MDLs:
 * for an skb, NDIS builds the chain on first use (the linear part from
 * head, then each page fragment, then the same for each skb of the
 * frag_list) and drops it whenever the skb is replaced or released.
 */
#include <linux/skbuff.h>
#include <linux/slab.h>

#include "nbdata.h"

/* Set CurrentMdl and CurrentMdlOffset for @nb's DataOffset. */
void ndis_nb_locate(PNET_BUFFER nb)
{
	ULONG off = nb->DataOffset;
	PMDL mdl = nb->MdlChain;

	while (mdl && mdl->Next && off >= mdl->ByteCount) {
		off -= mdl->ByteCount;
		mdl = mdl->Next;
	}
	nb->CurrentMdl = mdl;
	nb->CurrentMdlOffset = off;
}

/* Make @nb view @length bytes of @chain, @offset bytes in. */
void ndis_nb_on_chain(PNET_BUFFER nb, PMDL chain, ULONG offset, ULONG length)
{
	nb->Skb = NULL;
	nb->MdlChain = chain;
	nb->DataOffset = offset;
	nb->stDataLength = length;
	ndis_nb_locate(nb);
}

/* MDLs one skb (not its frag_list) needs, from @from: head or data. */
static unsigned int ndis_skb_mdl_count(const struct sk_buff *skb)
{
	return 1 + skb_shinfo(skb)->nr_frags;
}

/* Describe @skb's pieces from @start into @m. Return: MDLs used, or -1. */
static int ndis_skb_describe(const struct sk_buff *skb, u8 *start, PMDL m)
{
	const struct skb_shared_info *si = skb_shinfo(skb);
	int i;

	ndis_mdl_describe(&m[0], start, skb_tail_pointer(skb) - start, 0);
	for (i = 0; i < si->nr_frags; i++) {
		void *va = skb_frag_address_safe(&si->frags[i]);

		if (!va)	/* not in the kernel's map (device memory) */
			return -1;
		ndis_mdl_describe(&m[i + 1], va, skb_frag_size(&si->frags[i]), 0);
	}
	return 1 + si->nr_frags;
}

/*
 * Build the MDLs over @nb's skb. Return: false without memory, or for an
 * skb whose fragments the kernel cannot map; @nb has no MDLs then.
 */
bool ndis_nb_build_skb_mdls(PNET_BUFFER nb, gfp_t gfp)
{
	struct sk_buff *skb = nb->Skb, *frag;
	unsigned int n = ndis_skb_mdl_count(skb), used, i;
	PMDL m;
	int k;

	skb_walk_frags(skb, frag)
		n += ndis_skb_mdl_count(frag);
	m = kmalloc_array(n, sizeof(*m), gfp);
	if (!m)
		return false;
	k = ndis_skb_describe(skb, skb->head, m);
	used = k;
	skb_walk_frags(skb, frag) {
		if (k < 0)
			break;
		k = ndis_skb_describe(frag, frag->data, m + used);
		used += k;
	}
	if (k < 0) {
		kfree(m);
		return false;
	}
	for (i = 0; i + 1 < used; i++)
		m[i].Next = &m[i + 1];
	nb->Ndis.skb_mdls = m;
	nb->MdlChain = m;
	ndis_nb_locate(nb);
	return true;
}

void __ndis_nb_drop_mdls(PNET_BUFFER nb)
{
	kfree(nb->Ndis.skb_mdls);
	nb->Ndis.skb_mdls = NULL;
	nb->MdlChain = NULL;
	nb->CurrentMdl = NULL;
	nb->CurrentMdlOffset = 0;
}

/* The first @n bytes of @nb's data if they are contiguous, else NULL. */
void *ndis_nb_contiguous(PNET_BUFFER nb, u32 n)
{
	struct sk_buff *skb = nb->Skb;
	PMDL mdl;

	if (skb)
		return nb->DataOffset + n <= skb_headroom(skb) + skb_headlen(skb) ?
		       skb->head + nb->DataOffset : NULL;
	mdl = nb->CurrentMdl;
	if (!mdl || mdl->ByteCount - nb->CurrentMdlOffset < n)
		return NULL;
	return (u8 *)mdl->MappedSystemVa + nb->CurrentMdlOffset;
}

/*
 * Copy @n bytes between @nb's MDL-backed data and @buf: out of the frame,
 * or into it when @to_frame. Return: 0, or -EFAULT if the chain is short.
 */
static int ndis_nb_copy_mdls(PNET_BUFFER nb, u8 *buf, u32 n, bool to_frame)
{
	ULONG off = nb->CurrentMdlOffset;
	PMDL mdl = nb->CurrentMdl;
	u32 chunk;
	u8 *at;

	for (; n && mdl; mdl = mdl->Next, off = 0) {
		if (off >= mdl->ByteCount)
			continue;
		chunk = min_t(u32, n, mdl->ByteCount - off);
		at = (u8 *)mdl->MappedSystemVa + off;
		if (to_frame)
			memcpy(at, buf, chunk);
		else
			memcpy(buf, at, chunk);
		buf += chunk;
		n -= chunk;
	}
	return n ? -EFAULT : 0;
}

/* Copy @n bytes of @nb's view to @dst. Return: 0, or a negative error. */
int ndis_nb_copy(PNET_BUFFER nb, void *dst, u32 n)
{
	struct sk_buff *skb = nb->Skb;
	u32 start = nb->DataOffset, linear_end, in_head;

	if (!skb)
		return ndis_nb_copy_mdls(nb, dst, n, false);
	linear_end = skb_headroom(skb) + skb_headlen(skb);
	in_head = start < linear_end ? min(linear_end - start, n) : 0;
	memcpy(dst, skb->head + start, in_head);
	if (n == in_head)
		return 0;
	return skb_copy_bits(skb, start + in_head - skb_headroom(skb), (u8 *)dst + in_head,
			     n - in_head);
}

/*
 * Write @n bytes from @src over @nb's view, in place: the caller owns the
 * storage. Return: 0, or a negative error.
 */
int ndis_nb_write(PNET_BUFFER nb, const void *src, u32 n)
{
	struct sk_buff *skb = nb->Skb;
	u32 start = nb->DataOffset, linear_end, in_head;

	if (!skb)
		return ndis_nb_copy_mdls(nb, (u8 *)src, n, true);
	linear_end = skb_headroom(skb) + skb_headlen(skb);
	in_head = start < linear_end ? min(linear_end - start, n) : 0;
	memcpy(skb->head + start, src, in_head);
	if (n == in_head)
		return 0;
	return skb_store_bits(skb, start + in_head - skb_headroom(skb), (const u8 *)src + in_head,
			      n - in_head);
}

/* ndis_nb_release() of a frame on a driver's MDLs, or of no frame. */
void __ndis_nb_release_chain(PNET_BUFFER nb)
{
	PMDL mdl;

	while ((mdl = nb->MdlChain) && mdl != nb->Ndis.borrowed &&
	       (mdl->MdlFlags & (MDL_NETWORK_HEADER | MDL_ALLOCATED_FIXED_SIZE)) ==
	       (MDL_NETWORK_HEADER | MDL_ALLOCATED_FIXED_SIZE)) {
		nb->MdlChain = mdl->Next;
		kfree(mdl);
	}
	nb->MdlChain = NULL;
	nb->CurrentMdl = NULL;
	nb->Ndis.borrowed = NULL;
}

/* @nb's data copied into a new sk_buff, or NULL without memory. */
struct sk_buff *ndis_nb_copy_to_skb(PNET_BUFFER nb)
{
	struct sk_buff *skb = alloc_skb(NET_SKB_PAD + nb->DataLength, GFP_ATOMIC);

	if (!skb)
		return NULL;
	skb_reserve(skb, NET_SKB_PAD);
	if (ndis_nb_copy(nb, skb_put(skb, nb->DataLength), nb->DataLength)) {
		kfree_skb(skb);
		return NULL;
	}
	return skb;
}
