/*
 * kernel/pipe.c - pipes (kernel/pipe.h).
 *
 * The ring is a byte array with free-running head and tail counts; the
 * kernel runs one thread at a time and does not preempt itself, so the
 * counts change only between the waits below.
 */
#include "kernel/pipe.h"

#include "kernel/errno.h"
#include "kernel/irq.h"
#include "kernel/signal.h"
#include "kernel/thread.h"
#include "kernel/uaccess.h"
#include "mm/kheap.h"

struct pipe {
	uint8_t *ring;
	uint32_t head, tail; /* bytes written, bytes read: head - tail are there */
	unsigned readers, writers;
	struct waitq readable, writable;
};

static unsigned pipes;

unsigned pipe_count(void)
{
	return pipes;
}

static uint32_t min_u32(uint32_t a, uint32_t b)
{
	return a < b ? a : b;
}

/* Wait on q (IRQs masked meanwhile, as thread_wait wants): false when a signal cut it short. */
static bool wait_on(struct waitq *q)
{
	uint32_t cpsr = irq_save();
	bool woken = signal_wait(q);

	irq_restore(cpsr);
	return woken;
}

static int32_t pipe_read(struct file *file, uint32_t buffer, uint32_t length)
{
	struct pipe *pipe = file->private;
	uint32_t done = 0;

	if (!user_range_ok(buffer, length))
		return -EFAULT;
	if (length == 0)
		return 0;
	while (pipe->head == pipe->tail) {
		if (!pipe->writers)
			return 0;
		if (file->flags & O_NONBLOCK)
			return -EAGAIN;
		if (!wait_on(&pipe->readable))
			return -ERESTARTSYS;
	}
	while (done < length && pipe->head != pipe->tail) {
		uint32_t at = pipe->tail % PIPE_SIZE;
		uint32_t n =
			min_u32(min_u32(length - done, pipe->head - pipe->tail), PIPE_SIZE - at);

		if (copy_to_user((void *)(buffer + done), pipe->ring + at, n))
			return done ? (int32_t)done : -EFAULT;
		pipe->tail += n;
		done += n;
	}
	thread_wake_all(&pipe->writable);
	file_poll_wake();
	return (int32_t)done;
}

static int32_t pipe_write(struct file *file, uint32_t buffer, uint32_t length)
{
	struct pipe *pipe = file->private;
	uint32_t done = 0;

	if (!user_range_ok(buffer, length))
		return -EFAULT;
	while (done < length) {
		uint32_t room = PIPE_SIZE - (pipe->head - pipe->tail);
		/* At most PIPE_BUF bytes go in whole: wait for room for all of them. */
		uint32_t wanted = length - done <= PIPE_BUF ? length - done : 1;

		if (!pipe->readers) {
			signal_send_current(SIGPIPE);
			return done ? (int32_t)done : -EPIPE;
		}
		if (room < wanted) {
			if (file->flags & O_NONBLOCK)
				return done ? (int32_t)done : -EAGAIN;
			if (!wait_on(&pipe->writable))
				return done ? (int32_t)done : -ERESTARTSYS;
			continue;
		}
		while (room && done < length) {
			uint32_t at = pipe->head % PIPE_SIZE;
			uint32_t n = min_u32(min_u32(length - done, room), PIPE_SIZE - at);

			if (copy_from_user(pipe->ring + at, (const void *)(buffer + done), n))
				return done ? (int32_t)done : -EFAULT;
			pipe->head += n;
			done += n;
			room -= n;
		}
		thread_wake_all(&pipe->readable);
		file_poll_wake();
	}
	return (int32_t)done;
}

static void pipe_stat(struct file *file, struct kstat *out)
{
	file_stat_device(out, 0);
	out->mode = 0010600; /* a FIFO */
	out->ino = (uint32_t)file->private >> 4;
	out->dev = 8;
	out->blksize = PIPE_SIZE;
}

static uint32_t read_end_poll(struct file *file)
{
	struct pipe *pipe = file->private;

	return (pipe->head != pipe->tail ? POLLIN : 0) | (pipe->writers ? 0 : POLLHUP);
}

static uint32_t write_end_poll(struct file *file)
{
	struct pipe *pipe = file->private;

	return pipe->readers ? (pipe->head - pipe->tail < PIPE_SIZE ? POLLOUT : 0) : POLLERR;
}

static void pipe_gone_if_unused(struct pipe *pipe)
{
	if (pipe->readers || pipe->writers)
		return;
	kfree(pipe->ring);
	kfree(pipe);
	pipes--;
}

static void read_end_release(struct file *file)
{
	struct pipe *pipe = file->private;

	pipe->readers--;
	thread_wake_all(&pipe->writable); /* a writer waiting for room now gets EPIPE */
	file_poll_wake();
	pipe_gone_if_unused(pipe);
}

static void write_end_release(struct file *file)
{
	struct pipe *pipe = file->private;

	pipe->writers--;
	thread_wake_all(&pipe->readable); /* a reader waiting for bytes now reads EOF */
	file_poll_wake();
	pipe_gone_if_unused(pipe);
}

static int32_t wrong_end(struct file *file, uint32_t buffer, uint32_t length)
{
	(void)file, (void)buffer, (void)length;
	return -EBADF;
}

static const struct file_ops read_end_ops = {
	.read = pipe_read,
	.write = wrong_end,
	.stat = pipe_stat,
	.release = read_end_release,
	.poll = read_end_poll,
};

static const struct file_ops write_end_ops = {
	.read = wrong_end,
	.write = pipe_write,
	.stat = pipe_stat,
	.release = write_end_release,
	.poll = write_end_poll,
};

int pipe_create(struct file *ends[2], uint32_t flags)
{
	struct pipe *pipe = kcalloc(1, sizeof(*pipe));

	if (!pipe)
		return -ENOMEM;
	pipe->ring = kmalloc(PIPE_SIZE);
	ends[0] =
		pipe->ring ? file_new(&read_end_ops, O_RDONLY | (flags & O_NONBLOCK), pipe) : NULL;
	ends[1] = ends[0] ? file_new(&write_end_ops, O_WRONLY | (flags & O_NONBLOCK), pipe) : NULL;
	if (!ends[1]) {
		if (ends[0]) {
			ends[0]->ops = &null_file_ops; /* freed without touching the pipe */
			file_put(ends[0]);
		}
		kfree(pipe->ring);
		kfree(pipe);
		return -ENOMEM;
	}
	pipe->readers = pipe->writers = 1;
	pipes++;
	return 0;
}
