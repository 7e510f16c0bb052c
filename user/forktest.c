/*
 * user/forktest.c - fork, copy-on-write, execve, wait4, mmap, munmap and
 * mprotect as a program sees them, in TAP.
 *
 * Every expectation is what Linux does (the same binary runs under
 * qemu-arm on the host: tests/qemu/user.t), except the points after
 * "forktest bramble" asks for bramble's own policy (W^X, the 2 GiB
 * process space). Exits with the number of failures.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int waitpid(int pid, int *status, int options);

#include "bramble/syscall.h"
#include "bramble/tap.h"

#define ENOENT_  2
#define E2BIG_   7
#define ENOEXEC_ 8
#define ECHILD_  10
#define ENOMEM_  12
#define EACCES_  13
#define EINVAL_  22
#define PAGES    8
#define PAGE     4096

static char shared[PAGES][PAGE] __attribute__((aligned(PAGE)));

/* Every byte of the pages is c. */
static int all(char (*pages)[PAGE], int count, char c)
{
	for (int p = 0; p < count; p++)
		for (int i = 0; i < PAGE; i += 64)
			if (pages[p][i] != c)
				return 0;
	return 1;
}

static void fill(char (*pages)[PAGE], int count, char c)
{
	for (int p = 0; p < count; p++)
		memset(pages[p], c, PAGE);
}

/* Wait for pid; its status, or -1. */
static int reap(long pid)
{
	int status = -1;

	return sys_wait4((int)pid, &status, 0, 0) == pid ? status : -1;
}

static void copy_on_write(void)
{
	long parent = sys_getpid(), pid;
	int status, own = 1;

	fill(shared, PAGES, 'P');
	pid = sys_fork();
	if (pid == 0) {
		/* The child: sees the parent's data, writes its own, and it sticks. */
		int ok = all(shared, PAGES, 'P') && sys_getppid() == parent;

		fill(shared, PAGES, 'C');
		sys_exit_group(ok && all(shared, PAGES, 'C') ? 0 : 1);
	}
	check(pid > 0, "fork returns the child's pid to the parent", pid);
	status = reap(pid);
	check(status == 0, "the child saw the parent's pages, its parent's pid, and its own writes",
	      status);
	check(all(shared, PAGES, 'P'), "the parent's pages are its own after the child wrote", 0);

	/* Both write the same addresses at once: each sees only its own. */
	pid = sys_fork();
	if (pid == 0) {
		for (int round = 0; round < 20; round++) {
			fill(shared, PAGES, (char)('a' + round));
			sys_sched_yield();
			if (!all(shared, PAGES, (char)('a' + round)))
				sys_exit_group(1);
		}
		sys_exit_group(0);
	}
	for (int round = 0; round < 20; round++) {
		fill(shared, PAGES, (char)('A' + round));
		sys_sched_yield();
		if (!all(shared, PAGES, (char)('A' + round)))
			own = 0;
	}
	status = reap(pid);
	check(status == 0 && own && all(shared, PAGES, 'A' + 19),
	      "parent and child writing the same pages each see their own", status);
}

