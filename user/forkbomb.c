/*
 * user/forkbomb.c - forks until the kernel says no: every process (the
 * first and each child) forks again as long as it can, the children nap
 * and exit, and every parent waits for all of its own. The first one
 * prints what stopped it and exits 0 if that was the kernel's process
 * limit (-EAGAIN) or memory (-ENOMEM), 1 otherwise.
 */
#include <stdio.h>

#include "bramble/syscall.h"

#define EAGAIN_ 11
#define ENOMEM_ 12

int main(void)
{
	struct bramble_timespec nap = { 0, 20000000 };
	long refused = 0, children = 0, first = sys_getpid();
	int status;

	for (int round = 0; round < 200; round++) {
		long pid = sys_fork();

		if (pid == 0) {
			children = 0; /* a child of its own: it bombs on too */
			continue;
		}
		if (pid < 0) {
			refused = pid;
			break;
		}
		children++;
	}
	sys_nanosleep(&nap, 0);
	while (sys_wait4(-1, &status, 0, 0) > 0)
		;
	if (sys_getpid() != first)
		sys_exit_group(0);
	printf("forkbomb: stopped by error %ld\n", -refused);
	return refused == -EAGAIN_ || refused == -ENOMEM_ ? 0 : 1;
}
