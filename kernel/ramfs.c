/*
 * kernel/ramfs.c - a cpio newc archive read as a directory tree
 * (kernel/ramfs.h).
 *
 * Theory of operation
 * -------------------
 * The archive has no index and this module no memory, so the tree is
 * never built: every question is a walk of the entries with cpio_next().
 * A node is named by its path, and the only question asked of the archive
 * is "the child called c of the directory at path p" (find_child()):
 *
 *	for each entry, its name's components (no "", no "."; none "..")
 *	    p's components, then c, then nothing    -> that entry: the answer
 *	    p's components, then c, then more       -> p/c is implied (first such)
 *
 * so an entry wins over an implied directory of the same name wherever it
 * stands, and an implied directory is found by the same entry every time,
 * which gives it a stable inode number: RAMFS_INO_IMPLIED | the offset of
 * the "/" after c in that entry's name. Names are compared a component at
 * a time, never copied, so "./a//b/" and "a/b" meet.
 *
 * Lookup walks the path a component at a time from a current directory
 * node, whose parent (for "..") is the node of its own name less its last
 * component. A symbolic link is replaced by its target in a buffer
 * holding what is left of the path:
 *
 *	pending: "dirlink/busybox"       dirlink is a link to "bin"
 *	         "bin" + "/busybox"      the target, then the rest after the link
 *
 * A relative target goes on from the link's directory (the current one),
 * an absolute one from the root; RAMFS_PATH_MAX bounds the buffer,
 * RAMFS_SYMLINK_MAX the replacements. O(n) per component, n the entries.
 *
 * Readdir goes through the entries from the cookie (an entry's offset)
 * and gives the child of the directory that each names, unless an
 * earlier entry named the same child (a walk from offset 0: O(n) per
 * entry, O(n^2) for a whole listing). What it gives is find_child()'s
 * node for the name: the entry if there is one, even a later one.
 *
 * ramfs_open() walks all of the archive once (check_archive()), so that a
 * malformed archive fails every call alike, whatever part of it the call
 * would have read, and the walks after that cannot fail; the calls do not
 * walk it whole again (a readdir cookie is checked up to where it points).
 */
#include "kernel/ramfs.h"

#include <string.h>

#define INO_ENTRY_BASE 2 /* an entry's inode number: offset / 4 + this (0 and 1 taken) */

/* Where a name is being split into components: the bytes [at, end). */
struct cursor {
	const char *at, *end;
};

struct component {
	const char *text;
	size_t length;
};

static struct cursor cursor_over(const char *name, size_t length)
{
	return (struct cursor){ name, name + length };
}

/* The next component: "/"s before it and empty and "." components are passed over. */
static bool next_component(struct cursor *cursor, struct component *out)
{
	for (;;) {
		const char *start;

		while (cursor->at < cursor->end && *cursor->at == '/')
			cursor->at++;
		if (cursor->at == cursor->end)
			return false;
		start = cursor->at;
		while (cursor->at < cursor->end && *cursor->at != '/')
			cursor->at++;
		if (cursor->at - start == 1 && start[0] == '.')
			continue;
		out->text = start;
		out->length = (size_t)(cursor->at - start);
		return true;
	}
}

static bool component_is(const struct component *c, const char *text, size_t length)
{
	return c->length == length && memcmp(c->text, text, length) == 0;
}

static bool component_is_dot_dot(const struct component *c)
{
	return component_is(c, "..", 2);
}

/* An entry's name has a ".." component: it is none of the tree's. */
static bool name_climbs(const char *name)
{
	struct cursor cursor = cursor_over(name, strlen(name));
	struct component c;

	while (next_component(&cursor, &c))
		if (component_is_dot_dot(&c))
			return true;
	return false;
}

/*
 * The component of entry name that comes right after the directory
 * named parent (parent_length bytes), in *child, and whether more
 * components come after it. False when the name does not go through the
 * directory, or ends at it, or has a ".." anywhere.
 */
static bool child_in_name(const char *name, const char *parent, uint32_t parent_length,
			  struct component *child, bool *deeper)
{
	struct cursor in_name = cursor_over(name, strlen(name));
	struct cursor in_parent = cursor_over(parent, parent_length);
	struct component want, have;

