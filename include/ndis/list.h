/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The DDI's doubly and singly linked lists, and the NDIS calls that work
 * on them under an NDIS spin lock. The layout is Windows': a LIST_ENTRY
 * has the same two pointers as a struct list_head, Flink first.
 */
#ifndef _NDIS_LIST_H
#define _NDIS_LIST_H

#include <ndis/spinlock.h>
#include <ndis/types.h>

/**
 * struct _LIST_ENTRY - a link of a circular doubly linked list, or its head
 * @Flink: the next entry (the first, in a head)
 * @Blink: the previous entry (the last, in a head)
 */
typedef struct _LIST_ENTRY {
	struct _LIST_ENTRY *Flink;
	struct _LIST_ENTRY *Blink;
} LIST_ENTRY, *PLIST_ENTRY;

/**
 * struct _SINGLE_LIST_ENTRY - a link of a singly linked list, or its head
 * @Next: the next entry, NULL at the end
 */
typedef struct _SINGLE_LIST_ENTRY {
	struct _SINGLE_LIST_ENTRY *Next;
} SINGLE_LIST_ENTRY, *PSINGLE_LIST_ENTRY;

/**
 * InitializeListHead() - make an empty list
 * @ListHead: the head
 */
static inline void InitializeListHead(PLIST_ENTRY ListHead)
{
	ListHead->Flink = ListHead;
	ListHead->Blink = ListHead;
}

#define NdisInitializeListHead(_ListHead)	InitializeListHead(_ListHead)

/**
 * IsListEmpty() - whether a list has no entry
 * @ListHead: the head
 *
 * Return: TRUE if empty.
 */
static inline BOOLEAN IsListEmpty(const LIST_ENTRY *ListHead)
{
	return ListHead->Flink == ListHead;
}

/**
 * RemoveEntryList() - unlink an entry
 * @Entry: an entry on a list
 *
 * Return: TRUE if the list is empty afterwards.
 */
static inline BOOLEAN RemoveEntryList(PLIST_ENTRY Entry)
{
	PLIST_ENTRY next = Entry->Flink, prev = Entry->Blink;

	prev->Flink = next;
	next->Blink = prev;
	return next == prev;
}

/**
 * RemoveHeadList() - unlink the first entry
 * @ListHead: the head of a list that is not empty
 *
 * Return: the entry removed.
 */
static inline PLIST_ENTRY RemoveHeadList(PLIST_ENTRY ListHead)
{
	PLIST_ENTRY entry = ListHead->Flink;

	RemoveEntryList(entry);
	return entry;
}

/**
 * RemoveTailList() - unlink the last entry
 * @ListHead: the head of a list that is not empty
 *
 * Return: the entry removed.
 */
static inline PLIST_ENTRY RemoveTailList(PLIST_ENTRY ListHead)
{
	PLIST_ENTRY entry = ListHead->Blink;

	RemoveEntryList(entry);
	return entry;
}

/**
 * InsertHeadList() - link an entry first
 * @ListHead: the head
 * @Entry: the entry, on no list
 */
static inline void InsertHeadList(PLIST_ENTRY ListHead, PLIST_ENTRY Entry)
{
	PLIST_ENTRY first = ListHead->Flink;

	Entry->Flink = first;
	Entry->Blink = ListHead;
	first->Blink = Entry;
	ListHead->Flink = Entry;
}

/**
 * InsertTailList() - link an entry last
 * @ListHead: the head
 * @Entry: the entry, on no list
 */
static inline void InsertTailList(PLIST_ENTRY ListHead, PLIST_ENTRY Entry)
{
	PLIST_ENTRY last = ListHead->Blink;

	Entry->Flink = ListHead;
	Entry->Blink = last;
	last->Flink = Entry;
	ListHead->Blink = Entry;
}

/**
 * AppendTailList() - join a list without a head to the end of a list
 * @ListHead: the head
 * @ListToAppend: the first entry of a circular list that has no head
 */
static inline void AppendTailList(PLIST_ENTRY ListHead, PLIST_ENTRY ListToAppend)
{
	PLIST_ENTRY last = ListHead->Blink;

	ListHead->Blink->Flink = ListToAppend;
	ListHead->Blink = ListToAppend->Blink;
	ListToAppend->Blink->Flink = ListHead;
	ListToAppend->Blink = last;
}

/**
 * PushEntryList() - link an entry first on a singly linked list
 * @ListHead: the head
 * @Entry: the entry
 */
