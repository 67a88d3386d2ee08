# SPDX-License-Identifier: GPL-2.0
# Guest-side helpers (busybox sh), sourced by the init scripts and by the
# integration scripts. Results go to the console as tagged lines the host
# counts: "NDIS-TEST: ok - <name>" or "NDIS-TEST: not ok - <name>".

NDIS_DIR=/ndis

# The last verdict is also kept in a file, so a hang report can name the
# step that came before it.
t_ok() {
	echo "NDIS-TEST: ok - $*"
	echo "ok - $*" >/tmp/ndis-last-step
}
t_fail() {
	echo "NDIS-TEST: not ok - $*"
	echo "not ok - $*" >/tmp/ndis-last-step
}

# t_check NAME CMD...: one test case, passing when CMD succeeds.
t_check() {
	local name=$1
	shift
	if "$@"; then t_ok "$name"; else t_fail "$name"; fi
}

# t_eq NAME EXPECTED ACTUAL
t_eq() {
	if [ "$2" = "$3" ]; then
		t_ok "$1"
	else
		t_fail "$1 (expected '$2', got '$3')"
	fi
}

# Poll a condition for up to 10 s: binds and unbinds run asynchronously.
eventually() {
	local i
	for i in $(seq 100); do
		"$@" && return 0
		sleep 0.1
	done
	return 1
}

# The same for up to 60 s: PCI hot-plug goes through ACPI and the guest.
eventually_long() {
	local i
	for i in $(seq 600); do
		"$@" && return 0
		sleep 0.1
	done
	return 1
}

# state_is DIR STATE: the sysfs object DIR reports STATE.
state_is() { [ "$(cat "$1/state" 2>/dev/null)" = "$2" ]; }

# probe_count ADAPTER: "ok bad" probe frames ndis_itest's protocol got there.
probe_count() {
	awk -v a="$1" '$1 == a { print $2, $3 }' /sys/kernel/debug/ndis_itest/probe
}
probe_is() { [ "$(probe_count "$1")" = "$2" ]; }

# Ask the host to run a QEMU monitor command (device_add / device_del).
# The host reads the console while it is being written: the end mark tells
# it the line is whole (it once sent half a device_add).
qemu_monitor() { echo "NDIS-QEMU: $* :NDIS-QEMU-END"; }

nic_driver() { basename "$(readlink "/sys/class/net/$1/device/driver")"; }

# The NICs a driver runs, in PCI order (the order QEMU was given them).
nics_of() {
	local n
	for n in $(ls /sys/class/net | sort -V); do
		[ -e "/sys/class/net/$n/device" ] && [ "$(nic_driver "$n")" = "$1" ] && echo "$n"
	done
}

# wired_nics: v0 v1 (the virtio-net pair) and e0 e1 (the e1000 pair), in
# PCI order, each pair wired to each other through a QEMU hub.
wired_nics() {
	set -- $(nics_of virtio_net)
	v0=$1 v1=$2
	set -- $(nics_of e1000)
	e0=$1 e1=$2
}

# wired_nics_up: the same, brought up.
wired_nics_up() {
	local n
	wired_nics
	for n in $v0 $v1 $e0 $e1; do
		ip link set "$n" up
	done
}

# replug_nic MODEL ID KEPT: plug the QEMU NIC ID (a MODEL on the netdev
# named as ID without "nic_") back after a device_del; KEPT is the NIC of
# the same driver that stayed. Sets REPLUGGED to the new interface, which
# it brings up.
replug_nic() {
	local model=$1 id=$2 kept=$3
	qemu_monitor device_add "$model,netdev=${id#nic_},romfile=,id=$id"
	eventually_long sh -c "[ \$(ls /sys/class/net | grep -c eth) = 4 ]" || return 1
	set -- $(nics_of "$(nic_driver "$kept")")
	[ "$1" = "$kept" ] && REPLUGGED=$2 || REPLUGGED=$1
	ip link set "$REPLUGGED" up
}

# replug_virtio V0: nic_v1 back; V0 is the virtio NIC that stayed.
replug_virtio() { replug_nic virtio-net-pci nic_v1 "$1"; }

# Mark a point in the console log for the host to cut at, with the guest's
# uptime, so a slow step shows in the log.
marker() { echo "NDIS-MARK: $* [t=$(cut -d' ' -f1 /proc/uptime)]"; }

