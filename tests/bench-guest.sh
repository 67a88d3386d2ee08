# SPDX-License-Identifier: GPL-2.0
# The guest make bench and make profile share: sourced after lib.sh and
# stock-kernel.sh (ensure_stock_kernel 6.12 done).
#
# bench_guest_stage WORK: build the stack against the stock headers in
# WORK/src and stage WORK/initramfs with the NIC drivers, the modules and
# ndis_bench. Sets $root to the initramfs tree; dies on failure.
bench_guest_stage() {
	local work=$1

	say "building the stack against linux-headers-$STOCK_KVER"
	if ! build_modules "/usr/src/linux-headers-$STOCK_KVER" "$work/src" NDIS_TEST_MODULES=m; then
		tail -n 30 "$work/src/build.log"
		die "build failed; full log: $work/src/build.log"
	fi
	root="$work/initramfs"
	initramfs_skeleton "$root"
	stage_kernel_modules "$root/ndis/kmod" virtio_pci virtio_net e1000
	cp "$work/src/core/ndis.ko" "$work/src/miniports/netdev/ndis_netdev.ko" \
		"$work/src/protocols/ndisprot/ndisprot.ko" "$work/src/miniports/vmini/ndis_vmini.ko" \
		"$work/src/tests/modules/ndis_kbench.ko" "$root/ndis/modules/"
	mkdir -p "$root/ndis/bin"
	gcc -static -O2 -Wall -Wextra -Werror -I"$NDIS_TOP/include/uapi" \
		-o "$root/ndis/bin/ndis_bench" "$NDIS_TOP/tests/tools/ndis_bench.c" ||
		die "building ndis_bench failed"
}
