/*
 * user/bench.c - the user half of make bench's process figures:
 * bench MODE N does N of one thing, times the N with the cycle counter
 * (the benchmark image lets PL0 read it: PMUSERENR.EN), prints the total
 * as a decimal number and exits.
 *
 *   bench getpid N   N getpid system calls
 *   bench yield N    N sched_yield calls (two of these yield to each other)
 *   bench touch N    a write to each of N pages of bss never touched before
 *   bench none 0     nothing: the start and end of a small program
 *   bench fork N     one fork + the child's exit + wait4, with N bss pages resident
 *   bench cow N      N writes to pages shared with a child: N copy-on-write copies
 *   bench exec 0     execve of bench itself, to the start of its main (bench since T)
 *   bench mmap N     N rounds of mmap 1 MiB, a write to each of its pages, munmap
 *   bench busybox N  N rounds of fork + execve of busybox's true + its exit + wait4
 */
#include "bramble/syscall.h"

#define TOUCH_PAGES 1024
#define MIB         (1 << 20)

static char pages[TOUCH_PAGES][4096] __attribute__((aligned(4096)));

static inline unsigned long cycles(void)
{
	unsigned long value;

	__asm__ volatile("mrc p15, 0, %0, c9, c13, 0" : "=r"(value) : : "memory");
	return value;
}

static void print_number(unsigned long n)
{
	char text[12];
	int at = sizeof(text);

	text[--at] = '\n';
	do {
		text[--at] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	sys_write(1, text + at, sizeof(text) - (unsigned)at);
}

static unsigned long number(const char *text)
{
	unsigned long n = 0;

	while (*text >= '0' && *text <= '9')
		n = n * 10 + (unsigned long)(*text++ - '0');
	return n;
}

int main(int argc, char **argv)
{
	unsigned long n = argc > 2 ? number(argv[2]) : 0;
	char mode = argc > 1 ? argv[1][0] : 'n';
	unsigned long start = cycles();

	switch (mode) {
	case 'g':
		for (unsigned long i = 0; i < n; i++)
			sys_getpid();
		break;
	case 'y':
		for (unsigned long i = 0; i < n; i++)
			sys_sched_yield();
		break;
	case 't':
		if (n > TOUCH_PAGES)
			return 2;
		for (unsigned long i = 0; i < n; i++)
			*(volatile char *)pages[i] = 1;
		break;
	case 'f': {
		int status;
		long pid;

		if (n > TOUCH_PAGES)
			return 2;
		for (unsigned long i = 0; i < n; i++)
			*(volatile char *)pages[i] = 1;
		start = cycles();
		pid = sys_fork();
		if (pid == 0)
			sys_exit_group(0);
		if (pid < 0 || sys_wait4((int)pid, &status, 0, 0) != pid)
			return 3;
		break;
	}
	case 'c': {
		struct bramble_timespec nap = { 100, 0 };
		int status;
		long pid;

		if (n > TOUCH_PAGES)
			return 2;
		for (unsigned long i = 0; i < n; i++)
			*(volatile char *)pages[i] = 1;
		pid = sys_fork();
		if (pid == 0) {
			sys_nanosleep(&nap, 0); /* shares the pages until it is killed */
			sys_exit_group(0);
		}
		if (pid < 0)
			return 3;
		start = cycles();
		for (unsigned long i = 0; i < n; i++)
			*(volatile char *)pages[i] = 2;
		print_number(cycles() - start);
		sys_kill((int)pid, 9);
		sys_wait4((int)pid, &status, 0, 0);
		return 0;
	}
	case 'e': {
		static char since[12];
		char *args[] = { "bench", "since", since, 0 }, *env[] = { 0 };
		unsigned long t = cycles();
		int at = sizeof(since) - 1;

		do {
			since[--at] = (char)('0' + t % 10);
			t /= 10;
		} while (t);
		args[2] = since + at;
		sys_execve("/bin/bench", args, env);
		return 3;
	}
	case 'b':
		for (unsigned long i = 0; i < n; i++) {
			char *args[] = { "true", 0 }, *env[] = { 0 };
			int status = -1;
			long pid = sys_fork();

			if (pid == 0) {
				sys_execve("/bin/busybox", args, env);
				sys_exit_group(3);
			}
			if (pid < 0 || sys_wait4((int)pid, &status, 0, 0) != pid || status != 0)
				return 3;
		}
		break;
	case 's':
		print_number(start - number(argv[2]));
		return 0;
	case 'm':
		for (unsigned long i = 0; i < n; i++) {
			long r = sys_mmap2(0, MIB, PROT_READ | PROT_WRITE,
					   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

			if (MAP_FAILED_RAW(r))
				return 3;
			for (unsigned long at = 0; at < MIB; at += 4096)
				((volatile char *)r)[at] = 1;
			if (sys_munmap((void *)r, MIB))
				return 3;
		}
		break;
	default:
		break;
	}
	print_number(cycles() - start);
	return 0;
}
