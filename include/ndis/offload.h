/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TCP/IP task offload: what a miniport reports it can do
 * (OID_TCP_OFFLOAD_HARDWARE_CAPABILITIES), what is on
 * (OID_TCP_OFFLOAD_CURRENT_CONFIG, NDIS_STATUS_TASK_OFFLOAD_CURRENT_CONFIG),
 * what a protocol asks for (OID_TCP_OFFLOAD_PARAMETERS) and the framing
 * it sends (OID_OFFLOAD_ENCAPSULATION).
 *
 * The structures are the DDI's at the NDIS 6.30 revision, field for field
 * and bit for bit: the bit-fields are ULONG units as the DDI declares
 * them, which GCC lays out as the Windows compilers do.
 */
#ifndef _NDIS_OFFLOAD_H
#define _NDIS_OFFLOAD_H

#include <linux/stddef.h>
#include <ndis/object.h>
#include <ndis/status.h>

/* Status indications of the offload configuration */
#define NDIS_STATUS_TASK_OFFLOAD_CURRENT_CONFIG		NDIS_STATUS_VALUE(0x40020006)
#define NDIS_STATUS_TASK_OFFLOAD_HARDWARE_CAPABILITIES	NDIS_STATUS_VALUE(0x40020007)
/* The DDI's spelling. */
#define NDIS_STATUS_OFFLOAD_ENCASPULATION_CHANGE	NDIS_STATUS_VALUE(0x40020008)

/* Values of the capability fields and of NDIS_OFFLOAD_ENCAPSULATION.Enabled */
#define NDIS_OFFLOAD_NOT_SUPPORTED		0
#define NDIS_OFFLOAD_SUPPORTED			1

#define NDIS_OFFLOAD_SET_NO_CHANGE		0
#define NDIS_OFFLOAD_SET_ON			1
#define NDIS_OFFLOAD_SET_OFF			2

/* Encapsulation: the framing offloads are described against */
#define NDIS_ENCAPSULATION_NOT_SUPPORTED		0x00000000
#define NDIS_ENCAPSULATION_NULL				0x00000001
#define NDIS_ENCAPSULATION_IEEE_802_3			0x00000002
#define NDIS_ENCAPSULATION_IEEE_802_3_P_AND_Q		0x00000004
#define NDIS_ENCAPSULATION_IEEE_802_3_P_AND_Q_IN_OOB	0x00000008
#define NDIS_ENCAPSULATION_IEEE_LLC_SNAP_ROUTED		0x00000010

/* NDIS_OFFLOAD_PARAMETERS: every field, no change */
#define NDIS_OFFLOAD_PARAMETERS_NO_CHANGE		0

/* ... the checksum fields */
#define NDIS_OFFLOAD_PARAMETERS_TX_RX_DISABLED		1
#define NDIS_OFFLOAD_PARAMETERS_TX_ENABLED_RX_DISABLED	2
#define NDIS_OFFLOAD_PARAMETERS_RX_ENABLED_TX_DISABLED	3
#define NDIS_OFFLOAD_PARAMETERS_TX_RX_ENABLED		4

/* ... LsoV1 */
#define NDIS_OFFLOAD_PARAMETERS_LSOV1_DISABLED		1
#define NDIS_OFFLOAD_PARAMETERS_LSOV1_ENABLED		2

/* ... IPsecV1 */
#define NDIS_OFFLOAD_PARAMETERS_IPSECV1_DISABLED		1
#define NDIS_OFFLOAD_PARAMETERS_IPSECV1_AH_ENABLED		2
#define NDIS_OFFLOAD_PARAMETERS_IPSECV1_ESP_ENABLED		3
#define NDIS_OFFLOAD_PARAMETERS_IPSECV1_AH_AND_ESP_ENABLED	4

/* ... LsoV2IPv4 and LsoV2IPv6 */
#define NDIS_OFFLOAD_PARAMETERS_LSOV2_DISABLED		1
#define NDIS_OFFLOAD_PARAMETERS_LSOV2_ENABLED		2

/* ... IPsecV2 and IPsecV2IPv4 */
#define NDIS_OFFLOAD_PARAMETERS_IPSECV2_DISABLED		1
#define NDIS_OFFLOAD_PARAMETERS_IPSECV2_AH_ENABLED		2
#define NDIS_OFFLOAD_PARAMETERS_IPSECV2_ESP_ENABLED		3
#define NDIS_OFFLOAD_PARAMETERS_IPSECV2_AH_AND_ESP_ENABLED	4