	if (name_climbs(name))
		return false;
	while (next_component(&in_parent, &want))
		if (!next_component(&in_name, &have) ||
		    !component_is(&have, want.text, want.length))
			return false;
	if (!next_component(&in_name, child))
		return false;
	*deeper = next_component(&in_name, &have);
	return true;
}

/* The last component of a node's name in *out; false for the root. */
static bool last_component(const char *name, uint32_t length, struct component *out)
{
	struct cursor cursor = cursor_over(name, length);
	struct component c;
	bool any = false;

	while (next_component(&cursor, &c)) {
		*out = c;
		any = true;
	}
	return any;
}

static uint32_t offset_in(const void *archive, const void *p)
{
	return (uint32_t)((const uint8_t *)p - (const uint8_t *)archive);
}

static void entry_node(const struct cpio_file *entry, size_t offset, struct ramfs_node *out)
{
	out->name = cpio_name_without_prefix(entry->name);
	out->name_length = (uint32_t)strlen(out->name);
	out->mode = entry->mode;
	out->data = entry->data;
	out->size = entry->size;
	out->ino = (uint32_t)(offset / 4) + INO_ENTRY_BASE;
}

/* The directory implied by entry up to the end of its component child. */
static void implied_node(const void *archive, const struct cpio_file *entry,
			 const struct component *child, struct ramfs_node *out)
{
	const char *name = cpio_name_without_prefix(entry->name);
	const char *end = child->text + child->length;

	out->name = name;
	out->name_length = (uint32_t)(end - name);
	out->mode = RAMFS_MODE_IMPLIED_DIRECTORY;
	out->data = NULL;
	out->size = 0;
	out->ino = RAMFS_INO_IMPLIED | offset_in(archive, end);
}

/*
 * Walk the whole archive: 0 if every entry up to the trailer (or the end
 * of the buffer) is well formed, and, when cookie is not NULL, *cookie is
 * the offset of one of them, or of the end. ERR_INVALID otherwise.
 */
static int check_archive(const void *archive, size_t size, const uint32_t *cookie)
{
	struct cpio_file entry;
	size_t offset = 0, at;
	bool cookie_seen = false;
	int error;

	if (!archive || size > RAMFS_ARCHIVE_MAX)
		return ERR_INVALID;
	do {
		at = offset;
		if (cookie && *cookie == at)
			cookie_seen = true;
		if (cookie_seen && cookie)
			return 0; /* (checked whole already: the cookie is all that is left) */
	} while ((error = cpio_next(archive, size, &offset, &entry)) == 0);
	if (error != ERR_NOT_FOUND)
		return error;
	return !cookie || cookie_seen ? 0 : ERR_INVALID;
}

int ramfs_open(struct ramfs *fs, const void *archive, size_t size)
{
	fs->archive = archive;
	fs->size = size;
	fs->checked = check_archive(archive, size, NULL) == 0;
	return fs->checked ? 0 : ERR_INVALID;
}

/* A call's archive: checked whole when opened (else every call is ERR_INVALID); a cookie too. */
static int check(const struct ramfs *fs, const uint32_t *cookie)
{
	if (!fs || !fs->checked)
		return ERR_INVALID;
	return cookie ? check_archive(fs->archive, fs->size, cookie) : 0;
}

/*
 * The child called name of the directory whose path is parent
 * (parent_length bytes, as a node's name): the first entry of that name,
 * else the directory the first entry going through it implies. Returns
 * 0 with *out; ERR_NOT_FOUND.
 */
static int find_child(const void *archive, size_t size, const char *parent, uint32_t parent_length,
		      const struct component *name, struct ramfs_node *out)
{
	struct cpio_file entry;
	struct ramfs_node implied;
	struct component child;
	size_t offset = 0, at = 0;
	bool deeper, implied_found = false;

	while (cpio_next(archive, size, &offset, &entry) == 0) {
		if (child_in_name(entry.name, parent, parent_length, &child, &deeper) &&
		    component_is(&child, name->text, name->length)) {
			if (!deeper) {
				entry_node(&entry, at, out);
				return 0;
			}
			if (!implied_found) {
				implied_node(archive, &entry, &child, &implied);
				implied_found = true;
			}
		}
		at = offset;
	}
	if (!implied_found)
		return ERR_NOT_FOUND;
	*out = implied;
	return 0;
}

