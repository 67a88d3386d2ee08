#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make bench: the data path against the Linux path a user would take
# instead, measured side by side in one boot of the newest stock Debian
# 6.12 kernel under QEMU (TCG) with two virtio-net and two e1000 NICs
# wired in pairs: from user space (tests/tools/ndis_bench.c) and in the
# kernel (tests/modules/ndis_kbench.ko). The guest
# (tests/guest/bench-init.sh) prints NDIS-BENCH lines;
# tests/bench-report.py makes the table and build/bench/bench.json,
# gnuplot the chart build/bench/bench.svg. No figure is a pass or a fail:
# the exit status says only whether every measure ran.
#
#   NDIS_BENCH_ROUNDS  rounds per figure (default 3; the smoke in make check
#                      runs 1 with small blocks: NDIS_BENCH_SMOKE=1)
#   NDIS_BENCH_OUT     where the figures go (default build/bench)
NDIS_TIER=bench
. "$(dirname "$0")/lib.sh"
. "$NDIS_TOP/tests/stock-kernel.sh"
. "$NDIS_TOP/tests/bench-guest.sh"
. "$NDIS_TOP/tests/guest-checks.sh"

need_pkgs qemu-system-x86 busybox-static cpio build-essential kmod gnuplot-nox python3

out=${NDIS_BENCH_OUT:-$NDIS_TOP/build/bench}
mkdir -p "$out"
ensure_stock_kernel 6.12
work="$out/$STOCK_KVER"
bench_guest_stage "$work"
# In-kernel (k*): kxmit blocks of frames, unbind blocks per protocol and
# context, fanout blocks and frames a block, scale's protocols x adapters.
if [ -n "${NDIS_BENCH_SMOKE:-}" ]; then
	rounds=1 blocks=2 block=64 batch=64 rx=200 sizes="64 1514"
	kblocks=2 kblock=256 kreps=1 kunbind=4 kfblocks=1 kframes=64
else
	rounds=${NDIS_BENCH_ROUNDS:-3} blocks=8 block=250 batch=64 rx=2000 sizes="64 512 1514"
	kblocks=16 kblock=1000 kreps=2 kunbind=16 kfblocks=16 kframes=500
fi
cat >"$root/ndis/bench.conf" <<CONF
BENCH_ROUNDS=$rounds
BENCH_BLOCKS=$blocks
BENCH_BLOCK=$block
BENCH_BATCH=$batch
BENCH_RX_FRAMES=$rx
BENCH_SIZES="$sizes"
KBENCH_SIZES="64 1514"
KBENCH_BLOCKS=$kblocks
KBENCH_BLOCK=$kblock
KBENCH_UNBIND_REPS=$kreps
KBENCH_UNBIND_ADAPTERS=$kunbind
KBENCH_FANOUT_BLOCKS=$kfblocks
KBENCH_FANOUT_FRAMES=$kframes
KBENCH_SCALE_PROTOCOLS=16
KBENCH_SCALE_ADAPTERS=64
CONF
bench_guest_boot "$work" "$NDIS_TOP/tests/guest/bench-init.sh" "${NDIS_BENCH_TIMEOUT:-1800}" \
	"; $rounds round(s) per figure"

commit=$(git -C "$NDIS_TOP" describe --always --dirty --abbrev=7 2>/dev/null || echo unknown)
echo "These are ratios under QEMU TCG on a shared host: compare them, not the rates."
if python3 "$NDIS_TOP/tests/bench-report.py" "$log" "$out" "$STOCK_KVER" "$commit"; then
	check_pass "figures written to $out/bench.json"
else
	check_fail "no figure came out of the guest"
fi
if why=$(python3 "$NDIS_TOP/tests/bench-report.py" --check "$out/bench.json" 2>&1); then
	check_pass "bench.json well-formed: $why"
else
	check_fail "bench.json malformed: $why"
fi
if gnuplot -c "$NDIS_TOP/tests/bench.gp" "$out/bench.dat" "$out/bench.svg" \
	"ndis bench, $STOCK_KVER, QEMU TCG, commit $commit" 2>"$out/gnuplot.log"; then
	check_pass "chart drawn: $out/bench.svg"
else
	cat "$out/gnuplot.log"
	check_fail "gnuplot could not draw the chart"
fi
tier_summary