/* ... RscIPv4 and RscIPv6 */
#define NDIS_OFFLOAD_PARAMETERS_RSC_DISABLED		1
#define NDIS_OFFLOAD_PARAMETERS_RSC_ENABLED		2

/* ... EncapsulationTypes */
#define NDIS_ENCAPSULATION_TYPE_GRE_MAC			0x00000001

/* ... TcpConnectionIPv4 and TcpConnectionIPv6 */
#define NDIS_OFFLOAD_PARAMETERS_CONNECTION_OFFLOAD_DISABLED	1
#define NDIS_OFFLOAD_PARAMETERS_CONNECTION_OFFLOAD_ENABLED	2

/* ... Flags */
#define NDIS_OFFLOAD_PARAMETERS_SKIP_REGISTRY_UPDATE	0x00000001

/**
 * struct _NDIS_OFFLOAD_PARAMETERS - value of an OID_TCP_OFFLOAD_PARAMETERS set
 * @Header: NDIS_OBJECT_TYPE_DEFAULT, NDIS_OFFLOAD_PARAMETERS_REVISION_1 to _3,
 *	the matching NDIS_SIZEOF_OFFLOAD_PARAMETERS_REVISION_*
 * @IPv4Checksum: NDIS_OFFLOAD_PARAMETERS_TX_RX_* or _NO_CHANGE
 * @TCPIPv4Checksum: as @IPv4Checksum
 * @UDPIPv4Checksum: as @IPv4Checksum
 * @TCPIPv6Checksum: as @IPv4Checksum
 * @UDPIPv6Checksum: as @IPv4Checksum
 * @LsoV1: NDIS_OFFLOAD_PARAMETERS_LSOV1_* or _NO_CHANGE
 * @IPsecV1: NDIS_OFFLOAD_PARAMETERS_IPSECV1_* or _NO_CHANGE
 * @LsoV2IPv4: NDIS_OFFLOAD_PARAMETERS_LSOV2_* or _NO_CHANGE
 * @LsoV2IPv6: as @LsoV2IPv4
 * @TcpConnectionIPv4: NDIS_OFFLOAD_PARAMETERS_CONNECTION_OFFLOAD_* or
 *	_NO_CHANGE
 * @TcpConnectionIPv6: as @TcpConnectionIPv4
 * @Flags: NDIS_OFFLOAD_PARAMETERS_SKIP_REGISTRY_UPDATE
 * @IPsecV2: NDIS_OFFLOAD_PARAMETERS_IPSECV2_* or _NO_CHANGE (revision 2)
 * @IPsecV2IPv4: as @IPsecV2 (revision 2)
 * @RscIPv4: NDIS_OFFLOAD_PARAMETERS_RSC_* or _NO_CHANGE (revision 3)
 * @RscIPv6: as @RscIPv4 (revision 3)
 * @EncapsulatedPacketTaskOffload: NDIS_OFFLOAD_SET_* (revision 3)
 * @EncapsulationTypes: NDIS_ENCAPSULATION_TYPE_* (revision 3)
 */
typedef struct _NDIS_OFFLOAD_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	UCHAR IPv4Checksum;
	UCHAR TCPIPv4Checksum;
	UCHAR UDPIPv4Checksum;
	UCHAR TCPIPv6Checksum;
	UCHAR UDPIPv6Checksum;
	UCHAR LsoV1;
	UCHAR IPsecV1;
	UCHAR LsoV2IPv4;
	UCHAR LsoV2IPv6;
	UCHAR TcpConnectionIPv4;
	UCHAR TcpConnectionIPv6;
	ULONG Flags;
	UCHAR IPsecV2;
	UCHAR IPsecV2IPv4;
	struct {
		UCHAR RscIPv4;
		UCHAR RscIPv6;
	};
	struct {
		UCHAR EncapsulatedPacketTaskOffload;
		UCHAR EncapsulationTypes;
	};
} NDIS_OFFLOAD_PARAMETERS, *PNDIS_OFFLOAD_PARAMETERS;

#define NDIS_OFFLOAD_PARAMETERS_REVISION_1	1
#define NDIS_OFFLOAD_PARAMETERS_REVISION_2	2
#define NDIS_OFFLOAD_PARAMETERS_REVISION_3	3
#define NDIS_SIZEOF_OFFLOAD_PARAMETERS_REVISION_1	\
	offsetofend(NDIS_OFFLOAD_PARAMETERS, Flags)
