# SPDX-License-Identifier: GPL-2.0
# Stock Debian kernels for the integration tier, unpacked (never installed)
# into the cache. Sourced after lib.sh.

# ensure_stock_kernel SERIES [FLAVOUR-]: sets STOCK_KVER and STOCK_ROOT (the
# unpacked image of the newest SERIES kernel, "rt-" for PREEMPT_RT), and
# installs the matching headers for building our modules.
ensure_stock_kernel() {
	local series=$1 flavour=${2:-} image tmp deb
	image=$(newest_flavour "$series" image "$flavour")
	[ -n "$image" ] || die "no linux-image package found for $series${flavour:+ $flavour}"
	STOCK_KVER=${image#linux-image-}
	STOCK_KVER=${STOCK_KVER%-unsigned}
	STOCK_ROOT="$NDIS_CACHE_DIR/images/$STOCK_KVER"
	need_pkgs "linux-headers-$STOCK_KVER" xz-utils zstd
	[ -f "$STOCK_ROOT/.ndis-complete" ] && return 0

	say "fetching $image (once; unpacked with dpkg-deb -x, never installed)"
	tmp=$(mktemp -d)
	(cd "$tmp" && apt-get download -q -o APT::Sandbox::User=root "$image" >/dev/null) || die "apt-get download $image failed"
	deb=$(ls "$tmp"/*.deb)
	rm -rf "$STOCK_ROOT"
	mkdir -p "$STOCK_ROOT"
	dpkg-deb -x "$deb" "$STOCK_ROOT"
	rm -rf "$tmp"
	# The package leaves modules.dep to depmod at install time.
	depmod -b "$STOCK_ROOT" "$STOCK_KVER"
	touch "$STOCK_ROOT/.ndis-complete"
}

# stage_kernel_modules DEST NAME...: copy the stock kernel's modules NAME
# and everything they depend on into DEST, decompressed, and write
# DEST/order, the order to insmod them in. Built-in ones are skipped.
stage_kernel_modules() {
	local dest=$1 moddir="$STOCK_ROOT/lib/modules/$STOCK_KVER" name path
	shift
	local -A seen=()
	local order=()
	_visit() {
		local p=$1 d
		[ -n "${seen[$p]:-}" ] && return 0
		seen[$p]=1
		for d in $(awk -v m="$p:" '$1 == m { for (i = 2; i <= NF; i++) print $i }' \
			"$moddir/modules.dep"); do
			_visit "$d"
		done
		order+=("$p")
	}
	for name in "$@"; do
		path=$(grep -oE "^[^:]*/$name\\.ko(\\.xz|\\.zst|\\.gz)?:" "$moddir/modules.dep" |
			tr -d : || true)
		if [ -z "$path" ]; then
			grep -qE "/$name\\.ko\$" "$moddir/modules.builtin" ||
				die "$STOCK_KVER has no module $name"
			continue
		fi
		_visit "$path"
	done
	mkdir -p "$dest"
	: >"$dest/order"
	for path in "${order[@]}"; do
		name=$(basename "$path")
		case $name in
		*.xz) xz -dc "$moddir/$path" >"$dest/${name%.xz}" ;;
		*.zst) zstd -qdc "$moddir/$path" >"$dest/${name%.zst}" ;;
		*.gz) gzip -dc "$moddir/$path" >"$dest/${name%.gz}" ;;
		*) cp "$moddir/$path" "$dest/$name" ;;
		esac
		echo "${name%.*}" | sed 's/\.ko$//; s/$/.ko/' >>"$dest/order"
	done
}
