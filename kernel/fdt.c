/*
 * kernel/fdt.c - reading a flattened device tree (kernel/fdt.h).
 *
 * Theory of operation
 * -------------------
 * The header is read only once its first two words (magic, totalsize)
 * say the rest lies inside the limit; each block is then checked against
 * totalsize, and the reservation map is read an entry at a time, each
 * checked to fit. Every read of the structure block goes through two
 * functions. read_token() decodes the one token at an offset and checks
 * everything it touches: the token word, a node's NUL-terminated name, a
 * property's length and name offset, the padding to the next token; all
 * in 32-bit arithmetic that cannot wrap, because each length is compared
 * with what is left of its block (size - offset) and never added first.
 * walk_next() steps over tokens and keeps the nesting rules: at most
 * FDT_MAX_DEPTH open nodes, no FDT_END_NODE without a node, no property
 * outside a node, no FDT_END inside one. Each token moves the walk forward
 * by at least four bytes, so every walk ends.
 *
 * fdt_open() walks the whole tree once, so a bad blob is refused as a
 * whole rather than found bad halfway through the boot; the lookups walk
 * again through the same two functions and so stay safe by themselves.
 * A lookup is a linear scan with a depth counter: no recursion, no stack
 * of nodes.
 *
 * Property order is not checked: the specification puts a node's
 * properties before its children, but a property after a child is found
 * all the same, since a walk tells a node's own properties by depth.
 */
#include "kernel/fdt.h"

#include <string.h>

/* Header fields, by byte offset. */
#define HEADER_MAGIC           0
#define HEADER_TOTALSIZE       4
#define HEADER_OFF_DT_STRUCT   8
#define HEADER_OFF_DT_STRINGS  12
#define HEADER_OFF_MEM_RSVMAP  16
#define HEADER_VERSION         20
#define HEADER_LAST_COMP       24
#define HEADER_BOOT_CPUID      28
#define HEADER_SIZE_DT_STRINGS 32
#define HEADER_SIZE_DT_STRUCT  36

#define RSVMAP_ENTRY_SIZE 16 /* two big-endian 64-bit words */
#define PROP_HEADER_SIZE  8  /* len, nameoff */
#define FOUR_GIB          0x100000000ULL

/* One decoded token of the structure block. */
struct token {
	uint32_t tag;
	uint32_t offset;      /* its own, in the structure block */
	uint32_t next;        /* the next token's */
	const char *name;     /* FDT_BEGIN_NODE: the node's; FDT_PROP: the property's */
	const uint8_t *value; /* FDT_PROP */
	uint32_t length;
};

/* A walk over tokens: depth is how many nodes are open after the last one. */
struct walk {
	uint32_t offset;
	unsigned depth;
	struct token token;
};

/* One component of a path: not NUL-terminated, it points into the path. */
struct component {
	const char *name;
	size_t length;
};

/* Byte by byte: the blob has no alignment promise, and the CPU is little-endian. */
static uint32_t read_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint64_t read_be64(const uint8_t *p)
{
	return (uint64_t)read_be32(p) << 32 | read_be32(p + 4);
}

/* [offset, offset + size) lies after the header and inside total bytes. */
static bool block_inside(uint32_t total, uint32_t offset, uint32_t size)
{
	return offset >= FDT_HEADER_SIZE && offset <= total && size <= total - offset;
}

/* A property's name: offset into the strings block, NUL-terminated inside it. */
static const char *string_at(const struct fdt *fdt, uint32_t offset)
{
	const uint8_t *s;

	/* The pointer is formed only once it is known to be inside the block. */
	if (offset >= fdt->strings_size)
		return NULL;
	s = fdt->blob + fdt->strings_offset + offset;
	return memchr(s, 0, fdt->strings_size - offset) ? (const char *)s : NULL;
}

/*
 * Tokens are 4-byte aligned: a name or a value is padded up to the next
 * one. end <= size on entry; the padding must fit in the block too.
 */
static int skip_padding(uint32_t size, uint32_t end, uint32_t *next)
{
	uint32_t padding = (4 - (end & 3)) & 3;

	if (padding > size - end)
		return ERR_INVALID;
	*next = end + padding;
	return 0;
}