#define NDIS_SIZEOF_OFFLOAD_PARAMETERS_REVISION_2	\
	offsetofend(NDIS_OFFLOAD_PARAMETERS, IPsecV2IPv4)
#define NDIS_SIZEOF_OFFLOAD_PARAMETERS_REVISION_3	\
	offsetofend(NDIS_OFFLOAD_PARAMETERS, EncapsulationTypes)

/**
 * struct _NDIS_TCP_LARGE_SEND_OFFLOAD_V1 - large send offload, version 1
 * @IPv4: for TCP over IPv4
 * @IPv4.Encapsulation: NDIS_ENCAPSULATION_* supported or in use
 * @IPv4.MaxOffLoadSize: largest send offered, in bytes
 * @IPv4.MinSegmentCount: fewest segments a large send must make
 * @IPv4.TcpOptions: NDIS_OFFLOAD_SUPPORTED if sends with TCP options work
 * @IPv4.IpOptions: NDIS_OFFLOAD_SUPPORTED if sends with IP options work
 */
typedef struct _NDIS_TCP_LARGE_SEND_OFFLOAD_V1 {
	struct {
		ULONG Encapsulation;
		ULONG MaxOffLoadSize;
		ULONG MinSegmentCount;
		ULONG TcpOptions:2;
		ULONG IpOptions:2;
	} IPv4;
} NDIS_TCP_LARGE_SEND_OFFLOAD_V1, *PNDIS_TCP_LARGE_SEND_OFFLOAD_V1;

/**
 * struct _NDIS_TCP_IP_CHECKSUM_OFFLOAD - checksum offload
 * @IPv4Transmit: checksums computed on IPv4 sends
 * @IPv4Transmit.Encapsulation: NDIS_ENCAPSULATION_*
 * @IPv4Transmit.IpOptionsSupported: NDIS_OFFLOAD_SUPPORTED or _NOT_SUPPORTED
 * @IPv4Transmit.TcpOptionsSupported: as @IPv4Transmit.IpOptionsSupported
 * @IPv4Transmit.TcpChecksum: as @IPv4Transmit.IpOptionsSupported
 * @IPv4Transmit.UdpChecksum: as @IPv4Transmit.IpOptionsSupported
 * @IPv4Transmit.IpChecksum: as @IPv4Transmit.IpOptionsSupported
 * @IPv4Receive: checksums checked on IPv4 receives
 * @IPv4Receive.Encapsulation: NDIS_ENCAPSULATION_*
 * @IPv4Receive.IpOptionsSupported: NDIS_OFFLOAD_SUPPORTED or _NOT_SUPPORTED
 * @IPv4Receive.TcpOptionsSupported: as @IPv4Receive.IpOptionsSupported
 * @IPv4Receive.TcpChecksum: as @IPv4Receive.IpOptionsSupported
 * @IPv4Receive.UdpChecksum: as @IPv4Receive.IpOptionsSupported
 * @IPv4Receive.IpChecksum: as @IPv4Receive.IpOptionsSupported
 * @IPv6Transmit: checksums computed on IPv6 sends
 * @IPv6Transmit.Encapsulation: NDIS_ENCAPSULATION_*
 * @IPv6Transmit.IpExtensionHeadersSupported: NDIS_OFFLOAD_SUPPORTED or
 *	_NOT_SUPPORTED
 * @IPv6Transmit.TcpOptionsSupported: as
 *	@IPv6Transmit.IpExtensionHeadersSupported
 * @IPv6Transmit.TcpChecksum: as @IPv6Transmit.IpExtensionHeadersSupported
 * @IPv6Transmit.UdpChecksum: as @IPv6Transmit.IpExtensionHeadersSupported
 * @IPv6Receive: checksums checked on IPv6 receives
 * @IPv6Receive.Encapsulation: NDIS_ENCAPSULATION_*
 * @IPv6Receive.IpExtensionHeadersSupported: NDIS_OFFLOAD_SUPPORTED or
 *	_NOT_SUPPORTED
 * @IPv6Receive.TcpOptionsSupported: as
 *	@IPv6Receive.IpExtensionHeadersSupported
 * @IPv6Receive.TcpChecksum: as @IPv6Receive.IpExtensionHeadersSupported
 * @IPv6Receive.UdpChecksum: as @IPv6Receive.IpExtensionHeadersSupported
 */
