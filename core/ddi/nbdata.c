// SPDX-License-Identifier: GPL-2.0
/*
 * The data of a NET_BUFFER, for drivers: reading the first bytes
 * contiguous, moving the start of the data, copying between frames. Each
 * works the same on an sk_buff-backed NB and on one built over a driver's
 * MDL chain (the storage itself is ../nbdata.c's).
 */
#include <linux/mm.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <ndis/ndis.h>

#include "../nbdata.h"
#include "../pool.h"
#include "../report.h"

/**
 * NdisGetDataBuffer() - the first bytes of a frame, contiguous
 * @NetBuffer: the frame
 * @BytesNeeded: how many bytes from the start of its data
 * @Storage: where to copy them if they are not contiguous (or misaligned),
 *	or NULL
 * @AlignMultiple: required alignment (1 or 0: any), a power of two
 * @AlignOffset: offset the alignment applies to
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: a pointer into the frame, @Storage holding a copy, or NULL (the
 * frame is shorter, or the bytes are not contiguous and @Storage is NULL).
 */
PVOID NdisGetDataBuffer(PNET_BUFFER NetBuffer, ULONG BytesNeeded, PVOID Storage,
			UINT AlignMultiple, UINT AlignOffset)
{
	struct sk_buff *skb;
	UCHAR *data;

	if (!NetBuffer || BytesNeeded > NetBuffer->DataLength)
		return NULL;
	skb = NetBuffer->Skb;
	/* The sk_buff case inline: it is every frame of the Linux data path. */
	if (likely(skb))
		data = NetBuffer->DataOffset + BytesNeeded <=
		       skb_headroom(skb) + skb_headlen(skb) ? skb->head + NetBuffer->DataOffset :
		       NULL;
	else
		data = ndis_nb_contiguous(NetBuffer, BytesNeeded);
	if (data &&
	    (AlignMultiple <= 1 || IS_ALIGNED((unsigned long)data - AlignOffset, AlignMultiple)))
		return data;
	if (!Storage || ndis_nb_copy(NetBuffer, Storage, BytesNeeded))
		return NULL;
	return Storage;
}
EXPORT_SYMBOL_NS_GPL(NdisGetDataBuffer, "NDIS");

/* Free the MDLs a retreat put in front of @nb's data that it no longer uses. */
static void ndis_nb_free_headers(PNET_BUFFER nb, NET_BUFFER_FREE_MDL_HANDLER free_mdl)
{
	PMDL mdl;

	while ((mdl = nb->MdlChain) && mdl != nb->CurrentMdl && mdl != nb->Ndis.borrowed &&
	       (mdl->MdlFlags & MDL_NETWORK_HEADER)) {
		nb->MdlChain = mdl->Next;
		nb->DataOffset -= mdl->ByteCount;
		if (free_mdl)
			free_mdl(mdl);
		else if (mdl->MdlFlags & MDL_ALLOCATED_FIXED_SIZE)
			kfree(mdl);
	}
}

