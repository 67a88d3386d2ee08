// SPDX-License-Identifier: GPL-2.0
/*
 * Suite ndis_vmini: the software miniport as a protocol sees it. Device
 * creation and its errors, the OIDs it answers (and those NDIS answers
 * from its attributes), hub and loopback delivery byte for byte, the
 * hardware filter, and every fault knob: fail initialize, pend OIDs,
 * pause and restart, delay and reorder send completions, drop sends,
 * receive with the RESOURCES flag, link down and up, surprise removal.
 */
#include <linux/delay.h>
#include <linux/etherdevice.h>

#include "../core/kunit_iface.h"
#include "../miniports/vmini/vmini_kunit.h"
#include "fake.h"

#define VMINI_ETHERTYPE		0x88b5	/* local experimental */
#define VMINI_FILTER		(NDIS_PACKET_TYPE_DIRECTED | NDIS_PACKET_TYPE_BROADCAST)

/* Poll @cond for up to 5 s: delivery runs from the receiver's work item. */
#define vmini_eventually(cond) ({					\
	int __tries = 250;						\
	bool __ok;							\
	while (!(__ok = (cond)) && __tries--)				\
		msleep(20);						\
	__ok;								\
})

static void vmini_del_action(void *id)
{
	ndis_vmini_dev_del((uintptr_t)id);
}

static struct ndis_vmini_dev *vmini_new(struct kunit *test, u32 id, u32 hub)
{
	struct ndis_vmini_dev *vd;

	KUNIT_ASSERT_EQ(test, ndis_vmini_dev_new(id, hub), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, vmini_del_action,
							(void *)(uintptr_t)id), 0);
	vd = ndis_vmini_dev_find(id);
	KUNIT_ASSERT_NOT_NULL(test, vd);
	return vd;
}

static NDIS_STATUS vmini_oid(struct kunit *test, struct ndis_fake_protocol *fp,
			     struct ndis_vmini_dev *vd, NDIS_REQUEST_TYPE type, NDIS_OID oid,
			     void *buf, UINT len)
{
	int before = atomic_read(&fp->oid_completions);
	NDIS_OID_REQUEST req;
	NDIS_STATUS status;

	ndis_fake_oid_init(&req, type, oid, buf, len, NULL);
	status = NdisOidRequest(ndis_fake_binding(fp, vd->name), &req);
	if (status != NDIS_STATUS_PENDING)
		return status;
	/* Requests NDIS passes to the miniport finish through the protocol. */
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->oid_completions) > before));
	return READ_ONCE(fp->last_oid_status);
}

/* A protocol bound to the @n devices, each binding with @filter. */
static struct ndis_fake_protocol *vmini_bind(struct kunit *test, struct ndis_vmini_dev **vd,
					     int n, ULONG filter)
{
	struct ndis_fake_protocol *fp = ndis_fake_protocol_new(test, "vmini-proto");
	int i;

	KUNIT_ASSERT_EQ(test, ndis_fake_protocol_register(fp), NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->restarts) == n));
	for (i = 0; i < n; i++) {
		ndis_kunit_adapter_flush(vd[i]->adapter);
		KUNIT_ASSERT_NOT_NULL(test, ndis_fake_binding(fp, vd[i]->name));
		KUNIT_ASSERT_EQ(test, vmini_oid(test, fp, vd[i], NdisRequestSetInformation,
						OID_GEN_CURRENT_PACKET_FILTER, &filter,
						sizeof(filter)), NDIS_STATUS_SUCCESS);
		/* NDIS pushes the merged filter to the miniport on its own time. */
		KUNIT_ASSERT_TRUE(test, vmini_eventually(READ_ONCE(vd[i]->filter) == filter));
	}
	return fp;
}

