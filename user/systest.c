/*
 * user/systest.c - TAP for what a Linux program asks of the kernel beyond
 * memory and processes: descriptors, pipes, signals, the FPU and the TLS
 * register. Every call is the raw system call (bramble/syscall.h), so
 * that what is checked is the kernel's answer, not a C library's; the same
 * binary runs under qemu-arm on the host (tests/qemu/user.t), whose
 * answers are Linux's. Only paths both have are used: /dev/null,
 * /dev/zero, the program's own file through /proc/self/exe.
 *
 * systest bramble adds the points only bramble can check (see bramble_only).
 * systest cloexec FD is the program execed by the close-on-exec point.
 */
#include <stdint.h>
#include <string.h>

#include "bramble/syscall.h"
#include "bramble/tap.h"

#define NR_close          6
#define NR_lseek          19
#define NR_dup            41
#define NR_pipe           42
#define NR_setpgid        57
#define NR_dup2           63
#define NR_readlink       85
#define NR_uname          122
#define NR_poll           168
#define NR_rt_sigreturn   173
#define NR_rt_sigaction   174
#define NR_rt_sigprocmask 175
#define NR_rt_sigpending  176
#define NR_pread64        180
#define NR_fstat64        197
#define NR_getdents64     217
#define NR_fcntl64        221
#define NR_openat         322
#define NR_fstatat64      327
#define NR_pipe2          359
#define NR_set_tls        0x0F0005

#define AT_FDCWD   (-100)
#define O_RDONLY   0
#define O_WRONLY   1
#define O_NONBLOCK 04000
#define O_CLOEXEC  02000000
#define F_DUPFD    0
#define F_GETFD    1
#define F_SETFD    2
#define F_GETFL    3
#define F_SETFL    4
#define FD_CLOEXEC 1
#define SEEK_SET   0
#define SEEK_END   2
#define POLLIN     1

#define SIGUSR1 10
#define SIGUSR2 12
#define SIGSEGV 11
#define SIGPIPE 13
#define SIGTERM 15
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGKILL 9

#define SA_SIGINFO  0x00000004
#define SA_RESTORER 0x04000000
#define SA_RESTART  0x10000000
#define SIG_BLOCK   0
#define SIG_UNBLOCK 1
#define SIG_IGN     1

#define WUNTRACED  2
#define WCONTINUED 8

#define EFAULT 14
#define EBADF  9
#define EINTR  4
#define EAGAIN 11
#define ENOENT 2
#define EPIPE  32
#define EROFS  30
#define ECHILD 10

struct kernel_sigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	uint64_t mask;
};

static char self_path[256];
static volatile int caught[65];
static volatile int last_signal;

static void on_signal(int sig)
{
	caught[sig]++;
	last_signal = sig;
}

/*
 * read(fd, buffer, 1) from Thumb code, with an instruction before the svc
 * that must not run twice: a restarted call goes back over the svc alone
 * (2 bytes in Thumb, 4 in ARM), so a restart that backs up 4 here would
 * run the adds again and read from the next descriptor.
 */
__attribute__((target("thumb"), noinline)) static long thumb_read_one(int fd, void *buffer)
{
	register long r0 __asm__("r0") = fd - 1;
	register long r1 __asm__("r1") = (long)buffer;
	register long r2 __asm__("r2") = 1;
	register long r7 __asm__("r7") = SYS_read;

	__asm__ volatile("adds r0, r0, #1\n\tsvc #0"
			 : "+r"(r0)
			 : "r"(r1), "r"(r2), "r"(r7)
			 : "memory", "cc");
	return r0;
}

static void rt_restorer(void);
static volatile int info_code, info_status, info_child;

/* siginfo as Linux's ARM kernel lays it out: signo, errno, code, then the signal's own fields. */
static void on_child_info(int sig, int *info, void *uc)
{
	(void)sig, (void)uc;
	info_code = info[2];
	info_child = info[3];
	info_status = info[5];
}

static void on_segv_info(int sig, int *info, void *uc)
{
	(void)sig, (void)uc;
	sys_exit_group(info[2] == 1 /* SEGV_MAPERR */ && (unsigned long)info[3] == 0x1234 ? 43
											  : 44);
}

