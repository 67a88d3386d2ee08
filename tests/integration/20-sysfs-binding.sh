#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The sysfs view of the registry, a user-triggered unbind and rebind, and
# the tracepoints that record them. ndis_itest.ko supplies a miniport with
# two adapters and a protocol that binds to both (the fake drivers of
# ndis_fake.ko, loaded before it and unloaded after it).
. /ndis/common.sh

root=/sys/kernel/ndis
binding=$root/bindings/itest_proto:itest0

t_check "insmod ndis_fake.ko" insmod $NDIS_DIR/modules/ndis_fake.ko
t_check "insmod ndis_itest.ko" insmod $NDIS_DIR/modules/ndis_itest.ko
t_check "miniport listed" test -d $root/miniports/itest_mp
t_eq "miniport NDIS version" 6.30 "$(cat $root/miniports/itest_mp/ndis_version)"
t_check "both adapters listed" test -d $root/adapters/itest0 -a -d $root/adapters/itest1
t_eq "adapter state" running "$(cat $root/adapters/itest0/state)"
t_eq "adapter medium" 802_3 "$(cat $root/adapters/itest0/medium)"
t_eq "adapter MAC" 02:00:5e:10:00:01 "$(cat $root/adapters/itest0/mac_address)"
t_eq "adapter link" up "$(cat $root/adapters/itest0/link)"
t_eq "adapter miniport" itest_mp "$(cat $root/adapters/itest0/miniport)"
t_check "protocol listed" test -d $root/protocols/itest_proto
t_check "binding to itest0 running" eventually state_is $binding running
t_check "binding to itest1 running" eventually state_is $root/bindings/itest_proto:itest1 running
t_eq "binding names its protocol" itest_proto "$(cat $binding/protocol)"
t_eq "binding names its adapter" itest0 "$(cat $binding/adapter)"
t_eq "binding has no send outstanding" 0 "$(cat $binding/outstanding_sends)"
t_eq "binding counts no traffic yet" "0 0 0" \
	"$(cat $binding/sent) $(cat $binding/send_completed) $(cat $binding/received)"

tracing=/sys/kernel/tracing
mount -t tracefs nodev $tracing 2>/dev/null
t_check "ndis tracepoints registered" test -d $tracing/events/ndis/ndis_unbind_request
echo 1 >$tracing/events/ndis/enable
echo >$tracing/trace

t_check "user unbind accepted" sh -c "echo itest0 >$root/protocols/itest_proto/unbind"
t_check "binding gone after unbind" eventually test ! -e $binding
t_check "other binding untouched" state_is $root/bindings/itest_proto:itest1 running
t_check "unbind of an unbound pair refused" \
	sh -c "! echo itest0 2>/dev/null >$root/protocols/itest_proto/unbind"
t_check "bind of an unknown adapter refused" \
	sh -c "! echo nosuch 2>/dev/null >$root/protocols/itest_proto/bind"
t_check "user rebind accepted" sh -c "echo itest0 >$root/protocols/itest_proto/bind"
t_check "binding running again" eventually state_is $binding running

echo 0 >$tracing/events/ndis/enable
for event in ndis_unbind_request ndis_pause ndis_unbind ndis_close ndis_bind ndis_open ndis_restart; do
	t_check "trace recorded $event" grep -q "$event: itest_proto:itest0" $tracing/trace
done

t_check "rmmod ndis refused while a driver uses it" sh -c "! rmmod ndis 2>/dev/null"
t_check "rmmod ndis_itest with live bindings" rmmod ndis_itest
t_check "rmmod ndis_fake" rmmod ndis_fake
t_eq "registry empty after rmmod" 0 \
	"$(find $root/miniports $root/adapters $root/protocols $root/bindings -mindepth 1 | wc -l)"
t_eq "no API misuse during the run" 0 "$(cat $root/api_misuse)"