/* The directory *node is in (the root's: the root). */
static int find_parent(const void *archive, size_t size, const struct ramfs_node *node,
		       struct ramfs_node *out)
{
	struct component self, parent;
	uint32_t head_length;

	if (!last_component(node->name, node->name_length, &self)) {
		ramfs_root(out);
		return 0;
	}
	head_length = offset_in(node->name, self.text);
	if (!last_component(node->name, head_length, &parent)) {
		ramfs_root(out);
		return 0;
	}
	return find_child(archive, size, node->name, offset_in(node->name, parent.text), &parent,
			  out);
}

void ramfs_root(struct ramfs_node *out)
{
	out->name = "";
	out->name_length = 0;
	out->mode = RAMFS_MODE_IMPLIED_DIRECTORY;
	out->data = NULL;
	out->size = 0;
	out->ino = RAMFS_INO_ROOT;
}

bool ramfs_is_directory(const struct ramfs_node *node)
{
	return (node->mode & CPIO_MODE_TYPE) == CPIO_MODE_DIRECTORY;
}

static bool is_symlink(const struct ramfs_node *node)
{
	return (node->mode & CPIO_MODE_TYPE) == CPIO_MODE_SYMLINK;
}

/* The length of path, or RAMFS_PATH_MAX when it has no NUL in its first RAMFS_PATH_MAX bytes. */
static size_t bounded_length(const char *path)
{
	size_t length = 0;

	while (length < RAMFS_PATH_MAX && path[length])
		length++;
	return length;
}

/* What is left of a path to look up: text[at, length). */
struct pending {
	char text[RAMFS_PATH_MAX];
	size_t at, length;
};

/*
 * The target of link, whose name was the component just taken (it ends
 * at p->at), in place of everything up to that name's end: what follows
 * it, from its "/" on, stays.
 */
static int put_target(struct pending *p, const struct ramfs_node *link)
{
	size_t end = p->at, rest = p->length - end;

	if (link->size == 0)
		return ERR_NOT_FOUND; /* as Linux: an empty target names nothing */
	if (link->size > RAMFS_PATH_MAX - 1 - rest)
		return ERR_RANGE;
	memmove(p->text + link->size, p->text + end, rest);
	memcpy(p->text, link->data, link->size);
	p->length = link->size + rest;
	p->at = 0;
	return 0;
}

/* The next component of p, moved past; *slash_after: a "/" follows it. */
static bool take_component(struct pending *p, struct component *out, bool *slash_after)
{
	struct cursor cursor = { p->text + p->at, p->text + p->length };

	if (!next_component(&cursor, out))
		return false;
	p->at = (size_t)(cursor.at - p->text);
	*slash_after = p->at < p->length;
	return true;
}

/* No component left in p: the one taken was the last. */
static bool nothing_left(const struct pending *p)
{
	struct cursor cursor = { p->text + p->at, p->text + p->length };
	struct component c;

	return !next_component(&cursor, &c);
}

