/*
 * kernel/initramfs.c - which archive, and finding programs in it
 * (kernel/initramfs.h).
 */
#include "kernel/initramfs.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "kernel/cpio.h"
#include "kernel/ramfs.h"
#include "kernel/error.h"
#include "kernel/platform.h"
#include "kernel/printk.h"
#include "layout.h"

/* The built-in archive (kernel/initramfs_builtin.S). */
extern const uint8_t initramfs_builtin_start[], initramfs_builtin_end[];

static const uint8_t *archive;
static size_t archive_size;
static bool from_loader;
static struct ramfs fs; /* the archive as a tree, checked once (kernel/ramfs.h) */

const char *initramfs_source(void)
{
	return from_loader ? "the loader's initrd" : "built in";
}

static void count_one(void *context, const struct initramfs_file *file)
{
	(void)file;
	(*(unsigned *)context)++;
}

void initramfs_init(void)
{
	unsigned files = 0;

	archive = initramfs_builtin_start;
	archive_size = (size_t)(initramfs_builtin_end - initramfs_builtin_start);
	if (platform.initrd.size) {
		const uint8_t *initrd = (const uint8_t *)phys_to_virt(platform.initrd.start);

		if (cpio_is_newc(initrd, platform.initrd.size)) {
			archive = initrd;
			archive_size = platform.initrd.size;
			from_loader = true;
		} else {
			kprintf("initramfs: the loader's initrd (%lu bytes at 0x%08lx) is not a cpio "
				"newc archive: using the built-in one\n",
				(unsigned long)platform.initrd.size,
				(unsigned long)platform.initrd.start);
		}
	}
	if (ramfs_open(&fs, archive, archive_size))
		kprintf("initramfs: the archive is malformed: no file in it can be opened\n");
	(void)initramfs_list(count_one, &files);
	kprintf("initramfs: %s, %lu bytes at 0x%08lx, %u files\n", initramfs_source(),
		(unsigned long)archive_size, (unsigned long)(uintptr_t)archive, files);
}

int initramfs_find(const char *path, struct initramfs_file *out)
{
	struct ramfs_node root, node;
	char in_bin[64];
	int error;

	if (!archive)
		return ERR_NOT_FOUND;
	if (!strchr(path, '/')) {
		if ((size_t)snprintf(in_bin, sizeof(in_bin), "bin/%s", path) >= sizeof(in_bin))
			return ERR_NOT_FOUND;
		path = in_bin;
	}
	ramfs_root(&root);
	error = ramfs_lookup(&fs, &root, path, true, &node);
	if (error)
		return error == ERR_INVALID ? ERR_INVALID : ERR_NOT_FOUND;
	if ((node.mode & CPIO_MODE_TYPE) != CPIO_MODE_REGULAR)
		return ERR_NOT_FOUND;
	out->name = node.name; /* an entry's: NUL-terminated */
	out->data = node.data;
	out->size = node.size;
	return 0;
}

const struct ramfs *initramfs_fs(void)
{
	return archive ? &fs : NULL;
}

unsigned initramfs_list(void (*each)(void *context, const struct initramfs_file *file),
			void *context)
{
	size_t offset = 0;
	struct cpio_file file;
	unsigned listed = 0;

	while (archive && cpio_next(archive, archive_size, &offset, &file) == 0) {
		struct initramfs_file entry = { file.name, file.data, file.size };

		if ((file.mode & CPIO_MODE_TYPE) != CPIO_MODE_REGULAR)
			continue;
		each(context, &entry);
		listed++;
	}
	return listed;
}
