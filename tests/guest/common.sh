# SPDX-License-Identifier: GPL-2.0
# Guest-side helpers (busybox sh), sourced by the init scripts and by the
# integration scripts. Results go to the console as tagged lines the host
# counts: "NDIS-TEST: ok - <name>" or "NDIS-TEST: not ok - <name>".

NDIS_DIR=/ndis

t_ok()   { echo "NDIS-TEST: ok - $*"; }
t_fail() { echo "NDIS-TEST: not ok - $*"; }

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
qemu_monitor() { echo "NDIS-QEMU: $*"; }

nic_driver() { basename "$(readlink "/sys/class/net/$1/device/driver")"; }

# The NICs a driver runs, in PCI order (the order QEMU was given them).
nics_of() {
	local n
	for n in $(ls /sys/class/net | sort -V); do
		[ -e "/sys/class/net/$n/device" ] && [ "$(nic_driver "$n")" = "$1" ] && echo "$n"
	done
}

# replug_virtio V0: plug nic_v1 back after a device_del; V0 is the virtio
# NIC that stayed. Sets REPLUGGED to the new interface, which it brings up.
replug_virtio() {
	local kept=$1
	qemu_monitor device_add virtio-net-pci,netdev=v1,romfile=,id=nic_v1
	eventually_long sh -c "[ \$(ls /sys/class/net | grep -c eth) = 4 ]" || return 1
	set -- $(nics_of virtio_net)
	[ "$1" = "$kept" ] && REPLUGGED=$2 || REPLUGGED=$1
	ip link set "$REPLUGGED" up
}

# Mark a point in the console log for the host to cut at.
marker() { echo "NDIS-MARK: $*"; }

guest_setup() {
	mount -t proc proc /proc
	mount -t sysfs sysfs /sys
	mount -t devtmpfs devtmpfs /dev 2>/dev/null
	mount -t debugfs debugfs /sys/kernel/debug
	mkdir -p /tmp
	echo 8 >/proc/sys/kernel/printk
}

# Fail the run (host sees no done marker) rather than hang at a prompt.
guest_finish() {
	marker done
	sync
	reboot -f
}

# Modules of ours still loaded, if any.
ndis_modules_loaded() {
	lsmod | awk '{print $1}' | grep -E '^ndis' || true
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
