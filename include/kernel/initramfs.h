/*
 * kernel/initramfs.h - the programs: a cpio "newc" archive (the format
 * Linux's initramfs uses), read in place.
 *
 * The archive is the one the loader passed as the initrd (the firmware's
 * `initramfs` line in config.txt, QEMU's -initrd; found through
 * ATAG_INITRD2 or the device tree's /chosen), when it is a newc archive;
 * otherwise the copy linked into the image (build/initramfs.cpio, made
 * from user/), so that every loader has programs to run. Its memory is
 * kept for good (the PMM never hands it out): processes' text and data
 * pages are copied from it on demand.
 */
#ifndef BRAMBLE_KERNEL_INITRAMFS_H
#define BRAMBLE_KERNEL_INITRAMFS_H

#include <stddef.h>
#include <stdint.h>

struct initramfs_file {
	const char *name; /* as the archive has it */
	const void *data;
	uint32_t size;
};

/* Choose the archive, and say which it is and what it holds. */
void initramfs_init(void);

/*
 * Find a program: a path in the archive ("bin/hello", "/bin/hello"), or a
 * bare name, looked up in bin/ ("hello"); symbolic links are followed
 * (bin/sh -> busybox), and out->name is the regular file's own name in the
 * archive. Returns 0, ERR_NOT_FOUND (nothing there, or not a regular
 * file), or ERR_INVALID for a damaged archive.
 */
int initramfs_find(const char *path, struct initramfs_file *out);

/* The archive as a tree (kernel/ramfs.h), for kernel/vfs.c; NULL before initramfs_init. */
struct ramfs;
const struct ramfs *initramfs_fs(void);

/* Which archive: "the loader's initrd" or "built in". */
const char *initramfs_source(void);

/* Every regular file, in archive order; returns the count. */
unsigned initramfs_list(void (*each)(void *context, const struct initramfs_file *file),
			void *context);

#endif /* BRAMBLE_KERNEL_INITRAMFS_H */