typedef struct _NDIS_TCP_IP_CHECKSUM_OFFLOAD {
	struct {
		ULONG Encapsulation;
		ULONG IpOptionsSupported:2;
		ULONG TcpOptionsSupported:2;
		ULONG TcpChecksum:2;
		ULONG UdpChecksum:2;
		ULONG IpChecksum:2;
	} IPv4Transmit;
	struct {
		ULONG Encapsulation;
		ULONG IpOptionsSupported:2;
		ULONG TcpOptionsSupported:2;
		ULONG TcpChecksum:2;
		ULONG UdpChecksum:2;
		ULONG IpChecksum:2;
	} IPv4Receive;
	struct {
		ULONG Encapsulation;
		ULONG IpExtensionHeadersSupported:2;
		ULONG TcpOptionsSupported:2;
		ULONG TcpChecksum:2;
		ULONG UdpChecksum:2;
	} IPv6Transmit;
	struct {
		ULONG Encapsulation;
		ULONG IpExtensionHeadersSupported:2;
		ULONG TcpOptionsSupported:2;
		ULONG TcpChecksum:2;
		ULONG UdpChecksum:2;
	} IPv6Receive;
} NDIS_TCP_IP_CHECKSUM_OFFLOAD, *PNDIS_TCP_IP_CHECKSUM_OFFLOAD;

/**
 * struct _NDIS_IPSEC_OFFLOAD_V1 - IPsec offload, version 1
 * @Supported: what is offered
 * @Supported.Encapsulation: NDIS_ENCAPSULATION_*
 * @Supported.AhEspCombined: AH and ESP in one packet
 * @Supported.TransportTunnelCombined: transport and tunnel in one packet
 * @Supported.IPv4Options: packets with IPv4 options
 * @Supported.Flags: reserved
 * @IPv4AH: authentication header
 * @IPv4AH.Md5: MD5
 * @IPv4AH.Sha_1: SHA-1
 * @IPv4AH.Transport: transport mode
 * @IPv4AH.Tunnel: tunnel mode
 * @IPv4AH.Send: on sends
 * @IPv4AH.Receive: on receives
 * @IPv4ESP: encapsulating security payload
 * @IPv4ESP.Des: DES
 * @IPv4ESP.Reserved: reserved
 * @IPv4ESP.TripleDes: 3DES
 * @IPv4ESP.NullEsp: null ESP
 * @IPv4ESP.Transport: transport mode
 * @IPv4ESP.Tunnel: tunnel mode
 * @IPv4ESP.Send: on sends
 * @IPv4ESP.Receive: on receives
 */
typedef struct _NDIS_IPSEC_OFFLOAD_V1 {
	struct {
		ULONG Encapsulation;
		ULONG AhEspCombined;
		ULONG TransportTunnelCombined;
		ULONG IPv4Options;
		ULONG Flags;
	} Supported;
	struct {
		ULONG Md5:2;
		ULONG Sha_1:2;
		ULONG Transport:2;
		ULONG Tunnel:2;
		ULONG Send:2;
		ULONG Receive:2;
	} IPv4AH;
	struct {
		ULONG Des:2;
		ULONG Reserved:2;
		ULONG TripleDes:2;
		ULONG NullEsp:2;
		ULONG Transport:2;
		ULONG Tunnel:2;
		ULONG Send:2;
		ULONG Receive:2;
	} IPv4ESP;
} NDIS_IPSEC_OFFLOAD_V1, *PNDIS_IPSEC_OFFLOAD_V1;

/**
 * struct _NDIS_TCP_LARGE_SEND_OFFLOAD_V2 - large send offload, version 2
 * @IPv4: for TCP over IPv4
 * @IPv4.Encapsulation: NDIS_ENCAPSULATION_*
 * @IPv4.MaxOffLoadSize: largest send offered, in bytes
 * @IPv4.MinSegmentCount: fewest segments a large send must make
 * @IPv6: for TCP over IPv6
 * @IPv6.Encapsulation: NDIS_ENCAPSULATION_*
 * @IPv6.MaxOffLoadSize: largest send offered, in bytes
 * @IPv6.MinSegmentCount: fewest segments a large send must make
 * @IPv6.IpExtensionHeadersSupported: NDIS_OFFLOAD_SUPPORTED or
 *	_NOT_SUPPORTED
 * @IPv6.TcpOptionsSupported: as @IPv6.IpExtensionHeadersSupported
 */
