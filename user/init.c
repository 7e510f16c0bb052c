/*
 * user/init.c - the first process: init [PROGRAM [ARGS...]] starts
 * PROGRAM (sh when none is given) and waits for every child it has: its
 * own, and the orphans the kernel hands it when their parents end before
 * them. Each one reaped is reported (pid, and how it ended) unless it is
 * PROGRAM ending with status 0. When none is left, init exits with
 * PROGRAM's status, and the console that started it takes the UART back.
 */
#include <stdio.h>
#include <string.h>

#include "bramble/syscall.h"

#define ECHILD_ 10

static char *default_argv[] = { "sh", 0 };
static char *environment[] = { "PATH=/bin", "HOME=/", "TERM=vt100", 0 };

int main(int argc, char **argv)
{
	char **program = argc > 1 ? argv + 1 : default_argv;
	long first, pid;
	int status, result = 0;

	first = sys_fork();
	if (first == 0) {
		/* A bare name is looked for in /bin, as PATH=/bin says (execve itself searches nothing). */
		char path[64];
		long r;

		if (strchr(program[0], '/') || strlen(program[0]) + 6 > sizeof(path))
			strcpy(path, program[0]);
		else
			strcat(strcpy(path, "/bin/"), program[0]);
		r = sys_execve(path, program, environment);

		printf("init: %s: cannot run it (error %ld)\n", program[0], -r);
		sys_exit_group(127);
	}
	if (first < 0) {
		printf("init: fork: error %ld\n", -first);
		return 1;
	}
	while ((pid = sys_wait4(-1, &status, 0, 0)) != -ECHILD_) {
		if (pid < 0)
			continue;
		if (pid == first)
			result = EXITED(status) ? EXIT_STATUS(status) : 128 + TERM_SIGNAL(status);
		if (pid == first && status == 0)
			continue;
		if (EXITED(status))
			printf("init: reaped pid %ld%s: exit %d\n", pid,
			       pid == first ? "" : " (orphan)", EXIT_STATUS(status));
		else
			printf("init: reaped pid %ld%s: killed by signal %d\n", pid,
			       pid == first ? "" : " (orphan)", TERM_SIGNAL(status));
		fflush(stdout);
	}
	return result;
}