static void set_info_handler(int sig, void (*handler)(int, int *, void *))
{
	struct kernel_sigaction action = { 0, SA_SIGINFO | SA_RESTORER, rt_restorer, 0 };

	action.handler = (void (*)(int))(void (*)(void))handler;
	syscall6(NR_rt_sigaction, sig, (long)&action, 0, 8, 0, 0);
}

static void on_segv(int sig)
{
	(void)sig;
	sys_exit_group(42); /* the fault was taken by the handler: leave */
}

/*
 * What glibc's SA_RESTORER points at: sigreturn for a plain handler,
 * rt_sigreturn for an SA_SIGINFO one (Linux's ARM kernel pushes a
 * different frame for each).
 */
__attribute__((naked)) static void restorer(void)
{
	__asm__ volatile("mov r7, #119\n\tsvc #0");
}

__attribute__((naked)) static void rt_restorer(void)
{
	__asm__ volatile("mov r7, #173\n\tsvc #0");
}

static long set_handler(int sig, void (*handler)(int), unsigned long flags)
{
	struct kernel_sigaction action = { handler, flags | SA_RESTORER,
					   flags & SA_SIGINFO ? rt_restorer : restorer, 0 };

	return syscall6(NR_rt_sigaction, sig, (long)&action, 0, 8, 0, 0);
}

static volatile int info_signo, info_pid;

static void on_info(int sig, int *info, void *uc)
{
	(void)uc;
	caught[sig]++;
	info_signo = info[0];
	info_pid = info[3];
}

static long mask(int how, int sig)
{
	uint64_t set = 1ULL << (sig - 1);

	return syscall6(NR_rt_sigprocmask, how, (long)&set, 0, 8, 0, 0);
}

static long open_path(const char *path, long flags)
{
	return syscall6(NR_openat, AT_FDCWD, (long)path, flags, 0, 0, 0);
}

static long wait_for(long pid, int *status, long options)
{
	return syscall6(SYS_wait4, pid, (long)status, options, 0, 0, 0);
}

static void pause_a_little(void)
{
	struct bramble_timespec t = { 0, 20 * 1000 * 1000 };

	syscall2(SYS_nanosleep, &t, 0);
}

static void descriptors(void)
{
	char buffer[64], at8[8];
	uint8_t st[104];
	long fd, r, size;

	r = syscall3(NR_readlink, "/proc/self/exe", self_path, sizeof(self_path) - 1);
	check(r > 0 && self_path[0] == '/', "readlink /proc/self/exe: an absolute path", r);
	self_path[r > 0 ? r : 0] = 0;
	fd = open_path(self_path, O_RDONLY);
	r = fd >= 0 ? sys_read((int)fd, buffer, 4) : fd;
	check(r == 4 && memcmp(buffer, "\177ELF", 4) == 0, "open and read the program's own file",
	      r);
	r = fd >= 0 ? sys_read((int)fd, (void *)0x80000000, 16) : fd;
	check(r == -EFAULT, "read into a kernel address: -EFAULT", r);
	r = fd >= 0 ? sys_read((int)fd, (void *)0x1000, 16) : fd;
	check(r == -EFAULT, "read into an unmapped page: -EFAULT", r);
	size = syscall3(NR_lseek, fd, 0, SEEK_END);
	r = syscall2(NR_fstat64, fd, st);
	check(r == 0 && size > 0 && *(int64_t *)(st + 48) == size &&
		      (*(uint32_t *)(st + 16) & 0170000) == 0100000,
	      "lseek SEEK_END and fstat64 agree on the size of a regular file", size);
	r = syscall6(NR_pread64, fd, (long)at8, 4, 0, 1, 0);
	check(r == 4 && memcmp(at8, "ELF", 3) == 0 && syscall3(NR_lseek, fd, 0, 1) == size,
	      "pread64 at 1 reads there and leaves the offset alone", r);
	r = syscall2(NR_dup2, fd, 20);
	check(r == 20 && syscall3(NR_lseek, 20, 0, SEEK_SET) == 0 &&
		      syscall3(NR_lseek, fd, 0, 1) == 0,
	      "dup2: the same open file, one offset between them", r);
	r = syscall3(NR_fcntl64, fd, F_DUPFD, 25);
	check(r == 25, "fcntl F_DUPFD: the lowest free at or above 25", r);
	syscall1(NR_close, 25);
	syscall1(NR_close, 20);
	r = sys_read(20, buffer, 1);
	check(r == -EBADF, "read of a closed descriptor: -EBADF", r);
	r = syscall3(NR_fcntl64, fd, F_GETFD, 0);
	check(r == 0 && syscall3(NR_fcntl64, fd, F_SETFD, FD_CLOEXEC) == 0 &&
		      syscall3(NR_fcntl64, fd, F_GETFD, 0) == FD_CLOEXEC,
	      "fcntl F_SETFD sets close-on-exec", r);
	syscall1(NR_close, fd);
	fd = open_path("/dev/zero", O_RDONLY);
	memset(buffer, 1, sizeof(buffer));
	r = sys_read((int)fd, buffer, sizeof(buffer));
	check(r == sizeof(buffer) && buffer[0] == 0 && buffer[63] == 0, "/dev/zero reads zeros", r);
	syscall1(NR_close, fd);
	fd = open_path("/dev/null", 2);
	r = sys_write((int)fd, "gone", 4);
	check(r == 4 && sys_read((int)fd, buffer, 8) == 0, "/dev/null takes writes, reads EOF", r);
	syscall1(NR_close, fd);
	r = open_path("/no/such/file", O_RDONLY);
	check(r == -ENOENT, "open of a missing path: -ENOENT", r);
	/* The program's directory lists the program. */
	{
		char dir[256], listing[1024];
		char *slash = strrchr(self_path, '/');
		long n, at = 0;
		int found = 0, dots = 0;

		memcpy(dir, self_path, (size_t)(slash - self_path));
		dir[slash == self_path ? 1 : slash - self_path] = 0;
		fd = open_path(dir, O_RDONLY | 040000);
		while ((n = syscall3(NR_getdents64, fd, listing, sizeof(listing))) > 0) {
			for (at = 0; at < n;) {
				const char *name = listing + at + 19;

				found |= strcmp(name, slash + 1) == 0;
				dots += strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
				at += *(uint16_t *)(listing + at + 16);
			}
		}
		check(fd >= 0 && found && dots == 2, "getdents64: . and .. and the program's name",
		      fd);
		syscall1(NR_close, fd);
	}
}