typedef struct _NDIS_TCP_LARGE_SEND_OFFLOAD_V2 {
	struct {
		ULONG Encapsulation;
		ULONG MaxOffLoadSize;
		ULONG MinSegmentCount;
	} IPv4;
	struct {
		ULONG Encapsulation;
		ULONG MaxOffLoadSize;
		ULONG MinSegmentCount;
		ULONG IpExtensionHeadersSupported:2;
		ULONG TcpOptionsSupported:2;
	} IPv6;
} NDIS_TCP_LARGE_SEND_OFFLOAD_V2, *PNDIS_TCP_LARGE_SEND_OFFLOAD_V2;

/* NDIS_IPSEC_OFFLOAD_V2.AuthenticationAlgorithms */
#define IPSEC_OFFLOAD_V2_AUTHENTICATION_MD5		0x00000001
#define IPSEC_OFFLOAD_V2_AUTHENTICATION_SHA_1		0x00000002
#define IPSEC_OFFLOAD_V2_AUTHENTICATION_SHA_256		0x00000004
#define IPSEC_OFFLOAD_V2_AUTHENTICATION_AES_GCM_128	0x00000008
#define IPSEC_OFFLOAD_V2_AUTHENTICATION_AES_GCM_192	0x00000010
#define IPSEC_OFFLOAD_V2_AUTHENTICATION_AES_GCM_256	0x00000020

/* NDIS_IPSEC_OFFLOAD_V2.EncryptionAlgorithms */
#define IPSEC_OFFLOAD_V2_ENCRYPTION_NONE		0x00000001
#define IPSEC_OFFLOAD_V2_ENCRYPTION_DES_CBC		0x00000002
#define IPSEC_OFFLOAD_V2_ENCRYPTION_3_DES_CBC		0x00000004
#define IPSEC_OFFLOAD_V2_ENCRYPTION_AES_GCM_128		0x00000008
#define IPSEC_OFFLOAD_V2_ENCRYPTION_AES_GCM_192		0x00000010
#define IPSEC_OFFLOAD_V2_ENCRYPTION_AES_GCM_256		0x00000020
#define IPSEC_OFFLOAD_V2_ENCRYPTION_AES_CBC_128		0x00000040
#define IPSEC_OFFLOAD_V2_ENCRYPTION_AES_CBC_192		0x00000080
#define IPSEC_OFFLOAD_V2_ENCRYPTION_AES_CBC_256		0x00000100

/**
 * struct _NDIS_IPSEC_OFFLOAD_V2 - IPsec offload, version 2
 * @Encapsulation: NDIS_ENCAPSULATION_*
 * @IPv6Supported: IPv6 too
 * @IPv4Options: packets with IPv4 options
 * @IPv6NonIPsecExtensionHeaders: packets with other IPv6 extension headers
 * @Ah: authentication header
 * @Esp: encapsulating security payload
 * @AhEspCombined: both in one packet
 * @Transport: transport mode
 * @Tunnel: tunnel mode
 * @TransportTunnelCombined: both in one packet
 * @LsoSupported: large sends of IPsec packets
 * @ExtendedSequenceNumbers: 64-bit sequence numbers
 * @UdpEsp: UDP-encapsulated ESP
 * @AuthenticationAlgorithms: IPSEC_OFFLOAD_V2_AUTHENTICATION_*
 * @EncryptionAlgorithms: IPSEC_OFFLOAD_V2_ENCRYPTION_*
 * @SaOffloadCapacity: security associations the adapter can hold
 */
typedef struct _NDIS_IPSEC_OFFLOAD_V2 {
	ULONG Encapsulation;
	BOOLEAN IPv6Supported;
	BOOLEAN IPv4Options;
	BOOLEAN IPv6NonIPsecExtensionHeaders;
	BOOLEAN Ah;
	BOOLEAN Esp;
	BOOLEAN AhEspCombined;
	BOOLEAN Transport;
	BOOLEAN Tunnel;
	BOOLEAN TransportTunnelCombined;
	BOOLEAN LsoSupported;
	BOOLEAN ExtendedSequenceNumbers;
	ULONG UdpEsp;
	ULONG AuthenticationAlgorithms;
	ULONG EncryptionAlgorithms;
	ULONG SaOffloadCapacity;
} NDIS_IPSEC_OFFLOAD_V2, *PNDIS_IPSEC_OFFLOAD_V2;

