// SPDX-License-Identifier: GPL-2.0
/*
 * OID requests. NDIS answers most standard queries itself from the
 * attributes; the device still answers every OID in its supported list,
 * as a miniport must, and keeps the filter and multicast list NDIS sets
 * for its hardware filter. The oid_delay_ms knob makes every request pend.
 */
#include "vmini.h"

static NDIS_STATUS ndis_vmini_reply_ulong(PNDIS_OID_REQUEST req, ULONG value)
{
	return ndis_oid_query_reply(req, &value, sizeof(value));
}

static u64 ndis_vmini_sum(atomic64_t *frames)
{
	return atomic64_read(&frames[NDIS_VMINI_UCAST]) + atomic64_read(&frames[NDIS_VMINI_MCAST]) +
	       atomic64_read(&frames[NDIS_VMINI_BCAST]);
}

static NDIS_STATUS ndis_vmini_statistics(struct ndis_vmini_dev *vd, PNDIS_OID_REQUEST req)
{
	struct ndis_vmini_stats *st = &vd->stats;
	NDIS_STATISTICS_INFO info = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_DEFAULT,
						  NDIS_STATISTICS_INFO_REVISION_1, sizeof(info)),
		.SupportedStatistics = NDIS_STATISTICS_FLAGS_VALID_DIRECTED_FRAMES_RCV |
			NDIS_STATISTICS_FLAGS_VALID_MULTICAST_FRAMES_RCV |
			NDIS_STATISTICS_FLAGS_VALID_BROADCAST_FRAMES_RCV |
			NDIS_STATISTICS_FLAGS_VALID_BYTES_RCV |
			NDIS_STATISTICS_FLAGS_VALID_RCV_DISCARDS |
			NDIS_STATISTICS_FLAGS_VALID_DIRECTED_FRAMES_XMIT |
			NDIS_STATISTICS_FLAGS_VALID_MULTICAST_FRAMES_XMIT |
			NDIS_STATISTICS_FLAGS_VALID_BROADCAST_FRAMES_XMIT |
			NDIS_STATISTICS_FLAGS_VALID_BYTES_XMIT |
			NDIS_STATISTICS_FLAGS_VALID_XMIT_ERROR |
			NDIS_STATISTICS_FLAGS_VALID_XMIT_DISCARDS,
		.ifInDiscards = atomic64_read(&st->rx_discards),
		.ifHCInOctets = atomic64_read(&st->rx_bytes),
		.ifHCInUcastPkts = atomic64_read(&st->rx[NDIS_VMINI_UCAST]),
		.ifHCInMulticastPkts = atomic64_read(&st->rx[NDIS_VMINI_MCAST]),
		.ifHCInBroadcastPkts = atomic64_read(&st->rx[NDIS_VMINI_BCAST]),
		.ifHCOutOctets = atomic64_read(&st->tx_bytes),
		.ifHCOutUcastPkts = atomic64_read(&st->tx[NDIS_VMINI_UCAST]),
		.ifHCOutMulticastPkts = atomic64_read(&st->tx[NDIS_VMINI_MCAST]),
		.ifHCOutBroadcastPkts = atomic64_read(&st->tx[NDIS_VMINI_BCAST]),
		.ifOutErrors = atomic64_read(&st->tx_errors),
		.ifOutDiscards = atomic64_read(&st->tx_discards),
	};

	return ndis_oid_query_reply(req, &info, sizeof(info));
}

