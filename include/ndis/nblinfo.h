/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a NET_BUFFER_LIST carries besides its frames: the out-of-band
 * information in its NetBufferListInfo slots (802.1Q tag, checksum and
 * large send offload), its two flag words, and the tests of the flags the
 * data path calls and handlers take.
 *
 * Each information structure is a union the size of one slot: bit-field
 * views of the slot and Value, the slot itself, read and written with
 * NET_BUFFER_LIST_INFO(). The bit-fields are ULONG (or UINT32) units as
 * the DDI declares them, filled from the least significant bit, which is
 * how GCC lays them out on little-endian machines, as the Windows
 * compilers do; the suite ndis_nbl_info checks every view against known
 * Value encodings. A 802.1Q view is not the tag's order on the wire: the
 * priority is in the low bits.
 *
 * What fills them: a miniport on receive (ndis_netdev puts the tag the NIC
 * stripped and the checksum results the NIC reported there, with
 * ndis_nbl_info_from_skb()) and a protocol on send (ndis_netdev inserts the
 * tag and has the checksums computed, with ndis_nbl_info_to_skb()).
 * Nothing in NDIS itself reads them, except to copy them into each
 * binding's view of a received NBL.
 */
#ifndef _NDIS_NBLINFO_H
#define _NDIS_NBLINFO_H

#include <ndis/nbl.h>

/**
 * struct _NDIS_NET_BUFFER_LIST_8021Q_INFO - an NBL's 802.1Q tag
 * @TagHeader: the view of 802.3 (Ethernet) miniports
 * @TagHeader.UserPriority: 802.1p priority
 * @TagHeader.CanonicalFormatId: 0 (the wire's CFI, now DEI, bit)
 * @TagHeader.VlanId: VLAN identifier
 * @TagHeader.Reserved: 0
 * @WLanTagHeader: the view of native 802.11 miniports
 * @WLanTagHeader.UserPriority: as @TagHeader.UserPriority
 * @WLanTagHeader.CanonicalFormatId: as @TagHeader.CanonicalFormatId
 * @WLanTagHeader.VlanId: as @TagHeader.VlanId
 * @WLanTagHeader.WMMInfo: WMM traffic identifier, 0 to 7
 * @WLanTagHeader.Reserved: 0
 * @Value: the Ieee8021QNetBufferListInfo slot; NULL: no tag
 */
typedef struct _NDIS_NET_BUFFER_LIST_8021Q_INFO {
	union {
		struct {
			UINT32 UserPriority : 3;
			UINT32 CanonicalFormatId : 1;
			UINT32 VlanId : 12;
			UINT32 Reserved : 16;
		} TagHeader;
		struct {
			UINT32 UserPriority : 3;
			UINT32 CanonicalFormatId : 1;
			UINT32 VlanId : 12;
			UINT32 WMMInfo : 4;
			UINT32 Reserved : 12;
		} WLanTagHeader;
		PVOID Value;
	};
} NDIS_NET_BUFFER_LIST_8021Q_INFO, *PNDIS_NET_BUFFER_LIST_8021Q_INFO;

static_assert(sizeof(NDIS_NET_BUFFER_LIST_8021Q_INFO) == sizeof(PVOID));

/**
 * NDIS_GET_NET_BUFFER_LIST_VLAN_ID() - the VLAN identifier of an NBL's tag
 * @Nbl: the NBL
 *
 * Return: TagHeader.VlanId of its Ieee8021QNetBufferListInfo, 0 if none.
 */
static inline UINT32 NDIS_GET_NET_BUFFER_LIST_VLAN_ID(const NET_BUFFER_LIST *Nbl)
{
	NDIS_NET_BUFFER_LIST_8021Q_INFO info = {
		.Value = Nbl->NetBufferListInfo[Ieee8021QNetBufferListInfo],
	};

	return info.TagHeader.VlanId;
}

