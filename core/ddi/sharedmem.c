// SPDX-License-Identifier: GPL-2.0
/*
 * Shared memory blocks of the NDIS interface (include/ndis/sharedmem.h).
 *
 * There is no shared memory provider on Linux, so NDIS allocates a block
 * itself, zeroed: physically contiguous pages when the driver asks for
 * them, kvmalloc() memory otherwise, on the node it prefers when that node
 * is online. The scatter-gather list NDIS writes for the driver gives the
 * pieces' physical addresses as the CPU sees them, one element per
 * physically contiguous run; a device behind an IOMMU needs the kernel's
 * DMA API instead, like every other DMA mapping here.
 *
 * A block belongs to the driver behind the handle it was allocated with,
 * as a timer object does: one the driver still has when it deregisters is
 * reported and freed then.
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/nodemask.h>
#include <linux/numa.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <ndis/ndis.h>

#include "../handle.h"
#include "../kunit_iface.h"
#include "../owned.h"
#include "../report.h"
#include "handle.h"
#include "header.h"

struct ndis_shmem {
	struct ndis_owned own;
	void *va;
	size_t len;
	unsigned int order;		/* contiguous pages: their order */
	bool contiguous;
	atomic_t dead;			/* freed, or being freed */
};

static_assert(offsetof(struct ndis_shmem, own) == 0);	/* for ndis_owned_new() */

#define ndis_shmem_of(o)	container_of(o, struct ndis_shmem, own.obj)

static void ndis_shmem_release(struct kobject *kobj)
{
	struct ndis_shmem *m = ndis_shmem_of(ndis_kobj_to_object(kobj));

	ndis_owned_release(&m->own);
	kfree_rcu(m, own.obj.rcu);
}

static const struct kobj_type ndis_shmem_ktype = {
	.release = ndis_shmem_release,
};

/* The node to allocate on: the preferred one if it is online. */
static int ndis_shmem_node(NODE_REQUIREMENT preferred)
{
	if (preferred != MM_ANY_NODE_OK && preferred < MAX_NUMNODES && node_online(preferred))
		return preferred;
	return NUMA_NO_NODE;
}

static int ndis_shmem_alloc(struct ndis_shmem *m, int node)
{
	const gfp_t gfp = GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN;
	struct page *page;

	if (m->contiguous) {
		m->order = get_order(m->len);	/* past the largest: NULL, quietly */
		page = alloc_pages_node(node, gfp, m->order);
		m->va = page ? page_address(page) : NULL;
	} else {
		/* whole pages, so that no other object shares one with the block */
		m->va = kvmalloc_node(PAGE_ALIGN(m->len), gfp, node);
	}
	return m->va ? 0 : -ENOMEM;
}

static void ndis_shmem_free_memory(struct ndis_shmem *m)
{
	if (!m->va)
		return;
	if (m->contiguous)
		free_pages((unsigned long)m->va, m->order);
	else
		kvfree(m->va);
	m->va = NULL;
}

/* The page @off bytes into @m's block. */
static struct page *ndis_shmem_page(const struct ndis_shmem *m, size_t off)
{
	const u8 *p = (const u8 *)m->va + off;

	return is_vmalloc_addr(p) ? vmalloc_to_page(p) : virt_to_page(p);
}

static void ndis_shmem_element(PSCATTER_GATHER_LIST sg, ULONG i, phys_addr_t start, ULONG len)
{
	sg->Elements[i].Address.QuadPart = start;
	sg->Elements[i].Length = len;
	sg->Elements[i].Reserved = 0;
}

/*
 * Walk @m's block as physically contiguous runs, writing each into @sg
 * while it has room. Return: the runs there are, written or not.
 */
