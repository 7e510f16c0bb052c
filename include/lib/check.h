/*
 * lib/check.h - what the structure checkers (pmm_check, kheap_check) share:
 * count every violated invariant, and describe the first one into the
 * caller's buffer (if it gave one).
 */
#ifndef BRAMBLE_LIB_CHECK_H
#define BRAMBLE_LIB_CHECK_H

#include <stddef.h>
#include <stdio.h>

struct check_report {
	char *text; /* the first problem, described; may be NULL */
	size_t size;
	unsigned problems; /* how many were found */
};

/* Count one more problem with report; describe it if it is the first. */
#define CHECK(report, condition, ...)                                            \
	do {                                                                     \
		if (!(condition) && (report)->problems++ == 0 && (report)->text) \
			snprintf((report)->text, (report)->size, __VA_ARGS__);   \
	} while (0)

#endif /* BRAMBLE_LIB_CHECK_H */