static int read_token(const struct fdt *fdt, uint32_t offset, struct token *t)
{
	const uint8_t *block = fdt->blob + fdt->struct_offset;
	uint32_t size = fdt->struct_size, at, nameoff;
	const uint8_t *nul;

	if ((offset & 3) || offset > size || size - offset < 4)
		return ERR_INVALID;
	t->tag = read_be32(block + offset);
	t->offset = offset;
	t->next = offset + 4;
	t->name = NULL;
	t->value = NULL;
	t->length = 0;
	at = t->next;
	switch (t->tag) {
	case FDT_BEGIN_NODE:
		nul = memchr(block + at, 0, size - at);
		if (!nul)
			return ERR_INVALID;
		t->name = (const char *)(block + at);
		return skip_padding(size, (uint32_t)(nul - block) + 1, &t->next);
	case FDT_PROP:
		if (size - at < PROP_HEADER_SIZE)
			return ERR_INVALID;
		t->length = read_be32(block + at);
		nameoff = read_be32(block + at + 4);
		at += PROP_HEADER_SIZE;
		if (t->length > size - at)
			return ERR_INVALID;
		t->name = string_at(fdt, nameoff);
		if (!t->name)
			return ERR_INVALID;
		t->value = block + at;
		return skip_padding(size, at + t->length, &t->next);
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		return 0;
	default:
		return ERR_INVALID;
	}
}

/* The next token, nesting checked: its tag, or an error. */
static int walk_next(const struct fdt *fdt, struct walk *w)
{
	int error = read_token(fdt, w->offset, &w->token);

	if (error)
		return error;
	switch (w->token.tag) {
	case FDT_BEGIN_NODE:
		if (w->depth == FDT_MAX_DEPTH)
			return ERR_INVALID;
		w->depth++;
		break;
	case FDT_END_NODE:
		if (w->depth == 0)
			return ERR_INVALID;
		w->depth--;
		break;
	case FDT_PROP:
		if (w->depth == 0)
			return ERR_INVALID;
		break;
	case FDT_END:
		if (w->depth != 0)
			return ERR_INVALID;
		break;
	}
	w->offset = w->token.next;
	return (int)w->token.tag;
}

/* The map ends with (0, 0) inside the blob; count the entries before it. */
static int check_rsvmap(struct fdt *fdt)
{
	uint32_t at = fdt->rsvmap_offset, count = 0;

	for (;;) {
		const uint8_t *entry = fdt->blob + at;

		if (fdt->total_size - at < RSVMAP_ENTRY_SIZE)
			return ERR_INVALID;
		if (read_be64(entry) == 0 && read_be64(entry + 8) == 0)
			break;
		at += RSVMAP_ENTRY_SIZE;
		count++;
	}
	fdt->rsvmap_count = count;
	return 0;
}

/* One root node, closed, then FDT_END (NOPs may come anywhere). */
static int check_structure(const struct fdt *fdt)
{
	struct walk w = { 0 };
	bool root = false;

	for (;;) {
		int tag = walk_next(fdt, &w);

		if (tag < 0)
			return tag;
		if (tag == FDT_BEGIN_NODE && w.depth == 1) {
			if (root)
				return ERR_INVALID;
			root = true;
		}
		if (tag == FDT_END)
			return root ? 0 : ERR_INVALID;
	}
}

int fdt_open(struct fdt *fdt, const void *blob, size_t limit)
{
	const uint8_t *header = blob;
	struct fdt t = { .blob = blob };
	uint32_t last_comp;
	int error;

	if (!fdt || !blob || limit < FDT_HEADER_SIZE)
		return ERR_INVALID;
	if (read_be32(header + HEADER_MAGIC) != FDT_MAGIC)
		return ERR_INVALID;
	/* Nothing past the first two words is read before totalsize is known good. */
	t.total_size = read_be32(header + HEADER_TOTALSIZE);
	if (t.total_size < FDT_HEADER_SIZE || t.total_size > limit)
		return ERR_INVALID;
	t.version = read_be32(header + HEADER_VERSION);
	last_comp = read_be32(header + HEADER_LAST_COMP);
	if (t.version < FDT_VERSION_MIN || last_comp > FDT_VERSION_READ)
		return ERR_INVALID;
	t.boot_cpu = read_be32(header + HEADER_BOOT_CPUID);

	t.rsvmap_offset = read_be32(header + HEADER_OFF_MEM_RSVMAP);
	if (!block_inside(t.total_size, t.rsvmap_offset, 0) || (t.rsvmap_offset & 7))
		return ERR_INVALID;

	t.struct_offset = read_be32(header + HEADER_OFF_DT_STRUCT);
	if (!block_inside(t.total_size, t.struct_offset, 0) || (t.struct_offset & 3))
		return ERR_INVALID;
	/* size_dt_struct came with version 17; before, the block ends with the blob. */
	if (t.version >= 17)
		t.struct_size = read_be32(header + HEADER_SIZE_DT_STRUCT);
	else
		t.struct_size = t.total_size - t.struct_offset;
	if (!block_inside(t.total_size, t.struct_offset, t.struct_size))
		return ERR_INVALID;

	t.strings_offset = read_be32(header + HEADER_OFF_DT_STRINGS);
	t.strings_size = read_be32(header + HEADER_SIZE_DT_STRINGS);
	if (!block_inside(t.total_size, t.strings_offset, t.strings_size))
		return ERR_INVALID;

	error = check_rsvmap(&t);
	if (error)
		return error;
	error = check_structure(&t);
	if (error)
		return error;
	*fdt = t;
	return 0;
}