/* A 60-byte frame to @dst from @src whose payload is derived from @seed. */
static void vmini_frame(u8 *frame, const u8 *dst, const u8 *src, u8 seed)
{
	int i;

	ether_addr_copy(frame, dst);
	ether_addr_copy(frame + ETH_ALEN, src);
	frame[12] = VMINI_ETHERTYPE >> 8;
	frame[13] = VMINI_ETHERTYPE & 0xff;
	for (i = ETH_HLEN; i < ETH_ZLEN; i++)
		frame[i] = seed + i * 7;
}

static u64 vmini_stat(atomic64_t *counter)
{
	return atomic64_read(counter);
}

static void device_lifecycle(struct kunit *test)
{
	static const u8 mac[ETH_ALEN] = { 0x02, 0x76, 0x6d, 0x00, 0x02, 0xbc };
	struct ndis_vmini_dev *vd = vmini_new(test, 700, 0);

	KUNIT_EXPECT_STREQ(test, vd->name, "vmini700");
	KUNIT_EXPECT_TRUE(test, ether_addr_equal(vd->mac, mac));
	KUNIT_EXPECT_NOT_NULL(test, vd->adapter);
	KUNIT_EXPECT_TRUE(test, READ_ONCE(vd->running));
	KUNIT_EXPECT_EQ(test, ndis_vmini_dev_new(700, 3), -EEXIST);
	KUNIT_EXPECT_EQ(test, ndis_vmini_dev_new(NDIS_VMINI_MAX_ID + 1, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, ndis_vmini_dev_del(701), -ENODEV);
	KUNIT_EXPECT_EQ(test, ndis_vmini_dev_del(700), 0);
	KUNIT_EXPECT_NULL(test, ndis_vmini_dev_find(700));
	/* The same id again: a stable name for a new device. */
	vd = vmini_new(test, 700, 0);
	KUNIT_EXPECT_TRUE(test, ether_addr_equal(vd->mac, mac));
}

static void oids_standard_and_statistics(struct kunit *test)
{
	static const u8 mcast[2][ETH_ALEN] = {
		{ 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 }, { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x02 },
	};
	struct ndis_vmini_dev *vd = vmini_new(test, 710, 0);
	struct ndis_fake_protocol *fp = vmini_bind(test, &vd, 1, VMINI_FILTER);
	NDIS_STATISTICS_INFO stats = {};
	NDIS_LINK_STATE link = {};
	u8 frame[ETH_ZLEN], addr[ETH_ALEN];
	ULONG ulong = 0;
	u64 counter = 0;
	int i;

	KUNIT_EXPECT_EQ(test, vmini_oid(test, fp, vd, NdisRequestQueryInformation,
					OID_802_3_CURRENT_ADDRESS, addr, sizeof(addr)),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, ether_addr_equal(addr, vd->mac));
	KUNIT_EXPECT_EQ(test, vmini_oid(test, fp, vd, NdisRequestQueryInformation,
					OID_802_3_PERMANENT_ADDRESS, addr, sizeof(addr)),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, ether_addr_equal(addr, vd->mac));
	KUNIT_EXPECT_EQ(test, vmini_oid(test, fp, vd, NdisRequestQueryInformation,
					OID_GEN_MAXIMUM_FRAME_SIZE, &ulong, sizeof(ulong)),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ulong, NDIS_VMINI_MTU);
	KUNIT_EXPECT_EQ(test, vmini_oid(test, fp, vd, NdisRequestQueryInformation,
					OID_GEN_LINK_STATE, &link, sizeof(link)),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, link.MediaConnectState, MediaConnectStateConnected);
	KUNIT_EXPECT_EQ(test, link.XmitLinkSpeed, NDIS_VMINI_SPEED);

	/* NDIS hands the miniport the merged multicast list too. */
	KUNIT_EXPECT_EQ(test, vmini_oid(test, fp, vd, NdisRequestSetInformation,
					OID_802_3_MULTICAST_LIST, (void *)mcast, sizeof(mcast)),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, vmini_eventually(READ_ONCE(vd->nmcast) == 2));

	/* Three directed frames through loopback, counted both ways. */
	vmini_frame(frame, vd->mac, vd->mac, 1);
	for (i = 0; i < 3; i++)
		KUNIT_ASSERT_EQ(test, ndis_fake_send_frame(fp, vd->name, frame, sizeof(frame)), 0);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->rx_nbls) == 3));
	KUNIT_EXPECT_EQ(test, vmini_oid(test, fp, vd, NdisRequestQueryInformation,
					OID_GEN_STATISTICS, &stats, sizeof(stats)),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, stats.Header.Revision, NDIS_STATISTICS_INFO_REVISION_1);
	KUNIT_EXPECT_EQ(test, stats.ifHCOutUcastPkts, 3ULL);
	KUNIT_EXPECT_EQ(test, stats.ifHCInUcastPkts, 3ULL);
	KUNIT_EXPECT_EQ(test, stats.ifHCOutOctets, 3ULL * ETH_ZLEN);
	KUNIT_EXPECT_EQ(test, stats.ifHCInBroadcastPkts, 0ULL);
	KUNIT_EXPECT_EQ(test, vmini_oid(test, fp, vd, NdisRequestQueryInformation,
					OID_GEN_XMIT_OK, &counter, sizeof(counter)),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, counter, 3ULL);
	KUNIT_EXPECT_EQ(test, vmini_oid(test, fp, vd, NdisRequestQueryInformation,
					OID_GEN_RCV_OK, &ulong, sizeof(ulong)),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ulong, 3U);
	KUNIT_EXPECT_EQ(test, vmini_oid(test, fp, vd, NdisRequestQueryInformation,
					OID_GEN_STATISTICS, &ulong, sizeof(ulong)),
			NDIS_STATUS_BUFFER_TOO_SHORT);
	KUNIT_EXPECT_EQ(test, vmini_oid(test, fp, vd, NdisRequestQueryInformation,
					OID_GEN_VENDOR_ID, &ulong, sizeof(ulong)),
			NDIS_STATUS_NOT_SUPPORTED);
}

