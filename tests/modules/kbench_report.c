// SPDX-License-Identifier: GPL-2.0
/*
 * What a measure tells the guest: its "NDIS-BENCH:" lines, in the format
 * tests/bench-report.py parses (the same as ndis_bench's), and error lines
 * naming the step that failed. They collect in one buffer that the guest
 * reads back from debugfs after each command; the buffer has its own lock
 * so that it can be read while a measure is stuck.
 *
 * The kernel has no floating point: values travel as fixed point with four
 * decimals (x 10^4).
 */
#include <linux/math64.h>
#include <linux/seq_file.h>

#include "kbench.h"

#define NDIS_KBENCH_OUT_SIZE	16384
#define NDIS_KBENCH_E4		10000ULL

static DEFINE_SPINLOCK(ndis_kbench_out_lock);
static char ndis_kbench_out[NDIS_KBENCH_OUT_SIZE];
static size_t ndis_kbench_out_len;

void ndis_kbench_out_reset(void)
{
	spin_lock(&ndis_kbench_out_lock);
	ndis_kbench_out_len = 0;
	spin_unlock(&ndis_kbench_out_lock);
}

void ndis_kbench_out_show(struct seq_file *m)
{
	spin_lock(&ndis_kbench_out_lock);
	seq_write(m, ndis_kbench_out, ndis_kbench_out_len);
	spin_unlock(&ndis_kbench_out_lock);
}

/* Append one line; a line that does not fit is cut (the buffer is ample). */
static void ndis_kbench_out_line(const char *line)
{
	spin_lock(&ndis_kbench_out_lock);
	ndis_kbench_out_len += scnprintf(ndis_kbench_out + ndis_kbench_out_len,
					 sizeof(ndis_kbench_out) - ndis_kbench_out_len,
					 "%s\n", line);
	spin_unlock(&ndis_kbench_out_lock);
}

/**
 * ndis_kbench_error() - report why a measure stopped
 * @measure: the measure
 * @fmt: the step and what went wrong
 *
 * Goes to the guest's result lines and to the kernel log.
 */
void ndis_kbench_error(const char *measure, const char *fmt, ...)
{
	char line[256];
	va_list args;
	int n;

	n = scnprintf(line, sizeof(line), "ndis_kbench: error: %s: ", measure);
	va_start(args, fmt);
	vscnprintf(line + n, sizeof(line) - n, fmt, args);
	va_end(args);
	ndis_kbench_out_line(line);
	pr_err("%s\n", line + strlen("ndis_kbench: "));
}

/**
 * ndis_kbench_waited() - the verdict of a bounded wait
 * @measure: the measure waiting
 * @what: what it waited for
 * @left: what wait_event_interruptible_timeout() returned
 *
 * Return: 0 if the condition came true, else -ETIMEDOUT or -EINTR after
 * an error line.
 */
int ndis_kbench_waited(const char *measure, const char *what, long left)
{
	if (left > 0)
		return 0;
	if (!left) {
		ndis_kbench_error(measure, "%s: timed out after %u s", what,
				  ndis_kbench_timeout_s);
		return -ETIMEDOUT;
	}
	ndis_kbench_error(measure, "%s: interrupted", what);
	return -EINTR;
}

static int ndis_kbench_fix(char *buf, size_t len, u64 e4)
{
	u32 frac;
	u64 whole = div_u64_rem(e4, NDIS_KBENCH_E4, &frac);

	return scnprintf(buf, len, "%llu.%04u", whole, frac);
}

/**
 * ndis_kbench_report() - one round of one figure
 * @measure: the measure, a name of bench-report.py's MEASURES
 * @nic: the NIC model, context or phase the figure is for
 * @size: frame size, protocols or bindings, as the measure defines it
 * @round: 1..rounds
 * @ours: our figure, x 10^4
 * @theirs: the figure compared with, x 10^4 (not 0)
 * @fmt: further " k=v" pairs, or ""
 */
void ndis_kbench_report(const char *measure, const char *nic, unsigned int size,
			unsigned int round, u64 ours, u64 theirs, const char *fmt, ...)
{
	char line[384];
	va_list args;
	int n;

	n = scnprintf(line, sizeof(line), "NDIS-BENCH: measure=%s nic=%s size=%u round=%u ours=",
		      measure, nic, size, round);
	n += ndis_kbench_fix(line + n, sizeof(line) - n, ours);
	n += scnprintf(line + n, sizeof(line) - n, " theirs=");
	n += ndis_kbench_fix(line + n, sizeof(line) - n, theirs);
	n += scnprintf(line + n, sizeof(line) - n, " ratio=");
	n += ndis_kbench_fix(line + n, sizeof(line) - n,
			     theirs ? mul_u64_u64_div_u64(ours, NDIS_KBENCH_E4, theirs) : 0);
	va_start(args, fmt);
	vscnprintf(line + n, sizeof(line) - n, fmt, args);
	va_end(args);
	ndis_kbench_out_line(line);
}
