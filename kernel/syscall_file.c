/*
 * kernel/syscall_file.c - the system calls on files and descriptors
 * (kernel/file.h, kernel/vfs.h, kernel/pipe.h, kernel/tty.h), numbered
 * and dispatched by kernel/syscall.c. Results and errors are Linux's for
 * 32-bit ARM: struct stat64 and struct statx as its C libraries read them,
 * 64-bit offsets in register pairs (EABI: an even pair).
 */
#include <stddef.h>
#include <string.h>

#include "kernel/errno.h"
#include "kernel/file.h"
#include "kernel/irq.h"
#include "kernel/pipe.h"
#include "kernel/process.h"
#include "kernel/signal.h"
#include "kernel/syscall_calls.h"
#include "kernel/thread.h"
#include "kernel/timer.h"
#include "kernel/tty.h"
#include "kernel/uaccess.h"
#include "kernel/vfs.h"

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

#define F_DUPFD         0
#define F_GETFD         1
#define F_SETFD         2
#define F_GETFL         3
#define F_SETFL         4
#define F_DUPFD_CLOEXEC 1030
#define FD_CLOEXEC      1

#define F_OK 0
#define X_OK 1

#define PATH_ARGUMENT_MAX RAMFS_PATH_MAX

/* The most one read or write moves (Linux's MAX_RW_COUNT): a count always fits its result. */
#define RW_MAX 0x7FFFF000U

static uint32_t rw_count(uint32_t length)
{
	return length < RW_MAX ? length : RW_MAX;
}

static struct process *self(void)
{
	return current_thread()->process;
}

static struct file *file_of(uint32_t fd)
{
	return fd_file(&self()->fds, (int)fd);
}

/* A path argument into buf: 0, -EFAULT, -ENAMETOOLONG, or -ENOENT for "" (as Linux answers). */
static int path_in(char *buf, uint32_t user)
{
	int n = copy_string_from_user(buf, (const char *)user, PATH_ARGUMENT_MAX);

	if (n < 0)
		return n == ERR_RANGE ? -EFAULT : -ENAMETOOLONG;
	return n == 0 ? -ENOENT : 0;
}

/* The directory an *at call starts from: NULL for AT_FDCWD (the cwd), or -errno in *error. */
static const struct ramfs_node *dir_of(int32_t dirfd, int *error)
{
	struct file *file;

	*error = 0;
	if (dirfd == AT_FDCWD)
		return NULL;
	file = file_of((uint32_t)dirfd);
	if (!file) {
		*error = -EBADF;
		return NULL;
	}
	if (!file->ops->getdents || !ramfs_is_directory(&file->node)) {
		*error = -ENOTDIR; /* (/dev is no directory of the tree: its names are absolute) */
		return NULL;
	}
	return &file->node;
}

SYSCALL(read)
{
	struct file *file = file_of(a0);

	(void)frame, (void)a3;
	if (!file || (file->flags & O_ACCMODE) == O_WRONLY)
		return -EBADF;
	return file->ops->read(file, a1, rw_count(a2));
}

SYSCALL(write)
{
	struct file *file = file_of(a0);

	(void)frame, (void)a3;
	if (!file || (file->flags & O_ACCMODE) == O_RDONLY)
		return -EBADF;
	return file->ops->write(file, a1, rw_count(a2));
}

/* readv and writev: each piece in turn, stopping at the first short one. */
static int32_t vector(uint32_t fd, uint32_t iov, uint32_t count, bool writing)
{
	struct file *file = file_of(fd);
	int32_t total = 0;

	if (!file || (file->flags & O_ACCMODE) == (writing ? O_RDONLY : O_WRONLY))
		return -EBADF;
	if (count > 1024)
		return -EINVAL;
	for (uint32_t i = 0; i < count; i++) {
		uint32_t piece[2];
		int32_t n;

		if (copy_from_user(piece, (const void *)(iov + i * 8), sizeof(piece)))
			return total ? total : -EFAULT;
		if (piece[1] == 0)
			continue;
		piece[1] = rw_count(piece[1]) < RW_MAX - (uint32_t)total ? rw_count(piece[1])
									 : RW_MAX - (uint32_t)total;
		if (piece[1] == 0)
			break; /* RW_MAX moved: the rest is the next call's */
		n = writing ? file->ops->write(file, piece[0], piece[1])
			    : file->ops->read(file, piece[0], piece[1]);
		if (n < 0)
			return total ? total : n;
		total += n;
		if ((uint32_t)n < piece[1])
			break;
	}
	return total;
}

