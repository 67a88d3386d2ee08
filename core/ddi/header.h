/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to the NDIS interface (core/ddi/): accepting a versioned
 * structure a driver passed, at the revision the driver was written for.
 */
#ifndef _NDIS_CORE_DDI_HEADER_H
#define _NDIS_CORE_DDI_HEADER_H

#include <ndis/ndis.h>

#define NDIS_REVISIONS_MAX	3

/**
 * struct ndis_revisions - what NDIS accepts of one versioned structure
 * @type: the NDIS_OBJECT_TYPE_* its Header.Type must be
 * @count: revisions known, 1 to @count
 * @size: @size[r - 1] is NDIS_SIZEOF_<X>_REVISION_<r>: the least Header.Size
 *	of revision r
 * @full: sizeof the structure as the headers declare it
 * @requirement: what a report says the caller must pass
 */
struct ndis_revisions {
	UCHAR type;
	UCHAR count;
	USHORT size[NDIS_REVISIONS_MAX];
	USHORT full;
	const char *requirement;
};

extern const struct ndis_revisions ndis_rev_miniport_chars;
extern const struct ndis_revisions ndis_rev_protocol_chars;
extern const struct ndis_revisions ndis_rev_registration_attrs;
extern const struct ndis_revisions ndis_rev_general_attrs;
extern const struct ndis_revisions ndis_rev_hardware_assist_attrs;
extern const struct ndis_revisions ndis_rev_receive_filter_caps;
extern const struct ndis_revisions ndis_rev_nic_switch_caps;
extern const struct ndis_revisions ndis_rev_qos_caps;
extern const struct ndis_revisions ndis_rev_nbl_pool_params;
extern const struct ndis_revisions ndis_rev_nb_pool_params;
extern const struct ndis_revisions ndis_rev_status_indication;
extern const struct ndis_revisions ndis_rev_oid_request;
extern const struct ndis_revisions ndis_rev_open_params;
extern const struct ndis_revisions ndis_rev_timer_chars;
extern const struct ndis_revisions ndis_rev_device_attrs;
extern const struct ndis_revisions ndis_rev_config_object;
extern const struct ndis_revisions ndis_rev_shared_memory_params;
extern const struct ndis_revisions ndis_rev_shared_memory_provider;

bool ndis_header_ok(const void *obj, const struct ndis_revisions *rev, const char *api,
		    unsigned long caller);
bool ndis_header_copy(void *full, const void *obj, const struct ndis_revisions *rev,
		      const char *api, unsigned long caller);

#endif /* _NDIS_CORE_DDI_HEADER_H */