/**
 * NDIS_SET_NET_BUFFER_LIST_VLAN_ID() - set the VLAN identifier of an NBL's tag
 * @Nbl: the NBL
 * @VlanId: the identifier, 0 to 4095; the rest of the tag stays
 */
static inline void NDIS_SET_NET_BUFFER_LIST_VLAN_ID(PNET_BUFFER_LIST Nbl, UINT32 VlanId)
{
	NDIS_NET_BUFFER_LIST_8021Q_INFO info = {
		.Value = Nbl->NetBufferListInfo[Ieee8021QNetBufferListInfo],
	};

	info.TagHeader.VlanId = VlanId;
	Nbl->NetBufferListInfo[Ieee8021QNetBufferListInfo] = info.Value;
}

/**
 * struct _NDIS_TCP_IP_CHECKSUM_NET_BUFFER_LIST_INFO - checksum offload
 * @Transmit: what a protocol asks of the miniport for a send
 * @Transmit.IsIPv4: the frames are IPv4; without this or @Transmit.IsIPv6
 *	nothing is asked
 * @Transmit.IsIPv6: the frames are IPv6
 * @Transmit.TcpChecksum: compute the TCP checksum
 * @Transmit.UdpChecksum: compute the UDP checksum
 * @Transmit.IpHeaderChecksum: compute the IPv4 header checksum
 * @Transmit.Reserved: reserved for NDIS
 * @Transmit.TcpHeaderOffset: where the TCP header starts in the frame
 * @Receive: what a miniport reports of a received frame; a checksum with
 *	neither its Failed nor its Succeeded bit was not checked
 * @Receive.TcpChecksumFailed: the TCP checksum is wrong
 * @Receive.UdpChecksumFailed: the UDP checksum is wrong
 * @Receive.IpChecksumFailed: the IPv4 header checksum is wrong
 * @Receive.TcpChecksumSucceeded: the TCP checksum is right
 * @Receive.UdpChecksumSucceeded: the UDP checksum is right
 * @Receive.IpChecksumSucceeded: the IPv4 header checksum is right
 * @Receive.Loopback: NDIS's; miniports leave it alone
 * @Receive.TcpChecksumValueInvalid: (NDIS 6.30) the TCP checksum was
 *	verified but the header's value is not valid (coalesced segments)
 * @Receive.IpChecksumValueInvalid: (NDIS 6.30) as
 *	@Receive.TcpChecksumValueInvalid, for the IPv4 header checksum
 * @Value: the TcpIpChecksumNetBufferListInfo slot
 */
typedef struct _NDIS_TCP_IP_CHECKSUM_NET_BUFFER_LIST_INFO {
	union {
		struct {
			ULONG IsIPv4 : 1;
			ULONG IsIPv6 : 1;
			ULONG TcpChecksum : 1;
			ULONG UdpChecksum : 1;
			ULONG IpHeaderChecksum : 1;
			ULONG Reserved : 11;
			ULONG TcpHeaderOffset : 10;
		} Transmit;
		struct {
			ULONG TcpChecksumFailed : 1;
			ULONG UdpChecksumFailed : 1;
			ULONG IpChecksumFailed : 1;
			ULONG TcpChecksumSucceeded : 1;
			ULONG UdpChecksumSucceeded : 1;
			ULONG IpChecksumSucceeded : 1;
			ULONG Loopback : 1;
#if NDIS_SUPPORT_NDIS630
			ULONG TcpChecksumValueInvalid : 1;
			ULONG IpChecksumValueInvalid : 1;
#endif
		} Receive;
		PVOID Value;
	};
} NDIS_TCP_IP_CHECKSUM_NET_BUFFER_LIST_INFO, *PNDIS_TCP_IP_CHECKSUM_NET_BUFFER_LIST_INFO;

static_assert(sizeof(NDIS_TCP_IP_CHECKSUM_NET_BUFFER_LIST_INFO) == sizeof(PVOID));

