# SPDX-License-Identifier: GPL-2.0
# Build (once) the KUnit test kernel from Debian's linux-source-6.12, or
# (ensure_test_kernel mainline) from unstable's newest linux-source.
# Sourced after lib.sh (and unstable-apt.sh for mainline). Sets
# NDIS_TEST_KERNEL to the build directory.
#
# The cache key hashes the config fragment, the source package version and
# the compiler, so any of them changing yields a fresh kernel and nothing
# stale is ever reused.

# ensure_test_kernel [6.12|mainline]: the source to build from.
ensure_test_kernel() {
	local frag="$NDIS_TOP/tests/config/kunit.config" key dir line sym val src
	need_pkgs build-essential bc bison flex libelf-dev libssl-dev cpio kmod python3
	ensure_linux_source
	src=$NDIS_KSRC
	if [ "${1:-6.12}" = mainline ]; then
		# The newest mainline source, from unstable (unstable-apt.sh).
		ensure_unstable_source
		src=$UNSTABLE_SRC
	fi
	key=$( (cat "$frag"; cat "$src/.ndis-stamp"; gcc --version | head -n 1) |
		sha256sum | cut -c1-16)
	dir="$NDIS_CACHE_DIR/test-kernel-$key"
	NDIS_TEST_KERNEL=$dir
	export NDIS_TEST_KERNEL
	if [ -f "$dir/.ndis-complete" ]; then
		say "test kernel cached: $dir"
		return 0
	fi

	say "building the test kernel (first run only, several minutes): $dir"
	mkdir -p "$dir"
	cp "$frag" "$dir/.config"
	make -s -C "$src" O="$dir" ARCH=x86_64 olddefconfig >"$dir/ndis-build.log" 2>&1 ||
		die "olddefconfig failed; see $dir/ndis-build.log"

	# A symbol whose dependencies are unmet is dropped silently: refuse that.
	while read -r line; do
		case $line in CONFIG_*=*) ;; *) continue ;; esac
		sym=${line%%=*}
		val=${line#*=}
		if [ "$val" = n ]; then
			grep -qx "$sym=[ym]" "$dir/.config" &&
				die "$sym=n did not survive olddefconfig"
		else
			grep -qx "$line" "$dir/.config" ||
				die "$line did not survive olddefconfig (unmet dependency?)"
		fi
	done <"$frag"

	local t0
	t0=$(now)
	make -C "$src" O="$dir" ARCH=x86_64 -j"$NDIS_JOBS" >>"$dir/ndis-build.log" 2>&1 ||
		die "test kernel build failed; see $dir/ndis-build.log"
	touch "$dir/.ndis-complete"
	say "test kernel built in $(($(now) - t0)) s"
}

# build_for_test_kernel DIR: the modules and test modules built against the
# test kernel in DIR (W=1), one check. Return: 1 if the build failed or warned.
build_for_test_kernel() {
	local dir=$1 release
	release=$(cat "$NDIS_TEST_KERNEL/include/config/kernel.release")
	say "building the modules against the test kernel $release"
	if ! build_modules "$NDIS_TEST_KERNEL" "$dir" W=1 NDIS_TEST_MODULES=m ||
		build_diagnostics "$dir/build.log"; then
		tail -n 30 "$dir/build.log"
		check_fail "modules build against the test kernel $release"
		return 1
	fi
	check_pass "modules build against the test kernel $release"
}

# run_test_kernel TIMEOUT LOG INITRD ARG...: boot the test kernel under QEMU
# (TCG, 2 CPUs, 2 GiB) with the wired NICs and the hot-plug relay; each ARG
# joins its command line.
#
# acpi=noirq: PCI interrupts are routed from the BIOS's MP table, not by
# ACPI. QEMU's i440fx _PRT method builds its table in an AML While loop,
# and on this debug kernel under TCG that loop can take longer than
# ACPICA's 30 s loop limit (AE_AML_LOOP_TIMEOUT) when the host is busy.
# The NICs' INTx lines were then registered with the wrong polarity and
# never delivered an interrupt: no link on e1000, no TX completion on
# virtio-net (BQL stops the queue, NETDEV WATCHDOG), and a writer waiting
# for its frame for ever. Roughly every other boot on a loaded host.
run_test_kernel() {
	local timeout_s=$1 log=$2 initrd=$3
	shift 3
	NDIS_QEMU_RELAY=1
	run_qemu "$timeout_s" "$log" -smp 2 -m 2048 "${NDIS_QEMU_NICS[@]}" \
		-kernel "$NDIS_TEST_KERNEL/arch/x86/boot/bzImage" -initrd "$initrd" \
		-append "console=ttyS0 panic=-1 acpi=noirq $*"
}
