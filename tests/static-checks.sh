# SPDX-License-Identifier: GPL-2.0
# Source checks of the build tier. Sourced after lib.sh.

# Every export of ndis.ko sits in the NDIS namespace and consumers import it.
check_namespace() {
	local out=$1 what=$2 bad
	bad=$(awk -F'\t' '$3 == "core/ndis" && $5 != "NDIS" { print $2 }' "$out/Module.symvers")
	if [ -n "$bad" ] || ! grep -q "core/ndis" "$out/Module.symvers"; then
		check_fail "exports outside the NDIS namespace ($what): ${bad:-no exports at all}"
	elif [ "$(modinfo -F import_ns "$out/tests/modules/ndis_inject_warn.ko")" != NDIS ]; then
		check_fail "consumer module does not import NDIS ($what)"
	else
		check_pass "$(grep -c 'core/ndis' "$out/Module.symvers") exports in namespace NDIS ($what)"
	fi
}

# C sources of the project: git's list when in a checkout, else a walk.
c_sources() {
	if git -C "$NDIS_TOP" rev-parse --git-dir >/dev/null 2>&1; then
		git -C "$NDIS_TOP" ls-files --cached --others --exclude-standard '*.c' '*.h'
	else
		(cd "$NDIS_TOP" && find . -path ./build -prune -o -name '*.[ch]' -print | sed 's|^\./||')
	fi
}

# kernel-doc has nothing to warn about, and every export is documented.
check_kernel_doc() {
	local kdoc="$NDIS_KSRC/scripts/kernel-doc" files sym missing=
	files=$(cd "$NDIS_TOP" && ls include/ndis/*.h core/*.c miniports/*/*.[ch])
	if (cd "$NDIS_TOP" && perl "$kdoc" -none -Wall -Werror $files); then
		check_pass "kernel-doc: no warnings"
	else
		check_fail "kernel-doc warnings"
	fi
	for sym in $(cd "$NDIS_TOP" && sed -nE 's/^EXPORT_SYMBOL_NS_GPL\((\w+), NDIS\);/\1/p' core/*.c); do
		(cd "$NDIS_TOP" && grep -qE "^ \* $sym(\(\))? - " $files) || missing="$missing $sym"
	done
	if [ -n "$missing" ]; then
		check_fail "exports without kernel-doc:$missing"
	else
		check_pass "kernel-doc on every exported symbol"
	fi
}

# checkpatch --strict, options and accepted exceptions in .checkpatch.conf.
# Two path-scoped exceptions, both documented there: the NDIS API headers
# declare the DDI's typedefs, and compat.h alone compares kernel versions
# (and names the types whose constness changed between them).
check_style() {
	local cp="$NDIS_KSRC/scripts/checkpatch.pl" files api rest rc=0
	files=$(c_sources)
	api=$(echo "$files" | grep '^include/ndis/' | grep -v 'compat\.h$' || true)
	rest=$(echo "$files" | grep -v '^include/ndis/' || true)
	cd "$NDIS_TOP"
	perl "$cp" --strict --terse -f $rest || rc=1
	perl "$cp" --strict --terse --ignore NEW_TYPEDEFS -f $api || rc=1
	perl "$cp" --strict --terse \
		--ignore LINUX_VERSION_CODE,CONSTANT_COMPARISON,MACRO_ARG_UNUSED,NEW_TYPEDEFS,CONST_STRUCT \
		-f include/ndis/compat.h || rc=1
	cd - >/dev/null
	if [ $rc -eq 0 ]; then
		check_pass "checkpatch --strict: $(echo "$files" | wc -l) files clean"
	else
		check_fail "checkpatch --strict"
	fi
}

# dkms add/build/install into a private tree (nothing touches /lib/modules).
check_dkms() {
	local hdr=$1 kver tmp opts ver
	kver=${hdr#linux-headers-}
	ver=$(sed -nE 's/^PACKAGE_VERSION="(.*)"/\1/p' "$NDIS_TOP/dkms.conf")
	tmp="$NDIS_TOP/build/dkms"
	rm -rf "$tmp"
	mkdir -p "$tmp/tree" "$tmp/src" "$tmp/install/$kver"
	stage_sources "$tmp/src/ndis-$ver"
	cp "$NDIS_TOP/dkms.conf" "$tmp/src/ndis-$ver/"
	opts="--dkmstree $tmp/tree --sourcetree $tmp/src --installtree $tmp/install --no-depmod"
	if { dkms add -m ndis -v "$ver" $opts &&
		dkms build -m ndis -v "$ver" -k "$kver" --kernelsourcedir "/usr/src/$hdr" $opts &&
		dkms install -m ndis -v "$ver" -k "$kver" --kernelsourcedir "/usr/src/$hdr" $opts
	} >"$tmp/dkms.log" 2>&1 &&
		ls "$tmp/install/$kver"/updates/dkms/ndis.ko* >/dev/null 2>&1; then
		check_pass "dkms add/build/install for $kver"
	else
		tail -n 20 "$tmp/dkms.log"
		check_fail "dkms add/build/install for $kver"
	fi
}
