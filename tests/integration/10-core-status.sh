#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# ndis.ko is loaded and its status surface answers.
. /ndis/common.sh

root=/sys/kernel/ndis
t_check "ndis.ko is loaded" grep -q '^ndis ' /proc/modules
t_eq "version file matches the uapi header" "$(cat $NDIS_DIR/expected-version)" \
	"$(cat $root/version 2>/dev/null)"
t_eq "no IRQL violations after load" 0 "$(cat $root/irql_violations 2>/dev/null)"
t_eq "no IRQL violation sites after load" 0 "$(cat $root/irql_violation_sites 2>/dev/null)"
t_eq "irql_strict defaults to on (WARN)" Y "$(cat /sys/module/ndis/parameters/irql_strict 2>/dev/null)"
t_check "load message in the kernel log" sh -c "dmesg | grep -q 'ndis: version .* loaded'"
t_check "status files refuse writes" sh -c "! echo 1 2>/dev/null >$root/irql_violations"

# A full unload removes the surface; a second load brings it back.
t_check "rmmod ndis" rmmod ndis
t_check "status directory gone after unload" test ! -e $root
t_check "insmod ndis.ko again" insmod $NDIS_DIR/modules/ndis.ko
t_check "status directory back after reload" test -r $root/version
