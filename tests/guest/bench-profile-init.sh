#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# PID 1 of the `make profile` guest (tests/bench-profile.sh): the guest of
# `make bench` (the same kernel, NICs and stack, set up as
# tests/guest/bench-init.sh does), which profiles one measure's two sides
# apart: our side alone, then Linux's side alone, in segments of the same
# number of frames, alternated (ours first, then theirs first, ...) as
# make bench alternates its blocks, for the host's speed swings. Each side
# has its own `perf record -a -g -e cpu-clock`, whose events are on only
# during that side's segments. Then perf's reports of each side go to the
# console between "NDIS-PROFILE-BEGIN: SIDE" and "NDIS-PROFILE-END: SIDE",
# each after an "NDIS-PROFILE-SECTION:" line; the host cuts them out. The
# measure comes from /ndis/profile.conf.
. /ndis/common.sh
guest_setup
echo 4 >/proc/sys/kernel/printk
. $NDIS_DIR/profile.conf
bin=$NDIS_DIR/bin
kb=/sys/kernel/debug/ndis_kbench/ctl

# perf resolves kernel and module symbols from /proc/kallsyms; TCG is slow
# enough that the kernel would otherwise throttle the sampling.
echo 0 >/proc/sys/kernel/kptr_restrict
echo -1 >/proc/sys/kernel/perf_event_paranoid
echo 0 >/proc/sys/kernel/perf_cpu_time_max_percent
export HOME=/tmp

bench_stack_up
t_check "perf runs" /usr/bin/perf --version


# The measure's command line for SIDE (ours, theirs, or "": both, for the
# warm-up) and FRAMES frames, in blocks of the size make bench uses. No
# word of it holds a space. ndis_kbench runs a measure on a write to its
# file: a two-line script does it, run by its name (the host tells the
# measure's samples from the harness's by the command).
printf '#!/bin/sh\necho "$*" >%s\n' $kb >$bin/kbench
chmod 0755 $bin/kbench
case $PROFILE_NIC in
virtio) tx=$v0 rx=$v1 ;;
e1000) tx=$e0 rx=$e1 ;;
esac
case $PROFILE_MEASURE in
send) block=250 ;;
sendbatch) block=64 ;;
kxmit) block=1000 ;;
*) block=1 ;;
esac
measure_cmd() {
	local side=$1 frames=$2
	case $PROFILE_MEASURE in
	send | sendbatch)
		echo $bin/ndis_bench $PROFILE_MEASURE $PROFILE_NIC $tx $PROFILE_SIZE 1 \
			$((frames / block)) $block $side ;;
	recv | recvbatch)
		echo $bin/ndis_bench $PROFILE_MEASURE $PROFILE_NIC $tx $rx $PROFILE_SIZE 1 \
			$frames $side ;;
	kxmit)
		echo $bin/kbench kxmit $PROFILE_NIC $tx $PROFILE_SIZE 1 $((frames / block)) \
			$block $side ;;
	esac
}

# What ndis_kbench said of its last command (its NDIS-BENCH line, or the
# step it failed at).
kbench_said() {
	[ $PROFILE_MEASURE = kxmit ] && cat $kb
	return 0
}

# perf_start SIDE: SIDE's perf record, in the background, every CPU, its
# events off until perf_ctl turns them on. Its chatter goes to a file.
perf_start() {
	mkfifo /tmp/$1.ctl /tmp/$1.ack
	setsid /usr/bin/perf record -a -g -e cpu-clock -c "$PROFILE_PERIOD" -N -D -1 \
		--control fifo:/tmp/$1.ctl,/tmp/$1.ack -o /tmp/perf-$1.data \
		>/tmp/perf-$1.log 2>&1 &
	echo $! >/tmp/perf-$1.pid
}

# perf_ctl SIDE enable|disable: done once perf has acknowledged it.
perf_ctl() {
	run_bounded "perf $2, $1 side" "$(step_limit 60)" \
		sh -c 'echo "$2" >/tmp/$1.ctl && read -r ack </tmp/$1.ack' - "$1" "$2"
}

# perf_stop SIDE: SIGINT makes perf write its file and leave; bounded.
perf_stop() {
	local pid i=0 rc
	pid=$(cat /tmp/perf-$1.pid)
	kill -INT "$pid"
	while [ -n "$(proc_state "$pid" | tr -d Z)" ] && [ $i -lt $(($(step_limit 300) * 5)) ]; do
		sleep 0.2
		i=$((i + 1))
	done
	if [ -n "$(proc_state "$pid" | tr -d Z)" ]; then
		hang_dump "perf record of the $1 side still running after SIGINT"
		kill -KILL "$pid"
		t_fail "perf record, $1 side: did not stop"
		return 1
	fi
	wait "$pid"
	rc=$?
	cat /tmp/perf-$1.log
	# 130: it left on the SIGINT, as asked.
	case $rc in
	0 | 130) t_ok "perf record, $1 side" ;;
	*) t_fail "perf record, $1 side (exit $rc)"; return 1 ;;
	esac
}

