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
 *
 * A shared memory provider, a protocol that registered its handlers on a
 * binding with NdisSetOptionalHandlers(), supplies instead the blocks a
 * miniport allocates with the handle of the adapter that binding is bound
 * to: one provider per adapter. NDIS still makes the block's handle (the
 * AllocationHandle and SharedMemoryHandle), owns and tracks the block as
 * above, and checks what the miniport asked for; the provider's
 * AllocateSharedMemoryHandler sets VirtualAddress and fills SGListBuffer.
 * A provider's handlers are never called once its binding's close is
 * over: the close waits for the calls under way, then gives the provider
 * back every block the miniport still has from it, reporting each, so the
 * provider can unload; the miniport's later NdisFreeSharedMemory() of
 * such a block only ends its handle.
 */
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/nodemask.h>
#include <linux/numa.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/wait.h>
#include <ndis/ndis.h>

#include "../adapter.h"
#include "../binding.h"
#include "../handle.h"
#include "../kunit_iface.h"
#include "../owned.h"
#include "../protocol.h"
#include "../report.h"
#include "../watch.h"
#include "handle.h"
#include "header.h"
#include "sharedmem.h"

/*
 * A shared memory provider: the binding whose protocol supplies the blocks
 * of the adapter it is bound to. On ndis_shmem_providers, under
 * ndis_shmem_lock, from its registration until its binding's close.
 */
struct ndis_shmem_provider {
	struct list_head node;
	const struct ndis_adapter *adapter;	/* the binding's; identity only */
	struct ndis_binding *binding;		/* referenced */
	NDIS_HANDLE context;
	ALLOCATE_SHARED_MEMORY_HANDLER alloc;
	FREE_SHARED_MEMORY_HANDLER free;
	struct list_head blocks;		/* the blocks it gave, not freed yet */
	unsigned int calls;			/* handler calls under way */
	bool closing;				/* its binding closes: no more calls */
};

static LIST_HEAD(ndis_shmem_providers);
static DEFINE_MUTEX(ndis_shmem_lock);		/* the providers, their blocks and counts */
static DECLARE_WAIT_QUEUE_HEAD(ndis_shmem_wq);	/* a closing provider's calls reach 0 */

