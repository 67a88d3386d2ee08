# SPDX-License-Identifier: GPL-2.0
# The newest mainline kernel Debian carries (its unstable suite), reached
# through a private apt configuration under the cache: its own sources
# file, lists, archives and an empty dpkg status file. The machine's own
# sources and installed packages are never read or touched. Packages are
# unpacked with dpkg-deb -x, never installed. Sourced after lib.sh.

NDIS_UNSTABLE_APT=${NDIS_UNSTABLE_APT:-$NDIS_CACHE_DIR/apt-unstable}
NDIS_UNSTABLE_MIRROR=${NDIS_UNSTABLE_MIRROR:-http://deb.debian.org/debian}

# uapt CMD ARG...: an apt command run against the private configuration.
uapt() {
	APT_CONFIG="$NDIS_UNSTABLE_APT/apt.conf" "$@"
}

# unstable_apt_setup: write the private configuration (once) and refresh
# its lists (at most once per run, or when NDIS_UNSTABLE_REFRESH=1).
unstable_apt_setup() {
	local d=$NDIS_UNSTABLE_APT
	mkdir -p "$d"/{apt.conf.d,sources.list.d,preferences.d,trusted.gpg.d,lists/partial} \
		"$d"/cache/archives/partial "$d"/log
	# Read first (APT_CONFIG), so that the host's apt.conf and apt.conf.d
	# are never read: only this file configures apt.
	cat >"$d/apt.conf.tmp" <<EOF
Dir::Etc::main "$d/apt.conf.d/none";
Dir::Etc::parts "$d/apt.conf.d";
Dir::Etc::sourcelist "$d/sources.list";
Dir::Etc::sourceparts "$d/sources.list.d";
Dir::Etc::preferences "$d/preferences";
Dir::Etc::preferencesparts "$d/preferences.d";
Dir::Etc::trusted "$d/trusted.gpg";
Dir::Etc::trustedparts "$d/trusted.gpg.d";
Dir::State "$d";
Dir::State::lists "$d/lists";
Dir::State::status "$d/status";
Dir::Cache "$d/cache";
Dir::Cache::archives "$d/cache/archives";
Dir::Log "$d/log";
APT::Architecture "amd64";
APT::Architectures { "amd64"; };
APT::Sandbox::User "root";
Acquire::Languages "none";
// The archive this machine reaches serves a frozen snapshot whose Release
// file is past its Valid-Until (the host's own apt.conf.d says the same).
Acquire::Check-Valid-Until "false";
Acquire::Check-Date "false";
Acquire::IndexTargets::deb::DEP-11::DefaultEnabled "false";
Acquire::IndexTargets::deb::DEP-11-icons::DefaultEnabled "false";
Acquire::IndexTargets::deb::DEP-11-icons-small::DefaultEnabled "false";
Acquire::IndexTargets::deb::DEP-11-icons-hidpi::DefaultEnabled "false";
Acquire::IndexTargets::deb::Contents-deb::DefaultEnabled "false";
EOF
	mv "$d/apt.conf.tmp" "$d/apt.conf"
	# deb-src too: sparse is built from unstable's source package.
	printf '%s [signed-by=%s] %s unstable main\n' \
		deb /usr/share/keyrings/debian-archive-keyring.gpg "$NDIS_UNSTABLE_MIRROR" \
		deb-src /usr/share/keyrings/debian-archive-keyring.gpg "$NDIS_UNSTABLE_MIRROR" \
		>"$d/sources.list"
	# Empty on purpose: otherwise apt would take this machine's installed
	# packages for unstable's.
	: >"$d/status"
	if [ -z "${NDIS_UNSTABLE_UPDATED:-}" ] || [ "${NDIS_UNSTABLE_REFRESH:-}" = 1 ]; then
		say "refreshing the unstable package lists ($d)"
		uapt apt-get update -q >"$d/log/update.log" 2>&1 ||
			die "apt-get update for unstable failed; see $d/log/update.log"
		export NDIS_UNSTABLE_UPDATED=1
	fi
}

# uapt_version PKG: the candidate version of PKG in unstable (empty if none).
uapt_version() {
	uapt apt-cache policy "$1" 2>/dev/null | awk '$1 == "Candidate:" && $2 != "(none)" { print $2 }'
}

# uapt_newest ERE: the newest package name matching ERE in unstable.
uapt_newest() {
	uapt apt-cache search --names-only "$1" | awk '{print $1}' | sort -V | tail -n 1
}

# resolve_unstable_kernel: find, by query, the newest mainline kernel in
# unstable and set UNSTABLE_ABI (e.g. 7.2.13+deb14), UNSTABLE_SERIES (7.2),
# UNSTABLE_KVER / UNSTABLE_RT_KVER (the releases, "<abi>-amd64" and
# "<abi>-rt-amd64") and UNSTABLE_PKGS, "name=version" of every package
# needed, for both flavours: the headers, the common headers and linux-base
# packages they depend on (common headers; config, modules.builtin), the
# unsigned kernel binary (the linux-image packages are empty stubs), the
# modules, and linux-source-<series>.
resolve_unstable_kernel() {
	local hdr p v kver
	local -a names=()
	unstable_apt_setup
	# The newest generic amd64 headers name the newest mainline ABI; the
	# ABI is whatever it is today, never written down here.
	hdr=$(uapt_newest '^linux-headers-[0-9]+\.[0-9]+\.[0-9]+(-[0-9]+)?(\+deb[0-9]+)?-amd64$')
	[ -n "$hdr" ] || die "no linux-headers-*-amd64 package in unstable"
	UNSTABLE_KVER=${hdr#linux-headers-}
	UNSTABLE_ABI=${UNSTABLE_KVER%-amd64}
	UNSTABLE_RT_KVER=$UNSTABLE_ABI-rt-amd64
	UNSTABLE_SERIES=$(echo "$UNSTABLE_ABI" | cut -d. -f1,2)
	for kver in "$UNSTABLE_KVER" "$UNSTABLE_RT_KVER"; do
		names+=("linux-headers-$kver")
		# The common headers are shared by the flavours since 7.x (no
		# -common-rt any more): take whatever the headers depend on.
		mapfile -t -O ${#names[@]} names < <(uapt apt-cache depends "linux-headers-$kver" |
			awk '$1 == "Depends:" { print $2 }' |
			grep -E '^linux-(headers-.*-common(-rt)?|base-.*-amd64)$')
		names+=("linux-binary-unsigned-$kver" "linux-modules-$kver")
	done
	names+=("linux-source-$UNSTABLE_SERIES")
	UNSTABLE_PKGS=()
	for p in $(printf '%s\n' "${names[@]}" | awk '!seen[$0]++'); do
		v=$(uapt_version "$p")
		[ -n "$v" ] || die "unstable has no $p (the package layout changed?)"
		UNSTABLE_PKGS+=("$p=$v")
	done
	say "newest mainline in unstable: $UNSTABLE_KVER (and $UNSTABLE_RT_KVER)"
	for p in "${UNSTABLE_PKGS[@]}"; do
		say "  $p"
	done
}

# fetch_unstable_kernel: download the resolved packages into the private
# archive cache and unpack each into $NDIS_CACHE_DIR/unstable/<name>_<ver>
# (once per version). Sets UNSTABLE_ROOT, where they are unpacked.
fetch_unstable_kernel() {
	local pv name ver dir deb debs
	[ -n "${UNSTABLE_PKGS+x}" ] || resolve_unstable_kernel
	need_pkgs xz-utils zstd
	UNSTABLE_ROOT=$NDIS_CACHE_DIR/unstable
	mkdir -p "$UNSTABLE_ROOT"
	for pv in "${UNSTABLE_PKGS[@]}"; do
		name=${pv%%=*}
		ver=${pv#*=}
		dir=$UNSTABLE_ROOT/${name}_$ver
		[ -f "$dir/.ndis-complete" ] && continue
		say "fetching $name $ver (unpacked with dpkg-deb -x, never installed)"
		# apt-get download takes the package alone, not its dependencies.
		(cd "$NDIS_UNSTABLE_APT/cache/archives" && uapt apt-get download -q "$pv") \
			>"$NDIS_UNSTABLE_APT/log/download.log" 2>&1 ||
			die "downloading $pv failed; see $NDIS_UNSTABLE_APT/log/download.log"
		debs=("$NDIS_UNSTABLE_APT/cache/archives/${name}_${ver//:/%3a}_"*.deb)
		deb=${debs[0]}
		[ -f "$deb" ] || die "no .deb for $pv in $NDIS_UNSTABLE_APT/cache/archives"
		rm -rf "$dir"
		mkdir -p "$dir"
		dpkg-deb -x "$deb" "$dir"
		rm -f "$deb"
		touch "$dir/.ndis-complete"
	done
}

# unstable_pkg_dir NAME: where package NAME (as resolved) is unpacked.
unstable_pkg_dir() {
	local pv
	for pv in "${UNSTABLE_PKGS[@]}"; do
		[ "${pv%%=*}" = "$1" ] && { echo "$UNSTABLE_ROOT/${1}_${pv#*=}"; return 0; }
	done
	die "package $1 was not resolved"
}

# this_module_size KO: the size of struct module as a module embeds it.
this_module_size() {
	local hex
	hex=$(readelf -SW "$1" | sed 's/^ *\[ *[0-9]*\] *//' |
		awk '$1 == ".gnu.linkonce.this_module" { print $5 }')
	[ -n "$hex" ] && echo $((16#$hex))
}

# stock_module KVER NAME: a stock module of the release, decompressed into
# a temporary file whose path is printed.
stock_module() {
	local kver=$1 name=$2 ko out
	ko=$(find "$(unstable_pkg_dir "linux-modules-$kver")/usr/lib/modules/$kver" \
		-name "$name.ko*" | head -n 1)
	[ -n "$ko" ] || die "no stock $name module in linux-modules-$kver"
	out=$(mktemp --suffix=.ko)
	case $ko in
	*.xz) xz -dc "$ko" >"$out" ;;
	*.zst) zstd -qdc "$ko" >"$out" ;;
	*) cp "$ko" "$out" ;;
	esac
	echo "$out"
}

# ensure_unstable_source: linux-source-<series> of unstable unpacked (once
# per version) into the cache; sets UNSTABLE_SRC.
ensure_unstable_source() {
	local srcver tarball
	[ -n "${UNSTABLE_PKGS+x}" ] || fetch_unstable_kernel
	UNSTABLE_SRC=$NDIS_CACHE_DIR/linux-source-$UNSTABLE_SERIES
	export UNSTABLE_SRC
	srcver=$(printf '%s\n' "${UNSTABLE_PKGS[@]}" | grep "^linux-source-")
	[ "$(cat "$UNSTABLE_SRC/.ndis-stamp" 2>/dev/null)" = "$srcver" ] && return 0
	say "unpacking linux-source-$UNSTABLE_SERIES (once)"
	rm -rf "$UNSTABLE_SRC" "$UNSTABLE_SRC.tmp"
	mkdir -p "$UNSTABLE_SRC.tmp"
	tarball=$(unstable_pkg_dir "linux-source-$UNSTABLE_SERIES")
	tarball=$tarball/usr/src/linux-source-$UNSTABLE_SERIES.tar.xz
	nice -n 19 tar -xJf "$tarball" -C "$UNSTABLE_SRC.tmp" --strip-components=1
	echo "$srcver" >"$UNSTABLE_SRC.tmp/.ndis-stamp"
	mv "$UNSTABLE_SRC.tmp" "$UNSTABLE_SRC"
}

# prepare_unstable_tree [rt]: a module build tree for the stock unstable
# kernel (generic, or PREEMPT_RT with "rt"), made from linux-source with
# Debian's config and Module.symvers, since unstable's linux-kbuild needs a
# newer C library than this machine has. Sets UNSTABLE_TREE (use as KDIR).
# Cached, keyed by the source and headers versions and the compiler. The
# tree is trusted only once a probe module built in it has the stock
# modules' vermagic and struct module size.
prepare_unstable_tree() {
	local kver=$UNSTABLE_KVER src key tree hdr stock probe got want t0
	[ "${1:-}" = rt ] && kver=$UNSTABLE_RT_KVER
	need_pkgs build-essential bc bison flex libelf-dev libssl-dev kmod xz-utils
	hdr=$(unstable_pkg_dir "linux-headers-$kver")/usr/src/linux-headers-$kver
	key=$( (printf '%s\n' "${UNSTABLE_PKGS[@]}" | grep -E "^linux-(source|headers)-"
		gcc --version | head -n 1) | sha256sum | cut -c1-16)
	tree=$NDIS_CACHE_DIR/ktree-$kver-$key
	UNSTABLE_TREE=$tree
	export UNSTABLE_TREE
	if [ -f "$tree/.ndis-complete" ]; then
		say "build tree for $kver cached: $tree"
		return 0
	fi
	t0=$(now)

	ensure_unstable_source
	src=$UNSTABLE_SRC

	say "preparing a build tree for $kver: $tree"
	rm -rf "$tree"
	mkdir -p "$tree"
	cp "$hdr/.config" "$tree/.config"
	# No Rust: the modules have none, and the stock rustc cannot be matched.
	"$src/scripts/config" --file "$tree/.config" --disable RUST
	local kmake=(make -C "$src" O="$tree" ARCH=x86_64 KERNELRELEASE="$kver")
	"${kmake[@]}" olddefconfig >"$tree/ndis-prepare.log" 2>&1 ||
		die "olddefconfig failed; see $tree/ndis-prepare.log"
	# What olddefconfig changed besides the toolchain and Rust; kept for
	# the record, and struct module is compared below.
	diff <(grep -E '^CONFIG_' "$hdr/.config" | sort) <(grep -E '^CONFIG_' "$tree/.config" | sort) |
		grep -E '^[<>]' >"$tree/ndis-config.diff" || true
	grep -q '^CONFIG_MODVERSIONS=y' "$hdr/.config" &&
		! grep -q '^CONFIG_MODVERSIONS=y' "$tree/.config" && die "olddefconfig dropped MODVERSIONS"
	grep -q '^CONFIG_RUST=y' "$tree/.config" && die "CONFIG_RUST survived olddefconfig"
	nice -n 19 "${kmake[@]}" -j"$NDIS_JOBS" modules_prepare >>"$tree/ndis-prepare.log" 2>&1 ||
		die "modules_prepare failed; see $tree/ndis-prepare.log"
	cp "$hdr/Module.symvers" "$tree/Module.symvers"
	[ "$(cat "$tree/include/config/kernel.release")" = "$kver" ] ||
		die "the tree's release is $(cat "$tree/include/config/kernel.release"), not $kver"

	# A probe module: same vermagic and struct module size as a stock one.
	probe=$tree/ndis-probe
	mkdir -p "$probe"
	cat >"$probe/probe.c" <<'EOC'
#include <linux/module.h>
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("build tree probe");
EOC
	echo 'obj-m := probe.o' >"$probe/Kbuild"
	nice -n 19 make -C "$tree" M="$probe" modules >>"$tree/ndis-prepare.log" 2>&1 ||
		die "the probe module did not build; see $tree/ndis-prepare.log"
	stock=$(stock_module "$kver" dummy)
	got=$(modinfo -F vermagic "$probe/probe.ko")
	want=$(modinfo -F vermagic "$stock")
	[ "$got" = "$want" ] || { rm -f "$stock"; die "vermagic '$got', stock '$want'"; }
	got=$(this_module_size "$probe/probe.ko")
	want=$(this_module_size "$stock")
	rm -f "$stock"
	[ "$got" = "$want" ] || die "struct module is $got bytes, stock $want"
	say "tree for $kver: vermagic '$(modinfo -F vermagic "$probe/probe.ko")'," \
		"struct module $got bytes, as stock"
	touch "$tree/.ndis-complete"
	say "build tree prepared in $(($(now) - t0)) s"
}

# ensure_unstable_sparse: sparse built (once) from unstable's source package.
# Debian 12's sparse 0.6.4 lacks __typeof_unqual__, so 7.x's
# scripts/checker-valid.sh rejects it and C=2 silently checks nothing;
# unstable's binary needs a newer C library. Sets NDIS_SPARSE to the binary
# (pass CHECK="$NDIS_SPARSE" to make).
ensure_unstable_sparse() {
	local v key dir tmp
	unstable_apt_setup
	need_pkgs build-essential dpkg-dev
	v=$(uapt apt-cache showsrc sparse | awk '$1 == "Version:" { print $2 }' | sort -V | tail -n 1)
	[ -n "$v" ] || die "unstable has no sparse source package"
	key=$( (echo "$v"; gcc --version | head -n 1) | sha256sum | cut -c1-16)
	dir=$NDIS_CACHE_DIR/sparse-$key
	NDIS_SPARSE=$dir/sparse
	export NDIS_SPARSE
	[ -x "$NDIS_SPARSE" ] && return 0
	say "building sparse $v from unstable's source (once): $dir"
	tmp=$(mktemp -d)
	(cd "$tmp" && uapt apt-get source -q --download-only "sparse=$v" &&
		dpkg-source -x ./*.dsc src) >"$tmp/log" 2>&1 ||
		die "fetching sparse $v failed: $(tail -n 3 "$tmp/log")"
	# Debian's package pins gcc-16, which this machine does not have.
	nice -n 19 make -C "$tmp/src" -j"$NDIS_JOBS" CC=gcc sparse >>"$tmp/log" 2>&1 ||
		die "building sparse $v failed: $(tail -n 3 "$tmp/log")"
	rm -rf "$dir"
	mkdir -p "$dir"
	cp "$tmp/src/sparse" "$dir/sparse"
	echo "$v" >"$dir/version"
	rm -rf "$tmp"
}

# ensure_unstable_stock_kernel [rt]: the stock unstable kernel laid out as
# ensure_stock_kernel (stock-kernel.sh) lays out a Debian 12 one, so that
# stage_kernel_modules and the itest boot work unchanged: STOCK_KVER and
# STOCK_ROOT, with boot/vmlinuz-<release> (from linux-binary-unsigned) and
# lib/modules/<release> (linux-modules and linux-base, depmod run).
ensure_unstable_stock_kernel() {
	local kver=$UNSTABLE_KVER p mods
	[ "${1:-}" = rt ] && kver=$UNSTABLE_RT_KVER
	need_pkgs kmod xz-utils zstd
	STOCK_KVER=$kver
	STOCK_ROOT=$NDIS_CACHE_DIR/images/$kver
	export STOCK_KVER STOCK_ROOT
	[ -f "$STOCK_ROOT/.ndis-complete" ] && return 0
	say "laying out stock $kver in $STOCK_ROOT"
	rm -rf "$STOCK_ROOT"
	mods=$STOCK_ROOT/lib/modules/$kver
	mkdir -p "$STOCK_ROOT/boot" "$mods"
	for p in "linux-modules-$kver" "linux-base-$kver"; do
		cp -a "$(unstable_pkg_dir "$p")/usr/lib/modules/$kver/." "$mods/"
	done
	cp "$(unstable_pkg_dir "linux-binary-unsigned-$kver")/usr/lib/modules/$kver/vmlinuz.unsigned" \
		"$STOCK_ROOT/boot/vmlinuz-$kver"
	depmod -b "$STOCK_ROOT" "$kver"
	touch "$STOCK_ROOT/.ndis-complete"
}
