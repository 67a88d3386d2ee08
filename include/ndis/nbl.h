/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NET_BUFFER_LISTs and NET_BUFFERs on top of sk_buffs.
 *
 * One NET_BUFFER is one frame, and its storage is one of two things. An NB
 * that NDIS allocated, or that wraps a Linux frame, is stored in an
 * sk_buff (NB->Skb); an NB a driver built over its own memory has the
 * driver's MDL chain (NB->MdlChain) and no sk_buff. Either way the NB's
 * DataOffset and DataLength say which bytes of the storage are the frame,
 * exactly as in the DDI: DataOffset counts from the start of the storage
 * (skb->head, or the first MDL), so it is the back-fill space. Advancing
 * or retreating moves the view, not the storage; several NBs may view one
 * sk_buff. A NET_BUFFER_LIST is a list of frames sharing out-of-band
 * information; NBLs chain through Next.
 *
 * The MDL chain of an sk_buff-backed NB (its linear part, then each page
 * fragment) is built the first time a driver asks for it through
 * NET_BUFFER_FIRST_MDL(), NET_BUFFER_CURRENT_MDL() or
 * NET_BUFFER_CURRENT_MDL_OFFSET(), and kept until the NB's storage
 * changes: drivers that never walk MDLs pay nothing for them. Read the
 * MDL fields through those macros, not directly. ndis_nbl_from_skb() and
 * ndis_nb_detach_skb() move frames between Linux and NDIS without copying.
 */
#ifndef _NDIS_NBL_H
#define _NDIS_NBL_H

#include <linux/skbuff.h>
#include <ndis/dma.h>
#include <ndis/mdl.h>
#include <ndis/object.h>
#include <ndis/sal.h>
#include <ndis/status.h>
#include <ndis/version.h>

typedef struct _NET_BUFFER NET_BUFFER, *PNET_BUFFER;
typedef struct _NET_BUFFER_LIST_CONTEXT NET_BUFFER_LIST_CONTEXT, *PNET_BUFFER_LIST_CONTEXT;
typedef struct _NET_BUFFER_SHARED_MEMORY NET_BUFFER_SHARED_MEMORY, *PNET_BUFFER_SHARED_MEMORY;

/**
 * struct _NET_BUFFER_SHARED_MEMORY - one segment of a received frame in
 *	shared memory (NDIS 6.20, VM queues)
 * @NextSharedMemorySegment: the next segment, or NULL
 * @SharedMemoryFlags: reserved, 0
 * @SharedMemoryHandle: the block, as NdisAllocateSharedMemory() returned it
 *	in NDIS_SHARED_MEMORY_PARAMETERS.SharedMemoryHandle
 * @SharedMemoryOffset: where in the block the segment starts
 * @SharedMemoryLength: bytes of the segment
 *
 * A miniport that receives into shared memory describes each frame both
 * ways: its MDLs (the data, for every protocol) and this chain (where the
 * data lies in the blocks, for a consumer that shares the blocks).
 */
struct _NET_BUFFER_SHARED_MEMORY {
	PNET_BUFFER_SHARED_MEMORY NextSharedMemorySegment;
	ULONG SharedMemoryFlags;
	NDIS_HANDLE SharedMemoryHandle;
	ULONG SharedMemoryOffset;
	ULONG SharedMemoryLength;
};

/* Framework bookkeeping of an NB; drivers never touch it. */
struct ndis_nb_private {
	PMDL skb_mdls;		/* the MDLs built over Skb, or NULL */
	PMDL borrowed;		/* a receive copy: where the miniport's MDLs start */
};

/**
 * struct _NET_BUFFER - one frame
 * @Next: next frame of the same NBL, or NULL
 * @CurrentMdl: the MDL the frame's data starts in; read it through
 *	NET_BUFFER_CURRENT_MDL()
 * @MdlChain: the storage as MDLs; read it through NET_BUFFER_FIRST_MDL()
 * @Skb: the storage, when it is an sk_buff (a Linux addition; it may be
 *	shared with other NBs: read it through NdisGetDataBuffer())
 * @CurrentMdlOffset: where in @CurrentMdl the data starts; read it through
 *	NET_BUFFER_CURRENT_MDL_OFFSET()
 * @DataOffset: bytes from the start of the storage to the frame
 * @DataLength: bytes of the frame
 * @stDataLength: the same, pointer-sized
 * @ChecksumBias: bytes at the start of the frame a checksum offload skips
 * @Reserved: reserved
 * @NdisPoolHandle: the pool it came from
 * @NdisReserved: reserved for NDIS
 * @ProtocolReserved: for the protocol that owns the NB
 * @MiniportReserved: for the miniport that owns the NB
 * @DataPhysicalAddress: not set: DMA mapping is the kernel's DMA API's
 * @SharedMemoryInfo: the frame's segments in shared memory, set by a
 *	miniport that indicates it with
 *	NDIS_RECEIVE_FLAGS_SHARED_MEMORY_INFO_VALID; NULL otherwise
 * @ScatterGatherList: the same pointer, for a send mapped for DMA (never
 *	set here)
 * @Ndis: private to NDIS
 *
 * The fields the data path reads come first, in one cache line, and in an
 * order without holes rather than the DDI's (no driver depends on it).
 */
