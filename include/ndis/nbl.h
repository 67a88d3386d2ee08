/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NET_BUFFER_LISTs and NET_BUFFERs on top of sk_buffs.
 *
 * One NET_BUFFER is one frame. Its storage is one sk_buff (NB->Skb), in
 * place of the DDI's MDL chain, and the NB's own DataOffset and DataLength
 * say which bytes of that storage are the frame, exactly as in the DDI:
 * DataOffset counts from the start of the buffer (skb->head), so it is the
 * back-fill space. Advancing or retreating moves the view, not the skb;
 * several NBs (clones) may view one skb. A NET_BUFFER_LIST is a list of
 * frames sharing out-of-band information; NBLs chain through Next.
 *
 * Differences from the DDI, all deliberate: there are no MDLs (MdlChain
 * arguments must be NULL; the skb is the buffer); the "FreeMdl" and
 * "AllocateMdl" handler arguments are ignored; ndis_nbl_from_skb() and
 * ndis_nb_detach_skb() move frames between Linux and NDIS without copying.
 */
#ifndef _NDIS_NBL_H
#define _NDIS_NBL_H

#include <linux/skbuff.h>
#include <ndis/object.h>
#include <ndis/sal.h>
#include <ndis/status.h>
#include <ndis/version.h>

typedef struct _NET_BUFFER NET_BUFFER, *PNET_BUFFER;
typedef struct _NET_BUFFER_LIST_CONTEXT NET_BUFFER_LIST_CONTEXT, *PNET_BUFFER_LIST_CONTEXT;

/**
 * struct _NET_BUFFER - one frame
 * @Next: next frame of the same NBL, or NULL
 * @Skb: the frame's storage (a Linux addition standing for the MDL chain);
 *	read it through NdisGetDataBuffer(), it may be shared
 * @DataOffset: bytes from the start of the storage to the frame
 * @DataLength: bytes of the frame
 * @ProtocolReserved: for the protocol that owns the NB
 * @MiniportReserved: for the miniport that owns the NB
 * @NdisPoolHandle: the pool it came from
 */
struct _NET_BUFFER {
	PNET_BUFFER Next;
	struct sk_buff *Skb;
	ULONG DataOffset;
	ULONG DataLength;
	PVOID ProtocolReserved[6];
	PVOID MiniportReserved[4];
	NDIS_HANDLE NdisPoolHandle;
};

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
 * @MaxNetBufferListInfo: number of slots
 *
 * The slots of NDIS 6.0 up to the hash, in the DDI's order and with its
 * aliases; WfpNetBufferListInfo and the NDIS 6.1 and later slots are not
 * there (nothing here fills them).
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
	MaxNetBufferListInfo
} NDIS_NET_BUFFER_LIST_INFO, *PNDIS_NET_BUFFER_LIST_INFO;

/* Framework bookkeeping; drivers never touch it. */
struct ndis_nbl_private {
	atomic_t state;			/* idle, with a miniport, indicated */
	void *binding;			/* who sent it, or got a receive copy */
	void *pool;
	atomic_t rx_refs;		/* an indicated NBL: copies still out */
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
						       PVOID MdlChain, ULONG DataOffset,
						       SIZE_T DataLength);
void NdisFreeNetBufferList(PNET_BUFFER_LIST NetBufferList);
PNET_BUFFER NdisAllocateNetBuffer(NDIS_HANDLE PoolHandle, PVOID MdlChain,
				  ULONG DataOffset, SIZE_T DataLength);
void NdisFreeNetBuffer(PNET_BUFFER NetBuffer);

PVOID NdisGetDataBuffer(PNET_BUFFER NetBuffer, ULONG BytesNeeded, PVOID Storage,
			UINT AlignMultiple, UINT AlignOffset);
void NdisAdvanceNetBufferDataStart(PNET_BUFFER NetBuffer, ULONG DataOffsetDelta,
				   BOOLEAN FreeMdl, PVOID FreeMdlHandler);
NDIS_STATUS NdisRetreatNetBufferDataStart(PNET_BUFFER NetBuffer, ULONG DataOffsetDelta,
					  ULONG DataBackFill, PVOID AllocateMdlHandler);

PNET_BUFFER_LIST ndis_nbl_from_skb(NDIS_HANDLE PoolHandle, struct sk_buff *skb);
struct sk_buff *ndis_nb_detach_skb(PNET_BUFFER NetBuffer);

#endif /* _NDIS_NBL_H */
