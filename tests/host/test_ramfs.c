/*
 * tests/host/test_ramfs.c - a cpio archive as a directory tree, under
 * ASan/UBSan.
 *
 * Archives are made here by a small newc writer, as in test_cpio.c, and
 * handed over in a heap buffer of exactly their size, so a read past the
 * archive is an AddressSanitizer report. Most checks use one archive
 * with every kind of node: a directory entry that comes after a file in
 * it, implied directories (one level and three deep), symbolic links
 * relative, absolute, to a directory, dangling and in a loop:
 *
 *	bin/busybox  bin/  bin/ls -> busybox  bin/abs -> /etc/motd
 *	etc/motd  a/b/c/file  loop1 -> loop2  loop2 -> loop1
 *	dirlink -> bin  dangling -> nowhere
 *
 * Lookups by every path form and every error; listings of each
 * directory; a walk of the whole tree that finds every node again by its
 * path and checks the inode numbers; names as cpio(1) writes them
 * ("./bin", "."); then malformed archives, and every byte changed and
 * every truncation, which must give errors and never a bad read.
 */
#include <stdlib.h>

#include "kernel/error.h"
#include "kernel/ramfs.h"
#include "tap.h"

#define ARCHIVE_MAX 16384

#define MODE_FILE      0100644
#define MODE_DIRECTORY 0040755
#define MODE_SYMLINK   0120777

struct writer {
	uint8_t data[ARCHIVE_MAX];
	size_t size;
	uint32_t ino;
};

static void die(const char *what)
{
	printf("Bail out! %s\n", what);
	exit(1);
}

static void writer_init(struct writer *w)
{
	memset(w, 0, sizeof(*w));
}

static void emit(struct writer *w, const void *bytes, size_t length)
{
	if (length > ARCHIVE_MAX - w->size)
		die("writer: archive full");
	memcpy(w->data + w->size, bytes, length);
	w->size += length;
}

static void pad(struct writer *w)
{
	static const uint8_t zeros[3];

	emit(w, zeros, (4 - w->size % 4) % 4);
}

static void put_hex(uint8_t *p, uint32_t value)
{
	static const char digits[] = "0123456789abcdef";

	for (int i = 7; i >= 0; i--) {
		p[i] = (uint8_t)digits[value & 15];
		value >>= 4;
	}
}

/* One entry (a 070701 header, name, padding, data, padding); returns the offset of its header. */
static size_t add_entry(struct writer *w, const char *name, uint32_t mode, const void *data,
			uint32_t size)
{
	uint32_t fields[13] = { 0 };
	uint8_t header[CPIO_HEADER_SIZE];
	size_t at = w->size;

	fields[0] = ++w->ino;
	fields[1] = mode;
	fields[4] = 1;          /* nlink */
	fields[5] = 0x5F000000; /* mtime */
	fields[6] = size;
	fields[11] = (uint32_t)strlen(name) + 1;
	memcpy(header, "070701", 6);
	for (int i = 0; i < 13; i++)
		put_hex(header + 6 + 8 * i, fields[i]);
	emit(w, header, sizeof(header));
	emit(w, name, strlen(name) + 1);
	pad(w);
	emit(w, data, size);
	pad(w);
	return at;
}

static size_t add_file(struct writer *w, const char *name, const char *text)
{
	return add_entry(w, name, MODE_FILE, text, (uint32_t)strlen(text));
}

static size_t add_directory(struct writer *w, const char *name)
{
	return add_entry(w, name, MODE_DIRECTORY, "", 0);
}

static size_t add_symlink(struct writer *w, const char *name, const char *target)
{
	return add_entry(w, name, MODE_SYMLINK, target, (uint32_t)strlen(target));
}

static void add_trailer(struct writer *w)
{
	add_entry(w, "TRAILER!!!", 0, "", 0);
}

/* A copy of size bytes in a buffer of exactly that size. */
static uint8_t *copy_exact(const uint8_t *data, size_t size)
{
	uint8_t *copy = malloc(size ? size : 1);

	if (!copy)
		die("out of memory");
	memcpy(copy, data, size);
	return copy;
}

/* The archive of most checks, where its entries' headers are, and its copy under test. */
/* The archive opened for the calls (ramfs_open checks it; a malformed one fails every call). */
static const struct ramfs *fs_of(const void *data, size_t size)
{
	static struct ramfs fs;

	(void)ramfs_open(&fs, data, size);
	return &fs;
}

