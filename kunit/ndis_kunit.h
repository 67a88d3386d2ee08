/* SPDX-License-Identifier: GPL-2.0 */
/* Shared by the files of ndis_kunit.ko. */
#ifndef _NDIS_KUNIT_H
#define _NDIS_KUNIT_H

#include <kunit/test.h>
#include <linux/completion.h>
#include <ndis/ndis.h>

extern bool ndis_kunit_inject_failure;

/*
 * Run @fn(@arg) once in the named context and wait for it to finish. The
 * test fails if it does not run within a few seconds.
 */
void ndis_kunit_in_timer(struct kunit *test, void (*fn)(void *), void *arg);
void ndis_kunit_in_tasklet(struct kunit *test, void (*fn)(void *), void *arg);
void ndis_kunit_in_hardirq(struct kunit *test, void (*fn)(void *), void *arg);

/*
 * A kernel thread that runs @fn once: a second task for tests of waits and
 * locks. ndis_kunit_thread_finished() waits (bounded) for it to return;
 * ndis_kunit_thread_waits() until it sleeps in an idle wait (TASK_IDLE),
 * which is how NDIS waits sleep.
 */
struct ndis_kunit_thread {
	struct task_struct *task;
	struct completion done;
	void (*fn)(struct ndis_kunit_thread *t);
	void *arg;
	long result;
};

void ndis_kunit_thread_start(struct kunit *test, struct ndis_kunit_thread *t,
			     void (*fn)(struct ndis_kunit_thread *t), void *arg,
			     const char *name);
void ndis_kunit_thread_start_on(struct kunit *test, struct ndis_kunit_thread *t,
				void (*fn)(struct ndis_kunit_thread *t), void *arg,
				const char *name, int cpu);
void ndis_kunit_two_cpus(struct kunit *test, int cpu[2]);
bool ndis_kunit_thread_finished(struct ndis_kunit_thread *t);
bool ndis_kunit_thread_waits(struct ndis_kunit_thread *t);

/* What a context looked like from inside, recorded by ndis_kunit_observe(). */
struct ndis_kunit_observation {
	KIRQL irql;
	bool in_softirq;
	bool in_hardirq;
};

void ndis_kunit_observe(void *observation);

/*
 * Fixture (suite .init/.exit) that diverts IRQL contract reports from WARN
 * into test->priv, so tests can break contracts on purpose and check the
 * report. The latest report is kept; @calls counts them all.
 */
struct ndis_kunit_reports {
	unsigned int calls;
	const char *api;
	const char *requirement;
	KIRQL irql;
	unsigned long caller;
	bool warn;		/* would have been a WARN, not a log line */
	long violations_before;
	long sites_before;
	bool strict_before;
};

int ndis_kunit_reports_init(struct kunit *test);
void ndis_kunit_reports_exit(struct kunit *test);
long ndis_kunit_new_violations(struct kunit *test);
long ndis_kunit_new_sites(struct kunit *test);
void ndis_kunit_set_strict(bool strict);

#endif /* _NDIS_KUNIT_H */