static void pipes(void)
{
	int fds[2] = { -1, -1 }, status = -1;
	char buffer[16];
	long r, pid;
	struct {
		int fd;
		short events, revents;
	} poll_fd;

	r = syscall2(NR_pipe2, fds, 0);
	check(r == 0 && fds[0] >= 0 && fds[1] > fds[0], "pipe2: two descriptors", r);
	poll_fd.fd = fds[0];
	poll_fd.events = POLLIN;
	r = syscall3(NR_poll, &poll_fd, 1, 0);
	check(r == 0, "poll of an empty pipe with no timeout: 0", r);
	sys_write(fds[1], "abc", 3);
	r = syscall3(NR_poll, &poll_fd, 1, 1000);
	check(r == 1 && (poll_fd.revents & POLLIN), "poll after a write: POLLIN", r);
	r = sys_read(fds[0], buffer, sizeof(buffer));
	check(r == 3 && memcmp(buffer, "abc", 3) == 0, "read what was written", r);
	r = syscall3(NR_fcntl64, fds[0], F_SETFL, O_NONBLOCK);
	r = r ? r : sys_read(fds[0], buffer, 1);
	check(r == -EAGAIN, "O_NONBLOCK read of an empty pipe: -EAGAIN", r);
	syscall3(NR_fcntl64, fds[0], F_SETFL, 0);
	pid = sys_fork();
	if (pid == 0) {
		pause_a_little();
		sys_write(fds[1], "late", 4);
		sys_exit_group(0);
	}
	r = sys_read(fds[0], buffer, sizeof(buffer));
	check(r == 4 && memcmp(buffer, "late", 4) == 0, "a read waits for a writer's bytes", r);
	wait_for(pid, &status, 0);
	syscall1(NR_close, fds[1]);
	r = sys_read(fds[0], buffer, sizeof(buffer));
	check(r == 0, "every write end closed: end of file", r);
	syscall1(NR_close, fds[0]);

	syscall1(NR_pipe, fds);
	syscall1(NR_close, fds[0]);
	set_handler(SIGPIPE, on_signal, 0);
	caught[SIGPIPE] = 0;
	r = sys_write(fds[1], "x", 1);
	check(r == -EPIPE && caught[SIGPIPE] == 1, "a write with no reader: -EPIPE and SIGPIPE", r);
	syscall1(NR_close, fds[1]);
}