static struct writer tree;
static size_t at_busybox, at_bin, at_motd, at_deep;
static uint8_t *archive;
static size_t archive_size;

static void build_tree(void)
{
	writer_init(&tree);
	at_busybox = add_file(&tree, "bin/busybox", "#!busybox\n");
	at_bin = add_directory(&tree, "bin");
	add_symlink(&tree, "bin/ls", "busybox");
	add_symlink(&tree, "bin/abs", "/etc/motd");
	at_motd = add_file(&tree, "etc/motd", "hello\n");
	at_deep = add_file(&tree, "a/b/c/file", "deep");
	add_symlink(&tree, "loop1", "loop2");
	add_symlink(&tree, "loop2", "loop1");
	add_symlink(&tree, "dirlink", "bin");
	add_symlink(&tree, "dangling", "nowhere");
	add_trailer(&tree);
	archive = copy_exact(tree.data, tree.size);
	archive_size = tree.size;
}

/* Lookups in the tree archive. */
static int look(const struct ramfs_node *cwd, const char *path, bool follow, struct ramfs_node *out)
{
	return ramfs_lookup(fs_of(archive, archive_size), cwd, path, follow, out);
}

static int look_follow(const char *path, struct ramfs_node *out)
{
	return look(NULL, path, true, out);
}

/* The inode number of what path names (following), or 0 when it names nothing. */
static uint32_t ino_of(const struct ramfs_node *cwd, const char *path)
{
	struct ramfs_node n;

	return look(cwd, path, true, &n) == 0 ? n.ino : 0;
}

static bool name_is(const struct ramfs_node *n, const char *name)
{
	return n->name_length == strlen(name) && memcmp(n->name, name, n->name_length) == 0;
}

static bool data_is(const struct ramfs_node *n, const char *text)
{
	return n->size == strlen(text) && memcmp(n->data, text, n->size) == 0;
}

static uint32_t entry_ino(size_t offset)
{
	return (uint32_t)(offset / 4 + 2);
}

static void test_lookup_forms(void)
{
	struct ramfs_node n, root, bin;
	uint32_t busybox = entry_ino(at_busybox);
	bool all = true;

	ramfs_root(&root);
	TAP_OK(root.ino == RAMFS_INO_ROOT && root.mode == 040755 && root.name_length == 0 &&
		       ramfs_is_directory(&root),
	       "the root: inode 1, 040755, no name");
	TAP_OK(look_follow("/bin/busybox", &n) == 0 && name_is(&n, "bin/busybox") &&
		       n.mode == MODE_FILE && n.ino == busybox && data_is(&n, "#!busybox\n") &&
		       (const uint8_t *)n.data > archive &&
		       (const uint8_t *)n.data < archive + archive_size,
	       "/bin/busybox: the entry, its data in the archive, inode offset / 4 + 2");
	TAP_OK(look_follow("/bin", &bin) == 0 && name_is(&bin, "bin") &&
		       bin.mode == MODE_DIRECTORY && bin.ino == entry_ino(at_bin),
	       "/bin: its own entry, though bin/busybox comes before it");

	all &= ino_of(NULL, "bin/busybox") == busybox;
	all &= ino_of(&root, "bin/busybox") == busybox;
	all &= ino_of(&bin, "busybox") == busybox;
	all &= ino_of(&bin, "./busybox") == busybox;
	all &= ino_of(&bin, "/bin/busybox") == busybox;
	all &= ino_of(&bin, "../bin/busybox") == busybox;
	all &= ino_of(NULL, "/./bin/../bin//busybox") == busybox;
	all &= ino_of(NULL, "//bin///busybox") == busybox;
	all &= ino_of(NULL, "./bin/./busybox") == busybox;
	TAP_OK(all, "bin/busybox: absolute, relative to the root and to bin, with . .. and //");

	all = ino_of(&bin, "../../../bin/busybox") == busybox && ino_of(NULL, "/..") == 1 &&
	      ino_of(NULL, "/../..") == 1 && ino_of(NULL, "..") == 1;
	TAP_OK(all, "the root's .. is the root");
	all = ino_of(NULL, "/") == 1 && ino_of(NULL, "///") == 1 && ino_of(NULL, ".") == 1 &&
	      ino_of(&bin, "..") == 1 && ino_of(&bin, "../") == 1 && ino_of(&bin, ".") == bin.ino &&
	      ino_of(&bin, "./") == bin.ino && ino_of(NULL, "bin/.") == bin.ino &&
	      ino_of(NULL, "/bin/") == bin.ino && ino_of(NULL, "bin//") == bin.ino;
	TAP_OK(all, "a path ending in /, . or .. names the directory reached");
	TAP_OK(look_follow("etc", &n) == 0 && name_is(&n, "etc") && n.mode == 040755 &&
		       n.data == NULL && n.size == 0 &&
		       n.ino == (RAMFS_INO_IMPLIED | (uint32_t)(at_motd + CPIO_HEADER_SIZE + 3)),
	       "etc: implied by etc/motd; inode: the bit and the offset of the / in etc/motd");
	TAP_OK(look_follow("etc/motd", &n) == 0 && data_is(&n, "hello\n") &&
		       n.ino == entry_ino(at_motd),
	       "etc/motd: a file in an implied directory");
	TAP_OK(look_follow("a/b/c/file", &n) == 0 && data_is(&n, "deep") &&
		       look_follow("a/b", &n) == 0 && name_is(&n, "a/b") && n.mode == 040755 &&
		       n.ino == (RAMFS_INO_IMPLIED | (uint32_t)(at_deep + CPIO_HEADER_SIZE + 3)),
	       "a/b/c/file, and a/b implied by it");
	TAP_OK(look(&bin, "../a/b/c/../../b/c/./file", true, &n) == 0 && data_is(&n, "deep"),
	       "up and down through implied directories");
}

