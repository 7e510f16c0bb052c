/*
 * kernel/syscall.h - the system calls: Linux's ARM EABI convention.
 *
 * `svc #0` from user mode, the number in r7, arguments in r0-r5, the
 * result in r0, an error as a negative errno. The numbers are Linux's for
 * every call Linux has, so that static Linux programs run unchanged; the
 * kernel's own calls are numbered from BRAMBLE_SYSCALL_BASE, above
 * anything Linux uses (its ARM-private calls end at 0x0F07FF). The table
 * is kernel/syscall.c; docs/processes.md lists what each call does here.
 */
#ifndef BRAMBLE_KERNEL_SYSCALL_H
#define BRAMBLE_KERNEL_SYSCALL_H

#include <stdint.h>

#include "kernel/errno.h"
#include "kernel/exception.h"

#define SYS_EXIT          1
#define SYS_FORK          2
#define SYS_READ          3
#define SYS_WRITE         4
#define SYS_EXECVE        11
#define SYS_GETPID        20
#define SYS_GETUID        24
#define SYS_KILL          37
#define SYS_BRK           45
#define SYS_GETGID        47
#define SYS_GETEUID       49
#define SYS_GETEGID       50
#define SYS_IOCTL         54
#define SYS_GETPPID       64
#define SYS_MUNMAP        91
#define SYS_WAIT4         114
#define SYS_CLONE         120
#define SYS_MPROTECT      125
#define SYS_SCHED_YIELD   158
#define SYS_NANOSLEEP     162
#define SYS_VFORK         190
#define SYS_MMAP2         192
#define SYS_EXIT_GROUP    248
#define SYS_CLOCK_GETTIME 263

#define BRAMBLE_SYSCALL_BASE 0x00100000
#define SYS_BRAMBLE_SPAWN    (BRAMBLE_SYSCALL_BASE + 0) /* (path, argv) -> pid */
#define SYS_BRAMBLE_WAIT     (BRAMBLE_SYSCALL_BASE + 1) /* (pid, &status) -> pid */

/*
 * A system call from a process (boot/vectors.S's entry_svc): run the call
 * frame asks for, then what every return to user mode checks (a kill, the
 * end of a turn).
 */
void syscall_from_user(struct exception_frame *frame);

/* Calls made, for ps and the benchmarks. */
unsigned long syscall_count(void);

/* A call asked for that is not here (it answered -ENOSYS): its number, and how often. */
struct syscall_missing {
	uint32_t number;
	uint32_t calls;
};

/* Those calls, in the order first asked for; returns how many. */
unsigned syscall_missing(const struct syscall_missing **out);

#endif /* BRAMBLE_KERNEL_SYSCALL_H */