/* NDIS_TCP_LARGE_SEND_OFFLOAD_NET_BUFFER_LIST_INFO: Type, and LsoV2Transmit.IPVersion */
#define NDIS_TCP_LARGE_SEND_OFFLOAD_V1_TYPE	0
#define NDIS_TCP_LARGE_SEND_OFFLOAD_V2_TYPE	1
#define NDIS_TCP_LARGE_SEND_OFFLOAD_IPv4	0
#define NDIS_TCP_LARGE_SEND_OFFLOAD_IPv6	1

/* The longest headers (MAC, IP with options, TCP with options) a large send has. */
#define NDIS_LARGE_SEND_OFFLOAD_MAX_HEADER_LENGTH	128

/**
 * struct _NDIS_TCP_LARGE_SEND_OFFLOAD_NET_BUFFER_LIST_INFO - large send offload
 * @Transmit: the view common to both versions
 * @Transmit.Unused: reserved for NDIS
 * @Transmit.Type: NDIS_TCP_LARGE_SEND_OFFLOAD_V1_TYPE or _V2_TYPE
 * @Transmit.Reserved2: reserved for NDIS
 * @LsoV1Transmit: a version 1 send, as the protocol asks it
 * @LsoV1Transmit.MSS: the most TCP payload bytes per segment
 * @LsoV1Transmit.TcpHeaderOffset: where the TCP header starts in the frame
 * @LsoV1Transmit.Type: NDIS_TCP_LARGE_SEND_OFFLOAD_V1_TYPE
 * @LsoV1Transmit.Reserved2: reserved for NDIS
 * @LsoV1TransmitComplete: a version 1 send, as the miniport completes it
 * @LsoV1TransmitComplete.TcpPayload: the TCP payload bytes sent
 * @LsoV1TransmitComplete.Type: as it was
 * @LsoV1TransmitComplete.Reserved2: reserved for NDIS
 * @LsoV2Transmit: a version 2 send, as the protocol asks it
 * @LsoV2Transmit.MSS: as @LsoV1Transmit.MSS
 * @LsoV2Transmit.TcpHeaderOffset: as @LsoV1Transmit.TcpHeaderOffset
 * @LsoV2Transmit.Type: NDIS_TCP_LARGE_SEND_OFFLOAD_V2_TYPE
 * @LsoV2Transmit.IPVersion: NDIS_TCP_LARGE_SEND_OFFLOAD_IPv4 or _IPv6
 * @LsoV2TransmitComplete: a version 2 send, as the miniport completes it
 * @LsoV2TransmitComplete.Reserved: 0 once complete
 * @LsoV2TransmitComplete.Type: as it was
 * @LsoV2TransmitComplete.Reserved2: reserved for NDIS
 * @Value: the TcpLargeSendNetBufferListInfo slot
 */
typedef struct _NDIS_TCP_LARGE_SEND_OFFLOAD_NET_BUFFER_LIST_INFO {
	union {
		struct {
			ULONG Unused : 30;
			ULONG Type : 1;
			ULONG Reserved2 : 1;
		} Transmit;
		struct {
			ULONG MSS : 20;
			ULONG TcpHeaderOffset : 10;
			ULONG Type : 1;
			ULONG Reserved2 : 1;
		} LsoV1Transmit;
		struct {
			ULONG TcpPayload : 30;
			ULONG Type : 1;
			ULONG Reserved2 : 1;
		} LsoV1TransmitComplete;
		struct {
			ULONG MSS : 20;
			ULONG TcpHeaderOffset : 10;
			ULONG Type : 1;
			ULONG IPVersion : 1;
		} LsoV2Transmit;
		struct {
			ULONG Reserved : 30;
			ULONG Type : 1;
			ULONG Reserved2 : 1;
		} LsoV2TransmitComplete;
		PVOID Value;
	};
} NDIS_TCP_LARGE_SEND_OFFLOAD_NET_BUFFER_LIST_INFO,
	*PNDIS_TCP_LARGE_SEND_OFFLOAD_NET_BUFFER_LIST_INFO;

