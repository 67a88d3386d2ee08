#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The NICs the guest sees: two virtio-net and two e1000, wired in pairs
# (virtio <-> virtio, e1000 <-> e1000) through QEMU hubs.
. /ndis/common.sh

virtio=0
e1000=0
for dev in /sys/class/net/*; do
	name=$(basename "$dev")
	[ -e "$dev/device/driver" ] || continue
	driver=$(basename "$(readlink "$dev/device/driver")")
	# virtio-net hangs off a virtio bus device whose driver is virtio_net.
	echo "nic: $name driver=$driver mac=$(cat "$dev/address") mtu=$(cat "$dev/mtu")"
	case $driver in
	virtio_net) virtio=$((virtio + 1)) ;;
	e1000) e1000=$((e1000 + 1)) ;;
	esac
done

t_eq "guest sees two virtio-net NICs" 2 "$virtio"
t_eq "guest sees two e1000 NICs" 2 "$e1000"
