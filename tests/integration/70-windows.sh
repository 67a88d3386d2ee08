#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The two Windows-style test drivers, built outside this tree against the
# installed SDK (headers and Module.symvers), as a driver author builds
# a port: winmini (a virtual miniport with timers, a work item, lookaside
# lists, configuration and MDL walks) and winprot (a protocol with a
# user-mode device). winprot_check drives winprot's device on two winmini
# adapters: frames both ways byte for byte, OIDs, a configured
# NetworkAddress, a pended read cancelled by a signal. Both unload clean.
. /ndis/common.sh

root=/sys/kernel/ndis
misuse0=$(cat $root/api_misuse)	# ndis.ko may have counted some before us
bin=$NDIS_DIR/bin
cfg=/sys/kernel/config
nd=$cfg/ndis
mac1=02:00:5e:00:53:42

grep -q " $cfg configfs " /proc/mounts || mount -t configfs configfs $cfg
# The administrator configures winmini1 before the driver loads.
t_check "configure winmini1's NetworkAddress" \
	$bin/ndisctl config set winmini/winmini1 NetworkAddress $mac1
t_check "configure winmini1's ReceiveDelay" \
	$bin/ndisctl config set winmini/winmini1 ReceiveDelay 2

t_check "insmod winmini.ko (built out of tree)" insmod $NDIS_DIR/modules/winmini.ko adapters=2
for a in winmini0 winmini1; do
	t_check "$a started" eventually state_is $root/adapters/$a running
done
t_eq "winmini1's current MAC is its NetworkAddress" $mac1 \
	"$(cat $root/adapters/winmini1/mac_address)"
t_check "insmod winprot.ko (built out of tree)" insmod $NDIS_DIR/modules/winprot.ko
t_check "/dev/ndis/winprot exists" test -c /dev/ndis/winprot
for a in winmini0 winmini1; do
	t_check "winprot bound to $a" eventually state_is $root/bindings/winprot:$a running
done

$bin/winprot_check winmini0 winmini1 $mac1
t_eq "winprot_check exit status" 0 "$?"

t_check "rmmod winprot" rmmod winprot
t_check "/dev/ndis/winprot is gone" test ! -e /dev/ndis/winprot
t_check "rmmod winmini" rmmod winmini
t_check "ndisctl config unset winmini" $bin/ndisctl config unset winmini
t_eq "registry empty" 0 \
	"$(find $root/miniports $root/adapters $root/protocols $root/bindings -mindepth 1 | wc -l)"
t_eq "no API misuse" "$misuse0" "$(cat $root/api_misuse)"
