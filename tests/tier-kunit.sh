#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# KUnit tier: the suites of ndis_kunit.ko on a debug kernel (lockdep, KASAN,
# kmemleak, atomic-sleep and object debugging) under QEMU, then the
# integration scripts of the miniports and protocols on the same kernel
# and NICs; once on a kernel built from linux-source-6.12 and once on one
# from the newest mainline source (NDIS_KUNIT_KERNELS picks, e.g. "6.12"). Results are the kernel's own KTAP, parsed by its own kunit.py,
# and the scripts' tagged lines. The run also fails on any splat, a
# missing completion marker, or a leak after everything unloaded.
NDIS_TIER=kunit
. "$(dirname "$0")/lib.sh"
. "$NDIS_TOP/tests/unstable-apt.sh"
. "$NDIS_TOP/tests/test-kernel.sh"
. "$NDIS_TOP/tests/guest-checks.sh"

need_pkgs qemu-system-x86 busybox-static cpio python3

# kunit_on KERNEL: the whole run on the test kernel built from KERNEL's
# source (6.12 or mainline); its checks join the tier's.
kunit_on() {
	local kernel=$1 work root n script log t0 parse_rc=0
	ensure_test_kernel "$kernel"
	work="$NDIS_TOP/build/kunit-$kernel"
	build_for_test_kernel "$work/src" || return 0	# counted as failed

	root="$work/initramfs"
	initramfs_skeleton "$root"
	cp "$work/src/core/ndis.ko" "$work/src/miniports/vmini/ndis_vmini.ko" \
		"$work/src/miniports/netdev/ndis_netdev.ko" "$work/src/tests/modules/ndis_itest.ko" \
		"$work/src/protocols/ndisprot/ndisprot.ko" "$work/src/protocols/ethercount/ethercount.ko" \
		"$work/src/kunit/ndis_kunit.ko" "$work/src/tests/fake/ndis_fake.ko" \
		"$work/src/tests/modules/ndis_inject_warn.ko" "$root/ndis/modules/"
	cp "$NDIS_TOP/tests/guest/kunit-init.sh" "$root/init"
	# The integration scripts of the miniports and protocols run here too,
	# under the debug checkers (the others check stock-kernel matters),
	# hot-unplug and replug included (see acpi=noirq in run_test_kernel,
	# tests/test-kernel.sh).
	n=0
	for script in 25-vmini 40-ndisprot 50-ethercount 30-netdev 60-config; do
		n=$((n + 1))
		cp "$NDIS_TOP/tests/integration/$script.sh" "$root/ndis/tests/$n-$script.sh"
	done
	mkdir -p "$root/ndis/bin"
	cp "$work/src/tools/ndisctl/ndisctl" "$root/ndis/bin/"
	gcc -static -O2 -Wall -Wextra -Werror -I"$NDIS_TOP/include/uapi" \
		-o "$root/ndis/bin/ndisprot_check" "$NDIS_TOP/tests/tools/ndisprot_check.c" ||
		check_fail "build ndisprot_check"
	echo "${NDIS_INJECT:-}" >"$root/ndis/inject"
	pack_initramfs "$root" "$work/initramfs.cpio.gz"

	log="$work/console.log"
	say "booting the $kernel test kernel under QEMU (TCG)"
	t0=$(now)
	run_test_kernel "${NDIS_KUNIT_TIMEOUT:-600}" "$log" "$work/initramfs.cpio.gz" \
		loglevel=7 kunit.enable=1
	say "guest ran for $(($(now) - t0)) s; console log: $log"

	# The kernel prints an empty KTAP document of its own at boot, and
	# kunit.py parse reads only the first document: cut ours out first.
	sed -n '/NDIS-MARK: ktap-begin/,/NDIS-MARK: ktap-end/p' "$log" >"$work/ktap.log"
	python3 "$NDIS_KSRC/tools/testing/kunit/kunit.py" parse "$work/ktap.log" \
		>"$work/kunit-parse.log" 2>&1 || parse_rc=$?
	cat "$work/kunit-parse.log"
	count_kunit_results "$work/kunit-parse.log" "$parse_rc"

	check_guest_log "$log"
	check_kmemleak "$log"
}

for kernel in ${NDIS_KUNIT_KERNELS:-6.12 mainline}; do
	case $kernel in
	6.12 | mainline) kunit_on "$kernel" ;;
	*) check_fail "NDIS_KUNIT_KERNELS: no test kernel source '$kernel' (6.12 or mainline)" ;;
	esac
done

tier_summary
