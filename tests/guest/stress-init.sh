#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# PID 1 of the stress guest (debug kernel): every module loaded on real
# virtio-net and e1000 NICs and ndis_vmini adapters, then workers run
# against each other until the profile's time is up (long: until its
# counts are reached too): traffic through ndisprot and through kernel
# protocols, unbind/rebind from sysfs and from softirq, re-enumeration,
# adapters made and destroyed, links flapped, fault knobs toggled, NICs
# unplugged and plugged back, MTU changes, renames, moves to another
# network namespace and back, modules reloaded, and
# the fuzzer as root and as nobody. Then everything is put back, the
# totals must balance, every module unloads and kmemleak scans.
. /ndis/common.sh
guest_setup

profile=$(cat $NDIS_DIR/profile 2>/dev/null)
case $profile in
long) duration=4200 min_cycles=10000 min_frames=1000000 fuzz_s=300 ;;
*) profile=short duration=60 min_cycles=0 min_frames=0 fuzz_s=15 ;;
esac
M=$NDIS_DIR/modules
B=$NDIS_DIR/bin
root=/sys/kernel/ndis
bus=/sys/bus/ndis_vmini
knobs=/sys/kernel/debug/ndis_vmini
ctl=/sys/kernel/debug/ndis_itest/ctl
S=/tmp/stress
stop=$S/stop
mkdir -p $S

t_check "test kernel has KASAN" sh -c "dmesg | grep -q 'KernelAddressSanitizer initialized'"
t_check "test kernel has kmemleak" test -w /sys/kernel/debug/kmemleak
echo clear >/sys/kernel/debug/kmemleak
ip link set lo up
wired_nics_up
marker "stress profile $profile: $duration s"

# vmini0..3 share hub 1; vmini9 is alone in hub 9, where floods cost only
# the send path (no receiver).
vmini_load() {
	insmod $M/ndis_vmini.ko devices=4 && echo "9 9" >$bus/new_device
}
t_check "insmod ndis.ko" insmod $M/ndis.ko
misuse0=$(cat $root/api_misuse)
t_check "insmod ndis_vmini.ko devices=4, and vmini9" vmini_load
t_check "insmod ndis_netdev.ko" insmod $M/ndis_netdev.ko
t_check "insmod ndisprot.ko" insmod $M/ndisprot.ko
t_check "insmod ndis_fake.ko" insmod $M/ndis_fake.ko
t_check "insmod ndis_itest.ko" insmod $M/ndis_itest.ko
t_check "insmod ethercount.ko" insmod $M/ethercount.ko
adapters="nd-$v0 nd-$v1 nd-$e0 nd-$e1 vmini0 vmini1 vmini2 vmini3"
for a in $adapters; do
	t_check "ndisprot bound to $a" eventually state_is $root/bindings/ndisprot:$a running
done

# count NAME: one more of NAME (each worker counts in its own files).
count() { echo >>$S/$1.n; }
total() { cat $S/$1.n 2>/dev/null | wc -l; }
pick() { shift $((RANDOM % $#)); echo $1; }
running() { [ ! -e $stop ]; }

w_kernel_traffic() {
	local a
	while running; do
		a=$(pick $adapters)
		echo "send $a 64" 2>/dev/null >$ctl && count kframes64
		[ -w /sys/kernel/ethercount/$a/send ] &&
			echo 1 2>/dev/null >/sys/kernel/ethercount/$a/send && count ecframes
	done
}

w_rebind() {
	local a p
	while running; do
		a=$(pick $adapters)
		p=$(pick ndisprot itest_proto ethercount)
		if echo "$a" 2>/dev/null >$root/protocols/$p/unbind; then
			count unbinds
			eventually test ! -e $root/bindings/$p:$a
		fi
		echo "$a" 2>/dev/null >$root/protocols/$p/bind && count binds
	done
}

# Many NBLs from the kernel, where a shell loop could not keep up.
w_flood() {
	while running; do
		echo "flood vmini9 16384" 2>/dev/null >$ctl &&
			count floods
	done
}

# Whole unbind-all/rebind-all rounds of itest_proto, looped in the kernel.
w_cycle() {
	while running; do
		if echo "cycle 10 vmini9" 2>/dev/null >$ctl; then	# floods go there
			count cycle_rounds
		else
			count cycle_failures
			hang_dump "a cycle's unbinds did not finish within 180 s"
		fi
		sleep 1	# and let the other workers use itest_proto's bindings
	done
}

w_softirq_unbind() {
	while running; do
		echo "unbind-soft $(pick $adapters)" 2>/dev/null >$ctl && count soft_unbinds
		sleep 0.$((RANDOM % 3))
		echo reenumerate 2>/dev/null >$ctl && count reenumerates
	done
}

w_vmini() {
	local id d k
	while running; do
		id=$((100 + RANDOM % 4))
		if echo "$id 3" 2>/dev/null >$bus/new_device; then
			count vmini_made
			sleep 0.$((RANDOM % 5))
			echo $id 2>/dev/null >$bus/del_device && count vmini_destroyed
		fi
		d=$knobs/$(pick vmini0 vmini1 vmini2 vmini3)
		k=$(pick link oid_delay_ms pause_delay_ms restart_delay_ms send_delay_ms \
			send_reorder rx_resources fail_sends)
		case $k in
		link) echo 0 2>/dev/null >$d/link && count link_flaps
			sleep 0.1
			echo 1 2>/dev/null >$d/link ;;
		*_ms) echo $(pick 0 0 5 50) 2>/dev/null >$d/$k && count knobs ;;
		fail_sends) echo $(pick 0 1 3) 2>/dev/null >$d/$k && count knobs ;;
		*) echo $(pick 0 1) 2>/dev/null >$d/$k && count knobs ;;
		esac
	done
}