# segment SIDE I: segment I, $per frames of SIDE alone, SIDE's perf on
# meanwhile; the seconds it was on add up in /tmp/SIDE.seconds.
segment() {
	local side=$1 t0 t1 rc=0
	perf_ctl "$side" enable || return 1
	t0=$(cut -d' ' -f1 /proc/uptime)
	bench_step "$side side, segment $2" 600 $(measure_cmd "$side" "$per") || rc=$?
	perf_ctl "$side" disable || rc=1
	t1=$(cut -d' ' -f1 /proc/uptime)
	awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }' >>/tmp/$side.seconds
	kbench_said
	return $rc
}

# report SIDE NAME LIMIT ARGS...: one perf report of SIDE's data, bounded;
# through a pipe, which has perf leave out its colours.
report() {
	local side=$1 name=$2 limit=$3
	shift 3
	echo "NDIS-PROFILE-SECTION: $name"
	run_bounded "perf report $name, $side side" "$(step_limit "$limit")" sh -c \
		'data=$1; shift; /usr/bin/perf report -i "$data" --stdio "$@" 2>&1 | cat' \
		- /tmp/perf-$side.data "$@" || t_fail "perf report $name, $side side"
}

# reports SIDE: what the host makes SIDE's file of. The idle loop is in
# them (perf samples every CPU); the host takes it out.
reports() {
	local side=$1
	echo "NDIS-PROFILE-BEGIN: $side"
	echo "NDIS-PROFILE-SECTION: run frames=$(((per + untimed) * PROFILE_SEGMENTS))" \
		"segments=$PROFILE_SEGMENTS period_ns=$PROFILE_PERIOD" \
		"cpus=$(grep -c ^processor /proc/cpuinfo)" \
		"seconds=$(awk '{ s += $1 } END { printf "%.2f", s }' /tmp/$side.seconds)"
	report "$side" flat 600 --no-children --sort comm,sym -g none -n --percent-limit 0
	report "$side" comm 300 --no-children --sort comm -g none -n
	report "$side" children 600 --children --sort sym -g none --percent-limit 0.1
	# --percent-limit cuts the call graph's branches too, unless a -g
	# after it sets their own threshold.
	report "$side" graph 600 --no-children --sort sym --percent-limit 0.5 \
		-g graph,0.3,callee --max-stack "$PROFILE_DEPTH"
	report "$side" tree 600 --children --sort sym --percent-limit 3 -g graph,0.3,caller
	echo "NDIS-PROFILE-END: $side"
	rm -f /tmp/perf-$side.data
}

if [ $PROFILE_MEASURE = kxmit ]; then
	# As in make bench: ndisprot goes first, it would bind to the test adapter.
	t_check "rmmod ndisprot" rmmod ndisprot
	bench_step "insmod ndis_kbench.ko" 60 insmod $NDIS_DIR/modules/ndis_kbench.ko
fi
# Both sides once, untimed: TCG translates code on first use.
bench_step "warm-up, both sides" 300 $(measure_cmd "" $((block > 1 ? 4 * block : 2000)))
kbench_said

# Frames a segment, whole blocks. kxmit sends a block more of each side,
# untimed, before its figures: it is in the profile.
per=$((PROFILE_FRAMES / PROFILE_SEGMENTS / block * block))
[ $per -gt 0 ] || per=$block
untimed=0
[ $PROFILE_MEASURE = kxmit ] && untimed=$block
marker "profile: $PROFILE_SEGMENTS segments of $per frames a side"
perf_start ours
perf_start theirs
ok=1
for i in $(seq "$PROFILE_SEGMENTS"); do
	[ $((i % 2)) = 1 ] && set -- ours theirs || set -- theirs ours
	segment "$1" "$i" && segment "$2" "$i" || { ok=; break; }
done
perf_stop ours || ok=
perf_stop theirs || ok=
if [ -n "$ok" ]; then
	reports ours
	reports theirs
fi

marker profile-done
if [ $PROFILE_MEASURE = kxmit ]; then
	bench_step "rmmod ndis_kbench" 120 rmmod ndis_kbench
else
	bench_step "rmmod ndisprot" 120 rmmod ndisprot
fi
bench_step "rmmod ndis_netdev" 120 rmmod ndis_netdev
t_check "rmmod ndis" rmmod ndis
guest_finish