static ULONG ndis_shmem_runs(const struct ndis_shmem *m, PSCATTER_GATHER_LIST sg, ULONG room)
{
	phys_addr_t start = 0, next = 0;
	ULONG runs = 0, run_len = 0;
	size_t off = 0, chunk;
	phys_addr_t pa;

	while (off < m->len) {
		pa = page_to_phys(ndis_shmem_page(m, off)) + offset_in_page((u8 *)m->va + off);
		chunk = min_t(size_t, m->len - off, PAGE_SIZE - offset_in_page((u8 *)m->va + off));
		if (runs && pa == next) {
			run_len += chunk;
		} else {
			if (runs && runs <= room)
				ndis_shmem_element(sg, runs - 1, start, run_len);
			runs++;
			start = pa;
			run_len = chunk;
		}
		next = pa + chunk;
		off += chunk;
	}
	if (runs && runs <= room)
		ndis_shmem_element(sg, runs - 1, start, run_len);
	return runs;
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * ndis_kunit_shmem_runs() - the scatter-gather walk over any memory
 * @va: kmalloc(), vmalloc() or page memory
 * @len: its bytes
 * @sg: where to write the elements
 * @room: elements @sg has room for
 *
 * Lets a test walk vmalloc() memory, which an allocation here only gets
 * by chance.
 *
 * Return: the physically contiguous runs of @va, written or not.
 */
ULONG ndis_kunit_shmem_runs(void *va, size_t len, PSCATTER_GATHER_LIST sg, ULONG room)
{
	struct ndis_shmem m = { .va = va, .len = len };

	return ndis_shmem_runs(&m, sg, room);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_shmem_runs);
#endif

/*
 * Fill the driver's scatter-gather list for @m, if it gave one. Return:
 * false after a report if it has no room for every run.
 */
static bool ndis_shmem_fill_sg(const struct ndis_shmem *m, const NDIS_SHARED_MEMORY_PARAMETERS *p,
			       unsigned long caller)
{
	const size_t head = offsetof(SCATTER_GATHER_LIST, Elements);
	PSCATTER_GATHER_LIST sg = p->SGListBuffer;
	ULONG room, runs;

	if (!sg)
		return true;
	room = p->SGListBufferLength < head ? 0 :
		(p->SGListBufferLength - head) / sizeof(SCATTER_GATHER_ELEMENT);
	runs = ndis_shmem_runs(m, sg, room);
	if (runs > room) {
		ndis_misuse("NdisAllocateSharedMemory",
			    "an SGListBuffer with room for an element per page of the block",
			    caller);
		return false;
	}
	sg->NumberOfElements = runs;
	sg->Reserved = 0;
	return true;
}

/*
 * Free @m's block and its handle, if any, once. Return: false if a free
 * got there first.
 */
static bool ndis_shmem_kill(struct ndis_shmem *m)
{
	if (atomic_xchg(&m->dead, 1))
		return false;
	ndis_handle_unregister(&m->own.obj);
	ndis_shmem_free_memory(m);
	ndis_object_put(&m->own.obj);		/* the allocation's */
	return true;
}

/* At the driver's deregistration: free @o if the driver did not. */
static void ndis_shmem_reclaim(struct ndis_owned *o)
{
	if (ndis_shmem_kill(ndis_shmem_of(&o->obj)))
		ndis_misuse("NdisFreeSharedMemory",
			    "every shared memory block freed before its driver deregisters",
			    o->caller);
}

/* The checks of what a driver asked for that its header cannot make. */
static bool ndis_shmem_params_ok(const NDIS_SHARED_MEMORY_PARAMETERS *p, unsigned long caller)
{
	if (!p->Length)
		ndis_misuse("NdisAllocateSharedMemory", "a Length of at least one byte", caller);
	else if (p->Flags & ~NDIS_SHARED_MEM_PARAMETERS_CONTIGOUS)
		ndis_misuse("NdisAllocateSharedMemory",
			    "Flags of NDIS_SHARED_MEM_PARAMETERS_CONTIGOUS or 0", caller);
	else if ((unsigned int)p->Usage >= NdisSharedMemoryUsageMax)
		ndis_misuse("NdisAllocateSharedMemory", "a Usage below NdisSharedMemoryUsageMax",
			    caller);
	else
		return true;
	return false;
}

/**
 * NdisAllocateSharedMemory() - allocate a shared memory block
 * @NdisHandle: a handle NDIS gave the driver: its driver handle, an
 *	adapter's or a binding's
 * @SharedMemoryParameters: what to allocate; NDIS sets its
 *	SharedMemoryHandle and VirtualAddress, and writes the block's pieces
 *	into its SGListBuffer if it has one
 * @pAllocationHandle: set to the handle NdisFreeSharedMemory() takes, or
 *	NULL on failure
 *
 * The block is zeroed, Length bytes long, and physically contiguous if
 * Flags has NDIS_SHARED_MEM_PARAMETERS_CONTIGOUS. The scatter-gather list
 * gives the physical address of each physically contiguous run (one
 * element per page at most), not a DMA address: see the file comment.
 * QueueId, Usage and VPortId are the driver's business; NDIS checks Usage
 * and keeps none of them.
 *
 * Context: PASSIVE_LEVEL.
 * Return: NDIS_STATUS_SUCCESS; NDIS_STATUS_INVALID_PARAMETER after a report
 * (a bad header, Length, Flags or Usage, a list too short, no
 * @pAllocationHandle); NDIS_STATUS_RESOURCES without memory;
 * NDIS_STATUS_FAILURE after a report (a bad handle, a driver that is
 * deregistering, the wrong IRQL).
 */
NDIS_STATUS NdisAllocateSharedMemory(NDIS_HANDLE NdisHandle,
				     PNDIS_SHARED_MEMORY_PARAMETERS SharedMemoryParameters,
				     PNDIS_HANDLE pAllocationHandle)
{
	NDIS_SHARED_MEMORY_PARAMETERS p;
	struct ndis_shmem *m;
	NDIS_STATUS status;
	NDIS_HANDLE handle;
	bool dead;
	void *va;

	if (pAllocationHandle)
		*pAllocationHandle = NULL;
	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return NDIS_STATUS_FAILURE;
	if (!pAllocationHandle) {
		ndis_misuse(__func__, "a pAllocationHandle", _RET_IP_);
		return NDIS_STATUS_INVALID_PARAMETER;
	}
	if (!ndis_header_copy(&p, SharedMemoryParameters, &ndis_rev_shared_memory_params,
			      __func__, _RET_IP_) ||
	    !ndis_shmem_params_ok(&p, _RET_IP_))
		return NDIS_STATUS_INVALID_PARAMETER;

	m = ndis_owned_new(NdisHandle, sizeof(*m), &ndis_shmem_ktype, ndis_shmem_reclaim,
			   PASSIVE_LEVEL, &status, __func__, _RET_IP_);
	if (!m)
		return status;
	m->len = p.Length;
	m->contiguous = p.Flags & NDIS_SHARED_MEM_PARAMETERS_CONTIGOUS;
	if (ndis_shmem_alloc(m, ndis_shmem_node(p.PreferredNode))) {
		ndis_shmem_kill(m);
		return NDIS_STATUS_RESOURCES;
	}
	if (!ndis_shmem_fill_sg(m, &p, _RET_IP_)) {
		ndis_shmem_kill(m);
		return NDIS_STATUS_INVALID_PARAMETER;
	}
	va = m->va;
	ndis_object_get(&m->own.obj);	/* ours: a failing publish puts one */
	handle = ndis_owned_publish(&m->own, NDIS_HT_SHARED_MEMORY, PASSIVE_LEVEL);
	if (!handle) {
		ndis_shmem_kill(m);		/* and the allocation's */
		return NDIS_STATUS_RESOURCES;
	}
	/* The driver's deregistration, racing its own call, may have won. */
	dead = atomic_read(&m->dead);
	ndis_object_put(&m->own.obj);
	if (dead)
		return NDIS_STATUS_FAILURE;
	SharedMemoryParameters->SharedMemoryHandle = handle;
	SharedMemoryParameters->VirtualAddress = va;
	*pAllocationHandle = handle;
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateSharedMemory, "NDIS");

/**
 * NdisFreeSharedMemory() - free a shared memory block
 * @NdisHandle: the handle the block was allocated with, or another handle
 *	of the same driver
 * @AllocationHandle: from NdisAllocateSharedMemory(); dead after
 *
 * The driver must no longer use the block, nor have frames indicated
 * from it outstanding.
 *
 * Context: PASSIVE_LEVEL.
 */
void NdisFreeSharedMemory(NDIS_HANDLE NdisHandle, NDIS_HANDLE AllocationHandle)
{
	struct ndis_owned_set *set;
	struct ndis_object *owner, *obj;
	struct ndis_shmem *m;

	if (!NDIS_ASSERT_IRQL_EQ(PASSIVE_LEVEL))
		return;
	obj = ndis_handle_get(AllocationHandle, NDIS_HT_SHARED_MEMORY, __func__, _RET_IP_);
	if (!obj)
		return;
	m = ndis_shmem_of(obj);
	owner = ndis_handle_owner(NdisHandle, &set, __func__, _RET_IP_);
	if (owner && owner != m->own.owner)
		ndis_misuse(__func__, "an NdisHandle of the driver that allocated the block",
			    _RET_IP_);
	else if (owner && !ndis_shmem_kill(m))
		ndis_bad_handle(AllocationHandle, NDIS_HT_SHARED_MEMORY, __func__, _RET_IP_);
	if (owner)
		ndis_object_put(owner);
	ndis_object_put(obj);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeSharedMemory, "NDIS");
