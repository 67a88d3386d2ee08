# SPDX-License-Identifier: GPL-2.0
# Verdicts on a guest's console log, shared by the QEMU tiers. Sourced.

# The guest's own test lines: "NDIS-TEST: ok - ..." / "NDIS-TEST: not ok - ...".
count_guest_tests() {
	local log=$1 line
	while IFS= read -r line; do
		case $line in
		*"NDIS-TEST: ok - "*) check_pass "${line#*NDIS-TEST: ok - }" ;;
		*"NDIS-TEST: not ok - "*) check_fail "${line#*NDIS-TEST: not ok - }" ;;
		esac
	done < <(grep -a 'NDIS-TEST: ' "$log")
}

# The guest's hang reports (run_bounded in tests/guest/common.sh): which
# step hung, the step before it, and the kernel's dump of blocked tasks,
# CPUs and workqueues, kept whole in LOG.hang.
report_hangs() {
	local log=$1
	grep -aq 'NDIS-HANG: ' "$log" || return 0
	sed -n '/NDIS-MARK: hang-dump-begin/,/NDIS-MARK: hang-dump-end/p' "$log" >"$log.hang"
	say "the guest reported a hung step; its dump is in $log.hang"
	grep -a 'NDIS-HANG: ' "$log" | head -n 40
	# what CI prints must be enough to tell a stuck binding from a slow one
	grep -a 'still open: ' "$log" | head -n 20
	say "NDIS states at the first hang (not running):"
	sed -n '/NDIS-MARK: hang-dump-end/q; /^--- \(adapters\|bindings\)\//p' "$log.hang" |
		grep -v ': running' | head -n 40
	say "busy NDIS workqueues at the first hang:"
	sed -n '/Showing busy workqueues/,/NDIS-MARK: hang-dump-end/p' "$log.hang" |
		grep -a -A 3 '^workqueue ndis' | head -n 40
	say "blocked tasks:"
	grep -a -A 18 'state:D' "$log.hang" | head -n 80 || true
}

# Completion marker present, and not one splat anywhere in the log.
check_guest_log() {
	local log=$1 splats
	count_guest_tests "$log"
	report_hangs "$log"
	if grep -aq 'NDIS-MARK: done' "$log"; then
		check_pass "guest reached its completion marker"
	else
		check_fail "guest never reached its completion marker (hang or crash)"
		say "last marker: $(grep -a 'NDIS-MARK: ' "$log" | tail -n 1)"
		say "last step:   $(grep -a 'NDIS-TEST: ' "$log" | tail -n 1)"
		say "last lines of the console:"
		tail -n 40 "$log"
	fi
	splats=$(find_splats "$log" || true)
	if [ -n "$splats" ]; then
		check_fail "kernel log has splats:"
		echo "$splats" | head -n 20
		grep -a -A 25 -m 1 -F "$(echo "$splats" | head -n 1)" "$log" | head -n 40
	else
		check_pass "no WARN, BUG, lockdep, KASAN or hung-task report"
	fi
}

# No object kmemleak reports between the markers, after every module was
# unloaded. Only its reports count ("unreferenced object ..." and what
# follows): other kernel messages reach the console in that window too
# (a loaded host makes the clocksource watchdog speak up, for one).
check_kmemleak() {
	local log=$1 leaks
	if ! grep -aq 'NDIS-MARK: kmemleak-end' "$log"; then
		check_fail "kmemleak scan did not complete"
		return
	fi
	leaks=$(sed -n '/NDIS-MARK: kmemleak-begin/,/NDIS-MARK: kmemleak-end/p' "$log" |
		sed -n '/unreferenced object/,$p' | grep -av 'NDIS-MARK' || true)
	if [ -n "$leaks" ]; then
		check_fail "kmemleak reports leaks after unload:"
		echo "$leaks" | head -n 40
	else
		check_pass "kmemleak: no leak after unload"
	fi
}

# One check per KUnit case, from kunit.py parse's summary line.
count_kunit_results() {
	local out=$1 rc=$2 summary passed failed crashed
	summary=$(grep -E 'Ran [0-9]+ tests' "$out" | tail -n 1)
	passed=$(echo "$summary" | sed -nE 's/.*passed: ([0-9]+).*/\1/p')
	failed=$(echo "$summary" | sed -nE 's/.*failed: ([0-9]+).*/\1/p')
	crashed=$(echo "$summary" | sed -nE 's/.*crashed: ([0-9]+).*/\1/p')
	failed=$((${failed:-0} + ${crashed:-0}))
	ndis_pass=$((ndis_pass + ${passed:-0}))
	ndis_fail=$((ndis_fail + failed))
	say "kunit.py parse: ${summary:-no summary} (exit $rc)"
	if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
		check_fail "kunit.py parse exited $rc"
	elif [ -z "$summary" ]; then
		check_fail "kunit.py parse found no results"
	fi
}