/**
 * struct _NDIS_TCP_RECV_SEG_COALESCE_OFFLOAD - receive segment coalescing
 * @IPv4: for TCP over IPv4
 * @IPv4.Enabled: on or offered
 * @IPv6: for TCP over IPv6
 * @IPv6.Enabled: on or offered
 */
typedef struct _NDIS_TCP_RECV_SEG_COALESCE_OFFLOAD {
	struct {
		BOOLEAN Enabled;
	} IPv4;
	struct {
		BOOLEAN Enabled;
	} IPv6;
} NDIS_TCP_RECV_SEG_COALESCE_OFFLOAD, *PNDIS_TCP_RECV_SEG_COALESCE_OFFLOAD;

/* The DDI's spelling (COALESC). */
#define NDIS_TCP_RECV_SEG_COALESC_OFFLOAD_REVISION_1	1
#define NDIS_SIZEOF_TCP_RECV_SEG_COALESC_OFFLOAD_REVISION_1	\
	offsetofend(NDIS_TCP_RECV_SEG_COALESCE_OFFLOAD, IPv6.Enabled)

/* NDIS_ENCAPSULATED_PACKET_TASK_OFFLOAD's 4-bit fields */
#define NDIS_ENCAPSULATED_PACKET_TASK_OFFLOAD_NOT_SUPPORTED	0x00000000
#define NDIS_ENCAPSULATED_PACKET_TASK_OFFLOAD_INNER_IPV4	0x00000001
#define NDIS_ENCAPSULATED_PACKET_TASK_OFFLOAD_OUTER_IPV4	0x00000002
#define NDIS_ENCAPSULATED_PACKET_TASK_OFFLOAD_INNER_IPV6	0x00000004
#define NDIS_ENCAPSULATED_PACKET_TASK_OFFLOAD_OUTER_IPV6	0x00000008

/**
 * struct _NDIS_ENCAPSULATED_PACKET_TASK_OFFLOAD - offloads inside NVGRE
 * @TransmitChecksumOffloadSupported: NDIS_ENCAPSULATED_PACKET_TASK_OFFLOAD_*
 * @ReceiveChecksumOffloadSupported: as @TransmitChecksumOffloadSupported
 * @LsoV2Supported: as @TransmitChecksumOffloadSupported
 * @RssSupported: as @TransmitChecksumOffloadSupported
 * @VmqSupported: as @TransmitChecksumOffloadSupported
 * @MaxHeaderSizeSupported: largest encapsulated headers, in bytes
 */
typedef struct _NDIS_ENCAPSULATED_PACKET_TASK_OFFLOAD {
	ULONG TransmitChecksumOffloadSupported:4;
	ULONG ReceiveChecksumOffloadSupported:4;
	ULONG LsoV2Supported:4;
	ULONG RssSupported:4;
	ULONG VmqSupported:4;
	ULONG MaxHeaderSizeSupported;
} NDIS_ENCAPSULATED_PACKET_TASK_OFFLOAD, *PNDIS_ENCAPSULATED_PACKET_TASK_OFFLOAD;

#define NDIS_SIZEOF_ENCAPSULATED_PACKET_TASK_OFFLOAD_REVISION_1	\
	offsetofend(NDIS_ENCAPSULATED_PACKET_TASK_OFFLOAD, MaxHeaderSizeSupported)

/* NDIS_OFFLOAD.Flags */
#define NDIS_OFFLOAD_FLAGS_GROUP_CHECKSUM_CAPABILITIES	0x00000001
#define IPSEC_OFFLOAD_V2_AND_TCP_CHECKSUM_COEXISTENCE	0x00000002
#define IPSEC_OFFLOAD_V2_AND_UDP_CHECKSUM_COEXISTENCE	0x00000004