static void hub_delivers_to_every_other_adapter(struct kunit *test)
{
	static const u8 bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct ndis_vmini_dev *vd[4];
	struct ndis_fake_protocol *fp;
	u8 frame[ETH_ZLEN];

	vd[0] = vmini_new(test, 720, 5);
	vd[1] = vmini_new(test, 721, 5);
	vd[2] = vmini_new(test, 722, 5);
	vd[3] = vmini_new(test, 723, 6);	/* another hub hears nothing */
	fp = vmini_bind(test, vd, 4, VMINI_FILTER);

	vmini_frame(frame, bcast, vd[0]->mac, 3);
	KUNIT_ASSERT_EQ(test, ndis_fake_send_frame(fp, vd[0]->name, frame, sizeof(frame)), 0);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->rx_nbls) == 2));
	KUNIT_EXPECT_EQ(test, vmini_stat(&vd[1]->stats.rx[NDIS_VMINI_BCAST]), 1ULL);
	KUNIT_EXPECT_EQ(test, vmini_stat(&vd[2]->stats.rx[NDIS_VMINI_BCAST]), 1ULL);
	KUNIT_EXPECT_EQ(test, vmini_stat(&vd[0]->stats.rx[NDIS_VMINI_BCAST]), 0ULL);
	KUNIT_EXPECT_EQ(test, vmini_stat(&vd[3]->stats.rx[NDIS_VMINI_BCAST]), 0ULL);
	KUNIT_EXPECT_EQ(test, fp->rx_last_len, (unsigned int)ETH_ZLEN);
	KUNIT_EXPECT_EQ(test, memcmp(fp->rx_last, frame, ETH_ZLEN), 0);

	/* Directed to 722: only it indicates; 721's hardware filter drops it. */
	vmini_frame(frame, vd[2]->mac, vd[0]->mac, 9);
	KUNIT_ASSERT_EQ(test, ndis_fake_send_frame(fp, vd[0]->name, frame, sizeof(frame)), 0);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->rx_nbls) == 3));
	KUNIT_EXPECT_STREQ(test, fp->rx_last_adapter, vd[2]->name);
	KUNIT_EXPECT_EQ(test, memcmp(fp->rx_last, frame, ETH_ZLEN), 0);
	KUNIT_EXPECT_TRUE(test, vmini_eventually(vmini_stat(&vd[1]->stats.rx_filtered) == 1));
	KUNIT_EXPECT_EQ(test, vmini_stat(&vd[3]->stats.rx_filtered), 0ULL);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->rx_nbls), 3);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->send_ok), 2);
}

