#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The example protocol driver: binds to every Ethernet adapter, counts
# frames per EtherType, sends on demand, unbinds itself on link down and
# comes back on link up (through ndis_vmini's knob and a real NIC), and
# unloads with bindings live.
. /ndis/common.sh

root=/sys/kernel/ndis
misuse0=$(cat $root/api_misuse)	# ndis.ko may have counted some before us
ec=/sys/kernel/ethercount
knobs=/sys/kernel/debug/ndis_vmini

count_of() { awk -v t="$2" '$1 == t { print $2 }' "$ec/$1/counts"; }
count_is() { [ "$(count_of "$1" "$2")" = "$3" ]; }

set -- $(nics_of e1000)
e0=$1 e1=$2
ip link set "$e0" up
ip link set "$e1" up
insmod $NDIS_DIR/modules/ndis_vmini.ko devices=2
insmod $NDIS_DIR/modules/ndis_netdev.ko
t_check "insmod ethercount.ko" insmod $NDIS_DIR/modules/ethercount.ko
for a in vmini0 vmini1 "nd-$e0" "nd-$e1"; do
	t_check "ethercount bound to $a" eventually state_is "$root/bindings/ethercount:$a" running
	t_check "counts for $a in sysfs" test -r "$ec/$a/counts"
done

for i in 1 2 3; do
	echo 1 >$ec/vmini0/send
done
t_check "3 frames sent on vmini0 counted as 0x88b5 on vmini1" eventually count_is vmini1 0x88b5 3
t_check "carrier on both e1000 NICs" eventually sh -c \
	"grep -q 1 /sys/class/net/$e0/carrier && grep -q 1 /sys/class/net/$e1/carrier"
echo 1 >"$ec/nd-$e0/send"
t_check "a frame sent on nd-$e0 counted on nd-$e1" eventually count_is "nd-$e1" 0x88b5 1

# Link down: the driver asks for its own unbind; link up: it binds again.
# The close and the reopen pend (ndis's knobs), as they may on Windows.
params=/sys/module/ndis/parameters
echo 1 >$params/pend_closes
echo 1 >$params/pend_opens
echo 0 >$knobs/vmini1/link
t_check "vmini1 link down: ethercount unbound itself" eventually \
	test ! -e "$root/bindings/ethercount:vmini1"
# The driver's rescan (every second) makes NDIS offer the adapter again, and
# each offer shows a binding in sysfs until the driver refuses it: the
# binding is never up, and the driver's own directory never comes.
t_check "vmini1 not rebound while its link is down" sh -c \
	"sleep 2; test ! -e $ec/vmini1 && ! grep -qsx running $root/bindings/ethercount:vmini1/state"
t_check "other bindings untouched" state_is "$root/bindings/ethercount:vmini0" running
echo 1 >$knobs/vmini1/link
t_check "vmini1 link up: ethercount bound again" eventually \
	state_is "$root/bindings/ethercount:vmini1" running
echo 0 >$params/pend_closes
echo 0 >$params/pend_opens
echo 1 >$ec/vmini0/send
t_check "counting again on the new binding" eventually count_is vmini1 0x88b5 1

ip link set "$e1" down
t_check "real NIC down: ethercount unbound nd-$e1" eventually \
	test ! -e "$root/bindings/ethercount:nd-$e1"
ip link set "$e1" up
t_check "real NIC up: ethercount bound nd-$e1 again" eventually \
	state_is "$root/bindings/ethercount:nd-$e1" running

t_check "rmmod ethercount with live bindings" rmmod ethercount
t_check "its sysfs directory gone" test ! -e $ec
t_check "rmmod ndis_netdev and ndis_vmini" sh -c "rmmod ndis_netdev && rmmod ndis_vmini"
t_eq "registry empty" 0 \
	"$(find $root/miniports $root/adapters $root/protocols $root/bindings -mindepth 1 | wc -l)"
t_eq "no API misuse" "$misuse0" "$(cat $root/api_misuse)"
