/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ndis.ko: the text helpers of the strings family (string.c)
 * that other parts use on Linux types: UTF-8 <-> UTF-16 without checks
 * or allocation, names compared without regard to case, with the
 * same simple uppercase table the NDIS string calls use, and the names of
 * the binding model between the drivers' UTF-16 and NDIS's UTF-8.
 */
#ifndef _NDIS_CORE_DDI_TEXT_H
#define _NDIS_CORE_DDI_TEXT_H

#include <linux/types.h>
#include <ndis/string.h>

/* UTF-16 units are WCHARs: u16. */
size_t ndis_utf8_to_utf16(const u8 *src, size_t len, u16 *dst);
size_t ndis_utf16_to_utf8(const u16 *src, size_t units, u8 *dst);
int ndis_name_cmp(const char *a, const char *b);
bool ndis_name_from_utf16(const WCHAR *src, size_t bytes, char *dst, size_t size);
void ndis_name_to_utf16(const char *name, WCHAR *dst, PUNICODE_STRING us);

#endif /* _NDIS_CORE_DDI_TEXT_H */
