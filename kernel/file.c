/*
 * kernel/file.c - open files and descriptor tables (kernel/file.h).
 */
#include "kernel/file.h"

#include <string.h>

#include "kernel/errno.h"
#include "kernel/thread.h"
#include "kernel/uaccess.h"
#include "mm/kheap.h"

static unsigned open_files;
static struct waitq poll_waiters;

void file_poll_wake(void)
{
	thread_wake_all(&poll_waiters);
}

struct waitq *file_poll_queue(void)
{
	return &poll_waiters;
}

struct file *file_new(const struct file_ops *ops, uint32_t flags, void *private)
{
	struct file *file = kcalloc(1, sizeof(*file));

	if (!file)
		return NULL;
	file->ops = ops;
	file->refs = 1;
	file->flags = flags;
	file->private = private;
	open_files++;
	return file;
}

struct file *file_get(struct file *file)
{
	file->refs++;
	return file;
}

void file_put(struct file *file)
{
	if (--file->refs)
		return;
	if (file->ops->release)
		file->ops->release(file);
	open_files--;
	kfree(file);
}

unsigned file_count(void)
{
	return open_files;
}

int fd_install(struct fd_table *table, int from, struct file *file, bool cloexec)
{
	for (int fd = from < 0 ? 0 : from; fd < FD_MAX; fd++) {
		if (table->files[fd])
			continue;
		table->files[fd] = file;
		if (cloexec)
			table->cloexec |= 1U << fd;
		else
			table->cloexec &= ~(1U << fd);
		return fd;
	}
	return -EMFILE;
}

struct file *fd_file(const struct fd_table *table, int fd)
{
	return fd >= 0 && fd < FD_MAX ? table->files[fd] : NULL;
}

int fd_close(struct fd_table *table, int fd)
{
	struct file *file = fd_file(table, fd);

	if (!file)
		return -EBADF;
	table->files[fd] = NULL;
	table->cloexec &= ~(1U << fd);
	file_put(file);
	return 0;
}

void fd_table_copy(struct fd_table *to, const struct fd_table *from)
{
	for (int fd = 0; fd < FD_MAX; fd++)
		to->files[fd] = from->files[fd] ? file_get(from->files[fd]) : NULL;
	to->cloexec = from->cloexec;
}

void fd_table_exec(struct fd_table *table)
{
	for (int fd = 0; fd < FD_MAX; fd++)
		if (table->cloexec & (1U << fd))
			(void)fd_close(table, fd);
}

void fd_table_close_all(struct fd_table *table)
{
	for (int fd = 0; fd < FD_MAX; fd++)
		if (table->files[fd])
			(void)fd_close(table, fd);
}

int32_t file_write_out(uint32_t buffer, uint32_t length,
		       void (*out)(void *context, const char *text, size_t length), void *context)
{
	char chunk[256];
	uint32_t done = 0;

	if (!user_range_ok(buffer, length))
		return -EFAULT;
	while (done < length) {
		uint32_t n = length - done < sizeof(chunk) ? length - done : sizeof(chunk);

		if (copy_from_user(chunk, (const void *)(buffer + done), n))
			return done ? (int32_t)done : -EFAULT;
		out(context, chunk, n);
		done += n;
	}
	return (int32_t)done;
}

void file_stat_device(struct kstat *out, uint32_t rdev)
{
	memset(out, 0, sizeof(*out));
	out->mode = 0020666; /* a character device, readable and writable by all */
	out->nlink = 1;
	out->rdev = rdev;
	out->ino = rdev; /* unique among the devices */
	out->dev = 5;    /* the devices' own "file system": apart from the initramfs's (dev 1) */
	out->blksize = 1024;
}

/* /dev/null: EOF, and every write taken. */
static int32_t null_read(struct file *file, uint32_t buffer, uint32_t length)
{
	(void)file, (void)buffer, (void)length;
	return 0;
}

static int32_t take_write(struct file *file, uint32_t buffer, uint32_t length)
{
	(void)file;
	return user_range_ok(buffer, length) ? (int32_t)length : -EFAULT;
}

static void null_stat(struct file *file, struct kstat *out)
{
	(void)file;
	file_stat_device(out, (1U << 8) | 3); /* 1:3, as Linux numbers it */
}

const struct file_ops null_file_ops = {
	.read = null_read,
	.write = take_write,
	.stat = null_stat,
	.seekable = true,
};

/* /dev/zero: zeros for ever. */
static int32_t zero_read(struct file *file, uint32_t buffer, uint32_t length)
{
	static const char zeros[256];
	uint32_t done = 0;

	(void)file;
	if (!user_range_ok(buffer, length))
		return -EFAULT;
	while (done < length) {
		uint32_t n = length - done < sizeof(zeros) ? length - done : sizeof(zeros);

		if (copy_to_user((void *)(buffer + done), zeros, n))
			return done ? (int32_t)done : -EFAULT;
		done += n;
	}
	return (int32_t)done;
}

static void zero_stat(struct file *file, struct kstat *out)
{
	(void)file;
	file_stat_device(out, (1U << 8) | 5); /* 1:5 */
}

const struct file_ops zero_file_ops = {
	.read = zero_read,
	.write = take_write,
	.stat = zero_stat,
	.seekable = true,
};
