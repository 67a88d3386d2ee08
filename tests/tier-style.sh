#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Style alone: checkpatch --strict over every C source (also part of the
# build tier). Quick enough to run before every commit.
NDIS_TIER=style
. "$(dirname "$0")/lib.sh"
. "$NDIS_TOP/tests/static-checks.sh"

ensure_linux_source
check_style
tier_summary