/**
 * NdisAdvanceNetBufferDataStart() - drop bytes from the front of a frame
 * @NetBuffer: the frame
 * @DataOffsetDelta: bytes to drop; more than the frame has is refused
 * @FreeMdl: whether to free the MDLs an earlier retreat added that the
 *	data no longer reaches
 * @FreeMdlHandler: frees those the driver's NetAllocateMdl gave; NULL if
 *	NDIS allocated them
 *
 * Only the NB's view moves; the storage, which other NBs may share, stays.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisAdvanceNetBufferDataStart(PNET_BUFFER NetBuffer, ULONG DataOffsetDelta,
				   BOOLEAN FreeMdl, NET_BUFFER_FREE_MDL_HANDLER FreeMdlHandler)
{
	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	if (!NetBuffer || (!NetBuffer->Skb && !NetBuffer->MdlChain) ||
	    DataOffsetDelta > NetBuffer->DataLength) {
		ndis_misuse(__func__, "a delta within the frame's data", _RET_IP_);
		return;
	}
	NetBuffer->DataOffset += DataOffsetDelta;
	NetBuffer->DataLength -= DataOffsetDelta;
	ndis_nb_view_moved(NetBuffer);
	if (FreeMdl && ndis_nb_on_mdls(NetBuffer))
		ndis_nb_free_headers(NetBuffer, FreeMdlHandler);
}
EXPORT_SYMBOL_NS_GPL(NdisAdvanceNetBufferDataStart, "NDIS");

/* Retreat an MDL-backed @nb by @delta past its back-fill: a new MDL in front. */
static NDIS_STATUS ndis_nb_retreat_mdls(PNET_BUFFER nb, ULONG delta, ULONG backfill,
					NET_BUFFER_ALLOCATE_MDL_HANDLER alloc_mdl)
{
	ULONG need = delta - nb->DataOffset, size = need + backfill;
	PMDL mdl;

	if (alloc_mdl) {
		ULONG got = size;

		mdl = alloc_mdl(&got);
		if (!mdl || mdl->ByteCount < need)
			return NDIS_STATUS_RESOURCES;
		mdl->MdlFlags |= MDL_NETWORK_HEADER;
	} else {
		mdl = kmalloc(sizeof(*mdl) + size, GFP_ATOMIC);
		if (!mdl)
			return NDIS_STATUS_RESOURCES;
		ndis_mdl_describe(mdl, mdl + 1, size,
				  MDL_NETWORK_HEADER | MDL_ALLOCATED_FIXED_SIZE);
	}
	/* The old back-fill holds the rest of the new bytes: data stays contiguous. */
	mdl->Next = nb->MdlChain;
	nb->MdlChain = mdl;
	nb->DataOffset = mdl->ByteCount - need;
	nb->DataLength += delta;
	ndis_nb_locate(nb);
	return NDIS_STATUS_SUCCESS;
}

/* Retreat an sk_buff-backed @nb: in its headroom, or in a new sk_buff. */
static NDIS_STATUS ndis_nb_retreat_skb(PNET_BUFFER nb, ULONG delta, ULONG backfill)
{
	struct sk_buff *skb = nb->Skb, *fresh;
	ULONG room;

	if (delta <= nb->DataOffset && !skb_shared(skb) && !skb_cloned(skb)) {
		nb->DataOffset -= delta;
		nb->DataLength += delta;
		ndis_nb_view_moved(nb);
		return NDIS_STATUS_SUCCESS;
	}
	room = backfill + delta;
	fresh = alloc_skb(room + nb->DataLength, GFP_ATOMIC);
	if (!fresh)
		return NDIS_STATUS_RESOURCES;
	skb_reserve(fresh, room);
	if (ndis_nb_copy(nb, skb_put(fresh, nb->DataLength), nb->DataLength)) {
		kfree_skb(fresh);
		return NDIS_STATUS_RESOURCES;
	}
	ndis_nb_drop_mdls(nb);
	consume_skb(skb);	/* our reference to the old storage */
	ndis_nb_view(nb, fresh);
	nb->DataOffset -= delta;
	nb->DataLength += delta;
	return NDIS_STATUS_SUCCESS;
}

/**
 * NdisRetreatNetBufferDataStart() - grow a frame at the front
 * @NetBuffer: the frame
 * @DataOffsetDelta: bytes to add before the data (the caller writes them)
 * @DataBackFill: extra room to leave in front when new storage is needed
 * @AllocateMdlHandler: for a frame on MDLs, the driver's NetAllocateMdl
 *	for the new MDL; NULL lets NDIS allocate it
 *
 * Uses the back-fill space when there is enough and the storage is the
 * NB's alone. Otherwise an sk_buff-backed frame moves to a new buffer, so
 * bytes written in front never land in shared data, and a frame on MDLs
 * gets a new MDL in front (an advance with FreeMdl frees it again).
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: NDIS_STATUS_SUCCESS, or NDIS_STATUS_RESOURCES when new storage
 * was needed and none could be had.
 */
