/*
 * kernel/vfs.h - names to files: the initramfs as a read-only tree
 * (kernel/ramfs.h), with the devices and /proc/self/exe beside it.
 *
 *   /...             the initramfs: files, directories and symbolic links
 *                    as the archive has them; nothing can be created,
 *                    written, removed or renamed (-EROFS)
 *   /dev             a directory of the devices below (the root lists it too)
 *   /dev/console     the terminal (kernel/tty.h); /dev/tty is the same
 *   /dev/null        reads end of file, takes every write
 *   /dev/zero        reads zeros
 *   /proc            meminfo, uptime, and PID/ (stat, cmdline, exe) for each
 *                    process; self a link to the caller's (ps, free, uptime
 *                    read them); /proc/PID/exe a link to its program
 *
 * Paths are resolved from the root or from the process's working
 * directory (or an openat directory's). Every answer is a negative errno
 * or 0, as the system calls return them.
 */
#ifndef BRAMBLE_KERNEL_VFS_H
#define BRAMBLE_KERNEL_VFS_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/file.h"
#include "kernel/ramfs.h"

#define AT_FDCWD            (-100)
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_EMPTY_PATH       0x1000

struct process;

/* The root, as a process's first working directory. */
void vfs_root(struct ramfs_node *out);

/* open: a new file with one reference in *out, or -errno. from: a directory node, or NULL (cwd). */
int vfs_open(struct process *p, const struct ramfs_node *from, const char *path, uint32_t flags,
	     struct file **out);

/* stat (follow: of what a last symbolic link names), or -errno. */
int vfs_stat(struct process *p, const struct ramfs_node *from, const char *path, bool follow,
	     struct kstat *out);

/* readlink: the target's length in buf (not NUL-terminated), or -errno. */
int vfs_readlink(struct process *p, const struct ramfs_node *from, const char *path, char *buf,
		 uint32_t size);

/* chdir, and getcwd's text (NUL-terminated; its length with the NUL, or -ERANGE). */
int vfs_chdir(struct process *p, const char *path);
int vfs_getcwd(const struct process *p, char *buf, uint32_t size);

/* For execve: the program's file, resolved as open would (symbolic links followed). */
int vfs_resolve_program(struct process *p, const char *path, char *archive_path, uint32_t size);

#endif /* BRAMBLE_KERNEL_VFS_H */
