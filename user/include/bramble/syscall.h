/*
 * user/include/bramble/syscall.h - system calls from user programs, the
 * way Linux's ARM EABI takes them: svc #0, the number in r7, arguments in
 * r0-r5, the result (or -errno) in r0. The numbers are Linux's; the two
 * bramble calls are numbered above anything Linux uses.
 */
#ifndef BRAMBLE_USER_SYSCALL_H
#define BRAMBLE_USER_SYSCALL_H

#include <stdint.h>

#define SYS_exit          1
#define SYS_fork          2
#define SYS_read          3
#define SYS_write         4
#define SYS_execve        11
#define SYS_getpid        20
#define SYS_kill          37
#define SYS_brk           45
#define SYS_getppid       64
#define SYS_munmap        91
#define SYS_wait4         114
#define SYS_mprotect      125
#define SYS_sched_yield   158
#define SYS_nanosleep     162
#define SYS_mmap2         192
#define SYS_exit_group    248
#define SYS_clock_gettime 263
#define SYS_bramble_spawn 0x00100000
#define SYS_bramble_wait  0x00100001

static inline long syscall6(long number, long a0, long a1, long a2, long a3, long a4, long a5)
{
	register long r0 __asm__("r0") = a0;
	register long r1 __asm__("r1") = a1;
	register long r2 __asm__("r2") = a2;
	register long r3 __asm__("r3") = a3;
	register long r4 __asm__("r4") = a4;
	register long r5 __asm__("r5") = a5;
	register long r7 __asm__("r7") = number;

	__asm__ volatile("svc #0"
			 : "+r"(r0)
			 : "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5), "r"(r7)
			 : "memory");
	return r0;
}

#define syscall0(n)          syscall6((n), 0, 0, 0, 0, 0, 0)
#define syscall1(n, a)       syscall6((n), (long)(a), 0, 0, 0, 0, 0)
#define syscall2(n, a, b)    syscall6((n), (long)(a), (long)(b), 0, 0, 0, 0)
#define syscall3(n, a, b, c) syscall6((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)

struct bramble_timespec {
	long tv_sec, tv_nsec;
};

#ifndef PROT_READ
#define PROT_READ     0x1
#define PROT_WRITE    0x2
#define PROT_EXEC     0x4
#define MAP_PRIVATE   0x02
#define MAP_FIXED     0x10
#define MAP_ANONYMOUS 0x20
#endif
#define MAP_FAILED_RAW(r) ((unsigned long)(r) >= (unsigned long)-4095)

/* The raw calls: each returns what the kernel put in r0 (-errno on failure). */
static inline long sys_write(int fd, const void *buffer, unsigned long length)
{
	return syscall3(SYS_write, fd, buffer, length);
}

static inline long sys_read(int fd, void *buffer, unsigned long length)
{
	return syscall3(SYS_read, fd, buffer, length);
}

static inline long sys_getpid(void)
{
	return syscall0(SYS_getpid);
}

static inline long sys_brk(void *address)
{
	return syscall1(SYS_brk, address);
}

static inline long sys_sched_yield(void)
{
	return syscall0(SYS_sched_yield);
}

static inline long sys_nanosleep(const struct bramble_timespec *request,
				 struct bramble_timespec *remain)
{
	return syscall2(SYS_nanosleep, request, remain);
}

static inline long sys_clock_gettime(int clock, struct bramble_timespec *t)
{
	return syscall2(SYS_clock_gettime, clock, t);
}

static inline long sys_mmap2(void *address, unsigned long length, int prot, int flags, int fd,
			     unsigned long page_offset)
{
	return syscall6(SYS_mmap2, (long)address, (long)length, prot, flags, fd, (long)page_offset);
}

static inline long sys_munmap(void *address, unsigned long length)
{
	return syscall2(SYS_munmap, address, length);
}

static inline long sys_mprotect(void *address, unsigned long length, int prot)
{
	return syscall3(SYS_mprotect, address, length, prot);
}

static inline long sys_kill(int pid, int signal)
{
	return syscall2(SYS_kill, pid, signal);
}

static inline long sys_fork(void)
{
	return syscall0(SYS_fork);
}

static inline long sys_execve(const char *path, char *const *argv, char *const *envp)
{
	return syscall3(SYS_execve, path, argv, envp);
}

static inline long sys_wait4(int pid, int *status, int options, void *usage)
{
	return syscall6(SYS_wait4, pid, (long)status, options, (long)usage, 0, 0);
}

/* bramble's own calls (docs/processes.md): start a program from the archive, wait for it. */
static inline long sys_bramble_spawn(const char *path, char *const argv[])
{
	return syscall6(SYS_bramble_spawn, (long)path, (long)argv, 0, 0, 0, 0);
}

static inline long sys_bramble_wait(long pid, int *status)
{
	return syscall6(SYS_bramble_wait, pid, (long)status, 0, 0, 0, 0);
}

static inline long sys_getppid(void)
{
	return syscall0(SYS_getppid);
}

#define WNOHANG_       1
#define EXITED(s)      (((s)&0x7F) == 0)
#define EXIT_STATUS(s) (((s) >> 8) & 0xFF)
#define TERM_SIGNAL(s) ((s)&0x7F)

static inline void sys_exit_group(int code)
{
	for (;;)
		syscall1(SYS_exit_group, code);
}

#endif /* BRAMBLE_USER_SYSCALL_H */