SYSCALL(readv)
{
	(void)frame, (void)a3;
	return vector(a0, a1, a2, false);
}

SYSCALL(writev)
{
	(void)frame, (void)a3;
	return vector(a0, a1, a2, true);
}

static int32_t open_at(int32_t dirfd, uint32_t user_path, uint32_t flags)
{
	char path[PATH_ARGUMENT_MAX];
	const struct ramfs_node *from;
	struct file *file;
	int error = path_in(path, user_path), fd;

	if (error)
		return error;
	from = dir_of(path[0] == '/' ? AT_FDCWD : dirfd, &error);
	if (error)
		return error;
	error = vfs_open(self(), from, path, flags, &file);
	if (error)
		return error;
	fd = fd_install(&self()->fds, 0, file, flags & O_CLOEXEC);
	if (fd < 0)
		file_put(file);
	return fd;
}

SYSCALL(open)
{
	(void)frame, (void)a2, (void)a3;
	return open_at(AT_FDCWD, a0, a1);
}

SYSCALL(openat)
{
	(void)frame, (void)a3;
	return open_at((int32_t)a0, a1, a2);
}

SYSCALL(close)
{
	(void)frame, (void)a1, (void)a2, (void)a3;
	return fd_close(&self()->fds, (int)a0);
}

static int64_t seek(struct file *file, int64_t offset, uint32_t whence)
{
	struct kstat st;
	int64_t base;

	if (!file->ops->seekable)
		return -ESPIPE;
	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = (int64_t)file->offset;
		break;
	case SEEK_END:
		file->ops->stat(file, &st);
		base = (int64_t)st.size;
		break;
	default:
		return -EINVAL;
	}
	if (base + offset < 0)
		return -EINVAL;
	file->offset = (uint64_t)(base + offset);
	return (int64_t)file->offset;
}

SYSCALL(lseek)
{
	struct file *file = file_of(a0);
	int64_t at;

	(void)frame, (void)a3;
	if (!file)
		return -EBADF;
	at = seek(file, (int32_t)a1, a2);
	if (at < 0)
		return (int32_t)at;
	return at > 0x7FFFFFFF ? -EOVERFLOW : (int32_t)at;
}

/* _llseek(fd, offset_high, offset_low, loff_t *result, whence) */
SYSCALL(llseek)
{
	struct file *file = file_of(a0);
	int64_t at;

	if (!file)
		return -EBADF;
	at = seek(file, (int64_t)(((uint64_t)a1 << 32) | a2), frame->r[4]);
	if (at < 0)
		return (int32_t)at;
	return copy_to_user((void *)a3, &at, sizeof(at)) ? -EFAULT : 0;
}

/* pread64(fd, buffer, count, (pad), offset in r4:r5) */
SYSCALL(pread64)
{
	struct file *file = file_of(a0);
	uint64_t offset = ((uint64_t)frame->r[5] << 32) | frame->r[4], saved;
	int32_t n;

	(void)a3;
	if (!file || (file->flags & O_ACCMODE) == O_WRONLY)
		return -EBADF;
	if (!file->ops->seekable)
		return -ESPIPE;
	if ((int64_t)offset < 0)
		return -EINVAL;
	saved = file->offset;
	file->offset = offset;
	n = file->ops->read(file, a1, a2);
	file->offset = saved;
	return n;
}

/* struct stat64 of 32-bit ARM (asm/stat.h): 104 bytes. */
struct stat64 {
	uint64_t dev;
	uint32_t pad0, ino32, mode, nlink, uid, gid;
	uint64_t rdev;
	uint32_t pad3, pad3b;
	int64_t size;
	uint32_t blksize, pad4;
	uint64_t blocks;
	uint32_t atime, atime_nsec, mtime, mtime_nsec, ctime, ctime_nsec;
	uint64_t ino;
};
_Static_assert(sizeof(struct stat64) == 104, "stat64");
_Static_assert(offsetof(struct stat64, size) == 48, "stat64");
_Static_assert(offsetof(struct stat64, ino) == 96, "stat64");

static int32_t put_stat64(uint32_t user, const struct kstat *k)
{
	struct stat64 s;

	memset(&s, 0, sizeof(s));
	s.dev = k->dev;
	s.ino32 = k->ino;
	s.ino = k->ino;
	s.mode = k->mode;
	s.nlink = k->nlink;
	s.rdev = ((k->rdev >> 8) << 8) | (k->rdev & 0xFF);
	s.size = (int64_t)k->size;
	s.blksize = k->blksize;
	s.blocks = (k->size + 511) / 512;
	return copy_to_user((void *)user, &s, sizeof(s)) ? -EFAULT : 0;
}

