#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# PID 1 of the KUnit guest: load ndis.ko, ndis_vmini.ko, ndis_fake.ko and
# ndis_kunit.ko (whose suites run at load and print one KTAP document), run
# the drivers' integration scripts, unload everything, scan for leaks.
. /ndis/common.sh
guest_setup

# The checkers this tier relies on must really be there.
t_check "test kernel has KASAN" sh -c "dmesg | grep -q 'KernelAddressSanitizer initialized'"
t_check "test kernel has kmemleak" test -w /sys/kernel/debug/kmemleak
t_check "test kernel has lockdep" test -r /proc/lockdep_stats
echo clear >/sys/kernel/debug/kmemleak

kunit_args=
[ "$(inject_mode)" = kunit ] && kunit_args="inject_failure=1"

marker ktap-begin
insmod $NDIS_DIR/modules/ndis.ko
insmod $NDIS_DIR/modules/ndis_vmini.ko
insmod $NDIS_DIR/modules/ndis_fake.ko
run_bounded "KUnit suites (insmod ndis_kunit.ko)" "$(step_limit 300)" \
	insmod $NDIS_DIR/modules/ndis_kunit.ko $kunit_args
marker ktap-end

if [ "$(inject_mode)" = warn ]; then
	insmod $NDIS_DIR/modules/ndis_inject_warn.ko
	rmmod ndis_inject_warn
fi

rmmod ndis_kunit
rmmod ndis_fake		# the scripts load it again with ndis_itest
rmmod ndis_vmini

# The drivers' integration scripts, now under lockdep, KASAN and kmemleak.
ip link set lo up
run_scripts "$(step_limit 300)" $NDIS_DIR/tests/*.sh

rmmod ndis
t_eq "no ndis module left loaded" "" "$(ndis_modules_loaded)"
# Lockdep switches itself off after its first report; it must still be on.
t_eq "lockdep still validating (debug_locks)" 1 \
	"$(sed -nE 's/^ *debug_locks: *([0-9]+)/\1/p' /proc/lockdep_stats)"

marker kmemleak-begin
kmemleak_report
marker kmemleak-end

guest_finish