uint32_t fdt_total_size(const struct fdt *fdt)
{
	return fdt->total_size;
}

int fdt_reservation(const struct fdt *fdt, unsigned index, uint64_t *address, uint64_t *size)
{
	const uint8_t *entry;
	uint32_t room;

	if (index >= fdt->rsvmap_count)
		return ERR_NOT_FOUND;
	/* fdt_open() counted the entries inside the blob; checked again all the same. */
	if (fdt->rsvmap_offset > fdt->total_size)
		return ERR_INVALID;
	room = (fdt->total_size - fdt->rsvmap_offset) / RSVMAP_ENTRY_SIZE;
	if (index >= room)
		return ERR_INVALID;
	entry = fdt->blob + fdt->rsvmap_offset + index * RSVMAP_ENTRY_SIZE;
	if (address)
		*address = read_be64(entry);
	if (size)
		*size = read_be64(entry + 8);
	return 0;
}

/*
 * Cut an absolute path into components. More than fit in the depth bound
 * are counted but not kept: the caller answers ERR_NOT_FOUND.
 */
static int split_path(const char *path, struct component *parts, unsigned *count)
{
	const char *p;
	unsigned n = 0;

	if (!path || path[0] != '/')
		return ERR_INVALID;
	if (path[1] == '\0') {
		*count = 0;
		return 0;
	}
	for (p = path + 1;; p++) {
		const char *start = p;

		while (*p && *p != '/')
			p++;
		if (p == start)
			return ERR_INVALID;
		if (n < FDT_MAX_DEPTH - 1)
			parts[n] = (struct component){ start, (size_t)(p - start) };
		n++;
		if (!*p)
			break;
	}
	*count = n;
	return 0;
}

/*
 * "memory@0" is matched by "memory@0" and by "memory". name is
 * NUL-terminated; strncmp stops at its NUL, so when it matches, name has
 * at least length characters and name[length] can be read.
 */
static bool name_matches(const char *name, const struct component *c)
{
	if (strncmp(name, c->name, c->length) != 0)
		return false;
	if (name[c->length] == '\0')
		return true;
	return name[c->length] == '@' && !memchr(c->name, '@', c->length);
}

int fdt_find_node(const struct fdt *fdt, const char *path, uint32_t *node)
{
	struct component parts[FDT_MAX_DEPTH - 1];
	struct walk w = { 0 };
	unsigned count, on_path = 0; /* open nodes, from the root down, on the path */
	int error = split_path(path, parts, &count);

	if (error)
		return error;
	if (count > FDT_MAX_DEPTH - 1)
		return ERR_NOT_FOUND;
	for (;;) {
		int tag = walk_next(fdt, &w);

		if (tag < 0)
			return tag;
		switch (tag) {
		case FDT_BEGIN_NODE:
			/* Only a child of the deepest node on the path can extend it. */
			if (w.depth != on_path + 1)
				break;
			if (w.depth > 1 && !name_matches(w.token.name, &parts[on_path - 1]))
				break;
			on_path++;
			if (on_path == count + 1) {
				if (node)
					*node = w.token.offset;
				return 0;
			}
			break;
		case FDT_END_NODE:
			/*
			 * Leaving a node on the path: a later sibling with the
			 * same base name ("memory@1000") may still hold the rest.
			 */
			if (w.depth + 1 == on_path)
				on_path--;
			if (w.depth == 0)
				return ERR_NOT_FOUND;
			break;
		case FDT_END:
			return ERR_NOT_FOUND;
		}
	}
}

int fdt_get_property(const struct fdt *fdt, uint32_t node, const char *name, const void **value,
		     uint32_t *length)
{
	struct walk w = { .offset = node };
	int tag;

	if (!name)
		return ERR_INVALID;
	tag = walk_next(fdt, &w);
	if (tag < 0)
		return tag;
	if (tag != FDT_BEGIN_NODE)
		return ERR_INVALID;
	for (;;) {
		tag = walk_next(fdt, &w);
		if (tag < 0)
			return tag;
		if (tag == FDT_PROP && w.depth == 1 && strcmp(w.token.name, name) == 0) {
			if (value)
				*value = w.token.value;
			if (length)
				*length = w.token.length;
			return 0;
		}
		/* Depth 0 again: that was the node's own FDT_END_NODE. */
		if (w.depth == 0)
			return ERR_NOT_FOUND;
	}
}

