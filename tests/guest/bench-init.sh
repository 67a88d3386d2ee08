#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# PID 1 of the `make bench` guest (the newest stock Debian 6.12 kernel, two
# virtio-net and two e1000 NICs wired in pairs): load the NIC drivers and
# the stack, then run each measure of ndis_bench. Every figure leaves as an
# "NDIS-BENCH:" line; the host turns them into the table, JSON and chart.
# The parameters (rounds, block sizes) come from /ndis/bench.conf.
. /ndis/common.sh
guest_setup
echo 4 >/proc/sys/kernel/printk
. $NDIS_DIR/bench.conf
bin=$NDIS_DIR/bin

while read -r mod; do
	insmod "$NDIS_DIR/kmod/$mod" || t_fail "insmod $mod (stock NIC driver)"
done <$NDIS_DIR/kmod/order
ip link set lo up
wired_nics_up
t_check "insmod ndis.ko" insmod $NDIS_DIR/modules/ndis.ko
t_check "insmod ndis_netdev.ko" insmod $NDIS_DIR/modules/ndis_netdev.ko
t_check "insmod ndisprot.ko" insmod $NDIS_DIR/modules/ndisprot.ko
for n in $v0 $v1 $e0 $e1; do
	t_check "ndisprot bound to nd-$n" eventually \
		state_is "/sys/kernel/ndis/bindings/ndisprot:nd-$n" running
	t_check "carrier on $n" eventually grep -q 1 "/sys/class/net/$n/carrier"
done

# bench NAME CMD...: one measure, bounded like any guest step.
bench() {
	local name=$1
	shift
	marker "bench $name"
	local rc=0
	run_bounded "bench $name" "$(step_limit 300)" "$@" || rc=$?
	case $rc in
	0 | 124 | 125) ;;
	*) t_fail "bench $name exited $rc" ;;
	esac
}

for size in $BENCH_SIZES; do
	bench "send virtio $size" $bin/ndis_bench send virtio "$v0" "$size" \
		"$BENCH_ROUNDS" "$BENCH_BLOCKS" "$BENCH_BLOCK"
	bench "send e1000 $size" $bin/ndis_bench send e1000 "$e0" "$size" \
		"$BENCH_ROUNDS" "$BENCH_BLOCKS" "$BENCH_BLOCK"
done
for nic in virtio e1000; do
	[ $nic = virtio ] && set -- "$v0" "$v1" || set -- "$e0" "$e1"
	bench "sendbatch $nic" $bin/ndis_bench sendbatch $nic "$1" 64 \
		"$BENCH_ROUNDS" "$BENCH_BLOCKS" "$BENCH_BATCH"
	bench "recv $nic" $bin/ndis_bench recv $nic "$1" "$2" 64 \
		"$BENCH_ROUNDS" "$BENCH_RX_FRAMES"
	bench "recvbatch $nic" $bin/ndis_bench recvbatch $nic "$1" "$2" 64 \
		"$BENCH_ROUNDS" "$BENCH_RX_FRAMES"
done

marker bench-done
t_check "rmmod ndisprot" rmmod ndisprot
t_check "rmmod ndis_netdev" rmmod ndis_netdev
t_check "rmmod ndis" rmmod ndis
guest_finish
