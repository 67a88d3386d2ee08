#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build tier: every module against the newest Debian 6.1 and 6.12 headers
# with W=1 and sparse (C=2), zero warnings; symbol namespace; kernel-doc on
# every export, handler typedef and API structure; the API reference renders
# without a kernel-doc warning; the porting table matches the exports;
# checkpatch --strict over all sources; a DKMS build.
NDIS_TIER=build
. "$(dirname "$0")/lib.sh"
. "$NDIS_TOP/tests/static-checks.sh"

need_pkgs build-essential sparse kmod bc flex bison libelf-dev libssl-dev dkms

# The stock flavours users run, plus PREEMPT_RT, where spin locks sleep.
symvers=
for target in 6.1 6.12 6.12/rt-; do
	series=${target%%/*}
	flavour=
	[ "$target" = "$series" ] || flavour=${target#*/}
	hdr=$(newest_flavour "$series" headers "$flavour")
	[ -n "$hdr" ] || { check_fail "no linux-headers package found for $target"; continue; }
	need_pkgs "$hdr"
	kdir=/usr/src/$hdr
	out="$NDIS_TOP/build/$hdr"
	say "building against $hdr (W=1 C=2)"
	if ! build_modules "$kdir" "$out" W=1 C=2 NDIS_TEST_MODULES=m; then
		check_fail "build against $hdr"
		tail -n 30 "$out/build.log"
		continue
	fi
	if build_diagnostics "$out/build.log"; then
		check_fail "build against $hdr has warnings"
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

tier_summary
