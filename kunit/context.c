// SPDX-License-Identifier: GPL-2.0
/*
 * Run a test function in softirq (timer, tasklet) or hard IRQ (irq_work)
 * context and wait for it, so suites can check what code sees there; or in
 * a thread of its own, for tests of waits and locks.
 */
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/irq_work.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/timer.h>

#include "ndis_kunit.h"

struct ndis_kunit_call {
	void (*fn)(void *arg);
	void *arg;
	struct completion done;
	struct timer_list timer;
	struct tasklet_struct tasklet;
	struct irq_work work;
};

#define NDIS_KUNIT_CALL_TIMEOUT	(5 * HZ)

static struct ndis_kunit_call *ndis_kunit_call_new(struct kunit *test,
						   void (*fn)(void *), void *arg)
{
	struct ndis_kunit_call *call = kunit_kzalloc(test, sizeof(*call), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, call);
	call->fn = fn;
	call->arg = arg;
	init_completion(&call->done);
	return call;
}

static void ndis_kunit_call_wait(struct kunit *test, struct ndis_kunit_call *call,
				 const char *context)
{
	KUNIT_EXPECT_NE_MSG(test, wait_for_completion_timeout(&call->done,
							      NDIS_KUNIT_CALL_TIMEOUT),
			    0, "%s callback never ran", context);
}

static void ndis_kunit_timer_fn(struct timer_list *timer)
{
	struct ndis_kunit_call *call = timer_container_of(call, timer, timer);

	call->fn(call->arg);
	complete(&call->done);
}

void ndis_kunit_in_timer(struct kunit *test, void (*fn)(void *), void *arg)
{
	struct ndis_kunit_call *call = ndis_kunit_call_new(test, fn, arg);

	timer_setup(&call->timer, ndis_kunit_timer_fn, 0);
	mod_timer(&call->timer, jiffies + 1);
	ndis_kunit_call_wait(test, call, "timer");
	timer_delete_sync(&call->timer);
}

static void ndis_kunit_tasklet_fn(struct tasklet_struct *tasklet)
{
	struct ndis_kunit_call *call = from_tasklet(call, tasklet, tasklet);

	call->fn(call->arg);
	complete(&call->done);
}

void ndis_kunit_in_tasklet(struct kunit *test, void (*fn)(void *), void *arg)
{
	struct ndis_kunit_call *call = ndis_kunit_call_new(test, fn, arg);

	tasklet_setup(&call->tasklet, ndis_kunit_tasklet_fn);
	tasklet_schedule(&call->tasklet);
	ndis_kunit_call_wait(test, call, "tasklet");
	tasklet_kill(&call->tasklet);
}

static void ndis_kunit_irq_work_fn(struct irq_work *work)
{
	struct ndis_kunit_call *call = container_of(work, struct ndis_kunit_call, work);

	call->fn(call->arg);
	complete(&call->done);
}

void ndis_kunit_in_hardirq(struct kunit *test, void (*fn)(void *), void *arg)
{
	struct ndis_kunit_call *call = ndis_kunit_call_new(test, fn, arg);

	/* HARD: run from the interrupt itself even on PREEMPT_RT. */
	call->work = IRQ_WORK_INIT_HARD(ndis_kunit_irq_work_fn);
	irq_work_queue(&call->work);
	ndis_kunit_call_wait(test, call, "irq_work");
	irq_work_sync(&call->work);
}

void ndis_kunit_observe(void *observation)
{
	struct ndis_kunit_observation *o = observation;

	o->irql = ndis_current_irql();
	o->in_softirq = in_serving_softirq();
	o->in_hardirq = in_hardirq();
}

#define NDIS_KUNIT_THREAD_TIMEOUT	(10 * HZ)

static int ndis_kunit_thread_fn(void *data)
{
	struct ndis_kunit_thread *t = data;

	t->fn(t);
	complete(&t->done);
	return 0;
}

/*
 * On CPU @cpu only, or anywhere if @cpu is negative. Two threads that spin
 * waiting for each other, one at DISPATCH_LEVEL, must not share a run
 * queue: the waiter would run only once the spinner had given up.
 */
void ndis_kunit_thread_start_on(struct kunit *test, struct ndis_kunit_thread *t,
				void (*fn)(struct ndis_kunit_thread *t), void *arg,
				const char *name, int cpu)
{
	init_completion(&t->done);
	t->fn = fn;
	t->arg = arg;
	t->result = 0;
	t->task = kthread_create(ndis_kunit_thread_fn, t, "ndis-kunit-%s", name);
	KUNIT_ASSERT_FALSE(test, IS_ERR(t->task));
	if (cpu >= 0)
		kthread_bind(t->task, cpu);
	wake_up_process(t->task);
}

void ndis_kunit_thread_start(struct kunit *test, struct ndis_kunit_thread *t,
			     void (*fn)(struct ndis_kunit_thread *t), void *arg,
			     const char *name)
{
	ndis_kunit_thread_start_on(test, t, fn, arg, name, -1);
}

/* Two online CPUs for ndis_kunit_thread_start_on(), or the test is skipped. */
void ndis_kunit_two_cpus(struct kunit *test, int cpu[2])
{
	cpu[0] = cpumask_first(cpu_online_mask);
	cpu[1] = cpumask_next(cpu[0], cpu_online_mask);
	if (cpu[1] >= nr_cpu_ids)
		kunit_skip(test, "needs two online CPUs");
}

bool ndis_kunit_thread_finished(struct ndis_kunit_thread *t)
{
	return wait_for_completion_timeout(&t->done, NDIS_KUNIT_THREAD_TIMEOUT) > 0;
}

bool ndis_kunit_thread_waits(struct ndis_kunit_thread *t)
{
	int tries;

	/* Polled, not slept on: the thread gives no signal when it blocks. */
	for (tries = 0; tries < 2000; tries++) {
		if (READ_ONCE(t->task->__state) == TASK_IDLE)
			return true;
		usleep_range(500, 1000);
	}
	return false;
}
