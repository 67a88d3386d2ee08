#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make profile: where the time of one `make bench` measure goes, per side.
# It boots the guest of tests/bench.sh (the newest stock Debian 6.12 under
# QEMU TCG, two virtio-net and two e1000 NICs wired in pairs) with the
# host's perf in the initramfs, and runs our side of the measure alone,
# then Linux's side alone, each for the same number of frames in segments
# alternated between the sides, each side under a `perf record -a -g -e
# cpu-clock` of its own (TCG has no PMU; kernel and module symbols come
# from the guest's /proc/kallsyms). The guest
# (tests/guest/bench-profile-init.sh) prints perf's reports;
# tests/bench-profile-report.py writes them to
# build/bench/profile-MEASURE-NIC-SIZE-{ours,linux}.txt, each headed by
# the work (the idle loop and the guest's harness left out) by symbol, in
# percent and in microseconds of CPU per frame, and ranks the differences
# per frame in ...-diff.txt.
#
#   tests/bench-profile.sh MEASURE NIC SIZE
#     MEASURE  send | sendbatch | recv | recvbatch | kxmit
#     NIC      virtio | e1000
#     SIZE     frame size in bytes, 60-1514
#
#   NDIS_PROFILE_FRAMES  frames per side (default 100000; 20000 for recv*)
#   NDIS_PROFILE_SEGMENTS  segments each side's frames come in, the sides
#                        alternated as make bench alternates (default 8)
#   NDIS_PROFILE_PERIOD  cpu-clock sampling period in ns (default 250000,
#                        4 kHz per CPU)
#   NDIS_PROFILE_DEPTH   callers shown in the call-graph report (default 8)
#   NDIS_PROFILE_TOP     symbols in the work table (default 40)
#   NDIS_PROFILE_TIMEOUT seconds QEMU may run (default 2400)
#   NDIS_BENCH_OUT       where the files go (default build/bench)
#
# Like make bench it judges no figure: the exit status says whether both
# sides ran and were profiled.
NDIS_TIER=profile
. "$(dirname "$0")/lib.sh"
. "$NDIS_TOP/tests/stock-kernel.sh"
. "$NDIS_TOP/tests/bench-guest.sh"
. "$NDIS_TOP/tests/guest-checks.sh"

usage() {
	echo "usage: $0 send|sendbatch|recv|recvbatch|kxmit virtio|e1000 SIZE" >&2
	exit 2
}
[ $# -eq 3 ] || usage
measure=$1 nic=$2 size=$3
case $measure in send | sendbatch | recv | recvbatch | kxmit) ;; *) usage ;; esac
case $nic in virtio | e1000) ;; *) usage ;; esac
[[ $size =~ ^[0-9]+$ ]] && [ "$size" -ge 60 ] && [ "$size" -le 1514 ] || usage
case $measure in
recv*) frames=${NDIS_PROFILE_FRAMES:-20000} ;;
*) frames=${NDIS_PROFILE_FRAMES:-100000} ;;
esac
period=${NDIS_PROFILE_PERIOD:-250000}
name="$measure-$nic-$size"

need_pkgs qemu-system-x86 busybox-static cpio build-essential kmod linux-perf python3

# The real perf binary: Debian's /usr/bin/perf may be a wrapper script
# that picks perf_VERSION for the running kernel.
find_perf() {
	local p
	for p in /usr/bin/perf_[0-9]* /usr/lib/linux-tools*/perf /usr/lib/linux-tools/*/perf \
		/usr/bin/perf; do
		[ -f "$p" ] && [ "$(head -c 4 "$p" | tail -c 3)" = ELF ] && { echo "$p"; return 0; }
	done
	return 1
}

# stage_perf ROOT: perf as ROOT/usr/bin/perf, with every library ldd lists
# and the dynamic loader, each at the path it has here.
stage_perf() {
	local root=$1 perf lib
	perf=$(find_perf) || die "no perf binary found (package linux-perf)"
	mkdir -p "$root/usr/bin"
	cp "$perf" "$root/usr/bin/perf"
	for lib in $(ldd "$perf" | awk '$2 == "=>" && $3 ~ /^\// { print $3 }
		$1 ~ /^\// { print $1 }'); do
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
	say "staged $perf ($("$perf" --version)) and $(ldd "$perf" | grep -c /) libraries"
}

out=${NDIS_BENCH_OUT:-$NDIS_TOP/build/bench}
mkdir -p "$out"
ensure_stock_kernel 6.12
# A directory per profile: make bench, or another profile, may run beside it.
work="$out/profile.$STOCK_KVER/$name"
bench_guest_stage "$work"
stage_perf "$root"
ln -sf busybox "$root/bin/mkfifo"
cat >"$root/ndis/profile.conf" <<CONF
PROFILE_MEASURE=$measure
PROFILE_NIC=$nic
PROFILE_SIZE=$size
PROFILE_FRAMES=$frames
PROFILE_PERIOD=$period
PROFILE_SEGMENTS=${NDIS_PROFILE_SEGMENTS:-8}
PROFILE_DEPTH=${NDIS_PROFILE_DEPTH:-8}
CONF
bench_guest_boot "$work" "$NDIS_TOP/tests/guest/bench-profile-init.sh" \
	"${NDIS_PROFILE_TIMEOUT:-2400}" ": $name, $frames frames a side"

commit=$(git -C "$NDIS_TOP" describe --always --dirty --abbrev=7 2>/dev/null || echo unknown)
if python3 "$NDIS_TOP/tests/bench-profile-report.py" "$log" "$out/profile-$name" "$name" \
	"$STOCK_KVER" "$commit" "${NDIS_PROFILE_TOP:-40}"; then
	check_pass "profiles written: $out/profile-$name-{ours,linux,diff}.txt"
else
	check_fail "no profile of one side or both"
fi
tier_summary
