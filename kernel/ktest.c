/*
 * kernel/ktest.c - the self-test runner and its checks (see kernel/ktest.h).
 */
#include "kernel/ktest.h"

#include <stdarg.h>
#include <string.h>

#include "arch/cp15.h"
#include "kernel/fatal.h"
#include "kernel/printk.h"

extern const struct ktest __ktests_start[], __ktests_end[];

static unsigned running; /* runs under way: one, or two when a test runs tests */

/* The fatal hook while the tests run: the kernel stops, so the TAP stream ends. */
static void bail_out(const char *reason)
{
	console_write_tap_line("Bail out! %s", reason);
	console_set_comment_mode(false);
}

static void report_place(struct ktest_context *context, const char *file, int line)
{
	context->failed = true;
	kprintf("  %s:%d: %s.%s\n", file, line, context->test->suite, context->test->name);
}

bool ktest_check_true(struct ktest_context *context, const char *file, int line,
		      const char *expression, bool value)
{
	if (value)
		return true;
	report_place(context, file, line);
	kprintf("    check:    %s\n", expression);
	kprintf("    expected: true\n");
	kprintf("    actual:   false\n");
	return false;
}

bool ktest_check_u32(struct ktest_context *context, const char *file, int line,
		     const char *expected_text, const char *actual_text, uint32_t expected,
		     uint32_t actual)
{
	if (expected == actual)
		return true;
	report_place(context, file, line);
	kprintf("    check:    %s == %s\n", actual_text, expected_text);
	kprintf("    expected: 0x%08lx (%lu)\n", (unsigned long)expected, (unsigned long)expected);
	kprintf("    actual:   0x%08lx (%lu)\n", (unsigned long)actual, (unsigned long)actual);
	return false;
}

bool ktest_check_str(struct ktest_context *context, const char *file, int line,
		     const char *actual_text, const char *expected, const char *actual)
{
	if (expected && actual && strcmp(expected, actual) == 0)
		return true;
	report_place(context, file, line);
	kprintf("    %s\n", actual_text);
	kprintf("    expected: \"%s\"\n", expected ? expected : "(null)");
	kprintf("    actual:   \"%s\"\n", actual ? actual : "(null)");
	return false;
}

void ktest_fail(struct ktest_context *context, const char *file, int line, const char *fmt, ...)
{
	va_list args;

	report_place(context, file, line);
	kprintf("    ");
	va_start(args, fmt);
	kvprintf(fmt, args);
	va_end(args);
	kprintf("\n");
}

/* Whether test is what filter names: NULL (all), "suite", or "suite.name". */
static bool matches(const struct ktest *test, const char *filter)
{
	size_t suite_length = strlen(test->suite);

	if (!filter)
		return true;
	if (strncmp(filter, test->suite, suite_length) != 0)
		return false;
	if (filter[suite_length] == '\0')
		return true;
	return filter[suite_length] == '.' && strcmp(filter + suite_length + 1, test->name) == 0;
}

unsigned ktest_count_matching(const char *filter)
{
	unsigned matched = 0;

	for (const struct ktest *test = __ktests_start; test < __ktests_end; test++)
		matched += matches(test, filter);
	return matched;
}

unsigned ktest_run_matching(const char *filter)
{
	unsigned count = ktest_count_matching(filter);
	unsigned failures = 0, skips = 0, number = 0;

	uint32_t first_test_cycles = read_pmccntr();

	running++;
	console_write_tap_line("TAP version 13");
	console_write_tap_line("1..%u", count);
	fatal_set_hook(bail_out);
	console_set_comment_mode(true);
	if (!filter)
		kprintf("boot: cycle counter from entry to the first self-test: %lu\n",
			(unsigned long)first_test_cycles);
	for (const struct ktest *test = __ktests_start; test < __ktests_end; test++) {
		struct ktest_context context = { .test = test };

		if (!matches(test, filter))
			continue;
		number++;
		test->run(&context);
		if (context.failed) {
			failures++;
			console_write_tap_line("not ok %u - %s.%s", number, test->suite,
					       test->name);
		} else if (context.skip_reason) {
			skips++;
			console_write_tap_line("ok %u - %s.%s # SKIP %s", number, test->suite,
					       test->name, context.skip_reason);
		} else {
			console_write_tap_line("ok %u - %s.%s", number, test->suite, test->name);
		}
	}
	kprintf("self-tests: %u passed, %u failed, %u skipped\n", count - failures - skips,
		failures, skips);
	if (--running == 0) { /* a run inside a test (the console's) leaves the outer one's mode */
		console_set_comment_mode(false);
		fatal_set_hook(NULL);
	}
	return failures;
}

unsigned ktest_run_all(void)
{
	return ktest_run_matching(NULL);
}
