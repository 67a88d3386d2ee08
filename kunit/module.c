// SPDX-License-Identifier: GPL-2.0
/* ndis_kunit.ko: the KUnit suites of ndis.ko, one module. */
#include <linux/module.h>
#include "ndis_kunit.h"

bool ndis_kunit_inject_failure;
module_param_named(inject_failure, ndis_kunit_inject_failure, bool, 0444);
MODULE_PARM_DESC(inject_failure,
		 "Make the ndis_harness suite fail, to prove the test tier notices");

MODULE_DESCRIPTION("KUnit suites for the ndis core and ndis_vmini");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS("NDIS");
MODULE_IMPORT_NS("NDIS_LINUX");
MODULE_IMPORT_NS("EXPORTED_FOR_KUNIT_TESTING");
MODULE_IMPORT_NS("NDIS_FAKE");
