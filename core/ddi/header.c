// SPDX-License-Identifier: GPL-2.0
/*
 * Versioned structures a driver passes in: the Header's type, revision and
 * size, checked against a table per structure, so that a driver written
 * for an older revision of a structure is accepted with that revision's
 * size (NDIS_SIZEOF_<X>_REVISION_<n>) and the fields it does not have read
 * as zero. A structure NDIS keeps is copied, as much of it as the driver
 * passed, into a zeroed structure of the size the headers declare.
 */
#include <linux/minmax.h>
#include <linux/string.h>

#include "../report.h"
#include "header.h"

#define NDIS_REVISIONS(t, full_type, req, ...)				\
	{								\
		.type = (t),						\
		.count = ARRAY_SIZE(((USHORT[]) { __VA_ARGS__ })),	\
		.size = { __VA_ARGS__ },				\
		.full = sizeof(full_type),				\
		.requirement = (req),					\
	}

const struct ndis_revisions ndis_rev_miniport_chars =
	NDIS_REVISIONS(NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS,
		       NDIS_MINIPORT_DRIVER_CHARACTERISTICS,
		       "miniport characteristics of their type, a revision and its size",
		       NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1,
		       NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2);

const struct ndis_revisions ndis_rev_protocol_chars =
	NDIS_REVISIONS(NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS,
		       NDIS_PROTOCOL_DRIVER_CHARACTERISTICS,
		       "protocol characteristics of their type, a revision and its size",
		       NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1,
		       NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_2);

const struct ndis_revisions ndis_rev_registration_attrs =
	NDIS_REVISIONS(NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES,
		       NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES,
		       "registration attributes of a revision and its size",
		       NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1,
		       NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2);

const struct ndis_revisions ndis_rev_general_attrs =
	NDIS_REVISIONS(NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES,
		       NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES,
		       "general attributes of a revision and its size",
		       NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1,
		       NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2);

const struct ndis_revisions ndis_rev_hardware_assist_attrs =
	NDIS_REVISIONS(NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES,
		       NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES,
		       "hardware-assist attributes of a revision and its size",
		       NDIS_SIZEOF_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_1,
		       NDIS_SIZEOF_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_2,
		       NDIS_SIZEOF_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_3);

const struct ndis_revisions ndis_rev_receive_filter_caps =
	NDIS_REVISIONS(NDIS_OBJECT_TYPE_DEFAULT, NDIS_RECEIVE_FILTER_CAPABILITIES,
		       "NDIS_RECEIVE_FILTER_CAPABILITIES of a revision and its size",
		       NDIS_SIZEOF_RECEIVE_FILTER_CAPABILITIES_REVISION_1,
		       NDIS_SIZEOF_RECEIVE_FILTER_CAPABILITIES_REVISION_2);

const struct ndis_revisions ndis_rev_nic_switch_caps =
	NDIS_REVISIONS(NDIS_OBJECT_TYPE_DEFAULT, NDIS_NIC_SWITCH_CAPABILITIES,
		       "NDIS_NIC_SWITCH_CAPABILITIES of a revision and its size",
		       NDIS_SIZEOF_NIC_SWITCH_CAPABILITIES_REVISION_1,
		       NDIS_SIZEOF_NIC_SWITCH_CAPABILITIES_REVISION_2);

const struct ndis_revisions ndis_rev_qos_caps =
	NDIS_REVISIONS(NDIS_OBJECT_TYPE_QOS_CAPABILITIES, NDIS_QOS_CAPABILITIES,
		       "NDIS_QOS_CAPABILITIES of their type, a revision and its size",
		       NDIS_SIZEOF_QOS_CAPABILITIES_REVISION_1);

const struct ndis_revisions ndis_rev_nbl_pool_params =
	NDIS_REVISIONS(NDIS_OBJECT_TYPE_DEFAULT, NET_BUFFER_LIST_POOL_PARAMETERS,
		       "NET_BUFFER_LIST_POOL_PARAMETERS of a revision and its size",
		       NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1);

const struct ndis_revisions ndis_rev_nb_pool_params =
	NDIS_REVISIONS(NDIS_OBJECT_TYPE_DEFAULT, NET_BUFFER_POOL_PARAMETERS,
		       "NET_BUFFER_POOL_PARAMETERS of a revision and its size",
		       NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_1);

const struct ndis_revisions ndis_rev_status_indication =
	NDIS_REVISIONS(NDIS_OBJECT_TYPE_STATUS_INDICATION, NDIS_STATUS_INDICATION,
		       "an NDIS_STATUS_INDICATION of its type, a revision and its size",
		       NDIS_SIZEOF_STATUS_INDICATION_REVISION_1);

