/* SPDX-License-Identifier: GPL-2.0 */
/* Shared by the files of ndis_itest.ko. */
#ifndef _NDIS_ITEST_H
#define _NDIS_ITEST_H

#include "../fake/fake_drivers.h"

void ndis_itest_probe_init(struct ndis_fake_protocol *fp);
void ndis_itest_probe_exit(void);
int ndis_itest_stress_ctl(const char *buf);
int ndis_itest_gso_ctl(const char *buf);
void ndis_itest_stress_init(struct ndis_fake_protocol *fp, struct dentry *dir);
void ndis_itest_stress_exit(void);

#endif /* _NDIS_ITEST_H */
