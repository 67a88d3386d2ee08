// SPDX-License-Identifier: GPL-2.0
/* The KUnit suites' fake drivers, built once more into ndis_itest.ko. */
#include "../../kunit/fake_drivers.c"
