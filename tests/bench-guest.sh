# SPDX-License-Identifier: GPL-2.0
# The guest make bench and make profile share: sourced after lib.sh,
# stock-kernel.sh and guest-checks.sh (ensure_stock_kernel 6.12 done).
# bench_guest_stage builds and stages it, bench_guest_boot boots it.
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
	stage_kernel_modules "$root/ndis/kmod" configfs virtio_pci virtio_net e1000
	cp "$work/src/core/ndis.ko" "$work/src/miniports/netdev/ndis_netdev.ko" \
		"$work/src/protocols/ndisprot/ndisprot.ko" "$work/src/miniports/vmini/ndis_vmini.ko" \
		"$work/src/tests/modules/ndis_kbench.ko" "$root/ndis/modules/"
	mkdir -p "$root/ndis/bin"
	gcc -static -O2 -Wall -Wextra -Werror -I"$NDIS_TOP/include/uapi" \
		-o "$root/ndis/bin/ndis_bench" "$NDIS_TOP/tests/tools/ndis_bench.c" ||
		die "building ndis_bench failed"
}

# bench_guest_boot WORK INIT TIMEOUT WHAT: pack $root with INIT as /init,
# boot it (at most TIMEOUT s; WHAT ends the log line) and check the console
# log, which is left in $log.
bench_guest_boot() {
	local work=$1 init=$2 limit=$3 what=$4 t0

	cp "$init" "$root/init"
	chmod 0755 "$root/init"
	pack_initramfs "$root" "$work/initramfs.cpio.gz"
	log="$work/console.log"
	say "booting stock $STOCK_KVER under QEMU (TCG)$what"
	t0=$(now)
	run_qemu "$limit" "$log" -smp 2 -m 1024 "${NDIS_QEMU_NICS[@]}" \
		-kernel "$STOCK_ROOT/boot/vmlinuz-$STOCK_KVER" \
		-initrd "$work/initramfs.cpio.gz" \
		-append "console=ttyS0 panic=-1 loglevel=4"
	say "guest ran for $(($(now) - t0)) s; console log: $log"
	check_guest_log "$log"
}