static void statuses(void)
{
	long pid, other;
	int status = -1;

	pid = fork(); /* (the C library's fork, wait and waitpid: the wrappers in user/lib) */
	if (pid == 0)
		_exit(42);
	check(waitpid((int)pid, &status, 0) == pid && EXITED(status) && EXIT_STATUS(status) == 42,
	      "fork, waitpid: exit status 42", status);

	pid = sys_fork();
	if (pid == 0) {
		*(volatile int *)0 = 1;
		sys_exit_group(0);
	}
	status = reap(pid);
	check(TERM_SIGNAL(status) == 11, "wait4: a child killed by a fault shows SIGSEGV", status);

	pid = sys_fork();
	if (pid == 0) {
		struct bramble_timespec nap = { 100, 0 };

		sys_nanosleep(&nap, 0); /* until it is killed */
		sys_exit_group(7);
	}
	other = sys_wait4((int)pid, &status, WNOHANG_, 0);
	check(other == 0, "wait4 WNOHANG on a running child: 0", other);
	sys_kill((int)pid, 9);
	status = reap(pid);
	check(TERM_SIGNAL(status) == 9, "and then it waits for it, killed: SIGKILL", status);

	pid = sys_fork();
	if (pid == 0)
		sys_exit_group(1);
	other = sys_fork();
	if (other == 0)
		sys_exit_group(2);
	status = reap(other);
	check(EXIT_STATUS(status) == 2, "wait4 for one pid among two children", status);
	status = -1;
	check(sys_wait4(-1, &status, 0, 0) == pid && EXIT_STATUS(status) == 1,
	      "wait4(-1) takes the other", status);
	other = sys_wait4(-1, &status, 0, 0);
	check(other == -ECHILD_, "wait4 with no children: -ECHILD", other);
	other = sys_wait4(1, &status, 0, 0);
	check(other == -ECHILD_, "wait4 for a process that is not a child: -ECHILD", other);
	other = sys_wait4(-1, &status, 0x100, 0);
	check(other == -EINVAL_, "wait4 with unknown options: -EINVAL", other);
}

static void exec_errors(void)
{
	char *argv[] = { "no-such-program", 0 };
	char *envp[] = { 0 };
	long r;

	shared[0][0] = 'k';
	r = sys_execve("no-such-program", argv, envp);
	check(r == -ENOENT_, "execve of a missing file: -ENOENT", r);
	check(shared[0][0] == 'k', "and the caller goes on as it was", 0);
}

