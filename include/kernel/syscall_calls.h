/*
 * kernel/syscall_calls.h - the system calls that live outside
 * kernel/syscall.c (the files' in kernel/syscall_file.c), for its table.
 * Each takes the frame and r0-r3 and returns what goes back in r0;
 * arguments 5 and 6 are the frame's r4 and r5.
 */
#ifndef BRAMBLE_KERNEL_SYSCALL_CALLS_H
#define BRAMBLE_KERNEL_SYSCALL_CALLS_H

#include <stdint.h>

#include "kernel/exception.h"

#define SYSCALL(name)                                                                            \
	int32_t sys_##name(struct exception_frame *frame, uint32_t a0, uint32_t a1, uint32_t a2, \
			   uint32_t a3)

SYSCALL(read);
SYSCALL(write);
SYSCALL(readv);
SYSCALL(writev);
SYSCALL(open);
SYSCALL(openat);
SYSCALL(close);
SYSCALL(lseek);
SYSCALL(llseek);
SYSCALL(pread64);
SYSCALL(fstat64);
SYSCALL(stat64);
SYSCALL(lstat64);
SYSCALL(fstatat64);
SYSCALL(statx);
SYSCALL(getdents64);
SYSCALL(readlink);
SYSCALL(readlinkat);
SYSCALL(access);
SYSCALL(faccessat);
SYSCALL(getcwd);
SYSCALL(chdir);
SYSCALL(fchdir);
SYSCALL(dup);
SYSCALL(dup2);
SYSCALL(dup3);
SYSCALL(fcntl64);
SYSCALL(pipe);
SYSCALL(pipe2);
SYSCALL(ioctl);
SYSCALL(poll);
SYSCALL(read_only_fs);

#endif /* BRAMBLE_KERNEL_SYSCALL_CALLS_H */