static void test_lookup_symlinks(void)
{
	struct ramfs_node n, bin, bin_ls;
	uint32_t busybox = entry_ino(at_busybox), motd = entry_ino(at_motd);

	(void)look_follow("/bin", &bin);
	TAP_OK(look(NULL, "bin/ls", false, &bin_ls) == 0 && bin_ls.mode == MODE_SYMLINK &&
		       name_is(&bin_ls, "bin/ls") && data_is(&bin_ls, "busybox"),
	       "bin/ls, not followed: the link itself");
	TAP_EQ_U32(busybox, ino_of(NULL, "bin/ls"), "bin/ls followed: read from bin, busybox");
	TAP_EQ_U32(busybox, ino_of(&bin, "ls"), "ls from bin, followed: busybox");
	TAP_EQ_U32(motd, ino_of(NULL, "/bin/abs"), "bin/abs -> /etc/motd: from the root");
	TAP_EQ_U32(motd, ino_of(&bin, "abs"), "abs from bin: the same");
	TAP_OK(look(NULL, "dirlink/busybox", false, &n) == 0 && n.ino == busybox &&
		       look(NULL, "dirlink/ls", false, &n) == 0 && n.mode == MODE_SYMLINK &&
		       name_is(&n, "bin/ls"),
	       "a link in the middle is followed without follow_last, the last one not");
	TAP_OK(look(NULL, "dirlink", false, &n) == 0 && n.mode == MODE_SYMLINK &&
		       look(NULL, "dirlink", true, &n) == 0 && n.ino == bin.ino,
	       "dirlink: the link, or followed, bin");
	TAP_OK(look(NULL, "dirlink/", false, &n) == 0 && n.ino == bin.ino &&
		       look(NULL, "dirlink/.", false, &n) == 0 && n.ino == bin.ino,
	       "dirlink/ and dirlink/.: followed, as a / comes after");
	TAP_EQ_U32(1, ino_of(NULL, "dirlink/.."), ".. after a link: the target's parent");
	TAP_EQ_U32(motd, ino_of(NULL, "dirlink/abs"), "two links in one path");
	TAP_EQ_U32(ERR_LOOP, look(NULL, "loop1", true, &n), "loop1 -> loop2 -> loop1: ERR_LOOP");
	TAP_EQ_U32(ERR_LOOP, look(NULL, "loop1/x", false, &n), "and through it");
	TAP_OK(look(NULL, "loop2", false, &n) == 0 && data_is(&n, "loop1"),
	       "loop2, not followed: the link");
	TAP_EQ_U32(ERR_NOT_FOUND, look(NULL, "dangling", true, &n), "a dangling link followed");
	TAP_OK(look(NULL, "dangling", false, &n) == 0 && data_is(&n, "nowhere"),
	       "a dangling link, not followed: the link");
	TAP_EQ_U32(ERR_NOT_FOUND, look(NULL, "dangling/", false, &n),
		   "a dangling link with a / after it");
	TAP_EQ_U32(ERR_INVALID, ramfs_readlink(&bin, NULL, 0), "readlink of a directory");
}

