#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The guest runs the unmodified stock kernel the host picked.
. /ndis/common.sh

t_eq "guest runs stock kernel $(cat $NDIS_DIR/expected-kernel)" \
	"$(cat $NDIS_DIR/expected-kernel)" "$(uname -r)"