NDIS_STATUS NdisRetreatNetBufferDataStart(PNET_BUFFER NetBuffer, ULONG DataOffsetDelta,
					  ULONG DataBackFill,
					  NET_BUFFER_ALLOCATE_MDL_HANDLER AllocateMdlHandler)
{
	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return NDIS_STATUS_INVALID_STATE;
	if (!NetBuffer || (!NetBuffer->Skb && !NetBuffer->MdlChain)) {
		ndis_misuse(__func__, "a frame with data", _RET_IP_);
		return NDIS_STATUS_INVALID_PARAMETER;
	}
	if (NetBuffer->Skb)
		return ndis_nb_retreat_skb(NetBuffer, DataOffsetDelta, DataBackFill);
	if (DataOffsetDelta <= NetBuffer->DataOffset) {
		NetBuffer->DataOffset -= DataOffsetDelta;
		NetBuffer->DataLength += DataOffsetDelta;
		ndis_nb_locate(NetBuffer);
		return NDIS_STATUS_SUCCESS;
	}
	return ndis_nb_retreat_mdls(NetBuffer, DataOffsetDelta, DataBackFill,
				    AllocateMdlHandler);
}
EXPORT_SYMBOL_NS_GPL(NdisRetreatNetBufferDataStart, "NDIS");

/**
 * NdisAdvanceNetBufferListDataStart() - advance every frame of an NBL
 * @NetBufferList: the NBL
 * @DataOffsetDelta: as for NdisAdvanceNetBufferDataStart()
 * @FreeMdl: as for NdisAdvanceNetBufferDataStart()
 * @FreeMdlHandler: as for NdisAdvanceNetBufferDataStart()
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
void NdisAdvanceNetBufferListDataStart(PNET_BUFFER_LIST NetBufferList, ULONG DataOffsetDelta,
				       BOOLEAN FreeMdl,
				       NET_BUFFER_FREE_MDL_HANDLER FreeMdlHandler)
{
	PNET_BUFFER nb;

	for (nb = NetBufferList ? NetBufferList->FirstNetBuffer : NULL; nb; nb = nb->Next)
		NdisAdvanceNetBufferDataStart(nb, DataOffsetDelta, FreeMdl, FreeMdlHandler);
}
EXPORT_SYMBOL_NS_GPL(NdisAdvanceNetBufferListDataStart, "NDIS");

/**
 * NdisRetreatNetBufferListDataStart() - retreat every frame of an NBL
 * @NetBufferList: the NBL
 * @DataOffsetDelta: as for NdisRetreatNetBufferDataStart()
 * @DataBackFill: as for NdisRetreatNetBufferDataStart()
 * @AllocateMdlHandler: as for NdisRetreatNetBufferDataStart()
 * @FreeMdlHandler: frees the driver's MDLs again if a later frame fails
 *
 * All or nothing: if one frame cannot grow, the frames already grown are
 * advanced back.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: NDIS_STATUS_SUCCESS, or the first failing frame's status.
 */
NDIS_STATUS NdisRetreatNetBufferListDataStart(PNET_BUFFER_LIST NetBufferList,
					      ULONG DataOffsetDelta, ULONG DataBackFill,
					      NET_BUFFER_ALLOCATE_MDL_HANDLER AllocateMdlHandler,
					      NET_BUFFER_FREE_MDL_HANDLER FreeMdlHandler)
{
	NDIS_STATUS status = NDIS_STATUS_SUCCESS;
	PNET_BUFFER nb, undo;

	if (!NetBufferList) {
		ndis_misuse(__func__, "an NBL", _RET_IP_);
		return NDIS_STATUS_INVALID_PARAMETER;
	}
	for (nb = NetBufferList->FirstNetBuffer; nb; nb = nb->Next) {
		status = NdisRetreatNetBufferDataStart(nb, DataOffsetDelta, DataBackFill,
						       AllocateMdlHandler);
		if (status != NDIS_STATUS_SUCCESS)
			break;
	}
	if (status == NDIS_STATUS_SUCCESS)
		return status;
	for (undo = NetBufferList->FirstNetBuffer; undo != nb; undo = undo->Next)
		NdisAdvanceNetBufferDataStart(undo, DataOffsetDelta, TRUE, FreeMdlHandler);
	return status;
}
EXPORT_SYMBOL_NS_GPL(NdisRetreatNetBufferListDataStart, "NDIS");

