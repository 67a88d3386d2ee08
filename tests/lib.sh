# SPDX-License-Identifier: GPL-2.0
# Shared helpers for the test tiers. Sourced, never run.
#
# Everything heavy (unpacked kernel source, the KUnit test kernel, stock
# kernel images) lives in $NDIS_CACHE_DIR, outside the repository, so a
# second run pays only for what changed.

set -eu
set -o pipefail

NDIS_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NDIS_CACHE_DIR=${NDIS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ndis-shim}
NDIS_JOBS=${NDIS_JOBS:-$(nproc)}
mkdir -p "$NDIS_CACHE_DIR"

ndis_pass=0
ndis_fail=0

say()  { printf '[%s] %s\n' "${NDIS_TIER:-check}" "$*"; }
die()  { printf '[%s] error: %s\n' "${NDIS_TIER:-check}" "$*" >&2; exit 1; }

# Record one check's outcome; the tier's summary line counts them.
check_pass() { ndis_pass=$((ndis_pass + 1)); say "ok: $*"; }
check_fail() { ndis_fail=$((ndis_fail + 1)); say "FAILED: $*"; }

# Print the one-line summary every tier ends with and exit accordingly.
tier_summary() {
	echo "${NDIS_TIER}: ${ndis_pass} passed, ${ndis_fail} failed"
	[ "$ndis_fail" -eq 0 ] && [ "$ndis_pass" -gt 0 ]
}

# Install the Debian packages named when any of them is missing.
need_pkgs() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
			missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	[ "$(id -u)" -eq 0 ] || die "missing packages (${missing[*]}); run as root or install them"
	say "installing ${missing[*]}"
	if [ -z "${NDIS_APT_UPDATED:-}" ]; then
		apt-get update -qq >/dev/null
		export NDIS_APT_UPDATED=1
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		"${missing[@]}" >/dev/null
}

# Newest package whose name matches an extended regex; versions move, so
# never hard-code an ABI number.
newest_pkg() {
	apt-cache search --names-only "$1" | awk '{print $1}' | sort -V | tail -n 1
}

# newest_flavour SERIES KIND [FLAVOUR-]: newest amd64 package of a series,
# e.g. "newest_flavour 6.12 headers" -> linux-headers-6.12.117+deb12-amd64,
# "newest_flavour 6.12 headers rt-" -> linux-headers-6.12.117+deb12-rt-amd64.
newest_flavour() {
	local series=$1 kind=$2 re
	local abi="${series//./\\.}\\.[0-9]+(-[0-9]+)?(\\+deb[0-9]+)?-${3:-}amd64"
	case $kind in
	headers) re="^linux-headers-$abi\$" ;;
	image)   re="^linux-image-$abi-unsigned\$" ;;
	esac
	if [ -z "${NDIS_APT_UPDATED:-}" ] && [ "$(id -u)" -eq 0 ]; then
		apt-get update -qq >/dev/null 2>&1 || true
		export NDIS_APT_UPDATED=1
	fi
	newest_pkg "$re"
}

# Unpacked linux-source-6.12 (checkpatch.pl, kunit.py, the test kernel).
ensure_linux_source() {
	need_pkgs linux-source-6.12
	local tarball=/usr/src/linux-source-6.12.tar.xz
	local stamp
	stamp=$(dpkg-query -W -f='${Version}' linux-source-6.12)
	NDIS_KSRC="$NDIS_CACHE_DIR/linux-source-6.12"
	if [ "$(cat "$NDIS_KSRC/.ndis-stamp" 2>/dev/null)" != "$stamp" ]; then
		say "unpacking $tarball (once)"
		rm -rf "$NDIS_KSRC" "$NDIS_KSRC.tmp"
		mkdir -p "$NDIS_KSRC.tmp"
		tar -xJf "$tarball" -C "$NDIS_KSRC.tmp" --strip-components=1
		echo "$stamp" >"$NDIS_KSRC.tmp/.ndis-stamp"
		mv "$NDIS_KSRC.tmp" "$NDIS_KSRC"
	fi
	export NDIS_KSRC
}

# Copy the module sources into DIR so several kernels can be built side by
# side without clobbering each other's objects.
stage_sources() {
	local dir=$1
	rm -rf "$dir"
	mkdir -p "$dir"
	(cd "$NDIS_TOP" && tar -cf - Makefile Kbuild include compat core protocols miniports kunit \
		tests/modules tests/fake tools) | tar -xf - -C "$dir"
}