static inline void PushEntryList(PSINGLE_LIST_ENTRY ListHead, PSINGLE_LIST_ENTRY Entry)
{
	Entry->Next = ListHead->Next;
	ListHead->Next = Entry;
}

/**
 * PopEntryList() - unlink the first entry of a singly linked list
 * @ListHead: the head
 *
 * Return: the entry, or NULL if the list was empty.
 */
static inline PSINGLE_LIST_ENTRY PopEntryList(PSINGLE_LIST_ENTRY ListHead)
{
	PSINGLE_LIST_ENTRY first = ListHead->Next;

	if (first)
		ListHead->Next = first->Next;
	return first;
}

/**
 * NdisInterlockedInsertHeadList() - link an entry first, under a lock
 * @ListHead: the head
 * @ListEntry: the entry
 * @SpinLock: the NDIS spin lock that guards the list
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the entry that was first before, or NULL if the list was empty.
 */
static inline PLIST_ENTRY NdisInterlockedInsertHeadList(PLIST_ENTRY ListHead,
							PLIST_ENTRY ListEntry,
							PNDIS_SPIN_LOCK SpinLock)
{
	PLIST_ENTRY first;

	NdisAcquireSpinLock(SpinLock);
	first = IsListEmpty(ListHead) ? NULL : ListHead->Flink;
	InsertHeadList(ListHead, ListEntry);
	NdisReleaseSpinLock(SpinLock);
	return first;
}

/**
 * NdisInterlockedInsertTailList() - link an entry last, under a lock
 * @ListHead: the head
 * @ListEntry: the entry
 * @SpinLock: the NDIS spin lock that guards the list
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the entry that was last before, or NULL if the list was empty.
 */
static inline PLIST_ENTRY NdisInterlockedInsertTailList(PLIST_ENTRY ListHead,
							PLIST_ENTRY ListEntry,
							PNDIS_SPIN_LOCK SpinLock)
{
	PLIST_ENTRY last;

	NdisAcquireSpinLock(SpinLock);
	last = IsListEmpty(ListHead) ? NULL : ListHead->Blink;
	InsertTailList(ListHead, ListEntry);
	NdisReleaseSpinLock(SpinLock);
	return last;
}

/**
 * NdisInterlockedRemoveHeadList() - unlink the first entry, under a lock
 * @ListHead: the head
 * @SpinLock: the NDIS spin lock that guards the list
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the entry, or NULL if the list was empty.
 */
static inline PLIST_ENTRY NdisInterlockedRemoveHeadList(PLIST_ENTRY ListHead,
							PNDIS_SPIN_LOCK SpinLock)
{
	PLIST_ENTRY first = NULL;

	NdisAcquireSpinLock(SpinLock);
	if (!IsListEmpty(ListHead))
		first = RemoveHeadList(ListHead);
	NdisReleaseSpinLock(SpinLock);
	return first;
}

/**
 * NdisInterlockedPushEntryList() - link an entry first on a singly linked
 *	list, under a lock
 * @ListHead: the head
 * @ListEntry: the entry
 * @Lock: the NDIS spin lock that guards the list
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the entry that was first before, or NULL.
 */
static inline PSINGLE_LIST_ENTRY NdisInterlockedPushEntryList(PSINGLE_LIST_ENTRY ListHead,
							      PSINGLE_LIST_ENTRY ListEntry,
							      PNDIS_SPIN_LOCK Lock)
{
	PSINGLE_LIST_ENTRY first;

	NdisAcquireSpinLock(Lock);
	first = ListHead->Next;
	PushEntryList(ListHead, ListEntry);
	NdisReleaseSpinLock(Lock);
	return first;
}

/**
 * NdisInterlockedPopEntryList() - unlink the first entry of a singly
 *	linked list, under a lock
 * @ListHead: the head
 * @Lock: the NDIS spin lock that guards the list
 *
 * Context: IRQL <= DISPATCH_LEVEL.
 * Return: the entry, or NULL if the list was empty.
 */
static inline PSINGLE_LIST_ENTRY NdisInterlockedPopEntryList(PSINGLE_LIST_ENTRY ListHead,
							     PNDIS_SPIN_LOCK Lock)
{
	PSINGLE_LIST_ENTRY first;

	NdisAcquireSpinLock(Lock);
	first = PopEntryList(ListHead);
	NdisReleaseSpinLock(Lock);
	return first;
}

#endif /* _NDIS_LIST_H */
