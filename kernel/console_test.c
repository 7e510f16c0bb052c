/*
 * kernel/console_test.c - self-tests of the console's commands: each line
 * run as if typed, its output caught in a buffer and checked against the
 * state it reports; each error one line, and the console goes on.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/console.h"
#include "kernel/irq.h"
#include "kernel/ktest.h"
#include "kernel/smp.h"
#include "kernel/printk.h"
#include "kernel/stack.h"
#include "lib/ring.h"
#include "lib/textbuf.h"
#include "mm/kheap.h"
#include "mm/mm.h"
#include "mm/pmm.h"

#define CAPTURE_SIZE 8192

static char captured[CAPTURE_SIZE];
static struct textbuf capture_buf = TEXTBUF(captured);

static void capture(const char *text, size_t length)
{
	textbuf_append(&capture_buf, text, length);
}

/* Run line as typed, its output into captured; returns what console_execute said. */
static bool run(const char *line)
{
	console_sink_fn sink = console_get_sink();
	bool comment = console_comment_mode();
	char copy[128];
	bool ok;

	snprintf(copy, sizeof(copy), "%s", line);
	textbuf_clear(&capture_buf);
	kprintf("console: %s\n", line);
	console_set_sink(capture);
	console_set_comment_mode(false); /* the output as a person sees it */
	ok = console_execute(copy);
	console_set_comment_mode(comment);
	console_set_sink(sink);
	return ok;
}

static unsigned lines_of(const char *text)
{
	unsigned count = 0;

	for (; *text; text++)
		count += *text == '\n';
	return count;
}

KTEST(console, errors_are_one_line)
{
	static const char *const bad[] = {
		"nosuch",         "x",
		"x zz",           "x 0x80000001",
		"x 0x80000000 0", "x 0x80000000 9999",
		"x 0xfffffffc 8", "pt 0x100 0x10",
		"pt 0xg",         "heap bogus",
		"mem extra",      "test nosuch.test",
		"help me",
	};

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (run(bad[i]))
			KT_FAIL("'%s' was accepted: %s", bad[i], captured);
		if (lines_of(captured) != 1)
			KT_FAIL("'%s' answered %u lines, not one: %s", bad[i], lines_of(captured),
				captured);
	}
	KT_ASSERT(run("   "));
	KT_ASSERT_EQ(0, capture_buf.length); /* an empty line: nothing, no error */
	KT_ASSERT(strstr(captured, "unknown") == NULL);
}

KTEST(console, x_unmapped_says_so)
{
	char line[40], expected[40];

	KT_ASSERT(!run("x 0x00001000"));
	if (strstr(captured, "x: 0x00001000 cannot be read: data abort: translation fault") !=
	    captured)
		KT_FAIL("x 0x00001000 answered: %s", captured);
	/*
	 * From the top of core 0's SVC stack into the guard page above it (the
	 * abort stack's): the line before the guard, then the fault.
	 */
	snprintf(line, sizeof(line), "x 0x%08lx 32", (unsigned long)(stack_top_svc(0) - 16));
	KT_ASSERT(!run(line));
	snprintf(expected, sizeof(expected), "x: 0x%08lx cannot be read",
		 (unsigned long)stack_top_svc(0));
	if (strstr(captured, expected) == NULL || lines_of(captured) != 2)
		KT_FAIL("%s answered: %s", line, captured);
	/* The catcher is disarmed: a good read works after the bad ones. */
	KT_ASSERT(run("x 0x80000000 4"));
}

static const uint32_t known_words[4] = { 0xDEADBEEF, 0x64636261, 0x00000000, 0x0BADF00D };

KTEST(console, x_shows_memory)
{
	char expected[80], line[40];

	snprintf(line, sizeof(line), "x 0x%08lx 16", (unsigned long)known_words);
	KT_ASSERT(run(line));
	snprintf(expected, sizeof(expected), "0x%08lx: deadbeef 64636261 00000000 0badf00d  ",
		 (unsigned long)known_words);
	if (strncmp(captured, expected, strlen(expected)) != 0)
		KT_FAIL("%s answered: %s", line, captured);
	KT_ASSERT(strstr(captured, "abcd") != NULL); /* the bytes as text */
	KT_ASSERT_EQ(1, lines_of(captured));
}

