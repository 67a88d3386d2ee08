#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# ndisprot and ndisctl on the guest's real NICs (through ndis_netdev):
# frames between the wired NICs byte for byte (batched both ways; full-size
# ones lent to the NIC, seen intact by a tap), an ARP
# request answered by the guest's own stack, the asynchronous send window,
# failures reported later, an unbind with a full window (on ndis_vmini,
# which can hold completions back or fail them), every documented errno
# for bad input, a write after unbind, a blocked read when its NIC is
# unplugged, rmmod refused while a file is open and waiting for frames in
# flight.
. /ndis/common.sh

root=/sys/kernel/ndis
misuse0=$(cat $root/api_misuse)	# ndis.ko may have counted some before us
bin=$NDIS_DIR/bin
hexof() { tr -d ' :\n' | tr 'A-F' 'a-f'; }

wired_nics_up
t_check "insmod ndis_netdev.ko" insmod $NDIS_DIR/modules/ndis_netdev.ko
t_check "insmod ndisprot.ko" insmod $NDIS_DIR/modules/ndisprot.ko
t_check "/dev/ndisprot exists" test -c /dev/ndisprot
for n in $v0 $v1 $e0 $e1; do
	t_check "ndisprot bound to nd-$n" eventually state_is "$root/bindings/ndisprot:nd-$n" running
done
t_check "carrier on every NIC" eventually sh -c \
	"grep -q 1 /sys/class/net/$e1/carrier && grep -q 1 /sys/class/net/$v1/carrier"
t_eq "ndisctl adapters lists the four" 4 "$($bin/ndisctl adapters | grep -c 'nd-')"
t_check "ndisctl list shows the bindings" sh -c "$bin/ndisctl list bindings | grep -q 'ndisprot.*nd-$v0'"

# N frames through ndisprot on one NIC arrive, exactly and intact, on the other.
payload=$(i=0; while [ $i -lt 100 ]; do printf '%02x ' $(((i * 7 + 3) % 256)); i=$((i + 1)); done)
xfer() {
	local from=$1 to=$2 n=$3 out=/tmp/rx-$2 mac want
	mac=$(cat /sys/class/net/$from/address | hexof)
	want="ffffffffffff${mac}88b5$(echo "$payload" | hexof)"
	$bin/ndisctl recv "nd-$to" --count "$n" --timeout 60 --ethertype 0x88b5 \
		--filter broadcast >$out 2>$out.err &
	local rx=$!
	eventually_long grep -q listening $out.err || { cat $out.err; return 1; }
	$bin/ndisctl send "nd-$from" --count "$n" --src-self \
		--hex "ff ff ff ff ff ff 00 00 00 00 00 00 88 b5 $payload" >/dev/null || return 1
	wait $rx || { cat $out $out.err; return 1; }
	[ "$(grep -c . $out)" = "$n" ] || { echo "got $(grep -c . $out) lines"; return 1; }
	# Each line: the length, then the frame in hex.
	while read -r len frame; do
		[ "$len" = 114 ] && [ "$(echo "$frame" | hexof)" = "$want" ] ||
			{ echo "bad frame: $len $frame"; return 1; }
	done <$out
}
t_check "ndisctl: 25 frames $v0 -> $v1 (virtio) exactly, byte for byte" xfer "$v0" "$v1" 25
t_check "ndisctl: 25 frames $e1 -> $e0 (e1000) exactly, byte for byte" xfer "$e1" "$e0" 25

# An 802.1Q-tagged frame: the receiving side takes the tag out (e1000 in
# hardware, the stack for virtio), ndis_netdev indicates it out of band
# (Ieee8021QNetBufferListInfo) and ndisprot puts it back: the reader sees
# the frame as sent. Promiscuous, since the NICs filter VLANs they were not
# told of. The tag (TCI) is $3: Linux's e1000 driver keeps only the VLAN id
# of a tag its NIC took out, so the priority travels on virtio alone.
vlan_xfer() {
	local from=$1 to=$2 tci=$3 out=/tmp/rx-vlan-$2 mac want len frame rx
	mac=$(cat /sys/class/net/$from/address | hexof)
	want="ffffffffffff${mac}8100$(echo "$tci" | hexof)88b5$(echo "$payload" | hexof)"
	$bin/ndisctl recv "nd-$to" --count 1 --timeout 60 --ethertype 0x88b5 \
		--filter promiscuous >$out 2>$out.err &
	rx=$!
	eventually_long grep -q listening $out.err || { cat $out.err; return 1; }
	$bin/ndisctl send "nd-$from" --count 1 --src-self \
		--hex "ff ff ff ff ff ff 00 00 00 00 00 00 81 00 $tci 88 b5 $payload" >/dev/null ||
		return 1
	wait $rx || { cat $out $out.err; return 1; }
	read -r len frame <$out
	[ "$len" = 118 ] && [ "$(echo "$frame" | hexof)" = "$want" ] ||
		{ echo "bad frame: $len $frame"; return 1; }
}
t_check "ndisctl: an 802.1Q-tagged frame $v0 -> $v1 (virtio) keeps its tag" \
	vlan_xfer "$v0" "$v1" "a0 64"