const struct ndis_revisions ndis_rev_oid_request =
	NDIS_REVISIONS(NDIS_OBJECT_TYPE_OID_REQUEST, NDIS_OID_REQUEST,
		       "an NDIS_OID_REQUEST of its type, a revision and its size",
		       NDIS_SIZEOF_OID_REQUEST_REVISION_1);

const struct ndis_revisions ndis_rev_open_params =
	NDIS_REVISIONS(NDIS_OBJECT_TYPE_OPEN_PARAMETERS, NDIS_OPEN_PARAMETERS,
		       "NDIS_OPEN_PARAMETERS of their type, a revision and its size",
		       NDIS_SIZEOF_OPEN_PARAMETERS_REVISION_1);

const struct ndis_revisions ndis_rev_timer_chars =
	NDIS_REVISIONS(NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS, NDIS_TIMER_CHARACTERISTICS,
		       "timer characteristics of their type, a revision and its size",
		       NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1);

const struct ndis_revisions ndis_rev_device_attrs =
	NDIS_REVISIONS(NDIS_OBJECT_TYPE_DEVICE_OBJECT_ATTRIBUTES, NDIS_DEVICE_OBJECT_ATTRIBUTES,
		       "device object attributes of their type, a revision and its size",
		       NDIS_SIZEOF_DEVICE_OBJECT_ATTRIBUTES_REVISION_1);
const struct ndis_revisions ndis_rev_shared_memory_params =
	NDIS_REVISIONS(NDIS_OBJECT_TYPE_DEFAULT, NDIS_SHARED_MEMORY_PARAMETERS,
		       "NDIS_SHARED_MEMORY_PARAMETERS of a revision and its size",
		       NDIS_SIZEOF_SHARED_MEMORY_PARAMETERS_REVISION_1,
		       NDIS_SIZEOF_SHARED_MEMORY_PARAMETERS_REVISION_2);
const struct ndis_revisions ndis_rev_shared_memory_provider =
	NDIS_REVISIONS(NDIS_OBJECT_TYPE_SHARED_MEMORY_PROVIDER_CHARACTERISTICS,
		       NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS,
		       "provider characteristics of their type, revision 1 and its size",
		       NDIS_SIZEOF_SHARED_MEMORY_PROVIDER_CHARACTERISTICS_REVISION_1);

const struct ndis_revisions ndis_rev_config_object =
	NDIS_REVISIONS(NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT, NDIS_CONFIGURATION_OBJECT,
		       "an NDIS_CONFIGURATION_OBJECT of its type, a revision and its size",
		       NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1);

/**
 * ndis_header_ok() - whether a driver's structure has a header NDIS accepts
 * @obj: the structure, starting with its NDIS_OBJECT_HEADER
 * @rev: the structure's table
 * @api: the exported function checking it, for the report
 * @caller: return address into the driver, for the report
 *
 * Accepted: the table's type, revision 1 or later, and at least the size
 * of that revision. A revision later than the table knows is held to the
 * size of the latest it knows; NDIS reads nothing beyond that.
 *
 * Context: any.
 * Return: true if accepted; false after a misuse report.
 */
bool ndis_header_ok(const void *obj, const struct ndis_revisions *rev, const char *api,
		    unsigned long caller)
{
	const NDIS_OBJECT_HEADER *h = obj;

	if (h && h->Type == rev->type && h->Revision >= 1 &&
	    h->Size >= rev->size[min(h->Revision, rev->count) - 1])
		return true;
	ndis_misuse(api, rev->requirement, caller);
	return false;
}

/**
 * ndis_header_copy() - take a driver's structure at its own revision
 * @full: where to copy it: a structure of the size the headers declare
 * @obj: the driver's structure, starting with its NDIS_OBJECT_HEADER
 * @rev: the structure's table
 * @api: the exported function taking it, for the report
 * @caller: return address into the driver, for the report
 *
 * Checks the header as ndis_header_ok() does, then copies the first
 * Header.Size bytes of @obj (no more than the declared size) and zeroes
 * the rest, so that the fields a driver of an older revision does not
 * have read as zero and nothing past its structure is touched.
 *
 * Context: any.
 * Return: true with @full filled in; false after a misuse report, @full
 * untouched.
 */
bool ndis_header_copy(void *full, const void *obj, const struct ndis_revisions *rev,
		      const char *api, unsigned long caller)
{
	const NDIS_OBJECT_HEADER *h = obj;
	size_t n;

	if (!ndis_header_ok(obj, rev, api, caller))
		return false;
	n = min_t(size_t, h->Size, rev->full);
	memcpy(full, obj, n);
	memset((u8 *)full + n, 0, rev->full - n);
	return true;
}