/**
 * NdisCopyFromNetBufferToNetBuffer() - copy data between two frames
 * @Destination: the frame written; its data must already be long enough
 * @DestinationOffset: where in its data to start writing
 * @BytesToCopy: how many bytes
 * @Source: the frame read
 * @SourceOffset: where in its data to start reading
 * @BytesCopied: receives how many were copied
 *
 * Writes go into the destination's storage in place, so the destination
 * must be the caller's own (allocated by it, not a received frame).
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_INVALID_LENGTH when either
 * frame is too short (nothing copied), or NDIS_STATUS_RESOURCES.
 */
NDIS_STATUS NdisCopyFromNetBufferToNetBuffer(PNET_BUFFER Destination, ULONG DestinationOffset,
					     ULONG BytesToCopy, PNET_BUFFER Source,
					     ULONG SourceOffset, PULONG BytesCopied)
{
	NET_BUFFER src, dst;
	u8 *bounce;
	void *to;
	int ret;

	*BytesCopied = 0;
	if (!NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL))
		return NDIS_STATUS_FAILURE;
	if (!Destination || !Source) {
		ndis_misuse(__func__, "two frames", _RET_IP_);
		return NDIS_STATUS_INVALID_PARAMETER;
	}
	if ((u64)SourceOffset + BytesToCopy > Source->DataLength ||
	    (u64)DestinationOffset + BytesToCopy > Destination->DataLength)
		return NDIS_STATUS_INVALID_LENGTH;
	if (!BytesToCopy)
		return NDIS_STATUS_SUCCESS;

	/* Views of the two ranges, on private copies of the NBs. */
	src = *Source;
	src.Ndis.skb_mdls = NULL;
	src.DataOffset += SourceOffset;
	src.DataLength = BytesToCopy;
	ndis_nb_view_moved(&src);
	dst = *Destination;
	dst.Ndis.skb_mdls = NULL;
	dst.DataOffset += DestinationOffset;
	dst.DataLength = BytesToCopy;
	ndis_nb_view_moved(&dst);

	to = ndis_nb_contiguous(&dst, BytesToCopy);
	if (to)
		return ndis_nb_copy(&src, to, BytesToCopy) ? NDIS_STATUS_RESOURCES :
		       (*BytesCopied = BytesToCopy, NDIS_STATUS_SUCCESS);
	/* A destination in pieces: through a bounce buffer, piece by piece. */
	bounce = kmalloc(BytesToCopy, GFP_ATOMIC);
	if (!bounce)
		return NDIS_STATUS_RESOURCES;
	ret = ndis_nb_copy(&src, bounce, BytesToCopy) ?: ndis_nb_write(&dst, bounce, BytesToCopy);
	kfree(bounce);
	if (ret)
		return NDIS_STATUS_RESOURCES;
	*BytesCopied = BytesToCopy;
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisCopyFromNetBufferToNetBuffer, "NDIS");

/**
 * NdisQueryNetBufferPhysicalCount() - physical pieces of a frame's data
 * @NetBuffer: the frame
 *
 * Counts the pages the data touches, as a scatter/gather list for it
 * would need at most.
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the number of pieces.
 */
ULONG NdisQueryNetBufferPhysicalCount(PNET_BUFFER NetBuffer)
{
	ULONG left, off, n = 0, chunk;
	PMDL mdl;

	NDIS_ASSERT_IRQL_LE(DISPATCH_LEVEL);
	if (!NetBuffer)
		return 0;
	mdl = NET_BUFFER_CURRENT_MDL(NetBuffer);
	off = NetBuffer->CurrentMdlOffset;
	for (left = NetBuffer->DataLength; left && mdl; mdl = mdl->Next, off = 0) {
		if (off >= mdl->ByteCount)
			continue;
		chunk = min(left, mdl->ByteCount - off);
		n += DIV_ROUND_UP(offset_in_page((u8 *)mdl->MappedSystemVa + off) + chunk,
				  PAGE_SIZE);
		left -= chunk;
	}
	return n;
}
EXPORT_SYMBOL_NS_GPL(NdisQueryNetBufferPhysicalCount, "NDIS");
