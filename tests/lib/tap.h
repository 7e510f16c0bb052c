/*
 * tests/lib/tap.h - TAP version 13 output for the host tests.
 *
 *	int main(void)
 *	{
 *		tap_plan(2);
 *		TAP_EQ_U32(5, fault_status_code(0x005), "translation, section");
 *		TAP_EQ_STR("permission fault (page)", text, "describe 0x00F");
 *		return tap_done();
 *	}
 *
 * Each check prints "ok N - what" or "not ok N - what" with "# " lines
 * giving the place and both values; tap_done() returns the exit status.
 */
#ifndef BRAMBLE_TESTS_TAP_H
#define BRAMBLE_TESTS_TAP_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static unsigned tap_count, tap_failed, tap_planned;

static inline void tap_plan(unsigned n)
{
	tap_planned = n;
	printf("TAP version 13\n1..%u\n", n);
}

static inline bool tap_result(bool ok, const char *file, int line, const char *what)
{
	tap_count++;
	if (!ok) {
		tap_failed++;
		printf("#   %s:%d\n", file, line);
	}
	printf("%sok %u - %s\n", ok ? "" : "not ", tap_count, what);
	return ok;
}

static inline bool tap_eq_u32(uint32_t expected, uint32_t actual, const char *file, int line,
			      const char *what)
{
	if (expected != actual)
		printf("#     expected: 0x%08x (%u)\n#     actual:   0x%08x (%u)\n", expected,
		       expected, actual, actual);
	return tap_result(expected == actual, file, line, what);
}

static inline bool tap_eq_str(const char *expected, const char *actual, const char *file, int line,
			      const char *what)
{
	bool ok = strcmp(expected, actual) == 0;

	if (!ok)
		printf("#     expected: \"%s\"\n#     actual:   \"%s\"\n", expected, actual);
	return tap_result(ok, file, line, what);
}

static inline int tap_done(void)
{
	if (tap_count != tap_planned)
		printf("# planned %u tests, ran %u\n", tap_planned, tap_count);
	return tap_failed == 0 && tap_count == tap_planned ? 0 : 1;
}

#define TAP_OK(cond, what) tap_result((cond), __FILE__, __LINE__, (what))
#define TAP_EQ_U32(expected, actual, what) \
	tap_eq_u32((uint32_t)(expected), (uint32_t)(actual), __FILE__, __LINE__, (what))
#define TAP_EQ_STR(expected, actual, what) \
	tap_eq_str((expected), (actual), __FILE__, __LINE__, (what))

#endif /* BRAMBLE_TESTS_TAP_H */
