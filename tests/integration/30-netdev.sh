#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# ndis_netdev on a stock kernel with two virtio-net and two e1000 NICs
# wired in pairs: an adapter per NIC, probe frames across each pair byte
# for byte in both directions, link/MTU/address changes seen by NDIS, an
# adapter renamed with its NIC, a packet tap only while a filter asks for
# frames, the
# guest's own IP networking still working (ping across a namespace; a NIC
# in another namespace has no adapter), a
# NIC unplugged under traffic and plugged back, and rmmod in either order.
# No NIC may change state because the module was loaded or unloaded.
. /ndis/common.sh

root=/sys/kernel/ndis
misuse0=$(cat $root/api_misuse)	# ndis.ko may have counted some before us
ctl=/sys/kernel/debug/ndis_itest/ctl

# Every NIC's flags, MTU and addresses, and the multicast lists. Carrier
# comes and goes on its own, and IPv6 adds its solicited-node group
# (33:33:ff:..) when address configuration gets to it: both left out.
link_snapshot() {
	ip -o link show | grep -v ': lo:' |
		sed -E 's/^[0-9]+: //; s/NO-CARRIER,//; s/,LOWER_UP//; s/ state [A-Z]+//'
	grep -v ' lo ' /proc/net/dev_mcast | grep -v ' 3333ff'
}

# bound NIC: itest_proto's binding to the NIC's adapter is running, with a
# directed + broadcast packet filter.
bound() {
	eventually state_is "$root/bindings/itest_proto:nd-$1" running &&
		echo "filter nd-$1 9" >$ctl
}

ok_count() { probe_count "nd-$1" | cut -d' ' -f1; }

# Packet taps of ndis_netdev registered (one per NIC whose filter is set).
taps() { grep -c ndis_netdev_rx /proc/net/ptype; }

# send_and_check FROM TO N: N probe frames sent on FROM arrive at TO intact.
send_and_check() {
	local from=$1 to=$2 n=$3 start
	start=$(ok_count "$to")
	echo "send nd-$from $n" >$ctl &&
		eventually probe_is "nd-$to" "$((start + n)) 0" &&
		sleep 0.3 && probe_is "nd-$to" "$((start + n)) 0"
}

wired_nics
t_check "two virtio-net and two e1000 NICs found" test -n "$v1" -a -n "$e1"
for n in $v0 $v1 $e0 $e1; do
	ip link set "$n" up
done
t_check "carrier on every NIC" eventually sh -c \
	"grep -q 1 /sys/class/net/$e1/carrier && grep -q 1 /sys/class/net/$v1/carrier"
before=$(link_snapshot)

t_check "insmod ndis_netdev.ko" insmod $NDIS_DIR/modules/ndis_netdev.ko
for n in $v0 $v1 $e0 $e1; do
	t_check "adapter nd-$n ($(nic_driver "$n"))" eventually test -d "$root/adapters/nd-$n"
done
t_eq "adapter MAC is the NIC's" "$(cat /sys/class/net/$e0/address)" \
	"$(cat $root/adapters/nd-$e0/mac_address)"
t_eq "adapter MTU is the NIC's" 1500 "$(cat $root/adapters/nd-$v0/mtu)"
t_eq "adapter link follows carrier" up "$(cat $root/adapters/nd-$v0/link)"
t_eq "adapter miniport" ndis_netdev "$(cat $root/adapters/nd-$v0/miniport)"
t_eq "loading changed no NIC" "$before" "$(link_snapshot)"
t_eq "no packet tap while no protocol asks for frames" 0 "$(taps)"

t_check "insmod ndis_fake.ko" insmod $NDIS_DIR/modules/ndis_fake.ko
t_check "insmod ndis_itest.ko" insmod $NDIS_DIR/modules/ndis_itest.ko
for n in $v0 $v1 $e0 $e1; do
	t_check "itest_proto bound to nd-$n" bound "$n"
done
t_eq "a packet tap on each NIC once its filter is set" 4 "$(taps)"
t_check "virtio $v0 -> $v1: 40 frames intact" send_and_check "$v0" "$v1" 40
t_check "virtio $v1 -> $v0: 40 frames intact" send_and_check "$v1" "$v0" 40
t_check "e1000 $e0 -> $e1: 40 frames intact" send_and_check "$e0" "$e1" 40
t_check "e1000 $e1 -> $e0: 40 frames intact" send_and_check "$e1" "$e0" 40
t_eq "no frame crossed between the pairs (virtio)" "40 0" "$(probe_count "nd-$v0")"
t_eq "no frame crossed between the pairs (e1000)" "40 0" "$(probe_count "nd-$e0")"
t_check "send counters visible in debugfs" \
	grep -q . /sys/kernel/debug/ndis_netdev/nd-$v0/stats

