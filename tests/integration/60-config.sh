#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The configuration store: the administrator sets keywords in configfs
# (mkdir and echo, or ndisctl config) before a driver loads or binds, and
# reads them back with cat and ndisctl. A configured NetworkAddress
# becomes the current address of ndis_vmini's and ndis_netdev's adapters
# (NdisReadNetworkAddress in MiniportInitializeEx): the adapters show it,
# ndisctl lists it, frames directed to it arrive, and the NIC keeps its
# own address. configfs keeps ndis.ko loaded while a directory exists.
. /ndis/common.sh

root=/sys/kernel/ndis
misuse0=$(cat $root/api_misuse)	# ndis.ko may have counted some before us
bin=$NDIS_DIR/bin
cfg=/sys/kernel/config
nd=$cfg/ndis

grep -q " $cfg configfs " /proc/mounts || mount -t configfs configfs $cfg
t_check "configfs mounted at $cfg" grep -q " $cfg configfs " /proc/mounts
t_check "ndis.ko's configuration root" test -d $nd -a -r $nd/list

# Before the driver is loaded: mkdir and echo, and ndisctl.
t_check "mkdir -p driver/adapter/keyword" mkdir -p $nd/ndis_vmini/vmini5/NetworkAddress
t_check "echo the value" sh -c "echo 02-00-5e-00-53-05 >$nd/ndis_vmini/vmini5/NetworkAddress/value"
t_eq "cat the value" 02-00-5e-00-53-05 "$(cat $nd/ndis_vmini/vmini5/NetworkAddress/value)"
t_eq "the adapter's key lists it" NetworkAddress=02-00-5e-00-53-05 \
	"$(cat $nd/ndis_vmini/vmini5/list)"
t_check "ndisctl config set" \
	$bin/ndisctl config set ndis_vmini/vmini6 NetworkAddress 02:00:5e:00:53:06
t_eq "ndisctl config get, names in any case" 02-00-5e-00-53-05 \
	"$($bin/ndisctl config get ndis_vmini/VMINI5 networkaddress)"
t_check "ndisctl config list" sh -c "$bin/ndisctl config list |
	grep -q '^ndis_vmini/vmini6  *NetworkAddress  *02:00:5e:00:53:06\$'"
t_check "ndisctl config get of a missing keyword fails" \
	sh -c "! $bin/ndisctl config get ndis_vmini/vmini5 Nothing 2>/dev/null"
t_check "mkdir of a name taken in another case refused" \
	sh -c "! mkdir $nd/ndis_vmini/VMINI5 2>/dev/null"
t_check "rmdir of a key with keywords below refused" \
	sh -c "! rmdir $nd/ndis_vmini/vmini5 2>/dev/null"
t_check "rmmod ndis refused while directories exist" sh -c "! rmmod ndis 2>/dev/null"
grep -q '^ndis ' /proc/modules || insmod $NDIS_DIR/modules/ndis.ko

# ndis_vmini: vmini5 and vmini6 take their configured addresses, vmini7
# (nothing configured) keeps its own.
bus=/sys/bus/ndis_vmini
t_check "insmod ndis_vmini.ko" insmod $NDIS_DIR/modules/ndis_vmini.ko
for id in 5 6 7; do
	t_check "new_device $id in hub 3" sh -c "echo '$id 3' >$bus/new_device"
done
t_eq "vmini5's current MAC is its NetworkAddress" 02:00:5e:00:53:05 \
	"$(cat $root/adapters/vmini5/mac_address)"
t_eq "vmini5's permanent MAC is its own" 02:76:6d:00:00:05 \
	"$(cat $root/adapters/vmini5/permanent_address)"
t_eq "vmini6's current MAC is its NetworkAddress" 02:00:5e:00:53:06 \
	"$(cat $root/adapters/vmini6/mac_address)"