/**
 * struct _NDIS_OFFLOAD - task offload capabilities or configuration
 * @Header: NDIS_OBJECT_TYPE_OFFLOAD, NDIS_OFFLOAD_REVISION_1 to _3, the
 *	matching NDIS_SIZEOF_NDIS_OFFLOAD_REVISION_*
 * @Checksum: checksum offload
 * @LsoV1: large send offload, version 1
 * @IPsecV1: IPsec offload, version 1
 * @LsoV2: large send offload, version 2
 * @Flags: NDIS_OFFLOAD_FLAGS_GROUP_CHECKSUM_CAPABILITIES and the
 *	IPSEC_OFFLOAD_V2_AND_*_CHECKSUM_COEXISTENCE flags
 * @IPsecV2: IPsec offload, version 2 (revision 2)
 * @Rsc: receive segment coalescing (revision 3)
 * @EncapsulatedPacketTaskOffloadGre: offloads inside NVGRE (revision 3)
 *
 * Answer to OID_TCP_OFFLOAD_HARDWARE_CAPABILITIES and
 * OID_TCP_OFFLOAD_CURRENT_CONFIG, buffer of
 * NDIS_STATUS_TASK_OFFLOAD_CURRENT_CONFIG and
 * NDIS_STATUS_TASK_OFFLOAD_HARDWARE_CAPABILITIES.
 */
typedef struct _NDIS_OFFLOAD {
	NDIS_OBJECT_HEADER Header;
	NDIS_TCP_IP_CHECKSUM_OFFLOAD Checksum;
	NDIS_TCP_LARGE_SEND_OFFLOAD_V1 LsoV1;
	NDIS_IPSEC_OFFLOAD_V1 IPsecV1;
	NDIS_TCP_LARGE_SEND_OFFLOAD_V2 LsoV2;
	ULONG Flags;
	NDIS_IPSEC_OFFLOAD_V2 IPsecV2;
	NDIS_TCP_RECV_SEG_COALESCE_OFFLOAD Rsc;
	NDIS_ENCAPSULATED_PACKET_TASK_OFFLOAD EncapsulatedPacketTaskOffloadGre;
} NDIS_OFFLOAD, *PNDIS_OFFLOAD;

#define NDIS_OFFLOAD_REVISION_1		1
#define NDIS_OFFLOAD_REVISION_2		2
#define NDIS_OFFLOAD_REVISION_3		3
#define NDIS_SIZEOF_NDIS_OFFLOAD_REVISION_1	offsetofend(NDIS_OFFLOAD, Flags)
#define NDIS_SIZEOF_NDIS_OFFLOAD_REVISION_2	offsetofend(NDIS_OFFLOAD, IPsecV2)
#define NDIS_SIZEOF_NDIS_OFFLOAD_REVISION_3	\
	offsetofend(NDIS_OFFLOAD, EncapsulatedPacketTaskOffloadGre)

/**
 * struct _NDIS_OFFLOAD_ENCAPSULATION - value of an OID_OFFLOAD_ENCAPSULATION set
 * @Header: NDIS_OBJECT_TYPE_OFFLOAD_ENCAPSULATION,
 *	NDIS_OFFLOAD_ENCAPSULATION_REVISION_1,
 *	NDIS_SIZEOF_OFFLOAD_ENCAPSULATION_REVISION_1
 * @IPv4: the framing of IPv4 sends
 * @IPv4.Enabled: NDIS_OFFLOAD_SET_ON to use IPv4 offloads, else
 *	NDIS_OFFLOAD_SET_NO_CHANGE
 * @IPv4.EncapsulationType: NDIS_ENCAPSULATION_IEEE_802_3 or
 *	NDIS_ENCAPSULATION_IEEE_LLC_SNAP_ROUTED
 * @IPv4.HeaderSize: length of the link-layer header the protocol sends
 * @IPv6: the framing of IPv6 sends
 * @IPv6.Enabled: as @IPv4.Enabled
 * @IPv6.EncapsulationType: as @IPv4.EncapsulationType
 * @IPv6.HeaderSize: as @IPv4.HeaderSize
 */
typedef struct _NDIS_OFFLOAD_ENCAPSULATION {
	NDIS_OBJECT_HEADER Header;
	struct {
		ULONG Enabled;
		ULONG EncapsulationType;
		ULONG HeaderSize;
	} IPv4;
	struct {
		ULONG Enabled;
		ULONG EncapsulationType;
		ULONG HeaderSize;
	} IPv6;
} NDIS_OFFLOAD_ENCAPSULATION, *PNDIS_OFFLOAD_ENCAPSULATION;

#define NDIS_OFFLOAD_ENCAPSULATION_REVISION_1	1
#define NDIS_SIZEOF_OFFLOAD_ENCAPSULATION_REVISION_1	\
	offsetofend(NDIS_OFFLOAD_ENCAPSULATION, IPv6.HeaderSize)

#endif /* _NDIS_OFFLOAD_H */