struct _NET_BUFFER {
	PNET_BUFFER Next;
	PMDL CurrentMdl;
	PMDL MdlChain;
	struct sk_buff *Skb;
	ULONG CurrentMdlOffset;
	ULONG DataOffset;
	union {
		ULONG DataLength;
		SIZE_T stDataLength;
	};
	USHORT ChecksumBias;
	USHORT Reserved;
	NDIS_HANDLE NdisPoolHandle;
	PVOID NdisReserved[2];
	PVOID ProtocolReserved[6];
	PVOID MiniportReserved[4];
	NDIS_PHYSICAL_ADDRESS DataPhysicalAddress;
	union {
		PNET_BUFFER_SHARED_MEMORY SharedMemoryInfo;
		PSCATTER_GATHER_LIST ScatterGatherList;
	};
	struct ndis_nb_private Ndis;
};

void ndis_nb_build_mdls(PNET_BUFFER NetBuffer);

/**
 * typedef NET_BUFFER_ALLOCATE_MDL_HANDLER - NetAllocateMdl: a driver's MDL
 *	for a retreat
 * @BufferSize: the least buffer needed; set to the buffer's real size
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: an MDL describing a buffer of at least *@BufferSize bytes, or NULL.
 */
typedef PMDL (*NET_BUFFER_ALLOCATE_MDL_HANDLER)(PULONG BufferSize);

/**
 * typedef NET_BUFFER_FREE_MDL_HANDLER - NetFreeMdl: free what the driver's
 *	NetAllocateMdl gave, when an advance no longer needs it
 * @Mdl: the MDL, with its buffer
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 */
typedef void (*NET_BUFFER_FREE_MDL_HANDLER)(PMDL Mdl);

/* @nb, with the MDL chain of its sk_buff built if it had none yet. */
static inline PNET_BUFFER ndis_nb_with_mdls(PNET_BUFFER nb)
{
	if (unlikely(!nb->MdlChain && nb->Skb))
		ndis_nb_build_mdls(nb);
	return nb;
}

#define NET_BUFFER_FIRST_MDL(_NB)		(ndis_nb_with_mdls(_NB)->MdlChain)
#define NET_BUFFER_CURRENT_MDL(_NB)		(ndis_nb_with_mdls(_NB)->CurrentMdl)
#define NET_BUFFER_CURRENT_MDL_OFFSET(_NB)	(ndis_nb_with_mdls(_NB)->CurrentMdlOffset)
#define NET_BUFFER_CHECKSUM_BIAS(_NB)		((_NB)->ChecksumBias)
#define NET_BUFFER_PROTOCOL_RESERVED(_NB)	((_NB)->ProtocolReserved)
#define NET_BUFFER_MINIPORT_RESERVED(_NB)	((_NB)->MiniportReserved)
#if NDIS_SUPPORT_NDIS61
#define NET_BUFFER_DATA_PHYSICAL_ADDRESS(_NB)		((_NB)->DataPhysicalAddress)
#endif
#if NDIS_SUPPORT_NDIS620
#define NET_BUFFER_FIRST_SHARED_MEM_INFO(_NB)		((_NB)->SharedMemoryInfo)
#define NET_BUFFER_SHARED_MEM_NEXT_SEGMENT(_SHI)	((_SHI)->NextSharedMemorySegment)
#define NET_BUFFER_SHARED_MEM_FLAGS(_SHI)		((_SHI)->SharedMemoryFlags)
#define NET_BUFFER_SHARED_MEM_HANDLE(_SHI)		((_SHI)->SharedMemoryHandle)
#define NET_BUFFER_SHARED_MEM_OFFSET(_SHI)		((_SHI)->SharedMemoryOffset)
#define NET_BUFFER_SHARED_MEM_LENGTH(_SHI)		((_SHI)->SharedMemoryLength)
#define NET_BUFFER_SCATTER_GATHER_LIST(_NB)		((_NB)->ScatterGatherList)
#endif

