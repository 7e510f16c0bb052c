/*
 * user/orphan.c - orphan: forks a child and ends at once; the child
 * outlives it, says who its parent is now (init, when init started the
 * orphan), and exits with status 3 for init to reap.
 */
#include <stdio.h>

#include "bramble/syscall.h"

int main(void)
{
	long parent = sys_getpid(), child = sys_fork();

	if (child == 0) {
		struct bramble_timespec nap = { 0, 50000000 };

		while (sys_getppid() == parent)
			sys_nanosleep(&nap, 0);
		printf("orphan: pid %ld, parent now %ld\n", sys_getpid(), sys_getppid());
		fflush(stdout);
		return 3;
	}
	printf("orphan: pid %ld forked %ld and ends\n", parent, child);
	fflush(stdout);
	return 0;
}