t_eq "vmini7 keeps its own" 02:76:6d:00:00:07 "$(cat $root/adapters/vmini7/mac_address)"
t_check "ndisctl list adapters shows it" \
	sh -c "$bin/ndisctl list adapters | grep -q 'vmini5 .*02:00:5e:00:53:05'"

# directed FROM TO DST-HEX: one frame sent on FROM (source: its current
# address) to DST arrives on TO, whose ndisprot file takes directed frames only.
directed() {
	local from=$1 to=$2 dst=$3 out=/tmp/cfg-rx-$2 rx
	$bin/ndisctl recv "$to" --count 1 --timeout 5 --filter directed --ethertype 0x88b6 \
		>$out 2>$out.err &
	rx=$!
	eventually grep -q listening $out.err || { kill $rx; return 1; }
	$bin/ndisctl send "$from" --src-self --hex "$dst 00 00 00 00 00 00 88 b6 63 66 67" \
		>/dev/null || { kill $rx; return 1; }
	wait $rx
}
not_directed() { ! directed "$@" 2>/dev/null; }

t_check "insmod ndisprot.ko" insmod $NDIS_DIR/modules/ndisprot.ko
for a in vmini5 vmini6; do
	t_check "ndisprot bound to $a" eventually state_is $root/bindings/ndisprot:$a running
done
t_check "a frame to vmini5's configured address arrives" \
	directed vmini6 vmini5 "02 00 5e 00 53 05"
t_check "... from vmini6's configured address" \
	grep -q '^17 02 00 5e 00 53 05 02 00 5e 00 53 06 88 b6' /tmp/cfg-rx-vmini5
t_check "a frame to vmini5's permanent address is not directed to it" \
	not_directed vmini6 vmini5 "02 76 6d 00 00 05"

# ndis_netdev: nd-E1 takes its configured address; the NIC keeps its own
# and takes frames for both.
wired_nics_up
nicmac=$(cat /sys/class/net/$e1/address)
t_check "ndisctl config set for nd-$e1" \
	$bin/ndisctl config set ndis_netdev/nd-$e1 NetworkAddress 02-00-5E-00-53-E1
t_check "insmod ndis_netdev.ko" insmod $NDIS_DIR/modules/ndis_netdev.ko
for n in $e0 $e1; do
	t_check "ndisprot bound to nd-$n" eventually state_is $root/bindings/ndisprot:nd-$n running
done
t_check "carrier on $e0 and $e1" eventually sh -c \
	"grep -q 1 /sys/class/net/$e0/carrier && grep -q 1 /sys/class/net/$e1/carrier"
t_eq "nd-$e1's current MAC is its NetworkAddress" 02:00:5e:00:53:e1 \
	"$(cat $root/adapters/nd-$e1/mac_address)"
t_eq "$e1 keeps its own MAC" "$nicmac" "$(cat /sys/class/net/$e1/address)"
t_check "a frame across the wire to nd-$e1's configured address arrives" \
	directed nd-$e0 nd-$e1 "02 00 5e 00 53 e1"

t_check "rmmod ndisprot" rmmod ndisprot
t_check "rmmod ndis_netdev" rmmod ndis_netdev
t_eq "$e1 still has its own MAC" "$nicmac" "$(cat /sys/class/net/$e1/address)"
t_check "rmmod ndis_vmini" rmmod ndis_vmini
t_check "ndisctl config unset of a keyword" \
	$bin/ndisctl config unset ndis_vmini/vmini5 NetworkAddress
t_check "... it is gone" test ! -e $nd/ndis_vmini/vmini5/NetworkAddress
t_check "ndisctl config unset ndis_vmini" $bin/ndisctl config unset ndis_vmini
t_check "ndisctl config unset ndis_netdev" $bin/ndisctl config unset ndis_netdev
t_eq "the store is empty" "" "$(cat $nd/list)"
t_eq "registry empty" 0 \
	"$(find $root/miniports $root/adapters $root/protocols $root/bindings -mindepth 1 | wc -l)"
t_eq "no API misuse" "$misuse0" "$(cat $root/api_misuse)"
