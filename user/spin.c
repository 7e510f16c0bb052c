/*
 * user/spin.c - compute for a while: argv[1] thousand rounds, yielding
 * every argv[2] rounds (0: never), then print a checksum.
 */
#include <stdio.h>
#include <stdlib.h>

#include "bramble/syscall.h"

int main(int argc, char **argv)
{
	unsigned long rounds = (argc > 1 ? strtoul(argv[1], 0, 10) : 1000) * 1000;
	unsigned long every = argc > 2 ? strtoul(argv[2], 0, 10) : 0;
	unsigned long sum = 0;

	for (unsigned long i = 0; i < rounds; i++) {
		sum = sum * 31 + i;
		if (every && i % every == 0)
			sys_sched_yield();
	}
	printf("spin %ld: %lu rounds, checksum %lu\n", sys_getpid(), rounds, sum);
	return 0;
}