SYSCALL(fstat64)
{
	struct file *file = file_of(a0);
	struct kstat k;

	(void)frame, (void)a2, (void)a3;
	if (!file)
		return -EBADF;
	file->ops->stat(file, &k);
	return put_stat64(a1, &k);
}

static int32_t stat_path(int32_t dirfd, uint32_t user_path, uint32_t flags, struct kstat *k)
{
	char path[PATH_ARGUMENT_MAX];
	const struct ramfs_node *from;
	int error = path_in(path, user_path);

	if (error == -ENOENT && (flags & AT_EMPTY_PATH)) {
		struct file *file = dirfd == AT_FDCWD ? NULL : file_of((uint32_t)dirfd);

		if (dirfd == AT_FDCWD)
			return vfs_stat(self(), NULL, ".", true, k);
		if (!file)
			return -EBADF;
		file->ops->stat(file, k);
		return 0;
	}
	if (error)
		return error;
	from = dir_of(path[0] == '/' ? AT_FDCWD : dirfd, &error);
	if (error)
		return error;
	return vfs_stat(self(), from, path, !(flags & AT_SYMLINK_NOFOLLOW), k);
}

SYSCALL(stat64)
{
	struct kstat k;
	int error = stat_path(AT_FDCWD, a0, 0, &k);

	(void)frame, (void)a2, (void)a3;
	return error ? error : put_stat64(a1, &k);
}

SYSCALL(lstat64)
{
	struct kstat k;
	int error = stat_path(AT_FDCWD, a0, AT_SYMLINK_NOFOLLOW, &k);

	(void)frame, (void)a2, (void)a3;
	return error ? error : put_stat64(a1, &k);
}

SYSCALL(fstatat64)
{
	struct kstat k;
	int error = stat_path((int32_t)a0, a1, a3, &k);

	(void)frame;
	return error ? error : put_stat64(a2, &k);
}

/* struct statx (uapi linux/stat.h): 256 bytes. */
struct statx_timestamp {
	int64_t sec;
	uint32_t nsec;
	int32_t reserved;
};

struct statx {
	uint32_t mask, blksize;
	uint64_t attributes;
	uint32_t nlink, uid, gid;
	uint16_t mode, spare0;
	uint64_t ino, size, blocks, attributes_mask;
	struct statx_timestamp atime, btime, ctime, mtime;
	uint32_t rdev_major, rdev_minor, dev_major, dev_minor;
	uint64_t spare2[14];
};
_Static_assert(sizeof(struct statx) == 256, "statx");

#define STATX_BASIC_STATS 0x7FFU

/* statx(dirfd, path, flags, mask, buffer in r4) */
SYSCALL(statx)
{
	struct kstat k;
	struct statx s;
	int error = stat_path((int32_t)a0, a1, a2, &k);

	(void)a3;
	if (error)
		return error;
	memset(&s, 0, sizeof(s));
	s.mask = STATX_BASIC_STATS;
	s.blksize = k.blksize;
	s.nlink = k.nlink;
	s.mode = (uint16_t)k.mode;
	s.ino = k.ino;
	s.size = k.size;
	s.blocks = (k.size + 511) / 512;
	s.rdev_major = k.rdev >> 8;
	s.rdev_minor = k.rdev & 0xFF;
	s.dev_major = k.dev >> 8;
	s.dev_minor = k.dev & 0xFF;
	return copy_to_user((void *)frame->r[4], &s, sizeof(s)) ? -EFAULT : 0;
}

SYSCALL(getdents64)
{
	struct file *file = file_of(a0);

	(void)frame, (void)a3;
	if (!file)
		return -EBADF;
	if (!file->ops->getdents)
		return -ENOTDIR;
	return file->ops->getdents(file, a1, a2);
}

static int32_t readlink_at(int32_t dirfd, uint32_t user_path, uint32_t buffer, uint32_t size)
{
	char path[PATH_ARGUMENT_MAX], target[RAMFS_PATH_MAX];
	const struct ramfs_node *from;
	int error = path_in(path, user_path), n;

	if (error)
		return error;
	if ((int32_t)size <= 0)
		return -EINVAL;
	from = dir_of(path[0] == '/' ? AT_FDCWD : dirfd, &error);
	if (error)
		return error;
	n = vfs_readlink(self(), from, path, target, size < sizeof(target) ? size : sizeof(target));
	if (n < 0)
		return n;
	return copy_to_user((void *)buffer, target, (size_t)n) ? -EFAULT : n;
}

