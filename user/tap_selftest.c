/*
 * user/tap_selftest.c - the system calls as a program sees them, in TAP.
 *
 * Every expectation is what Linux does (the same binary runs under
 * qemu-arm on the host: tests/qemu/user.t), so a difference is the
 * kernel's to fix. Exits with the number of failures.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bramble/syscall.h"
#include "bramble/tap.h"

#define EBADF_  9
#define EFAULT_ 14
#define EINVAL_ 22

static uint64_t now_ns(void)
{
	struct bramble_timespec t;

	sys_clock_gettime(1, &t);
	return (uint64_t)t.tv_sec * 1000000000ULL + (uint64_t)t.tv_nsec;
}

int main(void)
{
	static const char message[] = "# write to fd 1\n";
	struct bramble_timespec nap = { 0, 20000000 };
	unsigned char *base, *grown, *mapped, *big;
	uint64_t before, after;
	long r, zeros = 0;

	printf("1..18\n");
	fflush(stdout);
	r = sys_write(1, message, sizeof(message) - 1);
	check(r == (long)sizeof(message) - 1, "write returns its length", r);
	r = sys_getpid();
	check(r > 0, "getpid is positive", r);

	base = (unsigned char *)sys_brk(0);
	grown = (unsigned char *)sys_brk(base + 3 * 4096 + 100);
	check(grown == base + 3 * 4096 + 100, "brk grows to exactly what was asked", (long)grown);
	for (int i = 0; i < 3 * 4096 + 100; i++)
		zeros += base[i] == 0;
	check(zeros == 3 * 4096 + 100, "new brk memory reads zero", zeros);
	base[0] = 1;
	base[3 * 4096 + 99] = 2;
	check(base[0] == 1 && base[3 * 4096 + 99] == 2, "and is writable", 0);
	r = sys_brk((void *)0x1000);
	check(r == (long)grown, "brk below the heap answers the current break", r);
	r = sys_brk(base);
	check(r == (long)base, "brk shrinks back", r);

	r = sys_mmap2(0, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mapped = (unsigned char *)r;
	check(!MAP_FAILED_RAW(r) && (r & 4095) == 0, "mmap2 of 64 KiB anonymous memory", r);
	if (!MAP_FAILED_RAW(r)) {
		zeros = 0;
		for (int i = 0; i < 65536; i += 512)
			zeros += mapped[i] == 0;
		mapped[65535] = 7;
		check(zeros == 128 && mapped[65535] == 7, "it reads zero and is writable", zeros);
		r = sys_munmap(mapped, 65536);
		check(r == 0, "munmap returns 0", r);
	} else {
		check(0, "it reads zero and is writable", r);
		check(0, "munmap returns 0", r);
	}

	before = now_ns();
	r = sys_nanosleep(&nap, 0);
	after = now_ns();
	check(r == 0 && after - before >= 20000000ULL,
	      "nanosleep 20 ms: the monotonic clock moves 20 ms", (long)((after - before) / 1000));
	r = sys_sched_yield();
	check(r == 0, "sched_yield returns 0", r);

	big = malloc(1 << 20);
	if (big) {
		memset(big, 0x5A, 1 << 20);
		check(big[0] == 0x5A && big[(1 << 20) - 1] == 0x5A, "malloc of 1 MiB works", 0);
		free(big);
	} else {
		check(0, "malloc of 1 MiB works", 0);
	}

	r = sys_write(1, (void *)0x1000, 10);
	check(r == -EFAULT_, "write from an unmapped buffer: -EFAULT", r);
	r = sys_write(1, (void *)0x80000000, 10);
	check(r == -EFAULT_, "write from kernel memory: -EFAULT", r);
	r = sys_clock_gettime(1, (void *)0x80000000);
	check(r == -EFAULT_, "clock_gettime into kernel memory: -EFAULT", r);
	r = sys_nanosleep(0, 0);
	check(r == -EFAULT_, "nanosleep with a NULL request: -EFAULT", r);
	r = sys_write(99, message, 4);
	check(r == -EBADF_, "write to a bad fd: -EBADF", r);
	fflush(stdout);
	return tap_failures;
}
