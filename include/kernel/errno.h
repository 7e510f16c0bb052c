/*
 * kernel/errno.h - Linux's errno values (asm-generic/errno-base.h and
 * errno.h), which system calls return negated.
 */
#ifndef BRAMBLE_KERNEL_ERRNO_H
#define BRAMBLE_KERNEL_ERRNO_H

#define EPERM        1
#define ENOENT       2
#define ESRCH        3
#define EINTR        4
#define EIO          5
#define ENXIO        6
#define E2BIG        7
#define ENOEXEC      8
#define EBADF        9
#define ECHILD       10
#define EAGAIN       11
#define ENOMEM       12
#define EACCES       13
#define EFAULT       14
#define EBUSY        16
#define EEXIST       17
#define ENODEV       19
#define ENOTDIR      20
#define EISDIR       21
#define EINVAL       22
#define EMFILE       24
#define ENOTTY       25
#define ESPIPE       29
#define EROFS        30
#define EPIPE        32
#define ERANGE       34
#define ENAMETOOLONG 36
#define ENOSYS       38
#define ELOOP        40
#define EOVERFLOW    75

/*
 * Never seen by a process: a call cut short by a signal returns it, and
 * the return to user mode makes it -EINTR when a handler without
 * SA_RESTART runs, or runs the call again otherwise (kernel/signal.c).
 */
#define ERESTARTSYS    512
#define ERESTARTNOHAND 514 /* the same, but -EINTR after any handler (sigsuspend, poll) */

#endif /* BRAMBLE_KERNEL_ERRNO_H */