static void mappings(void)
{
	long r, s;
	char *m;

	r = sys_mmap2(0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check(r == -EINVAL_, "mmap2 of zero length: -EINVAL", r);
	r = sys_mmap2((void *)0x40000100, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
		      -1, 0);
	check(r == -EINVAL_, "mmap2 MAP_FIXED at an unaligned address: -EINVAL", r);
	r = sys_mmap2(0, 0xFFFFF000UL, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check(r == -ENOMEM_, "mmap2 of nearly 4 GiB: -ENOMEM", r);
	m = mmap(0, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check(m != MAP_FAILED, "mmap of three pages (the C library's mmap)", (long)m);
	memset(m, 'm', 3 * PAGE);
	r = sys_munmap(m + PAGE, PAGE);
	check(r == 0, "munmap of the middle page", r);
	check(m[0] == 'm' && m[3 * PAGE - 1] == 'm', "the pages either side keep their data", 0);
	r = sys_mprotect(m, 3 * PAGE, PROT_READ);
	check(r == -ENOMEM_, "mprotect across the hole: -ENOMEM", r);
	r = sys_mprotect(m + 2 * PAGE, PAGE, PROT_READ);
	check(r == 0 && m[2 * PAGE] == 'm', "mprotect of one page to read-only keeps its data", r);
	r = sys_mprotect(m + 1, PAGE, PROT_READ);
	check(r == -EINVAL_, "mprotect at an unaligned address: -EINVAL", r);
	r = sys_munmap(m + 1, PAGE);
	check(r == -EINVAL_, "munmap at an unaligned address: -EINVAL", r);
	r = sys_munmap(m, 0);
	check(r == -EINVAL_, "munmap of zero length: -EINVAL", r);
	r = sys_mmap2(m + PAGE, PAGE, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	check(r == (long)(m + PAGE) && m[PAGE] == 0, "MAP_FIXED fills the hole with zeroes", r);
	s = sys_mmap2(m, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1,
		      0);
	check(s == (long)m && m[0] == 0, "MAP_FIXED over a mapped page replaces it", s);
	r = sys_munmap(m, 3 * PAGE);
	check(r == 0, "munmap of the whole range", r);
	r = sys_munmap(m, 3 * PAGE);
	check(r == 0, "munmap of what is no longer mapped: 0", r);

	r = sys_munmap((void *)0xFFFFF000UL, 2 * PAGE);
	check(r == -EINVAL_, "munmap of a range that wraps: -EINVAL", r);
	r = sys_mprotect((void *)0xFFFFF000UL, 2 * PAGE, PROT_READ);
	check(r == -ENOMEM_, "mprotect of a range that wraps: -ENOMEM", r);
	r = sys_mmap2((void *)0x30000000, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		      -1, 0);
	check(r == 0x30000000, "mmap2 takes a free hint as it is", r);
	if (r == 0x30000000)
		sys_munmap((void *)r, PAGE);

	/* Code written into a page, then made executable (the I-cache made coherent), runs. */
	r = sys_mmap2(0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!MAP_FAILED_RAW(r)) {
		static const uint32_t code[] = { 0xE3A0002A, 0xE12FFF1E }; /* mov r0, #42; bx lr */
		int (*fn)(void) = (int (*)(void))r;

		memcpy((void *)r, code, sizeof(code));
		s = sys_mprotect((void *)r, PAGE, PROT_READ | PROT_EXEC);
		check(s == 0 && fn() == 42, "code written, mprotect to PROT_EXEC, and it runs", s);
		sys_munmap((void *)r, PAGE);
	} else {
		check(0, "code written, mprotect to PROT_EXEC, and it runs", r);
	}

	/* Copy-on-write of an mmap'd page, and of one made read-only and writable again. */
	r = sys_mmap2(0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	m = (char *)r;
	m[0] = 'x';
	s = sys_fork();
	if (s == 0) {
		int ok = sys_mprotect(m, PAGE, PROT_READ) == 0 &&
			 sys_mprotect(m, PAGE, PROT_READ | PROT_WRITE) == 0;

		m[0] = 'y';
		sys_exit_group(ok && m[0] == 'y' ? 0 : 1);
	}
	check(reap(s) == 0 && m[0] == 'x',
	      "a child's write after mprotect(RW) of a shared page is its own", m[0]);
	sys_munmap(m, PAGE);
}

static void bramble_policy(void)
{
	long r;

	r = sys_mmap2(0, PAGE, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1,
		      0);
	check(r == -EACCES_, "bramble: mmap2 writable and executable: -EACCES (W^X)", r);
	r = sys_mmap2((void *)0x7FFFF000, 2 * PAGE, PROT_READ,
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	check(r == -ENOMEM_, "bramble: MAP_FIXED past 2 GiB: -ENOMEM (Linux's past TASK_SIZE)", r);
	r = sys_mmap2((void *)(0x7F000000 - PAGE), PAGE, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	check(r == -ENOMEM_, "bramble: MAP_FIXED over the stack: -ENOMEM (and this runs on it)", r);

	shared[1][0] = 'z';
	{
		char *argv[] = { "not-a-program", 0 }, *envp[] = { 0 };
		char *many[41];

		r = sys_execve("etc/not-a-program", argv, envp);
		check(r == -ENOEXEC_ && shared[1][0] == 'z',
		      "bramble: execve of a file that is no ELF: -ENOEXEC, caller intact", r);
		for (int i = 0; i < 40; i++)
			many[i] = "arg";
		many[40] = 0;
		r = sys_execve("hello", many, envp);
		check(r == -E2BIG_ && shared[1][0] == 'z',
		      "bramble: execve with more arguments than it takes: -E2BIG, caller intact",
		      r);
	}
}

int main(int argc, char **argv)
{
	int bramble = argc > 1 && strcmp(argv[1], "bramble") == 0;

	printf("1..%d\n", bramble ? 40 : 35);
	fflush(stdout);
	copy_on_write();
	statuses();
	exec_errors();
	mappings();
	if (bramble)
		bramble_policy();
	return tap_failures;
}
