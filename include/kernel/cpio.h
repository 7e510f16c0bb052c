/*
 * kernel/cpio.h - reading a cpio "newc" archive (an initramfs).
 *
 * The format is the one Linux unpacks as its initramfs (cpio(5), "New
 * ASCII Format"; Documentation/driver-api/early-userspace/buffer-format):
 *
 *	[110-byte header][name, NUL][pad to 4][data][pad to 4] ... [header]["TRAILER!!!", NUL]
 *
 * The header is the magic "070701" (or "070702", whose check field is the
 * sum of the data bytes) and 13 fields of 8 hexadecimal digits: ino, mode,
 * uid, gid, nlink, mtime, filesize, devmajor, devminor, rdevmajor,
 * rdevminor, namesize (counting the NUL) and check. Padding is counted
 * from the start of the archive.
 *
 * Pure: no allocation, no global state; every byte read is checked to lie
 * inside the buffer given, which may sit at any alignment. What is
 * returned points into the archive. Compiled into the kernel and into the
 * host tests (tests/host/test_cpio.c, fuzz_cpio.c).
 *
 * Not handled: hard links. newc stores a hard-linked file's data with its
 * last link only; the earlier ones read as empty files.
 */
#ifndef BRAMBLE_KERNEL_CPIO_H
#define BRAMBLE_KERNEL_CPIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernel/error.h"

#define CPIO_HEADER_SIZE 110

/* The file type bits of mode (as in stat's st_mode). */
#define CPIO_MODE_TYPE      0170000
#define CPIO_MODE_REGULAR   0100000
#define CPIO_MODE_DIRECTORY 0040000
#define CPIO_MODE_SYMLINK   0120000

/* One entry: name and data point into the archive, name NUL-terminated. */
struct cpio_file {
	const char *name;
	const void *data;
	uint32_t size;
	uint32_t mode;
};

/* A name without its leading "/" and "./" (any number of them): how entries are compared. */
const char *cpio_name_without_prefix(const char *name);

/* The archive starts with a whole, valid newc header (magic, 13 hex fields). */
bool cpio_is_newc(const void *archive, size_t size);

/*
 * The entry at *offset (start at 0). Returns 0 with *out filled and
 * *offset moved past the entry and its padding; ERR_NOT_FOUND at the
 * "TRAILER!!!" entry, or when *offset is exactly the end of the buffer;
 * ERR_INVALID for anything malformed: a bad magic, a field that is not 8
 * hex digits, a name that is empty, holds a NUL before namesize - 1 or
 * has none there, a name, padding or data running past the buffer, a
 * 070702 check field that is not the sum of the data, an *offset past
 * the buffer or not a multiple of 4. On failure *offset and *out are
 * left as they were.
 */
int cpio_next(const void *archive, size_t size, size_t *offset, struct cpio_file *out);

/*
 * The regular file (mode & CPIO_MODE_TYPE == CPIO_MODE_REGULAR) named
 * path. "bin/hello", "/bin/hello" and "./bin/hello" all name the entry
 * "bin/hello", whichever of those forms the archive uses: leading "/"
 * and "./" are dropped from both names before they are compared. The
 * first regular file of that name is the answer; a directory or another
 * kind of entry of that name is passed over. Returns 0 with *out filled;
 * ERR_NOT_FOUND when the archive ends without it; ERR_INVALID when the
 * archive is malformed before it is found, or for a NULL argument.
 */
int cpio_find(const void *archive, size_t size, const char *path, struct cpio_file *out);

#endif /* BRAMBLE_KERNEL_CPIO_H */