static NDIS_STATUS ndis_vmini_query(struct ndis_vmini_dev *vd, PNDIS_OID_REQUEST req)
{
	NDIS_LINK_STATE link = {
		.Header = NDIS_OBJECT_HEADER_INIT(NDIS_OBJECT_TYPE_DEFAULT,
						  NDIS_LINK_STATE_REVISION_1, sizeof(link)),
		.MediaDuplexState = MediaDuplexStateFull,
	};
	bool up = READ_ONCE(vd->link_up);
	u8 list[NDIS_VMINI_MCAST_MAX][ETH_ALEN];
	unsigned int n;
	ULONG filter;

	switch (req->DATA.QUERY_INFORMATION.Oid) {
	case OID_802_3_PERMANENT_ADDRESS:
		return ndis_oid_query_reply(req, vd->mac, ETH_ALEN);
	case OID_802_3_CURRENT_ADDRESS:
		return ndis_oid_query_reply(req, vd->cur_mac, ETH_ALEN);
	case OID_GEN_MAXIMUM_FRAME_SIZE:
		return ndis_vmini_reply_ulong(req, NDIS_VMINI_MTU);
	case OID_GEN_MAXIMUM_TOTAL_SIZE:
		return ndis_vmini_reply_ulong(req, NDIS_VMINI_MTU + ETH_HLEN);
	case OID_GEN_LINK_SPEED:		/* 100 bit/s units */
		return ndis_vmini_reply_ulong(req, up ? (ULONG)(NDIS_VMINI_SPEED / 100) : 0);
	case OID_GEN_MEDIA_CONNECT_STATUS:
		return ndis_vmini_reply_ulong(req, up ? NdisMediaStateConnected :
							 NdisMediaStateDisconnected);
	case OID_GEN_LINK_STATE:
		link.MediaConnectState = up ? MediaConnectStateConnected :
					      MediaConnectStateDisconnected;
		link.XmitLinkSpeed = up ? NDIS_VMINI_SPEED : 0;
		link.RcvLinkSpeed = link.XmitLinkSpeed;
		return ndis_oid_query_reply(req, &link, sizeof(link));
	case OID_GEN_CURRENT_PACKET_FILTER:
		spin_lock_bh(&vd->lock);
		filter = vd->filter;
		spin_unlock_bh(&vd->lock);
		return ndis_vmini_reply_ulong(req, filter);
	case OID_802_3_MULTICAST_LIST:
		spin_lock_bh(&vd->lock);
		n = vd->nmcast;
		memcpy(list, vd->mcast, n * ETH_ALEN);
		spin_unlock_bh(&vd->lock);
		return ndis_oid_query_reply(req, list, n * ETH_ALEN);
	case OID_802_3_MAXIMUM_LIST_SIZE:
		return ndis_vmini_reply_ulong(req, NDIS_VMINI_MCAST_MAX);
	case OID_GEN_XMIT_OK:
		return ndis_oid_query_reply_counter(req, ndis_vmini_sum(vd->stats.tx));
	case OID_GEN_RCV_OK:
		return ndis_oid_query_reply_counter(req, ndis_vmini_sum(vd->stats.rx));
	case OID_GEN_STATISTICS:
		return ndis_vmini_statistics(vd, req);
	}
	return NDIS_STATUS_NOT_SUPPORTED;
}

static NDIS_STATUS ndis_vmini_set(struct ndis_vmini_dev *vd, PNDIS_OID_REQUEST req)
{
	const void *buf = req->DATA.SET_INFORMATION.InformationBuffer;
	UINT len = req->DATA.SET_INFORMATION.InformationBufferLength;
	UINT need;

	switch (req->DATA.SET_INFORMATION.Oid) {
	case OID_GEN_CURRENT_PACKET_FILTER:
		need = sizeof(ULONG);
		if (len < need)
			break;
		spin_lock_bh(&vd->lock);
		vd->filter = *(const ULONG *)buf;
		spin_unlock_bh(&vd->lock);
		req->DATA.SET_INFORMATION.BytesRead = need;
		return NDIS_STATUS_SUCCESS;
	case OID_802_3_MULTICAST_LIST:
		if (len % ETH_ALEN) {
			need = roundup(len, ETH_ALEN);
			break;
		}
		if (len / ETH_ALEN > NDIS_VMINI_MCAST_MAX)
			return NDIS_STATUS_MULTICAST_FULL;
		spin_lock_bh(&vd->lock);
		vd->nmcast = len / ETH_ALEN;
		memcpy(vd->mcast, buf, len);
		spin_unlock_bh(&vd->lock);
		req->DATA.SET_INFORMATION.BytesRead = len;
		return NDIS_STATUS_SUCCESS;
	case OID_PNP_SET_POWER:
		need = sizeof(NDIS_DEVICE_POWER_STATE);
		if (len < need)
			break;
		WRITE_ONCE(vd->power, *(const NDIS_DEVICE_POWER_STATE *)buf);
		req->DATA.SET_INFORMATION.BytesRead = need;
		return NDIS_STATUS_SUCCESS;
	default:
		return NDIS_STATUS_NOT_SUPPORTED;
	}
	req->DATA.SET_INFORMATION.BytesNeeded = need;
	return NDIS_STATUS_INVALID_LENGTH;
}

