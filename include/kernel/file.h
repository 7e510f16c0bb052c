/*
 * kernel/file.h - open files and each process's file descriptors.
 *
 * A struct file is one open of something: a file or directory of the
 * initramfs (kernel/vfs.h), a device (/dev/console, /dev/null,
 * /dev/zero), an end of a pipe (kernel/pipe.h), or a test's capture of a
 * program's output. What it does is its ops; what it is opened as
 * (O_RDONLY, O_WRONLY, O_RDWR, O_APPEND, O_NONBLOCK) and where it is
 * (offset) is the file's, shared by every descriptor that dup, fork or
 * fcntl(F_DUPFD) made from the same open, as POSIX has it. A file goes
 * when its last descriptor closes.
 *
 * A descriptor table is a process's: FD_MAX slots, and the close-on-exec
 * flag of each. fork copies the table (each file's count goes up); execve
 * closes the descriptors marked close-on-exec; the end of a process closes
 * them all.
 *
 * Every ops function that reads or writes takes a user address and copies
 * with kernel/uaccess.h itself (a pipe copies straight from its ring), and
 * answers as the system call does: a count, or a negative errno.
 */
#ifndef BRAMBLE_KERNEL_FILE_H
#define BRAMBLE_KERNEL_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernel/ramfs.h"

#define FD_MAX 32

/* open's flags (Linux's, asm-generic/fcntl.h as ARM has them). */
#define O_ACCMODE   00000003
#define O_RDONLY    00000000
#define O_WRONLY    00000001
#define O_RDWR      00000002
#define O_CREAT     00000100
#define O_EXCL      00000200
#define O_NOCTTY    00000400
#define O_TRUNC     00001000
#define O_APPEND    00002000
#define O_NONBLOCK  00004000
#define O_DIRECTORY 00040000 /* ARM's value */
#define O_NOFOLLOW  00100000 /* ARM's value */
#define O_LARGEFILE 00400000 /* ARM's value */
#define O_CLOEXEC   02000000

/* What stat tells of a file (kernel/syscall_file.c writes it out as stat64 or statx). */
struct kstat {
	uint32_t mode, nlink, ino, rdev, dev;
	uint64_t size;
	uint32_t blksize;
};

struct file;

struct file_ops {
	int32_t (*read)(struct file *file, uint32_t buffer, uint32_t length);
	int32_t (*write)(struct file *file, uint32_t buffer, uint32_t length);
	int32_t (*ioctl)(struct file *file, uint32_t request,
			 uint32_t argument); /* NULL: -ENOTTY */
	int32_t (*getdents)(struct file *file, uint32_t buffer,
			    uint32_t length); /* NULL: -ENOTDIR */
	void (*stat)(struct file *file, struct kstat *out);
	void (*release)(struct file *file);  /* the last descriptor of it closed */
	uint32_t (*poll)(struct file *file); /* POLLIN, POLLOUT, POLLHUP now; NULL: always both */
	bool seekable;
};

struct file {
	const struct file_ops *ops;
	unsigned refs;
	uint32_t flags; /* O_ACCMODE | O_APPEND | O_NONBLOCK, as open or F_SETFL left them */
	uint64_t offset;
	struct ramfs_node node; /* a file of the initramfs: which */
	void *private;          /* the device's, the pipe's, the capture's */
};

struct fd_table {
	struct file *files[FD_MAX];
	uint32_t cloexec; /* bit n: descriptor n closes at exec */
};

#define POLLIN   0x0001
#define POLLPRI  0x0002
#define POLLOUT  0x0004
#define POLLERR  0x0008
#define POLLHUP  0x0010
#define POLLNVAL 0x0020

/* poll's waiters: woken by whatever may have made a file ready (typing, a pipe's traffic). */
void file_poll_wake(void);
struct waitq;
struct waitq *file_poll_queue(void);

/* A new file with one reference (its descriptor's to be), or NULL without memory. */
struct file *file_new(const struct file_ops *ops, uint32_t flags, void *private);

/* One more reference; and one less (the last calls release and frees it). */
struct file *file_get(struct file *file);
void file_put(struct file *file);

/*
 * The lowest free descriptor at or above from, for file (the table takes
 * the caller's reference): its number, or -EMFILE with file left to the
 * caller.
 */
int fd_install(struct fd_table *table, int from, struct file *file, bool cloexec);

/* The file behind fd, or NULL for a descriptor that is not open. */
struct file *fd_file(const struct fd_table *table, int fd);

/* Close fd: 0, or -EBADF. */
int fd_close(struct fd_table *table, int fd);

/* The same descriptors (fork): every file's count goes up. */
void fd_table_copy(struct fd_table *to, const struct fd_table *from);

/* exec: the close-on-exec descriptors go. */
void fd_table_exec(struct fd_table *table);

/* The end of a process: every descriptor goes. */
void fd_table_close_all(struct fd_table *table);

/* How many files are open (every table's references counted once per file), for the tests. */
unsigned file_count(void);

/* A file that reads EOF and takes every write (/dev/null), one that reads zeros (/dev/zero). */
extern const struct file_ops null_file_ops, zero_file_ops;

/*
 * A write's bytes from the user's buffer to out, in pieces of 256: the
 * count, or -EFAULT (a fault after some bytes: the count so far).
 */
int32_t file_write_out(uint32_t buffer, uint32_t length,
		       void (*out)(void *context, const char *text, size_t length), void *context);

/* stat of a file that has no ramfs node: a character device (mode, rdev). */
void file_stat_device(struct kstat *out, uint32_t rdev);

#endif /* BRAMBLE_KERNEL_FILE_H */
