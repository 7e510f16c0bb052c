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
 */
#include "bramble/syscall.h"

#define TOUCH_PAGES 256

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
	default:
		break;
	}
	print_number(cycles() - start);
	return 0;
}