static void signals(void)
{
	int fds[2], status = -1;
	uint64_t pending = 0;
	char buffer[8];
	long r, pid;

	set_handler(SIGUSR1, on_signal, 0);
	caught[SIGUSR1] = 0;
	syscall2(SYS_kill, sys_getpid(), SIGUSR1);
	check(caught[SIGUSR1] == 1 && last_signal == SIGUSR1, "kill self: the handler runs once",
	      caught[SIGUSR1]);
	mask(SIG_BLOCK, SIGUSR1);
	syscall2(SYS_kill, sys_getpid(), SIGUSR1);
	syscall2(NR_rt_sigpending, &pending, 8);
	check(caught[SIGUSR1] == 1 && (pending & (1ULL << (SIGUSR1 - 1))),
	      "blocked: pending, not delivered", caught[SIGUSR1]);
	mask(SIG_UNBLOCK, SIGUSR1);
	check(caught[SIGUSR1] == 2, "unblocked: delivered", caught[SIGUSR1]);
	{
		/* One buffer for the new set and the old: the new one is read first. */
		uint64_t set = 1ULL << (SIGUSR2 - 1), now = 0;

		syscall6(NR_rt_sigprocmask, SIG_BLOCK, (long)&set, (long)&set, 8, 0, 0);
		syscall6(NR_rt_sigprocmask, SIG_BLOCK, 0, (long)&now, 8, 0, 0);
		check((now & (1ULL << (SIGUSR2 - 1))) && !(set & (1ULL << (SIGUSR2 - 1))),
		      "rt_sigprocmask with one buffer for both sets: blocks, and gives the old mask",
		      (long)now);
		mask(SIG_UNBLOCK, SIGUSR2);
	}
	{
		struct kernel_sigaction action = { 0, SA_SIGINFO | SA_RESTORER, rt_restorer, 0 };

		action.handler = (void (*)(int))(void (*)(void))on_info;
		syscall6(NR_rt_sigaction, SIGUSR1, (long)&action, 0, 8, 0, 0);
	}
	syscall2(SYS_kill, sys_getpid(), SIGUSR1);
	check(caught[SIGUSR1] == 3 && info_signo == SIGUSR1 && info_pid == sys_getpid(),
	      "SA_SIGINFO: the handler gets the siginfo: the signal and the sender's pid",
	      info_pid);
	{
		/* No SA_RESTORER: the handler returns through the kernel's own code. */
		struct kernel_sigaction bare = { on_signal, 0, 0, 0 };

		syscall6(NR_rt_sigaction, SIGUSR1, (long)&bare, 0, 8, 0, 0);
		syscall2(SYS_kill, sys_getpid(), SIGUSR1);
		check(caught[SIGUSR1] == 4, "without SA_RESTORER the handler returns all the same",
		      caught[SIGUSR1]);
	}

	/* A read cut short by a handler: -EINTR without SA_RESTART, the data with it. */
	for (int restart = 0; restart < 2; restart++) {
		syscall1(NR_pipe, fds);
		pid = sys_fork();
		if (pid == 0) {
			set_handler(SIGUSR1, on_signal, restart ? SA_RESTART : 0);
			r = sys_read(fds[0], buffer, 1);
			sys_exit_group(r == -EINTR ? 1 : r == 1 && buffer[0] == 'd' ? 2 : 3);
		}
		pause_a_little();
		syscall2(SYS_kill, pid, SIGUSR1);
		pause_a_little();
		sys_write(fds[1], "d", 1);
		wait_for(pid, &status, 0);
		check(((status >> 8) & 0xFF) == (restart ? 2 : 1),
		      restart ? "SA_RESTART: the read runs again and gets the data"
			      : "no SA_RESTART: the read returns -EINTR",
		      status);
		syscall1(NR_close, fds[0]);
		syscall1(NR_close, fds[1]);
	}

	{
		struct bramble_timespec long_nap = { 100, 0 }, before, after;

		pid = sys_fork();
		if (pid == 0) {
			syscall2(SYS_nanosleep, &long_nap, 0);
			sys_exit_group(1);
		}
		pause_a_little(); /* (it is asleep by now) */
		syscall2(SYS_clock_gettime, 1, &before);
		syscall2(SYS_kill, pid, SIGTERM);
		wait_for(pid, &status, 0);
		syscall2(SYS_clock_gettime, 1, &after);
		check((status & 0x7F) == SIGTERM && after.tv_sec - before.tv_sec < 10,
		      "SIGTERM's default ends a process asleep for 100 s, at once", status);
	}

	pid = sys_fork();
	if (pid == 0) {
		set_handler(SIGTERM, (void (*)(int))SIG_IGN, 0);
		syscall2(SYS_kill, sys_getpid(), SIGTERM);
		sys_exit_group(7);
	}
	wait_for(pid, &status, 0);
	check(status == (7 << 8), "an ignored SIGTERM: nothing happens", status);

	set_handler(SIGCHLD, on_signal, 0);
	caught[SIGCHLD] = 0;
	pid = sys_fork();
	if (pid == 0)
		sys_exit_group(0);
	wait_for(pid, &status, 0);
	check(caught[SIGCHLD] == 1, "a child's end: SIGCHLD to its parent", caught[SIGCHLD]);
	set_info_handler(SIGCHLD, on_child_info);
	pid = sys_fork();
	if (pid == 0)
		sys_exit_group(9);
	wait_for(pid, &status, 0);
	check(info_code == 1 /* CLD_EXITED */ && info_status == 9 && info_child == pid,
	      "SIGCHLD's siginfo: CLD_EXITED, the child's pid and its exit status", info_code);
	set_handler(SIGCHLD, 0, 0);

	/* The same restart from Thumb code. */
	syscall1(NR_pipe, fds);
	pid = sys_fork();
	if (pid == 0) {
		set_handler(SIGUSR1, on_signal, SA_RESTART);
		r = thumb_read_one(fds[0], buffer);
		sys_exit_group(r == 1 && buffer[0] == 't' ? 2 : 3);
	}
	pause_a_little();
	syscall2(SYS_kill, pid, SIGUSR1);
	pause_a_little();
	sys_write(fds[1], "t", 1);
	wait_for(pid, &status, 0);
	check(((status >> 8) & 0xFF) == 2, "SA_RESTART from Thumb code: the svc alone runs again",
	      status);
	syscall1(NR_close, fds[0]);
	syscall1(NR_close, fds[1]);

	pid = sys_fork();
	if (pid == 0) {
		for (;;)
			pause_a_little();
	}
	syscall2(SYS_kill, pid, SIGSTOP);
	r = wait_for(pid, &status, WUNTRACED);
	check(r == pid && (status & 0xFF) == 0x7F && ((status >> 8) & 0xFF) == SIGSTOP,
	      "SIGSTOP: wait4 WUNTRACED sees it stopped", status);
	syscall2(SYS_kill, pid, SIGCONT);
	r = wait_for(pid, &status, WCONTINUED);
	check(r == pid && status == 0xFFFF, "SIGCONT: wait4 WCONTINUED sees it go on", status);
	syscall2(SYS_kill, pid, SIGKILL);
	wait_for(pid, &status, 0);

	pid = sys_fork();
	if (pid == 0) {
		set_handler(SIGSEGV, on_segv, 0);
		*(volatile int *)0 = 1;
		sys_exit_group(1);
	}
	wait_for(pid, &status, 0);
	check(status == (42 << 8), "a fault with a SIGSEGV handler: the handler runs", status);
	pid = sys_fork();
	if (pid == 0) {
		set_info_handler(SIGSEGV, on_segv_info);
		*(volatile int *)0x1234 = 1;
		sys_exit_group(1);
	}
	wait_for(pid, &status, 0);
	check(status == (43 << 8), "SIGSEGV's siginfo: SEGV_MAPERR and the faulting address",
	      status);

	pid = sys_fork();
	if (pid == 0) {
		syscall2(NR_setpgid, 0, 0);
		for (;;)
			pause_a_little();
	}
	syscall2(NR_setpgid, pid, pid); /* (as a shell does: whichever runs first) */
	r = syscall2(SYS_kill, -pid, SIGTERM);
	wait_for(pid, &status, 0);
	check(r == 0 && (status & 0x7F) == SIGTERM, "kill of a process group", status);
	r = wait_for(-1, &status, 0);
	check(r == -ECHILD, "and no child is left", r);
}