static_assert(sizeof(NDIS_TCP_LARGE_SEND_OFFLOAD_NET_BUFFER_LIST_INFO) == sizeof(PVOID));

/* Write the protocol id (NDIS_PROTOCOL_ID_*) into the NBL's NetBufferListProtocolId slot. */
#define NdisSetNetBufferListProtocolId(nbl, id) \
	(*(PUCHAR)(&(nbl)->NetBufferListInfo[NetBufferListProtocolId]) = (id))

/* Accessors of the NBL's own fields. */
#define NET_BUFFER_LIST_NBL_FLAGS(nbl)			((nbl)->NblFlags)
#define NET_BUFFER_LIST_PROTOCOL_RESERVED(nbl)		((nbl)->ProtocolReserved)
#define NET_BUFFER_LIST_MINIPORT_RESERVED(nbl)		((nbl)->MiniportReserved)

/*
 * NET_BUFFER_LIST.NblFlags: what the frames are, set by whoever made them.
 * Bits 0x04 to 0x80 are NDIS's.
 */
#define NDIS_NBL_FLAGS_SEND_READ_ONLY			0x00000001
#define NDIS_NBL_FLAGS_RECV_READ_ONLY			0x00000002
#if NDIS_SUPPORT_NDIS61
#define NDIS_NBL_FLAGS_HD_SPLIT				0x00000100
#define NDIS_NBL_FLAGS_IS_IPV4				0x00000200
#define NDIS_NBL_FLAGS_IS_IPV6				0x00000400
#define NDIS_NBL_FLAGS_IS_TCP				0x00000800
#define NDIS_NBL_FLAGS_IS_UDP				0x00001000
#define NDIS_NBL_FLAGS_SPLIT_AT_UPPER_LAYER_PROTOCOL_HEADER	0x00002000
#define NDIS_NBL_FLAGS_SPLIT_AT_UPPER_LAYER_PROTOCOL_PAYLOAD	0x00004000
#endif
#define NDIS_NBL_FLAGS_IS_LOOPBACK_PACKET		0x00008000

/*
 * NET_BUFFER_LIST.Flags: who may use which bits. From NDIS 6.30 the two
 * low bits are the protocol's too (NdisGetVersion() tells a driver that
 * runs on older NDIS versions whether it may).
 */
#if NDIS_SUPPORT_NDIS630
#define NBL_FLAGS_PROTOCOL_RESERVED		0xFFF00003
#define NBL_FLAGS_NDIS_RESERVED			0x00000FFC
#else
#define NBL_FLAGS_PROTOCOL_RESERVED		0xFFF00000
#define NBL_FLAGS_NDIS_RESERVED			0x00000FFF
#endif
#define NBL_FLAGS_MINIPORT_RESERVED		0x0000F000
#define NBL_FLAGS_SCRATCH			0x000F0000
#define NBL_PROT_RSVD_FLAGS			NBL_FLAGS_PROTOCOL_RESERVED

/**
 * NdisTestNblFlag() - whether any of some NblFlags bits is set
 * @Nbl: the NBL
 * @Flag: NDIS_NBL_FLAGS_* bits
 *
 * Return: TRUE if at least one of them is set.
 */
static inline BOOLEAN NdisTestNblFlag(const NET_BUFFER_LIST *Nbl, ULONG Flag)
{
	return (Nbl->NblFlags & Flag) != 0;
}

/**
 * NdisTestNblFlags() - whether all of some NblFlags bits are set
 * @Nbl: the NBL
 * @Flags: NDIS_NBL_FLAGS_* bits
 *
 * Return: TRUE if every one of them is set.
 */
