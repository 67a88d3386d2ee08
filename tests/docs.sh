#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make docs: the API reference from the sources' kernel-doc, rendered with
# the kernel's own scripts/kernel-doc into build/docs/ (reStructuredText
# per header, man pages per symbol). Fails on any kernel-doc warning, on an
# undocumented export, handler typedef or API structure, and on a porting
# table that no longer matches the exports.
NDIS_TIER=docs
. "$(dirname "$0")/lib.sh"
. "$NDIS_TOP/tests/static-checks.sh"

need_pkgs perl
ensure_linux_source
check_kernel_doc
render_docs
check_porting_table
tier_summary