/* #address-cells or #size-cells: one cell holding 1 or 2, or the default. */
static int read_cells(const struct fdt *fdt, uint32_t node, const char *name, uint32_t fallback,
		      uint32_t *cells)
{
	const void *value;
	uint32_t length;
	int error = fdt_get_property(fdt, node, name, &value, &length);

	if (error == ERR_NOT_FOUND) {
		*cells = fallback;
		return 0;
	}
	if (error)
		return error;
	if (length != 4)
		return ERR_INVALID;
	*cells = read_be32(value);
	return *cells == 1 || *cells == 2 ? 0 : ERR_INVALID;
}

/* A number of one or two cells. */
static uint64_t read_number(const uint8_t *p, uint32_t cells)
{
	return cells == 2 ? read_be64(p) : read_be32(p);
}

static int read_memory(const struct fdt *fdt, struct fdt_boot *boot)
{
	uint32_t root, node, address_cells, size_cells, length, entry;
	const void *value;
	const uint8_t *reg;
	int error = fdt_find_node(fdt, "/memory", &node);

	if (error == ERR_NOT_FOUND)
		return 0;
	if (error)
		return error;
	error = fdt_find_node(fdt, "/", &root);
	if (!error)
		error = read_cells(fdt, root, "#address-cells", 2, &address_cells);
	if (!error)
		error = read_cells(fdt, root, "#size-cells", 1, &size_cells);
	if (!error)
		error = fdt_get_property(fdt, node, "reg", &value, &length);
	if (error)
		return error == ERR_NOT_FOUND ? ERR_INVALID : error;
	reg = value;
	entry = (address_cells + size_cells) * 4;
	if (length == 0 || length % entry)
		return ERR_INVALID;
	for (uint32_t at = 0; at < length; at += entry) {
		uint64_t base = read_number(reg + at, address_cells);
		uint64_t size = read_number(reg + at + address_cells * 4, size_cells);

		if (size > UINT64_MAX - base)
			return ERR_INVALID;
		if (size == 0)
			continue;
		if (base >= FOUR_GIB) {
			boot->memory_above_4g = true;
			continue;
		}
		if (size > FOUR_GIB - base) {
			size = FOUR_GIB - base;
			boot->memory_above_4g = true;
		}
		if (boot->memory_count == FDT_MEMORY_RANGES_MAX) {
			boot->memory_truncated = true;
			continue;
		}
		boot->memory[boot->memory_count].base = base;
		boot->memory[boot->memory_count].size = size;
		boot->memory_count++;
	}
	boot->has_memory = boot->memory_count > 0;
	return 0;
}

/* An initrd bound: 4 or 8 bytes; *present says whether it is there. */
static int read_initrd_bound(const struct fdt *fdt, uint32_t chosen, const char *name,
			     uint64_t *bound, bool *present)
{
	const void *value;
	uint32_t length;
	int error = fdt_get_property(fdt, chosen, name, &value, &length);

	*present = false;
	if (error == ERR_NOT_FOUND)
		return 0;
	if (error)
		return error;
	if (length != 4 && length != 8)
		return ERR_INVALID;
	*bound = read_number(value, length / 4);
	*present = true;
	return 0;
}

static int read_chosen(const struct fdt *fdt, struct fdt_boot *boot)
{
	uint32_t chosen, length;
	const void *value;
	bool has_start, has_end;
	int error = fdt_find_node(fdt, "/chosen", &chosen);

	if (error == ERR_NOT_FOUND)
		return 0;
	if (error)
		return error;

	error = fdt_get_property(fdt, chosen, "bootargs", &value, &length);
	if (error == 0) {
		/* The first NUL ends the string; there must be one inside the property. */
		if (!memchr(value, 0, length))
			return ERR_INVALID;
		boot->bootargs = value;
		boot->has_bootargs = true;
	} else if (error != ERR_NOT_FOUND) {
		return error;
	}

	error = read_initrd_bound(fdt, chosen, "linux,initrd-start", &boot->initrd_start,
				  &has_start);
	if (!error)
		error = read_initrd_bound(fdt, chosen, "linux,initrd-end", &boot->initrd_end,
					  &has_end);
	if (error)
		return error;
	if (has_start != has_end)
		return ERR_INVALID;
	if (has_start && boot->initrd_end < boot->initrd_start)
		return ERR_INVALID;
	boot->has_initrd = has_start;
	return 0;
}

int fdt_read_boot(const struct fdt *fdt, struct fdt_boot *out)
{
	struct fdt_boot boot = { 0 };
	int error;

	if (!out)
		return ERR_INVALID;
	error = read_memory(fdt, &boot);
	if (!error)
		error = read_chosen(fdt, &boot);
	if (error)
		return error;
	*out = boot;
	return 0;
}