SYSCALL(readlink)
{
	(void)frame, (void)a3;
	return readlink_at(AT_FDCWD, a0, a1, a2);
}

SYSCALL(readlinkat)
{
	(void)frame;
	return readlink_at((int32_t)a0, a1, a2, a3);
}

/* Everyone is root: a file that exists may be read and written; run if any x bit is set. */
static int32_t access_at(int32_t dirfd, uint32_t user_path, uint32_t mode)
{
	struct kstat k;
	int error;

	if (mode & ~7U)
		return -EINVAL;
	error = stat_path(dirfd, user_path, 0, &k);
	if (error)
		return error;
	if ((mode & X_OK) && !(k.mode & 0111) && (k.mode & CPIO_MODE_TYPE) != CPIO_MODE_DIRECTORY)
		return -EACCES;
	return 0;
}

SYSCALL(access)
{
	(void)frame, (void)a2, (void)a3;
	return access_at(AT_FDCWD, a0, a1);
}

SYSCALL(faccessat)
{
	(void)frame, (void)a3;
	return access_at((int32_t)a0, a1, a2);
}

SYSCALL(getcwd)
{
	char path[RAMFS_PATH_MAX + 1];
	int n = vfs_getcwd(self(), path, sizeof(path));

	(void)frame, (void)a2, (void)a3;
	if (n < 0)
		return n;
	if ((uint32_t)n > a1)
		return -ERANGE;
	return copy_to_user((void *)a0, path, (size_t)n) ? -EFAULT : n;
}

SYSCALL(chdir)
{
	char path[PATH_ARGUMENT_MAX];
	int error = path_in(path, a0);

	(void)frame, (void)a1, (void)a2, (void)a3;
	return error ? error : vfs_chdir(self(), path);
}

SYSCALL(fchdir)
{
	struct file *file = file_of(a0);

	(void)frame, (void)a1, (void)a2, (void)a3;
	if (!file)
		return -EBADF;
	if (!file->ops->getdents || !ramfs_is_directory(&file->node))
		return -ENOTDIR; /* (/dev cannot be the working directory: its names are absolute) */
	self()->cwd = file->node;
	return 0;
}

SYSCALL(dup)
{
	struct file *file = file_of(a0);
	int fd;

	(void)frame, (void)a1, (void)a2, (void)a3;
	if (!file)
		return -EBADF;
	fd = fd_install(&self()->fds, 0, file_get(file), false);
	if (fd < 0)
		file_put(file);
	return fd;
}

static int32_t dup_to(uint32_t old, uint32_t new, bool cloexec)
{
	struct fd_table *fds = &self()->fds;
	struct file *file = file_of(old);

	if (!file)
		return -EBADF;
	if (new >= FD_MAX)
		return -EBADF;
	if (old == new)
		return (int32_t) new;
	(void)fd_close(fds, (int)new);
	return fd_install(fds, (int)new, file_get(file), cloexec);
}

SYSCALL(dup2)
{
	(void)frame, (void)a2, (void)a3;
	if (a0 == a1)
		return file_of(a0) ? (int32_t)a1 : -EBADF;
	return dup_to(a0, a1, false);
}

SYSCALL(dup3)
{
	(void)frame, (void)a3;
	if (a2 & ~(uint32_t)O_CLOEXEC)
		return -EINVAL;
	if (a0 == a1)
		return -EINVAL;
	return dup_to(a0, a1, a2 & O_CLOEXEC);
}

SYSCALL(fcntl64)
{
	struct fd_table *fds = &self()->fds;
	struct file *file = file_of(a0);
	int fd;

	(void)frame, (void)a3;
	if (!file)
		return -EBADF;
	switch (a1) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (a2 >= FD_MAX)
			return -EINVAL;
		fd = fd_install(fds, (int)a2, file_get(file), a1 == F_DUPFD_CLOEXEC);
		if (fd < 0)
			file_put(file);
		return fd;
	case F_GETFD:
		return fds->cloexec & (1U << a0) ? FD_CLOEXEC : 0;
	case F_SETFD:
		if (a2 & FD_CLOEXEC)
			fds->cloexec |= 1U << a0;
		else
			fds->cloexec &= ~(1U << a0);
		return 0;
	case F_GETFL:
		return (int32_t)(file->flags | O_LARGEFILE);
	case F_SETFL:
		file->flags = (file->flags & ~(uint32_t)(O_APPEND | O_NONBLOCK)) |
			      (a2 & (O_APPEND | O_NONBLOCK));
		return 0;
	default:
		return -EINVAL;
	}
}