# What the NIC does, NDIS sees: carrier, MTU and address.
ip link set "$e1" down
t_check "NIC down: adapter link down" eventually sh -c \
	"[ \$(cat $root/adapters/nd-$e1/link) = down ]"
mac=$(cat /sys/class/net/$e1/address)
ip link set "$e1" mtu 1400
ip link set "$e1" address 02:11:22:33:44:55
t_check "MTU change reaches the adapter" eventually sh -c \
	"[ \$(cat $root/adapters/nd-$e1/mtu) = 1400 ]"
t_check "address change reaches the adapter" eventually sh -c \
	"[ \$(cat $root/adapters/nd-$e1/mac_address) = 02:11:22:33:44:55 ]"
ip link set "$e1" mtu 1500
ip link set "$e1" address "$mac"
ip link set "$e1" up
t_check "NIC up: adapter link up" eventually sh -c \
	"[ \$(cat $root/adapters/nd-$e1/link) = up ]"
t_check "frames flow again after the link came back" send_and_check "$e0" "$e1" 10

# The adapter follows its NIC's name, and the old name is free again.
ip link set "$e1" down
ip link set "$e1" name ndren0
ip link set ndren0 up
t_check "renamed NIC: adapter nd-ndren0" eventually test -d "$root/adapters/nd-ndren0"
t_check "renamed NIC: nd-$e1 gone" eventually test ! -e "$root/adapters/nd-$e1"
t_check "itest_proto bound to the renamed adapter" bound ndren0
t_check "frames reach the renamed adapter" send_and_check "$e0" ndren0 10
ip link set ndren0 down
ip link set ndren0 name "$e1"
ip link set "$e1" up
t_check "renamed back: adapter nd-$e1 again, not nd-$e1-1" eventually sh -c \
	"[ -d $root/adapters/nd-$e1 ] && [ ! -e $root/adapters/nd-$e1-1 ]"
t_check "renamed back: nd-ndren0 gone" eventually test ! -e "$root/adapters/nd-ndren0"
t_check "itest_proto bound to nd-$e1 again" bound "$e1"
t_check "frames flow after the renames" send_and_check "$e0" "$e1" 10

# The guest's own networking, with the stack loaded: ping from v0 to v1
# in another namespace, so the packets really cross the wire.
unshare -n sleep 600 &
ns=$!
# Moving the NIC to the pid's namespace before unshare made one moves nothing.
eventually sh -c "[ \"\$(readlink /proc/$ns/ns/net)\" != \"\$(readlink /proc/1/ns/net)\" ]"
ip link set "$v1" netns $ns
nsenter -t $ns -n ip link set "$v1" up
nsenter -t $ns -n ip addr add 10.99.0.2/24 dev "$v1"
ip addr add 10.99.0.1/24 dev "$v0"
t_check "IP ping across the virtio pair with the stack loaded" ping -c 3 -W 5 10.99.0.2
# A TCP stream into v0 comes up as GRO super-frames, which ndis_netdev
# cuts into wire frames for the tapping protocol, on a private copy of
# their headers: the host's own super-frames must stay as they were, so
# the stream arrives whole.
segmented() { sed -n 's/^rx_segmented //p' /sys/kernel/debug/ndis_netdev/nd-$v0/stats; }
t_check "itest_proto taps nd-$v0" bound "$v0"
seg0=$(segmented)
dd if=/dev/urandom of=/tmp/stream bs=1k count=4096 2>/dev/null
rm -f /tmp/stream.got
nc -l -p 5001 -e sh -c 'cat >/tmp/stream.got' &
listener=$!
listening() { cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | grep -q ":$1 [0-9A-F]*:0000 0A"; }
t_check "the stream's receiver listens" eventually listening 1389
t_check "a 4 MiB TCP stream sent from the namespace" sh -c \
	"nsenter -t $ns -n timeout 60 nc 10.99.0.1 5001 </tmp/stream"