static NDIS_STATUS ndis_vmini_oid_do(struct ndis_vmini_dev *vd, PNDIS_OID_REQUEST req)
{
	switch (req->RequestType) {
	case NdisRequestQueryInformation:
	case NdisRequestQueryStatistics:
		return ndis_vmini_query(vd, req);
	case NdisRequestSetInformation:
		return ndis_vmini_set(vd, req);
	default:
		return NDIS_STATUS_NOT_SUPPORTED;
	}
}

/**
 * ndis_vmini_oid_request() - MiniportOidRequest
 * @ctx: the device
 * @req: the request; NDIS sends one at a time per adapter
 *
 * Return: the request's status, or NDIS_STATUS_PENDING under the
 * oid_delay_ms knob (oid_work completes it).
 */
NDIS_STATUS ndis_vmini_oid_request(NDIS_HANDLE ctx, PNDIS_OID_REQUEST req)
{
	struct ndis_vmini_dev *vd = ctx;
	u32 delay = READ_ONCE(vd->knobs.oid_delay_ms);

	if (!delay)
		return ndis_vmini_oid_do(vd, req);
	spin_lock_bh(&vd->lock);
	vd->oid_pending = req;
	vd->oid_pending_id = req->RequestId;
	spin_unlock_bh(&vd->lock);
	schedule_delayed_work(&vd->oid_work, msecs_to_jiffies(delay));
	return NDIS_STATUS_PENDING;
}

/**
 * ndis_vmini_oid_work() - finish the request the delay knob held
 * @work: the device's oid_work
 */
void ndis_vmini_oid_work(struct work_struct *work)
{
	struct ndis_vmini_dev *vd = container_of(to_delayed_work(work), struct ndis_vmini_dev,
						 oid_work);
	PNDIS_OID_REQUEST req;

	spin_lock_bh(&vd->lock);
	req = vd->oid_pending;
	vd->oid_pending = NULL;
	spin_unlock_bh(&vd->lock);
	/* A cancel may have taken it first. */
	if (req)
		NdisMOidRequestComplete(vd->adapter, req, ndis_vmini_oid_do(vd, req));
}

/**
 * ndis_vmini_cancel_oid() - MiniportCancelOidRequest
 * @ctx: the device
 * @id: RequestId of the request to abort
 */
void ndis_vmini_cancel_oid(NDIS_HANDLE ctx, PVOID id)
{
	struct ndis_vmini_dev *vd = ctx;
	PNDIS_OID_REQUEST req = NULL;

	/* The request is not ours to look at unless it is still pending. */
	spin_lock_bh(&vd->lock);
	if (vd->oid_pending && vd->oid_pending_id == id) {
		req = vd->oid_pending;
		vd->oid_pending = NULL;
	}
	spin_unlock_bh(&vd->lock);
	if (req)
		NdisMOidRequestComplete(vd->adapter, req, NDIS_STATUS_REQUEST_ABORTED);
}
