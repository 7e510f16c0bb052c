/*
 * kernel/pipe.h - pipes: a ring of PIPE_SIZE bytes between a read end and
 * a write end (kernel/file.h files).
 *
 * A read takes what is there, at least a byte: it waits while the pipe is
 * empty and a write end is open, and reads 0 (end of file) once none is.
 * A write of at most PIPE_BUF bytes goes in whole or waits until it can
 * (POSIX's atomic writes); a longer one goes in pieces as room appears.
 * A write with no read end left gets SIGPIPE and -EPIPE. With O_NONBLOCK,
 * what would wait is -EAGAIN instead. A wait cut short by a signal is
 * -ERESTARTSYS when nothing was moved yet, else the count moved.
 */
#ifndef BRAMBLE_KERNEL_PIPE_H
#define BRAMBLE_KERNEL_PIPE_H

#include "kernel/file.h"

#define PIPE_SIZE 4096
#define PIPE_BUF  4096

/* Both ends (ends[0] reads, ends[1] writes), each with one reference: 0 or -ENOMEM. */
int pipe_create(struct file *ends[2], uint32_t flags);

/* How many pipes exist, for the tests. */
unsigned pipe_count(void);

#endif /* BRAMBLE_KERNEL_PIPE_H */