/* d8 and d16 (callee-saved and not): set, read back. */
static void set_fpu(uint32_t value)
{
	__asm__ volatile(".fpu neon-vfpv4\n\t"
			 "vmov d8, %0, %0\n\t"
			 "vmov d16, %0, %0" ::"r"(value)
			 : "memory");
}

static uint32_t get_fpu(int which)
{
	uint32_t low, high;

	if (which == 8)
		__asm__ volatile(".fpu neon-vfpv4\n\tvmov %0, %1, d8" : "=r"(low), "=r"(high));
	else
		__asm__ volatile(".fpu neon-vfpv4\n\tvmov %0, %1, d16" : "=r"(low), "=r"(high));
	return low == high ? low : 0;
}

static void on_signal_clobber_fpu(int sig)
{
	caught[sig]++;
	set_fpu(0xBAD0BAD0);
}

static uint32_t read_tls(void)
{
	uint32_t value;

	__asm__ volatile("mrc p15, 0, %0, c13, c0, 3" : "=r"(value));
	return value;
}

static void fpu_and_tls(void)
{
	int status = -1, ok = 1;
	long pid, r;

	set_fpu(0x11111111);
	pid = sys_fork();
	if (pid == 0) {
		int same = get_fpu(8) == 0x11111111;

		set_fpu(0x22222222);
		for (int i = 0; i < 20; i++) {
			syscall0(SYS_sched_yield);
			same &= get_fpu(8) == 0x22222222 && get_fpu(16) == 0x22222222;
		}
		sys_exit_group(same ? 0 : 1);
	}
	for (int i = 0; i < 20; i++) {
		syscall0(SYS_sched_yield);
		ok &= get_fpu(8) == 0x11111111 && get_fpu(16) == 0x11111111;
	}
	wait_for(pid, &status, 0);
	check(ok && status == 0, "FPU registers: the child's copy, each kept across switches",
	      status);
	set_handler(SIGUSR1, on_signal_clobber_fpu, 0);
	set_fpu(0x33333333);
	syscall2(SYS_kill, sys_getpid(), SIGUSR1);
	check(get_fpu(8) == 0x33333333 && get_fpu(16) == 0x33333333,
	      "FPU registers come back from a handler that changed them", (long)get_fpu(16));

	r = syscall1(NR_set_tls, 0x12345678);
	check(r == 0 && read_tls() == 0x12345678, "set_tls: TPIDRURO reads the value", r);
	pid = sys_fork();
	if (pid == 0) {
		int inherited = read_tls() == 0x12345678;

		syscall1(NR_set_tls, 0x0BADCAFE);
		syscall0(SYS_sched_yield);
		sys_exit_group(inherited && read_tls() == 0x0BADCAFE ? 0 : 1);
	}
	syscall0(SYS_sched_yield);
	wait_for(pid, &status, 0);
	check(status == 0 && read_tls() == 0x12345678, "TLS: inherited by fork, each its own",
	      status);
	{
		char uts[6][65];

		r = syscall1(NR_uname, uts);
		check(r == 0 && strncmp(uts[4], "arm", 3) == 0, "uname: the machine is arm", r);
	}
}

