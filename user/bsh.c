/*
 * user/bsh.c - bramble's own tiny shell: reads a line, splits it into
 * words, runs the program the first word names (from the archive's bin/)
 * with the words as its arguments, waits for it and prints how it ended.
 * Built in: exit [CODE]. bsh -c 'LINE' runs one line and exits with its
 * status. /bin/sh is busybox's when the build has it, else this one.
 *
 * Typing is the terminal's business (kernel/tty.h): bsh reads whole
 * lines, edited and echoed by the kernel.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bramble/syscall.h"

#define LINE_MAX_ 256
#define WORDS_MAX 32

extern char **environ;

static void say(const char *text)
{
	sys_write(1, text, strlen(text));
}

/*
 * A line from fd 0; false at the end of input. The terminal (the kernel's
 * line discipline) edits and echoes it and hands over whole lines; read
 * in pieces all the same, as a pipe or file gives them.
 */
static int read_line(char *line)
{
	int n = 0;

	for (;;) {
		char c;
		long r = sys_read(0, &c, 1);

		if (r == -4) /* -EINTR */
			continue;
		if (r <= 0) {
			line[n] = 0;
			return n > 0;
		}
		if (c == '\n') {
			line[n] = 0;
			return 1;
		}
		if (n < LINE_MAX_ - 1)
			line[n++] = c;
	}
}

/* Run one line; its status as wait(2) has it, or -1 for nothing run. */
static int run_line(char *line, int *exit_now)
{
	char *words[WORDS_MAX + 1];
	int count = 0, status = -1;
	long pid;

	for (char *at = strtok(line, " \t"); at && count < WORDS_MAX; at = strtok(0, " \t"))
		words[count++] = at;
	words[count] = 0;
	if (count == 0)
		return -1;
	if (strcmp(words[0], "exit") == 0) {
		*exit_now = 1;
		return (count > 1 ? atoi(words[1]) : 0) << 8;
	}
	pid = sys_fork();
	if (pid == 0) {
		/* A bare name is a program in /bin (execve itself looks nowhere else but the cwd). */
		char path[LINE_MAX_ + 8];
		long r;

		if (strchr(words[0], '/'))
			strcpy(path, words[0]);
		else
			strcat(strcpy(path, "/bin/"), words[0]);
		r = sys_execve(path, words, environ);

		printf("sh: %s: %s\n", words[0],
		       r == -2   ? "not found"
		       : r == -8 ? "not a program"
				 : "cannot run it");
		fflush(stdout);
		sys_exit_group(127);
	}
	if (pid < 0) {
		printf("sh: fork: error %ld\n", -pid);
		return 1 << 8;
	}
	if (sys_wait4((int)pid, &status, 0, 0) != pid)
		return 1 << 8;
	if (EXITED(status))
		printf("[%s: exit %d]\n", words[0], EXIT_STATUS(status));
	else
		printf("[%s: killed by signal %d]\n", words[0], TERM_SIGNAL(status));
	fflush(stdout);
	return status;
}

static int code_of(int status)
{
	return EXITED(status) ? EXIT_STATUS(status) : 128 + TERM_SIGNAL(status);
}

int main(int argc, char **argv)
{
	char line[LINE_MAX_];
	int exit_now = 0, status = 0;

	if (argc > 2 && strcmp(argv[1], "-c") == 0) {
		line[0] = 0;
		for (int i = 2; i < argc; i++) {
			strncat(line, argv[i], sizeof(line) - strlen(line) - 2);
			strcat(line, " ");
		}
		status = run_line(line, &exit_now);
		return status < 0 ? 0 : code_of(status);
	}
	say("sh: programs from bin/ by name; exit leaves\n");
	while (!exit_now) {
		int s;

		say("$ ");
		if (!read_line(line))
			break;
		s = run_line(line, &exit_now);
		if (s >= 0)
			status = s;
	}
	return exit_now ? code_of(status) : 0;
}
