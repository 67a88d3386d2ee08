/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ndis.ko: the storage behind a NET_BUFFER, an sk_buff or a
 * driver's MDL chain, and the MDLs built over an sk_buff (nbdata.c).
 */
#ifndef _NDIS_CORE_NBDATA_H
#define _NDIS_CORE_NBDATA_H

#include <linux/skbuff.h>
#include <ndis/ndis.h>

/* Whether @nb's storage is a driver's MDL chain rather than an sk_buff. */
static inline bool ndis_nb_on_mdls(const NET_BUFFER *nb)
{
	return !nb->Skb && nb->MdlChain;
}

void ndis_nb_locate(PNET_BUFFER nb);
bool ndis_nb_build_skb_mdls(PNET_BUFFER nb, gfp_t gfp);
void __ndis_nb_drop_mdls(PNET_BUFFER nb);
void *ndis_nb_contiguous(PNET_BUFFER nb, u32 n);
int ndis_nb_copy(PNET_BUFFER nb, void *dst, u32 n);
int ndis_nb_write(PNET_BUFFER nb, const void *src, u32 n);
void __ndis_nb_release_chain(PNET_BUFFER nb);
struct sk_buff *ndis_nb_copy_to_skb(PNET_BUFFER nb);
void ndis_nb_on_chain(PNET_BUFFER nb, PMDL chain, ULONG offset, ULONG length);

/* Forget the MDLs NDIS built over @nb's sk_buff, before it changes or goes. */
static inline void ndis_nb_drop_mdls(PNET_BUFFER nb)
{
	if (unlikely(nb->Ndis.skb_mdls))
		__ndis_nb_drop_mdls(nb);
}

/*
 * Let go of @nb's storage as the NB is freed or reused: the reference on
 * its sk_buff and the MDLs built over it, or the MDLs NDIS put in front of
 * a driver's chain in a retreat. The driver's own MDLs stay the driver's.
 */
static inline void ndis_nb_release(PNET_BUFFER nb)
{
	if (likely(nb->Skb)) {
		ndis_nb_drop_mdls(nb);
		consume_skb(nb->Skb);
		nb->Skb = NULL;
	} else {
		__ndis_nb_release_chain(nb);
	}
}

/* After @nb's view moved: where its data starts in the MDLs, if any. */
static inline void ndis_nb_view_moved(PNET_BUFFER nb)
{
	if (unlikely(nb->MdlChain))
		ndis_nb_locate(nb);
}

#endif /* _NDIS_CORE_NBDATA_H */