/* A chain: l1 -> target, l2 -> l1, ... l9 -> l8, each relative. */
static void test_link_count(void)
{
	struct writer w;
	struct ramfs_node n;
	uint8_t *a;

	writer_init(&w);
	add_file(&w, "target", "end");
	add_symlink(&w, "l1", "target");
	for (char i = '2'; i <= '9'; i++) {
		char name[] = { 'l', i, 0 }, target[] = { 'l', (char)(i - 1), 0 };

		add_symlink(&w, name, target);
	}
	add_trailer(&w);
	a = copy_exact(w.data, w.size);
	TAP_OK(ramfs_lookup(fs_of(a, w.size), NULL, "l8", true, &n) == 0 && data_is(&n, "end"),
	       "RAMFS_SYMLINK_MAX (8) links in a row are followed");
	TAP_EQ_U32(ERR_LOOP, ramfs_lookup(fs_of(a, w.size), NULL, "l9", true, &n),
		   "9 are ERR_LOOP");
	TAP_OK(ramfs_lookup(fs_of(a, w.size), NULL, "l9", false, &n) == 0 && data_is(&n, "l8"),
	       "l9 not followed: the link");
	free(a);
}

static void test_lookup_errors(void)
{
	struct ramfs_node n, motd, bin, before;
	char path[RAMFS_PATH_MAX + 8];

	(void)look_follow("/etc/motd", &motd);
	(void)look_follow("/bin", &bin);
	memset(&n, 0x5A, sizeof(n));
	before = n;
	TAP_EQ_U32(ERR_NOT_DIR, look_follow("etc/motd/x", &n), "etc/motd/x: ERR_NOT_DIR");
	TAP_OK(memcmp(&n, &before, sizeof(n)) == 0, "and *out untouched");
	TAP_EQ_U32(ERR_NOT_DIR, look(NULL, "etc/motd/", false, &n), "etc/motd/: ERR_NOT_DIR");
	TAP_EQ_U32(ERR_NOT_DIR, look(NULL, "etc/motd/.", false, &n), "etc/motd/.: ERR_NOT_DIR");
	TAP_EQ_U32(ERR_NOT_DIR, look(NULL, "etc/motd/..", false, &n), "etc/motd/..: ERR_NOT_DIR");
	TAP_EQ_U32(ERR_NOT_DIR, look(NULL, "bin/abs/", false, &n),
		   "a link to a file with a / after it: ERR_NOT_DIR");
	TAP_EQ_U32(ERR_NOT_DIR, look(&motd, "x", true, &n), "relative to a file: ERR_NOT_DIR");
	TAP_OK(look(&motd, "/bin", true, &n) == 0 && n.ino == bin.ino,
	       "an absolute path does not look at cwd");
	TAP_EQ_U32(ERR_NOT_FOUND, look_follow("", &n), "the empty path: ERR_NOT_FOUND");
	TAP_EQ_U32(ERR_NOT_FOUND, look_follow("missing", &n), "missing: ERR_NOT_FOUND");
	TAP_EQ_U32(ERR_NOT_FOUND, look_follow("bin/missing", &n), "bin/missing: ERR_NOT_FOUND");
	TAP_EQ_U32(ERR_NOT_FOUND, look_follow("missing/busybox", &n),
		   "missing/busybox: ERR_NOT_FOUND");
	TAP_EQ_U32(ERR_NOT_FOUND, look_follow("bi", &n), "a prefix of a name: ERR_NOT_FOUND");
	TAP_EQ_U32(ERR_NOT_FOUND, look_follow("bin/busyboxx", &n), "a longer name: ERR_NOT_FOUND");
	TAP_EQ_U32(ERR_NOT_DIR, look_follow("a/b/c/file/../file", &n),
		   "file/..: ERR_NOT_DIR, not a way back");
	TAP_EQ_U32(ERR_NOT_FOUND, look_follow("TRAILER!!!", &n), "the trailer is not a node");
	TAP_EQ_U32(ERR_INVALID, look_follow(NULL, &n), "no path: ERR_INVALID");
	TAP_EQ_U32(ERR_INVALID, look_follow("bin", NULL), "no out: ERR_INVALID");

	/* 255 bytes are a path, 256 are not. */
	memset(path, '/', sizeof(path));
	memcpy(path + RAMFS_PATH_MAX - 1 - 11, "bin/busybox", 12);
	TAP_EQ_U32(entry_ino(at_busybox), ino_of(NULL, path), "a path of 255 bytes");
	memset(path, '/', sizeof(path));
	memcpy(path + RAMFS_PATH_MAX - 11, "bin/busybox", 12);
	TAP_EQ_U32(ERR_RANGE, look_follow(path, &n), "one of 256 bytes: ERR_RANGE");
	/* ls -> busybox from bin: 5 bytes more, then the rest of the path. */
	memset(path, '/', sizeof(path));
	memcpy(path, "ls", 2);
	path[250] = 0;
	TAP_EQ_U32(ERR_NOT_DIR, look(&bin, path, true, &n),
		   "a link making a path of 255 bytes is followed (to a file: ERR_NOT_DIR)");
	path[250] = '/';
	path[251] = 0;
	TAP_EQ_U32(ERR_RANGE, look(&bin, path, true, &n), "one making 256: ERR_RANGE");
}