static int32_t make_pipe(uint32_t user_fds, uint32_t flags)
{
	struct fd_table *fds = &self()->fds;
	struct file *ends[2];
	int32_t numbers[2];
	int error;

	if (flags & ~(uint32_t)(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	if (!user_range_ok(user_fds, sizeof(numbers)))
		return -EFAULT;
	error = pipe_create(ends, flags);
	if (error)
		return error;
	numbers[0] = fd_install(fds, 0, ends[0], flags & O_CLOEXEC);
	numbers[1] = numbers[0] < 0 ? -EMFILE : fd_install(fds, 0, ends[1], flags & O_CLOEXEC);
	if (numbers[1] < 0) {
		if (numbers[0] >= 0)
			(void)fd_close(fds, numbers[0]);
		else
			file_put(ends[0]);
		file_put(ends[1]);
		return -EMFILE;
	}
	if (copy_to_user((void *)user_fds, numbers, sizeof(numbers))) {
		(void)fd_close(fds, numbers[0]);
		(void)fd_close(fds, numbers[1]);
		return -EFAULT;
	}
	return 0;
}

SYSCALL(pipe)
{
	(void)frame, (void)a1, (void)a2, (void)a3;
	return make_pipe(a0, 0);
}

SYSCALL(pipe2)
{
	(void)frame, (void)a2, (void)a3;
	return make_pipe(a0, a1);
}

SYSCALL(ioctl)
{
	struct file *file = file_of(a0);

	(void)frame, (void)a3;
	if (!file)
		return -EBADF;
	if (!file->ops->ioctl)
		return -ENOTTY;
	return file->ops->ioctl(file, a1, a2);
}

struct pollfd {
	int32_t fd;
	int16_t events, revents;
};

#define POLL_MAX 64

/*
 * poll: ready at once, or wait until something changes (typing, a pipe's
 * traffic: file_poll_wake) or the timeout ends. A timeout waits in ticks'
 * steps; none waits on the wake-ups alone. A signal ends it with -EINTR when a handler
 * runs, and it runs again (its whole timeout) when none does.
 */
SYSCALL(poll)
{
	struct pollfd fds[POLL_MAX];
	uint32_t count = a1;
	int32_t timeout = (int32_t)a2;
	uint64_t deadline = timeout > 0 ? timer_count_after_us((uint64_t)timeout * 1000) : 0;

	(void)frame, (void)a3;
	if (count > POLL_MAX)
		return -EINVAL;
	if (copy_from_user(fds, (const void *)a0, count * sizeof(fds[0])))
		return -EFAULT;
	for (;;) {
		int32_t ready = 0;
		/* Checked with IRQs masked, so that a wake-up cannot come between it and the wait. */
		uint32_t cpsr = irq_save();

		for (uint32_t i = 0; i < count; i++) {
			struct file *file = fds[i].fd < 0 ? NULL : file_of((uint32_t)fds[i].fd);
			uint32_t now;

			if (fds[i].fd < 0) {
				fds[i].revents = 0;
				continue;
			}
			now = !file             ? POLLNVAL
			      : file->ops->poll ? file->ops->poll(file)
						: POLLIN | POLLOUT;
			fds[i].revents = (int16_t)(now & ((uint32_t)(uint16_t)fds[i].events |
							  POLLERR | POLLHUP | POLLNVAL));
			if (fds[i].revents)
				ready++;
		}
		if (ready || timeout == 0 || (timeout > 0 && timer_count() >= deadline)) {
			irq_restore(cpsr);
			if (copy_to_user((void *)a0, fds, count * sizeof(fds[0])))
				return -EFAULT;
			return ready;
		}
		if (signal_pending_current()) {
			irq_restore(cpsr);
			return -ERESTARTNOHAND;
		}
		if (timeout > 0) {
			uint64_t tick = timer_count_after_us(10000);

			irq_restore(cpsr);
			if (!thread_sleep_until(tick < deadline ? tick : deadline))
				return -ERESTARTNOHAND;
			continue;
		}
		for (uint32_t i = 0; i < count; i++) {
			struct file *file = fds[i].fd < 0 ? NULL : file_of((uint32_t)fds[i].fd);

			if (file && file->ops == &tty_file_ops)
				tty_waited();
		}
		if (!signal_wait(file_poll_queue())) {
			irq_restore(cpsr);
			return -ERESTARTNOHAND;
		}
		irq_restore(cpsr);
	}
}

/* What would change the file system: it is read-only. */
SYSCALL(read_only_fs)
{
	(void)frame, (void)a0, (void)a1, (void)a2, (void)a3;
	return -EROFS;
}