/*
 * Bad pointers that a call reaches only in its later steps (a bad request
 * is tap_selftest's): the time left that an interrupted sleep writes back, the status that wait4 writes once
 * it has reaped the child (Linux reaps it all the same), and the argument
 * vector that execve reads before it replaces anything.
 */
static void late_bad_pointers(void)
{
	struct bramble_timespec nap = { 5, 0 };
	char *bad_argv[] = { "systest", (char *)0x80000000, 0 }, *envp[] = { 0 };
	long r, pid, parent = sys_getpid();
	int status = -1;

	/* The child signals until it is killed: one of them cuts the 5 s sleep short. */
	set_handler(SIGUSR1, on_signal, 0);
	pid = sys_fork();
	if (pid == 0) {
		for (;;) {
			syscall2(SYS_kill, parent, SIGUSR1);
			pause_a_little();
		}
	}
	r = syscall2(SYS_nanosleep, &nap, (void *)0x80000000);
	mask(SIG_BLOCK, SIGUSR1); /* (so that the wait is not cut short too) */
	syscall2(SYS_kill, pid, SIGKILL);
	wait_for(pid, &status, 0);
	mask(SIG_UNBLOCK, SIGUSR1);
	check(r == -EFAULT, "nanosleep cut short by a handler, a kernel address for rem: -EFAULT",
	      r);

	pid = sys_fork();
	if (pid == 0)
		sys_exit_group(5);
	r = wait_for(pid, (int *)0x80000000, 0);
	check(r == -EFAULT && wait_for(pid, &status, 0) == -ECHILD,
	      "wait4 with a kernel address for the status: -EFAULT, the child reaped", r);

	r = syscall3(SYS_execve, self_path, (void *)0x80000000, envp);
	check(r == -EFAULT, "execve with a kernel address for argv: -EFAULT, and it returns", r);
	r = syscall3(SYS_execve, self_path, bad_argv, envp);
	check(r == -EFAULT, "execve with a kernel address in argv[1]: -EFAULT, and it returns", r);
}