/* Every child of dir, names joined by spaces in text; the count, or -1 on a failure or a loop. */
static int list(const struct ramfs_node *dir, char *text, size_t size)
{
	struct ramfs_node child;
	const char *name;
	uint32_t cookie = 0, length;
	int count = 0, error;
	size_t at = 0;

	text[0] = 0;
	while ((error = ramfs_readdir(fs_of(archive, archive_size), dir, &cookie, &child, &name,
				      &length)) == 0) {
		if (count++ > 100 || at + length + 2 > size)
			return -1;
		if (at)
			text[at++] = ' ';
		memcpy(text + at, name, length);
		at += length;
		text[at] = 0;
	}
	return error == ERR_NOT_FOUND ? count : -1;
}

static int list_path(const char *path, char *text, size_t size)
{
	struct ramfs_node dir;

	if (look_follow(path, &dir))
		return -1;
	return list(&dir, text, size);
}

static void test_readdir(void)
{
	struct ramfs_node root, dir, child, motd, before, first, again;
	const char *name = NULL;
	uint32_t cookie = 0, length = 0, saved;
	char text[256];

	ramfs_root(&root);
	TAP_OK(list(&root, text, sizeof(text)) == 7 &&
		       strcmp(text, "bin etc a loop1 loop2 dirlink dangling") == 0,
	       "the root: bin etc a loop1 loop2 dirlink dangling, once each, in archive order");
	TAP_OK(list_path("/bin", text, sizeof(text)) == 3 && strcmp(text, "busybox ls abs") == 0,
	       "bin: busybox ls abs");
	TAP_OK(list_path("a", text, sizeof(text)) == 1 && strcmp(text, "b") == 0, "a: b");
	TAP_OK(list_path("a/b/c", text, sizeof(text)) == 1 && strcmp(text, "file") == 0,
	       "a/b/c: file");
	TAP_OK(list_path("etc", text, sizeof(text)) == 1 && strcmp(text, "motd") == 0, "etc: motd");
	TAP_OK(list_path("dirlink", text, sizeof(text)) == 3, "dirlink, followed: bin's three");

	TAP_OK(ramfs_readdir(fs_of(archive, archive_size), &root, &cookie, &child, &name,
			     &length) == 0 &&
		       name_is(&child, "bin") && child.ino == entry_ino(at_bin) &&
		       child.mode == MODE_DIRECTORY && length == 3 && memcmp(name, "bin", 3) == 0 &&
		       (const uint8_t *)name > archive &&
		       (const uint8_t *)name < archive + archive_size,
	       "the first child: bin's entry, not the directory bin/busybox implies");
	saved = cookie;
	(void)ramfs_readdir(fs_of(archive, archive_size), &root, &cookie, &first, &name, &length);
	cookie = saved;
	TAP_OK(ramfs_readdir(fs_of(archive, archive_size), &root, &cookie, &again, &name,
			     &length) == 0 &&
		       memcmp(&first, &again, sizeof(first)) == 0 && again.ino != child.ino,
	       "a cookie saved resumes at the same child");
	(void)look_follow("etc/motd", &motd);
	cookie = 0;
	TAP_EQ_U32(
		ERR_NOT_DIR,
		ramfs_readdir(fs_of(archive, archive_size), &motd, &cookie, &child, &name, &length),
		"readdir of a file: ERR_NOT_DIR");
	(void)look(NULL, "dirlink", false, &dir);
	cookie = 0;
	TAP_EQ_U32(
		ERR_NOT_DIR,
		ramfs_readdir(fs_of(archive, archive_size), &dir, &cookie, &child, &name, &length),
		"readdir of a link: ERR_NOT_DIR");

	(void)look_follow("a/b/c", &dir);
	cookie = 0;
	(void)ramfs_readdir(fs_of(archive, archive_size), &dir, &cookie, &child, &name, &length);
	saved = cookie;
	before = child;
	TAP_OK(ramfs_readdir(fs_of(archive, archive_size), &dir, &cookie, &child, &name, &length) ==
			       ERR_NOT_FOUND &&
		       cookie == saved && memcmp(&child, &before, sizeof(child)) == 0 &&
		       ramfs_readdir(fs_of(archive, archive_size), &dir, &cookie, &child, &name,
				     &length) == ERR_NOT_FOUND,
	       "after the last: ERR_NOT_FOUND, everything untouched, and again");
	cookie = 2;
	TAP_EQ_U32(
		ERR_INVALID,
		ramfs_readdir(fs_of(archive, archive_size), &root, &cookie, &child, &name, &length),
		"a cookie not a multiple of 4: ERR_INVALID");
	cookie = 8;
	TAP_EQ_U32(
		ERR_INVALID,
		ramfs_readdir(fs_of(archive, archive_size), &root, &cookie, &child, &name, &length),
		"a cookie inside an entry: ERR_INVALID");
	cookie = (uint32_t)archive_size + 4;
	TAP_EQ_U32(
		ERR_INVALID,
		ramfs_readdir(fs_of(archive, archive_size), &root, &cookie, &child, &name, &length),
		"a cookie past the archive: ERR_INVALID");
	cookie = 0;
	TAP_EQ_U32(
		ERR_INVALID,
		ramfs_readdir(fs_of(archive, archive_size), &root, &cookie, NULL, &name, &length),
		"nowhere to put the child: ERR_INVALID");
}