# What the kernel knows of a stuck step, printed before anything is
# killed so the host sees the hang as it was: the processes with their
# kernel stacks, where each NIC's frames are (device counters, BQL bytes in
# flight, qdisc, our adapters' counters), interrupts and softirqs, then
# the kernel's own dumps where it has sysrq (blocked tasks, every CPU, all
# tasks with the busy workqueues).
hang_dump() {
	local pid n state
	echo "NDIS-HANG: $1"
	echo "NDIS-HANG: last step before it: $(cat /tmp/ndis-last-step 2>/dev/null || echo none)"
	echo "NDIS-MARK: hang-dump-begin"
	ps -o pid,stat,args
	# Stacks of every user process but init, and of every task in D state
	# (kernel threads too): the blocked-task dump, also without sysrq.
	for pid in $(ls /proc | grep -E '^[0-9]+$'); do
		[ "$pid" = 1 ] || [ "$pid" = $$ ] && continue
		state=$(proc_state "$pid")
		[ "$state" = D ] || [ -n "$(cat /proc/$pid/cmdline 2>/dev/null | head -c 1)" ] ||
			continue
		[ -r /proc/$pid/stack ] || continue
		echo "--- stack of $pid ($(cat /proc/$pid/comm 2>/dev/null), $state):"
		cat /proc/$pid/stack 2>/dev/null
	done
	for n in /sys/class/net/*; do
		[ -e $n/device ] || continue
		echo "--- $(basename $n): carrier $(cat $n/carrier 2>/dev/null)" \
			"operstate $(cat $n/operstate) tx $(cat $n/statistics/tx_packets)" \
			"rx $(cat $n/statistics/rx_packets)" \
			"tx_dropped $(cat $n/statistics/tx_dropped)" \
			"bql_inflight $(cat $n/queues/tx-0/byte_queue_limits/inflight 2>/dev/null)"
	done
	tc -s qdisc 2>/dev/null
	for n in /sys/kernel/debug/ndis_netdev/*/stats; do
		[ -r "$n" ] && { echo "--- $n:"; cat "$n"; }
	done
	# NDIS's own view: where each adapter and binding is in its state machine
	for n in /sys/kernel/ndis/adapters/* /sys/kernel/ndis/bindings/*; do
		[ -r "$n/state" ] || continue
		echo "--- ${n#/sys/kernel/ndis/}: $(cat "$n/state")" \
			"$([ -r "$n/unbind_pending" ] &&
				echo "unbind_pending $(cat "$n/unbind_pending")" \
					"outstanding_sends $(cat "$n/outstanding_sends")")"
	done
	echo "--- /proc/interrupts:"
	cat /proc/interrupts
	echo "--- /proc/softirqs:"
	cat /proc/softirqs
	if [ -w /proc/sysrq-trigger ]; then
		echo d >/proc/sysrq-trigger	# every lock held (lockdep kernels)
		echo w >/proc/sysrq-trigger	# blocked (D-state) tasks
		echo l >/proc/sysrq-trigger	# what every CPU is running
		echo t >/proc/sysrq-trigger	# all tasks, then busy workqueues and pools
	else
		echo "(no sysrq in this kernel: no blocked-task or workqueue dump)"
	fi
	echo "NDIS-MARK: hang-dump-end"
}

# proc_state PID: the state letter of a process (R, S, D, Z, ...), or
# nothing once it is gone. The name in /proc/PID/stat may hold spaces.
proc_state() {
	sed -n 's/.*) \(.\).*/\1/p' "/proc/$1/stat" 2>/dev/null
}

