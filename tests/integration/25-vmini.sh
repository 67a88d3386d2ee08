#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# ndis_vmini on a stock kernel: devices made and removed from user space,
# probe frames across a hub byte for byte, the link and surprise-removal
# knobs, and rmmod with live bindings in either order.
. /ndis/common.sh

root=/sys/kernel/ndis
misuse0=$(cat $root/api_misuse)	# ndis.ko may have counted some before us
bus=/sys/bus/ndis_vmini
knobs=/sys/kernel/debug/ndis_vmini
probe=/sys/kernel/debug/ndis_itest

t_check "insmod ndis_vmini.ko devices=2" insmod $NDIS_DIR/modules/ndis_vmini.ko devices=2
t_check "vmini0 and vmini1 listed" test -d $root/adapters/vmini0 -a -d $root/adapters/vmini1
t_eq "vmini0 miniport" ndis_vmini "$(cat $root/adapters/vmini0/miniport)"
t_eq "vmini1 stable MAC" 02:76:6d:00:00:01 "$(cat $root/adapters/vmini1/mac_address)"
t_eq "vmini0 running" running "$(cat $root/adapters/vmini0/state)"
t_check "per-device knobs in debugfs" test -f $knobs/vmini0/oid_delay_ms -a \
	-f $knobs/vmini0/send_reorder -a -f $knobs/vmini0/surprise_remove -a -f $knobs/fail_init

t_check "new_device 300 in hub 2" sh -c "echo '300 2' >$bus/new_device"
t_check "vmini300 listed" test -d $root/adapters/vmini300
t_check "new_device with a used id refused" sh -c "! echo '300 2' 2>/dev/null >$bus/new_device"
t_check "new_device with garbage refused" sh -c "! echo 'x' 2>/dev/null >$bus/new_device"
t_check "del_device 300" sh -c "echo 300 >$bus/del_device"
t_check "vmini300 gone" test ! -e $root/adapters/vmini300
t_check "del_device of an unknown id refused" sh -c "! echo 300 2>/dev/null >$bus/del_device"
echo 1 >$knobs/fail_init
t_check "fail_init knob makes new_device fail" sh -c "! echo 301 2>/dev/null >$bus/new_device"
t_check "no adapter left by the failed initialize" test ! -e $root/adapters/vmini301

t_check "insmod ndis_fake.ko" insmod $NDIS_DIR/modules/ndis_fake.ko
t_check "insmod ndis_itest.ko" insmod $NDIS_DIR/modules/ndis_itest.ko
for a in vmini0 vmini1; do
	t_check "itest_proto bound to $a" eventually state_is $root/bindings/itest_proto:$a running
	# Directed and broadcast: what a plain protocol asks for.
	echo "filter $a 9" >$probe/ctl
done
t_check "50 probe frames sent on vmini0" sh -c "echo 'send vmini0 50' >$probe/ctl"
t_check "vmini1 heard all 50 intact" eventually probe_is vmini1 "50 0"
t_eq "vmini0 does not hear itself in a hub" "0 0" "$(probe_count vmini0)"

# Each adapter is an NDIS interface with an index of its own; a driver
# (ndis_itest here) stacks one over the other, sysfs and ndisctl show it.
bin=$NDIS_DIR/bin
i0=$(cat $root/adapters/vmini0/if_index)
i1=$(cat $root/adapters/vmini1/if_index)
t_check "vmini0 and vmini1 have distinct non-zero if_index" \
	test "$i0" -gt 0 -a "$i1" -gt 0 -a "$i0" != "$i1"
t_check "ndisctl list adapters shows if_index" \
	sh -c "$bin/ndisctl list adapters | grep -q '^vmini1 *$i1 '"
t_eq "if_stack empty at first" "" "$(cat $root/if_stack)"
t_check "NdisIfAddIfStackEntry vmini0 over vmini1" sh -c "echo 'if-stack add $i0 $i1' >$probe/ctl"
t_check "the same again: no duplicate" sh -c "echo 'if-stack add $i0 $i1' >$probe/ctl"
t_check "an unknown index not found" sh -c "! echo 'if-stack add $i0 999999' 2>/dev/null >$probe/ctl"
t_eq "if_stack has the entry once" "$i0 $i1" "$(cat $root/if_stack)"
t_check "ndisctl if-stack names the adapters" \
	sh -c "$bin/ndisctl if-stack | grep -q '^$i0 *vmini0 *$i1 *vmini1\$'"
