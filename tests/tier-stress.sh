#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Stress tier: every module on the debug kernel (lockdep, KASAN, kmemleak,
# atomic-sleep and object debugging) under QEMU with real virtio-net and
# e1000 NICs, driven by concurrent workers and the fuzzer
# (tests/guest/stress-init.sh), then unloaded with the totals balanced
# and a kmemleak scan. NDIS_STRESS_PROFILE=short (default, about a minute
# of stress: make check) or long (until 10,000 bind/unbind cycles and a
# million NBLs, 70 minutes at most: make stress-long).
NDIS_TIER=stress
. "$(dirname "$0")/lib.sh"
. "$NDIS_TOP/tests/test-kernel.sh"
. "$NDIS_TOP/tests/guest-checks.sh"

profile=${NDIS_STRESS_PROFILE:-short}
case $profile in
short) limit=900 ;;
long) limit=5400 ;;
*) die "NDIS_STRESS_PROFILE must be short or long, not '$profile'" ;;
esac
need_pkgs qemu-system-x86 busybox-static cpio socat
ensure_test_kernel

work="$NDIS_TOP/build/stress"
build_for_test_kernel "$work/src" || { tier_summary; exit 1; }

root="$work/initramfs"
initramfs_skeleton "$root"
cp "$work/src/core/ndis.ko" "$work/src/miniports/vmini/ndis_vmini.ko" \
	"$work/src/miniports/netdev/ndis_netdev.ko" "$work/src/tests/modules/ndis_itest.ko" \
	"$work/src/tests/fake/ndis_fake.ko" \
	"$work/src/protocols/ndisprot/ndisprot.ko" "$work/src/protocols/ethercount/ethercount.ko" \
	"$root/ndis/modules/"
cp "$NDIS_TOP/tests/guest/stress-init.sh" "$root/init"
mkdir -p "$root/ndis/bin"
for tool in ndis_stress_tx ndisprot_fuzz; do
	gcc -static -O2 -Wall -Wextra -Werror -I"$NDIS_TOP/include/uapi" -o "$root/ndis/bin/$tool" \
		"$NDIS_TOP/tests/tools/$tool.c" || check_fail "build $tool"
done
echo "$profile" >"$root/ndis/profile"
pack_initramfs "$root" "$work/initramfs.cpio.gz"

log="$work/console.log"
say "booting the test kernel under QEMU (TCG): $profile profile"
t0=$(now)
run_test_kernel "$limit" "$log" "$work/initramfs.cpio.gz" loglevel=5
say "guest ran for $(($(now) - t0)) s; console log: $log"
grep -a 'NDIS-STRESS-COUNTS: ' "$log" | sed 's/^.*NDIS-STRESS-COUNTS: //' | tr ' ' '\n' |
	sed 's/^/[stress]   /' || true
grep -a 'NDIS-FUZZ: seed=' "$log" | sed 's/^/[stress]   /' || true

check_guest_log "$log"
check_kmemleak "$log"

tier_summary