/* Every node, found by readdir from the root down. */
struct walk {
	uint32_t inos[64];
	unsigned count;
	bool all_found, paths_right;
};

static void walk_from(struct walk *w, const struct ramfs_node *dir, const char *path)
{
	struct ramfs_node child, found;
	const char *name;
	uint32_t cookie = 0, length;

	while (ramfs_readdir(fs_of(archive, archive_size), dir, &cookie, &child, &name, &length) ==
	       0) {
		char child_path[RAMFS_PATH_MAX], canonical[RAMFS_PATH_MAX];

		if (w->count == 64)
			die("walk: more nodes than the tree has");
		w->inos[w->count++] = child.ino;
		snprintf(child_path, sizeof(child_path), "%s/%.*s", strcmp(path, "/") ? path : "",
			 (int)length, name);
		w->all_found &= look(NULL, child_path, false, &found) == 0 &&
				memcmp(&found, &child, sizeof(found)) == 0;
		w->paths_right &= ramfs_path(&child, canonical, sizeof(canonical)) == 0 &&
				  strcmp(canonical, child_path) == 0;
		if (ramfs_is_directory(&child))
			walk_from(w, &child, child_path);
	}
}

static void test_walk(void)
{
	struct walk w = { .all_found = true, .paths_right = true };
	struct ramfs_node root, n;
	bool unique = true;
	char buf[8];

	ramfs_root(&root);
	w.inos[w.count++] = root.ino;
	walk_from(&w, &root, "/");
	TAP_EQ_U32(15, w.count, "the walk: 15 nodes (the root, 7 in it, 3 in bin, motd, b c file)");
	TAP_OK(w.all_found, "each found again by its path, the same node");
	TAP_OK(w.paths_right, "each one's ramfs_path() is the path it was found by");
	for (unsigned i = 0; i < w.count; i++)
		for (unsigned j = i + 1; j < w.count; j++)
			unique &= w.inos[i] != w.inos[j];
	TAP_OK(unique, "inode numbers: all different");

	(void)look_follow("a/b", &n);
	TAP_OK(ramfs_path(&n, buf, 5) == 0 && strcmp(buf, "/a/b") == 0,
	       "ramfs_path of a/b: /a/b, in 5 bytes");
	memcpy(buf, "xxxxxxx", 8);
	TAP_OK(ramfs_path(&n, buf, 4) == ERR_RANGE && strcmp(buf, "xxxxxxx") == 0,
	       "in 4: ERR_RANGE, buf untouched");
	TAP_OK(ramfs_path(&root, buf, 2) == 0 && strcmp(buf, "/") == 0 &&
		       ramfs_path(&root, buf, 1) == ERR_RANGE,
	       "the root: /, in 2 bytes and not 1");
	(void)look(&n, "c/..", true, &n);
	TAP_OK(ramfs_path(&n, buf, sizeof(buf)) == 0 && strcmp(buf, "/a/b") == 0, "a/b/c/..: /a/b");
}