static void loopback_hears_only_itself(struct kunit *test)
{
	static const u8 bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct ndis_vmini_dev *vd[2];
	struct ndis_fake_protocol *fp;
	u8 frame[ETH_ZLEN];

	vd[0] = vmini_new(test, 730, 0);
	vd[1] = vmini_new(test, 731, 0);
	fp = vmini_bind(test, vd, 2, VMINI_FILTER);
	vmini_frame(frame, bcast, vd[0]->mac, 5);
	KUNIT_ASSERT_EQ(test, ndis_fake_send_frame(fp, vd[0]->name, frame, sizeof(frame)), 0);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->rx_nbls) == 1));
	KUNIT_EXPECT_STREQ(test, fp->rx_last_adapter, vd[0]->name);
	KUNIT_EXPECT_EQ(test, memcmp(fp->rx_last, frame, ETH_ZLEN), 0);
	msleep(100);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->rx_nbls), 1);
	KUNIT_EXPECT_EQ(test, vmini_stat(&vd[1]->stats.rx[NDIS_VMINI_BCAST]), 0ULL);
}

static void multicast_list_is_the_hardware_filter(struct kunit *test)
{
	static const u8 listed[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x07 };
	static const u8 other[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x08 };
	struct ndis_vmini_dev *vd[2];
	struct ndis_fake_protocol *fp;
	u8 frame[ETH_ZLEN];

	vd[0] = vmini_new(test, 740, 7);
	vd[1] = vmini_new(test, 741, 7);
	fp = vmini_bind(test, vd, 2, VMINI_FILTER | NDIS_PACKET_TYPE_MULTICAST);
	KUNIT_ASSERT_EQ(test, vmini_oid(test, fp, vd[1], NdisRequestSetInformation,
					OID_802_3_MULTICAST_LIST, (void *)listed, ETH_ALEN),
			NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_TRUE(test, vmini_eventually(READ_ONCE(vd[1]->nmcast) == 1));
	vmini_frame(frame, other, vd[0]->mac, 1);
	KUNIT_ASSERT_EQ(test, ndis_fake_send_frame(fp, vd[0]->name, frame, sizeof(frame)), 0);
	KUNIT_EXPECT_TRUE(test, vmini_eventually(vmini_stat(&vd[1]->stats.rx_filtered) == 1));
	vmini_frame(frame, listed, vd[0]->mac, 2);
	KUNIT_ASSERT_EQ(test, ndis_fake_send_frame(fp, vd[0]->name, frame, sizeof(frame)), 0);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->rx_nbls) == 1));
	KUNIT_EXPECT_EQ(test, memcmp(fp->rx_last, frame, ETH_ZLEN), 0);
	KUNIT_EXPECT_EQ(test, vmini_stat(&vd[1]->stats.rx[NDIS_VMINI_MCAST]), 1ULL);
}

static void knob_fail_init(struct kunit *test)
{
	ndis_vmini_fail_init = 1;
	KUNIT_EXPECT_EQ(test, ndis_vmini_dev_new(750, 0), -EIO);
	KUNIT_EXPECT_NULL(test, ndis_vmini_dev_find(750));
	KUNIT_EXPECT_EQ(test, ndis_vmini_fail_init, 0U);
	vmini_new(test, 750, 0);
}