/**
 * enum _NDIS_NET_BUFFER_LIST_INFO - slots of NetBufferListInfo[]
 * @TcpIpChecksumNetBufferListInfo: checksum offload information
 * @TcpOffloadBytesTransferred: the same slot, for TCP chimney offload
 * @IPsecOffloadV1NetBufferListInfo: IPsec offload information
 * @IPsecOffloadV2NetBufferListInfo: the same slot, IPsec offload version 2
 * @TcpLargeSendNetBufferListInfo: large send offload information
 * @TcpReceiveNoPush: the same slot, on receive
 * @ClassificationHandleNetBufferListInfo: classification handle
 * @Ieee8021QNetBufferListInfo: 802.1Q tag
 * @NetBufferListCancelId: the cancel id of a send
 * @MediaSpecificInformation: media-specific data
 * @NetBufferListFrameType: EtherType
 * @NetBufferListProtocolId: the same slot, the protocol id
 * @NetBufferListHashValue: receive hash value
 * @NetBufferListHashInfo: receive hash type
 * @WfpNetBufferListInfo: reserved for the Windows Filtering Platform
 * @IPsecOffloadV2TunnelNetBufferListInfo: IPsec offload version 2, tunnel
 * @IPsecOffloadV2HeaderNetBufferListInfo: IPsec offload version 2, headers
 * @NetBufferListCorrelationId: reserved
 * @NetBufferListFilteringInfo: receive queue and filter
 *	(NDIS_NET_BUFFER_LIST_FILTERING_INFO, ndis/receivefilter.h)
 * @MediaSpecificInformationEx: media-specific data, extended
 * @NblOriginalInterfaceIfIndex: the interface a packet first came on
 * @NblReAuthWfpFlowContext: the same slot, for WFP
 * @TcpReceiveBytesTransferred: bytes of a TCP chimney receive
 * @MaxNetBufferListInfo: number of slots
 *
 * The slots of NDIS 6.0 to 6.20, in the DDI's order and with its aliases.
 * The DDI names the NDIS 6.1 and 6.20 slots only for drivers of those
 * versions; here every driver has them, so that an NBL has one layout
 * whatever version its driver was built for. The NDIS 6.30 slots (RSC,
 * the Hyper-V switch) are not there: nothing here fills them.
 */
typedef enum _NDIS_NET_BUFFER_LIST_INFO {
	TcpIpChecksumNetBufferListInfo,
	TcpOffloadBytesTransferred = TcpIpChecksumNetBufferListInfo,
	IPsecOffloadV1NetBufferListInfo,
#if NDIS_SUPPORT_NDIS61
	IPsecOffloadV2NetBufferListInfo = IPsecOffloadV1NetBufferListInfo,
#endif
	TcpLargeSendNetBufferListInfo,
	TcpReceiveNoPush = TcpLargeSendNetBufferListInfo,
	ClassificationHandleNetBufferListInfo,
	Ieee8021QNetBufferListInfo,
	NetBufferListCancelId,
	MediaSpecificInformation,
	NetBufferListFrameType,
	NetBufferListProtocolId = NetBufferListFrameType,
	NetBufferListHashValue,
	NetBufferListHashInfo,
	WfpNetBufferListInfo,
	IPsecOffloadV2TunnelNetBufferListInfo,
	IPsecOffloadV2HeaderNetBufferListInfo,
	NetBufferListCorrelationId,
	NetBufferListFilteringInfo,
	MediaSpecificInformationEx,
	NblOriginalInterfaceIfIndex,
	NblReAuthWfpFlowContext = NblOriginalInterfaceIfIndex,
	TcpReceiveBytesTransferred,
	MaxNetBufferListInfo
} NDIS_NET_BUFFER_LIST_INFO, *PNDIS_NET_BUFFER_LIST_INFO;

/* Framework bookkeeping; drivers never touch it. */
struct ndis_nbl_private {
	atomic_t state;			/* idle, with a miniport, indicated */
	atomic_t rx_refs;		/* an indicated NBL: copies still out */
	void *binding;			/* who sent it, or got a receive copy */
	void *pool;
	PNET_BUFFER_LIST parent;	/* a receive copy: what it copies */
	USHORT context_size;		/* the first context block's Size; 0: none */
	USHORT context_offset;		/* and its Offset once allocated */
	NET_BUFFER nb;			/* the NB allocated with the NBL */
};