int ramfs_lookup(const struct ramfs *fs, const struct ramfs_node *cwd, const char *path,
		 bool follow_last, struct ramfs_node *out)
{
	const void *archive = fs ? fs->archive : NULL;
	size_t size = fs ? fs->size : 0;
	struct ramfs_node current, child;
	struct pending pending;
	struct component name;
	unsigned links = 0;
	bool slash_after;
	int error;

	if (!path || !out)
		return ERR_INVALID;
	error = check(fs, NULL);
	if (error)
		return error;
	pending.length = bounded_length(path);
	if (pending.length == 0)
		return ERR_NOT_FOUND;
	if (pending.length == RAMFS_PATH_MAX)
		return ERR_RANGE;
	memcpy(pending.text, path, pending.length);
	pending.at = 0;

	if (path[0] == '/' || !cwd)
		ramfs_root(&current);
	else if (!ramfs_is_directory(cwd))
		return ERR_NOT_DIR;
	else
		current = *cwd;

	while (take_component(&pending, &name, &slash_after)) {
		bool last = nothing_left(&pending);

		if (component_is_dot_dot(&name)) {
			error = find_parent(archive, size, &current, &current);
			if (error)
				return error;
			continue;
		}
		error = find_child(archive, size, current.name, current.name_length, &name, &child);
		if (error)
			return error;
		if (is_symlink(&child) && (!last || follow_last || slash_after)) {
			if (++links > RAMFS_SYMLINK_MAX)
				return ERR_LOOP;
			error = put_target(&pending, &child);
			if (error)
				return error;
			if (pending.text[0] == '/')
				ramfs_root(&current);
			continue;
		}
		if ((!last || slash_after) && !ramfs_is_directory(&child))
			return ERR_NOT_DIR;
		if (last) {
			*out = child;
			return 0;
		}
		current = child;
	}
	/* The path ended in "/", ".", "..": the directory reached. */
	*out = current;
	return 0;
}

/* An entry before offset `before` names the same child of parent. */
static bool named_before(const void *archive, size_t size, size_t before, const char *parent,
			 uint32_t parent_length, const struct component *name)
{
	struct cpio_file entry;
	struct component child;
	size_t offset = 0;
	bool deeper;

	while (offset < before && cpio_next(archive, size, &offset, &entry) == 0)
		if (child_in_name(entry.name, parent, parent_length, &child, &deeper) &&
		    component_is(&child, name->text, name->length))
			return true;
	return false;
}

int ramfs_readdir(const struct ramfs *fs, const struct ramfs_node *dir, uint32_t *cookie,
		  struct ramfs_node *out, const char **name, uint32_t *name_length)
{
	const void *archive = fs ? fs->archive : NULL;
	size_t size = fs ? fs->size : 0;
	struct cpio_file entry;
	struct ramfs_node node;
	struct component child, own;
	size_t offset, at;
	bool deeper;
	int error;

	if (!dir || !cookie || !out || !name || !name_length)
		return ERR_INVALID;
	error = check(fs, cookie);
	if (error)
		return error;
	if (!ramfs_is_directory(dir))
		return ERR_NOT_DIR;

	offset = *cookie;
	for (;;) {
		at = offset;
		error = cpio_next(archive, size, &offset, &entry);
		if (error)
			return error;
		if (!child_in_name(entry.name, dir->name, dir->name_length, &child, &deeper) ||
		    named_before(archive, size, at, dir->name, dir->name_length, &child))
			continue;
		error = find_child(archive, size, dir->name, dir->name_length, &child, &node);
		if (error)
			return error;
		own = child; /* the same name; the node's own spelling of it, if it has one */
		(void)last_component(node.name, node.name_length, &own);
		*out = node;
		*name = own.text;
		*name_length = (uint32_t)own.length;
		*cookie = (uint32_t)offset;
		return 0;
	}
}

int ramfs_readlink(const struct ramfs_node *node, char *buf, size_t size)
{
	size_t length;

	if (!node || !is_symlink(node) || (!buf && size))
		return ERR_INVALID;
	length = node->size < size ? node->size : size;
	if (length)
		memcpy(buf, node->data, length);
	return (int)length;
}

int ramfs_path(const struct ramfs_node *node, char *buf, size_t size)
{
	struct cursor cursor;
	struct component c;
	size_t length = 0, at = 0;

	if (!node || !buf)
		return ERR_INVALID;
	cursor = cursor_over(node->name, node->name_length);
	while (next_component(&cursor, &c))
		length += 1 + c.length;
	if (length == 0)
		length = 1; /* "/" */
	if (length >= size)
		return ERR_RANGE;

	buf[0] = '/';
	cursor = cursor_over(node->name, node->name_length);
	while (next_component(&cursor, &c)) {
		buf[at++] = '/';
		memcpy(buf + at, c.text, c.length);
		at += c.length;
	}
	buf[length] = 0;
	return 0;
}
