/*
 * kernel/ramfs.h - a cpio newc archive (kernel/cpio.h) read as a
 * read-only directory tree, for the VFS.
 *
 * The tree is what the entries' names describe, whatever order they come
 * in. A name is split at "/" into components; empty ones and "." are
 * dropped, so "bin/ls", "/bin/ls", "./bin/ls" and "bin//./ls" all name
 * the node bin/ls, and ".", "./" and "/" name the root (they are not
 * listed as anything). A name with a ".." component is ignored: it names
 * nothing and implies nothing. Every proper prefix of a name is a
 * directory of the tree; one that has no entry of its own is an implied
 * directory, mode 040755, like the root. Where several entries have one
 * name, the first in the archive is the node; an entry is the node for
 * its name even where other names also imply a directory there.
 *
 *	archive: bin/ls  bin  etc/motd  a/b/c/file
 *	tree:    /                       the root: no entry
 *	         +- bin                  the entry "bin"
 *	         |  +- ls
 *	         +- etc                  implied by etc/motd
 *	         |  +- motd
 *	         +- a                    implied by a/b/c/file
 *	            +- b                 implied by it too
 *	               +- c              and so is this
 *	                  +- file
 *
 * Pure: no allocation, no global state, nothing of the kernel's; what is
 * returned points into the archive, which must stay where it is and
 * unchanged while its nodes are in use. Every call given the archive
 * checks all of it first (an O(n) walk, n its entries) and fails with
 * ERR_INVALID if any part of it is malformed, whatever part it needs.
 * Compiled into the kernel and into the host test
 * (tests/host/test_ramfs.c).
 *
 * Not handled: hard links (as kernel/cpio.h), device nodes beyond their
 * mode, concatenated archives (the first "TRAILER!!!" ends the tree), and
 * archives of 2 GiB or more (ERR_INVALID: the inode numbers would not fit
 * 32 bits).
 */
#ifndef BRAMBLE_KERNEL_RAMFS_H
#define BRAMBLE_KERNEL_RAMFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernel/cpio.h"
#include "kernel/error.h"

/* A path, with every symbolic link's target put in, as PATH_MAX counts it: with its NUL. */
#define RAMFS_PATH_MAX 256
/* Symbolic links one lookup follows before it gives up with ERR_LOOP. */
#define RAMFS_SYMLINK_MAX 8
/* The largest archive the module takes, in bytes. */
#define RAMFS_ARCHIVE_MAX 0x7FFFFFFFu

/* The mode of the root and of an implied directory. */
#define RAMFS_MODE_IMPLIED_DIRECTORY (CPIO_MODE_DIRECTORY | 0755)

/* Inode numbers: the root's; an entry's is its header's offset / 4 + 2. */
#define RAMFS_INO_ROOT 1
/*
 * An implied directory's: this bit, and the offset in the archive of the
 * "/" that ends its name in the first entry (in archive order) whose name
 * it is a proper prefix of. Unique (one byte per directory), and the same
 * on every lookup.
 */
#define RAMFS_INO_IMPLIED 0x80000000u

/*
 * A node of the tree: an entry of the archive, or a directory the archive
 * only implies, or the root. A node is a value: copy it freely.
 */
struct ramfs_node {
	/*
	 * The node's path as the archive spells it, without its leading "/"
	 * and "./" ("" for the root): name_length bytes, NUL-terminated only
	 * for an entry (an implied directory's name is the start of another
	 * entry's). It may hold "//" or "/./" or end in "/"; ramfs_path()
	 * gives the canonical form.
	 */
	const char *name;
	uint32_t name_length;
	uint32_t mode;    /* st_mode: type and permission bits, as the entry has them */
	const void *data; /* a file's contents, a link's target; NULL when no entry */
	uint32_t size;    /* bytes at data */
	uint32_t ino;     /* stable, unique in the archive (RAMFS_INO_ROOT, _IMPLIED) */
};