# run_bounded NAME LIMIT CMD...: run CMD in a session of its own for at most
# LIMIT seconds. Past that the hang is reported (hang_dump), CMD and all it
# started are killed, and the step fails; the caller goes on with the next.
# A step stuck in uninterruptible sleep cannot be killed: it is reported
# and left behind, unreaped, so the guest still goes on.
# Return: CMD's exit status, 124 when it was killed, 125 when it could not be.
run_bounded() {
	local name=$1 limit=$2 pid state i=0 left
	shift 2
	# Never past the host's own time-out: the dump must come before the kill.
	left=$(guest_time_left)
	[ -n "$left" ] && [ "$left" -lt "$limit" ] && limit=$((left > 1 ? left : 1))
	setsid "$@" &
	pid=$!
	while :; do
		state=$(proc_state "$pid")
		[ -z "$state" ] || [ "$state" = Z ] && break
		if [ $i -ge $((limit * 5)) ]; then
			hang_dump "$name still running after $limit s"
			kill -KILL -- "-$pid" 2>/dev/null
			i=0
			while [ $i -lt 50 ] && [ -n "$(proc_state "$pid" | tr -d Z)" ]; do
				sleep 0.2
				i=$((i + 1))
			done
			if [ -n "$(proc_state "$pid" | tr -d Z)" ]; then
				t_fail "$name hung and cannot be killed (state $(proc_state "$pid"))"
				return 125
			fi
			wait "$pid"
			t_fail "$name hung: killed after $limit s (see the NDIS-HANG dump above)"
			return 124
		fi
		sleep 0.2
		i=$((i + 1))
	done
	wait "$pid"
}

# guest_time_left: seconds until "ndis_deadline=N" (guest uptime) from the
# kernel command line, which the host sets a little before it kills QEMU;
# nothing when there is none.
guest_time_left() {
	local deadline
	deadline=$(sed -nE 's/.*ndis_deadline=([0-9]+).*/\1/p' /proc/cmdline)
	[ -n "$deadline" ] && echo $((deadline - $(cut -d. -f1 /proc/uptime)))
}

# step_limit SECONDS: the bound for one step; "ndis_step_limit=N" on the
# kernel command line overrides it (for a slower host, or to debug a hang).
step_limit() {
	local v
	v=$(sed -nE 's/.*ndis_step_limit=([0-9]+).*/\1/p' /proc/cmdline)
	echo "${v:-$1}"
}

# run_scripts LIMIT SCRIPT...: each integration script, bounded.
run_scripts() {
	local limit=$1 script rc
	shift
	for script in "$@"; do
		marker "script $(basename "$script")"
		rc=0
		run_bounded "$(basename "$script")" "$limit" sh "$script" || rc=$?
		case $rc in
		0 | 124 | 125) ;;
		*) t_fail "$(basename "$script") exited $rc" ;;
		esac
	done
}

guest_setup() {
	mount -t proc proc /proc
	mount -t sysfs sysfs /sys
	mount -t devtmpfs devtmpfs /dev 2>/dev/null
	mount -t debugfs debugfs /sys/kernel/debug
	mkdir -p /tmp
	echo 8 >/proc/sys/kernel/printk
	# A task stuck in D state for a minute is a failure worth a report.
	[ -w /proc/sys/kernel/hung_task_timeout_secs ] &&
		echo 60 >/proc/sys/kernel/hung_task_timeout_secs
	# /init has control, nothing of ours loaded yet: a boot that died
	# before this line is booted again (run_qemu in tests/lib.sh)
	marker init
}

# Fail the run (host sees no done marker) rather than hang at a prompt.
guest_finish() {
	marker done
	sync
	reboot -f
}

# Modules of ours still loaded, if any.
ndis_modules_loaded() {
	lsmod | awk '{print $1}' | grep -E '^(ndis|winmini$|winprot$)' || true
}

inject_mode() {
	cat $NDIS_DIR/inject 2>/dev/null || true
}

kmemleak_report() {
	[ -w /sys/kernel/debug/kmemleak ] || return 0
	# Objects younger than 5 s are never reported; let ours age first.
	sleep 6
	echo scan >/sys/kernel/debug/kmemleak
	cat /sys/kernel/debug/kmemleak
}

# The NIC drivers (ndis/kmod/order), both wired pairs up, and ndis,
# ndis_netdev and ndisprot loaded and bound to all four NICs, with carrier:
# where make bench and make profile start.
bench_stack_up() {
	while read -r mod; do
		insmod "$NDIS_DIR/kmod/$mod" || t_fail "insmod $mod (stock kernel module)"
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
}

# bench_step NAME LIMIT CMD...: one step of make bench or make profile,
# bounded like any guest step; a hang is reported by run_bounded. Return:
# CMD's exit status.
bench_step() {
	local name=$1 limit=$2 rc=0
	shift 2
	run_bounded "$name" "$(step_limit "$limit")" "$@" || rc=$?
	case $rc in
	0) t_ok "$name" ;;
	124 | 125) ;;	# run_bounded reported the hang
	*) t_fail "$name (exit $rc)" ;;
	esac
	return $rc
}
