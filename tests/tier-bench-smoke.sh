#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The bench smoke of make check: one short round of every `make bench`
# measure, so the bench cannot rot. It must boot, run each measure to its
# end and write a well-formed build/bench-smoke/bench.json; no figure is
# judged (timings under TCG on a shared host are noise, not results).
NDIS_BENCH_SMOKE=1 NDIS_BENCH_OUT="$(cd "$(dirname "$0")/.." && pwd)/build/bench-smoke" \
	exec bash "$(dirname "$0")/bench.sh"