static inline BOOLEAN NdisTestNblFlags(const NET_BUFFER_LIST *Nbl, ULONG Flags)
{
	return (Nbl->NblFlags & Flags) == Flags;
}

/**
 * NdisSetNblFlag() - set NblFlags bits
 * @Nbl: the NBL
 * @Flag: NDIS_NBL_FLAGS_* bits
 */
static inline void NdisSetNblFlag(PNET_BUFFER_LIST Nbl, ULONG Flag)
{
	Nbl->NblFlags |= Flag;
}

/**
 * NdisClearNblFlag() - clear NblFlags bits
 * @Nbl: the NBL
 * @Flag: NDIS_NBL_FLAGS_* bits
 */
static inline void NdisClearNblFlag(PNET_BUFFER_LIST Nbl, ULONG Flag)
{
	Nbl->NblFlags &= ~Flag;
}

/**
 * NBL_TEST_FLAG() - whether any of some Flags bits is set
 * @Nbl: the NBL
 * @Flag: bits of the caller's part of NET_BUFFER_LIST.Flags
 *
 * Return: TRUE if at least one of them is set.
 */
static inline BOOLEAN NBL_TEST_FLAG(const NET_BUFFER_LIST *Nbl, ULONG Flag)
{
	return (Nbl->Flags & Flag) != 0;
}

/**
 * NBL_TEST_FLAGS() - whether all of some Flags bits are set
 * @Nbl: the NBL
 * @Flags: bits of the caller's part of NET_BUFFER_LIST.Flags
 *
 * Return: TRUE if every one of them is set.
 */
static inline BOOLEAN NBL_TEST_FLAGS(const NET_BUFFER_LIST *Nbl, ULONG Flags)
{
	return (Nbl->Flags & Flags) == Flags;
}

/**
 * NBL_SET_FLAG() - set Flags bits
 * @Nbl: the NBL
 * @Flag: bits of the caller's part of NET_BUFFER_LIST.Flags
 */
static inline void NBL_SET_FLAG(PNET_BUFFER_LIST Nbl, ULONG Flag)
{
	Nbl->Flags |= Flag;
}

/**
 * NBL_CLEAR_FLAG() - clear Flags bits
 * @Nbl: the NBL
 * @Flag: bits of the caller's part of NET_BUFFER_LIST.Flags
 */
static inline void NBL_CLEAR_FLAG(PNET_BUFFER_LIST Nbl, ULONG Flag)
{
	Nbl->Flags &= ~Flag;
}

/* The protocol's bits of NET_BUFFER_LIST.Flags; others in @f are left out. */
#define NBL_TEST_PROTOCOL_RSVD_FLAG(nbl, f) \
	(((nbl)->Flags & ((f) & NBL_FLAGS_PROTOCOL_RESERVED)) != 0)
#define NBL_SET_PROTOCOL_RSVD_FLAG(nbl, f) \
	((nbl)->Flags |= ((f) & NBL_FLAGS_PROTOCOL_RESERVED))
#define NBL_CLEAR_PROTOCOL_RSVD_FLAG(nbl, f) \
	((nbl)->Flags &= ~((f) & NBL_FLAGS_PROTOCOL_RESERVED))
#define NBL_TEST_PROT_RSVD_FLAG(nbl, f)		NBL_TEST_PROTOCOL_RSVD_FLAG(nbl, f)
#define NBL_SET_PROT_RSVD_FLAG(nbl, f)		NBL_SET_PROTOCOL_RSVD_FLAG(nbl, f)
#define NBL_CLEAR_PROT_RSVD_FLAG(nbl, f)	NBL_CLEAR_PROTOCOL_RSVD_FLAG(nbl, f)

/**
 * NDIS_TEST_SEND_FLAG() - whether all of some send flags are set
 * @Flags: the flags a send call or handler got
 * @Fl: NDIS_SEND_FLAGS_* bits
 *
 * Return: TRUE if every one of @Fl is in @Flags.
 */
