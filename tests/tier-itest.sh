#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Integration tier: unmodified Debian kernels (the newest 6.12, 6.1 and
# mainline release, each with its PREEMPT_RT twin) under
# QEMU with two virtio-net and two e1000 NICs wired back to back in pairs.
# The guest insmods the stack, runs tests/integration/*.sh, rmmods it all.
# Fails on any failed case, splat, timeout or module left loaded.
NDIS_TIER=itest
. "$(dirname "$0")/lib.sh"
. "$NDIS_TOP/tests/stock-kernel.sh"
. "$NDIS_TOP/tests/unstable-apt.sh"
. "$NDIS_TOP/tests/guest-checks.sh"

need_pkgs qemu-system-x86 busybox-static cpio build-essential kmod socat

NDIS_QEMU_RELAY=1

# The guest's test program is static, so the busybox initramfs needs no
# libraries (ndisctl is built so by the top-level make).
tools="$NDIS_TOP/build/itest/tools"
mkdir -p "$tools"
gcc -static -O2 -Wall -Wextra -Werror -I"$NDIS_TOP/include/uapi" -o "$tools/ndisprot_check" \
	"$NDIS_TOP/tests/tools/ndisprot_check.c" || check_fail "build ndisprot_check"
gcc -static -O2 -Wall -Wextra -Werror -I"$NDIS_TOP/include/uapi" -o "$tools/winprot_check" \
	"$NDIS_TOP/tests/tools/winprot_check.c" || check_fail "build winprot_check"

# NDIS_ITEST_KERNELS picks some of them, e.g. "6.12" while working;
# "mainline" and "mainline-rt" are the newest mainline kernel Debian
# carries (unstable, unstable-apt.sh).
for kernel in ${NDIS_ITEST_KERNELS:-6.12 6.12-rt 6.1 6.1-rt mainline mainline-rt}; do
	series=${kernel%-rt}
	flavour=
	[ "$series" = "$kernel" ] || flavour=rt-
	if [ "$series" = mainline ]; then
		# The newest mainline kernel, from unstable (unstable-apt.sh).
		fetch_unstable_kernel
		ensure_unstable_stock_kernel ${flavour:+rt}
		prepare_unstable_tree ${flavour:+rt}
		kdir=$UNSTABLE_TREE
	else
		ensure_stock_kernel "$series" "$flavour"
		kdir=/usr/src/linux-headers-$STOCK_KVER
	fi
	work="$NDIS_TOP/build/itest/$STOCK_KVER"
	say "building the stack against $kdir"
	if ! build_modules "$kdir" "$work/src" NDIS_TEST_MODULES=m; then
		tail -n 30 "$work/src/build.log"
		check_fail "build against $STOCK_KVER"
		continue
	fi

	# The Windows-style test drivers, built as a driver author would:
	# outside this tree, against the SDK `make install-sdk` installs.
	if ! build_windows_drivers "$kdir" "$work"; then
		check_fail "out-of-tree build of the Windows-style drivers against $STOCK_KVER"
		continue
	fi
	check_pass "winmini and winprot built out of tree against the SDK ($STOCK_KVER)"

	root="$work/initramfs"
	initramfs_skeleton "$root"
	stage_kernel_modules "$root/ndis/kmod" configfs virtio_pci virtio_net e1000
	cp "$work/src/core/ndis.ko" "$work/src/miniports/vmini/ndis_vmini.ko" \
		"$work/src/miniports/netdev/ndis_netdev.ko" "$work/src/protocols/ndisprot/ndisprot.ko" \
		"$work/src/protocols/ethercount/ethercount.ko" \
		"$work/src/tests/modules/ndis_inject_warn.ko" \
		"$work/src/tests/modules/ndis_itest.ko" "$work/src/tests/fake/ndis_fake.ko" \
		"$work/windows/winmini/winmini.ko" "$work/windows/winprot/winprot.ko" \
		"$root/ndis/modules/"
	cp "$NDIS_TOP"/tests/integration/*.sh "$root/ndis/tests/"
	mkdir -p "$root/ndis/bin"
	cp "$tools/ndisprot_check" "$tools/winprot_check" "$work/src/tools/ndisctl/ndisctl" \
		"$root/ndis/bin/"
	cp "$NDIS_TOP/tests/guest/itest-init.sh" "$root/init"
	sed -nE 's/^#define NDIS_SHIM_VERSION\s+"(.*)"/\1/p' \
		"$NDIS_TOP/include/uapi/ndis/version.h" >"$root/ndis/expected-version"
	echo "$STOCK_KVER" >"$root/ndis/expected-kernel"
	echo "${NDIS_INJECT:-}" >"$root/ndis/inject"
	pack_initramfs "$root" "$work/initramfs.cpio.gz"

	log="$work/console.log"
	say "booting stock $STOCK_KVER under QEMU (TCG) with 2 virtio-net + 2 e1000"
	t0=$(now)
	run_qemu "${NDIS_ITEST_TIMEOUT:-480}" "$log" -smp 2 -m 1024 "${NDIS_QEMU_NICS[@]}" \
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
