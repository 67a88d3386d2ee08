#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Run the QEMU tiers again and again to catch what fails only sometimes.
#
#   tests/soak.sh [-n RUNS] [-l] [TIER...]      (default: 10 runs of kunit itest)
#
# -l loads the host while the tiers run: a kernel build from the cached
# linux-source-6.12 (defconfig, -j$(nproc)), restarted whenever it ends, so
# the guests see a host as busy as a shared CI machine. Each run's logs are
# kept in build/soak/<n>-<tier>/; build/soak/summary has one line per run,
# and the last line counts the runs that passed and failed.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
runs=10
load=
while getopts n:l opt; do
	case $opt in
	n) runs=$OPTARG ;;
	l) load=1 ;;
	*) echo "usage: $0 [-n RUNS] [-l] [TIER...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
tiers=${*:-kunit itest}

out=$top/build/soak
mkdir -p "$out"
summary=$out/summary
: >"$summary"

loader=
obj=
stop_load() {
	if [ -n "$loader" ]; then
		kill -- "-$loader" 2>/dev/null
		wait "$loader" 2>/dev/null
		loader=
	fi
	[ -z "$obj" ] || rm -rf "$obj"	# the load's kernel build, ~150 MB
	obj=
}
trap stop_load EXIT
trap 'exit 130' INT TERM

if [ -n "$load" ]; then
	# shellcheck source=tests/lib.sh
	(. "$top/tests/lib.sh" && ensure_linux_source) || exit 1
	src=${NDIS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ndis-shim}/linux-source-6.12
	obj=$(mktemp -d)
	setsid bash -c "
		make -s -C '$src' O='$obj' defconfig >/dev/null 2>&1
		while :; do
			make -s -C '$src' O='$obj' -j$(nproc) >/dev/null 2>&1
			make -s -C '$src' O='$obj' clean >/dev/null 2>&1
		done" &
	loader=$!
	echo "soak: host load: kernel build in $obj (session $loader)"
fi

pass=0
fail=0
for ((i = 1; i <= runs; i++)); do
	for tier in $tiers; do
		dir=$out/$i-$tier
		rm -rf "$dir"
		mkdir -p "$dir"
		start=$(date +%s)
		NDIS_LOG_DIR=$dir bash "$top/tests/check.sh" "$tier" >"$dir/run.log" 2>&1
		rc=$?
		secs=$(($(date +%s) - start))
		# Keep the guests' consoles of this run beside its log.
		cp -r "$top/build/$tier" "$dir/guest" 2>/dev/null
		line=$(grep -E '^check: ' "$dir/run.log" | tail -n 1)
		if [ "$rc" -eq 0 ]; then
			pass=$((pass + 1))
			verdict=pass
		else
			fail=$((fail + 1))
			verdict=FAIL
		fi
		echo "run $i $tier: $verdict in ${secs}s (${line:-no summary})${load:+ [loaded]}" |
			tee -a "$summary"
	done
done
echo "soak: $pass passed, $fail failed" | tee -a "$summary"
[ "$fail" -eq 0 ]