/*
 * What the reference cannot check: qemu-arm's execve hands the program to
 * the host's kernel, which does not run ARM code; and bramble's own policy.
 */
static void bramble_only(void)
{
	long fd = open_path(self_path, O_RDONLY | O_CLOEXEC), r;

	check(fd >= 0 && syscall3(NR_fcntl64, fd, F_GETFD, 0) == FD_CLOEXEC,
	      "bramble: O_CLOEXEC sets close-on-exec", fd);
	{
		char number[4] = { (char)('0' + fd / 10), (char)('0' + fd % 10), 0 };
		char *argv[] = { "systest", "cloexec", number, 0 }, *envp[] = { 0 };
		int status = -1;
		long pid = sys_fork();

		if (pid == 0) {
			sys_execve(self_path, argv, envp);
			sys_exit_group(99);
		}
		wait_for(pid, &status, 0);
		check(status == 0, "execve closes a close-on-exec descriptor", status);
	}
	syscall1(NR_close, fd);
	r = open_path(self_path, O_WRONLY);
	check(r == -EROFS, "bramble: the initramfs is read-only: open for writing is -EROFS", r);
	{
		/*
		 * A buffer whose second page is gone: -EFAULT and nothing written
		 * in its first page (Linux returns the bytes it could copy).
		 */
		unsigned char *two = (unsigned char *)sys_mmap2(0, 8192, PROT_READ | PROT_WRITE,
								MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		int untouched = 1;

		for (int i = 0; i < 4096; i++)
			two[i] = 0x5A;
		sys_munmap(two + 4096, 4096);
		fd = open_path(self_path, O_RDONLY);
		r = sys_read((int)fd, two + 4096 - 64, 128);
		for (int i = 0; i < 4096; i++)
			untouched &= two[i] == 0x5A;
		check(r == -EFAULT && untouched,
		      "bramble: a read into a half-unmapped buffer: -EFAULT, nothing written", r);
		syscall1(NR_close, fd);
		sys_munmap(two, 4096);
	}
	{
		/* bramble's spawn and wait calls, and what they refuse. */
		char *argv[] = { "hello", "from", "spawn", 0 };
		int status = -1;
		long pid = sys_bramble_spawn("bin/hello", argv);

		r = pid > 0 ? sys_bramble_wait(pid, &status) : pid;
		check(pid > 0 && r == pid && status == 0,
		      "bramble: spawn starts bin/hello, wait gives its pid and status 0", r);
		r = sys_bramble_spawn("bin/no-such-program", argv);
		check(r == -ENOENT, "bramble: spawn of a program not there: -ENOENT", r);
		r = sys_bramble_spawn((const char *)0x80000000, argv);
		check(r == -EFAULT, "bramble: spawn with a kernel address for the path: -EFAULT",
		      r);
		pid = sys_bramble_spawn("bin/hello", argv);
		r = sys_bramble_wait(pid, (int *)0x80000000);
		check(r == -EFAULT && sys_bramble_wait(pid, 0) == pid &&
			      sys_bramble_wait(pid, &status) == -ECHILD,
		      "bramble: wait with a kernel address: -EFAULT; then it waits; then -ECHILD",
		      r);
	}
}

int main(int argc, char **argv)
{
	int bramble = argc > 1 && strcmp(argv[1], "bramble") == 0;

	if (argc > 2 && strcmp(argv[1], "cloexec") == 0) {
		long fd = (argv[2][0] - '0') * 10 + (argv[2][1] - '0');

		return syscall3(NR_fcntl64, fd, F_GETFD, 0) == -EBADF ? 0 : 1;
	}
	printf("1..%d\n", bramble ? 58 : 50);
	fflush(stdout);
	descriptors();
	pipes();
	signals();
	late_bad_pointers();
	fpu_and_tls();
	if (bramble)
		bramble_only();
	return tap_failures;
}
