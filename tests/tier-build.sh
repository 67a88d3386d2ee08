#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build tier: every module against the newest Debian 6.1 and 6.12 headers
# and the newest mainline kernel of Debian's unstable suite (and their
# PREEMPT_RT twins) with W=1 and sparse (C=2), zero warnings, failing if
# sparse did not run; symbol namespace; kernel-doc on every export, handler
# typedef and API structure; the API reference renders without a
# kernel-doc warning; the porting table matches the exports; checkpatch
# --strict over all sources; a DKMS build for 6.12 and for mainline.
NDIS_TIER=build
. "$(dirname "$0")/lib.sh"
. "$NDIS_TOP/tests/static-checks.sh"
. "$NDIS_TOP/tests/unstable-apt.sh"

need_pkgs build-essential sparse kmod bc flex bison libelf-dev libssl-dev dkms

# The stock flavours users run, plus PREEMPT_RT, where spin locks sleep;
# "mainline" is the newest mainline kernel Debian carries (unstable), built
# against a tree prepared from its source (unstable-apt.sh) and checked with
# a sparse new enough for it.
symvers=
for target in 6.1 6.1/rt- 6.12 6.12/rt- mainline mainline/rt-; do
	series=${target%%/*}
	flavour=
	[ "$target" = "$series" ] || flavour=${target#*/}
	check=()
	if [ "$series" = mainline ]; then
		fetch_unstable_kernel
		prepare_unstable_tree ${flavour:+rt}
		ensure_unstable_sparse
		kdir=$UNSTABLE_TREE
		hdr=linux-headers-$UNSTABLE_ABI-${flavour}amd64
		check=(CHECK="$NDIS_SPARSE")
	else
		hdr=$(newest_flavour "$series" headers "$flavour")
		[ -n "$hdr" ] || { check_fail "no linux-headers package found for $target"; continue; }
		need_pkgs "$hdr"
		kdir=/usr/src/$hdr
	fi
	out="$NDIS_TOP/build/$hdr"
	say "building against $hdr (W=1 C=2)"
	if ! build_modules "$kdir" "$out" W=1 C=2 "${check[@]}" NDIS_TEST_MODULES=m; then
		check_fail "build against $hdr"
		tail -n 30 "$out/build.log"
		continue
	fi
	if build_diagnostics "$out/build.log"; then
		check_fail "build against $hdr has warnings"
	elif ! sparse_ran "$out/build.log"; then
		check_fail "build against $hdr: sparse did not run"
	else
		check_pass "build against $hdr: no warnings under W=1 and sparse"
	fi
	check_namespace "$out" "$hdr"
	symvers=$out/Module.symvers
done

ensure_linux_source
check_kernel_doc
render_docs
check_porting_table "$symvers"
check_source_walk
check_style
check_dkms "$(newest_flavour 6.12 headers)"
prepare_unstable_tree
check_dkms "linux-headers-$UNSTABLE_KVER" "$UNSTABLE_TREE"

tier_summary