static void test_readlink(void)
{
	struct ramfs_node n;
	char buf[16];

	memset(buf, '#', sizeof(buf));
	(void)look(NULL, "bin/ls", false, &n);
	TAP_OK(ramfs_readlink(&n, buf, sizeof(buf)) == 7 && memcmp(buf, "busybox#", 8) == 0,
	       "readlink bin/ls: busybox, 7 bytes, no NUL");
	memset(buf, '#', sizeof(buf));
	TAP_OK(ramfs_readlink(&n, buf, 3) == 3 && memcmp(buf, "bus#", 4) == 0,
	       "in 3 bytes: bus, cut");
	(void)look(NULL, "bin/abs", false, &n);
	TAP_OK(ramfs_readlink(&n, buf, sizeof(buf)) == 9 && memcmp(buf, "/etc/motd", 9) == 0,
	       "readlink bin/abs: /etc/motd");
	(void)look(NULL, "bin/busybox", false, &n);
	TAP_EQ_U32(ERR_INVALID, ramfs_readlink(&n, buf, sizeof(buf)), "readlink of a file");
}

/*
 * Names as cpio(1) and others write them: ".", "./" prefixes, a trailing
 * "/", "//" inside, a name twice, and one climbing out with "..".
 */
static void test_name_forms(void)
{
	struct writer w;
	struct ramfs_node n, root, bin;
	uint8_t *a;
	char text[128];
	size_t at_first;

	writer_init(&w);
	add_directory(&w, ".");
	add_directory(&w, "./bin/");
	at_first = add_file(&w, "./bin/hello", "first");
	add_file(&w, "bin//hello", "second");
	add_file(&w, "/etc/./motd", "motd");
	add_file(&w, "x/../escape", "no");
	add_directory(&w, "./");
	add_trailer(&w);
	a = copy_exact(w.data, w.size);
	free(archive);
	archive = a;
	archive_size = w.size;

	ramfs_root(&root);
	TAP_OK(list(&root, text, sizeof(text)) == 2 && strcmp(text, "bin etc") == 0,
	       "cpio(1) names: the root lists bin etc (no ., no x)");
	TAP_OK(look_follow("/", &n) == 0 && n.ino == RAMFS_INO_ROOT, "/ is the root, not \".\"");
	TAP_OK(look_follow("bin/hello", &n) == 0 && data_is(&n, "first") &&
		       n.ino == entry_ino(at_first) && name_is(&n, "bin/hello"),
	       "bin/hello: the first of two, its name without ./");
	TAP_OK(list_path("bin", text, sizeof(text)) == 1 && strcmp(text, "hello") == 0,
	       "bin lists hello once");
	TAP_OK(look_follow("bin", &bin) == 0 && bin.mode == MODE_DIRECTORY &&
		       name_is(&bin, "bin/") && ramfs_path(&bin, text, sizeof(text)) == 0 &&
		       strcmp(text, "/bin") == 0,
	       "./bin/: the entry, ramfs_path /bin");
	TAP_OK(look_follow("etc/motd", &n) == 0 && data_is(&n, "motd") &&
		       look_follow("etc", &n) == 0 && ramfs_path(&n, text, sizeof(text)) == 0 &&
		       strcmp(text, "/etc") == 0,
	       "/etc/./motd: etc/motd, etc implied, /etc");
	TAP_OK(look_follow("x", &n) == ERR_NOT_FOUND && look_follow("escape", &n) == ERR_NOT_FOUND,
	       "x/../escape: ignored");

	writer_init(&w);
	a = copy_exact(w.data, 0);
	TAP_OK(ramfs_lookup(fs_of(a, 0), NULL, "/", true, &n) == 0 && n.ino == 1 &&
		       ramfs_lookup(fs_of(a, 0), NULL, "bin", true, &n) == ERR_NOT_FOUND,
	       "an empty archive: the root alone");
	free(a);
}

