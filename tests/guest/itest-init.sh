#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# PID 1 of the integration guest (a stock Debian kernel): load the NIC
# drivers, load our stack, run every integration script, unload the stack.
. /ndis/common.sh
guest_setup

# The stock kernel's own modules, in dependency order.
while read -r mod; do
	insmod "$NDIS_DIR/kmod/$mod" || t_fail "insmod $mod (stock kernel module)"
done <$NDIS_DIR/kmod/order
ip link set lo up

marker stack-load
t_check "insmod ndis.ko" insmod $NDIS_DIR/modules/ndis.ko

if [ "$(inject_mode)" = warn ]; then
	insmod $NDIS_DIR/modules/ndis_inject_warn.ko
	rmmod ndis_inject_warn
fi

run_scripts "$(step_limit 240)" $NDIS_DIR/tests/*.sh

marker stack-unload
t_check "rmmod ndis" rmmod ndis
t_eq "no ndis module left loaded" "" "$(ndis_modules_loaded)"

# Last: reboot with adapters up; the host looks for MiniportShutdownEx.
insmod $NDIS_DIR/modules/ndis.ko && insmod $NDIS_DIR/modules/ndis_fake.ko &&
	insmod $NDIS_DIR/modules/ndis_itest.ko
marker shutdown-with-adapters
guest_finish
