/*
 * user/include/bramble/tap.h - TAP from a user program: check() prints
 * "ok N - what" or "not ok N - what (got VALUE)", and counts the failures,
 * which the program returns as its exit status.
 */
#ifndef BRAMBLE_USER_TAP_H
#define BRAMBLE_USER_TAP_H

#include <stdio.h>

static int tap_number, tap_failures;

static inline void check(int ok, const char *what, long got)
{
	tap_number++;
	if (ok) {
		printf("ok %d - %s\n", tap_number, what);
	} else {
		tap_failures++;
		printf("not ok %d - %s (got %ld)\n", tap_number, what, got);
	}
	fflush(stdout);
}

#endif /* BRAMBLE_USER_TAP_H */