/* The root of every archive's tree (which needs no archive to know). */
/* An archive, checked whole once (ramfs_open) so that lookups need not check it again. */
struct ramfs {
	const void *archive;
	size_t size;
	bool checked; /* ramfs_open found it well formed: every call on it answers ERR_INVALID else */
};

/*
 * Check the archive (every entry well formed, at most RAMFS_ARCHIVE_MAX
 * bytes) and keep it in *fs for the calls below: 0, or ERR_INVALID (the
 * calls on *fs then all answer ERR_INVALID).
 */
int ramfs_open(struct ramfs *fs, const void *archive, size_t size);

void ramfs_root(struct ramfs_node *out);

/* The node is a directory (the root, an implied directory, or an entry of that type). */
bool ramfs_is_directory(const struct ramfs_node *node);

/*
 * The node path names, into *out. An absolute path starts at the root, a
 * relative one at *cwd, a directory node of this archive (NULL: the
 * root; it is not looked at for an absolute path). Repeated "/" count as
 * one; "." is the directory it is in; ".." its parent, the root's being
 * the root; a trailing "/" (or "/.") asks for a directory. A symbolic
 * link is followed wherever it stands but last; last, when follow_last
 * is true or a "/" comes after it. Its target is read from the link's
 * own directory, or from the root when it starts with "/"; an empty
 * target names nothing. The path as given, and what is left of it each
 * time a link's target takes the place of the path up to the link, are
 * at most RAMFS_PATH_MAX - 1 bytes.
 *
 * Returns 0 with *out filled. Fails with *out untouched: ERR_NOT_FOUND
 * for a component that is not there and for an empty path (as Linux's
 * ENOENT); ERR_NOT_DIR for a component after something that is not a
 * directory, for a trailing "/" after one, and for a *cwd that is not a
 * directory; ERR_LOOP when more than RAMFS_SYMLINK_MAX links are met;
 * ERR_RANGE for a path too long; ERR_INVALID for a malformed archive or
 * a NULL archive, path or out.
 *
 * O(n) for each component and for each link.
 */
int ramfs_lookup(const struct ramfs *fs, const struct ramfs_node *cwd, const char *path,
		 bool follow_last, struct ramfs_node *out);

/*
 * The next child of directory *dir: an entry or implied directory right
 * inside it, each name once (the entry, where a name has one), "." and
 * ".." never (the caller adds them). *cookie is 0 for the first; each
 * call leaves there where the next starts, a value that stays good for as
 * long as the archive does. Children come in the order of the archive's
 * first mention of each.
 *
 * Returns 0 with *out, and the child's own name (its last component, not
 * NUL-terminated: a pointer into the archive) in *name and
 * *name_length, and *cookie moved on. Fails with everything untouched:
 * ERR_NOT_FOUND after the last child; ERR_NOT_DIR when *dir is not a
 * directory; ERR_INVALID for a malformed archive, a *cookie this did not
 * leave, or a NULL argument.
 *
 * O(n) for each entry a call passes over, to tell whether an earlier
 * entry named the same child (the archive has no index and this no
 * memory), so O(n^2) for a whole listing: fine for an initramfs of a few
 * hundred entries, not for a big one.
 */
int ramfs_readdir(const struct ramfs *fs, const struct ramfs_node *dir, uint32_t *cookie,
		  struct ramfs_node *out, const char **name, uint32_t *name_length);

/*
 * The target of symbolic link *node into buf, as readlink(2) puts it: not
 * NUL-terminated, cut to size bytes. Returns the number of bytes written,
 * or ERR_INVALID when *node is not a symbolic link or buf is NULL with a
 * size.
 */
int ramfs_readlink(const struct ramfs_node *node, char *buf, size_t size);

/*
 * The canonical absolute path of *node into buf, NUL-terminated: "/" for
 * the root, "/bin" for "./bin/" (for getcwd, which asks it of a
 * directory). Returns 0; ERR_RANGE, buf untouched, when it needs more
 * than size bytes; ERR_INVALID for a NULL node or buf.
 */
int ramfs_path(const struct ramfs_node *node, char *buf, size_t size);

#endif /* BRAMBLE_KERNEL_RAMFS_H */