# unplug_replug MODEL ID NIC KEPT: pull the QEMU NIC ID (interface NIC)
# out under traffic and plug it back; KEPT is its driver's other NIC.
unplug_replug() {
	qemu_monitor device_del $2
	eventually_long sh -c "[ ! -e /sys/class/net/$3 ]" && count hot_unplugs
	replug_nic $1 $2 $4 && count hot_plugs
	[ "$REPLUGGED" = "$3" ] || echo "NDIS-STRESS: replugged NIC is $REPLUGGED, not $3"
}

# Sleep and wake of the vmini adapters, a third of them with a restart
# that fails: that adapter stays paused in D0 until its next wake.
w_power() {
	local d
	while running; do
		d=$(pick vmini0 vmini1 vmini2 vmini3)
		[ $((RANDOM % 3)) = 0 ] && echo 1 2>/dev/null >$knobs/$d/fail_restarts
		if echo 3 2>/dev/null >$knobs/$d/power; then
			count power_cycles
			sleep 0.$((RANDOM % 3))
			echo 0 2>/dev/null >$knobs/$d/power
			state_is $root/adapters/$d paused && count failed_restarts
		fi
		sleep 1
	done
}

w_nics() {
	local n ns
	while running; do
		case $((RANDOM % 5)) in
		0) n=$(pick $v0 $e0)
			ip link set $n mtu $(pick 1280 1400 1500) && count mtu_changes ;;
		1) ip link set $e1 down && ip link set $e1 name stressx &&
			ip link set stressx name $e1 && ip link set $e1 up && count renames ;;
		2) unplug_replug virtio-net-pci nic_v1 $v1 $v0 ;;
		4) unplug_replug e1000 nic_e1 $e1 $e0 ;;
		3) unshare -n sleep 60 &
			ns=$!
			eventually sh -c "[ \"\$(readlink /proc/$ns/ns/net)\" != \
				\"\$(readlink /proc/1/ns/net)\" ]" &&
				ip link set $e1 netns $ns && count netns_moves
			sleep 0.$((RANDOM % 10))
			kill $ns
			wait $ns 2>/dev/null
			eventually_long test -e /sys/class/net/$e1 && ip link set $e1 up ;;
		esac
		sleep 1
	done
	ip link set $v0 mtu 1500
	ip link set $e0 mtu 1500
}

w_reload() {
	while running; do
		sleep 2
		case $((RANDOM % 4)) in
		0) rmmod ethercount && count reloads && insmod $M/ethercount.ko ;;
		3) rmmod ndis_netdev && count reloads && insmod $M/ndis_netdev.ko ;;
		1) rmmod ndis_vmini 2>/dev/null && count reloads && vmini_load ;;
		2) rmmod ndisprot 2>/dev/null && count reloads && insmod $M/ndisprot.ko ;;
		esac
	done
}