t_check "ndisctl: an 802.1Q-tagged frame $e1 -> $e0 (e1000) keeps its VLAN id" \
	vlan_xfer "$e1" "$e0" "00 64"

# The guest's own stack answers an ARP request sent through ndisprot.
ip addr add 10.99.0.2/24 dev "$v1"
$bin/ndisprot_check arp "nd-$v0" 10.99.0.1 10.99.0.2
ip addr del 10.99.0.2/24 dev "$v1"

# Multicast the guest sends to itself comes back as a PACKET_LOOPBACK copy
# with no Ethernet header: indicated, it would look like a frame whose
# EtherType is the first two bytes of the source address (10.99 = 0x0a63).
# Only frames from the wire are indicated.
loopback_not_indicated() {
	local out=/tmp/rx-loop rx rc
	ip addr add 10.99.7.1/24 dev "$v0"
	$bin/ndisctl recv "nd-$v0" --count 1 --timeout 6 --ethertype 0x0a63 \
		--filter promiscuous >$out 2>$out.err &
	rx=$!
	eventually_long grep -q listening $out.err || { ip addr del 10.99.7.1/24 dev "$v0"; return 1; }
	ping -c 3 -i 0.5 -I "$v0" 224.0.0.1 >/dev/null 2>&1
	wait $rx
	rc=$?
	ip addr del 10.99.7.1/24 dev "$v0"
	[ $rc = 1 ] && [ ! -s $out ] || { echo "rc $rc:"; cat $out; return 1; }
}
t_check "ndis_netdev: the host's multicast loopback is not indicated" loopback_not_indicated

# Batches both ways, and their edges, on the virtio pair.
$bin/ndisprot_check batch-errors "nd-$v0" "nd-$v1"

# Full-size frames are lent to the NIC, not copied, then frames of mixed
# lengths reuse their NBLs: byte for byte on both
# NIC models, and a tap on the sending NIC (which makes the kernel copy the
# lent data for itself) sees them intact after their memory was reused.
lent() { sed -n 's/^tx_lent //p' /sys/kernel/debug/ndis_netdev/nd-$1/stats; }
lent0=$(lent "$v0")
$bin/ndisprot_check lend "nd-$v0" "nd-$v1"
$bin/ndisprot_check lend "nd-$e1" "nd-$e0"
$bin/ndisprot_check lend "nd-$v0" "nd-$v1" "$v0"
t_check "ndis_netdev lent the full-size frames instead of copying them" \
	test "$(lent "$v0")" -ge $((lent0 + 256))

# Writes return before their completions; the send window bounds them
# (ndis_vmini holds sends back for 3 s). Frames of a closed file complete
# and count once; failures the adapter reports later are reported once.
stats=/sys/class/misc/ndisprot/stats
knobs=/sys/kernel/debug/ndis_vmini/vmini0
t_check "insmod ndis_vmini.ko devices=2" insmod $NDIS_DIR/modules/ndis_vmini.ko devices=2
t_check "ndisprot bound to vmini0" eventually state_is "$root/bindings/ndisprot:vmini0" running
echo 3000 >$knobs/send_delay_ms
$bin/ndisprot_check window vmini0 3000
t_check "frames of the closed file counted once on the port" \
	eventually grep -q '^vmini0 .* tx_frames=40 tx_errors=0' $stats
echo 0 >$knobs/send_delay_ms
echo 2 >$knobs/fail_sends
$bin/ndisprot_check tx-error vmini0

