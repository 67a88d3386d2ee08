/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ndis.ko: the configuration store (config.c), what Windows
 * keeps in the registry for NDIS drivers. A tree of keys under one root;
 * a key may hold a value (text), which makes it a keyword of its parent.
 * The administrator's view is configfs (/sys/kernel/config/ndis), where
 * every directory is a key; drivers reach the store through the DDI
 * (ddi/config.c), which names a key by its path from the root.
 */
#ifndef _NDIS_CORE_CONFIG_H
#define _NDIS_CORE_CONFIG_H

#include <linux/types.h>

/* Keys below the root a path may name: driver, adapter, then subkeys. */
#define NDIS_CONFIG_DEPTH_MAX	8
/* Bytes of a key's name (a directory name). */
#define NDIS_CONFIG_NAME_MAX	255
/* Bytes of a value's text: with its newline it fits a configfs page. */
#define NDIS_CONFIG_VALUE_MAX	4094

/**
 * struct ndis_config_path - a key, by the names of the keys leading to it
 * @depth: how many names; 0 is the root
 * @name: NUL-terminated UTF-8, matched without regard to case
 */
struct ndis_config_path {
	unsigned int depth;
	const char *name[NDIS_CONFIG_DEPTH_MAX];
};

int ndis_config_init(void);
void ndis_config_exit(void);

/* PASSIVE_LEVEL, no NDIS lock held: each takes the store's mutex. */
int ndis_config_get(const struct ndis_config_path *key, const char *keyword, char **text,
		    size_t *len);
int ndis_config_set(const struct ndis_config_path *key, const char *keyword, const char *text,
		    size_t len);
int ndis_config_subkey(const struct ndis_config_path *key, const char *name, char **found);
int ndis_config_subkey_at(const struct ndis_config_path *key, unsigned int index, char **found);

#endif /* _NDIS_CORE_CONFIG_H */
