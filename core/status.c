// SPDX-License-Identifier: GPL-2.0
/*
 * The adapter's run-time attributes: link, MTU and current address. They
 * start as the miniport's general attributes and follow its status
 * indications (ddi/status.c); OID queries, the sysfs view and later binds
 * report them. Any context: writers store each field whole, and the
 * address, wider than a word, is read under a seqlock.
 */
#include "adapter.h"

void ndis_adapter_current_mac(struct ndis_adapter *a, u8 *out, unsigned int len)
{
	unsigned int seq;

	do {
		seq = read_seqbegin(&a->mp.mac_lock);
		memcpy(out, a->mp.attrs.CurrentMacAddress, len);
	} while (read_seqretry(&a->mp.mac_lock, seq));
}

void ndis_adapter_set_link(struct ndis_adapter *a, u32 connect, u32 duplex, u64 xmit_speed,
			   u64 rcv_speed)
{
	/* Indications may race on several CPUs: each change counts once. */
	if (xchg(&a->mp.attrs.MediaConnectState, connect) != connect)
		atomic_inc(&a->mp.media_sense_count);
	WRITE_ONCE(a->mp.attrs.MediaDuplexState, duplex);
	WRITE_ONCE(a->mp.attrs.XmitLinkSpeed, xmit_speed);
	WRITE_ONCE(a->mp.attrs.RcvLinkSpeed, rcv_speed);
}

void ndis_adapter_set_mtu(struct ndis_adapter *a, u32 mtu)
{
	if (mtu)
		WRITE_ONCE(a->mp.attrs.MtuSize, mtu);
}

/* The medium's address length never changes: another length is ignored. */
void ndis_adapter_set_mac(struct ndis_adapter *a, const u8 *addr, unsigned int len)
{
	unsigned long flags;

	if (len != a->mp.attrs.MacAddressLength)
		return;
	write_seqlock_irqsave(&a->mp.mac_lock, flags);
	memcpy(a->mp.attrs.CurrentMacAddress, addr, len);
	write_sequnlock_irqrestore(&a->mp.mac_lock, flags);
}