/**
 * struct _NET_BUFFER_LIST - a list of frames with shared information
 * @Next: next NBL of the chain, or NULL
 * @FirstNetBuffer: its first frame
 * @NdisPoolHandle: the pool it came from
 * @ProtocolReserved: for the protocol that owns the NBL
 * @MiniportReserved: for the miniport that owns the NBL
 * @Scratch: for whoever owns the NBL at the moment
 * @SourceHandle: set by NDIS: the binding a send came from, the adapter a
 *	receive came from
 * @NblFlags: NDIS_NBL_FLAGS_*
 * @Flags: reserved for the owner
 * @Status: completion status of a send
 * @NetBufferListInfo: out-of-band information, indexed by
 *	NDIS_NET_BUFFER_LIST_INFO
 * @Context: the top block of the context stack (ndis/nblcontext.h), or NULL
 * @Ndis: private to NDIS
 */
struct _NET_BUFFER_LIST {
	PNET_BUFFER_LIST Next;
	PNET_BUFFER FirstNetBuffer;
	NDIS_HANDLE NdisPoolHandle;
	PVOID ProtocolReserved[4];
	PVOID MiniportReserved[2];
	PVOID Scratch;
	NDIS_HANDLE SourceHandle;
	ULONG NblFlags;
	ULONG Flags;
	NDIS_STATUS Status;
	PVOID NetBufferListInfo[MaxNetBufferListInfo];
	PNET_BUFFER_LIST_CONTEXT Context;
	struct ndis_nbl_private Ndis;
};

#define NET_BUFFER_LIST_NEXT_NBL(nbl)		((nbl)->Next)
#define NET_BUFFER_LIST_FIRST_NB(nbl)		((nbl)->FirstNetBuffer)
#define NET_BUFFER_LIST_STATUS(nbl)		((nbl)->Status)
#define NET_BUFFER_LIST_FLAGS(nbl)		((nbl)->Flags)
#define NET_BUFFER_LIST_INFO(nbl, id)		((nbl)->NetBufferListInfo[(id)])
#define NET_BUFFER_NEXT_NB(nb)			((nb)->Next)
#define NET_BUFFER_DATA_LENGTH(nb)		((nb)->DataLength)
#define NET_BUFFER_DATA_OFFSET(nb)		((nb)->DataOffset)

#define NDIS_SET_NET_BUFFER_LIST_CANCEL_ID(nbl, id) \
	(NET_BUFFER_LIST_INFO(nbl, NetBufferListCancelId) = (id))
#define NDIS_GET_NET_BUFFER_LIST_CANCEL_ID(nbl) \
	NET_BUFFER_LIST_INFO(nbl, NetBufferListCancelId)

/* Flags of the data path calls. */
#define NDIS_SEND_FLAGS_DISPATCH_LEVEL			0x00000001
#define NDIS_SEND_FLAGS_CHECK_FOR_LOOPBACK		0x00000002
#define NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL		0x00000001
#define NDIS_RETURN_FLAGS_DISPATCH_LEVEL		0x00000001
#define NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL		0x00000001
#define NDIS_RECEIVE_FLAGS_RESOURCES			0x00000002
#define NDIS_RECEIVE_FLAGS_SINGLE_ETHER_TYPE		0x00000100
#define NDIS_RECEIVE_FLAGS_SINGLE_VLAN			0x00000200
#define NDIS_RECEIVE_FLAGS_PERFECT_FILTERED		0x00000400
#if NDIS_SUPPORT_NDIS620
#define NDIS_RECEIVE_FLAGS_SINGLE_QUEUE			0x00000800
#define NDIS_RECEIVE_FLAGS_SHARED_MEMORY_INFO_VALID	0x00001000
#define NDIS_RECEIVE_FLAGS_MORE_NBLS			0x00002000
#define NDIS_RETURN_FLAGS_SINGLE_QUEUE			0x00000002
#endif
#if NDIS_SUPPORT_NDIS630
#define NDIS_RECEIVE_FLAGS_SWITCH_DESTINATION_GROUP	0x00004000
#define NDIS_RECEIVE_FLAGS_SWITCH_SINGLE_SOURCE		0x00008000
#endif

/**
 * struct _NET_BUFFER_LIST_POOL_PARAMETERS - what an NBL pool hands out
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, revision 1
 * @ProtocolId: NDIS_PROTOCOL_ID_*, informational
 * @fAllocateNetBuffer: whether each NBL comes with one NB
 * @ContextSize: context area per NBL, bytes (multiple of sizeof(PVOID))
 * @PoolTag: informational
 * @DataSize: least data buffer per NB, bytes; 0 lets each allocation decide
 */
