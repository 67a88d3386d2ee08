#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make demo: the stack at work, for a first look. Builds ndis, ndis_netdev,
# ndisprot and ndisctl against the newest stock Debian 6.12 kernel, boots
# that kernel under QEMU (TCG) with two virtio-net NICs on one hub, and runs
# tests/guest/demo-init.sh there: ndisctl sends three frames on one NIC and
# receives them on the other through /dev/ndisprot. Shows the guest's
# transcript; exits 0 only if the guest reported success, reached its end
# and the kernel logged no WARN, BUG, lockdep or other splat.
NDIS_TIER=demo
. "$(dirname "$0")/lib.sh"
. "$NDIS_TOP/tests/stock-kernel.sh"
. "$NDIS_TOP/tests/guest-checks.sh"

need_pkgs qemu-system-x86 busybox-static cpio build-essential kmod

t0=$(now)
ensure_stock_kernel 6.12
work="$NDIS_TOP/build/demo"
say "building the modules and ndisctl against linux-headers-$STOCK_KVER"
if ! build_modules "/usr/src/linux-headers-$STOCK_KVER" "$work/src"; then
	tail -n 30 "$work/src/build.log"
	die "build failed; full log: $work/src/build.log"
fi
for f in core/ndis.ko miniports/netdev/ndis_netdev.ko protocols/ndisprot/ndisprot.ko \
	tools/ndisctl/ndisctl; do
	[ -f "$work/src/$f" ] || die "the build made no $f; log: $work/src/build.log"
done

root="$work/initramfs"
initramfs_skeleton "$root"
stage_kernel_modules "$root/ndis/kmod" configfs virtio_pci virtio_net
cp "$work/src/core/ndis.ko" "$work/src/miniports/netdev/ndis_netdev.ko" \
	"$work/src/protocols/ndisprot/ndisprot.ko" "$root/ndis/modules/"
mkdir -p "$root/ndis/bin"
cp "$work/src/tools/ndisctl/ndisctl" "$root/ndis/bin/"
cp "$NDIS_TOP/tests/guest/demo-init.sh" "$root/init"
chmod 0755 "$root/init"
pack_initramfs "$root" "$work/initramfs.cpio.gz"

# The virtio pair of the integration tier's NICs: hub 0 alone.
nics=("${NDIS_QEMU_NICS[@]:0:8}")
log="$work/console.log"
say "booting stock $STOCK_KVER under QEMU (TCG) with two virtio-net NICs on one hub"
t1=$(now)
run_qemu "${NDIS_DEMO_TIMEOUT:-180}" "$log" -smp 2 -m 512 "${nics[@]}" \
	-kernel "$STOCK_ROOT/boot/vmlinuz-$STOCK_KVER" \
	-initrd "$work/initramfs.cpio.gz" \
	-append "console=ttyS0 panic=-1 loglevel=5"
say "guest ran for $(($(now) - t1)) s; full console log: $log"

echo "----- guest console (after boot) -----"
sed -n '/NDIS-MARK: demo-begin/,/NDIS-MARK: demo-end/p' "$log" | grep -av 'NDIS-MARK: ' || true
echo "----- end of guest console -----"

check_guest_log "$log"
if grep -aq '^NDIS-DEMO: success' "$log"; then
	check_pass "the guest reported success"
else
	check_fail "the guest did not report success"
fi
say "took $(($(now) - t0)) s"
tier_summary
