/*
 * user/isolation.c - two copies of this program use the same addresses;
 * each fills a static page with its own pid and checks it, argv[1] times,
 * yielding in between: if the kernel ever let one see the other's pages
 * (a stale TLB entry after an ASID rollover), the check fails.
 */
#include <stdio.h>
#include <stdlib.h>

#include "bramble/syscall.h"

static volatile long page[1024];

int main(int argc, char **argv)
{
	long pid = sys_getpid(), rounds = argc > 1 ? strtol(argv[1], 0, 10) : 100;

	for (long r = 0; r < rounds; r++) {
		for (int i = 0; i < 1024; i++)
			page[i] = pid * 100000 + r;
		sys_sched_yield();
		for (int i = 0; i < 1024; i++) {
			if (page[i] != pid * 100000 + r) {
				printf("isolation %ld: round %ld: word %d is %ld, not mine\n", pid,
				       r, i, page[i]);
				return 1;
			}
		}
	}
	printf("isolation %ld: %ld rounds, always my own page\n", pid, rounds);
	return 0;
}