# An unbind, and a surprise removal, with a full window complete every
# frame before the binding goes.
# full_window_gone ADAPTER WHAT CMD: fill ADAPTER's window, run CMD.
full_window_gone() {
	local out=/tmp/uf-$1 uf
	echo 3000 >/sys/kernel/debug/ndis_vmini/$1/send_delay_ms
	rm -f /tmp/go "$out"
	# Its own file, gone before the helper starts: the shell truncates it
	# only in the child, and a "filled" left by the previous call once let
	# the removal run before this helper had attached.
	$bin/ndisprot_check unbind-full /tmp/go "$1" >"$out" 2>&1 &
	uf=$!
	t_check "$1: window full before the $2" eventually grep -q filled "$out" || cat "$out"
	t_check "$2 of $1 with 32 frames in flight" sh -c "$3"
	t_check "ndisprot:$1 gone" eventually test ! -e "$root/bindings/ndisprot:$1"
	touch /tmp/go
	wait $uf
	t_eq "$1: the window helper's exit status" 0 $?
	grep -v '^filled' "$out"
}
t_check "ndisprot bound to vmini1" eventually state_is "$root/bindings/ndisprot:vmini1" running
full_window_gone vmini0 unbind "echo vmini0 >$root/protocols/ndisprot/unbind"
t_check "rebind vmini0" sh -c "echo vmini0 >$root/protocols/ndisprot/bind"
t_check "vmini0 bound again" eventually state_is "$root/bindings/ndisprot:vmini0" running
full_window_gone vmini1 "surprise removal" \
	"echo 1 >/sys/kernel/debug/ndis_vmini/vmini1/surprise_remove"

# Bad input, each refused with its documented errno.
$bin/ndisprot_check errors "nd-$e0"
$bin/ndisprot_check unprivileged

# A write after its binding was unbound fails cleanly. The close and the
# reopen pend, completing even before the call returns (ndis's knobs).
params=/sys/module/ndis/parameters
echo 2 >$params/pend_closes
echo 2 >$params/pend_opens
rm -f /tmp/go
$bin/ndisprot_check write-after /tmp/go "nd-$e1" >/tmp/wa 2>&1 &
wa=$!
eventually grep -q attached /tmp/wa
t_check "user unbind of ndisprot:nd-$e1" sh -c "echo nd-$e1 >$root/protocols/ndisprot/unbind"
t_check "binding gone" eventually test ! -e "$root/bindings/ndisprot:nd-$e1"
touch /tmp/go
wait $wa
t_eq "write after unbind: ENODEV" "write: No such device" "$(grep '^write:' /tmp/wa)"
t_check "rebind" sh -c "echo nd-$e1 >$root/protocols/ndisprot/bind"
t_check "bound again" eventually state_is "$root/bindings/ndisprot:nd-$e1" running
echo 0 >$params/pend_closes
echo 0 >$params/pend_opens

# A blocked read returns an error when its NIC is unplugged.
$bin/ndisprot_check block-read "nd-$v1" >/tmp/br 2>&1 &
br=$!
eventually grep -q blocked /tmp/br
qemu_monitor device_del nic_v1
t_check "virtio NIC unplugged" eventually_long test ! -e "/sys/class/net/$v1"
t_check "blocked reader woke" eventually grep -q '^read:' /tmp/br
wait $br
t_eq "blocked read after the adapter went: ENODEV" "read: No such device" \
	"$(grep '^read:' /tmp/br)"
t_check "virtio NIC plugged back" replug_virtio "$v0"
v1=$REPLUGGED
t_check "ndisprot bound to nd-$v1 again" eventually \
	state_is "$root/bindings/ndisprot:nd-$v1" running

t_check "ndisctl stats" sh -c "$bin/ndisctl stats | grep -q 'nd-$v0 .*tx_frames=414'"

# rmmod is refused while a file is open, and works once it is closed.
sleep 30 </dev/ndisprot &
holder=$!
eventually sh -c '[ "$(cat /sys/module/ndisprot/refcnt)" -gt 0 ]'
t_check "rmmod ndisprot refused while /dev/ndisprot is open" sh -c "! rmmod ndisprot 2>/dev/null"
kill $holder
wait $holder 2>/dev/null
# rmmod with frames of a closed file still in flight waits for them.
$bin/ndisprot_check window vmini0 3000
t_check "rmmod ndisprot with live bindings and frames in flight" rmmod ndisprot
t_check "rmmod ndis_vmini" rmmod ndis_vmini
# ndis_netdev goes while a tap on the NIC still holds clones of frames it
# lent: the kernel copied their data when it cloned them, so nothing held
# points back into the module or at memory the NBLs reuse.
t_check "insmod ndisprot again" insmod $NDIS_DIR/modules/ndisprot.ko
for n in $v0 $v1; do
	t_check "ndisprot bound to nd-$n again" eventually \
		state_is "$root/bindings/ndisprot:nd-$n" running
done
$bin/ndisprot_check lend "nd-$v0" "nd-$v1" "$v0" "rmmod ndis_netdev"
t_check "ndis_netdev unloaded under the tap" sh -c "! grep -q '^ndis_netdev ' /proc/modules"
t_check "rmmod ndisprot" rmmod ndisprot
t_eq "registry empty" 0 \
	"$(find $root/miniports $root/adapters $root/protocols $root/bindings -mindepth 1 | wc -l)"
t_eq "no API misuse" "$misuse0" "$(cat $root/api_misuse)"