# build_windows_drivers KDIR WORK: install the SDK of WORK/src (built by
# build_modules) into WORK/sdk, then build tests/windows/* against it from
# copies in WORK/windows, as modules of their own. Log: WORK/windows/build.log.
build_windows_drivers() {
	local kdir=$1 work=$2 d
	rm -rf "$work/sdk" "$work/windows"
	mkdir -p "$work/windows"
	cp -r "$NDIS_TOP"/tests/windows/* "$work/windows/"
	{
		make -C "$work/src" KDIR="$kdir" NDIS_TEST_MODULES=m NDIS_SDK="$work/sdk" install-sdk &&
			for d in winmini winprot; do
				make -C "$kdir" M="$work/windows/$d" NDIS_SDK="$work/sdk" \
					-j"$NDIS_JOBS" W=1 modules || return 1
			done
	} >"$work/windows/build.log" 2>&1 || { tail -n 30 "$work/windows/build.log"; return 1; }
	if grep -E '(warning|error):' "$work/windows/build.log"; then
		return 1
	fi
}

# Build everything in a staged copy against KDIR; extra make arguments follow.
# Returns make's status; the log is in DIR/build.log.
build_modules() {
	local kdir=$1 dir=$2
	shift 2
	stage_sources "$dir"
	make -C "$dir" KDIR="$kdir" -j"$NDIS_JOBS" "$@" >"$dir/build.log" 2>&1
}

# Compiler, sparse, kernel-doc and modpost diagnostics in a build log;
# status 0 when there are any.
build_diagnostics() {
	grep -E '(warning|error|WARNING|ERROR):' "$1" | grep -v '^make'
}

# Whether sparse checked the files of a C=2 build log: kbuild drops the
# checker with only a make warning when it finds it too old (7.x wants
# __typeof_unqual__), and then nothing is checked.
sparse_ran() {
	! grep -q 'specified, but .* is not available or not up to date' "$1" &&
		grep -qE '^ +CHECK +' "$1"
}

# Lines of a kernel log that mean the run is broken whatever the tests said.
SPLAT_RE='WARNING:|BUG:|Oops|Call Trace:|general protection|Kernel panic|kernel BUG|'
SPLAT_RE+='possible recursive locking|possible circular locking|inconsistent lock state|'
SPLAT_RE+='suspicious RCU usage|KASAN:|UBSAN:|ODEBUG:|sleeping function called|'
SPLAT_RE+='unregister_netdevice: waiting|blocked for more than|soft lockup|hard LOCKUP|'
SPLAT_RE+='unreferenced object|trying to register non-static key|'
SPLAT_RE+='turning off the locking correctness validator|DEBUG_LOCKS_WARN_ON'

# Print the splat lines of a log, leaving out the dumps a hang report asked
# for (their stacks are not splats of their own); status 0 when any.
find_splats() {
	sed '/NDIS-MARK: hang-dump-begin/,/NDIS-MARK: hang-dump-end/d' "$1" | grep -aE "$SPLAT_RE"
}

# Hub 0 joins two virtio-net NICs, hub 1 two e1000. No option ROMs: the
# guest boots straight from -kernel. The ids let the guest ask for a
# hot-unplug and replug of one NIC (see run_qemu).
NDIS_QEMU_NICS=(
	-netdev hubport,id=v0,hubid=0 -device virtio-net-pci,netdev=v0,romfile=,id=nic_v0
	-netdev hubport,id=v1,hubid=0 -device virtio-net-pci,netdev=v1,romfile=,id=nic_v1
	-netdev hubport,id=e0,hubid=1 -device e1000,netdev=e0,romfile=,id=nic_e0
	-netdev hubport,id=e1,hubid=1 -device e1000,netdev=e1,romfile=,id=nic_e1
)

# run_qemu TIMEOUT LOG QEMU-ARG...: boot a guest under TCG, its serial
# console in LOG, killed after TIMEOUT seconds. A kernel that died before
# the guest's /init had control (no "NDIS-MARK: init" in LOG) ran nothing
# of ours: that boot is kept as LOG.first-boot and the guest boots once
# more. Seen once in many hundred boots: a stock 6.12 kernel oopsed on an
# int3 in sched_clock_cpu() during its own initcalls (two vCPUs under TCG).
run_qemu() {
	local log=$2
	qemu_boot "$@"
	grep -aq 'NDIS-MARK: init' "$log" && return 0
	mv "$log" "$log.first-boot"
	say "the kernel died before the guest's /init ran, with nothing of ours loaded;" \
		"booting once more (the first boot's console: $log.first-boot)"
	qemu_boot "$@"
}

# Run QEMU with a timeout; the guest ends by rebooting (-no-reboot exits).
# With NDIS_QEMU_RELAY=1 the guest may ask for hot-plug: a console line
# "NDIS-QEMU: device_add ..." or "NDIS-QEMU: device_del ..." is passed to
# the QEMU monitor (no other command is).
qemu_boot() {
	local timeout_s=$1 log=$2 monitor=(-monitor none) sock stop relay=
	shift 2
	need_pkgs qemu-system-x86
	rm -f "$log"
	if [ -n "${NDIS_QEMU_RELAY:-}" ]; then
		need_pkgs socat
		sock="$log.monitor"
		stop="$log.stop"
		rm -f "$sock" "$stop"
		monitor=(-monitor "unix:$sock,server=on,wait=off")
		qemu_relay "$log" "$sock" "$stop" &
		relay=$!
	fi
	# The guest learns when it will be killed (ndis_deadline, in its own
	# uptime, which starts after QEMU did) so that it reports a hung step
	# before that; the last -append wins, so ours is added to it.
	local args=() a appended=
	for a in "$@"; do
		if [ "$appended" = next ]; then
			a="$a ndis_deadline=$((timeout_s - 20))"
			appended=done
		fi
		[ "$a" = -append ] && [ -z "$appended" ] && appended=next
		args+=("$a")
	done
	timeout --foreground -k 10 "$timeout_s" qemu-system-x86_64 -accel tcg -cpu max \
		-nodefaults -nographic -no-reboot "${monitor[@]}" \
		-serial "file:$log" "${args[@]}" </dev/null >/dev/null 2>&1 || true
	if [ -n "$relay" ]; then
		touch "$stop"
		wait "$relay" || true
		rm -f "$sock" "$stop"
	fi
	# Serial consoles end lines with \r\n.
	sed -i 's/\r$//' "$log"
}

# Send one command to the QEMU monitor at SOCK. A device_add right after
# a device_del of the same id is refused ("Duplicate ID") until QEMU has
# finished the removal the guest acknowledged, which a busy host delays:
# it is tried again, for up to 60 s.
qemu_monitor_cmd() {
	local sock=$1 cmd=$2 out try
	for try in $(seq 60); do
		out=$({ echo "$cmd"; sleep 1; } | socat - "UNIX-CONNECT:$sock" 2>&1) || true
		case $cmd in device_add*) ;; *) return 0 ;; esac
		echo "$out" | grep -qi 'error' || return 0
		[ "$try" = 1 ] && say "monitor: refused, retrying: $(echo "$out" | grep -i error | head -n 1)"
	done
	say "monitor: gave up on '$cmd'"
}

# Pass the guest's hot-plug requests in LOG to the monitor at SOCK until
# STOP exists. Each request is sent once, in order. The serial console is
# written a few bytes at a time, so only lines with the guest's end mark
# are requests; the last line may still be growing.
qemu_relay() {
	local log=$1 sock=$2 stop=$3 handled=0 n cmds
	while [ ! -e "$stop" ]; do
		sleep 0.3
		mapfile -t cmds < <(grep -a 'NDIS-QEMU: .* :NDIS-QEMU-END' "$log" 2>/dev/null |
			sed 's/.*NDIS-QEMU: //; s/ :NDIS-QEMU-END.*//')
		for ((n = handled; n < ${#cmds[@]}; n++)); do
			case ${cmds[n]} in
			"device_add "* | "device_del "*)
				say "monitor: ${cmds[n]}"
				qemu_monitor_cmd "$sock" "${cmds[n]}"
				;;
			*) say "monitor: refused '${cmds[n]}'" ;;
			esac
		done
		handled=${#cmds[@]}
	done
}

# Pack DIR as a gzip'd newc initramfs at OUT.
pack_initramfs() {
	local dir=$1 out=$2
	(cd "$dir" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) | gzip -1 >"$out"
}

# Skeleton of a busybox initramfs with our modules and guest scripts.
initramfs_skeleton() {
	local root=$1
	need_pkgs busybox-static cpio
	rm -rf "$root"
	mkdir -p "$root"/{bin,sbin,dev,proc,sys,tmp,ndis/modules,ndis/tests}
	cp /bin/busybox "$root/bin/busybox"
	local applet
	for applet in sh mount umount insmod rmmod lsmod cat echo grep sed ls \
		readlink sleep reboot ip dmesg basename seq wc head tr printf test \
		mkdir find sort uname awk cut setsid ps kill timeout touch; do
		ln -sf busybox "$root/bin/$applet"
	done
	cp "$NDIS_TOP/tests/guest/common.sh" "$root/ndis/common.sh"
}

now() { date +%s; }