w_tx() {
	$B/ndis_stress_tx "$1" "$2" $((duration + 600)) $stop >$S/tx-$1-$2.out 2>&1
}

w_fuzz() {
	$B/ndisprot_fuzz --seconds $fuzz_s --seed "$1" >$S/fuzz-root.out 2>&1
	$B/ndisprot_fuzz --seconds $fuzz_s --seed "$1" --uid 65534 >$S/fuzz-nobody.out 2>&1
}

marker stress-begin
t0=$(cut -d. -f1 /proc/uptime)
seed=$(cut -d' ' -f1 /proc/uptime | tr -d .)
pids=
spawn() {
	"$@" &
	pids="$pids $!"
}
spawn w_tx nd-$v0 write
spawn w_tx nd-$v1 recv
spawn w_tx nd-$e0 batch
spawn w_tx nd-$e1 recv
spawn w_tx vmini0 nonblock
spawn w_tx vmini1 recv
spawn w_tx vmini2 batch
spawn w_tx vmini3 write
for w in w_kernel_traffic w_flood w_rebind w_cycle w_softirq_unbind w_vmini w_power w_nics \
	w_reload; do
	spawn $w
done
spawn w_fuzz "$seed"

# progress and the profile's goals: a bind/unbind cycle is a binding made
# (and, by the end, freed), whichever worker caused it
tot() { awk -v k="$1" '$1 == k { print $2 }' $root/totals; }
goals_met() {
	[ "$(tot bindings_made)" -ge $min_cycles ] && [ "$(tot sent)" -ge $min_frames ]
}
while :; do
	sleep 10
	el=$(($(cut -d. -f1 /proc/uptime) - t0))
	echo "NDIS-STRESS: t=${el}s bindings_made=$(tot bindings_made) sent=$(tot sent)" \
		"unbinds=$(total unbinds)" \
		"soft_unbinds=$(total soft_unbinds) vmini_made=$(total vmini_made)" \
		"hot_unplugs=$(total hot_unplugs) reloads=$(total reloads)"
	[ $el -ge $duration ] && break
	[ $el -ge $((duration / 2)) ] && [ $min_cycles -gt 0 ] && goals_met && break
done
touch $stop
marker stress-stop
# Every worker ends within its current step; a worker stuck in the stack is
# the hang this tier exists to find.
wait_workers() {
	local i p
	for i in $(seq 300); do
		for p in $pids; do
			kill -0 $p 2>/dev/null && break
			p=
		done
		[ -z "$p" ] && return 0
		sleep 1
	done
	return 1
}
if ! wait_workers; then
	hang_dump "stress workers still running 300 s after the stop"
	t_fail "every stress worker stopped"
else
	t_ok "every stress worker stopped"
fi
cat $S/tx-*.out $S/fuzz-*.out

