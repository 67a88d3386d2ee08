#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# PID 1 of the `make demo` guest (a stock Debian kernel, two virtio-net NICs
# on one QEMU hub): load the stack, send three frames from one NIC with
# ndisctl and receive them on the other, show the counters, unload. Every
# command is echoed as "$ command" so the console reads as a transcript;
# the host shows what lies between the demo-begin and demo-end markers.
. /ndis/common.sh
guest_setup
# The console shows warnings and worse only; the whole kernel log is
# printed after the demo for the host's splat check.
echo 5 >/proc/sys/kernel/printk
export PATH=$NDIS_DIR/bin:/bin:/sbin

failed=
fail() {
	echo "!! $*"
	failed="$failed; $*"
}
step() { printf '\n== %s\n' "$*"; }
# run CMD...: echo it as a shell would take it, then run it.
run() {
	local a line='$'
	for a in "$@"; do
		case $a in
		*' '*) line="$line '$a'" ;;
		*) line="$line $a" ;;
		esac
	done
	echo "$line"
	"$@"
}

while read -r mod; do
	insmod "$NDIS_DIR/kmod/$mod" || fail "insmod $mod (stock kernel module)"
done <$NDIS_DIR/kmod/order
ip link set lo up

nic_driver() { basename "$(readlink "/sys/class/net/$1/device/driver")"; }
set --
for n in $(ls /sys/class/net | sort -V); do
	[ -e "/sys/class/net/$n/device" ] && [ "$(nic_driver "$n")" = virtio_net ] && set -- "$@" "$n"
done
tx=$1 rx=$2
root=/sys/kernel/ndis
payload="68 65 6c 6c 6f 20 66 72 6f 6d 20 6e 64 69 73 63 74 6c" # "hello from ndisctl"

marker demo-begin
echo "Two virtio-net NICs, $tx and $rx, wired together through a QEMU hub."

step "Load the core, the miniport that turns NICs into NDIS adapters, and ndisprot"
run insmod $NDIS_DIR/modules/ndis.ko || fail "insmod ndis.ko"
run insmod $NDIS_DIR/modules/ndis_netdev.ko || fail "insmod ndis_netdev.ko"
run insmod $NDIS_DIR/modules/ndisprot.ko || fail "insmod ndisprot.ko"
for n in $tx $rx; do
	eventually state_is "$root/bindings/ndisprot:nd-$n" running ||
		fail "ndisprot never bound to nd-$n"
done
run ndisctl version || fail "ndisctl version"

step "What the core knows (from $root); the NICs are still down"
run ndisctl list || fail "ndisctl list"

step "Bring the NICs up; the adapters' link follows"
run ip link set "$tx" up
run ip link set "$rx" up
for n in $tx $rx; do
	eventually sh -c "[ \$(cat $root/adapters/nd-$n/link) = up ]" ||
		fail "nd-$n link never came up"
done
run ndisctl list adapters || fail "ndisctl list adapters"
echo "# the same adapters as ndisprot sees them (/dev/ndisprot, NDISPROT_IOC_LIST):"
run ndisctl adapters || fail "ndisctl adapters"

step "Receive on nd-$rx (in the background), send three frames from nd-$tx"
ndisctl recv "nd-$rx" --count 3 --timeout 10 --ethertype 0x88b5 >/tmp/rx.out 2>/tmp/rx.err &
rx_pid=$!
echo "\$ ndisctl recv nd-$rx --count 3 --timeout 10 --ethertype 0x88b5 > /tmp/rx.out &"
# It says on stderr when its filter is set: from then on nothing is missed.
eventually_long grep -q listening /tmp/rx.err || fail "the receiver never started listening"
cat /tmp/rx.err
run ndisctl send "nd-$tx" --count 3 --src-self \
	--hex "ff ff ff ff ff ff 00 00 00 00 00 00 88 b5 $payload" || fail "ndisctl send"
wait $rx_pid
rx_rc=$?
echo "\$ wait  # the receiver exited $rx_rc"
run cat /tmp/rx.out
[ $rx_rc = 0 ] || { cat /tmp/rx.err; fail "ndisctl recv exited $rx_rc"; }
# Broadcast destination, the sender's MAC as source (--src-self), our
# EtherType and payload; a NIC may pad the frame to 60 bytes.
want="ff ff ff ff ff ff $(tr ':' ' ' </sys/class/net/$tx/address) 88 b5 $payload"
good=0
while read -r len bytes; do
	case "$bytes" in
	"$want"*) good=$((good + 1)) ;;
	esac
done </tmp/rx.out
echo "$good of 3 frames arrived intact, source $(cat /sys/class/net/$tx/address)"
[ $good = 3 ] || fail "$good of 3 frames arrived intact"

step "A frame whose source is not the adapter's MAC is refused (without --src-self)"
run ndisctl send "nd-$tx" --hex "ff ff ff ff ff ff 02 00 00 00 00 01 88 b5 $payload" &&
	fail "a foreign source address was accepted"

step "Counters: ndisprot's per adapter, the core's per binding"
run ndisctl stats || fail "ndisctl stats"
run ndisctl list bindings || fail "ndisctl list bindings"

step "Unbind ndisprot from nd-$rx and bind it again"
run ndisctl unbind ndisprot "nd-$rx" --wait || fail "ndisctl unbind"
run ndisctl recv "nd-$rx" --timeout 1 && fail "recv on an unbound adapter worked"
run ndisctl bind ndisprot "nd-$rx" --wait || fail "ndisctl bind"

step "Unload"
run rmmod ndisprot || fail "rmmod ndisprot"
run rmmod ndis_netdev || fail "rmmod ndis_netdev"
run rmmod ndis || fail "rmmod ndis"
[ -z "$(ndis_modules_loaded)" ] || fail "modules left loaded: $(ndis_modules_loaded)"

echo
if [ -z "$failed" ]; then
	echo "NDIS-DEMO: success"
else
	echo "NDIS-DEMO: FAILED${failed}"
fi
marker demo-end

# The whole kernel log, for the host's check (not shown).
marker dmesg-begin
dmesg
marker dmesg-end
guest_finish