t_check "the stream's receiver finished" eventually_long sh -c "! kill -0 $listener 2>/dev/null"
t_check "the stream arrived whole while nd-$v0 was tapped" cmp /tmp/stream /tmp/stream.got
t_check "ndis_netdev cut GRO super-frames of it into wire frames" \
	test "$(segmented)" -gt "$seg0"
kill $listener 2>/dev/null
rm -f /tmp/stream /tmp/stream.got
# What GRO never makes: an LRO-style TCP frame, checksum verified but not
# CHECKSUM_PARTIAL, whose cutting writes the TCP checksum field. The stack
# shares the frame with every tap: ndis_netdev must cut a copy of its own.
seg0=$(segmented)
t_check "an LRO frame shared with the stack is left as it was (defect 11)" \
	sh -c "echo 'gso-inject $v0' >$ctl"
t_check "... though ndis_netdev cut it into wire frames" test "$(segmented)" -gt "$seg0"
t_check "NIC moved to another namespace loses its adapter" eventually \
	test ! -e "$root/adapters/nd-$v1"
t_check "its binding went with it" test ! -e "$root/bindings/itest_proto:nd-$v1"
kill $ns
wait $ns 2>/dev/null
ip addr del 10.99.0.1/24 dev "$v0"
t_check "NIC back from the dead namespace" eventually test -e "/sys/class/net/$v1"
t_check "back in the initial namespace, it has its adapter again" eventually \
	test -d "$root/adapters/nd-$v1"
ip link set "$v1" up
t_check "itest_proto bound to nd-$v1 again" bound "$v1"

# Unplug a NIC while it sends, then plug it back. (Not sending the other
# way: a frame QEMU's hub holds for a NIC being unplugged stalls the
# sender's queue until the unplug completes.)
marker hotplug
(
	while :; do
		echo "send nd-$v1 5" >$ctl 2>/dev/null
	done
) &
traffic=$!
sleep 1
qemu_monitor device_del nic_v1
t_check "virtio NIC unplugged" eventually_long test ! -e "/sys/class/net/$v1"
t_check "its adapter surprise-removed" eventually test ! -e "$root/adapters/nd-$v1"
t_check "its binding gone" test ! -e "$root/bindings/itest_proto:nd-$v1"
kill $traffic
wait $traffic 2>/dev/null
t_check "the other NIC's binding untouched" state_is "$root/bindings/itest_proto:nd-$v0" running
t_check "virtio NIC plugged back" replug_virtio "$v0"
v1=$REPLUGGED
t_check "replugged NIC gets an adapter" eventually test -d "$root/adapters/nd-$v1"
t_check "itest_proto binds to it again" bound "$v1"
t_check "carrier on the replugged NIC" eventually grep -q 1 "/sys/class/net/$v1/carrier"
t_check "frames reach the replugged NIC intact" send_and_check "$v0" "$v1" 20

# Unload in both orders with bindings live; unloading changes no NIC.
before=$(link_snapshot)
t_check "rmmod ndis refused while ndis_netdev uses it" sh -c "! rmmod ndis 2>/dev/null"
t_check "rmmod ndis_netdev with live bindings" rmmod ndis_netdev
t_check "no netdev adapter left" sh -c "! ls $root/adapters | grep -q '^nd-'"
t_eq "unloading changed no NIC" "$before" "$(link_snapshot)"
insmod $NDIS_DIR/modules/ndis_netdev.ko
t_check "adapters back after reload" eventually test -d "$root/bindings/itest_proto:nd-$e0"
t_eq "bound again, no filter yet: no packet tap" 0 "$(taps)"
t_check "itest_proto sets the filter of nd-$e0" bound "$e0"
t_eq "a packet tap on that NIC alone" 1 "$(taps)"
t_check "frames flow as soon as the filter set completed" send_and_check "$e1" "$e0" 10
t_check "rmmod ndis_itest before ndis_netdev" rmmod ndis_itest
t_check "its close took the packet tap off" eventually sh -c \
	"[ \$(grep -c ndis_netdev_rx /proc/net/ptype) = 0 ]"
t_check "rmmod ndis_fake" rmmod ndis_fake
t_check "rmmod ndis_netdev" rmmod ndis_netdev
t_eq "unloading in the other order changed no NIC" "$before" "$(link_snapshot)"
t_eq "registry empty" 0 \
	"$(find $root/miniports $root/adapters $root/protocols $root/bindings -mindepth 1 | wc -l)"
t_eq "no API misuse" "$misuse0" "$(cat $root/api_misuse)"