static void test_malformed(void)
{
	struct ramfs_node n, root;
	const char *name;
	uint32_t cookie = 0, length;
	uint8_t *a;

	ramfs_root(&root);
	free(archive);
	build_tree();
	a = archive;
	a[at_motd + 3] = 'X'; /* the magic of etc/motd's header */
	TAP_EQ_U32(ERR_INVALID, look_follow("bin/busybox", &n),
		   "a bad header after the entry looked up: ERR_INVALID");
	TAP_EQ_U32(ERR_INVALID, look_follow("/", &n), "even for /");
	TAP_EQ_U32(ERR_INVALID,
		   ramfs_readdir(fs_of(a, archive_size), &root, &cookie, &n, &name, &length),
		   "readdir: ERR_INVALID");
	a[at_motd + 3] = '7';
	TAP_EQ_U32(ERR_INVALID, ramfs_lookup(fs_of(a, archive_size - 4), NULL, "bin", true, &n),
		   "a truncated archive: ERR_INVALID");
	TAP_EQ_U32(ERR_INVALID, ramfs_lookup(fs_of(NULL, 0), NULL, "bin", true, &n),
		   "no archive: ERR_INVALID");
	TAP_EQ_U32(ERR_INVALID,
		   ramfs_lookup(fs_of(a, (size_t)RAMFS_ARCHIVE_MAX + 1), NULL, "bin", true, &n),
		   "an archive of 2 GiB: ERR_INVALID");
}

/* Whatever a lookup or readdir answers on a damaged archive, it is an answer. */
static bool answer_sane(int error, const struct ramfs_node *n, const uint8_t *a, size_t size)
{
	const uint8_t *name = (const uint8_t *)n->name, *data = n->data;

	if (error)
		return error == ERR_NOT_FOUND || error == ERR_NOT_DIR || error == ERR_LOOP ||
		       error == ERR_RANGE || error == ERR_INVALID;
	if (n->ino == RAMFS_INO_ROOT)
		return n->name_length == 0;
	return name >= a && n->name_length <= size - (size_t)(name - a) &&
	       (!data || (data >= a && n->size <= size - (size_t)(data - a)));
}

static bool try_everything(const uint8_t *data, size_t size)
{
	static const char *const paths[] = {
		"/bin/busybox", "bin/ls",   "dirlink/abs", "loop1",
		"dangling",     "a/b/c/..", "etc/motd/",   "bin/../etc"
	};
	uint8_t *a = copy_exact(data, size);
	struct ramfs_node n, root, dir;
	const char *name;
	uint32_t cookie = 0, length;
	bool sane = true;
	int error, steps = 0;

	ramfs_root(&root);
	for (unsigned i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		error = ramfs_lookup(fs_of(a, size), NULL, paths[i], true, &n);
		sane &= answer_sane(error, &n, a, size);
		error = ramfs_lookup(fs_of(a, size), NULL, paths[i], false, &n);
		sane &= answer_sane(error, &n, a, size);
	}
	while ((error = ramfs_readdir(fs_of(a, size), &root, &cookie, &n, &name, &length)) == 0 &&
	       steps++ < 64) {
		sane &= answer_sane(error, &n, a, size) && length > 0;
		if (ramfs_is_directory(&n)) {
			uint32_t inner = 0;

			dir = n;
			while (ramfs_readdir(fs_of(a, size), &dir, &inner, &n, &name, &length) ==
				       0 &&
			       steps++ < 64)
				sane &= answer_sane(0, &n, a, size);
		}
	}
	sane &= steps < 64;
	free(a);
	return sane;
}

static void test_damage(void)
{
	static const uint8_t changes[] = { 0x01, 0x0F, 0x2F ^ '0', 0xFF };
	uint8_t copy[ARCHIVE_MAX];
	bool all = true;

	for (size_t at = 0; at < tree.size; at++)
		for (unsigned c = 0; c < sizeof(changes); c++) {
			memcpy(copy, tree.data, tree.size);
			copy[at] ^= changes[c];
			all &= try_everything(copy, tree.size);
		}
	TAP_OK(all, "every byte changed four ways: answers, no bad read");
	all = true;
	for (size_t size = 0; size < tree.size; size++)
		all &= try_everything(tree.data, size);
	TAP_OK(all, "every truncation: answers, no bad read");
}

int main(void)
{
	tap_plan(95);
	build_tree();
	test_lookup_forms();
	test_lookup_symlinks();
	test_link_count();
	test_lookup_errors();
	test_readdir();
	test_walk();
	test_readlink();
	test_malformed();
	test_damage();
	test_name_forms();
	free(archive);
	return tap_done();
}
