// SPDX-License-Identifier: GPL-2.0
/*
 * The MDL family of the NDIS interface (include/ndis/mdl.h), and the MDL
 * view of an sk_buff-backed NET_BUFFER that the NET_BUFFER_*_MDL macros
 * ask for.
 */
#include <linux/slab.h>
#include <ndis/ndis.h>

#include "../nbdata.h"
#include "../report.h"
#include "handle.h"

/**
 * NdisAllocateMdl() - an MDL describing a driver's buffer
 * @NdisHandle: a handle NDIS gave the driver
 * @VirtualAddress: the buffer: kernel memory the driver allocated
 *	(NdisAllocateMemoryWithTagPriority(), kmalloc()), not a user address
 * @Length: its length in bytes
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the MDL, to be freed with NdisFreeMdl(), or NULL (no memory, or
 * a handle NDIS did not give out: reported).
 */
PMDL NdisAllocateMdl(NDIS_HANDLE NdisHandle, PVOID VirtualAddress, UINT Length)
{
	KIRQL irql = ndis_current_irql();
	PMDL mdl;

	if (!NDIS_IRQL_OK_LE(irql, DISPATCH_LEVEL))
		return NULL;
	if (!ndis_handle_is_driver(NdisHandle)) {
		ndis_bad_handle(NdisHandle, NDIS_HT_NONE, __func__, _RET_IP_);
		return NULL;
	}
	if (!VirtualAddress) {
		ndis_misuse(__func__, "a VirtualAddress", _RET_IP_);
		return NULL;
	}
	mdl = kmalloc(sizeof(*mdl), irql == PASSIVE_LEVEL ? GFP_KERNEL : GFP_ATOMIC);
	if (mdl)
		ndis_mdl_describe(mdl, VirtualAddress, Length, 0);
	return mdl;
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateMdl, "NDIS");

/**
 * NdisFreeMdl() - free an MDL from NdisAllocateMdl()
 * @Mdl: the MDL; the buffer it describes stays the driver's
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisFreeMdl(PMDL Mdl)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	kfree(Mdl);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeMdl, "NDIS");

/**
 * ndis_nb_build_mdls() - give an sk_buff-backed NB its MDL chain
 * @NetBuffer: the NB
 *
 * What NET_BUFFER_FIRST_MDL(), NET_BUFFER_CURRENT_MDL() and
 * NET_BUFFER_CURRENT_MDL_OFFSET() call the first time; the chain lasts
 * until the NB's storage changes. Without memory the NB's MDL fields stay
 * NULL, which a driver sees as a frame it cannot read this way, and the
 * failure is reported.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void ndis_nb_build_mdls(PNET_BUFFER NetBuffer)
{
	KIRQL irql = ndis_current_irql();

	if (!NDIS_IRQL_OK_LE(irql, DISPATCH_LEVEL) || NetBuffer->MdlChain || !NetBuffer->Skb)
		return;
	if (!ndis_nb_build_skb_mdls(NetBuffer,
				    irql == PASSIVE_LEVEL ? GFP_KERNEL : GFP_ATOMIC))
		pr_err_ratelimited("no MDLs for a frame of %u bytes: out of memory, or device memory\n",
				   NetBuffer->DataLength);
}
EXPORT_SYMBOL_NS_GPL(ndis_nb_build_mdls, "NDIS");