static void knob_oid_delay_and_cancel(struct kunit *test)
{
	struct ndis_vmini_dev *vd = vmini_new(test, 760, 0);
	struct ndis_fake_protocol *fp = vmini_bind(test, &vd, 1, VMINI_FILTER);
	NDIS_HANDLE binding = ndis_fake_binding(fp, vd->name);
	int done = atomic_read(&fp->oid_completions);	/* the filter set's among them */
	NDIS_STATISTICS_INFO stats;
	NDIS_OID_REQUEST req;
	unsigned long t0;

	WRITE_ONCE(vd->knobs.oid_delay_ms, 300);
	ndis_fake_oid_init(&req, NdisRequestQueryInformation, OID_GEN_STATISTICS, &stats,
			   sizeof(stats), (PVOID)1);
	t0 = jiffies;
	KUNIT_ASSERT_EQ(test, NdisOidRequest(binding, &req), NDIS_STATUS_PENDING);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->oid_completions) == done + 1));
	KUNIT_EXPECT_GE(test, jiffies_to_msecs(jiffies - t0), 290U);
	KUNIT_EXPECT_EQ(test, fp->last_oid_status, NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, req.DATA.QUERY_INFORMATION.BytesWritten, (UINT)sizeof(stats));

	/* A long delay, then a cancel: aborted at once, completed once. */
	WRITE_ONCE(vd->knobs.oid_delay_ms, 60000);
	ndis_fake_oid_init(&req, NdisRequestQueryInformation, OID_GEN_STATISTICS, &stats,
			   sizeof(stats), (PVOID)2);
	KUNIT_ASSERT_EQ(test, NdisOidRequest(binding, &req), NDIS_STATUS_PENDING);
	NdisCancelOidRequest(binding, (PVOID)2);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->oid_completions) == done + 2));
	KUNIT_EXPECT_EQ(test, fp->last_oid_status, NDIS_STATUS_REQUEST_ABORTED);
	KUNIT_EXPECT_EQ(test, (ULONG_PTR)ndis_fake_oid_slots(&req)[0], 1UL);
	WRITE_ONCE(vd->knobs.oid_delay_ms, 0);
}

static void knob_pause_and_restart_delay(struct kunit *test)
{
	struct ndis_vmini_dev *vd = vmini_new(test, 770, 0);
	struct ndis_fake_protocol *fp = vmini_bind(test, &vd, 1, VMINI_FILTER);
	unsigned long t0;

	WRITE_ONCE(vd->knobs.pause_delay_ms, 300);
	WRITE_ONCE(vd->knobs.restart_delay_ms, 300);
	t0 = jiffies;
	KUNIT_ASSERT_EQ(test, ndis_miniport_set_power(vd->adapter, NdisDeviceStateD3),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_GE(test, jiffies_to_msecs(jiffies - t0), 290U);
	KUNIT_EXPECT_EQ(test, atomic_read(&vd->pauses), 1);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(vd->running));
	KUNIT_EXPECT_EQ(test, READ_ONCE(vd->power), NdisDeviceStateD3);
	KUNIT_EXPECT_EQ(test, ndis_fake_send(fp, vd->name, 1, 1, NULL), -ENODEV);

	t0 = jiffies;
	KUNIT_ASSERT_EQ(test, ndis_miniport_set_power(vd->adapter, NdisDeviceStateD0),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_GE(test, jiffies_to_msecs(jiffies - t0), 290U);
	KUNIT_EXPECT_EQ(test, atomic_read(&vd->restarts), 2);
	KUNIT_EXPECT_TRUE(test, READ_ONCE(vd->running));
	KUNIT_EXPECT_EQ(test, READ_ONCE(vd->power), NdisDeviceStateD0);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->restarts) == 2));
	KUNIT_EXPECT_EQ(test, ndis_fake_send(fp, vd->name, 1, 1, NULL), 0);
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->send_ok) == 1));
}

