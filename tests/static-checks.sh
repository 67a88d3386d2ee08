# SPDX-License-Identifier: GPL-2.0
# Source checks of the build tier. Sourced after lib.sh.

# The C files of ndis.ko: the engine in core/, its NDIS interface below it.
core_c_files() {
	(cd "$NDIS_TOP" && shopt -s nullglob && printf '%s\n' core/*.c core/*/*.c)
}

# Symbols the given files export, one per line: the NDIS API ("NDIS"), the
# helpers a miniport needs to wrap a net_device ("NDIS_LINUX") and the test
# hooks (EXPORT_SYMBOL_IF_KUNIT).
export_names() {
	sed -nE -e 's/^EXPORT_SYMBOL_NS_GPL\((\w+), "NDIS(_LINUX)?"\);/\1/p' \
		-e 's/^EXPORT_SYMBOL_IF_KUNIT\((\w+)\);/\1/p' "$@"
}

# Every export of ndis.ko sits in one of its namespaces and consumers
# import the API's.
check_namespace() {
	local out=$1 what=$2 bad
	# The module column is "core/ndis" or, from newer kbuilds, a full path.
	bad=$(awk -F'\t' '$3 ~ /(^|\/)core\/ndis$/ &&
		$5 !~ /^(NDIS|NDIS_LINUX|EXPORTED_FOR_KUNIT_TESTING)$/ { print $2 }' \
		"$out/Module.symvers")
	if [ -n "$bad" ] || ! grep -q "core/ndis" "$out/Module.symvers"; then
		check_fail "exports outside ndis.ko's namespaces ($what): ${bad:-no exports at all}"
	elif [ "$(modinfo -F import_ns "$out/tests/modules/ndis_inject_warn.ko")" != NDIS ]; then
		check_fail "consumer module does not import NDIS ($what)"
	else
		check_pass "$(grep -c 'core/ndis' "$out/Module.symvers") exports in ndis.ko's namespaces ($what)"
	fi
}

# C sources of the project: git's list when in a checkout, else a walk
# (an unpacked tarball, a DKMS source tree) that skips what a build leaves
# behind: kbuild's generated *.mod.c and everything under build/.
c_sources() {
	if git -C "$NDIS_TOP" rev-parse --git-dir >/dev/null 2>&1; then
		git -C "$NDIS_TOP" ls-files --cached --others --exclude-standard '*.c' '*.h'
	else
		(cd "$NDIS_TOP" && find . -path ./build -prune -o \
			-name '*.[ch]' ! -name '*.mod.c' -print | sed 's|^\./||' | sort)
	fi
}

# Outside a checkout the walk finds exactly git's files, even after a build
# left kbuild's *.mod.c beside them (the style check once failed on those
# in an unpacked tarball and a DKMS tree).
check_source_walk() {
	local tmp got want
	git -C "$NDIS_TOP" rev-parse --git-dir >/dev/null 2>&1 || return 0
	tmp=$(mktemp -d)	# outside the checkout, as a tarball would be
	git -C "$NDIS_TOP" archive HEAD | tar -x -C "$tmp"
	echo '/* generated */' >"$tmp/core/ndis.mod.c"
	want=$(git -C "$NDIS_TOP" ls-files '*.c' '*.h' | sort)
	got=$(NDIS_TOP=$tmp c_sources)
	rm -rf "$tmp"
	if [ "$got" = "$want" ]; then
		check_pass "sources outside a checkout: $(echo "$got" | wc -l) files, no generated ones"
	else
		check_fail "sources outside a checkout differ from git's:"
		diff <(echo "$want") <(echo "$got") | head -n 10
	fi
}

# kernel-doc has nothing to warn about, and every export is documented.
check_kernel_doc() {
	local kdoc="$NDIS_KSRC/scripts/kernel-doc" files sym missing=
	files=$(cd "$NDIS_TOP" && ls include/ndis/*.h miniports/*/*.[ch] protocols/*/*.[ch])
	files="$files $(core_c_files)"
	if (cd "$NDIS_TOP" && perl "$kdoc" -none -Wall -Werror $files); then
		check_pass "kernel-doc: no warnings"
	else
		check_fail "kernel-doc warnings"
	fi
	for sym in $(cd "$NDIS_TOP" && export_names $(core_c_files)); do
		(cd "$NDIS_TOP" && grep -qE "^ \* $sym(\(\))? - " $files) || missing="$missing $sym"
	done
	if [ -n "$missing" ]; then
		check_fail "exports without kernel-doc:$missing"
	else
		check_pass "kernel-doc on every exported symbol"
	fi
	# Handler typedefs and the DDI's structures, unions and enums in the API
	# headers (the framework's own ndis_*_private bookkeeping is exempt).
	missing=
	for sym in $(cd "$NDIS_TOP" && sed -nE \
		-e 's/^typedef [A-Za-z_][A-Za-z0-9_]* \**([A-Z][A-Z0-9_]*)\(.*/typedef:\1/p' \
		-e 's/^(typedef )?(struct|union|enum) (_[A-Za-z0-9_]+) \{.*/\2:\3/p' \
		include/ndis/*.h); do
		(cd "$NDIS_TOP" && grep -qE "^ \* ${sym%%:*} ${sym#*:} - " include/ndis/*.h) ||
			missing="$missing ${sym#*:}"
	done
	if [ -n "$missing" ]; then
		check_fail "API types without kernel-doc:$missing"
	else
		check_pass "kernel-doc on every handler typedef and API structure"
	fi
}

# Exports of ndis.ko according to the sources, one per line.
source_exports() {
	(cd "$NDIS_TOP" && export_names $(core_c_files)) | sort -u
}

# Exports of ndis.ko according to a built Module.symvers, one per line.
symvers_exports() {
	awk -F'\t' '$3 ~ /(^|\/)core\/ndis$/ { print $2 }' "$1" | sort -u
}

# Handler fields of one characteristics structure of the API headers.
handler_fields() {
	(cd "$NDIS_TOP" && awk -v s="$1" '
		$0 ~ "^typedef struct " s " \\{" { in_s = 1; next }
		in_s && /^}/ { exit }
		in_s && /^\t[A-Z_]+ \*[A-Za-z]+Handler[A-Za-z]*;/ {
			sub(/;.*/, ""); sub(/.*\*/, ""); print
		}' include/ndis/*.h) | sort -u
}

# Static inline functions the API headers define, one per line. A
# definition starts a line: "static inline <type> <name>(".
header_inlines() {
	(cd "$NDIS_TOP" && sed -nE \
		's/^static (__always_)?inline [^(=;]*[ *]([A-Za-z_][A-Za-z0-9_]*)\(.*/\2/p' \
		include/ndis/*.h) | sort -u
}

# Type names the API headers define, one per line: every name a typedef
# declares (plain, pointer, function and function-pointer typedefs) and
# every struct, union or enum tag defined with a body. Comments and
# preprocessor lines are dropped first, then brace bodies, innermost
# first, so that only the declarators of each typedef are left.
header_types() {
	(cd "$NDIS_TOP" && perl -0777 -ne '
		s{/\*.*?\*/}{ }gs;
		s{//[^\n]*}{}g;
		s{^[ \t]*#(?:[^\n]*\\\n)*[^\n]*}{}mg;
		print "$1\n" while /\b(?:struct|union|enum)\s+([A-Za-z_]\w*)\s*\{/g;
		1 while s/\{[^{}]*\}/ /g;
		while (/\btypedef\b([^;]*);/g) {
			my $d = $1;
			$d =~ s/\(\s*\*\s*(\w+)\s*\)/ $1 /g;
			1 while $d =~ s/\([^()]*\)//g;
			$d =~ s/\[[^\]]*\]//g;
			for (split /,/, $d) {
				print "$1\n" if /\b([A-Za-z_]\w*)\s*$/;
			}
		}' include/ndis/*.h) | sort -u
}

# docs/porting-from-windows.md against what ndis.ko exports, so the table
# cannot drift. Its tables headed "| name | kind | status | notes |" have
# rows "| `Name` | kind | status | notes |":
#   kind   function, macro, inline, type, protocol handler, miniport handler
#   status supported, differs (notes say how), not yet, Linux, test
# Every export (sources and, when built, Module.symvers) needs a function
# row; a function row other than "not yet" must be an export, and a "not
# yet" one must not be. Macros are checked against the headers' #defines,
# inlines against their static inline functions, types against the names
# their typedefs declare and the tags of the structures, unions and enums
# they define, handlers against the fields of the characteristics
# structures, every one of which needs a row. Optional $1: a
# Module.symvers to compare too.
check_porting_table() {
	local table="$NDIS_TOP/docs/porting-from-windows.md" symvers=${1:-} rows bad=
	local exports fields_p fields_m defines inlines types name kind status notes
	if [ ! -f "$table" ]; then
		check_fail "porting table: $table missing"
		return
	fi
	exports=$(source_exports)
	if [ -n "$symvers" ]; then
		if [ ! -f "$symvers" ]; then
			check_fail "porting table: no $symvers to compare"
			return
		fi
		# A stock kernel builds without KUnit, so the sources may export
		# more; never less.
		local extra
		extra=$(comm -13 <(echo "$exports") <(symvers_exports "$symvers") | tr '\n' ' ')
		[ -z "$extra" ] || bad="$bad; exported but not found in the sources: $extra"
		exports=$(printf '%s\n%s\n' "$exports" "$(symvers_exports "$symvers")" | sort -u)
	fi
	fields_p=$(handler_fields _NDIS_PROTOCOL_DRIVER_CHARACTERISTICS)
	fields_m=$(handler_fields _NDIS_MINIPORT_DRIVER_CHARACTERISTICS)
	defines=$(cd "$NDIS_TOP" && sed -nE 's/^#define ([A-Za-z_][A-Za-z0-9_]*).*/\1/p' \
		include/ndis/*.h | sort -u)
	inlines=$(header_inlines)
	types=$(header_types)
	# name<TAB>kind<TAB>status<TAB>notes for every row of the tables headed
	# "| name | kind | status | notes |" (other tables are prose).
	rows=$(awk -F'|' '
		/^\| name \| kind \| status \| notes \|/ { in_t = 1; next }
		!/^\|/ { in_t = 0; next }
		in_t && /^\| `[A-Za-z_][A-Za-z0-9_]*` *\|/ {
			for (i = 2; i <= 5; i++) gsub(/^ +| +$/, "", $i)
			gsub(/`/, "", $2)
			print $2 "\t" $3 "\t" $4 "\t" $5
		}' "$table")
	while IFS=$'\t' read -r name kind status notes; do
		[ -n "$name" ] || continue
		case $status in
		supported | differs | "not yet" | Linux | test) ;;
		*) bad="$bad; $name: unknown status '$status'"; continue ;;
		esac
		[ "$status" != differs ] || [ -n "$notes" ] ||
			bad="$bad; $name: 'differs' without saying how"
		local have=no
		case $kind in
		function) grep -qx "$name" <<<"$exports" && have=yes ;;
		macro) grep -qx "$name" <<<"$defines" && have=yes ;;
		inline) grep -qx "$name" <<<"$inlines" && have=yes ;;
		type) grep -qx "$name" <<<"$types" && have=yes ;;
		"protocol handler") grep -qx "$name" <<<"$fields_p" && have=yes ;;
		"miniport handler") grep -qx "$name" <<<"$fields_m" && have=yes ;;
		*) bad="$bad; $name: unknown kind '$kind'"; continue ;;
		esac
		if [ "$status" = "not yet" ] && [ $have = yes ]; then
			bad="$bad; $name ($kind) exists now but the table says 'not yet'"
		elif [ "$status" != "not yet" ] && [ $have = no ]; then
			bad="$bad; $name ($kind) is '$status' in the table but does not exist"
		fi
	done <<<"$rows"
	for name in $exports; do
		grep -qP "^\Q$name\E\tfunction\t" <<<"$rows" ||
			bad="$bad; export $name has no row"
	done
	for name in $fields_p; do
		grep -qP "^\Q$name\E\tprotocol handler\t" <<<"$rows" ||
			bad="$bad; protocol handler $name has no row"
	done
	for name in $fields_m; do
		grep -qP "^\Q$name\E\tminiport handler\t" <<<"$rows" ||
			bad="$bad; miniport handler $name has no row"
	done
	for name in NdisRegisterProtocolDriver NdisMRegisterMiniportDriver; do
		grep -qP "^$name\tmacro\t" <<<"$rows" || bad="$bad; macro $name has no row"
	done
	if [ -n "$bad" ]; then
		check_fail "porting table (docs/porting-from-windows.md): ${bad#; }"
	else
		check_pass "porting table: $(echo "$exports" | wc -l) exports, $(echo "$fields_p $fields_m" | wc -w) handlers, $(echo "$rows" | wc -l) rows${symvers:+, checked against $(basename "$(dirname "$symvers")")}"
	fi
}

# checkpatch --strict, options and accepted exceptions in .checkpatch.conf.
# Two path-scoped exceptions, both documented there: the NDIS API headers
# declare the DDI's typedefs, and compat/ndis_compat.h alone compares
# kernel versions (and names the types whose constness changed between
# them).
check_style() {
	local cp="$NDIS_KSRC/scripts/checkpatch.pl" files api win rest rc=0
	files=$(c_sources)
	api=$(echo "$files" | grep '^include/ndis/' || true)
	# The Windows-style test drivers keep their own typedefs, as a port does.
	win=$(echo "$files" | grep '^tests/windows/' || true)
	rest=$(echo "$files" | grep -v '^include/ndis/' | grep -v '^tests/windows/' |
		grep -vx 'compat/ndis_compat.h' || true)
	cd "$NDIS_TOP"
	perl "$cp" --strict --terse -f $rest || rc=1
	perl "$cp" --strict --terse --ignore NEW_TYPEDEFS -f $api $win || rc=1
	perl "$cp" --strict --terse \
		--ignore LINUX_VERSION_CODE,CONSTANT_COMPARISON,MACRO_ARG_UNUSED,NEW_TYPEDEFS,CONST_STRUCT \
		-f compat/ndis_compat.h || rc=1
	cd - >/dev/null
	if [ $rc -eq 0 ]; then
		check_pass "checkpatch --strict: $(echo "$files" | wc -l) files clean"
	else
		check_fail "checkpatch --strict"
	fi
}

# dkms add/build/install into a private tree (nothing touches /lib/modules);
# check_dkms HDR [KDIR], KDIR being /usr/src/HDR unless given.
check_dkms() {
	local hdr=$1 kdir=${2:-/usr/src/$1} kver tmp opts ver
	kver=${hdr#linux-headers-}
	ver=$(sed -nE 's/^PACKAGE_VERSION="(.*)"/\1/p' "$NDIS_TOP/dkms.conf")
	tmp="$NDIS_TOP/build/dkms"
	rm -rf "$tmp"
	mkdir -p "$tmp/tree" "$tmp/src" "$tmp/install/$kver"
	stage_sources "$tmp/src/ndis-$ver"
	cp "$NDIS_TOP/dkms.conf" "$tmp/src/ndis-$ver/"
	opts="--dkmstree $tmp/tree --sourcetree $tmp/src --installtree $tmp/install --no-depmod"
	if { dkms add -m ndis -v "$ver" $opts &&
		dkms build -m ndis -v "$ver" -k "$kver" --kernelsourcedir "$kdir" $opts &&
		dkms install -m ndis -v "$ver" -k "$kver" --kernelsourcedir "$kdir" $opts
	} >"$tmp/dkms.log" 2>&1 &&
		ls "$tmp/install/$kver"/updates/dkms/ndis.ko* >/dev/null 2>&1; then
		check_pass "dkms add/build/install for $kver"
	else
		tail -n 20 "$tmp/dkms.log"
		check_fail "dkms add/build/install for $kver"
	fi
}

# The API reference, rendered by the kernel's own scripts/kernel-doc into
# build/docs/: per header, one reStructuredText file with the header's own
# comments followed by those of the functions it declares (their kernel-doc
# sits with the definitions in core/), and one man page (section 9) per
# function, macro, structure and handler typedef. Exports declared in no
# API header (test hooks) go to internal.rst. Any kernel-doc diagnostic
# fails the check; they are kept in build/docs/kernel-doc.log.
render_docs() {
	local kdoc="$NDIS_KSRC/scripts/kernel-doc" split="$NDIS_KSRC/scripts/split-man.pl"
	local out="$NDIS_TOP/build/docs" log h base sym f syms files declared= n
	local kd=(perl "$kdoc" -Wall)
	log="$out/kernel-doc.log"
	rm -rf "$out"
	mkdir -p "$out/rst" "$out/man"
	: >"$log"
	# Lines naming @2 as a function declared by the file: not comments,
	# not macros, not typedefs.
	declares() { grep -qE "^[A-Za-z_][^#*]*[ *]$2\(" "$1"; }
	cd "$NDIS_TOP"
	for h in include/ndis/*.h; do
		# module.h, ndis.h and types.h have nothing to render.
		grep -q '^/\*\*$' "$h" || continue
		base=$(basename "$h" .h)
		{
			echo "$h"
			echo "${h//?/=}"
			echo
			"${kd[@]}" -rst -sphinx-version 3.0 "$h"
			for f in $(core_c_files); do
				syms=()
				for sym in $(export_names "$f"); do
					declares "$h" "$sym" || continue
					syms+=(-function "$sym")
					declared="$declared $sym"
				done
				[ ${#syms[@]} -eq 0 ] || "${kd[@]}" -rst -sphinx-version 3.0 "${syms[@]}" "$f"
			done
		} >"$out/rst/$base.rst" 2>>"$log"
		"${kd[@]}" -man "$h" 2>>"$log" | perl "$split" "$out/man" 2>/dev/null
	done
	{
		echo "Exports for the test suites (not part of the driver API)"
		echo "========================================================="
		echo
		for f in $(core_c_files); do
			syms=()
			for sym in $(export_names "$f"); do
				[[ " $declared " == *" $sym "* ]] || syms+=(-function "$sym")
			done
			[ ${#syms[@]} -eq 0 ] || "${kd[@]}" -rst -sphinx-version 3.0 "${syms[@]}" "$f"
		done
	} >"$out/rst/internal.rst" 2>>"$log"
	for f in $(core_c_files); do
		syms=()
		for sym in $declared; do
			export_names "$f" | grep -qx "$sym" && syms+=(-function "$sym")
		done
		[ ${#syms[@]} -eq 0 ] ||
			"${kd[@]}" -man "${syms[@]}" "$f" 2>>"$log" | perl "$split" "$out/man" 2>/dev/null
	done
	{
		echo "# ndis API reference"
		echo
		echo "Rendered by \`make docs\` with the kernel's scripts/kernel-doc."
		echo "One reStructuredText file per header in \`rst/\`; one man page per"
		echo "symbol in \`man/\` (read one with \`man -l man/NdisOpenAdapterEx.9\`)."
		echo
		for f in rst/*.rst; do echo "- [\`$f\`]($f)"; done
	} >"$out/README.md"
	cd - >/dev/null
	unset -f declares
	# "struct _X.9" -> "struct-_X.9": no spaces in file names.
	for f in "$out"/man/*\ *; do
		[ -e "$f" ] && mv "$f" "${f// /-}"
	done
	n=$(find "$out/man" -name '*.9' | wc -l)
	if [ -s "$log" ]; then
		cat "$log"
		check_fail "make docs: kernel-doc warnings (see $log)"
	elif [ "$n" -eq 0 ]; then
		check_fail "make docs: no man pages rendered"
	else
		check_pass "make docs: $(ls "$out/rst" | wc -l) rst files, $n man pages in build/docs, no warnings"
	fi
}