static inline BOOLEAN NDIS_TEST_SEND_FLAG(ULONG Flags, ULONG Fl)
{
	return (Flags & Fl) == Fl;
}

/**
 * NDIS_TEST_SEND_COMPLETE_FLAG() - as NDIS_TEST_SEND_FLAG(), completion flags
 * @Flags: the flags a send completion call or handler got
 * @Fl: NDIS_SEND_COMPLETE_FLAGS_* bits
 *
 * Return: TRUE if every one of @Fl is in @Flags.
 */
static inline BOOLEAN NDIS_TEST_SEND_COMPLETE_FLAG(ULONG Flags, ULONG Fl)
{
	return (Flags & Fl) == Fl;
}

/**
 * NDIS_TEST_RECEIVE_FLAG() - as NDIS_TEST_SEND_FLAG(), receive flags
 * @Flags: the flags a receive indication or handler got
 * @Fl: NDIS_RECEIVE_FLAGS_* bits
 *
 * Return: TRUE if every one of @Fl is in @Flags.
 */
static inline BOOLEAN NDIS_TEST_RECEIVE_FLAG(ULONG Flags, ULONG Fl)
{
	return (Flags & Fl) == Fl;
}

/**
 * NDIS_TEST_RETURN_FLAG() - as NDIS_TEST_SEND_FLAG(), return flags
 * @Flags: the flags a return call or handler got
 * @Fl: NDIS_RETURN_FLAGS_* bits
 *
 * Return: TRUE if every one of @Fl is in @Flags.
 */
static inline BOOLEAN NDIS_TEST_RETURN_FLAG(ULONG Flags, ULONG Fl)
{
	return (Flags & Fl) == Fl;
}

/* Set and clear flags of a data path call (an lvalue). */
#define NDIS_SET_SEND_FLAG(flags, fl)		((flags) |= (fl))
#define NDIS_CLEAR_SEND_FLAG(flags, fl)		((flags) &= ~(fl))
#define NDIS_SET_SEND_COMPLETE_FLAG(flags, fl)	((flags) |= (fl))
#define NDIS_SET_RECEIVE_FLAG(flags, fl)	((flags) |= (fl))
#define NDIS_SET_RETURN_FLAG(flags, fl)		((flags) |= (fl))

/* Whether the caller runs at DISPATCH_LEVEL, and whether a receive may be kept. */
#define NDIS_TEST_SEND_AT_DISPATCH_LEVEL(flags) \
	NDIS_TEST_SEND_FLAG(flags, NDIS_SEND_FLAGS_DISPATCH_LEVEL)
#define NDIS_TEST_SEND_COMPLETE_AT_DISPATCH_LEVEL(flags) \
	NDIS_TEST_SEND_COMPLETE_FLAG(flags, NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL)
#define NDIS_TEST_RECEIVE_AT_DISPATCH_LEVEL(flags) \
	NDIS_TEST_RECEIVE_FLAG(flags, NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL)
#define NDIS_TEST_RECEIVE_CANNOT_PEND(flags) \
	NDIS_TEST_RECEIVE_FLAG(flags, NDIS_RECEIVE_FLAGS_RESOURCES)
#define NDIS_TEST_RECEIVE_CAN_PEND(flags) \
	(!NDIS_TEST_RECEIVE_FLAG(flags, NDIS_RECEIVE_FLAGS_RESOURCES))
#define NDIS_TEST_RETURN_AT_DISPATCH_LEVEL(flags) \
	NDIS_TEST_RETURN_FLAG(flags, NDIS_RETURN_FLAGS_DISPATCH_LEVEL)

struct sk_buff;

void ndis_nbl_info_from_skb(PNET_BUFFER_LIST NetBufferList, const struct sk_buff *skb);
void ndis_nbl_info_to_skb(PNET_BUFFER_LIST NetBufferList, struct sk_buff *skb);

#endif /* _NDIS_NBLINFO_H */
