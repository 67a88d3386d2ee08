#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Integration tier: unmodified Debian kernels (newest 6.12 and 6.1) under
# QEMU with two virtio-net and two e1000 NICs wired back to back in pairs.
# The guest insmods the stack, runs tests/integration/*.sh, rmmods it all.
# Fails on any failed case, splat, timeout or module left loaded.
NDIS_TIER=itest
. "$(dirname "$0")/lib.sh"
. "$NDIS_TOP/tests/stock-kernel.sh"
. "$NDIS_TOP/tests/guest-checks.sh"

need_pkgs qemu-system-x86 busybox-static cpio build-essential kmod socat

# Hub 0 joins the virtio pair, hub 1 the e1000 pair. No option ROMs: the
# guest boots straight from -kernel. The ids let the guest ask for a
# hot-unplug and replug of one NIC (see run_qemu).
NICS=(
	-netdev hubport,id=v0,hubid=0 -device virtio-net-pci,netdev=v0,romfile=,id=nic_v0
	-netdev hubport,id=v1,hubid=0 -device virtio-net-pci,netdev=v1,romfile=,id=nic_v1
	-netdev hubport,id=e0,hubid=1 -device e1000,netdev=e0,romfile=,id=nic_e0
	-netdev hubport,id=e1,hubid=1 -device e1000,netdev=e1,romfile=,id=nic_e1
)
NDIS_QEMU_RELAY=1

for series in 6.12 6.1; do
	ensure_stock_kernel "$series"
	work="$NDIS_TOP/build/itest/$STOCK_KVER"
	say "building the stack against linux-headers-$STOCK_KVER"
	if ! build_modules "/usr/src/linux-headers-$STOCK_KVER" "$work/src" NDIS_TEST_MODULES=m; then
		tail -n 30 "$work/src/build.log"
		check_fail "build against $STOCK_KVER"
		continue
	fi

	root="$work/initramfs"
	initramfs_skeleton "$root"
	stage_kernel_modules "$root/ndis/kmod" virtio_pci virtio_net e1000
	cp "$work/src/core/ndis.ko" "$work/src/miniports/vmini/ndis_vmini.ko" \
		"$work/src/miniports/netdev/ndis_netdev.ko" \
		"$work/src/tests/modules/ndis_inject_warn.ko" \
		"$work/src/tests/modules/ndis_itest.ko" "$root/ndis/modules/"
	cp "$NDIS_TOP"/tests/integration/*.sh "$root/ndis/tests/"
	cp "$NDIS_TOP/tests/guest/itest-init.sh" "$root/init"
	sed -nE 's/^#define NDIS_SHIM_VERSION\s+"(.*)"/\1/p' \
		"$NDIS_TOP/include/uapi/ndis/version.h" >"$root/ndis/expected-version"
	echo "$STOCK_KVER" >"$root/ndis/expected-kernel"
	echo "${NDIS_INJECT:-}" >"$root/ndis/inject"
	pack_initramfs "$root" "$work/initramfs.cpio.gz"

	log="$work/console.log"
	say "booting stock $STOCK_KVER under QEMU (TCG) with 2 virtio-net + 2 e1000"
	t0=$(now)
	run_qemu "${NDIS_ITEST_TIMEOUT:-300}" "$log" -smp 2 -m 1024 "${NICS[@]}" \
		-kernel "$STOCK_ROOT/boot/vmlinuz-$STOCK_KVER" \
		-initrd "$work/initramfs.cpio.gz" \
		-append "console=ttyS0 panic=-1 loglevel=7"
	say "guest ran for $(($(now) - t0)) s; console log: $log"
	grep -a '^nic: ' "$log" | sed "s/^/[itest]   $STOCK_KVER /" || true
	check_guest_log "$log"
	# The guest rebooted with ndis_itest loaded: each adapter saw a shutdown.
	if [ "$(sed -n '/NDIS-MARK: shutdown-with-adapters/,$p' "$log" |
		grep -ac 'MiniportShutdownEx(itest[01], power off)')" = 2 ]; then
		check_pass "MiniportShutdownEx once per adapter at reboot"
	else
		check_fail "MiniportShutdownEx at reboot"
	fi
done

tier_summary