struct ndis_shmem {
	struct ndis_owned own;
	void *va;
	size_t len;
	unsigned int order;		/* contiguous pages: their order */
	bool contiguous;
	atomic_t dead;			/* freed, or being freed */
	/* From a provider: its memory, and how to give it back */
	bool provided;
	struct ndis_shmem_provider *provider;	/* under ndis_shmem_lock; NULL once given back */
	struct list_head pnode;			/* in provider->blocks while @provider */
	FREE_SHARED_MEMORY_HANDLER pfree;	/* the handler and context it came with */
	NDIS_HANDLE pcontext;
	NDIS_HANDLE provider_ctx;		/* the provider's name for it */
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

/* A provider's handler call is over. */
static void ndis_shmem_provider_done(struct ndis_shmem_provider *prov)
{
	mutex_lock(&ndis_shmem_lock);
	WRITE_ONCE(prov->calls, prov->calls - 1);
	mutex_unlock(&ndis_shmem_lock);
	wake_up_all(&ndis_shmem_wq);
}

/* Give @m back to its provider, unless its binding's close did already. */
static void ndis_shmem_give_back(struct ndis_shmem *m)
{
	struct ndis_shmem_provider *prov;

	mutex_lock(&ndis_shmem_lock);
	prov = m->provider;
	if (prov) {
		list_del(&m->pnode);
		m->provider = NULL;
		WRITE_ONCE(prov->calls, prov->calls + 1);
	}
	mutex_unlock(&ndis_shmem_lock);
	if (!prov)
		return;
	m->pfree(m->pcontext, m->provider_ctx);
	ndis_shmem_provider_done(prov);
}

static void ndis_shmem_free_memory(struct ndis_shmem *m)
{
	/* Set before the provider is asked: its memory is never NDIS's to free. */
	if (m->provided) {
		ndis_shmem_give_back(m);	/* nothing yet while the provider's call runs */
		return;
	}
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

/*
 * The provider of the adapter @handle names, if it is an adapter's handle
 * and its adapter has one: with a call counted, and its handlers and
 * context as they are now in @snap. Return: NULL if there is none.
 */
static struct ndis_shmem_provider *ndis_shmem_provider_get(NDIS_HANDLE handle,
							   struct ndis_shmem_provider *snap)
{
	struct ndis_shmem_provider *prov, *found = NULL;
	const struct ndis_adapter *adapter = NULL;
	struct ndis_object *obj;

	rcu_read_lock();
	obj = ndis_handle_peek(handle, NDIS_HT_ADAPTER);
	if (obj)
		adapter = container_of(obj, struct ndis_adapter, obj);
	rcu_read_unlock();
	if (!adapter)
		return NULL;
	mutex_lock(&ndis_shmem_lock);
	list_for_each_entry(prov, &ndis_shmem_providers, node) {
		if (prov->adapter == adapter && !prov->closing) {
			WRITE_ONCE(prov->calls, prov->calls + 1);
			*snap = *prov;
			found = prov;
			break;
		}
	}
	mutex_unlock(&ndis_shmem_lock);
	return found;
}

/* Whether a provider's answer @q to the request @p is one NDIS can pass on. */
static bool ndis_shmem_provided_ok(const NDIS_SHARED_MEMORY_PARAMETERS *q,
				   const NDIS_SHARED_MEMORY_PARAMETERS *p, unsigned long provider)
{
	const size_t head = offsetof(SCATTER_GATHER_LIST, Elements);
	ULONG room;

	if (!q->VirtualAddress) {
		ndis_misuse("NdisAllocateSharedMemory",
			    "a shared memory provider that sets VirtualAddress", provider);
		return false;
	}
	if (!p->SGListBuffer)
		return true;
	room = p->SGListBufferLength < head ? 0 :
		(p->SGListBufferLength - head) / sizeof(SCATTER_GATHER_ELEMENT);
	if (p->SGListBuffer->NumberOfElements && p->SGListBuffer->NumberOfElements <= room)
		return true;
	ndis_misuse("NdisAllocateSharedMemory",
		    "a shared memory provider that fills SGListBuffer within SGListBufferLength",
		    provider);
	return false;
}

/*
 * Have @prov (counted, its handlers in @snap) supply @m as the request @p
 * asks, @handle being the block's handle. Return: NDIS_STATUS_SUCCESS with
 * @m the provider's; else what the provider answered, or
 * NDIS_STATUS_INVALID_PARAMETER after reporting a list with no room for an
 * element (@caller's), or NDIS_STATUS_FAILURE after reporting an answer
 * NDIS cannot use.
 */
static NDIS_STATUS ndis_shmem_provide(struct ndis_shmem *m, struct ndis_shmem_provider *prov,
				      const struct ndis_shmem_provider *snap,
				      const NDIS_SHARED_MEMORY_PARAMETERS *p, NDIS_HANDLE handle,
				      unsigned long caller)
{
	const size_t one = offsetof(SCATTER_GATHER_LIST, Elements) + sizeof(SCATTER_GATHER_ELEMENT);
	const unsigned long where = (unsigned long)snap->alloc;
	NDIS_SHARED_MEMORY_PARAMETERS q = *p;
	NDIS_HANDLE ctx = NULL;
	NDIS_STATUS status;

	q.SharedMemoryHandle = handle;
	q.VirtualAddress = NULL;
	if (p->SGListBuffer && p->SGListBufferLength < one) {
		ndis_misuse("NdisAllocateSharedMemory",
			    "an SGListBuffer with room for an element per page of the block",
			    caller);
		status = NDIS_STATUS_INVALID_PARAMETER;
		goto out;
	}
	if (p->SGListBuffer)
		p->SGListBuffer->NumberOfElements = 0;
	status = snap->alloc(snap->context, &q, &ctx);
	switch (status) {
	case NDIS_STATUS_SUCCESS:
		if (ndis_shmem_provided_ok(&q, p, where))
			break;
		snap->free(snap->context, ctx);
		status = NDIS_STATUS_FAILURE;
		break;
	case NDIS_STATUS_RESOURCES:
	case NDIS_STATUS_INVALID_PARAMETER:
	case NDIS_STATUS_FAILURE:
		break;
	default:
		ndis_misuse("NdisAllocateSharedMemory",
			    "a shared memory provider that answers SUCCESS, RESOURCES, INVALID_PARAMETER or FAILURE",
			    where);
		status = NDIS_STATUS_FAILURE;
	}
	if (status == NDIS_STATUS_SUCCESS) {
		m->va = q.VirtualAddress;
		m->pfree = snap->free;
		m->pcontext = snap->context;
		m->provider_ctx = ctx;
	}
out:
	mutex_lock(&ndis_shmem_lock);
	if (status == NDIS_STATUS_SUCCESS) {
		m->provider = prov;
		list_add_tail(&m->pnode, &prov->blocks);
	}
	WRITE_ONCE(prov->calls, prov->calls - 1);
	mutex_unlock(&ndis_shmem_lock);
	wake_up_all(&ndis_shmem_wq);
	return status;
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
 * With an adapter's handle, and a shared memory provider registered on a
 * binding to that adapter, the provider's AllocateSharedMemoryHandler
 * supplies the block (within this call, given a copy of the parameters
 * with SharedMemoryHandle set) and NDIS passes on its VirtualAddress and
 * scatter-gather list. Otherwise NDIS allocates it: zeroed, Length bytes
 * long, and physically contiguous if Flags has
 * NDIS_SHARED_MEM_PARAMETERS_CONTIGOUS; the scatter-gather list gives the
 * physical address of each physically contiguous run (one element per
 * page at most), not a DMA address: see the file comment. QueueId, Usage
 * and VPortId are the driver's business (and the provider's); NDIS checks
 * Usage and keeps none of them.
 *
 * Context: PASSIVE_LEVEL.
 * Return: NDIS_STATUS_SUCCESS; NDIS_STATUS_INVALID_PARAMETER after a report
 * (a bad header, Length, Flags or Usage, a list too short, no
 * @pAllocationHandle); NDIS_STATUS_RESOURCES without memory;
 * NDIS_STATUS_FAILURE after a report (a bad handle, a driver that is
 * deregistering, the wrong IRQL, a provider's answer NDIS cannot use); a
 * provider's RESOURCES, INVALID_PARAMETER or FAILURE as it answered.
 */
NDIS_STATUS NdisAllocateSharedMemory(NDIS_HANDLE NdisHandle,
				     PNDIS_SHARED_MEMORY_PARAMETERS SharedMemoryParameters,
				     PNDIS_HANDLE pAllocationHandle)
{
	struct ndis_shmem_provider *prov, snap;
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
	prov = ndis_shmem_provider_get(NdisHandle, &snap);
	m->provided = prov;		/* before the block can be reclaimed */
	if (!prov) {
		if (ndis_shmem_alloc(m, ndis_shmem_node(p.PreferredNode))) {
			ndis_shmem_kill(m);
			return NDIS_STATUS_RESOURCES;
		}
		if (!ndis_shmem_fill_sg(m, &p, _RET_IP_)) {
			ndis_shmem_kill(m);
			return NDIS_STATUS_INVALID_PARAMETER;
		}
	}
	ndis_object_get(&m->own.obj);	/* ours: a failing publish puts one */
	handle = ndis_owned_publish(&m->own, NDIS_HT_SHARED_MEMORY, PASSIVE_LEVEL);
	if (!handle) {
		ndis_shmem_kill(m);		/* and the allocation's */
		if (prov)
			ndis_shmem_provider_done(prov);
		return NDIS_STATUS_RESOURCES;
	}
	status = NDIS_STATUS_SUCCESS;
	if (prov) {
		/* The provider sees the handle the block will be known by. */
		status = ndis_shmem_provide(m, prov, &snap, &p, handle, _RET_IP_);
		if (status != NDIS_STATUS_SUCCESS)
			ndis_shmem_kill(m);
	}
	va = m->va;
	/* The driver's deregistration, racing its own call, may have won. */
	dead = atomic_read(&m->dead);
	if (dead && status == NDIS_STATUS_SUCCESS) {
		ndis_shmem_give_back(m);	/* if it came before the block did */
		status = NDIS_STATUS_FAILURE;
	}
	ndis_object_put(&m->own.obj);
	if (status != NDIS_STATUS_SUCCESS)
		return status;
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
 * from it outstanding. A block from a shared memory provider goes back
 * through the provider's FreeSharedMemoryHandler, within this call; if
 * the provider's binding has closed since, it went back then.
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

/**
 * ndis_shmem_provider_register() - make a binding's protocol the shared
 *	memory provider of the adapter it is bound to
 * @b: the binding, open
 * @c: the provider's characteristics, header checked, both handlers set
 * @caller: the driver's return address, for a report
 *
 * The same binding registering again changes the handlers and context for
 * the blocks allocated from then on; a block keeps the free handler and
 * context it came with.
 *
 * Context: PASSIVE_LEVEL.
 * Return: NDIS_STATUS_SUCCESS; NDIS_STATUS_RESOURCES without memory;
 * NDIS_STATUS_FAILURE if another binding is the adapter's provider, or
 * after a report if @b is closing.
 */
NDIS_STATUS ndis_shmem_provider_register(struct ndis_binding *b,
					 const NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS *c,
					 unsigned long caller)
{
	struct ndis_shmem_provider *prov, *new;
	NDIS_STATUS status = NDIS_STATUS_SUCCESS;
	unsigned long flags;
	bool live;

	new = kzalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return NDIS_STATUS_RESOURCES;
	mutex_lock(&ndis_shmem_lock);
	/* Under the lock: a close after this finds the provider, or we see it. */
	spin_lock_irqsave(&b->lock, flags);
	live = b->handle_live;
	spin_unlock_irqrestore(&b->lock, flags);
	list_for_each_entry(prov, &ndis_shmem_providers, node) {
		if (prov->adapter != b->adapter)
			continue;
		if (prov->binding != b || !live) {
			status = NDIS_STATUS_FAILURE;
		} else {
			prov->context = c->ProviderContext;
			prov->alloc = c->AllocateSharedMemoryHandler;
			prov->free = c->FreeSharedMemoryHandler;
		}
		goto out;
	}
	if (!live) {
		status = NDIS_STATUS_FAILURE;
		goto out;
	}
	new->adapter = b->adapter;
	new->binding = b;
	ndis_object_get(&b->obj);
	new->context = c->ProviderContext;
	new->alloc = c->AllocateSharedMemoryHandler;
	new->free = c->FreeSharedMemoryHandler;
	INIT_LIST_HEAD(&new->blocks);
	list_add_tail(&new->node, &ndis_shmem_providers);
	new = NULL;
out:
	mutex_unlock(&ndis_shmem_lock);
	kfree(new);
	if (status != NDIS_STATUS_SUCCESS && !live)
		ndis_misuse("NdisSetOptionalHandlers", "an open NdisBindingHandle", caller);
	return status;
}

/**
 * ndis_shmem_provider_close() - the provider's binding closes
 * @b: the binding, its handle dead already
 *
 * If @b's protocol is a shared memory provider: no call reaches it from
 * now on; the calls under way are waited for, then each block the
 * miniport still has from it is reported and given back through its
 * FreeSharedMemoryHandler, so that nothing of the provider's is in use
 * by NDIS once the close is over. Called from the close, before it
 * completes.
 *
 * Context: PASSIVE_LEVEL.
 */
void ndis_shmem_provider_close(struct ndis_binding *b)
{
	struct ndis_shmem_provider *prov = NULL, *it;
	struct ndis_shmem *m, *next;
	LIST_HEAD(blocks);

	mutex_lock(&ndis_shmem_lock);
	list_for_each_entry(it, &ndis_shmem_providers, node) {
		if (it->binding == b) {
			prov = it;
			prov->closing = true;
			break;
		}
	}
	if (!prov) {
		mutex_unlock(&ndis_shmem_lock);
		return;
	}
	/*
	 * No new allocation reaches a closing provider, but a give-back still
	 * may until its block is detached: the last wait and the detach are
	 * one critical section, so every later give-back finds no provider.
	 */
	while (prov->calls) {
		mutex_unlock(&ndis_shmem_lock);
		ndis_watch_event(ndis_shmem_wq, !READ_ONCE(prov->calls), b->name,
				 b->protocol->name, "its shared memory handlers");
		mutex_lock(&ndis_shmem_lock);
	}
	list_del(&prov->node);
	list_splice_init(&prov->blocks, &blocks);
	list_for_each_entry(m, &blocks, pnode) {
		m->provider = NULL;
		ndis_object_get(&m->own.obj);
	}
	mutex_unlock(&ndis_shmem_lock);

	list_for_each_entry_safe(m, next, &blocks, pnode) {
		ndis_misuse("NdisFreeSharedMemory",
			    "every block from a shared memory provider freed before the provider's binding closes",
			    m->own.caller);
		m->pfree(m->pcontext, m->provider_ctx);
		ndis_object_put(&m->own.obj);
	}
	ndis_object_put(&b->obj);
	kfree(prov);
}