/* The first unsigned number after label in captured, or ~0. */
static unsigned long number_after(const char *label)
{
	const char *at = strstr(captured, label);
	char *end;
	unsigned long value;

	if (!at)
		return ~0UL;
	value = strtoul(at + strlen(label), &end, 10);
	return end == at + strlen(label) ? ~0UL : value;
}

KTEST(console, mem_reports_the_pmm)
{
	struct pmm_stats stats;

	KT_ASSERT(run("mem"));
	pmm_get_stats(&kernel_pmm, &stats);
	KT_ASSERT_EQ(stats.total, number_after("total "));
	KT_ASSERT_EQ(stats.free, number_after("free "));
	KT_ASSERT_EQ(stats.reserved, number_after("reserved "));
	KT_ASSERT_EQ(stats.largest_free_run, number_after("largest free run "));
}

KTEST(console, heap_reports_the_heap)
{
	struct kheap_stats stats;
	void *block = kmalloc(100);

	KT_ASSERT(block != NULL);
	KT_ASSERT(run("heap"));
	kheap_kernel_stats(&stats);
	kfree(block);
	KT_ASSERT_EQ(stats.live_blocks, number_after("live "));
	KT_ASSERT(strstr(captured, "footprint") != NULL);
	KT_ASSERT(run("heap check"));
	KT_ASSERT(strstr(captured, "0 problems") != NULL);
}

KTEST(console, commands_answer)
{
	static const char *const good[] = {
		"help", "mmio", "layout", "irq", "uptime", "pt 0x80000000 0x80000fff",
	};

	for (unsigned i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		if (!run(good[i]) || capture_buf.length == 0)
			KT_FAIL("'%s' failed: %s", good[i], captured);
	KT_ASSERT(run("pt 0x80000000 0x80000fff"));
	KT_ASSERT_EQ(1, lines_of(captured)); /* the vectors page, and nothing else */
	KT_ASSERT(strstr(captured, "0x80000000-0x80000fff") != NULL);
	KT_ASSERT(run("mmio"));
	KT_ASSERT(strstr(captured, "uart") != NULL && strstr(captured, "intc") != NULL);
	KT_ASSERT(run("irq"));
	KT_ASSERT(strstr(captured, "timer_interrupt") != NULL);
	KT_ASSERT(strstr(captured, "pl011_interrupt") != NULL);
	KT_ASSERT(strstr(captured, "core 3") != NULL);     /* a column a core */
	for (unsigned core = 0; core < CORE_COUNT; core++) /* every core online takes its tick */
		KT_ASSERT(!(smp_online() & (1U << core)) || irq_count(IRQ_CNTV, core) > 0);
}

KTEST(console, test_runs_by_name)
{
	char plan[16];

	KT_ASSERT(run("test timer.delay_us"));
	KT_ASSERT(strstr(captured, "1..1\n") != NULL);
	KT_ASSERT(strstr(captured, "ok 1 - timer.delay_us\n") != NULL);
	/*
	 * A whole suite: the spinlock's, whose answers do not depend on time
	 * (the timer's bounds are real time in the boots without -icount,
	 * where a loaded host can stretch a sleep past them).
	 */
	KT_ASSERT(run("test spinlock"));
	snprintf(plan, sizeof(plan), "1..%u\n", ktest_count_matching("spinlock"));
	KT_ASSERT(ktest_count_matching("spinlock") >= 4);
	KT_ASSERT(strstr(captured, plan) != NULL);
	KT_ASSERT(strstr(captured, "not ok") == NULL);
}

KTEST(console, ring_wraps_and_counts_overflow)
{
	static uint8_t buffer[8];
	struct ring ring;
	uint8_t byte = 0;

	KT_ASSERT(!ring_init(&ring, buffer, 6)); /* not a power of two */
	KT_ASSERT(ring_init_at(&ring, buffer, sizeof(buffer), 0xFFFFFFFCU));
	for (unsigned i = 0; i < 8; i++)
		KT_ASSERT(ring_put(&ring, (uint8_t)i));
	KT_ASSERT(!ring_put(&ring, 99));
	KT_ASSERT_EQ(1, ring_overflows(&ring));
	for (unsigned i = 0; i < 8; i++) {
		KT_ASSERT(ring_get(&ring, &byte));
		KT_ASSERT_EQ(i, byte); /* across the counters' wrap at 2^32 */
	}
	KT_ASSERT(!ring_get(&ring, &byte));
	KT_ASSERT(ring_empty(&ring));
}