static void knob_send_delay_reorder_and_cancel(struct kunit *test)
{
	struct ndis_vmini_dev *vd = vmini_new(test, 780, 0);
	struct ndis_fake_protocol *fp = vmini_bind(test, &vd, 1, VMINI_FILTER);
	unsigned int i;

	WRITE_ONCE(vd->knobs.send_delay_ms, 1000);
	WRITE_ONCE(vd->knobs.send_reorder, true);
	KUNIT_ASSERT_EQ(test, ndis_fake_send(fp, vd->name, 4, 1, NULL), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->send_ok), 0);	/* held */
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->send_ok) == 4));
	KUNIT_ASSERT_EQ(test, fp->ndone_tags, 4U);
	for (i = 0; i < 4; i++)
		KUNIT_EXPECT_EQ(test, fp->done_tags[i], 3 - i);

	WRITE_ONCE(vd->knobs.send_delay_ms, 60000);
	WRITE_ONCE(vd->knobs.send_reorder, false);
	KUNIT_ASSERT_EQ(test, ndis_fake_send(fp, vd->name, 3, 2, (PVOID)7), 0);
	NdisCancelSendNetBufferLists(ndis_fake_binding(fp, vd->name), (PVOID)7);
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->send_aborted) == 3));
	WRITE_ONCE(vd->knobs.send_delay_ms, 0);
}

static void knob_drop_sends(struct kunit *test)
{
	static const u8 bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct ndis_vmini_dev *vd[2];
	struct ndis_fake_protocol *fp;
	u8 frame[ETH_ZLEN];
	int i;

	vd[0] = vmini_new(test, 790, 8);
	vd[1] = vmini_new(test, 791, 8);
	fp = vmini_bind(test, vd, 2, VMINI_FILTER);
	WRITE_ONCE(vd[0]->knobs.drop_sends, true);
	vmini_frame(frame, bcast, vd[0]->mac, 4);
	for (i = 0; i < 5; i++)
		KUNIT_ASSERT_EQ(test, ndis_fake_send_frame(fp, vd[0]->name, frame, ETH_ZLEN), 0);
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->send_ok) == 5));
	KUNIT_EXPECT_EQ(test, vmini_stat(&vd[0]->stats.tx_discards), 5ULL);
	msleep(100);
	KUNIT_EXPECT_EQ(test, atomic_read(&fp->rx_nbls), 0);

	WRITE_ONCE(vd[0]->knobs.drop_sends, false);
	KUNIT_ASSERT_EQ(test, ndis_fake_send_frame(fp, vd[0]->name, frame, sizeof(frame)), 0);
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->rx_nbls) == 1));
}

static void knob_fail_sends(struct kunit *test)
{
	static const u8 bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct ndis_vmini_dev *vd[2];
	struct ndis_fake_protocol *fp;
	u8 frame[ETH_ZLEN];
	int i;

	vd[0] = vmini_new(test, 792, 8);
	vd[1] = vmini_new(test, 793, 8);
	fp = vmini_bind(test, vd, 2, VMINI_FILTER);
	WRITE_ONCE(vd[0]->knobs.fail_sends, 2);
	vmini_frame(frame, bcast, vd[0]->mac, 4);
	for (i = 0; i < 3; i++)
		KUNIT_ASSERT_EQ(test, ndis_fake_send_frame(fp, vd[0]->name, frame, ETH_ZLEN), 0);
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->send_other) == 2 &&
					       atomic_read(&fp->send_ok) == 1));
	KUNIT_EXPECT_EQ(test, READ_ONCE(vd[0]->knobs.fail_sends), 0U);
	KUNIT_EXPECT_EQ(test, vmini_stat(&vd[0]->stats.tx_errors), 2ULL);
	/* Only the third reached the wire. */
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->rx_nbls) == 1));
}

