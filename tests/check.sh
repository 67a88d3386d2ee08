#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make check / build-check / kunit / itest / style: run the tiers named by
# $1 ("all" = build kunit itest bench-smoke stress), time each, and end with one
# summary line.
# Every tier runs even when an earlier one failed, so one run shows all.
#
# NDIS_INJECT=kunit  loads the KUnit suites with a deliberately failing case
# NDIS_INJECT=warn   makes a guest module break an IRQL contract (a WARN)
# Either must make the run fail; they exist to prove the harness notices.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
case ${1:-all} in
all) tiers="build kunit itest bench-smoke stress" ;;
build | kunit | itest | style | bench-smoke | stress) tiers=$1 ;;
*) echo "usage: $0 all|build|kunit|itest|style|bench-smoke|stress" >&2; exit 2 ;;
esac

logdir=${NDIS_LOG_DIR:-$top/build/logs}
mkdir -p "$logdir"
total_pass=0
total_fail=0
timings=
for tier in $tiers; do
	start=$(date +%s)
	echo "=== tier $tier ==="
	bash "$top/tests/tier-$tier.sh" 2>&1 | tee "$logdir/$tier.log"
	rc=${PIPESTATUS[0]}
	secs=$(($(date +%s) - start))
	line=$(grep -E '^[a-z]+: [0-9]+ passed, [0-9]+ failed$' "$logdir/$tier.log" | tail -n 1)
	pass=$(echo "$line" | sed -nE 's/.*: ([0-9]+) passed.*/\1/p')
	fail=$(echo "$line" | sed -nE 's/.* ([0-9]+) failed$/\1/p')
	# A tier that died before its summary counts as one failure.
	if [ -z "$line" ] || { [ "$rc" -ne 0 ] && [ "${fail:-0}" -eq 0 ]; }; then
		pass=${pass:-0}
		fail=$((${fail:-0} + 1))
		echo "$tier: tier aborted (exit $rc); see $logdir/$tier.log"
	fi
	total_pass=$((total_pass + pass))
	total_fail=$((total_fail + fail))
	timings="$timings $tier=${secs}s"
done

echo "timings:$timings"
echo "check: $total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