# Put back what the workers toggled, then the stack must still work.
for d in $knobs/vmini*; do
	for k in oid_delay_ms pause_delay_ms restart_delay_ms send_delay_ms send_reorder \
		rx_resources fail_sends fail_restarts; do
		echo 0 >$d/$k
	done
	echo 1 >$d/link
	# awake and running: a last wake may have failed its restart
	state_is $root/adapters/${d##*/} running || echo 3 >$d/power
	echo 0 >$d/power
done
lsmod | grep -q '^ethercount' || insmod $M/ethercount.ko
lsmod | grep -q '^ndisprot' || insmod $M/ndisprot.ko
echo reenumerate >$ctl
t_check "itest_proto bound to vmini0 and vmini1 again" eventually sh -c \
	"[ \$(cat $root/bindings/itest_proto:vmini0/state) = running ] &&
	 [ \$(cat $root/bindings/itest_proto:vmini1/state) = running ]"
echo "filter vmini1 9" >$ctl
before=$(awk '$1 == "vmini1" { print $2 }' /sys/kernel/debug/ndis_itest/probe)
echo "send vmini0 20" >$ctl
t_check "the stack still carries frames: vmini1 heard 20 more intact" eventually sh -c \
	"[ \$(awk '\$1 == \"vmini1\" { print \$2 }' /sys/kernel/debug/ndis_itest/probe) = \
	 $((before + 20)) ]"
t_check "itest_proto has every NBL it sent back" eventually sh -c \
	"grep -qx 'nbls_live 0' /sys/kernel/debug/ndis_itest/stress"
cat /sys/kernel/debug/ndis_itest/stress
flooded=$(awk '$1 == "flooded" { print $2 }' /sys/kernel/debug/ndis_itest/stress)
t_check "no sends outstanding on any binding" eventually sh -c \
	"! grep -qv '^0\$' $root/bindings/*/outstanding_sends"
t_check "no receive outstanding on any vmini adapter" eventually sh -c \
	"! grep -h rx_outstanding $knobs/*/stats | grep -qv ' 0\$'"
t_check "no frame outstanding in ndis_netdev" eventually sh -c \
	"! grep -h _outstanding /sys/kernel/debug/ndis_netdev/*/stats | grep -qv ' 0\$'"

for m in ethercount ndisprot ndis_itest ndis_fake ndis_netdev ndis_vmini; do
	t_check "rmmod $m after the stress" rmmod $m
done
# The totals of the whole run must balance once every binding is freed.
t_check "every binding made was freed" eventually sh -c \
	"[ \$(awk '\$1 == \"bindings_made\" { print \$2 }' $root/totals) = \
	   \$(awk '\$1 == \"bindings_freed\" { print \$2 }' $root/totals) ]"
cat $root/totals
t_eq "every NBL sent was completed exactly once" $(($(tot sent) + $(tot send_refused))) \
	"$(tot send_completed)"
t_eq "every OID pended was completed exactly once" "$(tot oids_pended)" "$(tot oids_completed)"
t_eq "every cycle's unbinds finished within 180 s" 0 "$(total cycle_failures)"
t_eq "no API misuse reported" "$misuse0" "$(cat $root/api_misuse)"
t_eq "no IRQL violation" 0 "$(cat $root/irql_violations)"
t_check "the fuzzer ran as root" grep -q 'NDIS-FUZZ: seed=.* executions=' $S/fuzz-root.out
t_check "the fuzzer ran as nobody" grep -q 'NDIS-FUZZ: seed=.* executions=' $S/fuzz-nobody.out
t_check "no traffic worker saw a violation" sh -c "! grep -qE 'violation( on|:)' $S/tx-*.out $S/fuzz-*.out"
frames=$(grep -ho ' frames=[0-9]*' $S/tx-*.out | cut -d= -f2 | awk '{s += $1} END {print s + 0}')
echo "NDIS-STRESS-COUNTS: profile=$profile seconds=$(($(cut -d. -f1 /proc/uptime) - t0))" \
	"unbind_cycles=$(total unbinds) binds=$(total binds) soft_unbinds=$(total soft_unbinds)" \
	"reenumerates=$(total reenumerates) cycle_rounds=$(($(total cycle_rounds) * 10))" \
	"bindings_made=$(tot bindings_made)" \
	"ndisprot_frames=$frames kernel_frames=$(($(total kframes64) * 64 + $(total ecframes)))" \
	"flooded=$flooded" \
	"sent=$(tot sent) send_refused=$(tot send_refused)" \
	"send_completed=$(tot send_completed) received=$(tot received)" \
	"oids_pended=$(tot oids_pended) oids_completed=$(tot oids_completed)" \
	"oids_aborted=$(tot oids_aborted) vmini_made=$(total vmini_made)" \
	"link_flaps=$(total link_flaps) knobs=$(total knobs) mtu_changes=$(total mtu_changes)" \
	"renames=$(total renames) netns_moves=$(total netns_moves)" \
	"hot_unplugs=$(total hot_unplugs) hot_plugs=$(total hot_plugs)" \
	"power_cycles=$(total power_cycles) failed_restarts=$(total failed_restarts)" \
	"reloads=$(total reloads)" \
	"fuzz_root=$(grep -ho 'executions=[0-9]*' $S/fuzz-root.out | cut -d= -f2)" \
	"fuzz_nobody=$(grep -ho 'executions=[0-9]*' $S/fuzz-nobody.out | cut -d= -f2)"
if [ $min_cycles -gt 0 ]; then
	t_check "long profile: at least $min_cycles bind/unbind cycles" \
		test "$(tot bindings_made)" -ge $min_cycles
	t_check "long profile: at least $min_frames NBLs sent" test "$(tot sent)" -ge $min_frames
fi

t_check "rmmod ndis" rmmod ndis
marker kmemleak-begin
kmemleak_report
marker kmemleak-end
guest_finish
