/*
 * kernel/ktest.h - the in-kernel self-tests.
 *
 * A test is a function registered with KTEST(suite, name) next to the code
 * it tests. The macro puts a record into the .ktests linker section, so no
 * central list exists: ktest_run_all() walks the section (linker.ld) and
 * reports in TAP version 13 on the console:
 *
 *	TAP version 13
 *	1..N
 *	# lines printed by tests, and failure details, start with "# "
 *	ok 1 - boot.higher_half
 *	not ok 2 - boot.vbar
 *	ok 3 - pmm.something # SKIP why it cannot run here
 *
 * Assertions print both values and the place, and end the test:
 *
 *	KTEST(boot, vbar)
 *	{
 *		KT_ASSERT_EQ(VIRT_VECTORS, read_vbar());
 *	}
 */
#ifndef BRAMBLE_KERNEL_KTEST_H
#define BRAMBLE_KERNEL_KTEST_H

#include <stdbool.h>
#include <stdint.h>

struct ktest_context;

struct ktest {
	const char *suite;
	const char *name;
	void (*run)(struct ktest_context *context);
};

struct ktest_context {
	const struct ktest *test;
	bool failed;
	const char *skip_reason;
};

#define KTEST(suite, name)                                                               \
	static void ktest_##suite##_##name(struct ktest_context *ktest_context);         \
	static const struct ktest ktest_record_##suite##_##name                          \
		__attribute__((used, section(".ktests"),                                 \
			       aligned(4))) = { #suite, #name, ktest_##suite##_##name }; \
	static void ktest_##suite##_##name(struct ktest_context *ktest_context           \
					   __attribute__((unused)))

/* Checks: each returns false (and records the failure) when it does not hold. */
bool ktest_check_true(struct ktest_context *context, const char *file, int line,
		      const char *expression, bool value);
bool ktest_check_u32(struct ktest_context *context, const char *file, int line,
		     const char *expected_text, const char *actual_text, uint32_t expected,
		     uint32_t actual);
bool ktest_check_str(struct ktest_context *context, const char *file, int line,
		     const char *actual_text, const char *expected, const char *actual);
void ktest_fail(struct ktest_context *context, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Assertions: on failure, print and leave the test function. */
#define KT_ASSERT(cond)                                                                  \
	do {                                                                             \
		if (!ktest_check_true(ktest_context, __FILE__, __LINE__, #cond, (cond))) \
			return;                                                          \
	} while (0)

#define KT_ASSERT_EQ(expected, actual)                                                      \
	do {                                                                                \
		if (!ktest_check_u32(ktest_context, __FILE__, __LINE__, #expected, #actual, \
				     (uint32_t)(expected), (uint32_t)(actual)))             \
			return;                                                             \
	} while (0)

#define KT_ASSERT_STREQ(expected, actual)                                                    \
	do {                                                                                 \
		if (!ktest_check_str(ktest_context, __FILE__, __LINE__, #actual, (expected), \
				     (actual)))                                              \
			return;                                                              \
	} while (0)

#define KT_FAIL(...)                                                        \
	do {                                                                \
		ktest_fail(ktest_context, __FILE__, __LINE__, __VA_ARGS__); \
		return;                                                     \
	} while (0)

/* The test cannot run here (say why); it is reported as skipped, not passed. */
#define KT_SKIP(reason)                                \
	do {                                           \
		ktest_context->skip_reason = (reason); \
		return;                                \
	} while (0)

/*
 * Run every registered test; returns the number that failed. While they
 * run, a fatal stop (kernel/fatal.h) ends the TAP stream with
 * "Bail out! <reason>".
 */
unsigned ktest_run_all(void);

/*
 * The same for the tests filter names: "suite" (all of that suite) or
 * "suite.name" (that one); NULL is all. ktest_count_matching says how many
 * there are (0: the filter names none).
 */
unsigned ktest_run_matching(const char *filter);
unsigned ktest_count_matching(const char *filter);

#endif /* BRAMBLE_KERNEL_KTEST_H */