static void knob_rx_resources(struct kunit *test)
{
	struct ndis_vmini_dev *vd = vmini_new(test, 800, 0);
	struct ndis_fake_protocol *fp = vmini_bind(test, &vd, 1, VMINI_FILTER);
	u8 frame[ETH_ZLEN];
	int i;

	WRITE_ONCE(vd->knobs.rx_resources, true);
	fp->rx_hold = true;		/* it may not keep them, and does not */
	vmini_frame(frame, vd->mac, vd->mac, 6);
	for (i = 0; i < 3; i++)
		KUNIT_ASSERT_EQ(test, ndis_fake_send_frame(fp, vd->name, frame, sizeof(frame)), 0);
	KUNIT_ASSERT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->rx_resources) == 3));
	KUNIT_EXPECT_EQ(test, fp->rx_nheld, 0U);
	KUNIT_EXPECT_EQ(test, atomic_read(&vd->rx_out), 0);
	KUNIT_EXPECT_EQ(test, memcmp(fp->rx_last, frame, ETH_ZLEN), 0);
}

static void knob_link_down_and_up(struct kunit *test)
{
	struct ndis_vmini_dev *vd = vmini_new(test, 810, 0);
	struct ndis_fake_protocol *fp = vmini_bind(test, &vd, 1, VMINI_FILTER);
	NDIS_LINK_STATE link = {};

	ndis_vmini_set_link(vd, false);
	KUNIT_EXPECT_EQ(test, fp->last_link, MediaConnectStateDisconnected);
	KUNIT_EXPECT_EQ(test, vmini_oid(test, fp, vd, NdisRequestQueryInformation,
					OID_GEN_LINK_STATE, &link, sizeof(link)),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, link.MediaConnectState, MediaConnectStateDisconnected);
	KUNIT_ASSERT_EQ(test, ndis_fake_send(fp, vd->name, 1, 1, NULL), 0);
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->send_other) == 1));

	ndis_vmini_set_link(vd, true);
	KUNIT_EXPECT_EQ(test, fp->last_link, MediaConnectStateConnected);
	KUNIT_ASSERT_EQ(test, ndis_fake_send(fp, vd->name, 1, 1, NULL), 0);
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->send_ok) == 1));
}

static void knob_surprise_removal(struct kunit *test)
{
	struct ndis_vmini_dev *vd = vmini_new(test, 820, 0);
	struct ndis_fake_protocol *fp = vmini_bind(test, &vd, 1, VMINI_FILTER);

	ndis_vmini_surprise_remove(vd);
	KUNIT_EXPECT_TRUE(test, ndis_fake_wait(fp, atomic_read(&fp->unbinds) == 1));
	KUNIT_EXPECT_TRUE(test, vmini_eventually(!ndis_vmini_dev_find(820)));
	KUNIT_EXPECT_EQ(test, ndis_fake_opens(fp), 0);
	KUNIT_EXPECT_EQ(test, ndis_vmini_dev_del(820), -ENODEV);
}

static struct kunit_case ndis_vmini_cases[] = {
	KUNIT_CASE(device_lifecycle),
	KUNIT_CASE(oids_standard_and_statistics),
	KUNIT_CASE(hub_delivers_to_every_other_adapter),
	KUNIT_CASE(loopback_hears_only_itself),
	KUNIT_CASE(multicast_list_is_the_hardware_filter),
	KUNIT_CASE(knob_fail_init),
	KUNIT_CASE(knob_oid_delay_and_cancel),
	KUNIT_CASE(knob_pause_and_restart_delay),
	KUNIT_CASE(knob_send_delay_reorder_and_cancel),
	KUNIT_CASE(knob_drop_sends),
	KUNIT_CASE(knob_fail_sends),
	KUNIT_CASE(knob_rx_resources),
	KUNIT_CASE(knob_link_down_and_up),
	KUNIT_CASE(knob_surprise_removal),
	{}
};

static struct kunit_suite ndis_vmini_suite = {
	.name = "ndis_vmini",
	.test_cases = ndis_vmini_cases,
};

kunit_test_suite(ndis_vmini_suite);