t_check "NdisIfDeleteIfStackEntry" sh -c "echo 'if-stack del $i0 $i1' >$probe/ctl"
t_eq "if_stack empty again" "" "$(cat $root/if_stack)"
t_check "ndisctl if-stack says so" sh -c "$bin/ndisctl if-stack | grep -q 'no interface stack entries'"
t_check "vmini1 over vmini0, for the removal below" \
	sh -c "echo 'if-stack add $i1 $i0' >$probe/ctl"

echo 0 >$knobs/vmini1/link
t_eq "link knob: adapter link down" down "$(cat $root/adapters/vmini1/link)"
t_check "nothing heard while the cable is out" sh -c "echo 'send vmini0 5' >$probe/ctl"
sleep 0.3
t_eq "vmini1 still at 50" "50 0" "$(probe_count vmini1)"
echo 1 >$knobs/vmini1/link
t_eq "link knob: adapter link up" up "$(cat $root/adapters/vmini1/link)"

# Power: D3 pauses the adapter and its bindings; a restart that fails on
# the way back leaves both paused in D0; the next wake runs them again.
b1=$root/bindings/itest_proto:vmini1
t_check "power knob: vmini1 to D3" sh -c "echo 3 >$knobs/vmini1/power"
t_eq "in D3 the adapter is paused" paused "$(cat $root/adapters/vmini1/state)"
t_eq "... and so is its binding" paused "$(cat $b1/state)"
t_check "power knob refuses D4" sh -c "! echo 4 2>/dev/null >$knobs/vmini1/power"
echo 1 >$knobs/vmini1/fail_restarts
t_check "vmini1 back to D0 (the miniport was told)" sh -c "echo 0 >$knobs/vmini1/power"
t_eq "a failed restart leaves the adapter paused" paused "$(cat $root/adapters/vmini1/state)"
t_eq "... and its binding" paused "$(cat $b1/state)"
t_eq "fail_restarts counted down" 0 "$(cat $knobs/vmini1/fail_restarts)"
discards() { awk '$1 == "rx_discards" { print $2 }' $knobs/vmini1/stats; }
discards_are() { [ "$(discards)" = "$1" ]; }
d0=$(discards)
t_check "5 frames sent towards the paused vmini1" sh -c "echo 'send vmini0 5' >$probe/ctl"
t_check "the paused vmini1 discards them" eventually discards_are $((d0 + 5))
t_eq "vmini1 still at 50 while paused" "50 0" "$(probe_count vmini1)"
t_check "a sleep and a wake try the restart again" sh -c \
	"echo 3 >$knobs/vmini1/power && echo 0 >$knobs/vmini1/power"
t_eq "vmini1 running again" running "$(cat $root/adapters/vmini1/state)"
t_check "its binding running again" eventually state_is $b1 running
t_check "vmini1 hears again" sh -c "echo 'send vmini0 5' >$probe/ctl"
t_check "vmini1 heard 5 more" eventually probe_is vmini1 "55 0"

t_check "surprise_remove knob accepted" sh -c "echo 1 >$knobs/vmini1/surprise_remove"
t_check "vmini1 unbound and gone" eventually test ! -e $root/adapters/vmini1 -a \
	! -e $root/bindings/itest_proto:vmini1
t_check "its knob directory gone" eventually test ! -e $knobs/vmini1
t_eq "its interface stack entry deleted with it" "" "$(cat $root/if_stack)"

t_check "rmmod ndis_vmini with a live binding" rmmod ndis_vmini
t_check "binding to vmini0 gone" test ! -e $root/bindings/itest_proto:vmini0
t_check "rmmod ndis_itest" rmmod ndis_itest
t_check "rmmod ndis_fake" rmmod ndis_fake

# The other order: the protocol goes first.
insmod $NDIS_DIR/modules/ndis_vmini.ko devices=1 && insmod $NDIS_DIR/modules/ndis_fake.ko &&
	insmod $NDIS_DIR/modules/ndis_itest.ko
t_check "bound again after reload" eventually state_is $root/bindings/itest_proto:vmini0 running
t_check "rmmod ndis_itest before ndis_vmini" rmmod ndis_itest
t_check "rmmod ndis_fake again" rmmod ndis_fake
t_check "rmmod ndis_vmini" rmmod ndis_vmini
t_eq "registry empty" 0 \
	"$(find $root/miniports $root/adapters $root/protocols $root/bindings -mindepth 1 | wc -l)"
t_eq "no API misuse" "$misuse0" "$(cat $root/api_misuse)"