typedef struct _NET_BUFFER_LIST_POOL_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	UCHAR ProtocolId;
	BOOLEAN fAllocateNetBuffer;
	USHORT ContextSize;
	ULONG PoolTag;
	ULONG DataSize;
} NET_BUFFER_LIST_POOL_PARAMETERS, *PNET_BUFFER_LIST_POOL_PARAMETERS;

/**
 * struct _NET_BUFFER_POOL_PARAMETERS - what an NB pool hands out
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, revision 1
 * @PoolTag: informational
 * @DataSize: least data buffer per NB, bytes; 0 lets each allocation decide
 */
typedef struct _NET_BUFFER_POOL_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	ULONG PoolTag;
	ULONG DataSize;
} NET_BUFFER_POOL_PARAMETERS, *PNET_BUFFER_POOL_PARAMETERS;

#define NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1	1
#define NET_BUFFER_POOL_PARAMETERS_REVISION_1		1
#define NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NET_BUFFER_LIST_POOL_PARAMETERS, DataSize)
#define NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_1	\
	RTL_SIZEOF_THROUGH_FIELD(NET_BUFFER_POOL_PARAMETERS, DataSize)

NDIS_HANDLE NdisAllocateNetBufferListPool(NDIS_HANDLE NdisHandle,
					  PNET_BUFFER_LIST_POOL_PARAMETERS Parameters);
void NdisFreeNetBufferListPool(NDIS_HANDLE PoolHandle);
NDIS_HANDLE NdisAllocateNetBufferPool(NDIS_HANDLE NdisHandle,
				      PNET_BUFFER_POOL_PARAMETERS Parameters);
void NdisFreeNetBufferPool(NDIS_HANDLE PoolHandle);

PNET_BUFFER_LIST NdisAllocateNetBufferList(NDIS_HANDLE PoolHandle, USHORT ContextSize,
					   USHORT ContextBackFill);
PNET_BUFFER_LIST NdisAllocateNetBufferAndNetBufferList(NDIS_HANDLE PoolHandle,
						       USHORT ContextSize,
						       USHORT ContextBackFill,
						       PMDL MdlChain, ULONG DataOffset,
						       SIZE_T DataLength);
void NdisFreeNetBufferList(PNET_BUFFER_LIST NetBufferList);
PNET_BUFFER NdisAllocateNetBuffer(NDIS_HANDLE PoolHandle, PMDL MdlChain,
				  ULONG DataOffset, SIZE_T DataLength);
void NdisFreeNetBuffer(PNET_BUFFER NetBuffer);

PVOID NdisGetDataBuffer(PNET_BUFFER NetBuffer, ULONG BytesNeeded, PVOID Storage,
			UINT AlignMultiple, UINT AlignOffset);
void NdisAdvanceNetBufferDataStart(PNET_BUFFER NetBuffer, ULONG DataOffsetDelta,
				   BOOLEAN FreeMdl, NET_BUFFER_FREE_MDL_HANDLER FreeMdlHandler);
NDIS_STATUS NdisRetreatNetBufferDataStart(PNET_BUFFER NetBuffer, ULONG DataOffsetDelta,
					  ULONG DataBackFill,
					  NET_BUFFER_ALLOCATE_MDL_HANDLER AllocateMdlHandler);

void NdisAdvanceNetBufferListDataStart(PNET_BUFFER_LIST NetBufferList, ULONG DataOffsetDelta,
				       BOOLEAN FreeMdl,
				       NET_BUFFER_FREE_MDL_HANDLER FreeMdlHandler);
NDIS_STATUS NdisRetreatNetBufferListDataStart(PNET_BUFFER_LIST NetBufferList,
					      ULONG DataOffsetDelta, ULONG DataBackFill,
					      NET_BUFFER_ALLOCATE_MDL_HANDLER AllocateMdlHandler,
					      NET_BUFFER_FREE_MDL_HANDLER FreeMdlHandler);
NDIS_STATUS NdisCopyFromNetBufferToNetBuffer(PNET_BUFFER Destination, ULONG DestinationOffset,
					     ULONG BytesToCopy, PNET_BUFFER Source,
					     ULONG SourceOffset, PULONG BytesCopied);
ULONG NdisQueryNetBufferPhysicalCount(PNET_BUFFER NetBuffer);

PNET_BUFFER_LIST ndis_nbl_from_skb(NDIS_HANDLE PoolHandle, struct sk_buff *skb);
struct sk_buff *ndis_nb_detach_skb(PNET_BUFFER NetBuffer);

#endif /* _NDIS_NBL_H */
