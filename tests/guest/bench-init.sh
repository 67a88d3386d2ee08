#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# PID 1 of the `make bench` guest (the newest stock Debian 6.12 kernel, two
# virtio-net and two e1000 NICs wired in pairs): load the NIC drivers and
# the stack, then run each measure of ndis_bench (user space), then the
# in-kernel ones of ndis_kbench.ko. Every figure leaves as an
# "NDIS-BENCH:" line; the host turns them into the table, JSON and chart.
# The parameters (rounds, block sizes) come from /ndis/bench.conf.
. /ndis/common.sh
guest_setup
echo 4 >/proc/sys/kernel/printk
. $NDIS_DIR/bench.conf
bin=$NDIS_DIR/bin

bench_stack_up

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


# kbench NAME LIMIT MEASURE ARGS...: one in-kernel measure, bounded. The
# write runs it; the read gives its NDIS-BENCH lines, or the step it
# failed at (readable even while a measure is stuck).
kb=/sys/kernel/debug/ndis_kbench/ctl
kbench() {
	local name=$1 limit=$2 rc=0
	shift 2
	marker "bench $name"
	run_bounded "kbench $name" "$(step_limit "$limit")" sh -c "echo '$*' >$kb" || rc=$?
	cat $kb
	case $rc in
	0 | 124 | 125) ;;
	*) t_fail "kbench $name exited $rc: $(grep -m 2 'error:' $kb | tr '\n' ' ')" ;;
	esac
}

# vmini new|del FIRST LAST [HUB]: create (in HUB; by default 0, loopback)
# or delete the ndis_vmini devices FIRST..LAST, bounded.
vmini() {
	bench_step "vmini $1 $2-$3" 120 sh -c 'for i in $(seq "$2" "$3"); do
		echo $i $4 >"/sys/bus/ndis_vmini/$1_device" || exit 1
	done' - "$1" "$2" "$3" "${4:-}"
}

# In the kernel. ndisprot goes first: it would bind to the test adapters.
marker bench-user-done
t_check "rmmod ndisprot" rmmod ndisprot
bench_step "insmod ndis_kbench.ko" 60 insmod $NDIS_DIR/modules/ndis_kbench.ko
for size in $KBENCH_SIZES; do
	kbench "kxmit virtio $size" 300 kxmit virtio "$v0" "$size" \
		"$BENCH_ROUNDS" "$KBENCH_BLOCKS" "$KBENCH_BLOCK"
	kbench "kxmit e1000 $size" 300 kxmit e1000 "$e0" "$size" \
		"$BENCH_ROUNDS" "$KBENCH_BLOCKS" "$KBENCH_BLOCK"
done
# The rest runs on ndis_vmini adapters alone.
bench_step "rmmod ndis_netdev" 120 rmmod ndis_netdev
bench_step "insmod ndis_vmini.ko" 60 insmod $NDIS_DIR/modules/ndis_vmini.ko
vmini new 100 $((99 + KBENCH_UNBIND_ADAPTERS))
kbench unbind 300 unbind "$BENCH_ROUNDS" "$KBENCH_UNBIND_REPS" vmini 100 \
	"$KBENCH_UNBIND_ADAPTERS"
vmini del 100 $((99 + KBENCH_UNBIND_ADAPTERS))
# Two hubs of two: 200 sends to 201 (one protocol), 202 to 203 (N).
vmini new 200 201 2
vmini new 202 203 3
for n in 1 4 16; do
	kbench "fanout $n" 300 fanout $n "$BENCH_ROUNDS" "$KBENCH_FANOUT_BLOCKS" \
		"$KBENCH_FANOUT_FRAMES" vmini200 vmini201 vmini202 vmini203
done
vmini del 200 203
vmini new 0 $((KBENCH_SCALE_ADAPTERS - 1))
kbench scale 600 scale "$BENCH_ROUNDS" "$KBENCH_SCALE_PROTOCOLS" vmini 0 \
	"$KBENCH_SCALE_ADAPTERS"

marker bench-done
bench_step "rmmod ndis_kbench" 120 rmmod ndis_kbench
bench_step "rmmod ndis_vmini" 120 rmmod ndis_vmini
t_check "rmmod ndis" rmmod ndis
guest_finish
