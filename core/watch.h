/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Waits on a driver that never go silent: see core/watch.c. Private to
 * ndis.ko.
 */
#ifndef _NDIS_CORE_WATCH_H
#define _NDIS_CORE_WATCH_H

#include <linux/completion.h>
#include <linux/wait.h>

/* Who is waited for, on what: the three names a stuck-driver report gives. */
struct ndis_watch {
	const char *object;	/* the adapter or binding */
	const char *driver;	/* the driver that has to act */
	const char *step;	/* what it has not finished */
	unsigned long waited;	/* jiffies so far */
};

struct mutex;

unsigned long ndis_watch_slice(struct ndis_watch *w);
void ndis_watch_report(struct ndis_watch *w, unsigned long slice);
void ndis_watch_completion(struct completion *done, const char *object, const char *driver,
			   const char *step);
long ndis_watch_report_count(void);
unsigned int ndis_watch_set_period(unsigned int seconds);
void ndis_watch_shutdown_begin(void);
void ndis_watch_shutdown_end(void);
bool ndis_watch_shutdown_lock(struct mutex *lock, struct ndis_watch *w);
long ndis_watch_give_up_count(void);
unsigned int ndis_watch_set_shutdown_wait(unsigned int seconds);

/*
 * wait_event() that reports, every ndis.stuck_report_s seconds, the object,
 * driver and step it still waits for; in the shutdown's thread it gives up
 * when the shutdown's time is up. PASSIVE_LEVEL.
 */
#define ndis_watch_event(wq, cond, object, driver, step)			\
	do {									\
		struct ndis_watch __w = { object, driver, step, 0 };		\
		unsigned long __slice;						\
										\
		for (;;) {							\
			__slice = ndis_watch_slice(&__w);			\
			if (!__slice || wait_event_timeout(wq, cond, __slice))	\
				break;						\
			ndis_watch_report(&__w, __slice);			\
		}								\
	} while (0)

#endif /* _NDIS_CORE_WATCH_H */
